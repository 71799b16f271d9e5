// Carta's JSON: a strict RFC 8259 parser (UTF-8 checked, integers only, no duplicate keys,
// depth and size limits, errors with line and column) and the canonical serializer.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace carta::model {

class JsonValue;
using JsonArray = std::vector<JsonValue>;
using JsonObject = std::map<QString, JsonValue>;

// An immutable JSON value; arrays and objects are shared, so copies are cheap.
class JsonValue
{
public:
    enum class Kind { Null, Bool, Integer, String, Array, Object };

    JsonValue() = default;
    JsonValue(std::nullptr_t) {}
    JsonValue(bool b) : m_kind(Kind::Bool), m_int(b ? 1 : 0) {}
    JsonValue(int i) : m_kind(Kind::Integer), m_int(i) {}
    JsonValue(qint64 i) : m_kind(Kind::Integer), m_int(i) {}
    JsonValue(QString s) : m_kind(Kind::String), m_string(std::move(s)) {}
    JsonValue(JsonArray a);
    JsonValue(JsonObject o);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] bool isNull() const { return m_kind == Kind::Null; }
    [[nodiscard]] bool isBool() const { return m_kind == Kind::Bool; }
    [[nodiscard]] bool isInteger() const { return m_kind == Kind::Integer; }
    [[nodiscard]] bool isString() const { return m_kind == Kind::String; }
    [[nodiscard]] bool isArray() const { return m_kind == Kind::Array; }
    [[nodiscard]] bool isObject() const { return m_kind == Kind::Object; }

    [[nodiscard]] bool toBool() const { return m_int != 0; }
    [[nodiscard]] qint64 toInteger() const { return m_int; }
    // On a temporary these return copies, so `for (auto &e : doc["list"].toArray())` is safe.
    [[nodiscard]] const QString &toString() const & { return m_string; }
    [[nodiscard]] QString toString() const && { return m_string; }
    [[nodiscard]] const JsonArray &toArray() const &;
    [[nodiscard]] JsonArray toArray() const && { return toArray(); }
    [[nodiscard]] const JsonObject &toObject() const &;
    [[nodiscard]] JsonObject toObject() const && { return toObject(); }

    // Member lookup on an object; null when absent or not an object.
    [[nodiscard]] JsonValue operator[](const QString &key) const;

    [[nodiscard]] static QString kindName(Kind kind);

    friend bool operator==(const JsonValue &a, const JsonValue &b);

private:
    Kind m_kind = Kind::Null;
    qint64 m_int = 0;
    QString m_string;
    std::shared_ptr<const JsonArray> m_array;
    std::shared_ptr<const JsonObject> m_object;
};

struct JsonLimits
{
    qsizetype maxBytes = 4 * 1024 * 1024; // whole document
    int maxDepth = 32;                    // nesting of arrays and objects
};

// Parses one JSON document. Rejects: invalid UTF-8, lone surrogates, numbers that are not
// integers within +/-2^53, duplicate keys, trailing data, too deep or too large input.
[[nodiscard]] Result<JsonValue> parseJson(const QByteArray &bytes, const JsonLimits &limits = {});

// Canonical form: objects with keys in sorted order, two-space indentation, one member or
// element per line, "key": value, empty containers as {} and [], strings with only the
// required escapes (\" \\ \b \f \n \r \t, other controls as \u00XX) and raw UTF-8,
// LF line ends and a final newline.
[[nodiscard]] QByteArray serializeCanonical(const JsonValue &value);

// Compact one-line form, for messages and logs.
[[nodiscard]] QByteArray serializeCompact(const JsonValue &value);

} // namespace carta::model
