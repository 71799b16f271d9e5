// Deterministic demo content: the national taxonomy, portals, pages, policies, pathways,
// curricula, resources with PDF files, news, funding guides and bulletins, from a seed.
#pragma once

#include "model/item.h"

#include <QByteArray>
#include <QDir>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <array>

namespace carta::demo {

struct DemoOptions
{
    quint64 seed = 1;
    int scale = 1; // multiplies the scaled types (policies, pathways, curricula, resources, news, funding guides, bulletins)
};

struct TypeStats
{
    qint64 items = 0;
    qint64 bytes = 0; // canonical bytes of the items
};

struct DemoStats
{
    std::array<TypeStats, 10> perType{}; // indexed by carta::model::ItemType
    qint64 items = 0;
    qint64 itemBytes = 0;
    qint64 attachments = 0;
    qint64 attachmentBytes = 0;
    QString error; // set when the sink failed; generation stopped there

    [[nodiscard]] const TypeStats &of(carta::model::ItemType type) const
    {
        return perType[static_cast<size_t>(type)];
    }
    [[nodiscard]] qint64 bytes() const { return itemBytes + attachmentBytes; }
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// Receives the generated content in a deterministic order. An item's attachments are
// delivered before the item that refers to them.
class DemoSink
{
public:
    virtual ~DemoSink() = default;
    virtual void item(const carta::model::Item &item, const QByteArray &canonicalBytes) = 0;
    virtual void attachment(const QString &sha256, const QByteArray &bytes) = 0;
    // A non-empty error stops generation after the current item.
    [[nodiscard]] virtual QString errorString() const { return {}; }
};

// Keeps everything in memory, in order: for tests and small tools.
class MemorySink : public DemoSink
{
public:
    struct GeneratedItem
    {
        carta::model::Item item;
        QByteArray bytes;
    };
    struct GeneratedAttachment
    {
        QString sha256;
        QByteArray bytes;
    };

    void item(const carta::model::Item &item, const QByteArray &canonicalBytes) override;
    void attachment(const QString &sha256, const QByteArray &bytes) override;

    QList<GeneratedItem> items;
    QList<GeneratedAttachment> attachments;
};

// Writes the storage layout of the server's content tree:
//   <root>/content/<type>/<xx>/<id>.json and <root>/attachments/<xx>/<sha256>.
// Stops at the first write error, which errorString() names with the path.
class DirectorySink : public DemoSink
{
public:
    explicit DirectorySink(const QString &root);

    // Creates the root if needed and checks that it is a writable directory.
    [[nodiscard]] bool open();

    void item(const carta::model::Item &item, const QByteArray &canonicalBytes) override;
    void attachment(const QString &sha256, const QByteArray &bytes) override;
    [[nodiscard]] QString errorString() const override { return m_error; }

private:
    void write(const QString &relativePath, const QByteArray &bytes);

    QDir m_root;
    QSet<QString> m_createdDirs;
    QString m_error;
};

// Generates all content for the options and hands it to the sink. Same options, same bytes.
[[nodiscard]] DemoStats generate(const DemoOptions &options, DemoSink &sink);

} // namespace carta::demo
