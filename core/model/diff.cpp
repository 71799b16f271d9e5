// Myers line diff and the semantic diff of item revisions.
#include "diff.h"

#include "sequence_p.h"

#include <QHash>

#include <algorithm>

namespace carta::model {

namespace detail {

std::vector<std::pair<qsizetype, qsizetype>> matchSequences(const std::vector<int> &a, const std::vector<int> &b,
                                                            qsizetype maxEdits)
{
    std::vector<std::pair<qsizetype, qsizetype>> matches;
    const auto n0 = static_cast<qsizetype>(a.size());
    const auto m0 = static_cast<qsizetype>(b.size());
    qsizetype prefix = 0;
    while (prefix < n0 && prefix < m0 && a[size_t(prefix)] == b[size_t(prefix)])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < n0 - prefix && suffix < m0 - prefix && a[size_t(n0 - 1 - suffix)] == b[size_t(m0 - 1 - suffix)])
        ++suffix;
    for (qsizetype i = 0; i < prefix; ++i)
        matches.emplace_back(i, i);

    // Myers' greedy algorithm on the middle part, keeping each step's frontier for the backtrack.
    const qsizetype n = n0 - prefix - suffix;
    const qsizetype m = m0 - prefix - suffix;
    auto A = [&](qsizetype i) { return a[size_t(prefix + i)]; };
    auto B = [&](qsizetype j) { return b[size_t(prefix + j)]; };
    std::vector<std::pair<qsizetype, qsizetype>> middle;
    if (n > 0 && m > 0) {
        const qsizetype max = std::min(n + m, maxEdits);
        std::vector<std::vector<qsizetype>> trace; // trace[d][k + d] = furthest x on diagonal k after d edits
        std::vector<qsizetype> v(size_t(2 * (n + m) + 3), 0);
        const qsizetype offset = n + m + 1;
        qsizetype found = -1;
        for (qsizetype d = 0; d <= max && found < 0; ++d) {
            for (qsizetype k = -d; k <= d; k += 2) {
                qsizetype x;
                if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                    x = v[size_t(offset + k + 1)];
                else
                    x = v[size_t(offset + k - 1)] + 1;
                qsizetype y = x - k;
                while (x < n && y < m && A(x) == B(y)) {
                    ++x;
                    ++y;
                }
                v[size_t(offset + k)] = x;
                if (x >= n && y >= m)
                    found = d;
            }
            trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        }
        if (found >= 0) {
            qsizetype x = n, y = m;
            for (qsizetype d = found; d >= 0; --d) {
                const qsizetype k = x - y;
                if (d == 0) {
                    while (x > 0 && y > 0) {
                        middle.emplace_back(x - 1, y - 1);
                        --x;
                        --y;
                    }
                    break;
                }
                const std::vector<qsizetype> &prev = trace[size_t(d - 1)]; // frontier after d-1 edits, index k + (d-1)
                auto at = [&](qsizetype kk) { return prev[size_t(kk + d - 1)]; };
                qsizetype prevK;
                if (k == -d || (k != d && at(k - 1) < at(k + 1)))
                    prevK = k + 1;
                else
                    prevK = k - 1;
                const qsizetype prevX = at(prevK);
                const qsizetype prevY = prevX - prevK;
                while (x > prevX && y > prevY) {
                    middle.emplace_back(x - 1, y - 1);
                    --x;
                    --y;
                }
                x = prevX;
                y = prevY;
            }
            std::reverse(middle.begin(), middle.end());
        }
        // Too many differences: leave the middle unmatched.
    }
    for (const auto &[i, j] : middle)
        matches.emplace_back(prefix + i, prefix + j);
    for (qsizetype s = suffix; s > 0; --s)
        matches.emplace_back(n0 - s, m0 - s);
    return matches;
}

void internStrings(const QStringList &a, const QStringList &b, std::vector<int> &outA, std::vector<int> &outB)
{
    QHash<QString, int> ids;
    auto intern = [&](const QString &s) {
        auto it = ids.constFind(s);
        if (it != ids.constEnd())
            return *it;
        const int id = int(ids.size());
        ids.insert(s, id);
        return id;
    };
    outA.clear();
    outB.clear();
    outA.reserve(size_t(a.size()));
    outB.reserve(size_t(b.size()));
    for (const QString &s : a)
        outA.push_back(intern(s));
    for (const QString &s : b)
        outB.push_back(intern(s));
}

bool isKeyedList(const JsonValue &v)
{
    if (!v.isArray())
        return false;
    return std::all_of(v.toArray().cbegin(), v.toArray().cend(),
                       [](const JsonValue &e) { return e.isObject() && e[QStringLiteral("id")].isString(); });
}

bool isMultiLine(const JsonValue &v)
{
    return v.isString() && v.toString().contains(QLatin1Char('\n'));
}

QString keyedPath(const QString &listPath, const QString &id)
{
    return listPath + QStringLiteral("[id=") + id + QLatin1Char(']');
}

QString memberPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace detail

using namespace detail;

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    return text.split(QLatin1Char('\n'));
}

QList<LineChange> diffLines(const QString &a, const QString &b)
{
    const QStringList la = splitLines(a);
    const QStringList lb = splitLines(b);
    std::vector<int> ia, ib;
    internStrings(la, lb, ia, ib);
    const auto matches = matchSequences(ia, ib);
    QList<LineChange> out;
    qsizetype i = 0, j = 0;
    auto flushTo = [&](qsizetype ti, qsizetype tj) {
        for (; i < ti; ++i)
            out.append({LineChange::Op::Removed, la[i]});
        for (; j < tj; ++j)
            out.append({LineChange::Op::Added, lb[j]});
    };
    for (const auto &[mi, mj] : matches) {
        flushTo(mi, mj);
        out.append({LineChange::Op::Same, la[mi]});
        ++i;
        ++j;
    }
    flushTo(la.size(), lb.size());
    return out;
}

namespace {

QStringList wordTokens(const QString &text)
{
    QStringList out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto isWordChar = [&](qsizetype k) {
        const QChar c = text.at(k);
        if (c.isLetterOrNumber() || c.isMark())
            return true;
        // an apostrophe or hyphen between two letters belongs to the word ("don't", "e-portfolio")
        return (c == QLatin1Char('\'') || c == QChar(0x2019) || c == QLatin1Char('-')) && k > 0 && k + 1 < n
            && text.at(k - 1).isLetterOrNumber() && text.at(k + 1).isLetterOrNumber();
    };
    while (i < n) {
        qsizetype j = i + 1;
        if (isWordChar(i)) {
            while (j < n && isWordChar(j))
                ++j;
        } else if (text.at(i).isSpace()) {
            while (j < n && text.at(j).isSpace())
                ++j;
        } else if (text.at(i).isHighSurrogate() && j < n && text.at(j).isLowSurrogate()) {
            ++j;
        }
        out.append(text.mid(i, j - i));
        i = j;
    }
    return out;
}

bool isBlank(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); });
}

} // namespace

QList<WordChange> diffWords(const QString &a, const QString &b)
{
    const QStringList ta = wordTokens(a);
    const QStringList tb = wordTokens(b);
    std::vector<int> ia, ib;
    internStrings(ta, tb, ia, ib);
    const auto matches = matchSequences(ia, ib);
    // Token by token, then white space that sits alone between changes joins them.
    struct Piece { WordChange::Op op; QString text; };
    QList<Piece> pieces;
    qsizetype i = 0, j = 0;
    auto flushTo = [&](qsizetype ti, qsizetype tj) {
        for (; i < ti; ++i)
            pieces.append({WordChange::Op::Removed, ta[i]});
        for (; j < tj; ++j)
            pieces.append({WordChange::Op::Added, tb[j]});
    };
    for (const auto &[mi, mj] : matches) {
        flushTo(mi, mj);
        pieces.append({WordChange::Op::Same, ta[mi]});
        ++i;
        ++j;
    }
    flushTo(ta.size(), tb.size());
    // A run of blank Same pieces between changed pieces on both sides becomes a removal and an addition.
    for (qsizetype k = 1; k + 1 < pieces.size(); ++k) {
        if (pieces[k].op != WordChange::Op::Same || !isBlank(pieces[k].text))
            continue;
        if (pieces[k - 1].op != WordChange::Op::Same && pieces[k + 1].op != WordChange::Op::Same) {
            const QString space = pieces[k].text;
            pieces[k] = {WordChange::Op::Removed, space};
            pieces.insert(k + 1, {WordChange::Op::Added, space});
            ++k;
        }
    }
    // Within each stretch of changes, removals first, then additions; join neighbours.
    QList<WordChange> out;
    qsizetype k = 0;
    while (k < pieces.size()) {
        if (pieces[k].op == WordChange::Op::Same) {
            if (!out.isEmpty() && out.last().op == WordChange::Op::Same)
                out.last().text += pieces[k].text;
            else
                out.append({WordChange::Op::Same, pieces[k].text});
            ++k;
            continue;
        }
        QString removed, added;
        for (; k < pieces.size() && pieces[k].op != WordChange::Op::Same; ++k)
            (pieces[k].op == WordChange::Op::Removed ? removed : added) += pieces[k].text;
        if (!removed.isEmpty())
            out.append({WordChange::Op::Removed, removed});
        if (!added.isEmpty())
            out.append({WordChange::Op::Added, added});
    }
    return out;
}

QList<PathSegment> parsePath(const QString &path)
{
    QList<PathSegment> out;
    const qsizetype n = path.size();
    qsizetype i = 0;
    while (i < n) {
        if (path.at(i) == u'.') {
            ++i;
            continue;
        }
        if (path.at(i) == u'[') {
            qsizetype close = path.indexOf(u']', i + 1);
            while (close >= 0 && close + 1 < n && path.at(close + 1) != u'.' && path.at(close + 1) != u'[')
                close = path.indexOf(u']', close + 1);
            if (close < 0)
                close = n;
            const QString inner = path.mid(i + 1, close - i - 1);
            if (inner.startsWith(u"id="))
                out.append(PathSegment{PathSegment::Kind::Id, inner.mid(3), -1});
            else
                out.append(PathSegment{PathSegment::Kind::Index, QString(), inner.toLongLong()});
            i = close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < n && path.at(end) != u'.' && path.at(end) != u'[')
            ++end;
        out.append(PathSegment{PathSegment::Kind::Key, path.mid(i, end - i), -1});
        i = end;
    }
    return out;
}

QString toString(Change::Kind kind)
{
    switch (kind) {
    case Change::Kind::Changed: return QStringLiteral("changed");
    case Change::Kind::Added: return QStringLiteral("added");
    case Change::Kind::Removed: return QStringLiteral("removed");
    case Change::Kind::Moved: return QStringLiteral("moved");
    }
    return {};
}

namespace {

void diffValue(const QString &path, const JsonValue &a, const JsonValue &b, QList<Change> &out);

void diffKeyed(const QString &path, const JsonArray &a, const JsonArray &b, QList<Change> &out)
{
    QHash<QString, qsizetype> indexA, indexB;
    for (size_t i = 0; i < a.size(); ++i)
        indexA.insert(a[i][QStringLiteral("id")].toString(), qsizetype(i));
    for (size_t i = 0; i < b.size(); ++i)
        indexB.insert(b[i][QStringLiteral("id")].toString(), qsizetype(i));

    // Moves: entries present on both sides but outside a longest common subsequence of ids.
    QStringList commonA, commonB;
    for (const JsonValue &e : a)
        if (indexB.contains(e[QStringLiteral("id")].toString()))
            commonA.append(e[QStringLiteral("id")].toString());
    for (const JsonValue &e : b)
        if (indexA.contains(e[QStringLiteral("id")].toString()))
            commonB.append(e[QStringLiteral("id")].toString());
    std::vector<int> ia, ib;
    internStrings(commonA, commonB, ia, ib);
    QSet<QString> stayed;
    for (const auto &[i, j] : matchSequences(ia, ib))
        stayed.insert(commonB[j]);

    for (size_t j = 0; j < b.size(); ++j) {
        const QString id = b[j][QStringLiteral("id")].toString();
        const QString entryPath = keyedPath(path, id);
        auto it = indexA.constFind(id);
        if (it == indexA.constEnd()) {
            out.append(Change{Change::Kind::Added, entryPath, JsonValue(), b[j], {}});
            continue;
        }
        if (!stayed.contains(id))
            out.append(Change{Change::Kind::Moved, entryPath, JsonValue(*it), JsonValue(qsizetype(j)), {}});
        diffValue(entryPath, a[size_t(*it)], b[j], out);
    }
    for (size_t i = 0; i < a.size(); ++i) {
        const QString id = a[i][QStringLiteral("id")].toString();
        if (!indexB.contains(id))
            out.append(Change{Change::Kind::Removed, keyedPath(path, id), a[i], JsonValue(), {}});
    }
}

void diffValue(const QString &path, const JsonValue &a, const JsonValue &b, QList<Change> &out)
{
    if (a == b)
        return;
    if (a.isObject() && b.isObject()) {
        const JsonObject &oa = a.toObject();
        const JsonObject &ob = b.toObject();
        auto ia = oa.cbegin();
        auto ib = ob.cbegin();
        while (ia != oa.cend() || ib != ob.cend()) {
            if (ib == ob.cend() || (ia != oa.cend() && ia->first < ib->first)) {
                out.append(Change{Change::Kind::Removed, memberPath(path, ia->first), ia->second, JsonValue(), {}});
                ++ia;
            } else if (ia == oa.cend() || ib->first < ia->first) {
                out.append(Change{Change::Kind::Added, memberPath(path, ib->first), JsonValue(), ib->second, {}});
                ++ib;
            } else {
                diffValue(memberPath(path, ia->first), ia->second, ib->second, out);
                ++ia;
                ++ib;
            }
        }
        return;
    }
    if (isKeyedList(a) && isKeyedList(b) && !(a.toArray().empty() && b.toArray().empty())) {
        diffKeyed(path, a.toArray(), b.toArray(), out);
        return;
    }
    Change change{Change::Kind::Changed, path, a, b, {}};
    if (a.isNull())
        change.kind = Change::Kind::Added;
    else if (b.isNull())
        change.kind = Change::Kind::Removed;
    if (a.isString() && b.isString() && (isMultiLine(a) || isMultiLine(b)))
        change.lines = diffLines(a.toString(), b.toString());
    out.append(change);
}

} // namespace

QList<Change> diffJson(const JsonValue &before, const JsonValue &after)
{
    QList<Change> out;
    diffValue(QString(), before, after, out);
    return out;
}

QList<Change> diff(const Item &before, const Item &after)
{
    return diffJson(itemToJson(before), itemToJson(after));
}

} // namespace carta::model
