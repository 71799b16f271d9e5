#include "models/paragraphlistmodel.h"

#include "document/itemdocument.h"
#include "models/labels.h"

#include <QApplication>
#include <QIcon>
#include <QPixmap>
#include <QStyle>

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

} // namespace

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
        static const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        static const QIcon blank = [] {
            const int size = QApplication::style()->pixelMetric(QStyle::PM_SmallIconSize);
            QPixmap transparent(size, size);
            transparent.fill(Qt::transparent);
            return QIcon(transparent);
        }();
        return m_document->issuesAt(paragraphPath(index.row())).isEmpty() ? blank : warning;
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

} // namespace carta::app
