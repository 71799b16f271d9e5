// Where generated content goes: memory (tests) or the server's content tree on disk.
#include "demo/generator.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace carta::demo {

using namespace Qt::StringLiterals;

void MemorySink::item(const carta::model::Item &generated, const QByteArray &canonicalBytes)
{
    items.append(GeneratedItem{generated, canonicalBytes});
}

void MemorySink::attachment(const QString &sha256, const QByteArray &bytes)
{
    attachments.append(GeneratedAttachment{sha256, bytes});
}

DirectorySink::DirectorySink(const QString &root) : m_root(root) {}

bool DirectorySink::open()
{
    const QString path = m_root.absolutePath();
    const QFileInfo info(path);
    if (info.exists() && !info.isDir()) {
        m_error = u"%1 exists and is not a directory"_s.arg(path);
        return false;
    }
    if (!QDir().mkpath(path)) {
        m_error = u"cannot create the directory %1"_s.arg(path);
        return false;
    }
    // Writability is proven by writing: permission bits say nothing for root or on
    // read-only mounts.
    QSaveFile probe(m_root.filePath(u".carta-demo-write-test"_s));
    if (!probe.open(QIODevice::WriteOnly) || probe.write("ok\n") != 3 || !probe.commit()) {
        m_error = u"cannot write to %1: %2"_s.arg(path, probe.errorString());
        return false;
    }
    if (!QFile::remove(m_root.filePath(u".carta-demo-write-test"_s))) {
        m_error = u"cannot remove the test file in %1"_s.arg(path);
        return false;
    }
    return true;
}

void DirectorySink::item(const carta::model::Item &generated, const QByteArray &canonicalBytes)
{
    write(generated.storagePath(), canonicalBytes);
}

void DirectorySink::attachment(const QString &sha256, const QByteArray &bytes)
{
    write(u"attachments/"_s + sha256.left(2) + u'/' + sha256, bytes);
}

void DirectorySink::write(const QString &relativePath, const QByteArray &bytes)
{
    if (!m_error.isEmpty())
        return;
    const QString dir = relativePath.section(u'/', 0, -2);
    if (!m_createdDirs.contains(dir)) {
        if (!m_root.mkpath(dir)) {
            m_error = u"cannot create the directory %1"_s.arg(m_root.filePath(dir));
            return;
        }
        m_createdDirs.insert(dir);
    }
    // Plain writes with every error checked: a demo tree does not need an fsync per file,
    // and a failed run is simply generated again.
    const QString path = m_root.filePath(relativePath);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = u"cannot open %1 for writing: %2"_s.arg(path, file.errorString());
        return;
    }
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        m_error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return;
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        m_error = u"cannot close %1: %2"_s.arg(path, file.errorString());
}

} // namespace carta::demo
