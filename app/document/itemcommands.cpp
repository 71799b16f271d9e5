#include "document/itemcommands.h"

#include <QCoreApplication>

namespace carta::app {

namespace {

class CommandText
{
    Q_DECLARE_TR_FUNCTIONS(ItemCommands)

public:
    static QString edit(TextField field)
    {
        switch (field) {
        case TextField::Title: return tr("Edit Title");
        case TextField::Slug: return tr("Edit Slug");
        case TextField::Summary: return tr("Edit Summary");
        case TextField::ParagraphBody: return tr("Edit Paragraph");
        }
        return {};
    }
    static QString tags() { return tr("Edit Tags"); }
    static QString insert() { return tr("Add Paragraph"); }
    static QString remove() { return tr("Remove Paragraph"); }
    static QString moveUp() { return tr("Move Paragraph Up"); }
    static QString moveDown() { return tr("Move Paragraph Down"); }
};

} // namespace

SetTextCommand::SetTextCommand(ItemDocument *document, TextField field, QString paragraphId, QString before, QString after)
    : QUndoCommand(CommandText::edit(field)), m_document(document), m_field(field), m_paragraphId(std::move(paragraphId)),
      m_before(std::move(before)), m_after(std::move(after))
{
}

void SetTextCommand::undo()
{
    m_document->applyText(m_field, m_paragraphId, m_before);
}

void SetTextCommand::redo()
{
    m_document->applyText(m_field, m_paragraphId, m_after);
}

bool SetTextCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetTextCommand *>(other);
    if (next->m_field != m_field || next->m_paragraphId != m_paragraphId)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before); // typed and erased again: nothing to undo
    return true;
}

SetTagsCommand::SetTagsCommand(ItemDocument *document, model::Vocabulary vocabulary, QStringList before, QStringList after)
    : QUndoCommand(CommandText::tags()), m_document(document), m_vocabulary(vocabulary), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void SetTagsCommand::undo()
{
    m_document->applyTags(m_vocabulary, m_before);
}

void SetTagsCommand::redo()
{
    m_document->applyTags(m_vocabulary, m_after);
}

bool SetTagsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetTagsCommand *>(other);
    if (next->m_vocabulary != m_vocabulary)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

InsertParagraphCommand::InsertParagraphCommand(ItemDocument *document, int index, model::Paragraph paragraph)
    : QUndoCommand(CommandText::insert()), m_document(document), m_index(index), m_paragraph(std::move(paragraph))
{
}

void InsertParagraphCommand::undo()
{
    Q_ASSERT(m_document->paragraphIndex(m_paragraph.id) == m_index);
    m_document->applyRemoveParagraph(m_index);
}

void InsertParagraphCommand::redo()
{
    m_document->applyInsertParagraph(m_index, m_paragraph);
}

RemoveParagraphCommand::RemoveParagraphCommand(ItemDocument *document, int index)
    : QUndoCommand(CommandText::remove()), m_document(document), m_index(index),
      m_paragraph(document->item().paragraphs.at(index))
{
}

void RemoveParagraphCommand::undo()
{
    m_document->applyInsertParagraph(m_index, m_paragraph);
}

void RemoveParagraphCommand::redo()
{
    Q_ASSERT(m_document->paragraphIndex(m_paragraph.id) == m_index);
    m_document->applyRemoveParagraph(m_index);
}

MoveParagraphCommand::MoveParagraphCommand(ItemDocument *document, QString paragraphId, int from, int to)
    : QUndoCommand(to < from ? CommandText::moveUp() : CommandText::moveDown()), m_document(document),
      m_paragraphId(std::move(paragraphId)), m_from(from), m_to(to)
{
}

void MoveParagraphCommand::undo()
{
    Q_ASSERT(m_document->paragraphIndex(m_paragraphId) == m_to);
    m_document->applyMoveParagraph(m_to, m_from);
}

void MoveParagraphCommand::redo()
{
    Q_ASSERT(m_document->paragraphIndex(m_paragraphId) == m_from);
    m_document->applyMoveParagraph(m_from, m_to);
}

ReplaceItemCommand::ReplaceItemCommand(ItemDocument *document, model::Item before, model::Item after, const QString &text)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after))
{
}

void ReplaceItemCommand::undo()
{
    m_document->applyItem(m_before);
}

void ReplaceItemCommand::redo()
{
    m_document->applyItem(m_after);
}

EditItemCommand::EditItemCommand(ItemDocument *document, model::Item before, model::Item after, const QString &text,
                                 QString mergeKey)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeKey(std::move(mergeKey))
{
}

void EditItemCommand::undo()
{
    m_document->applyFields(m_before);
}

void EditItemCommand::redo()
{
    m_document->applyFields(m_after);
}

bool EditItemCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const EditItemCommand *>(other);
    if (!next || next->m_document != m_document || m_mergeKey.isEmpty() || next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace carta::app
