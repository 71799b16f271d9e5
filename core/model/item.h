// Carta's content: an Item of one of ten types, with taxonomy tags, workflow state,
// schedule, meta tags, paragraphs, attachments and the fields of its type.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>
#include <variant>

namespace carta::model {

class JsonValue;

enum class ItemType { Curriculum, Pathway, Page, Resource, News, FundingGuide, Policy, Portal, Bulletin, Term };
enum class WorkflowState { Draft, InReview, ChangesRequested, Approved, Published, Archived };
enum class Vocabulary { Profession, Specialty, Region, CareerStage, ClinicalArea };
enum class ParagraphKind { Text, Heading, LearningOutcomes, Callout, LinkList, PolicyRef, ResourceRef, PathwayRef };
enum class CalloutStyle { Info, Warning, Important };
enum class PageKind { Landing, RegionalHub, ProfessionLanding, Home };
enum class NewsKind { News, TrainingOfficeUpdate };
enum class AssessmentMethod { WorkplaceBased, Examination, Portfolio, Arcp, Dops, MiniCex, CaseBasedDiscussion, MultiSourceFeedback, Osce };

// Wire names ("funding_guide", "in_review", "career_stage", ...) and their inverses.
[[nodiscard]] QString toString(ItemType);
[[nodiscard]] QString toString(WorkflowState);
[[nodiscard]] QString toString(Vocabulary);
[[nodiscard]] QString toString(ParagraphKind);
[[nodiscard]] QString toString(CalloutStyle);
[[nodiscard]] QString toString(PageKind);
[[nodiscard]] QString toString(NewsKind);
[[nodiscard]] QString toString(AssessmentMethod);
[[nodiscard]] std::optional<ItemType> itemTypeFromString(const QString &);
[[nodiscard]] std::optional<WorkflowState> workflowStateFromString(const QString &);
[[nodiscard]] std::optional<Vocabulary> vocabularyFromString(const QString &);
[[nodiscard]] std::optional<ParagraphKind> paragraphKindFromString(const QString &);

[[nodiscard]] const QList<ItemType> &allItemTypes();
[[nodiscard]] const QList<WorkflowState> &allWorkflowStates();
[[nodiscard]] const QList<Vocabulary> &allVocabularies();
[[nodiscard]] const QList<ParagraphKind> &allParagraphKinds();

// Term slugs per vocabulary; each list is kept sorted and free of duplicates in canonical form.
struct TaxonomyTags
{
    QStringList professions;
    QStringList specialties;
    QStringList regions; // empty means national
    QStringList careerStages;
    QStringList clinicalAreas;

    [[nodiscard]] const QStringList &terms(Vocabulary v) const;
    [[nodiscard]] QStringList &terms(Vocabulary v);
    friend bool operator==(const TaxonomyTags &, const TaxonomyTags &) = default;
};

// Times are instants shown and entered in Europe/London; stored as ISO 8601 with the
// London offset of that instant ("2026-03-29T09:00:00+01:00").
struct Schedule
{
    std::optional<QDateTime> publishAt;
    std::optional<QDateTime> unpublishAt;
    friend bool operator==(const Schedule &, const Schedule &) = default;
};

struct MetaTags
{
    QString description; // search engines and social cards; <= 300 characters
    QStringList keywords;
    friend bool operator==(const MetaTags &, const MetaTags &) = default;
};

struct Attachment
{
    QString sha256;    // 64 lowercase hex digits of the content
    QString name;      // file name shown to readers; no path separators
    QString mediaType; // e.g. application/pdf
    qint64 size = 0;   // bytes
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

struct Link
{
    QString title;
    QString url; // https:// or a site path starting with /
    friend bool operator==(const Link &, const Link &) = default;
};

// A modular block of an item's body. Which fields apply depends on the kind:
// Text: markdown. Heading: text, level (2..4). LearningOutcomes: text (intro), outcomeCodes.
// Callout: text (title), markdown, style. LinkList: text (title), links.
// PolicyRef / ResourceRef / PathwayRef: target (transcluded when rendered).
struct Paragraph
{
    QString id; // UUID, stable across edits; diff and merge match paragraphs by it
    ParagraphKind kind = ParagraphKind::Text;
    QString text;
    QString markdown;
    int level = 2;
    CalloutStyle style = CalloutStyle::Info;
    QList<Link> links;
    QStringList outcomeCodes;
    QUuid target;
    friend bool operator==(const Paragraph &, const Paragraph &) = default;
};

struct LearningOutcome
{
    QString id;
    QString code; // unique within the curriculum, e.g. "CAR-LO-03"
    QString title;
    QString description;
    friend bool operator==(const LearningOutcome &, const LearningOutcome &) = default;
};

struct Competency
{
    QString id;
    QString code;
    QString title;
    QString description;
    QStringList outcomeCodes; // learning outcomes this capability evidences
    friend bool operator==(const Competency &, const Competency &) = default;
};

struct Assessment
{
    QString id;
    AssessmentMethod method = AssessmentMethod::WorkplaceBased;
    QString description;
    friend bool operator==(const Assessment &, const Assessment &) = default;
};

struct CurriculumFields
{
    QString version;
    QDate effectiveFrom;
    std::optional<QDate> effectiveTo;
    QList<LearningOutcome> learningOutcomes;
    QList<Competency> competencies;
    QList<Assessment> assessments;
    friend bool operator==(const CurriculumFields &, const CurriculumFields &) = default;
};

struct PathwayStage
{
    QString id;
    QString title;
    QString careerStage; // Career stage term slug
    int durationMonths = 12;
    QString entryRequirements; // Markdown
    QUuid portal;              // portal item this stage routes to
    QString recruitmentWindow; // e.g. "November to December"; may be empty
    QStringList next;          // ids of following stages (branches); empty for the last
    friend bool operator==(const PathwayStage &, const PathwayStage &) = default;
};

struct PathwayFields
{
    QString profession; // Profession term slug
    QList<PathwayStage> stages; // the first stage is the start of the journey
    friend bool operator==(const PathwayFields &, const PathwayFields &) = default;
};

struct PageFields
{
    PageKind kind = PageKind::Landing;
    friend bool operator==(const PageFields &, const PageFields &) = default;
};

struct ResourceFields
{
    QDate issued;
    QString publisher;
    friend bool operator==(const ResourceFields &, const ResourceFields &) = default;
};

struct NewsFields
{
    QDate date;
    NewsKind kind = NewsKind::News;
    friend bool operator==(const NewsFields &, const NewsFields &) = default;
};

struct FundingGuideFields
{
    QString fundingBody;
    std::optional<QDate> deadline;
    QString eligibility; // Markdown
    friend bool operator==(const FundingGuideFields &, const FundingGuideFields &) = default;
};

struct PolicyFields
{
    QString reference; // e.g. "HEE-POL-012"
    QDate effectiveFrom;
    friend bool operator==(const PolicyFields &, const PolicyFields &) = default;
};

struct PortalFields
{
    QString url; // https://
    QString purpose;
    friend bool operator==(const PortalFields &, const PortalFields &) = default;
};

struct BulletinFields
{
    QString subject;
    friend bool operator==(const BulletinFields &, const BulletinFields &) = default;
};

struct TermFields
{
    Vocabulary vocabulary = Vocabulary::Profession;
    QString parent; // slug of the parent term in the same vocabulary; empty at top level
    int order = 0;  // position among siblings (career stages are ordered)
    QUuid portal;   // career stages: the portal the gateway routes to; may be null
    friend bool operator==(const TermFields &, const TermFields &) = default;
};

using TypeFields = std::variant<CurriculumFields, PathwayFields, PageFields, ResourceFields, NewsFields,
                                FundingGuideFields, PolicyFields, PortalFields, BulletinFields, TermFields>;

inline constexpr int kCurrentSchemaVersion = 1;

class Item
{
public:
    // A new item of a type, with a fresh id and empty fields of that type.
    [[nodiscard]] static Item create(ItemType type, QUuid id = QUuid::createUuid());

    QUuid id;
    int schemaVersion = kCurrentSchemaVersion;
    QString title;
    QString slug;
    QString summary;
    WorkflowState state = WorkflowState::Draft;
    TaxonomyTags tags;
    Schedule schedule;
    MetaTags meta;
    QList<Paragraph> paragraphs;
    QList<Attachment> attachments;
    TypeFields fields;

    [[nodiscard]] ItemType type() const;

    // Typed access to the fields of the item's type; asserts the type matches.
    template<typename F> [[nodiscard]] F &as() { return std::get<F>(fields); }
    template<typename F> [[nodiscard]] const F &as() const { return std::get<F>(fields); }
    template<typename F> [[nodiscard]] const F *tryAs() const { return std::get_if<F>(&fields); }

    // content/<type>/<first two hex of id>/<id>.json
    [[nodiscard]] QString storagePath() const;

    friend bool operator==(const Item &, const Item &) = default;
};

// Lowercase UUID without braces, as used in files and on the wire.
[[nodiscard]] QString idString(const QUuid &id);
[[nodiscard]] QString storagePath(ItemType type, const QUuid &id);

// Parsing checks structure and types (unknown fields, wrong types, bad enum names,
// malformed dates) and names the field path of every problem. Rules about content
// (lengths, slugs, references) are validate()'s job.
[[nodiscard]] Result<Item> parseItem(const QByteArray &bytes);
[[nodiscard]] Result<Item> itemFromJson(const JsonValue &json);
[[nodiscard]] JsonValue itemToJson(const Item &item);

// The canonical bytes of an item: serializeCanonical(itemToJson(item)) with tag lists sorted.
[[nodiscard]] QByteArray serialize(const Item &item);

// Git blob id (SHA-1 of "blob <size>\0" + bytes), 40 lowercase hex digits.
[[nodiscard]] QString revisionId(const QByteArray &canonicalBytes);
[[nodiscard]] inline QString revisionId(const Item &item) { return revisionId(serialize(item)); }

} // namespace carta::model
