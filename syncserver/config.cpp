// Configuration file parsing.
#include "config.h"

#include <QUrl>

#include <QFile>

namespace carta::syncserver {

using model::Issue;
using model::Issues;

model::Result<Config> Config::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Issue{path, QStringLiteral("cannot read the configuration file: %1").arg(file.errorString())};
    return parse(file.readAll(), path);
}

model::Result<Config> Config::parse(const QByteArray &text, const QString &fileName)
{
    Config config;
    Issues issues;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines[n]).trimmed();
        const QString where = QStringLiteral("%1:%2").arg(fileName).arg(n + 1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            issues.append(Issue{where, QStringLiteral("expected \"key = value\"")});
            continue;
        }
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        auto number = [&](int min, int max, auto &out) {
            bool ok = false;
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < min || v > max)
                issues.append(Issue{where, QStringLiteral("%1 must be a number from %2 to %3").arg(key).arg(min).arg(max)});
            else
                out = static_cast<std::remove_reference_t<decltype(out)>>(v);
        };
        if (key == QStringLiteral("data_dir"))
            config.dataDir = value;
        else if (key == QStringLiteral("listen_address"))
            config.listenAddress = value;
        else if (key == QStringLiteral("port"))
            number(0, 65535, config.port);
        else if (key == QStringLiteral("tls_certificate"))
            config.tlsCertificate = value;
        else if (key == QStringLiteral("tls_private_key"))
            config.tlsPrivateKey = value;
        else if (key == QStringLiteral("threads"))
            number(1, 64, config.threads);
        else if (key == QStringLiteral("attachment_limit_mb"))
            number(1, 4096, config.attachmentLimitMb);
        else if (key == QStringLiteral("pack_every_commits"))
            number(0, 1000000, config.packEveryCommits);
        else if (key == QStringLiteral("read_timeout_seconds"))
            number(1, 3600, config.readTimeoutSeconds);
        else if (key == QStringLiteral("upload_timeout_seconds"))
            number(1, 86400, config.uploadTimeoutSeconds);
        else if (key == QStringLiteral("schedule_interval_seconds"))
            number(1, 60, config.scheduleIntervalSeconds);
        else if (key == QStringLiteral("site_dir"))
            config.siteDir = value;
        else if (key == QStringLiteral("site_url")) {
            const QUrl url(value, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))
                || url.host().isEmpty() || url.hasQuery() || url.hasFragment() || value.endsWith(QLatin1Char('/')))
                issues.append(Issue{where, QStringLiteral("site_url must be an http or https address without a trailing /, like https://learning.example.org")});
            else
                config.siteUrl = value;
        } else if (key == QStringLiteral("site_assets_dir"))
            config.siteAssetsDir = value;
        else if (key == QStringLiteral("site_keep_releases"))
            number(1, 1000, config.siteKeepReleases);
        else if (key == QStringLiteral("site_serve")) {
            if (value == QStringLiteral("true") || value == QStringLiteral("false"))
                config.siteServe = value == QStringLiteral("true");
            else
                issues.append(Issue{where, QStringLiteral("site_serve must be true or false")});
        } else
            issues.append(Issue{where, QStringLiteral("unknown key \"%1\"").arg(key)});
    }
    if (config.tlsCertificate.isEmpty() != config.tlsPrivateKey.isEmpty())
        issues.append(Issue{fileName, QStringLiteral("give both tls_certificate and tls_private_key, or neither")});
    if (!issues.isEmpty())
        return issues;
    return config;
}

} // namespace carta::syncserver
