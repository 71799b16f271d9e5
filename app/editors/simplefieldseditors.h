// Form editors for the fields of the simple item types (page, resource, news, funding guide,
// policy, portal, bulletin, term), and the form pieces the curriculum editor shares: a date
// field with an explicit "not set" state, and FieldForm, which binds a field widget to the
// document (one editItem per change, typing merged) and shows validation issues under it.
#pragma once

#include "editors/typefieldseditor.h"

#include <QCoreApplication>
#include <QDate>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStandardItemModel;

namespace carta::app {

// A date that may be unset: a date edit with a calendar popup and a check box saying it is
// not set ("No end date"); while checked the date edit is disabled and reads "Not set".
class DateField : public QWidget
{
    Q_OBJECT

public:
    // objectName "x" names the parts "xEdit" and "xNoneCheck".
    DateField(const QString &objectName, const QString &noneText, QWidget *parent = nullptr);

    [[nodiscard]] std::optional<QDate> date() const;
    // Shows the document's value; emits nothing.
    void setDate(const std::optional<QDate> &date);
    [[nodiscard]] QDateEdit *dateEdit() const { return m_edit; }
    [[nodiscard]] QCheckBox *noneCheck() const { return m_none; }

Q_SIGNALS:
    // The person changed the date (typing: consecutive changes are one edit) or the check box.
    void edited(std::optional<QDate> date, bool typing);

private:
    void display(const std::optional<QDate> &date);

    QDateEdit *m_edit;
    QCheckBox *m_none;
    QDate m_lastDate; // offered again when "not set" is unchecked
    bool m_setting = false;
};

// Rows of a form, each a field widget bound to a part of the document's item and a problem
// label under it for the issues at one path ("portal.url"). Changes are edits of the
// document; refresh() shows the item again without issuing any.
class FieldForm
{
    Q_DECLARE_TR_FUNCTIONS(FieldForm)

public:
    using Choices = QList<std::pair<QString, QVariant>>; // shown text, value

    FieldForm(TypeFieldsEditor *editor, QFormLayout *layout);

    // The building block: a label ("&Publisher:"; its text without & and : names the field),
    // the field, a problem label for `path`, and how to show the item in the field.
    // `extraIssues` adds problems carta_model cannot see (a parent term not in the catalogue).
    void addRow(const QString &path, const QString &label, QWidget *field, std::function<void()> load,
                std::function<QStringList()> extraIssues = {});

    QLineEdit *addLine(const QString &path, const QString &label, const QString &objectName,
                       std::function<QString(const model::Item &)> get,
                       std::function<void(model::Item &, const QString &)> set);
    QPlainTextEdit *addText(const QString &path, const QString &label, const QString &objectName,
                            std::function<QString(const model::Item &)> get,
                            std::function<void(model::Item &, const QString &)> set);
    DateField *addDate(const QString &path, const QString &label, const QString &objectName, const QString &noneText,
                       std::function<std::optional<QDate>(const model::Item &)> get,
                       std::function<void(model::Item &, const std::optional<QDate> &)> set);
    QComboBox *addChoice(const QString &path, const QString &label, const QString &objectName, const Choices &choices,
                         std::function<QVariant(const model::Item &)> get,
                         std::function<void(model::Item &, const QVariant &)> set);
    QSpinBox *addNumber(const QString &path, const QString &label, const QString &objectName, int minimum, int maximum,
                        std::function<int(const model::Item &)> get, std::function<void(model::Item &, int)> set);

    // One undo command named after the field; with merge, consecutive changes of the field
    // (typing, stepping a date) are one. Nothing while the form is being refreshed.
    void edit(const QString &path, const QString &name, const std::function<void(model::Item &)> &mutate, bool merge);

    void refresh();
    void showIssues();
    // Focuses the field for `path` or a path below it; false when no row has it.
    bool focusPath(const QString &path);
    [[nodiscard]] bool updating() const { return m_updating; }

private:
    struct Row
    {
        QString path;
        QString name;
        QWidget *field = nullptr;
        QLabel *issues = nullptr;
        std::function<void()> load;
        std::function<QStringList()> extraIssues;
    };
    void showIssues(const Row &row);

    TypeFieldsEditor *m_editor;
    QFormLayout *m_layout;
    QList<Row> m_rows;
    bool m_updating = false;
};

// The form for page, resource, news, funding guide, policy, portal, bulletin and term.
class SimpleFieldsEditor : public TypeFieldsEditor
{
    Q_OBJECT

public:
    SimpleFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue, QWidget *parent = nullptr);

    void refresh() override;
    void showIssues() override;
    bool focusPath(const QString &path) override;

    [[nodiscard]] static QString pageKindName(model::PageKind kind);
    [[nodiscard]] static QString newsKindName(model::NewsKind kind);

private:
    void addTermRows();
    void loadParentTerms(model::Vocabulary vocabulary);

    std::unique_ptr<FieldForm> m_form;
    QComboBox *m_parentCombo = nullptr;
    std::optional<model::Vocabulary> m_parentVocabulary; // whose terms m_parentCombo lists
};

// The editor for the document's type when it is a simple one; nullptr for curriculum and pathway.
[[nodiscard]] TypeFieldsEditor *createSimpleFieldsEditor(ItemDocument *document, const ItemCatalogue &catalogue,
                                                         QWidget *parent = nullptr);

// Ctrl+Z and Ctrl+Shift+Z in a text field reach the document's undo stack (the window's
// actions), not the field's own undo.
void routeUndoKeysToDocument(QWidget *field);

// Validation paths name a type's fields by its wire name ("portal.url"); callers may say
// "fields.url". Returns the path in validation's form.
[[nodiscard]] QString fieldIssuePath(model::ItemType type, const QString &path);

} // namespace carta::app
