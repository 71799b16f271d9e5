// The paragraphs of an ItemDocument as a list: kind and first line, with the validation
// issues of each paragraph as its tooltip and a warning mark; rows move by drag and drop
// (each drop one ItemDocument::moveParagraph, one undo step). Beside it, the links of one
// link-list paragraph as an editable table.
#pragma once

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QUuid>

#include <functional>

namespace carta::app {

class ItemDocument;

class ParagraphListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, IssuesRole };

    // What a dragged paragraph carries: "<item id> <paragraph id>", so a drop into another
    // item's editor is refused instead of moving the wrong paragraph.
    static QString mimeType();

    explicit ParagraphListModel(ItemDocument *document, QObject *parent = nullptr);

    // Names the items that reference paragraphs point at (policy, resource, pathway);
    // without it they show the target's id.
    void setItemTitles(std::function<QString(const QUuid &)> titleOf) { m_titleOf = std::move(titleOf); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QModelIndex indexOf(const QString &paragraphId) const;

    // ---- drag and drop: rows move within the list, never onto each other ----
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    [[nodiscard]] Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData *mimeData(const QModelIndexList &indexes) const override;
    [[nodiscard]] bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent) const override;
    // row is where the paragraph goes before (Qt's convention); -1: the end.
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // QListView moves rows itself on an internal drop; one row at a time, as a document move.
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;

private:
    // The paragraph a drag carries, when it belongs to this document; empty otherwise.
    [[nodiscard]] QString droppedParagraph(const QMimeData *data) const;
    bool moveTo(const QString &paragraphId, int beforeRow);

    ItemDocument *m_document;
    std::function<QString(const QUuid &)> m_titleOf;
};

// The links of one link-list paragraph: title and URL per row, edited in place (each cell
// an ItemDocument::editItem merged while typing in it), with the validation messages of a
// cell as its tooltip and a warning mark.
class ParagraphLinksModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, UrlColumn, ColumnCount };

    explicit ParagraphLinksModel(ItemDocument *document, QObject *parent = nullptr);

    // The paragraph shown; empty: none (no rows).
    void setParagraph(const QString &paragraphId);
    [[nodiscard]] QString paragraphId() const { return m_paragraphId; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Adds an empty link after row (-1: at the end) / removes one: each one undo step.
    // Returns the new row.
    int addLink(int afterRow = -1);
    void removeLink(int row);

    // "paragraphs[id=X].links[2].url": the merge key of typing in a cell.
    [[nodiscard]] static QString cellKey(const QString &paragraphId, int row, int column);

private:
    void follow(); // the document changed: rows added or removed, cells changed
    [[nodiscard]] QString cellPath(int row, int column) const; // "paragraphs[3].links[2].url"

    ItemDocument *m_document;
    QString m_paragraphId;
    int m_rows = 0;
};

} // namespace carta::app
