// The moderation queue and the review pane against a real carta-syncd, with author,
// reviewer and publisher clients: the reviewer's queue shows exactly the items waiting in
// their scope, the filters narrow it, opening an item shows the semantic diff against the
// live revision (the changed paragraph, with the added words marked), the comment thread,
// and only the actions the reviewer may take (with the reason for the others); Approve goes
// to the server (checked over HTTP and with the git CLI) and the queue follows after the
// sync; a publisher publishes what was approved and it is on `live`.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"
#include "apptestsupport.h"

#include "account/tokenstore.h"
#include "models/labels.h"
#include "models/queuemodel.h"
#include "widgets/diffview.h"
#include "widgets/itemeditor.h"
#include "widgets/mainwindow.h"
#include "widgets/moderationwindow.h"
#include "widgets/queueview.h"
#include "widgets/reviewpane.h"

#include "sync/syncengine.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QStatusBar>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QTimer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using namespace carta::testing;

class tst_Moderation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reviewerFiltersOpensSeesTheDiffAndApproves();
    void requestChangesNeedsAComment();
    void publisherPublishesWhatWasApproved();
    void authorSubmitsUnsentWorkForReview();
    void authorSeesNoScheduleFields();
    void publisherUnpublishesThenArchives();
    void authorDeletesDraftsButNotALivePage();

private:
    // Saves the item in a person's own replica and syncs it to the server.
    QString push(const QString &who, const Item &item);
    void act(const QString &who, const QUuid &id, const QString &action, const QString &comment = QString());
    [[nodiscard]] JsonValue serverItem(const QUuid &id);
    // A main window signed in as a person, synced once.
    std::unique_ptr<MainWindow> windowFor(const QString &user, const QString &token);
    static int comboIndex(QComboBox *combo, const QString &textStart);

    std::unique_ptr<SyncdProcess> m_server;
    QHash<QString, QString> m_tokens; // user -> token
    QTemporaryDir m_dir;
    TokenStore m_tokenStore;
    Item m_hub;       // published, then a new draft in review with a changed paragraph
    Item m_fair;      // news, new, in review
    Item m_northWest; // page in north-west, in review (by the admin)
    Item m_approved;  // page, approved
    Item m_draft;     // page, draft: never in the queue
    Item m_live;      // page, published and unchanged since: to unpublish, then archive
    Item m_mistake;   // page, draft, on the server: deleted by its author
    Item m_archived;  // page, archived (never live): not deleted
};

QString tst_Moderation::push(const QString &who, const Item &item)
{
    auto replica = replica::Replica::open(m_dir.filePath(who + S(".sqlite")));
    if (!replica)
        return replica.errorString();
    sync::SyncEngine pull(*replica.value(), QUrl(m_server->baseUrl()), m_tokens.value(who));
    if (auto r = pull.runBlocking(); !r)
        return r.errorString();
    Item toSave = item;
    if (auto local = replica.value()->item(item.id); local && local.value())
        toSave.state = local.value()->item().value().state; // the server decides the state
    if (auto saved = replica.value()->saveItem(toSave); !saved)
        return saved.errorString();
    sync::SyncEngine engine(*replica.value(), QUrl(m_server->baseUrl()), m_tokens.value(who));
    auto report = engine.runBlocking();
    if (!report)
        return report.errorString();
    if (report.value().pushed != 1)
        return S("not accepted");
    return QString();
}

void tst_Moderation::act(const QString &who, const QUuid &id, const QString &action, const QString &comment)
{
    HttpClient http(m_server->baseUrl(), m_tokens.value(who));
    JsonObject body{{S("action"), action}};
    if (!comment.isEmpty())
        body[S("comment")] = comment;
    const HttpResult done = http.post(S("/api/v1/items/") + idString(id) + S("/actions"), JsonValue(std::move(body)));
    QVERIFY2(done.status == 200, qPrintable(who + S(" ") + action + S(": ") + QString::fromUtf8(done.body)));
}

JsonValue tst_Moderation::serverItem(const QUuid &id)
{
    HttpClient http(m_server->baseUrl(), m_tokens.value(S("admin")));
    return http.get(S("/api/v1/items/") + idString(id)).json();
}

int tst_Moderation::comboIndex(QComboBox *combo, const QString &textStart)
{
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemText(i).startsWith(textStart))
            return i;
    return -1;
}

void tst_Moderation::initTestCase()
{
    isolateSettings("moderation");
    m_tokenStore.setTimeout(2000);
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    m_tokens[S("admin")] = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_tokens[S("aisha.khan")] = m_server->addUser(S("aisha.khan"), S("author"), S("london"));
    m_tokens[S("ben.okafor")] = m_server->addUser(S("ben.okafor"), S("reviewer"), S("london,north-west"));
    m_tokens[S("carys.jones")] = m_server->addUser(S("carys.jones"), S("publisher"), S("london"));
    QVERIFY(m_server->start());

    // The regions, published so every client has them.
    for (const auto &[slug, title] : {std::pair{S("london"), S("London")}, std::pair{S("north-west"), S("North West")}}) {
        const Item region = term(Vocabulary::Region, slug, title);
        QCOMPARE(push(S("admin"), region), QString());
        for (const char *action : {"submit", "approve", "publish"})
            act(S("admin"), region.id, S(action));
    }

    // A London hub page, live, then edited: the second paragraph gains four words.
    m_hub = carta::testing::page(S("London training hub"), S("london-training-hub"), QString(), {S("london")});
    m_hub.paragraphs = {textParagraph(S("p1"), S("Welcome to the London hub.")),
                        textParagraph(S("p2"), S("Training offices are listed below."))};
    QCOMPARE(push(S("aisha.khan"), m_hub), QString());
    act(S("aisha.khan"), m_hub.id, S("submit"));
    act(S("admin"), m_hub.id, S("approve"));
    act(S("admin"), m_hub.id, S("publish"));
    m_hub.paragraphs[1].markdown = S("Training offices and their opening hours are listed below.");
    QCOMPARE(push(S("aisha.khan"), m_hub), QString());
    act(S("aisha.khan"), m_hub.id, S("submit"), S("Opening hours added, as asked at the October meeting."));

    m_fair = Item::create(ItemType::News);
    m_fair.title = S("Foundation careers fair 2027");
    m_fair.slug = S("foundation-careers-fair-2027");
    m_fair.summary = S("Meet the London foundation schools.");
    m_fair.tags.regions = {S("london")};
    m_fair.as<NewsFields>().date = QDate(2027, 1, 20);
    m_fair.paragraphs = {textParagraph(S("p1"), S("The fair is at the Barbican on 20 January."))};
    QCOMPARE(push(S("aisha.khan"), m_fair), QString());
    act(S("aisha.khan"), m_fair.id, S("submit"));

    m_northWest = carta::testing::page(S("North West hub"), S("north-west-hub"), QString(), {S("north-west")});
    QCOMPARE(push(S("admin"), m_northWest), QString());
    act(S("admin"), m_northWest.id, S("submit"));

    m_approved = carta::testing::page(S("London funding note"), S("london-funding-note"), QString(), {S("london")});
    QCOMPARE(push(S("aisha.khan"), m_approved), QString());
    act(S("aisha.khan"), m_approved.id, S("submit"));
    act(S("admin"), m_approved.id, S("approve"));

    m_draft = carta::testing::page(S("London draft notes"), S("london-draft-notes"), QString(), {S("london")});
    QCOMPARE(push(S("aisha.khan"), m_draft), QString());

    m_live = carta::testing::page(S("London study leave 2025"), S("london-study-leave-2025"), QString(), {S("london")});
    QCOMPARE(push(S("aisha.khan"), m_live), QString());
    for (const char *action : {"submit", "approve", "publish"})
        act(S("admin"), m_live.id, S(action));

    m_mistake = carta::testing::page(S("London page made by mistake"), S("london-page-made-by-mistake"), QString(), {S("london")});
    QCOMPARE(push(S("aisha.khan"), m_mistake), QString());
    m_archived = carta::testing::page(S("London page of 2019"), S("london-page-of-2019"), QString(), {S("london")});
    QCOMPARE(push(S("aisha.khan"), m_archived), QString());
    act(S("admin"), m_archived.id, S("archive"));
}

void tst_Moderation::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

std::unique_ptr<MainWindow> tst_Moderation::windowFor(const QString &user, const QString &token)
{
    Account account{QUrl(m_server->baseUrl()), user};
    auto workspace = Workspace::openForAccount(account);
    if (!workspace)
        qFatal("cannot open the workspace: %s", qPrintable(workspace.errorString()));
    auto window = std::make_unique<MainWindow>(std::move(workspace).value(), m_tokenStore);
    window->setToken(token);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qFatal("the main window is not shown");
    QSignalSpy finished(window.get(), &MainWindow::syncFinished);
    window->startSync();
    if (!finished.wait(60000) || !finished.first().at(0).toBool())
        qFatal("the first sync failed: %s", finished.isEmpty() ? "timeout" : qPrintable(finished.first().at(1).toString()));
    return window;
}

void tst_Moderation::reviewerFiltersOpensSeesTheDiffAndApproves()
{
    auto window = windowFor(S("ben.okafor"), m_tokens.value(S("ben.okafor")));
    const auto user = window->workspace().replica().signedInUser();
    QVERIFY(user.has_value());
    QVERIFY(user->role == Role::Reviewer);
    QCOMPARE(user->regions, QStringList({S("london"), S("north-west")}));

    ModerationWindow *moderation = window->openModeration();
    QVERIFY(moderation);
    QVERIFY(QTest::qWaitForWindowExposed(moderation));
    QueueView *queue = moderation->queue();
    QueueModel *model = queue->model();
    QTableView *table = queue->table();

    // Every control a keyboard reaches has a name a screen reader reads.
    for (QWidget *w : moderation->findChildren<QWidget *>()) {
        // (the parts of a compound control, such as a date edit's line edit, go by its name)
        if (!w->isVisibleTo(moderation) || w->focusPolicy() == Qt::NoFocus || qobject_cast<QAbstractScrollArea *>(w->parentWidget())
            || qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
            continue;
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(S(w->metaObject()->className()) + S(" ") + w->objectName()));
    }

    // A reviewer sees what waits for review: three items, not the approved one or the draft.
    QCOMPARE(model->countFor(WorkflowState::InReview), 3);
    QCOMPARE(model->countFor(WorkflowState::Approved), 1);
    QCOMPARE(table->model()->rowCount(), 3);
    auto shownIds = [&] {
        QSet<QUuid> ids;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            ids.insert(table->model()->index(row, 0).data(QueueModel::IdRole).toUuid());
        return ids;
    };
    QCOMPARE(shownIds(), (QSet<QUuid>{m_hub.id, m_fair.id, m_northWest.id}));
    // Who last changed each item comes from the server: the admin submitted the North West page.
    const QueueEntry *northWest = model->entryAt(model->rowOf(m_northWest.id));
    QVERIFY(northWest);
    QCOMPARE(northWest->changedBy, S("admin"));
    QVERIFY(northWest->changedAt.isValid());
    QVERIFY(qAbs(northWest->changedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);

    // Filters, chosen as a person chooses them.
    const int london = comboIndex(queue->regionFilter(), S("London"));
    QVERIFY2(london >= 0, "London is offered as a region");
    queue->regionFilter()->setCurrentIndex(london);
    QCOMPARE(shownIds(), (QSet<QUuid>{m_hub.id, m_fair.id}));
    const int news = comboIndex(queue->typeFilter(), Labels::itemType(ItemType::News));
    QVERIFY(news >= 0);
    queue->typeFilter()->setCurrentIndex(news);
    QCOMPARE(shownIds(), (QSet<QUuid>{m_fair.id}));
    queue->typeFilter()->setCurrentIndex(0);
    const int aisha = comboIndex(queue->authorFilter(), S("aisha.khan"));
    QVERIFY(aisha >= 0);
    queue->authorFilter()->setCurrentIndex(aisha);
    QCOMPARE(shownIds(), (QSet<QUuid>{m_hub.id, m_fair.id}));
    const int week = comboIndex(queue->waitingFilter(), S("More than a week"));
    QVERIFY(week >= 0);
    queue->waitingFilter()->setCurrentIndex(week);
    QCOMPARE(table->model()->rowCount(), 0); // everything was submitted minutes ago
    queue->waitingFilter()->setCurrentIndex(0);
    QCOMPARE(table->model()->rowCount(), 2);

    // Open the hub page: Enter on its row.
    int hubRow = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (table->model()->index(row, 0).data(QueueModel::IdRole).toUuid() == m_hub.id)
            hubRow = row;
    QVERIFY(hubRow >= 0);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(hubRow, 0));
    QTest::keyClick(table, Qt::Key_Return);
    ReviewPane *review = moderation->review();
    QCOMPARE(review->itemId(), m_hub.id);

    // The diff against the live revision: paragraph 2 changed, four words added, nothing else.
    DiffView *diff = review->diffView();
    const QString summaries = diff->changeSummaries().join(QLatin1Char('\n'));
    QCOMPARE(diff->changeSummaries().size(), 1);
    QVERIFY2(summaries.contains(S("Paragraph 2")), qPrintable(summaries));
    QCOMPARE(diff->addedWords().join(QLatin1Char('|')).simplified(), S("and their opening hours"));
    QVERIFY(diff->removedWords().isEmpty());
    QVERIFY(diff->toPlainText().contains(S("Training offices and their opening hours are listed below.")));
    QVERIFY(review->validationLabel()->text().contains(S("Passes validation")));

    // The thread, from the server's history: the author's comment with the submission.
    QSignalSpy threadLoaded(review, &ReviewPane::threadLoaded);
    review->showItem(m_hub.id);
    QVERIFY(threadLoaded.wait(20000));
    QVERIFY2(review->thread()->toPlainText().contains(S("Opening hours added, as asked at the October meeting.")),
             qPrintable(review->thread()->toPlainText()));
    QVERIFY(review->thread()->toPlainText().contains(S("aisha.khan")));

    // Only what a reviewer may do, and why not the rest.
    QVERIFY(review->button(Action::Approve)->isEnabled());
    QVERIFY(review->button(Action::RequestChanges)->isEnabled());
    QVERIFY(!review->button(Action::Publish)->isEnabled());
    QVERIFY(!review->button(Action::SchedulePublish)->isEnabled());
    QVERIFY(!review->reasonFor(Action::Publish).isEmpty());
    QCOMPARE(review->button(Action::Publish)->toolTip(), review->reasonFor(Action::Publish));

    // Approve: the server records it, the sync brings the new state, the queue follows.
    QSignalSpy acted(review, &ReviewPane::acted);
    QSignalSpy synced(window.get(), &MainWindow::syncFinished);
    QTest::keyClicks(review->commentField(), S("Clear and correct."));
    QTest::mouseClick(review->button(Action::Approve), Qt::LeftButton);
    QVERIFY(acted.wait(20000));
    QVERIFY(acted.first().at(2).value<WorkflowState>() == WorkflowState::Approved);
    QVERIFY(synced.wait(60000));
    QVERIFY2(synced.first().at(0).toBool(), qPrintable(synced.first().at(1).toString()));

    QCOMPARE(serverItem(m_hub.id)[S("item")][S("state")].toString(), S("approved"));
    const QString log = m_server->git({S("log"), S("-1"), S("--format=%an%n%B"), S("content")});
    QVERIFY2(log.startsWith(S("ben.okafor\n")), qPrintable(log));
    QVERIFY2(log.contains(S("Carta-Action: approve")) && log.contains(S("Carta-Comment: Clear and correct.")), qPrintable(log));
    QVERIFY2(log.contains(S("Carta-Item: ") + idString(m_hub.id)), qPrintable(log));
    // Still live as it was: approving publishes nothing.
    const QString live = m_server->git({S("show"), S("live:") + m_hub.storagePath()});
    QVERIFY(live.contains(S("Training offices are listed below.")));

    // Still filtered to London: the fair waits for review; the hub (approved by the reviewer)
    // and the funding note (approved by the admin) wait for a publisher.
    queue->authorFilter()->setCurrentIndex(0);
    QTRY_COMPARE(model->countFor(WorkflowState::InReview), 1);
    QCOMPARE(model->countFor(WorkflowState::Approved), 2);

    // The feed says who made the item's latest revision: the reviewer, by approving it.
    QCOMPARE(window->workspace().replica().item(m_hub.id).value()->changedBy, S("ben.okafor"));
    QVERIFY(!shownIds().contains(m_hub.id)); // the reviewer's view shows what waits for review

    // A filter the reviewer chose stays through the next sync (the role's starting filter
    // is not put back).
    const int everything = comboIndex(queue->stateFilter(), S("All awaiting action"));
    QVERIFY(everything >= 0);
    queue->stateFilter()->setCurrentIndex(everything);
    QVERIFY(shownIds().contains(m_hub.id));
    synced.clear();
    window->startSync();
    QVERIFY(synced.wait(60000));
    QCOMPARE(queue->stateFilter()->currentIndex(), comboIndex(queue->stateFilter(), S("All awaiting action")));
    QVERIFY(shownIds().contains(m_hub.id));
    moderation->close();
}

void tst_Moderation::requestChangesNeedsAComment()
{
    auto window = windowFor(S("ben.okafor"), m_tokens.value(S("ben.okafor")));
    ModerationWindow *moderation = window->openModeration();
    ReviewPane *review = moderation->review();
    review->showItem(m_fair.id);
    QVERIFY(review->button(Action::RequestChanges)->isEnabled());

    // Without a comment nothing is sent and the person is told what to do.
    QSignalSpy failed(review, &ReviewPane::actionFailed);
    QSignalSpy acted(review, &ReviewPane::acted);
    QTest::mouseClick(review->button(Action::RequestChanges), Qt::LeftButton);
    QCOMPARE(failed.size(), 1);
    QVERIFY(review->statusLabel()->text().contains(S("comment")));
    QCOMPARE(acted.size(), 0);
    QCOMPARE(serverItem(m_fair.id)[S("item")][S("state")].toString(), S("in_review"));

    QTest::keyClicks(review->commentField(), S("Please add the booking link."));
    QTest::mouseClick(review->button(Action::RequestChanges), Qt::LeftButton);
    QVERIFY(acted.wait(20000));
    QCOMPARE(serverItem(m_fair.id)[S("item")][S("state")].toString(), S("changes_requested"));
    HttpClient http(m_server->baseUrl(), m_tokens.value(S("aisha.khan")));
    const JsonValue history = http.get(S("/api/v1/items/") + idString(m_fair.id) + S("/history")).json();
    QCOMPARE(history[S("history")].toArray().front()[S("comment")].toString(), S("Please add the booking link."));
    QCOMPARE(history[S("history")].toArray().front()[S("author")].toString(), S("ben.okafor"));
}

void tst_Moderation::publisherPublishesWhatWasApproved()
{
    auto window = windowFor(S("carys.jones"), m_tokens.value(S("carys.jones")));
    ModerationWindow *moderation = window->openModeration();
    QueueModel *model = moderation->queue()->model();
    QVERIFY(model->rowOf(m_approved.id) >= 0); // a publisher's queue starts with every state awaiting action
    ReviewPane *review = moderation->review();
    review->showItem(m_approved.id);
    // Approved: a publisher may publish or schedule, not approve again.
    QVERIFY(review->button(Action::Publish)->isEnabled());
    QVERIFY(review->button(Action::SchedulePublish)->isEnabled());
    QVERIFY(!review->button(Action::Approve)->isEnabled());
    QVERIFY(!review->reasonFor(Action::Approve).isEmpty());
    // A new item: the diff shows it whole, as added.
    QVERIFY(!review->diffView()->changeSummaries().isEmpty());
    QVERIFY(review->diffView()->toPlainText().contains(S("London funding note")));

    QSignalSpy acted(review, &ReviewPane::acted);
    // Publishing asks first: Cancel sends nothing, Yes publishes.
    auto answerConfirmation = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().contains(S("London funding note")));
            box->button(button)->click();
        });
    };
    answerConfirmation(QMessageBox::Cancel);
    QTest::mouseClick(review->button(Action::Publish), Qt::LeftButton);
    QCOMPARE(acted.size(), 0);
    QCOMPARE(serverItem(m_approved.id)[S("item")][S("state")].toString(), S("approved"));
    answerConfirmation(QMessageBox::Yes);
    QSignalSpy synced(window.get(), &MainWindow::syncFinished); // the sync the publication asks for
    QTest::mouseClick(review->button(Action::Publish), Qt::LeftButton);
    QVERIFY(acted.wait(20000));
    QVERIFY(acted.first().at(2).value<WorkflowState>() == WorkflowState::Published);
    int exitCode = -1;
    const QString live = m_server->git({S("show"), S("live:") + m_approved.storagePath()}, &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY(live.contains(S("London funding note")));

    // The hub's new revision, approved (by the reviewer's test, or here when run alone):
    // scheduled for a UK summer morning.
    if (serverItem(m_hub.id)[S("item")][S("state")].toString() == S("in_review")) {
        act(S("admin"), m_hub.id, S("approve"));
        // A sync still running from the publication may have pulled before the approval: let it
        // end, then sync once more.
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 60000);
        synced.clear();
        window->startSync();
        QVERIFY(synced.wait(60000));
    }
    review->showItem(m_hub.id);
    QVERIFY(review->button(Action::SchedulePublish)->isEnabled());
    QVERIFY(review->publishTimeField()->isEnabled());
    review->publishTimeField()->setDateTime(QDateTime(QDate(2030, 7, 1), QTime(9, 0), Qt::UTC)); // London wall-clock time
    acted.clear();
    QTest::mouseClick(review->button(Action::SchedulePublish), Qt::LeftButton);
    QVERIFY(acted.wait(20000));
    const JsonValue hub = serverItem(m_hub.id);
    QCOMPARE(hub[S("item")][S("schedule")][S("publish_at")].toString(), S("2030-07-01T09:00:00+01:00")); // BST
    QCOMPARE(hub[S("item")][S("state")].toString(), S("approved"));
    QVERIFY(review->statusLabel()->text().contains(S("1 Jul 2030, 09:00 BST")));
    // The live page is the old revision until then.
    QVERIFY(m_server->git({S("show"), S("live:") + m_hub.storagePath()}).contains(S("Training offices are listed below.")));
}

void tst_Moderation::authorSubmitsUnsentWorkForReview()
{
    auto window = windowFor(S("aisha.khan"), m_tokens.value(S("aisha.khan")));
    // An edit not yet sent: submitting sends it first, so the reviewer sees this text.
    Item edited = window->workspace().replica().item(m_draft.id).value()->item().value();
    edited.summary = S("Notes for the London draft, ready for a reviewer.");
    save(window->workspace().replica(), edited);
    QSignalSpy submitted(window.get(), &MainWindow::submitted);
    // Listening from the start: the sync that follows the submission may finish while the checks
    // below wait on the server (they spin the event loop), before a spy made after them would hear it.
    QSignalSpy synced(window.get(), &MainWindow::syncFinished);
    window->submitForReview(m_draft.id, S("Ready for review: summary rewritten."));
    QVERIFY(submitted.wait(60000));
    QVERIFY(submitted.first().at(0).toBool());
    const qsizetype syncsBeforeSubmission = synced.size(); // the one that sent the text
    const JsonValue onServer = serverItem(m_draft.id);
    QCOMPARE(onServer[S("item")][S("state")].toString(), S("in_review"));
    QCOMPARE(onServer[S("item")][S("summary")].toString(), S("Notes for the London draft, ready for a reviewer."));
    const QString log = m_server->git({S("log"), S("-1"), S("--format=%an%n%B"), S("content")});
    QVERIFY2(log.startsWith(S("aisha.khan\n")) && log.contains(S("Carta-Action: submit"))
                 && log.contains(S("Carta-Comment: Ready for review: summary rewritten.")),
             qPrintable(log));
    // The sync after the submission brings the new state home.
    QTRY_VERIFY_WITH_TIMEOUT(synced.size() > syncsBeforeSubmission, 60000);
    QVERIFY2(synced.last().at(0).toBool(), qPrintable(synced.last().at(1).toString()));
    QVERIFY(window->workspace().replica().item(m_draft.id).value()->item().value().state == WorkflowState::InReview);

    // Submitting it again is refused here, with the reason, and nothing is sent.
    submitted.clear();
    window->submitForReview(m_draft.id, QString());
    QCOMPARE(submitted.size(), 1);
    QVERIFY(!submitted.first().at(0).toBool());
    QVERIFY(window->statusBar()->currentMessage().contains(S("cannot be submitted")));
}

void tst_Moderation::authorSeesNoScheduleFields()
{
    auto window = windowFor(S("aisha.khan"), m_tokens.value(S("aisha.khan")));
    QVERIFY(window->openItem(m_fair.id));
    ItemEditor *editor = window->editorFor(m_fair.id);
    QVERIFY(editor);
    auto *publishCheck = editor->findChild<QCheckBox *>(S("publishScheduledCheck"));
    QVERIFY(publishCheck);
    QVERIFY(!publishCheck->isEnabled());
    auto *why = editor->findChild<QLabel *>(S("scheduleNotAllowed"));
    QVERIFY(why && !why->isHidden());
    QVERIFY(why->text().contains(S("publisher")));
    window.reset();

    auto publisher = windowFor(S("carys.jones"), m_tokens.value(S("carys.jones")));
    QVERIFY(publisher->openItem(m_hub.id));
    ItemEditor *publisherEditor = publisher->currentEditor();
    QVERIFY(publisherEditor);
    QVERIFY(publisherEditor->findChild<QCheckBox *>(S("publishScheduledCheck"))->isEnabled());
    QVERIFY(publisherEditor->findChild<QLabel *>(S("scheduleNotAllowed"))->isHidden());
}

void tst_Moderation::publisherUnpublishesThenArchives()
{
    // Answers the next confirmation, checking it names the item.
    const auto answerConfirmation = [](QMessageBox::StandardButton button, const QString &mustSay) {
        QTimer::singleShot(0, [button, mustSay] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY2(box->text().contains(S("London study leave 2025")) && box->text().contains(mustSay), qPrintable(box->text()));
            box->button(button)->click();
        });
    };
    const QString livePath = S("live:") + m_live.storagePath();
    int exitCode = -1;
    QVERIFY(m_server->git({S("show"), livePath}, &exitCode).contains(S("London study leave 2025")));

    // An author sees both actions, greyed out, with the reason.
    {
        auto author = windowFor(S("aisha.khan"), m_tokens.value(S("aisha.khan")));
        ModerationWindow *moderation = author->openModeration();
        moderation->showItem(m_live.id);
        for (Action action : {Action::Unpublish, Action::Archive}) {
            QVERIFY(!moderation->review()->button(action)->isEnabled());
            QVERIFY2(moderation->review()->reasonFor(action).contains(S("publisher")), qPrintable(moderation->review()->reasonFor(action)));
        }
    }

    // A publisher opens the published page, and Edit ▸ Review and Publish shows it in the review pane.
    auto window = windowFor(S("carys.jones"), m_tokens.value(S("carys.jones")));
    QVERIFY(window->openItem(m_live.id));
    auto *reviewAction = window->findChild<QAction *>(S("reviewAction"));
    QVERIFY(reviewAction && reviewAction->isEnabled());
    reviewAction->trigger();
    ModerationWindow *moderation = window->moderationWindow();
    QVERIFY(moderation);
    ReviewPane *review = moderation->review();
    QCOMPARE(review->itemId(), m_live.id);
    QVERIFY(moderation->queue()->model()->rowOf(m_live.id) < 0); // not in the queue: nothing awaits action
    QVERIFY(review->button(Action::Unpublish)->isEnabled());
    QVERIFY(review->button(Action::Archive)->isEnabled());
    QVERIFY(!review->button(Action::Publish)->isEnabled()); // already live

    // Unpublish asks first: Cancel sends nothing.
    QSignalSpy acted(review, &ReviewPane::acted);
    QSignalSpy synced(window.get(), &MainWindow::syncFinished);
    answerConfirmation(QMessageBox::Cancel, S("off the public website"));
    QTest::mouseClick(review->button(Action::Unpublish), Qt::LeftButton);
    QCOMPARE(acted.size(), 0);
    QCOMPARE(serverItem(m_live.id)[S("item")][S("state")].toString(), S("published"));
    QVERIFY(m_server->git({S("show"), livePath}, &exitCode).contains(S("London study leave 2025")));

    // Yes: off the site, back to approved; the sync brings it home and the pane stays on it.
    answerConfirmation(QMessageBox::Yes, S("off the public website"));
    QTest::mouseClick(review->button(Action::Unpublish), Qt::LeftButton);
    QVERIFY(acted.wait(20000));
    QVERIFY(acted.first().at(1).value<Action>() == Action::Unpublish);
    QCOMPARE(serverItem(m_live.id)[S("item")][S("state")].toString(), S("approved"));
    (void)m_server->git({S("show"), livePath}, &exitCode);
    QVERIFY(exitCode != 0); // no longer on the live branch
    QVERIFY(review->statusLabel()->text().contains(S("unpublished")));
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 60000);
    QVERIFY2(synced.last().at(0).toBool(), qPrintable(synced.last().at(1).toString()));
    QCOMPARE(review->itemId(), m_live.id);
    QVERIFY(window->workspace().replica().item(m_live.id).value()->item().value().state == WorkflowState::Approved);
    QVERIFY(!review->button(Action::Unpublish)->isEnabled()); // nothing live to take off
    QVERIFY(!review->reasonFor(Action::Unpublish).isEmpty());

    // Archive, confirmed: archived on the server, its history kept on the content branch.
    QVERIFY(review->button(Action::Archive)->isEnabled());
    acted.clear();
    synced.clear();
    answerConfirmation(QMessageBox::Yes, S("no longer be edited"));
    QTest::mouseClick(review->button(Action::Archive), Qt::LeftButton);
    QVERIFY(acted.wait(20000));
    QCOMPARE(serverItem(m_live.id)[S("item")][S("state")].toString(), S("archived"));
    const QString log = m_server->git({S("log"), S("-1"), S("--format=%an%n%B"), S("content")});
    QVERIFY2(log.startsWith(S("carys.jones\n")) && log.contains(S("Carta-Action: archive")), qPrintable(log));
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 60000);
    QCOMPARE(review->itemId(), m_live.id);
    QVERIFY(!review->button(Action::Archive)->isEnabled());
}

void tst_Moderation::authorDeletesDraftsButNotALivePage()
{
    auto window = windowFor(S("aisha.khan"), m_tokens.value(S("aisha.khan")));
    replica::Replica &replica = window->workspace().replica();
    const auto answerConfirmation = [](QMessageBox::StandardButton button, const QString &mustSay) {
        QTimer::singleShot(0, [button, mustSay] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY2(box->text().contains(mustSay), qPrintable(box->text()));
            box->button(button)->click();
        });
    };

    // A live page is not deleted here, with the reason, and nothing is asked.
    QVERIFY(!window->deleteItem(m_hub.id));
    QVERIFY2(window->statusBar()->currentMessage().contains(S("public site")), qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(!replica.item(m_hub.id).value()->deleted);
    // Nor is an archived page: the reason is the server's rule.
    QVERIFY(!window->deleteItem(m_archived.id));
    QVERIFY2(window->statusBar()->currentMessage().contains(S("is not deleted: ")), qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(!replica.item(m_archived.id).value()->deleted);

    // A draft on the server, open with a title being typed: Cancel keeps everything.
    QVERIFY(window->openItem(m_mistake.id));
    QTest::keyClicks(window->editorFor(m_mistake.id)->findChild<QLineEdit *>(S("titleEdit")), S(" (old)"));
    answerConfirmation(QMessageBox::Cancel, S("London page made by mistake"));
    QVERIFY(!window->deleteItem(m_mistake.id));
    QVERIFY(window->editorFor(m_mistake.id));
    QVERIFY(!replica.item(m_mistake.id).value()->deleted);

    // Yes: the tab closes, the item is deleted here, and the next sync deletes it on the server.
    answerConfirmation(QMessageBox::Yes, S("next sync"));
    QVERIFY(window->deleteItem(m_mistake.id));
    QVERIFY(!window->editorFor(m_mistake.id));
    QVERIFY(replica.item(m_mistake.id).value()->deleted);
    QVERIFY(replica.item(m_mistake.id).value()->dirty);
    QCOMPARE(serverItem(m_mistake.id)[S("item")][S("title")].toString(), S("London page made by mistake")); // not sent yet
    QSignalSpy synced(window.get(), &MainWindow::syncFinished);
    window->startSync();
    QVERIFY(synced.wait(60000));
    QVERIFY2(synced.first().at(0).toBool(), qPrintable(synced.first().at(1).toString()));
    int exitCode = -1;
    (void)m_server->git({S("show"), S("content:") + m_mistake.storagePath()}, &exitCode);
    QVERIFY(exitCode != 0); // gone from the content branch...
    const QString log = m_server->git({S("log"), S("--format=%an"), S("--"), m_mistake.storagePath()}, &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(log.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() >= 2, qPrintable(log)); // ...its history kept

    // A new item never sent: gone for good, and nothing reaches the server.
    ItemEditor *fresh = window->newItem(ItemType::Page);
    QTest::keyClicks(fresh->findChild<QLineEdit *>(S("titleEdit")), S("Never sent"));
    QVERIFY(fresh->save());
    const QUuid freshId = fresh->itemId();
    QVERIFY(replica.item(freshId).value().has_value());
    answerConfirmation(QMessageBox::Yes, S("never sent"));
    QVERIFY(window->deleteItem(freshId));
    QVERIFY(!replica.item(freshId).value().has_value());
    QVERIFY(!window->editorFor(freshId));
}

QTEST_MAIN(tst_Moderation)
#include "tst_moderation.moc"
