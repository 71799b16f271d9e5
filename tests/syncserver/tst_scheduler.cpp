// Scheduled publishing end to end against a real carta-syncd whose clock a file controls:
// review with comments, a publish at the minute set (checked on git's `live` branch), a new
// draft that stays off live until its own time, daylight-saving changes, a server that was
// down at the minute, a publish that fails validation, who may set times, and an older
// data folder brought up to the schema with the schedule columns.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"

#include "model/item.h"
#include "model/json.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kLondon = u"london"_s;

QDateTime utc(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    Q_ASSERT(t.isValid());
    return t.toUTC();
}

QString actionsPath(const QUuid &id) { return u"/api/v1/items/%1/actions"_s.arg(idString(id)); }

} // namespace

class tst_Scheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reviewThenPublishAtTheMinute();
    void daylightSavingChanges_data();
    void daylightSavingChanges();
    void theTwoAutumnHalfPastOnesFireAnHourApart();
    void scheduleMissedWhileDownRunsAtStartUp();
    void failedPublishStaysApprovedAndIsReportedOnce();
    void onlyPublishersSetTimes();
    void olderDataFolderGetsTheScheduleColumns();

private:
    void setClock(const QString &iso);
    void waitForSchedulerRuns(SyncdProcess &server);
    // Pushes one item as the client's user; returns the result of the change.
    JsonValue push(HttpClient &client, const Item &item, const QString &base = QString());
    JsonValue act(HttpClient &client, const QUuid &id, const QString &action, JsonObject extra = {});
    JsonValue current(const QUuid &id);
    // An approved page: pushed, submitted and approved by the people whose work that is.
    Item approvedPage(const QString &title);
    Item publishedPage(const QString &title);
    QString blobOn(const SyncdProcess &server, const QString &branch, const Item &item) const;

    QTemporaryDir m_dir;
    QString m_clockFile;
    std::unique_ptr<SyncdProcess> m_server;
    std::unique_ptr<HttpClient> m_admin, m_author, m_reviewer, m_publisher;
};

void tst_Scheduler::setClock(const QString &iso)
{
    QVERIFY(setSyncdClock(m_clockFile, utc(iso)));
}

// Two runs that began after the clock moved: one complete run saw the new time.
void tst_Scheduler::waitForSchedulerRuns(SyncdProcess &server)
{
    HttpClient metrics(server.baseUrl(), QString());
    const qint64 before = syncdCounter(metrics, u"carta_scheduler_runs_total"_s);
    QTRY_VERIFY_WITH_TIMEOUT(syncdCounter(metrics, u"carta_scheduler_runs_total"_s) >= before + 2, 20000);
}

JsonValue tst_Scheduler::push(HttpClient &client, const Item &item, const QString &base)
{
    const HttpResult r = client.post(u"/api/v1/push"_s, batch(newBatch(), {change(item, base)}));
    if (r.status != 200)
        qWarning("push answered %d: %s", r.status, r.body.constData());
    return r.json()[u"results"_s].toArray().empty() ? JsonValue() : r.json()[u"results"_s].toArray().at(0);
}

JsonValue tst_Scheduler::act(HttpClient &client, const QUuid &id, const QString &action, JsonObject extra)
{
    extra[u"action"_s] = action;
    const HttpResult r = client.post(actionsPath(id), JsonValue(std::move(extra)));
    if (r.status != 200)
        qWarning("%s answered %d: %s", qPrintable(action), r.status, r.body.constData());
    JsonValue answer = r.json();
    if (answer.isObject())
        answer = JsonValue([&] { JsonObject o = answer.toObject(); o[u"status"_s] = qint64(r.status); return o; }());
    return answer;
}

JsonValue tst_Scheduler::current(const QUuid &id)
{
    return m_admin->get(u"/api/v1/items/%1"_s.arg(idString(id))).json();
}

Item tst_Scheduler::approvedPage(const QString &title)
{
    const Item item = page(title, kLondon);
    const JsonValue pushed = push(*m_author, item);
    if (pushed[u"status"_s].toString() != u"accepted"_s)
        qWarning("not accepted: %s", serializeCompact(pushed).constData());
    act(*m_author, item.id, u"submit"_s);
    act(*m_reviewer, item.id, u"approve"_s);
    return item;
}

Item tst_Scheduler::publishedPage(const QString &title)
{
    const Item item = approvedPage(title);
    act(*m_publisher, item.id, u"publish"_s);
    return item;
}

QString tst_Scheduler::blobOn(const SyncdProcess &server, const QString &branch, const Item &item) const
{
    int rc = -1;
    const QString out = server.git({u"rev-parse"_s, u"--verify"_s, u"--quiet"_s, branch + u':' + item.storagePath()}, &rc);
    return rc == 0 ? out.trimmed() : QString();
}

void tst_Scheduler::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clockFile = m_dir.filePath(u"clock"_s);
    setClock(u"2027-03-20T09:00:00Z"_s);
    qputenv("CARTA_SYNCD_CLOCK_FILE", QFile::encodeName(m_clockFile));
    m_server = std::make_unique<SyncdProcess>(m_dir.filePath(u"data"_s));
    m_server->init();
    const QString admin = m_server->addUser(u"sam.okafor"_s, u"admin"_s, u"national"_s);
    const QString author = m_server->addUser(u"aisha.khan"_s, u"author"_s, kLondon);
    const QString reviewer = m_server->addUser(u"mei.lin"_s, u"reviewer"_s, kLondon);
    const QString publisher = m_server->addUser(u"ravi.patel"_s, u"publisher"_s, kLondon);
    QVERIFY(m_server->start({u"--schedule-interval-seconds"_s, u"1"_s}));
    m_admin = std::make_unique<HttpClient>(m_server->baseUrl(), admin);
    m_author = std::make_unique<HttpClient>(m_server->baseUrl(), author);
    m_reviewer = std::make_unique<HttpClient>(m_server->baseUrl(), reviewer);
    m_publisher = std::make_unique<HttpClient>(m_server->baseUrl(), publisher);
    QCOMPARE(push(*m_admin, term(Vocabulary::Region, kLondon, u"London"_s))[u"status"_s].toString(), u"accepted"_s);
}

void tst_Scheduler::cleanupTestCase()
{
    if (!m_server)
        return;
    QCOMPARE(m_server->stop(), 0);
    // The index's schedule columns agree with the items in git.
    QByteArray err;
    QCOMPARE(m_server->admin({u"fsck"_s}, 0, &err), QByteArray());
    QCOMPARE(m_server->git({u"fsck"_s, u"--strict"_s}).trimmed(), QString());
}

void tst_Scheduler::reviewThenPublishAtTheMinute()
{
    setClock(u"2027-03-20T09:00:00Z"_s);
    Item hub = page(u"Camden training hub"_s, kLondon);
    QCOMPARE(push(*m_author, hub)[u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(act(*m_author, hub.id, u"submit"_s)[u"state"_s].toString(), u"in_review"_s);
    const QString sendBack = u"Add the address of the training office."_s;
    QCOMPARE(act(*m_reviewer, hub.id, u"request_changes"_s, {{u"comment"_s, sendBack}})[u"state"_s].toString(), u"changes_requested"_s);

    // The author edits on the revision sent back and submits again.
    JsonValue now = current(hub.id);
    Item edited = itemFromJson(now[u"item"_s]).value();
    edited.paragraphs[0].markdown += u"\nThe office is at 2 Camden Road."_s;
    const JsonValue pushed = push(*m_author, edited, now[u"revision"_s].toString());
    QCOMPARE(pushed[u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(act(*m_author, hub.id, u"submit"_s)[u"state"_s].toString(), u"in_review"_s);
    QCOMPARE(act(*m_reviewer, hub.id, u"approve"_s, {{u"comment"_s, u"Thank you."_s}})[u"state"_s].toString(), u"approved"_s);

    // 09:00 on 29 March 2027 is BST: 08:00 UTC.
    const JsonValue scheduled = act(*m_publisher, hub.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-03-29T09:00:00+01:00"_s}});
    QCOMPARE(scheduled[u"status"_s].toInteger(), qint64(200));
    QCOMPARE(scheduled[u"state"_s].toString(), u"approved"_s);
    QCOMPARE(scheduled[u"item"_s][u"schedule"_s][u"publish_at"_s].toString(), u"2027-03-29T09:00:00+01:00"_s);
    const QString approvedRevision = scheduled[u"revision"_s].toString();
    const qint64 cursor = m_author->get(u"/api/v1/changes?since=0&limit=1000"_s).json()[u"latest"_s].toInteger();

    setClock(u"2027-03-29T07:59:00Z"_s);
    waitForSchedulerRuns(*m_server);
    QCOMPARE(blobOn(*m_server, u"live"_s, hub), QString());
    QCOMPARE(current(hub.id)[u"item"_s][u"state"_s].toString(), u"approved"_s);
    QCOMPARE(current(hub.id)[u"revision"_s].toString(), approvedRevision);

    setClock(u"2027-03-29T08:00:00Z"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!blobOn(*m_server, u"live"_s, hub).isEmpty(), 20000);
    const QString firstLive = blobOn(*m_server, u"live"_s, hub);
    QCOMPARE(firstLive, blobOn(*m_server, u"content"_s, hub));
    const QByteArray firstLiveBytes = m_server->git({u"show"_s, u"live:"_s + hub.storagePath()}).toUtf8();
    const Item published = parseItem(firstLiveBytes).value();
    QCOMPARE(toString(published.state), u"published"_s);
    QVERIFY(!published.schedule.publishAt); // carried out, so no later draft inherits it
    QVERIFY(published.paragraphs[0].markdown.contains(u"2 Camden Road"_s));

    // The change reaches the author's next pull like any other.
    const JsonValue pulled = m_author->get(u"/api/v1/changes?since=%1"_s.arg(cursor)).json();
    bool seen = false;
    for (const JsonValue &c : pulled[u"changes"_s].toArray()) {
        if (c[u"id"_s].toString() != idString(hub.id))
            continue;
        seen = true;
        QCOMPARE(c[u"item"_s][u"state"_s].toString(), u"published"_s);
        QCOMPARE(c[u"live_revision"_s].toString(), firstLive);
    }
    QVERIFY(seen);

    // History: the scheduler's commit with its trailers, the review comments before it.
    const JsonValue history = m_author->get(u"/api/v1/items/%1/history"_s.arg(idString(hub.id))).json()[u"history"_s];
    const JsonValue latest = history.toArray().at(0);
    QCOMPARE(latest[u"author"_s].toString(), u"carta-scheduler"_s);
    QCOMPARE(latest[u"action"_s].toString(), u"publish"_s);
    QCOMPARE(latest[u"scheduled"_s].toString(), u"2027-03-29T09:00:00+01:00"_s);
    QCOMPARE(utc(latest[u"time"_s].toString()), utc(u"2027-03-29T08:00:00Z"_s));
    QStringList actions;
    for (const JsonValue &e : history.toArray())
        actions.prepend(e[u"action"_s].toString() + (e[u"comment"_s].toString().isEmpty() ? QString() : u": "_s + e[u"comment"_s].toString()));
    QCOMPARE(actions, (QStringList{u"edit"_s, u"submit"_s, u"request_changes: "_s + sendBack, u"edit"_s, u"submit"_s,
                                   u"approve: Thank you."_s, u"schedule_publish"_s, u"publish"_s}));
    const QString contentMessage = m_server->git({u"log"_s, u"-1"_s, u"--format=%an%n%B"_s, u"content"_s, u"--"_s, hub.storagePath()});
    QVERIFY2(contentMessage.startsWith(u"carta-scheduler\n"_s), qPrintable(contentMessage));
    QVERIFY2(contentMessage.contains(u"\nCarta-Action: publish\n"_s), qPrintable(contentMessage));
    QVERIFY2(contentMessage.contains(u"\nCarta-Scheduled: 2027-03-29T09:00:00+01:00\n"_s), qPrintable(contentMessage));
    const QString liveMessage = m_server->git({u"log"_s, u"-1"_s, u"--format=%B"_s, u"live"_s});
    QVERIFY2(liveMessage.contains(u"\nCarta-Scheduled: 2027-03-29T09:00:00+01:00\n"_s), qPrintable(liveMessage));
    QVERIFY2(liveMessage.contains(u"\nCarta-Content-Commit: "_s + m_server->git({u"rev-parse"_s, u"content"_s}).trimmed()), qPrintable(liveMessage));

    // A new draft stays off live: reviewed and approved, with no time of its own, it waits.
    now = current(hub.id);
    Item second = itemFromJson(now[u"item"_s]).value();
    second.title = u"Camden and Islington training hub"_s;
    QCOMPARE(push(*m_author, second, now[u"revision"_s].toString())[u"status"_s].toString(), u"accepted"_s);
    QCOMPARE(act(*m_author, hub.id, u"submit"_s)[u"state"_s].toString(), u"in_review"_s);
    QCOMPARE(act(*m_reviewer, hub.id, u"approve"_s)[u"state"_s].toString(), u"approved"_s);
    waitForSchedulerRuns(*m_server);
    QCOMPARE(blobOn(*m_server, u"live"_s, hub), firstLive);
    QCOMPARE(m_server->git({u"show"_s, u"live:"_s + hub.storagePath()}).toUtf8(), firstLiveBytes);

    const JsonValue rescheduled = act(*m_publisher, hub.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-03-30T10:00:00+01:00"_s}});
    QCOMPARE(rescheduled[u"status"_s].toInteger(), qint64(200));
    setClock(u"2027-03-30T08:59:00Z"_s);
    waitForSchedulerRuns(*m_server);
    QCOMPARE(blobOn(*m_server, u"live"_s, hub), firstLive);
    setClock(u"2027-03-30T09:00:00Z"_s);
    QTRY_VERIFY_WITH_TIMEOUT(blobOn(*m_server, u"live"_s, hub) != firstLive, 20000);
    QCOMPARE(blobOn(*m_server, u"live"_s, hub), blobOn(*m_server, u"content"_s, hub));
    const Item secondLive = parseItem(m_server->git({u"show"_s, u"live:"_s + hub.storagePath()}).toUtf8()).value();
    QCOMPARE(secondLive.title, second.title);
    QCOMPARE(toString(secondLive.state), u"published"_s);
}

void tst_Scheduler::daylightSavingChanges_data()
{
    QTest::addColumn<QString>("action");      // schedule_publish or schedule_unpublish
    QTest::addColumn<QString>("setUpAt");     // the clock while the item is prepared
    QTest::addColumn<QString>("time");        // as sent
    QTest::addColumn<QString>("stored");      // as the item holds it
    QTest::addColumn<QStringList>("notYet");  // instants when it must not have happened
    QTest::addColumn<QString>("due");         // the instant it happens

    // 2027: clocks go forward at 01:00 UTC on 28 March (01:00 GMT -> 02:00 BST).
    QTest::newRow("spring: 02:30 BST, the first half hour after the change")
        << u"schedule_publish"_s << u"2027-03-27T12:00:00Z"_s << u"2027-03-28T02:30:00+01:00"_s << u"2027-03-28T02:30:00+01:00"_s
        << QStringList{u"2027-03-28T00:59:00Z"_s, u"2027-03-28T01:29:00Z"_s} << u"2027-03-28T01:30:00Z"_s;
    QTest::newRow("spring: the same instant sent in UTC")
        << u"schedule_publish"_s << u"2027-03-27T12:00:00Z"_s << u"2027-03-28T01:30:00Z"_s << u"2027-03-28T02:30:00+01:00"_s
        << QStringList{u"2027-03-28T01:29:00Z"_s} << u"2027-03-28T01:30:00Z"_s;
    QTest::newRow("spring: unpublish at 03:00 BST is 02:00 UTC")
        << u"schedule_unpublish"_s << u"2027-03-27T12:00:00Z"_s << u"2027-03-28T03:00:00+01:00"_s << u"2027-03-28T03:00:00+01:00"_s
        << QStringList{u"2027-03-28T01:59:00Z"_s} << u"2027-03-28T02:00:00Z"_s;
    // 2026: clocks go back at 01:00 UTC on 25 October (02:00 BST -> 01:00 GMT): 01:30 twice.
    QTest::newRow("autumn: the first 01:30 (BST)")
        << u"schedule_publish"_s << u"2026-10-24T12:00:00Z"_s << u"2026-10-25T01:30:00+01:00"_s << u"2026-10-25T01:30:00+01:00"_s
        << QStringList{u"2026-10-25T00:29:00Z"_s} << u"2026-10-25T00:30:00Z"_s;
    QTest::newRow("autumn: the second 01:30 (GMT)")
        << u"schedule_publish"_s << u"2026-10-24T12:00:00Z"_s << u"2026-10-25T01:30:00+00:00"_s << u"2026-10-25T01:30:00+00:00"_s
        << QStringList{u"2026-10-25T00:30:00Z"_s, u"2026-10-25T01:29:00Z"_s} << u"2026-10-25T01:30:00Z"_s;
    QTest::newRow("autumn: unpublish at the second 01:30 (GMT)")
        << u"schedule_unpublish"_s << u"2026-10-24T12:00:00Z"_s << u"2026-10-25T01:30:00+00:00"_s << u"2026-10-25T01:30:00+00:00"_s
        << QStringList{u"2026-10-25T00:30:00Z"_s, u"2026-10-25T01:29:00Z"_s} << u"2026-10-25T01:30:00Z"_s;
}

void tst_Scheduler::daylightSavingChanges()
{
    QFETCH(QString, action);
    QFETCH(QString, setUpAt);
    QFETCH(QString, time);
    QFETCH(QString, stored);
    QFETCH(QStringList, notYet);
    QFETCH(QString, due);

    setClock(setUpAt);
    const bool publish = action == u"schedule_publish"_s;
    static int row = 0;
    const QString title = u"Clock change %1"_s.arg(++row);
    const Item item = publish ? approvedPage(title) : publishedPage(title);
    const QString liveBefore = blobOn(*m_server, u"live"_s, item);
    QCOMPARE(liveBefore.isEmpty(), publish);
    const QString key = publish ? u"publish_at"_s : u"unpublish_at"_s;
    const JsonValue scheduled = act(*m_publisher, item.id, action, {{key, time}});
    QCOMPARE(scheduled[u"status"_s].toInteger(), qint64(200));
    QCOMPARE(scheduled[u"item"_s][u"schedule"_s][key].toString(), stored);

    for (const QString &instant : notYet) {
        setClock(instant);
        waitForSchedulerRuns(*m_server);
        QVERIFY2(blobOn(*m_server, u"live"_s, item) == liveBefore, qPrintable(u"already done at "_s + instant));
    }
    setClock(due);
    QTRY_VERIFY_WITH_TIMEOUT(blobOn(*m_server, u"live"_s, item) != liveBefore, 20000);
    const JsonValue after = current(item.id);
    QCOMPARE(after[u"item"_s][u"state"_s].toString(), publish ? u"published"_s : u"approved"_s);
    QVERIFY(after[u"item"_s][u"schedule"_s][key].isNull());
    const JsonValue history = m_admin->get(u"/api/v1/items/%1/history"_s.arg(idString(item.id))).json()[u"history"_s].toArray().at(0);
    QCOMPARE(history[u"action"_s].toString(), publish ? u"publish"_s : u"unpublish"_s);
    QCOMPARE(history[u"scheduled"_s].toString(), stored);
    QCOMPARE(utc(history[u"time"_s].toString()), utc(due));
}

void tst_Scheduler::theTwoAutumnHalfPastOnesFireAnHourApart()
{
    setClock(u"2026-10-24T12:00:00Z"_s);
    const Item first = approvedPage(u"First half past one"_s);
    const Item second = approvedPage(u"Second half past one"_s);
    QCOMPARE(act(*m_publisher, first.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2026-10-25T01:30:00+01:00"_s}})[u"status"_s].toInteger(), qint64(200));
    QCOMPARE(act(*m_publisher, second.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2026-10-25T01:30:00+00:00"_s}})[u"status"_s].toInteger(), qint64(200));
    setClock(u"2026-10-25T00:30:00Z"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!blobOn(*m_server, u"live"_s, first).isEmpty(), 20000);
    waitForSchedulerRuns(*m_server);
    QCOMPARE(blobOn(*m_server, u"live"_s, second), QString());
    setClock(u"2026-10-25T01:30:00Z"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!blobOn(*m_server, u"live"_s, second).isEmpty(), 20000);
}

void tst_Scheduler::scheduleMissedWhileDownRunsAtStartUp()
{
    setClock(u"2027-04-01T07:00:00Z"_s);
    const Item onlyPublish = approvedPage(u"Missed publish"_s);
    const Item both = approvedPage(u"Missed publish and unpublish"_s);
    QCOMPARE(act(*m_publisher, onlyPublish.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-04-01T09:00:00+01:00"_s}})[u"status"_s].toInteger(), qint64(200));
    // Both times at once: the item has no live revision yet to schedule an unpublish for.
    QCOMPARE(act(*m_publisher, both.id, u"schedule_publish"_s,
                 {{u"publish_at"_s, u"2027-04-01T09:00:00+01:00"_s}, {u"unpublish_at"_s, u"2027-04-01T10:00:00+01:00"_s}})[u"status"_s].toInteger(),
             qint64(200));

    // Many actions fall due together: the catch-up commits them in batches, not one by one.
    QList<Item> many;
    for (int i = 0; i < 12; ++i) {
        many.append(approvedPage(u"Missed publish %1"_s.arg(i)));
        QCOMPARE(act(*m_publisher, many.last().id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-04-01T08:%1:00+01:00"_s.arg(30 + i)}})[u"status"_s].toInteger(),
                 qint64(200));
    }
    auto commits = [&](const QString &branch) { return m_server->git({u"rev-list"_s, u"--count"_s, branch}).trimmed().toInt(); };
    const int contentBefore = commits(u"content"_s);
    const int liveBefore = commits(u"live"_s);

    const int port = m_server->port();
    QCOMPARE(m_server->stop(), 0);
    setClock(u"2027-04-01T12:00:00Z"_s);
    QVERIFY(m_server->start({u"--port"_s, QString::number(port), u"--schedule-interval-seconds"_s, u"1"_s}));
    QCOMPARE(m_server->port(), port);
    // Carried out before the server answered anyone: no waiting.
    QCOMPARE(blobOn(*m_server, u"live"_s, onlyPublish), blobOn(*m_server, u"content"_s, onlyPublish));
    QCOMPARE(current(onlyPublish.id)[u"item"_s][u"state"_s].toString(), u"published"_s);
    // Published, then unpublished, in the order of their times.
    QCOMPARE(blobOn(*m_server, u"live"_s, both), QString());
    QCOMPARE(current(both.id)[u"item"_s][u"state"_s].toString(), u"approved"_s);
    const JsonValue history = m_admin->get(u"/api/v1/items/%1/history"_s.arg(idString(both.id))).json()[u"history"_s];
    QCOMPARE(history.toArray().at(0)[u"action"_s].toString(), u"unpublish"_s);
    QCOMPARE(history.toArray().at(0)[u"scheduled"_s].toString(), u"2027-04-01T10:00:00+01:00"_s);
    QCOMPARE(history.toArray().at(1)[u"action"_s].toString(), u"publish"_s);
    QCOMPARE(history.toArray().at(1)[u"scheduled"_s].toString(), u"2027-04-01T09:00:00+01:00"_s);
    QCOMPARE(history.toArray().at(1)[u"author"_s].toString(), u"carta-scheduler"_s);
    // 15 actions (14 publishes, an unpublish) in two commits per branch: the publishes, then the unpublish of the item
    // already in the first (each item once per commit, so its history keeps both actions).
    QCOMPARE(commits(u"content"_s) - contentBefore, 2);
    QCOMPARE(commits(u"live"_s) - liveBefore, 2);
    for (const Item &item : many) {
        QCOMPARE(blobOn(*m_server, u"live"_s, item), blobOn(*m_server, u"content"_s, item));
        const JsonValue h = m_admin->get(u"/api/v1/items/%1/history"_s.arg(idString(item.id))).json()[u"history"_s];
        QCOMPARE(h.toArray().at(0)[u"action"_s].toString(), u"publish"_s);
        QCOMPARE(h.toArray().at(0)[u"summary"_s].toString(), u"Scheduled: 14 published, 0 unpublished"_s);
    }
    const JsonValue last = m_admin->get(u"/api/v1/items/%1/history"_s.arg(idString(many.last().id))).json()[u"history"_s];
    QCOMPARE(last.toArray().at(0)[u"scheduled"_s].toString(), u"2027-04-01T08:41:00+01:00"_s);
    QCOMPARE(m_server->git({u"fsck"_s, u"--strict"_s}).trimmed(), QString());
}

void tst_Scheduler::failedPublishStaysApprovedAndIsReportedOnce()
{
    setClock(u"2027-05-01T08:00:00Z"_s);
    Item policy = Item::create(ItemType::Policy);
    policy.title = u"Study leave policy"_s;
    policy.slug = u"study-leave-policy"_s;
    policy.as<PolicyFields>().reference = u"HEE-POL-012"_s;
    policy.as<PolicyFields>().effectiveFrom = QDate(2027, 1, 1);
    const JsonValue policyPushed = push(*m_admin, policy); // policies are national
    QVERIFY2(policyPushed[u"status"_s].toString() == u"accepted"_s, serializeCompact(policyPushed).constData());

    Item hub = page(u"Study leave in London"_s, kLondon);
    Paragraph ref;
    ref.id = u"p2"_s;
    ref.kind = ParagraphKind::PolicyRef;
    ref.target = policy.id;
    hub.paragraphs.append(ref);
    QCOMPARE(push(*m_author, hub)[u"status"_s].toString(), u"accepted"_s);
    act(*m_author, hub.id, u"submit"_s);
    QCOMPARE(act(*m_reviewer, hub.id, u"approve"_s)[u"state"_s].toString(), u"approved"_s);
    QCOMPARE(act(*m_publisher, hub.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-05-01T10:00:00+01:00"_s}})[u"status"_s].toInteger(), qint64(200));
    // The policy it names is deleted (it was never published) before the time.
    const HttpResult deleted = m_admin->post(u"/api/v1/push"_s, batch(newBatch(), {obj({{u"id"_s, idString(policy.id)},
        {u"base_revision"_s, policyPushed[u"revision"_s].toString()}, {u"delete"_s, true}})}));
    QCOMPARE(deleted.json()[u"results"_s].toArray().at(0)[u"status"_s].toString(), u"accepted"_s);

    HttpClient metrics(m_server->baseUrl(), QString());
    const QString failed = u"carta_scheduled_actions_total{action=\"publish\",result=\"failed\"}"_s;
    const qint64 failedBefore = syncdCounter(metrics, failed);
    setClock(u"2027-05-01T09:00:00Z"_s);
    waitForSchedulerRuns(*m_server);
    waitForSchedulerRuns(*m_server);
    QCOMPARE(blobOn(*m_server, u"live"_s, hub), QString());
    const JsonValue now = current(hub.id);
    QCOMPARE(now[u"item"_s][u"state"_s].toString(), u"approved"_s);
    QCOMPARE(now[u"item"_s][u"schedule"_s][u"publish_at"_s].toString(), u"2027-05-01T10:00:00+01:00"_s);
    QCOMPARE(syncdCounter(metrics, failed), failedBefore + 1); // reported once, though tried at every run

    // The policy comes back: the next run publishes.
    QCOMPARE(push(*m_admin, policy)[u"status"_s].toString(), u"accepted"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!blobOn(*m_server, u"live"_s, hub).isEmpty(), 20000);
    QCOMPARE(syncdCounter(metrics, failed), failedBefore + 1);
}

void tst_Scheduler::onlyPublishersSetTimes()
{
    setClock(u"2027-06-01T08:00:00Z"_s);
    // Setting a time in an edit takes the publisher's role, as the schedule actions do.
    Item item = page(u"Fellowships in London"_s, kLondon);
    item.schedule.publishAt = QDateTime::fromString(u"2027-06-02T09:00:00+01:00"_s, Qt::ISODate);
    const JsonValue refused = push(*m_author, item);
    QCOMPARE(refused[u"status"_s].toString(), u"forbidden"_s);
    QCOMPARE(refused[u"issues"_s].toArray().at(0)[u"where"_s].toString(), u"item.schedule.publish_at"_s);
    QCOMPARE(refused[u"issues"_s].toArray().at(0)[u"message"_s].toString(), u"only a publisher or admin may schedule publish (you are author)"_s);
    QCOMPARE(push(*m_publisher, item)[u"status"_s].toString(), u"accepted"_s);
    // An author's later edit keeps the time as it is; clearing it is the publisher's too.
    JsonValue now = current(item.id);
    Item edited = itemFromJson(now[u"item"_s]).value();
    edited.summary = u"Academic fellowships across London."_s;
    const JsonValue kept = push(*m_author, edited, now[u"revision"_s].toString());
    QCOMPARE(kept[u"status"_s].toString(), u"accepted"_s);
    now = current(item.id);
    edited = itemFromJson(now[u"item"_s]).value();
    edited.schedule.publishAt.reset();
    QCOMPARE(push(*m_author, edited, now[u"revision"_s].toString())[u"status"_s].toString(), u"forbidden"_s);
    QCOMPARE(act(*m_author, item.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-06-03T09:00:00+01:00"_s}})[u"status"_s].toInteger(), qint64(403));

    // Times the server refuses, with what is wrong.
    act(*m_author, item.id, u"submit"_s);
    act(*m_reviewer, item.id, u"approve"_s);
    const JsonValue noOffset = act(*m_publisher, item.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-03-28T01:30:00"_s}});
    QCOMPARE(noOffset[u"status"_s].toInteger(), qint64(400));
    QVERIFY(noOffset[u"error"_s][u"message"_s].toString().contains(u"with an offset"_s));
    const JsonValue past = act(*m_publisher, item.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-05-31T09:00:00+01:00"_s}});
    QCOMPARE(past[u"status"_s].toInteger(), qint64(400));
    QVERIFY2(past[u"error"_s][u"message"_s].toString().contains(u"2027-05-31T09:00:00+01:00 has passed"_s), serializeCompact(past).constData());
    const JsonValue backwards = act(*m_publisher, item.id, u"schedule_publish"_s,
                                    {{u"publish_at"_s, u"2027-06-05T09:00:00+01:00"_s}, {u"unpublish_at"_s, u"2027-06-04T09:00:00+01:00"_s}});
    QCOMPARE(backwards[u"status"_s].toInteger(), qint64(422));
    QCOMPARE(backwards[u"issues"_s].toArray().at(0)[u"where"_s].toString(), u"schedule.unpublish_at"_s);
}

void tst_Scheduler::olderDataFolderGetsTheScheduleColumns()
{
    // A data folder as the first carta-syncd left it: no schedule columns (nor changed_by /
    // changed_at, added in schema 3), schema 1.
    setClock(u"2027-07-01T08:00:00Z"_s);
    SyncdProcess old(m_dir.filePath(u"old/data"_s));
    old.init();
    const QString admin = old.addUser(u"sam.okafor"_s, u"admin"_s, u"national"_s);
    QVERIFY(old.start({u"--schedule-interval-seconds"_s, u"1"_s}));
    HttpClient client(old.baseUrl(), admin);
    QCOMPARE(client.post(u"/api/v1/push"_s, batch(newBatch(), {change(term(Vocabulary::Region, kLondon, u"London"_s))})).status, 200);
    const Item item = page(u"Older folder"_s, kLondon);
    QCOMPARE(push(client, item)[u"status"_s].toString(), u"accepted"_s);
    act(client, item.id, u"submit"_s);
    act(client, item.id, u"approve"_s);
    QCOMPARE(act(client, item.id, u"schedule_publish"_s, {{u"publish_at"_s, u"2027-07-01T10:00:00+01:00"_s}})[u"status"_s].toInteger(), qint64(200));
    const Item waiting = page(u"Older folder waiting"_s, kLondon);
    QCOMPARE(push(client, waiting)[u"status"_s].toString(), u"accepted"_s);
    act(client, waiting.id, u"submit"_s);
    QCOMPARE(old.stop(), 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(old.dataDir() + u"/carta.db"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &sql : {u"ALTER TABLE items DROP COLUMN publish_at"_s, u"ALTER TABLE items DROP COLUMN unpublish_at"_s,
                                   u"ALTER TABLE items DROP COLUMN changed_by"_s, u"ALTER TABLE items DROP COLUMN changed_at"_s,
                                   u"UPDATE meta SET value = '1' WHERE key = 'schema_version'"_s})
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old"_s);

    // Opened again past the time: the columns are filled from the items, and it publishes.
    setClock(u"2027-07-01T09:30:00Z"_s);
    QVERIFY(old.start({u"--schedule-interval-seconds"_s, u"1"_s}));
    QCOMPARE(blobOn(old, u"live"_s, item), blobOn(old, u"content"_s, item));
    QCOMPARE(old.stop(), 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"migrated"_s);
        db.setDatabaseName(old.dataDir() + u"/carta.db"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"3"_s); // both steps: schedule columns, then who changed each item
        QVERIFY(q.exec(u"SELECT publish_at, changed_by FROM items WHERE id = '%1'"_s.arg(idString(item.id))) && q.next());
        QVERIFY(q.value(0).isNull()); // carried out
        QCOMPARE(q.value(1).toString(), u"carta-scheduler"_s); // the scheduled publish made the latest revision
        // In the queue when migrated: who submitted it and when come from git history.
        QVERIFY(q.exec(u"SELECT changed_by, changed_at FROM items WHERE id = '%1'"_s.arg(idString(waiting.id))) && q.next());
        QCOMPARE(q.value(0).toString(), u"sam.okafor"_s);
        QCOMPARE(QDateTime::fromString(q.value(1).toString(), Qt::ISODate).toUTC(), QDateTime::fromString(u"2027-07-01T08:00:00Z"_s, Qt::ISODate));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"migrated"_s);
    QCOMPARE(old.admin({u"fsck"_s}), QByteArray());
}

QTEST_GUILESS_MAIN(tst_Scheduler)
#include "tst_scheduler.moc"
