#include "models/facetmodel.h"

#include "models/labels.h"

#include <QLocale>

namespace carta::app {

using replica::Facet;

namespace {
constexpr quintptr kFacetLevel = 0; // internal id of facet rows; value rows hold their facet row + 1
}

FacetModel::FacetModel(QObject *parent) : QAbstractItemModel(parent) {}

QString FacetModel::termKey(Facet facet, const QString &slug)
{
    return replica::toString(facet) + QLatin1Char('/') + slug;
}

void FacetModel::setCounts(const ItemListModel::FacetCounts &counts)
{
    beginResetModel();
    m_groups.clear();
    for (Facet facet : replica::allFacets()) {
        const auto found = counts.find(facet);
        QList<replica::FacetCount> values = found == counts.end() ? QList<replica::FacetCount>() : found->second;
        // A checked value stays visible even when nothing has it any more, so it can be unchecked.
        const auto selected = m_selection.find(facet);
        if (selected != m_selection.end())
            for (const QString &value : selected->second)
                if (std::none_of(values.cbegin(), values.cend(), [&](const replica::FacetCount &c) { return c.value == value; }))
                    values.append(replica::FacetCount{value, 0});
        if (!values.isEmpty())
            m_groups.append(Group{facet, values});
    }
    endResetModel();
}

void FacetModel::setTermTitles(QHash<QString, QString> titles)
{
    m_termTitles = std::move(titles);
    if (!m_groups.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_groups.size()) - 1, 0));
    for (int g = 0; g < m_groups.size(); ++g)
        if (!m_groups.at(g).values.isEmpty())
            Q_EMIT dataChanged(index(0, 0, index(g, 0)), index(int(m_groups.at(g).values.size()) - 1, 0, index(g, 0)));
}

void FacetModel::setSelection(Facet facet, const QStringList &values)
{
    const auto current = m_selection.find(facet);
    const QStringList before = current == m_selection.end() ? QStringList() : current->second;
    if (before == values)
        return;
    if (values.isEmpty())
        m_selection.erase(facet);
    else
        m_selection[facet] = values;
    const QModelIndex group = facetIndex(facet);
    if (group.isValid() && rowCount(group) > 0)
        Q_EMIT dataChanged(index(0, 0, group), index(rowCount(group) - 1, 0, group), {Qt::CheckStateRole});
    Q_EMIT selectionChanged();
}

void FacetModel::clearSelection()
{
    if (m_selection.empty())
        return;
    m_selection.clear();
    for (int g = 0; g < m_groups.size(); ++g) {
        const QModelIndex group = index(g, 0);
        if (rowCount(group) > 0)
            Q_EMIT dataChanged(index(0, 0, group), index(rowCount(group) - 1, 0, group), {Qt::CheckStateRole});
    }
    Q_EMIT selectionChanged();
}

bool FacetModel::isChecked(Facet facet, const QString &value) const
{
    const auto found = m_selection.find(facet);
    return found != m_selection.end() && found->second.contains(value);
}

QModelIndex FacetModel::facetIndex(Facet facet) const
{
    for (int g = 0; g < m_groups.size(); ++g)
        if (m_groups.at(g).facet == facet)
            return index(g, 0);
    return {};
}

QModelIndex FacetModel::valueIndex(Facet facet, const QString &value) const
{
    const QModelIndex group = facetIndex(facet);
    if (!group.isValid())
        return {};
    const auto &values = m_groups.at(group.row()).values;
    for (int v = 0; v < values.size(); ++v)
        if (values.at(v).value == value)
            return index(v, 0, group);
    return {};
}

QModelIndex FacetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, kFacetLevel) : QModelIndex();
    if (parent.internalId() != kFacetLevel || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).values.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex FacetModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kFacetLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kFacetLevel);
}

int FacetModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kFacetLevel && parent.row() < m_groups.size())
        return int(m_groups.at(parent.row()).values.size());
    return 0;
}

int FacetModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FacetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kFacetLevel) {
        const Group &group = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole: return Labels::facet(group.facet);
        case FacetRole: return replica::toString(group.facet);
        default: return {};
        }
    }
    const Group &group = m_groups.at(int(index.internalId() - 1));
    const replica::FacetCount &count = group.values.at(index.row());
    const QString label = m_termTitles.value(termKey(group.facet, count.value), Labels::facetValue(group.facet, count.value));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: // the panel is narrow: long names are cut short there
        return tr("%1 (%2)").arg(label, QLocale().toString(count.count));
    case Qt::AccessibleTextRole: return tr("%1, %Ln item(s)", nullptr, int(count.count)).arg(label);
    case Qt::CheckStateRole: return isChecked(group.facet, count.value) ? Qt::Checked : Qt::Unchecked;
    case FacetRole: return replica::toString(group.facet);
    case ValueRole: return count.value;
    case CountRole: return count.count;
    default: return {};
    }
}

bool FacetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.internalId() == kFacetLevel || role != Qt::CheckStateRole)
        return false;
    const Group &group = m_groups.at(int(index.internalId() - 1));
    const QString facetValue = group.values.at(index.row()).value;
    const bool check = value.value<Qt::CheckState>() == Qt::Checked;
    QStringList values = m_selection.count(group.facet) ? m_selection.at(group.facet) : QStringList();
    if (check == values.contains(facetValue))
        return true;
    if (check)
        values.append(facetValue);
    else
        values.removeAll(facetValue);
    setSelection(group.facet, values);
    return true;
}

Qt::ItemFlags FacetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kFacetLevel)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

} // namespace carta::app
