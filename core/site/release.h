// Releases of the public site on disk:
//
//   <site>/releases/<id>/   one complete site each, never changed once made
//   <site>/current          a symbolic link to releases/<id>: what the web server serves
//
// A release is built in a hidden folder beside the others, from the files that changed
// (SiteDelta) and hard links to the unchanged files of the release it follows, synced to
// disk, renamed into place, and then `current` is switched by renaming a new link over it:
// a reader opening a file under `current` gets it whole from one release or the other,
// never a mix. Old releases are pruned to the last N; rollback points `current` back.
// Every change holds an exclusive lock on <site>/.lock, so a rollback from the command
// line and the server's publisher never interleave.
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

    // begin(), every file of delta.written, commit(): for a delta made without a sink.
    [[nodiscard]] model::Result<ReleaseInfo> publish(const QString &base, const QHash<QString, QByteArray> &files,
                                                     const SiteDelta &delta, const QString &assetsDir,
                                                     const AttachmentPath &attachmentPath, const QString &liveCommit,
                                                     int keep, const QDateTime &now);

    // Points `current` at the release `id`, or (empty) at the newest release older than
    // the current one. Returns the release it points at now.
    [[nodiscard]] model::Result<ReleaseInfo> rollback(const QString &id);

private:
    friend class PendingRelease;
    explicit ReleaseStore(QString dir) : m_dir(std::move(dir)) {}
    [[nodiscard]] model::Result<model::Done> switchTo(const QString &id);
    [[nodiscard]] model::Result<int> prune(int keep);
    [[nodiscard]] model::Result<QList<ReleaseInfo>> releasesUnlocked() const;

    QString m_dir;
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
    // Completes the release: the files of `base` (a release id; empty for none) that are in
    // `files` but were not written are hard-linked, the site's static assets are linked from
    // assetsDir into assets/, everything is synced, the release renamed into place,
    // `current` switched to it, and the newest `keep` releases (and `current`) kept. Every
    // path in `files` must be present: when base lacks one, it fails and leaves nothing.
    [[nodiscard]] model::Result<ReleaseInfo> commit(const QString &base, const QHash<QString, QByteArray> &files,
                                                    const QString &assetsDir, int keep);

private:
    friend class ReleaseStore;
    struct State;
    explicit PendingRelease(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

[[nodiscard]] std::optional<ReleaseInfo> parseReleaseId(const QString &id);

} // namespace carta::site
