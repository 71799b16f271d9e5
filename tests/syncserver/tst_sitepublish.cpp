// The public site end to end against a real carta-syncd: what a publish puts on the site
// (the item's page, the regional listing and hub, the feed, sitemaps, search shards,
// robots.txt), what /site/ serves and refuses, that drafts and approved revisions never
// reach it, that an unpublish, an archive or a published edit leave nothing of the old
// revision, that two items with one slug keep every address current, scheduled publishes,
// that readers get whole pages while publishes switch `current`, the release list,
// rollback and pruning, a restart that finds the site already level with live, and that
// releases made one change at a time equal a release rendered from scratch.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"

#include "model/item.h"
#include "model/json.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTcpSocket>
#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kLondon = u"london"_s;
const QString kHubPath = u"/regions/london/"_s;
const QString kLondonNews = u"/regions/london/news/"_s;
const QString kLondonFeed = u"/feeds/regions/london.xml"_s;
const QString kPolicyText = u"Study leave is granted for up to thirty days a year."_s;
// A publish renders a release and syncs it to disk before `current` moves: allow a slow disk.
constexpr int kSiteTimeoutMs = 120000;

// Polls a condition until it holds or the time (real time: each poll may itself take a
// while) runs out, processing events in between.
template<typename Condition>
bool waitFor(Condition condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

QString actionsPath(const QUuid &id) { return u"/api/v1/items/%1/actions"_s.arg(idString(id)); }

// A word no other test and no generated file uses, to find an item's text in the site.
QString uniqueWord(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// A random id whose first hex digit, and so its sitemap and search shard, is `digit`.
QUuid idInShard(QChar digit)
{
    QString text = QUuid::createUuid().toString(QUuid::WithoutBraces);
    text[0] = digit;
    return QUuid::fromString(text);
}

QUuid idInShardOf(const QUuid &other) { return idInShard(idString(other).at(0)); }

QString htmlEscaped(const QString &text)
{
    QString out = text;
    out.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
    return out.replace(u'"', u"&quot;"_s).replace(u'\'', u"&#39;"_s);
}

QString xmlEscaped(const QString &text)
{
    QString out = text;
    out.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
    return out.replace(u'"', u"&quot;"_s).replace(u'\'', u"&apos;"_s);
}

Item newsItem(const QString &title, const QString &slug, const QString &text, const QDate &date = QDate(2027, 3, 1))
{
    Item i = Item::create(ItemType::News);
    i.title = title;
    i.slug = slug;
    i.summary = u"What changes for trainees in London."_s;
    i.tags.regions = {kLondon};
    i.as<NewsFields>().date = date;
    Paragraph p;
    p.id = u"p1"_s;
    p.markdown = text;
    i.paragraphs = {p};
    return i;
}

QString newsPath(const Item &item) { return u"/news/"_s + item.slug + u'/'; }

// A whole HTML document, as every page of the site is.
bool isWholePage(const QByteArray &body)
{
    return body.startsWith("<!DOCTYPE html>") && body.endsWith("</html>\n");
}

QString siteDirOf(const SyncdProcess &server) { return server.dataDir() + u"/site"_s; }

// The release `current` points at ("000007-20270301T101500Z-1a2b3c4d5e6f"); empty for none.
QString currentRelease(const QString &siteDir)
{
    const QString target = QFile::symLinkTarget(siteDir + u"/current"_s);
    return target.isEmpty() ? QString() : QFileInfo(target).fileName();
}

// The release folders, oldest first, without the hidden ones being built.
QStringList releaseFolders(const QString &siteDir)
{
    return QDir(siteDir + u"/releases"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// Every file of the current release (read through one resolution of `current`) that holds
// one of the needles, relative to the release.
QStringList filesContaining(const QString &siteDir, const QList<QByteArray> &needles)
{
    const QString release = QFileInfo(siteDir + u"/current"_s).canonicalFilePath();
    if (release.isEmpty())
        return {u"<no current release>"_s};
    QStringList found;
    // A release's folders are links into <site>/objects (release.h).
    QDirIterator it(release, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString path = it.next();
        // The release's own bookkeeping at its root (.carta-dirs names the folders it
        // removed) is never served (sitefiles.cpp refuses dot files); every other file is.
        if (const QString relative = QDir(release).relativeFilePath(path); relative.startsWith(u'.') && !relative.contains(u'/'))
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            found.append(path + u" (unreadable)"_s);
            continue;
        }
        const QByteArray bytes = f.readAll();
        for (const QByteArray &needle : needles) {
            if (bytes.contains(needle)) {
                found.append(QDir(release).relativeFilePath(path));
                break;
            }
        }
    }
    return found;
}

// Every file of a release: its path in the release -> its bytes (but .carta-dirs, the list
// of the release's own folder objects, which two releases never share).
QMap<QString, QByteArray> releaseFiles(const QString &release)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(release, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(release).relativeFilePath(path);
        if (relative == u".carta-dirs"_s)
            continue;
        QFile f(path);
        files.insert(relative, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>"));
    }
    return files;
}

// The status of a request sent byte for byte as given (QUrl would normalise "..").
int rawStatus(int port, const QByteArray &method, const QByteArray &target)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(10000))
        return -1;
    socket.write(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    const QList<QByteArray> statusLine = answer.left(answer.indexOf('\r')).split(' ');
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The first line where two files part, for a failure message.
QString firstDifference(const QByteArray &incremental, const QByteArray &rebuilt)
{
    const QList<QByteArray> a = incremental.split('\n');
    const QList<QByteArray> b = rebuilt.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QByteArray x = a.value(i);
        const QByteArray y = b.value(i);
        if (x != y) {
            qsizetype at = 0;
            while (at < x.size() && at < y.size() && x[at] == y[at])
                ++at;
            const qsizetype from = std::max<qsizetype>(0, at - 60);
            return u"line %1: incremental \"…%2\", rebuilt \"…%3\""_s.arg(i + 1).arg(QString::fromUtf8(x.mid(from, 160)),
                                                                                     QString::fromUtf8(y.mid(from, 160)));
        }
    }
    return QString();
}

struct CommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// An admin command with its exit code (SyncdProcess::admin only warns about one).
CommandResult runSyncd(const SyncdProcess &server, const QString &config, const QStringList &args)
{
    QStringList all{u"--data"_s, server.dataDir()};
    if (!config.isEmpty())
        all = QStringList{u"--config"_s, config} + all;
    QProcess p;
    p.start(SyncdProcess::binary(), all + args);
    CommandResult r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// `carta-syncd site list`: one line per release, oldest first.
QStringList siteList(const SyncdProcess &server, const QString &config = QString())
{
    const CommandResult r = runSyncd(server, config, {u"site"_s, u"list"_s});
    if (r.exitCode != 0)
        qWarning("site list exited %d: %s", r.exitCode, r.err.constData());
    return QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
}

// The ids `site list` marks current ("* ").
QStringList markedCurrent(const QStringList &lines)
{
    QStringList ids;
    for (const QString &line : lines) {
        if (line.startsWith(u"* "_s))
            ids.append(line.mid(2).section(u'\t', 0, 0));
    }
    return ids;
}

QString listedId(const QString &line) { return line.mid(2).section(u'\t', 0, 0); }

// `carta-syncd serve` whose log the test reads (SyncdProcess forwards it to the test's own).
class LoggedServe
{
public:
    LoggedServe(QString dataDir, QString config) : m_dataDir(std::move(dataDir)), m_config(std::move(config)) {}
    ~LoggedServe() { stop(); }

    bool start()
    {
        m_log.clear();
        const QString portFile = m_dataDir + u"/../logged-port"_s;
        QFile::remove(portFile);
        m_process = std::make_unique<QProcess>();
        m_process->start(SyncdProcess::binary(), {u"--config"_s, m_config, u"--data"_s, m_dataDir, u"serve"_s, u"--port"_s,
                                                  u"0"_s, u"--port-file"_s, portFile});
        if (!m_process->waitForStarted(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (!QFile::exists(portFile)) {
            if (m_process->state() != QProcess::Running || timer.elapsed() > 30000)
                return false;
            m_process->waitForFinished(20);
        }
        QFile f(portFile);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        m_port = f.readAll().trimmed().toInt();
        return m_port > 0;
    }

    int stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return m_process ? m_process->exitCode() : 0;
        ::kill(pid_t(m_process->processId()), SIGTERM);
        m_process->waitForFinished(30000);
        log();
        return m_process->exitCode();
    }

    // Everything the server wrote to stderr since it started.
    QString log()
    {
        if (m_process)
            m_log += m_process->readAllStandardError();
        return QString::fromUtf8(m_log);
    }

    QString baseUrl() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }
    int port() const { return m_port; }

private:
    QString m_dataDir;
    QString m_config;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    int m_port = 0;
};

// A carta-syncd with an editorial team in London (author, reviewer, publisher) and an admin
// for national items (terms, policies), and a client for its public site.
class EditorialServer
{
public:
    explicit EditorialServer(const QString &dataDir) : m_process(dataDir) {}

    SyncdProcess &process() { return m_process; }
    QString siteDir() const { return siteDirOf(m_process); }
    // The site's address as its sitemaps, feeds and robots.txt name it.
    QString siteUrl() const { return m_siteUrl; }

    // The data folder and the team's users.
    void createTeam()
    {
        m_process.init();
        m_tokens.admin = m_process.addUser(u"sam.okafor"_s, u"admin"_s, u"national"_s);
        m_tokens.author = m_process.addUser(u"aisha.khan"_s, u"author"_s, kLondon);
        m_tokens.reviewer = m_process.addUser(u"mei.lin"_s, u"reviewer"_s, kLondon);
        m_tokens.publisher = m_process.addUser(u"ravi.patel"_s, u"publisher"_s, kLondon);
    }

    // Clients for a server at baseUrl whose site is addressed as siteUrl.
    void connectTo(const QString &baseUrl, const QString &siteUrl)
    {
        m_siteUrl = siteUrl;
        m_admin = std::make_unique<HttpClient>(baseUrl, m_tokens.admin);
        m_author = std::make_unique<HttpClient>(baseUrl, m_tokens.author);
        m_reviewer = std::make_unique<HttpClient>(baseUrl, m_tokens.reviewer);
        m_publisher = std::make_unique<HttpClient>(baseUrl, m_tokens.publisher);
        m_site = std::make_unique<HttpClient>(baseUrl, QString());
    }

    // Starts `serve`; siteUrl: the configured site_url, empty for the default (the port's).
    bool start(const QStringList &serveArgs = {}, const QString &siteUrl = QString())
    {
        if (!m_process.start(serveArgs))
            return false;
        connectTo(m_process.baseUrl(), siteUrl.isEmpty() ? m_process.baseUrl() + u"/site"_s : siteUrl);
        return true;
    }

    // The london region term, a national policy, and the london hub that transcludes it,
    // published; true once the hub is on the site.
    bool publishLondon()
    {
        const Item region = term(Vocabulary::Region, kLondon, u"London"_s);
        Item policy = Item::create(ItemType::Policy);
        policy.title = u"Study leave policy"_s;
        policy.slug = u"study-leave-policy"_s;
        policy.as<PolicyFields>().reference = u"HEE-POL-012"_s;
        policy.as<PolicyFields>().effectiveFrom = QDate(2027, 1, 1);
        Paragraph rule;
        rule.id = u"p1"_s;
        rule.markdown = kPolicyText;
        policy.paragraphs = {rule};
        Item hub = page(u"London training hub"_s, kLondon);
        hub.slug = kLondon;
        hub.as<PageFields>().kind = PageKind::RegionalHub;
        Paragraph ref;
        ref.id = u"p2"_s;
        ref.kind = ParagraphKind::PolicyRef;
        ref.target = policy.id;
        hub.paragraphs.append(ref);
        m_regionId = region.id;
        m_policyId = policy.id;
        for (const Item &item : {region, policy, hub}) {
            if (!approve(item) || !publish(item.id))
                return false;
        }
        return waitFor(kHubPath, kPolicyText);
    }

    QUuid regionId() const { return m_regionId; }
    QUuid policyId() const { return m_policyId; }

    // Pushed as a new item, submitted and approved, by the people whose work that is.
    bool approve(const Item &item)
    {
        if (item.tags.regions.isEmpty())
            m_national.insert(item.id);
        const HttpResult r = authorOf(item.id).post(u"/api/v1/push"_s, batch(newBatch(), {change(item)}));
        const JsonValue result = r.json()[u"results"_s].toArray().empty() ? JsonValue() : r.json()[u"results"_s].toArray().at(0);
        if (result[u"status"_s].toString() != u"accepted"_s) {
            qWarning("push of \"%s\" answered %d: %s", qPrintable(item.title), r.status, r.body.constData());
            return false;
        }
        return submitAndApprove(item.id);
    }

    bool submitAndApprove(const QUuid &id)
    {
        return act(authorOf(id), id, u"submit"_s, u"in_review"_s) && act(reviewerOf(id), id, u"approve"_s, u"approved"_s);
    }

    bool publish(const QUuid &id) { return act(publisherOf(id), id, u"publish"_s, u"published"_s); }
    bool archive(const QUuid &id) { return act(publisherOf(id), id, u"archive"_s, u"archived"_s); }
    // An approved item, published by the server's scheduler at `at` (ISO 8601 with an offset).
    bool schedulePublish(const QUuid &id, const QString &at)
    {
        return act(publisherOf(id), id, u"schedule_publish"_s, u"approved"_s, {{u"publish_at"_s, at}});
    }
    // A published item returns to approved.
    bool unpublish(const QUuid &id) { return act(publisherOf(id), id, u"unpublish"_s, u"approved"_s); }

    // An author's edit of an item's latest revision, as a new draft.
    bool edit(const Item &edited)
    {
        const JsonValue now = m_admin->get(u"/api/v1/items/%1"_s.arg(idString(edited.id))).json();
        const HttpResult r = authorOf(edited.id).post(u"/api/v1/push"_s,
                                                      batch(newBatch(), {change(edited, now[u"revision"_s].toString())}));
        const JsonValue result = r.json()[u"results"_s].toArray().empty() ? JsonValue() : r.json()[u"results"_s].toArray().at(0);
        if (result[u"status"_s].toString() != u"accepted"_s || result[u"item"_s][u"state"_s].toString() != u"draft"_s) {
            qWarning("edit of \"%s\" answered %d: %s", qPrintable(edited.title), r.status, r.body.constData());
            return false;
        }
        return true;
    }

    // An edit that goes through review and is published.
    bool publishEdit(const Item &edited) { return edit(edited) && submitAndApprove(edited.id) && publish(edited.id); }

    Item latest(const QUuid &id)
    {
        return itemFromJson(m_admin->get(u"/api/v1/items/%1"_s.arg(idString(id))).json()[u"item"_s]).value();
    }

    // A file of the site, by its site path ("/news/x/").
    HttpResult get(const QString &sitePath) { return m_site->get(u"/site"_s + sitePath); }
    HttpResult head(const QString &sitePath) { return m_site->request("HEAD", u"/site"_s + sitePath); }
    bool shows(const QString &sitePath, const QString &text)
    {
        const HttpResult r = get(sitePath);
        return r.status == 200 && r.body.contains(text.toUtf8());
    }
    bool waitFor(const QString &sitePath, const QString &text)
    {
        QElapsedTimer timer;
        timer.start();
        while (!shows(sitePath, text)) {
            if (timer.elapsed() > kSiteTimeoutMs) {
                qWarning("%s never showed \"%s\"", qPrintable(sitePath), qPrintable(text));
                return false;
            }
            QTest::qWait(50);
        }
        return true;
    }
    // Every search document ("t" title, "u" path) of every shard the index names, by shard.
    QHash<QString, QList<QJsonObject>> searchDocuments()
    {
        QHash<QString, QList<QJsonObject>> out;
        const QJsonArray shards = QJsonDocument::fromJson(get(u"/search/index.json"_s).body).object()[u"shards"_s].toArray();
        for (const QJsonValue &shard : shards) {
            // As search.js fetches it: "shard-3.json?v=<hash>".
            const HttpResult r = get(u"/search/"_s + shard.toString());
            const QString name = shard.toString().section(u'?', 0, 0);
            out[name];
            for (const QJsonValue &doc : QJsonDocument::fromJson(r.body).object()[u"docs"_s].toArray())
                out[name].append(doc.toObject());
        }
        return out;
    }

private:
    bool act(HttpClient &client, const QUuid &id, const QString &action, const QString &expectedState, JsonObject request = {})
    {
        request[u"action"_s] = action;
        const HttpResult r = client.post(actionsPath(id), JsonValue(std::move(request)));
        if (r.status != 200 || r.json()[u"state"_s].toString() != expectedState) {
            qWarning("%s of %s answered %d: %s", qPrintable(action), qPrintable(idString(id)), r.status, r.body.constData());
            return false;
        }
        return true;
    }
    HttpClient &authorOf(const QUuid &id) { return m_national.contains(id) ? *m_admin : *m_author; }
    HttpClient &reviewerOf(const QUuid &id) { return m_national.contains(id) ? *m_admin : *m_reviewer; }
    HttpClient &publisherOf(const QUuid &id) { return m_national.contains(id) ? *m_admin : *m_publisher; }

    SyncdProcess m_process;
    struct
    {
        QString admin, author, reviewer, publisher;
    } m_tokens;
    QString m_siteUrl;
    QUuid m_regionId, m_policyId;
    QSet<QUuid> m_national;
    std::unique_ptr<HttpClient> m_admin, m_author, m_reviewer, m_publisher, m_site;
};

} // namespace

class tst_SitePublish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void publishPutsTheItemOnEveryPartOfTheSite();
    void servingAnswersFromTheCurrentReleaseOnly();
    void unpublishedRevisionsNeverReachTheSite();
    void unpublishTakesTheItemOutOfEveryFile();
    void publishedEditReplacesTheOldRevisionEverywhere();
    void twoItemsWithOneSlugKeepEveryAddressCurrent();
    void scheduledPublishAndArchiveReachTheSite();
    void readersGetWholePagesWhilePublishesSwitchCurrent();
    void releasesAreListedAndRolledBack();
    void onlyTheNewestReleasesAreKept();
    void restartWithTheSameAddressKeepsTheRelease();
    void incrementalReleasesMatchARebuild();

private:
    QTemporaryDir m_dir;
    // The London content every test on it builds on; each test adds items of its own.
    std::unique_ptr<EditorialServer> m_london;
};

void tst_SitePublish::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_london = std::make_unique<EditorialServer>(m_dir.filePath(u"london/data"_s));
    m_london->createTeam();
    QVERIFY(m_london->start());
    QVERIFY(m_london->publishLondon());
}

void tst_SitePublish::cleanupTestCase()
{
    if (m_london)
        QCOMPARE(m_london->process().stop(), 0);
}

void tst_SitePublish::publishPutsTheItemOnEveryPartOfTheSite()
{
    EditorialServer &m = *m_london;
    const QString word = uniqueWord(u"Rota"_s);
    const Item news = newsItem(u"Fair \"rotas\" & <safe> hours for junior doctors' %1"_s.arg(word), u"fair-rotas-"_s + word.toLower(),
                               u"Rotas are published eight weeks ahead."_s, QDate(2027, 6, 1));
    const QString path = newsPath(news);
    const QString url = m.siteUrl() + path;
    QVERIFY(m.approve(news));
    QVERIFY(m.publish(news.id));

    // The page, with the title escaped.
    QTRY_COMPARE_WITH_TIMEOUT(m.get(path).status, 200, kSiteTimeoutMs);
    const HttpResult pageResult = m.get(path);
    QVERIFY(isWholePage(pageResult.body));
    QVERIFY2(pageResult.body.contains(u"<h1"_s.toUtf8()) && pageResult.body.contains(htmlEscaped(news.title).toUtf8()),
             pageResult.body.constData());
    QVERIFY2(!pageResult.body.contains("<safe>"), "the title reached the page unescaped");
    QVERIFY(pageResult.body.contains("Rotas are published eight weeks ahead."));
    const HttpResult headResult = m.head(path);
    QCOMPARE(headResult.status, 200);
    QVERIFY(headResult.body.isEmpty());

    // The region's news, newest first, and the hub's latest news.
    const HttpResult listing = m.get(kLondonNews);
    QCOMPARE(listing.status, 200);
    QVERIFY(isWholePage(listing.body));
    QVERIFY2(listing.body.contains((u"href=\"/site"_s + path + u"\">"_s + htmlEscaped(news.title) + u"</a>"_s).toUtf8()),
             listing.body.constData());
    const HttpResult hub = m.get(kHubPath);
    QCOMPARE(hub.status, 200);
    QVERIFY(hub.body.contains(htmlEscaped(news.title).toUtf8()));
    QVERIFY(hub.body.contains(u"London training hub"_s.toUtf8()));
    QVERIFY2(hub.body.contains(kPolicyText.toUtf8()), "the policy is not transcluded into the hub");
    QVERIFY(m.shows(u"/policies/study-leave-policy/"_s, kPolicyText));

    // The sitemap index names the item's shard, which names the item's address.
    const QString shard = idString(news.id).left(1);
    QVERIFY(m.shows(u"/sitemap.xml"_s, u"<loc>"_s + m.siteUrl() + u"/sitemaps/"_s + shard + u".xml</loc>"_s));
    QVERIFY(m.shows(u"/sitemap.xml"_s, u"<loc>"_s + m.siteUrl() + u"/sitemaps/pages.xml</loc>"_s));
    const HttpResult sitemap = m.get(u"/sitemaps/"_s + shard + u".xml"_s);
    QCOMPARE(sitemap.status, 200);
    QVERIFY2(sitemap.body.contains((u"<loc>"_s + url + u"</loc>"_s).toUtf8()), sitemap.body.constData());
    int inSitemaps = 0;
    for (int i = 0; i < 16; ++i)
        inSitemaps += m.get(u"/sitemaps/%1.xml"_s.arg(i, 0, 16)).body.count(url.toUtf8());
    QCOMPARE(inSitemaps, 1);

    // The region's Atom feed.
    const HttpResult feed = m.get(kLondonFeed);
    QCOMPARE(feed.status, 200);
    QVERIFY2(feed.body.contains((u"<title>"_s + xmlEscaped(news.title) + u"</title>"_s).toUtf8()), feed.body.constData());
    QVERIFY(feed.body.contains((u"href=\""_s + xmlEscaped(url) + u"\""_s).toUtf8()));

    // The search shards, fetched as the index names them: exactly one document, in its shard.
    const QHash<QString, QList<QJsonObject>> docs = m.searchDocuments();
    QCOMPARE(docs.size(), 16);
    QStringList foundIn;
    for (auto it = docs.cbegin(); it != docs.cend(); ++it) {
        for (const QJsonObject &doc : it.value()) {
            if (doc[u"t"_s].toString() == news.title) {
                foundIn.append(it.key());
                QCOMPARE(doc[u"u"_s].toString(), path);
            }
        }
    }
    QCOMPARE(foundIn, QStringList{u"shard-"_s + shard + u".json"_s});

    const HttpResult robots = m.get(u"/robots.txt"_s);
    QCOMPARE(robots.status, 200);
    QVERIFY2(robots.body.contains((u"Sitemap: "_s + m.siteUrl() + u"/sitemap.xml\n"_s).toUtf8()), robots.body.constData());
}

void tst_SitePublish::servingAnswersFromTheCurrentReleaseOnly()
{
    EditorialServer &m = *m_london;
    const HttpResult home = m.get(u"/"_s);
    QCOMPARE(home.status, 200);
    QVERIFY(isWholePage(home.body));
    // A folder without its slash is redirected to it.
    const int port = m.process().port();
    QCOMPARE(rawStatus(port, "GET", "/site"), 301);
    QCOMPARE(rawStatus(port, "GET", "/site/regions/london"), 301);
    QVERIFY(m.shows(u"/regions/london"_s, u"London training hub"_s));
    // A missing page: the site's own 404 page.
    const HttpResult missing = m.get(u"/regions/atlantis/"_s);
    QCOMPARE(missing.status, 404);
    QVERIFY(isWholePage(missing.body));
    QVERIFY(missing.body.contains("Page not found"));
    QCOMPARE(m.head(u"/regions/atlantis/"_s).status, 404);
    // Nothing outside the release, and none of its hidden files.
    QCOMPARE(rawStatus(port, "GET", "/site/.carta-site"), 404);
    QCOMPARE(rawStatus(port, "GET", "/site/../carta.db"), 404);
    QCOMPARE(rawStatus(port, "GET", "/site/%2e%2e/%2e%2e/repo.git/HEAD"), 404);
    QCOMPARE(rawStatus(port, "GET", "/site/..%2fcurrent/index.html"), 404);
    // Read only.
    QCOMPARE(rawStatus(port, "DELETE", "/site/"), 405);
}

void tst_SitePublish::unpublishedRevisionsNeverReachTheSite()
{
    EditorialServer &m = *m_london;
    const QString liveWord = uniqueWord(u"Livewire"_s);
    const QString draftWord = uniqueWord(u"Draftword"_s);
    const QString approvedWord = uniqueWord(u"Approvedonly"_s);
    const Item news = newsItem(u"Induction day moves to Monday "_s + liveWord, u"induction-"_s + liveWord.toLower(),
                               u"Induction starts at nine."_s, QDate(2027, 5, 1));
    QVERIFY(m.approve(news));
    QVERIFY(m.publish(news.id));
    QVERIFY(m.waitFor(newsPath(news), liveWord));

    // A new draft of the published item, with a new title, slug and text, reviewed and
    // approved, but not published.
    Item draft = m.latest(news.id);
    draft.title = u"Induction day moves to Tuesday "_s + draftWord;
    draft.slug = u"induction-"_s + draftWord.toLower();
    draft.summary = u"Summary of "_s + draftWord;
    draft.paragraphs[0].markdown = u"Induction starts at ten. "_s + draftWord;
    QVERIFY(m.edit(draft));
    QVERIFY(m.submitAndApprove(news.id));
    // A new item, only ever approved.
    Item approvedOnly = newsItem(u"Study days for "_s + approvedWord, u"study-days-"_s + approvedWord.toLower(),
                                 u"Apply by the end of the month. "_s + approvedWord);
    approvedOnly.id = idInShardOf(news.id);
    QVERIFY(m.approve(approvedOnly));

    // A later publish in the same region and shards: the site is rebuilt from live after both.
    const QString markerWord = uniqueWord(u"Marker"_s);
    Item marker = newsItem(u"Parking at the education centre "_s + markerWord, u"parking-"_s + markerWord.toLower(),
                           u"The car park reopens."_s, QDate(2027, 5, 2));
    marker.id = idInShardOf(news.id);
    QVERIFY(m.approve(marker));
    QVERIFY(m.publish(marker.id));
    QVERIFY(m.waitFor(kLondonNews, markerWord));

    const QString shard = idString(news.id).left(1);
    // The words in any case: the slugs carry them in lowercase.
    const QList<QByteArray> unpublished = {draftWord.toUtf8(), draftWord.toLower().toUtf8(), approvedWord.toUtf8(),
                                           approvedWord.toLower().toUtf8()};
    const auto showsNoneOf = [&](const QByteArray &body) {
        return std::none_of(unpublished.cbegin(), unpublished.cend(), [&](const QByteArray &w) { return body.contains(w); });
    };
    // What the site shows of the item is its published revision.
    for (const QString &path : {newsPath(news), kLondonNews, kHubPath, kLondonFeed}) {
        const HttpResult r = m.get(path);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains(liveWord.toUtf8()), qPrintable(path));
        QVERIFY2(showsNoneOf(r.body), qPrintable(path + u" shows an unpublished revision"_s));
        QVERIFY2(r.body.contains(markerWord.toUtf8()) || path == newsPath(news), qPrintable(path));
    }
    QCOMPARE(m.get(newsPath(draft)).status, 404);
    QCOMPARE(m.get(newsPath(approvedOnly)).status, 404);
    const HttpResult sitemap = m.get(u"/sitemaps/"_s + shard + u".xml"_s);
    QVERIFY(sitemap.body.contains((m.siteUrl() + newsPath(news)).toUtf8()));
    QVERIFY(sitemap.body.contains((m.siteUrl() + newsPath(marker)).toUtf8()));
    QVERIFY(showsNoneOf(sitemap.body));
    const QHash<QString, QList<QJsonObject>> docs = m.searchDocuments();
    QCOMPARE(docs.size(), 16);
    bool liveFound = false;
    for (const QList<QJsonObject> &shardDocs : docs) {
        for (const QJsonObject &doc : shardDocs) {
            const QByteArray text = QJsonDocument(doc).toJson(QJsonDocument::Compact);
            QVERIFY2(showsNoneOf(text), text.constData());
            liveFound = liveFound || (doc[u"t"_s].toString() == news.title && doc[u"u"_s].toString() == newsPath(news));
        }
    }
    QVERIFY(liveFound);
    // Nowhere in the release: no page, listing, feed, sitemap, search shard or stray file.
    QCOMPARE(filesContaining(m.siteDir(), unpublished), QStringList());
    QVERIFY(!filesContaining(m.siteDir(), {liveWord.toUtf8()}).isEmpty());
}

void tst_SitePublish::unpublishTakesTheItemOutOfEveryFile()
{
    EditorialServer &m = *m_london;
    const QString word = uniqueWord(u"Withdrawn"_s);
    const Item news = newsItem(u"Simulation suite opens "_s + word, u"simulation-"_s + word.toLower(), u"Book a session."_s, QDate(2027, 7, 1));
    QVERIFY(m.approve(news));
    QVERIFY(m.publish(news.id));
    QVERIFY(m.waitFor(newsPath(news), word));
    QVERIFY(m.waitFor(kLondonNews, word));
    // Its page, the listing, the hub, the feed, its sitemap and its search shard name it.
    const QList<QByteArray> needles = {word.toUtf8(), word.toLower().toUtf8()}; // the slug has it in lowercase
    const QStringList before = filesContaining(m.siteDir(), needles);
    QVERIFY2(before.size() >= 6, qPrintable(before.join(u", "_s)));
    QVERIFY2(before.contains(u"sitemaps/"_s + idString(news.id).left(1) + u".xml"_s), qPrintable(before.join(u", "_s)));

    QVERIFY(m.unpublish(news.id));
    QTRY_COMPARE_WITH_TIMEOUT(m.get(newsPath(news)).status, 404, kSiteTimeoutMs);
    const HttpResult gone = m.get(newsPath(news));
    QVERIFY(isWholePage(gone.body));
    QVERIFY2(gone.body.contains("Page not found"), gone.body.constData());
    QCOMPARE(filesContaining(m.siteDir(), needles), QStringList());
    QVERIFY(!m.get(kLondonNews).body.contains(word.toUtf8()));
}

void tst_SitePublish::publishedEditReplacesTheOldRevisionEverywhere()
{
    EditorialServer &m = *m_london;
    const QString oldWord = uniqueWord(u"Oldtitle"_s);
    const QString newWord = uniqueWord(u"Newtitle"_s);
    const Item news = newsItem(u"Clinic rooms in block A "_s + oldWord, u"clinic-rooms-"_s + oldWord.toLower(),
                               u"Bring your badge. "_s + oldWord, QDate(2027, 4, 1));
    QVERIFY(m.approve(news) && m.publish(news.id));
    QVERIFY(m.waitFor(kLondonNews, oldWord));

    // A new title, address and text, reviewed and published.
    Item edited = m.latest(news.id);
    edited.title = u"Clinic rooms move to block B "_s + newWord;
    edited.slug = u"clinic-rooms-"_s + newWord.toLower();
    edited.paragraphs[0].markdown = u"Bring your badge. "_s + newWord;
    QVERIFY(m.publishEdit(edited));
    QVERIFY(m.waitFor(newsPath(edited), newWord));
    QCOMPARE(m.get(newsPath(news)).status, 404);
    QCOMPARE(filesContaining(m.siteDir(), {oldWord.toUtf8(), oldWord.toLower().toUtf8()}), QStringList());
    const QStringList now = filesContaining(m.siteDir(), {newWord.toUtf8(), newWord.toLower().toUtf8()});
    const QString shard = idString(news.id).left(1);
    for (const QString &file : QStringList{newsPath(edited).mid(1) + u"index.html"_s, u"regions/london/news/index.html"_s,
                                u"feeds/regions/london.xml"_s, u"sitemaps/"_s + shard + u".xml"_s,
                                u"search/shard-"_s + shard + u".json"_s})
        QVERIFY2(now.contains(file), qPrintable(file + u" does not show the edit; these do: "_s + now.join(u", "_s)));
}

// Two live items with one slug: the smaller id keeps the address, the other gets one with
// the start of its id, and every file that names either follows when that changes.
void tst_SitePublish::twoItemsWithOneSlugKeepEveryAddressCurrent()
{
    EditorialServer &m = *m_london;
    const QString slug = u"rota-swaps-"_s + uniqueWord(u"s"_s).toLower();
    const QString bigWord = uniqueWord(u"Bigid"_s);
    const QString smallWord = uniqueWord(u"Smallid"_s);
    Item big = newsItem(u"Rota swaps "_s + bigWord, slug, u"Swap by email."_s, QDate(2027, 4, 2));
    big.id = idInShard(u'c');
    Item small = newsItem(u"Rota swaps "_s + smallWord, slug, u"Swap in the app."_s, QDate(2027, 4, 3));
    small.id = idInShard(u'2');
    const QString shared = u"/news/"_s + slug + u'/';
    const QString bigOwn = u"/news/"_s + slug + u'-' + idString(big.id).left(8) + u'/';

    // Where the item with the larger id is named: its sitemap, its search document, the listing.
    const auto namedAt = [&](const QString &path) {
        const QByteArray sitemap = m.get(u"/sitemaps/c.xml"_s).body;
        const QByteArray sitemapLoc = (u"<loc>"_s + m.siteUrl() + path + u"</loc>"_s).toUtf8();
        QString searchPath;
        for (const QJsonObject &doc : m.searchDocuments().value(u"shard-c.json"_s)) {
            if (doc[u"t"_s].toString() == big.title)
                searchPath = doc[u"u"_s].toString();
        }
        const QByteArray listingLink = (u"href=\"/site"_s + path + u"\">"_s + big.title).toUtf8();
        QStringList wrong;
        if (!sitemap.contains(sitemapLoc))
            wrong.append(u"sitemaps/c.xml lacks "_s + path);
        if (searchPath != path)
            wrong.append(u"search/shard-c.json has \"%1\""_s.arg(searchPath));
        if (!m.get(kLondonNews).body.contains(listingLink))
            wrong.append(u"the region's news does not link "_s + path);
        if (!m.shows(path, bigWord))
            wrong.append(path + u" does not show it"_s);
        return wrong;
    };

    QVERIFY(m.approve(big) && m.publish(big.id));
    QVERIFY(m.waitFor(shared, bigWord));
    {
        const QStringList wrong = namedAt(shared);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));
    }

    // The smaller id takes the address; the other moves, everywhere.
    QVERIFY(m.approve(small) && m.publish(small.id));
    QVERIFY(m.waitFor(shared, smallWord));
    QVERIFY(m.waitFor(bigOwn, bigWord));
    {
        const QStringList wrong = namedAt(bigOwn);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));
    }
    QVERIFY(!m.get(u"/sitemaps/c.xml"_s).body.contains((u"<loc>"_s + m.siteUrl() + shared + u"</loc>"_s).toUtf8()));

    // Gone again: the address is the other item's once more.
    QVERIFY(m.unpublish(small.id));
    QVERIFY(m.waitFor(shared, bigWord));
    QCOMPARE(m.get(bigOwn).status, 404);
    {
        const QStringList wrong = namedAt(shared);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));
    }
    QCOMPARE(filesContaining(m.siteDir(), {smallWord.toUtf8()}), QStringList());
}

void tst_SitePublish::scheduledPublishAndArchiveReachTheSite()
{
    const QString clock = m_dir.filePath(u"schedule-clock"_s);
    QVERIFY(setSyncdClock(clock, QDateTime::fromString(u"2027-03-20T09:00:00Z"_s, Qt::ISODate)));
    EditorialServer m(m_dir.filePath(u"schedule/data"_s));
    qputenv("CARTA_SYNCD_CLOCK_FILE", QFile::encodeName(clock));
    const auto unsetClock = qScopeGuard([] { qunsetenv("CARTA_SYNCD_CLOCK_FILE"); });
    m.createTeam();
    QVERIFY(m.start({u"--schedule-interval-seconds"_s, u"1"_s}));
    qunsetenv("CARTA_SYNCD_CLOCK_FILE"); // only this server's clock is the file
    QVERIFY(m.publishLondon());

    const QString word = uniqueWord(u"Scheduled"_s);
    const Item news = newsItem(u"Spring school "_s + word, u"spring-school-"_s + word.toLower(), u"Registration opens."_s);
    QVERIFY(m.approve(news));
    QVERIFY(m.schedulePublish(news.id, u"2027-03-20T09:05:00+00:00"_s));
    QCOMPARE(m.get(newsPath(news)).status, 404);
    QVERIFY(setSyncdClock(clock, QDateTime::fromString(u"2027-03-20T09:05:00Z"_s, Qt::ISODate)));
    QVERIFY(m.waitFor(newsPath(news), word));
    QVERIFY(m.waitFor(kLondonNews, word));

    QVERIFY(m.archive(news.id));
    QTRY_COMPARE_WITH_TIMEOUT(m.get(newsPath(news)).status, 404, kSiteTimeoutMs);
    QCOMPARE(filesContaining(m.siteDir(), {word.toUtf8(), word.toLower().toUtf8()}), QStringList());
    QCOMPARE(m.process().stop(), 0);
}

void tst_SitePublish::readersGetWholePagesWhilePublishesSwitchCurrent()
{
    EditorialServer &m = *m_london;
    const QString word = uniqueWord(u"Flicker"_s);
    const Item news = newsItem(u"Exam results day "_s + word, u"exam-results-"_s + word.toLower(), u"Results at noon."_s);
    QVERIFY(m.approve(news));
    const QByteArray link = (u"href=\"/site"_s + newsPath(news) + u'"').toUtf8();
    const QString siteDir = m.siteDir();
    const QString baseUrl = m.process().baseUrl();

    // A reader on a thread of its own: the region's news and the item's page, in turn.
    std::atomic<bool> stop = false;
    std::atomic<int> reads = 0;
    std::atomic<int> listedReads = 0;
    std::atomic<int> unlistedReads = 0;
    std::mutex problemsMutex;
    QStringList problems;
    QThread *reader = QThread::create([&] {
        HttpClient client(baseUrl, QString());
        static const QRegularExpression releaseName(u"^\\d{6,}-\\d{8}T\\d{6}Z-[0-9a-f]{0,40}$"_s);
        for (int n = 0; !stop; ++n) {
            const bool listing = n % 2 == 0;
            const HttpResult r = client.get(u"/site"_s + (listing ? kLondonNews : newsPath(news)));
            QString problem;
            if (!r.error.isEmpty())
                problem = u"network error: "_s + r.error;
            else if (!isWholePage(r.body))
                problem = u"not a whole page (%1 bytes): %2"_s.arg(r.body.size()).arg(QString::fromUtf8(r.body.right(120)));
            else if (listing && r.status != 200)
                problem = u"the listing answered %1"_s.arg(r.status);
            else if (!listing && r.status == 200 && !r.body.contains(word.toUtf8()))
                problem = u"the item's page without its title"_s;
            else if (!listing && r.status == 404 && !r.body.contains("Page not found"))
                problem = u"a 404 without the site's 404 page"_s;
            else if (!listing && r.status != 200 && r.status != 404)
                problem = u"the item's page answered %1"_s.arg(r.status);
            if (listing && problem.isEmpty())
                ++(r.body.contains(link) ? listedReads : unlistedReads);
            const QString target = QFile::symLinkTarget(siteDir + u"/current"_s);
            if (problem.isEmpty() && (!QFileInfo(target).isDir() || !releaseName.match(QFileInfo(target).fileName()).hasMatch()))
                problem = u"current points at \"%1\""_s.arg(target);
            if (!problem.isEmpty()) {
                std::lock_guard lock(problemsMutex);
                if (problems.size() < 20)
                    problems.append(u"read %1: %2"_s.arg(n).arg(problem));
            }
            ++reads;
        }
    });
    reader->start();
    const auto finishReader = qScopeGuard([&] {
        stop = true;
        reader->wait();
        delete reader;
    });

    // Each state in turn, read by the reader after the site shows it.
    constexpr int kSwitches = 16;
    for (int i = 0; i < kSwitches; ++i) {
        const bool publish = i % 2 == 0;
        QVERIFY(publish ? m.publish(news.id) : m.unpublish(news.id));
        QVERIFY2(waitFor([&] { return m.get(kLondonNews).body.contains(link) == publish; }, kSiteTimeoutMs),
                 qPrintable(u"the site did not follow action %1"_s.arg(i)));
        const int seen = reads;
        QVERIFY(waitFor([&] { return reads >= seen + 4; }, 30000));
    }
    // A burst of actions without waiting: the site ends level with live.
    for (int i = 0; i < 5; ++i)
        QVERIFY(i % 2 == 0 ? m.publish(news.id) : m.unpublish(news.id));
    QVERIFY2(waitFor([&] { return m.get(kLondonNews).body.contains(link); }, kSiteTimeoutMs),
             "the site did not end level with live after a burst of actions");
    QVERIFY(m.shows(newsPath(news), word));
    const int seen = reads;
    QVERIFY(waitFor([&] { return reads >= seen + 4; }, 30000));

    stop = true;
    reader->wait();
    std::lock_guard lock(problemsMutex);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    QVERIFY2(listedReads >= kSwitches / 2 && unlistedReads >= kSwitches / 2,
             qPrintable(u"listed %1, unlisted %2 of %3 reads"_s.arg(listedReads.load()).arg(unlistedReads.load()).arg(reads.load())));
}

void tst_SitePublish::releasesAreListedAndRolledBack()
{
    EditorialServer m(m_dir.filePath(u"rollback/data"_s));
    m.createTeam();
    QVERIFY(m.start());
    QVERIFY(m.publishLondon());
    const Item first = newsItem(u"Trainee forum in March"_s, u"trainee-forum-march"_s, u"Join us."_s, QDate(2027, 3, 1));
    const Item second = newsItem(u"Trainee forum in April"_s, u"trainee-forum-april"_s, u"Join us again."_s, QDate(2027, 4, 1));
    QVERIFY(m.approve(first) && m.publish(first.id));
    QVERIFY(m.waitFor(newsPath(first), first.title));
    QVERIFY(m.approve(second) && m.publish(second.id));
    QVERIFY(m.waitFor(newsPath(second), second.title));

    // Listed while the server runs, oldest first, the newest current.
    const QStringList listed = siteList(m.process());
    QVERIFY2(listed.size() >= 3, qPrintable(listed.join(u'\n')));
    QCOMPARE(markedCurrent(listed).size(), 1);
    QVERIFY(listed.last().startsWith(u"* "_s));
    const QString newest = listedId(listed.last());
    const QString previous = listedId(listed.at(listed.size() - 2));
    QCOMPARE(currentRelease(m.siteDir()), newest);
    QStringList ids;
    for (const QString &line : listed)
        ids.append(listedId(line));
    QCOMPARE(ids, releaseFolders(m.siteDir()));

    // Back one release: the site as it was before the second item.
    CommandResult r = runSyncd(m.process(), QString(), {u"site"_s, u"rollback"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(currentRelease(m.siteDir()), previous);
    QCOMPARE(m.get(newsPath(second)).status, 404);
    QVERIFY(m.shows(newsPath(first), first.title));
    QVERIFY(!m.get(kLondonNews).body.contains(second.title.toUtf8()));
    QCOMPARE(markedCurrent(siteList(m.process())), QStringList{previous});

    // A release that does not exist: refused, named, and nothing changes.
    const QString bogus = u"999999-nosuchrelease"_s;
    r = runSyncd(m.process(), QString(), {u"site"_s, u"rollback"_s, bogus});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(bogus.toUtf8()), r.err.constData());
    QCOMPARE(currentRelease(m.siteDir()), previous);
    QCOMPARE(markedCurrent(siteList(m.process())), QStringList{previous});
    QCOMPARE(m.get(newsPath(second)).status, 404);

    // Forward again by the release's number alone.
    r = runSyncd(m.process(), QString(), {u"site"_s, u"rollback"_s, newest.section(u'-', 0, 0)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(currentRelease(m.siteDir()), newest);
    QVERIFY(m.shows(newsPath(second), second.title));

    // Rolled back, then a publish: the new release shows all of live, the second item too.
    r = runSyncd(m.process(), QString(), {u"site"_s, u"rollback"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(m.get(newsPath(second)).status, 404);
    const Item third = newsItem(u"Trainee forum in May"_s, u"trainee-forum-may"_s, u"And again."_s, QDate(2027, 5, 1));
    QVERIFY(m.approve(third) && m.publish(third.id));
    QVERIFY(m.waitFor(newsPath(third), third.title));
    QVERIFY(m.shows(newsPath(second), second.title));
    QVERIFY(m.shows(newsPath(first), first.title));
    const HttpResult listing = m.get(kLondonNews);
    const qsizetype may = listing.body.indexOf(third.title.toUtf8());
    const qsizetype april = listing.body.indexOf(second.title.toUtf8());
    const qsizetype march = listing.body.indexOf(first.title.toUtf8());
    QVERIFY2(may >= 0 && may < april && april < march, listing.body.constData()); // newest first
    const QStringList after = siteList(m.process());
    QCOMPARE(markedCurrent(after).size(), 1);
    QVERIFY(after.last().startsWith(u"* "_s));
    QCOMPARE(after.size(), listed.size() + 1);
    QCOMPARE(m.process().stop(), 0);
}

void tst_SitePublish::onlyTheNewestReleasesAreKept()
{
    const QString config = m_dir.filePath(u"keep.conf"_s);
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# two releases: the current one and one to roll back to\nsite_keep_releases = 2\n");
    }
    EditorialServer m(m_dir.filePath(u"keep/data"_s));
    m.process().setConfigFile(config);
    m.createTeam();
    QVERIFY(m.start());
    QVERIFY(m.publishLondon());
    QList<Item> items;
    for (int i = 1; i <= 4; ++i) {
        items.append(newsItem(u"Teaching award %1"_s.arg(i), u"teaching-award-%1"_s.arg(i), u"Congratulations."_s, QDate(2027, 3, i)));
        QVERIFY(m.approve(items.last()) && m.publish(items.last().id));
        QVERIFY(m.waitFor(newsPath(items.last()), items.last().title));
    }
    // Pruned just after `current` moves to the new release.
    QTRY_COMPARE_WITH_TIMEOUT(releaseFolders(m.siteDir()).size(), 2, kSiteTimeoutMs);
    const QStringList folders = releaseFolders(m.siteDir());
    QCOMPARE(folders.last(), currentRelease(m.siteDir()));
    const QStringList listed = siteList(m.process(), config);
    QCOMPARE(listed.size(), 2);
    QCOMPARE(markedCurrent(listed), QStringList{folders.last()});
    QVERIFY2(folders.first().startsWith(u"%1-"_s.arg(folders.last().section(u'-', 0, 0).toInt() - 1, 6, 10, QLatin1Char('0'))),
             qPrintable(folders.join(u", "_s)));
    // The files the kept releases share with the pruned ones are still whole.
    for (const Item &item : std::as_const(items))
        QVERIFY(m.shows(newsPath(item), item.title));
    QCOMPARE(m.process().stop(), 0);
}

void tst_SitePublish::restartWithTheSameAddressKeepsTheRelease()
{
    const QString fixedUrl = u"http://127.0.0.1/site"_s;
    const QString config = m_dir.filePath(u"restart.conf"_s);
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("site_url = " + fixedUrl.toUtf8() + '\n');
    }
    EditorialServer m(m_dir.filePath(u"restart/data"_s));
    m.process().setConfigFile(config);
    m.createTeam();
    LoggedServe serve(m.process().dataDir(), config);
    QVERIFY(serve.start());
    m.connectTo(serve.baseUrl(), fixedUrl);
    QVERIFY(m.publishLondon());
    const Item first = newsItem(u"Wellbeing week"_s, u"wellbeing-week"_s, u"Events every day."_s);
    QVERIFY(m.approve(first) && m.publish(first.id));
    QVERIFY(m.waitFor(newsPath(first), first.title));
    QVERIFY(m.shows(u"/robots.txt"_s, u"Sitemap: "_s + fixedUrl + u"/sitemap.xml"_s));
    const QString release = currentRelease(m.siteDir());
    const QStringList listed = siteList(m.process(), config);
    QCOMPARE(serve.stop(), 0);

    // The same address and the same live: the publisher learns the release, writes nothing.
    QVERIFY(serve.start());
    m.connectTo(serve.baseUrl(), fixedUrl);
    QTRY_VERIFY2_WITH_TIMEOUT(serve.log().contains(u"site up to date: release "_s + release), qPrintable(serve.log()), kSiteTimeoutMs);
    QVERIFY2(!serve.log().contains(u"site built"_s), qPrintable(serve.log()));
    // /metrics counts publishes that made a release: learning one is not a publish.
    HttpClient metrics(serve.baseUrl(), QString());
    const QString built = u"carta_site_publishes_total{result=\"built\"}"_s;
    const QString updatedCount = u"carta_site_publishes_total{result=\"updated\"}"_s;
    QCOMPARE(syncdCounter(metrics, built), 0);
    QCOMPARE(syncdCounter(metrics, updatedCount), 0);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m.shows(newsPath(first), first.title));
        QVERIFY(m.shows(u"/"_s, u"<!DOCTYPE html>"_s));
        QCOMPARE(siteList(m.process(), config), listed);
    }
    QCOMPARE(currentRelease(m.siteDir()), release);

    // The next publish builds on the release it learnt.
    const Item second = newsItem(u"Wellbeing week extended"_s, u"wellbeing-week-extended"_s, u"And next week."_s, QDate(2027, 3, 8));
    QVERIFY(m.approve(second) && m.publish(second.id));
    QVERIFY(m.waitFor(newsPath(second), second.title));
    QVERIFY(m.shows(newsPath(first), first.title));
    QVERIFY(m.shows(kLondonNews, first.title) && m.shows(kLondonNews, second.title));
    QTRY_VERIFY2_WITH_TIMEOUT(serve.log().contains(u"site updated: release "_s), qPrintable(serve.log()), kSiteTimeoutMs);
    QCOMPARE(siteList(m.process(), config).size(), listed.size() + 1);
    QCOMPARE(syncdCounter(metrics, updatedCount), 1);
    QCOMPARE(syncdCounter(metrics, built), 0);
    QVERIFY(syncdCounter(metrics, u"carta_site_pages_rendered_total"_s) > 0);
    QVERIFY(syncdCounter(metrics, u"carta_site_files_written_total"_s) > 0);
    QCOMPARE(syncdCounter(metrics, u"carta_site_publishes_total{result=\"failed\"}"_s), 0);
    const QString updated = currentRelease(m.siteDir());
    QCOMPARE(serve.stop(), 0);

    // Another address: every link changes, so the site is built again.
    const QString otherConfig = m_dir.filePath(u"restart-other.conf"_s);
    {
        QFile f(otherConfig);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# no site_url: the listening address and port\n");
    }
    LoggedServe other(m.process().dataDir(), otherConfig);
    QVERIFY(other.start());
    m.connectTo(other.baseUrl(), other.baseUrl() + u"/site"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(other.log().contains(u"site built: release "_s), qPrintable(other.log()), kSiteTimeoutMs);
    QVERIFY(currentRelease(m.siteDir()) != updated);
    QVERIFY(m.shows(u"/robots.txt"_s, u"Sitemap: "_s + other.baseUrl() + u"/site/sitemap.xml"_s));
    QVERIFY(m.shows(newsPath(second), second.title));
    QCOMPARE(other.stop(), 0);
}

// The site after many small publishes is the site rendered from scratch, file for file.
void tst_SitePublish::incrementalReleasesMatchARebuild()
{
    const QString fixedUrl = u"https://learning.example.org"_s;
    const QString config = m_dir.filePath(u"rebuild.conf"_s);
    QVERIFY(writeFile(config, "site_url = " + fixedUrl.toUtf8() + '\n'));
    EditorialServer m(m_dir.filePath(u"rebuild/data"_s));
    m.process().setConfigFile(config);
    m.createTeam();
    QVERIFY(m.start({}, fixedUrl));
    QVERIFY(m.publishLondon());

    QList<Item> news;
    for (int i = 0; i < 3; ++i) {
        news.append(newsItem(u"Regional update %1"_s.arg(i + 1), u"regional-update-%1"_s.arg(i + 1), u"Details follow."_s,
                             QDate(2027, 2, 10 + i)));
        QVERIFY(m.approve(news.last()) && m.publish(news.last().id));
    }
    QVERIFY(m.waitFor(kLondonNews, news.last().title));
    // A new title that sorts the listing differently.
    Item retitled = m.latest(news[0].id);
    retitled.title = u"Zonal regional update"_s;
    retitled.as<NewsFields>().date = QDate(2027, 2, 20);
    QVERIFY(m.publishEdit(retitled));
    QVERIFY(m.waitFor(newsPath(retitled), retitled.title));
    // A new address.
    Item moved = m.latest(news[1].id);
    moved.slug = u"regional-update-two"_s;
    QVERIFY(m.publishEdit(moved));
    QVERIFY(m.waitFor(newsPath(moved), moved.title));
    // Unpublished.
    QVERIFY(m.unpublish(news[2].id));
    QTRY_COMPARE_WITH_TIMEOUT(m.get(newsPath(news[2])).status, 404, kSiteTimeoutMs);
    // The policy the hub transcludes, and the region's name.
    Item policy = m.latest(m.policyId());
    policy.paragraphs[0].markdown = u"Study leave is granted for up to forty days a year."_s;
    QVERIFY(m.publishEdit(policy));
    QVERIFY(m.waitFor(kHubPath, policy.paragraphs[0].markdown));
    Item region = m.latest(m.regionId());
    region.title = u"Greater London"_s;
    QVERIFY(m.publishEdit(region));
    QVERIFY(m.waitFor(kLondonNews, u"Greater London"_s));
    // Two items with one slug, the second with the smaller id; then one archived.
    Item later = newsItem(u"Shared address, later"_s, u"shared-address"_s, u"One."_s, QDate(2027, 2, 21));
    later.id = idInShard(u'e');
    Item earlier = newsItem(u"Shared address, earlier"_s, u"shared-address"_s, u"Two."_s, QDate(2027, 2, 22));
    earlier.id = idInShard(u'1');
    QVERIFY(m.approve(later) && m.publish(later.id));
    QVERIFY(m.waitFor(u"/news/shared-address/"_s, later.title));
    QVERIFY(m.approve(earlier) && m.publish(earlier.id));
    QVERIFY(m.waitFor(u"/news/shared-address/"_s, earlier.title));
    QVERIFY(m.archive(retitled.id));
    QTRY_COMPARE_WITH_TIMEOUT(m.get(newsPath(retitled)).status, 404, kSiteTimeoutMs);

    const QString incremental = currentRelease(m.siteDir());
    QCOMPARE(m.process().stop(), 0);
    const CommandResult rebuilt = runSyncd(m.process(), config, {u"site"_s, u"rebuild"_s});
    QVERIFY2(rebuilt.exitCode == 0, rebuilt.err.constData());
    const QString full = currentRelease(m.siteDir());
    QVERIFY(full != incremental);

    const QMap<QString, QByteArray> before = releaseFiles(m.siteDir() + u"/releases/"_s + incremental);
    const QMap<QString, QByteArray> after = releaseFiles(m.siteDir() + u"/releases/"_s + full);
    QStringList differences;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            differences.append(it.key() + u": missing from the incremental release"_s);
        else if (before.value(it.key()) != it.value())
            differences.append(it.key() + u": differs: "_s + firstDifference(before.value(it.key()), it.value()));
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            differences.append(it.key() + u": only in the incremental release"_s);
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u"\n"_s)));
}

QTEST_GUILESS_MAIN(tst_SitePublish)
#include "tst_sitepublish.moc"
