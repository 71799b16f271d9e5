// Items: enum names, construction, JSON mapping with field paths, canonical bytes, revision ids.
#include "item.h"

#include "json.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace carta::model {

namespace {

template<typename E, size_t N>
struct EnumNames
{
    std::array<std::pair<E, const char16_t *>, N> entries;

    QString name(E e) const
    {
        for (const auto &[value, text] : entries)
            if (value == e)
                return QString::fromUtf16(text);
        Q_UNREACHABLE();
        return QString();
    }
    std::optional<E> parse(const QString &s) const
    {
        for (const auto &[value, text] : entries)
            if (s == QStringView(text))
                return value;
        return std::nullopt;
    }
    QString list() const
    {
        QStringList names;
        for (const auto &entry : entries)
            names.append(QString::fromUtf16(entry.second));
        return names.join(QStringLiteral(", "));
    }
    QList<E> values() const
    {
        QList<E> out;
        for (const auto &entry : entries)
            out.append(entry.first);
        return out;
    }
};

const EnumNames<ItemType, 10> kItemTypes{{{
    {ItemType::Curriculum, u"curriculum"}, {ItemType::Pathway, u"pathway"}, {ItemType::Page, u"page"},
    {ItemType::Resource, u"resource"}, {ItemType::News, u"news"}, {ItemType::FundingGuide, u"funding_guide"},
    {ItemType::Policy, u"policy"}, {ItemType::Portal, u"portal"}, {ItemType::Bulletin, u"bulletin"},
    {ItemType::Term, u"term"},
}}};
const EnumNames<WorkflowState, 6> kStates{{{
    {WorkflowState::Draft, u"draft"}, {WorkflowState::InReview, u"in_review"},
    {WorkflowState::ChangesRequested, u"changes_requested"}, {WorkflowState::Approved, u"approved"},
    {WorkflowState::Published, u"published"}, {WorkflowState::Archived, u"archived"},
}}};
const EnumNames<Vocabulary, 5> kVocabularies{{{
    {Vocabulary::Profession, u"profession"}, {Vocabulary::Specialty, u"specialty"}, {Vocabulary::Region, u"region"},
    {Vocabulary::CareerStage, u"career_stage"}, {Vocabulary::ClinicalArea, u"clinical_area"},
}}};
const EnumNames<ParagraphKind, 8> kParagraphKinds{{{
    {ParagraphKind::Text, u"text"}, {ParagraphKind::Heading, u"heading"},
    {ParagraphKind::LearningOutcomes, u"learning_outcomes"}, {ParagraphKind::Callout, u"callout"},
    {ParagraphKind::LinkList, u"link_list"}, {ParagraphKind::PolicyRef, u"policy_ref"},
    {ParagraphKind::ResourceRef, u"resource_ref"}, {ParagraphKind::PathwayRef, u"pathway_ref"},
}}};
const EnumNames<CalloutStyle, 3> kCalloutStyles{{{
    {CalloutStyle::Info, u"info"}, {CalloutStyle::Warning, u"warning"}, {CalloutStyle::Important, u"important"},
}}};
const EnumNames<PageKind, 4> kPageKinds{{{
    {PageKind::Landing, u"landing"}, {PageKind::RegionalHub, u"regional_hub"},
    {PageKind::ProfessionLanding, u"profession_landing"}, {PageKind::Home, u"home"},
}}};
const EnumNames<NewsKind, 2> kNewsKinds{{{
    {NewsKind::News, u"news"}, {NewsKind::TrainingOfficeUpdate, u"training_office_update"},
}}};
const EnumNames<AssessmentMethod, 9> kAssessmentMethods{{{
    {AssessmentMethod::WorkplaceBased, u"workplace_based"}, {AssessmentMethod::Examination, u"examination"},
    {AssessmentMethod::Portfolio, u"portfolio"}, {AssessmentMethod::Arcp, u"arcp"}, {AssessmentMethod::Dops, u"dops"},
    {AssessmentMethod::MiniCex, u"mini_cex"}, {AssessmentMethod::CaseBasedDiscussion, u"case_based_discussion"},
    {AssessmentMethod::MultiSourceFeedback, u"multi_source_feedback"}, {AssessmentMethod::Osce, u"osce"},
}}};

const QTimeZone &londonZone()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/London"));
    return zone;
}

QString formatDate(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy-MM-dd"));
}

QString formatDateTime(const QDateTime &utcOrAny)
{
    const QDateTime london = utcOrAny.toTimeZone(londonZone());
    const int offset = london.offsetFromUtc();
    const int absMinutes = std::abs(offset) / 60;
    return london.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
        + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2").arg(absMinutes / 60, 2, 10, QLatin1Char('0')).arg(absMinutes % 60, 2, 10, QLatin1Char('0'));
}

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Reads the members of one JSON object into typed fields, recording an Issue with the
// field path for every missing, mistyped or unknown member.
class ObjectReader
{
public:
    ObjectReader(const JsonValue &value, QString path, Issues &issues)
        : m_value(value), m_path(std::move(path)), m_issues(issues)
    {
        if (!value.isObject()) {
            m_valid = false;
            fail(m_path, QStringLiteral("must be an object, not %1").arg(JsonValue::kindName(value.kind())));
        }
    }

    [[nodiscard]] bool valid() const { return m_valid; }
    [[nodiscard]] QString path(const QString &key) const { return joinPath(m_path, key); }

    void fail(const QString &where, const QString &message) { m_issues.append(Issue{where, message}); }

    // The member's value, or null (with an issue when required) when absent.
    JsonValue take(const QString &key, bool required)
    {
        m_used.append(key);
        if (!m_valid)
            return {};
        const JsonObject &object = m_value.toObject();
        auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                fail(path(key), QStringLiteral("is required"));
            return {};
        }
        return it->second;
    }

    bool expect(const JsonValue &v, JsonValue::Kind kind, const QString &key)
    {
        if (v.kind() == kind)
            return true;
        fail(path(key), QStringLiteral("must be %1, not %2").arg(JsonValue::kindName(kind), JsonValue::kindName(v.kind())));
        return false;
    }

    void string(const QString &key, QString &out, bool required = false)
    {
        const JsonValue v = take(key, required);
        if (v.isNull())
            return;
        if (expect(v, JsonValue::Kind::String, key))
            out = v.toString();
    }

    void integer(const QString &key, int &out, bool required = false)
    {
        const JsonValue v = take(key, required);
        if (v.isNull() || !expect(v, JsonValue::Kind::Integer, key))
            return;
        if (v.toInteger() < std::numeric_limits<int>::min() || v.toInteger() > std::numeric_limits<int>::max())
            fail(path(key), QStringLiteral("is out of range"));
        else
            out = static_cast<int>(v.toInteger());
    }

    void integer64(const QString &key, qint64 &out, bool required = false)
    {
        const JsonValue v = take(key, required);
        if (!v.isNull() && expect(v, JsonValue::Kind::Integer, key))
            out = v.toInteger();
    }

    void stringList(const QString &key, QStringList &out)
    {
        const JsonValue v = take(key, false);
        if (v.isNull() || !expect(v, JsonValue::Kind::Array, key))
            return;
        qsizetype i = 0;
        for (const JsonValue &e : v.toArray()) {
            if (e.isString())
                out.append(e.toString());
            else
                fail(indexPath(path(key), i), QStringLiteral("must be a string, not %1").arg(JsonValue::kindName(e.kind())));
            ++i;
        }
    }

    void date(const QString &key, QDate &out, bool required = false)
    {
        std::optional<QDate> d;
        optionalDate(key, d, required);
        if (d)
            out = *d;
    }

    void optionalDate(const QString &key, std::optional<QDate> &out, bool required = false)
    {
        const JsonValue v = take(key, required);
        if (v.isNull() || !expect(v, JsonValue::Kind::String, key))
            return;
        static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}\\z"));
        const QDate d = QDate::fromString(v.toString(), QStringLiteral("yyyy-MM-dd"));
        if (!pattern.match(v.toString()).hasMatch() || !d.isValid())
            fail(path(key), QStringLiteral("must be a date as YYYY-MM-DD"));
        else
            out = d;
    }

    void optionalDateTime(const QString &key, std::optional<QDateTime> &out)
    {
        const JsonValue v = take(key, false);
        if (v.isNull() || !expect(v, JsonValue::Kind::String, key))
            return;
        static const QRegularExpression pattern(
            QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})\\z"));
        const QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODate);
        if (!pattern.match(v.toString()).hasMatch() || !dt.isValid())
            fail(path(key), QStringLiteral("must be a date and time as YYYY-MM-DDTHH:MM:SS+HH:MM"));
        else
            out = dt.toTimeZone(londonZone());
    }

    void uuid(const QString &key, QUuid &out, bool required = false)
    {
        const JsonValue v = take(key, required);
        if (v.isNull() || !expect(v, JsonValue::Kind::String, key))
            return;
        static const QRegularExpression pattern(
            QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z"));
        if (!pattern.match(v.toString()).hasMatch())
            fail(path(key), QStringLiteral("must be a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e"));
        else
            out = QUuid::fromString(v.toString());
    }

    template<typename E, size_t N>
    void enumeration(const QString &key, E &out, const EnumNames<E, N> &names, bool required = false)
    {
        const JsonValue v = take(key, required);
        if (v.isNull() || !expect(v, JsonValue::Kind::String, key))
            return;
        if (auto e = names.parse(v.toString()))
            out = *e;
        else
            fail(path(key), QStringLiteral("unknown value \"%1\"; expected one of: %2").arg(v.toString(), names.list()));
    }

    // Calls read(element, elementPath) for every element of an array member.
    template<typename F>
    void array(const QString &key, F read)
    {
        const JsonValue v = take(key, false);
        if (v.isNull() || !expect(v, JsonValue::Kind::Array, key))
            return;
        qsizetype i = 0;
        for (const JsonValue &e : v.toArray())
            read(e, indexPath(path(key), i++));
    }

    // Reports members nobody asked for.
    void finish(const QString &what = QString())
    {
        if (!m_valid)
            return;
        for (const auto &[key, value] : m_value.toObject()) {
            if (!m_used.contains(key))
                fail(path(key), what.isEmpty() ? QStringLiteral("unknown field")
                                               : QStringLiteral("not a field of %1").arg(what));
        }
    }

private:
    JsonValue m_value;
    QString m_path;
    Issues &m_issues;
    QStringList m_used;
    bool m_valid = true;
};

JsonValue toJson(const QStringList &list)
{
    JsonArray a;
    a.reserve(static_cast<size_t>(list.size()));
    for (const QString &s : list)
        a.emplace_back(s);
    return JsonValue(std::move(a));
}
JsonValue toJson(const QUuid &id) { return id.isNull() ? JsonValue() : JsonValue(idString(id)); }
JsonValue toJson(const QDate &d) { return d.isValid() ? JsonValue(formatDate(d)) : JsonValue(); }
JsonValue toJson(const std::optional<QDate> &d) { return d ? toJson(*d) : JsonValue(); }
JsonValue toJson(const std::optional<QDateTime> &dt) { return dt ? JsonValue(formatDateTime(*dt)) : JsonValue(); }

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

// ---- paragraphs -------------------------------------------------------------------

void readParagraph(const JsonValue &json, const QString &path, Issues &issues, Paragraph &p)
{
    ObjectReader r(json, path, issues);
    if (!r.valid())
        return;
    r.string(QStringLiteral("id"), p.id, true);
    r.enumeration(QStringLiteral("kind"), p.kind, kParagraphKinds, true);
    switch (p.kind) {
    case ParagraphKind::Text:
        r.string(QStringLiteral("markdown"), p.markdown);
        break;
    case ParagraphKind::Heading:
        r.string(QStringLiteral("text"), p.text);
        r.integer(QStringLiteral("level"), p.level);
        break;
    case ParagraphKind::LearningOutcomes:
        r.string(QStringLiteral("text"), p.text);
        r.stringList(QStringLiteral("outcome_codes"), p.outcomeCodes);
        break;
    case ParagraphKind::Callout:
        r.string(QStringLiteral("text"), p.text);
        r.string(QStringLiteral("markdown"), p.markdown);
        r.enumeration(QStringLiteral("style"), p.style, kCalloutStyles);
        break;
    case ParagraphKind::LinkList:
        r.string(QStringLiteral("text"), p.text);
        r.array(QStringLiteral("links"), [&](const JsonValue &e, const QString &ePath) {
            Link link;
            ObjectReader lr(e, ePath, issues);
            lr.string(QStringLiteral("title"), link.title, true);
            lr.string(QStringLiteral("url"), link.url, true);
            lr.finish();
            p.links.append(link);
        });
        break;
    case ParagraphKind::PolicyRef:
    case ParagraphKind::ResourceRef:
    case ParagraphKind::PathwayRef:
        r.uuid(QStringLiteral("target"), p.target, true);
        break;
    }
    r.finish(QStringLiteral("a %1 paragraph").arg(toString(p.kind)));
}

JsonValue paragraphToJson(const Paragraph &p)
{
    JsonObject o;
    o[QStringLiteral("id")] = p.id;
    o[QStringLiteral("kind")] = toString(p.kind);
    switch (p.kind) {
    case ParagraphKind::Text:
        o[QStringLiteral("markdown")] = p.markdown;
        break;
    case ParagraphKind::Heading:
        o[QStringLiteral("text")] = p.text;
        o[QStringLiteral("level")] = p.level;
        break;
    case ParagraphKind::LearningOutcomes:
        o[QStringLiteral("text")] = p.text;
        o[QStringLiteral("outcome_codes")] = toJson(p.outcomeCodes);
        break;
    case ParagraphKind::Callout:
        o[QStringLiteral("text")] = p.text;
        o[QStringLiteral("markdown")] = p.markdown;
        o[QStringLiteral("style")] = toString(p.style);
        break;
    case ParagraphKind::LinkList: {
        o[QStringLiteral("text")] = p.text;
        JsonArray links;
        for (const Link &l : p.links)
            links.emplace_back(JsonObject{{QStringLiteral("title"), l.title}, {QStringLiteral("url"), l.url}});
        o[QStringLiteral("links")] = JsonValue(std::move(links));
        break;
    }
    case ParagraphKind::PolicyRef:
    case ParagraphKind::ResourceRef:
    case ParagraphKind::PathwayRef:
        o[QStringLiteral("target")] = toJson(p.target);
        break;
    }
    return JsonValue(std::move(o));
}

// ---- type fields ------------------------------------------------------------------

void readFields(ObjectReader &r, CurriculumFields &f, Issues &issues)
{
    r.string(QStringLiteral("version"), f.version);
    r.date(QStringLiteral("effective_from"), f.effectiveFrom);
    r.optionalDate(QStringLiteral("effective_to"), f.effectiveTo);
    r.array(QStringLiteral("learning_outcomes"), [&](const JsonValue &e, const QString &path) {
        LearningOutcome lo;
        ObjectReader o(e, path, issues);
        o.string(QStringLiteral("id"), lo.id, true);
        o.string(QStringLiteral("code"), lo.code, true);
        o.string(QStringLiteral("title"), lo.title, true);
        o.string(QStringLiteral("description"), lo.description);
        o.finish();
        f.learningOutcomes.append(lo);
    });
    r.array(QStringLiteral("competencies"), [&](const JsonValue &e, const QString &path) {
        Competency c;
        ObjectReader o(e, path, issues);
        o.string(QStringLiteral("id"), c.id, true);
        o.string(QStringLiteral("code"), c.code, true);
        o.string(QStringLiteral("title"), c.title, true);
        o.string(QStringLiteral("description"), c.description);
        o.stringList(QStringLiteral("outcome_codes"), c.outcomeCodes);
        o.finish();
        f.competencies.append(c);
    });
    r.array(QStringLiteral("assessments"), [&](const JsonValue &e, const QString &path) {
        Assessment a;
        ObjectReader o(e, path, issues);
        o.string(QStringLiteral("id"), a.id, true);
        o.enumeration(QStringLiteral("method"), a.method, kAssessmentMethods, true);
        o.string(QStringLiteral("description"), a.description);
        o.finish();
        f.assessments.append(a);
    });
}

JsonValue fieldsToJson(const CurriculumFields &f)
{
    JsonArray outcomes, competencies, assessments;
    for (const LearningOutcome &lo : f.learningOutcomes)
        outcomes.emplace_back(JsonObject{{QStringLiteral("id"), lo.id}, {QStringLiteral("code"), lo.code},
                                         {QStringLiteral("title"), lo.title}, {QStringLiteral("description"), lo.description}});
    for (const Competency &c : f.competencies)
        competencies.emplace_back(JsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("code"), c.code},
                                             {QStringLiteral("title"), c.title}, {QStringLiteral("description"), c.description},
                                             {QStringLiteral("outcome_codes"), toJson(c.outcomeCodes)}});
    for (const Assessment &a : f.assessments)
        assessments.emplace_back(JsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("method"), toString(a.method)},
                                            {QStringLiteral("description"), a.description}});
    return JsonObject{
        {QStringLiteral("version"), f.version},
        {QStringLiteral("effective_from"), toJson(f.effectiveFrom)},
        {QStringLiteral("effective_to"), toJson(f.effectiveTo)},
        {QStringLiteral("learning_outcomes"), JsonValue(std::move(outcomes))},
        {QStringLiteral("competencies"), JsonValue(std::move(competencies))},
        {QStringLiteral("assessments"), JsonValue(std::move(assessments))},
    };
}

void readFields(ObjectReader &r, PathwayFields &f, Issues &issues)
{
    r.string(QStringLiteral("profession"), f.profession);
    r.array(QStringLiteral("stages"), [&](const JsonValue &e, const QString &path) {
        PathwayStage s;
        ObjectReader o(e, path, issues);
        o.string(QStringLiteral("id"), s.id, true);
        o.string(QStringLiteral("title"), s.title, true);
        o.string(QStringLiteral("career_stage"), s.careerStage, true);
        o.integer(QStringLiteral("duration_months"), s.durationMonths, true);
        o.string(QStringLiteral("entry_requirements"), s.entryRequirements);
        o.uuid(QStringLiteral("portal"), s.portal);
        o.string(QStringLiteral("recruitment_window"), s.recruitmentWindow);
        o.stringList(QStringLiteral("next"), s.next);
        o.finish();
        f.stages.append(s);
    });
}

JsonValue fieldsToJson(const PathwayFields &f)
{
    JsonArray stages;
    for (const PathwayStage &s : f.stages)
        stages.emplace_back(JsonObject{
            {QStringLiteral("id"), s.id}, {QStringLiteral("title"), s.title},
            {QStringLiteral("career_stage"), s.careerStage}, {QStringLiteral("duration_months"), s.durationMonths},
            {QStringLiteral("entry_requirements"), s.entryRequirements}, {QStringLiteral("portal"), toJson(s.portal)},
            {QStringLiteral("recruitment_window"), s.recruitmentWindow}, {QStringLiteral("next"), toJson(s.next)}});
    return JsonObject{{QStringLiteral("profession"), f.profession}, {QStringLiteral("stages"), JsonValue(std::move(stages))}};
}

void readFields(ObjectReader &r, PageFields &f, Issues &)
{
    r.enumeration(QStringLiteral("kind"), f.kind, kPageKinds);
}
JsonValue fieldsToJson(const PageFields &f)
{
    return JsonObject{{QStringLiteral("kind"), toString(f.kind)}};
}

void readFields(ObjectReader &r, ResourceFields &f, Issues &)
{
    r.date(QStringLiteral("issued"), f.issued);
    r.string(QStringLiteral("publisher"), f.publisher);
}
JsonValue fieldsToJson(const ResourceFields &f)
{
    return JsonObject{{QStringLiteral("issued"), toJson(f.issued)}, {QStringLiteral("publisher"), f.publisher}};
}

void readFields(ObjectReader &r, NewsFields &f, Issues &)
{
    r.date(QStringLiteral("date"), f.date);
    r.enumeration(QStringLiteral("kind"), f.kind, kNewsKinds);
}
JsonValue fieldsToJson(const NewsFields &f)
{
    return JsonObject{{QStringLiteral("date"), toJson(f.date)}, {QStringLiteral("kind"), toString(f.kind)}};
}

void readFields(ObjectReader &r, FundingGuideFields &f, Issues &)
{
    r.string(QStringLiteral("funding_body"), f.fundingBody);
    r.optionalDate(QStringLiteral("deadline"), f.deadline);
    r.string(QStringLiteral("eligibility"), f.eligibility);
}
JsonValue fieldsToJson(const FundingGuideFields &f)
{
    return JsonObject{{QStringLiteral("funding_body"), f.fundingBody}, {QStringLiteral("deadline"), toJson(f.deadline)},
                      {QStringLiteral("eligibility"), f.eligibility}};
}

void readFields(ObjectReader &r, PolicyFields &f, Issues &)
{
    r.string(QStringLiteral("reference"), f.reference);
    r.date(QStringLiteral("effective_from"), f.effectiveFrom);
}
JsonValue fieldsToJson(const PolicyFields &f)
{
    return JsonObject{{QStringLiteral("reference"), f.reference}, {QStringLiteral("effective_from"), toJson(f.effectiveFrom)}};
}

void readFields(ObjectReader &r, PortalFields &f, Issues &)
{
    r.string(QStringLiteral("url"), f.url);
    r.string(QStringLiteral("purpose"), f.purpose);
}
JsonValue fieldsToJson(const PortalFields &f)
{
    return JsonObject{{QStringLiteral("url"), f.url}, {QStringLiteral("purpose"), f.purpose}};
}

void readFields(ObjectReader &r, BulletinFields &f, Issues &)
{
    r.string(QStringLiteral("subject"), f.subject);
}
JsonValue fieldsToJson(const BulletinFields &f)
{
    return JsonObject{{QStringLiteral("subject"), f.subject}};
}

void readFields(ObjectReader &r, TermFields &f, Issues &)
{
    r.enumeration(QStringLiteral("vocabulary"), f.vocabulary, kVocabularies, true);
    r.string(QStringLiteral("parent"), f.parent);
    r.integer(QStringLiteral("order"), f.order);
    r.uuid(QStringLiteral("portal"), f.portal);
}
JsonValue fieldsToJson(const TermFields &f)
{
    return JsonObject{{QStringLiteral("vocabulary"), toString(f.vocabulary)}, {QStringLiteral("parent"), f.parent},
                      {QStringLiteral("order"), f.order}, {QStringLiteral("portal"), toJson(f.portal)}};
}

TypeFields emptyFields(ItemType type)
{
    switch (type) {
    case ItemType::Curriculum: return CurriculumFields{};
    case ItemType::Pathway: return PathwayFields{};
    case ItemType::Page: return PageFields{};
    case ItemType::Resource: return ResourceFields{};
    case ItemType::News: return NewsFields{};
    case ItemType::FundingGuide: return FundingGuideFields{};
    case ItemType::Policy: return PolicyFields{};
    case ItemType::Portal: return PortalFields{};
    case ItemType::Bulletin: return BulletinFields{};
    case ItemType::Term: return TermFields{};
    }
    Q_UNREACHABLE();
        return TypeFields{};
}

const QString kTagKeys[] = {QStringLiteral("professions"), QStringLiteral("specialties"), QStringLiteral("regions"),
                            QStringLiteral("career_stages"), QStringLiteral("clinical_areas")};

} // namespace

// ---- enum names -------------------------------------------------------------------

QString toString(ItemType v) { return kItemTypes.name(v); }
QString toString(WorkflowState v) { return kStates.name(v); }
QString toString(Vocabulary v) { return kVocabularies.name(v); }
QString toString(ParagraphKind v) { return kParagraphKinds.name(v); }
QString toString(CalloutStyle v) { return kCalloutStyles.name(v); }
QString toString(PageKind v) { return kPageKinds.name(v); }
QString toString(NewsKind v) { return kNewsKinds.name(v); }
QString toString(AssessmentMethod v) { return kAssessmentMethods.name(v); }
std::optional<ItemType> itemTypeFromString(const QString &s) { return kItemTypes.parse(s); }
std::optional<WorkflowState> workflowStateFromString(const QString &s) { return kStates.parse(s); }
std::optional<Vocabulary> vocabularyFromString(const QString &s) { return kVocabularies.parse(s); }
std::optional<ParagraphKind> paragraphKindFromString(const QString &s) { return kParagraphKinds.parse(s); }

const QList<ItemType> &allItemTypes()
{
    static const QList<ItemType> values = kItemTypes.values();
    return values;
}
const QList<WorkflowState> &allWorkflowStates()
{
    static const QList<WorkflowState> values = kStates.values();
    return values;
}
const QList<Vocabulary> &allVocabularies()
{
    static const QList<Vocabulary> values = kVocabularies.values();
    return values;
}
const QList<ParagraphKind> &allParagraphKinds()
{
    static const QList<ParagraphKind> values = kParagraphKinds.values();
    return values;
}

// ---- tags, items --------------------------------------------------------------------

const QStringList &TaxonomyTags::terms(Vocabulary v) const
{
    return const_cast<TaxonomyTags *>(this)->terms(v);
}

QStringList &TaxonomyTags::terms(Vocabulary v)
{
    switch (v) {
    case Vocabulary::Profession: return professions;
    case Vocabulary::Specialty: return specialties;
    case Vocabulary::Region: return regions;
    case Vocabulary::CareerStage: return careerStages;
    case Vocabulary::ClinicalArea: return clinicalAreas;
    }
    Q_UNREACHABLE();
        return professions;
}

Item Item::create(ItemType type, QUuid id)
{
    Item item;
    item.id = id;
    item.fields = emptyFields(type);
    return item;
}

ItemType Item::type() const
{
    return static_cast<ItemType>(fields.index());
}

QString Item::storagePath() const
{
    return model::storagePath(type(), id);
}

QString idString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString storagePath(ItemType type, const QUuid &id)
{
    const QString hex = idString(id);
    return QStringLiteral("content/") + toString(type) + QLatin1Char('/') + hex.left(2) + QLatin1Char('/') + hex
        + QStringLiteral(".json");
}

Result<Item> itemFromJson(const JsonValue &json)
{
    Issues issues;
    ObjectReader r(json, QString(), issues);
    if (!r.valid())
        return issues;

    Item item;
    ItemType type = ItemType::Page;
    bool typeKnown = false;
    {
        const JsonValue typeValue = r.take(QStringLiteral("type"), true);
        if (typeValue.isString()) {
            if (auto t = kItemTypes.parse(typeValue.toString())) {
                type = *t;
                typeKnown = true;
            } else {
                r.fail(QStringLiteral("type"), QStringLiteral("unknown value \"%1\"; expected one of: %2")
                                                   .arg(typeValue.toString(), kItemTypes.list()));
            }
        } else if (!typeValue.isNull()) {
            r.fail(QStringLiteral("type"), QStringLiteral("must be a string, not %1").arg(JsonValue::kindName(typeValue.kind())));
        }
    }

    r.integer(QStringLiteral("schema_version"), item.schemaVersion, true);
    if (item.schemaVersion > kCurrentSchemaVersion)
        r.fail(QStringLiteral("schema_version"),
               QStringLiteral("%1 is newer than this version of Carta understands (%2); update Carta")
                   .arg(item.schemaVersion).arg(kCurrentSchemaVersion));
    r.uuid(QStringLiteral("id"), item.id, true);
    r.string(QStringLiteral("title"), item.title, true);
    r.string(QStringLiteral("slug"), item.slug, true);
    r.string(QStringLiteral("summary"), item.summary);
    r.enumeration(QStringLiteral("state"), item.state, kStates);

    {
        const JsonValue tagsJson = r.take(QStringLiteral("tags"), false);
        ObjectReader t(tagsJson.isNull() ? JsonValue(JsonObject{}) : tagsJson, QStringLiteral("tags"), issues);
        for (Vocabulary v : allVocabularies()) {
            QStringList &list = item.tags.terms(v);
            t.stringList(kTagKeys[static_cast<int>(v)], list);
            std::sort(list.begin(), list.end());
        }
        t.finish();
    }
    {
        const JsonValue s = r.take(QStringLiteral("schedule"), false);
        ObjectReader sr(s.isNull() ? JsonValue(JsonObject{}) : s, QStringLiteral("schedule"), issues);
        sr.optionalDateTime(QStringLiteral("publish_at"), item.schedule.publishAt);
        sr.optionalDateTime(QStringLiteral("unpublish_at"), item.schedule.unpublishAt);
        sr.finish();
    }
    {
        const JsonValue m = r.take(QStringLiteral("meta"), false);
        ObjectReader mr(m.isNull() ? JsonValue(JsonObject{}) : m, QStringLiteral("meta"), issues);
        mr.string(QStringLiteral("description"), item.meta.description);
        mr.stringList(QStringLiteral("keywords"), item.meta.keywords);
        mr.finish();
    }
    r.array(QStringLiteral("paragraphs"), [&](const JsonValue &e, const QString &path) {
        Paragraph p;
        readParagraph(e, path, issues, p);
        item.paragraphs.append(p);
    });
    r.array(QStringLiteral("attachments"), [&](const JsonValue &e, const QString &path) {
        Attachment a;
        ObjectReader ar(e, path, issues);
        ar.string(QStringLiteral("sha256"), a.sha256, true);
        ar.string(QStringLiteral("name"), a.name, true);
        ar.string(QStringLiteral("media_type"), a.mediaType, true);
        ar.integer64(QStringLiteral("size"), a.size, true);
        ar.finish();
        item.attachments.append(a);
    });

    if (typeKnown) {
        item.fields = emptyFields(type);
        const QString key = toString(type);
        const JsonValue f = r.take(key, false);
        ObjectReader fr(f.isNull() ? JsonValue(JsonObject{}) : f, key, issues);
        std::visit([&](auto &fields) { readFields(fr, fields, issues); }, item.fields);
        fr.finish();
    }
    r.finish(typeKnown ? QStringLiteral("a %1 item").arg(toString(type)) : QString());

    if (!issues.isEmpty())
        return issues;
    return item;
}

Result<Item> parseItem(const QByteArray &bytes)
{
    JsonLimits limits;
    limits.maxBytes = 4 * 1024 * 1024;
    auto json = parseJson(bytes, limits);
    if (!json)
        return json.issues();
    return itemFromJson(json.value());
}

JsonValue itemToJson(const Item &item)
{
    JsonObject tags;
    for (Vocabulary v : allVocabularies())
        tags[kTagKeys[static_cast<int>(v)]] = toJson(sorted(item.tags.terms(v)));

    JsonArray paragraphs;
    paragraphs.reserve(static_cast<size_t>(item.paragraphs.size()));
    for (const Paragraph &p : item.paragraphs)
        paragraphs.push_back(paragraphToJson(p));

    JsonArray attachments;
    for (const Attachment &a : item.attachments)
        attachments.emplace_back(JsonObject{{QStringLiteral("sha256"), a.sha256}, {QStringLiteral("name"), a.name},
                                            {QStringLiteral("media_type"), a.mediaType}, {QStringLiteral("size"), a.size}});

    JsonObject o{
        {QStringLiteral("id"), JsonValue(idString(item.id))},
        {QStringLiteral("type"), JsonValue(toString(item.type()))},
        {QStringLiteral("schema_version"), JsonValue(item.schemaVersion)},
        {QStringLiteral("title"), JsonValue(item.title)},
        {QStringLiteral("slug"), JsonValue(item.slug)},
        {QStringLiteral("summary"), JsonValue(item.summary)},
        {QStringLiteral("state"), JsonValue(toString(item.state))},
        {QStringLiteral("tags"), JsonValue(std::move(tags))},
        {QStringLiteral("schedule"), JsonObject{{QStringLiteral("publish_at"), toJson(item.schedule.publishAt)},
                                                {QStringLiteral("unpublish_at"), toJson(item.schedule.unpublishAt)}}},
        {QStringLiteral("meta"), JsonObject{{QStringLiteral("description"), item.meta.description},
                                            {QStringLiteral("keywords"), toJson(item.meta.keywords)}}},
        {QStringLiteral("paragraphs"), JsonValue(std::move(paragraphs))},
        {QStringLiteral("attachments"), JsonValue(std::move(attachments))},
    };
    o[toString(item.type())] = std::visit([](const auto &f) { return fieldsToJson(f); }, item.fields);
    return JsonValue(std::move(o));
}

QByteArray serialize(const Item &item)
{
    return serializeCanonical(itemToJson(item));
}

QString revisionId(const QByteArray &canonicalBytes)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    QByteArray header("blob ");
    header.append(QByteArray::number(canonicalBytes.size()));
    header.append('\0');
    hash.addData(header);
    hash.addData(canonicalBytes);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace carta::model
