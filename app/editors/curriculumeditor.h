// The editor of a curriculum's fields: version and dates in a form, and its learning
// outcomes, competencies and assessments as editable tables with add, remove and move
// (buttons and Insert, Delete, Alt+Up, Alt+Down), problems marked in the cells and listed
// under each table.
#pragma once

#include "editors/typefieldseditor.h"

#include <array>
#include <memory>

class QAction;
class QLabel;
class QPushButton;

namespace carta::app {

class CurriculumTableModel;
class CurriculumTableView;
class FieldForm;

class CurriculumEditor : public TypeFieldsEditor
{
    Q_OBJECT

public:
    CurriculumEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent = nullptr);
    ~CurriculumEditor() override;

    void refresh() override;
    void showIssues() override;
    // "curriculum.version", "curriculum.learning_outcomes[2].code",
    // "fields.competencies[id=X].outcome_codes[0]", ...
    bool focusPath(const QString &path) override;

private:
    struct Table
    {
        CurriculumTableModel *model = nullptr;
        CurriculumTableView *view = nullptr;
        QLabel *issues = nullptr;
        int editColumnAfterAdd = 0; // where typing starts in a new row
        QPushButton *addButton = nullptr;
        QPushButton *removeButton = nullptr;
        QPushButton *upButton = nullptr;
        QPushButton *downButton = nullptr;
        QAction *removeAction = nullptr;
        QAction *upAction = nullptr;
        QAction *downAction = nullptr;
    };
    enum TableIndex { Outcomes, Competencies, Assessments };

    QWidget *buildTable(Table &table, CurriculumTableModel *model, const QString &objectBase, const QString &title,
                        const QString &entryName);
    void addEntry(Table &table);
    void removeEntry(Table &table);
    void moveEntry(Table &table, int delta);
    void updateButtons(Table &table);

    std::unique_ptr<FieldForm> m_form;
    std::array<Table, 3> m_tables;
};

} // namespace carta::app
