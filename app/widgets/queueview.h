// The moderation queue as reviewers and publishers see it: filter menus (state with counts,
// type, region, profession, author, waiting time), a sortable table of the items awaiting
// action, Enter or double-click opens one for review.
#pragma once

#include "model/workflow.h"

#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace carta::replica {
class Replica;
}

namespace carta::app {

class ItemCatalogue;
class QueueModel;

class QueueView : public QWidget
{
    Q_OBJECT

public:
    QueueView(replica::Replica &replica, const ItemCatalogue *catalogue, QWidget *parent = nullptr);

    // The role decides the state filter it starts with: a reviewer sees "In review";
    // publishers, admins and authors every state awaiting action.
    void setUser(const model::User &user);
    // Reads the queue again and keeps the filters and the selected item where possible.
    void reload(const QDateTime &now = QDateTime::currentDateTimeUtc());

    [[nodiscard]] QueueModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QUuid currentId() const;
    // Makes this item the current row when it is in the queue as filtered; otherwise no row is
    // current (so the review pane keeps an item from elsewhere across reloads).
    void select(const QUuid &id);
    // Filter controls (tests set them as a person would).
    [[nodiscard]] QComboBox *stateFilter() const { return m_state; }
    [[nodiscard]] QComboBox *typeFilter() const { return m_type; }
    [[nodiscard]] QComboBox *regionFilter() const { return m_region; }
    [[nodiscard]] QComboBox *professionFilter() const { return m_profession; }
    [[nodiscard]] QComboBox *authorFilter() const { return m_author; }
    [[nodiscard]] QComboBox *waitingFilter() const { return m_waiting; }

Q_SIGNALS:
    void openRequested(const QUuid &id);     // Enter / double-click
    void currentChanged(const QUuid &id);    // selection moved (the review pane follows)

private:
    void rebuildFilterMenus();
    void applyFilters();
    void updateCounts();
    void noteCurrent(); // emits currentChanged when the selected item is another one

    replica::Replica &m_replica;
    const ItemCatalogue *m_catalogue;
    QueueModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_profession = nullptr;
    QComboBox *m_author = nullptr;
    QComboBox *m_waiting = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_empty = nullptr;   // "Nothing is waiting for you" / "No item matches these filters"
    QUuid m_selected;            // the selected item, kept across resets of the rows
    bool m_restoring = false;    // the rows are being reset: selection changes are not the person's
    model::User m_user;
};

} // namespace carta::app
