// Sign-in and sync against a real carta-syncd, through the real widgets: the sign-in
// dialog checks the account (a wrong token is refused in the dialog), the account's replica
// opens, an item written in the editor goes to the server when Sync is clicked, a change
// made on the server reaches the open editor with the next sync, and with the server gone
// a sync ends calmly with the work kept.
#include "../common/syncdprocess.h"
#include "apptestsupport.h"

#include "account/signindialog.h"
#include "account/tokenstore.h"
#include "widgets/itemeditor.h"
#include "models/itemcatalogue.h"
#include "widgets/mainwindow.h"

#include "sync/syncengine.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using namespace carta::testing;

class tst_MainWindowSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInRefusesAWrongToken();
    void signInEditAndSync();

private:
    void fillSignIn(SignInDialog &dialog, const QString &token);
    // Pushes an item as the admin through a replica of its own.
    void adminSave(const std::function<void(Item &)> &edit, const QUuid &id);

    std::unique_ptr<SyncdProcess> m_server;
    QString m_admin;
    QString m_alice;
    QTemporaryDir m_adminDir;
    TokenStore m_tokens;
};

void tst_MainWindowSync::initTestCase()
{
    isolateSettings("mainwindowsync");
    m_tokens.setTimeout(2000);
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    m_admin = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_alice = m_server->addUser(S("alice.jones"), S("author"), S("london"));
    QVERIFY(m_server->start());
    // The region term london first: the author's items are tagged with it.
    auto replica = replica::Replica::open(m_adminDir.filePath(S("admin.sqlite")));
    QVERIFY(replica.ok());
    Item london = Item::create(ItemType::Term);
    london.title = S("London");
    london.slug = S("london");
    london.as<TermFields>().vocabulary = Vocabulary::Region;
    save(*replica.value(), london);
    sync::SyncEngine engine(*replica.value(), QUrl(m_server->baseUrl()), m_admin);
    auto report = engine.runBlocking();
    QVERIFY2(report.ok(), qPrintable(report.errorString()));
    QCOMPARE(report.value().pushed, 1);
    // Published, so every author sees it (a national draft is outside a London author's scope).
    HttpClient http(m_server->baseUrl(), m_admin);
    for (const char *action : {"submit", "approve", "publish"}) {
        const HttpResult done = http.post(S("/api/v1/items/") + idString(london.id) + S("/actions"),
                                          JsonValue(JsonObject{{S("action"), S(action)}}));
        QVERIFY2(done.status == 200, qPrintable(S(action) + S(": ") + QString::fromUtf8(done.body)));
    }
}

void tst_MainWindowSync::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void tst_MainWindowSync::fillSignIn(SignInDialog &dialog, const QString &token)
{
    auto *server = dialog.findChild<QLineEdit *>(S("serverEdit"));
    auto *user = dialog.findChild<QLineEdit *>(S("userEdit"));
    auto *tokenEdit = dialog.findChild<QLineEdit *>(S("tokenEdit"));
    QVERIFY(server && user && tokenEdit);
    server->clear();
    user->clear();
    tokenEdit->clear();
    QTest::keyClicks(server, m_server->baseUrl());
    QTest::keyClicks(user, S("alice.jones"));
    QTest::keyClicks(tokenEdit, token);
    QTest::mouseClick(dialog.findChild<QPushButton *>(S("signInButton")), Qt::LeftButton);
}

void tst_MainWindowSync::adminSave(const std::function<void(Item &)> &edit, const QUuid &id)
{
    auto replica = replica::Replica::open(m_adminDir.filePath(S("admin.sqlite")));
    QVERIFY(replica.ok());
    sync::SyncEngine pull(*replica.value(), QUrl(m_server->baseUrl()), m_admin);
    QVERIFY(pull.runBlocking().ok());
    Item item = replica.value()->item(id).value()->item().value();
    edit(item);
    save(*replica.value(), item);
    sync::SyncEngine push(*replica.value(), QUrl(m_server->baseUrl()), m_admin);
    auto report = push.runBlocking();
    QVERIFY(report.ok());
    QCOMPARE(report.value().pushed, 1);
}

void tst_MainWindowSync::signInRefusesAWrongToken()
{
    SignInDialog dialog(m_tokens);
    dialog.show();
    fillSignIn(dialog, S("not-the-token"));
    auto *message = dialog.findChild<QLabel *>(S("signInMessage"));
    QTRY_VERIFY(message->text().contains(S("refused this token")));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.findChild<QPushButton *>(S("signInButton"))->isEnabled());
}

void tst_MainWindowSync::signInEditAndSync()
{
    // ---- sign in ----
    SignInDialog dialog(m_tokens);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    fillSignIn(dialog, m_alice);
    QVERIFY(accepted.wait(20000));
    QCOMPARE(dialog.account().user, S("alice.jones"));
    QCOMPARE(dialog.role(), S("author"));
    QCOMPARE(dialog.account().replicaPath().section(QLatin1Char('/'), -1),
             S("alice.jones@127.0.0.1:%1.sqlite").arg(m_server->port()).replace(QLatin1Char(':'), QLatin1Char('_')));

    auto workspace = Workspace::openForAccount(dialog.account());
    QVERIFY2(workspace.ok(), qPrintable(workspace.errorString()));
    // The token is found again where the dialog put it (keychain, or this session's memory).
    MainWindow window(std::move(workspace).value(), m_tokens);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.workspace().token(), m_alice);
    auto *online = window.findChild<QLabel *>(S("onlineState"));
    QTRY_COMPARE(online->text(), S("Online"));

    // ---- the first sync brings the taxonomy (the region London) ----
    auto *syncButton = window.findChild<QPushButton *>(S("syncButton"));
    QSignalSpy finished(&window, &MainWindow::syncFinished);
    QTest::mouseClick(syncButton, Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY2(window.catalogue().hasTerm(Vocabulary::Region, S("london")), qPrintable(finished.first().at(1).toString()));
    finished.clear();

    // ---- write a page ----
    ItemEditor *editor = window.newItem(ItemType::Page);
    QTest::keyClicks(editor->findChild<QLineEdit *>(S("titleEdit")), S("London foundation school"));
    QTest::keyClicks(editor->findChild<QLineEdit *>(S("slugEdit")), S("london-foundation-school"));
    QTest::keyClicks(editor->findChild<QPlainTextEdit *>(S("summaryEdit")), S("Foundation training in London."));
    auto *region = editor->findChild<QLineEdit *>(S("regionTagsEdit"));
    QTest::keyClicks(region, S("London"));
    QTest::keyClick(region, Qt::Key_Return);
    QCOMPARE(editor->document()->item().tags.regions, QStringList{S("london")});
    QTest::mouseClick(editor->findChild<QPushButton *>(S("addParagraphButton")), Qt::LeftButton);
    QTest::keyClicks(editor->findChild<QPlainTextEdit *>(S("paragraphBodyEdit")), S("Apply through Oriel."));
    QVERIFY2(editor->document()->issues().isEmpty(), qPrintable(joinIssues(editor->document()->issues())));
    const QUuid id = editor->itemId();

    // ---- Sync: click, wait for the end ----
    QTest::mouseClick(syncButton, Qt::LeftButton);
    QVERIFY(window.findChild<QProgressBar *>(S("syncProgress"))->isVisible());
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!window.findChild<QProgressBar *>(S("syncProgress"))->isVisible());
    QCOMPARE(window.statusBar()->currentMessage(), finished.first().at(1).toString());
    QVERIFY(finished.first().at(1).toString().startsWith(S("Synced: sent 1 change")));
    QCOMPARE(window.findChild<QLabel *>(S("pendingChanges"))->text(), S("All changes sent"));
    QVERIFY(window.findChild<QLabel *>(S("lastSync"))->text().startsWith(S("Last sync: ")));

    HttpClient http(m_server->baseUrl(), m_admin);
    const HttpResult onServer = http.get(S("/api/v1/items/") + idString(id));
    QCOMPARE(onServer.status, 200);
    QCOMPARE(onServer.json()[S("item")][S("title")].toString(), S("London foundation school"));
    QCOMPARE(serializeCanonical(onServer.json()[S("item")]), serialize(editor->document()->item()));

    // ---- a change on the server reaches the open editor with the next sync ----
    adminSave([](Item &item) { item.summary = S("Foundation training across London's three foundation schools."); }, id);
    finished.clear();
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(editor->findChild<QPlainTextEdit *>(S("summaryEdit"))->toPlainText(),
             S("Foundation training across London's three foundation schools."));
    QVERIFY(!editor->hasUnsavedChanges());

    // ---- the server goes away: the sync ends calmly, the edit stays ----
    QCOMPARE(m_server->stop(), 0);
    QTest::keyClicks(editor->findChild<QLineEdit *>(S("titleEdit")), S(" (offline edit)"));
    finished.clear();
    QTest::mouseClick(syncButton, Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.first().at(0).toBool());
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.startsWith(S("Sync did not finish: the server cannot be reached")), qPrintable(message));
    QTRY_COMPARE(online->text(), S("Offline"));
    QCOMPARE(window.findChild<QLabel *>(S("pendingChanges"))->text(), S("1 change not sent"));
    const auto stored = storedItem(window.workspace().replica().path(), id);
    QVERIFY(stored);
    QCOMPARE(stored->title, S("London foundation school (offline edit)"));

    // ---- still offline: more work, in a second item too; all of it kept ----
    auto *summary = editor->findChild<QPlainTextEdit *>(S("summaryEdit"));
    summary->selectAll();
    QTest::keyClicks(summary, S("Written on the train."));
    ItemEditor *second = window.newItem(ItemType::Page);
    QTest::keyClicks(second->findChild<QLineEdit *>(S("titleEdit")), S("Returning to training"));
    QTest::keyClicks(second->findChild<QLineEdit *>(S("slugEdit")), S("returning-to-training"));
    QTest::keyClicks(second->findChild<QPlainTextEdit *>(S("summaryEdit")), S("Support for doctors returning to practice."));
    auto *secondRegion = second->findChild<QLineEdit *>(S("regionTagsEdit"));
    QTest::keyClicks(secondRegion, S("london"));
    QTest::keyClick(secondRegion, Qt::Key_Return); // the slug, in any case, is taken too
    QCOMPARE(second->document()->item().tags.regions, QStringList{S("london")});
    QVERIFY(editor->save() && second->save());
    QCOMPARE(window.findChild<QLabel *>(S("pendingChanges"))->text(), S("2 changes not sent"));

    // ---- back online: the next sync sends both, once, and the status says so ----
    QVERIFY(m_server->restartOnSamePort());
    finished.clear();
    QTest::mouseClick(syncButton, Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    // The batch recorded by the failed sync goes first (the title edit), then the rest.
    const QString backOnline = finished.first().at(1).toString();
    QVERIFY2(backOnline.startsWith(S("Synced: sent ")) && !backOnline.contains(S("refused")), qPrintable(backOnline));
    QTRY_COMPARE(online->text(), S("Online"));
    QCOMPARE(window.findChild<QLabel *>(S("pendingChanges"))->text(), S("All changes sent"));
    for (ItemEditor *sent : {editor, second}) {
        const HttpResult back = http.get(S("/api/v1/items/") + idString(sent->itemId()));
        QCOMPARE(back.status, 200);
        QCOMPARE(serializeCanonical(back.json()[S("item")]), serialize(sent->document()->item()));
    }
    QCOMPARE(http.get(S("/api/v1/items/") + idString(id)).json()[S("item")][S("summary")].toString(),
             S("Written on the train."));
    // Every commit of the item is a different revision (no batch applied twice), the newest
    // is what the editor holds, and the offline work added at most its two saves.
    const HttpResult history = http.get(S("/api/v1/items/") + idString(id) + S("/history"));
    QCOMPARE(history.status, 200);
    const auto entries = history.json()[S("history")].toArray();
    QVERIFY2(entries.size() >= 3 && entries.size() <= 4, qPrintable(QString::number(entries.size())));
    QSet<QString> revisions;
    for (const JsonValue &entry : entries)
        revisions.insert(entry[S("revision")].toString());
    QCOMPARE(qsizetype(revisions.size()), qsizetype(entries.size()));
    QCOMPARE(entries.front()[S("revision")].toString(), revisionId(editor->document()->item()));
}

QTEST_MAIN(tst_MainWindowSync)
#include "tst_mainwindowsync.moc"
