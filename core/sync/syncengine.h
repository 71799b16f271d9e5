// The client side of docs/protocol.md: uploads the attachment files the server has not
// got, pushes the replica's outbox in batches, pulls changes page by page, merges, records
// conflicts. Retries with backoff reuse the batch id; a sync can be cancelled; progress is
// reported as done/total. Attachments that are not local are downloaded on demand.
#pragma once

#include "replica/replica.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QHash>
#include <QSet>
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
    qint64 refused = 0;    // changes the server rejected or forbade, or kept back because it
                           // refused a file they name (see LocalItem::pushIssues)
    qint64 uploaded = 0;   // attachment files the server now has
    qint64 held = 0;       // of refused: changes kept back for a refused file; sent once it goes
    model::Issues attachmentIssues; // per refused file: where = its name, message = why
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

    // Fetches an attachment into the replica's store (streamed to a file there, checked
    // against its hash) unless it is there already; ends with attachmentDownloaded().
    // Independent of a running sync.
    void downloadAttachment(const QString &sha256);
    // The same in a local event loop; returns the stored file's path.
    [[nodiscard]] model::Result<QString> downloadAttachmentBlocking(const QString &sha256);

Q_SIGNALS:
    // phase "push": attachment files uploaded and changes sent; "pull": changes received.
    void progress(qint64 done, qint64 total, const QString &phase);
    // ok false: error says why (offline, refused token, ...); nothing accepted locally is lost.
    void finished(bool ok, const QString &error);
    // path: the stored file; empty when it failed, and error says why.
    void attachmentDownloaded(const QString &sha256, const QString &path, const QString &error);

private:
    enum class Phase { Idle, Upload, Push, Pull, PushAgain };
    using Answer = std::function<void(int status, const QByteArray &body)>;
    using Sender = std::function<QNetworkReply *(QNetworkRequest &request)>;

    void nextUpload();
    void refuseAttachment(const QString &sha256, const QString &why);
    void nextPush();
    void refreshUser();
    void nextPull();
    void send(const QByteArray &verb, const QString &path, const QByteArray &body, Answer onAnswer);
    void uploadFile(const QString &path, const QString &filePath, Answer onAnswer);
    void request(const QString &path, Sender sender, Answer onAnswer);
    [[nodiscard]] QUrl urlFor(const QString &path) const;
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
    QStringList m_uploads;         // pending attachment files still to send in this sync
    QSet<QString> m_heldAttachments; // refused in this sync: items naming them wait
    QHash<QString, QPointer<QNetworkReply>> m_downloads;
};

} // namespace carta::sync
