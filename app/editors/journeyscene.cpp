#include "editors/journeyscene.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsObject>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextCursor>
#include <QTextDocument>

#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace carta::app {

namespace {

// NHS identity colours: blue for what is chosen and what leads on, greys for the rest,
// red only for problems (always with a text that says what is wrong).
const QColor kBlue(0x00, 0x5e, 0xb8);
const QColor kPaleBlue(0xf1, 0xf7, 0xfc);
const QColor kText(0x21, 0x2b, 0x32);
const QColor kSecondaryText(0x4c, 0x62, 0x72);
const QColor kBorder(0xae, 0xb7, 0xbd);
const QColor kDivider(0xd8, 0xdd, 0xe0);
const QColor kConnector(0x76, 0x86, 0x92);
const QColor kRed(0xd5, 0x28, 0x1b);

constexpr int kMaxTitleLines = 4;
constexpr int kMinMonths = 1;
constexpr int kMaxMonths = 240;

// Every size follows from the font, so the journey reads the same at 100% and 200%.
struct CardMetrics
{
    explicit CardMetrics(const QFont &base)
        : font(base), titleFont(base), smallFont(base)
    {
        titleFont.setBold(true);
        if (base.pointSizeF() > 0)
            smallFont.setPointSizeF(base.pointSizeF() * 0.9);
        else
            smallFont.setPixelSize(std::max(1, int(base.pixelSize() * 0.9)));
        const QFontMetricsF fm(font);
        line = fm.lineSpacing();
        smallLine = QFontMetricsF(smallFont).lineSpacing();
        charWidth = fm.averageCharWidth();
        width = std::max(32 * charWidth, 17 * line);
        pad = 0.7 * line;
        band = 0.3 * line;
        handle = 1.3 * line;
        radius = 0.45 * line;
        pen = std::max(1.0, line / 14);
        gapX = std::max(5 * charWidth, 3 * line);
        gapY = 1.2 * line;
        durationTextWidth = fm.horizontalAdvance(QStringLiteral("888 months")) + charWidth;
        badge = line;
    }

    [[nodiscard]] qreal titleWidth() const { return width - 2 * pad; }
    [[nodiscard]] qreal titleTop() const { return band + pad + smallLine + 0.25 * line; }
    [[nodiscard]] qreal cardHeight(qreal titleHeight) const
    {
        return titleTop() + titleHeight + 0.5 * line + pen + 0.5 * line + handle + 0.3 * line + smallLine + pad;
    }

    QFont font, titleFont, smallFont;
    qreal line = 0, smallLine = 0, charWidth = 0, width = 0, pad = 0, band = 0, handle = 0, radius = 0, pen = 1, gapX = 0,
          gapY = 0, durationTextWidth = 0, badge = 0;
};

// A card's title: shown as text, edited in place on a double click or F2.
class TitleItem : public QGraphicsTextItem
{
public:
    TitleItem(const CardMetrics &metrics, QGraphicsItem *parent) : QGraphicsTextItem(parent), m_metrics(metrics)
    {
        setFont(metrics.titleFont);
        setDefaultTextColor(kText);
        setTextWidth(metrics.titleWidth());
        document()->setDocumentMargin(0);
    }

    std::function<void(const QString &)> onCommit;

    [[nodiscard]] bool isEditing() const { return m_editing; }

    // Shows the title, shortened with an ellipsis past a few lines while it is not edited.
    void setTitle(const QString &title)
    {
        m_title = title;
        if (m_editing)
            return;
        QString shown = title;
        const QFontMetricsF fm(m_metrics.titleFont);
        const qreal room = m_metrics.titleWidth() * kMaxTitleLines * 0.92;
        if (fm.horizontalAdvance(title) > room)
            shown = fm.elidedText(title, Qt::ElideRight, room);
        if (toPlainText() != shown)
            setPlainText(shown);
    }

    void startEdit()
    {
        if (m_editing)
            return;
        m_editing = true;
        setPlainText(m_title); // the whole title, not the shortened one
        setTextInteractionFlags(Qt::TextEditorInteraction);
        setZValue(2);
        setFocus(Qt::OtherFocusReason);
        QTextCursor all(document());
        all.select(QTextCursor::Document);
        setTextCursor(all);
        update();
    }

    void finish(bool commit)
    {
        if (!m_editing)
            return;
        m_editing = false;
        QString text = toPlainText();
        text.replace(QChar::ParagraphSeparator, QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        setTextInteractionFlags(Qt::NoTextInteraction);
        setZValue(0);
        QTextCursor none(document());
        setTextCursor(none);
        if (hasFocus())
            clearFocus();
        setTitle(m_title);
        if (commit && text != m_title && onCommit)
            onCommit(text); // may change the title (the document follows) through setTitle()
        update();
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
    {
        if (m_editing) {
            // A white field with a blue outline, over whatever the card shows below.
            const QRectF r = boundingRect().adjusted(-m_metrics.pen * 3, -m_metrics.pen * 2, m_metrics.pen * 3, m_metrics.pen * 2);
            painter->setPen(QPen(kBlue, m_metrics.pen * 1.5));
            painter->setBrush(Qt::white);
            painter->drawRect(r);
        }
        QGraphicsTextItem::paint(painter, option, widget);
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            finish(true);
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_Escape) {
            finish(false);
            event->accept();
            return;
        }
        QGraphicsTextItem::keyPressEvent(event);
    }

    void focusOutEvent(QFocusEvent *event) override
    {
        QGraphicsTextItem::focusOutEvent(event);
        finish(true);
    }

private:
    const CardMetrics &m_metrics;
    QString m_title;
    bool m_editing = false;
};

// A round -/+ button on a card: one month shorter or longer per click.
class DurationHandle : public QGraphicsObject
{
public:
    DurationHandle(const CardMetrics &metrics, int step, QGraphicsItem *parent)
        : QGraphicsObject(parent), m_metrics(metrics), m_step(step)
    {
        setAcceptHoverEvents(true);
        setCursor(Qt::PointingHandCursor);
        setToolTip(step < 0 ? JourneyScene::tr("One month shorter (or press -)")
                            : JourneyScene::tr("One month longer (or press +)"));
    }

    std::function<void(int)> onStep;
    [[nodiscard]] int step() const { return m_step; }

    QRectF boundingRect() const override { return QRectF(0, 0, m_metrics.handle, m_metrics.handle); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF r = boundingRect().adjusted(m_metrics.pen, m_metrics.pen, -m_metrics.pen, -m_metrics.pen);
        const QColor colour = isEnabled() ? kBlue : kDivider;
        painter->setPen(QPen(colour, m_metrics.pen * 1.5));
        painter->setBrush(m_hovered && isEnabled() ? kPaleBlue : QColor(Qt::white));
        painter->drawEllipse(r);
        const QPointF c = r.center();
        const qreal arm = r.width() * 0.25;
        painter->setPen(QPen(colour, m_metrics.pen * 2, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()));
        if (m_step > 0)
            painter->drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm));
    }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *) override { m_hovered = true; update(); }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *) override { m_hovered = false; update(); }
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override
    {
        event->setAccepted(event->button() == Qt::LeftButton);
    }
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && boundingRect().contains(event->pos()) && onStep)
            onStep(m_step);
    }

private:
    const CardMetrics &m_metrics;
    int m_step;
    bool m_hovered = false;
};

// A link between two cards: a grey curve with an arrowhead, blue when it touches the
// selected card.
class ArrowItem : public QGraphicsItem
{
public:
    ArrowItem(const QRectF &from, const QRectF &to, bool highlighted, const CardMetrics &metrics)
        : m_highlighted(highlighted), m_pen(metrics.pen)
    {
        setZValue(-1);
        const qreal head = metrics.line * 0.55;
        const QPointF start(from.right(), from.center().y());
        const QPointF end(to.left() - head, to.center().y());
        m_path.moveTo(start);
        if (end.x() > start.x()) {
            const qreal dx = (end.x() - start.x()) / 2;
            m_path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end);
        } else {
            // A link back (only while the journey has a cycle): under both cards.
            const qreal below = std::max(from.bottom(), to.bottom()) + metrics.gapY * 0.5;
            m_path.lineTo(start + QPointF(metrics.gapX * 0.4, 0));
            m_path.lineTo(QPointF(start.x() + metrics.gapX * 0.4, below));
            m_path.lineTo(QPointF(end.x() - metrics.gapX * 0.4, below));
            m_path.lineTo(QPointF(end.x() - metrics.gapX * 0.4, end.y()));
            m_path.lineTo(end);
        }
        m_head << QPointF(to.left(), end.y()) << QPointF(end.x(), end.y() - head * 0.5)
               << QPointF(end.x(), end.y() + head * 0.5);
    }

    QRectF boundingRect() const override
    {
        return m_path.boundingRect().united(m_head.boundingRect()).adjusted(-4 * m_pen, -4 * m_pen, 4 * m_pen, 4 * m_pen);
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor colour = m_highlighted ? kBlue : kConnector;
        painter->setPen(QPen(colour, m_pen * (m_highlighted ? 2.2 : 1.5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_path);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawPolygon(m_head);
    }

private:
    QPainterPath m_path;
    QPolygonF m_head;
    bool m_highlighted;
    qreal m_pen;
};

// The years above the columns: a line with a tick per column and the total at its end.
class RulerItem : public QGraphicsItem
{
public:
    struct Tick
    {
        qreal x;
        QString label;
    };

    RulerItem(QList<Tick> ticks, qreal endX, QString total, const CardMetrics &metrics)
        : m_ticks(std::move(ticks)), m_endX(endX), m_total(std::move(total)), m_metrics(metrics)
    {
        setZValue(-2);
    }

    QRectF boundingRect() const override
    {
        const qreal totalWidth = QFontMetricsF(m_metrics.titleFont).horizontalAdvance(m_total) + m_metrics.line;
        const qreal left = m_ticks.isEmpty() ? 0 : m_ticks.first().x;
        return QRectF(left - m_metrics.line, 0, m_endX - left + totalWidth + 2 * m_metrics.line, 2 * m_metrics.line);
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal y = 1.6 * m_metrics.line;
        const qreal tick = 0.35 * m_metrics.line;
        const qreal left = m_ticks.isEmpty() ? 0 : m_ticks.first().x;
        painter->setPen(QPen(kConnector, m_metrics.pen));
        painter->drawLine(QPointF(left, y), QPointF(m_endX, y));
        painter->setBrush(kConnector);
        painter->setPen(Qt::NoPen);
        const qreal head = 0.45 * m_metrics.line;
        painter->drawPolygon(QPolygonF{QPointF(m_endX + head, y), QPointF(m_endX, y - head / 2), QPointF(m_endX, y + head / 2)});
        painter->setFont(m_metrics.smallFont);
        for (const Tick &t : m_ticks) {
            painter->setPen(QPen(kConnector, m_metrics.pen));
            painter->drawLine(QPointF(t.x, y - tick), QPointF(t.x, y + tick));
            painter->setPen(kSecondaryText);
            painter->drawText(QRectF(t.x, 0, m_metrics.width, y - tick), Qt::AlignLeft | Qt::AlignBottom, t.label);
        }
        painter->setFont(m_metrics.titleFont);
        painter->setPen(kText);
        painter->drawText(QRectF(m_endX + head + 0.4 * m_metrics.line, y - m_metrics.line, 40 * m_metrics.charWidth, 2 * m_metrics.line),
                          Qt::AlignLeft | Qt::AlignVCenter, m_total);
    }

private:
    QList<Tick> m_ticks;
    qreal m_endX;
    QString m_total;
    const CardMetrics &m_metrics;
};

} // namespace

// One stage: career stage, title (editable in place), duration with -/+ handles and the
// years it spans, portal. Marked with a red border and a "!" when it has problems.
class StageCard : public QGraphicsObject
{
public:
    StageCard(const CardMetrics &metrics, const QString &id)
        : m_metrics(metrics), m_id(id)
    {
        setObjectName(QStringLiteral("stageCard:") + id);
        setAcceptHoverEvents(true);
        m_title = new TitleItem(metrics, this);
        m_title->setPos(metrics.pad, metrics.titleTop());
        m_minus = new DurationHandle(metrics, -1, this);
        m_plus = new DurationHandle(metrics, +1, this);
    }

    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] TitleItem *title() const { return m_title; }
    [[nodiscard]] DurationHandle *handle(int step) const { return step < 0 ? m_minus : m_plus; }
    [[nodiscard]] const JourneyStage &stage() const { return m_stage; }
    [[nodiscard]] const QString &span() const { return m_span; }
    [[nodiscard]] bool isMarked() const { return !m_problems.isEmpty(); }

    [[nodiscard]] qreal naturalTitleHeight() const
    {
        const qreal lines = std::clamp(m_title->boundingRect().height() / QFontMetricsF(m_metrics.titleFont).lineSpacing(), 2.0,
                                       qreal(kMaxTitleLines));
        return std::ceil(lines) * QFontMetricsF(m_metrics.titleFont).lineSpacing();
    }

    void setStage(const JourneyStage &stage, const QString &span)
    {
        prepareGeometryChange();
        m_stage = stage;
        m_span = span;
        m_title->setTitle(stage.title);
        m_minus->setEnabled(stage.durationMonths > kMinMonths);
        m_plus->setEnabled(stage.durationMonths < kMaxMonths);
        updateToolTip();
        update();
    }

    void setHeight(qreal height)
    {
        prepareGeometryChange();
        m_height = height;
        const qreal rowY = durationRowTop();
        m_minus->setPos(m_metrics.pad, rowY);
        m_plus->setPos(m_metrics.pad + m_metrics.handle + m_metrics.durationTextWidth, rowY);
        update();
    }

    void setProblems(const QStringList &problems)
    {
        if (problems == m_problems)
            return;
        m_problems = problems;
        updateToolTip();
        update();
    }

    void setCurrent(bool current)
    {
        if (current == m_current)
            return;
        m_current = current;
        update();
    }

    [[nodiscard]] QRectF cardRect() const { return QRectF(0, 0, m_metrics.width, m_height); }
    QRectF boundingRect() const override
    {
        const qreal ring = 3 * m_metrics.pen;
        return cardRect().adjusted(-ring, -ring, ring, ring + 0.2 * m_metrics.line);
    }
    QPainterPath shape() const override
    {
        QPainterPath path;
        path.addRoundedRect(cardRect(), m_metrics.radius, m_metrics.radius);
        return path;
    }

    [[nodiscard]] QStringList texts() const
    {
        return {careerStageText(), m_stage.title, JourneyScene::durationText(m_stage.durationMonths), m_span, portalText()};
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const CardMetrics &m = m_metrics;
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF r = cardRect();
        QPainterPath body;
        body.addRoundedRect(r, m.radius, m.radius);

        // A soft shadow, the white body and a coloured band on top.
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 22));
        painter->drawRoundedRect(r.translated(0, 0.15 * m.line), m.radius, m.radius);
        painter->setBrush(m_current ? kPaleBlue : QColor(Qt::white));
        painter->drawPath(body);
        painter->save();
        painter->setClipPath(body);
        painter->fillRect(QRectF(0, 0, r.width(), m.band), isMarked() ? kRed : kBlue);
        painter->restore();

        // The selected card has a blue ring outside its border; problems make the border red.
        if (m_current) {
            painter->setPen(QPen(kBlue, 2.5 * m.pen));
            painter->setBrush(Qt::NoBrush);
            const qreal ring = 1.5 * m.pen;
            painter->drawRoundedRect(r.adjusted(-ring, -ring, ring, ring), m.radius + ring, m.radius + ring);
        }
        painter->setPen(isMarked() ? QPen(kRed, 2 * m.pen) : QPen(m_current ? kBlue : kBorder, m.pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(body);

        // Career stage, with room for the problem badge on its right.
        const qreal top = m.band + m.pad;
        painter->setFont(m.smallFont);
        painter->setPen(m_stage.careerStage.isEmpty() ? kRed : kSecondaryText);
        const qreal careerWidth = r.width() - 2 * m.pad - m.badge - 0.3 * m.line;
        painter->drawText(QRectF(m.pad, top, careerWidth, m.smallLine), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(m.smallFont).elidedText(careerStageText(), Qt::ElideRight, careerWidth));
        if (isMarked()) {
            const QRectF badge(r.width() - m.pad - m.badge, top + (m.smallLine - m.badge) / 2, m.badge, m.badge);
            painter->setPen(Qt::NoPen);
            painter->setBrush(kRed);
            painter->drawEllipse(badge);
            QFont bold = m.smallFont;
            bold.setBold(true);
            painter->setFont(bold);
            painter->setPen(Qt::white);
            painter->drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
        }

        // A divider, then the duration between its handles and the years it spans.
        const qreal rowY = durationRowTop();
        const qreal divider = rowY - 0.5 * m.line;
        painter->setPen(QPen(kDivider, m.pen));
        painter->drawLine(QPointF(m.pad, divider), QPointF(r.width() - m.pad, divider));
        painter->setFont(m.font);
        painter->setPen(m_stage.durationMonths < kMinMonths || m_stage.durationMonths > kMaxMonths ? kRed : kText);
        const QRectF durationRect(m.pad + m.handle, rowY, m.durationTextWidth, m.handle);
        painter->drawText(durationRect, Qt::AlignCenter, JourneyScene::durationText(m_stage.durationMonths));
        const qreal spanLeft = m.pad + 2 * m.handle + m.durationTextWidth + 0.4 * m.line;
        const qreal spanWidth = r.width() - m.pad - spanLeft;
        painter->setFont(m.smallFont);
        if (QFontMetricsF(m.smallFont).horizontalAdvance(m_span) <= spanWidth) {
            painter->setPen(kSecondaryText);
            painter->drawText(QRectF(spanLeft, rowY, spanWidth, m.handle), Qt::AlignRight | Qt::AlignVCenter, m_span);
        }

        // The portal this stage routes to.
        const qreal portalY = rowY + m.handle + 0.3 * m.line;
        QFont portalFont = m.smallFont;
        portalFont.setItalic(m_stage.portal.isEmpty());
        painter->setFont(portalFont);
        painter->setPen(m_stage.portal.isEmpty() ? kRed : kBlue);
        const qreal portalWidth = r.width() - 2 * m.pad;
        painter->drawText(QRectF(m.pad, portalY, portalWidth, m.smallLine), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(portalFont).elidedText(portalText(), Qt::ElideRight, portalWidth));
    }

private:
    [[nodiscard]] qreal durationRowTop() const
    {
        return m_height - m_metrics.pad - m_metrics.smallLine - 0.3 * m_metrics.line - m_metrics.handle;
    }
    [[nodiscard]] QString careerStageText() const
    {
        return m_stage.careerStage.isEmpty() ? JourneyScene::tr("No career stage chosen") : m_stage.careerStage;
    }
    [[nodiscard]] QString portalText() const
    {
        return m_stage.portal.isEmpty() ? JourneyScene::tr("No portal chosen") : JourneyScene::tr("Portal: %1").arg(m_stage.portal);
    }
    void updateToolTip()
    {
        QStringList lines{m_stage.title,
                          JourneyScene::tr("%1 · %2 · %3").arg(careerStageText(), JourneyScene::durationText(m_stage.durationMonths), m_span),
                          portalText()};
        if (!m_problems.isEmpty())
            lines << QString() << JourneyScene::tr("To fix:") << m_problems;
        setToolTip(lines.join(QLatin1Char('\n')));
    }

    const CardMetrics &m_metrics;
    QString m_id;
    JourneyStage m_stage;
    QString m_span;
    QStringList m_problems;
    TitleItem *m_title;
    DurationHandle *m_minus;
    DurationHandle *m_plus;
    qreal m_height = 0;
    bool m_current = false;
};

namespace {

const CardMetrics &metricsFor(const QFont &font)
{
    // One set per font; cards keep a reference, and std::map never moves its values.
    static std::map<QString, CardMetrics> cache;
    auto it = cache.find(font.key());
    if (it == cache.end())
        it = cache.emplace(font.key(), CardMetrics(font)).first;
    return it->second;
}

} // namespace

JourneyScene::JourneyScene(QObject *parent) : QGraphicsScene(parent)
{
    setBackgroundBrush(QColor(0xf0, 0xf4, 0xf5));
    setItemIndexMethod(QGraphicsScene::NoIndex); // a few cards, rebuilt often
}

JourneyScene::~JourneyScene() = default;

QString JourneyScene::durationText(int months)
{
    if (months > 0 && months % 12 == 0)
        return months == 12 ? tr("1 year") : tr("%1 years").arg(months / 12);
    return months == 1 ? tr("1 month") : tr("%1 months").arg(months);
}

QString JourneyScene::totalDurationText(int months)
{
    if (months < 24 || months % 12 == 0)
        return durationText(months);
    const int rest = months % 12;
    return rest == 1 ? tr("%1 years 1 month").arg(months / 12) : tr("%1 years %2 months").arg(months / 12).arg(rest);
}

QString JourneyScene::yearSpanText(int startMonths, int durationMonths)
{
    const int first = startMonths / 12 + 1;
    const int last = (startMonths + std::max(durationMonths, 1) - 1) / 12 + 1;
    return first == last ? tr("Year %1").arg(first) : tr("Years %1\u2013%2").arg(first).arg(last);
}

StageCard *JourneyScene::card(const QString &id) const
{
    return m_cards.value(id);
}

StageCard *JourneyScene::cardAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        for (QGraphicsItem *up = item; up; up = up->parentItem()) {
            for (StageCard *c : m_cards)
                if (c == up)
                    return c;
        }
    }
    return nullptr;
}

void JourneyScene::setStages(const QList<JourneyStage> &stages)
{
    m_stages = stages;
    const CardMetrics &metrics = metricsFor(font());
    QSet<QString> seen;
    for (const JourneyStage &s : stages) {
        if (s.id.isEmpty() || seen.contains(s.id))
            continue; // only while the ids are wrong (the editor shows that problem)
        seen.insert(s.id);
        StageCard *&c = m_cards[s.id];
        if (!c) {
            c = new StageCard(metrics, s.id);
            const QString id = s.id;
            c->title()->onCommit = [this, id](const QString &title) { Q_EMIT titleEdited(id, title); };
            for (int step : {-1, +1})
                c->handle(step)->onStep = [this, id](int months) { Q_EMIT durationStepped(id, months); };
            addItem(c);
        }
    }
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        StageCard *gone = it.value();
        gone->title()->finish(false);
        removeItem(gone);
        gone->deleteLater(); // it may be in the middle of handling an event
        it = m_cards.erase(it);
    }
    if (!m_current.isEmpty() && !m_cards.contains(m_current))
        m_current.clear();
    layoutJourney();
}

void JourneyScene::setProblems(const QHash<QString, QStringList> &problems)
{
    m_problems = problems;
    for (StageCard *c : std::as_const(m_cards))
        c->setProblems(problems.value(c->id()));
}

void JourneyScene::setCurrentStage(const QString &id)
{
    const QString current = m_cards.contains(id) ? id : QString();
    if (current == m_current)
        return;
    m_current = current;
    for (StageCard *c : std::as_const(m_cards))
        c->setCurrent(c->id() == m_current);
    rebuildDecorations();
}

void JourneyScene::pickStage(const QString &id)
{
    if (id == m_current || !m_cards.contains(id))
        return;
    setCurrentStage(id);
    Q_EMIT currentStageChanged(id);
}

void JourneyScene::layoutJourney()
{
    const CardMetrics &m = metricsFor(font());
    // Index of every shown stage; the first stage with an id starts the journey.
    QHash<QString, qsizetype> index;
    QList<qsizetype> shown;
    for (qsizetype i = 0; i < m_stages.size(); ++i) {
        if (m_cards.contains(m_stages[i].id) && !index.contains(m_stages[i].id)) {
            index.insert(m_stages[i].id, i);
            shown.append(i);
        }
    }
    const qsizetype n = m_stages.size();
    QList<int> column(n, 0), start(n, 0);
    // Longest route from the first stage, in links (column) and months (start). Bounded
    // rounds, so a cycle (which validation reports) cannot keep it going.
    for (qsizetype round = 0; round < n; ++round) {
        bool changed = false;
        for (qsizetype i : shown) {
            for (const QString &next : m_stages[i].next) {
                const qsizetype j = index.value(next, -1);
                if (j < 0 || j == i || j == shown.value(0, -1))
                    continue;
                const int col = std::min(column[i] + 1, int(n) - 1);
                if (column[j] < col) {
                    column[j] = col;
                    changed = true;
                }
                const int months = start[i] + std::max(m_stages[i].durationMonths, 0);
                if (start[j] < months) {
                    start[j] = months;
                    changed = true;
                }
            }
        }
        if (!changed)
            break;
    }

    // Rows: within a column, in the pathway's own order; columns centred on each other.
    QHash<int, QList<qsizetype>> byColumn;
    int columns = 0;
    for (qsizetype i : shown) {
        byColumn[column[i]].append(i);
        columns = std::max(columns, column[i] + 1);
    }
    int maxRows = 0;
    for (const auto &list : std::as_const(byColumn))
        maxRows = std::max(maxRows, int(list.size()));

    // Texts first: the tallest title sets the height of every card.
    for (qsizetype i : shown)
        m_cards.value(m_stages[i].id)->setStage(m_stages[i], yearSpanText(start[i], m_stages[i].durationMonths));
    qreal titleHeight = 2 * QFontMetricsF(m.titleFont).lineSpacing();
    for (qsizetype i : shown)
        titleHeight = std::max(titleHeight, m_cards.value(m_stages[i].id)->naturalTitleHeight());
    const qreal height = m.cardHeight(titleHeight);
    const qreal pitch = height + m.gapY;
    const qreal top = 3 * m.line; // below the ruler

    m_column.clear();
    m_row.clear();
    m_startMonths.clear();
    m_journeyOrder.clear();
    m_totalMonths = 0;
    for (int c = 0; c < columns; ++c) {
        const QList<qsizetype> list = byColumn.value(c);
        for (qsizetype r = 0; r < list.size(); ++r) {
            const JourneyStage &s = m_stages[list[r]];
            StageCard *card = m_cards.value(s.id);
            card->setHeight(height);
            card->setCurrent(s.id == m_current);
            card->setProblems(m_problems.value(s.id));
            card->setPos(c * (m.width + m.gapX), top + ((maxRows - list.size()) / 2.0 + r) * pitch);
            m_column.insert(s.id, c);
            m_row.insert(s.id, int(r));
            m_startMonths.insert(s.id, start[list[r]]);
            m_journeyOrder.append(s.id);
            m_totalMonths = std::max(m_totalMonths, start[list[r]] + std::max(s.durationMonths, 0));
        }
    }
    rebuildDecorations();
}

void JourneyScene::rebuildDecorations()
{
    const CardMetrics &m = metricsFor(font());
    for (QGraphicsItem *item : std::as_const(m_decorations)) {
        removeItem(item);
        delete item;
    }
    m_decorations.clear();
    m_arrows.clear();

    if (m_cards.isEmpty()) {
        auto *note = new QGraphicsTextItem;
        note->setFont(m.font);
        note->setDefaultTextColor(kSecondaryText);
        note->setTextWidth(40 * m.charWidth);
        note->setPlainText(tr("This pathway has no stages yet. Add the first stage to start the journey."));
        addItem(note);
        m_decorations.append(note);
        setSceneRect(note->boundingRect().adjusted(-2 * m.line, -2 * m.line, 2 * m.line, 2 * m.line));
        return;
    }

    QSet<QString> counted;
    for (const JourneyStage &s : std::as_const(m_stages)) {
        StageCard *from = m_cards.value(s.id);
        if (!from || counted.contains(s.id))
            continue;
        counted.insert(s.id);
        for (const QString &next : s.next) {
            StageCard *to = m_cards.value(next);
            if (!to || to == from)
                continue;
            auto *arrow = new ArrowItem(from->mapRectToScene(from->cardRect()), to->mapRectToScene(to->cardRect()),
                                        s.id == m_current || next == m_current, m);
            addItem(arrow);
            m_decorations.append(arrow);
            m_arrows[s.id] += 1;
        }
    }

    // The ruler: the year each column starts in, and the whole journey's length.
    QList<RulerItem::Tick> ticks;
    int columns = 0;
    for (int c : std::as_const(m_column))
        columns = std::max(columns, c + 1);
    for (int c = 0; c < columns; ++c) {
        int first = -1, last = -1;
        for (auto it = m_column.cbegin(); it != m_column.cend(); ++it) {
            if (it.value() != c)
                continue;
            const int year = m_startMonths.value(it.key()) / 12 + 1;
            first = first < 0 ? year : std::min(first, year);
            last = std::max(last, year);
        }
        ticks.append({c * (m.width + m.gapX), first == last ? tr("Year %1").arg(first) : tr("Years %1\u2013%2").arg(first).arg(last)});
    }
    const qreal endX = columns * (m.width + m.gapX) - m.gapX;
    auto *ruler = new RulerItem(ticks, endX, tr("%1 in all").arg(totalDurationText(m_totalMonths)), m);
    addItem(ruler);
    m_decorations.append(ruler);

    QRectF bounds;
    for (StageCard *c : std::as_const(m_cards))
        bounds = bounds.united(c->mapRectToScene(c->boundingRect()));
    for (QGraphicsItem *item : std::as_const(m_decorations))
        bounds = bounds.united(item->mapRectToScene(item->boundingRect()));
    setSceneRect(bounds.adjusted(-m.line, -m.line, m.line, m.line));
}

int JourneyScene::stageColumn(const QString &id) const
{
    return m_column.value(id, -1);
}

int JourneyScene::stageStartMonths(const QString &id) const
{
    return m_startMonths.value(id, -1);
}

QRectF JourneyScene::stageCardRect(const QString &id) const
{
    StageCard *c = card(id);
    return c ? c->mapRectToScene(c->cardRect()) : QRectF();
}

QRectF JourneyScene::stageTitleRect(const QString &id) const
{
    StageCard *c = card(id);
    return c ? c->title()->mapRectToScene(c->title()->boundingRect()) : QRectF();
}

QRectF JourneyScene::durationHandleRect(const QString &id, int step) const
{
    StageCard *c = card(id);
    if (!c)
        return QRectF();
    DurationHandle *h = c->handle(step);
    return h->mapRectToScene(h->boundingRect());
}

QString JourneyScene::stageIdAt(const QPointF &scenePos) const
{
    StageCard *c = cardAt(scenePos);
    return c ? c->id() : QString();
}

QStringList JourneyScene::stageCardTexts(const QString &id) const
{
    StageCard *c = card(id);
    return c ? c->texts() : QStringList();
}

bool JourneyScene::isStageMarked(const QString &id) const
{
    StageCard *c = card(id);
    return c && c->isMarked();
}

QString JourneyScene::stageToolTip(const QString &id) const
{
    StageCard *c = card(id);
    return c ? c->toolTip() : QString();
}

int JourneyScene::arrowCount(const QString &fromId) const
{
    return m_arrows.value(fromId);
}

bool JourneyScene::isEditingTitle() const
{
    return std::any_of(m_cards.cbegin(), m_cards.cend(), [](StageCard *c) { return c->title()->isEditing(); });
}

void JourneyScene::editTitle(const QString &id)
{
    StageCard *c = card(id);
    if (!c)
        return;
    pickStage(id);
    c->title()->startEdit();
}

void JourneyScene::finishTitleEdit()
{
    for (StageCard *c : std::as_const(m_cards))
        c->title()->finish(true);
}

void JourneyScene::selectByKey(int key)
{
    if (m_journeyOrder.isEmpty())
        return;
    if (m_current.isEmpty() || key == Qt::Key_Home) {
        pickStage(m_journeyOrder.first());
        return;
    }
    if (key == Qt::Key_End) {
        pickStage(m_journeyOrder.last());
        return;
    }
    const int column = m_column.value(m_current);
    const int row = m_row.value(m_current);
    const qreal y = stageCardRect(m_current).center().y();
    QString best;
    qreal bestDistance = 0;
    for (const QString &id : std::as_const(m_journeyOrder)) {
        const int c = m_column.value(id);
        const int r = m_row.value(id);
        bool candidate = false;
        switch (key) {
        case Qt::Key_Left: candidate = c == column - 1; break;
        case Qt::Key_Right: candidate = c == column + 1; break;
        case Qt::Key_Up: candidate = c == column && r == row - 1; break;
        case Qt::Key_Down: candidate = c == column && r == row + 1; break;
        default: break;
        }
        if (!candidate)
            continue;
        const qreal distance = std::abs(stageCardRect(id).center().y() - y);
        if (best.isEmpty() || distance < bestDistance) {
            best = id;
            bestDistance = distance;
        }
    }
    if (!best.isEmpty())
        pickStage(best);
}

void JourneyScene::keyPressEvent(QKeyEvent *event)
{
    if (isEditingTitle()) {
        QGraphicsScene::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End:
        if (event->modifiers() & (Qt::AltModifier | Qt::ControlModifier))
            break; // Alt+Left/Right move the stage (the editor's actions)
        selectByKey(event->key());
        event->accept();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_current.isEmpty())
            Q_EMIT stageActivated(m_current);
        event->accept();
        return;
    case Qt::Key_F2:
        if (!m_current.isEmpty())
            editTitle(m_current);
        event->accept();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        if (!m_current.isEmpty()) {
            const bool longer = event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal;
            Q_EMIT durationStepped(m_current, longer ? 1 : -1);
        }
        event->accept();
        return;
    default:
        break;
    }
    QGraphicsScene::keyPressEvent(event);
}

void JourneyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    StageCard *c = cardAt(event->scenePos());
    // A click anywhere but in the title being edited commits that edit first.
    for (StageCard *other : std::as_const(m_cards)) {
        TitleItem *title = other->title();
        if (title->isEditing() && !title->sceneBoundingRect().contains(event->scenePos()))
            title->finish(true);
    }
    if (c)
        pickStage(c->id());
    QGraphicsScene::mousePressEvent(event);
}

void JourneyScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    StageCard *c = cardAt(event->scenePos());
    if (c && event->button() == Qt::LeftButton && !c->title()->isEditing()) {
        const bool onHandle = c->handle(-1)->sceneBoundingRect().contains(event->scenePos())
            || c->handle(+1)->sceneBoundingRect().contains(event->scenePos());
        if (!onHandle) {
            editTitle(c->id());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void JourneyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    StageCard *c = cardAt(event->scenePos());
    if (!c) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    finishTitleEdit();
    pickStage(c->id());
    Q_EMIT contextMenuRequested(c->id(), event->screenPos());
    event->accept();
}

} // namespace carta::app
