#include "widgets/paragrapheditor.h"
#include "widgets/fieldtext.h"

#include "models/labels.h"
#include "models/paragraphlistmodel.h"
#include "widgets/termpicker.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/previewpane.h"

namespace carta::app {

using model::ParagraphKind;

namespace {

// The live preview of a paragraph's Markdown, rendered as the public site renders it.
std::pair<QWidget *, std::function<void(const QString &)>> makeMarkdownPreview(QWidget *parent)
{
    auto *preview = new MarkdownPreview(parent);
    preview->setOpenLinks(false); // a click in the preview must not navigate away from it
    preview->setFrameShape(QFrame::StyledPanel);
    return {preview, [preview](const QString &markdown) { preview->setMarkdown(markdown); }};
}

model::ItemType targetType(ParagraphKind kind)
{
    switch (kind) {
    case ParagraphKind::ResourceRef: return model::ItemType::Resource;
    case ParagraphKind::PathwayRef: return model::ItemType::Pathway;
    default: return model::ItemType::Policy;
    }
}

bool isReference(ParagraphKind kind)
{
    return kind == ParagraphKind::PolicyRef || kind == ParagraphKind::ResourceRef || kind == ParagraphKind::PathwayRef;
}

QLabel *newLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

QString describeParagraphIssue(const model::Item &item, const model::Issue &issue)
{
    static const QRegularExpression path(QStringLiteral("^paragraphs\\[(\\d+)\\](.*)$"));
    static const QRegularExpression link(QStringLiteral("^\\.links\\[(\\d+)\\]\\.(title|url)$"));
    static const QRegularExpression code(QStringLiteral("^\\.outcome_codes\\[(\\d+)\\]$"));
    const auto match = path.match(issue.where);
    if (!match.hasMatch())
        return issue.toString();
    const int index = match.captured(1).toInt();
    const int number = index + 1;
    const QString sub = match.captured(2);
    const ParagraphKind kind = item.paragraphs.value(index).kind;
    if (sub.isEmpty() || sub == QLatin1String(".markdown") || (sub == QLatin1String(".text") && kind == ParagraphKind::Heading))
        return ParagraphEditor::tr("Paragraph %1: %2").arg(number).arg(issue.message);
    if (sub == QLatin1String(".text"))
        return ParagraphEditor::tr("Paragraph %1, %2: %3")
            .arg(number)
            .arg(kind == ParagraphKind::LearningOutcomes ? ParagraphEditor::tr("introduction") : ParagraphEditor::tr("title"),
                 issue.message);
    if (const auto m = link.match(sub); m.hasMatch())
        return (m.captured(2) == QLatin1String("title") ? ParagraphEditor::tr("Paragraph %1, link %2 title: %3")
                                                        : ParagraphEditor::tr("Paragraph %1, link %2 address: %3"))
            .arg(number)
            .arg(m.captured(1).toInt() + 1)
            .arg(issue.message);
    if (const auto c = code.match(sub); c.hasMatch())
        return ParagraphEditor::tr("Paragraph %1, learning outcome %2: %3").arg(number).arg(c.captured(1).toInt() + 1).arg(issue.message);
    QString field = sub.mid(1);
    field.replace(QLatin1Char('_'), QLatin1Char(' '));
    return ParagraphEditor::tr("Paragraph %1, %2: %3").arg(number).arg(field, issue.message);
}

QString addParagraphOfKind(ItemDocument *document, ParagraphKind kind, int index)
{
    if (kind == ParagraphKind::Text)
        return document->addTextParagraph(index);
    // ItemDocument adds text paragraphs only; the kind and its starting fields follow in
    // the same macro, so adding is one step to undo.
    QUndoStack *stack = document->undoStack();
    stack->beginMacro(ParagraphEditor::tr("Add %1 Paragraph").arg(Labels::paragraphKind(kind)));
    const QString id = document->addTextParagraph(index);
    document->editItem(ParagraphEditor::tr("Set Paragraph Kind"), [&](model::Item &item) {
        for (model::Paragraph &p : item.paragraphs) {
            if (p.id != id)
                continue;
            p.kind = kind;
            p.markdown.clear();
            p.text.clear();
            p.level = 2;
            p.style = model::CalloutStyle::Info;
            if (kind == ParagraphKind::LinkList)
                p.links = {model::Link{}};
        }
    });
    stack->endMacro();
    return id;
}

ParagraphEditor::ParagraphEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent)
    : QWidget(parent), m_document(document), m_catalogue(catalogue)
{
    setObjectName(QStringLiteral("paragraphEditor"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("paragraphEditorTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("paragraphKindPages"));
    auto *none = new QLabel(tr("Select a paragraph to edit it, or add one."), m_pages);
    none->setObjectName(QStringLiteral("noParagraphLabel"));
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    none->setWordWrap(true);
    m_nonePage = none;
    m_pages->addWidget(m_nonePage);
    buildMarkdownPage();
    buildHeadingPage();
    buildLinksPage();
    buildOutcomesPage();
    buildReferencePage();

    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("paragraphIssues"));
    m_issues->setAccessibleName(tr("Problems with the selected paragraph"));
    m_issues->setWordWrap(true);
    m_issues->setStyleSheet(problemStyle());
    m_issues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_issues);

    connect(document, &ItemDocument::textChanged, this, [this](TextField field, const QString &id) {
        if (field == TextField::ParagraphBody && id == m_paragraphId)
            loadBodyText();
    });
    connect(document, &ItemDocument::fieldsChanged, this, &ParagraphEditor::load);
    connect(document, &ItemDocument::reset, this, &ParagraphEditor::load);
    connect(document, &ItemDocument::paragraphMoved, this, &ParagraphEditor::load);     // "paragraph 2 of 5"
    connect(document, &ItemDocument::paragraphInserted, this, &ParagraphEditor::load);
    connect(document, &ItemDocument::paragraphRemoved, this, &ParagraphEditor::load);
    connect(document, &ItemDocument::issuesChanged, this, &ParagraphEditor::showIssues);
    load();
}

void ParagraphEditor::buildMarkdownPage()
{
    m_markdownPage = new QWidget(m_pages);
    m_markdownPage->setObjectName(QStringLiteral("markdownParagraphPage"));

    m_calloutRow = new QWidget(m_markdownPage);
    m_calloutTitle = new QLineEdit(m_calloutRow);
    m_calloutTitle->setObjectName(QStringLiteral("calloutTitleEdit"));
    m_calloutTitle->setAccessibleName(tr("Callout title"));
    m_calloutTitle->setPlaceholderText(tr("Optional, for example “Before you apply”"));
    routeUndo(m_calloutTitle);
    m_calloutStyle = new QComboBox(m_calloutRow);
    m_calloutStyle->setObjectName(QStringLiteral("calloutStyleCombo"));
    m_calloutStyle->setAccessibleName(tr("Callout style"));
    m_calloutStyle->addItem(tr("Information"), int(model::CalloutStyle::Info));
    m_calloutStyle->addItem(tr("Warning"), int(model::CalloutStyle::Warning));
    m_calloutStyle->addItem(tr("Important"), int(model::CalloutStyle::Important));
    auto *calloutForm = new QFormLayout(m_calloutRow);
    calloutForm->setContentsMargins(0, 0, 0, 0);
    calloutForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    calloutForm->addRow(newLabel(tr("Callout t&itle:"), m_calloutTitle, m_calloutRow), m_calloutTitle);
    calloutForm->addRow(newLabel(tr("St&yle:"), m_calloutStyle, m_calloutRow), m_calloutStyle);

    m_markdown = new QPlainTextEdit(m_markdownPage);
    m_markdown->setObjectName(QStringLiteral("paragraphBodyEdit"));
    m_markdown->setUndoRedoEnabled(false); // every edit goes through the document's undo stack
    m_markdown->setTabChangesFocus(true);
    routeUndo(m_markdown);
    m_markdownLabel = newLabel(tr("&Markdown:"), m_markdown, m_markdownPage);

    auto [preview, show] = makeMarkdownPreview(m_markdownPage);
    m_preview = preview;
    m_showPreview = std::move(show);
    m_preview->setObjectName(QStringLiteral("markdownPreview"));
    m_preview->setAccessibleName(tr("Preview"));
    auto *previewLabel = newLabel(tr("Preview:"), m_preview, m_markdownPage);
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150); // coalesces fast typing; still reads as live
    connect(m_previewTimer, &QTimer::timeout, this, [this] { m_showPreview(m_markdown->toPlainText()); });

    auto *editorColumn = new QWidget(m_markdownPage);
    auto *editorLayout = new QVBoxLayout(editorColumn);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_markdownLabel);
    editorLayout->addWidget(m_markdown, 1);
    auto *previewColumn = new QWidget(m_markdownPage);
    auto *previewLayout = new QVBoxLayout(previewColumn);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(previewLabel);
    previewLayout->addWidget(m_preview, 1);
    m_markdownSplitter = new QSplitter(Qt::Horizontal, m_markdownPage);
    m_markdownSplitter->setObjectName(QStringLiteral("markdownSplitter"));
    m_markdownSplitter->setChildrenCollapsible(false);
    m_markdownSplitter->addWidget(editorColumn);
    m_markdownSplitter->addWidget(previewColumn);
    m_markdownSplitter->setStretchFactor(0, 1);
    m_markdownSplitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(m_markdownPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_calloutRow);
    layout->addWidget(m_markdownSplitter, 1);
    m_pages->addWidget(m_markdownPage);

    connect(m_markdown, &QPlainTextEdit::textChanged, this, [this] {
        schedulePreview();
        if (!m_updating && !m_paragraphId.isEmpty())
            m_document->editText(TextField::ParagraphBody, m_markdown->toPlainText(), m_paragraphId);
    });
    connect(m_calloutTitle, &QLineEdit::textEdited, this, [this](const QString &text) {
        editParagraph(tr("Edit Callout Title"), QStringLiteral("text"), [&](model::Paragraph &p) { p.text = text; });
    });
    connect(m_calloutStyle, &QComboBox::activated, this, [this](int index) {
        const auto style = model::CalloutStyle(m_calloutStyle->itemData(index).toInt());
        editParagraph(tr("Change Callout Style"), QStringLiteral("style"), [&](model::Paragraph &p) { p.style = style; });
    });
}

void ParagraphEditor::buildHeadingPage()
{
    m_headingPage = new QWidget(m_pages);
    m_headingPage->setObjectName(QStringLiteral("headingParagraphPage"));
    m_headingText = new QLineEdit(m_headingPage);
    m_headingText->setObjectName(QStringLiteral("headingTextEdit"));
    m_headingText->setAccessibleName(tr("Heading text"));
    routeUndo(m_headingText);
    m_headingLevel = new QComboBox(m_headingPage);
    m_headingLevel->setObjectName(QStringLiteral("headingLevelCombo"));
    m_headingLevel->setAccessibleName(tr("Heading level"));
    m_headingLevel->addItem(tr("Level 2: a section"), 2);
    m_headingLevel->addItem(tr("Level 3: a subsection"), 3);
    m_headingLevel->addItem(tr("Level 4: a minor heading"), 4);
    auto *form = new QFormLayout(m_headingPage);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(newLabel(tr("Heading te&xt:"), m_headingText, m_headingPage), m_headingText);
    form->addRow(newLabel(tr("&Level:"), m_headingLevel, m_headingPage), m_headingLevel);
    m_pages->addWidget(m_headingPage);

    connect(m_headingText, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_paragraphId.isEmpty())
            m_document->editText(TextField::ParagraphBody, text, m_paragraphId);
    });
    connect(m_headingLevel, &QComboBox::activated, this, [this](int index) {
        const int level = m_headingLevel->itemData(index).toInt();
        editParagraph(tr("Change Heading Level"), QStringLiteral("level"), [&](model::Paragraph &p) { p.level = level; });
    });
}

void ParagraphEditor::buildLinksPage()
{
    m_linksPage = new QWidget(m_pages);
    m_linksPage->setObjectName(QStringLiteral("linkListParagraphPage"));
    m_linksTitle = new QLineEdit(m_linksPage);
    m_linksTitle->setObjectName(QStringLiteral("linkListTitleEdit"));
    m_linksTitle->setAccessibleName(tr("Link list title"));
    m_linksTitle->setPlaceholderText(tr("Optional, for example “Further reading”"));
    routeUndo(m_linksTitle);

    m_links = new ParagraphLinksModel(m_document, this);
    m_linkTable = new QTableView(m_linksPage);
    m_linkTable->setObjectName(QStringLiteral("linkTable"));
    m_linkTable->setAccessibleName(tr("Links"));
    m_linkTable->setModel(m_links);
    m_linkTable->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_linkTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_linkTable->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_linkTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                 | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_linkTable->horizontalHeader()->setSectionResizeMode(ParagraphLinksModel::TitleColumn, QHeaderView::Interactive);
    m_linkTable->horizontalHeader()->resizeSection(ParagraphLinksModel::TitleColumn,
                                                   m_linkTable->fontMetrics().averageCharWidth() * 28);
    m_linkTable->horizontalHeader()->setStretchLastSection(true);
    m_linkTable->setWordWrap(false);

    m_addLink = new QPushButton(tr("Add &Link"), m_linksPage);
    m_addLink->setObjectName(QStringLiteral("addLinkButton"));
    m_addLink->setAccessibleName(tr("Add a link after the selected one"));
    m_addLink->setToolTip(m_addLink->accessibleName());
    m_removeLink = new QPushButton(tr("Remo&ve Link"), m_linksPage);
    m_removeLink->setObjectName(QStringLiteral("removeLinkButton"));
    m_removeLink->setAccessibleName(tr("Remove the selected link"));
    m_removeLink->setToolTip(m_removeLink->accessibleName());

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addLink);
    buttons->addWidget(m_removeLink);
    buttons->addStretch();
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(newLabel(tr("List t&itle:"), m_linksTitle, m_linksPage), m_linksTitle);
    auto *layout = new QVBoxLayout(m_linksPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(newLabel(tr("Lin&ks (title and address; press F2 or start typing to edit a cell):"), m_linkTable,
                               m_linksPage));
    layout->addWidget(m_linkTable, 1);
    layout->addLayout(buttons);
    m_pages->addWidget(m_linksPage);

    connect(m_linksTitle, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_paragraphId.isEmpty())
            m_document->editText(TextField::ParagraphBody, text, m_paragraphId);
    });
    connect(m_addLink, &QPushButton::clicked, this, [this] {
        const int row = m_links->addLink(m_linkTable->currentIndex().isValid() ? m_linkTable->currentIndex().row() : -1);
        if (row < 0)
            return;
        const QModelIndex cell = m_links->index(row, ParagraphLinksModel::TitleColumn);
        m_linkTable->setCurrentIndex(cell);
        m_linkTable->setFocus(Qt::OtherFocusReason);
        m_linkTable->edit(cell);
    });
    connect(m_removeLink, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_linkTable->currentIndex();
        if (current.isValid())
            m_links->removeLink(current.row());
    });
}

void ParagraphEditor::buildOutcomesPage()
{
    m_outcomesPage = new QWidget(m_pages);
    m_outcomesPage->setObjectName(QStringLiteral("outcomesParagraphPage"));
    m_outcomesIntro = new QPlainTextEdit(m_outcomesPage);
    m_outcomesIntro->setObjectName(QStringLiteral("outcomesIntroEdit"));
    m_outcomesIntro->setAccessibleName(tr("Introduction to the learning outcomes"));
    m_outcomesIntro->setUndoRedoEnabled(false);
    m_outcomesIntro->setTabChangesFocus(true);
    m_outcomesIntro->setMaximumHeight(m_outcomesIntro->fontMetrics().lineSpacing() * 5
                                      + 2 * m_outcomesIntro->frameWidth() + 8);
    routeUndo(m_outcomesIntro);
    m_outcomeList = new QListWidget(m_outcomesPage);
    m_outcomeList->setObjectName(QStringLiteral("outcomeCodesList"));
    m_outcomeList->setAccessibleName(tr("Learning outcomes covered"));
    m_outcomesNote = new QLabel(m_outcomesPage);
    m_outcomesNote->setObjectName(QStringLiteral("outcomesNote"));
    m_outcomesNote->setWordWrap(true);

    auto *layout = new QVBoxLayout(m_outcomesPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(newLabel(tr("&Introduction:"), m_outcomesIntro, m_outcomesPage));
    layout->addWidget(m_outcomesIntro);
    layout->addWidget(newLabel(tr("Learning &outcomes covered (tick each one; Space ticks the selected one):"),
                               m_outcomeList, m_outcomesPage));
    layout->addWidget(m_outcomeList, 1);
    layout->addWidget(m_outcomesNote);
    m_pages->addWidget(m_outcomesPage);

    connect(m_outcomesIntro, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating && !m_paragraphId.isEmpty())
            m_document->editText(TextField::ParagraphBody, m_outcomesIntro->toPlainText(), m_paragraphId);
    });
    connect(m_outcomeList, &QListWidget::itemChanged, this, [this] {
        if (!m_updating)
            outcomesChecked();
    });
}

void ParagraphEditor::buildReferencePage()
{
    m_referencePage = new QWidget(m_pages);
    m_referencePage->setObjectName(QStringLiteral("referenceParagraphPage"));
    m_referenceEdit = new TermPickerLineEdit(m_referencePage);
    m_referenceEdit->setObjectName(QStringLiteral("referencePicker"));
    routeUndo(m_referenceEdit);
    m_referenceCompletions = new QStringListModel(this);
    auto *completer = new QCompleter(m_referenceCompletions, this);
    completer->setObjectName(QStringLiteral("referenceCompleter"));
    // The replica's search has chosen and ranked the items already.
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setMaxVisibleItems(10);
    m_referenceEdit->setCompleter(completer);
    m_referenceLabel = newLabel(QString(), m_referenceEdit, m_referencePage);
    m_referenceTarget = new QLabel(m_referencePage);
    m_referenceTarget->setObjectName(QStringLiteral("referenceTarget"));
    m_referenceTarget->setAccessibleName(tr("What the paragraph shows"));
    m_referenceTarget->setWordWrap(true);
    m_referenceTarget->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_referenceMessage = new QLabel(m_referencePage);
    m_referenceMessage->setObjectName(QStringLiteral("referenceMessage"));
    m_referenceMessage->setWordWrap(true);
    m_referenceMessage->setStyleSheet(problemStyle());
    m_referenceMessage->hide();

    auto *layout = new QVBoxLayout(m_referencePage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_referenceTarget);
    layout->addWidget(m_referenceLabel);
    layout->addWidget(m_referenceEdit);
    layout->addWidget(m_referenceMessage);
    layout->addStretch();
    m_pages->addWidget(m_referencePage);

    connect(m_referenceEdit, &QLineEdit::textEdited, this, [this, completer](const QString &text) {
        setReferenceMessage(QString());
        findTargets(text);
        if (!text.trimmed().isEmpty() && !m_found.isEmpty())
            completer->complete();
        else if (completer->popup())
            completer->popup()->hide();
    });
    connect(completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        const QString title = index.data().toString();
        // Queued: the line edit first takes the completion as its text; choosing clears it.
        QMetaObject::invokeMethod(this, [this, title] { (void)chooseTarget(title); }, Qt::QueuedConnection);
    });
    connect(m_referenceEdit, &TermPickerLineEdit::enterPressed, this, [this] { (void)chooseTarget(m_referenceEdit->text()); });
}

const model::Paragraph *ParagraphEditor::paragraph() const
{
    const int index = m_document->paragraphIndex(m_paragraphId);
    return index < 0 ? nullptr : &m_document->item().paragraphs.at(index);
}

void ParagraphEditor::setParagraph(const QString &paragraphId)
{
    if (paragraphId == m_paragraphId && paragraph())
        return;
    m_paragraphId = m_document->paragraphIndex(paragraphId) >= 0 ? paragraphId : QString();
    setReferenceMessage(QString());
    {
        const QSignalBlocker quiet(m_referenceEdit);
        m_referenceEdit->clear();
    }
    load();
}

void ParagraphEditor::load()
{
    const model::Paragraph *p = paragraph();
    const QScopedValueRollback<bool> updating(m_updating, true);
    if (!p) {
        m_paragraphId.clear();
        m_title->setText(tr("No paragraph selected"));
        m_pages->setCurrentWidget(m_nonePage);
        if (!m_links->paragraphId().isEmpty())
            m_links->setParagraph(QString());
        showIssues();
        return;
    }
    const int index = m_document->paragraphIndex(m_paragraphId);
    const int number = index + 1;
    m_title->setText(tr("Paragraph %1 of %2: %3")
                         .arg(number)
                         .arg(m_document->item().paragraphs.size())
                         .arg(Labels::paragraphKind(p->kind)));
    const QString links = p->kind == ParagraphKind::LinkList ? m_paragraphId : QString();
    if (m_links->paragraphId() != links)
        m_links->setParagraph(links);

    switch (p->kind) {
    case ParagraphKind::Text:
    case ParagraphKind::Callout: {
        const bool callout = p->kind == ParagraphKind::Callout;
        m_pages->setCurrentWidget(m_markdownPage);
        m_calloutRow->setVisible(callout);
        m_markdownLabel->setText(callout ? tr("Callout te&xt (Markdown):") : tr("&Markdown:"));
        m_markdown->setAccessibleName(callout ? tr("Paragraph %1 callout text").arg(number) : tr("Paragraph %1 text").arg(number));
        m_preview->setAccessibleName(tr("Preview of paragraph %1").arg(number));
        showDocumentText(m_markdown, p->markdown);
        if (callout) {
            showDocumentText(m_calloutTitle, p->text);
            m_calloutStyle->setCurrentIndex(m_calloutStyle->findData(int(p->style)));
        }
        schedulePreview();
        break;
    }
    case ParagraphKind::Heading:
        m_pages->setCurrentWidget(m_headingPage);
        m_headingText->setAccessibleName(tr("Paragraph %1 heading text").arg(number));
        showDocumentText(m_headingText, p->text);
        m_headingLevel->setCurrentIndex(std::max(0, m_headingLevel->findData(p->level)));
        break;
    case ParagraphKind::LinkList:
        m_pages->setCurrentWidget(m_linksPage);
        showDocumentText(m_linksTitle, p->text);
        break;
    case ParagraphKind::LearningOutcomes:
        m_pages->setCurrentWidget(m_outcomesPage);
        showDocumentText(m_outcomesIntro, p->text);
        loadOutcomes(*p);
        break;
    case ParagraphKind::PolicyRef:
    case ParagraphKind::ResourceRef:
    case ParagraphKind::PathwayRef:
        m_pages->setCurrentWidget(m_referencePage);
        loadTarget(*p);
        break;
    }
    showIssues();
}

void ParagraphEditor::loadBodyText()
{
    const model::Paragraph *p = paragraph();
    if (!p)
        return;
    const QScopedValueRollback<bool> updating(m_updating, true);
    switch (p->kind) {
    case ParagraphKind::Text:
    case ParagraphKind::Callout: showDocumentText(m_markdown, p->markdown); break;
    case ParagraphKind::Heading: showDocumentText(m_headingText, p->text); break;
    case ParagraphKind::LinkList: showDocumentText(m_linksTitle, p->text); break;
    case ParagraphKind::LearningOutcomes: showDocumentText(m_outcomesIntro, p->text); break;
    default: break;
    }
}

void ParagraphEditor::loadOutcomes(const model::Paragraph &p)
{
    // The curriculum's outcomes in its order, ticked when the paragraph lists them; codes
    // the curriculum does not have (any more) stay listed, so they can be unticked.
    const auto *curriculum = m_document->item().tryAs<model::CurriculumFields>();
    QList<std::pair<QString, QString>> rows; // code, text shown
    if (curriculum) {
        for (const model::LearningOutcome &lo : curriculum->learningOutcomes)
            if (!lo.code.isEmpty())
                rows.append({lo.code, lo.title.isEmpty() ? lo.code : tr("%1: %2").arg(lo.code, lo.title)});
    }
    for (const QString &code : p.outcomeCodes) {
        const bool listed = std::any_of(rows.cbegin(), rows.cend(), [&](const auto &row) { return row.first == code; });
        if (!listed)
            rows.append({code, tr("%1 (not a learning outcome of this curriculum)").arg(code)});
    }
    const QSignalBlocker quiet(m_outcomeList);
    bool sameRows = m_outcomeList->count() == rows.size();
    for (int row = 0; sameRows && row < rows.size(); ++row)
        sameRows = m_outcomeList->item(row)->data(Qt::UserRole).toString() == rows.at(row).first;
    if (!sameRows) {
        // Rebuilt only when the outcomes themselves changed: a tick must not replace the
        // entries under the person's hand.
        const int current = m_outcomeList->currentRow();
        m_outcomeList->clear();
        for (const auto &row : std::as_const(rows)) {
            auto *entry = new QListWidgetItem(m_outcomeList);
            entry->setData(Qt::UserRole, row.first);
            entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            entry->setCheckState(Qt::Unchecked); // a check box from the start
        }
        if (m_outcomeList->count() > 0)
            m_outcomeList->setCurrentRow(std::clamp(current, 0, m_outcomeList->count() - 1));
    }
    for (int row = 0; row < rows.size(); ++row) {
        QListWidgetItem *entry = m_outcomeList->item(row);
        entry->setText(rows.at(row).second);
        const Qt::CheckState state = p.outcomeCodes.contains(rows.at(row).first) ? Qt::Checked : Qt::Unchecked;
        if (entry->checkState() != state)
            entry->setCheckState(state);
    }
    if (!curriculum)
        m_outcomesNote->setText(tr("Only a curriculum has learning outcomes to choose from; on other items this paragraph "
                                   "lists codes of outcomes kept elsewhere."));
    else if (curriculum->learningOutcomes.isEmpty())
        m_outcomesNote->setText(tr("This curriculum has no learning outcomes yet: add them under Details."));
    else
        m_outcomesNote->clear();
    m_outcomesNote->setVisible(!m_outcomesNote->text().isEmpty());
}

void ParagraphEditor::outcomesChecked()
{
    QStringList codes;
    for (int row = 0; row < m_outcomeList->count(); ++row) {
        const QListWidgetItem *entry = m_outcomeList->item(row);
        if (entry->checkState() == Qt::Checked)
            codes.append(entry->data(Qt::UserRole).toString());
    }
    editParagraph(tr("Choose Learning Outcomes"), QString(), [&](model::Paragraph &p) { p.outcomeCodes = codes; });
}

void ParagraphEditor::loadTarget(const model::Paragraph &p)
{
    const model::ItemType type = targetType(p.kind);
    const QString typeName = Labels::itemType(type).toLower();
    m_referenceLabel->setText(p.target.isNull() ? tr("&Find a %1 to show here:").arg(typeName)
                                                : tr("&Find another %1 instead:").arg(typeName));
    m_referenceEdit->setAccessibleName(tr("Find a %1").arg(typeName));
    m_referenceEdit->setPlaceholderText(tr("Type part of its title…"));
    QString shown;
    if (p.target.isNull()) {
        shown = tr("No %1 chosen yet. Its content is shown here on the site, kept in step with the %1 itself.").arg(typeName);
    } else {
        const QString title = m_catalogue.itemTitle(p.target);
        shown = title.isEmpty() ? tr("Shows the %1 %2, which is not on this computer.").arg(typeName, model::idString(p.target))
                                : tr("Shows the %1 “%2”.").arg(typeName, title);
    }
    m_referenceTarget->setText(shown);
    m_referenceEdit->setAccessibleDescription(shown);
}

void ParagraphEditor::findTargets(const QString &text)
{
    const model::Paragraph *p = paragraph();
    m_found.clear();
    QStringList titles;
    if (p && isReference(p->kind)) {
        for (const ItemEntry &entry : m_catalogue.findItems(targetType(p->kind), text, 20)) {
            if (entry.id == m_document->item().id)
                continue;
            m_found.append(entry);
            titles.append(entry.title);
        }
    }
    m_referenceCompletions->setStringList(titles);
}

bool ParagraphEditor::chooseTarget(const QString &text)
{
    const model::Paragraph *p = paragraph();
    const QString wanted = text.trimmed();
    if (!p || !isReference(p->kind) || wanted.isEmpty())
        return false;
    findTargets(wanted);
    const auto found = std::find_if(m_found.cbegin(), m_found.cend(), [&](const ItemEntry &entry) {
        return entry.title.compare(wanted, Qt::CaseInsensitive) == 0;
    });
    if (found == m_found.cend()) {
        setReferenceMessage(tr("No %1 called “%2”. Choose one from the list as you type.")
                                .arg(Labels::itemType(targetType(p->kind)).toLower(), wanted));
        return false;
    }
    const QUuid target = found->id;
    setReferenceMessage(QString());
    {
        const QSignalBlocker quiet(m_referenceEdit);
        m_referenceEdit->clear();
    }
    if (QAbstractItemView *popup = m_referenceEdit->completer()->popup())
        popup->hide();
    editParagraph(tr("Choose What the Paragraph Shows"), QString(), [&](model::Paragraph &edited) { edited.target = target; });
    return true;
}

void ParagraphEditor::setReferenceMessage(const QString &text)
{
    m_referenceMessage->setText(text);
    m_referenceMessage->setVisible(!text.isEmpty());
}

void ParagraphEditor::schedulePreview()
{
    if (!m_previewTimer->isActive())
        m_previewTimer->start();
}

void ParagraphEditor::editParagraph(const QString &description, const QString &key,
                                   const std::function<void(model::Paragraph &)> &mutate)
{
    if (m_updating || m_paragraphId.isEmpty())
        return;
    const QString id = m_paragraphId;
    m_document->editItem(
        description,
        [&](model::Item &item) {
            for (model::Paragraph &p : item.paragraphs)
                if (p.id == id)
                    mutate(p);
        },
        key.isEmpty() ? QString() : QStringLiteral("paragraphs[id=%1].%2").arg(id, key));
}

void ParagraphEditor::showIssues()
{
    const model::Paragraph *p = paragraph();
    const int index = m_document->paragraphIndex(m_paragraphId);
    QStringList lines;
    if (p) {
        for (const model::Issue &issue : m_document->issuesAt(QStringLiteral("paragraphs[%1]").arg(index)))
            lines.append(describeParagraphIssue(m_document->item(), issue));
    }
    m_issues->setText(lines.join(QLatin1Char('\n')));
    m_issues->setVisible(!lines.isEmpty());
    const QString description = lines.join(QLatin1Char(' '));
    for (QWidget *field : QList<QWidget *>{m_markdown, m_headingText, m_linksTitle, m_linkTable, m_outcomesIntro, m_outcomeList})
        field->setAccessibleDescription(QString());
    if (!p)
        return;
    switch (p->kind) {
    case ParagraphKind::Text:
    case ParagraphKind::Callout: m_markdown->setAccessibleDescription(description); break;
    case ParagraphKind::Heading: m_headingText->setAccessibleDescription(description); break;
    case ParagraphKind::LinkList: m_linkTable->setAccessibleDescription(description); break;
    case ParagraphKind::LearningOutcomes: m_outcomeList->setAccessibleDescription(description); break;
    default: break; // the reference picker describes the target
    }
}

void ParagraphEditor::focusEditor()
{
    const model::Paragraph *p = paragraph();
    if (!p)
        return;
    switch (p->kind) {
    case ParagraphKind::Text: m_markdown->setFocus(Qt::OtherFocusReason); break;
    case ParagraphKind::Callout: m_calloutTitle->setFocus(Qt::OtherFocusReason); break;
    case ParagraphKind::Heading: m_headingText->setFocus(Qt::OtherFocusReason); break;
    case ParagraphKind::LinkList: m_linksTitle->setFocus(Qt::OtherFocusReason); break;
    case ParagraphKind::LearningOutcomes: m_outcomesIntro->setFocus(Qt::OtherFocusReason); break;
    default: m_referenceEdit->setFocus(Qt::OtherFocusReason); break;
    }
}

bool ParagraphEditor::focusPath(const QString &subPath)
{
    const model::Paragraph *p = paragraph();
    if (!p)
        return false;
    static const QRegularExpression link(QStringLiteral("^links\\[(\\d+)\\](?:\\.(title|url))?$"));
    static const QRegularExpression code(QStringLiteral("^outcome_codes\\[(\\d+)\\]$"));
    QWidget *target = nullptr;
    if (subPath == QLatin1String("level")) {
        target = m_headingLevel;
    } else if (subPath == QLatin1String("style")) {
        target = m_calloutStyle;
    } else if (subPath == QLatin1String("target")) {
        target = m_referenceEdit;
    } else if (subPath == QLatin1String("text") && p->kind == ParagraphKind::Callout) {
        target = m_calloutTitle;
    } else if (const auto m = link.match(subPath); m.hasMatch() && p->kind == ParagraphKind::LinkList) {
        const int column = m.captured(2) == QLatin1String("url") ? ParagraphLinksModel::UrlColumn : ParagraphLinksModel::TitleColumn;
        m_linkTable->setCurrentIndex(m_links->index(m.captured(1).toInt(), column));
        target = m_linkTable;
    } else if (subPath == QLatin1String("links")) {
        target = m_linkTable;
    } else if (const auto c = code.match(subPath); c.hasMatch() && p->kind == ParagraphKind::LearningOutcomes) {
        const QString wanted = p->outcomeCodes.value(c.captured(1).toInt());
        for (int row = 0; row < m_outcomeList->count(); ++row)
            if (m_outcomeList->item(row)->data(Qt::UserRole).toString() == wanted)
                m_outcomeList->setCurrentRow(row);
        target = m_outcomeList;
    } else if (subPath == QLatin1String("outcome_codes")) {
        target = m_outcomeList;
    }
    if (!target) {
        focusEditor();
        return subPath.isEmpty() || subPath == QLatin1String("markdown") || subPath == QLatin1String("text");
    }
    target->setFocus(Qt::OtherFocusReason);
    return true;
}

QList<QWidget *> ParagraphEditor::tabOrder() const
{
    return {m_calloutTitle, m_calloutStyle, m_markdown, m_preview,     m_headingText,   m_headingLevel, m_linksTitle,
            m_linkTable,    m_addLink,      m_removeLink, m_outcomesIntro, m_outcomeList, m_referenceEdit};
}

void ParagraphEditor::routeUndo(QWidget *widget)
{
    widget->installEventFilter(this);
}

bool ParagraphEditor::eventFilter(QObject *watched, QEvent *event)
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
    return QWidget::eventFilter(watched, event);
}

} // namespace carta::app
