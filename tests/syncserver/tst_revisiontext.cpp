// The pull answers' cache of revisions' JSON text (syncserver/revisiontext.h): what it finds,
// that it never holds more than its budget, that what is asked for again stays while a
// stream of new entries passes through, and that it is safe from several threads.
#include "syncserver/revisiontext.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace carta::syncserver;
using namespace Qt::StringLiterals;

namespace {

QString blobFor(int n)
{
    return u"%1"_s.arg(n, 40, 16, QLatin1Char('0'));
}

QByteArray textFor(int n, qsizetype size = 900)
{
    QByteArray text = "{\"n\":" + QByteArray::number(n) + ",\"pad\":\"";
    text += QByteArray(size - text.size() - 2, 'x');
    return text + "\"}";
}

} // namespace

class tst_RevisionText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatWasInserted();
    void neverHoldsMoreThanItsBudget();
    void whatIsAskedForAgainStays();
    void anEntryLargerThanHalfTheBudgetIsNotKept();
    void manyThreadsAtOnce();
};

void tst_RevisionText::findsWhatWasInserted()
{
    RevisionTextCache cache(1024 * 1024);
    QVERIFY(!cache.find(blobFor(1)));
    cache.insert(blobFor(1), textFor(1));
    cache.insert(blobFor(2), textFor(2));
    QCOMPARE(cache.find(blobFor(1)).value_or(QByteArray()), textFor(1));
    QCOMPARE(cache.find(blobFor(2)).value_or(QByteArray()), textFor(2));
    QVERIFY(!cache.find(blobFor(3)));
    // A second insert of the same revision changes nothing (a revision's text never changes).
    cache.insert(blobFor(1), "other");
    QCOMPARE(cache.find(blobFor(1)).value_or(QByteArray()), textFor(1));
    QCOMPARE(cache.entries(), 2);
}

void tst_RevisionText::neverHoldsMoreThanItsBudget()
{
    constexpr qsizetype kBudget = 100 * 1024;
    RevisionTextCache cache(kBudget);
    qsizetype most = 0;
    for (int n = 0; n < 2000; ++n) {
        cache.insert(blobFor(n), textFor(n));
        most = std::max(most, cache.bytes());
        QVERIFY2(cache.bytes() <= kBudget, qPrintable(u"%1 bytes after %2 entries"_s.arg(cache.bytes()).arg(n + 1)));
    }
    // It is used: at least a third of the budget is held once it has filled.
    QVERIFY2(most >= kBudget / 3, qPrintable(QString::number(most)));
    // The newest are there, the oldest gone.
    QVERIFY(cache.find(blobFor(1999)));
    QVERIFY(!cache.find(blobFor(0)));
}

void tst_RevisionText::whatIsAskedForAgainStays()
{
    constexpr qsizetype kBudget = 100 * 1024;
    RevisionTextCache cache(kBudget);
    for (int hot = 0; hot < 10; ++hot)
        cache.insert(blobFor(hot), textFor(hot));
    // A stream of 5,000 other revisions (a full pull, ~4.5 MB of text) passes through while
    // the ten are asked for every 20 entries: they stay.
    for (int n = 10; n < 5010; ++n) {
        cache.insert(blobFor(n), textFor(n));
        if (n % 20 == 0) {
            for (int hot = 0; hot < 10; ++hot)
                QVERIFY2(cache.find(blobFor(hot)), qPrintable(u"revision %1 lost after %2 others"_s.arg(hot).arg(n)));
        }
    }
    QVERIFY(cache.bytes() <= kBudget);
    // Not asked for again: gone.
    QVERIFY(!cache.find(blobFor(20)));
}

void tst_RevisionText::anEntryLargerThanHalfTheBudgetIsNotKept()
{
    RevisionTextCache cache(10 * 1024);
    cache.insert(blobFor(1), textFor(1));
    cache.insert(blobFor(2), textFor(2, 6 * 1024));
    QVERIFY(!cache.find(blobFor(2)));
    QVERIFY(cache.find(blobFor(1)));
    QVERIFY(cache.bytes() <= 10 * 1024);
}

void tst_RevisionText::manyThreadsAtOnce()
{
    RevisionTextCache cache(256 * 1024);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&cache, &wrong, t] {
            for (int i = 0; i < 4000; ++i) {
                const int n = (i * 7 + t * 13) % 600;
                if (const auto text = cache.find(blobFor(n))) {
                    if (*text != textFor(n))
                        ++wrong;
                } else {
                    cache.insert(blobFor(n), textFor(n));
                }
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(wrong.load(), 0);
    QVERIFY(cache.bytes() <= 256 * 1024);
    QVERIFY(cache.entries() > 0);
}

QTEST_APPLESS_MAIN(tst_RevisionText)
#include "tst_revisiontext.moc"
