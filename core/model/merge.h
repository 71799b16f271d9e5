// Three-way merge of item revisions (base, mine, theirs): everything that does not
// overlap is merged; each true conflict is reported with both sides kept.
#pragma once

#include "item.h"
#include "json.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace carta::model {

struct Conflict
{
    enum class Kind {
        EditEdit,     // both changed the same field or the same lines differently
        DeleteEdit,   // mine deleted an entry that theirs edited (or the other way round)
        Order,        // both reordered a list differently
    };
    Kind kind;
    QString path;    // as in Change::path
    JsonValue base;  // null when absent
    JsonValue mine;
    JsonValue theirs;
};

[[nodiscard]] QString toString(Conflict::Kind);

// Three-way line merge (diff3). Returns the merged text, or nothing when a chunk of lines
// was changed differently on both sides.
[[nodiscard]] std::optional<QString> mergeLines(const QString &base, const QString &mine, const QString &theirs);

struct JsonMergeResult
{
    JsonValue merged; // at a conflict: a delete/edit keeps the edited entry, otherwise mine
    QList<Conflict> conflicts;
};

[[nodiscard]] JsonMergeResult mergeJson(const JsonValue &base, const JsonValue &mine, const JsonValue &theirs);

struct MergeResult
{
    Item merged;
    QList<Conflict> conflicts;
    [[nodiscard]] bool clean() const { return conflicts.isEmpty(); }
};

// Merges revisions of one item. Fails only when the merged fields cannot form an item
// (for example, the revisions are of different types).
[[nodiscard]] Result<MergeResult> merge(const Item &base, const Item &mine, const Item &theirs);

} // namespace carta::model
