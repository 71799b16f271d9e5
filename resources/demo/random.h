// Portable deterministic randomness for the demo generator: splitmix64 for seeding,
// xoshiro256** for streams, and our own unbiased integer ranges (std:: distributions are
// implementation-defined, so they would give different content on another standard library).
#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

#include <algorithm>
#include <array>

namespace carta::demo {

[[nodiscard]] constexpr quint64 splitmix64(quint64 &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// FNV-1a over the UTF-8 bytes: a stable hash of a key, independent of Qt's seeded qHash.
[[nodiscard]] inline quint64 stableHash(const QString &key)
{
    quint64 h = 0xCBF29CE484222325ULL;
    for (const char c : key.toUtf8()) {
        h ^= static_cast<quint8>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        quint64 state = seed;
        for (quint64 &word : m_state)
            word = splitmix64(state);
    }

    // A stream for one named thing (an item, a list): independent of every other key, so
    // adding content of one kind never changes the content of another.
    [[nodiscard]] static DemoRandom forKey(quint64 seed, const QString &key)
    {
        quint64 s = seed;
        return DemoRandom(splitmix64(s) ^ stableHash(key));
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, n), by rejection so that no value is favoured.
    quint64 below(quint64 n)
    {
        Q_ASSERT(n > 0);
        const quint64 threshold = (0 - n) % n;
        for (;;) {
            const quint64 r = next();
            if (r >= threshold)
                return r % n;
        }
    }

    // Uniform in [low, high].
    int range(int low, int high)
    {
        Q_ASSERT(low <= high);
        return low + static_cast<int>(below(static_cast<quint64>(high - low) + 1));
    }

    bool percent(int p) { return static_cast<int>(below(100)) < p; }

    template<typename T>
    const T &pick(const QList<T> &list)
    {
        Q_ASSERT(!list.isEmpty());
        return list.at(static_cast<qsizetype>(below(static_cast<quint64>(list.size()))));
    }

    // k distinct indices of [0, n) in increasing order (selection sampling).
    QList<int> sample(int n, int k)
    {
        QList<int> out;
        k = std::min(k, n);
        out.reserve(k);
        for (int i = 0; i < n && out.size() < k; ++i) {
            if (static_cast<int>(below(static_cast<quint64>(n - i))) < k - out.size())
                out.append(i);
        }
        return out;
    }

    QDate dateBetween(const QDate &first, const QDate &last)
    {
        return first.addDays(static_cast<qint64>(below(static_cast<quint64>(first.daysTo(last)) + 1)));
    }

    // A version-4 UUID from the stream.
    QUuid uuid()
    {
        QByteArray bytes(16, '\0');
        for (int half = 0; half < 2; ++half) {
            const quint64 word = next();
            for (int i = 0; i < 8; ++i)
                bytes[half * 8 + i] = static_cast<char>((word >> (56 - 8 * i)) & 0xFF);
        }
        bytes[6] = static_cast<char>((static_cast<quint8>(bytes[6]) & 0x0F) | 0x40);
        bytes[8] = static_cast<char>((static_cast<quint8>(bytes[8]) & 0x3F) | 0x80);
        return QUuid::fromRfc4122(bytes);
    }

private:
    static constexpr quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

    std::array<quint64, 4> m_state{};
};

} // namespace carta::demo
