// The semantic diff view: rows in the order of the item, named as a person reads them; a
// moved paragraph as one move; changed words marked (struck through or underlined, never
// by colour alone, readable on a dark palette); text escaped; a new item listed as added.
#include "apptestsupport.h"

#include "models/itemcatalogue.h"
#include "widgets/diffview.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTimeZone>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using namespace carta::testing;

namespace {

const QString kLong = S("Foundation training lasts two years and is the bridge between medical school and specialty training. "
                        "Trainees rotate through a range of posts in hospitals and the community, keep an e-portfolio, "
                        "and meet their educational supervisor at the start and end of each placement.");

Item threeParagraphs()
{
    Item item = page(S("Foundation training in London"), S("foundation-training-london"));
    item.paragraphs = {textParagraph(S("p1"), S("Welcome to the London foundation school.")), textParagraph(S("p2"), kLong),
                       textParagraph(S("p3"), S("Apply through Oriel."))};
    return item;
}

Paragraph heading(const QString &id, const QString &text)
{
    Paragraph p;
    p.id = id;
    p.kind = ParagraphKind::Heading;
    p.text = text;
    return p;
}

struct Mark
{
    QString text;
    bool struck = false;
    bool underlined = false;
    QColor background;
    QColor foreground;
};

// The stretches of the document with a background of their own, in order.
QList<Mark> marks(const QTextDocument *document)
{
    QList<Mark> out;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat f = fragment.charFormat();
            if (f.background().style() == Qt::NoBrush)
                continue;
            out.append(Mark{fragment.text(), f.fontStrikeOut(), f.fontUnderline(), f.background().color(), f.foreground().color()});
        }
    }
    return out;
}

} // namespace

class tst_DiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noDifferences();
    void changedParagraph();
    void oneWordInALongParagraph();
    void movedParagraph();
    void movedAndEdited();
    void addedAndRemovedParagraphs();
    void changedTitle();
    void tagsWithTermTitles();
    void tagsWithoutCatalogue();
    void rowsInTheOrderOfTheItem();
    void pathwayStage();
    void paragraphFieldsNamedByKind();
    void multiLineShowsChangedLinesWithContext();
    void marksAreNotColourAlone();
    void darkPalette();
    void htmlIsEscaped();
    void newItem();
    void messageClearsTheDiff();
};

void tst_DiffView::initTestCase()
{
    isolateSettings("diffview");
}

void tst_DiffView::noDifferences()
{
    DiffView view;
    const Item item = threeParagraphs();
    view.showDiff(item, item, S("Live"), S("Proposed"));
    QVERIFY(view.changeSummaries().isEmpty());
    QVERIFY(view.addedWords().isEmpty());
    QVERIFY(view.removedWords().isEmpty());
    QVERIFY2(view.toPlainText().contains(S("No differences")), qPrintable(view.toPlainText()));
    QCOMPARE(view.accessibleDescription(), S("No differences"));
}

void tst_DiffView::changedParagraph()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.paragraphs[2].markdown = S("Apply online through Oriel.");
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), QStringList{S("Paragraph 3 (Text): text changed")});
    QCOMPARE(view.addedWords(), QStringList{S("online")});
    QVERIFY(view.removedWords().isEmpty());
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(S("Before:")) && text.contains(S("After:")), qPrintable(text));
    QVERIFY(text.contains(S("Apply through Oriel.")));
    QVERIFY(text.contains(S("Apply online through Oriel.")));
    QVERIFY(text.contains(S("Live")) && text.contains(S("Proposed")));
    // Screen readers do not speak the marks: the description names the added words.
    QCOMPARE(view.accessibleDescription(), S("Paragraph 3 (Text): text changed. Added: online"));
}

void tst_DiffView::oneWordInALongParagraph()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.paragraphs[1].markdown.replace(S("lasts two years"), S("lasts three years"));
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), QStringList{S("Paragraph 2 (Text): text changed")});
    QCOMPARE(view.addedWords(), QStringList{S("three")});
    QCOMPARE(view.removedWords(), QStringList{S("two")});
    // Only the changed word is marked, not the sentence around it.
    QStringList marked;
    for (const Mark &m : marks(view.document()))
        marked.append(m.text);
    QVERIFY2(marked.contains(S("two")) && marked.contains(S("three")), qPrintable(marked.join(S("|"))));
    QVERIFY2(!marked.contains(kLong), qPrintable(marked.join(S("|"))));
}

void tst_DiffView::movedParagraph()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.paragraphs.move(0, 2); // p1 to the end
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), QStringList{S("Paragraph 3 (Text): moved from position 1 to 3")});
    QVERIFY(view.addedWords().isEmpty());
    QVERIFY(view.removedWords().isEmpty());
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(S("Welcome to the London foundation school.")), qPrintable(text)); // which paragraph
    QVERIFY2(!text.contains(S("removed")) && !text.contains(S("added:")), qPrintable(text));
}

void tst_DiffView::movedAndEdited()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.paragraphs.move(2, 0);
    after.paragraphs[0].markdown = S("Apply through Oriel by 5 December.");
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), (QStringList{S("Paragraph 1 (Text): moved from position 3 to 1"), S("Paragraph 1 (Text): text changed")}));
    QCOMPARE(view.addedWords(), QStringList{S("by 5 December")});
}

void tst_DiffView::addedAndRemovedParagraphs()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.paragraphs.removeAt(1);
    after.paragraphs.append(heading(S("p4"), S("How to apply")));
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), (QStringList{S("Paragraph 2 (Text): removed"), S("Paragraph 3 (Heading): added")}));
    QCOMPARE(view.addedWords(), (QStringList{S("How to apply"), S("2")})); // the heading's text and level
    QCOMPARE(view.removedWords(), QStringList{kLong});
}

void tst_DiffView::changedTitle()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.title = S("Foundation training in north London");
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), QStringList{S("Title changed")});
    QCOMPARE(view.addedWords(), QStringList{S("north")});
    QVERIFY(view.removedWords().isEmpty());
}

void tst_DiffView::tagsWithTermTitles()
{
    ItemCatalogue catalogue;
    catalogue.addTerm(Vocabulary::Region, TermEntry{S("london"), S("London"), QString(), 0});
    catalogue.addTerm(Vocabulary::Region, TermEntry{S("north-east-and-yorkshire"), S("North East and Yorkshire"), QString(), 0});
    catalogue.addTerm(Vocabulary::Profession, TermEntry{S("medicine"), S("Medicine"), QString(), 0});
    DiffView view;
    view.setCatalogue(&catalogue);
    Item before = threeParagraphs();
    before.tags.regions = {S("london")};
    Item after = before;
    after.tags.regions = {S("north-east-and-yorkshire")};
    after.tags.professions = {S("medicine")};
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), (QStringList{S("Professions added"), S("Regions changed")}));
    QCOMPARE(view.addedWords(), (QStringList{S("Medicine"), S("North East and Yorkshire")}));
    QCOMPARE(view.removedWords(), QStringList{S("London")});
    QVERIFY(!view.toPlainText().contains(S("north-east-and-yorkshire")));

    // Every region removed: the item is national now, and the view says so.
    Item national = before;
    national.tags.regions.clear();
    view.showDiff(before, national, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), QStringList{S("Regions removed")});
    QVERIFY2(view.toPlainText().contains(S("National")), qPrintable(view.toPlainText()));
}

void tst_DiffView::tagsWithoutCatalogue()
{
    DiffView view;
    Item before = threeParagraphs();
    Item after = before;
    after.tags.specialties = {S("cardiology")};
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), QStringList{S("Specialties added")});
    QCOMPARE(view.addedWords(), QStringList{S("cardiology")}); // the slug: no title is known
}

void tst_DiffView::rowsInTheOrderOfTheItem()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    // Changed in reverse of the order a person reads them.
    after.as<PageFields>().kind = PageKind::RegionalHub;
    after.paragraphs[2].markdown = S("Apply through Oriel now.");
    after.paragraphs[0].markdown = S("Welcome to the foundation school.");
    after.meta.description = S("Foundation training in London");
    after.schedule.publishAt = QDateTime(QDate(2026, 12, 3), QTime(14, 5), QTimeZone(QByteArrayLiteral("Europe/London")));
    after.tags.regions = {S("london")};
    after.summary = S("How foundation training works in London.");
    after.slug = S("foundation-london");
    after.title = S("Foundation training");
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), (QStringList{S("Title changed"), S("Slug changed"), S("Summary changed"), S("Regions added"),
                                                  S("Scheduled publication added"), S("Search description added"),
                                                  S("Paragraph 1 (Text): text changed"), S("Paragraph 3 (Text): text changed"),
                                                  S("Kind changed")}));
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(S("3 Dec 2026, 14:05 GMT")), qPrintable(text)); // London time, as people write it
    QVERIFY2(text.contains(S("Regional hub")) && text.contains(S("Landing page")), qPrintable(text));
}

void tst_DiffView::pathwayStage()
{
    Item before = ofType(ItemType::Pathway, S("Foundation to cardiology"), S("foundation-to-cardiology"));
    auto &stages = before.as<PathwayFields>().stages;
    PathwayStage f1;
    f1.id = S("f1");
    f1.title = S("Medical school");
    f1.next = {S("f2")};
    PathwayStage f2;
    f2.id = S("f2");
    f2.title = S("Foundation Year 1");
    stages = {f1, f2};
    Item after = before;
    after.as<PathwayFields>().stages[1].durationMonths = 24;
    PathwayStage f3;
    f3.id = S("f3");
    f3.title = S("Foundation Year 2");
    after.as<PathwayFields>().stages.append(f3);
    after.as<PathwayFields>().stages[1].next = {S("f3")};
    DiffView view;
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), (QStringList{S("Stage 2 \u201cFoundation Year 1\u201d: duration (months) changed"),
                                                  S("Stage 2 \u201cFoundation Year 1\u201d: next stages added"),
                                                  S("Stage 3 \u201cFoundation Year 2\u201d: added")}));
    QCOMPARE(view.removedWords(), QStringList{S("12")});
    // The next stage by its title, not its id.
    QCOMPARE(view.addedWords().mid(0, 2), (QStringList{S("24"), S("Foundation Year 2")}));
}

void tst_DiffView::paragraphFieldsNamedByKind()
{
    Item before = threeParagraphs();
    Paragraph callout;
    callout.id = S("c1");
    callout.kind = ParagraphKind::Callout;
    callout.text = S("Note");
    callout.markdown = S("Deadlines are strict.");
    Paragraph links;
    links.id = S("l1");
    links.kind = ParagraphKind::LinkList;
    links.text = S("Where to apply");
    links.links = {Link{S("Oriel"), S("https://www.oriel.nhs.uk")}};
    before.paragraphs = {callout, heading(S("h1"), S("How to apply")), links};
    Item after = before;
    after.paragraphs[0].text = S("Important note");
    after.paragraphs[0].style = CalloutStyle::Warning;
    after.paragraphs[1].level = 3;
    after.paragraphs[2].links.append(Link{S("NHS Jobs"), S("https://www.jobs.nhs.uk")});
    DiffView view;
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), (QStringList{S("Paragraph 1 (Callout): title changed"), S("Paragraph 1 (Callout): style changed"),
                                                  S("Paragraph 2 (Heading): level changed"), S("Paragraph 3 (Links): links changed")}));
    QCOMPARE(view.addedWords(), (QStringList{S("Important note"), S("Warning"), S("3"), S("NHS Jobs (https://www.jobs.nhs.uk)")}));
    QCOMPARE(view.removedWords(), (QStringList{S("Note"), S("Information"), S("2")}));
}

void tst_DiffView::multiLineShowsChangedLinesWithContext()
{
    QStringList lines;
    for (int i = 1; i <= 12; ++i)
        lines.append(S("Line %1 of the guidance.").arg(i));
    Item before = threeParagraphs();
    before.paragraphs[0].markdown = lines.join(QLatin1Char('\n'));
    Item after = before;
    lines[5] = S("Line 6 of the new guidance.");
    after.paragraphs[0].markdown = lines.join(QLatin1Char('\n'));
    DiffView view;
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QCOMPARE(view.changeSummaries(), QStringList{S("Paragraph 1 (Text): text changed")});
    QCOMPARE(view.addedWords(), QStringList{S("new")});
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(S("Line 5 of the guidance.")) && text.contains(S("Line 7 of the guidance.")), qPrintable(text));
    QVERIFY2(!text.contains(S("Line 2 of the guidance.")) && !text.contains(S("Line 10 of the guidance.")), qPrintable(text));
    QVERIFY2(text.contains(S("4 unchanged line")) && text.contains(S("5 unchanged line")), qPrintable(text));
}

void tst_DiffView::marksAreNotColourAlone()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.paragraphs[1].markdown.replace(S("lasts two years"), S("lasts three years"));
    view.showDiff(before, after, S("Live"), S("Proposed"));
    bool sawRemoved = false, sawAdded = false;
    for (const Mark &m : marks(view.document())) {
        if (m.text == S("two")) {
            QVERIFY(m.struck);
            QVERIFY(!m.underlined);
            sawRemoved = true;
        } else if (m.text == S("three")) {
            QVERIFY(m.underlined);
            QVERIFY(!m.struck);
            sawAdded = true;
        }
    }
    QVERIFY(sawRemoved && sawAdded);
    // The legend says what the marks mean in words.
    QVERIFY(view.toPlainText().contains(S("struck through")));
    QVERIFY(view.toPlainText().contains(S("underlined")));
}

void tst_DiffView::darkPalette()
{
    DiffView view;
    QPalette dark = view.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    view.setPalette(dark);
    const Item before = threeParagraphs();
    Item after = before;
    after.paragraphs[1].markdown.replace(S("lasts two years"), S("lasts three years"));
    view.showDiff(before, after, S("Live"), S("Proposed"));
    const QList<Mark> found = marks(view.document());
    QVERIFY(!found.isEmpty());
    for (const Mark &m : found) {
        // Light text on a dark tint: far apart in lightness, as on the rest of the page.
        QVERIFY2(m.background.lightnessF() < 0.45, qPrintable(m.background.name()));
        QVERIFY2(m.foreground.lightnessF() > 0.8, qPrintable(m.foreground.name()));
    }

    // Switching theme while a diff is shown draws it again in the new colours.
    QPalette light = dark;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    view.setPalette(light);
    QCOMPARE(view.changeSummaries(), QStringList{S("Paragraph 2 (Text): text changed")});
    const QList<Mark> relit = marks(view.document());
    QCOMPARE(relit.size(), found.size());
    for (const Mark &m : relit) {
        QVERIFY2(m.background.lightnessF() > 0.7, qPrintable(m.background.name()));
        QVERIFY2(m.foreground.lightnessF() < 0.2, qPrintable(m.foreground.name()));
    }
}

void tst_DiffView::htmlIsEscaped()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.title = S("<script>alert('x')</script> & <b>bold</b>");
    after.paragraphs[0].markdown = S("Use <br> and &amp; literally.");
    view.showDiff(before, after, S("<i>Live</i>"), S("Proposed"));
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(S("<script>alert('x')</script> & <b>bold</b>")), qPrintable(text));
    QVERIFY2(text.contains(S("Use <br> and &amp; literally.")), qPrintable(text));
    QVERIFY2(text.contains(S("<i>Live</i>")), qPrintable(text));
    QVERIFY(view.addedWords().contains(S("<script>alert('x')</script> & <b>bold</b>")));

    view.showMessage(S("<b>not bold</b>"));
    QCOMPARE(view.toPlainText(), S("<b>not bold</b>"));
}

void tst_DiffView::newItem()
{
    DiffView view;
    Item item = threeParagraphs();
    item.tags.regions = {S("london")};
    item.paragraphs.append(heading(S("p4"), S("Contact us")));
    view.showDiff(std::nullopt, item, QString(), S("Proposed"));
    QCOMPARE(view.changeSummaries(),
             (QStringList{S("Title added"), S("Slug added"), S("Summary added"), S("Regions added"), S("Paragraph 1 (Text): added"),
                          S("Paragraph 2 (Text): added"), S("Paragraph 3 (Text): added"), S("Paragraph 4 (Heading): added")}));
    QVERIFY(view.removedWords().isEmpty());
    QVERIFY(view.addedWords().contains(S("Foundation training in London")));
    QVERIFY(view.addedWords().contains(S("Contact us")));
    QVERIFY(view.addedWords().contains(kLong));
    QVERIFY2(view.toPlainText().contains(S("New item")), qPrintable(view.toPlainText()));
}

void tst_DiffView::messageClearsTheDiff()
{
    DiffView view;
    const Item before = threeParagraphs();
    Item after = before;
    after.title = S("Changed");
    view.showDiff(before, after, S("Live"), S("Proposed"));
    QVERIFY(!view.changeSummaries().isEmpty());
    view.showMessage(S("Loading\u2026"));
    QVERIFY(view.changeSummaries().isEmpty());
    QVERIFY(view.addedWords().isEmpty());
    QVERIFY(view.removedWords().isEmpty());
    QCOMPARE(view.toPlainText(), S("Loading\u2026"));
}

QTEST_MAIN(tst_DiffView)
#include "tst_diffview.moc"
