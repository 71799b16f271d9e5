// Attachments against a real carta-syncd (attachment_limit_mb = 1): a file attached to an
// item reaches the server before the item does, byte for byte; another replica pulls the
// item and downloads the file; a file the server refuses (too large, changed on disk) is
// named with the server's reason, and only the items naming it stay in the outbox.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"

#include "replica/replica.h"
#include "sync/syncengine.h"

#include "model/item.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace carta;
using namespace carta::model;
using namespace carta::replica;
using namespace carta::testing;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

constexpr qint64 kServerLimit = 1024 * 1024; // attachment_limit_mb = 1

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
    // Writes a file outside the replica and attaches it.
    Attachment attach(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        f.close();
        auto added = replica->addAttachmentFile(path);
        if (!added)
            qFatal("%s", qPrintable(added.errorString()));
        return added.value();
    }
    void save(const Item &item) const
    {
        auto saved = replica->saveItem(item);
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
    }
    LocalItem local(const QUuid &id) const { return replica->item(id).value().value_or(LocalItem{}); }
};

} // namespace

class tst_SyncAttachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void attachedFileReachesTheServerAndAnotherReplica();
    void refusedFileHoldsBackOnlyItsItems_data();
    void refusedFileHoldsBackOnlyItsItems();
    void uploadWaitsForTheServer();
    void downloadOfAnUnknownFileSaysSo();

private:
    QByteArray serverFile(const QString &sha256) const;
    int serverStatus(const QUuid &id) const;

    QTemporaryDir m_configDir;
    std::unique_ptr<SyncdProcess> m_server;
    QString m_admin, m_alice, m_bob;
};

void tst_SyncAttachments::initTestCase()
{
    const QString config = m_configDir.filePath(S("carta-syncd.conf"));
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# small uploads, so a refusal is cheap to provoke\nattachment_limit_mb = 1\n");
    }
    m_server = std::make_unique<SyncdProcess>();
    m_server->setConfigFile(config);
    m_server->init();
    m_admin = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_alice = m_server->addUser(S("alice.jones"), S("author"), S("london"));
    m_bob = m_server->addUser(S("bob.smith"), S("author"), S("london"));
    QVERIFY(m_server->start());
    Client admin(m_server->baseUrl(), m_admin);
    admin.save(term(Vocabulary::Region, S("london"), S("London")));
    QCOMPARE(admin.sync().pushed, 1);
}

void tst_SyncAttachments::cleanupTestCase()
{
    QCOMPARE(m_server->stop(), 0);
}

QByteArray tst_SyncAttachments::serverFile(const QString &sha256) const
{
    QFile f(m_server->dataDir() + S("/attachments/") + sha256.left(2) + QLatin1Char('/') + sha256);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int tst_SyncAttachments::serverStatus(const QUuid &id) const
{
    return HttpClient(m_server->baseUrl(), m_admin).get(S("/api/v1/items/") + idString(id)).status;
}

void tst_SyncAttachments::attachedFileReachesTheServerAndAnotherReplica()
{
    Client alice(m_server->baseUrl(), m_alice);
    const QByteArray bytes = QByteArrayLiteral("%PDF-1.7\n") + randomBytes(700 * 1024);
    const Attachment pack = alice.attach(S("Camden induction pack.pdf"), bytes);
    Item hub = page(S("Camden hub"), S("london"));
    hub.attachments = {pack};
    alice.save(hub);

    sync::SyncEngine engine(*alice.replica, QUrl(alice.url), alice.token);
    QSignalSpy progress(&engine, &sync::SyncEngine::progress);
    auto report = engine.runBlocking();
    QVERIFY2(report.ok(), qPrintable(report.errorString()));
    QCOMPARE(report.value().uploaded, 1);
    QCOMPARE(report.value().pushed, 1);
    QCOMPARE(report.value().held, 0);
    QVERIFY(report.value().attachmentIssues.isEmpty());
    QCOMPARE(alice.replica->pendingUploads().value(), QStringList());
    QVERIFY(!alice.local(hub.id).dirty);
    // Progress counts the file and the change as the work of sending.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.first().at(0).toLongLong(), 1);
    QCOMPARE(progress.first().at(1).toLongLong(), 2);
    QCOMPARE(progress.first().at(2).toString(), S("push"));

    // The server has the file, byte for byte, in its store and through the API.
    QVERIFY(serverFile(pack.sha256) == bytes);
    const HttpResult fetched = HttpClient(m_server->baseUrl(), m_alice).get(S("/api/v1/attachments/") + pack.sha256);
    QCOMPARE(fetched.status, 200);
    QVERIFY(fetched.body == bytes);

    // Bob pulls the item; its file is fetched when he opens it.
    Client bob(m_server->baseUrl(), m_bob);
    QVERIFY(bob.sync().pulled >= 1);
    QCOMPARE(bob.local(hub.id).id, hub.id);
    const Item pulled = bob.local(hub.id).item().value();
    QCOMPARE(pulled.attachments, QList<Attachment>{pack});
    QCOMPARE(bob.replica->attachmentPath(pack.sha256), QString());
    sync::SyncEngine bobs(*bob.replica, QUrl(bob.url), bob.token);
    QSignalSpy downloaded(&bobs, &sync::SyncEngine::attachmentDownloaded);
    auto path = bobs.downloadAttachmentBlocking(pack.sha256);
    QVERIFY2(path.ok(), qPrintable(path.errorString()));
    QCOMPARE(path.value(), bob.replica->attachmentPath(pack.sha256));
    QVERIFY(readFile(path.value()) == bytes);
    QCOMPARE(downloaded.size(), 1);
    QCOMPARE(downloaded.first().at(2).toString(), QString());
    QCOMPARE(QDir(bob.replica->attachmentStore()).entryList(QDir::Files), QStringList()); // no temporary file left
    QCOMPARE(bob.replica->pendingUploads().value(), QStringList()); // downloaded, not to be sent back
    // A file already here is not fetched again.
    QCOMPARE(bobs.downloadAttachmentBlocking(pack.sha256).value(), path.value());

    // Attaching a file the server already has: 200, and the item goes.
    Client laptop(m_server->baseUrl(), m_alice);
    Item other = page(S("Islington hub"), S("london"));
    other.attachments = {laptop.attach(S("Induction pack (copy).pdf"), bytes)};
    laptop.save(other);
    const auto again = laptop.sync();
    QCOMPARE(again.uploaded, 1);
    QCOMPARE(again.pushed, 1);
    QCOMPARE(laptop.replica->pendingUploads().value(), QStringList());
}

void tst_SyncAttachments::refusedFileHoldsBackOnlyItsItems_data()
{
    QTest::addColumn<QString>("trouble");
    QTest::addColumn<QString>("reason");
    QTest::newRow("over the server's limit") << S("large") << S("HTTP 413");
    QTest::newRow("changed on disk after it was attached") << S("changed") << S("HTTP 400: the body's SHA-256 is");
}

void tst_SyncAttachments::refusedFileHoldsBackOnlyItsItems()
{
    QFETCH(QString, trouble);
    QFETCH(QString, reason);
    Client alice(m_server->baseUrl(), m_alice);
    const QString refusedName = S("Regional rota (scanned).pdf");
    const QByteArray refusedBytes = trouble == S("large") ? randomBytes(kServerLimit + kServerLimit / 2) : randomBytes(2000);
    const Attachment refused = alice.attach(refusedName, refusedBytes);
    if (trouble == S("changed")) {
        // Damaged in the store: the server checks the hash and keeps nothing.
        QFile f(alice.replica->attachmentPath(refused.sha256));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(10));
        QCOMPARE(f.write("XXXX"), 4);
    }
    const QByteArray fineBytes = randomBytes(5000);
    const Attachment fine = alice.attach(S("Contacts.pdf"), fineBytes);

    Item withRefused = page(S("Hackney rota ") + trouble, S("london"));
    withRefused.attachments = {fine, refused};
    Item withFine = page(S("Hackney contacts ") + trouble, S("london"));
    withFine.attachments = {fine};
    Item plain = page(S("Hackney welcome ") + trouble, S("london"));
    for (const Item &i : {withRefused, withFine, plain})
        alice.save(i);

    sync::SyncEngine engine(*alice.replica, QUrl(alice.url), alice.token);
    QSignalSpy progress(&engine, &sync::SyncEngine::progress);
    auto report = engine.runBlocking();
    QVERIFY2(report.ok(), qPrintable(report.errorString()));
    QCOMPARE(report.value().uploaded, 1);
    QCOMPARE(report.value().pushed, 2);
    QCOMPARE(report.value().held, 1);
    QCOMPARE(report.value().refused, 1);
    QCOMPARE(report.value().attachmentIssues.size(), 1);
    const Issue issue = report.value().attachmentIssues.first();
    QCOMPARE(issue.where, refusedName);
    QVERIFY2(issue.message.contains(S("\"Regional rota (scanned).pdf\"")) && issue.message.contains(reason), qPrintable(issue.message));
    if (trouble == S("large"))
        QVERIFY2(issue.message.contains(QString::number(kServerLimit)), qPrintable(issue.message)); // the server's limit

    // The others went through; the one naming the file waits, with the reason on it.
    QCOMPARE(serverStatus(withFine.id), 200);
    QCOMPARE(serverStatus(plain.id), 200);
    QCOMPARE(serverStatus(withRefused.id), 404);
    QVERIFY(serverFile(fine.sha256) == fineBytes);
    QVERIFY(serverFile(refused.sha256).isEmpty());
    const LocalItem waiting = alice.local(withRefused.id);
    QVERIFY(waiting.dirty);
    QCOMPARE(waiting.pushIssues.size(), 1);
    QCOMPARE(waiting.pushIssues[0].where, S("item.attachments[1]"));
    QCOMPARE(waiting.pushIssues[0].message, issue.message);
    QCOMPARE(alice.replica->pendingUploads().value(), QStringList{refused.sha256});
    const auto lastPush = std::find_if(progress.crbegin(), progress.crend(), [](const QList<QVariant> &a) { return a.at(2).toString() == S("push"); });
    QVERIFY(lastPush != progress.crend());
    QCOMPARE(lastPush->at(0).toLongLong(), lastPush->at(1).toLongLong());

    // Nothing is lost: the next sync tries again and holds it again.
    const auto second = alice.sync();
    QCOMPARE(second.held, 1);
    QCOMPARE(second.pushed, 0);
    QVERIFY(alice.local(withRefused.id).dirty);

    // Swapping the file for one the server takes lets the item go.
    Item fixed = alice.local(withRefused.id).item().value();
    fixed.attachments = {fine, alice.attach(S("Regional rota.pdf"), randomBytes(3000))};
    alice.save(fixed);
    const auto third = alice.sync();
    QCOMPARE(third.pushed, 1);
    QCOMPARE(third.held, 0);
    QVERIFY(third.attachmentIssues.isEmpty()); // nothing names the refused file now: it waits, unsent
    QCOMPARE(alice.replica->pendingUploads().value(), QStringList{refused.sha256});
    QCOMPARE(serverStatus(withRefused.id), 200);
    QVERIFY(!alice.local(withRefused.id).dirty);
    QVERIFY(alice.local(withRefused.id).pushIssues.isEmpty());
}

void tst_SyncAttachments::uploadWaitsForTheServer()
{
    Client alice(m_server->baseUrl(), m_alice);
    const QByteArray bytes = randomBytes(64 * 1024);
    Item hub = page(S("Enfield hub"), S("london"));
    hub.attachments = {alice.attach(S("Enfield map.pdf"), bytes)};
    alice.save(hub);
    QCOMPARE(m_server->stop(), 0);

    sync::SyncOptions quick;
    quick.maxAttempts = 2;
    quick.initialBackoffMs = 10;
    sync::SyncEngine engine(*alice.replica, QUrl(alice.url), alice.token, quick);
    QSignalSpy finished(&engine, &sync::SyncEngine::finished);
    engine.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(finished.at(0).at(1).toString().contains(S("cannot be reached")), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(alice.replica->pendingUploads().value(), QStringList{hub.attachments[0].sha256});
    QVERIFY(alice.local(hub.id).dirty);

    QVERIFY(m_server->start());
    alice.url = m_server->baseUrl();
    const auto report = alice.sync();
    QCOMPARE(report.uploaded, 1);
    QCOMPARE(report.pushed, 1);
    QVERIFY(serverFile(hub.attachments[0].sha256) == bytes);
    QCOMPARE(alice.replica->pendingUploads().value(), QStringList());
}

void tst_SyncAttachments::downloadOfAnUnknownFileSaysSo()
{
    Client bob(m_server->baseUrl(), m_bob);
    const QString missing = sha256Of("a file nobody uploaded");
    sync::SyncEngine engine(*bob.replica, QUrl(bob.url), bob.token);
    auto path = engine.downloadAttachmentBlocking(missing);
    QVERIFY(!path.ok());
    QVERIFY2(path.errorString().contains(S("HTTP 404")) && path.errorString().contains(missing), qPrintable(path.errorString()));
    QCOMPARE(bob.replica->attachmentPath(missing), QString());
    QCOMPARE(QDir(bob.replica->attachmentStore()).entryList(QDir::Files), QStringList()); // the partial file is gone
    // A name that is not a hash never reaches the server.
    auto trick = engine.downloadAttachmentBlocking(S("../../healthz"));
    QVERIFY(!trick.ok());
    QVERIFY2(trick.errorString().contains(S("is not an attachment name")), qPrintable(trick.errorString()));
}

QTEST_GUILESS_MAIN(tst_SyncAttachments)
#include "tst_syncattachments.moc"
