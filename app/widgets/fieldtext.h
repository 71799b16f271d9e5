// What every editor's fields share: the look of a problem message, and showing text the
// document changed (undo, redo, a merge) with the cursor at the end of the change.
#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

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

// ---- times: instants, shown and entered as Europe/London wall-clock times ----
[[nodiscard]] const QTimeZone &londonZone();
// Qt 6.4's QDateTimeEdit knows time specs, not time zones, and the computer's own zone may
// not be London's. So the edits hold London's wall-clock time under the UTC spec (which
// has no gaps or repeats of its own), converted to and from instants by these two.
[[nodiscard]] QDateTime londonWallClock(const QDateTime &instant);
// A wall-clock minute in London as an instant; in the hour skipped when the clocks go
// forward, the hour after.
[[nodiscard]] QDateTime londonInstant(const QDateTime &wallClock);
// "3 Dec 2026, 14:05 GMT" / "1 Jun 2026, 09:00 BST": an instant as people in the UK read it.
[[nodiscard]] QString londonText(const QDateTime &instant);

} // namespace carta::app
