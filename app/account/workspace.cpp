#include "account/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace carta::app {

using model::Done;
using model::Issue;
using model::Result;

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)
};

} // namespace

Workspace::Workspace(std::unique_ptr<replica::Replica> replica) : m_replica(std::move(replica))
{
    m_account.server = QUrl(m_replica->setting(QStringLiteral("server")).valueOr(QString()));
    m_account.user = m_replica->setting(QStringLiteral("user")).valueOr(QString());
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &replicaPath)
{
    const QFileInfo info(replicaPath);
    if (!QDir().mkpath(info.absolutePath()))
        return Issue{replicaPath, Messages::tr("cannot create the folder %1").arg(info.absolutePath())};
    replica::OpenFailure failure = replica::OpenFailure::None;
    auto opened = replica::Replica::open(replicaPath, &failure);
    if (!opened) {
        QString message = opened.errorString();
        if (failure == replica::OpenFailure::Corrupt || failure == replica::OpenFailure::NewerSchema)
            message += QLatin1Char('\n')
                + Messages::tr("Your unsent changes can be saved: run `carta-cli --replica %1 recover`.").arg(replicaPath);
        return Issue{replicaPath, message};
    }
    // The replica holds unsent work and account details: private to this user.
    QFile::setPermissions(replicaPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return std::unique_ptr<Workspace>(new Workspace(std::move(opened).value()));
}

Result<std::unique_ptr<Workspace>> Workspace::openForAccount(const Account &account)
{
    auto workspace = open(account.replicaPath());
    if (!workspace)
        return workspace;
    if (auto r = workspace.value()->setAccount(account); !r)
        return r.issues();
    return workspace;
}

Result<Done> Workspace::setAccount(const Account &account)
{
    if (m_account.isValid() && !(m_account == account))
        return Issue{m_replica->path(), Messages::tr("this replica belongs to %1 on %2, not %3 on %4")
                                            .arg(m_account.user, m_account.server.toDisplayString(), account.user,
                                                 account.server.toDisplayString())};
    if (auto r = m_replica->setSetting(QStringLiteral("server"), account.server.toString()); !r)
        return r;
    if (auto r = m_replica->setSetting(QStringLiteral("user"), account.user); !r)
        return r;
    m_account = account;
    return Done{};
}

QString Workspace::legacyToken() const
{
    return m_replica->setting(QStringLiteral("token")).valueOr(QString());
}

} // namespace carta::app
