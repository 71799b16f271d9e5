// The whole public site from live items: every kind of page, listings, feeds, sitemaps and
// the search index; incremental updates that give exactly the files a build from scratch
// gives; an unpublished item gone from every file; escaping; well-formed XML (xmllint).
#include "../model/testitems.h"

#include "site/site.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>

using namespace carta;
using namespace carta::model;
using namespace carta::model::testing;
using namespace carta::site;
using namespace Qt::StringLiterals;

namespace {

const QUuid kLondon = uuid(10);
const QUuid kNorthWest = uuid(11);
const QUuid kMedicine = uuid(12);
const QUuid kFoundation = uuid(13);
const QUuid kCoreTraining = uuid(14);
const QUuid kCardiology = uuid(15);
const QUuid kHome = uuid(20);
const QUuid kHub = uuid(21);
const QUuid kLanding = uuid(22);
const QUuid kNewsOctober = uuid(30);
const QUuid kNewsNovember = uuid(31);
const QUuid kUpdateSeptember = uuid(32);
const QUuid kNewsNorthWest = uuid(33);
const QUuid kFunding = uuid(40);
const QUuid kGuidance = uuid(41);

const QString kSiteUrl = u"https://learning.example.nhs.uk/site"_s;

Item term(const QUuid &id, Vocabulary vocabulary, const QString &slug, const QString &title, int order = 0)
{
    Item item = Item::create(ItemType::Term, id);
    item.title = title;
    item.slug = slug;
    item.summary = title + u" in NHS training."_s;
    item.state = WorkflowState::Published;
    auto &f = item.as<TermFields>();
    f.vocabulary = vocabulary;
    f.order = order;
    return item;
}

Item news(const QUuid &id, const QString &title, const QString &slug, const QDate &date, const QString &region,
          NewsKind kind = NewsKind::News)
{
    Item item = Item::create(ItemType::News, id);
    item.title = title;
    item.slug = slug;
    item.summary = u"About "_s + title + u'.';
    item.tags.regions = {region};
    item.as<NewsFields>().date = date;
    item.as<NewsFields>().kind = kind;
    item.paragraphs = {textParagraph(u"n1"_s, u"The details of "_s + title + u'.')};
    return item;
}

Paragraph reference(const QString &id, ParagraphKind kind, const QUuid &target)
{
    Paragraph p;
    p.id = id;
    p.kind = kind;
    p.target = target;
    return p;
}

Item page(const QUuid &id, PageKind kind, const QString &title, const QString &slug)
{
    Item item = Item::create(ItemType::Page, id);
    item.title = title;
    item.slug = slug;
    item.summary = u"The "_s + title + u" page."_s;
    item.as<PageFields>().kind = kind;
    return item;
}

// A small live site with one or more items of every type and every kind of page.
QHash<QUuid, Item> content()
{
    QHash<QUuid, Item> items;
    const auto add = [&items](const Item &item) { items.insert(item.id, item); };
    add(term(kLondon, Vocabulary::Region, u"london"_s, u"London"_s));
    add(term(kNorthWest, Vocabulary::Region, u"north-west"_s, u"North West"_s));
    add(term(kMedicine, Vocabulary::Profession, u"medicine"_s, u"Medicine"_s));
    Item foundation = term(kFoundation, Vocabulary::CareerStage, u"foundation-year-1"_s, u"Foundation year 1"_s, 1);
    foundation.as<TermFields>().portal = kOriel;
    add(foundation);
    add(term(kCoreTraining, Vocabulary::CareerStage, u"core-training"_s, u"Core training"_s, 2));
    add(term(kCardiology, Vocabulary::Specialty, u"cardiology"_s, u"Cardiology"_s));

    Item oriel = simple(ItemType::Portal, kOriel);
    oriel.title = u"Oriel"_s;
    oriel.slug = u"oriel"_s;
    add(oriel);
    Item policy = simple(ItemType::Policy, kPolicy);
    policy.title = u"Study leave policy"_s;
    policy.slug = u"study-leave"_s;
    policy.paragraphs = {textParagraph(u"sp1"_s, u"Trainees may take **30 days** of study leave a year."_s)};
    add(policy);
    add(curriculum());
    add(pathway());
    Item resource = simple(ItemType::Resource, kResource);
    resource.title = u"Gold Guide"_s;
    resource.slug = u"gold-guide"_s;
    resource.tags.regions = {u"london"_s};
    add(resource);

    Item home = page(kHome, PageKind::Home, u"Training and careers in the NHS"_s, u"home"_s);
    home.paragraphs = {textParagraph(u"h1"_s, u"Start here."_s), reference(u"h2"_s, ParagraphKind::PathwayRef, kPathway)};
    add(home);
    Item hub = page(kHub, PageKind::RegionalHub, u"London hub"_s, u"london"_s);
    hub.tags.regions = {u"london"_s};
    hub.paragraphs = {textParagraph(u"l1"_s, u"Welcome to London."_s), reference(u"l2"_s, ParagraphKind::PolicyRef, kPolicy)};
    add(hub);
    Item landing = page(kLanding, PageKind::ProfessionLanding, u"Careers in medicine"_s, u"medicine"_s);
    landing.tags.professions = {u"medicine"_s};
    landing.paragraphs = {reference(u"m1"_s, ParagraphKind::PolicyRef, kPolicy)};
    add(landing);
    add(page(kGuidance, PageKind::Landing, u"Guidance for educators"_s, u"guidance-for-educators"_s));

    add(news(kNewsOctober, u"October recruitment opens"_s, u"october-recruitment"_s, QDate(2026, 10, 1), u"london"_s));
    add(news(kNewsNovember, u"November teaching day"_s, u"november-teaching-day"_s, QDate(2026, 11, 15), u"london"_s));
    add(news(kUpdateSeptember, u"September rotations"_s, u"september-rotations"_s, QDate(2026, 9, 1), u"london"_s,
             NewsKind::TrainingOfficeUpdate));
    add(news(kNewsNorthWest, u"Manchester open day"_s, u"manchester-open-day"_s, QDate(2026, 8, 20), u"north-west"_s));
    // In another sitemap and search shard than the rest (their ids start with 0).
    add(news(QUuid(u"f0000000-0000-4000-8000-000000000001"_s), u"Rota swaps"_s, u"rota-swaps"_s, QDate(2026, 7, 1),
             u"london"_s));
    Item funding = simple(ItemType::FundingGuide, kFunding);
    funding.title = u"Study budget"_s;
    funding.slug = u"study-budget"_s;
    funding.tags.regions = {u"london"_s};
    add(funding);
    Item bulletin = simple(ItemType::Bulletin, uuid(50));
    bulletin.title = u"Foundation bulletin"_s;
    bulletin.slug = u"foundation-bulletin"_s;
    add(bulletin);
    return items;
}

SiteOptions options()
{
    return SiteOptions{u"/site"_s, kSiteUrl};
}

// A builder and the site's files as its deltas left them.
class Site
{
public:
    explicit Site(const QHash<QUuid, Item> &items)
        : m_items(items), m_builder(options(), [this](const QUuid &id) -> std::optional<Item> {
              const auto it = m_items.constFind(id);
              return it == m_items.cend() ? std::nullopt : std::optional<Item>(*it);
          })
    {
        QList<LiveChange> all;
        for (const Item &item : std::as_const(m_items))
            all.append(LiveChange{item.id, true, item});
        m_last = m_builder.apply(all);
        take(m_last);
    }

    // Replaces the live items; changed ones are given to the builder.
    SiteDelta update(const QHash<QUuid, Item> &items)
    {
        QList<LiveChange> changes;
        for (const Item &item : items) {
            const auto old = m_items.constFind(item.id);
            if (old == m_items.cend() || !(*old == item))
                changes.append(LiveChange{item.id, true, item});
        }
        for (const Item &item : std::as_const(m_items)) {
            if (!items.contains(item.id))
                changes.append(LiveChange{item.id, false, std::nullopt});
        }
        m_items = items;
        m_last = m_builder.apply(changes);
        take(m_last);
        return m_last;
    }

    [[nodiscard]] const QHash<QString, QByteArray> &files() const { return m_files; }
    [[nodiscard]] QString file(const QString &path) const { return QString::fromUtf8(m_files.value(path)); }
    [[nodiscard]] const SiteBuilder &builder() const { return m_builder; }
    [[nodiscard]] const SiteDelta &last() const { return m_last; }

private:
    void take(const SiteDelta &delta)
    {
        for (const SiteFile &f : delta.written)
            m_files.insert(f.path, f.attachment.isEmpty() ? f.bytes : "attachment:" + f.attachment.toLatin1());
        for (const QString &path : delta.removed)
            m_files.remove(path);
    }

    QHash<QUuid, Item> m_items;
    SiteBuilder m_builder;
    QHash<QString, QByteArray> m_files;
    SiteDelta m_last;
};

// Titles in the order they appear in a page.
QStringList titlesInOrder(const QString &html, const QStringList &titles)
{
    QList<std::pair<qsizetype, QString>> found;
    for (const QString &t : titles) {
        const qsizetype at = html.indexOf(u'>' + t + u'<');
        if (at >= 0)
            found.append({at, t});
    }
    std::sort(found.begin(), found.end());
    QStringList out;
    for (const auto &[at, t] : found)
        out.append(t);
    return out;
}

QString xmllint()
{
    return QStandardPaths::findExecutable(u"xmllint"_s);
}

// Runs xmllint --noout over files; returns its complaints (empty when all are well-formed).
QString lint(const QStringList &paths)
{
    QProcess p;
    p.start(xmllint(), QStringList{u"--noout"_s} + paths);
    p.waitForFinished(60000);
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAllStandardError());
}

QSet<QString> locs(const QString &xml)
{
    QSet<QString> out;
    static const QRegularExpression loc(u"<loc>([^<]*)</loc>"_s);
    for (auto it = loc.globalMatch(xml); it.hasNext();)
        out.insert(it.next().captured(1));
    return out;
}

using Mutation = std::function<void(QHash<QUuid, Item> &)>;

const std::map<QString, Mutation> &mutations()
{
    static const std::map<QString, Mutation> table = {
        {u"policy text"_s, [](QHash<QUuid, Item> &c) { c[kPolicy].paragraphs[0].markdown = u"Trainees may take **25 days**."_s; }},
        {u"policy title"_s, [](QHash<QUuid, Item> &c) { c[kPolicy].title = u"Study leave and expenses"_s; }},
        {u"news title"_s, [](QHash<QUuid, Item> &c) { c[kNewsOctober].title = u"October recruitment is open now"_s; }},
        {u"news date"_s, [](QHash<QUuid, Item> &c) { c[kNewsOctober].as<NewsFields>().date = QDate(2026, 12, 1); }},
        {u"news moves region"_s, [](QHash<QUuid, Item> &c) { c[kNewsOctober].tags.regions = {u"north-west"_s}; }},
        {u"news slug"_s, [](QHash<QUuid, Item> &c) { c[kNewsOctober].slug = u"recruitment-2027"_s; }},
        {u"news unpublished"_s, [](QHash<QUuid, Item> &c) { c.remove(kNewsNovember); }},
        {u"news added"_s, [](QHash<QUuid, Item> &c) {
             const Item n = news(uuid(60), u"December results"_s, u"december-results"_s, QDate(2026, 12, 20), u"london"_s);
             c.insert(n.id, n);
         }},
        {u"slug collision"_s, [](QHash<QUuid, Item> &c) {
             const Item n = news(uuid(61), u"Another October story"_s, u"october-recruitment"_s, QDate(2026, 10, 2), u"london"_s);
             c.insert(n.id, n);
         }},
        {u"slug collision across shards"_s, [](QHash<QUuid, Item> &c) {
             // A newcomer takes the address of an item whose sitemap and search shard are
             // not its own: the displaced item's entries follow it there too.
             const Item n = news(QUuid(u"0a000000-0000-4000-8000-000000000001"_s), u"Rota swaps again"_s,
                                 u"rota-swaps"_s, QDate(2026, 7, 2), u"north-west"_s);
             c.insert(n.id, n);
         }},
        {u"slug collision across shards ends"_s, [](QHash<QUuid, Item> &c) {
             c.remove(QUuid(u"f0000000-0000-4000-8000-000000000001"_s));
         }},
        {u"slug collision resolved"_s, [](QHash<QUuid, Item> &c) {
             // The item that owned the address leaves; the one told apart takes it.
             const Item n = news(uuid(9), u"Earlier October story"_s, u"october-recruitment"_s, QDate(2026, 10, 2), u"london"_s);
             c.insert(n.id, n);
         }},
        {u"term renamed"_s, [](QHash<QUuid, Item> &c) { c[kLondon].title = u"Greater London"_s; }},
        {u"career stage portal removed"_s, [](QHash<QUuid, Item> &c) { c[kFoundation].as<TermFields>().portal = QUuid(); }},
        {u"portal renamed"_s, [](QHash<QUuid, Item> &c) { c[kOriel].title = u"Oriel recruitment"_s; }},
        {u"portal unpublished"_s, [](QHash<QUuid, Item> &c) { c.remove(kOriel); }},
        {u"hub unpublished"_s, [](QHash<QUuid, Item> &c) { c.remove(kHub); }},
        {u"home unpublished"_s, [](QHash<QUuid, Item> &c) { c.remove(kHome); }},
        {u"pathway stage moved"_s, [](QHash<QUuid, Item> &c) { c[kPathway].as<PathwayFields>().stages[2].careerStage = u"foundation-year-1"_s; }},
        {u"attachment removed"_s, [](QHash<QUuid, Item> &c) { c[kResource].attachments.clear(); }},
        {u"curriculum untagged"_s, [](QHash<QUuid, Item> &c) { c[kCurriculum].tags.professions.clear(); }},
        {u"term added"_s, [](QHash<QUuid, Item> &c) {
             const Item t = term(uuid(70), Vocabulary::Region, u"south-west"_s, u"South West"_s);
             c.insert(t.id, t);
         }},
        {u"everything unpublished"_s, [](QHash<QUuid, Item> &c) { c.clear(); }},
    };
    return table;
}

} // namespace

class tst_Site : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindOfPage();
    void pathsAndMeta();
    void incrementalEqualsFullBuild_data();
    void incrementalEqualsFullBuild();
    void changesInARow();
    void policyEditRendersOnlyWhatShowsIt();
    void unpublishedItemLeavesNoTrace();
    void hubNewsNewestFirst();
    void sitemapsAndFeedsAreWellFormedAndExact();
    void searchIndex();
    void frontDoorRoutesByCareerStage();
    void everythingEscaped();
    void slugCollision();
    void unreadableItemIsReported();
    void threadsDoNotChangeTheOutput();
};

void tst_Site::everyKindOfPage()
{
    const Site site(content());
    const SiteDelta &d = site.last();
    QVERIFY(d.full);
    QVERIFY(d.errors.isEmpty());
    QVERIFY(d.removed.isEmpty());
    const QStringList expected = {
        u"index.html"_s, u"404.html"_s, u"robots.txt"_s, u"sitemap.xml"_s, u"sitemaps/pages.xml"_s,
        u"search/index.html"_s, u"search/index.json"_s, u"search/shard-0.json"_s, u"search/shard-f.json"_s,
        u"curricula/index.html"_s, u"curricula/cardiology-curriculum/index.html"_s,
        u"pathways/index.html"_s, u"pathways/cardiology-pathway/index.html"_s,
        u"resources/gold-guide/index.html"_s, u"files/"_s + QString(64, u'a') + u"/guide.pdf"_s,
        u"news/index.html"_s, u"news/october-recruitment/index.html"_s,
        u"funding-guides/study-budget/index.html"_s, u"policies/study-leave/index.html"_s,
        u"portals/oriel/index.html"_s, u"bulletins/foundation-bulletin/index.html"_s,
        u"regions/index.html"_s, u"regions/london/index.html"_s, u"regions/london/news/index.html"_s,
        u"regions/london/funding/index.html"_s, u"professions/index.html"_s, u"professions/medicine/index.html"_s,
        u"pages/index.html"_s, u"pages/guidance-for-educators/index.html"_s,
        u"topics/index.html"_s, u"topics/career-stages/index.html"_s,
        u"topics/career-stages/foundation-year-1/index.html"_s, u"topics/regions/london/index.html"_s,
        u"topics/specialties/cardiology/index.html"_s, u"feeds/regions/london.xml"_s,
        u"feeds/regions/north-west.xml"_s, u"feeds/professions/medicine.xml"_s,
    };
    for (const QString &path : expected)
        QVERIFY2(site.files().contains(path), qPrintable(path));
    // The home page is the front door, not also a page of its own.
    QVERIFY(!site.files().contains(u"pages/home/index.html"_s));
    QCOMPARE(site.files().value(u"files/"_s + QString(64, u'a') + u"/guide.pdf"_s), "attachment:" + QByteArray(64, 'a'));
    // Every page is a whole document with the site's look.
    for (auto it = site.files().cbegin(); it != site.files().cend(); ++it) {
        if (!it.key().endsWith(u".html"_s))
            continue;
        const QString html = QString::fromUtf8(it.value());
        QVERIFY2(html.startsWith(u"<!DOCTYPE html>\n<html lang=\"en-GB\">"_s), qPrintable(it.key()));
        QVERIFY2(html.endsWith(u"</html>\n"_s), qPrintable(it.key()));
        QVERIFY2(html.contains(u"href=\"/site/assets/nhsuk-frontend/nhsuk-frontend.min.css\""_s), qPrintable(it.key()));
        QCOMPARE(html.count(u"<h1"_s), 1);
    }
}

void tst_Site::pathsAndMeta()
{
    const Site site(content());
    const QString curriculum = site.file(u"curricula/cardiology-curriculum/index.html"_s);
    for (const QString &expected :
         {u"<link rel=\"canonical\" href=\"https://learning.example.nhs.uk/site/curricula/cardiology-curriculum/\">"_s,
          u"<meta property=\"og:url\" content=\"https://learning.example.nhs.uk/site/curricula/cardiology-curriculum/\">"_s,
          u"<meta property=\"og:title\" content=\"Cardiology specialty training curriculum\">"_s,
          u"<meta name=\"description\" content=\"The curriculum for cardiology higher specialty training.\">"_s,
          u"\"@type\":\"Course\""_s, u"\"teaches\":[\"Manage acute cardiac presentations\""_s,
          u"<a class=\"nhsuk-breadcrumb__link\" href=\"/site/curricula/\">Curricula</a>"_s,
          // The policy it references is shown in it.
          u"Trainees may take <strong>30 days</strong> of study leave a year."_s}) {
        QVERIFY2(curriculum.contains(expected), qPrintable(expected));
    }
    const QString pathwayPage = site.file(u"pathways/cardiology-pathway/index.html"_s);
    QVERIFY(pathwayPage.contains(u"\"@type\":\"EducationalOccupationalProgram\""_s));
    QVERIFY(pathwayPage.contains(u"\"timeToComplete\":\"P108M\""_s));
    QVERIFY(pathwayPage.contains(u"\"occupationalCategory\":\"Medicine\""_s));
    QVERIFY(pathwayPage.contains(u"<a class=\"nhsuk-action-link\" href=\"https://www.oriel.nhs.uk/\">"_s));
    // Term names come from the published terms.
    QVERIFY(pathwayPage.contains(u"<dd class=\"nhsuk-summary-list__value\">Foundation year 1</dd>"_s));
    QVERIFY(site.file(u"news/october-recruitment/index.html"_s).contains(u"\"@type\":\"NewsArticle\""_s));
    QVERIFY(site.file(u"news/october-recruitment/index.html"_s).contains(u"\"datePublished\":\"2026-10-01\""_s));
    QVERIFY(site.file(u"index.html"_s).contains(u"\"@type\":\"WebSite\""_s));
    QVERIFY(site.file(u"index.html"_s).contains(u"https://learning.example.nhs.uk/site/search/?q={search_term_string}"_s));
    QVERIFY(site.file(u"robots.txt"_s).contains(u"Sitemap: https://learning.example.nhs.uk/site/sitemap.xml"_s));
    // Listings link to their items through the site's base path.
    QVERIFY(site.file(u"curricula/index.html"_s).contains(u"<a href=\"/site/curricula/cardiology-curriculum/\">"_s));
    QCOMPARE(site.builder().pathOf(kHub), u"/regions/london/"_s);
    QCOMPARE(site.builder().pathOf(kFoundation), u"/topics/career-stages/foundation-year-1/"_s);
    QCOMPARE(site.builder().pathOf(uuid(999)), QString());
}

void tst_Site::incrementalEqualsFullBuild_data()
{
    QTest::addColumn<QString>("mutation");
    for (const auto &[name, mutate] : mutations())
        QTest::newRow(qPrintable(name)) << name;
}

void tst_Site::incrementalEqualsFullBuild()
{
    QFETCH(QString, mutation);
    Site site(content());
    QHash<QUuid, Item> changed = content();
    mutations().at(mutation)(changed);
    const SiteDelta delta = site.update(changed);
    QVERIFY(!delta.full);
    QVERIFY2(!delta.writtenPaths.isEmpty() || !delta.removed.isEmpty(), "a change to live changes the site");

    const Site fresh(changed);
    QStringList differing;
    QSet<QString> paths;
    for (auto it = site.files().cbegin(); it != site.files().cend(); ++it)
        paths.insert(it.key());
    for (auto it = fresh.files().cbegin(); it != fresh.files().cend(); ++it)
        paths.insert(it.key());
    for (const QString &path : std::as_const(paths)) {
        if (site.files().value(path) != fresh.files().value(path))
            differing.append(path);
    }
    differing.sort();
    QVERIFY2(differing.isEmpty(), qPrintable(u"incremental and full builds differ in: "_s + differing.join(u", "_s)));
    // The builder's own record of the files agrees with what it wrote.
    QCOMPARE(QSet<QString>(site.builder().files().keyBegin(), site.builder().files().keyEnd()),
             QSet<QString>(fresh.files().keyBegin(), fresh.files().keyEnd()));
}

void tst_Site::changesInARow()
{
    // All the mutations one after another, each compared with a build from scratch.
    Site site(content());
    QHash<QUuid, Item> items = content();
    for (const auto &[name, mutate] : mutations()) {
        if (name == u"everything unpublished"_s)
            continue;
        mutate(items);
        site.update(items);
        const Site fresh(items);
        QVERIFY2(site.files() == fresh.files(), qPrintable(u"after "_s + name));
    }
}

void tst_Site::policyEditRendersOnlyWhatShowsIt()
{
    Site site(content());
    QHash<QUuid, Item> items = content();
    items[kPolicy].paragraphs[0].markdown = u"Trainees may take **25 days** of study leave a year."_s;
    const SiteDelta delta = site.update(items);
    QStringList written = delta.writtenPaths;
    written.sort();
    // The policy and every page that transcludes it; its listing, feeds and search entry
    // show only its title and summary, which did not change.
    QCOMPARE(written, (QStringList{u"curricula/cardiology-curriculum/index.html"_s, u"policies/study-leave/index.html"_s,
                                   u"professions/medicine/index.html"_s, u"regions/london/index.html"_s}));
    QVERIFY(delta.removed.isEmpty());
    QVERIFY2(delta.producersRun <= 6, qPrintable(QString::number(delta.producersRun)));
    QVERIFY(site.file(u"regions/london/index.html"_s).contains(u"<strong>25 days</strong>"_s));

    // A title change also reaches the listings, the search index and the sitemap's pages.
    items[kPolicy].title = u"Study leave and expenses"_s;
    const SiteDelta renamed = site.update(items);
    QVERIFY(renamed.writtenPaths.contains(u"policies/index.html"_s));
    QVERIFY(renamed.writtenPaths.contains(u"search/index.json"_s));
    QVERIFY(!renamed.writtenPaths.contains(u"news/october-recruitment/index.html"_s));
}

void tst_Site::unpublishedItemLeavesNoTrace()
{
    Site site(content());
    const QString title = u"November teaching day"_s;
    QStringList before;
    for (auto it = site.files().cbegin(); it != site.files().cend(); ++it) {
        if (QString::fromUtf8(it.value()).contains(title))
            before.append(it.key());
    }
    // Its page, the hub, the hub's news, the news section, the region's topic page, the
    // feed, a sitemap and a search shard show it.
    QVERIFY2(before.size() >= 7, qPrintable(before.join(u", "_s)));
    QHash<QUuid, Item> items = content();
    items.remove(kNewsNovember);
    const SiteDelta delta = site.update(items);
    QCOMPARE(delta.removed, QStringList{u"news/november-teaching-day/index.html"_s});
    for (auto it = site.files().cbegin(); it != site.files().cend(); ++it) {
        QVERIFY2(!QString::fromUtf8(it.value()).contains(title), qPrintable(it.key()));
        QVERIFY2(!QString::fromUtf8(it.value()).contains(u"november-teaching-day"_s), qPrintable(it.key()));
    }
}

void tst_Site::hubNewsNewestFirst()
{
    const Site site(content());
    const QStringList all = {u"October recruitment opens"_s, u"November teaching day"_s, u"September rotations"_s,
                             u"Manchester open day"_s};
    QCOMPARE(titlesInOrder(site.file(u"regions/london/news/index.html"_s), all),
             (QStringList{u"November teaching day"_s, u"October recruitment opens"_s, u"September rotations"_s}));
    const QString hub = site.file(u"regions/london/index.html"_s);
    QCOMPARE(titlesInOrder(hub, all),
             (QStringList{u"November teaching day"_s, u"October recruitment opens"_s, u"September rotations"_s}));
    QVERIFY(hub.indexOf(u"Latest news"_s) < hub.indexOf(u"Training office updates"_s));
    QVERIFY(hub.contains(u"<time datetime=\"2026-11-15\">15 November 2026</time>"_s));
    QVERIFY(hub.contains(u"<a href=\"/site/funding-guides/study-budget/\">Study budget</a>"_s));
    QCOMPARE(titlesInOrder(site.file(u"news/index.html"_s), all),
             (QStringList{u"November teaching day"_s, u"October recruitment opens"_s, u"September rotations"_s,
                          u"Manchester open day"_s}));
}

void tst_Site::sitemapsAndFeedsAreWellFormedAndExact()
{
    if (xmllint().isEmpty())
        QFAIL("xmllint is missing: run tools/dev/install-deps.sh (package libxml2-utils)");
    QHash<QUuid, Item> items = content();
    items.remove(kNewsOctober);
    const Site site(items);
    QTemporaryDir dir;
    QStringList xml;
    for (auto it = site.files().cbegin(); it != site.files().cend(); ++it) {
        if (!it.key().endsWith(u".xml"_s))
            continue;
        const QString path = dir.filePath(it.key());
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(it.value());
        xml.append(path);
    }
    QCOMPARE(xml.size(), 1 + 1 + 16 + 3); // index, pages, shards, three feeds
    QCOMPARE(lint(xml), QString());

    // The sitemap index names every sitemap; the item sitemaps list exactly the live items.
    QSet<QString> sitemaps = locs(site.file(u"sitemap.xml"_s));
    QCOMPARE(sitemaps.size(), 17);
    QSet<QString> listed;
    for (const QString &loc : std::as_const(sitemaps)) {
        QVERIFY(loc.startsWith(kSiteUrl + u"/sitemaps/"_s));
        const QString file = loc.mid(kSiteUrl.size() + 1);
        QVERIFY2(site.files().contains(file), qPrintable(file));
        if (file != u"sitemaps/pages.xml"_s)
            listed += locs(site.file(file));
    }
    QSet<QString> expected;
    for (const Item &item : std::as_const(items)) {
        if (item.tryAs<PageFields>() && item.as<PageFields>().kind == PageKind::Home)
            continue;
        expected.insert(kSiteUrl + site.builder().pathOf(item.id));
    }
    expected.insert(kSiteUrl + u"/regions/london/news/"_s);
    expected.insert(kSiteUrl + u"/regions/london/funding/"_s);
    QCOMPARE(listed, expected);
    // Every page that is not an item's is in the pages sitemap (or nothing would lead to it).
    const QSet<QString> pages = locs(site.file(u"sitemaps/pages.xml"_s));
    for (auto it = site.files().cbegin(); it != site.files().cend(); ++it) {
        const QString &path = it.key();
        if (!path.endsWith(u"index.html"_s) || path.startsWith(u"search/"_s))
            continue;
        const QString url = kSiteUrl + u'/' + path.chopped(QStringLiteral("index.html").size());
        if (!listed.contains(url) && !url.contains(u"/page-"_s))
            QVERIFY2(pages.contains(url), qPrintable(url));
    }

    // The London feed: exactly its dated news, resources, policies and curricula, newest first.
    const QString feed = site.file(u"feeds/regions/london.xml"_s);
    static const QRegularExpression entryId(u"<id>urn:uuid:([0-9a-f-]+)</id>"_s);
    QStringList ids;
    for (auto it = entryId.globalMatch(feed); it.hasNext();)
        ids.append(it.next().captured(1));
    QCOMPARE(ids, (QStringList{idString(kNewsNovember), idString(kUpdateSeptember),
                               u"f0000000-0000-4000-8000-000000000001"_s, idString(kResource)}));
    QVERIFY(feed.contains(u"<updated>2026-11-15T00:00:00Z</updated>"_s));
    QVERIFY(feed.contains(u"<link rel=\"self\" type=\"application/atom+xml\" href=\""_s + kSiteUrl + u"/feeds/regions/london.xml\"/>"_s));
}

void tst_Site::searchIndex()
{
    const Site site(content());
    const QJsonObject index = QJsonDocument::fromJson(site.files().value(u"search/index.json"_s)).object();
    const QJsonArray shards = index.value(u"shards"_s).toArray();
    QCOMPARE(shards.size(), 16);
    QHash<QString, QJsonObject> docs;
    for (const QJsonValue &shard : shards) {
        const QString name = shard.toString().section(u'?', 0, 0);
        QVERIFY(shard.toString().contains(u"?v="_s));
        const QJsonDocument doc = QJsonDocument::fromJson(site.files().value(u"search/"_s + name));
        QVERIFY2(doc.isObject(), qPrintable(name));
        for (const QJsonValue &d : doc.object().value(u"docs"_s).toArray())
            docs.insert(d.toObject().value(u"id"_s).toString(), d.toObject());
    }
    // Every live item but bulletins, once.
    QCOMPARE(docs.size(), content().size() - 1);
    const QJsonObject c = docs.value(idString(kCurriculum));
    QCOMPARE(c.value(u"t"_s).toString(), u"Cardiology specialty training curriculum"_s);
    QCOMPARE(c.value(u"u"_s).toString(), u"/curricula/cardiology-curriculum/"_s);
    QCOMPARE(c.value(u"k"_s).toString(), u"curriculum"_s);
    QCOMPARE(c.value(u"p"_s).toArray(), QJsonArray{u"medicine"_s});
    QCOMPARE(c.value(u"sp"_s).toArray(), QJsonArray{u"cardiology"_s});
    QCOMPARE(c.value(u"r"_s).toArray(), QJsonArray());
    // A pathway is found by the career stages of its stages.
    const QJsonArray stages = docs.value(idString(kPathway)).value(u"c"_s).toArray();
    QVERIFY(stages.contains(u"foundation-year-1"_s));
    QVERIFY(stages.contains(u"core-training"_s));
    // The search page offers every facet with its terms, and National for regions.
    const QString page = site.file(u"search/index.html"_s);
    for (const QString &box : {u"name=\"type\" type=\"checkbox\" value=\"curriculum\""_s,
                               u"name=\"region\" type=\"checkbox\" value=\"national\""_s,
                               u"name=\"region\" type=\"checkbox\" value=\"london\""_s,
                               u"name=\"career_stage\" type=\"checkbox\" value=\"foundation-year-1\""_s,
                               u"name=\"specialty\" type=\"checkbox\" value=\"cardiology\""_s,
                               u"name=\"profession\" type=\"checkbox\" value=\"medicine\""_s,
                               u"<script src=\"/site/assets/search.js\"></script>"_s})
        QVERIFY2(page.contains(box), qPrintable(box));
}

void tst_Site::frontDoorRoutesByCareerStage()
{
    const Site site(content());
    const QString home = site.file(u"index.html"_s);
    QVERIFY(home.contains(u"Where are you in your career?"_s));
    const qsizetype foundation = home.indexOf(u"href=\"/site/topics/career-stages/foundation-year-1/\">Foundation year 1</a>"_s);
    const qsizetype core = home.indexOf(u"href=\"/site/topics/career-stages/core-training/\">Core training</a>"_s);
    QVERIFY(foundation > 0);
    QVERIFY(core > foundation); // in the stages' order
    QVERIFY(home.contains(u"Apply through Oriel"_s));
    // The home page item's own paragraphs follow, without a second title.
    QVERIFY(home.contains(u"Start here."_s));
    QVERIFY(home.contains(u"Becoming a consultant cardiologist"_s));
    // A stage's page: its portal and the pathways through it.
    const QString stage = site.file(u"topics/career-stages/foundation-year-1/index.html"_s);
    QVERIFY(stage.contains(u"Career pathways with this stage"_s));
    QVERIFY(stage.contains(u"<a href=\"/site/pathways/cardiology-pathway/\">Becoming a consultant cardiologist</a>"_s));
    QVERIFY(stage.contains(u"href=\"https://www.oriel.nhs.uk/\">Go to Oriel</a>"_s));
}

void tst_Site::everythingEscaped()
{
    QHash<QUuid, Item> items = content();
    Item &n = items[kNewsOctober];
    n.title = u"Fish & <chips> \"quoted\" 'x'"_s;
    n.summary = u"</script><script>alert(1)</script>\u0001 & more"_s;
    const Site site(items);
    for (auto it = site.files().cbegin(); it != site.files().cend(); ++it) {
        if (it.key().endsWith(u".json"_s))
            continue; // data, shown by search.js as text (the browser tests check it)
        const QString text = QString::fromUtf8(it.value());
        QVERIFY2(!text.contains(u"<script>alert"_s), qPrintable(it.key()));
        QVERIFY2(!text.contains(u"<chips>"_s), qPrintable(it.key()));
    }
    const QString page = site.file(u"news/october-recruitment/index.html"_s);
    QVERIFY(page.contains(u"<h1 class=\"nhsuk-heading-xl\">Fish &amp; &lt;chips&gt; &quot;quoted&quot; &#39;x&#39;</h1>"_s));
    // JSON-LD cannot close its <script> element.
    QVERIFY(page.contains(u"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"_s));
    // The search index keeps the text as text.
    bool found = false;
    for (const QString &name : site.files().keys()) {
        if (!name.startsWith(u"search/shard-"_s))
            continue;
        for (const QJsonValue &d : QJsonDocument::fromJson(site.files().value(name)).object().value(u"docs"_s).toArray())
            found = found || d.toObject().value(u"t"_s).toString() == n.title;
    }
    QVERIFY(found);
    if (!xmllint().isEmpty()) {
        QTemporaryDir dir;
        QFile f(dir.filePath(u"london.xml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(site.files().value(u"feeds/regions/london.xml"_s));
        f.close();
        QCOMPARE(lint({f.fileName()}), QString());
    }
}

void tst_Site::slugCollision()
{
    QHash<QUuid, Item> items = content();
    const Item twin = news(uuid(99), u"Another October story"_s, u"october-recruitment"_s, QDate(2026, 10, 2), u"london"_s);
    items.insert(twin.id, twin);
    const Site site(items);
    // The smaller id keeps the address; the other is told apart by the start of its id.
    QCOMPARE(site.builder().pathOf(kNewsOctober), u"/news/october-recruitment/"_s);
    QCOMPARE(site.builder().pathOf(twin.id), u"/news/october-recruitment-00000000/"_s);
    QVERIFY(site.file(u"news/october-recruitment/index.html"_s).contains(u"October recruitment opens"_s));
    QVERIFY(site.file(u"news/october-recruitment-00000000/index.html"_s).contains(u"Another October story"_s));
    QVERIFY(site.file(u"regions/london/news/index.html"_s).contains(u"href=\"/site/news/october-recruitment-00000000/\""_s));
}

void tst_Site::unreadableItemIsReported()
{
    // The loader cannot read an item that transclusion needs: the page notes it missing,
    // and a change whose item cannot be read is reported and left out.
    SiteBuilder builder(options(), [](const QUuid &) { return std::nullopt; });
    const SiteDelta delta = builder.apply({LiveChange{kPolicy, true, std::nullopt}});
    QCOMPARE(delta.errors.size(), 1);
    QVERIFY(delta.errors.first().contains(idString(kPolicy)));
    QCOMPARE(builder.itemCount(), 0);
    QVERIFY(builder.files().contains(u"index.html"_s)); // the rest of the site is still made
}

// Producers render on several threads (SiteOptions::threads) but are recorded in order: one
// thread or four give the same files, handed to the sink in the same order, whole build
// and change alike. With 700 more news items the whole build has several batches, so the
// next batch is rendered while one is recorded; the change meets an item the loader cannot
// read, reported alike; a sink that refuses a file stops at that file alike.
void tst_Site::threadsDoNotChangeTheOutput()
{
    QHash<QUuid, Item> items = content();
    for (int i = 0; i < 700; ++i) {
        Item extra = news(uuid(5000 + i), u"Teaching update %1"_s.arg(i), u"teaching-update-%1"_s.arg(i),
                          QDate(2026, 1, 1).addDays(i), i % 2 ? u"london"_s : u"north-west"_s);
        if (i % 7 == 0)
            extra.paragraphs.append(reference(u"p%1"_s.arg(i), ParagraphKind::PolicyRef, kPolicy));
        items.insert(extra.id, extra);
    }
    QHash<QUuid, Item> changed = items;
    mutations().at(u"policy text"_s)(changed);
    changed.remove(uuid(5007)); // the loader no longer finds it; its page transcludes the policy
    struct Output
    {
        QStringList order; // paths in the order the sink got them
        QHash<QString, QByteArray> bytes;
        qsizetype pages = 0;
        qsizetype producers = 0;
        QStringList errors;
    };
    const auto build = [&](int threads) {
        SiteOptions o = options();
        o.threads = threads;
        const QHash<QUuid, Item> *live = &items;
        SiteBuilder builder(o, [&live](const QUuid &id) -> std::optional<Item> {
            const auto it = live->constFind(id);
            return it == live->cend() ? std::nullopt : std::optional<Item>(*it);
        });
        QList<Output> out(2);
        Output *current = &out[0];
        const FileSink sink = [&current](const SiteFile &file) {
            current->order.append(file.path);
            current->bytes.insert(file.path, file.attachment.isEmpty() ? file.bytes : file.attachment.toLatin1());
            return QString();
        };
        QList<LiveChange> all;
        for (const Item &item : items)
            all.append(LiveChange{item.id, true, std::nullopt});
        std::sort(all.begin(), all.end(), [](const LiveChange &a, const LiveChange &b) { return a.id < b.id; });
        SiteDelta delta = builder.apply(all, sink);
        out[0].pages = delta.pagesRendered;
        out[0].producers = delta.producersRun;
        out[0].errors = delta.errors;
        live = &changed;
        current = &out[1];
        delta = builder.apply({LiveChange{kPolicy, true, std::nullopt}}, sink);
        out[1].pages = delta.pagesRendered;
        out[1].producers = delta.producersRun;
        out[1].errors = delta.errors;
        return out;
    };
    const QList<Output> one = build(1);
    const QList<Output> four = build(4);
    QVERIFY2(one[0].order.size() > 750, qPrintable(u"%1 files, %2 producers, %3 changed"_s.arg(one[0].order.size()).arg(one[0].producers).arg(one[1].order.size())));
    QVERIFY(one[0].producers > 3 * 256);
    QVERIFY(one[1].order.size() >= 100);
    QVERIFY(one[0].errors.isEmpty());
    QCOMPARE(one[1].errors.size(), 1);
    QVERIFY2(one[1].errors.first().contains(idString(uuid(5007))), qPrintable(one[1].errors.first()));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(four[i].order, one[i].order);
        QVERIFY(four[i].bytes == one[i].bytes);
        QCOMPARE(four[i].pages, one[i].pages);
        QCOMPARE(four[i].producers, one[i].producers);
        QCOMPARE(four[i].errors, one[i].errors);
    }

    // A sink that refuses the 600th file: the same 599 files before it, whatever the threads.
    const auto refusing = [&](int threads) {
        SiteOptions o = options();
        o.threads = threads;
        SiteBuilder builder(o, [&items](const QUuid &id) -> std::optional<Item> {
            const auto it = items.constFind(id);
            return it == items.cend() ? std::nullopt : std::optional<Item>(*it);
        });
        QStringList taken;
        const FileSink sink = [&taken](const SiteFile &file) {
            if (taken.size() == 599)
                return u"disk full"_s;
            taken.append(file.path);
            return QString();
        };
        QList<LiveChange> all;
        for (const Item &item : std::as_const(items))
            all.append(LiveChange{item.id, true, std::nullopt});
        std::sort(all.begin(), all.end(), [](const LiveChange &a, const LiveChange &b) { return a.id < b.id; });
        const SiteDelta delta = builder.apply(all, sink);
        return std::pair{taken, delta.sinkError};
    };
    const auto [takenOne, errorOne] = refusing(1);
    const auto [takenFour, errorFour] = refusing(4);
    QCOMPARE(takenOne.size(), 599);
    QCOMPARE(takenFour, takenOne);
    QVERIFY2(errorOne.endsWith(u": disk full"_s), qPrintable(errorOne));
    QCOMPARE(errorFour, errorOne);
}

QTEST_APPLESS_MAIN(tst_Site)
#include "tst_site.moc"
