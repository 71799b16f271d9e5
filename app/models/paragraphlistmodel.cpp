#include "models/paragraphlistmodel.h"

#include "document/itemdocument.h"
#include "models/labels.h"

#include <QApplication>
#include <QIcon>
#include <QMimeData>
#include <QPixmap>
#include <QStyle>

#include <algorithm>

namespace carta::app {

namespace {

QString firstLine(const QString &text)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return trimmed.size() > 90 ? trimmed.left(89) + QChar(0x2026) : trimmed;
    }
    return QString();
}

QString paragraphPath(int row)
{
    return QStringLiteral("paragraphs[%1]").arg(row);
}

const QIcon &warningIcon()
{
    static const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    return warning;
}

} // namespace

QString ParagraphListModel::mimeType()
{
    return QStringLiteral("application/x-carta-paragraph");
}

ParagraphListModel::ParagraphListModel(ItemDocument *document, QObject *parent)
    : QAbstractListModel(parent), m_document(document)
{
    connect(document, &ItemDocument::paragraphAboutToBeInserted, this, [this](int i) { beginInsertRows({}, i, i); });
    connect(document, &ItemDocument::paragraphInserted, this, [this] { endInsertRows(); });
    connect(document, &ItemDocument::paragraphAboutToBeRemoved, this, [this](int i) { beginRemoveRows({}, i, i); });
    connect(document, &ItemDocument::paragraphRemoved, this, [this] { endRemoveRows(); });
    connect(document, &ItemDocument::paragraphAboutToBeMoved, this, [this](int from, int to) {
        // Qt names the destination as the row the moved row goes before.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    });
    connect(document, &ItemDocument::paragraphMoved, this, [this] { endMoveRows(); });
    connect(document, &ItemDocument::aboutToBeReset, this, [this] { beginResetModel(); });
    connect(document, &ItemDocument::reset, this, [this] { endResetModel(); });
    connect(document, &ItemDocument::textChanged, this, [this](TextField field, const QString &paragraphId) {
        if (field != TextField::ParagraphBody)
            return;
        const QModelIndex changed = indexOf(paragraphId);
        Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, Qt::AccessibleTextRole});
    });
    connect(document, &ItemDocument::fieldsChanged, this, [this] {
        // A paragraph's kind, heading text or target may have changed.
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    });
    connect(document, &ItemDocument::issuesChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole, Qt::ToolTipRole, IssuesRole});
    });
}

int ParagraphListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document->item().paragraphs.size());
}

QVariant ParagraphListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const model::Paragraph &p = m_document->item().paragraphs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        QString line = firstLine(paragraphBodyText(p));
        if (line.isEmpty() && paragraphBody(p.kind) == ParagraphBody::None) {
            const QString title = m_titleOf && !p.target.isNull() ? m_titleOf(p.target) : QString();
            line = title.isEmpty() ? model::idString(p.target) : title;
        } else if (line.isEmpty()) {
            line = tr("(empty)");
        }
        // No position in the text: it would change for every row below an insertion.
        return tr("%1: %2").arg(Labels::paragraphKind(p.kind), line);
    }
    case Qt::ToolTipRole:
    case IssuesRole: {
        QStringList messages;
        for (const model::Issue &issue : m_document->issuesAt(paragraphPath(index.row())))
            messages.append(issue.toString());
        return messages.isEmpty() ? QVariant() : QVariant(messages.join(QLatin1Char('\n')));
    }
    case Qt::DecorationRole: {
        // Every row has an icon (a blank one when all is well) so the texts line up.
        static const QIcon blank = [] {
            const int size = QApplication::style()->pixelMetric(QStyle::PM_SmallIconSize);
            QPixmap transparent(size, size);
            transparent.fill(Qt::transparent);
            return QIcon(transparent);
        }();
        return m_document->issuesAt(paragraphPath(index.row())).isEmpty() ? blank : warningIcon();
    }
    case IdRole:
        return p.id;
    case KindRole:
        return model::toString(p.kind);
    default:
        return {};
    }
}

QModelIndex ParagraphListModel::indexOf(const QString &paragraphId) const
{
    const int row = m_document->paragraphIndex(paragraphId);
    return row < 0 ? QModelIndex() : index(row);
}

Qt::ItemFlags ParagraphListModel::flags(const QModelIndex &index) const
{
    // Items are dragged; drops land between them (the root), never on one.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return QAbstractListModel::flags(index) | Qt::ItemIsDragEnabled;
}

QStringList ParagraphListModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *ParagraphListModel::mimeData(const QModelIndexList &indexes) const
{
    // One paragraph at a time (the list selects one).
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        auto *data = new QMimeData;
        const QString id = index.data(IdRole).toString();
        data->setData(mimeType(), (model::idString(m_document->item().id) + QLatin1Char(' ') + id).toUtf8());
        data->setText(index.data(Qt::DisplayRole).toString());
        return data;
    }
    return nullptr;
}

QString ParagraphListModel::droppedParagraph(const QMimeData *data) const
{
    if (!data || !data->hasFormat(mimeType()))
        return QString();
    const QStringList parts = QString::fromUtf8(data->data(mimeType())).split(QLatin1Char(' '));
    if (parts.size() != 2 || parts.at(0) != model::idString(m_document->item().id))
        return QString();
    return m_document->paragraphIndex(parts.at(1)) >= 0 ? parts.at(1) : QString();
}

bool ParagraphListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                         const QModelIndex &parent) const
{
    Q_UNUSED(row);
    Q_UNUSED(column);
    return action == Qt::MoveAction && !parent.isValid() && !droppedParagraph(data).isEmpty();
}

bool ParagraphListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                      const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    moveTo(droppedParagraph(data), row < 0 ? rowCount() : row);
    // Never "moved by the drop": the view must not remove the source row afterwards (the
    // document moved it already).
    return false;
}

bool ParagraphListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                  const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0 || sourceRow >= rowCount())
        return false;
    return moveTo(index(sourceRow).data(IdRole).toString(), destinationChild);
}

bool ParagraphListModel::moveTo(const QString &paragraphId, int beforeRow)
{
    const int from = m_document->paragraphIndex(paragraphId);
    if (from < 0)
        return false;
    beforeRow = std::clamp(beforeRow, 0, rowCount());
    // Before row `beforeRow` of the list as it is now: once the row is taken out, that is
    // one place less when it lies below.
    const int to = beforeRow > from ? beforeRow - 1 : beforeRow;
    if (to == from)
        return false;
    m_document->moveParagraph(paragraphId, to - from);
    return true;
}

// ---- ParagraphLinksModel ----------------------------------------------------------------

ParagraphLinksModel::ParagraphLinksModel(ItemDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &ItemDocument::fieldsChanged, this, &ParagraphLinksModel::follow);
    connect(document, &ItemDocument::reset, this, &ParagraphLinksModel::follow);
    connect(document, &ItemDocument::paragraphRemoved, this, &ParagraphLinksModel::follow);
    connect(document, &ItemDocument::paragraphMoved, this, [this] {
        if (m_rows > 0) // the cells' issue paths name the paragraph's position
            Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1), {Qt::DecorationRole, Qt::ToolTipRole});
    });
    connect(document, &ItemDocument::issuesChanged, this, [this] {
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1), {Qt::DecorationRole, Qt::ToolTipRole});
    });
}

void ParagraphLinksModel::setParagraph(const QString &paragraphId)
{
    beginResetModel();
    m_paragraphId = paragraphId;
    const int at = m_document->paragraphIndex(paragraphId);
    m_rows = at < 0 ? 0 : int(m_document->item().paragraphs.at(at).links.size());
    endResetModel();
}

void ParagraphLinksModel::follow()
{
    const int at = m_document->paragraphIndex(m_paragraphId);
    const int rows = at < 0 ? 0 : int(m_document->item().paragraphs.at(at).links.size());
    // Links are added and removed one at a time, at any row: which row is not known here,
    // so rows are added or taken at the end and every cell is said to have changed.
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int ParagraphLinksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ParagraphLinksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ParagraphLinksModel::cellPath(int row, int column) const
{
    return QStringLiteral("paragraphs[%1].links[%2].%3")
        .arg(m_document->paragraphIndex(m_paragraphId))
        .arg(row)
        .arg(column == TitleColumn ? QStringLiteral("title") : QStringLiteral("url"));
}

QString ParagraphLinksModel::cellKey(const QString &paragraphId, int row, int column)
{
    return QStringLiteral("paragraphs[id=%1].links[%2].%3")
        .arg(paragraphId)
        .arg(row)
        .arg(column == TitleColumn ? QStringLiteral("title") : QStringLiteral("url"));
}

QVariant ParagraphLinksModel::data(const QModelIndex &index, int role) const
{
    const int at = m_document->paragraphIndex(m_paragraphId);
    if (!index.isValid() || at < 0)
        return {};
    const auto &links = m_document->item().paragraphs.at(at).links;
    if (index.row() >= links.size())
        return {};
    const model::Link &link = links.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == TitleColumn ? link.title : link.url;
    case Qt::AccessibleTextRole: {
        const QString value = index.column() == TitleColumn ? link.title : link.url;
        return value.isEmpty() ? tr("(empty)") : value;
    }
    case Qt::ToolTipRole: {
        QStringList messages;
        for (const model::Issue &issue : m_document->issuesAt(cellPath(index.row(), index.column())))
            messages.append(issue.message);
        return messages.isEmpty() ? QVariant() : QVariant(messages.join(QLatin1Char('\n')));
    }
    case Qt::DecorationRole:
        return m_document->issuesAt(cellPath(index.row(), index.column())).isEmpty() ? QVariant() : QVariant(warningIcon());
    default:
        return {};
    }
}

QVariant ParagraphLinksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section == TitleColumn ? tr("Title") : tr("Address (https:// or /path)");
}

Qt::ItemFlags ParagraphLinksModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? QAbstractTableModel::flags(index) | Qt::ItemIsEditable : Qt::NoItemFlags;
}

bool ParagraphLinksModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || m_document->paragraphIndex(m_paragraphId) < 0)
        return false;
    const QString id = m_paragraphId;
    const int row = index.row();
    const int column = index.column();
    const QString text = value.toString();
    m_document->editItem(
        column == TitleColumn ? tr("Edit Link Title") : tr("Edit Link Address"),
        [&](model::Item &item) {
            for (model::Paragraph &p : item.paragraphs) {
                if (p.id != id || row >= p.links.size())
                    continue;
                (column == TitleColumn ? p.links[row].title : p.links[row].url) = text;
            }
        },
        cellKey(id, row, column));
    return true;
}

int ParagraphLinksModel::addLink(int afterRow)
{
    const int at = m_document->paragraphIndex(m_paragraphId);
    if (at < 0)
        return -1;
    const int count = int(m_document->item().paragraphs.at(at).links.size());
    const int row = afterRow < 0 || afterRow >= count ? count : afterRow + 1;
    const QString id = m_paragraphId;
    m_document->editItem(tr("Add Link"), [&](model::Item &item) {
        for (model::Paragraph &p : item.paragraphs)
            if (p.id == id)
                p.links.insert(row, model::Link{});
    });
    return row;
}

void ParagraphLinksModel::removeLink(int row)
{
    const int at = m_document->paragraphIndex(m_paragraphId);
    if (at < 0 || row < 0 || row >= m_document->item().paragraphs.at(at).links.size())
        return;
    const QString id = m_paragraphId;
    m_document->editItem(tr("Remove Link"), [&](model::Item &item) {
        for (model::Paragraph &p : item.paragraphs)
            if (p.id == id)
                p.links.removeAt(row);
    });
}

} // namespace carta::app
