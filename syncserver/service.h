// The sync service: Carta's API over the git content store and the bookkeeping database.
// Decides every request with carta_model's rules (validation, workflow, scope); all
// writes are serialised, and a change is acknowledged only after its commit is durable.
#pragma once

#include "gitstore.h"
#include "http.h"
#include "metrics.h"
#include "revisiontext.h"
#include "sqlite.h"

#include "model/item.h"
#include "model/json.h"
#include "model/validation.h"
#include "model/workflow.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <condition_variable>
#include <functional>
#include <map>
#include <optional>
#include <thread>
#include <memory>
#include <mutex>

namespace carta::syncserver {

struct ServiceOptions
{
    QString dataDir;                                 // holds repo.git, carta.db, attachments/, uploads/
    qint64 attachmentLimit = 200LL * 1024 * 1024;
    int maxPageSize = 1000;
    int packEveryCommits = 16;                       // each commit writes a small pack; this many are merged (0: never)
    qsizetype pullCacheBytes = 64LL * 1024 * 1024;   // revisions' JSON text kept for pulls (revisiontext.h)
    // Exclusive: this process owns the data folder (serve, gc, fsck, import): it locks the
    // folder, clears lock files a crash left in the repository and brings the database
    // level with git. Not exclusive (user and token commands): only the database is used.
    bool exclusive = true;
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    // Called (under the service's lock: keep it short) after a commit on live is durable.
    std::function<void()> liveChanged;
};

struct UserRecord
{
    QString name;  // login name, also the git author name
    QString email; // git author email
    model::Role role = model::Role::Author;
    QStringList regions;     // region slugs or "national"
    QStringList professions; // empty: all

    [[nodiscard]] model::User asUser() const { return model::User{name, role, regions, professions}; }
};

struct TokenRecord
{
    qint64 id = 0;
    QString user;
    QString label;
    QString created;
    QString revoked; // empty while valid
};

struct ImportStats
{
    qsizetype items = 0;
    qsizetype published = 0;
    qsizetype attachments = 0;
};

class SyncService
{
public:
    ~SyncService();

    // Opens the data folder; with create, makes it (repository with branches, database).
    // On open, the database is brought level with the repository if a crash left it behind.
    [[nodiscard]] static Result<std::unique_ptr<SyncService>> open(const ServiceOptions &options, bool create);

    // Administration (the carta-syncd CLI).
    [[nodiscard]] Result<Done> addUser(const UserRecord &user);
    [[nodiscard]] Result<QList<UserRecord>> users();
    [[nodiscard]] Result<QString> issueToken(const QString &user, const QString &label); // the token, shown once
    [[nodiscard]] Result<int> revokeTokens(const QString &user);                        // all tokens of a user
    [[nodiscard]] Result<Done> revokeToken(qint64 id);
    [[nodiscard]] Result<QList<TokenRecord>> tokens();
    [[nodiscard]] Result<QStringList> fsck();  // problems found; empty when all is well
    [[nodiscard]] Result<Done> gc();
    // Imports items (canonical bytes) into an empty repository as one commit on content
    // and one on live (published items), written as a pack.
    [[nodiscard]] Result<ImportStats> import(const QList<QByteArray> &items, const QHash<QString, QByteArray> &attachments,
                                             const QString &author);

    // The scheduler: publishes approved items whose publish time has come and unpublishes
    // live items whose unpublish time has come (as instants, by the options' clock), each
    // as a commit by "carta-scheduler". An item that fails validation stays approved; the
    // failure is logged and counted once. Returns how many actions were carried out.
    [[nodiscard]] Result<int> runDueSchedules();

    // The HTTP API. Thread-safe.
    [[nodiscard]] http::Response handle(http::Request &request);
    [[nodiscard]] bool wantsUploadStream(const std::string &method, const std::string &path) const;
    [[nodiscard]] QString uploadDirectory() const;

    Metrics &metrics() { return m_metrics; }

private:
    struct ItemInfo
    {
        model::ItemType type = model::ItemType::Page;
        QString revision;      // latest, on content
        QString liveRevision;  // on live, or empty
        model::WorkflowState state = model::WorkflowState::Draft;
        QStringList regions;
        QStringList professions;
        QString slug;
        std::optional<model::Vocabulary> vocabulary; // terms
        std::optional<QDateTime> publishAt;   // the latest revision's schedule
        std::optional<QDateTime> unpublishAt;
        QString changedBy;                    // who made revision, and when (empty / nullopt: not known)
        std::optional<QDateTime> changedAt;
        qint64 seq = 0;
    };
    // A workflow action as history records it: the commit trailers besides Carta-Item.
    struct ActionRecord
    {
        model::Action action;
        QString comment;
        std::optional<QDateTime> scheduledFor; // Carta-Scheduled: the scheduler carried it out
    };
    struct ActionOutcome
    {
        ItemInfo info;
        QString liveCommit; // empty when live did not change
    };
    class Context;

    explicit SyncService(ServiceOptions options);
    Result<Done> initSchema();
    Result<Done> loadIndex();
    Result<Done> reconcile();
    Result<Done> migrateToVersion2();
    Result<Done> migrateToVersion3();
    Result<qint64> nextSeq();
    Result<Done> storeInfo(const QUuid &id, const ItemInfo &info, bool deleted);
    Result<Done> setMeta(const QString &key, const QString &value);
    Result<QString> meta(const QString &key);
    static Result<ItemInfo> describe(const QByteArray &bytes, QUuid *id = nullptr);
    // Merging small packs runs on its own thread with its own repository handle, so no
    // push waits for it (see maybePack()).
    void maybePack();
    void packerLoop();

    // Handlers (request already authenticated).
    http::Response me(const UserRecord &user);
    http::Response changes(const UserRecord &user, const http::Request &request, Database &db, GitStore &store);
    // Pushes, committed in groups (see push() in service.cpp).
    struct PushChange
    {
        QString id;
        QString base;
        std::optional<model::Item> item; // nullopt: delete
        model::JsonValue original;       // the item as sent
        model::JsonObject result;
        bool write = false;
        QByteArray bytes;
        ItemInfo info;
    };
    struct PreparedPush
    {
        UserRecord user;
        QString batchId;
        QList<PushChange> planned;
        QString commit; // staged; empty when nothing was accepted
        QDateTime pushTime;
        int replayOf = -1; // the same batch earlier in the group
        QByteArray responseBytes;
    };
    struct PushGroup
    {
        QString tip; // content with the group's commits so far
        QList<PreparedPush> pushes;
        QHash<QString, int> batchIds;
        QList<std::pair<QUuid, std::optional<ItemInfo>>> undo; // the index before each change
        QStringList newTerms;
    };
    struct PushRequest
    {
        const UserRecord *user;
        PreparedPush parsed; // batchId and planned, as parsePush() read them
        http::Response response;
        bool done = false;
    };
    http::Response push(const UserRecord &user, const http::Request &request);
    // Reads a push's body and checks its shape (needs nothing of the service's state, so it
    // runs before the push queues). Fills out.batchId and out.planned.
    static std::optional<http::Response> parsePush(const http::Request &request, PreparedPush &out);
    std::optional<http::Response> preparePush(const UserRecord &user, PushGroup &group, PreparedPush &out);
    std::optional<http::Response> recordedAnswer(const UserRecord &user, const QString &batchId);
    void runPushGroup(const std::vector<PushRequest *> &requests);
    http::Response action(const UserRecord &user, const QUuid &id, const http::Request &request);
    // The shared half of manual and scheduled actions: commits the item after the action on
    // content (and on live for publish, unpublish, archive) and records it in the index.
    Result<ActionOutcome> commitAction(const QUuid &id, const ItemInfo &current, const model::Item &item,
                                       const ActionRecord &record, const Signature &author);
    // A scheduler run, planned in memory, then committed in batches: one commit on content
    // and one on live per batch, each item at most once in a batch so its history keeps
    // every action (published, then unpublished, when a stopped server catches up).
    struct ScheduleStep
    {
        QUuid id;
        model::Action action;
        QDateTime due;
        QString title;
        QString path;      // in the repository
        QByteArray bytes;  // the item after the action
        bool wasLive = false;
    };
    struct SchedulePlan
    {
        QList<QList<ScheduleStep>> batches;
        QHash<QUuid, ItemInfo> infos; // after the steps planned so far
        QHash<QUuid, model::Item> items;
        int steps = 0;
    };
    // Plans one due schedule; false when it cannot be carried out (already logged).
    Result<bool> planSchedule(const QUuid &id, model::Action action, const QDateTime &now, SchedulePlan &plan);
    Result<Done> commitSchedules(const SchedulePlan &plan, const QDateTime &now);
    http::Response getItem(const UserRecord &user, const QUuid &id);
    http::Response history(const UserRecord &user, const QUuid &id);
    http::Response revision(const UserRecord &user, const QUuid &id, const QString &revision);
    http::Response uploadAttachment(const QString &sha256, const http::Request &request);
    http::Response downloadAttachment(const QString &sha256);
    http::Response healthz();

    Result<UserRecord> authenticate(const http::Request &request, Database &db);
    Result<UserRecord> authenticate(const http::Request &request) { return authenticate(request, *m_db); }
    Result<UserRecord> userByName(const QString &name, Database &db);
    Result<UserRecord> userByName(const QString &name) { return userByName(name, *m_db); }
    // The read side: GET /me and GET /changes run on the worker thread's own database
    // connection and repository handle, without m_mutex, so reads never wait for a push's
    // commit. They see what the database has committed (WAL snapshots); the objects a
    // committed row names are on disk before the row (the pack is written first).
    struct Reader
    {
        std::unique_ptr<Database> db;
        std::unique_ptr<GitStore> store;
    };
    Reader *reader();
    std::optional<http::Response> handleRead(const http::Request &request, const QString &path, const QString &method);
    bool visible(const UserRecord &user, const ItemInfo &info) const;
    QString attachmentPath(const QString &sha256) const;

    ServiceOptions m_options;
    int m_lockFd = -1;
    std::unique_ptr<GitStore> m_store;
    std::unique_ptr<Database> m_db;
    std::mutex m_mutex; // one request at a time touches the store and the database
    QHash<QUuid, ItemInfo> m_items;
    QSet<QString> m_terms; // "<vocabulary>/<slug>"
    QString m_contentTip;
    QString m_liveTip;
    QHash<QUuid, QString> m_scheduleFailures; // failed scheduled publishes already reported, by what failed
    Metrics m_metrics;
    std::unique_ptr<RevisionTextCache> m_revisionText;
    std::mutex m_pushQueueMutex;
    std::condition_variable m_pushQueueReady;
    std::vector<PushRequest *> m_pushQueue;
    bool m_pushLeader = false;
    std::mutex m_readersMutex;
    std::map<std::thread::id, std::unique_ptr<Reader>> m_readers;
    std::mutex m_packMutex; // held while packs are merged or the repository is repacked
    std::mutex m_packerMutex;
    std::condition_variable m_packerWake;
    bool m_packWanted = false;
    bool m_packerStop = false;
    std::thread m_packer;
};

} // namespace carta::syncserver
