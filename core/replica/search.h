// Search in the replica: full text over titles, summaries, paragraph text and attachment
// names, ranked with snippets, and facet counts (type, workflow state, profession,
// specialty, career stage, region) that combine with the query and with each other.
#pragma once

#include "model/item.h"
#include "model/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <map>
#include <memory>

namespace carta::replica {

enum class Facet { Type, State, Profession, Specialty, CareerStage, Region };

[[nodiscard]] QString toString(Facet facet); // "type", "state", "profession", "specialty", "career_stage", "region"
[[nodiscard]] std::optional<Facet> facetFromString(const QString &name);
[[nodiscard]] const QList<Facet> &allFacets();
[[nodiscard]] QString nationalRegion(); // "national": the region value of an item tagged with no region

struct SearchQuery
{
    // Words as typed: every word must occur; "quoted words" must occur together; the last
    // word is a prefix while it is being typed (nothing follows it, not even a space);
    // other characters only separate words, so no input is an error. No words: everything,
    // ordered by title.
    QString text;
    std::map<Facet, QStringList> filters;  // values of one facet are alternatives (OR); facets combine (AND)
    int limit = 50;
    int offset = 0;
};

struct SearchHit
{
    QUuid id;
    model::ItemType type = model::ItemType::Page;
    model::WorkflowState state = model::WorkflowState::Draft;
    QString title;
    QString snippet; // matched words marked with [ and ] (views turn them into highlighting);
                     // the content's own brackets appear as ( and )
    double score = 0;
};

struct FacetCount
{
    QString value; // term slug, item type name or state name
    qint64 count = 0;
};

struct SearchResult
{
    QList<SearchHit> hits;
    qint64 total = 0;
    // For each facet: counts of items matching the text and every filter of the OTHER
    // facets, so a person sees what each choice would give. Values with a count, most
    // first (then by value); a selected value is listed even when its count is zero.
    std::map<Facet, QList<FacetCount>> facets;
};

// The index lives in the replica's SQLite database. The replica calls index()/remove()
// inside its own write transactions, so the index is always in step with the items.
class SearchIndex
{
public:
    explicit SearchIndex(QString connectionName); // a QSqlDatabase connection owned by the replica
    ~SearchIndex();
    SearchIndex(const SearchIndex &) = delete;
    SearchIndex &operator=(const SearchIndex &) = delete;

    [[nodiscard]] model::Result<model::Done> createSchema(); // idempotent; part of the replica's migrations
    [[nodiscard]] model::Result<model::Done> load();         // after open: build any in-memory structures
    // Stores the index's rows as one blob beside them (when the stored one is older), which
    // load() reads in one sweep instead of row by row from all over the file: a cold start
    // reads a few large runs rather than thousands of scattered pages. Done at a clean close.
    [[nodiscard]] model::Result<model::Done> saveSnapshot();
    // Drops and recreates the search tables, empty: when load() says the index is damaged
    // or of another format, clear() and index() every item again.
    [[nodiscard]] model::Result<model::Done> clear();
    [[nodiscard]] model::Result<model::Done> index(const model::Item &item);
    [[nodiscard]] model::Result<model::Done> remove(const QUuid &id);
    [[nodiscard]] model::Result<SearchResult> search(const SearchQuery &query) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace carta::replica
