// Strict JSON parsing and canonical serialization.
#include "json.h"

#include <algorithm>
#include <cstring>

namespace carta::model {

JsonValue::JsonValue(JsonArray a)
    : m_kind(Kind::Array), m_array(std::make_shared<const JsonArray>(std::move(a)))
{
}

JsonValue::JsonValue(JsonObject o)
    : m_kind(Kind::Object), m_object(std::make_shared<const JsonObject>(std::move(o)))
{
}

const JsonArray &JsonValue::toArray() const &
{
    static const JsonArray empty;
    return m_array ? *m_array : empty;
}

const JsonObject &JsonValue::toObject() const &
{
    static const JsonObject empty;
    return m_object ? *m_object : empty;
}

JsonValue JsonValue::operator[](const QString &key) const
{
    if (!m_object)
        return {};
    auto it = m_object->find(key);
    return it == m_object->end() ? JsonValue() : it->second;
}

QString JsonValue::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Null: return QStringLiteral("null");
    case Kind::Bool: return QStringLiteral("a boolean");
    case Kind::Integer: return QStringLiteral("an integer");
    case Kind::String: return QStringLiteral("a string");
    case Kind::Array: return QStringLiteral("an array");
    case Kind::Object: return QStringLiteral("an object");
    }
    return {};
}

bool operator==(const JsonValue &a, const JsonValue &b)
{
    if (a.m_kind != b.m_kind)
        return false;
    switch (a.m_kind) {
    case JsonValue::Kind::Null: return true;
    case JsonValue::Kind::Bool:
    case JsonValue::Kind::Integer: return a.m_int == b.m_int;
    case JsonValue::Kind::String: return a.m_string == b.m_string;
    case JsonValue::Kind::Array: return a.m_array == b.m_array || a.toArray() == b.toArray();
    case JsonValue::Kind::Object: return a.m_object == b.m_object || a.toObject() == b.toObject();
    }
    return false;
}

namespace {

constexpr qint64 kMaxSafeInteger = 9007199254740991LL; // 2^53 - 1

class Parser
{
public:
    Parser(const QByteArray &bytes, const JsonLimits &limits)
        : m_data(bytes.constData()), m_size(bytes.size()), m_limits(limits)
    {
    }

    Result<JsonValue> run()
    {
        if (m_size > m_limits.maxBytes)
            return Issue{QString(), QStringLiteral("document is %1 bytes; the limit is %2 bytes")
                                        .arg(m_size).arg(m_limits.maxBytes)};
        if (m_size >= 3 && static_cast<unsigned char>(m_data[0]) == 0xEF
            && static_cast<unsigned char>(m_data[1]) == 0xBB && static_cast<unsigned char>(m_data[2]) == 0xBF)
            return errorAt(0, QStringLiteral("a byte order mark is not allowed"));
        skipSpace();
        JsonValue value;
        if (!parseValue(value, 0))
            return m_error;
        skipSpace();
        if (m_pos != m_size)
            return errorAt(m_pos, QStringLiteral("unexpected data after the JSON value"));
        return value;
    }

private:
    Issue errorAt(qsizetype pos, const QString &message) const
    {
        qsizetype line = 1;
        qsizetype column = 1;
        for (qsizetype i = 0; i < pos && i < m_size; ++i) {
            if (m_data[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_data[i]) & 0xC0) != 0x80) {
                ++column; // count characters, not continuation bytes
            }
        }
        return Issue{QStringLiteral("line %1, column %2").arg(line).arg(column), message};
    }

    bool fail(qsizetype pos, const QString &message)
    {
        m_error = errorAt(pos, message);
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else
                break;
        }
    }

    bool expectLiteral(const char *literal, qsizetype length)
    {
        if (m_size - m_pos < length || std::memcmp(m_data + m_pos, literal, static_cast<size_t>(length)) != 0)
            return fail(m_pos, QStringLiteral("invalid literal; expected %1").arg(QLatin1String(literal)));
        m_pos += length;
        return true;
    }

    bool parseValue(JsonValue &out, int depth)
    {
        if (m_pos >= m_size)
            return fail(m_pos, QStringLiteral("unexpected end of input; expected a value"));
        const char c = m_data[m_pos];
        switch (c) {
        case '{': return parseObject(out, depth + 1);
        case '[': return parseArray(out, depth + 1);
        case '"': {
            QString s;
            if (!parseString(s))
                return false;
            out = JsonValue(std::move(s));
            return true;
        }
        case 't':
            if (!expectLiteral("true", 4))
                return false;
            out = JsonValue(true);
            return true;
        case 'f':
            if (!expectLiteral("false", 5))
                return false;
            out = JsonValue(false);
            return true;
        case 'n':
            if (!expectLiteral("null", 4))
                return false;
            out = JsonValue();
            return true;
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return parseNumber(out);
            return fail(m_pos, QStringLiteral("unexpected character; expected a value"));
        }
    }

    bool parseNumber(JsonValue &out)
    {
        const qsizetype start = m_pos;
        bool negative = false;
        if (m_data[m_pos] == '-') {
            negative = true;
            ++m_pos;
        }
        if (m_pos >= m_size || m_data[m_pos] < '0' || m_data[m_pos] > '9')
            return fail(start, QStringLiteral("invalid number"));
        if (m_data[m_pos] == '0' && m_pos + 1 < m_size && m_data[m_pos + 1] >= '0' && m_data[m_pos + 1] <= '9')
            return fail(start, QStringLiteral("invalid number: leading zeros are not allowed"));
        qint64 value = 0;
        while (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9') {
            value = value * 10 + (m_data[m_pos] - '0');
            if (value > kMaxSafeInteger)
                return fail(start, QStringLiteral("number out of range; integers must be within ±(2^53 - 1)"));
            ++m_pos;
        }
        if (m_pos < m_size && (m_data[m_pos] == '.' || m_data[m_pos] == 'e' || m_data[m_pos] == 'E'))
            return fail(start, QStringLiteral("only integer numbers are allowed"));
        if (negative && value == 0)
            return fail(start, QStringLiteral("negative zero is not allowed"));
        out = JsonValue(negative ? -value : value);
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(qsizetype at, char16_t &out)
    {
        if (m_size - at < 4)
            return fail(at, QStringLiteral("incomplete \\u escape"));
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_data[at + i]);
            if (h < 0)
                return fail(at, QStringLiteral("invalid \\u escape"));
            v = v * 16 + static_cast<unsigned>(h);
        }
        out = static_cast<char16_t>(v);
        return true;
    }

    // Decodes one UTF-8 sequence starting at m_pos into code point; rejects overlong forms,
    // surrogates and values beyond U+10FFFF.
    bool decodeUtf8(char32_t &cp)
    {
        const auto b0 = static_cast<unsigned char>(m_data[m_pos]);
        int length = 0;
        char32_t min = 0;
        if (b0 < 0x80) {
            cp = b0;
            ++m_pos;
            return true;
        } else if ((b0 & 0xE0) == 0xC0) {
            length = 2; cp = b0 & 0x1F; min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            length = 3; cp = b0 & 0x0F; min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            length = 4; cp = b0 & 0x07; min = 0x10000;
        } else {
            return fail(m_pos, QStringLiteral("invalid UTF-8 byte 0x%1").arg(b0, 2, 16, QLatin1Char('0')));
        }
        if (m_size - m_pos < length)
            return fail(m_pos, QStringLiteral("truncated UTF-8 sequence"));
        for (int i = 1; i < length; ++i) {
            const auto b = static_cast<unsigned char>(m_data[m_pos + i]);
            if ((b & 0xC0) != 0x80)
                return fail(m_pos, QStringLiteral("invalid UTF-8 sequence"));
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min)
            return fail(m_pos, QStringLiteral("overlong UTF-8 sequence"));
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail(m_pos, QStringLiteral("invalid UTF-8 code point U+%1").arg(QString::number(static_cast<uint>(cp), 16).toUpper().rightJustified(4, QLatin1Char('0'))));
        m_pos += length;
        return true;
    }

    bool parseString(QString &out)
    {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        // Fast path: ASCII without escapes.
        qsizetype scan = m_pos;
        while (scan < m_size) {
            const auto c = static_cast<unsigned char>(m_data[scan]);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++scan;
        }
        if (scan < m_size && m_data[scan] == '"') {
            out = QString::fromLatin1(m_data + m_pos, scan - m_pos);
            m_pos = scan + 1;
            return true;
        }
        std::u16string buffer;
        buffer.reserve(static_cast<size_t>(scan - m_pos + 16));
        while (true) {
            if (m_pos >= m_size)
                return fail(start, QStringLiteral("unterminated string"));
            const auto c = static_cast<unsigned char>(m_data[m_pos]);
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c < 0x20)
                return fail(m_pos, QStringLiteral("control character U+%1 must be escaped in a string")
                                       .arg(QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0'))));
            if (c == '\\') {
                if (m_pos + 1 >= m_size)
                    return fail(m_pos, QStringLiteral("unterminated escape"));
                const char e = m_data[m_pos + 1];
                m_pos += 2;
                switch (e) {
                case '"': buffer.push_back(u'"'); break;
                case '\\': buffer.push_back(u'\\'); break;
                case '/': buffer.push_back(u'/'); break;
                case 'b': buffer.push_back(u'\b'); break;
                case 'f': buffer.push_back(u'\f'); break;
                case 'n': buffer.push_back(u'\n'); break;
                case 'r': buffer.push_back(u'\r'); break;
                case 't': buffer.push_back(u'\t'); break;
                case 'u': {
                    char16_t unit = 0;
                    if (!parseHex4(m_pos, unit))
                        return false;
                    const qsizetype escapeAt = m_pos - 2;
                    m_pos += 4;
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        char16_t low = 0;
                        if (m_size - m_pos < 6 || m_data[m_pos] != '\\' || m_data[m_pos + 1] != 'u'
                            || !parseHex4(m_pos + 2, low) || low < 0xDC00 || low > 0xDFFF)
                            return fail(escapeAt, QStringLiteral("lone surrogate in \\u escape"));
                        m_pos += 6;
                        buffer.push_back(unit);
                        buffer.push_back(low);
                    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                        return fail(escapeAt, QStringLiteral("lone surrogate in \\u escape"));
                    } else {
                        buffer.push_back(unit);
                    }
                    break;
                }
                default:
                    return fail(m_pos - 2, QStringLiteral("invalid escape \\%1").arg(QLatin1Char(e)));
                }
                continue;
            }
            char32_t cp = 0;
            if (!decodeUtf8(cp))
                return false;
            if (cp >= 0x10000) {
                cp -= 0x10000;
                buffer.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
                buffer.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
            } else {
                buffer.push_back(static_cast<char16_t>(cp));
            }
        }
        out = QString(reinterpret_cast<const QChar *>(buffer.data()), static_cast<qsizetype>(buffer.size()));
        return true;
    }

    bool parseArray(JsonValue &out, int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(m_pos, QStringLiteral("nesting deeper than %1 levels").arg(m_limits.maxDepth));
        ++m_pos;
        JsonArray array;
        skipSpace();
        if (m_pos < m_size && m_data[m_pos] == ']') {
            ++m_pos;
            out = JsonValue(std::move(array));
            return true;
        }
        while (true) {
            skipSpace();
            JsonValue element;
            if (!parseValue(element, depth))
                return false;
            array.push_back(std::move(element));
            skipSpace();
            if (m_pos >= m_size)
                return fail(m_pos, QStringLiteral("unexpected end of input in an array"));
            if (m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_data[m_pos] == ']') {
                ++m_pos;
                break;
            }
            return fail(m_pos, QStringLiteral("expected , or ] in an array"));
        }
        out = JsonValue(std::move(array));
        return true;
    }

    bool parseObject(JsonValue &out, int depth)
    {
        if (depth > m_limits.maxDepth)
            return fail(m_pos, QStringLiteral("nesting deeper than %1 levels").arg(m_limits.maxDepth));
        ++m_pos;
        JsonObject object;
        skipSpace();
        if (m_pos < m_size && m_data[m_pos] == '}') {
            ++m_pos;
            out = JsonValue(std::move(object));
            return true;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_size)
                return fail(m_pos, QStringLiteral("unexpected end of input in an object"));
            if (m_data[m_pos] != '"')
                return fail(m_pos, QStringLiteral("expected a string key in an object"));
            const qsizetype keyAt = m_pos;
            QString key;
            if (!parseString(key))
                return false;
            skipSpace();
            if (m_pos >= m_size || m_data[m_pos] != ':')
                return fail(m_pos, QStringLiteral("expected : after a key"));
            ++m_pos;
            skipSpace();
            JsonValue value;
            if (!parseValue(value, depth))
                return false;
            if (!object.emplace(std::move(key), std::move(value)).second)
                return fail(keyAt, QStringLiteral("duplicate key"));
            skipSpace();
            if (m_pos >= m_size)
                return fail(m_pos, QStringLiteral("unexpected end of input in an object"));
            if (m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_data[m_pos] == '}') {
                ++m_pos;
                break;
            }
            return fail(m_pos, QStringLiteral("expected , or } in an object"));
        }
        out = JsonValue(std::move(object));
        return true;
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    JsonLimits m_limits;
    Issue m_error;
};

void writeString(QByteArray &out, const QString &s)
{
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
            if (c < 0x20 || c == 0x7F) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[c >> 4]);
                out.append(hex[c & 0xF]);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

void writeIndent(QByteArray &out, int depth)
{
    out.append(depth * 2, ' ');
}

void writeValue(QByteArray &out, const JsonValue &v, int depth, bool pretty)
{
    switch (v.kind()) {
    case JsonValue::Kind::Null: out.append("null"); return;
    case JsonValue::Kind::Bool: out.append(v.toBool() ? "true" : "false"); return;
    case JsonValue::Kind::Integer: out.append(QByteArray::number(v.toInteger())); return;
    case JsonValue::Kind::String: writeString(out, v.toString()); return;
    case JsonValue::Kind::Array: {
        const JsonArray &a = v.toArray();
        if (a.empty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        bool first = true;
        for (const JsonValue &e : a) {
            if (!first)
                out.append(',');
            first = false;
            if (pretty) {
                out.append('\n');
                writeIndent(out, depth + 1);
            }
            writeValue(out, e, depth + 1, pretty);
        }
        if (pretty) {
            out.append('\n');
            writeIndent(out, depth);
        }
        out.append(']');
        return;
    }
    case JsonValue::Kind::Object: {
        const JsonObject &o = v.toObject();
        if (o.empty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        bool first = true;
        // std::map orders keys by UTF-16 code units; Carta's keys are ASCII, so this is
        // also byte order.
        for (const auto &[key, value] : o) {
            if (!first)
                out.append(',');
            first = false;
            if (pretty) {
                out.append('\n');
                writeIndent(out, depth + 1);
            }
            writeString(out, key);
            out.append(pretty ? ": " : ":");
            writeValue(out, value, depth + 1, pretty);
        }
        if (pretty) {
            out.append('\n');
            writeIndent(out, depth);
        }
        out.append('}');
        return;
    }
    }
}

} // namespace

Result<JsonValue> parseJson(const QByteArray &bytes, const JsonLimits &limits)
{
    return Parser(bytes, limits).run();
}

QByteArray serializeCanonical(const JsonValue &value)
{
    QByteArray out;
    out.reserve(4096);
    writeValue(out, value, 0, true);
    out.append('\n');
    return out;
}

QByteArray serializeCompact(const JsonValue &value)
{
    QByteArray out;
    writeValue(out, value, 0, false);
    return out;
}

} // namespace carta::model
