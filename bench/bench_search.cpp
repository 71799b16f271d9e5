// Search benchmark: Carta's search with facet counts over the ×N demo content (argument,
// default 10: about 120,000 items), beside its peers measured in the same run on the same
// SQLite file: FTS5 MATCH ranked by bm25 with one GROUP BY per facet, and a plain LIKE scan
// with one GROUP BY per facet. Prints p50/p95 per query, load() and index build times.
//   bench_search [scale] [max runs per query]
#include "demo/generator.h"
#include "figures.h"
#include "replica/search.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>

using namespace carta;
using namespace carta::replica;
using namespace Qt::StringLiterals;

namespace {

constexpr double kBudgetSeconds = 40; // per query and contender; slow peers run fewer times
constexpr int kMinRuns = 10;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_search: %s\n", qPrintable(what));
    std::exit(1);
}

// Items only: the attachments' PDF bytes are not needed for search.
class ItemSink : public demo::DemoSink
{
public:
    void item(const model::Item &item, const QByteArray &) override { items.append(item); }
    void attachment(const QString &, const QByteArray &) override {}
    QList<model::Item> items;
};

struct Timing
{
    QList<double> ms;
    [[nodiscard]] double percentile(double p) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto i = qsizetype(std::min(double(sorted.size() - 1), p / 100.0 * double(sorted.size())));
        return sorted[i];
    }
};

Timing measure(int maxRuns, const std::function<void()> &run)
{
    run(); // warm caches and prepared state
    Timing t;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < maxRuns; ++i) {
        QElapsedTimer one;
        one.start();
        run();
        t.ms.append(double(one.nsecsElapsed()) / 1e6);
        if (i + 1 >= kMinRuns && double(total.nsecsElapsed()) / 1e9 > kBudgetSeconds)
            break;
    }
    return t;
}

void exec(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql))
        fail(sql + u": "_s + query.lastError().text());
}

// The peers' facet data: one row per (item, facet, value), as a plain SQL design keeps it.
void buildPeerTables(QSqlDatabase &db, const QList<model::Item> &items, const QHash<QUuid, qint64> &rowids)
{
    QSqlQuery q(db);
    exec(q, u"CREATE TABLE peer_facet (item INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL)"_s);
    exec(q, u"CREATE TABLE peer_text (rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL)"_s);
    db.transaction();
    QSqlQuery facet(db);
    facet.prepare(u"INSERT INTO peer_facet (item, facet, value) VALUES (?, ?, ?)"_s);
    QSqlQuery text(db);
    text.prepare(u"INSERT INTO peer_text (rowid, title, text) VALUES (?, ?, ?)"_s);
    QSqlQuery fts(db);
    fts.setForwardOnly(true);
    fts.prepare(u"SELECT title, summary, body, attachments FROM search_fts WHERE rowid = ?"_s);
    const auto add = [&](qint64 rowid, Facet f, const QString &value) {
        facet.bindValue(0, rowid);
        facet.bindValue(1, toString(f));
        facet.bindValue(2, value);
        if (!facet.exec())
            fail(facet.lastError().text());
    };
    for (const model::Item &item : items) {
        const qint64 rowid = rowids.value(item.id);
        add(rowid, Facet::Type, model::toString(item.type()));
        add(rowid, Facet::State, model::toString(item.state));
        for (const QString &v : item.tags.professions)
            add(rowid, Facet::Profession, v);
        for (const QString &v : item.tags.specialties)
            add(rowid, Facet::Specialty, v);
        for (const QString &v : item.tags.careerStages)
            add(rowid, Facet::CareerStage, v);
        for (const QString &v : item.tags.regions)
            add(rowid, Facet::Region, v);
        if (item.tags.regions.isEmpty())
            add(rowid, Facet::Region, nationalRegion());
        // The same text the index holds, in one column for LIKE.
        fts.bindValue(0, rowid);
        if (!fts.exec() || !fts.next())
            fail(u"no indexed text for an item"_s);
        const QString all = QStringList{fts.value(0).toString(), fts.value(1).toString(), fts.value(2).toString(),
                                        fts.value(3).toString()}
                                .join(u'\n');
        fts.finish();
        text.bindValue(0, rowid);
        text.bindValue(1, item.title);
        text.bindValue(2, all);
        if (!text.exec())
            fail(text.lastError().text());
    }
    db.commit();
    exec(q, u"CREATE INDEX peer_facet_item ON peer_facet (item, facet, value)"_s);
    exec(q, u"CREATE INDEX peer_facet_value ON peer_facet (facet, value, item)"_s);
    exec(q, u"CREATE INDEX peer_text_title ON peer_text (title)"_s);
    exec(q, u"ANALYZE"_s);
}

enum class Peer { Fts5, Like };

QString sqlString(const QString &s)
{
    return u"'"_s + QString(s).replace(u"'"_s, u"''"_s) + u"'"_s;
}

// A peer's answer to the same question: hits, total and disjunctive facet counts, one
// statement each, the text condition repeated in each as a plain SQL design would.
struct PeerResult
{
    qint64 total = 0;
    std::map<Facet, std::map<QString, qint64>> facets;
};

PeerResult peerSearch(QSqlDatabase &db, Peer peer, const QString &match, const QString &like,
                      const std::map<Facet, QStringList> &filters)
{
    QString textCondition; // over a rowid
    if (peer == Peer::Fts5 && !match.isEmpty())
        textCondition = u"IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %1)"_s.arg(sqlString(match));
    else if (peer == Peer::Like && !like.isEmpty())
        textCondition = u"IN (SELECT rowid FROM peer_text WHERE text LIKE %1)"_s.arg(sqlString(u"%"_s + like + u"%"_s));
    const auto filterConditions = [&](const QString &column, std::optional<Facet> except) {
        QStringList out;
        for (const auto &[facet, chosen] : filters) {
            if (chosen.isEmpty() || facet == except)
                continue;
            QStringList quoted;
            for (const QString &v : chosen)
                quoted.append(sqlString(v));
            out.append(u"%1 IN (SELECT item FROM peer_facet WHERE facet = %2 AND value IN (%3))"_s.arg(
                column, sqlString(toString(facet)), quoted.join(u',')));
        }
        return out;
    };

    QSqlQuery q(db);
    q.setForwardOnly(true);
    PeerResult result;
    // Hits: ranked by bm25 for FTS5; LIKE cannot rank, so by title; no text: by title.
    QStringList where = filterConditions(u"rowid"_s, std::nullopt);
    QString hits;
    if (peer == Peer::Fts5 && !match.isEmpty()) {
        where.prepend(u"search_fts MATCH %1"_s.arg(sqlString(match)));
        hits = u"SELECT rowid, bm25(search_fts, 10, 4, 1, 2) AS score FROM search_fts WHERE %1 ORDER BY score LIMIT 50"_s
                   .arg(where.join(u" AND "_s));
    } else {
        if (!textCondition.isEmpty())
            where.prepend(u"rowid "_s + textCondition);
        hits = u"SELECT rowid, title FROM peer_text%1 ORDER BY title LIMIT 50"_s.arg(
            where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s));
    }
    exec(q, hits);
    while (q.next()) {
    }
    // Total.
    QStringList totalWhere = filterConditions(u"rowid"_s, std::nullopt);
    if (!textCondition.isEmpty())
        totalWhere.prepend(u"rowid "_s + textCondition);
    exec(q, u"SELECT count(*) FROM peer_text%1"_s.arg(totalWhere.isEmpty() ? QString() : u" WHERE "_s + totalWhere.join(u" AND "_s)));
    if (q.next())
        result.total = q.value(0).toLongLong();
    // One GROUP BY per facet, with the filters of the other facets.
    for (Facet facet : allFacets()) {
        QStringList facetWhere = filterConditions(u"f.item"_s, facet);
        facetWhere.prepend(u"f.facet = %1"_s.arg(sqlString(toString(facet))));
        if (!textCondition.isEmpty())
            facetWhere.append(u"f.item "_s + textCondition);
        exec(q, u"SELECT f.value, count(*) FROM peer_facet AS f WHERE %1 GROUP BY f.value"_s.arg(facetWhere.join(u" AND "_s)));
        while (q.next())
            result.facets[facet][q.value(0).toString()] = q.value(1).toLongLong();
    }
    return result;
}

bool sameCounts(const SearchResult &carta, const PeerResult &peer)
{
    if (carta.total != peer.total)
        return false;
    for (Facet facet : allFacets()) {
        std::map<QString, qint64> mine;
        for (const FacetCount &c : carta.facets.at(facet)) {
            if (c.count > 0)
                mine[c.value] = c.count;
        }
        const auto theirs = peer.facets.find(facet);
        if (mine != (theirs == peer.facets.end() ? std::map<QString, qint64>{} : theirs->second))
            return false;
    }
    return true;
}

struct Case
{
    QString key;   // for the report
    QString label; // for the report, the same at every scale
    QString what;
    QString text;  // as a person types it into Carta
    QString match; // the same for FTS5
    QString like;  // the same for LIKE; empty: no text
    std::map<Facet, QStringList> filters;
};

QString cell(const Timing &t, int maxRuns)
{
    if (t.ms.isEmpty())
        return u"—"_s;
    const QString runs = t.ms.size() < maxRuns ? u" (%1 runs)"_s.arg(t.ms.size()) : QString();
    return u"%1 / %2"_s.arg(t.percentile(50), 0, 'f', 2).arg(t.percentile(95), 0, 'f', 2) + runs;
}

QString ratio(const Timing &peer, const Timing &carta)
{
    if (peer.ms.isEmpty() || carta.ms.isEmpty() || carta.percentile(95) <= 0)
        return u"—"_s;
    return u"%1×"_s.arg(peer.percentile(95) / carta.percentile(95), 0, 'f', 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int scale = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 10;
    const int maxRuns = argc > 2 ? std::max(kMinRuns, QString::fromLocal8Bit(argv[2]).toInt()) : 200;

    QElapsedTimer timer;
    timer.start();
    ItemSink sink;
    const demo::DemoStats stats = demo::generate(demo::DemoOptions{1, scale}, sink);
    if (!stats.ok())
        fail(stats.error);
    std::printf("demo ×%d: %lld items generated in %.1f s\n", scale, static_cast<long long>(sink.items.size()),
                double(timer.elapsed()) / 1000.0);

    QTemporaryDir dir;
    if (!dir.isValid())
        fail(u"no temporary directory"_s);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench"_s);
    db.setDatabaseName(dir.filePath(u"replica.db"_s));
    if (!db.open())
        fail(db.lastError().text());
    {
        QSqlQuery q(db);
        exec(q, u"PRAGMA journal_mode = WAL"_s);
        exec(q, u"PRAGMA synchronous = NORMAL"_s);
    }

    // Index build: every item in one transaction, as a first full sync would.
    double buildMs = 0;
    {
        SearchIndex index(u"bench"_s);
        if (auto r = index.createSchema(); !r)
            fail(r.errorString());
        if (auto r = index.load(); !r)
            fail(r.errorString());
        timer.restart();
        db.transaction();
        for (const model::Item &item : std::as_const(sink.items)) {
            if (auto r = index.index(item); !r)
                fail(r.errorString());
        }
        if (!db.commit())
            fail(db.lastError().text());
        buildMs = double(timer.nsecsElapsed()) / 1e6;
    }
    QHash<QUuid, qint64> rowids;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        exec(q, u"SELECT rowid, id FROM search_item"_s);
        while (q.next())
            rowids.insert(QUuid::fromString(q.value(1).toString()), q.value(0).toLongLong());
    }
    timer.restart();
    buildPeerTables(db, sink.items, rowids);
    const double peerBuildMs = double(timer.nsecsElapsed()) / 1e6;

    // Cold start: load() on a fresh index object (the file is in the OS cache).
    Timing load;
    std::optional<SearchIndex> index;
    for (int i = 0; i < 7; ++i) {
        index.emplace(u"bench"_s);
        timer.restart();
        if (auto r = index->load(); !r)
            fail(r.errorString());
        load.ms.append(double(timer.nsecsElapsed()) / 1e6);
    }

    // Terms picked by counting documents: one in about half the items, one in about 1 in 1000.
    const qint64 n = sink.items.size();
    QString broad, rare;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        exec(q, u"CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, search_fts, row)"_s);
        exec(q, u"SELECT term FROM temp.bench_vocab WHERE length(term) >= 5 AND term NOT GLOB '*[0-9]*' "
                "ORDER BY abs(doc - %1), term LIMIT 1"_s.arg(n / 2));
        if (q.next())
            broad = q.value(0).toString();
        exec(q, u"SELECT term FROM temp.bench_vocab WHERE length(term) >= 6 AND term NOT GLOB '*[0-9]*' "
                "ORDER BY abs(doc - %1), term LIMIT 1"_s.arg(std::max<qint64>(n / 1000, 2)));
        if (q.next())
            rare = q.value(0).toString();
    }
    // Two filters for the empty query: the commonest region (not national) and profession.
    std::map<QString, int> regions, professions;
    for (const model::Item &item : std::as_const(sink.items)) {
        for (const QString &r : item.tags.regions)
            ++regions[r];
        for (const QString &p : item.tags.professions)
            ++professions[p];
    }
    const auto commonest = [](const std::map<QString, int> &m) {
        return std::max_element(m.begin(), m.end(), [](const auto &a, const auto &b) { return a.second < b.second; })->first;
    };
    const QString region = commonest(regions);
    const QString profession = commonest(professions);
    const QString typed = broad.left(3);

    // A word followed by a space is complete (no prefix), as the FTS5 peer's query is.
    const QList<Case> cases{
        {u"search.rare"_s, u"a rare word"_s, u"rare word \"%1\""_s.arg(rare), rare + u' ', u"\"%1\""_s.arg(rare), rare, {}},
        {u"search.broad"_s, u"a broad word (in about half the items)"_s, u"broad word \"%1\""_s.arg(broad), broad + u' ', u"\"%1\""_s.arg(broad), broad, {}},
        {u"search.prefix"_s, u"a prefix as typed"_s, u"prefix \"%1\" (as typed)"_s.arg(typed), typed, u"\"%1\"*"_s.arg(typed), typed, {}},
        {u"search.phrase"_s, u"a phrase"_s, u"phrase \"local office\""_s, u"\"local office\""_s, u"\"local office\""_s, u"local office"_s, {}},
        {u"search.filters"_s, u"no text, two facet filters"_s, u"no text, region=%1, profession=%2"_s.arg(region, profession), QString(), QString(), QString(),
         {{Facet::Region, {region}}, {Facet::Profession, {profession}}}},
    };

    std::printf("index build: %.0f ms for %lld items (%.0f µs per item); peer tables %.0f ms\n", buildMs,
                static_cast<long long>(n), buildMs * 1000.0 / double(n), peerBuildMs);
    std::printf("load(): p50 %.1f ms, first %.1f ms\n", load.percentile(50), load.ms.first());
    std::printf("ratio: peer p95 ÷ carta p95; FTS5 peer: hits by bm25 (no snippets), count, one GROUP BY per facet\n\n");
    std::printf("%-46s %-14s %-24s %-24s %-6s %-6s %s\n", "what (p50 / p95 ms)", "carta", "FTS5+GROUP BY", "LIKE",
                "ratio", "ratio", "total, counts agree");
    for (const Case &c : cases) {
        SearchQuery query;
        query.text = c.text;
        query.filters = c.filters;
        SearchResult last;
        const Timing mine = measure(maxRuns, [&] {
            auto r = index->search(query);
            if (!r)
                fail(r.errorString());
            last = std::move(r).value();
        });
        PeerResult peer;
        const Timing fts = measure(maxRuns, [&] { peer = peerSearch(db, Peer::Fts5, c.match, c.like, c.filters); });
        const bool agree = sameCounts(last, peer);
        // Carta matches a phrase on word positions kept in memory; FTS5's phrase query alone
        // (finding the rows, nothing ranked or counted) on the same file is the peer here.
        Timing phraseRows;
        if (c.text.startsWith(u'"')) {
            phraseRows = measure(maxRuns, [&] {
                QSqlQuery q(db);
                q.setForwardOnly(true);
                if (!q.prepare(u"SELECT CAST(group_concat(rowid) AS BLOB) FROM search_fts WHERE search_fts MATCH ?"_s))
                    fail(q.lastError().text());
                q.addBindValue(c.match);
                if (!q.exec() || !q.next())
                    fail(q.lastError().text());
            });
        }
        Timing like;
        if (!c.like.isEmpty())
            like = measure(maxRuns, [&] { peerSearch(db, Peer::Like, c.match, c.like, c.filters); });
        std::printf("%-46s %-14s %-24s %-24s %-6s %-6s %lld, %s\n", qPrintable(c.what), qPrintable(cell(mine, maxRuns)),
                    qPrintable(cell(fts, maxRuns)), qPrintable(cell(like, maxRuns)), qPrintable(ratio(fts, mine)),
                    qPrintable(ratio(like, mine)), static_cast<long long>(last.total), agree ? "yes" : "NO");
        if (!phraseRows.ms.isEmpty())
            std::printf("  FTS5 alone finding the phrase's rows        %s (Carta ranks and counts too: %s)\n",
                        qPrintable(cell(phraseRows, maxRuns)), qPrintable(ratio(phraseRows, mine)));
        std::fflush(stdout);
        // The figure as the table prints it: p95 with two decimals.
        const auto p95 = [](const Timing &t) { return t.ms.isEmpty() ? QString() : QString::number(t.percentile(95), 'f', 2); };
        QList<bench::Peer> peers{{u"FTS5 + GROUP BY"_s, p95(fts)}};
        if (!like.ms.isEmpty())
            peers.append({u"LIKE + GROUP BY"_s, p95(like)});
        if (!phraseRows.ms.isEmpty())
            peers.append({u"FTS5 phrase rows alone"_s, p95(phraseRows)});
        bench::figure(c.key, u"search with facet counts, %1, p95"_s.arg(c.label), p95(mine), u"ms"_s, u"<=10"_s,
                      c.what + u": %1 of %2 items match (counts agree with the peers: %3); p50 %4 ms over %5 runs. The cost grows "
                      "with the matching items counted into the six facets (%7 ns a match at p50), not with the 50 hits "
                      "shown. Counting on both cores (each thread a range of items, the counts added), or counts kept "
                      "ahead for the commonest words, would shorten it; load() p50 %6 ms."_s
                          .arg(last.total).arg(n).arg(agree ? u"yes"_s : u"NO"_s)
                          .arg(mine.percentile(50), 0, 'f', 2).arg(mine.ms.size()).arg(load.percentile(50), 0, 'f', 1)
                          .arg(last.total > 0 ? mine.percentile(50) * 1e6 / double(last.total) : 0.0, 0, 'f', 0)
                          + (phraseRows.ms.isEmpty()
                                 ? QString()
                                 : u" The phrase is checked on word positions kept in memory (candidates: the items with "
                                   "every word); FTS5's phrase query alone, finding the rows with nothing ranked or counted, "
                                   "takes p50 %1 ms, p95 %2 ms."_s
                                       .arg(phraseRows.percentile(50), 0, 'f', 2)
                                       .arg(phraseRows.percentile(95), 0, 'f', 2)),
                      peers);
    }
    return 0;
}
