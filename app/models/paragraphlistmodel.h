// The paragraphs of an ItemDocument as a list: kind and first line, with the validation
// issues of each paragraph as its tooltip and a warning mark.
#pragma once

#include <QAbstractListModel>
#include <QUuid>

#include <functional>

namespace carta::app {

class ItemDocument;

class ParagraphListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, IssuesRole };

    explicit ParagraphListModel(ItemDocument *document, QObject *parent = nullptr);

    // Names the items that reference paragraphs point at (policy, resource, pathway);
    // without it they show the target's id.
    void setItemTitles(std::function<QString(const QUuid &)> titleOf) { m_titleOf = std::move(titleOf); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QModelIndex indexOf(const QString &paragraphId) const;

private:
    ItemDocument *m_document;
    std::function<QString(const QUuid &)> m_titleOf;
};

} // namespace carta::app
