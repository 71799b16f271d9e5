// Items: canonical round trip of every type, revision ids equal to git's blob ids,
// canonicalisation of valid non-canonical input, and typed parse errors with field paths.
#include "model/item.h"
#include "model/json.h"
#include "testitems.h"

#include <QProcess>
#include <QTest>

using namespace carta::model;
using namespace carta::model::testing;

Q_DECLARE_METATYPE(carta::model::ItemType)

class tst_Item : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void revisionIdIsGitBlobId_data();
    void revisionIdIsGitBlobId();
    void canonicalises_data();
    void canonicalises();
    void scheduleIsLondonTime_data();
    void scheduleIsLondonTime();
    void typeErrors_data();
    void typeErrors();
    void storagePath();
    void enumNamesRoundTrip();
};

void tst_Item::roundTrip_data()
{
    QTest::addColumn<ItemType>("type");
    for (ItemType type : allItemTypes())
        QTest::newRow(qPrintable(toString(type))) << type;
}

void tst_Item::roundTrip()
{
    QFETCH(ItemType, type);
    Item item = simple(type);
    item.schedule.publishAt = QDateTime(QDate(2026, 7, 1), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/London")));
    const QByteArray bytes = serialize(item);
    auto parsed = parseItem(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QVERIFY(parsed.value().type() == type);
    QVERIFY(parsed.value() == item);
    QCOMPARE(serialize(parsed.value()), bytes);
    QVERIFY(bytes.endsWith("}\n"));
    QVERIFY(bytes.contains(QByteArray("\"type\": \"" + toString(type).toUtf8() + "\"")));
    QVERIFY(bytes.contains(QByteArray("\"" + toString(type).toUtf8() + "\": {")));
}

void tst_Item::revisionIdIsGitBlobId_data()
{
    roundTrip_data();
}

void tst_Item::revisionIdIsGitBlobId()
{
    QFETCH(ItemType, type);
    const QByteArray bytes = serialize(simple(type));
    QProcess git;
    git.start(QStringLiteral("git"), {QStringLiteral("hash-object"), QStringLiteral("--stdin")});
    QVERIFY(git.waitForStarted());
    git.write(bytes);
    git.closeWriteChannel();
    QVERIFY(git.waitForFinished());
    QCOMPARE(git.exitCode(), 0);
    const QString fromGit = QString::fromLatin1(git.readAllStandardOutput().trimmed());
    QCOMPARE(revisionId(bytes), fromGit);
    QCOMPARE(revisionId(simple(type)), fromGit);
}

void tst_Item::canonicalises_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedTitle");
    const QByteArray minimal = R"({"type":"news","schema_version":1,"id":"0F8FAD5B-D9CB-469F-A165-70867728950E","title":"Deaneries merge","slug":"deaneries-merge","news":{"date":"2026-10-01"}})";
    QTest::newRow("compact, reordered, optional fields missing, uppercase id") << minimal << QStringLiteral("Deaneries merge");
    QTest::newRow("escaped solidus and unicode escapes")
        << QByteArray(R"({"slug":"cafe","title":"Caf\u00e9 \/ bar","id":"0f8fad5b-d9cb-469f-a165-70867728950e","schema_version":1,"type":"news","news":{"date":"2026-10-01"}})")
        << QStringLiteral("Café / bar");
    QTest::newRow("unsorted tags")
        << QByteArray(R"({"slug":"s","title":"t","id":"0f8fad5b-d9cb-469f-a165-70867728950e","schema_version":1,"type":"news","tags":{"regions":["south-west","london"]}})")
        << QStringLiteral("t");
}

void tst_Item::canonicalises()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedTitle);
    auto item = parseItem(input);
    QVERIFY2(item.ok(), qPrintable(item.errorString()));
    QCOMPARE(item.value().title, expectedTitle);
    const QByteArray canonical = serialize(item.value());
    QVERIFY(canonical != input);
    // The canonical bytes are a fixed point, and name every field of the type.
    auto again = parseItem(canonical);
    QVERIFY(again.ok());
    QCOMPARE(serialize(again.value()), canonical);
    QVERIFY(canonical.contains("\"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\""));
    QVERIFY(canonical.contains("\"paragraphs\": []"));
    QVERIFY(canonical.contains("\"publish_at\": null"));
    if (!item.value().tags.regions.isEmpty())
        QCOMPARE(item.value().tags.regions, QStringList({QStringLiteral("london"), QStringLiteral("south-west")}));
}

void tst_Item::scheduleIsLondonTime_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");
    QTest::newRow("winter, UTC given") << QStringLiteral("2026-01-10T09:00:00Z") << QStringLiteral("2026-01-10T09:00:00+00:00");
    QTest::newRow("summer, UTC given") << QStringLiteral("2026-07-10T08:00:00Z") << QStringLiteral("2026-07-10T09:00:00+01:00");
    QTest::newRow("just after spring forward") << QStringLiteral("2026-03-29T01:00:00Z") << QStringLiteral("2026-03-29T02:00:00+01:00");
    QTest::newRow("first 01:30 on autumn day") << QStringLiteral("2026-10-25T00:30:00Z") << QStringLiteral("2026-10-25T01:30:00+01:00");
    QTest::newRow("second 01:30 on autumn day") << QStringLiteral("2026-10-25T01:30:00Z") << QStringLiteral("2026-10-25T01:30:00+00:00");
    QTest::newRow("other offset") << QStringLiteral("2026-12-01T12:00:00+05:30") << QStringLiteral("2026-12-01T06:30:00+00:00");
}

void tst_Item::scheduleIsLondonTime()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    const QByteArray json = R"({"type":"bulletin","schema_version":1,"id":"0f8fad5b-d9cb-469f-a165-70867728950e","title":"t","slug":"t","schedule":{"publish_at":")"
        + input.toUtf8() + R"("}})";
    auto item = parseItem(json);
    QVERIFY2(item.ok(), qPrintable(item.errorString()));
    QVERIFY(serialize(item.value()).contains(QByteArray("\"publish_at\": \"" + stored.toUtf8() + "\"")));
    QCOMPARE(item.value().schedule.publishAt->toUTC(), QDateTime::fromString(input, Qt::ISODate).toUTC());
}

void tst_Item::typeErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");
    const QByteArray head = R"("schema_version":1,"id":"0f8fad5b-d9cb-469f-a165-70867728950e","slug":"s",)";
    auto row = [&](const char *name, const QByteArray &body, const char *where, const char *message) {
        QTest::newRow(name) << ("{" + head + body + "}") << QString::fromUtf8(where) << QString::fromUtf8(message);
    };
    row("title is a number", R"("type":"page","title":7)", "title", "must be a string, not an integer");
    row("title missing", R"("type":"page")", "title", "is required");
    row("unknown type", R"("type":"blog","title":"t")", "type", "unknown value \"blog\"");
    row("unknown field", R"("type":"page","title":"t","colour":"red")", "colour", "not a field of a page item");
    row("fields of another type", R"("type":"page","title":"t","news":{})", "news", "not a field of a page item");
    row("unknown state", R"("type":"page","title":"t","state":"live")", "state", "unknown value \"live\"");
    row("tags not an object", R"("type":"page","title":"t","tags":[])", "tags", "must be an object, not an array");
    row("unknown vocabulary", R"("type":"page","title":"t","tags":{"colours":[]})", "tags.colours", "unknown field");
    row("tag not a string", R"("type":"page","title":"t","tags":{"regions":["london",3]})", "tags.regions[1]", "must be a string, not an integer");
    row("paragraph kind unknown", R"("type":"page","title":"t","paragraphs":[{"id":"a","kind":"text","markdown":"x"},{"id":"b","kind":"video"}])",
        "paragraphs[1].kind", "unknown value \"video\"");
    row("paragraph field of another kind", R"("type":"page","title":"t","paragraphs":[{"id":"a","kind":"text","level":2}])",
        "paragraphs[0].level", "not a field of a text paragraph");
    row("paragraph not an object", R"("type":"page","title":"t","paragraphs":["x"])", "paragraphs[0]", "must be an object, not a string");
    row("stage duration a string", R"("type":"pathway","title":"t","pathway":{"stages":[{"id":"a","title":"FY1","career_stage":"fy1","duration_months":"12"}]})",
        "pathway.stages[0].duration_months", "must be an integer, not a string");
    row("stage missing career stage", R"("type":"pathway","title":"t","pathway":{"stages":[{"id":"a","title":"FY1","duration_months":12}]})",
        "pathway.stages[0].career_stage", "is required");
    row("invalid date", R"("type":"news","title":"t","news":{"date":"2026-02-30"})", "news.date", "must be a date as YYYY-MM-DD");
    row("date with time", R"("type":"news","title":"t","news":{"date":"2026-02-03T10:00:00Z"})", "news.date", "must be a date");
    row("bad schedule", R"("type":"news","title":"t","schedule":{"publish_at":"tomorrow"})", "schedule.publish_at", "must be a date and time");
    row("schedule without offset", R"("type":"news","title":"t","schedule":{"publish_at":"2026-05-01T09:00:00"})", "schedule.publish_at", "must be a date and time");
    row("bad uuid", R"("type":"page","title":"t","paragraphs":[{"id":"a","kind":"policy_ref","target":"policy-12"}])", "paragraphs[0].target", "must be a UUID");
    row("attachment size negative type", R"("type":"resource","title":"t","attachments":[{"sha256":"a","name":"n","media_type":"application/pdf","size":"big"}])",
        "attachments[0].size", "must be an integer, not a string");
    row("duplicate key", R"("type":"page","title":"t","schema_version":2)", "line 1, column 102", "duplicate key");
    QTest::newRow("newer schema") << QByteArray(R"({"schema_version":2,"id":"0f8fad5b-d9cb-469f-a165-70867728950e","slug":"s","type":"page","title":"t"})")
                                  << QStringLiteral("schema_version") << QStringLiteral("is newer than this version of Carta understands (1)");
}

void tst_Item::typeErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, where);
    QFETCH(QString, message);
    auto item = parseItem(input);
    QVERIFY(!item.ok());
    const auto &issues = item.issues();
    const bool found = std::any_of(issues.cbegin(), issues.cend(), [&](const Issue &i) {
        return (where.isEmpty() || i.where == where) && i.message.contains(message);
    });
    QVERIFY2(found, qPrintable(item.errorString()));
}

void tst_Item::storagePath()
{
    const Item item = simple(ItemType::FundingGuide, QUuid(QStringLiteral("{9F1C2B3A-0000-4000-8000-000000000001}")));
    QCOMPARE(item.storagePath(), QStringLiteral("content/funding_guide/9f/9f1c2b3a-0000-4000-8000-000000000001.json"));
}

void tst_Item::enumNamesRoundTrip()
{
    for (ItemType t : allItemTypes())
        QCOMPARE(itemTypeFromString(toString(t)), std::optional<ItemType>(t));
    for (WorkflowState s : allWorkflowStates())
        QCOMPARE(workflowStateFromString(toString(s)), std::optional<WorkflowState>(s));
    for (Vocabulary v : allVocabularies())
        QCOMPARE(vocabularyFromString(toString(v)), std::optional<Vocabulary>(v));
    for (ParagraphKind k : allParagraphKinds())
        QCOMPARE(paragraphKindFromString(toString(k)), std::optional<ParagraphKind>(k));
    QVERIFY(!itemTypeFromString(QStringLiteral("Curriculum")));
}

QTEST_GUILESS_MAIN(tst_Item)
#include "tst_item.moc"
