#include "site.h"

#include "markdown.h"
#include "parallel_p.h"
#include "render_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

#include <QThread>

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace carta::site {

using model::Item;
using model::ItemType;
using model::PageKind;
using model::Vocabulary;
using namespace detail;

namespace {

// Section pages list this many items a page; term pages show this many of each type.
constexpr int kSectionPageSize = 100;
constexpr int kTermTypeSample = 10;
constexpr int kHubLatest = 5;
constexpr int kFeedEntries = 50;
constexpr int kSearchSummary = 240;
constexpr int kShards = 16;

const QString kStylesheet = u"/assets/nhsuk-frontend/nhsuk-frontend.min.css"_s;
const QString kCartaStylesheet = u"/assets/carta.css"_s;
const QString kFrontendScript = u"/assets/nhsuk-frontend/nhsuk-frontend.min.js"_s;
const QString kSearchLibrary = u"/assets/minisearch/minisearch.js"_s;
const QString kSearchScript = u"/assets/search.js"_s;

// Listed in sections of their own (the home page and terms are reached otherwise).
const QList<ItemType> kSectionTypes = {ItemType::Curriculum, ItemType::Pathway, ItemType::Resource, ItemType::News,
                                       ItemType::FundingGuide, ItemType::Policy, ItemType::Portal, ItemType::Bulletin};
// The search page's facets besides type.
const QList<Vocabulary> kFacetVocabularies = {Vocabulary::Profession, Vocabulary::Specialty, Vocabulary::CareerStage,
                                              Vocabulary::Region};

QString shardOf(const QUuid &id)
{
    return model::idString(id).left(1);
}

QStringList shardNames()
{
    QStringList names;
    for (int i = 0; i < kShards; ++i)
        names.append(QString::number(i, 16));
    return names;
}

QString idKey(const QUuid &id)
{
    return model::idString(id);
}

QString termKey(Vocabulary vocabulary, const QString &slug)
{
    return model::toString(vocabulary) + u'/' + slug;
}

// "/curricula/" -> "curricula/index.html"
QString fileOf(const QString &sitePath)
{
    QString path = sitePath.mid(1);
    if (path.isEmpty() || path.endsWith(u'/'))
        path += u"index.html"_s;
    return path;
}

// A file's hash, to tell a changed file from one rendered the same again: SHA-256 by
// OpenSSL, which uses the CPU's SHA instructions (1.6 GB/s here, against 0.66 GB/s for Qt's
// MD5, which this replaced: every rendered page is hashed, ~80 MB for a policy change at ×10).
QByteArray hashOf(const QByteArray &bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.constData(), size_t(bytes.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex(); // same digest, slower
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

// Text for XML element content and attribute values, without the characters XML 1.0
// does not allow at all (a summary could carry a control character).
QString escapeXml(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            continue;
        if (u == 0xFFFE || u == 0xFFFF)
            continue;
        switch (u) {
        case u'&': out += u"&amp;"_s; break;
        case u'<': out += u"&lt;"_s; break;
        case u'>': out += u"&gt;"_s; break;
        case u'"': out += u"&quot;"_s; break;
        case u'\'': out += u"&apos;"_s; break;
        default: out += c;
        }
    }
    return out;
}

bool titleOrder(const Card *a, const Card *b)
{
    const int c = QString::compare(a->title, b->title, Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    return a->id < b->id;
}

// Dated items newest first; undated ones after them by title.
bool newestFirst(const Card *a, const Card *b)
{
    if (a->date != b->date) {
        if (!a->date.isValid() || !b->date.isValid())
            return a->date.isValid();
        return a->date > b->date;
    }
    return titleOrder(a, b);
}

QString plainSummary(const QString &summary, int limit)
{
    QString text = summary.simplified();
    if (text.size() > limit) {
        text.truncate(limit);
        const qsizetype space = text.lastIndexOf(u' ');
        if (space > limit / 2)
            text.truncate(space);
        text += u"\u2026"_s;
    }
    return text;
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject organisation()
{
    return QJsonObject{{u"@type"_s, u"Organization"_s}, {u"name"_s, kOrganisation}};
}

} // namespace

Card cardOf(const Item &item)
{
    Card card;
    card.id = item.id;
    card.type = item.type();
    card.title = item.title;
    card.slug = item.slug;
    card.summary = item.summary;
    card.tags = item.tags;
    card.basePath = itemPath(item);
    if (const auto *f = item.tryAs<model::NewsFields>()) {
        card.date = f->date;
        card.newsKind = f->kind;
    } else if (const auto *r = item.tryAs<model::ResourceFields>()) {
        card.date = r->issued;
    } else if (const auto *p = item.tryAs<model::PolicyFields>()) {
        card.date = p->effectiveFrom;
    } else if (const auto *c = item.tryAs<model::CurriculumFields>()) {
        card.date = c->effectiveFrom;
    } else if (const auto *g = item.tryAs<model::FundingGuideFields>()) {
        card.date = g->deadline.value_or(QDate());
    } else if (const auto *page = item.tryAs<model::PageFields>()) {
        card.pageKind = page->kind;
    } else if (const auto *t = item.tryAs<model::TermFields>()) {
        card.vocabulary = t->vocabulary;
        card.parent = t->parent;
        card.order = t->order;
        card.portal = t->portal;
    } else if (const auto *w = item.tryAs<model::PathwayFields>()) {
        card.profession = w->profession;
        for (const model::PathwayStage &stage : w->stages) {
            if (!stage.careerStage.isEmpty() && !card.stageCareerStages.contains(stage.careerStage))
                card.stageCareerStages.append(stage.careerStage);
        }
        // The length of the main route: the first stage, then each first "next".
        QSet<QString> seen;
        const model::PathwayStage *stage = w->stages.isEmpty() ? nullptr : &w->stages.first();
        while (stage && !seen.contains(stage->id)) {
            seen.insert(stage->id);
            card.months += std::max(0, stage->durationMonths);
            const model::PathwayStage *next = nullptr;
            if (!stage->next.isEmpty()) {
                for (const model::PathwayStage &other : w->stages) {
                    if (other.id == stage->next.first()) {
                        next = &other;
                        break;
                    }
                }
            }
            stage = next;
        }
    }
    return card;
}

// One apply(): the items given and loaded, and what the producer being rendered reads.
class SiteBuilder::Run
{
public:
    Run(SiteBuilder &builder, QHash<QUuid, Item> given, const FileSink &sink)
        : m_b(builder), m_given(std::move(given)), m_sink(sink)
    {
    }

    SiteDelta delta;

    // What rendering a producer made and read.
    struct Rendered
    {
        QList<SiteFile> files;
        QList<QByteArray> hashes; // of each file, as files() keeps them (hashed where rendered)
        QStringList errors;       // items that could not be read
        QSet<QString> deps;
        qsizetype pages = 0;
    };

    // Renders a producer. Reads the builder only, so runs on several threads at once (each
    // with a Run of its own).
    Rendered renderOne(const QString &key)
    {
        m_deps.clear();
        m_pages = 0;
        Rendered out;
        const qsizetype errorsBefore = delta.errors.size();
        render(key, &out.files);
        out.errors = delta.errors.mid(errorsBefore);
        delta.errors.resize(errorsBefore); // record() adds them to the delta that is returned
        out.hashes.reserve(out.files.size());
        for (const SiteFile &file : std::as_const(out.files))
            out.hashes.append(file.attachment.isEmpty() ? hashOf(file.bytes) : "file:" + file.attachment.toLatin1());
        out.deps = std::move(m_deps);
        m_deps = QSet<QString>();
        out.pages = m_pages;
        return out;
    }

    // Renders a producer and records what it read and wrote.
    void produce(const QString &key) { record(key, renderOne(key)); }

    [[nodiscard]] const QHash<QUuid, Item> &given() const { return m_given; }

    // Records what a producer read and wrote; hands the files that changed to the sink.
    void record(const QString &key, Rendered rendered)
    {
        ++delta.producersRun;
        delta.errors += rendered.errors;
        QList<SiteFile> &files = rendered.files;
        m_deps = std::move(rendered.deps);
        delta.pagesRendered += rendered.pages;
        Producer &producer = m_b.m_producers[key];
        for (const QString &dep : std::as_const(producer.deps)) {
            auto it = m_b.m_dependents.find(dep);
            if (it != m_b.m_dependents.end()) {
                it->remove(key);
                if (it->isEmpty())
                    m_b.m_dependents.erase(it);
            }
        }
        QSet<QString> oldPaths;
        for (const Output &old : std::as_const(producer.outputs))
            oldPaths.insert(old.path);
        QSet<QString> newPaths;
        QList<Output> outputs;
        for (qsizetype i = 0; i < files.size(); ++i) {
            SiteFile &file = files[i];
            if (newPaths.contains(file.path))
                continue;
            newPaths.insert(file.path);
            const QByteArray &hash = rendered.hashes.at(i);
            outputs.append(Output{file.path, hash});
            if (!oldPaths.contains(file.path))
                ++m_b.m_refs[file.path]; // an attachment two items share is one file
            const auto old = m_b.m_files.constFind(file.path);
            if (old != m_b.m_files.cend() && *old == hash)
                continue;
            m_b.m_files.insert(file.path, hash);
            m_removed.remove(file.path);
            delta.writtenPaths.append(file.path);
            if (!m_sink) {
                delta.written.append(std::move(file));
            } else if (delta.sinkError.isEmpty()) {
                const QString error = m_sink(file);
                if (!error.isEmpty())
                    delta.sinkError = file.path + u": "_s + error;
            }
        }
        for (const QString &path : std::as_const(oldPaths)) {
            if (newPaths.contains(path))
                continue;
            auto ref = m_b.m_refs.find(path);
            if (ref != m_b.m_refs.end() && --*ref > 0)
                continue;
            if (ref != m_b.m_refs.end())
                m_b.m_refs.erase(ref);
            m_b.m_files.remove(path);
            m_removed.insert(path);
        }
        producer.outputs = std::move(outputs);
        producer.deps = QStringList(m_deps.cbegin(), m_deps.cend());
        producer.deps.sort();
        for (const QString &dep : std::as_const(producer.deps))
            m_b.m_dependents[dep].insert(key);
        if (producer.outputs.isEmpty() && producer.deps.isEmpty())
            m_b.m_producers.remove(key);
    }

    void finish()
    {
        for (const QString &path : std::as_const(m_removed)) {
            if (!m_b.m_files.contains(path))
                delta.removed.append(path);
        }
        delta.removed.sort();
    }

private:
    // ---- what producers read ----

    std::optional<Item> item(const QUuid &id)
    {
        m_deps.insert(u"item:"_s + idKey(id));
        if (!m_b.m_cards.contains(id))
            return std::nullopt;
        if (const auto it = m_given.constFind(id); it != m_given.cend())
            return *it;
        if (const auto it = m_loaded.constFind(id); it != m_loaded.cend())
            return *it;
        std::optional<Item> loaded = m_b.m_loader ? m_b.m_loader(id) : std::nullopt;
        if (loaded && m_loaded.size() < 4096)
            m_loaded.insert(id, *loaded);
        return loaded;
    }

    QList<const Card *> members(const QString &set)
    {
        m_deps.insert(u"set:"_s + set);
        return m_b.members(set);
    }

    void depend(const QString &dep) { m_deps.insert(dep); }

    const Card *term(Vocabulary vocabulary, const QString &slug)
    {
        m_deps.insert(u"set:terms:"_s + model::toString(vocabulary));
        const auto it = m_terms.constFind(termKey(vocabulary, slug));
        if (it != m_terms.cend())
            return *it;
        const Card *found = nullptr;
        for (const Card *card : m_b.members(u"terms:"_s + model::toString(vocabulary))) {
            if (card->slug == slug && (!found || card->id < found->id))
                found = card;
        }
        m_terms.insert(termKey(vocabulary, slug), found);
        return found;
    }

    QString termName(Vocabulary vocabulary, const QString &slug)
    {
        const Card *card = term(vocabulary, slug);
        return card ? card->title : readableSlug(slug);
    }

    RenderContext context()
    {
        RenderContext c;
        c.baseUrl = m_b.m_options.basePath;
        c.absoluteUrl = m_b.m_options.absoluteUrl;
        c.resolve = [this](const QUuid &id) { return item(id); };
        c.termName = [this](Vocabulary v, const QString &slug) { return termName(v, slug); };
        c.pathOf = [this](const Item &i) {
            const auto it = m_b.m_cards.constFind(i.id);
            return it == m_b.m_cards.cend() ? QString() : m_b.pathOf(*it);
        };
        c.transclusions = &m_transclusions; // the builder does not change while a Run renders
        return c;
    }

    QString href(const QString &sitePath) const { return e(m_b.m_options.basePath + sitePath); }
    QString absolute(const QString &sitePath) const { return m_b.m_options.absoluteUrl + sitePath; }

    // ---- pieces of pages ----

    QString cardLink(const Card &card) { return u"<a href=\""_s + href(m_b.pathOf(card)) + u"\">"_s + e(card.title) + u"</a>"_s; }

    QString listing(const QList<const Card *> &cards, int headingLevel, bool dated)
    {
        if (cards.isEmpty())
            return QString();
        const QString tag = u'h' + QString::number(headingLevel);
        QString out = u"<ul class=\"nhsuk-list carta-listing\">\n"_s;
        for (const Card *card : cards) {
            out += u"<li class=\"carta-listing__item\">\n<"_s + tag + u" class=\"nhsuk-heading-s nhsuk-u-margin-bottom-1\">"_s
                + cardLink(*card) + u"</"_s + tag + u">\n"_s;
            if (dated && card->date.isValid()) {
                out += u"<p class=\"nhsuk-body-s nhsuk-u-margin-bottom-1 carta-listing__date\"><time datetime=\""_s
                    + card->date.toString(Qt::ISODate) + u"\">"_s + ukDate(card->date) + u"</time></p>\n"_s;
            }
            if (!card->summary.isEmpty())
                out += u"<p class=\"nhsuk-body-s\">"_s + e(plainSummary(card->summary, 300)) + u"</p>\n"_s;
            out += u"</li>\n"_s;
        }
        return out + u"</ul>\n"_s;
    }

    QString searchLink(const QString &text, const QList<std::pair<QString, QString>> &query)
    {
        QStringList parts;
        for (const auto &[name, value] : query)
            parts.append(name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
        return u"<p class=\"nhsuk-body-s\"><a href=\""_s + href(u"/search/?"_s + parts.join(u'&')) + u"\">"_s + e(text)
            + u"</a></p>\n"_s;
    }

    QString document(const PageFrame &frame, bool search = false)
    {
        DocumentAssets assets;
        assets.stylesheetPaths = {kStylesheet, kCartaStylesheet};
        assets.modulePaths = {kFrontendScript};
        if (search)
            assets.scriptPaths += {kSearchLibrary, kSearchScript};
        ++m_pages;
        return renderDocument(frame, context(), assets);
    }

    static void add(QList<SiteFile> *files, const QString &sitePath, const QString &text)
    {
        files->append(SiteFile{fileOf(sitePath), text.toUtf8(), QString()});
    }

    // ---- producers ----

    void render(const QString &key, QList<SiteFile> *files)
    {
        if (key.startsWith(u"item:"_s))
            return itemPage(QUuid::fromString(key.mid(5)), files);
        if (key.startsWith(u"feed:"_s))
            return feed(QUuid::fromString(key.mid(5)), files);
        if (key == u"home"_s)
            return home(files);
        if (key.startsWith(u"section:"_s))
            return section(key.mid(8), files);
        if (key == u"topics"_s)
            return topics(files);
        if (key.startsWith(u"vocabulary:"_s))
            return vocabulary(*model::vocabularyFromString(key.mid(11)), files);
        if (key == u"search"_s)
            return searchPage(files);
        if (key.startsWith(u"search:"_s))
            return searchShard(key.mid(7), files);
        if (key == u"search-index"_s)
            return searchIndex(files);
        if (key.startsWith(u"sitemap:"_s))
            return sitemapShard(key.mid(8), files);
        if (key == u"sitemap-index"_s)
            return sitemapIndex(files);
        if (key == u"robots"_s)
            return files->append(SiteFile{u"robots.txt"_s,
                                          (u"User-agent: *\nAllow: /\n\nSitemap: "_s + absolute(u"/sitemap.xml"_s) + u'\n').toUtf8(),
                                          QString()});
        if (key == u"404"_s)
            return notFound(files);
        Q_ASSERT_X(false, "SiteBuilder", "unknown producer");
    }

    void itemPage(const QUuid &id, QList<SiteFile> *files)
    {
        const auto cardIt = m_b.m_cards.constFind(id);
        if (cardIt == m_b.m_cards.cend())
            return;
        const Card &card = *cardIt;
        if (card.type == ItemType::Page && card.pageKind == PageKind::Home)
            return; // the home producer shows it
        const std::optional<Item> loaded = item(id);
        if (!loaded) {
            delta.errors.append(u"%1 \"%2\" could not be read; its page is left out"_s.arg(idKey(id), card.title));
            return;
        }
        const Item &it = *loaded;
        const QString path = m_b.pathOf(card);
        const RenderContext ctx = context();

        PageFrame frame;
        frame.title = it.title;
        frame.description = it.meta.description.isEmpty() ? it.summary : it.meta.description;
        frame.path = path;
        frame.main = renderItemBody(it, ctx);
        frame.jsonLd = itemJsonLd(card, it);
        frame.ogType = card.type == ItemType::News ? u"article"_s : u"website"_s;
        frame.breadcrumbs = crumbsOf(card);

        if (card.type == ItemType::Page && card.pageKind == PageKind::RegionalHub)
            frame.main += hubExtras(card, files);
        else if (card.type == ItemType::Page && card.pageKind == PageKind::ProfessionLanding)
            frame.main += professionExtras(card);
        else if (card.type == ItemType::Term)
            frame.main += termExtras(card);
        add(files, path, document(frame));

        for (const model::Attachment &a : it.attachments) {
            if (a.sha256.size() != 64 || a.name.isEmpty() || a.name == u"."_s || a.name == u".."_s || a.name.contains(u'/'))
                continue;
            files->append(SiteFile{u"files/"_s + a.sha256 + u'/' + a.name, QByteArray(), a.sha256});
        }
    }

    QList<Crumb> crumbsOf(const Card &card)
    {
        if (card.type == ItemType::Page) {
            switch (card.pageKind) {
            case PageKind::RegionalHub: return {{u"Regions"_s, u"/regions/"_s}};
            case PageKind::ProfessionLanding: return {{u"Professions"_s, u"/professions/"_s}};
            case PageKind::Landing: return {{u"Pages"_s, u"/pages/"_s}};
            case PageKind::Home: return {};
            }
        }
        if (card.type == ItemType::Term) {
            return {{u"Topics"_s, u"/topics/"_s},
                    {vocabularyPlural(card.vocabulary), u"/topics/"_s + vocabularyPathSegment(card.vocabulary) + u'/'}};
        }
        return {{typeSectionName(card.type), u'/' + typePathSegment(card.type) + u'/'}};
    }

    QString itemJsonLd(const Card &card, const Item &it)
    {
        QJsonObject o{{u"@context"_s, u"https://schema.org"_s},
                      {u"name"_s, it.title},
                      {u"url"_s, absolute(m_b.pathOf(card))}};
        const QString description = it.meta.description.isEmpty() ? it.summary : it.meta.description;
        if (!description.isEmpty())
            o.insert(u"description"_s, description.simplified());
        switch (card.type) {
        case ItemType::Curriculum: {
            o.insert(u"@type"_s, u"Course"_s);
            o.insert(u"provider"_s, organisation());
            const auto &f = it.as<model::CurriculumFields>();
            if (!f.version.isEmpty())
                o.insert(u"version"_s, f.version);
            QJsonArray teaches;
            for (const model::LearningOutcome &lo : f.learningOutcomes)
                teaches.append(lo.title);
            if (!teaches.isEmpty())
                o.insert(u"teaches"_s, teaches);
            break;
        }
        case ItemType::Pathway: {
            o.insert(u"@type"_s, u"EducationalOccupationalProgram"_s);
            o.insert(u"provider"_s, organisation());
            if (card.months > 0)
                o.insert(u"timeToComplete"_s, u"P%1M"_s.arg(card.months));
            if (!card.profession.isEmpty())
                o.insert(u"occupationalCategory"_s, termName(Vocabulary::Profession, card.profession));
            break;
        }
        case ItemType::News:
            o.insert(u"@type"_s, u"NewsArticle"_s);
            o.insert(u"headline"_s, it.title.left(110));
            o.insert(u"publisher"_s, organisation());
            if (card.date.isValid())
                o.insert(u"datePublished"_s, card.date.toString(Qt::ISODate));
            break;
        case ItemType::Resource:
            o.insert(u"@type"_s, u"LearningResource"_s);
            o.insert(u"publisher"_s, organisation());
            if (card.date.isValid())
                o.insert(u"datePublished"_s, card.date.toString(Qt::ISODate));
            break;
        case ItemType::Policy:
            o.insert(u"@type"_s, u"DigitalDocument"_s);
            o.insert(u"publisher"_s, organisation());
            break;
        case ItemType::Term:
            o.insert(u"@type"_s, u"CollectionPage"_s);
            break;
        default:
            o.insert(u"@type"_s, u"WebPage"_s);
            break;
        }
        return jsonText(o);
    }

    // A regional hub: its latest news, training office updates and funding guides, and
    // the pages of all its news and funding guides.
    QString hubExtras(const Card &hub, QList<SiteFile> *files)
    {
        const QString region = hub.tags.regions.isEmpty() ? hub.slug : hub.tags.regions.first();
        QList<const Card *> news;
        QList<const Card *> updates;
        QList<const Card *> funding;
        for (const Card *card : members(u"term:"_s + termKey(Vocabulary::Region, region))) {
            if (card->type == ItemType::News)
                (card->newsKind == model::NewsKind::News ? news : updates).append(card);
            else if (card->type == ItemType::FundingGuide)
                funding.append(card);
        }
        std::sort(news.begin(), news.end(), newestFirst);
        std::sort(updates.begin(), updates.end(), newestFirst);
        std::sort(funding.begin(), funding.end(), titleOrder);
        const QString base = m_b.pathOf(hub);
        const QString regionName = termName(Vocabulary::Region, region);

        QString out;
        if (!news.isEmpty()) {
            out += heading(2, u"Latest news"_s, u"nhsuk-heading-l"_s) + listing(news.mid(0, kHubLatest), 3, true);
        }
        if (!updates.isEmpty()) {
            out += heading(2, u"Training office updates"_s, u"nhsuk-heading-l"_s)
                + listing(updates.mid(0, kHubLatest), 3, true);
        }
        if (!news.isEmpty() || !updates.isEmpty()) {
            out += u"<p><a href=\""_s + href(base + u"news/"_s) + u"\">All news and training office updates for "_s
                + e(regionName) + u"</a></p>\n"_s;
        }
        if (!funding.isEmpty()) {
            out += heading(2, u"Funding guides"_s, u"nhsuk-heading-l"_s) + listing(funding.mid(0, kHubLatest), 3, false)
                + u"<p><a href=\""_s + href(base + u"funding/"_s) + u"\">All funding guides for "_s + e(regionName)
                + u"</a></p>\n"_s;
        }

        QList<const Card *> allNews = news + updates;
        std::sort(allNews.begin(), allNews.end(), newestFirst);
        PageFrame newsFrame;
        newsFrame.title = u"News and training office updates: "_s + regionName;
        newsFrame.description = u"News and training office updates for "_s + regionName + u", newest first."_s;
        newsFrame.path = base + u"news/"_s;
        newsFrame.breadcrumbs = {{u"Regions"_s, u"/regions/"_s}, {hub.title, base}};
        newsFrame.main = heading(1, newsFrame.title, u"nhsuk-heading-xl"_s)
            + (allNews.isEmpty() ? u"<p>There is no news for this region yet.</p>\n"_s : listing(allNews, 2, true));
        newsFrame.jsonLd = collectionJsonLd(newsFrame);
        add(files, newsFrame.path, document(newsFrame));

        PageFrame fundingFrame;
        fundingFrame.title = u"Funding guides: "_s + regionName;
        fundingFrame.description = u"Funding guides for learners and educators in "_s + regionName + u'.';
        fundingFrame.path = base + u"funding/"_s;
        fundingFrame.breadcrumbs = newsFrame.breadcrumbs;
        fundingFrame.main = heading(1, fundingFrame.title, u"nhsuk-heading-xl"_s)
            + (funding.isEmpty() ? u"<p>There are no funding guides for this region yet.</p>\n"_s : listing(funding, 2, true));
        fundingFrame.jsonLd = collectionJsonLd(fundingFrame);
        add(files, fundingFrame.path, document(fundingFrame));
        return out;
    }

    QString professionExtras(const Card &landing)
    {
        if (landing.tags.professions.isEmpty())
            return QString();
        const QString profession = landing.tags.professions.first();
        QList<const Card *> pathways;
        QList<const Card *> curricula;
        for (const Card *card : members(u"term:"_s + termKey(Vocabulary::Profession, profession))) {
            if (card->type == ItemType::Pathway)
                pathways.append(card);
            else if (card->type == ItemType::Curriculum)
                curricula.append(card);
        }
        std::sort(pathways.begin(), pathways.end(), titleOrder);
        std::sort(curricula.begin(), curricula.end(), titleOrder);
        QString out;
        if (!pathways.isEmpty())
            out += heading(2, u"All career pathways"_s, u"nhsuk-heading-l"_s) + listing(pathways, 3, false);
        if (!curricula.isEmpty()) {
            out += heading(2, u"Curricula"_s, u"nhsuk-heading-l"_s) + listing(curricula.mid(0, kSectionPageSize), 3, false);
            if (curricula.size() > kSectionPageSize)
                out += searchLink(u"All %1 curricula"_s.arg(curricula.size()),
                                  {{u"type"_s, u"curriculum"_s}, {u"profession"_s, profession}});
        }
        return out;
    }

    // A term's page: narrower terms, the pathways through a career stage, and a sample of
    // each type tagged with it.
    QString termExtras(const Card &term)
    {
        const QString vocabularyName = model::toString(term.vocabulary);
        QString out;
        QList<const Card *> children;
        for (const Card *card : members(u"terms:"_s + vocabularyName)) {
            if (card->parent == term.slug)
                children.append(card);
        }
        std::sort(children.begin(), children.end(), [](const Card *a, const Card *b) {
            return a->order != b->order ? a->order < b->order : titleOrder(a, b);
        });
        if (!children.isEmpty())
            out += heading(2, u"In this topic"_s, u"nhsuk-heading-l"_s) + listing(children, 3, false);

        QHash<ItemType, QList<const Card *>> byType;
        QList<const Card *> pathwaysThrough;
        for (const Card *card : members(u"term:"_s + termKey(term.vocabulary, term.slug))) {
            if (card->type == ItemType::Term)
                continue;
            if (card->type == ItemType::Pathway && term.vocabulary == Vocabulary::CareerStage
                && card->stageCareerStages.contains(term.slug)) {
                pathwaysThrough.append(card);
                if (!card->tags.careerStages.contains(term.slug))
                    continue;
            }
            byType[card->type].append(card);
        }
        if (!pathwaysThrough.isEmpty()) {
            std::sort(pathwaysThrough.begin(), pathwaysThrough.end(), titleOrder);
            out += heading(2, u"Career pathways with this stage"_s, u"nhsuk-heading-l"_s) + listing(pathwaysThrough, 3, false);
        }
        const QString facet = term.vocabulary == Vocabulary::ClinicalArea ? QString() : vocabularyName;
        for (ItemType type : model::allItemTypes()) {
            QList<const Card *> cards = byType.value(type);
            if (cards.isEmpty())
                continue;
            const bool dated = type == ItemType::News;
            std::sort(cards.begin(), cards.end(), dated ? newestFirst : titleOrder);
            out += heading(2, typeSectionName(type), u"nhsuk-heading-l"_s) + listing(cards.mid(0, kTermTypeSample), 3, dated);
            if (cards.size() > kTermTypeSample && !facet.isEmpty()) {
                out += searchLink(u"All %1 %2"_s.arg(cards.size()).arg(typeSectionName(type).toLower()),
                                  {{u"type"_s, model::toString(type)}, {facet, term.slug}});
            }
        }
        return out;
    }

    QString collectionJsonLd(const PageFrame &frame)
    {
        QJsonObject o{{u"@context"_s, u"https://schema.org"_s},
                      {u"@type"_s, u"CollectionPage"_s},
                      {u"name"_s, frame.title},
                      {u"url"_s, absolute(frame.path)}};
        if (!frame.description.isEmpty())
            o.insert(u"description"_s, frame.description);
        return jsonText(o);
    }

    // The front door: where are you in your career, and where you go next.
    void home(QList<SiteFile> *files)
    {
        PageFrame frame;
        frame.path = u"/"_s;
        const Card *homeCard = nullptr;
        for (const Card *card : members(u"pagekind:home"_s)) {
            if (!homeCard || card->id < homeCard->id)
                homeCard = card;
        }
        std::optional<Item> homePage = homeCard ? item(homeCard->id) : std::nullopt;
        QString main;
        if (homePage) {
            frame.title = homePage->title;
            frame.description = homePage->meta.description.isEmpty() ? homePage->summary : homePage->meta.description;
        } else {
            frame.title = u"Training and careers in the NHS"_s;
            frame.description = u"Career pathways, curricula and regional training information."_s;
        }
        // Full width for the cards; text keeps the readable two-thirds measure.
        const QString textStart = u"<div class=\"nhsuk-grid-row\">\n<div class=\"nhsuk-grid-column-two-thirds\">\n"_s;
        const QString textEnd = u"</div>\n</div>\n"_s;
        frame.wide = true;
        main += textStart + heading(1, frame.title, u"nhsuk-heading-xl"_s);
        if (homePage && !homePage->summary.isEmpty())
            main += u"<p class=\"nhsuk-body-l\">"_s + multiline(homePage->summary) + u"</p>\n"_s;
        main += textEnd;

        QList<const Card *> stages;
        for (const Card *card : members(u"terms:career_stage"_s)) {
            if (card->parent.isEmpty())
                stages.append(card);
        }
        std::sort(stages.begin(), stages.end(), [](const Card *a, const Card *b) {
            return a->order != b->order ? a->order < b->order : titleOrder(a, b);
        });
        if (!stages.isEmpty()) {
            main += u"<nav class=\"carta-front-door\" aria-labelledby=\"front-door-heading\">\n"_s
                + heading(2, u"Where are you in your career?"_s, u"nhsuk-heading-l"_s).replace(u"<h2 "_s, u"<h2 id=\"front-door-heading\" "_s)
                + u"<ul class=\"nhsuk-grid-row nhsuk-card-group\">\n"_s;
            for (const Card *stage : std::as_const(stages)) {
                main += u"<li class=\"nhsuk-grid-column-one-third nhsuk-card-group__item\">\n"
                        u"<div class=\"nhsuk-card nhsuk-card--clickable\">\n<div class=\"nhsuk-card__content\">\n"
                        u"<h3 class=\"nhsuk-card__heading nhsuk-heading-m\"><a class=\"nhsuk-card__link\" href=\""_s
                    + href(m_b.pathOf(*stage)) + u"\">"_s + e(stage->title) + u"</a></h3>\n"_s;
                if (!stage->summary.isEmpty())
                    main += u"<p class=\"nhsuk-card__description\">"_s + e(plainSummary(stage->summary, 200)) + u"</p>\n"_s;
                if (!stage->portal.isNull()) {
                    const std::optional<Item> portal = item(stage->portal);
                    if (portal && portal->tryAs<model::PortalFields>())
                        main += u"<p class=\"nhsuk-body-s\">Apply through "_s + e(portal->title) + u"</p>\n"_s;
                }
                main += u"</div>\n</div>\n</li>\n"_s;
            }
            main += u"</ul>\n</nav>\n"_s;
        }
        main += textStart;
        if (homePage) {
            Item body = *homePage;
            body.title.clear();
            body.summary.clear();
            // renderItemBody's <h1> would repeat the title: render the paragraphs alone.
            QString rendered = renderItemBody(body, context());
            const qsizetype h1End = rendered.indexOf(u"</h1>\n"_s);
            if (h1End >= 0)
                rendered.remove(0, h1End + 6);
            main += rendered;
        }
        main += heading(2, u"Browse"_s, u"nhsuk-heading-l"_s) + u"<ul class=\"nhsuk-list\">\n"_s;
        for (const auto &[name, path] : sectionLinks())
            main += u"<li><a href=\""_s + href(path) + u"\">"_s + e(name) + u"</a></li>\n"_s;
        main += u"</ul>\n"_s + textEnd;
        frame.main = main;
        QJsonObject site{{u"@context"_s, u"https://schema.org"_s},
                         {u"@type"_s, u"WebSite"_s},
                         {u"name"_s, kOrganisation},
                         {u"url"_s, absolute(u"/"_s)}};
        site.insert(u"potentialAction"_s,
                    QJsonObject{{u"@type"_s, u"SearchAction"_s},
                                {u"target"_s, absolute(u"/search/?q={search_term_string}"_s)},
                                {u"query-input"_s, u"required name=search_term_string"_s}});
        frame.jsonLd = jsonText(site);
        add(files, u"/"_s, document(frame));
    }

    static QList<std::pair<QString, QString>> sectionLinks()
    {
        QList<std::pair<QString, QString>> links = {{u"Regions"_s, u"/regions/"_s}, {u"Professions"_s, u"/professions/"_s}};
        for (ItemType type : kSectionTypes)
            links.append({typeSectionName(type), u'/' + typePathSegment(type) + u'/'});
        links.append({u"Pages"_s, u"/pages/"_s});
        links.append({u"Topics"_s, u"/topics/"_s});
        links.append({u"Search"_s, u"/search/"_s});
        return links;
    }

    // A paginated list: /<segment>/, /<segment>/page-2/, ...
    void paginated(const QString &title, const QString &description, const QString &segmentPath,
                   const QList<const Card *> &cards, bool dated, QList<SiteFile> *files)
    {
        const int pages = std::max<int>(1, static_cast<int>((cards.size() + kSectionPageSize - 1) / kSectionPageSize));
        for (int page = 1; page <= pages; ++page) {
            PageFrame frame;
            frame.title = pages == 1 || page == 1 ? title : u"%1 (page %2 of %3)"_s.arg(title).arg(page).arg(pages);
            frame.description = description;
            frame.path = page == 1 ? segmentPath : segmentPath + u"page-%1/"_s.arg(page);
            frame.breadcrumbs = page == 1 ? QList<Crumb>{} : QList<Crumb>{{title, segmentPath}};
            QString main = heading(1, title, u"nhsuk-heading-xl"_s);
            if (cards.isEmpty())
                main += u"<p>Nothing has been published here yet.</p>\n"_s;
            else
                main += u"<p class=\"nhsuk-body-s\">"_s + plural(cards.size(), u"item"_s, u"items"_s)
                    + (pages > 1 ? u", page %1 of %2"_s.arg(page).arg(pages) : QString()) + u"</p>\n"_s;
            main += listing(cards.mid((page - 1) * kSectionPageSize, kSectionPageSize), 2, dated);
            if (pages > 1) {
                main += u"<nav class=\"nhsuk-pagination\" role=\"navigation\" aria-label=\"Pagination\">\n"
                        u"<ul class=\"nhsuk-list nhsuk-pagination__list\">\n"_s;
                if (page > 1) {
                    const QString prev = page == 2 ? segmentPath : segmentPath + u"page-%1/"_s.arg(page - 1);
                    main += u"<li class=\"nhsuk-pagination-item--previous\"><a class=\"nhsuk-pagination__link nhsuk-pagination__link--prev\" href=\""_s
                        + href(prev) + u"\"><span class=\"nhsuk-pagination__title\">Previous</span></a></li>\n"_s;
                }
                if (page < pages) {
                    main += u"<li class=\"nhsuk-pagination-item--next\"><a class=\"nhsuk-pagination__link nhsuk-pagination__link--next\" href=\""_s
                        + href(segmentPath + u"page-%1/"_s.arg(page + 1))
                        + u"\"><span class=\"nhsuk-pagination__title\">Next</span></a></li>\n"_s;
                }
                main += u"</ul>\n</nav>\n"_s;
            }
            frame.main = main;
            if (page > 1)
                frame.breadcrumbs = {{title, segmentPath}};
            frame.jsonLd = collectionJsonLd(frame);
            add(files, frame.path, document(frame));
        }
    }

    void section(const QString &segment, QList<SiteFile> *files)
    {
        QList<const Card *> cards;
        QString title;
        QString description;
        bool dated = false;
        if (segment == u"regions"_s || segment == u"professions"_s || segment == u"pages"_s) {
            const PageKind kind = segment == u"regions"_s   ? PageKind::RegionalHub
                : segment == u"professions"_s ? PageKind::ProfessionLanding
                                              : PageKind::Landing;
            cards = members(u"pagekind:"_s + model::toString(kind));
            title = segment == u"regions"_s ? u"Regions"_s : segment == u"professions"_s ? u"Professions"_s : u"Pages"_s;
            description = segment == u"regions"_s ? u"The regional hubs: local news, funding guides and contacts."_s
                : segment == u"professions"_s     ? u"Careers in each profession: pathways, curricula and policies."_s
                                                  : u"Guidance pages."_s;
        } else {
            for (ItemType type : kSectionTypes) {
                if (typePathSegment(type) == segment) {
                    cards = members(u"type:"_s + model::toString(type));
                    title = typeSectionName(type);
                    description = u"Every published %1, A to Z."_s.arg(typeNoun(type));
                    dated = type == ItemType::News;
                    if (dated)
                        description = u"News and training office updates, newest first."_s;
                    break;
                }
            }
        }
        std::sort(cards.begin(), cards.end(), dated ? newestFirst : titleOrder);
        paginated(title, description, u'/' + segment + u'/', cards, dated, files);
    }

    void topics(QList<SiteFile> *files)
    {
        PageFrame frame;
        frame.title = u"Topics"_s;
        frame.description = u"Browse by profession, specialty, region, career stage and clinical area."_s;
        frame.path = u"/topics/"_s;
        QString main = heading(1, frame.title, u"nhsuk-heading-xl"_s) + u"<ul class=\"nhsuk-list\">\n"_s;
        for (Vocabulary v : model::allVocabularies()) {
            main += u"<li><a href=\""_s + href(u"/topics/"_s + vocabularyPathSegment(v) + u'/') + u"\">"_s
                + e(vocabularyPlural(v)) + u"</a></li>\n"_s;
        }
        frame.main = main + u"</ul>\n"_s;
        frame.jsonLd = collectionJsonLd(frame);
        add(files, frame.path, document(frame));
    }

    void vocabulary(Vocabulary v, QList<SiteFile> *files)
    {
        QList<const Card *> terms = members(u"terms:"_s + model::toString(v));
        PageFrame frame;
        frame.title = vocabularyPlural(v);
        frame.description = u"Everything published, by %1."_s.arg(vocabularyLabel(v).toLower());
        frame.path = u"/topics/"_s + vocabularyPathSegment(v) + u'/';
        frame.breadcrumbs = {{u"Topics"_s, u"/topics/"_s}};
        // Top-level terms in their order, each followed by its narrower terms.
        QHash<QString, QList<const Card *>> children;
        QSet<QString> slugs;
        for (const Card *t : std::as_const(terms))
            slugs.insert(t->slug);
        QList<const Card *> roots;
        for (const Card *t : std::as_const(terms)) {
            if (t->parent.isEmpty() || !slugs.contains(t->parent))
                roots.append(t);
            else
                children[t->parent].append(t);
        }
        const auto byOrder = [](const Card *a, const Card *b) {
            return a->order != b->order ? a->order < b->order : titleOrder(a, b);
        };
        std::sort(roots.begin(), roots.end(), byOrder);
        QString main = heading(1, frame.title, u"nhsuk-heading-xl"_s);
        main += u"<ul class=\"nhsuk-list\">\n"_s;
        for (const Card *root : std::as_const(roots)) {
            main += u"<li>"_s + cardLink(*root);
            QList<const Card *> kids = children.value(root->slug);
            if (!kids.isEmpty()) {
                std::sort(kids.begin(), kids.end(), byOrder);
                main += u"\n<ul class=\"nhsuk-list nhsuk-list--bullet\">\n"_s;
                for (const Card *kid : std::as_const(kids))
                    main += u"<li>"_s + cardLink(*kid) + u"</li>\n"_s;
                main += u"</ul>\n"_s;
            }
            main += u"</li>\n"_s;
        }
        frame.main = main + u"</ul>\n"_s;
        frame.jsonLd = collectionJsonLd(frame);
        add(files, frame.path, document(frame));
    }

    // An Atom feed of what is new for a region or profession: its dated items (news,
    // resources, policies, curricula) by their own date, newest first. Dates come from the
    // content, so the same live content always gives the same feed.
    void feed(const QUuid &termId, QList<SiteFile> *files)
    {
        const auto termIt = m_b.m_cards.constFind(termId);
        if (termIt == m_b.m_cards.cend())
            return;
        const Card &term = *termIt;
        depend(u"item:"_s + idKey(termId));
        QList<const Card *> entries;
        for (const Card *card : members(u"term:"_s + termKey(term.vocabulary, term.slug))) {
            if (card->date.isValid()
                && (card->type == ItemType::News || card->type == ItemType::Resource || card->type == ItemType::Policy
                    || card->type == ItemType::Curriculum))
                entries.append(card);
        }
        std::sort(entries.begin(), entries.end(), newestFirst);
        entries = entries.mid(0, kFeedEntries);
        const QString feedPath = feedPathOf(term);
        const QDate newest = entries.isEmpty() ? QDate(2000, 1, 1) : entries.first()->date;
        const auto instant = [](const QDate &date) -> QString { return date.toString(Qt::ISODate) + u"T00:00:00Z"_s; };
        QString out = u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n"_s;
        out += u"<title>"_s + escapeXml(term.title + u" - "_s + kOrganisation) + u"</title>\n"_s;
        out += u"<subtitle>"_s + escapeXml(u"News, resources, policies and curricula for "_s + term.title) + u"</subtitle>\n"_s;
        out += u"<id>"_s + escapeXml(absolute(feedPath)) + u"</id>\n"_s;
        out += u"<link rel=\"self\" type=\"application/atom+xml\" href=\""_s + escapeXml(absolute(feedPath)) + u"\"/>\n"_s;
        out += u"<link rel=\"alternate\" type=\"text/html\" href=\""_s + escapeXml(absolute(m_b.pathOf(term))) + u"\"/>\n"_s;
        out += u"<updated>"_s + instant(newest) + u"</updated>\n"_s;
        out += u"<author><name>"_s + kOrganisation + u"</name></author>\n"_s;
        for (const Card *card : std::as_const(entries)) {
            const QString url = absolute(m_b.pathOf(*card));
            out += u"<entry>\n<title>"_s + escapeXml(card->title) + u"</title>\n<id>urn:uuid:"_s + idKey(card->id)
                + u"</id>\n<link rel=\"alternate\" type=\"text/html\" href=\""_s + escapeXml(url) + u"\"/>\n<updated>"_s
                + instant(card->date) + u"</updated>\n<category term=\""_s + model::toString(card->type) + u"\" label=\""_s
                + escapeXml(typeLabel(card->type)) + u"\"/>\n"_s;
            if (!card->summary.isEmpty())
                out += u"<summary>"_s + escapeXml(card->summary) + u"</summary>\n"_s;
            out += u"</entry>\n"_s;
        }
        out += u"</feed>\n"_s;
        files->append(SiteFile{feedPath.mid(1), out.toUtf8(), QString()});
    }

    static QString feedPathOf(const Card &term)
    {
        return u"/feeds/"_s + vocabularyPathSegment(term.vocabulary) + u'/' + term.slug + u".xml"_s;
    }

    void searchPage(QList<SiteFile> *files)
    {
        PageFrame frame;
        frame.title = u"Search"_s;
        frame.description = u"Search curricula, career pathways, resources, policies and news by profession, specialty, career stage and region."_s;
        frame.path = u"/search/"_s;
        frame.wide = true;
        QString main = heading(1, u"Search"_s, u"nhsuk-heading-xl"_s);
        main += u"<form class=\"carta-search\" id=\"carta-search\" role=\"search\" action=\"\" method=\"get\">\n"
                u"<div class=\"nhsuk-form-group\"><label class=\"nhsuk-label\" for=\"search-q\">Search</label>\n"
                u"<input class=\"nhsuk-input\" id=\"search-q\" name=\"q\" type=\"search\"></div>\n"
                u"<div class=\"carta-search__facets\">\n"_s;
        QList<std::pair<QString, QString>> types;
        for (ItemType type : model::allItemTypes()) {
            if (type != ItemType::Bulletin)
                types.append({model::toString(type), typeSectionName(type)});
        }
        main += facet(u"type"_s, u"Type"_s, types);
        for (Vocabulary v : kFacetVocabularies) {
            QList<const Card *> terms = members(u"terms:"_s + model::toString(v));
            // Career stages in the order of a career; the others A to Z.
            std::sort(terms.begin(), terms.end(), [v](const Card *a, const Card *b) {
                if (v == Vocabulary::CareerStage && a->order != b->order)
                    return a->order < b->order;
                return titleOrder(a, b);
            });
            QList<std::pair<QString, QString>> values;
            QSet<QString> seen;
            for (const Card *t : std::as_const(terms)) {
                if (!seen.contains(t->slug)) {
                    seen.insert(t->slug);
                    values.append({t->slug, t->title});
                }
            }
            if (v == Vocabulary::Region)
                values.prepend({u"national"_s, u"National"_s});
            main += facet(model::toString(v), vocabularyLabel(v), values);
        }
        main += u"</div>\n<button class=\"nhsuk-button\" type=\"submit\">Search</button>\n</form>\n"
                u"<p id=\"carta-search-status\" role=\"status\" aria-live=\"polite\"></p>\n"
                u"<ol class=\"nhsuk-list carta-results\" id=\"carta-search-results\"></ol>\n"
                u"<noscript><p>Search needs JavaScript. You can browse by <a href=\""_s
            + href(u"/topics/"_s) + u"\">topic</a> instead.</p></noscript>\n"_s;
        frame.main = main;
        add(files, frame.path, document(frame, true));
    }

    static QString facet(const QString &name, const QString &legend, const QList<std::pair<QString, QString>> &values)
    {
        QString out = u"<fieldset class=\"nhsuk-fieldset\" data-facet=\""_s + name
            + u"\">\n<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">"_s + e(legend)
            + u"</legend>\n<div class=\"nhsuk-checkboxes nhsuk-checkboxes--small\">\n"_s;
        for (const auto &[value, label] : values) {
            const QString id = u"facet-"_s + name + u'-' + value;
            out += u"<div class=\"nhsuk-checkboxes__item\"><input class=\"nhsuk-checkboxes__input\" id=\""_s + e(id)
                + u"\" name=\""_s + name + u"\" type=\"checkbox\" value=\""_s + e(value)
                + u"\"><label class=\"nhsuk-label nhsuk-checkboxes__label\" for=\""_s + e(id) + u"\">"_s + e(label)
                + u" <span class=\"carta-facet__count\" data-count-for=\""_s + name + u':' + e(value)
                + u"\"></span></label></div>\n"_s;
        }
        return out + u"</div>\n</fieldset>\n"_s;
    }

    void searchShard(const QString &shard, QList<SiteFile> *files)
    {
        QList<const Card *> cards = members(u"shard:"_s + shard);
        std::sort(cards.begin(), cards.end(), [](const Card *a, const Card *b) { return a->id < b->id; });
        QJsonArray docs;
        for (const Card *card : std::as_const(cards)) {
            if (card->type == ItemType::Bulletin)
                continue;
            QStringList professions = card->tags.professions;
            if (!card->profession.isEmpty() && !professions.contains(card->profession))
                professions.append(card->profession);
            QStringList stages = card->tags.careerStages;
            for (const QString &s : card->stageCareerStages) {
                if (!stages.contains(s))
                    stages.append(s);
            }
            docs.append(QJsonObject{{u"id"_s, idKey(card->id)},
                                    {u"t"_s, card->title},
                                    {u"u"_s, m_b.pathOf(*card)},
                                    {u"s"_s, plainSummary(card->summary, kSearchSummary)},
                                    {u"k"_s, model::toString(card->type)},
                                    {u"p"_s, QJsonArray::fromStringList(professions)},
                                    {u"sp"_s, QJsonArray::fromStringList(card->tags.specialties)},
                                    {u"c"_s, QJsonArray::fromStringList(stages)},
                                    {u"r"_s, QJsonArray::fromStringList(card->tags.regions)}});
        }
        files->append(SiteFile{u"search/shard-"_s + shard + u".json"_s,
                               QJsonDocument(QJsonObject{{u"docs"_s, docs}}).toJson(QJsonDocument::Compact), QString()});
    }

    void searchIndex(QList<SiteFile> *files)
    {
        QJsonArray shards;
        for (const QString &shard : shardNames()) {
            const QString path = u"search/shard-"_s + shard + u".json"_s;
            shards.append(QString(u"shard-"_s + shard + u".json?v="_s + QString::fromLatin1(m_b.m_files.value(path).left(12))));
        }
        files->append(SiteFile{u"search/index.json"_s,
                               QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"shards"_s, shards}}).toJson(QJsonDocument::Compact),
                               QString()});
    }

    void sitemapShard(const QString &shard, QList<SiteFile> *files)
    {
        QList<const Card *> cards = members(u"shard:"_s + shard);
        std::sort(cards.begin(), cards.end(), [](const Card *a, const Card *b) { return a->id < b->id; });
        QString out = u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"_s;
        for (const Card *card : std::as_const(cards)) {
            if (card->type == ItemType::Page && card->pageKind == PageKind::Home)
                continue; // in the pages sitemap, as "/"
            out += u"<url><loc>"_s + escapeXml(absolute(m_b.pathOf(*card))) + u"</loc></url>\n"_s;
            if (card->type == ItemType::Page && card->pageKind == PageKind::RegionalHub) {
                for (const QString &sub : {u"news/"_s, u"funding/"_s})
                    out += u"<url><loc>"_s + escapeXml(absolute(m_b.pathOf(*card) + sub)) + u"</loc></url>\n"_s;
            }
        }
        out += u"</urlset>\n"_s;
        files->append(SiteFile{u"sitemaps/"_s + shard + u".xml"_s, out.toUtf8(), QString()});
    }

    // The sitemap index, and the sitemap of the pages that are not items.
    void sitemapIndex(QList<SiteFile> *files)
    {
        QString index = u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"_s;
        index += u"<sitemap><loc>"_s + escapeXml(absolute(u"/sitemaps/pages.xml"_s)) + u"</loc></sitemap>\n"_s;
        for (const QString &shard : shardNames())
            index += u"<sitemap><loc>"_s + escapeXml(absolute(u"/sitemaps/"_s + shard + u".xml"_s)) + u"</loc></sitemap>\n"_s;
        index += u"</sitemapindex>\n"_s;
        files->append(SiteFile{u"sitemap.xml"_s, index.toUtf8(), QString()});

        QString pages = u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"_s;
        QStringList paths = {u"/"_s, u"/search/"_s, u"/topics/"_s};
        for (const auto &[name, path] : sectionLinks()) {
            if (!paths.contains(path))
                paths.append(path);
        }
        for (Vocabulary v : model::allVocabularies())
            paths.append(u"/topics/"_s + vocabularyPathSegment(v) + u'/');
        for (const QString &path : std::as_const(paths))
            pages += u"<url><loc>"_s + escapeXml(absolute(path)) + u"</loc></url>\n"_s;
        pages += u"</urlset>\n"_s;
        files->append(SiteFile{u"sitemaps/pages.xml"_s, pages.toUtf8(), QString()});
    }

    void notFound(QList<SiteFile> *files)
    {
        PageFrame frame;
        frame.title = u"Page not found"_s;
        frame.main = heading(1, frame.title, u"nhsuk-heading-xl"_s)
            + u"<p>If you typed the web address, check it is correct.</p>\n"
              u"<p>If you pasted the web address, check you copied the entire address.</p>\n"
              u"<p>You can <a href=\""_s
            + href(u"/search/"_s) + u"\">search the site</a> or go to the <a href=\""_s + href(u"/"_s)
            + u"\">home page</a>.</p>\n"_s;
        files->append(SiteFile{u"404.html"_s, document(frame).toUtf8(), QString()});
    }

    SiteBuilder &m_b;
    QHash<QUuid, Item> m_given;
    const FileSink &m_sink;
    QHash<QUuid, Item> m_loaded;
    QHash<QString, const Card *> m_terms;
    TransclusionCache m_transclusions;
    QSet<QString> m_deps;
    qsizetype m_pages = 0; // pages the producer being rendered made
    QSet<QString> m_removed;
};

SiteBuilder::SiteBuilder(SiteOptions options, Loader loader) : m_options(std::move(options)), m_loader(std::move(loader)) {}

QString SiteBuilder::pathOf(const QUuid &id) const
{
    const auto it = m_cards.constFind(id);
    return it == m_cards.cend() ? QString() : pathOf(*it);
}

QString SiteBuilder::pathOf(const Card &card) const
{
    const QList<QUuid> claimants = m_claims.value(card.basePath);
    if (claimants.isEmpty() || claimants.first() == card.id)
        return card.basePath;
    // Two live items with one slug: the smaller id keeps the address, the other is told
    // apart by the start of its id.
    QString path = card.basePath;
    if (path == u"/"_s)
        return u"/pages/"_s + idKey(card.id) + u'/';
    path.chop(1);
    return path + u'-' + idKey(card.id).left(8) + u'/';
}

QList<const Card *> SiteBuilder::members(const QString &set) const
{
    QList<const Card *> out;
    const auto it = m_members.constFind(set);
    if (it == m_members.cend())
        return out;
    out.reserve(it->size());
    for (const QUuid &id : *it) {
        const auto card = m_cards.constFind(id);
        if (card != m_cards.cend())
            out.append(&*card);
    }
    return out;
}

QStringList SiteBuilder::setsOf(const Card &card) const
{
    QStringList sets = {u"type:"_s + model::toString(card.type), u"shard:"_s + shardOf(card.id)};
    for (Vocabulary v : model::allVocabularies()) {
        for (const QString &slug : card.tags.terms(v))
            sets.append(u"term:"_s + termKey(v, slug));
    }
    if (card.type == ItemType::Pathway) {
        if (!card.profession.isEmpty())
            sets.append(u"term:"_s + termKey(Vocabulary::Profession, card.profession));
        for (const QString &stage : card.stageCareerStages)
            sets.append(u"term:"_s + termKey(Vocabulary::CareerStage, stage));
    }
    if (card.type == ItemType::Page)
        sets.append(u"pagekind:"_s + model::toString(card.pageKind));
    if (card.type == ItemType::Term)
        sets.append(u"terms:"_s + model::toString(card.vocabulary));
    sets.removeDuplicates();
    return sets;
}

QStringList SiteBuilder::producersOf(const Card &card) const
{
    QStringList keys = {u"item:"_s + idKey(card.id)};
    if (card.type == ItemType::Term
        && (card.vocabulary == Vocabulary::Region || card.vocabulary == Vocabulary::Profession))
        keys.append(u"feed:"_s + idKey(card.id));
    return keys;
}

QStringList SiteBuilder::globalProducers()
{
    QStringList keys = {u"home"_s, u"topics"_s, u"search"_s, u"robots"_s, u"404"_s, u"sitemap-index"_s,
                        u"section:regions"_s, u"section:professions"_s, u"section:pages"_s};
    for (ItemType type : kSectionTypes)
        keys.append(u"section:"_s + typePathSegment(type));
    for (Vocabulary v : model::allVocabularies())
        keys.append(u"vocabulary:"_s + model::toString(v));
    for (const QString &shard : shardNames()) {
        keys.append(u"search:"_s + shard);
        keys.append(u"sitemap:"_s + shard);
    }
    return keys;
}

void SiteBuilder::index(const Card &card, bool add)
{
    for (const QString &set : setsOf(card)) {
        if (add) {
            m_members[set].insert(card.id);
        } else {
            auto it = m_members.find(set);
            if (it != m_members.end()) {
                it->remove(card.id);
                if (it->isEmpty())
                    m_members.erase(it);
            }
        }
    }
    QList<QUuid> &claimants = m_claims[card.basePath];
    if (add) {
        claimants.insert(std::lower_bound(claimants.begin(), claimants.end(), card.id), card.id);
    } else {
        claimants.removeOne(card.id);
        if (claimants.isEmpty())
            m_claims.remove(card.basePath);
    }
}

SiteDelta SiteBuilder::apply(const QList<LiveChange> &changes, const FileSink &sink)
{
    QHash<QUuid, Item> given;
    QSet<QString> touched;
    QSet<QString> toRun;
    QStringList errors;

    // Items sharing a base path may move (the smallest id owns it): their pages, and
    // everything listing them, show the new addresses.
    const auto claim = [&](const QString &basePath, const QUuid &self) {
        for (const QUuid &other : m_claims.value(basePath)) {
            if (other == self)
                continue;
            touched.insert(u"item:"_s + idKey(other));
            toRun.insert(u"item:"_s + idKey(other));
            if (const auto card = m_cards.constFind(other); card != m_cards.cend()) {
                for (const QString &set : setsOf(*card))
                    touched.insert(u"set:"_s + set);
            }
        }
    };

    for (const LiveChange &change : changes) {
        std::optional<Card> before;
        if (const auto it = m_cards.constFind(change.id); it != m_cards.cend())
            before = *it;
        std::optional<Card> after;
        if (change.present) {
            std::optional<Item> item = change.item;
            if (!item && m_loader)
                item = m_loader(change.id);
            if (!item) {
                errors.append(u"%1 could not be read; it is left out of the site"_s.arg(idKey(change.id)));
            } else {
                after = cardOf(*item);
                if (given.size() < 4096)
                    given.insert(change.id, *item);
            }
        }
        if (!before && !after)
            continue;
        touched.insert(u"item:"_s + idKey(change.id));
        if (before) {
            for (const QString &key : producersOf(*before))
                toRun.insert(key);
        }
        if (after) {
            for (const QString &key : producersOf(*after))
                toRun.insert(key);
        }
        const bool listingChanged = !before || !after || !(*before == *after);
        if (listingChanged) {
            for (const std::optional<Card> *card : {&before, &after}) {
                if (*card) {
                    for (const QString &set : setsOf(**card))
                        touched.insert(u"set:"_s + set);
                }
            }
        }
        const bool moves = !before || !after || before->basePath != after->basePath;
        if (before) {
            if (moves)
                claim(before->basePath, change.id);
            index(*before, false);
            m_cards.remove(change.id);
        }
        if (after) {
            m_cards.insert(change.id, *after);
            index(*after, true);
            if (moves)
                claim(after->basePath, change.id);
        }
    }

    Run run(*this, std::move(given), sink);
    run.delta.errors = errors;
    if (!m_built) {
        run.delta.full = true;
        for (const QString &key : globalProducers())
            toRun.insert(key);
        for (const Card &card : std::as_const(m_cards)) {
            for (const QString &key : producersOf(card))
                toRun.insert(key);
        }
        m_built = true;
    }
    for (const QString &dep : std::as_const(touched)) {
        const auto it = m_dependents.constFind(dep);
        if (it != m_dependents.cend()) {
            for (const QString &key : *it)
                toRun.insert(key);
        }
    }
    // Deterministic order; the search index last, as it names the shards' hashes.
    QStringList order(toRun.cbegin(), toRun.cend());
    order.sort();
    order.removeOne(u"search-index"_s);
    bool shardsRan = false;
    for (const QString &key : std::as_const(order))
        shardsRan = shardsRan || key.startsWith(u"search:"_s);

    // Rendering reads the builder only: batches of producers are rendered on several
    // threads, each with a Run of its own, then recorded here in order (so the sink sees
    // the files in the same order whatever the number of threads). While a batch is
    // recorded (and its files written by the sink) the next one is being rendered: record()
    // changes only what rendering does not read (files, producers, dependents; the search
    // index, which reads the files, runs after every batch).
    const int threads = m_options.threads > 0 ? m_options.threads : std::min(4, QThread::idealThreadCount());
    if (threads <= 1 || order.size() < 2) {
        for (const QString &key : std::as_const(order)) {
            run.produce(key);
            if (!run.delta.sinkError.isEmpty())
                break;
        }
    } else {
        const FileSink none;
        std::vector<std::unique_ptr<Run>> workers;
        for (int t = 0; t < threads; ++t)
            workers.push_back(std::make_unique<Run>(*this, run.given(), none));
        constexpr qsizetype kBatch = 256;
        const auto renderBatch = [&](qsizetype first, std::vector<Run::Rendered> &into) {
            const qsizetype count = std::min(kBatch, order.size() - first);
            into.assign(size_t(count), Run::Rendered());
            detail::forEachIndex(count, threads, [&](qsizetype i, qsizetype thread) {
                into[size_t(i)] = workers[size_t(thread)]->renderOne(order.at(first + i));
            });
        };
        std::vector<Run::Rendered> rendered;
        std::vector<Run::Rendered> ahead;
        renderBatch(0, rendered);
        for (qsizetype first = 0; first < order.size(); first += kBatch) {
            std::thread next;
            const auto joinNext = qScopeGuard([&next] {
                if (next.joinable())
                    next.join();
            });
            if (first + kBatch < order.size())
                next = std::thread(renderBatch, first + kBatch, std::ref(ahead));
            for (size_t i = 0; i < rendered.size() && run.delta.sinkError.isEmpty(); ++i)
                run.record(order.at(first + qsizetype(i)), std::move(rendered[i]));
            if (next.joinable())
                next.join();
            if (!run.delta.sinkError.isEmpty())
                break;
            std::swap(rendered, ahead);
        }
    }
    if ((shardsRan || run.delta.full) && run.delta.sinkError.isEmpty())
        run.produce(u"search-index"_s);
    run.finish();
    return std::move(run.delta);
}

} // namespace carta::site
