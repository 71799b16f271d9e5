// Search in the replica. FTS5 keeps the text (for snippets); matching words, prefixes and
// phrases, BM25 ranking and facet counting run over compact in-memory postings, word
// positions and facet values that load() builds from search_item and index()/remove() keep
// in step. Ranking and grouping every match in SQL is what made broad queries slow: about
// 200 ms for a word in half of 120,000 items, against about 2 ms here; FTS5's own phrase
// query took ~13 ms for a phrase of two such words, the positions in memory ~2 ms
// (bench/bench_search.cpp).
#include "replica/search.h"

#include <QHash>
#include <QtEndian>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace carta::replica {

using namespace Qt::StringLiterals;
using model::Done;
using model::Issue;
using model::Result;

QString toString(Facet facet)
{
    switch (facet) {
    case Facet::Type: return u"type"_s;
    case Facet::State: return u"state"_s;
    case Facet::Profession: return u"profession"_s;
    case Facet::Specialty: return u"specialty"_s;
    case Facet::CareerStage: return u"career_stage"_s;
    case Facet::Region: return u"region"_s;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Facet> facetFromString(const QString &name)
{
    for (Facet facet : allFacets()) {
        if (toString(facet) == name)
            return facet;
    }
    return std::nullopt;
}

const QList<Facet> &allFacets()
{
    static const QList<Facet> facets{Facet::Type,      Facet::State,       Facet::Profession,
                                     Facet::Specialty, Facet::CareerStage, Facet::Region};
    return facets;
}

QString nationalRegion()
{
    return u"national"_s;
}

namespace {

// Bumped when what is stored changes shape; an index of another format must be rebuilt.
constexpr int kFormat = 2; // 2: word positions for phrases

// Columns of search_fts, and how much a word in each counts towards the ranking (the
// weighted term frequency of BM25F): a word of the title says more than one in the body.
enum Column : int { TitleColumn, SummaryColumn, BodyColumn, AttachmentsColumn, ColumnCount };
constexpr std::array<int, ColumnCount> kColumnWeight{10, 4, 1, 2};

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr qsizetype kMaxWordLength = 64; // longer words are cut, in documents and queries alike
constexpr int kMaxFrequency = 255;       // weighted frequencies saturate; BM25 barely moves beyond
constexpr int kSnippetWords = 18;
constexpr int kSnippetLead = 4;          // words shown before the first match of a snippet
constexpr quint32 kNoSlot = std::numeric_limits<quint32>::max();
constexpr quint32 kMaxSlots = 1u << 24;  // a posting packs the slot in 24 bits and the frequency in 8

constexpr int kFacetCount = 6;
int facetIndex(Facet facet) { return static_cast<int>(facet); }

Issue sqlIssue(const QString &what, const QSqlQuery &query)
{
    return Issue{u"search"_s, u"%1: %2"_s.arg(what, query.lastError().text())};
}

// ---- words ---------------------------------------------------------------------------

// Words as FTS5's unicode61 tokenizer (remove_diacritics 2) sees them: letters, digits and
// private-use characters make words, combining marks are dropped, everything else
// separates; words are case-folded. Queries go through the same function, so FTS5 syntax
// characters are only ever separators.
enum class CharKind { Separator, Word, Mark };

CharKind kindOf(char32_t c)
{
    if (c < 0x80) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        return alnum ? CharKind::Word : CharKind::Separator;
    }
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return CharKind::Mark;
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
        return CharKind::Word;
    default:
        return CharKind::Separator;
    }
}

char32_t codePointAt(QStringView text, qsizetype i, qsizetype *units)
{
    const char16_t u = text[i].unicode();
    if (QChar::isHighSurrogate(u) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
        *units = 2;
        return QChar::surrogateToUcs4(u, text[i + 1].unicode());
    }
    *units = 1;
    return u;
}

// Writes the normalized form of a word into buffer (reused across words) and returns it.
QStringView normalizedWord(QStringView word, bool ascii, QString &buffer)
{
    if (ascii) {
        buffer.resize(std::min(word.size(), kMaxWordLength));
        QChar *d = buffer.data();
        for (qsizetype i = 0; i < buffer.size(); ++i) {
            const char16_t c = word[i].unicode();
            d[i] = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
        }
        return buffer;
    }
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_D);
    QString bare;
    bare.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size();) {
        qsizetype units = 1;
        const char32_t c = codePointAt(decomposed, i, &units);
        if (kindOf(c) != CharKind::Mark)
            bare.append(decomposed.sliced(i, units));
        i += units;
    }
    buffer = bare.toCaseFolded();
    if (buffer.size() > kMaxWordLength)
        buffer.truncate(buffer.at(kMaxWordLength - 1).isHighSurrogate() ? kMaxWordLength - 1 : kMaxWordLength);
    return buffer;
}

inline bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z');
}

// Calls f(begin, end, word) for every word of text: begin and end are UTF-16 offsets in
// text, word is the normalized form, valid during the call.
template<typename F>
void forEachWord(QStringView text, F &&f)
{
    QString buffer;
    const QChar *data = text.data();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t u = data[i].unicode();
        qsizetype units = 1;
        if (u < 0x80 ? !isAsciiAlnum(u) : kindOf(codePointAt(text, i, &units)) != CharKind::Word) {
            i += units;
            continue;
        }
        const qsizetype begin = i;
        bool ascii = true;
        while (i < n) {
            const char16_t c = data[i].unicode();
            if (c < 0x80) {
                if (!isAsciiAlnum(c))
                    break;
                ++i;
                continue;
            }
            ascii = false;
            if (kindOf(codePointAt(text, i, &units)) == CharKind::Separator)
                break;
            i += units;
        }
        f(begin, i, normalizedWord(text.sliced(begin, i - begin), ascii, buffer));
    }
}

// ---- the text of an item -----------------------------------------------------------

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

// Inline Markdown to the text a reader sees: link and image destinations, emphasis and
// code markers and HTML tags go, so URLs never become words and snippets read as prose.
void appendInlineText(QStringView line, QString &out)
{
    const qsizetype n = line.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = line[i];
        if (c == u'\\' && i + 1 < n && line[i + 1].isPunct()) {
            out.append(line[++i]);
        } else if (c == u'*' || c == u'`' || (c == u'~' && i + 1 < n && line[i + 1] == u'~')) {
            if (c == u'~')
                ++i;
        } else if (c == u'_') {
            const bool inWord = i > 0 && i + 1 < n && isWordChar(line[i - 1]) && isWordChar(line[i + 1]);
            if (inWord)
                out.append(c);
        } else if (c == u']' && i + 1 < n && line[i + 1] == u'(') {
            const qsizetype close = line.indexOf(u')', i + 2);
            if (close < 0) {
                out.append(c);
            } else {
                i = close; // the destination of [text](url)
            }
        } else if (c == u'[' || (c == u'!' && i + 1 < n && line[i + 1] == u'[')) {
            if (c == u'!')
                ++i;
        } else if (c == u'<' && i + 1 < n && (line[i + 1].isLetter() || line[i + 1] == u'/')) {
            const qsizetype close = line.indexOf(u'>', i + 1);
            if (close < 0)
                out.append(c);
            else
                i = close; // <https://…> or an HTML tag
        } else {
            out.append(c);
        }
    }
}

// Markdown to plain text: one line per block (paragraph, heading, list item), the lines of
// a paragraph joined with spaces.
QString plainText(const QString &markdown)
{
    QString out;
    out.reserve(markdown.size());
    bool inParagraph = false;
    for (QStringView line : QStringTokenizer(markdown, u'\n')) {
        line = line.trimmed();
        bool block = false; // a line that starts a block of its own
        while (line.startsWith(u'>')) {
            line = line.sliced(1).trimmed();
            block = true;
        }
        qsizetype hashes = 0;
        while (hashes < line.size() && line[hashes] == u'#')
            ++hashes;
        if (hashes > 0 && hashes <= 6 && (hashes == line.size() || line[hashes] == u' ')) {
            line = line.sliced(hashes).trimmed();
            block = true;
        }
        if (line.size() >= 2 && (line[0] == u'-' || line[0] == u'*' || line[0] == u'+') && line[1] == u' ') {
            line = line.sliced(2);
            block = true;
        }
        qsizetype digits = 0;
        while (digits < line.size() && line[digits].isDigit())
            ++digits;
        if (digits > 0 && digits + 1 < line.size() && (line[digits] == u'.' || line[digits] == u')')
            && line[digits + 1] == u' ') {
            line = line.sliced(digits + 2);
            block = true;
        }
        if (line.isEmpty()) {
            inParagraph = false;
            continue;
        }
        if (!out.isEmpty())
            out.append(inParagraph && !block ? u' ' : u'\n');
        appendInlineText(line, out);
        inParagraph = !block;
    }
    return out;
}

struct ItemText
{
    std::array<QString, ColumnCount> columns;
};

ItemText itemText(const model::Item &item)
{
    using model::ParagraphKind;
    ItemText text;
    text.columns[TitleColumn] = item.title;
    text.columns[SummaryColumn] = item.summary;
    QStringList body;
    const auto add = [&body](const QString &part) {
        if (!part.isEmpty())
            body.append(part);
    };
    for (const model::Paragraph &p : item.paragraphs) {
        switch (p.kind) {
        case ParagraphKind::Text:
            add(plainText(p.markdown));
            break;
        case ParagraphKind::Heading:
        case ParagraphKind::LearningOutcomes:
            add(p.text);
            break;
        case ParagraphKind::Callout:
            add(p.text);
            add(plainText(p.markdown));
            break;
        case ParagraphKind::LinkList:
            add(p.text);
            for (const model::Link &link : p.links)
                add(link.title);
            break;
        case ParagraphKind::PolicyRef:
        case ParagraphKind::ResourceRef:
        case ParagraphKind::PathwayRef:
            break; // transcluded: the words belong to the item referred to
        }
    }
    if (const auto *curriculum = item.tryAs<model::CurriculumFields>()) {
        for (const model::LearningOutcome &outcome : curriculum->learningOutcomes)
            add(outcome.title);
        for (const model::Competency &competency : curriculum->competencies)
            add(competency.title);
    }
    if (const auto *pathway = item.tryAs<model::PathwayFields>()) {
        for (const model::PathwayStage &stage : pathway->stages)
            add(stage.title);
    }
    text.columns[BodyColumn] = body.join(u'\n');
    QStringList names;
    for (const model::Attachment &attachment : item.attachments)
        names.append(attachment.name);
    text.columns[AttachmentsColumn] = names.join(u'\n');
    return text;
}

// ---- compact encodings -------------------------------------------------------------

// Varints (7 bits a byte, low first, the top bit set on all but the last) are the one
// encoding of every count, id and position in a stored row and in the in-memory runs.
// Appends one to a byte container (QByteArray or std::vector<quint8>).
template<typename Bytes>
void appendVarint(Bytes &out, quint32 value)
{
    using Byte = typename Bytes::value_type;
    while (value >= 0x80) {
        out.push_back(static_cast<Byte>(static_cast<quint8>(value | 0x80)));
        value >>= 7;
    }
    out.push_back(static_cast<Byte>(static_cast<quint8>(value)));
}

// Decodes the varint at p (advancing it); false when the bytes end inside one, or it
// needs more than 32 bits (a damaged row).
bool decodeVarint(const quint8 *&p, const quint8 *end, quint32 *value)
{
    quint32 result = 0;
    for (int shift = 0; shift <= 28 && p != end; shift += 7) {
        const quint8 byte = *p++;
        result |= quint32(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *value = result;
            return true;
        }
    }
    return false;
}

// decodeVarint() at *pos of a row.
bool readVarint(const QByteArray &in, qsizetype *pos, quint32 *value)
{
    const auto *begin = reinterpret_cast<const quint8 *>(in.constData());
    const quint8 *p = begin + *pos;
    const bool ok = decodeVarint(p, begin + in.size(), value);
    *pos = p - begin;
    return ok;
}

// First eight bytes of a sort key, big-endian, so most comparisons are one integer compare.
quint64 keyPrefix(std::string_view key)
{
    quint64 prefix = 0;
    for (size_t i = 0; i < 8; ++i)
        prefix = (prefix << 8) | (i < key.size() ? static_cast<quint8>(key[i]) : 0u);
    return prefix;
}

QByteArray titleSortKey(const QString &title)
{
    return title.simplified().toCaseFolded().toUtf8();
}

// What search_item.data holds for an item, so that load() reads one value per item:
// varint length, varint key size, the title's sort key, varint value count, facet value
// ids as varints, then per term to the end: varint term id delta, weighted frequency byte,
// varint size of its positions, and its positions (varint deltas, the first from 0).
// Positions count words through the columns in order, with one left out between columns,
// so a phrase never runs from one column into the next (FTS5 sees columns that way too).
struct StoredDoc
{
    quint32 length = 0;
    std::string_view titleKey; // into the blob decoded
    std::vector<quint16> values;
    std::vector<std::pair<quint32, quint8>> terms; // ascending term ids
};

// One term of a document being indexed: its positions are positions[first, first + count).
struct TermPositions
{
    quint32 id;
    quint8 frequency;
    quint32 first;
    quint32 count;
};

void appendPositions(QByteArray &out, const quint32 *positions, quint32 count)
{
    QByteArray deltas;
    quint32 previous = 0;
    for (quint32 i = 0; i < count; ++i) {
        appendVarint(deltas, positions[i] - previous);
        previous = positions[i];
    }
    appendVarint(out, quint32(deltas.size()));
    out.append(deltas);
}

QByteArray encodeDoc(quint32 length, const QByteArray &titleKey, const std::vector<quint16> &values,
                     const std::vector<TermPositions> &terms, const std::vector<quint32> &positions)
{
    QByteArray out;
    out.reserve(titleKey.size() + qsizetype(values.size()) * 2 + qsizetype(terms.size()) * 4
                + qsizetype(positions.size()) + 8);
    appendVarint(out, length);
    appendVarint(out, quint32(titleKey.size()));
    out.append(titleKey);
    appendVarint(out, quint32(values.size()));
    for (quint16 id : values)
        appendVarint(out, id);
    quint32 previous = 0;
    for (const TermPositions &term : terms) {
        appendVarint(out, term.id - previous);
        out.append(char(term.frequency));
        appendPositions(out, positions.data() + term.first, term.count);
        previous = term.id;
    }
    return out;
}

// Decodes everything before the terms; *pos is left at the first term.
bool decodeDocHead(const QByteArray &blob, qsizetype *pos, StoredDoc *doc)
{
    quint32 keySize = 0;
    quint32 valueCount = 0;
    if (!readVarint(blob, pos, &doc->length) || !readVarint(blob, pos, &keySize) || keySize > blob.size() - *pos)
        return false;
    doc->titleKey = std::string_view(blob.constData() + *pos, keySize);
    *pos += keySize;
    if (!readVarint(blob, pos, &valueCount) || valueCount > blob.size() - *pos)
        return false;
    doc->values.clear();
    for (quint32 i = 0; i < valueCount; ++i) {
        quint32 id = 0;
        if (!readVarint(blob, pos, &id) || id > std::numeric_limits<quint16>::max())
            return false;
        doc->values.push_back(static_cast<quint16>(id));
    }
    return true;
}

// Calls f(term id, frequency, positions) for the terms that start at pos; positions is
// the varint-encoded run (see StoredDoc), checked by forEachPosition() where it is read.
template<typename F>
bool forEachStoredTerm(const QByteArray &blob, qsizetype pos, F &&f)
{
    quint32 term = 0;
    while (pos < blob.size()) {
        quint32 delta = 0;
        quint32 size = 0;
        if (!readVarint(blob, &pos, &delta) || pos >= blob.size())
            return false;
        term += delta;
        const auto frequency = static_cast<quint8>(blob[pos++]);
        if (!readVarint(blob, &pos, &size) || size > blob.size() - pos || size == 0)
            return false;
        f(term, frequency, QByteArrayView(blob.constData() + pos, size));
        pos += size;
    }
    return true;
}

// Calls f(position) for each position of a run; false when the run is damaged.
template<typename F>
bool forEachPosition(QByteArrayView run, F &&f)
{
    quint32 position = 0;
    const auto *p = reinterpret_cast<const quint8 *>(run.data());
    const auto *end = p + run.size();
    while (p != end) {
        quint32 delta = 0;
        if (!decodeVarint(p, end, &delta))
            return false;
        position += delta;
        f(position);
    }
    return true;
}

bool decodeDoc(const QByteArray &blob, StoredDoc *doc)
{
    qsizetype pos = 0;
    doc->terms.clear();
    return decodeDocHead(blob, &pos, doc)
        && forEachStoredTerm(blob, pos, [doc](quint32 term, quint8 frequency, QByteArrayView) {
               doc->terms.emplace_back(term, frequency);
           });
}

// ---- queries -------------------------------------------------------------------------

struct ParsedQuery
{
    QStringList words;   // every one must occur
    QString prefix;      // the word being typed (the last one, touching the end of the text)
    QList<QStringList> phrases; // words of each phrase of two or more, in order
    QStringList phraseWords;    // the words of every phrase, but for phrasePrefix
    QString phrasePrefix;       // the word being typed at the end of an unclosed phrase: the
                                // last phrase's last word, matched as a prefix

    [[nodiscard]] bool empty() const { return words.isEmpty() && prefix.isEmpty() && phrases.isEmpty(); }
};

// What people type: words (all must occur), "quoted phrases", an unbalanced quote runs to
// the end; the last word is a prefix while it is being typed (nothing after it).
ParsedQuery parseQuery(const QString &text)
{
    ParsedQuery parsed;
    const qsizetype n = text.size();
    qsizetype start = 0;
    bool inPhrase = false;
    while (start <= n) {
        qsizetype end = text.indexOf(u'"', start);
        const bool closed = end >= 0;
        if (!closed)
            end = n;
        const QStringView segment = QStringView(text).sliced(start, end - start);
        QStringList words;
        bool lastTouchesEnd = false;
        forEachWord(segment, [&](qsizetype, qsizetype wordEnd, QStringView word) {
            words.append(word.toString());
            lastTouchesEnd = start + wordEnd == n;
        });
        if (!words.isEmpty()) {
            const bool typing = lastTouchesEnd && !closed;
            if (!inPhrase || words.size() == 1) {
                if (typing)
                    parsed.prefix = words.takeLast();
                for (const QString &word : std::as_const(words)) {
                    if (!parsed.words.contains(word))
                        parsed.words.append(word);
                }
            } else {
                parsed.phrases.append(words);
                if (typing)
                    parsed.phrasePrefix = words.takeLast();
                parsed.phraseWords += words;
            }
        }
        if (!closed)
            break;
        inPhrase = !inPhrase;
        start = end + 1;
    }
    return parsed;
}

struct Candidate
{
    quint32 slot;
    float score;
    float frequency; // weighted frequency of the token being applied
};

} // namespace

// ---- the index -------------------------------------------------------------------------

namespace {

// Reading search_item from a cold page cache is random reads: its pages were written
// between the items' own, all over the file. While load() reads the rows in order, a few
// threads read the later parts of the table on connections of their own, so the disk
// serves several reads at once (about twice as fast here; warm, it costs ~nothing). They
// only bring pages into the operating system's cache; load() reads everything itself.
class Prefetch
{
public:
    explicit Prefetch(const QSqlDatabase &db)
    {
        const QString file = db.databaseName();
        if (file.isEmpty() || file == u":memory:"_s || file.startsWith(u"file:"_s))
            return;
        QSqlQuery range(db);
        if (!range.exec(u"SELECT min(rowid), max(rowid) FROM search_item"_s) || !range.next())
            return;
        const qint64 first = range.value(0).toLongLong();
        const qint64 last = range.value(1).toLongLong();
        constexpr qint64 kParts = 4;
        if (last - first < 4096)
            return;
        const qint64 step = (last - first) / kParts + 1;
        for (qint64 part = 1; part < kParts; ++part) {
            const qint64 from = first + part * step;
            m_threads.emplace_back([file, from, step] {
                const QString name = u"carta-search-prefetch-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
                {
                    QSqlDatabase mine = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                    mine.setDatabaseName(file);
                    mine.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
                    if (mine.open()) {
                        QSqlQuery read(mine);
                        read.setForwardOnly(true);
                        read.prepare(u"SELECT sum(length(data)) FROM search_item WHERE rowid >= ? AND rowid < ?"_s);
                        read.addBindValue(from);
                        read.addBindValue(from + step);
                        read.exec();
                        read.finish();
                    }
                    mine.close();
                }
                QSqlDatabase::removeDatabase(name);
            });
        }
    }
    ~Prefetch()
    {
        for (std::thread &t : m_threads)
            t.join();
    }
    Prefetch(const Prefetch &) = delete;
    Prefetch &operator=(const Prefetch &) = delete;

private:
    std::vector<std::thread> m_threads;
};

} // namespace

struct SearchIndex::Impl
{
    struct Doc
    {
        qint64 rowid = 0;
        quint64 titlePrefix = 0; // first bytes of the title's sort key
        quint32 titleOffset = 0; // sort key in titleKeys
        quint32 titleSize = 0;
        quint32 valueOffset = 0; // facet value ids in values
        quint32 valueCount = 0;
        quint32 length = 0; // words in every column: BM25's document length
        model::ItemType type = model::ItemType::Page;
        model::WorkflowState state = model::WorkflowState::Draft;
        bool alive = true;
    };

    struct FacetValue
    {
        Facet facet = Facet::Type;
        QString value;
        int enumValue = -1; // the ItemType or WorkflowState of a type or state value
    };

    explicit Impl(QString name) : connection(std::move(name)) {}

    QString connection;

    // Dictionaries, ids as in search_term and search_value.
    QHash<QString, quint32> termIds;
    std::map<QString, quint32> sortedTerms; // for prefixes
    std::vector<std::vector<quint32>> postings; // by term: (slot << 8) | weighted frequency, slots ascending
    // By term, one entry per posting in the same order: varint size, then the positions
    // as stored (see StoredDoc). Phrases are matched on these, in memory.
    std::vector<std::vector<quint8>> positionRuns;
    std::vector<quint32> documentFrequency;     // by term: live documents containing it
    std::vector<FacetValue> facetValues;
    QHash<QString, quint16> facetValueIds; // "facet\nvalue"
    std::array<std::vector<quint16>, kFacetCount> valuesOfFacet;

    // Documents by slot. A re-indexed item gets a new slot and its old one dies, so posting
    // lists only ever grow at the end; compact() drops the dead when they pile up.
    std::vector<Doc> docs;
    std::vector<quint16> values;
    std::string titleKeys;
    std::vector<quint32> slotOfRowid;
    qint64 maxRowid = 0;
    qint64 liveDocs = 0;
    qint64 deadDocs = 0;
    qint64 totalLength = 0;

    bool loaded = false;
    qint64 generation = 0; // search_meta's generation when the structures matched the tables

    // Scratch for queries, kept to avoid allocating per search.
    std::vector<quint32> mark;
    std::vector<quint32> where;
    // applyPhrase()'s scratch, kept between queries.
    struct PhraseToken
    {
        const std::vector<quint8> *runs = nullptr; // one term: its runs; else gathered below
        std::vector<quint32> runAt;                // per candidate: where its run starts
        std::vector<quint32> runSize;              // per candidate: its size (0: none)
        std::vector<quint32> begin;                // several terms: per candidate, positions
        std::vector<quint32> positions;            //   [begin[c], begin[c + 1]), in order
        std::vector<quint32> next;
    };
    static constexpr quint32 kDamagedPosition = std::numeric_limits<quint32>::max();
    std::vector<PhraseToken> phraseScratch;
    std::vector<std::pair<quint32, quint32>> phraseOccurrences; // (candidate, position)
    std::vector<quint32> phraseStarts;
    std::vector<quint32> phraseNext;
    std::vector<quint32> seen;
    quint32 stamp = 0;
    std::vector<quint32> termWeight; // index(): weighted frequency by term id, zero between items

    // Statements of index()/remove(), prepared once.
    std::optional<QSqlQuery> readGeneration, writeGeneration, findItem, insertTerm, insertValue, insertItem,
        updateItem, deleteItem, deleteText, insertText;

    [[nodiscard]] QSqlDatabase database() const { return QSqlDatabase::database(connection, false); }

    void clear()
    {
        termIds.clear();
        sortedTerms.clear();
        postings.clear();
        positionRuns.clear();
        documentFrequency.clear();
        facetValues.clear();
        facetValueIds.clear();
        for (auto &list : valuesOfFacet)
            list.clear();
        docs.clear();
        values.clear();
        titleKeys.clear();
        slotOfRowid.clear();
        maxRowid = liveDocs = deadDocs = totalLength = 0;
        loaded = false;
    }

    Result<Done> prepare()
    {
        if (readGeneration)
            return Done{};
        const QSqlDatabase db = database();
        if (!db.isOpen())
            return Issue{u"search"_s, u"the database connection %1 is not open"_s.arg(connection)};
        // No INSERT OR REPLACE: a statement that may need a statement journal makes SQLite
        // open a savepoint on search_fts, and FTS5 then flushes its pending terms to a new
        // segment for every item, which doubles the cost of a bulk index.
        const std::array<std::pair<std::optional<QSqlQuery> *, QString>, 10> statements{{
            {&readGeneration, u"SELECT value FROM search_meta WHERE key = 'generation'"_s},
            {&writeGeneration, u"UPDATE search_meta SET value = ? WHERE key = 'generation'"_s},
            {&findItem, u"SELECT rowid, data FROM search_item WHERE id = ?"_s},
            {&insertTerm, u"INSERT INTO search_term (id, term) VALUES (?, ?)"_s},
            {&insertValue, u"INSERT INTO search_value (id, facet, value) VALUES (?, ?, ?)"_s},
            {&insertItem, u"INSERT INTO search_item (rowid, id, data) VALUES (?, ?, ?)"_s},
            {&updateItem, u"UPDATE search_item SET data = ? WHERE rowid = ?"_s},
            {&deleteItem, u"DELETE FROM search_item WHERE rowid = ?"_s},
            {&deleteText, u"DELETE FROM search_fts WHERE rowid = ?"_s},
            {&insertText, u"INSERT INTO search_fts (rowid, title, summary, body, attachments) VALUES (?, ?, ?, ?, ?)"_s},
        }};
        for (const auto &[target, sql] : statements) {
            QSqlQuery query(db);
            if (!query.prepare(sql)) {
                const Issue issue = sqlIssue(u"cannot prepare the search statements"_s, query);
                forgetStatements();
                return issue;
            }
            *target = std::move(query);
        }
        return Done{};
    }

    void forgetStatements()
    {
        for (auto *statement : {&readGeneration, &writeGeneration, &findItem, &insertTerm, &insertValue, &insertItem,
                                &updateItem, &deleteItem, &deleteText, &insertText})
            statement->reset();
    }

    // ---- dictionaries

    void addTerm(quint32 id, const QString &term)
    {
        if (postings.size() <= id) {
            postings.resize(id + 1);
            positionRuns.resize(id + 1);
            documentFrequency.resize(id + 1);
        }
        termIds.insert(term, id);
        sortedTerms.emplace(term, id);
    }

    static QString valueKey(Facet facet, const QString &value) { return toString(facet) + u'\n' + value; }

    void addFacetValue(quint16 id, Facet facet, const QString &value)
    {
        if (facetValues.size() <= id)
            facetValues.resize(id + 1);
        FacetValue &v = facetValues[id];
        v.facet = facet;
        v.value = value;
        if (facet == Facet::Type) {
            if (const auto type = model::itemTypeFromString(value))
                v.enumValue = static_cast<int>(*type);
        } else if (facet == Facet::State) {
            if (const auto state = model::workflowStateFromString(value))
                v.enumValue = static_cast<int>(*state);
        }
        facetValueIds.insert(valueKey(facet, value), id);
        valuesOfFacet[facetIndex(facet)].push_back(id);
    }

    // ---- documents

    // Appends a live document without its postings (see addPosting()).
    quint32 addDoc(qint64 rowid, const StoredDoc &stored)
    {
        const auto slot = static_cast<quint32>(docs.size());
        Doc doc;
        doc.rowid = rowid;
        doc.titleOffset = static_cast<quint32>(titleKeys.size());
        doc.titleSize = static_cast<quint32>(stored.titleKey.size());
        titleKeys.append(stored.titleKey);
        doc.titlePrefix = keyPrefix(stored.titleKey);
        doc.valueOffset = static_cast<quint32>(values.size());
        doc.valueCount = static_cast<quint32>(stored.values.size());
        doc.length = stored.length;
        for (quint16 id : stored.values) {
            values.push_back(id);
            const FacetValue &v = facetValues[id];
            if (v.enumValue >= 0 && v.facet == Facet::Type)
                doc.type = static_cast<model::ItemType>(v.enumValue);
            else if (v.enumValue >= 0 && v.facet == Facet::State)
                doc.state = static_cast<model::WorkflowState>(v.enumValue);
        }
        docs.push_back(doc);
        if (slotOfRowid.size() <= size_t(rowid))
            slotOfRowid.resize(size_t(rowid) + 1, kNoSlot);
        slotOfRowid[size_t(rowid)] = slot;
        maxRowid = std::max(maxRowid, rowid);
        ++liveDocs;
        totalLength += stored.length;
        return slot;
    }

    void addPosting(quint32 slot, quint32 term, quint8 frequency, QByteArrayView positions)
    {
        postings[term].push_back((slot << 8) | frequency);
        std::vector<quint8> &runs = positionRuns[term];
        appendVarint(runs, static_cast<quint32>(positions.size()));
        runs.insert(runs.end(), positions.begin(), positions.end());
        ++documentFrequency[term];
    }

    void killDoc(quint32 slot, const std::vector<std::pair<quint32, quint8>> &terms)
    {
        Doc &doc = docs[slot];
        Q_ASSERT(doc.alive);
        doc.alive = false;
        for (const auto &[term, frequency] : terms) {
            if (term < documentFrequency.size() && documentFrequency[term] > 0)
                --documentFrequency[term];
        }
        slotOfRowid[size_t(doc.rowid)] = kNoSlot;
        --liveDocs;
        ++deadDocs;
        totalLength -= doc.length;
    }

    // Drops dead documents: renumbers slots and filters every posting list.
    void compact()
    {
        std::vector<quint32> newSlot(docs.size(), kNoSlot);
        std::vector<Doc> keptDocs;
        keptDocs.reserve(size_t(liveDocs));
        std::vector<quint16> keptValues;
        keptValues.reserve(values.size());
        std::string keptTitles;
        keptTitles.reserve(titleKeys.size());
        for (size_t slot = 0; slot < docs.size(); ++slot) {
            Doc doc = docs[slot];
            if (!doc.alive)
                continue;
            newSlot[slot] = static_cast<quint32>(keptDocs.size());
            const quint32 valueOffset = static_cast<quint32>(keptValues.size());
            keptValues.insert(keptValues.end(), values.begin() + doc.valueOffset,
                              values.begin() + doc.valueOffset + doc.valueCount);
            doc.valueOffset = valueOffset;
            const quint32 titleOffset = static_cast<quint32>(keptTitles.size());
            keptTitles.append(titleKeys, doc.titleOffset, doc.titleSize);
            doc.titleOffset = titleOffset;
            slotOfRowid[size_t(doc.rowid)] = newSlot[slot];
            keptDocs.push_back(doc);
        }
        for (size_t term = 0; term < postings.size(); ++term) {
            std::vector<quint32> &list = postings[term];
            std::vector<quint8> &runs = positionRuns[term];
            size_t out = 0;
            size_t runsOut = 0;
            size_t at = 0;
            for (quint32 posting : list) {
                const size_t begin = at;
                at = skipRun(runs, at);
                const quint32 slot = newSlot[posting >> 8];
                if (slot == kNoSlot)
                    continue;
                list[out++] = (slot << 8) | (posting & 0xff);
                if (runsOut != begin) // moves down over what was dropped (the ranges may overlap)
                    std::memmove(runs.data() + runsOut, runs.data() + begin, at - begin);
                runsOut += at - begin;
            }
            list.resize(out);
            runs.resize(runsOut);
        }
        docs = std::move(keptDocs);
        values = std::move(keptValues);
        titleKeys = std::move(keptTitles);
        deadDocs = 0;
    }

    void compactIfWorthIt()
    {
        if (deadDocs > 1024 && deadDocs > liveDocs / 4)
            compact();
    }

    // A posting's entry in positionRuns: its size, then its positions. readRun() returns
    // where the positions start and sets *size; skipRun() returns where the next entry starts.
    // (The runs are built in memory from rows load() checked, so a size always decodes.)
    static size_t readRun(const std::vector<quint8> &runs, size_t at, quint32 *size)
    {
        const quint8 *p = runs.data() + at;
        const bool ok = decodeVarint(p, runs.data() + runs.size(), size);
        Q_ASSERT(ok);
        Q_UNUSED(ok);
        return size_t(p - runs.data());
    }
    static size_t skipRun(const std::vector<quint8> &runs, size_t at)
    {
        quint32 size = 0;
        at = readRun(runs, at, &size);
        return at + size;
    }

    [[nodiscard]] std::string_view titleKeyOf(const Doc &doc) const
    {
        return std::string_view(titleKeys).substr(doc.titleOffset, doc.titleSize);
    }

    // ---- loading and staying current

    Result<qint64> storedGeneration()
    {
        if (auto prepared = prepare(); !prepared)
            return prepared.issues();
        QSqlQuery &query = *readGeneration;
        if (!query.exec())
            return sqlIssue(u"cannot read the search index state"_s, query);
        if (!query.next())
            return Issue{u"search"_s, u"the search index has no state; was createSchema() run?"_s};
        const qint64 value = query.value(0).toLongLong();
        query.finish();
        return value;
    }

    Result<Done> load() { return loadFrom(true); }

    // A snapshot: a header ("CSNP", format 1, row count: 4 bytes each), then per row its
    // rowid (8 bytes) and length (4 bytes), then its data; little-endian. The rows refer into
    // `bytes` (which must outlive them); nullopt when malformed, or when a rowid is beyond
    // the table's largest (a damaged rowid must not size the slot table).
    static constexpr char kSnapshotMagic[4] = {'C', 'S', 'N', 'P'};
    static constexpr quint32 kSnapshotFormat = 1;
    static std::optional<std::vector<std::pair<qint64, QByteArray>>> snapshotRows(const QByteArray &bytes, qint64 maxRowid)
    {
        std::vector<std::pair<qint64, QByteArray>> rows;
        const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
        if (bytes.size() < 12 || std::memcmp(p, kSnapshotMagic, 4) != 0 || qFromLittleEndian<quint32>(p + 4) != kSnapshotFormat)
            return std::nullopt;
        const quint32 count = qFromLittleEndian<quint32>(p + 8);
        if (count > quint32(kMaxSlots))
            return std::nullopt;
        rows.reserve(count);
        qsizetype at = 12;
        while (at < bytes.size()) {
            if (bytes.size() - at < 12)
                return std::nullopt;
            const auto rowid = qFromLittleEndian<qint64>(p + at);
            const auto length = qsizetype(qFromLittleEndian<quint32>(p + at + 8));
            at += 12;
            if (length > bytes.size() - at || rowid <= 0 || rowid > maxRowid || (!rows.empty() && rowid <= rows.back().first))
                return std::nullopt;
            rows.emplace_back(rowid, QByteArray::fromRawData(bytes.constData() + at, length));
            at += length;
        }
        if (rows.size() != count)
            return std::nullopt;
        return rows;
    }

    // Writes the snapshot load() reads first, when the one there is not of this generation.
    Result<Done> saveSnapshot()
    {
        auto current = storedGeneration();
        if (!current)
            return current.issues();
        const QSqlDatabase db = database();
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(u"CREATE TABLE IF NOT EXISTS search_snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), "
                        "generation INTEGER NOT NULL, data BLOB NOT NULL)"_s))
            return sqlIssue(u"cannot create the search snapshot"_s, query);
        if (!query.exec(u"SELECT generation FROM search_snapshot WHERE id = 1"_s))
            return sqlIssue(u"cannot read the search snapshot"_s, query);
        if (query.next() && query.value(0).toLongLong() == *current)
            return Done{};
        QByteArray bytes(kSnapshotMagic, 4);
        bytes.resize(12);
        qToLittleEndian<quint32>(kSnapshotFormat, bytes.data() + 4);
        quint32 count = 0;
        if (!query.exec(u"SELECT rowid, data FROM search_item ORDER BY rowid"_s))
            return sqlIssue(u"cannot read the search items"_s, query);
        while (query.next()) {
            ++count;
            const qint64 rowid = query.value(0).toLongLong();
            const QByteArray data = query.value(1).toByteArray();
            uchar head[12];
            qToLittleEndian<qint64>(rowid, head);
            qToLittleEndian<quint32>(quint32(data.size()), head + 8);
            bytes.append(reinterpret_cast<const char *>(head), 12).append(data);
        }
        if (query.lastError().isValid())
            return sqlIssue(u"cannot read the search items"_s, query);
        query.finish();
        qToLittleEndian<quint32>(count, bytes.data() + 8);
        QSqlQuery write(db);
        if (!write.prepare(u"INSERT INTO search_snapshot (id, generation, data) VALUES (1, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, data = excluded.data"_s))
            return sqlIssue(u"cannot write the search snapshot"_s, write);
        write.addBindValue(*current);
        write.addBindValue(bytes);
        if (!write.exec())
            return sqlIssue(u"cannot write the search snapshot"_s, write);
        return Done{};
    }

    Result<Done> loadFrom(bool useSnapshot)
    {
        clear();
        const QSqlDatabase db = database();
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT value FROM search_meta WHERE key = 'format'"_s))
            return sqlIssue(u"cannot read the search index format"_s, query);
        if (!query.next())
            return Issue{u"search"_s, u"the search index has no format; was createSchema() run?"_s};
        if (const int format = query.value(0).toInt(); format != kFormat)
            return Issue{u"search"_s, u"the search index has format %1 and this Carta reads format %2; rebuild the index"_s
                                          .arg(format)
                                          .arg(kFormat)};
        auto current = storedGeneration();
        if (!current)
            return current.issues();

        if (!query.exec(u"SELECT id, term FROM search_term ORDER BY id"_s))
            return sqlIssue(u"cannot read the search terms"_s, query);
        while (query.next())
            addTerm(static_cast<quint32>(query.value(0).toLongLong()), query.value(1).toString());

        if (!query.exec(u"SELECT id, facet, value FROM search_value ORDER BY id"_s))
            return sqlIssue(u"cannot read the search facet values"_s, query);
        while (query.next()) {
            const auto facet = facetFromString(query.value(1).toString());
            const qint64 id = query.value(0).toLongLong();
            if (!facet || id < 0 || id > std::numeric_limits<quint16>::max())
                return Issue{u"search"_s, u"search_value row %1 is damaged; rebuild the index"_s.arg(id)};
            addFacetValue(static_cast<quint16>(id), *facet, query.value(2).toString());
        }

        // Two passes over the stored documents: the first adds them and counts each term's
        // postings, so the second fills lists allocated once at their final size.
        std::vector<std::pair<QByteArray, qsizetype>> blobs; // data, where its terms start
        std::vector<quint32> counts(postings.size(), 0);
        std::vector<size_t> runBytes(postings.size(), 0);
        StoredDoc stored;
        const auto addRow = [&](qint64 rowid, QByteArray blob) -> Result<Done> {
            qsizetype pos = 0;
            bool ok = rowid > 0 && decodeDocHead(blob, &pos, &stored);
            for (quint16 id : stored.values)
                ok = ok && id < facetValues.size();
            // A term id beyond the dictionary, or positions that do not rise within a run,
            // mean a damaged row. (Set inside the callbacks: `ok = ok && f()` would overwrite
            // what f() set with the value read before the call.)
            bool damaged = false;
            const bool whole = ok && forEachStoredTerm(blob, pos, [&](quint32 term, quint8, QByteArrayView positions) {
                qint64 last = -1;
                const bool readable = forEachPosition(positions, [&last, &damaged](quint32 p) {
                    damaged = damaged || qint64(p) <= last;
                    last = p;
                });
                if (!readable || term >= counts.size()) {
                    damaged = true;
                    return;
                }
                ++counts[term];
                runBytes[term] += size_t(positions.size()) + (positions.size() < 0x80 ? 1 : 5);
            });
            ok = whole && !damaged;
            if (!ok)
                return Issue{u"search"_s, u"search_item row %1 is damaged; rebuild the index"_s.arg(rowid)};
            if (docs.size() >= kMaxSlots)
                return Issue{u"search"_s, u"the search index holds at most %1 items"_s.arg(kMaxSlots)};
            addDoc(rowid, stored);
            blobs.emplace_back(std::move(blob), pos);
            return Done{};
        };
        // The snapshot (saveSnapshot()) holds the rows as one blob, read in one sweep; the
        // table's rows lie all over the file. It is used only when it is of this generation.
        QByteArray snapshot;
        if (useSnapshot) {
            QSqlQuery snap(db);
            snap.setForwardOnly(true);
            if (snap.exec(u"SELECT generation, data FROM search_snapshot WHERE id = 1"_s) && snap.next()
                && snap.value(0).toLongLong() == *current)
                snapshot = snap.value(1).toByteArray();
        }
        if (!snapshot.isEmpty()) {
            qint64 lastRowid = 0;
            if (QSqlQuery last(db); last.exec(u"SELECT max(rowid) FROM search_item"_s) && last.next())
                lastRowid = last.value(0).toLongLong();
            const auto rows = snapshotRows(snapshot, lastRowid);
            bool ok = rows.has_value();
            for (size_t i = 0; ok && i < rows->size(); ++i)
                ok = bool(addRow((*rows)[i].first, (*rows)[i].second));
            if (!ok) { // a damaged snapshot is only a slower start: the table decides
                qWarning("carta: the search index's snapshot is damaged; reading the index itself");
                return loadFrom(false);
            }
        } else {
            Prefetch prefetch(db);
            if (!query.exec(u"SELECT rowid, data FROM search_item ORDER BY rowid"_s))
                return sqlIssue(u"cannot read the search items"_s, query);
            while (query.next()) {
                if (auto r = addRow(query.value(0).toLongLong(), query.value(1).toByteArray()); !r)
                    return r;
            }
            if (query.lastError().isValid())
                return sqlIssue(u"cannot read the search items"_s, query);
        }
        for (size_t term = 0; term < counts.size(); ++term) {
            postings[term].reserve(counts[term]);
            positionRuns[term].reserve(runBytes[term]);
        }
        for (size_t slot = 0; slot < blobs.size(); ++slot) {
            const auto s = static_cast<quint32>(slot);
            (void)forEachStoredTerm(blobs[slot].first, blobs[slot].second,
                                    [&](quint32 term, quint8 frequency, QByteArrayView positions) {
                                        addPosting(s, term, frequency, positions);
                                    });
        }
        generation = *current;
        loaded = true;
        return Done{};
    }

    // The structures are rebuilt whenever the tables moved without them: a transaction
    // rolled back after index(), another connection wrote, or a statement failed halfway.
    Result<Done> ensureCurrent()
    {
        if (!loaded)
            return load();
        auto current = storedGeneration();
        if (!current)
            return current.issues();
        if (*current != generation)
            return load();
        return Done{};
    }

    // A fresh generation, written first so that a failure after it leaves the tables
    // marked as changed.
    Result<qint64> bumpGeneration()
    {
        const auto next = static_cast<qint64>(QRandomGenerator::global()->generate64() >> 1);
        writeGeneration->bindValue(0, next);
        if (!writeGeneration->exec())
            return sqlIssue(u"cannot update the search index state"_s, *writeGeneration);
        return next;
    }

    // The stored row of an item: its rowid and (term, frequency) pairs, or rowid 0.
    Result<qint64> findStored(const QUuid &id, std::vector<std::pair<quint32, quint8>> *terms)
    {
        findItem->bindValue(0, model::idString(id));
        if (!findItem->exec())
            return sqlIssue(u"cannot look up an item in the search index"_s, *findItem);
        qint64 rowid = 0;
        terms->clear();
        if (findItem->next()) {
            rowid = findItem->value(0).toLongLong();
            StoredDoc old;
            if (decodeDoc(findItem->value(1).toByteArray(), &old))
                *terms = std::move(old.terms);
            else
                terms->clear(); // damaged row: replaced below; frequencies heal at the next load
        }
        findItem->finish();
        return rowid;
    }

    Result<Done> index(const model::Item &item)
    {
        if (auto current = ensureCurrent(); !current)
            return current;
        if (docs.size() >= kMaxSlots - 1)
            compact();
        if (docs.size() >= kMaxSlots - 1)
            return Issue{u"search"_s, u"the search index holds at most %1 items"_s.arg(kMaxSlots)};

        // Words as term ids with their weighted frequencies, and the document length. Known
        // words are looked up without copying them; new ones get the next ids, and the
        // dictionaries learn them only once every statement has succeeded.
        const ItemText text = itemText(item);
        quint32 length = 0;
        QHash<QString, quint32> pendingTermIds;
        QList<std::pair<quint32, QString>> newTerms;
        auto nextTermId = static_cast<quint32>(postings.size());
        std::vector<quint32> touched;
        std::vector<std::pair<quint32, quint32>> occurrences; // (term id, position)
        quint32 position = 0;
        for (int column = 0; column < ColumnCount; ++column) {
            const quint32 weight = quint32(kColumnWeight[size_t(column)]);
            if (column > 0)
                ++position; // no phrase runs across columns
            forEachWord(text.columns[size_t(column)], [&](qsizetype, qsizetype, QStringView word) {
                ++length;
                const QString key = QString::fromRawData(word.data(), word.size());
                quint32 id = termIds.value(key, kNoSlot);
                if (id == kNoSlot) {
                    id = pendingTermIds.value(key, kNoSlot);
                    if (id == kNoSlot) {
                        id = nextTermId++;
                        const QString owned = word.toString();
                        pendingTermIds.insert(owned, id);
                        newTerms.append({id, owned});
                    }
                }
                if (termWeight.size() <= id)
                    termWeight.resize(size_t(id) + 1, 0);
                if (termWeight[id] == 0)
                    touched.push_back(id);
                termWeight[id] += weight;
                occurrences.emplace_back(id, position++);
            });
        }
        std::sort(touched.begin(), touched.end());
        std::stable_sort(occurrences.begin(), occurrences.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<quint32> positions;
        positions.reserve(occurrences.size());
        for (const auto &[id, at] : occurrences)
            positions.push_back(at);
        std::vector<TermPositions> terms;
        terms.reserve(touched.size());
        quint32 first = 0;
        for (quint32 id : touched) {
            quint32 count = 0;
            while (first + count < occurrences.size() && occurrences[first + count].first == id)
                ++count;
            terms.push_back(TermPositions{id, static_cast<quint8>(std::min<quint32>(termWeight[id], kMaxFrequency)),
                                          first, count});
            first += count;
            termWeight[id] = 0;
        }

        // Facet values; an item without a region is national.
        QList<std::pair<Facet, QString>> facetList{{Facet::Type, model::toString(item.type())},
                                                    {Facet::State, model::toString(item.state)}};
        for (const QString &v : item.tags.professions)
            facetList.append({Facet::Profession, v});
        for (const QString &v : item.tags.specialties)
            facetList.append({Facet::Specialty, v});
        for (const QString &v : item.tags.careerStages)
            facetList.append({Facet::CareerStage, v});
        for (const QString &v : item.tags.regions)
            facetList.append({Facet::Region, v});
        if (item.tags.regions.isEmpty())
            facetList.append({Facet::Region, nationalRegion()});

        auto next = bumpGeneration();
        if (!next)
            return next.issues();
        std::vector<std::pair<quint32, quint8>> oldTerms;
        auto existing = findStored(item.id, &oldTerms);
        if (!existing)
            return existing.issues();
        const qint64 rowid = *existing > 0 ? *existing : maxRowid + 1;

        for (const auto &[id, term] : std::as_const(newTerms)) {
            insertTerm->bindValue(0, id);
            insertTerm->bindValue(1, term);
            if (!insertTerm->exec())
                return sqlIssue(u"cannot add a search term"_s, *insertTerm);
        }
        std::vector<quint16> valueIds;
        QList<std::pair<quint16, std::pair<Facet, QString>>> newValues;
        auto nextValueId = static_cast<quint32>(facetValues.size());
        for (const auto &[facet, value] : std::as_const(facetList)) {
            const QString key = valueKey(facet, value);
            quint32 id = facetValueIds.value(key, std::numeric_limits<quint16>::max());
            if (id == std::numeric_limits<quint16>::max()) {
                auto pending = std::find_if(newValues.cbegin(), newValues.cend(), [&](const auto &v) {
                    return v.second.first == facet && v.second.second == value;
                });
                if (pending != newValues.cend()) {
                    id = pending->first;
                } else {
                    if (nextValueId >= std::numeric_limits<quint16>::max())
                        return Issue{u"search"_s, u"too many distinct facet values"_s};
                    id = nextValueId++;
                    newValues.append({static_cast<quint16>(id), {facet, value}});
                }
            }
            if (std::find(valueIds.begin(), valueIds.end(), id) == valueIds.end())
                valueIds.push_back(static_cast<quint16>(id));
        }
        for (const auto &[id, v] : std::as_const(newValues)) {
            insertValue->bindValue(0, id);
            insertValue->bindValue(1, toString(v.first));
            insertValue->bindValue(2, v.second);
            if (!insertValue->exec())
                return sqlIssue(u"cannot add a facet value"_s, *insertValue);
        }

        const QByteArray titleKey = titleSortKey(item.title);
        const QByteArray data = encodeDoc(length, titleKey, valueIds, terms, positions);
        QSqlQuery &write = *existing > 0 ? *updateItem : *insertItem;
        if (*existing > 0) {
            write.bindValue(0, data);
            write.bindValue(1, rowid);
        } else {
            write.bindValue(0, rowid);
            write.bindValue(1, model::idString(item.id));
            write.bindValue(2, data);
        }
        if (!write.exec())
            return sqlIssue(u"cannot store an item in the search index"_s, write);
        if (*existing > 0) {
            deleteText->bindValue(0, rowid);
            if (!deleteText->exec())
                return sqlIssue(u"cannot replace an item's text in the search index"_s, *deleteText);
        }
        insertText->bindValue(0, rowid);
        for (int column = 0; column < ColumnCount; ++column)
            insertText->bindValue(column + 1, text.columns[size_t(column)]);
        if (!insertText->exec())
            return sqlIssue(u"cannot store an item's text in the search index"_s, *insertText);

        // Everything is stored: now the structures follow.
        for (const auto &[id, term] : std::as_const(newTerms))
            addTerm(id, term);
        for (const auto &[id, v] : std::as_const(newValues))
            addFacetValue(id, v.first, v.second);
        if (*existing > 0 && size_t(rowid) < slotOfRowid.size() && slotOfRowid[size_t(rowid)] != kNoSlot)
            killDoc(slotOfRowid[size_t(rowid)], oldTerms);
        StoredDoc stored;
        qsizetype pos = 0;
        (void)decodeDocHead(data, &pos, &stored);
        const quint32 slot = addDoc(rowid, stored);
        (void)forEachStoredTerm(data, pos, [&](quint32 term, quint8 frequency, QByteArrayView runs) {
            addPosting(slot, term, frequency, runs);
        });
        generation = *next;
        compactIfWorthIt();
        return Done{};
    }

    Result<Done> remove(const QUuid &id)
    {
        if (auto current = ensureCurrent(); !current)
            return current;
        std::vector<std::pair<quint32, quint8>> oldTerms;
        auto existing = findStored(id, &oldTerms);
        if (!existing)
            return existing.issues();
        if (*existing == 0)
            return Done{}; // not indexed: nothing to do
        const qint64 rowid = *existing;
        auto next = bumpGeneration();
        if (!next)
            return next.issues();
        deleteItem->bindValue(0, rowid);
        if (!deleteItem->exec())
            return sqlIssue(u"cannot remove an item from the search index"_s, *deleteItem);
        deleteText->bindValue(0, rowid);
        if (!deleteText->exec())
            return sqlIssue(u"cannot remove an item's text from the search index"_s, *deleteText);
        if (size_t(rowid) < slotOfRowid.size() && slotOfRowid[size_t(rowid)] != kNoSlot)
            killDoc(slotOfRowid[size_t(rowid)], oldTerms);
        generation = *next;
        compactIfWorthIt();
        return Done{};
    }

    // ---- searching

    quint32 nextStamp()
    {
        if (mark.size() < docs.size()) {
            mark.resize(docs.size(), 0);
            where.resize(docs.size(), 0);
            seen.resize(docs.size(), 0);
        }
        if (++stamp == 0) {
            std::fill(mark.begin(), mark.end(), 0);
            std::fill(seen.begin(), seen.end(), 0);
            stamp = 1;
        }
        return stamp;
    }

    [[nodiscard]] std::vector<quint32> termsWithPrefix(const QString &prefix) const
    {
        std::vector<quint32> out;
        for (auto it = sortedTerms.lower_bound(prefix); it != sortedTerms.end() && it->first.startsWith(prefix); ++it)
            out.push_back(it->second);
        return out;
    }

    [[nodiscard]] double idf(qint64 frequency) const
    {
        const double n = double(liveDocs);
        const double df = double(frequency);
        return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    }

    // Adds one query token (a word, or a prefix as the union of its terms) to the
    // candidates: the first token makes them; each later one keeps only those it occurs
    // in; every token adds its BM25 part to the score.
    void applyToken(const std::vector<quint32> &terms, bool first, std::vector<Candidate> &candidates)
    {
        const quint32 s = nextStamp();
        const double averageLength = liveDocs > 0 ? double(totalLength) / double(liveDocs) : 1.0;
        qint64 frequency = 0;
        if (first) {
            candidates.clear();
            for (quint32 term : terms) {
                for (quint32 posting : postings[term]) {
                    const quint32 slot = posting >> 8;
                    if (!docs[slot].alive)
                        continue;
                    if (mark[slot] != s) {
                        mark[slot] = s;
                        where[slot] = static_cast<quint32>(candidates.size());
                        candidates.push_back(Candidate{slot, 0.0f, float(posting & 0xff)});
                    } else {
                        candidates[where[slot]].frequency += float(posting & 0xff);
                    }
                }
            }
            frequency = qint64(candidates.size());
        } else {
            for (size_t i = 0; i < candidates.size(); ++i) {
                mark[candidates[i].slot] = s;
                where[candidates[i].slot] = static_cast<quint32>(i);
                candidates[i].frequency = 0;
            }
            for (quint32 term : terms) {
                if (terms.size() == 1)
                    frequency = documentFrequency[term];
                for (quint32 posting : postings[term]) {
                    const quint32 slot = posting >> 8;
                    if (terms.size() > 1 && seen[slot] != s && docs[slot].alive) {
                        seen[slot] = s; // counts the documents of a prefix once each
                        ++frequency;
                    }
                    if (mark[slot] == s)
                        candidates[where[slot]].frequency += float(posting & 0xff);
                }
            }
            candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                            [](const Candidate &c) { return c.frequency <= 0; }),
                             candidates.end());
        }
        const double weight = idf(frequency);
        for (Candidate &c : candidates) {
            if (c.frequency <= 0)
                continue;
            const double f = c.frequency;
            const double norm = kK1 * (1.0 - kB + kB * double(docs[c.slot].length) / averageLength);
            c.score += float(weight * f * (kK1 + 1.0) / (f + norm));
        }
    }

    // Calls f(candidate, where its run starts, its size) for each posting of `term` whose
    // document is marked with `marked` (see applyPhrase()).
    template<typename F>
    void forEachCandidateRun(quint32 term, quint32 marked, F &&f) const
    {
        const std::vector<quint8> &runs = positionRuns[term];
        size_t at = 0;
        for (quint32 posting : postings[term]) {
            quint32 size = 0;
            const size_t start = readRun(runs, at, &size);
            at = start + size;
            const quint32 slot = posting >> 8;
            if (mark[slot] == marked)
                f(where[slot], start, size);
        }
    }

    // Keeps the candidates in which the phrase occurs: a term of each of its tokens at
    // consecutive positions (a token is a word, or the terms of a prefix being typed). Per
    // token, where each candidate's positions are: a token of one term points at the
    // candidate's run in that term's positionRuns (decoded only when the candidate is still
    // in question); a prefix's several terms are decoded and gathered per candidate, then
    // sorted. Each candidate's possible starts (token 0's positions) are then narrowed token
    // by token with a merge.
    void applyPhrase(const std::vector<std::vector<quint32>> &tokens, std::vector<Candidate> &candidates)
    {
        const quint32 s = nextStamp();
        const size_t m = candidates.size();
        for (size_t i = 0; i < m; ++i) {
            mark[candidates[i].slot] = s;
            where[candidates[i].slot] = static_cast<quint32>(i);
        }
        phraseScratch.resize(std::max(phraseScratch.size(), tokens.size()));
        for (size_t k = 0; k < tokens.size(); ++k) {
            PhraseToken &t = phraseScratch[k];
            t.runs = tokens[k].size() == 1 ? &positionRuns[tokens[k].front()] : nullptr;
            if (t.runs) {
                t.runAt.assign(m, 0);
                t.runSize.assign(m, 0); // none
                forEachCandidateRun(tokens[k].front(), s, [&t](quint32 c, size_t start, quint32 size) {
                    t.runAt[c] = static_cast<quint32>(start);
                    t.runSize[c] = size;
                });
                continue;
            }
            phraseOccurrences.clear();
            for (quint32 term : tokens[k]) {
                const std::vector<quint8> &runs = positionRuns[term];
                forEachCandidateRun(term, s, [&](quint32 c, size_t start, quint32 size) {
                    const QByteArrayView run(reinterpret_cast<const char *>(runs.data() + start), qsizetype(size));
                    if (!forEachPosition(run, [&](quint32 p) { phraseOccurrences.emplace_back(c, p); }))
                        phraseOccurrences.emplace_back(c, kDamagedPosition); // a damaged run never matches
                });
            }
            // Counting sort by candidate: each candidate's positions together, then in order.
            t.begin.assign(m + 1, 0);
            for (const auto &[c, p] : phraseOccurrences)
                ++t.begin[c + 1];
            for (size_t c = 0; c < m; ++c)
                t.begin[c + 1] += t.begin[c];
            t.positions.resize(phraseOccurrences.size());
            t.next.assign(t.begin.begin(), t.begin.end() - 1);
            for (const auto &[c, p] : phraseOccurrences)
                t.positions[t.next[c]++] = p;
            for (size_t c = 0; c < m; ++c)
                std::sort(t.positions.begin() + t.begin[c], t.positions.begin() + t.begin[c + 1]);
        }

        // A candidate's positions of token k, in order; false when damaged.
        const auto positionsOf = [this](size_t k, size_t c, std::vector<quint32> &out) {
            const PhraseToken &t = phraseScratch[k];
            out.clear();
            if (t.runs) {
                const QByteArrayView run(reinterpret_cast<const char *>(t.runs->data() + t.runAt[c]), qsizetype(t.runSize[c]));
                return forEachPosition(run, [&out](quint32 p) { out.push_back(p); });
            }
            out.assign(t.positions.begin() + t.begin[c], t.positions.begin() + t.begin[c + 1]);
            return out.empty() || out.back() != kDamagedPosition;
        };
        size_t out = 0;
        for (size_t c = 0; c < m; ++c) {
            bool match = positionsOf(0, c, phraseStarts);
            for (size_t k = 1; k < tokens.size() && match && !phraseStarts.empty(); ++k) {
                match = positionsOf(k, c, phraseNext);
                // Keeps the starts p where token k is at p + k (both lists rise).
                size_t kept = 0;
                size_t j = 0;
                for (const quint32 p : phraseStarts) {
                    const quint32 want = p + quint32(k);
                    while (j < phraseNext.size() && phraseNext[j] < want)
                        ++j;
                    if (j == phraseNext.size())
                        break;
                    if (phraseNext[j] == want)
                        phraseStarts[kept++] = p;
                }
                phraseStarts.resize(kept);
            }
            if (match && !phraseStarts.empty())
                candidates[out++] = candidates[c];
        }
        candidates.resize(out);
    }

    [[nodiscard]] bool titleBefore(quint32 a, quint32 b) const
    {
        const Doc &x = docs[a];
        const Doc &y = docs[b];
        if (x.titlePrefix != y.titlePrefix)
            return x.titlePrefix < y.titlePrefix;
        const int order = titleKeyOf(x).compare(titleKeyOf(y));
        if (order != 0)
            return order < 0;
        return x.rowid < y.rowid;
    }

    Result<SearchResult> search(const SearchQuery &request);
    Result<Done> fillHits(const QList<std::pair<quint32, float>> &page, const ParsedQuery &parsed,
                          SearchResult &result) const;
};

// ---- snippets --------------------------------------------------------------------------

namespace {

struct SnippetMatcher
{
    QStringList words; // exact
    QString prefix;

    // Index of the query token a word matches (to count distinct ones), or -1.
    [[nodiscard]] int match(QStringView word) const
    {
        const qsizetype i = words.indexOf(word);
        if (i >= 0)
            return int(i);
        if (!prefix.isEmpty() && word.startsWith(prefix))
            return int(words.size());
        return -1;
    }
};

struct SnippetWord
{
    qsizetype begin;
    qsizetype end;
    int match;
};

// Appends text on one line: a run of spaces becomes one, a line break (between blocks,
// paragraphs or list items) a middle dot.
void appendSnippetText(QStringView text, QString &out)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c.isSpace()) {
            bool lineBreak = false;
            for (; i < text.size() && text[i].isSpace(); ++i)
                lineBreak = lineBreak || text[i] == u'\n';
            while (out.endsWith(u' '))
                out.chop(1);
            if (!out.isEmpty() && !out.endsWith(u'\u2026'))
                out.append(lineBreak ? u" \u00b7 "_s : u" "_s);
            continue;
        }
        ++i;
        // [ and ] mark matches, so the content's own brackets become parentheses.
        out.append(c == u'[' ? QChar(u'(') : c == u']' ? QChar(u')') : c);
    }
}

// A window of about kSnippetWords words around the densest matches of the best column.
QString makeSnippet(const std::array<QString, ColumnCount> &columns, const SnippetMatcher &matcher)
{
    // Prose before the title, which the hit shows anyway.
    static constexpr std::array<int, ColumnCount> preference{SummaryColumn, BodyColumn, AttachmentsColumn, TitleColumn};
    int bestColumn = -1;
    int bestDistinct = 0;
    int bestCount = 0;
    qsizetype bestStart = 0;
    std::vector<SnippetWord> bestWords;
    std::vector<SnippetWord> words;
    for (int column : preference) {
        const QString &text = columns[size_t(column)];
        words.clear();
        forEachWord(text, [&](qsizetype begin, qsizetype end, QStringView word) {
            words.push_back(SnippetWord{begin, end, matcher.match(word)});
        });
        for (size_t i = 0; i < words.size(); ++i) {
            if (words[i].match < 0)
                continue;
            const size_t start = i >= size_t(kSnippetLead) ? i - size_t(kSnippetLead) : 0;
            const size_t stop = std::min(words.size(), start + size_t(kSnippetWords));
            quint64 distinct = 0;
            int count = 0;
            for (size_t j = start; j < stop; ++j) {
                if (words[j].match >= 0) {
                    distinct |= quint64(1) << std::min(words[j].match, 63);
                    ++count;
                }
            }
            const int d = std::popcount(distinct);
            if (d > bestDistinct || (d == bestDistinct && count > bestCount)) {
                bestColumn = column;
                bestDistinct = d;
                bestCount = count;
                bestStart = qsizetype(start);
                bestWords = words;
            }
        }
    }
    if (bestColumn < 0) {
        // No match to show (an empty query): the start of the first column with words.
        for (int column : preference) {
            words.clear();
            forEachWord(columns[size_t(column)], [&](qsizetype begin, qsizetype end, QStringView) {
                words.push_back(SnippetWord{begin, end, -1});
            });
            if (!words.empty()) {
                bestColumn = column;
                bestWords = words;
                break;
            }
        }
        if (bestColumn < 0)
            return {};
    }
    const QString &text = columns[size_t(bestColumn)];
    const size_t start = size_t(bestStart);
    const size_t stop = std::min(bestWords.size(), start + size_t(kSnippetWords));
    QString out;
    qsizetype from = start == 0 ? 0 : bestWords[start].begin;
    if (start > 0)
        out.append(u'\u2026');
    // Neighbouring matches share one mark: [local office], [e-learning].
    bool open = false;
    for (size_t j = start; j < stop; ++j) {
        const SnippetWord &w = bestWords[j];
        const QStringView gap = QStringView(text).sliced(from, w.begin - from);
        const bool joined = std::all_of(gap.cbegin(), gap.cend(), [](QChar c) {
            return c == u' ' || c == u'-' || c == u'\'' || c == u'\u2019';
        });
        if (open && (w.match < 0 || !joined)) {
            out.append(u']');
            open = false;
        }
        appendSnippetText(gap, out);
        if (w.match >= 0 && !open) {
            out.append(u'[');
            open = true;
        }
        appendSnippetText(QStringView(text).sliced(w.begin, w.end - w.begin), out);
        from = w.end;
    }
    if (open)
        out.append(u']');
    if (stop == bestWords.size())
        appendSnippetText(QStringView(text).sliced(from), out);
    while (out.endsWith(u' ') || out.endsWith(u'\u00b7'))
        out.chop(1);
    if (stop < bestWords.size())
        out.append(u'\u2026');
    return out;
}

} // namespace

Result<Done> SearchIndex::Impl::fillHits(const QList<std::pair<quint32, float>> &page, const ParsedQuery &parsed,
                                         SearchResult &result) const
{
    if (page.isEmpty())
        return Done{};
    QStringList marks;
    for (qsizetype i = 0; i < page.size(); ++i)
        marks.append(u"?"_s);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT i.rowid, i.id, f.title, f.summary, f.body, f.attachments "
                       "FROM search_item AS i CROSS JOIN search_fts AS f ON f.rowid = i.rowid WHERE i.rowid IN (%1)"_s.arg(
                           marks.join(u','))))
        return sqlIssue(u"cannot read search hits"_s, query);
    for (const auto &[slot, score] : page)
        query.addBindValue(docs[slot].rowid);
    if (!query.exec())
        return sqlIssue(u"cannot read search hits"_s, query);
    SnippetMatcher matcher{parsed.words + parsed.phraseWords,
                           parsed.prefix.isEmpty() ? parsed.phrasePrefix : parsed.prefix};
    QHash<qint64, SearchHit> byRowid;
    while (query.next()) {
        SearchHit hit;
        hit.id = QUuid::fromString(query.value(1).toString());
        std::array<QString, ColumnCount> columns;
        for (int column = 0; column < ColumnCount; ++column)
            columns[size_t(column)] = query.value(2 + column).toString();
        hit.title = columns[TitleColumn];
        hit.snippet = makeSnippet(columns, matcher);
        byRowid.insert(query.value(0).toLongLong(), std::move(hit));
    }
    if (query.lastError().isValid())
        return sqlIssue(u"cannot read search hits"_s, query);
    for (const auto &[slot, score] : page) {
        const Doc &doc = docs[slot];
        SearchHit hit = byRowid.value(doc.rowid);
        hit.type = doc.type;
        hit.state = doc.state;
        hit.score = score;
        result.hits.append(std::move(hit));
    }
    return Done{};
}

Result<SearchResult> SearchIndex::Impl::search(const SearchQuery &request)
{
    if (auto current = ensureCurrent(); !current)
        return current.issues();
    const ParsedQuery parsed = parseQuery(request.text);

    // Candidates: every live document for an empty query, else those with every word.
    std::vector<Candidate> candidates;
    bool everything = parsed.empty();
    bool none = false;
    if (!everything) {
        struct Token
        {
            std::vector<quint32> terms;
            qint64 estimate;
        };
        std::vector<Token> tokens;
        // Every word must occur, the words of phrases too; the phrases are then checked on
        // the candidates that have all their words.
        QStringList required = parsed.words;
        for (const QString &word : parsed.phraseWords) {
            if (!required.contains(word))
                required.append(word);
        }
        for (const QString &word : std::as_const(required)) {
            const quint32 id = termIds.value(word, kNoSlot);
            if (id == kNoSlot) {
                none = true;
                break;
            }
            tokens.push_back(Token{{id}, documentFrequency[id]});
        }
        for (const QString &prefix : {parsed.prefix, parsed.phrasePrefix}) {
            if (none || prefix.isEmpty())
                continue;
            Token token{termsWithPrefix(prefix), 0};
            for (quint32 id : token.terms)
                token.estimate += documentFrequency[id];
            none = token.terms.empty();
            tokens.push_back(std::move(token));
        }
        // Rarest first keeps the candidate list short.
        std::stable_sort(tokens.begin(), tokens.end(), [](const Token &a, const Token &b) { return a.estimate < b.estimate; });
        bool first = true;
        for (const Token &token : tokens) {
            if (none)
                break;
            applyToken(token.terms, first, candidates);
            first = false;
            none = candidates.empty();
        }
        for (qsizetype p = 0; p < parsed.phrases.size() && !none; ++p) {
            const QStringList &phrase = parsed.phrases[p];
            const bool typing = p == parsed.phrases.size() - 1 && !parsed.phrasePrefix.isEmpty();
            std::vector<std::vector<quint32>> phraseTokens;
            for (qsizetype i = 0; i < phrase.size(); ++i) {
                if (typing && i == phrase.size() - 1)
                    phraseTokens.push_back(termsWithPrefix(phrase[i]));
                else
                    phraseTokens.push_back({termIds.value(phrase[i])});
            }
            applyPhrase(phraseTokens, candidates);
            none = candidates.empty();
        }
        if (none)
            candidates.clear();
    }

    // Filters: values of a facet are alternatives, facets combine. Each candidate counts
    // for every facet when it passes all filters, and for facet f alone when f's filter is
    // the only one it fails: the disjunctive rule.
    std::vector<quint8> selected(facetValues.size(), 0);
    std::vector<quint8> facetBit(facetValues.size(), 0);
    for (size_t v = 0; v < facetValues.size(); ++v)
        facetBit[v] = quint8(1u << facetIndex(facetValues[v].facet));
    quint8 filtered = 0;
    for (const auto &[facet, chosen] : request.filters) {
        if (chosen.isEmpty())
            continue;
        filtered |= quint8(1u << facetIndex(facet));
        for (const QString &value : chosen) {
            const quint16 id = facetValueIds.value(valueKey(facet, value), std::numeric_limits<quint16>::max());
            if (id != std::numeric_limits<quint16>::max())
                selected[id] = 1;
        }
    }
    std::vector<qint64> counts(facetValues.size(), 0);
    QList<std::pair<quint32, float>> passing;
    const auto visit = [&](quint32 slot, float score) {
        const Doc &doc = docs[slot];
        const quint16 *v = values.data() + doc.valueOffset;
        const quint16 *end = v + doc.valueCount;
        quint8 pass = 0;
        for (const quint16 *p = v; p != end; ++p) {
            if (selected[*p])
                pass |= facetBit[*p];
        }
        const quint8 fail = filtered & quint8(~pass);
        if (fail == 0) {
            for (const quint16 *p = v; p != end; ++p)
                ++counts[*p];
            passing.append({slot, score});
        } else if ((fail & (fail - 1)) == 0) {
            for (const quint16 *p = v; p != end; ++p) {
                if (facetBit[*p] == fail)
                    ++counts[*p];
            }
        }
    };
    if (everything) {
        passing.reserve(qsizetype(liveDocs));
        for (quint32 slot = 0; slot < docs.size(); ++slot) {
            if (docs[slot].alive)
                visit(slot, 0.0f);
        }
    } else {
        passing.reserve(qsizetype(candidates.size()));
        for (const Candidate &c : candidates)
            visit(c.slot, c.score);
    }

    SearchResult result;
    result.total = passing.size();
    for (Facet facet : allFacets()) {
        QList<FacetCount> list;
        for (quint16 id : valuesOfFacet[facetIndex(facet)]) {
            if (counts[id] > 0 || selected[id])
                list.append(FacetCount{facetValues[id].value, counts[id]});
        }
        if (const auto chosen = request.filters.find(facet); chosen != request.filters.end()) {
            for (const QString &value : chosen->second) {
                const bool listed = std::any_of(list.cbegin(), list.cend(), [&](const FacetCount &c) { return c.value == value; });
                if (!listed)
                    list.append(FacetCount{value, 0});
            }
        }
        std::sort(list.begin(), list.end(), [](const FacetCount &a, const FacetCount &b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        result.facets.emplace(facet, std::move(list));
    }

    // Only the requested page is ordered: by score, then title; by title when there is
    // no text.
    const qsizetype offset = std::max(0, request.offset);
    const qsizetype limit = std::max(0, request.limit);
    const qsizetype end = std::min<qsizetype>(passing.size(), offset + limit);
    if (offset < end) {
        const auto before = [this](const std::pair<quint32, float> &a, const std::pair<quint32, float> &b) {
            if (a.second != b.second)
                return a.second > b.second;
            return titleBefore(a.first, b.first);
        };
        std::partial_sort(passing.begin(), passing.begin() + end, passing.end(), before);
        const QList<std::pair<quint32, float>> page = passing.sliced(offset, end - offset);
        if (auto filled = fillHits(page, parsed, result); !filled)
            return filled.issues();
    }
    return result;
}

// ---- SearchIndex -----------------------------------------------------------------------

SearchIndex::SearchIndex(QString connectionName) : m_impl(std::make_unique<Impl>(std::move(connectionName))) {}

SearchIndex::~SearchIndex() = default;

Result<Done> SearchIndex::createSchema()
{
    const QSqlDatabase db = m_impl->database();
    if (!db.isOpen())
        return Issue{u"search"_s, u"the database connection %1 is not open"_s.arg(m_impl->connection)};
    QSqlQuery query(db);
    const QStringList statements{
        u"CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID"_s,
        u"INSERT OR IGNORE INTO search_meta (key, value) VALUES ('format', %1), ('generation', 1)"_s.arg(kFormat),
        u"CREATE TABLE IF NOT EXISTS search_term (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE)"_s,
        u"CREATE TABLE IF NOT EXISTS search_value (id INTEGER PRIMARY KEY, facet TEXT NOT NULL, value TEXT NOT NULL, "
        "UNIQUE (facet, value))"_s,
        // data: see StoredDoc.
        u"CREATE TABLE IF NOT EXISTS search_item (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data BLOB NOT NULL)"_s,
        u"CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5 (title, summary, body, attachments, "
        "tokenize = 'unicode61 remove_diacritics 2')"_s,
    };
    for (const QString &sql : statements) {
        if (!query.exec(sql))
            return sqlIssue(u"cannot create the search tables"_s, query);
    }
    return Done{};
}

Result<Done> SearchIndex::clear()
{
    m_impl->forgetStatements();
    m_impl->clear();
    QSqlQuery query(m_impl->database());
    for (const QString &table : {u"search_snapshot"_s, u"search_fts"_s, u"search_item"_s, u"search_value"_s, u"search_term"_s, u"search_meta"_s}) {
        if (!query.exec(u"DROP TABLE IF EXISTS "_s + table))
            return sqlIssue(u"cannot clear the search index"_s, query);
    }
    return createSchema();
}

Result<Done> SearchIndex::load()
{
    if (auto prepared = m_impl->prepare(); !prepared)
        return prepared;
    return m_impl->load();
}

Result<Done> SearchIndex::saveSnapshot()
{
    if (auto prepared = m_impl->prepare(); !prepared)
        return prepared;
    return m_impl->saveSnapshot();
}

Result<Done> SearchIndex::index(const model::Item &item)
{
    if (auto prepared = m_impl->prepare(); !prepared)
        return prepared;
    return m_impl->index(item);
}

Result<Done> SearchIndex::remove(const QUuid &id)
{
    if (auto prepared = m_impl->prepare(); !prepared)
        return prepared;
    return m_impl->remove(id);
}

Result<SearchResult> SearchIndex::search(const SearchQuery &query) const
{
    if (auto prepared = m_impl->prepare(); !prepared)
        return prepared.issues();
    return m_impl->search(query);
}

} // namespace carta::replica
