// An item's attachments: name, size and type of each, files added by dropping them on the
// panel or with "Add File…", removed with a button. Each file is copied into the replica's
// store (uploaded by the next sync), then the item lists it: one undo step per drop. Files
// that cannot be attached (missing, too large, unreadable) are named with the reason, and
// nothing else changes.
#pragma once

#include "document/itemdocument.h"

#include "replica/replica.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace carta::app {

class AttachmentsPanel : public QWidget
{
    Q_OBJECT

public:
    AttachmentsPanel(replica::Replica &replica, ItemDocument *document, QWidget *parent = nullptr);

    // Attaches the files as one undo step; returns how many were attached. What went
    // wrong with the others is shown in message().
    int attachFiles(const QStringList &paths);
    void removeAttachment(int row);
    [[nodiscard]] QString message() const;
    // Selects and focuses the attachment of a path ("attachments[2].name"); false when none.
    bool focusPath(const QString &path);
    [[nodiscard]] QList<QWidget *> tabOrder() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void refresh();
    void showIssues();
    void chooseFiles();
    void setMessage(const QString &done, const QString &problems);
    void setDropHighlight(bool on);
    void updateButtons();

    replica::Replica &m_replica;
    ItemDocument *m_document;
    QLabel *m_hint = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_message = nullptr;  // what was done
    QLabel *m_problems = nullptr; // what could not be done, and why
    QLabel *m_issues = nullptr;
};

} // namespace carta::app
