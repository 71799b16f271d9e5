// Backup and restore of a data folder. A backup is taken while the server serves: the
// bookkeeping database first (SQLite's online backup, one consistent snapshot), then the
// branches as they are after it (git is always written before the database, so they hold
// at least what the snapshot names), then every pack the repository has, copied until the
// copy holds every object both branches reach, then the attachments. A restore copies a
// backup into a new, empty data folder; the server's start brings the database level with
// the branches (as after a crash between the two). The site is derived data and is not
// kept: the restored server builds it again.
#pragma once

#include "model/result.h"

#include <QString>

namespace carta::syncserver {

using model::Done;
using model::Issue;
using model::Result;

struct BackupSummary
{
    QString content;       // the branches' commits the backup holds
    QString live;
    qint64 packs = 0;      // pack files copied (with their indexes)
    qint64 objects = 0;    // objects both branches reach, each checked present
    qint64 attachments = 0;
    qint64 bytes = 0;      // bytes copied in all
    int passes = 0;        // passes over the packs until the copy held every object
};

// The name of the file that marks a folder as a whole backup (written last).
inline constexpr char kBackupManifest[] = "carta-backup";

// Copies the data folder `dataDir` into `destination`, which must not exist yet; it is
// written as `<destination>.partial` and renamed when whole. Safe while `serve` runs.
[[nodiscard]] Result<BackupSummary> backupDataFolder(const QString &dataDir, const QString &destination);

// Copies the backup `backupDir` into `dataDir`, which must not exist or be empty. The
// caller then opens the folder with the server (which brings the database level) and
// checks it.
[[nodiscard]] Result<BackupSummary> restoreDataFolder(const QString &backupDir, const QString &dataDir);

} // namespace carta::syncserver
