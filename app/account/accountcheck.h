// Checks an account against its server: GET /api/v1/me with the token, with a deadline.
// The sign-in dialog uses it to verify what was typed; the status bar uses it to tell
// online from offline.
#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkReply;

namespace carta::app {

struct AccountCheckResult
{
    enum class Outcome { Ok, Unreachable, Refused, BadAnswer };
    Outcome outcome = Outcome::Unreachable;
    int httpStatus = 0;
    QString name;    // Ok: the user the token belongs to
    QString role;    // Ok: author, reviewer, publisher, admin
    QString message; // otherwise: what went wrong, for a person
};

class AccountCheck : public QObject
{
    Q_OBJECT

public:
    explicit AccountCheck(QObject *parent = nullptr);
    ~AccountCheck() override;

    // Starts a check; a check still running is abandoned. Ends with finished().
    void start(const QUrl &server, const QString &token, int timeoutMs = 15000);
    void abort();
    [[nodiscard]] bool isRunning() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void finished(const carta::app::AccountCheckResult &result);

private:
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace carta::app
