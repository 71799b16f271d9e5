// The server's content store: one git repository (libgit2) with branches `content` and
// `live`; commits built with tree builders, their objects gathered in memory and written as
// one pack, ref updates as compare-and-swap, pack and ref fsynced before a commit is
// reported done.
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct git_repository;
struct git_odb_backend;
struct git_oid;

namespace carta::syncserver {

using model::Done;
using model::Issue;
using model::Result;

struct FileWrite
{
    QString path;                    // e.g. content/pathway/9f/9f1c….json; no "..", no leading /
    std::optional<QByteArray> bytes; // nullopt deletes the file
};

struct Signature
{
    QString name;
    QString email;
    QDateTime when;
};

struct HistoryEntry
{
    QString commit;
    QString blob; // the file's blob id in that commit; empty where it was deleted
    QString authorName;
    QString authorEmail;
    QDateTime when;
    QString message;
};

class GitStore
{
public:
    ~GitStore();
    GitStore(const GitStore &) = delete;
    GitStore &operator=(const GitStore &) = delete;

    // Opens the bare repository at path, creating it when create is true and it does not exist.
    [[nodiscard]] static Result<std::unique_ptr<GitStore>> open(const QString &path, bool create);

    [[nodiscard]] QString path() const { return m_path; }

    // The tip commit id of a branch ("content", "live"); empty when the branch has no commit.
    [[nodiscard]] Result<QString> tip(const QString &branch) const;

    // One commit on branch with the writes applied to its tip, which must still be
    // expectedTip (empty: the branch must not exist yet). Returns the new commit id, once
    // objects and ref are durable. Nothing changes when any step fails.
    [[nodiscard]] Result<QString> commit(const QString &branch, const QList<FileWrite> &writes, const Signature &author,
                                         const QString &message, const QString &expectedTip);

    // Group commit, in two steps. stage() builds a commit on `parent` (a commit id, or
    // empty for a first commit) with its objects in memory only, and returns its id; staged
    // commits can be chained and are readable like any other. flush() writes every staged
    // object into one pack (fsynced) and then moves each branch named in `moves` from its
    // expected tip to its new one (compare-and-swap, fsynced). discardStaged() forgets what
    // was staged. commit() is stage() then flush() of one commit.
    [[nodiscard]] Result<QString> stage(const QList<FileWrite> &writes, const Signature &author, const QString &message,
                                        const QString &parent);
    struct BranchMove
    {
        QString branch;
        QString expectedTip; // empty: the branch must not exist yet
        QString newTip;
    };
    [[nodiscard]] Result<Done> flush(const QList<BranchMove> &moves);
    void discardStaged();

    // A file's bytes at a branch or commit id; nullopt when the file is not there.
    [[nodiscard]] Result<std::optional<QByteArray>> readFile(const QString &revision, const QString &path) const;
    [[nodiscard]] Result<QString> blobIdAt(const QString &revision, const QString &path) const; // empty when absent
    [[nodiscard]] Result<QByteArray> readBlob(const QString &blobId) const;

    // Every file under a folder at a revision: (path, blob id), in path order.
    [[nodiscard]] Result<QList<std::pair<QString, QString>>> listFiles(const QString &revision, const QString &folder) const;
    // The files under `folder` that differ between two revisions: path -> blob id at `to`
    // (empty when `to` lacks it). Costs what changed: identical subtrees are skipped.
    [[nodiscard]] Result<QList<std::pair<QString, QString>>> changedFiles(const QString &from, const QString &to,
                                                                          const QString &folder) const;

    // Turns fsync of objects and refs off (bulk imports, followed by pack() and a sync of the
    // file system) or on (the default).
    static void setDurableWrites(bool durable);

    // Commits of a branch that changed a file, newest first.
    [[nodiscard]] Result<QList<HistoryEntry>> history(const QString &branch, const QString &path, int limit = 1000) const;

    // Packs every object reachable from the branches into one pack and removes loose objects.
    [[nodiscard]] Result<Done> pack();

    // Every commit adds a small pack; this merges the smallest ones (each next pack at most
    // twice the objects gathered so far) into one and removes them. Returns how many packs
    // were merged (0 or at least 2). Cheap enough to run while serving.
    [[nodiscard]] Result<int> mergeSmallPacks();
    // Packs written by commits since the last mergeSmallPacks() or resetPacksWritten().
    [[nodiscard]] int packsWritten() const { return m_packsWritten; }
    void resetPacksWritten() { m_packsWritten = 0; }

    // Counts loose objects (the maintenance measure for pack()).
    [[nodiscard]] qsizetype looseObjectCount() const;

private:
    explicit GitStore(git_repository *repo, git_odb_backend *mempack, QString path);
    [[nodiscard]] Result<Done> writeStagedObjects();
    git_repository *m_repo;
    git_odb_backend *m_mempack; // owned by the repository's object database
    bool m_staged = false;      // objects wait in m_mempack
    std::vector<git_oid> m_stagedObjects; // what stage() wrote (some were on disk already)
    int m_packsWritten = 0;
    QString m_path;
};

// Checks a repository path for a file: relative, "/"-separated, no empty, "." or ".." parts.
[[nodiscard]] bool isSafeRepositoryPath(const QString &path);

} // namespace carta::syncserver
