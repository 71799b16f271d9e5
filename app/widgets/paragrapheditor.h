// The editor of one paragraph, by kind: Markdown with a live preview (text, callout with
// its title and style), heading text and level, a link list's title and table of links,
// the intro and chosen outcome codes of a learning-outcomes paragraph, and the target of a
// reference (type-ahead over the replica's items). The main text of each kind goes
// through ItemDocument::editText (typing merges); the rest through editItem with a merge
// key per setting ("paragraphs[id=X].level"). It follows the document: undo, redo, merges.
#pragma once

#include "document/itemdocument.h"
#include "models/itemcatalogue.h"

#include <QList>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QStringListModel;
class QTableView;
class QTimer;

namespace carta::app {

class ParagraphLinksModel;
class TermPickerLineEdit;

// An issue of a paragraph in words: "Paragraph 3, link 2 address: must start with https://".
[[nodiscard]] QString describeParagraphIssue(const model::Item &item, const model::Issue &issue);

// Adds a paragraph of a kind at index (clamped) as one undo step and returns its id: a
// text paragraph from the document, then (for other kinds, in the same undo macro) its
// kind and starting fields. A link list starts with one empty link to type into.
QString addParagraphOfKind(ItemDocument *document, model::ParagraphKind kind, int index);

class ParagraphEditor : public QWidget
{
    Q_OBJECT

public:
    ParagraphEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent = nullptr);

    // The paragraph shown; empty or unknown: none (a hint to select or add one).
    void setParagraph(const QString &paragraphId);
    [[nodiscard]] QString paragraphId() const { return m_paragraphId; }

    // Focuses the main field of the paragraph's kind.
    void focusEditor();
    // Focuses the widget for a path below the paragraph ("markdown", "text", "level",
    // "style", "links[2].url", "outcome_codes[0]", "target"); false when there is none.
    bool focusPath(const QString &subPath);
    // Shows the paragraph's issues under it (and as the fields' descriptions).
    void showIssues();

    // Its widgets in the order Tab reaches them (those of other kinds are hidden and skipped).
    [[nodiscard]] QList<QWidget *> tabOrder() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] const model::Paragraph *paragraph() const;
    void buildMarkdownPage();
    void buildHeadingPage();
    void buildLinksPage();
    void buildOutcomesPage();
    void buildReferencePage();
    void load(); // every widget from the document
    void loadBodyText();
    void loadOutcomes(const model::Paragraph &p);
    void loadTarget(const model::Paragraph &p);
    void schedulePreview();
    void editParagraph(const QString &description, const QString &key,
                       const std::function<void(model::Paragraph &)> &mutate);
    void outcomesChecked();
    void findTargets(const QString &text);
    bool chooseTarget(const QString &text);
    void setReferenceMessage(const QString &text);
    void routeUndo(QWidget *widget);

    ItemDocument *m_document;
    const ItemCatalogue &m_catalogue;
    QString m_paragraphId;
    bool m_updating = false;

    QLabel *m_title = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_nonePage = nullptr;

    // text and callout
    QWidget *m_markdownPage = nullptr;
    QWidget *m_calloutRow = nullptr;
    QLineEdit *m_calloutTitle = nullptr;
    QComboBox *m_calloutStyle = nullptr;
    QLabel *m_markdownLabel = nullptr;
    QPlainTextEdit *m_markdown = nullptr;
    QSplitter *m_markdownSplitter = nullptr;
    QWidget *m_preview = nullptr;
    std::function<void(const QString &)> m_showPreview;
    QTimer *m_previewTimer = nullptr;

    // heading
    QWidget *m_headingPage = nullptr;
    QLineEdit *m_headingText = nullptr;
    QComboBox *m_headingLevel = nullptr;

    // link list
    QWidget *m_linksPage = nullptr;
    QLineEdit *m_linksTitle = nullptr;
    QTableView *m_linkTable = nullptr;
    ParagraphLinksModel *m_links = nullptr;
    QPushButton *m_addLink = nullptr;
    QPushButton *m_removeLink = nullptr;

    // learning outcomes
    QWidget *m_outcomesPage = nullptr;
    QPlainTextEdit *m_outcomesIntro = nullptr;
    QListWidget *m_outcomeList = nullptr;
    QLabel *m_outcomesNote = nullptr;

    // policy, resource or pathway reference
    QWidget *m_referencePage = nullptr;
    QLabel *m_referenceLabel = nullptr;
    TermPickerLineEdit *m_referenceEdit = nullptr;
    QStringListModel *m_referenceCompletions = nullptr;
    QList<ItemEntry> m_found;
    QLabel *m_referenceTarget = nullptr;
    QLabel *m_referenceMessage = nullptr;

    QLabel *m_issues = nullptr;
};

} // namespace carta::app
