// The curriculum editor driven through its real widgets: rows added by button and by the
// Insert key with fresh ids and suggested codes, cells typed into through the view's
// editors, Alt+Up/Alt+Down and Delete, undo and redo followed by the tables, problems
// marked in the cells and listed under the table, the assessment method's combo box.
#include "apptestsupport.h"

#include "editors/curriculumeditor.h"
#include "editors/curriculumtables.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

QStringList outcomeCodes(const Item &item)
{
    QStringList codes;
    for (const LearningOutcome &lo : item.as<CurriculumFields>().learningOutcomes)
        codes.append(lo.code);
    return codes;
}

QStringList outcomeTitles(const Item &item)
{
    QStringList titles;
    for (const LearningOutcome &lo : item.as<CurriculumFields>().learningOutcomes)
        titles.append(lo.title);
    return titles;
}

QStringList columnTexts(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

// A cardiology curriculum that passes validation, with three outcomes and a competency.
Item cardiology()
{
    Item item = carta::testing::ofType(ItemType::Curriculum, S("Cardiology curriculum"), S("cardiology-curriculum"));
    item.id = QUuid(S("6a0f2d1e-8c1b-4e55-9d0a-3f2b7c9e4a10")); // the same item every call
    auto &f = item.as<CurriculumFields>();
    f.version = S("2022");
    f.effectiveFrom = QDate(2022, 8, 3);
    f.learningOutcomes = {{S("lo1"), S("CARD-LO-01"), S("Manage acute heart failure"), S("")},
                          {S("lo2"), S("CARD-LO-02"), S("Interpret echocardiograms"), S("")},
                          {S("lo3"), S("CARD-LO-03"), S("Lead a cardiac arrest team"), S("")}};
    f.competencies = {{S("c1"), S("CARD-CIP-01"), S("Managing the acute take"), S(""), {S("CARD-LO-01")}}};
    f.assessments = {{S("a1"), AssessmentMethod::WorkplaceBased, S("Supervised learning events")}};
    return item;
}

} // namespace

class tst_CurriculumEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void suggestCode_data();
    void suggestCode();
    void addOutcomesByButtonAndInsertKey();
    void typingInACellIsOneUndoStep();
    void undoRedoRefreshTheTable();
    void reorderWithAltUpAndDown();
    void removeWithDeleteKey();
    void unknownOutcomeCodeInCompetencyIsShown();
    void duplicateCodeIsMarkedInTheCell();
    void descriptionTakesSeveralLines();
    void assessmentMethodThroughComboDelegate();
    void versionAndDates();
    void replacedItemKeepsCurrentRow();
    void focusPathSelectsTheCell();

private:
    void open(const Item &item);
    template<typename T> T *find(const QString &name) const
    {
        auto *widget = m_editor->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    CurriculumTableView *table(const char *base) const { return find<CurriculumTableView>(S(base) + S("Table")); }
    // Opens the cell's editor as a person would (the view's edit()) and returns it focused.
    QWidget *editCell(CurriculumTableView *view, int row, int column);
    void typeIntoCell(CurriculumTableView *view, int row, int column, const QString &text);

    ItemCatalogue m_catalogue;
    std::unique_ptr<ItemDocument> m_document;
    std::unique_ptr<CurriculumEditor> m_editor;
};

void tst_CurriculumEditor::initTestCase()
{
    carta::testing::isolateSettings("curriculumeditor");
}

void tst_CurriculumEditor::cleanup()
{
    m_editor.reset();
    m_document.reset();
}

void tst_CurriculumEditor::open(const Item &item)
{
    m_document = std::make_unique<ItemDocument>(item);
    m_editor = std::make_unique<CurriculumEditor>(m_document.get(), m_catalogue);
    m_editor->resize(1000, 1100);
    m_editor->show();
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
}

QWidget *tst_CurriculumEditor::editCell(CurriculumTableView *view, int row, int column)
{
    // A completer's popup may have taken the activation with it (offscreen windows).
    m_editor->activateWindow();
    if (!QTest::qWaitForWindowActive(m_editor.get()))
        qFatal("the editor's window is not active");
    const QModelIndex index = view->model()->index(row, column);
    view->setFocus();
    view->setCurrentIndex(index);
    view->edit(index);
    QWidget *editor = QApplication::focusWidget();
    if (!editor || editor == view || !view->isAncestorOf(editor))
        qFatal("no editor for row %d, column %d", row, column);
    return editor;
}

void tst_CurriculumEditor::typeIntoCell(CurriculumTableView *view, int row, int column, const QString &text)
{
    QWidget *editor = editCell(view, row, column);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!view->isEditing());
}

void tst_CurriculumEditor::suggestCode_data()
{
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("none") << QStringList() << S("CARD-LO-01");
    QTest::newRow("after the last") << QStringList{S("CARD-LO-01"), S("CARD-LO-06")} << S("CARD-LO-07");
    QTest::newRow("highest of the pattern, not the last")
        << QStringList{S("CARD-LO-09"), S("CARD-LO-02")} << S("CARD-LO-10");
    QTest::newRow("the last row's pattern") << QStringList{S("CARD-LO-04"), S("GIM-LO-1")} << S("GIM-LO-2");
    QTest::newRow("padding kept") << QStringList{S("X-007")} << S("X-008");
    QTest::newRow("unnumbered codes") << QStringList{S("ALPHA"), S("BETA")} << S("CARD-LO-01");
    QTest::newRow("first taken") << QStringList{S("CARD-LO-01"), S("ALPHA")} << S("CARD-LO-02");
}

void tst_CurriculumEditor::suggestCode()
{
    QFETCH(QStringList, codes);
    QFETCH(QString, expected);
    QCOMPARE(app::suggestCode(codes, S("CARD-LO-01")), expected);
}

void tst_CurriculumEditor::addOutcomesByButtonAndInsertKey()
{
    Item item = carta::testing::ofType(ItemType::Curriculum, S("Cardiology curriculum"), S("cardiology-curriculum"));
    open(item);
    CurriculumTableView *view = table("learningOutcomes");
    QCOMPARE(view->model()->rowCount(), 0);

    // The button: a row with a fresh id and a code from the slug; typing starts in its title.
    QTest::mouseClick(find<QPushButton>(S("learningOutcomesAddButton")), Qt::LeftButton);
    const auto &outcomes = [&]() -> const QList<LearningOutcome> & {
        return m_document->item().as<CurriculumFields>().learningOutcomes;
    };
    QCOMPARE(outcomes().size(), 1);
    QCOMPARE(outcomes().at(0).code, S("CARD-LO-01"));
    const QString firstId = outcomes().at(0).id;
    QVERIFY(!QUuid::fromString(firstId).isNull());
    QVERIFY(!firstId.startsWith(QLatin1Char('{')));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->currentIndex(), view->model()->index(0, LearningOutcomeTableModel::TitleColumn));
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    QTest::keyClicks(editor, S("Take a cardiovascular history"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!view->isEditing()); // the delegate commits once the key is handled
    QCOMPARE(outcomes().at(0).title, S("Take a cardiovascular history"));

    // The Insert key in the table: the next code of the pattern, after the current row.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Insert);
    QCOMPARE(outcomes().size(), 2);
    QCOMPARE(outcomes().at(1).code, S("CARD-LO-02"));
    QVERIFY(outcomes().at(1).id != firstId);
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);

    // A code typed out of order: the next suggestion follows it.
    typeIntoCell(view, 1, LearningOutcomeTableModel::CodeColumn, S("CARD-LO-07"));
    QCOMPARE(outcomeCodes(m_document->item()), (QStringList{S("CARD-LO-01"), S("CARD-LO-07")}));
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Insert);
    QCOMPARE(outcomeCodes(m_document->item()), (QStringList{S("CARD-LO-01"), S("CARD-LO-08"), S("CARD-LO-07")}));
    QCOMPARE(columnTexts(view->model(), LearningOutcomeTableModel::CodeColumn), outcomeCodes(m_document->item()));

    // Competencies take the curriculum's prefix.
    QTest::mouseClick(find<QPushButton>(S("competenciesAddButton")), Qt::LeftButton);
    QCOMPARE(m_document->item().as<CurriculumFields>().competencies.at(0).code, S("CARD-CIP-01"));
}

void tst_CurriculumEditor::typingInACellIsOneUndoStep()
{
    open(cardiology());
    CurriculumTableView *view = table("learningOutcomes");
    QWidget *editor = editCell(view, 1, LearningOutcomeTableModel::TitleColumn);
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    qobject_cast<QLineEdit *>(editor)->end(false);
    QTest::keyClicks(editor, S(" and cardiac CT"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!view->isEditing());
    QCOMPARE(outcomeTitles(m_document->item()).at(1), S("Interpret echocardiograms and cardiac CT"));
    QCOMPARE(m_document->undoStack()->count(), 1);

    // Editing the same cell again merges (the same field of the same outcome).
    typeIntoCell(view, 1, LearningOutcomeTableModel::TitleColumn, S("Interpret cardiac imaging"));
    QCOMPARE(outcomeTitles(m_document->item()).at(1), S("Interpret cardiac imaging"));
    QCOMPARE(m_document->undoStack()->count(), 1);

    m_document->undoStack()->undo();
    QCOMPARE(outcomeTitles(m_document->item()).at(1), S("Interpret echocardiograms"));
    QCOMPARE(view->model()->index(1, LearningOutcomeTableModel::TitleColumn).data().toString(), S("Interpret echocardiograms"));
    QCOMPARE(serialize(m_document->item()), serialize(cardiology()));
}

void tst_CurriculumEditor::undoRedoRefreshTheTable()
{
    open(cardiology());
    CurriculumTableView *view = table("learningOutcomes");
    typeIntoCell(view, 2, LearningOutcomeTableModel::TitleColumn, S("Lead resuscitation"));
    typeIntoCell(view, 0, LearningOutcomeTableModel::CodeColumn, S("CARD-LO-10"));
    QCOMPARE(m_document->undoStack()->count(), 2);

    // Undo the title while row 0 is current: the table shows it, and the changed row.
    view->setCurrentIndex(view->model()->index(0, 1));
    m_document->undoStack()->undo();
    QCOMPARE(view->model()->index(0, 0).data().toString(), S("CARD-LO-01"));
    m_document->undoStack()->undo();
    QCOMPARE(view->model()->index(2, 1).data().toString(), S("Lead a cardiac arrest team"));
    QCOMPARE(view->currentIndex().row(), 2);
    m_document->undoStack()->redo();
    QCOMPARE(view->model()->index(2, 1).data().toString(), S("Lead resuscitation"));
    m_document->undoStack()->redo();
    QCOMPARE(view->model()->index(0, 0).data().toString(), S("CARD-LO-10"));
    QCOMPARE(view->currentIndex().row(), 0);

    // Undoing an added row removes it from the table; redo puts it back as current.
    view->setCurrentIndex(view->model()->index(2, 0));
    QTest::mouseClick(find<QPushButton>(S("learningOutcomesAddButton")), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(view->model()->rowCount(), 4);
    m_document->undoStack()->undo();
    QCOMPARE(view->model()->rowCount(), 3);
    m_document->undoStack()->redo();
    QCOMPARE(view->model()->rowCount(), 4);
    QCOMPARE(view->currentIndex().row(), 3);
    QCOMPARE(columnTexts(view->model(), 0), outcomeCodes(m_document->item()));
}

void tst_CurriculumEditor::reorderWithAltUpAndDown()
{
    open(cardiology());
    CurriculumTableView *view = table("learningOutcomes");
    auto *up = find<QPushButton>(S("learningOutcomesMoveUpButton"));
    auto *down = find<QPushButton>(S("learningOutcomesMoveDownButton"));
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 1));
    QVERIFY(!up->isEnabled());
    QVERIFY(down->isEnabled());

    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(outcomeCodes(m_document->item()), (QStringList{S("CARD-LO-02"), S("CARD-LO-01"), S("CARD-LO-03")}));
    QCOMPARE(view->currentIndex().row(), 1); // the moved row stays current
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(outcomeCodes(m_document->item()), (QStringList{S("CARD-LO-02"), S("CARD-LO-03"), S("CARD-LO-01")}));
    QCOMPARE(view->currentIndex().row(), 2);
    QVERIFY(!down->isEnabled());
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier); // at the end: nothing
    QCOMPARE(m_document->undoStack()->count(), 2);

    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(outcomeCodes(m_document->item()), (QStringList{S("CARD-LO-02"), S("CARD-LO-01"), S("CARD-LO-03")}));
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::mouseClick(up, Qt::LeftButton);
    QCOMPARE(outcomeCodes(m_document->item()), (QStringList{S("CARD-LO-01"), S("CARD-LO-02"), S("CARD-LO-03")}));
    QCOMPARE(columnTexts(view->model(), 0), outcomeCodes(m_document->item()));

    m_document->undoStack()->undo();
    QCOMPARE(columnTexts(view->model(), 0), (QStringList{S("CARD-LO-02"), S("CARD-LO-01"), S("CARD-LO-03")}));
    QCOMPARE(view->currentIndex().row(), 1);
}

void tst_CurriculumEditor::removeWithDeleteKey()
{
    open(cardiology());
    CurriculumTableView *view = table("learningOutcomes");
    view->setFocus();
    view->setCurrentIndex(view->model()->index(1, 0));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(outcomeCodes(m_document->item()), (QStringList{S("CARD-LO-01"), S("CARD-LO-03")}));
    QCOMPARE(columnTexts(view->model(), 0), outcomeCodes(m_document->item()));
    QVERIFY(view->currentIndex().isValid());

    QTest::mouseClick(find<QPushButton>(S("learningOutcomesRemoveButton")), Qt::LeftButton);
    QTest::mouseClick(find<QPushButton>(S("learningOutcomesRemoveButton")), Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(!find<QPushButton>(S("learningOutcomesRemoveButton"))->isEnabled());

    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(serialize(m_document->item()), serialize(cardiology()));
    QCOMPARE(columnTexts(view->model(), 0), outcomeCodes(cardiology()));
}

void tst_CurriculumEditor::unknownOutcomeCodeInCompetencyIsShown()
{
    open(cardiology());
    CurriculumTableView *view = table("competencies");
    QLabel *issues = find<QLabel>(S("competenciesIssues"));
    QVERIFY(issues->isHidden());

    // Each code after a comma completes from the outcomes' codes.
    auto *codes = qobject_cast<QLineEdit *>(editCell(view, 0, CompetencyTableModel::OutcomeCodesColumn));
    QVERIFY(codes);
    QVERIFY(codes->completer());
    QTest::keyClicks(codes, S("CARD-LO-01, lo-03"));
    QTRY_VERIFY(codes->completer()->popup()->isVisible());
    QCOMPARE(codes->completer()->completionCount(), 1);
    QTest::keyClick(codes->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(codes->completer()->popup(), Qt::Key_Return);
    QCOMPARE(codes->text(), S("CARD-LO-01, CARD-LO-03"));
    QTest::keyClick(codes, Qt::Key_Return);
    QTRY_VERIFY(!view->isEditing());
    QCOMPARE(m_document->item().as<CurriculumFields>().competencies.at(0).outcomeCodes,
             (QStringList{S("CARD-LO-01"), S("CARD-LO-03")}));
    QVERIFY(issues->isHidden());

    typeIntoCell(view, 0, CompetencyTableModel::OutcomeCodesColumn, S("CARD-LO-01, CARD-LO-09"));
    QCOMPARE(m_document->item().as<CurriculumFields>().competencies.at(0).outcomeCodes,
             (QStringList{S("CARD-LO-01"), S("CARD-LO-09")}));
    QVERIFY(!issues->isHidden());
    const QString message = S("no learning outcome has the code \"CARD-LO-09\"");
    QVERIFY2(issues->text().contains(message), qPrintable(issues->text()));
    QVERIFY(issues->text().contains(S("Row 1, Learning outcomes")));
    const QModelIndex cell = view->model()->index(0, CompetencyTableModel::OutcomeCodesColumn);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(message));
    QVERIFY(!cell.data(Qt::DecorationRole).isNull());
    QVERIFY(view->model()->index(0, CompetencyTableModel::TitleColumn).data(Qt::ToolTipRole).isNull());

    // Adding the outcome makes the code known: the mark goes.
    CurriculumTableView *outcomes = table("learningOutcomes");
    outcomes->setCurrentIndex(outcomes->model()->index(2, 0));
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    QTest::mouseClick(find<QPushButton>(S("learningOutcomesAddButton")), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    typeIntoCell(outcomes, 3, LearningOutcomeTableModel::CodeColumn, S("CARD-LO-09"));
    QVERIFY(issues->text().isEmpty() || issues->isHidden());
    QVERIFY(cell.data(Qt::DecorationRole).isNull());
}

void tst_CurriculumEditor::duplicateCodeIsMarkedInTheCell()
{
    open(cardiology());
    CurriculumTableView *view = table("learningOutcomes");
    typeIntoCell(view, 2, LearningOutcomeTableModel::CodeColumn, S("CARD-LO-01"));
    const QModelIndex cell = view->model()->index(2, LearningOutcomeTableModel::CodeColumn);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(S("is already used")));
    QVERIFY(!cell.data(Qt::ForegroundRole).isNull());
    QVERIFY(view->model()->index(0, 0).data(Qt::ToolTipRole).isNull());
    QLabel *issues = find<QLabel>(S("learningOutcomesIssues"));
    QVERIFY(!issues->isHidden());
    QVERIFY2(issues->text().startsWith(S("Row 3, Code: learning outcome code \"CARD-LO-01\" is already used")),
             qPrintable(issues->text()));

    // An empty title, on a new row.
    m_document->undoStack()->undo();
    QVERIFY(issues->isHidden());
    QTest::mouseClick(find<QPushButton>(S("learningOutcomesAddButton")), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY2(issues->text().contains(S("Row 4, Title: must not be empty")), qPrintable(issues->text()));
}

void tst_CurriculumEditor::descriptionTakesSeveralLines()
{
    open(cardiology());
    CurriculumTableView *view = table("learningOutcomes");
    QWidget *editor = editCell(view, 0, LearningOutcomeTableModel::DescriptionColumn);
    QVERIFY(qobject_cast<QPlainTextEdit *>(editor));
    QTest::keyClicks(editor, S("First line"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(editor, S("Second line"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!view->isEditing());
    QCOMPARE(m_document->item().as<CurriculumFields>().learningOutcomes.at(0).description, S("First line\nSecond line"));
    QCOMPARE(view->model()->index(0, LearningOutcomeTableModel::DescriptionColumn).data().toString(), S("First line …"));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void tst_CurriculumEditor::assessmentMethodThroughComboDelegate()
{
    open(cardiology());
    CurriculumTableView *view = table("assessments");
    QCOMPARE(view->model()->index(0, 0).data().toString(), AssessmentTableModel::methodName(AssessmentMethod::WorkplaceBased));

    auto *combo = qobject_cast<QComboBox *>(editCell(view, 0, AssessmentTableModel::MethodColumn));
    QVERIFY(combo);
    QCOMPARE(combo->count(), AssessmentTableModel::allMethods().size());
    const int target = combo->findText(AssessmentTableModel::methodName(AssessmentMethod::MiniCex));
    QVERIFY(target > combo->currentIndex());
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_VERIFY(!view->isEditing());
    QCOMPARE(toString(m_document->item().as<CurriculumFields>().assessments.at(0).method), toString(AssessmentMethod::MiniCex));
    QCOMPARE(view->model()->index(0, 0).data().toString(), S("Mini clinical evaluation exercise (mini-CEX)"));
    QCOMPARE(m_document->undoStack()->count(), 1); // the steps through the list: one choice

    // A new assessment: typing starts in its description.
    QTest::mouseClick(find<QPushButton>(S("assessmentsAddButton")), Qt::LeftButton);
    QWidget *description = QApplication::focusWidget();
    QVERIFY(qobject_cast<QPlainTextEdit *>(description));
    QTest::keyClicks(description, S("Multi-source feedback once a year"));
    QTest::keyClick(description, Qt::Key_Return);
    const auto &assessments = m_document->item().as<CurriculumFields>().assessments;
    QCOMPARE(assessments.size(), 2);
    QCOMPARE(toString(assessments.at(1).method), toString(AssessmentMethod::WorkplaceBased));
    QCOMPARE(assessments.at(1).description, S("Multi-source feedback once a year"));

    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(view->model()->index(0, 0).data().toString(), AssessmentTableModel::methodName(AssessmentMethod::WorkplaceBased));
    QCOMPARE(view->model()->rowCount(), 1);
}

void tst_CurriculumEditor::versionAndDates()
{
    open(cardiology());
    auto *version = find<QLineEdit>(S("versionEdit"));
    QCOMPARE(version->text(), S("2022"));
    version->setFocus();
    version->end(false);
    QTest::keyClicks(version, S(".1"));
    QCOMPARE(m_document->item().as<CurriculumFields>().version, S("2022.1"));

    auto *from = find<QDateEdit>(S("effectiveFromEdit"));
    QCOMPARE(from->date(), QDate(2022, 8, 3));
    auto *noEnd = find<QCheckBox>(S("effectiveToNoneCheck"));
    auto *to = find<QDateEdit>(S("effectiveToEdit"));
    QVERIFY(noEnd->isChecked());
    QVERIFY(!to->isEnabled());
    QCOMPARE(noEnd->text(), S("No end date"));

    // An end date before the start: the message is under the field.
    QTest::mouseClick(noEnd, Qt::LeftButton);
    QVERIFY(m_document->item().as<CurriculumFields>().effectiveTo.has_value());
    to->setFocus();
    to->setSelectedSection(QDateTimeEdit::YearSection);
    QTest::keyClicks(to, S("2021"));
    QCOMPARE(m_document->item().as<CurriculumFields>().effectiveTo->year(), 2021);
    QLabel *issues = find<QLabel>(S("curriculum.effective_toIssues"));
    QVERIFY(!issues->isHidden());
    QVERIFY2(issues->text().contains(S("must not be before curriculum.effective_from")), qPrintable(issues->text()));

    QTest::mouseClick(noEnd, Qt::LeftButton);
    QVERIFY(!m_document->item().as<CurriculumFields>().effectiveTo);
    QVERIFY(issues->isHidden());

    while (m_document->undoStack()->canUndo())
        m_document->undoStack()->undo();
    QCOMPARE(serialize(m_document->item()), serialize(cardiology()));
    QCOMPARE(version->text(), S("2022"));
    QVERIFY(noEnd->isChecked());
}

void tst_CurriculumEditor::replacedItemKeepsCurrentRow()
{
    open(cardiology());
    CurriculumTableView *view = table("learningOutcomes");
    view->setCurrentIndex(view->model()->index(2, 1));
    // A merge after a sync brings several changes at once: the table starts again, and the
    // row that was current (by id) stays current.
    Item merged = cardiology();
    auto &f = merged.as<CurriculumFields>();
    f.learningOutcomes.prepend({S("lo0"), S("CARD-LO-00"), S("Communicate risk"), S("")});
    f.learningOutcomes.removeAt(1);
    f.learningOutcomes[2].title = S("Lead the arrest team");
    m_document->replaceItem(merged, S("Merge"));
    QCOMPARE(columnTexts(view->model(), 1), outcomeTitles(merged));
    QCOMPARE(view->currentIndex().data(CurriculumTableModel::IdRole).toString(), S("lo3"));
    m_document->undoStack()->undo();
    QCOMPARE(columnTexts(view->model(), 1), outcomeTitles(cardiology()));
    QCOMPARE(view->currentIndex().data(CurriculumTableModel::IdRole).toString(), S("lo3"));
}

void tst_CurriculumEditor::focusPathSelectsTheCell()
{
    Item item = cardiology();
    item.as<CurriculumFields>().competencies.append({S("c2"), S("CARD-CIP-02"), S("Procedures"), S(""), {S("X")}});
    open(item);
    CurriculumTableView *competencies = table("competencies");
    QVERIFY(m_editor->focusPath(S("curriculum.competencies[1].outcome_codes[0]")));
    QTRY_VERIFY(competencies->hasFocus());
    QCOMPARE(competencies->currentIndex(), competencies->model()->index(1, CompetencyTableModel::OutcomeCodesColumn));

    CurriculumTableView *outcomes = table("learningOutcomes");
    QVERIFY(m_editor->focusPath(S("fields.learning_outcomes[id=lo2].title")));
    QTRY_VERIFY(outcomes->hasFocus());
    QCOMPARE(outcomes->currentIndex(), outcomes->model()->index(1, LearningOutcomeTableModel::TitleColumn));

    QVERIFY(m_editor->focusPath(S("curriculum.version")));
    QTRY_VERIFY(find<QLineEdit>(S("versionEdit"))->hasFocus());
    QVERIFY(!m_editor->focusPath(S("pathway.stages[0].title")));
}

QTEST_MAIN(tst_CurriculumEditor)
#include "tst_curriculumeditor.moc"
