#include "widgets/attachmentspanel.h"
#include "widgets/fieldtext.h"

#include "model/validation.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHash>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStyle>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace carta::app {

namespace {

QStringList localFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    return files;
}

QString issueMessages(const model::Issues &issues)
{
    QStringList messages;
    for (const model::Issue &issue : issues)
        messages.append(issue.message);
    return messages.join(QStringLiteral("; "));
}

} // namespace

AttachmentsPanel::AttachmentsPanel(replica::Replica &replica, ItemDocument *document, QWidget *parent)
    : QWidget(parent), m_replica(replica), m_document(document)
{
    setObjectName(QStringLiteral("attachmentsArea"));
    setAccessibleName(tr("Attachments"));
    setAcceptDrops(true);

    m_hint = new QLabel(tr("Drop files here to attach them, or use Add File. They are uploaded with the next sync."), this);
    m_hint->setObjectName(QStringLiteral("attachmentsHint"));
    m_hint->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_list->setAccessibleName(tr("Attached files"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Name"), tr("Size"), tr("Type")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAcceptDrops(false); // drops fall through to the panel
    m_list->viewport()->setAcceptDrops(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);

    m_addButton = new QPushButton(tr("Add &File…"), this);
    m_addButton->setObjectName(QStringLiteral("addAttachmentButton"));
    m_addButton->setAccessibleName(tr("Add a file"));
    m_addButton->setToolTip(tr("Choose files to attach to this item"));
    m_removeButton = new QPushButton(tr("Re&move File"), this);
    m_removeButton->setObjectName(QStringLiteral("removeAttachmentButton"));
    m_removeButton->setAccessibleName(tr("Remove the selected file"));
    m_removeButton->setToolTip(tr("Remove the selected file from this item"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("attachmentMessage"));
    m_message->setAccessibleName(tr("Attachment message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("attachmentProblems"));
    m_problems->setAccessibleName(tr("Files not attached"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(problemStyle());
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->hide();
    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("attachmentIssues"));
    m_issues->setAccessibleName(tr("Problems with attachments"));
    m_issues->setWordWrap(true);
    m_issues->setStyleSheet(problemStyle());
    m_issues->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_problems);
    layout->addWidget(m_issues);
    setTabOrder(m_list, m_addButton);
    setTabOrder(m_addButton, m_removeButton);

    connect(m_addButton, &QPushButton::clicked, this, &AttachmentsPanel::chooseFiles);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        removeAttachment(m_list->indexOfTopLevelItem(m_list->currentItem()));
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AttachmentsPanel::updateButtons);
    connect(document, &ItemDocument::fieldsChanged, this, &AttachmentsPanel::refresh);
    connect(document, &ItemDocument::reset, this, &AttachmentsPanel::refresh);
    connect(document, &ItemDocument::issuesChanged, this, &AttachmentsPanel::showIssues);
    refresh();
}

void AttachmentsPanel::refresh()
{
    const QList<model::Attachment> &attachments = m_document->item().attachments;
    const int current = m_list->indexOfTopLevelItem(m_list->currentItem());
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    const QLocale locale;
    for (const model::Attachment &a : attachments) {
        auto *row = new QTreeWidgetItem(m_list, {a.name, locale.formattedDataSize(a.size), a.mediaType});
        row->setData(0, Qt::UserRole, a.sha256);
        row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        row->setToolTip(0, tr("SHA-256 %1").arg(a.sha256));
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(std::clamp(current, 0, m_list->topLevelItemCount() - 1)));
    showIssues();
    updateButtons();
}

void AttachmentsPanel::showIssues()
{
    static const QRegularExpression entry(QStringLiteral("^attachments\\[(\\d+)\\]"));
    QStringList lines;
    QHash<int, QStringList> byRow;
    for (const model::Issue &issue : m_document->issuesAt(QStringLiteral("attachments"))) {
        const auto match = entry.match(issue.where);
        if (match.hasMatch()) {
            const int row = match.captured(1).toInt();
            const QString name = m_document->item().attachments.value(row).name;
            byRow[row].append(issue.message);
            lines.append(tr("Attachment %1 (%2): %3").arg(row + 1).arg(name, issue.message));
        } else {
            lines.append(tr("Attachments: %1").arg(issue.message));
        }
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        const QStringList messages = byRow.value(row);
        item->setIcon(0, messages.isEmpty() ? QIcon() : warning);
        item->setToolTip(1, messages.join(QLatin1Char('\n')));
    }
    m_issues->setText(lines.join(QLatin1Char('\n')));
    m_issues->setVisible(!lines.isEmpty());
    m_list->setAccessibleDescription(lines.join(QLatin1Char(' ')));
}

void AttachmentsPanel::updateButtons()
{
    m_removeButton->setEnabled(m_list->currentItem() != nullptr);
}

QString AttachmentsPanel::message() const
{
    QStringList lines;
    for (const QLabel *label : {m_message, m_problems})
        if (!label->text().isEmpty())
            lines.append(label->text());
    return lines.join(QLatin1Char('\n'));
}

void AttachmentsPanel::setMessage(const QString &done, const QString &problems)
{
    m_message->setText(done);
    m_message->setVisible(!done.isEmpty());
    m_problems->setText(problems);
    m_problems->setVisible(!problems.isEmpty());
}

int AttachmentsPanel::attachFiles(const QStringList &paths)
{
    const QLocale locale;
    QStringList problems;
    QList<model::Attachment> added;
    QStringList addedNames;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString name = info.fileName().isEmpty() ? path : info.fileName();
        if (!info.exists()) {
            problems.append(tr("“%1” was not attached: there is no such file.").arg(name));
            continue;
        }
        if (info.isDir()) {
            problems.append(tr("“%1” was not attached: it is a folder; attach the files in it instead.").arg(name));
            continue;
        }
        if (info.size() == 0) {
            problems.append(tr("“%1” was not attached: the file is empty.").arg(name));
            continue;
        }
        if (info.size() > model::Limits::kAttachmentBytes) {
            problems.append(tr("“%1” was not attached: it is %2, and the largest file an item can have is %3.")
                                .arg(name, locale.formattedDataSize(info.size()),
                                     locale.formattedDataSize(model::Limits::kAttachmentBytes)));
            continue;
        }
        auto stored = m_replica.addAttachmentFile(path);
        if (!stored) {
            problems.append(tr("“%1” was not attached: %2.").arg(name, issueMessages(stored.issues())));
            continue;
        }
        const model::Attachment attachment = stored.value();
        const auto sameFile = [&](const model::Attachment &a) { return a.sha256 == attachment.sha256; };
        const auto &existing = m_document->item().attachments;
        if (std::any_of(existing.cbegin(), existing.cend(), sameFile) || std::any_of(added.cbegin(), added.cend(), sameFile)) {
            problems.append(tr("“%1” is attached already.").arg(name));
            continue;
        }
        added.append(attachment);
        addedNames.append(attachment.name);
    }
    if (!added.isEmpty()) {
        m_document->editItem(added.size() == 1 ? tr("Attach “%1”").arg(addedNames.constFirst())
                                               : tr("Attach %n Files", nullptr, int(added.size())),
                             [&](model::Item &item) { item.attachments += added; });
        m_list->setCurrentItem(m_list->topLevelItem(m_list->topLevelItemCount() - 1));
    }
    setMessage(added.isEmpty() ? QString() : tr("Attached %1. Uploaded with the next sync.").arg(addedNames.join(tr(", "))),
               problems.join(QLatin1Char('\n')));
    return int(added.size());
}

void AttachmentsPanel::removeAttachment(int row)
{
    const auto &attachments = m_document->item().attachments;
    if (row < 0 || row >= attachments.size())
        return;
    const QString name = attachments.at(row).name;
    m_document->editItem(tr("Remove Attachment “%1”").arg(name), [row](model::Item &item) { item.attachments.removeAt(row); });
    setMessage(tr("Removed “%1” from this item.").arg(name), QString());
}

void AttachmentsPanel::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Attach Files"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!files.isEmpty())
        attachFiles(files);
}

bool AttachmentsPanel::focusPath(const QString &path)
{
    static const QRegularExpression entry(QStringLiteral("^attachments\\[(\\d+)\\]"));
    const auto match = entry.match(path);
    if (match.hasMatch()) {
        if (QTreeWidgetItem *item = m_list->topLevelItem(match.captured(1).toInt()))
            m_list->setCurrentItem(item);
    } else if (path != QLatin1String("attachments")) {
        return false;
    }
    m_list->setFocus(Qt::OtherFocusReason);
    return true;
}

QList<QWidget *> AttachmentsPanel::tabOrder() const
{
    return {m_list, m_addButton, m_removeButton};
}

void AttachmentsPanel::setDropHighlight(bool on)
{
    QFont font = m_hint->font();
    font.setBold(on);
    m_hint->setFont(font);
    m_hint->setText(on ? tr("Release to attach the files to this item.")
                       : tr("Drop files here to attach them, or use Add File. They are uploaded with the next sync."));
}

void AttachmentsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (localFiles(event->mimeData()).isEmpty())
        return QWidget::dragEnterEvent(event);
    event->setDropAction(Qt::CopyAction);
    event->accept();
    setDropHighlight(true);
}

void AttachmentsPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (localFiles(event->mimeData()).isEmpty())
        return QWidget::dragMoveEvent(event);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void AttachmentsPanel::dragLeaveEvent(QDragLeaveEvent *event)
{
    setDropHighlight(false);
    QWidget::dragLeaveEvent(event);
}

void AttachmentsPanel::dropEvent(QDropEvent *event)
{
    setDropHighlight(false);
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return QWidget::dropEvent(event);
    event->setDropAction(Qt::CopyAction);
    event->accept();
    attachFiles(files);
}

} // namespace carta::app
