// The history dialog against a real carta-syncd whose clock a file sets: an author creates a
// page, edits its words, moves a paragraph and submits; a reviewer requests changes with a
// comment. The dialog lists who did what when, shows the diff of one revision or of two,
// reverts to an earlier revision (a new draft on the server, a commit in its git
// repository), keeps itself and the server's words when the server refuses, disables Revert
// with the reason where the rules refuse, and loads again after the server comes back.
#include "../common/pushitems.h"
#include "../common/syncdprocess.h"
#include "apptestsupport.h"

#include "models/itemcatalogue.h"
#include "widgets/diffview.h"
#include "widgets/historydialog.h"

#include "sync/serverclient.h"

#include <QAbstractButton>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTimeZone>
#include <QTreeWidget>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using namespace carta::testing;

namespace {

// Each wait here is on a server round trip that writes git and SQLite: generous on a loaded machine.
constexpr int kServerWaitMs = 30000;

const QString kLondonTerm = S("london");
const QString kTwoYears = S("Foundation training lasts two years and is the bridge between medical school and specialty training. "
                            "Trainees rotate through posts in hospitals and the community.");
const QString kComment = S("Please add the address of the training office.");

Item hubPage(const QString &title)
{
    Item item = Item::create(ItemType::Page);
    item.title = title;
    item.slug = title.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    item.summary = title + S(": how training works here.");
    item.tags.regions = {kLondonTerm};
    item.paragraphs = {textParagraph(S("p1"), S("Welcome to the hub.")), textParagraph(S("p2"), kTwoYears),
                       textParagraph(S("p3"), S("Apply through Oriel."))};
    return item;
}

QStringList column(const QTreeWidget *tree, int c)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out.append(tree->topLevelItem(i)->text(c));
    return out;
}

// Selects exactly these rows, as one change of the selection.
void selectRows(QTreeWidget *tree, const QList<int> &rows)
{
    QItemSelection selection;
    for (int row : rows) {
        const QModelIndex first = tree->model()->index(row, 0);
        const QModelIndex last = tree->model()->index(row, tree->columnCount() - 1);
        selection.select(first, last);
    }
    tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QLabel *label(const QDialog &dialog, const char *name)
{
    return dialog.findChild<QLabel *>(QString::fromLatin1(name));
}

} // namespace

class tst_History : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rowsDiffsAndRevert();
    void scheduledPublishIsNamed();
    void staleHistoryIsRefusedAndReloaded();
    void refusedByTheServer();
    void outsideTheScopeCannotRevert();
    void everyControlHasAName();
    void serverDownThenRetry();

private:
    // The item pushed by a user on a base revision (empty: new); the new revision, or empty.
    QString push(const QString &token, const Item &item, const QString &base);
    // A workflow action; the new revision, or empty.
    QString act(const QString &token, const QUuid &id, const QString &action, const QString &comment = QString(),
                const QString &publishAt = QString());
    JsonValue serverHistory(const QUuid &id);
    // The page created, edited twice (words, then a move), submitted, and sent back with a comment.
    QUuid reviewedPage(const QString &title, QStringList *revisions);
    std::unique_ptr<HistoryDialog> openDialog(sync::ServerClient &client, const QUuid &id, const User &user, const ItemFacts &facts);

    QTemporaryDir m_dir;
    QString m_clockFile;
    std::unique_ptr<SyncdProcess> m_server;
    QString m_admin, m_author, m_reviewer, m_publisher, m_outsider;
    ItemCatalogue m_catalogue;
    const User m_authorUser{S("aisha.khan"), Role::Author, {kLondonTerm}, {}};
};

void tst_History::initTestCase()
{
    isolateSettings("history");
    QVERIFY(m_dir.isValid());
    m_clockFile = m_dir.filePath(S("clock"));
    QVERIFY(setSyncdClock(m_clockFile, QDateTime(QDate(2026, 12, 3), QTime(14, 5), Qt::UTC)));
    qputenv("CARTA_SYNCD_CLOCK_FILE", QFile::encodeName(m_clockFile));
    m_server = std::make_unique<SyncdProcess>(m_dir.filePath(S("data")));
    m_server->init();
    m_admin = m_server->addUser(S("sam.okafor"), S("admin"), S("national"));
    m_author = m_server->addUser(S("aisha.khan"), S("author"), kLondonTerm);
    m_reviewer = m_server->addUser(S("mei.lin"), S("reviewer"), kLondonTerm);
    m_publisher = m_server->addUser(S("ravi.patel"), S("publisher"), kLondonTerm);
    m_outsider = m_server->addUser(S("olu.adeyemi"), S("author"), S("north-west"));
    QVERIFY(m_server->start({S("--schedule-interval-seconds"), S("1")}));
    HttpClient admin(m_server->baseUrl(), m_admin);
    const HttpResult terms = admin.post(S("/api/v1/push"), batch(newBatch(), {change(term(Vocabulary::Region, kLondonTerm, S("London"))),
                                                                             change(term(Vocabulary::Region, S("north-west"), S("North West")))}));
    QCOMPARE(terms.status, 200);
    m_catalogue.addTerm(Vocabulary::Region, TermEntry{kLondonTerm, S("London"), QString(), 0});
}

void tst_History::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

QString tst_History::push(const QString &token, const Item &item, const QString &base)
{
    HttpClient http(m_server->baseUrl(), token);
    const HttpResult r = http.post(S("/api/v1/push"), batch(newBatch(), {change(item, base)}));
    const JsonValue result = r.json()[S("results")].toArray().empty() ? JsonValue() : r.json()[S("results")].toArray().at(0);
    if (r.status != 200 || result[S("status")].toString() != S("accepted")) {
        qWarning("push: %d %s", r.status, r.body.constData());
        return {};
    }
    return result[S("revision")].toString();
}

QString tst_History::act(const QString &token, const QUuid &id, const QString &action, const QString &comment, const QString &publishAt)
{
    JsonObject body{{S("action"), action}};
    if (!comment.isEmpty())
        body[S("comment")] = comment;
    if (!publishAt.isEmpty())
        body[S("publish_at")] = publishAt;
    HttpClient http(m_server->baseUrl(), token);
    const HttpResult r = http.post(S("/api/v1/items/") + idString(id) + S("/actions"), JsonValue(std::move(body)));
    if (r.status != 200) {
        qWarning("%s: %d %s", qPrintable(action), r.status, r.body.constData());
        return {};
    }
    return r.json()[S("revision")].toString();
}

JsonValue tst_History::serverHistory(const QUuid &id)
{
    return HttpClient(m_server->baseUrl(), m_admin).get(S("/api/v1/items/") + idString(id) + S("/history")).json()[S("history")];
}

QUuid tst_History::reviewedPage(const QString &title, QStringList *revisions)
{
    Item item = hubPage(title);
    revisions->append(push(m_author, item, QString()));
    item.paragraphs[1].markdown.replace(S("lasts two years"), S("lasts three years"));
    revisions->append(push(m_author, item, revisions->last()));
    item.paragraphs.move(0, 2); // "Welcome to the hub." to the end
    revisions->append(push(m_author, item, revisions->last()));
    revisions->append(act(m_author, item.id, S("submit")));
    revisions->append(act(m_reviewer, item.id, S("request_changes"), kComment));
    return item.id;
}

std::unique_ptr<HistoryDialog> tst_History::openDialog(sync::ServerClient &client, const QUuid &id, const User &user, const ItemFacts &facts)
{
    auto dialog = std::make_unique<HistoryDialog>(client, &m_catalogue, id, S("Camden training hub"), user, facts);
    dialog->show();
    return dialog;
}

void tst_History::rowsDiffsAndRevert()
{
    QStringList revisions;
    const QUuid id = reviewedPage(S("Camden training hub"), &revisions);
    for (const QString &r : revisions)
        QVERIFY2(!r.isEmpty(), "the page could not be made ready");

    sync::ServerClient client(QUrl(m_server->baseUrl()), m_author);
    const ItemFacts facts{WorkflowState::ChangesRequested, false, {kLondonTerm}, {}};
    auto dialog = openDialog(client, id, m_authorUser, facts);
    QSignalSpy loaded(dialog.get(), &HistoryDialog::loaded);
    QSignalSpy diffShown(dialog.get(), &HistoryDialog::diffShown);
    QSignalSpy reverted(dialog.get(), &HistoryDialog::reverted);
    QVERIFY(loaded.wait(kServerWaitMs));

    // Who did what, newest first, in words; the comment as written.
    QTreeWidget *list = dialog->revisionList();
    QCOMPARE(list->topLevelItemCount(), 5);
    QCOMPARE(dialog->entries().size(), 5);
    QCOMPARE(column(list, 1), (QStringList{S("mei.lin"), S("aisha.khan"), S("aisha.khan"), S("aisha.khan"), S("aisha.khan")}));
    QCOMPARE(column(list, 2), (QStringList{S("Requested changes"), S("Submitted for review"), S("Edited"), S("Edited"), S("Created")}));
    QCOMPARE(column(list, 3), (QStringList{kComment, QString(), QString(), QString(), QString()}));
    QCOMPARE(dialog->entries().at(0).revision, revisions.at(4));
    QCOMPARE(dialog->entries().at(4).revision, revisions.at(0));
    // Europe/London time as people write it; the server's clock says 14:05 GMT on 3 December
    // (or later, when the scheduling test has moved it on).
    static const QRegularExpression when(S("^\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} (GMT|BST)$"));
    for (const QString &text : column(list, 0))
        QVERIFY2(when.match(text).hasMatch(), qPrintable(text));
    const QDateTime first = dialog->entries().at(4).time.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")));
    QCOMPARE(list->topLevelItem(4)->text(0), QLocale(QLocale::English, QLocale::UnitedKingdom).toString(first, S("d MMM yyyy, HH:mm")) + S(" GMT"));

    // The newest change is shown at once: only the state changed.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->diffView()->toPlainText().contains(S("Workflow state: In review \u2192 Changes requested")), kServerWaitMs);
    QVERIFY(dialog->diffView()->changeSummaries().isEmpty());
    QVERIFY(!dialog->revertButton()->isEnabled()); // the current revision
    QVERIFY(!label(*dialog, "revertReason")->text().isEmpty());

    // One row: that edit against the revision before it.
    diffShown.clear();
    selectRows(list, {3});
    QTRY_COMPARE_WITH_TIMEOUT(dialog->diffView()->changeSummaries(), QStringList{S("Paragraph 2 (Text): text changed")}, kServerWaitMs);
    QVERIFY(diffShown.count() >= 1);
    QCOMPARE(dialog->diffView()->addedWords(), QStringList{S("three")});
    QCOMPARE(dialog->diffView()->removedWords(), QStringList{S("two")});

    selectRows(list, {2});
    QTRY_COMPARE_WITH_TIMEOUT(dialog->diffView()->changeSummaries(), QStringList{S("Paragraph 3 (Text): moved from position 1 to 3")}, kServerWaitMs);
    QVERIFY(dialog->diffView()->addedWords().isEmpty());

    // The oldest row: the new item, all of it added.
    selectRows(list, {4});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->diffView()->changeSummaries().contains(S("Title added")), kServerWaitMs);
    QVERIFY(dialog->diffView()->changeSummaries().contains(S("Paragraph 3 (Text): added")));
    QVERIFY(dialog->diffView()->removedWords().isEmpty());

    // Two rows: the older against the newer, whatever order they were picked in.
    selectRows(list, {4, 1});
    QTRY_COMPARE_WITH_TIMEOUT(dialog->diffView()->changeSummaries(),
                 (QStringList{S("Paragraph 1 (Text): text changed"), S("Paragraph 3 (Text): moved from position 1 to 3")}), kServerWaitMs);
    QVERIFY(dialog->diffView()->toPlainText().contains(S("Workflow state: Draft \u2192 In review")));
    QVERIFY(!dialog->revertButton()->isEnabled());
    QVERIFY(!label(*dialog, "revertReason")->text().isEmpty());
    QCOMPARE(dialog->revertButton()->toolTip(), label(*dialog, "revertReason")->text());

    // Revert to the revision before the move, with a comment.
    selectRows(list, {3});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->revertButton()->isEnabled(), kServerWaitMs);
    auto *comment = dialog->findChild<QLineEdit *>(S("revertComment"));
    QVERIFY(comment);
    const QString why = S("Back to the order before the move.");
    comment->setText(why);
    loaded.clear();
    QTest::mouseClick(dialog->revertButton(), Qt::LeftButton);
    QVERIFY(reverted.wait(kServerWaitMs));
    QCOMPARE(reverted.count(), 1);
    QCOMPARE(reverted.at(0).at(0).value<QUuid>(), id);
    QVERIFY(!label(*dialog, "revertResult")->isHidden());
    QVERIFY(loaded.count() > 0 || loaded.wait(kServerWaitMs));
    QCOMPARE(list->topLevelItemCount(), 6);
    QCOMPARE(list->topLevelItem(0)->text(1), S("aisha.khan"));
    QCOMPARE(list->topLevelItem(0)->text(2), S("Reverted to an earlier revision"));
    QCOMPARE(list->topLevelItem(0)->text(3), why);
    QVERIFY(comment->text().isEmpty());

    // The server: a new draft with that revision's content, a revert at the top of the history...
    const JsonValue history = serverHistory(id);
    QCOMPARE(history.toArray().size(), size_t(6));
    QCOMPARE(history.toArray().at(0)[S("action")].toString(), S("revert"));
    QCOMPARE(history.toArray().at(0)[S("author")].toString(), S("aisha.khan"));
    QCOMPARE(history.toArray().at(0)[S("comment")].toString(), why);
    const JsonValue now = HttpClient(m_server->baseUrl(), m_admin).get(S("/api/v1/items/") + idString(id)).json();
    const Item current = itemFromJson(now[S("item")]).value();
    QVERIFY(current.state == WorkflowState::Draft);
    QCOMPARE(current.paragraphs.size(), 3);
    QCOMPARE(current.paragraphs.at(0).id, S("p1"));
    QVERIFY(current.paragraphs.at(1).markdown.contains(S("lasts three years")));
    // ...and a commit on content in the repository, with the action and the comment.
    const QString log = m_server->git({S("log"), S("-1"), S("--format=%an%n%B"), S("content"), S("--"), storagePath(ItemType::Page, id)});
    QVERIFY2(log.startsWith(S("aisha.khan\n")), qPrintable(log));
    QVERIFY2(log.contains(S("Carta-Action: revert")), qPrintable(log));
    QVERIFY2(log.contains(S("Carta-Comment: ") + why), qPrintable(log));

    // The dialog now diffs the revert: the move undone.
    selectRows(list, {0});
    QTRY_COMPARE_WITH_TIMEOUT(dialog->diffView()->changeSummaries(), QStringList{S("Paragraph 1 (Text): moved from position 3 to 1")}, kServerWaitMs);
}

void tst_History::scheduledPublishIsNamed()
{
    Item item = hubPage(S("Islington training hub"));
    QVERIFY(!push(m_author, item, QString()).isEmpty());
    QVERIFY(!act(m_author, item.id, S("submit")).isEmpty());
    QVERIFY(!act(m_reviewer, item.id, S("approve"), S("Thank you.")).isEmpty());
    QVERIFY(setSyncdClock(m_clockFile, QDateTime(QDate(2026, 12, 3), QTime(14, 5), Qt::UTC)));
    QVERIFY(!act(m_publisher, item.id, S("schedule_publish"), QString(), S("2026-12-03T14:10:00+00:00")).isEmpty());
    QVERIFY(setSyncdClock(m_clockFile, QDateTime(QDate(2026, 12, 3), QTime(14, 10), Qt::UTC)));
    QTRY_COMPARE_WITH_TIMEOUT(serverHistory(item.id).toArray().at(0)[S("author")].toString(), S("carta-scheduler"), 30000);

    sync::ServerClient client(QUrl(m_server->baseUrl()), m_publisher);
    const User publisher{S("ravi.patel"), Role::Publisher, {kLondonTerm}, {}};
    auto dialog = openDialog(client, item.id, publisher, ItemFacts{WorkflowState::Published, true, {kLondonTerm}, {}});
    QSignalSpy loaded(dialog.get(), &HistoryDialog::loaded);
    QVERIFY(loaded.wait(kServerWaitMs));
    QTreeWidget *list = dialog->revisionList();
    QCOMPARE(column(list, 2), (QStringList{S("Published (scheduled for 3 Dec 2026, 14:10 GMT)"), S("Scheduled publication"), S("Approved"),
                                           S("Submitted for review"), S("Created")}));
    QCOMPARE(column(list, 1).first(), S("carta-scheduler"));
    QCOMPARE(column(list, 0).first(), S("3 Dec 2026, 14:10 GMT"));
    QCOMPARE(column(list, 3).at(2), S("Thank you."));
    // Publishing used the time up: the diff of the publish says so.
    QTRY_COMPARE_WITH_TIMEOUT(dialog->diffView()->changeSummaries(), QStringList{S("Scheduled publication removed")}, kServerWaitMs);
    QVERIFY(dialog->diffView()->toPlainText().contains(S("Workflow state: Approved \u2192 Published")));
    selectRows(list, {1});
    QTRY_COMPARE_WITH_TIMEOUT(dialog->diffView()->changeSummaries(), QStringList{S("Scheduled publication added")}, kServerWaitMs);
    QCOMPARE(dialog->diffView()->addedWords(), QStringList{S("3 Dec 2026, 14:10 GMT")});
}

void tst_History::staleHistoryIsRefusedAndReloaded()
{
    Item item = hubPage(S("Hackney training hub"));
    const QString first = push(m_author, item, QString());
    item.summary = S("Training in Hackney, step by step.");
    const QString second = push(m_author, item, first);
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    sync::ServerClient client(QUrl(m_server->baseUrl()), m_author);
    auto dialog = openDialog(client, item.id, m_authorUser, ItemFacts{WorkflowState::Draft, false, {kLondonTerm}, {}});
    QSignalSpy loaded(dialog.get(), &HistoryDialog::loaded);
    QSignalSpy reverted(dialog.get(), &HistoryDialog::reverted);
    QVERIFY(loaded.wait(kServerWaitMs));
    QCOMPARE(dialog->revisionList()->topLevelItemCount(), 2);

    // Someone else edits meanwhile; the dialog's history no longer ends where the server's does.
    item.title = S("Hackney and Islington training hub");
    QVERIFY(!push(m_author, item, second).isEmpty());

    selectRows(dialog->revisionList(), {1});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->revertButton()->isEnabled(), kServerWaitMs);
    loaded.clear();
    QTest::mouseClick(dialog->revertButton(), Qt::LeftButton);
    QVERIFY(loaded.wait(kServerWaitMs));
    QCOMPARE(reverted.count(), 0);
    QVERIFY(dialog->isVisible());
    QLabel *result = label(*dialog, "revertResult");
    QVERIFY(!result->isHidden());
    QVERIFY2(result->text().contains(S("changed the item")), qPrintable(result->text()));
    QVERIFY2(result->text().contains(S("the item changed since base_revision")), qPrintable(result->text())); // the server's words
    QCOMPARE(dialog->revisionList()->topLevelItemCount(), 3); // loaded again, with the other edit
    QCOMPARE(serverHistory(item.id).toArray().at(0)[S("action")].toString(), S("edit"));
}

void tst_History::refusedByTheServer()
{
    Item item = hubPage(S("Barnet training hub"));
    const QString first = push(m_author, item, QString());
    item.summary = S("Training in Barnet.");
    const QString second = push(m_author, item, first);
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    sync::ServerClient client(QUrl(m_server->baseUrl()), m_author);
    auto dialog = openDialog(client, item.id, m_authorUser, ItemFacts{WorkflowState::Draft, false, {kLondonTerm}, {}});
    QSignalSpy loaded(dialog.get(), &HistoryDialog::loaded);
    QSignalSpy reverted(dialog.get(), &HistoryDialog::reverted);
    QVERIFY(loaded.wait(kServerWaitMs));

    // An admin moves the item to another region: the author's rights end on the server first.
    Item moved = item;
    moved.tags.regions = {S("north-west")};
    QVERIFY(!push(m_admin, moved, second).isEmpty());

    selectRows(dialog->revisionList(), {1});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->revertButton()->isEnabled(), kServerWaitMs);
    QTest::mouseClick(dialog->revertButton(), Qt::LeftButton);
    QLabel *result = label(*dialog, "revertResult");
    QTRY_VERIFY_WITH_TIMEOUT(!result->isHidden(), kServerWaitMs);
    // The server's own words, and the dialog stays with its history.
    QVERIFY2(result->text().contains(S("no item ") + idString(item.id)), qPrintable(result->text()));
    QCOMPARE(reverted.count(), 0);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->revisionList()->topLevelItemCount(), 2);
    QCOMPARE(serverHistory(item.id).toArray().size(), size_t(3));
}

void tst_History::outsideTheScopeCannotRevert()
{
    Item item = hubPage(S("Brent training hub"));
    QVERIFY(!push(m_author, item, QString()).isEmpty());

    // An author of another region: the rules refuse before anything is asked of the server.
    sync::ServerClient client(QUrl(m_server->baseUrl()), m_outsider);
    const User outsider{S("olu.adeyemi"), Role::Author, {S("north-west")}, {}};
    const ItemFacts facts{WorkflowState::Draft, false, {kLondonTerm}, {}};
    QVERIFY(!decide(outsider, Action::Revert, facts));
    auto dialog = openDialog(client, item.id, outsider, facts);
    QSignalSpy loaded(dialog.get(), &HistoryDialog::loaded);
    QVERIFY(loaded.wait(kServerWaitMs));
    QVERIFY(!dialog->revertButton()->isEnabled());
    QLabel *reason = label(*dialog, "revertReason");
    QVERIFY2(reason->text().contains(S("outside your scope")), qPrintable(reason->text()));
    QCOMPARE(dialog->revertButton()->toolTip(), reason->text());
    // The server does not show them the history either, and says so.
    QCOMPARE(dialog->revisionList()->topLevelItemCount(), 0);
    QVERIFY2(label(*dialog, "historyStatus")->text().contains(S("no item")), qPrintable(label(*dialog, "historyStatus")->text()));

    // The same facts with the author of the region: allowed, so the refusal was the scope's.
    QVERIFY(decide(m_authorUser, Action::Revert, facts));
}

void tst_History::everyControlHasAName()
{
    Item item = hubPage(S("Enfield training hub"));
    QVERIFY(!push(m_author, item, QString()).isEmpty());
    sync::ServerClient client(QUrl(m_server->baseUrl()), m_author);
    auto dialog = openDialog(client, item.id, m_authorUser, ItemFacts{WorkflowState::Draft, false, {kLondonTerm}, {}});
    QSignalSpy loaded(dialog.get(), &HistoryDialog::loaded);
    QVERIFY(loaded.wait(kServerWaitMs));
    QVERIFY(!dialog->accessibleName().isEmpty());
    int controls = 0;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) || qobject_cast<QTreeWidget *>(w)
            || qobject_cast<DiffView *>(w) || (qobject_cast<QLabel *>(w) && !w->objectName().isEmpty());
        if (!control)
            continue;
        ++controls;
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(QString::fromLatin1(w->metaObject()->className()) + S(" ") + w->objectName()));
    }
    QVERIFY(controls >= 9);
}

void tst_History::serverDownThenRetry()
{
    Item item = hubPage(S("Harrow training hub"));
    QVERIFY(!push(m_author, item, QString()).isEmpty());
    QCOMPARE(m_server->stop(), 0);

    sync::ServerClient client(QUrl(m_server->baseUrl()), m_author);
    auto dialog = openDialog(client, item.id, m_authorUser, ItemFacts{WorkflowState::Draft, false, {kLondonTerm}, {}});
    QLabel *status = label(*dialog, "historyStatus");
    auto *retry = dialog->findChild<QPushButton *>(S("retryButton"));
    QVERIFY(retry);
    QCOMPARE(status->text(), S("Loading\u2026"));
    QSignalSpy loaded(dialog.get(), &HistoryDialog::loaded);
    QVERIFY(loaded.wait(kServerWaitMs));
    QVERIFY2(status->text().contains(S("Cannot reach the server")), qPrintable(status->text()));
    QVERIFY(!retry->isHidden());
    QCOMPARE(dialog->revisionList()->topLevelItemCount(), 0);
    QVERIFY(!dialog->revertButton()->isEnabled());
    QVERIFY(dialog->diffView()->toPlainText().contains(S("Cannot reach the server")));

    QVERIFY(m_server->restartOnSamePort());
    loaded.clear();
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(loaded.wait(kServerWaitMs));
    QCOMPARE(dialog->revisionList()->topLevelItemCount(), 1);
    QVERIFY(retry->isHidden());
    QVERIFY2(!status->text().contains(S("Cannot reach")), qPrintable(status->text()));
    QCOMPARE(dialog->revisionList()->topLevelItem(0)->text(2), S("Created"));
}

QTEST_MAIN(tst_History)
#include "tst_history.moc"
