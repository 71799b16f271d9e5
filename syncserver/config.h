// carta-syncd's configuration file: "key = value" lines, '#' comments.
#pragma once

#include "model/result.h"

#include <QString>

namespace carta::syncserver {

struct Config
{
    QString dataDir;
    QString listenAddress = QStringLiteral("127.0.0.1");
    int port = 7443;
    QString tlsCertificate;
    QString tlsPrivateKey;
    int threads = 8;
    qint64 attachmentLimitMb = 200;
    int packEveryCommits = 16;
    int readTimeoutSeconds = 30;
    int uploadTimeoutSeconds = 600;
    int scheduleIntervalSeconds = 5; // how often `serve` runs due schedules
    // The public site (see docs/admin-guide.md, "The public site").
    QString siteDir;          // empty: <data_dir>/site
    QString siteUrl;          // its public address; empty: http://<listen_address>:<port>/site
    QString siteAssetsDir;    // empty: the build's or the installed assets
    int siteKeepReleases = 10;
    bool siteServe = true;    // `serve` also serves <site_dir>/current under /site/

    // Reads a file; every problem names its line.
    [[nodiscard]] static model::Result<Config> load(const QString &path);
    [[nodiscard]] static model::Result<Config> parse(const QByteArray &text, const QString &fileName);
};

} // namespace carta::syncserver
