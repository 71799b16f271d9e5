// carta-cli's workflow verbs against a real carta-syncd whose clock a file controls: submit,
// request changes with a comment, a forbidden action with the server's reason, schedules in
// UK time (a time the clocks skip and a time they repeat), a scheduled publish, unpublish,
// archive, history and revert, in text and --json.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"

#include "model/item.h"

#include <QTest>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;
using namespace Qt::StringLiterals;

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    JsonValue json() const { return parseJson(out).valueOr(JsonValue()); }
};

} // namespace

class tst_CliWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reviewScheduleHistoryRevert();
    void timesPeopleWrite_data();
    void timesPeopleWrite();
    void usageMistakes();

private:
    CliResult cli(const QString &user, const QStringList &args);
    QString writeItem(const Item &item);
    // An item created by the author and synced; its id.
    QUuid createPage(const QString &title);

    QTemporaryDir m_dir;
    QString m_clockFile;
    std::unique_ptr<SyncdProcess> m_server;
    int m_files = 0;
};

CliResult tst_CliWorkflow::cli(const QString &user, const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CARTA_CLI_PATH), QStringList{u"--replica"_s, m_dir.filePath(user + u".replica"_s)} + args);
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return CliResult{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString tst_CliWorkflow::writeItem(const Item &item)
{
    const QString path = m_dir.filePath(u"item-%1.json"_s.arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(serialize(item));
    return path;
}

QUuid tst_CliWorkflow::createPage(const QString &title)
{
    const Item item = page(title, u"london"_s);
    const CliResult edit = cli(u"aisha.khan"_s, {u"edit"_s, writeItem(item)});
    if (edit.exitCode != 0)
        qWarning("edit: %s", edit.err.constData());
    const CliResult sync = cli(u"aisha.khan"_s, {u"--json"_s, u"sync"_s});
    if (sync.json()[u"pushed"_s].toInteger() != 1)
        qWarning("sync: %s %s", sync.out.constData(), sync.err.constData());
    return item.id;
}

void tst_CliWorkflow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clockFile = m_dir.filePath(u"clock"_s);
    QVERIFY(setSyncdClock(m_clockFile, QDateTime::fromString(u"2026-10-20T09:00:00Z"_s, Qt::ISODate)));
    qputenv("CARTA_SYNCD_CLOCK_FILE", QFile::encodeName(m_clockFile));
    m_server = std::make_unique<SyncdProcess>(m_dir.filePath(u"data"_s));
    m_server->init();
    const QString admin = m_server->addUser(u"sam.okafor"_s, u"admin"_s, u"national"_s);
    QHash<QString, QString> tokens;
    tokens[u"aisha.khan"_s] = m_server->addUser(u"aisha.khan"_s, u"author"_s, u"london"_s);
    tokens[u"mei.lin"_s] = m_server->addUser(u"mei.lin"_s, u"reviewer"_s, u"london"_s);
    tokens[u"ravi.patel"_s] = m_server->addUser(u"ravi.patel"_s, u"publisher"_s, u"london"_s);
    QVERIFY(m_server->start({u"--schedule-interval-seconds"_s, u"1"_s}));
    HttpClient setup(m_server->baseUrl(), admin);
    QCOMPARE(setup.post(u"/api/v1/push"_s, batch(newBatch(), {change(term(Vocabulary::Region, u"london"_s, u"London"_s))})).status, 200);
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
        const CliResult login = cli(it.key(), {u"login"_s, u"--server"_s, m_server->baseUrl(), u"--user"_s, it.key(), u"--token"_s, it.value()});
        QVERIFY2(login.exitCode == 0, login.err.constData());
    }
}

void tst_CliWorkflow::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void tst_CliWorkflow::reviewScheduleHistoryRevert()
{
    const QUuid id = createPage(u"Camden training hub"_s);
    const QString ids = idString(id);
    const QString firstRevision = m_server->git({u"rev-parse"_s, u"content:"_s + storagePath(ItemType::Page, id)}).trimmed();

    CliResult r = cli(u"aisha.khan"_s, {u"submit"_s, ids});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("state:         in_review"), r.out.constData());

    // Forbidden: the server's reason, word for word.
    r = cli(u"aisha.khan"_s, {u"approve"_s, ids});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not allowed: only a reviewer, publisher or admin may approve (you are author)"), r.err.constData());

    r = cli(u"mei.lin"_s, {u"--json"_s, u"request-changes"_s, ids, u"--comment"_s, u"Add the address of the training office."_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[u"state"_s].toString(), u"changes_requested"_s);
    const QString sentBack = r.json()[u"revision"_s].toString();

    // The author sees it at the next sync, edits, resubmits.
    QCOMPARE(cli(u"aisha.khan"_s, {u"sync"_s}).exitCode, 0);
    r = cli(u"aisha.khan"_s, {u"--json"_s, u"show"_s, ids});
    Item edited = itemFromJson(r.json()[u"item"_s]).value();
    QCOMPARE(toString(edited.state), u"changes_requested"_s);
    edited.paragraphs[0].markdown += u"\nThe office is at 2 Camden Road."_s;
    QCOMPARE(cli(u"aisha.khan"_s, {u"edit"_s, writeItem(edited)}).exitCode, 0);
    QCOMPARE(cli(u"aisha.khan"_s, {u"--json"_s, u"sync"_s}).json()[u"pushed"_s].toInteger(), qint64(1));
    QCOMPARE(cli(u"aisha.khan"_s, {u"--json"_s, u"submit"_s, ids}).json()[u"state"_s].toString(), u"in_review"_s);

    // Acting on a revision that is no longer the latest is refused with what to do.
    r = cli(u"mei.lin"_s, {u"approve"_s, ids, u"--base-revision"_s, sentBack});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the item changed on the server") && r.err.contains("carta-cli sync"), r.err.constData());
    r = cli(u"mei.lin"_s, {u"--json"_s, u"approve"_s, ids, u"--comment"_s, u"Thank you."_s});
    QCOMPARE(r.json()[u"state"_s].toString(), u"approved"_s);

    // The second 01:30 of 25 October 2026 (GMT), then the clock reaches it.
    r = cli(u"ravi.patel"_s, {u"--json"_s, u"schedule"_s, ids, u"--publish-at"_s, u"2026-10-25 01:30"_s, u"--second"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[u"item"_s][u"schedule"_s][u"publish_at"_s].toString(), u"2026-10-25T01:30:00+00:00"_s);
    QVERIFY(setSyncdClock(m_clockFile, QDateTime::fromString(u"2026-10-25T01:30:00Z"_s, Qt::ISODate)));
    QTRY_COMPARE_WITH_TIMEOUT(cli(u"ravi.patel"_s, {u"--json"_s, u"history"_s, ids}).json()[u"history"_s].toArray().at(0)[u"author"_s].toString(),
                              u"carta-scheduler"_s, 20000);
    r = cli(u"ravi.patel"_s, {u"history"_s, ids});
    QVERIFY2(r.out.contains("carta-scheduler  publish (as scheduled for 2026-10-25 01:30 GMT (2026-10-25T01:30:00+00:00))"), r.out.constData());
    QVERIFY2(r.out.contains("mei.lin  request changes"), r.out.constData());
    QVERIFY2(r.out.contains("\u201cAdd the address of the training office.\u201d"), r.out.constData());
    QVERIFY(!m_server->git({u"rev-parse"_s, u"live:"_s + storagePath(ItemType::Page, id)}).trimmed().isEmpty());

    // An unpublish time after the change is GMT.
    r = cli(u"ravi.patel"_s, {u"schedule"_s, ids, u"--unpublish-at"_s, u"2026-11-01 09:00"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("unpublish at:  2026-11-01 09:00 GMT (2026-11-01T09:00:00+00:00)"), r.out.constData());
    r = cli(u"ravi.patel"_s, {u"--json"_s, u"unpublish"_s, ids});
    QCOMPARE(r.json()[u"state"_s].toString(), u"approved"_s);
    QVERIFY(r.json()[u"live_revision"_s].isNull());
    r = cli(u"ravi.patel"_s, {u"--json"_s, u"archive"_s, ids, u"--comment"_s, u"Replaced by the North Central hub."_s});
    QCOMPARE(r.json()[u"state"_s].toString(), u"archived"_s);

    // History in --json: who, what, comments, in order.
    const JsonValue history = cli(u"aisha.khan"_s, {u"--json"_s, u"history"_s, ids}).json()[u"history"_s];
    QStringList lines;
    for (const JsonValue &e : history.toArray())
        lines.prepend(e[u"author"_s].toString() + u' ' + e[u"action"_s].toString()
                      + (e[u"comment"_s].toString().isEmpty() ? QString() : u": "_s + e[u"comment"_s].toString()));
    QCOMPARE(lines, (QStringList{u"aisha.khan edit"_s, u"aisha.khan submit"_s, u"mei.lin request_changes: Add the address of the training office."_s,
                                 u"aisha.khan edit"_s, u"aisha.khan submit"_s, u"mei.lin approve: Thank you."_s, u"ravi.patel schedule_publish"_s,
                                 u"carta-scheduler publish"_s, u"ravi.patel schedule_unpublish"_s, u"ravi.patel unpublish"_s,
                                 u"ravi.patel archive: Replaced by the North Central hub."_s}));

    // Revert: the first revision's content comes back as a new draft.
    r = cli(u"aisha.khan"_s, {u"--json"_s, u"revert"_s, ids, firstRevision});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[u"state"_s].toString(), u"draft"_s);
    QVERIFY(!r.json()[u"item"_s][u"paragraphs"_s].toArray().at(0)[u"markdown"_s].toString().contains(u"Camden Road"_s));
    QVERIFY(r.json()[u"live_revision"_s].isNull());
}

void tst_CliWorkflow::timesPeopleWrite_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in the stored time (exit 0) or the message (otherwise)

    QTest::newRow("summer wall time is BST") << QStringList{u"--publish-at"_s, u"2027-07-01 09:00"_s} << 0 << u"2027-07-01T09:00:00+01:00"_s;
    QTest::newRow("winter wall time is GMT") << QStringList{u"--publish-at"_s, u"2027-01-11T09:00"_s} << 0 << u"2027-01-11T09:00:00+00:00"_s;
    QTest::newRow("the hour the clocks skip")
        << QStringList{u"--publish-at"_s, u"2027-03-28 01:30"_s} << 2
        << u"--publish-at: 2027-03-28 01:30 does not exist in UK time (Europe/London): that night the clocks go forward from 01:00 to 02:00. "
           "Give a time before 01:00 or from 02:00."_s;
    QTest::newRow("the hour the clocks repeat, unsaid")
        << QStringList{u"--publish-at"_s, u"2026-10-25 01:30"_s} << 2
        << u"--publish-at: 2026-10-25 01:30 happens twice in UK time (Europe/London): that night the clocks go back from 02:00 to 01:00. "
           "Add --first for the first 01:30, BST (+01:00), or --second for the second, GMT (+00:00); or write the offset, like "
           "\"2026-10-25 01:30+01:00\"."_s;
    QTest::newRow("the hour the clocks repeat, first") << QStringList{u"--publish-at"_s, u"2026-10-25 01:30"_s, u"--first"_s} << 0
                                                        << u"2026-10-25T01:30:00+01:00"_s;
    QTest::newRow("an explicit offset") << QStringList{u"--publish-at"_s, u"2026-10-25 01:30+00:00"_s} << 0 << u"2026-10-25T01:30:00+00:00"_s;
    QTest::newRow("UTC, stored as UK time") << QStringList{u"--publish-at"_s, u"2027-07-01 08:00Z"_s} << 0 << u"2027-07-01T09:00:00+01:00"_s;
    QTest::newRow("not a time") << QStringList{u"--publish-at"_s, u"next Tuesday"_s} << 2
                                << u"--publish-at: \"next Tuesday\" is not a time: write it as YYYY-MM-DD HH:MM in UK time, like \"2027-03-29 09:00\""_s;
    QTest::newRow("no such date") << QStringList{u"--publish-at"_s, u"2027-02-30 09:00"_s} << 2
                                  << u"--publish-at: \"2027-02-30 09:00\" is not a real date and time"_s;
    QTest::newRow("seconds") << QStringList{u"--publish-at"_s, u"2027-07-01 09:00:30"_s} << 2
                             << u"--publish-at: \"2027-07-01 09:00:30\": schedules are on a whole minute"_s;
    QTest::newRow("in the past, said by the server") << QStringList{u"--publish-at"_s, u"2026-10-01 09:00"_s} << 1
                                                     << u"publish_at: 2026-10-01T09:00:00+01:00 has passed"_s;
}

void tst_CliWorkflow::timesPeopleWrite()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QVERIFY(setSyncdClock(m_clockFile, QDateTime::fromString(u"2026-10-20T09:00:00Z"_s, Qt::ISODate)));
    static int row = 0;
    const QUuid id = createPage(u"Times row %1"_s.arg(++row));
    QCOMPARE(cli(u"aisha.khan"_s, {u"submit"_s, idString(id)}).exitCode, 0);
    QCOMPARE(cli(u"mei.lin"_s, {u"approve"_s, idString(id)}).exitCode, 0);
    const CliResult r = cli(u"ravi.patel"_s, QStringList{u"--json"_s, u"schedule"_s, idString(id)} + args);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    if (exitCode == 0)
        QCOMPARE(r.json()[u"item"_s][u"schedule"_s][u"publish_at"_s].toString(), expected);
    else
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
}

void tst_CliWorkflow::usageMistakes()
{
    CliResult r = cli(u"ravi.patel"_s, {u"approve"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("usage: approve ID"), r.err.constData());
    r = cli(u"ravi.patel"_s, {u"schedule"_s, idString(QUuid::createUuid())});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("usage: schedule ID --publish-at"));
    r = cli(u"ravi.patel"_s, {u"revert"_s, idString(QUuid::createUuid()), u"HEAD"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("\"HEAD\" is not a revision id"));
    r = cli(u"ravi.patel"_s, {u"publish"_s, idString(QUuid::createUuid())});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("on the server that you may see"), r.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliWorkflow)
#include "tst_cliworkflow.moc"
