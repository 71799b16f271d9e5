// The preview pane: the document rendered by core/site, following edits within a second
// (throttled, keeping the scroll position), references resolved from a real replica; and
// the Markdown preview of one paragraph.
#include "apptestsupport.h"

#include "document/itemdocument.h"
#include "widgets/previewpane.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QTextFrame>
#include <QTextTable>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

// How quickly the preview follows is a benchmark matter; here it only has to follow (and not at once).
constexpr int kRenderWaitMs = 5000;

Item policy()
{
    Item item = carta::testing::ofType(ItemType::Policy, S("Study leave policy"), S("study-leave"));
    item.summary = S("How trainees apply for study leave.");
    item.as<PolicyFields>().reference = S("HEE-POL-012");
    item.paragraphs = {carta::testing::textParagraph(S("sp1"), S("Trainees may take 30 days of study leave a year."))};
    return item;
}

Paragraph policyRef(const QString &id, const QUuid &target)
{
    Paragraph p;
    p.id = id;
    p.kind = ParagraphKind::PolicyRef;
    p.target = target;
    return p;
}

QTextTable *firstTable(QTextDocument *document)
{
    for (QTextFrame *frame : document->rootFrame()->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(frame))
            return table;
    }
    return nullptr;
}

QString cellText(const QTextTableCell &cell)
{
    QTextCursor cursor = cell.firstCursorPosition();
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return cursor.selectedText();
}

// The first cell, in any table at the top of the document, that holds this text.
QTextTableCell cellContaining(QTextDocument *document, const QString &text)
{
    for (QTextFrame *frame : document->rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        for (int row = 0; table && row < table->rows(); ++row) {
            for (int column = 0; column < table->columns(); ++column) {
                if (cellText(table->cellAt(row, column)).contains(text))
                    return table->cellAt(row, column);
            }
        }
    }
    return QTextTableCell();
}

} // namespace

class tst_Preview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTitleAndParagraphs();
    void followsEditsAfterTheInterval();
    void rendersAtMostOncePerInterval();
    void keepsTheScrollPosition();
    void policyReferenceFromTheReplica();
    void missingReferenceIsNoted();
    void boxesAndHiddenTextForRichText();
    void markdownPreviewRendersATable();
    void markdownPreviewIsSafe();

private:
    PreviewPane *openPane(const Item &item, const replica::Replica *replica = nullptr);
    [[nodiscard]] QString shown() const { return m_pane->browser()->toPlainText(); }

    std::unique_ptr<ItemDocument> m_document;
    std::unique_ptr<PreviewPane> m_pane;
};

void tst_Preview::initTestCase()
{
    carta::testing::isolateSettings("preview");
}

void tst_Preview::init()
{
    m_pane.reset();
    m_document.reset();
}

void tst_Preview::cleanup()
{
    m_pane.reset();
    m_document.reset();
}

PreviewPane *tst_Preview::openPane(const Item &item, const replica::Replica *replica)
{
    m_document = std::make_unique<ItemDocument>(item);
    m_pane = std::make_unique<PreviewPane>(m_document.get(), replica);
    m_pane->resize(700, 600);
    m_pane->show();
    if (!QTest::qWaitForWindowExposed(m_pane.get()))
        qFatal("preview not shown");
    return m_pane.get();
}

void tst_Preview::showsTitleAndParagraphs()
{
    Item item = carta::testing::page(S("Foundation training"), S("foundation-training"), S("Two years after medical school."));
    item.paragraphs.append(carta::testing::textParagraph(S("p2"), S("## Applying\n\nThrough **Oriel**.")));
    PreviewPane *pane = openPane(item);
    auto *browser = pane->findChild<QTextBrowser *>(S("previewBrowser"));
    QVERIFY(browser);
    QCOMPARE(browser->accessibleName(), S("Preview"));
    const QString text = browser->toPlainText();
    QVERIFY2(text.contains(S("Foundation training")), qPrintable(text));
    QVERIFY(text.contains(S("Two years after medical school.")));
    QVERIFY(text.contains(S("First paragraph of Foundation training.")));
    QVERIFY(text.contains(S("Through Oriel.")));
    QVERIFY(text.contains(S("Health Education England")));
    QCOMPARE(browser->documentTitle(), S("Foundation training - Health Education England"));
    // Markdown was rendered, not shown as source.
    QVERIFY(!text.contains(S("**Oriel**")));
    QVERIFY(!text.contains(S("## Applying")));
}

void tst_Preview::followsEditsAfterTheInterval()
{
    openPane(carta::testing::page(S("Foundation training"), S("foundation-training")));
    m_document->editText(TextField::Title, S("Foundation programme"));
    // Not at once: the render waits for the interval.
    QVERIFY(!shown().contains(S("Foundation programme")));
    QTRY_VERIFY_WITH_TIMEOUT(shown().contains(S("Foundation programme")), kRenderWaitMs);

    m_document->editText(TextField::ParagraphBody, S("Apply in *October*."), S("p1"));
    QTRY_VERIFY_WITH_TIMEOUT(shown().contains(S("Apply in October.")), kRenderWaitMs);
    QVERIFY(!shown().contains(S("First paragraph")));

    // Undo is a change like any other.
    m_document->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(shown().contains(S("First paragraph of Foundation training.")), kRenderWaitMs);
}

void tst_Preview::rendersAtMostOncePerInterval()
{
    openPane(carta::testing::page(S("Foundation training"), S("foundation-training")));
    QSignalSpy rendered(m_pane.get(), &PreviewPane::rendered);
    for (const char *title : {"F", "Fo", "Fou", "Foun", "Found"})
        m_document->editText(TextField::Title, S(title));
    QVERIFY(rendered.wait(2000));
    QCOMPARE(rendered.count(), 1);
    QVERIFY(shown().contains(S("Found")));
    QVERIFY(!rendered.wait(PreviewPane::kRenderDelayMs * 2)); // nothing left pending
}

void tst_Preview::keepsTheScrollPosition()
{
    Item item = carta::testing::page(S("Foundation training"), S("foundation-training"));
    for (int i = 0; i < 60; ++i)
        item.paragraphs.append(carta::testing::textParagraph(S("q%1").arg(i), S("Paragraph number %1 of a long page.").arg(i)));
    openPane(item);
    QScrollBar *bar = m_pane->browser()->verticalScrollBar();
    QVERIFY(bar->maximum() > 200);
    const int middle = bar->maximum() / 2;
    bar->setValue(middle);

    QSignalSpy rendered(m_pane.get(), &PreviewPane::rendered);
    m_document->editText(TextField::ParagraphBody, S("Paragraph number 59, edited."), S("q59"));
    QVERIFY(rendered.wait(2000));
    QVERIFY(shown().contains(S("Paragraph number 59, edited.")));
    QCOMPARE(bar->value(), middle);
}

void tst_Preview::policyReferenceFromTheReplica()
{
    carta::testing::TempReplica file;
    auto replica = file.openReplica();
    const Item study = policy();
    carta::testing::save(*replica, study);

    Item item = carta::testing::page(S("London hub"), S("london"));
    item.paragraphs.append(policyRef(S("p2"), study.id));
    openPane(item, replica.get());
    const QString text = shown();
    QVERIFY2(text.contains(S("Study leave policy")), qPrintable(text));
    QVERIFY(text.contains(S("How trainees apply for study leave.")));
    QVERIFY(text.contains(S("Trainees may take 30 days of study leave a year.")));
    QVERIFY(text.contains(S("HEE-POL-012")));
    QVERIFY(!text.contains(S("not available")));

    // The policy is edited elsewhere (a sync): the next render shows the new text.
    Item changed = study;
    changed.paragraphs[0].markdown = S("Trainees may take 25 days of study leave a year.");
    carta::testing::save(*replica, changed);
    m_pane->refresh();
    QVERIFY(shown().contains(S("25 days")));
}

void tst_Preview::missingReferenceIsNoted()
{
    carta::testing::TempReplica file;
    auto replica = file.openReplica();
    Item item = carta::testing::page(S("London hub"), S("london"));
    item.paragraphs.append(policyRef(S("p2"), QUuid::createUuid()));
    openPane(item, replica.get());
    QVERIFY2(shown().contains(S("This policy is not available.")), qPrintable(shown()));

    // No replica at all: the same note, no crash.
    m_pane.reset();
    openPane(item, nullptr);
    QVERIFY(shown().contains(S("This policy is not available.")));
}

void tst_Preview::boxesAndHiddenTextForRichText()
{
    Item item = carta::testing::ofType(ItemType::Policy, S("Study leave policy"), S("study-leave"));
    item.as<PolicyFields>().reference = S("HEE-POL-012");
    item.as<PolicyFields>().effectiveFrom = QDate(2024, 4, 1);
    Paragraph info;
    info.id = S("c1");
    info.kind = ParagraphKind::Callout;
    info.text = S("Good to know");
    info.markdown = S("Apply early.");
    item.paragraphs = {info};
    openPane(item);

    // The inset text is a box with NHS blue on its left.
    const QTextTableCell cell = cellContaining(m_pane->browser()->document(), S("Apply early."));
    QVERIFY(cell.isValid());
    QVERIFY(cellText(cell).contains(S("Good to know")));
    const QTextTableCellFormat format = cell.format().toTableCellFormat();
    QCOMPARE(format.leftBorder(), 8.0);
    QCOMPARE(format.leftBorderBrush().color(), QColor(S("#005eb8")));

    // Text for screen readers only, the skip link and the back link are left out.
    const QString text = shown();
    for (const char *hidden : {"Information:", "Skip to main content", "Back to"})
        QVERIFY2(!text.contains(S(hidden)), hidden);
    QVERIFY(text.contains(S("Home \u203a Policies")));

    // Summary list rows keep the page's text style (Qt loses it for a <div> inside a <dl>).
    const QTextCursor value = m_pane->browser()->document()->find(S("1 April 2024"));
    QVERIFY(!value.isNull());
    QCOMPARE(value.charFormat().foreground().color(), QColor(S("#212b32")));
    QCOMPARE(value.charFormat().fontPointSize(), 11.0);
}

void tst_Preview::markdownPreviewRendersATable()
{
    MarkdownPreview preview;
    QCOMPARE(preview.objectName(), S("markdownPreview"));
    QVERIFY(!preview.accessibleName().isEmpty());
    preview.setMarkdown(S("Stages:\n\n| Stage | Months |\n|---|---|\n| FY1 | 12 |\n| FY2 | 12 |\n"));
    QTextTable *table = firstTable(preview.document());
    QVERIFY(table);
    QCOMPARE(table->rows(), 3);
    QCOMPARE(table->columns(), 2);
    QCOMPARE(table->cellAt(1, 0).firstCursorPosition().block().text(), S("FY1"));
    QCOMPARE(table->cellAt(0, 1).firstCursorPosition().block().text(), S("Months"));

    preview.setMarkdown(S("No table any more."));
    QVERIFY(!firstTable(preview.document()));
    QCOMPARE(preview.toPlainText(), S("No table any more."));
}

void tst_Preview::markdownPreviewIsSafe()
{
    MarkdownPreview preview;
    preview.setMarkdown(S("# Heading\n\n<b>raw</b> [click](javascript:alert(1)) and [NHS](https://www.nhs.uk/)"));
    const QString html = preview.toHtml();
    QVERIFY(!html.contains(S("javascript")));
    QVERIFY(html.contains(S("https://www.nhs.uk/")));
    const QString text = preview.toPlainText();
    QVERIFY2(text.startsWith(S("Heading\nraw click and NHS")), qPrintable(text));
}

QTEST_MAIN(tst_Preview)
#include "tst_preview.moc"
