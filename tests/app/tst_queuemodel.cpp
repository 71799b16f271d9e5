// The moderation queue over a real replica: only items in review, approved or with
// changes requested (by their latest revision, not deleted) are in it; each filter
// narrows it, counts per state follow the other filters; the view sorts, filters through
// its menus as a person would, opens the chosen item and keeps it selected across reloads.
#include "apptestsupport.h"

#include "models/itemcatalogue.h"
#include "models/queuemodel.h"
#include "widgets/queueview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

// The time waiting is measured to, in every test.
const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

QDateTime ago(qint64 seconds)
{
    return kNow.addSecs(-seconds);
}

constexpr qint64 kHour = 60 * 60;
constexpr qint64 kDay = 24 * kHour;

struct Seed
{
    const char *key;
    ItemType type;
    WorkflowState state;
    QStringList regions;
    QStringList professions;
    const char *changedBy;
    qint64 waited; // seconds; < 0: the server did not say when
};

// Wire names, so that QCOMPARE can print a difference.
template<typename Enum>
QStringList names(const QList<Enum> &values)
{
    QStringList list;
    for (Enum value : values)
        list.append(toString(value));
    return list;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class tst_QueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void holdsOnlyItemsAwaitingAction();
    void rowsShowTheEntry();
    void filters_data();
    void filters();
    void countsFollowTheOtherFilters();
    void menusListTheWholeQueue();
    void waitingText_data();
    void waitingText();

    void viewSortsByWaitingThenByTitle();
    void reviewerSeesWhatIsInReview();
    void menusNarrowTheTable();
    void emptyQueueSaysSo();
    void enterAndDoubleClickOpen();
    void reloadKeepsFiltersAndSelection();
    void regionsNamedByTheCatalogue();

private:
    void pullSeeds(const QList<Seed> &seeds);
    void pullChange(const Item &item, const QString &changedBy, const QDateTime &changedAt);
    QStringList keysOf(const QAbstractItemModel &model) const;
    QString keyOf(const QUuid &id) const { return m_keys.value(id); }
    [[nodiscard]] static QueueFilter filterOf(const QString &states, const QString &type, const QString &region,
                                              const QString &profession, const QString &author, int minDays);

    std::unique_ptr<carta::testing::TempReplica> m_file;
    std::unique_ptr<replica::Replica> m_replica;
    QHash<QString, Item> m_items;  // by key
    QHash<QUuid, QString> m_keys;  // id -> key
    qint64 m_seq = 0;
};

void tst_QueueModel::initTestCase()
{
    carta::testing::isolateSettings("queuemodel");
}

void tst_QueueModel::init()
{
    m_file = std::make_unique<carta::testing::TempReplica>();
    m_replica = m_file->openReplica();
    m_items.clear();
    m_keys.clear();
    m_seq = 0;
    using T = ItemType;
    using W = WorkflowState;
    const QStringList none;
    pullSeeds({
        // In the queue.
        {"cardiology", T::Curriculum, W::InReview, {S("london")}, {S("doctors")}, "alice", 10 * kDay},
        {"nursing", T::Pathway, W::InReview, none, {S("nurses")}, "bob", 2 * kDay},
        {"gp", T::Page, W::InReview, {S("north-west")}, {S("doctors")}, "alice", 5 * kHour},
        {"pharmacy", T::FundingGuide, W::Approved, {S("midlands")}, {S("pharmacists")}, "carol", 8 * kDay},
        {"radiology", T::Policy, W::Approved, none, {S("doctors")}, "bob", kDay + kHour},
        {"midwifery", T::News, W::ChangesRequested, {S("london")}, {S("midwives")}, "alice", 3 * kDay},
        {"dental", T::Resource, W::ChangesRequested, {S("north-west"), S("london")}, {S("dentists")}, "dave", 40 * kDay},
        {"surgery", T::Bulletin, W::InReview, {S("midlands")}, {S("doctors")}, "carol", 30 * 60},
        {"oriel", T::Portal, W::Approved, none, none, "", -1},
        // Not in the queue.
        {"draft", T::Page, W::Draft, {S("london")}, {S("doctors")}, "alice", 20 * kDay},
        {"published", T::Page, W::Published, none, {S("doctors")}, "erin", 20 * kDay},
        {"archived", T::Curriculum, W::Archived, {S("london")}, none, "erin", 20 * kDay},
        {"draftpathway", T::Pathway, W::Draft, none, {S("nurses")}, "bob", 20 * kDay},
        {"publishednews", T::News, W::Published, {S("midlands")}, none, "carol", 20 * kDay},
        {"withdrawn", T::Page, W::InReview, {S("london")}, {S("doctors")}, "alice", 4 * kDay},
        {"reworked", T::Page, W::InReview, {S("london")}, {S("doctors")}, "alice", 4 * kDay},
    });
    // Deleted here, not yet pushed: out of the queue.
    auto deleted = m_replica->deleteItem(m_items.value(S("withdrawn")).id);
    QVERIFY2(deleted.ok(), qPrintable(deleted.errorString()));
    // Edited here back to a draft: the latest revision decides.
    Item reworked = m_items.value(S("reworked"));
    reworked.state = WorkflowState::Draft;
    reworked.title = S("Reworked page, draft again");
    carta::testing::save(*m_replica, reworked);
}

void tst_QueueModel::cleanup()
{
    m_replica.reset();
    m_file.reset();
}

void tst_QueueModel::pullSeeds(const QList<Seed> &seeds)
{
    QList<replica::ServerChange> changes;
    for (const Seed &seed : seeds) {
        const QString key = S(seed.key);
        Item item = Item::create(seed.type);
        item.title = key.at(0).toUpper() + key.mid(1) + S(" item");
        item.slug = key;
        item.state = seed.state;
        item.tags.regions = seed.regions;
        item.tags.professions = seed.professions;
        m_items.insert(key, item);
        m_keys.insert(item.id, key);
        replica::ServerChange change;
        change.seq = ++m_seq;
        change.id = item.id;
        change.bytes = serialize(item);
        change.revision = revisionId(change.bytes);
        if (seed.state == WorkflowState::Published) {
            change.liveRevision = change.revision;
        }
        change.changedBy = S(seed.changedBy);
        change.changedAt = seed.waited < 0 ? QDateTime() : ago(seed.waited);
        changes.append(change);
    }
    auto applied = m_replica->applyPulled(changes, m_seq);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

void tst_QueueModel::pullChange(const Item &item, const QString &changedBy, const QDateTime &changedAt)
{
    replica::ServerChange change;
    change.seq = ++m_seq;
    change.id = item.id;
    change.bytes = serialize(item);
    change.revision = revisionId(change.bytes);
    change.changedBy = changedBy;
    change.changedAt = changedAt;
    auto applied = m_replica->applyPulled({change}, m_seq);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

// The keys of the rows, in the model's order.
QStringList tst_QueueModel::keysOf(const QAbstractItemModel &model) const
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys.append(keyOf(model.index(row, 0).data(QueueModel::IdRole).toUuid()));
    return keys;
}

QueueFilter tst_QueueModel::filterOf(const QString &states, const QString &type, const QString &region,
                                     const QString &profession, const QString &author, int minDays)
{
    QueueFilter filter;
    for (const QString &name : states.split(QLatin1Char(','), Qt::SkipEmptyParts))
        filter.states.append(workflowStateFromString(name).value());
    if (!type.isEmpty())
        filter.type = itemTypeFromString(type).value();
    filter.region = region;
    filter.profession = profession;
    filter.author = author;
    filter.minWaitingDays = minDays;
    return filter;
}

void tst_QueueModel::holdsOnlyItemsAwaitingAction()
{
    QueueModel model(*m_replica);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(&model, &QueueModel::countsChanged);
    model.reload(kNow);
    QCOMPARE(counts.count(), 1);
    QCOMPARE(sorted(keysOf(model)), sorted({S("cardiology"), S("nursing"), S("gp"), S("pharmacy"), S("radiology"),
                                            S("midwifery"), S("dental"), S("surgery"), S("oriel")}));
    QCOMPARE(model.countFor(WorkflowState::InReview), 4);
    QCOMPARE(model.countFor(WorkflowState::Approved), 3);
    QCOMPARE(model.countFor(WorkflowState::ChangesRequested), 2);
    QCOMPARE(model.countFor(WorkflowState::Draft), 0);
    QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
    QCOMPARE(names(QueueModel::queueStates()), (QStringList{S("in_review"), S("approved"), S("changes_requested")}));
    // idAt / rowOf / entryAt agree.
    const QUuid dental = m_items.value(S("dental")).id;
    const int row = model.rowOf(dental);
    QVERIFY(row >= 0);
    QCOMPARE(model.idAt(row), dental);
    QCOMPARE(model.entryAt(row)->changedBy, S("dave"));
    QCOMPARE(model.entryAt(row)->changedAt, ago(40 * kDay));
    QCOMPARE(model.rowOf(m_items.value(S("draft")).id), -1);
    QCOMPARE(model.idAt(99), QUuid());
    QVERIFY(!model.entryAt(-1));
}

void tst_QueueModel::rowsShowTheEntry()
{
    QueueModel model(*m_replica);
    model.reload(kNow);
    const auto cell = [&](const char *key, int column, int role = Qt::DisplayRole) {
        return model.index(model.rowOf(m_items.value(S(key)).id), column).data(role);
    };
    QCOMPARE(cell("cardiology", QueueModel::TitleColumn).toString(), S("Cardiology item"));
    QCOMPARE(cell("cardiology", QueueModel::TypeColumn).toString(), S("Curriculum"));
    QCOMPARE(cell("cardiology", QueueModel::StateColumn).toString(), S("In review"));
    QCOMPARE(cell("cardiology", QueueModel::RegionColumn).toString(), S("London"));
    QCOMPARE(cell("cardiology", QueueModel::ChangedByColumn).toString(), S("alice"));
    QCOMPARE(cell("cardiology", QueueModel::WaitingColumn).toString(), S("10 days"));
    QCOMPARE(cell("cardiology", QueueModel::WaitingColumn, QueueModel::SortRole).toLongLong(), 10 * kDay);
    QCOMPARE(cell("cardiology", QueueModel::TitleColumn, QueueModel::StateRole).toString(), S("in_review"));
    QCOMPARE(cell("nursing", QueueModel::RegionColumn).toString(), S("National"));
    QCOMPARE(cell("dental", QueueModel::RegionColumn).toString(), S("London, North west"));
    QCOMPARE(cell("dental", QueueModel::StateColumn).toString(), S("Changes requested"));
    QCOMPARE(cell("gp", QueueModel::WaitingColumn).toString(), S("5 hours"));
    // Unknown: who and when are blank, and an unknown wait sorts after every known one.
    QCOMPARE(cell("oriel", QueueModel::ChangedByColumn).toString(), QString());
    QCOMPARE(cell("oriel", QueueModel::WaitingColumn).toString(), QString());
    QVERIFY(cell("oriel", QueueModel::WaitingColumn, QueueModel::SortRole).toLongLong() < 0);
    QCOMPARE(model.headerData(QueueModel::WaitingColumn, Qt::Horizontal, Qt::DisplayRole).toString(), S("Waiting"));
    QCOMPARE(model.headerData(QueueModel::ChangedByColumn, Qt::Horizontal, Qt::DisplayRole).toString(), S("Changed by"));
}

void tst_QueueModel::filters_data()
{
    QTest::addColumn<QString>("states");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("profession");
    QTest::addColumn<QString>("author");
    QTest::addColumn<int>("minDays");
    QTest::addColumn<QStringList>("expected");

    const QString any;
    QTest::newRow("none") << any << any << any << any << any << 0
                          << QStringList{S("cardiology"), S("nursing"), S("gp"), S("pharmacy"), S("radiology"),
                                         S("midwifery"), S("dental"), S("surgery"), S("oriel")};
    QTest::newRow("in review") << S("in_review") << any << any << any << any << 0
                               << QStringList{S("cardiology"), S("nursing"), S("gp"), S("surgery")};
    QTest::newRow("approved or changes requested")
        << S("approved,changes_requested") << any << any << any << any << 0
        << QStringList{S("pharmacy"), S("radiology"), S("oriel"), S("midwifery"), S("dental")};
    QTest::newRow("type curriculum") << any << S("curriculum") << any << any << any << 0 << QStringList{S("cardiology")};
    QTest::newRow("type page: no drafts, published or deleted")
        << any << S("page") << any << any << any << 0 << QStringList{S("gp")};
    QTest::newRow("type term: none") << any << S("term") << any << any << any << 0 << QStringList{};
    QTest::newRow("region london") << any << any << S("london") << any << any << 0
                                   << QStringList{S("cardiology"), S("midwifery"), S("dental")};
    QTest::newRow("region national") << any << any << S("national") << any << any << 0
                                     << QStringList{S("nursing"), S("radiology"), S("oriel")};
    QTest::newRow("region north-west") << any << any << S("north-west") << any << any << 0
                                       << QStringList{S("gp"), S("dental")};
    QTest::newRow("profession doctors") << any << any << any << S("doctors") << any << 0
                                        << QStringList{S("cardiology"), S("gp"), S("radiology"), S("surgery")};
    QTest::newRow("author alice") << any << any << any << any << S("alice") << 0
                                  << QStringList{S("cardiology"), S("gp"), S("midwifery")};
    QTest::newRow("author bob") << any << any << any << any << S("bob") << 0
                                << QStringList{S("nursing"), S("radiology")};
    QTest::newRow("waiting a day") << any << any << any << any << any << 1
                                   << QStringList{S("cardiology"), S("nursing"), S("pharmacy"), S("radiology"),
                                                  S("midwifery"), S("dental")};
    QTest::newRow("waiting a week") << any << any << any << any << any << 7
                                    << QStringList{S("cardiology"), S("pharmacy"), S("dental")};
    QTest::newRow("waiting 30 days") << any << any << any << any << any << 30 << QStringList{S("dental")};
    QTest::newRow("in review, doctors") << S("in_review") << any << any << S("doctors") << any << 0
                                        << QStringList{S("cardiology"), S("gp"), S("surgery")};
    QTest::newRow("london, a week") << any << any << S("london") << any << any << 7
                                    << QStringList{S("cardiology"), S("dental")};
    QTest::newRow("alice, changes requested") << S("changes_requested") << any << any << any << S("alice") << 0
                                              << QStringList{S("midwifery")};
    QTest::newRow("national, doctors, approved, bob, a day")
        << S("approved") << S("policy") << S("national") << S("doctors") << S("bob") << 1 << QStringList{S("radiology")};
    QTest::newRow("nobody matches") << any << S("curriculum") << S("midlands") << any << any << 0 << QStringList{};
}

void tst_QueueModel::filters()
{
    QFETCH(QString, states);
    QFETCH(QString, type);
    QFETCH(QString, region);
    QFETCH(QString, profession);
    QFETCH(QString, author);
    QFETCH(int, minDays);
    QFETCH(QStringList, expected);

    QueueModel model(*m_replica);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload(kNow);
    model.setFilter(filterOf(states, type, region, profession, author, minDays));
    QCOMPARE(sorted(keysOf(model)), sorted(expected));
    // A reload keeps the filter.
    model.reload(kNow);
    QCOMPARE(sorted(keysOf(model)), sorted(expected));
}

void tst_QueueModel::countsFollowTheOtherFilters()
{
    QueueModel model(*m_replica);
    model.reload(kNow);
    QSignalSpy counts(&model, &QueueModel::countsChanged);

    model.setFilter(filterOf(QString(), QString(), QString(), S("doctors"), QString(), 0));
    QCOMPARE(counts.count(), 1);
    QCOMPARE(model.countFor(WorkflowState::InReview), 3);
    QCOMPARE(model.countFor(WorkflowState::Approved), 1);
    QCOMPARE(model.countFor(WorkflowState::ChangesRequested), 0);
    QCOMPARE(model.rowCount(), 4);

    // The state filter narrows the rows, not the counts.
    model.setFilter(filterOf(S("approved"), QString(), QString(), S("doctors"), QString(), 0));
    QCOMPARE(sorted(keysOf(model)), QStringList{S("radiology")});
    QCOMPARE(model.countFor(WorkflowState::InReview), 3);
    QCOMPARE(model.countFor(WorkflowState::Approved), 1);

    model.setFilter(filterOf(S("in_review"), QString(), S("london"), QString(), QString(), 7));
    QCOMPARE(sorted(keysOf(model)), QStringList{S("cardiology")});
    QCOMPARE(model.countFor(WorkflowState::InReview), 1);
    QCOMPARE(model.countFor(WorkflowState::Approved), 0);
    QCOMPARE(model.countFor(WorkflowState::ChangesRequested), 1); // dental, 40 days
}

void tst_QueueModel::menusListTheWholeQueue()
{
    QueueModel model(*m_replica);
    model.reload(kNow);
    model.setFilter(filterOf(S("in_review"), S("page"), QString(), QString(), QString(), 0)); // does not narrow them
    QCOMPARE(model.authors(), (QStringList{S("alice"), S("bob"), S("carol"), S("dave")}));
    QCOMPARE(model.regions(), (QStringList{S("london"), S("midlands"), S("national"), S("north-west")}));
    QCOMPARE(model.professions(),
             (QStringList{S("dentists"), S("doctors"), S("midwives"), S("nurses"), S("pharmacists")}));
    QCOMPARE(names(model.types()), (QStringList{S("curriculum"), S("pathway"), S("page"), S("resource"), S("news"),
                                                S("funding_guide"), S("policy"), S("portal"), S("bulletin")}));
}

void tst_QueueModel::waitingText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("now") << qint64(0) << S("just now");
    QTest::newRow("59 seconds") << qint64(59) << S("just now");
    QTest::newRow("in the future (clock skew)") << qint64(-300) << S("just now");
    QTest::newRow("a minute") << qint64(60) << S("1 minute");
    QTest::newRow("5 minutes") << qint64(5 * 60 + 30) << S("5 minutes");
    QTest::newRow("an hour") << kHour << S("1 hour");
    QTest::newRow("5 hours") << 5 * kHour + 59 * 60 << S("5 hours");
    QTest::newRow("23 hours") << 23 * kHour << S("23 hours");
    QTest::newRow("a day") << kDay << S("1 day");
    QTest::newRow("3 days") << 3 * kDay + 5 * kHour << S("3 days");
    QTest::newRow("40 days") << 40 * kDay << S("40 days");
}

void tst_QueueModel::waitingText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(QueueModel::waitingText(ago(seconds), kNow), expected);
    QCOMPARE(QueueModel::waitingText(QDateTime(), kNow), QString());
}

// ---- the view ----

void tst_QueueModel::viewSortsByWaitingThenByTitle()
{
    QueueView view(*m_replica, nullptr);
    view.reload(kNow);
    const QAbstractItemModel &table = *view.table()->model();
    QVERIFY(qobject_cast<const QSortFilterProxyModel *>(&table));
    // Longest waiting first; the unknown wait last.
    QCOMPARE(keysOf(table), (QStringList{S("dental"), S("cardiology"), S("pharmacy"), S("midwifery"), S("nursing"),
                                         S("radiology"), S("gp"), S("surgery"), S("oriel")}));
    QCOMPARE(view.table()->horizontalHeader()->sortIndicatorSection(), int(QueueModel::WaitingColumn));

    // A click on the Title header sorts by title.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QHeaderView *header = view.table()->horizontalHeader();
    const QPoint titleHeader(header->sectionViewportPosition(QueueModel::TitleColumn)
                                 + header->sectionSize(QueueModel::TitleColumn) / 2,
                             header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, titleHeader);
    QCOMPARE(header->sortIndicatorSection(), int(QueueModel::TitleColumn));
    QStringList titles;
    for (int row = 0; row < table.rowCount(); ++row)
        titles.append(table.index(row, QueueModel::TitleColumn).data().toString());
    QStringList expected = titles;
    std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    if (header->sortIndicatorOrder() == Qt::DescendingOrder)
        std::reverse(expected.begin(), expected.end());
    QCOMPARE(titles, expected);
    view.table()->sortByColumn(QueueModel::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(table.index(0, QueueModel::TitleColumn).data().toString(), S("Cardiology item"));
    QCOMPARE(table.index(8, QueueModel::TitleColumn).data().toString(), S("Surgery item"));

    // Waiting ascending: shortest first, the unknown wait before them.
    view.table()->sortByColumn(QueueModel::WaitingColumn, Qt::AscendingOrder);
    QCOMPARE(keysOf(table).mid(0, 3), (QStringList{S("oriel"), S("surgery"), S("gp")}));
}

void tst_QueueModel::reviewerSeesWhatIsInReview()
{
    QueueView view(*m_replica, nullptr);
    view.reload(kNow);
    QCOMPARE(view.table()->model()->rowCount(), 9);
    view.setUser(User{S("rita"), Role::Reviewer, {S("national")}, {}});
    QCOMPARE(view.stateFilter()->currentText(), S("In review (4)"));
    QCOMPARE(sorted(keysOf(*view.table()->model())),
             sorted({S("cardiology"), S("nursing"), S("gp"), S("surgery")}));

    view.setUser(User{S("paul"), Role::Publisher, {S("national")}, {}});
    QCOMPARE(view.stateFilter()->currentText(), S("All awaiting action (9)"));
    QCOMPARE(view.table()->model()->rowCount(), 9);
    view.setUser(User{S("anna"), Role::Author, {S("london")}, {}});
    QCOMPARE(view.table()->model()->rowCount(), 9);
}

void tst_QueueModel::menusNarrowTheTable()
{
    QueueView view(*m_replica, nullptr);
    view.reload(kNow);
    const QAbstractItemModel &table = *view.table()->model();
    auto *counts = view.findChild<QLabel *>(S("queueCounts"));
    QVERIFY(counts);
    QCOMPARE(counts->text(), S("4 in review · 3 approved · 2 changes requested"));

    // Every menu has a labelled buddy and an accessible name.
    for (QComboBox *combo : {view.stateFilter(), view.typeFilter(), view.regionFilter(), view.professionFilter(),
                             view.authorFilter(), view.waitingFilter()}) {
        QVERIFY2(!combo->accessibleName().isEmpty(), qPrintable(combo->objectName()));
        const auto labels = view.findChildren<QLabel *>();
        const bool hasBuddy = std::any_of(labels.cbegin(), labels.cend(), [combo](const QLabel *l) {
            return l->buddy() == combo && l->text().contains(QLatin1Char('&'));
        });
        QVERIFY2(hasBuddy, qPrintable(combo->objectName()));
    }
    QCOMPARE(view.stateFilter()->count(), 4);
    QCOMPARE(view.stateFilter()->itemText(0), S("All awaiting action (9)"));
    QCOMPARE(view.waitingFilter()->itemText(0), S("Any time"));
    QCOMPARE(view.waitingFilter()->count(), 5);
    QCOMPARE(view.regionFilter()->itemText(1), S("National")); // national first
    QCOMPARE(view.authorFilter()->count(), 5);                 // Anyone + 4

    const auto choose = [](QComboBox *combo, const QVariant &value) {
        const int index = combo->findData(value);
        QVERIFY2(index >= 0, qPrintable(value.toString()));
        combo->setCurrentIndex(index);
    };
    choose(view.professionFilter(), S("doctors"));
    QCOMPARE(sorted(keysOf(table)), sorted({S("cardiology"), S("gp"), S("radiology"), S("surgery")}));
    QCOMPARE(counts->text(), S("3 in review · 1 approved · 0 changes requested"));
    QCOMPARE(view.stateFilter()->itemText(view.stateFilter()->findData(S("approved"))), S("Approved (1)"));
    QCOMPARE(view.stateFilter()->itemText(0), S("All awaiting action (4)"));

    choose(view.stateFilter(), S("in_review"));
    QCOMPARE(sorted(keysOf(table)), sorted({S("cardiology"), S("gp"), S("surgery")}));
    choose(view.waitingFilter(), 1);
    QCOMPARE(keysOf(table), QStringList{S("cardiology")});
    QCOMPARE(counts->text(), S("1 in review · 1 approved · 0 changes requested"));

    choose(view.waitingFilter(), 0);
    choose(view.stateFilter(), QString());
    choose(view.professionFilter(), QString());
    choose(view.regionFilter(), S("national"));
    QCOMPARE(sorted(keysOf(table)), sorted({S("nursing"), S("radiology"), S("oriel")}));
    choose(view.typeFilter(), S("policy"));
    QCOMPARE(keysOf(table), QStringList{S("radiology")});
    choose(view.typeFilter(), QString());
    choose(view.regionFilter(), QString());
    choose(view.authorFilter(), S("alice"));
    QCOMPARE(sorted(keysOf(table)), sorted({S("cardiology"), S("gp"), S("midwifery")}));
    choose(view.waitingFilter(), 30);
    QCOMPARE(keysOf(table), QStringList{});
    auto *empty = view.findChild<QLabel *>(S("queueEmpty"));
    QVERIFY(empty);
    QVERIFY(!empty->isHidden());
    QCOMPARE(empty->text(), S("No item matches these filters"));
    choose(view.authorFilter(), QString());
    QCOMPARE(keysOf(table), QStringList{S("dental")});
    QVERIFY(empty->isHidden());
}

void tst_QueueModel::emptyQueueSaysSo()
{
    carta::testing::TempReplica emptyFile;
    auto emptyReplica = emptyFile.openReplica();
    QueueView view(*emptyReplica, nullptr);
    view.reload(kNow);
    QCOMPARE(view.table()->model()->rowCount(), 0);
    auto *empty = view.findChild<QLabel *>(S("queueEmpty"));
    QVERIFY(empty);
    QVERIFY(!empty->isHidden());
    QCOMPARE(empty->text(), S("Nothing is waiting for you"));
    QCOMPARE(view.findChild<QLabel *>(S("queueCounts"))->text(), S("0 in review · 0 approved · 0 changes requested"));
    QCOMPARE(view.stateFilter()->itemText(0), S("All awaiting action (0)"));
    QCOMPARE(view.currentId(), QUuid());
}

void tst_QueueModel::enterAndDoubleClickOpen()
{
    QueueView view(*m_replica, nullptr);
    view.reload(kNow);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView *table = view.table();
    table->setFocus();
    QSignalSpy opened(&view, &QueueView::openRequested);
    QSignalSpy current(&view, &QueueView::currentChanged);
    const QUuid cardiology = m_items.value(S("cardiology")).id;

    // Row 1: the second longest waiting, cardiology.
    table->setCurrentIndex(table->model()->index(1, QueueModel::TitleColumn));
    QCOMPARE(view.currentId(), cardiology);
    QVERIFY(current.count() >= 1);
    QCOMPARE(current.last().at(0).toUuid(), cardiology);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toUuid(), cardiology);

    const qsizetype changes = current.count();
    QTest::keyClick(table, Qt::Key_Down);
    const QUuid pharmacy = m_items.value(S("pharmacy")).id;
    QCOMPARE(view.currentId(), pharmacy);
    QCOMPARE(current.count(), changes + 1);
    QCOMPARE(current.last().at(0).toUuid(), pharmacy);

    const QRect dentalRect = table->visualRect(table->model()->index(0, QueueModel::TitleColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, dentalRect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, dentalRect.center());
    QCOMPARE(opened.count(), 2);
    QCOMPARE(opened.at(1).at(0).toUuid(), m_items.value(S("dental")).id);
}

void tst_QueueModel::reloadKeepsFiltersAndSelection()
{
    QueueView view(*m_replica, nullptr);
    view.setUser(User{S("paul"), Role::Publisher, {S("national")}, {}});
    view.reload(kNow);
    view.regionFilter()->setCurrentIndex(view.regionFilter()->findData(S("north-west")));
    QCOMPARE(sorted(keysOf(*view.table()->model())), sorted({S("gp"), S("dental")}));
    const QUuid gp = m_items.value(S("gp")).id;
    const QAbstractItemModel &table = *view.table()->model();
    int gpRow = -1;
    for (int row = 0; row < table.rowCount(); ++row)
        if (table.index(row, 0).data(QueueModel::IdRole).toUuid() == gp)
            gpRow = row;
    view.table()->setCurrentIndex(table.index(gpRow, QueueModel::TitleColumn));
    QCOMPARE(view.currentId(), gp);
    QSignalSpy current(&view, &QueueView::currentChanged);

    // Someone approves it on the server; the next sync brings it in.
    Item approved = m_items.value(S("gp"));
    approved.state = WorkflowState::Approved;
    pullChange(approved, S("erin"), ago(kHour));
    view.reload(kNow);

    QCOMPARE(view.regionFilter()->currentData().toString(), S("north-west"));
    QCOMPARE(view.currentId(), gp);
    QCOMPARE(current.count(), 0); // the same item stayed selected
    QCOMPARE(view.table()->selectionModel()->selectedRows().size(), 1);
    const QModelIndex selected = view.table()->currentIndex();
    QCOMPARE(selected.siblingAtColumn(QueueModel::StateColumn).data().toString(), S("Approved"));
    QCOMPARE(selected.siblingAtColumn(QueueModel::ChangedByColumn).data().toString(), S("erin"));
    QCOMPARE(selected.siblingAtColumn(QueueModel::WaitingColumn).data().toString(), S("1 hour"));
    QCOMPARE(view.model()->countFor(WorkflowState::InReview), 0);
    QCOMPARE(view.model()->countFor(WorkflowState::Approved), 1);
    QCOMPARE(view.findChild<QLabel *>(S("queueCounts"))->text(), S("0 in review · 1 approved · 1 changes requested"));
    QVERIFY(view.authorFilter()->findData(S("erin")) >= 0);

    // Under "In review" it leaves the table, and the selection with it.
    view.regionFilter()->setCurrentIndex(0);
    view.stateFilter()->setCurrentIndex(view.stateFilter()->findData(S("in_review")));
    QCOMPARE(view.stateFilter()->currentText(), S("In review (3)"));
    QCOMPARE(view.currentId(), QUuid());
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.at(0).at(0).toUuid(), QUuid());
}

void tst_QueueModel::regionsNamedByTheCatalogue()
{
    ItemCatalogue catalogue;
    catalogue.addTerm(Vocabulary::Region, TermEntry{S("london"), S("London (pan-London)"), QString(), 0});
    catalogue.addTerm(Vocabulary::Profession, TermEntry{S("doctors"), S("Doctors and dentists in training"), QString(), 0});
    QueueView view(*m_replica, &catalogue);
    view.reload(kNow);
    QVERIFY(view.regionFilter()->findText(S("London (pan-London)")) >= 0);
    QVERIFY(view.regionFilter()->findText(S("Midlands")) >= 0); // no title known: the slug, humanised
    QVERIFY(view.professionFilter()->findText(S("Doctors and dentists in training")) >= 0);
    const QAbstractItemModel &table = *view.table()->model();
    QCOMPARE(table.index(0, QueueModel::RegionColumn).data().toString(), S("London (pan-London), North west")); // dental
}

QTEST_MAIN(tst_QueueModel)
#include "tst_queuemodel.moc"
