// Test fixtures: one valid item of every type, and a catalogue that knows them.
#pragma once

#include "model/item.h"
#include "model/validation.h"

#include <QTimeZone>

namespace carta::model::testing {

inline QUuid uuid(int n)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

inline const QUuid kOriel = uuid(1);
inline const QUuid kPolicy = uuid(2);
inline const QUuid kResource = uuid(3);
inline const QUuid kPathway = uuid(4);
inline const QUuid kCurriculum = uuid(5);

inline Paragraph textParagraph(const QString &id, const QString &markdown)
{
    Paragraph p;
    p.id = id;
    p.kind = ParagraphKind::Text;
    p.markdown = markdown;
    return p;
}

inline Catalogue catalogue()
{
    Catalogue c;
    for (const auto &slug : {u"medicine", u"nursing"})
        c.addTerm(Vocabulary::Profession, QString::fromUtf16(slug));
    for (const auto &slug : {u"cardiology", u"general-practice"})
        c.addTerm(Vocabulary::Specialty, QString::fromUtf16(slug));
    for (const auto &slug : {u"london", u"north-west", u"south-west"})
        c.addTerm(Vocabulary::Region, QString::fromUtf16(slug));
    for (const auto &slug : {u"medical-school", u"foundation-year-1", u"foundation-year-2", u"core-training", u"higher-specialty-training", u"consultant"})
        c.addTerm(Vocabulary::CareerStage, QString::fromUtf16(slug));
    c.addTerm(Vocabulary::ClinicalArea, QStringLiteral("cancer"));
    c.addItem(kOriel, ItemType::Portal);
    c.addItem(kPolicy, ItemType::Policy);
    c.addItem(kResource, ItemType::Resource);
    c.addItem(kPathway, ItemType::Pathway);
    c.addItem(kCurriculum, ItemType::Curriculum);
    return c;
}

inline Item curriculum()
{
    Item item = Item::create(ItemType::Curriculum, kCurriculum);
    item.title = QStringLiteral("Cardiology specialty training curriculum");
    item.slug = QStringLiteral("cardiology-curriculum");
    item.summary = QStringLiteral("What cardiology trainees learn from ST4 to CCT.\nApproved by the GMC.");
    item.tags.professions = {QStringLiteral("medicine")};
    item.tags.specialties = {QStringLiteral("cardiology")};
    item.meta.description = QStringLiteral("The curriculum for cardiology higher specialty training.");
    item.meta.keywords = {QStringLiteral("cardiology"), QStringLiteral("curriculum")};
    auto &f = item.as<CurriculumFields>();
    f.version = QStringLiteral("2022.1");
    f.effectiveFrom = QDate(2022, 8, 3);
    f.learningOutcomes = {
        {QStringLiteral("lo1"), QStringLiteral("CARD-LO-01"), QStringLiteral("Manage acute cardiac presentations"), QStringLiteral("Including ACS and arrhythmia.")},
        {QStringLiteral("lo2"), QStringLiteral("CARD-LO-02"), QStringLiteral("Run a heart failure clinic"), QString()},
    };
    f.competencies = {{QStringLiteral("c1"), QStringLiteral("CIP-1"), QStringLiteral("Managing an acute unselected take"), QString(), {QStringLiteral("CARD-LO-01")}}};
    f.assessments = {{QStringLiteral("a1"), AssessmentMethod::Arcp, QStringLiteral("Annual review of competence progression.")}};
    item.paragraphs = {
        textParagraph(QStringLiteral("p1"), QStringLiteral("## Purpose\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from August 2022.")),
        textParagraph(QStringLiteral("p2"), QStringLiteral("Trainees keep an e-portfolio.")),
    };
    Paragraph outcomes;
    outcomes.id = QStringLiteral("p3");
    outcomes.kind = ParagraphKind::LearningOutcomes;
    outcomes.text = QStringLiteral("By the end of training you will:");
    outcomes.outcomeCodes = {QStringLiteral("CARD-LO-01"), QStringLiteral("CARD-LO-02")};
    item.paragraphs.append(outcomes);
    Paragraph policy;
    policy.id = QStringLiteral("p4");
    policy.kind = ParagraphKind::PolicyRef;
    policy.target = kPolicy;
    item.paragraphs.append(policy);
    return item;
}

inline Item pathway()
{
    Item item = Item::create(ItemType::Pathway, kPathway);
    item.title = QStringLiteral("Becoming a consultant cardiologist");
    item.slug = QStringLiteral("cardiology-pathway");
    item.tags.professions = {QStringLiteral("medicine")};
    item.state = WorkflowState::Published;
    auto &f = item.as<PathwayFields>();
    f.profession = QStringLiteral("medicine");
    auto stage = [](const char16_t *id, const char16_t *title, const char16_t *careerStage, int months, QStringList next) {
        PathwayStage s;
        s.id = QString::fromUtf16(id);
        s.title = QString::fromUtf16(title);
        s.careerStage = QString::fromUtf16(careerStage);
        s.durationMonths = months;
        s.portal = kOriel;
        s.next = next;
        return s;
    };
    f.stages = {
        stage(u"fy1", u"Foundation Year 1", u"foundation-year-1", 12, {QStringLiteral("fy2")}),
        stage(u"fy2", u"Foundation Year 2", u"foundation-year-2", 12, {QStringLiteral("imt")}),
        stage(u"imt", u"Internal Medicine Training", u"core-training", 36, {QStringLiteral("st4")}),
        stage(u"st4", u"Cardiology ST4 to ST7", u"higher-specialty-training", 48, {}),
    };
    f.stages[2].recruitmentWindow = QStringLiteral("November to December");
    f.stages[2].entryRequirements = QStringLiteral("- Full GMC registration\n- Foundation competences");
    return item;
}

inline Item simple(ItemType type, const QUuid &id = uuid(100))
{
    Item item = Item::create(type, id);
    item.title = QStringLiteral("An item");
    item.slug = QStringLiteral("an-item");
    switch (type) {
    case ItemType::Curriculum: return curriculum();
    case ItemType::Pathway: return pathway();
    case ItemType::Page:
        item.as<PageFields>().kind = PageKind::RegionalHub;
        item.tags.regions = {QStringLiteral("london")};
        break;
    case ItemType::Resource:
        item.as<ResourceFields>().issued = QDate(2025, 1, 31);
        item.attachments = {{QString(64, QLatin1Char('a')), QStringLiteral("guide.pdf"), QStringLiteral("application/pdf"), 1234}};
        break;
    case ItemType::News:
        item.as<NewsFields>().date = QDate(2026, 10, 1);
        item.tags.regions = {QStringLiteral("north-west")};
        break;
    case ItemType::FundingGuide:
        item.as<FundingGuideFields>().fundingBody = QStringLiteral("NHS England");
        item.as<FundingGuideFields>().deadline = QDate(2027, 3, 31);
        break;
    case ItemType::Policy:
        item.as<PolicyFields>().reference = QStringLiteral("HEE-POL-012");
        item.as<PolicyFields>().effectiveFrom = QDate(2024, 4, 1);
        break;
    case ItemType::Portal:
        item.as<PortalFields>().url = QStringLiteral("https://www.oriel.nhs.uk/");
        item.as<PortalFields>().purpose = QStringLiteral("Recruitment to postgraduate training");
        break;
    case ItemType::Bulletin:
        item.as<BulletinFields>().subject = QStringLiteral("Foundation applications open");
        break;
    case ItemType::Term:
        item.as<TermFields>().vocabulary = Vocabulary::CareerStage;
        item.as<TermFields>().order = 3;
        item.as<TermFields>().portal = kOriel;
        break;
    }
    return item;
}

} // namespace carta::model::testing
