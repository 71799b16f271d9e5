// The item editor driven through its real widgets: typing, adding and reordering
// paragraphs by buttons and Alt+Up/Alt+Down, taxonomy terms picked by type-ahead, undo and
// redo, inline validation, and autosave into the replica file (read back through a
// connection of its own).
#include "apptestsupport.h"

#include "editors/typefieldseditor.h"
#include "models/itemcatalogue.h"
#include "widgets/itemeditor.h"
#include "widgets/termpicker.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

QStringList paragraphTexts(const Item &item)
{
    QStringList texts;
    for (const Paragraph &p : item.paragraphs)
        texts.append(p.markdown);
    return texts;
}

} // namespace

class tst_ItemEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void editTitleUndoRedoAndAutosave();
    void addAndReorderParagraphs();
    void emptyTitleIsShownAndTheDraftStillSaved();
    void tagsArePickedFromTheTaxonomy();
    void autosaveDoesNotWaitForTypingToStop();
    void editsMergeWithChangesMadeUnderneath();
    void newItemIsSavedOnceChanged();

private:
    template<typename T> T *find(const char *name) const
    {
        auto *widget = m_editor->findChild<T *>(S(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void openEditor(const Item &item);

    std::unique_ptr<carta::testing::TempReplica> m_file;
    std::unique_ptr<replica::Replica> m_replica;
    std::unique_ptr<ItemEditor> m_editor;
    Item m_item;
};

void tst_ItemEditor::initTestCase()
{
    carta::testing::isolateSettings("itemeditor");
}

void tst_ItemEditor::init()
{
    m_file = std::make_unique<carta::testing::TempReplica>();
    m_replica = m_file->openReplica();
    m_item = carta::testing::page(S("Foundation training"), S("foundation-training"), S("Two years after medical school."),
                                  {S("london")});
    carta::testing::save(*m_replica, m_item);
}

void tst_ItemEditor::cleanup()
{
    m_editor.reset();
    m_replica.reset();
    m_file.reset();
}

void tst_ItemEditor::openEditor(const Item &item)
{
    m_editor = std::make_unique<ItemEditor>(*m_replica, item, m_replica->item(item.id).value()->bytes);
    m_editor->resize(900, 700);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void tst_ItemEditor::editTitleUndoRedoAndAutosave()
{
    openEditor(m_item);
    auto *title = find<QLineEdit>("titleEdit");
    QCOMPARE(title->text(), S("Foundation training"));
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, S(" programme"));
    QCOMPARE(m_editor->document()->item().title, S("Foundation training programme"));
    QCOMPARE(m_editor->undoStack()->count(), 1); // the typing merged

    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->document()->item().title, S("Foundation training"));
    QCOMPARE(title->text(), S("Foundation training"));
    m_editor->undoStack()->redo();
    QCOMPARE(title->text(), S("Foundation training programme"));

    // Autosave within a second or so of the change; read back from the file itself.
    QSignalSpy saved(m_editor.get(), &ItemEditor::saved);
    QVERIFY(saved.wait(5000));
    const auto stored = carta::testing::storedItem(m_file->path, m_item.id);
    QVERIFY(stored);
    QCOMPARE(stored->title, S("Foundation training programme"));
    QCOMPARE(model::serialize(*stored), model::serialize(m_editor->document()->item()));
    QVERIFY(!m_editor->hasUnsavedChanges());
}

void tst_ItemEditor::addAndReorderParagraphs()
{
    openEditor(m_item);
    auto *list = find<QListView>("paragraphList");
    auto *body = find<QPlainTextEdit>("paragraphBodyEdit");
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(body->toPlainText(), S("First paragraph of Foundation training."));

    // Add two paragraphs after the first and type into each.
    QTest::mouseClick(find<QPushButton>("addParagraphButton"), Qt::LeftButton);
    QVERIFY(body->hasFocus());
    QTest::keyClicks(body, S("Second"));
    QTest::mouseClick(find<QPushButton>("addParagraphButton"), Qt::LeftButton);
    QTest::keyClicks(body, S("Third"));
    QCOMPARE(paragraphTexts(m_editor->document()->item()),
             (QStringList{S("First paragraph of Foundation training."), S("Second"), S("Third")}));
    QCOMPARE(list->currentIndex().row(), 2);

    // Alt+Up twice from the editor moves "Third" to the top; the list follows.
    QTest::keyClick(body, Qt::Key_Up, Qt::AltModifier);
    QTest::keyClick(body, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(paragraphTexts(m_editor->document()->item()),
             (QStringList{S("Third"), S("First paragraph of Foundation training."), S("Second")}));
    QCOMPARE(list->currentIndex().row(), 0);
    QVERIFY(!find<QPushButton>("moveUpButton")->isEnabled());

    // Alt+Down from the list, then the Move Down button.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(list->currentIndex().row(), 1);
    QTest::mouseClick(find<QPushButton>("moveDownButton"), Qt::LeftButton);
    QCOMPARE(paragraphTexts(m_editor->document()->item()),
             (QStringList{S("First paragraph of Foundation training."), S("Second"), S("Third")}));
    QVERIFY(!find<QPushButton>("moveDownButton")->isEnabled());

    // Remove the first; undo everything step by step, then redo it all.
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::mouseClick(find<QPushButton>("removeParagraphButton"), Qt::LeftButton);
    QCOMPARE(paragraphTexts(m_editor->document()->item()), (QStringList{S("Second"), S("Third")}));
    const Item edited = m_editor->document()->item();
    // add, type, add, type, up, up, down, down, remove
    QCOMPARE(m_editor->undoStack()->count(), 9);
    m_editor->undoStack()->setIndex(0);
    QCOMPARE(m_editor->document()->item(), m_item);
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(body->toPlainText(), S("First paragraph of Foundation training."));
    m_editor->undoStack()->setIndex(m_editor->undoStack()->count());
    QCOMPARE(m_editor->document()->item(), edited);

    QVERIFY(m_editor->save());
    const auto stored = carta::testing::storedItem(m_file->path, m_item.id);
    QVERIFY(stored);
    QCOMPARE(paragraphTexts(*stored), (QStringList{S("Second"), S("Third")}));
}

void tst_ItemEditor::emptyTitleIsShownAndTheDraftStillSaved()
{
    openEditor(m_item);
    auto *title = find<QLineEdit>("titleEdit");
    auto *issues = find<QLabel>("titleIssues");
    QVERIFY(issues->isHidden());
    title->setFocus();
    title->selectAll();
    QTest::keyClick(title, Qt::Key_Backspace);
    QCOMPARE(m_editor->document()->item().title, QString());
    QVERIFY(issues->isVisible());
    QCOMPARE(issues->text(), S("Title: must not be empty"));
    QCOMPARE(title->accessibleDescription(), S("Title: must not be empty"));
    QCOMPARE(m_editor->tabTitle(), S("(untitled page)"));

    // A paragraph left empty is marked in the list and explained under the editor.
    QTest::mouseClick(find<QPushButton>("addParagraphButton"), Qt::LeftButton);
    auto *paragraphIssues = find<QLabel>("paragraphIssues");
    QVERIFY(paragraphIssues->isVisible());
    QCOMPARE(paragraphIssues->text(), S("Paragraph 2: must not be empty"));
    auto *list = find<QListView>("paragraphList");
    QVERIFY(!list->model()->index(1, 0).data(Qt::ToolTipRole).isNull());
    QVERIFY(list->model()->index(0, 0).data(Qt::ToolTipRole).isNull());
    QVERIFY(list->model()->index(1, 0).data(Qt::DecorationRole) != list->model()->index(0, 0).data(Qt::DecorationRole));

    // Saved all the same.
    QSignalSpy saved(m_editor.get(), &ItemEditor::saved);
    QVERIFY(saved.wait(5000));
    const auto stored = carta::testing::storedItem(m_file->path, m_item.id);
    QVERIFY(stored);
    QCOMPARE(stored->title, QString());
    QCOMPARE(stored->paragraphs.size(), 2);

    // Typing a title clears the message.
    QTest::keyClicks(title, S("Foundation"));
    QVERIFY(issues->isHidden());
}

void tst_ItemEditor::tagsArePickedFromTheTaxonomy()
{
    ItemCatalogue catalogue;
    catalogue.addTerm(Vocabulary::Region, {S("london"), S("London"), QString(), 0});
    catalogue.addTerm(Vocabulary::Region, {S("north-west"), S("North West"), QString(), 0});
    catalogue.addTerm(Vocabulary::Profession, {S("medicine"), S("Medicine"), QString(), 0});
    m_editor = std::make_unique<ItemEditor>(*m_replica, m_item, m_replica->item(m_item.id).value()->bytes, nullptr, &catalogue);
    m_editor->resize(900, 700);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));

    auto *regions = find<TermPicker>("regionPicker");
    QCOMPARE(regions->terms(), QStringList{S("london")});
    QCOMPARE(find<QFrame>("termChip_london")->accessibleName(), S("Region: London"));
    auto *field = find<QLineEdit>("regionTagsEdit");
    field->setFocus();
    QTest::keyClicks(field, S("north WEST"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(m_editor->document()->item().tags.regions, (QStringList{S("london"), S("north-west")}));
    QCOMPARE(field->text(), QString());
    QCOMPARE(m_editor->undoStack()->count(), 1);
    m_editor->undoStack()->undo();
    QCOMPARE(regions->terms(), QStringList{S("london")});
    QVERIFY(!m_editor->findChild<QFrame *>(S("termChip_north-west")));

    // Validation messages of a vocabulary stand under its picker.
    m_editor->document()->editTags(Vocabulary::Profession, {S("medicine"), S("medicine")});
    QCOMPARE(find<QLabel>("tags.professionsIssues")->text(), S("Professions: \"medicine\" is listed twice"));
    QVERIFY(find<QLineEdit>("professionTagsEdit")->accessibleDescription().contains(S("listed twice")));
    m_editor.reset(); // before the catalogue it uses goes
}

void tst_ItemEditor::autosaveDoesNotWaitForTypingToStop()
{
    openEditor(m_item);
    auto *summary = find<QPlainTextEdit>("summaryEdit");
    summary->setFocus();
    summary->moveCursor(QTextCursor::End);
    QSignalSpy saved(m_editor.get(), &ItemEditor::saved);
    QElapsedTimer typing;
    typing.start();
    // Keep typing, a key every 100 ms at most, until a save happens: it must come about a
    // second after the first key, not after the typing stops.
    QTest::keyClicks(summary, S("x"));
    while (!saved.wait(100) && typing.elapsed() < 10000)
        QTest::keyClicks(summary, S("x"));
    QVERIFY(!saved.isEmpty());
    QVERIFY(typing.elapsed() < 8000); // had every key restarted the timer, no save would have come while typing
}

void tst_ItemEditor::editsMergeWithChangesMadeUnderneath()
{
    openEditor(m_item);
    // A sync merges a change from the server into the replica while the editor is open.
    Item fromServer = m_item;
    fromServer.summary = S("Changed on the server.");
    carta::testing::save(*m_replica, fromServer);

    auto *title = find<QLineEdit>("titleEdit");
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, S(" (2025)"));
    QVERIFY(m_editor->save());
    const auto stored = carta::testing::storedItem(m_file->path, m_item.id);
    QVERIFY(stored);
    QCOMPARE(stored->title, S("Foundation training (2025)"));
    QCOMPARE(stored->summary, S("Changed on the server.")); // not overwritten by the editor's older copy
    QCOMPARE(m_editor->document()->item().summary, S("Changed on the server."));
    QCOMPARE(find<QPlainTextEdit>("summaryEdit")->toPlainText(), S("Changed on the server."));

    // And a change underneath with no edits here is taken in by reloadFromReplica().
    Item again = *stored;
    again.slug = S("foundation-training-2025");
    carta::testing::save(*m_replica, again);
    m_editor->reloadFromReplica();
    QCOMPARE(find<QLineEdit>("slugEdit")->text(), S("foundation-training-2025"));
    QCOMPARE(m_editor->undoStack()->undoText(), S("Changes From the Server"));
}

void tst_ItemEditor::newItemIsSavedOnceChanged()
{
    const Item fresh = Item::create(ItemType::Curriculum);
    m_editor = std::make_unique<ItemEditor>(*m_replica, fresh, QByteArray());
    m_editor->show();
    QVERIFY(m_editor->isNew());
    QVERIFY(!m_editor->hasUnsavedChanges());
    QVERIFY(m_editor->save()); // nothing to save yet
    QVERIFY(!carta::testing::storedItem(m_file->path, fresh.id));
    QTest::keyClicks(find<QLineEdit>("titleEdit"), S("Geriatric medicine"));
    QSignalSpy saved(m_editor.get(), &ItemEditor::saved);
    QVERIFY(saved.wait(5000));
    const auto stored = carta::testing::storedItem(m_file->path, fresh.id);
    QVERIFY(stored);
    QCOMPARE(stored->title, S("Geriatric medicine"));
    QVERIFY(stored->type() == ItemType::Curriculum);
    // Curriculum rules are shown by the curriculum's own editor, whose section says how many
    // there are; without one, they are listed above the sections.
    auto *sections = find<QTabWidget>("editorSections");
    if (m_editor->typeFieldsEditor())
        QVERIFY(sections->tabText(sections->indexOf(find<QWidget>("detailsArea"))).contains(S("to fix")));
    else
        QVERIFY(find<QWidget>("otherIssues")->isVisible());
}

QTEST_MAIN(tst_ItemEditor)
#include "tst_itemeditor.moc"
