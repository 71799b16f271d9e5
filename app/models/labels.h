// Names a person reads for the wire names of carta_model and carta_replica (types, states,
// facets, vocabularies, paragraph kinds), all through tr().
#pragma once

#include "model/item.h"
#include "replica/search.h"

#include <QCoreApplication>
#include <QString>

namespace carta::app {

class Labels
{
    Q_DECLARE_TR_FUNCTIONS(Labels)

public:
    [[nodiscard]] static QString itemType(model::ItemType type);
    [[nodiscard]] static QString itemTypePlural(model::ItemType type);
    [[nodiscard]] static QString state(model::WorkflowState state);
    [[nodiscard]] static QString facet(replica::Facet facet);
    [[nodiscard]] static QString vocabulary(model::Vocabulary vocabulary);
    [[nodiscard]] static QString vocabularyPlural(model::Vocabulary vocabulary);
    [[nodiscard]] static QString paragraphKind(model::ParagraphKind kind);
    // A facet value as shown: type and state names translated, "national" translated,
    // term slugs humanised ("north-east" -> "North east") when no title is known.
    [[nodiscard]] static QString facetValue(replica::Facet facet, const QString &value);
    [[nodiscard]] static QString humanizeSlug(const QString &slug);
};

} // namespace carta::app
