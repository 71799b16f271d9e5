// Reviewing one item of the moderation queue: what would change on the site (the semantic
// diff between the live revision and the proposed one; for a new item, all of it), whether
// it passes validation, the comment thread from its history, and the workflow actions —
// Approve, Request changes, Publish, Schedule — each enabled only where carta_model's
// workflow rules allow it for the signed-in person, with the reason shown where not.
// Actions go straight to the server; the replica learns the new state at the next sync,
// which acted() asks for.
#pragma once

#include "model/item.h"
#include "model/workflow.h"
#include "replica/replica.h"
#include "sync/serverclient.h"

#include <QPointer>
#include <QUuid>
#include <QWidget>

#include <map>
#include <optional>

class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace carta::app {

class DiffView;
class ItemCatalogue;

class ReviewPane : public QWidget
{
    Q_OBJECT

public:
    // client may be null (signed out): the diff and validation still show; actions say why not.
    ReviewPane(replica::Replica &replica, sync::ServerClient *client, const ItemCatalogue *catalogue, QWidget *parent = nullptr);

    void setUser(const std::optional<model::User> &user);
    void setClient(sync::ServerClient *client);
    // Shows the item as the replica holds it (a null id clears the pane).
    void showItem(const QUuid &id);
    [[nodiscard]] const QUuid &itemId() const { return m_id; }

    // The actions the pane offers, in the order of their buttons.
    [[nodiscard]] static const QList<model::Action> &actions();
    [[nodiscard]] QPushButton *button(model::Action action) const { return m_buttons.at(action); }
    // Why an action is not offered ("" when it is).
    [[nodiscard]] QString reasonFor(model::Action action) const;
    [[nodiscard]] DiffView *diffView() const { return m_diff; }
    [[nodiscard]] QPlainTextEdit *commentField() const { return m_comment; }
    [[nodiscard]] QDateTimeEdit *publishTimeField() const { return m_publishAt; }
    [[nodiscard]] QTextBrowser *thread() const { return m_thread; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QLabel *validationLabel() const { return m_validation; }

    // Runs an action as its button does (tests; the buttons call it).
    void run(model::Action action);

Q_SIGNALS:
    // The server carried out the action; state is the item's state now. The caller syncs.
    void acted(const QUuid &id, model::Action action, model::WorkflowState state);
    void threadLoaded();
    void actionFailed(const QString &message);
    // Opens the item's full history (any two revisions).
    void historyRequested(const QUuid &id);

private:
    void updateButtons();
    void loadThread();
    void setStatus(const QString &text, bool problem);

    replica::Replica &m_replica;
    QPointer<sync::ServerClient> m_client;
    const ItemCatalogue *m_catalogue;
    std::optional<model::User> m_user;
    QUuid m_id;
    std::optional<replica::LocalItem> m_local;
    std::optional<model::Item> m_item;
    model::Issues m_issues; // validation of m_item
    bool m_busy = false;
    bool m_acted = false; // an action went through: wait for the sync to show the new state
    int m_threadRequest = 0;

    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_validation = nullptr;
    DiffView *m_diff = nullptr;
    QTextBrowser *m_thread = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QDateTimeEdit *m_publishAt = nullptr;
    std::map<model::Action, QPushButton *> m_buttons;
    QPushButton *m_history = nullptr;
    QLabel *m_reasons = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace carta::app
