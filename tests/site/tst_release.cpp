// Releases of the public site on disk: the first and incremental releases (bytes, hard
// links, folder objects shared between releases, assets, attachments, the relative
// `current` link), failed commits that leave nothing, pruning (objects no release uses go,
// none a release uses), rollback, dropped and crashed releases, unsafe paths, a reader that
// never sees a torn or older file while releases switch, and release ids.
#include "site/release.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <chrono>
#include <ctime>
#include <functional>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace carta;
using namespace carta::site;
using namespace Qt::StringLiterals;

namespace {

// Release n is made at kFirst + (n - 1) minutes from live commit commitFor(n).
const QDateTime kFirst(QDate(2026, 12, 2), QTime(14, 22, 33), QTimeZone::utc());

QDateTime nowFor(int n)
{
    return kFirst.addSecs(60 * (n - 1));
}

QString commitFor(int n)
{
    return u"%1"_s.arg(n, 4, 16, QLatin1Char('0')) + u"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"_s;
}

QString idFor(int n)
{
    return u"%1-%2-%3"_s.arg(n, 6, 10, QLatin1Char('0'))
        .arg(nowFor(n).toString(u"yyyyMMdd'T'HHmmss'Z'"_s), commitFor(n).left(12));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "<cannot open " + QFile::encodeName(path) + '>';
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The inode of a file, 0 when it cannot be read.
ino_t inodeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

bool isSymlink(const QString &path)
{
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

QString linkTarget(const QString &path)
{
    char buffer[4096];
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buffer, sizeof buffer);
    return n < 0 ? QString() : QFile::decodeName(QByteArray(buffer, n));
}

// The names in a folder, hidden ones too.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// Every path under a folder, hidden ones too, through the links of folders.
QStringList tree(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.sort();
    return out;
}

// The folder objects a release uses, read from the disk: every link to a folder under its
// root, followed down (release.h).
QSet<QString> objectsOf(const QString &releaseDir)
{
    QSet<QString> out;
    QStringList todo{releaseDir};
    while (!todo.isEmpty()) {
        const QString dir = todo.takeLast();
        for (const QFileInfo &info : QDir(dir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
            if (info.isSymLink() && info.isDir()) {
                out.insert(QFileInfo(info.symLinkTarget()).fileName());
                todo.append(info.symLinkTarget());
            }
        }
    }
    return out;
}

// What <site>/objects holds, against what the releases use: empty when they agree (no
// object left over, none missing).
QString objectsProblem(const QString &siteDir)
{
    QSet<QString> used;
    for (const QString &id : QDir(siteDir + u"/releases"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        used.unite(objectsOf(siteDir + u"/releases/"_s + id));
    const QStringList present = QDir(siteDir + u"/objects"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    const QSet<QString> there(present.cbegin(), present.cend());
    QStringList problems;
    for (const QString &o : there - used)
        problems.append(u"objects/%1 is used by no release"_s.arg(o));
    for (const QString &o : used - there)
        problems.append(u"objects/%1 is used but missing"_s.arg(o));
    problems.sort();
    return problems.join(u"; "_s);
}

// Whether nobody holds the site's lock now (flock locks of two descriptors conflict even
// within one process, so a held lock shows).
bool siteLockIsFree(const QString &siteDir)
{
    const int fd = ::open(QFile::encodeName(siteDir + u"/.lock"_s).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return free;
}

QStringList idsOf(const QList<ReleaseInfo> &releases)
{
    QStringList out;
    for (const ReleaseInfo &r : releases)
        out.append(r.id);
    return out;
}

QStringList currentsOf(const QList<ReleaseInfo> &releases)
{
    QStringList out;
    for (const ReleaseInfo &r : releases) {
        if (r.current)
            out.append(r.id);
    }
    return out;
}

using SiteContent = QMap<QString, QByteArray>; // path -> bytes: a whole site

// A temporary site folder, the server's attachment store and the site's static assets.
class Fixture
{
public:
    Fixture()
    {
        m_ok = m_tmp.isValid() && writeFile(assetsDir() + u"/css/site.css"_s, "body { margin: 0 }\n")
            && writeFile(assetsDir() + u"/js/vendor/frontend.js"_s, "console.log('nhsuk')\n")
            && writeFile(assetsDir() + u"/favicon.ico"_s, QByteArray("\x00\x01\x02", 3));
    }

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] QString root() const { return m_tmp.path(); }
    [[nodiscard]] QString siteDir() const { return m_tmp.path() + u"/site"_s; }
    [[nodiscard]] QString releasesDir() const { return siteDir() + u"/releases"_s; }
    [[nodiscard]] QString current() const { return siteDir() + u"/current"_s; }
    [[nodiscard]] QString release(const QString &id) const { return releasesDir() + u'/' + id; }
    [[nodiscard]] QString assetsDir() const { return m_tmp.path() + u"/assets"_s; }
    [[nodiscard]] QString attachmentsDir() const { return m_tmp.path() + u"/attachments"_s; }

    [[nodiscard]] ReleaseStore::AttachmentPath attachmentPath() const
    {
        const QString dir = attachmentsDir();
        return [dir](const QString &sha256) -> QString { return dir + u'/' + sha256.left(2) + u'/' + sha256; };
    }

    // Puts an attachment's bytes in the store; returns its SHA-256.
    QString addAttachment(const QByteArray &bytes) const
    {
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        return writeFile(attachmentPath()(sha), bytes) ? sha : QString();
    }

    // Publishes release n of `site`, writing only `changed` (every path when empty), removing
    // what the site published as `base` had and `site` lacks, and taking the rest from `base`.
    model::Result<ReleaseInfo> publish(ReleaseStore &store, int n, const QString &base, const SiteContent &site,
                                       QStringList changed = {}, int keep = 10)
    {
        if (changed.isEmpty())
            changed = site.keys();
        QHash<QString, QByteArray> files;
        for (auto it = site.cbegin(); it != site.cend(); ++it)
            files.insert(it.key(), QCryptographicHash::hash(it.value(), QCryptographicHash::Sha256).toHex());
        SiteDelta delta;
        for (const QString &path : std::as_const(changed)) {
            delta.writtenPaths.append(path);
            delta.written.append(SiteFile{path, site.value(path), QString()});
        }
        const SiteContent before = m_published.value(base);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (!site.contains(it.key()))
                delta.removed.append(it.key());
        }
        auto r = store.publish(base, files, delta, assetsDir(), attachmentPath(), commitFor(n), keep, nowFor(n));
        if (r)
            m_published.insert(r->id, site);
        return r;
    }

    [[nodiscard]] SiteContent published(const QString &id) const { return m_published.value(id); }

private:
    QTemporaryDir m_tmp;
    bool m_ok = false;
    QHash<QString, SiteContent> m_published; // release id -> its content
};

const SiteContent kSiteOne = {
    {u"index.html"_s, "<h1>Home</h1>\n"},
    {u"curricula/cardiology/index.html"_s, "<h1>Cardiology</h1>\n"},
    {u"policies/study-leave/index.html"_s, "<h1>Study leave</h1>\n"},
    {u"search/shard-0.json"_s, "{\"terms\":[]}\n"},
    {u"empty.txt"_s, QByteArray()},
};

// A file of about 200 KB: "release N" lines and "end N", so a torn read shows.
QByteArray versionBytes(int n)
{
    const QByteArray line = "release " + QByteArray::number(n) + '\n';
    QByteArray out;
    out.reserve(210 * 1024);
    while (out.size() < 200 * 1024)
        out += line;
    return out + "end " + QByteArray::number(n) + '\n';
}

// The lines of a release's .carta-dirs.
QList<QByteArray> listingOf(const QString &releaseDir)
{
    QList<QByteArray> lines = readAll(releaseDir + u"/.carta-dirs"_s).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// The objects a whole .carta-dirs ("carta-dirs 1") names.
QSet<QString> listedObjects(const QList<QByteArray> &lines)
{
    QSet<QString> out;
    for (qsizetype i = 2; i < lines.size(); ++i)
        out.insert(QString::fromLatin1(lines.at(i).left(lines.at(i).indexOf(' '))));
    return out;
}

// A home page and 5 sections of 10 pages, each page in a folder of its own.
SiteContent sectionedSite()
{
    SiteContent site{{u"index.html"_s, "<h1>Home</h1>\n"}};
    for (const QString &section : {u"curricula"_s, u"pathways"_s, u"policies"_s, u"news"_s, u"resources"_s}) {
        site.insert(section + u"/index.html"_s, "<h1>" + section.toUtf8() + "</h1>\n");
        for (int i = 0; i < 10; ++i)
            site.insert(u"%1/page-%2/index.html"_s.arg(section).arg(i), "<p>" + QByteArray::number(i) + "</p>\n");
    }
    return site;
}

// Every file of `site` with its bytes under `current`: empty when so, else the first that is not.
QString currentProblem(const QString &current, const SiteContent &site)
{
    for (auto it = site.cbegin(); it != site.cend(); ++it) {
        if (readAll(current + u'/' + it.key()) != it.value())
            return it.key() + u" differs under current"_s;
    }
    return QString();
}

} // namespace

class tst_Release : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstPublish();
    void incrementalPublishLinksUnchangedFiles();
    void aChangeMakesObjectsOnlyForItsFolders();
    void aBaseWithoutFoldersListIsRefused();
    void foldersListsNameOnlyChanges();
    void aLongChainOfListsIsCut();
    void aBrokenChainOfListsIsRefused_data();
    void aBrokenChainOfListsIsRefused();
    void failedCommitLeavesNothing_data();
    void failedCommitLeavesNothing();
    void failedCommitCleansUpBeforeReturning();
    void pruneKeepsTheNewest_data();
    void pruneKeepsTheNewest();
    void pruneAfterRollbackKeepsCurrent();
    void rollback_data();
    void rollback();
    void rollbackWithOneRelease();
    void droppedReleaseLeavesNothing();
    void openRemovesHalfBuiltReleases();
    void unsafePathsAreRefused_data();
    void unsafePathsAreRefused();
    void readerNeverSeesATornOrOlderFile();
    void parseReleaseId_data();
    void parseReleaseId();
    void parseReleaseIdWhateverTheTimeZone();
};

void tst_Release::firstPublish()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    QCOMPARE(store.currentId(), QString());
    QVERIFY(QFileInfo(f.releasesDir()).isDir());

    const QByteArray pdf = "%PDF-1.7 the Gold Guide\n";
    const QString sha = f.addAttachment(pdf);
    QCOMPARE(sha.size(), 64);

    auto pending = store.begin(commitFor(1), nowFor(1).toTimeZone(QTimeZone(2 * 3600)), f.attachmentPath());
    QVERIFY2(pending, qPrintable(pending.errorString()));
    PendingRelease release = std::move(pending).value();
    // The id is in UTC whatever the zone of the time it was given.
    QCOMPARE(release.id(), u"000001-20261202T142233Z-00011a2b3c4d"_s);
    QHash<QString, QByteArray> files;
    for (auto it = kSiteOne.cbegin(); it != kSiteOne.cend(); ++it) {
        QCOMPARE(release.write(SiteFile{it.key(), it.value(), QString()}), QString());
        files.insert(it.key(), "hash");
    }
    QCOMPARE(release.write(SiteFile{u"files/gold-guide.pdf"_s, QByteArray(), sha}), QString());
    files.insert(u"files/gold-guide.pdf"_s, "file:" + sha.toLatin1());
    auto committed = release.commit(QString(), files, {}, f.assetsDir());
    QVERIFY2(committed, qPrintable(committed.errorString()));
    const QString id = committed->id;
    QCOMPARE(id, u"000001-20261202T142233Z-00011a2b3c4d"_s);
    QCOMPARE(committed->number, qint64(1));
    QCOMPARE(committed->created, QDateTime(QDate(2026, 12, 2), QTime(14, 22, 33), QTimeZone::utc()));
    QCOMPARE(committed->liveCommit, u"00011a2b3c4d"_s);
    QVERIFY(committed->current);

    // Every file with its exact bytes, under the release and through `current`.
    for (auto it = kSiteOne.cbegin(); it != kSiteOne.cend(); ++it) {
        QCOMPARE(readAll(f.release(id) + u'/' + it.key()), it.value());
        QCOMPARE(readAll(f.current() + u'/' + it.key()), it.value());
    }
    // `current` is a link, relative, to releases/<id>.
    QVERIFY(isSymlink(f.current()));
    QCOMPARE(linkTarget(f.current()), u"releases/"_s + id);
    QCOMPARE(store.currentId(), id);
    auto listed = store.releases();
    QVERIFY2(listed, qPrintable(listed.errorString()));
    QCOMPARE(idsOf(*listed), QStringList{id});
    QCOMPARE(currentsOf(*listed), QStringList{id});
    QCOMPARE(listed->first().number, qint64(1));
    QCOMPARE(listed->first().liveCommit, u"00011a2b3c4d"_s);
    QCOMPARE(entries(f.releasesDir()), QStringList{id});
    // Its root holds the top-level files and a link per folder into objects/, relative.
    QVERIFY(isSymlink(f.release(id) + u"/curricula"_s));
    QVERIFY(linkTarget(f.release(id) + u"/curricula"_s).startsWith(u"../../objects/"_s));
    QVERIFY(isSymlink(f.current() + u"/curricula/cardiology"_s));
    QVERIFY(linkTarget(f.current() + u"/curricula/cardiology"_s).startsWith(u"../"_s));
    QVERIFY(!isSymlink(f.release(id) + u"/index.html"_s));
    QCOMPARE(objectsProblem(f.siteDir()), QString());

    // The static assets, nested folders too, linked under assets/.
    const QStringList assets = {u"css/site.css"_s, u"js/vendor/frontend.js"_s, u"favicon.ico"_s};
    for (const QString &asset : assets) {
        QCOMPARE(readAll(f.current() + u"/assets/"_s + asset), readAll(f.assetsDir() + u'/' + asset));
        QCOMPARE(inodeOf(f.current() + u"/assets/"_s + asset), inodeOf(f.assetsDir() + u'/' + asset));
    }
    // The attachment is the store's file itself.
    const QString stored = f.attachmentPath()(sha);
    QVERIFY(inodeOf(stored) != 0);
    QCOMPARE(inodeOf(f.current() + u"/files/gold-guide.pdf"_s), inodeOf(stored));
    QCOMPARE(readAll(f.current() + u"/files/gold-guide.pdf"_s), pdf);
}

void tst_Release::incrementalPublishLinksUnchangedFiles()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();

    auto first = f.publish(store, 1, QString(), kSiteOne);
    QVERIFY2(first, qPrintable(first.errorString()));
    const QString one = first->id;

    // Release 2: the home page changes, a page is added, the search shard is gone.
    SiteContent two = kSiteOne;
    two[u"index.html"_s] = "<h1>Home, updated</h1>\n";
    two[u"news/2026/new-rotas/index.html"_s] = "<h1>New rotas</h1>\n";
    two.remove(u"search/shard-0.json"_s);
    auto second = f.publish(store, 2, one, two, {u"index.html"_s, u"news/2026/new-rotas/index.html"_s});
    QVERIFY2(second, qPrintable(second.errorString()));
    const QString id = second->id;
    QCOMPARE(id, idFor(2));
    QCOMPARE(store.currentId(), id);
    QCOMPARE(linkTarget(f.current()), u"releases/"_s + id);

    for (auto it = two.cbegin(); it != two.cend(); ++it)
        QCOMPARE(readAll(f.release(id) + u'/' + it.key()), it.value());
    // Unchanged files are the base's files; changed ones are new files.
    for (const QString &unchanged :
         {u"curricula/cardiology/index.html"_s, u"policies/study-leave/index.html"_s, u"empty.txt"_s}) {
        QVERIFY(inodeOf(f.release(one) + u'/' + unchanged) != 0);
        QCOMPARE(inodeOf(f.release(id) + u'/' + unchanged), inodeOf(f.release(one) + u'/' + unchanged));
    }
    QVERIFY(inodeOf(f.release(id) + u"/index.html"_s) != 0);
    QVERIFY(inodeOf(f.release(id) + u"/index.html"_s) != inodeOf(f.release(one) + u"/index.html"_s));
    // A folder nothing changed in is the base's own object; one with a change is new.
    QCOMPARE(linkTarget(f.release(id) + u"/curricula"_s), linkTarget(f.release(one) + u"/curricula"_s));
    QCOMPARE(linkTarget(f.release(id) + u"/policies"_s), linkTarget(f.release(one) + u"/policies"_s));
    // A file the site no longer has is not carried over, nor its folder once empty.
    QVERIFY(!QFileInfo::exists(f.release(id) + u"/search/shard-0.json"_s));
    QVERIFY(!QFileInfo::exists(f.release(id) + u"/search"_s));
    QVERIFY(!isSymlink(f.release(id) + u"/search"_s));
    QCOMPARE(objectsProblem(f.siteDir()), QString());
    QCOMPARE(readAll(f.release(id) + u"/assets/css/site.css"_s), "body { margin: 0 }\n");

    // The old release is as it was.
    for (auto it = kSiteOne.cbegin(); it != kSiteOne.cend(); ++it)
        QCOMPARE(readAll(f.release(one) + u'/' + it.key()), it.value());
    QVERIFY(!QFileInfo::exists(f.release(one) + u"/news/2026/new-rotas/index.html"_s));

    auto listed = store.releases();
    QVERIFY2(listed, qPrintable(listed.errorString()));
    QCOMPARE(idsOf(*listed), (QStringList{one, id}));
    QCOMPARE(currentsOf(*listed), QStringList{id});
}

// The cost of a publish is its change and the folders that hold it: one page changed in a
// site of 5 sections of 40 pages makes two folder objects (the page's and its section's)
// and a root; the other 204 folders are shared.
void tst_Release::aChangeMakesObjectsOnlyForItsFolders()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    SiteContent site{{u"index.html"_s, "<h1>Home</h1>\n"}};
    for (const QString &section : {u"curricula"_s, u"pathways"_s, u"policies"_s, u"news"_s, u"resources"_s}) {
        site.insert(section + u"/index.html"_s, "<h1>" + section.toUtf8() + "</h1>\n");
        for (int i = 0; i < 40; ++i)
            site.insert(u"%1/page-%2/index.html"_s.arg(section).arg(i), "<p>" + QByteArray::number(i) + "</p>\n");
    }
    auto first = f.publish(store, 1, QString(), site);
    QVERIFY2(first, qPrintable(first.errorString()));
    const QStringList before = entries(f.siteDir() + u"/objects"_s);
    QCOMPARE(before.size(), 5 + 5 * 40 + 2 /* assets, assets/css, assets/js, assets/js/vendor */ + 2);

    site[u"policies/page-7/index.html"_s] = "<p>7, amended</p>\n";
    auto second = f.publish(store, 2, first->id, site, {u"policies/page-7/index.html"_s});
    QVERIFY2(second, qPrintable(second.errorString()));
    QStringList made = entries(f.siteDir() + u"/objects"_s);
    for (const QString &o : before)
        made.removeOne(o);
    QCOMPARE(made.size(), 2);
    QVERIFY(linkTarget(f.release(second->id) + u"/policies"_s) != linkTarget(f.release(first->id) + u"/policies"_s));
    QCOMPARE(linkTarget(f.release(second->id) + u"/policies/page-8"_s), linkTarget(f.release(first->id) + u"/policies/page-8"_s));
    QCOMPARE(linkTarget(f.release(second->id) + u"/news"_s), linkTarget(f.release(first->id) + u"/news"_s));
    // The links to unchanged folders are the base's own symbolic links, hard-linked: new
    // names, no new inodes (what makes rewriting a large folder cheap).
    const auto inode = [](const QString &path) {
        struct stat st = {};
        return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode) ? st.st_ino : ino_t(0);
    };
    for (const QString &link : {u"/policies/page-8"_s, u"/news"_s}) {
        QVERIFY2(inode(f.release(first->id) + link) != 0, qPrintable(link));
        QCOMPARE(inode(f.release(second->id) + link), inode(f.release(first->id) + link));
    }
    QCOMPARE(readAll(f.current() + u"/policies/page-8/index.html"_s), "<p>8</p>\n");
    QCOMPARE(readAll(f.current() + u"/policies/page-7/index.html"_s), "<p>7, amended</p>\n");
    QCOMPARE(readAll(f.release(first->id) + u"/policies/page-7/index.html"_s), "<p>7</p>\n");
    QCOMPARE(tree(f.current()).size(), tree(f.release(first->id)).size());
    QCOMPARE(objectsProblem(f.siteDir()), QString());
}

// A release made by an older Carta (whole folders, no .carta-dirs) cannot be built on: the
// commit says so and leaves nothing (the publisher then builds the whole site), and it is
// pruned like any other.
void tst_Release::aBaseWithoutFoldersListIsRefused()
{
    Fixture f;
    QVERIFY(f.ok());
    QString oldId;
    {
        auto opened = ReleaseStore::open(f.siteDir());
        QVERIFY2(opened, qPrintable(opened.errorString()));
        ReleaseStore store = std::move(opened).value();
        auto first = f.publish(store, 1, QString(), kSiteOne);
        QVERIFY2(first, qPrintable(first.errorString()));
        oldId = first->id;
    }
    QVERIFY(QFile::remove(f.release(oldId) + u"/.carta-dirs"_s));
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    const QStringList objectsBefore = entries(f.siteDir() + u"/objects"_s);

    SiteContent two = kSiteOne;
    two[u"index.html"_s] = "<h1>Home 2</h1>\n";
    auto refused = f.publish(store, 2, oldId, two, {u"index.html"_s});
    QVERIFY(!refused);
    QVERIFY2(refused.errorString().contains(u".carta-dirs"_s) && refused.errorString().contains(u"site rebuild"_s),
             qPrintable(refused.errorString()));
    QCOMPARE(entries(f.releasesDir()), QStringList{oldId});
    QCOMPARE(entries(f.siteDir() + u"/objects"_s), objectsBefore);
    QVERIFY(siteLockIsFree(f.siteDir()));

    // A whole new release, and the old one pruned.
    auto whole = f.publish(store, 2, QString(), two, {}, 1);
    QVERIFY2(whole, qPrintable(whole.errorString()));
    QCOMPARE(entries(f.releasesDir()), QStringList{whole->id});
    QCOMPARE(readAll(f.current() + u"/index.html"_s), "<h1>Home 2</h1>\n");
}

// A release built on another lists only the folders it made or removed, against that
// base; a store opened afresh reads a release's folders through the chain of lists; pruning
// the release a list builds on first makes that list whole, naming exactly the objects the
// release uses.
void tst_Release::foldersListsNameOnlyChanges()
{
    Fixture f;
    QVERIFY(f.ok());
    SiteContent site = sectionedSite();
    {
        auto opened = ReleaseStore::open(f.siteDir());
        QVERIFY2(opened, qPrintable(opened.errorString()));
        ReleaseStore store = std::move(opened).value();
        auto first = f.publish(store, 1, QString(), site, {}, 100);
        QVERIFY2(first, qPrintable(first.errorString()));
        // Release n (2..6) changes a page of its own; 4 adds a folder, 5 removes one.
        for (int n = 2; n <= 6; ++n) {
            QStringList changed;
            if (n == 4) {
                site.insert(u"news/new-rotas/index.html"_s, "<h1>New rotas</h1>\n");
                changed.append(u"news/new-rotas/index.html"_s);
            } else if (n == 5) {
                site.remove(u"pathways/page-3/index.html"_s);
            } else {
                const QString page = u"policies/page-%1/index.html"_s.arg(n);
                site[page] = "<p>amended in " + QByteArray::number(n) + "</p>\n";
                changed.append(page);
            }
            auto r = f.publish(store, n, idFor(n - 1), site, changed.isEmpty() ? QStringList{u"index.html"_s} : changed, 100);
            QVERIFY2(r, qPrintable(r.errorString()));
        }
    }
    QList<QByteArray> whole = listingOf(f.release(idFor(1)));
    QCOMPARE(whole.value(0), "carta-dirs 1");
    QCOMPARE(listedObjects(whole), objectsOf(f.release(idFor(1))));
    for (int n = 2; n <= 6; ++n) {
        const QList<QByteArray> lines = listingOf(f.release(idFor(n)));
        QCOMPARE(lines.value(0), "carta-dirs 2");
        QCOMPARE(lines.value(2), "base " + idFor(n - 1).toLatin1());
        // A page's folder and its section's: two lines (the root is not listed).
        QVERIFY2(lines.size() - 3 <= 2, lines.join('|').constData());
    }
    QVERIFY(listingOf(f.release(idFor(5))).contains("- pathways/page-3"));

    // Read afresh: a publish on release 6 finds its folders through the chain.
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    site[u"news/page-1/index.html"_s] = "<p>1, amended</p>\n";
    auto seventh = f.publish(store, 7, idFor(6), site, {u"news/page-1/index.html"_s}, 100);
    QVERIFY2(seventh, qPrintable(seventh.errorString()));
    QCOMPARE(currentProblem(f.current(), site), QString());
    QVERIFY(!QFileInfo::exists(f.current() + u"/pathways/page-3"_s));
    QCOMPARE(listingOf(f.release(idFor(7))).value(2), "base " + idFor(6).toLatin1());
    QCOMPARE(objectsProblem(f.siteDir()), QString());

    // Pruning to the newest two makes release 6's list whole (what it builds on goes) and
    // leaves 7's naming only its change.
    auto pruned = store.prune(2);
    QVERIFY2(pruned, qPrintable(pruned.errorString()));
    QCOMPARE(pruned.value(), 5);
    QCOMPARE(entries(f.releasesDir()), (QStringList{idFor(6), idFor(7)}));
    whole = listingOf(f.release(idFor(6)));
    QCOMPARE(whole.value(0), "carta-dirs 1");
    QCOMPARE(listedObjects(whole), objectsOf(f.release(idFor(6))));
    QCOMPARE(listingOf(f.release(idFor(7))).value(0), "carta-dirs 2");
    QCOMPARE(objectsProblem(f.siteDir()), QString());
    QVERIFY(!QFileInfo::exists(f.release(idFor(6)) + u"/.carta-dirs.new"_s));

    // The same store knows 7's chain now ends at 6: the list made whole again (a chain
    // builds on at most 16 lists) is 23's, the 17th after 6, not 18's.
    for (int n = 8; n <= 23; ++n) {
        site[u"index.html"_s] = "<h1>Home " + QByteArray::number(n) + "</h1>\n";
        auto r = f.publish(store, n, idFor(n - 1), site, {u"index.html"_s}, 100);
        QVERIFY2(r, qPrintable(r.errorString()));
    }
    QCOMPARE(listingOf(f.release(idFor(22))).value(2), "base " + idFor(21).toLatin1());
    QCOMPARE(listingOf(f.release(idFor(23))).value(0), "carta-dirs 1");
    // And one opened afresh reads the chain through 22 lists and the whole one.
    auto reopened = ReleaseStore::open(f.siteDir());
    QVERIFY2(reopened, qPrintable(reopened.errorString()));
    ReleaseStore again = std::move(reopened).value();
    SiteContent on22 = f.published(idFor(22));
    on22[u"index.html"_s] = "<h1>Home, on 22</h1>\n";
    auto last = f.publish(again, 24, idFor(22), on22, {u"index.html"_s}, 100);
    QVERIFY2(last, qPrintable(last.errorString()));
    QCOMPARE(currentProblem(f.current(), on22), QString());
    QCOMPARE(listingOf(f.release(idFor(24))).value(0), "carta-dirs 1");
    QCOMPARE(listedObjects(listingOf(f.release(idFor(24)))), objectsOf(f.release(idFor(24))));
    QCOMPARE(objectsProblem(f.siteDir()), QString());
}

// A list builds on at most 16 others: the 17th in a row is whole again.
void tst_Release::aLongChainOfListsIsCut()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    SiteContent site = sectionedSite();
    for (int n = 1; n <= 20; ++n) {
        const QString page = u"curricula/page-%1/index.html"_s.arg(n % 10);
        site[page] = "<p>revision " + QByteArray::number(n) + "</p>\n";
        auto r = f.publish(store, n, n == 1 ? QString() : idFor(n - 1), site, n == 1 ? QStringList() : QStringList{page}, 100);
        QVERIFY2(r, qPrintable(r.errorString()));
    }
    QCOMPARE(listingOf(f.release(idFor(17))).value(2), "base " + idFor(16).toLatin1());
    QCOMPARE(listingOf(f.release(idFor(18))).value(0), "carta-dirs 1");
    QCOMPARE(listedObjects(listingOf(f.release(idFor(18)))), objectsOf(f.release(idFor(18))));
    QCOMPARE(listingOf(f.release(idFor(19))).value(2), "base " + idFor(18).toLatin1());

    // Release 17's folders, read afresh through the 16 lists before it.
    auto reopened = ReleaseStore::open(f.siteDir());
    QVERIFY2(reopened, qPrintable(reopened.errorString()));
    ReleaseStore again = std::move(reopened).value();
    SiteContent seventeen = f.published(idFor(17));
    seventeen[u"index.html"_s] = "<h1>Home, on 17</h1>\n";
    auto on17 = f.publish(again, 21, idFor(17), seventeen, {u"index.html"_s}, 100);
    QVERIFY2(on17, qPrintable(on17.errorString()));
    QCOMPARE(currentProblem(f.current(), seventeen), QString());
    QCOMPARE(listingOf(f.release(idFor(21))).value(0), "carta-dirs 1"); // 17 already had 16 behind it
    QCOMPARE(listedObjects(listingOf(f.release(idFor(21)))), objectsOf(f.release(idFor(21))));
}

void tst_Release::aBrokenChainOfListsIsRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("pruneCanTell"); // whether prune() still reads the damaged list

    QTest::newRow("base removed by hand") << u"remove 2"_s << u"builds on release %1, which is gone"_s.arg(idFor(2)) << false;
    QTest::newRow("list names itself as its base") << u"self"_s << u"line 3: builds on more than 16"_s << false;
    QTest::newRow("two lists name each other") << u"loop"_s << u"line 3: builds on more than 16"_s << false;
    QTest::newRow("base line missing") << u"no base"_s << u"line 3: not a folder"_s << false;
    QTest::newRow("whole list cut short") << u"cut 1"_s << idFor(1) + u"/.carta-dirs: line"_s << false;
}

// A release whose list cannot be read through its chain is not built on (the commit says
// which list and leaves nothing; the publisher then builds the whole site).
void tst_Release::aBrokenChainOfListsIsRefused()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    QFETCH(bool, pruneCanTell);
    Fixture f;
    QVERIFY(f.ok());
    SiteContent site = sectionedSite();
    {
        auto opened = ReleaseStore::open(f.siteDir());
        QVERIFY2(opened, qPrintable(opened.errorString()));
        ReleaseStore store = std::move(opened).value();
        for (int n = 1; n <= 3; ++n) {
            const QString page = u"news/page-%1/index.html"_s.arg(n);
            site[page] = "<p>revision " + QByteArray::number(n) + "</p>\n";
            auto r = f.publish(store, n, n == 1 ? QString() : idFor(n - 1), site, n == 1 ? QStringList() : QStringList{page}, 100);
            QVERIFY2(r, qPrintable(r.errorString()));
        }
    }
    const auto rewrite = [&f](int n, const std::function<void(QList<QByteArray> &)> &edit) {
        QList<QByteArray> lines = listingOf(f.release(idFor(n)));
        edit(lines);
        const QString path = f.release(idFor(n)) + u"/.carta-dirs"_s;
        return QFile::remove(path) && writeFile(path, lines.join('\n') + '\n');
    };
    QCOMPARE(listingOf(f.release(idFor(3))).value(2), "base " + idFor(2).toLatin1());
    if (damage == u"remove 2"_s) {
        QVERIFY(QDir(f.release(idFor(2))).removeRecursively());
    } else if (damage == u"self"_s) {
        QVERIFY(rewrite(3, [](QList<QByteArray> &lines) { lines[2] = "base " + idFor(3).toLatin1(); }));
    } else if (damage == u"loop"_s) {
        QVERIFY(rewrite(2, [](QList<QByteArray> &lines) { lines[2] = "base " + idFor(3).toLatin1(); }));
    } else if (damage == u"no base"_s) {
        QVERIFY(rewrite(3, [](QList<QByteArray> &lines) { lines.removeAt(2); }));
    } else { // the whole list at the chain's end: its last line without its end
        const QString path = f.release(idFor(1)) + u"/.carta-dirs"_s;
        QByteArray bytes = readAll(path);
        bytes.chop(1);
        QVERIFY(QFile::remove(path) && writeFile(path, bytes));
    }
    const QStringList releasesBefore = entries(f.releasesDir());
    const QStringList objectsBefore = entries(f.siteDir() + u"/objects"_s);

    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    site[u"index.html"_s] = "<h1>Home 4</h1>\n";
    auto refused = f.publish(store, 4, idFor(3), site, {u"index.html"_s}, 100);
    QVERIFY(!refused);
    QVERIFY2(refused.errorString().contains(u".carta-dirs"_s) && refused.errorString().contains(expected),
             qPrintable(refused.errorString()));
    QCOMPARE(entries(f.releasesDir()), releasesBefore);
    QCOMPARE(entries(f.siteDir() + u"/objects"_s), objectsBefore);
    QVERIFY(siteLockIsFree(f.siteDir()));

    // A whole new release instead. Pruning the others keeps every object when it cannot
    // tell which the damaged release uses, and only the new release's otherwise.
    auto whole = f.publish(store, 4, QString(), site, {}, 100);
    QVERIFY2(whole, qPrintable(whole.errorString()));
    const QStringList objectsAfter = entries(f.siteDir() + u"/objects"_s);
    auto pruned = store.prune(1);
    QVERIFY2(pruned, qPrintable(pruned.errorString()));
    QCOMPARE(entries(f.releasesDir()), QStringList{whole->id});
    QCOMPARE(currentProblem(f.current(), site), QString());
    if (pruneCanTell) {
        QCOMPARE(objectsProblem(f.siteDir()), QString());
    } else {
        for (const QString &o : objectsAfter)
            QVERIFY2(QFileInfo(f.siteDir() + u"/objects/"_s + o).isDir(), qPrintable(o));
    }
}

void tst_Release::failedCommitLeavesNothing_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("missing");

    QTest::newRow("path the base lacks") << idFor(1) << u"about/index.html"_s;
    QTest::newRow("nested path the base lacks") << idFor(1) << u"curricula/surgery/index.html"_s;
    QTest::newRow("base that does not exist") << idFor(7) << u"index.html"_s;
    QTest::newRow("unchanged file but no base") << QString() << u"index.html"_s;
}

void tst_Release::failedCommitLeavesNothing()
{
    QFETCH(QString, base);
    QFETCH(QString, missing);
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    auto first = f.publish(store, 1, QString(), kSiteOne);
    QVERIFY2(first, qPrintable(first.errorString()));
    const QStringList before = entries(f.releasesDir());
    const QStringList siteBefore = entries(f.siteDir());

    // Release 2 writes one page and claims `missing` is unchanged.
    SiteContent two = base == first->id ? kSiteOne : SiteContent();
    two[u"news/index.html"_s] = "<h1>News</h1>\n";
    two[missing] = "<h1>Never written</h1>\n";
    auto second = f.publish(store, 2, base, two, {u"news/index.html"_s});
    QVERIFY(!second);
    QVERIFY2(second.errorString().contains(missing), qPrintable(second.errorString()));

    QCOMPARE(store.currentId(), first->id);
    QCOMPARE(linkTarget(f.current()), u"releases/"_s + first->id);
    QCOMPARE(readAll(f.current() + u"/index.html"_s), kSiteOne.value(u"index.html"_s));
    QCOMPARE(entries(f.releasesDir()), before); // no .building-* folder
    QCOMPARE(entries(f.siteDir()), siteBefore); // no .current-* link
    QVERIFY(siteLockIsFree(f.siteDir()));
}

// The header promises a failed commit "leaves nothing"; a caller that reacts to the
// failure before dropping the release (the publisher retries with a full build) must find
// no half-built folder and the site unlocked.
void tst_Release::failedCommitCleansUpBeforeReturning()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    auto first = f.publish(store, 1, QString(), kSiteOne);
    QVERIFY2(first, qPrintable(first.errorString()));
    const QStringList before = entries(f.releasesDir());

    auto pending = store.begin(commitFor(2), nowFor(2), f.attachmentPath());
    QVERIFY2(pending, qPrintable(pending.errorString()));
    PendingRelease release = std::move(pending).value();
    QCOMPARE(release.write(SiteFile{u"index.html"_s, "<h1>Home, updated</h1>\n", QString()}), QString());
    const QHash<QString, QByteArray> files = {{u"index.html"_s, "a"}, {u"about/index.html"_s, "b"}};
    auto committed = release.commit(first->id, files, {}, f.assetsDir());
    QVERIFY(!committed);
    QVERIFY2(committed.errorString().contains(u"about/index.html"_s), qPrintable(committed.errorString()));
    QCOMPARE(store.currentId(), first->id);

    // The release is still in scope here, as it is in the publisher's retry.
    const QStringList after = entries(f.releasesDir());
    const bool unlocked = siteLockIsFree(f.siteDir());
    QVERIFY2(after == before && unlocked,
             qPrintable(u"after the failed commit releases/ holds [%1] (before it: [%2]) and <site>/.lock is %3"_s
                            .arg(after.join(u", "_s), before.join(u", "_s),
                                 unlocked ? u"free"_s : u"still held: a begin() now blocks for ever"_s)));
}

void tst_Release::pruneKeepsTheNewest_data()
{
    QTest::addColumn<int>("publishes");
    QTest::addColumn<int>("keep");
    QTest::addColumn<QList<int>>("kept");

    QTest::newRow("5 keep 3") << 5 << 3 << QList<int>{3, 4, 5};
    QTest::newRow("5 keep 1") << 5 << 1 << QList<int>{5};
    QTest::newRow("5 keep 0 keeps current") << 5 << 0 << QList<int>{5};
    QTest::newRow("2 keep 3") << 2 << 3 << QList<int>{1, 2};
    QTest::newRow("4 keep 4") << 4 << 4 << QList<int>{1, 2, 3, 4};
}

void tst_Release::pruneKeepsTheNewest()
{
    QFETCH(int, publishes);
    QFETCH(int, keep);
    QFETCH(QList<int>, kept);
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();

    QString base;
    SiteContent site = kSiteOne;
    for (int n = 1; n <= publishes; ++n) {
        site[u"index.html"_s] = "<h1>Home " + QByteArray::number(n) + "</h1>\n";
        auto r = f.publish(store, n, base, site, n == 1 ? QStringList() : QStringList{u"index.html"_s}, keep);
        QVERIFY2(r, qPrintable(r.errorString()));
        base = r->id;
    }

    QStringList expected;
    for (int n : std::as_const(kept))
        expected.append(idFor(n));
    QCOMPARE(entries(f.releasesDir()), expected);
    auto listed = store.releases();
    QVERIFY2(listed, qPrintable(listed.errorString()));
    QCOMPARE(idsOf(*listed), expected);
    QCOMPARE(currentsOf(*listed), QStringList{idFor(publishes)});
    QCOMPARE(store.currentId(), idFor(publishes));
    // What survived is whole: the unchanged files were linked before their base went, and
    // every object a release uses is there, and no other.
    for (auto it = site.cbegin(); it != site.cend(); ++it)
        QCOMPARE(readAll(f.current() + u'/' + it.key()), it.value());
    QCOMPARE(objectsProblem(f.siteDir()), QString());
}

void tst_Release::pruneAfterRollbackKeepsCurrent()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    SiteContent site = kSiteOne;
    QString base;
    for (int n = 1; n <= 3; ++n) {
        site[u"index.html"_s] = "<h1>Home " + QByteArray::number(n) + "</h1>\n";
        auto r = f.publish(store, n, base, site, n == 1 ? QStringList() : QStringList{u"index.html"_s}, 10);
        QVERIFY2(r, qPrintable(r.errorString()));
        base = r->id;
    }
    auto back = store.rollback(idFor(1));
    QVERIFY2(back, qPrintable(back.errorString()));
    QCOMPARE(store.currentId(), idFor(1));
    QCOMPARE(entries(f.releasesDir()), (QStringList{idFor(1), idFor(2), idFor(3)}));

    // A publish with keep=1 that fails prunes nothing: the rolled-back release stays current.
    SiteContent broken = kSiteOne;
    broken[u"about/index.html"_s] = "<h1>About</h1>\n";
    auto failed = f.publish(store, 4, idFor(1), broken, {u"index.html"_s}, 1);
    QVERIFY(!failed);
    QCOMPARE(store.currentId(), idFor(1));
    QCOMPARE(entries(f.releasesDir()), (QStringList{idFor(1), idFor(2), idFor(3)}));

    // The next publish builds on the rolled-back release; keep=1 leaves only the new current.
    SiteContent four = kSiteOne;
    four[u"index.html"_s] = "<h1>Home 4</h1>\n";
    auto next = f.publish(store, 4, idFor(1), four, {u"index.html"_s}, 1);
    QVERIFY2(next, qPrintable(next.errorString()));
    QCOMPARE(next->id, idFor(4));
    QCOMPARE(store.currentId(), idFor(4));
    QCOMPARE(entries(f.releasesDir()), QStringList{idFor(4)});
    QCOMPARE(linkTarget(f.current()), u"releases/"_s + idFor(4));
    // Its files linked from the pruned release keep their bytes, and the folders it shares
    // with the pruned releases are still there.
    for (auto it = four.cbegin(); it != four.cend(); ++it)
        QCOMPARE(readAll(f.current() + u'/' + it.key()), it.value());
    QCOMPARE(objectsProblem(f.siteDir()), QString());
    QVERIFY(!objectsOf(f.current()).isEmpty());
}

void tst_Release::rollback_data()
{
    QTest::addColumn<QString>("from"); // rolled back to first; empty: the newest (3)
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("expected"); // the release current then; 0: the rollback fails

    QTest::newRow("previous of the newest") << QString() << QString() << 2;
    QTest::newRow("previous of the middle") << idFor(2) << QString() << 1;
    QTest::newRow("nothing before the oldest") << idFor(1) << QString() << 0;
    QTest::newRow("explicit id") << QString() << idFor(1) << 1;
    QTest::newRow("explicit id forward") << idFor(1) << idFor(3) << 3;
    QTest::newRow("explicit id of the current") << QString() << idFor(3) << 3;
    QTest::newRow("number prefix") << QString() << u"000002"_s << 2;
    QTest::newRow("number prefix forward") << idFor(1) << u"000003"_s << 3;
    QTest::newRow("unknown number") << QString() << u"000009"_s << 0;
    QTest::newRow("part of a number") << QString() << u"00000"_s << 0;
    QTest::newRow("number without zeros") << QString() << u"2"_s << 0;
    QTest::newRow("right number, wrong time") << QString() << u"000002-20991231T000000Z-00021a2b3c4d"_s << 0;
    QTest::newRow("path") << QString() << u"../releases/"_s + idFor(1) << 0;
}

void tst_Release::rollback()
{
    QFETCH(QString, from);
    QFETCH(QString, id);
    QFETCH(int, expected);
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    QString base;
    for (int n = 1; n <= 3; ++n) {
        SiteContent site = kSiteOne;
        site[u"index.html"_s] = "<h1>Home " + QByteArray::number(n) + "</h1>\n";
        auto r = f.publish(store, n, base, site, n == 1 ? QStringList() : QStringList{u"index.html"_s}, 10);
        QVERIFY2(r, qPrintable(r.errorString()));
        base = r->id;
    }
    if (!from.isEmpty()) {
        auto r = store.rollback(from);
        QVERIFY2(r, qPrintable(r.errorString()));
    }
    const QString before = store.currentId();

    auto r = store.rollback(id);
    if (expected == 0) {
        QVERIFY(!r);
        QVERIFY(!r.errorString().isEmpty());
        if (!id.isEmpty())
            QVERIFY2(r.errorString().contains(id), qPrintable(r.errorString()));
        QCOMPARE(store.currentId(), before);
        QCOMPARE(linkTarget(f.current()), u"releases/"_s + before);
    } else {
        QVERIFY2(r, qPrintable(r.errorString()));
        QCOMPARE(r->id, idFor(expected));
        QCOMPARE(r->number, qint64(expected));
        QVERIFY(r->current);
        QCOMPARE(store.currentId(), idFor(expected));
        QVERIFY(isSymlink(f.current()));
        QCOMPARE(linkTarget(f.current()), u"releases/"_s + idFor(expected));
        QCOMPARE(readAll(f.current() + u"/index.html"_s), "<h1>Home " + QByteArray::number(expected) + "</h1>\n");
    }
    // A rollback removes nothing and leaves no temporary link.
    QCOMPARE(entries(f.releasesDir()), (QStringList{idFor(1), idFor(2), idFor(3)}));
    QCOMPARE(entries(f.siteDir()), (QStringList{u".lock"_s, u"current"_s, u"objects"_s, u"releases"_s}));
    auto listed = store.releases();
    QVERIFY2(listed, qPrintable(listed.errorString()));
    QCOMPARE(currentsOf(*listed), QStringList{store.currentId()});
}

void tst_Release::rollbackWithOneRelease()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();

    auto none = store.rollback(QString());
    QVERIFY(!none);
    QVERIFY(!none.errorString().isEmpty());
    QCOMPARE(store.currentId(), QString());

    auto first = f.publish(store, 1, QString(), kSiteOne);
    QVERIFY2(first, qPrintable(first.errorString()));
    auto r = store.rollback(QString());
    QVERIFY(!r);
    QVERIFY2(r.errorString().contains(u"no release older"_s), qPrintable(r.errorString()));
    QCOMPARE(store.currentId(), first->id);
    QCOMPARE(linkTarget(f.current()), u"releases/"_s + first->id);
}

void tst_Release::droppedReleaseLeavesNothing()
{
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    const QString sha = f.addAttachment("attachment bytes");
    QVERIFY(!sha.isEmpty());
    {
        auto pending = store.begin(commitFor(1), nowFor(1), f.attachmentPath());
        QVERIFY2(pending, qPrintable(pending.errorString()));
        PendingRelease release = std::move(pending).value();
        QCOMPARE(release.write(SiteFile{u"index.html"_s, "<h1>Home</h1>\n", QString()}), QString());
        QCOMPARE(release.write(SiteFile{u"deep/er/page.html"_s, "<p>deep</p>\n", QString()}), QString());
        QCOMPARE(release.write(SiteFile{u"files/a.pdf"_s, QByteArray(), sha}), QString());
        QCOMPARE(entries(f.releasesDir()), QStringList{u".building-"_s + release.id()});
        QVERIFY(!siteLockIsFree(f.siteDir()));
    }
    QCOMPARE(entries(f.releasesDir()), QStringList());
    QVERIFY(!QFileInfo::exists(f.current()));
    QCOMPARE(store.currentId(), QString());
    QVERIFY(siteLockIsFree(f.siteDir()));
    QCOMPARE(entries(f.siteDir() + u"/objects"_s), QStringList()); // nor its folders
    // The attachment store keeps its file.
    QCOMPARE(readAll(f.attachmentPath()(sha)), "attachment bytes");

    // And the site is usable: the next release takes the first number.
    auto first = f.publish(store, 1, QString(), kSiteOne);
    QVERIFY2(first, qPrintable(first.errorString()));
    QCOMPARE(first->id, idFor(1));
}

void tst_Release::openRemovesHalfBuiltReleases()
{
    Fixture f;
    QVERIFY(f.ok());
    {
        auto opened = ReleaseStore::open(f.siteDir());
        QVERIFY2(opened, qPrintable(opened.errorString()));
        ReleaseStore store = std::move(opened).value();
        auto first = f.publish(store, 1, QString(), kSiteOne);
        QVERIFY2(first, qPrintable(first.errorString()));
    }
    // What a crash in the middle of a release leaves.
    const QString leftover = f.releasesDir() + u"/.building-"_s + idFor(2);
    QVERIFY(writeFile(leftover + u"/index.html"_s, "<h1>Half</h1>\n"));
    QVERIFY(writeFile(leftover + u"/deep/er/page.html"_s, "<p>half</p>\n"));
    QVERIFY(QDir().mkpath(f.releasesDir() + u"/.building-000003-20261202T142433Z-"_s));
    QVERIFY(writeFile(f.siteDir() + u"/objects/000002.0/page.html"_s, "<p>half</p>\n"));
    QCOMPARE(entries(f.releasesDir()).size(), 3);
    QVERIFY(objectsProblem(f.siteDir()).contains(u"000002.0 is used by no release"_s));

    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    QCOMPARE(entries(f.releasesDir()), QStringList{idFor(1)});
    QCOMPARE(store.currentId(), idFor(1));
    QCOMPARE(objectsProblem(f.siteDir()), QString());
    for (auto it = kSiteOne.cbegin(); it != kSiteOne.cend(); ++it)
        QCOMPARE(readAll(f.current() + u'/' + it.key()), it.value());
    auto listed = store.releases();
    QVERIFY2(listed, qPrintable(listed.errorString()));
    QCOMPARE(idsOf(*listed), QStringList{idFor(1)});

    // A site that does not exist yet is made.
    auto fresh = ReleaseStore::open(f.root() + u"/new/site"_s);
    QVERIFY2(fresh, qPrintable(fresh.errorString()));
    QVERIFY(QFileInfo(f.root() + u"/new/site/releases"_s).isDir());
    QCOMPARE(fresh->currentId(), QString());
}

void tst_Release::unsafePathsAreRefused_data()
{
    QTest::addColumn<QString>("path"); // "<root>" is the temporary folder

    QTest::newRow("parent") << u"../x"_s;
    QTest::newRow("parent of the site") << u"../../x"_s;
    QTest::newRow("absolute") << u"<root>/abs.html"_s;
    QTest::newRow("absolute root") << u"/abs"_s;
    QTest::newRow("parent inside") << u"a/../b"_s;
    QTest::newRow("parent at the end") << u"a/.."_s;
    QTest::newRow("empty segment") << u"a//b"_s;
    QTest::newRow("dot segment") << u"./a"_s;
    QTest::newRow("trailing slash") << u"a/"_s;
    QTest::newRow("dot dot") << u".."_s;
    QTest::newRow("empty") << QString();
}

void tst_Release::unsafePathsAreRefused()
{
    QFETCH(QString, path);
    Fixture f;
    QVERIFY(f.ok());
    path.replace(u"<root>"_s, f.root());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();
    const QString sha = f.addAttachment("attachment bytes");
    QVERIFY(!sha.isEmpty());

    auto pending = store.begin(commitFor(1), nowFor(1), f.attachmentPath());
    QVERIFY2(pending, qPrintable(pending.errorString()));
    PendingRelease release = std::move(pending).value();
    const QStringList before = tree(f.root());
    QVERIFY(!release.write(SiteFile{path, "<script>evil()</script>\n", QString()}).isEmpty());
    QVERIFY(!release.write(SiteFile{path, QByteArray(), sha}).isEmpty());
    QCOMPARE(tree(f.root()), before);
    QCOMPARE(tree(f.releasesDir() + u"/.building-"_s + release.id()), QStringList());
    if (path.startsWith(u'/'))
        QVERIFY(!QFileInfo::exists(path));

    // The refused path is not taken as written: committing it asks the base for it.
    QCOMPARE(release.write(SiteFile{u"index.html"_s, "<h1>Home</h1>\n", QString()}), QString());
    auto committed = release.commit(QString(), {{u"index.html"_s, "a"}}, {}, f.assetsDir());
    QVERIFY2(committed, qPrintable(committed.errorString()));
    QStringList written = tree(f.current());
    written.removeIf([](const QString &p) { return p.startsWith(u"assets"_s) || p == u".carta-dirs"_s; });
    QCOMPARE(written, QStringList{u"index.html"_s});
}

void tst_Release::readerNeverSeesATornOrOlderFile()
{
    constexpr int kReleases = 40;
    Fixture f;
    QVERIFY(f.ok());
    auto opened = ReleaseStore::open(f.siteDir());
    QVERIFY2(opened, qPrintable(opened.errorString()));
    ReleaseStore store = std::move(opened).value();

    QList<QByteArray> versions(kReleases + 1);
    for (int n = 1; n <= kReleases; ++n)
        versions[n] = versionBytes(n);
    auto siteAt = [&versions](int n) {
        return SiteContent{{u"index.html"_s, versions.at(n)},
                           {u"news/latest/index.html"_s, versions.at(n)},
                           {u"about/index.html"_s, "<h1>About</h1>\n"}};
    };
    auto first = f.publish(store, 1, QString(), siteAt(1), {}, 3);
    QVERIFY2(first, qPrintable(first.errorString()));

    // The reader: only std and POSIX calls, its findings checked once it has stopped.
    struct Findings
    {
        int reads = 0;
        int distinct = 0;
        int last = 0;
        QStringList problems;
    } found;
    std::atomic<bool> stop = false;
    // A page two folder links down: each release makes new objects for its folders.
    const QByteArray index = QFile::encodeName(f.current() + u"/news/latest/index.html"_s);
    std::thread reader([&found, &stop, &versions, index] {
        const QDeadlineTimer deadline(std::chrono::seconds(120));
        QByteArray bytes;
        char buffer[64 * 1024];
        while (!stop.load() && !deadline.hasExpired() && found.problems.size() < 10) {
            const int fd = ::open(index.constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                found.problems.append(u"cannot open current/news/latest/index.html: errno %1"_s.arg(errno));
                continue;
            }
            bytes.clear();
            ssize_t n = 0;
            while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
                bytes.append(buffer, n);
            ::close(fd);
            if (n < 0) {
                found.problems.append(u"cannot read current/news/latest/index.html: errno %1"_s.arg(errno));
                continue;
            }
            ++found.reads;
            const qsizetype eol = bytes.indexOf('\n');
            bool number = false;
            const int version = bytes.startsWith("release ") && eol > 8 ? bytes.mid(8, eol - 8).toInt(&number) : 0;
            if (!number || version < 1 || version > kReleases || bytes != versions.at(version)) {
                found.problems.append(u"read %1: a torn or unknown file of %2 bytes starting %3 and ending %4"_s
                                          .arg(found.reads)
                                          .arg(bytes.size())
                                          .arg(QString::fromLatin1(bytes.left(16)),
                                               QString::fromLatin1(bytes.right(16))));
                continue;
            }
            if (version < found.last)
                found.problems.append(u"read %1: version %2 after %3"_s.arg(found.reads).arg(version).arg(found.last));
            if (version != found.last)
                ++found.distinct;
            found.last = version;
            if (version == kReleases)
                break;
        }
    });

    QString failure;
    for (int n = 2; n <= kReleases && failure.isEmpty(); ++n) {
        auto r = f.publish(store, n, idFor(n - 1), siteAt(n), {u"index.html"_s, u"news/latest/index.html"_s}, 3);
        if (!r)
            failure = u"release %1: %2"_s.arg(n).arg(r.errorString());
    }
    if (!failure.isEmpty())
        stop = true;
    reader.join();

    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY2(found.problems.isEmpty(), qPrintable(found.problems.join(u'\n')));
    QCOMPARE(found.last, kReleases);
    QVERIFY2(found.reads > 20, qPrintable(u"only %1 reads"_s.arg(found.reads)));
    qInfo("%d reads saw %d versions", found.reads, found.distinct);
    QCOMPARE(store.currentId(), idFor(kReleases));
    QCOMPARE(entries(f.releasesDir()), (QStringList{idFor(kReleases - 2), idFor(kReleases - 1), idFor(kReleases)}));
    QCOMPARE(objectsProblem(f.siteDir()), QString());
}

void tst_Release::parseReleaseId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("number");
    QTest::addColumn<QDateTime>("created");
    QTest::addColumn<QString>("liveCommit");

    const QDateTime created(QDate(2026, 12, 2), QTime(14, 22, 33), QTimeZone::utc());
    QTest::newRow("typical") << u"000042-20261202T142233Z-1a2b3c4d5e6f"_s << true << qint64(42) << created
                             << u"1a2b3c4d5e6f"_s;
    QTest::newRow("first") << u"000001-20261202T142233Z-1a2b3c4d5e6f"_s << true << qint64(1) << created
                           << u"1a2b3c4d5e6f"_s;
    QTest::newRow("seven digits") << u"1234567-20261202T142233Z-1a2b3c4d5e6f"_s << true << qint64(1234567) << created
                                  << u"1a2b3c4d5e6f"_s;
    QTest::newRow("whole commit") << u"000042-20261202T142233Z-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"_s << true
                                  << qint64(42) << created << u"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"_s;
    QTest::newRow("no commit") << u"000042-20261202T142233Z-"_s << true << qint64(42) << created << QString();
    QTest::newRow("leap day") << u"000042-20280229T000000Z-abc"_s << true << qint64(42)
                              << QDateTime(QDate(2028, 2, 29), QTime(0, 0), QTimeZone::utc()) << u"abc"_s;
    QTest::newRow("end of the year") << u"000042-20261231T235959Z-abc"_s << true << qint64(42)
                                     << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), QTimeZone::utc())
                                     << u"abc"_s;

    const auto bad = [](const char *name, const QString &id) {
        QTest::newRow(name) << id << false << qint64(0) << QDateTime() << QString();
    };
    bad("empty", QString());
    bad("five digits", u"00042-20261202T142233Z-1a2b3c4d5e6f"_s);
    bad("no number", u"-20261202T142233Z-1a2b3c4d5e6f"_s);
    bad("signed number", u"+00042-20261202T142233Z-1a2b3c4d5e6f"_s);
    bad("no commit part", u"000042-20261202T142233Z"_s);
    bad("no time", u"000042--1a2b3c4d5e6f"_s);
    bad("time without Z", u"000042-20261202T142233-1a2b3c4d5e6f"_s);
    bad("lower-case t and z", u"000042-20261202t142233z-1a2b3c4d5e6f"_s);
    bad("time with separators", u"000042-2026-12-02T14:22:33Z-1a2b3c4d5e6f"_s);
    bad("upper-case commit", u"000042-20261202T142233Z-1A2B3C4D5E6F"_s);
    bad("not hex", u"000042-20261202T142233Z-1a2b3c4d5e6g"_s);
    bad("41 hex", u"000042-20261202T142233Z-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1"_s);
    bad("trailing text", u"000042-20261202T142233Z-1a2b3c4d5e6f.old"_s);
    bad("leading space", u" 000042-20261202T142233Z-1a2b3c4d5e6f"_s);
    bad("trailing newline", u"000042-20261202T142233Z-1a2b3c4d5e6f\n"_s);
    bad("half-built", u".building-000042-20261202T142233Z-1a2b3c4d5e6f"_s);
    bad("arabic-indic digits", u"\u0660\u0660\u0660\u0660\u0664\u0662-20261202T142233Z-1a2b3c4d5e6f"_s);
    bad("fullwidth digits", u"\uff10\uff10\uff10\uff10\uff14\uff12-20261202T142233Z-1a2b3c4d5e6f"_s);
    // The right shape but no such time: an id is either whole or not one.
    bad("month 13", u"000042-20261302T142233Z-1a2b3c4d5e6f"_s);
    bad("30 February", u"000042-20260230T142233Z-1a2b3c4d5e6f"_s);
    bad("hour 24", u"000042-20261202T242233Z-1a2b3c4d5e6f"_s);
    bad("second 60", u"000042-20261202T142260Z-1a2b3c4d5e6f"_s);
}

void tst_Release::parseReleaseId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QFETCH(qint64, number);
    QFETCH(QDateTime, created);
    QFETCH(QString, liveCommit);

    const std::optional<ReleaseInfo> info = site::parseReleaseId(id);
    if (!valid) {
        if (info) {
            QFAIL(qPrintable(u"parsed as number %1, created %2 (valid: %3)"_s.arg(info->number)
                                 .arg(info->created.toString(Qt::ISODate))
                                 .arg(info->created.isValid())));
        }
        return;
    }
    QVERIFY(info);
    QCOMPARE(info->id, id);
    QCOMPARE(info->number, number);
    QVERIFY(info->created.isValid());
    QCOMPARE(info->created, created);
    QCOMPARE(info->created.offsetFromUtc(), 0);
    QCOMPARE(info->liveCommit, liveCommit);
    QVERIFY(!info->current);
}

// The time in an id is UTC; the server's own zone must not change what it reads, even at
// an hour its clocks skip.
void tst_Release::parseReleaseIdWhateverTheTimeZone()
{
    const QByteArray saved = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    const auto restore = qScopeGuard([&] {
        if (hadTz)
            qputenv("TZ", saved);
        else
            qunsetenv("TZ");
        ::tzset();
    });
    struct Case
    {
        const char *zone;
        int julyOffset; // seconds ahead of UTC at noon on 1 July 2026: shows the zone is in use
        QString id;
        QDateTime created;
    };
    const QList<Case> cases = {
        // London's clocks go from 01:00 to 02:00 on 29 March 2026.
        {"Europe/London", 3600, u"000007-20260329T013000Z-abc"_s, QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone::utc())},
        // And from 02:00 back to 01:00 on 25 October 2026.
        {"Europe/London", 3600, u"000008-20261025T013000Z-abc"_s, QDateTime(QDate(2026, 10, 25), QTime(1, 30), QTimeZone::utc())},
        {"Europe/London", 3600, u"000009-20260701T120000Z-abc"_s, QDateTime(QDate(2026, 7, 1), QTime(12, 0), QTimeZone::utc())},
        // New York's skip 02:00 to 03:00 on 8 March 2026.
        {"America/New_York", -4 * 3600, u"000010-20260308T023000Z-abc"_s, QDateTime(QDate(2026, 3, 8), QTime(2, 30), QTimeZone::utc())},
        {"Pacific/Auckland", 12 * 3600, u"000011-20260927T023000Z-abc"_s, QDateTime(QDate(2026, 9, 27), QTime(2, 30), QTimeZone::utc())},
    };
    for (const Case &c : cases) {
        qputenv("TZ", c.zone);
        ::tzset();
        QCOMPARE(QDateTime(QDate(2026, 7, 1), QTime(12, 0)).offsetFromUtc(), c.julyOffset);
        const std::optional<ReleaseInfo> info = site::parseReleaseId(c.id);
        QVERIFY2(info, qPrintable(c.id));
        QVERIFY2(info->created.isValid(), qPrintable(u"%1 in %2: invalid time"_s.arg(c.id, QString::fromLatin1(c.zone))));
        QVERIFY2(info->created == c.created,
                 qPrintable(u"%1 in %2: %3"_s.arg(c.id, QString::fromLatin1(c.zone), info->created.toString(Qt::ISODate))));
    }
}

QTEST_APPLESS_MAIN(tst_Release)

#include "tst_release.moc"
