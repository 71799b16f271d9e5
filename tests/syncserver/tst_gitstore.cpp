// The git content store, checked with the git command line: commits readable by plain
// git, fsck --strict clean, compare-and-swap on branches, deletes, history, packing.
#include "syncserver/gitstore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace carta::syncserver;

class tst_GitStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void commitIsPlainGit();
    void nestedWritesAndDeletes();
    void changedFilesAgreeWithGitDiff();
    void staleTipIsRefused();
    void unsafePathsAreRefused_data();
    void unsafePathsAreRefused();
    void historyOfAFile();
    void commitsWritePacksNotLooseObjects();
    void mergingIsGeometric();
    void reopenSeesCommits();

private:
    QString git(const QStringList &args, int *exitCode = nullptr);
    Signature author(const QString &name = QStringLiteral("Aisha Khan"));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GitStore> m_store;
};

QString tst_GitStore::git(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), m_store->path()} + args);
    if (!p.waitForFinished(60000))
        qFatal("git did not finish");
    if (exitCode)
        *exitCode = p.exitCode();
    else if (p.exitCode() != 0)
        qWarning("git %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

Signature tst_GitStore::author(const QString &name)
{
    return Signature{name, name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) + QStringLiteral("@hee.nhs.uk"),
                     QDateTime(QDate(2026, 11, 24), QTime(10, 30), QTimeZone(0))};
}

void tst_GitStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = GitStore::open(m_dir->filePath(QStringLiteral("repo.git")), true);
    QVERIFY2(store.ok(), qPrintable(store.errorString()));
    m_store = std::move(store).value();
}

void tst_GitStore::commitIsPlainGit()
{
    QCOMPARE(m_store->tip(QStringLiteral("content")).value(), QString());
    const QByteArray bytes = "{\n  \"title\": \"Cardiology\"\n}\n";
    auto c = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/page/ab/abc.json"), bytes}}, author(),
                             QStringLiteral("Create Cardiology\n\nCarta-Item: abc\nCarta-Action: create"), QString());
    QVERIFY2(c.ok(), qPrintable(c.errorString()));
    QCOMPARE(c.value().size(), 40);
    QCOMPARE(m_store->tip(QStringLiteral("content")).value(), c.value());
    QCOMPARE(git({QStringLiteral("rev-parse"), QStringLiteral("content")}).trimmed(), c.value());
    QCOMPARE(git({QStringLiteral("show"), QStringLiteral("content:content/page/ab/abc.json")}).toUtf8(), bytes);
    QCOMPARE(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an <%ae>|%(trailers:key=Carta-Action,valueonly)"), QStringLiteral("content")}).trimmed(),
             QStringLiteral("Aisha Khan <aisha.khan@hee.nhs.uk>|create"));
    int rc = -1;
    git({QStringLiteral("fsck"), QStringLiteral("--strict")}, &rc);
    QCOMPARE(rc, 0);
    // The blob id git reports is the revision id Carta uses.
    QCOMPARE(m_store->blobIdAt(QStringLiteral("content"), QStringLiteral("content/page/ab/abc.json")).value(),
             git({QStringLiteral("rev-parse"), QStringLiteral("content:content/page/ab/abc.json")}).trimmed());
    QCOMPARE(m_store->readFile(c.value(), QStringLiteral("content/page/ab/abc.json")).value().value(), bytes);
    QVERIFY(!m_store->readFile(QStringLiteral("content"), QStringLiteral("content/page/ab/missing.json")).value().has_value());
}

void tst_GitStore::nestedWritesAndDeletes()
{
    auto first = m_store->commit(QStringLiteral("content"),
                                 {{QStringLiteral("content/page/ab/a.json"), QByteArray("a\n")},
                                  {QStringLiteral("content/page/cd/c.json"), QByteArray("c\n")},
                                  {QStringLiteral("content/news/ef/e.json"), QByteArray("e\n")}},
                                 author(), QStringLiteral("three"), QString());
    QVERIFY(first.ok());
    auto second = m_store->commit(QStringLiteral("content"),
                                  {{QStringLiteral("content/page/cd/c.json"), std::nullopt},
                                   {QStringLiteral("content/page/ab/a.json"), QByteArray("a2\n")},
                                   {QStringLiteral("content/page/zz/never-there.json"), std::nullopt}},
                                  author(), QStringLiteral("edit and delete"), first.value());
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    QCOMPARE(git({QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("--name-only"), QStringLiteral("content")}).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             QStringList({QStringLiteral("content/news/ef/e.json"), QStringLiteral("content/page/ab/a.json")}));
    // The emptied folder is gone, not left as an empty tree.
    int rc = -1;
    git({QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("content:content/page/cd")}, &rc);
    QVERIFY(rc != 0);
    QCOMPARE(git({QStringLiteral("show"), QStringLiteral("content:content/page/ab/a.json")}), QStringLiteral("a2\n"));
    git({QStringLiteral("fsck"), QStringLiteral("--strict")}, &rc);
    QCOMPARE(rc, 0);
}

void tst_GitStore::changedFilesAgreeWithGitDiff()
{
    const QString S = QStringLiteral("content");
    auto first = m_store->commit(S,
                                 {{QStringLiteral("content/page/ab/a.json"), QByteArray("a\n")},
                                  {QStringLiteral("content/page/cd/c.json"), QByteArray("c\n")},
                                  {QStringLiteral("content/news/ef/e.json"), QByteArray("e\n")},
                                  {QStringLiteral("other/x.json"), QByteArray("x\n")}},
                                 author(), QStringLiteral("four"), QString());
    QVERIFY(first.ok());
    auto second = m_store->commit(S,
                                  {{QStringLiteral("content/page/cd/c.json"), std::nullopt},
                                   {QStringLiteral("content/page/ab/a.json"), QByteArray("a2\n")},
                                   {QStringLiteral("content/policy/ab/p.json"), QByteArray("p\n")},
                                   {QStringLiteral("other/x.json"), QByteArray("x2\n")}},
                                  author(), QStringLiteral("edit, delete, add"), first.value());
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    auto changed = m_store->changedFiles(first.value(), second.value(), S);
    QVERIFY2(changed.ok(), qPrintable(changed.errorString()));
    // What git itself says changed under content/: path and blob (empty when deleted).
    QStringList expected;
    const QString diff = git({QStringLiteral("diff"), QStringLiteral("--name-status"), first.value(), second.value(), QStringLiteral("--"), S});
    for (const QString &line : diff.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(QLatin1Char('\t'));
        const QString blob = parts.at(0) == QStringLiteral("D") ? QString()
                                                              : git({QStringLiteral("rev-parse"), second.value() + QLatin1Char(':') + parts.at(1)}).trimmed();
        expected.append(parts.at(1) + QLatin1Char(' ') + blob);
    }
    QStringList got;
    for (const auto &[path, blob] : changed.value())
        got.append(path + QLatin1Char(' ') + blob);
    got.sort();
    expected.sort();
    QCOMPARE(expected.size(), 3); // the edit, the delete and the add; not other/x.json
    QCOMPARE(got, expected);
    // Nothing changed: nothing listed.
    auto none = m_store->changedFiles(second.value(), second.value(), S);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void tst_GitStore::staleTipIsRefused()
{
    auto first = m_store->commit(QStringLiteral("live"), {{QStringLiteral("content/a.json"), QByteArray("1\n")}}, author(), QStringLiteral("one"), QString());
    QVERIFY(first.ok());
    auto second = m_store->commit(QStringLiteral("live"), {{QStringLiteral("content/a.json"), QByteArray("2\n")}}, author(), QStringLiteral("two"), first.value());
    QVERIFY(second.ok());
    auto stale = m_store->commit(QStringLiteral("live"), {{QStringLiteral("content/a.json"), QByteArray("3\n")}}, author(), QStringLiteral("three"), first.value());
    QVERIFY(!stale.ok());
    QVERIFY2(stale.errorString().contains(QStringLiteral("moved")), qPrintable(stale.errorString()));
    auto again = m_store->commit(QStringLiteral("live"), {{QStringLiteral("content/a.json"), QByteArray("3\n")}}, author(), QStringLiteral("three"), QString());
    QVERIFY(!again.ok());
    QCOMPARE(m_store->tip(QStringLiteral("live")).value(), second.value());
    QCOMPARE(git({QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("live")}).trimmed(), QStringLiteral("2"));
}

void tst_GitStore::unsafePathsAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("parent") << QStringLiteral("content/../../etc/passwd");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
    QTest::newRow("dot git") << QStringLiteral(".git/config");
    QTest::newRow("empty part") << QStringLiteral("content//a.json");
    QTest::newRow("backslash") << QStringLiteral("content\\a.json");
    QTest::newRow("empty") << QString();
}

void tst_GitStore::unsafePathsAreRefused()
{
    QFETCH(QString, path);
    auto ok = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/ok.json"), QByteArray("ok\n")}}, author(), QStringLiteral("ok"), QString());
    QVERIFY(ok.ok());
    auto bad = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/fine.json"), QByteArray("x\n")}, {path, QByteArray("x\n")}},
                               author(), QStringLiteral("bad"), ok.value());
    QVERIFY(!bad.ok());
    QCOMPARE(bad.issues().first().where, path);
    // Nothing of the batch was applied.
    QCOMPARE(m_store->tip(QStringLiteral("content")).value(), ok.value());
    QVERIFY(!m_store->readFile(QStringLiteral("content"), QStringLiteral("content/fine.json")).value().has_value());
}

void tst_GitStore::historyOfAFile()
{
    QString tip;
    const QString path = QStringLiteral("content/curriculum/12/12ab.json");
    for (int i = 1; i <= 3; ++i) {
        auto c = m_store->commit(QStringLiteral("content"), {{path, QByteArray::number(i) + '\n'}},
                                 author(i == 2 ? QStringLiteral("Tom Price") : QStringLiteral("Aisha Khan")),
                                 QStringLiteral("revision %1").arg(i), tip);
        QVERIFY(c.ok());
        tip = c.value();
        auto other = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/other.json"), QByteArray::number(i) + '\n'}},
                                     author(), QStringLiteral("other %1").arg(i), tip);
        QVERIFY(other.ok());
        tip = other.value();
    }
    auto history = m_store->history(QStringLiteral("content"), path);
    QVERIFY2(history.ok(), qPrintable(history.errorString()));
    QCOMPARE(history.value().size(), 3);
    QCOMPARE(history.value()[0].message.trimmed(), QStringLiteral("revision 3"));
    QCOMPARE(history.value()[1].authorName, QStringLiteral("Tom Price"));
    QCOMPARE(m_store->readBlob(history.value()[2].blob).value(), QByteArray("1\n"));
    const QStringList fromGit = git({QStringLiteral("log"), QStringLiteral("--format=%H"), QStringLiteral("content"), QStringLiteral("--"), path})
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(fromGit.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(history.value()[i].commit, fromGit[i]);
}

void tst_GitStore::commitsWritePacksNotLooseObjects()
{
    QString tip;
    for (int i = 0; i < 20; ++i) {
        auto c = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/x/%1.json").arg(i % 5), QByteArray::number(i) + '\n'}},
                                 author(), QStringLiteral("c%1").arg(i), tip);
        QVERIFY(c.ok());
        tip = c.value();
    }
    // One pack per commit, each accepted by git's own checker, and no loose object.
    QCOMPARE(m_store->looseObjectCount(), 0);
    QCOMPARE(m_store->packsWritten(), 20);
    const QString counts = git({QStringLiteral("count-objects"), QStringLiteral("-v")});
    QVERIFY2(counts.contains(QStringLiteral("count: 0\n")) && counts.contains(QStringLiteral("packs: 20\n")), qPrintable(counts));
    const QDir packDir(m_dir->filePath(QStringLiteral("repo.git/objects/pack")));
    for (const QString &idx : packDir.entryList({QStringLiteral("pack-*.idx")})) {
        int rc = -1;
        const QString out = git({QStringLiteral("verify-pack"), QStringLiteral("-v"), packDir.filePath(idx)}, &rc);
        QVERIFY2(rc == 0, qPrintable(out));
    }
    int rc = -1;
    git({QStringLiteral("fsck"), QStringLiteral("--strict"), QStringLiteral("--full")}, &rc);
    QCOMPARE(rc, 0);

    // Merging: the 20 small packs become one; everything stays readable, here and by git.
    auto merged = m_store->mergeSmallPacks();
    QVERIFY2(merged.ok(), qPrintable(merged.errorString()));
    QCOMPARE(merged.value(), 20);
    QCOMPARE(m_store->packsWritten(), 0);
    QVERIFY(git({QStringLiteral("count-objects"), QStringLiteral("-v")}).contains(QStringLiteral("packs: 1\n")));
    git({QStringLiteral("fsck"), QStringLiteral("--strict"), QStringLiteral("--full")}, &rc);
    QCOMPARE(rc, 0);
    QCOMPARE(m_store->readFile(QStringLiteral("content"), QStringLiteral("content/x/4.json")).value().value(), QByteArray("19\n"));
    auto after = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/x/new.json"), QByteArray("n\n")}}, author(), QStringLiteral("after"), tip);
    QVERIFY2(after.ok(), qPrintable(after.errorString()));
    QCOMPARE(git({QStringLiteral("show"), QStringLiteral("content:content/x/new.json")}), QStringLiteral("n\n"));
    // A full pack leaves one pack too.
    QVERIFY(m_store->pack().ok());
    QVERIFY(git({QStringLiteral("count-objects"), QStringLiteral("-v")}).contains(QStringLiteral("packs: 1\n")));
    git({QStringLiteral("fsck"), QStringLiteral("--strict"), QStringLiteral("--full")}, &rc);
    QCOMPARE(rc, 0);
}

void tst_GitStore::mergingIsGeometric()
{
    // A big pack is left alone while the small ones after it are merged, until together
    // they are at least half its size.
    QList<FileWrite> many;
    for (int i = 0; i < 200; ++i)
        many.append({QStringLiteral("content/big/%1.json").arg(i), QByteArray::number(i) + '\n'});
    auto base = m_store->commit(QStringLiteral("content"), many, author(), QStringLiteral("big"), QString());
    QVERIFY(base.ok());
    QString tip = base.value();
    const auto packCount = [&] {
        return QDir(m_dir->filePath(QStringLiteral("repo.git/objects/pack"))).entryList({QStringLiteral("pack-*.idx")}).size();
    };
    for (int i = 0; i < 5; ++i) {
        auto c = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/small/%1.json").arg(i), QByteArray("s\n")}}, author(), QStringLiteral("s"), tip);
        QVERIFY(c.ok());
        tip = c.value();
    }
    QCOMPARE(packCount(), 6);
    auto merged = m_store->mergeSmallPacks();
    QVERIFY(merged.ok());
    QCOMPARE(merged.value(), 5);
    QCOMPARE(packCount(), 2);
    // Staged but discarded: nothing is written, the branch does not move.
    auto staged = m_store->stage({{QStringLiteral("content/small/x.json"), QByteArray("x\n")}}, author(), QStringLiteral("x"), tip);
    QVERIFY(staged.ok());
    m_store->discardStaged();
    QCOMPARE(m_store->tip(QStringLiteral("content")).value(), tip);
    QCOMPARE(packCount(), 2);
    int rc = -1;
    git({QStringLiteral("cat-file"), QStringLiteral("-e"), staged.value()}, &rc);
    QVERIFY(rc != 0);
    git({QStringLiteral("fsck"), QStringLiteral("--strict"), QStringLiteral("--full")}, &rc);
    QCOMPARE(rc, 0);
}

void tst_GitStore::reopenSeesCommits()
{
    auto c = m_store->commit(QStringLiteral("content"), {{QStringLiteral("content/a.json"), QByteArray("a\n")}}, author(), QStringLiteral("a"), QString());
    QVERIFY(c.ok());
    const QString path = m_store->path();
    m_store.reset();
    auto reopened = GitStore::open(path, false);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.value()->tip(QStringLiteral("content")).value(), c.value());
    auto missing = GitStore::open(m_dir->filePath(QStringLiteral("nowhere.git")), false);
    QVERIFY(!missing.ok());
    QVERIFY(missing.errorString().contains(QStringLiteral("cannot open the repository")));
}

QTEST_GUILESS_MAIN(tst_GitStore)
#include "tst_gitstore.moc"
