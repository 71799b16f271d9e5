#include "publisher.h"

#include "model/item.h"

#include <QDir>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace carta::syncserver {

using model::Issue;

namespace {

const QString kLive = u"live"_s;
// In each release: the address its links were made for (a dot file: never served).
const QString kSiteStamp = u".carta-site"_s;

// content/<type>/<xx>/<id>.json -> the id
QUuid idFromPath(const QString &path)
{
    if (!path.endsWith(u".json"_s))
        return QUuid();
    const qsizetype slash = path.lastIndexOf(u'/');
    return QUuid::fromString(QStringView(path).mid(slash + 1, path.size() - slash - 1 - 5));
}

// What a release was made from besides live: its layout on disk (2: folder objects, see
// release.h), the address, the assets, and a digest of
// every file's hash (so a new version of the renderer that renders differently is seen).
QByteArray stampOf(const site::SiteOptions &site, const QByteArray &assets, const QHash<QString, QByteArray> &files)
{
    QStringList paths(files.keyBegin(), files.keyEnd());
    paths.sort();
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &path : std::as_const(paths)) {
        digest.addData(path.toUtf8());
        digest.addData(QByteArrayView(" ", 1));
        digest.addData(files.value(path));
        digest.addData(QByteArrayView("\n", 1));
    }
    return (u"layout 2\nurl "_s + site.absoluteUrl + u"\npath "_s + site.basePath + u"\nassets "_s + QString::fromLatin1(assets)
            + u"\nfiles "_s + QString::fromLatin1(digest.result().toHex()) + u'\n')
        .toUtf8();
}

// Whether every file the builder knows is in a release (a power cut may have lost some
// entries of the newest one: see ReleaseStore's commit).
bool everyFileIsThere(const QString &releaseDir, const QHash<QString, QByteArray> &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!QFileInfo::exists(releaseDir + it.key()))
            return false;
    }
    return true;
}

// A digest of the assets folder's files and bytes.
QByteArray assetsDigest(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &path : std::as_const(files)) {
        QFile f(path);
        digest.addData(QDir(dir).relativeFilePath(path).toUtf8());
        if (f.open(QIODevice::ReadOnly))
            digest.addData(&f);
    }
    return digest.result().toHex();
}

} // namespace

QString defaultSiteAssetsDir()
{
#ifdef CARTA_SITE_ASSETS_BUILD_DIR
    if (QFileInfo(QStringLiteral(CARTA_SITE_ASSETS_BUILD_DIR)).isDir())
        return QStringLiteral(CARTA_SITE_ASSETS_BUILD_DIR);
#endif
#ifdef CARTA_SITE_ASSETS_INSTALL_DIR
    return QStringLiteral(CARTA_SITE_ASSETS_INSTALL_DIR);
#else
    return QString();
#endif
}

Publisher::Publisher(PublisherOptions options, std::unique_ptr<GitStore> store, site::ReleaseStore releases)
    : m_options(std::move(options)), m_store(std::move(store)), m_releases(std::move(releases))
{
}

Publisher::~Publisher()
{
    stop();
}

Result<std::unique_ptr<Publisher>> Publisher::open(PublisherOptions options)
{
    auto store = GitStore::open(options.repositoryPath, false);
    if (!store)
        return store.issues();
    auto releases = site::ReleaseStore::open(options.siteDir);
    if (!releases)
        return releases.issues();
    return std::unique_ptr<Publisher>(
        new Publisher(std::move(options), std::move(store).value(), std::move(releases).value()));
}

std::optional<model::Item> Publisher::load(const QUuid &id)
{
    const QString blob = m_blobs.value(id);
    if (blob.isEmpty())
        return std::nullopt;
    // The builder renders on several threads; one repository handle reads for them all.
    auto bytes = [&] {
        std::lock_guard lock(m_loadMutex);
        return m_store->readBlob(blob);
    }();
    if (!bytes)
        return std::nullopt;
    auto item = model::parseItem(bytes.value());
    if (!item)
        return std::nullopt;
    return std::move(item).value();
}

Result<PublishReport> Publisher::publish(bool full)
{
    QElapsedTimer timer;
    timer.start();
    PublishReport report;
    auto tip = m_store->tip(kLive);
    if (!tip)
        return tip.issues();
    report.liveCommit = tip.value();
    if (tip->isEmpty())
        return report; // nothing has been published yet
    if (m_builder && !full && tip.value() == m_builtTip) {
        report.release = m_base;
        report.items = m_builder->itemCount();
        return report;
    }
    QList<site::LiveChange> changes;
    const bool fresh = full || !m_builder;
    if (fresh) {
        auto listing = m_store->listFiles(tip.value(), u"content"_s);
        if (!listing)
            return listing.issues();
        QHash<QUuid, QString> blobs;
        blobs.reserve(listing->size());
        for (const auto &[path, blob] : listing.value()) {
            const QUuid id = idFromPath(path);
            if (!id.isNull())
                blobs.insert(id, blob);
        }
        m_builder = std::make_unique<site::SiteBuilder>(m_options.site, [this](const QUuid &id) { return load(id); });
        m_base.clear();
        for (auto it = blobs.cbegin(); it != blobs.cend(); ++it)
            changes.append(site::LiveChange{it.key(), true, std::nullopt});
        m_blobs = std::move(blobs);
    } else {
        // Only what differs from the commit the builder shows (git skips identical folders).
        auto changed = m_store->changedFiles(m_builtTip, tip.value(), u"content"_s);
        if (!changed)
            return changed.issues();
        QSet<QUuid> gone;
        QSet<QUuid> present;
        for (const auto &[path, blob] : changed.value()) {
            const QUuid id = idFromPath(path);
            if (!id.isNull())
                (blob.isEmpty() ? gone : present).insert(id);
        }
        for (const auto &[path, blob] : changed.value()) { // an item whose type changed moved: gone, then present
            const QUuid id = idFromPath(path);
            if (!id.isNull() && !blob.isEmpty())
                m_blobs.insert(id, blob);
        }
        for (const QUuid &id : std::as_const(gone)) {
            if (!present.contains(id)) {
                m_blobs.remove(id);
                changes.append(site::LiveChange{id, false, std::nullopt});
            }
        }
        for (const QUuid &id : std::as_const(present))
            changes.append(site::LiveChange{id, true, std::nullopt});
    }
    // Deterministic order (the builder's output does not depend on it, its errors' order does).
    std::sort(changes.begin(), changes.end(), [](const site::LiveChange &a, const site::LiveChange &b) { return a.id < b.id; });
    report.changes = changes.size();
    report.full = fresh;

    // After a start-up, the current release may already show this live commit, made for
    // this address with these assets by a renderer that renders the same bytes: then learn
    // it without writing anything.
    if (m_assetsDigest.isEmpty())
        m_assetsDigest = assetsDigest(m_options.assetsDir);
    if (fresh && !full) {
        const std::optional<site::ReleaseInfo> current = site::parseReleaseId(m_releases.currentId());
        if (current && !current->liveCommit.isEmpty() && tip->startsWith(current->liveCommit)) {
            const site::SiteDelta delta = m_builder->apply(changes, [this](const site::SiteFile &) {
                return m_cancel ? u"the server is stopping"_s : QString();
            });
            if (!delta.sinkError.isEmpty()) {
                m_builder.reset();
                return Issue{m_options.siteDir, delta.sinkError};
            }
            const QString releaseDir = m_releases.path() + u"/releases/"_s + current->id + u'/';
            QFile stamp(releaseDir + kSiteStamp);
            if (stamp.open(QIODevice::ReadOnly)
                && stamp.readAll() == stampOf(m_options.site, m_assetsDigest, m_builder->files())
                && everyFileIsThere(releaseDir, m_builder->files())) {
                m_base = current->id;
                m_builtTip = tip.value();
                report.primed = true;
                report.release = m_base;
                report.items = m_builder->itemCount();
                report.pages = delta.pagesRendered;
                report.warnings = delta.errors;
                report.milliseconds = timer.elapsed();
                return report;
            }
            // Made for another address, or by another version: make it again.
            m_builder = std::make_unique<site::SiteBuilder>(m_options.site, [this](const QUuid &id) { return load(id); });
        }
    }

    const QString attachmentsDir = m_options.attachmentsDir;
    auto pending = m_releases.begin(tip.value(), m_options.clock(), [attachmentsDir](const QString &sha256) -> QString {
        return attachmentsDir + u'/' + sha256.left(2) + u'/' + sha256;
    });
    if (!pending) {
        m_builder.reset();
        return pending.issues();
    }
    site::PendingRelease release = std::move(pending).value();
    const site::SiteDelta delta = m_builder->apply(changes, [this, &release](const site::SiteFile &file) {
        return m_cancel ? u"the server is stopping"_s : release.write(file);
    });
    report.written = delta.writtenPaths.size();
    report.removed = delta.removed.size();
    report.pages = delta.pagesRendered;
    report.items = m_builder->itemCount();
    report.warnings = delta.errors;
    if (!delta.sinkError.isEmpty()) {
        m_builder.reset(); // it no longer matches any release on disk
        return Issue{m_options.siteDir, u"cannot write the new release: "_s + delta.sinkError};
    }
    if (!fresh && delta.writtenPaths.isEmpty() && delta.removed.isEmpty()) {
        // Live moved but the site did not (an item that is not shown changed): no release.
        m_builtTip = tip.value();
        report.release = m_base;
        report.milliseconds = timer.elapsed();
        return report;
    }
    const site::SiteFile stampFile{kSiteStamp, stampOf(m_options.site, m_assetsDigest, m_builder->files()), QString()};
    if (const QString error = release.write(stampFile); !error.isEmpty())
        return Issue{kSiteStamp, error};
    auto committed = release.commit(m_base, m_builder->files(), delta.removed, m_options.assetsDir);
    if (!committed) {
        m_builder.reset();
        if (!fresh) // the release it builds on may have been pruned, removed or made by an older Carta
            return publish(true);
        return committed.issues();
    }
    m_base = committed->id;
    m_builtTip = tip.value();
    report.release = m_base;
    report.milliseconds = timer.elapsed();
    // Old releases go once the new one is current, and only when no other change to live
    // waits (then the next publish removes them): neither a reader nor the next publish
    // waits for them.
    const bool morePending = [this] {
        std::lock_guard lock(m_mutex);
        return m_pending;
    }();
    if (!morePending) {
        if (auto pruned = m_releases.prune(m_options.keepReleases); !pruned)
            report.warnings.append(u"cannot remove old releases: "_s + pruned.errorString());
    }
    return report;
}

void Publisher::start(std::function<void(const QString &, const QString &)> log)
{
    m_pending = true;
    m_thread = std::thread([this, log = std::move(log)] {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [this] { return m_pending || m_stopping; });
            if (m_stopping)
                break;
            m_pending = false;
            lock.unlock();
            auto r = publish(false);
            if (m_cancel)
                break; // stopped half way: nothing was switched
            if (Metrics *metrics = m_options.metrics) {
                if (!r) {
                    metrics->add(u"carta_site_publishes_total{result=\"failed\"}"_s);
                } else if (!r->release.isEmpty() && !r->primed && (r->written > 0 || r->removed > 0)) {
                    metrics->add(u"carta_site_publishes_total{result=\"%1\"}"_s.arg(r->full ? u"built"_s : u"updated"_s));
                    metrics->add(u"carta_site_pages_rendered_total"_s, r->pages);
                    metrics->add(u"carta_site_files_written_total"_s, r->written);
                    metrics->add(u"carta_site_publish_milliseconds_total"_s, r->milliseconds);
                }
            }
            if (!r) {
                log(u"error"_s, u"the publisher: %1 (tried again when live next changes)"_s.arg(r.errorString()));
            } else if (r->primed) {
                log(u"info"_s, u"site up to date: release %1 shows live %2 (%3 items, %4 ms)"_s.arg(r->release, r->liveCommit.left(12))
                                   .arg(r->items)
                                   .arg(r->milliseconds));
            } else if (!r->release.isEmpty() && (r->written > 0 || r->removed > 0)) {
                log(u"info"_s, u"site %1: release %2 (%3 of %4 items changed, %5 files written, %6 removed, %7 ms)"_s
                                   .arg(r->full ? u"built"_s : u"updated"_s, r->release)
                                   .arg(r->changes)
                                   .arg(r->items)
                                   .arg(r->written)
                                   .arg(r->removed)
                                   .arg(r->milliseconds));
                for (const QString &warning : std::as_const(r->warnings))
                    log(u"warning"_s, u"the publisher: "_s + warning);
            }
            lock.lock();
        }
    });
}

void Publisher::notify()
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void Publisher::stop()
{
    m_cancel = true; // a build under way gives up at its next file (its release is dropped)
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace carta::syncserver
