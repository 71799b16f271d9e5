// carta-cli: a headless Carta client on the same libraries as the desktop app: sign in,
// sync, search, show, edit, status, conflicts, resolve. --json for scripts.
#include "replica/replica.h"
#include "sync/syncengine.h"

#include "model/diff.h"
#include "model/json.h"
#include "model/validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

using namespace carta;
using namespace carta::model;
using namespace carta::replica;

namespace {

const char *const kUsage = R"(usage: carta-cli [--replica FILE] [--json] COMMAND [ARGS]

  login --server URL --user NAME --token TOKEN   check the account and remember it in the replica
  sync                                           push local changes, pull the server's, merge
  status                                         items, unsent changes, conflicts, last sync
  search [TEXT] [--type T] [--state S] [--profession P] [--specialty S] [--career-stage C]
         [--region R] [--limit N]                full-text search with facet counts
  show ID                                        the item as it is in the replica
  edit FILE                                      save an item from a JSON file ("-": stdin) as a local change
  delete ID                                      delete an item (pushed with the next sync)
  conflicts                                      conflicts waiting for a person, field by field
  resolve ID --mine | --theirs | --file FILE     settle a conflict
  recover                                        for a damaged or too-new replica: export the unsent
                                                 changes, set the file aside, start a fresh replica
  import-outbox FILE                             put exported unsent changes back (after recover)

The replica defaults to $CARTA_REPLICA or the per-user data folder. $CARTA_TOKEN overrides
the stored token.
)";

struct Cli
{
    QString replicaPath;
    bool json = false;
    QStringList positional;
    QMultiHash<QString, QString> options;
    QTextStream out{stdout};

    QString option(const char *name, const QString &fallback = QString()) const
    {
        return options.value(QString::fromLatin1(name), fallback);
    }
    bool flag(const char *name) const { return options.contains(QString::fromLatin1(name)); }
};

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "carta-cli: %s\n", message.toUtf8().constData());
    return code;
}

void printJson(Cli &cli, const JsonValue &value)
{
    cli.out << QString::fromUtf8(serializeCanonical(value));
    cli.out.flush();
}

QString defaultReplicaPath()
{
    const QString env = qEnvironmentVariable("CARTA_REPLICA");
    if (!env.isEmpty())
        return env;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/carta");
    return dir + QStringLiteral("/replica.sqlite");
}

Result<std::unique_ptr<Replica>> openReplica(const Cli &cli)
{
    QDir().mkpath(QFileInfo(cli.replicaPath).absolutePath());
    OpenFailure failure = OpenFailure::None;
    auto replica = Replica::open(cli.replicaPath, &failure);
    if (!replica && (failure == OpenFailure::Corrupt || failure == OpenFailure::NewerSchema))
        return Issue{cli.replicaPath, replica.errorString()
                                          + QStringLiteral("\nYour unsent changes can be saved: run `carta-cli --replica %1 recover`.").arg(cli.replicaPath)};
    if (replica) {
        // The replica holds a token: keep it private to this user.
        QFile::setPermissions(cli.replicaPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return replica;
}

QString token(const Replica &replica)
{
    const QString env = qEnvironmentVariable("CARTA_TOKEN");
    if (!env.isEmpty())
        return env;
    return replica.setting(QStringLiteral("token")).valueOr(QString());
}

} // namespace

namespace {

int login(Cli &cli, Replica &replica)
{
    const QString server = cli.option("server");
    const QString user = cli.option("user");
    const QString tokenValue = cli.option("token");
    if (server.isEmpty() || user.isEmpty() || tokenValue.isEmpty())
        return fail(QStringLiteral("usage: login --server URL --user NAME --token TOKEN"), 2);
    const QUrl url(server);
    if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")))
        return fail(QStringLiteral("--server: \"%1\" is not an http(s) address").arg(server), 2);
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(server + QStringLiteral("/api/v1/me")));
    request.setRawHeader("Authorization", "Bearer " + tokenValue.toUtf8());
    request.setTransferTimeout(30000);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return fail(QStringLiteral("cannot reach %1: %2").arg(server, reply->errorString()));
    auto me = parseJson(reply->readAll());
    if (status != 200 || !me)
        return fail(QStringLiteral("the server refused the token (HTTP %1)").arg(status));
    if (me.value()[QStringLiteral("name")].toString() != user)
        return fail(QStringLiteral("this token belongs to \"%1\", not \"%2\"").arg(me.value()[QStringLiteral("name")].toString(), user));
    const QString previous = replica.setting(QStringLiteral("server")).valueOr(QString());
    if (!previous.isEmpty() && previous != server)
        return fail(QStringLiteral("this replica belongs to %1; use another --replica for %2").arg(previous, server));
    for (const auto &[key, value] : {std::pair{QStringLiteral("server"), server}, std::pair{QStringLiteral("user"), user},
                                     std::pair{QStringLiteral("token"), tokenValue}})
        if (auto r = replica.setSetting(key, value); !r)
            return fail(r.errorString());
    if (cli.json)
        printJson(cli, me.value());
    else
        cli.out << "Signed in to " << server << " as " << user << " (" << me.value()[QStringLiteral("role")].toString() << ")\n";
    return 0;
}

int runSync(Cli &cli, Replica &replica)
{
    const QString server = replica.setting(QStringLiteral("server")).valueOr(QString());
    if (server.isEmpty())
        return fail(QStringLiteral("not signed in: run `carta-cli login --server URL --user NAME --token TOKEN` first"));
    sync::SyncEngine engine(replica, QUrl(server), token(replica));
    if (!cli.json) {
        QObject::connect(&engine, &sync::SyncEngine::progress, [](qint64 done, qint64 total, const QString &phase) {
            std::fprintf(stderr, "\r%s %lld/%lld   ", phase.toUtf8().constData(), qlonglong(done), qlonglong(total));
        });
    }
    auto report = engine.runBlocking();
    if (!cli.json)
        std::fprintf(stderr, "\n");
    if (!report)
        return fail(report.errorString());
    const sync::SyncReport &r = report.value();
    if (cli.json) {
        printJson(cli, JsonObject{{QStringLiteral("pushed"), r.pushed}, {QStringLiteral("pulled"), r.pulled},
                                  {QStringLiteral("conflicts"), r.conflicts}, {QStringLiteral("refused"), r.refused}});
    } else {
        cli.out << "Sent " << r.pushed << " change(s), received " << r.pulled << ".";
        if (r.refused)
            cli.out << " " << r.refused << " refused by the server (see `carta-cli status`).";
        if (r.conflicts)
            cli.out << " " << r.conflicts << " conflict(s) need you (see `carta-cli conflicts`).";
        cli.out << "\n";
    }
    return 0;
}

int status(Cli &cli, Replica &replica)
{
    auto s = replica.status();
    if (!s)
        return fail(s.errorString());
    auto dirty = replica.dirtyItems();
    if (!dirty)
        return fail(dirty.errorString());
    JsonArray refused;
    for (const LocalItem &i : dirty.value()) {
        if (i.pushIssues.isEmpty())
            continue;
        JsonArray issues;
        for (const Issue &issue : i.pushIssues)
            issues.emplace_back(issue.toString());
        refused.emplace_back(JsonObject{{QStringLiteral("id"), idString(i.id)}, {QStringLiteral("issues"), JsonValue(std::move(issues))}});
    }
    const Status &st = s.value();
    if (cli.json) {
        printJson(cli, JsonObject{{QStringLiteral("server"), replica.setting(QStringLiteral("server")).valueOr(QString())},
                                  {QStringLiteral("user"), replica.setting(QStringLiteral("user")).valueOr(QString())},
                                  {QStringLiteral("items"), st.items}, {QStringLiteral("unsent"), st.dirty},
                                  {QStringLiteral("conflicts"), st.conflicts}, {QStringLiteral("pending_batches"), st.pendingBatches},
                                  {QStringLiteral("cursor"), st.cursor}, {QStringLiteral("last_sync"), st.lastSync},
                                  {QStringLiteral("refused"), JsonValue(std::move(refused))}});
        return 0;
    }
    cli.out << "Replica:    " << replica.path() << "\n"
            << "Server:     " << replica.setting(QStringLiteral("server")).valueOr(QStringLiteral("(not signed in)")) << " as "
            << replica.setting(QStringLiteral("user")).valueOr(QString()) << "\n"
            << "Items:      " << st.items << "\n"
            << "Unsent:     " << st.dirty << (st.pendingBatches ? QStringLiteral(" (a push is waiting for the server's answer)") : QString()) << "\n"
            << "Conflicts:  " << st.conflicts << "\n"
            << "Last sync:  " << (st.lastSync.isEmpty() ? QStringLiteral("never") : st.lastSync) << "\n";
    for (const JsonValue &r : refused) {
        cli.out << "Refused " << r[QStringLiteral("id")].toString() << ":\n";
        for (const JsonValue &i : r[QStringLiteral("issues")].toArray())
            cli.out << "  " << i.toString() << "\n";
    }
    return 0;
}

int search(Cli &cli, Replica &replica)
{
    SearchQuery query;
    query.text = cli.positional.mid(1).join(QLatin1Char(' '));
    const std::pair<const char *, Facet> facetOptions[] = {{"type", Facet::Type}, {"state", Facet::State},
                                                           {"profession", Facet::Profession}, {"specialty", Facet::Specialty},
                                                           {"career-stage", Facet::CareerStage}, {"region", Facet::Region}};
    for (const auto &[name, facet] : facetOptions)
        for (const QString &v : cli.options.values(QString::fromLatin1(name)))
            query.filters[facet].append(v);
    bool ok = true;
    query.limit = cli.option("limit", QStringLiteral("20")).toInt(&ok);
    if (!ok || query.limit < 1)
        return fail(QStringLiteral("--limit: must be a positive number"), 2);
    auto result = replica.search(query);
    if (!result)
        return fail(result.errorString());
    const SearchResult &r = result.value();
    if (cli.json) {
        JsonArray hits;
        for (const SearchHit &h : r.hits)
            hits.emplace_back(JsonObject{{QStringLiteral("id"), idString(h.id)}, {QStringLiteral("type"), toString(h.type)},
                                         {QStringLiteral("state"), toString(h.state)}, {QStringLiteral("title"), h.title},
                                         {QStringLiteral("snippet"), h.snippet}});
        JsonObject facets;
        for (const auto &[facet, counts] : r.facets) {
            JsonObject values;
            for (const FacetCount &c : counts)
                values[c.value] = c.count;
            facets[toString(facet)] = JsonValue(std::move(values));
        }
        printJson(cli, JsonObject{{QStringLiteral("total"), r.total}, {QStringLiteral("hits"), JsonValue(std::move(hits))},
                                  {QStringLiteral("facets"), JsonValue(std::move(facets))}});
        return 0;
    }
    cli.out << r.total << " result(s)\n";
    for (const SearchHit &h : r.hits)
        cli.out << idString(h.id) << "  " << toString(h.type) << "  " << h.title << "\n    " << h.snippet << "\n";
    for (const auto &[facet, counts] : r.facets) {
        cli.out << toString(facet) << ":";
        for (const FacetCount &c : counts)
            cli.out << " " << c.value << " (" << c.count << ")";
        cli.out << "\n";
    }
    return 0;
}

Result<QUuid> idArgument(const Cli &cli)
{
    const QUuid id = QUuid::fromString(cli.positional.value(1));
    if (id.isNull())
        return Issue{QString(), QStringLiteral("give an item id (a UUID)")};
    return id;
}

int show(Cli &cli, Replica &replica)
{
    auto id = idArgument(cli);
    if (!id)
        return fail(id.errorString(), 2);
    auto local = replica.item(id.value());
    if (!local)
        return fail(local.errorString());
    if (!local.value())
        return fail(QStringLiteral("no item %1 in the replica").arg(idString(id.value())));
    const LocalItem &i = *local.value();
    if (cli.json) {
        auto json = parseJson(i.bytes);
        printJson(cli, JsonObject{{QStringLiteral("id"), idString(i.id)}, {QStringLiteral("revision"), i.revision},
                                  {QStringLiteral("base_revision"), i.baseRevision}, {QStringLiteral("live_revision"), i.liveRevision},
                                  {QStringLiteral("unsent"), i.dirty}, {QStringLiteral("deleted"), i.deleted},
                                  {QStringLiteral("conflicted"), i.conflicted}, {QStringLiteral("item"), json ? json.value() : JsonValue()}});
        return 0;
    }
    cli.out << QString::fromUtf8(i.bytes);
    std::fprintf(stderr, "revision %s%s%s%s\n", qPrintable(i.revision), i.dirty ? ", not yet sent" : "",
                 i.conflicted ? ", in conflict" : "", i.deleted ? ", deleted" : "");
    return 0;
}

Result<QByteArray> readInput(const QString &path)
{
    QFile f;
    if (path == QStringLiteral("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly))
            return Issue{path, QStringLiteral("cannot read standard input")};
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly))
            return Issue{path, QStringLiteral("cannot read: %1").arg(f.errorString())};
    }
    return f.readAll();
}

int edit(Cli &cli, Replica &replica)
{
    if (cli.positional.size() != 2)
        return fail(QStringLiteral("usage: edit FILE (\"-\" for standard input)"), 2);
    auto bytes = readInput(cli.positional[1]);
    if (!bytes)
        return fail(bytes.errorString());
    auto item = parseItem(bytes.value());
    if (!item) {
        // Nothing is saved: say what is wrong and where.
        QStringList lines;
        for (const Issue &issue : item.issues())
            lines.append(cli.positional[1] + QStringLiteral(": ") + issue.toString());
        return fail(lines.join(QLatin1Char('\n')));
    }
    // Content rules are checked by the server; report them early, save the draft anyway.
    const Issues issues = validate(item.value(), nullptr);
    for (const Issue &issue : issues)
        std::fprintf(stderr, "carta-cli: warning: %s\n", issue.toString().toUtf8().constData());
    auto revision = replica.saveItem(item.value());
    if (!revision)
        return fail(revision.errorString());
    if (cli.json)
        printJson(cli, JsonObject{{QStringLiteral("id"), idString(item.value().id)}, {QStringLiteral("revision"), revision.value()},
                                  {QStringLiteral("warnings"), qint64(issues.size())}});
    else
        cli.out << "Saved " << idString(item.value().id) << " as revision " << revision.value() << " (sent with the next sync)\n";
    return 0;
}

int remove(Cli &cli, Replica &replica)
{
    auto id = idArgument(cli);
    if (!id)
        return fail(id.errorString(), 2);
    if (auto r = replica.deleteItem(id.value()); !r)
        return fail(r.errorString());
    if (!cli.json)
        cli.out << "Deleted " << idString(id.value()) << " (sent with the next sync)\n";
    return 0;
}

int conflicts(Cli &cli, Replica &replica)
{
    auto list = replica.conflicts();
    if (!list)
        return fail(list.errorString());
    JsonArray out;
    for (const ConflictRecord &c : list.value()) {
        JsonArray details;
        for (const Conflict &d : c.conflicts)
            details.emplace_back(JsonObject{{QStringLiteral("kind"), toString(d.kind)}, {QStringLiteral("path"), d.path},
                                            {QStringLiteral("base"), d.base}, {QStringLiteral("mine"), d.mine}, {QStringLiteral("theirs"), d.theirs}});
        out.emplace_back(JsonObject{{QStringLiteral("id"), idString(c.id)}, {QStringLiteral("theirs_revision"), c.theirsRevision},
                                    {QStringLiteral("server_deleted"), c.theirs.isEmpty()}, {QStringLiteral("conflicts"), JsonValue(std::move(details))}});
    }
    if (cli.json) {
        printJson(cli, JsonValue(std::move(out)));
        return 0;
    }
    if (out.empty())
        cli.out << "No conflicts.\n";
    for (const JsonValue &c : out) {
        cli.out << c[QStringLiteral("id")].toString() << (c[QStringLiteral("server_deleted")].toBool() ? QStringLiteral(" (deleted on the server)") : QString()) << "\n";
        for (const JsonValue &d : c[QStringLiteral("conflicts")].toArray())
            cli.out << "  " << d[QStringLiteral("kind")].toString() << " " << d[QStringLiteral("path")].toString() << "\n"
                    << "    mine:   " << QString::fromUtf8(serializeCompact(d[QStringLiteral("mine")])) << "\n"
                    << "    theirs: " << QString::fromUtf8(serializeCompact(d[QStringLiteral("theirs")])) << "\n";
    }
    return 0;
}

int resolve(Cli &cli, Replica &replica)
{
    auto id = idArgument(cli);
    if (!id)
        return fail(id.errorString(), 2);
    auto list = replica.conflicts();
    if (!list)
        return fail(list.errorString());
    auto it = std::find_if(list.value().cbegin(), list.value().cend(), [&](const ConflictRecord &c) { return c.id == id.value(); });
    if (it == list.value().cend())
        return fail(QStringLiteral("no conflict for %1").arg(idString(id.value())));
    QByteArray chosen;
    if (cli.flag("mine"))
        chosen = it->mine;
    else if (cli.flag("theirs"))
        chosen = it->theirs;
    else if (cli.flag("file")) {
        auto bytes = readInput(cli.option("file"));
        if (!bytes)
            return fail(bytes.errorString());
        chosen = bytes.value();
    } else {
        return fail(QStringLiteral("usage: resolve ID --mine | --theirs | --file FILE"), 2);
    }
    if (chosen.isEmpty())
        return fail(QStringLiteral("that side deleted the item; to delete it too, resolve --theirs is not possible: use `carta-cli delete %1`")
                        .arg(idString(id.value())));
    auto item = parseItem(chosen);
    if (!item)
        return fail(item.errorString());
    if (auto r = replica.resolve(id.value(), item.value()); !r)
        return fail(r.errorString());
    if (!cli.json)
        cli.out << "Resolved " << idString(id.value()) << "; it is sent with the next sync\n";
    return 0;
}

int recover(Cli &cli)
{
    auto exported = Replica::exportOutbox(cli.replicaPath);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString outboxFile = cli.replicaPath + QStringLiteral(".outbox-") + stamp + QStringLiteral(".json");
    if (exported) {
        QFile f(outboxFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(exported.value()) != exported.value().size())
            return fail(QStringLiteral("cannot write %1; nothing was moved").arg(outboxFile));
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    } else {
        std::fprintf(stderr, "carta-cli: warning: no unsent changes could be read: %s\n", exported.errorString().toUtf8().constData());
    }
    const QString aside = cli.replicaPath + QStringLiteral(".damaged-") + stamp;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFile::exists(cli.replicaPath + suffix) && !QFile::rename(cli.replicaPath + suffix, aside + suffix))
            return fail(QStringLiteral("cannot move %1 aside").arg(cli.replicaPath + suffix));
    cli.out << "The old replica is kept at " << aside << ".\n";
    if (exported)
        cli.out << "Unsent changes were saved to " << outboxFile << ".\n";
    cli.out << "Next: carta-cli login … ; carta-cli sync ; carta-cli import-outbox " << (exported ? outboxFile : QStringLiteral("FILE"))
            << " ; carta-cli sync\n";
    return 0;
}

int importOutbox(Cli &cli, Replica &replica)
{
    if (cli.positional.size() != 2)
        return fail(QStringLiteral("usage: import-outbox FILE"), 2);
    auto bytes = readInput(cli.positional[1]);
    if (!bytes)
        return fail(bytes.errorString());
    auto json = parseJson(bytes.value(), JsonLimits{1024 * 1024 * 1024, 64});
    if (!json || !json.value().isArray())
        return fail(QStringLiteral("%1: not an exported outbox: %2").arg(cli.positional[1], json ? QStringLiteral("expected a JSON array") : json.errorString()));
    int restored = 0;
    const JsonArray entries = json.value().toArray();
    for (size_t n = 0; n < entries.size(); ++n) {
        const JsonValue &e = entries[n];
        const QUuid id = QUuid::fromString(e[QStringLiteral("id")].toString());
        const QByteArray base = e[QStringLiteral("base_item")].isObject() ? serializeCanonical(e[QStringLiteral("base_item")]) : QByteArray();
        std::optional<QByteArray> item;
        if (e[QStringLiteral("item")].isObject())
            item = serializeCanonical(e[QStringLiteral("item")]);
        else if (!e[QStringLiteral("deleted")].toBool())
            return fail(QStringLiteral("%1: entry %2 has neither an item nor deleted").arg(cli.positional[1]).arg(n));
        if (auto r = replica.restoreEdit(id, e[QStringLiteral("base_revision")].toString(), base, item); !r)
            return fail(QStringLiteral("%1: entry %2: %3").arg(cli.positional[1]).arg(n).arg(r.errorString()));
        ++restored;
    }
    cli.out << "Restored " << restored << " unsent change(s); run `carta-cli sync` to send them.\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("carta"));
    Cli cli;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QStringLiteral("--help")) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (a == QStringLiteral("--json")) {
            cli.json = true;
        } else if (a == QStringLiteral("--mine") || a == QStringLiteral("--theirs")) {
            cli.options.insert(a.mid(2), QString());
        } else if (a.startsWith(QStringLiteral("--"))) {
            if (i + 1 >= args.size())
                return fail(QStringLiteral("%1 needs a value").arg(a), 2);
            cli.options.insert(a.mid(2), args[++i]);
        } else {
            cli.positional.append(a);
        }
    }
    cli.replicaPath = cli.option("replica", defaultReplicaPath());
    if (cli.positional.isEmpty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const QString command = cli.positional.first();
    if (command == QStringLiteral("recover"))
        return recover(cli);
    auto replica = openReplica(cli);
    if (!replica)
        return fail(replica.errorString());
    Replica &r = *replica.value();
    if (command == QStringLiteral("login")) return login(cli, r);
    if (command == QStringLiteral("sync")) return runSync(cli, r);
    if (command == QStringLiteral("status")) return status(cli, r);
    if (command == QStringLiteral("search")) return search(cli, r);
    if (command == QStringLiteral("show")) return show(cli, r);
    if (command == QStringLiteral("edit")) return edit(cli, r);
    if (command == QStringLiteral("delete")) return remove(cli, r);
    if (command == QStringLiteral("conflicts")) return conflicts(cli, r);
    if (command == QStringLiteral("resolve")) return resolve(cli, r);
    if (command == QStringLiteral("import-outbox")) return importOutbox(cli, r);
    return fail(QStringLiteral("unknown command \"%1\"\n%2").arg(command, QString::fromUtf8(kUsage)), 2);
}
