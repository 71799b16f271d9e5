// The offline replica: one SQLite file (WAL) per account with every item at its latest
// local revision and the server revision it was based on, the outbox of unsent changes,
// conflicts with both sides kept, the sync cursor, and the search index. Every save is
// one durable transaction. Attachment files live beside it in a content-addressed store.
// (Qt Sql; no network: carta_sync drives it.)
#pragma once

#include "model/item.h"
#include "model/workflow.h"
#include "model/json.h"
#include "model/merge.h"
#include "model/result.h"
#include "replica/search.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <optional>

namespace carta::replica {

using model::Done;
using model::Issue;
using model::Issues;
using model::Result;

inline constexpr int kSchemaVersion = 4;

// The largest file addAttachmentFile() takes (the server's own limit may be lower).
inline constexpr qint64 kMaxAttachmentBytes = 100LL * 1024 * 1024;

// Why a replica could not be opened, so the caller can offer the right way out.
enum class OpenFailure { None, Io, Corrupt, NewerSchema };

struct LocalItem
{
    QUuid id;
    model::ItemType type = model::ItemType::Page;
    QByteArray bytes;       // latest local revision, canonical
    QString revision;       // its revision id
    QString baseRevision;   // the server revision it was made on; empty: created here, never pushed
    QByteArray baseBytes;   // that revision's bytes (the base of a three-way merge)
    QString liveRevision;   // published revision on the server, if any
    QByteArray liveBytes;   // kept when it differs from the base, so reviewers can compare offline
    bool dirty = false;     // has local changes not yet accepted by the server
    bool deleted = false;   // deleted here, delete not yet pushed
    bool conflicted = false;
    Issues pushIssues;      // why the server last refused it (rejected / forbidden)
    QString changedBy;      // who made the server's latest revision (submitted, approved...); may be empty
    QDateTime changedAt;    // when (UTC); invalid when the server did not say

    [[nodiscard]] Result<model::Item> item() const { return model::parseItem(bytes); }
};

// A change as the server's pull sends it (docs/protocol.md).
struct ServerChange
{
    qint64 seq = 0;
    QUuid id;
    bool deleted = false;
    QString revision;
    QByteArray bytes;        // canonical bytes of revision (the client recomputes the id)
    QString liveRevision;
    QByteArray liveBytes;    // when it differs from bytes
    QString changedBy;       // who made revision, and when (the feed's changed_by / changed_at)
    QDateTime changedAt;
};

// A push prepared and recorded before it is sent: a retry after a crash sends the same
// batch id with the same bytes.
struct PendingBatch
{
    QString batchId;
    QByteArray body; // the JSON request body, as sent
    QList<QUuid> items;
};

// The server's answer for one change of a batch.
struct PushResult
{
    QUuid id;
    QString status;          // accepted, conflict, rejected, forbidden
    QString revision;        // accepted: the stored revision
    QByteArray storedBytes;  // accepted: the server's bytes when they differ from what was sent
    QString serverRevision;  // conflict
    QByteArray serverBytes;  // conflict: the server's item, when visible
    Issues issues;           // rejected, forbidden
};

struct ConflictRecord
{
    QUuid id;
    QByteArray base;
    QByteArray mine;
    QByteArray theirs;        // empty when the server deleted the item
    QString theirsRevision;
    QList<model::Conflict> conflicts;
};

struct Status
{
    qint64 items = 0; // -1 when not counted (status(StatusCount::PendingOnly))
    qint64 dirty = 0;
    qint64 conflicts = 0;
    qint64 pendingBatches = 0;
    qint64 cursor = 0;
    QString lastSync; // ISO time of the last completed sync, or empty
};

// A person as GET /api/v1/me describes them ({"name", "role", "regions", "professions"});
// nullopt when the role is missing or unknown.
[[nodiscard]] std::optional<model::User> userFromJson(const model::JsonValue &json);

class Replica
{
public:
    ~Replica();
    Replica(const Replica &) = delete;
    Replica &operator=(const Replica &) = delete;

    // Opens or creates the replica file and migrates it to the current schema. On failure,
    // *failure says whether the file is corrupt or from a newer Carta (see exportOutbox()).
    [[nodiscard]] static Result<std::unique_ptr<Replica>> open(const QString &path, OpenFailure *failure = nullptr);

    // Copies every unsent local change out of a replica that may be damaged, as JSON
    // (one object per item: id, base_revision, item or deleted), best effort, without
    // opening it for writing. The way out of a corrupt or too-new replica: export, start
    // afresh, re-apply with `carta-cli edit`.
    [[nodiscard]] static Result<QByteArray> exportOutbox(const QString &path);

    [[nodiscard]] QString path() const;

    // A local edit exported from another replica (exportOutbox()), with the base it was made
    // on. bytes nullopt: a local delete.
    struct RestoredEdit
    {
        QUuid id;
        QString baseRevision;
        QByteArray baseBytes;
        std::optional<QByteArray> bytes;
    };
    // Puts the edits back, so the next sync merges each three ways like any other edit. All of
    // them or none: every edit is checked first (an issue names it by its index, "edit N"),
    // then all are stored in one transaction.
    [[nodiscard]] Result<Done> restoreEdits(const QList<RestoredEdit> &edits);

    // ---- local edits (each one durable transaction) ----
    [[nodiscard]] Result<QString> saveItem(const model::Item &item); // returns the new local revision
    [[nodiscard]] Result<Done> deleteItem(const QUuid &id);
    [[nodiscard]] Result<std::optional<LocalItem>> item(const QUuid &id) const;
    [[nodiscard]] Result<QList<LocalItem>> dirtyItems() const;
    // Counting every item reads a whole index of the file (slow from a cold disk); the
    // window's status needs only what is pending.
    enum class StatusCount { AllItems, PendingOnly };
    [[nodiscard]] Result<Status> status(StatusCount count = StatusCount::AllItems) const;

    // ---- account settings kept in the replica (server address, user name) ----
    [[nodiscard]] Result<QString> setting(const QString &key) const;
    [[nodiscard]] Result<Done> setSetting(const QString &key, const QString &value);
    // The signed-in person as the server last described them (GET /api/v1/me, stored by
    // each sync): role, regions and professions decide what the app offers. nullopt before
    // the first sync.
    [[nodiscard]] std::optional<model::User> signedInUser() const;
    [[nodiscard]] Result<Done> setSignedInUser(const model::User &user);

    // ---- sync bookkeeping (driven by carta_sync) ----
    [[nodiscard]] Result<qint64> cursor() const;
    // Applies one pulled page and moves the cursor, in one transaction. Local edits are
    // merged three ways with the server's revision; what cannot merge becomes a conflict.
    [[nodiscard]] Result<Done> applyPulled(const QList<ServerChange> &changes, qint64 cursor);
    // The batch to push next: a recorded one not yet answered, else a new one of up to
    // maxItems dirty items (not conflicted, not refused since their last edit, and not
    // naming any of heldAttachments: files the server has not got). Empty batchId:
    // nothing to push.
    [[nodiscard]] Result<PendingBatch> nextBatch(int maxItems, const QSet<QString> &heldAttachments = {});
    [[nodiscard]] Result<Done> applyPushResults(const QString &batchId, const QList<PushResult> &results);
    [[nodiscard]] Result<Done> markSynced(const QString &isoTime);

    // ---- conflicts ----
    [[nodiscard]] Result<QList<ConflictRecord>> conflicts() const;
    // Resolves with the item as the person decided; it becomes an ordinary local edit
    // based on the server's revision.
    [[nodiscard]] Result<Done> resolve(const QUuid &id, const model::Item &resolved);

    // ---- attachments ----
    // Files are stored once by SHA-256 in <replica file>.attachments/<first two hex>/<sha256>.
    // Copies the file into the store (streamed, hashed, fsynced, renamed into place) and
    // records it as waiting for upload. The result is what an item's attachments list holds.
    [[nodiscard]] Result<model::Attachment> addAttachmentFile(const QString &filePath);
    // The stored file, or empty when it is not here (not yet downloaded, or a bad name).
    [[nodiscard]] QString attachmentPath(const QString &sha256) const;
    // The store's folder; downloads are written to temporary files in it.
    [[nodiscard]] QString attachmentStore() const;
    // Stored files the server has not confirmed yet, oldest first.
    [[nodiscard]] Result<QStringList> pendingUploads() const;
    [[nodiscard]] Result<Done> markUploaded(const QString &sha256);
    // Checks a downloaded file against its hash and moves it into the store (a file
    // elsewhere is copied durably, then removed). On a mismatch nothing is stored.
    [[nodiscard]] Result<Done> storeDownloadedAttachment(const QString &sha256, const QString &tempFilePath);
    // Marks every dirty item whose latest revision names the attachment with why (as
    // push issues on item.attachments[i], until the next successful push or edit) and
    // returns their ids. For a file the server refused.
    [[nodiscard]] Result<QList<QUuid>> holdItemsNaming(const QString &sha256, const QString &why);
    // The file name that unsent changes (dirty, not conflicted or refused) give the
    // attachment; nullopt when none names it, so it need not be sent yet.
    [[nodiscard]] Result<std::optional<QString>> attachmentName(const QString &sha256) const;

    // ---- search ----
    [[nodiscard]] Result<SearchResult> search(const SearchQuery &query) const;

private:
    struct Impl;
    explicit Replica(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace carta::replica
