// Strict JSON parser and canonical serializer: valid input, bad input with locations,
// limits, and random corruption that must never crash.
#include "model/json.h"

#include <QRandomGenerator>
#include <QTest>

using namespace carta::model;

class tst_Json : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalForm();
    void roundTrip_data();
    void roundTrip();
    void badInput_data();
    void badInput();
    void tenMegabyteString();
    void deepNestingDoesNotOverflow();
    void randomCorruptionNeverCrashes();
};

void tst_Json::canonicalForm()
{
    auto parsed = parseJson(QByteArrayLiteral(R"({"b":[1,"x",{}],"a":{"z":null,"y":true},"c":[],"d":"\u00e9\/\u0001"})"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    const QByteArray expected = QByteArrayLiteral(
        "{\n"
        "  \"a\": {\n"
        "    \"y\": true,\n"
        "    \"z\": null\n"
        "  },\n"
        "  \"b\": [\n"
        "    1,\n"
        "    \"x\",\n"
        "    {}\n"
        "  ],\n"
        "  \"c\": [],\n"
        "  \"d\": \"\xc3\xa9/\\u0001\"\n"
        "}\n");
    QCOMPARE(serializeCanonical(parsed.value()), expected);
    QCOMPARE(serializeCompact(parsed.value()), QByteArrayLiteral("{\"a\":{\"y\":true,\"z\":null},\"b\":[1,\"x\",{}],\"c\":[],\"d\":\"\xc3\xa9/\\u0001\"}"));
}

void tst_Json::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty object") << QByteArrayLiteral("{}");
    QTest::newRow("nested") << QByteArrayLiteral(R"({"a":[[[]]],"b":{"c":{"d":-42}}})");
    QTest::newRow("escapes") << QByteArrayLiteral(R"(["\"\\\b\f\n\r\t", "\u007f", "tab\there"])");
    QTest::newRow("astral via escape") << QByteArrayLiteral(R"(["\ud83d\ude00"])");
    QTest::newRow("astral raw") << QByteArray("[\"\xf0\x9f\x98\x80 \xe2\x80\xa8\"]");
    QTest::newRow("max safe integers") << QByteArrayLiteral("[9007199254740991,-9007199254740991,0]");
    QTest::newRow("whitespace everywhere") << QByteArrayLiteral(" \r\n\t{ \"a\" :\n[ 1 , 2 ] } \n");
}

void tst_Json::roundTrip()
{
    QFETCH(QByteArray, input);
    auto first = parseJson(input);
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    const QByteArray canonical = serializeCanonical(first.value());
    auto second = parseJson(canonical);
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    QVERIFY(second.value() == first.value());
    QCOMPARE(serializeCanonical(second.value()), canonical);
    QVERIFY(canonical.endsWith('\n'));
    QVERIFY(!canonical.contains('\r'));
}

void tst_Json::badInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");
    auto row = [](const char *name, QByteArray input, const char *where, const char *message) {
        QTest::newRow(name) << input << QString::fromUtf8(where) << QString::fromUtf8(message);
    };
    row("empty", "", "line 1, column 1", "unexpected end of input");
    row("truncated object", "{\"title\": \"Cardio", "line 1, column 11", "unterminated string");
    row("truncated after key", "{\"title\"", "line 1, column 9", "expected :");
    row("truncated array", "[1, 2", "line 1, column 6", "unexpected end of input in an array");
    row("trailing comma", "[1, 2,]", "line 1, column 7", "expected a value");
    row("missing comma", "{\"a\": 1\n \"b\": 2}", "line 2, column 2", "expected , or }");
    row("single quotes", "{'a': 1}", "line 1, column 2", "expected a string key");
    row("leading zero", "[01]", "line 1, column 2", "leading zeros");
    row("fraction", "[1.5]", "line 1, column 2", "only integer numbers");
    row("exponent", "[1e3]", "line 1, column 2", "only integer numbers");
    row("too large integer", "[9007199254740992]", "line 1, column 2", "out of range");
    row("negative zero", "[-0]", "line 1, column 2", "negative zero");
    row("bare minus", "[-]", "line 1, column 2", "invalid number");
    row("bad literal", "[tru]", "line 1, column 2", "invalid literal");
    row("duplicate key", "{\"a\": 1,\n  \"a\": 2}", "line 2, column 3", "duplicate key");
    row("trailing data", "{} {}", "line 1, column 4", "unexpected data after");
    row("byte order mark", "\xef\xbb\xbf{}", "line 1, column 1", "byte order mark");
    row("raw newline in string", "[\"a\nb\"]", "line 1, column 4", "must be escaped");
    row("raw tab in string", "[\"a\tb\"]", "line 1, column 4", "must be escaped");
    row("invalid escape", "[\"\\x41\"]", "line 1, column 3", "invalid escape");
    row("short unicode escape", "[\"\\u12\"]", "line 1, column 5", "invalid \\u escape");
    row("lone high surrogate", "[\"\\ud800\"]", "line 1, column 3", "lone surrogate");
    row("lone low surrogate", "[\"\\udc00x\"]", "line 1, column 3", "lone surrogate");
    row("invalid utf8 byte", "[\"\xff\"]", "line 1, column 3", "invalid UTF-8 byte");
    row("continuation byte alone", "[\"\x80\"]", "line 1, column 3", "invalid UTF-8 byte");
    row("truncated utf8", "[\"\xe2\x82", "line 1, column 3", "truncated UTF-8");
    row("bad continuation", "[\"\xe2\x28\xa1\"]", "line 1, column 3", "invalid UTF-8 sequence");
    row("overlong slash", "[\"\xc0\xaf\"]", "line 1, column 3", "overlong");
    row("utf8 surrogate", "[\"\xed\xa0\x80\"]", "line 1, column 3", "U+D800");
    row("beyond unicode", "[\"\xf4\x90\x80\x80\"]", "line 1, column 3", "U+110000");
    row("column counts characters", "[\"\xc3\xa9\xc3\xa9\", x]", "line 1, column 8", "expected a value");
    row("too deep", QByteArray(33, '[') + QByteArray(33, ']'), "line 1, column 33", "nesting deeper than 32");
}

void tst_Json::badInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, where);
    QFETCH(QString, message);
    auto result = parseJson(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.issues().size(), 1);
    QCOMPARE(result.issues().first().where, where);
    QVERIFY2(result.issues().first().message.contains(message), qPrintable(result.errorString()));
}

void tst_Json::tenMegabyteString()
{
    QByteArray big = "{\"markdown\": \"" + QByteArray(10 * 1024 * 1024, 'x') + "\"}";
    auto limited = parseJson(big);
    QVERIFY(!limited.ok());
    QVERIFY2(limited.errorString().contains(QStringLiteral("the limit is 4194304 bytes")), qPrintable(limited.errorString()));
    // With a larger limit the same document parses, and its string keeps every byte.
    JsonLimits roomy;
    roomy.maxBytes = 16 * 1024 * 1024;
    auto parsed = parseJson(big, roomy);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value()[QStringLiteral("markdown")].toString().size(), 10 * 1024 * 1024);
}

void tst_Json::deepNestingDoesNotOverflow()
{
    JsonLimits roomy;
    roomy.maxBytes = 64 * 1024 * 1024;
    const QByteArray deep = QByteArray(1'000'000, '[') + QByteArray(1'000'000, ']');
    auto result = parseJson(deep, roomy);
    QVERIFY(!result.ok());
    QVERIFY(result.errorString().contains(QStringLiteral("nesting deeper than 32")));
    const QByteArray deepObjects = QByteArray("{\"a\":").repeated(100) + "1" + QByteArray(100, '}');
    QVERIFY(!parseJson(deepObjects).ok());
}

void tst_Json::randomCorruptionNeverCrashes()
{
    const QByteArray seed = QByteArrayLiteral(
        R"({"id":"0f8fad5b-d9cb-469f-a165-70867728950e","paragraphs":[{"id":"p1","kind":"text","markdown":"## Purpose\n\nCaf\u00e9 \ud83d\ude00"}],"tags":{"regions":["london"]},"n":[1,-2,3]})");
    QVERIFY(parseJson(seed).ok());
    QRandomGenerator rng(20261124);
    int rejected = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray mutated = seed;
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e) {
            const auto pos = qsizetype(rng.bounded(quint32(mutated.size())));
            switch (rng.bounded(3)) {
            case 0: mutated[pos] = char(rng.bounded(256)); break;
            case 1: mutated.remove(pos, 1 + qsizetype(rng.bounded(8))); break;
            default: mutated.insert(pos, char(rng.bounded(256))); break;
            }
        }
        auto result = parseJson(mutated);
        if (!result.ok()) {
            ++rejected;
            QVERIFY(!result.issues().first().message.isEmpty());
            QVERIFY(result.issues().first().where.startsWith(QStringLiteral("line ")) || result.issues().first().where.isEmpty());
        } else {
            // Anything accepted survives a canonical round trip.
            auto again = parseJson(serializeCanonical(result.value()));
            QVERIFY(again.ok());
            QVERIFY(again.value() == result.value());
        }
    }
    QVERIFY(rejected > 1000);
}

QTEST_GUILESS_MAIN(tst_Json)
#include "tst_json.moc"
