// The client side of docs/protocol.md: pushes the replica's outbox in batches, pulls
// changes page by page, merges, records conflicts. Retries with backoff reuse the batch
// id; a sync can be cancelled; progress is reported as done/total.
#pragma once

#include "replica/replica.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace carta::sync {

struct SyncOptions
{
    int batchSize = 100;       // changes per push
    int pageSize = 500;        // changes per pull
    int maxAttempts = 5;       // per request, for network errors and 5xx answers
    int initialBackoffMs = 200;
    int maxBackoffMs = 5000;
    int requestTimeoutMs = 60000;
};

struct SyncReport
{
    qint64 pushed = 0;     // changes the server accepted
    qint64 pulled = 0;     // changes received
    qint64 conflicts = 0;  // conflicts waiting for a person after this sync
    qint64 refused = 0;    // changes the server rejected or forbade (see LocalItem::pushIssues)
};

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(replica::Replica &replica, QUrl server, QString token, SyncOptions options = {}, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Starts one sync: push, pull, push what merging produced. Ends with finished().
    void start();
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const SyncReport &report() const { return m_report; }

    // Runs a sync to its end in a local event loop (for carta-cli and tests).
    [[nodiscard]] model::Result<SyncReport> runBlocking();

Q_SIGNALS:
    void progress(qint64 done, qint64 total, const QString &phase); // phase: "push" or "pull"
    // ok false: error says why (offline, refused token, ...); nothing accepted locally is lost.
    void finished(bool ok, const QString &error);

private:
    enum class Phase { Idle, Push, Pull, PushAgain };

    void nextPush();
    void nextPull();
    void send(const QByteArray &verb, const QString &path, const QByteArray &body,
              std::function<void(int status, const QByteArray &body)> onAnswer);
    void finish(bool ok, const QString &error);

    replica::Replica &m_replica;
    QUrl m_server;
    QString m_token;
    SyncOptions m_options;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    Phase m_phase = Phase::Idle;
    bool m_running = false;
    bool m_cancelled = false;
    SyncReport m_report;
    qint64 m_pushTotal = 0;
    qint64 m_pushDone = 0;
    qint64 m_pullStart = 0;
};

} // namespace carta::sync
