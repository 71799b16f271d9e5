// The compact JSON text of item revisions, by blob id, for pulls.
//
// A revision never changes once stored, so its text need only be read from git, checked and
// written out once: 200 clients syncing after the same recent changes ask for the same few
// hundred revisions, and each answer was inflating, parsing and writing every one of them
// again. Thread-safe (the server's reader threads share one).
//
// It holds at most about `budget` bytes of text in two generations: new entries go into the
// newer; when the newer holds half the budget, the older is dropped whole and the newer
// becomes the older. A hit in the older moves the entry to the newer, so what is asked for
// again stays while a full pull of every item passes through without keeping more.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>
#include <optional>

namespace carta::syncserver {

class RevisionTextCache
{
public:
    explicit RevisionTextCache(qsizetype budgetBytes) : m_budget(budgetBytes) {}

    [[nodiscard]] std::optional<QByteArray> find(const QString &blob);
    void insert(const QString &blob, const QByteArray &text);

    // The bytes of text held now (never more than the budget, but for one entry larger
    // than half of it, which is not kept).
    [[nodiscard]] qsizetype bytes() const;
    [[nodiscard]] qsizetype entries() const;

private:
    void insertLocked(const QString &blob, const QByteArray &text);

    mutable std::mutex m_mutex;
    qsizetype m_budget;
    QHash<QString, QByteArray> m_newer;
    QHash<QString, QByteArray> m_older;
    qsizetype m_newerBytes = 0;
    qsizetype m_olderBytes = 0;
};

} // namespace carta::syncserver
