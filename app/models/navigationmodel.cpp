#include "models/navigationmodel.h"

#include "models/facetmodel.h"
#include "models/labels.h"

#include <QLocale>

namespace carta::app {

using replica::Facet;

NavigationModel::NavigationModel(QObject *parent) : QStandardItemModel(parent)
{
    m_all = makeEntry(tr("All items"), ListScope::All);
    m_byType = makeEntry(tr("By type"), ListScope::All);
    m_byRegion = makeEntry(tr("By region"), ListScope::All);
    m_inReview = makeEntry(tr("In review"), ListScope::All, Facet::State, model::toString(model::WorkflowState::InReview));
    m_drafts = makeEntry(tr("My drafts"), ListScope::Drafts);
    m_drafts->setToolTip(tr("Items you changed that are not yet sent to the server"));
    m_conflicts = makeEntry(tr("Conflicts"), ListScope::Conflicts);
    m_conflicts->setToolTip(tr("Items changed here and on the server in ways that need you to decide"));
    for (QStandardItem *item : {m_all, m_byType, m_byRegion, m_inReview, m_drafts, m_conflicts})
        appendRow(item);
    // The group rows only hold their children.
    for (QStandardItem *group : {m_byType, m_byRegion})
        group->setSelectable(false);
}

QStandardItem *NavigationModel::makeEntry(const QString &label, ListScope scope, std::optional<Facet> facet, const QString &value)
{
    auto *item = new QStandardItem(label);
    item->setEditable(false);
    item->setData(int(scope), ScopeRole);
    item->setData(facet ? replica::toString(*facet) : QString(), FacetRole);
    item->setData(value, ValueRole);
    item->setData(label, LabelRole);
    return item;
}

void NavigationModel::setCount(QStandardItem *item, qint64 count)
{
    const QString label = item->data(LabelRole).toString();
    item->setText(tr("%1 (%2)").arg(label, QLocale().toString(count)));
    item->setData(tr("%1, %Ln item(s)", nullptr, int(count)).arg(label), Qt::AccessibleTextRole);
}

void NavigationModel::syncChildren(QStandardItem *parent, Facet facet, const QList<replica::FacetCount> &counts,
                                   const QHash<QString, QString> &termTitles)
{
    // Sorted by label, so the list reads like an index rather than by size.
    QList<std::pair<QString, replica::FacetCount>> labelled;
    for (const replica::FacetCount &c : counts)
        labelled.append({termTitles.value(FacetModel::termKey(facet, c.value), Labels::facetValue(facet, c.value)), c});
    std::sort(labelled.begin(), labelled.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    for (int i = 0; i < labelled.size(); ++i) {
        const auto &[label, count] = labelled.at(i);
        QStandardItem *child = i < parent->rowCount() ? parent->child(i) : nullptr;
        if (!child || child->data(ValueRole).toString() != count.value) {
            // Rows that no longer match are replaced; unchanged ones keep their selection.
            if (child)
                parent->removeRows(i, parent->rowCount() - i);
            child = makeEntry(label, ListScope::All, facet, count.value);
            parent->appendRow(child);
        }
        child->setData(label, LabelRole);
        setCount(child, count.count);
    }
    if (parent->rowCount() > labelled.size())
        parent->removeRows(int(labelled.size()), parent->rowCount() - int(labelled.size()));
}

void NavigationModel::refresh(replica::Replica &replica, const QHash<QString, QString> &termTitles)
{
    replica::SearchQuery everything;
    everything.limit = 1;
    if (auto result = replica.search(everything)) {
        const replica::SearchResult &r = result.value();
        setCount(m_all, r.total);
        const auto counts = [&](Facet f) {
            const auto found = r.facets.find(f);
            return found == r.facets.end() ? QList<replica::FacetCount>() : found->second;
        };
        // Types in the order of the model, not by label: curricula and pathways first.
        QList<replica::FacetCount> types;
        const QList<replica::FacetCount> typeCounts = counts(Facet::Type);
        for (model::ItemType type : model::allItemTypes())
            for (const replica::FacetCount &c : typeCounts)
                if (c.value == model::toString(type))
                    types.append(c);
        for (int i = 0; i < types.size(); ++i) {
            const replica::FacetCount &c = types.at(i);
            QStandardItem *child = i < m_byType->rowCount() ? m_byType->child(i) : nullptr;
            if (!child || child->data(ValueRole).toString() != c.value) {
                if (child)
                    m_byType->removeRows(i, m_byType->rowCount() - i);
                const auto type = model::itemTypeFromString(c.value);
                child = makeEntry(type ? Labels::itemTypePlural(*type) : c.value, ListScope::All, Facet::Type, c.value);
                m_byType->appendRow(child);
            }
            setCount(child, c.count);
        }
        if (m_byType->rowCount() > types.size())
            m_byType->removeRows(int(types.size()), m_byType->rowCount() - int(types.size()));
        syncChildren(m_byRegion, Facet::Region, counts(Facet::Region), termTitles);
        qint64 inReview = 0;
        for (const replica::FacetCount &c : counts(Facet::State))
            if (c.value == model::toString(model::WorkflowState::InReview))
                inReview = c.count;
        setCount(m_inReview, inReview);
    }
    if (auto status = replica.status(replica::Replica::StatusCount::PendingOnly)) {
        setCount(m_drafts, status.value().dirty);
        setCount(m_conflicts, status.value().conflicts);
    }
}

NavigationEntry NavigationModel::entry(const QModelIndex &index)
{
    NavigationEntry e;
    if (!index.isValid())
        return e;
    e.scope = static_cast<ListScope>(index.data(ScopeRole).toInt());
    e.facet = replica::facetFromString(index.data(FacetRole).toString());
    e.value = index.data(ValueRole).toString();
    return e;
}

QModelIndex NavigationModel::allItemsIndex() const
{
    return m_all->index();
}

QModelIndex NavigationModel::find(ListScope scope, std::optional<Facet> facet, const QString &value) const
{
    const QString facetName = facet ? replica::toString(*facet) : QString();
    for (QStandardItem *top : {m_all, m_byType, m_byRegion, m_inReview, m_drafts, m_conflicts}) {
        QList<QStandardItem *> candidates{top};
        for (int i = 0; i < top->rowCount(); ++i)
            candidates.append(top->child(i));
        for (QStandardItem *c : candidates)
            if (c->isSelectable() && c->data(ScopeRole).toInt() == int(scope) && c->data(FacetRole).toString() == facetName
                && c->data(ValueRole).toString() == value)
                return c->index();
    }
    return {};
}

} // namespace carta::app
