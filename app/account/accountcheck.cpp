#include "account/accountcheck.h"

#include "model/json.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace carta::app {

AccountCheck::AccountCheck(QObject *parent) : QObject(parent) {}

AccountCheck::~AccountCheck()
{
    abort();
}

void AccountCheck::abort()
{
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void AccountCheck::start(const QUrl &server, const QString &token, int timeoutMs)
{
    abort();
    QUrl url = server;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/me"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, server] {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        AccountCheckResult result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (result.httpStatus == 0) {
            result.outcome = AccountCheckResult::Outcome::Unreachable;
            result.message = tr("Cannot reach %1: %2").arg(server.toDisplayString(), reply->errorString());
        } else if (result.httpStatus == 401 || result.httpStatus == 403) {
            result.outcome = AccountCheckResult::Outcome::Refused;
            result.message = tr("The server refused this token (HTTP %1). Check it, or ask an administrator for a new one.")
                                 .arg(result.httpStatus);
        } else {
            auto json = model::parseJson(body);
            const QString name = json ? json.value()[QStringLiteral("name")].toString() : QString();
            if (result.httpStatus != 200 || name.isEmpty()) {
                result.outcome = AccountCheckResult::Outcome::BadAnswer;
                result.message = tr("%1 did not answer like a Carta server (HTTP %2).")
                                     .arg(server.toDisplayString())
                                     .arg(result.httpStatus);
            } else {
                result.outcome = AccountCheckResult::Outcome::Ok;
                result.name = name;
                result.role = json.value()[QStringLiteral("role")].toString();
            }
        }
        Q_EMIT finished(result);
    });
}

} // namespace carta::app
