// Errors as values at the model's boundary: an Issue names where (a field path or a
// line:column) and what is wrong; Result<T> holds either a value or the issues.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace carta::model {

struct Issue
{
    QString where;   // field path ("paragraphs[3].markdown") or location ("line 3, column 7"); may be empty
    QString message; // what is wrong, for a person

    [[nodiscard]] QString toString() const
    {
        return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }
    friend bool operator==(const Issue &, const Issue &) = default;
};

using Issues = QList<Issue>;

[[nodiscard]] inline QString joinIssues(const Issues &issues)
{
    QStringList lines;
    lines.reserve(issues.size());
    for (const Issue &issue : issues)
        lines.append(issue.toString());
    return lines.join(QLatin1Char('\n'));
}

// The value of a Result that only says whether something worked.
struct Done
{
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Issue issue) : m_issues{std::move(issue)} {}
    Result(Issues issues) : m_issues(std::move(issues)) { Q_ASSERT(!m_issues.isEmpty()); }

    [[nodiscard]] bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { Q_ASSERT(ok()); return *m_value; }
    [[nodiscard]] T &value() & { Q_ASSERT(ok()); return *m_value; }
    [[nodiscard]] T &&value() && { Q_ASSERT(ok()); return std::move(*m_value); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    [[nodiscard]] T valueOr(T fallback) const { return ok() ? *m_value : std::move(fallback); }

    [[nodiscard]] const Issues &issues() const { return m_issues; }
    [[nodiscard]] QString errorString() const { return joinIssues(m_issues); }

private:
    std::optional<T> m_value;
    Issues m_issues;
};

} // namespace carta::model
