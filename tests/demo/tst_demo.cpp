// The demo generator: deterministic, realistic in size and shape, and every item valid.
#include "demo/generator.h"

#include "model/item.h"
#include "model/validation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace carta::model;
using carta::demo::DemoOptions;
using carta::demo::DemoStats;
using carta::demo::MemorySink;

namespace {

// Hashes everything it receives, in order, without keeping it.
class DigestSink : public carta::demo::DemoSink
{
public:
    void item(const Item &, const QByteArray &bytes) override { add('I', bytes); }
    void attachment(const QString &sha256, const QByteArray &bytes) override
    {
        add('A', sha256.toLatin1());
        add('B', bytes);
    }
    QByteArray result() { return m_hash.result().toHex(); }

private:
    void add(char tag, const QByteArray &bytes)
    {
        m_hash.addData(QByteArrayView(&tag, 1));
        m_hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
        m_hash.addData(bytes);
    }
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

// Counts only: for large runs.
class CountingSink : public carta::demo::DemoSink
{
public:
    void item(const Item &, const QByteArray &) override {}
    void attachment(const QString &, const QByteArray &) override {}
};

QString describe(const Item &item)
{
    return u"%1 %2 (%3)"_s.arg(toString(item.type()), idString(item.id), item.slug);
}

// Checks the cross-reference table of a PDF: startxref points at "xref", and every
// in-use entry points at "<n> 0 obj".
QString checkPdfStructure(const QByteArray &pdf)
{
    const qsizetype startxref = pdf.lastIndexOf("startxref\n");
    if (startxref < 0)
        return u"no startxref"_s;
    const qsizetype numberEnd = pdf.indexOf('\n', startxref + 10);
    bool ok = false;
    const qsizetype xref = pdf.mid(startxref + 10, numberEnd - startxref - 10).toLongLong(&ok);
    if (!ok || !pdf.mid(xref).startsWith("xref\n0 "))
        return u"startxref does not point at the xref table"_s;
    const qsizetype countStart = xref + 7;
    const qsizetype countEnd = pdf.indexOf('\n', countStart);
    const int count = pdf.mid(countStart, countEnd - countStart).toInt(&ok);
    if (!ok || count < 2)
        return u"bad xref subsection header"_s;
    qsizetype entry = countEnd + 1;
    if (pdf.mid(entry, 20) != "0000000000 65535 f \n")
        return u"bad free entry"_s;
    for (int object = 1; object < count; ++object) {
        entry += 20;
        const QByteArray line = pdf.mid(entry, 20);
        if (line.size() != 20 || !line.endsWith(" 00000 n \n"))
            return u"bad xref entry for object %1"_s.arg(object);
        const qsizetype offset = line.left(10).toLongLong(&ok);
        if (!ok || !pdf.mid(offset).startsWith(QByteArray(QByteArray::number(object) + " 0 obj\n")))
            return u"xref offset of object %1 is wrong"_s.arg(object);
    }
    if (!pdf.mid(entry + 20).startsWith("trailer\n"))
        return u"no trailer after the xref table"_s;
    return {};
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deterministicForASeed();
    void countsAtScaleOne();
    void everyItemValidates();
    void canonicalBytesRoundTrip();
    void idsAndSlugsAreUnique();
    void termsCoverTheTaxonomy();
    void hubsAndProfessionPagesReferencePolicies();
    void pathwayStagesRouteToPortals();
    void attachmentsArePdfsMatchingTheirHash();
    void workflowStatesAndSchedules();
    void scaleTwoDoublesTheScaledTypes();
    void directorySinkWritesTheStorageLayout();
    void directorySinkReportsAnUnusableRoot();

private:
    QList<const Item *> itemsOf(ItemType type) const
    {
        QList<const Item *> out;
        for (const MemorySink::GeneratedItem &g : m_sink.items) {
            if (g.item.type() == type)
                out.append(&g.item);
        }
        return out;
    }

    MemorySink m_sink;
    DemoStats m_stats;
    QHash<QUuid, const Item *> m_byId;
};

void TestDemo::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    m_stats = carta::demo::generate(DemoOptions{1, 1}, m_sink);
    qInfo("generated %lld items and %lld attachments (%lld bytes) in %lld ms", m_stats.items, m_stats.attachments,
          m_stats.bytes(), timer.elapsed());
    QVERIFY2(m_stats.ok(), qPrintable(m_stats.error));
    QCOMPARE(m_sink.items.size(), m_stats.items);
    QCOMPARE(m_sink.attachments.size(), m_stats.attachments);
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items))
        m_byId.insert(g.item.id, &g.item);
}

void TestDemo::deterministicForASeed()
{
    DigestSink first;
    const DemoStats a = carta::demo::generate(DemoOptions{1, 1}, first);
    DigestSink again;
    const DemoStats b = carta::demo::generate(DemoOptions{1, 1}, again);
    QVERIFY(a.ok() && b.ok());
    const QByteArray digest = first.result();
    QCOMPARE(again.result(), digest);
    QCOMPARE(a.bytes(), m_stats.bytes());

    DigestSink other;
    const DemoStats c = carta::demo::generate(DemoOptions{2, 1}, other);
    QVERIFY(c.ok());
    QVERIFY(other.result() != digest);
    QCOMPARE(c.items, a.items); // a seed changes the content, not the shape
}

void TestDemo::countsAtScaleOne()
{
    QHash<ItemType, int> count;
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items))
        ++count[g.item.type()];
    QVERIFY(m_sink.items.size() >= 12000);
    QVERIFY(count[ItemType::Pathway] >= 350);
    QVERIFY(count[ItemType::Curriculum] >= 60);
    QVERIFY(count[ItemType::Resource] >= 2000);
    QCOMPARE(count[ItemType::Portal], 7);
    QVERIFY(count[ItemType::Policy] >= 30);
    QVERIFY(count[ItemType::Bulletin] >= 40);
    for (ItemType type : allItemTypes())
        QCOMPARE(m_stats.of(type).items, count[type]);

    int hubs = 0, professionPages = 0, homes = 0;
    for (const Item *page : itemsOf(ItemType::Page)) {
        const PageKind kind = page->as<PageFields>().kind;
        hubs += kind == PageKind::RegionalHub;
        professionPages += kind == PageKind::ProfessionLanding;
        homes += kind == PageKind::Home;
    }
    QVERIFY(hubs >= 7);
    QCOMPARE(professionPages, 11);
    QCOMPARE(homes, 1);

    // News (of both kinds) and funding guides in every region.
    QHash<QString, int> news, updates, funding;
    for (const Item *item : itemsOf(ItemType::News)) {
        QCOMPARE(item->tags.regions.size(), 1);
        ++(item->as<NewsFields>().kind == NewsKind::News ? news : updates)[item->tags.regions.first()];
    }
    for (const Item *item : itemsOf(ItemType::FundingGuide)) {
        QCOMPARE(item->tags.regions.size(), 1);
        ++funding[item->tags.regions.first()];
    }
    const QStringList regions{u"east-of-england"_s, u"london"_s, u"midlands"_s, u"north-east-and-yorkshire"_s,
                              u"north-west"_s, u"south-east"_s, u"south-west"_s};
    for (const QString &region : regions) {
        QVERIFY2(news.value(region) >= 50, qPrintable(region));
        QVERIFY2(updates.value(region) >= 20, qPrintable(region));
        QVERIFY2(funding.value(region) >= 10, qPrintable(region));
    }
    QCOMPARE(news.size(), regions.size());
}

void TestDemo::everyItemValidates()
{
    Catalogue catalogue;
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items))
        catalogue.add(g.item);
    QStringList failures;
    qsizetype failed = 0;
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items)) {
        const Issues issues = validate(g.item, &catalogue);
        if (issues.isEmpty())
            continue;
        ++failed;
        if (failures.size() < 8)
            failures.append(describe(g.item) + u":\n  "_s + joinIssues(issues).replace(u'\n', u"\n  "_s));
    }
    QVERIFY2(failed == 0, qPrintable(u"%1 invalid items; the first:\n"_s.arg(failed) + failures.join(u'\n')));
}

void TestDemo::canonicalBytesRoundTrip()
{
    qsizetype checked = 0;
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items)) {
        QCOMPARE(serialize(g.item), g.bytes);
        const Result<Item> parsed = parseItem(g.bytes);
        QVERIFY2(parsed.ok(), qPrintable(describe(g.item) + u": "_s + parsed.errorString()));
        if (serialize(parsed.value()) != g.bytes)
            QFAIL(qPrintable(u"%1 does not round-trip:\n%2"_s.arg(describe(g.item), QString::fromUtf8(g.bytes))));
        QVERIFY(g.bytes.endsWith('\n'));
        ++checked;
    }
    QCOMPARE(checked, m_stats.items);
}

void TestDemo::idsAndSlugsAreUnique()
{
    QSet<QUuid> ids;
    QHash<ItemType, QSet<QString>> slugs;
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items)) {
        QVERIFY2(!ids.contains(g.item.id), qPrintable(describe(g.item)));
        ids.insert(g.item.id);
        QCOMPARE(g.item.id.version(), QUuid::Random);
        QCOMPARE(g.item.id.variant(), QUuid::DCE);
        QVERIFY2(isValidSlug(g.item.slug), qPrintable(describe(g.item)));
        QVERIFY2(!slugs[g.item.type()].contains(g.item.slug), qPrintable(u"duplicate slug: "_s + describe(g.item)));
        slugs[g.item.type()].insert(g.item.slug);
        QVERIFY(g.item.meta.description.size() <= Limits::kMetaDescription);
        QVERIFY(!g.item.meta.description.isEmpty());
    }
}

void TestDemo::termsCoverTheTaxonomy()
{
    QHash<Vocabulary, QHash<QString, const Item *>> terms;
    for (const Item *term : itemsOf(ItemType::Term)) {
        QCOMPARE(toString(term->state), toString(WorkflowState::Published));
        QVERIFY(term->tags.regions.isEmpty());
        terms[term->as<TermFields>().vocabulary].insert(term->slug, term);
    }
    const auto &professions = terms[Vocabulary::Profession];
    int groups = 0, ahps = 0;
    for (const Item *p : professions) {
        const QString parent = p->as<TermFields>().parent;
        groups += parent.isEmpty();
        ahps += parent == u"allied-health-professions"_s;
    }
    QCOMPARE(groups, 11);
    QCOMPARE(ahps, 14);
    QVERIFY(professions.contains(u"physician-associates"_s));
    QVERIFY(professions.contains(u"speech-and-language-therapists"_s));

    const auto &specialties = terms[Vocabulary::Specialty];
    for (const QString &slug : {u"acute-internal-medicine"_s, u"cardiology"_s, u"general-practice"_s,
                                u"obstetrics-and-gynaecology"_s, u"vascular-surgery"_s, u"orthodontics"_s,
                                u"special-care-dentistry"_s})
        QVERIFY2(specialties.contains(slug), qPrintable(slug));
    QVERIFY(specialties.size() >= 63 + 13);

    QCOMPARE(terms[Vocabulary::Region].size(), 7);
    QVERIFY(terms[Vocabulary::Region].contains(u"north-east-and-yorkshire"_s));
    QVERIFY(terms[Vocabulary::ClinicalArea].size() >= 15);

    // Career stages are ordered and each routes to an existing portal.
    const auto &stages = terms[Vocabulary::CareerStage];
    for (const QString &slug : {u"medical-school"_s, u"foundation-year-1"_s, u"foundation-year-2"_s, u"core-training"_s,
                                u"run-through-training"_s, u"higher-specialty-training"_s,
                                u"certificate-of-completion-of-training"_s, u"consultant"_s, u"general-practitioner"_s,
                                u"sas-doctor"_s, u"locally-employed-doctor"_s, u"preceptorship"_s,
                                u"advanced-practice"_s, u"consultant-practitioner"_s})
        QVERIFY2(stages.contains(slug), qPrintable(slug));
    QVERIFY(stages.value(u"medical-school"_s)->as<TermFields>().order
            < stages.value(u"foundation-year-1"_s)->as<TermFields>().order);
    for (const Item *stage : stages) {
        const Item *portal = m_byId.value(stage->as<TermFields>().portal);
        QVERIFY2(portal && portal->type() == ItemType::Portal, qPrintable(stage->slug));
    }
    QCOMPARE(m_byId.value(stages.value(u"foundation-year-1"_s)->as<TermFields>().portal)->slug, u"oriel"_s);
    QCOMPARE(m_byId.value(stages.value(u"medical-school"_s)->as<TermFields>().portal)->slug, u"ucas"_s);
}

void TestDemo::hubsAndProfessionPagesReferencePolicies()
{
    for (const Item *page : itemsOf(ItemType::Page)) {
        const PageKind kind = page->as<PageFields>().kind;
        if (kind != PageKind::RegionalHub && kind != PageKind::ProfessionLanding)
            continue;
        int policies = 0;
        for (const Paragraph &p : page->paragraphs) {
            if (p.kind != ParagraphKind::PolicyRef)
                continue;
            const Item *policy = m_byId.value(p.target);
            QVERIFY2(policy && policy->type() == ItemType::Policy, qPrintable(describe(*page)));
            QVERIFY(policy->tags.regions.isEmpty());
            QCOMPARE(toString(policy->state), toString(WorkflowState::Published));
            ++policies;
        }
        QVERIFY2(policies >= 2, qPrintable(describe(*page)));
    }
}

void TestDemo::pathwayStagesRouteToPortals()
{
    QHash<QString, QUuid> stagePortal;
    for (const Item *term : itemsOf(ItemType::Term)) {
        if (term->as<TermFields>().vocabulary == Vocabulary::CareerStage)
            stagePortal.insert(term->slug, term->as<TermFields>().portal);
    }
    int branched = 0;
    QSet<QString> professions;
    for (const Item *pathway : itemsOf(ItemType::Pathway)) {
        const PathwayFields &f = pathway->as<PathwayFields>();
        professions.insert(f.profession);
        QVERIFY2(f.stages.size() >= 2, qPrintable(describe(*pathway)));
        bool branches = false;
        for (const PathwayStage &s : f.stages) {
            const Item *portal = m_byId.value(s.portal);
            QVERIFY2(portal && portal->type() == ItemType::Portal, qPrintable(describe(*pathway) + u" "_s + s.title));
            // The stage routes where the gateway routes its career stage.
            QVERIFY2(stagePortal.contains(s.careerStage), qPrintable(s.careerStage));
            QCOMPARE(s.portal, stagePortal.value(s.careerStage));
            QVERIFY(s.durationMonths > 0);
            branches = branches || s.next.size() > 1;
        }
        QVERIFY(f.stages.last().next.isEmpty() || branches);
        branched += branches;
    }
    QVERIFY(branched >= 5);
    for (const QString &p : {u"medicine"_s, u"dentistry"_s, u"nursing"_s, u"midwifery"_s, u"pharmacy"_s,
                             u"physiotherapists"_s, u"healthcare-science"_s, u"psychological-professions"_s,
                             u"public-health"_s, u"physician-associates"_s})
        QVERIFY2(professions.contains(p), qPrintable(p));
}

void TestDemo::attachmentsArePdfsMatchingTheirHash()
{
    QHash<QString, QByteArray> files;
    for (const MemorySink::GeneratedAttachment &a : std::as_const(m_sink.attachments)) {
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(a.bytes, QCryptographicHash::Sha256).toHex()), a.sha256);
        QVERIFY(a.bytes.startsWith("%PDF-1."));
        QVERIFY(a.bytes.endsWith("%%EOF\n"));
        const QString structure = checkPdfStructure(a.bytes);
        QVERIFY2(structure.isEmpty(), qPrintable(a.sha256 + u": "_s + structure));
        QVERIFY2(!files.contains(a.sha256), "every resource has its own file");
        files.insert(a.sha256, a.bytes);
    }
    const QList<const Item *> resources = itemsOf(ItemType::Resource);
    QCOMPARE(resources.size(), files.size());
    for (const Item *resource : resources) {
        QCOMPARE(resource->attachments.size(), 1);
        const Attachment &a = resource->attachments.first();
        QVERIFY(files.contains(a.sha256));
        QCOMPARE(a.size, files.value(a.sha256).size());
        QCOMPARE(a.mediaType, u"application/pdf"_s);
        QCOMPARE(a.name, resource->slug + u".pdf"_s);
    }
}

void TestDemo::workflowStatesAndSchedules()
{
    QHash<WorkflowState, int> states;
    int scheduled = 0;
    const QTimeZone london(QByteArrayLiteral("Europe/London"));
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items)) {
        ++states[g.item.state];
        if (!g.item.schedule.publishAt)
            continue;
        ++scheduled;
        const QDateTime at = *g.item.schedule.publishAt;
        QVERIFY(at.date().year() == 2026 || at.date().year() == 2027);
        QCOMPARE(toString(g.item.state), toString(WorkflowState::Approved));
        // Stored with the London offset of that instant: +01:00 in summer, +00:00 in winter.
        const int offset = at.toTimeZone(london).offsetFromUtc();
        const QByteArray expected = at.toTimeZone(london).toString(u"yyyy-MM-ddTHH:mm:ss"_s).toLatin1()
            + (offset == 3600 ? "+01:00" : "+00:00");
        QVERIFY2(g.bytes.contains(QByteArray("\"publish_at\": \"" + expected + '"')), expected.constData());
    }
    const double total = static_cast<double>(m_sink.items.size());
    QVERIFY(states.value(WorkflowState::Published) / total > 0.9);
    for (WorkflowState s : {WorkflowState::Draft, WorkflowState::InReview, WorkflowState::ChangesRequested,
                            WorkflowState::Approved})
        QVERIFY2(states.value(s) > 20 && states.value(s) / total < 0.05, qPrintable(toString(s)));
    QVERIFY(scheduled > 20);
}

void TestDemo::scaleTwoDoublesTheScaledTypes()
{
    CountingSink sink;
    const DemoStats two = carta::demo::generate(DemoOptions{1, 2}, sink);
    QVERIFY(two.ok());
    for (ItemType type : {ItemType::Policy, ItemType::Pathway, ItemType::Curriculum, ItemType::Resource, ItemType::News,
                          ItemType::FundingGuide, ItemType::Bulletin}) {
        const double ratio = static_cast<double>(two.of(type).items) / static_cast<double>(m_stats.of(type).items);
        QVERIFY2(ratio > 1.9 && ratio < 2.1, qPrintable(toString(type)));
    }
    for (ItemType type : {ItemType::Term, ItemType::Portal, ItemType::Page})
        QCOMPARE(two.of(type).items, m_stats.of(type).items);
    QCOMPARE(two.attachments, 2 * m_stats.attachments);
}

void TestDemo::directorySinkWritesTheStorageLayout()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    carta::demo::DirectorySink sink(dir.filePath(u"tree"_s));
    QVERIFY2(sink.open(), qPrintable(sink.errorString()));
    // A sample of the generated content: every type, and some attachments.
    QSet<ItemType> seen;
    QList<const MemorySink::GeneratedItem *> written;
    for (const MemorySink::GeneratedItem &g : std::as_const(m_sink.items)) {
        if (seen.contains(g.item.type()) && written.size() > 20)
            continue;
        seen.insert(g.item.type());
        sink.item(g.item, g.bytes);
        written.append(&g);
    }
    for (qsizetype i = 0; i < 3; ++i)
        sink.attachment(m_sink.attachments[i].sha256, m_sink.attachments[i].bytes);
    QVERIFY2(sink.errorString().isEmpty(), qPrintable(sink.errorString()));

    const QDir root(dir.filePath(u"tree"_s));
    for (const MemorySink::GeneratedItem *g : std::as_const(written)) {
        const QString id = idString(g->item.id);
        const QString expected = u"content/%1/%2/%3.json"_s.arg(toString(g->item.type()), id.left(2), id);
        QCOMPARE(g->item.storagePath(), expected);
        QFile file(root.filePath(expected));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(expected));
        QCOMPARE(file.readAll(), g->bytes);
    }
    for (qsizetype i = 0; i < 3; ++i) {
        const QString sha = m_sink.attachments[i].sha256;
        QFile file(root.filePath(u"attachments/%1/%2"_s.arg(sha.left(2), sha)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_sink.attachments[i].bytes);
    }
    QCOMPARE(seen.size(), allItemTypes().size());
}

void TestDemo::directorySinkReportsAnUnusableRoot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    carta::demo::DirectorySink onFile(dir.filePath(u"file"_s));
    QVERIFY(!onFile.open());
    QVERIFY2(onFile.errorString().contains(u"not a directory"_s), qPrintable(onFile.errorString()));

    carta::demo::DirectorySink underFile(dir.filePath(u"file/tree"_s));
    QVERIFY(!underFile.open());
    QVERIFY2(underFile.errorString().contains(dir.filePath(u"file/tree"_s)), qPrintable(underFile.errorString()));

    // A write error stops generation and is reported with the path.
    carta::demo::DirectorySink sink(dir.filePath(u"tree"_s));
    QVERIFY(sink.open());
    QFile collide(dir.filePath(u"tree/content"_s));
    QVERIFY(collide.open(QIODevice::WriteOnly)); // a file where the content directory must go
    collide.close();
    const DemoStats stats = carta::demo::generate(DemoOptions{1, 1}, sink);
    QVERIFY(!stats.ok());
    QVERIFY2(stats.error.contains(u"content"_s), qPrintable(stats.error));
    QVERIFY(stats.items <= 1);
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
