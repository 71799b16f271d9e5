#include "widgets/itemeditor.h"

#include "models/labels.h"
#include "models/paragraphlistmodel.h"

#include "model/merge.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace carta::app {

using model::Vocabulary;

namespace {

const QString &problemStyle()
{
    // A dark red that reads on light and grey backgrounds; the text says what is wrong, so
    // colour is never the only signal.
    static const QString style = QStringLiteral("color: #b3261e;");
    return style;
}

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

QString tagObjectName(Vocabulary v)
{
    return model::toString(v) + QStringLiteral("TagsEdit");
}

// Where the cursor goes when the document changes a field's text (undo, redo, a merge):
// the end of the changed stretch, as in a text editor.
int cursorAfterChange(const QString &before, const QString &after)
{
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    return int(after.size() - suffix);
}

void setLineText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    const int cursor = cursorAfterChange(edit->text(), text);
    edit->setText(text);
    edit->setCursorPosition(cursor);
}

void setPlainText(QPlainTextEdit *edit, const QString &text)
{
    const QString before = edit->toPlainText();
    if (before == text)
        return;
    edit->setPlainText(text);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(cursorAfterChange(before, text));
    edit->setTextCursor(cursor);
}

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

ItemEditor::ItemEditor(replica::Replica &replica, model::Item item, QByteArray savedBytes, QWidget *parent)
    : QWidget(parent), m_replica(replica), m_document(new ItemDocument(std::move(item), this)),
      m_savedBytes(std::move(savedBytes))
{
    setObjectName(QStringLiteral("itemEditor"));
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, [this] { (void)save(); });
    buildUi();
    connectDocument();

    m_updating = true;
    const model::Item &i = m_document->item();
    m_titleEdit->setText(i.title);
    m_slugEdit->setText(i.slug);
    m_summaryEdit->setPlainText(i.summary);
    m_typeField->setText(Labels::itemType(i.type()));
    m_stateField->setText(Labels::state(i.state));
    for (Vocabulary v : model::allVocabularies())
        m_tagEdits.value(int(v))->setText(i.tags.terms(v).join(QStringLiteral(", ")));
    m_updating = false;
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

void ItemEditor::buildUi()
{
    // ---- banner and form ----
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("editorBanner"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->setAccessibleName(tr("Notice about this item"));
    m_banner->hide();
    m_otherIssues = addIssueLabel(QStringLiteral("otherIssues"));
    m_otherIssues->setAccessibleName(tr("Other problems to fix before review"));

    m_titleEdit = addLineField(QStringLiteral("titleEdit"), tr("Title"));
    m_slugEdit = addLineField(QStringLiteral("slugEdit"), tr("Slug"));
    m_slugEdit->setPlaceholderText(tr("words-joined-by-hyphens"));
    m_summaryEdit = new QPlainTextEdit(this);
    m_summaryEdit->setObjectName(QStringLiteral("summaryEdit"));
    m_summaryEdit->setAccessibleName(tr("Summary"));
    m_summaryEdit->setUndoRedoEnabled(false); // every edit goes through the document's undo stack
    m_summaryEdit->setTabChangesFocus(true);
    m_summaryEdit->setFixedHeight(m_summaryEdit->fontMetrics().lineSpacing() * 4 + 12);
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
    m_stateField->setToolTip(tr("Workflow actions (submit for review, approve, publish) are not in this version of the app."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto addRow = [&](const QString &label, QWidget *field, const QString &issuePath, const QString &issueName) {
        auto *cell = new QWidget(this);
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
        auto *rowLabel = new QLabel(label, this);
        rowLabel->setBuddy(field);
        form->addRow(rowLabel, cell);
    };
    addRow(tr("&Title:"), m_titleEdit, QStringLiteral("title"), tr("Title"));
    addRow(tr("S&lug:"), m_slugEdit, QStringLiteral("slug"), tr("Slug"));
    addRow(tr("Su&mmary:"), m_summaryEdit, QStringLiteral("summary"), tr("Summary"));
    addRow(tr("Type:"), m_typeField, QString(), QString());
    addRow(tr("State:"), m_stateField, QString(), QString());
    for (Vocabulary v : model::allVocabularies()) {
        QLineEdit *edit = addLineField(tagObjectName(v), Labels::vocabularyPlural(v));
        edit->setPlaceholderText(tr("term slugs, separated by commas"));
        edit->setToolTip(tr("%1: the slugs of taxonomy terms, separated by commas").arg(Labels::vocabularyPlural(v)));
        m_tagEdits.insert(int(v), edit);
        addRow(tr("%1:", "form label").arg(Labels::vocabularyPlural(v)), edit, tagPath(v), Labels::vocabularyPlural(v));
    }

    auto *formPage = new QWidget(this);
    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->addWidget(m_banner);
    formLayout->addWidget(m_otherIssues);
    formLayout->addLayout(form);
    formLayout->addStretch();
    auto *formScroll = new QScrollArea(this);
    formScroll->setObjectName(QStringLiteral("metadataArea"));
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidget(formPage);

    // ---- paragraphs ----
    auto *paragraphs = new QGroupBox(tr("Paragraphs"), this);
    paragraphs->setObjectName(QStringLiteral("paragraphsGroup"));
    m_paragraphModel = new ParagraphListModel(m_document, this);
    m_paragraphModel->setItemTitles([this](const QUuid &id) {
        auto local = m_replica.item(id);
        if (!local || !local.value())
            return QString();
        auto item = local.value()->item();
        return item ? item.value().title : QString();
    });
    m_paragraphList = new QListView(paragraphs);
    m_paragraphList->setObjectName(QStringLiteral("paragraphList"));
    m_paragraphList->setAccessibleName(tr("Paragraphs"));
    m_paragraphList->setModel(m_paragraphModel);
    m_paragraphList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_paragraphList->setUniformItemSizes(true);
    m_paragraphList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_paragraphList->setTextElideMode(Qt::ElideRight);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_paragraphList->setIconSize(QSize(iconSize, iconSize));

    auto makeButton = [&](const QString &text, const QString &objectName, const QString &toolTip) {
        auto *button = new QPushButton(text, paragraphs);
        button->setObjectName(objectName);
        button->setAccessibleName(toolTip);
        button->setToolTip(toolTip);
        return button;
    };
    m_addButton = makeButton(tr("&Add"), QStringLiteral("addParagraphButton"), tr("Add a text paragraph after the selected one"));
    m_removeButton = makeButton(tr("&Remove"), QStringLiteral("removeParagraphButton"), tr("Remove the selected paragraph"));
    m_upButton = makeButton(tr("Move &Up"), QStringLiteral("moveUpButton"), tr("Move the selected paragraph up (Alt+Up)"));
    m_downButton = makeButton(tr("Move &Down"), QStringLiteral("moveDownButton"), tr("Move the selected paragraph down (Alt+Down)"));
    connect(m_addButton, &QPushButton::clicked, this, &ItemEditor::addParagraph);
    connect(m_removeButton, &QPushButton::clicked, this, &ItemEditor::removeParagraph);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveParagraph(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveParagraph(+1); });

    // Alt+Up / Alt+Down wherever the focus is among the paragraph widgets.
    m_moveUpAction = new QAction(tr("Move Paragraph Up"), paragraphs);
    m_moveUpAction->setObjectName(QStringLiteral("moveParagraphUpAction"));
    m_moveUpAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveUpAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveParagraph(-1); });
    m_moveDownAction = new QAction(tr("Move Paragraph Down"), paragraphs);
    m_moveDownAction->setObjectName(QStringLiteral("moveParagraphDownAction"));
    m_moveDownAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_moveDownAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveParagraph(+1); });
    paragraphs->addAction(m_moveUpAction);
    paragraphs->addAction(m_moveDownAction);

    m_bodyLabel = new QLabel(paragraphs);
    m_bodyEdit = new QPlainTextEdit(paragraphs);
    m_bodyEdit->setObjectName(QStringLiteral("paragraphBodyEdit"));
    m_bodyEdit->setUndoRedoEnabled(false);
    m_bodyEdit->setTabChangesFocus(true);
    m_bodyEdit->installEventFilter(this);
    m_bodyLabel->setBuddy(m_bodyEdit);
    m_bodyIssues = addIssueLabel(QStringLiteral("paragraphIssues"));
    m_bodyIssues->setAccessibleName(tr("Problems with the selected paragraph"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_addButton, m_removeButton, m_upButton, m_downButton})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_paragraphList, 1);
    listRow->addLayout(buttons);
    auto *paragraphsLayout = new QVBoxLayout(paragraphs);
    paragraphsLayout->addLayout(listRow, 2);
    paragraphsLayout->addWidget(m_bodyLabel);
    paragraphsLayout->addWidget(m_bodyEdit, 3);
    paragraphsLayout->addWidget(m_bodyIssues);

    m_savedState = new QLabel(this);
    m_savedState->setObjectName(QStringLiteral("savedState"));
    m_savedState->setAccessibleName(tr("Save state"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("editorSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(formScroll);
    splitter->addWidget(paragraphs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_savedState);

    // Logical tab order: the form top to bottom, then the paragraphs.
    QList<QWidget *> order{m_titleEdit, m_slugEdit, m_summaryEdit, m_typeField, m_stateField};
    for (Vocabulary v : model::allVocabularies())
        order.append(m_tagEdits.value(int(v)));
    order += QList<QWidget *>{m_paragraphList, m_addButton, m_removeButton, m_upButton, m_downButton, m_bodyEdit};
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

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
    for (Vocabulary v : model::allVocabularies()) {
        connect(m_tagEdits.value(int(v)), &QLineEdit::textEdited, this, [this, v](const QString &text) {
            m_document->editTags(v, parseTagList(text));
        });
    }
    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating && !m_currentParagraph.isEmpty())
            m_document->editText(TextField::ParagraphBody, m_bodyEdit->toPlainText(), m_currentParagraph);
    });
    connect(m_paragraphList->selectionModel(), &QItemSelectionModel::currentChanged, this, &ItemEditor::currentParagraphChanged);
}

void ItemEditor::connectDocument()
{
    connect(m_document, &ItemDocument::textChanged, this, [this](TextField field, const QString &paragraphId) {
        m_updating = true;
        switch (field) {
        case TextField::Title:
            setLineText(m_titleEdit, m_document->item().title);
            Q_EMIT tabTitleChanged(tabTitle());
            break;
        case TextField::Slug: setLineText(m_slugEdit, m_document->item().slug); break;
        case TextField::Summary: setPlainText(m_summaryEdit, m_document->item().summary); break;
        case TextField::ParagraphBody:
            if (paragraphId != m_currentParagraph)
                selectParagraph(paragraphId); // an undo elsewhere: show what changed
            setPlainText(m_bodyEdit, m_document->text(TextField::ParagraphBody, paragraphId));
            break;
        }
        m_updating = false;
    });
    connect(m_document, &ItemDocument::tagsChanged, this, [this](Vocabulary v) {
        QLineEdit *edit = m_tagEdits.value(int(v));
        // While typing "london, " the field and the document agree; only rewrite it when
        // they differ (undo, redo).
        if (parseTagList(edit->text()) != m_document->item().tags.terms(v))
            setLineText(edit, m_document->item().tags.terms(v).join(QStringLiteral(", ")));
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
    connect(m_document, &ItemDocument::reset, this, [this] {
        m_updating = true;
        const model::Item &i = m_document->item();
        setLineText(m_titleEdit, i.title);
        setLineText(m_slugEdit, i.slug);
        setPlainText(m_summaryEdit, i.summary);
        m_stateField->setText(Labels::state(i.state));
        for (Vocabulary v : model::allVocabularies())
            if (parseTagList(m_tagEdits.value(int(v))->text()) != i.tags.terms(v))
                setLineText(m_tagEdits.value(int(v)), i.tags.terms(v).join(QStringLiteral(", ")));
        m_updating = false;
        const QString keep = m_currentParagraph;
        if (m_document->paragraphIndex(keep) >= 0)
            selectParagraph(keep);
        else if (!i.paragraphs.isEmpty())
            selectParagraph(i.paragraphs.first().id);
        currentParagraphChanged();
        Q_EMIT tabTitleChanged(tabTitle());
    });
    connect(m_document, &ItemDocument::issuesChanged, this, &ItemEditor::showIssues);
    connect(m_document, &ItemDocument::changed, this, &ItemEditor::documentChanged);
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
    return QWidget::eventFilter(watched, event);
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
    target.field->setAccessibleDescription(lines.join(QLatin1Char(' ')));
}

void ItemEditor::showIssues()
{
    static const QRegularExpression paragraphPath(QStringLiteral("^paragraphs\\[(\\d+)\\]"));
    QHash<QString, QStringList> byField;
    QStringList other;
    const int current = m_document->paragraphIndex(m_currentParagraph);
    QStringList currentParagraph;
    for (const model::Issue &issue : m_document->issues()) {
        QString key;
        for (auto it = m_fieldIssues.cbegin(); it != m_fieldIssues.cend(); ++it) {
            const QString &path = it.key();
            if (issue.where == path
                || (issue.where.startsWith(path)
                    && (issue.where.at(path.size()) == QLatin1Char('[') || issue.where.at(path.size()) == QLatin1Char('.')))) {
                key = path;
                break;
            }
        }
        if (!key.isEmpty()) {
            // Messages of list entries name the entry ("\"x\" is listed twice"), so the path adds nothing.
            byField[key].append(issue.message);
            continue;
        }
        const auto match = paragraphPath.match(issue.where);
        if (match.hasMatch()) {
            // Shown in the list (mark and tooltip); in full when the paragraph is selected.
            if (match.captured(1).toInt() == current)
                currentParagraph.append(issue.message);
            continue;
        }
        other.append(issue.toString());
    }
    for (auto it = m_fieldIssues.cbegin(); it != m_fieldIssues.cend(); ++it)
        setFieldIssues(it.value(), byField.value(it.key()));
    QStringList paragraphLines;
    for (const QString &m : currentParagraph)
        paragraphLines.append(tr("Paragraph %1: %2").arg(current + 1).arg(m));
    m_bodyIssues->setText(paragraphLines.join(QLatin1Char('\n')));
    m_bodyIssues->setVisible(!paragraphLines.isEmpty());
    m_bodyEdit->setAccessibleDescription(paragraphLines.join(QLatin1Char(' ')));
    m_otherIssues->setText(other.isEmpty() ? QString()
                                           : tr("To fix before review (a draft is saved anyway):\n%1").arg(other.join(QLatin1Char('\n'))));
    m_otherIssues->setVisible(!other.isEmpty());
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
    loadParagraphBody();
    updateParagraphButtons();
    showIssues();
}

void ItemEditor::loadParagraphBody()
{
    const int index = m_document->paragraphIndex(m_currentParagraph);
    const QScopedValueRollback<bool> updating(m_updating, true);
    if (index < 0) {
        m_bodyLabel->setText(tr("Select a paragraph to edit it, or add one."));
        m_bodyEdit->clear();
        m_bodyEdit->setReadOnly(true);
        m_bodyEdit->setAccessibleName(tr("Paragraph text"));
    } else {
        const model::Paragraph &p = m_document->item().paragraphs.at(index);
        const ParagraphBody body = paragraphBody(p.kind);
        switch (body) {
        case ParagraphBody::Markdown:
            m_bodyLabel->setText(tr("Paragraph %1 (%2), &Markdown:").arg(index + 1).arg(Labels::paragraphKind(p.kind)));
            break;
        case ParagraphBody::Text:
            m_bodyLabel->setText(tr("Paragraph %1 (%2), te&xt:").arg(index + 1).arg(Labels::paragraphKind(p.kind)));
            break;
        case ParagraphBody::None:
            m_bodyLabel->setText(tr("Paragraph %1 refers to another item; editing references is not available yet.").arg(index + 1));
            break;
        }
        m_bodyEdit->setAccessibleName(tr("Paragraph %1 text").arg(index + 1));
        m_bodyEdit->setReadOnly(body == ParagraphBody::None);
        setPlainText(m_bodyEdit, paragraphBodyText(p));
    }
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

void ItemEditor::addParagraph()
{
    const int index = m_document->paragraphIndex(m_currentParagraph);
    m_document->addTextParagraph(index < 0 ? int(m_document->item().paragraphs.size()) : index + 1);
    m_bodyEdit->setFocus();
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
    m_titleEdit->setFocus();
}

} // namespace carta::app
