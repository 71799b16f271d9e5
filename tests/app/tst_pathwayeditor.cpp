// The pathway editor driven through its real widgets: the journey drawn one card per
// stage in journey order (branches side by side), a card selected by a click and by the
// arrow keys, a title edited in place and a duration by the card's handles and the form,
// the portal and career stage through their combos, stages added, branched, removed and
// moved with their links kept right, undo and redo followed by the scene and the form,
// problems marked on the card and beside the field, and focusPath().
#include "apptestsupport.h"

#include "editors/journeyscene.h"
#include "editors/pathwayeditor.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QAbstractItemView>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

const QUuid kUcas(S("{6b1f5c1e-0000-4000-8000-000000000001}"));
const QUuid kOriel(S("{6b1f5c1e-0000-4000-8000-000000000002}"));
const QUuid kNhsJobs(S("{6b1f5c1e-0000-4000-8000-000000000003}"));

PathwayStage stage(const QString &id, const QString &title, const QString &careerStage, int months, const QUuid &portal,
                   const QStringList &next)
{
    PathwayStage s;
    s.id = id;
    s.title = title;
    s.careerStage = careerStage;
    s.durationMonths = months;
    s.portal = portal;
    s.next = next;
    return s;
}

// Medical school -> FY1 -> FY2 -> core training, as the demo content builds it.
Item foundationPathway()
{
    Item item = carta::testing::ofType(ItemType::Pathway, S("Foundation to core training"), S("foundation-to-core"));
    item.summary = S("From medical school through the Foundation Programme to core training.");
    auto &f = item.as<PathwayFields>();
    f.profession = S("medicine");
    f.stages = {stage(S("school"), S("Medical degree (MBBS or MBChB)"), S("medical-school"), 60, kUcas, {S("fy1")}),
                stage(S("fy1"), S("Foundation Year 1"), S("foundation-year-1"), 12, kOriel, {S("fy2")}),
                stage(S("fy2"), S("Foundation Year 2"), S("foundation-year-2"), 12, kOriel, {S("core")}),
                stage(S("core"), S("Internal Medicine Training (IMT1–IMT3)"), S("core-training"), 36, kOriel, {})};
    return item;
}

// Core training branching to dual and single higher training, both leading to the CCT.
Item branchingPathway()
{
    Item item = carta::testing::ofType(ItemType::Pathway, S("Cardiology training"), S("cardiology-training"));
    auto &f = item.as<PathwayFields>();
    f.profession = S("medicine");
    f.stages = {stage(S("core"), S("Internal Medicine Training"), S("core-training"), 36, kOriel, {S("dual"), S("single")}),
                stage(S("dual"), S("Cardiology with internal medicine (ST4–ST8)"), S("higher-specialty-training"), 60, kOriel,
                      {S("cct")}),
                stage(S("single"), S("Cardiology (ST4–ST7)"), S("higher-specialty-training"), 48, kOriel, {S("cct")}),
                stage(S("cct"), S("Certificate of Completion of Training"), S("certificate-of-completion-of-training"), 6,
                      kNhsJobs, {})};
    return item;
}

const PathwayStage *stageOf(const Item &item, const QString &id)
{
    for (const PathwayStage &s : item.as<PathwayFields>().stages)
        if (s.id == id)
            return &s;
    return nullptr;
}

QStringList stageIds(const Item &item)
{
    QStringList ids;
    for (const PathwayStage &s : item.as<PathwayFields>().stages)
        ids.append(s.id);
    return ids;
}

} // namespace

class tst_PathwayEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void durationText_data();
    void durationText();
    void cardsInJourneyOrder();
    void branchesShareAColumn();
    void clickSelectsAndFormEditsDuration();
    void titleEditedInPlace();
    void escapeCancelsTheInPlaceEdit();
    void durationHandlesOnTheCard();
    void portalAndCareerStageThroughCombos();
    void addStageAfterAndRemoveKeepLinks();
    void addBranchAndMoveEarlier();
    void nextStagesListMakesAndShowsACycle();
    void undoRedoRefreshSceneAndForm();
    void zeroDurationIsShownOnCardAndField();
    void keyboardMovesBetweenCards();
    void professionByTypeAhead();
    void focusPathSelectsStageAndField_data();
    void focusPathSelectsStageAndField();
    void everyControlHasAnAccessibleName();

private:
    void open(const Item &item);
    template<typename T> T *find(const char *name) const
    {
        auto *widget = m_editor->findChild<T *>(S(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    [[nodiscard]] const Item &item() const { return m_document->item(); }
    [[nodiscard]] JourneyScene *scene() const { return m_editor->journeyScene(); }
    [[nodiscard]] QGraphicsView *view() const { return m_editor->journeyView(); }
    [[nodiscard]] QPoint viewPoint(const QPointF &scenePoint) const;
    void clickCard(const QString &id);

    ItemCatalogue m_catalogue;
    std::unique_ptr<ItemDocument> m_document;
    std::unique_ptr<PathwayEditor> m_editor;
};

void tst_PathwayEditor::initTestCase()
{
    carta::testing::isolateSettings("pathwayeditor");
    m_catalogue.addTerm(Vocabulary::Profession, {S("medicine"), S("Medicine"), {}, 0});
    m_catalogue.addTerm(Vocabulary::Profession, {S("nursing"), S("Nursing"), {}, 1});
    m_catalogue.addTerm(Vocabulary::Profession, {S("allied-health-professions"), S("Allied Health Professions"), {}, 2});
    m_catalogue.addTerm(Vocabulary::Profession, {S("physiotherapists"), S("Physiotherapists"), S("allied-health-professions"), 0});
    const QStringList careerStages{S("medical-school"), S("foundation-year-1"), S("foundation-year-2"), S("core-training"),
                                   S("higher-specialty-training"), S("certificate-of-completion-of-training"), S("consultant")};
    const QStringList titles{S("Medical school"), S("Foundation Year 1 (FY1)"), S("Foundation Year 2 (FY2)"), S("Core training"),
                             S("Higher specialty training"), S("Certificate of Completion of Training (CCT)"), S("Consultant")};
    for (qsizetype i = 0; i < careerStages.size(); ++i)
        m_catalogue.addTerm(Vocabulary::CareerStage, {careerStages[i], titles[i], {}, int(i)});
    m_catalogue.addPortal({kUcas, ItemType::Portal, S("UCAS")});
    m_catalogue.addPortal({kNhsJobs, ItemType::Portal, S("NHS Jobs")});
    m_catalogue.addPortal({kOriel, ItemType::Portal, S("Oriel")});
}

void tst_PathwayEditor::cleanup()
{
    m_editor.reset();
    m_document.reset();
}

void tst_PathwayEditor::open(const Item &item)
{
    m_editor.reset();
    m_document = std::make_unique<ItemDocument>(item);
    m_editor = std::make_unique<PathwayEditor>(m_document.get(), m_catalogue);
    m_editor->resize(1500, 900);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
}

QPoint tst_PathwayEditor::viewPoint(const QPointF &scenePoint) const
{
    return view()->mapFromScene(scenePoint);
}

void tst_PathwayEditor::clickCard(const QString &id)
{
    const QRectF card = scene()->stageCardRect(id);
    QVERIFY(!card.isNull());
    view()->ensureVisible(card);
    // The top of the card (its career stage), clear of the title and the handles.
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, viewPoint(card.topLeft() + QPointF(card.width() / 3, card.height() / 10)));
}

void tst_PathwayEditor::durationText_data()
{
    QTest::addColumn<int>("months");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("total"); // a whole journey's length
    QTest::newRow("one year") << 12 << S("1 year") << S("1 year");
    QTest::newRow("years") << 24 << S("2 years") << S("2 years");
    QTest::newRow("part years in months") << 18 << S("18 months") << S("18 months");
    QTest::newRow("long, part years") << 186 << S("186 months") << S("15 years 6 months");
    QTest::newRow("long, one month over") << 121 << S("121 months") << S("10 years 1 month");
    QTest::newRow("one month") << 1 << S("1 month") << S("1 month");
    QTest::newRow("none") << 0 << S("0 months") << S("0 months");
}

void tst_PathwayEditor::durationText()
{
    QFETCH(int, months);
    QFETCH(QString, text);
    QFETCH(QString, total);
    QCOMPARE(JourneyScene::durationText(months), text);
    QCOMPARE(JourneyScene::totalDurationText(months), total);
}

void tst_PathwayEditor::cardsInJourneyOrder()
{
    // Stored out of order: the journey follows the links, not the list (the first stays first).
    Item pathway = foundationPathway();
    auto &stages = pathway.as<PathwayFields>().stages;
    stages.move(3, 1); // school, core, fy1, fy2
    open(pathway);
    QCOMPARE(scene()->stagesInJourneyOrder(), (QStringList{S("school"), S("fy1"), S("fy2"), S("core")}));
    qreal x = -1;
    for (const QString &id : scene()->stagesInJourneyOrder()) {
        const QRectF card = scene()->stageCardRect(id);
        QVERIFY2(card.left() > x, qPrintable(id));
        x = card.right();
        QCOMPARE(scene()->arrowCount(id), id == S("core") ? 0 : 1);
    }
    QCOMPARE(scene()->stageCardTexts(S("fy1")),
             (QStringList{S("Foundation Year 1 (FY1)"), S("Foundation Year 1"), S("1 year"), S("Year 6"), S("Portal: Oriel")}));
    QCOMPARE(scene()->stageCardTexts(S("core")).at(2), S("3 years"));
    QCOMPARE(scene()->stageCardTexts(S("core")).at(3), S("Years 8–10"));
    QCOMPARE(scene()->totalMonths(), 120);
    QCOMPARE(find<QLabel>("journeySummary")->text(), S("4 stages · 10 years along the longest route"));
    // The list offers the same stages in the same order.
    auto *list = find<QListWidget>("stageList");
    QCOMPARE(list->count(), 4);
    QCOMPARE(list->item(1)->text(), S("2. Foundation Year 1 — 1 year"));
    QCOMPARE(list->item(3)->data(Qt::UserRole).toString(), S("core"));
    // The first stage is selected to begin with.
    QCOMPARE(m_editor->currentStage(), S("school"));
    QCOMPARE(find<QLineEdit>("stageTitleEdit")->text(), S("Medical degree (MBBS or MBChB)"));
}

void tst_PathwayEditor::branchesShareAColumn()
{
    open(branchingPathway());
    QCOMPARE(scene()->stageColumn(S("core")), 0);
    QCOMPARE(scene()->stageColumn(S("dual")), 1);
    QCOMPARE(scene()->stageColumn(S("single")), 1);
    QCOMPARE(scene()->stageColumn(S("cct")), 2);
    QCOMPARE(scene()->arrowCount(S("core")), 2);
    const QRectF dual = scene()->stageCardRect(S("dual"));
    const QRectF single = scene()->stageCardRect(S("single"));
    QCOMPARE(dual.left(), single.left());
    QVERIFY(!dual.intersects(single));
    QVERIFY(dual.top() < single.top()); // the pathway's own order within a column
    // The CCT starts after the longer route: 36 + 60 months.
    QCOMPARE(scene()->stageStartMonths(S("cct")), 96);
    QCOMPARE(scene()->stageCardTexts(S("cct")).at(3), S("Year 9"));
}

void tst_PathwayEditor::clickSelectsAndFormEditsDuration()
{
    open(foundationPathway());
    clickCard(S("fy2"));
    QCOMPARE(m_editor->currentStage(), S("fy2"));
    QCOMPARE(scene()->currentStage(), S("fy2"));
    QCOMPARE(find<QListWidget>("stageList")->currentRow(), 2);
    QCOMPARE(find<QLineEdit>("stageTitleEdit")->text(), S("Foundation Year 2"));
    auto *duration = find<QSpinBox>("durationSpin");
    QCOMPARE(duration->value(), 12);

    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, S("18"));
    QCOMPARE(stageOf(item(), S("fy2"))->durationMonths, 18);
    QCOMPARE(m_document->undoStack()->count(), 1); // "1" then "18": one merged step
    QCOMPARE(scene()->stageCardTexts(S("fy2")).at(2), S("18 months"));
    QCOMPARE(find<QLabel>("durationText")->text(), S("18 months"));
    QCOMPARE(stageOf(item(), S("fy1"))->durationMonths, 12); // only the selected stage
    // The stage after it now starts six months later.
    QCOMPARE(scene()->stageStartMonths(S("core")), 60 + 12 + 18);
}

void tst_PathwayEditor::titleEditedInPlace()
{
    open(foundationPathway());
    const QRectF title = scene()->stageTitleRect(S("fy1"));
    view()->ensureVisible(title);
    QTest::mouseDClick(view()->viewport(), Qt::LeftButton, {}, viewPoint(title.center()));
    QVERIFY(scene()->isEditingTitle());
    QCOMPARE(m_editor->currentStage(), S("fy1"));
    QTest::keyClicks(view(), S("FY1 in London"));
    QCOMPARE(stageOf(item(), S("fy1"))->title, S("Foundation Year 1")); // not until Enter
    QTest::keyClick(view(), Qt::Key_Return);
    QVERIFY(!scene()->isEditingTitle());
    QCOMPARE(stageOf(item(), S("fy1"))->title, S("FY1 in London"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(scene()->stageCardTexts(S("fy1")).at(1), S("FY1 in London"));
    QCOMPARE(find<QLineEdit>("stageTitleEdit")->text(), S("FY1 in London"));
    QCOMPARE(find<QListWidget>("stageList")->item(1)->text(), S("2. FY1 in London — 1 year"));

    // F2 edits the selected card's title too; Delete there deletes text, not the stage.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_F2);
    QVERIFY(scene()->isEditingTitle());
    QTest::keyClick(view(), Qt::Key_End);
    for (int i = 0; i < 7; ++i)
        QTest::keyClick(view(), Qt::Key_Backspace);
    QTest::keyClick(view(), Qt::Key_Home);
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(item().as<PathwayFields>().stages.size(), 4);
    // Leaving the card (a click on another) commits.
    clickCard(S("core"));
    QVERIFY(!scene()->isEditingTitle());
    QCOMPARE(stageOf(item(), S("fy1"))->title, S("Y1 in"));
    QCOMPARE(m_editor->currentStage(), S("core"));
}

void tst_PathwayEditor::escapeCancelsTheInPlaceEdit()
{
    open(foundationPathway());
    clickCard(S("fy2"));
    scene()->editTitle(S("fy2"));
    QVERIFY(scene()->isEditingTitle());
    QTest::keyClicks(view(), S("Something else"));
    QTest::keyClick(view(), Qt::Key_Escape);
    QVERIFY(!scene()->isEditingTitle());
    QCOMPARE(stageOf(item(), S("fy2"))->title, S("Foundation Year 2"));
    QCOMPARE(scene()->stageCardTexts(S("fy2")).at(1), S("Foundation Year 2"));
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void tst_PathwayEditor::durationHandlesOnTheCard()
{
    open(foundationPathway());
    const QRectF longer = scene()->durationHandleRect(S("core"), +1);
    const QRectF shorter = scene()->durationHandleRect(S("core"), -1);
    view()->ensureVisible(longer);
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, viewPoint(longer.center()));
    QCOMPARE(m_editor->currentStage(), S("core")); // the click selects the card too
    QCOMPARE(stageOf(item(), S("core"))->durationMonths, 37);
    QCOMPARE(scene()->durationHandleRect(S("core"), +1), longer); // the card does not move under the mouse
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, viewPoint(longer.center()));
    QCOMPARE(stageOf(item(), S("core"))->durationMonths, 38);
    QCOMPARE(scene()->stageCardTexts(S("core")).at(2), S("38 months"));
    QCOMPARE(find<QSpinBox>("durationSpin")->value(), 38);
    QCOMPARE(m_document->undoStack()->count(), 1); // clicks on one stage's duration merge
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, viewPoint(shorter.center()));
    QCOMPARE(stageOf(item(), S("core"))->durationMonths, 37);
    // + and - on the keyboard do the same.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Minus);
    QCOMPARE(stageOf(item(), S("core"))->durationMonths, 36);
    QCOMPARE(scene()->stageCardTexts(S("core")).at(2), S("3 years"));
    // Not below one month.
    Item shortStage = foundationPathway();
    shortStage.as<PathwayFields>().stages[1].durationMonths = 1;
    open(shortStage);
    clickCard(S("fy1"));
    QTest::keyClick(view(), Qt::Key_Minus);
    QCOMPARE(stageOf(item(), S("fy1"))->durationMonths, 1);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void tst_PathwayEditor::portalAndCareerStageThroughCombos()
{
    open(foundationPathway());
    clickCard(S("fy1"));
    auto *portal = find<QComboBox>("portalCombo");
    QCOMPARE(portal->currentText(), S("Oriel"));
    QCOMPARE(portal->itemText(0), S("None"));
    portal->setFocus();
    QTest::keyClicks(portal, S("NHS"));
    QCOMPARE(portal->currentText(), S("NHS Jobs"));
    QCOMPARE(stageOf(item(), S("fy1"))->portal, kNhsJobs);
    QCOMPARE(scene()->stageCardTexts(S("fy1")).at(4), S("Portal: NHS Jobs"));
    QVERIFY(!scene()->isStageMarked(S("fy1")));

    // None: the portal is required, so the card is marked and the field says why.
    QTest::keyClick(portal, Qt::Key_Home);
    QCOMPARE(portal->currentIndex(), 0);
    QVERIFY(stageOf(item(), S("fy1"))->portal.isNull());
    QCOMPARE(scene()->stageCardTexts(S("fy1")).at(4), S("No portal chosen"));
    QVERIFY(scene()->isStageMarked(S("fy1")));
    QVERIFY(scene()->stageToolTip(S("fy1")).contains(S("Portal: is required")));
    auto *portalIssues = find<QLabel>("portalIssues");
    QVERIFY(portalIssues->isVisible());
    QCOMPARE(portalIssues->text(), S("Portal: is required"));

    // Career stage: type part of a title and pick the completion.
    auto *careerStage = find<QComboBox>("careerStageCombo");
    QCOMPARE(careerStage->currentText(), S("Foundation Year 1 (FY1)"));
    careerStage->setFocus();
    careerStage->lineEdit()->selectAll();
    QTest::keyClicks(careerStage->lineEdit(), S("core tr"));
    QTRY_VERIFY(careerStage->completer()->popup()->isVisible());
    QTest::keyClick(careerStage->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(careerStage->completer()->popup(), Qt::Key_Return);
    QCOMPARE(stageOf(item(), S("fy1"))->careerStage, S("core-training"));
    QCOMPARE(scene()->stageCardTexts(S("fy1")).at(0), S("Core training"));

    // A title that is in no list is said beside the field; the stage keeps its career stage.
    careerStage->lineEdit()->selectAll();
    QTest::keyClicks(careerStage->lineEdit(), S("Astronaut"));
    careerStage->completer()->popup()->hide();
    find<QLineEdit>("stageTitleEdit")->setFocus();
    QCOMPARE(stageOf(item(), S("fy1"))->careerStage, S("core-training"));
    auto *careerIssues = find<QLabel>("career_stageIssues");
    QVERIFY(careerIssues->isVisible());
    QVERIFY2(careerIssues->text().contains(S("no career stage is called “Astronaut”")), qPrintable(careerIssues->text()));
}

void tst_PathwayEditor::addStageAfterAndRemoveKeepLinks()
{
    open(foundationPathway());
    clickCard(S("fy1"));
    find<QToolButton>("addStageButton")->click();
    const QStringList ids = stageIds(item());
    QCOMPARE(ids.size(), 5);
    const QString added = ids.at(2); // right after fy1 in the list
    QVERIFY(!QStringList({S("school"), S("fy1"), S("fy2"), S("core")}).contains(added));
    QCOMPARE(stageOf(item(), S("fy1"))->next, QStringList{added});
    QCOMPARE(stageOf(item(), added)->next, QStringList{S("fy2")});
    QCOMPARE(m_editor->currentStage(), added);
    QCOMPARE(scene()->stagesInJourneyOrder(), (QStringList{S("school"), S("fy1"), added, S("fy2"), S("core")}));
    // The form's title is ready for typing the new stage's name.
    auto *title = find<QLineEdit>("stageTitleEdit");
    QTRY_VERIFY(title->hasFocus());
    QTest::keyClicks(title, S("Foundation Year 1 (academic)"));
    QCOMPARE(stageOf(item(), added)->title, S("Foundation Year 1 (academic)"));
    QCOMPARE(scene()->stageCardTexts(added).at(1), S("Foundation Year 1 (academic)"));
    QCOMPARE(m_document->undoStack()->count(), 2); // the stage, then the typing as one step

    // Delete on the journey removes the selected stage (the action); its predecessor takes its links.
    clickCard(S("fy1"));
    QVERIFY(view()->hasFocus());
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(stageIds(item()), (QStringList{S("school"), added, S("fy2"), S("core")}));
    QCOMPARE(stageOf(item(), S("school"))->next, QStringList{added});
    QCOMPARE(m_editor->currentStage(), added); // where the journey went on
    QCOMPARE(scene()->stagesInJourneyOrder(), (QStringList{S("school"), added, S("fy2"), S("core")}));

    // Removing the first stage: the next one starts the journey.
    clickCard(S("school"));
    find<QToolButton>("removeStageButton")->click();
    QCOMPARE(stageIds(item()), (QStringList{added, S("fy2"), S("core")}));
    QCOMPARE(scene()->stagesInJourneyOrder().first(), added);
    for (const Issue &issue : m_document->issues()) // only the new stage's empty career stage and portal
        QVERIFY2(issue.where == S("pathway.stages[0].career_stage") || issue.where == S("pathway.stages[0].portal"),
                 qPrintable(issue.toString()));

    // The last one cannot go.
    Item single = foundationPathway();
    single.as<PathwayFields>().stages = {single.as<PathwayFields>().stages.first()};
    single.as<PathwayFields>().stages[0].next.clear();
    open(single);
    QVERIFY(!find<QToolButton>("removeStageButton")->isEnabled());
}

void tst_PathwayEditor::addBranchAndMoveEarlier()
{
    open(foundationPathway());
    clickCard(S("fy2"));
    QVERIFY(find<QToolButton>("addBranchButton")->isEnabled());
    find<QToolButton>("addBranchButton")->click();
    const QString branch = stageIds(item()).at(3);
    QCOMPARE(stageOf(item(), S("fy1"))->next, (QStringList{S("fy2"), branch}));
    QCOMPARE(stageOf(item(), branch)->next, QStringList{S("core")});
    QCOMPARE(scene()->stageColumn(branch), scene()->stageColumn(S("fy2")));
    QCOMPARE(scene()->arrowCount(S("fy1")), 2);
    QCOMPARE(m_editor->currentStage(), branch);

    // Move earlier swaps the stage with the one before it in the journey.
    m_document->undoStack()->undo();
    clickCard(S("fy2"));
    find<QToolButton>("moveEarlierButton")->click();
    QCOMPARE(stageOf(item(), S("fy1"))->next, QStringList{S("core")});
    QCOMPARE(stageOf(item(), S("fy2"))->next, QStringList{S("fy1")});
    QCOMPARE(stageOf(item(), S("school"))->next, QStringList{S("fy2")});
    QCOMPARE(scene()->stagesInJourneyOrder(), (QStringList{S("school"), S("fy2"), S("fy1"), S("core")}));
    QCOMPARE(m_editor->currentStage(), S("fy2"));
    // And back with Alt+Right on the journey.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(scene()->stagesInJourneyOrder(), (QStringList{S("school"), S("fy1"), S("fy2"), S("core")}));
    // The first stage has nothing before it.
    clickCard(S("school"));
    QVERIFY(!find<QToolButton>("moveEarlierButton")->isEnabled());
    QVERIFY(!find<QToolButton>("addBranchButton")->isEnabled());
    QVERIFY(find<QToolButton>("moveLaterButton")->isEnabled());
}

void tst_PathwayEditor::nextStagesListMakesAndShowsACycle()
{
    open(foundationPathway());
    clickCard(S("core"));
    auto *next = find<QListWidget>("nextStagesList");
    QCOMPARE(next->count(), 3); // the other stages
    QListWidgetItem *fy1 = nullptr;
    for (int i = 0; i < next->count(); ++i) {
        QCOMPARE(next->item(i)->checkState(), Qt::Unchecked);
        if (next->item(i)->data(Qt::UserRole).toString() == S("fy1"))
            fy1 = next->item(i);
    }
    QVERIFY(fy1);
    // Tick FY1 with the keyboard: core -> fy1 makes a cycle, which is said, not refused.
    next->setFocus();
    next->setCurrentItem(fy1);
    QTest::keyClick(next, Qt::Key_Space);
    QCOMPARE(stageOf(item(), S("core"))->next, QStringList{S("fy1")});
    QVERIFY(scene()->isStageMarked(S("core")));
    auto *issues = find<QLabel>("nextIssues");
    QVERIFY(issues->isVisible());
    QVERIFY2(issues->text().contains(S("cycle")), qPrintable(issues->text()));
    QVERIFY(scene()->stageToolTip(S("core")).contains(S("Next stages: leads back to stage")));
    QTest::keyClick(next, Qt::Key_Space);
    QVERIFY(stageOf(item(), S("core"))->next.isEmpty());
    QVERIFY(!scene()->isStageMarked(S("core")));
    QVERIFY(!issues->isVisible());
}

void tst_PathwayEditor::undoRedoRefreshSceneAndForm()
{
    open(foundationPathway());
    clickCard(S("fy2"));
    find<QToolButton>("addStageButton")->click();
    const QString added = m_editor->currentStage();
    QCOMPARE(scene()->stagesInJourneyOrder().size(), 5);

    m_document->undoStack()->undo();
    QCOMPARE(stageIds(item()), (QStringList{S("school"), S("fy1"), S("fy2"), S("core")}));
    QCOMPARE(scene()->stagesInJourneyOrder(), (QStringList{S("school"), S("fy1"), S("fy2"), S("core")}));
    QVERIFY(scene()->stageCardRect(added).isNull());
    QCOMPARE(m_editor->currentStage(), S("fy2")); // the stage before the one that went
    QCOMPARE(find<QLineEdit>("stageTitleEdit")->text(), S("Foundation Year 2"));
    QCOMPARE(find<QListWidget>("stageList")->count(), 4);

    m_document->undoStack()->redo();
    QCOMPARE(scene()->stagesInJourneyOrder(), (QStringList{S("school"), S("fy1"), S("fy2"), added, S("core")}));
    QCOMPARE(stageOf(item(), S("fy2"))->next, QStringList{added});

    // Undoing a change to the selected stage keeps it selected and shows the old value.
    clickCard(S("core"));
    auto *window = find<QLineEdit>("recruitmentWindowEdit");
    window->setFocus();
    QTest::keyClicks(window, S("November"));
    QCOMPARE(stageOf(item(), S("core"))->recruitmentWindow, S("November"));
    auto *entry = find<QPlainTextEdit>("entryRequirementsEdit");
    entry->setFocus();
    QTest::keyClicks(entry, S("Full GMC registration"));
    QCOMPARE(stageOf(item(), S("core"))->entryRequirements, S("Full GMC registration"));
    m_document->undoStack()->undo();
    QCOMPARE(entry->toPlainText(), QString());
    m_document->undoStack()->undo();
    QCOMPARE(window->text(), QString());
    QCOMPARE(m_editor->currentStage(), S("core"));
    m_document->undoStack()->redo();
    QCOMPARE(window->text(), S("November"));
}

void tst_PathwayEditor::zeroDurationIsShownOnCardAndField()
{
    Item pathway = foundationPathway();
    pathway.as<PathwayFields>().stages[2].durationMonths = 0; // as a sync might bring it
    open(pathway);
    QVERIFY(scene()->isStageMarked(S("fy2")));
    QVERIFY(!scene()->isStageMarked(S("fy1")));
    QCOMPARE(scene()->stageCardTexts(S("fy2")).at(2), S("0 months"));
    QVERIFY2(scene()->stageToolTip(S("fy2")).contains(S("Duration: must be a positive number of months")),
             qPrintable(scene()->stageToolTip(S("fy2"))));
    auto *list = find<QListWidget>("stageList");
    QVERIFY(list->item(2)->toolTip().contains(S("Duration: must be a positive number of months")));
    QVERIFY(list->item(1)->toolTip().isEmpty());

    auto *issues = find<QLabel>("duration_monthsIssues");
    QVERIFY(!issues->isVisible()); // another stage is selected
    clickCard(S("fy2"));
    QVERIFY(issues->isVisible());
    QCOMPARE(issues->text(), S("Duration: must be a positive number of months"));
    auto *duration = find<QSpinBox>("durationSpin");
    QCOMPARE(duration->value(), 0); // shown as it is, not clamped
    QCOMPARE(duration->accessibleDescription(), issues->text());

    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, S("12"));
    QCOMPARE(stageOf(item(), S("fy2"))->durationMonths, 12);
    QVERIFY(!scene()->isStageMarked(S("fy2")));
    QVERIFY(!issues->isVisible());
    QVERIFY(list->item(2)->toolTip().isEmpty());
}

void tst_PathwayEditor::keyboardMovesBetweenCards()
{
    open(branchingPathway());
    view()->setFocus();
    QCOMPARE(m_editor->currentStage(), S("core"));
    QTest::keyClick(view(), Qt::Key_Right);
    QCOMPARE(m_editor->currentStage(), S("dual"));
    QCOMPARE(find<QLineEdit>("stageTitleEdit")->text(), S("Cardiology with internal medicine (ST4–ST8)"));
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(m_editor->currentStage(), S("single"));
    QTest::keyClick(view(), Qt::Key_Down); // nothing below
    QCOMPARE(m_editor->currentStage(), S("single"));
    QTest::keyClick(view(), Qt::Key_Right);
    QCOMPARE(m_editor->currentStage(), S("cct"));
    QTest::keyClick(view(), Qt::Key_Left);
    QVERIFY(m_editor->currentStage() == S("dual") || m_editor->currentStage() == S("single"));
    QTest::keyClick(view(), Qt::Key_Home);
    QCOMPARE(m_editor->currentStage(), S("core"));
    QTest::keyClick(view(), Qt::Key_End);
    QCOMPARE(m_editor->currentStage(), S("cct"));
    QCOMPARE(scene()->currentStage(), S("cct"));
    QCOMPARE(find<QListWidget>("stageList")->currentItem()->data(Qt::UserRole).toString(), S("cct"));
    QVERIFY(view()->accessibleDescription().contains(S("Selected: Certificate of Completion of Training (4 of 4)")));
    // Enter goes to the form, to change the stage there.
    QTest::keyClick(view(), Qt::Key_Return);
    QTRY_VERIFY(find<QLineEdit>("stageTitleEdit")->hasFocus());
    // The list moves the selection too.
    auto *list = find<QListWidget>("stageList");
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(m_editor->currentStage(), S("single"));
    QCOMPARE(scene()->currentStage(), S("single"));
    QCOMPARE(m_document->undoStack()->count(), 0); // moving around changes nothing
}

void tst_PathwayEditor::professionByTypeAhead()
{
    open(foundationPathway());
    auto *profession = find<QComboBox>("professionCombo");
    QCOMPARE(profession->currentText(), S("Medicine"));
    // Children follow their group.
    QCOMPARE(profession->itemText(3), S("Physiotherapists"));
    profession->setFocus();
    profession->lineEdit()->selectAll();
    QTest::keyClicks(profession->lineEdit(), S("physio"));
    QTRY_VERIFY(profession->completer()->popup()->isVisible());
    QTest::keyClick(profession->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(profession->completer()->popup(), Qt::Key_Return);
    QCOMPARE(item().as<PathwayFields>().profession, S("physiotherapists"));
    m_document->undoStack()->undo();
    QCOMPARE(item().as<PathwayFields>().profession, S("medicine"));
    QCOMPARE(profession->currentText(), S("Medicine"));

    // A profession no list has (from elsewhere) is shown as it is, not lost.
    Item other = foundationPathway();
    other.as<PathwayFields>().profession = S("dentistry");
    open(other);
    QCOMPARE(find<QComboBox>("professionCombo")->currentText(), S("dentistry (not in the taxonomy)"));
}

void tst_PathwayEditor::focusPathSelectsStageAndField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("widget");
    QTest::newRow("by id") << S("fields.stages[id=fy2].duration_months") << S("fy2") << S("durationSpin");
    QTest::newRow("by index") << S("fields.stages[1].title") << S("fy1") << S("stageTitleEdit");
    QTest::newRow("validation's own path") << S("pathway.stages[3].portal") << S("core") << S("portalCombo");
    QTest::newRow("a link") << S("pathway.stages[0].next[0]") << S("school") << S("nextStagesList");
    QTest::newRow("the stage itself") << S("pathway.stages[2]") << S("fy2") << S("journeyView");
    QTest::newRow("profession") << S("fields.profession") << S("school") << S("professionCombo");
}

void tst_PathwayEditor::focusPathSelectsStageAndField()
{
    QFETCH(QString, path);
    QFETCH(QString, stage);
    QFETCH(QString, widget);
    open(foundationPathway());
    QVERIFY(m_editor->focusPath(path));
    QCOMPARE(m_editor->currentStage(), stage);
    QTRY_COMPARE(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(), widget);
    if (widget == S("nextStagesList"))
        QCOMPARE(find<QListWidget>("nextStagesList")->currentItem()->data(Qt::UserRole).toString(), S("fy1"));
    QVERIFY(!m_editor->focusPath(S("fields.stages[9].title")));
    QVERIFY(!m_editor->focusPath(S("fields.stages[id=nope].title")));
    QVERIFY(!m_editor->focusPath(S("title")));
}

void tst_PathwayEditor::everyControlHasAnAccessibleName()
{
    open(foundationPathway());
    int checked = 0;
    for (QWidget *w : m_editor->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(m_editor.get()))
            continue;
        QWidget *parent = w->parentWidget();
        if (qobject_cast<QComboBox *>(parent) || qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QAbstractScrollArea *>(parent))
            continue; // the inner parts of a control, named by the control
        const QString what = S("%1 (%2)").arg(w->objectName(), S(w->metaObject()->className()));
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(what + S(" has no accessible name")));
        QVERIFY2(!w->objectName().isEmpty(), qPrintable(what + S(" has no object name")));
        ++checked;
    }
    QVERIFY(checked >= 15);
}

QTEST_MAIN(tst_PathwayEditor)
#include "tst_pathwayeditor.moc"
