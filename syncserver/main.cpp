// carta-syncd: the sync server and its admin commands.
#include "backup.h"
#include "clock.h"
#include "config.h"
#include "publisher.h"
#include "service.h"
#include "sitefiles.h"

#include "demo/generator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QUrl>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <pthread.h>
#include <thread>

using namespace carta;
using namespace carta::syncserver;

namespace {

const char *const kUsage = R"(usage: carta-syncd [--config FILE] [--data DIR] COMMAND [ARGS]

Commands:
  init                              create the data folder (git repository and database)
  serve [--listen ADDR] [--port N] [--port-file FILE] [--read-timeout-seconds N]
        [--schedule-interval-seconds N]
                                    serve the API until SIGTERM or SIGINT (port 0: any free port);
                                    runs due schedules at start-up and every N seconds (default 5)
  run-schedules                     publish and unpublish what is due now, once (server stopped)
  user add NAME --role ROLE --email EMAIL --regions R1,R2 [--professions P1,P2]
                                    ROLE: author, reviewer, publisher, admin; regions: slugs or "national"
  user list
  token issue NAME [--label TEXT]   print a new token for NAME (shown once; only its hash is kept)
  token revoke NAME | --id N        revoke every token of NAME, or one token
  token list
  fsck                              check that the repository and the database agree
  backup DEST                       copy the data folder into the new folder DEST, consistent
                                    while the server runs (the site is not kept: it is rebuilt)
  restore BACKUP                    copy a backup into the data folder (new or empty), bring the
                                    database level with the repository and check both (fsck)
  gc                                pack the repository's loose objects
  import-demo [--scale N] [--seed S]
                                    fill a new data folder with the generated demo content
  site build                        bring the public site level with live now (server stopped;
                                    `serve` publishes by itself whenever live changes)
  site rebuild                      render the whole site again into a new release
  site list                         the site's releases, oldest first; * marks the current one
  site rollback [ID]                point the site back at release ID, or at the one before
                                    the current release (works while the server runs)

The configuration file holds "key = value" lines: data_dir, listen_address, port,
tls_certificate, tls_private_key, threads, attachment_limit_mb, pack_every_commits,
read_timeout_seconds, upload_timeout_seconds, schedule_interval_seconds, site_dir,
site_url, site_assets_dir, site_keep_releases, site_serve. --data overrides data_dir. CARTA_SYNCD_CLOCK_FILE (tests only) makes the server read its time from a file.
)";

void log(const char *level, const QString &message)
{
    std::fprintf(stderr, "carta-syncd: %s: %s\n", level, message.toUtf8().constData());
    std::fflush(stderr);
}

int fail(const QString &message)
{
    log("error", message);
    return 1;
}

// Options of the form --name value after the command words.
struct Args
{
    QStringList positional;
    QHash<QString, QString> options;

    static model::Result<Args> parse(const QStringList &words)
    {
        Args a;
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (words[i].startsWith(QStringLiteral("--"))) {
                if (i + 1 >= words.size())
                    return model::Issue{words[i], QStringLiteral("needs a value")};
                a.options.insert(words[i].mid(2), words[i + 1]);
                ++i;
            } else {
                a.positional.append(words[i]);
            }
        }
        return a;
    }
    QString option(const char *name, const QString &fallback = QString()) const
    {
        return options.value(QString::fromLatin1(name), fallback);
    }
};

QStringList listOption(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(part.trimmed());
    return out;
}

// Runs the due schedules once; logs what went wrong (each distinct failure once).
void runSchedules(SyncService &service, QString *lastError)
{
    auto r = service.runDueSchedules();
    const QString error = r ? QString() : r.errorString();
    if (!error.isEmpty() && error != *lastError)
        log("error", QStringLiteral("the scheduler: %1 (tried again at every run)").arg(error));
    *lastError = error;
}

// Runs due schedules every interval until stopped; the first run is the caller's.
class SchedulerLoop
{
public:
    SchedulerLoop(SyncService &service, std::chrono::seconds interval)
        : m_thread([this, &service, interval] {
              std::unique_lock lock(m_mutex);
              while (!m_stopping) {
                  m_wake.wait_for(lock, interval, [this] { return m_stopping; });
                  if (m_stopping)
                      break;
                  lock.unlock();
                  runSchedules(service, &m_lastError);
                  lock.lock();
              }
          })
    {
    }
    ~SchedulerLoop() { stop(); }
    // Waits for a run under way to finish: its commits are complete when this returns.
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QString m_lastError;
    std::thread m_thread; // last: starts when the rest is ready
};

// The publisher `serve` runs, once it is up; the service tells it when live moves.
std::atomic<Publisher *> g_publisher{nullptr};

QString siteDirOf(const Config &config)
{
    return config.siteDir.isEmpty() ? config.dataDir + QStringLiteral("/site") : config.siteDir;
}

PublisherOptions publisherOptions(const Config &config, int port)
{
    PublisherOptions p;
    p.repositoryPath = config.dataDir + QStringLiteral("/repo.git");
    p.attachmentsDir = config.dataDir + QStringLiteral("/attachments");
    p.siteDir = siteDirOf(config);
    p.assetsDir = config.siteAssetsDir.isEmpty() ? defaultSiteAssetsDir() : config.siteAssetsDir;
    p.keepReleases = config.siteKeepReleases;
    const QString url = !config.siteUrl.isEmpty()
        ? config.siteUrl
        : QStringLiteral("http://%1:%2%3").arg(config.listenAddress).arg(port).arg(QString::fromLatin1(kSitePrefix));
    p.site.absoluteUrl = url;
    p.site.basePath = QUrl(url).path();
    if (p.site.basePath.endsWith(QLatin1Char('/')))
        p.site.basePath.chop(1);
    return p;
}

int siteCommand(const Config &config, const QString &sub, const Args &args, SyncService *service)
{
    QTextStream out(stdout);
    if (sub == QStringLiteral("list") || sub == QStringLiteral("rollback")) {
        auto releases = site::ReleaseStore::open(siteDirOf(config));
        if (!releases)
            return fail(releases.errorString());
        if (sub == QStringLiteral("rollback")) {
            auto r = releases.value().rollback(args.positional.value(1));
            if (!r)
                return fail(QStringLiteral("rollback: %1").arg(r.errorString()));
            log("info", QStringLiteral("the site now shows release %1 (built from live %2)").arg(r->id, r->liveCommit));
            return 0;
        }
        auto list = releases.value().releases();
        if (!list)
            return fail(list.errorString());
        for (const site::ReleaseInfo &r : list.value())
            out << (r.current ? "* " : "  ") << r.id << '\t' << r.created.toString(Qt::ISODate) << "\tlive " << r.liveCommit << '\n';
        return 0;
    }
    if ((sub == QStringLiteral("build") || sub == QStringLiteral("rebuild")) && service) {
        auto publisher = Publisher::open(publisherOptions(config, config.port));
        if (!publisher)
            return fail(publisher.errorString());
        auto r = publisher.value()->publish(sub == QStringLiteral("rebuild"));
        if (!r)
            return fail(r.errorString());
        for (const QString &warning : std::as_const(r->warnings))
            log("warning", warning);
        if (r->release.isEmpty()) {
            log("info", QStringLiteral("nothing is published yet"));
            return 0;
        }
        log("info", QStringLiteral("release %1: %2 items, %3 pages rendered, %4 files written, %5 removed, %6 ms")
                        .arg(r->release).arg(r->items).arg(r->pages).arg(r->written).arg(r->removed).arg(r->milliseconds));
        return 0;
    }
    return fail(QStringLiteral("usage: site build | site rebuild | site list | site rollback [ID]"));
}

int serve(SyncService &service, const Config &config, const Args &args)
{
    http::ServerOptions options;
    options.address = args.option("listen", config.listenAddress).toStdString();
    bool ok = false;
    const int port = args.option("port", QString::number(config.port)).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return fail(QStringLiteral("--port: must be a number from 0 to 65535"));
    options.port = static_cast<std::uint16_t>(port);
    if (!config.tlsCertificate.isEmpty())
        options.tls = http::TlsFiles{config.tlsCertificate.toStdString(), config.tlsPrivateKey.toStdString()};
    options.threads = config.threads;
    const int readTimeout = args.option("read-timeout-seconds", QString::number(config.readTimeoutSeconds)).toInt(&ok);
    if (!ok || readTimeout < 1)
        return fail(QStringLiteral("--read-timeout-seconds: must be a positive number"));
    options.readTimeout = std::chrono::seconds(readTimeout);
    const int scheduleInterval = args.option("schedule-interval-seconds", QString::number(config.scheduleIntervalSeconds)).toInt(&ok);
    if (!ok || scheduleInterval < 1 || scheduleInterval > 60)
        return fail(QStringLiteral("--schedule-interval-seconds: must be a number from 1 to 60"));
    options.uploadLimit = std::uint64_t(config.attachmentLimitMb) * 1024 * 1024;
    options.uploadTimeout = std::chrono::seconds(config.uploadTimeoutSeconds);
    options.uploadDirectory = service.uploadDirectory().toStdString();
    options.streamToFile = [&service](const std::string &method, const std::string &path) {
        return service.wantsUploadStream(method, path);
    };
    options.onResponse = [&service](const http::Request &request, const http::Response &response, std::chrono::microseconds elapsed) {
        // Route label without ids, so the metric has few series.
        QString route = QString::fromStdString(request.path);
        if (route.startsWith(QStringLiteral("/api/v1/items/")))
            route = QStringLiteral("/api/v1/items/") + route.section(QLatin1Char('/'), 5, 5);
        else if (route.startsWith(QStringLiteral("/api/v1/attachments/")))
            route = QStringLiteral("/api/v1/attachments");
        service.metrics().observeRequest(route, response.status, elapsed);
        std::fprintf(stderr, "carta-syncd: request id=%s method=%s path=%s status=%d ms=%.1f\n", request.requestId.c_str(),
                     request.method.c_str(), request.path.c_str(), response.status, double(elapsed.count()) / 1000.0);
    };

    // Signals go to the thread that waits for them, never to a worker.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // Schedules missed while the server was down are carried out before anyone is served.
    QString schedulerError;
    runSchedules(service, &schedulerError);
    SchedulerLoop scheduler(service, std::chrono::seconds(scheduleInterval));

    const QString siteDir = siteDirOf(config);
    const bool serveSite = config.siteServe;
    http::Server server(options, [&service, &siteDir, serveSite](http::Request &request) {
        if (serveSite && isSitePath(request.path))
            return serveSiteFile(siteDir, request);
        return service.handle(request);
    });
    auto started = server.start();
    if (!started)
        return fail(started.errorString());
    // The site's address names the port, known only now (port 0 picks one).
    Config siteConfig = config;
    siteConfig.listenAddress = QString::fromStdString(options.address);
    PublisherOptions publishing = publisherOptions(siteConfig, started.value());
    publishing.metrics = &service.metrics();
    auto publisher = Publisher::open(std::move(publishing));
    if (!publisher)
        return fail(QStringLiteral("the publisher: %1").arg(publisher.errorString()));
    publisher.value()->start([](const QString &level, const QString &message) {
        log(level.toUtf8().constData(), message);
    });
    g_publisher = publisher.value().get();
    log("info", QStringLiteral("listening on %1:%2%3").arg(QString::fromStdString(options.address)).arg(started.value())
                    .arg(options.tls ? QStringLiteral(" (TLS)") : QString()));
    if (const QString portFile = args.option("port-file"); !portFile.isEmpty()) {
        QSaveFile f(portFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::number(started.value()) + '\n') < 0 || !f.commit())
            return fail(QStringLiteral("cannot write %1").arg(portFile));
    }
    int signal = 0;
    sigwait(&signals, &signal);
    log("info", QStringLiteral("stopping on signal %1").arg(signal));
    scheduler.stop();
    server.stop();
    g_publisher = nullptr;
    publisher.value()->stop();
    log("info", QStringLiteral("stopped"));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QString and file name encodings from the locale
    QStringList words = app.arguments().mid(1);
    QString configPath;
    QString dataDir;
    while (!words.isEmpty() && words.first().startsWith(QStringLiteral("--"))) {
        const QString flag = words.takeFirst();
        if (flag == QStringLiteral("--help")) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (words.isEmpty())
            return fail(QStringLiteral("%1 needs a value").arg(flag));
        if (flag == QStringLiteral("--config"))
            configPath = words.takeFirst();
        else if (flag == QStringLiteral("--data"))
            dataDir = words.takeFirst();
        else
            return fail(QStringLiteral("unknown option %1\n%2").arg(flag, QString::fromUtf8(kUsage)));
    }
    if (words.isEmpty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    Config config;
    if (!configPath.isEmpty()) {
        auto loaded = Config::load(configPath);
        if (!loaded)
            return fail(loaded.errorString());
        config = loaded.value();
    }
    if (!dataDir.isEmpty())
        config.dataDir = dataDir;
    if (config.dataDir.isEmpty())
        return fail(QStringLiteral("no data folder: give --data DIR or data_dir in --config FILE"));

    const QString command = words.takeFirst();
    auto args = Args::parse(words);
    if (!args)
        return fail(args.errorString());

    if (command == QStringLiteral("site")) {
        const QString sub = args.value().positional.value(0);
        if (sub == QStringLiteral("list") || sub == QStringLiteral("rollback"))
            return siteCommand(config, sub, args.value(), nullptr);
    }

    if (command == QStringLiteral("backup")) {
        if (args.value().positional.size() != 1)
            return fail(QStringLiteral("usage: backup DEST (a folder that does not exist yet)"));
        QElapsedTimer timer;
        timer.start();
        auto done = backupDataFolder(config.dataDir, args.value().positional[0]);
        if (!done)
            return fail(done.errorString());
        const BackupSummary &b = done.value();
        log("info", QStringLiteral("backup written to %1 in %2 s: content %3, live %4; %5 packs holding the %6 objects both "
                                   "branches reach (each checked; %7 pass(es) over the packs), %8 attachments, %9 MB")
                        .arg(args.value().positional[0], QString::number(double(timer.elapsed()) / 1000, 'f', 1),
                             b.content.left(12), b.live.isEmpty() ? QStringLiteral("(none)") : b.live.left(12))
                        .arg(b.packs).arg(b.objects).arg(b.passes).arg(b.attachments).arg(b.bytes / (1024 * 1024)));
        return 0;
    }
    if (command == QStringLiteral("restore")) {
        if (args.value().positional.size() != 1)
            return fail(QStringLiteral("usage: restore BACKUP (into the data folder, which must not exist or be empty)"));
        auto restored = restoreDataFolder(args.value().positional[0], config.dataDir);
        if (!restored)
            return fail(restored.errorString());
        // Opened as the server opens it (the database is brought level with the branches),
        // then checked.
        ServiceOptions opening;
        opening.dataDir = config.dataDir;
        auto service = SyncService::open(opening, false);
        if (!service)
            return fail(QStringLiteral("restored into %1, but it does not open: %2").arg(config.dataDir, service.errorString()));
        auto problems = service.value()->fsck();
        if (!problems)
            return fail(problems.errorString());
        QTextStream out(stdout);
        for (const QString &p : problems.value())
            out << p << '\n';
        out.flush();
        if (!problems.value().isEmpty())
            return fail(QStringLiteral("restored into %1, but fsck found %2 problem(s) (above)").arg(config.dataDir).arg(problems.value().size()));
        log("info", QStringLiteral("restored %1 into %2: content %3, live %4; repository and database agree")
                        .arg(args.value().positional[0], config.dataDir, restored.value().content.left(12), restored.value().live.left(12)));
        return 0;
    }

    ServiceOptions options;
    options.dataDir = config.dataDir;
    options.liveChanged = [] {
        if (Publisher *p = g_publisher.load())
            p->notify();
    };
    options.attachmentLimit = config.attachmentLimitMb * 1024 * 1024;
    options.packEveryCommits = config.packEveryCommits;
    if (const QString clockFile = qEnvironmentVariable("CARTA_SYNCD_CLOCK_FILE"); !clockFile.isEmpty()) {
        options.clock = fileClock(clockFile);
        log("warning", QStringLiteral("the time comes from %1 (CARTA_SYNCD_CLOCK_FILE): for tests only").arg(clockFile));
    }
    // Users and tokens may be managed while the server runs; everything else owns the folder.
    options.exclusive = command != QStringLiteral("user") && command != QStringLiteral("token");
    auto service = SyncService::open(options, command == QStringLiteral("init"));
    if (!service)
        return fail(service.errorString());
    SyncService &s = *service.value();
    QTextStream out(stdout);

    const QString sub = args.value().positional.value(0);
    if (command == QStringLiteral("init")) {
        log("info", QStringLiteral("data folder ready at %1").arg(config.dataDir));
        return 0;
    }
    if (command == QStringLiteral("serve"))
        return serve(s, config, args.value());
    if (command == QStringLiteral("run-schedules")) {
        auto done = s.runDueSchedules();
        if (!done)
            return fail(done.errorString());
        log("info", QStringLiteral("%1 scheduled action(s) carried out").arg(done.value()));
        return 0;
    }
    if (command == QStringLiteral("user") && sub == QStringLiteral("add")) {
        const Args &a = args.value();
        const auto role = model::roleFromString(a.option("role"));
        if (a.positional.size() != 2 || !role)
            return fail(QStringLiteral("usage: user add NAME --role author|reviewer|publisher|admin --email EMAIL --regions R1,R2 [--professions P1,P2]"));
        auto r = s.addUser(UserRecord{a.positional[1], a.option("email"), *role, listOption(a.option("regions")), listOption(a.option("professions"))});
        if (!r)
            return fail(r.errorString());
        log("info", QStringLiteral("added %1 (%2)").arg(a.positional[1], a.option("role")));
        return 0;
    }
    if (command == QStringLiteral("user") && sub == QStringLiteral("list")) {
        auto users = s.users();
        if (!users)
            return fail(users.errorString());
        for (const UserRecord &u : users.value())
            out << u.name << '\t' << model::toString(u.role) << '\t' << u.email << "\tregions=" << u.regions.join(QLatin1Char(','))
                << "\tprofessions=" << (u.professions.isEmpty() ? QStringLiteral("all") : u.professions.join(QLatin1Char(','))) << '\n';
        return 0;
    }
    if (command == QStringLiteral("token") && sub == QStringLiteral("issue")) {
        const Args &a = args.value();
        if (a.positional.size() != 2)
            return fail(QStringLiteral("usage: token issue NAME [--label TEXT]"));
        auto token = s.issueToken(a.positional[1], a.option("label"));
        if (!token)
            return fail(token.errorString());
        out << token.value() << '\n';
        return 0;
    }
    if (command == QStringLiteral("token") && sub == QStringLiteral("revoke")) {
        const Args &a = args.value();
        if (a.options.contains(QStringLiteral("id"))) {
            auto r = s.revokeToken(a.option("id").toLongLong());
            if (!r)
                return fail(r.errorString());
            log("info", QStringLiteral("revoked token %1").arg(a.option("id")));
            return 0;
        }
        if (a.positional.size() != 2)
            return fail(QStringLiteral("usage: token revoke NAME | --id N"));
        auto n = s.revokeTokens(a.positional[1]);
        if (!n)
            return fail(n.errorString());
        log("info", QStringLiteral("revoked %1 token(s) of %2").arg(n.value()).arg(a.positional[1]));
        return 0;
    }
    if (command == QStringLiteral("token") && sub == QStringLiteral("list")) {
        auto tokens = s.tokens();
        if (!tokens)
            return fail(tokens.errorString());
        for (const TokenRecord &t : tokens.value())
            out << t.id << '\t' << t.user << '\t' << t.created << '\t' << (t.revoked.isEmpty() ? QStringLiteral("valid") : QStringLiteral("revoked ") + t.revoked)
                << '\t' << t.label << '\n';
        return 0;
    }
    if (command == QStringLiteral("fsck")) {
        auto problems = s.fsck();
        if (!problems)
            return fail(problems.errorString());
        for (const QString &p : problems.value())
            out << p << '\n';
        out.flush();
        log("info", problems.value().isEmpty() ? QStringLiteral("repository and database agree")
                                               : QStringLiteral("%1 problem(s)").arg(problems.value().size()));
        return problems.value().isEmpty() ? 0 : 1;
    }
    if (command == QStringLiteral("gc")) {
        auto r = s.gc();
        if (!r)
            return fail(r.errorString());
        log("info", QStringLiteral("repository packed"));
        return 0;
    }
    if (command == QStringLiteral("site"))
        return siteCommand(config, sub, args.value(), &s);
    if (command == QStringLiteral("import-demo")) {
        demo::DemoOptions demoOptions;
        demoOptions.scale = args.value().option("scale", QStringLiteral("1")).toInt();
        demoOptions.seed = args.value().option("seed", QStringLiteral("1")).toULongLong();
        if (demoOptions.scale < 1 || demoOptions.scale > 1000)
            return fail(QStringLiteral("--scale: must be from 1 to 1000"));
        demo::MemorySink sink;
        const demo::DemoStats stats = demo::generate(demoOptions, sink);
        if (!stats.ok())
            return fail(stats.error);
        QList<QByteArray> items;
        items.reserve(sink.items.size());
        for (const auto &g : sink.items)
            items.append(g.bytes);
        QHash<QString, QByteArray> attachments;
        for (const auto &a : sink.attachments)
            attachments.insert(a.sha256, a.bytes);
        sink.items.clear();
        auto imported = s.import(items, attachments, QStringLiteral("carta-demo"));
        if (!imported)
            return fail(imported.errorString());
        log("info", QStringLiteral("imported %1 items (%2 published) and %3 attachments")
                        .arg(imported.value().items).arg(imported.value().published).arg(imported.value().attachments));
        return 0;
    }
    return fail(QStringLiteral("unknown command \"%1\"\n%2").arg(QString(command + QLatin1Char(' ') + sub).trimmed(), QString::fromUtf8(kUsage)));
}
