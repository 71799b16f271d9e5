#include "models/itemcatalogue.h"

#include <algorithm>

namespace carta::app {

namespace {

// Every item of a type in the replica, page by page through the search's type facet.
template<typename Visit>
void forEachItemOfType(const replica::Replica &replica, model::ItemType type, Visit visit)
{
    replica::SearchQuery query;
    query.filters[replica::Facet::Type] = {model::toString(type)};
    query.limit = 500;
    for (;;) {
        auto page = replica.search(query);
        if (!page || page.value().hits.isEmpty())
            return;
        for (const replica::SearchHit &hit : page.value().hits) {
            auto local = replica.item(hit.id);
            if (!local || !local.value() || local.value()->deleted)
                continue;
            auto item = local.value()->item();
            if (item)
                visit(item.value());
        }
        query.offset += int(page.value().hits.size());
        if (query.offset >= page.value().total)
            return;
    }
}

void sortTerms(QList<TermEntry> &terms)
{
    std::sort(terms.begin(), terms.end(), [](const TermEntry &a, const TermEntry &b) {
        if (a.order != b.order)
            return a.order < b.order;
        return QString::localeAwareCompare(a.title, b.title) < 0;
    });
}

} // namespace

ItemCatalogue::ItemCatalogue(const replica::Replica *replica) : m_replica(replica)
{
    reload();
}

void ItemCatalogue::reload()
{
    if (!m_replica)
        return;
    m_terms.clear();
    m_portals.clear();
    forEachItemOfType(*m_replica, model::ItemType::Term, [this](const model::Item &item) {
        const auto &fields = item.as<model::TermFields>();
        m_terms[int(fields.vocabulary)].append(TermEntry{item.slug, item.title, fields.parent, fields.order});
    });
    for (auto &list : m_terms)
        sortTerms(list);
    forEachItemOfType(*m_replica, model::ItemType::Portal, [this](const model::Item &item) {
        m_portals.append(ItemEntry{item.id, model::ItemType::Portal, item.title});
    });
    std::sort(m_portals.begin(), m_portals.end(), [](const ItemEntry &a, const ItemEntry &b) {
        return QString::localeAwareCompare(a.title, b.title) < 0;
    });
}

QList<TermEntry> ItemCatalogue::terms(model::Vocabulary vocabulary) const
{
    return m_terms.value(int(vocabulary));
}

QString ItemCatalogue::termTitle(model::Vocabulary vocabulary, const QString &slug) const
{
    for (const TermEntry &term : m_terms.value(int(vocabulary)))
        if (term.slug == slug)
            return term.title;
    return QString();
}

bool ItemCatalogue::hasTerm(model::Vocabulary vocabulary, const QString &slug) const
{
    const auto it = m_terms.constFind(int(vocabulary));
    return it != m_terms.constEnd()
        && std::any_of(it->cbegin(), it->cend(), [&](const TermEntry &t) { return t.slug == slug; });
}

QList<ItemEntry> ItemCatalogue::findItems(model::ItemType type, const QString &text, int limit) const
{
    QList<ItemEntry> found;
    if (type == model::ItemType::Portal && text.trimmed().isEmpty()) {
        found = m_portals.mid(0, limit);
        return found;
    }
    if (!m_replica)
        return found;
    replica::SearchQuery query;
    query.text = text;
    query.filters[replica::Facet::Type] = {model::toString(type)};
    query.limit = limit;
    auto result = m_replica->search(query);
    if (!result)
        return found;
    for (const replica::SearchHit &hit : result.value().hits)
        found.append(ItemEntry{hit.id, hit.type, hit.title});
    return found;
}

QString ItemCatalogue::itemTitle(const QUuid &id) const
{
    for (const ItemEntry &portal : m_portals)
        if (portal.id == id)
            return portal.title;
    if (!m_replica || id.isNull())
        return QString();
    auto local = m_replica->item(id);
    if (!local || !local.value())
        return QString();
    auto item = local.value()->item();
    return item ? item.value().title : QString();
}

void ItemCatalogue::addTerm(model::Vocabulary vocabulary, const TermEntry &term)
{
    m_terms[int(vocabulary)].append(term);
    sortTerms(m_terms[int(vocabulary)]);
}

void ItemCatalogue::addPortal(const ItemEntry &portal)
{
    m_portals.append(portal);
}

} // namespace carta::app
