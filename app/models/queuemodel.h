// The moderation queue: items in the replica awaiting a reviewer or a publisher (in review,
// approved, changes requested), in the signed-in person's scope (the replica holds drafts
// only for items in scope), with who last changed them and how long they have waited.
// Filters by type, region, profession, author (who last changed it) and waiting time;
// counts per state under the other filters. Sorting is done by a QSortFilterProxyModel on
// SortRole.
#pragma once

#include "model/item.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUuid>

#include <map>
#include <optional>

namespace carta::replica {
class Replica;
}

namespace carta::app {

struct QueueEntry
{
    QUuid id;
    model::ItemType type = model::ItemType::Page;
    model::WorkflowState state = model::WorkflowState::InReview;
    QString title;
    QStringList regions;      // term slugs; empty: national
    QStringList professions;  // term slugs
    QString changedBy;        // may be empty (the server did not say)
    QDateTime changedAt;      // UTC; invalid when unknown
};

struct QueueFilter
{
    QList<model::WorkflowState> states;   // empty: every queue state
    std::optional<model::ItemType> type;
    QString region;        // slug, or "national", or empty for any
    QString profession;    // slug, or empty for any
    QString author;        // user name, or empty for any
    int minWaitingDays = 0; // only items waiting at least this many whole days
};

class QueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, TypeColumn, StateColumn, RegionColumn, ChangedByColumn, WaitingColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, StateRole };

    explicit QueueModel(replica::Replica &replica, QObject *parent = nullptr);

    // The states a queue holds: in review, approved, changes requested.
    [[nodiscard]] static const QList<model::WorkflowState> &queueStates();

    // Reads the queue from the replica again (after a sync or an action); now is the time
    // waiting is measured to (tests pass a fixed one).
    void reload(const QDateTime &now = QDateTime::currentDateTimeUtc());
    void setFilter(const QueueFilter &filter);
    [[nodiscard]] const QueueFilter &filter() const { return m_filter; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] QUuid idAt(int row) const;
    [[nodiscard]] int rowOf(const QUuid &id) const;
    [[nodiscard]] const QueueEntry *entryAt(int row) const;
    // Entries per state matching every filter but the states.
    [[nodiscard]] qint64 countFor(model::WorkflowState state) const;
    // The values present in the whole queue, for the filter menus (sorted).
    [[nodiscard]] QStringList authors() const;
    [[nodiscard]] QStringList regions() const;
    [[nodiscard]] QStringList professions() const;
    [[nodiscard]] QList<model::ItemType> types() const;
    // "3 days", "5 hours", "just now"
    [[nodiscard]] static QString waitingText(const QDateTime &since, const QDateTime &now);

Q_SIGNALS:
    void countsChanged();

private:
    [[nodiscard]] bool matches(const QueueEntry &entry, bool withStates) const;
    void applyFilter();

    replica::Replica &m_replica;
    QDateTime m_now;
    QList<QueueEntry> m_all;
    QList<QueueEntry> m_rows;
    QueueFilter m_filter;
    std::map<model::WorkflowState, qint64> m_counts;
};

} // namespace carta::app
