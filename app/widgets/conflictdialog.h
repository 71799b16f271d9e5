// Settling a sync conflict: for each place where this computer's and the server's changes
// overlap, Base / Mine / Theirs side by side with the changed words marked, and a Result
// the person keeps from one side or writes; Resolve hands the whole item to the replica.
// When one side deleted the item, the choice is between keeping it and deleting it.
#pragma once

#include "replica/replica.h"

#include <QDialog>
#include <QList>
#include <QTextCharFormat>
#include <QTimer>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTextEdit;
class QTreeWidget;
class QWidget;

namespace carta::app {

class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Decision { None, Mine, Theirs, Both, Edited };

    ConflictDialog(replica::Replica &replica, const replica::ConflictRecord &record, QWidget *parent = nullptr);

    // A conflict path as a person reads it: "paragraphs[id=X].markdown" -> "Paragraph 3 (text)",
    // "curriculum.learning_outcomes[id=lo2].title" -> "Learning outcome 2 (CARD-LO-02): title".
    // Positions are the entry's in item; index paths ("paragraphs[2].markdown") work too.
    [[nodiscard]] static QString describePath(const model::Item &item, const QString &path);

    // How changed words are marked: in Mine and Theirs, words added or changed since Base;
    // in Base, words one side removed or replaced. Colour plus underline / strike-through.
    [[nodiscard]] static QTextCharFormat addedFormat();
    [[nodiscard]] static QTextCharFormat removedFormat();

    // One side deleted the item: keep it or delete it, no places to go through.
    [[nodiscard]] bool isDeletionConflict() const { return m_deletion != DeletionSide::None; }
    [[nodiscard]] qsizetype placeCount() const { return m_places.size(); }
    [[nodiscard]] Decision decision(qsizetype place) const { return m_places.at(place).decision; }
    // The item the current decisions make (undecided places keep the merged value).
    [[nodiscard]] model::Result<model::Item> resultItem() const;

private:
    enum class DeletionSide { None, Server, Here };

    struct Place
    {
        model::Conflict conflict;
        QString label;
        bool text = false;        // a text value: the Result can be edited, both can be kept
        bool canKeepBoth = false;
        Decision decision = Decision::None;
        QString resultText;       // text places: the Result as it stands
    };

    void buildPlacesUi();
    void buildDeletionUi();
    void fillPlaces();
    void showPlace(int index);
    void decide(int index, Decision choice);
    void decideAll(Decision choice);
    void resultEdited();
    void updatePlaceRow(int index);
    void updateState();
    void checkResult();
    void resolve();
    void resolveDeletion();
    void showError(const QString &message);

    [[nodiscard]] model::JsonValue sideValue(const Place &place, Decision side) const;
    [[nodiscard]] QString displayText(const Place &place, const model::JsonValue &value) const;
    [[nodiscard]] QString decisionText(Decision choice) const;

    replica::Replica &m_replica;
    replica::ConflictRecord m_record;
    DeletionSide m_deletion = DeletionSide::None;
    model::JsonValue m_base;
    model::JsonValue m_mine;
    model::JsonValue m_theirs;
    model::JsonValue m_merged;            // mergeJson's result: non-conflicting parts merged
    QList<model::JsonValue> m_lookupRoots; // where entries are looked up for names: merged, mine, theirs, base
    QList<Place> m_places;
    int m_current = -1;
    bool m_updating = false;              // widgets being set from the places: not an edit
    bool m_resolvedAwaitingDelete = false; // deletion conflict settled, the delete still to do
    QTimer m_checkTimer;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QWidget *m_placesPage = nullptr;
    QTreeWidget *m_placeList = nullptr;
    QLabel *m_placeTitle = nullptr;
    QTextEdit *m_basePane = nullptr;
    QTextEdit *m_minePane = nullptr;
    QTextEdit *m_theirsPane = nullptr;
    QLabel *m_legend = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_keepTheirs = nullptr;
    QPushButton *m_keepBoth = nullptr;
    QLabel *m_resultLabel = nullptr;
    QPlainTextEdit *m_resultEdit = nullptr;
    QLabel *m_decisionLabel = nullptr;
    QPushButton *m_keepAllMine = nullptr;
    QPushButton *m_keepAllTheirs = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;

    QWidget *m_deletionPage = nullptr;
    QTextEdit *m_survivorPane = nullptr;
    QRadioButton *m_keepItemChoice = nullptr;
    QRadioButton *m_deleteChoice = nullptr;

    QLabel *m_errorLabel = nullptr;
    QPushButton *m_resolveButton = nullptr;
    QPushButton *m_laterButton = nullptr;
};

} // namespace carta::app
