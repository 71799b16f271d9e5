#include "release.h"

#include "parallel_p.h"

#include "model/filesync.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTimeZone>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace carta::site {

using model::Done;
using model::Issue;
using model::Issues;
using model::Result;

namespace {

const QString kBuildingPrefix = u".building-"_s;
const QString kPruningPrefix = u".pruning-"_s;

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

// Hard-links a file, copying it when the two folders are on different file systems.
bool linkOrCopy(const QByteArray &from, const QByteArray &to)
{
    if (::link(from.constData(), to.constData()) == 0)
        return true;
    if (errno != EXDEV && errno != EPERM && errno != EMLINK)
        return false;
    return QFile::copy(QFile::decodeName(from), QFile::decodeName(to));
}

// Puts the link to an unchanged subfolder into a new folder object: a hard link to the base
// folder's own symbolic link (same text, as both sit in objects/ or both in a release root),
// which adds a name but no inode. Making thousands of new inodes is what rewriting a large
// folder costs on ext4; a new symbolic link is the fallback (too many links, or a file
// system that cannot hard-link symbolic links).
bool shareFolderLink(const QByteArray &baseLink, const QByteArray &to, const QByteArray &text)
{
    if (::linkat(AT_FDCWD, baseLink.constData(), AT_FDCWD, to.constData(), 0) == 0)
        return true;
    if (errno == EEXIST)
        return false;
    return ::symlink(text.constData(), to.constData()) == 0;
}

// Creates a file with these bytes (it must not exist); an error message, or empty.
QString writeNewFile(const QByteArray &target, const QByteArray &bytes, bool sync)
{
    const int fd = ::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return u"cannot create: "_s + errnoText();
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString error = errnoText();
            ::close(fd);
            return u"cannot write: "_s + error;
        }
        done += n;
    }
    if (sync && ::fsync(fd) != 0) {
        const QString error = errnoText();
        ::close(fd);
        return u"cannot sync: "_s + error;
    }
    if (::close(fd) != 0)
        return u"cannot write: "_s + errnoText();
    return QString();
}

// fsync(2)s every file, several at a time; the index of one that failed (errno set), or -1.
qsizetype syncAll(const QByteArrayList &paths)
{
    std::atomic<qsizetype> failed = -1;
    std::atomic<int> failedErrno = 0;
    detail::forEachIndex(paths.size(), 16, [&](qsizetype i, qsizetype) {
        if (failed.load() >= 0)
            return;
        const int fd = ::open(paths.at(i).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            failedErrno = errno;
            failed = i;
        }
        if (fd >= 0)
            ::close(fd);
    });
    if (failed.load() >= 0)
        errno = failedErrno.load();
    return failed.load();
}

struct DirEntry
{
    QByteArray name;
    bool link = false; // a symbolic link (a subfolder); otherwise a file
};

// The entries of a folder but "." and ".."; false (errno set) when it cannot be read.
bool listDir(const QByteArray &dir, QList<DirEntry> &out)
{
    DIR *d = ::opendir(dir.constData());
    if (!d)
        return false;
    while (const dirent *e = ::readdir(d)) {
        const char *name = e->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
            continue;
        bool link = e->d_type == DT_LNK;
        if (e->d_type == DT_UNKNOWN) {
            struct stat st = {};
            link = ::fstatat(::dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
        }
        out.append(DirEntry{QByteArray(name), link});
    }
    ::closedir(d);
    return true;
}

// Removes a folder object: its files and links (it has no real subfolders), then itself.
void removeObject(const QByteArray &dir)
{
    QList<DirEntry> entries;
    if (listDir(dir, entries)) {
        for (const DirEntry &e : std::as_const(entries))
            ::unlink(QByteArray(dir + '/' + e.name).constData());
    }
    ::rmdir(dir.constData());
}

// Removes folder objects, several at a time (as syncAll, the file system's journal takes
// them together).
void removeObjects(const QByteArrayList &paths)
{
    detail::forEachIndex(paths.size(), 8, [&paths](qsizetype i, qsizetype) { removeObject(paths.at(i)); });
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString nameOf(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

// Whether a path counts among the site's files (not the assets, nor the release's own
// dot files at its root).
bool isSiteFile(const QString &path)
{
    return !path.startsWith(u'.') && !path.startsWith(u"assets/"_s);
}

// Appends text as UTF-8 without a temporary for the usual all-ASCII text: a release's
// folder list is ~115,000 lines at ×10, written at every publish.
void appendUtf8(QByteArray &out, const QString &text)
{
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *d = out.data() + at;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            out.resize(at);
            out += text.toUtf8();
            return;
        }
        *d++ = char(c.unicode());
    }
}

const QString kDirsFile = u".carta-dirs"_s;
// A release's folders list: every folder ("carta-dirs 1"), or only what differs from the
// release it was built on ("carta-dirs 2", a "base <id>" line, then "<object> <path>" for a
// folder made or changed and "- <path>" for one gone; the chain of lists down to a whole
// one is at most kMaxChain long). A policy change at ×10 writes ~2,000 lines instead of
// the whole site's ~115,000; prune() makes a list whole again before the release it builds
// on goes.
const QByteArray kDirsHeader = "carta-dirs 1\n";
const QByteArray kDirsDeltaHeader = "carta-dirs 2\n";
constexpr int kMaxChain = 16;

QByteArray wholeListing(const QHash<QString, QString> &dirs, qsizetype files)
{
    QByteArray listing = kDirsHeader + "files " + QByteArray::number(files) + '\n';
    listing.reserve(listing.size() + dirs.size() * 64);
    for (auto it = dirs.cbegin(); it != dirs.cend(); ++it) {
        appendUtf8(listing, it.value());
        listing += ' ';
        appendUtf8(listing, it.key());
        listing += '\n';
    }
    return listing;
}

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

struct ReleaseStore::Tree
{
    QString id;
    QHash<QString, QString> dirs; // folder path -> object name (the root is the release folder)
    qsizetype files = 0;          // isSiteFile() files
    QStringList chain;            // the releases its .carta-dirs builds on, nearest first
};

ReleaseStore::ReleaseStore(QString dir)
    : m_dir(std::move(dir)), m_last(std::make_shared<std::shared_ptr<const Tree>>())
{
}

Result<ReleaseStore> ReleaseStore::open(const QString &siteDir)
{
    const QString dir = QDir(siteDir).absolutePath();
    if (!QDir().mkpath(dir + u"/releases"_s) || !QDir().mkpath(dir + u"/objects"_s))
        return Issue{dir, u"cannot create the site folder"_s};
    SiteLock lock(dir);
    if (!lock.error().isEmpty())
        return Issue{dir, lock.error()};
    // A crash while a release was built or pruned leaves its root folder, and objects that
    // no release may use.
    const QStringList leftovers = QDir(dir + u"/releases"_s)
                                      .entryList({kBuildingPrefix + u'*', kPruningPrefix + u'*'}, QDir::Dirs | QDir::Hidden);
    for (const QString &name : leftovers)
        QDir(dir + u"/releases/"_s + name).removeRecursively();
    ReleaseStore store(dir);
    if (!leftovers.isEmpty())
        store.sweepObjects();
    return store;
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

Result<std::shared_ptr<const ReleaseStore::Tree>> ReleaseStore::treeOf(const QString &id,
                                                                     std::shared_ptr<const Tree> *previous,
                                                                     int maxChain) const
{
    if (*m_last && (*m_last)->id == id)
        return *m_last;
    if (previous && *previous && (*previous)->id == id)
        return *previous;
    if (maxChain < 0)
        maxChain = kMaxChain;
    const QString path = m_dir + u"/releases/"_s + id + u'/' + kDirsFile;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Issue{path, u"cannot read the release's folders (%1): a release made by an older Carta; "
                           "`carta-syncd site rebuild` makes a whole new one"_s.arg(file.errorString())};
    const QByteArray bytes = file.readAll();
    auto tree = std::make_shared<Tree>();
    tree->id = id;
    const auto bad = [&path](qsizetype line) { return Issue{path, u"line %1: not a folder of the release"_s.arg(line)}; };
    bool delta = false;
    qsizetype line = 0;
    qsizetype at = 0;
    while (at < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', at);
        if (end < 0)
            return bad(line + 1); // cut short
        const QByteArrayView text(bytes.constData() + at, end - at);
        ++line;
        at = end + 1;
        if (line == 1) {
            delta = text == QByteArrayView(kDirsDeltaHeader).chopped(1);
            if (!delta && text != QByteArrayView(kDirsHeader).chopped(1))
                return bad(line);
            continue;
        }
        if (line == 2) {
            bool ok = false;
            if (!text.startsWith("files "))
                return bad(line);
            tree->files = text.sliced(6).toByteArray().toLongLong(&ok);
            if (!ok)
                return bad(line);
            continue;
        }
        if (line == 3 && delta) {
            // "base <id>". No chain is longer than kMaxChain, so a list that names itself,
            // or a loop, is refused rather than followed for ever.
            const QString baseId = text.startsWith("base ") ? QString::fromLatin1(text.sliced(5)) : QString();
            if (!parseReleaseId(baseId))
                return bad(line);
            if (maxChain == 0)
                return Issue{path, u"line %1: builds on more than %2 other lists (a loop?)"_s.arg(line).arg(kMaxChain)};
            if (!QFileInfo(m_dir + u"/releases/"_s + baseId).isDir())
                return Issue{path, u"builds on release %1, which is gone"_s.arg(baseId)};
            auto base = treeOf(baseId, previous, maxChain - 1);
            if (!base)
                return base.issues();
            std::shared_ptr<const Tree> baseTree = std::move(base).value();
            tree->chain = baseTree->chain;
            tree->chain.prepend(baseId);
            if (previous && *previous == baseTree)
                previous->reset();
            if (baseTree.use_count() == 1) // nobody else holds it: take its folders over
                tree->dirs = std::move(std::const_pointer_cast<Tree>(baseTree)->dirs);
            else
                tree->dirs = baseTree->dirs;
            continue;
        }
        if (line == 3)
            tree->dirs.reserve(bytes.size() / 64);
        const qsizetype space = text.indexOf(' ');
        if (space <= 0 || space == text.size() - 1)
            return bad(line);
        if (delta && text.first(space) == "-")
            tree->dirs.remove(QString::fromUtf8(text.sliced(space + 1)));
        else
            tree->dirs.insert(QString::fromUtf8(text.sliced(space + 1)), QString::fromLatin1(text.first(space)));
    }
    if (line < (delta ? 3 : 2))
        return bad(line + 1);
    return std::shared_ptr<const Tree>(std::move(tree));
}

void ReleaseStore::sweepObjects() const
{
    auto all = releasesUnlocked();
    if (!all)
        return;
    QSet<QString> used;
    std::shared_ptr<const Tree> previous; // oldest first: a list builds on an older one
    for (const ReleaseInfo &r : std::as_const(*all)) {
        const QString dirsFile = m_dir + u"/releases/"_s + r.id + u'/' + kDirsFile;
        if (!QFileInfo::exists(dirsFile))
            continue; // made by an older Carta: it uses no objects
        auto tree = treeOf(r.id, &previous);
        if (!tree)
            return; // cannot tell what it uses: remove nothing
        previous = *tree;
        for (const QString &object : std::as_const(previous->dirs))
            used.insert(object);
    }
    const QByteArray objects = QFile::encodeName(m_dir + u"/objects"_s);
    QList<DirEntry> entries;
    if (!listDir(objects, entries))
        return;
    for (const DirEntry &e : std::as_const(entries)) {
        if (!used.contains(QString::fromLatin1(e.name)))
            removeObject(objects + '/' + e.name);
    }
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
    SiteLock lock(m_dir);
    if (!lock.error().isEmpty())
        return Issue{m_dir, lock.error()};
    auto all = releasesUnlocked();
    if (!all)
        return all.issues();
    QList<ReleaseInfo> going;
    QList<ReleaseInfo> staying;
    const qsizetype surplus = all->size() - std::max(1, keep);
    for (qsizetype i = 0; i < all->size(); ++i) {
        const ReleaseInfo &r = all->at(i);
        (i < surplus && !r.current ? going : staying).append(r);
    }
    if (going.isEmpty())
        return 0;
    // The objects the going releases use that no staying release uses. A release whose
    // folders cannot be read keeps every object (a release made by an older Carta has none).
    // Oldest first, as a release's list builds on an older one's.
    QSet<QString> goingIds;
    for (const ReleaseInfo &r : std::as_const(going))
        goingIds.insert(r.id);
    QSet<QString> unused;
    QSet<QString> kept;
    bool knowAll = true;
    QList<std::shared_ptr<const Tree>> toMakeWhole; // staying releases whose list builds on a going one
    std::shared_ptr<const Tree> previous;
    for (const ReleaseInfo &r : std::as_const(*all)) {
        if (!QFileInfo::exists(m_dir + u"/releases/"_s + r.id + u'/' + kDirsFile))
            continue;
        auto tree = treeOf(r.id, &previous);
        if (!tree) {
            knowAll = false;
            continue;
        }
        previous = *tree;
        const bool goes = goingIds.contains(r.id);
        QSet<QString> &into = goes ? unused : kept;
        for (const QString &object : std::as_const(previous->dirs))
            into.insert(object);
        if (!goes && std::any_of(previous->chain.cbegin(), previous->chain.cend(),
                                 [&goingIds](const QString &id) { return goingIds.contains(id); }))
            toMakeWhole.append(previous);
    }
    previous.reset();
    unused.subtract(kept);
    kept.clear();
    // A staying release's list that builds on a going one is written whole first: replaced
    // by rename, so a crash leaves the one or the other. Oldest first: a list whose chain
    // reaches one made whole here before any going release needs nothing.
    QSet<QString> madeWhole;
    for (const std::shared_ptr<const Tree> &tree : std::as_const(toMakeWhole)) {
        const auto reaches = std::find_if(tree->chain.cbegin(), tree->chain.cend(), [&](const QString &id) {
            return madeWhole.contains(id) || goingIds.contains(id);
        });
        if (reaches == tree->chain.cend() || madeWhole.contains(*reaches))
            continue;
        const QString root = m_dir + u"/releases/"_s + tree->id;
        const QByteArray temp = QFile::encodeName(root + u'/' + kDirsFile + u".new"_s);
        ::unlink(temp.constData());
        if (const QString error = writeNewFile(temp, wholeListing(tree->dirs, tree->files), true); !error.isEmpty()) {
            ::unlink(temp.constData());
            return Issue{root + u'/' + kDirsFile, error};
        }
        if (::rename(temp.constData(), QFile::encodeName(root + u'/' + kDirsFile).constData()) != 0) {
            const QString error = errnoText();
            ::unlink(temp.constData());
            return Issue{root + u'/' + kDirsFile, u"cannot replace: "_s + error};
        }
        if (!syncPath(root))
            return Issue{root, u"cannot sync: "_s + errnoText()};
        madeWhole.insert(tree->id);
    }
    toMakeWhole.clear();
    // The last release this store made knows its chain: it now ends at the first list made whole.
    if (*m_last) {
        const QStringList &chain = (*m_last)->chain;
        const auto cut = std::find_if(chain.cbegin(), chain.cend(), [&](const QString &id) { return madeWhole.contains(id); });
        if (cut != chain.cend() || madeWhole.contains((*m_last)->id)) {
            auto shorter = std::make_shared<Tree>(**m_last);
            shorter->chain = madeWhole.contains(shorter->id) ? QStringList() : chain.first(cut - chain.cbegin() + 1);
            *m_last = std::move(shorter);
        }
    }
    // Out of the list first (a crash half way leaves a .pruning- folder that open() finishes).
    const QString releasesDir = m_dir + u"/releases/"_s;
    for (const ReleaseInfo &r : std::as_const(going)) {
        if (::rename(QFile::encodeName(releasesDir + r.id).constData(),
                     QFile::encodeName(releasesDir + kPruningPrefix + r.id).constData())
            != 0)
            return Issue{releasesDir + r.id, u"cannot remove an old release: "_s + errnoText()};
    }
    if (knowAll) {
        const QByteArray objects = QFile::encodeName(m_dir + u"/objects/"_s);
        QByteArrayList paths;
        paths.reserve(unused.size());
        for (const QString &object : std::as_const(unused))
            paths.append(objects + object.toLatin1());
        removeObjects(paths);
    }
    for (const ReleaseInfo &r : std::as_const(going)) {
        if (!QDir(releasesDir + kPruningPrefix + r.id).removeRecursively())
            return Issue{releasesDir + r.id, u"cannot remove an old release"_s};
    }
    return int(going.size());
}

struct PendingRelease::State
{
    ReleaseStore store;
    std::unique_ptr<SiteLock> lock;
    QString id;
    QString building;                // the release's root folder while it is made
    QString objects;                 // <site>/objects
    ReleaseStore::AttachmentPath attachmentPath;
    QSet<QString> written;           // paths of files written
    QHash<QString, QString> newDirs; // folder path -> the object this release made for it
    int nextObject = 0;
    bool done = false;

    // The folder a file of `dir` goes in: the root, or this release's object for it.
    QString folder(const QString &dir)
    {
        if (dir.isEmpty())
            return building;
        auto it = newDirs.find(dir);
        if (it == newDirs.end()) {
            QString name;
            while (true) { // skips a name a dropped release of the same number left behind
                name = u"%1.%2"_s.arg(QStringView(id).left(id.indexOf(u'-')), QString::number(nextObject++, 16));
                if (::mkdir(QFile::encodeName(objects + u'/' + name).constData(), 0755) == 0)
                    break;
                if (errno != EEXIST)
                    return QString();
            }
            it = newDirs.insert(dir, name);
        }
        return objects + u'/' + it.value();
    }

    // Removes everything this release made and lets go of the lock.
    void discard()
    {
        if (done)
            return;
        const QByteArray objectsDir = QFile::encodeName(objects) + '/';
        for (const QString &object : std::as_const(newDirs))
            removeObject(objectsDir + object.toLatin1());
        newDirs.clear();
        QDir(building).removeRecursively();
        lock.reset();
        done = true;
    }
};

PendingRelease::PendingRelease(std::unique_ptr<State> state) : m_state(std::move(state)) {}
PendingRelease::PendingRelease(PendingRelease &&) noexcept = default;

PendingRelease::~PendingRelease()
{
    if (m_state)
        m_state->discard();
}

QString PendingRelease::id() const
{
    return m_state->id;
}

QString PendingRelease::write(const SiteFile &file)
{
    if (!safeRelativePath(file.path))
        return u"is not a safe path inside the site"_s;
    State &s = *m_state;
    const QString folder = s.folder(parentOf(file.path));
    if (folder.isEmpty())
        return u"cannot make its folder: "_s + errnoText();
    const QByteArray target = QFile::encodeName(folder + u'/' + nameOf(file.path));
    if (file.attachment.isEmpty()) {
        if (const QString error = writeNewFile(target, file.bytes, false); !error.isEmpty())
            return error;
    } else {
        const QString from = s.attachmentPath(file.attachment);
        if (!linkOrCopy(QFile::encodeName(from), target))
            return u"cannot link from %1: %2"_s.arg(from, errnoText());
    }
    s.written.insert(file.path);
    return QString();
}

Result<ReleaseInfo> PendingRelease::commit(const QString &base, const QHash<QString, QByteArray> &files,
                                           const QStringList &removed, const QString &assetsDir)
{
    State &s = *m_state;
    Q_ASSERT(!s.done);
    // On any failure before the release is in place: remove it and let go of the lock at
    // once (the caller may start another release before this one is dropped).
    auto cleanup = qScopeGuard([&s] { s.discard(); });
    const QString siteDir = s.store.path();
    const QString baseRoot = base.isEmpty() ? QString() : siteDir + u"/releases/"_s + base;
    std::shared_ptr<const ReleaseStore::Tree> baseTree;
    if (!base.isEmpty() && QFileInfo(baseRoot).isDir()) {
        auto tree = s.store.treeOf(base);
        if (!tree)
            return tree.issues();
        baseTree = std::move(tree).value();
    }
    const auto inBase = [&](const QString &path) {
        struct stat st = {};
        return baseTree && ::lstat(QFile::encodeName(baseRoot + u'/' + path).constData(), &st) == 0 && S_ISREG(st.st_mode);
    };

    // A whole new release links the site's static assets; one on a base keeps the base's.
    if (!baseTree && !assetsDir.isEmpty()) {
        if (!QFileInfo(assetsDir).isDir())
            return Issue{assetsDir, u"the site's assets folder is missing (build the carta_site_assets target)"_s};
        QDirIterator it(assetsDir, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString relative = u"assets/"_s + QDir(assetsDir).relativeFilePath(from);
            const QString folder = s.folder(parentOf(relative));
            if (folder.isEmpty() || !linkOrCopy(QFile::encodeName(from), QFile::encodeName(folder + u'/' + nameOf(relative))))
                return Issue{relative, u"cannot link from %1: %2"_s.arg(from, errnoText())};
            s.written.insert(relative);
        }
    }

    // The release must hold exactly the site's files: count them, and when the count is not
    // the site's, name what is missing.
    qsizetype count = baseTree ? baseTree->files : 0;
    for (const QString &path : std::as_const(s.written)) {
        if (isSiteFile(path) && !inBase(path))
            ++count;
    }
    const QSet<QString> gone(removed.cbegin(), removed.cend());
    for (const QString &path : gone) {
        if (s.written.contains(path))
            return Issue{path, u"is both written and removed"_s};
        if (isSiteFile(path) && inBase(path))
            --count;
    }
    if (count != files.size()) {
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (s.written.contains(it.key()) || inBase(it.key()))
                continue;
            if (base.isEmpty())
                return Issue{it.key(), u"is unchanged but there is no release to take it from"_s};
            if (!baseTree)
                return Issue{it.key(), u"is unchanged but the release %1 it builds on does not exist"_s.arg(base)};
            return Issue{it.key(), u"is unchanged but the release %1 it builds on lacks it"_s.arg(base)};
        }
        return Issue{s.building, u"the release would hold %1 files where the site has %2"_s.arg(count).arg(files.size())};
    }

    // What was written is on disk before the release can become current. The files of a
    // change are synced by a few threads at once, so the file system commits them together
    // (one fsync after another would wait for a journal commit each), beside the folder
    // objects made below (a wait on the disk beside work for the CPU); a whole build with
    // syncfs(2) once its folders are made, as syncing one by one would take longer and that
    // otherwise also waits for everything else being written to the file system. Links add
    // no data; should a power cut lose some of them, the publisher's start-up check finds
    // files missing and builds again.
    constexpr qsizetype kSyncOneByOne = 2048;
    const bool syncOneByOne = s.written.size() <= kSyncOneByOne;
    QByteArrayList syncPaths;
    if (syncOneByOne) {
        syncPaths.reserve(s.written.size());
        for (const QString &path : std::as_const(s.written))
            syncPaths.append(QFile::encodeName(s.folder(parentOf(path)) + u'/' + nameOf(path)));
    }
    qsizetype syncFailed = -1;
    int syncErrno = 0;
    std::thread syncThread([&syncPaths, &syncFailed, &syncErrno] {
        syncFailed = syncAll(syncPaths);
        syncErrno = errno;
    });
    auto joinSync = qScopeGuard([&syncThread] { syncThread.join(); });

    // The folders this release changes: those of every file written or removed, up to the
    // root; deepest first, so a folder knows which of its changed subfolders are left.
    QSet<QString> changed{QString()};
    const auto touch = [&changed](const QString &path) {
        for (qsizetype slash = path.indexOf(u'/'); slash >= 0; slash = path.indexOf(u'/', slash + 1))
            changed.insert(path.left(slash));
    };
    QSet<QString> holdsWritten; // folders a file was written into
    for (const QString &path : std::as_const(s.written)) {
        touch(path);
        holdsWritten.insert(parentOf(path));
    }
    for (const QString &path : gone)
        touch(path);
    QStringList order(changed.cbegin(), changed.cend());
    const auto depth = [](const QString &path) { return path.isEmpty() ? -1 : path.count(u'/'); };
    std::sort(order.begin(), order.end(), [&depth](const QString &a, const QString &b) { return depth(a) > depth(b); });

    // The base's folders become the new release's. When this store made the base, its list
    // is taken rather than copied (a failure leaves the store without one: it reads the
    // base's .carta-dirs again).
    const bool onBase = baseTree != nullptr;
    // Its folders list names only what changed, unless the chain of lists it would build on
    // is already kMaxChain long.
    const bool listChanges = onBase && baseTree->chain.size() < kMaxChain;
    QStringList chain;
    if (listChanges) {
        chain = baseTree->chain;
        chain.prepend(base);
    }
    QHash<QString, QString> dirs;
    if (baseTree && *s.store.m_last == baseTree && baseTree.use_count() == 2) {
        s.store.m_last->reset();
        dirs = std::move(std::const_pointer_cast<ReleaseStore::Tree>(baseTree)->dirs);
        baseTree.reset(); // no longer whole; only `dirs` is used from here
    } else if (baseTree) {
        dirs = baseTree->dirs;
    }
    QHash<QString, QStringList> keptChildren; // folder -> its changed subfolders that are left
    const QByteArray objectsDir = QFile::encodeName(s.objects) + '/';
    const auto linkText = [](const QString &dir, const QString &object) -> QByteArray {
        return (dir.isEmpty() ? QByteArray("../../objects/") : QByteArray("../")) + object.toLatin1();
    };
    QList<DirEntry> entries;
    for (const QString &dir : std::as_const(order)) {
        const QString folder = s.folder(dir);
        if (folder.isEmpty())
            return Issue{dir, u"cannot make its folder: "_s + errnoText()};
        const QByteArray target = QFile::encodeName(folder) + '/';
        bool any = holdsWritten.contains(dir);
        const QString prefix = dir.isEmpty() ? QString() : dir + u'/';
        const QString baseObject = dir.isEmpty() ? QString() : dirs.value(dir);
        if (onBase && (dir.isEmpty() || !baseObject.isEmpty())) {
            const QByteArray source = dir.isEmpty() ? QFile::encodeName(baseRoot) : objectsDir + baseObject.toLatin1();
            entries.clear();
            if (!listDir(source, entries))
                return Issue{dir.isEmpty() ? base : dir, u"cannot read the release it builds on: "_s + errnoText()};
            for (const DirEntry &e : std::as_const(entries)) {
                if (dir.isEmpty() && e.name.startsWith('.'))
                    continue; // the release's own files
                const QString path = prefix + QFile::decodeName(e.name);
                if (e.link) {
                    if (changed.contains(path))
                        continue; // linked below when it is left
                    const QString object = dirs.value(path);
                    if (object.isEmpty())
                        return Issue{path, u"is a folder of release %1 that its .carta-dirs lacks"_s.arg(base)};
                    if (!shareFolderLink(QByteArray(source + '/' + e.name), QByteArray(target + e.name), linkText(dir, object)))
                        return Issue{path, u"cannot link the folder: "_s + errnoText()};
                } else {
                    if (s.written.contains(path) || gone.contains(path))
                        continue;
                    if (!linkOrCopy(QByteArray(source + '/' + e.name), QByteArray(target + e.name)))
                        return Issue{path, u"cannot link from release %1: %2"_s.arg(base, errnoText())};
                }
                any = true;
            }
        }
        for (const QString &child : keptChildren.value(dir)) {
            const QByteArray at = target + QFile::encodeName(nameOf(child));
            if (::symlink(linkText(dir, s.newDirs.value(child)).constData(), at.constData()) != 0)
                return Issue{child, u"cannot link the folder: "_s + errnoText()};
            any = true;
        }
        if (dir.isEmpty())
            continue;
        if (any) {
            dirs.insert(dir, s.newDirs.value(dir));
            keptChildren[parentOf(dir)].append(dir);
        } else { // every file of it is gone
            removeObject(objectsDir + s.newDirs.take(dir).toLatin1());
            dirs.remove(dir);
        }
    }

    // The release's folders, for the releases made on it and for pruning: what changed
    // against the base (~2,000 lines for a policy change at ×10), or every folder (~115,000
    // lines, 7 MB, a few hundred ms of one core) on a thread of its own while the written
    // files are synced. Nothing touches `dirs` until it is joined.
    QByteArray changes;
    if (listChanges) {
        changes = kDirsDeltaHeader + "files " + QByteArray::number(count) + "\nbase " + base.toLatin1() + '\n';
        for (const QString &dir : std::as_const(order)) {
            if (dir.isEmpty())
                continue;
            const auto it = dirs.constFind(dir);
            appendUtf8(changes, it == dirs.cend() ? u"-"_s : it.value());
            changes += ' ';
            appendUtf8(changes, dir);
            changes += '\n';
        }
    }
    const QByteArray listingPath = QFile::encodeName(s.building + u'/' + kDirsFile);
    QString listingError;
    std::thread listingThread([&dirs, &changes, &listingError, &listingPath, count] {
        listingError = writeNewFile(listingPath, changes.isEmpty() ? wholeListing(dirs, count) : changes, true);
    });
    auto joinListing = qScopeGuard([&listingThread] { listingThread.join(); });

    if (!syncOneByOne) {
        const int fd = ::open(QFile::encodeName(s.building).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::syncfs(fd) != 0) {
            const QString error = errnoText();
            if (fd >= 0)
                ::close(fd);
            return Issue{s.building, u"cannot sync: "_s + error};
        }
        ::close(fd);
    }
    joinSync.dismiss();
    syncThread.join();
    if (syncFailed >= 0)
        return Issue{QFile::decodeName(syncPaths.at(syncFailed)), u"cannot sync: "_s + QString::fromLocal8Bit(std::strerror(syncErrno))};

    joinListing.dismiss();
    listingThread.join();
    if (!listingError.isEmpty())
        return Issue{kDirsFile, listingError};

    const QString final = siteDir + u"/releases/"_s + s.id;
    if (::rename(QFile::encodeName(s.building).constData(), QFile::encodeName(final).constData()) != 0)
        return Issue{final, u"cannot rename the new release into place: "_s + errnoText()};
    s.done = true; // in place: a failure to switch leaves a whole release that is not current
    syncPath(siteDir + u"/releases"_s);
    auto tree = std::make_shared<ReleaseStore::Tree>();
    tree->id = s.id;
    tree->dirs = std::move(dirs);
    tree->files = count;
    tree->chain = std::move(chain);
    *s.store.m_last = std::move(tree);
    const auto unlock = qScopeGuard([&s] { s.lock.reset(); });
    if (auto r = s.store.switchTo(s.id); !r)
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
    if (!QDir().mkpath(building) || !QDir().mkpath(m_dir + u"/objects"_s))
        return Issue{building, u"cannot create the release folder"_s};
    auto state = std::unique_ptr<PendingRelease::State>(new PendingRelease::State{
        *this, std::move(lock), id, building, m_dir + u"/objects"_s, std::move(attachmentPath), {}, {}, 0, false});
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
    auto committed = release.commit(base, files, delta.removed, assetsDir);
    if (!committed)
        return committed.issues();
    if (auto pruned = prune(keep); !pruned)
        return pruned.issues();
    return committed;
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
