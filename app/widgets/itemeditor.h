// The editor of one item (one tab): sections for the item (title, slug, summary, taxonomy
// terms, schedule, meta tags), the fields of its type (Details), its paragraphs (each with
// the editor of its kind) and its attachments. Every edit is an undo command on its
// ItemDocument, validation messages stand beside the field they name (the rest in a list
// that takes you to the place), and the item is autosaved to the replica no later than a
// second after a change, so a crash loses at most that second. A draft is always saved,
// valid or not.
#pragma once

#include "document/itemdocument.h"
#include "models/itemcatalogue.h"

#include "replica/replica.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTabWidget;

namespace carta::app {

class AttachmentsPanel;
class ParagraphEditor;
class ParagraphListModel;
class TermPicker;
class TypeFieldsEditor;

class ItemEditor : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kAutosaveMs = 1000;

    // savedBytes: the item's bytes in the replica; empty for a new item not saved yet.
    // catalogue: what pickers offer (terms, items to refer to); null: the editor reads its
    // own from the replica.
    ItemEditor(replica::Replica &replica, model::Item item, QByteArray savedBytes, QWidget *parent = nullptr,
               const ItemCatalogue *catalogue = nullptr);
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
    // Focuses the first control in reading order (Tab arriving from outside); false when
    // nothing in the editor takes focus.
    bool focusFirstControl();
    [[nodiscard]] QString currentParagraphId() const { return m_currentParagraph; }
    void selectParagraph(const QString &paragraphId);
    // Shows and focuses the place an issue path names ("title", "tags.regions[1]",
    // "schedule.unpublish_at", "paragraphs[2].links[0].url", "attachments[1].name", the
    // type's fields); false when the editor has no place for it.
    bool focusPath(const QString &path);
    // Adds a paragraph of a kind after the selected one, selects it and focuses its editor.
    void addParagraph(model::ParagraphKind kind);
    // Whether the person may set the schedule (publishers and admins): when not, the
    // schedule fields are read-only and reasonIfNot says why. Empty: allowed.
    void setScheduleAllowed(const QString &reasonIfNot);
    // The type's own editor in the Details section; null for types without one.
    [[nodiscard]] TypeFieldsEditor *typeFieldsEditor() const { return m_typeEditor; }

Q_SIGNALS:
    void tabTitleChanged(const QString &title);
    void saved(const QUuid &id);
    // Something the person should know that is not tied to one field (save failed, merged).
    void notice(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Tab and Shift+Tab go through the controls shown in reading order (top to bottom,
    // then left to right), whatever order they were created in — chips, rows and type
    // editors come and go as the item changes — and leave the editor at either end.
    bool focusNextPrevChild(bool next) override;

private:
    [[nodiscard]] QList<QWidget *> tabOrder() const;

public:

private:
    struct FieldIssues
    {
        QWidget *field = nullptr;
        QLabel *label = nullptr;
        QString name;
    };

    void buildUi();
    QWidget *buildItemSection();
    QWidget *buildParagraphsSection();
    QScrollArea *scrollable(QWidget *page, const QString &objectName);
    QLineEdit *addLineField(const QString &objectName, const QString &accessibleName);
    QLabel *addIssueLabel(const QString &objectName);
    void connectDocument();
    void loadFromDocument(); // every field of the Item section
    void loadSchedule();
    void loadMeta();
    void documentChanged();
    void showIssues();
    void setFieldIssues(const FieldIssues &target, const QStringList &messages);
    void updateSectionTitles(const QHash<QWidget *, int> &problems);
    void currentParagraphChanged();
    void updateParagraphButtons();
    void updateBanner(const replica::LocalItem *local);
    void setSavedState(const QString &text, bool problem = false);
    void removeParagraph();
    void moveParagraph(int delta);
    void editSchedule(bool unpublish, bool scheduled);
    void updateDescriptionCount();

    replica::Replica &m_replica;
    std::unique_ptr<ItemCatalogue> m_ownCatalogue; // when none was given
    const ItemCatalogue *m_catalogue;
    ItemDocument *m_document;
    ParagraphListModel *m_paragraphModel = nullptr;
    QByteArray m_savedBytes;
    QTimer m_autosave;
    bool m_updating = false; // the widgets are being set from the document: not an edit
    QString m_currentParagraph;

    QLabel *m_banner = nullptr;
    QWidget *m_otherIssues = nullptr;
    QListWidget *m_otherIssuesList = nullptr;
    QTabWidget *m_sections = nullptr;
    QWidget *m_itemSection = nullptr;
    QWidget *m_detailsSection = nullptr;
    QWidget *m_paragraphsSection = nullptr;
    QWidget *m_attachmentsSection = nullptr;
    QHash<QWidget *, QString> m_sectionNames;

    QLineEdit *m_titleEdit = nullptr;
    QLineEdit *m_slugEdit = nullptr;
    QPlainTextEdit *m_summaryEdit = nullptr;
    QLineEdit *m_typeField = nullptr;
    QLineEdit *m_stateField = nullptr;
    QHash<int, TermPicker *> m_pickers; // by model::Vocabulary
    QCheckBox *m_publishCheck = nullptr;
    QLabel *m_scheduleNotAllowed = nullptr;
    QString m_scheduleReason;
    QDateTimeEdit *m_publishEdit = nullptr;
    QLabel *m_publishZone = nullptr;
    QCheckBox *m_unpublishCheck = nullptr;
    QDateTimeEdit *m_unpublishEdit = nullptr;
    QLabel *m_unpublishZone = nullptr;
    QPlainTextEdit *m_descriptionEdit = nullptr;
    QLabel *m_descriptionCount = nullptr;
    QLineEdit *m_keywordsEdit = nullptr;

    TypeFieldsEditor *m_typeEditor = nullptr;

    QListView *m_paragraphList = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_addKindButton = nullptr;
    QMenu *m_addMenu = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_upButton = nullptr;
    QPushButton *m_downButton = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    ParagraphEditor *m_paragraphEditor = nullptr;

    AttachmentsPanel *m_attachments = nullptr;
    QLabel *m_savedState = nullptr;
    QHash<QString, FieldIssues> m_fieldIssues; // by issue path: "title", "slug", "summary", "tags.regions", ...
};

// "london, north-west" -> {"london", "north-west"}: a comma-separated list (meta keywords).
[[nodiscard]] QStringList parseTagList(const QString &text);

} // namespace carta::app
