// The document an item editor edits: one model::Item, its undo stack and its validation
// issues. Widgets call the edit functions, which push undo commands (itemcommands.h); the
// commands change the item only through the apply functions, which emit fine-grained
// signals the models and widgets follow.
#pragma once

#include "model/item.h"
#include "model/result.h"

#include <QObject>
#include <QUndoStack>

#include <functional>

namespace carta::app {

// The single-text fields of an item the editor changes; ParagraphBody is the editable text
// of one paragraph (Markdown for text and callouts, the text of headings and others).
enum class TextField { Title, Slug, Summary, ParagraphBody };

// Which text of a paragraph the editor shows, by kind; none for references.
enum class ParagraphBody { Markdown, Text, None };
[[nodiscard]] ParagraphBody paragraphBody(model::ParagraphKind kind);
[[nodiscard]] QString paragraphBodyText(const model::Paragraph &paragraph);

class ItemDocument : public QObject
{
    Q_OBJECT

public:
    explicit ItemDocument(model::Item item, QObject *parent = nullptr);
    ~ItemDocument() override;

    [[nodiscard]] const model::Item &item() const { return m_item; }
    [[nodiscard]] QUndoStack *undoStack() { return &m_undoStack; }
    // validate(item, nullptr) after every change: rules that need other items are the server's.
    [[nodiscard]] const model::Issues &issues() const { return m_issues; }
    // Issues whose path is `path` or lies below it ("paragraphs[2]" covers "paragraphs[2].markdown").
    [[nodiscard]] model::Issues issuesAt(const QString &path) const;

    [[nodiscard]] QString text(TextField field, const QString &paragraphId = QString()) const;
    [[nodiscard]] int paragraphIndex(const QString &paragraphId) const; // -1 when absent

    // ---- edits, as the widgets issue them (each one an undo command; typing merges) ----
    void editText(TextField field, const QString &value, const QString &paragraphId = QString());
    void editTags(model::Vocabulary vocabulary, const QStringList &terms);
    // Inserts a new empty text paragraph at index (clamped) and returns its id.
    QString addTextParagraph(int index);
    void removeParagraph(const QString &paragraphId);
    // Moves a paragraph by delta places (-1 up, +1 down); nothing at either end.
    void moveParagraph(const QString &paragraphId, int delta);
    // Replaces the whole item (for example with a version merged with the server's).
    void replaceItem(const model::Item &item, const QString &description);
    // Any other edit (the fields of the item's type, schedule, meta tags, attachments, the
    // settings of a paragraph): `mutate` changes a copy of the item; nothing happens when it
    // changes nothing. One undo command named `description`; consecutive edits with the same
    // non-empty mergeKey (typing in one table cell: "fields.learning_outcomes[id=X].title")
    // merge into one. Widgets follow through fieldsChanged(), never reset().
    void editItem(const QString &description, const std::function<void(model::Item &)> &mutate,
                  const QString &mergeKey = QString());

    // ---- mutators for the undo commands only ----
    void applyText(TextField field, const QString &paragraphId, const QString &value);
    void applyTags(model::Vocabulary vocabulary, const QStringList &terms);
    void applyInsertParagraph(int index, const model::Paragraph &paragraph);
    void applyRemoveParagraph(int index);
    void applyMoveParagraph(int from, int to);
    void applyItem(const model::Item &item);
    void applyFields(const model::Item &item);

Q_SIGNALS:
    void textChanged(carta::app::TextField field, const QString &paragraphId);
    void tagsChanged(carta::model::Vocabulary vocabulary);
    void paragraphAboutToBeInserted(int index);
    void paragraphInserted(int index);
    void paragraphAboutToBeRemoved(int index);
    void paragraphRemoved(int index);
    void paragraphAboutToBeMoved(int from, int to);
    void paragraphMoved(int from, int to);
    // After editItem() (or its undo/redo): anything but title, slug, summary, tags and the
    // paragraph list itself may have changed; paragraph ids and order are as they were.
    void fieldsChanged();
    void aboutToBeReset();
    void reset();
    void issuesChanged();
    // After every change of the item, whatever it was.
    void changed();

private:
    void afterChange();

    model::Item m_item;
    model::Issues m_issues;
    QUndoStack m_undoStack;
};

} // namespace carta::app
