// Validation rules as a table: each row breaks one rule of a valid fixture item and names
// the issue (field path and message words) that validate() must report.
#include "model/validation.h"
#include "testitems.h"

#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace carta::model;
using namespace carta::model::testing;
using namespace Qt::StringLiterals;

using Mutation = std::function<void(carta::model::Item &)>;
Q_DECLARE_METATYPE(Mutation)
Q_DECLARE_METATYPE(carta::model::ItemType)

namespace {

// A row of the rules table: the fixture of `type` (simple(type)), broken by `mutate`, must
// give an issue at `where` whose message contains every word, and `count` issues in all
// (-1: do not count). `expectFail` says why a row fails today, for rules the library gets
// wrong or does not check yet; the row states the behaviour it should have.
void addRule(const char *name, ItemType type, Mutation mutate, const QString &where, const QStringList &words,
             int count = 1, const char *expectFail = "")
{
    QTest::newRow(name) << type << std::move(mutate) << where << words << count << QString::fromUtf8(expectFail);
}

QString describe(const Issues &issues)
{
    return issues.isEmpty() ? u"(no issues)"_s : joinIssues(issues);
}

Paragraph paragraph(ParagraphKind kind, const QString &id = u"x1"_s)
{
    Paragraph p;
    p.id = id;
    p.kind = kind;
    return p;
}

Paragraph heading(int level, const QString &text = u"Eligibility"_s)
{
    Paragraph p = paragraph(ParagraphKind::Heading);
    p.level = level;
    p.text = text;
    return p;
}

Paragraph callout(const QString &title, const QString &markdown)
{
    Paragraph p = paragraph(ParagraphKind::Callout);
    p.text = title;
    p.markdown = markdown;
    p.style = CalloutStyle::Warning;
    return p;
}

Paragraph linkList(const QList<Link> &links)
{
    Paragraph p = paragraph(ParagraphKind::LinkList);
    p.text = u"Further reading"_s;
    p.links = links;
    return p;
}

Paragraph reference(ParagraphKind kind, const QUuid &target)
{
    Paragraph p = paragraph(kind);
    p.target = target;
    return p;
}

PathwayStage stage(const QString &id, const QString &careerStage, const QStringList &next)
{
    PathwayStage s;
    s.id = id;
    s.title = u"Stage "_s + id;
    s.careerStage = careerStage;
    s.durationMonths = 12;
    s.portal = kOriel;
    s.next = next;
    return s;
}

QDateTime utc(int hour, int minute, int second = 0, int msec = 0)
{
    return QDateTime(QDate(2026, 3, 29), QTime(hour, minute, second, msec), QTimeZone::utc());
}

PathwayFields &pathwayOf(Item &item) { return item.as<PathwayFields>(); }
CurriculumFields &curriculumOf(Item &item) { return item.as<CurriculumFields>(); }

} // namespace

class tst_Validation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturesAreValid_data();
    void fixturesAreValid();
    void rules_data();
    void rules();
    void boundariesAreValid_data();
    void boundariesAreValid();
    void nullContextSkipsLookups_data();
    void nullContextSkipsLookups();
    void nullContextKeepsLocalRules_data();
    void nullContextKeepsLocalRules();
    void hugeMarkdown();
    void oversizeItem();
    void isValidSlug_data();
    void isValidSlug();
    void catalogue_data();
    void catalogue();
};

void tst_Validation::fixturesAreValid_data()
{
    QTest::addColumn<ItemType>("type");
    for (ItemType type : allItemTypes())
        QTest::newRow(qPrintable(toString(type))) << type;
}

void tst_Validation::fixturesAreValid()
{
    QFETCH(ItemType, type);
    const Item item = simple(type);
    QVERIFY(item.type() == type);
    const Catalogue context = testing::catalogue();
    const Issues withContext = validate(item, &context);
    QVERIFY2(withContext.isEmpty(), qPrintable(describe(withContext)));
    const Issues withoutContext = validate(item, nullptr);
    QVERIFY2(withoutContext.isEmpty(), qPrintable(describe(withoutContext)));
}

void tst_Validation::rules_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expectFail");

    using T = ItemType;
    const T B = T::Bulletin; // the plainest fixture, for the rules every type shares

    // ---- identity -------------------------------------------------------------------
    addRule("id: nil", B, [](Item &i) { i.id = QUuid(); }, u"id"_s, {u"nil UUID"_s});
    addRule("schema_version: 0", B, [](Item &i) { i.schemaVersion = 0; }, u"schema_version"_s, {u"between 1 and 1"_s});
    addRule("schema_version: from the future", B, [](Item &i) { i.schemaVersion = kCurrentSchemaVersion + 1; },
            u"schema_version"_s, {u"between 1 and"_s});

    // ---- title ------------------------------------------------------------------------
    addRule("title: empty", B, [](Item &i) { i.title.clear(); }, u"title"_s, {u"must not be empty"_s});
    addRule("title: only spaces", B, [](Item &i) { i.title = u"   "_s; }, u"title"_s, {u"must not be empty"_s});
    addRule("title: 201 characters", B, [](Item &i) { i.title = QString(201, u'x'); }, u"title"_s,
            {u"201 characters"_s, u"limit is 200"_s});
    addRule("title: newline", B, [](Item &i) { i.title = u"An\nitem"_s; }, u"title"_s, {u"single line"_s});
    addRule("title: U+0007", B, [](Item &i) { i.title = u"An"_s + QChar(0x0007) + u"item"_s; }, u"title"_s,
            {u"control character"_s, u"U+0007"_s, u"position 3"_s});
    addRule("title: tab", B, [](Item &i) { i.title = u"An\titem"_s; }, u"title"_s, {u"U+0009"_s});
    addRule("title: carriage return", B, [](Item &i) { i.title = u"An\ritem"_s; }, u"title"_s, {u"U+000D"_s});
    addRule("title: DEL", B, [](Item &i) { i.title = u"An"_s + QChar(0x7F); }, u"title"_s, {u"U+007F"_s});
    addRule("title: C1 control U+0085", B, [](Item &i) { i.title = u"An"_s + QChar(0x85) + u"item"_s; }, u"title"_s,
            {u"U+0085"_s});
    addRule("title: lone surrogate", B, [](Item &i) { i.title = u"An "_s + QChar(0xD800) + u"item"_s; }, u"title"_s,
            {u"invalid Unicode"_s, u"lone surrogate"_s});
    addRule("title: lone low surrogate at end", B, [](Item &i) { i.title = u"An item"_s + QChar(0xDC00); },
            u"title"_s, {u"lone surrogate"_s});
    // A single-line field rejects "\n" but lets the Unicode line separator through, although
    // it ends a line just as well (category Zl) in renderers, text editors and feeds.
    addRule("title: U+2028 line separator", B, [](Item &i) { i.title = u"An"_s + QChar(0x2028) + u"item"_s; },
            u"title"_s, {u"single line"_s});

    // ---- slug ------------------------------------------------------------------------
    const QStringList slugForm = {u"lowercase letters and digits"_s, u"single hyphens"_s};
    addRule("slug: empty", B, [](Item &i) { i.slug.clear(); }, u"slug"_s, {u"must not be empty"_s});
    addRule("slug: uppercase", B, [](Item &i) { i.slug = u"An-Item"_s; }, u"slug"_s, slugForm);
    addRule("slug: double hyphen", B, [](Item &i) { i.slug = u"an--item"_s; }, u"slug"_s, slugForm);
    addRule("slug: leading hyphen", B, [](Item &i) { i.slug = u"-an-item"_s; }, u"slug"_s, slugForm);
    addRule("slug: trailing hyphen", B, [](Item &i) { i.slug = u"an-item-"_s; }, u"slug"_s, slugForm);
    addRule("slug: spaces", B, [](Item &i) { i.slug = u"an item"_s; }, u"slug"_s, slugForm);
    addRule("slug: underscore", B, [](Item &i) { i.slug = u"an_item"_s; }, u"slug"_s, slugForm);
    addRule("slug: accented letter", B, [](Item &i) { i.slug = u"caf\u00e9"_s; }, u"slug"_s, slugForm);
    addRule("slug: path", B, [](Item &i) { i.slug = u"../an-item"_s; }, u"slug"_s, slugForm);
    addRule("slug: 101 characters", B, [](Item &i) { i.slug = QString(101, u'a'); }, u"slug"_s,
            {u"101 characters"_s, u"limit is 100"_s});
    // A trailing newline must not slip through a pattern (PCRE's $ matches before a final \n).
    addRule("slug: trailing newline", B, [](Item &i) { i.slug = u"an-item\n"_s; }, u"slug"_s, slugForm);

    // ---- summary and meta -------------------------------------------------------------
    addRule("summary: 1001 characters", B, [](Item &i) { i.summary = QString(1001, u's'); }, u"summary"_s,
            {u"1001 characters"_s, u"limit is 1000"_s});
    addRule("summary: U+0001", B, [](Item &i) { i.summary = u"Line one\nLine"_s + QChar(0x01); }, u"summary"_s,
            {u"U+0001"_s, u"position 14"_s});
    addRule("meta.description: 301 characters", B, [](Item &i) { i.meta.description = QString(301, u'd'); },
            u"meta.description"_s, {u"301 characters"_s, u"limit is 300"_s});
    addRule("meta.description: newline", B, [](Item &i) { i.meta.description = u"One\nTwo"_s; },
            u"meta.description"_s, {u"single line"_s});
    addRule("meta.keywords: empty keyword", B, [](Item &i) { i.meta.keywords = {u"training"_s, u" "_s}; },
            u"meta.keywords[1]"_s, {u"must not be empty"_s});
    addRule("meta.keywords: 101 characters", B, [](Item &i) { i.meta.keywords = {QString(101, u'k')}; },
            u"meta.keywords[0]"_s, {u"101 characters"_s, u"limit is 100"_s});
    addRule("meta.keywords: 1001 keywords", B,
            [](Item &i) {
                for (int n = 0; n < 1001; ++n)
                    i.meta.keywords.append(u"keyword "_s + QString::number(n));
            },
            u"meta.keywords"_s, {u"1001 entries"_s, u"limit is 1000"_s});

    // ---- taxonomy tags ----------------------------------------------------------------
    addRule("tags: unknown profession", B, [](Item &i) { i.tags.professions = {u"dentistry"_s}; },
            u"tags.professions[0]"_s, {u"unknown profession"_s, u"\"dentistry\""_s});
    addRule("tags: unknown specialty", B, [](Item &i) { i.tags.specialties = {u"cardiology"_s, u"neurology"_s}; },
            u"tags.specialties[1]"_s, {u"unknown specialty"_s, u"\"neurology\""_s});
    addRule("tags: unknown region", B, [](Item &i) { i.tags.regions = {u"atlantis"_s}; }, u"tags.regions[0]"_s,
            {u"unknown region"_s, u"\"atlantis\""_s});
    addRule("tags: unknown career stage", B, [](Item &i) { i.tags.careerStages = {u"registrar"_s}; },
            u"tags.career_stages[0]"_s, {u"unknown career stage"_s, u"\"registrar\""_s});
    addRule("tags: unknown clinical area", B, [](Item &i) { i.tags.clinicalAreas = {u"cancer"_s, u"stroke"_s}; },
            u"tags.clinical_areas[1]"_s, {u"unknown clinical area"_s, u"\"stroke\""_s});
    addRule("tags: term of another vocabulary", B, [](Item &i) { i.tags.professions = {u"cardiology"_s}; },
            u"tags.professions[0]"_s, {u"unknown profession"_s, u"\"cardiology\""_s});
    addRule("tags: duplicate profession", B, [](Item &i) { i.tags.professions = {u"medicine"_s, u"medicine"_s}; },
            u"tags.professions[1]"_s, {u"\"medicine\" is listed twice"_s});
    addRule("tags: duplicate region", B,
            [](Item &i) { i.tags.regions = {u"london"_s, u"north-west"_s, u"london"_s}; }, u"tags.regions[2]"_s,
            {u"\"london\" is listed twice"_s});
    addRule("tags: empty term", B, [](Item &i) { i.tags.careerStages = {QString()}; }, u"tags.career_stages[0]"_s,
            {u"must not be empty"_s});
    addRule("tags: 1001 regions", B,
            [](Item &i) {
                for (int n = 0; n < 1001; ++n)
                    i.tags.regions.append(u"london"_s);
            },
            u"tags.regions"_s, {u"1001 entries"_s, u"limit is 1000"_s}, -1);

    // ---- schedule ---------------------------------------------------------------------
    addRule("schedule: publish_at with seconds", B, [](Item &i) { i.schedule.publishAt = utc(9, 0, 30); },
            u"schedule.publish_at"_s, {u"whole minute"_s});
    addRule("schedule: unpublish_at with milliseconds", B, [](Item &i) { i.schedule.unpublishAt = utc(9, 0, 0, 500); },
            u"schedule.unpublish_at"_s, {u"whole minute"_s});
    addRule("schedule: unpublish before publish", B,
            [](Item &i) {
                i.schedule.publishAt = utc(10, 0);
                i.schedule.unpublishAt = utc(9, 0);
            },
            u"schedule.unpublish_at"_s, {u"must be after schedule.publish_at"_s});
    addRule("schedule: unpublish at the publish time", B,
            [](Item &i) {
                i.schedule.publishAt = utc(10, 0);
                i.schedule.unpublishAt = utc(10, 0);
            },
            u"schedule.unpublish_at"_s, {u"must be after schedule.publish_at"_s});
    addRule("schedule: unpublish before publish in another zone", B,
            [](Item &i) {
                // 10:30 in London (BST, +01:00) is 09:30 UTC: before a 10:00 UTC publish.
                i.schedule.publishAt = utc(10, 0);
                i.schedule.unpublishAt = QDateTime(QDate(2026, 3, 29), QTime(10, 30),
                                                   QTimeZone(QByteArrayLiteral("Europe/London")));
            },
            u"schedule.unpublish_at"_s, {u"must be after"_s});

    // ---- paragraphs: ids and kinds ----------------------------------------------------
    const T C = T::Curriculum; // paragraphs p1, p2 (text), p3 (learning outcomes), p4 (policy ref)
    addRule("paragraphs: empty id", C, [](Item &i) { i.paragraphs[1].id.clear(); }, u"paragraphs[1].id"_s,
            {u"must not be empty"_s});
    addRule("paragraphs: id with a space", C, [](Item &i) { i.paragraphs[0].id = u"p 1"_s; }, u"paragraphs[0].id"_s,
            {u"1 to 64 letters"_s});
    addRule("paragraphs: id of 65 characters", C, [](Item &i) { i.paragraphs[0].id = QString(65, u'p'); },
            u"paragraphs[0].id"_s, {u"1 to 64 letters"_s});
    addRule("paragraphs: id with a trailing newline", C, [](Item &i) { i.paragraphs[0].id = u"p1\n"_s; },
            u"paragraphs[0].id"_s, {u"1 to 64 letters"_s}, 1);
    addRule("paragraphs: duplicate id", C, [](Item &i) { i.paragraphs[2].id = u"p1"_s; }, u"paragraphs[2].id"_s,
            {u"\"p1\" is already used by paragraphs[0]"_s});
    addRule("paragraphs: 501 paragraphs", B,
            [](Item &i) {
                for (int n = 0; n < 501; ++n)
                    i.paragraphs.append(textParagraph(u"p"_s + QString::number(n), u"Text."_s));
            },
            u"paragraphs"_s, {u"501 entries"_s, u"limit is 500"_s});
    addRule("text: markdown empty", C, [](Item &i) { i.paragraphs[1].markdown.clear(); }, u"paragraphs[1].markdown"_s,
            {u"must not be empty"_s});
    addRule("text: markdown only whitespace", C, [](Item &i) { i.paragraphs[1].markdown = u"\n\t \n"_s; },
            u"paragraphs[1].markdown"_s, {u"must not be empty"_s});
    addRule("text: markdown 100001 characters", C, [](Item &i) { i.paragraphs[0].markdown = QString(100001, u'm'); },
            u"paragraphs[0].markdown"_s, {u"100001 characters"_s, u"limit is 100000"_s});
    addRule("text: markdown 10 MB", C,
            [](Item &i) { i.paragraphs[0].markdown = QString(10 * 1024 * 1024, u'm'); }, u"paragraphs[0].markdown"_s,
            {u"10485760 characters"_s, u"limit is 100000"_s}, 2); // and the item size issue
    addRule("text: markdown with CRLF", C, [](Item &i) { i.paragraphs[1].markdown = u"One\r\nTwo"_s; },
            u"paragraphs[1].markdown"_s, {u"U+000D"_s, u"position 4"_s});
    addRule("text: markdown with NUL", C, [](Item &i) { i.paragraphs[1].markdown = u"One"_s + QChar(0) + u"Two"_s; },
            u"paragraphs[1].markdown"_s, {u"U+0000"_s});
    addRule("text: markdown lone surrogate", C, [](Item &i) { i.paragraphs[1].markdown += QChar(0xD800); },
            u"paragraphs[1].markdown"_s, {u"lone surrogate"_s});
    addRule("heading: level 1", B, [](Item &i) { i.paragraphs = {heading(1)}; }, u"paragraphs[0].level"_s,
            {u"must be 2, 3 or 4"_s});
    addRule("heading: level 5", B, [](Item &i) { i.paragraphs = {heading(5)}; }, u"paragraphs[0].level"_s,
            {u"must be 2, 3 or 4"_s});
    addRule("heading: text empty", B, [](Item &i) { i.paragraphs = {heading(2, QString())}; }, u"paragraphs[0].text"_s,
            {u"must not be empty"_s});
    addRule("heading: text on two lines", B, [](Item &i) { i.paragraphs = {heading(3, u"One\nTwo"_s)}; },
            u"paragraphs[0].text"_s, {u"single line"_s});
    addRule("heading: text 201 characters", B, [](Item &i) { i.paragraphs = {heading(3, QString(201, u'h'))}; },
            u"paragraphs[0].text"_s, {u"201 characters"_s, u"limit is 200"_s});
    addRule("learning_outcomes: code not in the curriculum", C,
            [](Item &i) { i.paragraphs[2].outcomeCodes[1] = u"CARD-LO-99"_s; }, u"paragraphs[2].outcome_codes[1]"_s,
            {u"no learning outcome"_s, u"\"CARD-LO-99\""_s});
    addRule("learning_outcomes: no codes", C, [](Item &i) { i.paragraphs[2].outcomeCodes.clear(); },
            u"paragraphs[2].outcome_codes"_s, {u"at least one learning outcome"_s});
    addRule("learning_outcomes: intro 501 characters", C, [](Item &i) { i.paragraphs[2].text = QString(501, u'i'); },
            u"paragraphs[2].text"_s, {u"501 characters"_s, u"limit is 500"_s});
    // Outside a curriculum the codes cannot be looked up, but they are still checked as text.
    addRule("learning_outcomes: code of 33 characters outside a curriculum", B,
            [](Item &i) {
                Paragraph p = paragraph(ParagraphKind::LearningOutcomes);
                p.outcomeCodes = {QString(33, u'C')};
                i.paragraphs = {p};
            },
            u"paragraphs[0].outcome_codes[0]"_s, {u"33 characters"_s, u"limit is 32"_s});
    addRule("learning_outcomes: 1001 codes", B,
            [](Item &i) {
                Paragraph p = paragraph(ParagraphKind::LearningOutcomes);
                for (int n = 0; n < 1001; ++n)
                    p.outcomeCodes.append(u"LO-"_s + QString::number(n));
                i.paragraphs = {p};
            },
            u"paragraphs[0].outcome_codes"_s, {u"1001 entries"_s, u"limit is 1000"_s});
    // Tag lists and stage links reject an entry listed twice; a list of outcome codes does not.
    addRule("learning_outcomes: code listed twice", C,
            [](Item &i) { i.paragraphs[2].outcomeCodes = {u"CARD-LO-01"_s, u"CARD-LO-01"_s}; },
            u"paragraphs[2].outcome_codes[1]"_s, {u"listed twice"_s});
    addRule("callout: markdown empty", B, [](Item &i) { i.paragraphs = {callout(u"Note"_s, QString())}; },
            u"paragraphs[0].markdown"_s, {u"must not be empty"_s});
    addRule("callout: title on two lines", B, [](Item &i) { i.paragraphs = {callout(u"A\nB"_s, u"Body"_s)}; },
            u"paragraphs[0].text"_s, {u"single line"_s});
    addRule("link_list: javascript url", B,
            [](Item &i) { i.paragraphs = {linkList({{u"Click"_s, u"javascript:alert(1)"_s}})}; },
            u"paragraphs[0].links[0].url"_s, {u"https://"_s, u"site path starting with /"_s});
    addRule("link_list: http url", B,
            [](Item &i) {
                i.paragraphs = {linkList({{u"Home"_s, u"/"_s}, {u"Oriel"_s, u"http://www.oriel.nhs.uk/"_s}})};
            },
            u"paragraphs[0].links[1].url"_s, {u"https://"_s});
    addRule("link_list: protocol-relative url", B,
            [](Item &i) { i.paragraphs = {linkList({{u"Elsewhere"_s, u"//evil.example/x"_s}})}; },
            u"paragraphs[0].links[0].url"_s, {u"https://"_s});
    addRule("link_list: url with a space", B,
            [](Item &i) { i.paragraphs = {linkList({{u"Apply"_s, u"https://www.oriel.nhs.uk/a b"_s}})}; },
            u"paragraphs[0].links[0].url"_s, {u"https://"_s});
    addRule("link_list: url empty", B, [](Item &i) { i.paragraphs = {linkList({{u"Apply"_s, QString()}})}; },
            u"paragraphs[0].links[0].url"_s, {u"must not be empty"_s});
    addRule("link_list: link title empty", B, [](Item &i) { i.paragraphs = {linkList({{QString(), u"/apply"_s}})}; },
            u"paragraphs[0].links[0].title"_s, {u"must not be empty"_s});
    addRule("link_list: no links", B, [](Item &i) { i.paragraphs = {linkList({})}; }, u"paragraphs[0].links"_s,
            {u"at least one link"_s});
    addRule("link_list: title on two lines", B,
            [](Item &i) {
                i.paragraphs = {linkList({{u"Home"_s, u"/"_s}})};
                i.paragraphs[0].text = u"Further\nreading"_s;
            },
            u"paragraphs[0].text"_s, {u"single line"_s});
    addRule("link_list: 1001 links", B,
            [](Item &i) { i.paragraphs = {linkList(QList<Link>(1001, Link{u"Home"_s, u"/"_s}))}; },
            u"paragraphs[0].links"_s, {u"1001 entries"_s, u"limit is 1000"_s});
    addRule("policy_ref: no target", C, [](Item &i) { i.paragraphs[3].target = QUuid(); }, u"paragraphs[3].target"_s,
            {u"is required"_s});
    addRule("policy_ref: missing item", C, [](Item &i) { i.paragraphs[3].target = uuid(99); },
            u"paragraphs[3].target"_s, {u"policy"_s, idString(uuid(99)), u"does not exist"_s});
    addRule("policy_ref: a resource", C, [](Item &i) { i.paragraphs[3].target = kResource; }, u"paragraphs[3].target"_s,
            {idString(kResource), u"which is a resource, not a policy"_s});
    addRule("policy_ref: the item itself", C, [](Item &i) { i.paragraphs[3].target = kCurriculum; },
            u"paragraphs[3].target"_s, {u"must not refer to the item itself"_s});
    addRule("resource_ref: a policy", B,
            [](Item &i) { i.paragraphs = {reference(ParagraphKind::ResourceRef, kPolicy)}; },
            u"paragraphs[0].target"_s, {u"which is a policy, not a resource"_s});
    addRule("resource_ref: no target", B,
            [](Item &i) { i.paragraphs = {reference(ParagraphKind::ResourceRef, QUuid())}; },
            u"paragraphs[0].target"_s, {u"is required"_s});
    addRule("pathway_ref: missing item", B,
            [](Item &i) { i.paragraphs = {reference(ParagraphKind::PathwayRef, uuid(98))}; },
            u"paragraphs[0].target"_s, {u"pathway"_s, idString(uuid(98)), u"does not exist"_s});
    addRule("pathway_ref: a portal", B,
            [](Item &i) { i.paragraphs = {reference(ParagraphKind::PathwayRef, kOriel)}; },
            u"paragraphs[0].target"_s, {u"which is a portal, not a pathway"_s});

    // ---- attachments (resource fixture: one PDF) --------------------------------------
    const T R = T::Resource;
    addRule("attachment: sha256 in capitals", R, [](Item &i) { i.attachments[0].sha256 = QString(64, u'A'); },
            u"attachments[0].sha256"_s, {u"64 lowercase hexadecimal digits"_s});
    addRule("attachment: sha256 of 63 digits", R, [](Item &i) { i.attachments[0].sha256.chop(1); },
            u"attachments[0].sha256"_s, {u"64 lowercase hexadecimal digits"_s});
    addRule("attachment: sha256 not hex", R, [](Item &i) { i.attachments[0].sha256 = QString(64, u'g'); },
            u"attachments[0].sha256"_s, {u"64 lowercase hexadecimal digits"_s});
    addRule("attachment: sha256 empty", R, [](Item &i) { i.attachments[0].sha256.clear(); },
            u"attachments[0].sha256"_s, {u"64 lowercase hexadecimal digits"_s});
    addRule("attachment: sha256 with a trailing newline", R, [](Item &i) { i.attachments[0].sha256 += u'\n'; },
            u"attachments[0].sha256"_s, {u"64 lowercase hexadecimal digits"_s}, 1);
    addRule("attachment: same sha256 twice", R,
            [](Item &i) {
                Attachment copy = i.attachments[0];
                copy.name = u"guide-copy.pdf"_s;
                i.attachments.append(copy);
            },
            u"attachments[1].sha256"_s, {u"already attached at attachments[0]"_s});
    addRule("attachment: name with /", R, [](Item &i) { i.attachments[0].name = u"docs/guide.pdf"_s; },
            u"attachments[0].name"_s, {u"without / or \\"_s});
    addRule("attachment: name ../x", R, [](Item &i) { i.attachments[0].name = u"../x"_s; }, u"attachments[0].name"_s,
            {u"without / or \\"_s});
    addRule("attachment: name with backslash", R, [](Item &i) { i.attachments[0].name = u"..\\x.pdf"_s; },
            u"attachments[0].name"_s, {u"without / or \\"_s});
    addRule("attachment: name starting with a dot", R, [](Item &i) { i.attachments[0].name = u".htaccess"_s; },
            u"attachments[0].name"_s, {u"must not start with a dot"_s});
    addRule("attachment: name ..", R, [](Item &i) { i.attachments[0].name = u".."_s; }, u"attachments[0].name"_s,
            {u"must not start with a dot"_s});
    addRule("attachment: name empty", R, [](Item &i) { i.attachments[0].name.clear(); }, u"attachments[0].name"_s,
            {u"must not be empty"_s});
    addRule("attachment: name 256 characters", R,
            [](Item &i) { i.attachments[0].name = QString(252, u'n') + u".pdf"_s; }, u"attachments[0].name"_s,
            {u"256 characters"_s, u"limit is 255"_s});
    addRule("attachment: name with NUL", R,
            [](Item &i) { i.attachments[0].name = u"guide.pdf"_s + QChar(0) + u".exe"_s; }, u"attachments[0].name"_s,
            {u"U+0000"_s, u"position 10"_s});
    // "guide\u202Efdp.exe" shows as "guideexe.pdf": the classic right-to-left override trick.
    addRule("attachment: name with U+202E override", R,
            [](Item &i) { i.attachments[0].name = u"guide"_s + QChar(0x202E) + u"fdp.exe"_s; },
            u"attachments[0].name"_s, {u"U+202E"_s});
    addRule("attachment: media type without slash", R, [](Item &i) { i.attachments[0].mediaType = u"pdf"_s; },
            u"attachments[0].media_type"_s, {u"media type like application/pdf"_s});
    addRule("attachment: media type empty", R, [](Item &i) { i.attachments[0].mediaType.clear(); },
            u"attachments[0].media_type"_s, {u"media type"_s});
    addRule("attachment: media type with a space", R,
            [](Item &i) { i.attachments[0].mediaType = u"application/ pdf"_s; }, u"attachments[0].media_type"_s,
            {u"media type"_s});
    addRule("attachment: media type with parameters", R,
            [](Item &i) { i.attachments[0].mediaType = u"text/plain; charset=utf-8"_s; },
            u"attachments[0].media_type"_s, {u"media type"_s});
    addRule("attachment: media type with a trailing newline", R,
            [](Item &i) { i.attachments[0].mediaType = u"application/pdf\n"_s; }, u"attachments[0].media_type"_s,
            {u"media type"_s}, 1);
    addRule("attachment: zero size", R, [](Item &i) { i.attachments[0].size = 0; }, u"attachments[0].size"_s,
            {u"greater than 0"_s});
    addRule("attachment: negative size", R, [](Item &i) { i.attachments[0].size = -1; }, u"attachments[0].size"_s,
            {u"greater than 0"_s});
    addRule("attachment: one byte over the limit", R,
            [](Item &i) { i.attachments[0].size = Limits::kAttachmentBytes + 1; }, u"attachments[0].size"_s,
            {u"209715201 bytes"_s, u"limit is 209715200 bytes"_s});
    addRule("attachment: 1001 attachments", R,
            [](Item &i) {
                for (int n = 1; n <= 1000; ++n) {
                    Attachment a = i.attachments[0];
                    a.sha256 = QString::number(n, 16).rightJustified(64, u'0');
                    i.attachments.append(a);
                }
            },
            u"attachments"_s, {u"1001 entries"_s, u"limit is 1000"_s});

    // ---- curriculum --------------------------------------------------------------------
    addRule("curriculum: version empty", C, [](Item &i) { curriculumOf(i).version.clear(); }, u"curriculum.version"_s,
            {u"must not be empty"_s});
    addRule("curriculum: version 51 characters", C, [](Item &i) { curriculumOf(i).version = QString(51, u'1'); },
            u"curriculum.version"_s, {u"limit is 50"_s});
    addRule("curriculum: effective_from missing", C, [](Item &i) { curriculumOf(i).effectiveFrom = QDate(); },
            u"curriculum.effective_from"_s, {u"is required"_s});
    addRule("curriculum: effective_to before effective_from", C,
            [](Item &i) { curriculumOf(i).effectiveTo = QDate(2022, 8, 2); }, u"curriculum.effective_to"_s,
            {u"must not be before curriculum.effective_from"_s});
    addRule("curriculum: duplicate learning outcome code", C,
            [](Item &i) {
                curriculumOf(i).learningOutcomes.append(
                        {u"lo3"_s, u"CARD-LO-01"_s, u"Lead a cardiac arrest team"_s, QString()});
            },
            u"curriculum.learning_outcomes[2].code"_s,
            {u"learning outcome code \"CARD-LO-01\""_s, u"already used by curriculum.learning_outcomes[0]"_s});
    addRule("curriculum: learning outcome code in lowercase", C,
            [](Item &i) {
                curriculumOf(i).learningOutcomes.append({u"lo3"_s, u"card-lo-03"_s, u"Lead a team"_s, QString()});
            },
            u"curriculum.learning_outcomes[2].code"_s, {u"capital letters"_s});
    addRule("curriculum: learning outcome code empty", C,
            [](Item &i) { curriculumOf(i).learningOutcomes.append({u"lo3"_s, QString(), u"Lead a team"_s, QString()}); },
            u"curriculum.learning_outcomes[2].code"_s, {u"must not be empty"_s});
    addRule("curriculum: learning outcome code with a trailing newline", C,
            [](Item &i) {
                curriculumOf(i).learningOutcomes.append({u"lo3"_s, u"CARD-LO-03\n"_s, u"Lead a team"_s, QString()});
            },
            u"curriculum.learning_outcomes[2].code"_s, {u"capital letters"_s}, 1);
    addRule("curriculum: duplicate learning outcome id", C,
            [](Item &i) {
                curriculumOf(i).learningOutcomes.append({u"lo1"_s, u"CARD-LO-03"_s, u"Lead a team"_s, QString()});
            },
            u"curriculum.learning_outcomes[2].id"_s, {u"\"lo1\" is already used by curriculum.learning_outcomes[0]"_s});
    addRule("curriculum: learning outcome title empty", C,
            [](Item &i) { curriculumOf(i).learningOutcomes[1].title.clear(); },
            u"curriculum.learning_outcomes[1].title"_s, {u"must not be empty"_s});
    addRule("curriculum: learning outcome description with a control character", C,
            [](Item &i) { curriculumOf(i).learningOutcomes[0].description += QChar(0x08); },
            u"curriculum.learning_outcomes[0].description"_s, {u"U+0008"_s});
    addRule("curriculum: 1002 learning outcomes", C,
            [](Item &i) {
                for (int n = 3; n <= 1002; ++n)
                    curriculumOf(i).learningOutcomes.append(
                            {u"lo"_s + QString::number(n), u"LO-"_s + QString::number(n), u"Outcome"_s, QString()});
            },
            u"curriculum.learning_outcomes"_s, {u"1002 entries"_s, u"limit is 1000"_s});
    addRule("curriculum: competency refers to a missing outcome", C,
            [](Item &i) { curriculumOf(i).competencies[0].outcomeCodes.append(u"CARD-LO-77"_s); },
            u"curriculum.competencies[0].outcome_codes[1]"_s, {u"no learning outcome"_s, u"\"CARD-LO-77\""_s});
    addRule("curriculum: duplicate competency code", C,
            [](Item &i) {
                curriculumOf(i).competencies.append({u"c2"_s, u"CIP-1"_s, u"Managing a clinic"_s, QString(), {}});
            },
            u"curriculum.competencies[1].code"_s,
            {u"competency code \"CIP-1\""_s, u"already used by curriculum.competencies[0]"_s});
    addRule("curriculum: competency title empty", C, [](Item &i) { curriculumOf(i).competencies[0].title.clear(); },
            u"curriculum.competencies[0].title"_s, {u"must not be empty"_s});
    addRule("curriculum: duplicate competency id", C,
            [](Item &i) { curriculumOf(i).competencies.append({u"c1"_s, u"CIP-2"_s, u"Leading"_s, QString(), {}}); },
            u"curriculum.competencies[1].id"_s, {u"\"c1\" is already used by curriculum.competencies[0]"_s});
    addRule("curriculum: competency description with a control character", C,
            [](Item &i) { curriculumOf(i).competencies[0].description = u"Takes"_s + QChar(0x0C); },
            u"curriculum.competencies[0].description"_s, {u"U+000C"_s, u"position 6"_s});
    addRule("curriculum: 1001 competencies", C,
            [](Item &i) {
                for (int n = 2; n <= 1001; ++n)
                    curriculumOf(i).competencies.append(
                            {u"c"_s + QString::number(n), u"CIP-"_s + QString::number(n), u"Capability"_s, QString(), {}});
            },
            u"curriculum.competencies"_s, {u"1001 entries"_s, u"limit is 1000"_s});
    addRule("curriculum: assessment id empty", C, [](Item &i) { curriculumOf(i).assessments[0].id.clear(); },
            u"curriculum.assessments[0].id"_s, {u"must not be empty"_s});
    addRule("curriculum: assessment description lone surrogate", C,
            [](Item &i) { curriculumOf(i).assessments[0].description += QChar(0xDBFF); },
            u"curriculum.assessments[0].description"_s, {u"lone surrogate"_s});
    addRule("curriculum: 1001 assessments", C,
            [](Item &i) {
                for (int n = 2; n <= 1001; ++n)
                    curriculumOf(i).assessments.append({u"a"_s + QString::number(n), AssessmentMethod::Osce, QString()});
            },
            u"curriculum.assessments"_s, {u"1001 entries"_s, u"limit is 1000"_s});

    // ---- pathway (fy1 -> fy2 -> imt -> st4) --------------------------------------------
    const T P = T::Pathway;
    addRule("pathway: profession unknown", P, [](Item &i) { pathwayOf(i).profession = u"dentistry"_s; },
            u"pathway.profession"_s, {u"unknown profession"_s, u"\"dentistry\""_s});
    addRule("pathway: profession empty", P, [](Item &i) { pathwayOf(i).profession.clear(); }, u"pathway.profession"_s,
            {u"must not be empty"_s});
    addRule("pathway: no stages", P, [](Item &i) { pathwayOf(i).stages.clear(); }, u"pathway.stages"_s,
            {u"at least one stage"_s});
    addRule("pathway: cycle", P, [](Item &i) { pathwayOf(i).stages[3].next = {u"imt"_s}; },
            u"pathway.stages[3].next[0]"_s, {u"leads back to stage \"imt\""_s, u"cycle"_s});
    addRule("pathway: cycle back to the first stage", P,
            [](Item &i) { pathwayOf(i).stages[3].next = {u"fy1"_s}; }, u"pathway.stages[3].next[0]"_s,
            {u"leads back to stage \"fy1\""_s, u"cycle"_s});
    addRule("pathway: cycle on a branch", P,
            [](Item &i) {
                pathwayOf(i).stages[1].next = {u"imt"_s, u"gp"_s};
                pathwayOf(i).stages.append(stage(u"gp"_s, u"core-training"_s, {u"fy2"_s}));
            },
            u"pathway.stages[4].next[0]"_s, {u"leads back to stage \"fy2\""_s});
    addRule("pathway: unreachable stage", P,
            [](Item &i) { pathwayOf(i).stages.append(stage(u"extra"_s, u"consultant"_s, {})); }, u"pathway.stages[4]"_s,
            {u"stage \"extra\""_s, u"cannot be reached from the first stage"_s});
    addRule("pathway: next to a missing stage", P, [](Item &i) { pathwayOf(i).stages[0].next = {u"fy3"_s}; },
            u"pathway.stages[0].next[0]"_s, {u"no stage has the id \"fy3\""_s});
    addRule("pathway: self-link", P, [](Item &i) { pathwayOf(i).stages[1].next = {u"fy2"_s}; },
            u"pathway.stages[1].next[0]"_s, {u"cannot lead to itself"_s});
    addRule("pathway: next listed twice", P, [](Item &i) { pathwayOf(i).stages[0].next = {u"fy2"_s, u"fy2"_s}; },
            u"pathway.stages[0].next[1]"_s, {u"\"fy2\" is listed twice"_s});
    addRule("pathway: duplicate stage id", P, [](Item &i) { pathwayOf(i).stages.append(stage(u"fy1"_s, u"consultant"_s, {})); },
            u"pathway.stages[4].id"_s, {u"\"fy1\" is already used by pathway.stages[0]"_s});
    addRule("pathway: zero duration", P, [](Item &i) { pathwayOf(i).stages[0].durationMonths = 0; },
            u"pathway.stages[0].duration_months"_s, {u"positive number of months"_s});
    addRule("pathway: negative duration", P, [](Item &i) { pathwayOf(i).stages[2].durationMonths = -6; },
            u"pathway.stages[2].duration_months"_s, {u"positive number of months"_s});
    addRule("pathway: duration 241 months", P, [](Item &i) { pathwayOf(i).stages[3].durationMonths = 241; },
            u"pathway.stages[3].duration_months"_s, {u"at most 240 months"_s});
    addRule("pathway: unknown career stage", P, [](Item &i) { pathwayOf(i).stages[1].careerStage = u"registrar"_s; },
            u"pathway.stages[1].career_stage"_s, {u"unknown career stage"_s, u"\"registrar\""_s});
    addRule("pathway: career stage empty", P, [](Item &i) { pathwayOf(i).stages[1].careerStage.clear(); },
            u"pathway.stages[1].career_stage"_s, {u"must not be empty"_s});
    addRule("pathway: missing portal", P, [](Item &i) { pathwayOf(i).stages[0].portal = QUuid(); },
            u"pathway.stages[0].portal"_s, {u"is required"_s});
    addRule("pathway: portal does not exist", P, [](Item &i) { pathwayOf(i).stages[2].portal = uuid(97); },
            u"pathway.stages[2].portal"_s, {u"portal"_s, idString(uuid(97)), u"does not exist"_s});
    addRule("pathway: portal refers to a policy", P, [](Item &i) { pathwayOf(i).stages[2].portal = kPolicy; },
            u"pathway.stages[2].portal"_s, {idString(kPolicy), u"which is a policy, not a portal"_s});
    addRule("pathway: portal refers to the pathway itself", P, [](Item &i) { pathwayOf(i).stages[2].portal = kPathway; },
            u"pathway.stages[2].portal"_s, {u"must not refer to the item itself"_s});
    addRule("pathway: stage title empty", P, [](Item &i) { pathwayOf(i).stages[3].title.clear(); },
            u"pathway.stages[3].title"_s, {u"must not be empty"_s});
    addRule("pathway: stage id empty", P,
            [](Item &i) { pathwayOf(i).stages.append(stage(QString(), u"consultant"_s, {})); }, u"pathway.stages[4].id"_s,
            {u"must not be empty"_s});
    addRule("pathway: recruitment window on two lines", P,
            [](Item &i) { pathwayOf(i).stages[2].recruitmentWindow = u"November\nDecember"_s; },
            u"pathway.stages[2].recruitment_window"_s, {u"single line"_s});
    addRule("pathway: entry requirements with a control character", P,
            [](Item &i) { pathwayOf(i).stages[2].entryRequirements += QChar(0x1F); },
            u"pathway.stages[2].entry_requirements"_s, {u"U+001F"_s});
    // A chain of 1001 stages: every stage is reachable, only the count is over the limit.
    addRule("pathway: 1001 stages", P,
            [](Item &i) {
                QList<PathwayStage> &list = pathwayOf(i).stages;
                list[3].next = {u"s4"_s};
                for (int n = 4; n < 1001; ++n)
                    list.append(stage(u"s"_s + QString::number(n), u"consultant"_s,
                                      n + 1 < 1001 ? QStringList{u"s"_s + QString::number(n + 1)} : QStringList()));
            },
            u"pathway.stages"_s, {u"1001 entries"_s, u"limit is 1000"_s});

    // ---- other types -----------------------------------------------------------------
    addRule("page: regional hub without a region", T::Page, [](Item &i) { i.tags.regions.clear(); },
            u"tags.regions"_s, {u"regional hub"_s, u"exactly one region"_s});
    addRule("page: regional hub with two regions", T::Page,
            [](Item &i) { i.tags.regions = {u"london"_s, u"north-west"_s}; }, u"tags.regions"_s,
            {u"exactly one region"_s});
    addRule("page: profession landing without a profession", T::Page,
            [](Item &i) { i.as<PageFields>().kind = PageKind::ProfessionLanding; }, u"tags.professions"_s,
            {u"profession landing"_s, u"exactly one profession"_s});
    addRule("page: profession landing with two professions", T::Page,
            [](Item &i) {
                i.as<PageFields>().kind = PageKind::ProfessionLanding;
                i.tags.professions = {u"medicine"_s, u"nursing"_s};
            },
            u"tags.professions"_s, {u"exactly one profession"_s});
    addRule("news: date missing", T::News, [](Item &i) { i.as<NewsFields>().date = QDate(); }, u"news.date"_s,
            {u"is required"_s});
    addRule("resource: publisher on two lines", R, [](Item &i) { i.as<ResourceFields>().publisher = u"NHS\nEngland"_s; },
            u"resource.publisher"_s, {u"single line"_s});
    addRule("funding_guide: funding body empty", T::FundingGuide,
            [](Item &i) { i.as<FundingGuideFields>().fundingBody.clear(); }, u"funding_guide.funding_body"_s,
            {u"must not be empty"_s});
    addRule("funding_guide: eligibility with a control character", T::FundingGuide,
            [](Item &i) { i.as<FundingGuideFields>().eligibility = u"- UK"_s + QChar(0x1B); },
            u"funding_guide.eligibility"_s, {u"U+001B"_s});
    addRule("policy: with a region", T::Policy, [](Item &i) { i.tags.regions = {u"london"_s}; }, u"tags.regions"_s,
            {u"policy is national"_s, u"must not have a region"_s});
    addRule("policy: reference empty", T::Policy, [](Item &i) { i.as<PolicyFields>().reference.clear(); },
            u"policy.reference"_s, {u"must not be empty"_s});
    addRule("policy: effective_from missing", T::Policy, [](Item &i) { i.as<PolicyFields>().effectiveFrom = QDate(); },
            u"policy.effective_from"_s, {u"is required"_s});
    addRule("portal: http url", T::Portal, [](Item &i) { i.as<PortalFields>().url = u"http://www.oriel.nhs.uk/"_s; },
            u"portal.url"_s, {u"must be an https:// address"_s});
    addRule("portal: site path url", T::Portal, [](Item &i) { i.as<PortalFields>().url = u"/apply"_s; },
            u"portal.url"_s, {u"must be an https:// address"_s});
    addRule("portal: javascript url", T::Portal,
            [](Item &i) { i.as<PortalFields>().url = u"javascript:alert(1)"_s; }, u"portal.url"_s,
            {u"must be an https:// address"_s});
    addRule("portal: url empty", T::Portal, [](Item &i) { i.as<PortalFields>().url.clear(); }, u"portal.url"_s,
            {u"must not be empty"_s});
    addRule("portal: purpose 501 characters", T::Portal,
            [](Item &i) { i.as<PortalFields>().purpose = QString(501, u'p'); }, u"portal.purpose"_s,
            {u"501 characters"_s, u"limit is 500"_s});
    addRule("bulletin: subject empty", B, [](Item &i) { i.as<BulletinFields>().subject.clear(); },
            u"bulletin.subject"_s, {u"must not be empty"_s});
    addRule("term: its own parent", T::Term, [](Item &i) { i.as<TermFields>().parent = i.slug; }, u"term.parent"_s,
            {u"cannot be its own parent"_s});
    addRule("term: unknown parent", T::Term, [](Item &i) { i.as<TermFields>().parent = u"registrar"_s; },
            u"term.parent"_s, {u"unknown career stage"_s, u"\"registrar\""_s});
    addRule("term: parent from another vocabulary", T::Term, [](Item &i) { i.as<TermFields>().parent = u"medicine"_s; },
            u"term.parent"_s, {u"unknown career stage"_s, u"\"medicine\""_s});
    addRule("term: negative order", T::Term, [](Item &i) { i.as<TermFields>().order = -1; }, u"term.order"_s,
            {u"must not be negative"_s});
    addRule("term: portal refers to a policy", T::Term, [](Item &i) { i.as<TermFields>().portal = kPolicy; },
            u"term.portal"_s, {u"which is a policy, not a portal"_s});
    addRule("term: with a region", T::Term, [](Item &i) { i.tags.regions = {u"london"_s}; }, u"tags.regions"_s,
            {u"taxonomy terms are national"_s});

    // ---- whole item ----------------------------------------------------------------------
    // Each paragraph is within its own limit; only the item as a whole is too big.
    addRule("item: over 4 MiB in canonical form", B,
            [](Item &i) {
                for (int n = 0; n < 45; ++n)
                    i.paragraphs.append(textParagraph(u"big"_s + QString::number(n), QString(99990, u'a')));
            },
            QString(), {u"bytes in canonical form"_s, u"the limit is 4194304 bytes"_s});
    addRule("item: several rules at once", B,
            [](Item &i) {
                i.title.clear();
                i.slug = u"Bad Slug"_s;
                i.as<BulletinFields>().subject.clear();
            },
            u"slug"_s, {u"single hyphens"_s}, 3);
}

void tst_Validation::rules()
{
    QFETCH(ItemType, type);
    QFETCH(Mutation, mutate);
    QFETCH(QString, where);
    QFETCH(QStringList, words);
    QFETCH(int, count);
    QFETCH(QString, expectFail);

    Item item = simple(type);
    mutate(item);
    const Catalogue context = testing::catalogue();
    const Issues issues = validate(item, &context);

    const auto it = std::find_if(issues.cbegin(), issues.cend(), [&](const Issue &i) { return i.where == where; });
    if (!expectFail.isEmpty())
        QEXPECT_FAIL("", qPrintable(expectFail), Abort);
    QVERIFY2(it != issues.cend(),
             qPrintable(u"no issue at \"%1\"; got:\n%2"_s.arg(where, describe(issues))));
    for (const QString &word : std::as_const(words))
        QVERIFY2(it->message.contains(word),
                 qPrintable(u"message \"%1\" does not contain \"%2\""_s.arg(it->message, word)));
    if (count >= 0)
        QVERIFY2(issues.size() == count,
                 qPrintable(u"expected %1 issue(s), got:\n%2"_s.arg(count).arg(describe(issues))));
}

void tst_Validation::boundariesAreValid_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<Mutation>("mutate");

    using T = ItemType;
    const auto row = [](const char *name, ItemType type, Mutation mutate) {
        QTest::newRow(name) << type << std::move(mutate);
    };
    row("title: 200 characters", T::Bulletin, [](Item &i) { i.title = QString(200, u't'); });
    row("title: accents and an emoji (a surrogate pair)", T::Bulletin,
        [](Item &i) { i.title = u"Caf\u00e9 na\u00efve \U0001F600 training"_s; });
    row("slug: 100 characters", T::Bulletin, [](Item &i) { i.slug = QString(100, u'a'); });
    row("slug: one letter", T::Bulletin, [](Item &i) { i.slug = u"a"_s; });
    row("slug: words and digits", T::Bulletin, [](Item &i) { i.slug = u"st4-2026-intake"_s; });
    row("summary: tabs and newlines", T::Bulletin, [](Item &i) { i.summary = u"One\n\tTwo\n"_s; });
    row("summary: 1000 characters", T::Bulletin, [](Item &i) { i.summary = QString(1000, u's'); });
    row("meta: description 300 characters", T::Bulletin, [](Item &i) { i.meta.description = QString(300, u'd'); });
    row("meta: keyword 100 characters", T::Bulletin, [](Item &i) { i.meta.keywords = {QString(100, u'k')}; });
    row("tags: every vocabulary known", T::Bulletin, [](Item &i) {
        i.tags = {{u"medicine"_s, u"nursing"_s}, {u"cardiology"_s}, {u"london"_s, u"south-west"_s},
                  {u"consultant"_s}, {u"cancer"_s}};
    });
    row("schedule: whole minutes, unpublish after publish", T::Bulletin, [](Item &i) {
        i.schedule.publishAt = utc(9, 0);
        i.schedule.unpublishAt = utc(9, 1);
    });
    row("schedule: London time", T::Bulletin, [](Item &i) {
        i.schedule.publishAt = QDateTime(QDate(2026, 3, 29), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
    });
    row("paragraph: id as a UUID", T::Bulletin,
        [](Item &i) { i.paragraphs = {textParagraph(idString(uuid(42)), u"Text"_s)}; });
    row("paragraph: id of 64 characters", T::Bulletin,
        [](Item &i) { i.paragraphs = {textParagraph(QString(64, u'p'), u"Text"_s)}; });
    row("paragraph: markdown 100000 characters", T::Bulletin,
        [](Item &i) { i.paragraphs = {textParagraph(u"p1"_s, QString(100000, u'm'))}; });
    row("paragraphs: 500", T::Bulletin, [](Item &i) {
        for (int n = 0; n < 500; ++n)
            i.paragraphs.append(textParagraph(u"p"_s + QString::number(n), u"Text."_s));
    });
    row("heading: levels 2 to 4", T::Bulletin, [](Item &i) {
        i.paragraphs = {heading(2), heading(3), heading(4)};
        i.paragraphs[1].id = u"x2"_s;
        i.paragraphs[2].id = u"x3"_s;
    });
    row("callout: without a title", T::Bulletin, [](Item &i) { i.paragraphs = {callout(QString(), u"Body"_s)}; });
    row("link_list: https and site paths", T::Bulletin, [](Item &i) {
        i.paragraphs = {linkList({{u"Home"_s, u"/"_s},
                                  {u"Careers"_s, u"/careers/medicine?tab=pathways#top"_s},
                                  {u"Oriel"_s, u"https://www.oriel.nhs.uk:443/Web/PermitToApply"_s}})};
    });
    row("references: of the right types", T::Bulletin, [](Item &i) {
        i.paragraphs = {reference(ParagraphKind::PolicyRef, kPolicy), reference(ParagraphKind::ResourceRef, kResource),
                        reference(ParagraphKind::PathwayRef, kPathway)};
        i.paragraphs[1].id = u"x2"_s;
        i.paragraphs[2].id = u"x3"_s;
    });
    row("attachment: exactly the size limit", T::Resource,
        [](Item &i) { i.attachments[0].size = Limits::kAttachmentBytes; });
    row("attachment: name with spaces and punctuation", T::Resource,
        [](Item &i) { i.attachments[0].name = u"Guide (2025) \u2013 final v2.pdf"_s; });
    row("attachment: long vendor media type", T::Resource, [](Item &i) {
        i.attachments[0].mediaType = u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;
    });
    row("curriculum: effective_to after effective_from", T::Curriculum,
        [](Item &i) { curriculumOf(i).effectiveTo = QDate(2030, 7, 31); });
    row("curriculum: effective_to on effective_from", T::Curriculum,
        [](Item &i) { curriculumOf(i).effectiveTo = QDate(2022, 8, 3); });
    row("pathway: one stage", T::Pathway, [](Item &i) {
        pathwayOf(i).stages.resize(1);
        pathwayOf(i).stages[0].next.clear();
    });
    // A diamond (two branches joining again) is not a cycle.
    row("pathway: branches that join", T::Pathway, [](Item &i) {
        pathwayOf(i).stages[1].next = {u"imt"_s, u"gp"_s};
        pathwayOf(i).stages.append(stage(u"gp"_s, u"core-training"_s, {u"st4"_s}));
    });
    row("pathway: duration 240 months", T::Pathway, [](Item &i) { pathwayOf(i).stages[3].durationMonths = 240; });
    row("page: profession landing with one profession", T::Page, [](Item &i) {
        i.as<PageFields>().kind = PageKind::ProfessionLanding;
        i.tags.regions.clear();
        i.tags.professions = {u"nursing"_s};
    });
    row("page: landing with two regions", T::Page, [](Item &i) {
        i.as<PageFields>().kind = PageKind::Landing;
        i.tags.regions = {u"london"_s, u"south-west"_s};
    });
    row("portal: https url with a path", T::Portal,
        [](Item &i) { i.as<PortalFields>().url = u"https://portal.e-lfh.org.uk/Component/Details/391"_s; });
    row("term: known parent", T::Term, [](Item &i) { i.as<TermFields>().parent = u"core-training"_s; });
    row("term: without a portal", T::Term, [](Item &i) { i.as<TermFields>().portal = QUuid(); });
    row("item: just under 4 MiB", T::Bulletin, [](Item &i) {
        for (int n = 0; n < 41; ++n)
            i.paragraphs.append(textParagraph(u"big"_s + QString::number(n), QString(100000, u'a')));
    });
}

void tst_Validation::boundariesAreValid()
{
    QFETCH(ItemType, type);
    QFETCH(Mutation, mutate);
    Item item = simple(type);
    mutate(item);
    const Catalogue context = testing::catalogue();
    const Issues issues = validate(item, &context);
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
}

// Rules that need the rest of the content are skipped without a context; the row also
// proves, with the catalogue, that the mutation does break a rule.
void tst_Validation::nullContextSkipsLookups_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("where");

    using T = ItemType;
    const auto row = [](const char *name, ItemType type, Mutation mutate, const QString &where) {
        QTest::newRow(name) << type << std::move(mutate) << where;
    };
    row("unknown profession tag", T::Bulletin, [](Item &i) { i.tags.professions = {u"dentistry"_s}; },
        u"tags.professions[0]"_s);
    row("unknown specialty tag", T::Bulletin, [](Item &i) { i.tags.specialties = {u"neurology"_s}; },
        u"tags.specialties[0]"_s);
    row("unknown region tag", T::Bulletin, [](Item &i) { i.tags.regions = {u"atlantis"_s}; }, u"tags.regions[0]"_s);
    row("unknown career stage tag", T::Bulletin, [](Item &i) { i.tags.careerStages = {u"registrar"_s}; },
        u"tags.career_stages[0]"_s);
    row("unknown clinical area tag", T::Bulletin, [](Item &i) { i.tags.clinicalAreas = {u"stroke"_s}; },
        u"tags.clinical_areas[0]"_s);
    row("unknown pathway profession", T::Pathway, [](Item &i) { pathwayOf(i).profession = u"dentistry"_s; },
        u"pathway.profession"_s);
    row("unknown stage career stage", T::Pathway, [](Item &i) { pathwayOf(i).stages[0].careerStage = u"registrar"_s; },
        u"pathway.stages[0].career_stage"_s);
    row("stage portal that does not exist", T::Pathway, [](Item &i) { pathwayOf(i).stages[0].portal = uuid(97); },
        u"pathway.stages[0].portal"_s);
    row("stage portal that is a policy", T::Pathway, [](Item &i) { pathwayOf(i).stages[0].portal = kPolicy; },
        u"pathway.stages[0].portal"_s);
    row("policy reference that does not exist", T::Curriculum, [](Item &i) { i.paragraphs[3].target = uuid(99); },
        u"paragraphs[3].target"_s);
    row("resource reference to a policy", T::Bulletin,
        [](Item &i) { i.paragraphs = {reference(ParagraphKind::ResourceRef, kPolicy)}; }, u"paragraphs[0].target"_s);
    row("unknown term parent", T::Term, [](Item &i) { i.as<TermFields>().parent = u"registrar"_s; }, u"term.parent"_s);
    row("term portal that does not exist", T::Term, [](Item &i) { i.as<TermFields>().portal = uuid(96); },
        u"term.portal"_s);
}

void tst_Validation::nullContextSkipsLookups()
{
    QFETCH(ItemType, type);
    QFETCH(Mutation, mutate);
    QFETCH(QString, where);
    Item item = simple(type);
    mutate(item);

    const Issues withoutContext = validate(item, nullptr);
    QVERIFY2(withoutContext.isEmpty(), qPrintable(describe(withoutContext)));

    const Catalogue context = testing::catalogue();
    const Issues withContext = validate(item, &context);
    QCOMPARE(withContext.size(), 1);
    QCOMPARE(withContext.first().where, where);
}

void tst_Validation::nullContextKeepsLocalRules_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("word");

    using T = ItemType;
    const auto row = [](const char *name, ItemType type, Mutation mutate, const QString &where, const QString &word) {
        QTest::newRow(name) << type << std::move(mutate) << where << word;
    };
    row("empty tag", T::Bulletin, [](Item &i) { i.tags.regions = {QString()}; }, u"tags.regions[0]"_s,
        u"must not be empty"_s);
    row("tag listed twice", T::Bulletin, [](Item &i) { i.tags.professions = {u"x"_s, u"x"_s}; },
        u"tags.professions[1]"_s, u"listed twice"_s);
    row("reference to the item itself", T::Curriculum, [](Item &i) { i.paragraphs[3].target = i.id; },
        u"paragraphs[3].target"_s, u"item itself"_s);
    row("required stage portal", T::Pathway, [](Item &i) { pathwayOf(i).stages[1].portal = QUuid(); },
        u"pathway.stages[1].portal"_s, u"is required"_s);
    row("term its own parent", T::Term, [](Item &i) { i.as<TermFields>().parent = i.slug; }, u"term.parent"_s,
        u"own parent"_s);
    row("pathway cycle", T::Pathway, [](Item &i) { pathwayOf(i).stages[2].next = {u"fy2"_s}; },
        u"pathway.stages[2].next[0]"_s, u"cycle"_s);
    row("title empty", T::Bulletin, [](Item &i) { i.title.clear(); }, u"title"_s, u"must not be empty"_s);
}

void tst_Validation::nullContextKeepsLocalRules()
{
    QFETCH(ItemType, type);
    QFETCH(Mutation, mutate);
    QFETCH(QString, where);
    QFETCH(QString, word);
    Item item = simple(type);
    mutate(item);
    const Issues issues = validate(item, nullptr);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().where, where);
    QVERIFY2(issues.first().message.contains(word), qPrintable(issues.first().message));
}

void tst_Validation::hugeMarkdown()
{
    Item item = simple(ItemType::Page);
    item.paragraphs = {textParagraph(u"huge"_s, QString(10 * 1024 * 1024, u'#'))};
    const Catalogue context = testing::catalogue();
    const Issues issues = validate(item, &context);

    QCOMPARE(issues.size(), 2);
    QCOMPARE(issues[0].where, u"paragraphs[0].markdown"_s);
    QCOMPARE(issues[0].message, u"is 10485760 characters long; the limit is 100000"_s);
    QCOMPARE(issues[1].where, QString());
    QVERIFY2(issues[1].message.contains(u"the limit is 4194304 bytes"_s), qPrintable(issues[1].message));
}

void tst_Validation::oversizeItem()
{
    // The limit is on UTF-8 bytes, not characters: 30 paragraphs of 75,000 "\u00e9" are only
    // 2.25 M characters but 4.5 MB in canonical form.
    Item item = simple(ItemType::Bulletin);
    for (int n = 0; n < 30; ++n)
        item.paragraphs.append(textParagraph(u"p"_s + QString::number(n), QString(75000, QChar(0xE9))));
    const qsizetype bytes = serialize(item).size();
    QVERIFY(bytes > Limits::kItemBytes);
    const Issues issues = validate(item, nullptr);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().where, QString());
    QCOMPARE(issues.first().message, u"the item is %1 bytes in canonical form; the limit is 4194304 bytes"_s.arg(bytes));
}

void tst_Validation::isValidSlug_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<bool>("valid");
    QTest::newRow("word") << u"cardiology"_s << true;
    QTest::newRow("words") << u"core-surgical-training"_s << true;
    QTest::newRow("digits") << u"2026"_s << true;
    QTest::newRow("100 characters") << QString(100, u'z') << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("101 characters") << QString(101, u'z') << false;
    QTest::newRow("uppercase") << u"Cardiology"_s << false;
    QTest::newRow("double hyphen") << u"core--training"_s << false;
    QTest::newRow("leading hyphen") << u"-core"_s << false;
    QTest::newRow("trailing hyphen") << u"core-"_s << false;
    QTest::newRow("space") << u"core training"_s << false;
    QTest::newRow("dot") << u"core.training"_s << false;
    QTest::newRow("slash") << u"core/training"_s << false;
    QTest::newRow("non-ASCII letter") << u"\u00e9cole"_s << false;
    QTest::newRow("trailing newline") << u"core\n"_s << false;
}

void tst_Validation::isValidSlug()
{
    QFETCH(QString, slug);
    QFETCH(bool, valid);
    QCOMPARE(carta::model::isValidSlug(slug), valid);
}

void tst_Validation::catalogue_data()
{
    QTest::addColumn<ItemType>("type");
    for (ItemType type : allItemTypes())
        QTest::newRow(qPrintable(toString(type))) << type;
}

void tst_Validation::catalogue()
{
    QFETCH(ItemType, type);
    Catalogue c;
    QCOMPARE(c.itemCount(), 0);
    Item item = simple(type, uuid(500));
    c.add(item);
    QCOMPARE(c.itemCount(), 1);
    QVERIFY(c.itemType(item.id) == type);
    QVERIFY(!c.itemType(uuid(501)));
    // Only a term registers its slug, and only in its own vocabulary.
    for (Vocabulary v : allVocabularies()) {
        const bool registered = type == ItemType::Term && v == item.as<TermFields>().vocabulary;
        QCOMPARE(c.hasTerm(v, item.slug), registered);
    }
}

QTEST_GUILESS_MAIN(tst_Validation)

#include "tst_validation.moc"
