// Offline editing against a real carta-syncd: two replicas (real SQLite files) edit the
// same curriculum offline and sync in both orders. What does not overlap merges on both
// clients and the server; what overlaps is a conflict with both sides kept; after
// resolving, both replicas and the server hold the same bytes.
#include "../common/syncdprocess.h"

#include "replica/replica.h"
#include "sync/syncengine.h"

#include "model/item.h"

#include <QSignalSpy>
#include <QTest>

using namespace carta;
using namespace carta::model;
using namespace carta::replica;
using namespace carta::testing;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

Item curriculum(const QUuid &id)
{
    Item i = Item::create(ItemType::Curriculum, id);
    i.title = S("Geriatric medicine curriculum");
    i.slug = S("geriatric-medicine-curriculum-") + idString(id).left(8);
    i.summary = S("What geriatric medicine trainees learn.");
    i.tags.professions = {S("medicine")};
    i.tags.regions = {S("london")};
    auto &f = i.as<CurriculumFields>();
    f.version = S("2022.1");
    f.effectiveFrom = QDate(2022, 8, 3);
    f.learningOutcomes = {{S("lo1"), S("GER-LO-01"), S("Comprehensive geriatric assessment"), QString()},
                          {S("lo2"), S("GER-LO-02"), S("Falls and frailty"), QString()}};
    auto text = [](const char *paragraphId, const char *md) {
        Paragraph p;
        p.id = S(paragraphId);
        p.markdown = S(md);
        return p;
    };
    i.paragraphs = {text("p1", "## Purpose\n\nThis curriculum sets out what a geriatrician needs.\nIt applies from August 2022.\nIt replaces the 2010 curriculum."),
                    text("p2", "Trainees keep an e-portfolio."),
                    text("p3", "Assessment is by ARCP each year.")};
    return i;
}

struct Client
{
    QTemporaryDir dir;
    std::unique_ptr<Replica> replica;
    QString token;
    QString url;

    Client(const QString &serverUrl, const QString &userToken) : token(userToken), url(serverUrl)
    {
        auto r = Replica::open(dir.filePath(S("replica.sqlite")));
        if (!r)
            qFatal("%s", qPrintable(r.errorString()));
        replica = std::move(r).value();
    }
    sync::SyncReport sync()
    {
        sync::SyncEngine engine(*replica, QUrl(url), token);
        auto report = engine.runBlocking();
        if (!report)
            qWarning("sync failed: %s", qPrintable(report.errorString()));
        return report.valueOr(sync::SyncReport{});
    }
    Item get(const QUuid &id) const { return replica->item(id).value()->item().value(); }
    QByteArray bytes(const QUuid &id) const { return replica->item(id).value()->bytes; }
    void save(const Item &item) const
    {
        auto saved = replica->saveItem(item);
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
    }
};

using Edit = std::function<void(Item &)>;

} // namespace

class tst_Sync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void offlineEdits_data();
    void offlineEdits();
    void deleteAgainstEdit_data();
    void deleteAgainstEdit();
    void offlineWorkResumesWhenServerReturns();
    void rejectedEditIsKeptWithItsReasons();
    void progressAndCancel();

private:
    QByteArray serverBytes(const QUuid &id);

    std::unique_ptr<SyncdProcess> m_server;
    QString m_alice, m_bob, m_admin;
};

void tst_Sync::initTestCase()
{
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    m_admin = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_alice = m_server->addUser(S("alice.jones"), S("author"), S("london"));
    m_bob = m_server->addUser(S("bob.smith"), S("author"), S("london"));
    QVERIFY(m_server->start());
    Client admin(m_server->baseUrl(), m_admin);
    for (const auto &[vocabulary, slug] : {std::pair{Vocabulary::Region, S("london")}, std::pair{Vocabulary::Profession, S("medicine")}}) {
        Item t = Item::create(ItemType::Term);
        t.title = slug;
        t.slug = slug;
        t.as<TermFields>().vocabulary = vocabulary;
        admin.save(t);
    }
    const auto report = admin.sync();
    QCOMPARE(report.pushed, 2);
}

void tst_Sync::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
    int rc = -1;
    m_server->git({S("fsck"), S("--strict")}, &rc);
    QCOMPARE(rc, 0);
}

QByteArray tst_Sync::serverBytes(const QUuid &id)
{
    HttpClient client(m_server->baseUrl(), m_admin);
    return serializeCanonical(client.get(S("/api/v1/items/") + idString(id)).json()[S("item")]);
}

void tst_Sync::offlineEdits_data()
{
    QTest::addColumn<int>("scenario");
    QTest::addColumn<bool>("aliceFirst");
    QTest::addColumn<bool>("conflict");
    const char *names[] = {"different fields", "different paragraphs", "same paragraph, different lines", "same lines"};
    for (int s = 0; s < 4; ++s)
        for (bool aliceFirst : {true, false})
            QTest::addRow("%s, %s syncs first", names[s], aliceFirst ? "alice" : "bob") << s << aliceFirst << (s == 3);
}

void tst_Sync::offlineEdits()
{
    QFETCH(int, scenario);
    QFETCH(bool, aliceFirst);
    QFETCH(bool, conflict);
    Client alice(m_server->baseUrl(), m_alice);
    Client bob(m_server->baseUrl(), m_bob);
    const QUuid id = QUuid::createUuid();
    alice.save(curriculum(id));
    QCOMPARE(alice.sync().pushed, 1);
    bob.sync();
    QCOMPARE(bob.bytes(id), alice.bytes(id));

    // Both go offline and edit.
    Item a = alice.get(id), b = bob.get(id);
    Item expected = a;
    switch (scenario) {
    case 0:
        a.title = S("Geriatric medicine curriculum 2025");
        b.summary = S("What geriatric medicine trainees learn, stage by stage.");
        expected.title = a.title;
        expected.summary = b.summary;
        break;
    case 1:
        a.paragraphs[1].markdown = S("Trainees keep the JRCPTB e-portfolio.");
        b.paragraphs[2].markdown = S("Assessment is by ARCP every year.");
        expected.paragraphs[1].markdown = a.paragraphs[1].markdown;
        expected.paragraphs[2].markdown = b.paragraphs[2].markdown;
        break;
    case 2:
        a.paragraphs[0].markdown.replace(S("## Purpose"), S("## Purpose of the curriculum"));
        b.paragraphs[0].markdown.replace(S("the 2010 curriculum"), S("the 2016 curriculum"));
        expected.paragraphs[0].markdown = S("## Purpose of the curriculum\n\nThis curriculum sets out what a geriatrician needs.\n"
                                            "It applies from August 2022.\nIt replaces the 2016 curriculum.");
        break;
    case 3:
        a.paragraphs[0].markdown.replace(S("August 2022"), S("August 2024"));
        b.paragraphs[0].markdown.replace(S("August 2022"), S("September 2022"));
        break;
    }
    alice.save(a);
    bob.save(b);
    Client &first = aliceFirst ? alice : bob;
    Client &second = aliceFirst ? bob : alice;
    QCOMPARE(first.sync().pushed, 1);
    const auto report = second.sync();
    if (!conflict) {
        QCOMPARE(report.conflicts, 0);
        first.sync();
        expected.state = WorkflowState::Draft;
        const QByteArray want = serialize(expected);
        QCOMPARE(QString::fromUtf8(alice.bytes(id)), QString::fromUtf8(want));
        QCOMPARE(bob.bytes(id), want);
        QCOMPARE(serverBytes(id), want);
        QVERIFY(!alice.replica->item(id).value()->dirty);
        QVERIFY(!bob.replica->item(id).value()->dirty);
        return;
    }
    // Same lines: the second to sync holds a conflict with both sides; nothing is lost.
    QCOMPARE(report.conflicts, 1);
    auto conflicts = second.replica->conflicts().value();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].id, id);
    QCOMPARE(conflicts[0].conflicts.size(), 1);
    QCOMPARE(conflicts[0].conflicts[0].path, S("paragraphs[id=p1].markdown"));
    const Item mine = aliceFirst ? b : a;
    const Item theirs = aliceFirst ? a : b;
    QCOMPARE(conflicts[0].conflicts[0].mine.toString(), mine.paragraphs[0].markdown);
    QCOMPARE(conflicts[0].conflicts[0].theirs.toString(), theirs.paragraphs[0].markdown);
    QCOMPARE(parseItem(conflicts[0].mine).value().paragraphs[0].markdown, mine.paragraphs[0].markdown);
    // The server still has the first one's edit; the second's edit waits in its replica.
    QCOMPARE(parseItem(serverBytes(id)).value().paragraphs[0].markdown, theirs.paragraphs[0].markdown);
    // A person settles it: both dates mentioned.
    Item resolved = parseItem(conflicts[0].theirs).value();
    resolved.paragraphs[0].markdown.replace(S("It applies from"), S("It applies (after consultation) from"));
    QVERIFY(second.replica->resolve(id, resolved).ok());
    QCOMPARE(second.sync().conflicts, 0);
    first.sync();
    resolved.state = WorkflowState::Draft;
    QCOMPARE(alice.bytes(id), serialize(resolved));
    QCOMPARE(bob.bytes(id), serialize(resolved));
    QCOMPARE(serverBytes(id), serialize(resolved));
}

void tst_Sync::deleteAgainstEdit_data()
{
    QTest::addColumn<bool>("deleteFirst");
    QTest::newRow("delete reaches the server first") << true;
    QTest::newRow("edit reaches the server first") << false;
}

void tst_Sync::deleteAgainstEdit()
{
    QFETCH(bool, deleteFirst);
    Client alice(m_server->baseUrl(), m_alice);
    Client bob(m_server->baseUrl(), m_bob);
    const QUuid id = QUuid::createUuid();
    alice.save(curriculum(id));
    alice.sync();
    bob.sync();
    Item edited = bob.get(id);
    edited.title = S("Geriatric medicine curriculum (revised)");
    bob.save(edited);
    QVERIFY(alice.replica->deleteItem(id).ok());
    if (deleteFirst) {
        alice.sync();
        QCOMPARE(HttpClient(m_server->baseUrl(), m_admin).get(S("/api/v1/items/") + idString(id)).status, 404);
        const auto report = bob.sync();
        QCOMPARE(report.conflicts, 1);
        auto conflicts = bob.replica->conflicts().value();
        QCOMPARE(conflicts.size(), 1);
        QVERIFY(conflicts[0].theirs.isEmpty()); // deleted on the server
        QCOMPARE(parseItem(conflicts[0].mine).value().title, edited.title); // the edit is kept
        // Keeping the edit brings the item back everywhere.
        QVERIFY(bob.replica->resolve(id, parseItem(conflicts[0].mine).value()).ok());
        QCOMPARE(bob.sync().conflicts, 0);
        alice.sync();
        QCOMPARE(alice.bytes(id), bob.bytes(id));
        QCOMPARE(parseItem(serverBytes(id)).value().title, edited.title);
    } else {
        bob.sync();
        const auto report = alice.sync();
        QCOMPARE(report.conflicts, 1);
        auto conflicts = alice.replica->conflicts().value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(parseItem(conflicts[0].theirs).value().title, edited.title); // their edit, kept
        QVERIFY(conflicts[0].mine.isEmpty());                                 // my delete
        QVERIFY(alice.replica->resolve(id, parseItem(conflicts[0].theirs).value()).ok());
        alice.sync();
        QCOMPARE(parseItem(serverBytes(id)).value().title, edited.title);
        QCOMPARE(alice.bytes(id), bob.bytes(id));
    }
}

void tst_Sync::offlineWorkResumesWhenServerReturns()
{
    Client alice(m_server->baseUrl(), m_alice);
    const QUuid id = QUuid::createUuid();
    alice.save(curriculum(id));
    alice.sync();
    QCOMPARE(m_server->stop(), 0);
    Item a = alice.get(id);
    a.title = S("Edited while the server was down");
    alice.save(a);
    sync::SyncOptions quick;
    quick.maxAttempts = 2;
    quick.initialBackoffMs = 10;
    sync::SyncEngine engine(*alice.replica, QUrl(alice.url), alice.token, quick);
    QSignalSpy finished(&engine, &sync::SyncEngine::finished);
    engine.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(finished.at(0).at(1).toString().contains(S("cannot be reached")));
    QVERIFY(alice.replica->item(id).value()->dirty); // kept
    QVERIFY(m_server->start());
    alice.url = m_server->baseUrl();
    const auto report = alice.sync();
    QCOMPARE(report.pushed, 1);
    QCOMPARE(parseItem(serverBytes(id)).value().title, a.title);
    // Exactly one commit carries the edit.
    QCOMPARE(m_server->git({S("log"), S("--format=%s"), S("content")}).count(S("Edit Edited while the server was down")), 1);
}

void tst_Sync::rejectedEditIsKeptWithItsReasons()
{
    Client alice(m_server->baseUrl(), m_alice);
    Item bad = curriculum(QUuid::createUuid());
    bad.tags.specialties = {S("astrology")};
    alice.save(bad);
    const auto report = alice.sync();
    QCOMPARE(report.refused, 1);
    const auto stored = alice.replica->item(bad.id);
    QVERIFY(stored.ok() && stored.value().has_value());
    const LocalItem local = *stored.value();
    QVERIFY(local.dirty);
    QCOMPARE(local.pushIssues.size(), 1);
    QCOMPARE(local.pushIssues[0].toString(), S("item.tags.specialties[0]: unknown specialty \"astrology\""));
    // Not sent again until edited.
    QCOMPARE(alice.sync().refused, 0);
    bad.tags.specialties.clear();
    alice.save(bad);
    QCOMPARE(alice.sync().pushed, 1);
}

void tst_Sync::progressAndCancel()
{
    Client alice(m_server->baseUrl(), m_alice);
    QList<QUuid> ids;
    for (int i = 0; i < 250; ++i) {
        Item c = curriculum(QUuid::createUuid());
        alice.save(c);
        ids.append(c.id);
    }
    // Cancelled at once: nothing is lost, the outbox is still there.
    {
        sync::SyncOptions small;
        small.batchSize = 10;
        sync::SyncEngine engine(*alice.replica, QUrl(alice.url), alice.token, small);
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        QSignalSpy progress(&engine, &sync::SyncEngine::progress);
        connect(&engine, &sync::SyncEngine::progress, &engine, [&engine](qint64 done, qint64, const QString &) {
            if (done >= 50)
                engine.cancel();
        });
        engine.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), S("cancelled"));
        QVERIFY(progress.size() >= 5);
        const auto status = alice.replica->status().value();
        QVERIFY(status.dirty > 0 && status.dirty <= 200);
    }
    // The next sync finishes the work, reporting progress up to the total.
    sync::SyncOptions small;
    small.batchSize = 25;
    sync::SyncEngine engine(*alice.replica, QUrl(alice.url), alice.token, small);
    QSignalSpy progress(&engine, &sync::SyncEngine::progress);
    auto report = engine.runBlocking();
    QVERIFY2(report.ok(), qPrintable(report.errorString()));
    QCOMPARE(alice.replica->status().value().dirty, 0);
    QVERIFY(!progress.isEmpty());
    const auto lastPush = std::find_if(progress.crbegin(), progress.crend(), [](const QList<QVariant> &args) { return args.at(2).toString() == S("push"); });
    QVERIFY(lastPush != progress.crend());
    QCOMPARE(lastPush->at(0).toLongLong(), lastPush->at(1).toLongLong());
    for (const QUuid &id : ids)
        QCOMPARE(serverBytes(id), alice.bytes(id));
}

QTEST_GUILESS_MAIN(tst_Sync)
#include "tst_sync.moc"
