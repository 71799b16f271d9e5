// A thin RAII layer over the SQLite C API for the server's bookkeeping database:
// owned handles, prepared statements with typed binds, errors as values.
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace carta::syncserver {

using model::Done;

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bindNull(int index);

    // Steps once: true when a row is ready, false when done; errors come back as issues.
    [[nodiscard]] model::Result<bool> step();
    // Runs to completion (statements without rows).
    [[nodiscard]] model::Result<Done> run();
    // Steps through every row, calling row(*this) for each.
    template<typename F>
    [[nodiscard]] model::Result<Done> forEachRow(F row)
    {
        while (true) {
            auto next = step();
            if (!next)
                return next.issues();
            if (!next.value())
                return Done{};
            row(*this);
        }
    }
    void reset();

    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating) the database file in WAL mode with synchronous=FULL: a committed
    // transaction survives a power cut.
    [[nodiscard]] static model::Result<std::unique_ptr<Database>> open(const QString &path);

    [[nodiscard]] model::Result<Statement> prepare(const QString &sql);
    [[nodiscard]] model::Result<Done> exec(const QString &sql);

    // Runs body inside BEGIN IMMEDIATE / COMMIT; rolls back when body fails.
    template<typename F>
    [[nodiscard]] model::Result<Done> transaction(F body);

    [[nodiscard]] QString lastError() const;
    // Copies the database at `from` (opened read-only: no pragma, no file made) into a new
    // file at `to` with SQLite's online backup in one read transaction: a consistent
    // snapshot while other connections keep writing (WAL). The copy is synced to disk.
    [[nodiscard]] static model::Result<Done> backup(const QString &from, const QString &to);
    [[nodiscard]] QString path() const { return m_path; }

private:
    Database(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}
    sqlite3 *m_db;
    QString m_path;
};

template<typename F>
model::Result<Done> Database::transaction(F body)
{
    auto begin = exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!begin)
        return begin;
    model::Result<Done> result = body();
    if (!result) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    auto commit = exec(QStringLiteral("COMMIT"));
    if (!commit) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return commit;
    }
    return Done{};
}

} // namespace carta::syncserver
