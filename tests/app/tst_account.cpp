// Accounts: what a person may type as a server address, the replica file named from
// user@host, the workspace refusing a replica of another account, and the token store
// answering promptly with or without a keychain service (never waiting on a missing one).
#include "apptestsupport.h"

#include "account/account.h"
#include "account/tokenstore.h"
#include "account/workspace.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace carta;
using namespace carta::app;
using carta::testing::S;

class tst_Account : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverUrlFromInput_data();
    void serverUrlFromInput();
    void replicaFileNamedFromUserAndHost();
    void workspaceBelongsToOneAccount();
    void tokenStoreAnswersPromptly();
    void tokenStoreWithKeychainSwitchedOff();
};

void tst_Account::initTestCase()
{
    carta::testing::isolateSettings("account");
}

void tst_Account::serverUrlFromInput_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("host only") << S("carta.hee.nhs.uk") << S("https://carta.hee.nhs.uk");
    QTest::newRow("https with slash") << S("https://carta.hee.nhs.uk/") << S("https://carta.hee.nhs.uk");
    QTest::newRow("spaces around") << S("  https://carta.hee.nhs.uk  ") << S("https://carta.hee.nhs.uk");
    QTest::newRow("http and port") << S("http://127.0.0.1:8080") << S("http://127.0.0.1:8080");
    QTest::newRow("path kept") << S("https://example.org/carta//") << S("https://example.org/carta");
    QTest::newRow("empty") << S("") << S("");
    QTest::newRow("ftp") << S("ftp://carta.hee.nhs.uk") << S("");
    QTest::newRow("file") << S("file:///etc/passwd") << S("");
    QTest::newRow("no host") << S("https://") << S("");
    QTest::newRow("spaces inside") << S("carta hee nhs uk") << S("");
}

void tst_Account::serverUrlFromInput()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(app::serverUrlFromInput(typed).toString(), expected);
}

void tst_Account::replicaFileNamedFromUserAndHost()
{
    const Account account{QUrl(S("http://127.0.0.1:8080")), S("alice.jones")};
    QCOMPARE(account.key(), S("alice.jones@127.0.0.1:8080"));
    QVERIFY(account.replicaPath().endsWith(S("/replicas/alice.jones@127.0.0.1_8080.sqlite")));
    QVERIFY(account.replicaPath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    // Nothing in a user name can climb out of the folder.
    const Account tricky{QUrl(S("https://carta.example.org")), S("../../etc/x")};
    QVERIFY(!tricky.replicaPath().contains(S("/../")));
    QVERIFY(tricky.replicaPath().endsWith(S("/replicas/.._.._etc_x@carta.example.org.sqlite")));
}

void tst_Account::workspaceBelongsToOneAccount()
{
    const Account alice{QUrl(S("http://127.0.0.1:8080")), S("alice.jones")};
    auto workspace = Workspace::openForAccount(alice);
    QVERIFY2(workspace.ok(), qPrintable(workspace.errorString()));
    QCOMPARE(workspace.value()->account(), alice);
    QCOMPARE(QFile::permissions(alice.replicaPath()) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    workspace.value().reset();

    // Reopened by path, it knows its account; another account is refused.
    auto again = Workspace::open(alice.replicaPath());
    QVERIFY(again.ok());
    QCOMPARE(again.value()->account(), alice);
    auto other = again.value()->setAccount(Account{QUrl(S("http://127.0.0.1:9090")), S("alice.jones")});
    QVERIFY(!other.ok());
    QVERIFY(other.errorString().contains(S("belongs to alice.jones")));
}

void tst_Account::tokenStoreAnswersPromptly()
{
    TokenStore store;
    store.setTimeout(1500);
    QElapsedTimer timer;
    timer.start();
    bool written = false;
    store.write(S("alice@example.org"), S("secret-token"), [&] { written = true; });
    QTRY_VERIFY(written);
    QString read;
    bool answered = false;
    store.read(S("alice@example.org"), [&](const QString &token) {
        read = token;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(read, S("secret-token"));
    // Whatever the machine has (a keychain, none, or one that does not answer), both calls
    // end within the time box.
    QVERIFY(timer.elapsed() < 2 * 1500 + 3000); // far below a D-Bus call that hangs (25 s)
    // Unknown accounts read as empty.
    answered = false;
    store.read(S("nobody@example.org"), [&](const QString &token) {
        read = token;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QVERIFY(read.isEmpty());
    QCOMPARE(store.warning().isEmpty(), store.keychainAvailable());
}

void tst_Account::tokenStoreWithKeychainSwitchedOff()
{
    qputenv("CARTA_KEYCHAIN", "off");
    TokenStore store;
    qunsetenv("CARTA_KEYCHAIN");
    QVERIFY(!store.keychainAvailable());
    QVERIFY(store.warning().contains(S("kept only until Carta closes")));
    bool answered = false;
    store.write(S("bob@example.org"), S("t"));
    store.read(S("bob@example.org"), [&](const QString &token) {
        QCOMPARE(token, S("t"));
        answered = true;
    });
    QVERIFY(!answered); // always asynchronous, keychain or not
    QTRY_VERIFY(answered);
}

QTEST_MAIN(tst_Account)
#include "tst_account.moc"
