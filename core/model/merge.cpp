// diff3 line merge and the three-way merge of item revisions.
#include "merge.h"

#include "diff.h"
#include "sequence_p.h"

#include <QHash>
#include <QSet>

namespace carta::model {

using namespace detail;

QString toString(Conflict::Kind kind)
{
    switch (kind) {
    case Conflict::Kind::EditEdit: return QStringLiteral("edit/edit");
    case Conflict::Kind::DeleteEdit: return QStringLiteral("delete/edit");
    case Conflict::Kind::Order: return QStringLiteral("order");
    }
    return {};
}

std::optional<QString> mergeLines(const QString &base, const QString &mine, const QString &theirs)
{
    if (mine == theirs || theirs == base)
        return mine;
    if (mine == base)
        return theirs;
    const QStringList o = splitLines(base);
    const QStringList a = splitLines(mine);
    const QStringList b = splitLines(theirs);
    std::vector<int> io, ia, io2, ib;
    internStrings(o, a, io, ia);
    internStrings(o, b, io2, ib);
    // matchA[i]: the line of mine matched with base line i, or -1; likewise for theirs.
    std::vector<qsizetype> matchA(size_t(o.size()), -1), matchB(size_t(o.size()), -1);
    for (const auto &[i, j] : matchSequences(io, ia))
        matchA[size_t(i)] = j;
    for (const auto &[i, j] : matchSequences(io2, ib))
        matchB[size_t(i)] = j;

    QStringList out;
    qsizetype po = 0, pa = 0, pb = 0;
    auto slice = [](const QStringList &l, qsizetype from, qsizetype to) { return l.mid(from, to - from); };
    while (true) {
        // Next base line that both sides kept: the end of the unstable chunk.
        qsizetype next = po;
        while (next < o.size() && (matchA[size_t(next)] < 0 || matchB[size_t(next)] < 0))
            ++next;
        const qsizetype endA = next < o.size() ? matchA[size_t(next)] : a.size();
        const qsizetype endB = next < o.size() ? matchB[size_t(next)] : b.size();
        const QStringList co = slice(o, po, next);
        const QStringList ca = slice(a, pa, endA);
        const QStringList cb = slice(b, pb, endB);
        if (ca == co)
            out += cb;
        else if (cb == co || ca == cb)
            out += ca;
        else
            return std::nullopt; // both changed these lines, differently
        if (next >= o.size())
            break;
        out.append(o[next]);
        po = next + 1;
        pa = endA + 1;
        pb = endB + 1;
    }
    return out.join(QLatin1Char('\n'));
}

namespace {

class Merger
{
public:
    QList<Conflict> conflicts;

    JsonValue value(const QString &path, const JsonValue &base, const JsonValue &mine, const JsonValue &theirs)
    {
        if (mine == theirs || theirs == base)
            return mine;
        if (mine == base)
            return theirs;
        if (mine.isObject() && theirs.isObject() && (base.isObject() || base.isNull()))
            return object(path, base, mine, theirs);
        if (isKeyedList(mine) && isKeyedList(theirs) && (isKeyedList(base) || base.isNull()))
            return keyedList(path, base, mine, theirs);
        if (mine.isString() && theirs.isString() && (base.isString() || base.isNull())
            && (isMultiLine(base) || isMultiLine(mine) || isMultiLine(theirs))) {
            if (auto merged = mergeLines(base.toString(), mine.toString(), theirs.toString()))
                return JsonValue(*merged);
        } else if (isScalarList(mine) && isScalarList(theirs) && (isScalarList(base) || base.isNull())) {
            return scalarList(base, mine, theirs);
        }
        conflicts.append(Conflict{Conflict::Kind::EditEdit, path, base, mine, theirs});
        return mine;
    }

private:
    static bool isScalarList(const JsonValue &v)
    {
        if (!v.isArray())
            return false;
        return std::all_of(v.toArray().cbegin(), v.toArray().cend(),
                           [](const JsonValue &e) { return !e.isArray() && !e.isObject(); });
    }

    JsonValue object(const QString &path, const JsonValue &base, const JsonValue &mine, const JsonValue &theirs)
    {
        QSet<QString> keys;
        for (const auto *o : {&base.toObject(), &mine.toObject(), &theirs.toObject()})
            for (const auto &member : *o)
                keys.insert(member.first);
        JsonObject out;
        for (const QString &key : keys) {
            JsonValue merged = value(memberPath(path, key), base[key], mine[key], theirs[key]);
            const bool present = mine.toObject().count(key) || theirs.toObject().count(key);
            if (present)
                out[key] = std::move(merged);
        }
        return JsonValue(std::move(out));
    }

    // Lists of scalars behave as ordered sets: additions from both sides are kept,
    // removals from either side apply.
    static JsonValue scalarList(const JsonValue &base, const JsonValue &mine, const JsonValue &theirs)
    {
        const JsonArray &b = base.toArray();
        const JsonArray &m = mine.toArray();
        const JsonArray &t = theirs.toArray();
        auto contains = [](const JsonArray &list, const JsonValue &v) { return std::find(list.cbegin(), list.cend(), v) != list.cend(); };
        JsonArray out;
        for (const JsonValue &v : m) {
            const bool removedByTheirs = contains(b, v) && !contains(t, v);
            if (!removedByTheirs && !contains(out, v))
                out.push_back(v);
        }
        for (const JsonValue &v : t) {
            if (!contains(b, v) && !contains(out, v))
                out.push_back(v);
        }
        return JsonValue(std::move(out));
    }

    static QString idOf(const JsonValue &e) { return e[QStringLiteral("id")].toString(); }

    static QStringList ids(const JsonValue &list)
    {
        QStringList out;
        for (const JsonValue &e : list.toArray())
            out.append(idOf(e));
        return out;
    }

    static JsonValue idArray(const QStringList &list)
    {
        JsonArray a;
        for (const QString &s : list)
            a.emplace_back(s);
        return JsonValue(std::move(a));
    }

    JsonValue keyedList(const QString &path, const JsonValue &base, const JsonValue &mine, const JsonValue &theirs)
    {
        QHash<QString, JsonValue> b, m, t;
        for (const JsonValue &e : base.toArray())
            b.insert(idOf(e), e);
        for (const JsonValue &e : mine.toArray())
            m.insert(idOf(e), e);
        for (const JsonValue &e : theirs.toArray())
            t.insert(idOf(e), e);
        const QStringList baseIds = ids(base), mineIds = ids(mine), theirIds = ids(theirs);

        // Entries: merged content, and which survive.
        QHash<QString, JsonValue> merged;
        QStringList all = mineIds;
        for (const QString &id : theirIds + baseIds)
            if (!all.contains(id))
                all.append(id);
        for (const QString &id : all) {
            const bool inB = b.contains(id), inM = m.contains(id), inT = t.contains(id);
            const QString entryPath = keyedPath(path, id);
            if (inM && inT) {
                merged.insert(id, value(entryPath, inB ? b.value(id) : JsonValue(), m.value(id), t.value(id)));
            } else if (inM && !inT) {
                if (!inB)
                    merged.insert(id, m.value(id)); // added by mine
                else if (m.value(id) != b.value(id)) {
                    conflicts.append(Conflict{Conflict::Kind::DeleteEdit, entryPath, b.value(id), m.value(id), JsonValue()});
                    merged.insert(id, m.value(id)); // theirs deleted what mine edited: keep the edit
                }
            } else if (!inM && inT) {
                if (!inB)
                    merged.insert(id, t.value(id)); // added by theirs
                else if (t.value(id) != b.value(id)) {
                    conflicts.append(Conflict{Conflict::Kind::DeleteEdit, entryPath, b.value(id), JsonValue(), t.value(id)});
                    merged.insert(id, t.value(id)); // mine deleted what theirs edited: keep the edit
                }
            }
        }

        // Order: the side that reordered the common entries leads; the other side's
        // entries are placed after the entry that precedes them there.
        auto common = [&](const QStringList &order) {
            QStringList out;
            for (const QString &id : order)
                if (b.contains(id) && m.contains(id) && t.contains(id))
                    out.append(id);
            return out;
        };
        const QStringList baseC = common(baseIds), mineC = common(mineIds), theirC = common(theirIds);
        const bool mineMoved = mineC != baseC, theirsMoved = theirC != baseC;
        if (mineMoved && theirsMoved && mineC != theirC)
            conflicts.append(Conflict{Conflict::Kind::Order, path, idArray(baseIds), idArray(mineIds), idArray(theirIds)});
        const bool theirsLead = theirsMoved && !mineMoved;
        const QStringList &primary = theirsLead ? theirIds : mineIds;
        const QStringList &secondary = theirsLead ? mineIds : theirIds;

        QStringList order;
        for (const QString &id : primary)
            if (merged.contains(id))
                order.append(id);
        for (qsizetype i = 0; i < secondary.size(); ++i) {
            const QString &id = secondary[i];
            if (!merged.contains(id) || order.contains(id))
                continue;
            qsizetype insertAt = 0;
            for (qsizetype p = i - 1; p >= 0; --p) {
                const qsizetype anchor = order.indexOf(secondary[p]);
                if (anchor >= 0) {
                    insertAt = anchor + 1;
                    break;
                }
            }
            // After entries the leading side added right there, so its additions come first.
            while (insertAt < order.size() && !b.contains(order[insertAt]) && primary.contains(order[insertAt]))
                ++insertAt;
            order.insert(insertAt, id);
        }

        JsonArray out;
        out.reserve(size_t(order.size()));
        for (const QString &id : order)
            out.push_back(merged.value(id));
        return JsonValue(std::move(out));
    }
};

} // namespace

JsonMergeResult mergeJson(const JsonValue &base, const JsonValue &mine, const JsonValue &theirs)
{
    Merger merger;
    JsonValue merged = merger.value(QString(), base, mine, theirs);
    return JsonMergeResult{std::move(merged), std::move(merger.conflicts)};
}

Result<MergeResult> merge(const Item &base, const Item &mine, const Item &theirs)
{
    if (mine.type() != theirs.type() || mine.id != theirs.id)
        return Issue{QString(), QStringLiteral("cannot merge revisions of different items")};
    JsonMergeResult json = mergeJson(itemToJson(base), itemToJson(mine), itemToJson(theirs));
    auto item = itemFromJson(json.merged);
    if (!item)
        return item.issues();
    return MergeResult{std::move(item).value(), std::move(json.conflicts)};
}

} // namespace carta::model
