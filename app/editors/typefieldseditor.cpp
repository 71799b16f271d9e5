#include "editors/typefieldseditor.h"

// The type editors are written in parallel; the factory picks up each as it lands.
#if __has_include("editors/curriculumeditor.h")
#include "editors/curriculumeditor.h"
#define CARTA_HAVE_CURRICULUM_EDITOR 1
#endif
#if __has_include("editors/pathwayeditor.h")
#include "editors/pathwayeditor.h"
#define CARTA_HAVE_PATHWAY_EDITOR 1
#endif
#if __has_include("editors/simplefieldseditors.h")
#include "editors/simplefieldseditors.h"
#define CARTA_HAVE_SIMPLE_EDITORS 1
#endif

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
    case model::ItemType::Curriculum:
#ifdef CARTA_HAVE_CURRICULUM_EDITOR
        return new CurriculumEditor(document, catalogue, parent);
#else
        break;
#endif
    case model::ItemType::Pathway:
#ifdef CARTA_HAVE_PATHWAY_EDITOR
        return new PathwayEditor(document, catalogue, parent);
#else
        break;
#endif
    default:
#ifdef CARTA_HAVE_SIMPLE_EDITORS
        return createSimpleFieldsEditor(document, catalogue, parent);
#else
        break;
#endif
    }
    return nullptr;
}

} // namespace carta::app
