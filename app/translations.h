// The app's translations (.ts under app/translations, built into the library by CMake):
// English plural forms always, then the language of the system or of the `language`
// setting on top of them.
#pragma once

#include <QLocale>

namespace carta::app {

// Installs the translators for a locale; call once, after QApplication exists.
void installTranslations(const QLocale &locale);

// The locale the person chose in the settings ("language", such as "cy"), or the system's.
[[nodiscard]] QLocale preferredLocale();

} // namespace carta::app
