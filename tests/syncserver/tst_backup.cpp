// carta-syncd backup and restore against the real executable: a backup taken while four
// clients push (and the server merges packs beside them) restores to a data folder that
// `git fsck --strict` and `carta-syncd fsck` accept, holding every push acknowledged
// before the backup started, with the attachments; a restored server serves them. And
// what is refused: a backup into an existing folder, a restore over a data folder, a
// folder that is not a whole backup.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// carta-syncd with --data DIR and the arguments, to completion.
Run syncd(const QString &dataDir, const QStringList &args)
{
    QProcess p;
    p.start(SyncdProcess::binary(), QStringList{S("--data"), dataDir} + args);
    if (!p.waitForFinished(300000))
        qFatal("carta-syncd %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

struct Ack
{
    QUuid id;
    QString revision;
    std::chrono::steady_clock::time_point at;
};

QString itemPath(const QUuid &id)
{
    const QString hex = idString(id);
    return S("content/page/") + hex.left(2) + QLatin1Char('/') + hex + S(".json");
}

} // namespace

class tst_Backup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backupWhilePushingRestoresEveryAcknowledgedPush();
    void refusedWithoutTouchingAnything();
};

void tst_Backup::backupWhilePushingRestoresEveryAcknowledgedPush()
{
    // Packs merged after every commit: the backup copies packs while they are merged away.
    QTemporaryDir configDir;
    const QString config = configDir.filePath(S("syncd.conf"));
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("pack_every_commits = 1\n");
    }
    SyncdProcess server;
    server.setConfigFile(config);
    server.init();
    QStringList tokens;
    for (int i = 0; i < 4; ++i)
        tokens.append(server.addUser(S("author%1").arg(i), S("author"), S("london")));
    const QString admin = server.addUser(S("admin"), S("admin"), S("national"));
    QVERIFY(server.start());

    // The region the pages are in, then an attachment and a page that uses it.
    HttpClient adminClient(server.baseUrl(), admin);
    const HttpResult region = adminClient.post(S("/api/v1/push"), batch(newBatch(), {change(term(Vocabulary::Region, S("london"), S("London")))}));
    QCOMPARE(region.json()[S("results")].toArray().at(0)[S("status")].toString(), S("accepted"));
    HttpClient first(server.baseUrl(), tokens[0]);
    QByteArray pdf = "%PDF-1.4\n% a backed-up attachment\n%%EOF\n";
    pdf += QByteArray(200000, 'x');
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    QCOMPARE(first.request("PUT", S("/api/v1/attachments/") + sha, pdf, "application/pdf").status, 201);
    Item withFile = page(S("Study leave guide"), S("london"));
    withFile.attachments = {Attachment{sha, S("study-leave.pdf"), S("application/pdf"), pdf.size()}};
    const HttpResult filed = first.post(S("/api/v1/push"), batch(newBatch(), {change(withFile)}));
    QVERIFY2(filed.json()[S("results")].toArray().at(0)[S("status")].toString() == S("accepted"), filed.body.constData());

    // Four clients push new pages back to back until told to stop.
    std::mutex mutex;
    QList<Ack> acks;
    QStringList failures;
    std::atomic<bool> stop{false};
    std::vector<std::thread> pushers;
    auto joinPushers = qScopeGuard([&] { // also when a check below fails and returns
        stop = true;
        for (std::thread &t : pushers)
            t.join();
    });
    for (int c = 0; c < 4; ++c) {
        pushers.emplace_back([&, c] {
            HttpClient client(server.baseUrl(), tokens[c]);
            for (int n = 0; !stop; ++n) {
                const Item item = page(S("Client %1 page %2").arg(c).arg(n), S("london"));
                const HttpResult r = client.post(S("/api/v1/push"), batch(newBatch(), {change(item)}));
                const JsonValue result = r.json()[S("results")].toArray().empty() ? JsonValue() : r.json()[S("results")].toArray().at(0);
                std::lock_guard lock(mutex);
                if (r.status != 200 || result[S("status")].toString() != S("accepted")) {
                    failures.append(S("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(200))));
                    return;
                }
                acks.append(Ack{item.id, result[S("revision")].toString(), std::chrono::steady_clock::now()});
            }
        });
    }
    const auto ackCount = [&] {
        std::lock_guard lock(mutex);
        return acks.size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(ackCount() >= 60, 60000);

    QTemporaryDir backups;
    const QString backupDir = backups.filePath(S("monday"));
    const auto backupStarted = std::chrono::steady_clock::now();
    const Run backup = syncd(server.dataDir(), {S("backup"), backupDir});
    const auto backupEnded = std::chrono::steady_clock::now();
    const qsizetype acksAtEnd = ackCount();
    // The pushes go on after the backup: they ran all through it.
    QTRY_VERIFY_WITH_TIMEOUT(ackCount() >= acksAtEnd + 20, 60000);
    joinPushers.dismiss();
    stop = true;
    for (std::thread &t : pushers)
        t.join();
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    QVERIFY2(backup.err.contains("backup written to"), backup.err.constData());
    QVERIFY(QFile::exists(backupDir + S("/carta-backup")));
    QVERIFY(!QFile::exists(backupDir + S(".partial")));
    qsizetype before = 0;
    qsizetype during = 0;
    for (const Ack &a : std::as_const(acks)) {
        before += a.at < backupStarted ? 1 : 0;
        during += a.at >= backupStarted && a.at <= backupEnded ? 1 : 0;
    }
    qInfo("%lld pushes acknowledged before the backup, %lld while it ran, %lld in all; %s", qlonglong(before),
          qlonglong(during), qlonglong(acks.size()), backup.err.trimmed().constData());
    server.stop();

    // The backup itself is a git repository git accepts.
    int fsckExit = -1;
    QProcess git;
    git.start(S("git"), {S("--git-dir"), backupDir + S("/repo.git"), S("fsck"), S("--strict")});
    QVERIFY(git.waitForFinished(120000));
    QVERIFY2(git.exitCode() == 0, git.readAllStandardError().constData());

    // Restored into a new data folder: checked by the restore, by git, and by serving it.
    SyncdProcess restored;
    const Run restore = syncd(restored.dataDir(), {S("restore"), backupDir});
    QVERIFY2(restore.exitCode == 0, restore.err.constData());
    QVERIFY2(restore.err.contains("repository and database agree"), restore.err.constData());
    restored.git({S("fsck"), S("--strict")}, &fsckExit);
    QCOMPARE(fsckExit, 0);
    const Run fsck = syncd(restored.dataDir(), {S("fsck")});
    QVERIFY2(fsck.exitCode == 0, QByteArray(fsck.out + fsck.err).constData());
    QFile attachment(restored.dataDir() + S("/attachments/") + sha.left(2) + QLatin1Char('/') + sha);
    QVERIFY(attachment.open(QIODevice::ReadOnly));
    QCOMPARE(attachment.readAll(), pdf);

    // Every push acknowledged before the backup started is on content at its revision.
    const QString tree = restored.git({S("ls-tree"), S("-r"), S("content")});
    QStringList missing;
    for (const Ack &a : std::as_const(acks)) {
        if (a.at < backupStarted && !tree.contains(a.revision + QLatin1Char('\t') + itemPath(a.id)))
            missing.append(idString(a.id));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(S("%1 acknowledged pushes missing: ").arg(missing.size()) + missing.join(S(", "))));
    QVERIFY(tree.contains(itemPath(withFile.id)));

    // The restored server serves them, to the same tokens (the database came along).
    QVERIFY(restored.start());
    HttpClient reader(restored.baseUrl(), admin);
    QHash<QString, QString> pulled;
    qint64 cursor = 0;
    for (bool more = true; more;) {
        const HttpResult r = reader.get(S("/api/v1/changes?since=%1&limit=1000").arg(cursor));
        QCOMPARE(r.status, 200);
        const JsonValue json = r.json();
        for (const JsonValue &c : json[S("changes")].toArray())
            pulled.insert(c[S("id")].toString(), c[S("revision")].toString());
        cursor = json[S("cursor")].toInteger();
        more = json[S("more")].toBool();
    }
    for (const Ack &a : std::as_const(acks)) {
        if (a.at < backupStarted)
            QCOMPARE(pulled.value(idString(a.id)), a.revision);
    }
    QVERIFY(pulled.contains(idString(withFile.id)));
    restored.stop();
}

void tst_Backup::refusedWithoutTouchingAnything()
{
    SyncdProcess server;
    server.init();
    server.addUser(S("admin"), S("admin"), S("national"));
    QTemporaryDir scratch;

    // A backup goes into a new folder only.
    const QString existing = scratch.filePath(S("existing"));
    QVERIFY(QDir().mkpath(existing));
    QFile keep(existing + S("/notes.txt"));
    QVERIFY(keep.open(QIODevice::WriteOnly) && keep.write("keep me") == 7);
    keep.close();
    const Run into = syncd(server.dataDir(), {S("backup"), existing});
    QCOMPARE(into.exitCode, 1);
    QVERIFY2(into.err.contains("already exists"), into.err.constData());
    QCOMPARE(QDir(existing).entryList(QDir::Files), QStringList{S("notes.txt")});

    // A restore never goes over a data folder in use, and leaves it as it was.
    const QString backupDir = scratch.filePath(S("backup"));
    const Run backup = syncd(server.dataDir(), {S("backup"), backupDir});
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    const QString users = QString::fromUtf8(server.admin({S("user"), S("list")}));
    const Run over = syncd(server.dataDir(), {S("restore"), backupDir});
    QCOMPARE(over.exitCode, 1);
    QVERIFY2(over.err.contains("not empty") && over.err.contains(server.dataDir().toUtf8()), over.err.constData());
    QCOMPARE(QString::fromUtf8(server.admin({S("user"), S("list")})), users);
    QVERIFY(!QFile::exists(server.dataDir() + S("/.restoring")));

    // A folder without the manifest (a backup cut short, or anything else) is not restored.
    QVERIFY(QFile::remove(backupDir + S("/carta-backup")));
    const QString fresh = scratch.filePath(S("fresh"));
    const Run partial = syncd(fresh, {S("restore"), backupDir});
    QCOMPARE(partial.exitCode, 1);
    QVERIFY2(partial.err.contains("not a whole Carta backup"), partial.err.constData());
    QVERIFY(!QFile::exists(fresh));
}

QTEST_MAIN(tst_Backup)
#include "tst_backup.moc"
