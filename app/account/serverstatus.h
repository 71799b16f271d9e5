// Whether the account's server can be reached, for the status bar: checked at start, every
// minute, and after every sync, with a short deadline so an offline laptop stays calm.
#pragma once

#include "account/accountcheck.h"

#include <QTimer>

namespace carta::app {

class ServerStatus : public QObject
{
    Q_OBJECT

public:
    enum class State { NotConnected, Checking, Online, Offline, SignInNeeded };
    Q_ENUM(State)

    static constexpr int kIntervalMs = 60000;
    static constexpr int kTimeoutMs = 5000;

    explicit ServerStatus(QObject *parent = nullptr);

    // An empty server: not connected (a replica never signed in); no checks run.
    void setServer(const QUrl &server, const QString &token);
    void checkNow();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString detail() const { return m_detail; }

Q_SIGNALS:
    void stateChanged(carta::app::ServerStatus::State state);

private:
    void setState(State state, const QString &detail);

    AccountCheck m_check;
    QTimer m_timer;
    QUrl m_server;
    QString m_token;
    State m_state = State::NotConnected;
    QString m_detail;
};

} // namespace carta::app
