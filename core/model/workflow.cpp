// The workflow rules table and the decision function.
#include "workflow.h"

#include <QSet>

namespace carta::model {

namespace {

struct RoleName { Role role; const char16_t *name; };
constexpr RoleName kRoles[] = {
    {Role::Author, u"author"}, {Role::Reviewer, u"reviewer"}, {Role::Publisher, u"publisher"}, {Role::Admin, u"admin"}};

struct ActionName { Action action; const char16_t *name; };
constexpr ActionName kActions[] = {
    {Action::Create, u"create"}, {Action::Edit, u"edit"}, {Action::Submit, u"submit"},
    {Action::RequestChanges, u"request_changes"}, {Action::Approve, u"approve"}, {Action::Publish, u"publish"},
    {Action::SchedulePublish, u"schedule_publish"}, {Action::ScheduleUnpublish, u"schedule_unpublish"},
    {Action::Unpublish, u"unpublish"}, {Action::Archive, u"archive"}, {Action::Revert, u"revert"}};

using S = WorkflowState;
const QList<S> kNotArchived = {S::Draft, S::InReview, S::ChangesRequested, S::Approved, S::Published};
const QList<S> kAnyState = {S::Draft, S::InReview, S::ChangesRequested, S::Approved, S::Published, S::Archived};

QString roleList(Role minimum)
{
    switch (minimum) {
    case Role::Author: return QStringLiteral("any signed-in user");
    case Role::Reviewer: return QStringLiteral("a reviewer, publisher or admin");
    case Role::Publisher: return QStringLiteral("a publisher or admin");
    case Role::Admin: return QStringLiteral("an admin");
    }
    return {};
}

QString stateLabel(WorkflowState s)
{
    switch (s) {
    case S::Draft: return QStringLiteral("a draft");
    case S::InReview: return QStringLiteral("in review");
    case S::ChangesRequested: return QStringLiteral("sent back for changes");
    case S::Approved: return QStringLiteral("approved");
    case S::Published: return QStringLiteral("published");
    case S::Archived: return QStringLiteral("archived");
    }
    return {};
}

QString actionLabel(Action a)
{
    return toString(a).replace(QLatin1Char('_'), QLatin1Char(' '));
}

bool intersects(const QStringList &a, const QStringList &b)
{
    for (const QString &x : a)
        if (b.contains(x))
            return true;
    return false;
}

} // namespace

QString toString(Role r)
{
    for (const auto &e : kRoles)
        if (e.role == r)
            return QString::fromUtf16(e.name);
    return {};
}

QString toString(Action a)
{
    for (const auto &e : kActions)
        if (e.action == a)
            return QString::fromUtf16(e.name);
    return {};
}

std::optional<Role> roleFromString(const QString &s)
{
    for (const auto &e : kRoles)
        if (s == QStringView(e.name))
            return e.role;
    return std::nullopt;
}

std::optional<Action> actionFromString(const QString &s)
{
    for (const auto &e : kActions)
        if (s == QStringView(e.name))
            return e.action;
    return std::nullopt;
}

const QList<Role> &allRoles()
{
    static const QList<Role> roles = {Role::Author, Role::Reviewer, Role::Publisher, Role::Admin};
    return roles;
}

const QList<Action> &allActions()
{
    static const QList<Action> actions = [] {
        QList<Action> out;
        for (const auto &e : kActions)
            out.append(e.action);
        return out;
    }();
    return actions;
}

ItemFacts ItemFacts::of(const Item &item, bool hasLiveRevision)
{
    return ItemFacts{item.state, hasLiveRevision, item.tags.regions, item.tags.professions};
}

const QList<Transition> &workflowRules()
{
    // Editing any revision makes a new draft; a published revision stays on `live` until
    // a later revision is published, so Edit never needs the publisher.
    static const QList<Transition> rules = {
        {Action::Create, {S::Draft}, S::Draft, Role::Author},
        {Action::Edit, kNotArchived, S::Draft, Role::Author},
        {Action::Submit, {S::Draft, S::ChangesRequested}, S::InReview, Role::Author},
        {Action::RequestChanges, {S::InReview, S::Approved}, S::ChangesRequested, Role::Reviewer},
        {Action::Approve, {S::InReview}, S::Approved, Role::Reviewer},
        {Action::Publish, {S::Approved}, S::Published, Role::Publisher},
        {Action::SchedulePublish, {S::Approved}, std::nullopt, Role::Publisher},
        {Action::ScheduleUnpublish, kNotArchived, std::nullopt, Role::Publisher, true},
        // Unpublish: a published item returns to approved; otherwise the state stays and
        // only the live revision goes (see decide()).
        {Action::Unpublish, kNotArchived, std::nullopt, Role::Publisher, true},
        {Action::Archive, kNotArchived, S::Archived, Role::Publisher},
        {Action::Revert, kAnyState, S::Draft, Role::Author},
    };
    return rules;
}

bool inScope(const User &user, const ItemFacts &item)
{
    if (user.role == Role::Admin)
        return true;
    const bool national = user.regions.contains(kNationalRegion);
    if (!national && !intersects(user.regions, item.regions))
        return false;
    if (!user.professions.isEmpty() && !intersects(user.professions, item.professions))
        return false;
    return true;
}

Decision decide(const User &user, Action action, const ItemFacts &item)
{
    if (!inScope(user, item)) {
        const QString itemRegions = item.regions.isEmpty() ? QStringLiteral("national") : item.regions.join(QStringLiteral(", "));
        const QString userRegions = user.regions.isEmpty() ? QStringLiteral("none") : user.regions.join(QStringLiteral(", "));
        QString reason = QStringLiteral("the item is outside your scope (item regions: %1; yours: %2").arg(itemRegions, userRegions);
        if (!user.professions.isEmpty())
            reason += QStringLiteral("; item professions: %1; yours: %2")
                          .arg(item.professions.isEmpty() ? QStringLiteral("none") : item.professions.join(QStringLiteral(", ")),
                               user.professions.join(QStringLiteral(", ")));
        return Decision{false, reason + QLatin1Char(')'), std::nullopt};
    }
    const auto &rules = workflowRules();
    auto rule = std::find_if(rules.cbegin(), rules.cend(), [&](const Transition &t) { return t.action == action; });
    Q_ASSERT(rule != rules.cend());
    if (static_cast<int>(user.role) < static_cast<int>(rule->minimumRole))
        return Decision{false, QStringLiteral("only %1 may %2 (you are %3)")
                                   .arg(roleList(rule->minimumRole), actionLabel(action), toString(user.role)),
                        std::nullopt};
    if (!rule->from.contains(item.state)) {
        QStringList allowed;
        for (WorkflowState s : rule->from)
            allowed.append(stateLabel(s));
        return Decision{false, QStringLiteral("cannot %1 an item that is %2; it must be %3")
                                   .arg(actionLabel(action), stateLabel(item.state), allowed.join(QStringLiteral(" or "))),
                        std::nullopt};
    }
    if (rule->needsLiveRevision && !item.hasLiveRevision)
        return Decision{false, QStringLiteral("cannot %1: the item has no live revision").arg(actionLabel(action)), std::nullopt};

    std::optional<WorkflowState> to = rule->to ? rule->to : std::optional<WorkflowState>(item.state);
    if (action == Action::Unpublish && item.state == S::Published)
        to = S::Approved;
    return Decision{true, QString(), to};
}

} // namespace carta::model
