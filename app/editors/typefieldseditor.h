// The part of an item editor for the fields of the item's type (curriculum outcomes and
// competencies, pathway stages, a resource's publisher, ...). Every change goes through
// ItemDocument::editItem() (one undo command, typing in one field merged); the editor
// follows the document (undo, redo, a merge after sync) in refresh() and shows the
// validation issues of the type's fields (paths under the type's wire name: "curriculum.",
// "pathway.", "funding_guide.", ...) beside the field or cell they name.
#pragma once

#include "document/itemdocument.h"
#include "models/itemcatalogue.h"

#include <QWidget>

namespace carta::app {

class TypeFieldsEditor : public QWidget
{
    Q_OBJECT

public:
    // Connects the document's fieldsChanged() and reset() to refresh() and issuesChanged()
    // to showIssues(); subclasses build their widgets, then call refresh() and showIssues().
    TypeFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent = nullptr);

    [[nodiscard]] ItemDocument *document() const { return m_document; }
    [[nodiscard]] const ItemCatalogue &catalogue() const { return m_catalogue; }

    // Shows the document's item. Must not issue edits (the document is the source).
    virtual void refresh() = 0;
    // Shows the document's issues whose path starts with the type's wire name and a dot.
    virtual void showIssues() = 0;
    // Selects and focuses the widget for an issue path ("pathway.stages[3].title");
    // false when this editor has no such widget.
    virtual bool focusPath(const QString &path) { Q_UNUSED(path); return false; }

private:
    ItemDocument *m_document;
    const ItemCatalogue &m_catalogue;
};

// The editor for the document's item type; nullptr for types with no fields to edit.
[[nodiscard]] TypeFieldsEditor *createTypeFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue,
                                                       QWidget *parent = nullptr);

} // namespace carta::app
