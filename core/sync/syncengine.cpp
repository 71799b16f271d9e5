// Sync engine: a small state machine over QNetworkAccessManager.
#include "syncengine.h"

#include "model/json.h"
#include "model/validation.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryFile>

namespace carta::sync {

using namespace carta::model;
using namespace carta::replica;

SyncEngine::SyncEngine(Replica &replica, QUrl server, QString token, SyncOptions options, QObject *parent)
    : QObject(parent), m_replica(replica), m_server(std::move(server)), m_token(std::move(token)), m_options(options)
{
    m_retryTimer.setSingleShot(true);
}

SyncEngine::~SyncEngine()
{
    if (m_reply)
        m_reply->abort();
    // Their handlers must not run on a half-destroyed engine; their files go with them.
    const QList<QPointer<QNetworkReply>> downloads = m_downloads.values();
    m_downloads.clear();
    for (const QPointer<QNetworkReply> &download : downloads) {
        if (download) {
            download->disconnect(this);
            download->abort();
        }
    }
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_report = SyncReport{};
    m_phase = Phase::Upload;
    m_heldAttachments.clear();
    auto uploads = m_replica.pendingUploads();
    if (!uploads)
        return finish(false, uploads.errorString());
    m_uploads = uploads.value();
    auto status = m_replica.status();
    m_pushTotal = (status ? status.value().dirty : 0) + m_uploads.size();
    m_pushDone = 0;
    nextUpload();
}

void SyncEngine::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_reply)
        m_reply->abort();
    else
        finish(false, tr("cancelled"));
}

void SyncEngine::finish(bool ok, const QString &error)
{
    m_running = false;
    m_phase = Phase::Idle;
    if (ok)
        (void)m_replica.markSynced(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (auto s = m_replica.status())
        m_report.conflicts = s.value().conflicts;
    Q_EMIT finished(ok, error);
}

QUrl SyncEngine::urlFor(const QString &path) const
{
    QUrl url = m_server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path.section(QLatin1Char('?'), 0, 0));
    url.setQuery(path.section(QLatin1Char('?'), 1));
    return url;
}

void SyncEngine::send(const QByteArray &verb, const QString &path, const QByteArray &body, Answer onAnswer)
{
    request(path, [this, verb, body](QNetworkRequest &r) {
        if (!body.isNull())
            r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return m_network.sendCustomRequest(r, verb, body);
    }, std::move(onAnswer));
}

// The body is read from the file as it is sent, never held in memory whole; each attempt
// opens the file again.
void SyncEngine::uploadFile(const QString &path, const QString &filePath, Answer onAnswer)
{
    request(path, [this, filePath](QNetworkRequest &r) -> QNetworkReply * {
        auto file = std::make_unique<QFile>(filePath);
        if (!file->open(QIODevice::ReadOnly))
            return nullptr;
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
        r.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
        QNetworkReply *reply = m_network.put(r, file.get());
        file.release()->setParent(reply);
        return reply;
    }, [this, filePath, onAnswer](int status, const QByteArray &body) {
        if (status < 0)
            return finish(false, tr("cannot read the attachment %1").arg(filePath));
        onAnswer(status, body);
    });
}

// Sends with retries: network errors and 5xx answers go again after a backoff. status -1:
// the request could not be made at all.
void SyncEngine::request(const QString &path, Sender sender, Answer onAnswer)
{
    auto attempt = std::make_shared<int>(0);
    auto sendOnce = std::make_shared<std::function<void()>>();
    // The function reaches itself only weakly (a strong self-reference would leak it); the
    // reply's handler and a pending retry hold it while it is needed.
    *sendOnce = [this, path, sender, onAnswer, attempt, weakGo = std::weak_ptr<std::function<void()>>(sendOnce)] {
        auto go = weakGo.lock();
        if (!go)
            return;
        QNetworkRequest request(urlFor(path));
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        request.setTransferTimeout(m_options.requestTimeoutMs);
        m_reply = sender(request);
        if (!m_reply)
            return onAnswer(-1, QByteArray());
        connect(m_reply, &QNetworkReply::finished, this, [this, onAnswer, attempt, go, reply = m_reply.data()] {
            reply->deleteLater();
            m_reply = nullptr;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (m_cancelled)
                return finish(false, tr("cancelled"));
            const bool transient = status == 0 || status >= 500;
            if (transient && ++*attempt < m_options.maxAttempts) {
                // Exponential backoff with jitter; the same request (and batch id) goes again.
                const int base = std::min(m_options.maxBackoffMs, m_options.initialBackoffMs << std::min(*attempt - 1, 10));
                const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
                m_retryTimer.disconnect();
                connect(&m_retryTimer, &QTimer::timeout, this, [go] { (*go)(); });
                m_retryTimer.start(delay);
                return;
            }
            if (status == 0)
                return finish(false, tr("the server cannot be reached (%1); your changes are kept and will be sent next time").arg(reply->errorString()));
            onAnswer(status, reply->readAll());
        });
    };
    (*sendOnce)();
}

namespace {

QString errorText(int status, const QByteArray &body)
{
    auto json = parseJson(body);
    const QString message = json ? json.value()[QStringLiteral("error")][QStringLiteral("message")].toString() : QString();
    return message.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : QStringLiteral("HTTP %1: %2").arg(status).arg(message);
}

} // namespace

void SyncEngine::nextUpload()
{
    if (m_uploads.isEmpty()) {
        m_phase = Phase::Push;
        return nextPush();
    }
    const QString sha256 = m_uploads.takeFirst();
    auto name = m_replica.attachmentName(sha256);
    if (!name)
        return finish(false, name.errorString());
    if (!name.value()) {
        // No unsent change names it (detached again, or its item waits for a person): it
        // stays waiting, and goes in the sync that sends an item naming it.
        m_pushTotal = std::max(m_pushDone, m_pushTotal - 1);
        return nextUpload();
    }
    const QString file = m_replica.attachmentPath(sha256);
    if (file.isEmpty())
        return refuseAttachment(sha256, tr("its file is missing from %1; attach it again").arg(m_replica.attachmentStore()));
    uploadFile(QStringLiteral("/api/v1/attachments/") + sha256, file, [this, sha256](int status, const QByteArray &body) {
        if (status == 200 || status == 201) {
            if (auto marked = m_replica.markUploaded(sha256); !marked)
                return finish(false, marked.errorString());
            ++m_report.uploaded;
            ++m_pushDone;
            Q_EMIT progress(m_pushDone, std::max(m_pushTotal, m_pushDone), QStringLiteral("push"));
            return nextUpload();
        }
        // A refused token or a strange answer stops the sync; a refused file (too large, a
        // hash mismatch) holds back only the items that name it.
        if (status == 401 || status < 400 || status >= 500)
            return finish(false, tr("the server refused an attachment upload: %1").arg(errorText(status, body)));
        refuseAttachment(sha256, errorText(status, body));
    });
}

void SyncEngine::refuseAttachment(const QString &sha256, const QString &why)
{
    auto name = m_replica.attachmentName(sha256);
    if (!name)
        return finish(false, name.errorString());
    const QString file = name.value().value_or(sha256);
    const QString message = tr("the server did not take the attachment \"%1\": %2").arg(file, why);
    auto held = m_replica.holdItemsNaming(sha256, message);
    if (!held)
        return finish(false, held.errorString());
    m_heldAttachments.insert(sha256);
    m_report.attachmentIssues.append(Issue{file, message});
    m_report.held += held.value().size();
    m_report.refused += held.value().size();
    // The items kept back are no part of this sync's work.
    m_pushTotal = std::max(m_pushDone + 1, m_pushTotal - held.value().size());
    ++m_pushDone;
    Q_EMIT progress(m_pushDone, std::max(m_pushTotal, m_pushDone), QStringLiteral("push"));
    nextUpload();
}

void SyncEngine::nextPush()
{
    auto batch = m_replica.nextBatch(m_options.batchSize, m_heldAttachments);
    if (!batch)
        return finish(false, batch.errorString());
    if (batch.value().batchId.isEmpty()) {
        if (m_phase == Phase::Push) {
            m_phase = Phase::Pull;
            auto cursor = m_replica.cursor();
            m_pullStart = cursor ? cursor.value() : 0;
            return refreshUser();
        }
        return finish(true, QString());
    }
    const PendingBatch pending = batch.value();
    send("POST", QStringLiteral("/api/v1/push"), pending.body, [this, pending](int status, const QByteArray &body) {
        if (status != 200)
            return finish(false, tr("the server refused the push: %1").arg(errorText(status, body)));
        auto json = parseJson(body, JsonLimits{256 * 1024 * 1024, 64});
        if (!json)
            return finish(false, tr("the server's answer is not valid JSON: %1").arg(json.errorString()));
        QList<PushResult> results;
        const JsonArray list = json.value()[QStringLiteral("results")].toArray();
        for (const JsonValue &r : list) {
            PushResult result;
            result.id = QUuid::fromString(r[QStringLiteral("id")].toString());
            result.status = r[QStringLiteral("status")].toString();
            result.revision = r[QStringLiteral("revision")].toString();
            if (r[QStringLiteral("item")].isObject())
                result.storedBytes = serializeCanonical(r[QStringLiteral("item")]);
            result.serverRevision = r[QStringLiteral("server_revision")].toString();
            if (r[QStringLiteral("server_item")].isObject())
                result.serverBytes = serializeCanonical(r[QStringLiteral("server_item")]);
            for (const JsonValue &i : r[QStringLiteral("issues")].toArray())
                result.issues.append(Issue{i[QStringLiteral("where")].toString(), i[QStringLiteral("message")].toString()});
            if (result.status == QStringLiteral("accepted"))
                ++m_report.pushed;
            else if (result.status == QStringLiteral("rejected") || result.status == QStringLiteral("forbidden"))
                ++m_report.refused;
            results.append(result);
        }
        if (auto applied = m_replica.applyPushResults(pending.batchId, results); !applied)
            return finish(false, applied.errorString());
        m_pushDone += results.size();
        Q_EMIT progress(m_pushDone, std::max(m_pushTotal, m_pushDone), QStringLiteral("push"));
        nextPush();
    });
}

// Who the server says the person is (role, regions, professions), kept in the replica so
// the app offers only what the workflow allows, offline too. Roles change on the server.
void SyncEngine::refreshUser()
{
    send("GET", QStringLiteral("/api/v1/me"), QByteArray(), [this](int status, const QByteArray &body) {
        if (status != 200)
            return finish(false, tr("the server refused to say who you are: %1").arg(errorText(status, body)));
        auto json = parseJson(body);
        const std::optional<model::User> me = json ? userFromJson(json.value()) : std::nullopt;
        if (!me)
            return finish(false, tr("the server's answer about your account is not understood"));
        const model::User &user = *me;
        if (user != m_replica.signedInUser()) {
            if (auto stored = m_replica.setSignedInUser(user); !stored)
                return finish(false, stored.errorString());
        }
        nextPull();
    });
}

void SyncEngine::nextPull()
{
    auto cursor = m_replica.cursor();
    if (!cursor)
        return finish(false, cursor.errorString());
    const qint64 since = cursor.value();
    send("GET", QStringLiteral("/api/v1/changes?since=%1&limit=%2").arg(since).arg(m_options.pageSize), QByteArray(),
         [this](int status, const QByteArray &body) {
             if (status != 200)
                 return finish(false, tr("the server refused the pull: %1").arg(errorText(status, body)));
             auto json = parseJson(body, JsonLimits{512 * 1024 * 1024, 64});
             if (!json)
                 return finish(false, tr("the server's answer is not valid JSON: %1").arg(json.errorString()));
             QList<ServerChange> changes;
             const JsonArray list = json.value()[QStringLiteral("changes")].toArray();
             for (const JsonValue &c : list) {
                 ServerChange change;
                 change.seq = c[QStringLiteral("seq")].toInteger();
                 change.id = QUuid::fromString(c[QStringLiteral("id")].toString());
                 change.deleted = c[QStringLiteral("deleted")].toBool();
                 change.revision = c[QStringLiteral("revision")].toString();
                 if (c[QStringLiteral("item")].isObject())
                     change.bytes = serializeCanonical(c[QStringLiteral("item")]);
                 change.liveRevision = c[QStringLiteral("live_revision")].toString();
                 if (c[QStringLiteral("live_item")].isObject())
                     change.liveBytes = serializeCanonical(c[QStringLiteral("live_item")]);
                 else if (change.liveRevision == change.revision)
                     change.liveBytes = change.bytes;
                 change.changedBy = c[QStringLiteral("changed_by")].toString();
                 if (c[QStringLiteral("changed_at")].isString())
                     change.changedAt = QDateTime::fromString(c[QStringLiteral("changed_at")].toString(), Qt::ISODate).toUTC();
                 changes.append(change);
             }
             const qint64 cursorAfter = json.value()[QStringLiteral("cursor")].toInteger();
             const qint64 latest = json.value()[QStringLiteral("latest")].toInteger();
             if (auto applied = m_replica.applyPulled(changes, cursorAfter); !applied)
                 return finish(false, applied.errorString());
             m_report.pulled += changes.size();
             Q_EMIT progress(cursorAfter - m_pullStart, std::max<qint64>(latest - m_pullStart, cursorAfter - m_pullStart), QStringLiteral("pull"));
             if (json.value()[QStringLiteral("more")].toBool())
                 return nextPull();
             // Merges may have produced new local revisions on top of the server's.
             m_phase = Phase::PushAgain;
             nextPush();
         });
}

Result<SyncReport> SyncEngine::runBlocking()
{
    QEventLoop loop;
    bool ok = false;
    QString error;
    auto connection = connect(this, &SyncEngine::finished, &loop, [&](bool success, const QString &message) {
        ok = success;
        error = message;
        loop.quit();
    });
    start();
    if (m_running)
        loop.exec();
    disconnect(connection);
    if (!ok)
        return Issue{QStringLiteral("sync"), error};
    return m_report;
}

void SyncEngine::downloadAttachment(const QString &sha256)
{
    auto done = [this, sha256](const QString &path, const QString &error) {
        // Always after the call returns, so a caller can connect afterwards.
        QMetaObject::invokeMethod(this, [this, sha256, path, error] { Q_EMIT attachmentDownloaded(sha256, path, error); }, Qt::QueuedConnection);
    };
    static const QRegularExpression name(QStringLiteral("^[0-9a-f]{64}\\z"));
    if (!name.match(sha256).hasMatch())
        return done(QString(), tr("\"%1\" is not an attachment name (64 lowercase hex digits)").arg(sha256));
    if (const QString local = m_replica.attachmentPath(sha256); !local.isEmpty())
        return done(local, QString());
    if (m_downloads.value(sha256))
        return; // under way; its end is announced once
    const QString store = m_replica.attachmentStore();
    if (!QDir().mkpath(store))
        return done(QString(), tr("cannot create the attachment store %1").arg(store));
    auto temp = std::make_unique<QTemporaryFile>(store + QStringLiteral("/download-XXXXXX"));
    if (!temp->open())
        return done(QString(), tr("cannot write in the attachment store: %1").arg(temp->errorString()));
    QNetworkRequest request(urlFor(QStringLiteral("/api/v1/attachments/") + sha256));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_options.requestTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    QTemporaryFile *file = temp.release();
    file->setParent(reply); // goes (and is removed unless stored) with the reply
    m_downloads.insert(sha256, reply);
    auto failed = std::make_shared<QString>();
    connect(reply, &QNetworkReply::readyRead, this, [reply, file, failed] {
        if (!failed->isEmpty())
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            return; // the error body is read at the end
        const QByteArray chunk = reply->readAll();
        if (file->size() + chunk.size() > Limits::kAttachmentBytes) {
            *failed = tr("the server sent more than %1 bytes").arg(Limits::kAttachmentBytes);
            reply->abort();
        } else if (file->write(chunk) != chunk.size()) {
            *failed = tr("cannot write in the attachment store: %1").arg(file->errorString());
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, file, failed, sha256, done] {
        reply->deleteLater();
        m_downloads.remove(sha256);
        auto fail = [&](const QString &why) {
            file->remove(); // nothing half-downloaded stays in the store
            done(QString(), why);
        };
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!failed->isEmpty())
            return fail(tr("cannot download the attachment %1: %2").arg(sha256, *failed));
        if (status == 0)
            return fail(tr("the server cannot be reached (%1)").arg(reply->errorString()));
        if (status != 200)
            return fail(tr("cannot download the attachment %1: %2").arg(sha256, errorText(status, reply->readAll())));
        const QByteArray rest = reply->readAll();
        if (file->write(rest) != rest.size() || !file->flush())
            return fail(tr("cannot write in the attachment store: %1").arg(file->errorString()));
        file->close();
        if (auto stored = m_replica.storeDownloadedAttachment(sha256, file->fileName()); !stored)
            return fail(stored.errorString());
        file->setAutoRemove(false); // moved into the store
        done(m_replica.attachmentPath(sha256), QString());
    });
}

Result<QString> SyncEngine::downloadAttachmentBlocking(const QString &sha256)
{
    QEventLoop loop;
    QString path, error;
    auto connection = connect(this, &SyncEngine::attachmentDownloaded, &loop, [&](const QString &sha, const QString &stored, const QString &why) {
        if (sha != sha256)
            return;
        path = stored;
        error = why;
        loop.quit();
    });
    downloadAttachment(sha256);
    loop.exec();
    disconnect(connection);
    if (path.isEmpty())
        return Issue{sha256, error};
    return path;
}

} // namespace carta::sync
