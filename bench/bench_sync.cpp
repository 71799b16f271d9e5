// Sync server benchmark: pushes per second with 1 and 8 clients and a full pull of the
// demo content, each beside its peer measured in the same run on the same repository:
// the git command line committing one changed file, and `git clone`.
#include "../tests/common/syncdprocess.h"

#include "model/item.h"
#include "model/json.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

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

JsonValue pushBody(const Item &item, const QString &base)
{
    JsonObject change{{S("id"), idString(item.id)}, {S("base_revision"), base.isEmpty() ? JsonValue() : JsonValue(base)},
                      {S("item"), itemToJson(item)}};
    return JsonObject{{S("batch_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {S("changes"), JsonArray{JsonValue(change)}}};
}

// One client editing its own page `count` times; returns per-push latencies.
Timing pushLoop(const QString &url, const QString &token, int count, int clientIndex)
{
    HttpClient client(url, token);
    Item page = Item::create(ItemType::Page);
    page.title = S("Benchmark page %1").arg(clientIndex);
    page.slug = S("benchmark-page-%1").arg(clientIndex);
    page.tags.regions = {S("london")};
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
        const JsonValue json = r.json();
        const JsonValue result = json[S("results")].toArray().at(0);
        if (r.status != 200 || result[S("status")].toString() != S("accepted")) {
            std::fprintf(stderr, "push failed: %d %s\n", r.status, r.body.constData());
            std::exit(1);
        }
        base = result[S("revision")].toString();
    }
    t.totalSeconds = double(total.nsecsElapsed()) / 1e9;
    return t;
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
    qputenv("CARTA_TEST_QUIET", "1");

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
    if (!server.start()) {
        std::fprintf(stderr, "carta-syncd did not start\n");
        return 1;
    }
    const QString items = server.git({S("ls-tree"), S("-r"), S("--name-only"), S("content")});
    const qsizetype itemCount = items.count(QLatin1Char('\n'));
    std::printf("imported %lld items in %.2f s\n\n", qlonglong(itemCount), importSeconds);

    // Pushes, 1 client.
    const Timing one = pushLoop(server.baseUrl(), tokens[0], pushes, 0);
    // Pushes, 8 clients at once.
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
    Timing eightAll;
    for (const Timing &x : eight)
        eightAll.ms += x.ms;

    // Full pull of everything, as a new replica would.
    HttpClient pullClient(server.baseUrl(), reader);
    QElapsedTimer pullTimer;
    pullTimer.start();
    qint64 cursor = 0;
    qint64 pulled = 0;
    while (true) {
        auto r = pullClient.get(S("/api/v1/changes?since=%1&limit=1000").arg(cursor));
        const JsonValue json = r.json();
        pulled += qint64(json[S("changes")].toArray().size());
        cursor = json[S("cursor")].toInteger();
        if (!json[S("more")].toBool())
            break;
    }
    const double pullSeconds = double(pullTimer.nsecsElapsed()) / 1e9;
    server.stop();

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

    std::printf("%-44s %14s %14s %10s\n", "what", "carta-syncd", "git CLI", "ratio");
    auto row = [](const char *what, double carta, double git, const char *unit) {
        std::printf("%-44s %11.1f %-2s %11.1f %-2s %9.2fx\n", what, carta, unit, git, unit, git > 0 ? carta / git : 0.0);
    };
    row("pushes/s, 1 client (peer: git add+commit)", double(one.ms.size()) / one.totalSeconds, double(gitCommits.ms.size()) / gitCommits.totalSeconds, "/s");
    row("push p50 latency, 1 client", one.percentile(50), gitCommits.percentile(50), "ms");
    row("push p95 latency, 1 client", one.percentile(95), gitCommits.percentile(95), "ms");
    row("pushes/s, 8 clients (commits/s)", double(eightAll.ms.size()) / eightSeconds, double(gitCommits.ms.size()) / gitCommits.totalSeconds, "/s");
    row("push p95 latency, 8 clients", eightAll.percentile(95), gitCommits.percentile(95), "ms");
    row("full pull, seconds (peer: git clone)", pullSeconds, cloneSeconds, "s ");
    std::printf("%-44s %11.0f %-2s\n", "full pull, items/s", double(pulled) / pullSeconds, "/s");
    return 0;
}
