// carta-cli as a person or a script uses it, against a real carta-syncd: sign in, edit,
// sync, search, conflicts; SIGKILL during syncs (no edit lost, none applied twice); a
// corrupt or too-new replica gets a clear message and a way out that keeps every edit.
#include "../common/syncdprocess.h"

#include "model/item.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    JsonValue json() const { return parseJson(out).valueOr(JsonValue()); }
};

Item page(const QString &title)
{
    Item i = Item::create(ItemType::Page);
    i.title = title;
    i.slug = title.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    i.tags.regions = {S("london")};
    Paragraph p;
    p.id = S("p1");
    p.markdown = S("Training offices in ") + title + S(".");
    i.paragraphs = {p};
    return i;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loginEditSyncSearch();
    void badInputIsRefusedAndNothingSaved();
    void killDuringSyncLosesNothing();
    void corruptReplicaHasAWayOut();
    void newerReplicaHasAWayOut();
    void importOutboxIsAllOrNothing();
    void everyCommandSpeaksJson();

private:
    CliResult cli(const QString &replica, const QStringList &args, const QByteArray &stdinData = QByteArray());
    QString writeItem(const Item &item);
    QString login(const QString &replica);

    std::unique_ptr<SyncdProcess> m_server;
    QString m_token;
    QTemporaryDir m_dir;
    int m_files = 0;
};

CliResult tst_Cli::cli(const QString &replica, const QStringList &args, const QByteArray &stdinData)
{
    QProcess p;
    p.start(QStringLiteral(CARTA_CLI_PATH), QStringList{S("--replica"), replica} + args);
    p.waitForStarted();
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return CliResult{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString tst_Cli::writeItem(const Item &item)
{
    const QString path = m_dir.filePath(S("item-%1.json").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(serialize(item));
    return path;
}

QString tst_Cli::login(const QString &replica)
{
    const CliResult r = cli(replica, {S("login"), S("--server"), m_server->baseUrl(), S("--user"), S("nia.okafor"), S("--token"), m_token});
    if (r.exitCode != 0)
        qWarning("login failed: %s", r.err.constData());
    return QString::fromUtf8(r.out);
}

void tst_Cli::initTestCase()
{
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    const QString admin = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_token = m_server->addUser(S("nia.okafor"), S("author"), S("london"));
    QVERIFY(m_server->start());
    HttpClient client(m_server->baseUrl(), admin);
    Item london = Item::create(ItemType::Term);
    london.title = S("London");
    london.slug = S("london");
    london.as<TermFields>().vocabulary = Vocabulary::Region;
    const JsonValue body = JsonObject{{S("batch_id"), S("setup-terms")},
                                      {S("changes"), JsonArray{JsonValue(JsonObject{{S("id"), idString(london.id)}, {S("base_revision"), JsonValue()},
                                                                                    {S("item"), itemToJson(london)}})}}};
    QCOMPARE(client.post(S("/api/v1/push"), body).status, 200);
}

void tst_Cli::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
}

void tst_Cli::loginEditSyncSearch()
{
    const QString replica = m_dir.filePath(S("main.replica"));
    QVERIFY(login(replica).contains(S("Signed in")));
    // A wrong token is refused and says so.
    const CliResult wrong = cli(m_dir.filePath(S("other.replica")), {S("login"), S("--server"), m_server->baseUrl(), S("--user"), S("x"), S("--token"), S("carta_nope")});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(wrong.err.contains("refused the token"));

    const Item hub = page(S("Camden training hub"));
    QCOMPARE(cli(replica, {S("edit"), writeItem(hub)}).exitCode, 0);
    CliResult status = cli(replica, {S("--json"), S("status")});
    QCOMPARE(status.json()[S("unsent")].toInteger(), 1);
    CliResult sync = cli(replica, {S("--json"), S("sync")});
    QCOMPARE(sync.exitCode, 0);
    QCOMPARE(sync.json()[S("pushed")].toInteger(), 1);
    QCOMPARE(cli(replica, {S("--json"), S("status")}).json()[S("unsent")].toInteger(), 0);
    QCOMPARE(m_server->git({S("rev-parse"), S("content:") + hub.storagePath()}).trimmed(), revisionId(hub));

    const CliResult found = cli(replica, {S("--json"), S("search"), S("camden"), S("--region"), S("london")});
    QCOMPARE(found.exitCode, 0);
    QCOMPARE(found.json()[S("total")].toInteger(), 1);
    QCOMPARE(found.json()[S("hits")].toArray().at(0)[S("id")].toString(), idString(hub.id));
    QCOMPARE(found.json()[S("facets")][S("type")][S("page")].toInteger(), 1);
    const CliResult shown = cli(replica, {S("show"), idString(hub.id)});
    QCOMPARE(shown.out, serialize(hub));
}

void tst_Cli::badInputIsRefusedAndNothingSaved()
{
    const QString replica = m_dir.filePath(S("bad.replica"));
    login(replica);
    const CliResult truncated = cli(replica, {S("edit"), S("-")}, QByteArray("{\"type\": \"page\", \"title\": \"Half"));
    QCOMPARE(truncated.exitCode, 1);
    QVERIFY2(truncated.err.contains("-: line 1, column 27: unterminated string"), truncated.err.constData());
    const CliResult wrongType = cli(replica, {S("edit"), S("-")},
                                    QByteArray(R"({"type":"page","schema_version":1,"id":"0f8fad5b-d9cb-469f-a165-70867728950e","title":7,"slug":"x"})"));
    QCOMPARE(wrongType.exitCode, 1);
    QVERIFY2(wrongType.err.contains("title: must be a string, not an integer"), wrongType.err.constData());
    QCOMPARE(cli(replica, {S("--json"), S("status")}).json()[S("items")].toInteger(), 0);
    const CliResult missing = cli(replica, {S("edit"), m_dir.filePath(S("does-not-exist.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("cannot read"));
}

void tst_Cli::killDuringSyncLosesNothing()
{
    const QString replica = m_dir.filePath(S("crash.replica"));
    login(replica);
    QRandomGenerator rng(20261124);
    QList<Item> saved;
    int kills = 0;
    // How long a whole sync of one new item takes here (start-up, push, pull), so that the
    // kills land anywhere inside one.
    const Item first = page(S("Crash hub warm-up"));
    QCOMPARE(cli(replica, {S("edit"), writeItem(first)}).exitCode, 0);
    saved.append(first);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    const int syncMs = std::max(10, int(timer.elapsed() * 13 / 10));
    int killedAfterAnAnswer = 0; // kills that came after the server had committed something of that sync
    for (int round = 0; kills < 55 && round < 300; ++round) {
        // Save (this completes: the edit is durable in the replica)...
        Item item = page(S("Crash hub %1").arg(round));
        QCOMPARE(cli(replica, {S("edit"), writeItem(item)}).exitCode, 0);
        saved.append(item);
        if (round % 3 == 0 && round > 0) {
            Item again = saved[int(rng.bounded(saved.size()))];
            again.summary = S("Edited in round %1").arg(round);
            QCOMPARE(cli(replica, {S("edit"), writeItem(again)}).exitCode, 0);
            for (Item &s : saved)
                if (s.id == again.id)
                    s = again;
        }
        // ...then a sync killed at a random moment.
        // Read before the sync starts: a git process started after it may end only once the push is in.
        const QString before = m_server->git({S("rev-parse"), S("content")}).trimmed();
        QProcess sync;
        sync.start(QStringLiteral(CARTA_CLI_PATH), {S("--replica"), replica, S("sync")});
        QVERIFY(sync.waitForStarted());
        const int delayMs = int(rng.bounded(syncMs));
        if (!sync.waitForFinished(delayMs)) {
            ::kill(pid_t(sync.processId()), SIGKILL);
            ++kills;
            if (m_server->git({S("rev-parse"), S("content")}).trimmed() != before)
                ++killedAfterAnAnswer;
        }
        sync.waitForFinished(30000);
    }
    QVERIFY2(kills >= 50, qPrintable(QString::number(kills)));
    qInfo("%d kills in syncs of about %d ms; %d after the server had committed the push", kills, syncMs, killedAfterAnAnswer);
    QVERIFY(killedAfterAnAnswer > 0); // some kills fell between the server's commit and the client's bookkeeping
    // The replica file is sound after all that.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("check"));
        db.setDatabaseName(replica);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(S("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), S("ok"));
    }
    QSqlDatabase::removeDatabase(S("check"));
    const CliResult final = cli(replica, {S("--json"), S("sync")});
    QCOMPARE(final.exitCode, 0);
    QCOMPARE(cli(replica, {S("--json"), S("status")}).json()[S("unsent")].toInteger(), 0);
    // Every saved edit is on the server, each item created by exactly one commit, and no
    // batch was applied twice.
    for (const Item &item : saved) {
        Item expected = item;
        expected.state = WorkflowState::Draft;
        QCOMPARE(m_server->git({S("show"), S("content:") + item.storagePath()}).toUtf8(), serialize(expected));
        const QStringList commits = m_server->git({S("log"), S("--format=%H"), S("--diff-filter=A"), S("content"), S("--"), item.storagePath()})
                                        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(commits.size(), 1);
    }
    const QStringList batches = m_server->git({S("log"), S("--format=%(trailers:key=Carta-Batch,valueonly)"), S("content")})
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(QSet<QString>(batches.begin(), batches.end()).size(), batches.size());
}

void tst_Cli::corruptReplicaHasAWayOut()
{
    const QString replica = m_dir.filePath(S("corrupt.replica"));
    login(replica);
    QCOMPARE(cli(replica, {S("edit"), writeItem(page(S("Unsent hub")))}).exitCode, 0);
    {
        QFile f(replica);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(100);
        f.write(QByteArray(4096, '\xAB'));
    }
    const CliResult status = cli(replica, {S("status")});
    QCOMPARE(status.exitCode, 1);
    QVERIFY2(status.err.contains("damaged") && status.err.contains("recover"), status.err.constData());
    const CliResult recovered = cli(replica, {S("recover")});
    QCOMPARE(recovered.exitCode, 0);
    QVERIFY(recovered.out.contains("kept at"));
    QVERIFY(!QFile::exists(replica));
    QVERIFY(!QDir(m_dir.path()).entryList({S("corrupt.replica.damaged-*")}).isEmpty()); // nothing thrown away
    // A fresh replica works again.
    QVERIFY(login(replica).contains(S("Signed in")));
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
}

void tst_Cli::newerReplicaHasAWayOut()
{
    const QString replica = m_dir.filePath(S("newer.replica"));
    login(replica);
    const Item hub = page(S("Written by an older Carta"));
    QCOMPARE(cli(replica, {S("edit"), writeItem(hub)}).exitCode, 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("bump"));
        db.setDatabaseName(replica);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(S("PRAGMA user_version = 99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(S("bump"));
    const CliResult status = cli(replica, {S("status")});
    QCOMPARE(status.exitCode, 1);
    QVERIFY2(status.err.contains("newer Carta") && status.err.contains("recover"), status.err.constData());
    const CliResult recovered = cli(replica, {S("recover")});
    QCOMPARE(recovered.exitCode, 0);
    const QStringList exports = QDir(m_dir.path()).entryList({S("newer.replica.outbox-*.json")});
    QCOMPARE(exports.size(), 1);
    // Start afresh and put the unsent edit back: it reaches the server.
    login(replica);
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    const CliResult imported = cli(replica, {S("import-outbox"), m_dir.filePath(exports.first())});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    QCOMPARE(m_server->git({S("rev-parse"), S("content:") + hub.storagePath()}).trimmed(), revisionId(hub));
}

void tst_Cli::importOutboxIsAllOrNothing()
{
    const QString replica = m_dir.filePath(S("import.replica"));
    login(replica);
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    const Item first = page(S("Restored first"));
    const Item second = page(S("Restored second"));
    const Item stranger = page(S("Restored under another id"));
    const auto outbox = [&](const QList<std::pair<QUuid, Item>> &entries) {
        JsonArray out;
        for (const auto &[id, item] : entries)
            out.emplace_back(JsonObject{{S("id"), idString(id)}, {S("base_revision"), QString()}, {S("item"), parseJson(serialize(item)).value()}});
        const QString path = m_dir.filePath(S("outbox-%1.json").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(serializeCompact(JsonValue(std::move(out))));
        return path;
    };
    const auto unsent = [&] { return cli(replica, {S("--json"), S("status")}).json()[S("unsent")].toInteger(); };
    QCOMPARE(unsent(), 0);

    // The third entry claims another item's id: refused, named, and the two before it are not kept either.
    const QString bad = outbox({{first.id, first}, {second.id, second}, {QUuid::createUuid(), stranger}});
    CliResult r = cli(replica, {S("import-outbox"), bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("edit 2") && r.err.contains("another id") && r.err.contains("nothing was restored"), r.err.constData());
    QCOMPARE(unsent(), 0);
    QCOMPARE(cli(replica, {S("show"), idString(first.id)}).exitCode, 1);

    // An entry that is not an edit at all, after a good one: the same.
    const QString path = m_dir.filePath(S("outbox-garbled.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("[{\"id\":\"") + idString(first.id).toUtf8() + "\",\"base_revision\":\"\",\"item\":"
                + serialize(first) + "},{\"id\":\"not-an-id\",\"deleted\":true}]");
    }
    r = cli(replica, {S("import-outbox"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("edit 1") && r.err.contains("not-an-id") && r.err.contains("nothing was restored"), r.err.constData());
    QCOMPARE(unsent(), 0);

    // The good ones alone: both restored and sent.
    r = cli(replica, {S("--json"), S("import-outbox"), outbox({{first.id, first}, {second.id, second}})});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[S("restored")].toInteger(), 2);
    QCOMPARE(unsent(), 2);
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    QCOMPARE(m_server->git({S("rev-parse"), S("content:") + second.storagePath()}).trimmed(), revisionId(second));
}

void tst_Cli::everyCommandSpeaksJson()
{
    const QString replica = m_dir.filePath(S("json.replica"));
    login(replica);
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    const Item draft = page(S("Drafted then deleted"));
    QCOMPARE(cli(replica, {S("edit"), writeItem(draft)}).exitCode, 0);
    CliResult r = cli(replica, {S("--json"), S("delete"), idString(draft.id)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[S("id")].toString(), idString(draft.id));
    QVERIFY(r.json()[S("deleted")].toBool());

    // A conflict, resolved with the local side.
    const Item shared = page(S("Edited on two laptops"));
    QCOMPARE(cli(replica, {S("edit"), writeItem(shared)}).exitCode, 0);
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    const QString other = m_dir.filePath(S("json-other.replica"));
    login(other);
    QCOMPARE(cli(other, {S("sync")}).exitCode, 0);
    Item theirs = shared;
    theirs.title = S("Edited on the other laptop");
    QCOMPARE(cli(other, {S("edit"), writeItem(theirs)}).exitCode, 0);
    QCOMPARE(cli(other, {S("sync")}).exitCode, 0);
    Item mine = shared;
    mine.title = S("Edited on this laptop");
    QCOMPARE(cli(replica, {S("edit"), writeItem(mine)}).exitCode, 0);
    QCOMPARE(cli(replica, {S("sync")}).exitCode, 0);
    QCOMPARE(cli(replica, {S("--json"), S("conflicts")}).json().toArray().size(), size_t(1));
    r = cli(replica, {S("--json"), S("resolve"), idString(shared.id), S("--mine")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[S("id")].toString(), idString(shared.id));
    QVERIFY(r.json()[S("resolved")].toBool());
    QCOMPARE(r.json()[S("revision")].toString(), cli(replica, {S("--json"), S("show"), idString(shared.id)}).json()[S("revision")].toString());
    QVERIFY(cli(replica, {S("--json"), S("show"), idString(shared.id)}).json()[S("unsent")].toBool());
    QCOMPARE(cli(replica, {S("--json"), S("conflicts")}).json().toArray().size(), size_t(0));

    // recover: where the damaged copy and the unsent changes went.
    QCOMPARE(cli(replica, {S("edit"), writeItem(page(S("Unsent before recover")))}).exitCode, 0);
    r = cli(replica, {S("--json"), S("recover")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFile::exists(r.json()[S("damaged_copy")].toString()));
    QVERIFY(QFile::exists(r.json()[S("outbox")].toString()));
    QVERIFY(!QFile::exists(replica));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
