// Editorial workflow as data: states, actions, the roles that may take each, and scope.
// One function, decide(), answers "may this user take this action on this item?".
#pragma once

#include "item.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace carta::model {

enum class Role { Author, Reviewer, Publisher, Admin };
enum class Action {
    Create,            // a new item, as a draft
    Edit,              // save a new revision as a draft (a published revision stays live)
    Submit,            // draft / changes requested -> in review
    RequestChanges,    // in review -> changes requested
    Approve,           // in review -> approved
    Publish,           // approved -> published, now
    SchedulePublish,   // approved: publish at schedule.publishAt
    ScheduleUnpublish, // live: unpublish at schedule.unpublishAt
    Unpublish,         // take the live revision off the site
    Archive,           // any state -> archived, off the site
    Revert,            // a past revision becomes a new draft; never publishes
};

[[nodiscard]] QString toString(Role);
[[nodiscard]] QString toString(Action);
[[nodiscard]] std::optional<Role> roleFromString(const QString &);
[[nodiscard]] std::optional<Action> actionFromString(const QString &);
[[nodiscard]] const QList<Role> &allRoles();
[[nodiscard]] const QList<Action> &allActions();

inline const QString kNationalRegion = QStringLiteral("national");

// Who is acting: a role and a scope of regions ("national" or region slugs) and,
// optionally, professions (empty: every profession).
struct User
{
    QString name;
    Role role = Role::Author;
    QStringList regions;
    QStringList professions;
    friend bool operator==(const User &, const User &) = default;
};

// What the rules need to know of the item: its state, whether a revision of it is live,
// and the tags that place it in a scope (regions empty means national).
struct ItemFacts
{
    WorkflowState state = WorkflowState::Draft;
    bool hasLiveRevision = false;
    QStringList regions;
    QStringList professions;

    [[nodiscard]] static ItemFacts of(const Item &item, bool hasLiveRevision);
};

// One row of the rules table.
struct Transition
{
    Action action;
    QList<WorkflowState> from; // states the action may start from
    std::optional<WorkflowState> to; // resulting state; nullopt keeps the state
    Role minimumRole;          // roles are ordered Author < Reviewer < Publisher < Admin
    bool needsLiveRevision = false;
};

[[nodiscard]] const QList<Transition> &workflowRules();

struct Decision
{
    bool allowed = false;
    QString reason;                  // why not, for a person; empty when allowed
    std::optional<WorkflowState> to; // state after the action, when allowed
    explicit operator bool() const { return allowed; }
};

[[nodiscard]] bool inScope(const User &user, const ItemFacts &item);
[[nodiscard]] Decision decide(const User &user, Action action, const ItemFacts &item);

} // namespace carta::model
