// The offline replica on SQLite through Qt Sql.
#include "replica.h"

#include "model/filesync.h"
#include "model/validation.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QVariant>

#include <algorithm>
#include <cerrno>
#include <limits>

#include <fcntl.h>
#include <unistd.h>

namespace carta::replica {

using namespace carta::model;

namespace {

QAtomicInt g_connections;

Issue sqlIssue(const QString &what, const QSqlError &error)
{
    return Issue{QStringLiteral("replica"), what + QStringLiteral(": ") + error.text()};
}

QString idOf(const QUuid &id) { return idString(id); }

// Qt binds a null QString as SQL NULL; the replica's text columns hold '' instead.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

JsonValue issuesToJson(const Issues &issues)
{
    JsonArray a;
    for (const Issue &i : issues)
        a.emplace_back(JsonObject{{QStringLiteral("where"), i.where}, {QStringLiteral("message"), i.message}});
    return JsonValue(std::move(a));
}

Issues issuesFromJson(const QByteArray &bytes)
{
    Issues out;
    auto json = parseJson(bytes);
    if (!json)
        return out;
    for (const JsonValue &v : json.value().toArray())
        out.append(Issue{v[QStringLiteral("where")].toString(), v[QStringLiteral("message")].toString()});
    return out;
}

JsonValue conflictsToJson(const QList<Conflict> &conflicts)
{
    JsonArray a;
    for (const Conflict &c : conflicts)
        a.emplace_back(JsonObject{{QStringLiteral("kind"), toString(c.kind)}, {QStringLiteral("path"), c.path},
                                  {QStringLiteral("base"), c.base}, {QStringLiteral("mine"), c.mine}, {QStringLiteral("theirs"), c.theirs}});
    return JsonValue(std::move(a));
}

QList<Conflict> conflictsFromJson(const QByteArray &bytes)
{
    QList<Conflict> out;
    auto json = parseJson(bytes, JsonLimits{64 * 1024 * 1024, 64});
    if (!json)
        return out;
    for (const JsonValue &v : json.value().toArray()) {
        const QString kind = v[QStringLiteral("kind")].toString();
        Conflict c{kind == QStringLiteral("delete/edit") ? Conflict::Kind::DeleteEdit
                   : kind == QStringLiteral("order")     ? Conflict::Kind::Order
                                                         : Conflict::Kind::EditEdit,
                   v[QStringLiteral("path")].toString(), v[QStringLiteral("base")], v[QStringLiteral("mine")], v[QStringLiteral("theirs")]};
        out.append(c);
    }
    return out;
}


// ---- the attachment store ----

constexpr qsizetype kCopyChunk = 1024 * 1024;

bool isSha256(const QString &s)
{
    if (s.size() != 64)
        return false;
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QString tooLarge(qint64 size, qint64 limit)
{
    return QStringLiteral("is %1 bytes; attachments are limited to %2 MB (%3 bytes)").arg(size).arg(limit / (1024 * 1024)).arg(limit);
}

} // namespace

struct Replica::Impl
{
    QString path;
    QString connection;
    std::unique_ptr<SearchIndex> search;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(db());
        if (!q.prepare(sql))
            return sqlIssue(QStringLiteral("cannot prepare"), q.lastError());
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec())
            return sqlIssue(QStringLiteral("query failed"), q.lastError());
        return q;
    }

    template<typename F>
    Result<Done> transaction(F body)
    {
        QSqlDatabase d = db();
        if (!d.transaction())
            return sqlIssue(QStringLiteral("cannot begin a transaction"), d.lastError());
        Result<Done> r = body();
        if (!r) {
            d.rollback();
            return r;
        }
        if (!d.commit()) {
            const QSqlError e = d.lastError();
            d.rollback();
            return sqlIssue(QStringLiteral("cannot commit"), e);
        }
        return Done{};
    }

    // The schema changes from version `version - 1` to `version` (run inside a transaction).
    Result<Done> migrateTo(int version)
    {
        QList<const char *> statements;
        switch (version) {
        case 1:
            statements = {
                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "CREATE TABLE items(id TEXT PRIMARY KEY, type TEXT NOT NULL, bytes BLOB NOT NULL, revision TEXT NOT NULL,"
                " base_revision TEXT NOT NULL DEFAULT '', base_bytes BLOB, live_revision TEXT NOT NULL DEFAULT '', live_bytes BLOB,"
                " dirty INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, conflicted INTEGER NOT NULL DEFAULT 0,"
                " push_issues BLOB NOT NULL DEFAULT '[]', refused_revision TEXT NOT NULL DEFAULT '', edited_at TEXT)",
                "CREATE INDEX items_dirty ON items(dirty) WHERE dirty = 1",
                "CREATE TABLE batches(batch_id TEXT PRIMARY KEY, body BLOB NOT NULL, created TEXT NOT NULL)",
                "CREATE TABLE batch_items(batch_id TEXT NOT NULL, item_id TEXT NOT NULL, revision TEXT NOT NULL, bytes BLOB,"
                " PRIMARY KEY(batch_id, item_id))",
                "CREATE TABLE conflicts(item_id TEXT PRIMARY KEY, base BLOB, mine BLOB, theirs BLOB, theirs_revision TEXT,"
                " details BLOB, created TEXT)"};
            break;
        case 2: // attachment files stored here that the server has not confirmed
            statements = {"CREATE TABLE attachment_uploads(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, added TEXT NOT NULL)"};
            break;
        case 3: // status() counts conflicts at every start: without an index that read every
                // item's bytes (the whole file; seconds at ×10)
            statements = {"CREATE INDEX items_conflicted ON items(conflicted) WHERE conflicted = 1"};
            break;
        case 4: // who made each item's latest server revision, and when (the moderation queue's
                // author and waiting time); the cursor starts again so the next sync fills them in
            statements = {"ALTER TABLE items ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''",
                          "ALTER TABLE items ADD COLUMN changed_at TEXT NOT NULL DEFAULT ''",
                          "UPDATE meta SET value = '0' WHERE key = 'cursor'"};
            break;
        default:
            Q_ASSERT_X(false, "Replica::migrateTo", "no such schema version");
            return Issue{QStringLiteral("replica"), QStringLiteral("no migration to schema %1").arg(version)};
        }
        for (const char *sql : statements) {
            if (auto q = exec(QString::fromLatin1(sql)); !q)
                return q.issues();
        }
        if (version == 1)
            return search->createSchema();
        return Done{};
    }

    Result<QString> meta(const QString &key) const
    {
        auto q = exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
        if (!q)
            return q.issues();
        return q.value().next() ? q.value().value(0).toString() : QString();
    }

    Result<Done> setMeta(const QString &key, const QString &value)
    {
        auto q = exec(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                      {key, text(value)});
        if (!q)
            return q.issues();
        return Done{};
    }

    Result<std::optional<LocalItem>> load(const QUuid &id) const
    {
        auto q = exec(QStringLiteral("SELECT type, bytes, revision, base_revision, base_bytes, live_revision, live_bytes, dirty, deleted, "
                                     "conflicted, push_issues, changed_by, changed_at FROM items WHERE id = ?"),
                      {idOf(id)});
        if (!q)
            return q.issues();
        if (!q.value().next())
            return std::optional<LocalItem>();
        LocalItem local = fromRow(id, q.value());
        local.changedBy = q.value().value(11).toString();
        local.changedAt = QDateTime::fromString(q.value().value(12).toString(), Qt::ISODate);
        return std::optional<LocalItem>(std::move(local));
    }

    static LocalItem fromRow(const QUuid &id, const QSqlQuery &q, int offset = 0)
    {
        LocalItem i;
        i.id = id;
        i.type = itemTypeFromString(q.value(offset + 0).toString()).value_or(ItemType::Page);
        i.bytes = q.value(offset + 1).toByteArray();
        i.revision = q.value(offset + 2).toString();
        i.baseRevision = q.value(offset + 3).toString();
        i.baseBytes = q.value(offset + 4).toByteArray();
        i.liveRevision = q.value(offset + 5).toString();
        i.liveBytes = q.value(offset + 6).toByteArray();
        i.dirty = q.value(offset + 7).toInt() != 0;
        i.deleted = q.value(offset + 8).toInt() != 0;
        i.conflicted = q.value(offset + 9).toInt() != 0;
        i.pushIssues = issuesFromJson(q.value(offset + 10).toByteArray());
        return i;
    }

    // Writes an item row whole (insert or replace) and keeps the search index in step.
    Result<Done> store(const LocalItem &i, const QString &refusedRevision = QString())
    {
        auto q = exec(QStringLiteral(
                          "INSERT INTO items(id, type, bytes, revision, base_revision, base_bytes, live_revision, live_bytes, dirty, deleted, "
                          "conflicted, push_issues, refused_revision, edited_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                          "ON CONFLICT(id) DO UPDATE SET type=excluded.type, bytes=excluded.bytes, revision=excluded.revision, "
                          "base_revision=excluded.base_revision, base_bytes=excluded.base_bytes, live_revision=excluded.live_revision, "
                          "live_bytes=excluded.live_bytes, dirty=excluded.dirty, deleted=excluded.deleted, conflicted=excluded.conflicted, "
                          "push_issues=excluded.push_issues, refused_revision=excluded.refused_revision, edited_at=excluded.edited_at"),
                      {idOf(i.id), toString(i.type), i.bytes, text(i.revision), text(i.baseRevision), i.baseBytes, text(i.liveRevision),
                       i.liveBytes, int(i.dirty), int(i.deleted), int(i.conflicted), serializeCompact(issuesToJson(i.pushIssues)),
                       text(refusedRevision),
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
        if (!q)
            return q.issues();
        if (i.deleted)
            return search->remove(i.id);
        auto item = parseItem(i.bytes);
        if (!item)
            return Issue{idOf(i.id), QStringLiteral("stored item does not parse: %1").arg(item.errorString())};
        return search->index(item.value());
    }

    Result<Done> erase(const QUuid &id)
    {
        auto q = exec(QStringLiteral("DELETE FROM items WHERE id = ?"), {idOf(id)});
        if (!q)
            return q.issues();
        if (auto r = exec(QStringLiteral("DELETE FROM conflicts WHERE item_id = ?"), {idOf(id)}); !r)
            return r.issues();
        return search->remove(id);
    }

    Result<Done> recordConflict(const QUuid &id, const QByteArray &base, const QByteArray &mine, const QByteArray &theirs,
                                const QString &theirsRevision, const QList<Conflict> &conflicts)
    {
        auto q = exec(QStringLiteral("INSERT INTO conflicts(item_id, base, mine, theirs, theirs_revision, details, created) VALUES(?,?,?,?,?,?,?) "
                                     "ON CONFLICT(item_id) DO UPDATE SET base=excluded.base, mine=excluded.mine, theirs=excluded.theirs, "
                                     "theirs_revision=excluded.theirs_revision, details=excluded.details, created=excluded.created"),
                      {idOf(id), base, mine, theirs, text(theirsRevision), serializeCompact(conflictsToJson(conflicts)),
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
        if (!q)
            return q.issues();
        return Done{};
    }

    // Local edits against a newer server revision: merge three ways. A clean merge becomes
    // the local revision on top of the server's; otherwise both sides are kept as a conflict.
    Result<Done> mergeWithServer(LocalItem local, const QString &serverRevision, const QByteArray &serverBytes)
    {
        if (serverBytes.isEmpty()) { // deleted on the server (or no longer visible): keep the edit
            Conflict c{Conflict::Kind::DeleteEdit, QString(), JsonValue(), JsonValue(), JsonValue()};
            local.conflicted = true;
            if (auto r = recordConflict(local.id, local.baseBytes, local.bytes, QByteArray(), QString(), {c}); !r)
                return r;
            return store(local);
        }
        auto parse = [](const QByteArray &b) -> JsonValue {
            if (b.isEmpty())
                return JsonValue();
            auto j = parseJson(b);
            return j ? j.value() : JsonValue();
        };
        JsonMergeResult merged = local.deleted ? JsonMergeResult{JsonValue(), {}} : mergeJson(parse(local.baseBytes), parse(local.bytes), parse(serverBytes));
        if (local.deleted) {
            // Deleted here, changed there: keep their revision, report it.
            Conflict c{Conflict::Kind::DeleteEdit, QString(), JsonValue(), JsonValue(), parse(serverBytes)};
            local.conflicted = true;
            if (auto r = recordConflict(local.id, local.baseBytes, QByteArray(), serverBytes, serverRevision, {c}); !r)
                return r;
            return store(local);
        }
        auto mergedItem = itemFromJson(merged.merged);
        if (!mergedItem || !merged.conflicts.isEmpty()) {
            if (!mergedItem && merged.conflicts.isEmpty())
                merged.conflicts.append(Conflict{Conflict::Kind::EditEdit, QString(), parse(local.baseBytes), parse(local.bytes), parse(serverBytes)});
            local.conflicted = true;
            if (auto r = recordConflict(local.id, local.baseBytes, local.bytes, serverBytes, serverRevision, merged.conflicts); !r)
                return r;
            return store(local);
        }
        const QByteArray bytes = serialize(mergedItem.value());
        local.bytes = bytes;
        local.revision = revisionId(bytes);
        local.baseRevision = serverRevision;
        local.baseBytes = serverBytes;
        local.dirty = local.revision != serverRevision;
        local.conflicted = false;
        local.pushIssues.clear();
        return store(local);
    }

    // ---- the attachment store: <replica file>.attachments/<first two hex>/<sha256> ----

    struct StoredFile
    {
        QString sha256;
        qint64 size = 0;
    };

    QString storeDir() const { return path + QStringLiteral(".attachments"); }
    QString storedPath(const QString &sha256) const { return storeDir() + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256; }

    // Moves a complete, fsynced file of the store's folder to its name by hash. The store
    // keeps one copy of each content: when the hash is there already, false and the file
    // is left where it is.
    Result<bool> placeInStore(const QString &file, const QString &sha256) const
    {
        const QString target = storedPath(sha256);
        if (QFileInfo(target).isFile())
            return false;
        const QString folder = QFileInfo(target).path();
        if (!QDir().mkpath(folder))
            return Issue{folder, QStringLiteral("cannot create the folder in the attachment store")};
        if (::rename(QFile::encodeName(file).constData(), QFile::encodeName(target).constData()) != 0)
            return Issue{target, QStringLiteral("cannot move the attachment into the store: %1").arg(qt_error_string(errno))};
        // A rename is durable only once the folder that holds the new name is on disk too.
        if (!syncPath(folder) || !syncPath(storeDir()) || !syncPath(QFileInfo(storeDir()).path()))
            return Issue{folder, QStringLiteral("cannot make the attachment store durable: %1").arg(qt_error_string(errno))};
        return true;
    }

    // Copies source into the store through a temporary file there, hashing as it goes;
    // fsync, then rename. On any failure the temporary file goes and nothing is stored.
    Result<StoredFile> copyIntoStore(QFile &source, const QString &sourcePath, qint64 maxBytes, const QString &expectedSha256) const
    {
        const QString dir = storeDir();
        if (!QDir().mkpath(dir))
            return Issue{dir, QStringLiteral("cannot create the attachment store")};
        QTemporaryFile temp(dir + QStringLiteral("/incoming-XXXXXX"));
        if (!temp.open())
            return Issue{dir, QStringLiteral("cannot write in the attachment store: %1").arg(temp.errorString())};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray buffer(kCopyChunk, Qt::Uninitialized);
        qint64 size = 0;
        for (;;) {
            const qint64 n = source.read(buffer.data(), buffer.size());
            if (n < 0)
                return Issue{sourcePath, QStringLiteral("cannot be read: %1").arg(source.errorString())};
            if (n == 0)
                break;
            size += n;
            if (size > maxBytes) // it grew while being read
                return Issue{sourcePath, tooLarge(size, maxBytes)};
            hash.addData(QByteArrayView(buffer.constData(), n));
            if (temp.write(buffer.constData(), n) != n)
                return Issue{dir, QStringLiteral("cannot write in the attachment store: %1").arg(temp.errorString())};
        }
        const QString sha256 = QString::fromLatin1(hash.result().toHex());
        if (!expectedSha256.isEmpty() && sha256 != expectedSha256)
            return Issue{sourcePath, QStringLiteral("its SHA-256 is %1, not %2; nothing was stored").arg(sha256, expectedSha256)};
        if (!temp.flush() || ::fsync(temp.handle()) != 0)
            return Issue{dir, QStringLiteral("cannot make the attachment durable: %1").arg(qt_error_string(errno))};
        temp.close();
        auto placed = placeInStore(temp.fileName(), sha256);
        if (!placed)
            return placed.issues();
        if (placed.value())
            temp.setAutoRemove(false); // it has its name in the store now
        return StoredFile{sha256, size};
    }

    // Dirty items, not deleted, conflicted or refused, whose latest revision names the
    // attachment, with its index in their attachments.
    Result<QList<std::pair<LocalItem, qsizetype>>> dirtyItemsNaming(const QString &sha256) const
    {
        auto q = exec(QStringLiteral("SELECT id, type, bytes, revision, base_revision, base_bytes, live_revision, live_bytes, dirty, deleted, "
                                     "conflicted, push_issues FROM items WHERE dirty = 1 AND deleted = 0 AND conflicted = 0 "
                                     "AND refused_revision != revision AND instr(bytes, ?) > 0 ORDER BY edited_at, id"),
                      {sha256.toLatin1()});
        if (!q)
            return q.issues();
        QList<std::pair<LocalItem, qsizetype>> out;
        while (q.value().next()) {
            LocalItem local = fromRow(QUuid::fromString(q.value().value(0).toString()), q.value(), 1);
            if (const qsizetype index = attachmentIndex(local.bytes, sha256); index >= 0)
                out.append({std::move(local), index});
        }
        return out;
    }

    // Where bytes (an item) lists the attachment, or -1.
    static qsizetype attachmentIndex(const QByteArray &bytes, const QString &sha256)
    {
        if (!bytes.contains(sha256.toLatin1())) // most items: no need to parse
            return -1;
        auto item = parseItem(bytes);
        if (!item)
            return -1;
        const QList<Attachment> &list = item.value().attachments;
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].sha256 == sha256)
                return i;
        }
        return -1;
    }
};

Replica::Replica(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Replica::~Replica()
{
    // The next start reads the search index in one sweep (best effort: a failure only makes
    // that start slower).
    if (m_impl->search) {
        auto saved = m_impl->transaction([&]() -> Result<Done> { return m_impl->search->saveSnapshot(); });
        if (!saved)
            qWarning("carta: could not save the search index's snapshot: %s", qPrintable(saved.errorString()));
    }
    // Closed cleanly: the next open need not read the whole file to check it.
    (void)m_impl->exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('session_open', '0') "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    const QString name = m_impl->connection;
    m_impl->search.reset();
    {
        QSqlDatabase d = QSqlDatabase::database(name, false);
        d.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString Replica::path() const
{
    return m_impl->path;
}

Result<std::unique_ptr<Replica>> Replica::open(const QString &path, OpenFailure *failure)
{
    auto fail = [&](OpenFailure kind, Issue issue) -> Result<std::unique_ptr<Replica>> {
        if (failure)
            *failure = kind;
        return issue;
    };
    if (failure)
        *failure = OpenFailure::None;
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->connection = QStringLiteral("carta-replica-%1").arg(g_connections.fetchAndAddRelaxed(1));
    struct Cleanup
    {
        QString name;
        bool keep = false;
        ~Cleanup()
        {
            if (!keep)
                QSqlDatabase::removeDatabase(name);
        }
    } cleanup{impl->connection};
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), impl->connection);
        d.setDatabaseName(path);
        if (!d.open())
            return fail(OpenFailure::Io, Issue{path, QStringLiteral("cannot open the replica: %1").arg(d.lastError().text())});
        // Damage is looked for in two steps. Always: the header and the schema page (what a
        // torn or overwritten start of the file breaks). After a session that did not close
        // cleanly (a crash, a kill, a power cut): PRAGMA quick_check over every page, which
        // reads the whole file — seconds for a ×10 replica, too slow for every start.
        QSqlQuery check(d);
        auto damaged = [&](const QString &sql) {
            if (check.exec(sql) && check.next()
                && (!sql.startsWith(QStringLiteral("PRAGMA quick_check")) || check.value(0).toString() == QStringLiteral("ok")))
                return QString();
            return check.lastError().isValid() ? check.lastError().text() : check.value(0).toString();
        };
        QString damage = damaged(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        if (damage.isEmpty()) {
            QSqlQuery marker(d);
            const bool uncleanExit = marker.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'session_open'")) && marker.next()
                && marker.value(0).toString() != QStringLiteral("0");
            marker.finish();
            if (uncleanExit)
                damage = damaged(QStringLiteral("PRAGMA quick_check"));
        }
        if (!damage.isEmpty()) {
            check.finish();
            d.close();
            return fail(OpenFailure::Corrupt, Issue{path, QStringLiteral("the replica is damaged (%1)").arg(damage)});
        }
        QSqlQuery version(d);
        if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
            d.close();
            return fail(OpenFailure::Corrupt, Issue{path, QStringLiteral("the replica is damaged (no schema version)")});
        }
        const int v = version.value(0).toInt();
        version.finish(); // no statement may stay open while the journal mode changes
        check.finish();
        if (v > kSchemaVersion) {
            d.close();
            return fail(OpenFailure::NewerSchema,
                        Issue{path, QStringLiteral("the replica was written by a newer Carta (schema %1; this one knows %2)").arg(v).arg(kSchemaVersion)});
        }
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=5000"}) {
            QSqlQuery p(d);
            if (!p.exec(QString::fromLatin1(pragma)))
                return fail(OpenFailure::Io, Issue{path, p.lastError().text()});
        }
        impl->search = std::make_unique<SearchIndex>(impl->connection);
        // One step per schema version, each in its own transaction with the version it
        // reaches, so a replica interrupted half-way opens at the last finished step.
        for (int next = v + 1; next <= kSchemaVersion; ++next) {
            auto migrated = impl->transaction([&]() -> Result<Done> {
                if (auto r = impl->migrateTo(next); !r)
                    return r;
                if (auto q = impl->exec(QStringLiteral("PRAGMA user_version = %1").arg(next)); !q)
                    return q.issues();
                return Done{};
            });
            if (!migrated) {
                const QString why = migrated.errorString();
                return fail(OpenFailure::Io, Issue{path, next == 1 ? QStringLiteral("cannot create the replica: %1").arg(why)
                                                                   : QStringLiteral("cannot update the replica to schema %1: %2").arg(next).arg(why)});
            }
        }
        // Open until the destructor says otherwise (see the damage check above).
        if (auto q = impl->exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('session_open', '1') "
                                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
            !q)
            return fail(OpenFailure::Io, Issue{path, q.errorString()});
        if (auto r = impl->search->load(); !r) {
            // The index is derived from the items: rebuild it rather than refuse the replica.
            qWarning("carta: rebuilding the search index of %s (%s)", qPrintable(path), qPrintable(r.errorString()));
            auto rebuilt = impl->transaction([&]() -> Result<Done> {
                if (auto c = impl->search->clear(); !c)
                    return c;
                auto rows = impl->exec(QStringLiteral("SELECT bytes FROM items WHERE deleted = 0"));
                if (!rows)
                    return rows.issues();
                while (rows.value().next()) {
                    auto item = parseItem(rows.value().value(0).toByteArray());
                    if (!item)
                        return item.issues();
                    if (auto indexed = impl->search->index(item.value()); !indexed)
                        return indexed;
                }
                return Done{};
            });
            if (!rebuilt || !impl->search->load())
                return fail(OpenFailure::Corrupt, Issue{path, QStringLiteral("cannot rebuild the search index: %1").arg(rebuilt.errorString())});
        }
    }
    cleanup.keep = true;
    return std::unique_ptr<Replica>(new Replica(std::move(impl)));
}

Result<QByteArray> Replica::exportOutbox(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Issue{path, QStringLiteral("no such replica")};
    const QString name = QStringLiteral("carta-replica-export-%1").arg(g_connections.fetchAndAddRelaxed(1));
    JsonArray out;
    QString error;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(path);
        d.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!d.open()) {
            error = d.lastError().text();
        } else {
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral("SELECT id, base_revision, bytes, deleted, base_bytes FROM items WHERE dirty = 1 OR conflicted = 1"))) {
                error = q.lastError().text();
            } else {
                while (q.next()) {
                    JsonObject entry{{QStringLiteral("id"), q.value(0).toString()},
                                     {QStringLiteral("base_revision"), q.value(1).toString().isEmpty() ? JsonValue() : JsonValue(q.value(1).toString())}};
                    if (auto base = parseJson(q.value(4).toByteArray()))
                        entry[QStringLiteral("base_item")] = base.value();
                    if (q.value(3).toInt() != 0) {
                        entry[QStringLiteral("deleted")] = true;
                    } else if (auto item = parseJson(q.value(2).toByteArray())) {
                        entry[QStringLiteral("item")] = item.value();
                    } else {
                        entry[QStringLiteral("unreadable")] = QString::fromLatin1(q.value(2).toByteArray().toBase64());
                    }
                    out.emplace_back(std::move(entry));
                }
                if (q.lastError().isValid())
                    error = q.lastError().text();
            }
            d.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (out.empty() && !error.isEmpty())
        return Issue{path, QStringLiteral("nothing could be read: %1").arg(error)};
    return serializeCanonical(JsonValue(std::move(out)));
}

Result<Done> Replica::restoreEdits(const QList<RestoredEdit> &edits)
{
    // Checked first, all of them: nothing is stored unless every edit can be.
    std::vector<std::optional<Item>> parsed(size_t(edits.size()));
    QSet<QUuid> seen;
    for (qsizetype n = 0; n < edits.size(); ++n) {
        const RestoredEdit &edit = edits[n];
        const QString where = QStringLiteral("edit %1 (%2)").arg(n).arg(idOf(edit.id));
        if (edit.id.isNull())
            return Issue{QStringLiteral("edit %1").arg(n), QStringLiteral("no item id")};
        if (seen.contains(edit.id))
            return Issue{where, QStringLiteral("the same item twice")};
        seen.insert(edit.id);
        if (!edit.baseBytes.isEmpty() && revisionId(edit.baseBytes) != edit.baseRevision)
            return Issue{where, QStringLiteral("the base bytes do not match base revision %1").arg(edit.baseRevision)};
        if (edit.bytes) {
            auto item = parseItem(*edit.bytes);
            if (!item)
                return Issue{where, item.errorString()};
            if (item.value().id != edit.id)
                return Issue{where, QStringLiteral("the item has another id")};
            parsed[size_t(n)] = std::move(item).value();
        }
    }
    return m_impl->transaction([&]() -> Result<Done> {
        for (qsizetype n = 0; n < edits.size(); ++n) {
            const RestoredEdit &edit = edits[n];
            const std::optional<Item> &item = parsed[size_t(n)];
            auto existing = m_impl->load(edit.id);
            if (!existing)
                return existing.issues();
            if (!edit.bytes && !existing.value())
                continue; // deleting what is not here
            LocalItem local;
            if (existing.value()) {
                local = *existing.value();
            } else {
                local.id = edit.id;
                local.type = item->type();
            }
            local.baseRevision = edit.baseRevision;
            local.baseBytes = edit.baseBytes;
            if (item) {
                local.bytes = serialize(*item);
                local.revision = revisionId(local.bytes);
                local.deleted = false;
            } else {
                local.deleted = true;
            }
            local.dirty = true;
            local.conflicted = false;
            if (auto stored = m_impl->store(local); !stored)
                return stored;
        }
        return Done{};
    });
}

Result<QString> Replica::saveItem(const Item &item)
{
    const QByteArray bytes = serialize(item);
    const QString revision = revisionId(bytes);
    auto r = m_impl->transaction([&]() -> Result<Done> {
        auto existing = m_impl->load(item.id);
        if (!existing)
            return existing.issues();
        LocalItem local;
        if (existing.value()) {
            local = *existing.value();
            if (local.type != item.type())
                return Issue{QStringLiteral("type"), QStringLiteral("an item's type cannot change")};
        } else {
            local.id = item.id;
            local.type = item.type();
        }
        local.bytes = bytes;
        local.revision = revision;
        local.deleted = false;
        local.dirty = revision != local.baseRevision;
        local.pushIssues.clear();
        return m_impl->store(local);
    });
    if (!r)
        return r.issues();
    return revision;
}

Result<Done> Replica::deleteItem(const QUuid &id)
{
    return m_impl->transaction([&]() -> Result<Done> {
        auto existing = m_impl->load(id);
        if (!existing)
            return existing.issues();
        if (!existing.value())
            return Issue{idOf(id), QStringLiteral("no such item")};
        LocalItem local = *existing.value();
        if (local.baseRevision.isEmpty())
            return m_impl->erase(id); // never reached the server
        local.deleted = true;
        local.dirty = true;
        return m_impl->store(local);
    });
}

Result<std::optional<LocalItem>> Replica::item(const QUuid &id) const
{
    return m_impl->load(id);
}

Result<QList<LocalItem>> Replica::dirtyItems() const
{
    auto q = m_impl->exec(QStringLiteral("SELECT id, type, bytes, revision, base_revision, base_bytes, live_revision, live_bytes, dirty, deleted, "
                                         "conflicted, push_issues FROM items WHERE dirty = 1 ORDER BY edited_at, id"));
    if (!q)
        return q.issues();
    QList<LocalItem> out;
    while (q.value().next())
        out.append(Impl::fromRow(QUuid::fromString(q.value().value(0).toString()), q.value(), 1));
    return out;
}

Result<Status> Replica::status(StatusCount count) const
{
    Status s;
    auto q = m_impl->exec(QStringLiteral("SELECT %1, (SELECT count(*) FROM items WHERE dirty = 1), "
                                         "(SELECT count(*) FROM items WHERE conflicted = 1), (SELECT count(*) FROM batches)")
                              .arg(count == StatusCount::AllItems ? QStringLiteral("(SELECT count(*) FROM items)") : QStringLiteral("-1")));
    if (!q)
        return q.issues();
    if (q.value().next()) {
        s.items = q.value().value(0).toLongLong();
        s.dirty = q.value().value(1).toLongLong();
        s.conflicts = q.value().value(2).toLongLong();
        s.pendingBatches = q.value().value(3).toLongLong();
    }
    auto c = cursor();
    if (!c)
        return c.issues();
    s.cursor = c.value();
    auto last = m_impl->meta(QStringLiteral("last_sync"));
    if (!last)
        return last.issues();
    s.lastSync = last.value();
    return s;
}

Result<QString> Replica::setting(const QString &key) const
{
    return m_impl->meta(QStringLiteral("setting.") + key);
}

Result<Done> Replica::setSetting(const QString &key, const QString &value)
{
    return m_impl->setMeta(QStringLiteral("setting.") + key, value);
}

std::optional<model::User> userFromJson(const JsonValue &j)
{
    if (!j.isObject())
        return std::nullopt;
    const auto role = roleFromString(j[QStringLiteral("role")].toString());
    if (!role)
        return std::nullopt;
    model::User user;
    user.name = j[QStringLiteral("name")].toString();
    user.role = *role;
    for (const JsonValue &v : j[QStringLiteral("regions")].toArray())
        user.regions.append(v.toString());
    for (const JsonValue &v : j[QStringLiteral("professions")].toArray())
        user.professions.append(v.toString());
    return user;
}

std::optional<model::User> Replica::signedInUser() const
{
    auto stored = setting(QStringLiteral("me"));
    if (!stored || stored.value().isEmpty())
        return std::nullopt;
    auto json = parseJson(stored.value().toUtf8());
    return json ? userFromJson(json.value()) : std::nullopt;
}

Result<Done> Replica::setSignedInUser(const model::User &user)
{
    JsonArray regions, professions;
    for (const QString &r : user.regions)
        regions.emplace_back(r);
    for (const QString &p : user.professions)
        professions.emplace_back(p);
    const JsonValue j(JsonObject{{QStringLiteral("name"), user.name},
                                 {QStringLiteral("role"), toString(user.role)},
                                 {QStringLiteral("regions"), JsonValue(std::move(regions))},
                                 {QStringLiteral("professions"), JsonValue(std::move(professions))}});
    return setSetting(QStringLiteral("me"), QString::fromUtf8(serializeCompact(j)));
}

Result<qint64> Replica::cursor() const
{
    auto v = m_impl->meta(QStringLiteral("cursor"));
    if (!v)
        return v.issues();
    return v.value().toLongLong();
}

Result<Done> Replica::markSynced(const QString &isoTime)
{
    return m_impl->setMeta(QStringLiteral("last_sync"), isoTime);
}

Result<Done> Replica::applyPulled(const QList<ServerChange> &changes, qint64 newCursor)
{
    return m_impl->transaction([&]() -> Result<Done> {
        for (const ServerChange &change : changes) {
            auto existing = m_impl->load(change.id);
            if (!existing)
                return existing.issues();
            if (change.deleted) {
                if (!existing.value())
                    continue;
                const LocalItem &local = *existing.value();
                if (!local.dirty) {
                    if (auto r = m_impl->erase(change.id); !r)
                        return r;
                } else if (auto r = m_impl->mergeWithServer(local, QString(), QByteArray()); !r) {
                    return r;
                }
                continue;
            }
            if (revisionId(change.bytes) != change.revision)
                return Issue{idOf(change.id), QStringLiteral("the server sent bytes whose revision id is not %1").arg(change.revision)};
            auto parsed = parseItem(change.bytes);
            if (!parsed)
                return Issue{idOf(change.id), QStringLiteral("the server sent an item that does not parse: %1").arg(parsed.errorString())};
            const QByteArray liveBytes = change.liveRevision == change.revision ? QByteArray() : change.liveBytes;
            auto recordChanger = [&]() -> Result<Done> {
                auto q = m_impl->exec(QStringLiteral("UPDATE items SET changed_by = ?, changed_at = ? WHERE id = ?"),
                                      {text(change.changedBy),
                                       text(change.changedAt.isValid() ? change.changedAt.toUTC().toString(Qt::ISODate) : QString()),
                                       idOf(change.id)});
                if (!q)
                    return q.issues();
                return Done{};
            };
            if (!existing.value() || !existing.value()->dirty) {
                LocalItem local;
                local.id = change.id;
                local.type = parsed.value().type();
                local.bytes = change.bytes;
                local.revision = change.revision;
                local.baseRevision = change.revision;
                local.baseBytes = change.bytes;
                local.liveRevision = change.liveRevision;
                local.liveBytes = liveBytes;
                if (auto r = m_impl->store(local); !r)
                    return r;
                if (auto r = recordChanger(); !r)
                    return r;
                continue;
            }
            LocalItem local = *existing.value();
            local.liveRevision = change.liveRevision;
            local.liveBytes = liveBytes;
            if (change.revision == local.baseRevision) {
                // Only the live revision moved: that alone is written, so the local edit's
                // bookkeeping (when it was made, a refusal since) stays as it is.
                auto q = m_impl->exec(QStringLiteral("UPDATE items SET live_revision = ?, live_bytes = ? WHERE id = ?"),
                                      {text(local.liveRevision), local.liveBytes, idOf(local.id)});
                if (!q)
                    return q.issues();
            } else if (change.revision == local.revision) {
                local.baseRevision = change.revision; // the server already has exactly this
                local.baseBytes = change.bytes;
                local.dirty = false;
                if (auto r = m_impl->store(local); !r)
                    return r;
            } else if (local.conflicted) {
                // Still waiting for a person: refresh their side of the conflict.
                if (auto r = m_impl->mergeWithServer(local, change.revision, change.bytes); !r)
                    return r;
            } else if (auto r = m_impl->mergeWithServer(local, change.revision, change.bytes); !r) {
                return r;
            }
            if (auto r = recordChanger(); !r)
                return r;
        }
        return m_impl->setMeta(QStringLiteral("cursor"), QString::number(newCursor));
    });
}

Result<PendingBatch> Replica::nextBatch(int maxItems, const QSet<QString> &heldAttachments)
{
    PendingBatch batch;
    {
        auto q = m_impl->exec(QStringLiteral("SELECT batch_id, body FROM batches ORDER BY created, batch_id LIMIT 1"));
        if (!q)
            return q.issues();
        if (q.value().next()) {
            batch.batchId = q.value().value(0).toString();
            batch.body = q.value().value(1).toByteArray();
            auto items = m_impl->exec(QStringLiteral("SELECT item_id FROM batch_items WHERE batch_id = ?"), {batch.batchId});
            if (!items)
                return items.issues();
            while (items.value().next())
                batch.items.append(QUuid::fromString(items.value().value(0).toString()));
            return batch;
        }
    }
    // Items held back are skipped, so the rows are read (lazily) until the batch is full.
    auto q = m_impl->exec(QStringLiteral("SELECT id, type, bytes, revision, base_revision, base_bytes, live_revision, live_bytes, dirty, deleted, "
                                         "conflicted, push_issues FROM items WHERE dirty = 1 AND conflicted = 0 AND refused_revision != revision "
                                         "ORDER BY edited_at, id LIMIT ?"),
                          {heldAttachments.isEmpty() ? maxItems : -1});
    if (!q)
        return q.issues();
    QList<LocalItem> items;
    while (items.size() < maxItems && q.value().next()) {
        LocalItem local = Impl::fromRow(QUuid::fromString(q.value().value(0).toString()), q.value(), 1);
        const bool held = !local.deleted && std::any_of(heldAttachments.cbegin(), heldAttachments.cend(), [&](const QString &sha256) {
            return Impl::attachmentIndex(local.bytes, sha256) >= 0;
        });
        if (!held)
            items.append(std::move(local));
    }
    if (items.isEmpty())
        return batch;

    batch.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    JsonArray changes;
    for (const LocalItem &i : items) {
        JsonObject c{{QStringLiteral("id"), idOf(i.id)},
                     {QStringLiteral("base_revision"), i.baseRevision.isEmpty() ? JsonValue() : JsonValue(i.baseRevision)}};
        if (i.deleted) {
            c[QStringLiteral("delete")] = true;
        } else {
            auto json = parseJson(i.bytes);
            if (!json)
                return Issue{idOf(i.id), json.errorString()};
            c[QStringLiteral("item")] = json.value();
        }
        changes.emplace_back(std::move(c));
        batch.items.append(i.id);
    }
    batch.body = serializeCompact(JsonObject{{QStringLiteral("batch_id"), batch.batchId}, {QStringLiteral("changes"), JsonValue(std::move(changes))}});
    auto recorded = m_impl->transaction([&]() -> Result<Done> {
        if (auto r = m_impl->exec(QStringLiteral("INSERT INTO batches(batch_id, body, created) VALUES(?,?,?)"),
                                  {batch.batchId, batch.body, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
            !r)
            return r.issues();
        for (const LocalItem &i : items) {
            if (auto r = m_impl->exec(QStringLiteral("INSERT INTO batch_items(batch_id, item_id, revision, bytes) VALUES(?,?,?,?)"),
                                      {batch.batchId, idOf(i.id), i.deleted ? QStringLiteral("") : i.revision, i.deleted ? QByteArray() : i.bytes});
                !r)
                return r.issues();
        }
        return Done{};
    });
    if (!recorded)
        return recorded.issues();
    return batch;
}

Result<Done> Replica::applyPushResults(const QString &batchId, const QList<PushResult> &results)
{
    return m_impl->transaction([&]() -> Result<Done> {
        for (const PushResult &result : results) {
            auto sent = m_impl->exec(QStringLiteral("SELECT revision, bytes FROM batch_items WHERE batch_id = ? AND item_id = ?"),
                                     {batchId, idOf(result.id)});
            if (!sent)
                return sent.issues();
            if (!sent.value().next())
                return Issue{idOf(result.id), QStringLiteral("the server answered for an item that was not in batch %1").arg(batchId)};
            const QString sentRevision = sent.value().value(0).toString();
            const QByteArray sentBytes = sent.value().value(1).toByteArray();
            auto existing = m_impl->load(result.id);
            if (!existing)
                return existing.issues();
            if (!existing.value())
                continue; // removed here meanwhile
            LocalItem local = *existing.value();
            if (result.status == QStringLiteral("accepted")) {
                if (sentRevision.isEmpty()) { // a delete
                    if (auto r = m_impl->erase(result.id); !r)
                        return r;
                    continue;
                }
                const QByteArray stored = result.storedBytes.isEmpty() ? sentBytes : result.storedBytes;
                if (revisionId(stored) != result.revision)
                    return Issue{idOf(result.id), QStringLiteral("the server's revision id %1 does not match its bytes").arg(result.revision)};
                local.baseRevision = result.revision;
                local.baseBytes = stored;
                if (local.revision == sentRevision && !local.deleted) { // not edited (nor deleted) since: take the server's form
                    local.bytes = stored;
                    local.revision = result.revision;
                    local.dirty = false;
                }
                local.pushIssues.clear();
                if (auto r = m_impl->store(local); !r)
                    return r;
            } else if (result.status == QStringLiteral("conflict")) {
                if (auto r = m_impl->mergeWithServer(local, result.serverRevision, result.serverBytes); !r)
                    return r;
            } else { // rejected, forbidden: not sent again until edited
                local.pushIssues = result.issues;
                if (auto r = m_impl->store(local, sentRevision); !r)
                    return r;
            }
        }
        if (auto r = m_impl->exec(QStringLiteral("DELETE FROM batch_items WHERE batch_id = ?"), {batchId}); !r)
            return r.issues();
        if (auto r = m_impl->exec(QStringLiteral("DELETE FROM batches WHERE batch_id = ?"), {batchId}); !r)
            return r.issues();
        return Done{};
    });
}

Result<QList<ConflictRecord>> Replica::conflicts() const
{
    auto q = m_impl->exec(QStringLiteral("SELECT item_id, base, mine, theirs, theirs_revision, details FROM conflicts ORDER BY created, item_id"));
    if (!q)
        return q.issues();
    QList<ConflictRecord> out;
    while (q.value().next()) {
        ConflictRecord c;
        c.id = QUuid::fromString(q.value().value(0).toString());
        c.base = q.value().value(1).toByteArray();
        c.mine = q.value().value(2).toByteArray();
        c.theirs = q.value().value(3).toByteArray();
        c.theirsRevision = q.value().value(4).toString();
        c.conflicts = conflictsFromJson(q.value().value(5).toByteArray());
        out.append(c);
    }
    return out;
}

Result<Done> Replica::resolve(const QUuid &id, const Item &resolved)
{
    if (resolved.id != id)
        return Issue{QStringLiteral("id"), QStringLiteral("the resolved item has another id")};
    return m_impl->transaction([&]() -> Result<Done> {
        auto q = m_impl->exec(QStringLiteral("SELECT theirs, theirs_revision FROM conflicts WHERE item_id = ?"), {idOf(id)});
        if (!q)
            return q.issues();
        if (!q.value().next())
            return Issue{idOf(id), QStringLiteral("no conflict to resolve")};
        const QByteArray theirs = q.value().value(0).toByteArray();
        const QString theirsRevision = q.value().value(1).toString();
        auto existing = m_impl->load(id);
        if (!existing)
            return existing.issues();
        if (!existing.value())
            return Issue{idOf(id), QStringLiteral("no such item")};
        LocalItem local = *existing.value();
        local.bytes = serialize(resolved);
        local.revision = revisionId(local.bytes);
        local.baseRevision = theirsRevision; // empty when the server deleted it: pushed as new
        local.baseBytes = theirs;
        local.deleted = false;
        local.conflicted = false;
        local.dirty = local.revision != theirsRevision;
        local.pushIssues.clear();
        if (auto r = m_impl->exec(QStringLiteral("DELETE FROM conflicts WHERE item_id = ?"), {idOf(id)}); !r)
            return r.issues();
        return m_impl->store(local);
    });
}

// ---- attachments ----

Result<Attachment> Replica::addAttachmentFile(const QString &filePath)
{
    const QFileInfo info(filePath);
    if (!info.exists())
        return Issue{filePath, QStringLiteral("no such file")};
    if (info.isDir())
        return Issue{filePath, QStringLiteral("is a folder, not a file; attach the files in it one by one")};
    if (!info.isFile())
        return Issue{filePath, QStringLiteral("is not a regular file")};
    if (info.size() > kMaxAttachmentBytes)
        return Issue{filePath, tooLarge(info.size(), kMaxAttachmentBytes)};
    if (info.size() == 0)
        return Issue{filePath, QStringLiteral("is empty; there is nothing to attach")};
    QFile source(filePath);
    if (!source.open(QIODevice::ReadOnly))
        return Issue{filePath, QStringLiteral("cannot be read: %1").arg(source.errorString())};
    const QString mediaType = QMimeDatabase().mimeTypeForFile(info).name().toLower();
    auto stored = m_impl->copyIntoStore(source, filePath, kMaxAttachmentBytes, QString());
    if (!stored)
        return stored.issues();
    // The file is in the store before it is recorded: a crash in between leaves a file
    // that nothing names, never a record without its file.
    auto recorded = m_impl->exec(QStringLiteral("INSERT INTO attachment_uploads(sha256, size, added) VALUES(?, ?, ?) ON CONFLICT(sha256) DO NOTHING"),
                                 {stored.value().sha256, stored.value().size, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    if (!recorded)
        return recorded.issues();
    return Attachment{stored.value().sha256, info.fileName(), mediaType.isEmpty() ? QStringLiteral("application/octet-stream") : mediaType,
                      stored.value().size};
}

QString Replica::attachmentPath(const QString &sha256) const
{
    if (!isSha256(sha256))
        return QString();
    const QString path = m_impl->storedPath(sha256);
    return QFileInfo(path).isFile() ? path : QString();
}

QString Replica::attachmentStore() const
{
    return m_impl->storeDir();
}

Result<QStringList> Replica::pendingUploads() const
{
    auto q = m_impl->exec(QStringLiteral("SELECT sha256 FROM attachment_uploads ORDER BY added, sha256"));
    if (!q)
        return q.issues();
    QStringList out;
    while (q.value().next())
        out.append(q.value().value(0).toString());
    return out;
}

Result<Done> Replica::markUploaded(const QString &sha256)
{
    auto q = m_impl->exec(QStringLiteral("DELETE FROM attachment_uploads WHERE sha256 = ?"), {sha256});
    if (!q)
        return q.issues();
    return Done{};
}

Result<Done> Replica::storeDownloadedAttachment(const QString &sha256, const QString &tempFilePath)
{
    if (!isSha256(sha256))
        return Issue{sha256, QStringLiteral("is not an attachment name (64 lowercase hex digits)")};
    QFile file(tempFilePath);
    if (!file.open(QIODevice::ReadOnly))
        return Issue{tempFilePath, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    if (QFileInfo(tempFilePath).absolutePath() != QFileInfo(m_impl->storeDir()).absoluteFilePath()) {
        // Elsewhere, perhaps on another file system: copy it in durably, then let it go.
        auto stored = m_impl->copyIntoStore(file, tempFilePath, std::numeric_limits<qint64>::max(), sha256);
        if (!stored)
            return stored.issues();
        file.close();
        QFile::remove(tempFilePath);
        return Done{};
    }
    // Already in the store's folder: check it where it is, then rename it into place.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Issue{tempFilePath, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    const QString actual = QString::fromLatin1(hash.result().toHex());
    if (actual != sha256)
        return Issue{tempFilePath, QStringLiteral("its SHA-256 is %1, not %2; nothing was stored").arg(actual, sha256)};
    if (::fsync(file.handle()) != 0)
        return Issue{tempFilePath, QStringLiteral("cannot make the attachment durable: %1").arg(qt_error_string(errno))};
    file.close();
    auto placed = m_impl->placeInStore(tempFilePath, sha256);
    if (!placed)
        return placed.issues();
    if (!placed.value())
        QFile::remove(tempFilePath); // the store had it already
    return Done{};
}

Result<QList<QUuid>> Replica::holdItemsNaming(const QString &sha256, const QString &why)
{
    QList<QUuid> held;
    auto r = m_impl->transaction([&]() -> Result<Done> {
        auto naming = m_impl->dirtyItemsNaming(sha256);
        if (!naming)
            return naming.issues();
        for (auto &[local, index] : naming.value()) {
            local.pushIssues = {Issue{QStringLiteral("item.attachments[%1]").arg(index), why}};
            if (auto stored = m_impl->store(local); !stored)
                return stored;
            held.append(local.id);
        }
        return Done{};
    });
    if (!r)
        return r.issues();
    return held;
}

Result<std::optional<QString>> Replica::attachmentName(const QString &sha256) const
{
    auto naming = m_impl->dirtyItemsNaming(sha256);
    if (!naming)
        return naming.issues();
    for (const auto &[local, index] : naming.value()) {
        if (auto item = local.item())
            return std::optional<QString>(item.value().attachments.at(index).name);
    }
    return std::optional<QString>();
}

Result<SearchResult> Replica::search(const SearchQuery &query) const
{
    return m_impl->search->search(query);
}

} // namespace carta::replica
