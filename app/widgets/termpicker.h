// Picks taxonomy terms of one vocabulary: the chosen terms as chips (each with a remove
// button reachable by keyboard) and a line edit that completes term titles as you type
// (any part of the title, any case). Only known terms are added; other text stays in the
// field with a message saying so. Backspace in the empty field removes the last chip.
#pragma once

#include "model/item.h"

#include <QHash>
#include <QLineEdit>
#include <QList>
#include <QWidget>

class QCompleter;
class QLabel;
class QStringListModel;

namespace carta::app {

class ItemCatalogue;
class TermChipFlowLayout;

// The field of a TermPicker: Enter adds what was typed, Backspace in an empty field removes
// the last chip. (A subclass, because the completer hands its keys to the field's event()
// directly, past any event filter.)
class TermPickerLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    using QLineEdit::QLineEdit;

Q_SIGNALS:
    void enterPressed();
    void backspaceOnEmpty();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

class TermPicker : public QWidget
{
    Q_OBJECT

public:
    TermPicker(model::Vocabulary vocabulary, const ItemCatalogue &catalogue, QWidget *parent = nullptr);

    [[nodiscard]] model::Vocabulary vocabulary() const { return m_vocabulary; }
    [[nodiscard]] const QStringList &terms() const { return m_terms; }
    // Shows these term slugs (the document's); emits nothing.
    void setTerms(const QStringList &slugs);
    // What no terms means, shown in place of the chips ("National (all regions)").
    void setEmptyText(const QString &text);
    // Re-reads the catalogue's terms (after a sync).
    void reloadTerms();

    [[nodiscard]] QLineEdit *lineEdit() const { return m_input; }
    [[nodiscard]] QCompleter *completer() const { return m_completer; }
    // "No term called …" after text that names no term; empty otherwise.
    [[nodiscard]] QString message() const;
    // Problems found by validation (shown beside the picker by its form): read out with the
    // field's description.
    void setIssues(const QStringList &lines);

    // Adds the term whose title or slug is `text` (any case); false, with the message
    // shown, when there is none.
    bool addTerm(const QString &text);
    void removeTerm(const QString &slug);

Q_SIGNALS:
    // The person added or removed a term: the whole new list.
    void termsEdited(const QStringList &terms);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] QString titleOf(const QString &slug) const;
    [[nodiscard]] QString slugFor(const QString &text) const;
    void rebuildChips();
    void updateCompletions();
    void updateDescription();
    void setMessage(const QString &text);
    void edited(const QStringList &terms, const QString &focusAfter);

    model::Vocabulary m_vocabulary;
    const ItemCatalogue &m_catalogue;
    QStringList m_terms;
    QString m_emptyText;
    QHash<QString, QString> m_slugByCompletion; // completion text -> slug
    TermChipFlowLayout *m_flow = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QList<QWidget *> m_chips;
    TermPickerLineEdit *m_input = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_completions = nullptr;
    QLabel *m_message = nullptr;
    QStringList m_issueLines;
};

} // namespace carta::app
