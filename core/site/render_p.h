// The renderer's building blocks, shared by item pages (render.cpp) and the rest of the
// published site (site.cpp): escaping, British dates, NHS.UK components, the page frame.
#pragma once

#include "render.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace carta::site::detail {

extern const QString kOrganisation;

[[nodiscard]] QString e(const QString &text);
[[nodiscard]] QString ukDate(const QDate &date);
[[nodiscard]] QString plural(qint64 n, const QString &one, const QString &many);
[[nodiscard]] QString duration(int months);
// Names of types and vocabularies: "Career pathway", "Career pathways" (sections),
// "career pathway" (what a reference is to); "Career stage", "Career stages".
[[nodiscard]] QString vocabularyLabel(model::Vocabulary vocabulary);
[[nodiscard]] QString vocabularyPlural(model::Vocabulary vocabulary);
[[nodiscard]] QString typeLabel(model::ItemType type);
[[nodiscard]] QString typeSectionName(model::ItemType type);
[[nodiscard]] QString typeNoun(model::ItemType type);
[[nodiscard]] QString readableSlug(const QString &slug);
[[nodiscard]] QString multiline(const QString &text);
[[nodiscard]] QString table(const QStringList &headers, const QList<QStringList> &rows);
[[nodiscard]] QString heading(int level, const QString &text, const QString &cssClass);
// The site path of an item: the context's pathOf when set, else itemPath().
[[nodiscard]] QString pathFor(const model::Item &item, const RenderContext &context);

// <dl class="nhsuk-summary-list"> rows; rows with an empty value are left out. Values are HTML.
class SummaryList
{
public:
    void add(const QString &key, const QString &valueHtml)
    {
        if (!valueHtml.isEmpty())
            m_rows.append({key, valueHtml});
    }
    [[nodiscard]] bool isEmpty() const { return m_rows.isEmpty(); }
    [[nodiscard]] QString html() const;

private:
    QList<std::pair<QString, QString>> m_rows;
};

struct Crumb
{
    QString name;
    QString path; // site path, "/curricula/"
};

// One page of the site around its main content.
struct PageFrame
{
    QString title;       // the <title> before " - Health Education England"
    QString description; // meta description and og:description; may be empty
    QString path;        // the page's site path, for the canonical URL and og:url
    QList<Crumb> breadcrumbs; // from Home (left out) to the parent of this page; empty on the home page
    QString main;        // HTML inside the page's main column
    QString jsonLd;      // a JSON-LD object (already JSON), or empty
    QString ogType = QStringLiteral("website");
    bool wide = false;   // main spans the full width (search, listings with facets)
};

// How a document gets its look: embedded CSS (the app's preview) or links to the site's
// assets (the published site); scripts are site paths loaded at the end of <body>.
struct DocumentAssets
{
    QString stylesheet;
    QStringList stylesheetPaths;
    QStringList scriptPaths;
    QStringList modulePaths; // ES modules exporting initAll() (nhsuk-frontend), started at load
};

[[nodiscard]] QString renderDocument(const PageFrame &frame, const RenderContext &context, const DocumentAssets &assets);
// The absolute URL of a site path (for canonical links, OpenGraph, sitemaps and feeds).
[[nodiscard]] QString absoluteUrl(const QString &path, const RenderContext &context);

} // namespace carta::site::detail
