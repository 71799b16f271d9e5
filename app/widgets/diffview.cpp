#include "widgets/diffview.h"

#include "widgets/fieldtext.h"

#include "models/itemcatalogue.h"
#include "models/labels.h"

#include "model/diff.h"
#include "model/json.h"

#include <QEvent>
#include <QLocale>
#include <QPalette>
#include <QTimeZone>

#include <algorithm>
#include <utility>

namespace carta::app {

using namespace Qt::StringLiterals;
using model::Change;
using model::JsonArray;
using model::JsonObject;
using model::JsonValue;
using model::LineChange;
using model::WordChange;

namespace {

// Lines of context kept around a changed line of multi-line text.
constexpr qsizetype kContextLines = 1;
constexpr qsizetype kExcerptLength = 80;

QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

QString excerpt(QString text)
{
    text = text.trimmed().section(u'\n', 0, 0).trimmed();
    if (text.size() > kExcerptLength)
        text = text.left(kExcerptLength - 1).trimmed() + QChar(0x2026);
    return text;
}

bool isEmptyValue(const JsonValue &v)
{
    return v.isNull() || (v.isString() && v.toString().isEmpty()) || (v.isArray() && v.toArray().empty())
        || (v.isObject() && v.toObject().empty());
}

// ---- paths: "paragraphs[id=p3].markdown", "pathway.stages[id=st1].duration_months" ----

using Segment = model::PathSegment; // diffs name entries by id, never by index
using model::parsePath;

qsizetype indexOfId(const JsonValue &list, const QString &id)
{
    const JsonArray &a = list.toArray();
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i][u"id"_s].toString() == id)
            return qsizetype(i);
    return -1;
}

// ---- names ----

struct KeyName
{
    const char16_t *key;
    const char *name;
};

// Members in the order a person meets them in the editor; also the order of the rows.
const KeyName kFields[] = {
    {u"title", QT_TRANSLATE_NOOP("carta::app::DiffView", "Title")},
    {u"slug", QT_TRANSLATE_NOOP("carta::app::DiffView", "Slug")},
    {u"summary", QT_TRANSLATE_NOOP("carta::app::DiffView", "Summary")},
    {u"state", QT_TRANSLATE_NOOP("carta::app::DiffView", "Workflow state")},
    {u"tags", QT_TRANSLATE_NOOP("carta::app::DiffView", "Tags")},
    {u"schedule", QT_TRANSLATE_NOOP("carta::app::DiffView", "Schedule")},
    {u"meta", QT_TRANSLATE_NOOP("carta::app::DiffView", "Search and sharing")},
    {u"paragraphs", QT_TRANSLATE_NOOP("carta::app::DiffView", "Paragraphs")},
    {u"attachments", QT_TRANSLATE_NOOP("carta::app::DiffView", "Attachments")},
    // type fields and the members of entries
    {u"kind", QT_TRANSLATE_NOOP("carta::app::DiffView", "Kind")},
    {u"code", QT_TRANSLATE_NOOP("carta::app::DiffView", "Code")},
    {u"text", QT_TRANSLATE_NOOP("carta::app::DiffView", "Text")},
    {u"markdown", QT_TRANSLATE_NOOP("carta::app::DiffView", "Text")},
    {u"level", QT_TRANSLATE_NOOP("carta::app::DiffView", "Level")},
    {u"style", QT_TRANSLATE_NOOP("carta::app::DiffView", "Style")},
    {u"links", QT_TRANSLATE_NOOP("carta::app::DiffView", "Links")},
    {u"outcome_codes", QT_TRANSLATE_NOOP("carta::app::DiffView", "Outcomes")},
    {u"target", QT_TRANSLATE_NOOP("carta::app::DiffView", "Linked item")},
    {u"version", QT_TRANSLATE_NOOP("carta::app::DiffView", "Version")},
    {u"profession", QT_TRANSLATE_NOOP("carta::app::DiffView", "Profession")},
    {u"career_stage", QT_TRANSLATE_NOOP("carta::app::DiffView", "Career stage")},
    {u"duration_months", QT_TRANSLATE_NOOP("carta::app::DiffView", "Duration (months)")},
    {u"entry_requirements", QT_TRANSLATE_NOOP("carta::app::DiffView", "Entry requirements")},
    {u"recruitment_window", QT_TRANSLATE_NOOP("carta::app::DiffView", "Recruitment window")},
    {u"next", QT_TRANSLATE_NOOP("carta::app::DiffView", "Next stages")},
    {u"effective_from", QT_TRANSLATE_NOOP("carta::app::DiffView", "Effective from")},
    {u"effective_to", QT_TRANSLATE_NOOP("carta::app::DiffView", "Effective to")},
    {u"learning_outcomes", QT_TRANSLATE_NOOP("carta::app::DiffView", "Learning outcomes")},
    {u"competencies", QT_TRANSLATE_NOOP("carta::app::DiffView", "Competencies")},
    {u"assessments", QT_TRANSLATE_NOOP("carta::app::DiffView", "Assessments")},
    {u"stages", QT_TRANSLATE_NOOP("carta::app::DiffView", "Stages")},
    {u"method", QT_TRANSLATE_NOOP("carta::app::DiffView", "Method")},
    {u"description", QT_TRANSLATE_NOOP("carta::app::DiffView", "Description")},
    {u"issued", QT_TRANSLATE_NOOP("carta::app::DiffView", "Issued")},
    {u"publisher", QT_TRANSLATE_NOOP("carta::app::DiffView", "Publisher")},
    {u"date", QT_TRANSLATE_NOOP("carta::app::DiffView", "Date")},
    {u"funding_body", QT_TRANSLATE_NOOP("carta::app::DiffView", "Funding body")},
    {u"deadline", QT_TRANSLATE_NOOP("carta::app::DiffView", "Deadline")},
    {u"eligibility", QT_TRANSLATE_NOOP("carta::app::DiffView", "Eligibility")},
    {u"reference", QT_TRANSLATE_NOOP("carta::app::DiffView", "Reference")},
    {u"url", QT_TRANSLATE_NOOP("carta::app::DiffView", "Web address")},
    {u"purpose", QT_TRANSLATE_NOOP("carta::app::DiffView", "Purpose")},
    {u"subject", QT_TRANSLATE_NOOP("carta::app::DiffView", "Subject")},
    {u"vocabulary", QT_TRANSLATE_NOOP("carta::app::DiffView", "Vocabulary")},
    {u"parent", QT_TRANSLATE_NOOP("carta::app::DiffView", "Parent term")},
    {u"order", QT_TRANSLATE_NOOP("carta::app::DiffView", "Order")},
    {u"portal", QT_TRANSLATE_NOOP("carta::app::DiffView", "Portal")},
    {u"publish_at", QT_TRANSLATE_NOOP("carta::app::DiffView", "Scheduled publication")},
    {u"unpublish_at", QT_TRANSLATE_NOOP("carta::app::DiffView", "Scheduled withdrawal")},
    {u"keywords", QT_TRANSLATE_NOOP("carta::app::DiffView", "Search keywords")},
    {u"name", QT_TRANSLATE_NOOP("carta::app::DiffView", "Name")},
    {u"media_type", QT_TRANSLATE_NOOP("carta::app::DiffView", "File type")},
    {u"size", QT_TRANSLATE_NOOP("carta::app::DiffView", "Size (bytes)")},
    {u"sha256", QT_TRANSLATE_NOOP("carta::app::DiffView", "Content hash")},
    {u"schema_version", QT_TRANSLATE_NOOP("carta::app::DiffView", "Schema version")},
};

// The vocabulary of a member of tags ("regions").
std::optional<model::Vocabulary> tagVocabulary(const QString &key)
{
    static const QString keys[] = {u"professions"_s, u"specialties"_s, u"regions"_s, u"career_stages"_s, u"clinical_areas"_s};
    for (model::Vocabulary v : model::allVocabularies())
        if (keys[int(v)] == key)
            return v;
    return std::nullopt;
}

int keyRank(const QString &key)
{
    // Tags in the order of the vocabularies; type fields after attachments.
    if (const auto v = tagVocabulary(key))
        return int(*v);
    if (model::itemTypeFromString(key))
        return 9; // just after attachments
    const int count = int(std::size(kFields));
    for (int i = 0; i < count; ++i)
        if (key == QStringView(kFields[i].key))
            return i + (i >= 9 ? 1 : 0);
    return count + 1;
}

QString fieldName(const QString &key)
{
    for (const KeyName &k : kFields)
        if (key == QStringView(k.key))
            return DiffView::tr(k.name);
    return Labels::humanizeSlug(QString(key).replace(u'_', u' '));
}

const KeyName kEntryNouns[] = {
    {u"paragraphs", QT_TRANSLATE_NOOP("carta::app::DiffView", "Paragraph")},
    {u"learning_outcomes", QT_TRANSLATE_NOOP("carta::app::DiffView", "Learning outcome")},
    {u"competencies", QT_TRANSLATE_NOOP("carta::app::DiffView", "Competency")},
    {u"assessments", QT_TRANSLATE_NOOP("carta::app::DiffView", "Assessment")},
    {u"stages", QT_TRANSLATE_NOOP("carta::app::DiffView", "Stage")},
};

QString entryNoun(const QString &listKey)
{
    for (const KeyName &k : kEntryNouns)
        if (listKey == QStringView(k.key))
            return DiffView::tr(k.name);
    return DiffView::tr("Entry");
}

const KeyName kAssessmentMethods[] = {
    {u"workplace_based", QT_TRANSLATE_NOOP("carta::app::DiffView", "Workplace-based assessment")},
    {u"examination", QT_TRANSLATE_NOOP("carta::app::DiffView", "Examination")},
    {u"portfolio", QT_TRANSLATE_NOOP("carta::app::DiffView", "Portfolio")},
    {u"arcp", QT_TRANSLATE_NOOP("carta::app::DiffView", "ARCP")},
    {u"dops", QT_TRANSLATE_NOOP("carta::app::DiffView", "DOPS")},
    {u"mini_cex", QT_TRANSLATE_NOOP("carta::app::DiffView", "Mini-CEX")},
    {u"case_based_discussion", QT_TRANSLATE_NOOP("carta::app::DiffView", "Case-based discussion")},
    {u"multi_source_feedback", QT_TRANSLATE_NOOP("carta::app::DiffView", "Multi-source feedback")},
    {u"osce", QT_TRANSLATE_NOOP("carta::app::DiffView", "OSCE")},
};

const KeyName kChoices[] = {
    {u"info", QT_TRANSLATE_NOOP("carta::app::DiffView", "Information")},
    {u"warning", QT_TRANSLATE_NOOP("carta::app::DiffView", "Warning")},
    {u"important", QT_TRANSLATE_NOOP("carta::app::DiffView", "Important")},
    {u"landing", QT_TRANSLATE_NOOP("carta::app::DiffView", "Landing page")},
    {u"regional_hub", QT_TRANSLATE_NOOP("carta::app::DiffView", "Regional hub")},
    {u"profession_landing", QT_TRANSLATE_NOOP("carta::app::DiffView", "Profession landing page")},
    {u"home", QT_TRANSLATE_NOOP("carta::app::DiffView", "Home page")},
    {u"news", QT_TRANSLATE_NOOP("carta::app::DiffView", "News")},
    {u"training_office_update", QT_TRANSLATE_NOOP("carta::app::DiffView", "Training office update")},
};

QString choiceName(const KeyName *begin, const KeyName *end, const QString &wire)
{
    for (const KeyName *k = begin; k != end; ++k)
        if (wire == QStringView(k->key))
            return DiffView::tr(k->name);
    return Labels::humanizeSlug(QString(wire).replace(u'_', u' '));
}

// The member of a paragraph of this kind that carries its content: named by the paragraph alone.
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

// The members that mean something for a paragraph of this kind, in the editor's order.
QStringList paragraphFields(model::ParagraphKind kind)
{
    switch (kind) {
    case model::ParagraphKind::Text: return {u"markdown"_s};
    case model::ParagraphKind::Heading: return {u"text"_s, u"level"_s};
    case model::ParagraphKind::LearningOutcomes: return {u"text"_s, u"outcome_codes"_s};
    case model::ParagraphKind::Callout: return {u"text"_s, u"markdown"_s, u"style"_s};
    case model::ParagraphKind::LinkList: return {u"text"_s, u"links"_s};
    case model::ParagraphKind::PolicyRef:
    case model::ParagraphKind::ResourceRef:
    case model::ParagraphKind::PathwayRef: return {u"target"_s};
    }
    return {};
}

QString paragraphFieldName(const std::optional<model::ParagraphKind> &kind, const QString &key)
{
    if (key == u"text" && kind) {
        switch (*kind) {
        case model::ParagraphKind::Callout:
        case model::ParagraphKind::LinkList: return DiffView::tr("Title");
        case model::ParagraphKind::LearningOutcomes: return DiffView::tr("Introduction");
        default: break;
        }
    }
    if (key == u"markdown" && kind == model::ParagraphKind::Callout)
        return DiffView::tr("Body");
    return fieldName(key);
}

// Members whose value is one of a set, a reference or a time: shown whole, not word by word.
bool isWholeValue(const QString &key)
{
    static const QStringList keys{u"kind"_s, u"state"_s, u"style"_s, u"method"_s, u"vocabulary"_s, u"career_stage"_s,
                                  u"profession"_s, u"parent"_s, u"portal"_s, u"target"_s, u"publish_at"_s, u"unpublish_at"_s,
                                  u"effective_from"_s, u"effective_to"_s, u"issued"_s, u"date"_s, u"deadline"_s, u"type"_s,
                                  u"id"_s, u"level"_s, u"order"_s, u"duration_months"_s, u"size"_s, u"sha256"_s};
    return keys.contains(key);
}

QString londonTime(const QDateTime &time)
{
    return londonText(time); // with GMT / BST
}

// ---- the rows ----

struct Row
{
    QList<int> order;
    QString summary;
    QString body; // HTML table rows
    QStringList added;   // the marked words, in the order shown
    QStringList removed;
};

class DiffBuilder
{
public:
    DiffBuilder(const ItemCatalogue *catalogue, const QPalette &palette) : m_catalogue(catalogue)
    {
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        const bool dark = base.lightnessF() < 0.5;
        // Tints of the background the text is already readable on, so they work in dark themes too;
        // red and blue rather than red and green, for people who cannot tell those apart.
        const qreal amount = dark ? 0.45 : 0.28;
        m_removedStyle = u"background-color:%1; color:%2; text-decoration:line-through;"_s.arg(
            mix(base, QColor(0xd7, 0x30, 0x27), amount).name(), text.name());
        m_addedStyle = u"background-color:%1; color:%2; text-decoration:underline; font-weight:600;"_s.arg(
            mix(base, QColor(0x2c, 0x7b, 0xd6), amount).name(), text.name());
    }

    QString removedMark(const QString &text) const { return u"<span style=\"%1\">%2</span>"_s.arg(m_removedStyle, text.toHtmlEscaped()); }
    QString addedMark(const QString &text) const { return u"<span style=\"%1\">%2</span>"_s.arg(m_addedStyle, text.toHtmlEscaped()); }

    QList<Row> rows(const JsonValue &before, const JsonValue &after, const QList<Change> &changes, bool newItem)
    {
        m_before = before;
        m_after = after;
        m_newItem = newItem;
        QList<Row> out;
        for (const Change &change : changes) {
            const QList<Segment> path = parsePath(change.path);
            if (path.isEmpty() || path[0].key == u"id" || path[0].key == u"type" || path[0].key == u"state")
                continue; // the state is the workflow's, shown above the rows
            out.append(row(change, path));
        }
        std::stable_sort(out.begin(), out.end(), [](const Row &a, const Row &b) { return a.order < b.order; });
        return out;
    }

private:
    static QColor mix(const QColor &a, const QColor &b, qreal t)
    {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                                float(a.blueF() * (1 - t) + b.blueF() * t));
    }

    static QString tableRow(const QString &label, const QString &html)
    {
        return u"<tr><td valign=\"top\" style=\"padding-right:8px;\"><i>%1</i></td><td style=\"white-space:pre-wrap;\">%2</td></tr>"_s.arg(
            label.toHtmlEscaped(), html.isEmpty() ? u"&nbsp;"_s : html);
    }

    void noteAdded(const QString &text) const
    {
        if (!text.trimmed().isEmpty())
            m_added.append(text.trimmed());
    }
    void noteRemoved(const QString &text) const
    {
        if (!text.trimmed().isEmpty())
            m_removed.append(text.trimmed());
    }
    QString added(const QString &text) const
    {
        noteAdded(text);
        return addedMark(text);
    }
    QString removed(const QString &text) const
    {
        noteRemoved(text);
        return removedMark(text);
    }

    // The entry an [id=…] segment names, and its position, in after or else before.
    struct Entry
    {
        JsonValue value;
        qsizetype position = -1;
    };
    Entry entryAt(const QList<Segment> &path, qsizetype entrySegment) const
    {
        for (const bool useAfter : {true, false}) {
            JsonValue v = useAfter ? m_after : m_before;
            for (qsizetype i = 0; i < entrySegment; ++i)
                v = path[i].isEntry() ? JsonValue() : v[path[i].key];
            const qsizetype at = indexOfId(v, path[entrySegment].key);
            if (at >= 0)
                return Entry{v.toArray()[size_t(at)], at};
        }
        return {};
    }

    QString entryName(const QString &listKey, const Entry &entry) const
    {
        const QString noun = entryNoun(listKey);
        const QString number = QString::number(entry.position + 1);
        if (listKey == u"paragraphs") {
            const auto kind = model::paragraphKindFromString(entry.value[u"kind"_s].toString());
            return kind ? DiffView::tr("%1 %2 (%3)").arg(noun, number, Labels::paragraphKind(*kind)) : DiffView::tr("%1 %2").arg(noun, number);
        }
        QString detail;
        if (listKey == u"assessments")
            detail = choiceName(std::begin(kAssessmentMethods), std::end(kAssessmentMethods), entry.value[u"method"_s].toString());
        else if (!entry.value[u"code"_s].toString().isEmpty())
            detail = entry.value[u"code"_s].toString();
        if (!detail.isEmpty())
            return DiffView::tr("%1 %2 (%3)").arg(noun, number, detail);
        const QString title = entry.value[u"title"_s].toString();
        if (!title.isEmpty())
            return DiffView::tr("%1 %2 \u201c%3\u201d").arg(noun, number, excerpt(title));
        return DiffView::tr("%1 %2").arg(noun, number);
    }

    std::optional<model::Vocabulary> termVocabulary(const QString &key) const
    {
        if (key == u"profession")
            return model::Vocabulary::Profession;
        if (key == u"career_stage")
            return model::Vocabulary::CareerStage;
        if (key == u"parent") {
            const JsonValue term = m_after[u"term"_s].isNull() ? m_before[u"term"_s] : m_after[u"term"_s];
            return model::vocabularyFromString(term[u"vocabulary"_s].toString());
        }
        return std::nullopt;
    }

    QString termTitle(model::Vocabulary vocabulary, const QString &slug) const
    {
        const QString title = m_catalogue ? m_catalogue->termTitle(vocabulary, slug) : QString();
        return title.isEmpty() ? slug : title;
    }

    QString stageTitle(const QString &id) const
    {
        for (const JsonValue &root : {m_after, m_before}) {
            const JsonValue stages = root[u"pathway"_s][u"stages"_s];
            const qsizetype at = indexOfId(stages, id);
            if (at >= 0)
                return stages.toArray()[size_t(at)][u"title"_s].toString();
        }
        return id;
    }

    // A value as a person reads it; key is the member it sits in.
    QString display(const QString &key, const JsonValue &value) const
    {
        switch (value.kind()) {
        case JsonValue::Kind::Null: return {};
        case JsonValue::Kind::Bool: return value.toBool() ? DiffView::tr("Yes") : DiffView::tr("No");
        case JsonValue::Kind::Integer: return QLocale().toString(value.toInteger());
        case JsonValue::Kind::Array: {
            QStringList parts;
            for (const QString &item : listItems(key, value))
                parts.append(item);
            return parts.join(u", "_s);
        }
        case JsonValue::Kind::Object: {
            QStringList parts;
            for (const auto &[member, v] : value.toObject())
                if (member != u"id" && !isEmptyValue(v))
                    parts.append(fieldName(member) + u": "_s + display(member, v));
            return parts.join(u"; "_s);
        }
        case JsonValue::Kind::String: break;
        }
        const QString s = value.toString();
        if (key == u"kind") {
            if (const auto kind = model::paragraphKindFromString(s))
                return Labels::paragraphKind(*kind);
            return choiceName(std::begin(kChoices), std::end(kChoices), s);
        }
        if (key == u"style")
            return choiceName(std::begin(kChoices), std::end(kChoices), s);
        if (key == u"state")
            if (const auto state = model::workflowStateFromString(s))
                return Labels::state(*state);
        if (key == u"method")
            return choiceName(std::begin(kAssessmentMethods), std::end(kAssessmentMethods), s);
        if (key == u"vocabulary")
            if (const auto v = model::vocabularyFromString(s))
                return Labels::vocabulary(*v);
        if (const auto vocabulary = termVocabulary(key); vocabulary && !s.isEmpty())
            return termTitle(*vocabulary, s);
        if (key == u"portal" || key == u"target") {
            const QUuid id(s);
            const QString title = m_catalogue ? m_catalogue->itemTitle(id) : QString();
            return title.isEmpty() ? s : title;
        }
        if (key == u"publish_at" || key == u"unpublish_at") {
            const QDateTime t = QDateTime::fromString(s, Qt::ISODate);
            return t.isValid() ? londonTime(t) : s;
        }
        if (key == u"effective_from" || key == u"effective_to" || key == u"issued" || key == u"date" || key == u"deadline") {
            const QDate d = QDate::fromString(s, Qt::ISODate);
            return d.isValid() ? QLocale().toString(d, u"d MMM yyyy"_s) : s;
        }
        return s;
    }

    // The entries of a list as single lines.
    QStringList listItems(const QString &key, const JsonValue &list) const
    {
        const std::optional<model::Vocabulary> vocabulary = tagVocabulary(key);
        QStringList out;
        for (const JsonValue &e : list.toArray()) {
            QString line;
            if (vocabulary && e.isString())
                line = termTitle(*vocabulary, e.toString());
            else if (key == u"next" && e.isString())
                line = stageTitle(e.toString());
            else if (key == u"links" && e.isObject())
                line = DiffView::tr("%1 (%2)").arg(e[u"title"_s].toString(), e[u"url"_s].toString());
            else if (key == u"attachments" && e.isObject())
                line = DiffView::tr("%1 (%2, %3 bytes)").arg(e[u"name"_s].toString(), e[u"media_type"_s].toString(),
                                                              QLocale().toString(e[u"size"_s].toInteger()));
            else
                line = display(QString(), e);
            out.append(line.replace(u'\n', u' '));
        }
        return out;
    }

    // ---- bodies ----

    // One line of text, old and new, with the changed words marked.
    QString textBody(const QString &a, const QString &b) const
    {
        QString oldHtml, newHtml;
        for (const WordChange &c : model::diffWords(a, b)) {
            switch (c.op) {
            case WordChange::Op::Same:
                oldHtml += c.text.toHtmlEscaped();
                newHtml += c.text.toHtmlEscaped();
                break;
            case WordChange::Op::Removed: oldHtml += removed(c.text); break;
            case WordChange::Op::Added: newHtml += added(c.text); break;
            }
        }
        QString html;
        if (!a.isEmpty())
            html += tableRow(b.isEmpty() ? DiffView::tr("Removed:") : DiffView::tr("Before:"), oldHtml);
        if (!b.isEmpty())
            html += tableRow(a.isEmpty() ? DiffView::tr("Added:") : DiffView::tr("After:"), newHtml);
        return html;
    }

    // Multi-line text: the changed lines with a line of context either side; a changed line
    // is paired with its replacement, so only the words that changed are marked.
    QString linesBody(const QList<LineChange> &lines) const
    {
        const qsizetype n = lines.size();
        std::vector<bool> shown(size_t(n), false);
        for (qsizetype i = 0; i < n; ++i) {
            if (lines[i].op == LineChange::Op::Same)
                continue;
            for (qsizetype k = std::max<qsizetype>(0, i - kContextLines); k <= std::min(n - 1, i + kContextLines); ++k)
                shown[size_t(k)] = true;
        }
        QString html;
        qsizetype i = 0;
        while (i < n) {
            if (!shown[size_t(i)]) {
                qsizetype skipped = 0;
                while (i < n && !shown[size_t(i)]) {
                    ++skipped;
                    ++i;
                }
                html += tableRow(QString(), u"<i>%1</i>"_s.arg(DiffView::tr("\u22ef %n unchanged line(s)", nullptr, int(skipped)).toHtmlEscaped()));
                continue;
            }
            if (lines[i].op == LineChange::Op::Same) {
                html += tableRow(QString(), lines[i].line.toHtmlEscaped());
                ++i;
                continue;
            }
            QStringList gone, come;
            for (; i < n && lines[i].op != LineChange::Op::Same; ++i)
                (lines[i].op == LineChange::Op::Removed ? gone : come).append(lines[i].line);
            QStringList oldHtml, newHtml;
            for (qsizetype k = 0; k < std::max(gone.size(), come.size()); ++k) {
                if (k < gone.size() && k < come.size()) {
                    QString o, nw;
                    for (const WordChange &c : model::diffWords(gone[k], come[k])) {
                        if (c.op == WordChange::Op::Same) {
                            o += c.text.toHtmlEscaped();
                            nw += c.text.toHtmlEscaped();
                        } else if (c.op == WordChange::Op::Removed) {
                            o += removed(c.text);
                        } else {
                            nw += added(c.text);
                        }
                    }
                    oldHtml.append(o);
                    newHtml.append(nw);
                } else if (k < gone.size()) {
                    oldHtml.append(gone[k].isEmpty() ? QString() : removed(gone[k]));
                } else {
                    newHtml.append(come[k].isEmpty() ? QString() : added(come[k]));
                }
            }
            // A line without a partner was removed or added whole; the others are before and after.
            for (qsizetype k = 0; k < oldHtml.size(); ++k)
                html += tableRow(k < come.size() ? DiffView::tr("Before:") : DiffView::tr("Removed:"), oldHtml[k]);
            for (qsizetype k = 0; k < newHtml.size(); ++k)
                html += tableRow(k < gone.size() ? DiffView::tr("After:") : DiffView::tr("Added:"), newHtml[k]);
        }
        return html;
    }

    QString listBody(const QString &key, const JsonValue &a, const JsonValue &b) const
    {
        const QStringList before = listItems(key, a);
        const QStringList after = listItems(key, b);
        QString html;
        for (const LineChange &c : model::diffLines(before.join(u'\n'), after.join(u'\n'))) {
            if (c.op == LineChange::Op::Removed)
                html += tableRow(DiffView::tr("Removed:"), removed(c.line));
            else if (c.op == LineChange::Op::Added)
                html += tableRow(DiffView::tr("Added:"), added(c.line));
        }
        if (key == u"regions" && after.isEmpty() && !before.isEmpty())
            html += tableRow(DiffView::tr("Now:"), DiffView::tr("National (no region)").toHtmlEscaped());
        return html;
    }

    QString wholeValueBody(const QString &key, const JsonValue &a, const JsonValue &b) const
    {
        const QString before = display(key, a);
        const QString after = display(key, b);
        QString html;
        if (!before.isEmpty())
            html += tableRow(after.isEmpty() ? DiffView::tr("Removed:") : DiffView::tr("Before:"), removed(before));
        if (!after.isEmpty())
            html += tableRow(before.isEmpty() ? DiffView::tr("Added:") : DiffView::tr("After:"), added(after));
        return html;
    }

    QString valueBody(const QString &key, const JsonValue &a, const JsonValue &b, const QList<LineChange> &lines) const
    {
        if ((a.isArray() || a.isNull()) && (b.isArray() || b.isNull()) && !(a.isNull() && b.isNull()))
            return listBody(key, a, b);
        if (a.isObject() || b.isObject())
            return wholeEntryBody(QString(), a.isObject() ? a : b, b.isObject());
        const bool text = (a.isString() || a.isNull()) && (b.isString() || b.isNull()) && !isWholeValue(key);
        if (!text)
            return wholeValueBody(key, a, b);
        const QString before = a.toString();
        const QString after = b.toString();
        if (!lines.isEmpty())
            return linesBody(lines);
        if (before.contains(u'\n') || after.contains(u'\n'))
            return linesBody(model::diffLines(before, after));
        return textBody(before, after);
    }

    // A whole entry added or removed: each of its members, marked.
    QString wholeEntryBody(const QString &listKey, const JsonValue &entry, bool isAdded) const
    {
        QStringList keys;
        std::optional<model::ParagraphKind> kind;
        QString main;
        if (listKey == u"paragraphs") {
            kind = model::paragraphKindFromString(entry[u"kind"_s].toString());
            if (kind) {
                keys = paragraphFields(*kind);
                main = mainParagraphField(*kind);
            }
        }
        if (keys.isEmpty()) {
            for (const auto &[member, v] : entry.toObject())
                if (member != u"id")
                    keys.append(member);
            std::stable_sort(keys.begin(), keys.end(), [](const QString &x, const QString &y) { return keyRank(x) < keyRank(y); });
        }
        const QString verb = isAdded ? DiffView::tr("Added:") : DiffView::tr("Removed:");
        QString html;
        for (const QString &key : keys) {
            const JsonValue v = entry[key];
            if (isEmptyValue(v))
                continue;
            const QString label = key == main ? verb : (kind ? paragraphFieldName(kind, key) : fieldName(key)) + u':';
            QStringList lines;
            if (v.isString() && !isWholeValue(key))
                lines = v.toString().split(u'\n');
            else if (v.isArray())
                lines = listItems(key, v);
            else
                lines = {display(key, v)};
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QString &line = lines[i];
                const QString mark = line.isEmpty() ? QString() : (isAdded ? added(line) : removed(line));
                html += tableRow(i == 0 ? label : QString(), mark);
            }
        }
        return html;
    }

    // ---- one change ----

    Row row(const Change &change, const QList<Segment> &path) const
    {
        Row r;
        QString entity;       // "Paragraph 3 (Text)", "Title"
        QString field;        // the member inside an entry, as in a heading ("Duration (months)")
        QString fieldNoun;    // the same in a sentence ("duration (months)"); "text" for a paragraph's content
        QString listKey;      // the list of the entry named, if any
        QString lastKey;      // the member that changed
        bool wholeEntry = false;

        r.order.append(keyRank(path[0].key));
        qsizetype i = 0;
        const bool typeFields = model::itemTypeFromString(path[0].key).has_value();
        if (typeFields)
            i = 1; // "pathway.stages…": named without the type
        if (!typeFields && path.size() == 2 && !path[1].isEntry() && (path[0].key == u"tags" || path[0].key == u"schedule" || path[0].key == u"meta")) {
            lastKey = path[1].key;
            if (path[0].key == u"tags") {
                const auto v = tagVocabulary(lastKey);
                entity = v ? Labels::vocabularyPlural(*v) : fieldName(lastKey);
            } else if (path[0].key == u"meta" && lastKey == u"description") {
                entity = DiffView::tr("Search description");
            } else {
                entity = fieldName(lastKey);
            }
            r.order.append(keyRank(lastKey));
            i = path.size();
        }
        std::optional<model::ParagraphKind> paragraphKind;
        for (; i < path.size(); ++i) {
            const Segment &s = path[i];
            if (s.isEntry())
                continue;
            const bool last = i + 1 == path.size();
            if (!last && path[i + 1].isEntry()) {
                listKey = s.key;
                const Entry entry = entryAt(path, i + 1);
                entity = entryName(s.key, entry);
                if (i > 0)
                    r.order.append(keyRank(s.key));
                r.order.append(int(entry.position));
                if (listKey == u"paragraphs")
                    paragraphKind = model::paragraphKindFromString(entry.value[u"kind"_s].toString());
                wholeEntry = i + 2 == path.size();
                ++i;
                continue;
            }
            lastKey = s.key;
            if (i > 0)
                r.order.append(keyRank(s.key));
            if (entity.isEmpty()) {
                entity = fieldName(s.key);
            } else if (listKey == u"paragraphs") {
                if (paragraphKind && mainParagraphField(*paragraphKind) == s.key) {
                    // The paragraph's content: named by the paragraph, its kind in a sentence.
                    fieldNoun = s.key == u"markdown" || s.key == u"text" ? DiffView::tr("text") : lowerFirst(fieldName(s.key));
                } else {
                    field = paragraphFieldName(paragraphKind, s.key);
                    fieldNoun = lowerFirst(field);
                }
            } else {
                field = field.isEmpty() ? fieldName(s.key) : field + u": "_s + lowerFirst(fieldName(s.key));
                fieldNoun = lowerFirst(field);
            }
        }

        // What happened, in words.
        JsonValue before = change.before;
        const JsonValue &after = change.after;
        if (m_newItem && change.kind == Change::Kind::Changed)
            before = JsonValue();
        QString verb;
        QString body;
        if (change.kind == Change::Kind::Moved) {
            const qint64 from = change.before.toInteger() + 1;
            const qint64 to = change.after.toInteger() + 1;
            verb = DiffView::tr("moved from position %1 to %2").arg(from).arg(to);
            const Entry entry = entryAt(path, path.size() - 1);
            QString text;
            for (const QString &key : {u"title"_s, u"text"_s, u"markdown"_s, u"code"_s, u"description"_s}) {
                text = excerpt(entry.value[key].toString());
                if (!text.isEmpty())
                    break;
            }
            body = tableRow(DiffView::tr("Moved:"), DiffView::tr("from position %1 to position %2").arg(from).arg(to).toHtmlEscaped());
            if (!text.isEmpty())
                body += tableRow(DiffView::tr("Begins:"), text.toHtmlEscaped());
        } else if (wholeEntry) {
            const bool isAdded = before.isNull();
            verb = isAdded ? DiffView::tr("added") : DiffView::tr("removed");
            body = wholeEntryBody(listKey, isAdded ? after : before, isAdded);
        } else {
            if (isEmptyValue(before) && !isEmptyValue(after))
                verb = DiffView::tr("added");
            else if (!isEmptyValue(before) && isEmptyValue(after))
                verb = DiffView::tr("removed");
            else
                verb = DiffView::tr("changed");
            body = valueBody(lastKey, before, after, m_newItem ? QList<LineChange>() : change.lines);
        }

        if (wholeEntry || change.kind == Change::Kind::Moved)
            r.summary = DiffView::tr("%1: %2").arg(entity, verb);
        else if (!fieldNoun.isEmpty())
            r.summary = DiffView::tr("%1: %2 %3").arg(entity, fieldNoun, verb);
        else
            r.summary = DiffView::tr("%1 %2").arg(entity, verb);
        r.body = body;
        r.added = std::exchange(m_added, {});
        r.removed = std::exchange(m_removed, {});
        return r;
    }

    const ItemCatalogue *m_catalogue;
    // The words marked in the row being built (the helpers that mark them are const).
    mutable QStringList m_added;
    mutable QStringList m_removed;
    QString m_removedStyle;
    QString m_addedStyle;
    JsonValue m_before;
    JsonValue m_after;
    bool m_newItem = false;
};

} // namespace

DiffView::DiffView(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(u"diffView"_s);
    setAccessibleName(tr("Changes"));
    setOpenLinks(false);
    setReadOnly(true);
}

void DiffView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // The marks are tints of the palette's base: drawn again for a new one (a dark theme).
    if (event->type() == QEvent::PaletteChange && m_shown)
        showDiff(m_shown->before, m_shown->after, m_shown->beforeLabel, m_shown->afterLabel);
}

void DiffView::showMessage(const QString &text)
{
    m_shown.reset();
    m_summaries.clear();
    m_added.clear();
    m_removed.clear();
    setHtml(u"<p>%1</p>"_s.arg(text.toHtmlEscaped()));
    setAccessibleDescription(text);
}

void DiffView::showDiff(const std::optional<model::Item> &before, const model::Item &after, const QString &beforeLabel,
                        const QString &afterLabel)
{
    if (!m_shown || &m_shown->after != &after)
        m_shown = Shown{before, after, beforeLabel, afterLabel};
    m_summaries.clear();
    m_added.clear();
    m_removed.clear();

    const bool newItem = !before.has_value();
    model::Item base = before.value_or(model::Item::create(after.type(), after.id));
    if (newItem)
        base.state = after.state;
    const JsonValue beforeJson = model::itemToJson(base);
    const JsonValue afterJson = model::itemToJson(after);

    DiffBuilder builder(m_catalogue, palette());
    const QList<Row> rows = builder.rows(beforeJson, afterJson, model::diffJson(beforeJson, afterJson), newItem);

    QString html = u"<html><body>"_s;
    if (newItem)
        html += u"<p><b>%1</b></p>"_s.arg(tr("New item: everything in %1 is added.").arg(afterLabel).toHtmlEscaped());
    else
        html += u"<p><b>%1</b></p>"_s.arg(tr("Changes from %1 to %2").arg(beforeLabel, afterLabel).toHtmlEscaped());
    if (!newItem && base.state != after.state)
        html += u"<p>%1</p>"_s.arg(tr("Workflow state: %1 \u2192 %2").arg(Labels::state(base.state), Labels::state(after.state)).toHtmlEscaped());
    if (rows.isEmpty()) {
        html += u"<p>%1</p>"_s.arg((newItem ? tr("The item is empty.") : tr("No differences in the content.")).toHtmlEscaped());
    } else {
        html += u"<p>%1</p>"_s.arg(tr("Removed text is %1; added text is %2.")
                                        .toHtmlEscaped()
                                        .arg(builder.removedMark(tr("struck through")), builder.addedMark(tr("underlined"))));
        for (const Row &row : rows) {
            m_summaries.append(row.summary);
            m_added += row.added;
            m_removed += row.removed;
            html += u"<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"2\">%2</table>"_s.arg(row.summary.toHtmlEscaped(), row.body);
        }
    }
    html += u"</body></html>"_s;
    setHtml(html);
    // Marks are styles a screen reader does not speak: the description names the words.
    QStringList description{m_summaries.isEmpty() ? tr("No differences") : m_summaries.join(u"; "_s)};
    if (!m_added.isEmpty())
        description << tr("Added: %1").arg(m_added.join(u" … "_s));
    if (!m_removed.isEmpty())
        description << tr("Removed: %1").arg(m_removed.join(u" … "_s));
    setAccessibleDescription(description.join(u". "_s));
}

} // namespace carta::app
