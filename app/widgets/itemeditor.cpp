#include "widgets/itemeditor.h"
#include "widgets/fieldtext.h"

#include "editors/typefieldseditor.h"
#include "models/labels.h"
#include "models/paragraphlistmodel.h"
#include "widgets/attachmentspanel.h"
#include "widgets/paragrapheditor.h"
#include "widgets/termpicker.h"

#include "model/merge.h"
#include "model/validation.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QApplication>
#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace carta::app {

using model::ParagraphKind;
using model::Vocabulary;

namespace {

QString tagPath(Vocabulary v)
{
    switch (v) {
    case Vocabulary::Profession: return QStringLiteral("tags.professions");
    case Vocabulary::Specialty: return QStringLiteral("tags.specialties");
    case Vocabulary::Region: return QStringLiteral("tags.regions");
    case Vocabulary::CareerStage: return QStringLiteral("tags.career_stages");
    case Vocabulary::ClinicalArea: return QStringLiteral("tags.clinical_areas");
    }
    return {};
}

// True when path is `prefix` or lies below it ("tags.regions[1]" below "tags.regions").
bool pathIsOrBelow(const QString &path, const QString &prefix)
{
    return path == prefix
        || (path.startsWith(prefix) && (path.at(prefix.size()) == QLatin1Char('[') || path.at(prefix.size()) == QLatin1Char('.')));
}

// ---- schedule times: instants, shown and entered as Europe/London wall-clock times ----

const QTimeZone &london()
{
    return londonZone();
}

QString zoneText(const QDateTime &instant)
{
    const int offset = instant.toTimeZone(london()).offsetFromUtc();
    const QString sign = offset < 0 ? QStringLiteral("−") : QStringLiteral("+");
    const int minutes = std::abs(offset) / 60;
    const QString utc = QStringLiteral("%1%2:%3").arg(sign).arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    const QString abbreviation = london().abbreviation(instant);
    return ItemEditor::tr("UK time, %1 (UTC%2)").arg(abbreviation, utc);
}

// The minimum of a schedule edit: shown as "Not scheduled" (its special value text).
QDateTime unscheduledValue()
{
    return QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
}

struct AddKind
{
    ParagraphKind kind;
    const char *text;
};

} // namespace

QStringList parseTagList(const QString &text)
{
    QStringList terms;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString term = part.trimmed();
        if (!term.isEmpty())
            terms.append(term);
    }
    return terms;
}

ItemEditor::ItemEditor(replica::Replica &replica, model::Item item, QByteArray savedBytes, QWidget *parent,
                       const ItemCatalogue *catalogue)
    : QWidget(parent), m_replica(replica),
      m_ownCatalogue(catalogue ? nullptr : std::make_unique<ItemCatalogue>(&replica)),
      m_catalogue(catalogue ? catalogue : m_ownCatalogue.get()), m_document(new ItemDocument(std::move(item), this)),
      m_savedBytes(std::move(savedBytes))
{
    setObjectName(QStringLiteral("itemEditor"));
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, [this] { (void)save(); });
    buildUi();
    connectDocument();

    const model::Item &i = m_document->item();
    m_typeField->setText(Labels::itemType(i.type()));
    loadFromDocument();
    if (!i.paragraphs.isEmpty())
        selectParagraph(i.paragraphs.first().id);
    currentParagraphChanged();
    showIssues();
    auto local = m_replica.item(itemId());
    updateBanner(local && local.value() ? &*local.value() : nullptr);
    setSavedState(isNew() ? tr("New item: saved on this computer once you change it.") : tr("Saved on this computer."));
}

ItemEditor::~ItemEditor()
{
    // Whoever closes an editor saves it first (MainWindow::closeEditor); this is the last
    // chance if they did not.
    if (hasUnsavedChanges()) {
        const QSignalBlocker quiet(this); // whoever listened may be going away too
        (void)save();
    }
    // The sections follow the document, and the type editors may still reach it while they
    // go: delete them while it is there (children go in the order they came, the document
    // first).
    disconnect(m_sections, nullptr, this, nullptr); // no showIssues() while the tabs go
    delete m_sections;
    m_sections = nullptr;
}

QLineEdit *ItemEditor::addLineField(const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->installEventFilter(this);
    return edit;
}

QLabel *ItemEditor::addIssueLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(problemStyle());
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QScrollArea *ItemEditor::scrollable(QWidget *page, const QString &objectName)
{
    // Every section scrolls, so nothing is cut off in a small window or at a large scale.
    auto *scroll = new QScrollArea(m_sections);
    scroll->setObjectName(objectName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the fields; focusing one scrolls to it
    scroll->setWidget(page);
    return scroll;
}

void ItemEditor::buildUi()
{
    // ---- above the sections: notices and problems not shown beside a field ----
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("editorBanner"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(fontMetrics().averageCharWidth());
    m_banner->setAccessibleName(tr("Notice about this item"));
    m_banner->hide();

    m_otherIssues = new QWidget(this);
    m_otherIssues->setObjectName(QStringLiteral("otherIssues"));
    m_otherIssuesList = new QListWidget(m_otherIssues);
    m_otherIssuesList->setObjectName(QStringLiteral("otherIssuesList"));
    m_otherIssuesList->setAccessibleName(tr("Other problems to fix before review"));
    m_otherIssuesList->setToolTip(tr("Choose a problem to go to the place it names"));
    m_otherIssuesList->setWordWrap(true);
    m_otherIssuesList->setMaximumHeight(m_otherIssuesList->fontMetrics().lineSpacing() * 5
                                        + 2 * m_otherIssuesList->frameWidth());
    QPalette problems = m_otherIssuesList->palette();
    problems.setColor(QPalette::Text, QColor(0xb3, 0x26, 0x1e));
    m_otherIssuesList->setPalette(problems);
    auto *otherLabel = new QLabel(tr("To fix before review, elsewhere in this item (a draft is saved anyway); choose one to go "
                                     "to it:"),
                                  m_otherIssues);
    otherLabel->setWordWrap(true);
    otherLabel->setBuddy(m_otherIssuesList);
    auto *otherLayout = new QVBoxLayout(m_otherIssues);
    otherLayout->setContentsMargins(0, 0, 0, 0);
    otherLayout->setSpacing(2);
    otherLayout->addWidget(otherLabel);
    otherLayout->addWidget(m_otherIssuesList);
    m_otherIssues->hide();
    // Queued: going there changes the section shown, which rebuilds this list; not while
    // the list is still handling the click.
    const auto goTo = [this](QListWidgetItem *entry) {
        const QString path = entry->data(Qt::UserRole).toString();
        QMetaObject::invokeMethod(this, [this, path] { (void)focusPath(path); }, Qt::QueuedConnection);
    };
    connect(m_otherIssuesList, &QListWidget::itemActivated, this, goTo);
    connect(m_otherIssuesList, &QListWidget::itemClicked, this, goTo);

    // ---- the sections ----
    m_sections = new QTabWidget(this);
    m_sections->setObjectName(QStringLiteral("editorSections"));
    // Only its tab bar takes focus: the tab widget itself would stand in the focus chain a
    // second time (after the last field, as the bar's proxy) and send Tab back to the top.
    m_sections->setFocusPolicy(Qt::NoFocus);
    m_sections->setAccessibleName(tr("Sections of the item"));
    m_sections->setDocumentMode(true);

    m_itemSection = scrollable(buildItemSection(), QStringLiteral("metadataArea"));
    m_itemSection->setAccessibleName(tr("Item"));
    m_sectionNames.insert(m_itemSection, tr("Item"));
    m_sections->addTab(m_itemSection, tr("Item"));

    m_typeEditor = createTypeFieldsEditor(m_document, *m_catalogue, nullptr);
    if (m_typeEditor) {
        m_typeEditor->setObjectName(QStringLiteral("typeFieldsEditor"));
        auto *details = new QWidget;
        details->setObjectName(QStringLiteral("detailsSection"));
        auto *detailsLayout = new QVBoxLayout(details); // the same margins as the other sections
        detailsLayout->addWidget(m_typeEditor);
        m_detailsSection = scrollable(details, QStringLiteral("detailsArea"));
        m_detailsSection->setAccessibleName(tr("Details"));
        m_sectionNames.insert(m_detailsSection, tr("Details"));
        m_sections->addTab(m_detailsSection, tr("Details"));
    }

    m_paragraphsSection = scrollable(buildParagraphsSection(), QStringLiteral("paragraphsArea"));
    m_paragraphsSection->setAccessibleName(tr("Paragraphs"));
    m_sectionNames.insert(m_paragraphsSection, tr("Paragraphs"));
    m_sections->addTab(m_paragraphsSection, tr("Paragraphs"));

    m_attachments = new AttachmentsPanel(m_replica, m_document);
    m_attachmentsSection = scrollable(m_attachments, QStringLiteral("attachmentsScrollArea"));
    m_attachmentsSection->setAccessibleName(tr("Attachments"));
    m_sectionNames.insert(m_attachmentsSection, tr("Attachments"));
    m_sections->addTab(m_attachmentsSection, tr("Attachments"));

    // The problems list names those of the sections not shown.
    connect(m_sections, &QTabWidget::currentChanged, this, &ItemEditor::showIssues);

    m_savedState = new QLabel(this);
    m_savedState->setObjectName(QStringLiteral("savedState"));
    m_savedState->setAccessibleName(tr("Save state"));

    auto *layout = new QVBoxLayout(this);
    const int margin = fontMetrics().averageCharWidth() / 2;
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addWidget(m_banner);
    layout->addWidget(m_otherIssues);
    layout->addWidget(m_sections, 1);
    layout->addWidget(m_savedState);

    // Logical tab order: the problems, the section tabs, then each section top to bottom
    // (Qt skips the widgets of the sections not shown). The type editor keeps its own order.
    QList<QWidget *> order{m_otherIssuesList, m_sections->tabBar(), m_titleEdit, m_slugEdit, m_summaryEdit, m_typeField,
                           m_stateField};
    for (Vocabulary v : model::allVocabularies())
        order.append(m_pickers.value(int(v))->lineEdit());
    order += QList<QWidget *>{m_publishCheck, m_publishEdit, m_unpublishCheck, m_unpublishEdit, m_descriptionEdit, m_keywordsEdit};
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    QList<QWidget *> paragraphOrder{m_paragraphList, m_addButton, m_addKindButton, m_removeButton, m_upButton, m_downButton};
    paragraphOrder += m_paragraphEditor->tabOrder();
    paragraphOrder += m_attachments->tabOrder();
    for (int i = 1; i < paragraphOrder.size(); ++i)
        setTabOrder(paragraphOrder.at(i - 1), paragraphOrder.at(i));
}

QWidget *ItemEditor::buildItemSection()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("itemSection"));

    m_titleEdit = addLineField(QStringLiteral("titleEdit"), tr("Title"));
    m_slugEdit = addLineField(QStringLiteral("slugEdit"), tr("Slug"));
    m_slugEdit->setPlaceholderText(tr("words-joined-by-hyphens"));
    m_summaryEdit = new QPlainTextEdit(page);
    m_summaryEdit->setObjectName(QStringLiteral("summaryEdit"));
    m_summaryEdit->setAccessibleName(tr("Summary"));
    m_summaryEdit->setUndoRedoEnabled(false); // every edit goes through the document's undo stack
    m_summaryEdit->setTabChangesFocus(true);
    m_summaryEdit->setFixedHeight(m_summaryEdit->fontMetrics().lineSpacing() * 4 + 2 * m_summaryEdit->frameWidth() + 8);
    m_summaryEdit->installEventFilter(this);
    m_typeField = addLineField(QStringLiteral("typeField"), tr("Type"));
    m_stateField = addLineField(QStringLiteral("stateField"), tr("Workflow state"));
    for (QLineEdit *readOnly : {m_typeField, m_stateField}) {
        // Read-only, and looking it: no frame, the window's background. Still focusable, so a
        // screen reader reads it in the form's order.
        readOnly->setReadOnly(true);
        readOnly->setFrame(false);
        QPalette flat = readOnly->palette();
        flat.setColor(QPalette::Base, flat.color(QPalette::Window));
        readOnly->setPalette(flat);
    }
    m_stateField->setToolTip(tr("The state changes on the server: Edit ▸ Submit for Review sends the item to a reviewer; reviewers and publishers act in "
                                 "View ▸ Moderation Queue."));

    // A form row: the field with its validation messages under it.
    auto addRow = [&](QFormLayout *form, const QString &label, QWidget *field, const QString &issuePath,
                      const QString &issueName, QWidget *focusField = nullptr) {
        auto *cell = new QWidget(page);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(field);
        if (!issuePath.isEmpty()) {
            QLabel *issues = addIssueLabel(issuePath + QStringLiteral("Issues"));
            issues->setAccessibleName(tr("Problems with %1").arg(issueName));
            cellLayout->addWidget(issues);
            m_fieldIssues.insert(issuePath, FieldIssues{field, issues, issueName});
        }
        auto *rowLabel = new QLabel(label, page);
        rowLabel->setBuddy(focusField ? focusField : field);
        form->addRow(rowLabel, cell);
    };
    auto newForm = [] {
        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        return form;
    };

    auto *form = newForm();
    addRow(form, tr("&Title:"), m_titleEdit, QStringLiteral("title"), tr("Title"));
    addRow(form, tr("S&lug:"), m_slugEdit, QStringLiteral("slug"), tr("Slug"));
    addRow(form, tr("Su&mmary:"), m_summaryEdit, QStringLiteral("summary"), tr("Summary"));
    addRow(form, tr("Type:"), m_typeField, QString(), QString());
    addRow(form, tr("State:"), m_stateField, QString(), QString());

    // ---- taxonomy ----
    auto *taxonomy = new QGroupBox(tr("Taxonomy"), page);
    taxonomy->setObjectName(QStringLiteral("taxonomyGroup"));
    auto *taxonomyForm = newForm();
    for (Vocabulary v : model::allVocabularies()) {
        auto *picker = new TermPicker(v, *m_catalogue, taxonomy);
        picker->lineEdit()->installEventFilter(this);
        if (v == Vocabulary::Region)
            picker->setEmptyText(tr("National (all regions)"));
        m_pickers.insert(int(v), picker);
        connect(picker, &TermPicker::termsEdited, this, [this, v](const QStringList &terms) { m_document->editTags(v, terms); });
        addRow(taxonomyForm, tr("%1:", "form label").arg(Labels::vocabularyPlural(v)), picker, tagPath(v),
               Labels::vocabularyPlural(v), picker->lineEdit());
    }
    taxonomy->setLayout(taxonomyForm);

    // ---- schedule ----
    auto *schedule = new QGroupBox(tr("Schedule (UK time)"), page);
    schedule->setObjectName(QStringLiteral("scheduleGroup"));
    auto *scheduleForm = newForm();
    auto makeScheduleRow = [&](bool unpublish) {
        auto *check = new QCheckBox(unpublish ? tr("&Unpublish at a set time") : tr("&Publish at a set time"), schedule);
        check->setObjectName(unpublish ? QStringLiteral("unpublishScheduledCheck") : QStringLiteral("publishScheduledCheck"));
        check->setAccessibleName(unpublish ? tr("Unpublish at a set time") : tr("Publish at a set time"));
        auto *edit = new QDateTimeEdit(schedule);
        edit->setObjectName(unpublish ? QStringLiteral("unpublishAtEdit") : QStringLiteral("publishAtEdit"));
        edit->setAccessibleName(unpublish ? tr("Unpublish at (UK time)") : tr("Publish at (UK time)"));
        edit->setTimeSpec(Qt::UTC); // holds London wall-clock time; see londonWallClock()
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy HH:mm"));
        edit->setCalendarPopup(true);
        edit->setMinimumDateTime(unscheduledValue());
        edit->setSpecialValueText(tr("Not scheduled"));
        edit->installEventFilter(this);
        auto *zone = new QLabel(schedule);
        zone->setObjectName(unpublish ? QStringLiteral("unpublishZone") : QStringLiteral("publishZone"));
        auto *row = new QWidget(schedule);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(check);
        rowLayout->addWidget(edit);
        rowLayout->addWidget(zone, 1);
        const QString path = unpublish ? QStringLiteral("schedule.unpublish_at") : QStringLiteral("schedule.publish_at");
        addRow(scheduleForm, unpublish ? tr("Unpublish:") : tr("Publish:"), row, path,
               unpublish ? tr("Unpublish time") : tr("Publish time"), check);
        m_fieldIssues[path].field = edit;
        connect(check, &QCheckBox::toggled, this, [this, unpublish](bool on) {
            if (!m_updating)
                editSchedule(unpublish, on);
        });
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this, unpublish](const QDateTime &value) {
            if (m_updating || value == unscheduledValue())
                return;
            const QDateTime instant = londonInstant(value);
            m_document->editItem(
                unpublish ? tr("Change Unpublish Time") : tr("Change Publish Time"),
                [&](model::Item &item) { (unpublish ? item.schedule.unpublishAt : item.schedule.publishAt) = instant; },
                unpublish ? QStringLiteral("schedule.unpublish_at") : QStringLiteral("schedule.publish_at"));
        });
        (unpublish ? m_unpublishCheck : m_publishCheck) = check;
        (unpublish ? m_unpublishEdit : m_publishEdit) = edit;
        (unpublish ? m_unpublishZone : m_publishZone) = zone;
    };
    makeScheduleRow(false);
    makeScheduleRow(true);
    auto *scheduleNote = new QLabel(tr("Times are UK time (Europe/London): GMT in winter, BST in summer. The server publishes "
                                       "and unpublishes on time once the item is approved."),
                                    schedule);
    scheduleNote->setWordWrap(true);
    scheduleForm->addRow(scheduleNote);
    m_scheduleNotAllowed = new QLabel(schedule);
    m_scheduleNotAllowed->setObjectName(QStringLiteral("scheduleNotAllowed"));
    m_scheduleNotAllowed->setWordWrap(true);
    m_scheduleNotAllowed->setTextFormat(Qt::PlainText);
    m_scheduleNotAllowed->hide();
    scheduleForm->addRow(m_scheduleNotAllowed);
    schedule->setLayout(scheduleForm);

    // ---- meta tags ----
    auto *meta = new QGroupBox(tr("Search engines and sharing"), page);
    meta->setObjectName(QStringLiteral("metaGroup"));
    auto *metaForm = newForm();
    m_descriptionEdit = new QPlainTextEdit(meta);
    m_descriptionEdit->setObjectName(QStringLiteral("metaDescriptionEdit"));
    m_descriptionEdit->setAccessibleName(tr("Meta description"));
    m_descriptionEdit->setUndoRedoEnabled(false);
    m_descriptionEdit->setTabChangesFocus(true);
    m_descriptionEdit->setPlaceholderText(tr("One or two sentences shown under the title in search results"));
    m_descriptionEdit->setFixedHeight(m_descriptionEdit->fontMetrics().lineSpacing() * 3 + 2 * m_descriptionEdit->frameWidth() + 8);
    m_descriptionEdit->installEventFilter(this);
    m_descriptionCount = new QLabel(meta);
    m_descriptionCount->setObjectName(QStringLiteral("metaDescriptionCount"));
    m_descriptionCount->setAccessibleName(tr("Meta description length"));
    auto *descriptionCell = new QWidget(meta);
    auto *descriptionLayout = new QVBoxLayout(descriptionCell);
    descriptionLayout->setContentsMargins(0, 0, 0, 0);
    descriptionLayout->setSpacing(2);
    descriptionLayout->addWidget(m_descriptionEdit);
    descriptionLayout->addWidget(m_descriptionCount);
    addRow(metaForm, tr("&Description:"), descriptionCell, QStringLiteral("meta.description"), tr("Meta description"),
           m_descriptionEdit);
    m_fieldIssues[QStringLiteral("meta.description")].field = m_descriptionEdit;
    m_keywordsEdit = addLineField(QStringLiteral("metaKeywordsEdit"), tr("Keywords"));
    m_keywordsEdit->setPlaceholderText(tr("separated by commas, for example: foundation, training"));
    addRow(metaForm, tr("&Keywords:"), m_keywordsEdit, QStringLiteral("meta.keywords"), tr("Keywords"));
    meta->setLayout(metaForm);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(taxonomy);
    layout->addWidget(schedule);
    layout->addWidget(meta);
    layout->addStretch();

    // ---- edits from the widgets become commands ----
    connect(m_titleEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->editText(TextField::Title, text);
    });
    connect(m_slugEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->editText(TextField::Slug, text);
    });
    connect(m_summaryEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            m_document->editText(TextField::Summary, m_summaryEdit->toPlainText());
    });
    connect(m_descriptionEdit, &QPlainTextEdit::textChanged, this, [this] {
        updateDescriptionCount();
        if (m_updating)
            return;
        const QString text = m_descriptionEdit->toPlainText();
        m_document->editItem(tr("Edit Meta Description"), [&](model::Item &item) { item.meta.description = text; },
                             QStringLiteral("meta.description"));
    });
    connect(m_keywordsEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QStringList keywords = parseTagList(text);
        m_document->editItem(tr("Edit Keywords"), [&](model::Item &item) { item.meta.keywords = keywords; },
                             QStringLiteral("meta.keywords"));
    });
    return page;
}

QWidget *ItemEditor::buildParagraphsSection()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("paragraphsGroup"));

    m_paragraphModel = new ParagraphListModel(m_document, this);
    m_paragraphModel->setItemTitles([this](const QUuid &id) { return m_catalogue->itemTitle(id); });
    auto *listPane = new QWidget(page);
    m_paragraphList = new QListView(listPane);
    m_paragraphList->setObjectName(QStringLiteral("paragraphList"));
    m_paragraphList->setAccessibleName(tr("Paragraphs"));
    m_paragraphList->setAccessibleDescription(tr("Drag a paragraph to move it, or press Alt+Up or Alt+Down."));
    m_paragraphList->setModel(m_paragraphModel);
    m_paragraphList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_paragraphList->setUniformItemSizes(true);
    m_paragraphList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_paragraphList->setTextElideMode(Qt::ElideRight);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_paragraphList->setIconSize(QSize(iconSize, iconSize));
    // Reorder by drag and drop: the model turns each drop into one document move.
    m_paragraphList->setDragEnabled(true);
    m_paragraphList->setAcceptDrops(true);
    m_paragraphList->setDropIndicatorShown(true);
    m_paragraphList->setDragDropMode(QAbstractItemView::InternalMove);
    m_paragraphList->setDefaultDropAction(Qt::MoveAction);
    auto *listLabel = new QLabel(tr("&Paragraphs (drag to reorder, or Alt+Up and Alt+Down):"), listPane);
    listLabel->setBuddy(m_paragraphList);
    listLabel->setWordWrap(true);

    auto makeButton = [&](const QString &text, const QString &objectName, const QString &toolTip) {
        auto *button = new QPushButton(text, listPane);
        button->setObjectName(objectName);
        button->setAccessibleName(toolTip);
        button->setToolTip(toolTip);
        return button;
    };
    m_addButton = makeButton(tr("&Add Text"), QStringLiteral("addParagraphButton"), tr("Add a text paragraph after the selected one"));
    m_addKindButton = makeButton(tr("Add &Other"), QStringLiteral("addParagraphMenuButton"),
                                 tr("Add a paragraph of another kind after the selected one"));
    m_addMenu = new QMenu(m_addKindButton);
    m_addMenu->setObjectName(QStringLiteral("addParagraphMenu"));
    const AddKind kinds[] = {
        {ParagraphKind::Text, QT_TR_NOOP("&Text")},
        {ParagraphKind::Heading, QT_TR_NOOP("&Heading")},
        {ParagraphKind::Callout, QT_TR_NOOP("&Callout")},
        {ParagraphKind::LinkList, QT_TR_NOOP("&Link list")},
        {ParagraphKind::LearningOutcomes, QT_TR_NOOP("Learning &outcomes")},
        {ParagraphKind::PolicyRef, QT_TR_NOOP("&Policy reference")},
        {ParagraphKind::ResourceRef, QT_TR_NOOP("&Resource reference")},
        {ParagraphKind::PathwayRef, QT_TR_NOOP("P&athway reference")},
    };
    for (const AddKind &entry : kinds) {
        QAction *action = m_addMenu->addAction(tr(entry.text));
        action->setObjectName(QStringLiteral("addParagraphAction_") + model::toString(entry.kind));
        const ParagraphKind kind = entry.kind;
        connect(action, &QAction::triggered, this, [this, kind] { addParagraph(kind); });
    }
    m_addKindButton->setMenu(m_addMenu);
    m_removeButton = makeButton(tr("&Remove"), QStringLiteral("removeParagraphButton"), tr("Remove the selected paragraph"));
    m_upButton = makeButton(tr("Move &Up"), QStringLiteral("moveUpButton"), tr("Move the selected paragraph up (Alt+Up)"));
    m_downButton = makeButton(tr("Move &Down"), QStringLiteral("moveDownButton"), tr("Move the selected paragraph down (Alt+Down)"));
    connect(m_addButton, &QPushButton::clicked, this, [this] { addParagraph(ParagraphKind::Text); });
    connect(m_removeButton, &QPushButton::clicked, this, &ItemEditor::removeParagraph);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveParagraph(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveParagraph(+1); });

    // Alt+Up / Alt+Down wherever the focus is among the paragraph widgets.
    m_moveUpAction = new QAction(tr("Move Paragraph Up"), page);
    m_moveUpAction->setObjectName(QStringLiteral("moveParagraphUpAction"));
    m_moveUpAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveUpAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveParagraph(-1); });
    m_moveDownAction = new QAction(tr("Move Paragraph Down"), page);
    m_moveDownAction->setObjectName(QStringLiteral("moveParagraphDownAction"));
    m_moveDownAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_moveDownAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveParagraph(+1); });
    page->addAction(m_moveUpAction);
    page->addAction(m_moveDownAction);

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_addButton, m_addKindButton, m_removeButton, m_upButton, m_downButton})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_paragraphList, 1);
    listRow->addLayout(buttons);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(listLabel);
    listLayout->addLayout(listRow, 1);

    m_paragraphEditor = new ParagraphEditor(m_document, *m_catalogue, page);

    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(QStringLiteral("paragraphSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(listPane);
    splitter->addWidget(m_paragraphEditor);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(splitter);

    connect(m_paragraphList->selectionModel(), &QItemSelectionModel::currentChanged, this, &ItemEditor::currentParagraphChanged);
    return page;
}

void ItemEditor::connectDocument()
{
    connect(m_document, &ItemDocument::textChanged, this, [this](TextField field, const QString &paragraphId) {
        const QScopedValueRollback<bool> updating(m_updating, true);
        switch (field) {
        case TextField::Title:
            showDocumentText(m_titleEdit, m_document->item().title);
            Q_EMIT tabTitleChanged(tabTitle());
            break;
        case TextField::Slug: showDocumentText(m_slugEdit, m_document->item().slug); break;
        case TextField::Summary: showDocumentText(m_summaryEdit, m_document->item().summary); break;
        case TextField::ParagraphBody:
            if (paragraphId != m_currentParagraph) {
                // An undo elsewhere: show what changed.
                m_sections->setCurrentWidget(m_paragraphsSection);
                selectParagraph(paragraphId);
            }
            break;
        }
    });
    connect(m_document, &ItemDocument::tagsChanged, this, [this](Vocabulary v) {
        m_pickers.value(int(v))->setTerms(m_document->item().tags.terms(v));
    });
    connect(m_document, &ItemDocument::paragraphInserted, this, [this](int index) {
        selectParagraph(m_document->item().paragraphs.at(index).id);
    });
    connect(m_document, &ItemDocument::paragraphRemoved, this, [this](int index) {
        const auto &list = m_document->item().paragraphs;
        if (!list.isEmpty())
            selectParagraph(list.at(std::min(index, int(list.size()) - 1)).id);
        else
            currentParagraphChanged();
    });
    connect(m_document, &ItemDocument::paragraphMoved, this, [this](int, int to) {
        selectParagraph(m_document->item().paragraphs.at(to).id);
        updateParagraphButtons();
    });
    connect(m_document, &ItemDocument::fieldsChanged, this, [this] {
        loadFromDocument();
        showIssues(); // the attachments count in the section's title
    });
    connect(m_document, &ItemDocument::reset, this, [this] {
        loadFromDocument();
        const model::Item &i = m_document->item();
        const QString keep = m_currentParagraph;
        if (m_document->paragraphIndex(keep) >= 0)
            selectParagraph(keep);
        else if (!i.paragraphs.isEmpty())
            selectParagraph(i.paragraphs.first().id);
        currentParagraphChanged();
        showIssues();
        Q_EMIT tabTitleChanged(tabTitle());
    });
    connect(m_document, &ItemDocument::issuesChanged, this, &ItemEditor::showIssues);
    connect(m_document, &ItemDocument::changed, this, &ItemEditor::documentChanged);
}

void ItemEditor::loadFromDocument()
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    const model::Item &i = m_document->item();
    showDocumentText(m_titleEdit, i.title);
    showDocumentText(m_slugEdit, i.slug);
    showDocumentText(m_summaryEdit, i.summary);
    m_stateField->setText(Labels::state(i.state));
    for (Vocabulary v : model::allVocabularies())
        m_pickers.value(int(v))->setTerms(i.tags.terms(v));
    loadSchedule();
    loadMeta();
}

void ItemEditor::loadSchedule()
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    const model::Schedule &s = m_document->item().schedule;
    const auto show = [this](const std::optional<QDateTime> &time, QCheckBox *check, QDateTimeEdit *edit, QLabel *zone) {
        check->setChecked(time.has_value());
        check->setEnabled(m_scheduleReason.isEmpty());
        edit->setEnabled(time.has_value() && m_scheduleReason.isEmpty());
        if (time) {
            const QDateTime wall = londonWallClock(*time);
            if (edit->dateTime() != wall)
                edit->setDateTime(wall);
            zone->setText(zoneText(*time));
        } else {
            edit->setDateTime(unscheduledValue());
            zone->clear();
        }
        edit->setAccessibleDescription(zone->text());
    };
    show(s.publishAt, m_publishCheck, m_publishEdit, m_publishZone);
    show(s.unpublishAt, m_unpublishCheck, m_unpublishEdit, m_unpublishZone);
}

void ItemEditor::setScheduleAllowed(const QString &reasonIfNot)
{
    m_scheduleReason = reasonIfNot;
    m_scheduleNotAllowed->setText(reasonIfNot);
    m_scheduleNotAllowed->setVisible(!reasonIfNot.isEmpty());
    for (QWidget *w : {static_cast<QWidget *>(m_publishCheck), static_cast<QWidget *>(m_unpublishCheck),
                       static_cast<QWidget *>(m_publishEdit), static_cast<QWidget *>(m_unpublishEdit)})
        w->setToolTip(reasonIfNot);
    const QScopedValueRollback<bool> updating(m_updating, true);
    loadSchedule();
}

void ItemEditor::editSchedule(bool unpublish, bool scheduled)
{
    std::optional<QDateTime> value;
    if (scheduled) {
        // A sensible start: tomorrow at 9:00 UK time; unpublishing a month after publishing.
        const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(london());
        QDateTime start(now.date().addDays(1), QTime(9, 0), london());
        const auto &publishAt = m_document->item().schedule.publishAt;
        if (unpublish)
            start = londonInstant(londonWallClock(publishAt ? *publishAt : start).addMonths(1));
        value = start;
    }
    m_document->editItem(scheduled ? (unpublish ? tr("Schedule Unpublishing") : tr("Schedule Publishing"))
                                   : (unpublish ? tr("Clear Unpublish Time") : tr("Clear Publish Time")),
                         [&](model::Item &item) { (unpublish ? item.schedule.unpublishAt : item.schedule.publishAt) = value; });
    if (scheduled)
        (unpublish ? m_unpublishEdit : m_publishEdit)->setFocus(Qt::OtherFocusReason);
}

void ItemEditor::loadMeta()
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    const model::MetaTags &meta = m_document->item().meta;
    showDocumentText(m_descriptionEdit, meta.description);
    // While typing "foundation, " the field and the document agree; only rewrite it when
    // they differ (undo, redo).
    if (parseTagList(m_keywordsEdit->text()) != meta.keywords)
        showDocumentText(m_keywordsEdit, meta.keywords.join(QStringLiteral(", ")));
    updateDescriptionCount();
}

void ItemEditor::updateDescriptionCount()
{
    const qsizetype length = m_descriptionEdit->toPlainText().size();
    const qsizetype limit = model::Limits::kMetaDescription;
    if (length > limit) {
        m_descriptionCount->setText(tr("%1 of %2 characters: %3 too many").arg(length).arg(limit).arg(length - limit));
        m_descriptionCount->setStyleSheet(problemStyle());
    } else {
        m_descriptionCount->setText(tr("%1 of %2 characters").arg(length).arg(limit));
        m_descriptionCount->setStyleSheet(QString());
    }
}

void ItemEditor::documentChanged()
{
    // At most kAutosaveMs after the first unsaved change, even while typing goes on.
    if (!m_autosave.isActive())
        m_autosave.start();
    setSavedState(tr("Saving…"));
}

bool ItemEditor::eventFilter(QObject *watched, QEvent *event)
{
    // The text widgets have undo of their own; Ctrl+Z and Ctrl+Shift+Z must reach the
    // document's undo stack instead.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
    }
    // The meta description is one line: Enter moves on instead of breaking it.
    if (watched == m_descriptionEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            focusNextChild();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

namespace {

bool takesTab(const QWidget *w)
{
    return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && !w->focusProxy();
}

} // namespace

QList<QWidget *> ItemEditor::tabOrder() const
{
    // The controls of the editor a person can Tab to, in reading order. A control inside
    // another one that takes focus (a spin box's line edit) is reached through its owner.
    QList<QWidget *> order;
    for (QWidget *w : findChildren<QWidget *>()) {
        if (!takesTab(w))
            continue;
        bool inner = false;
        for (QWidget *p = w->parentWidget(); p && p != this; p = p->parentWidget())
            if (qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QComboBox *>(p) || qobject_cast<QTabBar *>(p))
                inner = true;
        if (!inner)
            order.append(w);
    }
    const int line = fontMetrics().height() / 2;
    auto place = [this](const QWidget *w) { return w->mapTo(this, QPoint(0, 0)); };
    std::stable_sort(order.begin(), order.end(), [&](const QWidget *a, const QWidget *b) {
        const QPoint pa = place(a);
        const QPoint pb = place(b);
        if (std::abs(pa.y() - pb.y()) > line)
            return pa.y() < pb.y();
        return pa.x() < pb.x();
    });
    return order;
}

bool ItemEditor::focusFirstControl()
{
    const QList<QWidget *> order = tabOrder();
    if (order.isEmpty())
        return false;
    order.first()->setFocus(Qt::TabFocusReason);
    return true;
}

bool ItemEditor::focusNextPrevChild(bool next)
{
    const QList<QWidget *> order = tabOrder();
    QWidget *focus = QApplication::focusWidget();
    qsizetype at = -1;
    for (qsizetype i = 0; i < order.size() && at < 0; ++i)
        if (order.at(i) == focus || order.at(i)->isAncestorOf(focus))
            at = i;
    if (at < 0 || order.isEmpty())
        return QWidget::focusNextPrevChild(next);
    const qsizetype to = at + (next ? 1 : -1);
    if (to >= 0 && to < order.size()) {
        order.at(to)->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
        return true;
    }
    // Past either end: the next control of the window outside this editor.
    QWidget *outside = this;
    do {
        outside = next ? outside->nextInFocusChain() : outside->previousInFocusChain();
    } while (outside && outside != this && (isAncestorOf(outside) || !takesTab(outside)));
    if (!outside || outside == this)
        return QWidget::focusNextPrevChild(next);
    outside->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    return true;
}

QString ItemEditor::tabTitle() const
{
    const QString title = m_document->item().title.trimmed();
    return title.isEmpty() ? tr("(untitled %1)").arg(Labels::itemType(m_document->item().type()).toLower()) : title;
}

bool ItemEditor::hasUnsavedChanges() const
{
    return model::serialize(m_document->item()) != m_savedBytes && !(isNew() && m_document->undoStack()->count() == 0);
}

void ItemEditor::setSavedState(const QString &text, bool problem)
{
    m_savedState->setText(text);
    m_savedState->setStyleSheet(problem ? problemStyle() : QString());
}

bool ItemEditor::save()
{
    m_autosave.stop();
    if (!hasUnsavedChanges()) {
        if (!isNew())
            setSavedState(tr("Saved on this computer."));
        return true;
    }
    model::Item toSave = m_document->item();
    auto current = m_replica.item(itemId());
    if (!current) {
        setSavedState(tr("Could not save: %1. Your changes are still here; Carta tries again after your next change.")
                          .arg(current.errorString()),
                      true);
        Q_EMIT notice(tr("Could not save “%1”: %2").arg(tabTitle(), current.errorString()));
        return false;
    }
    const bool movedUnderneath = current.value() && !current.value()->deleted && !m_savedBytes.isEmpty()
        && current.value()->bytes != m_savedBytes;
    if (movedUnderneath) {
        // A sync changed the replica's copy while this editor had edits: merge three ways.
        auto base = model::parseItem(m_savedBytes);
        auto theirs = current.value()->item();
        if (base && theirs) {
            auto merged = model::merge(base.value(), toSave, theirs.value());
            if (merged) {
                if (!merged.value().clean())
                    Q_EMIT notice(tr("“%1” was also changed by a sync while you edited it; where both changed the same "
                                     "text, your version is kept.")
                                      .arg(tabTitle()));
                toSave = merged.value().merged;
            }
        }
    }
    auto revision = m_replica.saveItem(toSave);
    if (!revision) {
        setSavedState(tr("Could not save: %1. Your changes are still here; Carta tries again after your next change.")
                          .arg(revision.errorString()),
                      true);
        Q_EMIT notice(tr("Could not save “%1”: %2").arg(tabTitle(), revision.errorString()));
        return false;
    }
    m_savedBytes = model::serialize(toSave);
    if (!(toSave == m_document->item()))
        m_document->replaceItem(toSave, tr("Merge Changes From the Server"));
    m_autosave.stop(); // the merge above is saved already
    setSavedState(tr("Saved on this computer at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::LongFormat)));
    Q_EMIT saved(itemId());
    return true;
}

void ItemEditor::reloadFromReplica()
{
    if (hasUnsavedChanges())
        (void)save(); // merges with whatever the sync brought
    if (m_ownCatalogue) { // the sync may have brought new terms and items to refer to
        m_ownCatalogue->reload();
        for (TermPicker *picker : std::as_const(m_pickers))
            picker->reloadTerms();
    }
    auto current = m_replica.item(itemId());
    if (!current)
        return;
    if (!current.value()) {
        if (!isNew()) {
            // Deleted on the server, and nothing unsent here: the replica let it go.
            m_banner->setText(tr("This item was deleted on the server. If you change it, it is created again with your "
                                 "version when you next sync."));
            m_banner->show();
        }
        return;
    }
    const replica::LocalItem &local = *current.value();
    updateBanner(&local);
    if (local.deleted || local.bytes == m_savedBytes)
        return;
    auto item = local.item();
    if (!item)
        return;
    m_savedBytes = local.bytes;
    m_document->replaceItem(item.value(), tr("Changes From the Server"));
    m_autosave.stop();
    setSavedState(tr("Updated with changes from the server."));
}

void ItemEditor::updateBanner(const replica::LocalItem *local)
{
    QString text;
    if (local && local->conflicted)
        text = tr("This item conflicts with a change on the server. Your version is shown and kept; resolving conflicts "
                  "in the app is not available yet (use “carta-cli resolve”).");
    else if (local && local->deleted)
        text = tr("This item is deleted on this computer; the deletion is sent with the next sync.");
    else if (local && !local->pushIssues.isEmpty())
        text = tr("The server refused the last version of this item:\n%1").arg(model::joinIssues(local->pushIssues));
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void ItemEditor::setFieldIssues(const FieldIssues &target, const QStringList &messages)
{
    QStringList lines;
    for (const QString &m : messages)
        lines.append(tr("%1: %2").arg(target.name, m));
    target.label->setText(lines.join(QLatin1Char('\n')));
    target.label->setVisible(!lines.isEmpty());
    if (auto *picker = qobject_cast<TermPicker *>(target.field))
        picker->setIssues(lines);
    else
        target.field->setAccessibleDescription(lines.join(QLatin1Char(' ')));
}

void ItemEditor::showIssues()
{
    const QString typePrefix = model::toString(m_document->item().type());
    QHash<QString, QStringList> byField;
    QHash<QWidget *, int> problems; // by section
    // Listed above the sections, each taking you to its place: problems with no place of
    // their own, and those in a section not shown now.
    QList<std::pair<QString, QString>> listed; // text, path
    QWidget *shown = m_sections->currentWidget();
    for (const model::Issue &issue : m_document->issues()) {
        QString key;
        for (auto it = m_fieldIssues.cbegin(); it != m_fieldIssues.cend(); ++it) {
            if (pathIsOrBelow(issue.where, it.key())) {
                key = it.key();
                break;
            }
        }
        QWidget *section = nullptr;
        QString text;
        if (!key.isEmpty()) {
            // Messages of list entries name the entry ("\"x\" is listed twice"), so the path adds nothing.
            byField[key].append(issue.message);
            section = m_itemSection;
            text = tr("%1: %2").arg(m_fieldIssues.value(key).name, issue.message);
        } else if (pathIsOrBelow(issue.where, QStringLiteral("paragraphs"))) {
            // Marked in the list; in full under the paragraph's editor when it is selected.
            section = m_paragraphsSection;
            text = describeParagraphIssue(m_document->item(), issue);
        } else if (pathIsOrBelow(issue.where, QStringLiteral("attachments"))) {
            section = m_attachmentsSection; // the attachments section lists them
            text = tr("%1: %2").arg(m_sectionNames.value(m_attachmentsSection), issue.toString());
        } else if (m_typeEditor
                   && (pathIsOrBelow(issue.where, typePrefix) || pathIsOrBelow(issue.where, QStringLiteral("fields")))) {
            section = m_detailsSection; // the type's editor shows them beside its fields
            text = tr("%1: %2").arg(m_sectionNames.value(m_detailsSection), issue.toString());
        } else {
            text = issue.toString();
        }
        if (section)
            ++problems[section];
        if (!section || section != shown)
            listed.append({text, issue.where});
    }
    for (auto it = m_fieldIssues.cbegin(); it != m_fieldIssues.cend(); ++it)
        setFieldIssues(it.value(), byField.value(it.key()));

    m_otherIssuesList->clear();
    for (const auto &[text, path] : std::as_const(listed)) {
        auto *entry = new QListWidgetItem(text, m_otherIssuesList);
        entry->setData(Qt::UserRole, path);
        entry->setToolTip(path.isEmpty() ? text : tr("Go to %1").arg(path));
    }
    m_otherIssues->setVisible(!listed.isEmpty());
    updateSectionTitles(problems);
}

void ItemEditor::updateSectionTitles(const QHash<QWidget *, int> &problems)
{
    // The count of problems in each section, in words (not only a mark), so the person
    // knows where to look.
    for (int i = 0; i < m_sections->count(); ++i) {
        QWidget *section = m_sections->widget(i);
        QString name = m_sectionNames.value(section);
        if (section == m_attachmentsSection && !m_document->item().attachments.isEmpty())
            name = tr("%1 (%2)").arg(name).arg(m_document->item().attachments.size());
        const int count = problems.value(section);
        m_sections->setTabText(i, count == 0 ? name : tr("%1 (%n to fix)", nullptr, count).arg(name));
        m_sections->setTabToolTip(i, count == 0 ? QString() : tr("%n problem(s) to fix in %1", nullptr, count).arg(name));
    }
}

void ItemEditor::selectParagraph(const QString &paragraphId)
{
    const QModelIndex index = m_paragraphModel->indexOf(paragraphId);
    if (!index.isValid())
        return;
    if (m_paragraphList->currentIndex() != index)
        m_paragraphList->setCurrentIndex(index); // emits currentChanged
    else if (m_currentParagraph != paragraphId)
        currentParagraphChanged();
}

void ItemEditor::currentParagraphChanged()
{
    const QModelIndex current = m_paragraphList->currentIndex();
    m_currentParagraph = current.isValid() ? current.data(ParagraphListModel::IdRole).toString() : QString();
    m_paragraphEditor->setParagraph(m_currentParagraph);
    updateParagraphButtons();
}

void ItemEditor::updateParagraphButtons()
{
    const int index = m_document->paragraphIndex(m_currentParagraph);
    const int count = int(m_document->item().paragraphs.size());
    m_removeButton->setEnabled(index >= 0);
    m_upButton->setEnabled(index > 0);
    m_downButton->setEnabled(index >= 0 && index + 1 < count);
    m_moveUpAction->setEnabled(m_upButton->isEnabled());
    m_moveDownAction->setEnabled(m_downButton->isEnabled());
}

void ItemEditor::addParagraph(ParagraphKind kind)
{
    const int index = m_document->paragraphIndex(m_currentParagraph);
    const QString id = addParagraphOfKind(m_document, kind, index < 0 ? int(m_document->item().paragraphs.size()) : index + 1);
    m_sections->setCurrentWidget(m_paragraphsSection);
    selectParagraph(id);
    m_paragraphEditor->focusEditor();
}

void ItemEditor::removeParagraph()
{
    if (!m_currentParagraph.isEmpty())
        m_document->removeParagraph(m_currentParagraph);
}

void ItemEditor::moveParagraph(int delta)
{
    if (!m_currentParagraph.isEmpty())
        m_document->moveParagraph(m_currentParagraph, delta);
}

void ItemEditor::focusFirstField()
{
    m_sections->setCurrentWidget(m_itemSection);
    m_titleEdit->setFocus();
}

bool ItemEditor::focusPath(const QString &path)
{
    // A field of the Item section.
    for (auto it = m_fieldIssues.cbegin(); it != m_fieldIssues.cend(); ++it) {
        if (!pathIsOrBelow(path, it.key()))
            continue;
        m_sections->setCurrentWidget(m_itemSection);
        QWidget *field = it.value().field;
        if (auto *picker = qobject_cast<TermPicker *>(field))
            field = picker->lineEdit();
        if (!field->isEnabled()) // an unscheduled time: its check box
            field = field == m_publishEdit ? static_cast<QWidget *>(m_publishCheck) : m_unpublishCheck;
        static_cast<QScrollArea *>(m_itemSection)->ensureWidgetVisible(field);
        field->setFocus(Qt::OtherFocusReason);
        return true;
    }
    static const QRegularExpression paragraph(QStringLiteral("^paragraphs\\[(\\d+)\\]\\.?(.*)$"));
    if (const auto match = paragraph.match(path); match.hasMatch()) {
        const int index = match.captured(1).toInt();
        if (index >= m_document->item().paragraphs.size())
            return false;
        m_sections->setCurrentWidget(m_paragraphsSection);
        selectParagraph(m_document->item().paragraphs.at(index).id);
        return m_paragraphEditor->focusPath(match.captured(2));
    }
    if (pathIsOrBelow(path, QStringLiteral("paragraphs"))) {
        m_sections->setCurrentWidget(m_paragraphsSection);
        m_paragraphList->setFocus(Qt::OtherFocusReason);
        return true;
    }
    if (pathIsOrBelow(path, QStringLiteral("attachments"))) {
        m_sections->setCurrentWidget(m_attachmentsSection);
        return m_attachments->focusPath(path);
    }
    const QString typePrefix = model::toString(m_document->item().type());
    const QString fieldsPrefix = QStringLiteral("fields");
    if (m_typeEditor && (pathIsOrBelow(path, typePrefix) || pathIsOrBelow(path, fieldsPrefix))) {
        m_sections->setCurrentWidget(m_detailsSection);
        if (m_typeEditor->focusPath(path))
            return true;
        // Validation names the fields by the type ("curriculum.version"); the editors may
        // know them as "fields.version": try the other spelling.
        const QString other = path.startsWith(typePrefix) ? fieldsPrefix + path.mid(typePrefix.size())
                                                          : typePrefix + path.mid(fieldsPrefix.size());
        return m_typeEditor->focusPath(other);
    }
    return false;
}

} // namespace carta::app
