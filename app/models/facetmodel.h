// Facet filters with counts, as a two-level tree: each facet (type, state, profession,
// specialty, career stage, region) and under it its values with how many items each would
// give. Values are checkable; the checked values are the list's filters.
#pragma once

#include "models/itemlistmodel.h"

#include <QAbstractItemModel>
#include <QHash>

namespace carta::app {

class FacetModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { FacetRole = Qt::UserRole + 1, ValueRole, CountRole };

    explicit FacetModel(QObject *parent = nullptr);

    // New counts from the list; checked values stay checked.
    void setCounts(const ItemListModel::FacetCounts &counts);
    // Titles of taxonomy terms by "<facet>/<slug>", shown instead of humanised slugs.
    void setTermTitles(QHash<QString, QString> titles);
    [[nodiscard]] static QString termKey(replica::Facet facet, const QString &slug);

    [[nodiscard]] const ItemListModel::Filters &selection() const { return m_selection; }
    // Changes the selection from code (navigation); emits selectionChanged() when it differs.
    void setSelection(replica::Facet facet, const QStringList &values);
    void clearSelection();

    [[nodiscard]] QModelIndex facetIndex(replica::Facet facet) const;
    [[nodiscard]] QModelIndex valueIndex(replica::Facet facet, const QString &value) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void selectionChanged();

private:
    struct Group
    {
        replica::Facet facet;
        QList<replica::FacetCount> values;
    };

    [[nodiscard]] bool isChecked(replica::Facet facet, const QString &value) const;

    QList<Group> m_groups;
    ItemListModel::Filters m_selection;
    QHash<QString, QString> m_termTitles;
};

} // namespace carta::app
