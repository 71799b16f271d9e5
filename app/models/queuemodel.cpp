#include "models/queuemodel.h"

#include "widgets/fieldtext.h"

#include "models/labels.h"

#include "replica/replica.h"
#include "replica/search.h"

#include <QLocale>
#include <QSet>
#include <QDebug>

#include <algorithm>

namespace carta::app {

namespace {

constexpr qint64 kSecondsPerDay = 24 * 60 * 60;
// The search is only a way to find candidates quickly; read it a page at a time.
constexpr int kSearchPage = 500;

// Seconds waited, or -1 when unknown (they sort after every known wait).
qint64 secondsWaited(const QueueEntry &entry, const QDateTime &now)
{
    if (!entry.changedAt.isValid() || !now.isValid())
        return -1;
    return std::max<qint64>(0, entry.changedAt.secsTo(now));
}

QString regionsText(const QueueEntry &entry)
{
    if (entry.regions.isEmpty())
        return Labels::facetValue(replica::Facet::Region, replica::nationalRegion());
    QStringList names;
    names.reserve(entry.regions.size());
    for (const QString &slug : entry.regions)
        names.append(Labels::facetValue(replica::Facet::Region, slug));
    return names.join(QStringLiteral(", "));
}

QStringList sortedUnique(QSet<QString> values)
{
    QStringList list(values.cbegin(), values.cend());
    std::sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return list;
}

} // namespace

QueueModel::QueueModel(replica::Replica &replica, QObject *parent) : QAbstractTableModel(parent), m_replica(replica)
{
    for (model::WorkflowState state : queueStates())
        m_counts[state] = 0;
}

const QList<model::WorkflowState> &QueueModel::queueStates()
{
    static const QList<model::WorkflowState> states{model::WorkflowState::InReview, model::WorkflowState::Approved,
                                                    model::WorkflowState::ChangesRequested};
    return states;
}

void QueueModel::reload(const QDateTime &now)
{
    m_now = now.toUTC();
    m_all.clear();

    replica::SearchQuery query;
    QStringList stateNames;
    for (model::WorkflowState state : queueStates())
        stateNames.append(model::toString(state));
    query.filters[replica::Facet::State] = stateNames;
    query.limit = kSearchPage;

    QList<QUuid> candidates;
    for (;;) {
        auto page = m_replica.search(query);
        if (!page) {
            qWarning("Cannot read the moderation queue: %s", qPrintable(page.errorString()));
            break;
        }
        for (const replica::SearchHit &hit : page.value().hits)
            candidates.append(hit.id);
        query.offset += int(page.value().hits.size());
        if (page.value().hits.isEmpty() || query.offset >= page.value().total)
            break;
    }

    for (const QUuid &id : std::as_const(candidates)) {
        auto local = m_replica.item(id);
        if (!local) {
            qWarning("Cannot read item %s for the moderation queue: %s", qPrintable(model::idString(id)),
                     qPrintable(local.errorString()));
            continue;
        }
        if (!local.value() || local.value()->deleted)
            continue;
        const replica::LocalItem &stored = *local.value();
        auto item = stored.item();
        // The latest revision decides, not the index: a local edit may have moved it on.
        if (!item || !queueStates().contains(item.value().state))
            continue;
        const model::Item &latest = item.value();
        QueueEntry entry;
        entry.id = stored.id;
        entry.type = latest.type();
        entry.state = latest.state;
        entry.title = latest.title;
        entry.regions = latest.tags.regions;
        entry.professions = latest.tags.professions;
        entry.changedBy = stored.changedBy;
        entry.changedAt = stored.changedAt;
        m_all.append(std::move(entry));
    }
    applyFilter();
}

void QueueModel::setFilter(const QueueFilter &filter)
{
    m_filter = filter;
    applyFilter();
}

bool QueueModel::matches(const QueueEntry &entry, bool withStates) const
{
    if (withStates && !m_filter.states.isEmpty() && !m_filter.states.contains(entry.state))
        return false;
    if (m_filter.type && entry.type != *m_filter.type)
        return false;
    if (!m_filter.region.isEmpty()) {
        const bool national = m_filter.region == replica::nationalRegion();
        if (national ? !entry.regions.isEmpty() : !entry.regions.contains(m_filter.region))
            return false;
    }
    if (!m_filter.profession.isEmpty() && !entry.professions.contains(m_filter.profession))
        return false;
    if (!m_filter.author.isEmpty() && entry.changedBy != m_filter.author)
        return false;
    // An unknown waiting time cannot be shown to be long enough.
    if (m_filter.minWaitingDays > 0 && secondsWaited(entry, m_now) < m_filter.minWaitingDays * kSecondsPerDay)
        return false;
    return true;
}

void QueueModel::applyFilter()
{
    beginResetModel();
    m_rows.clear();
    for (model::WorkflowState state : queueStates())
        m_counts[state] = 0;
    for (const QueueEntry &entry : std::as_const(m_all)) {
        if (!matches(entry, false))
            continue;
        ++m_counts[entry.state];
        if (matches(entry, true))
            m_rows.append(entry);
    }
    endResetModel();
    Q_EMIT countsChanged();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QueueEntry &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: return entry.title.isEmpty() ? tr("(untitled)") : entry.title;
        case TypeColumn: return Labels::itemType(entry.type);
        case StateColumn: return Labels::state(entry.state);
        case RegionColumn: return regionsText(entry);
        case ChangedByColumn: return entry.changedBy;
        case WaitingColumn: return waitingText(entry.changedAt, m_now);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == WaitingColumn && entry.changedAt.isValid())
            return tr("Since %1").arg(londonText(entry.changedAt));
        if (index.column() == RegionColumn && entry.regions.size() > 1)
            return regionsText(entry);
        return {};
    case SortRole:
        switch (index.column()) {
        case StateColumn: return int(queueStates().indexOf(entry.state));
        case WaitingColumn: return secondsWaited(entry, m_now);
        default: return data(index, Qt::DisplayRole);
        }
    case IdRole: return entry.id;
    case StateRole: return model::toString(entry.state);
    default: return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // The first click on Waiting shows the longest waiting first.
    if (role == Qt::InitialSortOrderRole)
        return section == WaitingColumn ? Qt::DescendingOrder : Qt::AscendingOrder;
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Title");
    case TypeColumn: return tr("Type");
    case StateColumn: return tr("State");
    case RegionColumn: return tr("Region");
    case ChangedByColumn: return tr("Changed by");
    case WaitingColumn: return tr("Waiting");
    default: return {};
    }
}

QUuid QueueModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QUuid();
}

int QueueModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

const QueueEntry *QueueModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

qint64 QueueModel::countFor(model::WorkflowState state) const
{
    const auto found = m_counts.find(state);
    return found == m_counts.end() ? 0 : found->second;
}

QStringList QueueModel::authors() const
{
    QSet<QString> names;
    for (const QueueEntry &entry : m_all)
        if (!entry.changedBy.isEmpty())
            names.insert(entry.changedBy);
    return sortedUnique(std::move(names));
}

QStringList QueueModel::regions() const
{
    QSet<QString> slugs;
    for (const QueueEntry &entry : m_all) {
        if (entry.regions.isEmpty())
            slugs.insert(replica::nationalRegion());
        for (const QString &slug : entry.regions)
            slugs.insert(slug);
    }
    return sortedUnique(std::move(slugs));
}

QStringList QueueModel::professions() const
{
    QSet<QString> slugs;
    for (const QueueEntry &entry : m_all)
        for (const QString &slug : entry.professions)
            slugs.insert(slug);
    return sortedUnique(std::move(slugs));
}

QList<model::ItemType> QueueModel::types() const
{
    QList<model::ItemType> present;
    for (model::ItemType type : model::allItemTypes())
        if (std::any_of(m_all.cbegin(), m_all.cend(), [type](const QueueEntry &e) { return e.type == type; }))
            present.append(type);
    return present;
}

QString QueueModel::waitingText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid() || !now.isValid())
        return QString();
    const qint64 seconds = since.secsTo(now);
    // The singular is a message of its own so that untranslated English reads well; "%n"
    // forms start at two.
    if (seconds < 60)
        return tr("just now");
    if (const qint64 minutes = seconds / 60; minutes < 60)
        return minutes == 1 ? tr("1 minute") : tr("%n minutes", nullptr, int(minutes));
    if (const qint64 hours = seconds / (60 * 60); hours < 24)
        return hours == 1 ? tr("1 hour") : tr("%n hours", nullptr, int(hours));
    const qint64 days = seconds / kSecondsPerDay;
    return days == 1 ? tr("1 day") : tr("%n days", nullptr, int(days));
}

} // namespace carta::app
