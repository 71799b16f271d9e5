// Undo commands of ItemDocument. Each holds ids and snapshots (never pointers into the
// item) and changes the document only through its apply functions. Consecutive typing in
// the same field (same paragraph) merges into one command.
#pragma once

#include "document/itemdocument.h"

#include <QUndoCommand>

namespace carta::app {

enum class CommandId { SetText = 1, SetTags = 2, EditItem = 3 };

class SetTextCommand : public QUndoCommand
{
public:
    SetTextCommand(ItemDocument *document, TextField field, QString paragraphId, QString before, QString after);
    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return int(CommandId::SetText); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ItemDocument *m_document;
    TextField m_field;
    QString m_paragraphId;
    QString m_before;
    QString m_after;
};

class SetTagsCommand : public QUndoCommand
{
public:
    SetTagsCommand(ItemDocument *document, model::Vocabulary vocabulary, QStringList before, QStringList after);
    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return int(CommandId::SetTags); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ItemDocument *m_document;
    model::Vocabulary m_vocabulary;
    QStringList m_before;
    QStringList m_after;
};

class InsertParagraphCommand : public QUndoCommand
{
public:
    InsertParagraphCommand(ItemDocument *document, int index, model::Paragraph paragraph);
    void undo() override;
    void redo() override;

private:
    ItemDocument *m_document;
    int m_index;
    model::Paragraph m_paragraph;
};

class RemoveParagraphCommand : public QUndoCommand
{
public:
    RemoveParagraphCommand(ItemDocument *document, int index);
    void undo() override;
    void redo() override;

private:
    ItemDocument *m_document;
    int m_index;
    model::Paragraph m_paragraph; // the snapshot undo puts back
};

class MoveParagraphCommand : public QUndoCommand
{
public:
    MoveParagraphCommand(ItemDocument *document, QString paragraphId, int from, int to);
    void undo() override;
    void redo() override;

private:
    ItemDocument *m_document;
    QString m_paragraphId;
    int m_from;
    int m_to;
};

class ReplaceItemCommand : public QUndoCommand
{
public:
    ReplaceItemCommand(ItemDocument *document, model::Item before, model::Item after, const QString &text);
    void undo() override;
    void redo() override;

private:
    ItemDocument *m_document;
    model::Item m_before;
    model::Item m_after;
};

// ItemDocument::editItem(): the item before and after; merges with the next edit of the same
// non-empty key, so typing in one cell is one step.
class EditItemCommand : public QUndoCommand
{
public:
    EditItemCommand(ItemDocument *document, model::Item before, model::Item after, const QString &text,
                    QString mergeKey);
    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return m_mergeKey.isEmpty() ? -1 : int(CommandId::EditItem); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ItemDocument *m_document;
    model::Item m_before;
    model::Item m_after;
    QString m_mergeKey;
};

} // namespace carta::app
