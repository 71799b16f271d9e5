// Releases of the public site on disk:
//
//   <site>/current            a symbolic link to releases/<id>: what the web server serves
//   <site>/releases/<id>/     a release's root folder: its top-level files, and a symbolic
//                             link per top-level folder into objects/
//   <site>/objects/<name>/    a folder of some release, never changed once made: its files,
//                             and a symbolic link ("../<name>") per subfolder
//   <site>/releases/<id>/.carta-dirs   the release's folders: "<object> <path>" lines, all
//                             of them or (most often) only those that differ from the
//                             release it was built on
//
// Folders are shared between releases like git's trees: a release makes a new folder
// object only for the folders a change touched (the folders of files written or removed,
// and their parents up to the root); every other folder is a link to the object the
// release it follows used. Unchanged files of a touched folder are hard links. So a publish
// costs what it changed and the size of the folders that hold it, not the site's size.
//
// A release is built in a hidden root folder beside the others, synced to disk, renamed
// into place, and then `current` is switched by renaming a new link over it: a reader
// opening a file under `current` gets it whole from one release or the other, never a
// mix. prune() removes old releases and the objects no kept release uses; rollback points
// `current` back. Every change holds an exclusive lock on <site>/.lock, so a rollback from
// the command line and the server's publisher never interleave.
#pragma once

#include "site.h"

#include "model/result.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace carta::site {

struct ReleaseInfo
{
    QString id;         // "000042-20261202T142233Z-1a2b3c4d5e6f": number, UTC time, live commit
    qint64 number = 0;
    QDateTime created;  // UTC
    QString liveCommit; // the start of the live commit it was built from
    bool current = false;
};

class PendingRelease;

class ReleaseStore
{
public:
    // The path of an attachment's bytes in the server's store, by SHA-256.
    using AttachmentPath = std::function<QString(const QString &sha256)>;

    // Creates <site> and <site>/releases when missing; removes half-built releases a crash left.
    [[nodiscard]] static model::Result<ReleaseStore> open(const QString &siteDir);

    [[nodiscard]] QString path() const { return m_dir; }

    // Every release, oldest first.
    [[nodiscard]] model::Result<QList<ReleaseInfo>> releases() const;
    // The release `current` points at; empty when there is none yet.
    [[nodiscard]] QString currentId() const;

    // Starts a release built from `liveCommit`; holds the site's lock until it is
    // committed or dropped (a dropped release leaves nothing behind).
    [[nodiscard]] model::Result<PendingRelease> begin(const QString &liveCommit, const QDateTime &now,
                                                      AttachmentPath attachmentPath);

    // begin(), every file of delta.written, commit(), prune(keep): for a delta made without a sink.
    [[nodiscard]] model::Result<ReleaseInfo> publish(const QString &base, const QHash<QString, QByteArray> &files,
                                                     const SiteDelta &delta, const QString &assetsDir,
                                                     const AttachmentPath &attachmentPath, const QString &liveCommit,
                                                     int keep, const QDateTime &now);

    // Removes all but the newest `keep` releases (never `current`), and every folder object
    // no remaining release uses. Returns how many releases it removed.
    [[nodiscard]] model::Result<int> prune(int keep);

    // Points `current` at the release `id`, or (empty) at the newest release older than
    // the current one. Returns the release it points at now.
    [[nodiscard]] model::Result<ReleaseInfo> rollback(const QString &id);

private:
    friend class PendingRelease;
    struct Tree;
    explicit ReleaseStore(QString dir);
    [[nodiscard]] model::Result<model::Done> switchTo(const QString &id);
    [[nodiscard]] model::Result<QList<ReleaseInfo>> releasesUnlocked() const;
    // The folders of a release (from its .carta-dirs and those of the releases it builds on,
    // or the last one this store made). `previous`, when given, is a tree already read (a
    // walk from the oldest release to the newest passes each one's to the next): it is used
    // when it is the base, and its folders taken over when nothing else holds it.
    [[nodiscard]] model::Result<std::shared_ptr<const Tree>> treeOf(const QString &id,
                                                                    std::shared_ptr<const Tree> *previous = nullptr,
                                                                    int maxChain = -1) const;
    // Removes every object no release (nor a release being built) uses.
    void sweepObjects() const;

    QString m_dir;
    std::shared_ptr<std::shared_ptr<const Tree>> m_last; // the newest release this store made
};

// A release being written: files go straight into its hidden folder.
class PendingRelease
{
public:
    PendingRelease(PendingRelease &&) noexcept;
    PendingRelease &operator=(PendingRelease &&) = delete;
    ~PendingRelease();

    [[nodiscard]] QString id() const;
    // Writes one file (or links an attachment); an error message, or empty.
    [[nodiscard]] QString write(const SiteFile &file);
    // Completes the release on `base` (a release id; empty for none): the folders holding
    // written or `removed` files get new objects (unchanged files hard-linked from base),
    // every other folder is base's; with no base the site's static assets are linked from
    // assetsDir into assets/ (a release on a base keeps the base's). Everything written is
    // synced, the release renamed into place and `current` switched to it; then the site is
    // unlocked (prune() is the caller's). The release must hold exactly the paths of `files`
    // (besides assets/ and dot files): when base lacks one it fails, naming it, and leaves
    // nothing.
    [[nodiscard]] model::Result<ReleaseInfo> commit(const QString &base, const QHash<QString, QByteArray> &files,
                                                    const QStringList &removed, const QString &assetsDir);

private:
    friend class ReleaseStore;
    struct State;
    explicit PendingRelease(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

[[nodiscard]] std::optional<ReleaseInfo> parseReleaseId(const QString &id);

} // namespace carta::site
