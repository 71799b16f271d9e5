// The sync service: routing, authentication, pull, push, workflow actions, history,
// attachments, and the bookkeeping that keeps the database level with git.
#include "service.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace carta::syncserver {

using namespace carta::model;
using http::Response;

namespace {

const QString kContent = QStringLiteral("content");
const QString kLive = QStringLiteral("live");
// 1: the first; 2: items.publish_at and items.unpublish_at (the scheduler's index).
constexpr int kSchemaVersion = 3;
const QString kSchedulerName = QStringLiteral("carta-scheduler");
const QString kSchedulerEmail = QStringLiteral("carta-scheduler@carta.invalid");

std::string body(const JsonValue &v)
{
    return serializeCompact(v).toStdString();
}

Response jsonResponse(int status, const JsonValue &v)
{
    return Response::json(status, body(v));
}

Response errorResponse(int status, const QString &code, const QString &message)
{
    return Response::error(status, code.toStdString(), message.toStdString());
}

JsonValue issuesJson(const Issues &issues)
{
    JsonArray a;
    for (const Issue &i : issues)
        a.emplace_back(JsonObject{{QStringLiteral("where"), i.where}, {QStringLiteral("message"), i.message}});
    return JsonValue(std::move(a));
}

JsonValue stringList(const QStringList &list)
{
    JsonArray a;
    for (const QString &s : list)
        a.emplace_back(s);
    return JsonValue(std::move(a));
}

QString nowString(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

const QTimeZone &londonZone()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/London"));
    return zone;
}

// An instant as items store it: London's wall-clock time with London's offset then,
// e.g. 2027-03-29T09:00:00+01:00.
QString londonTime(const QDateTime &t)
{
    const QDateTime london = t.toTimeZone(londonZone());
    const int offset = london.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return london.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

std::optional<QDateTime> storedTime(const Statement &s, int column)
{
    if (s.isNull(column))
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(s.text(column), Qt::ISODate);
    return t.isValid() ? std::optional<QDateTime>(t.toTimeZone(londonZone())) : std::nullopt;
}

void bindTime(Statement &s, int index, const std::optional<QDateTime> &t)
{
    if (t)
        s.bind(index, londonTime(*t));
    else
        s.bindNull(index);
}

// The item after a workflow action: its new state, and without the schedule time the
// action carried out, so a later revision never inherits a time that has passed.
Item afterAction(Item item, Action action, WorkflowState to)
{
    item.state = to;
    switch (action) {
    case Action::Publish: item.schedule.publishAt.reset(); break;
    case Action::Unpublish: item.schedule.unpublishAt.reset(); break;
    case Action::Archive: item.schedule = Schedule{}; break;
    default: break;
    }
    return item;
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool isRevisionId(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{40}\\z"));
    return re.match(s).hasMatch();
}

bool isSha256(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}\\z"));
    return re.match(s).hasMatch();
}

// Trailers of a commit message: "Carta-Key: value" lines, continuation lines indented.
QString trailerBlock(const QList<std::pair<QString, QString>> &trailers)
{
    QString out;
    for (const auto &[key, value] : trailers) {
        QStringList lines = value.split(QLatin1Char('\n'));
        out += key + QStringLiteral(": ") + lines.takeFirst() + QLatin1Char('\n');
        for (const QString &line : lines)
            out += QStringLiteral(" ") + line + QLatin1Char('\n');
    }
    return out;
}

QMultiHash<QString, QString> parseTrailers(const QString &message)
{
    QMultiHash<QString, QString> out;
    const QStringList lines = message.split(QLatin1Char('\n'));
    QString key;
    QString value;
    auto flush = [&] {
        if (!key.isEmpty())
            out.insert(key, value);
        key.clear();
        value.clear();
    };
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char(' ')) && !key.isEmpty()) {
            value += QLatin1Char('\n') + line.mid(1);
            continue;
        }
        flush();
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        if (line.startsWith(QStringLiteral("Carta-")) && colon > 0) {
            key = line.left(colon);
            value = line.mid(colon + 2);
        }
    }
    flush();
    return out;
}

} // namespace

// Validation context over the server's index, with the items of the batch under way laid over it.
class SyncService::Context : public ValidationContext
{
public:
    explicit Context(const SyncService &service) : m_service(service) {}
    void overlay(const Item &item)
    {
        m_items.insert(item.id, item.type());
        if (const auto *t = item.tryAs<TermFields>())
            m_terms.insert(toString(t->vocabulary) + QLatin1Char('/') + item.slug);
    }
    bool hasTerm(Vocabulary v, const QString &slug) const override
    {
        const QString key = toString(v) + QLatin1Char('/') + slug;
        return m_terms.contains(key) || m_service.m_terms.contains(key);
    }
    std::optional<ItemType> itemType(const QUuid &id) const override
    {
        if (auto it = m_items.constFind(id); it != m_items.constEnd())
            return *it;
        if (auto it = m_service.m_items.constFind(id); it != m_service.m_items.constEnd())
            return it->type;
        return std::nullopt;
    }

private:
    const SyncService &m_service;
    QHash<QUuid, ItemType> m_items;
    QSet<QString> m_terms;
};

SyncService::SyncService(ServiceOptions options)
    : m_options(std::move(options)), m_revisionText(std::make_unique<RevisionTextCache>(m_options.pullCacheBytes))
{
}

SyncService::~SyncService()
{
    if (m_packer.joinable()) {
        {
            std::lock_guard lock(m_packerMutex);
            m_packerStop = true;
        }
        m_packerWake.notify_all();
        m_packer.join(); // a merge under way finishes; one only asked for is left for later
    }
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the folder lock
}

Result<std::unique_ptr<SyncService>> SyncService::open(const ServiceOptions &options, bool create)
{
    QDir dir(options.dataDir);
    if (!dir.exists()) {
        if (!create)
            return Issue{options.dataDir, QStringLiteral("no such data folder; run `carta-syncd init` first")};
        if (!dir.mkpath(QStringLiteral(".")))
            return Issue{options.dataDir, QStringLiteral("cannot create the data folder")};
    }
    const QString repoPath = dir.filePath(QStringLiteral("repo.git"));
    const QString dbPath = dir.filePath(QStringLiteral("carta.db"));
    if (!create && (!QFileInfo::exists(repoPath) || !QFileInfo::exists(dbPath)))
        return Issue{options.dataDir, QStringLiteral("not a Carta data folder (no repo.git or carta.db); run `carta-syncd init` first")};
    for (const QString &sub : {QStringLiteral("attachments"), QStringLiteral("uploads")})
        if (!dir.mkpath(sub))
            return Issue{dir.filePath(sub), QStringLiteral("cannot create the folder")};

    std::unique_ptr<SyncService> service(new SyncService(options));
    if (options.exclusive) {
        const QByteArray lockPath = QFile::encodeName(dir.filePath(QStringLiteral("carta-syncd.lock")));
        service->m_lockFd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (service->m_lockFd < 0)
            return Issue{options.dataDir, QStringLiteral("cannot create the lock file %1").arg(QString::fromLocal8Bit(lockPath))};
        if (::flock(service->m_lockFd, LOCK_EX | LOCK_NB) != 0)
            return Issue{options.dataDir, QStringLiteral("another carta-syncd (serve, gc, fsck or import-demo) is using this data folder; stop it first")};
        // We own the folder: lock files in the repository can only be left over from a
        // process that was killed while moving a branch. libgit2 would refuse every
        // commit while they exist.
        QDirIterator locks(repoPath, {QStringLiteral("*.lock")}, QDir::Files, QDirIterator::Subdirectories);
        while (locks.hasNext()) {
            const QString lock = locks.next();
            const QString relative = QDir(repoPath).relativeFilePath(lock);
            if (relative.startsWith(QStringLiteral("refs/")) || !relative.contains(QLatin1Char('/'))) {
                qWarning("carta-syncd: removing %s, left by a process that stopped while writing", qPrintable(lock));
                QFile::remove(lock);
            }
        }
    }
    auto store = GitStore::open(repoPath, create);
    if (!store)
        return store.issues();
    service->m_store = std::move(store).value();
    auto db = Database::open(dbPath);
    if (!db)
        return db.issues();
    service->m_db = std::move(db).value();
    if (auto r = service->initSchema(); !r)
        return r.issues();
    if (auto r = service->loadIndex(); !r)
        return r.issues();
    if (options.exclusive)
        if (auto r = service->reconcile(); !r)
            return r.issues();
    return service;
}

Result<Done> SyncService::initSchema()
{
    auto r = m_db->exec(QStringLiteral(R"(
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS users(name TEXT PRIMARY KEY, email TEXT NOT NULL, role TEXT NOT NULL,
            regions TEXT NOT NULL, professions TEXT NOT NULL, created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tokens(id INTEGER PRIMARY KEY, user TEXT NOT NULL REFERENCES users(name),
            hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, created TEXT NOT NULL, revoked TEXT);
        CREATE TABLE IF NOT EXISTS batches(batch_id TEXT PRIMARY KEY, user TEXT NOT NULL, response BLOB NOT NULL,
            created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS items(id TEXT PRIMARY KEY, type TEXT NOT NULL, revision TEXT, live_revision TEXT,
            state TEXT NOT NULL, regions TEXT NOT NULL, professions TEXT NOT NULL, slug TEXT NOT NULL,
            vocabulary TEXT, seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, publish_at TEXT, unpublish_at TEXT,
            changed_by TEXT, changed_at TEXT);
        CREATE INDEX IF NOT EXISTS items_by_seq ON items(seq);
    )"));
    if (!r)
        return r;
    auto version = meta(QStringLiteral("schema_version"));
    if (!version)
        return version.issues();
    if (version.value().isEmpty())
        return setMeta(QStringLiteral("schema_version"), QString::number(kSchemaVersion));
    if (version.value().toInt() > kSchemaVersion)
        return Issue{m_db->path(), QStringLiteral("written by a newer carta-syncd (schema %1; this one knows %2)")
                                       .arg(version.value()).arg(kSchemaVersion)};
    if (version.value().toInt() < 2)
        if (auto migrated = migrateToVersion2(); !migrated)
            return migrated;
    if (version.value().toInt() < 3)
        return migrateToVersion3();
    return Done{};
}

// Version 3 records who made each item's latest revision and when (the feed's changed_by and
// changed_at: the moderation queue's author and waiting time). Items waiting in the queue
// get them from git history now; the others when they next change.
Result<Done> SyncService::migrateToVersion3()
{
    return m_db->transaction([&]() -> Result<Done> {
        for (const QString &sql : {QStringLiteral("ALTER TABLE items ADD COLUMN changed_by TEXT"),
                                   QStringLiteral("ALTER TABLE items ADD COLUMN changed_at TEXT")})
            if (auto r = m_db->exec(sql); !r)
                return r;
        auto st = m_db->prepare(QStringLiteral("SELECT id, type FROM items WHERE deleted = 0 AND state IN ('in_review', 'approved', 'changes_requested')"));
        if (!st)
            return st.issues();
        QList<std::pair<QString, QString>> rows;
        if (auto r = st.value().forEachRow([&](const Statement &s) { rows.append({s.text(0), s.text(1)}); }); !r)
            return r;
        for (const auto &[id, type] : rows) {
            const auto itemType = itemTypeFromString(type);
            if (!itemType)
                continue;
            auto entries = m_store->history(kContent, storagePath(*itemType, QUuid::fromString(id)), 1);
            if (!entries)
                return entries.issues();
            if (entries.value().isEmpty())
                continue;
            auto update = m_db->prepare(QStringLiteral("UPDATE items SET changed_by = ?, changed_at = ? WHERE id = ?"));
            if (!update)
                return update.issues();
            bindTime(update.value(), 2, entries.value().first().when);
            if (auto r = update.value().bind(1, entries.value().first().authorName).bind(3, id).run(); !r)
                return r;
        }
        return setMeta(QStringLiteral("schema_version"), QStringLiteral("3"));
    });
}

// Version 1 had no schedule columns: add them and fill them from the item blobs, once, in
// one transaction that also records the new version (a failure leaves version 1 intact).
Result<Done> SyncService::migrateToVersion2()
{
    return m_db->transaction([&]() -> Result<Done> {
        for (const QString &sql : {QStringLiteral("ALTER TABLE items ADD COLUMN publish_at TEXT"),
                                   QStringLiteral("ALTER TABLE items ADD COLUMN unpublish_at TEXT")})
            if (auto r = m_db->exec(sql); !r)
                return r;
        auto st = m_db->prepare(QStringLiteral("SELECT id, revision FROM items WHERE deleted = 0 AND revision IS NOT NULL"));
        if (!st)
            return st.issues();
        QList<std::pair<QString, QString>> rows;
        if (auto r = st.value().forEachRow([&](const Statement &s) { rows.append({s.text(0), s.text(1)}); }); !r)
            return r;
        for (const auto &[id, revision] : rows) {
            auto bytes = m_store->readBlob(revision);
            if (!bytes)
                return Issue{id, QStringLiteral("cannot read revision %1 to fill in its schedule: %2").arg(revision, bytes.errorString())};
            auto info = describe(bytes.value());
            if (!info)
                return Issue{id, QStringLiteral("revision %1 does not parse: %2").arg(revision, info.errorString())};
            if (!info.value().publishAt && !info.value().unpublishAt)
                continue;
            auto update = m_db->prepare(QStringLiteral("UPDATE items SET publish_at = ?, unpublish_at = ? WHERE id = ?"));
            if (!update)
                return update.issues();
            bindTime(update.value(), 1, info.value().publishAt);
            bindTime(update.value(), 2, info.value().unpublishAt);
            if (auto r = update.value().bind(3, id).run(); !r)
                return r;
        }
        return setMeta(QStringLiteral("schema_version"), QStringLiteral("2"));
    });
}

Result<QString> SyncService::meta(const QString &key)
{
    auto st = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!st)
        return st.issues();
    st.value().bind(1, key);
    auto row = st.value().step();
    if (!row)
        return row.issues();
    return row.value() ? st.value().text(0) : QString();
}

Result<Done> SyncService::setMeta(const QString &key, const QString &value)
{
    auto st = m_db->prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    if (!st)
        return st.issues();
    return st.value().bind(1, key).bind(2, value).run();
}

Result<qint64> SyncService::nextSeq()
{
    auto current = meta(QStringLiteral("seq"));
    if (!current)
        return current.issues();
    const qint64 next = current.value().toLongLong() + 1;
    if (auto r = setMeta(QStringLiteral("seq"), QString::number(next)); !r)
        return r.issues();
    return next;
}

Result<Done> SyncService::storeInfo(const QUuid &id, const ItemInfo &info, bool deleted)
{
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO items(id, type, revision, live_revision, state, regions, professions, slug, vocabulary, seq, deleted, "
        "publish_at, unpublish_at, changed_by, changed_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "type=excluded.type, revision=excluded.revision, live_revision=excluded.live_revision, state=excluded.state, "
        "regions=excluded.regions, professions=excluded.professions, slug=excluded.slug, vocabulary=excluded.vocabulary, "
        "seq=excluded.seq, deleted=excluded.deleted, publish_at=excluded.publish_at, unpublish_at=excluded.unpublish_at, "
        "changed_by=excluded.changed_by, changed_at=excluded.changed_at"));
    if (!st)
        return st.issues();
    Statement &s = st.value();
    s.bind(1, idString(id)).bind(2, toString(info.type));
    if (info.revision.isEmpty()) s.bindNull(3); else s.bind(3, info.revision);
    if (info.liveRevision.isEmpty()) s.bindNull(4); else s.bind(4, info.liveRevision);
    s.bind(5, toString(info.state)).bind(6, info.regions.join(QLatin1Char(','))).bind(7, info.professions.join(QLatin1Char(',')));
    s.bind(8, info.slug);
    if (info.vocabulary) s.bind(9, toString(*info.vocabulary)); else s.bindNull(9);
    s.bind(10, info.seq).bind(11, qint64(deleted ? 1 : 0));
    bindTime(s, 12, deleted ? std::nullopt : info.publishAt);
    bindTime(s, 13, deleted ? std::nullopt : info.unpublishAt);
    if (info.changedBy.isEmpty()) s.bindNull(14); else s.bind(14, info.changedBy);
    bindTime(s, 15, info.changedAt);
    return s.run();
}

Result<Done> SyncService::loadIndex()
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT id, type, revision, live_revision, state, regions, professions, slug, vocabulary, seq, publish_at, unpublish_at, "
        "changed_by, changed_at FROM items WHERE deleted = 0"));
    if (!st)
        return st.issues();
    m_items.clear();
    m_terms.clear();
    auto loaded = st.value().forEachRow([this](const Statement &s) {
        ItemInfo info;
        info.type = itemTypeFromString(s.text(1)).value_or(ItemType::Page);
        info.revision = s.text(2);
        info.liveRevision = s.text(3);
        info.state = workflowStateFromString(s.text(4)).value_or(WorkflowState::Draft);
        info.regions = s.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
        info.professions = s.text(6).split(QLatin1Char(','), Qt::SkipEmptyParts);
        info.slug = s.text(7);
        if (!s.isNull(8))
            info.vocabulary = vocabularyFromString(s.text(8));
        info.seq = s.integer(9);
        info.publishAt = storedTime(s, 10);
        info.unpublishAt = storedTime(s, 11);
        info.changedBy = s.isNull(12) ? QString() : s.text(12);
        info.changedAt = storedTime(s, 13);
        if (info.vocabulary)
            m_terms.insert(toString(*info.vocabulary) + QLatin1Char('/') + info.slug);
        m_items.insert(QUuid::fromString(s.text(0)), info);
    });
    if (!loaded)
        return loaded.issues();
    auto content = meta(QStringLiteral("content_commit"));
    auto live = meta(QStringLiteral("live_commit"));
    if (!content || !live)
        return Issue{m_db->path(), QStringLiteral("cannot read the recorded commits")};
    m_contentTip = content.value();
    m_liveTip = live.value();
    return Done{};
}

Result<SyncService::ItemInfo> SyncService::describe(const QByteArray &bytes, QUuid *id)
{
    auto item = parseItem(bytes);
    if (!item)
        return item.issues();
    const Item &i = item.value();
    ItemInfo info;
    info.type = i.type();
    info.revision = revisionId(bytes);
    info.state = i.state;
    info.regions = i.tags.regions;
    info.professions = i.tags.professions;
    info.slug = i.slug;
    if (const auto *t = i.tryAs<TermFields>())
        info.vocabulary = t->vocabulary;
    info.publishAt = i.schedule.publishAt;
    info.unpublishAt = i.schedule.unpublishAt;
    if (id)
        *id = i.id;
    return info;
}

// After a crash between a git commit and the database transaction, git is ahead: read the
// item files of both branches and record every difference as a change.
Result<Done> SyncService::reconcile()
{
    auto content = m_store->tip(kContent);
    auto live = m_store->tip(kLive);
    if (!content || !live)
        return Issue{m_store->path(), QStringLiteral("cannot read the branches")};
    if (content.value() == m_contentTip && live.value() == m_liveTip)
        return Done{};

    auto listBlobs = [&](const QString &commit) -> Result<QHash<QUuid, std::pair<QString, ItemType>>> {
        QHash<QUuid, std::pair<QString, ItemType>> out;
        if (commit.isEmpty())
            return out;
        auto files = m_store->listFiles(commit, QStringLiteral("content"));
        if (!files)
            return files.issues();
        for (const auto &[path, blob] : files.value()) {
            const QStringList parts = path.split(QLatin1Char('/'));
            if (parts.size() != 4 || !parts[3].endsWith(QStringLiteral(".json")))
                continue;
            const auto type = itemTypeFromString(parts[1]);
            const QUuid id = QUuid::fromString(parts[3].chopped(5));
            if (!type || id.isNull())
                continue;
            out.insert(id, {blob, *type});
        }
        return out;
    };
    auto contentFiles = listBlobs(content.value());
    auto liveFiles = listBlobs(live.value());
    if (!contentFiles)
        return contentFiles.issues();
    if (!liveFiles)
        return liveFiles.issues();

    return m_db->transaction([&]() -> Result<Done> {
        QSet<QUuid> ids;
        for (auto it = contentFiles.value().cbegin(); it != contentFiles.value().cend(); ++it)
            ids.insert(it.key());
        for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
            ids.insert(it.key());
        for (const QUuid &id : ids) {
            const auto cf = contentFiles.value().value(id);
            const QString liveBlob = liveFiles.value().value(id).first;
            auto existing = m_items.constFind(id);
            if (existing != m_items.constEnd() && existing->revision == cf.first && existing->liveRevision == liveBlob)
                continue;
            auto seq = nextSeq();
            if (!seq)
                return seq.issues();
            if (cf.first.isEmpty()) {
                ItemInfo gone = existing != m_items.constEnd() ? *existing : ItemInfo{};
                gone.seq = seq.value();
                if (auto r = storeInfo(id, gone, true); !r)
                    return r;
                m_items.remove(id);
                continue;
            }
            auto bytes = m_store->readBlob(cf.first);
            if (!bytes)
                return bytes.issues();
            auto info = describe(bytes.value());
            if (!info)
                return Issue{idString(id), QStringLiteral("item in the repository does not parse: %1").arg(info.errorString())};
            info.value().liveRevision = liveBlob;
            info.value().seq = seq.value();
            // Who made the revision, and when: the latest commit on content that touched it.
            if (existing != m_items.constEnd() && existing->revision == cf.first) {
                info.value().changedBy = existing->changedBy;
                info.value().changedAt = existing->changedAt;
            } else if (auto made = m_store->history(kContent, storagePath(cf.second, id), 1); made && !made.value().isEmpty()) {
                info.value().changedBy = made.value().first().authorName;
                info.value().changedAt = made.value().first().when;
            }
            if (auto r = storeInfo(id, info.value(), false); !r)
                return r;
            if (info.value().vocabulary)
                m_terms.insert(toString(*info.value().vocabulary) + QLatin1Char('/') + info.value().slug);
            m_items.insert(id, info.value());
        }
        if (auto r = setMeta(QStringLiteral("content_commit"), content.value()); !r)
            return r;
        if (auto r = setMeta(QStringLiteral("live_commit"), live.value()); !r)
            return r;
        m_contentTip = content.value();
        m_liveTip = live.value();
        return Done{};
    });
}

// ---- administration -------------------------------------------------------------------

namespace {

// A row of SELECT name, email, role, regions, professions FROM users.
UserRecord userFromRow(const Statement &s)
{
    return UserRecord{s.text(0), s.text(1), roleFromString(s.text(2)).value_or(Role::Author),
                      s.text(3).split(QLatin1Char(','), Qt::SkipEmptyParts), s.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts)};
}

} // namespace

Result<Done> SyncService::addUser(const UserRecord &user)
{
    static const QRegularExpression name(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}\\z"));
    if (!name.match(user.name).hasMatch())
        return Issue{QStringLiteral("name"), QStringLiteral("must be 1 to 64 lowercase letters, digits, '.', '_' or '-'")};
    if (!user.email.contains(QLatin1Char('@')) || user.email.contains(QLatin1Char('<')) || user.email.contains(QLatin1Char('>'))
        || user.email.contains(QLatin1Char('\n')))
        return Issue{QStringLiteral("email"), QStringLiteral("must be an email address")};
    if (user.regions.isEmpty() && user.role != Role::Admin)
        return Issue{QStringLiteral("regions"), QStringLiteral("give at least one region, or \"national\"")};
    for (const QString &r : user.regions)
        if (r != kNationalRegion && !m_terms.contains(QStringLiteral("region/") + r) && !m_terms.isEmpty())
            return Issue{QStringLiteral("regions"), QStringLiteral("unknown region \"%1\"").arg(r)};
    std::lock_guard lock(m_mutex);
    auto st = m_db->prepare(QStringLiteral("INSERT INTO users(name, email, role, regions, professions, created) VALUES(?,?,?,?,?,?)"));
    if (!st)
        return st.issues();
    auto r = st.value().bind(1, user.name).bind(2, user.email).bind(3, toString(user.role))
                 .bind(4, user.regions.join(QLatin1Char(','))).bind(5, user.professions.join(QLatin1Char(',')))
                 .bind(6, nowString(m_options.clock())).run();
    if (!r)
        return Issue{QStringLiteral("name"), QStringLiteral("user \"%1\" already exists").arg(user.name)};
    return Done{};
}

Result<QList<UserRecord>> SyncService::users()
{
    std::lock_guard lock(m_mutex);
    auto st = m_db->prepare(QStringLiteral("SELECT name, email, role, regions, professions FROM users ORDER BY name"));
    if (!st)
        return st.issues();
    QList<UserRecord> out;
    if (auto r = st.value().forEachRow([&](const Statement &s) { out.append(userFromRow(s)); }); !r)
        return r.issues();
    return out;
}

Result<UserRecord> SyncService::userByName(const QString &name, Database &db)
{
    auto st = db.prepare(QStringLiteral("SELECT name, email, role, regions, professions FROM users WHERE name = ?"));
    if (!st)
        return st.issues();
    st.value().bind(1, name);
    auto row = st.value().step();
    if (!row)
        return row.issues();
    if (!row.value())
        return Issue{QStringLiteral("user"), QStringLiteral("no user \"%1\"").arg(name)};
    return userFromRow(st.value());
}

Result<QString> SyncService::issueToken(const QString &user, const QString &label)
{
    std::lock_guard lock(m_mutex);
    if (auto u = userByName(user); !u)
        return u.issues();
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    const QString token = QStringLiteral("carta_") + QString::fromLatin1(random.toHex());
    auto st = m_db->prepare(QStringLiteral("INSERT INTO tokens(user, hash, label, created) VALUES(?,?,?,?)"));
    if (!st)
        return st.issues();
    auto r = st.value().bind(1, user).bind(2, sha256Hex(token.toUtf8())).bind(3, label).bind(4, nowString(m_options.clock())).run();
    if (!r)
        return r.issues();
    return token;
}

Result<int> SyncService::revokeTokens(const QString &user)
{
    std::lock_guard lock(m_mutex);
    auto st = m_db->prepare(QStringLiteral("UPDATE tokens SET revoked = ? WHERE user = ? AND revoked IS NULL"));
    if (!st)
        return st.issues();
    auto r = st.value().bind(1, nowString(m_options.clock())).bind(2, user).run();
    if (!r)
        return r.issues();
    auto count = m_db->prepare(QStringLiteral("SELECT changes()"));
    if (!count || !count.value().step())
        return 0;
    return int(count.value().integer(0));
}

Result<Done> SyncService::revokeToken(qint64 id)
{
    std::lock_guard lock(m_mutex);
    auto st = m_db->prepare(QStringLiteral("UPDATE tokens SET revoked = ? WHERE id = ? AND revoked IS NULL"));
    if (!st)
        return st.issues();
    auto r = st.value().bind(1, nowString(m_options.clock())).bind(2, id).run();
    if (!r)
        return r.issues();
    auto count = m_db->prepare(QStringLiteral("SELECT changes()"));
    if (!count)
        return count.issues();
    auto row = count.value().step();
    if (row && row.value() && count.value().integer(0) == 0)
        return Issue{QStringLiteral("token"), QStringLiteral("no valid token with id %1").arg(id)};
    return Done{};
}

Result<QList<TokenRecord>> SyncService::tokens()
{
    std::lock_guard lock(m_mutex);
    auto st = m_db->prepare(QStringLiteral("SELECT id, user, label, created, revoked FROM tokens ORDER BY id"));
    if (!st)
        return st.issues();
    QList<TokenRecord> out;
    auto r = st.value().forEachRow([&](const Statement &s) {
        out.append(TokenRecord{s.integer(0), s.text(1), s.text(2), s.text(3), s.isNull(4) ? QString() : s.text(4)});
    });
    if (!r)
        return r.issues();
    return out;
}

Result<UserRecord> SyncService::authenticate(const http::Request &request, Database &db)
{
    const QString header = QString::fromStdString(request.header("authorization"));
    if (header.isEmpty())
        return Issue{QStringLiteral("Authorization"), QStringLiteral("missing; send \"Authorization: Bearer <token>\"")};
    if (!header.startsWith(QStringLiteral("Bearer ")))
        return Issue{QStringLiteral("Authorization"), QStringLiteral("must be \"Bearer <token>\"")};
    const QString token = header.mid(7).trimmed();
    auto st = db.prepare(QStringLiteral("SELECT user, revoked FROM tokens WHERE hash = ?"));
    if (!st)
        return st.issues();
    st.value().bind(1, sha256Hex(token.toUtf8()));
    auto row = st.value().step();
    if (!row)
        return row.issues();
    if (!row.value())
        return Issue{QStringLiteral("Authorization"), QStringLiteral("unknown token")};
    if (!st.value().isNull(1))
        return Issue{QStringLiteral("Authorization"), QStringLiteral("the token was revoked")};
    return userByName(st.value().text(0), db);
}

bool SyncService::visible(const UserRecord &user, const ItemInfo &info) const
{
    return inScope(user.asUser(), ItemFacts{info.state, !info.liveRevision.isEmpty(), info.regions, info.professions});
}

QString SyncService::attachmentPath(const QString &sha256) const
{
    return m_options.dataDir + QStringLiteral("/attachments/") + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString SyncService::uploadDirectory() const
{
    return m_options.dataDir + QStringLiteral("/uploads");
}

bool SyncService::wantsUploadStream(const std::string &method, const std::string &path) const
{
    return method == "PUT" && path.rfind("/api/v1/attachments/", 0) == 0;
}

void SyncService::maybePack()
{
    // Each commit wrote a small pack; every pack_every_commits of them are merged, by the
    // packer thread: the writer only asks (called under m_mutex, right after a commit).
    if (m_options.packEveryCommits <= 0 || m_store->packsWritten() < m_options.packEveryCommits)
        return;
    m_store->resetPacksWritten();
    std::lock_guard lock(m_packerMutex);
    m_packWanted = true;
    if (!m_packer.joinable())
        m_packer = std::thread([this] { packerLoop(); });
    m_packerWake.notify_one();
}

void SyncService::packerLoop()
{
    // Its own repository handle: merging reads and writes only pack files, which writers and
    // readers can see appear and go at any time (a pack is complete before its index is
    // there; a removed pack stays readable to whoever opened it).
    std::unique_ptr<GitStore> store;
    std::unique_lock wake(m_packerMutex);
    for (;;) {
        m_packerWake.wait(wake, [this] { return m_packWanted || m_packerStop; });
        if (m_packerStop)
            return;
        m_packWanted = false;
        wake.unlock();
        {
            std::lock_guard packing(m_packMutex);
            if (!store) {
                if (auto opened = GitStore::open(m_store->path(), false); opened)
                    store = std::move(opened).value();
                else
                    qWarning("carta-syncd: merging packs: %s", qPrintable(opened.errorString()));
            }
            if (store) {
                if (auto r = store->mergeSmallPacks(); !r)
                    qWarning("carta-syncd: merging packs failed: %s", qPrintable(r.errorString()));
                else if (r.value() > 0)
                    m_metrics.add(QStringLiteral("carta_repository_packs_total"));
            }
        }
        wake.lock();
    }
}

Result<Done> SyncService::gc()
{
    std::lock_guard lock(m_mutex);
    std::lock_guard packing(m_packMutex);
    return m_store->pack();
}

// ---- routing --------------------------------------------------------------------------

http::Response SyncService::handle(http::Request &request)
{
    const QString path = QString::fromStdString(request.path);
    const QString method = QString::fromStdString(request.method);
    if (path == QStringLiteral("/healthz"))
        return healthz();
    if (path == QStringLiteral("/metrics")) {
        Response r;
        r.contentType = "text/plain; version=0.0.4";
        r.body = m_metrics.render().toStdString();
        return r;
    }
    if (!path.startsWith(QStringLiteral("/api/v1/")))
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no such resource: %1").arg(path));

    if (auto r = handleRead(request, path, method))
        return *r;
    auto unauthorized = [](const Result<UserRecord> &user) {
        Response r = errorResponse(401, QStringLiteral("unauthorized"), user.errorString());
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
        return r;
    };
    if (path == QStringLiteral("/api/v1/push") && method == QStringLiteral("POST")) {
        // Pushes are grouped (push() takes the mutex for the group).
        Reader *r = reader();
        Result<UserRecord> user = r ? authenticate(request, *r->db) : [&] {
            std::lock_guard lock(m_mutex);
            return authenticate(request);
        }();
        if (!user)
            return unauthorized(user);
        return push(user.value(), request);
    }
    std::lock_guard lock(m_mutex);
    auto user = authenticate(request);
    if (!user)
        return unauthorized(user);
    const QStringList parts = path.mid(8).split(QLatin1Char('/'));
    auto allow = [&](const char16_t *expected) -> std::optional<Response> {
        if (method == QStringView(expected))
            return std::nullopt;
        Response r = errorResponse(405, QStringLiteral("method_not_allowed"),
                                   QStringLiteral("%1 is not allowed on %2; use %3").arg(method, path, QString::fromUtf16(expected)));
        r.headers.emplace_back("Allow", QString::fromUtf16(expected).toStdString());
        return r;
    };
    if (parts == QStringList{QStringLiteral("me")}) {
        if (auto r = allow(u"GET")) return *r;
        return me(user.value());
    }
    if (parts == QStringList{QStringLiteral("changes")}) {
        if (auto r = allow(u"GET")) return *r;
        return changes(user.value(), request, *m_db, *m_store);
    }
    if (parts == QStringList{QStringLiteral("push")}) {
        if (auto r = allow(u"POST")) return *r;
        return push(user.value(), request);
    }
    if (parts.size() == 2 && parts[0] == QStringLiteral("attachments")) {
        if (!isSha256(parts[1]))
            return errorResponse(400, QStringLiteral("bad_attachment_name"),
                                 QStringLiteral("attachments are named by the SHA-256 of their content: 64 lowercase hex digits, not \"%1\"").arg(parts[1]));
        if (method == QStringLiteral("PUT"))
            return uploadAttachment(parts[1], request);
        if (auto r = allow(u"GET")) return *r;
        return downloadAttachment(parts[1]);
    }
    if (parts.size() >= 2 && parts[0] == QStringLiteral("items")) {
        static const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\z"));
        if (!uuid.match(parts[1]).hasMatch())
            return errorResponse(400, QStringLiteral("bad_item_id"), QStringLiteral("\"%1\" is not an item id (a lowercase UUID)").arg(parts[1]));
        const QUuid id = QUuid::fromString(parts[1]);
        if (parts.size() == 2) {
            if (auto r = allow(u"GET")) return *r;
            return getItem(user.value(), id);
        }
        if (parts.size() == 3 && parts[2] == QStringLiteral("actions")) {
            if (auto r = allow(u"POST")) return *r;
            return action(user.value(), id, request);
        }
        if (parts.size() == 3 && parts[2] == QStringLiteral("history")) {
            if (auto r = allow(u"GET")) return *r;
            return history(user.value(), id);
        }
        if (parts.size() == 4 && parts[2] == QStringLiteral("revisions")) {
            if (auto r = allow(u"GET")) return *r;
            return revision(user.value(), id, parts[3]);
        }
    }
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no such resource: %1").arg(path));
}

SyncService::Reader *SyncService::reader()
{
    std::lock_guard lock(m_readersMutex);
    auto &r = m_readers[std::this_thread::get_id()];
    if (!r) {
        auto db = Database::open(m_db->path());
        auto store = GitStore::open(m_store->path(), false);
        if (!db || !store) {
            qWarning("carta-syncd: cannot open a reader (%s); reads wait for writes", qPrintable(db ? store.errorString() : db.errorString()));
            m_readers.erase(std::this_thread::get_id());
            return nullptr;
        }
        r = std::make_unique<Reader>(Reader{std::move(db).value(), std::move(store).value()});
    }
    return r.get();
}

std::optional<http::Response> SyncService::handleRead(const http::Request &request, const QString &path, const QString &method)
{
    const bool me = path == QStringLiteral("/api/v1/me");
    if (method != QStringLiteral("GET") || (!me && path != QStringLiteral("/api/v1/changes")))
        return std::nullopt;
    Reader *r = reader();
    if (!r)
        return std::nullopt;
    auto user = authenticate(request, *r->db);
    if (!user)
        return std::nullopt; // the locked path answers with the reason
    return me ? this->me(user.value()) : changes(user.value(), request, *r->db, *r->store);
}

http::Response SyncService::healthz()
{
    std::lock_guard lock(m_mutex);
    return jsonResponse(200, JsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                        {QStringLiteral("content_commit"), m_contentTip},
                                        {QStringLiteral("live_commit"), m_liveTip},
                                        {QStringLiteral("items"), qint64(m_items.size())}});
}

http::Response SyncService::me(const UserRecord &user)
{
    return jsonResponse(200, JsonObject{{QStringLiteral("name"), user.name},
                                        {QStringLiteral("email"), user.email},
                                        {QStringLiteral("role"), toString(user.role)},
                                        {QStringLiteral("regions"), stringList(user.regions)},
                                        {QStringLiteral("professions"), stringList(user.professions)}});
}

namespace {

// Parses a JSON request body: the right content type, valid JSON, an object.
Result<JsonValue> requestJson(const http::Request &request)
{
    const std::string type = request.header("content-type");
    if (type.rfind("application/json", 0) != 0)
        return Issue{QStringLiteral("Content-Type"), QStringLiteral("must be application/json, not \"%1\"").arg(QString::fromStdString(type))};
    auto json = parseJson(QByteArray::fromStdString(request.body));
    if (!json)
        return Issue{json.issues().first().where, QStringLiteral("malformed JSON: %1").arg(json.issues().first().message)};
    if (!json.value().isObject())
        return Issue{QString(), QStringLiteral("the body must be a JSON object")};
    return json;
}

Response badRequest(const Result<JsonValue> &json)
{
    const Issue &issue = json.issues().first();
    const int status = issue.where == QStringLiteral("Content-Type") ? 415 : 400;
    return errorResponse(status, status == 415 ? QStringLiteral("unsupported_media_type") : QStringLiteral("bad_request"), issue.toString());
}

// Members of a request object other than the expected ones.
std::optional<Response> unknownMembers(const JsonValue &object, const QStringList &known, const QString &where)
{
    for (const auto &[key, value] : object.toObject())
        if (!known.contains(key))
            return errorResponse(400, QStringLiteral("unknown_field"),
                                 QStringLiteral("%1%2: unknown field; expected %3").arg(where, key, known.join(QStringLiteral(", "))));
    return std::nullopt;
}

} // namespace

// ---- pull -----------------------------------------------------------------------------

http::Response SyncService::changes(const UserRecord &user, const http::Request &request, Database &db, GitStore &store)
{
    bool ok = true;
    qint64 since = 0;
    if (auto it = request.query.find("since"); it != request.query.end()) {
        since = QString::fromStdString(it->second).toLongLong(&ok);
        if (!ok || since < 0)
            return errorResponse(400, QStringLiteral("bad_cursor"), QStringLiteral("since: must be a cursor from an earlier answer (a number ≥ 0)"));
    }
    qint64 limit = 500;
    if (auto it = request.query.find("limit"); it != request.query.end()) {
        limit = QString::fromStdString(it->second).toLongLong(&ok);
        if (!ok || limit < 1 || limit > m_options.maxPageSize)
            return errorResponse(400, QStringLiteral("bad_limit"), QStringLiteral("limit: must be between 1 and %1").arg(m_options.maxPageSize));
    }
    auto st = db.prepare(QStringLiteral(
        "SELECT id, type, revision, live_revision, state, regions, professions, seq, deleted, changed_by, changed_at "
        "FROM items WHERE seq > ? ORDER BY seq LIMIT ?"));
    if (!st)
        return errorResponse(500, QStringLiteral("internal"), st.errorString());
    st.value().bind(1, since).bind(2, limit);
    // The answer is written as text: each change's own fields, then its item's JSON text as
    // kept by m_revisionText (read, checked and written once per revision).
    qint64 hits = 0;
    qint64 misses = 0;
    const auto revisionText = [&](const QString &revision) -> Result<QByteArray> {
        if (std::optional<QByteArray> text = m_revisionText->find(revision)) {
            ++hits;
            return *std::move(text);
        }
        ++misses;
        auto bytes = store.readBlob(revision);
        if (!bytes)
            return bytes.issues();
        auto json = parseJson(bytes.value());
        if (!json)
            return Issue{revision, json.errorString()};
        QByteArray text = serializeCompact(json.value());
        m_revisionText->insert(revision, text);
        return text;
    };
    std::string changesText;
    qint64 sent = 0;
    qint64 cursor = since;
    qint64 rows = 0;
    while (true) {
        auto row = st.value().step();
        if (!row)
            return errorResponse(500, QStringLiteral("internal"), row.errorString());
        if (!row.value())
            break;
        ++rows;
        Statement &s = st.value();
        cursor = s.integer(7);
        const QString id = s.text(0);
        JsonObject change{{QStringLiteral("seq"), cursor}, {QStringLiteral("id"), id}, {QStringLiteral("type"), s.text(1)}};
        QByteArray item;
        QByteArray liveItem;
        if (s.integer(8) != 0) {
            change[QStringLiteral("deleted")] = true;
        } else {
            ItemInfo info;
            info.state = workflowStateFromString(s.text(4)).value_or(WorkflowState::Draft);
            info.liveRevision = s.isNull(3) ? QString() : s.text(3);
            info.regions = s.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
            info.professions = s.text(6).split(QLatin1Char(','), Qt::SkipEmptyParts);
            QString revision = s.text(2);
            // Out of scope: the published revision only; drafts stay invisible.
            if (!visible(user, info)) {
                if (info.liveRevision.isEmpty())
                    continue;
                revision = info.liveRevision;
            }
            auto text = revisionText(revision);
            if (!text)
                return errorResponse(500, QStringLiteral("internal"), text.errorString());
            item = std::move(text).value();
            change[QStringLiteral("deleted")] = false;
            change[QStringLiteral("revision")] = revision;
            change[QStringLiteral("live_revision")] = info.liveRevision.isEmpty() ? JsonValue() : JsonValue(info.liveRevision);
            // Who made the revision sent, and when (for the revision out of scope readers get, not said).
            const bool latestSent = revision == s.text(2);
            change[QStringLiteral("changed_by")] = latestSent && !s.isNull(9) ? JsonValue(s.text(9)) : JsonValue();
            const auto changedAt = latestSent ? storedTime(s, 10) : std::nullopt;
            change[QStringLiteral("changed_at")] = changedAt ? JsonValue(changedAt->toUTC().toString(Qt::ISODate)) : JsonValue();
            if (!info.liveRevision.isEmpty() && info.liveRevision != revision) {
                auto liveText = revisionText(info.liveRevision);
                if (!liveText)
                    return errorResponse(500, QStringLiteral("internal"), liveText.errorString());
                liveItem = std::move(liveText).value();
            }
        }
        // {"changed_at":...,...,"type":...,"item":{...},"live_item":{...}}
        const QByteArray fields = serializeCompact(JsonValue(std::move(change)));
        changesText += sent++ == 0 ? '[' : ',';
        changesText.append(fields.constData(), size_t(fields.size() - 1)); // without its closing brace
        if (!item.isEmpty()) {
            changesText += ",\"item\":";
            changesText.append(item.constData(), size_t(item.size()));
        }
        if (!liveItem.isEmpty()) {
            changesText += ",\"live_item\":";
            changesText.append(liveItem.constData(), size_t(liveItem.size()));
        }
        changesText += '}';
    }
    changesText += sent == 0 ? "[]" : "]";
    m_metrics.add(QStringLiteral("carta_pull_items_total"), sent);
    if (hits > 0)
        m_metrics.add(QStringLiteral("carta_pull_cache_hits_total"), hits);
    if (misses > 0)
        m_metrics.add(QStringLiteral("carta_pull_cache_misses_total"), misses);
    auto latest = meta(QStringLiteral("seq"));
    // {"cursor":...,"latest":...,"more":...,"changes":[...]}
    const QByteArray head = serializeCompact(JsonObject{{QStringLiteral("cursor"), cursor},
                                                        {QStringLiteral("latest"), latest ? latest.value().toLongLong() : cursor},
                                                        {QStringLiteral("more"), rows == limit}});
    std::string answer;
    answer.reserve(size_t(head.size()) + changesText.size() + 16);
    answer.append(head.constData(), size_t(head.size() - 1));
    answer += ",\"changes\":";
    answer += changesText;
    answer += '}';
    return Response::json(200, std::move(answer));
}

// ---- push -----------------------------------------------------------------------------

// Reads a push's body and checks its shape: the request as a whole (a malformed change
// refuses all of it) and each item's own fields. Runs before the push queues.
std::optional<http::Response> SyncService::parsePush(const http::Request &request, PreparedPush &out)
{
    auto json = requestJson(request);
    if (!json)
        return badRequest(json);
    const JsonValue &body = json.value();
    if (auto r = unknownMembers(body, {QStringLiteral("batch_id"), QStringLiteral("changes")}, QString()))
        return *r;
    static const QRegularExpression batchPattern(QStringLiteral("^[A-Za-z0-9-]{8,64}\\z"));
    out.batchId = body[QStringLiteral("batch_id")].toString();
    const QString &batchId = out.batchId;
    if (!batchPattern.match(batchId).hasMatch()) {
        out.batchId.clear();
        return errorResponse(400, QStringLiteral("bad_batch_id"), QStringLiteral("batch_id: must be 8 to 64 letters, digits or hyphens (a UUID is best)"));
    }
    if (!body[QStringLiteral("changes")].isArray() || body[QStringLiteral("changes")].toArray().empty())
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("changes: must be a non-empty array"));
    if (body[QStringLiteral("changes")].toArray().size() > 1000)
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("changes: at most 1000 changes in one batch"));

    // Check every change before writing anything: shape first (a malformed change
    // rejects the whole request), then each item on its own.
    QList<PushChange> &planned = out.planned;
    const JsonArray &changeList = body[QStringLiteral("changes")].toArray();
    QSet<QString> seenIds;
    for (size_t i = 0; i < changeList.size(); ++i) {
        const QString where = QStringLiteral("changes[%1]").arg(i);
        const JsonValue &c = changeList[i];
        if (!c.isObject())
            return errorResponse(400, QStringLiteral("bad_request"), where + QStringLiteral(": must be an object"));
        if (auto r = unknownMembers(c, {QStringLiteral("id"), QStringLiteral("base_revision"), QStringLiteral("item"), QStringLiteral("delete")}, where + QLatin1Char('.')))
            return *r;
        PushChange p;
        p.id = c[QStringLiteral("id")].toString();
        if (QUuid::fromString(p.id).isNull() || p.id != p.id.toLower())
            return errorResponse(400, QStringLiteral("bad_request"), where + QStringLiteral(".id: must be a lowercase item UUID"));
        if (seenIds.contains(p.id))
            return errorResponse(400, QStringLiteral("bad_request"), where + QStringLiteral(".id: the same item twice in one batch"));
        seenIds.insert(p.id);
        const JsonValue base = c[QStringLiteral("base_revision")];
        if (!base.isNull() && !(base.isString() && isRevisionId(base.toString())))
            return errorResponse(400, QStringLiteral("bad_request"), where + QStringLiteral(".base_revision: must be null or a 40-digit revision id"));
        p.base = base.toString();
        const bool isDelete = c[QStringLiteral("delete")].isBool() && c[QStringLiteral("delete")].toBool();
        if (!c[QStringLiteral("delete")].isNull() && !c[QStringLiteral("delete")].isBool())
            return errorResponse(400, QStringLiteral("bad_request"), where + QStringLiteral(".delete: must be true or false"));
        if (isDelete == !c[QStringLiteral("item")].isNull())
            return errorResponse(400, QStringLiteral("bad_request"), where + QStringLiteral(": give either \"item\" or \"delete\": true"));
        p.result = JsonObject{{QStringLiteral("id"), p.id}};
        p.original = c[QStringLiteral("item")];
        if (!isDelete) {
            auto item = itemFromJson(c[QStringLiteral("item")]);
            if (!item) {
                Issues issues;
                for (Issue issue : item.issues()) {
                    issue.where = issue.where.isEmpty() ? QStringLiteral("item") : QStringLiteral("item.") + issue.where;
                    issues.append(issue);
                }
                p.result[QStringLiteral("status")] = QStringLiteral("rejected");
                p.result[QStringLiteral("issues")] = issuesJson(issues);
            } else if (idString(item.value().id) != p.id) {
                p.result[QStringLiteral("status")] = QStringLiteral("rejected");
                p.result[QStringLiteral("issues")] = issuesJson({Issue{QStringLiteral("item.id"), QStringLiteral("does not match the change's id")}});
            } else {
                p.item = std::move(item).value();
            }
        }
        planned.append(std::move(p));
    }

    return std::nullopt;
}

// The answer a batch got when it was first pushed (or 409 when another user's batch has the
// id); nullopt for a batch not seen before. Under m_mutex.
std::optional<http::Response> SyncService::recordedAnswer(const UserRecord &user, const QString &batchId)
{
    auto st = m_db->prepare(QStringLiteral("SELECT user, response FROM batches WHERE batch_id = ?"));
    if (!st)
        return errorResponse(500, QStringLiteral("internal"), st.errorString());
    st.value().bind(1, batchId);
    auto row = st.value().step();
    if (!row)
        return errorResponse(500, QStringLiteral("internal"), row.errorString());
    if (!row.value())
        return std::nullopt;
    if (st.value().text(0) != user.name)
        return errorResponse(409, QStringLiteral("batch_id_taken"), QStringLiteral("batch_id: already used by another user"));
    m_metrics.add(QStringLiteral("carta_push_replays_total"));
    auto answer = Response::json(200, st.value().blob(1).toStdString());
    st.value().reset();
    return answer;
}

// Plans one push against the index as the pushes before it in the group left it, and stages
// its commit on top of theirs. Returns an answer right away for a request that is refused as
// a whole (or replayed); otherwise fills `out`, with the index already showing its changes
// (undone if the group fails).
std::optional<http::Response> SyncService::preparePush(const UserRecord &user, PushGroup &group, PreparedPush &out)
{
    const QString &batchId = out.batchId;
    QList<PushChange> &planned = out.planned;
    // A batch seen before gets the answer it got then, and changes nothing (the same batch
    // twice in one group: the second gets the first's answer once it is known).
    if (const auto seen = group.batchIds.constFind(batchId); seen != group.batchIds.constEnd()) {
        if (group.pushes[*seen].user.name != user.name)
            return errorResponse(409, QStringLiteral("batch_id_taken"), QStringLiteral("batch_id: already used by another user"));
        out.replayOf = *seen;
        return std::nullopt;
    }
    if (auto answered = recordedAnswer(user, batchId))
        return answered;

    Context context(*this);
    for (const PushChange &p : planned)
        if (p.item)
            context.overlay(*p.item);

    const User actor = user.asUser();
    for (PushChange &p : planned) {
        if (p.result.count(QStringLiteral("status")))
            continue;
        const QUuid id = QUuid::fromString(p.id);
        auto existing = m_items.constFind(id);
        const bool exists = existing != m_items.constEnd();
        auto conflict = [&] {
            p.result[QStringLiteral("status")] = QStringLiteral("conflict");
            p.result[QStringLiteral("server_revision")] = exists ? JsonValue(existing->revision) : JsonValue();
            if (exists && visible(user, *existing)) {
                if (auto bytes = m_store->readBlob(existing->revision))
                    if (auto j = parseJson(bytes.value()))
                        p.result[QStringLiteral("server_item")] = j.value();
            }
        };
        auto reject = [&](const Issues &issues, const QString &status = QStringLiteral("rejected")) {
            p.result[QStringLiteral("status")] = status;
            p.result[QStringLiteral("issues")] = issuesJson(issues);
        };

        if (!p.item) { // delete
            if (!exists || existing->revision != p.base) {
                if (!exists && !p.base.isEmpty()) { // already gone: a retry, or deleted by someone else
                    p.result[QStringLiteral("status")] = QStringLiteral("accepted");
                    p.result[QStringLiteral("revision")] = JsonValue();
                } else {
                    conflict();
                }
                continue;
            }
            const ItemFacts facts{existing->state, !existing->liveRevision.isEmpty(), existing->regions, existing->professions};
            const Decision d = decide(actor, Action::Edit, facts);
            if (!d)
                reject({Issue{QString(), d.reason}}, QStringLiteral("forbidden"));
            else if (!existing->liveRevision.isEmpty())
                reject({Issue{QString(), QStringLiteral("the item is published; unpublish or archive it instead of deleting it")}});
            else {
                p.write = true;
                p.info = *existing;
                p.result[QStringLiteral("status")] = QStringLiteral("accepted");
                p.result[QStringLiteral("revision")] = JsonValue();
            }
            continue;
        }

        Item &item = *p.item;
        const Action act = exists ? Action::Edit : Action::Create;
        // The server decides the state: any edit makes a draft (a live revision stays live).
        item.state = WorkflowState::Draft;
        const QByteArray bytes = serialize(item);
        const QString newRevision = revisionId(bytes);
        if (exists && existing->revision == newRevision) {
            // Already there: a retry whose first answer was lost, or the same edit twice.
            p.result[QStringLiteral("status")] = QStringLiteral("accepted");
            p.result[QStringLiteral("revision")] = newRevision;
            continue;
        }
        if (exists ? existing->revision != p.base : !p.base.isEmpty()) {
            conflict();
            continue;
        }
        if (exists && existing->type != item.type()) {
            reject({Issue{QStringLiteral("item.type"), QStringLiteral("cannot change an item's type (it is a %1)").arg(toString(existing->type))}});
            continue;
        }
        const ItemFacts facts = exists ? ItemFacts{existing->state, !existing->liveRevision.isEmpty(), existing->regions, existing->professions}
                                       : ItemFacts::of(item, false);
        Decision d = decide(actor, act, facts);
        if (d && !inScope(actor, ItemFacts::of(item, false)))
            d = Decision{false, QStringLiteral("the edited item would be outside your scope (check its regions and professions)"), std::nullopt};
        if (!d) {
            reject({Issue{QString(), d.reason}}, QStringLiteral("forbidden"));
            continue;
        }
        // The scheduler acts on these times, so setting, moving or clearing one takes the
        // role of the schedule actions (a publisher), as if the item were approved and live.
        {
            ItemFacts scheduling = ItemFacts::of(item, true);
            scheduling.state = WorkflowState::Approved;
            const struct { Action action; QString where; std::optional<QDateTime> before, after; } times[] = {
                {Action::SchedulePublish, QStringLiteral("item.schedule.publish_at"), exists ? existing->publishAt : std::nullopt,
                 item.schedule.publishAt},
                {Action::ScheduleUnpublish, QStringLiteral("item.schedule.unpublish_at"), exists ? existing->unpublishAt : std::nullopt,
                 item.schedule.unpublishAt},
            };
            Issues refused;
            for (const auto &t : times) {
                if (t.before == t.after)
                    continue;
                if (const Decision sd = decide(actor, t.action, scheduling); !sd)
                    refused.append(Issue{t.where, sd.reason});
            }
            if (!refused.isEmpty()) {
                reject(refused, QStringLiteral("forbidden"));
                continue;
            }
        }
        Issues issues = validate(item, &context);
        if (!issues.isEmpty()) {
            for (Issue &issue : issues)
                issue.where = issue.where.isEmpty() ? QStringLiteral("item") : QStringLiteral("item.") + issue.where;
            reject(issues);
            continue;
        }
        auto info = describe(bytes);
        if (!info) {
            reject(info.issues());
            continue;
        }
        p.info = info.value();
        p.info.liveRevision = exists ? existing->liveRevision : QString();
        p.bytes = bytes;
        p.write = true;
        p.result[QStringLiteral("status")] = QStringLiteral("accepted");
        p.result[QStringLiteral("revision")] = newRevision;
        if (bytes != serializeCanonical(p.original))
            p.result[QStringLiteral("item")] = itemToJson(item); // the server changed it (state, canonical form)
    }

    // One commit for everything accepted, staged on the group's tip.
    QList<FileWrite> writes;
    QStringList itemTrailers;
    for (const PushChange &p : planned) {
        if (!p.write)
            continue;
        const QUuid id = QUuid::fromString(p.id);
        writes.append(FileWrite{storagePath(p.info.type, id), p.item ? std::optional<QByteArray>(p.bytes) : std::nullopt});
        itemTrailers.append(p.id);
    }
    out.user = user;
    out.pushTime = m_options.clock();
    if (!writes.isEmpty()) {
        QList<std::pair<QString, QString>> trailers{{QStringLiteral("Carta-Batch"), batchId}, {QStringLiteral("Carta-Action"), QStringLiteral("edit")}};
        for (const QString &id : itemTrailers)
            trailers.append({QStringLiteral("Carta-Item"), id});
        const QString summary = writes.size() == 1 ? QStringLiteral("Edit %1").arg(planned.first().item ? planned.first().item->title.left(60) : itemTrailers.first())
                                                   : QStringLiteral("Edit %1 items").arg(writes.size());
        auto c = m_store->stage(writes, Signature{user.name, user.email, out.pushTime}, summary + QStringLiteral("\n\n") + trailerBlock(trailers), group.tip);
        if (!c)
            return errorResponse(500, QStringLiteral("internal"), QStringLiteral("could not commit: %1").arg(c.errorString()));
        out.commit = c.value();
        group.tip = c.value();
    }
    // The pushes after this one in the group see its changes.
    for (PushChange &p : planned) {
        if (!p.write)
            continue;
        const QUuid id = QUuid::fromString(p.id);
        p.info.changedBy = user.name;
        p.info.changedAt = out.pushTime;
        const auto before = m_items.constFind(id);
        group.undo.append({id, before == m_items.constEnd() ? std::nullopt : std::optional<ItemInfo>(*before)});
        if (p.item) {
            m_items.insert(id, p.info);
            if (p.info.vocabulary) {
                const QString term = toString(*p.info.vocabulary) + QLatin1Char('/') + p.info.slug;
                if (!m_terms.contains(term)) {
                    m_terms.insert(term);
                    group.newTerms.append(term);
                }
            }
        } else {
            m_items.remove(id);
        }
    }
    group.batchIds.insert(batchId, group.pushes.size());
    return std::nullopt;
}

http::Response SyncService::push(const UserRecord &user, const http::Request &request)
{
    // Group commit: the pushes that arrive while one group is being written wait in a queue;
    // the next thread free takes them all as the next group: one pack, one ref move, one
    // database transaction for all of them, each push still its own commit.
    // Reading and checking the body needs none of the service's state: done here, beside
    // the group being written.
    PushRequest mine{&user, {}, {}, false};
    if (auto refused = parsePush(request, mine.parsed)) {
        // A batch answered before gets that answer again, even if its body no longer passes
        // the checks (a retry must learn what happened to it).
        if (refused->status == 400 && !mine.parsed.batchId.isEmpty()) {
            std::lock_guard lock(m_mutex);
            if (auto answered = recordedAnswer(user, mine.parsed.batchId))
                return std::move(*answered);
        }
        return std::move(*refused);
    }
    std::unique_lock queue(m_pushQueueMutex);
    m_pushQueue.push_back(&mine);
    while (!mine.done) {
        if (m_pushLeader) {
            m_pushQueueReady.wait(queue);
            continue;
        }
        m_pushLeader = true;
        std::vector<PushRequest *> group;
        group.swap(m_pushQueue);
        queue.unlock();
        {
            std::lock_guard lock(m_mutex);
            runPushGroup(group);
        }
        queue.lock();
        for (PushRequest *r : group)
            r->done = true;
        m_pushLeader = false;
        m_pushQueueReady.notify_all();
    }
    return mine.response;
}

void SyncService::runPushGroup(const std::vector<PushRequest *> &requests)
{
    PushGroup group;
    group.tip = m_contentTip;
    std::vector<int> prepared(requests.size(), -1); // index into group.pushes
    for (size_t i = 0; i < requests.size(); ++i) {
        PreparedPush p = std::move(requests[i]->parsed);
        if (auto answer = preparePush(*requests[i]->user, group, p)) {
            requests[i]->response = std::move(*answer);
            continue;
        }
        prepared[i] = int(group.pushes.size());
        group.pushes.append(std::move(p));
    }
    auto failAll = [&](const QString &message) {
        // Nothing of the group happened: the index goes back to what it was.
        for (auto it = group.undo.crbegin(); it != group.undo.crend(); ++it) {
            if (it->second)
                m_items.insert(it->first, *it->second);
            else
                m_items.remove(it->first);
        }
        for (const QString &term : group.newTerms)
            m_terms.remove(term);
        for (size_t i = 0; i < requests.size(); ++i)
            if (prepared[i] >= 0)
                requests[i]->response = errorResponse(500, QStringLiteral("internal"), message);
    };
    if (group.pushes.isEmpty())
        return;
    m_metrics.add(QStringLiteral("carta_push_groups_total"));
    const bool committed = group.tip != m_contentTip;
    if (committed) {
        if (auto r = m_store->flush({GitStore::BranchMove{kContent, m_contentTip, group.tip}}); !r) {
            failAll(QStringLiteral("could not commit: %1").arg(r.errorString()));
            return;
        }
    } else {
        m_store->discardStaged();
    }

    auto tx = m_db->transaction([&]() -> Result<Done> {
        for (PreparedPush &push : group.pushes) {
            if (push.replayOf >= 0)
                continue;
            for (PushChange &p : push.planned) {
                if (!p.write)
                    continue;
                auto seq = nextSeq();
                if (!seq)
                    return seq.issues();
                p.info.seq = seq.value();
                if (auto r = storeInfo(QUuid::fromString(p.id), p.info, !p.item); !r)
                    return r;
            }
            auto seq = meta(QStringLiteral("seq"));
            if (!seq)
                return seq.issues();
            JsonArray results;
            for (const PushChange &p : push.planned)
                results.emplace_back(p.result);
            JsonObject responseObject{{QStringLiteral("batch_id"), push.batchId},
                                      {QStringLiteral("results"), JsonValue(std::move(results))},
                                      {QStringLiteral("commit"), push.commit.isEmpty() ? JsonValue() : JsonValue(push.commit)},
                                      {QStringLiteral("cursor"), seq.value().toLongLong()}};
            push.responseBytes = serializeCompact(JsonValue(responseObject));
            auto st = m_db->prepare(QStringLiteral("INSERT INTO batches(batch_id, user, response, created) VALUES(?,?,?,?)"));
            if (!st)
                return st.issues();
            if (auto r = st.value().bind(1, push.batchId).bind(2, push.user.name).bind(3, push.responseBytes).bind(4, nowString(m_options.clock())).run(); !r)
                return r;
        }
        if (committed)
            if (auto r = setMeta(QStringLiteral("content_commit"), group.tip); !r)
                return r;
        return Done{};
    });
    if (!tx) {
        failAll(QStringLiteral("could not record the batch: %1").arg(tx.errorString()));
        // git has the commits: bring the index level with it now, as a restart would.
        if (committed) {
            if (auto r = reconcile(); !r)
                qWarning("carta-syncd: after a failed push, the index could not be brought level with git: %s", qPrintable(r.errorString()));
        }
        return;
    }
    if (committed)
        m_contentTip = group.tip;
    // The index holds the sequence numbers just given.
    for (const PreparedPush &push : group.pushes)
        for (const PushChange &p : push.planned)
            if (p.write && p.item)
                m_items[QUuid::fromString(p.id)].seq = p.info.seq;
    for (size_t i = 0; i < requests.size(); ++i) {
        if (prepared[i] < 0)
            continue;
        const PreparedPush &push = group.pushes[prepared[i]];
        if (push.replayOf >= 0) {
            m_metrics.add(QStringLiteral("carta_push_replays_total"));
            requests[i]->response = Response::json(200, group.pushes[push.replayOf].responseBytes.toStdString());
            continue;
        }
        for (const PushChange &p : push.planned)
            m_metrics.add(QStringLiteral("carta_push_items_total{result=\"%1\"}").arg(p.result.at(QStringLiteral("status")).toString()));
        m_metrics.add(QStringLiteral("carta_pushes_total"));
        if (!push.commit.isEmpty())
            m_metrics.add(QStringLiteral("carta_commits_total{branch=\"content\"}"));
        requests[i]->response = Response::json(200, push.responseBytes.toStdString());
    }
    if (committed)
        maybePack();
}

// ---- workflow actions -----------------------------------------------------------------

http::Response SyncService::action(const UserRecord &user, const QUuid &id, const http::Request &request)
{
    auto json = requestJson(request);
    if (!json)
        return badRequest(json);
    const JsonValue &body = json.value();
    if (auto r = unknownMembers(body, {QStringLiteral("action"), QStringLiteral("comment"), QStringLiteral("base_revision"),
                                       QStringLiteral("publish_at"), QStringLiteral("unpublish_at"), QStringLiteral("revision")}, QString()))
        return *r;
    const auto act = actionFromString(body[QStringLiteral("action")].toString());
    if (!act || *act == Action::Create || *act == Action::Edit)
        return errorResponse(400, QStringLiteral("bad_action"),
                             QStringLiteral("action: must be one of submit, request_changes, approve, publish, schedule_publish, "
                                            "schedule_unpublish, unpublish, archive, revert (edits are pushed)"));
    const JsonValue commentValue = body[QStringLiteral("comment")];
    if (!commentValue.isNull() && !commentValue.isString())
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("comment: must be a string"));
    const QString comment = commentValue.toString();
    if (comment.size() > 10000)
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("comment: at most 10000 characters"));

    auto it = m_items.constFind(id);
    if (it == m_items.constEnd() || (!visible(user, *it) && it->liveRevision.isEmpty()))
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no item %1").arg(idString(id)));
    const ItemInfo current = *it;
    const QString base = body[QStringLiteral("base_revision")].toString();
    if (!base.isEmpty() && base != current.revision)
        return jsonResponse(409, JsonObject{{QStringLiteral("error"), JsonObject{{QStringLiteral("code"), QStringLiteral("conflict")},
                                                                                {QStringLiteral("message"), QStringLiteral("the item changed since base_revision")}}},
                                            {QStringLiteral("server_revision"), current.revision}});

    const Decision decision = decide(user.asUser(), *act, ItemFacts{current.state, !current.liveRevision.isEmpty(), current.regions, current.professions});
    if (!decision) {
        m_metrics.add(QStringLiteral("carta_actions_total{action=\"%1\",result=\"forbidden\"}").arg(toString(*act)));
        return errorResponse(403, QStringLiteral("forbidden"), decision.reason);
    }

    auto bytes = m_store->readBlob(current.revision);
    if (!bytes)
        return errorResponse(500, QStringLiteral("internal"), bytes.errorString());
    auto parsed = parseItem(bytes.value());
    if (!parsed)
        return errorResponse(500, QStringLiteral("internal"), parsed.errorString());
    Item item = std::move(parsed).value();

    const QDateTime now = m_options.clock();
    auto timeParam = [&](const QString &key) -> Result<QDateTime> {
        const JsonValue v = body[key];
        const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
        if (!v.isString() || !t.isValid() || t.timeSpec() == Qt::LocalTime)
            return Issue{key, QStringLiteral("must be a date and time with an offset, like 2026-09-01T09:00:00+01:00")};
        if (t.time().second() != 0 || t.time().msec() != 0)
            return Issue{key, QStringLiteral("must be on a whole minute")};
        // The minute under way still counts: the scheduler carries it out at its next run.
        const QDateTime minuteStart = now.addSecs(-(now.toSecsSinceEpoch() % 60)).addMSecs(-now.time().msec());
        if (t < minuteStart)
            return Issue{key, QStringLiteral("%1 has passed (the server's time is %2); to act now, use %3")
                                  .arg(londonTime(t), londonTime(now),
                                       key == QStringLiteral("publish_at") ? QStringLiteral("publish") : QStringLiteral("unpublish"))};
        return t.toTimeZone(londonZone());
    };
    switch (*act) {
    case Action::SchedulePublish: {
        auto t = timeParam(QStringLiteral("publish_at"));
        if (!t)
            return errorResponse(400, QStringLiteral("bad_request"), t.errorString());
        item.schedule.publishAt = t.value();
        if (!body[QStringLiteral("unpublish_at")].isNull()) { // both at once: a new item has no live revision to schedule yet
            auto u = timeParam(QStringLiteral("unpublish_at"));
            if (!u)
                return errorResponse(400, QStringLiteral("bad_request"), u.errorString());
            item.schedule.unpublishAt = u.value();
        }
        break;
    }
    case Action::ScheduleUnpublish: {
        auto t = timeParam(QStringLiteral("unpublish_at"));
        if (!t)
            return errorResponse(400, QStringLiteral("bad_request"), t.errorString());
        item.schedule.unpublishAt = t.value();
        break;
    }
    case Action::Revert: {
        const QString rev = body[QStringLiteral("revision")].toString();
        if (!isRevisionId(rev))
            return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("revision: give the 40-digit revision id to revert to"));
        auto old = m_store->readBlob(rev);
        auto oldItem = old ? parseItem(old.value()) : Result<Item>(old.issues());
        if (!oldItem || oldItem.value().id != id)
            return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("revision %1 is not a revision of this item").arg(rev));
        // The content comes back; the schedule is the workflow's and stays as it is now.
        const Schedule schedule = item.schedule;
        item = std::move(oldItem).value();
        item.schedule = schedule;
        break;
    }
    default: break;
    }
    item = afterAction(std::move(item), *act, *decision.to);
    // What is published must pass validation; a schedule is checked as it is set.
    if (*act == Action::Publish || *act == Action::SchedulePublish || *act == Action::ScheduleUnpublish) {
        Context context(*this);
        Issues issues = validate(item, &context);
        if (*act == Action::ScheduleUnpublish)
            issues.removeIf([](const Issue &i) { return !i.where.startsWith(QStringLiteral("schedule.")); });
        if (!issues.isEmpty())
            return jsonResponse(422, JsonObject{{QStringLiteral("error"), JsonObject{{QStringLiteral("code"), QStringLiteral("invalid")},
                                                                                    {QStringLiteral("message"), QStringLiteral("the item does not pass validation: %1").arg(joinIssues(issues))}}},
                                                {QStringLiteral("issues"), issuesJson(issues)}});
    }

    auto outcome = commitAction(id, current, item, ActionRecord{*act, comment, std::nullopt}, Signature{user.name, user.email, now});
    if (!outcome)
        return errorResponse(500, QStringLiteral("internal"), outcome.errorString());
    m_metrics.add(QStringLiteral("carta_actions_total{action=\"%1\",result=\"done\"}").arg(toString(*act)));
    const ItemInfo &info = outcome.value().info;
    return jsonResponse(200, JsonObject{{QStringLiteral("id"), idString(id)},
                                        {QStringLiteral("action"), toString(*act)},
                                        {QStringLiteral("state"), toString(info.state)},
                                        {QStringLiteral("revision"), info.revision},
                                        {QStringLiteral("live_revision"), info.liveRevision.isEmpty() ? JsonValue() : JsonValue(info.liveRevision)},
                                        {QStringLiteral("content_commit"), m_contentTip},
                                        {QStringLiteral("live_commit"), outcome.value().liveCommit.isEmpty() ? JsonValue() : JsonValue(outcome.value().liveCommit)},
                                        {QStringLiteral("item"), itemToJson(item)}});
}

Result<SyncService::ActionOutcome> SyncService::commitAction(const QUuid &id, const ItemInfo &current, const Item &item,
                                                             const ActionRecord &record, const Signature &author)
{
    const bool publishLive = record.action == Action::Publish;
    const bool removeLive = (record.action == Action::Unpublish || record.action == Action::Archive) && !current.liveRevision.isEmpty();
    const QByteArray newBytes = serialize(item);
    const QString path = storagePath(current.type, id);
    QList<std::pair<QString, QString>> trailers{{QStringLiteral("Carta-Item"), idString(id)},
                                                {QStringLiteral("Carta-Action"), toString(record.action)}};
    if (!record.comment.isEmpty())
        trailers.append({QStringLiteral("Carta-Comment"), record.comment});
    if (record.scheduledFor)
        trailers.append({QStringLiteral("Carta-Scheduled"), londonTime(*record.scheduledFor)});
    const QString summary = QStringLiteral("%1: %2").arg(toString(record.action), item.title.left(60));
    auto contentCommit = m_store->commit(kContent, {FileWrite{path, newBytes}}, author,
                                         summary + QStringLiteral("\n\n") + trailerBlock(trailers), m_contentTip);
    if (!contentCommit)
        return contentCommit.issues();
    m_contentTip = contentCommit.value();
    QString liveCommit;
    if (publishLive || removeLive) {
        auto liveTrailers = trailers;
        liveTrailers.append({QStringLiteral("Carta-Content-Commit"), contentCommit.value()});
        auto c = m_store->commit(kLive, {FileWrite{path, publishLive ? std::optional<QByteArray>(newBytes) : std::nullopt}}, author,
                                 summary + QStringLiteral("\n\n") + trailerBlock(liveTrailers), m_liveTip);
        if (!c)
            return c.issues(); // git has the content commit; the next start-up's reconcile() records it
        liveCommit = c.value();
        m_liveTip = liveCommit;
        if (m_options.liveChanged)
            m_options.liveChanged();
    }

    ItemInfo info = current;
    info.revision = revisionId(newBytes);
    info.state = item.state;
    info.regions = item.tags.regions;
    info.professions = item.tags.professions;
    info.slug = item.slug;
    info.publishAt = item.schedule.publishAt;
    info.unpublishAt = item.schedule.unpublishAt;
    if (publishLive)
        info.liveRevision = info.revision;
    if (removeLive)
        info.liveRevision.clear();
    info.changedBy = author.name;
    info.changedAt = author.when;
    auto tx = m_db->transaction([&]() -> Result<Done> {
        auto seq = nextSeq();
        if (!seq)
            return seq.issues();
        info.seq = seq.value();
        if (auto r = storeInfo(id, info, false); !r)
            return r;
        if (auto r = setMeta(QStringLiteral("content_commit"), m_contentTip); !r)
            return r;
        return setMeta(QStringLiteral("live_commit"), m_liveTip);
    });
    if (!tx)
        return tx.issues();
    m_items.insert(id, info);
    m_metrics.add(QStringLiteral("carta_commits_total{branch=\"content\"}"));
    if (!liveCommit.isEmpty())
        m_metrics.add(QStringLiteral("carta_commits_total{branch=\"live\"}"));
    maybePack();
    return ActionOutcome{info, liveCommit};
}

// ---- scheduler ----------------------------------------------------------------------------

Result<int> SyncService::runDueSchedules()
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = m_options.clock();
    struct Due
    {
        QDateTime at;
        QUuid id;
        Action action;
    };
    // Each (item, action) is tried once per run; publishing can make an unpublish due, so
    // collect again until nothing new is due (a server that was down catches up in order).
    // The run is planned in memory and committed at the end: one commit on content and one
    // on live for all its actions, so catching up after a long stop costs one commit.
    SchedulePlan plan;
    QSet<QString> tried;
    QSet<QUuid> failingNow;
    while (true) {
        QList<Due> due;
        for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
            const auto planned = plan.infos.constFind(it.key());
            const ItemInfo &info = planned != plan.infos.constEnd() ? *planned : it.value();
            if (info.publishAt && *info.publishAt <= now && info.state == WorkflowState::Approved)
                due.append(Due{*info.publishAt, it.key(), Action::Publish});
            if (info.unpublishAt && *info.unpublishAt <= now && !info.liveRevision.isEmpty())
                due.append(Due{*info.unpublishAt, it.key(), Action::Unpublish});
        }
        due.removeIf([&](const Due &d) { return tried.contains(idString(d.id) + toString(d.action)); });
        if (due.isEmpty())
            break;
        std::sort(due.begin(), due.end(), [](const Due &a, const Due &b) {
            if (a.at != b.at)
                return a.at < b.at;
            if (a.action != b.action)
                return a.action == Action::Publish;
            return a.id < b.id;
        });
        for (const Due &d : due) {
            tried.insert(idString(d.id) + toString(d.action));
            auto r = planSchedule(d.id, d.action, now, plan);
            if (!r)
                return Issue{idString(d.id), QStringLiteral("scheduled %1 failed: %2").arg(toString(d.action), r.errorString())};
            if (!r.value() && d.action == Action::Publish)
                failingNow.insert(d.id);
        }
    }
    if (plan.steps > 0) {
        if (auto r = commitSchedules(plan, now); !r)
            return r.issues();
    }
    // Failures of items no longer due are forgotten: a new failure is reported again.
    for (auto it = m_scheduleFailures.begin(); it != m_scheduleFailures.end();)
        it = failingNow.contains(it.key()) ? std::next(it) : m_scheduleFailures.erase(it);
    m_metrics.add(QStringLiteral("carta_scheduler_runs_total"));
    return plan.steps;
}

Result<bool> SyncService::planSchedule(const QUuid &id, Action action, const QDateTime &now, SchedulePlan &plan)
{
    const auto found = m_items.constFind(id);
    if (found == m_items.constEnd())
        return false;
    const auto planned = plan.infos.constFind(id);
    const ItemInfo current = planned != plan.infos.constEnd() ? *planned : *found;
    // The workflow rules decide the new state (an unpublished item goes back to approved);
    // the scheduler acts for the publisher who set the time, so scope and role do not apply.
    static const User scheduler{kSchedulerName, Role::Admin, {kNationalRegion}, {}};
    const Decision decision = decide(scheduler, action, ItemFacts{current.state, !current.liveRevision.isEmpty(), current.regions, current.professions});
    if (!decision)
        return false;
    Result<Item> parsed = Item{};
    if (const auto it = plan.items.constFind(id); it != plan.items.constEnd()) {
        parsed = *it;
    } else {
        auto bytes = m_store->readBlob(current.revision);
        parsed = bytes ? parseItem(bytes.value()) : Result<Item>(bytes.issues());
    }
    if (!parsed)
        return parsed.issues();
    const std::optional<QDateTime> due = action == Action::Publish ? parsed.value().schedule.publishAt : parsed.value().schedule.unpublishAt;
    if (!due)
        return false;
    Item item = afterAction(std::move(parsed).value(), action, *decision.to);
    if (action == Action::Publish) {
        Context context(*this);
        const Issues issues = validate(item, &context);
        if (!issues.isEmpty()) {
            // Reported once per revision, time and reason; tried again at every run, since
            // what is missing (a term, a referenced item) may come.
            const QString reason = joinIssues(issues);
            const QString what = current.revision + QLatin1Char('|') + londonTime(*due) + QLatin1Char('|') + reason;
            if (m_scheduleFailures.value(id) != what) {
                m_scheduleFailures.insert(id, what);
                m_metrics.add(QStringLiteral("carta_scheduled_actions_total{action=\"publish\",result=\"failed\"}"));
                qWarning("carta-syncd: warning: scheduled publish of %s (\"%s\", due %s) failed validation; it stays approved: %s",
                         qPrintable(idString(id)), qPrintable(item.title), qPrintable(londonTime(*due)), qPrintable(reason));
            }
            return false;
        }
    }
    m_scheduleFailures.remove(id);
    const QByteArray bytes = serialize(item);
    ItemInfo info = current;
    info.revision = revisionId(bytes);
    info.state = item.state;
    info.publishAt = item.schedule.publishAt;
    info.unpublishAt = item.schedule.unpublishAt;
    if (action == Action::Publish)
        info.liveRevision = info.revision;
    else
        info.liveRevision.clear();
    info.changedBy = kSchedulerName;
    info.changedAt = now;
    const bool inLastBatch = !plan.batches.isEmpty()
        && std::any_of(plan.batches.last().cbegin(), plan.batches.last().cend(), [&](const ScheduleStep &s) { return s.id == id; });
    if (plan.batches.isEmpty() || inLastBatch)
        plan.batches.append(QList<ScheduleStep>{});
    plan.batches.last().append(ScheduleStep{id, action, *due, item.title, storagePath(current.type, id), bytes, !current.liveRevision.isEmpty()});
    ++plan.steps;
    plan.infos.insert(id, info);
    plan.items.insert(id, std::move(item));
    return true;
}

Result<Done> SyncService::commitSchedules(const SchedulePlan &plan, const QDateTime &now)
{
    const Signature author{kSchedulerName, kSchedulerEmail, now};
    bool liveChanged = false;
    for (const QList<ScheduleStep> &batch : plan.batches) {
        QString summary;
        QList<std::pair<QString, QString>> trailers;
        if (batch.size() == 1) {
            // One action reads like a manual one: "publish: Title", with the time it was due.
            const ScheduleStep &step = batch.first();
            summary = QStringLiteral("%1: %2").arg(toString(step.action), step.title.left(60));
            trailers = {{QStringLiteral("Carta-Item"), idString(step.id)},
                        {QStringLiteral("Carta-Action"), toString(step.action)},
                        {QStringLiteral("Carta-Scheduled"), londonTime(step.due)}};
        } else {
            const auto published = std::count_if(batch.cbegin(), batch.cend(), [](const ScheduleStep &s) { return s.action == Action::Publish; });
            summary = QStringLiteral("Scheduled: %1 published, %2 unpublished").arg(published).arg(batch.size() - published);
            trailers = {{QStringLiteral("Carta-Action"), QStringLiteral("scheduled")}};
            for (const ScheduleStep &step : batch)
                trailers.append({QStringLiteral("Carta-Scheduled-Item"),
                                 QStringLiteral("%1 %2 %3").arg(idString(step.id), toString(step.action), londonTime(step.due))});
        }
        QList<FileWrite> contentWrites, liveWrites;
        for (const ScheduleStep &step : batch) {
            contentWrites.append(FileWrite{step.path, step.bytes});
            if (step.action == Action::Publish)
                liveWrites.append(FileWrite{step.path, step.bytes});
            else if (step.wasLive)
                liveWrites.append(FileWrite{step.path, std::nullopt});
        }
        auto contentCommit = m_store->commit(kContent, contentWrites, author, summary + QStringLiteral("\n\n") + trailerBlock(trailers), m_contentTip);
        if (!contentCommit)
            return contentCommit.issues(); // earlier batches are in git; the next start-up's reconcile() records them
        m_contentTip = contentCommit.value();
        m_metrics.add(QStringLiteral("carta_commits_total{branch=\"content\"}"));
        if (!liveWrites.isEmpty()) {
            auto liveTrailers = trailers;
            liveTrailers.append({QStringLiteral("Carta-Content-Commit"), contentCommit.value()});
            auto c = m_store->commit(kLive, liveWrites, author, summary + QStringLiteral("\n\n") + trailerBlock(liveTrailers), m_liveTip);
            if (!c)
                return c.issues();
            m_liveTip = c.value();
            liveChanged = true;
            m_metrics.add(QStringLiteral("carta_commits_total{branch=\"live\"}"));
        }
    }
    QHash<QUuid, ItemInfo> stored = plan.infos;
    auto tx = m_db->transaction([&]() -> Result<Done> {
        // Sequence numbers in the order the items were first acted on.
        QSet<QUuid> numbered;
        for (const QList<ScheduleStep> &batch : plan.batches) {
            for (const ScheduleStep &step : batch) {
                if (numbered.contains(step.id))
                    continue;
                numbered.insert(step.id);
                auto seq = nextSeq();
                if (!seq)
                    return seq.issues();
                ItemInfo &info = stored[step.id];
                info.seq = seq.value();
                if (auto r = storeInfo(step.id, info, false); !r)
                    return r;
            }
        }
        if (auto r = setMeta(QStringLiteral("content_commit"), m_contentTip); !r)
            return r;
        return setMeta(QStringLiteral("live_commit"), m_liveTip);
    });
    if (!tx)
        return tx.issues();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        m_items.insert(it.key(), *it);
    if (liveChanged && m_options.liveChanged)
        m_options.liveChanged();
    for (const QList<ScheduleStep> &batch : plan.batches) {
        for (const ScheduleStep &step : batch) {
            m_metrics.add(QStringLiteral("carta_scheduled_actions_total{action=\"%1\",result=\"done\"}").arg(toString(step.action)));
            qInfo("carta-syncd: info: %s %s (\"%s\") as scheduled for %s", step.action == Action::Publish ? "published" : "unpublished",
                  qPrintable(idString(step.id)), qPrintable(step.title), qPrintable(londonTime(step.due)));
        }
    }
    maybePack();
    return Done{};
}

// ---- reading ----------------------------------------------------------------------------

http::Response SyncService::getItem(const UserRecord &user, const QUuid &id)
{
    auto it = m_items.constFind(id);
    if (it == m_items.constEnd() || (!visible(user, *it) && it->liveRevision.isEmpty()))
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no item %1").arg(idString(id)));
    const bool inScope = visible(user, *it);
    const QString revision = inScope ? it->revision : it->liveRevision;
    auto bytes = m_store->readBlob(revision);
    auto json = bytes ? parseJson(bytes.value()) : Result<JsonValue>(bytes.issues());
    if (!json)
        return errorResponse(500, QStringLiteral("internal"), json.errorString());
    JsonObject out{{QStringLiteral("id"), idString(id)},
                   {QStringLiteral("type"), toString(it->type)},
                   {QStringLiteral("revision"), revision},
                   {QStringLiteral("live_revision"), it->liveRevision.isEmpty() ? JsonValue() : JsonValue(it->liveRevision)},
                   {QStringLiteral("item"), json.value()}};
    return jsonResponse(200, JsonValue(std::move(out)));
}

http::Response SyncService::history(const UserRecord &user, const QUuid &id)
{
    auto it = m_items.constFind(id);
    if (it == m_items.constEnd() || !visible(user, *it))
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no item %1 in your scope").arg(idString(id)));
    auto entries = m_store->history(kContent, storagePath(it->type, id));
    if (!entries)
        return errorResponse(500, QStringLiteral("internal"), entries.errorString());
    JsonArray out;
    for (const HistoryEntry &e : entries.value()) {
        auto trailers = parseTrailers(e.message);
        // A scheduler commit with several actions names each, one per item: "id action due-time".
        const QString ownId = idString(id) + QLatin1Char(' ');
        for (const QString &line : trailers.values(QStringLiteral("Carta-Scheduled-Item"))) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (!line.startsWith(ownId) || parts.size() != 3)
                continue;
            trailers.replace(QStringLiteral("Carta-Action"), parts[1]);
            trailers.replace(QStringLiteral("Carta-Scheduled"), parts[2]);
            break;
        }
        out.emplace_back(JsonObject{{QStringLiteral("commit"), e.commit},
                                    {QStringLiteral("revision"), e.blob.isEmpty() ? JsonValue() : JsonValue(e.blob)},
                                    {QStringLiteral("author"), e.authorName},
                                    {QStringLiteral("email"), e.authorEmail},
                                    {QStringLiteral("time"), e.when.toUTC().toString(Qt::ISODate)},
                                    {QStringLiteral("action"), trailers.value(QStringLiteral("Carta-Action"))},
                                    {QStringLiteral("comment"), trailers.value(QStringLiteral("Carta-Comment"))},
                                    {QStringLiteral("scheduled"), trailers.contains(QStringLiteral("Carta-Scheduled"))
                                                                      ? JsonValue(trailers.value(QStringLiteral("Carta-Scheduled")))
                                                                      : JsonValue()},
                                    {QStringLiteral("summary"), e.message.section(QLatin1Char('\n'), 0, 0)}});
    }
    return jsonResponse(200, JsonObject{{QStringLiteral("id"), idString(id)}, {QStringLiteral("history"), JsonValue(std::move(out))}});
}

http::Response SyncService::revision(const UserRecord &user, const QUuid &id, const QString &revision)
{
    if (!isRevisionId(revision))
        return errorResponse(400, QStringLiteral("bad_revision"), QStringLiteral("\"%1\" is not a revision id (40 hex digits)").arg(revision));
    auto it = m_items.constFind(id);
    const bool allowed = it != m_items.constEnd() && (visible(user, *it) || revision == it->liveRevision);
    if (!allowed)
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no item %1 in your scope").arg(idString(id)));
    auto bytes = m_store->readBlob(revision);
    auto item = bytes ? parseItem(bytes.value()) : Result<Item>(bytes.issues());
    if (!item || item.value().id != id)
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("%1 is not a revision of item %2").arg(revision, idString(id)));
    return jsonResponse(200, JsonObject{{QStringLiteral("id"), idString(id)}, {QStringLiteral("revision"), revision},
                                        {QStringLiteral("item"), itemToJson(item.value())}});
}

// ---- attachments ------------------------------------------------------------------------

http::Response SyncService::uploadAttachment(const QString &sha256, const http::Request &request)
{
    const QString target = attachmentPath(sha256);
    QString source = QString::fromStdString(request.bodyFile);
    if (source.isEmpty()) {
        // The front end streams every upload to a file; anything else is a client error.
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("the upload body was not received"));
    }
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly))
        return errorResponse(500, QStringLiteral("internal"), QStringLiteral("cannot read the upload"));
    if (file.size() == 0)
        return errorResponse(400, QStringLiteral("empty_upload"), QStringLiteral("the attachment is empty"));
    if (file.size() > m_options.attachmentLimit)
        return errorResponse(413, QStringLiteral("body_too_large"), QStringLiteral("the attachment is %1 bytes; the limit is %2").arg(file.size()).arg(m_options.attachmentLimit));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    const QString actual = QString::fromLatin1(hash.result().toHex());
    if (actual != sha256)
        return errorResponse(400, QStringLiteral("hash_mismatch"),
                             QStringLiteral("the body's SHA-256 is %1, but the URL names %2; nothing was stored").arg(actual, sha256));
    const qint64 size = file.size();
    if (QFileInfo::exists(target))
        return jsonResponse(200, JsonObject{{QStringLiteral("sha256"), sha256}, {QStringLiteral("size"), size}, {QStringLiteral("created"), false}});
    if (::fsync(file.handle()) != 0)
        return errorResponse(500, QStringLiteral("internal"), QStringLiteral("cannot make the upload durable"));
    file.close();
    QDir().mkpath(QFileInfo(target).path());
    if (!QFile::rename(source, target))
        return errorResponse(500, QStringLiteral("internal"), QStringLiteral("cannot store the attachment"));
    m_metrics.add(QStringLiteral("carta_attachments_stored_total"));
    return jsonResponse(201, JsonObject{{QStringLiteral("sha256"), sha256}, {QStringLiteral("size"), size}, {QStringLiteral("created"), true}});
}

http::Response SyncService::downloadAttachment(const QString &sha256)
{
    const QString path = attachmentPath(sha256);
    if (!QFileInfo::exists(path))
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no attachment %1").arg(sha256));
    Response r;
    r.contentType = "application/octet-stream";
    r.filePath = path.toStdString();
    r.headers.emplace_back("Cache-Control", "private, max-age=31536000, immutable");
    return r;
}

// ---- maintenance ------------------------------------------------------------------------

Result<QStringList> SyncService::fsck()
{
    std::lock_guard lock(m_mutex);
    QStringList problems;
    auto content = m_store->tip(kContent);
    auto live = m_store->tip(kLive);
    if (!content || !live)
        return Issue{m_store->path(), QStringLiteral("cannot read the branches")};
    if (content.value() != m_contentTip)
        problems.append(QStringLiteral("database records content at %1 but the branch is at %2").arg(m_contentTip, content.value()));
    if (live.value() != m_liveTip)
        problems.append(QStringLiteral("database records live at %1 but the branch is at %2").arg(m_liveTip, live.value()));
    QSet<QUuid> seen;
    QSet<QString> attachments;
    for (const auto &[branch, tip] : {std::pair{kContent, content.value()}, std::pair{kLive, live.value()}}) {
        auto files = m_store->listFiles(tip, QStringLiteral("content"));
        if (!files)
            return files.issues();
        for (const auto &[path, blob] : files.value()) {
            auto bytes = m_store->readBlob(blob);
            if (!bytes) {
                problems.append(QStringLiteral("%1:%2: cannot read: %3").arg(branch, path, bytes.errorString()));
                continue;
            }
            auto item = parseItem(bytes.value());
            if (!item) {
                problems.append(QStringLiteral("%1:%2: does not parse: %3").arg(branch, path, item.errorString()));
                continue;
            }
            if (serialize(item.value()) != bytes.value())
                problems.append(QStringLiteral("%1:%2: not in canonical form").arg(branch, path));
            if (item.value().storagePath() != path)
                problems.append(QStringLiteral("%1:%2: should be at %3").arg(branch, path, item.value().storagePath()));
            for (const Attachment &a : item.value().attachments)
                attachments.insert(a.sha256);
            auto info = m_items.constFind(item.value().id);
            if (info == m_items.constEnd()) {
                problems.append(QStringLiteral("%1:%2: not in the database").arg(branch, path));
                continue;
            }
            const QString recorded = branch == kContent ? info->revision : info->liveRevision;
            if (recorded != blob)
                problems.append(QStringLiteral("%1:%2: database has revision %3, git has %4").arg(branch, path, recorded, blob));
            if (branch == kContent && recorded == blob
                && (info->publishAt != item.value().schedule.publishAt || info->unpublishAt != item.value().schedule.unpublishAt))
                problems.append(QStringLiteral("%1:%2: database has the schedule wrong (publish_at %3, unpublish_at %4)")
                                    .arg(branch, path, info->publishAt ? londonTime(*info->publishAt) : QStringLiteral("null"),
                                         info->unpublishAt ? londonTime(*info->unpublishAt) : QStringLiteral("null")));
            if (branch == kContent)
                seen.insert(item.value().id);
            else if (item.value().state != WorkflowState::Published)
                problems.append(QStringLiteral("%1:%2: on live but its state is %3").arg(branch, path, toString(item.value().state)));
        }
    }
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        if (!seen.contains(it.key()))
            problems.append(QStringLiteral("database lists %1, which is not on content").arg(idString(it.key())));
    for (const QString &sha : attachments) {
        QFile f(attachmentPath(sha));
        if (!f.open(QIODevice::ReadOnly)) {
            problems.append(QStringLiteral("attachment %1 is referenced but missing").arg(sha));
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        if (QString::fromLatin1(hash.result().toHex()) != sha)
            problems.append(QStringLiteral("attachment %1 does not match its hash").arg(sha));
    }
    return problems;
}

Result<ImportStats> SyncService::import(const QList<QByteArray> &items, const QHash<QString, QByteArray> &attachments, const QString &author)
{
    std::lock_guard lock(m_mutex);
    if (!m_contentTip.isEmpty() || !m_items.isEmpty())
        return Issue{m_options.dataDir, QStringLiteral("the repository already has content; import into a new data folder")};
    ImportStats stats;
    QList<FileWrite> contentWrites, liveWrites;
    QList<std::pair<QUuid, ItemInfo>> infos;
    Catalogue catalogue;
    QList<Item> parsed;
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto item = parseItem(items[i]);
        if (!item)
            return Issue{QStringLiteral("item %1").arg(i), item.errorString()};
        if (serialize(item.value()) != items[i])
            return Issue{QStringLiteral("item %1").arg(i), QStringLiteral("not in canonical form")};
        catalogue.add(item.value());
        parsed.append(std::move(item).value());
    }
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        const Item &item = parsed[i];
        if (Issues issues = validate(item, &catalogue); !issues.isEmpty())
            return Issue{idString(item.id), joinIssues(issues)};
        auto info = describe(items[i]);
        if (!info)
            return info.issues();
        contentWrites.append(FileWrite{item.storagePath(), items[i]});
        if (item.state == WorkflowState::Published) {
            liveWrites.append(FileWrite{item.storagePath(), items[i]});
            info.value().liveRevision = info.value().revision;
            ++stats.published;
        }
        infos.append({item.id, info.value()});
    }
    for (auto it = attachments.cbegin(); it != attachments.cend(); ++it) {
        if (!isSha256(it.key()) || sha256Hex(it.value()) != it.key())
            return Issue{it.key(), QStringLiteral("attachment bytes do not match their hash")};
        QDir().mkpath(QFileInfo(attachmentPath(it.key())).path());
        QSaveFile f(attachmentPath(it.key()));
        if (!f.open(QIODevice::WriteOnly) || f.write(it.value()) != it.value().size() || !f.commit())
            return Issue{attachmentPath(it.key()), QStringLiteral("cannot write the attachment")};
        ++stats.attachments;
    }

    // Bulk: each commit's objects go to disk as one fsynced pack; refs are written without
    // fsync, everything is repacked with deltas, and the file system synced once.
    GitStore::setDurableWrites(false);
    const Signature signature{author, author + QStringLiteral("@carta.invalid"), m_options.clock()};
    auto contentCommit = m_store->commit(kContent, contentWrites, signature,
                                         QStringLiteral("Import %1 items\n\nCarta-Action: import\n").arg(contentWrites.size()), QString());
    Result<QString> liveCommit = QString();
    if (contentCommit && !liveWrites.isEmpty())
        liveCommit = m_store->commit(kLive, liveWrites, signature,
                                     QStringLiteral("Publish %1 imported items\n\nCarta-Action: import\nCarta-Content-Commit: %2\n")
                                         .arg(liveWrites.size()).arg(contentCommit.value()),
                                     QString());
    std::unique_lock packing(m_packMutex);
    auto packed = contentCommit && liveCommit ? m_store->pack() : Result<Done>(Done{});
    packing.unlock();
    GitStore::setDurableWrites(true);
    ::sync();
    if (!contentCommit)
        return contentCommit.issues();
    if (!liveCommit)
        return liveCommit.issues();
    if (!packed)
        return packed.issues();

    auto tx = m_db->transaction([&]() -> Result<Done> {
        for (auto &[id, info] : infos) {
            auto seq = nextSeq();
            if (!seq)
                return seq.issues();
            info.seq = seq.value();
            info.changedBy = signature.name;
            info.changedAt = signature.when;
            if (auto r = storeInfo(id, info, false); !r)
                return r;
        }
        if (auto r = setMeta(QStringLiteral("content_commit"), contentCommit.value()); !r)
            return r;
        return setMeta(QStringLiteral("live_commit"), liveCommit.value());
    });
    if (!tx)
        return tx.issues();
    m_contentTip = contentCommit.value();
    m_liveTip = liveCommit.value();
    if (m_options.liveChanged)
        m_options.liveChanged();
    for (const auto &[id, info] : infos) {
        m_items.insert(id, info);
        if (info.vocabulary)
            m_terms.insert(toString(*info.vocabulary) + QLatin1Char('/') + info.slug);
    }
    stats.items = infos.size();
    return stats;
}

} // namespace carta::syncserver
