// The editor of one item (one tab): a metadata form and the paragraph list, every edit an
// undo command on its ItemDocument, validation messages beside the field they name, and
// autosave to the replica no later than a second after a change, so a crash loses at
// most that second. A draft is always saved, valid or not.
#pragma once

#include "document/itemdocument.h"

#include "replica/replica.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace carta::app {

class ParagraphListModel;

class ItemEditor : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kAutosaveMs = 1000;

    // savedBytes: the item's bytes in the replica; empty for a new item not saved yet.
    ItemEditor(replica::Replica &replica, model::Item item, QByteArray savedBytes, QWidget *parent = nullptr);
    ~ItemEditor() override;

    [[nodiscard]] QUuid itemId() const { return m_document->item().id; }
    [[nodiscard]] ItemDocument *document() const { return m_document; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_document->undoStack(); }
    [[nodiscard]] QString tabTitle() const;
    [[nodiscard]] bool hasUnsavedChanges() const;
    [[nodiscard]] bool isNew() const { return m_savedBytes.isEmpty(); }

    // Saves now (Ctrl+S, closing, before a sync). When the replica's copy changed since this
    // editor loaded or saved it (a sync merged the server's changes), merges three ways
    // first so nothing of either side is dropped. False, with the reason shown, on failure.
    bool save();
    // After a sync: takes in what changed in the replica underneath (an undoable step).
    void reloadFromReplica();
    void focusFirstField();
    [[nodiscard]] QString currentParagraphId() const { return m_currentParagraph; }
    void selectParagraph(const QString &paragraphId);

Q_SIGNALS:
    void tabTitleChanged(const QString &title);
    void saved(const QUuid &id);
    // Something the person should know that is not tied to one field (save failed, merged).
    void notice(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct FieldIssues
    {
        QWidget *field = nullptr;
        QLabel *label = nullptr;
        QString name;
    };

    void buildUi();
    QLineEdit *addLineField(const QString &objectName, const QString &accessibleName);
    QLabel *addIssueLabel(const QString &objectName);
    void connectDocument();
    void documentChanged();
    void showIssues();
    void setFieldIssues(const FieldIssues &target, const QStringList &messages);
    void currentParagraphChanged();
    void loadParagraphBody();
    void updateParagraphButtons();
    void updateBanner(const replica::LocalItem *local);
    void setSavedState(const QString &text, bool problem = false);
    void addParagraph();
    void removeParagraph();
    void moveParagraph(int delta);

    replica::Replica &m_replica;
    ItemDocument *m_document;
    ParagraphListModel *m_paragraphModel = nullptr;
    QByteArray m_savedBytes;
    QTimer m_autosave;
    bool m_updating = false; // the widgets are being set from the document: not an edit
    QString m_currentParagraph;

    QLabel *m_banner = nullptr;
    QLabel *m_otherIssues = nullptr;
    QLineEdit *m_titleEdit = nullptr;
    QLineEdit *m_slugEdit = nullptr;
    QPlainTextEdit *m_summaryEdit = nullptr;
    QLineEdit *m_typeField = nullptr;
    QLineEdit *m_stateField = nullptr;
    QHash<int, QLineEdit *> m_tagEdits; // by model::Vocabulary
    QListView *m_paragraphList = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_upButton = nullptr;
    QPushButton *m_downButton = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    QLabel *m_bodyIssues = nullptr;
    QLabel *m_savedState = nullptr;
    QHash<QString, FieldIssues> m_fieldIssues; // by issue path: "title", "slug", "summary", "tags.regions", ...
};

// "london, north-west" -> {"london", "north-west"}: the tag fields' comma-separated form.
[[nodiscard]] QStringList parseTagList(const QString &text);

} // namespace carta::app
