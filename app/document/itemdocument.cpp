#include "document/itemdocument.h"

#include "document/itemcommands.h"

#include "model/validation.h"

namespace carta::app {

using model::Paragraph;
using model::ParagraphKind;

ParagraphBody paragraphBody(ParagraphKind kind)
{
    switch (kind) {
    case ParagraphKind::Text:
    case ParagraphKind::Callout:
        return ParagraphBody::Markdown;
    case ParagraphKind::Heading:
    case ParagraphKind::LearningOutcomes:
    case ParagraphKind::LinkList:
        return ParagraphBody::Text;
    case ParagraphKind::PolicyRef:
    case ParagraphKind::ResourceRef:
    case ParagraphKind::PathwayRef:
        return ParagraphBody::None;
    }
    return ParagraphBody::None;
}

QString paragraphBodyText(const Paragraph &paragraph)
{
    switch (paragraphBody(paragraph.kind)) {
    case ParagraphBody::Markdown: return paragraph.markdown;
    case ParagraphBody::Text: return paragraph.text;
    case ParagraphBody::None: return QString();
    }
    return QString();
}

ItemDocument::ItemDocument(model::Item item, QObject *parent) : QObject(parent), m_item(std::move(item))
{
    m_issues = model::validate(m_item, nullptr);
}

ItemDocument::~ItemDocument()
{
    // The commands point at this document: drop them before the item goes.
    m_undoStack.clear();
}

model::Issues ItemDocument::issuesAt(const QString &path) const
{
    model::Issues found;
    for (const model::Issue &issue : m_issues) {
        if (issue.where == path
            || (issue.where.startsWith(path)
                && (issue.where.at(path.size()) == QLatin1Char('.') || issue.where.at(path.size()) == QLatin1Char('['))))
            found.append(issue);
    }
    return found;
}

QString ItemDocument::text(TextField field, const QString &paragraphId) const
{
    switch (field) {
    case TextField::Title: return m_item.title;
    case TextField::Slug: return m_item.slug;
    case TextField::Summary: return m_item.summary;
    case TextField::ParagraphBody: {
        const int index = paragraphIndex(paragraphId);
        return index < 0 ? QString() : paragraphBodyText(m_item.paragraphs.at(index));
    }
    }
    return QString();
}

int ItemDocument::paragraphIndex(const QString &paragraphId) const
{
    for (int i = 0; i < m_item.paragraphs.size(); ++i)
        if (m_item.paragraphs.at(i).id == paragraphId)
            return i;
    return -1;
}

void ItemDocument::editText(TextField field, const QString &value, const QString &paragraphId)
{
    const QString before = text(field, paragraphId);
    if (before == value)
        return;
    if (field == TextField::ParagraphBody) {
        const int index = paragraphIndex(paragraphId);
        if (index < 0 || paragraphBody(m_item.paragraphs.at(index).kind) == ParagraphBody::None)
            return;
    }
    m_undoStack.push(new SetTextCommand(this, field, paragraphId, before, value));
}

void ItemDocument::editTags(model::Vocabulary vocabulary, const QStringList &terms)
{
    const QStringList &before = m_item.tags.terms(vocabulary);
    if (before == terms)
        return;
    m_undoStack.push(new SetTagsCommand(this, vocabulary, before, terms));
}

QString ItemDocument::addTextParagraph(int index)
{
    Paragraph paragraph;
    paragraph.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    paragraph.kind = ParagraphKind::Text;
    index = std::clamp(index, 0, int(m_item.paragraphs.size()));
    m_undoStack.push(new InsertParagraphCommand(this, index, paragraph));
    return paragraph.id;
}

void ItemDocument::removeParagraph(const QString &paragraphId)
{
    const int index = paragraphIndex(paragraphId);
    if (index >= 0)
        m_undoStack.push(new RemoveParagraphCommand(this, index));
}

void ItemDocument::moveParagraph(const QString &paragraphId, int delta)
{
    const int from = paragraphIndex(paragraphId);
    const int to = from + delta;
    if (from < 0 || delta == 0 || to < 0 || to >= m_item.paragraphs.size())
        return;
    m_undoStack.push(new MoveParagraphCommand(this, paragraphId, from, to));
}

void ItemDocument::replaceItem(const model::Item &item, const QString &description)
{
    if (item == m_item)
        return;
    m_undoStack.push(new ReplaceItemCommand(this, m_item, item, description));
}

void ItemDocument::editItem(const QString &description, const std::function<void(model::Item &)> &mutate,
                            const QString &mergeKey)
{
    model::Item after = m_item;
    mutate(after);
    if (after == m_item)
        return;
    // The paragraph list keeps its ids and order: adding, removing and moving paragraphs
    // have commands of their own, which keep the list views' rows in step.
    Q_ASSERT(after.paragraphs.size() == m_item.paragraphs.size());
    m_undoStack.push(new EditItemCommand(this, m_item, std::move(after), description, mergeKey));
}

void ItemDocument::applyText(TextField field, const QString &paragraphId, const QString &value)
{
    switch (field) {
    case TextField::Title: m_item.title = value; break;
    case TextField::Slug: m_item.slug = value; break;
    case TextField::Summary: m_item.summary = value; break;
    case TextField::ParagraphBody: {
        const int index = paragraphIndex(paragraphId);
        Q_ASSERT(index >= 0);
        Paragraph &p = m_item.paragraphs[index];
        if (paragraphBody(p.kind) == ParagraphBody::Markdown)
            p.markdown = value;
        else
            p.text = value;
        break;
    }
    }
    Q_EMIT textChanged(field, paragraphId);
    afterChange();
}

void ItemDocument::applyTags(model::Vocabulary vocabulary, const QStringList &terms)
{
    m_item.tags.terms(vocabulary) = terms;
    Q_EMIT tagsChanged(vocabulary);
    afterChange();
}

void ItemDocument::applyInsertParagraph(int index, const Paragraph &paragraph)
{
    Q_EMIT paragraphAboutToBeInserted(index);
    m_item.paragraphs.insert(index, paragraph);
    Q_EMIT paragraphInserted(index);
    afterChange();
}

void ItemDocument::applyRemoveParagraph(int index)
{
    Q_EMIT paragraphAboutToBeRemoved(index);
    m_item.paragraphs.removeAt(index);
    Q_EMIT paragraphRemoved(index);
    afterChange();
}

void ItemDocument::applyMoveParagraph(int from, int to)
{
    Q_EMIT paragraphAboutToBeMoved(from, to);
    m_item.paragraphs.move(from, to);
    Q_EMIT paragraphMoved(from, to);
    afterChange();
}

void ItemDocument::applyItem(const model::Item &item)
{
    Q_EMIT aboutToBeReset();
    m_item = item;
    Q_EMIT reset();
    afterChange();
}

void ItemDocument::applyFields(const model::Item &item)
{
    m_item = item;
    Q_EMIT fieldsChanged();
    afterChange();
}

void ItemDocument::afterChange()
{
    model::Issues issues = model::validate(m_item, nullptr);
    if (issues != m_issues) {
        m_issues = std::move(issues);
        Q_EMIT issuesChanged();
    }
    Q_EMIT changed();
}

} // namespace carta::app
