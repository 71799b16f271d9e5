// The publisher: keeps the public site level with the `live` branch. It reads live with
// its own handle on the repository (so it never waits on requests), renders what changed
// with carta_site's SiteBuilder straight into a new release, and switches `current`.
// In `serve` it runs on a thread of its own, woken whenever live moves; the first run
// after start-up builds everything, or only learns the current release when it already
// shows the live tip.
#pragma once

#include "gitstore.h"
#include "metrics.h"

#include "site/release.h"
#include "site/site.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace carta::syncserver {

struct PublisherOptions
{
    QString repositoryPath;  // <data>/repo.git
    QString attachmentsDir;  // <data>/attachments (files at <xx>/<sha256>)
    QString siteDir;         // holds releases/ and current
    QString assetsDir;       // nhsuk-frontend, MiniSearch, carta.css, search.js
    site::SiteOptions site;
    int keepReleases = 10;
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    Metrics *metrics = nullptr; // serve's: the background thread counts its publishes there
};

struct PublishReport
{
    QString release;       // the release now current; empty when none was made
    QString liveCommit;
    bool full = false;     // everything was rendered
    bool primed = false;   // the current release already showed live: only learned it
    qsizetype items = 0;   // live items
    qsizetype changes = 0; // items that changed since the last run
    qsizetype written = 0;
    qsizetype removed = 0;
    qsizetype pages = 0;   // HTML pages rendered
    qint64 milliseconds = 0;
    QStringList warnings;  // items left out of the site
};

class Publisher
{
public:
    ~Publisher();
    Publisher(const Publisher &) = delete;
    Publisher &operator=(const Publisher &) = delete;

    [[nodiscard]] static Result<std::unique_ptr<Publisher>> open(PublisherOptions options);

    // Brings the site level with live now (full: render everything into a new release).
    [[nodiscard]] Result<PublishReport> publish(bool full = false);

    // The background thread: publishes at start and whenever notify() is called.
    void start(std::function<void(const QString &level, const QString &message)> log);
    void notify();
    void stop();

    [[nodiscard]] const PublisherOptions &options() const { return m_options; }

private:
    explicit Publisher(PublisherOptions options, std::unique_ptr<GitStore> store, site::ReleaseStore releases);
    [[nodiscard]] std::optional<model::Item> load(const QUuid &id);

    PublisherOptions m_options;
    std::unique_ptr<GitStore> m_store;
    site::ReleaseStore m_releases;
    std::unique_ptr<site::SiteBuilder> m_builder;
    QHash<QUuid, QString> m_blobs; // live item -> blob id, as the builder knows it
    QString m_builtTip;             // the live commit the builder shows
    QString m_base;                 // the release the builder's files are in
    QByteArray m_assetsDigest;      // of the assets folder, read once

    std::mutex m_mutex;
    std::mutex m_loadMutex; // load() from the builder's threads
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stopping = false;
    std::atomic<bool> m_cancel{false};
    std::thread m_thread;
};

// Where the site's static assets are: the configured folder, else the build tree's (when
// run from a build), else the installed ones.
[[nodiscard]] QString defaultSiteAssetsDir();

} // namespace carta::syncserver
