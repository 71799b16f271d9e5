// carta-cli: a headless Carta client on the same libraries as the desktop app: sign in,
// sync, search, show, edit, status, conflicts, resolve, and the workflow (actions, schedules,
// history, revert) straight on the server. --json for scripts.
#include "replica/replica.h"
#include "sync/syncengine.h"

#include "model/diff.h"
#include "model/json.h"
#include "model/validation.h"
#include "model/workflow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimeZone>

#include <cstdio>
#include <tuple>

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

Workflow, on the server at once (your replica sees the result at its next sync):
  submit | request-changes | approve | publish | unpublish | archive ID [--comment TEXT]
         [--base-revision REV]                   REV: act only if the item is still at REV
  schedule ID --publish-at TIME [--unpublish-at TIME] [--first | --second] [--comment TEXT]
  schedule ID --unpublish-at TIME [--first | --second] [--comment TEXT]
                                                 TIME: UK time (Europe/London), "2027-03-29 09:00";
                                                 or with an offset, "2026-10-25 01:30+00:00".
                                                 When the clocks go back a time happens twice:
                                                 --first (BST) or --second (GMT) says which
  history ID                                     who did what, when, with comments
  revert ID REVISION [--comment TEXT]            a past revision becomes a new draft

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
    if (cli.json)
        printJson(cli, JsonObject{{QStringLiteral("id"), idString(id.value())}, {QStringLiteral("deleted"), true}});
    else
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
    if (cli.json)
        printJson(cli, JsonObject{{QStringLiteral("id"), idString(id.value())}, {QStringLiteral("resolved"), true},
                                  {QStringLiteral("revision"), revisionId(serialize(item.value()))}});
    else
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
    if (cli.json) {
        printJson(cli, JsonObject{{QStringLiteral("damaged_copy"), aside},
                                  {QStringLiteral("outbox"), exported ? JsonValue(outboxFile) : JsonValue()}});
        return 0;
    }
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
    // Every entry is read and checked before any is stored: a bad one restores nothing.
    const QString file = cli.positional[1];
    const JsonArray entries = json.value().toArray();
    QList<Replica::RestoredEdit> edits;
    edits.reserve(qsizetype(entries.size()));
    for (size_t n = 0; n < entries.size(); ++n) {
        const JsonValue &e = entries[n];
        const auto bad = [&](const QString &why) {
            return fail(QStringLiteral("%1: edit %2: %3; nothing was restored").arg(file).arg(n).arg(why));
        };
        if (!e.isObject())
            return bad(QStringLiteral("expected an object"));
        Replica::RestoredEdit edit;
        edit.id = QUuid::fromString(e[QStringLiteral("id")].toString());
        if (edit.id.isNull())
            return bad(QStringLiteral("id: expected an item id, got \"%1\"").arg(e[QStringLiteral("id")].toString()));
        edit.baseRevision = e[QStringLiteral("base_revision")].toString();
        if (e[QStringLiteral("base_item")].isObject())
            edit.baseBytes = serializeCanonical(e[QStringLiteral("base_item")]);
        if (e[QStringLiteral("item")].isObject())
            edit.bytes = serializeCanonical(e[QStringLiteral("item")]);
        else if (!e[QStringLiteral("deleted")].toBool())
            return bad(QStringLiteral("neither an item nor deleted"));
        edits.append(std::move(edit));
    }
    if (auto r = replica.restoreEdits(edits); !r)
        return fail(QStringLiteral("%1: %2; nothing was restored").arg(file, r.errorString()));
    if (cli.json)
        printJson(cli, JsonObject{{QStringLiteral("restored"), qint64(edits.size())}});
    else
        cli.out << "Restored " << edits.size() << " unsent change(s); run `carta-cli sync` to send them.\n";
    return 0;
}


// ---- workflow on the server -----------------------------------------------------------

struct ServerAnswer
{
    int status = 0;
    JsonValue json;
};

// One request to the signed-in server; a network failure is an issue, any HTTP answer is not.
Result<ServerAnswer> callServer(const Replica &replica, const QByteArray &verb, const QString &path, const std::optional<JsonValue> &body = std::nullopt)
{
    const QString server = replica.setting(QStringLiteral("server")).valueOr(QString());
    if (server.isEmpty())
        return Issue{QString(), QStringLiteral("not signed in: run `carta-cli login --server URL --user NAME --token TOKEN` first")};
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(server + path));
    request.setRawHeader("Authorization", "Bearer " + token(replica).toUtf8());
    request.setTransferTimeout(60000);
    QByteArray bytes;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        bytes = serializeCompact(*body);
    }
    QNetworkReply *reply = network.sendCustomRequest(request, verb, bytes);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    ServerAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (answer.status == 0)
        return Issue{QString(), QStringLiteral("cannot reach %1: %2").arg(server, reply->errorString())};
    answer.json = parseJson(reply->readAll()).valueOr(JsonValue());
    return answer;
}

// The server's refusal in words, with what to do where there is something to do.
int refused(const ServerAnswer &answer, const QUuid &id)
{
    const QString message = answer.json[QStringLiteral("error")][QStringLiteral("message")].toString();
    switch (answer.status) {
    case 403:
        return fail(QStringLiteral("not allowed: %1").arg(message));
    case 404:
        return fail(QStringLiteral("no item %1 on the server that you may see (%2)").arg(idString(id), message));
    case 409:
        return fail(QStringLiteral("the item changed on the server: it is now at revision %1, not the one you gave; "
                                   "run `carta-cli sync`, look at it again, and retry")
                        .arg(answer.json[QStringLiteral("server_revision")].toString()));
    case 422: {
        QStringList lines{QStringLiteral("the item does not pass validation, so it cannot be published as it is:")};
        for (const JsonValue &issue : answer.json[QStringLiteral("issues")].toArray())
            lines.append(QStringLiteral("  %1: %2").arg(issue[QStringLiteral("where")].toString(), issue[QStringLiteral("message")].toString()));
        return fail(lines.join(QLatin1Char('\n')));
    }
    default:
        return fail(QStringLiteral("the server refused (HTTP %1): %2").arg(answer.status).arg(message.isEmpty() ? QStringLiteral("no reason given") : message));
    }
}

std::optional<Action> workflowVerb(const QString &command)
{
    static const std::pair<const char16_t *, Action> verbs[] = {
        {u"submit", Action::Submit}, {u"request-changes", Action::RequestChanges}, {u"approve", Action::Approve},
        {u"publish", Action::Publish}, {u"unpublish", Action::Unpublish}, {u"archive", Action::Archive}};
    for (const auto &[verb, action] : verbs)
        if (command == QStringView(verb))
            return action;
    return std::nullopt;
}

QString londonZoneText(const QDateTime &instant);

// Sends one action; prints the outcome (the server's answer with --json).
int sendAction(Cli &cli, Replica &replica, const QUuid &id, Action action, JsonObject body)
{
    body[QStringLiteral("action")] = toString(action);
    if (cli.options.contains(QStringLiteral("comment")))
        body[QStringLiteral("comment")] = cli.option("comment");
    if (cli.options.contains(QStringLiteral("base-revision")))
        body[QStringLiteral("base_revision")] = cli.option("base-revision");
    auto answer = callServer(replica, "POST", QStringLiteral("/api/v1/items/%1/actions").arg(idString(id)), JsonValue(std::move(body)));
    if (!answer)
        return fail(answer.errorString());
    if (answer.value().status != 200)
        return refused(answer.value(), id);
    const JsonValue &a = answer.value().json;
    if (cli.json) {
        printJson(cli, a);
        return 0;
    }
    const JsonValue item = a[QStringLiteral("item")];
    cli.out << "Done: " << toString(action).replace(QLatin1Char('_'), QLatin1Char(' ')) << " " << idString(id) << " \""
            << item[QStringLiteral("title")].toString() << "\"\n"
            << "  state:         " << a[QStringLiteral("state")].toString() << "\n"
            << "  revision:      " << a[QStringLiteral("revision")].toString() << "\n"
            << "  live revision: " << (a[QStringLiteral("live_revision")].isNull() ? QStringLiteral("none") : a[QStringLiteral("live_revision")].toString()) << "\n";
    for (const auto &[key, label] : {std::pair{QStringLiteral("publish_at"), QStringLiteral("publish at:    ")},
                                     std::pair{QStringLiteral("unpublish_at"), QStringLiteral("unpublish at:  ")}}) {
        const JsonValue t = item[QStringLiteral("schedule")][key];
        if (t.isString())
            cli.out << "  " << label << londonZoneText(QDateTime::fromString(t.toString(), Qt::ISODate)) << "\n";
    }
    return 0;
}

int workflowAction(Cli &cli, Replica &replica, Action action)
{
    auto id = idArgument(cli);
    if (!id || cli.positional.size() != 2)
        return fail(QStringLiteral("usage: %1 ID [--comment TEXT] [--base-revision REV]").arg(cli.positional.first()), 2);
    return sendAction(cli, replica, id.value(), action, {});
}

const QTimeZone &londonZone()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/London"));
    return zone;
}

// "2027-03-29 09:00 BST (2027-03-29T09:00:00+01:00)"
QString londonZoneText(const QDateTime &instant)
{
    const QDateTime london = instant.toTimeZone(londonZone());
    const int offset = london.offsetFromUtc();
    const QString iso = london.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2").arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0')).arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 %2 (%3)").arg(london.toString(QStringLiteral("yyyy-MM-dd HH:mm")), londonZone().abbreviation(london), iso);
}

QString offsetText(int seconds)
{
    return QStringLiteral("%1%2:%3").arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(std::abs(seconds) / 3600, 2, 10, QLatin1Char('0')).arg(std::abs(seconds) % 3600 / 60, 2, 10, QLatin1Char('0'));
}

enum class Repeated { Ask, First, Second };

// A time as a person writes it: UK wall-clock time, or with an explicit offset. A time the
// clocks skip is refused; a time they repeat needs --first, --second or an offset.
Result<QDateTime> parseLondonTime(const QString &option, const QString &text, Repeated repeated)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))? *(Z|[+-]\\d{2}:?\\d{2})?\\z"));
    const QString where = QStringLiteral("--") + option;
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return Issue{where, QStringLiteral("\"%1\" is not a time: write it as YYYY-MM-DD HH:MM in UK time, like \"2027-03-29 09:00\"").arg(text)};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return Issue{where, QStringLiteral("\"%1\" is not a real date and time").arg(text)};
    if (time.second() != 0)
        return Issue{where, QStringLiteral("\"%1\": schedules are on a whole minute").arg(text)};
    if (const QString offset = m.captured(7); !offset.isEmpty()) {
        if (offset == QStringLiteral("Z"))
            return QDateTime(date, time, QTimeZone::utc());
        const QString digits = QString(offset).remove(QLatin1Char(':'));
        const int seconds = (digits.mid(1, 2).toInt() * 3600 + digits.mid(3, 2).toInt() * 60) * (digits.startsWith(QLatin1Char('-')) ? -1 : 1);
        return QDateTime(date, time, QTimeZone(seconds));
    }
    // Every instant whose London wall-clock time this is: none in the hour the clocks skip,
    // two in the hour they repeat.
    const QTimeZone &zone = londonZone();
    const QDateTime wall(date, time, QTimeZone::utc());
    QList<QDateTime> instants;
    for (const QDateTime &probe : {wall.addDays(-1), wall, wall.addDays(1)}) {
        const QDateTime candidate = wall.addSecs(-zone.offsetFromUtc(probe));
        if (zone.offsetFromUtc(candidate) == zone.offsetFromUtc(probe) && !instants.contains(candidate))
            instants.append(candidate);
    }
    std::sort(instants.begin(), instants.end());
    const QString wallText = date.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char(' ') + time.toString(QStringLiteral("HH:mm"));
    const QTimeZone::OffsetData change = zone.nextTransition(wall.addDays(-1));
    const int before = zone.offsetFromUtc(change.atUtc.addSecs(-1));
    const QString changeFrom = change.atUtc.addSecs(before).toString(QStringLiteral("HH:mm"));
    const QString changeTo = change.atUtc.addSecs(change.offsetFromUtc).toString(QStringLiteral("HH:mm"));
    if (instants.isEmpty())
        return Issue{where, QStringLiteral("%1 does not exist in UK time (Europe/London): that night the clocks go forward from %2 to %3. "
                                           "Give a time before %2 or from %3.")
                                .arg(wallText, changeFrom, changeTo)};
    if (instants.size() == 1)
        return instants.first().toTimeZone(zone);
    if (repeated == Repeated::Ask) {
        auto describe = [&](const QDateTime &t) {
            return QStringLiteral("%1 (%2)").arg(zone.abbreviation(t), offsetText(zone.offsetFromUtc(t)));
        };
        return Issue{where, QStringLiteral("%1 happens twice in UK time (Europe/London): that night the clocks go back from %2 to %3. "
                                           "Add --first for the first %4, %5, or --second for the second, %6; or write the offset, "
                                           "like \"%1%7\".")
                                .arg(wallText, changeFrom, changeTo, time.toString(QStringLiteral("HH:mm")), describe(instants.first()),
                                     describe(instants.last()), offsetText(zone.offsetFromUtc(instants.first())))};
    }
    return (repeated == Repeated::First ? instants.first() : instants.last()).toTimeZone(zone);
}

QString isoInstant(const QDateTime &t)
{
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + offsetText(t.offsetFromUtc());
}

int schedule(Cli &cli, Replica &replica)
{
    auto id = idArgument(cli);
    const bool publish = cli.options.contains(QStringLiteral("publish-at"));
    const bool unpublish = cli.options.contains(QStringLiteral("unpublish-at"));
    if (!id || cli.positional.size() != 2 || (!publish && !unpublish))
        return fail(QStringLiteral("usage: schedule ID --publish-at \"YYYY-MM-DD HH:MM\" [--unpublish-at \"YYYY-MM-DD HH:MM\"] "
                                   "[--first | --second] [--comment TEXT] (UK time)"), 2);
    if (cli.flag("first") && cli.flag("second"))
        return fail(QStringLiteral("give --first or --second, not both"), 2);
    const Repeated repeated = cli.flag("first") ? Repeated::First : cli.flag("second") ? Repeated::Second : Repeated::Ask;
    JsonObject body;
    for (const auto &[option, key, wanted] : {std::tuple{QStringLiteral("publish-at"), QStringLiteral("publish_at"), publish},
                                              std::tuple{QStringLiteral("unpublish-at"), QStringLiteral("unpublish_at"), unpublish}}) {
        if (!wanted)
            continue;
        auto t = parseLondonTime(option, cli.options.value(option), repeated);
        if (!t)
            return fail(t.errorString(), 2);
        body[key] = isoInstant(t.value());
    }
    // With a publish time, an unpublish time rides along (a new item has no live revision yet).
    return sendAction(cli, replica, id.value(), publish ? Action::SchedulePublish : Action::ScheduleUnpublish, std::move(body));
}

int history(Cli &cli, Replica &replica)
{
    auto id = idArgument(cli);
    if (!id || cli.positional.size() != 2)
        return fail(QStringLiteral("usage: history ID"), 2);
    auto answer = callServer(replica, "GET", QStringLiteral("/api/v1/items/%1/history").arg(idString(id.value())));
    if (!answer)
        return fail(answer.errorString());
    if (answer.value().status != 200)
        return refused(answer.value(), id.value());
    const JsonValue &a = answer.value().json;
    if (cli.json) {
        printJson(cli, a);
        return 0;
    }
    for (const JsonValue &e : a[QStringLiteral("history")].toArray()) {
        const QDateTime when = QDateTime::fromString(e[QStringLiteral("time")].toString(), Qt::ISODate).toTimeZone(londonZone());
        QString action = e[QStringLiteral("action")].toString();
        if (action.isEmpty())
            action = QStringLiteral("(no action recorded)");
        cli.out << when.toString(QStringLiteral("yyyy-MM-dd HH:mm")) << " " << londonZone().abbreviation(when) << "  "
                << e[QStringLiteral("author")].toString() << "  " << action.replace(QLatin1Char('_'), QLatin1Char(' '));
        if (e[QStringLiteral("scheduled")].isString())
            cli.out << " (as scheduled for " << londonZoneText(QDateTime::fromString(e[QStringLiteral("scheduled")].toString(), Qt::ISODate)) << ")";
        cli.out << "  revision " << (e[QStringLiteral("revision")].isNull() ? QStringLiteral("(deleted)") : e[QStringLiteral("revision")].toString().left(12))
                << "\n";
        const QString comment = e[QStringLiteral("comment")].toString();
        if (!comment.isEmpty())
            cli.out << "    “" << QString(comment).replace(QLatin1Char('\n'), QStringLiteral("\n     ")) << "”\n";
    }
    return 0;
}

int revert(Cli &cli, Replica &replica)
{
    auto id = idArgument(cli);
    static const QRegularExpression revisionPattern(QStringLiteral("^[0-9a-f]{40}\\z"));
    if (!id || cli.positional.size() != 3)
        return fail(QStringLiteral("usage: revert ID REVISION [--comment TEXT] (see `carta-cli history ID` for revisions)"), 2);
    if (!revisionPattern.match(cli.positional[2]).hasMatch())
        return fail(QStringLiteral("\"%1\" is not a revision id (40 lowercase hex digits; see `carta-cli history %2`)")
                        .arg(cli.positional[2], idString(id.value())), 2);
    return sendAction(cli, replica, id.value(), Action::Revert, JsonObject{{QStringLiteral("revision"), cli.positional[2]}});
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
        } else if (a == QStringLiteral("--mine") || a == QStringLiteral("--theirs") || a == QStringLiteral("--first")
                   || a == QStringLiteral("--second")) {
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
    if (const auto action = workflowVerb(command)) return workflowAction(cli, r, *action);
    if (command == QStringLiteral("schedule")) return schedule(cli, r);
    if (command == QStringLiteral("history")) return history(cli, r);
    if (command == QStringLiteral("revert")) return revert(cli, r);
    return fail(QStringLiteral("unknown command \"%1\"\n%2").arg(command, QString::fromUtf8(kUsage)), 2);
}
