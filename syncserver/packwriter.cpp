#include "packwriter.h"

#include "model/filesync.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <numeric>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace carta::syncserver {

using model::Issue;
using model::Result;

namespace {

void putBe32(QByteArray &out, quint32 v)
{
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(bytes, 4);
}

quint32 be32(const unsigned char *p) { return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]); }

// Writes bytes to a new file in dir, fsyncs it and returns its path, or an empty string.
QString writeSynced(const QString &dir, const QByteArray &bytes)
{
    QByteArray pattern = QFile::encodeName(dir + QStringLiteral("/tmp_carta_XXXXXX"));
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0)
        return {};
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    const bool ok = done == bytes.size() && ::fchmod(fd, 0444) == 0 && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(pattern.constData());
        return {};
    }
    return QFile::decodeName(pattern);
}

} // namespace

Result<QString> writePackFiles(const QString &packDir, const std::vector<PackObject> &objects)
{
    if (objects.empty())
        return Issue{packDir, QStringLiteral("no objects to pack")};
    QByteArray pack("PACK", 4);
    putBe32(pack, 2);
    putBe32(pack, quint32(objects.size()));
    std::vector<quint64> offsets(objects.size());
    std::vector<quint32> crcs(objects.size());
    QByteArray compressed;
    for (size_t i = 0; i < objects.size(); ++i) {
        const PackObject &o = objects[i];
        offsets[i] = quint64(pack.size());
        // Header: type and size, 4 bits of size in the first byte, 7 in each one after.
        quint64 size = quint64(o.data.size());
        unsigned char header[16];
        int n = 0;
        header[n] = static_cast<unsigned char>((o.type << 4) | (size & 0x0f));
        size >>= 4;
        while (size) {
            header[n++] |= 0x80;
            header[n] = static_cast<unsigned char>(size & 0x7f);
            size >>= 7;
        }
        ++n;
        uLongf length = compressBound(uLong(o.data.size()));
        compressed.resize(qsizetype(length));
        if (compress2(reinterpret_cast<Bytef *>(compressed.data()), &length, reinterpret_cast<const Bytef *>(o.data.constData()),
                      uLong(o.data.size()), Z_BEST_SPEED) != Z_OK)
            return Issue{packDir, QStringLiteral("cannot compress an object")};
        uLong crc = crc32(0L, header, uInt(n));
        crc = crc32(crc, reinterpret_cast<const Bytef *>(compressed.constData()), uInt(length));
        crcs[i] = quint32(crc);
        pack.append(reinterpret_cast<const char *>(header), n);
        pack.append(compressed.constData(), qsizetype(length));
    }
    const QByteArray packSum = QCryptographicHash::hash(pack, QCryptographicHash::Sha1);
    pack.append(packSum);

    // The index: objects in id order.
    std::vector<size_t> order(objects.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return objects[a].id < objects[b].id; });
    for (size_t i = 1; i < order.size(); ++i)
        if (objects[order[i]].id == objects[order[i - 1]].id)
            return Issue{packDir, QStringLiteral("the same object twice in one pack")};
    QByteArray idx("\377tOc", 4);
    putBe32(idx, 2);
    size_t at = 0;
    for (int b = 0; b < 256; ++b) {
        while (at < order.size() && objects[order[at]].id[0] <= b)
            ++at;
        putBe32(idx, quint32(at));
    }
    for (size_t i : order)
        idx.append(reinterpret_cast<const char *>(objects[i].id.data()), 20);
    for (size_t i : order)
        putBe32(idx, crcs[i]);
    std::vector<quint64> large;
    for (size_t i : order) {
        if (offsets[i] < 0x80000000u) {
            putBe32(idx, quint32(offsets[i]));
        } else {
            putBe32(idx, 0x80000000u | quint32(large.size()));
            large.push_back(offsets[i]);
        }
    }
    for (quint64 offset : large) {
        putBe32(idx, quint32(offset >> 32));
        putBe32(idx, quint32(offset));
    }
    idx.append(packSum);
    idx.append(QCryptographicHash::hash(idx, QCryptographicHash::Sha1));

    const QString name = QStringLiteral("pack-") + QString::fromLatin1(packSum.toHex());
    const QString packTmp = writeSynced(packDir, pack);
    const QString idxTmp = packTmp.isEmpty() ? QString() : writeSynced(packDir, idx);
    if (idxTmp.isEmpty()) {
        if (!packTmp.isEmpty())
            QFile::remove(packTmp);
        return Issue{packDir, QStringLiteral("cannot write a pack file")};
    }
    // The pack first: git uses a pack once its index is there.
    const QByteArray packPath = QFile::encodeName(packDir + QLatin1Char('/') + name + QStringLiteral(".pack"));
    const QByteArray idxPath = QFile::encodeName(packDir + QLatin1Char('/') + name + QStringLiteral(".idx"));
    if (::rename(QFile::encodeName(packTmp).constData(), packPath.constData()) != 0
        || ::rename(QFile::encodeName(idxTmp).constData(), idxPath.constData()) != 0 || !syncPath(packDir)) {
        QFile::remove(packTmp);
        QFile::remove(idxTmp);
        return Issue{packDir, QStringLiteral("cannot put the pack %1 in place").arg(name)};
    }
    return name;
}

Result<std::vector<std::array<unsigned char, 20>>> readPackIndexIds(const QString &idxPath)
{
    QFile f(idxPath);
    if (!f.open(QIODevice::ReadOnly))
        return Issue{idxPath, QStringLiteral("cannot read the pack index")};
    const QByteArray bytes = f.readAll();
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    if (bytes.size() < 8 + 256 * 4 || std::memcmp(p, "\377tOc", 4) != 0 || be32(p + 4) != 2)
        return Issue{idxPath, QStringLiteral("not a version 2 pack index")};
    const quint32 count = be32(p + 8 + 255 * 4);
    if (quint64(bytes.size()) < 8 + 256 * 4 + quint64(count) * 20)
        return Issue{idxPath, QStringLiteral("the pack index is cut short")};
    std::vector<std::array<unsigned char, 20>> ids(count);
    for (quint32 i = 0; i < count; ++i)
        std::memcpy(ids[i].data(), p + 8 + 256 * 4 + size_t(i) * 20, 20);
    return ids;
}

} // namespace carta::syncserver
