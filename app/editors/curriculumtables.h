// The three tables of a curriculum (learning outcomes, competencies, assessments) as item
// models over the ItemDocument, and the delegates their cells are edited with. Every cell
// edit, added, removed or moved row is one ItemDocument::editItem call; the models follow
// the document in sync() and mark the cells validation names.
#pragma once

#include "document/itemdocument.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStyledItemDelegate>
#include <QTableView>

namespace carta::app {

class CurriculumTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int IssuesRole = Qt::UserRole + 2; // QStringList of the cell's problems

    explicit CurriculumTableModel(ItemDocument *document, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The list's key in the curriculum's fields ("learning_outcomes") and its issue path
    // ("curriculum.learning_outcomes").
    [[nodiscard]] virtual QString listKey() const = 0;
    [[nodiscard]] QString issuePath() const;
    [[nodiscard]] int columnOfKey(const QString &key) const; // -1 when no column has it
    [[nodiscard]] int rowOfId(const QString &id) const;      // -1 when absent
    [[nodiscard]] QString idAt(int row) const;

    // Follows the document: rows inserted, removed or moved become those signals (the view
    // keeps its current row), anything else a reset. Returns the first cell whose content
    // changed when all changes are in one row, or the inserted row (to show what an undo
    // did); else invalid.
    QModelIndex sync();
    // Marks the cells the issues under issuePath() name.
    void setIssues(const model::Issues &issues);
    // The problems of the list in words, one line each ("Row 2, Code: must not be empty").
    [[nodiscard]] QStringList issueLines() const;

    // ---- edits (one undo command each) ----
    // Inserts a new entry with a fresh id (and a suggested code) at row; returns its id.
    QString addEntry(int row);
    void removeEntry(int row);
    void moveEntry(int row, int delta);

protected:
    struct Column
    {
        QString key;   // field name in validation paths ("code", "outcome_codes")
        QString title; // header
    };
    void setColumns(QList<Column> columns) { m_columns = std::move(columns); }
    [[nodiscard]] const model::CurriculumFields &fields() const;
    // The start of new codes ("CARD" in "CARD-LO-01"): the curriculum's, or from its slug.
    [[nodiscard]] QString codeBase(const model::CurriculumFields &f) const;

    // ---- the list this model shows ----
    [[nodiscard]] virtual int entryCount(const model::CurriculumFields &f) const = 0;
    [[nodiscard]] virtual QString entryId(const model::CurriculumFields &f, int row) const = 0;
    // The cell's value as edited (EditRole).
    [[nodiscard]] virtual QVariant value(const model::CurriculumFields &f, int row, int column) const = 0;
    virtual void setValue(model::CurriculumFields &f, int row, int column, const QVariant &value) const = 0;
    virtual void insertEntry(model::CurriculumFields &f, int row, const QString &id) const = 0;
    virtual void removeEntryAt(model::CurriculumFields &f, int row) const = 0;
    virtual void moveEntryTo(model::CurriculumFields &f, int from, int to) const = 0;
    // The cell as shown; by default the first line of its text.
    [[nodiscard]] virtual QString displayText(int column, const QVariant &value) const;
    // Undo texts ("Add Learning Outcome"...).
    [[nodiscard]] virtual QString addText() const = 0;
    [[nodiscard]] virtual QString removeText() const = 0;
    [[nodiscard]] virtual QString moveText() const = 0;
    [[nodiscard]] virtual QString editText(const QString &columnTitle) const = 0;

private:
    struct Snapshot
    {
        QString id;
        QVariantList values;
    };
    [[nodiscard]] QList<Snapshot> snapshot() const;

    ItemDocument *m_document;
    QList<Column> m_columns;
    QList<Snapshot> m_rows;
    QHash<int, QHash<int, QStringList>> m_cellIssues; // row -> column -> messages
    QStringList m_listIssues;                         // about the list as a whole
};

class LearningOutcomeTableModel : public CurriculumTableModel
{
    Q_OBJECT

public:
    enum Columns { CodeColumn, TitleColumn, DescriptionColumn };
    explicit LearningOutcomeTableModel(ItemDocument *document, QObject *parent = nullptr);
    [[nodiscard]] QString listKey() const override { return QStringLiteral("learning_outcomes"); }

protected:
    [[nodiscard]] int entryCount(const model::CurriculumFields &f) const override;
    [[nodiscard]] QString entryId(const model::CurriculumFields &f, int row) const override;
    [[nodiscard]] QVariant value(const model::CurriculumFields &f, int row, int column) const override;
    void setValue(model::CurriculumFields &f, int row, int column, const QVariant &value) const override;
    void insertEntry(model::CurriculumFields &f, int row, const QString &id) const override;
    void removeEntryAt(model::CurriculumFields &f, int row) const override;
    void moveEntryTo(model::CurriculumFields &f, int from, int to) const override;
    [[nodiscard]] QString addText() const override;
    [[nodiscard]] QString removeText() const override;
    [[nodiscard]] QString moveText() const override;
    [[nodiscard]] QString editText(const QString &columnTitle) const override;
};

class CompetencyTableModel : public CurriculumTableModel
{
    Q_OBJECT

public:
    enum Columns { CodeColumn, TitleColumn, DescriptionColumn, OutcomeCodesColumn };
    explicit CompetencyTableModel(ItemDocument *document, QObject *parent = nullptr);
    [[nodiscard]] QString listKey() const override { return QStringLiteral("competencies"); }

protected:
    [[nodiscard]] int entryCount(const model::CurriculumFields &f) const override;
    [[nodiscard]] QString entryId(const model::CurriculumFields &f, int row) const override;
    [[nodiscard]] QVariant value(const model::CurriculumFields &f, int row, int column) const override;
    void setValue(model::CurriculumFields &f, int row, int column, const QVariant &value) const override;
    void insertEntry(model::CurriculumFields &f, int row, const QString &id) const override;
    void removeEntryAt(model::CurriculumFields &f, int row) const override;
    void moveEntryTo(model::CurriculumFields &f, int from, int to) const override;
    [[nodiscard]] QString addText() const override;
    [[nodiscard]] QString removeText() const override;
    [[nodiscard]] QString moveText() const override;
    [[nodiscard]] QString editText(const QString &columnTitle) const override;
};

class AssessmentTableModel : public CurriculumTableModel
{
    Q_OBJECT

public:
    enum Columns { MethodColumn, DescriptionColumn };
    explicit AssessmentTableModel(ItemDocument *document, QObject *parent = nullptr);
    [[nodiscard]] QString listKey() const override { return QStringLiteral("assessments"); }

    [[nodiscard]] static QString methodName(model::AssessmentMethod method);
    [[nodiscard]] static const QList<model::AssessmentMethod> &allMethods();

protected:
    [[nodiscard]] int entryCount(const model::CurriculumFields &f) const override;
    [[nodiscard]] QString entryId(const model::CurriculumFields &f, int row) const override;
    [[nodiscard]] QVariant value(const model::CurriculumFields &f, int row, int column) const override;
    void setValue(model::CurriculumFields &f, int row, int column, const QVariant &value) const override;
    void insertEntry(model::CurriculumFields &f, int row, const QString &id) const override;
    void removeEntryAt(model::CurriculumFields &f, int row) const override;
    void moveEntryTo(model::CurriculumFields &f, int from, int to) const override;
    [[nodiscard]] QString displayText(int column, const QVariant &value) const override;
    [[nodiscard]] QString addText() const override;
    [[nodiscard]] QString removeText() const override;
    [[nodiscard]] QString moveText() const override;
    [[nodiscard]] QString editText(const QString &columnTitle) const override;
};

// A table of a curriculum list; says whether a cell is being edited (its model must then
// not move the current cell, which would commit the editor in the middle of an edit).
class CurriculumTableView : public QTableView
{
    Q_OBJECT

public:
    using QTableView::QTableView;
    [[nodiscard]] bool isEditing() const { return state() == EditingState; }
    // Writes the cell being edited into the model and closes its editor.
    void commitEdit();
};

// The next code after the list's last numbered one, in its pattern ("CAR-LO-06" ->
// "CAR-LO-07", the highest number with that prefix plus one); `first` when no code is
// numbered. Never one of `codes`.
[[nodiscard]] QString suggestCode(const QStringList &codes, const QString &first);

// "CAR-LO-01, car-lo-02,," -> {"CAR-LO-01", "car-lo-02"}: the outcome codes column's form.
[[nodiscard]] QStringList parseCodeList(const QString &text);

// Multi-line text (descriptions, Markdown) in a cell: Enter commits, Shift+Enter starts a
// new line, Escape cancels.
class MultiLineTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

protected:
    bool eventFilter(QObject *object, QEvent *event) override;
};

// An assessment method picked from a combo box of the methods' translated names.
class AssessmentMethodDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private Q_SLOTS:
    void commitChoice();
};

// Comma-separated outcome codes, completing each code from the curriculum's outcomes.
class OutcomeCodesDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    OutcomeCodesDelegate(ItemDocument *document, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    ItemDocument *m_document;
};

} // namespace carta::app
