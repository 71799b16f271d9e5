// Account tokens in the system keychain (qtkeychain), never in a plain file. Where no
// keychain service exists (or it does not answer in time), tokens are kept in memory for
// this session only and warning() says so: every keychain call is time-boxed, so the app
// never waits on a missing service. CARTA_KEYCHAIN=off skips the keychain altogether.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace carta::app {

class TokenStore : public QObject
{
    Q_OBJECT

public:
    explicit TokenStore(QObject *parent = nullptr);

    static constexpr int kDefaultTimeoutMs = 3000;
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // Calls done exactly once, with the stored token or an empty string.
    void read(const QString &accountKey, std::function<void(const QString &token)> done);
    // Calls done exactly once; the token is kept in memory whatever the keychain says.
    void write(const QString &accountKey, const QString &token, std::function<void()> done = {});

    // False once the keychain has failed or timed out; later calls go straight to memory.
    [[nodiscard]] bool keychainAvailable() const { return m_keychainAvailable; }
    // Non-empty when tokens are only kept in memory: for the status bar.
    [[nodiscard]] QString warning() const { return m_warning; }

Q_SIGNALS:
    void warningChanged(const QString &warning);

private:
    void keychainFailed(const QString &reason);

    QHash<QString, QString> m_memory; // this session's tokens (a cache in front of the keychain, or the fallback)
    bool m_keychainAvailable = true;
    QString m_warning;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace carta::app
