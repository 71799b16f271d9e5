// Items as the public site shows them: HTML with NHS.UK frontend (nhsuk-frontend) markup,
// the same for the desktop app's preview and for the publisher. A first renderer: one
// page per item; listings, hubs, feeds and meta tags come with the publishing issue.
//
// Site URLs: an item lives at "<baseUrl>/<type-plural>/<slug>/" ("/curricula/cardiology/",
// "/funding-guides/study-leave/"; an item without a slug yet at "/<type-plural>/<id>/"),
// but for pages (the home page at "/", regional hubs at "/regions/<slug>/", profession
// landing pages at "/professions/<slug>/") and terms ("/topics/<vocabulary>/<slug>/");
// an attachment at "<baseUrl>/files/<sha256>/<name>", so files are stored once whatever
// refers to them. Output is deterministic: the same item and the same resolved items give
// the same bytes (no clock, no locale of the machine: dates are in British English).
#pragma once

#include "model/item.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>
#include <utility>

namespace carta::site {

// Transcluded policy bodies, rendered once and reused while nothing they show can change
// (one SiteBuilder::apply()): a policy that 2,000 pages transclude is rendered once, not
// 2,000 times. An entry remembers what rendering it asked the context for, and a reuse asks
// again, so whoever records those questions (the site's dependencies) sees the same ones.
struct TransclusionCache
{
    struct Entry
    {
        QString html;
        QList<QUuid> resolved;                                  // ids passed to resolve()
        QList<std::pair<model::Vocabulary, QString>> termNames; // termName() questions
        QList<QUuid> transcluded;                               // items whose paragraphs it shows
    };
    QHash<std::pair<QUuid, int>, Entry> entries; // (policy, depth)
};

struct RenderContext
{
    // The item with this id as the site shows it; nullopt when there is none (deleted,
    // never published, not synced yet). Used to transclude policies, for the cards of
    // resources and pathways, and to name portals. Empty: every reference is missing.
    std::function<std::optional<model::Item>(const QUuid &)> resolve;
    // Prepended to every site path, without a trailing slash ("https://learning.example");
    // empty for site-relative links.
    QString baseUrl;
    // The absolute address of the site root ("https://learning.example/site"), for canonical
    // links and OpenGraph; empty: baseUrl.
    QString absoluteUrl;
    // The site path of an item, when the site has decided it (two items with one slug);
    // empty: itemPath().
    std::function<QString(const model::Item &)> pathOf;
    // The display name of a taxonomy term; empty (or returning empty) shows the slug
    // made readable ("foundation-year-1" as "Foundation year 1").
    std::function<QString(model::Vocabulary, const QString &slug)> termName;
    // Where transcluded policy bodies are kept for reuse; null: each is rendered every time.
    // Whoever sets it must keep resolve, pathOf and termName answering the same while it is
    // used (the cache knows nothing of changes).
    TransclusionCache *transclusions = nullptr;
};

// "curricula", "funding-guides", ...: the first segment of an item's path.
[[nodiscard]] QString typePathSegment(model::ItemType type);
// "career-stages": the segment of a vocabulary's terms under /topics/.
[[nodiscard]] QString vocabularyPathSegment(model::Vocabulary vocabulary);
// "/curricula/cardiology-curriculum/"
[[nodiscard]] QString itemPath(const model::Item &item);
[[nodiscard]] QString itemUrl(const model::Item &item, const RenderContext &context);
// "/files/<sha256>/<name>" under the base URL (the name percent-encoded).
[[nodiscard]] QString attachmentUrl(const model::Attachment &attachment, const RenderContext &context);

// The content of an item's <main>: the title as <h1>, the summary as the lead paragraph,
// every paragraph, then the fields of the item's type and its attachments.
[[nodiscard]] QString renderItemBody(const model::Item &item, const RenderContext &context);

// A whole HTML5 document for the item: header, breadcrumbs, main (renderItemBody), footer.
// `stylesheet` (CSS) is embedded in a <style> element when not empty; the published site
// links nhsuk-frontend's stylesheet instead.
[[nodiscard]] QString renderItemPage(const model::Item &item, const RenderContext &context,
                                     const QString &stylesheet);

} // namespace carta::site
