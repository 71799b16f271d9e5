// Three-way merge: a table of concurrent edits to the same item, each with the merged
// result expected and the true conflicts expected (path and kind), plus diff3 on lines.
#include "model/merge.h"
#include "testitems.h"

#include <QTest>

#include <functional>

using namespace carta::model;
using namespace carta::model::testing;

namespace {

using Edit = std::function<void(Item &)>;

qsizetype paragraphIndex(const Item &item, const QString &id)
{
    for (qsizetype i = 0; i < item.paragraphs.size(); ++i)
        if (item.paragraphs[i].id == id)
            return i;
    qFatal("no paragraph %s", qPrintable(id));
}

Paragraph &paragraph(Item &item, const char16_t *id)
{
    return item.paragraphs[paragraphIndex(item, QString::fromUtf16(id))];
}

Edit setTitle(const char16_t *t) { return [=](Item &i) { i.title = QString::fromUtf16(t); }; }
Edit setSummary(const char16_t *s) { return [=](Item &i) { i.summary = QString::fromUtf16(s); }; }
Edit setMarkdown(const char16_t *id, const char16_t *md) { return [=](Item &i) { paragraph(i, id).markdown = QString::fromUtf16(md); }; }
Edit removeParagraph(const char16_t *id) { return [=](Item &i) { i.paragraphs.removeAt(paragraphIndex(i, QString::fromUtf16(id))); }; }
Edit insertParagraph(qsizetype at, const char16_t *id, const char16_t *md)
{
    return [=](Item &i) { i.paragraphs.insert(at, textParagraph(QString::fromUtf16(id), QString::fromUtf16(md))); };
}
Edit moveParagraph(const char16_t *id, qsizetype to)
{
    return [=](Item &i) { i.paragraphs.move(paragraphIndex(i, QString::fromUtf16(id)), to); };
}
Edit order(QStringList ids)
{
    return [=](Item &i) {
        QList<Paragraph> reordered;
        for (const QString &id : ids)
            reordered.append(i.paragraphs[paragraphIndex(i, id)]);
        i.paragraphs = reordered;
    };
}
Edit both(Edit a, Edit b) { return [=](Item &i) { a(i); b(i); }; }
Edit none() { return [](Item &) {}; }
CurriculumFields &cf(Item &i) { return i.as<CurriculumFields>(); }
PathwayFields &pf(Item &i) { return i.as<PathwayFields>(); }

const char16_t *const kP1Mine = u"## Purpose, for trainees\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from August 2022.";
const char16_t *const kP1Theirs = u"## Purpose\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from August 2025.";
const char16_t *const kP1Both = u"## Purpose, for trainees\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from August 2025.";
const char16_t *const kP1OtherLine4 = u"## Purpose\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from September 2022.";

struct Case
{
    const char *name;
    Item (*fixture)();
    Edit mine;
    Edit theirs;
    Edit expected;            // applied to the base to give the merged item
    QStringList conflicts;    // "<kind> <path>"
    bool symmetric = true;    // swapping mine and theirs gives the same item
};

QList<Case> cases()
{
    const QStringList none_ = {};
    return {
        {"nothing changed", curriculum, none(), none(), none(), none_},
        {"only mine changed", curriculum, setTitle(u"Mine"), none(), setTitle(u"Mine"), none_},
        {"only theirs changed", curriculum, none(), setTitle(u"Theirs"), setTitle(u"Theirs"), none_},
        {"same change on both", curriculum, setTitle(u"Same"), setTitle(u"Same"), setTitle(u"Same"), none_},
        {"title changed differently", curriculum, setTitle(u"Mine"), setTitle(u"Theirs"), setTitle(u"Mine"),
         {QStringLiteral("edit/edit title")}, false},
        {"different fields", curriculum, setTitle(u"Mine"), setSummary(u"Theirs"), both(setTitle(u"Mine"), setSummary(u"Theirs")), none_},
        {"summary different lines", curriculum,
         setSummary(u"What cardiology trainees learn from ST3 to CCT.\nApproved by the GMC."),
         setSummary(u"What cardiology trainees learn from ST4 to CCT.\nApproved by the GMC.\nReviewed in 2025."),
         setSummary(u"What cardiology trainees learn from ST3 to CCT.\nApproved by the GMC.\nReviewed in 2025."), none_},
        {"summary same line", curriculum,
         setSummary(u"What cardiology trainees learn from ST3 to CCT.\nApproved by the GMC."),
         setSummary(u"What cardiology trainees learn from FY1 to CCT.\nApproved by the GMC."),
         setSummary(u"What cardiology trainees learn from ST3 to CCT.\nApproved by the GMC."),
         {QStringLiteral("edit/edit summary")}, false},
        {"different paragraphs edited", curriculum, setMarkdown(u"p1", kP1Mine), setMarkdown(u"p2", u"Trainees keep a portfolio."),
         both(setMarkdown(u"p1", kP1Mine), setMarkdown(u"p2", u"Trainees keep a portfolio.")), none_},
        {"same paragraph, different lines", curriculum, setMarkdown(u"p1", kP1Mine), setMarkdown(u"p1", kP1Theirs),
         setMarkdown(u"p1", kP1Both), none_},
        {"same paragraph, same line", curriculum, setMarkdown(u"p1", kP1Theirs), setMarkdown(u"p1", kP1OtherLine4),
         setMarkdown(u"p1", kP1Theirs), {QStringLiteral("edit/edit paragraphs[id=p1].markdown")}, false},
        {"same paragraph, lines added at both ends", curriculum,
         setMarkdown(u"p1", u"Read this first.\n## Purpose\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from August 2022."),
         setMarkdown(u"p1", u"## Purpose\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from August 2022.\nSee also the Gold Guide."),
         setMarkdown(u"p1", u"Read this first.\n## Purpose\n\nThis curriculum sets out what a cardiologist needs.\nIt applies from August 2022.\nSee also the Gold Guide."),
         none_},
        {"insert at start and at end", curriculum, insertParagraph(0, u"m1", u"Mine first"), insertParagraph(4, u"t1", u"Theirs last"),
         both(insertParagraph(0, u"m1", u"Mine first"), insertParagraph(5, u"t1", u"Theirs last")), none_},
        {"insert at the same place", curriculum, insertParagraph(1, u"m1", u"Mine"), insertParagraph(1, u"t1", u"Theirs"),
         both(insertParagraph(1, u"m1", u"Mine"), insertParagraph(2, u"t1", u"Theirs")), none_, false},
        {"insert with the same id and content", curriculum, insertParagraph(2, u"x1", u"Same"), insertParagraph(2, u"x1", u"Same"),
         insertParagraph(2, u"x1", u"Same"), none_},
        {"delete on one side", curriculum, removeParagraph(u"p2"), none(), removeParagraph(u"p2"), none_},
        {"delete on both sides", curriculum, removeParagraph(u"p2"), removeParagraph(u"p2"), removeParagraph(u"p2"), none_},
        {"delete and unrelated edit", curriculum, removeParagraph(u"p2"), setMarkdown(u"p1", kP1Theirs),
         both(removeParagraph(u"p2"), setMarkdown(u"p1", kP1Theirs)), none_},
        {"mine deletes, theirs edits", curriculum, removeParagraph(u"p2"), setMarkdown(u"p2", u"Trainees keep a portfolio."),
         setMarkdown(u"p2", u"Trainees keep a portfolio."), {QStringLiteral("delete/edit paragraphs[id=p2]")}},
        {"mine edits, theirs deletes", curriculum, setMarkdown(u"p2", u"Trainees keep a portfolio."), removeParagraph(u"p2"),
         setMarkdown(u"p2", u"Trainees keep a portfolio."), {QStringLiteral("delete/edit paragraphs[id=p2]")}},
        {"move on one side, edit on the other", curriculum, moveParagraph(u"p4", 0), [](Item &i) { paragraph(i, u"p4").target = uuid(78); },
         both(moveParagraph(u"p4", 0), [](Item &i) { paragraph(i, u"p4").target = uuid(78); }), none_},
        {"move and edit of the moved paragraph", curriculum, moveParagraph(u"p2", 0), setMarkdown(u"p2", u"Trainees keep a portfolio."),
         both(moveParagraph(u"p2", 0), setMarkdown(u"p2", u"Trainees keep a portfolio.")), none_},
        {"move on one side, insert on the other", curriculum, moveParagraph(u"p1", 3), insertParagraph(2, u"t1", u"After p2"),
         both(insertParagraph(2, u"t1", u"After p2"),
              order({QStringLiteral("p2"), QStringLiteral("t1"), QStringLiteral("p3"), QStringLiteral("p4"), QStringLiteral("p1")})), none_},
        {"same move on both sides", curriculum, moveParagraph(u"p3", 0), moveParagraph(u"p3", 0), moveParagraph(u"p3", 0), none_},
        {"different moves", curriculum, moveParagraph(u"p1", 3), moveParagraph(u"p4", 0), moveParagraph(u"p1", 3),
         {QStringLiteral("order paragraphs")}, false},
        {"move on one side, delete on the other", curriculum, moveParagraph(u"p1", 3), removeParagraph(u"p2"),
         both(moveParagraph(u"p1", 3), removeParagraph(u"p2")), none_},
        {"tags added on both sides", curriculum, [](Item &i) { i.tags.regions = {QStringLiteral("london")}; },
         [](Item &i) { i.tags.regions = {QStringLiteral("north-west")}; },
         [](Item &i) { i.tags.regions = {QStringLiteral("london"), QStringLiteral("north-west")}; }, none_},
        {"tag removed and tag added", curriculum, [](Item &i) { i.tags.specialties.clear(); },
         [](Item &i) { i.tags.specialties.append(QStringLiteral("general-practice")); },
         [](Item &i) { i.tags.specialties = {QStringLiteral("general-practice")}; }, none_},
        {"keywords added and removed", curriculum, [](Item &i) { i.meta.keywords.append(QStringLiteral("cardiac")); },
         [](Item &i) { i.meta.keywords.removeAll(QStringLiteral("curriculum")); },
         [](Item &i) { i.meta.keywords = {QStringLiteral("cardiology"), QStringLiteral("cardiac")}; }, none_},
        {"different learning outcomes edited", curriculum, [](Item &i) { cf(i).learningOutcomes[0].title = QStringLiteral("Manage acute cardiac care"); },
         [](Item &i) { cf(i).learningOutcomes[1].description = QStringLiteral("Weekly clinics."); },
         [](Item &i) {
             cf(i).learningOutcomes[0].title = QStringLiteral("Manage acute cardiac care");
             cf(i).learningOutcomes[1].description = QStringLiteral("Weekly clinics.");
         }, none_},
        {"same learning outcome title", curriculum, [](Item &i) { cf(i).learningOutcomes[0].title = QStringLiteral("A"); },
         [](Item &i) { cf(i).learningOutcomes[0].title = QStringLiteral("B"); },
         [](Item &i) { cf(i).learningOutcomes[0].title = QStringLiteral("A"); },
         {QStringLiteral("edit/edit curriculum.learning_outcomes[id=lo1].title")}, false},
        {"outcome deleted, outcome edited", curriculum, [](Item &i) { cf(i).learningOutcomes.removeAt(1); },
         [](Item &i) { cf(i).learningOutcomes[1].title = QStringLiteral("Run heart failure clinics"); },
         [](Item &i) { cf(i).learningOutcomes[1].title = QStringLiteral("Run heart failure clinics"); },
         {QStringLiteral("delete/edit curriculum.learning_outcomes[id=lo2]")}},
        {"outcome added, competency added", curriculum,
         [](Item &i) { cf(i).learningOutcomes.append({QStringLiteral("lo3"), QStringLiteral("CARD-LO-03"), QStringLiteral("Echo"), QString()}); },
         [](Item &i) { cf(i).competencies.append({QStringLiteral("c2"), QStringLiteral("CIP-2"), QStringLiteral("Clinics"), QString(), {}}); },
         [](Item &i) {
             cf(i).learningOutcomes.append({QStringLiteral("lo3"), QStringLiteral("CARD-LO-03"), QStringLiteral("Echo"), QString()});
             cf(i).competencies.append({QStringLiteral("c2"), QStringLiteral("CIP-2"), QStringLiteral("Clinics"), QString(), {}});
         }, none_},
        {"effective date set, version changed", curriculum, [](Item &i) { cf(i).effectiveTo = QDate(2030, 7, 31); },
         [](Item &i) { cf(i).version = QStringLiteral("2025.1"); },
         [](Item &i) { cf(i).effectiveTo = QDate(2030, 7, 31); cf(i).version = QStringLiteral("2025.1"); }, none_},
        {"schedule publish and unpublish", curriculum,
         [](Item &i) { i.schedule.publishAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London"))); },
         [](Item &i) { i.schedule.unpublishAt = QDateTime(QDate(2027, 12, 1), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London"))); },
         [](Item &i) {
             i.schedule.publishAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
             i.schedule.unpublishAt = QDateTime(QDate(2027, 12, 1), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
         }, none_},
        {"stage duration and another stage's portal", pathway, [](Item &i) { pf(i).stages[2].durationMonths = 24; },
         [](Item &i) { pf(i).stages[3].portal = uuid(77); },
         [](Item &i) { pf(i).stages[2].durationMonths = 24; pf(i).stages[3].portal = uuid(77); }, none_},
        {"stage inserted, later stage renamed", pathway,
         [](Item &i) {
             PathwayStage acf = pf(i).stages[2];
             acf.id = QStringLiteral("acf");
             acf.title = QStringLiteral("Academic foundation");
             acf.next = {QStringLiteral("imt")};
             pf(i).stages[1].next = {QStringLiteral("acf")};
             pf(i).stages.insert(2, acf);
         },
         [](Item &i) { pf(i).stages[3].title = QStringLiteral("Cardiology ST4 to ST8"); },
         [](Item &i) {
             PathwayStage acf = pf(i).stages[2];
             acf.id = QStringLiteral("acf");
             acf.title = QStringLiteral("Academic foundation");
             acf.next = {QStringLiteral("imt")};
             pf(i).stages[1].next = {QStringLiteral("acf")};
             pf(i).stages[3].title = QStringLiteral("Cardiology ST4 to ST8");
             pf(i).stages.insert(2, acf);
         }, none_},
        {"branches added to the same stage", pathway, [](Item &i) { pf(i).stages[1].next.append(QStringLiteral("st4")); },
         [](Item &i) { pf(i).stages[1].next.prepend(QStringLiteral("fy1x")); },
         [](Item &i) { pf(i).stages[1].next = {QStringLiteral("imt"), QStringLiteral("st4"), QStringLiteral("fy1x")}; }, none_, false},
        {"both delete a stage and edit others", pathway,
         [](Item &i) { pf(i).stages.removeAt(3); pf(i).stages[2].next.clear(); pf(i).stages[0].title = QStringLiteral("FY1"); },
         [](Item &i) { pf(i).stages.removeAt(3); pf(i).stages[2].next.clear(); pf(i).stages[1].title = QStringLiteral("FY2"); },
         [](Item &i) { pf(i).stages.removeAt(3); pf(i).stages[2].next.clear(); pf(i).stages[0].title = QStringLiteral("FY1"); pf(i).stages[1].title = QStringLiteral("FY2"); },
         none_},
        {"state and title", curriculum, setTitle(u"Mine"), [](Item &i) { i.state = WorkflowState::InReview; },
         [](Item &i) { i.title = QStringLiteral("Mine"); i.state = WorkflowState::InReview; }, none_},
    };
}

} // namespace

class tst_Merge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void items_data();
    void items();
    void lines_data();
    void lines();
    void differentItemsAreRefused();
};

void tst_Merge::items_data()
{
    QTest::addColumn<int>("index");
    const auto all = cases();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(all[i].name) << i;
}

void tst_Merge::items()
{
    QFETCH(int, index);
    const Case c = cases()[index];
    const Item base = c.fixture();
    Item mine = base, theirs = base, expected = base;
    c.mine(mine);
    c.theirs(theirs);
    c.expected(expected);

    auto result = merge(base, mine, theirs);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QStringList conflicts;
    for (const Conflict &conflict : result.value().conflicts)
        conflicts.append(toString(conflict.kind) + QLatin1Char(' ') + conflict.path);
    QCOMPARE(conflicts, c.conflicts);
    if (serialize(result.value().merged) != serialize(expected))
        QCOMPARE(QString::fromUtf8(serialize(result.value().merged)), QString::fromUtf8(serialize(expected)));

    // Both sides of every conflict are kept in the report.
    for (const Conflict &conflict : result.value().conflicts) {
        QVERIFY(!(conflict.mine == conflict.theirs));
        if (conflict.kind == Conflict::Kind::DeleteEdit)
            QVERIFY(conflict.mine.isNull() != conflict.theirs.isNull());
    }
    if (c.symmetric) {
        auto swapped = merge(base, theirs, mine);
        QVERIFY(swapped.ok());
        QCOMPARE(swapped.value().conflicts.size(), result.value().conflicts.size());
        QCOMPARE(QString::fromUtf8(serialize(swapped.value().merged)), QString::fromUtf8(serialize(expected)));
    }
}

void tst_Merge::lines_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("mine");
    QTest::addColumn<QString>("theirs");
    QTest::addColumn<QString>("merged"); // "CONFLICT" when lines overlap
    QTest::newRow("disjoint edits") << "a\nb\nc\nd" << "A\nb\nc\nd" << "a\nb\nc\nD" << "A\nb\nc\nD";
    QTest::newRow("adjacent edits conflict") << "a\nb\nc" << "A\nb\nc" << "a\nB\nc" << "CONFLICT";
    QTest::newRow("same edit") << "a\nb" << "a\nB" << "a\nB" << "a\nB";
    QTest::newRow("insert and delete elsewhere") << "a\nb\nc\nd\ne" << "a\nx\nb\nc\nd\ne" << "a\nb\nc\nd" << "a\nx\nb\nc\nd";
    QTest::newRow("both append differently") << "a" << "a\nm" << "a\nt" << "CONFLICT";
    QTest::newRow("from empty base") << "" << "m" << "t" << "CONFLICT";
    QTest::newRow("one side empties") << "a\nb" << "" << "a\nb" << "";
    QTest::newRow("deletes on both sides") << "a\nb\nc\nd\ne" << "a\nc\nd\ne" << "a\nb\nc\nd" << "a\nc\nd";
}

void tst_Merge::lines()
{
    QFETCH(QString, base);
    QFETCH(QString, mine);
    QFETCH(QString, theirs);
    QFETCH(QString, merged);
    const auto result = mergeLines(base, mine, theirs);
    if (merged == QStringLiteral("CONFLICT")) {
        QVERIFY2(!result, qPrintable(result.value_or(QString())));
    } else {
        QVERIFY(result.has_value());
        QCOMPARE(*result, merged);
    }
}

void tst_Merge::differentItemsAreRefused()
{
    auto result = merge(curriculum(), curriculum(), pathway());
    QVERIFY(!result.ok());
    QVERIFY(result.errorString().contains(QStringLiteral("different items")));
}

QTEST_GUILESS_MAIN(tst_Merge)
#include "tst_merge.moc"
