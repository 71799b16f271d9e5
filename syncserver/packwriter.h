// Writes a git pack file and its version-2 index from whole objects, without deltas: the
// shape of a commit's few new objects, written in one go (libgit2's pack builder searches
// for deltas on several threads and is made for large packs). The files are fsynced, then
// renamed into objects/pack (the pack before its index, as git expects), then the folder
// is fsynced. Format: gitformat-pack(5).
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <vector>

namespace carta::syncserver {

struct PackObject
{
    std::array<unsigned char, 20> id; // SHA-1 object id
    int type = 0;                     // 1 commit, 2 tree, 3 blob, 4 tag
    QByteArray data;                  // the object's content, uncompressed
};

// Writes objects (distinct ids) as pack-<checksum>.pack/.idx in packDir; returns the name
// without extension ("pack-<checksum>").
[[nodiscard]] model::Result<QString> writePackFiles(const QString &packDir, const std::vector<PackObject> &objects);

// The object ids listed by a version-2 pack index, or an issue when the file is not one.
[[nodiscard]] model::Result<std::vector<std::array<unsigned char, 20>>> readPackIndexIds(const QString &idxPath);

} // namespace carta::syncserver
