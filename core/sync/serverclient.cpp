#include "serverclient.h"

#include "model/json.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace carta::sync {

using namespace carta::model;

namespace {

constexpr int kTimeoutMs = 30000;

// The error of an answer that is not a success: the server's code, message and issues.
ServerError errorOf(int status, const QByteArray &body, const QString &networkError)
{
    ServerError e;
    e.status = status;
    if (status == 0) {
        e.code = QStringLiteral("unreachable");
        e.message = ServerClient::tr("The server cannot be reached (%1).").arg(networkError);
        return e;
    }
    auto json = parseJson(body);
    if (json && json.value().isObject()) {
        const JsonValue &error = json.value()[QStringLiteral("error")];
        e.code = error[QStringLiteral("code")].toString();
        e.message = error[QStringLiteral("message")].toString();
        for (const JsonValue &i : json.value()[QStringLiteral("issues")].toArray())
            e.issues.append(Issue{i[QStringLiteral("where")].toString(), i[QStringLiteral("message")].toString()});
    }
    if (e.message.isEmpty())
        e.message = ServerClient::tr("The server answered %1.").arg(status);
    return e;
}

template<typename T>
Answer<T> failure(ServerError error)
{
    Answer<T> a;
    a.error = std::move(error);
    return a;
}

template<typename T>
Answer<T> malformed(const QString &why)
{
    return failure<T>(ServerError{200, QStringLiteral("malformed"), ServerClient::tr("The server's answer is not understood: %1").arg(why), {}});
}

} // namespace

ServerClient::ServerClient(QUrl server, QString token, QObject *parent)
    : QObject(parent), m_server(std::move(server)), m_token(std::move(token))
{
}

ServerClient::~ServerClient()
{
    // Aborting runs each reply's finished handler (status 0) while this object still exists.
    const QList<QNetworkReply *> open = findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : open)
        reply->abort();
}

void ServerClient::setCredentials(QUrl server, QString token)
{
    m_server = std::move(server);
    m_token = std::move(token);
}

void ServerClient::call(const QByteArray &verb, const QString &path, const QByteArray &body,
                        std::function<void(int, const QByteArray &, const QString &)> done)
{
    QUrl url = m_server;
    url.setPath(m_server.path().chopped(m_server.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kTimeoutMs);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    reply->setParent(this); // found and ended by the destructor if still open
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done(status, reply->isOpen() ? reply->readAll() : QByteArray(), reply->errorString()); // aborted: closed, nothing to read
    });
}

void ServerClient::history(const QUuid &id, std::function<void(Answer<QList<HistoryEntry>>)> done)
{
    call("GET", QStringLiteral("/api/v1/items/%1/history").arg(idString(id)), QByteArray(),
         [done = std::move(done)](int status, const QByteArray &body, const QString &networkError) {
             using A = QList<HistoryEntry>;
             if (status != 200)
                 return done(failure<A>(errorOf(status, body, networkError)));
             auto json = parseJson(body, JsonLimits{256 * 1024 * 1024, 64});
             if (!json || !json.value()[QStringLiteral("history")].isArray())
                 return done(malformed<A>(json ? QStringLiteral("no history list") : json.errorString()));
             A entries;
             for (const JsonValue &e : json.value()[QStringLiteral("history")].toArray()) {
                 HistoryEntry h;
                 h.commit = e[QStringLiteral("commit")].toString();
                 h.revision = e[QStringLiteral("revision")].toString();
                 h.author = e[QStringLiteral("author")].toString();
                 h.email = e[QStringLiteral("email")].toString();
                 h.time = QDateTime::fromString(e[QStringLiteral("time")].toString(), Qt::ISODate).toUTC();
                 h.action = e[QStringLiteral("action")].toString();
                 h.comment = e[QStringLiteral("comment")].toString();
                 if (e[QStringLiteral("scheduled")].isString())
                     h.scheduled = QDateTime::fromString(e[QStringLiteral("scheduled")].toString(), Qt::ISODate);
                 h.summary = e[QStringLiteral("summary")].toString();
                 entries.append(std::move(h));
             }
             Answer<A> a;
             a.value = std::move(entries);
             done(std::move(a));
         });
}

void ServerClient::revision(const QUuid &id, const QString &revision, std::function<void(Answer<Item>)> done)
{
    call("GET", QStringLiteral("/api/v1/items/%1/revisions/%2").arg(idString(id), revision), QByteArray(),
         [revision, done = std::move(done)](int status, const QByteArray &body, const QString &networkError) {
             if (status != 200)
                 return done(failure<Item>(errorOf(status, body, networkError)));
             auto json = parseJson(body, JsonLimits{256 * 1024 * 1024, 64});
             if (!json)
                 return done(malformed<Item>(json.errorString()));
             const QByteArray bytes = serializeCanonical(json.value()[QStringLiteral("item")]);
             if (revisionId(bytes) != revision) // what was asked for, byte for byte
                 return done(malformed<Item>(QStringLiteral("the item sent is not revision %1").arg(revision)));
             auto item = parseItem(bytes);
             if (!item)
                 return done(malformed<Item>(item.errorString()));
             Answer<Item> a;
             a.value = std::move(item).value();
             done(std::move(a));
         });
}

void ServerClient::act(const QUuid &id, const ActionRequest &request, std::function<void(Answer<ActionAnswer>)> done)
{
    JsonObject body{{QStringLiteral("action"), toString(request.action)}};
    if (!request.comment.isEmpty())
        body[QStringLiteral("comment")] = request.comment;
    if (!request.baseRevision.isEmpty())
        body[QStringLiteral("base_revision")] = request.baseRevision;
    if (request.publishAt)
        body[QStringLiteral("publish_at")] = request.publishAt->toString(Qt::ISODate);
    if (request.unpublishAt)
        body[QStringLiteral("unpublish_at")] = request.unpublishAt->toString(Qt::ISODate);
    if (!request.revision.isEmpty())
        body[QStringLiteral("revision")] = request.revision;
    call("POST", QStringLiteral("/api/v1/items/%1/actions").arg(idString(id)), serializeCompact(JsonValue(std::move(body))),
         [done = std::move(done)](int status, const QByteArray &bytes, const QString &networkError) {
             if (status != 200)
                 return done(failure<ActionAnswer>(errorOf(status, bytes, networkError)));
             auto json = parseJson(bytes, JsonLimits{256 * 1024 * 1024, 64});
             if (!json)
                 return done(malformed<ActionAnswer>(json.errorString()));
             const auto state = workflowStateFromString(json.value()[QStringLiteral("state")].toString());
             auto item = parseItem(serializeCanonical(json.value()[QStringLiteral("item")]));
             if (!state || !item)
                 return done(malformed<ActionAnswer>(item ? QStringLiteral("no state") : item.errorString()));
             ActionAnswer answer;
             answer.state = *state;
             answer.revision = json.value()[QStringLiteral("revision")].toString();
             answer.liveRevision = json.value()[QStringLiteral("live_revision")].toString();
             answer.item = std::move(item).value();
             Answer<ActionAnswer> a;
             a.value = std::move(answer);
             done(std::move(a));
         });
}

} // namespace carta::sync
