// The replica's search index: matching, ranking, snippets, query syntax as people type it,
// disjunctive facet counts and filters, keeping in step with index()/remove() and with
// rolled-back transactions, over a small hand-made set and over the ×1 demo content.
#include "demo/generator.h"
#include "replica/search.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace carta::model;
using namespace carta::replica;

namespace {

const QString kConnection = u"tst_search"_s;

QUuid uuid(int n)
{
    return QUuid(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0')));
}

Paragraph paragraph(ParagraphKind kind, const QString &text, const QString &markdown = {})
{
    Paragraph p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.kind = kind;
    p.text = text;
    p.markdown = markdown;
    return p;
}

Paragraph markdown(const QString &text)
{
    return paragraph(ParagraphKind::Text, {}, text);
}

struct Spec
{
    int n;
    ItemType type;
    QString title;
    QString summary;
    WorkflowState state;
    QStringList professions;
    QStringList specialties;
    QStringList careerStages;
    QStringList regions;
};

Item makeItem(const Spec &s)
{
    Item item = Item::create(s.type, uuid(s.n));
    item.title = s.title;
    item.summary = s.summary;
    item.state = s.state;
    item.tags.professions = s.professions;
    item.tags.specialties = s.specialties;
    item.tags.careerStages = s.careerStages;
    item.tags.regions = s.regions;
    return item;
}

// The hand-made set. Regions: london 1, 3; midlands 3, 5; north-west 6; national 2, 4, 7.
QList<Item> handMadeItems()
{
    QList<Item> items;

    Item pathway = makeItem({1, ItemType::Pathway, u"Cardiology training pathway"_s,
                             u"How to become a consultant cardiologist."_s, WorkflowState::Published,
                             {u"medicine"_s}, {u"cardiology"_s}, {u"higher-specialty-training"_s}, {u"london"_s}});
    PathwayStage core;
    core.id = u"s1"_s;
    core.title = u"Core medical training"_s;
    PathwayStage higher;
    higher.id = u"s2"_s;
    higher.title = u"Cardiology specialty registrar"_s;
    pathway.as<PathwayFields>().profession = u"medicine"_s;
    pathway.as<PathwayFields>().stages = {core, higher};
    items.append(pathway);

    Item nursing = makeItem({2, ItemType::Resource, u"Adult nursing degree"_s, u"Routes into adult nursing."_s,
                             WorkflowState::Draft, {u"nursing"_s}, {}, {u"pre-registration"_s}, {}});
    nursing.paragraphs = {markdown(u"Placements on **acute** wards.\nApply through [NHS Jobs](https://www.jobs.nhs.uk/apply)."_s)};
    nursing.attachments = {Attachment{QString(64, u'a'), u"adult-nursing-handbook.pdf"_s, u"application/pdf"_s, 100}};
    items.append(nursing);

    Item midwifery = makeItem({3, ItemType::Page, u"Midwifery return to practice"_s, u"Come back to midwifery."_s,
                               WorkflowState::InReview, {u"midwifery"_s}, {}, {}, {u"london"_s, u"midlands"_s}});
    midwifery.paragraphs = {paragraph(ParagraphKind::Callout, u"Funding"_s, u"Bursaries of £1,000 are available."_s),
                            markdown(u"You may study part time."_s)};
    items.append(midwifery);

    Item policy = makeItem({4, ItemType::Policy, u"Study leave policy"_s, u"Study leave for every trainee."_s,
                            WorkflowState::Published, {}, {}, {}, {}});
    policy.paragraphs = {paragraph(ParagraphKind::Heading, u"Study budgets"_s),
                         markdown(u"Study leave supports the curriculum: study days, study budgets and study time."_s),
                         paragraph(ParagraphKind::LinkList, u"Forms"_s)};
    policy.paragraphs.last().links = {Link{u"Expense claim form"_s, u"/forms/expenses"_s}};
    items.append(policy);

    Item curriculum = makeItem({5, ItemType::Curriculum, u"Cardiac physiology curriculum"_s,
                                u"Healthcare science training in cardiac physiology."_s, WorkflowState::Approved,
                                {u"healthcare-science"_s}, {}, {u"scientist-training-programme"_s}, {u"midlands"_s}});
    LearningOutcome outcome;
    outcome.id = u"o1"_s;
    outcome.code = u"CP-LO-01"_s;
    outcome.title = u"Interpret an electrocardiogram"_s;
    Competency competency;
    competency.id = u"c1"_s;
    competency.code = u"CP-C-01"_s;
    competency.title = u"Perform exercise tolerance tests"_s;
    curriculum.as<CurriculumFields>().learningOutcomes = {outcome};
    curriculum.as<CurriculumFields>().competencies = {competency};
    curriculum.paragraphs = {paragraph(ParagraphKind::LearningOutcomes, u"By the end you will"_s)};
    items.append(curriculum);

    Item news = makeItem({6, ItemType::News, u"North West news"_s, u"Opening hours of the local office [draft]."_s,
                          WorkflowState::Published, {u"medicine"_s}, {u"cardiology"_s}, {}, {u"north-west"_s}});
    news.paragraphs = {markdown(u"The local office is open on weekdays. Cardiology trainees may study on Fridays."_s)};
    items.append(news);

    Item cafe = makeItem({7, ItemType::Page, u"Café rounds with Zoë"_s, u"Informal teaching over coffee."_s,
                          WorkflowState::Archived, {}, {}, {}, {}});
    items.append(cafe);
    return items;
}

QStringList titles(const SearchResult &result)
{
    QStringList out;
    for (const SearchHit &hit : result.hits)
        out.append(hit.title);
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// "london=2 midlands=2 national=3": the non-zero counts of a facet, by value.
QString format(const std::map<QString, qint64> &counts)
{
    QStringList parts;
    for (const auto &[value, count] : counts)
        parts.append(u"%1=%2"_s.arg(value).arg(count));
    return parts.join(u' ');
}

QString counts(const SearchResult &result, Facet facet)
{
    std::map<QString, qint64> out;
    for (const FacetCount &c : result.facets.at(facet)) {
        if (c.count > 0)
            out[c.value] = c.count;
    }
    return format(out);
}

qint64 countOf(const SearchResult &result, Facet facet, const QString &value)
{
    for (const FacetCount &c : result.facets.at(facet)) {
        if (c.value == value)
            return c.count;
    }
    return 0;
}

} // namespace

class tst_Search : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void facetNames();
    void matches_data();
    void matches();
    void ranksTitleAndFrequencyFirst();
    void snippetsMarkMatches();
    void phrasesAndPrefixesWhileTyping_data();
    void phrasesAndPrefixesWhileTyping();
    void hostileInputIsNeverAnError_data();
    void hostileInputIsNeverAnError();
    void emptyQueryListsEverythingByTitle();
    void pagesAreSlicesOfOneOrder();
    void facetCountsAreExact();
    void facetCountsAreDisjunctive();
    void filters_data();
    void filters();
    void reindexReplacesOldWords();
    void removeDeletes();
    void rolledBackTransactionIsNotSeen();
    void anotherIndexOnTheSameFileSeesChanges();
    void manyReindexesCompact();
    void survivesReopening();
    void damagedOrForeignIndexIsRebuilt();
    void snapshotOfThisGenerationIsWhatLoadReads();
    void damagedSnapshotIsPassedOver();
    void demoContentTotalsMatchIndependentCounts();

private:
    QSqlDatabase database() const { return QSqlDatabase::database(kConnection, false); }
    SearchResult search(const QString &text, const std::map<Facet, QStringList> &filters = {}, int limit = 100,
                        int offset = 0);
    void indexAll(const QList<Item> &items);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SearchIndex> m_index;
};

void tst_Search::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, kConnection);
    db.setDatabaseName(m_dir->filePath(u"replica.db"_s));
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery(db).exec(u"PRAGMA journal_mode = WAL"_s);
    m_index = std::make_unique<SearchIndex>(kConnection);
    auto created = m_index->createSchema();
    QVERIFY2(created.ok(), qPrintable(created.errorString()));
    auto again = m_index->createSchema();
    QVERIFY2(again.ok(), qPrintable(again.errorString())); // idempotent
    auto loaded = m_index->load();
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    indexAll(handMadeItems());
}

void tst_Search::cleanup()
{
    m_index.reset();
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(kConnection);
    m_dir.reset();
}

void tst_Search::indexAll(const QList<Item> &items)
{
    QSqlDatabase db = database();
    QVERIFY(db.transaction());
    for (const Item &item : items) {
        auto indexed = m_index->index(item);
        QVERIFY2(indexed.ok(), qPrintable(indexed.errorString()));
    }
    QVERIFY(db.commit());
}

SearchResult tst_Search::search(const QString &text, const std::map<Facet, QStringList> &filters, int limit, int offset)
{
    SearchQuery query;
    query.text = text;
    query.filters = filters;
    query.limit = limit;
    query.offset = offset;
    auto result = m_index->search(query);
    if (!result.ok()) {
        qWarning("search for %s failed: %s", qPrintable(text), qPrintable(result.errorString()));
        return {};
    }
    return result.value();
}

void tst_Search::facetNames()
{
    for (Facet facet : allFacets())
        QVERIFY(facetFromString(toString(facet)) == facet);
    QCOMPARE(toString(Facet::CareerStage), u"career_stage"_s);
    QVERIFY(!facetFromString(u"colour"_s));
    QCOMPARE(nationalRegion(), u"national"_s);
}

void tst_Search::matches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("title word") << u"midwifery "_s << QStringList{u"Midwifery return to practice"_s};
    QTest::newRow("summary word") << u"cardiologist "_s << QStringList{u"Cardiology training pathway"_s};
    QTest::newRow("markdown paragraph") << u"acute "_s << QStringList{u"Adult nursing degree"_s};
    QTest::newRow("markdown link text") << u"jobs "_s << QStringList{u"Adult nursing degree"_s};
    QTest::newRow("link destination is not text") << u"https "_s << QStringList{};
    QTest::newRow("callout") << u"bursaries "_s << QStringList{u"Midwifery return to practice"_s};
    QTest::newRow("heading") << u"budgets "_s << QStringList{u"Study leave policy"_s};
    QTest::newRow("link list title") << u"expense "_s << QStringList{u"Study leave policy"_s};
    QTest::newRow("learning outcome title") << u"electrocardiogram "_s << QStringList{u"Cardiac physiology curriculum"_s};
    QTest::newRow("competency title") << u"tolerance "_s << QStringList{u"Cardiac physiology curriculum"_s};
    QTest::newRow("pathway stage title") << u"registrar "_s << QStringList{u"Cardiology training pathway"_s};
    QTest::newRow("attachment name") << u"handbook "_s << QStringList{u"Adult nursing degree"_s};
    QTest::newRow("case-insensitive") << u"CARDIOLOGY "_s
                                      << QStringList{u"Cardiology training pathway"_s, u"North West news"_s};
    QTest::newRow("diacritics folded") << u"cafe zoe "_s << QStringList{u"Café rounds with Zoë"_s};
    QTest::newRow("diacritics typed") << u"Café "_s << QStringList{u"Café rounds with Zoë"_s};
    QTest::newRow("all words must occur") << u"cardiology consultant "_s << QStringList{u"Cardiology training pathway"_s};
    QTest::newRow("one word missing") << u"cardiology bursaries "_s << QStringList{};
    QTest::newRow("unknown word") << u"zebra "_s << QStringList{};
    QTest::newRow("numbers") << u"1,000 "_s << QStringList{u"Midwifery return to practice"_s};
}

void tst_Search::matches()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const SearchResult result = search(text);
    QCOMPARE(sorted(titles(result)), sorted(expected));
    QCOMPARE(result.total, expected.size());
}

void tst_Search::ranksTitleAndFrequencyFirst()
{
    // "study": five times in the policy, title included; once in two others' bodies.
    SearchResult result = search(u"study "_s);
    QCOMPARE(result.total, 3);
    QCOMPARE(result.hits.first().title, u"Study leave policy"_s);
    for (qsizetype i = 1; i < result.hits.size(); ++i)
        QVERIFY(result.hits[i - 1].score >= result.hits[i].score);
    QVERIFY(result.hits.first().score > result.hits.last().score);

    // "cardiology" in the title beats "cardiology" in the body.
    result = search(u"cardiology "_s);
    QCOMPARE(titles(result), (QStringList{u"Cardiology training pathway"_s, u"North West news"_s}));
    QCOMPARE(toString(result.hits.first().type), u"pathway"_s);
    QCOMPARE(toString(result.hits.first().state), u"published"_s);
    QCOMPARE(result.hits.first().id, uuid(1));
}

void tst_Search::snippetsMarkMatches()
{
    SearchResult result = search(u"bursaries"_s);
    QCOMPARE(result.hits.size(), 1);
    // Blocks (the callout's title, its text, the next paragraph) are set apart with a dot.
    QCOMPARE(result.hits.first().snippet, u"Funding · [Bursaries] of £1,000 are available. · You may study part time."_s);

    // Adjacent matches share one mark; the content's own brackets become parentheses.
    result = search(u"\"local office\""_s);
    QCOMPARE(result.hits.size(), 1);
    QCOMPARE(result.hits.first().snippet, u"Opening hours of the [local office] (draft)."_s);

    // A long body is cut to a window around the matches.
    result = search(u"curriculum supports "_s);
    QCOMPARE(result.hits.size(), 1);
    QVERIFY2(result.hits.first().snippet.contains(u"[supports] the [curriculum]"_s), qPrintable(result.hits.first().snippet));

    // Markdown is text in snippets; the prefix being typed is marked whole.
    result = search(u"acu"_s);
    QCOMPARE(result.hits.size(), 1);
    QCOMPARE(result.hits.first().snippet, u"Placements on [acute] wards. Apply through NHS Jobs."_s);

    // No text: the summary, unmarked.
    result = search(QString(), {{Facet::Type, {u"policy"_s}}});
    QCOMPARE(result.hits.size(), 1);
    QCOMPARE(result.hits.first().snippet, u"Study leave for every trainee."_s);
}

void tst_Search::phrasesAndPrefixesWhileTyping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    const QString pathway = u"Cardiology training pathway"_s;
    const QString news = u"North West news"_s;
    QTest::newRow("prefix of the last word") << u"cardio"_s << QStringList{pathway, news};
    QTest::newRow("prefix, longer") << u"cardiolog"_s << QStringList{pathway, news};
    QTest::newRow("prefix of a learning outcome") << u"electro"_s << QStringList{u"Cardiac physiology curriculum"_s};
    QTest::newRow("one letter") << u"z"_s << QStringList{u"Café rounds with Zoë"_s};
    QTest::newRow("earlier words are whole") << u"cardio trainees"_s << QStringList{};
    QTest::newRow("word finished with a space") << u"cardio "_s << QStringList{};
    QTest::newRow("prefix with a whole word") << u"trainees cardio"_s << QStringList{news};
    QTest::newRow("phrase") << u"\"local office\""_s << QStringList{news};
    QTest::newRow("phrase in the wrong order") << u"\"office local\""_s << QStringList{};
    QTest::newRow("phrase across punctuation") << u"\"leave supports\""_s << QStringList{u"Study leave policy"_s};
    QTest::newRow("phrase and a word") << u"\"study leave\" curriculum "_s << QStringList{u"Study leave policy"_s};
    QTest::newRow("phrase of unknown words") << u"\"purple elephant\""_s << QStringList{};
    QTest::newRow("unclosed phrase being typed") << u"\"local off"_s << QStringList{news};
    QTest::newRow("one-word phrase is a word") << u"\"cardiology\""_s << QStringList{pathway, news};
    // Positions: a phrase runs on within a column (the body's paragraphs are one column, as
    // in FTS5) but never from one column into the next.
    QTest::newRow("phrase from the title into the summary") << u"\"policy study\""_s << QStringList{};
    QTest::newRow("phrase across the body's paragraphs") << u"\"budgets study leave\""_s
                                                          << QStringList{u"Study leave policy"_s};
    QTest::newRow("three words, each pair elsewhere") << u"\"days study leave\""_s << QStringList{};
    QTest::newRow("three words in a row") << u"\"study days study budgets\""_s << QStringList{u"Study leave policy"_s};
    QTest::newRow("phrase of a repeated word") << u"\"study study\""_s << QStringList{};
    QTest::newRow("phrase being typed, three words") << u"\"the local of"_s << QStringList{news};
    QTest::newRow("phrase being typed, prefix elsewhere only") << u"\"local ope"_s << QStringList{};
    QTest::newRow("two phrases") << u"\"local office\" \"cardiology trainees\""_s << QStringList{news};
    QTest::newRow("two phrases, one absent") << u"\"local office\" \"cardiology pathway\""_s << QStringList{};
}

void tst_Search::phrasesAndPrefixesWhileTyping()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(sorted(titles(search(text))), sorted(expected));
}

void tst_Search::hostileInputIsNeverAnError_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("quote") << u"\""_s;
    QTest::newRow("quotes") << u"\"\"\"\"\""_s;
    QTest::newRow("star") << u"*"_s;
    QTest::newRow("prefix star") << u"cardio*"_s;
    QTest::newRow("NEAR") << u"NEAR("_s;
    QTest::newRow("NEAR group") << u"NEAR(cardiology training, 2)"_s;
    QTest::newRow("minus") << u"-"_s;
    QTest::newRow("negation") << u"-cardiology"_s;
    QTest::newRow("colon") << u":"_s;
    QTest::newRow("column filter") << u"title:cardiology"_s;
    QTest::newRow("column set") << u"{title summary}: study"_s;
    QTest::newRow("unbalanced quote") << u"\"cardiology training"_s;
    QTest::newRow("quote inside a word") << u"card\"iology"_s;
    QTest::newRow("boolean operators") << u"AND OR NOT"_s;
    QTest::newRow("parentheses") << u"((( )))"_s;
    QTest::newRow("caret and plus") << u"^study + leave"_s;
    QTest::newRow("apostrophes") << u"'; DROP TABLE search_item; --"_s;
    QTest::newRow("backslashes") << u"\\\\\\"_s;
    QTest::newRow("only spaces") << u"   "_s;
    QTest::newRow("control characters") << QString(u"\u0001\u0000\u001f"_s);
    QTest::newRow("lone surrogate") << QString(QString(QChar(char16_t(0xd800))) + u"study"_s);
    QTest::newRow("emoji") << u"🩺 study"_s;
    QTest::newRow("right-to-left") << u"\u202Estudy"_s;
    QString longQuery;
    for (int i = 0; i < 10000; ++i)
        longQuery.append(QChar(u"a\"*( -:)b "[i % 10]));
    QTest::newRow("10,000 characters of syntax") << longQuery;
    QTest::newRow("10,000 characters of one word") << QString(10000, u'x');
    QString manyWords;
    for (int i = 0; i < 2000; ++i)
        manyWords.append(u"study "_s);
    QTest::newRow("2,000 words") << manyWords;
    QTest::newRow("10,000 characters in a phrase") << QString(u"\""_s + QString(9998, u'y') + u"\""_s);
}

void tst_Search::hostileInputIsNeverAnError()
{
    QFETCH(QString, text);
    SearchQuery query;
    query.text = text;
    const auto result = m_index->search(query);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QVERIFY(result->total >= 0 && result->total <= 7);
    QCOMPARE(result->hits.size(), result->total);
}

void tst_Search::emptyQueryListsEverythingByTitle()
{
    const SearchResult result = search(QString());
    QCOMPARE(result.total, 7);
    const QStringList expected{u"Adult nursing degree"_s,        u"Café rounds with Zoë"_s,
                               u"Cardiac physiology curriculum"_s, u"Cardiology training pathway"_s,
                               u"Midwifery return to practice"_s,  u"North West news"_s,
                               u"Study leave policy"_s};
    QCOMPARE(titles(result), expected);
    // Words-free text is the same as none.
    QCOMPARE(titles(search(u" -*: "_s)), expected);
}

void tst_Search::pagesAreSlicesOfOneOrder()
{
    const QStringList all = titles(search(QString()));
    QStringList paged;
    for (int offset = 0; offset < 9; offset += 3) {
        const SearchResult page = search(QString(), {}, 3, offset);
        QCOMPARE(page.total, 7);
        paged += titles(page);
    }
    QCOMPARE(paged, all);
    QCOMPARE(search(QString(), {}, 0).hits.size(), 0);
    QCOMPARE(search(QString(), {}, 0).total, 7);
    QCOMPARE(search(QString(), {}, -5, -5).hits.size(), 0);

    const QStringList ranked = titles(search(u"study"_s));
    QCOMPARE(titles(search(u"study"_s, {}, 2, 0)) + titles(search(u"study"_s, {}, 2, 2)), ranked);
}

void tst_Search::facetCountsAreExact()
{
    const SearchResult result = search(QString());
    QCOMPARE(counts(result, Facet::Type), u"curriculum=1 news=1 page=2 pathway=1 policy=1 resource=1"_s);
    QCOMPARE(counts(result, Facet::State), u"approved=1 archived=1 draft=1 in_review=1 published=3"_s);
    QCOMPARE(counts(result, Facet::Profession), u"healthcare-science=1 medicine=2 midwifery=1 nursing=1"_s);
    QCOMPARE(counts(result, Facet::Specialty), u"cardiology=2"_s);
    QCOMPARE(counts(result, Facet::CareerStage), u"higher-specialty-training=1 pre-registration=1 scientist-training-programme=1"_s);
    QCOMPARE(counts(result, Facet::Region), u"london=2 midlands=2 national=3 north-west=1"_s);

    // Most first, then by value.
    const QList<FacetCount> &regions = result.facets.at(Facet::Region);
    QCOMPARE(regions.first().value, u"national"_s);
    QCOMPARE(regions.at(1).value, u"london"_s);

    // With text: only the matching items count.
    const SearchResult cardiology = search(u"cardiology "_s);
    QCOMPARE(counts(cardiology, Facet::Region), u"london=1 north-west=1"_s);
    QCOMPARE(counts(cardiology, Facet::Profession), u"medicine=2"_s);
    QCOMPARE(counts(cardiology, Facet::Type), u"news=1 pathway=1"_s);
}

void tst_Search::facetCountsAreDisjunctive()
{
    const SearchResult unfiltered = search(QString());
    const SearchResult london = search(QString(), {{Facet::Region, {u"london"_s}}});
    QCOMPARE(london.total, 2);
    QCOMPARE(sorted(titles(london)), sorted({u"Cardiology training pathway"_s, u"Midwifery return to practice"_s}));
    // The region facet's own counts ignore the region filter: other regions stay choosable.
    QCOMPARE(counts(london, Facet::Region), counts(unfiltered, Facet::Region));
    // Every other facet counts only London's items.
    QCOMPARE(counts(london, Facet::Profession), u"medicine=1 midwifery=1"_s);
    QCOMPARE(counts(london, Facet::State), u"in_review=1 published=1"_s);

    // Two facets filtered: each facet's counts use the other's filter only.
    const SearchResult both = search(QString(), {{Facet::Region, {u"london"_s}}, {Facet::State, {u"published"_s}}});
    QCOMPARE(titles(both), QStringList{u"Cardiology training pathway"_s});
    QCOMPARE(counts(both, Facet::Region), u"london=1 national=1 north-west=1"_s); // published items by region
    QCOMPARE(counts(both, Facet::State), u"in_review=1 published=1"_s);            // London items by state
    QCOMPARE(counts(both, Facet::Type), u"pathway=1"_s);

    // A selected value with nothing in it is still listed, with zero.
    const SearchResult empty = search(u"bursaries "_s, {{Facet::Region, {u"north-west"_s, u"atlantis"_s}}});
    QCOMPARE(empty.total, 0);
    QStringList listed;
    for (const FacetCount &c : empty.facets.at(Facet::Region))
        listed.append(u"%1=%2"_s.arg(c.value).arg(c.count));
    QCOMPARE(sorted(listed), sorted({u"london=1"_s, u"midlands=1"_s, u"north-west=0"_s, u"atlantis=0"_s}));
}

void tst_Search::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("filters"); // facet=value,value;facet=value
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one value") << QString() << u"type=page"_s
                               << QStringList{u"Café rounds with Zoë"_s, u"Midwifery return to practice"_s};
    QTest::newRow("values of a facet are alternatives")
        << QString() << u"region=london,north-west"_s
        << QStringList{u"Cardiology training pathway"_s, u"Midwifery return to practice"_s, u"North West news"_s};
    QTest::newRow("facets combine") << QString() << u"region=london,midlands;state=published,approved"_s
                                    << QStringList{u"Cardiology training pathway"_s, u"Cardiac physiology curriculum"_s};
    QTest::newRow("national is no region")
        << QString() << u"region=national"_s
        << QStringList{u"Adult nursing degree"_s, u"Study leave policy"_s, u"Café rounds with Zoë"_s};
    QTest::newRow("national or a region") << QString() << u"region=national,north-west;profession=nursing,medicine"_s
                                          << QStringList{u"Adult nursing degree"_s, u"North West news"_s};
    QTest::newRow("specialty and career stage") << QString() << u"specialty=cardiology;career_stage=higher-specialty-training"_s
                                                << QStringList{u"Cardiology training pathway"_s};
    QTest::newRow("with text") << u"study"_s << u"region=london,north-west"_s
                               << QStringList{u"Midwifery return to practice"_s, u"North West news"_s};
    QTest::newRow("unknown value matches nothing") << QString() << u"profession=astronaut"_s << QStringList{};
    QTest::newRow("empty list is no filter")
        << u"cardiology "_s << u"region="_s << QStringList{u"Cardiology training pathway"_s, u"North West news"_s};
}

void tst_Search::filters()
{
    QFETCH(QString, text);
    QFETCH(QString, filters);
    QFETCH(QStringList, expected);
    std::map<Facet, QStringList> parsed;
    for (const QString &part : filters.split(u';', Qt::SkipEmptyParts)) {
        const auto facet = facetFromString(part.section(u'=', 0, 0));
        QVERIFY(facet);
        parsed[*facet] = part.section(u'=', 1).split(u',', Qt::SkipEmptyParts);
    }
    const SearchResult result = search(text, parsed);
    QCOMPARE(sorted(titles(result)), sorted(expected));
    QCOMPARE(result.total, expected.size());
}

void tst_Search::reindexReplacesOldWords()
{
    Item changed = handMadeItems().at(1); // Adult nursing degree, draft, national
    changed.title = u"Children's nursing degree"_s;
    changed.summary = u"Routes into children's nursing."_s;
    changed.paragraphs = {markdown(u"Placements on paediatric wards."_s)};
    changed.attachments.clear();
    changed.state = WorkflowState::Published;
    changed.tags.regions = {u"midlands"_s};
    indexAll({changed});

    QCOMPARE(search(u"adult "_s).total, 0);
    QCOMPARE(search(u"acute "_s).total, 0);
    QCOMPARE(search(u"handbook "_s).total, 0);
    QCOMPARE(titles(search(u"paediatric "_s)), QStringList{u"Children's nursing degree"_s});
    QCOMPARE(titles(search(u"nursing "_s)), QStringList{u"Children's nursing degree"_s});
    QCOMPARE(search(u"\"acute wards\""_s).total, 0);
    QCOMPARE(titles(search(u"\"paediatric wards\""_s)), QStringList{u"Children's nursing degree"_s});

    const SearchResult all = search(QString());
    QCOMPARE(all.total, 7);
    QCOMPARE(countOf(all, Facet::State, u"published"_s), 4);
    QCOMPARE(countOf(all, Facet::State, u"draft"_s), 0);
    QCOMPARE(countOf(all, Facet::Region, u"midlands"_s), 3);
    QCOMPARE(countOf(all, Facet::Region, u"national"_s), 2);
}

void tst_Search::removeDeletes()
{
    QSqlDatabase db = database();
    QVERIFY(db.transaction());
    QVERIFY(m_index->remove(uuid(6)).ok());
    QVERIFY(m_index->remove(uuid(999)).ok()); // never indexed: nothing to do
    QVERIFY(db.commit());

    QCOMPARE(titles(search(u"cardiology "_s)), QStringList{u"Cardiology training pathway"_s});
    QCOMPARE(search(u"\"local office\""_s).total, 0);
    const SearchResult all = search(QString());
    QCOMPARE(all.total, 6);
    QCOMPARE(countOf(all, Facet::Region, u"north-west"_s), 0);
    QCOMPARE(countOf(all, Facet::Specialty, u"cardiology"_s), 1);

    // Removed for good: a fresh load agrees.
    SearchIndex fresh(kConnection);
    QVERIFY(fresh.load().ok());
    SearchQuery query;
    query.text = u"weekdays"_s;
    QCOMPARE(fresh.search(query)->total, 0);
}

void tst_Search::rolledBackTransactionIsNotSeen()
{
    QSqlDatabase db = database();
    QVERIFY(db.transaction());
    Item extra = makeItem({8, ItemType::News, u"Orthodontics open day"_s, u"Meet the team."_s, WorkflowState::Draft,
                           {}, {}, {}, {u"london"_s}});
    QVERIFY(m_index->index(extra).ok());
    Item changed = handMadeItems().at(0);
    changed.title = u"Renamed pathway"_s;
    QVERIFY(m_index->index(changed).ok());
    QVERIFY(m_index->remove(uuid(4)).ok());
    QCOMPARE(search(u"orthodontics"_s).total, 1); // inside the transaction it is there
    QVERIFY(db.rollback());

    QCOMPARE(search(u"orthodontics"_s).total, 0);
    QCOMPARE(search(u"renamed "_s).total, 0);
    QCOMPARE(search(u"study leave "_s).total, 1);
    QCOMPARE(search(QString()).total, 7);
    QCOMPARE(countOf(search(QString()), Facet::Region, u"london"_s), 2);

    // And the next write after a rollback starts from the stored state.
    indexAll({extra});
    QCOMPARE(search(QString()).total, 8);
    QCOMPARE(search(u"renamed "_s).total, 0);
}

void tst_Search::anotherIndexOnTheSameFileSeesChanges()
{
    SearchIndex other(kConnection);
    QVERIFY(other.load().ok());
    Item extra = makeItem({9, ItemType::Bulletin, u"Radiology bulletin"_s, u"Monthly news."_s, WorkflowState::Published,
                           {}, {}, {}, {}});
    indexAll({extra});
    SearchQuery query;
    query.text = u"radiology"_s;
    QCOMPARE(other.search(query)->total, 1);
}

void tst_Search::manyReindexesCompact()
{
    // Each re-index leaves a dead document behind in memory until compaction.
    Item item = handMadeItems().at(2);
    QSqlDatabase db = database();
    QVERIFY(db.transaction());
    for (int i = 0; i < 3000; ++i) {
        item.summary = u"Revision %1 of the page."_s.arg(i);
        QVERIFY(m_index->index(item).ok());
    }
    QVERIFY(db.commit());
    QCOMPARE(search(u"revision "_s).total, 1);
    QCOMPARE(search(u"2999 "_s).total, 1);
    QCOMPARE(search(u"1500 "_s).total, 0);
    QCOMPARE(search(QString()).total, 7);
    QCOMPARE(countOf(search(QString()), Facet::Profession, u"midwifery"_s), 1);
    QCOMPARE(titles(search(u"bursaries "_s)), QStringList{u"Midwifery return to practice"_s});
    // Word positions moved with the postings when the dead were dropped.
    QCOMPARE(search(u"\"revision 2999 of the page\""_s).total, 1);
    QCOMPARE(search(u"\"revision 1500 of\""_s).total, 0);
    QCOMPARE(titles(search(u"\"local office\""_s)), QStringList{u"North West news"_s});
    QCOMPARE(titles(search(u"\"informal teaching over coffee\""_s)), QStringList{u"Café rounds with Zoë"_s});
}

void tst_Search::survivesReopening()
{
    const QStringList before = titles(search(u"study"_s));
    const QString beforeRegions = counts(search(QString()), Facet::Region);
    m_index.reset();
    m_index = std::make_unique<SearchIndex>(kConnection);
    QVERIFY(m_index->createSchema().ok());
    QVERIFY(m_index->load().ok());
    QCOMPARE(titles(search(u"study"_s)), before);
    QCOMPARE(counts(search(QString()), Facet::Region), beforeRegions);
    QCOMPARE(titles(search(u"\"study days study budgets\""_s)), QStringList{u"Study leave policy"_s});
    QCOMPARE(search(u"\"days study leave\""_s).total, 0);
}

void tst_Search::damagedOrForeignIndexIsRebuilt()
{
    QSqlQuery query(database());
    QVERIFY(query.exec(u"UPDATE search_item SET data = x'ff' WHERE rowid = 1"_s));
    SearchIndex damaged(kConnection);
    const auto loaded = damaged.load();
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.errorString().contains(u"damaged"_s), qPrintable(loaded.errorString()));
    // Searching an index that cannot load is an error too, never a wrong answer.
    QVERIFY(!damaged.search(SearchQuery{}).ok());
    // Rows that decode but say what cannot be: a term id beyond the dictionary (60,000),
    // positions that do not rise (3, then 3 again).
    for (const QString &blob : {u"010161010 0e0d403010100"_s, u"0101610100000202 0300"_s}) {
        QVERIFY(query.exec(u"UPDATE search_item SET data = x'%1' WHERE rowid = 1"_s.arg(QString(blob).remove(u' '))));
        const auto refused = damaged.load();
        QVERIFY2(!refused.ok() && refused.errorString().contains(u"row 1 is damaged"_s), qPrintable(blob));
    }

    QVERIFY(query.exec(u"UPDATE search_meta SET value = 99 WHERE key = 'format'"_s));
    const auto foreign = damaged.load();
    QVERIFY(!foreign.ok());
    QVERIFY2(foreign.errorString().contains(u"format 99"_s), qPrintable(foreign.errorString()));

    QVERIFY(damaged.clear().ok());
    QVERIFY(damaged.load().ok());
    QCOMPARE(damaged.search(SearchQuery{})->total, 0);
    m_index = std::make_unique<SearchIndex>(kConnection);
    indexAll(handMadeItems());
    QCOMPARE(search(QString()).total, 7);
    QCOMPARE(titles(search(u"bursaries"_s)), QStringList{u"Midwifery return to practice"_s});
}

void tst_Search::snapshotOfThisGenerationIsWhatLoadReads()
{
    const QStringList before = titles(search(u"study"_s));
    const QString regions = counts(search(QString()), Facet::Region);
    QVERIFY(!before.isEmpty());
    auto saved = m_index->saveSnapshot();
    QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
    QSqlQuery query(database());
    QVERIFY(query.exec(u"SELECT (SELECT generation FROM search_snapshot WHERE id = 1), "
                       "(SELECT value FROM search_meta WHERE key = 'generation')"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), query.value(1).toLongLong());

    // With the table's rows spoilt behind the index's back (the generation unchanged), a
    // load still finds everything: it read the snapshot, not the rows.
    QVERIFY(query.exec(u"UPDATE search_item SET data = x'ff'"_s));
    SearchIndex fromSnapshot(kConnection);
    auto loaded = fromSnapshot.load();
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    SearchQuery study;
    study.text = u"study"_s;
    QCOMPARE(titles(fromSnapshot.search(study).value()), before);
    SearchQuery phrase;
    phrase.text = u"\"local office is open\""_s;
    QCOMPARE(titles(fromSnapshot.search(phrase).value()), QStringList{u"North West news"_s});
    QCOMPARE(counts(fromSnapshot.search(SearchQuery{}).value(), Facet::Region), regions);

    // A snapshot of another generation is not used: the rows are read (and found damaged).
    QVERIFY(query.exec(u"UPDATE search_snapshot SET generation = generation - 1"_s));
    SearchIndex stale(kConnection);
    const auto refused = stale.load();
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorString().contains(u"damaged"_s), qPrintable(refused.errorString()));

    // clear() drops the snapshot with the index; an empty index has a snapshot too.
    QVERIFY(m_index->clear().ok());
    QVERIFY(!query.exec(u"SELECT count(*) FROM search_snapshot"_s));
    QVERIFY(m_index->load().ok());
    saved = m_index->saveSnapshot();
    QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
    SearchIndex empty(kConnection);
    QVERIFY(empty.load().ok());
    QCOMPARE(empty.search(SearchQuery{})->total, 0);
}

void tst_Search::damagedSnapshotIsPassedOver()
{
    const QStringList before = titles(search(u"study"_s));
    QVERIFY(m_index->saveSnapshot().ok());
    QSqlQuery query(database());
    // Cut short in the middle of a row: the rows are read instead.
    QVERIFY(query.exec(u"UPDATE search_snapshot SET data = substr(data, 1, length(data) - 3)"_s));
    SearchIndex reopened(kConnection);
    auto loaded = reopened.load();
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    SearchQuery study;
    study.text = u"study"_s;
    QCOMPARE(titles(reopened.search(study).value()), before);
    QCOMPARE(reopened.search(SearchQuery{})->total, 7);
    // A rowid beyond the table's (a flipped byte) is refused before it sizes anything.
    QVERIFY(m_index->saveSnapshot().ok());
    QVERIFY(query.exec(u"UPDATE search_snapshot SET data = substr(data, 1, 12) || x'ffffffffffffff3f' || substr(data, 21)"_s));
    SearchIndex hugeRowid(kConnection);
    loaded = hugeRowid.load();
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    QCOMPARE(hugeRowid.search(SearchQuery{})->total, 7);
    // A change makes the snapshot stale; saving brings it level again.
    Item extra = makeItem({9, ItemType::Bulletin, u"Radiology bulletin"_s, u"Monthly news."_s, WorkflowState::Published,
                           {}, {}, {}, {}});
    indexAll({extra});
    QVERIFY(m_index->saveSnapshot().ok());
    QVERIFY(query.exec(u"UPDATE search_item SET data = x'ff'"_s));
    SearchIndex again(kConnection);
    QVERIFY(again.load().ok());
    SearchQuery radiology;
    radiology.text = u"radiology"_s;
    QCOMPARE(again.search(radiology)->total, 1);
}

void tst_Search::demoContentTotalsMatchIndependentCounts()
{
    carta::demo::MemorySink sink;
    const carta::demo::DemoStats stats = carta::demo::generate(carta::demo::DemoOptions{1, 1}, sink);
    QVERIFY2(stats.ok(), qPrintable(stats.error));
    QVERIFY(sink.items.size() > 10000);

    // A fresh file for the demo content alone.
    {
        QSqlDatabase db = database();
        QVERIFY(db.transaction());
        for (const Item &item : handMadeItems())
            QVERIFY(m_index->remove(item.id).ok());
        QVERIFY(db.commit());
    }
    QList<Item> items;
    items.reserve(sink.items.size());
    for (const auto &generated : std::as_const(sink.items))
        items.append(generated.item);
    indexAll(items);

    // Counts computed from the items themselves.
    std::map<Facet, std::map<QString, qint64>> expected;
    qint64 londonResources = 0;
    qint64 publishedNursingNationalOrNorthWest = 0;
    std::map<QString, qint64> regionsOfPublished;
    for (const Item &item : std::as_const(items)) {
        expected[Facet::Type][toString(item.type())]++;
        expected[Facet::State][toString(item.state)]++;
        for (const QString &v : item.tags.professions)
            expected[Facet::Profession][v]++;
        for (const QString &v : item.tags.specialties)
            expected[Facet::Specialty][v]++;
        for (const QString &v : item.tags.careerStages)
            expected[Facet::CareerStage][v]++;
        const QStringList regions = item.tags.regions.isEmpty() ? QStringList{u"national"_s} : item.tags.regions;
        for (const QString &v : regions)
            expected[Facet::Region][v]++;
        if (item.type() == ItemType::Resource && item.tags.regions.contains(u"london"_s))
            ++londonResources;
        const bool published = item.state == WorkflowState::Published;
        if (published && item.tags.professions.contains(u"nursing"_s)
            && (regions.contains(u"national"_s) || regions.contains(u"north-west"_s)))
            ++publishedNursingNationalOrNorthWest;
        if (published && item.tags.professions.contains(u"nursing"_s)) {
            for (const QString &v : regions)
                regionsOfPublished[v]++;
        }
    }

    const SearchResult all = search(QString(), {}, 20);
    QCOMPARE(all.total, items.size());
    QCOMPARE(all.hits.size(), 20);
    for (Facet facet : allFacets())
        QCOMPARE(counts(all, facet), format(expected[facet]));

    QCOMPARE(search(QString(), {{Facet::Type, {u"resource"_s}}, {Facet::Region, {u"london"_s}}}).total, londonResources);
    const SearchResult combined = search(QString(), {{Facet::State, {u"published"_s}},
                                                     {Facet::Profession, {u"nursing"_s}},
                                                     {Facet::Region, {u"national"_s, u"north-west"_s}}});
    QCOMPARE(combined.total, publishedNursingNationalOrNorthWest);
    QCOMPARE(counts(combined, Facet::Region), format(regionsOfPublished)); // disjunctive: every region of those items

    // A word: at least every item with it in the title or summary, at most every item
    // whose stored bytes mention it.
    const QRegularExpression word(u"\\bcardiology\\b"_s, QRegularExpression::CaseInsensitiveOption);
    qint64 atLeast = 0;
    qint64 atMost = 0;
    for (const auto &generated : std::as_const(sink.items)) {
        if (word.match(generated.item.title).hasMatch() || word.match(generated.item.summary).hasMatch())
            ++atLeast;
        if (QString::fromUtf8(generated.bytes).contains(u"cardiology"_s, Qt::CaseInsensitive))
            ++atMost;
    }
    const SearchResult cardiology = search(u"cardiology "_s, {}, 50);
    QVERIFY2(cardiology.total >= atLeast && cardiology.total <= atMost,
             qPrintable(u"%1 not in [%2, %3]"_s.arg(cardiology.total).arg(atLeast).arg(atMost)));
    QVERIFY(atLeast > 0);
    for (const SearchHit &hit : cardiology.hits)
        QVERIFY2(hit.snippet.contains(u"[Cardiology]"_s, Qt::CaseInsensitive), qPrintable(hit.snippet));
    for (qsizetype i = 1; i < cardiology.hits.size(); ++i)
        QVERIFY(cardiology.hits[i - 1].score >= cardiology.hits[i].score);

    // Phrases, matched on the word positions in memory, find exactly the items FTS5's own
    // phrase query finds over the same text: runs of two to four words taken from items'
    // text (found), the same words with one left out (mostly not found), and the last
    // word cut short as while typing.
    QSqlQuery fts(database());
    fts.setForwardOnly(true);
    QVERIFY(fts.prepare(u"SELECT i.id FROM search_fts AS f JOIN search_item AS i ON i.rowid = f.rowid "
                        "WHERE search_fts MATCH ?"_s));
    const QRegularExpression wordPattern(u"[A-Za-z0-9]+"_s);
    int phrasesChecked = 0;
    int phrasesFound = 0;
    for (qsizetype n = 0; n < items.size(); n += 401) {
        const Item &item = items[n];
        QStringList words;
        for (auto it = wordPattern.globalMatch(item.summary); it.hasNext();)
            words.append(it.next().captured().toLower());
        if (words.size() < 5)
            continue;
        const qsizetype from = (n / 401) % (words.size() - 4);
        const qsizetype length = 2 + (n / 401) % 3;
        QStringList run = words.mid(from, length);
        QStringList skipping = words.mid(from, length + 1);
        skipping.removeAt(1);
        QStringList typing = run;
        typing.last().truncate(std::max<qsizetype>(1, typing.last().size() - 2));
        const QString quoted = u"\""_s + run.join(u' ') + u"\""_s;
        const QString quotedSkipping = u"\""_s + skipping.join(u' ') + u"\""_s;
        const QString typed = u"\""_s + typing.join(u' ');
        const std::array<std::pair<QString, QString>, 3> queries{
            {{quoted, quoted}, {quotedSkipping, quotedSkipping}, {typed, typed + u"\"*"_s}}};
        for (const auto &[query, ftsQuery] : queries) {
            QStringList expectedIds;
            fts.bindValue(0, ftsQuery);
            QVERIFY2(fts.exec(), qPrintable(fts.lastError().text()));
            while (fts.next())
                expectedIds.append(fts.value(0).toString());
            const SearchResult found = search(query, {}, 500);
            QStringList foundIds;
            for (const SearchHit &hit : found.hits)
                foundIds.append(hit.id.toString(QUuid::WithoutBraces));
            QVERIFY2(found.total == expectedIds.size(),
                     qPrintable(u"%1: %2 found, FTS5 finds %3"_s.arg(query).arg(found.total).arg(expectedIds.size())));
            if (expectedIds.size() <= 500) // every hit fits on the page: the same items
                QCOMPARE(sorted(foundIds), sorted(expectedIds));
            ++phrasesChecked;
            phrasesFound += expectedIds.isEmpty() ? 0 : 1;
        }
    }
    QVERIFY2(phrasesChecked > 60 && phrasesFound > phrasesChecked / 3 && phrasesFound < phrasesChecked,
             qPrintable(u"%1 phrases checked, %2 found"_s.arg(phrasesChecked).arg(phrasesFound)));
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"
