// The parts of docs/protocol.md that act on one item straight on the server, outside a
// sync: workflow actions (submit, approve, publish, schedule, revert...), an item's history
// and any past revision. Used by the moderation queue, the review pane and the history
// dialog; every answer comes back through a callback on the caller's thread, with the
// server's own words when it refuses.
#pragma once

#include "model/item.h"
#include "model/result.h"
#include "model/workflow.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <functional>
#include <optional>

namespace carta::sync {

// One entry of GET /api/v1/items/<id>/history (newest first).
struct HistoryEntry
{
    QString commit;
    QString revision;  // the item's revision after this commit; empty where the commit deleted it
    QString author;    // user name ("carta-scheduler" for scheduled actions)
    QString email;
    QDateTime time;    // when the commit was made (UTC)
    QString action;    // "edit", "submit", "request_changes", "approve", "publish", ... as on the wire
    QString comment;   // Carta-Comment, may be empty
    std::optional<QDateTime> scheduled; // the time a scheduled action was set for
    QString summary;   // the commit's first line
};

// POST /api/v1/items/<id>/actions
struct ActionRequest
{
    model::Action action = model::Action::Submit;
    QString comment;
    QString baseRevision;               // optional: refused (409) when the server has moved on
    std::optional<QDateTime> publishAt; // schedule_publish
    std::optional<QDateTime> unpublishAt; // schedule_unpublish, or with schedule_publish
    QString revision;                   // revert: the past revision to restore
};

struct ActionAnswer
{
    model::WorkflowState state = model::WorkflowState::Draft;
    QString revision;
    QString liveRevision;
    model::Item item;
};

// What a refused request says: the HTTP status and the server's message (with field
// paths where it gave issues). status 0: the server could not be reached.
struct ServerError
{
    int status = 0;
    QString code;      // "forbidden", "stale", "invalid", ... (the error's code on the wire)
    QString message;   // for a person
    model::Issues issues;
};

template<typename T>
struct Answer
{
    std::optional<T> value;
    ServerError error;
    [[nodiscard]] bool ok() const { return value.has_value(); }
};

class ServerClient : public QObject
{
    Q_OBJECT

public:
    ServerClient(QUrl server, QString token, QObject *parent = nullptr);
    // Requests still waiting end now, each with a status-0 error, so no caller waits for ever.
    ~ServerClient() override;

    // The account changed (signed in again, another token): later requests use these.
    void setCredentials(QUrl server, QString token);
    [[nodiscard]] const QUrl &server() const { return m_server; }
    [[nodiscard]] const QString &token() const { return m_token; }
    [[nodiscard]] bool isConfigured() const { return m_server.isValid() && !m_token.isEmpty(); }

    void history(const QUuid &id, std::function<void(Answer<QList<HistoryEntry>>)> done);
    void revision(const QUuid &id, const QString &revision, std::function<void(Answer<model::Item>)> done);
    void act(const QUuid &id, const ActionRequest &request, std::function<void(Answer<ActionAnswer>)> done);

private:
    void call(const QByteArray &verb, const QString &path, const QByteArray &body,
              std::function<void(int status, const QByteArray &body, const QString &networkError)> done);

    QUrl m_server;
    QString m_token;
    QNetworkAccessManager m_network;
};

} // namespace carta::sync
