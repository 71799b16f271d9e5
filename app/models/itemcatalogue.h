// What editors offer to pick from: the taxonomy terms of each vocabulary (for type-ahead
// pickers), and items of a type by title (portals for pathway stages, policies, resources
// and pathways for reference paragraphs). Terms and portals are read once from the
// replica (a few hundred items even at ×10); other items are found through the
// replica's search when asked, so opening an editor never reads 100,000 items.
#pragma once

#include "model/item.h"
#include "replica/replica.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

namespace carta::app {

struct TermEntry
{
    QString slug;
    QString title;
    QString parent; // slug of the parent term; empty at top level
    int order = 0;
};

struct ItemEntry
{
    QUuid id;
    model::ItemType type = model::ItemType::Page;
    QString title;
};

class ItemCatalogue
{
public:
    ItemCatalogue() = default; // empty: no replica (tests of single widgets)
    explicit ItemCatalogue(const replica::Replica *replica);

    // Re-reads terms and portals (after a sync).
    void reload();

    // Terms of a vocabulary, by order then title.
    [[nodiscard]] QList<TermEntry> terms(model::Vocabulary vocabulary) const;
    // The term's title; empty when no such term is known.
    [[nodiscard]] QString termTitle(model::Vocabulary vocabulary, const QString &slug) const;
    [[nodiscard]] bool hasTerm(model::Vocabulary vocabulary, const QString &slug) const;

    // All portals, by title.
    [[nodiscard]] const QList<ItemEntry> &portals() const { return m_portals; }
    // Items of a type whose text matches (the replica's search; empty text: the first ones
    // by relevance), at most limit.
    [[nodiscard]] QList<ItemEntry> findItems(model::ItemType type, const QString &text, int limit = 50) const;
    // The title of any item in the replica; empty when unknown.
    [[nodiscard]] QString itemTitle(const QUuid &id) const;

    // For tests and for items created in this session.
    void addTerm(model::Vocabulary vocabulary, const TermEntry &term);
    void addPortal(const ItemEntry &portal);

private:
    const replica::Replica *m_replica = nullptr;
    QHash<int, QList<TermEntry>> m_terms; // by model::Vocabulary
    QList<ItemEntry> m_portals;
};

} // namespace carta::app
