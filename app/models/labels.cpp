#include "models/labels.h"

namespace carta::app {

using model::ItemType;
using model::ParagraphKind;
using model::Vocabulary;
using model::WorkflowState;
using replica::Facet;

QString Labels::itemType(ItemType type)
{
    switch (type) {
    case ItemType::Curriculum: return tr("Curriculum");
    case ItemType::Pathway: return tr("Pathway");
    case ItemType::Page: return tr("Page");
    case ItemType::Resource: return tr("Resource");
    case ItemType::News: return tr("News");
    case ItemType::FundingGuide: return tr("Funding guide");
    case ItemType::Policy: return tr("Policy");
    case ItemType::Portal: return tr("Portal");
    case ItemType::Bulletin: return tr("Bulletin");
    case ItemType::Term: return tr("Taxonomy term");
    }
    return {};
}

QString Labels::itemTypePlural(ItemType type)
{
    switch (type) {
    case ItemType::Curriculum: return tr("Curricula");
    case ItemType::Pathway: return tr("Pathways");
    case ItemType::Page: return tr("Pages");
    case ItemType::Resource: return tr("Resources");
    case ItemType::News: return tr("News");
    case ItemType::FundingGuide: return tr("Funding guides");
    case ItemType::Policy: return tr("Policies");
    case ItemType::Portal: return tr("Portals");
    case ItemType::Bulletin: return tr("Bulletins");
    case ItemType::Term: return tr("Taxonomy terms");
    }
    return {};
}

QString Labels::state(WorkflowState state)
{
    switch (state) {
    case WorkflowState::Draft: return tr("Draft");
    case WorkflowState::InReview: return tr("In review");
    case WorkflowState::ChangesRequested: return tr("Changes requested");
    case WorkflowState::Approved: return tr("Approved");
    case WorkflowState::Published: return tr("Published");
    case WorkflowState::Archived: return tr("Archived");
    }
    return {};
}

QString Labels::facet(Facet facet)
{
    switch (facet) {
    case Facet::Type: return tr("Type");
    case Facet::State: return tr("State");
    case Facet::Profession: return tr("Profession");
    case Facet::Specialty: return tr("Specialty");
    case Facet::CareerStage: return tr("Career stage");
    case Facet::Region: return tr("Region");
    }
    return {};
}

QString Labels::vocabulary(Vocabulary vocabulary)
{
    switch (vocabulary) {
    case Vocabulary::Profession: return tr("Profession");
    case Vocabulary::Specialty: return tr("Specialty");
    case Vocabulary::Region: return tr("Region");
    case Vocabulary::CareerStage: return tr("Career stage");
    case Vocabulary::ClinicalArea: return tr("Clinical area");
    }
    return {};
}

QString Labels::vocabularyPlural(Vocabulary vocabulary)
{
    switch (vocabulary) {
    case Vocabulary::Profession: return tr("Professions");
    case Vocabulary::Specialty: return tr("Specialties");
    case Vocabulary::Region: return tr("Regions");
    case Vocabulary::CareerStage: return tr("Career stages");
    case Vocabulary::ClinicalArea: return tr("Clinical areas");
    }
    return {};
}

QString Labels::paragraphKind(ParagraphKind kind)
{
    switch (kind) {
    case ParagraphKind::Text: return tr("Text");
    case ParagraphKind::Heading: return tr("Heading");
    case ParagraphKind::LearningOutcomes: return tr("Learning outcomes");
    case ParagraphKind::Callout: return tr("Callout");
    case ParagraphKind::LinkList: return tr("Links");
    case ParagraphKind::PolicyRef: return tr("Policy");
    case ParagraphKind::ResourceRef: return tr("Resource");
    case ParagraphKind::PathwayRef: return tr("Pathway");
    }
    return {};
}

QString Labels::facetValue(Facet facet, const QString &value)
{
    switch (facet) {
    case Facet::Type:
        if (const auto type = model::itemTypeFromString(value))
            return itemType(*type);
        break;
    case Facet::State:
        if (const auto s = model::workflowStateFromString(value))
            return state(*s);
        break;
    case Facet::Region:
        if (value == replica::nationalRegion())
            return tr("National");
        break;
    default:
        break;
    }
    return humanizeSlug(value);
}

QString Labels::humanizeSlug(const QString &slug)
{
    QString text = slug;
    text.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace carta::app
