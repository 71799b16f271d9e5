#include "widgets/moderationwindow.h"

#include "models/itemcatalogue.h"
#include "replica/replica.h"
#include "widgets/diffview.h"
#include "widgets/queueview.h"
#include "widgets/reviewpane.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>

namespace carta::app {

ModerationWindow::ModerationWindow(replica::Replica &replica, const ItemCatalogue *catalogue, QWidget *parent)
    : QWidget(parent, Qt::Window), m_replica(replica), m_catalogue(catalogue)
{
    setObjectName(QStringLiteral("moderationWindow"));
    setWindowTitle(tr("Moderation Queue — Carta"));
    setAccessibleName(tr("Moderation queue"));
    m_queue = new QueueView(replica, catalogue, this);
    m_queue->setObjectName(QStringLiteral("queueView"));
    m_review = new ReviewPane(replica, nullptr, catalogue, this);
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setObjectName(QStringLiteral("moderationSplitter"));
    m_split->addWidget(m_queue);
    m_split->addWidget(m_review);
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 3);
    m_split->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_split);

    connect(m_queue, &QueueView::currentChanged, m_review, &ReviewPane::showItem);
    connect(m_queue, &QueueView::openRequested, this, [this](const QUuid &id) {
        m_review->showItem(id);
        m_review->diffView()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_review, &ReviewPane::acted, this, [this] { Q_EMIT syncRequested(); });
    connect(m_review, &ReviewPane::historyRequested, this, &ModerationWindow::historyRequested);
    auto *close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("moderation/geometry")).toByteArray()))
        resize(fontMetrics().averageCharWidth() * 180, fontMetrics().height() * 45);
    m_split->restoreState(settings.value(QStringLiteral("moderation/split")).toByteArray());
    refresh();
}

void ModerationWindow::setClient(sync::ServerClient *client)
{
    m_client = client;
    m_review->setClient(client);
}

void ModerationWindow::refresh()
{
    const std::optional<model::User> user = m_replica.signedInUser();
    // The role's starting filter only when the person (or their role) is new: a filter the
    // person chose stays across syncs.
    if (user && user != m_user)
        m_queue->setUser(*user);
    m_user = user;
    m_review->setUser(user);
    m_queue->reload();
    m_review->showItem(m_queue->currentId().isNull() ? m_review->itemId() : m_queue->currentId());
}

void ModerationWindow::showItem(const QUuid &id)
{
    m_queue->select(id);
    m_review->showItem(id);
}

void ModerationWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("moderation/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("moderation/split"), m_split->saveState());
    QWidget::closeEvent(event);
}

} // namespace carta::app
