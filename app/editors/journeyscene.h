// The journey of a pathway drawn as a graph: one card per stage (career stage, title,
// duration with -/+ handles, the years it spans, portal), laid out left to right by the
// stages' next links (column = longest route from the first stage), arrows for the
// links and a ruler of years above. The scene only shows and reports: edits go out as
// signals (an inline title, a duration step) for the editor to turn into document edits.
#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace carta::app {

class StageCard;

// What one card shows, in the pathway's own stage order (index 0 starts the journey).
struct JourneyStage
{
    QString id;
    QString title;
    QString careerStage; // the career stage's title as shown; empty when not set
    int durationMonths = 0;
    QString portal; // the portal's name; empty when none
    QStringList next;
};

class JourneyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit JourneyScene(QObject *parent = nullptr);
    ~JourneyScene() override;

    // Shows these stages; cards of the same id are kept (an inline edit goes on).
    void setStages(const QList<JourneyStage> &stages);
    // Problems per stage id (messages a person reads); marks those cards.
    void setProblems(const QHash<QString, QStringList> &problems);
    // Selects a card without emitting currentStageChanged(); empty for none.
    void setCurrentStage(const QString &id);
    [[nodiscard]] QString currentStage() const { return m_current; }

    // ---- what is shown, for the editor and for tests ----
    // Stage ids by column (left to right), then top to bottom within a column.
    [[nodiscard]] QStringList stagesInJourneyOrder() const { return m_journeyOrder; }
    [[nodiscard]] int stageColumn(const QString &id) const;
    // The months from the start of the journey to the start of the stage (longest route).
    [[nodiscard]] int stageStartMonths(const QString &id) const;
    // Months along the longest route from the first stage to the end of the journey.
    [[nodiscard]] int totalMonths() const { return m_totalMonths; }
    [[nodiscard]] QRectF stageCardRect(const QString &id) const;   // scene coordinates
    [[nodiscard]] QRectF stageTitleRect(const QString &id) const;  // scene coordinates
    // The -1 (shorter) or +1 (longer) duration handle of a card, scene coordinates.
    [[nodiscard]] QRectF durationHandleRect(const QString &id, int step) const;
    [[nodiscard]] QString stageIdAt(const QPointF &scenePos) const;
    // The texts drawn on a card: career stage, title, duration, years, portal.
    [[nodiscard]] QStringList stageCardTexts(const QString &id) const;
    [[nodiscard]] bool isStageMarked(const QString &id) const;
    [[nodiscard]] QString stageToolTip(const QString &id) const;
    // Arrows drawn from a stage (one per next link to a stage on the scene).
    [[nodiscard]] int arrowCount(const QString &fromId) const;
    [[nodiscard]] bool isEditingTitle() const;

    // Starts editing the card's title in place (all text selected); Enter or leaving the
    // card commits (titleEdited), Escape cancels.
    void editTitle(const QString &id);
    // Commits an inline title edit that is going on (before an action changes the stages).
    void finishTitleEdit();

    // "2 years", "1 year", "18 months", "1 month".
    [[nodiscard]] static QString durationText(int months);
    // A journey's length: durationText(), or "15 years 6 months" past two years.
    [[nodiscard]] static QString totalDurationText(int months);
    // "Year 6", "Years 8–10": the years of the journey a stage spans.
    [[nodiscard]] static QString yearSpanText(int startMonths, int durationMonths);

Q_SIGNALS:
    // A person picked a card (mouse, arrow keys).
    void currentStageChanged(const QString &id);
    void titleEdited(const QString &id, const QString &title);
    // A -/+ handle or the - and + keys: change the duration by this many months.
    void durationStepped(const QString &id, int months);
    // Enter on the selected card.
    void stageActivated(const QString &id);
    void contextMenuRequested(const QString &id, const QPoint &screenPos);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    [[nodiscard]] StageCard *card(const QString &id) const;
    [[nodiscard]] StageCard *cardAt(const QPointF &scenePos) const;
    void layoutJourney();
    void rebuildDecorations();
    void selectByKey(int key);
    void pickStage(const QString &id);

    QList<JourneyStage> m_stages;
    QHash<QString, StageCard *> m_cards;
    QHash<QString, QStringList> m_problems;
    QHash<QString, int> m_column;
    QHash<QString, int> m_row;
    QHash<QString, int> m_startMonths;
    QStringList m_journeyOrder;
    QList<QGraphicsItem *> m_decorations; // arrows, ruler, the empty-journey note
    QHash<QString, int> m_arrows;
    QString m_current;
    int m_totalMonths = 0;
};

} // namespace carta::app
