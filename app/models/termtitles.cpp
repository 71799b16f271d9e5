#include "models/termtitles.h"

#include "models/facetmodel.h"

namespace carta::app {

namespace {

std::optional<replica::Facet> facetOf(model::Vocabulary vocabulary)
{
    switch (vocabulary) {
    case model::Vocabulary::Profession: return replica::Facet::Profession;
    case model::Vocabulary::Specialty: return replica::Facet::Specialty;
    case model::Vocabulary::Region: return replica::Facet::Region;
    case model::Vocabulary::CareerStage: return replica::Facet::CareerStage;
    case model::Vocabulary::ClinicalArea: return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

QHash<QString, QString> loadTermTitles(const replica::Replica &replica)
{
    QHash<QString, QString> titles;
    replica::SearchQuery query;
    query.filters[replica::Facet::Type] = {model::toString(model::ItemType::Term)};
    query.limit = 500;
    for (;;) {
        auto page = replica.search(query);
        if (!page || page.value().hits.isEmpty())
            break;
        for (const replica::SearchHit &hit : page.value().hits) {
            auto local = replica.item(hit.id);
            if (!local || !local.value())
                continue;
            auto item = local.value()->item();
            if (!item)
                continue;
            const auto *term = item.value().tryAs<model::TermFields>();
            if (!term)
                continue;
            if (const auto facet = facetOf(term->vocabulary))
                titles.insert(FacetModel::termKey(*facet, item.value().slug), item.value().title);
        }
        query.offset += int(page.value().hits.size());
        if (query.offset >= page.value().total)
            break;
    }
    return titles;
}

} // namespace carta::app
