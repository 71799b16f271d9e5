// Sync engine: a small state machine over QNetworkAccessManager.
#include "syncengine.h"

#include "model/json.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkReply>
#include <QRandomGenerator>

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
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_report = SyncReport{};
    m_phase = Phase::Push;
    auto status = m_replica.status();
    m_pushTotal = status ? status.value().dirty : 0;
    m_pushDone = 0;
    nextPush();
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

void SyncEngine::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                      std::function<void(int status, const QByteArray &body)> onAnswer)
{
    auto attempt = std::make_shared<int>(0);
    auto sendOnce = std::make_shared<std::function<void()>>();
    // The function reaches itself only weakly (a strong self-reference would leak it); the
    // reply's handler and a pending retry hold it while it is needed.
    *sendOnce = [this, verb, path, body, onAnswer, attempt, weakGo = std::weak_ptr<std::function<void()>>(sendOnce)] {
        auto go = weakGo.lock();
        if (!go)
            return;
        QUrl url = m_server;
        url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path.section(QLatin1Char('?'), 0, 0));
        url.setQuery(path.section(QLatin1Char('?'), 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        request.setTransferTimeout(m_options.requestTimeoutMs);
        if (!body.isNull())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        m_reply = m_network.sendCustomRequest(request, verb, body);
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

void SyncEngine::nextPush()
{
    auto batch = m_replica.nextBatch(m_options.batchSize);
    if (!batch)
        return finish(false, batch.errorString());
    if (batch.value().batchId.isEmpty()) {
        if (m_phase == Phase::Push) {
            m_phase = Phase::Pull;
            auto cursor = m_replica.cursor();
            m_pullStart = cursor ? cursor.value() : 0;
            return nextPull();
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

} // namespace carta::sync
