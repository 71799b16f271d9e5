#include "release.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTimeZone>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace carta::site {

using model::Done;
using model::Issue;
using model::Issues;
using model::Result;

namespace {

const QString kBuildingPrefix = u".building-"_s;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// An exclusive lock on <site>/.lock for as long as it lives.
class SiteLock
{
public:
    explicit SiteLock(const QString &dir)
    {
        m_fd = ::open(QFile::encodeName(dir + u"/.lock"_s).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0) {
            m_error = u"cannot open %1/.lock: %2"_s.arg(dir, errnoText());
            return;
        }
        while (::flock(m_fd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                m_error = u"cannot lock %1/.lock: %2"_s.arg(dir, errnoText());
                return;
            }
        }
    }
    ~SiteLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SiteLock(const SiteLock &) = delete;
    SiteLock &operator=(const SiteLock &) = delete;
    [[nodiscard]] const QString &error() const { return m_error; }

private:
    int m_fd = -1;
    QString m_error;
};

bool safeRelativePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/'))
        return false;
    for (const QStringView part : QStringView(path).split(u'/')) {
        if (part.isEmpty() || part == u"." || part == u"..")
            return false;
    }
    return true;
}

bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Hard-links a file, copying it when the two folders are on different file systems.
bool linkOrCopy(const QByteArray &from, const QByteArray &to)
{
    if (::link(from.constData(), to.constData()) == 0)
        return true;
    if (errno != EXDEV && errno != EPERM && errno != EMLINK)
        return false;
    return QFile::copy(QFile::decodeName(from), QFile::decodeName(to));
}

class Builder
{
public:
    explicit Builder(QString root) : m_root(std::move(root)) {}

    // Makes the folders of a file's path; false (errno set) on failure.
    bool makeParents(const QString &relative)
    {
        qsizetype slash = relative.indexOf(u'/');
        while (slash >= 0) {
            const QString dir = relative.left(slash);
            if (!m_dirs.contains(dir)) {
                if (::mkdir(QFile::encodeName(m_root + u'/' + dir).constData(), 0755) != 0 && errno != EEXIST)
                    return false;
                m_dirs.insert(dir);
            }
            slash = relative.indexOf(u'/', slash + 1);
        }
        return true;
    }

    Result<Done> write(const QString &relative, const QByteArray &bytes)
    {
        if (!makeParents(relative))
            return Issue{relative, u"cannot make its folder: "_s + errnoText()};
        const QByteArray target = QFile::encodeName(m_root + u'/' + relative);
        const int fd = ::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0)
            return Issue{relative, u"cannot create: "_s + errnoText()};
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                const QString error = errnoText();
                ::close(fd);
                return Issue{relative, u"cannot write: "_s + error};
            }
            done += n;
        }
        if (::close(fd) != 0)
            return Issue{relative, u"cannot write: "_s + errnoText()};
        return Done{};
    }

    Result<Done> link(const QString &from, const QString &relative)
    {
        if (!makeParents(relative))
            return Issue{relative, u"cannot make its folder: "_s + errnoText()};
        if (!linkOrCopy(QFile::encodeName(from), QFile::encodeName(m_root + u'/' + relative)))
            return Issue{relative, u"cannot link from %1: %2"_s.arg(from, errnoText())};
        return Done{};
    }

    // Links every file under a folder into the release under `prefix`.
    Result<Done> linkTree(const QString &from, const QString &prefix)
    {
        QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = prefix + u'/' + QDir(from).relativeFilePath(file);
            if (auto r = link(file, relative); !r)
                return r.issues();
        }
        return Done{};
    }

private:
    QString m_root;
    QSet<QString> m_dirs;
};

} // namespace

std::optional<ReleaseInfo> parseReleaseId(const QString &id)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(uR"((\d{6,})-(\d{8})T(\d{6})Z-([0-9a-f]{0,40}))"_s));
    const QRegularExpressionMatch m = pattern.match(id);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(m.captured(2), u"yyyyMMdd"_s);
    const QTime time = QTime::fromString(m.captured(3), u"HHmmss"_s);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    ReleaseInfo info;
    info.id = id;
    info.number = m.captured(1).toLongLong();
    info.created = QDateTime(date, time, QTimeZone::utc());
    info.liveCommit = m.captured(4);
    return info;
}

Result<ReleaseStore> ReleaseStore::open(const QString &siteDir)
{
    const QString dir = QDir(siteDir).absolutePath();
    if (!QDir().mkpath(dir + u"/releases"_s))
        return Issue{dir, u"cannot create the site folder"_s};
    SiteLock lock(dir);
    if (!lock.error().isEmpty())
        return Issue{dir, lock.error()};
    const QStringList leftovers = QDir(dir + u"/releases"_s).entryList({kBuildingPrefix + u'*'}, QDir::Dirs | QDir::Hidden);
    for (const QString &name : leftovers)
        QDir(dir + u"/releases/"_s + name).removeRecursively();
    return ReleaseStore(dir);
}

Result<QList<ReleaseInfo>> ReleaseStore::releases() const
{
    return releasesUnlocked();
}

Result<QList<ReleaseInfo>> ReleaseStore::releasesUnlocked() const
{
    const QString current = currentId();
    QList<ReleaseInfo> out;
    for (const QString &name : QDir(m_dir + u"/releases"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        std::optional<ReleaseInfo> info = parseReleaseId(name);
        if (!info)
            continue;
        info->current = name == current;
        out.append(*info);
    }
    std::sort(out.begin(), out.end(), [](const ReleaseInfo &a, const ReleaseInfo &b) { return a.number < b.number; });
    return out;
}

QString ReleaseStore::currentId() const
{
    const QString target = QFile::symLinkTarget(m_dir + u"/current"_s);
    if (target.isEmpty())
        return QString();
    return QFileInfo(target).fileName();
}

Result<Done> ReleaseStore::switchTo(const QString &id)
{
    const QString temp = m_dir + u"/.current-"_s + id;
    ::unlink(QFile::encodeName(temp).constData());
    // Relative, so the site folder can be moved or mounted elsewhere.
    if (::symlink(QFile::encodeName(u"releases/"_s + id).constData(), QFile::encodeName(temp).constData()) != 0)
        return Issue{temp, u"cannot make the link: "_s + errnoText()};
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(m_dir + u"/current"_s).constData()) != 0) {
        const QString error = errnoText();
        ::unlink(QFile::encodeName(temp).constData());
        return Issue{m_dir + u"/current"_s, u"cannot switch: "_s + error};
    }
    if (!syncPath(m_dir))
        return Issue{m_dir, u"cannot sync: "_s + errnoText()};
    return Done{};
}

Result<int> ReleaseStore::prune(int keep)
{
    auto all = releases();
    if (!all)
        return all.issues();
    int removed = 0;
    const qsizetype surplus = all->size() - std::max(1, keep);
    for (qsizetype i = 0; i < surplus; ++i) {
        const ReleaseInfo &r = all->at(i);
        if (r.current)
            continue;
        if (!QDir(m_dir + u"/releases/"_s + r.id).removeRecursively())
            return Issue{m_dir + u"/releases/"_s + r.id, u"cannot remove an old release"_s};
        ++removed;
    }
    return removed;
}

struct PendingRelease::State
{
    ReleaseStore store;
    std::unique_ptr<SiteLock> lock;
    QString id;
    QString building;
    Builder out;
    ReleaseStore::AttachmentPath attachmentPath;
    QSet<QString> written;
    bool done = false;
};

PendingRelease::PendingRelease(std::unique_ptr<State> state) : m_state(std::move(state)) {}
PendingRelease::PendingRelease(PendingRelease &&) noexcept = default;

PendingRelease::~PendingRelease()
{
    if (m_state && !m_state->done)
        QDir(m_state->building).removeRecursively();
}

QString PendingRelease::id() const
{
    return m_state->id;
}

QString PendingRelease::write(const SiteFile &file)
{
    if (!safeRelativePath(file.path))
        return u"is not a safe path inside the site"_s;
    Result<Done> r = file.attachment.isEmpty() ? m_state->out.write(file.path, file.bytes)
                                               : m_state->out.link(m_state->attachmentPath(file.attachment), file.path);
    if (!r)
        return r.errorString();
    m_state->written.insert(file.path);
    return QString();
}

Result<ReleaseInfo> PendingRelease::commit(const QString &base, const QHash<QString, QByteArray> &files,
                                           const QString &assetsDir, int keep)
{
    State &s = *m_state;
    Q_ASSERT(!s.done);
    // On any failure before the release is in place: remove it and let go of the lock at
    // once (the caller may start another release before this one is dropped).
    auto cleanup = qScopeGuard([&s] {
        if (!s.done) {
            QDir(s.building).removeRecursively();
            s.lock.reset();
            s.done = true;
        }
    });
    const QString siteDir = s.store.path();
    const QString baseDir = base.isEmpty() ? QString() : siteDir + u"/releases/"_s + base;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (s.written.contains(it.key()))
            continue;
        if (baseDir.isEmpty())
            return Issue{it.key(), u"is unchanged but there is no release to take it from"_s};
        if (auto r = s.out.link(baseDir + u'/' + it.key(), it.key()); !r)
            return r.issues();
    }
    if (!assetsDir.isEmpty()) {
        if (!QFileInfo(assetsDir).isDir())
            return Issue{assetsDir, u"the site's assets folder is missing (build the carta_site_assets target)"_s};
        if (auto r = s.out.linkTree(assetsDir, u"assets"_s); !r)
            return r.issues();
    }
    // What was written is on disk before the release can become current. A few files
    // (a publish of one change) are synced one by one; a whole build with syncfs(2), which
    // would otherwise also wait for everything else being written to the file system.
    // Hard links add no data; should a power cut lose some of their entries, the
    // publisher's start-up check finds the files missing and builds again.
    constexpr qsizetype kSyncOneByOne = 256;
    if (s.written.size() <= kSyncOneByOne) {
        for (const QString &path : std::as_const(s.written)) {
            if (!syncPath(s.building + u'/' + path))
                return Issue{path, u"cannot sync: "_s + errnoText()};
        }
    } else {
        const int fd = ::open(QFile::encodeName(s.building).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::syncfs(fd) != 0) {
            const QString error = errnoText();
            if (fd >= 0)
                ::close(fd);
            return Issue{s.building, u"cannot sync: "_s + error};
        }
        ::close(fd);
    }
    const QString final = siteDir + u"/releases/"_s + s.id;
    if (::rename(QFile::encodeName(s.building).constData(), QFile::encodeName(final).constData()) != 0)
        return Issue{final, u"cannot rename the new release into place: "_s + errnoText()};
    s.done = true;
    syncPath(siteDir + u"/releases"_s);
    if (auto r = s.store.switchTo(s.id); !r)
        return r.issues();
    if (auto r = s.store.prune(keep); !r)
        return r.issues();
    ReleaseInfo info = *parseReleaseId(s.id);
    info.current = true;
    return info;
}

Result<PendingRelease> ReleaseStore::begin(const QString &liveCommit, const QDateTime &now, AttachmentPath attachmentPath)
{
    auto lock = std::make_unique<SiteLock>(m_dir);
    if (!lock->error().isEmpty())
        return Issue{m_dir, lock->error()};
    auto existing = releasesUnlocked();
    if (!existing)
        return existing.issues();
    const qint64 number = existing->isEmpty() ? 1 : existing->last().number + 1;
    const QString id = u"%1-%2-%3"_s.arg(number, 6, 10, QLatin1Char('0'))
                           .arg(now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s), liveCommit.left(12));
    const QString building = m_dir + u"/releases/"_s + kBuildingPrefix + id;
    QDir(building).removeRecursively();
    if (!QDir().mkpath(building))
        return Issue{building, u"cannot create the release folder"_s};
    auto state = std::unique_ptr<PendingRelease::State>(
        new PendingRelease::State{*this, std::move(lock), id, building, Builder(building), std::move(attachmentPath), {}, false});
    return PendingRelease(std::move(state));
}

Result<ReleaseInfo> ReleaseStore::publish(const QString &base, const QHash<QString, QByteArray> &files,
                                          const SiteDelta &delta, const QString &assetsDir,
                                          const AttachmentPath &attachmentPath, const QString &liveCommit, int keep,
                                          const QDateTime &now)
{
    auto pending = begin(liveCommit, now, attachmentPath);
    if (!pending)
        return pending.issues();
    PendingRelease release = std::move(pending).value();
    for (const SiteFile &file : delta.written) {
        if (const QString error = release.write(file); !error.isEmpty())
            return Issue{file.path, error};
    }
    return release.commit(base, files, assetsDir, keep);
}

Result<ReleaseInfo> ReleaseStore::rollback(const QString &id)
{
    SiteLock lock(m_dir);
    if (!lock.error().isEmpty())
        return Issue{m_dir, lock.error()};
    auto all = releases();
    if (!all)
        return all.issues();
    std::optional<ReleaseInfo> target;
    if (!id.isEmpty()) {
        for (const ReleaseInfo &r : *all) {
            if (r.id == id || r.id.startsWith(id + u'-'))
                target = r;
        }
        if (!target)
            return Issue{id, u"there is no such release (see `carta-syncd site list`)"_s};
    } else {
        const QString current = currentId();
        for (const ReleaseInfo &r : *all) {
            if (r.id == current)
                break;
            target = r;
        }
        if (!target)
            return Issue{QString(), u"there is no release older than the current one to roll back to"_s};
    }
    if (auto r = switchTo(target->id); !r)
        return r.issues();
    target->current = true;
    return *target;
}

} // namespace carta::site
