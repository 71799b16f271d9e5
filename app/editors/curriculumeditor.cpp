#include "editors/curriculumeditor.h"

#include "editors/curriculumtables.h"
#include "editors/simplefieldseditors.h"

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace carta::app {

using model::CurriculumFields;
using model::Item;

namespace {

std::optional<QDate> optionalDate(const QDate &date)
{
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

} // namespace

CurriculumEditor::CurriculumEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent)
    : TypeFieldsEditor(document, catalogue, parent)
{
    setObjectName(QStringLiteral("curriculumEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *formLayout = new QFormLayout;
    layout->addLayout(formLayout);
    m_form = std::make_unique<FieldForm>(this, formLayout);
    m_form->addLine(QStringLiteral("curriculum.version"), tr("&Version:"), QStringLiteral("versionEdit"),
                    [](const Item &i) { return i.as<CurriculumFields>().version; },
                    [](Item &i, const QString &v) { i.as<CurriculumFields>().version = v; });
    m_form->addDate(QStringLiteral("curriculum.effective_from"), tr("Effective &from:"), QStringLiteral("effectiveFrom"),
                    tr("Not set"), [](const Item &i) { return optionalDate(i.as<CurriculumFields>().effectiveFrom); },
                    [](Item &i, const std::optional<QDate> &d) { i.as<CurriculumFields>().effectiveFrom = d.value_or(QDate()); });
    m_form->addDate(QStringLiteral("curriculum.effective_to"), tr("Effective t&o:"), QStringLiteral("effectiveTo"),
                    tr("No end date"), [](const Item &i) { return i.as<CurriculumFields>().effectiveTo; },
                    [](Item &i, const std::optional<QDate> &d) { i.as<CurriculumFields>().effectiveTo = d; });

    Table &outcomes = m_tables[Outcomes];
    layout->addWidget(buildTable(outcomes, new LearningOutcomeTableModel(document, this), QStringLiteral("learningOutcomes"),
                                 tr("Learning outcomes"), tr("learning outcome")));
    outcomes.editColumnAfterAdd = LearningOutcomeTableModel::TitleColumn;
    outcomes.view->setItemDelegateForColumn(LearningOutcomeTableModel::DescriptionColumn, new MultiLineTextDelegate(outcomes.view));

    Table &competencies = m_tables[Competencies];
    layout->addWidget(buildTable(competencies, new CompetencyTableModel(document, this), QStringLiteral("competencies"),
                                 tr("Competencies"), tr("competency")));
    competencies.editColumnAfterAdd = CompetencyTableModel::TitleColumn;
    competencies.view->setItemDelegateForColumn(CompetencyTableModel::DescriptionColumn,
                                                new MultiLineTextDelegate(competencies.view));
    competencies.view->setItemDelegateForColumn(CompetencyTableModel::OutcomeCodesColumn,
                                                new OutcomeCodesDelegate(document, competencies.view));

    Table &assessments = m_tables[Assessments];
    layout->addWidget(buildTable(assessments, new AssessmentTableModel(document, this), QStringLiteral("assessments"),
                                 tr("Assessments"), tr("assessment")));
    assessments.editColumnAfterAdd = AssessmentTableModel::DescriptionColumn;
    assessments.view->setItemDelegateForColumn(AssessmentTableModel::MethodColumn, new AssessmentMethodDelegate(assessments.view));
    assessments.view->setItemDelegateForColumn(AssessmentTableModel::DescriptionColumn,
                                               new MultiLineTextDelegate(assessments.view));
    assessments.view->setColumnWidth(AssessmentTableModel::MethodColumn, fontMetrics().averageCharWidth() * 44);

    refresh();
    showIssues();
}

CurriculumEditor::~CurriculumEditor()
{
    // A cell being typed into is kept: written now, while this editor can still follow
    // the document; closing the window later would commit it into a half-destroyed editor.
    for (Table &table : m_tables)
        table.view->commitEdit();
    document()->disconnect(this);
}

QWidget *CurriculumEditor::buildTable(Table &table, CurriculumTableModel *model, const QString &objectBase,
                                      const QString &title, const QString &entryName)
{
    auto *group = new QGroupBox(title, this);
    group->setObjectName(objectBase + QStringLiteral("Group"));
    table.model = model;

    table.view = new CurriculumTableView(group);
    table.view->setObjectName(objectBase + QStringLiteral("Table"));
    table.view->setAccessibleName(title);
    table.view->setModel(model);
    table.view->setSelectionMode(QAbstractItemView::SingleSelection);
    table.view->setSelectionBehavior(QAbstractItemView::SelectItems);
    table.view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    table.view->setTabKeyNavigation(false); // Tab leaves the table for its buttons
    table.view->setWordWrap(false);
    table.view->setMinimumHeight(table.view->verticalHeader()->defaultSectionSize() * 6);
    // Fixed widths from the font, never from the rows' contents.
    const int charWidth = fontMetrics().averageCharWidth();
    table.view->horizontalHeader()->setStretchLastSection(true);
    table.view->setColumnWidth(0, charWidth * 16);
    for (int column = 1; column + 1 < model->columnCount(); ++column)
        table.view->setColumnWidth(column, charWidth * 36);

    auto makeButton = [&](const QString &text, const QString &name, const QString &description) {
        auto *button = new QPushButton(text, group);
        button->setObjectName(objectBase + name);
        button->setAccessibleName(description);
        button->setToolTip(description);
        return button;
    };
    table.addButton = makeButton(tr("Add"), QStringLiteral("AddButton"), tr("Add a %1 after the selected row (Insert)").arg(entryName));
    table.removeButton = makeButton(tr("Remove"), QStringLiteral("RemoveButton"), tr("Remove the selected %1 (Delete)").arg(entryName));
    table.upButton = makeButton(tr("Move Up"), QStringLiteral("MoveUpButton"), tr("Move the selected %1 up (Alt+Up)").arg(entryName));
    table.downButton = makeButton(tr("Move Down"), QStringLiteral("MoveDownButton"), tr("Move the selected %1 down (Alt+Down)").arg(entryName));

    // The keys work in the table and in a cell being edited (text fields keep Delete).
    auto makeAction = [&](const QString &text, const QKeySequence &key) {
        auto *action = new QAction(text, table.view);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        table.view->addAction(action);
        return action;
    };
    QAction *addAction = makeAction(tr("Add %1").arg(entryName), QKeySequence(Qt::Key_Insert));
    table.removeAction = makeAction(tr("Remove %1").arg(entryName), QKeySequence(Qt::Key_Delete));
    table.upAction = makeAction(tr("Move %1 Up").arg(entryName), QKeySequence(Qt::ALT | Qt::Key_Up));
    table.downAction = makeAction(tr("Move %1 Down").arg(entryName), QKeySequence(Qt::ALT | Qt::Key_Down));

    Table *t = &table;
    connect(table.addButton, &QPushButton::clicked, this, [this, t] { addEntry(*t); });
    connect(addAction, &QAction::triggered, this, [this, t] { addEntry(*t); });
    connect(table.removeButton, &QPushButton::clicked, this, [this, t] { removeEntry(*t); });
    connect(table.removeAction, &QAction::triggered, this, [this, t] { removeEntry(*t); });
    connect(table.upButton, &QPushButton::clicked, this, [this, t] { moveEntry(*t, -1); });
    connect(table.upAction, &QAction::triggered, this, [this, t] { moveEntry(*t, -1); });
    connect(table.downButton, &QPushButton::clicked, this, [this, t] { moveEntry(*t, +1); });
    connect(table.downAction, &QAction::triggered, this, [this, t] { moveEntry(*t, +1); });
    connect(table.view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this, t] { updateButtons(*t); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, [this, t] { updateButtons(*t); });
    connect(model, &QAbstractItemModel::rowsMoved, this, [this, t] { updateButtons(*t); });
    connect(model, &QAbstractItemModel::modelReset, this, [this, t] { updateButtons(*t); });

    table.issues = new QLabel(group);
    table.issues->setObjectName(objectBase + QStringLiteral("Issues"));
    table.issues->setAccessibleName(tr("Problems with the %1").arg(title.toLower()));
    table.issues->setWordWrap(true);
    table.issues->setStyleSheet(QStringLiteral("color: #b3261e;"));
    table.issues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    table.issues->hide();

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {table.addButton, table.removeButton, table.upButton, table.downButton})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *groupLayout = new QVBoxLayout(group);
    groupLayout->addWidget(table.view);
    groupLayout->addLayout(buttons);
    groupLayout->addWidget(table.issues);
    updateButtons(table);
    return group;
}

void CurriculumEditor::addEntry(Table &table)
{
    const QModelIndex current = table.view->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : table.model->rowCount();
    const QString id = table.model->addEntry(row);
    const int added = table.model->rowOfId(id);
    if (added < 0)
        return;
    const QModelIndex cell = table.model->index(added, table.editColumnAfterAdd);
    table.view->setCurrentIndex(cell);
    table.view->setFocus();
    table.view->edit(cell);
}

void CurriculumEditor::removeEntry(Table &table)
{
    const QModelIndex current = table.view->currentIndex();
    if (!current.isValid())
        return;
    table.model->removeEntry(current.row());
}

void CurriculumEditor::moveEntry(Table &table, int delta)
{
    const QModelIndex current = table.view->currentIndex();
    if (current.isValid())
        table.model->moveEntry(current.row(), delta);
}

void CurriculumEditor::updateButtons(Table &table)
{
    const int row = table.view->currentIndex().isValid() ? table.view->currentIndex().row() : -1;
    const int count = table.model->rowCount();
    table.removeButton->setEnabled(row >= 0);
    table.upButton->setEnabled(row > 0);
    table.downButton->setEnabled(row >= 0 && row + 1 < count);
    table.removeAction->setEnabled(table.removeButton->isEnabled());
    table.upAction->setEnabled(table.upButton->isEnabled());
    table.downAction->setEnabled(table.downButton->isEnabled());
}

void CurriculumEditor::refresh()
{
    m_form->refresh();
    for (Table &table : m_tables) {
        const QModelIndex current = table.view->currentIndex();
        const QString currentId = table.model->idAt(current.row());
        const QModelIndex changed = table.model->sync();
        if (table.view->isEditing())
            continue; // the edit being committed: the view keeps its place
        if (changed.isValid()) {
            // Show what changed (an undo in another row, a row put back).
            table.view->setCurrentIndex(changed.column() == 0 && current.isValid() && changed.row() == current.row()
                                            ? table.model->index(changed.row(), current.column())
                                            : changed);
        } else if (!table.view->currentIndex().isValid() && !currentId.isEmpty()) {
            const int row = table.model->rowOfId(currentId);
            if (row >= 0)
                table.view->setCurrentIndex(table.model->index(row, std::max(0, current.column())));
        }
        updateButtons(table);
    }
}

void CurriculumEditor::showIssues()
{
    m_form->showIssues();
    for (Table &table : m_tables) {
        table.model->setIssues(document()->issues());
        const QStringList lines = table.model->issueLines();
        table.issues->setText(lines.join(QLatin1Char('\n')));
        table.issues->setVisible(!lines.isEmpty());
        table.view->setAccessibleDescription(lines.join(QLatin1Char(' ')));
    }
}

bool CurriculumEditor::focusPath(const QString &path)
{
    const QString p = fieldIssuePath(model::ItemType::Curriculum, path);
    if (m_form->focusPath(p))
        return true;
    static const QRegularExpression entry(
        QStringLiteral("^curriculum\\.([a-z_]+)(?:\\[(?:id=([^\\]]+)|(\\d+))\\](?:\\.([a-z_]+))?)?"));
    const auto match = entry.match(p);
    if (!match.hasMatch())
        return false;
    for (Table &table : m_tables) {
        if (table.model->listKey() != match.captured(1))
            continue;
        int row = -1;
        if (match.hasCaptured(2))
            row = table.model->rowOfId(match.captured(2));
        else if (match.hasCaptured(3))
            row = match.captured(3).toInt();
        if (row >= 0 && row < table.model->rowCount()) {
            const QModelIndex cell = table.model->index(row, std::max(0, table.model->columnOfKey(match.captured(4))));
            table.view->setCurrentIndex(cell);
            table.view->scrollTo(cell);
        }
        table.view->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

} // namespace carta::app
