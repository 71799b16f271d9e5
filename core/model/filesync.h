// Durability on POSIX file systems: what a write or a rename did is on disk only once the
// file, and for a new name the folder that holds it, has been fsync(2)ed.
#pragma once

#include <QString>

namespace carta {

// fsync(2)s a file or a folder by path; false (errno set) when it cannot be opened or synced.
// Some callers only try (a folder sync after the data itself is safe) and ignore the result.
bool syncPath(const QString &path);

} // namespace carta
