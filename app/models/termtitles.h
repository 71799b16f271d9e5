// Titles of the taxonomy terms in the replica, so facets and navigation show "North East
// and Yorkshire" rather than the slug north-east-and-yorkshire.
#pragma once

#include "replica/replica.h"

#include <QHash>
#include <QString>

namespace carta::app {

// Keys are FacetModel::termKey(facet, slug); vocabularies that are not facets are left out.
[[nodiscard]] QHash<QString, QString> loadTermTitles(const replica::Replica &replica);

} // namespace carta::app
