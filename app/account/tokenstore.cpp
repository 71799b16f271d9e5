#include "account/tokenstore.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace carta::app {

namespace {

const QString &serviceName()
{
    static const QString name = QStringLiteral("Carta");
    return name;
}

// Runs a keychain job with a deadline; calls onResult(job) or onTimeout() once.
void runTimeBoxed(QObject *context, QKeychain::Job *job, int timeoutMs, std::function<void(QKeychain::Job *)> onResult,
                  std::function<void()> onTimeout)
{
    auto answered = std::make_shared<bool>(false);
    auto *deadline = new QTimer(context);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, context, [answered, deadline, onTimeout] {
        deadline->deleteLater();
        if (*answered)
            return;
        *answered = true;
        onTimeout();
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [answered, deadline, onResult](QKeychain::Job *finished) {
        if (*answered)
            return; // too late: the caller has moved on
        *answered = true;
        deadline->stop();
        deadline->deleteLater();
        onResult(finished);
    });
    job->setAutoDelete(true);
    deadline->start(timeoutMs);
    job->start();
}

} // namespace

TokenStore::TokenStore(QObject *parent) : QObject(parent)
{
    if (qEnvironmentVariable("CARTA_KEYCHAIN") == QStringLiteral("off"))
        keychainFailed(tr("the keychain is switched off (CARTA_KEYCHAIN=off)"));
}

void TokenStore::keychainFailed(const QString &reason)
{
    m_keychainAvailable = false;
    const QString warning = tr("No system keychain is available (%1). Your token is kept only until Carta closes; "
                               "you will be asked for it again next time.")
                                .arg(reason);
    if (warning == m_warning)
        return;
    m_warning = warning;
    qWarning("carta: %s", qPrintable(warning));
    Q_EMIT warningChanged(m_warning);
}

void TokenStore::read(const QString &accountKey, std::function<void(const QString &)> done)
{
    if (m_memory.contains(accountKey) || !m_keychainAvailable) {
        // Answer asynchronously all the same, so callers see one behaviour.
        QTimer::singleShot(0, this, [this, accountKey, done] { done(m_memory.value(accountKey)); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(accountKey);
    runTimeBoxed(
        this, job, m_timeoutMs,
        [this, accountKey, done](QKeychain::Job *finished) {
            const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
            if (readJob->error() == QKeychain::NoError) {
                m_memory.insert(accountKey, readJob->textData());
            } else if (readJob->error() != QKeychain::EntryNotFound) {
                keychainFailed(readJob->errorString());
            }
            done(m_memory.value(accountKey));
        },
        [this, accountKey, done] {
            keychainFailed(tr("it did not answer within %1 seconds").arg(m_timeoutMs / 1000.0));
            done(m_memory.value(accountKey));
        });
}

void TokenStore::write(const QString &accountKey, const QString &token, std::function<void()> done)
{
    m_memory.insert(accountKey, token);
    auto finish = [done] {
        if (done)
            done();
    };
    if (!m_keychainAvailable) {
        QTimer::singleShot(0, this, finish);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(accountKey);
    job->setTextData(token);
    runTimeBoxed(
        this, job, m_timeoutMs,
        [this, finish](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError)
                keychainFailed(finished->errorString());
            finish();
        },
        [this, finish] {
            keychainFailed(tr("it did not answer within %1 seconds").arg(m_timeoutMs / 1000.0));
            finish();
        });
}

} // namespace carta::app
