// The list of items in the main window: search results from the replica, filled a page at
// a time as the view scrolls (canFetchMore/fetchMore), with facet counts for the filter
// panel; or the person's own unsent drafts, or the items in conflict.
#pragma once

#include "replica/replica.h"
#include "replica/search.h"

#include <QAbstractTableModel>
#include <QSet>

namespace carta::app {

enum class ListScope { All, Drafts, Conflicts };

class ItemListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, TypeColumn, StateColumn, ChangesColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, TypeRole, StateRole, SnippetRole };
    using Filters = std::map<replica::Facet, QStringList>;
    using FacetCounts = std::map<replica::Facet, QList<replica::FacetCount>>;

    explicit ItemListModel(replica::Replica &replica, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    [[nodiscard]] ListScope scope() const { return m_scope; }
    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] const Filters &filters() const { return m_filters; }

    // Each runs the query again from its first page.
    void setScope(ListScope scope);
    void setQuery(const QString &text, const Filters &filters);
    void setQuery(ListScope scope, const QString &text, const Filters &filters);
    // Rereads what changed underneath (saves, syncs): unsent and conflicted items too.
    void refresh();
    // An editor saved an item: its row shows the new title and state and counts as unsent,
    // without re-running the query (the list keeps its place).
    void noteSaved(const model::Item &item);

    [[nodiscard]] qint64 total() const { return m_total; }
    [[nodiscard]] const FacetCounts &facets() const { return m_facets; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QUuid idAt(int row) const;
    [[nodiscard]] int rowOf(const QUuid &id) const; // -1 when not (yet) loaded

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // After the first page of a new query: total() and facets() are current.
    void resultsChanged();
    void failed(const QString &message);

private:
    struct Row
    {
        QUuid id;
        model::ItemType type = model::ItemType::Page;
        model::WorkflowState state = model::WorkflowState::Draft;
        QString title;
        QString snippet;
    };
    struct LocalEntry
    {
        Row row;
        model::Item item;
        bool deleted = false;
    };

    void reloadLocalState();
    void runQuery();
    void runLocalQuery();
    [[nodiscard]] std::optional<replica::SearchResult> searchPage(int offset);
    void appendHits(const QList<replica::SearchHit> &hits);
    void setError(const QString &message);

    replica::Replica &m_replica;
    ListScope m_scope = ListScope::All;
    QString m_text;
    Filters m_filters;
    int m_pageSize = 100;
    QList<Row> m_rows;
    qint64 m_total = 0;
    FacetCounts m_facets;
    QString m_error;
    QSet<QUuid> m_unsent;
    QSet<QUuid> m_conflicted;
    QSet<QUuid> m_deleted;
    QList<LocalEntry> m_local; // Drafts and Conflicts scopes: the person's own items, loaded whole
};

} // namespace carta::app
