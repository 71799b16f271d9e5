// The main window over a real replica: the list shows the items and search-as-you-type
// narrows it, navigation and facets filter, items open in tabs (Enter, Ctrl+W), undo and
// redo reach the document from the keyboard, the status bar counts unsent changes, and
// tabs, geometry and splitters come back after a restart. Also `carta --screenshot`.
#include "apptestsupport.h"

#include "account/tokenstore.h"
#include "models/facetmodel.h"
#include "models/navigationmodel.h"
#include "widgets/itemeditor.h"
#include "widgets/mainwindow.h"

#include <QImage>
#include <QLabel>
#include <QDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listShowsItemsAndSearchNarrows();
    void navigationAndFacetsFilter();
    void openEditUndoRedoAndClose();
    void statusBarCountsUnsentChanges();
    void tabsAndLayoutRestoredOnRestart();
    void conflictsAreListedAndMarked();
    void syncWithoutServerIsCalm();
    void screenshotOption();

private:
    template<typename T> T *find(const char *name) const
    {
        auto *widget = m_window->findChild<T *>(S(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void openWindow();
    int listRows() const { return m_window->listModel()->rowCount(); }

    TokenStore m_tokens;
    std::unique_ptr<carta::testing::TempReplica> m_file;
    std::unique_ptr<MainWindow> m_window;
    QList<Item> m_items;
};

void tst_MainWindow::initTestCase()
{
    carta::testing::isolateSettings("mainwindow");
    m_tokens.setTimeout(2000);
    m_items = {carta::testing::page(S("Cardiology specialty training"), S("cardiology-training"), QString(), {S("london")}),
               carta::testing::page(S("Core surgical training"), S("core-surgical-training"), QString(), {S("london")}),
               carta::testing::page(S("Foundation programme"), S("foundation-programme"), QString(), {S("north-west")}),
               carta::testing::page(S("General practice training"), S("general-practice"), QString(), {S("midlands")}),
               carta::testing::ofType(ItemType::Curriculum, S("Cardiology curriculum"), S("cardiology-curriculum"))};
}

void tst_MainWindow::init()
{
    QSettings().clear();
    m_file = std::make_unique<carta::testing::TempReplica>();
    auto replica = m_file->openReplica();
    carta::testing::pull(*replica, m_items.mid(1));
    carta::testing::save(*replica, m_items[0]); // one local edit not yet sent
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_file.reset();
}

void tst_MainWindow::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_file->openWorkspace(), m_tokens);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::listShowsItemsAndSearchNarrows()
{
    openWindow();
    auto *list = find<QTableView>("itemList");
    QCOMPARE(list->model()->rowCount(), 5);
    QCOMPARE(find<QLabel>("resultCount")->text(), S("5 items"));
    QStringList titles;
    for (int row = 0; row < 5; ++row)
        titles.append(list->model()->index(row, ItemListModel::TitleColumn).data().toString());
    QCOMPARE(titles, (QStringList{S("Cardiology curriculum"), S("Cardiology specialty training"), S("Core surgical training"),
                                  S("Foundation programme"), S("General practice training")}));
    QCOMPARE(list->model()->index(1, ItemListModel::ChangesColumn).data().toString(), S("Not sent"));

    // Ctrl+F, then type: the list narrows as the person types (after a short pause).
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    auto *search = find<QLineEdit>("searchField");
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, S("cardio"));
    QTRY_COMPARE(listRows(), 2);
    QTest::keyClicks(search, S("logy spec"));
    QTRY_COMPARE(listRows(), 1);
    QCOMPARE(list->model()->index(0, ItemListModel::TitleColumn).data().toString(), S("Cardiology specialty training"));
    QCOMPARE(find<QLabel>("resultCount")->text(), S("1 item"));
    search->clear();
    QTRY_COMPARE(listRows(), 5);
}

void tst_MainWindow::navigationAndFacetsFilter()
{
    openWindow();
    auto *navigation = find<QTreeView>("navigationView");
    auto *navModel = m_window->navigationModel();
    QCOMPARE(navModel->find(ListScope::Drafts).data().toString(), S("My drafts (1)"));

    // By type: curricula.
    navigation->setCurrentIndex(navModel->find(ListScope::All, replica::Facet::Type, S("curriculum")));
    QCOMPARE(listRows(), 1);
    QCOMPARE(m_window->facetModel()->selection().at(replica::Facet::Type), QStringList{S("curriculum")});
    // My drafts: the one unsent edit.
    navigation->setCurrentIndex(navModel->find(ListScope::Drafts));
    QCOMPARE(listRows(), 1);
    QCOMPARE(m_window->listModel()->idAt(0), m_items[0].id);
    QVERIFY(m_window->facetModel()->selection().empty());
    // All items, then a region facet checked as the view would.
    navigation->setCurrentIndex(navModel->allItemsIndex());
    QCOMPARE(listRows(), 5);
    FacetModel *facets = m_window->facetModel();
    const QModelIndex london = facets->valueIndex(replica::Facet::Region, S("london"));
    QCOMPARE(london.data(FacetModel::CountRole).toLongLong(), 2);
    QVERIFY(facets->setData(london, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(listRows(), 2);
    QTest::mouseClick(find<QPushButton>("clearFiltersButton"), Qt::LeftButton);
    QCOMPARE(listRows(), 5);
}

void tst_MainWindow::openEditUndoRedoAndClose()
{
    openWindow();
    auto *list = find<QTableView>("itemList");
    auto *tabs = find<QTabWidget>("editorTabs");
    QCOMPARE(tabs->count(), 0);
    // Select the third row and press Enter.
    list->setFocus();
    list->setCurrentIndex(list->model()->index(2, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(tabs->count(), 1);
    ItemEditor *editor = m_window->currentEditor();
    QVERIFY(editor);
    QCOMPARE(editor->itemId(), m_items[1].id);
    QCOMPARE(tabs->tabText(0), S("Core surgical training"));
    // Opening it again shows the same tab.
    QVERIFY(m_window->openItem(m_items[1].id));
    QCOMPARE(tabs->count(), 1);

    auto *title = editor->findChild<QLineEdit *>(S("titleEdit"));
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, S(" (CST)"));
    QCOMPARE(tabs->tabText(0), S("Core surgical training (CST)"));
    // Ctrl+Z in the field reaches the document's undo stack, not the field's own.
    QVERIFY(m_window->undoAction()->isEnabled());
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->document()->item().title, S("Core surgical training"));
    QCOMPARE(title->text(), S("Core surgical training"));
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor->document()->item().title, S("Core surgical training (CST)"));
    m_window->undoAction()->trigger();
    QCOMPARE(editor->document()->item().title, S("Core surgical training"));
    m_window->redoAction()->trigger();
    QCOMPARE(editor->document()->item().title, S("Core surgical training (CST)"));

    // Ctrl+S saves at once; the list row follows.
    QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!editor->hasUnsavedChanges());
    const int row = m_window->listModel()->rowOf(m_items[1].id);
    QCOMPARE(m_window->listModel()->index(row, ItemListModel::TitleColumn).data().toString(), S("Core surgical training (CST)"));
    QCOMPARE(m_window->listModel()->index(row, ItemListModel::ChangesColumn).data().toString(), S("Not sent"));

    // Ctrl+W closes the tab after saving what is left.
    QTest::keyClicks(title, S("!"));
    QTest::keyClick(title, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 0);
    const auto stored = carta::testing::storedItem(m_file->path, m_items[1].id);
    QVERIFY(stored);
    QCOMPARE(stored->title, S("Core surgical training (CST)!"));
}

void tst_MainWindow::statusBarCountsUnsentChanges()
{
    openWindow();
    auto *pending = find<QLabel>("pendingChanges");
    QCOMPARE(pending->text(), S("1 change not sent"));
    QCOMPARE(find<QLabel>("lastSync")->text(), S("Never synced"));
    QCOMPARE(find<QLabel>("onlineState")->text(), S("Not signed in"));
    QVERIFY(m_window->openItem(m_items[2].id));
    auto *summary = m_window->currentEditor()->findChild<QPlainTextEdit *>(S("summaryEdit"));
    QVERIFY(summary);
    QTest::keyClicks(summary, S("Updated. "));
    QTRY_COMPARE(pending->text(), S("2 changes not sent"));
    QTRY_COMPARE(m_window->navigationModel()->find(ListScope::Drafts).data().toString(), S("My drafts (2)"));
}

void tst_MainWindow::tabsAndLayoutRestoredOnRestart()
{
    openWindow();
    QVERIFY(m_window->openItem(m_items[3].id));
    QVERIFY(m_window->openItem(m_items[1].id));
    QVERIFY(m_window->openItem(m_items[2].id));
    QVERIFY(m_window->openItem(m_items[1].id)); // current
    m_window->resize(1111, 777);
    auto *splitter = find<QSplitter>("mainSplitter");
    splitter->setSizes({200, 400, 511});
    const QList<int> sizes = splitter->sizes();
    QVERIFY(m_window->close());
    m_window.reset();

    openWindow();
    m_window->restoreSession();
    auto *tabs = find<QTabWidget>("editorTabs");
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(m_window->editors().at(0)->itemId(), m_items[3].id);
    QCOMPARE(m_window->editors().at(1)->itemId(), m_items[1].id);
    QCOMPARE(m_window->editors().at(2)->itemId(), m_items[2].id);
    QCOMPARE(m_window->currentEditor()->itemId(), m_items[1].id);
    QCOMPARE(m_window->size(), QSize(1111, 777));
    QCOMPARE(find<QSplitter>("mainSplitter")->sizes(), sizes);
}

void tst_MainWindow::conflictsAreListedAndMarked()
{
    {
        // Edited here and, differently, on the server: the pull records a conflict.
        auto replica = m_file->openReplica();
        Item mine = m_items[2];
        mine.title = S("Foundation programme (mine)");
        carta::testing::save(*replica, mine);
        Item theirs = m_items[2];
        theirs.title = S("Foundation programme (theirs)");
        carta::testing::pull(*replica, {theirs});
        QCOMPARE(replica->status().value().conflicts, 1);
    }
    openWindow();
    auto *navModel = m_window->navigationModel();
    QCOMPARE(navModel->find(ListScope::Conflicts).data().toString(), S("Conflicts (1)"));
    QCOMPARE(find<QLabel>("pendingChanges")->text(), S("2 changes not sent · 1 conflict"));
    find<QTreeView>("navigationView")->setCurrentIndex(navModel->find(ListScope::Conflicts));
    QCOMPARE(listRows(), 1);
    QCOMPARE(m_window->listModel()->index(0, ItemListModel::ChangesColumn).data().toString(), S("Conflict"));
    QVERIFY(m_window->openItem(m_window->listModel()->idAt(0)));
    auto *banner = m_window->currentEditor()->findChild<QLabel *>(S("editorBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(S("conflicts with a change on the server")));
    QCOMPARE(m_window->currentEditor()->document()->item().title, S("Foundation programme (mine)"));
}

void tst_MainWindow::syncWithoutServerIsCalm()
{
    openWindow();
    // A replica never signed in: Sync says so in the status bar and offers sign-in.
    QTest::mouseClick(find<QPushButton>("syncButton"), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<QDialog *>(S("signInDialog")));
    auto *dialog = m_window->findChild<QDialog *>(S("signInDialog"));
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QVERIFY(m_window->statusBar()->currentMessage().contains(S("sign in first")));
}

void tst_MainWindow::screenshotOption()
{
    const QString png = m_file->dir.filePath(S("main.png"));
    QProcess carta;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(S("QT_QPA_PLATFORM"), S("offscreen"));
    env.insert(S("CARTA_KEYCHAIN"), S("off"));
    env.insert(S("XDG_CONFIG_HOME"), m_file->dir.filePath(S("config")));
    carta.setProcessEnvironment(env);
    carta.start(S(CARTA_APP_PATH), {S("--replica"), m_file->path, S("--open"), idString(m_items[1].id), S("--screenshot"), png,
                                    S("--size"), S("1200x800")});
    QVERIFY(carta.waitForFinished(60000));
    QVERIFY2(carta.exitCode() == 0, carta.readAllStandardError().constData());
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1200, 800));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
