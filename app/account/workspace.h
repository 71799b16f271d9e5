// What a main window works on: one replica file and the account it belongs to (read from
// the replica's settings; invalid for a replica never signed in), plus the account's
// token once it is known (it lives in the keychain, never in the replica).
#pragma once

#include "account/account.h"

#include "replica/replica.h"

#include <memory>

namespace carta::app {

class Workspace
{
public:
    // Opens (or creates) a replica file.
    [[nodiscard]] static model::Result<std::unique_ptr<Workspace>> open(const QString &replicaPath);
    // Opens (or creates) the replica of an account and records the account in it. Refuses a
    // replica file that already belongs to another server or user.
    [[nodiscard]] static model::Result<std::unique_ptr<Workspace>> openForAccount(const Account &account);

    [[nodiscard]] replica::Replica &replica() { return *m_replica; }
    [[nodiscard]] const replica::Replica &replica() const { return *m_replica; }
    [[nodiscard]] const Account &account() const { return m_account; }
    [[nodiscard]] model::Result<model::Done> setAccount(const Account &account);

    [[nodiscard]] const QString &token() const { return m_token; }
    void setToken(const QString &token) { m_token = token; }
    // A token carta-cli stored in the replica (older replicas): used when the keychain has
    // none, so replicas made by carta-cli keep working.
    [[nodiscard]] QString legacyToken() const;

private:
    explicit Workspace(std::unique_ptr<replica::Replica> replica);

    std::unique_ptr<replica::Replica> m_replica;
    Account m_account;
    QString m_token;
};

} // namespace carta::app
