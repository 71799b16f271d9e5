// Semantic diff: field paths, keyed entries matched by id, moves, and line diffs in text.
#include "model/diff.h"
#include "testitems.h"

#include <QTest>

using namespace carta::model;
using namespace carta::model::testing;

class tst_Diff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lines_data();
    void lines();
    void identicalItemsHaveNoChanges();
    void fieldChange();
    void paragraphEditedInsideText();
    void paragraphAddedRemovedMoved();
    void keyedTypeFields();
    void tagsAndSchedule();
};

static QString render(const QList<LineChange> &changes)
{
    QStringList out;
    for (const LineChange &c : changes)
        out.append((c.op == LineChange::Op::Same ? QStringLiteral(" ") : c.op == LineChange::Op::Added ? QStringLiteral("+") : QStringLiteral("-")) + c.line);
    return out.join(QLatin1Char('|'));
}

void tst_Diff::lines_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equal") << "x\ny" << "x\ny" << " x| y";
    QTest::newRow("both empty") << "" << "" << "";
    QTest::newRow("from empty") << "" << "a\nb" << "+a|+b";
    QTest::newRow("to empty") << "a" << "" << "-a";
    QTest::newRow("change middle") << "a\nb\nc" << "a\nB\nc" << " a|-b|+B| c";
    QTest::newRow("insert at start") << "b\nc" << "a\nb\nc" << "+a| b| c";
    QTest::newRow("delete at end") << "a\nb\nc" << "a\nb" << " a| b|-c";
    QTest::newRow("swap lines") << "a\nb" << "b\na" << "-a| b|+a";
    QTest::newRow("repeated lines") << "x\nx\ny\nx" << "x\ny\nx\nx" << " x|-x| y|+x| x";
    QTest::newRow("trailing newline added") << "a" << "a\n" << " a|+";
}

void tst_Diff::lines()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    const auto changes = diffLines(a, b);
    QCOMPARE(render(changes), expected);
    // Applying the diff to a gives b, whatever the alignment.
    QStringList rebuilt, original;
    for (const LineChange &c : changes) {
        if (c.op != LineChange::Op::Added)
            original.append(c.line);
        if (c.op != LineChange::Op::Removed)
            rebuilt.append(c.line);
    }
    QCOMPARE(rebuilt, splitLines(b));
    QCOMPARE(original, splitLines(a));
}

void tst_Diff::identicalItemsHaveNoChanges()
{
    QVERIFY(diff(curriculum(), curriculum()).isEmpty());
    QVERIFY(diff(pathway(), pathway()).isEmpty());
}

void tst_Diff::fieldChange()
{
    Item after = curriculum();
    after.title = QStringLiteral("Cardiology curriculum 2025");
    const auto changes = diff(curriculum(), after);
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes[0].kind == Change::Kind::Changed);
    QCOMPARE(changes[0].path, QStringLiteral("title"));
    QCOMPARE(changes[0].before.toString(), curriculum().title);
    QCOMPARE(changes[0].after.toString(), after.title);
    QVERIFY(changes[0].lines.isEmpty());
}

void tst_Diff::paragraphEditedInsideText()
{
    Item after = curriculum();
    after.paragraphs[0].markdown.replace(QStringLiteral("August 2022"), QStringLiteral("August 2025"));
    const auto changes = diff(curriculum(), after);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].path, QStringLiteral("paragraphs[id=p1].markdown"));
    QCOMPARE(render(changes[0].lines),
             QStringLiteral(" ## Purpose| | This curriculum sets out what a cardiologist needs.|-It applies from August 2022.|+It applies from August 2025."));
}

void tst_Diff::paragraphAddedRemovedMoved()
{
    Item after = curriculum();
    after.paragraphs.removeAt(1);                                   // p2 removed
    after.paragraphs.move(2, 0);                                    // p4 moved to the top
    after.paragraphs.append(textParagraph(QStringLiteral("p5"), QStringLiteral("New"))); // p5 added
    const auto changes = diff(curriculum(), after);
    QStringList summary;
    for (const Change &c : changes)
        summary.append(toString(c.kind) + QLatin1Char(' ') + c.path);
    QCOMPARE(summary, QStringList({QStringLiteral("moved paragraphs[id=p4]"), QStringLiteral("added paragraphs[id=p5]"),
                                   QStringLiteral("removed paragraphs[id=p2]")}));
    QCOMPARE(changes[0].before.toInteger(), 3);
    QCOMPARE(changes[0].after.toInteger(), 0);
    QCOMPARE(changes[1].after[QStringLiteral("markdown")].toString(), QStringLiteral("New"));
    QCOMPARE(changes[2].before[QStringLiteral("markdown")].toString(), QStringLiteral("Trainees keep an e-portfolio."));
}

void tst_Diff::keyedTypeFields()
{
    Item after = pathway();
    auto &stages = after.as<PathwayFields>().stages;
    stages[2].durationMonths = 24;
    stages[3].title = QStringLiteral("Cardiology ST4 to ST8");
    const auto changes = diff(pathway(), after);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0].path, QStringLiteral("pathway.stages[id=imt].duration_months"));
    QCOMPARE(changes[0].before.toInteger(), 36);
    QCOMPARE(changes[0].after.toInteger(), 24);
    QCOMPARE(changes[1].path, QStringLiteral("pathway.stages[id=st4].title"));
}

void tst_Diff::tagsAndSchedule()
{
    Item after = curriculum();
    after.tags.regions = {QStringLiteral("london")};
    after.schedule.publishAt = QDateTime(QDate(2026, 9, 1), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
    const auto changes = diff(curriculum(), after);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0].path, QStringLiteral("schedule.publish_at"));
    QVERIFY(changes[0].kind == Change::Kind::Added);
    QCOMPARE(changes[0].after.toString(), QStringLiteral("2026-09-01T09:00:00+01:00"));
    QCOMPARE(changes[1].path, QStringLiteral("tags.regions"));
    QVERIFY(changes[1].kind == Change::Kind::Changed);
}

QTEST_GUILESS_MAIN(tst_Diff)
#include "tst_diff.moc"
