#include "models/itemlistmodel.h"

#include "models/labels.h"

#include <QRegularExpression>

#include <algorithm>

namespace carta::app {

using replica::Facet;
using replica::FacetCount;

namespace {

// The values an item has for a facet, as the replica's index records them.
QStringList facetValues(const model::Item &item, Facet facet)
{
    switch (facet) {
    case Facet::Type: return {model::toString(item.type())};
    case Facet::State: return {model::toString(item.state)};
    case Facet::Profession: return item.tags.professions;
    case Facet::Specialty: return item.tags.specialties;
    case Facet::CareerStage: return item.tags.careerStages;
    case Facet::Region: return item.tags.regions.isEmpty() ? QStringList{replica::nationalRegion()} : item.tags.regions;
    }
    return {};
}

bool matchesFilters(const model::Item &item, const ItemListModel::Filters &filters, std::optional<Facet> except)
{
    for (const auto &[facet, wanted] : filters) {
        if (wanted.isEmpty() || facet == except)
            continue;
        const QStringList values = facetValues(item, facet);
        if (std::none_of(wanted.cbegin(), wanted.cend(), [&](const QString &w) { return values.contains(w); }))
            return false;
    }
    return true;
}

bool matchesText(const model::Item &item, const QStringList &words)
{
    const QString haystack = item.title + QLatin1Char('\n') + item.summary;
    return std::all_of(words.cbegin(), words.cend(),
                       [&](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); });
}

} // namespace

ItemListModel::ItemListModel(replica::Replica &replica, QObject *parent) : QAbstractTableModel(parent), m_replica(replica)
{
    reloadLocalState();
}

void ItemListModel::setScope(ListScope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    runQuery();
}

void ItemListModel::setQuery(const QString &text, const Filters &filters)
{
    setQuery(m_scope, text, filters);
}

void ItemListModel::setQuery(ListScope scope, const QString &text, const Filters &filters)
{
    m_scope = scope;
    m_text = text;
    m_filters.clear();
    for (const auto &[facet, values] : filters)
        if (!values.isEmpty())
            m_filters[facet] = values;
    runQuery();
}

void ItemListModel::refresh()
{
    reloadLocalState();
    runQuery();
}

void ItemListModel::noteSaved(const model::Item &item)
{
    if (m_scope != ListScope::All) {
        refresh(); // the person's own items: few, and the saved one may be new to the list
        return;
    }
    m_unsent.insert(item.id);
    const int row = rowOf(item.id);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    r.title = item.title;
    r.state = item.state;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ItemListModel::setError(const QString &message)
{
    m_error = message;
    if (!message.isEmpty())
        Q_EMIT failed(message);
}

void ItemListModel::reloadLocalState()
{
    m_unsent.clear();
    m_conflicted.clear();
    m_deleted.clear();
    m_local.clear();
    auto dirty = m_replica.dirtyItems();
    if (!dirty) {
        setError(dirty.errorString());
        return;
    }
    for (const replica::LocalItem &local : dirty.value()) {
        m_unsent.insert(local.id);
        if (local.conflicted)
            m_conflicted.insert(local.id);
        if (local.deleted)
            m_deleted.insert(local.id);
        // A local delete keeps the last bytes, so the draft list can still name it.
        auto item = local.item();
        if (!item)
            continue;
        LocalEntry entry;
        entry.item = std::move(item).value();
        entry.deleted = local.deleted;
        entry.row = Row{local.id, local.type, entry.item.state, entry.item.title, QString()};
        m_local.append(std::move(entry));
    }
    auto conflicts = m_replica.conflicts();
    if (!conflicts) {
        setError(conflicts.errorString());
        return;
    }
    for (const replica::ConflictRecord &c : conflicts.value())
        m_conflicted.insert(c.id);
    std::sort(m_local.begin(), m_local.end(), [](const LocalEntry &a, const LocalEntry &b) {
        return QString::localeAwareCompare(a.row.title, b.row.title) < 0;
    });
}

void ItemListModel::runQuery()
{
    m_error.clear();
    if (m_scope != ListScope::All) {
        runLocalQuery();
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_facets.clear();
    if (const auto page = searchPage(0)) {
        m_total = page->total;
        m_facets = page->facets;
        appendHits(page->hits);
    }
    endResetModel();
    Q_EMIT resultsChanged();
}

void ItemListModel::runLocalQuery()
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    const QStringList words = m_text.split(separators, Qt::SkipEmptyParts);
    beginResetModel();
    m_rows.clear();
    m_facets.clear();
    std::map<Facet, std::map<QString, qint64>> counts;
    for (const LocalEntry &entry : std::as_const(m_local)) {
        if (m_scope == ListScope::Conflicts && !m_conflicted.contains(entry.row.id))
            continue;
        if (!matchesText(entry.item, words))
            continue;
        if (matchesFilters(entry.item, m_filters, std::nullopt))
            m_rows.append(entry.row);
        // Counts for a facet follow the filters of the other facets, as in the replica's search.
        for (Facet facet : replica::allFacets())
            if (matchesFilters(entry.item, m_filters, facet))
                for (const QString &value : facetValues(entry.item, facet))
                    ++counts[facet][value];
    }
    for (Facet facet : replica::allFacets()) {
        auto &valueCounts = counts[facet];
        const auto selected = m_filters.find(facet);
        if (selected != m_filters.end())
            for (const QString &value : selected->second)
                valueCounts.try_emplace(value, 0);
        QList<FacetCount> list;
        for (const auto &[value, count] : valueCounts)
            list.append(FacetCount{value, count});
        std::stable_sort(list.begin(), list.end(), [](const FacetCount &a, const FacetCount &b) { return a.count > b.count; });
        if (!list.isEmpty())
            m_facets[facet] = list;
    }
    m_total = m_rows.size();
    endResetModel();
    Q_EMIT resultsChanged();
}

std::optional<replica::SearchResult> ItemListModel::searchPage(int offset)
{
    replica::SearchQuery query;
    query.text = m_text;
    query.filters = m_filters;
    query.limit = m_pageSize;
    query.offset = offset;
    auto result = m_replica.search(query);
    if (!result) {
        setError(result.errorString());
        return std::nullopt;
    }
    return std::move(result).value();
}

void ItemListModel::appendHits(const QList<replica::SearchHit> &hits)
{
    for (const replica::SearchHit &hit : hits)
        m_rows.append(Row{hit.id, hit.type, hit.state, hit.title, hit.snippet});
}

bool ItemListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_scope == ListScope::All && m_rows.size() < m_total;
}

void ItemListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const auto page = searchPage(int(m_rows.size()));
    if (!page || page->hits.isEmpty()) {
        m_total = m_rows.size(); // failed, or the index shrank underneath: stop here
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->hits.size() - 1));
    appendHits(page->hits);
    endInsertRows();
}

QUuid ItemListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QUuid();
}

int ItemListModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int ItemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ItemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: return row.title.isEmpty() ? tr("(untitled)") : row.title;
        case TypeColumn: return Labels::itemType(row.type);
        case StateColumn: return Labels::state(row.state);
        case ChangesColumn:
            if (m_conflicted.contains(row.id))
                return tr("Conflict");
            if (m_deleted.contains(row.id))
                return tr("Deleted, not sent");
            if (m_unsent.contains(row.id))
                return tr("Not sent");
            return QString();
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn && !row.snippet.isEmpty())
            return row.snippet;
        return {};
    case IdRole: return row.id;
    case TypeRole: return model::toString(row.type);
    case StateRole: return model::toString(row.state);
    case SnippetRole: return row.snippet;
    default: return {};
    }
}

QVariant ItemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Title");
    case TypeColumn: return tr("Type");
    case StateColumn: return tr("State");
    case ChangesColumn: return tr("Changes");
    default: return {};
    }
}

} // namespace carta::app
