// carta-syncd end to end: a real server process on 127.0.0.1, real git, real SQLite.
// Push and pull, conflicts, idempotent batches, per-item validation, workflow actions and
// the live branch, scope, history, attachments, bad requests, tokens, restart.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"

#include "model/item.h"
#include "model/json.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;

namespace {

const QString S(const char *s) { return QString::fromUtf8(s); }

} // namespace

class tst_Syncd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void healthAndMe();
    void pushAndPullRoundTrip();
    void repeatedPullsSendTheSameText();
    void staleBaseIsAConflict();
    void retriedBatchIsAnsweredOnceAndCommittedOnce();
    void validationErrorsPerItem();
    void workflowToLiveAndHistory();
    void draftsOutsideScopeAreInvisible();
    void attachments();
    void badRequests_data();
    void badRequests();
    void tokens();
    void slowClientIsDroppedAndServerKeepsServing();
    void restartKeepsEverything();
    void importDemoIntoANewDataFolder();
    void tlsFromTheConfigurationFile();
    void badConfigurationIsReportedWithItsLine();

private:
    HttpResult pushBatch(HttpClient &client, const JsonValue &body) { return client.post(S("/api/v1/push"), body); }
    QString create(HttpClient &client, const Item &item);

    std::unique_ptr<SyncdProcess> m_server;
    QString m_admin, m_london, m_northWest, m_publisher, m_reviewer;
    std::unique_ptr<HttpClient> m_adminClient;
};

void tst_Syncd::initTestCase()
{
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    m_admin = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_london = m_server->addUser(S("aisha.khan"), S("author"), S("london"));
    m_northWest = m_server->addUser(S("tom.price"), S("author"), S("north-west"));
    m_reviewer = m_server->addUser(S("mei.lin"), S("reviewer"), S("london"));
    m_publisher = m_server->addUser(S("ravi.patel"), S("publisher"), S("national"));
    QVERIFY(m_server->start({S("--read-timeout-seconds"), S("2")}));
    m_adminClient = std::make_unique<HttpClient>(m_server->baseUrl(), m_admin);
    // The vocabulary the test items use.
    auto r = pushBatch(*m_adminClient, batch(newBatch(), {change(term(Vocabulary::Region, S("london"), S("London"))),
                                                         change(term(Vocabulary::Region, S("north-west"), S("North West"))),
                                                         change(term(Vocabulary::Profession, S("medicine"), S("Medicine")))}));
    QCOMPARE(r.status, 200);
    for (const JsonValue &result : r.json()[S("results")].toArray())
        QCOMPARE(result[S("status")].toString(), S("accepted"));
}

void tst_Syncd::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
    QVERIFY(m_server->admin({S("fsck")}).isEmpty());
    int rc = -1;
    m_server->git({S("fsck"), S("--strict")}, &rc);
    QCOMPARE(rc, 0);
}

QString tst_Syncd::create(HttpClient &client, const Item &item)
{
    auto r = pushBatch(client, batch(newBatch(), {change(item)}));
    if (r.status != 200 || r.json()[S("results")].toArray().at(0)[S("status")].toString() != S("accepted"))
        qWarning("create failed: %s", r.body.constData());
    return r.json()[S("results")].toArray().at(0)[S("revision")].toString();
}

void tst_Syncd::healthAndMe()
{
    HttpClient anonymous(m_server->baseUrl(), QString());
    auto health = anonymous.get(S("/healthz"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json()[S("status")].toString(), S("ok"));
    HttpClient london(m_server->baseUrl(), m_london);
    auto me = london.get(S("/api/v1/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json()[S("name")].toString(), S("aisha.khan"));
    QCOMPARE(me.json()[S("role")].toString(), S("author"));
    QCOMPARE(me.json()[S("regions")].toArray().at(0).toString(), S("london"));
    // A request is counted once its answer has been written, which can be just after the
    // client has read it: ask again until it shows.
    HttpResult metrics;
    QTRY_VERIFY_WITH_TIMEOUT((metrics = anonymous.get(S("/metrics"))).body.contains("carta_http_requests_total{route=\"/api/v1/me\",status=\"200\"}"), 5000);
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.body.contains("# TYPE carta_http_request_duration_seconds histogram"));
}

void tst_Syncd::pushAndPullRoundTrip()
{
    HttpClient london(m_server->baseUrl(), m_london);
    auto cursorBefore = london.get(S("/api/v1/changes?since=0&limit=1000")).json()[S("cursor")].toInteger();
    const Item hub = page(S("London hub"), S("london"));
    auto r = pushBatch(london, batch(newBatch(), {change(hub)}));
    QCOMPARE(r.status, 200);
    const JsonValue result = r.json()[S("results")].toArray().at(0);
    QCOMPARE(result[S("status")].toString(), S("accepted"));
    const QString revision = result[S("revision")].toString();
    QCOMPARE(revision, revisionId(hub));
    QVERIFY(r.json()[S("commit")].isString());
    // The commit is on content with the editor as author, and git agrees on the blob id.
    QCOMPARE(m_server->git({S("log"), S("-1"), S("--format=%an <%ae>"), S("content")}).trimmed(), S("aisha.khan <aisha.khan@hee.nhs.uk>"));
    QCOMPARE(m_server->git({S("rev-parse"), S("content:") + hub.storagePath()}).trimmed(), revision);

    // Another in-scope user pulls it: same bytes.
    HttpClient reviewer(m_server->baseUrl(), m_reviewer);
    auto pulled = reviewer.get(S("/api/v1/changes?since=%1").arg(cursorBefore));
    QCOMPARE(pulled.status, 200);
    bool found = false;
    for (const JsonValue &c : pulled.json()[S("changes")].toArray()) {
        if (c[S("id")].toString() != idString(hub.id))
            continue;
        found = true;
        QCOMPARE(c[S("revision")].toString(), revision);
        QCOMPARE(serializeCanonical(c[S("item")]), serialize(hub));
        QVERIFY(c[S("live_revision")].isNull());
    }
    QVERIFY(found);
    QVERIFY(pulled.json()[S("cursor")].toInteger() > cursorBefore);
    // Paging: limit 1 walks the same changes one at a time, in order.
    qint64 cursor = cursorBefore;
    int pages = 0;
    while (true) {
        auto page = reviewer.get(S("/api/v1/changes?since=%1&limit=1").arg(cursor));
        QCOMPARE(page.status, 200);
        QVERIFY(page.json()[S("changes")].toArray().size() <= 1);
        if (page.json()[S("changes")].toArray().empty())
            break;
        QVERIFY(page.json()[S("cursor")].toInteger() > cursor);
        cursor = page.json()[S("cursor")].toInteger();
        ++pages;
    }
    QVERIFY(pages >= 1);
}

// A revision's JSON text is read from git once and kept (revisiontext.h): a second pull of
// the same changes gets the same bytes, from the kept text, and each item is still exactly
// its stored revision.
void tst_Syncd::repeatedPullsSendTheSameText()
{
    HttpClient london(m_server->baseUrl(), m_london);
    HttpClient reviewer(m_server->baseUrl(), m_reviewer);
    HttpClient anonymous(m_server->baseUrl(), QString());
    const qint64 cursorBefore = london.get(S("/api/v1/changes?since=0&limit=1000")).json()[S("cursor")].toInteger();
    QList<Item> items{page(S("Cache hub one"), S("london")), page(S("Cache hub two"), S("london")),
                      page(S("Cache hub three"), S("london"))};
    auto pushed = pushBatch(london, batch(newBatch(), {change(items[0]), change(items[1]), change(items[2])}));
    QCOMPARE(pushed.status, 200);
    const QString hits = S("carta_pull_cache_hits_total");
    const QString misses = S("carta_pull_cache_misses_total");
    const qint64 hitsBefore = syncdCounter(anonymous, hits);
    const qint64 missesBefore = syncdCounter(anonymous, misses);

    const QString path = S("/api/v1/changes?since=%1").arg(cursorBefore);
    const HttpResult first = reviewer.get(path);
    QCOMPARE(first.status, 200);
    const JsonArray changes = first.json()[S("changes")].toArray();
    QCOMPARE(changes.size(), size_t(3));
    for (const JsonValue &c : changes) {
        const auto item = std::find_if(items.cbegin(), items.cend(), [&c](const Item &i) { return idString(i.id) == c[S("id")].toString(); });
        QVERIFY(item != items.cend());
        QCOMPARE(serializeCanonical(c[S("item")]), serialize(*item));
        QCOMPARE(c[S("revision")].toString(), revisionId(*item));
        QCOMPARE(c[S("deleted")].toBool(), false);
        QVERIFY(c[S("seq")].toInteger() > cursorBefore);
    }
    QCOMPARE(first.json()[S("more")].toBool(), false);
    QCOMPARE(syncdCounter(anonymous, misses), missesBefore + 3);
    QCOMPARE(syncdCounter(anonymous, hits), hitsBefore);

    const HttpResult second = reviewer.get(path);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, first.body);
    QCOMPARE(syncdCounter(anonymous, hits), hitsBefore + 3);
    QCOMPARE(syncdCounter(anonymous, misses), missesBefore + 3);
}

void tst_Syncd::staleBaseIsAConflict()
{
    HttpClient london(m_server->baseUrl(), m_london);
    HttpClient anonymous(m_server->baseUrl(), QString());
    const QString conflicts = S("carta_push_items_total{result=\"conflict\"}");
    const qint64 conflictsBefore = syncdCounter(anonymous, conflicts);
    Item hub = page(S("Conflict hub"), S("london"));
    const QString base = create(london, hub);
    Item mine = hub;
    mine.title = S("Conflict hub (mine)");
    Item theirs = hub;
    theirs.title = S("Conflict hub (theirs)");
    auto first = pushBatch(london, batch(newBatch(), {change(theirs, base)}));
    QCOMPARE(first.json()[S("results")].toArray().at(0)[S("status")].toString(), S("accepted"));
    const QString serverRevision = first.json()[S("results")].toArray().at(0)[S("revision")].toString();
    auto second = pushBatch(london, batch(newBatch(), {change(mine, base)}));
    QCOMPARE(second.status, 200);
    const JsonValue result = second.json()[S("results")].toArray().at(0);
    QCOMPARE(result[S("status")].toString(), S("conflict"));
    QCOMPARE(result[S("server_revision")].toString(), serverRevision);
    QCOMPARE(result[S("server_item")][S("title")].toString(), S("Conflict hub (theirs)"));
    QVERIFY(second.json()[S("commit")].isNull());
    // Creating an item that exists is a conflict too.
    auto again = pushBatch(london, batch(newBatch(), {change(mine)}));
    QCOMPARE(again.json()[S("results")].toArray().at(0)[S("status")].toString(), S("conflict"));
    // /metrics counts both (tests run one at a time against this server).
    QCOMPARE(syncdCounter(anonymous, conflicts), conflictsBefore + 2);
}

void tst_Syncd::retriedBatchIsAnsweredOnceAndCommittedOnce()
{
    HttpClient london(m_server->baseUrl(), m_london);
    const QString id = newBatch();
    const JsonValue body = batch(id, {change(page(S("Retry hub"), S("london"))), change(page(S("Retry hub two"), S("london")))});
    auto first = pushBatch(london, body);
    QCOMPARE(first.status, 200);
    const QString commitsAfterFirst = m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed();
    auto second = pushBatch(london, body);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, first.body);
    QCOMPARE(m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed(), commitsAfterFirst);
    QCOMPARE(m_server->git({S("log"), S("-1"), S("--format=%(trailers:key=Carta-Batch,valueonly)"), S("content")}).trimmed(), id);
    // The same batch id from another user is refused, not replayed.
    HttpClient northWest(m_server->baseUrl(), m_northWest);
    QCOMPARE(pushBatch(northWest, body).status, 409);
    // A retry learns what happened to its batch even when its body would not pass the checks
    // now (a body checked by other rules, or mangled): the recorded answer, nothing applied.
    JsonObject mangled = body.toObject();
    mangled[S("changes")] = JsonArray{JsonObject{{S("id"), S("NOT-A-UUID")}, {S("delete"), true}}};
    auto third = pushBatch(london, JsonValue(mangled));
    QCOMPARE(third.status, 200);
    QCOMPARE(third.body, first.body);
    QCOMPARE(m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed(), commitsAfterFirst);
    // A new batch with that body is refused, saying where.
    mangled[S("batch_id")] = newBatch();
    auto refused = pushBatch(london, JsonValue(mangled));
    QCOMPARE(refused.status, 400);
    QVERIFY2(refused.body.contains("changes[0].id"), refused.body.constData());
}

void tst_Syncd::validationErrorsPerItem()
{
    HttpClient london(m_server->baseUrl(), m_london);
    Item good = page(S("Valid hub"), S("london"));
    Item bad = page(S("Invalid hub"), S("london"));
    bad.slug = S("Not A Slug");
    bad.paragraphs[0].markdown.clear();
    Item unknownTerm = page(S("Unknown region hub"), S("london"));
    unknownTerm.tags.specialties = {S("astrology")};
    auto r = pushBatch(london, batch(newBatch(), {change(good), change(bad), change(unknownTerm)}));
    QCOMPARE(r.status, 200);
    const JsonArray results = r.json()[S("results")].toArray();
    QCOMPARE(results.at(0)[S("status")].toString(), S("accepted"));
    QCOMPARE(results.at(1)[S("status")].toString(), S("rejected"));
    QStringList where;
    for (const JsonValue &issue : results.at(1)[S("issues")].toArray())
        where.append(issue[S("where")].toString());
    QCOMPARE(where, QStringList({S("item.slug"), S("item.paragraphs[0].markdown")}));
    QCOMPARE(results.at(2)[S("status")].toString(), S("rejected"));
    QCOMPARE(results.at(2)[S("issues")].toArray().at(0)[S("message")].toString(), S("unknown specialty \"astrology\""));
    // Only the valid item reached git.
    int rc = -1;
    m_server->git({S("cat-file"), S("-e"), S("content:") + bad.storagePath()}, &rc);
    QVERIFY(rc != 0);
    m_server->git({S("cat-file"), S("-e"), S("content:") + good.storagePath()}, &rc);
    QCOMPARE(rc, 0);
}

void tst_Syncd::workflowToLiveAndHistory()
{
    HttpClient author(m_server->baseUrl(), m_london);
    HttpClient reviewer(m_server->baseUrl(), m_reviewer);
    HttpClient publisher(m_server->baseUrl(), m_publisher);
    Item hub = page(S("Workflow hub"), S("london"));
    create(author, hub);
    const QString actions = S("/api/v1/items/%1/actions").arg(idString(hub.id));
    auto act = [&](HttpClient &c, const char *action, const char *comment) {
        return c.post(actions, obj({{S("action"), S(action)}, {S("comment"), S(comment)}}));
    };
    // An author may not approve; the answer says why.
    auto denied = act(author, "approve", "");
    QCOMPARE(denied.status, 403);
    QVERIFY(denied.json()[S("error")][S("message")].toString().contains(S("reviewer")));
    QCOMPARE(act(author, "submit", "Ready for review").status, 200);
    QCOMPARE(act(reviewer, "request_changes", "Add the training office address,\nplease.").status, 200);
    QCOMPARE(act(author, "submit", "Done").status, 200);
    QCOMPARE(act(reviewer, "approve", "").status, 200);
    int rc = -1;
    m_server->git({S("cat-file"), S("-e"), S("live:") + hub.storagePath()}, &rc);
    QVERIFY(rc != 0); // approved is not live
    auto published = act(publisher, "publish", "Go live");
    QCOMPARE(published.status, 200);
    QCOMPARE(published.json()[S("state")].toString(), S("published"));
    const QString live = published.json()[S("live_revision")].toString();
    QCOMPARE(m_server->git({S("rev-parse"), S("live:") + hub.storagePath()}).trimmed(), live);
    QCOMPARE(m_server->git({S("log"), S("-1"), S("--format=%(trailers:key=Carta-Content-Commit,valueonly)"), S("live")}).trimmed(),
             published.json()[S("content_commit")].toString());

    // A new draft of the published item leaves live alone.
    auto current = author.get(S("/api/v1/items/%1").arg(idString(hub.id)));
    Item edited = parseItem(serializeCanonical(current.json()[S("item")])).value();
    edited.title = S("Workflow hub, updated");
    auto push = pushBatch(author, batch(newBatch(), {change(edited, current.json()[S("revision")].toString())}));
    QCOMPARE(push.json()[S("results")].toArray().at(0)[S("status")].toString(), S("accepted"));
    QCOMPARE(push.json()[S("results")].toArray().at(0)[S("item")][S("state")].toString(), S("draft"));
    QCOMPARE(m_server->git({S("rev-parse"), S("live:") + hub.storagePath()}).trimmed(), live);

    // History: every action, who and the comment, newest first.
    auto history = author.get(S("/api/v1/items/%1/history").arg(idString(hub.id)));
    QCOMPARE(history.status, 200);
    QStringList actionsSeen;
    for (const JsonValue &e : history.json()[S("history")].toArray())
        actionsSeen.append(e[S("action")].toString() + QLatin1Char('/') + e[S("author")].toString());
    QCOMPARE(actionsSeen, QStringList({S("edit/aisha.khan"), S("publish/ravi.patel"), S("approve/mei.lin"), S("submit/aisha.khan"),
                                       S("request_changes/mei.lin"), S("submit/aisha.khan"), S("edit/aisha.khan")}));
    QCOMPARE(history.json()[S("history")].toArray().at(4)[S("comment")].toString(), S("Add the training office address,\nplease."));
    // Any past revision can be read back.
    const QString first = history.json()[S("history")].toArray().back()[S("revision")].toString();
    auto old = author.get(S("/api/v1/items/%1/revisions/%2").arg(idString(hub.id), first));
    QCOMPARE(old.status, 200);
    QCOMPARE(old.json()[S("item")][S("title")].toString(), S("Workflow hub"));
    // Revert makes a draft and never publishes.
    auto reverted = author.post(actions, obj({{S("action"), S("revert")}, {S("revision"), first}}));
    QCOMPARE(reverted.status, 200);
    QCOMPARE(reverted.json()[S("state")].toString(), S("draft"));
    QCOMPARE(m_server->git({S("rev-parse"), S("live:") + hub.storagePath()}).trimmed(), live);
    // Unpublish takes it off live.
    QCOMPARE(act(publisher, "unpublish", "Superseded").status, 200);
    m_server->git({S("cat-file"), S("-e"), S("live:") + hub.storagePath()}, &rc);
    QVERIFY(rc != 0);
}

void tst_Syncd::draftsOutsideScopeAreInvisible()
{
    HttpClient london(m_server->baseUrl(), m_london);
    HttpClient northWest(m_server->baseUrl(), m_northWest);
    HttpClient publisher(m_server->baseUrl(), m_publisher);
    Item draft = page(S("North West draft"), S("north-west"));
    create(northWest, draft);
    Item published = page(S("North West published"), S("north-west"));
    create(northWest, published);
    const QString actions = S("/api/v1/items/%1/actions").arg(idString(published.id));
    QCOMPARE(northWest.post(actions, obj({{S("action"), S("submit")}})).status, 200);
    QCOMPARE(publisher.post(actions, obj({{S("action"), S("approve")}})).status, 200);
    QCOMPARE(publisher.post(actions, obj({{S("action"), S("publish")}})).status, 200);

    auto pulled = london.get(S("/api/v1/changes?since=0&limit=1000"));
    QSet<QString> seen;
    for (const JsonValue &c : pulled.json()[S("changes")].toArray())
        seen.insert(c[S("id")].toString());
    QVERIFY(!seen.contains(idString(draft.id)));
    QVERIFY(seen.contains(idString(published.id)));
    QCOMPARE(london.get(S("/api/v1/items/%1").arg(idString(draft.id))).status, 404);
    QCOMPARE(london.get(S("/api/v1/items/%1").arg(idString(published.id))).status, 200);
    // Pushing an edit of an out-of-scope item is refused.
    Item hijack = draft;
    hijack.title = S("Edited from London");
    auto r = pushBatch(london, batch(newBatch(), {change(hijack, revisionId(draft))}));
    const JsonValue result = r.json()[S("results")].toArray().at(0);
    QCOMPARE(result[S("status")].toString(), S("forbidden"));
    QVERIFY(result[S("issues")].toArray().at(0)[S("message")].toString().contains(S("outside your scope")));
}

void tst_Syncd::attachments()
{
    HttpClient client(m_server->baseUrl(), m_london);
    QByteArray pdf = "%PDF-1.4\n% a test attachment\n%%EOF\n";
    pdf += QByteArray(300000, 'x');
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    auto put = client.request("PUT", S("/api/v1/attachments/") + sha, pdf, "application/pdf");
    QCOMPARE(put.status, 201);
    QCOMPARE(client.request("PUT", S("/api/v1/attachments/") + sha, pdf, "application/pdf").status, 200);
    auto get = client.get(S("/api/v1/attachments/") + sha);
    QCOMPARE(get.status, 200);
    QCOMPARE(get.body, pdf);
    // Hash mismatch: refused, nothing stored.
    const QString other = QString(64, QLatin1Char('0'));
    auto mismatch = client.request("PUT", S("/api/v1/attachments/") + other, pdf, "application/pdf");
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.json()[S("error")][S("code")].toString(), S("hash_mismatch"));
    QCOMPARE(client.get(S("/api/v1/attachments/") + other).status, 404);
    // Path tricks in the name.
    for (const QString &name : {S("..%2F..%2Fcarta.db"), S("..%2frepo.git%2fconfig"), S("ABC"), S("x")}) {
        auto r = client.get(S("/api/v1/attachments/") + name);
        QVERIFY2(r.status == 400 || r.status == 404, qPrintable(name));
        QVERIFY(!r.body.contains("SQLite"));
    }
}

void tst_Syncd::badRequests_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QByteArray json = "application/json";
    QTest::newRow("malformed JSON") << QByteArray("POST") << S("/api/v1/push") << QByteArray("{\"batch_id\": \"abcdefgh\", \"changes\": [") << json << 400 << S("malformed JSON");
    QTest::newRow("wrong content type") << QByteArray("POST") << S("/api/v1/push") << QByteArray("{}") << QByteArray("text/plain") << 415 << S("application/json");
    QTest::newRow("invalid UTF-8") << QByteArray("POST") << S("/api/v1/push") << QByteArray("{\"batch_id\": \"\xff\xfe\"}") << json << 400 << S("UTF-8");
    QTest::newRow("unknown field") << QByteArray("POST") << S("/api/v1/push") << QByteArray("{\"batch_id\": \"abcdefgh\", \"changes\": [], \"force\": true}") << json << 400 << S("force: unknown field");
    QTest::newRow("no changes") << QByteArray("POST") << S("/api/v1/push") << QByteArray("{\"batch_id\": \"abcdefgh\", \"changes\": []}") << json << 400 << S("changes");
    QTest::newRow("bad batch id") << QByteArray("POST") << S("/api/v1/push") << QByteArray("{\"batch_id\": \"x\", \"changes\": [{}]}") << json << 400 << S("batch_id");
    QTest::newRow("change not an object") << QByteArray("POST") << S("/api/v1/push") << QByteArray("{\"batch_id\": \"abcdefgh\", \"changes\": [1]}") << json << 400 << S("changes[0]: must be an object");
    QTest::newRow("unknown change field") << QByteArray("POST") << S("/api/v1/push")
        << QByteArray("{\"batch_id\": \"abcdefgh\", \"changes\": [{\"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\", \"colour\": 1}]}") << json << 400 << S("changes[0].colour: unknown field");
    QTest::newRow("oversized body") << QByteArray("POST") << S("/api/v1/push") << QByteArray(9 * 1024 * 1024, ' ') << json << 413 << S("exceeds");
    QTest::newRow("wrong method") << QByteArray("DELETE") << S("/api/v1/push") << QByteArray() << QByteArray() << 405 << S("POST");
    QTest::newRow("unknown route") << QByteArray("GET") << S("/api/v1/nothing") << QByteArray() << QByteArray() << 404 << S("no such resource");
    QTest::newRow("bad item id") << QByteArray("GET") << S("/api/v1/items/..%2F..%2Fetc") << QByteArray() << QByteArray() << 400 << S("not an item id");
    QTest::newRow("bad cursor") << QByteArray("GET") << S("/api/v1/changes?since=abc") << QByteArray() << QByteArray() << 400 << S("since");
    QTest::newRow("bad action") << QByteArray("POST") << S("/api/v1/items/0f8fad5b-d9cb-469f-a165-70867728950e/actions")
        << QByteArray("{\"action\": \"delete_everything\"}") << json << 400 << S("action: must be one of");
}

void tst_Syncd::badRequests()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, message);
    HttpClient client(m_server->baseUrl(), m_london);
    const QString commits = m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed();
    auto r = client.request(verb, path, body.isEmpty() && verb != "POST" ? QByteArray() : body, contentType);
    QCOMPARE(r.status, status);
    const JsonValue error = r.json()[S("error")];
    QVERIFY2(error[S("message")].toString().contains(message), r.body.constData());
    QVERIFY(!error[S("code")].toString().isEmpty());
    QCOMPARE(m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed(), commits);
    // And the server keeps serving.
    QCOMPARE(client.get(S("/api/v1/me")).status, 200);
}

void tst_Syncd::tokens()
{
    HttpClient none(m_server->baseUrl(), QString());
    auto missing = none.get(S("/api/v1/me"));
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.json()[S("error")][S("message")].toString().contains(S("missing")));
    HttpClient wrong(m_server->baseUrl(), S("carta_0000"));
    QCOMPARE(wrong.get(S("/api/v1/me")).status, 401);
    const QString token = m_server->addUser(S("leaver"), S("author"), S("london"));
    HttpClient leaver(m_server->baseUrl(), token);
    QCOMPARE(leaver.get(S("/api/v1/me")).status, 200);
    m_server->admin({S("token"), S("revoke"), S("leaver")});
    auto revoked = leaver.get(S("/api/v1/me"));
    QCOMPARE(revoked.status, 401);
    QVERIFY(revoked.json()[S("error")][S("message")].toString().contains(S("revoked")));
    // Only hashes are stored.
    QFile db(m_server->dataDir() + S("/carta.db"));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.readAll().contains(token.toUtf8()));
}

void tst_Syncd::slowClientIsDroppedAndServerKeepsServing()
{
    QTcpSocket slow;
    slow.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server->port()));
    QVERIFY(slow.waitForConnected(5000));
    slow.write("POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"batch");
    slow.flush();
    // Meanwhile others are served.
    HttpClient client(m_server->baseUrl(), m_london);
    QCOMPARE(client.get(S("/api/v1/me")).status, 200);
    // The slow client is cut off at the read deadline (the test server uses 2 s).
    QVERIFY(slow.state() == QAbstractSocket::UnconnectedState || slow.waitForDisconnected(15000));
    QCOMPARE(client.get(S("/api/v1/me")).status, 200);
}

void tst_Syncd::restartKeepsEverything()
{
    HttpClient client(m_server->baseUrl(), m_london);
    Item hub = page(S("Restart hub"), S("london"));
    const QString revision = create(client, hub);
    const qint64 cursor = client.get(S("/api/v1/changes?since=0&limit=1000")).json()[S("cursor")].toInteger();
    QCOMPARE(m_server->stop(), 0);
    QVERIFY(m_server->start({S("--read-timeout-seconds"), S("2")}));
    HttpClient again(m_server->baseUrl(), m_london);
    auto item = again.get(S("/api/v1/items/%1").arg(idString(hub.id)));
    QCOMPARE(item.status, 200);
    QCOMPARE(item.json()[S("revision")].toString(), revision);
    QCOMPARE(again.get(S("/api/v1/changes?since=%1").arg(cursor)).json()[S("changes")].toArray().size(), size_t(0));
    m_adminClient = std::make_unique<HttpClient>(m_server->baseUrl(), m_admin);
}

void tst_Syncd::importDemoIntoANewDataFolder()
{
    SyncdProcess demo;
    demo.init();
    QByteArray err;
    demo.admin({S("import-demo")}, 0, &err);
    QVERIFY2(err.contains("imported "), err.constData());
    // Everything generated is on content, the published part on live, packed, valid.
    const int onContent = int(demo.git({S("ls-tree"), S("-r"), S("--name-only"), S("content")}).count(QLatin1Char('\n')));
    const int onLive = int(demo.git({S("ls-tree"), S("-r"), S("--name-only"), S("live")}).count(QLatin1Char('\n')));
    QVERIFY2(onContent >= 12000, qPrintable(QString::number(onContent)));
    QVERIFY(onLive > onContent * 9 / 10 && onLive < onContent);
    QVERIFY(demo.git({S("count-objects"), S("-v")}).contains(S("count: 0")));
    int rc = -1;
    demo.git({S("fsck"), S("--strict")}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY(demo.admin({S("fsck")}).isEmpty());
    // A second import into the same folder is refused and changes nothing.
    demo.admin({S("import-demo")}, 1, &err);
    QVERIFY(err.contains("already has content"));
    QCOMPARE(int(demo.git({S("rev-list"), S("--count"), S("content")}).trimmed().toInt()), 1);
}

void tst_Syncd::tlsFromTheConfigurationFile()
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(S("openssl"), {S("req"), S("-x509"), S("-newkey"), S("rsa:2048"), S("-nodes"), S("-keyout"), dir.filePath(S("key.pem")),
                                 S("-out"), dir.filePath(S("cert.pem")), S("-days"), S("1"), S("-subj"), S("/CN=127.0.0.1")});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile config(dir.filePath(S("syncd.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("# test server\nlisten_address = 127.0.0.1\ntls_certificate = " + dir.filePath(S("cert.pem")).toUtf8()
                 + "\ntls_private_key = " + dir.filePath(S("key.pem")).toUtf8() + "\nthreads = 2\n");
    config.close();
    SyncdProcess tls;
    tls.setConfigFile(config.fileName());
    tls.init();
    const QString token = tls.addUser(S("tls.user"), S("author"), S("london"));
    QVERIFY(tls.start());
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(S("https://127.0.0.1:%1/api/v1/me").arg(tls.port())));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = network.get(request);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(30000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("\"name\":\"tls.user\""));
    QVERIFY(reply->sslConfiguration().sessionProtocol() == QSsl::TlsV1_3 || reply->sslConfiguration().sessionProtocol() == QSsl::TlsV1_2);
    reply->deleteLater();
    // Plain HTTP to the TLS port gets nowhere, and the server carries on.
    HttpClient plain(S("http://127.0.0.1:%1").arg(tls.port()), token);
    QVERIFY(plain.get(S("/api/v1/me")).status != 200);
    QCOMPARE(tls.stop(), 0);
}

void tst_Syncd::badConfigurationIsReportedWithItsLine()
{
    QTemporaryDir dir;
    QFile config(dir.filePath(S("bad.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("port = 7443\nprot = 80\nthreads = lots\ntls_certificate = /nowhere.pem\n");
    config.close();
    SyncdProcess bad;
    bad.setConfigFile(config.fileName());
    QByteArray err;
    bad.admin({S("init")}, 1, &err);
    QVERIFY2(err.contains("bad.conf:2: unknown key \"prot\""), err.constData());
    QVERIFY(err.contains("bad.conf:3: threads must be a number"));
    QVERIFY(err.contains("give both tls_certificate and tls_private_key"));
    QVERIFY(!QFile::exists(bad.dataDir())); // nothing was created
}

QTEST_GUILESS_MAIN(tst_Syncd)
#include "tst_syncd.moc"
