// The site renderer: Markdown (GFM, safe, headings shifted), every paragraph kind,
// references resolved, transcluded or missing, the fields of each type, whole pages,
// escaping and determinism.
#include "../model/testitems.h"

#include "site/markdown.h"
#include "site/render.h"

#include <QHash>
#include <QTest>

using namespace carta;
using namespace carta::model;
using namespace carta::model::testing;
using namespace carta::site;
using namespace Qt::StringLiterals;

namespace {

Item policyItem()
{
    Item policy = simple(ItemType::Policy, kPolicy);
    policy.title = u"Study leave policy"_s;
    policy.slug = u"study-leave"_s;
    policy.summary = u"How trainees apply for study leave."_s;
    policy.paragraphs = {textParagraph(u"sp1"_s, u"Trainees may take **30 days** of study leave a year."_s)};
    return policy;
}

Item portalItem()
{
    Item portal = simple(ItemType::Portal, kOriel);
    portal.title = u"Oriel"_s;
    portal.slug = u"oriel"_s;
    return portal;
}

Item resourceItem()
{
    Item resource = simple(ItemType::Resource, kResource);
    resource.title = u"Gold Guide"_s;
    resource.slug = u"gold-guide"_s;
    resource.summary = u"A reference guide for postgraduate specialty training."_s;
    return resource;
}

// A little site: what resolve() finds.
class Site
{
public:
    Site()
    {
        for (const Item &item : {policyItem(), portalItem(), resourceItem(), pathway()})
            add(item);
    }
    void add(const Item &item) { m_items.insert(item.id, item); }
    void remove(const QUuid &id) { m_items.remove(id); }
    [[nodiscard]] RenderContext context() const
    {
        RenderContext context;
        // A snapshot: the context stays valid after the Site is gone.
        context.resolve = [items = m_items](const QUuid &id) -> std::optional<Item> {
            const auto it = items.constFind(id);
            return it == items.cend() ? std::nullopt : std::optional<Item>(*it);
        };
        return context;
    }

private:
    QHash<QUuid, Item> m_items;
};

Paragraph paragraphOf(ParagraphKind kind)
{
    Paragraph p;
    p.id = u"px"_s;
    p.kind = kind;
    return p;
}

Item pageWith(const Paragraph &paragraph)
{
    Item item = simple(ItemType::Page);
    item.title = u"A page"_s;
    item.paragraphs = {paragraph};
    return item;
}

void verifyContains(const QString &html, const QStringList &expected, const QStringList &forbidden)
{
    for (const QString &text : expected) {
        if (!html.contains(text))
            QFAIL(qPrintable(u"missing: "_s + text + u"\nin:\n"_s + html));
    }
    for (const QString &text : forbidden) {
        if (html.contains(text, Qt::CaseInsensitive))
            QFAIL(qPrintable(u"unexpected: "_s + text + u"\nin:\n"_s + html));
    }
}

} // namespace

class tst_Render : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapeHtml();
    void safeUrls_data();
    void safeUrls();
    void markdown_data();
    void markdown();
    void markdownExactOutput();
    void paragraphKinds_data();
    void paragraphKinds();
    void titleAndSummaryEscaped();
    void curriculumSections();
    void pathwayJourney();
    void missingPortalIsNoted();
    void policyTransclusionStopsAtCycles();
    void cachedTransclusionsRenderAndAskAlike();
    void typeFields_data();
    void typeFields();
    void wholePage();
    void baseUrlPrefixesSiteLinks();
    void itemPaths_data();
    void itemPaths();
    void pagePaths_data();
    void pagePaths();
    void deterministicWhateverTheLocale();
};

void tst_Render::escapeHtml()
{
    QCOMPARE(site::escapeHtml(u"Tom & Jerry <b>\"it's\"</b>"_s),
             u"Tom &amp; Jerry &lt;b&gt;&quot;it&#39;s&quot;&lt;/b&gt;"_s);
    QCOMPARE(site::escapeHtml(QString()), QString());
}

void tst_Render::safeUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("safe");
    QTest::newRow("https") << u"https://www.nhs.uk/"_s << true;
    QTest::newRow("http upper case") << u"HTTP://example.org"_s << true;
    QTest::newRow("mailto") << u"mailto:england.tel@nhs.net"_s << true;
    QTest::newRow("tel") << u"tel:+441234567890"_s << true;
    QTest::newRow("site path") << u"/policies/study-leave/"_s << true;
    QTest::newRow("fragment") << u"#stage-fy1"_s << true;
    QTest::newRow("relative") << u"guide.pdf"_s << true;
    QTest::newRow("colon after slash") << u"/a/b:c"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
    QTest::newRow("javascript mixed case") << u"JavaScript:alert(1)"_s << false;
    QTest::newRow("javascript with tab") << u"java\tscript:alert(1)"_s << false;
    QTest::newRow("javascript leading space") << u"  javascript:alert(1)"_s << false;
    QTest::newRow("vbscript") << u"vbscript:msgbox"_s << false;
    QTest::newRow("data") << u"data:text/html;base64,PHNjcmlwdD4="_s << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false;
    QTest::newRow("unknown scheme") << u"foo:bar"_s << false;
}

void tst_Render::safeUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, safe);
    QCOMPARE(isSafeUrl(url), safe);
}

void tst_Render::markdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("forbidden");

    QTest::newRow("emphasis") << u"*one* and **two** and ~~three~~"_s
                              << QStringList{u"<em>one</em>"_s, u"<strong>two</strong>"_s, u"<del>three</del>"_s}
                              << QStringList{};
    QTest::newRow("bullet list") << u"- FY1\n- FY2\n"_s
                                 << QStringList{u"<ul class=\"nhsuk-list nhsuk-list--bullet\">"_s, u"<li>FY1</li>"_s, u"<li>FY2</li>"_s}
                                 << QStringList{};
    QTest::newRow("numbered list") << u"3. Apply\n4. Interview\n"_s
                                   << QStringList{u"<ol class=\"nhsuk-list nhsuk-list--number\" start=\"3\">"_s, u"<li>Apply</li>"_s}
                                   << QStringList{};
    QTest::newRow("gfm table")
        << u"| Stage | Length |\n|-------|:-----:|\n| FY1 | 12 |\n| FY2 | 12 |\n"_s
        << QStringList{u"<div class=\"nhsuk-table-container\"><table class=\"nhsuk-table\">"_s,
                       u"<thead class=\"nhsuk-table__head\">"_s, u"<tbody class=\"nhsuk-table__body\">"_s,
                       u"<tr class=\"nhsuk-table__row\">"_s,
                       u"<th class=\"nhsuk-table__header\" scope=\"col\">Stage</th>"_s,
                       u"<td class=\"nhsuk-table__cell\">FY1</td>"_s,
                       u"<td class=\"nhsuk-table__cell\" align=\"center\">12</td>"_s, u"</table></div>"_s}
        << QStringList{u"| Stage"_s};
    QTest::newRow("autolink www") << u"See www.hee.nhs.uk for more."_s
                                  << QStringList{u"<a href=\"http://www.hee.nhs.uk\">www.hee.nhs.uk</a>"_s}
                                  << QStringList{};
    QTest::newRow("autolink https") << u"Apply at https://www.oriel.nhs.uk/ now"_s
                                    << QStringList{u"<a href=\"https://www.oriel.nhs.uk/\">https://www.oriel.nhs.uk/</a>"_s}
                                    << QStringList{};
    QTest::newRow("link") << u"[NHS careers](https://www.healthcareers.nhs.uk/) and [policies](/policies/)"_s
                          << QStringList{u"<a href=\"https://www.healthcareers.nhs.uk/\">NHS careers</a>"_s,
                                         u"<a href=\"/policies/\">policies</a>"_s}
                          << QStringList{};
    QTest::newRow("script block stripped") << u"<script>alert('x')</script>\n\nAfter."_s
                                           << QStringList{u"<p>After.</p>"_s}
                                           << QStringList{u"<script"_s, u"alert"_s, u"<!--"_s};
    QTest::newRow("inline tags stripped, their text kept") << u"a <b>bold</b> claim"_s
                                                           << QStringList{u"<p>a bold claim</p>"_s}
                                                           << QStringList{u"<b>"_s, u"<!--"_s};
    QTest::newRow("inline html stripped") << u"Before <img src=x onerror=alert(1)> after"_s
                                          << QStringList{u"<p>Before  after</p>"_s}
                                          << QStringList{u"<img"_s, u"onerror"_s, u"<!--"_s};
    QTest::newRow("javascript link neutralised") << u"[click me](javascript:alert(1))"_s
                                                 << QStringList{u"click me"_s}
                                                 << QStringList{u"<a"_s, u"javascript"_s};
    QTest::newRow("javascript link behind an entity") << u"[click me](java&#9;script:alert(1))"_s
                                                      << QStringList{u"click me"_s}
                                                      << QStringList{u"<a"_s, u"script:"_s};
    QTest::newRow("javascript autolink") << u"<javascript:alert(1)>"_s
                                         << QStringList{}
                                         << QStringList{u"<a"_s, u"href"_s};
    QTest::newRow("data link") << u"[x](data:text/html;base64,PHNjcmlwdD4=)"_s
                               << QStringList{u"<p>x</p>"_s}
                               << QStringList{u"<a"_s, u"data:"_s};
    QTest::newRow("javascript image") << u"![chart](javascript:alert(1))"_s
                                      << QStringList{u"chart"_s}
                                      << QStringList{u"<img"_s, u"javascript"_s};
    QTest::newRow("h1 shifted") << u"# Purpose"_s << QStringList{u"<h2>Purpose</h2>"_s} << QStringList{u"<h1"_s};
    QTest::newRow("h2 shifted") << u"## Scope"_s << QStringList{u"<h3>Scope</h3>"_s} << QStringList{u"<h2"_s};
    QTest::newRow("h6 stays h6") << u"###### Small"_s << QStringList{u"<h6>Small</h6>"_s} << QStringList{u"<h7"_s};
    QTest::newRow("setext h1 shifted") << u"Purpose\n=======\n"_s << QStringList{u"<h2>Purpose</h2>"_s} << QStringList{u"<h1"_s};
    QTest::newRow("text escaped") << u"5 < 6 & 7 > 3"_s << QStringList{u"5 &lt; 6 &amp; 7 &gt; 3"_s} << QStringList{};
    QTest::newRow("code escaped") << u"Use `<ul>` here"_s
                                  << QStringList{u"<code>&lt;ul&gt;</code>"_s}
                                  << QStringList{u"nhsuk-list"_s};
}

void tst_Render::markdown()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, forbidden);
    verifyContains(markdownToHtml(markdown), expected, forbidden);
}

void tst_Render::markdownExactOutput()
{
    QCOMPARE(markdownToHtml(u"Plain *text*."_s), u"<p>Plain <em>text</em>.</p>\n"_s);
    QCOMPARE(markdownToHtml(QString()), QString());
    QCOMPARE(markdownToHtml(u"Café – 10 £"_s), u"<p>Café – 10 £</p>\n"_s);
}

void tst_Render::paragraphKinds_data()
{
    QTest::addColumn<Paragraph>("paragraph");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("forbidden");

    Paragraph text = paragraphOf(ParagraphKind::Text);
    text.markdown = u"Some **bold** advice."_s;
    QTest::newRow("text") << text << QStringList{u"<p>Some <strong>bold</strong> advice.</p>"_s} << QStringList{};

    for (int level : {2, 3, 4}) {
        Paragraph h = paragraphOf(ParagraphKind::Heading);
        h.text = u"Before you apply"_s;
        h.level = level;
        const QString tag = u"h"_s + QString::number(level);
        QTest::addRow("heading %d", level) << h << QStringList{u"<"_s + tag + u" class=\"nhsuk-heading-"_s} << QStringList{u"<h1 class=\"nhsuk-heading-l"_s};
    }
    Paragraph tooDeep = paragraphOf(ParagraphKind::Heading);
    tooDeep.text = u"Deep"_s;
    tooDeep.level = 9;
    QTest::newRow("heading level clamped") << tooDeep << QStringList{u"<h4 class=\"nhsuk-heading-s\">Deep</h4>"_s} << QStringList{u"<h9"_s};
    Paragraph escapedHeading = paragraphOf(ParagraphKind::Heading);
    escapedHeading.text = u"Pay <& conditions>"_s;
    QTest::newRow("heading escaped") << escapedHeading << QStringList{u">Pay &lt;&amp; conditions&gt;</h2>"_s} << QStringList{u"<& "_s};

    Paragraph info = paragraphOf(ParagraphKind::Callout);
    info.style = CalloutStyle::Info;
    info.text = u"Good to know"_s;
    info.markdown = u"Applications open in *October*."_s;
    QTest::newRow("callout info") << info
                                  << QStringList{u"<div class=\"nhsuk-inset-text\">"_s, u"Good to know"_s, u"<em>October</em>"_s}
                                  << QStringList{u"nhsuk-warning-callout"_s};
    Paragraph warning = info;
    warning.style = CalloutStyle::Warning;
    warning.text = u"Deadline"_s;
    QTest::newRow("callout warning")
        << warning
        << QStringList{u"<div class=\"nhsuk-warning-callout\">"_s, u"nhsuk-warning-callout__label"_s,
                       u"<span class=\"nhsuk-u-visually-hidden\">Warning: </span>Deadline"_s}
        << QStringList{u"nhsuk-inset-text"_s};
    Paragraph important = info;
    important.style = CalloutStyle::Important;
    important.text.clear();
    QTest::newRow("callout important untitled")
        << important << QStringList{u"<div class=\"nhsuk-warning-callout\">"_s, u"<span role=\"text\">Important</span>"_s}
        << QStringList{u"nhsuk-inset-text"_s};

    Paragraph links = paragraphOf(ParagraphKind::LinkList);
    links.text = u"Useful links"_s;
    links.links = {{u"Oriel"_s, u"https://www.oriel.nhs.uk/"_s},
                   {u"Our policies"_s, u"/policies/"_s},
                   {u"Sneaky"_s, u"javascript:alert(1)"_s}};
    QTest::newRow("link list")
        << links
        << QStringList{u"Useful links</h2>"_s, u"<ul class=\"nhsuk-list\">"_s,
                       u"<li><a href=\"https://www.oriel.nhs.uk/\">Oriel</a></li>"_s,
                       u"<li><a href=\"/policies/\">Our policies</a></li>"_s, u"<li>Sneaky</li>"_s}
        << QStringList{u"javascript"_s};

    Paragraph policy = paragraphOf(ParagraphKind::PolicyRef);
    policy.target = kPolicy;
    QTest::newRow("policy reference")
        << policy
        << QStringList{u"<div class=\"nhsuk-card carta-reference carta-reference--policy\">"_s,
                       u"<a class=\"nhsuk-card__link\" href=\"/policies/study-leave/\">Study leave policy</a>"_s,
                       u"How trainees apply for study leave."_s,
                       u"Trainees may take <strong>30 days</strong> of study leave a year."_s,
                       u"Policy HEE-POL-012, effective from 1 April 2024"_s}
        << QStringList{u"not available"_s};
    Paragraph resource = paragraphOf(ParagraphKind::ResourceRef);
    resource.target = kResource;
    QTest::newRow("resource reference")
        << resource
        << QStringList{u"carta-reference--resource"_s, u"href=\"/resources/gold-guide/\">Gold Guide</a>"_s,
                       u"A reference guide for postgraduate specialty training."_s}
        << QStringList{u"not available"_s};
    Paragraph path = paragraphOf(ParagraphKind::PathwayRef);
    path.target = kPathway;
    QTest::newRow("pathway reference")
        << path << QStringList{u"carta-reference--pathway"_s, u"href=\"/pathways/cardiology-pathway/\">Becoming a consultant cardiologist</a>"_s}
        << QStringList{u"not available"_s, u"Foundation Year 1"_s};

    Paragraph missing = paragraphOf(ParagraphKind::PolicyRef);
    missing.target = uuid(999);
    QTest::newRow("missing policy") << missing
                                    << QStringList{u"<div class=\"nhsuk-inset-text carta-missing\">"_s, u"This policy is not available."_s}
                                    << QStringList{u"nhsuk-card"_s};
    Paragraph wrongType = paragraphOf(ParagraphKind::ResourceRef);
    wrongType.target = kPolicy;
    QTest::newRow("reference to an item of another type")
        << wrongType << QStringList{u"This resource is not available."_s} << QStringList{u"Study leave policy"_s};
    Paragraph unset = paragraphOf(ParagraphKind::PathwayRef);
    QTest::newRow("reference not chosen") << unset << QStringList{u"No career pathway has been chosen."_s} << QStringList{u"nhsuk-card"_s};

    Paragraph outcomes = paragraphOf(ParagraphKind::LearningOutcomes);
    outcomes.text = u"You will:"_s;
    outcomes.outcomeCodes = {u"X-1"_s};
    QTest::newRow("learning outcomes outside a curriculum")
        << outcomes << QStringList{u"<p>You will:</p>"_s, u"<strong>X-1</strong>"_s, u"not a learning outcome of this curriculum"_s}
        << QStringList{};
}

void tst_Render::paragraphKinds()
{
    QFETCH(Paragraph, paragraph);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, forbidden);
    const Site site;
    verifyContains(renderItemBody(pageWith(paragraph), site.context()), expected, forbidden);
}

void tst_Render::titleAndSummaryEscaped()
{
    Item item = simple(ItemType::Page);
    item.title = u"Pay <script>alert(1)</script> & \"conditions\""_s;
    item.summary = u"First line <b>\nsecond line"_s;
    const QString body = renderItemBody(item, Site().context());
    QVERIFY(body.startsWith(u"<h1 class=\"nhsuk-heading-xl\">Pay &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;conditions&quot;</h1>\n"_s));
    QVERIFY(body.contains(u"<p class=\"nhsuk-body-l\">First line &lt;b&gt;<br>\nsecond line</p>"_s));
    const QString page = renderItemPage(item, Site().context(), QString());
    QVERIFY(page.contains(u"<title>Pay &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;conditions&quot; - Health Education England</title>"_s));
    QVERIFY(!page.contains(u"<script"_s));
    QVERIFY(!page.contains(u"<b>"_s));
}

void tst_Render::curriculumSections()
{
    const QString html = renderItemBody(curriculum(), Site().context());
    verifyContains(html,
                   {// the Markdown heading moved below the title
                    u"<h3>Purpose</h3>"_s,
                    // the learning outcomes paragraph, with the curriculum's titles for the codes
                    u"<p>By the end of training you will:</p>"_s,
                    u"<li><strong>CARD-LO-01</strong> Manage acute cardiac presentations</li>"_s,
                    u"<li><strong>CARD-LO-02</strong> Run a heart failure clinic</li>"_s,
                    // the referenced policy
                    u"Study leave policy"_s,
                    // type fields
                    u"About this curriculum"_s, u"<dt class=\"nhsuk-summary-list__key\">Version</dt>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">2022.1</dd>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">3 August 2022</dd>"_s,
                    u"<h2 class=\"nhsuk-heading-m\">Learning outcomes</h2>"_s,
                    u"<td class=\"nhsuk-table__cell\">CARD-LO-01</td>"_s,
                    u"<strong>Manage acute cardiac presentations</strong><br>\nIncluding ACS and arrhythmia."_s,
                    u"<h2 class=\"nhsuk-heading-m\">Competencies</h2>"_s,
                    u"<td class=\"nhsuk-table__cell\">CIP-1</td>"_s,
                    u"<strong>Managing an acute unselected take</strong>"_s,
                    u"<h2 class=\"nhsuk-heading-m\">Assessment</h2>"_s,
                    u"Annual Review of Competence Progression (ARCP)"_s,
                    u"Annual review of competence progression."_s},
                   {u"<h1>"_s, u"not a learning outcome"_s, u"not available"_s, u"Effective until"_s});
    // Sections in reading order: body, then outcomes, competencies, assessment.
    const qsizetype body = html.indexOf(u"Trainees keep an e-portfolio."_s);
    const qsizetype outcomes = html.indexOf(u">Learning outcomes</h2>"_s);
    const qsizetype competencies = html.indexOf(u">Competencies</h2>"_s);
    const qsizetype assessment = html.indexOf(u">Assessment</h2>"_s);
    QVERIFY(body >= 0);
    QVERIFY(body < outcomes);
    QVERIFY(outcomes < competencies);
    QVERIFY(competencies < assessment);
}

void tst_Render::pathwayJourney()
{
    const QString html = renderItemBody(pathway(), Site().context());
    verifyContains(html,
                   {u"<h2 class=\"nhsuk-heading-l\">Your journey</h2>"_s,
                    u"<ol class=\"nhsuk-list nhsuk-list--number carta-journey\">"_s,
                    u"<li class=\"carta-journey__stage\" id=\"stage-fy1\">"_s,
                    u"<h3 class=\"nhsuk-heading-m\">Internal Medicine Training</h3>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">Foundation year 1</dd>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">1 year</dd>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">3 years</dd>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">4 years</dd>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">November to December</dd>"_s,
                    u"<a href=\"#stage-imt\">Internal Medicine Training</a>"_s,
                    u"Entry requirements</h4>"_s, u"<li>Full GMC registration</li>"_s,
                    u"<a class=\"nhsuk-action-link\" href=\"https://www.oriel.nhs.uk/\"><svg"_s,
                    u"<span class=\"nhsuk-action-link__text\">Apply through Oriel</span></a>"_s,
                    u"<dd class=\"nhsuk-summary-list__value\">Medicine</dd>"_s},
                   {u"not available"_s});
    QCOMPARE(html.count(u"Apply through Oriel"_s), 4);
    // Stages in journey order.
    qsizetype previous = -1;
    for (const char16_t *id : {u"fy1", u"fy2", u"imt", u"st4"}) {
        const qsizetype at = html.indexOf(u"id=\"stage-"_s + QString::fromUtf16(id) + u'"');
        QVERIFY2(at > previous, qPrintable(QString::fromUtf16(id)));
        previous = at;
    }

    // Term names come from the context when it knows them.
    RenderContext named = Site().context();
    named.termName = [](Vocabulary vocabulary, const QString &slug) {
        return vocabulary == Vocabulary::CareerStage && slug == u"foundation-year-1" ? u"Foundation Year 1 (FY1)"_s : QString();
    };
    const QString withNames = renderItemBody(pathway(), named);
    QVERIFY(withNames.contains(u"<dd class=\"nhsuk-summary-list__value\">Foundation Year 1 (FY1)</dd>"_s));
    QVERIFY(withNames.contains(u"<dd class=\"nhsuk-summary-list__value\">Foundation year 2</dd>"_s));
}

void tst_Render::missingPortalIsNoted()
{
    Site site;
    site.remove(kOriel);
    const QString html = renderItemBody(pathway(), site.context());
    QCOMPARE(html.count(u"The application portal for this stage is not available."_s), 4);
    QVERIFY(!html.contains(u"Apply through"_s));
}

void tst_Render::policyTransclusionStopsAtCycles()
{
    // Two policies referencing each other, and a page referencing the first.
    Item first = policyItem();
    Item second = simple(ItemType::Policy, uuid(50));
    second.title = u"Second policy"_s;
    second.slug = u"second"_s;
    second.paragraphs = {textParagraph(u"b1"_s, u"Body of the second policy."_s)};
    Paragraph toFirst = paragraphOf(ParagraphKind::PolicyRef);
    toFirst.target = first.id;
    second.paragraphs.append(toFirst);
    Paragraph toSecond = paragraphOf(ParagraphKind::PolicyRef);
    toSecond.target = second.id;
    first.paragraphs.append(toSecond);
    Site site;
    site.add(first);
    site.add(second);

    Paragraph ref = paragraphOf(ParagraphKind::PolicyRef);
    ref.target = first.id;
    const QString html = renderItemBody(pageWith(ref), site.context());
    QCOMPARE(html.count(u"Trainees may take <strong>30 days</strong>"_s), 1);
    QCOMPARE(html.count(u"Body of the second policy."_s), 1);
    // The second policy's reference back to the first is a card without the body again.
    QCOMPARE(html.count(u"carta-reference--policy"_s), 3);

    // A policy page referencing itself does not repeat itself either.
    Item self = policyItem();
    Paragraph toSelf = paragraphOf(ParagraphKind::PolicyRef);
    toSelf.target = self.id;
    self.paragraphs.append(toSelf);
    site.add(self);
    QCOMPARE(renderItemBody(self, site.context()).count(u"Trainees may take"_s), 1);
}

void tst_Render::cachedTransclusionsRenderAndAskAlike()
{
    // Policies: A shows B, B shows C and A (a loop), C shows a resource card, D shows C.
    // Pages: three showing A, one B and A, two D, and the policies' own pages, in an order
    // where every body is met both fresh and again.
    const auto policy = [](int n, const QString &text) {
        Item item = simple(ItemType::Policy, uuid(n));
        item.title = u"Policy %1"_s.arg(n);
        item.slug = u"policy-%1"_s.arg(n);
        item.paragraphs = {textParagraph(u"t%1"_s.arg(n), text)};
        return item;
    };
    const auto refTo = [](ParagraphKind kind, const QUuid &target) {
        Paragraph p = paragraphOf(kind);
        p.target = target;
        return p;
    };
    Item a = policy(60, u"Rule **A**."_s);
    Item b = policy(61, u"Rule **B**."_s);
    Item c = policy(62, u"Rule **C**."_s);
    a.paragraphs.append(refTo(ParagraphKind::PolicyRef, b.id));
    b.paragraphs.append(refTo(ParagraphKind::PolicyRef, c.id));
    b.paragraphs.append(refTo(ParagraphKind::PolicyRef, a.id));
    c.paragraphs.append(refTo(ParagraphKind::ResourceRef, kResource));
    Item d = policy(63, u"Rule **D**."_s);
    d.paragraphs.append(refTo(ParagraphKind::PolicyRef, c.id));
    // And a loop the depth limit hides where it is first met: a page shows P, P shows E, E
    // shows F, F shows E (at depth 3: not transcluded, so nothing is cut). E's body as
    // cached there holds F's; on a page showing F, E's body must leave F out (F is around it).
    Item p = policy(80, u"Rule **P**."_s);
    Item e2 = policy(81, u"Rule **E**."_s);
    Item f = policy(82, u"Rule **F**."_s);
    p.paragraphs.append(refTo(ParagraphKind::PolicyRef, e2.id));
    e2.paragraphs.append(refTo(ParagraphKind::PolicyRef, f.id));
    f.paragraphs.append(refTo(ParagraphKind::PolicyRef, e2.id));
    Site site;
    for (const Item &item : {a, b, c, d, p, e2, f})
        site.add(item);
    Item first = pageWith(refTo(ParagraphKind::PolicyRef, a.id));
    Item second = simple(ItemType::Page, uuid(70));
    second.title = u"Second page"_s;
    second.paragraphs = {refTo(ParagraphKind::PolicyRef, b.id), refTo(ParagraphKind::PolicyRef, a.id)};
    Item third = simple(ItemType::News, uuid(71));
    third.title = u"Third page"_s;
    third.paragraphs = {refTo(ParagraphKind::PolicyRef, a.id)};
    Item fourth = simple(ItemType::Pathway, uuid(72));
    fourth.title = u"Fourth page"_s;
    fourth.paragraphs = {refTo(ParagraphKind::PolicyRef, d.id)};
    Item fifth = simple(ItemType::Page, uuid(73));
    fifth.title = u"Fifth page"_s;
    fifth.paragraphs = {refTo(ParagraphKind::PolicyRef, d.id), refTo(ParagraphKind::PolicyRef, c.id)};

    // What each render asks the context for, in order.
    QStringList asked;
    RenderContext plain = site.context();
    const auto resolveAll = plain.resolve;
    plain.resolve = [&asked, resolveAll](const QUuid &id) {
        asked.append(id.toString());
        return resolveAll(id);
    };
    plain.termName = [&asked](model::Vocabulary, const QString &slug) {
        asked.append(u"term "_s + slug);
        return QString();
    };
    RenderContext cached = plain;
    TransclusionCache cache;
    cached.transclusions = &cache;

    Item sixth = simple(ItemType::Page, uuid(74));
    sixth.title = u"Sixth page"_s;
    sixth.paragraphs = {refTo(ParagraphKind::PolicyRef, p.id)};
    Item seventh = simple(ItemType::Page, uuid(75));
    seventh.title = u"Seventh page"_s;
    seventh.paragraphs = {refTo(ParagraphKind::PolicyRef, f.id)};
    for (const Item &item : {first, a, b, fourth, second, c, third, d, fifth, b, a, fourth, sixth, seventh, f, sixth}) {
        asked.clear();
        const QString expected = renderItemBody(item, plain);
        QStringList expectedAsked = asked;
        expectedAsked.sort();
        expectedAsked.removeDuplicates();
        asked.clear();
        const QString html = renderItemBody(item, cached);
        QVERIFY2(html == expected, qPrintable(item.title));
        asked.sort();
        asked.removeDuplicates();
        QVERIFY2(asked == expectedAsked, qPrintable(item.title)); // the same dependencies, whoever records them
    }
    // D's body (C's inside it, a resource card inside that) is reused, not rendered again.
    const auto entry = cache.entries.find({d.id, 0});
    QVERIFY(entry != cache.entries.end());
    QVERIFY(entry->resolved.contains(kResource));
    entry->html = u"<p>from the cache</p>\n"_s;
    QVERIFY(renderItemBody(fourth, cached).contains(u"from the cache"_s));
    // E's body at depth 1 was cached holding F's, and the seventh page (F around it) did not
    // take it: F's rule appears once there.
    QVERIFY(cache.entries.value({e2.id, 1}).transcluded.contains(f.id));
    QCOMPARE(renderItemBody(seventh, cached).count(u"Rule <strong>F</strong>."_s), 1);
    // The loop is cut where it closes: A's page shows B and C but A only once.
    const QString aPage = renderItemBody(a, cached);
    QCOMPARE(aPage.count(u"Rule <strong>A</strong>."_s), 1);
    QCOMPARE(aPage.count(u"Rule <strong>B</strong>."_s), 1);
    QCOMPARE(aPage.count(u"Rule <strong>C</strong>."_s), 1);
}

void tst_Render::typeFields_data()
{
    QTest::addColumn<Item>("item");
    QTest::addColumn<QStringList>("expected");

    Item resource = simple(ItemType::Resource);
    resource.as<ResourceFields>().publisher = u"NHS England"_s;
    resource.attachments.append({QString(64, u'b'), u"Person specification 2026.pdf"_s, u"application/pdf"_s, 3 * 1024 * 1024 + 300 * 1024});
    QTest::newRow("resource")
        << resource
        << QStringList{u"<dd class=\"nhsuk-summary-list__value\">NHS England</dd>"_s,
                       u"<dd class=\"nhsuk-summary-list__value\">31 January 2025</dd>"_s,
                       u"<h2 class=\"nhsuk-heading-m\">Downloads</h2>"_s,
                       u"<li><a href=\"/files/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/guide.pdf\">guide.pdf</a> (PDF, 1 KB)</li>"_s,
                       u"href=\"/files/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/Person%20specification%202026.pdf\">Person specification 2026.pdf</a> (PDF, 3.3 MB)"_s};
    Item news = simple(ItemType::News);
    news.as<NewsFields>().kind = NewsKind::TrainingOfficeUpdate;
    QTest::newRow("news") << news
                          << QStringList{u"<dd class=\"nhsuk-summary-list__value\">1 October 2026</dd>"_s,
                                         u"<dd class=\"nhsuk-summary-list__value\">Training office update</dd>"_s};
    Item funding = simple(ItemType::FundingGuide);
    funding.as<FundingGuideFields>().eligibility = u"- Doctors in training\n- SAS doctors"_s;
    QTest::newRow("funding guide") << funding
                                   << QStringList{u"<dd class=\"nhsuk-summary-list__value\">NHS England</dd>"_s,
                                                  u"<dd class=\"nhsuk-summary-list__value\">31 March 2027</dd>"_s,
                                                  u"Who can apply</h2>"_s, u"<li>SAS doctors</li>"_s};
    Item openEnded = simple(ItemType::FundingGuide);
    openEnded.as<FundingGuideFields>().deadline.reset();
    QTest::newRow("funding guide without deadline") << openEnded << QStringList{u"No closing date"_s};
    QTest::newRow("policy") << simple(ItemType::Policy)
                            << QStringList{u"<dd class=\"nhsuk-summary-list__value\">HEE-POL-012</dd>"_s,
                                           u"<dd class=\"nhsuk-summary-list__value\">1 April 2024</dd>"_s};
    QTest::newRow("portal") << simple(ItemType::Portal)
                            << QStringList{u"Recruitment to postgraduate training"_s,
                                           u"<a href=\"https://www.oriel.nhs.uk/\">https://www.oriel.nhs.uk/</a>"_s,
                                           u"<a class=\"nhsuk-action-link\" href=\"https://www.oriel.nhs.uk/\"><svg"_s,
                                           u"<span class=\"nhsuk-action-link__text\">Go to An item</span></a>"_s};
    QTest::newRow("bulletin") << simple(ItemType::Bulletin) << QStringList{u"Foundation applications open"_s};
    QTest::newRow("term") << simple(ItemType::Term)
                          << QStringList{u"Career stage"_s, u"<a href=\"https://www.oriel.nhs.uk/\">Go to Oriel</a>"_s};
}

void tst_Render::typeFields()
{
    QFETCH(Item, item);
    QFETCH(QStringList, expected);
    verifyContains(renderItemBody(item, Site().context()), expected, {u"not available"_s});
}

void tst_Render::wholePage()
{
    Item item = curriculum();
    item.meta.description = u"Cardiology \"training\"."_s;
    const QString page = renderItemPage(item, Site().context(), u"body { color: #212b32; } </style><script>"_s);
    QVERIFY(page.startsWith(u"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">"_s));
    QVERIFY(page.endsWith(u"</body>\n</html>\n"_s));
    verifyContains(page,
                   {u"<title>Cardiology specialty training curriculum - Health Education England</title>"_s,
                    u"<meta name=\"description\" content=\"Cardiology &quot;training&quot;.\">"_s,
                    u"<style>\nbody { color: #212b32; } <\\/style><script>\n</style>"_s,
                    u"<header class=\"nhsuk-header\" data-module=\"nhsuk-header\" role=\"banner\">"_s,
                    u"<span class=\"nhsuk-header__service-name\">Health Education England</span>"_s,
                    u"<nav class=\"nhsuk-breadcrumb\" aria-label=\"Breadcrumb\">"_s,
                    u"<a class=\"nhsuk-breadcrumb__link\" href=\"/\">Home</a>"_s,
                    u"<a class=\"nhsuk-breadcrumb__link\" href=\"/curricula/\">Curricula</a>"_s,
                    u"<div class=\"nhsuk-width-container\">\n<main class=\"nhsuk-main-wrapper\" id=\"maincontent\" role=\"main\">"_s,
                    u"<h1 class=\"nhsuk-heading-xl\">Cardiology specialty training curriculum</h1>"_s,
                    u"<footer class=\"nhsuk-footer\" role=\"contentinfo\">"_s, u"&copy; Health Education England"_s},
                   {u"rel=\"canonical\""_s});
    QCOMPARE(page.count(u"<style>"_s), 1);
    QCOMPARE(page.count(u"</style>"_s), 1);
    QCOMPARE(page.count(u"<h1"_s), 1);
    QVERIFY(page.indexOf(u"<header"_s) < page.indexOf(u"<nav"_s));
    QVERIFY(page.indexOf(u"<nav"_s) < page.indexOf(u"<main"_s));
    QVERIFY(page.indexOf(u"<main"_s) < page.indexOf(u"<footer"_s));
    QVERIFY(!renderItemPage(item, Site().context(), QString()).contains(u"<style"_s));
}

void tst_Render::baseUrlPrefixesSiteLinks()
{
    RenderContext context = Site().context();
    context.baseUrl = u"https://learning.example.nhs.uk"_s;
    Paragraph links = paragraphOf(ParagraphKind::LinkList);
    links.links = {{u"Policies"_s, u"/policies/"_s}, {u"Oriel"_s, u"https://www.oriel.nhs.uk/"_s}};
    Paragraph policy = paragraphOf(ParagraphKind::PolicyRef);
    policy.id = u"py"_s;
    policy.target = kPolicy;
    Item item = pageWith(links);
    item.slug = u"a-page"_s;
    item.paragraphs.append(policy);
    const QString page = renderItemPage(item, context, QString());
    verifyContains(page,
                   {u"<link rel=\"canonical\" href=\"https://learning.example.nhs.uk/regions/a-page/\">"_s,
                    u"href=\"https://learning.example.nhs.uk/policies/\">Policies</a>"_s,
                    u"href=\"https://www.oriel.nhs.uk/\">Oriel</a>"_s,
                    u"href=\"https://learning.example.nhs.uk/policies/study-leave/\">Study leave policy</a>"_s,
                    u"href=\"https://learning.example.nhs.uk/\">Home</a>"_s},
                   {u"href=\"/"_s});
}

void tst_Render::itemPaths_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("path");
    QTest::newRow("curriculum") << ItemType::Curriculum << u"cardiology"_s << u"/curricula/cardiology/"_s;
    QTest::newRow("pathway") << ItemType::Pathway << u"gp"_s << u"/pathways/gp/"_s;
    QTest::newRow("page") << ItemType::Page << u"london"_s << u"/pages/london/"_s;
    QTest::newRow("resource") << ItemType::Resource << u"gold-guide"_s << u"/resources/gold-guide/"_s;
    QTest::newRow("news") << ItemType::News << u"fy-2027"_s << u"/news/fy-2027/"_s;
    QTest::newRow("funding guide") << ItemType::FundingGuide << u"study-budget"_s << u"/funding-guides/study-budget/"_s;
    QTest::newRow("policy") << ItemType::Policy << u"study-leave"_s << u"/policies/study-leave/"_s;
    QTest::newRow("portal") << ItemType::Portal << u"oriel"_s << u"/portals/oriel/"_s;
    QTest::newRow("bulletin") << ItemType::Bulletin << u"june"_s << u"/bulletins/june/"_s;
    QTest::newRow("term") << ItemType::Term << u"cardiology"_s << u"/topics/professions/cardiology/"_s;
    QTest::newRow("no slug yet") << ItemType::Page << QString() << u"/pages/00000000-0000-4000-8000-000000000100/"_s;
}

void tst_Render::pagePaths_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::newRow("home") << static_cast<int>(PageKind::Home) << u"/"_s;
    QTest::newRow("regional hub") << static_cast<int>(PageKind::RegionalHub) << u"/regions/london/"_s;
    QTest::newRow("profession landing") << static_cast<int>(PageKind::ProfessionLanding) << u"/professions/london/"_s;
    QTest::newRow("landing") << static_cast<int>(PageKind::Landing) << u"/pages/london/"_s;
}

void tst_Render::pagePaths()
{
    QFETCH(int, kind);
    QFETCH(QString, path);
    Item item = Item::create(ItemType::Page, uuid(100));
    item.slug = u"london"_s;
    item.as<PageFields>().kind = static_cast<PageKind>(kind);
    QCOMPARE(itemPath(item), path);

    Item term = Item::create(ItemType::Term, uuid(101));
    term.slug = u"core-training"_s;
    term.as<TermFields>().vocabulary = Vocabulary::CareerStage;
    QCOMPARE(itemPath(term), u"/topics/career-stages/core-training/"_s);
}

void tst_Render::itemPaths()
{
    QFETCH(ItemType, type);
    QFETCH(QString, slug);
    QFETCH(QString, path);
    Item item = Item::create(type, uuid(100));
    item.slug = slug;
    QCOMPARE(itemPath(item), path);
}

void tst_Render::deterministicWhateverTheLocale()
{
    const Site site;
    const QString first = renderItemPage(curriculum(), site.context(), QString());
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString second = renderItemPage(curriculum(), site.context(), QString());
    QLocale::setDefault(before);
    QCOMPARE(second, first);
    QVERIFY(first.contains(u"3 August 2022"_s));
    QCOMPARE(renderItemPage(pathway(), site.context(), QString()), renderItemPage(pathway(), site.context(), QString()));
}

QTEST_APPLESS_MAIN(tst_Render)
#include "tst_render.moc"
