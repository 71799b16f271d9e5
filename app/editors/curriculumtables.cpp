#include "editors/curriculumtables.h"

#include <QColor>
#include <QComboBox>
#include <QCompleter>
#include <QIcon>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStringListModel>
#include <QUuid>

#include <algorithm>

namespace carta::app {

using model::AssessmentMethod;
using model::CurriculumFields;

namespace {

const QColor &problemColor()
{
    static const QColor color(0xb3, 0x26, 0x1e); // as the item editor's problem labels
    return color;
}

// A small red dot: the mark of a cell with a problem (the tooltip and the label under the
// table say what it is, so colour is never the only signal).
const QIcon &problemIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(10, 10);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(problemColor());
        painter.drawEllipse(1, 1, 8, 8);
        return QIcon(pixmap);
    }();
    return icon;
}

// "CARD" from "CARD-LO-03"; from the slug's first word when no code has one.
QString baseOfCodes(const CurriculumFields &f, const QString &slug)
{
    static const QRegularExpression base(QStringLiteral("^([A-Z0-9]+)-"));
    QStringList codes;
    for (const auto &lo : f.learningOutcomes)
        codes.append(lo.code);
    for (const auto &c : f.competencies)
        codes.append(c.code);
    for (const QString &code : codes) {
        const auto match = base.match(code);
        if (match.hasMatch())
            return match.captured(1);
    }
    const QString word = slug.section(QLatin1Char('-'), 0, 0).left(4).toUpper();
    static const QRegularExpression plain(QStringLiteral("^[A-Z0-9]+\\z"));
    return plain.match(word).hasMatch() ? word : QStringLiteral("CUR");
}

// Completes the code after the last comma, keeping the codes before it.
class CodeListCompleter : public QCompleter
{
public:
    CodeListCompleter(const QStringList &codes, QLineEdit *edit) : QCompleter(codes, edit), m_edit(edit)
    {
        setCaseSensitivity(Qt::CaseInsensitive);
        setFilterMode(Qt::MatchContains);
    }

    QStringList splitPath(const QString &path) const override
    {
        return {path.section(QLatin1Char(','), -1).trimmed()};
    }

    QString pathFromIndex(const QModelIndex &index) const override
    {
        const QString text = m_edit->text();
        const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
        const QString before = comma < 0 ? QString() : text.left(comma + 1) + QLatin1Char(' ');
        return before + index.data().toString();
    }

private:
    QLineEdit *m_edit;
};

} // namespace

QString suggestCode(const QStringList &codes, const QString &first)
{
    static const QRegularExpression numbered(QStringLiteral("^(.*?)(\\d+)\\z"));
    QString prefix;
    qsizetype width = 0;
    for (auto it = codes.crbegin(); it != codes.crend(); ++it) {
        const auto match = numbered.match(*it);
        if (match.hasMatch()) {
            prefix = match.captured(1);
            width = match.capturedLength(2);
            break;
        }
    }
    if (width == 0)
        return codes.contains(first) ? suggestCode(QStringList(codes) << first, first) : first;
    int next = 1;
    for (const QString &code : codes) {
        const auto match = numbered.match(code);
        if (match.hasMatch() && match.captured(1) == prefix)
            next = std::max(next, match.captured(2).toInt() + 1);
    }
    QString candidate;
    do {
        candidate = prefix + QString::number(next++).rightJustified(width, QLatin1Char('0'));
    } while (codes.contains(candidate));
    return candidate;
}

QStringList parseCodeList(const QString &text)
{
    QStringList codes;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString code = part.trimmed();
        if (!code.isEmpty())
            codes.append(code);
    }
    return codes;
}

// ---- CurriculumTableModel ---------------------------------------------------------

CurriculumTableModel::CurriculumTableModel(ItemDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
}

const CurriculumFields &CurriculumTableModel::fields() const
{
    return m_document->item().as<CurriculumFields>();
}

QString CurriculumTableModel::codeBase(const CurriculumFields &f) const
{
    return baseOfCodes(f, m_document->item().slug);
}

int CurriculumTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CurriculumTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString CurriculumTableModel::issuePath() const
{
    return QStringLiteral("curriculum.") + listKey();
}

int CurriculumTableModel::columnOfKey(const QString &key) const
{
    for (int c = 0; c < m_columns.size(); ++c)
        if (m_columns.at(c).key == key)
            return c;
    return -1;
}

int CurriculumTableModel::rowOfId(const QString &id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).id == id)
            return r;
    return -1;
}

QString CurriculumTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

QString CurriculumTableModel::displayText(int column, const QVariant &value) const
{
    Q_UNUSED(column);
    const QString text = value.toString();
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    return newline < 0 ? text : text.left(newline) + QStringLiteral(" …");
}

QVariant CurriculumTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Snapshot &row = m_rows.at(index.row());
    const QStringList issues = m_cellIssues.value(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole: return displayText(index.column(), row.values.at(index.column()));
    case Qt::EditRole: return row.values.at(index.column());
    case IdRole: return row.id;
    case IssuesRole: return issues;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return issues.isEmpty() ? QVariant() : QVariant(issues.join(QLatin1Char('\n')));
    case Qt::DecorationRole: return issues.isEmpty() ? QVariant() : QVariant::fromValue(problemIcon());
    case Qt::ForegroundRole: return issues.isEmpty() ? QVariant() : QVariant::fromValue(problemColor());
    default: return {};
    }
}

QVariant CurriculumTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section >= 0 && section < m_columns.size() ? QVariant(m_columns.at(section).title) : QVariant();
}

Qt::ItemFlags CurriculumTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool CurriculumTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString id = m_rows.at(index.row()).id;
    const int column = index.column();
    const Column &c = m_columns.at(column);
    m_document->editItem(
        editText(c.title),
        [&](model::Item &item) {
            auto &f = item.as<CurriculumFields>();
            for (int r = 0; r < entryCount(f); ++r)
                if (entryId(f, r) == id)
                    setValue(f, r, column, value);
        },
        QStringLiteral("fields.%1[id=%2].%3").arg(listKey(), id, c.key));
    return true;
}

QList<CurriculumTableModel::Snapshot> CurriculumTableModel::snapshot() const
{
    QList<Snapshot> rows;
    const CurriculumFields &f = fields();
    const int count = entryCount(f);
    rows.reserve(count);
    for (int r = 0; r < count; ++r) {
        Snapshot row{entryId(f, r), {}};
        for (int c = 0; c < m_columns.size(); ++c)
            row.values.append(value(f, r, c));
        rows.append(std::move(row));
    }
    return rows;
}

QModelIndex CurriculumTableModel::sync()
{
    QList<Snapshot> now = snapshot();
    QStringList before, after;
    for (const Snapshot &row : m_rows)
        before.append(row.id);
    for (const Snapshot &row : now)
        after.append(row.id);

    // One row inserted, removed or moved: say so, and the view keeps its current row.
    auto firstDifference = [&] {
        int i = 0;
        while (i < before.size() && i < after.size() && before.at(i) == after.at(i))
            ++i;
        return i;
    };
    QModelIndex changed;
    bool handled = false;
    if (before == after) {
        int changedRow = -1;
        int changedColumn = -1;
        bool severalRows = false;
        for (int r = 0; r < now.size() && !severalRows; ++r) {
            for (int c = 0; c < m_columns.size(); ++c) {
                if (now.at(r).values.at(c) == m_rows.at(r).values.at(c))
                    continue;
                if (changedRow >= 0 && changedRow != r) {
                    severalRows = true;
                    break;
                }
                if (changedRow < 0) {
                    changedRow = r;
                    changedColumn = c;
                }
            }
        }
        if (changedRow < 0)
            return {};
        m_rows = std::move(now);
        handled = true;
        if (!severalRows)
            changed = index(changedRow, changedColumn);
    } else if (after.size() == before.size() + 1) {
        const int at = firstDifference();
        QStringList without = after;
        without.removeAt(at);
        if (without == before) {
            beginInsertRows(QModelIndex(), at, at);
            m_rows = std::move(now);
            endInsertRows();
            handled = true;
            changed = index(at, 0);
        }
    } else if (after.size() + 1 == before.size()) {
        const int at = firstDifference();
        QStringList without = before;
        without.removeAt(at);
        if (without == after) {
            beginRemoveRows(QModelIndex(), at, at);
            m_rows = std::move(now);
            endRemoveRows();
            handled = true;
        }
    } else if (after.size() == before.size()) {
        const int first = firstDifference();
        int last = int(before.size()) - 1;
        while (last > first && before.at(last) == after.at(last))
            --last;
        for (const auto &[from, to] : {std::pair{first, last}, std::pair{last, first}}) {
            QStringList moved = before;
            moved.move(from, to);
            if (moved == after) {
                beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to);
                m_rows = std::move(now);
                endMoveRows();
                handled = true; // the view's current row follows the rows
                break;
            }
        }
    }
    if (!handled) {
        // Not one of the simple cases (a merge, a replaced item): start again.
        beginResetModel();
        m_rows = std::move(now);
        m_cellIssues.clear();
        endResetModel();
        return {};
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, int(m_columns.size()) - 1));
    return changed;
}

void CurriculumTableModel::setIssues(const model::Issues &issues)
{
    static const QRegularExpression entryPath(QStringLiteral("^\\[(\\d+)\\](?:\\.([a-z_]+))?"));
    const QString listPath = issuePath();
    m_cellIssues.clear();
    m_listIssues.clear();
    for (const model::Issue &issue : issues) {
        if (issue.where == listPath) {
            m_listIssues.append(issue.message);
            continue;
        }
        if (!issue.where.startsWith(listPath + QLatin1Char('[')))
            continue;
        const auto match = entryPath.match(QStringView(issue.where).mid(listPath.size()));
        if (!match.hasMatch())
            continue;
        const int row = match.captured(1).toInt();
        // An entry's id has no column: its problems show on the first one.
        const int column = std::max(0, columnOfKey(match.captured(2)));
        m_cellIssues[row][column].append(issue.message);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, int(m_columns.size()) - 1),
                           {Qt::ToolTipRole, Qt::AccessibleDescriptionRole, Qt::DecorationRole, Qt::ForegroundRole, IssuesRole});
}

QStringList CurriculumTableModel::issueLines() const
{
    QStringList lines = m_listIssues;
    for (int r = 0; r < m_rows.size(); ++r) {
        const auto row = m_cellIssues.value(r);
        for (int c = 0; c < m_columns.size(); ++c)
            for (const QString &message : row.value(c))
                lines.append(tr("Row %1, %2: %3").arg(r + 1).arg(m_columns.at(c).title, message));
    }
    return lines;
}

QString CurriculumTableModel::addEntry(int row)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_document->editItem(addText(), [&](model::Item &item) {
        auto &f = item.as<CurriculumFields>();
        insertEntry(f, std::clamp(row, 0, entryCount(f)), id);
    });
    return id;
}

void CurriculumTableModel::removeEntry(int row)
{
    const QString id = idAt(row);
    if (id.isEmpty())
        return;
    m_document->editItem(removeText(), [&](model::Item &item) {
        auto &f = item.as<CurriculumFields>();
        for (int r = 0; r < entryCount(f); ++r) {
            if (entryId(f, r) == id) {
                removeEntryAt(f, r);
                return;
            }
        }
    });
}

void CurriculumTableModel::moveEntry(int row, int delta)
{
    const QString id = idAt(row);
    if (id.isEmpty() || delta == 0)
        return;
    m_document->editItem(moveText(), [&](model::Item &item) {
        auto &f = item.as<CurriculumFields>();
        for (int r = 0; r < entryCount(f); ++r) {
            if (entryId(f, r) == id) {
                const int to = r + delta;
                if (to >= 0 && to < entryCount(f))
                    moveEntryTo(f, r, to);
                return;
            }
        }
    });
}

// ---- learning outcomes ------------------------------------------------------------

LearningOutcomeTableModel::LearningOutcomeTableModel(ItemDocument *document, QObject *parent)
    : CurriculumTableModel(document, parent)
{
    setColumns({{QStringLiteral("code"), tr("Code")},
                {QStringLiteral("title"), tr("Title")},
                {QStringLiteral("description"), tr("Description")}});
    sync();
}

int LearningOutcomeTableModel::entryCount(const CurriculumFields &f) const { return int(f.learningOutcomes.size()); }
QString LearningOutcomeTableModel::entryId(const CurriculumFields &f, int row) const { return f.learningOutcomes.at(row).id; }
void LearningOutcomeTableModel::removeEntryAt(CurriculumFields &f, int row) const { f.learningOutcomes.removeAt(row); }
void LearningOutcomeTableModel::moveEntryTo(CurriculumFields &f, int from, int to) const { f.learningOutcomes.move(from, to); }

QVariant LearningOutcomeTableModel::value(const CurriculumFields &f, int row, int column) const
{
    const model::LearningOutcome &lo = f.learningOutcomes.at(row);
    switch (column) {
    case CodeColumn: return lo.code;
    case TitleColumn: return lo.title;
    case DescriptionColumn: return lo.description;
    default: return {};
    }
}

void LearningOutcomeTableModel::setValue(CurriculumFields &f, int row, int column, const QVariant &value) const
{
    model::LearningOutcome &lo = f.learningOutcomes[row];
    switch (column) {
    case CodeColumn: lo.code = value.toString(); break;
    case TitleColumn: lo.title = value.toString(); break;
    case DescriptionColumn: lo.description = value.toString(); break;
    default: break;
    }
}

void LearningOutcomeTableModel::insertEntry(CurriculumFields &f, int row, const QString &id) const
{
    QStringList codes;
    for (const auto &lo : f.learningOutcomes)
        codes.append(lo.code);
    const QString first = codeBase(f) + QStringLiteral("-LO-01");
    f.learningOutcomes.insert(row, model::LearningOutcome{id, suggestCode(codes, first), {}, {}});
}

QString LearningOutcomeTableModel::addText() const { return tr("Add Learning Outcome"); }
QString LearningOutcomeTableModel::removeText() const { return tr("Remove Learning Outcome"); }
QString LearningOutcomeTableModel::moveText() const { return tr("Move Learning Outcome"); }
QString LearningOutcomeTableModel::editText(const QString &columnTitle) const
{
    return tr("Edit Learning Outcome %1").arg(columnTitle);
}

// ---- competencies -----------------------------------------------------------------

CompetencyTableModel::CompetencyTableModel(ItemDocument *document, QObject *parent)
    : CurriculumTableModel(document, parent)
{
    setColumns({{QStringLiteral("code"), tr("Code")},
                {QStringLiteral("title"), tr("Title")},
                {QStringLiteral("description"), tr("Description")},
                {QStringLiteral("outcome_codes"), tr("Learning outcomes")}});
    sync();
}

int CompetencyTableModel::entryCount(const CurriculumFields &f) const { return int(f.competencies.size()); }
QString CompetencyTableModel::entryId(const CurriculumFields &f, int row) const { return f.competencies.at(row).id; }
void CompetencyTableModel::removeEntryAt(CurriculumFields &f, int row) const { f.competencies.removeAt(row); }
void CompetencyTableModel::moveEntryTo(CurriculumFields &f, int from, int to) const { f.competencies.move(from, to); }

QVariant CompetencyTableModel::value(const CurriculumFields &f, int row, int column) const
{
    const model::Competency &c = f.competencies.at(row);
    switch (column) {
    case CodeColumn: return c.code;
    case TitleColumn: return c.title;
    case DescriptionColumn: return c.description;
    case OutcomeCodesColumn: return c.outcomeCodes.join(QStringLiteral(", "));
    default: return {};
    }
}

void CompetencyTableModel::setValue(CurriculumFields &f, int row, int column, const QVariant &value) const
{
    model::Competency &c = f.competencies[row];
    switch (column) {
    case CodeColumn: c.code = value.toString(); break;
    case TitleColumn: c.title = value.toString(); break;
    case DescriptionColumn: c.description = value.toString(); break;
    case OutcomeCodesColumn: c.outcomeCodes = parseCodeList(value.toString()); break;
    default: break;
    }
}

void CompetencyTableModel::insertEntry(CurriculumFields &f, int row, const QString &id) const
{
    QStringList codes;
    for (const auto &c : f.competencies)
        codes.append(c.code);
    const QString first = codeBase(f) + QStringLiteral("-CIP-01");
    f.competencies.insert(row, model::Competency{id, suggestCode(codes, first), {}, {}, {}});
}

QString CompetencyTableModel::addText() const { return tr("Add Competency"); }
QString CompetencyTableModel::removeText() const { return tr("Remove Competency"); }
QString CompetencyTableModel::moveText() const { return tr("Move Competency"); }
QString CompetencyTableModel::editText(const QString &columnTitle) const
{
    return tr("Edit Competency %1").arg(columnTitle);
}

// ---- assessments ------------------------------------------------------------------

AssessmentTableModel::AssessmentTableModel(ItemDocument *document, QObject *parent)
    : CurriculumTableModel(document, parent)
{
    setColumns({{QStringLiteral("method"), tr("Method")}, {QStringLiteral("description"), tr("Description")}});
    sync();
}

QString AssessmentTableModel::methodName(AssessmentMethod method)
{
    switch (method) {
    case AssessmentMethod::WorkplaceBased: return tr("Workplace-based assessment");
    case AssessmentMethod::Examination: return tr("Examination");
    case AssessmentMethod::Portfolio: return tr("Portfolio");
    case AssessmentMethod::Arcp: return tr("Annual review of competence progression (ARCP)");
    case AssessmentMethod::Dops: return tr("Direct observation of procedural skills (DOPS)");
    case AssessmentMethod::MiniCex: return tr("Mini clinical evaluation exercise (mini-CEX)");
    case AssessmentMethod::CaseBasedDiscussion: return tr("Case-based discussion (CbD)");
    case AssessmentMethod::MultiSourceFeedback: return tr("Multi-source feedback (MSF)");
    case AssessmentMethod::Osce: return tr("Objective structured clinical examination (OSCE)");
    }
    return {};
}

const QList<AssessmentMethod> &AssessmentTableModel::allMethods()
{
    static const QList<AssessmentMethod> methods{
        AssessmentMethod::WorkplaceBased,      AssessmentMethod::Examination, AssessmentMethod::Portfolio,
        AssessmentMethod::Arcp,                AssessmentMethod::Dops,        AssessmentMethod::MiniCex,
        AssessmentMethod::CaseBasedDiscussion, AssessmentMethod::MultiSourceFeedback, AssessmentMethod::Osce,
    };
    return methods;
}

int AssessmentTableModel::entryCount(const CurriculumFields &f) const { return int(f.assessments.size()); }
QString AssessmentTableModel::entryId(const CurriculumFields &f, int row) const { return f.assessments.at(row).id; }
void AssessmentTableModel::removeEntryAt(CurriculumFields &f, int row) const { f.assessments.removeAt(row); }
void AssessmentTableModel::moveEntryTo(CurriculumFields &f, int from, int to) const { f.assessments.move(from, to); }

QVariant AssessmentTableModel::value(const CurriculumFields &f, int row, int column) const
{
    const model::Assessment &a = f.assessments.at(row);
    switch (column) {
    case MethodColumn: return int(a.method);
    case DescriptionColumn: return a.description;
    default: return {};
    }
}

void AssessmentTableModel::setValue(CurriculumFields &f, int row, int column, const QVariant &value) const
{
    model::Assessment &a = f.assessments[row];
    switch (column) {
    case MethodColumn: {
        const int method = value.toInt();
        if (method >= 0 && method < allMethods().size())
            a.method = AssessmentMethod(method);
        break;
    }
    case DescriptionColumn: a.description = value.toString(); break;
    default: break;
    }
}

void AssessmentTableModel::insertEntry(CurriculumFields &f, int row, const QString &id) const
{
    f.assessments.insert(row, model::Assessment{id, AssessmentMethod::WorkplaceBased, {}});
}

QString AssessmentTableModel::displayText(int column, const QVariant &value) const
{
    if (column == MethodColumn)
        return methodName(AssessmentMethod(value.toInt()));
    return CurriculumTableModel::displayText(column, value);
}

QString AssessmentTableModel::addText() const { return tr("Add Assessment"); }
QString AssessmentTableModel::removeText() const { return tr("Remove Assessment"); }
QString AssessmentTableModel::moveText() const { return tr("Move Assessment"); }
QString AssessmentTableModel::editText(const QString &columnTitle) const
{
    return tr("Edit Assessment %1").arg(columnTitle);
}

// ---- view and delegates --------------------------------------------------------------------

void CurriculumTableView::commitEdit()
{
    if (!isEditing())
        return;
    if (QWidget *editor = indexWidget(currentIndex())) {
        commitData(editor);
        closeEditor(editor, QAbstractItemDelegate::NoHint);
    }
}

QWidget *MultiLineTextDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setAccessibleName(index.model()->headerData(index.column(), Qt::Horizontal).toString());
    edit->setToolTip(tr("Enter to finish, Shift+Enter for a new line, Escape to cancel"));
    return edit;
}

void MultiLineTextDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<QPlainTextEdit *>(editor);
    edit->setPlainText(index.data(Qt::EditRole).toString());
    edit->selectAll();
}

void MultiLineTextDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QPlainTextEdit *>(editor)->toPlainText(), Qt::EditRole);
}

bool MultiLineTextDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *edit = qobject_cast<QPlainTextEdit *>(object);
    if (edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier) {
                edit->insertPlainText(QStringLiteral("\n"));
            } else {
                Q_EMIT commitData(edit);
                Q_EMIT closeEditor(edit, QAbstractItemDelegate::NoHint);
            }
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

QWidget *AssessmentMethodDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(tr("Assessment method"));
    for (AssessmentMethod method : AssessmentTableModel::allMethods())
        combo->addItem(AssessmentTableModel::methodName(method), int(method));
    // A choice takes effect at once (one undo step however often it changes); the
    // editor stays open until focus leaves it.
    connect(combo, &QComboBox::activated, this, &AssessmentMethodDelegate::commitChoice);
    return combo;
}

void AssessmentMethodDelegate::commitChoice()
{
    if (auto *combo = qobject_cast<QComboBox *>(sender()))
        Q_EMIT commitData(combo);
}

void AssessmentMethodDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
}

void AssessmentMethodDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const QVariant method = static_cast<QComboBox *>(editor)->currentData();
    if (method.isValid())
        model->setData(index, method, Qt::EditRole);
}

OutcomeCodesDelegate::OutcomeCodesDelegate(ItemDocument *document, QObject *parent)
    : QStyledItemDelegate(parent), m_document(document)
{
}

QWidget *OutcomeCodesDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        QStringList codes;
        for (const auto &lo : m_document->item().as<CurriculumFields>().learningOutcomes)
            if (!lo.code.isEmpty())
                codes.append(lo.code);
        line->setCompleter(new CodeListCompleter(codes, line));
        line->setAccessibleName(tr("Learning outcome codes, separated by commas"));
        line->setPlaceholderText(tr("codes, separated by commas"));
    }
    return editor;
}

} // namespace carta::app
