// ItemDocument and its undo commands: typing merges per field, paragraphs are added,
// removed and reordered by id, every step undoes and redoes exactly, validation follows
// every change, and the paragraph model stays consistent throughout.
#include "apptestsupport.h"

#include "document/itemcommands.h"
#include "document/itemdocument.h"
#include "models/paragraphlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

// Always the same item (same id), so states can be compared across calls.
Item threeParagraphs()
{
    static const QUuid id = QUuid::createUuid();
    Item item = carta::testing::page(S("Foundation training"), S("foundation-training"));
    item.id = id;
    item.paragraphs = {carta::testing::textParagraph(S("a"), S("Alpha")), carta::testing::textParagraph(S("b"), S("Beta")),
                       carta::testing::textParagraph(S("c"), S("Gamma"))};
    return item;
}

// Paragraph ids in order, with ids made by the document replaced by the names the script gave them.
QString order(const ItemDocument &document, const QHash<QString, QString> &names)
{
    QStringList ids;
    for (const Paragraph &p : document.item().paragraphs)
        ids.append(names.value(p.id, p.id));
    return ids.join(QLatin1Char(' '));
}

} // namespace

class tst_ItemDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingInOneFieldMerges();
    void differentFieldsAndParagraphsDoNotMerge();
    void typingBackToTheStartLeavesNothingToUndo();
    void tagsMergeAndUndo();
    void paragraphScripts_data();
    void paragraphScripts();
    void validationFollowsEveryChange();
    void replaceIsOneUndoableStep();
    void referencesHaveNoEditableBody();
};

void tst_ItemDocument::typingInOneFieldMerges()
{
    ItemDocument document(threeParagraphs());
    QSignalSpy changed(&document, &ItemDocument::changed);
    for (const char *typed : {"F", "Fo", "Fou", "Foun"})
        document.editText(TextField::Title, S(typed));
    QCOMPARE(document.item().title, S("Foun"));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(changed.count(), 4);
    document.undoStack()->undo();
    QCOMPARE(document.item().title, S("Foundation training"));
    document.undoStack()->redo();
    QCOMPARE(document.item().title, S("Foun"));
}

void tst_ItemDocument::differentFieldsAndParagraphsDoNotMerge()
{
    ItemDocument document(threeParagraphs());
    document.editText(TextField::Title, S("T1"));
    document.editText(TextField::Title, S("T12"));
    document.editText(TextField::Slug, S("t1"));
    document.editText(TextField::ParagraphBody, S("Alpha 1"), S("a"));
    document.editText(TextField::ParagraphBody, S("Alpha 12"), S("a"));
    document.editText(TextField::ParagraphBody, S("Beta 1"), S("b"));
    document.editText(TextField::Title, S("T123"));
    QCOMPARE(document.undoStack()->count(), 5);
    QCOMPARE(document.undoStack()->text(3), S("Edit Paragraph"));
    document.undoStack()->setIndex(0);
    QCOMPARE(document.item(), threeParagraphs());
    document.undoStack()->setIndex(3);
    QCOMPARE(document.item().paragraphs[0].markdown, S("Alpha 12"));
    QCOMPARE(document.item().paragraphs[1].markdown, S("Beta"));
    QCOMPARE(document.item().slug, S("t1"));
}

void tst_ItemDocument::typingBackToTheStartLeavesNothingToUndo()
{
    ItemDocument document(threeParagraphs());
    document.editText(TextField::Summary, S("x"));
    document.editText(TextField::Summary, threeParagraphs().summary);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.undoStack()->canUndo());
}

void tst_ItemDocument::tagsMergeAndUndo()
{
    ItemDocument document(threeParagraphs());
    document.editTags(Vocabulary::Region, {S("lon")});
    document.editTags(Vocabulary::Region, {S("london")});
    document.editTags(Vocabulary::Region, {S("london"), S("north-west")});
    document.editTags(Vocabulary::Profession, {S("medicine")});
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(document.item().tags.regions, (QStringList{S("london"), S("north-west")}));
    document.undoStack()->undo();
    document.undoStack()->undo();
    QVERIFY(document.item().tags.regions.isEmpty());
    QVERIFY(document.item().tags.professions.isEmpty());
}

void tst_ItemDocument::paragraphScripts_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("expected");
    // Steps: "add@I" (a new paragraph, named n1, n2, ... in order), "up:X", "down:X",
    // "remove:X", "edit:X" (types three characters into X).
    QTest::newRow("add at the end") << S("add@3") << S("a b c n1");
    QTest::newRow("add at the start") << S("add@0") << S("n1 a b c");
    QTest::newRow("add in the middle, twice") << S("add@1 add@1") << S("a n2 n1 b c");
    QTest::newRow("move up") << S("up:c") << S("a c b");
    QTest::newRow("move up at the top does nothing") << S("up:a") << S("a b c");
    QTest::newRow("move down at the bottom does nothing") << S("down:c") << S("a b c");
    QTest::newRow("move to the top in steps") << S("up:c up:c") << S("c a b");
    QTest::newRow("move down and back") << S("down:a up:a") << S("a b c");
    QTest::newRow("remove") << S("remove:b") << S("a c");
    QTest::newRow("remove all") << S("remove:a remove:b remove:c") << S("");
    QTest::newRow("add, type, move, remove another") << S("add@3 edit:n1 up:n1 up:n1 remove:a") << S("n1 b c");
    QTest::newRow("edit, reorder, edit again") << S("edit:b down:b edit:b up:c") << S("c a b");
}

void tst_ItemDocument::paragraphScripts()
{
    QFETCH(QString, script);
    QFETCH(QString, expected);
    ItemDocument document(threeParagraphs());
    ParagraphListModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QHash<QString, QString> names; // document id -> script name
    QHash<QString, QString> ids;   // script name -> document id
    for (const QString &name : {S("a"), S("b"), S("c")})
        ids.insert(name, name);
    QList<Item> states{document.item()};
    for (const QString &step : script.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString op = step.section(QLatin1Char(':'), 0, 0);
        const QString target = ids.value(step.section(QLatin1Char(':'), 1));
        if (step.startsWith(S("add@"))) {
            const QString id = document.addTextParagraph(step.mid(4).toInt());
            const QString name = S("n") + QString::number(names.size() + 1);
            names.insert(id, name);
            ids.insert(name, id);
        } else if (op == S("up")) {
            document.moveParagraph(target, -1);
        } else if (op == S("down")) {
            document.moveParagraph(target, +1);
        } else if (op == S("remove")) {
            document.removeParagraph(target);
        } else if (op == S("edit")) {
            QString text = document.text(TextField::ParagraphBody, target);
            for (const char *c : {"x", "y", "z"})
                document.editText(TextField::ParagraphBody, text += S(c), target);
        } else {
            QFAIL(qPrintable(S("unknown step ") + step));
        }
        if (!(document.item() == states.last()))
            states.append(document.item());
        // The model says what the document holds.
        QCOMPARE(model.rowCount(), document.item().paragraphs.size());
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(ParagraphListModel::IdRole).toString(), document.item().paragraphs[row].id);
    }
    QCOMPARE(order(document, names), expected);
    // One command per step that changed something (typing merged), and each undoes exactly.
    QCOMPARE(document.undoStack()->count(), states.size() - 1);
    for (qsizetype i = states.size() - 1; i > 0; --i) {
        QCOMPARE(document.item(), states[i]);
        document.undoStack()->undo();
    }
    QCOMPARE(document.item(), threeParagraphs());
    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
    QCOMPARE(order(document, names), expected);
    QCOMPARE(document.item(), states.last());
}

void tst_ItemDocument::validationFollowsEveryChange()
{
    ItemDocument document(threeParagraphs());
    QVERIFY2(document.issues().isEmpty(), qPrintable(joinIssues(document.issues())));
    QSignalSpy issuesChanged(&document, &ItemDocument::issuesChanged);
    document.editText(TextField::Title, QString());
    QCOMPARE(issuesChanged.count(), 1);
    QCOMPARE(document.issuesAt(S("title")).size(), 1);
    QCOMPARE(document.issuesAt(S("title")).first().message, S("must not be empty"));
    document.editText(TextField::Slug, S("Not A Slug"));
    QCOMPARE(document.issuesAt(S("slug")).size(), 1);
    const QString id = document.addTextParagraph(3);
    QCOMPARE(document.issuesAt(S("paragraphs[3]")).size(), 1);
    QCOMPARE(document.issuesAt(S("paragraphs[3]")).first().where, S("paragraphs[3].markdown"));
    QVERIFY(document.issuesAt(S("paragraphs[0]")).isEmpty());
    document.moveParagraph(id, -1);
    QCOMPARE(document.issuesAt(S("paragraphs[2]")).size(), 1);
    QVERIFY(document.issuesAt(S("paragraphs[3]")).isEmpty());
    document.undoStack()->setIndex(0);
    QVERIFY(document.issues().isEmpty());
}

void tst_ItemDocument::replaceIsOneUndoableStep()
{
    ItemDocument document(threeParagraphs());
    ParagraphListModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Item theirs = threeParagraphs();
    theirs.summary = S("Changed on the server.");
    theirs.paragraphs.removeAt(1);
    document.replaceItem(theirs, S("Changes From the Server"));
    QCOMPARE(document.item(), theirs);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(document.undoStack()->undoText(), S("Changes From the Server"));
    document.undoStack()->undo();
    QCOMPARE(document.item(), threeParagraphs());
    QCOMPARE(model.rowCount(), 3);
}

void tst_ItemDocument::referencesHaveNoEditableBody()
{
    Item item = threeParagraphs();
    Paragraph ref;
    ref.id = S("r");
    ref.kind = ParagraphKind::PolicyRef;
    ref.target = QUuid::createUuid();
    item.paragraphs.append(ref);
    ItemDocument document(item);
    document.editText(TextField::ParagraphBody, S("text"), S("r"));
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(document.item(), item);
}

QTEST_MAIN(tst_ItemDocument)
#include "tst_itemdocument.moc"
