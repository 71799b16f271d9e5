// The moderation queue and the review of the chosen item, side by side, in a window of its
// own (View ▸ Moderation Queue, Ctrl+Shift+M): reviewers and publishers keep it open beside
// the editor. An action on the server asks the main window to sync; the queue and the pane
// are read again from the replica when the sync ends.
#pragma once

#include "model/workflow.h"
#include "sync/serverclient.h"

#include <QPointer>
#include <QUuid>
#include <QWidget>

#include <optional>

class QSplitter;

namespace carta::replica {
class Replica;
}

namespace carta::app {

class ItemCatalogue;
class QueueView;
class ReviewPane;

class ModerationWindow : public QWidget
{
    Q_OBJECT

public:
    ModerationWindow(replica::Replica &replica, const ItemCatalogue *catalogue, QWidget *parent = nullptr);

    // The server to act on (null or unconfigured: signed out; the queue still shows).
    void setClient(sync::ServerClient *client);
    // Reads the queue, the signed-in person and the shown item again (after a sync).
    void refresh();
    // Shows this item in the review pane, its row current when it is in the queue (any item:
    // a published one to unpublish, say, stays shown across syncs).
    void showItem(const QUuid &id);

    [[nodiscard]] QueueView *queue() const { return m_queue; }
    [[nodiscard]] ReviewPane *review() const { return m_review; }

Q_SIGNALS:
    void syncRequested();
    void historyRequested(const QUuid &id); // the review pane's History… button

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    replica::Replica &m_replica;
    const ItemCatalogue *m_catalogue;
    QPointer<sync::ServerClient> m_client;
    std::optional<model::User> m_user; // as the queue's filters were set up for
    QueueView *m_queue = nullptr;
    ReviewPane *m_review = nullptr;
    QSplitter *m_split = nullptr;
};

} // namespace carta::app
