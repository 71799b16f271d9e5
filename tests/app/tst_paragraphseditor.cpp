// The item editor's sections beyond title and text, driven through the real widgets:
// paragraphs of every kind added from the Add menu and edited in the editor of their kind
// (heading level, callout style, link cells, outcome codes, reference targets, a live
// Markdown preview), reordering by drag and drop and by keyboard (one undo step each),
// taxonomy pickers with type-ahead, the schedule in UK time, meta tags, attachments
// dropped on the editor, the problems list that takes you to a field, and the tab order.
#include "apptestsupport.h"

#include "editors/typefieldseditor.h"
#include "models/itemcatalogue.h"
#include "models/paragraphlistmodel.h"
#include "widgets/attachmentspanel.h"
#include "widgets/itemeditor.h"
#include "widgets/termpicker.h"

#include "model/validation.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QTabBar>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCryptographicHash>
#include <QDateTimeEdit>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTextEdit>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

QStringList paragraphIds(const Item &item)
{
    QStringList ids;
    for (const Paragraph &p : item.paragraphs)
        ids.append(p.id);
    return ids;
}

// A page with three text paragraphs a, b, c.
Item threeParagraphPage()
{
    Item item = carta::testing::page(S("Foundation training"), S("foundation-training"), QString(), {S("london")});
    item.paragraphs = {carta::testing::textParagraph(S("a"), S("Alpha")), carta::testing::textParagraph(S("b"), S("Beta")),
                       carta::testing::textParagraph(S("c"), S("Gamma"))};
    return item;
}

Item cardiologyCurriculum()
{
    Item item = carta::testing::ofType(ItemType::Curriculum, S("Cardiology curriculum"), S("cardiology-curriculum"));
    item.summary = S("Specialty training in cardiology.");
    auto &f = item.as<CurriculumFields>();
    f.version = S("2022");
    f.effectiveFrom = QDate(2022, 8, 3);
    f.learningOutcomes = {{S("lo1"), S("CARD-LO-01"), S("Manage acute heart failure"), QString()},
                          {S("lo2"), S("CARD-LO-02"), S("Interpret echocardiograms"), QString()},
                          {S("lo3"), S("CARD-LO-03"), S("Lead a cardiac arrest team"), QString()}};
    item.paragraphs = {carta::testing::textParagraph(S("intro"), S("What cardiology trainees learn."))};
    return item;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class tst_ParagraphsEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addParagraphOfEachKind_data();
    void addParagraphOfEachKind();
    void headingLevelAndCalloutStyle();
    void linkListCells();
    void learningOutcomeCodes();
    void referenceTargetByTypeAhead();
    void markdownPreviewFollowsTyping();
    void reorderByDragAndDrop();
    void reorderByKeyboard();
    void termPickerTypeAhead();
    void termChipsRemovedByKeyboard();
    void schedule_data();
    void schedule();
    void scheduleCleared();
    void metaDescriptionCounterAndKeywords();
    void attachmentDroppedOnTheEditor();
    void attachmentProblemsChangeNothing();
    void focusPathGoesToTheField();
    void tabOrderThroughTheItemSection();
    void everyControlIsNamed();

private:
    template<typename T> T *find(const char *name) const
    {
        auto *widget = m_editor->findChild<T *>(S(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void openEditor(const Item &item);
    QAction *addAction(ParagraphKind kind) const;
    const Paragraph &currentParagraph() const;

    std::unique_ptr<carta::testing::TempReplica> m_file;
    std::unique_ptr<replica::Replica> m_replica;
    ItemCatalogue m_catalogue;
    std::unique_ptr<ItemEditor> m_editor;
};

void tst_ParagraphsEditor::initTestCase()
{
    carta::testing::isolateSettings("paragraphseditor");
}

void tst_ParagraphsEditor::init()
{
    m_file = std::make_unique<carta::testing::TempReplica>();
    m_replica = m_file->openReplica();
    m_catalogue = ItemCatalogue();
    const QList<std::pair<QString, QString>> regions{{S("east-of-england"), S("East of England")},
                                                     {S("london"), S("London")},
                                                     {S("midlands"), S("Midlands")},
                                                     {S("north-east-and-yorkshire"), S("North East and Yorkshire")},
                                                     {S("north-west"), S("North West")},
                                                     {S("south-east"), S("South East")},
                                                     {S("south-west"), S("South West")}};
    for (const auto &[slug, title] : regions)
        m_catalogue.addTerm(Vocabulary::Region, {slug, title, QString(), 0});
    m_catalogue.addTerm(Vocabulary::Profession, {S("medicine"), S("Medicine"), QString(), 0});
    m_catalogue.addTerm(Vocabulary::Profession, {S("nursing"), S("Nursing"), QString(), 0});
}

void tst_ParagraphsEditor::cleanup()
{
    m_editor.reset();
    m_replica.reset();
    m_file.reset();
}

void tst_ParagraphsEditor::openEditor(const Item &item)
{
    carta::testing::save(*m_replica, item);
    m_editor = std::make_unique<ItemEditor>(*m_replica, item, m_replica->item(item.id).value()->bytes, nullptr, &m_catalogue);
    m_editor->resize(1000, 800);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

QAction *tst_ParagraphsEditor::addAction(ParagraphKind kind) const
{
    auto *action = find<QMenu>("addParagraphMenu")->findChild<QAction *>(S("addParagraphAction_") + toString(kind));
    if (!action)
        qFatal("no Add menu entry for %s", qPrintable(toString(kind)));
    return action;
}

const Paragraph &tst_ParagraphsEditor::currentParagraph() const
{
    const int index = m_editor->document()->paragraphIndex(m_editor->currentParagraphId());
    Q_ASSERT(index >= 0);
    return m_editor->document()->item().paragraphs.at(index);
}

void tst_ParagraphsEditor::addParagraphOfEachKind_data()
{
    QTest::addColumn<ParagraphKind>("kind");
    QTest::addColumn<QString>("page");       // the editor shown for it
    QTest::addColumn<QString>("focused");    // the field that takes the focus
    for (const auto &[kind, page, focused] :
         {std::tuple{ParagraphKind::Text, "markdownParagraphPage", "paragraphBodyEdit"},
          std::tuple{ParagraphKind::Heading, "headingParagraphPage", "headingTextEdit"},
          std::tuple{ParagraphKind::Callout, "markdownParagraphPage", "calloutTitleEdit"},
          std::tuple{ParagraphKind::LinkList, "linkListParagraphPage", "linkListTitleEdit"},
          std::tuple{ParagraphKind::LearningOutcomes, "outcomesParagraphPage", "outcomesIntroEdit"},
          std::tuple{ParagraphKind::PolicyRef, "referenceParagraphPage", "referencePicker"},
          std::tuple{ParagraphKind::ResourceRef, "referenceParagraphPage", "referencePicker"},
          std::tuple{ParagraphKind::PathwayRef, "referenceParagraphPage", "referencePicker"}})
        QTest::newRow(qPrintable(toString(kind))) << kind << S(page) << S(focused);
}

void tst_ParagraphsEditor::addParagraphOfEachKind()
{
    QFETCH(ParagraphKind, kind);
    QFETCH(QString, page);
    QFETCH(QString, focused);
    const Item item = threeParagraphPage();
    openEditor(item);
    m_editor->selectParagraph(S("a"));

    addAction(kind)->trigger();
    const Item &edited = m_editor->document()->item();
    QCOMPARE(edited.paragraphs.size(), 4);
    const Paragraph &added = edited.paragraphs.at(1); // after the selected one
    QCOMPARE(int(added.kind), int(kind));
    QCOMPARE(m_editor->currentParagraphId(), added.id);
    QCOMPARE(added.links.size(), kind == ParagraphKind::LinkList ? 1 : 0);
    QVERIFY(added.target.isNull());
    QCOMPARE(find<QWidget>("paragraphKindPages")->findChild<QWidget *>(page)->isVisible(), true);
    QVERIFY(QApplication::focusWidget());
    QCOMPARE(QApplication::focusWidget()->objectName(), focused);
    QVERIFY(find<QLabel>("paragraphEditorTitle")->text().startsWith(S("Paragraph 2 of 4")));

    // One step to undo, whatever the kind.
    QCOMPARE(m_editor->undoStack()->count(), 1);
    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->document()->item(), item);
    m_editor->undoStack()->redo();
    QCOMPARE(int(m_editor->document()->item().paragraphs.at(1).kind), int(kind));
}

void tst_ParagraphsEditor::headingLevelAndCalloutStyle()
{
    openEditor(threeParagraphPage());
    m_editor->selectParagraph(S("c"));

    // A heading: its text typed (merged), its level chosen with the keyboard.
    addAction(ParagraphKind::Heading)->trigger();
    QTest::keyClicks(find<QLineEdit>("headingTextEdit"), S("Before you apply"));
    auto *level = find<QComboBox>("headingLevelCombo");
    QCOMPARE(level->currentData().toInt(), 2);
    level->setFocus();
    QTest::keyClick(level, Qt::Key_Down);
    QCOMPARE(currentParagraph().text, S("Before you apply"));
    QCOMPARE(currentParagraph().level, 3);
    QCOMPARE(m_editor->undoStack()->count(), 3); // add, type, level
    m_editor->undoStack()->undo();
    QCOMPARE(currentParagraph().level, 2);
    QCOMPARE(level->currentData().toInt(), 2);
    m_editor->undoStack()->redo();
    QCOMPARE(level->currentData().toInt(), 3);

    // A callout: title, style, Markdown.
    addAction(ParagraphKind::Callout)->trigger();
    QTest::keyClicks(find<QLineEdit>("calloutTitleEdit"), S("Deadline"));
    auto *style = find<QComboBox>("calloutStyleCombo");
    style->setFocus();
    QTest::keyClick(style, Qt::Key_Down);
    auto *body = find<QPlainTextEdit>("paragraphBodyEdit");
    QTest::keyClicks(body, S("Applications close on **5 December**."));
    QCOMPARE(int(currentParagraph().kind), int(ParagraphKind::Callout));
    QCOMPARE(currentParagraph().text, S("Deadline"));
    QCOMPARE(int(currentParagraph().style), int(CalloutStyle::Warning));
    QCOMPARE(currentParagraph().markdown, S("Applications close on **5 December**."));
    QCOMPARE(m_editor->undoStack()->count(), 7); // + add, title, style, text
    QCOMPARE(m_editor->document()->issues(), Issues{});
    m_editor->undoStack()->undo();
    m_editor->undoStack()->undo();
    QCOMPARE(int(currentParagraph().style), int(CalloutStyle::Info));
    QCOMPARE(style->currentText(), S("Information"));
}

void tst_ParagraphsEditor::linkListCells()
{
    openEditor(threeParagraphPage());
    addAction(ParagraphKind::LinkList)->trigger();
    auto *table = find<QTableView>("linkTable");
    QCOMPARE(table->model()->rowCount(), 1);
    // An empty link is explained under the paragraph.
    QVERIFY(find<QLabel>("paragraphIssues")->text().contains(S("link 1 title: must not be empty")));

    const auto typeIntoCell = [&](int row, int column, const QString &text) {
        const QModelIndex index = table->model()->index(row, column);
        table->setFocus();
        table->setCurrentIndex(index);
        QTest::keyClick(table, Qt::Key_F2);
        QWidget *cellEditor = QApplication::focusWidget();
        QVERIFY(cellEditor && cellEditor != table && table->isAncestorOf(cellEditor));
        if (auto *line = qobject_cast<QLineEdit *>(cellEditor))
            line->selectAll();
        QTest::keyClicks(cellEditor, text);
        QTest::keyClick(cellEditor, Qt::Key_Return);
        QTRY_COMPARE(QApplication::focusWidget(), table); // the cell editor closed
    };
    const int before = m_editor->undoStack()->count();
    typeIntoCell(0, ParagraphLinksModel::TitleColumn, S("Oriel"));
    typeIntoCell(0, ParagraphLinksModel::UrlColumn, S("https://www.oriel.nhs.uk"));
    QCOMPARE(currentParagraph().links, (QList<Link>{{S("Oriel"), S("https://www.oriel.nhs.uk")}}));
    QCOMPARE(m_editor->undoStack()->count(), before + 2);
    // Editing the same cell again merges with the edit before it.
    typeIntoCell(0, ParagraphLinksModel::UrlColumn, S("https://www.oriel.nhs.uk/Web"));
    QCOMPARE(m_editor->undoStack()->count(), before + 2);
    QCOMPARE(currentParagraph().links.at(0).url, S("https://www.oriel.nhs.uk/Web"));
    QVERIFY(find<QLabel>("paragraphIssues")->isHidden());

    // A bad address is marked in its cell.
    QTest::mouseClick(find<QPushButton>("addLinkButton"), Qt::LeftButton);
    QTRY_VERIFY(QApplication::focusWidget() != table && table->isAncestorOf(QApplication::focusWidget())); // editing
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(currentParagraph().links.size(), 2);
    typeIntoCell(1, ParagraphLinksModel::TitleColumn, S("e-Learning for Healthcare"));
    typeIntoCell(1, ParagraphLinksModel::UrlColumn, S("ftp://elfh"));
    QVERIFY(!table->model()->index(1, ParagraphLinksModel::UrlColumn).data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(table->model()->index(0, ParagraphLinksModel::UrlColumn).data(Qt::ToolTipRole).isNull());
    QVERIFY(find<QLabel>("paragraphIssues")->text().contains(S("link 2 address")));

    // Remove it again: one step.
    table->setCurrentIndex(table->model()->index(1, 0));
    QTest::mouseClick(find<QPushButton>("removeLinkButton"), Qt::LeftButton);
    QCOMPARE(currentParagraph().links.size(), 1);
    QCOMPARE(table->model()->rowCount(), 1);
    m_editor->undoStack()->undo();
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(1, ParagraphLinksModel::UrlColumn).data().toString(), S("ftp://elfh"));
}

void tst_ParagraphsEditor::learningOutcomeCodes()
{
    openEditor(cardiologyCurriculum());
    addAction(ParagraphKind::LearningOutcomes)->trigger();
    auto *list = find<QListWidget>("outcomeCodesList");
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(1)->text(), S("CARD-LO-02: Interpret echocardiograms"));
    QVERIFY(find<QLabel>("paragraphIssues")->text().contains(S("must list at least one learning outcome")));

    QTest::keyClicks(find<QPlainTextEdit>("outcomesIntroEdit"), S("By the end of training you can:"));
    // Tick the third and first with the keyboard.
    list->setFocus();
    list->setCurrentRow(2);
    QTest::keyClick(list, Qt::Key_Space);
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(currentParagraph().text, S("By the end of training you can:"));
    QCOMPARE(currentParagraph().outcomeCodes, (QStringList{S("CARD-LO-01"), S("CARD-LO-03")}));
    QVERIFY(find<QLabel>("paragraphIssues")->isHidden());
    m_editor->undoStack()->undo();
    QCOMPARE(currentParagraph().outcomeCodes, QStringList{S("CARD-LO-03")});
    QCOMPARE(list->item(0)->checkState(), Qt::Unchecked);
    QCOMPARE(list->item(2)->checkState(), Qt::Checked);
}

void tst_ParagraphsEditor::referenceTargetByTypeAhead()
{
    Item policy = carta::testing::ofType(ItemType::Policy, S("Study leave policy"), S("study-leave-policy"));
    carta::testing::save(*m_replica, policy);
    Item other = carta::testing::ofType(ItemType::Policy, S("Less than full time training"), S("ltft-training"));
    carta::testing::save(*m_replica, other);
    ItemCatalogue fromReplica(m_replica.get());
    const Item page = threeParagraphPage();
    carta::testing::save(*m_replica, page);
    m_editor = std::make_unique<ItemEditor>(*m_replica, page, m_replica->item(page.id).value()->bytes, nullptr, &fromReplica);
    m_editor->resize(1000, 800);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));

    addAction(ParagraphKind::PolicyRef)->trigger();
    auto *picker = find<QLineEdit>("referencePicker");
    QVERIFY(picker->hasFocus());
    QVERIFY(find<QLabel>("referenceTarget")->text().startsWith(S("No policy chosen yet")));

    // Text that names no policy is refused, in words.
    QTest::keyClicks(picker, S("Annual leave"));
    QTest::keyClick(picker, Qt::Key_Return);
    QCOMPARE(find<QLabel>("referenceMessage")->text(), S("No policy called “Annual leave”. Choose one from the list as you type."));
    QVERIFY(currentParagraph().target.isNull());

    // Part of a title offers the policy; choosing it sets the target.
    picker->clear();
    QTest::keyClicks(picker, S("study"));
    QAbstractItemView *popup = picker->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->rowCount(), 1);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE(currentParagraph().target, policy.id);
    QCOMPARE(find<QLabel>("referenceTarget")->text(), S("Shows the policy “Study leave policy”."));
    QCOMPARE(picker->text(), QString());
    QVERIFY(find<QLabel>("referenceMessage")->isHidden());
    QCOMPARE(find<QListView>("paragraphList")->currentIndex().data().toString(), S("Policy: Study leave policy"));
    m_editor->undoStack()->undo();
    QVERIFY(currentParagraph().target.isNull());
    m_editor.reset(); // before the catalogue it uses goes
}

void tst_ParagraphsEditor::markdownPreviewFollowsTyping()
{
    openEditor(threeParagraphPage());
    addAction(ParagraphKind::Text)->trigger();
    QTest::keyClicks(find<QPlainTextEdit>("paragraphBodyEdit"), S("Apply through **Oriel** by *December*."));
    auto *preview = find<QWidget>("markdownPreview");
    QVERIFY(preview->isVisible());
    auto *text = qobject_cast<QTextEdit *>(preview);
    if (!text)
        text = preview->findChild<QTextEdit *>();
    QVERIFY(text);
    QTRY_COMPARE(text->toPlainText().trimmed(), S("Apply through Oriel by December."));

    // Another paragraph shows its own text.
    m_editor->selectParagraph(S("b"));
    QTRY_COMPARE(text->toPlainText().trimmed(), S("Beta"));
}

void tst_ParagraphsEditor::reorderByDragAndDrop()
{
    const Item item = threeParagraphPage();
    openEditor(item);
    auto *list = find<QListView>("paragraphList");
    QAbstractItemModel *model = list->model();
    QVERIFY(model->supportedDropActions() & Qt::MoveAction);
    QVERIFY(model->flags(model->index(0, 0)) & Qt::ItemIsDragEnabled);
    QVERIFY(!(model->flags(model->index(0, 0)) & Qt::ItemIsDropEnabled)); // between rows, never onto one

    // As the view does: the dragged row's data, dropped before a row.
    const auto drag = [&](int from, int beforeRow) {
        std::unique_ptr<QMimeData> data(model->mimeData({model->index(from, 0)}));
        QVERIFY(data);
        QVERIFY(model->canDropMimeData(data.get(), Qt::MoveAction, beforeRow, 0, QModelIndex()));
        model->dropMimeData(data.get(), Qt::MoveAction, beforeRow, 0, QModelIndex());
    };
    drag(0, 3); // "a" to the end
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("b"), S("c"), S("a")}));
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QCOMPARE(list->currentIndex().data(ParagraphListModel::IdRole).toString(), S("a"));
    drag(2, 0); // and back to the top
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("a"), S("b"), S("c")}));
    drag(2, 1); // "c" between "a" and "b"
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("a"), S("c"), S("b")}));
    drag(1, 2); // dropped just below itself: no move
    drag(0, -1); // onto the empty space below the rows: the end
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("c"), S("b"), S("a")}));
    QCOMPARE(m_editor->undoStack()->count(), 4);

    // The view's own internal move (QListView moves rows itself on a drop) is one step too.
    QVERIFY(model->moveRow(QModelIndex(), 2, QModelIndex(), 1));
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("c"), S("a"), S("b")}));
    QCOMPARE(m_editor->undoStack()->count(), 5);
    m_editor->undoStack()->undo();
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("c"), S("b"), S("a")}));

    // A paragraph dragged from another item's editor is refused.
    QMimeData foreign;
    foreign.setData(ParagraphListModel::mimeType(), (idString(QUuid::createUuid()) + S(" a")).toUtf8());
    QVERIFY(!model->canDropMimeData(&foreign, Qt::MoveAction, 0, 0, QModelIndex()));
    QVERIFY(!model->dropMimeData(&foreign, Qt::MoveAction, 0, 0, QModelIndex()));
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("c"), S("b"), S("a")}));

    m_editor->undoStack()->setIndex(0);
    QCOMPARE(m_editor->document()->item(), item);
}

void tst_ParagraphsEditor::reorderByKeyboard()
{
    openEditor(threeParagraphPage());
    find<QTabWidget>("editorSections")->setCurrentWidget(find<QWidget>("paragraphsArea"));
    auto *list = find<QListView>("paragraphList");
    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("b"), S("a"), S("c")}));
    QCOMPARE(list->currentIndex().row(), 1);
    QCOMPARE(m_editor->undoStack()->count(), 1);
    m_editor->undoStack()->undo();
    QCOMPARE(paragraphIds(m_editor->document()->item()), (QStringList{S("a"), S("b"), S("c")}));
}

void tst_ParagraphsEditor::termPickerTypeAhead()
{
    openEditor(threeParagraphPage());
    auto *picker = find<TermPicker>("regionPicker");
    auto *field = find<QLineEdit>("regionTagsEdit");
    field->setFocus();

    // Part of a title, any case, offers the terms that contain it.
    QTest::keyClicks(field, S("YORK"));
    QAbstractItemView *popup = picker->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(picker->completer()->completionCount(), 1);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE(m_editor->document()->item().tags.regions, (QStringList{S("london"), S("north-east-and-yorkshire")}));
    QCOMPARE(field->text(), QString());
    QVERIFY(find<QFrame>("termChip_north-east-and-yorkshire")->isVisible());
    QCOMPARE(find<QToolButton>("removeTerm_north-east-and-yorkshire")->accessibleName(), S("Remove North East and Yorkshire"));

    // "south" offers two; chosen terms are not offered again.
    QTest::keyClicks(field, S("south"));
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(picker->completer()->completionCount(), 2);
    QTest::keyClick(popup, Qt::Key_Escape);
    QTRY_VERIFY(!popup->isVisible());
    // (The offscreen platform leaves no window active once a popup closes by Escape.)
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    field->setFocus();
    field->clear();
    QTest::keyClicks(field, S("lon"));
    QCOMPARE(picker->completer()->completionCount(), 0);
    field->clear();

    // Text that is no term is refused, stays, and says so.
    QTest::keyClicks(field, S("Narnia"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(picker->message(), S("No term called “Narnia”."));
    QVERIFY(find<QLabel>("regionPickerMessage")->isVisible());
    QCOMPARE(field->text(), S("Narnia"));
    QCOMPARE(m_editor->document()->item().tags.regions, (QStringList{S("london"), S("north-east-and-yorkshire")}));
    QVERIFY(field->accessibleDescription().contains(S("No term called")));
    QTest::keyClick(field, Qt::Key_Backspace); // typing again clears the message
    QVERIFY(picker->message().isEmpty());

    // A whole title and Enter adds it; Backspace in the empty field removes the last chip.
    field->clear();
    QTest::keyClicks(field, S("midlands"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(m_editor->document()->item().tags.regions, (QStringList{S("london"), S("north-east-and-yorkshire"), S("midlands")}));
    QTest::keyClick(field, Qt::Key_Backspace);
    QCOMPARE(m_editor->document()->item().tags.regions, (QStringList{S("london"), S("north-east-and-yorkshire")}));
    QVERIFY(field->hasFocus());
}

void tst_ParagraphsEditor::termChipsRemovedByKeyboard()
{
    openEditor(threeParagraphPage());
    auto *field = find<QLineEdit>("regionTagsEdit");
    field->setFocus();
    for (const QString &title : {S("North West"), S("South West")}) {
        QTest::keyClicks(field, title);
        QTest::keyClick(field, Qt::Key_Return);
    }
    QCOMPARE(m_editor->document()->item().tags.regions, (QStringList{S("london"), S("north-west"), S("south-west")}));

    // Shift+Tab from the field reaches the chips' remove buttons, last first.
    QTest::keyClick(field, Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget()->objectName(), S("removeTerm_south-west"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget()->objectName(), S("removeTerm_north-west"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QCOMPARE(m_editor->document()->item().tags.regions, (QStringList{S("london"), S("south-west")}));
    // The focus stays among the chips: on the one that took its place.
    QCOMPARE(QApplication::focusWidget()->objectName(), S("removeTerm_south-west"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
    QCOMPARE(m_editor->document()->item().tags.regions, QStringList());

    // No region: national, and it says so.
    QVERIFY(find<QLabel>("regionEmptyLabel")->isVisible());
    QCOMPARE(find<QLabel>("regionEmptyLabel")->text(), S("National (all regions)"));
    QVERIFY(field->accessibleDescription().startsWith(S("National (all regions)")));
    m_editor->undoStack()->undo(); // the tag edits merged into one step
    QCOMPARE(m_editor->document()->item().tags.regions, QStringList{S("london")});
    QVERIFY(find<QLabel>("regionEmptyLabel")->isHidden());
}

void tst_ParagraphsEditor::schedule_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("offset");
    QTest::newRow("summer: BST") << QDate(2026, 6, 15) << QTime(9, 30) << S("2026-06-15T09:30:00+01:00") << S("UTC+01:00");
    QTest::newRow("winter: GMT") << QDate(2026, 12, 1) << QTime(17, 0) << S("2026-12-01T17:00:00+00:00") << S("UTC+00:00");
    QTest::newRow("day the clocks go back") << QDate(2026, 10, 25) << QTime(12, 0) << S("2026-10-25T12:00:00+00:00")
                                            << S("UTC+00:00");
}

void tst_ParagraphsEditor::schedule()
{
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(QString, stored);
    QFETCH(QString, offset);
    openEditor(threeParagraphPage());
    auto *check = find<QCheckBox>("publishScheduledCheck");
    auto *edit = find<QDateTimeEdit>("publishAtEdit");
    QVERIFY(!check->isChecked());
    QVERIFY(!edit->isEnabled());
    QCOMPARE(edit->text(), S("Not scheduled"));

    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(m_editor->document()->item().schedule.publishAt.has_value());
    QVERIFY(edit->isEnabled());
    QVERIFY(edit->hasFocus());
    edit->setDate(date);
    edit->setTime(time);
    const auto &publishAt = m_editor->document()->item().schedule.publishAt;
    QVERIFY(publishAt);
    QCOMPARE(publishAt->toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London"))).date(), date);
    QCOMPARE(publishAt->toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London"))).time(), time);
    QVERIFY2(serialize(m_editor->document()->item()).contains(stored.toUtf8()), serialize(m_editor->document()->item()).constData());
    QVERIFY(find<QLabel>("publishZone")->text().contains(offset));
    QCOMPARE(m_editor->undoStack()->count(), 2); // scheduled, then the time (date and time merged)

    // Saved as such, and shown the same when opened again.
    QVERIFY(m_editor->save());
    const auto saved = carta::testing::storedItem(m_file->path, m_editor->itemId());
    QVERIFY(saved);
    QVERIFY(serialize(*saved).contains(stored.toUtf8()));
    const Item reopened = *saved;
    m_editor.reset();
    openEditor(reopened);
    QCOMPARE(find<QDateTimeEdit>("publishAtEdit")->date(), date);
    QCOMPARE(find<QDateTimeEdit>("publishAtEdit")->time(), time);
    QVERIFY(find<QCheckBox>("publishScheduledCheck")->isChecked());
}

void tst_ParagraphsEditor::scheduleCleared()
{
    Item item = threeParagraphPage();
    item.schedule.publishAt = QDateTime(QDate(2026, 3, 30), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
    item.schedule.unpublishAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
    openEditor(item);
    // Unpublishing before publishing: said beside the field.
    QCOMPARE(find<QLabel>("schedule.unpublish_atIssues")->text(), S("Unpublish time: must be after schedule.publish_at"));
    auto *unpublish = find<QCheckBox>("unpublishScheduledCheck");
    QTest::mouseClick(unpublish, Qt::LeftButton);
    QVERIFY(!m_editor->document()->item().schedule.unpublishAt);
    QCOMPARE(find<QDateTimeEdit>("unpublishAtEdit")->text(), S("Not scheduled"));
    QVERIFY(find<QLabel>("schedule.unpublish_atIssues")->isHidden());
    QCOMPARE(find<QDateTimeEdit>("publishAtEdit")->date(), QDate(2026, 3, 30));
    m_editor->undoStack()->undo();
    QCOMPARE(find<QDateTimeEdit>("unpublishAtEdit")->date(), QDate(2026, 3, 1));
    QVERIFY(unpublish->isChecked());
}

void tst_ParagraphsEditor::metaDescriptionCounterAndKeywords()
{
    openEditor(threeParagraphPage());
    auto *description = find<QPlainTextEdit>("metaDescriptionEdit");
    auto *count = find<QLabel>("metaDescriptionCount");
    QCOMPARE(count->text(), S("0 of 300 characters"));
    description->setFocus();
    QTest::keyClicks(description, S("Foundation training in London."));
    QCOMPARE(count->text(), S("30 of 300 characters"));
    QCOMPARE(m_editor->document()->item().meta.description, S("Foundation training in London."));
    QCOMPARE(m_editor->undoStack()->count(), 1);

    // Over the limit: counted in words and explained; still kept.
    QTest::keyClicks(description, QString(280, QLatin1Char('x')));
    QCOMPARE(count->text(), S("310 of 300 characters: 10 too many"));
    QVERIFY(find<QLabel>("meta.descriptionIssues")->isVisible());
    QCOMPARE(m_editor->document()->item().meta.description.size(), 310);
    m_editor->undoStack()->undo();
    QCOMPARE(count->text(), S("0 of 300 characters"));

    auto *keywords = find<QLineEdit>("metaKeywordsEdit");
    keywords->setFocus();
    QTest::keyClicks(keywords, S("foundation, training,"));
    QCOMPARE(m_editor->document()->item().meta.keywords, (QStringList{S("foundation"), S("training")}));
    QCOMPARE(keywords->text(), S("foundation, training,")); // not rewritten while typing
}

void tst_ParagraphsEditor::attachmentDroppedOnTheEditor()
{
    openEditor(threeParagraphPage());
    QTemporaryDir dir;
    const QString path = dir.filePath(S("Study leave guidance.pdf"));
    QByteArray content = "%PDF-1.4\n% a small test document\n";
    content += QByteArray(5000, 'x');
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    find<QTabWidget>("editorSections")->setCurrentWidget(find<QWidget>("attachmentsScrollArea"));
    auto *area = find<AttachmentsPanel>("attachmentsArea");
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = area->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(area, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(area, &drop);
    QVERIFY(drop.isAccepted());

    const QList<Attachment> &attachments = m_editor->document()->item().attachments;
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.at(0).sha256, sha256Hex(content));
    QCOMPARE(attachments.at(0).size, qint64(content.size()));
    QCOMPARE(attachments.at(0).name, S("Study leave guidance.pdf"));
    QCOMPARE(attachments.at(0).mediaType, S("application/pdf"));
    auto *list = find<QTreeWidget>("attachmentList");
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), S("Study leave guidance.pdf"));
    QCOMPARE(list->topLevelItem(0)->text(2), S("application/pdf"));
    QVERIFY(area->message().startsWith(S("Attached Study leave guidance.pdf.")));
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QCOMPARE(m_editor->document()->issues(), Issues{});

    // Undo takes it off the item (the stored file may stay for later).
    m_editor->undoStack()->undo();
    QVERIFY(m_editor->document()->item().attachments.isEmpty());
    QCOMPARE(list->topLevelItemCount(), 0);
    m_editor->undoStack()->redo();
    QCOMPARE(list->topLevelItemCount(), 1);

    // The same file again: said, not doubled. Then removed with the button.
    QCOMPARE(area->attachFiles({path}), 0);
    QCOMPARE(area->message(), S("“Study leave guidance.pdf” is attached already."));
    QCOMPARE(m_editor->document()->item().attachments.size(), 1);
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(find<QPushButton>("removeAttachmentButton"), Qt::LeftButton);
    QVERIFY(m_editor->document()->item().attachments.isEmpty());
    QCOMPARE(m_editor->undoStack()->count(), 2);
}

void tst_ParagraphsEditor::attachmentProblemsChangeNothing()
{
    openEditor(threeParagraphPage());
    const Item before = m_editor->document()->item();
    QTemporaryDir dir;
    const QString tooLarge = dir.filePath(S("scan.pdf"));
    {
        QFile file(tooLarge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(Limits::kAttachmentBytes + 1)); // sparse: no time or space taken
    }
    find<QTabWidget>("editorSections")->setCurrentWidget(find<QWidget>("attachmentsScrollArea"));
    auto *area = find<AttachmentsPanel>("attachmentsArea");
    QCOMPARE(area->attachFiles({dir.filePath(S("missing.pdf")), tooLarge}), 0);
    const QStringList lines = area->message().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), S("“missing.pdf” was not attached: there is no such file."));
    QVERIFY2(lines.at(1).startsWith(S("“scan.pdf” was not attached: it is 200")), qPrintable(lines.at(1)));
    QVERIFY(find<QLabel>("attachmentProblems")->isVisible());
    QVERIFY(find<QLabel>("attachmentMessage")->isHidden());
    QCOMPARE(m_editor->document()->item(), before);
    QCOMPARE(m_editor->undoStack()->count(), 0);
}

void tst_ParagraphsEditor::focusPathGoesToTheField()
{
    Item item = threeParagraphPage();
    Paragraph links;
    links.id = S("links");
    links.kind = ParagraphKind::LinkList;
    links.links = {{S("Oriel"), S("https://www.oriel.nhs.uk")}, {S("Broken"), S("not a url")}};
    item.paragraphs.append(links);
    item.schedule.unpublishAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0, 30), QTimeZone(QByteArrayLiteral("Europe/London")));
    openEditor(item);
    auto *sections = find<QTabWidget>("editorSections");
    // The sections count their problems.
    QCOMPARE(sections->tabText(sections->indexOf(find<QWidget>("paragraphsArea"))), S("Paragraphs (1 to fix)"));
    QCOMPARE(sections->tabText(sections->indexOf(find<QWidget>("metadataArea"))), S("Item (1 to fix)"));

    // On the Item section, the problems of the others are listed; choosing one goes there.
    QCOMPARE(sections->currentWidget(), find<QWidget>("metadataArea"));
    auto *others = find<QListWidget>("otherIssuesList");
    QVERIFY(others->isVisible());
    QCOMPARE(others->count(), 1);
    QVERIFY2(others->item(0)->text().startsWith(S("Paragraph 4, link 2 address: ")), qPrintable(others->item(0)->text()));
    QTest::mouseClick(others->viewport(), Qt::LeftButton, {}, others->visualItemRect(others->item(0)).center());
    QTRY_COMPARE(sections->currentWidget(), find<QWidget>("paragraphsArea"));
    QCOMPARE(m_editor->currentParagraphId(), S("links"));
    auto *table = find<QTableView>("linkTable");
    QVERIFY(table->hasFocus());
    QCOMPARE(table->currentIndex(), table->model()->index(1, ParagraphLinksModel::UrlColumn));
    // Now the schedule's problem is the one listed elsewhere.
    QCOMPARE(others->count(), 1);
    QVERIFY2(others->item(0)->text().startsWith(S("Unpublish time: must be on a whole minute")), qPrintable(others->item(0)->text()));

    QVERIFY(m_editor->focusPath(S("paragraphs[3].links[1].url")));
    QVERIFY(m_editor->focusPath(S("schedule.unpublish_at")));
    QCOMPARE(sections->currentWidget(), find<QWidget>("metadataArea"));
    QVERIFY(find<QDateTimeEdit>("unpublishAtEdit")->hasFocus());
    QVERIFY(m_editor->focusPath(S("tags.regions[0]")));
    QVERIFY(find<QLineEdit>("regionTagsEdit")->hasFocus());
    QVERIFY(!m_editor->focusPath(S("nowhere.at.all")));
}

void tst_ParagraphsEditor::tabOrderThroughTheItemSection()
{
    openEditor(threeParagraphPage());
    find<QLineEdit>("titleEdit")->setFocus();
    QStringList visited;
    for (int i = 0; i < 20 && QApplication::focusWidget(); ++i) {
        QWidget *focused = QApplication::focusWidget();
        visited.append(focused->objectName());
        QVERIFY2(!focused->accessibleName().isEmpty() || qobject_cast<QDateTimeEdit *>(focused->parentWidget()),
                 qPrintable(focused->objectName()));
        if (focused->objectName() == S("metaKeywordsEdit"))
            break;
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    const QStringList expected{S("titleEdit"),
                               S("slugEdit"),
                               S("summaryEdit"),
                               S("typeField"),
                               S("stateField"),
                               S("professionTagsEdit"),
                               S("specialtyTagsEdit"),
                               S("removeTerm_london"),
                               S("regionTagsEdit"),
                               S("career_stageTagsEdit"),
                               S("clinical_areaTagsEdit"),
                               S("publishScheduledCheck"),
                               S("unpublishScheduledCheck"), // the times are disabled while not scheduled
                               S("metaDescriptionEdit"),
                               S("metaKeywordsEdit")};
    QCOMPARE(visited, expected);
}

void tst_ParagraphsEditor::everyControlIsNamed()
{
    Item item = cardiologyCurriculum();
    item.tags.regions = {S("london")};
    openEditor(item);
    for (ParagraphKind kind : allParagraphKinds())
        addAction(kind)->trigger(); // every kind's editor built and shown once
    QWidget *typeEditor = m_editor->typeFieldsEditor();
    QStringList unnamed;
    for (QWidget *widget : m_editor->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || (typeEditor && typeEditor->isAncestorOf(widget)))
            continue;
        // Parts of Qt's own compound widgets, named by the widget they belong to.
        QWidget *parent = widget->parentWidget();
        const auto *area = qobject_cast<QAbstractScrollArea *>(parent ? parent->parentWidget() : nullptr);
        if (qobject_cast<QScrollBar *>(widget) || qobject_cast<QTabBar *>(widget) || qobject_cast<QHeaderView *>(widget)
            || qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent)
            || (area && area->viewport() == parent) || (qobject_cast<QAbstractScrollArea *>(parent)
                                                        && qobject_cast<QAbstractScrollArea *>(parent)->viewport() == widget)
            || widget->inherits("QCalendarWidget") || (parent && parent->inherits("QCalendarWidget"))
            || qobject_cast<QAbstractItemView *>(widget->parentWidget() ? widget->parentWidget()->parentWidget() : nullptr))
            continue;
        if (widget->objectName().isEmpty() || widget->accessibleName().isEmpty())
            unnamed.append(S("%1 \"%2\" (%3)").arg(S(widget->metaObject()->className()), widget->objectName(),
                                                   parent ? parent->objectName() : QString()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(S("; "))));
}

QTEST_MAIN(tst_ParagraphsEditor)
#include "tst_paragraphseditor.moc"
