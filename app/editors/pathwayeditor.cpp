#include "editors/pathwayeditor.h"
#include "widgets/fieldtext.h"

#include "editors/journeyscene.h"
#include "models/labels.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGraphicsView>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QPixmap>
#include <QStyle>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

namespace carta::app {

using model::PathwayFields;
using model::PathwayStage;
using model::Vocabulary;

namespace {

constexpr int kUnknownRole = Qt::UserRole + 1; // a value of the document that no list offers

QString mergeKey(const QString &stageId, const QString &field)
{
    return QStringLiteral("fields.stages[id=%1].%2").arg(stageId, field);
}

// Terms with each parent followed by its children (professions have groups).
QList<TermEntry> treeOrder(const QList<TermEntry> &terms)
{
    QSet<QString> slugs;
    for (const TermEntry &t : terms)
        slugs.insert(t.slug);
    QList<TermEntry> out;
    std::function<void(const QString &, int)> visit = [&](const QString &parent, int depth) {
        if (depth > 8)
            return; // a loop in the parents: stop rather than recurse forever
        for (const TermEntry &t : terms) {
            const bool top = t.parent.isEmpty() || !slugs.contains(t.parent);
            if ((parent.isEmpty() && top) || (!parent.isEmpty() && t.parent == parent)) {
                out.append(t);
                visit(t.slug, depth + 1);
            }
        }
    };
    visit(QString(), 0);
    return out;
}

// An editable combo that offers the terms of a vocabulary and completes what is typed
// from anywhere in their titles ("IMT", "training").
void fillTermCombo(QComboBox *combo, const QList<TermEntry> &terms, const QString &placeholder)
{
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->lineEdit()->setPlaceholderText(placeholder);
    QHash<QString, QString> titles;
    for (const TermEntry &t : terms)
        titles.insert(t.slug, t.title);
    for (const TermEntry &t : treeOrder(terms)) {
        combo->addItem(t.title, t.slug);
        if (!t.parent.isEmpty() && titles.contains(t.parent))
            combo->setItemData(combo->count() - 1, titles.value(t.parent), Qt::ToolTipRole);
    }
    QCompleter *completer = combo->completer();
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
}

// Shows `value` (a slug or an id) in a combo; a value no entry has gets an entry of its own,
// so what the document holds is always what is shown.
void setComboValue(QComboBox *combo, const QString &value, const QString &unknownText)
{
    for (int i = combo->count() - 1; i >= 0; --i)
        if (combo->itemData(i, kUnknownRole).toBool() && combo->itemData(i).toString() != value)
            combo->removeItem(i);
    if (value.isEmpty() && combo->isEditable()) {
        combo->setCurrentIndex(-1);
        combo->setEditText(QString());
        return;
    }
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(unknownText, value);
        index = combo->count() - 1;
        combo->setItemData(index, true, kUnknownRole);
    }
    combo->setCurrentIndex(index);
    if (combo->isEditable() && combo->currentText() != combo->itemText(index))
        combo->setEditText(combo->itemText(index));
}

// The entry whose title is `text`, ignoring case; -1 when none.
int findTitle(const QComboBox *combo, const QString &text)
{
    const QString wanted = text.trimmed();
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemText(i).compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

QString newStageId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qsizetype indexOfStage(const QList<PathwayStage> &stages, const QString &id)
{
    for (qsizetype i = 0; i < stages.size(); ++i)
        if (stages[i].id == id)
            return i;
    return -1;
}

// Exchanges the places of two stages in the journey: their links, what links to them and
// their order in the list (so the first stage can change too).
void swapStages(QList<PathwayStage> &stages, qsizetype a, qsizetype b)
{
    const QString idA = stages[a].id;
    const QString idB = stages[b].id;
    for (PathwayStage &s : stages) {
        for (QString &n : s.next) {
            if (n == idA)
                n = idB;
            else if (n == idB)
                n = idA;
        }
    }
    std::swap(stages[a].next, stages[b].next);
    stages.swapItemsAt(a, b);
}

} // namespace

PathwayEditor::PathwayEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent)
    : TypeFieldsEditor(document, catalogue, parent)
{
    setObjectName(QStringLiteral("pathwayEditor"));
    buildActions();
    buildUi();
    refresh();
    showIssues();
}

// ---------------------------------------------------------------------------------------
// Building

QLabel *PathwayEditor::addIssueLabel(const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setStyleSheet(problemStyle());
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void PathwayEditor::buildActions()
{
    auto makeAction = [this](const QString &objectName, const QString &text, const QString &toolTip) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        action->setToolTip(toolTip);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        return action;
    };
    m_addAction = makeAction(QStringLiteral("addStageAction"), tr("&Add stage after"),
                             tr("Add a stage after the selected one; it leads on to where the selected stage led (Insert)"));
    m_addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_branchAction = makeAction(QStringLiteral("addBranchAction"), tr("Add &branch"),
                                tr("Add an alternative route beside the selected stage: reached from the same stages, "
                                   "leading to the same next stages"));
    m_removeAction = makeAction(QStringLiteral("removeStageAction"), tr("&Remove stage"),
                                tr("Remove the selected stage; the stages before it lead to the stages after it (Delete)"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_earlierAction = makeAction(QStringLiteral("moveEarlierAction"), tr("Move &earlier"),
                                 tr("Swap the selected stage with the stage before it (Alt+Left)"));
    m_earlierAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_laterAction = makeAction(QStringLiteral("moveLaterAction"), tr("Move &later"),
                               tr("Swap the selected stage with the stage after it (Alt+Right)"));
    m_laterAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));

    connect(m_addAction, &QAction::triggered, this, &PathwayEditor::addStageAfter);
    connect(m_branchAction, &QAction::triggered, this, &PathwayEditor::addBranch);
    connect(m_removeAction, &QAction::triggered, this, &PathwayEditor::removeStage);
    connect(m_earlierAction, &QAction::triggered, this, [this] { moveStage(-1); });
    connect(m_laterAction, &QAction::triggered, this, [this] { moveStage(+1); });
}

void PathwayEditor::buildUi()
{
    const int line = fontMetrics().lineSpacing();

    // ---- profession ----
    m_profession = new QComboBox(this);
    m_profession->setObjectName(QStringLiteral("professionCombo"));
    m_profession->setAccessibleName(tr("Profession"));
    m_profession->setToolTip(tr("The profession this pathway is for; type to search"));
    fillTermCombo(m_profession, catalogue().terms(Vocabulary::Profession), tr("Type a profession"));
    m_professionIssues = addIssueLabel(QStringLiteral("professionIssues"), tr("Problems with Profession"));
    m_fieldIssues.insert(QStringLiteral("profession"), FieldIssues{m_profession, m_professionIssues, tr("Profession")});

    auto *top = new QFormLayout;
    top->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *professionCell = new QVBoxLayout;
    professionCell->setSpacing(2);
    professionCell->addWidget(m_profession);
    professionCell->addWidget(m_professionIssues);
    auto *professionLabel = new QLabel(tr("&Profession:"), this);
    professionLabel->setBuddy(m_profession);
    top->addRow(professionLabel, professionCell);

    m_journeyIssues = addIssueLabel(QStringLiteral("journeyIssues"), tr("Problems with the journey"));

    // ---- the journey ----
    m_scene = new JourneyScene(this);
    m_scene->setObjectName(QStringLiteral("journeyScene"));
    m_view = new QGraphicsView(m_scene, this);
    m_view->setObjectName(QStringLiteral("journeyView"));
    m_view->setAccessibleName(tr("Journey"));
    m_view->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_view->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setMinimumHeight(line * 14);
    m_view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    for (QAction *a : {m_addAction, m_removeAction, m_earlierAction, m_laterAction})
        m_view->addAction(a);

    auto *journeyLabel = new QLabel(tr("&Journey"), this);
    QFont bold = journeyLabel->font();
    bold.setBold(true);
    journeyLabel->setFont(bold);
    journeyLabel->setBuddy(m_view);
    m_journeySummary = new QLabel(this);
    m_journeySummary->setObjectName(QStringLiteral("journeySummary"));
    m_journeySummary->setStyleSheet(QStringLiteral("color: #4c6272;"));

    auto *header = new QHBoxLayout;
    header->addWidget(journeyLabel);
    header->addWidget(m_journeySummary);
    header->addStretch();
    QList<QToolButton *> buttons;
    for (QAction *a : {m_addAction, m_branchAction, m_removeAction, m_earlierAction, m_laterAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setObjectName(a->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
        button->setAccessibleName(a->text().remove(QLatin1Char('&')));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
        header->addWidget(button);
        buttons.append(button);
    }

    // ---- the stages, as a list ----
    m_stageList = new QListWidget(this);
    m_stageList->setObjectName(QStringLiteral("stageList"));
    m_stageList->setAccessibleName(tr("Stages in journey order"));
    m_stageList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stageList->setUniformItemSizes(true);
    m_stageList->setIconSize(QSize(fontMetrics().height(), fontMetrics().height()));
    m_stageList->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    for (QAction *a : {m_addAction, m_removeAction, m_earlierAction, m_laterAction})
        m_stageList->addAction(a);
    auto *stagesLabel = new QLabel(tr("&Stages:"), this);
    stagesLabel->setBuddy(m_stageList);

    // ---- the selected stage ----
    m_form = new QGroupBox(tr("Selected stage"), this);
    m_form->setObjectName(QStringLiteral("stageForm"));
    m_stageIssues = addIssueLabel(QStringLiteral("stageIssues"), tr("Problems with the selected stage"));

    m_title = new QLineEdit(m_form);
    m_title->setObjectName(QStringLiteral("stageTitleEdit"));
    m_title->setAccessibleName(tr("Stage title"));
    m_careerStage = new QComboBox(m_form);
    m_careerStage->setObjectName(QStringLiteral("careerStageCombo"));
    m_careerStage->setAccessibleName(tr("Career stage"));
    m_careerStage->setToolTip(tr("The career stage this part of the journey belongs to; type to search"));
    fillTermCombo(m_careerStage, catalogue().terms(Vocabulary::CareerStage), tr("Type a career stage"));
    m_duration = new QSpinBox(m_form);
    m_duration->setObjectName(QStringLiteral("durationSpin"));
    m_duration->setAccessibleName(tr("Duration in months"));
    m_duration->setSuffix(tr(" months"));
    m_duration->setRange(1, 240);
    m_durationText = new QLabel(m_form);
    m_durationText->setObjectName(QStringLiteral("durationText"));
    m_durationText->setStyleSheet(QStringLiteral("color: #4c6272;"));
    m_portal = new QComboBox(m_form);
    m_portal->setObjectName(QStringLiteral("portalCombo"));
    m_portal->setAccessibleName(tr("Portal"));
    m_portal->setToolTip(tr("Where people apply or register for this stage"));
    m_portal->addItem(tr("None"), QString());
    for (const ItemEntry &portal : catalogue().portals())
        m_portal->addItem(portal.title, model::idString(portal.id));
    m_window = new QLineEdit(m_form);
    m_window->setObjectName(QStringLiteral("recruitmentWindowEdit"));
    m_window->setAccessibleName(tr("Recruitment window"));
    m_window->setPlaceholderText(tr("e.g. November to December"));
    m_entry = new QPlainTextEdit(m_form);
    m_entry->setObjectName(QStringLiteral("entryRequirementsEdit"));
    m_entry->setAccessibleName(tr("Entry requirements (Markdown)"));
    m_entry->setPlaceholderText(tr("What a person needs to start this stage (Markdown)"));
    m_entry->setUndoRedoEnabled(false); // the document's undo stack has every edit
    m_entry->setTabChangesFocus(true);
    m_entry->setMinimumHeight(line * 4);
    m_next = new QListWidget(m_form);
    m_next->setObjectName(QStringLiteral("nextStagesList"));
    m_next->setAccessibleName(tr("Next stages"));
    m_next->setToolTip(tr("The stages a person can go on to after this one; tick more than one for a branch"));
    m_next->setMinimumHeight(line * 4);

    auto addCell = [this](const QString &issueKey, QWidget *field, const QString &name, QWidget *extra = nullptr) {
        auto *cell = new QVBoxLayout;
        cell->setSpacing(2);
        if (extra) {
            auto *row = new QHBoxLayout;
            row->addWidget(field);
            row->addWidget(extra, 1);
            cell->addLayout(row);
        } else {
            cell->addWidget(field);
        }
        QLabel *issues = addIssueLabel(issueKey + QStringLiteral("Issues"), tr("Problems with %1").arg(name));
        cell->addWidget(issues);
        m_fieldIssues.insert(issueKey, FieldIssues{field, issues, name});
        return cell;
    };
    auto addRow = [this](QFormLayout *form, const QString &label, QWidget *buddy, QLayout *cell) {
        auto *rowLabel = new QLabel(label, m_form);
        rowLabel->setBuddy(buddy);
        form->addRow(rowLabel, cell);
    };
    auto *left = new QFormLayout;
    left->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    addRow(left, tr("&Title:"), m_title, addCell(QStringLiteral("title"), m_title, tr("Title")));
    addRow(left, tr("&Career stage:"), m_careerStage, addCell(QStringLiteral("career_stage"), m_careerStage, tr("Career stage")));
    addRow(left, tr("&Duration:"), m_duration,
           addCell(QStringLiteral("duration_months"), m_duration, tr("Duration"), m_durationText));
    addRow(left, tr("P&ortal:"), m_portal, addCell(QStringLiteral("portal"), m_portal, tr("Portal")));
    addRow(left, tr("Recruitment &window:"), m_window,
           addCell(QStringLiteral("recruitment_window"), m_window, tr("Recruitment window")));
    auto *right = new QFormLayout;
    right->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    right->setRowWrapPolicy(QFormLayout::WrapAllRows);
    addRow(right, tr("E&ntry requirements:"), m_entry,
           addCell(QStringLiteral("entry_requirements"), m_entry, tr("Entry requirements")));
    addRow(right, tr("Ne&xt stages:"), m_next, addCell(QStringLiteral("next"), m_next, tr("Next stages")));

    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->addWidget(m_stageIssues);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addSpacing(line);
    columns->addLayout(right, 2);
    formLayout->addLayout(columns);

    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(stagesLabel);
    listColumn->addWidget(m_stageList);
    auto *bottom = new QHBoxLayout;
    bottom->addLayout(listColumn, 1);
    bottom->addWidget(m_form, 3);

    // The journey above, the list and the form below; the person sets the split, and a
    // problem shown in the form does not move the journey.
    auto *below = new QWidget(this);
    below->setLayout(bottom);
    bottom->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("journeySplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(below);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_journeyIssues);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    // Tab order: profession, the actions, the journey, the list, then the form top to bottom.
    QList<QWidget *> order{m_profession};
    for (QToolButton *b : buttons)
        order.append(b);
    order << m_view << m_stageList << m_title << m_careerStage << m_duration << m_portal << m_window << m_entry << m_next;
    for (qsizetype i = 0; i + 1 < order.size(); ++i)
        setTabOrder(order[i], order[i + 1]);

    // ---- following the person ----
    connect(m_scene, &JourneyScene::currentStageChanged, this, &PathwayEditor::currentChangedByUser);
    connect(m_scene, &JourneyScene::titleEdited, this, [this](const QString &id, const QString &title) {
        editStage(tr("Rename stage"), id, mergeKey(id, QStringLiteral("title")), [&](PathwayStage &s) { s.title = title; });
    });
    connect(m_scene, &JourneyScene::durationStepped, this, &PathwayEditor::stepDuration);
    connect(m_scene, &JourneyScene::stageActivated, this, [this] {
        m_title->setFocus(Qt::OtherFocusReason);
        m_title->selectAll();
    });
    connect(m_scene, &JourneyScene::contextMenuRequested, this, [this](const QString &, const QPoint &screenPos) {
        QMenu menu(this);
        menu.setObjectName(QStringLiteral("stageMenu"));
        QAction *rename = menu.addAction(tr("Rena&me in place"));
        rename->setShortcut(QKeySequence(Qt::Key_F2));
        menu.addSeparator();
        menu.addActions({m_addAction, m_branchAction, m_removeAction});
        menu.addSeparator();
        menu.addActions({m_earlierAction, m_laterAction});
        if (menu.exec(screenPos) == rename)
            m_scene->editTitle(m_current);
    });
    connect(m_stageList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!m_updating && item)
            currentChangedByUser(item->data(Qt::UserRole).toString());
    });

    connect(m_profession, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            commitProfession();
    });
    connect(m_profession->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_updating)
            return;
        const int index = findTitle(m_profession, m_profession->currentText());
        if (index >= 0 && index != m_profession->currentIndex()) {
            m_profession->setCurrentIndex(index); // commits
        } else if (index < 0) {
            m_professionTyped = m_profession->currentText().trimmed();
            showIssues();
        }
    });
    connect(m_careerStage, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            commitCareerStage();
    });
    connect(m_careerStage->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_updating)
            return;
        const int index = findTitle(m_careerStage, m_careerStage->currentText());
        if (index >= 0 && index != m_careerStage->currentIndex()) {
            m_careerStage->setCurrentIndex(index); // commits
        } else if (index < 0) {
            m_careerStageTyped = m_careerStage->currentText().trimmed();
            showIssues();
        }
    });
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &text) {
        editStage(tr("Edit stage title"), m_current, mergeKey(m_current, QStringLiteral("title")),
                  [&](PathwayStage &s) { s.title = text; });
    });
    connect(m_duration, &QSpinBox::valueChanged, this, [this](int months) {
        m_durationText->setText(JourneyScene::durationText(months));
        if (!m_updating)
            editStage(tr("Change stage duration"), m_current, mergeKey(m_current, QStringLiteral("duration_months")),
                      [&](PathwayStage &s) { s.durationMonths = months; });
    });
    connect(m_portal, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        const QUuid portal(m_portal->currentData().toString());
        editStage(tr("Change portal"), m_current, QString(), [&](PathwayStage &s) { s.portal = portal; });
    });
    connect(m_window, &QLineEdit::textEdited, this, [this](const QString &text) {
        editStage(tr("Edit recruitment window"), m_current, mergeKey(m_current, QStringLiteral("recruitment_window")),
                  [&](PathwayStage &s) { s.recruitmentWindow = text; });
    });
    connect(m_entry, &QPlainTextEdit::textChanged, this, [this] {
        if (m_updating)
            return;
        const QString text = m_entry->toPlainText();
        editStage(tr("Edit entry requirements"), m_current, mergeKey(m_current, QStringLiteral("entry_requirements")),
                  [&](PathwayStage &s) { s.entryRequirements = text; });
    });
    connect(m_next, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            nextStageToggled();
    });
}

// ---------------------------------------------------------------------------------------
// Showing the document

const PathwayFields *PathwayEditor::fields() const
{
    return document()->item().tryAs<PathwayFields>();
}

int PathwayEditor::stageIndex(const QString &id) const
{
    const PathwayFields *f = fields();
    return f ? int(indexOfStage(f->stages, id)) : -1;
}

void PathwayEditor::refresh()
{
    if (!fields())
        return;
    {
        const QScopedValueRollback<bool> updating(m_updating, true);
        refreshProfession();
        refreshJourney();
        refreshStageList();
        refreshForm();
        updateActions();
        updateViewDescription();
    }
    showIssues();
}

void PathwayEditor::refreshProfession()
{
    const QString slug = fields()->profession;
    const int index = m_profession->currentIndex();
    if (index >= 0 && m_profession->itemData(index).toString() == slug && m_profession->currentText() == m_profession->itemText(index))
        return;
    m_professionTyped.clear();
    setComboValue(m_profession, slug, tr("%1 (not in the taxonomy)").arg(slug));
}

void PathwayEditor::refreshJourney()
{
    const PathwayFields &f = *fields();
    QList<JourneyStage> stages;
    for (const PathwayStage &s : f.stages) {
        JourneyStage j;
        j.id = s.id;
        j.title = s.title;
        j.careerStage = catalogue().termTitle(Vocabulary::CareerStage, s.careerStage);
        if (j.careerStage.isEmpty() && !s.careerStage.isEmpty())
            j.careerStage = Labels::humanizeSlug(s.careerStage);
        j.durationMonths = s.durationMonths;
        if (!s.portal.isNull()) {
            for (const ItemEntry &p : catalogue().portals())
                if (p.id == s.portal)
                    j.portal = p.title;
            if (j.portal.isEmpty())
                j.portal = catalogue().itemTitle(s.portal);
            if (j.portal.isEmpty())
                j.portal = tr("unknown portal");
        }
        j.next = s.next;
        stages.append(j);
    }
    m_scene->setStages(stages);

    // Keep the selected stage; when it has gone, the nearest one before it in the journey.
    const QStringList order = m_scene->stagesInJourneyOrder();
    QString current = m_current;
    if (!order.contains(current)) {
        current.clear();
        const qsizetype was = m_journeyOrder.indexOf(m_current);
        for (qsizetype k = was - 1; k >= 0 && current.isEmpty(); --k)
            if (order.contains(m_journeyOrder[k]))
                current = m_journeyOrder[k];
        for (qsizetype k = was + 1; was >= 0 && k < m_journeyOrder.size() && current.isEmpty(); ++k)
            if (order.contains(m_journeyOrder[k]))
                current = m_journeyOrder[k];
        if (current.isEmpty() && !order.isEmpty())
            current = order.first();
    }
    m_current = current;
    m_journeyOrder = order;
    m_scene->setCurrentStage(m_current);

    const int total = m_scene->totalMonths();
    m_journeySummary->setText(f.stages.isEmpty() ? tr("no stages yet")
                                                 : (f.stages.size() == 1 ? tr("1 stage") : tr("%1 stages").arg(f.stages.size()))
                                  + tr(" · %1 along the longest route").arg(JourneyScene::totalDurationText(total)));
    const int scrollBar = m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const int wanted = int(std::min(m_scene->sceneRect().height(), qreal(fontMetrics().lineSpacing() * 30)))
        + 2 * m_view->frameWidth() + scrollBar;
    m_view->setMinimumHeight(std::max(wanted, fontMetrics().lineSpacing() * 14));
}

void PathwayEditor::refreshStageList()
{
    const PathwayFields &f = *fields();
    QStringList ids = m_journeyOrder;
    // Stages the journey cannot show (an id used twice, or none) are listed too, at the end.
    for (const PathwayStage &s : f.stages)
        if (!ids.contains(s.id))
            ids.append(s.id);
    bool same = m_stageList->count() == ids.size();
    for (int i = 0; same && i < ids.size(); ++i)
        same = m_stageList->item(i)->data(Qt::UserRole).toString() == ids[i];
    if (!same) {
        m_stageList->clear();
        for (const QString &id : ids) {
            auto *item = new QListWidgetItem(m_stageList);
            item->setData(Qt::UserRole, id);
        }
    }
    for (int i = 0; i < ids.size(); ++i) {
        const int index = stageIndex(ids[i]);
        if (index < 0)
            continue;
        const PathwayStage &s = f.stages[index];
        const QString title = s.title.isEmpty() ? tr("(no title)") : s.title;
        m_stageList->item(i)->setText(tr("%1. %2 — %3").arg(i + 1).arg(title, JourneyScene::durationText(s.durationMonths)));
    }
    for (int i = 0; i < m_stageList->count(); ++i) {
        if (m_stageList->item(i)->data(Qt::UserRole).toString() == m_current) {
            m_stageList->setCurrentRow(i);
            break;
        }
    }
}

void PathwayEditor::refreshForm()
{
    const PathwayFields &f = *fields();
    const int index = stageIndex(m_current);
    m_form->setEnabled(index >= 0);
    if (index < 0) {
        m_form->setTitle(tr("Selected stage"));
        m_title->clear();
        m_window->clear();
        m_entry->clear();
        m_next->clear();
        return;
    }
    const PathwayStage &s = f.stages[index];
    const int position = int(m_journeyOrder.indexOf(s.id)) + 1;
    m_form->setTitle(tr("Stage %1 of %2").arg(position).arg(f.stages.size()));
    if (m_title->text() != s.title)
        m_title->setText(s.title);
    if (m_careerStage->currentData().toString() != s.careerStage || m_careerStage->currentIndex() < 0
        || m_careerStage->currentText() != m_careerStage->itemText(m_careerStage->currentIndex())) {
        m_careerStageTyped.clear();
        setComboValue(m_careerStage, s.careerStage, tr("%1 (not in the taxonomy)").arg(s.careerStage));
    }
    m_duration->setRange(std::min(1, s.durationMonths), std::max(240, s.durationMonths));
    if (m_duration->value() != s.durationMonths)
        m_duration->setValue(s.durationMonths);
    m_durationText->setText(JourneyScene::durationText(s.durationMonths));
    const QString portal = s.portal.isNull() ? QString() : model::idString(s.portal);
    QString portalName = catalogue().itemTitle(s.portal);
    setComboValue(m_portal, portal, portalName.isEmpty() ? tr("Unknown portal %1").arg(portal) : portalName);
    if (m_window->text() != s.recruitmentWindow)
        m_window->setText(s.recruitmentWindow);
    if (m_entry->toPlainText() != s.entryRequirements)
        m_entry->setPlainText(s.entryRequirements);

    // Next stages: every other stage in journey order, ticked when this one leads to it;
    // links to stages that do not exist are listed (ticked) so they can be removed.
    QStringList ids;
    QStringList texts;
    for (const QString &id : std::as_const(m_journeyOrder)) {
        const int j = stageIndex(id);
        if (id == s.id || j < 0)
            continue;
        ids.append(id);
        texts.append(f.stages[j].title.isEmpty() ? tr("(no title)") : f.stages[j].title);
    }
    for (const QString &id : s.next) {
        if (!ids.contains(id) && id != s.id) {
            ids.append(id);
            texts.append(tr("Missing stage “%1”").arg(id));
        }
    }
    bool same = m_next->count() == ids.size();
    for (int i = 0; same && i < ids.size(); ++i)
        same = m_next->item(i)->data(Qt::UserRole).toString() == ids[i];
    if (!same) {
        m_next->clear();
        for (const QString &id : std::as_const(ids)) {
            auto *item = new QListWidgetItem(m_next);
            item->setData(Qt::UserRole, id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        }
    }
    for (int i = 0; i < ids.size(); ++i) {
        QListWidgetItem *item = m_next->item(i);
        item->setText(texts[i]);
        item->setCheckState(s.next.contains(ids[i]) ? Qt::Checked : Qt::Unchecked);
    }
}

void PathwayEditor::updateActions()
{
    const PathwayFields *f = fields();
    const int index = stageIndex(m_current);
    const bool empty = !f || f->stages.isEmpty();
    bool hasPredecessor = false;
    if (f && index >= 0)
        for (const PathwayStage &s : f->stages)
            hasPredecessor = hasPredecessor || (s.id != m_current && s.next.contains(m_current));
    bool hasSuccessor = false;
    if (f && index >= 0)
        for (const QString &n : f->stages[index].next)
            hasSuccessor = hasSuccessor || (n != m_current && stageIndex(n) >= 0);
    m_addAction->setText(empty ? tr("&Add first stage") : tr("&Add stage after"));
    m_addAction->setEnabled(empty || index >= 0);
    m_branchAction->setEnabled(hasPredecessor);
    m_removeAction->setEnabled(f && f->stages.size() > 1 && index >= 0);
    m_earlierAction->setEnabled(hasPredecessor);
    m_laterAction->setEnabled(hasSuccessor);
}

void PathwayEditor::updateViewDescription()
{
    const PathwayFields *f = fields();
    const int index = stageIndex(m_current);
    QString selected;
    if (f && index >= 0) {
        const PathwayStage &s = f->stages[index];
        const QStringList texts = m_scene->stageCardTexts(s.id);
        selected = tr("Selected: %1 (%2 of %3), %4.")
                       .arg(s.title)
                       .arg(m_journeyOrder.indexOf(s.id) + 1)
                       .arg(m_journeyOrder.size())
                       .arg(texts.mid(2).join(QStringLiteral(", ")));
    }
    m_view->setAccessibleDescription(
        (selected.isEmpty() ? QString() : selected + QLatin1Char(' '))
        + tr("Arrow keys move between stages, Enter edits the selected stage in the form, F2 renames it in place, "
             "+ and - change its duration by a month, Delete removes it."));
}

void PathwayEditor::setCurrentStage(const QString &id)
{
    if (stageIndex(id) < 0)
        return;
    currentChangedByUser(id);
}

void PathwayEditor::currentChangedByUser(const QString &id)
{
    if (id == m_current && m_scene->currentStage() == id)
        return;
    m_current = id;
    {
        const QScopedValueRollback<bool> updating(m_updating, true);
        m_scene->setCurrentStage(id);
        refreshStageList();
        refreshForm();
        updateActions();
        updateViewDescription();
    }
    showIssues();
    const QRectF card = m_scene->stageCardRect(id);
    if (!card.isNull())
        m_view->ensureVisible(card, fontMetrics().lineSpacing(), fontMetrics().lineSpacing());
}

// ---------------------------------------------------------------------------------------
// Edits

void PathwayEditor::editStage(const QString &description, const QString &id, const QString &key,
                              const std::function<void(PathwayStage &)> &mutate)
{
    if (m_updating || id.isEmpty())
        return;
    document()->editItem(description, [&](model::Item &item) {
        auto *f = std::get_if<PathwayFields>(&item.fields);
        if (!f)
            return;
        const qsizetype index = indexOfStage(f->stages, id);
        if (index >= 0)
            mutate(f->stages[index]);
    }, key);
}

void PathwayEditor::editStages(const QString &description, const std::function<void(QList<PathwayStage> &)> &mutate)
{
    if (m_updating)
        return;
    document()->editItem(description, [&](model::Item &item) {
        if (auto *f = std::get_if<PathwayFields>(&item.fields))
            mutate(f->stages);
    });
}

void PathwayEditor::addStageAfter()
{
    m_scene->finishTitleEdit();
    const PathwayFields *f = fields();
    if (!f)
        return;
    const QString after = m_current;
    if (!f->stages.isEmpty() && stageIndex(after) < 0)
        return;
    PathwayStage added;
    added.id = newStageId();
    added.title = tr("New stage");
    added.durationMonths = 12;
    m_current = added.id; // selected once the document has it
    editStages(tr("Add stage"), [&](QList<PathwayStage> &stages) {
        const qsizetype index = indexOfStage(stages, after);
        if (index < 0) {
            stages.append(added);
            return;
        }
        added.next = stages[index].next;
        stages[index].next = {added.id};
        stages.insert(index + 1, added);
    });
    if (stageIndex(added.id) < 0) {
        m_current = after;
        return;
    }
    m_title->setFocus(Qt::OtherFocusReason);
    m_title->selectAll();
}

void PathwayEditor::addBranch()
{
    m_scene->finishTitleEdit();
    const QString beside = m_current;
    if (stageIndex(beside) < 0)
        return;
    PathwayStage added;
    added.id = newStageId();
    added.title = tr("New stage");
    m_current = added.id;
    editStages(tr("Add branch"), [&](QList<PathwayStage> &stages) {
        const qsizetype index = indexOfStage(stages, beside);
        added.durationMonths = stages[index].durationMonths;
        added.next = stages[index].next;
        bool linked = false;
        for (PathwayStage &s : stages) {
            const qsizetype k = s.next.indexOf(beside);
            if (k >= 0 && s.id != beside) {
                s.next.insert(k + 1, added.id);
                linked = true;
            }
        }
        if (linked)
            stages.insert(index + 1, added);
    });
    if (stageIndex(added.id) < 0) {
        m_current = beside;
        return;
    }
    m_title->setFocus(Qt::OtherFocusReason);
    m_title->selectAll();
}

void PathwayEditor::removeStage()
{
    m_scene->finishTitleEdit();
    const PathwayFields *f = fields();
    const int index = stageIndex(m_current);
    if (!f || index < 0 || f->stages.size() <= 1)
        return;
    const PathwayStage removed = f->stages[index];
    // Select where the journey goes on from it, or else where it came from.
    QString select;
    for (const QString &n : removed.next)
        if (select.isEmpty() && n != removed.id && stageIndex(n) >= 0)
            select = n;
    for (const PathwayStage &s : f->stages)
        if (select.isEmpty() && s.id != removed.id && s.next.contains(removed.id))
            select = s.id;
    if (!select.isEmpty())
        m_current = select;
    editStages(tr("Remove stage"), [&](QList<PathwayStage> &stages) {
        const qsizetype at = indexOfStage(stages, removed.id);
        if (at < 0)
            return;
        stages.removeAt(at);
        for (PathwayStage &s : stages) {
            qsizetype k = s.next.indexOf(removed.id);
            if (k < 0)
                continue;
            s.next.removeAt(k);
            for (const QString &n : removed.next)
                if (n != s.id && n != removed.id && !s.next.contains(n))
                    s.next.insert(k++, n);
        }
        // The journey must still start where it did: the stage after the first one moves up.
        if (at == 0 && !removed.next.isEmpty()) {
            const qsizetype first = indexOfStage(stages, removed.next.first());
            if (first > 0)
                stages.move(first, 0);
        }
    });
    m_view->setFocus(Qt::OtherFocusReason);
}

void PathwayEditor::moveStage(int direction)
{
    m_scene->finishTitleEdit();
    const PathwayFields *f = fields();
    const int index = stageIndex(m_current);
    if (!f || index < 0)
        return;
    QString partner;
    if (direction < 0) {
        for (const PathwayStage &s : f->stages)
            if (partner.isEmpty() && s.id != m_current && s.next.contains(m_current))
                partner = s.id;
    } else {
        for (const QString &n : f->stages[index].next)
            if (partner.isEmpty() && n != m_current && stageIndex(n) >= 0)
                partner = n;
    }
    if (partner.isEmpty())
        return;
    const QString moving = m_current;
    editStages(direction < 0 ? tr("Move stage earlier") : tr("Move stage later"), [&](QList<PathwayStage> &stages) {
        const qsizetype a = indexOfStage(stages, moving);
        const qsizetype b = indexOfStage(stages, partner);
        if (a >= 0 && b >= 0)
            swapStages(stages, a, b);
    });
}

void PathwayEditor::stepDuration(const QString &id, int months)
{
    const int index = stageIndex(id);
    if (index < 0)
        return;
    const int now = fields()->stages[index].durationMonths;
    const int wanted = std::clamp(now + months, 1, 240);
    if (wanted == now)
        return;
    editStage(tr("Change stage duration"), id, mergeKey(id, QStringLiteral("duration_months")),
              [&](PathwayStage &s) { s.durationMonths = wanted; });
}

void PathwayEditor::commitCareerStage()
{
    const int index = m_careerStage->currentIndex();
    if (index < 0)
        return;
    m_careerStageTyped.clear();
    const QString slug = m_careerStage->itemData(index).toString();
    editStage(tr("Change career stage"), m_current, QString(), [&](PathwayStage &s) { s.careerStage = slug; });
    showIssues();
}

void PathwayEditor::commitProfession()
{
    const int index = m_profession->currentIndex();
    if (index < 0)
        return;
    m_professionTyped.clear();
    const QString slug = m_profession->itemData(index).toString();
    document()->editItem(tr("Change profession"), [&](model::Item &item) {
        if (auto *f = std::get_if<PathwayFields>(&item.fields))
            f->profession = slug;
    });
    showIssues();
}

void PathwayEditor::nextStageToggled()
{
    const int index = stageIndex(m_current);
    if (index < 0)
        return;
    const QStringList before = fields()->stages[index].next;
    QSet<QString> ticked;
    QStringList listed;
    for (int i = 0; i < m_next->count(); ++i) {
        const QString id = m_next->item(i)->data(Qt::UserRole).toString();
        listed.append(id);
        if (m_next->item(i)->checkState() == Qt::Checked)
            ticked.insert(id);
    }
    // Keep the order of the links that stay; new ones go at the end, in journey order.
    QStringList next;
    for (const QString &id : before)
        if (ticked.contains(id) || !listed.contains(id))
            next.append(id);
    for (const QString &id : std::as_const(listed))
        if (ticked.contains(id) && !next.contains(id))
            next.append(id);
    editStage(tr("Change next stages"), m_current, QString(), [&](PathwayStage &s) { s.next = next; });
}

// ---------------------------------------------------------------------------------------
// Issues

QList<PathwayEditor::StageIssue> PathwayEditor::stageIssues() const
{
    // The rules name stages by index ("pathway.stages[2].duration_months"); editors may
    // name them by id ("fields.stages[id=x].title"). Both prefixes are taken.
    static const QRegularExpression path(
        QStringLiteral("^(?:fields|pathway)\\.stages\\[(?:(\\d+)|id=([^\\]]*))\\](?:\\.([a-z_]+))?"));
    QList<StageIssue> out;
    const PathwayFields *f = fields();
    if (!f)
        return out;
    for (const model::Issue &issue : document()->issues()) {
        const auto match = path.match(issue.where);
        if (!match.hasMatch())
            continue;
        QString id = match.captured(2);
        if (!match.captured(1).isEmpty()) {
            const qsizetype index = match.captured(1).toLongLong();
            if (index >= f->stages.size())
                continue; // from before the last change; the new issues follow
            id = f->stages[index].id;
        }
        out.append(StageIssue{id, match.captured(3), issue.message});
    }
    return out;
}

QString PathwayEditor::fieldLabel(const QString &field) const
{
    if (m_fieldIssues.contains(field))
        return m_fieldIssues.value(field).name;
    if (field == QLatin1String("id"))
        return tr("Stage id");
    return tr("Stage");
}

void PathwayEditor::showIssues()
{
    const PathwayFields *f = fields();
    if (!f)
        return;
    QHash<QString, QStringList> problems; // by stage id
    QHash<QString, QStringList> byField;  // of the selected stage
    QStringList stageLevel;
    for (const StageIssue &issue : stageIssues()) {
        problems[issue.stageId].append(tr("%1: %2").arg(fieldLabel(issue.field), issue.message));
        if (issue.stageId != m_current)
            continue;
        if (m_fieldIssues.contains(issue.field) && issue.field != QLatin1String("profession"))
            byField[issue.field].append(issue.message);
        else
            stageLevel.append(tr("%1: %2").arg(fieldLabel(issue.field), issue.message));
    }
    QStringList journey;
    for (const model::Issue &issue : document()->issues()) {
        const QString &where = issue.where;
        if (where == QLatin1String("pathway.profession") || where == QLatin1String("fields.profession"))
            byField[QStringLiteral("profession")].append(issue.message);
        else if (where == QLatin1String("pathway.stages") || where == QLatin1String("fields.stages"))
            journey.append(issue.message);
    }
    if (!m_professionTyped.isEmpty())
        byField[QStringLiteral("profession")].prepend(
            tr("no profession is called “%1”; choose one from the list (the pathway keeps its profession until you do)")
                .arg(m_professionTyped));
    if (!m_careerStageTyped.isEmpty())
        byField[QStringLiteral("career_stage")].prepend(
            tr("no career stage is called “%1”; choose one from the list (the stage keeps its career stage until you do)")
                .arg(m_careerStageTyped));

    m_scene->setProblems(problems);
    // Every row has an icon, blank when all is well, so the titles line up.
    const QIcon problemIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    static const QIcon noProblemIcon = [] {
        QPixmap blank(64, 64);
        blank.fill(Qt::transparent);
        return QIcon(blank);
    }();
    for (int i = 0; i < m_stageList->count(); ++i) {
        QListWidgetItem *item = m_stageList->item(i);
        const QStringList p = problems.value(item->data(Qt::UserRole).toString());
        item->setIcon(p.isEmpty() ? noProblemIcon : problemIcon);
        item->setToolTip(p.join(QLatin1Char('\n')));
        item->setData(Qt::AccessibleDescriptionRole,
                      p.isEmpty() ? QString() : tr("Has problems: %1").arg(p.join(QStringLiteral("; "))));
    }
    for (auto it = m_fieldIssues.cbegin(); it != m_fieldIssues.cend(); ++it) {
        QStringList lines;
        for (const QString &m : byField.value(it.key()))
            lines.append(tr("%1: %2").arg(it.value().name, m));
        it.value().label->setText(lines.join(QLatin1Char('\n')));
        it.value().label->setVisible(!lines.isEmpty());
        it.value().field->setAccessibleDescription(lines.join(QLatin1Char(' ')));
    }
    m_stageIssues->setText(stageLevel.join(QLatin1Char('\n')));
    m_stageIssues->setVisible(!stageLevel.isEmpty());
    m_journeyIssues->setText(journey.isEmpty() ? QString() : tr("Journey: %1").arg(journey.join(QLatin1Char('\n'))));
    m_journeyIssues->setVisible(!journey.isEmpty());
}

bool PathwayEditor::focusPath(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(?:fields|pathway)\\.(profession|stages)(?:\\[(?:(\\d+)|id=([^\\]]*))\\](?:\\.([a-z_]+)(?:\\[(\\d+)\\])?)?)?$"));
    const auto match = pattern.match(path);
    const PathwayFields *f = fields();
    if (!match.hasMatch() || !f)
        return false;
    if (match.captured(1) == QLatin1String("profession")) {
        m_profession->setFocus(Qt::OtherFocusReason);
        return true;
    }
    if (!path.contains(QLatin1Char('['))) {
        m_view->setFocus(Qt::OtherFocusReason);
        return true;
    }
    QString id = match.captured(3);
    if (!match.captured(2).isEmpty()) {
        const qsizetype index = match.captured(2).toLongLong();
        if (index >= f->stages.size())
            return false;
        id = f->stages[index].id;
    }
    if (stageIndex(id) < 0)
        return false;
    setCurrentStage(id);
    const QString field = match.captured(4);
    if (field == QLatin1String("next")) {
        const PathwayStage &s = f->stages[stageIndex(id)];
        const qsizetype k = match.captured(5).isEmpty() ? -1 : match.captured(5).toLongLong();
        const QString target = k >= 0 && k < s.next.size() ? s.next[k] : QString();
        for (int i = 0; i < m_next->count(); ++i)
            if (m_next->item(i)->data(Qt::UserRole).toString() == target)
                m_next->setCurrentRow(i);
    }
    QWidget *widget = m_fieldIssues.contains(field) && field != QLatin1String("profession") ? m_fieldIssues.value(field).field
                                                                                         : m_view;
    widget->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace carta::app
