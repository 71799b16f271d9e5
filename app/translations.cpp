#include "translations.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTranslator>

namespace carta::app {

void installTranslations(const QLocale &locale)
{
    // English is the source language, but its plural forms ("1 item", "2 items") come from
    // a translation like any other language's.
    static QTranslator english;
    static QTranslator chosen;
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    const QString folder = QStringLiteral(":/i18n");
    if (english.load(QStringLiteral("carta_app_en_GB"), folder))
        QCoreApplication::installTranslator(&english);
    if (chosen.load(locale, QStringLiteral("carta_app"), QStringLiteral("_"), folder) && chosen.filePath() != english.filePath())
        QCoreApplication::installTranslator(&chosen);
}

QLocale preferredLocale()
{
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    return chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
}

} // namespace carta::app
