#include "widgets/mainwindow.h"

#include "account/signindialog.h"
#include "account/tokenstore.h"
#include "account/workspace.h"
#include "models/facetmodel.h"
#include "models/itemcatalogue.h"
#include "models/labels.h"
#include "models/navigationmodel.h"
#include "models/termtitles.h"
#include "widgets/conflictdialog.h"
#include "widgets/historydialog.h"
#include "widgets/itemeditor.h"
#include "widgets/moderationwindow.h"
#include "widgets/previewpane.h"

#include "sync/serverclient.h"
#include "sync/syncengine.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QActionGroup>
#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace carta::app {

namespace {

QString formatLastSync(const QString &iso)
{
    if (iso.isEmpty())
        return MainWindow::tr("Never synced");
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODate).toLocalTime();
    if (!when.isValid())
        return MainWindow::tr("Last sync: %1").arg(iso);
    const QLocale locale;
    if (when.date() == QDate::currentDate())
        return MainWindow::tr("Last sync: %1").arg(locale.toString(when.time(), QLocale::ShortFormat));
    return MainWindow::tr("Last sync: %1").arg(locale.toString(when, QLocale::ShortFormat));
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<Workspace> workspace, TokenStore &tokens, QWidget *parent)
    : QMainWindow(parent), m_workspace(std::move(workspace)), m_tokens(tokens)
{
    setObjectName(QStringLiteral("mainWindow"));
    const Account &account = m_workspace->account();
    setWindowTitle(account.isValid() ? tr("Carta — %1").arg(account.key())
                                     : tr("Carta — %1").arg(QFileInfo(m_workspace->replica().path()).fileName()));

    m_listModel = new ItemListModel(m_workspace->replica(), this);
    m_facetModel = new FacetModel(this);
    m_navigationModel = new NavigationModel(this);
    m_termTitles = loadTermTitles(m_workspace->replica());
    m_facetModel->setTermTitles(m_termTitles);
    m_catalogue = std::make_unique<ItemCatalogue>(&m_workspace->replica());

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(1000);
    connect(&m_countsTimer, &QTimer::timeout, this, &MainWindow::refreshCounts);

    buildActions();
    buildUi();
    buildStatusBar();

    connect(m_listModel, &ItemListModel::resultsChanged, this, [this] {
        m_facetModel->setCounts(m_listModel->facets());
        m_resultCount->setText(tr("%Ln item(s)", nullptr, int(m_listModel->total())));
    });
    connect(m_listModel, &ItemListModel::failed, this, [this](const QString &message) {
        showNotice(tr("Search failed: %1").arg(message));
    });
    connect(m_facetModel, &FacetModel::selectionChanged, this, [this] {
        if (!m_applyingNavigation)
            runSearch();
    });
    connect(&m_serverStatus, &ServerStatus::stateChanged, this, &MainWindow::updateOnlineLabel);
    connect(&m_tokens, &TokenStore::warningChanged, this, [this](const QString &warning) {
        m_keychainLabel->setToolTip(warning);
        m_keychainLabel->setVisible(!warning.isEmpty());
    });

    m_navigationModel->refresh(m_workspace->replica(), m_termTitles);
    m_navigationView->expandAll();
    m_navigationView->collapse(m_navigationModel->byRegionIndex()); // long; types are what people look for first
    m_navigationView->setCurrentIndex(m_navigationModel->allItemsIndex());
    // Connected only now, so the first search runs once, here.
    connect(m_navigationView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::navigationChanged);
    runSearch();
    updateStatus();
    updateOnlineLabel();
    restoreLayout();
    m_previewAction->setChecked(!m_previewDock->isHidden()); // as the layout left it
    updateItemActions();
    lookUpToken({});
}

MainWindow::~MainWindow()
{
    // Tabs closing on the way out must not be recorded as the session.
    disconnect(m_tabs, nullptr, this, nullptr);
    // Editors save on the way out and the sync engine writes to the replica: both go
    // before the workspace (a member) does.
    if (m_sync) {
        m_sync->disconnect(this);
        m_sync->cancel();
        delete m_sync.data();
    }
    delete previewPane();
    for (ItemEditor *editor : editors()) {
        editor->disconnect(this);
        delete editor;
    }
}

void MainWindow::buildActions()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *newMenu = file->addMenu(tr("&New"));
    newMenu->setObjectName(QStringLiteral("newMenu"));
    for (model::ItemType type : model::allItemTypes()) {
        QAction *action = newMenu->addAction(Labels::itemType(type));
        action->setObjectName(QStringLiteral("new_") + model::toString(type));
        connect(action, &QAction::triggered, this, [this, type] { newItem(type); });
    }
    m_saveAction = file->addAction(tr("&Save"));
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save now (Carta also saves a second after every change)"));
    connect(m_saveAction, &QAction::triggered, this, [this] {
        if (ItemEditor *editor = currentEditor(); editor && editor->save())
            showNotice(tr("Saved “%1” on this computer.").arg(editor->tabTitle()), 4000);
    });
    m_syncAction = file->addAction(tr("S&ync"));
    m_syncAction->setObjectName(QStringLiteral("syncAction"));
    m_syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::startSync);
    file->addSeparator();
    m_signInAction = file->addAction(tr("Sign &In…"));
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    file->addSeparator();
    m_closeTabAction = file->addAction(tr("&Close Tab"));
    m_closeTabAction->setObjectName(QStringLiteral("closeTabAction"));
    m_closeTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_closeTabAction, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeEditor(m_tabs->currentIndex());
    });
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_undoGroup.createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup.createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    m_findAction = edit->addAction(tr("&Find…"));
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });

    edit->addSeparator();
    m_resolveAction = edit->addAction(tr("Resolve &Conflict…"));
    m_resolveAction->setObjectName(QStringLiteral("resolveConflictAction"));
    m_resolveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resolveAction->setToolTip(tr("Compare this computer's version of the item with the server's and decide"));
    connect(m_resolveAction, &QAction::triggered, this, [this] { resolveConflict(selectedItemId()); });
    m_submitAction = edit->addAction(tr("&Submit for Review…"));
    m_submitAction->setObjectName(QStringLiteral("submitAction"));
    m_submitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)); // not Ctrl+Shift+U: input methods take it
    m_submitAction->setToolTip(tr("Send the item to a reviewer (your latest text is synced first)"));
    connect(m_submitAction, &QAction::triggered, this, [this] {
        const QUuid id = selectedItemId();
        if (id.isNull())
            return;
        bool ok = false;
        const QString comment = QInputDialog::getMultiLineText(this, tr("Submit for Review"),
                                                               tr("A note for the reviewer (what changed and why; optional):"),
                                                               QString(), &ok);
        if (ok)
            submitForReview(id, comment);
    });
    m_reviewAction = edit->addAction(tr("Re&view and Publish…"));
    m_reviewAction->setObjectName(QStringLiteral("reviewAction"));
    m_reviewAction->setToolTip(tr("This item in the review pane: approve, publish, schedule, unpublish or archive it, as your role allows"));
    connect(m_reviewAction, &QAction::triggered, this, [this] {
        const QUuid id = selectedItemId();
        if (!id.isNull())
            openModeration()->showItem(id);
    });
    m_deleteAction = edit->addAction(tr("&Delete Item…"));
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setToolTip(tr("Delete an item that is not on the public site (asks first)"));
    connect(m_deleteAction, &QAction::triggered, this, [this] { (void)deleteItem(selectedItemId()); });
    m_historyAction = edit->addAction(tr("Item &History…"));
    m_historyAction->setObjectName(QStringLiteral("historyAction"));
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_historyAction->setToolTip(tr("Every revision of the item on the server: who, when, why, and what changed"));
    connect(m_historyAction, &QAction::triggered, this, [this] { openHistory(selectedItemId()); });

    auto *view = menuBar()->addMenu(tr("&View"));
    m_previewAction = view->addAction(tr("&Preview"));
    m_previewAction->setObjectName(QStringLiteral("previewAction"));
    m_previewAction->setCheckable(true);
    m_previewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_previewAction->setToolTip(tr("Show the open item as the public website will show it"));
    connect(m_previewAction, &QAction::toggled, this, [this](bool on) {
        m_previewDock->setVisible(on);
        updatePreview();
    });
    m_moderationAction = view->addAction(tr("&Moderation Queue"));
    m_moderationAction->setObjectName(QStringLiteral("moderationAction"));
    m_moderationAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_moderationAction->setToolTip(tr("Items waiting for a reviewer or a publisher, and what each would change"));
    connect(m_moderationAction, &QAction::triggered, this, &MainWindow::openModeration);
    view->addSeparator();
    // The language takes effect at the next start: every window would otherwise have to
    // re-translate itself, and a half-translated screen is worse than waiting.
    auto *language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *languages = new QActionGroup(language);
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const QList<std::pair<QString, QString>> choices{{QString(), tr("As the System")},
                                                     {QStringLiteral("en_GB"), QStringLiteral("English (UK)")},
                                                     {QStringLiteral("cy"), QStringLiteral("Cymraeg")}};
    for (const auto &[code, name] : choices) {
        QAction *action = language->addAction(name);
        action->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == chosen);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code, name] {
            QSettings().setValue(QStringLiteral("language"), code);
            showNotice(tr("Carta will use %1 the next time it starts.").arg(name), 10000);
        });
    }

    auto *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Carta"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Carta"),
                           tr("<p><b>Carta</b> %1</p><p>The editorial workstation for national health-education "
                              "content. Your work is saved on this computer as you type and sent to the server when "
                              "you sync.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setMovable(false);
    toolbar->addAction(m_saveAction);
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
    toolbar->addSeparator();
    toolbar->addAction(m_syncAction);
    toolbar->addAction(m_moderationAction);
}

void MainWindow::buildUi()
{
    // ---- left: navigation and facet filters ----
    m_navigationView = new QTreeView(this);
    m_navigationView->setObjectName(QStringLiteral("navigationView"));
    m_navigationView->setAccessibleName(tr("Navigation"));
    m_navigationView->setModel(m_navigationModel);
    m_navigationView->setHeaderHidden(true);
    m_navigationView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_navigationView->setUniformRowHeights(true);

    auto *facetPanel = new QWidget(this);
    auto *facetHeader = new QHBoxLayout;
    auto *facetTitle = new QLabel(tr("Filters"), facetPanel);
    auto *clearFilters = new QPushButton(tr("C&lear"), facetPanel);
    clearFilters->setObjectName(QStringLiteral("clearFiltersButton"));
    clearFilters->setAccessibleName(tr("Clear all filters"));
    connect(clearFilters, &QPushButton::clicked, this, [this] { m_facetModel->clearSelection(); });
    facetHeader->addWidget(facetTitle, 1);
    facetHeader->addWidget(clearFilters);
    m_facetView = new QTreeView(facetPanel);
    m_facetView->setObjectName(QStringLiteral("facetView"));
    m_facetView->setAccessibleName(tr("Filters"));
    m_facetView->setModel(m_facetModel);
    m_facetView->setHeaderHidden(true);
    m_facetView->setUniformRowHeights(true);
    m_facetView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    facetTitle->setBuddy(m_facetView);
    // Fresh counts reset the model: open the facets again, except those the person closed.
    connect(m_facetView, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_collapsedFacets.insert(index.data(FacetModel::FacetRole).toString());
    });
    connect(m_facetView, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsedFacets.remove(index.data(FacetModel::FacetRole).toString());
    });
    connect(m_facetModel, &QAbstractItemModel::modelReset, this, [this] {
        const QSignalBlocker quiet(m_facetView);
        for (int row = 0; row < m_facetModel->rowCount(); ++row) {
            const QModelIndex facet = m_facetModel->index(row, 0);
            m_facetView->setExpanded(facet, !m_collapsedFacets.contains(facet.data(FacetModel::FacetRole).toString()));
        }
    });
    auto *facetLayout = new QVBoxLayout(facetPanel);
    facetLayout->setContentsMargins(0, 0, 0, 0);
    facetLayout->addLayout(facetHeader);
    facetLayout->addWidget(m_facetView);

    m_sideSplitter = new QSplitter(Qt::Vertical, this);
    m_sideSplitter->setObjectName(QStringLiteral("sideSplitter"));
    m_sideSplitter->addWidget(m_navigationView);
    m_sideSplitter->addWidget(facetPanel);
    m_sideSplitter->setStretchFactor(0, 2);
    m_sideSplitter->setStretchFactor(1, 3);

    // ---- middle: search and the list ----
    auto *listPanel = new QWidget(this);
    m_searchField = new QLineEdit(listPanel);
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setAccessibleName(tr("Search"));
    m_searchField->setPlaceholderText(tr("Search titles, summaries and text (Ctrl+F)"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->installEventFilter(this);
    connect(m_searchField, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    m_resultCount = new QLabel(listPanel);
    m_resultCount->setObjectName(QStringLiteral("resultCount"));
    m_resultCount->setAccessibleName(tr("Number of items found"));
    m_listView = new QTableView(listPanel);
    m_listView->setObjectName(QStringLiteral("itemList"));
    m_listView->setAccessibleName(tr("Items"));
    m_listView->setModel(m_listModel);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setAlternatingRowColors(true);
    m_listView->setShowGrid(false);
    m_listView->setWordWrap(false);
    m_listView->verticalHeader()->hide();
    m_listView->verticalHeader()->setDefaultSectionSize(m_listView->fontMetrics().height() + 8);
    // Column widths from the font, never from the rows (the list may hold thousands).
    const int charWidth = m_listView->fontMetrics().averageCharWidth();
    QHeaderView *header = m_listView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ItemListModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(ItemListModel::TypeColumn, charWidth * 16);
    header->resizeSection(ItemListModel::StateColumn, charWidth * 16);
    header->resizeSection(ItemListModel::ChangesColumn, charWidth * 11);
    header->setHighlightSections(false);
    // A new query or a refresh resets the list: keep the selected item selected if it is still there.
    connect(m_listModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_selectedBeforeReset = m_listModel->idAt(m_listView->currentIndex().row());
    });
    connect(m_listModel, &QAbstractItemModel::modelReset, this, [this] {
        if (const int row = m_listModel->rowOf(m_selectedBeforeReset); row >= 0)
            m_listView->setCurrentIndex(m_listModel->index(row, 0));
    });
    connect(m_listView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        openItem(m_listModel->idAt(index.row()));
    });
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_searchField);
    listLayout->addWidget(m_resultCount);
    listLayout->addWidget(m_listView, 1);

    // ---- right: open items ----
    auto *tabsArea = new QStackedWidget(this);
    m_emptyTabs = new QLabel(tr("Open an item from the list (Enter or double-click), or create one with File ▸ New."), tabsArea);
    m_emptyTabs->setObjectName(QStringLiteral("noOpenItems"));
    m_emptyTabs->setAlignment(Qt::AlignCenter);
    m_emptyTabs->setWordWrap(true);
    m_emptyTabs->setMargin(24);
    m_tabs = new QTabWidget(tabsArea);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->setAccessibleName(tr("Open items"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    tabsArea->addWidget(m_emptyTabs);
    tabsArea->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeEditor);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, tabsArea] {
        ItemEditor *editor = currentEditor();
        m_undoGroup.setActiveStack(editor ? editor->undoStack() : nullptr);
        tabsArea->setCurrentWidget(editor ? static_cast<QWidget *>(m_tabs) : m_emptyTabs);
        m_saveAction->setEnabled(editor != nullptr);
        m_closeTabAction->setEnabled(editor != nullptr);
        updatePreview();
        updateItemActions();
        saveSession();
    });
    m_saveAction->setEnabled(false);
    m_closeTabAction->setEnabled(false);
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateItemActions);

    // ---- the preview of the current item, docked on the right, hidden at first ----
    m_previewDock = new QDockWidget(tr("Preview"), this);
    m_previewDock->setObjectName(QStringLiteral("previewDock"));
    m_previewDock->setAccessibleName(tr("Preview of the open item"));
    m_previewDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_previewDock->setAllowedAreas(Qt::RightDockWidgetArea | Qt::BottomDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_previewDock);
    m_previewDock->hide();
    connect(m_previewDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && !m_previewDock->isVisible())
            m_previewAction->setChecked(false);
    });

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_sideSplitter);
    m_mainSplitter->addWidget(listPanel);
    m_mainSplitter->addWidget(tabsArea);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 9);
    m_mainSplitter->setStretchFactor(2, 11);
    setCentralWidget(m_mainSplitter);

    // Logical tab order: navigation, filters, search, list, the open item.
    setTabOrder(m_navigationView, clearFilters);
    setTabOrder(clearFilters, m_facetView);
    setTabOrder(m_facetView, m_searchField);
    setTabOrder(m_searchField, m_listView);
    setTabOrder(m_listView, m_tabs);
}

void MainWindow::buildStatusBar()
{
    m_keychainLabel = new QLabel(tr("Token not in a keychain"), this);
    m_keychainLabel->setObjectName(QStringLiteral("keychainWarning"));
    m_keychainLabel->setAccessibleName(tr("Keychain warning"));
    m_keychainLabel->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_keychainLabel->setToolTip(m_tokens.warning());
    m_keychainLabel->setVisible(!m_tokens.warning().isEmpty());
    m_onlineLabel = new QLabel(this);
    m_onlineLabel->setObjectName(QStringLiteral("onlineState"));
    m_onlineLabel->setAccessibleName(tr("Connection"));
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("pendingChanges"));
    m_pendingLabel->setAccessibleName(tr("Changes not yet sent"));
    m_lastSyncLabel = new QLabel(this);
    m_lastSyncLabel->setObjectName(QStringLiteral("lastSync"));
    m_lastSyncLabel->setAccessibleName(tr("Last sync"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_syncButton = new QPushButton(tr("Sync"), this);
    m_syncButton->setObjectName(QStringLiteral("syncButton"));
    m_syncButton->setAccessibleName(tr("Sync with the server"));
    m_syncButton->setToolTip(tr("Send your changes and receive everyone else's (Ctrl+Shift+S)"));
    connect(m_syncButton, &QPushButton::clicked, this, [this] {
        if (m_sync && m_sync->isRunning())
            m_sync->cancel();
        else
            startSync();
    });
    for (QWidget *w : std::initializer_list<QWidget *>{m_keychainLabel, m_onlineLabel, m_pendingLabel, m_lastSyncLabel,
                                                        m_progress, m_syncButton})
        statusBar()->addPermanentWidget(w);
}

bool MainWindow::focusNextPrevChild(bool next)
{
    // Tab from the open items' tab bar goes into the open editor, which orders its own
    // controls (ItemEditor::focusNextPrevChild).
    if (next && m_tabs->tabBar()->hasFocus())
        if (ItemEditor *editor = currentEditor(); editor && editor->focusFirstControl())
            return true;
    return QMainWindow::focusNextPrevChild(next);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search field goes into the list, as in a mail client.
    if (watched == m_searchField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && m_listModel->rowCount() > 0) {
            if (m_searchTimer.isActive()) {
                m_searchTimer.stop();
                runSearch();
            }
            m_listView->setFocus(Qt::TabFocusReason);
            m_listView->setCurrentIndex(m_listModel->index(0, 0));
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// ---- list, search and navigation ----

void MainWindow::runSearch()
{
    m_searchTimer.stop();
    const NavigationEntry entry = NavigationModel::entry(m_navigationView->currentIndex());
    m_listModel->setQuery(entry.scope, m_searchField->text(), m_facetModel->selection());
}

void MainWindow::navigationChanged()
{
    const NavigationEntry entry = NavigationModel::entry(m_navigationView->currentIndex());
    // A navigation entry is a starting point: it replaces the filters, the search stays.
    m_applyingNavigation = true;
    m_facetModel->clearSelection();
    if (entry.facet)
        m_facetModel->setSelection(*entry.facet, {entry.value});
    m_applyingNavigation = false;
    runSearch();
}

void MainWindow::refreshCounts()
{
    m_navigationModel->refresh(m_workspace->replica(), m_termTitles);
    updateStatus();
}

void MainWindow::updateStatus()
{
    auto status = m_workspace->replica().status(replica::Replica::StatusCount::PendingOnly);
    if (!status) {
        m_pendingLabel->setText(tr("Replica unreadable"));
        m_pendingLabel->setToolTip(status.errorString());
        return;
    }
    const replica::Status &s = status.value();
    QString pending = s.dirty == 0 ? tr("All changes sent") : tr("%Ln change(s) not sent", nullptr, int(s.dirty));
    if (s.conflicts > 0)
        pending += QStringLiteral(" · ") + tr("%Ln conflict(s)", nullptr, int(s.conflicts));
    m_pendingLabel->setText(pending);
    m_pendingLabel->setToolTip(tr("Your changes are saved on this computer; syncing sends them to the server."));
    m_lastSyncLabel->setText(formatLastSync(s.lastSync));
}

void MainWindow::updateOnlineLabel()
{
    QString text;
    switch (m_serverStatus.state()) {
    case ServerStatus::State::NotConnected:
        text = m_workspace->account().isValid() ? tr("Offline") : tr("Not signed in");
        break;
    case ServerStatus::State::Checking: text = tr("Connecting…"); break;
    case ServerStatus::State::Online: text = tr("Online"); break;
    case ServerStatus::State::Offline: text = tr("Offline"); break;
    case ServerStatus::State::SignInNeeded: text = tr("Sign in again"); break;
    }
    m_onlineLabel->setText(text);
    const QString server = m_workspace->account().isValid() ? m_workspace->account().server.toDisplayString() : QString();
    m_onlineLabel->setToolTip(m_serverStatus.detail().isEmpty() ? server : m_serverStatus.detail());
}

// ---- tabs ----

QList<ItemEditor *> MainWindow::editors() const
{
    QList<ItemEditor *> list;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *editor = qobject_cast<ItemEditor *>(m_tabs->widget(i)))
            list.append(editor);
    return list;
}

ItemEditor *MainWindow::currentEditor() const
{
    return qobject_cast<ItemEditor *>(m_tabs->currentWidget());
}

ItemEditor *MainWindow::editorFor(const QUuid &id) const
{
    for (ItemEditor *editor : editors())
        if (editor->itemId() == id)
            return editor;
    return nullptr;
}

bool MainWindow::openItem(const QUuid &id)
{
    if (id.isNull())
        return false;
    if (ItemEditor *open = editorFor(id)) {
        m_tabs->setCurrentWidget(open);
        return true;
    }
    auto local = m_workspace->replica().item(id);
    if (!local || !local.value()) {
        showNotice(local ? tr("That item is no longer in the replica.") : tr("Could not open the item: %1").arg(local.errorString()));
        return false;
    }
    auto item = local.value()->item();
    if (!item) {
        showNotice(tr("Could not open the item: %1").arg(item.errorString()));
        return false;
    }
    addEditor(new ItemEditor(m_workspace->replica(), item.value(), local.value()->bytes, m_tabs, m_catalogue.get()));
    if (local.value()->conflicted)
        showNotice(tr("“%1” is in conflict with the server's version: Edit ▸ Resolve Conflict… (%2) shows both.")
                       .arg(item.value().title, m_resolveAction->shortcut().toString(QKeySequence::NativeText)));
    return true;
}

ItemEditor *MainWindow::newItem(model::ItemType type)
{
    auto *editor = new ItemEditor(m_workspace->replica(), model::Item::create(type), QByteArray(), m_tabs, m_catalogue.get());
    addEditor(editor);
    editor->focusFirstField();
    return editor;
}

// The server takes schedule times from publishers and admins only; the editor says so where
// they are (the role is the one the last sync brought).
void MainWindow::updateScheduleAllowed(ItemEditor *editor)
{
    const auto user = m_workspace->replica().signedInUser();
    editor->setScheduleAllowed(user && user->role < model::Role::Publisher
                                   ? tr("Only a publisher or an admin sets when an item goes live or comes off the site; "
                                        "ask one when it is approved.")
                                   : QString());
}

void MainWindow::addEditor(ItemEditor *editor)
{
    m_undoGroup.addStack(editor->undoStack());
    updateScheduleAllowed(editor);
    // Tab texts take & as a mnemonic marker: "Health & care" must show as typed.
    auto tabText = [](QString title) { return title.replace(QLatin1Char('&'), QStringLiteral("&&")); };
    const int index = m_tabs->addTab(editor, tabText(editor->tabTitle()));
    m_tabs->setTabToolTip(index, editor->tabTitle());
    connect(editor, &ItemEditor::tabTitleChanged, this, [this, editor, tabText](const QString &title) {
        const int i = m_tabs->indexOf(editor);
        if (i >= 0) {
            m_tabs->setTabText(i, tabText(title));
            m_tabs->setTabToolTip(i, title);
        }
    });
    connect(editor, &ItemEditor::saved, this, [this, editor, inSession = !editor->isNew()]() mutable {
        m_listModel->noteSaved(editor->document()->item());
        m_countsTimer.start();
        updateStatus();
        if (!inSession) { // a new item has an id worth restoring once it is saved
            saveSession();
            inSession = true;
        }
    });
    connect(editor, &ItemEditor::notice, this, [this](const QString &message) { showNotice(message); });
    m_tabs->setCurrentWidget(editor);
    saveSession();
}

bool MainWindow::closeEditor(int index)
{
    auto *editor = qobject_cast<ItemEditor *>(m_tabs->widget(index));
    if (!editor)
        return false;
    if (!editor->save()) {
        showNotice(tr("“%1” stays open because it could not be saved.").arg(editor->tabTitle()));
        return false;
    }
    m_undoGroup.removeStack(editor->undoStack());
    m_tabs->removeTab(index);
    editor->disconnect(this);
    editor->setParent(nullptr); // saved: nothing of it depends on this window any more
    editor->deleteLater();
    saveSession();
    return true;
}

// ---- preview and conflicts ----

PreviewPane *MainWindow::previewPane() const
{
    return qobject_cast<PreviewPane *>(m_previewDock->widget());
}

void MainWindow::updatePreview()
{
    ItemEditor *editor = currentEditor();
    PreviewPane *pane = previewPane();
    const bool wanted = m_previewAction->isChecked() && editor;
    if (pane && (!wanted || pane->property("itemEditor").value<QObject *>() != editor)) {
        m_previewDock->setWidget(nullptr);
        delete pane;
        pane = nullptr;
    }
    if (wanted && !pane) {
        pane = new PreviewPane(editor->document(), &m_workspace->replica(), m_previewDock);
        pane->setProperty("itemEditor", QVariant::fromValue<QObject *>(editor));
        // The pane reads the editor's document: it goes at once when the editor goes
        // (destroyed() comes before the editor's children, the document among them, are deleted).
        connect(editor, &QObject::destroyed, pane, [pane] { delete pane; });
        m_previewDock->setWidget(pane);
    }
}

QUuid MainWindow::selectedItemId() const
{
    if (const ItemEditor *editor = currentEditor())
        return editor->itemId();
    return m_listModel->idAt(m_listView->currentIndex().row());
}

void MainWindow::updateItemActions()
{
    const QUuid id = selectedItemId();
    bool conflicted = false;
    if (!id.isNull())
        if (auto local = m_workspace->replica().item(id); local && local.value())
            conflicted = local.value()->conflicted;
    m_resolveAction->setEnabled(conflicted);
    m_historyAction->setEnabled(!id.isNull());
    m_reviewAction->setEnabled(!id.isNull());
    m_deleteAction->setEnabled(!id.isNull());
    // Submit is offered where the workflow allows it (the role as the last sync said).
    QString submitReason;
    if (id.isNull()) {
        submitReason = tr("Choose an item first.");
    } else if (auto local = m_workspace->replica().item(id); local && local.value()) {
        const auto user = m_workspace->replica().signedInUser();
        auto item = local.value()->item();
        if (user && item) {
            const model::Decision decision = model::decide(*user, model::Action::Submit,
                                                           model::ItemFacts::of(item.value(), !local.value()->liveRevision.isEmpty()));
            submitReason = decision.reason;
        }
    }
    m_submitAction->setEnabled(submitReason.isEmpty());
    m_submitAction->setToolTip(submitReason.isEmpty() ? tr("Send the item to a reviewer (your latest text is synced first)") : submitReason);
}

void MainWindow::submitForReview(const QUuid &id, const QString &comment)
{
    // The reviewer must see what the editor holds: a save that fails stops here, with its reason shown by the editor.
    if (ItemEditor *editor = editorFor(id); editor && !editor->save()) {
        showNotice(tr("Not submitted: the item could not be saved on this computer (see the editor)."));
        Q_EMIT submitted(false);
        return;
    }
    auto local = m_workspace->replica().item(id);
    if (!local || !local.value() || local.value()->deleted) {
        showNotice(tr("That item is not here."), 6000);
        Q_EMIT submitted(false);
        return;
    }
    auto item = local.value()->item();
    if (!item) {
        showNotice(tr("Not submitted: %1").arg(item.errorString()));
        Q_EMIT submitted(false);
        return;
    }
    const auto user = m_workspace->replica().signedInUser();
    if (user) {
        const model::Decision decision = model::decide(*user, model::Action::Submit,
                                                       model::ItemFacts::of(item.value(), !local.value()->liveRevision.isEmpty()));
        if (!decision) {
            showNotice(tr("“%1” cannot be submitted: %2").arg(item.value().title, decision.reason), 10000);
            Q_EMIT submitted(false);
            return;
        }
    }
    // The reviewer must see what is written here: send it first, then submit.
    if (local.value()->dirty || local.value()->baseRevision.isEmpty()) {
        m_pendingSubmits.insert(id, comment);
        showNotice(tr("Sending your latest text before submitting “%1”…").arg(item.value().title));
        startSync();
        return;
    }
    sync::ServerClient *client = serverClient();
    if (!client->isConfigured()) {
        showNotice(tr("Sign in to submit items for review."), 8000);
        Q_EMIT submitted(false);
        return;
    }
    sync::ActionRequest request;
    request.action = model::Action::Submit;
    request.comment = comment.trimmed();
    request.baseRevision = local.value()->revision;
    const QString title = item.value().title;
    client->act(id, request, [this, title, guard = QPointer<MainWindow>(this)](sync::Answer<sync::ActionAnswer> answer) {
        if (!guard)
            return;
        if (!answer.ok()) {
            const QString why = answer.error.status == 409
                ? tr("someone changed it on the server since your last sync; sync, check it, and submit again")
                : answer.error.message;
            showNotice(tr("“%1” was not submitted: %2").arg(title, why));
            Q_EMIT submitted(false);
            return;
        }
        showNotice(tr("Submitted “%1” for review.").arg(title), 10000);
        Q_EMIT submitted(true);
        startSync(); // the new state comes back with the pull
    });
}

bool MainWindow::deleteItem(const QUuid &id)
{
    // A sync in flight may carry this item's last edit, and its answer would undo the delete.
    if (m_sync && m_sync->isRunning()) {
        showNotice(tr("Wait for the sync to finish, then delete the item."), 8000);
        return false;
    }
    auto local = m_workspace->replica().item(id);
    if (!local || !local.value() || local.value()->deleted) {
        showNotice(tr("That item is not here."), 6000);
        return false;
    }
    auto item = local.value()->item();
    const QString title = item ? item.value().title : model::idString(id);
    if (!local.value()->liveRevision.isEmpty()) {
        showNotice(tr("“%1” is on the public site, so it is not deleted: a publisher unpublishes or archives it "
                      "(Edit ▸ Review and Publish…).")
                       .arg(title),
                   10000);
        return false;
    }
    const bool sent = !local.value()->baseRevision.isEmpty();
    // What never reached the server is only on this computer: no rule of the server's applies.
    if (const auto user = m_workspace->replica().signedInUser(); sent && user && item) {
        const model::Decision decision = model::decide(*user, model::Action::Edit, model::ItemFacts::of(item.value(), false));
        if (!decision) {
            showNotice(tr("“%1” is not deleted: %2").arg(title, decision.reason), 10000);
            return false;
        }
    }
    const QString question = sent ? tr("Delete “%1”? It goes from this computer now and from the server at your next sync; "
                                       "its history on the server is kept.")
                                        .arg(title)
                                  : tr("Delete “%1”? It was never sent to the server, so it is gone for good.").arg(title);
    if (QMessageBox::question(this, tr("Delete Item"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return false;
    if (m_sync && m_sync->isRunning()) { // started while the question was open
        showNotice(tr("Wait for the sync to finish, then delete the item."), 8000);
        return false;
    }
    // The tab goes first, saving what is typed, so nothing writes the item back afterwards.
    if (ItemEditor *editor = editorFor(id); editor && !closeEditor(m_tabs->indexOf(editor)))
        return false;
    if (auto deleted = m_workspace->replica().deleteItem(id); !deleted) {
        showNotice(tr("“%1” could not be deleted: %2").arg(title, deleted.errorString()));
        return false;
    }
    m_listModel->refresh();
    refreshCounts();
    updateStatus();
    updateItemActions();
    showNotice(sent ? tr("Deleted “%1”; the server hears of it at your next sync.").arg(title) : tr("Deleted “%1”.").arg(title), 10000);
    return true;
}

sync::ServerClient *MainWindow::serverClient()
{
    // One client for the window's life (dialogs hold on to it); it follows the account.
    const Account &account = m_workspace->account();
    if (!m_client)
        m_client = new sync::ServerClient(QUrl(), QString(), this);
    m_client->setCredentials(account.isValid() ? account.server : QUrl(), m_workspace->token());
    return m_client;
}

ModerationWindow *MainWindow::moderationWindow() const
{
    return m_moderation;
}

ModerationWindow *MainWindow::openModeration()
{
    if (!m_moderation) {
        m_moderation = new ModerationWindow(m_workspace->replica(), m_catalogue.get(), this);
        m_moderation->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_moderation, &ModerationWindow::syncRequested, this, &MainWindow::startSync);
        connect(m_moderation, &ModerationWindow::historyRequested, this, &MainWindow::openHistory);
        m_moderation->setClient(serverClient());
        if (!m_tokenLookedUp)
            lookUpToken([this] {
                if (m_moderation)
                    m_moderation->setClient(serverClient());
            });
    }
    m_moderation->show();
    m_moderation->raise();
    m_moderation->activateWindow();
    return m_moderation;
}

HistoryDialog *MainWindow::openHistory(const QUuid &id)
{
    std::optional<replica::LocalItem> local;
    if (!id.isNull())
        if (auto found = m_workspace->replica().item(id); found && found.value())
            local = *found.value();
    auto item = local ? local->item() : model::Result<model::Item>(model::Issue{QString(), QString()});
    if (!item) {
        showNotice(tr("Choose an item to see its history."), 6000);
        return nullptr;
    }
    if (local->baseRevision.isEmpty()) {
        showNotice(tr("“%1” has not reached the server yet, so it has no history there.").arg(item.value().title), 8000);
        return nullptr;
    }
    sync::ServerClient *client = serverClient();
    if (!client->isConfigured()) {
        showNotice(tr("Sign in to see an item's history: it is kept on the server."), 8000);
        return nullptr;
    }
    const std::optional<model::User> signedIn = m_workspace->replica().signedInUser();
    if (!signedIn)
        showNotice(tr("Carta learns your role at the next sync; until then it cannot offer Revert."), 10000);
    const model::User user = signedIn.value_or(model::User{});
    auto *dialog = new HistoryDialog(*client, m_catalogue.get(), id, item.value().title, user,
                                     model::ItemFacts::of(item.value(), !local->liveRevision.isEmpty()),
                                     m_moderation && m_moderation->isActiveWindow() ? static_cast<QWidget *>(m_moderation) : this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HistoryDialog::reverted, this, &MainWindow::startSync);
    dialog->show();
    return dialog;
}

ConflictDialog *MainWindow::resolveConflict(const QUuid &id)
{
    auto records = m_workspace->replica().conflicts();
    if (!records) {
        showNotice(tr("Could not read the conflicts: %1").arg(records.errorString()));
        return nullptr;
    }
    const auto record = std::find_if(records.value().cbegin(), records.value().cend(),
                                     [&](const replica::ConflictRecord &r) { return r.id == id; });
    if (record == records.value().cend()) {
        showNotice(tr("That item has no conflict to resolve."), 6000);
        return nullptr;
    }
    // Whatever the open editor holds is in the replica before the dialog reads both sides.
    if (ItemEditor *editor = editorFor(id))
        (void)editor->save();
    auto *dialog = new ConflictDialog(m_workspace->replica(), *record, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, id] {
        if (ItemEditor *editor = editorFor(id))
            editor->reloadFromReplica();
        m_listModel->refresh();
        m_navigationModel->refresh(m_workspace->replica(), m_termTitles);
        refreshCounts();
        updateStatus();
        updateItemActions();
        showNotice(tr("Conflict resolved: your decision is sent with the next sync."), 8000);
    });
    dialog->open();
    return dialog;
}

// ---- settings ----

QString MainWindow::sessionKey() const
{
    const QByteArray hash = QCryptographicHash::hash(m_workspace->replica().path().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("session/") + QString::fromLatin1(hash.left(16));
}

void MainWindow::saveSession() const
{
    QStringList open;
    for (ItemEditor *editor : editors())
        if (!editor->isNew())
            open.append(model::idString(editor->itemId()));
    QSettings settings;
    settings.beginGroup(sessionKey());
    settings.setValue(QStringLiteral("replica"), m_workspace->replica().path());
    settings.setValue(QStringLiteral("openItems"), open);
    const ItemEditor *current = currentEditor();
    settings.setValue(QStringLiteral("currentItem"), current && !current->isNew() ? model::idString(current->itemId()) : QString());
    settings.endGroup();
}

void MainWindow::restoreSession()
{
    QSettings settings;
    settings.beginGroup(sessionKey());
    const QStringList open = settings.value(QStringLiteral("openItems")).toStringList();
    const QString current = settings.value(QStringLiteral("currentItem")).toString();
    settings.endGroup();
    for (const QString &id : open)
        (void)openItem(QUuid::fromString(id)); // items deleted since are skipped quietly
    if (!current.isEmpty())
        if (ItemEditor *editor = editorFor(QUuid::fromString(current)))
            m_tabs->setCurrentWidget(editor);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(fontMetrics().averageCharWidth() * 190, fontMetrics().height() * 48);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (!m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray())) {
        // First start: room for facet names and counts on the left, the rest shared 2:3
        // (the editor's journey view and tables need the width more than the list).
        const int side = fontMetrics().averageCharWidth() * 36;
        const int rest = std::max(width() - side, side * 2);
        m_mainSplitter->setSizes({side, rest * 2 / 5, rest * 3 / 5});
    }
    m_sideSplitter->restoreState(settings.value(QStringLiteral("sideSplitter")).toByteArray());
    settings.endGroup();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("sideSplitter"), m_sideSplitter->saveState());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QStringList unsaved;
    for (ItemEditor *editor : editors())
        if (!editor->save())
            unsaved.append(editor->tabTitle());
    if (!unsaved.isEmpty()) {
        const auto answer = QMessageBox::warning(
            this, tr("Changes Not Saved"),
            tr("These items could not be saved on this computer:\n%1\n\nClose anyway and lose those changes?")
                .arg(unsaved.join(QLatin1Char('\n'))),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    saveSession();
    saveLayout();
    if (m_sync && m_sync->isRunning())
        m_sync->cancel(); // safe at any point: the outbox is recorded before anything is sent
    event->accept();
}

void MainWindow::showNotice(const QString &message, int timeoutMs)
{
    // One line in the status bar, replaced by the next: never a stack of dialogs.
    statusBar()->showMessage(message, timeoutMs);
}

// ---- account and sync ----

void MainWindow::lookUpToken(std::function<void()> then)
{
    const Account account = m_workspace->account();
    auto done = [this, then](const QString &token) {
        m_tokenLookedUp = true;
        if (!token.isEmpty())
            m_workspace->setToken(token);
        m_serverStatus.setServer(m_workspace->account().isValid() ? m_workspace->account().server : QUrl(), m_workspace->token());
        if (then)
            then();
    };
    if (!account.isValid()) {
        done(QString());
        return;
    }
    const QString fromEnvironment = qEnvironmentVariable("CARTA_TOKEN");
    if (!fromEnvironment.isEmpty()) {
        done(fromEnvironment);
        return;
    }
    m_tokens.read(account.key(), [this, done](const QString &token) {
        done(token.isEmpty() ? m_workspace->legacyToken() : token);
    });
}

void MainWindow::setToken(const QString &token)
{
    m_workspace->setToken(token);
    m_tokenLookedUp = true;
    if (m_workspace->account().isValid()) {
        m_tokens.write(m_workspace->account().key(), token);
        m_serverStatus.setServer(m_workspace->account().server, token);
    }
}

void MainWindow::signIn()
{
    auto *dialog = new SignInDialog(m_tokens, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAccount(m_workspace->account());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Account account = dialog->account();
        if (!m_workspace->account().isValid() || m_workspace->account() == account) {
            if (auto r = m_workspace->setAccount(account); !r) {
                showNotice(r.errorString());
                return;
            }
            setWindowTitle(tr("Carta — %1").arg(account.key()));
            setToken(dialog->token());
            updateOnlineLabel();
            showNotice(tr("Signed in as %1.").arg(account.user), 5000);
        } else {
            Q_EMIT accountSwitchRequested(account, dialog->token());
        }
    });
    dialog->open();
}

void MainWindow::startSync()
{
    if (m_sync && m_sync->isRunning()) {
        // Asked for while one runs (an action on the server, a submission): once more after it,
        // so what was asked for is seen.
        m_syncAgain = true;
        return;
    }
    m_syncAgain = false;
    const Account account = m_workspace->account();
    if (!account.isValid()) {
        showNotice(tr("This replica is not connected to a server yet: sign in first."));
        signIn();
        return;
    }
    if (!m_tokenLookedUp) {
        lookUpToken([this] { startSync(); });
        return;
    }
    if (m_workspace->token().isEmpty()) {
        showNotice(tr("Carta needs your token to sync: sign in again."));
        signIn();
        return;
    }
    // What is typed is in the replica before anything is sent.
    for (ItemEditor *editor : editors())
        (void)editor->save();

    m_sync = new sync::SyncEngine(m_workspace->replica(), account.server, m_workspace->token(), {}, this);
    connect(m_sync, &sync::SyncEngine::progress, this, [this](qint64 done, qint64 total, const QString &phase) {
        m_progress->setRange(0, int(std::max<qint64>(total, 1)));
        m_progress->setValue(int(done));
        m_progress->setFormat(phase == QStringLiteral("push") ? tr("Sending %v of %m") : tr("Receiving %v of %m"));
    });
    connect(m_sync, &sync::SyncEngine::finished, this, &MainWindow::syncFinishedInternally);
    m_progress->setRange(0, 0); // busy until the first progress report
    m_progress->setFormat(tr("Syncing…"));
    m_progress->show();
    m_syncButton->setText(tr("Cancel Sync"));
    m_syncButton->setAccessibleName(tr("Cancel the sync"));
    m_syncAction->setEnabled(false);
    showNotice(tr("Syncing with %1…").arg(account.server.host()));
    // Submissions waiting for their text to reach the server are judged on this sync.
    m_submitsInThisSync.insert(std::exchange(m_pendingSubmits, {}));
    m_sync->start();
}

void MainWindow::syncFinishedInternally(bool ok, const QString &error)
{
    const sync::SyncReport report = m_sync ? m_sync->report() : sync::SyncReport{};
    if (m_sync)
        m_sync->deleteLater();
    m_sync = nullptr;
    m_progress->hide();
    m_syncButton->setText(tr("Sync"));
    m_syncButton->setAccessibleName(tr("Sync with the server"));
    m_syncAction->setEnabled(true);

    QString message;
    if (ok) {
        message = tr("Synced: sent %Ln change(s)", nullptr, int(report.pushed)) + QStringLiteral(", ")
            + tr("received %Ln.", nullptr, int(report.pulled));
        if (report.refused > 0)
            message += QLatin1Char(' ') + tr("The server refused %Ln change(s); see My drafts.", nullptr, int(report.refused));
        if (report.conflicts > 0)
            message += QLatin1Char(' ') + tr("%Ln item(s) in conflict: see Conflicts.", nullptr, int(report.conflicts));
        for (const model::Issue &refusedFile : report.attachmentIssues)
            message += QLatin1Char(' ') + tr("“%1” was not accepted: %2.").arg(refusedFile.where, refusedFile.message);
    } else {
        message = tr("Sync did not finish: %1").arg(error);
    }
    showNotice(message, ok && report.refused == 0 && report.conflicts == 0 ? 15000 : 0);
    refreshAfterSync();
    for (ItemEditor *editor : editors())
        updateScheduleAllowed(editor);
    // Submissions that waited for this sync: only what reached the server is submitted.
    const QHash<QUuid, QString> waited = std::exchange(m_submitsInThisSync, {});
    for (auto it = waited.cbegin(); it != waited.cend(); ++it) {
        auto local = m_workspace->replica().item(it.key());
        const bool sent = ok && local && local.value() && !local.value()->dirty && !local.value()->baseRevision.isEmpty();
        if (sent) {
            submitForReview(it.key(), it.value());
            continue;
        }
        auto parsed = local && local.value() ? local.value()->item() : model::Result<model::Item>(model::Issue{});
        const QString title = parsed ? parsed.value().title : model::idString(it.key());
        QString why = ok ? tr("the server did not accept the latest text") : tr("the sync did not finish");
        if (local && local.value() && !local.value()->pushIssues.isEmpty())
            why = local.value()->pushIssues.first().message;
        showNotice(tr("“%1” was not submitted: %2. Your comment was: “%3”").arg(title, why, it.value()));
        Q_EMIT submitted(false);
    }
    if (m_syncAgain || !m_pendingSubmits.isEmpty())
        QTimer::singleShot(0, this, &MainWindow::startSync);
    if (m_moderation) {
        m_moderation->setClient(serverClient());
        m_moderation->refresh();
    }
    m_serverStatus.checkNow();
    Q_EMIT syncFinished(ok, message);
}

void MainWindow::refreshAfterSync()
{
    m_termTitles = loadTermTitles(m_workspace->replica());
    m_facetModel->setTermTitles(m_termTitles);
    m_catalogue->reload();
    for (ItemEditor *editor : editors())
        editor->reloadFromReplica();
    m_listModel->refresh();
    refreshCounts();
    updateItemActions();
}

} // namespace carta::app
