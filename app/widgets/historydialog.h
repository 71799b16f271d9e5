// The history of one item, from the server: every revision with who, when, the action and
// its comment; the diff between any two (select two rows, or one row to compare it with
// the revision before it); Revert makes a new draft from the selected revision (never
// publishes), when the person's role allows it; the reason is shown where not.
#pragma once

#include "model/workflow.h"
#include "sync/serverclient.h"

#include <QDialog>
#include <QHash>
#include <QSet>
#include <QUuid>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace carta::app {

class DiffView;
class ItemCatalogue;

class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    // facts: the item's state and scope as the replica knows them (for Revert's decision).
    HistoryDialog(sync::ServerClient &client, const ItemCatalogue *catalogue, const QUuid &id, const QString &title,
                  const model::User &user, const model::ItemFacts &facts, QWidget *parent = nullptr);

    // Loads the history again (it is loaded once when the dialog is made).
    void reload();

    // For tests: the rows shown, and the diff view.
    [[nodiscard]] QTreeWidget *revisionList() const { return m_list; }
    [[nodiscard]] DiffView *diffView() const { return m_diff; }
    [[nodiscard]] QPushButton *revertButton() const { return m_revert; }
    [[nodiscard]] const QList<sync::HistoryEntry> &entries() const { return m_entries; }

    // What an entry did, as the history and the review pane's comment thread say it
    // ("Submitted for review", "Published (scheduled for 1 Jul 2030, 09:00 BST)"); oldest:
    // the item's first entry (an edit there created it).
    [[nodiscard]] static QString describeAction(const sync::HistoryEntry &entry, bool oldest);

Q_SIGNALS:
    void loaded();                    // the history (or an error) is shown
    void diffShown();                 // the diff of the selection is shown
    void reverted(const QUuid &id);   // the server made the new draft; the caller syncs

private:
    void fill(QList<sync::HistoryEntry> entries);
    void showSelection();
    void updateRevert();
    void revert();
    void fetchRevision(const QString &revision);
    [[nodiscard]] QList<int> selectedRows() const;
    // The revisions the selection compares (newer first); empty when it compares none.
    [[nodiscard]] QStringList neededRevisions() const;
    [[nodiscard]] int olderRevisionRow(int row) const;
    [[nodiscard]] QString newestRevision() const;
    [[nodiscard]] QString actionText(int row) const;
    [[nodiscard]] QString entryLabel(int row) const;

    sync::ServerClient &m_client;
    const ItemCatalogue *m_catalogue;
    QUuid m_id;
    QString m_title;
    model::User m_user;
    model::ItemFacts m_facts;
    QList<sync::HistoryEntry> m_entries;
    QTreeWidget *m_list = nullptr;
    DiffView *m_diff = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_retry = nullptr;
    QLineEdit *m_comment = nullptr;
    QLabel *m_reason = nullptr;  // why Revert is unavailable, or what it will do
    QLabel *m_result = nullptr;  // what the last revert did, or why the server refused it
    QHash<QString, model::Item> m_revisions; // fetched revisions, by revision id
    QSet<QString> m_fetching;
    QHash<QString, QString> m_fetchErrors;
    int m_generation = 0; // of the history load, so a late answer to an earlier one is ignored
    bool m_loading = false;
    bool m_reverting = false;
};

} // namespace carta::app
