#include "widgets/fieldtext.h"

#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextCursor>

namespace carta::app {

const QString &problemStyle()
{
    static const QString style = QStringLiteral("color: #b3261e;");
    return style;
}

int cursorAfterChange(const QString &before, const QString &after)
{
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    return int(after.size() - suffix);
}

void showDocumentText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    const int cursor = cursorAfterChange(edit->text(), text);
    edit->setText(text);
    edit->setCursorPosition(cursor);
}

void showDocumentText(QPlainTextEdit *edit, const QString &text)
{
    const QString before = edit->toPlainText();
    if (before == text)
        return;
    edit->setPlainText(text);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(cursorAfterChange(before, text));
    edit->setTextCursor(cursor);
}

const QTimeZone &londonZone()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/London"));
    return zone;
}

QDateTime londonWallClock(const QDateTime &instant)
{
    const QDateTime inLondon = instant.toTimeZone(londonZone());
    return QDateTime(inLondon.date(), inLondon.time(), Qt::UTC);
}

QDateTime londonInstant(const QDateTime &wallClock)
{
    const QTime minute(wallClock.time().hour(), wallClock.time().minute());
    QDateTime instant(wallClock.date(), minute, londonZone());
    if (!instant.isValid())
        instant = QDateTime(wallClock.date(), minute.addSecs(3600), londonZone());
    return instant;
}

QString londonText(const QDateTime &instant)
{
    if (!instant.isValid())
        return QString();
    const QDateTime inLondon = instant.toTimeZone(londonZone());
    return QLocale().toString(inLondon, QStringLiteral("d MMM yyyy, HH:mm")) + QLatin1Char(' ') + londonZone().abbreviation(instant);
}

} // namespace carta::app
