#include "editors/typefieldseditor.h"

#include "editors/curriculumeditor.h"
#include "editors/pathwayeditor.h"
#include "editors/simplefieldseditors.h"

namespace carta::app {

TypeFieldsEditor::TypeFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent)
    : QWidget(parent), m_document(document), m_catalogue(catalogue)
{
    connect(document, &ItemDocument::fieldsChanged, this, [this] { refresh(); });
    connect(document, &ItemDocument::reset, this, [this] { refresh(); });
    connect(document, &ItemDocument::issuesChanged, this, [this] { showIssues(); });
}

TypeFieldsEditor *createTypeFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent)
{
    switch (document->item().type()) {
    case model::ItemType::Curriculum: return new CurriculumEditor(document, catalogue, parent);
    case model::ItemType::Pathway: return new PathwayEditor(document, catalogue, parent);
    default: return createSimpleFieldsEditor(document, catalogue, parent);
    }
}

} // namespace carta::app
