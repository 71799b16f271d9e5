// The server's clock for tests: an instant read from a file at every use, so a test moves
// time by rewriting the file (CARTA_SYNCD_CLOCK_FILE; never for production).
#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

namespace carta::syncserver {

// A clock that reads an ISO 8601 instant with an offset or Z ("2027-03-29T08:00:00Z") from
// path each time it is called. While the file is missing or holds something else, it gives
// the last instant it read (the system's time before the first), with one warning per problem.
[[nodiscard]] std::function<QDateTime()> fileClock(const QString &path);

} // namespace carta::syncserver
