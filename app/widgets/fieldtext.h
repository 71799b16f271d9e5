// What every editor's fields share: the look of a problem message, and showing text the
// document changed (undo, redo, a merge) with the cursor at the end of the change.
#pragma once

#include <QString>

class QLineEdit;
class QPlainTextEdit;

namespace carta::app {

// A dark red that reads on light and grey backgrounds; the message says what is wrong, so
// colour is never the only signal.
[[nodiscard]] const QString &problemStyle();

// Where the cursor goes when the document changes a field's text: the end of the changed
// stretch, as in a text editor.
[[nodiscard]] int cursorAfterChange(const QString &before, const QString &after);

// Sets the field to the document's text, if it differs, keeping the cursor sensible.
void showDocumentText(QLineEdit *edit, const QString &text);
void showDocumentText(QPlainTextEdit *edit, const QString &text);

} // namespace carta::app
