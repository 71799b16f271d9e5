// The replica on its own (real SQLite files): saves are durable and mark the outbox, a
// recorded batch survives a reopen byte for byte, push answers move the base, a damaged
// search index is rebuilt, a newer schema is refused, damage deep in the file is found
// on the first open after a session that did not close cleanly.
#include "replica/replica.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace carta::model;
using namespace carta::replica;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

Item page(const QString &title)
{
    Item i = Item::create(ItemType::Page);
    i.title = title;
    i.slug = S("a-page");
    i.tags.regions = {S("london")};
    return i;
}

void execOn(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(S("raw"));
}

} // namespace

class tst_Replica : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void saveMarksTheOutbox();
    void recordedBatchSurvivesReopen();
    void cleanCloseSnapshotsTheSearchIndex();
    void pushAnswersMoveTheBase();
    void refusedEditStaysRefusedWhenOnlyLiveMoves();
    void damagedSearchIndexIsRebuilt();
    void newerSchemaIsRefused();
    void deepDamageIsLookedForAfterAnUncleanExit();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_Replica::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(S("r.sqlite"));
}

void tst_Replica::saveMarksTheOutbox()
{
    auto replica = Replica::open(m_path).value();
    const Item item = page(S("Camden hub"));
    const QString revision = replica->saveItem(item).value();
    QCOMPARE(revision, revisionId(item));
    const LocalItem local = *replica->item(item.id).value();
    QVERIFY(local.dirty);
    QVERIFY(local.baseRevision.isEmpty());
    QCOMPARE(replica->status().value().dirty, 1);
    QCOMPARE(replica->status().value().items, 1);
    // What the window shows: the pending counts, without counting every item.
    const Status pending = replica->status(Replica::StatusCount::PendingOnly).value();
    QCOMPARE(pending.dirty, 1);
    QCOMPARE(pending.items, -1);
    // Deleting what never reached the server removes it outright.
    QVERIFY(replica->deleteItem(item.id).ok());
    QVERIFY(!replica->item(item.id).value().has_value());
    QCOMPARE(replica->search(SearchQuery{S("camden"), {}, 10, 0}).value().total, 0);
}

void tst_Replica::recordedBatchSurvivesReopen()
{
    QByteArray body;
    QString batchId;
    {
        auto replica = Replica::open(m_path).value();
        QVERIFY(replica->saveItem(page(S("One"))).ok());
        auto batch = replica->nextBatch(10).value();
        QVERIFY(!batch.batchId.isEmpty());
        body = batch.body;
        batchId = batch.batchId;
        // An edit after the batch was recorded does not change the batch.
        Item again = page(S("Two"));
        QVERIFY(replica->saveItem(again).ok());
    }
    auto reopened = Replica::open(m_path).value();
    auto batch = reopened->nextBatch(10).value();
    QCOMPARE(batch.batchId, batchId);
    QCOMPARE(batch.body, body);
    QCOMPARE(reopened->status().value().pendingBatches, 1);
}

// A clean close leaves the search index's snapshot of its current generation, which the
// next open reads (tst_search checks how it is read).
void tst_Replica::cleanCloseSnapshotsTheSearchIndex()
{
    {
        auto replica = Replica::open(m_path).value();
        QVERIFY(replica->saveItem(page(S("Camden hub"))).ok());
    }
    auto generations = [this] {
        const QString name = S("tst-replica-snapshot");
        std::pair<qint64, qint64> out{-1, -2};
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), name);
            db.setDatabaseName(m_path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(S("SELECT (SELECT generation FROM search_snapshot WHERE id = 1), "
                             "(SELECT value FROM search_meta WHERE key = 'generation')")) && q.next())
                    out = {q.value(0).toLongLong(), q.value(1).toLongLong()};
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    };
    const auto first = generations();
    QCOMPARE(first.first, first.second);
    {
        auto replica = Replica::open(m_path).value();
        QCOMPARE(replica->search(SearchQuery{S("camden"), {}, 10, 0}).value().total, 1);
        QVERIFY(replica->saveItem(page(S("Leeds hub"))).ok());
    }
    const auto second = generations();
    QCOMPARE(second.first, second.second);
    QVERIFY(second.second != first.second);
    auto reopened = Replica::open(m_path).value();
    QCOMPARE(reopened->search(SearchQuery{S("hub"), {}, 10, 0}).value().total, 2);
}

// A pull that only moves the live revision (a publish elsewhere, or the full pull after the
// 3 -> 4 migration) keeps a refused local edit refused: it is not sent again until edited.
// The pull also records who made the server's revision, and when.
void tst_Replica::refusedEditStaysRefusedWhenOnlyLiveMoves()
{
    auto replica = Replica::open(m_path).value();
    const Item server = page(S("Refused hub"));
    ServerChange pulled;
    pulled.seq = 1;
    pulled.id = server.id;
    pulled.bytes = serialize(server);
    pulled.revision = revisionId(pulled.bytes);
    pulled.changedBy = S("aisha.khan");
    pulled.changedAt = QDateTime(QDate(2026, 11, 30), QTime(9, 15), Qt::UTC);
    QVERIFY(replica->applyPulled({pulled}, 1).ok());
    QCOMPARE(replica->item(server.id).value()->changedBy, S("aisha.khan"));
    QCOMPARE(replica->item(server.id).value()->changedAt, pulled.changedAt);

    Item mine = server;
    mine.title = S("Refused hub, edited here");
    QVERIFY(replica->saveItem(mine).ok());
    auto batch = replica->nextBatch(10).value();
    PushResult refused;
    refused.id = server.id;
    refused.status = S("forbidden");
    refused.issues = {Issue{S(""), S("outside your scope")}};
    QVERIFY(replica->applyPushResults(batch.batchId, {refused}).ok());
    QVERIFY(replica->nextBatch(10).value().batchId.isEmpty()); // held back until edited

    // The same server revision again, now with a live revision and another changer.
    ServerChange again = pulled;
    again.seq = 2;
    again.liveRevision = pulled.revision;
    again.liveBytes = pulled.bytes;
    again.changedBy = S("mei.lin");
    QVERIFY(replica->applyPulled({again}, 2).ok());
    const LocalItem local = *replica->item(server.id).value();
    QVERIFY(local.dirty);
    QCOMPARE(local.item().value().title, S("Refused hub, edited here")); // the edit is kept
    QCOMPARE(local.liveRevision, pulled.revision);
    QCOMPARE(local.pushIssues.size(), 1);
    QCOMPARE(local.changedBy, S("mei.lin"));
    QVERIFY(replica->nextBatch(10).value().batchId.isEmpty()); // still held back
}

void tst_Replica::pushAnswersMoveTheBase()
{
    auto replica = Replica::open(m_path).value();
    Item item = page(S("Accepted hub"));
    item.state = WorkflowState::Published; // the server turns an edit into a draft
    QVERIFY(replica->saveItem(item).ok());
    auto batch = replica->nextBatch(10).value();
    Item stored = item;
    stored.state = WorkflowState::Draft;
    PushResult accepted;
    accepted.id = item.id;
    accepted.status = S("accepted");
    accepted.revision = revisionId(stored);
    accepted.storedBytes = serialize(stored);
    QVERIFY(replica->applyPushResults(batch.batchId, {accepted}).ok());
    const LocalItem local = *replica->item(item.id).value();
    QVERIFY(!local.dirty);
    QCOMPARE(local.baseRevision, accepted.revision);
    QCOMPARE(local.bytes, serialize(stored)); // took the server's form
    QCOMPARE(replica->status().value().pendingBatches, 0);
    // A lying server (bytes that do not match the revision) is refused, nothing changes.
    QVERIFY(replica->saveItem(page(S("Second"))).ok());
    auto second = replica->nextBatch(10).value();
    PushResult lie;
    lie.id = second.items.first();
    lie.status = S("accepted");
    lie.revision = QString(40, QLatin1Char('0'));
    auto applied = replica->applyPushResults(second.batchId, {lie});
    QVERIFY(!applied.ok());
    QVERIFY(applied.errorString().contains(S("does not match its bytes")));
    QCOMPARE(replica->status().value().pendingBatches, 1);
}

void tst_Replica::damagedSearchIndexIsRebuilt()
{
    {
        auto replica = Replica::open(m_path).value();
        QVERIFY(replica->saveItem(page(S("Hackney training office"))).ok());
    }
    execOn(m_path, S("DROP TABLE search_item"));
    {
        auto replica = Replica::open(m_path);
        QVERIFY2(replica.ok(), qPrintable(replica.errorString()));
        QCOMPARE(replica.value()->search(SearchQuery{S("hackney"), {}, 10, 0}).value().total, 1);
    }
}

void tst_Replica::newerSchemaIsRefused()
{
    {
        auto replica = Replica::open(m_path).value();
        QVERIFY(replica->saveItem(page(S("Kept"))).ok());
    }
    execOn(m_path, S("PRAGMA user_version = 7"));
    OpenFailure failure = OpenFailure::None;
    auto replica = Replica::open(m_path, &failure);
    QVERIFY(!replica.ok());
    QVERIFY(failure == OpenFailure::NewerSchema);
    QVERIFY(replica.errorString().contains(S("newer Carta")));
    auto exported = Replica::exportOutbox(m_path);
    QVERIFY(exported.ok());
    QVERIFY(exported.value().contains("\"title\": \"Kept\""));
}

void tst_Replica::deepDamageIsLookedForAfterAnUncleanExit()
{
    {
        auto replica = Replica::open(m_path).value();
        for (int i = 0; i < 200; ++i) {
            Item item = page(S("Hub %1").arg(i));
            item.summary = QString(2000, QLatin1Char('x')); // enough pages that the last is an item page
            QVERIFY(replica->saveItem(item).ok());
        }
    }
    execOn(m_path, S("PRAGMA wal_checkpoint(TRUNCATE)"));
    auto markerIs = [this](const char *value) {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("marker"));
        db.setDatabaseName(m_path);
        QString found;
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(S("SELECT value FROM meta WHERE key = 'session_open'")) && q.next())
                found = q.value(0).toString();
            q.finish();
            db.close();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(S("marker"));
        return found == S(value);
    };
    QVERIFY(markerIs("0")); // closed cleanly

    // Overwrite a page near the end of the file: an item page, not the schema.
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 64 * 4096);
        f.seek(f.size() - 3 * 4096);
        f.write(QByteArray(4096, '\xAB'));
    }
    // After a clean close the open does not read every page (that costs seconds at ×10):
    // the damage shows only when the damaged item is read.
    {
        auto replica = Replica::open(m_path);
        QVERIFY2(replica.ok(), qPrintable(replica.errorString()));
        QVERIFY(markerIs("1")); // open now
    }
    // As if the last session had been killed: the next open checks every page and refuses.
    execOn(m_path, S("UPDATE meta SET value = '1' WHERE key = 'session_open'"));
    OpenFailure failure = OpenFailure::None;
    auto reopened = Replica::open(m_path, &failure);
    QVERIFY(!reopened.ok());
    QCOMPARE(failure, OpenFailure::Corrupt);
    QVERIFY2(reopened.errorString().contains(S("damaged")), qPrintable(reopened.errorString()));
}

QTEST_GUILESS_MAIN(tst_Replica)
#include "tst_replica.moc"
