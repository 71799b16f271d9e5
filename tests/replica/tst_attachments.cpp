// The replica's attachment store on its own (real files, real SQLite): a file is copied in
// whole under its SHA-256 and waits for upload until marked; bad files get a clear error
// naming them and change nothing; downloads are checked against their hash; items naming
// a refused file are held back from pushes; a schema-1 replica migrates to schema 2.
#include "replica/replica.h"

#include "model/validation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace carta::model;
using namespace carta::replica;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(20240601);
    for (char &c : bytes)
        c = char(generator.bounded(256));
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Item page(const QString &title)
{
    Item i = Item::create(ItemType::Page);
    i.title = title;
    i.slug = S("camden-hub");
    i.tags.regions = {S("london")};
    return i;
}

// Runs a statement on a replica file outside the Replica class.
void execOn(const QString &path, const QString &sql, const QVariantList &binds = {})
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.prepare(sql), qPrintable(q.lastError().text()));
        for (const QVariant &b : binds)
            q.addBindValue(b);
        QVERIFY2(q.exec(), qPrintable(sql + S(": ") + q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(S("raw"));
}

QVariant queryOn(const QString &path, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(S("raw"));
    return value;
}

} // namespace

class tst_Attachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void addedFileIsStoredWhole();
    void mediaTypeAndName_data();
    void mediaTypeAndName();
    void sameFileIsStoredOnce();
    void markUploaded();
    void badFilesChangeNothing_data();
    void badFilesChangeNothing();
    void unreadableFile();
    void attachmentPathRefusesBadNames_data();
    void attachmentPathRefusesBadNames();
    void downloadedFileIsCheckedAndMoved_data();
    void downloadedFileIsCheckedAndMoved();
    void downloadWithWrongHashIsRefused();
    void itemsNamingAHeldFileStayInTheOutbox();
    void schemaOneMigratesToTwo();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Replica> m_replica;
};

void tst_Attachments::init()
{
    m_replica.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(S("r.sqlite"));
    auto opened = Replica::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_replica = std::move(opened).value();
}

void tst_Attachments::addedFileIsStoredWhole()
{
    // Larger than one copy chunk, so hashing and copying run over several reads.
    const QByteArray bytes = QByteArrayLiteral("%PDF-1.7\n") + randomBytes(2 * 1024 * 1024 + 12345);
    const QString source = m_dir->filePath(S("Camden induction pack.pdf"));
    writeFile(source, bytes);

    auto added = m_replica->addAttachmentFile(source);
    QVERIFY2(added.ok(), qPrintable(added.errorString()));
    const Attachment a = added.value();
    QCOMPARE(a.sha256, sha256Of(bytes));
    QCOMPARE(a.name, S("Camden induction pack.pdf"));
    QCOMPARE(a.mediaType, S("application/pdf"));
    QCOMPARE(a.size, bytes.size());

    const QString stored = m_path + S(".attachments/") + a.sha256.left(2) + QLatin1Char('/') + a.sha256;
    QCOMPARE(m_replica->attachmentPath(a.sha256), stored);
    QCOMPARE(m_replica->attachmentStore(), m_path + S(".attachments"));
    QVERIFY(readFile(stored) == bytes);
    QCOMPARE(readFile(source), bytes); // the original is untouched
    QCOMPARE(m_replica->pendingUploads().value(), QStringList{a.sha256});
    // No temporary file is left in the store.
    QCOMPARE(QDir(m_replica->attachmentStore()).entryList(QDir::Files), QStringList());

    // What it returns is a valid attachment of an item.
    Item item = page(S("Camden hub"));
    item.attachments = {a};
    const Issues issues = validate(item, nullptr);
    QVERIFY2(std::none_of(issues.cbegin(), issues.cend(), [](const Issue &i) { return i.where.startsWith(S("attachments")); }),
             qPrintable(joinIssues(issues)));

    // The record survives a reopen.
    m_replica.reset();
    m_replica = Replica::open(m_path).value();
    QCOMPARE(m_replica->pendingUploads().value(), QStringList{a.sha256});
    QCOMPARE(m_replica->attachmentPath(a.sha256), stored);
}

void tst_Attachments::mediaTypeAndName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mediaType");
    QTest::newRow("pdf") << S("ARCP guidance 2024.pdf") << QByteArrayLiteral("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") << S("application/pdf");
    QTest::newRow("text") << S("rota notes.txt") << QByteArrayLiteral("Rota for August changeover\n") << S("text/plain");
    QTest::newRow("png by content") << S("logo.png") << QByteArrayLiteral("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") << S("image/png");
    QTest::newRow("csv") << S("posts.csv") << QByteArrayLiteral("post,region\nST1,london\n") << S("text/csv");
    QTest::newRow("unknown binary") << S("export.bin9") << QByteArray("\x00\x01\x02\xff\xfe", 5) << S("application/octet-stream");
}

void tst_Attachments::mediaTypeAndName()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mediaType);
    QDir(m_dir->path()).mkpath(S("sub/folder"));
    const QString source = m_dir->filePath(S("sub/folder/") + fileName);
    writeFile(source, bytes);
    auto added = m_replica->addAttachmentFile(source);
    QVERIFY2(added.ok(), qPrintable(added.errorString()));
    QCOMPARE(added.value().name, fileName); // no folders
    QCOMPARE(added.value().mediaType, mediaType);
    QCOMPARE(added.value().size, bytes.size());
}

void tst_Attachments::sameFileIsStoredOnce()
{
    const QByteArray bytes = randomBytes(4096);
    writeFile(m_dir->filePath(S("a.pdf")), bytes);
    writeFile(m_dir->filePath(S("copy of a.pdf")), bytes);
    const Attachment first = m_replica->addAttachmentFile(m_dir->filePath(S("a.pdf"))).value();
    const Attachment second = m_replica->addAttachmentFile(m_dir->filePath(S("copy of a.pdf"))).value();
    QCOMPARE(second.sha256, first.sha256);
    QCOMPARE(second.name, S("copy of a.pdf"));
    QCOMPARE(m_replica->pendingUploads().value(), QStringList{first.sha256});
    QCOMPARE(QDir(m_replica->attachmentStore() + QLatin1Char('/') + first.sha256.left(2)).entryList(QDir::Files),
             QStringList{first.sha256});
    QCOMPARE(QDir(m_replica->attachmentStore()).entryList(QDir::Files), QStringList());
}

void tst_Attachments::markUploaded()
{
    const QByteArray one = randomBytes(1000), two = randomBytes(2000);
    writeFile(m_dir->filePath(S("one.pdf")), one);
    writeFile(m_dir->filePath(S("two.pdf")), two);
    const QString first = m_replica->addAttachmentFile(m_dir->filePath(S("one.pdf"))).value().sha256;
    const QString second = m_replica->addAttachmentFile(m_dir->filePath(S("two.pdf"))).value().sha256;
    QCOMPARE(m_replica->pendingUploads().value(), (QStringList{first, second}));
    QVERIFY(m_replica->markUploaded(first).ok());
    QCOMPARE(m_replica->pendingUploads().value(), QStringList{second});
    QVERIFY(!m_replica->attachmentPath(first).isEmpty()); // the file stays for reading
    m_replica.reset();
    m_replica = Replica::open(m_path).value();
    QCOMPARE(m_replica->pendingUploads().value(), QStringList{second});
}

void tst_Attachments::badFilesChangeNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << S("missing") << S("no such file");
    QTest::newRow("a folder") << S("folder") << S("is a folder, not a file");
    QTest::newRow("over the limit") << S("large") << S("is 104857601 bytes; attachments are limited to 100 MB");
    QTest::newRow("empty") << S("empty") << S("is empty");
}

void tst_Attachments::badFilesChangeNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QString path = m_dir->filePath(S("Regional rota.pdf"));
    if (kind == S("folder")) {
        path = m_dir->filePath(S("Rota folder"));
        QVERIFY(QDir().mkpath(path));
    } else if (kind == S("large")) {
        // Sparse: the size is checked before a byte is read.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(kMaxAttachmentBytes + 1));
    } else if (kind == S("empty")) {
        writeFile(path, QByteArray());
    }
    auto added = m_replica->addAttachmentFile(path);
    QVERIFY(!added.ok());
    QCOMPARE(added.issues().size(), 1);
    QCOMPARE(added.issues().first().where, path);
    QVERIFY2(added.errorString().contains(message), qPrintable(added.errorString()));
    QVERIFY2(added.errorString().startsWith(path + S(": ")), qPrintable(added.errorString()));
    // Nothing changed: no store, nothing waiting.
    QVERIFY(!QFileInfo::exists(m_replica->attachmentStore()));
    QCOMPARE(m_replica->pendingUploads().value(), QStringList());
}

void tst_Attachments::unreadableFile()
{
    const QString path = m_dir->filePath(S("locked.pdf"));
    writeFile(path, QByteArrayLiteral("%PDF-1.4 secret"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    if (QFile f(path); f.open(QIODevice::ReadOnly))
        QSKIP("this user can read any file (root); permissions cannot make one unreadable");
    auto added = m_replica->addAttachmentFile(path);
    QVERIFY(!added.ok());
    QCOMPARE(added.issues().first().where, path);
    QVERIFY2(added.errorString().contains(S("cannot be read")), qPrintable(added.errorString()));
    QVERIFY(!QFileInfo::exists(m_replica->attachmentStore()));
    QCOMPARE(m_replica->pendingUploads().value(), QStringList());
}

void tst_Attachments::attachmentPathRefusesBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("path trick") << S("../../r.sqlite");
    QTest::newRow("upper case") << sha256Of("x").toUpper();
    QTest::newRow("too short") << sha256Of("x").left(63);
    QTest::newRow("not here") << sha256Of("never added");
}

void tst_Attachments::attachmentPathRefusesBadNames()
{
    QFETCH(QString, name);
    writeFile(m_dir->filePath(S("x.txt")), "x");
    QVERIFY(m_replica->addAttachmentFile(m_dir->filePath(S("x.txt"))).ok());
    QCOMPARE(m_replica->attachmentPath(name), QString());
    QVERIFY(!m_replica->storeDownloadedAttachment(name, m_dir->filePath(S("x.txt"))).ok());
}

void tst_Attachments::downloadedFileIsCheckedAndMoved_data()
{
    QTest::addColumn<bool>("inStore");
    QTest::newRow("temporary file in the store") << true;
    QTest::newRow("temporary file elsewhere") << false;
}

void tst_Attachments::downloadedFileIsCheckedAndMoved()
{
    QFETCH(bool, inStore);
    const QByteArray bytes = randomBytes(1024 * 1024 + 77);
    const QString sha = sha256Of(bytes);
    QVERIFY(QDir().mkpath(m_replica->attachmentStore()));
    const QString temp = inStore ? m_replica->attachmentStore() + S("/download-test") : m_dir->filePath(S("download.part"));
    writeFile(temp, bytes);
    auto stored = m_replica->storeDownloadedAttachment(sha, temp);
    QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
    QVERIFY(!QFileInfo::exists(temp)); // moved
    QVERIFY(readFile(m_replica->attachmentPath(sha)) == bytes);
    QCOMPARE(m_replica->pendingUploads().value(), QStringList()); // the server has it
    QCOMPARE(QDir(m_replica->attachmentStore()).entryList(QDir::Files), QStringList());
}

void tst_Attachments::downloadWithWrongHashIsRefused()
{
    const QByteArray bytes = QByteArrayLiteral("the real file");
    const QString sha = sha256Of(bytes);
    QVERIFY(QDir().mkpath(m_replica->attachmentStore()));
    for (const QString &temp : QStringList{m_replica->attachmentStore() + S("/download-bad"), m_dir->filePath(S("bad.part"))}) {
        writeFile(temp, QByteArrayLiteral("something else"));
        auto stored = m_replica->storeDownloadedAttachment(sha, temp);
        QVERIFY(!stored.ok());
        QVERIFY2(stored.errorString().contains(S("its SHA-256 is ") + sha256Of("something else") + S(", not ") + sha),
                 qPrintable(stored.errorString()));
        QCOMPARE(m_replica->attachmentPath(sha), QString());
        QVERIFY(QFileInfo::exists(temp)); // the caller's file is left to the caller
    }
    QCOMPARE(QDir(m_replica->attachmentStore()).entryList(QDir::Files), QStringList{S("download-bad")});
    QCOMPARE(QDir(m_replica->attachmentStore()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
}

void tst_Attachments::itemsNamingAHeldFileStayInTheOutbox()
{
    writeFile(m_dir->filePath(S("big scan.pdf")), randomBytes(3000));
    writeFile(m_dir->filePath(S("small.pdf")), randomBytes(300));
    const Attachment held = m_replica->addAttachmentFile(m_dir->filePath(S("big scan.pdf"))).value();
    const Attachment fine = m_replica->addAttachmentFile(m_dir->filePath(S("small.pdf"))).value();
    Item a = page(S("With the big scan"));
    a.attachments = {fine, held};
    Item b = page(S("With the small file"));
    b.attachments = {fine};
    Item c = page(S("Without files"));
    for (const Item &i : {a, b, c})
        QVERIFY(m_replica->saveItem(i).ok());

    auto ids = m_replica->holdItemsNaming(held.sha256, S("the server did not take the attachment \"big scan.pdf\": HTTP 413"));
    QVERIFY2(ids.ok(), qPrintable(ids.errorString()));
    QCOMPARE(ids.value(), QList<QUuid>{a.id});
    const LocalItem local = *m_replica->item(a.id).value();
    QVERIFY(local.dirty);
    QCOMPARE(local.pushIssues.size(), 1);
    QCOMPARE(local.pushIssues[0].where, S("item.attachments[1]"));
    QVERIFY(local.pushIssues[0].message.contains(S("big scan.pdf")));
    QCOMPARE(m_replica->attachmentName(held.sha256).value(), std::optional<QString>(S("big scan.pdf")));
    QCOMPARE(m_replica->attachmentName(sha256Of("nobody")).value(), std::nullopt);

    // A batch of one at a time never picks the held item, and still finds the others.
    QSet<QUuid> batched;
    for (int round = 0; round < 3; ++round) {
        auto batch = m_replica->nextBatch(1, {held.sha256});
        QVERIFY2(batch.ok(), qPrintable(batch.errorString()));
        if (batch.value().batchId.isEmpty())
            break;
        QCOMPARE(batch.value().items.size(), 1);
        batched.insert(batch.value().items.first());
        QVERIFY(m_replica->applyPushResults(batch.value().batchId, {PushResult{batch.value().items.first(), S("forbidden"), {}, {}, {}, {}, {}}}).ok());
    }
    QCOMPARE(batched, (QSet<QUuid>{b.id, c.id}));
    // Without the hold it goes.
    auto batch = m_replica->nextBatch(10);
    QCOMPARE(batch.value().items, QList<QUuid>{a.id});
}

void tst_Attachments::schemaOneMigratesToTwo()
{
    m_replica.reset();
    const QString path = m_dir->filePath(S("old.sqlite"));
    // A replica as Carta wrote it at schema 1, by hand: the tables and one unsent edit.
    const Item item = page(S("Barnet hub"));
    const QByteArray bytes = serialize(item);
    const QStringList schemaOne{
        S("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        S("CREATE TABLE items(id TEXT PRIMARY KEY, type TEXT NOT NULL, bytes BLOB NOT NULL, revision TEXT NOT NULL,"
          " base_revision TEXT NOT NULL DEFAULT '', base_bytes BLOB, live_revision TEXT NOT NULL DEFAULT '', live_bytes BLOB,"
          " dirty INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, conflicted INTEGER NOT NULL DEFAULT 0,"
          " push_issues BLOB NOT NULL DEFAULT '[]', refused_revision TEXT NOT NULL DEFAULT '', edited_at TEXT)"),
        S("CREATE INDEX items_dirty ON items(dirty) WHERE dirty = 1"),
        S("CREATE TABLE batches(batch_id TEXT PRIMARY KEY, body BLOB NOT NULL, created TEXT NOT NULL)"),
        S("CREATE TABLE batch_items(batch_id TEXT NOT NULL, item_id TEXT NOT NULL, revision TEXT NOT NULL, bytes BLOB,"
          " PRIMARY KEY(batch_id, item_id))"),
        S("CREATE TABLE conflicts(item_id TEXT PRIMARY KEY, base BLOB, mine BLOB, theirs BLOB, theirs_revision TEXT,"
          " details BLOB, created TEXT)"),
        S("INSERT INTO meta(key, value) VALUES('cursor', '42')"),
        S("PRAGMA user_version = 1")};
    for (const QString &sql : schemaOne)
        execOn(path, sql);
    execOn(path, S("INSERT INTO items(id, type, bytes, revision, dirty, edited_at) VALUES(?, 'page', ?, ?, 1, '2024-05-01T10:00:00Z')"),
           {idString(item.id), bytes, revisionId(bytes)});
    QCOMPARE(queryOn(path, S("PRAGMA user_version")).toInt(), 1);

    // Schema 1 had no search tables of this format: the index is rebuilt from the items.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(S("rebuilding the search index")));
    auto opened = Replica::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    auto replica = std::move(opened).value();
    const auto local = replica->item(item.id).value();
    QVERIFY(local.has_value());
    QCOMPARE(local->bytes, bytes);
    QVERIFY(local->dirty);
    // 3 -> 4 starts the cursor again (the next sync fills in who changed each item); the
    // local edit is kept and still waits to be sent.
    QCOMPARE(replica->cursor().value(), 0);
    QCOMPARE(queryOn(path, S("PRAGMA user_version")).toInt(), kSchemaVersion);
    QCOMPARE(replica->status().value().dirty, 1);
    QCOMPARE(replica->search(SearchQuery{S("barnet"), {}, 10, 0}).value().total, 1);
    QCOMPARE(replica->pendingUploads().value(), QStringList());
    writeFile(m_dir->filePath(S("barnet.pdf")), randomBytes(500));
    const Attachment a = replica->addAttachmentFile(m_dir->filePath(S("barnet.pdf"))).value();
    QCOMPARE(replica->pendingUploads().value(), QStringList{a.sha256});
    replica.reset();

    QCOMPARE(queryOn(path, S("PRAGMA user_version")).toInt(), kSchemaVersion);
    QCOMPARE(queryOn(path, S("SELECT count(*) FROM attachment_uploads")).toInt(), 1);
    // Opening again migrates nothing and keeps everything.
    replica = Replica::open(path).value();
    QCOMPARE(replica->item(item.id).value()->bytes, bytes);
    QCOMPARE(replica->pendingUploads().value(), QStringList{a.sha256});
}

QTEST_GUILESS_MAIN(tst_Attachments)
#include "tst_attachments.moc"
