// Test support for the app: settings and data folders kept apart from the person's own,
// replicas in temporary folders filled with a few items, and item builders.
#pragma once

#include "account/workspace.h"
#include "translations.h"

#include "model/item.h"
#include "replica/replica.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace carta::testing {

inline QString S(const char *text)
{
    return QString::fromUtf8(text);
}

// Call first in initTestCase(): QSettings and QStandardPaths then use ~/.qttest, under an
// organisation of this test's own, emptied.
inline void isolateSettings(const char *testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(S("CartaTest-") + S(testName));
    QCoreApplication::setApplicationName(S("carta"));
    QSettings().clear();
    // British English, with its plural forms ("1 item", "2 items"), whatever the machine's locale.
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    QLocale::setDefault(english);
    app::installTranslations(english);
}

inline model::Paragraph textParagraph(const QString &id, const QString &markdown)
{
    model::Paragraph p;
    p.id = id;
    p.kind = model::ParagraphKind::Text;
    p.markdown = markdown;
    return p;
}

// A page that passes validation (without context).
inline model::Item page(const QString &title, const QString &slug, const QString &summary = QString(),
                        const QStringList &regions = {})
{
    model::Item item = model::Item::create(model::ItemType::Page);
    item.title = title;
    item.slug = slug;
    item.summary = summary.isEmpty() ? title + S(": summary.") : summary;
    item.tags.regions = regions;
    item.paragraphs = {textParagraph(S("p1"), S("First paragraph of ") + title + S("."))};
    return item;
}

inline model::Item ofType(model::ItemType type, const QString &title, const QString &slug)
{
    model::Item item = model::Item::create(type);
    item.title = title;
    item.slug = slug;
    return item;
}

// Puts items into a replica as if pulled from a server (synced, not dirty).
inline void pull(replica::Replica &replica, const QList<model::Item> &items)
{
    QList<replica::ServerChange> changes;
    auto cursor = replica.cursor();
    qint64 seq = cursor ? cursor.value() : 0;
    for (const model::Item &item : items) {
        replica::ServerChange change;
        change.seq = ++seq;
        change.id = item.id;
        change.bytes = model::serialize(item);
        change.revision = model::revisionId(change.bytes);
        changes.append(change);
    }
    auto applied = replica.applyPulled(changes, seq);
    QVERIFY2(applied.ok(), qPrintable(applied.errorString()));
}

inline void save(replica::Replica &replica, const model::Item &item)
{
    auto saved = replica.saveItem(item);
    QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
}

// The item as stored in a replica file, read through a connection of its own (as after a
// restart): what autosave really wrote.
inline std::optional<model::Item> storedItem(const QString &replicaPath, const QUuid &id)
{
    auto opened = replica::Replica::open(replicaPath);
    if (!opened)
        return std::nullopt;
    auto local = opened.value()->item(id);
    if (!local || !local.value())
        return std::nullopt;
    auto item = local.value()->item();
    return item ? std::optional<model::Item>(item.value()) : std::nullopt;
}

// A replica file in a temporary folder.
struct TempReplica
{
    QTemporaryDir dir;
    QString path = dir.filePath(S("replica.sqlite"));

    std::unique_ptr<app::Workspace> openWorkspace() const
    {
        auto workspace = app::Workspace::open(path);
        if (!workspace)
            qFatal("%s", qPrintable(workspace.errorString()));
        return std::move(workspace).value();
    }
    std::unique_ptr<replica::Replica> openReplica() const
    {
        auto opened = replica::Replica::open(path);
        if (!opened)
            qFatal("%s", qPrintable(opened.errorString()));
        return std::move(opened).value();
    }
};

} // namespace carta::testing
