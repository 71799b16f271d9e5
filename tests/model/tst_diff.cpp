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
    void words_data();
    void words();
    void wordsRebuildBothSides_data();
    void wordsRebuildBothSides();
    void wordsOneWordInLongText();
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

// "=kept|-removed|+added", each piece's text in order.
static QString render(const QList<WordChange> &changes)
{
    QStringList out;
    for (const WordChange &c : changes)
        out.append((c.op == WordChange::Op::Same ? QStringLiteral("=") : c.op == WordChange::Op::Added ? QStringLiteral("+") : QStringLiteral("-")) + c.text);
    return out.join(QLatin1Char('|'));
}

void tst_Diff::words_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *a, const char *b, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(a) << QString::fromUtf8(b) << QString::fromUtf8(expected);
    };
    row("both empty", "", "", "");
    row("from empty", "", "Apply through Oriel.", "+Apply through Oriel.");
    row("to empty", "Apply through Oriel.", "", "-Apply through Oriel.");
    row("equal", "Apply through Oriel.", "Apply through Oriel.", "=Apply through Oriel.");
    row("one word", "The programme lasts two years.", "The programme lasts three years.",
        "=The programme lasts |-two|+three|= years.");
    row("word added", "Apply through Oriel.", "Apply online through Oriel.", "=Apply |+online |=through Oriel.");
    row("word removed", "Apply online through Oriel.", "Apply through Oriel.", "=Apply |-online |=through Oriel.");
    // A changed phrase is one mark on each side, the space inside it included.
    row("phrase for a word", "The programme lasts two years.", "The programme lasts three full years.",
        "=The programme lasts |-two|+three full|= years.");
    row("phrase for a phrase", "Applications open in March each year.", "Applications open in September every year.",
        "=Applications open in |-March each|+September every|= year.");
    row("two separate changes", "Rotate every four months in London.", "Rotate every six months in Kent.",
        "=Rotate every |-four|+six|= months in |-London|+Kent|=.");
    // Punctuation is a piece of its own: a changed full stop does not mark the word before it.
    row("punctuation", "Apply now.", "Apply now!", "=Apply now|-.|+!");
    row("comma added", "Medicine nursing and midwifery", "Medicine, nursing and midwifery", "=Medicine|+,|= nursing and midwifery");
    row("brackets", "the ARCP (annual review)", "the ARCP (yearly review)", "=the ARCP (|-annual|+yearly|= review)");
    // Apostrophes and hyphens between letters belong to the word.
    row("apostrophe inside a word", "You don't need to apply.", "You won't need to apply.", "=You |-don't|+won't|= need to apply.");
    row("typographic apostrophe", "the trainee\u2019s portfolio", "the trainer\u2019s portfolio", "=the |-trainee\u2019s|+trainer\u2019s|= portfolio");
    row("hyphen inside a word", "Keep the e-portfolio up to date.", "Keep the e-learning up to date.",
        "=Keep the |-e-portfolio|+e-learning|= up to date.");
    row("quotes around a word", "Select 'Apply' below.", "Select 'Submit' below.", "=Select '|-Apply|+Submit|=' below.");
    row("dash between spaces", "Foundation - two years", "Foundation - three years", "=Foundation - |-two|+three|= years");
    row("digits", "ST3 to ST8 in 2026", "ST4 to ST8 in 2027", "-ST3|+ST4|= to ST8 in |-2026|+2027");
    // Letters beyond ASCII, combining marks and characters outside the BMP.
    row("welsh letters", "Mae\u2019r dŵr yn oer.", "Mae\u2019r dŵr yn boeth.", "=Mae\u2019r dŵr yn |-oer|+boeth|=.");
    row("combining accent", "cafe\u0301 au lait", "cafe\u0301 noir", "=cafe\u0301 |-au lait|+noir");
    row("accented word changed", "Le cafe\u0301 est ouvert", "Le the\u0301 est ouvert", "=Le |-cafe\u0301|+the\u0301|= est ouvert");
    row("emoji", "Ready \U0001F44D now", "Ready \U0001F44E now", "=Ready |-\U0001F44D|+\U0001F44E|= now");
    row("cjk", "研修 プログラム", "研修 コース", "=研修 |-プログラム|+コース");
    row("white space only", "a b", "a  b", "=a|- |+  |=b");
    row("new line kept as white space", "one\ntwo", "one\nthree", "=one\n|-two|+three");
}

void tst_Diff::words()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    QCOMPARE(render(diffWords(a, b)), expected);
}

void tst_Diff::wordsRebuildBothSides_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    auto row = [](const char *name, const char *a, const char *b) { QTest::newRow(name) << QString::fromUtf8(a) << QString::fromUtf8(b); };
    row("empty", "", "");
    row("empty and text", "", "Trainees rotate every four months.");
    row("text and empty", "Trainees rotate every four months.", "");
    row("reordered", "one two three four", "four three two one");
    row("repeated words", "the the the cat", "the cat the the");
    row("interleaved", "a b c d e f", "a x c y e z");
    row("space runs", "  leading and trailing  ", " leading  and trailing");
    row("all different", "alpha beta", "gamma delta epsilon");
    row("punctuation soup", "(a), [b]; {c}!", "[a]; (b), {c}?");
    row("multi-line", "## Purpose\n\nThis applies from August 2022.\nTrainees keep an e-portfolio.",
        "## Purpose\n\nThis applies from August 2025.\n\nTrainees keep an ePortfolio online.");
    row("unicode", "Mae\u2019r dŵr yn oer \U0001F30A", "Roedd y dŵr yn oer iawn \U0001F30A\U0001F30A");
    row("lone marks", "\u0301a \u0301", "a\u0301 \u0301b");
}

// Whatever the texts: the kept and removed pieces give a, the kept and added give b; no
// piece is empty, no two neighbours have the same op, and removals come before additions.
void tst_Diff::wordsRebuildBothSides()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    const QList<WordChange> changes = diffWords(a, b);
    QString before, after;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const WordChange &c = changes[i];
        QVERIFY2(!c.text.isEmpty(), qPrintable(render(changes)));
        if (i > 0) {
            QVERIFY2(changes[i - 1].op != c.op, qPrintable(render(changes)));
            QVERIFY2(!(changes[i - 1].op == WordChange::Op::Added && c.op == WordChange::Op::Removed), qPrintable(render(changes)));
        }
        if (c.op != WordChange::Op::Added)
            before += c.text;
        if (c.op != WordChange::Op::Removed)
            after += c.text;
    }
    QCOMPARE(before, a);
    QCOMPARE(after, b);
    if (a == b && !a.isEmpty())
        QCOMPARE(render(changes), QStringLiteral("=") + a);
}

void tst_Diff::wordsOneWordInLongText()
{
    QStringList sentences;
    for (int i = 0; i < 200; ++i)
        sentences.append(QStringLiteral("Sentence %1 of the guidance for trainees.").arg(i));
    const QString a = sentences.join(QLatin1Char(' '));
    QString b = a;
    b.replace(QStringLiteral("Sentence 117 of the guidance"), QStringLiteral("Sentence 117 of the advice"));
    const QList<WordChange> changes = diffWords(a, b);
    QCOMPARE(changes.size(), 4);
    QCOMPARE(changes[1], (WordChange{WordChange::Op::Removed, QStringLiteral("guidance")}));
    QCOMPARE(changes[2], (WordChange{WordChange::Op::Added, QStringLiteral("advice")}));
    QVERIFY(changes[0].text.endsWith(QStringLiteral("Sentence 117 of the ")));
    QVERIFY(changes[3].text.startsWith(QStringLiteral(" for trainees. Sentence 118")));
}

QTEST_GUILESS_MAIN(tst_Diff)
#include "tst_diff.moc"
