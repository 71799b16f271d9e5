#include "widgets/queueview.h"

#include "models/itemcatalogue.h"
#include "models/labels.h"
#include "models/queuemodel.h"

#include "replica/search.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace carta::app {

namespace {

QString termName(const ItemCatalogue *catalogue, model::Vocabulary vocabulary, replica::Facet facet, const QString &slug)
{
    if (facet == replica::Facet::Region && slug == replica::nationalRegion())
        return Labels::facetValue(facet, slug);
    if (catalogue)
        if (QString title = catalogue->termTitle(vocabulary, slug); !title.isEmpty())
            return title;
    return Labels::facetValue(facet, slug);
}

// Sorts on QueueModel::SortRole and names regions by their terms' titles where the
// catalogue knows them (the model, having no catalogue, humanises slugs).
class QueueSortModel : public QSortFilterProxyModel
{
public:
    QueueSortModel(const ItemCatalogue *catalogue, QObject *parent) : QSortFilterProxyModel(parent), m_catalogue(catalogue)
    {
        setSortRole(QueueModel::SortRole);
        setSortLocaleAware(true);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (m_catalogue && index.column() == QueueModel::RegionColumn
            && (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == QueueModel::SortRole)) {
            const auto *queue = static_cast<const QueueModel *>(sourceModel());
            if (const QueueEntry *entry = queue->entryAt(mapToSource(index).row())) {
                if (role == Qt::ToolTipRole && entry->regions.size() < 2)
                    return {};
                return regionNames(*entry);
            }
        }
        return QSortFilterProxyModel::data(index, role);
    }

private:
    QString regionNames(const QueueEntry &entry) const
    {
        if (entry.regions.isEmpty())
            return termName(m_catalogue, model::Vocabulary::Region, replica::Facet::Region, replica::nationalRegion());
        QStringList names;
        for (const QString &slug : entry.regions)
            names.append(termName(m_catalogue, model::Vocabulary::Region, replica::Facet::Region, slug));
        return names.join(QStringLiteral(", "));
    }

    const ItemCatalogue *m_catalogue;
};

// Refills a filter menu with "any" first and the values after it; the chosen value stays
// chosen, and listed even when the queue no longer holds it, so a filter never changes
// under the person's hands.
void refill(QComboBox *combo, const QString &anyText, const QList<std::pair<QString, QString>> &values)
{
    const QSignalBlocker quiet(combo);
    const QString chosen = combo->currentData().toString();
    QString chosenText = combo->currentText();
    combo->clear();
    combo->addItem(anyText, QString());
    for (const auto &[value, text] : values)
        combo->addItem(text, value);
    if (chosen.isEmpty())
        return;
    int index = combo->findData(chosen);
    if (index < 0) {
        combo->addItem(chosenText, chosen);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

} // namespace

QueueView::QueueView(replica::Replica &replica, const ItemCatalogue *catalogue, QWidget *parent)
    : QWidget(parent), m_replica(replica), m_catalogue(catalogue)
{
    setObjectName(QStringLiteral("queueView"));
    m_model = new QueueModel(m_replica, this);
    m_sorted = new QueueSortModel(m_catalogue, this);
    m_sorted->setSourceModel(m_model);

    // ---- the filter menus, each under its label ----
    auto *filters = new QGridLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    int column = 0;
    const auto addFilter = [&](const QString &label, const QString &accessibleName, const char *name) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QString::fromLatin1(name));
        combo->setAccessibleName(accessibleName);
        // Shrinks with the window instead of widening it; the open menu shows whole names.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
        auto *buddy = new QLabel(label, this);
        buddy->setBuddy(combo);
        filters->addWidget(buddy, 0, column);
        filters->addWidget(combo, 1, column);
        filters->setColumnStretch(column, 1);
        ++column;
        return combo;
    };
    m_state = addFilter(tr("&State"), tr("Filter by state"), "queueStateFilter");
    m_type = addFilter(tr("T&ype"), tr("Filter by type"), "queueTypeFilter");
    m_region = addFilter(tr("&Region"), tr("Filter by region"), "queueRegionFilter");
    m_profession = addFilter(tr("&Profession"), tr("Filter by profession"), "queueProfessionFilter");
    m_author = addFilter(tr("A&uthor"), tr("Filter by who last changed the item"), "queueAuthorFilter");
    m_waiting = addFilter(tr("&Waiting"), tr("Filter by waiting time"), "queueWaitingFilter");

    m_state->addItem(tr("All awaiting action"), QString());
    for (model::WorkflowState state : QueueModel::queueStates())
        m_state->addItem(Labels::state(state), model::toString(state));
    m_waiting->addItem(tr("Any time"), 0);
    m_waiting->addItem(tr("More than a day"), 1);
    m_waiting->addItem(tr("More than 3 days"), 3);
    m_waiting->addItem(tr("More than a week"), 7);
    m_waiting->addItem(tr("More than 30 days"), 30);
    m_type->addItem(tr("All types"), QString());
    m_region->addItem(tr("All regions"), QString());
    m_profession->addItem(tr("All professions"), QString());
    m_author->addItem(tr("Anyone"), QString());

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("queueCounts"));
    m_counts->setAccessibleName(tr("Items awaiting action"));
    m_counts->setWordWrap(true);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("queueEmpty"));
    m_empty->setAccessibleName(tr("Queue status"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    // ---- the table ----
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setAccessibleName(tr("Moderation queue"));
    m_table->setModel(m_sorted);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QueueModel::WaitingColumn, Qt::DescendingOrder); // longest waiting first
    m_table->verticalHeader()->hide();
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() * 3 / 2);
    // Column widths from the font and the labels a column can show, never from the rows.
    const int charWidth = metrics.averageCharWidth();
    const auto widest = [&](const QStringList &texts) {
        int width = 0;
        for (const QString &text : texts)
            width = std::max(width, metrics.horizontalAdvance(text));
        return width + charWidth * 3;
    };
    QStringList typeNames;
    for (model::ItemType type : model::allItemTypes())
        typeNames.append(Labels::itemType(type));
    QStringList stateNames;
    for (model::WorkflowState state : QueueModel::queueStates())
        stateNames.append(Labels::state(state));
    const QDateTime sample = QDateTime::currentDateTimeUtc();
    const QStringList waits{QueueModel::waitingText(sample.addSecs(-59 * 60), sample),
                            QueueModel::waitingText(sample.addSecs(-23 * 60 * 60), sample),
                            QueueModel::waitingText(sample.addDays(-999), sample)};
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QueueModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(QueueModel::TypeColumn, widest(typeNames));
    header->resizeSection(QueueModel::StateColumn, widest(stateNames));
    header->resizeSection(QueueModel::RegionColumn, charWidth * 20);
    header->resizeSection(QueueModel::ChangedByColumn, charWidth * 16);
    header->resizeSection(QueueModel::WaitingColumn, widest(waits));
    header->setHighlightSections(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_counts);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    setTabOrder(m_state, m_type);
    setTabOrder(m_type, m_region);
    setTabOrder(m_region, m_profession);
    setTabOrder(m_profession, m_author);
    setTabOrder(m_author, m_waiting);
    setTabOrder(m_waiting, m_table);

    for (QComboBox *combo : {m_state, m_type, m_region, m_profession, m_author, m_waiting})
        connect(combo, &QComboBox::currentIndexChanged, this, &QueueView::applyFilters);
    connect(m_model, &QueueModel::countsChanged, this, &QueueView::updateCounts);
    // A reload or a new filter resets the rows: keep the selected item selected if it is still there.
    connect(m_sorted, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_restoring = true; });
    connect(m_sorted, &QAbstractItemModel::modelReset, this, [this] {
        if (const int row = m_model->rowOf(m_selected); row >= 0) {
            const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, QueueModel::TitleColumn));
            m_table->setCurrentIndex(index);
        }
        m_restoring = false;
        noteCurrent();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_restoring)
            noteCurrent();
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const QUuid id = m_sorted->data(index, QueueModel::IdRole).toUuid(); !id.isNull())
            Q_EMIT openRequested(id);
    });

    reload();
}

void QueueView::setUser(const model::User &user)
{
    m_user = user;
    const int index = user.role == model::Role::Reviewer
        ? m_state->findData(model::toString(model::WorkflowState::InReview))
        : m_state->findData(QString());
    m_state->setCurrentIndex(index);
}

void QueueView::reload(const QDateTime &now)
{
    m_model->reload(now);
    rebuildFilterMenus(); // keeps every chosen value, so the filter stands as it was
}

void QueueView::select(const QUuid &id)
{
    const int row = id.isNull() ? -1 : m_model->rowOf(id);
    const QModelIndex index = row >= 0 ? m_sorted->mapFromSource(m_model->index(row, QueueModel::TitleColumn)) : QModelIndex();
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
    } else {
        m_table->selectionModel()->clear();
        m_table->setCurrentIndex(QModelIndex());
        noteCurrent();
    }
}

QUuid QueueView::currentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_sorted->data(current, QueueModel::IdRole).toUuid() : QUuid();
}

void QueueView::noteCurrent()
{
    const QUuid id = currentId();
    if (id == m_selected)
        return;
    m_selected = id;
    Q_EMIT currentChanged(id);
}

void QueueView::rebuildFilterMenus()
{
    QList<std::pair<QString, QString>> types;
    for (model::ItemType type : m_model->types())
        types.append({model::toString(type), Labels::itemType(type)});
    refill(m_type, tr("All types"), types);

    // National first, then the regions by name.
    QList<std::pair<QString, QString>> regions;
    for (const QString &slug : m_model->regions())
        regions.append({slug, termName(m_catalogue, model::Vocabulary::Region, replica::Facet::Region, slug)});
    std::stable_sort(regions.begin(), regions.end(), [](const auto &a, const auto &b) {
        const bool aNational = a.first == replica::nationalRegion();
        const bool bNational = b.first == replica::nationalRegion();
        if (aNational != bNational)
            return aNational;
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    refill(m_region, tr("All regions"), regions);

    QList<std::pair<QString, QString>> professions;
    for (const QString &slug : m_model->professions())
        professions.append({slug, termName(m_catalogue, model::Vocabulary::Profession, replica::Facet::Profession, slug)});
    std::stable_sort(professions.begin(), professions.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    refill(m_profession, tr("All professions"), professions);

    QList<std::pair<QString, QString>> authors;
    for (const QString &name : m_model->authors())
        authors.append({name, name});
    refill(m_author, tr("Anyone"), authors);
}

void QueueView::applyFilters()
{
    QueueFilter filter;
    if (const auto state = model::workflowStateFromString(m_state->currentData().toString()))
        filter.states = {*state};
    filter.type = model::itemTypeFromString(m_type->currentData().toString());
    filter.region = m_region->currentData().toString();
    filter.profession = m_profession->currentData().toString();
    filter.author = m_author->currentData().toString();
    filter.minWaitingDays = m_waiting->currentData().toInt();
    m_model->setFilter(filter);
}

void QueueView::updateCounts()
{
    qint64 total = 0;
    for (int i = 0; i < m_state->count(); ++i) {
        const auto state = model::workflowStateFromString(m_state->itemData(i).toString());
        if (!state)
            continue;
        const qint64 count = m_model->countFor(*state);
        total += count;
        m_state->setItemText(i, tr("%1 (%L2)").arg(Labels::state(*state)).arg(count));
    }
    if (const int all = m_state->findData(QString()); all >= 0)
        m_state->setItemText(all, tr("%1 (%L2)").arg(tr("All awaiting action")).arg(total));

    m_counts->setText(tr("%L1 in review · %L2 approved · %L3 changes requested")
                          .arg(m_model->countFor(model::WorkflowState::InReview))
                          .arg(m_model->countFor(model::WorkflowState::Approved))
                          .arg(m_model->countFor(model::WorkflowState::ChangesRequested)));

    const bool empty = m_model->rowCount() == 0;
    if (empty)
        m_empty->setText(m_model->types().isEmpty() ? tr("Nothing is waiting for you")
                                                    : tr("No item matches these filters"));
    m_empty->setVisible(empty);
}

} // namespace carta::app
