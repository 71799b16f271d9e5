#include "revisiontext.h"

namespace carta::syncserver {

namespace {

// What an entry costs besides its text: the key and the hash's own node, roughly.
qsizetype costOf(const QString &blob, const QByteArray &text)
{
    return text.size() + blob.size() * 2 + 64;
}

} // namespace

std::optional<QByteArray> RevisionTextCache::find(const QString &blob)
{
    std::lock_guard lock(m_mutex);
    if (auto it = m_newer.constFind(blob); it != m_newer.cend())
        return it.value();
    auto it = m_older.find(blob);
    if (it == m_older.end())
        return std::nullopt;
    const QByteArray text = it.value();
    m_olderBytes -= costOf(blob, text);
    m_older.erase(it);
    insertLocked(blob, text);
    return text;
}

void RevisionTextCache::insert(const QString &blob, const QByteArray &text)
{
    std::lock_guard lock(m_mutex);
    if (m_newer.contains(blob) || m_older.contains(blob))
        return;
    insertLocked(blob, text);
}

void RevisionTextCache::insertLocked(const QString &blob, const QByteArray &text)
{
    const qsizetype cost = costOf(blob, text);
    const qsizetype half = m_budget / 2;
    if (cost > half)
        return;
    if (m_newerBytes + cost > half) {
        m_older = std::move(m_newer);
        m_olderBytes = m_newerBytes;
        m_newer = QHash<QString, QByteArray>();
        m_newerBytes = 0;
    }
    m_newer.insert(blob, text);
    m_newerBytes += cost;
}

qsizetype RevisionTextCache::bytes() const
{
    std::lock_guard lock(m_mutex);
    qsizetype out = 0;
    for (const QByteArray &text : m_newer)
        out += text.size();
    for (const QByteArray &text : m_older)
        out += text.size();
    return out;
}

qsizetype RevisionTextCache::entries() const
{
    std::lock_guard lock(m_mutex);
    return m_newer.size() + m_older.size();
}

} // namespace carta::syncserver
