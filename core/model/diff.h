// Semantic diff of two revisions of an item: field by field, keyed lists (paragraphs,
// stages, outcomes...) matched by id with moves detected, line-level changes inside text.
#pragma once

#include "item.h"
#include "json.h"

#include <QList>
#include <QString>

namespace carta::model {

struct LineChange
{
    enum class Op { Same, Added, Removed };
    Op op;
    QString line;
    friend bool operator==(const LineChange &, const LineChange &) = default;
};

// Line diff of two texts (Myers' algorithm), as a sequence of kept, removed and added lines.
[[nodiscard]] QList<LineChange> diffLines(const QString &a, const QString &b);
[[nodiscard]] QStringList splitLines(const QString &text);

struct WordChange
{
    enum class Op { Same, Added, Removed };
    Op op;
    QString text;
    friend bool operator==(const WordChange &, const WordChange &) = default;
};

// Word diff of two texts, for marking changed words: the texts are cut into words (letters,
// digits and the marks inside a word such as ' and -), runs of white space, and single
// other characters; Myers' algorithm matches them. Neighbouring pieces with the same op are
// joined, and the white space between two changed words goes with them, so a changed
// phrase reads as one. Concatenating the Same and Removed texts gives a; Same and Added, b.
[[nodiscard]] QList<WordChange> diffWords(const QString &a, const QString &b);

struct Change
{
    enum class Kind { Changed, Added, Removed, Moved };
    Kind kind;
    // Field path; entries of keyed lists are named by id: "paragraphs[id=9f1c…].markdown".
    QString path;
    JsonValue before; // null when added
    JsonValue after;  // null when removed
    QList<LineChange> lines; // for multi-line text: the line diff
};

[[nodiscard]] QString toString(Change::Kind);

// One step of a change path: a member ("title"), a keyed-list entry ("[id=p3]") or an
// index ("[2]", as validation issues name entries).
struct PathSegment
{
    enum class Kind { Key, Id, Index };
    Kind kind = Kind::Key;
    QString key;          // Key: the member; Id: the entry's id
    qsizetype index = -1; // Index: the entry's position
    [[nodiscard]] bool isEntry() const { return kind != Kind::Key; }
};

// "paragraphs[id=p3].markdown" -> Key paragraphs, Id p3, Key markdown. An id may itself hold
// brackets: the closing bracket is the one followed by '.', '[' or the end.
[[nodiscard]] QList<PathSegment> parsePath(const QString &path);

[[nodiscard]] QList<Change> diffJson(const JsonValue &before, const JsonValue &after);
[[nodiscard]] QList<Change> diff(const Item &before, const Item &after);

} // namespace carta::model
