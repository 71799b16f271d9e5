// Workflow permissions: the full matrix of roles, actions, states, scope and live revision
// checked against a specification written out here, plus scope, reasons and invariants.
#include "model/workflow.h"

#include <QTest>

using namespace carta::model;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(carta::model::Role)
Q_DECLARE_METATYPE(carta::model::Action)
Q_DECLARE_METATYPE(carta::model::WorkflowState)
Q_DECLARE_METATYPE(carta::model::User)
Q_DECLARE_METATYPE(carta::model::ItemFacts)

namespace {

using S = WorkflowState;

// ---- the specification, written from the design, independent of workflowRules() --------

int rank(Role role)
{
    switch (role) {
    case Role::Author: return 0;
    case Role::Reviewer: return 1;
    case Role::Publisher: return 2;
    case Role::Admin: return 3;
    }
    return -1;
}

struct ActionSpec
{
    Role minimum;
    QList<WorkflowState> from;
    bool needsLiveRevision;
};

ActionSpec specOf(Action action)
{
    const QList<S> notArchived = {S::Draft, S::InReview, S::ChangesRequested, S::Approved, S::Published};
    const QList<S> any = notArchived + QList<S>{S::Archived};
    switch (action) {
    case Action::Create: return {Role::Author, {S::Draft}, false};
    case Action::Edit: return {Role::Author, notArchived, false};
    case Action::Submit: return {Role::Author, {S::Draft, S::ChangesRequested}, false};
    case Action::RequestChanges: return {Role::Reviewer, {S::InReview, S::Approved}, false};
    case Action::Approve: return {Role::Reviewer, {S::InReview}, false};
    case Action::Publish: return {Role::Publisher, {S::Approved}, false};
    case Action::SchedulePublish: return {Role::Publisher, {S::Approved}, false};
    case Action::ScheduleUnpublish: return {Role::Publisher, notArchived, true};
    case Action::Unpublish: return {Role::Publisher, notArchived, true};
    case Action::Archive: return {Role::Publisher, notArchived, false};
    case Action::Revert: return {Role::Author, any, false};
    }
    Q_UNREACHABLE();
    return {};
}

WorkflowState specResult(Action action, WorkflowState state)
{
    switch (action) {
    case Action::Create:
    case Action::Edit:
    case Action::Revert: return S::Draft;
    case Action::Submit: return S::InReview;
    case Action::RequestChanges: return S::ChangesRequested;
    case Action::Approve: return S::Approved;
    case Action::Publish: return S::Published;
    case Action::SchedulePublish:
    case Action::ScheduleUnpublish: return state;
    case Action::Unpublish: return state == S::Published ? S::Approved : state;
    case Action::Archive: return S::Archived;
    }
    Q_UNREACHABLE();
    return state;
}

bool intersects(const QStringList &a, const QStringList &b)
{
    return std::any_of(a.cbegin(), a.cend(), [&](const QString &x) { return b.contains(x); });
}

bool specInScope(const User &user, const ItemFacts &item)
{
    if (user.role == Role::Admin)
        return true;
    const bool regionCovered = user.regions.contains(u"national"_s) || intersects(user.regions, item.regions);
    const bool professionCovered = user.professions.isEmpty() || intersects(user.professions, item.professions);
    return regionCovered && professionCovered;
}

// Why a request is refused, in the order the checks apply: scope, then role, then state,
// then the live revision.
enum class Denial { None, Scope, Role, State, NoLiveRevision };

struct Expected
{
    Denial denial = Denial::None;
    WorkflowState to = S::Draft; // when allowed
};

Expected specDecide(const User &user, Action action, const ItemFacts &item)
{
    if (!specInScope(user, item))
        return {Denial::Scope};
    const ActionSpec spec = specOf(action);
    if (rank(user.role) < rank(spec.minimum))
        return {Denial::Role};
    if (!spec.from.contains(item.state))
        return {Denial::State};
    if (spec.needsLiveRevision && !item.hasLiveRevision)
        return {Denial::NoLiveRevision};
    return {Denial::None, specResult(action, item.state)};
}

// Words a person would look for in a refusal.
QString roleWord(Role role)
{
    switch (role) {
    case Role::Author: return u"author"_s;
    case Role::Reviewer: return u"reviewer"_s;
    case Role::Publisher: return u"publisher"_s;
    case Role::Admin: return u"admin"_s;
    }
    return {};
}

QString stateWord(WorkflowState state)
{
    switch (state) {
    case S::Draft: return u"draft"_s;
    case S::InReview: return u"in review"_s;
    case S::ChangesRequested: return u"changes"_s;
    case S::Approved: return u"approved"_s;
    case S::Published: return u"published"_s;
    case S::Archived: return u"archived"_s;
    }
    return {};
}

QString wire(WorkflowState state) { return carta::model::toString(state); }
QString wire(const std::optional<WorkflowState> &state)
{
    return state ? carta::model::toString(*state) : u"(none)"_s;
}

const QString kLondon = u"london"_s;
const QString kNorthWest = u"north-west"_s;

User regionalUser(Role role)
{
    return User{u"sam"_s, role, {kLondon}, {}};
}

ItemFacts facts(WorkflowState state, bool live, bool inUsersRegion)
{
    return ItemFacts{state, live, {inUsersRegion ? kLondon : kNorthWest}, {}};
}

QByteArray tag(Role role, Action action, WorkflowState state, bool inScope, bool live)
{
    return QString(carta::model::toString(role) + u'/' + carta::model::toString(action) + u'/' + carta::model::toString(state)
            + (inScope ? u"/in-scope"_s : u"/out-of-scope"_s) + (live ? u"/live"_s : u"/not-live"_s))
            .toUtf8();
}

} // namespace

class tst_Workflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matrix_data();
    void matrix();
    void higherRoleMayDoWhatLowerMay_data();
    void higherRoleMayDoWhatLowerMay();
    void scope_data();
    void scope();
    void reasons_data();
    void reasons();
    void editOfPublishedMakesDraft_data();
    void editOfPublishedMakesDraft();
    void revertNeverPublishes_data();
    void revertNeverPublishes();
    void unpublishAndArchiveNeedPublisher_data();
    void unpublishAndArchiveNeedPublisher();
    void factsOfItem();
    void roleNames_data();
    void roleNames();
    void actionNames_data();
    void actionNames();
    void unknownNames_data();
    void unknownNames();
};

void tst_Workflow::matrix_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Action>("action");
    QTest::addColumn<WorkflowState>("state");
    QTest::addColumn<bool>("inUsersRegion");
    QTest::addColumn<bool>("live");

    QCOMPARE(allRoles().size(), 4);
    QCOMPARE(allActions().size(), 11);
    QCOMPARE(allWorkflowStates().size(), 6);
    for (Role role : allRoles())
        for (Action action : allActions())
            for (WorkflowState state : allWorkflowStates())
                for (bool inUsersRegion : {true, false})
                    for (bool live : {true, false})
                        QTest::newRow(tag(role, action, state, inUsersRegion, live).constData())
                                << role << action << state << inUsersRegion << live;
}

void tst_Workflow::matrix()
{
    QFETCH(Role, role);
    QFETCH(Action, action);
    QFETCH(WorkflowState, state);
    QFETCH(bool, inUsersRegion);
    QFETCH(bool, live);

    const User user = regionalUser(role);
    const ItemFacts item = facts(state, live, inUsersRegion);
    const Expected expected = specDecide(user, action, item);
    const Decision decision = decide(user, action, item);

    QCOMPARE(decision.allowed, expected.denial == Denial::None);
    QCOMPARE(static_cast<bool>(decision), decision.allowed);
    if (decision.allowed) {
        QVERIFY2(decision.reason.isEmpty(), qPrintable(decision.reason));
        QCOMPARE(wire(decision.to), wire(expected.to));
        return;
    }
    QVERIFY(!decision.reason.isEmpty());
    QVERIFY2(!decision.to, qPrintable(wire(decision.to)));
    const QString &reason = decision.reason;
    switch (expected.denial) {
    case Denial::Scope:
        QVERIFY2(reason.contains(u"scope"_s), qPrintable(reason));
        break;
    case Denial::Role:
        QVERIFY2(!reason.contains(u"scope"_s), qPrintable(reason));
        QVERIFY2(reason.contains(roleWord(specOf(action).minimum)), qPrintable(reason));
        QVERIFY2(reason.contains(roleWord(role)), qPrintable(reason));
        break;
    case Denial::State:
        QVERIFY2(!reason.contains(u"scope"_s), qPrintable(reason));
        QVERIFY2(!reason.contains(roleWord(role)), qPrintable(reason));
        QVERIFY2(reason.contains(stateWord(state)), qPrintable(reason));
        break;
    case Denial::NoLiveRevision:
        QVERIFY2(reason.contains(u"live revision"_s), qPrintable(reason));
        break;
    case Denial::None:
        QFAIL("unreachable");
    }
}

void tst_Workflow::higherRoleMayDoWhatLowerMay_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<WorkflowState>("state");
    QTest::addColumn<bool>("live");
    for (Action action : allActions())
        for (WorkflowState state : allWorkflowStates())
            for (bool live : {true, false})
                QTest::newRow(qPrintable(toString(action) + u'/' + toString(state) + (live ? u"/live"_s : u"/not-live"_s)))
                        << action << state << live;
}

void tst_Workflow::higherRoleMayDoWhatLowerMay()
{
    QFETCH(Action, action);
    QFETCH(WorkflowState, state);
    QFETCH(bool, live);
    const ItemFacts item = facts(state, live, true);
    bool lowerAllowed = false;
    for (Role role : allRoles()) { // author, reviewer, publisher, admin
        const Decision decision = decide(regionalUser(role), action, item);
        if (lowerAllowed)
            QVERIFY2(decision.allowed, qPrintable(toString(role) + u": "_s + decision.reason));
        lowerAllowed = decision.allowed;
    }
}

void tst_Workflow::scope_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QStringList>("userRegions");
    QTest::addColumn<QStringList>("userProfessions");
    QTest::addColumn<QStringList>("itemRegions");
    QTest::addColumn<QStringList>("itemProfessions");
    QTest::addColumn<bool>("expected");

    const QStringList none;
    const QStringList national = {u"national"_s};
    const QStringList london = {u"london"_s};
    const QStringList northWest = {u"north-west"_s};
    const QStringList londonAndSouthWest = {u"london"_s, u"south-west"_s};
    const QStringList medicine = {u"medicine"_s};
    const QStringList nursing = {u"nursing"_s};
    const QStringList medicineAndNursing = {u"medicine"_s, u"nursing"_s};
    const Role A = Role::Author;

    QTest::newRow("national user, national item") << A << national << none << none << none << true;
    QTest::newRow("national user, regional item") << A << national << none << northWest << none << true;
    QTest::newRow("national and london user, north-west item")
            << Role::Reviewer << QStringList{u"london"_s, u"national"_s} << none << northWest << none << true;
    QTest::newRow("regional user, item in the region") << A << london << none << london << none << true;
    QTest::newRow("regional user, item in that and another region")
            << A << london << none << QStringList{u"london"_s, u"north-west"_s} << none << true;
    QTest::newRow("regional user of two regions, item in the second")
            << Role::Publisher << londonAndSouthWest << none << QStringList{u"south-west"_s} << none << true;
    QTest::newRow("regional user, item in another region") << A << london << none << northWest << none << false;
    QTest::newRow("regional user, national item") << A << london << none << none << none << false;
    QTest::newRow("publisher of a region, national item") << Role::Publisher << london << none << none << none << false;
    QTest::newRow("user without regions") << Role::Reviewer << none << none << london << none << false;
    QTest::newRow("profession user, matching profession") << A << national << medicine << london << medicine << true;
    QTest::newRow("profession user, one of the item's professions")
            << A << national << nursing << none << medicineAndNursing << true;
    QTest::newRow("profession user, other profession") << A << national << medicine << none << nursing << false;
    QTest::newRow("profession user, item without professions") << A << national << medicine << none << none << false;
    QTest::newRow("regional profession user, both match") << A << london << nursing << london << nursing << true;
    QTest::newRow("regional profession user, region differs") << A << london << nursing << northWest << nursing << false;
    QTest::newRow("regional profession user, profession differs") << A << london << nursing << london << medicine << false;
    QTest::newRow("admin, out of region") << Role::Admin << london << none << northWest << none << true;
    QTest::newRow("admin, national item") << Role::Admin << london << none << none << none << true;
    QTest::newRow("admin without regions") << Role::Admin << none << none << northWest << none << true;
    QTest::newRow("admin, other profession") << Role::Admin << london << medicine << london << nursing << true;
    QTest::newRow("region named like national is not national")
            << A << QStringList{u"National"_s} << none << northWest << none << false;
}

void tst_Workflow::scope()
{
    QFETCH(Role, role);
    QFETCH(QStringList, userRegions);
    QFETCH(QStringList, userProfessions);
    QFETCH(QStringList, itemRegions);
    QFETCH(QStringList, itemProfessions);
    QFETCH(bool, expected);

    const User user{u"sam"_s, role, userRegions, userProfessions};
    const ItemFacts item{S::Draft, false, itemRegions, itemProfessions};
    QCOMPARE(specInScope(user, item), expected); // the row agrees with the written specification
    QCOMPARE(inScope(user, item), expected);

    // Every role may edit a draft, so the decision turns on scope alone.
    const Decision decision = decide(user, Action::Edit, item);
    QCOMPARE(decision.allowed, expected);
    if (!expected)
        QVERIFY2(decision.reason.contains(u"outside your scope"_s), qPrintable(decision.reason));
}

void tst_Workflow::reasons_data()
{
    QTest::addColumn<User>("user");
    QTest::addColumn<Action>("action");
    QTest::addColumn<ItemFacts>("item");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    const User author{u"ann"_s, Role::Author, {u"london"_s}, {}};
    const User reviewer{u"rob"_s, Role::Reviewer, {u"london"_s}, {}};
    const User publisher{u"pat"_s, Role::Publisher, {u"london"_s}, {}};
    const User nurse{u"nia"_s, Role::Publisher, {u"national"_s}, {u"nursing"_s}};
    const auto item = [](WorkflowState state, bool live = false, QStringList regions = {u"london"_s},
                         QStringList professions = {}) { return ItemFacts{state, live, regions, professions}; };

    QTest::newRow("scope: other region")
            << author << Action::Edit << item(S::Draft, false, {u"north-west"_s})
            << QStringList{u"outside your scope"_s, u"north-west"_s, u"london"_s} << QStringList{};
    QTest::newRow("scope: national item")
            << author << Action::Edit << item(S::Draft, false, {})
            << QStringList{u"scope"_s, u"national"_s} << QStringList{};
    QTest::newRow("scope: other profession")
            << nurse << Action::Edit << item(S::Draft, false, {}, {u"medicine"_s})
            << QStringList{u"scope"_s, u"medicine"_s, u"nursing"_s} << QStringList{};
    QTest::newRow("scope before role")
            << author << Action::Publish << item(S::Approved, false, {u"north-west"_s})
            << QStringList{u"scope"_s} << QStringList{u"publisher"_s};
    QTest::newRow("scope before state")
            << publisher << Action::Publish << item(S::Draft, false, {u"north-west"_s})
            << QStringList{u"scope"_s} << QStringList{u"draft"_s};
    QTest::newRow("role: author may not publish")
            << author << Action::Publish << item(S::Approved)
            << QStringList{u"publisher or admin"_s, u"publish"_s, u"author"_s} << QStringList{u"scope"_s};
    QTest::newRow("role: author may not approve")
            << author << Action::Approve << item(S::InReview)
            << QStringList{u"reviewer, publisher or admin"_s, u"approve"_s, u"author"_s} << QStringList{};
    QTest::newRow("role: reviewer may not archive")
            << reviewer << Action::Archive << item(S::Published, true)
            << QStringList{u"publisher or admin"_s, u"archive"_s, u"reviewer"_s} << QStringList{};
    QTest::newRow("role: action with underscore reads as words")
            << author << Action::RequestChanges << item(S::InReview)
            << QStringList{u"request changes"_s} << QStringList{u"request_changes"_s};
    QTest::newRow("role before state")
            << author << Action::Publish << item(S::Draft)
            << QStringList{u"publisher"_s, u"author"_s} << QStringList{u"draft"_s};
    QTest::newRow("state: publish a draft")
            << publisher << Action::Publish << item(S::Draft)
            << QStringList{u"cannot publish"_s, u"a draft"_s, u"approved"_s} << QStringList{u"scope"_s};
    QTest::newRow("state: submit while in review")
            << author << Action::Submit << item(S::InReview)
            << QStringList{u"cannot submit"_s, u"in review"_s, u"draft"_s} << QStringList{};
    QTest::newRow("state: approve a published item")
            << reviewer << Action::Approve << item(S::Published, true)
            << QStringList{u"published"_s, u"in review"_s} << QStringList{};
    QTest::newRow("state: edit an archived item")
            << author << Action::Edit << item(S::Archived)
            << QStringList{u"cannot edit"_s, u"archived"_s} << QStringList{};
    QTest::newRow("state: approve after changes were requested")
            << reviewer << Action::Approve << item(S::ChangesRequested)
            << QStringList{u"cannot approve"_s, u"changes"_s} << QStringList{};
    QTest::newRow("live: unpublish without a live revision")
            << publisher << Action::Unpublish << item(S::Approved)
            << QStringList{u"unpublish"_s, u"no live revision"_s} << QStringList{};
    QTest::newRow("live: schedule unpublish without a live revision")
            << publisher << Action::ScheduleUnpublish << item(S::Draft)
            << QStringList{u"schedule unpublish"_s, u"no live revision"_s} << QStringList{};
}

void tst_Workflow::reasons()
{
    QFETCH(User, user);
    QFETCH(Action, action);
    QFETCH(ItemFacts, item);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    const Decision decision = decide(user, action, item);
    QVERIFY(!decision.allowed);
    QVERIFY(!decision.to);
    for (const QString &word : std::as_const(present))
        QVERIFY2(decision.reason.contains(word), qPrintable(u"\"%1\" lacks \"%2\""_s.arg(decision.reason, word)));
    for (const QString &word : std::as_const(absent))
        QVERIFY2(!decision.reason.contains(word), qPrintable(u"\"%1\" has \"%2\""_s.arg(decision.reason, word)));
}

// Editing a published item makes a new draft revision. The live revision stays on the
// `live` branch until a later revision is published; keeping it there is the server's job,
// and decide() only says which state the new revision gets.
void tst_Workflow::editOfPublishedMakesDraft_data()
{
    QTest::addColumn<Role>("role");
    for (Role role : allRoles())
        QTest::newRow(qPrintable(toString(role))) << role;
}

void tst_Workflow::editOfPublishedMakesDraft()
{
    QFETCH(Role, role);
    const Decision decision = decide(regionalUser(role), Action::Edit, facts(S::Published, true, true));
    QVERIFY2(decision.allowed, qPrintable(decision.reason));
    QCOMPARE(wire(decision.to), wire(S::Draft));
}

void tst_Workflow::revertNeverPublishes_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<WorkflowState>("state");
    QTest::addColumn<bool>("live");
    for (Role role : allRoles())
        for (WorkflowState state : allWorkflowStates())
            for (bool live : {true, false})
                QTest::newRow(qPrintable(toString(role) + u'/' + toString(state) + (live ? u"/live"_s : u"/not-live"_s)))
                        << role << state << live;
}

void tst_Workflow::revertNeverPublishes()
{
    QFETCH(Role, role);
    QFETCH(WorkflowState, state);
    QFETCH(bool, live);
    const Decision decision = decide(regionalUser(role), Action::Revert, facts(state, live, true));
    QVERIFY2(decision.allowed, qPrintable(decision.reason));
    QVERIFY(decision.to != S::Published);
    QCOMPARE(wire(decision.to), wire(S::Draft));
}

void tst_Workflow::unpublishAndArchiveNeedPublisher_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Action>("action");
    QTest::addColumn<WorkflowState>("state");
    QTest::addColumn<bool>("allowed");
    for (Role role : allRoles())
        for (Action action : {Action::Unpublish, Action::Archive})
            for (WorkflowState state : allWorkflowStates()) {
                const bool publisher = role == Role::Publisher || role == Role::Admin;
                QTest::newRow(qPrintable(toString(role) + u'/' + toString(action) + u'/' + toString(state)))
                        << role << action << state << (publisher && state != S::Archived);
            }
}

void tst_Workflow::unpublishAndArchiveNeedPublisher()
{
    QFETCH(Role, role);
    QFETCH(Action, action);
    QFETCH(WorkflowState, state);
    QFETCH(bool, allowed);
    const Decision decision = decide(regionalUser(role), action, facts(state, true, true));
    QCOMPARE(decision.allowed, allowed);
    if (role == Role::Author || role == Role::Reviewer)
        QVERIFY2(decision.reason.contains(u"publisher or admin"_s), qPrintable(decision.reason));
    if (allowed && action == Action::Unpublish)
        QCOMPARE(wire(decision.to), wire(state == S::Published ? S::Approved : state));
    if (allowed && action == Action::Archive)
        QCOMPARE(wire(decision.to), wire(S::Archived));
}

void tst_Workflow::factsOfItem()
{
    Item item = Item::create(ItemType::News);
    item.state = S::Approved;
    item.tags.regions = {u"london"_s};
    item.tags.professions = {u"nursing"_s};
    const ItemFacts f = ItemFacts::of(item, true);
    QCOMPARE(wire(f.state), wire(S::Approved));
    QVERIFY(f.hasLiveRevision);
    QCOMPARE(f.regions, item.tags.regions);
    QCOMPARE(f.professions, item.tags.professions);
    QVERIFY(!ItemFacts::of(item, false).hasLiveRevision);
}

void tst_Workflow::roleNames_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("name");
    QTest::newRow("author") << Role::Author << u"author"_s;
    QTest::newRow("reviewer") << Role::Reviewer << u"reviewer"_s;
    QTest::newRow("publisher") << Role::Publisher << u"publisher"_s;
    QTest::newRow("admin") << Role::Admin << u"admin"_s;
    QCOMPARE(allRoles().size(), 4); // every role has a row
}

void tst_Workflow::roleNames()
{
    QFETCH(Role, role);
    QFETCH(QString, name);
    QVERIFY(allRoles().contains(role));
    QCOMPARE(toString(role), name);
    const std::optional<Role> parsed = roleFromString(name);
    QVERIFY(parsed);
    QVERIFY(*parsed == role);
}

void tst_Workflow::actionNames_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("name");
    QTest::newRow("create") << Action::Create << u"create"_s;
    QTest::newRow("edit") << Action::Edit << u"edit"_s;
    QTest::newRow("submit") << Action::Submit << u"submit"_s;
    QTest::newRow("request_changes") << Action::RequestChanges << u"request_changes"_s;
    QTest::newRow("approve") << Action::Approve << u"approve"_s;
    QTest::newRow("publish") << Action::Publish << u"publish"_s;
    QTest::newRow("schedule_publish") << Action::SchedulePublish << u"schedule_publish"_s;
    QTest::newRow("schedule_unpublish") << Action::ScheduleUnpublish << u"schedule_unpublish"_s;
    QTest::newRow("unpublish") << Action::Unpublish << u"unpublish"_s;
    QTest::newRow("archive") << Action::Archive << u"archive"_s;
    QTest::newRow("revert") << Action::Revert << u"revert"_s;
    QCOMPARE(allActions().size(), 11); // every action has a row
}

void tst_Workflow::actionNames()
{
    QFETCH(Action, action);
    QFETCH(QString, name);
    QVERIFY(allActions().contains(action));
    QCOMPARE(toString(action), name);
    const std::optional<Action> parsed = actionFromString(name);
    QVERIFY(parsed);
    QVERIFY(*parsed == action);
}

void tst_Workflow::unknownNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised role") << u"Admin"_s;
    QTest::newRow("role with a space") << u" admin"_s;
    QTest::newRow("unknown role") << u"owner"_s;
    QTest::newRow("hyphen instead of underscore") << u"request-changes"_s;
    QTest::newRow("capitalised action") << u"Publish"_s;
    QTest::newRow("unknown action") << u"publish_now"_s;
    QTest::newRow("state name") << u"draft"_s;
}

void tst_Workflow::unknownNames()
{
    QFETCH(QString, name);
    QVERIFY(!roleFromString(name));
    QVERIFY(!actionFromString(name));
}

QTEST_GUILESS_MAIN(tst_Workflow)

#include "tst_workflow.moc"
