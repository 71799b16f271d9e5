// The list and filter models over a real replica: pages load as the view asks for them,
// search and facets narrow the list, facet counts follow the other facets' filters, the
// drafts and conflicts scopes list the person's own work, and the models stay consistent.
#include "apptestsupport.h"

#include "models/facetmodel.h"
#include "models/itemlistmodel.h"
#include "models/navigationmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;
using replica::Facet;

class tst_ItemListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesLoadOnDemand();
    void searchAndFacetsNarrow();
    void facetModelChecksAndKeepsSelection();
    void draftsScopeListsUnsentWork();
    void savedItemUpdatesItsRow();
    void navigationCounts();

private:
    carta::testing::TempReplica m_file;
    std::unique_ptr<replica::Replica> m_replica;
    QList<Item> m_pulled;
};

void tst_ItemListModel::initTestCase()
{
    carta::testing::isolateSettings("itemlistmodel");
    m_replica = m_file.openReplica();
    // 240 synced pages in three regions, a few with "cardiology" in the title.
    for (int i = 0; i < 240; ++i) {
        const QString region = i % 3 == 0 ? S("london") : (i % 3 == 1 ? S("north-west") : S("midlands"));
        const QString topic = i % 40 == 0 ? S("Cardiology") : S("General practice");
        m_pulled.append(carta::testing::page(S("%1 training %2").arg(topic).arg(i, 3, 10, QLatin1Char('0')),
                                             S("page-%1").arg(i), QString(), {region}));
    }
    m_pulled.append(carta::testing::ofType(ItemType::Term, S("London"), S("london")));
    m_pulled.last().as<TermFields>().vocabulary = Vocabulary::Region;
    carta::testing::pull(*m_replica, m_pulled);
}

void tst_ItemListModel::pagesLoadOnDemand()
{
    // (No QAbstractItemModelTester here: it fetches every page itself.)
    ItemListModel model(*m_replica);
    model.setPageSize(100);
    model.setQuery(QString(), {});
    QCOMPARE(model.total(), 241);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 241);
    QVERIFY(!model.canFetchMore({}));
    // Ordered by title when nothing is typed.
    QCOMPARE(model.index(0, ItemListModel::TitleColumn).data().toString(), S("Cardiology training 000"));
    QCOMPARE(model.index(0, ItemListModel::TypeColumn).data().toString(), S("Page"));
    QCOMPARE(model.index(0, ItemListModel::StateColumn).data().toString(), S("Draft"));
    QCOMPARE(model.index(0, ItemListModel::ChangesColumn).data().toString(), QString());
}

void tst_ItemListModel::searchAndFacetsNarrow()
{
    ItemListModel model(*m_replica);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy results(&model, &ItemListModel::resultsChanged);
    model.setQuery(S("cardio"), {});
    QCOMPARE(results.count(), 1);
    QCOMPARE(model.total(), 6);
    QCOMPARE(model.rowCount(), 6);
    // Counts of a facet follow the text and the other facets' filters.
    const auto regions = model.facets().at(Facet::Region);
    qint64 london = 0;
    for (const replica::FacetCount &c : regions)
        if (c.value == S("london"))
            london = c.count;
    QCOMPARE(london, 2); // 0, 120 are london; 40, 160 north-west; 80, 200 midlands
    model.setQuery(S("cardio"), {{Facet::Region, {S("london")}}});
    QCOMPARE(model.rowCount(), 2);
    model.setQuery(S("cardio"), {{Facet::Region, {S("london"), S("midlands")}}});
    QCOMPARE(model.rowCount(), 4);
    model.setQuery(QString(), {{Facet::Type, {S("term")}}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ItemListModel::TypeColumn).data().toString(), S("Taxonomy term"));
}

void tst_ItemListModel::facetModelChecksAndKeepsSelection()
{
    ItemListModel list(*m_replica);
    FacetModel facets;
    QAbstractItemModelTester tester(&facets, QAbstractItemModelTester::FailureReportingMode::QtTest);
    facets.setTermTitles({{FacetModel::termKey(Facet::Region, S("london")), S("London")}});
    list.setQuery(QString(), {});
    facets.setCounts(list.facets());
    const QModelIndex london = facets.valueIndex(Facet::Region, S("london"));
    QVERIFY(london.isValid());
    QCOMPARE(london.data().toString(), S("London (80)"));
    QCOMPARE(facets.valueIndex(Facet::Region, S("north-west")).data().toString(), S("North west (80)"));
    QCOMPARE(london.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);

    QSignalSpy selection(&facets, &FacetModel::selectionChanged);
    QVERIFY(facets.setData(london, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(selection.count(), 1);
    QCOMPARE(facets.selection().at(Facet::Region), QStringList{S("london")});
    list.setQuery(S("cardio"), facets.selection());
    facets.setCounts(list.facets());
    QCOMPARE(list.rowCount(), 2);
    // Still checked after new counts; another facet's values counted within the filter.
    QCOMPARE(facets.valueIndex(Facet::Region, S("london")).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(facets.valueIndex(Facet::Type, S("page")).data(FacetModel::CountRole).toLongLong(), 2);

    // A checked value nothing matches any more stays listed, so it can be unchecked.
    list.setQuery(S("zzzz"), facets.selection());
    facets.setCounts(list.facets());
    QCOMPARE(list.rowCount(), 0);
    const QModelIndex stale = facets.valueIndex(Facet::Region, S("london"));
    QVERIFY(stale.isValid());
    QVERIFY(facets.setData(stale, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(facets.selection().empty());
}

void tst_ItemListModel::draftsScopeListsUnsentWork()
{
    carta::testing::TempReplica file;
    auto replica = file.openReplica();
    carta::testing::pull(*replica, {m_pulled[0], m_pulled[1], m_pulled[2]});
    Item edited = m_pulled[1];
    edited.title = S("General practice training, revised");
    carta::testing::save(*replica, edited);
    carta::testing::save(*replica, carta::testing::page(S("A new regional hub"), S("new-hub"), QString(), {S("london")}));

    ItemListModel model(*replica);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(ListScope::Drafts, QString(), {});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ItemListModel::TitleColumn).data().toString(), S("A new regional hub"));
    QCOMPARE(model.index(1, ItemListModel::TitleColumn).data().toString(), S("General practice training, revised"));
    QCOMPARE(model.index(1, ItemListModel::ChangesColumn).data().toString(), S("Not sent"));
    QVERIFY(!model.canFetchMore({}));
    model.setQuery(ListScope::Drafts, S("hub"), {});
    QCOMPARE(model.rowCount(), 1);
    model.setQuery(ListScope::Drafts, QString(), {{Facet::Region, {S("north-west")}}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.facets().at(Facet::Region).size(), 2); // london 1, north-west 1: counts ignore the region filter
    model.setQuery(ListScope::Conflicts, QString(), {});
    QCOMPARE(model.rowCount(), 0);
    model.setQuery(ListScope::All, QString(), {});
    QCOMPARE(model.rowCount(), 4);
}

void tst_ItemListModel::savedItemUpdatesItsRow()
{
    carta::testing::TempReplica file;
    auto replica = file.openReplica();
    carta::testing::pull(*replica, {m_pulled[0], m_pulled[1]});
    ItemListModel model(*replica);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(QString(), {});
    const int row = model.rowOf(m_pulled[1].id);
    QVERIFY(row >= 0);
    Item edited = m_pulled[1];
    edited.title = S("Renamed");
    carta::testing::save(*replica, edited);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    model.noteSaved(edited);
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(model.index(row, ItemListModel::TitleColumn).data().toString(), S("Renamed"));
    QCOMPARE(model.index(row, ItemListModel::ChangesColumn).data().toString(), S("Not sent"));
}

void tst_ItemListModel::navigationCounts()
{
    NavigationModel navigation;
    QAbstractItemModelTester tester(&navigation, QAbstractItemModelTester::FailureReportingMode::QtTest);
    navigation.refresh(*m_replica, {{FacetModel::termKey(Facet::Region, S("london")), S("London")}});
    QCOMPARE(navigation.allItemsIndex().data().toString(), S("All items (241)"));
    const QModelIndex pages = navigation.find(ListScope::All, Facet::Type, S("page"));
    QVERIFY(pages.isValid());
    QCOMPARE(pages.data().toString(), S("Pages (240)"));
    const QModelIndex london = navigation.find(ListScope::All, Facet::Region, S("london"));
    QCOMPARE(london.data().toString(), S("London (80)"));
    QCOMPARE(navigation.find(ListScope::Drafts).data().toString(), S("My drafts (0)"));
    const NavigationEntry entry = NavigationModel::entry(london);
    QCOMPARE(entry.scope, ListScope::All);
    QCOMPARE(entry.facet, std::optional<Facet>(Facet::Region));
    QCOMPARE(entry.value, S("london"));
    // A second refresh keeps the rows (and so a view's selection).
    const QPersistentModelIndex kept(london);
    navigation.refresh(*m_replica, {{FacetModel::termKey(Facet::Region, S("london")), S("London")}});
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data().toString(), S("London (80)"));
}

QTEST_MAIN(tst_ItemListModel)
#include "tst_itemlistmodel.moc"
