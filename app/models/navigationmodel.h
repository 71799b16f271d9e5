// The navigation tree of the main window: all items, by type, by region, in review, my
// drafts (unsent local changes) and conflicts, each with a count. An entry names a list
// scope and, optionally, one facet value it starts from.
#pragma once

#include "models/itemlistmodel.h"

#include <QStandardItemModel>

namespace carta::app {

struct NavigationEntry
{
    ListScope scope = ListScope::All;
    std::optional<replica::Facet> facet;
    QString value;
};

class NavigationModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role { ScopeRole = Qt::UserRole + 1, FacetRole, ValueRole, LabelRole };

    explicit NavigationModel(QObject *parent = nullptr);

    // Recounts from the replica (one facet query and the replica status); keeps the rows
    // that still exist, so a view's selection survives.
    void refresh(replica::Replica &replica, const QHash<QString, QString> &termTitles);

    [[nodiscard]] static NavigationEntry entry(const QModelIndex &index);
    [[nodiscard]] QModelIndex allItemsIndex() const;
    [[nodiscard]] QModelIndex byRegionIndex() const { return m_byRegion->index(); }
    [[nodiscard]] QModelIndex find(ListScope scope, std::optional<replica::Facet> facet = std::nullopt,
                                   const QString &value = QString()) const;

private:
    QStandardItem *makeEntry(const QString &label, ListScope scope, std::optional<replica::Facet> facet = std::nullopt,
                             const QString &value = QString());
    static void setCount(QStandardItem *item, qint64 count);
    void syncChildren(QStandardItem *parent, replica::Facet facet, const QList<replica::FacetCount> &counts,
                      const QHash<QString, QString> &termTitles);

    QStandardItem *m_all = nullptr;
    QStandardItem *m_byType = nullptr;
    QStandardItem *m_byRegion = nullptr;
    QStandardItem *m_inReview = nullptr;
    QStandardItem *m_drafts = nullptr;
    QStandardItem *m_conflicts = nullptr;
};

} // namespace carta::app
