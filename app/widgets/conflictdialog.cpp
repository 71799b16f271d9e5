#include "widgets/conflictdialog.h"

#include "models/labels.h"

#include "model/merge.h"
#include "model/diff.h"
#include "model/sequence_p.h" // Myers matching of carta_model, reused for the word marks
#include "model/validation.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>
#include <vector>

namespace carta::app {

using namespace Qt::StringLiterals;
using model::Conflict;
using model::JsonArray;
using model::JsonObject;
using model::JsonValue;

namespace {

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

// ---- paths: "curriculum.learning_outcomes[id=lo2].title", "paragraphs[3].markdown" ----

using Segment = model::PathSegment;
using model::parsePath;

QString idOf(const JsonValue &entry)
{
    return entry[u"id"_s].toString();
}

// Position of the entry a segment names in a list; -1 when it is not there.
qsizetype entryIndex(const JsonValue &list, const Segment &segment)
{
    const JsonArray &a = list.toArray();
    if (segment.kind == Segment::Kind::Index)
        return segment.index >= 0 && segment.index < qsizetype(a.size()) ? segment.index : -1;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].isObject() && idOf(a[i]) == segment.key)
            return qsizetype(i);
    return -1;
}

// The value at the first count segments of a path (all of them when count < 0); null when absent.
JsonValue valueAt(const JsonValue &root, const QList<Segment> &segments, qsizetype count = -1)
{
    if (count < 0)
        count = segments.size();
    JsonValue v = root;
    for (qsizetype i = 0; i < count && i < segments.size(); ++i) {
        const Segment &s = segments[i];
        if (s.kind == Segment::Kind::Key) {
            v = v[s.key];
        } else {
            const qsizetype at = entryIndex(v, s);
            v = at < 0 ? JsonValue() : v.toArray()[size_t(at)];
        }
    }
    return v;
}

// root with the value at the path (from segment `from` on) replaced. A null entry of a list
// removes the entry; an entry not there is added at the end.
JsonValue withValueAt(const JsonValue &root, const QList<Segment> &segments, qsizetype from, const JsonValue &value)
{
    if (from >= segments.size())
        return value;
    const Segment &s = segments[from];
    if (s.kind == Segment::Kind::Key) {
        JsonObject o = root.toObject();
        o[s.key] = withValueAt(root[s.key], segments, from + 1, value);
        return JsonValue(std::move(o));
    }
    JsonArray a = root.toArray();
    const qsizetype at = entryIndex(root, s);
    if (from + 1 == segments.size()) {
        if (value.isNull()) {
            if (at >= 0)
                a.erase(a.begin() + at);
        } else if (at >= 0) {
            a[size_t(at)] = value;
        } else {
            a.push_back(value);
        }
    } else if (at >= 0) {
        a[size_t(at)] = withValueAt(a[size_t(at)], segments, from + 1, value);
    }
    return JsonValue(std::move(a));
}

// The entries of list in the order of ids; entries ids does not name (added by the other
// side) stay after the entry they follow now.
JsonValue reordered(const JsonValue &list, const JsonValue &ids)
{
    const JsonArray &entries = list.toArray();
    QStringList current;
    for (const JsonValue &e : entries)
        current.append(idOf(e));
    QStringList order;
    for (const JsonValue &id : ids.toArray())
        if (current.contains(id.toString()) && !order.contains(id.toString()))
            order.append(id.toString());
    for (qsizetype i = 0; i < current.size(); ++i) {
        if (order.contains(current[i]))
            continue;
        qsizetype insertAt = 0;
        for (qsizetype p = i - 1; p >= 0; --p) {
            const qsizetype anchor = order.indexOf(current[p]);
            if (anchor >= 0) {
                insertAt = anchor + 1;
                break;
            }
        }
        order.insert(insertAt, current[i]);
    }
    JsonArray out;
    for (const QString &id : order)
        out.push_back(entries[size_t(current.indexOf(id))]);
    return JsonValue(std::move(out));
}

// ---- names a person reads ----

struct KeyName
{
    const char16_t *key;
    const char *name;
};

const KeyName kFieldNames[] = {
    {u"title", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Title")},
    {u"slug", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Slug")},
    {u"summary", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Summary")},
    {u"state", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Workflow state")},
    {u"tags", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Tags")},
    {u"schedule", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Schedule")},
    {u"meta", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Search and sharing")},
    {u"attachments", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Attachments")},
    {u"paragraphs", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Paragraphs")},
    {u"version", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Version")},
    {u"effective_from", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Effective from")},
    {u"effective_to", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Effective to")},
    {u"learning_outcomes", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Learning outcomes")},
    {u"competencies", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Competencies")},
    {u"assessments", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Assessments")},
    {u"code", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Code")},
    {u"description", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Description")},
    {u"method", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Method")},
    {u"outcome_codes", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Outcomes")},
    {u"profession", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Profession")},
    {u"stages", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Stages")},
    {u"career_stage", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Career stage")},
    {u"duration_months", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Duration (months)")},
    {u"entry_requirements", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Entry requirements")},
    {u"portal", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Portal")},
    {u"recruitment_window", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Recruitment window")},
    {u"next", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Next stages")},
    {u"kind", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Kind")},
    {u"issued", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Issued")},
    {u"publisher", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Publisher")},
    {u"date", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Date")},
    {u"funding_body", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Funding body")},
    {u"deadline", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Deadline")},
    {u"eligibility", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Eligibility")},
    {u"reference", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Reference")},
    {u"url", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Web address")},
    {u"purpose", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Purpose")},
    {u"subject", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Subject")},
    {u"vocabulary", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Vocabulary")},
    {u"parent", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Parent term")},
    {u"order", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Order")},
    {u"markdown", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Text")},
    {u"text", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Text")},
    {u"level", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Level")},
    {u"style", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Style")},
    {u"links", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Links")},
    {u"target", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Linked item")},
    {u"publish_at", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Publish at")},
    {u"unpublish_at", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Unpublish at")},
    {u"keywords", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Keywords")},
    {u"name", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Name")},
    {u"media_type", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "File type")},
    {u"size", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Size (bytes)")},
    {u"sha256", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Content hash")},
    {u"type", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Type")},
    {u"schema_version", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Schema version")},
};

QString fieldName(const QString &key)
{
    for (const KeyName &k : kFieldNames)
        if (key == QStringView(k.key))
            return ConflictDialog::tr(k.name);
    return Labels::humanizeSlug(QString(key).replace(u'_', u' '));
}

struct ListName
{
    const char16_t *key;
    const char *noun;
    const char *plural;
};

// The keyed lists of an item, whose entries are named by position.
const ListName kListNames[] = {
    {u"paragraphs", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Paragraph"), QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "paragraphs")},
    {u"learning_outcomes", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Learning outcome"), QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "learning outcomes")},
    {u"competencies", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Competency"), QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "competencies")},
    {u"assessments", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Assessment"), QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "assessments")},
    {u"stages", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Stage"), QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "stages")},
};

const ListName *listName(const QString &key)
{
    for (const ListName &l : kListNames)
        if (key == QStringView(l.key))
            return &l;
    return nullptr;
}

const KeyName kAssessmentMethods[] = {
    {u"workplace_based", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Workplace-based assessment")},
    {u"examination", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Examination")},
    {u"portfolio", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Portfolio")},
    {u"arcp", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "ARCP")},
    {u"dops", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "DOPS")},
    {u"mini_cex", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Mini-CEX")},
    {u"case_based_discussion", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Case-based discussion")},
    {u"multi_source_feedback", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "Multi-source feedback")},
    {u"osce", QT_TRANSLATE_NOOP("carta::app::ConflictDialog", "OSCE")},
};

QString assessmentMethodName(const QString &wire)
{
    for (const KeyName &k : kAssessmentMethods)
        if (wire == QStringView(k.key))
            return ConflictDialog::tr(k.name);
    return Labels::humanizeSlug(QString(wire).replace(u'_', u' '));
}

const QString kTagKeys[] = {u"professions"_s, u"specialties"_s, u"regions"_s, u"career_stages"_s, u"clinical_areas"_s};

std::optional<model::Vocabulary> tagVocabulary(const QString &key)
{
    for (model::Vocabulary v : model::allVocabularies())
        if (kTagKeys[int(v)] == key)
            return v;
    return std::nullopt;
}

// The field of a paragraph kind that carries its content: named by the paragraph alone.
QString mainParagraphField(model::ParagraphKind kind)
{
    switch (kind) {
    case model::ParagraphKind::Text:
    case model::ParagraphKind::Callout: return u"markdown"_s;
    case model::ParagraphKind::Heading:
    case model::ParagraphKind::LearningOutcomes: return u"text"_s;
    case model::ParagraphKind::LinkList: return u"links"_s;
    case model::ParagraphKind::PolicyRef:
    case model::ParagraphKind::ResourceRef:
    case model::ParagraphKind::PathwayRef: return u"target"_s;
    }
    return {};
}

QString paragraphFieldName(const std::optional<model::ParagraphKind> &kind, const QString &key)
{
    if (key == u"text" && kind) {
        switch (*kind) {
        case model::ParagraphKind::Callout:
        case model::ParagraphKind::LinkList: return ConflictDialog::tr("title");
        case model::ParagraphKind::LearningOutcomes: return ConflictDialog::tr("introduction");
        default: break;
        }
    }
    if (key == u"markdown" && kind == model::ParagraphKind::Callout)
        return ConflictDialog::tr("body");
    return lowerFirst(fieldName(key));
}

// What tells an entry apart besides its position: a paragraph's kind, an outcome's code...
QString entryDetail(const QString &listKey, const JsonValue &entry)
{
    if (listKey == u"paragraphs") {
        const auto kind = model::paragraphKindFromString(entry[u"kind"_s].toString());
        return kind ? lowerFirst(Labels::paragraphKind(*kind)) : QString();
    }
    if (listKey == u"assessments")
        return assessmentMethodName(entry[u"method"_s].toString());
    if (!entry[u"code"_s].toString().isEmpty())
        return entry[u"code"_s].toString();
    return entry[u"title"_s].toString();
}

QString entryName(const QString &listKey, qsizetype position, const JsonValue &entry)
{
    const ListName *names = listName(listKey);
    const QString noun = names ? ConflictDialog::tr(names->noun) : ConflictDialog::tr("Entry");
    if (position < 0)
        return ConflictDialog::tr("%1 (removed)").arg(noun);
    const QString detail = entryDetail(listKey, entry);
    if (detail.isEmpty())
        return ConflictDialog::tr("%1 %2").arg(noun, QString::number(position + 1));
    return ConflictDialog::tr("%1 %2 (%3)").arg(noun, QString::number(position + 1), detail);
}

// The first line of an entry's text, shortened, to tell entries apart in a list of them.
QString entryExcerpt(const JsonValue &entry)
{
    QString text;
    for (const QString &key : {u"title"_s, u"text"_s, u"markdown"_s, u"description"_s}) {
        text = entry[key].toString().trimmed();
        if (!text.isEmpty())
            break;
    }
    text = text.section(u'\n', 0, 0).trimmed();
    constexpr qsizetype kMax = 60;
    if (text.size() > kMax)
        text = text.left(kMax - 1).trimmed() + QChar(0x2026);
    return text;
}

// A path named for a person, entries looked up in the first root that has them.
QString describe(const QList<JsonValue> &roots, const QString &path)
{
    const QList<Segment> segments = parsePath(path);
    if (segments.isEmpty())
        return ConflictDialog::tr("The whole item");
    qsizetype i = 0;
    if (segments[0].kind == Segment::Kind::Key) {
        const QString &first = segments[0].key;
        if (const auto type = model::itemTypeFromString(first)) {
            // Fields of the item's type sit under its name ("curriculum.version"): named without it.
            if (segments.size() == 1)
                return ConflictDialog::tr("%1 fields").arg(Labels::itemType(*type));
            i = 1;
        } else if (segments.size() == 2 && segments[1].kind == Segment::Kind::Key) {
            const QString &key = segments[1].key;
            if (first == u"tags") {
                if (const auto v = tagVocabulary(key))
                    return ConflictDialog::tr("%1 tags").arg(Labels::vocabulary(*v));
            } else if (first == u"meta" && key == u"description") {
                return ConflictDialog::tr("Search description");
            } else if (first == u"meta" && key == u"keywords") {
                return ConflictDialog::tr("Search keywords");
            } else if (first == u"schedule" && key == u"publish_at") {
                return ConflictDialog::tr("Scheduled publication");
            } else if (first == u"schedule" && key == u"unpublish_at") {
                return ConflictDialog::tr("Scheduled withdrawal");
            }
        }
    }

    QStringList parts;
    std::optional<model::ParagraphKind> paragraphKind; // of the paragraph just named
    bool inParagraph = false;
    for (; i < segments.size(); ++i) {
        const Segment &s = segments[i];
        const bool last = i + 1 == segments.size();
        if (s.kind != Segment::Kind::Key) { // an entry with no list named before it
            parts.append(ConflictDialog::tr("Entry %1").arg(s.kind == Segment::Kind::Index ? QString::number(s.index + 1) : s.key));
            continue;
        }
        if (!last && segments[i + 1].kind != Segment::Kind::Key) {
            const Segment &entrySegment = segments[i + 1];
            JsonValue entry;
            qsizetype position = -1;
            for (const JsonValue &root : roots) {
                const JsonValue list = valueAt(root, segments, i + 1);
                const qsizetype at = entryIndex(list, entrySegment);
                if (at >= 0) {
                    entry = list.toArray()[size_t(at)];
                    position = at;
                    break;
                }
            }
            parts.append(entryName(s.key, position, entry));
            inParagraph = s.key == u"paragraphs";
            paragraphKind = inParagraph ? model::paragraphKindFromString(entry[u"kind"_s].toString()) : std::nullopt;
            ++i; // past the entry
            continue;
        }
        if (inParagraph) {
            // A paragraph no longer anywhere: its kind, and so its fields' names, are unknown.
            if (paragraphKind && !(last && mainParagraphField(*paragraphKind) == s.key))
                parts.append(paragraphFieldName(paragraphKind, s.key));
            inParagraph = false;
            continue;
        }
        const ListName *list = last ? listName(s.key) : nullptr;
        if (list)
            parts.append(ConflictDialog::tr("Order of %1").arg(ConflictDialog::tr(list->plural)));
        else
            parts.append(parts.isEmpty() ? fieldName(s.key) : lowerFirst(fieldName(s.key)));
    }
    return parts.join(u": "_s);
}

// ---- values shown in the panes ----

QString lastKeyOf(const QString &path)
{
    return path.section(u'.', -1);
}

QString indented(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        if (!line.isEmpty())
            line.prepend(u"  "_s);
    return lines.join(u'\n');
}

// "Label: value" on one line, or the label over its indented value.
QString labelled(const QString &label, const QString &text)
{
    return text.contains(u'\n') ? label + u":\n"_s + indented(text) : label + u": "_s + text;
}

QString renderValue(const JsonValue &value, const QString &key = QString())
{
    switch (value.kind()) {
    case JsonValue::Kind::Null: return {};
    case JsonValue::Kind::Bool: return value.toBool() ? ConflictDialog::tr("Yes") : ConflictDialog::tr("No");
    case JsonValue::Kind::Integer: return QString::number(value.toInteger());
    case JsonValue::Kind::String:
        if (key == u"kind") {
            if (const auto kind = model::paragraphKindFromString(value.toString()))
                return Labels::paragraphKind(*kind);
        } else if (key == u"state") {
            if (const auto state = model::workflowStateFromString(value.toString()))
                return Labels::state(*state);
        } else if (key == u"method") {
            return assessmentMethodName(value.toString());
        }
        return value.toString();
    case JsonValue::Kind::Array: {
        QStringList parts;
        bool nested = false;
        for (const JsonValue &e : value.toArray()) {
            nested = nested || e.isObject() || e.isArray();
            parts.append(renderValue(e));
        }
        return parts.join(nested ? u"\n\n"_s : u", "_s);
    }
    case JsonValue::Kind::Object: {
        QStringList lines;
        for (const auto &[member, v] : value.toObject()) {
            if (member == u"id")
                continue;
            const QString text = renderValue(v, member);
            if (!text.isEmpty())
                lines.append(labelled(fieldName(member), text));
        }
        return lines.join(u'\n');
    }
    }
    return {};
}

// A whole item, in the order the editor shows it.
QString renderItem(const JsonValue &item)
{
    if (!item.isObject())
        return renderValue(item);
    const QList<JsonValue> roots{item};
    QStringList lines;
    auto add = [&](const QString &label, const QString &text) {
        if (!text.isEmpty())
            lines.append(labelled(label, text));
    };
    for (const QString &key : {u"title"_s, u"slug"_s, u"summary"_s, u"state"_s})
        add(fieldName(key), renderValue(item[key], key));
    for (const QString &path : {u"tags.professions"_s, u"tags.specialties"_s, u"tags.regions"_s, u"tags.career_stages"_s,
                                u"tags.clinical_areas"_s, u"schedule.publish_at"_s, u"schedule.unpublish_at"_s,
                                u"meta.description"_s, u"meta.keywords"_s})
        add(describe(roots, path), renderValue(valueAt(item, parsePath(path)), lastKeyOf(path)));
    for (const auto &[key, v] : item.toObject())
        if (const auto type = model::itemTypeFromString(key))
            add(ConflictDialog::tr("%1 fields").arg(Labels::itemType(*type)), renderValue(v));
    const JsonArray &paragraphs = item[u"paragraphs"_s].toArray();
    if (!paragraphs.empty()) {
        QStringList blocks;
        for (size_t i = 0; i < paragraphs.size(); ++i) {
            JsonObject content = paragraphs[i].toObject();
            content.erase(u"kind"_s); // in the paragraph's name
            blocks.append(labelled(entryName(u"paragraphs"_s, qsizetype(i), paragraphs[i]), renderValue(JsonValue(std::move(content)))));
        }
        lines.append(fieldName(u"paragraphs"_s) + u":\n"_s + indented(blocks.join(u'\n')));
    }
    add(fieldName(u"attachments"_s), renderValue(item[u"attachments"_s]));
    return lines.join(u'\n');
}

// ---- word marks ----

struct Token
{
    qsizetype start;
    qsizetype length;
};

QList<Token> tokenize(const QString &text)
{
    static const QRegularExpression words(u"\\w+|\\s+|[^\\w\\s]"_s, QRegularExpression::UseUnicodePropertiesOption);
    QList<Token> out;
    auto it = words.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out.append(Token{m.capturedStart(), m.capturedLength()});
    }
    return out;
}

using Ranges = QList<std::pair<qsizetype, qsizetype>>; // start, length

// The stretches of text whose words other does not have at the same place (Myers over words).
Ranges unmatchedRanges(const QString &other, const QString &text)
{
    const QList<Token> ta = tokenize(other);
    const QList<Token> tb = tokenize(text);
    QStringList wa, wb;
    for (const Token &t : ta)
        wa.append(other.mid(t.start, t.length));
    for (const Token &t : tb)
        wb.append(text.mid(t.start, t.length));
    std::vector<int> ia, ib;
    model::detail::internStrings(wa, wb, ia, ib);
    std::vector<bool> matched(size_t(tb.size()), false);
    for (const auto &[i, j] : model::detail::matchSequences(ia, ib))
        matched[size_t(j)] = true;
    auto isSpace = [&](qsizetype j) { return text.at(tb[j].start).isSpace(); };
    std::vector<bool> marked(size_t(tb.size()), false);
    for (qsizetype j = 0; j < tb.size(); ++j)
        marked[size_t(j)] = !matched[size_t(j)] && !isSpace(j);
    // The space between two marked words is marked too, so a changed phrase reads as one.
    for (qsizetype j = 1; j + 1 < tb.size(); ++j)
        if (isSpace(j) && marked[size_t(j - 1)] && marked[size_t(j + 1)])
            marked[size_t(j)] = true;
    Ranges out;
    for (qsizetype j = 0; j < tb.size(); ++j) {
        if (!marked[size_t(j)])
            continue;
        if (!out.isEmpty() && out.last().first + out.last().second == tb[j].start)
            out.last().second += tb[j].length;
        else
            out.append({tb[j].start, tb[j].length});
    }
    return out;
}

void setPane(QTextEdit *pane, const QString &text, const QString &placeholder, const Ranges &marks, const QTextCharFormat &format)
{
    pane->setPlainText(text);
    pane->setPlaceholderText(placeholder);
    QTextCursor cursor(pane->document());
    for (const auto &[start, length] : marks) {
        cursor.setPosition(int(start));
        cursor.setPosition(int(start + length), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
}

QString spanStyle(const QTextCharFormat &format, const QString &extra)
{
    return u"background-color:%1; color:%2; %3"_s.arg(format.background().color().name(), format.foreground().color().name(), extra);
}

JsonValue parseOrNull(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    auto json = model::parseJson(bytes, model::JsonLimits{64 * 1024 * 1024, 64});
    return json ? json.value() : JsonValue();
}

// Fields whose text both sides' wording can sit in together.
bool isProse(const QString &key)
{
    static const QStringList prose{u"title"_s, u"summary"_s, u"markdown"_s, u"text"_s, u"description"_s,
                                   u"entry_requirements"_s, u"eligibility"_s, u"purpose"_s, u"subject"_s,
                                   u"publisher"_s, u"funding_body"_s, u"recruitment_window"_s};
    return prose.contains(key);
}

// Fields that hold one of a fixed set of names: never edited as free text.
bool isChoice(const QString &key)
{
    static const QStringList choices{u"kind"_s, u"state"_s, u"style"_s, u"method"_s, u"vocabulary"_s, u"type"_s, u"id"_s};
    return choices.contains(key);
}

bool isStringOrNull(const JsonValue &v)
{
    return v.isString() || v.isNull();
}

QString lastKey(const QString &path)
{
    const QList<Segment> segments = parsePath(path);
    return !segments.isEmpty() && segments.last().kind == Segment::Kind::Key ? segments.last().key : QString();
}

} // namespace

// ---------------------------------------------------------------------------------------

ConflictDialog::ConflictDialog(replica::Replica &replica, const replica::ConflictRecord &record, QWidget *parent)
    : QDialog(parent), m_replica(replica), m_record(record)
{
    setObjectName(u"conflictDialog"_s);
    m_base = parseOrNull(record.base);
    m_mine = parseOrNull(record.mine);
    m_theirs = parseOrNull(record.theirs);
    if (record.theirs.isEmpty())
        m_deletion = DeletionSide::Server;
    else if (record.mine.isEmpty())
        m_deletion = DeletionSide::Here;
    else
        m_merged = model::mergeJson(m_base, m_mine, m_theirs).merged;
    for (const JsonValue &root : {m_merged, m_mine, m_theirs, m_base})
        if (!root.isNull())
            m_lookupRoots.append(root);

    QString title = m_mine[u"title"_s].toString();
    if (title.isEmpty())
        title = m_theirs[u"title"_s].toString();
    if (title.isEmpty())
        title = tr("Untitled");
    setWindowTitle(tr("Resolve conflict: %1").arg(title));
    setAccessibleName(windowTitle());

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(tr("Conflict in “%1”").arg(title), this);
    m_titleLabel->setObjectName(u"conflictTitle"_s);
    m_titleLabel->setAccessibleName(tr("Item"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_titleLabel->setFont(titleFont);
    layout->addWidget(m_titleLabel);

    m_introLabel = new QLabel(this);
    m_introLabel->setObjectName(u"conflictIntro"_s);
    m_introLabel->setAccessibleName(tr("What happened"));
    m_introLabel->setWordWrap(true);
    m_introLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_introLabel);

    if (isDeletionConflict())
        buildDeletionUi();
    else
        buildPlacesUi();
    layout->addWidget(isDeletionConflict() ? m_deletionPage : m_placesPage, 1);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"resolveError"_s);
    m_errorLabel->setAccessibleName(tr("Why resolving failed"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(u"color: #b3261e;"_s); // the text says what is wrong: not colour alone
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_resolveButton = new QPushButton(tr("&Resolve"), this);
    m_resolveButton->setObjectName(u"resolveButton"_s);
    m_resolveButton->setAccessibleName(tr("Resolve"));
    m_resolveButton->setAutoDefault(false);
    m_laterButton = new QPushButton(tr("Decide &later"), this);
    m_laterButton->setObjectName(u"decideLaterButton"_s);
    m_laterButton->setAccessibleName(tr("Decide later"));
    m_laterButton->setAccessibleDescription(tr("Closes this window; the conflict waits, and both versions are kept."));
    m_laterButton->setAutoDefault(false);
    buttons->addWidget(m_resolveButton);
    buttons->addWidget(m_laterButton);
    layout->addLayout(buttons);
    connect(m_resolveButton, &QPushButton::clicked, this, &ConflictDialog::resolve);
    connect(m_laterButton, &QPushButton::clicked, this, &QDialog::reject);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(200);
    connect(&m_checkTimer, &QTimer::timeout, this, &ConflictDialog::checkResult);

    if (isDeletionConflict()) {
        QWidget::setTabOrder(m_survivorPane, m_keepItemChoice);
        QWidget::setTabOrder(m_keepItemChoice, m_deleteChoice);
        QWidget::setTabOrder(m_deleteChoice, m_resolveButton);
        QWidget::setTabOrder(m_resolveButton, m_laterButton);
        resize(800, 600);
    } else {
        QWidget::setTabOrder(m_placeList, m_basePane);
        QWidget::setTabOrder(m_basePane, m_minePane);
        QWidget::setTabOrder(m_minePane, m_theirsPane);
        QWidget::setTabOrder(m_theirsPane, m_keepMine);
        QWidget::setTabOrder(m_keepMine, m_keepTheirs);
        QWidget::setTabOrder(m_keepTheirs, m_keepBoth);
        QWidget::setTabOrder(m_keepBoth, m_resultEdit);
        QWidget::setTabOrder(m_resultEdit, m_keepAllMine);
        QWidget::setTabOrder(m_keepAllMine, m_keepAllTheirs);
        QWidget::setTabOrder(m_keepAllTheirs, m_resolveButton);
        QWidget::setTabOrder(m_resolveButton, m_laterButton);
        fillPlaces();
        checkResult();
        resize(1100, 720);
    }
    updateState();
}

QString ConflictDialog::describePath(const model::Item &item, const QString &path)
{
    return describe({model::itemToJson(item)}, path);
}

QTextCharFormat ConflictDialog::addedFormat()
{
    QTextCharFormat format;
    format.setBackground(QColor(0xff, 0xe0, 0x82));
    format.setForeground(QColor(0x21, 0x2b, 0x32));
    format.setFontUnderline(true);
    format.setFontWeight(QFont::Bold);
    return format;
}

QTextCharFormat ConflictDialog::removedFormat()
{
    QTextCharFormat format;
    format.setBackground(QColor(0xf6, 0xcf, 0xcb));
    format.setForeground(QColor(0x21, 0x2b, 0x32));
    format.setFontStrikeOut(true);
    return format;
}

void ConflictDialog::buildPlacesUi()
{
    m_placesPage = new QWidget(this);
    m_placesPage->setObjectName(u"placesPage"_s);
    auto *page = new QVBoxLayout(m_placesPage);
    page->setContentsMargins(0, 0, 0, 0);

    auto *columns = new QHBoxLayout;
    page->addLayout(columns, 1);

    auto *listColumn = new QVBoxLayout;
    auto *listLabel = new QLabel(tr("&Places in conflict"), m_placesPage);
    listLabel->setObjectName(u"placeListLabel"_s);
    m_placeList = new QTreeWidget(m_placesPage);
    m_placeList->setObjectName(u"placeList"_s);
    m_placeList->setAccessibleName(tr("Places in conflict"));
    m_placeList->setAccessibleDescription(tr("Each place where both sides changed the same thing, with the decision made for it."));
    m_placeList->setColumnCount(2);
    m_placeList->setHeaderLabels({tr("Place"), tr("Decision")});
    m_placeList->setRootIsDecorated(false);
    m_placeList->setUniformRowHeights(true);
    m_placeList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_placeList->header()->setStretchLastSection(false);
    m_placeList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_placeList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    listLabel->setBuddy(m_placeList);
    listColumn->addWidget(listLabel);
    listColumn->addWidget(m_placeList, 1);
    columns->addLayout(listColumn, 1);

    auto *detail = new QVBoxLayout;
    columns->addLayout(detail, 3);
    m_placeTitle = new QLabel(m_placesPage);
    m_placeTitle->setObjectName(u"placeTitle"_s);
    m_placeTitle->setAccessibleName(tr("Selected place"));
    m_placeTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_placeTitle->font();
    bold.setBold(true);
    m_placeTitle->setFont(bold);
    detail->addWidget(m_placeTitle);

    auto *panes = new QGridLayout;
    auto makePane = [this, panes](int column, const QString &label, const QString &objectName, const QString &accessible) {
        auto *caption = new QLabel(label, m_placesPage);
        caption->setObjectName(objectName + u"Label"_s);
        auto *pane = new QTextEdit(m_placesPage);
        pane->setObjectName(objectName);
        pane->setAccessibleName(accessible);
        pane->setReadOnly(true);
        pane->setAcceptRichText(false);
        pane->setTabChangesFocus(true);
        pane->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
        pane->setFocusPolicy(Qt::StrongFocus);
        caption->setBuddy(pane);
        panes->addWidget(caption, 0, column);
        panes->addWidget(pane, 1, column);
        return pane;
    };
    m_basePane = makePane(0, tr("&Base (before both changes)"), u"basePane"_s, tr("Base, before both changes"));
    m_minePane = makePane(1, tr("M&ine (this computer)"), u"minePane"_s, tr("Mine, changed on this computer"));
    m_theirsPane = makePane(2, tr("T&heirs (server)"), u"theirsPane"_s, tr("Theirs, changed on the server"));
    detail->addLayout(panes, 2);

    const QTextCharFormat added = addedFormat();
    const QTextCharFormat removed = removedFormat();
    m_legend = new QLabel(m_placesPage);
    m_legend->setObjectName(u"diffLegend"_s);
    m_legend->setAccessibleName(tr("How differences are marked"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setText(tr("%1: added or changed since Base, in Mine and Theirs. %2: removed or replaced by one side, in Base.")
                          .arg(u"<span style=\"%1\">%2</span>"_s.arg(spanStyle(added, u"text-decoration: underline; font-weight: bold;"_s),
                                                                   tr("Underlined bold words").toHtmlEscaped()),
                               u"<span style=\"%1\">%2</span>"_s.arg(spanStyle(removed, u"text-decoration: line-through;"_s),
                                                                   tr("Struck-through words").toHtmlEscaped())));
    detail->addWidget(m_legend);

    auto *choices = new QHBoxLayout;
    auto makeButton = [this, choices](const QString &text, const QString &objectName, const QString &accessible, const QString &description) {
        auto *button = new QPushButton(text, m_placesPage);
        button->setObjectName(objectName);
        button->setAccessibleName(accessible);
        button->setAccessibleDescription(description);
        button->setAutoDefault(false);
        choices->addWidget(button);
        return button;
    };
    m_keepMine = makeButton(tr("Keep &mine"), u"keepMineButton"_s, tr("Keep mine"), tr("Use this computer's version of this place."));
    m_keepTheirs = makeButton(tr("Keep &theirs"), u"keepTheirsButton"_s, tr("Keep theirs"), tr("Use the server's version of this place."));
    m_keepBoth = makeButton(tr("Keep b&oth"), u"keepBothButton"_s, tr("Keep both"), tr("Keep this computer's text, then the server's."));
    choices->addStretch(1);
    detail->addLayout(choices);

    m_resultLabel = new QLabel(m_placesPage);
    m_resultLabel->setObjectName(u"resultLabel"_s);
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultEdit = new QPlainTextEdit(m_placesPage);
    m_resultEdit->setObjectName(u"resultEdit"_s);
    m_resultEdit->setAccessibleName(tr("Result"));
    m_resultEdit->setTabChangesFocus(true);
    m_resultEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_resultEdit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // lines wrap
    m_resultLabel->setBuddy(m_resultEdit);
    detail->addWidget(m_resultLabel);
    detail->addWidget(m_resultEdit, 1);
    m_decisionLabel = new QLabel(m_placesPage);
    m_decisionLabel->setObjectName(u"decisionLabel"_s);
    m_decisionLabel->setAccessibleName(tr("Decision for this place"));
    m_decisionLabel->setTextFormat(Qt::PlainText);
    detail->addWidget(m_decisionLabel);

    auto *all = new QHBoxLayout;
    m_keepAllMine = new QPushButton(tr("Keep all mi&ne"), m_placesPage);
    m_keepAllMine->setObjectName(u"keepAllMineButton"_s);
    m_keepAllMine->setAccessibleName(tr("Keep all mine"));
    m_keepAllMine->setAccessibleDescription(tr("Use this computer's version in every place."));
    m_keepAllMine->setAutoDefault(false);
    m_keepAllTheirs = new QPushButton(tr("Keep all th&eirs"), m_placesPage);
    m_keepAllTheirs->setObjectName(u"keepAllTheirsButton"_s);
    m_keepAllTheirs->setAccessibleName(tr("Keep all theirs"));
    m_keepAllTheirs->setAccessibleDescription(tr("Use the server's version in every place."));
    m_keepAllTheirs->setAutoDefault(false);
    m_progressLabel = new QLabel(m_placesPage);
    m_progressLabel->setObjectName(u"decidedCount"_s);
    m_progressLabel->setAccessibleName(tr("Places decided"));
    all->addWidget(m_keepAllMine);
    all->addWidget(m_keepAllTheirs);
    all->addStretch(1);
    all->addWidget(m_progressLabel);
    page->addLayout(all);

    m_problemsLabel = new QLabel(m_placesPage);
    m_problemsLabel->setObjectName(u"resultProblems"_s);
    m_problemsLabel->setAccessibleName(tr("Problems in the result"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    page->addWidget(m_problemsLabel);

    connect(m_placeList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showPlace(m_placeList->indexOfTopLevelItem(item));
    });
    connect(m_keepMine, &QPushButton::clicked, this, [this] { decide(m_current, Decision::Mine); });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { decide(m_current, Decision::Theirs); });
    connect(m_keepBoth, &QPushButton::clicked, this, [this] { decide(m_current, Decision::Both); });
    connect(m_keepAllMine, &QPushButton::clicked, this, [this] { decideAll(Decision::Mine); });
    connect(m_keepAllTheirs, &QPushButton::clicked, this, [this] { decideAll(Decision::Theirs); });
    connect(m_resultEdit, &QPlainTextEdit::textChanged, this, &ConflictDialog::resultEdited);
}

void ConflictDialog::buildDeletionUi()
{
    const bool server = m_deletion == DeletionSide::Server;
    m_introLabel->setText(server ? tr("This item was deleted on the server after you changed it on this computer. "
                                      "Your version is shown below: keep it, or accept the deletion.")
                                 : tr("You deleted this item on this computer, but it was changed on the server since. "
                                      "Their version is shown below: keep it, or delete the item anyway."));
    m_deletionPage = new QWidget(this);
    m_deletionPage->setObjectName(u"deletionPage"_s);
    auto *page = new QVBoxLayout(m_deletionPage);
    page->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(server ? tr("&Your version (this computer)") : tr("&Their version (server)"), m_deletionPage);
    caption->setObjectName(u"survivorLabel"_s);
    m_survivorPane = new QTextEdit(m_deletionPage);
    m_survivorPane->setObjectName(u"survivorPane"_s);
    m_survivorPane->setAccessibleName(server ? tr("Your version") : tr("Their version"));
    m_survivorPane->setReadOnly(true);
    m_survivorPane->setAcceptRichText(false);
    m_survivorPane->setTabChangesFocus(true);
    m_survivorPane->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_survivorPane->setFocusPolicy(Qt::StrongFocus);
    m_survivorPane->setPlainText(renderItem(server ? m_mine : m_theirs));
    caption->setBuddy(m_survivorPane);
    page->addWidget(caption);
    page->addWidget(m_survivorPane, 1);

    m_keepItemChoice = new QRadioButton(server ? tr("&Keep my version (restore it on the server)") : tr("&Keep their version (cancel my deletion)"),
                                        m_deletionPage);
    m_keepItemChoice->setObjectName(u"keepItemChoice"_s);
    m_keepItemChoice->setAccessibleName(m_keepItemChoice->text().remove(u'&'));
    m_deleteChoice = new QRadioButton(server ? tr("&Accept the deletion") : tr("&Delete it anyway"), m_deletionPage);
    m_deleteChoice->setObjectName(u"deleteChoice"_s);
    m_deleteChoice->setAccessibleName(m_deleteChoice->text().remove(u'&'));
    m_deleteChoice->setAccessibleDescription(server ? tr("Removes the item from this computer too; your changes are discarded.")
                                                    : tr("Deletes the item on the server too; their changes are discarded."));
    auto *group = new QButtonGroup(m_deletionPage);
    group->addButton(m_keepItemChoice);
    group->addButton(m_deleteChoice);
    page->addWidget(m_keepItemChoice);
    page->addWidget(m_deleteChoice);
    connect(group, &QButtonGroup::buttonToggled, this, [this] { updateState(); });
}

void ConflictDialog::fillPlaces()
{
    for (const Conflict &conflict : m_record.conflicts) {
        Place place;
        place.conflict = conflict;
        place.label = describe(m_lookupRoots, conflict.path);
        const QString key = lastKey(conflict.path);
        place.text = conflict.kind == Conflict::Kind::EditEdit && !key.isEmpty() && !isChoice(key)
                     && isStringOrNull(conflict.base) && isStringOrNull(conflict.mine) && isStringOrNull(conflict.theirs)
                     && (conflict.mine.isString() || conflict.theirs.isString());
        place.canKeepBoth = place.text && isProse(key);
        if (place.text)
            place.resultText = valueAt(m_merged, parsePath(conflict.path)).toString();
        m_places.append(place);
    }

    // In the order of the item: its fields from the top, then entries by position.
    static const QStringList topOrder{QString(), u"title"_s, u"slug"_s, u"summary"_s, u"state"_s, u"tags"_s,
                                      u"schedule"_s, u"meta"_s};
    auto sortKey = [this](const Place &place) {
        const QList<Segment> segments = parsePath(place.conflict.path);
        const QString first = segments.isEmpty() ? QString() : segments[0].key;
        qsizetype rank = topOrder.indexOf(first);
        if (rank < 0)
            rank = model::itemTypeFromString(first) ? 100 : first == u"paragraphs" ? 200 : 300;
        std::vector<qsizetype> positions;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            if (segments[i].kind == Segment::Kind::Key)
                continue;
            qsizetype at = -1;
            for (const JsonValue &root : std::as_const(m_lookupRoots)) {
                at = entryIndex(valueAt(root, segments, i), segments[i]);
                if (at >= 0)
                    break;
            }
            positions.push_back(at);
        }
        return std::make_tuple(rank, positions, place.conflict.path);
    };
    std::stable_sort(m_places.begin(), m_places.end(), [&](const Place &a, const Place &b) { return sortKey(a) < sortKey(b); });

    m_introLabel->setText(tr("This item was changed on this computer and on the server in the same %n place(s). "
                             "Everything else is already combined. For each place, keep one side or edit the result, "
                             "then choose Resolve.",
                             nullptr, int(m_places.size())));
    for (qsizetype i = 0; i < m_places.size(); ++i) {
        auto *row = new QTreeWidgetItem(m_placeList, QStringList{m_places[i].label, QString()});
        row->setToolTip(0, m_places[i].label);
        updatePlaceRow(int(i));
    }
    if (!m_places.isEmpty())
        m_placeList->setCurrentItem(m_placeList->topLevelItem(0));
}

JsonValue ConflictDialog::sideValue(const Place &place, Decision side) const
{
    switch (side) {
    case Decision::Mine: return place.conflict.mine;
    case Decision::Theirs: return place.conflict.theirs;
    case Decision::Both:
    case Decision::Edited:
        if (place.resultText.isEmpty() && (place.conflict.mine.isNull() || place.conflict.theirs.isNull()))
            return JsonValue();
        return JsonValue(place.resultText);
    case Decision::None: break;
    }
    const QList<Segment> segments = parsePath(place.conflict.path);
    const JsonValue merged = valueAt(m_merged, segments);
    if (place.conflict.kind == Conflict::Kind::Order) { // the merged list's order, as ids
        JsonArray ids;
        for (const JsonValue &e : merged.toArray())
            ids.emplace_back(idOf(e));
        return JsonValue(std::move(ids));
    }
    return merged;
}

QString ConflictDialog::displayText(const Place &place, const JsonValue &value) const
{
    if (place.text)
        return value.toString();
    if (place.conflict.kind == Conflict::Kind::Order) {
        const QList<Segment> segments = parsePath(place.conflict.path);
        const QString listKey = lastKey(place.conflict.path);
        QStringList lines;
        int n = 0;
        for (const JsonValue &id : value.toArray()) {
            JsonValue entry;
            for (const JsonValue &root : m_lookupRoots) {
                const JsonValue list = valueAt(root, segments);
                const qsizetype at = entryIndex(list, Segment{Segment::Kind::Id, id.toString(), -1});
                if (at >= 0) {
                    entry = list.toArray()[size_t(at)];
                    break;
                }
            }
            QString name = entryDetail(listKey, entry);
            if (!name.isEmpty())
                name[0] = name[0].toUpper();
            const QString excerpt = entryExcerpt(entry);
            if (!excerpt.isEmpty() && excerpt != name)
                name = name.isEmpty() ? excerpt : tr("%1: %2").arg(name, excerpt);
            lines.append(tr("%1. %2").arg(QString::number(++n), name));
        }
        return lines.join(u'\n');
    }
    if (place.conflict.path.isEmpty())
        return renderItem(value);
    return renderValue(value, lastKey(place.conflict.path));
}

QString ConflictDialog::decisionText(Decision choice) const
{
    switch (choice) {
    case Decision::None: return tr("Not decided");
    case Decision::Mine: return tr("Mine kept");
    case Decision::Theirs: return tr("Theirs kept");
    case Decision::Both: return tr("Both kept");
    case Decision::Edited: return tr("Edited");
    }
    return {};
}

void ConflictDialog::showPlace(int index)
{
    if (index < 0 || index >= m_places.size())
        return;
    m_current = index;
    const Place &place = m_places[index];
    const QScopedValueRollback guard(m_updating, true);
    m_placeTitle->setText(place.label);

    const Conflict &c = place.conflict;
    const QString base = displayText(place, c.base);
    const QString mine = displayText(place, c.mine);
    const QString theirs = displayText(place, c.theirs);
    Ranges removed = unmatchedRanges(mine, base) + unmatchedRanges(theirs, base);
    std::sort(removed.begin(), removed.end());
    const bool deleteEdit = c.kind == Conflict::Kind::DeleteEdit;
    setPane(m_basePane, base, c.base.isNull() ? tr("(Not there before: added since)") : tr("(Empty)"), removed, removedFormat());
    setPane(m_minePane, mine, deleteEdit && c.mine.isNull() ? tr("(Deleted on this computer)") : tr("(Empty)"),
            unmatchedRanges(base, mine), addedFormat());
    setPane(m_theirsPane, theirs, deleteEdit && c.theirs.isNull() ? tr("(Deleted on the server)") : tr("(Empty)"),
            unmatchedRanges(base, theirs), addedFormat());

    m_keepBoth->setEnabled(place.canKeepBoth);
    m_keepMine->setText(deleteEdit && c.mine.isNull() ? tr("Keep &mine (deleted)") : tr("Keep &mine"));
    m_keepTheirs->setText(deleteEdit && c.theirs.isNull() ? tr("Keep &theirs (deleted)") : tr("Keep &theirs"));
    m_resultEdit->setReadOnly(!place.text);
    m_resultLabel->setText(place.text ? tr("Res&ult (what is kept; you can edit it)")
                                      : tr("Res&ult (what is kept; choose Keep mine or Keep theirs)"));
    m_resultEdit->setPlaceholderText(place.text ? tr("(Empty)") : tr("(Removed)"));
    m_resultEdit->setPlainText(place.text ? place.resultText : displayText(place, sideValue(place, place.decision)));
    m_decisionLabel->setText(tr("Decision: %1").arg(decisionText(place.decision)));
}

void ConflictDialog::decide(int index, Decision choice)
{
    if (index < 0 || index >= m_places.size())
        return;
    Place &place = m_places[index];
    if (choice == Decision::Both && !place.canKeepBoth)
        return;
    place.decision = choice;
    if (place.text) {
        const QString mine = place.conflict.mine.toString();
        const QString theirs = place.conflict.theirs.toString();
        if (choice == Decision::Mine) {
            place.resultText = mine;
        } else if (choice == Decision::Theirs) {
            place.resultText = theirs;
        } else if (choice == Decision::Both) {
            const QString key = lastKey(place.conflict.path);
            const bool oneLine = !mine.contains(u'\n') && !theirs.contains(u'\n') && key != u"markdown" && key != u"summary"
                                 && key != u"description" && key != u"entry_requirements" && key != u"eligibility";
            if (mine.isEmpty() || theirs.isEmpty())
                place.resultText = mine + theirs;
            else
                place.resultText = mine + (oneLine ? u" "_s : u"\n\n"_s) + theirs;
        }
    }
    updatePlaceRow(index);
    if (index == m_current) {
        const QScopedValueRollback guard(m_updating, true);
        m_resultEdit->setPlainText(place.text ? place.resultText : displayText(place, sideValue(place, choice)));
        m_decisionLabel->setText(tr("Decision: %1").arg(decisionText(choice)));
    }
    updateState();
}

void ConflictDialog::decideAll(Decision choice)
{
    for (qsizetype i = 0; i < m_places.size(); ++i)
        decide(int(i), choice);
}

void ConflictDialog::resultEdited()
{
    if (m_updating || m_current < 0 || m_current >= m_places.size())
        return;
    Place &place = m_places[m_current];
    if (!place.text)
        return;
    place.resultText = m_resultEdit->toPlainText();
    place.decision = Decision::Edited;
    updatePlaceRow(m_current);
    m_decisionLabel->setText(tr("Decision: %1").arg(decisionText(place.decision)));
    updateState();
}

void ConflictDialog::updatePlaceRow(int index)
{
    QTreeWidgetItem *row = m_placeList->topLevelItem(index);
    if (!row)
        return;
    const Place &place = m_places[index];
    row->setText(1, decisionText(place.decision));
    QFont font = row->font(0);
    font.setBold(place.decision == Decision::None); // what is still to do stands out, in words too
    row->setFont(0, font);
    row->setFont(1, font);
    row->setData(0, Qt::AccessibleTextRole, tr("%1: %2").arg(place.label, decisionText(place.decision)));
}

void ConflictDialog::updateState()
{
    if (isDeletionConflict()) {
        m_resolveButton->setEnabled(m_keepItemChoice->isChecked() || m_deleteChoice->isChecked());
        return;
    }
    const auto decided = std::count_if(m_places.cbegin(), m_places.cend(), [](const Place &p) { return p.decision != Decision::None; });
    m_progressLabel->setText(tr("Decided: %1 of %2").arg(QString::number(decided), QString::number(m_places.size())));
    m_resolveButton->setEnabled(decided == m_places.size());
    m_resolveButton->setToolTip(decided == m_places.size() ? QString() : tr("Decide every place first."));
    m_checkTimer.start();
}

model::Result<model::Item> ConflictDialog::resultItem() const
{
    if (m_deletion == DeletionSide::Server)
        return model::itemFromJson(m_mine);
    if (m_deletion == DeletionSide::Here)
        return model::itemFromJson(m_theirs);
    JsonValue json = m_merged;
    // Entries first, then the order of lists, so a reorder sees the entries that stay.
    for (const bool order : {false, true}) {
        for (const Place &place : m_places) {
            if ((place.conflict.kind == Conflict::Kind::Order) != order || place.decision == Decision::None)
                continue;
            const QList<Segment> segments = parsePath(place.conflict.path);
            const JsonValue value = sideValue(place, place.decision);
            json = withValueAt(json, segments, 0, order ? reordered(valueAt(json, segments), value) : value);
        }
    }
    return model::itemFromJson(json);
}

void ConflictDialog::checkResult()
{
    if (!m_problemsLabel)
        return;
    const auto item = resultItem();
    if (!item) {
        m_problemsLabel->setText(tr("The result is not a complete item yet:\n%1").arg(item.errorString()));
        return;
    }
    const model::Issues issues = model::validate(item.value(), nullptr);
    if (issues.isEmpty()) {
        m_problemsLabel->setText(tr("The result passes Carta's checks."));
        return;
    }
    const QList<JsonValue> roots{model::itemToJson(item.value())};
    QStringList lines;
    for (const model::Issue &issue : issues)
        lines.append(u"• "_s + (issue.where.isEmpty() ? issue.message : tr("%1: %2").arg(describe(roots, issue.where), issue.message)));
    m_problemsLabel->setText(tr("Problems in the result (you can still resolve and fix them in the editor; "
                                "the server accepts the item once they are fixed):")
                             + u'\n' + lines.join(u'\n'));
}

void ConflictDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void ConflictDialog::resolve()
{
    showError(QString());
    if (isDeletionConflict()) {
        resolveDeletion();
        return;
    }
    if (std::any_of(m_places.cbegin(), m_places.cend(), [](const Place &p) { return p.decision == Decision::None; }))
        return; // the button is disabled then; a shortcut must not get round it
    const auto item = resultItem();
    if (!item) {
        showError(tr("The result cannot be kept as it is:\n%1").arg(item.errorString()));
        return;
    }
    const auto done = m_replica.resolve(m_record.id, item.value());
    if (!done) {
        showError(tr("The conflict could not be resolved: %1").arg(done.errorString()));
        return;
    }
    accept();
}

void ConflictDialog::resolveDeletion()
{
    if (!m_keepItemChoice->isChecked() && !m_deleteChoice->isChecked())
        return;
    if (!m_resolvedAwaitingDelete) {
        const auto survivor = resultItem();
        if (!survivor) {
            showError(tr("The remaining version cannot be read: %1").arg(survivor.errorString()));
            return;
        }
        const auto done = m_replica.resolve(m_record.id, survivor.value());
        if (!done) {
            showError(tr("The conflict could not be resolved: %1").arg(done.errorString()));
            return;
        }
        if (m_keepItemChoice->isChecked()) {
            accept();
            return;
        }
        // Settled in favour of the remaining version; the delete comes next. Should it fail,
        // Resolve tries only the delete again.
        m_resolvedAwaitingDelete = true;
        m_keepItemChoice->setEnabled(false);
    }
    const auto deleted = m_replica.deleteItem(m_record.id);
    if (!deleted) {
        showError(tr("The item is kept for now: it could not be deleted (%1). Choose Resolve to try again.").arg(deleted.errorString()));
        return;
    }
    accept();
}

} // namespace carta::app
