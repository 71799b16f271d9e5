#include "backup.h"

#include "gitstore.h"
#include "sqlite.h"

#include "model/filesync.h"

#include <git2.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace carta::syncserver {

namespace {

constexpr int kBackupFormat = 1;
const QString kRepo = QStringLiteral("repo.git");
const QString kDatabase = QStringLiteral("carta.db");
const QString kAttachments = QStringLiteral("attachments");

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

Issue gitError(const QString &where, const QString &what)
{
    const git_error *e = git_error_last();
    return Issue{where, what + QStringLiteral(": ") + (e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error"))};
}

enum class Copied { Done, Vanished };

// Copies one file to a new file (never over one), syncs it, and gives it the source's mode.
// SHA-256 of the bytes when asked. A source that is gone (a pack merged away meanwhile)
// is Vanished, not an error.
Result<Copied> copyFile(const QString &from, const QString &to, qint64 &bytes, QByteArray *sha256 = nullptr)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        if (errno == ENOENT)
            return Copied::Vanished;
        return Issue{from, QStringLiteral("cannot read: ") + errnoText()};
    }
    const auto closeIn = qScopeGuard([in] { ::close(in); });
    struct stat st = {};
    if (::fstat(in, &st) != 0)
        return Issue{from, QStringLiteral("cannot read: ") + errnoText()};
    const int out = ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 0777);
    if (out < 0)
        return Issue{to, QStringLiteral("cannot create: ") + errnoText()};
    const auto closeOut = qScopeGuard([out] { ::close(out); });
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::vector<char> buffer(1 << 20);
    while (true) {
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Issue{from, QStringLiteral("cannot read: ") + errnoText()};
        if (n == 0)
            break;
        if (sha256)
            hash.addData(QByteArrayView(buffer.data(), n));
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buffer.data() + done, size_t(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return Issue{to, QStringLiteral("cannot write: ") + errnoText()};
            done += w;
        }
        bytes += n;
    }
    if (::fsync(out) != 0)
        return Issue{to, QStringLiteral("cannot sync: ") + errnoText()};
    if (sha256)
        *sha256 = hash.result().toHex();
    return Copied::Done;
}

// The repository's packs whose index is there (a pack is whole before its index appears),
// by name without extension.
QStringList completePacks(const QString &packDir)
{
    QStringList out;
    const QStringList indexes = QDir(packDir).entryList({QStringLiteral("pack-*.idx")}, QDir::Files, QDir::Name);
    for (const QString &index : indexes)
        out.append(index.chopped(4));
    return out;
}

// Copies every pack (pack, then index) and loose object of `fromRepo` not yet in `toRepo`.
// One pass: a merge beside it may remove packs before they are copied, and a listing read
// while that happens may miss the merged pack too; the caller checks the copy and calls
// again (the merged pack is whole before the merged ones go, so a later listing has it).
Result<Done> copyObjects(const QString &fromRepo, const QString &toRepo, QSet<QString> &copied, BackupSummary &summary)
{
    const QString fromPacks = fromRepo + QStringLiteral("/objects/pack");
    const QString toPacks = toRepo + QStringLiteral("/objects/pack");
    if (!QDir().mkpath(toPacks))
        return Issue{toPacks, QStringLiteral("cannot create the folder")};
    for (const QString &pack : completePacks(fromPacks)) {
        if (copied.contains(pack))
            continue;
        const QString partial = toPacks + QLatin1Char('/') + pack + QStringLiteral(".pack");
        QFile::remove(partial); // a pack that vanished half copied in an earlier pass
        auto data = copyFile(fromPacks + QLatin1Char('/') + pack + QStringLiteral(".pack"), partial, summary.bytes);
        if (!data)
            return data.issues();
        auto index = data.value() == Copied::Vanished
                         ? Result<Copied>(Copied::Vanished)
                         : copyFile(fromPacks + QLatin1Char('/') + pack + QStringLiteral(".idx"),
                                    toPacks + QLatin1Char('/') + pack + QStringLiteral(".idx"), summary.bytes);
        if (!index)
            return index.issues();
        if (index.value() == Copied::Vanished) {
            QFile::remove(partial);
            continue;
        }
        copied.insert(pack);
        ++summary.packs;
    }
    // Loose objects, should any be there (this server writes packs only).
    QDirIterator loose(fromRepo + QStringLiteral("/objects"), QDir::Files, QDirIterator::Subdirectories);
    while (loose.hasNext()) {
        const QString path = loose.next();
        const QString relative = QDir(fromRepo).relativeFilePath(path);
        const QStringList parts = relative.split(QLatin1Char('/'));
        if (parts.size() != 3 || parts[1].size() != 2 || copied.contains(relative))
            continue;
        const QString target = toRepo + QLatin1Char('/') + relative;
        if (!QDir().mkpath(QFileInfo(target).path()))
            return Issue{target, QStringLiteral("cannot create its folder")};
        auto r = copyFile(path, target, summary.bytes);
        if (!r)
            return r.issues();
        if (r.value() == Copied::Done)
            copied.insert(relative);
    }
    return Done{};
}

// Every object the commit `tip` reaches is in `repo`: commits, trees (each once: `trees`
// holds those checked with everything under them) and blobs. Counts them.
Result<Done> checkReachable(git_repository *repo, const QString &tip, QSet<QByteArray> &trees, qint64 &objects, const QString &where)
{
    if (tip.isEmpty())
        return Done{};
    git_odb *odb = nullptr;
    if (git_repository_odb(&odb, repo) < 0)
        return gitError(where, QStringLiteral("cannot read the objects"));
    const auto freeOdb = qScopeGuard([odb] { git_odb_free(odb); });
    git_revwalk *walk = nullptr;
    if (git_revwalk_new(&walk, repo) < 0)
        return gitError(where, QStringLiteral("cannot walk the history"));
    const auto freeWalk = qScopeGuard([walk] { git_revwalk_free(walk); });
    git_oid oid;
    const QByteArray hex = tip.toLatin1();
    if (git_oid_fromstr(&oid, hex.constData()) < 0 || git_revwalk_push(walk, &oid) < 0)
        return gitError(where, QStringLiteral("commit %1 is missing").arg(tip));
    struct Walk
    {
        git_odb *odb;
        QSet<QByteArray> *trees;
        qint64 *objects;
        QString missing;
    } state{odb, &trees, &objects, QString()};
    int next = 0;
    while ((next = git_revwalk_next(&oid, walk)) == 0) {
        git_commit *commit = nullptr;
        if (git_commit_lookup(&commit, repo, &oid) < 0)
            return gitError(where, QStringLiteral("commit %1 is missing").arg(QString::fromLatin1(git_oid_tostr_s(&oid))));
        ++objects;
        git_tree *tree = nullptr;
        const int rc = git_commit_tree(&tree, commit);
        const git_oid treeId = *git_commit_tree_id(commit);
        git_commit_free(commit);
        if (rc < 0)
            return gitError(where, QStringLiteral("the tree of commit %1 is missing").arg(QString::fromLatin1(git_oid_tostr_s(&oid))));
        const auto freeTree = qScopeGuard([tree] { git_tree_free(tree); });
        const QByteArray rootKey(reinterpret_cast<const char *>(treeId.id), GIT_OID_RAWSZ);
        if (trees.contains(rootKey))
            continue;
        trees.insert(rootKey);
        ++objects;
        const int walked = git_tree_walk(tree, GIT_TREEWALK_PRE, [](const char *, const git_tree_entry *entry, void *payload) -> int {
            auto *s = static_cast<Walk *>(payload);
            const git_oid *id = git_tree_entry_id(entry);
            if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
                const QByteArray key(reinterpret_cast<const char *>(id->id), GIT_OID_RAWSZ);
                if (s->trees->contains(key))
                    return 1; // skip: checked with everything under it
                s->trees->insert(key);
            }
            ++*s->objects;
            if (!git_odb_exists(s->odb, id)) {
                s->missing = QString::fromLatin1(git_oid_tostr_s(id));
                return -1;
            }
            return 0;
        }, &state);
        if (!state.missing.isEmpty())
            return Issue{where, QStringLiteral("object %1 (reached from %2) is missing").arg(state.missing, tip)};
        if (walked < 0)
            return gitError(where, QStringLiteral("cannot walk the tree of %1").arg(QString::fromLatin1(git_oid_tostr_s(&oid))));
    }
    if (next != GIT_ITEROVER) // a parent that is not there, or one that cannot be read
        return gitError(where, QStringLiteral("cannot walk the history of %1").arg(tip));
    return Done{};
}

Result<Done> setBranch(git_repository *repo, const char *ref, const QString &tip, const QString &where)
{
    if (tip.isEmpty())
        return Done{};
    git_oid oid;
    const QByteArray hex = tip.toLatin1();
    git_reference *created = nullptr;
    if (git_oid_fromstr(&oid, hex.constData()) < 0 || git_reference_create(&created, repo, ref, &oid, 1, "carta-syncd backup") < 0)
        return gitError(where, QStringLiteral("cannot set %1 to %2").arg(QString::fromLatin1(ref), tip));
    git_reference_free(created);
    return Done{};
}

// Copies every file under `from` into `to` (made), keeping the relative paths; each
// attachment's content is checked against its name (its SHA-256).
Result<Done> copyAttachments(const QString &from, const QString &to, BackupSummary &summary)
{
    if (!QDir().mkpath(to))
        return Issue{to, QStringLiteral("cannot create the folder")};
    if (!QFileInfo(from).isDir())
        return Done{};
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    QSet<QString> folders;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(from).relativeFilePath(path);
        const QString target = to + QLatin1Char('/') + relative;
        const QString folder = QFileInfo(target).path();
        if (!folders.contains(folder)) {
            if (!QDir().mkpath(folder))
                return Issue{folder, QStringLiteral("cannot create the folder")};
            folders.insert(folder);
        }
        QByteArray sha256;
        auto r = copyFile(path, target, summary.bytes, &sha256);
        if (!r)
            return r.issues();
        if (r.value() == Copied::Vanished)
            continue;
        if (QString::fromLatin1(sha256) != QFileInfo(path).fileName())
            return Issue{QStringLiteral("attachments/") + relative,
                         QStringLiteral("its content does not match its name (SHA-256 %1): damaged on disk; `carta-syncd fsck` "
                                        "lists the items that use it").arg(QString::fromLatin1(sha256))};
        ++summary.attachments;
    }
    for (const QString &folder : std::as_const(folders))
        syncPath(folder);
    return Done{};
}

// Copies a folder tree as it is (a backup's, which nothing changes meanwhile).
Result<Done> copyTree(const QString &from, const QString &to, qint64 &bytes)
{
    if (!QDir().mkpath(to))
        return Issue{to, QStringLiteral("cannot create the folder")};
    QDirIterator it(from, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList folders{to};
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return Issue{target, QStringLiteral("cannot create the folder")};
            folders.append(target);
            continue;
        }
        auto r = copyFile(path, target, bytes);
        if (!r)
            return r.issues();
        if (r.value() == Copied::Vanished)
            return Issue{path, QStringLiteral("vanished while it was copied")};
    }
    for (const QString &folder : std::as_const(folders))
        syncPath(folder);
    return Done{};
}

} // namespace

Result<BackupSummary> backupDataFolder(const QString &dataDir, const QString &givenDestination)
{
    const QString destination = QDir::cleanPath(givenDestination); // "monday/" is "monday"
    const QString repoPath = dataDir + QLatin1Char('/') + kRepo;
    const QString dbPath = dataDir + QLatin1Char('/') + kDatabase;
    if (!QFileInfo(repoPath).isDir() || !QFileInfo(dbPath).isFile())
        return Issue{dataDir, QStringLiteral("not a Carta data folder (no repo.git or carta.db)")};
    if (QFileInfo::exists(destination))
        return Issue{destination, QStringLiteral("already exists; a backup goes into a new folder")};
    const QString partial = destination + QStringLiteral(".partial");
    if (QFileInfo::exists(partial) && !QFileInfo::exists(partial + QLatin1Char('/') + kDatabase)
        && !QFileInfo::exists(partial + QLatin1Char('/') + kRepo))
        return Issue{partial, QStringLiteral("exists and is not a backup left half made; move it away")};
    QDir(partial).removeRecursively(); // an earlier backup that stopped half way
    if (!QDir().mkpath(partial))
        return Issue{partial, QStringLiteral("cannot create the folder")};
    auto removePartial = qScopeGuard([partial] { QDir(partial).removeRecursively(); });

    BackupSummary summary;
    // 1. The database: one snapshot, read-only. Every push it records is in git already.
    if (auto r = Database::backup(dbPath, partial + QLatin1Char('/') + kDatabase); !r)
        return r.issues();
    summary.bytes += QFileInfo(partial + QLatin1Char('/') + kDatabase).size();

    // 2. The branches as they are now: at or after the commits the snapshot names.
    auto source = GitStore::open(repoPath, false); // sets libgit2 up as the server does
    if (!source)
        return source.issues();
    auto content = source.value()->tip(QStringLiteral("content"));
    auto live = source.value()->tip(QStringLiteral("live"));
    if (!content || !live)
        return Issue{repoPath, QStringLiteral("cannot read the branches: %1").arg(content ? live.errorString() : content.errorString())};
    summary.content = content.value();
    summary.live = live.value();
    source.value().reset();

    // 3. The objects: a new repository made as the server makes one, then every pack.
    const QString copyRepo = partial + QLatin1Char('/') + kRepo;
    {
        auto created = GitStore::open(copyRepo, true);
        if (!created)
            return created.issues();
    }
    QSet<QString> copied;
    git_repository *repo = nullptr;
    for (int attempt = 1;; ++attempt) {
        summary.passes = attempt;
        if (auto r = copyObjects(repoPath, copyRepo, copied, summary); !r)
            return r.issues();
        if (git_repository_open_bare(&repo, QFile::encodeName(copyRepo).constData()) < 0)
            return gitError(copyRepo, QStringLiteral("cannot open the copy"));
        summary.objects = 0;
        QSet<QByteArray> trees;
        auto contentReached = checkReachable(repo, summary.content, trees, summary.objects, copyRepo);
        auto bothReached = contentReached ? checkReachable(repo, summary.live, trees, summary.objects, copyRepo)
                                          : Result<Done>(contentReached.issues());
        if (bothReached)
            break;
        git_repository_free(repo);
        repo = nullptr;
        // Objects missing after a pass: packs were merged away under it. Another pass sees
        // the merged pack; a repository that still lacks them is damaged.
        if (attempt == 20)
            return Issue{repoPath, QStringLiteral("after %1 passes the copy still lacks objects the branches reach (%2); "
                                                  "check the repository with `git fsck`").arg(attempt).arg(bothReached.errorString())};
    }
    const auto freeRepo = qScopeGuard([repo] { git_repository_free(repo); });
    if (auto r = setBranch(repo, "refs/heads/content", summary.content, copyRepo); !r)
        return r.issues();
    if (auto r = setBranch(repo, "refs/heads/live", summary.live, copyRepo); !r)
        return r.issues();

    // 4. The attachments, each checked against its name.
    if (auto r = copyAttachments(dataDir + QLatin1Char('/') + kAttachments, partial + QLatin1Char('/') + kAttachments, summary); !r)
        return r.issues();

    // 5. The manifest, last: a folder without it is not a whole backup.
    const QByteArray manifest = QStringLiteral("%1 %2\ncreated %3\ncontent %4\nlive %5\npacks %6\nobjects %7\nattachments %8\n")
                                    .arg(QString::fromLatin1(kBackupManifest)).arg(kBackupFormat)
                                    .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), summary.content, summary.live)
                                    .arg(summary.packs).arg(summary.objects).arg(summary.attachments)
                                    .toUtf8();
    {
        QFile file(partial + QLatin1Char('/') + QString::fromLatin1(kBackupManifest));
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(manifest) != manifest.size() || !file.flush()
            || ::fsync(file.handle()) != 0)
            return Issue{file.fileName(), QStringLiteral("cannot write: ") + file.errorString()};
    }
    const QStringList written{copyRepo + QStringLiteral("/objects/pack"), copyRepo + QStringLiteral("/refs/heads"), copyRepo, partial};
    for (const QString &folder : written)
        syncPath(folder);
    if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(destination).constData()) != 0)
        return Issue{destination, QStringLiteral("cannot rename the finished backup into place: ") + errnoText()};
    removePartial.dismiss();
    syncPath(QFileInfo(destination).absolutePath());
    return summary;
}

Result<BackupSummary> restoreDataFolder(const QString &backupDir, const QString &dataDir)
{
    QFile manifestFile(backupDir + QLatin1Char('/') + QString::fromLatin1(kBackupManifest));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return Issue{backupDir, QStringLiteral("not a whole Carta backup (no %1 file)").arg(QString::fromLatin1(kBackupManifest))};
    BackupSummary summary;
    const QList<QByteArray> lines = manifestFile.readAll().split('\n');
    const QList<QByteArray> first = lines.value(0).split(' ');
    if (first.value(0) != kBackupManifest || first.size() != 2)
        return Issue{manifestFile.fileName() + QStringLiteral(":1"), QStringLiteral("not a Carta backup manifest")};
    if (first.value(1).toInt() != kBackupFormat)
        return Issue{manifestFile.fileName() + QStringLiteral(":1"),
                     QStringLiteral("backup format %1; this carta-syncd reads format %2").arg(QString::fromLatin1(first.value(1))).arg(kBackupFormat)};
    for (const QByteArray &line : lines) {
        if (line.startsWith("content "))
            summary.content = QString::fromLatin1(line.mid(8));
        else if (line.startsWith("live "))
            summary.live = QString::fromLatin1(line.mid(5));
    }
    for (const QString &part : {kRepo, kDatabase})
        if (!QFileInfo::exists(backupDir + QLatin1Char('/') + part))
            return Issue{backupDir, QStringLiteral("the backup lacks %1").arg(part)};

    // Staged inside the data folder (its parent, such as /var/lib, may not be the server
    // user's to write), then moved into place: the database last, so the folder is a data
    // folder only once everything is in.
    const QString staging = dataDir + QStringLiteral("/.restoring");
    if (QFileInfo::exists(staging) && !QDir(staging).removeRecursively())
        return Issue{staging, QStringLiteral("cannot remove what an earlier restore left")};
    QDir target(dataDir);
    const bool made = !target.exists();
    if (!made && !target.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return Issue{dataDir, QStringLiteral("the data folder is not empty; restore into a new or empty folder (move this one aside first)")};
    if (!QDir().mkpath(staging))
        return Issue{staging, QStringLiteral("cannot create the folder")};
    auto removeStaging = qScopeGuard([staging, dataDir, made] {
        QDir(staging).removeRecursively();
        if (made)
            QDir().rmdir(dataDir);
    });
    if (auto r = copyTree(backupDir + QLatin1Char('/') + kRepo, staging + QLatin1Char('/') + kRepo, summary.bytes); !r)
        return r.issues();
    if (auto r = copyFile(backupDir + QLatin1Char('/') + kDatabase, staging + QLatin1Char('/') + kDatabase, summary.bytes); !r)
        return r.issues();
    if (QFileInfo(backupDir + QLatin1Char('/') + kAttachments).isDir()) {
        if (auto r = copyTree(backupDir + QLatin1Char('/') + kAttachments, staging + QLatin1Char('/') + kAttachments, summary.bytes); !r)
            return r.issues();
    }
    syncPath(staging);
    QStringList moved;
    for (const QString &part : {kAttachments, kRepo, kDatabase}) {
        const QByteArray from = QFile::encodeName(staging + QLatin1Char('/') + part);
        const QByteArray to = QFile::encodeName(dataDir + QLatin1Char('/') + part);
        if (!QFileInfo::exists(QFile::decodeName(from)))
            continue;
        if (::rename(from.constData(), to.constData()) != 0) {
            const Issue issue{QFile::decodeName(to), QStringLiteral("cannot move the restored copy into place: ") + errnoText()};
            for (const QString &back : std::as_const(moved)) // the folder is left empty, as it was
                (void)::rename(QFile::encodeName(dataDir + QLatin1Char('/') + back).constData(),
                               QFile::encodeName(staging + QLatin1Char('/') + back).constData());
            return issue;
        }
        moved.append(part);
    }
    removeStaging.dismiss();
    QDir().rmdir(staging);
    syncPath(dataDir);
    return summary;
}

} // namespace carta::syncserver
