// The form editors of the simple item types driven through their widgets: every field
// edited as a person would (typing, keyboard choices, the date's check box), the item
// checked, undo putting it back; problems shown beside the field; the term parent picker
// completing from the catalogue's terms.
#include "apptestsupport.h"

#include "editors/simplefieldseditors.h"

#include "models/labels.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using carta::testing::S;

namespace {

// The value of the field a widget edits, as text, read from the item.
QString fieldValue(const Item &item, const QString &widget)
{
    if (widget == u"pageKindCombo")
        return toString(item.as<PageFields>().kind);
    if (widget == u"publisherEdit")
        return item.as<ResourceFields>().publisher;
    if (widget == u"newsKindCombo")
        return toString(item.as<NewsFields>().kind);
    if (widget == u"fundingBodyEdit")
        return item.as<FundingGuideFields>().fundingBody;
    if (widget == u"eligibilityEdit")
        return item.as<FundingGuideFields>().eligibility;
    if (widget == u"referenceEdit")
        return item.as<PolicyFields>().reference;
    if (widget == u"portalUrlEdit")
        return item.as<PortalFields>().url;
    if (widget == u"purposeEdit")
        return item.as<PortalFields>().purpose;
    if (widget == u"subjectEdit")
        return item.as<BulletinFields>().subject;
    if (widget == u"vocabularyCombo")
        return toString(item.as<TermFields>().vocabulary);
    if (widget == u"parentCombo")
        return item.as<TermFields>().parent;
    if (widget == u"orderSpin")
        return QString::number(item.as<TermFields>().order);
    qFatal("no field for %s", qPrintable(widget));
}

std::optional<QDate> dateValue(const Item &item, const QString &field)
{
    if (field == u"resourceIssued") {
        const QDate d = item.as<ResourceFields>().issued;
        return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
    }
    if (field == u"newsDate") {
        const QDate d = item.as<NewsFields>().date;
        return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
    }
    if (field == u"deadline")
        return item.as<FundingGuideFields>().deadline;
    if (field == u"policyEffectiveFrom") {
        const QDate d = item.as<PolicyFields>().effectiveFrom;
        return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
    }
    qFatal("no date field %s", qPrintable(field));
}

// An item of a type that passes validation, so only the problems a test makes show.
Item validItem(ItemType type)
{
    Item item = carta::testing::ofType(type, S("Test item"), S("test-item"));
    switch (type) {
    case ItemType::Resource: item.as<ResourceFields>().publisher = S("NHS England"); break;
    case ItemType::News: item.as<NewsFields>().date = QDate(2026, 3, 2); break;
    case ItemType::FundingGuide: item.as<FundingGuideFields>().fundingBody = S("NHS Business Services Authority"); break;
    case ItemType::Policy:
        item.as<PolicyFields>().reference = S("HEE-POL-012");
        item.as<PolicyFields>().effectiveFrom = QDate(2025, 8, 6);
        break;
    case ItemType::Portal: item.as<PortalFields>().url = S("https://www.oriel.nhs.uk"); break;
    case ItemType::Bulletin: item.as<BulletinFields>().subject = S("Recruitment opens"); break;
    default: break;
    }
    return item;
}

} // namespace

class tst_SimpleFieldsEditors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void editorPerType();
    void editFieldThroughWidget_data();
    void editFieldThroughWidget();
    void chooseFromCombo_data();
    void chooseFromCombo();
    void datesWithNotSetState_data();
    void datesWithNotSetState();
    void badValueShownBesideField_data();
    void badValueShownBesideField();
    void undoShowsDocumentInWidgets();
    void termParentCompletesFromCatalogue();
    void termParentNotInCatalogueIsSaid();
    void termPortalPickedFromCatalogue();
    void focusPathFocusesTheField();

private:
    void open(const Item &item);
    template<typename T> T *find(const QString &name) const
    {
        auto *widget = m_editor->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    QLabel *issuesOf(const QString &path) const { return find<QLabel>(path + S("Issues")); }

    ItemCatalogue m_catalogue;
    std::unique_ptr<ItemDocument> m_document;
    std::unique_ptr<TypeFieldsEditor> m_editor;
};

void tst_SimpleFieldsEditors::initTestCase()
{
    carta::testing::isolateSettings("simplefieldseditors");
}

void tst_SimpleFieldsEditors::cleanup()
{
    m_editor.reset();
    m_document.reset();
    m_catalogue = ItemCatalogue();
}

void tst_SimpleFieldsEditors::open(const Item &item)
{
    m_document = std::make_unique<ItemDocument>(item);
    m_editor.reset(createSimpleFieldsEditor(m_document.get(), m_catalogue));
    QVERIFY(m_editor);
    m_editor->resize(600, 400);
    m_editor->show();
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
}

void tst_SimpleFieldsEditors::editorPerType()
{
    for (ItemType type : allItemTypes()) {
        ItemDocument document(Item::create(type));
        std::unique_ptr<TypeFieldsEditor> editor(createSimpleFieldsEditor(&document, m_catalogue));
        const bool own = type == ItemType::Curriculum || type == ItemType::Pathway;
        QVERIFY2(bool(editor) == !own, qPrintable(toString(type)));
        if (own)
            continue;
        // The app's factory hands the simple types to this editor.
        std::unique_ptr<TypeFieldsEditor> viaFactory(createTypeFieldsEditor(&document, m_catalogue));
        QVERIFY(qobject_cast<SimpleFieldsEditor *>(viaFactory.get()));
    }
}

void tst_SimpleFieldsEditors::editFieldThroughWidget_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");

    QTest::newRow("resource publisher") << ItemType::Resource << S("publisherEdit") << S(" and NHS Employers")
                                        << S("NHS England and NHS Employers");
    QTest::newRow("funding body") << ItemType::FundingGuide << S("fundingBodyEdit") << S(" (NHSBSA)")
                                  << S("NHS Business Services Authority (NHSBSA)");
    QTest::newRow("funding eligibility") << ItemType::FundingGuide << S("eligibilityEdit")
                                         << S("Trainees in **foundation** posts") << S("Trainees in **foundation** posts");
    QTest::newRow("policy reference") << ItemType::Policy << S("referenceEdit") << S("-A") << S("HEE-POL-012-A");
    QTest::newRow("portal url") << ItemType::Portal << S("portalUrlEdit") << S("/specialty")
                                << S("https://www.oriel.nhs.uk/specialty");
    QTest::newRow("portal purpose") << ItemType::Portal << S("purposeEdit") << S("Apply for specialty training")
                                    << S("Apply for specialty training");
    QTest::newRow("bulletin subject") << ItemType::Bulletin << S("subjectEdit") << S(" today") << S("Recruitment opens today");
    QTest::newRow("term order") << ItemType::Term << S("orderSpin") << S("12") << S("12");
}

void tst_SimpleFieldsEditors::editFieldThroughWidget()
{
    QFETCH(ItemType, type);
    QFETCH(QString, widget);
    QFETCH(QString, typed);
    QFETCH(QString, expected);

    const Item original = validItem(type);
    open(original);
    auto *field = find<QWidget>(widget);
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    if (auto *line = qobject_cast<QLineEdit *>(field))
        line->end(false);
    if (auto *spin = qobject_cast<QSpinBox *>(field))
        spin->selectAll();
    QTest::keyClicks(field, typed);

    QCOMPARE(fieldValue(m_document->item(), widget), expected);
    QCOMPARE(m_document->undoStack()->count(), 1); // the typing merged into one step
    QVERIFY(m_document->issues().isEmpty());

    m_document->undoStack()->undo();
    QCOMPARE(m_document->item(), original);
    QCOMPARE(fieldValue(m_document->item(), widget), fieldValue(original, widget));
    if (auto *line = qobject_cast<QLineEdit *>(field))
        QCOMPARE(line->text(), fieldValue(original, widget));
    if (auto *text = qobject_cast<QPlainTextEdit *>(field))
        QCOMPARE(text->toPlainText(), fieldValue(original, widget));
    if (auto *spin = qobject_cast<QSpinBox *>(field))
        QCOMPARE(QString::number(spin->value()), fieldValue(original, widget));
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->redo();
    QCOMPARE(fieldValue(m_document->item(), widget), expected);
}

void tst_SimpleFieldsEditors::chooseFromCombo_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("choice"); // the text shown
    QTest::addColumn<QString>("expected");

    QTest::newRow("page kind") << ItemType::Page << S("pageKindCombo") << SimpleFieldsEditor::pageKindName(PageKind::Home)
                               << S("home");
    QTest::newRow("news kind") << ItemType::News << S("newsKindCombo")
                               << SimpleFieldsEditor::newsKindName(NewsKind::TrainingOfficeUpdate) << S("training_office_update");
    QTest::newRow("term vocabulary") << ItemType::Term << S("vocabularyCombo") << Labels::vocabulary(Vocabulary::CareerStage)
                                     << S("career_stage");
}

void tst_SimpleFieldsEditors::chooseFromCombo()
{
    QFETCH(ItemType, type);
    QFETCH(QString, widget);
    QFETCH(QString, choice);
    QFETCH(QString, expected);

    const Item original = validItem(type);
    open(original);
    auto *combo = find<QComboBox>(widget);
    const int target = combo->findText(choice);
    QVERIFY(target > combo->currentIndex());
    combo->setFocus();
    for (int i = combo->currentIndex(); i < target; ++i)
        QTest::keyClick(combo, Qt::Key_Down); // each step a choice, as a person pressing Down
    QCOMPARE(combo->currentText(), choice);
    QCOMPARE(fieldValue(m_document->item(), widget), expected);

    while (m_document->undoStack()->canUndo())
        m_document->undoStack()->undo();
    QCOMPARE(m_document->item(), original);
    QCOMPARE(combo->currentIndex(), 0);
}

void tst_SimpleFieldsEditors::datesWithNotSetState_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("required");

    QTest::newRow("resource issued") << ItemType::Resource << S("resourceIssued") << S("resource.issued") << false;
    QTest::newRow("news date (required)") << ItemType::News << S("newsDate") << S("news.date") << true;
    QTest::newRow("funding deadline") << ItemType::FundingGuide << S("deadline") << S("funding_guide.deadline") << false;
    QTest::newRow("policy effective from (required)") << ItemType::Policy << S("policyEffectiveFrom")
                                                      << S("policy.effective_from") << true;
}

void tst_SimpleFieldsEditors::datesWithNotSetState()
{
    QFETCH(ItemType, type);
    QFETCH(QString, field);
    QFETCH(QString, path);
    QFETCH(bool, required);

    open(Item::create(type)); // every date not set
    auto *dateEdit = find<QDateEdit>(field + S("Edit"));
    auto *none = find<QCheckBox>(field + S("NoneCheck"));
    QCOMPARE(issuesOf(path)->isHidden(), !required);
    if (required)
        QVERIFY(issuesOf(path)->text().contains(S("is required")));
    QVERIFY(none->isChecked());
    QVERIFY(!dateEdit->isEnabled());
    QCOMPARE(dateEdit->text(), S("Not set"));
    QVERIFY(!dateValue(m_document->item(), field));

    // Unchecking "not set" offers today; then the day is typed over.
    const QDate today = QDate::currentDate();
    QTest::mouseClick(none, Qt::LeftButton);
    QVERIFY(!none->isChecked());
    QVERIFY(dateEdit->isEnabled());
    QVERIFY(dateValue(m_document->item(), field));
    QVERIFY(*dateValue(m_document->item(), field) >= today);
    dateEdit->setFocus();
    QTRY_VERIFY(dateEdit->hasFocus());
    dateEdit->setSelectedSection(QDateTimeEdit::YearSection);
    QTest::keyClicks(dateEdit, S("2027"));
    dateEdit->setSelectedSection(QDateTimeEdit::MonthSection);
    QTest::keyClicks(dateEdit, S("09"));
    dateEdit->setSelectedSection(QDateTimeEdit::DaySection);
    QTest::keyClicks(dateEdit, S("01"));
    QCOMPARE(dateValue(m_document->item(), field), std::optional<QDate>(QDate(2027, 9, 1)));
    QCOMPARE(dateEdit->date(), QDate(2027, 9, 1));
    QVERIFY(issuesOf(path)->isHidden());
    QCOMPARE(m_document->undoStack()->count(), 2); // unchecking, then the typing as one step

    // Back to "not set": the document says so, and so does the field.
    QTest::mouseClick(none, Qt::LeftButton);
    QVERIFY(!dateValue(m_document->item(), field));
    QCOMPARE(dateEdit->text(), S("Not set"));
    QVERIFY(!dateEdit->isEnabled());

    QCOMPARE(issuesOf(path)->isHidden(), !required);

    m_document->undoStack()->undo();
    QCOMPARE(dateValue(m_document->item(), field), std::optional<QDate>(QDate(2027, 9, 1)));
    QVERIFY(!none->isChecked());
    QVERIFY(dateEdit->isEnabled());
    QCOMPARE(dateEdit->date(), QDate(2027, 9, 1));
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QVERIFY(!dateValue(m_document->item(), field));
    QVERIFY(none->isChecked());
}

void tst_SimpleFieldsEditors::badValueShownBesideField_data()
{
    QTest::addColumn<ItemType>("type");
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("good");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("portal url not https") << ItemType::Portal << S("portalUrlEdit") << S("http://www.oriel.nhs.uk")
                                          << S("https://www.oriel.nhs.uk") << S("portal.url") << S("must be an https:// address");
    QTest::newRow("empty subject") << ItemType::Bulletin << S("subjectEdit") << QString() << S("Deadlines")
                                   << S("bulletin.subject") << S("must not be empty");
    QTest::newRow("empty funding body") << ItemType::FundingGuide << S("fundingBodyEdit") << QString() << S("NHSBSA")
                                        << S("funding_guide.funding_body") << S("must not be empty");
    QTest::newRow("reference too long") << ItemType::Policy << S("referenceEdit") << QString(51, QLatin1Char('X'))
                                        << S("HEE-POL-001") << S("policy.reference") << S("is 51 characters long; the limit is 50");
    QTest::newRow("negative order") << ItemType::Term << S("orderSpin") << S("-1") << S("2") << S("term.order")
                                    << S("must not be negative");
}

void tst_SimpleFieldsEditors::badValueShownBesideField()
{
    QFETCH(ItemType, type);
    QFETCH(QString, widget);
    QFETCH(QString, bad);
    QFETCH(QString, good);
    QFETCH(QString, path);
    QFETCH(QString, message);

    open(validItem(type));
    auto *field = find<QWidget>(widget);
    QLabel *issues = issuesOf(path);
    QVERIFY(issues->isHidden());

    auto retype = [&](const QString &text) {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
    };
    retype(bad);
    QVERIFY(!issues->isHidden());
    QVERIFY2(issues->text().contains(message), qPrintable(issues->text()));
    QVERIFY(issues->styleSheet().contains(S("#b3261e")));
    QVERIFY(field->accessibleDescription().contains(message));
    if (!bad.isEmpty())
        QCOMPARE(fieldValue(m_document->item(), widget), bad); // kept as typed, nothing lost

    retype(good);
    QVERIFY(issues->isHidden());
    QVERIFY(field->accessibleDescription().isEmpty());
}

void tst_SimpleFieldsEditors::undoShowsDocumentInWidgets()
{
    Item item = validItem(ItemType::Policy);
    open(item);
    auto *reference = find<QLineEdit>(S("referenceEdit"));
    // Changes from the document (a merge after a sync) show in the field, and emit no edit.
    Item changed = item;
    changed.as<PolicyFields>().reference = S("HEE-POL-099");
    m_document->replaceItem(changed, S("Merge"));
    QCOMPARE(reference->text(), S("HEE-POL-099"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(reference->text(), S("HEE-POL-012"));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void tst_SimpleFieldsEditors::termParentCompletesFromCatalogue()
{
    m_catalogue.addTerm(Vocabulary::Specialty, {S("general-surgery"), S("General surgery"), {}, 0});
    m_catalogue.addTerm(Vocabulary::Specialty, {S("cardiology"), S("Cardiology"), {}, 0});
    m_catalogue.addTerm(Vocabulary::Specialty, {S("cardiothoracic-surgery"), S("Cardiothoracic surgery"), {}, 0});
    m_catalogue.addTerm(Vocabulary::Region, {S("london"), S("London"), {}, 0});
    Item term = validItem(ItemType::Term);
    term.as<TermFields>().vocabulary = Vocabulary::Specialty;
    open(term);

    auto *combo = find<QComboBox>(S("parentCombo"));
    QCOMPARE(combo->count(), 3); // the specialty terms, by title
    QCOMPARE(combo->itemText(0), S("cardiology"));
    QCompleter *completer = combo->completer();
    QVERIFY(completer);
    QCOMPARE(completer->caseSensitivity(), Qt::CaseInsensitive);
    QCOMPARE(completer->filterMode(), Qt::MatchContains);

    // Type-ahead matches slugs and titles anywhere, in any case.
    combo->lineEdit()->setFocus();
    QTRY_VERIFY(combo->lineEdit()->hasFocus());
    QTest::keyClicks(combo->lineEdit(), S("SURG"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->completionCount(), 2);
    QCOMPARE(m_document->item().as<TermFields>().parent, S("SURG")); // typed text is kept as typed
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(combo->lineEdit(), Qt::Key_Backspace);
    QTest::keyClicks(combo->lineEdit(), S("Cardio"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->completionCount(), 2);

    // Down picks the first (Cardiology), Enter takes it: the slug goes in.
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(m_document->item().as<TermFields>().parent, S("cardiology"));
    QCOMPARE(combo->lineEdit()->text(), S("cardiology"));
    QVERIFY(issuesOf(S("term.parent"))->isHidden());

    // The whole picking was one undo step, and undo empties the field again.
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->item().as<TermFields>().parent, QString());
    QCOMPARE(combo->lineEdit()->text(), QString());

    // Another vocabulary, other terms.
    auto *vocabulary = find<QComboBox>(S("vocabularyCombo"));
    vocabulary->setFocus();
    QTest::keyClick(vocabulary, Qt::Key_Down); // Specialty -> Region
    QCOMPARE(toString(m_document->item().as<TermFields>().vocabulary), toString(Vocabulary::Region));
    QCOMPARE(combo->count(), 1);
    QCOMPARE(combo->itemText(0), S("london"));
}

void tst_SimpleFieldsEditors::termParentNotInCatalogueIsSaid()
{
    m_catalogue.addTerm(Vocabulary::Specialty, {S("cardiology"), S("Cardiology"), {}, 0});
    Item term = validItem(ItemType::Term);
    term.as<TermFields>().vocabulary = Vocabulary::Specialty;
    open(term);
    auto *combo = find<QComboBox>(S("parentCombo"));
    combo->lineEdit()->setFocus();
    QTest::keyClicks(combo->lineEdit(), S("cardiologyy"));
    QLabel *issues = issuesOf(S("term.parent"));
    // carta_model cannot know the terms without a context; the catalogue can.
    QTRY_VERIFY(!issues->isHidden());
    QVERIFY2(issues->text().contains(S("no specialty term has the slug “cardiologyy”")), qPrintable(issues->text()));
    QTest::keyClick(combo->lineEdit(), Qt::Key_Backspace);
    QTRY_VERIFY(issues->isHidden());
}

void tst_SimpleFieldsEditors::termPortalPickedFromCatalogue()
{
    const QUuid oriel = QUuid::createUuid();
    m_catalogue.addPortal({oriel, ItemType::Portal, S("Oriel")});
    open(validItem(ItemType::Term));
    auto *portal = find<QComboBox>(S("portalCombo"));
    QCOMPARE(portal->count(), 2);
    QCOMPARE(portal->currentText(), S("None"));
    portal->setFocus();
    QTest::keyClick(portal, Qt::Key_Down);
    QCOMPARE(m_document->item().as<TermFields>().portal, oriel);
    QCOMPARE(portal->currentText(), S("Oriel"));
    m_document->undoStack()->undo();
    QVERIFY(m_document->item().as<TermFields>().portal.isNull());
    QCOMPARE(portal->currentText(), S("None"));

    // A portal the catalogue does not know is shown, not dropped.
    Item other = m_document->item();
    const QUuid unknown = QUuid::createUuid();
    other.as<TermFields>().portal = unknown;
    m_document->replaceItem(other, S("Merge"));
    QVERIFY(portal->currentText().contains(unknown.toString(QUuid::WithoutBraces)));
    QCOMPARE(m_document->item().as<TermFields>().portal, unknown);
}

void tst_SimpleFieldsEditors::focusPathFocusesTheField()
{
    open(validItem(ItemType::FundingGuide));
    QVERIFY(m_editor->focusPath(S("funding_guide.eligibility")));
    QTRY_VERIFY(find<QPlainTextEdit>(S("eligibilityEdit"))->hasFocus());
    QVERIFY(m_editor->focusPath(S("fields.funding_body")));
    QTRY_VERIFY(find<QLineEdit>(S("fundingBodyEdit"))->hasFocus());
    QVERIFY(m_editor->focusPath(S("funding_guide.deadline")));
    QTRY_VERIFY(find<QCheckBox>(S("deadlineNoneCheck"))->hasFocus()); // no deadline: the date edit is off
    QVERIFY(!m_editor->focusPath(S("title")));
}

QTEST_MAIN(tst_SimpleFieldsEditors)
#include "tst_simplefieldseditors.moc"
