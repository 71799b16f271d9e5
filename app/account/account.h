// An account: the server a person signs in to and their user name. Each account has its
// own replica file, named from user@host, under the per-user data folder.
#pragma once

#include <QString>
#include <QUrl>

namespace carta::app {

struct Account
{
    QUrl server;
    QString user;

    [[nodiscard]] bool isValid() const { return server.isValid() && !server.host().isEmpty() && !user.isEmpty(); }
    // "alice.jones@carta.hee.nhs.uk" (":port" added when the URL names one): the key of the
    // token in the keychain and the name of the replica file.
    [[nodiscard]] QString key() const;
    // <AppDataLocation>/replicas/<key with unsafe characters replaced>.sqlite
    [[nodiscard]] QString replicaPath() const;

    friend bool operator==(const Account &, const Account &) = default;
};

// Parses what a person typed as a server address: "carta.example.org" becomes
// "https://carta.example.org"; anything but http(s) is refused (empty URL).
[[nodiscard]] QUrl serverUrlFromInput(const QString &input);

} // namespace carta::app
