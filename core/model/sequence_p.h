// Internal to carta_model: sequence matching (Myers' O(ND) diff) shared by diff and merge.
#pragma once

#include "json.h"

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace carta::model::detail {

// Index pairs (i, j) with a[i] == b[j] of a longest common subsequence, in increasing
// order. Beyond maxEdits differences it gives up on minimality and matches only the
// common prefix and suffix (still a valid matching).
[[nodiscard]] std::vector<std::pair<qsizetype, qsizetype>> matchSequences(const std::vector<int> &a,
                                                                          const std::vector<int> &b,
                                                                          qsizetype maxEdits = 1000);

// Maps each distinct string of both lists to a small integer, for matchSequences.
void internStrings(const QStringList &a, const QStringList &b, std::vector<int> &outA, std::vector<int> &outB);

// A JSON array whose elements are all objects with a string "id" (an empty array counts).
[[nodiscard]] bool isKeyedList(const JsonValue &v);
// Multi-line text, merged and diffed line by line.
[[nodiscard]] bool isMultiLine(const JsonValue &v);
[[nodiscard]] QString keyedPath(const QString &listPath, const QString &id);
[[nodiscard]] QString memberPath(const QString &path, const QString &key);

} // namespace carta::model::detail
