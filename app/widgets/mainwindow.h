// The main window: navigation and facet filters on the left, the item list with
// search-as-you-type in the middle, the open items as tabs on the right, and a status bar
// with the server's reachability, unsent changes, the last sync and the Sync button.
#pragma once

#include "account/account.h"
#include "account/serverstatus.h"
#include "models/itemlistmodel.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUndoGroup>

#include <functional>
#include <memory>

class QDockWidget;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTreeView;

namespace carta::sync {
class ServerClient;
class SyncEngine;
}

namespace carta::app {

class ConflictDialog;
class FacetModel;
class HistoryDialog;
class ItemCatalogue;
class ModerationWindow;
class ItemEditor;
class PreviewPane;
class NavigationModel;
class TokenStore;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 250;

    MainWindow(std::unique_ptr<Workspace> workspace, TokenStore &tokens, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] Workspace &workspace() { return *m_workspace; }

    // Opens an item in a tab (or shows its tab); false when it is not in the replica.
    bool openItem(const QUuid &id);
    // A new item of a type in a tab; saved once it is changed.
    ItemEditor *newItem(model::ItemType type);
    // Reopens the tabs open when this replica was last closed.
    void restoreSession();
    void startSync();
    // Opens the conflict dialog for an item in conflict (window-modal; nullptr, with a
    // notice, when the item has no conflict). After resolving, open editors, the list and
    // the counts follow.
    ConflictDialog *resolveConflict(const QUuid &id);
    // The moderation queue and review pane (View ▸ Moderation Queue), made on first use.
    ModerationWindow *openModeration();
    [[nodiscard]] ModerationWindow *moderationWindow() const;
    // The history of an item from the server (Edit ▸ Item History…); nullptr with a notice
    // when it is not in the replica or Carta is not signed in.
    HistoryDialog *openHistory(const QUuid &id);
    // Edit ▸ Submit for Review…: sends the item's latest text first if it has unsent edits,
    // then asks the server to move it to review with the comment; syncs after. submitted()
    // tells how it went.
    void submitForReview(const QUuid &id, const QString &comment);
    // Edit ▸ Delete Item…: after a confirmation, closes the item's tab (saving what is typed)
    // and deletes it here; the next sync deletes it on the server. A live item is refused with
    // the reason (a publisher unpublishes or archives it), as the server would refuse it.
    // Returns whether it was deleted.
    bool deleteItem(const QUuid &id);
    // Uses a token known by other means (sign-in, tests) for this session and the keychain.
    void setToken(const QString &token);

    [[nodiscard]] ItemEditor *currentEditor() const;
    [[nodiscard]] ItemEditor *editorFor(const QUuid &id) const;
    [[nodiscard]] QList<ItemEditor *> editors() const;
    [[nodiscard]] ItemListModel *listModel() const { return m_listModel; }
    [[nodiscard]] FacetModel *facetModel() const { return m_facetModel; }
    [[nodiscard]] NavigationModel *navigationModel() const { return m_navigationModel; }
    [[nodiscard]] QAction *undoAction() const { return m_undoAction; }
    [[nodiscard]] QAction *redoAction() const { return m_redoAction; }
    [[nodiscard]] ServerStatus *serverStatus() { return &m_serverStatus; }
    [[nodiscard]] const ItemCatalogue &catalogue() const { return *m_catalogue; }
    // The preview of the current item (View ▸ Preview); nullptr while hidden or no item is open.
    [[nodiscard]] PreviewPane *previewPane() const;

Q_SIGNALS:
    // After a sync ends, whatever the outcome; message is what the status bar shows.
    void syncFinished(bool ok, const QString &message);
    // The person signed in to an account other than this replica's.
    void accountSwitchRequested(const carta::app::Account &account, const QString &token);
    void submitted(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void buildActions();
    void buildUi();
    void buildStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void saveSession() const;
    [[nodiscard]] QString sessionKey() const;

    void runSearch();
    void navigationChanged();
    void refreshCounts();
    void refreshAfterSync();
    void updateStatus();
    void updateOnlineLabel();
    void lookUpToken(std::function<void()> then);
    void syncFinishedInternally(bool ok, const QString &error);
    void signIn();
    bool closeEditor(int index);
    void addEditor(ItemEditor *editor);
    void updateScheduleAllowed(ItemEditor *editor);
    void showNotice(const QString &message, int timeoutMs = 0);
    void updatePreview();
    void updateItemActions();
    [[nodiscard]] QUuid selectedItemId() const; // the current tab's item, else the list's current row
    // The client for actions and history straight on the server, with the current account
    // and token (one object for the window's life; isConfigured() false when signed out).
    [[nodiscard]] sync::ServerClient *serverClient();

    std::unique_ptr<Workspace> m_workspace;
    TokenStore &m_tokens;
    bool m_tokenLookedUp = false;
    ServerStatus m_serverStatus;
    QPointer<sync::SyncEngine> m_sync;
    sync::ServerClient *m_client = nullptr;
    QPointer<ModerationWindow> m_moderation;
    QUndoGroup m_undoGroup;
    QTimer m_searchTimer;
    QTimer m_countsTimer;
    QHash<QString, QString> m_termTitles;
    std::unique_ptr<ItemCatalogue> m_catalogue;
    bool m_applyingNavigation = false;
    QUuid m_selectedBeforeReset;
    QSet<QString> m_collapsedFacets; // facet names the person closed in the filter panel

    ItemListModel *m_listModel = nullptr;
    FacetModel *m_facetModel = nullptr;
    NavigationModel *m_navigationModel = nullptr;

    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_sideSplitter = nullptr;
    QTreeView *m_navigationView = nullptr;
    QTreeView *m_facetView = nullptr;
    QLineEdit *m_searchField = nullptr;
    QLabel *m_resultCount = nullptr;
    QTableView *m_listView = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_emptyTabs = nullptr;
    QDockWidget *m_previewDock = nullptr;

    QLabel *m_onlineLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_lastSyncLabel = nullptr;
    QLabel *m_keychainLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_syncButton = nullptr;

    QAction *m_moderationAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_submitAction = nullptr;
    QAction *m_reviewAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QHash<QUuid, QString> m_pendingSubmits;    // item -> comment, to submit once the next sync has sent it
    QHash<QUuid, QString> m_submitsInThisSync; // the same, for the sync running now
    bool m_syncAgain = false;                  // a sync was asked for while one ran
    QAction *m_saveAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_resolveAction = nullptr;
    QAction *m_previewAction = nullptr;
};

} // namespace carta::app
