// The conflict dialog on real conflicts: two replicas edit the same page offline and sync
// through a real carta-syncd, so the second one holds a conflict. The dialog lists the
// places, marks the changed words, and resolves by keeping a side, editing the result,
// keeping all mine, or (when one side deleted the item) keeping or deleting it; after the
// next syncs both replicas and the server hold the same bytes. Entry and order conflicts,
// the path names, failures and the keyboard are checked too.
#include "../common/syncdprocess.h"
#include "apptestsupport.h"

#include "widgets/conflictdialog.h"

#include "model/merge.h"
#include "sync/syncengine.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBlock>
#include <QTextEdit>
#include <QTreeWidget>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using namespace carta::testing;

namespace {

// One person's computer: a replica file of its own and a token.
struct Client
{
    QTemporaryDir dir;
    std::unique_ptr<replica::Replica> replica;
    QString token;
    QString url;

    Client(const QString &serverUrl, const QString &userToken) : token(userToken), url(serverUrl)
    {
        auto r = replica::Replica::open(dir.filePath(S("replica.sqlite")));
        if (!r)
            qFatal("%s", qPrintable(r.errorString()));
        replica = std::move(r).value();
    }
    sync::SyncReport sync() const
    {
        sync::SyncEngine engine(*replica, QUrl(url), token);
        auto report = engine.runBlocking();
        if (!report)
            qWarning("sync failed: %s", qPrintable(report.errorString()));
        return report.valueOr(sync::SyncReport{});
    }
    [[nodiscard]] Item get(const QUuid &id) const { return replica->item(id).value()->item().value(); }
    [[nodiscard]] QByteArray bytes(const QUuid &id) const { return replica->item(id).value()->bytes; }
    [[nodiscard]] bool has(const QUuid &id) const { return replica->item(id).value().has_value(); }
};

Item basePage(const QUuid &id)
{
    Item i = Item::create(ItemType::Page, id);
    i.title = S("Foundation training in London");
    i.slug = S("foundation-training-london-") + idString(id).left(8);
    i.summary = S("How the foundation programme works in London.");
    i.tags.regions = {S("london")};
    Paragraph heading;
    heading.id = S("p1");
    heading.kind = ParagraphKind::Heading;
    heading.text = S("About the programme");
    i.paragraphs = {heading, textParagraph(S("p2"), S("The programme lasts two years.\nTrainees rotate every four months.\nApply through Oriel."))};
    return i;
}

// The stretches of a pane carrying a mark (the format's background), in order.
QStringList markedText(const QTextEdit *pane, const QTextCharFormat &format)
{
    QStringList out;
    for (QTextBlock block = pane->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat f = fragment.charFormat();
            if (f.background() != format.background())
                continue;
            // Not colour alone: the same stretch is underlined and bold, or struck through.
            if (f.fontUnderline() != format.fontUnderline() || f.fontStrikeOut() != format.fontStrikeOut()
                || (format.fontWeight() == QFont::Bold && f.fontWeight() != QFont::Bold))
                out.append(S("<unmarked: ") + fragment.text() + S(">"));
            else
                out.append(fragment.text());
        }
    }
    return out;
}

QStringList column(const QTreeWidget *tree, int c)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out.append(tree->topLevelItem(i)->text(c));
    return out;
}

QStringList paragraphIds(const Item &item)
{
    QStringList ids;
    for (const Paragraph &p : item.paragraphs)
        ids.append(p.id);
    return ids;
}

using Edit = std::function<void(Item &)>;

} // namespace

class tst_ConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void describePath_data();
    void describePath();
    void resolveKeepingTheirsAndEditingTheResult();
    void failureKeepsTheDialogWithEveryChoice();
    void keepAllMine();
    void keyboardAndNames();
    void entryAndOrderPlaces();
    void deletedOnOneSide_data();
    void deletedOnOneSide();

private:
    struct Conflicted
    {
        std::unique_ptr<Client> alice; // syncs first: the server's side
        std::unique_ptr<Client> bob;   // syncs second: holds the conflict
        QUuid id;
        Item base, a, b;
        replica::ConflictRecord record;
    };
    // alice and bob edit the same page offline, alice syncs first; bob's sync records the conflict.
    void makeConflict(Conflicted &c, const Edit &aliceEdit, const Edit &bobEdit);
    int serverStatus(const QUuid &id);
    QByteArray serverBytes(const QUuid &id);
    static void editBoth(Item &item, const char *title, const char *summary, const char *line);

    std::unique_ptr<SyncdProcess> m_server;
    QString m_admin, m_alice, m_bob;
};

void tst_ConflictDialog::initTestCase()
{
    isolateSettings("conflictdialog");
    m_server = std::make_unique<SyncdProcess>();
    m_server->init();
    m_admin = m_server->addUser(S("admin"), S("admin"), S("national"));
    m_alice = m_server->addUser(S("alice.jones"), S("author"), S("london"));
    m_bob = m_server->addUser(S("bob.smith"), S("author"), S("london"));
    QVERIFY(m_server->start());
    Client admin(m_server->baseUrl(), m_admin);
    Item london = Item::create(ItemType::Term);
    london.title = S("London");
    london.slug = S("london");
    london.as<TermFields>().vocabulary = Vocabulary::Region;
    save(*admin.replica, london);
    QCOMPARE(admin.sync().pushed, 1);
}

void tst_ConflictDialog::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

int tst_ConflictDialog::serverStatus(const QUuid &id)
{
    return HttpClient(m_server->baseUrl(), m_admin).get(S("/api/v1/items/") + idString(id)).status;
}

QByteArray tst_ConflictDialog::serverBytes(const QUuid &id)
{
    return serializeCanonical(HttpClient(m_server->baseUrl(), m_admin).get(S("/api/v1/items/") + idString(id)).json()[S("item")]);
}

void tst_ConflictDialog::editBoth(Item &item, const char *title, const char *summary, const char *line)
{
    item.title = S(title);
    item.summary = S(summary);
    item.paragraphs[1].markdown.replace(S("Trainees rotate every four months."), S(line));
}

void tst_ConflictDialog::makeConflict(Conflicted &c, const Edit &aliceEdit, const Edit &bobEdit)
{
    c.alice = std::make_unique<Client>(m_server->baseUrl(), m_alice);
    c.bob = std::make_unique<Client>(m_server->baseUrl(), m_bob);
    c.id = QUuid::createUuid();
    c.base = basePage(c.id);
    save(*c.alice->replica, c.base);
    QCOMPARE(c.alice->sync().pushed, 1);
    c.bob->sync();
    QVERIFY(c.bob->has(c.id));
    c.a = c.alice->get(c.id);
    c.b = c.bob->get(c.id);
    if (aliceEdit) {
        aliceEdit(c.a);
        save(*c.alice->replica, c.a);
    }
    if (bobEdit) {
        bobEdit(c.b);
        save(*c.bob->replica, c.b);
    }
    QCOMPARE(c.alice->sync().pushed, 1);
    QCOMPARE(c.bob->sync().conflicts, 1);
    const auto conflicts = c.bob->replica->conflicts();
    QVERIFY(conflicts.ok());
    QCOMPARE(conflicts.value().size(), 1);
    c.record = conflicts.value().first();
    QCOMPARE(c.record.id, c.id);
}

void tst_ConflictDialog::describePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole item") << QString() << S("The whole item");
    QTest::newRow("title") << S("title") << S("Title");
    QTest::newRow("summary") << S("summary") << S("Summary");
    QTest::newRow("region tags") << S("tags.regions") << S("Region tags");
    QTest::newRow("search description") << S("meta.description") << S("Search description");
    QTest::newRow("heading") << S("paragraphs[id=p1].text") << S("Paragraph 1 (heading)");
    QTest::newRow("heading level") << S("paragraphs[id=p1].level") << S("Paragraph 1 (heading): level");
    QTest::newRow("text") << S("paragraphs[id=p2].markdown") << S("Paragraph 2 (text)");
    QTest::newRow("callout title") << S("paragraphs[id=p3].text") << S("Paragraph 3 (callout): title");
    QTest::newRow("callout body") << S("paragraphs[id=p3].markdown") << S("Paragraph 3 (callout)");
    QTest::newRow("outcomes paragraph introduction") << S("paragraphs[id=p4].text") << S("Paragraph 4 (learning outcomes)");
    QTest::newRow("outcomes paragraph codes") << S("paragraphs[id=p4].outcome_codes") << S("Paragraph 4 (learning outcomes): outcomes");
    QTest::newRow("whole paragraph") << S("paragraphs[id=p2]") << S("Paragraph 2 (text)");
    QTest::newRow("paragraph by index") << S("paragraphs[2].markdown") << S("Paragraph 3 (callout)");
    QTest::newRow("paragraph no longer there") << S("paragraphs[id=gone].markdown") << S("Paragraph (removed)");
    QTest::newRow("order of paragraphs") << S("paragraphs") << S("Order of paragraphs");
    QTest::newRow("curriculum version") << S("curriculum.version") << S("Version");
    QTest::newRow("outcome title") << S("curriculum.learning_outcomes[id=lo2].title") << S("Learning outcome 2 (CARD-LO-02): title");
    QTest::newRow("whole outcome") << S("curriculum.learning_outcomes[id=lo1]") << S("Learning outcome 1 (CARD-LO-01)");
    QTest::newRow("order of outcomes") << S("curriculum.learning_outcomes") << S("Order of learning outcomes");
    QTest::newRow("assessment") << S("curriculum.assessments[id=a1].description") << S("Assessment 1 (ARCP): description");
}

void tst_ConflictDialog::describePath()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    Item item = Item::create(ItemType::Curriculum);
    item.title = S("Cardiology specialty training curriculum");
    Paragraph heading;
    heading.id = S("p1");
    heading.kind = ParagraphKind::Heading;
    heading.text = S("Purpose");
    Paragraph callout;
    callout.id = S("p3");
    callout.kind = ParagraphKind::Callout;
    callout.text = S("Transition to the 2022 curriculum");
    callout.markdown = S("Trainees move over at their next ARCP.");
    Paragraph outcomes;
    outcomes.id = S("p4");
    outcomes.kind = ParagraphKind::LearningOutcomes;
    outcomes.text = S("By the end of training you will:");
    outcomes.outcomeCodes = {S("CARD-LO-01")};
    item.paragraphs = {heading, textParagraph(S("p2"), S("This curriculum sets out what a cardiologist needs.")), callout, outcomes};
    auto &f = item.as<CurriculumFields>();
    f.learningOutcomes = {{S("lo1"), S("CARD-LO-01"), S("Manage acute cardiac presentations"), QString()},
                          {S("lo2"), S("CARD-LO-02"), S("Run a heart failure clinic"), QString()}};
    f.assessments = {{S("a1"), AssessmentMethod::Arcp, S("Annual review of competence progression.")}};
    QCOMPARE(ConflictDialog::describePath(item, path), expected);
}

void tst_ConflictDialog::resolveKeepingTheirsAndEditingTheResult()
{
    Conflicted c;
    makeConflict(
        c,
        [](Item &a) { editBoth(a, "Foundation training in London 2025", "How the two-year foundation programme works in London.",
                               "Trainees rotate every six months."); },
        [](Item &b) { editBoth(b, "Foundation programme in London", "How the foundation programme works across London.",
                               "Trainees rotate every four months across three trusts."); });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(c.record.conflicts.size(), 3);

    ConflictDialog dialog(*c.bob->replica, c.record);
    dialog.show();
    QVERIFY(!dialog.isDeletionConflict());
    QCOMPARE(dialog.findChild<QLabel *>(S("conflictTitle"))->text(), S("Conflict in “Foundation programme in London”"));
    auto *places = dialog.findChild<QTreeWidget *>(S("placeList"));
    auto *basePane = dialog.findChild<QTextEdit *>(S("basePane"));
    auto *minePane = dialog.findChild<QTextEdit *>(S("minePane"));
    auto *theirsPane = dialog.findChild<QTextEdit *>(S("theirsPane"));
    auto *result = dialog.findChild<QPlainTextEdit *>(S("resultEdit"));
    auto *resolve = dialog.findChild<QPushButton *>(S("resolveButton"));
    auto *keepMine = dialog.findChild<QPushButton *>(S("keepMineButton"));
    auto *keepTheirs = dialog.findChild<QPushButton *>(S("keepTheirsButton"));
    auto *keepBoth = dialog.findChild<QPushButton *>(S("keepBothButton"));
    auto *decided = dialog.findChild<QLabel *>(S("decidedCount"));
    QVERIFY(places && basePane && minePane && theirsPane && result && resolve && keepMine && keepTheirs && keepBoth && decided);

    // The places, in the order of the page, none decided.
    QCOMPARE(column(places, 0), (QStringList{S("Title"), S("Summary"), S("Paragraph 2 (text)")}));
    QCOMPARE(column(places, 1), (QStringList{S("Not decided"), S("Not decided"), S("Not decided")}));
    QCOMPARE(decided->text(), S("Decided: 0 of 3"));
    QVERIFY(!resolve->isEnabled());

    // The title: each side's changed words marked against Base, Base's replaced word struck.
    QCOMPARE(places->currentItem(), places->topLevelItem(0));
    QCOMPARE(dialog.findChild<QLabel *>(S("placeTitle"))->text(), S("Title"));
    QCOMPARE(basePane->toPlainText(), c.base.title);
    QCOMPARE(minePane->toPlainText(), c.b.title);
    QCOMPARE(theirsPane->toPlainText(), c.a.title);
    QCOMPARE(markedText(minePane, ConflictDialog::addedFormat()), QStringList{S("programme")});
    QCOMPARE(markedText(theirsPane, ConflictDialog::addedFormat()), QStringList{S("2025")});
    QCOMPARE(markedText(basePane, ConflictDialog::removedFormat()), QStringList{S("training")});
    QCOMPARE(result->toPlainText(), c.b.title); // the merge keeps mine until decided
    QVERIFY(!dialog.findChild<QLabel *>(S("diffLegend"))->text().isEmpty());

    // Keep theirs for the title.
    QTest::mouseClick(keepTheirs, Qt::LeftButton);
    QCOMPARE(result->toPlainText(), c.a.title);
    QCOMPARE(places->topLevelItem(0)->text(1), S("Theirs kept"));
    QVERIFY(!resolve->isEnabled());

    // Keep mine for the summary, chosen from the list by keyboard.
    QTest::keyClick(places, Qt::Key_Down);
    QCOMPARE(dialog.findChild<QLabel *>(S("placeTitle"))->text(), S("Summary"));
    QCOMPARE(markedText(minePane, ConflictDialog::addedFormat()), QStringList{S("across")});
    QCOMPARE(markedText(theirsPane, ConflictDialog::addedFormat()), QStringList{S("two-year")});
    QTest::mouseClick(keepMine, Qt::LeftButton);
    QCOMPARE(places->topLevelItem(1)->text(1), S("Mine kept"));
    QCOMPARE(decided->text(), S("Decided: 2 of 3"));
    QVERIFY(!resolve->isEnabled());

    // The paragraph: the changed line's words marked; keep both, then write the result.
    QTest::keyClick(places, Qt::Key_Down);
    QCOMPARE(dialog.findChild<QLabel *>(S("placeTitle"))->text(), S("Paragraph 2 (text)"));
    QCOMPARE(markedText(minePane, ConflictDialog::addedFormat()), QStringList{S("across three trusts")});
    QCOMPARE(markedText(theirsPane, ConflictDialog::addedFormat()), QStringList{S("six")});
    QCOMPARE(markedText(basePane, ConflictDialog::removedFormat()), QStringList{S("four")});
    QVERIFY(keepBoth->isEnabled());
    QTest::mouseClick(keepBoth, Qt::LeftButton);
    QCOMPARE(result->toPlainText(), c.b.paragraphs[1].markdown + S("\n\n") + c.a.paragraphs[1].markdown);
    QCOMPARE(places->topLevelItem(2)->text(1), S("Both kept"));
    QVERIFY(resolve->isEnabled());
    result->setFocus();
    QTest::keyClick(result, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(result, S("The programme lasts two years."));
    QTest::keyClick(result, Qt::Key_Return);
    QTest::keyClicks(result, S("Trainees rotate every six months across three trusts."));
    QTest::keyClick(result, Qt::Key_Return);
    QTest::keyClicks(result, S("Apply through Oriel."));
    const QString written = S("The programme lasts two years.\nTrainees rotate every six months across three trusts.\nApply through Oriel.");
    QCOMPARE(result->toPlainText(), written);
    QCOMPARE(places->topLevelItem(2)->text(1), S("Edited"));
    QCOMPARE(dialog.findChild<QLabel *>(S("decisionLabel"))->text(), S("Decision: Edited"));
    QCOMPARE(decided->text(), S("Decided: 3 of 3"));
    QVERIFY(resolve->isEnabled());
    QTRY_COMPARE(dialog.findChild<QLabel *>(S("resultProblems"))->text(), S("The result passes Carta's checks."));

    // Going back to a decided place shows its result as decided.
    QTest::keyClick(places, Qt::Key_Home);
    QCOMPARE(result->toPlainText(), c.a.title);
    QCOMPARE(dialog.findChild<QLabel *>(S("decisionLabel"))->text(), S("Decision: Theirs kept"));
    QTest::keyClick(places, Qt::Key_End);
    QCOMPARE(result->toPlainText(), written);
    if (qEnvironmentVariableIsSet("CARTA_SCREENSHOT_DIR")) {
        dialog.resize(1100, 720);
        dialog.grab().save(qEnvironmentVariable("CARTA_SCREENSHOT_DIR") + S("/conflictdialog.png"));
    }

    Item expected = c.base;
    expected.title = c.a.title;
    expected.summary = c.b.summary;
    expected.paragraphs[1].markdown = written;
    QCOMPARE(dialog.resultItem().value(), expected);
    QTest::mouseClick(resolve, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(c.bob->get(c.id), expected);
    QVERIFY(c.bob->replica->conflicts().value().isEmpty());
    QVERIFY(!c.bob->replica->item(c.id).value()->conflicted);

    // Both computers and the server end with the same bytes.
    const auto report = c.bob->sync();
    QCOMPARE(report.pushed, 1);
    QCOMPARE(report.conflicts, 0);
    c.alice->sync();
    QCOMPARE(c.bob->bytes(c.id), serialize(expected));
    QCOMPARE(c.alice->bytes(c.id), serialize(expected));
    QCOMPARE(serverBytes(c.id), serialize(expected));
}

void tst_ConflictDialog::failureKeepsTheDialogWithEveryChoice()
{
    Conflicted c;
    makeConflict(c, [](Item &a) { a.title = S("Foundation training in London 2025"); },
                 [](Item &b) { b.title = S("Foundation programme in London"); });
    if (QTest::currentTestFailed())
        return;
    ConflictDialog dialog(*c.bob->replica, c.record);
    dialog.show();
    auto *places = dialog.findChild<QTreeWidget *>(S("placeList"));
    QCOMPARE(column(places, 0), QStringList{S("Title")});
    QTest::mouseClick(dialog.findChild<QPushButton *>(S("keepAllTheirsButton")), Qt::LeftButton);
    QCOMPARE(column(places, 1), QStringList{S("Theirs kept")});

    // Settled elsewhere meanwhile (another window): the dialog's resolve fails, and says so.
    QVERIFY(c.bob->replica->resolve(c.id, parseItem(c.record.mine).value()).ok());
    auto *error = dialog.findChild<QLabel *>(S("resolveError"));
    QVERIFY(error->isHidden());
    QTest::mouseClick(dialog.findChild<QPushButton *>(S("resolveButton")), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(S("no conflict to resolve")), qPrintable(error->text()));
    QCOMPARE(column(places, 1), QStringList{S("Theirs kept")});
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(S("resultEdit"))->toPlainText(), c.a.title);
    QVERIFY(dialog.findChild<QPushButton *>(S("resolveButton"))->isEnabled());
}

void tst_ConflictDialog::keepAllMine()
{
    Conflicted c;
    makeConflict(
        c,
        [](Item &a) { editBoth(a, "Foundation training in London 2025", "How the two-year foundation programme works in London.",
                               "Trainees rotate every six months."); },
        [](Item &b) { editBoth(b, "Foundation programme in London", "How the foundation programme works across London.",
                               "Trainees rotate every four months across three trusts."); });
    if (QTest::currentTestFailed())
        return;
    ConflictDialog dialog(*c.bob->replica, c.record);
    dialog.show();
    auto *places = dialog.findChild<QTreeWidget *>(S("placeList"));
    auto *resolve = dialog.findChild<QPushButton *>(S("resolveButton"));
    QVERIFY(!resolve->isEnabled());
    QTest::mouseClick(dialog.findChild<QPushButton *>(S("keepAllMineButton")), Qt::LeftButton);
    QCOMPARE(column(places, 1), (QStringList{S("Mine kept"), S("Mine kept"), S("Mine kept")}));
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(S("resultEdit"))->toPlainText(), c.b.title);
    QVERIFY(resolve->isEnabled());
    QTest::mouseClick(resolve, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(c.bob->get(c.id), c.b);
    QVERIFY(c.bob->replica->conflicts().value().isEmpty());
    QCOMPARE(c.bob->sync().pushed, 1);
    c.alice->sync();
    QCOMPARE(c.alice->get(c.id), c.b);
    QCOMPARE(serverBytes(c.id), c.bob->bytes(c.id));
    QCOMPARE(c.alice->bytes(c.id), c.bob->bytes(c.id));
}

void tst_ConflictDialog::keyboardAndNames()
{
    Conflicted c;
    makeConflict(
        c,
        [](Item &a) { editBoth(a, "Foundation training in London 2025", "How the two-year foundation programme works in London.",
                               "Trainees rotate every six months."); },
        [](Item &b) { editBoth(b, "Foundation programme in London", "How the foundation programme works across London.",
                               "Trainees rotate every four months across three trusts."); });
    if (QTest::currentTestFailed())
        return;
    ConflictDialog dialog(*c.bob->replica, c.record);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    // Every control a person can reach has a name for tests and for screen readers.
    for (QWidget *w : dialog.findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || w->parentWidget()->inherits("QAbstractScrollArea"))
            continue; // scroll-area internals (viewports, scroll bars) belong to their view
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }

    // Tab goes through the places, the three sides, the choices, the result and the buttons.
    auto *places = dialog.findChild<QTreeWidget *>(S("placeList"));
    places->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), places);
    QStringList order{places->objectName()};
    for (int i = 0; i < 11; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order.append(QApplication::focusWidget()->objectName());
    }
    QCOMPARE(order, (QStringList{S("placeList"), S("basePane"), S("minePane"), S("theirsPane"), S("keepMineButton"),
                                 S("keepTheirsButton"), S("keepBothButton"), S("resultEdit"), S("keepAllMineButton"),
                                 S("keepAllTheirsButton"), S("decideLaterButton"), S("placeList")}));
    // (Resolve is skipped while it is disabled.)

    // Decide each place with its mnemonic, then resolve with Alt+R.
    auto *resolve = dialog.findChild<QPushButton *>(S("resolveButton"));
    places->setFocus();
    // A mnemonic clicks its button after a short animation: wait for the decision.
    QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier); // Keep theirs: title
    QTRY_COMPARE(places->topLevelItem(0)->text(1), S("Theirs kept"));
    QTest::keyClick(places, Qt::Key_Down);
    QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier); // Keep mine: summary
    QTRY_COMPARE(places->topLevelItem(1)->text(1), S("Mine kept"));
    QTest::keyClick(places, Qt::Key_Down);
    QTest::keyClick(&dialog, Qt::Key_O, Qt::AltModifier); // Keep both: paragraph
    QTRY_COMPARE(places->topLevelItem(2)->text(1), S("Both kept"));
    QVERIFY(resolve->isEnabled());
    QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    const Item resolved = c.bob->get(c.id);
    QCOMPARE(resolved.title, c.a.title);
    QCOMPARE(resolved.summary, c.b.summary);
    QCOMPARE(resolved.paragraphs[1].markdown, c.b.paragraphs[1].markdown + S("\n\n") + c.a.paragraphs[1].markdown);
}

void tst_ConflictDialog::entryAndOrderPlaces()
{
    // Mine deleted a paragraph theirs edited, and both reordered the rest differently.
    Item base = basePage(QUuid::createUuid());
    base.paragraphs = {textParagraph(S("p1"), S("Foundation doctors work in six rotations.")),
                       textParagraph(S("p2"), S("Each rotation lasts four months.")),
                       textParagraph(S("p3"), S("The UKFPO runs national recruitment.")),
                       textParagraph(S("p4"), S("Apply through Oriel."))};
    Item mine = base;
    mine.paragraphs = {base.paragraphs[3], base.paragraphs[0], base.paragraphs[2]};
    Item theirs = base;
    theirs.paragraphs = {base.paragraphs[2], base.paragraphs[0], base.paragraphs[1], base.paragraphs[3]};
    theirs.paragraphs[2].markdown = S("Each rotation lasts four months in most deaneries.");
    replica::ConflictRecord record;
    record.id = base.id;
    record.base = serialize(base);
    record.mine = serialize(mine);
    record.theirs = serialize(theirs);
    record.theirsRevision = revisionId(record.theirs);
    record.conflicts = mergeJson(itemToJson(base), itemToJson(mine), itemToJson(theirs)).conflicts;
    QCOMPARE(record.conflicts.size(), 2);

    TempReplica file;
    auto replica = file.openReplica();
    ConflictDialog dialog(*replica, record);
    dialog.show();
    auto *places = dialog.findChild<QTreeWidget *>(S("placeList"));
    auto *minePane = dialog.findChild<QTextEdit *>(S("minePane"));
    auto *theirsPane = dialog.findChild<QTextEdit *>(S("theirsPane"));
    auto *result = dialog.findChild<QPlainTextEdit *>(S("resultEdit"));
    auto *keepMine = dialog.findChild<QPushButton *>(S("keepMineButton"));
    auto *keepTheirs = dialog.findChild<QPushButton *>(S("keepTheirsButton"));
    // The merge keeps the edited paragraph, third after mine's order and theirs' addition.
    QCOMPARE(column(places, 0), (QStringList{S("Order of paragraphs"), S("Paragraph 3 (text)")}));

    // The order: each side's list of paragraphs, numbered; not text, so only one side is kept.
    QCOMPARE(minePane->toPlainText(), S("1. Text: Apply through Oriel.\n2. Text: Foundation doctors work in six rotations.\n"
                                        "3. Text: The UKFPO runs national recruitment."));
    QVERIFY(theirsPane->toPlainText().startsWith(S("1. Text: The UKFPO runs national recruitment.\n")));
    QVERIFY(!dialog.findChild<QPushButton *>(S("keepBothButton"))->isEnabled());
    QVERIFY(result->isReadOnly());
    QTest::mouseClick(keepTheirs, Qt::LeftButton);
    QCOMPARE(result->toPlainText(), theirsPane->toPlainText());

    // The paragraph: deleted on this computer, edited on the server.
    QTest::keyClick(places, Qt::Key_Down);
    QCOMPARE(minePane->toPlainText(), QString());
    QCOMPARE(minePane->placeholderText(), S("(Deleted on this computer)"));
    QVERIFY(theirsPane->toPlainText().contains(S("Each rotation lasts four months in most deaneries.")));
    QCOMPARE(markedText(theirsPane, ConflictDialog::addedFormat()), (QStringList{S("in most deaneries")}));
    QCOMPARE(keepMine->text(), S("Keep &mine (deleted)"));
    QTest::mouseClick(keepMine, Qt::LeftButton);
    QCOMPARE(paragraphIds(dialog.resultItem().value()), (QStringList{S("p3"), S("p1"), S("p4")}));

    // The other way round: the edited paragraph stays where the kept order has room for it.
    QTest::mouseClick(keepTheirs, Qt::LeftButton);
    QTest::keyClick(places, Qt::Key_Up);
    QTest::mouseClick(keepMine, Qt::LeftButton);
    const Item kept = dialog.resultItem().value();
    QCOMPARE(paragraphIds(kept), (QStringList{S("p4"), S("p1"), S("p2"), S("p3")}));
    QCOMPARE(kept.paragraphs[2].markdown, theirs.paragraphs[2].markdown);
}

void tst_ConflictDialog::deletedOnOneSide_data()
{
    QTest::addColumn<bool>("deletedOnServer");
    QTest::addColumn<bool>("keepItem");
    QTest::newRow("deleted on the server, keep my version") << true << true;
    QTest::newRow("deleted on the server, accept the deletion") << true << false;
    QTest::newRow("deleted here, keep their version") << false << true;
    QTest::newRow("deleted here, delete it anyway") << false << false;
}

void tst_ConflictDialog::deletedOnOneSide()
{
    QFETCH(bool, deletedOnServer);
    QFETCH(bool, keepItem);
    Client alice(m_server->baseUrl(), m_alice);
    Client bob(m_server->baseUrl(), m_bob);
    const QUuid id = QUuid::createUuid();
    save(*alice.replica, basePage(id));
    QCOMPARE(alice.sync().pushed, 1);
    bob.sync();
    Item edited;
    if (deletedOnServer) {
        QVERIFY(alice.replica->deleteItem(id).ok());
        QCOMPARE(alice.sync().pushed, 1);
        QCOMPARE(serverStatus(id), 404);
        edited = bob.get(id);
        edited.title = S("Foundation training in London (revised)");
        save(*bob.replica, edited);
    } else {
        edited = alice.get(id);
        edited.title = S("Foundation training in London (revised)");
        save(*alice.replica, edited);
        QCOMPARE(alice.sync().pushed, 1);
        QVERIFY(bob.replica->deleteItem(id).ok());
    }
    QCOMPARE(bob.sync().conflicts, 1);
    const replica::ConflictRecord record = bob.replica->conflicts().value().value(0);
    QCOMPARE(record.id, id);

    ConflictDialog dialog(*bob.replica, record);
    dialog.show();
    QVERIFY(dialog.isDeletionConflict());
    QVERIFY(!dialog.findChild<QTreeWidget *>(S("placeList")));
    const QString intro = dialog.findChild<QLabel *>(S("conflictIntro"))->text();
    QVERIFY2(intro.contains(deletedOnServer ? S("deleted on the server") : S("You deleted this item")), qPrintable(intro));
    QVERIFY(dialog.findChild<QTextEdit *>(S("survivorPane"))->toPlainText().contains(S("Title: Foundation training in London (revised)")));
    auto *keep = dialog.findChild<QRadioButton *>(S("keepItemChoice"));
    auto *remove = dialog.findChild<QRadioButton *>(S("deleteChoice"));
    QCOMPARE(keep->text(), deletedOnServer ? S("&Keep my version (restore it on the server)") : S("&Keep their version (cancel my deletion)"));
    QCOMPARE(remove->text(), deletedOnServer ? S("&Accept the deletion") : S("&Delete it anyway"));
    auto *resolve = dialog.findChild<QPushButton *>(S("resolveButton"));
    QVERIFY(!resolve->isEnabled());
    QRadioButton *choice = keepItem ? keep : remove;
    QTest::mouseClick(choice, Qt::LeftButton, {}, QPoint(choice->iconSize().width() / 2 + 2, choice->height() / 2));
    QVERIFY(choice->isChecked());
    if (qEnvironmentVariableIsSet("CARTA_SCREENSHOT_DIR"))
        dialog.grab().save(qEnvironmentVariable("CARTA_SCREENSHOT_DIR") + S("/conflictdialog-deleted-%1.png").arg(S(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
    QVERIFY(resolve->isEnabled());
    QTest::mouseClick(resolve, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(bob.replica->conflicts().value().isEmpty());

    if (keepItem) {
        QCOMPARE(bob.get(id).title, edited.title);
        bob.sync();
        QCOMPARE(serverStatus(id), 200);
        alice.sync();
        QCOMPARE(alice.bytes(id), bob.bytes(id));
        QCOMPARE(serverBytes(id), bob.bytes(id));
        QCOMPARE(parseItem(serverBytes(id)).value().title, edited.title);
    } else {
        if (deletedOnServer)
            QVERIFY(!bob.has(id)); // never to be sent again
        else
            QVERIFY(bob.replica->item(id).value()->deleted); // the delete waits to be sent
        bob.sync();
        QCOMPARE(serverStatus(id), 404);
        alice.sync();
        QVERIFY(!alice.has(id));
        QVERIFY(!bob.has(id));
    }
    QCOMPARE(bob.replica->status().value().dirty, 0);
    QCOMPARE(bob.replica->status().value().conflicts, 0);
}

QTEST_MAIN(tst_ConflictDialog)
#include "tst_conflictdialog.moc"
