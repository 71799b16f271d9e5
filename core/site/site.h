// The public site: every page, listing, feed, sitemap and search shard rendered from the
// items on `live`, and kept up to date incrementally. The builder remembers, for every
// file it wrote, what the file was made from (items it showed, sets it listed), so a
// change to live re-renders only the files it touches: a policy edit re-renders the
// policy and every page that transcludes it, an item's new title its listings too.
//
// The builder writes nothing to disk: it returns the files that changed (SiteDelta), and a
// ReleaseStore (release.h) turns them into a release. Output is deterministic: applying
// changes one after another gives the same files as building from scratch.
#pragma once

#include "render.h"

#include "model/item.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace carta::site {

struct SiteOptions
{
    // The path the site is served under, without a trailing slash: "" at the root of a host,
    // "/site" when carta-syncd serves it. Every link in the site starts with it.
    QString basePath;
    // The absolute address of the site root, without a trailing slash
    // ("https://learning.example"), for canonical links, OpenGraph, sitemaps and feeds.
    QString absoluteUrl;
    // Threads rendering at once (0: one per core, at most 4). The output is the same
    // whatever the number.
    int threads = 0;
};

// One item's change on live.
struct LiveChange
{
    QUuid id;
    bool present = true;              // false: the item is no longer on live
    std::optional<model::Item> item;  // its live revision; nullopt with present: ask the loader
};

// A file of the site, relative to the release root ("curricula/cardiology/index.html").
struct SiteFile
{
    QString path;
    QByteArray bytes;   // the content, unless attachment is set
    QString attachment; // sha256 of an attachment whose bytes the file is
};

struct SiteDelta
{
    QStringList writtenPaths; // files that are new or changed
    QList<SiteFile> written;  // their contents, when apply() was given no sink
    QStringList removed;      // files of the previous site that are gone
    qsizetype producersRun = 0;
    qsizetype pagesRendered = 0; // HTML pages rendered (written or found unchanged)
    bool full = false;           // everything was rendered
    QStringList errors;          // items that could not be read, left out of the site
    QString sinkError;           // the sink refused a file: the delta is incomplete
};

// Takes each new or changed file as it is rendered (to write it straight into a release);
// returns an error message, or empty.
using FileSink = std::function<QString(const SiteFile &file)>;

// A live item as listings, feeds and the search index see it: everything but its body.
struct Card
{
    QUuid id;
    model::ItemType type = model::ItemType::Page;
    QString title;
    QString slug;
    QString summary;
    model::TaxonomyTags tags;
    QDate date; // news date, resource issued, policy or curriculum effective from, funding deadline
    model::PageKind pageKind = model::PageKind::Landing;
    model::NewsKind newsKind = model::NewsKind::News;
    model::Vocabulary vocabulary = model::Vocabulary::Profession; // terms
    QString parent;                                                // terms
    int order = 0;                                                 // terms
    QUuid portal;                                                  // career stages
    QString profession;                                            // pathways
    QStringList stageCareerStages;                                 // pathways
    int months = 0;                                                // pathways: the first route's length
    QString basePath; // itemPath() of the item

    // Whether listings, feeds, sitemaps and the search index show the two alike.
    friend bool operator==(const Card &, const Card &) = default;
};

class SiteBuilder
{
public:
    // Loads an item's live revision (for pages re-rendered because something they show
    // changed, and for items they transclude); nullopt when it is not on live. Called from
    // several threads at once (SiteOptions::threads).
    using Loader = std::function<std::optional<model::Item>(const QUuid &)>;

    SiteBuilder(SiteOptions options, Loader loader);

    // Applies changes to live; the first call builds the whole site from them. Changed files
    // go to the sink as they are made, or into the delta when there is none. After a sink
    // error the builder no longer matches any release: start a new one.
    [[nodiscard]] SiteDelta apply(const QList<LiveChange> &changes, const FileSink &sink = {});

    // Every file of the site now: path -> the SHA-256 of its bytes, or "file:<sha256>" for
    // an attachment.
    [[nodiscard]] const QHash<QString, QByteArray> &files() const { return m_files; }
    [[nodiscard]] qsizetype itemCount() const { return m_cards.size(); }
    [[nodiscard]] const SiteOptions &options() const { return m_options; }

    // The site path of a live item ("/curricula/cardiology/"); empty when it is not live.
    [[nodiscard]] QString pathOf(const QUuid &id) const;

private:
    struct Output
    {
        QString path;
        QByteArray hash;
    };
    struct Producer
    {
        QStringList deps;
        QList<Output> outputs;
    };
    class Run;
    friend class Run;

    [[nodiscard]] QString pathOf(const Card &card) const;
    [[nodiscard]] QList<const Card *> members(const QString &set) const;
    [[nodiscard]] QStringList setsOf(const Card &card) const;
    [[nodiscard]] QStringList producersOf(const Card &card) const;
    [[nodiscard]] static QStringList globalProducers();
    void index(const Card &card, bool add);

    SiteOptions m_options;
    Loader m_loader;
    bool m_built = false;
    QHash<QUuid, Card> m_cards;
    QHash<QString, QSet<QUuid>> m_members;       // set key -> live items in it
    QHash<QString, QList<QUuid>> m_claims;        // base path -> items claiming it, smallest id first
    QHash<QString, Producer> m_producers;         // producer key -> what it read and wrote
    QHash<QString, QSet<QString>> m_dependents;   // dependency -> producers that read it
    QHash<QString, QByteArray> m_files;           // path -> hash
    QHash<QString, int> m_refs;                   // path -> how many producers write it
};

[[nodiscard]] Card cardOf(const model::Item &item);

} // namespace carta::site
