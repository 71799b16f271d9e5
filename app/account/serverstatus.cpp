#include "account/serverstatus.h"

namespace carta::app {

ServerStatus::ServerStatus(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ServerStatus::checkNow);
    connect(&m_check, &AccountCheck::finished, this, [this](const AccountCheckResult &result) {
        switch (result.outcome) {
        case AccountCheckResult::Outcome::Ok: setState(State::Online, QString()); break;
        case AccountCheckResult::Outcome::Refused: setState(State::SignInNeeded, result.message); break;
        case AccountCheckResult::Outcome::Unreachable:
        case AccountCheckResult::Outcome::BadAnswer: setState(State::Offline, result.message); break;
        }
    });
}

void ServerStatus::setServer(const QUrl &server, const QString &token)
{
    m_server = server;
    m_token = token;
    m_check.abort();
    if (server.isEmpty()) {
        m_timer.stop();
        setState(State::NotConnected, QString());
        return;
    }
    m_timer.start();
    checkNow();
}

void ServerStatus::checkNow()
{
    if (m_server.isEmpty() || m_check.isRunning())
        return;
    if (m_state == State::NotConnected)
        setState(State::Checking, QString());
    m_check.start(m_server, m_token, kTimeoutMs);
}

void ServerStatus::setState(State state, const QString &detail)
{
    if (state == m_state && detail == m_detail)
        return;
    m_state = state;
    m_detail = detail;
    Q_EMIT stateChanged(state);
}

} // namespace carta::app
