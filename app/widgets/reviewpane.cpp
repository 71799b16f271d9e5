#include "widgets/reviewpane.h"

#include "models/itemcatalogue.h"
#include "models/labels.h"
#include "widgets/diffview.h"
#include "widgets/fieldtext.h"
#include "widgets/historydialog.h"

#include "model/validation.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace carta::app {

using model::Action;
using model::WorkflowState;

namespace {

QString actionLabel(Action action)
{
    switch (action) {
    // Mnemonics apart from the queue's filters (S, Y, R, P, U, W) and C&omment, &History.
    case Action::Approve: return ReviewPane::tr("&Approve");
    case Action::RequestChanges: return ReviewPane::tr("Request &Changes");
    case Action::Publish: return ReviewPane::tr("Publish &Now");
    case Action::SchedulePublish: return ReviewPane::tr("Sche&dule");
    case Action::Unpublish: return ReviewPane::tr("Unpu&blish");
    case Action::Archive: return ReviewPane::tr("Archi&ve");
    default: return model::toString(action);
    }
}

} // namespace

const QList<Action> &ReviewPane::actions()
{
    static const QList<Action> list{Action::Approve, Action::RequestChanges, Action::Publish, Action::SchedulePublish,
                                    Action::Unpublish, Action::Archive};
    return list;
}

ReviewPane::ReviewPane(replica::Replica &replica, sync::ServerClient *client, const ItemCatalogue *catalogue, QWidget *parent)
    : QWidget(parent), m_replica(replica), m_client(client), m_catalogue(catalogue)
{
    setObjectName(QStringLiteral("reviewPane"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("reviewTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("reviewFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::PlainText);
    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("reviewValidation"));
    m_validation->setWordWrap(true);
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->setAccessibleName(tr("Validation"));

    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("reviewDiff"));
    m_diff->setAccessibleName(tr("What changes"));
    m_diff->setCatalogue(catalogue);

    m_thread = new QTextBrowser(this);
    m_thread->setObjectName(QStringLiteral("reviewThread"));
    m_thread->setAccessibleName(tr("Comments"));
    m_thread->setOpenLinks(false);

    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("reviewComment"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("A comment for the author (needed to request changes)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(m_comment->fontMetrics().lineSpacing() * 5);

    m_publishAt = new QDateTimeEdit(this);
    m_publishAt->setObjectName(QStringLiteral("reviewPublishAt"));
    m_publishAt->setAccessibleName(tr("Publish at (UK time)"));
    m_publishAt->setCalendarPopup(true);
    m_publishAt->setDisplayFormat(QStringLiteral("d MMM yyyy HH:mm"));
    m_publishAt->setTimeSpec(Qt::UTC);
    m_publishAt->setDateTime(londonWallClock(QDateTime::currentDateTimeUtc().addSecs(3600)));

    auto *buttons = new QHBoxLayout;
    for (Action action : actions()) {
        auto *button = new QPushButton(actionLabel(action), this);
        button->setObjectName(QStringLiteral("review_") + model::toString(action));
        button->setAccessibleName(QString(actionLabel(action)).remove(QLatin1Char('&')));
        connect(button, &QPushButton::clicked, this, [this, action] { run(action); });
        m_buttons[action] = button;
        if (action == Action::SchedulePublish) {
            auto *at = new QLabel(tr("at (UK time)"), this);
            at->setBuddy(m_publishAt);
            buttons->addSpacing(fontMetrics().averageCharWidth() * 2);
            buttons->addWidget(button);
            buttons->addWidget(at);
            buttons->addWidget(m_publishAt);
        } else if (action == Action::Unpublish) { // taking off the site: apart from putting on it
            buttons->addSpacing(fontMetrics().averageCharWidth() * 2);
            buttons->addWidget(button);
        } else {
            buttons->addWidget(button);
        }
    }
    buttons->addStretch(1);
    m_history = new QPushButton(tr("&History…"), this);
    m_history->setObjectName(QStringLiteral("reviewHistory"));
    m_history->setAccessibleName(tr("History of this item"));
    m_history->setToolTip(tr("Every revision, and the differences between any two"));
    connect(m_history, &QPushButton::clicked, this, [this] {
        if (!m_id.isNull())
            Q_EMIT historyRequested(m_id);
    });
    buttons->addWidget(m_history);

    m_reasons = new QLabel(this);
    m_reasons->setObjectName(QStringLiteral("reviewReasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::PlainText);
    m_reasons->setAccessibleName(tr("Why some actions are not offered"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Result of the last action"));

    auto *commentLabel = new QLabel(tr("C&omment"), this);
    commentLabel->setBuddy(m_comment);
    auto *threadLabel = new QLabel(tr("Comments so far"), this);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(threadLabel);
    lowerLayout->addWidget(m_thread, 1);
    lowerLayout->addWidget(commentLabel);
    lowerLayout->addWidget(m_comment);
    lowerLayout->addLayout(buttons);
    lowerLayout->addWidget(m_reasons);
    lowerLayout->addWidget(m_status);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("reviewSplitter"));
    split->addWidget(m_diff);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_validation);
    layout->addWidget(split, 1);
    showItem(QUuid());
}

void ReviewPane::setUser(const std::optional<model::User> &user)
{
    m_user = user;
    updateButtons();
}

void ReviewPane::setClient(sync::ServerClient *client)
{
    m_client = client;
    updateButtons();
    loadThread();
}

void ReviewPane::showItem(const QUuid &id)
{
    const bool sameItem = id == m_id && !id.isNull();
    m_id = id;
    m_acted = false;
    m_issues.clear();
    m_local.reset();
    m_item.reset();
    if (!sameItem)
        m_comment->clear(); // the status stays: it names its item, and says how the last action went
    if (!id.isNull()) {
        auto local = m_replica.item(id);
        if (local && local.value() && !local.value()->deleted) {
            auto item = local.value()->item();
            if (item) {
                m_local = *local.value();
                m_item = std::move(item).value();
            }
        }
    }
    if (!m_item) {
        m_title->setText(id.isNull() ? tr("Nothing selected") : tr("This item is no longer here"));
        m_facts->setText(id.isNull() ? tr("Choose an item in the queue to review it.") : QString());
        m_validation->clear();
        m_diff->showMessage(tr("Nothing to compare."));
        m_thread->clear();
        updateButtons();
        return;
    }
    const model::Item &item = *m_item;
    m_title->setText(item.title.isEmpty() ? tr("(untitled)") : item.title);
    QStringList facts{Labels::itemType(item.type()), Labels::state(item.state)};
    if (!m_local->changedBy.isEmpty() && m_local->changedAt.isValid())
        facts << tr("last changed by %1 on %2").arg(m_local->changedBy, londonText(m_local->changedAt));
    QStringList regions;
    for (const QString &r : item.tags.regions)
        regions << (m_catalogue ? m_catalogue->termTitle(model::Vocabulary::Region, r) : r);
    facts << (regions.isEmpty() ? tr("national") : regions.join(QStringLiteral(", ")));
    if (item.schedule.publishAt)
        facts << tr("to be published %1").arg(londonText(*item.schedule.publishAt));
    m_facts->setText(facts.join(QStringLiteral(" · ")));

    const model::Issues issues = model::validate(item, nullptr);
    m_issues = issues;
    if (issues.isEmpty()) {
        m_validation->setText(tr("✓ Passes validation."));
        m_validation->setStyleSheet(QString());
    } else {
        QStringList lines;
        for (const model::Issue &issue : issues)
            lines << QStringLiteral("%1: %2").arg(issue.where, issue.message);
        m_validation->setText(tr("✗ %n problem(s) to fix before publishing:", nullptr, int(issues.size())) + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        m_validation->setStyleSheet(problemStyle());
    }

    // The live revision against the proposed one: what readers would see change.
    std::optional<model::Item> live;
    if (!m_local->liveRevision.isEmpty()) {
        const QByteArray liveBytes = !m_local->liveBytes.isEmpty() ? m_local->liveBytes
                                   : m_local->liveRevision == m_local->baseRevision ? m_local->baseBytes : QByteArray();
        if (auto parsed = model::parseItem(liveBytes))
            live = std::move(parsed).value();
    }
    if (live)
        m_diff->showDiff(live, item, tr("Live on the site"), tr("Proposed"));
    else if (m_local->liveRevision.isEmpty())
        m_diff->showDiff(std::nullopt, item, tr("Not on the site yet"), tr("Proposed"));
    else // published, but the live text did not come with the last sync: say so, claim nothing
        m_diff->showMessage(tr("The live revision of this item is not on this computer yet: sync, or use History… to compare revisions."));
    updateButtons();
    loadThread();
}

QString ReviewPane::reasonFor(Action action) const
{
    if (!m_item)
        return tr("Choose an item first.");
    if (!m_user)
        return tr("Sync once so Carta knows your role.");
    const model::Decision decision = model::decide(*m_user, action, model::ItemFacts::of(*m_item, !m_local->liveRevision.isEmpty()));
    if (!decision)
        return decision.reason;
    if (m_acted)
        return tr("Done; the new state shows after the sync.");
    if ((action == Action::Publish || action == Action::SchedulePublish) && !m_issues.isEmpty())
        return tr("it has problems to fix first (listed at the top)");
    if (m_local->dirty)
        return tr("You have unsent edits of this item: sync them first.");
    if (!m_client || !m_client->isConfigured())
        return tr("Sign in to act on items.");
    return QString();
}

void ReviewPane::updateButtons()
{
    QStringList reasons;
    for (Action action : actions()) {
        const QString reason = reasonFor(action);
        QPushButton *button = m_buttons.at(action);
        button->setEnabled(reason.isEmpty() && !m_busy);
        button->setToolTip(reason);
        button->setAccessibleDescription(reason);
        if (!reason.isEmpty() && m_item)
            reasons << QStringLiteral("%1: %2").arg(button->accessibleName(), reason);
    }
    m_publishAt->setEnabled(m_buttons.at(Action::SchedulePublish)->isEnabled());
    m_history->setEnabled(m_item.has_value() && m_client && m_client->isConfigured());
    m_reasons->setText(reasons.join(QLatin1Char('\n')));
    m_reasons->setVisible(!reasons.isEmpty());
}

void ReviewPane::loadThread()
{
    const int request = ++m_threadRequest;
    if (!m_item) {
        m_thread->clear();
        return;
    }
    if (!m_client || !m_client->isConfigured()) {
        m_thread->setPlainText(tr("Sign in to see the comments."));
        return;
    }
    m_thread->setPlainText(tr("Loading the comments…"));
    m_client->history(m_id, [this, request, guard = QPointer<ReviewPane>(this)](sync::Answer<QList<sync::HistoryEntry>> answer) {
        if (!guard || request != m_threadRequest)
            return;
        if (!answer.ok()) {
            m_thread->setPlainText(tr("The comments cannot be shown: %1").arg(answer.error.message));
            Q_EMIT threadLoaded();
            return;
        }
        // Oldest first, as a conversation reads; every workflow step, with its comment.
        QString html;
        const QList<sync::HistoryEntry> &entries = *answer.value;
        int shown = 0;
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
            if (it->action == QStringLiteral("edit") && it->comment.isEmpty())
                continue;
            ++shown;
            // "aisha.khan · Submitted for review · 2 Dec 2026, 11:59 GMT"
            html += QStringLiteral("<p><b>%1</b> · %2 · <span style=\"color:palette(mid)\">%3</span>")
                        .arg(it->author.toHtmlEscaped(), HistoryDialog::describeAction(*it, it == entries.crbegin()).toHtmlEscaped(),
                             londonText(it->time).toHtmlEscaped());
            if (!it->comment.isEmpty())
                html += QStringLiteral("<br>“%1”").arg(it->comment.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
            html += QStringLiteral("</p>");
        }
        if (shown == 0)
            html = QStringLiteral("<p>%1</p>").arg(tr("No comments yet.").toHtmlEscaped());
        m_thread->setHtml(html);
        Q_EMIT threadLoaded();
    });
}

void ReviewPane::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? problemStyle() : QString());
    m_status->setVisible(!text.isEmpty());
}

void ReviewPane::run(Action action)
{
    const QString reason = reasonFor(action);
    if (!reason.isEmpty() || m_busy) {
        setStatus(reason, true);
        return;
    }
    const QString comment = m_comment->toPlainText().trimmed();
    if (action == Action::RequestChanges && comment.isEmpty()) {
        setStatus(tr("Say in the comment what needs to change, then request changes."), true);
        m_comment->setFocus();
        Q_EMIT actionFailed(m_status->text());
        return;
    }
    // Publishing puts the text in front of the public at once, unpublishing and archiving take
    // it away: asked once more, as a person expects of anything that cannot be taken back quietly.
    const QUuid confirmedId = m_id;
    const auto confirmed = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    if (action == Action::Publish && !confirmed(tr("Publish Now"), tr("Publish “%1” on the public website now?").arg(m_item->title)))
        return;
    if (action == Action::Unpublish
        && !confirmed(tr("Unpublish"), tr("Take “%1” off the public website now? It stays in Carta, and can be published again.")
                                           .arg(m_item->title)))
        return;
    if (action == Action::Archive
        && !confirmed(tr("Archive"), tr("Archive “%1”? It comes off the public website if it is there and can no longer be "
                                        "edited; its history is kept.")
                                         .arg(m_item->title)))
        return;
    // A sync may have ended while the question was open and changed what is shown: act only
    // on the item that was confirmed, if the action is still allowed.
    if (m_id != confirmedId || !m_item || !m_local || !reasonFor(action).isEmpty()) {
        setStatus(m_item ? reasonFor(action) : QString(), true);
        return;
    }
    sync::ActionRequest request;
    request.action = action;
    request.comment = comment;
    request.baseRevision = m_local->revision;
    if (action == Action::SchedulePublish)
        request.publishAt = londonInstant(m_publishAt->dateTime());
    m_busy = true;
    updateButtons();
    setStatus(tr("Sending…"), false);
    const QUuid id = m_id;
    const QString title = m_item->title;
    m_client->act(id, request, [this, id, title, action, guard = QPointer<ReviewPane>(this)](sync::Answer<sync::ActionAnswer> answer) {
        if (!guard)
            return;
        m_busy = false;
        if (!answer.ok()) {
            QString message = answer.error.message;
            for (const model::Issue &issue : answer.error.issues)
                message += QStringLiteral("\n%1: %2").arg(issue.where, issue.message);
            if (answer.error.status == 409)
                message = tr("“%1” changed on the server since your last sync: sync, look again, then decide.").arg(title);
            else
                message = tr("“%1”: %2").arg(title, message);
            setStatus(message, true);
            updateButtons();
            Q_EMIT actionFailed(message);
            return;
        }
        if (id == m_id) {
            m_comment->clear();
            m_acted = true;
        }
        QString done;
        switch (action) {
        case Action::Approve: done = tr("“%1” approved.").arg(title); break;
        case Action::RequestChanges: done = tr("Changes requested for “%1”; the author sees your comment at their next sync.").arg(title); break;
        case Action::Publish: done = tr("“%1” published: it is on the site now.").arg(title); break;
        case Action::SchedulePublish:
            done = tr("“%1” scheduled: it goes live %2.").arg(title, londonText(answer.value->item.schedule.publishAt.value_or(QDateTime())));
            break;
        case Action::Unpublish: done = tr("“%1” unpublished: it is off the site now.").arg(title); break;
        case Action::Archive: done = tr("“%1” archived.").arg(title); break;
        default: done = tr("Done."); break;
        }
        setStatus(done, false);
        updateButtons();
        Q_EMIT acted(id, action, answer.value->state);
    });
}

} // namespace carta::app
