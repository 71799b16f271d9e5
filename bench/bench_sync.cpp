// Sync server benchmark against a real carta-syncd on the demo content: pushes per second
// with 1 and 8 clients and a full pull, each beside its peer measured in the same run on the
// same repository (the git command line committing one changed file, and `git clone`); one
// edit pushed by one client and seen by a second one polling for changes; and 200 clients
// syncing at once. No peer for the last two.
//   bench_sync [scale] [pushes]
#include "../tests/common/syncdprocess.h"
#include "figures.h"

#include "model/item.h"
#include "model/json.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;
using carta::bench::figure;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

QString fixed(double value, int decimals) { return QString::number(value, 'f', decimals); }

struct Timing
{
    QList<double> ms;
    double totalSeconds = 0;
    double percentile(double p) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted[qsizetype(std::min<double>(double(sorted.size() - 1), p / 100.0 * double(sorted.size())))];
    }
};

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// A blocking HTTP/1.1 client on a plain socket, for the measurements where many clients run
// at once: no event loop or helper thread per client, so the latencies are the server's and
// the network's, not Qt's scheduling. Keeps its connection alive; Content-Length bodies only
// (what carta-syncd sends).
class SocketClient
{
public:
    SocketClient(int port, QByteArray token) : m_port(port), m_token(std::move(token)) {}
    ~SocketClient() { disconnect(); }
    SocketClient(const SocketClient &) = delete;
    SocketClient &operator=(const SocketClient &) = delete;

    HttpResult request(const QByteArray &verb, const QByteArray &path, const QByteArray &body = QByteArray())
    {
        HttpResult result;
        if (m_fd < 0 && !connectToServer()) {
            result.error = S("connect failed");
            return result;
        }
        QByteArray head = verb + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n";
        if (!body.isNull())
            head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        const QByteArray message = head + "\r\n" + body;
        if (!sendAll(message) || !readResponse(result)) {
            disconnect();
            if (result.error.isEmpty())
                result.error = S("connection lost");
        }
        return result;
    }

    void disconnect()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_buffer.clear();
    }

private:
    bool connectToServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return false;
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        timeval timeout{60, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(m_port));
        address.sin_addr.s_addr = htonl(0x7f000001U); // 127.0.0.1
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            disconnect();
            return false;
        }
        return true;
    }

    bool sendAll(const QByteArray &data)
    {
        qsizetype sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }

    bool fill()
    {
        char chunk[65536];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, n);
        return true;
    }

    bool readResponse(HttpResult &result)
    {
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill())
                return false;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        result.status = lines.value(0).split(' ').value(1).toInt();
        qsizetype length = 0;
        bool close = false;
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding") {
                result.error = S("unexpected Transfer-Encoding");
                return false;
            } else if (name == "connection" && value.toLower() == "close")
                close = true;
        }
        m_buffer.remove(0, end + 4);
        while (m_buffer.size() < length) {
            if (!fill())
                return false;
        }
        result.body = m_buffer.left(length);
        m_buffer.remove(0, length);
        if (close)
            disconnect();
        return true;
    }

    int m_port;
    QByteArray m_token;
    int m_fd = -1;
    QByteArray m_buffer;
};

JsonValue pushBody(const Item &item, const QString &base)
{
    JsonObject change{{S("id"), idString(item.id)}, {S("base_revision"), base.isEmpty() ? JsonValue() : JsonValue(base)},
                      {S("item"), itemToJson(item)}};
    return JsonObject{{S("batch_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {S("changes"), JsonArray{JsonValue(change)}}};
}

Item benchmarkPage(int clientIndex)
{
    Item page = Item::create(ItemType::Page);
    page.title = S("Benchmark page %1").arg(clientIndex);
    page.slug = S("benchmark-page-%1").arg(clientIndex);
    page.tags.regions = {S("london")};
    return page;
}

// The revision of an accepted single-change push; exits the benchmark otherwise.
QString acceptedRevision(const HttpResult &r)
{
    const JsonArray results = r.json()[S("results")].toArray();
    const JsonValue result = results.empty() ? JsonValue() : results.front();
    if (r.status != 200 || result[S("status")].toString() != S("accepted")) {
        std::fprintf(stderr, "push failed: %d %s %s\n", r.status, qPrintable(r.error), r.body.constData());
        std::exit(1);
    }
    return result[S("revision")].toString();
}

// One client editing its own page `count` times; returns per-push latencies.
Timing pushLoop(const QString &url, const QString &token, int count, int clientIndex)
{
    HttpClient client(url, token);
    Item page = benchmarkPage(clientIndex);
    QString base;
    Timing t;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < count; ++i) {
        page.summary = S("Revision %1 of a page edited by benchmark client %2.").arg(i).arg(clientIndex);
        QElapsedTimer one;
        one.start();
        auto r = client.post(S("/api/v1/push"), pushBody(page, base));
        t.ms.append(double(one.nsecsElapsed()) / 1e6);
        base = acceptedRevision(r);
    }
    t.totalSeconds = double(total.nsecsElapsed()) / 1e9;
    return t;
}

// One edit pushed by client A and seen by client B, which asks for changes back to back on
// its own connection (the protocol has no notification: a client learns of an edit by
// pulling). Latency: from A starting its push to B's answer that carries the new revision.
// A pushes its next edit once B has seen the last.
struct Propagation
{
    Timing seen;
    Timing push;
    Timing poll;
    int lost = 0; // edits B did not see within 10 s
};

Propagation editSeenBySecondClient(int port, const QByteArray &authorToken, const QByteArray &readerToken, int edits)
{
    SocketClient reader(port, readerToken);
    qint64 cursor = reader.request("GET", "/api/v1/changes?since=0&limit=1").json()[S("latest")].toInteger();
    std::mutex mutex;
    std::condition_variable changed;
    std::map<QString, Clock::time_point> seenAt; // revision → when B's answer carried it
    std::atomic<bool> stop{false};
    Propagation out;
    std::thread poller([&] {
        while (!stop) {
            const auto asked = Clock::now();
            const HttpResult r = reader.request("GET", "/api/v1/changes?since=" + QByteArray::number(cursor) + "&limit=1000");
            const auto answered = Clock::now();
            const auto parsed = r.parsedJson();
            if (r.status != 200 || !parsed) {
                std::fprintf(stderr, "poll failed: %d %s %s\n", r.status, qPrintable(r.error),
                             parsed ? "" : qPrintable(parsed.errorString()));
                std::exit(1);
            }
            const JsonValue &json = parsed.value();
            const JsonArray changes = json[S("changes")].toArray();
            std::lock_guard lock(mutex);
            out.poll.ms.append(msBetween(asked, answered));
            for (const JsonValue &change : changes)
                seenAt.emplace(change[S("revision")].toString(), answered);
            cursor = std::max(cursor, json[S("cursor")].toInteger());
            changed.notify_all();
        }
    });
    SocketClient author(port, authorToken);
    Item page = benchmarkPage(100);
    QString base;
    for (int i = 0; i < edits; ++i) {
        page.summary = S("Revision %1 of a page watched by a second client.").arg(i);
        const auto start = Clock::now();
        const HttpResult r = author.request("POST", "/api/v1/push", serializeCompact(pushBody(page, base)));
        const auto acknowledged = Clock::now();
        base = acceptedRevision(r);
        std::unique_lock lock(mutex);
        out.push.ms.append(msBetween(start, acknowledged));
        if (!changed.wait_for(lock, std::chrono::seconds(10), [&] { return seenAt.count(base) > 0; })) {
            ++out.lost;
            continue;
        }
        out.seen.ms.append(msBetween(start, seenAt.at(base)));
    }
    stop = true;
    poller.join();
    return out;
}

// `clients` threads each syncing at the same moment, `rounds` times: a new connection,
// GET /me, then changes since `since` until `more` is false, as the app's sync does.
struct Crowd
{
    Timing sync;
    int attempts = 0;
    int errors = 0;
    QString firstError;
    qint64 changes = 0;
    qint64 mostChanges = 0; // the most one sync pulled
    qint64 latest = 0;      // the newest change the server named during the syncs
};

Crowd crowdSync(int port, const QList<QByteArray> &tokens, int clients, int rounds, qint64 since)
{
    std::vector<QList<double>> ms(static_cast<size_t>(clients));
    std::atomic<int> errors{0};
    std::atomic<qint64> changes{0};
    std::atomic<qint64> mostChanges{0};
    std::atomic<qint64> latest{0};
    std::mutex mutex;
    QString firstError;
    std::barrier together(clients);
    QElapsedTimer wall;
    wall.start();
    {
        std::vector<std::thread> threads;
        threads.reserve(size_t(clients));
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&, c] {
                for (int round = 0; round < rounds; ++round) {
                    together.arrive_and_wait();
                    const auto start = Clock::now();
                    SocketClient client(port, tokens.at(c % tokens.size()));
                    HttpResult r = client.request("GET", "/api/v1/me");
                    qint64 cursor = since;
                    qint64 got = 0;
                    while (r.status == 200) {
                        r = client.request("GET", "/api/v1/changes?since=" + QByteArray::number(cursor) + "&limit=500");
                        if (r.status != 200)
                            break;
                        const auto parsed = r.parsedJson();
                        if (!parsed) {
                            r.status = 0; // counted as a failed sync
                            r.error = S("not JSON: ") + parsed.errorString();
                            break;
                        }
                        const JsonValue &json = parsed.value();
                        got += qint64(json[S("changes")].toArray().size());
                        cursor = json[S("cursor")].toInteger();
                        const qint64 named = json[S("latest")].toInteger();
                        for (qint64 seen = latest; named > seen && !latest.compare_exchange_weak(seen, named);) {
                        }
                        if (!json[S("more")].toBool())
                            break;
                    }
                    ms[size_t(c)].append(msBetween(start, Clock::now()));
                    changes += got;
                    for (qint64 most = mostChanges; got > most && !mostChanges.compare_exchange_weak(most, got);) {
                    }
                    if (r.status != 200) {
                        ++errors;
                        std::lock_guard lock(mutex);
                        if (firstError.isEmpty())
                            firstError = S("HTTP %1 %2 %3").arg(r.status).arg(r.error, QString::fromUtf8(r.body.left(200)));
                    }
                }
            });
        }
        for (auto &th : threads)
            th.join();
    }
    Crowd out;
    for (const QList<double> &m : ms)
        out.sync.ms += m;
    out.sync.totalSeconds = double(wall.nsecsElapsed()) / 1e9;
    out.attempts = int(out.sync.ms.size());
    out.errors = errors;
    out.firstError = firstError;
    out.changes = changes;
    out.mostChanges = mostChanges;
    out.latest = latest;
    return out;
}

double run(const QString &program, const QStringList &args, const QString &workDir = QString())
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    p.waitForFinished(-1);
    if (p.exitCode() != 0) {
        std::fprintf(stderr, "%s %s failed: %s\n", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
        std::exit(1);
    }
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int scale = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 1;
    const int pushes = app.arguments().size() > 2 ? app.arguments().at(2).toInt() : 400;
    constexpr int kWatchedEdits = 200;
    constexpr int kCrowd = 200;
    constexpr int kCrowdRounds = 5;
    constexpr qint64 kCrowdBehind = 200; // each crowd client is this many changes behind
    qputenv("CARTA_TEST_QUIET", "1");
    // Line by line, so a run stopped half-way still shows how far it got.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QElapsedTimer sinceStart;
    sinceStart.start();
    auto progress = [&](const QString &what) {
        std::fprintf(stderr, "[bench_sync %6.1f s] %s\n", double(sinceStart.elapsed()) / 1000, qPrintable(what));
    };

    SyncdProcess server;
    std::printf("carta-syncd sync benchmark: demo scale %d, %d pushes per run\n", scale, pushes);
    QElapsedTimer t;
    t.start();
    server.init();
    server.admin({S("import-demo"), S("--scale"), QString::number(scale)});
    const double importSeconds = double(t.nsecsElapsed()) / 1e9;
    QStringList tokens;
    for (int i = 0; i < 8; ++i)
        tokens.append(server.addUser(S("author%1").arg(i), S("author"), S("london")));
    const QString reader = server.addUser(S("reader"), S("admin"), S("national"));
    QElapsedTimer startTimer;
    startTimer.start();
    constexpr int kStartWaitMs = 600000;
    if (!server.start({}, kStartWaitMs)) {
        std::fprintf(stderr, "carta-syncd did not start (it exited, or had no port after %.0f s); run it by hand "
                             "without CARTA_TEST_QUIET to see why\n", double(startTimer.elapsed()) / 1000);
        return 1;
    }
    const double startSeconds = double(startTimer.elapsed()) / 1000;
    // The server publishes the whole site once after an import; what is measured below is a
    // server at work, not one busy with its first publish, so wait for that to finish.
    QElapsedTimer siteTimer;
    siteTimer.start();
    const QString current = server.dataDir() + S("/site/current");
    while (!QFileInfo::exists(current) && siteTimer.elapsed() < kStartWaitMs)
        QThread::msleep(100);
    const double siteSeconds = double(siteTimer.elapsed()) / 1000;
    const QString items = server.git({S("ls-tree"), S("-r"), S("--name-only"), S("content")});
    const qsizetype itemCount = items.count(QLatin1Char('\n'));
    std::printf("imported %lld items in %.2f s; carta-syncd serve ready in %.2f s; its first site publish took %.1f s more\n\n",
                qlonglong(itemCount), importSeconds, startSeconds, siteSeconds);

    progress(S("pushes, 1 client"));
    // Pushes, 1 client.
    const Timing one = pushLoop(server.baseUrl(), tokens[0], pushes, 0);
    progress(S("pushes, 8 clients"));
    // Pushes, 8 clients at once; the server's counters say how many commits (groups) they made.
    HttpClient metrics(server.baseUrl(), QString());
    const qint64 groupsBefore = syncdCounter(metrics, S("carta_push_groups_total"));
    const qint64 pushesBefore = syncdCounter(metrics, S("carta_pushes_total"));
    std::vector<Timing> eight(8);
    QElapsedTimer wall;
    wall.start();
    {
        std::vector<std::thread> threads;
        for (int c = 0; c < 8; ++c)
            threads.emplace_back([&, c] { eight[size_t(c)] = pushLoop(server.baseUrl(), tokens[c], pushes / 8, c + 1); });
        for (auto &th : threads)
            th.join();
    }
    const double eightSeconds = double(wall.nsecsElapsed()) / 1e9;
    const qint64 eightGroups = syncdCounter(metrics, S("carta_push_groups_total")) - groupsBefore;
    const qint64 eightPushes = syncdCounter(metrics, S("carta_pushes_total")) - pushesBefore;
    const double perGroup = eightGroups > 0 ? double(eightPushes) / double(eightGroups) : 0;
    Timing eightAll;
    for (const Timing &x : eight)
        eightAll.ms += x.ms;

    progress(S("full pull"));
    // Full pull of everything, as a new replica would.
    HttpClient pullClient(server.baseUrl(), reader);
    QElapsedTimer pullTimer;
    pullTimer.start();
    qint64 cursor = 0;
    qint64 pulled = 0;
    int pages = 0;
    qint64 parseNanoseconds = 0; // the client's share: parsing the answers' JSON
    while (true) {
        auto r = pullClient.get(S("/api/v1/changes?since=%1&limit=1000").arg(cursor));
        if (r.status != 200) {
            // A failed page must not end the pull quietly: the cursor would be wrong and every
            // later phase would measure something else.
            std::fprintf(stderr, "full pull failed after %d pages (%lld items, cursor %lld): %d %s %s\n", pages,
                         qlonglong(pulled), qlonglong(cursor), r.status, qPrintable(r.error), r.body.left(300).constData());
            std::exit(1);
        }
        QElapsedTimer parse;
        parse.start();
        const auto parsed = r.parsedJson();
        parseNanoseconds += parse.nsecsElapsed();
        if (!parsed) {
            std::fprintf(stderr, "full pull: page %d (since %lld) is not JSON: %s\n", pages + 1, qlonglong(cursor),
                         qPrintable(parsed.errorString()));
            std::exit(1);
        }
        const JsonValue &json = parsed.value();
        pulled += qint64(json[S("changes")].toArray().size());
        cursor = json[S("cursor")].toInteger();
        ++pages;
        if (!json[S("more")].toBool())
            break;
    }
    const double pullSeconds = double(pullTimer.nsecsElapsed()) / 1e9;

    progress(S("full pull: %1 changes in %2 pages, cursor %3").arg(pulled).arg(pages).arg(cursor));
    // One edit seen by a second client; then many clients syncing at once.
    progress(S("one edit seen by a second client, %1 edits").arg(kWatchedEdits));
    const Propagation watched = editSeenBySecondClient(server.port(), tokens[0].toUtf8(), reader.toUtf8(), kWatchedEdits);
    QList<QByteArray> crowdTokens{reader.toUtf8()};
    for (const QString &token : std::as_const(tokens))
        crowdTokens.append(token.toUtf8());
    const qint64 crowdSince = std::max<qint64>(0, cursor - kCrowdBehind);
    progress(S("%1 clients syncing at once, since %2").arg(kCrowd).arg(crowdSince));
    const Crowd crowd = crowdSync(server.port(), crowdTokens, kCrowd, kCrowdRounds, crowdSince);
    progress(S("%1 syncs, %2 changes, at most %3 in one; newest change %4").arg(crowd.attempts).arg(crowd.changes).arg(crowd.mostChanges).arg(crowd.latest));
    server.stop();
    progress(S("peers: git clone, git commits"));

    // Peers: the git command line on the same repository.
    QTemporaryDir work;
    const QString clone = work.filePath(S("clone"));
    const double cloneSeconds = run(S("git"), {S("clone"), S("--quiet"), S("--no-local"), S("--branch"), S("content"), server.repository(), clone});
    run(S("git"), {S("-C"), clone, S("config"), S("user.email"), S("bench@carta.invalid")});
    run(S("git"), {S("-C"), clone, S("config"), S("user.name"), S("bench")});
    const QString file = clone + S("/bench.txt");
    Timing gitCommits;
    QElapsedTimer gitTotal;
    gitTotal.start();
    for (int i = 0; i < pushes; ++i) {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write(QByteArray("revision ") + QByteArray::number(i) + '\n');
        f.close();
        QElapsedTimer c;
        c.start();
        run(S("git"), {S("-C"), clone, S("add"), S("bench.txt")});
        run(S("git"), {S("-C"), clone, S("commit"), S("--quiet"), S("-m"), S("edit %1").arg(i)});
        gitCommits.ms.append(double(c.nsecsElapsed()) / 1e6);
    }
    gitCommits.totalSeconds = double(gitTotal.nsecsElapsed()) / 1e9;

    // The table: each figure formatted once, printed and handed to the report as printed.
    std::printf("%-44s %14s %14s %10s\n", "what", "carta-syncd", "git CLI", "ratio");
    auto row = [](const char *what, double carta, double git, const char *unit, int decimals = 1) {
        const QString mine = fixed(carta, decimals);
        const QString peer = fixed(git, decimals);
        std::printf("%-44s %11s %-2s %11s %-2s %9.2fx\n", what, qPrintable(mine), unit, qPrintable(peer), unit,
                    git > 0 ? carta / git : 0.0);
        return std::pair{mine, peer};
    };
    const double onePerSecond = double(one.ms.size()) / one.totalSeconds;
    const double gitPerSecond = double(gitCommits.ms.size()) / gitCommits.totalSeconds;
    const double eightPerSecond = double(eightAll.ms.size()) / eightSeconds;
    const auto [oneRate, gitRate] = row("pushes/s, 1 client (peer: git add+commit)", onePerSecond, gitPerSecond, "/s");
    row("push p50 latency, 1 client", one.percentile(50), gitCommits.percentile(50), "ms");
    row("push p95 latency, 1 client", one.percentile(95), gitCommits.percentile(95), "ms");
    const auto [eightRate, gitRate8] = row("pushes/s, 8 clients (commits/s)", eightPerSecond, gitPerSecond, "/s");
    row("push p95 latency, 8 clients", eightAll.percentile(95), gitCommits.percentile(95), "ms");
    row("full pull, seconds (peer: git clone)", pullSeconds, cloneSeconds, "s ");
    const QString pullRate = fixed(double(pulled) / pullSeconds, 0);
    const QString cloneRate = fixed(double(itemCount) / cloneSeconds, 0);
    std::printf("%-44s %11s %-2s %11s %-2s %9.2fx\n", "full pull, items/s (git clone: items/s)", qPrintable(pullRate), "/s",
                qPrintable(cloneRate), "/s", (double(pulled) / pullSeconds) / (double(itemCount) / cloneSeconds));

    std::printf("\n%-44s %14s %14s %14s\n", "without a peer", "p50", "p95", "p99");
    auto latencies = [](const char *what, const Timing &timing) {
        const QString p95 = fixed(timing.percentile(95), 1);
        const QString p99 = fixed(timing.percentile(99), 1);
        std::printf("%-44s %11.1f ms %11s ms %11s ms\n", what, timing.percentile(50), qPrintable(p95), qPrintable(p99));
        return std::pair{p95, p99};
    };
    const auto [seenP95, seenP99] = latencies("one edit pushed, seen by a second client", watched.seen);
    latencies("  of which the push (commit, fsync, answer)", watched.push);
    latencies("  the second client's poll, each", watched.poll);
    const auto [crowdP95, crowdP99] = latencies("200 clients syncing at once, per sync", crowd.sync);
    std::printf("%-44s %d of %d syncs failed%s%s\n", "  errors", crowd.errors, crowd.attempts,
                crowd.firstError.isEmpty() ? "" : ", the first: ", qPrintable(crowd.firstError));

    std::printf("\nNotes: pushes carry one changed page each and are answered after the commit is on disk (fsync) and\n"
                "the bookkeeping database has committed; git commits one changed file without fsync. The full pull\n"
                "asks for pages of 1,000 changes (%d pages, %lld changes) and parses their JSON, as a new replica does,\n"
                "but writes no replica. \"Seen by a second client\": client A pushes an edit (%d edits, one at a time);\n"
                "client B asks for changes since its cursor back to back on one connection and the time runs from A's\n"
                "push to B's answer carrying the new revision. \"200 clients\": %d threads released together, %d rounds;\n"
                "each sync opens a connection, asks for /me and pulls the changes since %lld behind the newest (%lld\n"
                "changes in all), with %lld tokens shared among the clients. Clients and server share this machine's\n"
                "%d cores; the server runs with its default configuration.\n",
                pages, qlonglong(pulled), kWatchedEdits, kCrowd, kCrowdRounds, qlonglong(kCrowdBehind), qlonglong(crowd.changes),
                qlonglong(crowdTokens.size()), QThread::idealThreadCount());

    // Figures for the report, with what explains each one.
    using carta::bench::Peer;
    const double scaling = eightPerSecond / onePerSecond;
    figure(S("sync.pushes.1"), S("pushes, 1 client"), oneRate, S("commits/s"), S("higher"),
           S("p50 %1 ms, p95 %2 ms per push.").arg(fixed(one.percentile(50), 1), fixed(one.percentile(95), 1)),
           {Peer{S("git add + commit"), gitRate}});
    figure(S("sync.pushes.8"), S("pushes with 8 clients"), eightRate, S("commits/s"), S(">=200"),
           S("8 clients reach %1× the rate of 1 client (%2 vs %3 commits/s); push p50 %4 ms, p95 %5 ms with 8 clients, "
             "p50 %6 ms alone. The server committed the %7 pushes in %8 groups (%9 pushes a group, one commit and one "
             "fsync each, from its /metrics). %10")
               .arg(fixed(scaling, 2), eightRate, oneRate, fixed(eightAll.percentile(50), 1), fixed(eightAll.percentile(95), 1),
                    fixed(one.percentile(50), 1))
               .arg(eightPushes).arg(eightGroups).arg(fixed(perGroup, 1))
               .arg(perGroup < 1.5 ? S("Pushes that arrive together are hardly grouped, so each pays its own commit and "
                                       "fsync: a longer wait for the group to fill would raise it.")
                                   : S("Grouping already shares the commit and fsync; what is left is each push's own "
                                       "work on the writer (parsing, checks, blobs and trees, database rows) and the 8 "
                                       "clients' threads sharing the machine's cores with the server: less work per push on the "
                                       "writer would raise it.")),
           {Peer{S("git add + commit"), gitRate8}});
    figure(S("sync.pull"), S("initial sync to an empty replica (full pull)"), pullRate, S("items/s"), S(">=5000"),
           S("%1 changes in %2 pages of 1,000, %3 ms a page on average, of which %4 ms the client parsing the JSON and "
             "%5 ms the server answering and the transfer (no replica written). %6")
               .arg(pulled).arg(pages)
               .arg(fixed(pullSeconds * 1000 / std::max(1, pages), 0), fixed(double(parseNanoseconds) / 1e6 / std::max(1, pages), 0),
                    fixed((pullSeconds - double(parseNanoseconds) / 1e9) * 1000 / std::max(1, pages), 0),
                    double(parseNanoseconds) / 1e9 > pullSeconds / 2
                        ? S("Most of it is the client's parsing: a faster JSON reader, or parsing while the next page is "
                            "fetched, would raise it.")
                        : S("Most of it is the server's: reading the items for a page with fewer queries and less "
                            "serialisation, or sending the next page while the client parses, would raise it.")),
           {Peer{S("git clone"), cloneRate}});
    figure(S("sync.seen.p95"), S("one edit pushed and seen by a second client, p95"), seenP95, S("ms"), S("<=50"),
           S("the push alone: p50 %1 ms, p95 %2 ms (commit, fsync, database commit before the answer); each poll of the "
             "second client p50 %3 ms, p95 %4 ms (a poll that arrives during a push's commit waits for it), so the edit "
             "is seen about one poll after the push is answered; the push is %5 % of the median. %6 %7 edits not seen "
             "within 10 s.")
               .arg(fixed(watched.push.percentile(50), 1), fixed(watched.push.percentile(95), 1),
                    fixed(watched.poll.percentile(50), 1), fixed(watched.poll.percentile(95), 1),
                    fixed(100 * watched.push.percentile(50) / std::max(0.001, watched.seen.percentile(50)), 0),
                    watched.push.percentile(50) >= 0.7 * watched.seen.percentile(50)
                        ? S("A faster push (its fsync and database commit) would shorten it.")
                        : S("Telling clients of new changes (a long poll) rather than polling would shorten it."))
               .arg(watched.lost));
    figure(S("sync.crowd.p99"), S("200 clients syncing at once, p99 per sync"), crowdP99, S("ms"), S("<=200"),
           S("%1 syncs in %2 rounds of %3 at once: p50 %4 ms, p95 %5 ms; %6 s for all, so the server completes about "
             "%7 syncs a second (%8 changes each on average) and the %3 that arrive together wait in line: the last of a "
             "round about %9 ms. Cheaper syncs (less work per request in the server) or more of the machine's %10 "
             "cores for the server (client threads share them here) would shorten the line.")
               .arg(crowd.attempts).arg(kCrowdRounds).arg(kCrowd)
               .arg(fixed(crowd.sync.percentile(50), 1), crowdP95, fixed(crowd.sync.totalSeconds, 1),
                    fixed(double(crowd.attempts) / crowd.sync.totalSeconds, 0),
                    fixed(double(crowd.changes) / std::max(1, crowd.attempts), 0),
                    fixed(kCrowd * 1000.0 * crowd.sync.totalSeconds / std::max(1, crowd.attempts), 0))
               .arg(QThread::idealThreadCount()));
    figure(S("sync.crowd.errors"), S("200 clients syncing at once, failed syncs"), QString::number(crowd.errors), S("syncs"),
           S("<=0"), crowd.firstError.isEmpty() ? QString() : S("the first failure: ") + crowd.firstError);
    return 0;
}
