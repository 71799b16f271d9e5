#include "account/account.h"

#include <QStandardPaths>

namespace carta::app {

QString Account::key() const
{
    QString host = server.host();
    if (server.port() > 0)
        host += QLatin1Char(':') + QString::number(server.port());
    return user + QLatin1Char('@') + host;
}

QString Account::replicaPath() const
{
    // Only characters that are safe in a file name on every desktop platform.
    QString name = key();
    for (QChar &c : name) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('-')
            || c == QLatin1Char('_') || c == QLatin1Char('@');
        if (!safe)
            c = QLatin1Char('_');
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/replicas/") + name
        + QStringLiteral(".sqlite");
}

QUrl serverUrlFromInput(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("https://"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")))
        return {};
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace carta::app
