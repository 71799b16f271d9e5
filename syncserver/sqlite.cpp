// SQLite RAII layer.
#include "sqlite.h"

#include <sqlite3.h>

#include <QFile>
#include <QScopeGuard>

namespace carta::syncserver {

using model::Issue;

Statement::Statement(Statement &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

model::Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return Issue{QStringLiteral("database"), QString::fromUtf8(sqlite3_errmsg(m_db))};
}

model::Result<Done> Statement::run()
{
    while (true) {
        auto r = step();
        if (!r)
            return r.issues();
        if (!r.value())
            break;
    }
    sqlite3_reset(m_stmt);
    return Done{};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

model::Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    sqlite3 *db = nullptr;
    const QByteArray native = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(native.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close_v2(db);
        return Issue{path, QStringLiteral("cannot open the database: %1").arg(message)};
    }
    sqlite3_busy_timeout(db, 5000);
    std::unique_ptr<Database> database(new Database(db, path));
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        auto r = database->exec(QString::fromLatin1(pragma));
        if (!r)
            return Issue{path, r.errorString()};
    }
    auto check = database->prepare(QStringLiteral("PRAGMA quick_check"));
    if (!check)
        return Issue{path, QStringLiteral("not a usable database: %1").arg(check.errorString())};
    return database;
}

model::Result<Done> Database::backup(const QString &from, const QString &to)
{
    const auto open = [](const QString &path, int flags, sqlite3 **db) -> QString {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), db, flags, nullptr) == SQLITE_OK)
            return QString();
        const QString message = *db ? QString::fromUtf8(sqlite3_errmsg(*db)) : QStringLiteral("out of memory");
        sqlite3_close_v2(*db);
        *db = nullptr;
        return message;
    };
    sqlite3 *source = nullptr;
    if (const QString error = open(from, SQLITE_OPEN_READONLY, &source); !error.isEmpty())
        return Issue{from, QStringLiteral("cannot open the database: %1").arg(error)};
    const auto closeSource = qScopeGuard([source] { sqlite3_close_v2(source); });
    sqlite3 *target = nullptr;
    if (const QString error = open(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &target); !error.isEmpty())
        return Issue{to, QStringLiteral("cannot create the copy of the database: %1").arg(error)};
    const auto closeTarget = qScopeGuard([target] { sqlite3_close_v2(target); });
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup)
        return Issue{to, QStringLiteral("cannot start copying the database: %1").arg(QString::fromUtf8(sqlite3_errmsg(target)))};
    int rc = SQLITE_OK;
    // All pages in one step: one read transaction, so one snapshot. Busy only in a writer's
    // exclusive moments (a WAL checkpoint's end); wait and try again, for a minute at most.
    for (int tries = 0; tries < 3000; ++tries) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED && rc != SQLITE_OK)
            break;
        sqlite3_sleep(20);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return Issue{from, QStringLiteral("cannot copy the database: %1").arg(QString::fromUtf8(sqlite3_errstr(rc)))};
    // The copy has a rollback journal: its pages are in the file, synced, once this returns.
    if (sqlite3_exec(target, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Issue{to, QStringLiteral("cannot finish the copy of the database: %1").arg(QString::fromUtf8(sqlite3_errmsg(target)))};
    return Done{};
}

model::Result<Statement> Database::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return Issue{QStringLiteral("database"), lastError() + QStringLiteral(" in: ") + sql};
    return Statement(m_db, stmt);
}

model::Result<Done> Database::exec(const QString &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : "unknown error");
        sqlite3_free(error);
        return Issue{QStringLiteral("database"), message};
    }
    return Done{};
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

} // namespace carta::syncserver
