// The editor of a pathway's fields: the profession, the journey of stages drawn as a graph
// (JourneyScene: titles edited in place, durations changed by -/+), a list of the stages
// for keyboard and screen-reader use, and a form for the selected stage. Every change is
// one ItemDocument::editItem(); typing in one field of one stage merges.
#pragma once

#include "editors/typefieldseditor.h"

#include <QHash>
#include <QStringList>

#include <functional>

class QAction;
class QComboBox;
class QGraphicsView;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace carta::app {

class JourneyScene;

class PathwayEditor : public TypeFieldsEditor
{
    Q_OBJECT

public:
    PathwayEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent = nullptr);

    void refresh() override;
    void showIssues() override;
    bool focusPath(const QString &path) override;

    // The stage the form shows; empty when the pathway has no stages.
    [[nodiscard]] QString currentStage() const { return m_current; }
    void setCurrentStage(const QString &id);
    [[nodiscard]] JourneyScene *journeyScene() const { return m_scene; }
    [[nodiscard]] QGraphicsView *journeyView() const { return m_view; }

private:
    struct FieldIssues
    {
        QWidget *field = nullptr;
        QLabel *label = nullptr;
        QString name;
    };

    void buildUi();
    void buildActions();
    QLabel *addIssueLabel(const QString &objectName, const QString &accessibleName);

    // ---- showing the document ----
    [[nodiscard]] const model::PathwayFields *fields() const;
    [[nodiscard]] int stageIndex(const QString &id) const;
    void refreshProfession();
    void refreshJourney();
    void refreshStageList();
    void refreshForm();
    void updateActions();
    void updateViewDescription();
    void currentChangedByUser(const QString &id);

    // ---- edits ----
    // One undo command changing the stage with this id (nothing when it has gone).
    void editStage(const QString &description, const QString &id, const QString &mergeKey,
                   const std::function<void(model::PathwayStage &)> &mutate);
    void editStages(const QString &description, const std::function<void(QList<model::PathwayStage> &)> &mutate);
    void addStageAfter();
    void addBranch();
    void removeStage();
    void moveStage(int direction);
    void stepDuration(const QString &id, int months);
    void commitCareerStage();
    void commitProfession();
    void nextStageToggled();

    // ---- issues ----
    struct StageIssue
    {
        QString stageId;
        QString field; // "title", "duration_months", "next", ...; empty for the stage itself
        QString message;
    };
    [[nodiscard]] QList<StageIssue> stageIssues() const;
    [[nodiscard]] QString fieldLabel(const QString &field) const;

    JourneyScene *m_scene = nullptr;
    QGraphicsView *m_view = nullptr;
    QComboBox *m_profession = nullptr;
    QLabel *m_professionIssues = nullptr;
    QLabel *m_journeySummary = nullptr;
    QLabel *m_journeyIssues = nullptr;
    QListWidget *m_stageList = nullptr;
    QGroupBox *m_form = nullptr;
    QLabel *m_stageIssues = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_careerStage = nullptr;
    QSpinBox *m_duration = nullptr;
    QLabel *m_durationText = nullptr;
    QComboBox *m_portal = nullptr;
    QLineEdit *m_window = nullptr;
    QPlainTextEdit *m_entry = nullptr;
    QListWidget *m_next = nullptr;
    QHash<QString, FieldIssues> m_fieldIssues; // by issue field name ("title", "next", ...)
    // A term typed into a type-ahead combo that is in no list: said beside the combo until
    // the person picks one (the document keeps its value).
    QString m_careerStageTyped;
    QString m_professionTyped;

    QAction *m_addAction = nullptr;
    QAction *m_branchAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_earlierAction = nullptr;
    QAction *m_laterAction = nullptr;

    QString m_current;
    QStringList m_journeyOrder; // as last shown: to pick a neighbour when the current stage goes
    bool m_updating = false;    // set while widgets are filled from the document
};

} // namespace carta::app
