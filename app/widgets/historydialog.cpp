#include "widgets/historydialog.h"

#include "widgets/fieldtext.h"

#include "models/labels.h"
#include "widgets/diffview.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace carta::app {

using namespace Qt::StringLiterals;

namespace {

enum Column { When, Who, ActionColumn, Comment, ColumnCount };

QString londonTime(const QDateTime &time)
{
    return londonText(time); // with GMT / BST: the two 01:30s of an October night differ
}

} // namespace

HistoryDialog::HistoryDialog(sync::ServerClient &client, const ItemCatalogue *catalogue, const QUuid &id, const QString &title,
                             const model::User &user, const model::ItemFacts &facts, QWidget *parent)
    : QDialog(parent), m_client(client), m_catalogue(catalogue), m_id(id), m_title(title), m_user(user), m_facts(facts)
{
    setObjectName(u"historyDialog"_s);
    setWindowTitle(tr("History of \u201c%1\u201d").arg(title.isEmpty() ? tr("Untitled") : title));
    setAccessibleName(windowTitle());

    auto *layout = new QVBoxLayout(this);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"historyStatus"_s);
    m_status->setAccessibleName(tr("History status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->setAccessibleName(tr("Retry loading the history"));
    m_retry->setVisible(false);
    m_retry->setAutoDefault(false);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_retry);
    layout->addLayout(statusRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    auto *listBox = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *listLabel = new QLabel(tr("Revision&s (select one to see what it changed, or two to compare them)"), listBox);
    listLabel->setWordWrap(true);
    m_list = new QTreeWidget(listBox);
    m_list->setObjectName(u"revisionList"_s);
    m_list->setAccessibleName(tr("Revisions"));
    m_list->setAccessibleDescription(tr("Every change of the item, newest first: when, who, what and the comment."));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("When"), tr("Who"), tr("Action"), tr("Comment")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAllColumnsShowFocus(true);
    // Widths from the font, not from the rows, so a long history needs no scan and 200% scale fits.
    const QFontMetrics metrics = m_list->fontMetrics();
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(When, metrics.horizontalAdvance(u"30 Sep 2026 23:59"_s) + 3 * metrics.averageCharWidth());
    m_list->setColumnWidth(Who, metrics.averageCharWidth() * 18);
    m_list->setColumnWidth(ActionColumn, metrics.averageCharWidth() * 36);
    listLabel->setBuddy(m_list);
    listLayout->addWidget(listLabel);
    listLayout->addWidget(m_list);

    m_diff = new DiffView(splitter);
    m_diff->setCatalogue(catalogue);
    m_diff->setAccessibleName(tr("Changes in the selected revision"));
    splitter->addWidget(listBox);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *commentRow = new QHBoxLayout;
    auto *commentLabel = new QLabel(tr("Co&mment for the revert (optional):"), this);
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(u"revertComment"_s);
    m_comment->setAccessibleName(tr("Comment for the revert"));
    m_comment->setPlaceholderText(tr("Why the earlier revision comes back"));
    m_comment->setMaxLength(10000);
    commentLabel->setBuddy(m_comment);
    commentRow->addWidget(commentLabel);
    commentRow->addWidget(m_comment, 1);
    layout->addLayout(commentRow);

    auto *revertRow = new QHBoxLayout;
    m_revert = new QPushButton(tr("Re&vert to this revision"), this);
    m_revert->setObjectName(u"revertButton"_s);
    m_revert->setAccessibleName(tr("Revert to the selected revision"));
    m_revert->setAccessibleDescription(tr("Makes a new draft from the selected revision; nothing is published."));
    m_revert->setAutoDefault(false); // Enter in the list or the comment must never revert
    m_reason = new QLabel(this);
    m_reason->setObjectName(u"revertReason"_s);
    m_reason->setAccessibleName(tr("About reverting"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    revertRow->addWidget(m_revert);
    revertRow->addWidget(m_reason, 1);
    layout->addLayout(revertRow);

    m_result = new QLabel(this);
    m_result->setObjectName(u"revertResult"_s);
    m_result->setAccessibleName(tr("Result of the revert"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setVisible(false);
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &HistoryDialog::reload);
    connect(m_revert, &QPushButton::clicked, this, &HistoryDialog::revert);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_result->setVisible(false);
        showSelection();
        updateRevert();
    });

    resize(metrics.averageCharWidth() * 120, metrics.height() * 40);
    reload();
}

void HistoryDialog::reload()
{
    const int generation = ++m_generation;
    m_loading = true;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
    }
    m_entries.clear();
    m_status->setText(tr("Loading\u2026"));
    m_retry->setVisible(false);
    m_diff->showMessage(tr("Loading\u2026"));
    updateRevert();

    QPointer<HistoryDialog> self(this);
    m_client.history(m_id, [self, generation](sync::Answer<QList<sync::HistoryEntry>> answer) {
        if (!self || generation != self->m_generation)
            return;
        self->m_loading = false;
        if (!answer.ok()) {
            const QString message = answer.error.status == 0
                ? tr("Cannot reach the server to load the history. %1").arg(answer.error.message)
                : tr("The server did not give the history: %1").arg(answer.error.message);
            self->m_status->setText(message);
            self->m_retry->setVisible(true);
            self->m_diff->showMessage(message);
            self->updateRevert();
            Q_EMIT self->loaded();
            return;
        }
        self->fill(std::move(answer.value).value());
        Q_EMIT self->loaded();
    });
}

void HistoryDialog::fill(QList<sync::HistoryEntry> entries)
{
    m_entries = std::move(entries);
    m_status->setText(m_entries.isEmpty() ? tr("The server has no history for this item.")
                                          : tr("%n change(s), newest first.", nullptr, int(m_entries.size())));
    m_retry->setVisible(false);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QList<QTreeWidgetItem *> rows;
    for (int i = 0; i < m_entries.size(); ++i) {
        const sync::HistoryEntry &e = m_entries[i];
        auto *row = new QTreeWidgetItem;
        row->setText(When, londonTime(e.time));
        row->setData(When, Qt::UserRole, e.time);
        row->setText(Who, e.author);
        row->setToolTip(Who, e.email);
        row->setText(ActionColumn, actionText(i));
        QString comment = e.comment;
        row->setText(Comment, comment.replace(u'\n', u' '));
        row->setToolTip(Comment, e.comment);
        rows.append(row);
    }
    m_list->addTopLevelItems(rows);
    if (!rows.isEmpty()) {
        m_list->setCurrentItem(rows.first()); // what changed last, at once
        rows.first()->setSelected(true);
    }
    showSelection();
    updateRevert();
}

QString HistoryDialog::actionText(int row) const
{
    return describeAction(m_entries[row], row == m_entries.size() - 1);
}

QString HistoryDialog::describeAction(const sync::HistoryEntry &e, bool oldest)
{
    if (e.revision.isEmpty())
        return tr("Deleted");
    const QString a = e.action;
    const QString scheduled = e.scheduled ? londonTime(*e.scheduled) : QString();
    if (a == u"edit" || a.isEmpty())
        return oldest ? tr("Created") : tr("Edited");
    if (a == u"submit")
        return tr("Submitted for review");
    if (a == u"request_changes")
        return tr("Requested changes");
    if (a == u"approve")
        return tr("Approved");
    if (a == u"publish")
        return scheduled.isEmpty() ? tr("Published") : tr("Published (scheduled for %1)").arg(scheduled);
    if (a == u"schedule_publish")
        return tr("Scheduled publication");
    if (a == u"schedule_unpublish")
        return tr("Scheduled withdrawal");
    if (a == u"unpublish")
        return scheduled.isEmpty() ? tr("Unpublished") : tr("Unpublished (scheduled for %1)").arg(scheduled);
    if (a == u"archive")
        return tr("Archived");
    if (a == u"revert")
        return tr("Reverted to an earlier revision");
    if (a == u"import")
        return tr("Imported");
    return Labels::humanizeSlug(QString(a).replace(u'_', u' '));
}

QString HistoryDialog::entryLabel(int row) const
{
    const sync::HistoryEntry &e = m_entries[row];
    return tr("%1 (%2 by %3)").arg(londonTime(e.time), actionText(row), e.author);
}

QList<int> HistoryDialog::selectedRows() const
{
    QList<int> rows;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        rows.append(m_list->indexOfTopLevelItem(item));
    std::sort(rows.begin(), rows.end());
    return rows;
}

int HistoryDialog::olderRevisionRow(int row) const
{
    for (int i = row + 1; i < m_entries.size(); ++i)
        if (!m_entries[i].revision.isEmpty())
            return i;
    return -1;
}

QString HistoryDialog::newestRevision() const
{
    for (const sync::HistoryEntry &e : m_entries)
        if (!e.revision.isEmpty())
            return e.revision;
    return {};
}

QStringList HistoryDialog::neededRevisions() const
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty() || rows.size() > 2 || m_entries.isEmpty())
        return {};
    const int newer = rows.first();
    const int older = rows.size() == 2 ? rows.last() : olderRevisionRow(newer);
    if (m_entries[newer].revision.isEmpty() || (rows.size() == 2 && m_entries[older].revision.isEmpty()))
        return {};
    QStringList out{m_entries[newer].revision};
    if (older >= 0)
        out.append(m_entries[older].revision);
    return out;
}

void HistoryDialog::showSelection()
{
    if (m_loading || m_entries.isEmpty())
        return; // the status message stands
    const QList<int> rows = selectedRows();
    auto message = [this](const QString &text) {
        m_diff->showMessage(text);
        Q_EMIT diffShown();
    };
    if (rows.isEmpty())
        return message(tr("Select a revision to see what it changed, or two to compare them."));
    if (rows.size() > 2)
        return message(tr("Select one revision, or two to compare them."));
    const QStringList needed = neededRevisions();
    if (needed.isEmpty())
        return message(rows.size() == 1 ? tr("This change deleted the item: there is no revision to show.")
                                        : tr("One of the selected changes deleted the item: there is nothing to compare."));
    for (const QString &revision : needed) {
        if (m_fetchErrors.contains(revision))
            return message(tr("Cannot load this revision. %1").arg(m_fetchErrors.take(revision)));
    }
    bool missing = false;
    for (const QString &revision : needed) {
        if (!m_revisions.contains(revision)) {
            missing = true;
            fetchRevision(revision);
        }
    }
    if (missing) {
        m_diff->showMessage(tr("Loading\u2026"));
        return;
    }
    const int newer = rows.first();
    const int older = rows.size() == 2 ? rows.last() : olderRevisionRow(newer);
    const model::Item &after = m_revisions.value(needed.first());
    if (older < 0)
        m_diff->showDiff(std::nullopt, after, QString(), entryLabel(newer));
    else
        m_diff->showDiff(m_revisions.value(needed.last()), after, entryLabel(older), entryLabel(newer));
    Q_EMIT diffShown();
}

void HistoryDialog::fetchRevision(const QString &revision)
{
    if (m_fetching.contains(revision))
        return;
    m_fetching.insert(revision);
    QPointer<HistoryDialog> self(this);
    m_client.revision(m_id, revision, [self, revision](sync::Answer<model::Item> answer) {
        if (!self)
            return;
        self->m_fetching.remove(revision);
        if (answer.ok())
            self->m_revisions.insert(revision, std::move(answer.value).value());
        // Only the selection shown now waits for it; an error for another is forgotten, so
        // selecting that row again tries again.
        if (!self->neededRevisions().contains(revision))
            return;
        if (!answer.ok())
            self->m_fetchErrors.insert(revision, answer.error.message);
        self->showSelection();
    });
}

void HistoryDialog::updateRevert()
{
    QString reason;
    bool enabled = false;
    const model::Decision decision = model::decide(m_user, model::Action::Revert, m_facts);
    const QList<int> rows = selectedRows();
    if (!decision)
        reason = tr("You cannot revert this item: %1.").arg(decision.reason);
    else if (m_reverting)
        reason = tr("Reverting\u2026");
    else if (m_loading)
        reason = tr("The history is loading.");
    else if (m_entries.isEmpty())
        reason = tr("There is no history to revert to.");
    else if (rows.size() != 1)
        reason = tr("Select one earlier revision to revert to.");
    else if (m_entries[rows.first()].revision.isEmpty())
        reason = tr("This change deleted the item: there is no revision to restore.");
    else if (m_entries[rows.first()].revision == newestRevision())
        reason = tr("This is the current revision: select an earlier one to revert to.");
    else {
        enabled = true;
        reason = tr("Makes a new draft with the content of %1; nothing is published until it is reviewed.")
                     .arg(londonTime(m_entries[rows.first()].time));
    }
    m_revert->setEnabled(enabled);
    m_comment->setEnabled(decision.allowed && !m_reverting);
    m_reason->setText(reason);
    m_revert->setToolTip(reason);
}

void HistoryDialog::revert()
{
    const QList<int> rows = selectedRows();
    if (!m_revert->isEnabled() || rows.size() != 1)
        return;
    const sync::HistoryEntry entry = m_entries[rows.first()];
    sync::ActionRequest request;
    request.action = model::Action::Revert;
    request.revision = entry.revision;
    request.comment = m_comment->text().trimmed();
    request.baseRevision = newestRevision(); // refused if someone changed the item meanwhile
    m_reverting = true;
    m_result->setVisible(false);
    updateRevert();

    const QString when = londonTime(entry.time);
    QPointer<HistoryDialog> self(this);
    m_client.act(m_id, request, [self, when](sync::Answer<sync::ActionAnswer> answer) {
        if (!self)
            return;
        self->m_reverting = false;
        if (!answer.ok()) {
            const sync::ServerError &error = answer.error;
            if (error.status == 409) {
                self->m_result->setText(tr("Someone changed the item after this history was loaded, so nothing was reverted "
                                           "(the server said: %1). The history has been loaded again: check the revision and "
                                           "try again.").arg(error.message));
                self->m_result->setVisible(true);
                self->reload();
                return;
            }
            self->m_result->setText(error.status == 0 ? tr("Cannot reach the server; nothing was reverted. %1").arg(error.message)
                                                      : tr("The server refused to revert: %1").arg(error.message));
            self->m_result->setVisible(true);
            self->updateRevert();
            return;
        }
        self->m_facts.state = answer.value->state;
        self->m_facts.hasLiveRevision = !answer.value->liveRevision.isEmpty();
        self->m_comment->clear();
        self->m_result->setText(tr("Reverted: a new draft was made from the revision of %1. Nothing was published.").arg(when));
        self->m_result->setVisible(true);
        Q_EMIT self->reverted(self->m_id);
        self->reload();
    });
}

} // namespace carta::app
