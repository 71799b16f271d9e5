// carta-syncd durability end to end: a real server process, real git, real SQLite, and
// clients on their own threads pushing all the time while the test
//  - lets 8 of them push 1,000 batches at once,
//  - SIGKILLs the server at random moments and restarts it (clients retry the same batch),
//  - stops it gracefully (SIGTERM) while they push.
// Afterwards: nothing acknowledged is lost, no batch is applied twice, every replayed batch
// gets its answer byte for byte, `git fsck --strict` and `carta-syncd fsck` are clean.
// Every random choice (items, batch ids, which items a batch edits, kill moments) comes from
// fixed-seed generators, so a run is reproducible up to thread scheduling.
// CARTA_TEST_QUIET=1 silences the server's log; CARTA_TEST_TRACE=1 prints every request that
// got no HTTP answer.
#include "../common/syncdprocess.h"

#include "model/item.h"
#include "model/json.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

#include <sys/stat.h>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;

namespace {

JsonValue obj(std::initializer_list<std::pair<const QString, JsonValue>> members) { return JsonValue(JsonObject(members)); }
const QString S(const char *s) { return QString::fromUtf8(s); }

// A version 4 UUID from a seeded generator, so ids are the same on every run.
QUuid seededUuid(QRandomGenerator &rng)
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(rng.bounded(256));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes);
}

QString seededBatchId(QRandomGenerator &rng) { return seededUuid(rng).toString(QUuid::WithoutBraces); }

Item term(QRandomGenerator &rng, Vocabulary vocabulary, const QString &slug, const QString &title)
{
    Item i = Item::create(ItemType::Term, seededUuid(rng));
    i.title = title;
    i.slug = slug;
    i.as<TermFields>().vocabulary = vocabulary;
    return i;
}

Item page(QRandomGenerator &rng, const QString &title, const QString &slug)
{
    Item i = Item::create(ItemType::Page, seededUuid(rng));
    i.title = title;
    i.slug = slug;
    i.tags.regions = {S("london")};
    Paragraph p;
    p.id = S("p1");
    p.markdown = S("Welcome to the hub.\nTraining offices are listed below.");
    i.paragraphs = {p};
    return i;
}

JsonValue change(const Item &item, const QString &base = QString())
{
    return obj({{S("id"), idString(item.id)}, {S("base_revision"), base.isEmpty() ? JsonValue() : JsonValue(base)}, {S("item"), itemToJson(item)}});
}

JsonValue batch(const QString &id, const JsonArray &changes)
{
    return obj({{S("batch_id"), id}, {S("changes"), JsonValue(changes)}});
}

const QString kPush = QStringLiteral("/api/v1/push");

// ---- what the clients remember ------------------------------------------------------------

struct TrackedItem
{
    Item item;         // the client's copy: the last acknowledged content
    QString revision;  // the last acknowledged revision
    QStringList acked; // every acknowledged revision of the item, oldest first
};

struct BatchRecord
{
    QString id;
    QByteArray body;
    QByteArray answer;  // the answer finally received (status 200)
    int attempts = 0;   // requests sent; more than one: retried after a network failure
    QList<int> failedIn; // the server generations (lifetimes) in which a request got no answer
    int accepted = 0;   // accepted changes in the answer
    QString commit;     // the commit the answer names, or empty (null)
};

struct ClientLog
{
    QString user;
    QString token;
    std::vector<TrackedItem> items;
    std::vector<BatchRecord> batches;
    QStringList failures;   // anything that must not happen; reported by the test thread
    int networkErrors = 0;  // requests that got no HTTP status
};

// The server as the clients see it: its address, which changes with every restart, and the
// progress the clients make (the test thread waits for it before choosing a kill moment).
class ServerView
{
public:
    void publish(const QString &url)
    {
        QMutexLocker lock(&m_mutex);
        m_url = url;
        ++m_generation;
        m_changed.wakeAll();
    }
    std::pair<QString, int> current()
    {
        QMutexLocker lock(&m_mutex);
        return {m_url, m_generation};
    }
    // Waits until the server was restarted after `generation`; false on timeout.
    bool waitForRestart(int generation, int ms)
    {
        QMutexLocker lock(&m_mutex);
        const QDeadlineTimer deadline(ms);
        while (m_generation == generation)
            if (!m_changed.wait(&m_mutex, deadline))
                return false;
        return true;
    }
    void acknowledged()
    {
        QMutexLocker lock(&m_mutex);
        ++m_acknowledged;
        m_progress.wakeAll();
    }
    void clientStarted()
    {
        QMutexLocker lock(&m_mutex);
        ++m_clients;
    }
    void clientFinished()
    {
        QMutexLocker lock(&m_mutex);
        --m_clients;
        m_progress.wakeAll();
    }
    int acknowledgedCount()
    {
        QMutexLocker lock(&m_mutex);
        return m_acknowledged;
    }
    // Waits until at least `target` batches were acknowledged in all; false on timeout or
    // when no client is left.
    bool waitForAcknowledged(int target, int ms)
    {
        QMutexLocker lock(&m_mutex);
        const QDeadlineTimer deadline(ms);
        while (m_acknowledged < target)
            if (m_clients == 0 || !m_progress.wait(&m_mutex, deadline))
                return false;
        return true;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    QWaitCondition m_progress;
    QString m_url;
    int m_generation = 0;
    int m_acknowledged = 0;
    int m_clients = 0;
};

// One client: creates its items in one batch, then edits them, one batch at a time, each on
// the revision the previous answer gave. A request without an HTTP answer is sent again,
// the same bytes, once the server was restarted (or after a while), until it is answered.
class Client
{
public:
    Client(ClientLog &log, ServerView &server, quint32 seed) : m_log(log), m_server(server), m_rng(seed) {}

    // Pushes `maxBatches` batches (the first creates the items), or fewer when `stop` is set.
    void run(int itemCount, int maxBatches, const std::atomic<bool> *stop)
    {
        auto [url, generation] = m_server.current();
        m_generation = generation;
        m_http = std::make_unique<HttpClient>(url, m_log.token);

        JsonArray creates;
        std::vector<Item> created;
        for (int i = 0; i < itemCount; ++i) {
            const QString slug = S("%1-hub-%2").arg(QString(m_log.user).replace(QLatin1Char('.'), QLatin1Char('-'))).arg(i);
            created.push_back(page(m_rng, S("%1 hub %2").arg(m_log.user).arg(i), slug));
            creates.push_back(change(created.back()));
        }
        for (const Item &item : created)
            m_log.items.push_back(TrackedItem{item, QString(), {}});
        std::vector<size_t> all;
        for (size_t i = 0; i < m_log.items.size(); ++i)
            all.push_back(i);
        if (!push(creates, all, created))
            return;

        for (int n = 1; n < maxBatches && !(stop && stop->load()); ++n) {
            // Mostly one item a batch; every fourth or so two or three.
            size_t count = 1;
            if (m_rng.bounded(4) == 0)
                count = std::min<size_t>(m_log.items.size(), 2 + m_rng.bounded(2));
            std::vector<size_t> chosen;
            while (chosen.size() < count) {
                const size_t index = m_rng.bounded(quint32(m_log.items.size()));
                if (std::find(chosen.begin(), chosen.end(), index) == chosen.end())
                    chosen.push_back(index);
            }
            JsonArray changes;
            std::vector<Item> edited;
            for (size_t index : chosen) {
                Item item = m_log.items[index].item;
                item.title = S("%1 hub %2, edit %3").arg(m_log.user).arg(index).arg(n);
                item.paragraphs[0].markdown = S("Welcome to the hub (revision %1).\nTraining offices are listed below.").arg(n);
                changes.push_back(change(item, m_log.items[index].revision));
                edited.push_back(std::move(item));
            }
            if (!push(changes, chosen, edited))
                return;
        }
    }

private:
    bool push(const JsonArray &changes, const std::vector<size_t> &indexes, const std::vector<Item> &edited)
    {
        BatchRecord record;
        record.id = seededBatchId(m_rng);
        record.body = serializeCompact(batch(record.id, changes));
        const HttpResult answer = send(record);
        record.answer = answer.body;
        const auto fail = [&](const QString &why) {
            m_log.failures.append(S("batch %1 (attempt %2): %3; status %4, answer %5")
                                      .arg(record.id).arg(record.attempts).arg(why).arg(answer.status)
                                      .arg(QString::fromUtf8(answer.body.left(600))));
            m_log.batches.push_back(record);
            return false;
        };
        if (answer.status != 200)
            return fail(S("not answered with 200") + (answer.error.isEmpty() ? QString() : S(" (") + answer.error + S(")")));
        const JsonValue json = answer.json();
        if (json[S("batch_id")].toString() != record.id)
            return fail(S("the answer names another batch"));
        record.commit = json[S("commit")].isString() ? json[S("commit")].toString() : QString();
        const JsonArray results = json[S("results")].toArray();
        if (results.size() != indexes.size())
            return fail(S("%1 results for %2 changes").arg(results.size()).arg(indexes.size()));
        for (size_t i = 0; i < indexes.size(); ++i) {
            TrackedItem &tracked = m_log.items[indexes[i]];
            const QString expected = revisionId(edited[i]);
            if (results[i][S("status")].toString() != S("accepted"))
                return fail(S("change %1 (item %2) is %3, not accepted").arg(i).arg(idString(tracked.item.id), results[i][S("status")].toString()));
            if (results[i][S("revision")].toString() != expected)
                return fail(S("change %1 accepted as revision %2, expected %3").arg(i).arg(results[i][S("revision")].toString(), expected));
            ++record.accepted;
        }
        if (record.commit.isEmpty() && record.attempts == 1)
            return fail(S("accepted changes but no commit, on the first attempt"));
        for (size_t i = 0; i < indexes.size(); ++i) {
            TrackedItem &tracked = m_log.items[indexes[i]];
            tracked.item = edited[i];
            tracked.revision = revisionId(edited[i]);
            tracked.acked.append(tracked.revision);
        }
        m_log.batches.push_back(record);
        m_server.acknowledged();
        return true;
    }

    // Sends the batch until it gets an HTTP answer; network failures are retried with the
    // same bytes against the restarted server.
    HttpResult send(BatchRecord &record)
    {
        QElapsedTimer waiting;
        waiting.start();
        while (true) {
            const auto [url, generation] = m_server.current();
            if (generation != m_generation) {
                m_http = std::make_unique<HttpClient>(url, m_log.token);
                m_generation = generation;
            }
            ++record.attempts;
            HttpResult r = m_http->request("POST", kPush, record.body);
            // A 200 whose body did not arrive whole (the server died while sending it) is no
            // answer either.
            if (r.status != 0 && (r.status != 200 || parseJson(r.body)))
                return r;
            if (r.error.isEmpty())
                r.error = S("status %1 with a truncated body").arg(r.status);
            ++m_log.networkErrors;
            record.failedIn.append(m_generation);
            if (qEnvironmentVariableIsSet("CARTA_TEST_TRACE"))
                qInfo("%s: batch %s attempt %d: %s", qPrintable(m_log.user), qPrintable(record.id), record.attempts, qPrintable(r.error));
            if (waiting.elapsed() > 120000)
                return r; // no answer for two minutes: reported as a failure
            m_server.waitForRestart(m_generation, 5000);
        }
    }

    ClientLog &m_log;
    ServerView &m_server;
    QRandomGenerator m_rng;
    std::unique_ptr<HttpClient> m_http;
    int m_generation = 0;
};

QString generations(const QList<int> &list)
{
    QStringList out;
    for (int g : list)
        out.append(QString::number(g));
    return out.join(QLatin1Char(','));
}

// The inode of a branch's ref file. libgit2 moves a new file into place on every update, so
// a new inode means a commit just landed.
quint64 refInode(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return quint64(info.st_ino);
}

const char *const kAuthors[] = {"amara.okafor", "ben.carter", "chloe.davies", "dev.patel",
                                "elena.rossi", "finn.murphy", "grace.liu", "hassan.ali"};

} // namespace

class tst_Durability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void eightConcurrentClients();
    void killDuringPushes();
    void gracefulStopDuringPushes();

private:
    void setUpServer(int clients, quint32 seed);
    std::vector<QThread *> startClients(int itemCount, int maxBatches, const std::atomic<bool> *stop, quint32 seed);
    void joinClients(std::vector<QThread *> &threads);
    void interruptWhilePushing(bool graceful, int cycles, quint32 seed);
    void verifyClients();
    void verifyReplaysAndItems();
    void stopAndVerifyRepository();
    void classifyRetries(const char *test);

    std::unique_ptr<SyncdProcess> m_server;
    std::unique_ptr<ServerView> m_view;
    QString m_admin;
    QString m_setupBatch;
    int m_setupCommits = 0;
    QHash<QString, QString> m_commitOfBatch; // from content's history, after the test
    QHash<QString, int> m_landedIn; // commit on content -> the server generation (lifetime) that made it, for
                                    // every commit there when a server was killed or stopped
    bool m_graceful = false;
    std::vector<ClientLog> m_logs;
};

void tst_Durability::cleanup()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_logs.clear();
    m_commitOfBatch.clear();
    m_landedIn.clear();
    m_graceful = false;
}

// A new data folder: an admin, one author per client, the region term the pages use.
void tst_Durability::setUpServer(int clients, quint32 seed)
{
    QRandomGenerator rng(seed);
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    m_admin = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_logs.clear();
    m_logs.resize(size_t(clients));
    for (int i = 0; i < clients; ++i) {
        m_logs[size_t(i)].user = S(kAuthors[i]);
        m_logs[size_t(i)].token = m_server->addUser(m_logs[size_t(i)].user, S("author"), S("london"));
        QVERIFY(!m_logs[size_t(i)].token.isEmpty());
    }
    QVERIFY(m_server->start());
    m_view = std::make_unique<ServerView>();
    m_view->publish(m_server->baseUrl());

    HttpClient admin(m_server->baseUrl(), m_admin);
    m_setupBatch = seededBatchId(rng);
    auto r = admin.post(kPush, batch(m_setupBatch, {change(term(rng, Vocabulary::Region, S("london"), S("London")))}));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[S("results")].toArray().at(0)[S("status")].toString(), S("accepted"));
    m_setupCommits = m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed().toInt();
    QCOMPARE(m_setupCommits, 1);
}

std::vector<QThread *> tst_Durability::startClients(int itemCount, int maxBatches, const std::atomic<bool> *stop, quint32 seed)
{
    std::vector<QThread *> threads;
    for (size_t i = 0; i < m_logs.size(); ++i) {
        ClientLog *log = &m_logs[i];
        ServerView *view = m_view.get();
        const quint32 clientSeed = seed * 1000u + quint32(i);
        // The HttpClient (and its QNetworkAccessManager) is made inside the thread.
        view->clientStarted();
        QThread *t = QThread::create([log, view, clientSeed, itemCount, maxBatches, stop] {
            {
                Client client(*log, *view, clientSeed);
                client.run(itemCount, maxBatches, stop);
            }
            view->clientFinished();
        });
        t->start();
        threads.push_back(t);
    }
    return threads;
}

void tst_Durability::joinClients(std::vector<QThread *> &threads)
{
    bool finished = true;
    for (QThread *t : threads) {
        if (!t->wait(QDeadlineTimer(300000)))
            finished = false;
    }
    if (!finished)
        qFatal("client threads did not finish in five minutes");
    for (QThread *t : threads)
        delete t;
    threads.clear();
}

// Nothing unexpected happened on the client side: every batch answered 200, every change
// accepted at the revision the client computed.
void tst_Durability::verifyClients()
{
    QStringList failures;
    for (const ClientLog &log : m_logs)
        for (const QString &f : log.failures)
            failures.append(log.user + S(": ") + f);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

// With the server still running: every batch sent again gets the stored answer byte for
// byte and changes nothing; every item's history is exactly its acknowledged revisions; its
// latest revision, by item and by pull, is the last one acknowledged.
void tst_Durability::verifyReplaysAndItems()
{
    const int commitsBefore = m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed().toInt();
    QStringList differences;
    for (const ClientLog &log : m_logs) {
        HttpClient client(m_server->baseUrl(), log.token);
        for (const BatchRecord &b : log.batches) {
            const HttpResult again = client.request("POST", kPush, b.body);
            if (again.status != 200 || again.body != b.answer)
                differences.append(S("%1: batch %2 replayed as %3 %4, first answer %5")
                                       .arg(log.user, b.id).arg(again.status)
                                       .arg(QString::fromUtf8(again.body.left(400)), QString::fromUtf8(b.answer.left(400))));
        }
        for (const TrackedItem &t : log.items) {
            const QString id = idString(t.item.id);
            auto current = client.get(S("/api/v1/items/%1").arg(id));
            if (current.status != 200 || current.json()[S("revision")].toString() != t.revision)
                differences.append(S("%1: item %2 is at %3 on the server, last acknowledged %4")
                                       .arg(log.user, id, current.json()[S("revision")].toString(), t.revision));
            auto history = client.get(S("/api/v1/items/%1/history").arg(id));
            QStringList revisions;
            for (const JsonValue &e : history.json()[S("history")].toArray())
                revisions.prepend(e[S("revision")].toString());
            if (history.status != 200 || revisions != t.acked)
                differences.append(S("%1: item %2 history %3 differs from the acknowledged revisions %4")
                                       .arg(log.user, id, revisions.join(QLatin1Char(',')), t.acked.join(QLatin1Char(','))));
        }
        // A pull from the start lists each item once, at its last acknowledged revision (the
        // database's index, rebuilt by reconcile() after a crash).
        QHash<QString, QString> pulled;
        qint64 cursor = 0;
        for (bool more = true; more;) {
            auto page = client.get(S("/api/v1/changes?since=%1&limit=1000").arg(cursor));
            if (page.status != 200) {
                differences.append(S("%1: pull answered %2").arg(log.user).arg(page.status));
                break;
            }
            for (const JsonValue &c : page.json()[S("changes")].toArray()) {
                if (pulled.contains(c[S("id")].toString()))
                    differences.append(S("%1: pull lists %2 twice").arg(log.user, c[S("id")].toString()));
                pulled.insert(c[S("id")].toString(), c[S("revision")].toString());
            }
            cursor = page.json()[S("cursor")].toInteger();
            more = page.json()[S("more")].toBool();
        }
        for (const TrackedItem &t : log.items)
            if (pulled.value(idString(t.item.id)) != t.revision)
                differences.append(S("%1: pull gives %2 at %3, last acknowledged %4")
                                       .arg(log.user, idString(t.item.id), pulled.value(idString(t.item.id)), t.revision));
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
    QCOMPARE(m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed().toInt(), commitsBefore);
}

// After a graceful stop: the server exits 0, `carta-syncd fsck` and `git fsck --strict` are
// clean, and git's history is exactly the acknowledged batches, each one commit.
void tst_Durability::stopAndVerifyRepository()
{
    QCOMPARE(m_server->stop(), 0);
    const QByteArray problems = m_server->admin({S("fsck")});
    QVERIFY2(problems.isEmpty(), problems.constData());
    int rc = -1;
    m_server->git({S("fsck"), S("--strict")}, &rc);
    QCOMPARE(rc, 0);
    // Every item says who made its latest revision, also those the start-up after a kill
    // brought level with git (reconcile()).
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("bookkeeping"));
        db.setDatabaseName(m_server->dataDir() + S("/carta.db"));
        db.setConnectOptions(S("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(S("SELECT count(*), sum(changed_by IS NULL OR changed_at IS NULL) FROM items WHERE deleted = 0")) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
        QCOMPARE(q.value(1).toInt(), 0);
        db.close();
    }
    QSqlDatabase::removeDatabase(S("bookkeeping"));

    // Commits on content: author and Carta-Batch trailer.
    const QStringList lines = m_server->git({S("log"), S("--format=%H%x09%an%x09%(trailers:key=Carta-Batch,valueonly,separator=%x2C)"), S("content")})
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QHash<QString, QString> commitOfBatch;
    QHash<QString, int> commitsByAuthor;
    QStringList problemsSeen;
    for (const QString &line : lines) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), qsizetype(3));
        ++commitsByAuthor[fields[1]];
        if (fields[2].isEmpty() || fields[2].contains(QLatin1Char(',')))
            problemsSeen.append(S("commit %1 has Carta-Batch \"%2\"").arg(fields[0], fields[2]));
        else if (commitOfBatch.contains(fields[2]))
            problemsSeen.append(S("batch %1 applied twice: commits %2 and %3").arg(fields[2], commitOfBatch.value(fields[2]), fields[0]));
        commitOfBatch.insert(fields[2], fields[0]);
    }

    int acceptedBatches = 0;
    QSet<QString> ours{m_setupBatch};
    for (const ClientLog &log : m_logs) {
        int accepted = 0;
        for (const BatchRecord &b : log.batches) {
            if (b.accepted == 0)
                continue;
            ++accepted;
            ours.insert(b.id);
            if (!commitOfBatch.contains(b.id))
                problemsSeen.append(S("%1: acknowledged batch %2 has no commit on content").arg(log.user, b.id));
            else if (!b.commit.isEmpty() && commitOfBatch.value(b.id) != b.commit)
                problemsSeen.append(S("%1: batch %2 was answered with commit %3, but its commit is %4").arg(log.user, b.id, b.commit, commitOfBatch.value(b.id)));
        }
        acceptedBatches += accepted;
        if (commitsByAuthor.value(log.user) != accepted)
            problemsSeen.append(S("%1 has %2 commits on content, %3 accepted batches").arg(log.user).arg(commitsByAuthor.value(log.user)).arg(accepted));
    }
    for (auto it = commitOfBatch.cbegin(); it != commitOfBatch.cend(); ++it)
        if (!ours.contains(it.key()))
            problemsSeen.append(S("commit %1 carries batch %2, which no client sent").arg(it.value(), it.key()));
    QVERIFY2(problemsSeen.isEmpty(), qPrintable(problemsSeen.join(QLatin1Char('\n'))));
    m_commitOfBatch = commitOfBatch;
    QCOMPARE(int(lines.size()), m_setupCommits + acceptedBatches);
    QCOMPARE(m_server->git({S("rev-list"), S("--count"), S("content")}).trimmed().toInt(), m_setupCommits + acceptedBatches);

    // Every acknowledged revision is a blob in content's history, at the item's path; the
    // tip holds the last one.
    QHash<QString, QString> pathOfObject;
    for (const QString &line : m_server->git({S("rev-list"), S("--objects"), S("content")}).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        pathOfObject.insert(line.section(QLatin1Char(' '), 0, 0), line.section(QLatin1Char(' '), 1));
    QHash<QString, QString> tipBlobs;
    for (const QString &line : m_server->git({S("ls-tree"), S("-r"), S("content")}).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        tipBlobs.insert(line.section(QLatin1Char('\t'), 1), line.section(QLatin1Char('\t'), 0, 0).section(QLatin1Char(' '), 2, 2));
    for (const ClientLog &log : m_logs) {
        for (const TrackedItem &t : log.items) {
            const QString path = t.item.storagePath();
            for (const QString &revision : t.acked)
                if (pathOfObject.value(revision) != path)
                    problemsSeen.append(S("%1: acknowledged revision %2 of %3 is not in content's history").arg(log.user, revision, path));
            if (tipBlobs.value(path) != t.revision)
                problemsSeen.append(S("%1: %2 is %3 on content, last acknowledged %4").arg(log.user, path, tipBlobs.value(path), t.revision));
        }
    }
    QVERIFY2(problemsSeen.isEmpty(), qPrintable(problemsSeen.join(QLatin1Char('\n'))));
}

// A batch retried after a network failure is one of three cases, told apart by whether its
// commit was made by a server (generation) whose answer the client did not get:
//  - fresh: the first attempt never reached git; the retry made the commit;
//  - replayed: the commit and the stored answer were on disk, only the answer was lost; the
//    retry got the stored answer (naming that commit);
//  - already stored: the commit landed but the database had not recorded the batch; after
//    reconcile() the retry is accepted because the content matches, without a new commit.
// Anything else is inconsistent. A graceful stop finishes what it started, so there, every
// retry must be fresh.
void tst_Durability::classifyRetries(const char *test)
{
    int batches = 0, networkErrors = 0, fresh = 0, replayed = 0, alreadyStored = 0;
    QStringList problems;
    for (const ClientLog &log : m_logs) {
        networkErrors += log.networkErrors;
        for (const BatchRecord &b : log.batches) {
            ++batches;
            if (b.attempts == 1 || b.accepted == 0)
                continue;
            const QString commit = m_commitOfBatch.value(b.id);
            const bool landedBefore = b.failedIn.contains(m_landedIn.value(commit, -1));
            if (!landedBefore && b.commit == commit)
                ++fresh;
            else if (landedBefore && b.commit == commit)
                ++replayed;
            else if (landedBefore && b.commit.isEmpty())
                ++alreadyStored;
            else
                problems.append(S("%1: batch %2 was answered with commit \"%3\" after %4 attempts, but its commit is %5 (%6 the interruption)")
                                    .arg(log.user, b.id, b.commit).arg(b.attempts).arg(commit, landedBefore ? S("landed before") : S("made after")));
            if (m_graceful && landedBefore)
                problems.append(S("%1: batch %2 was committed by server generation %3 and got no answer from it (failed in generations %4) "
                                  "though it was stopped gracefully").arg(log.user, b.id).arg(m_landedIn.value(commit)).arg(generations(b.failedIn)));
        }
    }
    qInfo("%s: %d batches, %d network errors; retried batches: %d fresh (never reached git), %d replayed (answer lost), "
          "%d accepted as already stored (commit landed, database behind, reconciled at start-up)",
          test, batches, networkErrors, fresh, replayed, alreadyStored);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Durability::eightConcurrentClients()
{
    setUpServer(8, 1);
    if (QTest::currentTestFailed())
        return;
    QElapsedTimer timer;
    timer.start();
    auto threads = startClients(3, 125, nullptr, 1);
    joinClients(threads);
    const qint64 ms = std::max<qint64>(1, timer.elapsed());
    verifyClients();
    if (QTest::currentTestFailed())
        return;
    int pushes = 0;
    int networkErrors = 0;
    for (const ClientLog &log : m_logs) {
        pushes += int(log.batches.size());
        networkErrors += log.networkErrors;
    }
    QCOMPARE(pushes, 1000);
    QCOMPARE(networkErrors, 0); // nothing stops the server here
    qInfo("eightConcurrentClients: %d pushes in %lld ms: %.1f pushes/second", pushes, ms, pushes * 1000.0 / double(ms));
    // Pushes that arrive while a group is written are committed together in the next group
    // (one pack, one ref move, one database transaction), each still its own commit, which
    // stopAndVerifyRepository() checks batch by batch.
    {
        HttpClient anonymous(m_server->baseUrl(), QString());
        const QByteArray metrics = anonymous.get(S("/metrics")).body;
        auto value = [&](const QByteArray &name) {
            const qsizetype at = metrics.indexOf(QByteArray('\n' + name + ' '));
            return at < 0 ? -1.0 : metrics.mid(at + name.size() + 2, metrics.indexOf('\n', at + 1) - at - name.size() - 2).toDouble();
        };
        const double pushed = value("carta_pushes_total");
        const double groups = value("carta_push_groups_total");
        qInfo("eightConcurrentClients: %.0f pushes answered in %.0f groups", pushed, groups);
        QVERIFY2(pushed >= 1000 && groups > 0 && groups < pushed, metrics.constData());
        // Each group wrote one small pack; a thread of their own merges them while pushes
        // go on, so the pack folder stays small (and stopAndVerifyRepository() runs git fsck).
        const QDir packDir(m_server->dataDir() + S("/repo.git/objects/pack"));
        auto packFiles = [&] { return packDir.entryList({S("*.pack")}, QDir::Files).size(); };
        QTRY_VERIFY2_WITH_TIMEOUT(packFiles() < groups / 4, qPrintable(S("%1 packs after %2 groups").arg(packFiles()).arg(groups)), 20000);
        QTRY_VERIFY(anonymous.get(S("/metrics")).body.contains("\ncarta_repository_packs_total "));
    }
    verifyReplaysAndItems();
    if (QTest::currentTestFailed())
        return;
    stopAndVerifyRepository();
    if (QTest::currentTestFailed())
        return;
    classifyRetries("eightConcurrentClients");
}

// Clients push all the time; the test kills (or stops) the server at a random moment after
// some progress, restarts it and publishes the new address; the clients retry what was
// not answered. Then everything is checked.
void tst_Durability::interruptWhilePushing(bool graceful, int cycles, quint32 seed)
{
    QRandomGenerator rng(seed);
    m_graceful = graceful;
    std::atomic<bool> stop{false};
    auto threads = startClients(3, 2000, &stop, seed);
    QStringList problems;
    for (int cycle = 0; cycle < cycles && problems.isEmpty(); ++cycle) {
        const int target = m_view->acknowledgedCount() + 3 + int(rng.bounded(20));
        if (!m_view->waitForAcknowledged(target, 60000)) {
            problems.append(S("cycle %1: the clients made no progress for a minute, or all stopped").arg(cycle));
            break;
        }
        if (!graceful && cycle % 2 == 1) {
            // Every other kill comes right after a commit landed on content, before the
            // database has recorded it (the window reconcile() is for). No sleep: the ref
            // file is watched.
            const QString ref = m_server->repository() + S("/refs/heads/content");
            const quint64 before = refInode(ref);
            const QDeadlineTimer deadline(10000);
            while (refInode(ref) == before && !deadline.hasExpired())
                QThread::yieldCurrentThread();
        } else {
            // A random moment within the next 40 ms (a push takes tens of ms), while the
            // clients keep pushing.
            QThread::usleep(rng.bounded(40000));
        }
        const int generation = m_view->current().second;
        if (graceful) {
            const int exitCode = m_server->stop();
            if (exitCode != 0)
                problems.append(S("cycle %1: the server exited %2 on SIGTERM").arg(cycle).arg(exitCode));
            // A graceful stop finishes what it started: git and the database agree.
            const QByteArray fsck = m_server->admin({S("fsck")});
            if (!fsck.isEmpty())
                problems.append(S("cycle %1: fsck after a graceful stop: %2").arg(cycle).arg(QString::fromUtf8(fsck)));
        } else {
            m_server->kill();
            if (QFile::exists(m_server->repository() + S("/refs/heads/content.lock")))
                qInfo("cycle %d: the kill left refs/heads/content.lock behind", cycle);
        }
        for (const QString &c : m_server->git({S("rev-list"), S("content")}).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!m_landedIn.contains(c))
                m_landedIn.insert(c, generation);
        if (!m_server->start()) {
            problems.append(S("cycle %1: the server did not start again").arg(cycle));
            break;
        }
        m_view->publish(m_server->baseUrl());
    }
    // Some pushes on the last server, then the clients finish the batch they are on.
    if (problems.isEmpty() && !m_view->waitForAcknowledged(m_view->acknowledgedCount() + 10, 60000))
        problems.append(S("the clients made no progress after the last restart"));
    stop = true;
    joinClients(threads);
    if (!problems.isEmpty()) {
        // The clients' failures usually say why progress stopped.
        for (const ClientLog &log : m_logs)
            for (const QString &f : log.failures)
                problems.append(log.user + S(": ") + f);
        QVERIFY2(false, qPrintable(problems.join(QLatin1Char('\n'))));
    }
    verifyClients();
    if (QTest::currentTestFailed())
        return;
    verifyReplaysAndItems();
    if (QTest::currentTestFailed())
        return;
    stopAndVerifyRepository();
    if (QTest::currentTestFailed())
        return;
    classifyRetries(graceful ? "gracefulStopDuringPushes" : "killDuringPushes");
}

void tst_Durability::killDuringPushes()
{
    setUpServer(4, 2);
    if (QTest::currentTestFailed())
        return;
    interruptWhilePushing(false, 24, 2);
}

void tst_Durability::gracefulStopDuringPushes()
{
    setUpServer(3, 3);
    if (QTest::currentTestFailed())
        return;
    interruptWhilePushing(true, 10, 3);
}

QTEST_GUILESS_MAIN(tst_Durability)
#include "tst_durability.moc"
