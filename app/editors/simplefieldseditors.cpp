#include "editors/simplefieldseditors.h"
#include "widgets/fieldtext.h"

#include "models/labels.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace carta::app {

using model::Item;
using model::ItemType;

namespace {

// The date a date edit holds for "not set": shown as its special value text.
const QDate &notSetDate()
{
    static const QDate date(1900, 1, 1);
    return date;
}

std::optional<QDate> optionalDate(const QDate &date)
{
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

class UndoKeyFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
                event->ignore();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

// Term pickers match titles and slugs; the field gets the slug.
constexpr int kTermSearchRole = Qt::UserRole + 1;

class TermCompleter : public QCompleter
{
public:
    TermCompleter(QAbstractItemModel *model, QObject *parent) : QCompleter(model, parent)
    {
        setCaseSensitivity(Qt::CaseInsensitive);
        setFilterMode(Qt::MatchContains);
        setCompletionRole(kTermSearchRole);
    }

    QString pathFromIndex(const QModelIndex &index) const override { return index.data(Qt::DisplayRole).toString(); }
};

} // namespace

void routeUndoKeysToDocument(QWidget *field)
{
    field->installEventFilter(new UndoKeyFilter(field));
}

QString fieldIssuePath(ItemType type, const QString &path)
{
    static const QString fieldsPrefix = QStringLiteral("fields.");
    if (path.startsWith(fieldsPrefix))
        return model::toString(type) + QLatin1Char('.') + path.mid(fieldsPrefix.size());
    return path;
}

// ---- DateField --------------------------------------------------------------------

DateField::DateField(const QString &objectName, const QString &noneText, QWidget *parent) : QWidget(parent)
{
    setObjectName(objectName + QStringLiteral("Field"));
    m_edit = new QDateEdit(this);
    m_edit->setObjectName(objectName + QStringLiteral("Edit"));
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_edit->setMinimumDate(notSetDate());
    m_edit->setSpecialValueText(tr("Not set"));
    m_none = new QCheckBox(noneText, this);
    m_none->setObjectName(objectName + QStringLiteral("NoneCheck"));
    m_none->setAccessibleName(noneText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_none);
    layout->addStretch();
    setFocusProxy(m_edit);

    connect(m_edit, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (!m_setting)
            Q_EMIT edited(date == notSetDate() ? std::nullopt : std::optional<QDate>(date), true);
    });
    connect(m_none, &QCheckBox::toggled, this, [this](bool none) {
        if (m_setting)
            return;
        if (none)
            Q_EMIT edited(std::nullopt, false);
        else
            Q_EMIT edited(m_lastDate.isValid() ? m_lastDate : QDate::currentDate(), false);
    });
    display(std::nullopt);
}

std::optional<QDate> DateField::date() const
{
    if (m_none->isChecked() || m_edit->date() == notSetDate())
        return std::nullopt;
    return m_edit->date();
}

void DateField::setDate(const std::optional<QDate> &date)
{
    if (date != this->date() || m_edit->isEnabled() != date.has_value())
        display(date);
}

void DateField::display(const std::optional<QDate> &date)
{
    m_setting = true;
    const bool set = date && date->isValid();
    if (set)
        m_lastDate = *date;
    m_edit->setDate(set ? *date : notSetDate());
    m_edit->setEnabled(set);
    m_none->setChecked(!set);
    m_setting = false;
}

// ---- FieldForm --------------------------------------------------------------------

FieldForm::FieldForm(TypeFieldsEditor *editor, QFormLayout *layout) : m_editor(editor), m_layout(layout)
{
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
}

void FieldForm::addRow(const QString &path, const QString &label, QWidget *field, std::function<void()> load,
                       std::function<QStringList()> extraIssues)
{
    QString name = label;
    name.remove(QLatin1Char('&'));
    if (name.endsWith(QLatin1Char(':')))
        name.chop(1);
    if (field->accessibleName().isEmpty())
        field->setAccessibleName(name);

    auto *cell = new QWidget(m_editor);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    field->setParent(cell);
    cellLayout->addWidget(field);
    auto *issues = new QLabel(cell);
    issues->setObjectName(path + QStringLiteral("Issues"));
    issues->setAccessibleName(tr("Problems with %1").arg(name));
    issues->setWordWrap(true);
    issues->setStyleSheet(problemStyle());
    issues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    issues->hide();
    cellLayout->addWidget(issues);

    auto *rowLabel = new QLabel(label, m_editor);
    rowLabel->setBuddy(field);
    m_layout->addRow(rowLabel, cell);
    m_rows.append(Row{path, name, field, issues, std::move(load), std::move(extraIssues)});
}

void FieldForm::edit(const QString &path, const QString &name, const std::function<void(Item &)> &mutate, bool merge)
{
    if (m_updating)
        return;
    m_editor->document()->editItem(tr("Edit %1").arg(name), mutate, merge ? QStringLiteral("fields.") + path : QString());
}

QLineEdit *FieldForm::addLine(const QString &path, const QString &label, const QString &objectName,
                              std::function<QString(const Item &)> get, std::function<void(Item &, const QString &)> set)
{
    auto *line = new QLineEdit(m_editor);
    line->setObjectName(objectName);
    routeUndoKeysToDocument(line);
    addRow(path, label, line, [this, line, get] {
        const QString text = get(m_editor->document()->item());
        if (line->text() == text)
            return;
        const int cursor = cursorAfterChange(line->text(), text);
        line->setText(text);
        line->setCursorPosition(cursor);
    });
    const QString name = m_rows.last().name;
    QObject::connect(line, &QLineEdit::textEdited, line, [this, path, name, set](const QString &text) {
        this->edit(path, name, [&](Item &item) { set(item, text); }, true);
    });
    return line;
}

QPlainTextEdit *FieldForm::addText(const QString &path, const QString &label, const QString &objectName,
                                   std::function<QString(const Item &)> get, std::function<void(Item &, const QString &)> set)
{
    auto *plain = new QPlainTextEdit(m_editor);
    plain->setObjectName(objectName);
    plain->setUndoRedoEnabled(false); // every edit goes through the document's undo stack
    plain->setTabChangesFocus(true);
    plain->setFixedHeight(plain->fontMetrics().lineSpacing() * 5 + 12);
    routeUndoKeysToDocument(plain);
    addRow(path, label, plain, [this, plain, get] {
        const QString text = get(m_editor->document()->item());
        const QString before = plain->toPlainText();
        if (before == text)
            return;
        plain->setPlainText(text);
        QTextCursor cursor = plain->textCursor();
        cursor.setPosition(cursorAfterChange(before, text));
        plain->setTextCursor(cursor);
    });
    const QString name = m_rows.last().name;
    QObject::connect(plain, &QPlainTextEdit::textChanged, plain, [this, plain, path, name, set] {
        const QString text = plain->toPlainText();
        this->edit(path, name, [&](Item &item) { set(item, text); }, true);
    });
    return plain;
}

DateField *FieldForm::addDate(const QString &path, const QString &label, const QString &objectName, const QString &noneText,
                              std::function<std::optional<QDate>(const Item &)> get,
                              std::function<void(Item &, const std::optional<QDate> &)> set)
{
    auto *field = new DateField(objectName, noneText, m_editor);
    routeUndoKeysToDocument(field->dateEdit());
    addRow(path, label, field, [this, field, get] { field->setDate(get(m_editor->document()->item())); });
    const QString name = m_rows.last().name;
    field->dateEdit()->setAccessibleName(name);
    QObject::connect(field, &DateField::edited, field, [this, path, name, set](std::optional<QDate> date, bool typing) {
        this->edit(path, name, [&](Item &item) { set(item, date); }, typing);
    });
    return field;
}

QComboBox *FieldForm::addChoice(const QString &path, const QString &label, const QString &objectName, const Choices &choices,
                                std::function<QVariant(const Item &)> get, std::function<void(Item &, const QVariant &)> set)
{
    auto *combo = new QComboBox(m_editor);
    combo->setObjectName(objectName);
    for (const auto &[text, value] : choices)
        combo->addItem(text, value);
    addRow(path, label, combo, [this, combo, get] {
        const QVariant value = get(m_editor->document()->item());
        int index = combo->findData(value);
        if (index < 0) {
            // A value this app does not offer (newer content): shown, kept unless changed.
            combo->addItem(tr("Other: %1").arg(value.toString()), value);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    });
    const QString name = m_rows.last().name;
    QObject::connect(combo, &QComboBox::activated, combo, [this, combo, path, name, set](int index) {
        const QVariant value = combo->itemData(index);
        this->edit(path, name, [&](Item &item) { set(item, value); }, false);
    });
    return combo;
}

QSpinBox *FieldForm::addNumber(const QString &path, const QString &label, const QString &objectName, int minimum,
                               int maximum, std::function<int(const Item &)> get, std::function<void(Item &, int)> set)
{
    auto *spin = new QSpinBox(m_editor);
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    routeUndoKeysToDocument(spin);
    addRow(path, label, spin, [this, spin, get] { spin->setValue(get(m_editor->document()->item())); });
    const QString name = m_rows.last().name;
    QObject::connect(spin, &QSpinBox::valueChanged, spin, [this, path, name, set](int value) {
        this->edit(path, name, [&](Item &item) { set(item, value); }, true);
    });
    return spin;
}

void FieldForm::refresh()
{
    m_updating = true;
    for (const Row &row : std::as_const(m_rows))
        row.load();
    m_updating = false;
    // Problems carta_model does not see change without its issues changing.
    for (const Row &row : std::as_const(m_rows))
        if (row.extraIssues)
            showIssues(row);
}

void FieldForm::showIssues()
{
    for (const Row &row : std::as_const(m_rows))
        showIssues(row);
}

void FieldForm::showIssues(const Row &row)
{
    QStringList messages;
    for (const model::Issue &issue : m_editor->document()->issuesAt(row.path))
        messages.append(issue.message);
    if (row.extraIssues)
        messages.append(row.extraIssues());
    QStringList lines;
    for (const QString &message : std::as_const(messages))
        lines.append(tr("%1: %2").arg(row.name, message));
    row.issues->setText(lines.join(QLatin1Char('\n')));
    row.issues->setVisible(!lines.isEmpty());
    row.field->setAccessibleDescription(lines.join(QLatin1Char(' ')));
}

bool FieldForm::focusPath(const QString &path)
{
    for (const Row &row : std::as_const(m_rows)) {
        if (path == row.path
            || (path.startsWith(row.path)
                && (path.at(row.path.size()) == QLatin1Char('.') || path.at(row.path.size()) == QLatin1Char('[')))) {
            QWidget *target = row.field;
            if (auto *date = qobject_cast<DateField *>(target))
                target = date->dateEdit()->isEnabled() ? static_cast<QWidget *>(date->dateEdit()) : date->noneCheck();
            target->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return false;
}

// ---- SimpleFieldsEditor -----------------------------------------------------------

QString SimpleFieldsEditor::pageKindName(model::PageKind kind)
{
    switch (kind) {
    case model::PageKind::Landing: return tr("Landing page");
    case model::PageKind::RegionalHub: return tr("Regional hub");
    case model::PageKind::ProfessionLanding: return tr("Profession landing page");
    case model::PageKind::Home: return tr("Home page");
    }
    return {};
}

QString SimpleFieldsEditor::newsKindName(model::NewsKind kind)
{
    switch (kind) {
    case model::NewsKind::News: return tr("News");
    case model::NewsKind::TrainingOfficeUpdate: return tr("Training office update");
    }
    return {};
}

SimpleFieldsEditor::SimpleFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent)
    : TypeFieldsEditor(document, catalogue, parent)
{
    setObjectName(QStringLiteral("simpleFieldsEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *formLayout = new QFormLayout;
    layout->addLayout(formLayout);
    layout->addStretch();
    m_form = std::make_unique<FieldForm>(this, formLayout);
    FieldForm &form = *m_form;

    using namespace model;
    switch (document->item().type()) {
    case ItemType::Page: {
        FieldForm::Choices kinds;
        for (PageKind kind : {PageKind::Landing, PageKind::RegionalHub, PageKind::ProfessionLanding, PageKind::Home})
            kinds.append({pageKindName(kind), int(kind)});
        form.addChoice(QStringLiteral("page.kind"), tr("Page &kind:"), QStringLiteral("pageKindCombo"), kinds,
                       [](const Item &i) { return QVariant(int(i.as<PageFields>().kind)); },
                       [](Item &i, const QVariant &v) { i.as<PageFields>().kind = PageKind(v.toInt()); });
        break;
    }
    case ItemType::Resource:
        form.addDate(QStringLiteral("resource.issued"), tr("&Issued:"), QStringLiteral("resourceIssued"), tr("No date"),
                     [](const Item &i) { return optionalDate(i.as<ResourceFields>().issued); },
                     [](Item &i, const std::optional<QDate> &d) { i.as<ResourceFields>().issued = d.value_or(QDate()); });
        form.addLine(QStringLiteral("resource.publisher"), tr("&Publisher:"), QStringLiteral("publisherEdit"),
                     [](const Item &i) { return i.as<ResourceFields>().publisher; },
                     [](Item &i, const QString &v) { i.as<ResourceFields>().publisher = v; });
        break;
    case ItemType::News: {
        form.addDate(QStringLiteral("news.date"), tr("&Date:"), QStringLiteral("newsDate"), tr("Not set"),
                     [](const Item &i) { return optionalDate(i.as<NewsFields>().date); },
                     [](Item &i, const std::optional<QDate> &d) { i.as<NewsFields>().date = d.value_or(QDate()); });
        FieldForm::Choices kinds;
        for (NewsKind kind : {NewsKind::News, NewsKind::TrainingOfficeUpdate})
            kinds.append({newsKindName(kind), int(kind)});
        form.addChoice(QStringLiteral("news.kind"), tr("News &kind:"), QStringLiteral("newsKindCombo"), kinds,
                       [](const Item &i) { return QVariant(int(i.as<NewsFields>().kind)); },
                       [](Item &i, const QVariant &v) { i.as<NewsFields>().kind = NewsKind(v.toInt()); });
        break;
    }
    case ItemType::FundingGuide:
        form.addLine(QStringLiteral("funding_guide.funding_body"), tr("&Funding body:"), QStringLiteral("fundingBodyEdit"),
                     [](const Item &i) { return i.as<FundingGuideFields>().fundingBody; },
                     [](Item &i, const QString &v) { i.as<FundingGuideFields>().fundingBody = v; });
        form.addDate(QStringLiteral("funding_guide.deadline"), tr("&Deadline:"), QStringLiteral("deadline"), tr("No deadline"),
                     [](const Item &i) { return i.as<FundingGuideFields>().deadline; },
                     [](Item &i, const std::optional<QDate> &d) { i.as<FundingGuideFields>().deadline = d; });
        form.addText(QStringLiteral("funding_guide.eligibility"), tr("&Eligibility (Markdown):"), QStringLiteral("eligibilityEdit"),
                     [](const Item &i) { return i.as<FundingGuideFields>().eligibility; },
                     [](Item &i, const QString &v) { i.as<FundingGuideFields>().eligibility = v; });
        break;
    case ItemType::Policy:
        form.addLine(QStringLiteral("policy.reference"), tr("&Reference:"), QStringLiteral("referenceEdit"),
                     [](const Item &i) { return i.as<PolicyFields>().reference; },
                     [](Item &i, const QString &v) { i.as<PolicyFields>().reference = v; });
        form.addDate(QStringLiteral("policy.effective_from"), tr("&Effective from:"), QStringLiteral("policyEffectiveFrom"),
                     tr("Not set"), [](const Item &i) { return optionalDate(i.as<PolicyFields>().effectiveFrom); },
                     [](Item &i, const std::optional<QDate> &d) { i.as<PolicyFields>().effectiveFrom = d.value_or(QDate()); });
        break;
    case ItemType::Portal: {
        QLineEdit *url = form.addLine(QStringLiteral("portal.url"), tr("&Web address:"), QStringLiteral("portalUrlEdit"),
                                      [](const Item &i) { return i.as<PortalFields>().url; },
                                      [](Item &i, const QString &v) { i.as<PortalFields>().url = v; });
        url->setPlaceholderText(tr("https://…"));
        form.addText(QStringLiteral("portal.purpose"), tr("P&urpose:"), QStringLiteral("purposeEdit"),
                     [](const Item &i) { return i.as<PortalFields>().purpose; },
                     [](Item &i, const QString &v) { i.as<PortalFields>().purpose = v; });
        break;
    }
    case ItemType::Bulletin:
        form.addLine(QStringLiteral("bulletin.subject"), tr("&Subject line:"), QStringLiteral("subjectEdit"),
                     [](const Item &i) { return i.as<BulletinFields>().subject; },
                     [](Item &i, const QString &v) { i.as<BulletinFields>().subject = v; });
        break;
    case ItemType::Term:
        addTermRows();
        break;
    case ItemType::Curriculum:
    case ItemType::Pathway:
        break; // editors of their own
    }
    refresh();
    showIssues();
}

void SimpleFieldsEditor::addTermRows()
{
    using namespace model;
    FieldForm &form = *m_form;
    FieldForm::Choices vocabularies;
    for (Vocabulary v : allVocabularies())
        vocabularies.append({Labels::vocabulary(v), int(v)});
    form.addChoice(QStringLiteral("term.vocabulary"), tr("&Vocabulary:"), QStringLiteral("vocabularyCombo"), vocabularies,
                   [](const Item &i) { return QVariant(int(i.as<TermFields>().vocabulary)); },
                   [](Item &i, const QVariant &v) { i.as<TermFields>().vocabulary = Vocabulary(v.toInt()); });

    // The parent: typed (any slug, so nothing is refused while the catalogue is behind) or
    // picked; type-ahead matches the titles and slugs of the vocabulary's terms.
    m_parentCombo = new QComboBox(this);
    m_parentCombo->setObjectName(QStringLiteral("parentCombo"));
    m_parentCombo->setEditable(true);
    m_parentCombo->setInsertPolicy(QComboBox::NoInsert);
    m_parentCombo->lineEdit()->setPlaceholderText(tr("None (a top-level term)"));
    m_parentCombo->setToolTip(tr("The slug of the parent term in the same vocabulary; empty for a top-level term"));
    m_parentCombo->setCompleter(new TermCompleter(m_parentCombo->model(), m_parentCombo));
    routeUndoKeysToDocument(m_parentCombo->lineEdit());
    const QString parentPath = QStringLiteral("term.parent");
    form.addRow(
        parentPath, tr("&Parent term:"), m_parentCombo,
        [this] {
            const auto &fields = document()->item().as<TermFields>();
            if (m_parentVocabulary != fields.vocabulary)
                loadParentTerms(fields.vocabulary);
            if (m_parentCombo->lineEdit()->text().trimmed() != fields.parent)
                m_parentCombo->setEditText(fields.parent);
        },
        [this] {
            const auto &fields = document()->item().as<TermFields>();
            if (fields.parent.isEmpty() || this->catalogue().terms(fields.vocabulary).isEmpty()
                || this->catalogue().hasTerm(fields.vocabulary, fields.parent))
                return QStringList();
            return QStringList{tr("no %1 term has the slug “%2”").arg(Labels::vocabulary(fields.vocabulary).toLower(), fields.parent)};
        });
    auto editParent = [this, parentPath](const QString &text) {
        m_form->edit(parentPath, tr("Parent term"), [&](Item &i) { i.as<TermFields>().parent = text.trimmed(); }, true);
    };
    connect(m_parentCombo->lineEdit(), &QLineEdit::textEdited, this, editParent);
    connect(m_parentCombo, &QComboBox::activated, this, [this, editParent](int index) {
        m_parentCombo->setEditText(m_parentCombo->itemText(index));
        editParent(m_parentCombo->itemText(index));
    });
    connect(m_parentCombo->completer(), qOverload<const QString &>(&QCompleter::activated), this,
            [this, editParent] { editParent(m_parentCombo->lineEdit()->text()); });

    form.addNumber(QStringLiteral("term.order"), tr("&Order among siblings:"), QStringLiteral("orderSpin"), -999, 99999,
                   [](const Item &i) { return i.as<TermFields>().order; },
                   [](Item &i, int v) { i.as<TermFields>().order = v; });

    FieldForm::Choices portals{{tr("None"), QVariant::fromValue(QUuid())}};
    for (const ItemEntry &portal : catalogue().portals())
        portals.append({portal.title, QVariant::fromValue(portal.id)});
    QComboBox *portal = form.addChoice(
        QStringLiteral("term.portal"), tr("Gateway p&ortal:"), QStringLiteral("portalCombo"), portals,
        [](const Item &i) { return QVariant::fromValue(i.as<TermFields>().portal); },
        [](Item &i, const QVariant &v) { i.as<TermFields>().portal = v.value<QUuid>(); });
    portal->setToolTip(tr("Career stages: the portal the gateway routes to"));
}

void SimpleFieldsEditor::loadParentTerms(model::Vocabulary vocabulary)
{
    m_parentVocabulary = vocabulary;
    m_parentCombo->clear();
    for (const TermEntry &term : catalogue().terms(vocabulary)) {
        m_parentCombo->addItem(term.slug);
        const int row = m_parentCombo->count() - 1;
        m_parentCombo->setItemData(row, term.title, Qt::ToolTipRole);
        m_parentCombo->setItemData(row, QString(term.title + QLatin1Char(' ') + term.slug), kTermSearchRole);
    }
    m_parentCombo->setCurrentIndex(-1);
}

void SimpleFieldsEditor::refresh()
{
    m_form->refresh();
}

void SimpleFieldsEditor::showIssues()
{
    m_form->showIssues();
}

bool SimpleFieldsEditor::focusPath(const QString &path)
{
    return m_form->focusPath(fieldIssuePath(document()->item().type(), path));
}

TypeFieldsEditor *createSimpleFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent)
{
    switch (document->item().type()) {
    case ItemType::Curriculum:
    case ItemType::Pathway:
        return nullptr;
    default:
        return new SimpleFieldsEditor(document, catalogue, parent);
    }
}

} // namespace carta::app
