// A clock read from a file, for tests.
#include "clock.h"

#include <QFile>
#include <QRegularExpression>

#include <memory>
#include <mutex>

namespace carta::syncserver {

std::function<QDateTime()> fileClock(const QString &path)
{
    struct State
    {
        std::mutex mutex;
        QDateTime last;
        QString problem; // the last one warned about
    };
    auto state = std::make_shared<State>();
    return [path, state] {
        static const QRegularExpression instant(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})\\z"));
        QFile file(path);
        QString text;
        QString problem;
        if (!file.open(QIODevice::ReadOnly))
            problem = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        else
            text = QString::fromUtf8(file.read(200)).trimmed();
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (problem.isEmpty() && (!instant.match(text).hasMatch() || !t.isValid()))
            problem = QStringLiteral("%1 holds \"%2\", not an instant like 2027-03-29T08:00:00Z").arg(path, text.left(60));
        std::lock_guard lock(state->mutex);
        if (problem.isEmpty()) {
            state->last = t.toUTC();
            state->problem.clear();
            return state->last;
        }
        if (problem != state->problem) {
            state->problem = problem;
            qWarning("carta-syncd: warning: CARTA_SYNCD_CLOCK_FILE: %s; keeping the last time read", qPrintable(problem));
        }
        return state->last.isValid() ? state->last : QDateTime::currentDateTimeUtc();
    };
}

} // namespace carta::syncserver
