// carta-syncd enforces the workflow rules on every request: each role x action x state x
// scope against a real server, on a fresh item per row, with carta_model's decide() as the
// expected answer (the rules themselves are unit-tested in tests/model/).
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"

#include "model/item.h"
#include "model/json.h"
#include "model/workflow.h"

#include <QHash>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <map>

using namespace carta;
using namespace carta::model;
using namespace carta::testing;
using namespace Qt::StringLiterals;

namespace {


QString actionsPath(const Item &item) { return u"/api/v1/items/%1/actions"_s.arg(idString(item.id)); }

const QString kLondon = u"london"_s;         // the scope of every user but the admin
const QString kNorthWest = u"north-west"_s;  // outside it
constexpr size_t kMaxChangesPerPush = 1000;  // the protocol's limit

// Where a row's item starts. DraftWithLive is an item that was published and then edited:
// a draft whose earlier revision is still live.
enum class Start { Draft, InReview, ChangesRequested, Approved, Published, Archived, DraftWithLive };

struct StartState
{
    Start start;
    QString name;
    WorkflowState state;
    bool hasLive;
    QList<Action> path; // the admin's actions from a new draft
    bool editedAfter;   // then an admin edit
};

const QList<StartState> &startStates()
{
    using S = WorkflowState;
    static const QList<StartState> states = {
        {Start::Draft, u"draft"_s, S::Draft, false, {}, false},
        {Start::InReview, u"in_review"_s, S::InReview, false, {Action::Submit}, false},
        {Start::ChangesRequested, u"changes_requested"_s, S::ChangesRequested, false, {Action::Submit, Action::RequestChanges}, false},
        {Start::Approved, u"approved"_s, S::Approved, false, {Action::Submit, Action::Approve}, false},
        {Start::Published, u"published"_s, S::Published, true, {Action::Submit, Action::Approve, Action::Publish}, false},
        {Start::Archived, u"archived"_s, S::Archived, false, {Action::Archive}, false},
        {Start::DraftWithLive, u"draft_with_live"_s, S::Draft, true, {Action::Submit, Action::Approve, Action::Publish}, true},
    };
    return states;
}

const StartState &startState(Start start)
{
    const auto &states = startStates();
    auto it = std::find_if(states.cbegin(), states.cend(), [&](const StartState &s) { return s.start == start; });
    Q_ASSERT(it != states.cend());
    return *it;
}

// Every action a user can try on an existing item: Create is what made the fixtures.
QList<Action> triedActions()
{
    QList<Action> actions = allActions();
    actions.removeAll(Action::Create);
    return actions;
}

struct Row
{
    QString name;
    Role role;
    Action action;
    Start start;
    bool london; // the item is tagged london (else north-west)
};

const QList<Row> &rows()
{
    static const QList<Row> list = [] {
        QList<Row> out;
        for (Role role : allRoles())
            for (Action action : triedActions())
                for (const StartState &s : startStates())
                    for (bool london : {true, false})
                        out.append(Row{toString(role) + u'/' + toString(action) + u'/' + s.name + u'/'
                                           + (london ? u"in-scope"_s : u"out-of-scope"_s),
                                       role, action, s.start, london});
        return out;
    }();
    return list;
}

} // namespace

class tst_Permissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void permissionTable_data();
    void permissionTable();

private:
    // Pushes as the admin, at most kMaxChangesPerPush at a time; every change must be accepted.
    void pushAll(const JsonArray &changes, JsonArray &results);
    // The published revision on disk (git's `live` branch), empty when there is none.
    QString liveOnDisk(const Item &item) const;

    struct Fixture
    {
        Item item; // as created
        QString firstRevision;
    };

    std::unique_ptr<SyncdProcess> m_server;
    std::unique_ptr<HttpClient> m_setup; // the admin who builds the fixtures
    std::map<Role, User> m_users;
    std::map<Role, std::unique_ptr<HttpClient>> m_clients;
    QHash<QString, Fixture> m_fixtures; // by row name
};

void tst_Permissions::pushAll(const JsonArray &changes, JsonArray &results)
{
    for (size_t from = 0; from < changes.size(); from += kMaxChangesPerPush) {
        const size_t to = std::min(changes.size(), from + kMaxChangesPerPush);
        auto r = m_setup->post(u"/api/v1/push"_s, batch(newBatch(), JsonArray(changes.begin() + qsizetype(from), changes.begin() + qsizetype(to))));
        QVERIFY2(r.status == 200, r.body.constData());
        const JsonValue answer = r.json();
        const JsonArray &chunk = answer[u"results"_s].toArray();
        QCOMPARE(chunk.size(), to - from);
        for (const JsonValue &result : chunk) {
            QVERIFY2(result[u"status"_s].toString() == u"accepted"_s, serializeCompact(result).constData());
            results.push_back(result);
        }
    }
}

QString tst_Permissions::liveOnDisk(const Item &item) const
{
    int rc = -1;
    const QString out = m_server->git({u"rev-parse"_s, u"--verify"_s, u"--quiet"_s, u"live:"_s + item.storagePath()}, &rc);
    return rc == 0 ? out.trimmed() : QString();
}

void tst_Permissions::initTestCase()
{
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    const QString setupToken = m_server->addUser(u"setup.admin"_s, u"admin"_s, u"national"_s);
    struct Person { Role role; QString name; QString region; };
    const Person people[] = {{Role::Author, u"aisha.khan"_s, kLondon},
                             {Role::Reviewer, u"mei.lin"_s, kLondon},
                             {Role::Publisher, u"ravi.patel"_s, kLondon},
                             {Role::Admin, u"sam.okafor"_s, kNationalRegion}};
    std::map<Role, QString> tokens;
    for (const Person &p : people) {
        tokens[p.role] = m_server->addUser(p.name, toString(p.role), p.region);
        m_users[p.role] = User{p.name, p.role, {p.region}, {}};
    }
    QVERIFY(m_server->start());
    m_setup = std::make_unique<HttpClient>(m_server->baseUrl(), setupToken);
    for (const auto &[role, token] : tokens) {
        m_clients[role] = std::make_unique<HttpClient>(m_server->baseUrl(), token);
        // The server knows each user as the expected answers model them.
        const JsonValue me = m_clients[role]->get(u"/api/v1/me"_s).json();
        QCOMPARE(me[u"role"_s].toString(), toString(role));
        const JsonValue regions = me[u"regions"_s];
        QCOMPARE(regions.toArray().size(), size_t(1));
        QCOMPARE(regions.toArray().at(0).toString(), m_users[role].regions.first());
    }

    JsonArray results;
    pushAll({change(term(Vocabulary::Region, kLondon, u"London"_s)), change(term(Vocabulary::Region, kNorthWest, u"North West"_s))}, results);
    if (QTest::currentTestFailed())
        return;

    // A fresh item per row, all created in as few pushes as the protocol allows.
    JsonArray creates;
    for (qsizetype i = 0; i < rows().size(); ++i) {
        const Row &row = rows().at(i);
        const Item item = page(u"Permission row %1"_s.arg(i), row.london ? kLondon : kNorthWest);
        m_fixtures.insert(row.name, Fixture{item, QString()});
        creates.push_back(change(item));
    }
    results.clear();
    pushAll(creates, results);
    if (QTest::currentTestFailed())
        return;
    for (qsizetype i = 0; i < rows().size(); ++i)
        m_fixtures[rows().at(i).name].firstRevision = results.at(size_t(i))[u"revision"_s].toString();

    // Each item driven into its row's state by the admin; edits after publishing go in one push.
    JsonArray edits;
    for (const Row &row : rows()) {
        const StartState &start = startState(row.start);
        const Fixture &fixture = m_fixtures[row.name];
        JsonValue last;
        for (Action action : start.path) {
            auto r = m_setup->post(actionsPath(fixture.item), obj({{u"action"_s, toString(action)}}));
            QVERIFY2(r.status == 200, qPrintable(row.name + u": "_s + toString(action) + u" answered "_s + QString::fromUtf8(r.body)));
            last = r.json();
        }
        if (start.editedAfter) {
            auto published = itemFromJson(last[u"item"_s]);
            QVERIFY2(published, qPrintable(published.errorString()));
            Item edited = published.value();
            edited.title += u", revised"_s;
            edits.push_back(change(edited, last[u"revision"_s].toString()));
        }
    }
    results.clear();
    pushAll(edits, results);
}

void tst_Permissions::cleanupTestCase()
{
    if (!m_server)
        return;
    QCOMPARE(m_server->stop(), 0);
    QVERIFY(m_server->admin({u"fsck"_s}).isEmpty());
}

void tst_Permissions::permissionTable_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Action>("action");
    QTest::addColumn<Start>("start");
    QTest::addColumn<bool>("london");
    for (const Row &row : rows())
        QTest::newRow(qPrintable(row.name)) << row.role << row.action << row.start << row.london;
}

void tst_Permissions::permissionTable()
{
    QFETCH(Role, role);
    QFETCH(Action, action);
    QFETCH(Start, start);
    QFETCH(bool, london);
    const QString rowName = QString::fromLatin1(QTest::currentDataTag());
    QVERIFY2(m_fixtures.contains(rowName), "fixture missing: initTestCase failed");
    const Fixture &fixture = m_fixtures[rowName];
    const User &user = m_users[role];
    HttpClient &client = *m_clients[role];
    const QString itemPath = u"/api/v1/items/%1"_s.arg(idString(fixture.item.id));

    // The item as the server has it: it must be in the row's state before the attempt.
    const JsonValue before = m_setup->get(itemPath).json();
    auto parsed = itemFromJson(before[u"item"_s]);
    QVERIFY2(parsed, qPrintable(parsed.errorString()));
    const Item current = parsed.value();
    const QString revisionBefore = before[u"revision"_s].toString();
    const QString liveBefore = before[u"live_revision"_s].toString();
    QCOMPARE(toString(current.state), toString(startState(start).state));
    QCOMPARE(!liveBefore.isEmpty(), startState(start).hasLive);
    QCOMPARE(liveOnDisk(fixture.item), liveBefore);
    const ItemFacts facts{current.state, !liveBefore.isEmpty(), current.tags.regions, current.tags.professions};
    QCOMPARE(inScope(user, facts), london || role == Role::Admin); // the admin is in scope everywhere
    const Decision decision = decide(user, action, facts);
    QVERIFY(decision.allowed == decision.to.has_value());

    QString revisionAfter;
    QString expectedLive = liveBefore;
    if (action == Action::Edit) {
        Item edited = current;
        edited.title += u", edited by "_s + user.name;
        auto r = client.post(u"/api/v1/push"_s, batch(newBatch(), {change(edited, revisionBefore)}));
        QVERIFY2(r.status == 200, r.body.constData());
        const JsonValue answer = r.json();
        const JsonValue result = answer[u"results"_s].toArray().at(0);
        const QString status = result[u"status"_s].toString();
        if (decision) {
            QVERIFY2(status == u"accepted"_s, r.body.constData());
            // `item` is sent back only when the server changed what was pushed (its state).
            const JsonValue stored = result[u"item"_s].isNull() ? itemToJson(edited) : result[u"item"_s];
            QCOMPARE(stored[u"state"_s].toString(), toString(*decision.to));
            QCOMPARE(stored[u"title"_s].toString(), edited.title);
            revisionAfter = result[u"revision"_s].toString();
        } else {
            QVERIFY2(status == u"forbidden"_s, r.body.constData());
            const JsonValue issues = result[u"issues"_s];
            QCOMPARE(issues.toArray().size(), size_t(1));
            QCOMPARE(issues.toArray().at(0)[u"message"_s].toString(), decision.reason);
        }
    } else {
        JsonObject body{{u"action"_s, toString(action)}, {u"comment"_s, QString(u"Permission table: "_s + rowName)}};
        if (action == Action::SchedulePublish)
            body[u"publish_at"_s] = u"2031-03-03T09:00:00+00:00"_s;
        if (action == Action::ScheduleUnpublish)
            body[u"unpublish_at"_s] = u"2031-09-01T09:00:00+01:00"_s;
        if (action == Action::Revert)
            body[u"revision"_s] = fixture.firstRevision;
        auto r = client.post(actionsPath(fixture.item), JsonValue(std::move(body)));
        const JsonValue answer = r.json();
        // An item out of scope and not on the site does not exist for the user at all.
        const bool invisible = !inScope(user, facts) && liveBefore.isEmpty();
        if (invisible) {
            QVERIFY(!decision);
            QVERIFY2(r.status == 404, r.body.constData());
            QCOMPARE(answer[u"error"_s][u"code"_s].toString(), u"not_found"_s);
            QVERIFY(!answer[u"error"_s][u"message"_s].toString().isEmpty());
        } else if (decision) {
            QVERIFY2(r.status == 200, r.body.constData());
            QCOMPARE(answer[u"action"_s].toString(), toString(action));
            QCOMPARE(answer[u"state"_s].toString(), toString(*decision.to));
            QCOMPARE(answer[u"item"_s][u"state"_s].toString(), toString(*decision.to));
            revisionAfter = answer[u"revision"_s].toString();
            if (action == Action::Publish)
                expectedLive = revisionAfter;
            if (action == Action::Unpublish || action == Action::Archive)
                expectedLive.clear();
            QCOMPARE(answer[u"live_revision"_s].toString(), expectedLive);
        } else {
            QVERIFY2(r.status == 403, r.body.constData());
            QCOMPARE(answer[u"error"_s][u"code"_s].toString(), u"forbidden"_s);
            QCOMPARE(answer[u"error"_s][u"message"_s].toString(), decision.reason);
        }
    }

    // The server's record and the live branch on disk: changed only as the rules allow.
    const JsonValue after = m_setup->get(itemPath).json();
    QCOMPARE(after[u"revision"_s].toString(), decision ? revisionAfter : revisionBefore);
    QCOMPARE(after[u"live_revision"_s].toString(), expectedLive);
    QCOMPARE(liveOnDisk(fixture.item), expectedLive);
    if (decision)
        QCOMPARE(after[u"item"_s][u"state"_s].toString(), toString(*decision.to));
    else
        QCOMPARE(serializeCanonical(after[u"item"_s]), serializeCanonical(before[u"item"_s]));
}

QTEST_GUILESS_MAIN(tst_Permissions)
#include "tst_permissions.moc"
