// libgit2-backed content store.
#include "gitstore.h"
#include "packwriter.h"

#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTimeZone>

#include <cstring>
#include <functional>

#include <map>
#include <mutex>

namespace carta::syncserver {

namespace {

template<typename T, void (*Free)(T *)>
struct GitDeleter
{
    void operator()(T *p) const { Free(p); }
};
template<typename T, void (*Free)(T *)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, Free>>;

using TreePtr = GitPtr<git_tree, git_tree_free>;
using TreeBuilderPtr = GitPtr<git_treebuilder, git_treebuilder_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using ReferencePtr = GitPtr<git_reference, git_reference_free>;
using SignaturePtr = GitPtr<git_signature, git_signature_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using RevwalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using PackBuilderPtr = GitPtr<git_packbuilder, git_packbuilder_free>;
using TreeEntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;

// libgit2 keeps its last error per thread: read it at once, next to the call that failed.
Issue gitIssue(const QString &what)
{
    const git_error *e = git_error_last();
    return Issue{QStringLiteral("git"), what + QStringLiteral(": ") +
                                            (e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error"))};
}

void initLibgit2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        // Every object, pack and ref written is fsynced: a commit reported done survives a crash.
        git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
    });
}

QString oidString(const git_oid &oid)
{
    char buffer[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

QByteArray refName(const QString &branch)
{
    return QByteArrayLiteral("refs/heads/") + branch.toUtf8();
}

struct PendingFile
{
    QByteArray name;
    std::optional<QByteArray> bytes;
};

// Writes a new tree from base with the writes applied (paths relative to this tree).
// Returns nullopt in *out when the tree ends up empty (the caller removes it). Every blob and
// tree written is added to *written.
int buildTree(git_repository *repo, const git_tree *base, const QList<std::pair<QStringList, const FileWrite *>> &writes,
              std::optional<git_oid> &out, std::vector<git_oid> *written)
{
    git_treebuilder *raw = nullptr;
    if (int rc = git_treebuilder_new(&raw, repo, base); rc < 0)
        return rc;
    TreeBuilderPtr builder(raw);

    std::map<QString, QList<std::pair<QStringList, const FileWrite *>>> subdirs;
    for (const auto &[parts, write] : writes) {
        if (parts.size() == 1) {
            const QByteArray name = parts.first().toUtf8();
            if (write->bytes) {
                git_oid blob;
                if (int rc = git_blob_create_from_buffer(&blob, repo, write->bytes->constData(), size_t(write->bytes->size())); rc < 0)
                    return rc;
                written->push_back(blob);
                if (int rc = git_treebuilder_insert(nullptr, builder.get(), name.constData(), &blob, GIT_FILEMODE_BLOB); rc < 0)
                    return rc;
            } else if (git_treebuilder_get(builder.get(), name.constData())) {
                if (int rc = git_treebuilder_remove(builder.get(), name.constData()); rc < 0)
                    return rc;
            }
        } else {
            subdirs[parts.first()].append({parts.mid(1), write});
        }
    }
    for (const auto &[dir, subWrites] : subdirs) {
        const QByteArray name = dir.toUtf8();
        TreePtr subBase;
        if (const git_tree_entry *entry = git_treebuilder_get(builder.get(), name.constData());
            entry && git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
            git_tree *t = nullptr;
            if (int rc = git_tree_lookup(&t, repo, git_tree_entry_id(entry)); rc < 0)
                return rc;
            subBase.reset(t);
        }
        std::optional<git_oid> sub;
        if (int rc = buildTree(repo, subBase.get(), subWrites, sub, written); rc < 0)
            return rc;
        if (sub) {
            if (int rc = git_treebuilder_insert(nullptr, builder.get(), name.constData(), &*sub, GIT_FILEMODE_TREE); rc < 0)
                return rc;
        } else if (git_treebuilder_get(builder.get(), name.constData())) {
            if (int rc = git_treebuilder_remove(builder.get(), name.constData()); rc < 0)
                return rc;
        }
    }
    if (git_treebuilder_entrycount(builder.get()) == 0) {
        out.reset();
        return 0;
    }
    git_oid id;
    if (int rc = git_treebuilder_write(&id, builder.get()); rc < 0)
        return rc;
    written->push_back(id);
    out = id;
    return 0;
}

} // namespace

bool isSafeRepositoryPath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')) || path.contains(QChar(0)))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QStringLiteral(".") || part == QStringLiteral("..") || part == QStringLiteral(".git"))
            return false;
    }
    return true;
}

namespace {
Result<QString> writePack(git_repository *repo, const std::vector<git_oid> &objects);
} // namespace

GitStore::GitStore(git_repository *repo, git_odb_backend *mempack, QString path)
    : m_repo(repo), m_mempack(mempack), m_path(std::move(path))
{
}

namespace {

// New objects go to memory first (a mempack backend above the repository's own), so a
// commit writes one pack file instead of a loose file per object.
Result<std::unique_ptr<GitStore>> withMempack(git_repository *repo, const QString &path,
                                               const std::function<std::unique_ptr<GitStore>(git_repository *, git_odb_backend *)> &make)
{
    git_odb *odb = nullptr;
    git_odb_backend *mempack = nullptr;
    if (git_repository_odb(&odb, repo) < 0 || git_mempack_new(&mempack) < 0 || git_odb_add_backend(odb, mempack, 999) < 0) {
        Issue issue = gitIssue(QStringLiteral("cannot set up the object store of %1").arg(path));
        git_odb_free(odb);
        git_repository_free(repo);
        return issue;
    }
    git_odb_free(odb);
    return make(repo, mempack);
}

} // namespace

GitStore::~GitStore()
{
    git_repository_free(m_repo);
}

Result<std::unique_ptr<GitStore>> GitStore::open(const QString &path, bool create)
{
    initLibgit2();
    git_repository *repo = nullptr;
    const QByteArray native = QFile::encodeName(path);
    auto make = [&path](git_repository *r, git_odb_backend *mempack) { return std::unique_ptr<GitStore>(new GitStore(r, mempack, path)); };
    if (git_repository_open_bare(&repo, native.constData()) == 0)
        return withMempack(repo, path, make);
    if (!create)
        return gitIssue(QStringLiteral("cannot open the repository at %1").arg(path));
    if (git_repository_init(&repo, native.constData(), 1) < 0)
        return gitIssue(QStringLiteral("cannot create a repository at %1").arg(path));
    // HEAD names the content branch, so `git log` in the repository shows content history.
    if (git_repository_set_head(repo, "refs/heads/content") < 0) {
        Issue issue = gitIssue(QStringLiteral("cannot point HEAD at the content branch"));
        git_repository_free(repo);
        return issue;
    }
    return withMempack(repo, path, make);
}

Result<QString> GitStore::tip(const QString &branch) const
{
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, m_repo, refName(branch).constData());
    if (rc == GIT_ENOTFOUND)
        return QString();
    if (rc < 0)
        return gitIssue(QStringLiteral("cannot read branch %1").arg(branch));
    return oidString(oid);
}

Result<QString> GitStore::commit(const QString &branch, const QList<FileWrite> &writes, const Signature &author,
                                 const QString &message, const QString &expectedTip)
{
    auto current = tip(branch);
    if (!current)
        return current.issues();
    if (current.value() != expectedTip)
        return Issue{branch, QStringLiteral("moved: expected tip %1, found %2")
                                 .arg(expectedTip.isEmpty() ? QStringLiteral("(none)") : expectedTip,
                                      current.value().isEmpty() ? QStringLiteral("(none)") : current.value())};
    auto staged = stage(writes, author, message, expectedTip);
    if (!staged)
        return staged.issues();
    if (auto r = flush({BranchMove{branch, expectedTip, staged.value()}}); !r)
        return r.issues();
    return staged.value();
}

Result<QString> GitStore::stage(const QList<FileWrite> &writes, const Signature &author, const QString &message, const QString &parentId)
{
    QList<std::pair<QStringList, const FileWrite *>> split;
    for (const FileWrite &w : writes) {
        if (!isSafeRepositoryPath(w.path))
            return Issue{w.path, QStringLiteral("is not a safe path inside the repository")};
        split.append({w.path.split(QLatin1Char('/')), &w});
    }
    // Whatever this writes is staged, even when it fails halfway: flush() or discardStaged() follows.
    m_staged = true;

    CommitPtr parent;
    TreePtr baseTree;
    git_oid parentOid;
    if (!parentId.isEmpty()) {
        git_oid_fromstr(&parentOid, parentId.toLatin1().constData());
        git_commit *c = nullptr;
        if (git_commit_lookup(&c, m_repo, &parentOid) < 0)
            return gitIssue(QStringLiteral("cannot read commit %1").arg(parentId));
        parent.reset(c);
        git_tree *t = nullptr;
        if (git_commit_tree(&t, c) < 0)
            return gitIssue(QStringLiteral("cannot read the tree of %1").arg(parentId));
        baseTree.reset(t);
    }
    std::optional<git_oid> treeOid;
    if (buildTree(m_repo, baseTree.get(), split, treeOid, &m_stagedObjects) < 0)
        return gitIssue(QStringLiteral("cannot write the tree"));
    if (!treeOid) {
        // Every file deleted: an empty root tree.
        git_treebuilder *raw = nullptr;
        git_oid empty;
        if (git_treebuilder_new(&raw, m_repo, nullptr) < 0)
            return gitIssue(QStringLiteral("cannot write the tree"));
        TreeBuilderPtr builder(raw);
        if (git_treebuilder_write(&empty, builder.get()) < 0)
            return gitIssue(QStringLiteral("cannot write the tree"));
        m_stagedObjects.push_back(empty);
        treeOid = empty;
    }
    git_tree *t = nullptr;
    if (git_tree_lookup(&t, m_repo, &*treeOid) < 0)
        return gitIssue(QStringLiteral("cannot read the new tree"));
    TreePtr tree(t);

    git_signature *rawSig = nullptr;
    const QDateTime when = author.when.isValid() ? author.when : QDateTime::currentDateTimeUtc();
    if (git_signature_new(&rawSig, author.name.toUtf8().constData(), author.email.toUtf8().constData(),
                          git_time_t(when.toSecsSinceEpoch()), when.offsetFromUtc() / 60) < 0)
        return gitIssue(QStringLiteral("invalid author"));
    SignaturePtr signature(rawSig);

    git_oid commitOid;
    const git_commit *parents[] = {parent.get()};
    QByteArray utf8Message = message.toUtf8();
    if (!utf8Message.endsWith('\n'))
        utf8Message.append('\n');
    if (git_commit_create(&commitOid, m_repo, nullptr, signature.get(), signature.get(), "UTF-8", utf8Message.constData(),
                          tree.get(), parent ? 1 : 0, parents) < 0)
        return gitIssue(QStringLiteral("cannot write the commit"));
    m_stagedObjects.push_back(commitOid);
    return oidString(commitOid);
}

namespace {

// Reads whole objects through the object database (the staged ones come from memory).
Result<std::vector<PackObject>> readObjects(git_repository *repo, const std::vector<git_oid> &ids)
{
    git_odb *raw = nullptr;
    if (git_repository_odb(&raw, repo) < 0)
        return gitIssue(QStringLiteral("cannot open the object database"));
    std::unique_ptr<git_odb, decltype(&git_odb_free)> odb(raw, git_odb_free);
    std::vector<PackObject> out;
    out.reserve(ids.size());
    for (const git_oid &id : ids) {
        git_odb_object *o = nullptr;
        if (git_odb_read(&o, odb.get(), &id) < 0)
            return gitIssue(QStringLiteral("cannot read object %1").arg(oidString(id)));
        PackObject p;
        std::memcpy(p.id.data(), id.id, 20);
        p.type = int(git_odb_object_type(o));
        p.data = QByteArray(static_cast<const char *>(git_odb_object_data(o)), qsizetype(git_odb_object_size(o)));
        git_odb_object_free(o);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

Result<Done> GitStore::writeStagedObjects()
{
    if (!m_staged)
        return Done{};
    // Only what is in memory: an object that was on disk already was not written again.
    std::vector<git_oid> ids;
    ids.reserve(m_stagedObjects.size());
    QSet<QByteArray> seen;
    for (const git_oid &o : m_stagedObjects) {
        const QByteArray key(reinterpret_cast<const char *>(o.id), GIT_OID_RAWSZ);
        if (!seen.contains(key) && m_mempack->exists(m_mempack, &o)) {
            seen.insert(key);
            ids.push_back(o);
        }
    }
    if (!ids.empty()) {
        auto objects = readObjects(m_repo, ids);
        if (!objects)
            return objects.issues();
        if (auto written = writePackFiles(m_path + QStringLiteral("/objects/pack"), objects.value()); !written)
            return written.issues();
        ++m_packsWritten;
    }
    // Only now, with the pack on disk, may the copies in memory go.
    discardStaged();
    return Done{};
}

Result<int> GitStore::mergeSmallPacks()
{
    // Geometric merging: the smallest packs, as long as each next one is at most twice the
    // objects gathered so far, become one. Each object is rewritten O(log n) times in all.
    const QDir packDir(m_path + QStringLiteral("/objects/pack"));
    struct Pack
    {
        QString name;
        quint32 count = 0;
    };
    QList<Pack> packs;
    for (const QString &file : packDir.entryList({QStringLiteral("pack-*.idx")}, QDir::Files)) {
        QFile f(packDir.filePath(file));
        QByteArray head;
        if (f.open(QIODevice::ReadOnly))
            head = f.read(8 + 256 * 4);
        if (head.size() != 8 + 256 * 4)
            continue;
        const auto *p = reinterpret_cast<const unsigned char *>(head.constData()) + 8 + 255 * 4;
        packs.append(Pack{file.chopped(4), quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3])});
    }
    std::sort(packs.begin(), packs.end(), [](const Pack &a, const Pack &b) { return a.count < b.count; });
    QList<Pack> merge;
    quint64 gathered = 0;
    for (const Pack &p : packs) {
        if (!merge.isEmpty() && p.count > 2 * gathered)
            break;
        merge.append(p);
        gathered += p.count;
    }
    m_packsWritten = 0;
    if (merge.size() < 2)
        return 0;
    std::vector<git_oid> ids;
    QSet<QByteArray> seen;
    for (const Pack &p : merge) {
        auto listed = readPackIndexIds(packDir.filePath(p.name + QStringLiteral(".idx")));
        if (!listed)
            return listed.issues();
        for (const auto &raw : listed.value()) {
            const QByteArray key(reinterpret_cast<const char *>(raw.data()), 20);
            if (seen.contains(key))
                continue;
            seen.insert(key);
            git_oid oid;
            std::memcpy(oid.id, raw.data(), 20);
            ids.push_back(oid);
        }
    }
    auto objects = readObjects(m_repo, ids);
    if (!objects)
        return objects.issues();
    auto written = writePackFiles(packDir.path(), objects.value());
    if (!written)
        return written.issues();
    // The merged packs go (index first, so no reader finds an index without its pack). A
    // reader that opened one keeps reading it; one that has not finds the objects in the new pack.
    for (const Pack &p : merge) {
        if (p.name == written.value())
            continue;
        QFile::remove(packDir.filePath(p.name + QStringLiteral(".idx")));
        QFile::remove(packDir.filePath(p.name + QStringLiteral(".pack")));
    }
    git_odb *odb = nullptr;
    if (git_repository_odb(&odb, m_repo) == 0) {
        git_odb_refresh(odb);
        git_odb_free(odb);
    }
    return int(merge.size());
}

Result<Done> GitStore::flush(const QList<BranchMove> &moves)
{
    if (auto r = writeStagedObjects(); !r) {
        discardStaged();
        return r;
    }
    for (const BranchMove &move : moves) {
        // Compare-and-swap on the branch: a concurrent writer makes this fail rather than be lost.
        git_reference *rawRef = nullptr;
        const QByteArray name = refName(move.branch);
        git_oid newOid;
        if (git_oid_fromstr(&newOid, move.newTip.toLatin1().constData()) < 0)
            return Issue{move.branch, QStringLiteral("%1 is not a commit id").arg(move.newTip)};
        git_commit *c = nullptr;
        if (git_commit_lookup(&c, m_repo, &newOid) < 0)
            return gitIssue(QStringLiteral("cannot read commit %1").arg(move.newTip));
        CommitPtr newCommit(c);
        const QByteArray log = QByteArrayLiteral("carta: ") + QByteArray(git_commit_summary(c));
        int rc;
        if (!move.expectedTip.isEmpty()) {
            git_oid expected;
            git_oid_fromstr(&expected, move.expectedTip.toLatin1().constData());
            rc = git_reference_create_matching(&rawRef, m_repo, name.constData(), &newOid, 1, &expected, log.constData());
        } else {
            rc = git_reference_create(&rawRef, m_repo, name.constData(), &newOid, 0, log.constData());
        }
        if (rc < 0)
            return gitIssue(QStringLiteral("cannot move branch %1").arg(move.branch));
        git_reference_free(rawRef);
    }
    return Done{};
}

void GitStore::discardStaged()
{
    if (m_staged)
        git_mempack_reset(m_mempack);
    m_staged = false;
    m_stagedObjects.clear();
}

namespace {

int resolveTree(git_repository *repo, const QString &revision, TreePtr &out)
{
    if (revision.isEmpty())
        return GIT_ENOTFOUND;
    git_object *obj = nullptr;
    QByteArray spec = revision.toUtf8();
    if (revision.size() != GIT_OID_HEXSZ)
        spec = refName(revision);
    const QByteArray treeSpec = spec + "^{tree}";
    if (int rc = git_revparse_single(&obj, repo, treeSpec.constData()); rc < 0)
        return rc;
    out.reset(reinterpret_cast<git_tree *>(obj));
    return 0;
}

} // namespace

void GitStore::setDurableWrites(bool durable)
{
    initLibgit2();
    git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, durable ? 1 : 0);
}

Result<QList<std::pair<QString, QString>>> GitStore::listFiles(const QString &revision, const QString &folder) const
{
    QList<std::pair<QString, QString>> out;
    TreePtr root;
    const int rc = resolveTree(m_repo, revision, root);
    if (rc == GIT_ENOTFOUND)
        return out;
    if (rc < 0)
        return gitIssue(QStringLiteral("cannot resolve %1").arg(revision));
    TreePtr start;
    if (folder.isEmpty()) {
        start = std::move(root);
    } else {
        git_tree_entry *raw = nullptr;
        const int found = git_tree_entry_bypath(&raw, root.get(), folder.toUtf8().constData());
        if (found == GIT_ENOTFOUND)
            return out;
        if (found < 0)
            return gitIssue(QStringLiteral("cannot look up %1").arg(folder));
        TreeEntryPtr entry(raw);
        if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
            return out;
        git_tree *t = nullptr;
        if (git_tree_lookup(&t, m_repo, git_tree_entry_id(entry.get())) < 0)
            return gitIssue(QStringLiteral("cannot read %1").arg(folder));
        start.reset(t);
    }
    struct Walk
    {
        QList<std::pair<QString, QString>> *out;
        QString prefix;
    } walk{&out, folder.isEmpty() ? QString() : folder + QLatin1Char('/')};
    const int walked = git_tree_walk(
        start.get(), GIT_TREEWALK_PRE,
        [](const char *folderPath, const git_tree_entry *entry, void *payload) -> int {
            auto *w = static_cast<Walk *>(payload);
            if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
                w->out->append({w->prefix + QString::fromUtf8(folderPath) + QString::fromUtf8(git_tree_entry_name(entry)),
                                oidString(*git_tree_entry_id(entry))});
            return 0;
        },
        &walk);
    if (walked < 0)
        return gitIssue(QStringLiteral("cannot list %1").arg(folder));
    return out;
}

Result<QList<std::pair<QString, QString>>> GitStore::changedFiles(const QString &from, const QString &to,
                                                                   const QString &folder) const
{
    TreePtr fromTree;
    TreePtr toTree;
    if (resolveTree(m_repo, from, fromTree) < 0)
        return gitIssue(QStringLiteral("cannot resolve %1").arg(from));
    if (resolveTree(m_repo, to, toTree) < 0)
        return gitIssue(QStringLiteral("cannot resolve %1").arg(to));
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    const QByteArray spec = folder.toUtf8() + '/';
    char *specs[] = {const_cast<char *>(spec.constData())};
    if (!folder.isEmpty()) {
        options.pathspec.strings = specs;
        options.pathspec.count = 1;
        options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH; // a prefix, not a pattern
    }
    git_diff *raw = nullptr;
    if (git_diff_tree_to_tree(&raw, m_repo, fromTree.get(), toTree.get(), &options) < 0)
        return gitIssue(QStringLiteral("cannot compare %1 with %2").arg(from, to));
    const std::unique_ptr<git_diff, decltype(&git_diff_free)> diff(raw, git_diff_free);
    QList<std::pair<QString, QString>> out;
    const size_t count = git_diff_num_deltas(diff.get());
    out.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff.get(), i);
        if (delta->status == GIT_DELTA_DELETED)
            out.append({QString::fromUtf8(delta->old_file.path), QString()});
        else
            out.append({QString::fromUtf8(delta->new_file.path), oidString(delta->new_file.id)});
    }
    return out;
}

Result<QString> GitStore::blobIdAt(const QString &revision, const QString &path) const
{
    if (!isSafeRepositoryPath(path))
        return Issue{path, QStringLiteral("is not a safe path inside the repository")};
    TreePtr tree;
    const int rc = resolveTree(m_repo, revision, tree);
    if (rc == GIT_ENOTFOUND)
        return QString();
    if (rc < 0)
        return gitIssue(QStringLiteral("cannot resolve %1").arg(revision));
    git_tree_entry *raw = nullptr;
    const int found = git_tree_entry_bypath(&raw, tree.get(), path.toUtf8().constData());
    if (found == GIT_ENOTFOUND)
        return QString();
    if (found < 0)
        return gitIssue(QStringLiteral("cannot look up %1").arg(path));
    TreeEntryPtr entry(raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
        return QString();
    return oidString(*git_tree_entry_id(entry.get()));
}

Result<QByteArray> GitStore::readBlob(const QString &blobId) const
{
    git_oid oid;
    if (blobId.size() != GIT_OID_HEXSZ || git_oid_fromstr(&oid, blobId.toLatin1().constData()) < 0)
        return Issue{blobId, QStringLiteral("is not a revision id")};
    git_blob *raw = nullptr;
    if (git_blob_lookup(&raw, m_repo, &oid) < 0)
        return gitIssue(QStringLiteral("no revision %1").arg(blobId));
    BlobPtr blob(raw);
    return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get())));
}

Result<std::optional<QByteArray>> GitStore::readFile(const QString &revision, const QString &path) const
{
    auto blob = blobIdAt(revision, path);
    if (!blob)
        return blob.issues();
    if (blob.value().isEmpty())
        return std::optional<QByteArray>();
    auto bytes = readBlob(blob.value());
    if (!bytes)
        return bytes.issues();
    return std::optional<QByteArray>(bytes.value());
}

Result<QList<HistoryEntry>> GitStore::history(const QString &branch, const QString &path, int limit) const
{
    auto head = tip(branch);
    if (!head)
        return head.issues();
    QList<HistoryEntry> out;
    if (head.value().isEmpty())
        return out;
    git_revwalk *raw = nullptr;
    if (git_revwalk_new(&raw, m_repo) < 0)
        return gitIssue(QStringLiteral("cannot walk history"));
    RevwalkPtr walk(raw);
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    if (git_revwalk_push_ref(walk.get(), refName(branch).constData()) < 0)
        return gitIssue(QStringLiteral("cannot walk %1").arg(branch));
    git_oid oid;
    while (out.size() < limit && git_revwalk_next(&oid, walk.get()) == 0) {
        git_commit *c = nullptr;
        if (git_commit_lookup(&c, m_repo, &oid) < 0)
            return gitIssue(QStringLiteral("cannot read commit"));
        CommitPtr commit(c);
        const QString id = oidString(oid);
        auto blob = blobIdAt(id, path);
        if (!blob)
            return blob.issues();
        QString parentBlob;
        if (git_commit_parentcount(c) > 0) {
            auto pb = blobIdAt(oidString(*git_commit_parent_id(c, 0)), path);
            if (!pb)
                return pb.issues();
            parentBlob = pb.value();
        }
        if (blob.value() == parentBlob)
            continue;
        const git_signature *author = git_commit_author(c);
        HistoryEntry entry;
        entry.commit = id;
        entry.blob = blob.value();
        entry.authorName = QString::fromUtf8(author->name);
        entry.authorEmail = QString::fromUtf8(author->email);
        entry.when = QDateTime::fromSecsSinceEpoch(author->when.time, QTimeZone(author->when.offset * 60));
        entry.message = QString::fromUtf8(git_commit_message(c));
        out.append(entry);
    }
    return out;
}

qsizetype GitStore::looseObjectCount() const
{
    qsizetype count = 0;
    QDirIterator it(m_path + QStringLiteral("/objects"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString dir = it.fileInfo().dir().dirName();
        if (dir.size() == 2 && it.fileName().size() == GIT_OID_HEXSZ - 2)
            ++count;
    }
    return count;
}

namespace {

// Writes the objects into one new pack (fsynced like every write); returns its name.
Result<QString> writePack(git_repository *repo, const std::vector<git_oid> &objects)
{
    git_packbuilder *rawPb = nullptr;
    if (git_packbuilder_new(&rawPb, repo) < 0)
        return gitIssue(QStringLiteral("cannot start a pack"));
    PackBuilderPtr pb(rawPb);
    for (const git_oid &o : objects)
        if (git_packbuilder_insert(pb.get(), &o, nullptr) < 0)
            return gitIssue(QStringLiteral("cannot add to the pack"));
    if (git_packbuilder_write(pb.get(), nullptr, 0, nullptr, nullptr) < 0)
        return gitIssue(QStringLiteral("cannot write the pack"));
    return QString(QStringLiteral("pack-") + QString::fromLatin1(git_packbuilder_name(pb.get())));
}

// Once a pack holds them, the loose copies go, and libgit2 looks at the packs again.
void removeLooseCopies(git_repository *repo, const QString &repoPath, const std::vector<git_oid> &objects)
{
    const QString objectsDir = repoPath + QStringLiteral("/objects/");
    for (const git_oid &o : objects) {
        const QString hex = oidString(o);
        QFile::remove(objectsDir + hex.left(2) + QLatin1Char('/') + hex.mid(2));
    }
    git_odb *odb = nullptr;
    if (git_repository_odb(&odb, repo) == 0) {
        git_odb_refresh(odb);
        git_odb_free(odb);
    }
}

} // namespace

Result<Done> GitStore::pack()
{
    // The reachable objects: commits of every branch, and their trees and blobs (each
    // tree visited once).
    QSet<QByteArray> seen;
    std::vector<git_oid> objects;
    auto add = [&](const git_oid &oid) {
        const QByteArray key(reinterpret_cast<const char *>(oid.id), GIT_OID_RAWSZ);
        if (seen.contains(key))
            return false;
        seen.insert(key);
        objects.push_back(oid);
        return true;
    };
    std::function<int(const git_oid &)> addTree = [&](const git_oid &treeId) -> int {
        if (!add(treeId))
            return 0;
        git_tree *raw = nullptr;
        if (int rc = git_tree_lookup(&raw, m_repo, &treeId); rc < 0)
            return rc;
        TreePtr tree(raw);
        for (size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
            const git_tree_entry *e = git_tree_entry_byindex(tree.get(), i);
            if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
                if (int rc = addTree(*git_tree_entry_id(e)); rc < 0)
                    return rc;
            } else {
                add(*git_tree_entry_id(e));
            }
        }
        return 0;
    };

    git_revwalk *rawWalk = nullptr;
    if (git_revwalk_new(&rawWalk, m_repo) < 0)
        return gitIssue(QStringLiteral("cannot walk history"));
    RevwalkPtr walk(rawWalk);
    if (git_revwalk_push_glob(walk.get(), "refs/heads/*") < 0)
        return gitIssue(QStringLiteral("cannot walk branches"));
    git_oid oid;
    while (git_revwalk_next(&oid, walk.get()) == 0) {
        add(oid);
        git_commit *c = nullptr;
        if (git_commit_lookup(&c, m_repo, &oid) < 0)
            return gitIssue(QStringLiteral("cannot read commit"));
        CommitPtr commit(c);
        if (addTree(*git_commit_tree_id(c)) < 0)
            return gitIssue(QStringLiteral("cannot read tree"));
    }
    if (objects.empty())
        return Done{};

    auto newPack = writePack(m_repo, objects);
    if (!newPack)
        return newPack.issues();
    // The new pack holds everything reachable: older packs and the loose copies can go.
    const QDir packDir(m_path + QStringLiteral("/objects/pack"));
    for (const QString &file : packDir.entryList({QStringLiteral("pack-*")}, QDir::Files))
        if (!file.startsWith(newPack.value()))
            QFile::remove(packDir.filePath(file));
    removeLooseCopies(m_repo, m_path, objects);
    return Done{};
}

} // namespace carta::syncserver
