// Site publish benchmark: Carta's publisher building the public site from the published items
// of the ×N demo content (argument, default 10: about 114,000 of its 122,000 items), in full and
// after one change to a policy that many pages transclude, beside Hugo (Debian's package)
// building the same items exported as Markdown, in the same run. Prints pages per second,
// the change's time and both sides' peak memory.
//   bench_site [scale]
#include "demo/generator.h"
#include "figures.h"
#include "model/item.h"
#include "site/release.h"
#include "site/render.h"
#include "site/site.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>

using namespace carta;
using namespace Qt::StringLiterals;

namespace {

using model::Item;
using model::ItemType;
using model::ParagraphKind;
using model::Vocabulary;

constexpr int kEdits = 5;          // incremental publishes measured
constexpr int kKeepReleases = 10;  // as the server's default
const site::SiteOptions kSite{u"/site"_s, u"http://127.0.0.1/site"_s};
// In each release, as the server's publisher writes it: the address its links were made for.
const QString kSiteStamp = u".carta-site"_s;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_site: %s\n", qUtf8Printable(what));
    std::exit(1);
}

void progress(const QString &what)
{
    std::fprintf(stderr, "bench_site: %s\n", qUtf8Printable(what));
}

double secondsOf(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

QString number(qint64 n)
{
    static const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    return uk.toString(n);
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

qint64 peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

qint64 currentRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double cpuSeconds(int who, bool kernelOnly = false)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto sec = [](const timeval &tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
    return (kernelOnly ? 0.0 : sec(usage.ru_utime)) + sec(usage.ru_stime);
}

QString megabytes(qint64 kb)
{
    return kb < 0 ? u"?"_s : number((kb + 512) / 1024) + u" MB"_s;
}

QString median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return fixed(values.isEmpty() ? 0.0 : values.at(values.size() / 2), 0);
}

// ---- the content ----

// The published items (what `live` holds) in memory; every attachment's bytes on disk where
// the server keeps them (attachments/<xx>/<sha256>), for releases to link.
class PublishedSink : public demo::DemoSink
{
public:
    explicit PublishedSink(QString attachmentsDir) : m_dir(std::move(attachmentsDir)) {}

    void item(const Item &item, const QByteArray &bytes) override
    {
        if (item.state != model::WorkflowState::Published)
            return;
        // The server's loader parses each item's JSON (after reading it from git): timed here,
        // since the benchmark's loader hands out the items it holds.
        QElapsedTimer timer;
        timer.start();
        const auto parsed = model::parseItem(bytes);
        parseNanoseconds += timer.nsecsElapsed();
        if (!parsed) {
            m_error = model::idString(item.id) + u": "_s + parsed.errorString();
            return;
        }
        ids.append(item.id);
        items.insert(item.id, item);
    }

    void attachment(const QString &sha256, const QByteArray &bytes) override
    {
        const QString folder = m_dir + u'/' + sha256.left(2);
        if (!m_folders.contains(folder)) {
            if (!QDir().mkpath(folder))
                m_error = u"cannot create "_s + folder;
            m_folders.insert(folder);
        }
        QFile file(folder + u'/' + sha256);
        if (file.exists())
            return;
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            m_error = u"cannot write "_s + file.fileName();
        ++attachments;
    }

    [[nodiscard]] QString errorString() const override { return m_error; }

    QHash<QUuid, Item> items;
    QList<QUuid> ids; // in the generator's order
    qint64 parseNanoseconds = 0;
    qint64 attachments = 0;

private:
    QString m_dir;
    QSet<QString> m_folders;
    QString m_error;
};

// The same change each time, told apart by n: a sentence added to each text paragraph.
Item editedPolicy(Item policy, int n)
{
    for (model::Paragraph &p : policy.paragraphs) {
        if (p.kind == ParagraphKind::Text)
            p.markdown += u"\n\nRevision %1 of this policy."_s.arg(n);
    }
    return policy;
}

QString marker(int n)
{
    return u"Revision %1 of this policy."_s.arg(n);
}

bool fileContains(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8());
}

// ---- Carta ----

struct Publish
{
    double seconds = 0;
    double applySeconds = 0;  // rendering and writing the changed files
    double commitSeconds = 0; // new folder objects, links, sync, switching `current`
    double pruneSeconds = 0;  // after the switch: old releases and their unused objects
    double cpuSeconds = 0;
    double kernelSeconds = 0; // of cpuSeconds, in the kernel (system time)
    qsizetype pages = 0;
    qsizetype written = 0;
    qsizetype files = 0;
    QString release;
};

// What the server's publisher does for a change to live, without git.
Publish publish(site::SiteBuilder &builder, site::ReleaseStore &store, const QList<site::LiveChange> &changes,
                const QString &base, const QString &liveCommit, const QString &attachmentsDir)
{
    Publish out;
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    const double kernelBefore = cpuSeconds(RUSAGE_SELF, true);
    QElapsedTimer timer;
    timer.start();
    auto pending = store.begin(liveCommit, QDateTime::currentDateTimeUtc(), [attachmentsDir](const QString &sha256) -> QString {
        return attachmentsDir + u'/' + sha256.left(2) + u'/' + sha256;
    });
    if (!pending)
        fail(u"cannot begin a release: "_s + pending.errorString());
    site::PendingRelease release = std::move(pending).value();
    QElapsedTimer phase;
    phase.start();
    const site::SiteDelta delta = builder.apply(changes, [&release](const site::SiteFile &file) { return release.write(file); });
    out.applySeconds = secondsOf(phase);
    if (!delta.sinkError.isEmpty())
        fail(u"cannot write the release: "_s + delta.sinkError);
    if (!delta.errors.isEmpty())
        fail(u"the site left %1 items out, the first: %2"_s.arg(delta.errors.size()).arg(delta.errors.first()));
    const QByteArray stamp = (kSite.absoluteUrl + u'\n' + kSite.basePath + u'\n').toUtf8();
    if (const QString error = release.write(site::SiteFile{kSiteStamp, stamp, QString()}); !error.isEmpty())
        fail(kSiteStamp + u": "_s + error);
    phase.restart();
    auto committed = release.commit(base, builder.files(), delta.removed, QStringLiteral(CARTA_SITE_ASSETS_DIR));
    out.commitSeconds = secondsOf(phase);
    if (!committed)
        fail(u"cannot commit the release: "_s + committed.errorString());
    out.seconds = secondsOf(timer); // the new release is current: what a reader sees
    phase.restart();
    if (auto pruned = store.prune(kKeepReleases); !pruned)
        fail(u"cannot prune: "_s + pruned.errorString());
    out.pruneSeconds = secondsOf(phase);
    out.cpuSeconds = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    out.kernelSeconds = cpuSeconds(RUSAGE_SELF, true) - kernelBefore;
    out.pages = delta.pagesRendered;
    out.written = delta.writtenPaths.size();
    out.files = builder.files().size();
    out.release = committed->id;
    return out;
}

// ---- Hugo ----

QString taxonomyOf(Vocabulary vocabulary)
{
    switch (vocabulary) {
    case Vocabulary::Profession: return u"professions"_s;
    case Vocabulary::Specialty: return u"specialties"_s;
    case Vocabulary::Region: return u"regions"_s;
    case Vocabulary::CareerStage: return u"career_stages"_s;
    case Vocabulary::ClinicalArea: return u"clinical_areas"_s;
    }
    return model::toString(vocabulary);
}

QString vocabularyTitle(Vocabulary vocabulary)
{
    switch (vocabulary) {
    case Vocabulary::Profession: return u"Professions"_s;
    case Vocabulary::Specialty: return u"Specialties"_s;
    case Vocabulary::Region: return u"Regions"_s;
    case Vocabulary::CareerStage: return u"Career stages"_s;
    case Vocabulary::ClinicalArea: return u"Clinical areas"_s;
    }
    return model::toString(vocabulary);
}

QString sectionTitle(ItemType type)
{
    switch (type) {
    case ItemType::Curriculum: return u"Curricula"_s;
    case ItemType::Pathway: return u"Career pathways"_s;
    case ItemType::Page: return u"Pages"_s;
    case ItemType::Resource: return u"Resources"_s;
    case ItemType::News: return u"News"_s;
    case ItemType::FundingGuide: return u"Funding guides"_s;
    case ItemType::Policy: return u"Policies"_s;
    case ItemType::Portal: return u"Portals"_s;
    case ItemType::Bulletin: return u"Bulletins"_s;
    case ItemType::Term: return u"Topics"_s;
    }
    return model::toString(type);
}

QString ukDate(const QDate &date)
{
    static const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    return date.isValid() ? english.toString(date, u"d MMMM yyyy"_s) : QString();
}

// A TOML basic string.
QString toml(const QString &text)
{
    QString out = u"\""_s;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"': out += u"\\\""_s; break;
        case u'\\': out += u"\\\\"_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\t': out += u"\\t"_s; break;
        case u'\r': out += u"\\r"_s; break;
        default:
            if (u < 0x20 || u == 0x7f)
                out += u"\\u%1"_s.arg(int(u), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString tomlList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(toml(v));
    return u'[' + quoted.join(u", "_s) + u']';
}

// Text that Markdown must show as it is (titles in headings, lists and links).
QString mdText(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text.simplified()) {
        if (QStringView(u"\\`*_[]<>#|{}").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString mdLink(const QString &text, const QString &url)
{
    return u'[' + mdText(text) + u"](<"_s + QString(url).remove(u'>').remove(u'\n') + u">)"_s;
}

QString mdTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QString out = u"| "_s + headers.join(u" | "_s) + u" |\n|"_s;
    for (qsizetype i = 0; i < headers.size(); ++i)
        out += u" --- |"_s;
    out += u'\n';
    for (const QStringList &row : rows)
        out += u"| "_s + row.join(u" | "_s) + u" |\n"_s;
    return out;
}

QString quoted(const QString &markdown)
{
    QStringList lines = markdown.split(u'\n');
    for (QString &line : lines)
        line = line.isEmpty() ? u">"_s : u"> "_s + line;
    return lines.join(u'\n');
}

// The published items as a Hugo site's content: content/<type-plural>/<slug>.md (pages in
// content/pages/, the home page as content/_index.md, terms as their taxonomy's term pages,
// content/<taxonomy>/<slug>/_index.md), TOML front matter, and the body as Markdown with
// shortcodes for references: {{< policy >}} renders the policy's own content (Hugo's nearest
// equivalent of transclusion), {{< card >}} a resource's or pathway's card.
class HugoExport
{
public:
    HugoExport(const QHash<QUuid, Item> &items, QList<QUuid> ids) : m_items(items)
    {
        // The smaller id keeps a shared address, as on Carta's site.
        std::sort(ids.begin(), ids.end());
        QSet<QString> used;
        for (const QUuid &id : std::as_const(ids)) {
            const Item &item = m_items.value(id);
            const QString name = item.slug.isEmpty() ? model::idString(id) : item.slug;
            QString folder = model::toString(item.type());
            bool index = false;
            if (const auto *page = item.tryAs<model::PageFields>()) {
                folder = u"pages"_s;
                if (page->kind == model::PageKind::Home) {
                    if (used.contains(u"_index"_s))
                        continue; // a second home page: Carta shows one
                    used.insert(u"_index"_s);
                    m_files.insert(id, u"_index.md"_s);
                    m_pages.insert(id, QString());
                    continue;
                }
            } else if (const auto *term = item.tryAs<model::TermFields>()) {
                folder = taxonomyOf(term->vocabulary);
                index = true;
                m_termNames.insert(model::toString(term->vocabulary) + u'/' + item.slug, item.title);
            } else {
                folder = site::typePathSegment(item.type());
            }
            QString page = folder + u'/' + name;
            if (used.contains(page))
                page += u'-' + model::idString(id).left(8);
            used.insert(page);
            m_pages.insert(id, page);
            m_files.insert(id, index ? page + u"/_index.md"_s : page + u".md"_s);
        }
    }

    // The file Hugo writes for an item, relative to its destination.
    [[nodiscard]] QString outputOf(const QUuid &id) const
    {
        const QString page = m_pages.value(id);
        return page.isEmpty() ? u"index.html"_s : page + u"/index.html"_s;
    }

    [[nodiscard]] qsizetype size() const { return m_files.size(); }

    // Every item and the sections' and taxonomies' own pages; an error message, or empty.
    [[nodiscard]] QString writeAll(const QString &contentDir) const
    {
        for (ItemType type : model::allItemTypes()) {
            if (type == ItemType::Term)
                continue;
            const QString folder = type == ItemType::Page ? u"pages"_s : site::typePathSegment(type);
            if (QString error = write(contentDir, folder + u"/_index.md"_s,
                                      u"+++\ntitle = "_s + toml(sectionTitle(type)) + u"\n+++\n"_s);
                !error.isEmpty())
                return error;
        }
        for (Vocabulary v : model::allVocabularies()) {
            if (QString error = write(contentDir, taxonomyOf(v) + u"/_index.md"_s,
                                      u"+++\ntitle = "_s + toml(vocabularyTitle(v)) + u"\n+++\n"_s);
                !error.isEmpty())
                return error;
        }
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
            if (QString error = writeItem(contentDir, m_items.value(it.key())); !error.isEmpty())
                return error;
        }
        return QString();
    }

    [[nodiscard]] QString writeItem(const QString &contentDir, const Item &item) const
    {
        const QString file = m_files.value(item.id);
        if (file.isEmpty())
            return QString();
        return write(contentDir, file, frontMatter(item) + body(item));
    }

private:
    QString write(const QString &contentDir, const QString &relative, const QString &text) const
    {
        const QString path = contentDir + u'/' + relative;
        const QString folder = QFileInfo(path).path();
        if (!m_folders.contains(folder)) {
            if (!QDir().mkpath(folder))
                return u"cannot create "_s + folder;
            m_folders.insert(folder);
        }
        QFile out(path);
        const QByteArray bytes = text.toUtf8();
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
            return u"cannot write "_s + path;
        return QString();
    }

    [[nodiscard]] QString termName(Vocabulary vocabulary, const QString &slug) const
    {
        const QString name = m_termNames.value(model::toString(vocabulary) + u'/' + slug);
        if (!name.isEmpty() || slug.isEmpty())
            return name;
        QString readable = slug;
        readable.replace(u'-', u' ');
        readable[0] = readable.at(0).toUpper();
        return readable;
    }

    [[nodiscard]] const Item *find(const QUuid &id, ItemType type) const
    {
        const auto it = m_items.constFind(id);
        if (it == m_items.cend() || it->type() != type || !m_pages.contains(id))
            return nullptr;
        return &*it;
    }

    [[nodiscard]] QString frontMatter(const Item &item) const
    {
        const site::Card card = site::cardOf(item);
        QString out = u"+++\ntitle = "_s + toml(item.title) + u'\n';
        if (!item.summary.isEmpty())
            out += u"summary = "_s + toml(item.summary) + u'\n';
        if (!item.meta.description.isEmpty())
            out += u"description = "_s + toml(item.meta.description) + u'\n';
        if (card.date.isValid())
            out += u"date = "_s + card.date.toString(Qt::ISODate) + u'\n';
        QList<std::pair<QString, QString>> details;
        switch (item.type()) {
        case ItemType::Term: {
            const auto &f = item.as<model::TermFields>();
            out += u"weight = %1\nparent = "_s.arg(f.order + 1) + toml(f.parent) + u'\n';
            details.append({u"Vocabulary"_s, vocabularyTitle(f.vocabulary)});
            if (!f.parent.isEmpty())
                details.append({u"Part of"_s, termName(f.vocabulary, f.parent)});
            if (const Item *portal = find(f.portal, ItemType::Portal)) {
                out += u"portal = "_s + toml(u'/' + m_pages.value(portal->id)) + u'\n';
                details.append({u"Portal"_s, u"Go to "_s + portal->title});
            }
            break;
        }
        case ItemType::Curriculum: {
            const auto &f = item.as<model::CurriculumFields>();
            details.append({u"Version"_s, f.version});
            details.append({u"Effective from"_s, ukDate(f.effectiveFrom)});
            if (f.effectiveTo)
                details.append({u"Effective until"_s, ukDate(*f.effectiveTo)});
            break;
        }
        case ItemType::Pathway:
            details.append({u"Profession"_s, termName(Vocabulary::Profession, item.as<model::PathwayFields>().profession)});
            break;
        case ItemType::Page: {
            const auto &f = item.as<model::PageFields>();
            out += u"page_kind = "_s + toml(model::toString(f.kind)) + u'\n';
            if (f.kind == model::PageKind::RegionalHub)
                out += u"region = "_s + toml(item.tags.regions.isEmpty() ? item.slug : item.tags.regions.first()) + u'\n';
            if (f.kind == model::PageKind::ProfessionLanding && !item.tags.professions.isEmpty())
                out += u"profession = "_s + toml(item.tags.professions.first()) + u'\n';
            break;
        }
        case ItemType::Resource: {
            const auto &f = item.as<model::ResourceFields>();
            details.append({u"Published by"_s, f.publisher});
            details.append({u"Issued"_s, ukDate(f.issued)});
            break;
        }
        case ItemType::News: {
            const auto &f = item.as<model::NewsFields>();
            out += u"news_kind = "_s + toml(model::toString(f.kind)) + u'\n';
            details.append({u"Date"_s, ukDate(f.date)});
            details.append({u"Type"_s, f.kind == model::NewsKind::News ? u"News"_s : u"Training office update"_s});
            break;
        }
        case ItemType::FundingGuide: {
            const auto &f = item.as<model::FundingGuideFields>();
            details.append({u"Funding body"_s, f.fundingBody});
            details.append({u"Closing date"_s, f.deadline ? ukDate(*f.deadline) : u"No closing date"_s});
            break;
        }
        case ItemType::Policy: {
            const auto &f = item.as<model::PolicyFields>();
            out += u"reference = "_s + toml(f.reference) + u'\n';
            details.append({u"Reference"_s, f.reference});
            details.append({u"Effective from"_s, ukDate(f.effectiveFrom)});
            break;
        }
        case ItemType::Portal: {
            const auto &f = item.as<model::PortalFields>();
            details.append({u"Purpose"_s, f.purpose});
            details.append({u"Website"_s, f.url});
            break;
        }
        case ItemType::Bulletin:
            details.append({u"Subject"_s, item.as<model::BulletinFields>().subject});
            break;
        }
        if (item.type() != ItemType::Term) {
            // A pathway is listed under its profession and every career stage it passes through.
            QStringList professions = item.tags.professions;
            QStringList stages = item.tags.careerStages;
            for (const QString &s : card.stageCareerStages) {
                if (!stages.contains(s))
                    stages.append(s);
            }
            if (!card.profession.isEmpty() && !professions.contains(card.profession))
                professions.append(card.profession);
            const QList<std::pair<QString, QStringList>> taxonomies = {
                {u"professions"_s, professions},
                {u"specialties"_s, item.tags.specialties},
                {u"regions"_s, item.tags.regions},
                {u"career_stages"_s, stages},
                {u"clinical_areas"_s, item.tags.clinicalAreas}};
            for (const auto &[name, values] : taxonomies) {
                if (!values.isEmpty())
                    out += name + u" = "_s + tomlList(values) + u'\n';
            }
        }
        QStringList rows;
        for (const auto &[label, value] : std::as_const(details)) {
            if (!value.isEmpty())
                rows.append(u'[' + toml(label) + u", "_s + toml(value) + u']');
        }
        if (!rows.isEmpty())
            out += u"details = ["_s + rows.join(u", "_s) + u"]\n"_s;
        QStringList downloads;
        for (const model::Attachment &a : item.attachments) {
            const QString size = a.size < 1024 * 1024 ? u"%1 KB"_s.arg((a.size + 512) / 1024)
                                                       : u"%1 MB"_s.arg(double(a.size) / (1024.0 * 1024.0), 0, 'f', 1);
            const QString kind = a.mediaType == u"application/pdf"_s ? u"PDF"_s : a.mediaType;
            downloads.append(u'[' + toml(a.name) + u", "_s
                             + toml(u"files/"_s + a.sha256 + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(a.name)))
                             + u", "_s + toml(kind + u", "_s + size) + u']');
        }
        if (!downloads.isEmpty())
            out += u"downloads = ["_s + downloads.join(u", "_s) + u"]\n"_s;
        return out + u"+++\n"_s;
    }

    [[nodiscard]] QString reference(const model::Paragraph &p, ItemType type) const
    {
        if (const Item *target = find(p.target, type)) {
            const QString shortcode = type == ItemType::Policy ? u"policy"_s : u"card"_s;
            return u"{{< "_s + shortcode + u" \""_s + m_pages.value(target->id) + u"\" >}}"_s;
        }
        return u"> This item is not available."_s;
    }

    [[nodiscard]] QString body(const Item &item) const
    {
        QStringList blocks;
        for (const model::Paragraph &p : item.paragraphs) {
            switch (p.kind) {
            case ParagraphKind::Text:
                if (!p.markdown.trimmed().isEmpty())
                    blocks.append(p.markdown.trimmed());
                break;
            case ParagraphKind::Heading:
                if (!p.text.isEmpty())
                    blocks.append(QString(qBound(2, p.level, 4), u'#') + u' ' + mdText(p.text));
                break;
            case ParagraphKind::Callout:
                blocks.append(quoted((p.text.isEmpty() ? QString() : u"**"_s + mdText(p.text) + u"**\n\n"_s)
                                     + p.markdown.trimmed()));
                break;
            case ParagraphKind::LinkList: {
                if (!p.text.isEmpty())
                    blocks.append(u"## "_s + mdText(p.text));
                QStringList lines;
                for (const model::Link &l : p.links)
                    lines.append(u"- "_s + mdLink(l.title.isEmpty() ? l.url : l.title, l.url));
                if (!lines.isEmpty())
                    blocks.append(lines.join(u'\n'));
                break;
            }
            case ParagraphKind::LearningOutcomes: {
                if (!p.text.isEmpty())
                    blocks.append(mdText(p.text));
                const auto *curriculum = item.tryAs<model::CurriculumFields>();
                QStringList lines;
                for (const QString &code : p.outcomeCodes) {
                    QString title = u"(not a learning outcome of this curriculum)"_s;
                    if (curriculum) {
                        for (const model::LearningOutcome &lo : curriculum->learningOutcomes) {
                            if (lo.code == code)
                                title = lo.title;
                        }
                    }
                    lines.append(u"- **"_s + mdText(code) + u"** "_s + mdText(title));
                }
                if (!lines.isEmpty())
                    blocks.append(lines.join(u'\n'));
                break;
            }
            case ParagraphKind::PolicyRef: blocks.append(reference(p, ItemType::Policy)); break;
            case ParagraphKind::ResourceRef: blocks.append(reference(p, ItemType::Resource)); break;
            case ParagraphKind::PathwayRef: blocks.append(reference(p, ItemType::Pathway)); break;
            }
        }
        blocks += typeSections(item);
        return blocks.join(u"\n\n"_s) + u'\n';
    }

    static QString cell(const QString &title, const QString &description)
    {
        QString out = u"**"_s + mdText(title) + u"**"_s;
        if (!description.isEmpty())
            out += u" "_s + mdText(description);
        return out;
    }

    [[nodiscard]] QStringList typeSections(const Item &item) const
    {
        QStringList blocks;
        if (const auto *f = item.tryAs<model::CurriculumFields>()) {
            if (!f->learningOutcomes.isEmpty()) {
                QList<QStringList> rows;
                for (const model::LearningOutcome &lo : f->learningOutcomes)
                    rows.append({mdText(lo.code), cell(lo.title, lo.description)});
                blocks += {u"## Learning outcomes"_s, mdTable({u"Code"_s, u"Learning outcome"_s}, rows)};
            }
            if (!f->competencies.isEmpty()) {
                QList<QStringList> rows;
                for (const model::Competency &c : f->competencies)
                    rows.append({mdText(c.code), cell(c.title, c.description), mdText(c.outcomeCodes.join(u", "_s))});
                blocks += {u"## Competencies"_s, mdTable({u"Code"_s, u"Competency"_s, u"Learning outcomes"_s}, rows)};
            }
            if (!f->assessments.isEmpty()) {
                QList<QStringList> rows;
                for (const model::Assessment &a : f->assessments)
                    rows.append({mdText(model::toString(a.method)), mdText(a.description)});
                blocks += {u"## Assessment"_s, mdTable({u"Method"_s, u"How it is used"_s}, rows)};
            }
        } else if (const auto *w = item.tryAs<model::PathwayFields>()) {
            if (!w->stages.isEmpty())
                blocks.append(u"## Your journey"_s);
            int n = 0;
            for (const model::PathwayStage &stage : w->stages) {
                blocks.append(u"### %1. "_s.arg(++n) + mdText(stage.title));
                QStringList facts;
                if (!stage.careerStage.isEmpty())
                    facts.append(u"- Career stage: "_s + mdText(termName(Vocabulary::CareerStage, stage.careerStage)));
                if (stage.durationMonths > 0)
                    facts.append(u"- Duration: %1 months"_s.arg(stage.durationMonths));
                if (!stage.recruitmentWindow.isEmpty())
                    facts.append(u"- Recruitment: "_s + mdText(stage.recruitmentWindow));
                QStringList next;
                for (const QString &nextId : stage.next) {
                    for (const model::PathwayStage &other : w->stages) {
                        if (other.id == nextId)
                            next.append(mdText(other.title));
                    }
                }
                if (!next.isEmpty())
                    facts.append(u"- Next: "_s + next.join(u" or "_s));
                if (!facts.isEmpty())
                    blocks.append(facts.join(u'\n'));
                if (!stage.entryRequirements.trimmed().isEmpty())
                    blocks += {u"#### Entry requirements"_s, stage.entryRequirements.trimmed()};
                if (const Item *portal = find(stage.portal, ItemType::Portal)) {
                    const QString url = portal->as<model::PortalFields>().url;
                    blocks.append(mdLink(u"Apply through "_s + portal->title, url));
                } else if (!stage.portal.isNull()) {
                    blocks.append(u"The application portal for this stage is not available."_s);
                }
            }
        } else if (const auto *g = item.tryAs<model::FundingGuideFields>()) {
            if (!g->eligibility.trimmed().isEmpty())
                blocks += {u"## Who can apply"_s, g->eligibility.trimmed()};
        } else if (const auto *portal = item.tryAs<model::PortalFields>()) {
            if (!portal->url.isEmpty())
                blocks.append(mdLink(u"Go to "_s + item.title, portal->url));
        }
        return blocks;
    }

    const QHash<QUuid, Item> &m_items;
    QHash<QUuid, QString> m_files; // content-relative file of each item exported
    QHash<QUuid, QString> m_pages; // its Hugo page path ("policies/gold-guide"; "" for the home page)
    QHash<QString, QString> m_termNames; // "career_stage/foundation-year-1" -> title
    mutable QSet<QString> m_folders;     // made already
};

struct HugoRun
{
    double seconds = 0;
    double cpuSeconds = -1;
    qint64 maxRssKb = -1;
    QString output;
};

HugoRun runHugo(const QString &hugo, const QString &source, const QString &destination, const QString &scratch)
{
    HugoRun run;
    const QString timeFile = scratch + u"/hugo-time.txt"_s;
    QStringList arguments = {u"--quiet"_s,       u"--source"_s,  source, u"--destination"_s, destination,
                             u"--cacheDir"_s, scratch + u"/hugo-cache"_s};
    QString program = hugo;
    // GNU time reports the child's own peak; getrusage(RUSAGE_CHILDREN) only the largest of all.
    const bool timed = QFileInfo(u"/usr/bin/time"_s).isExecutable();
    if (timed) {
        arguments = QStringList{u"-v"_s, u"-o"_s, timeFile, hugo} + arguments;
        program = u"/usr/bin/time"_s;
    }
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(-1))
        fail(u"cannot start %1: %2"_s.arg(program, process.errorString()));
    process.waitForFinished(-1);
    run.seconds = secondsOf(timer);
    run.output = QString::fromUtf8(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(u"hugo failed (exit code %1):\n%2"_s.arg(process.exitCode()).arg(run.output));
    if (timed) {
        QFile report(timeFile);
        if (report.open(QIODevice::ReadOnly)) {
            double user = -1;
            double system = -1;
            for (const QString &line : QString::fromUtf8(report.readAll()).split(u'\n')) {
                const QString value = line.section(u':', -1).trimmed();
                if (line.contains(u"Maximum resident set size"_s))
                    run.maxRssKb = value.toLongLong();
                else if (line.contains(u"User time (seconds)"_s))
                    user = value.toDouble();
                else if (line.contains(u"System time (seconds)"_s))
                    system = value.toDouble();
            }
            if (user >= 0 && system >= 0)
                run.cpuSeconds = user + system;
        }
    } else {
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        run.maxRssKb = usage.ru_maxrss;
        run.cpuSeconds = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
    }
    return run;
}

struct OutputCount
{
    qint64 pages = 0;   // index.html files
    qint64 files = 0;
    qint64 written = 0; // files modified at or after `since`
};

OutputCount countOutput(const QString &dir, const QDateTime &since = QDateTime())
{
    OutputCount count;
    // A release's folders are links into <site>/objects (release.h): follow them.
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        ++count.files;
        if (info.fileName() == u"index.html"_s)
            ++count.pages;
        if (since.isValid() && info.lastModified() >= since)
            ++count.written;
    }
    return count;
}

QString hugoVersion(const QString &hugo)
{
    QProcess process;
    process.start(hugo, {u"version"_s});
    if (!process.waitForFinished(-1))
        fail(u"cannot run %1 version"_s.arg(hugo));
    const QRegularExpressionMatch m = QRegularExpression(u"v(\\d+\\.\\d+\\.\\d+)"_s).match(QString::fromUtf8(process.readAll()));
    return m.hasMatch() ? m.captured(1) : u"?"_s;
}

QStringList warningsOf(const QString &output)
{
    QStringList out;
    for (const QString &line : output.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            out.append(line);
    }
    return out;
}

// Copies bench/hugo (config and layouts) into the site folder the content is exported to.
void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(file, target))
            fail(u"cannot copy %1 to %2"_s.arg(file, target));
    }
}

void row(const QString &what, const QString &carta, const QString &hugo, const QString &ratio = QString())
{
    std::printf("%-58s %-20s %-20s %s\n", qUtf8Printable(what), qUtf8Printable(carta), qUtf8Printable(hugo),
                qUtf8Printable(ratio));
}

QString times(double ratio)
{
    return QString::number(ratio, 'f', ratio < 10 ? 1 : 0) + u"×"_s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int scale = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 10;
    const QString hugo = QStandardPaths::findExecutable(qEnvironmentVariable("CARTA_HUGO", u"hugo"_s));
    if (hugo.isEmpty())
        fail(u"hugo is not installed (apt install hugo), or set CARTA_HUGO"_s);
    if (!QFileInfo(QStringLiteral(CARTA_SITE_ASSETS_DIR)).isDir())
        fail(u"the site's assets are missing: build the carta_site_assets target"_s);

    QTemporaryDir tmp;
    if (!tmp.isValid())
        fail(u"no temporary directory"_s);
    const QString attachmentsDir = tmp.filePath(u"attachments"_s);

    // 1. The demo content: only what is published, as `live` holds it.
    QElapsedTimer timer;
    timer.start();
    PublishedSink sink(attachmentsDir);
    const demo::DemoStats stats = demo::generate(demo::DemoOptions{1, scale}, sink);
    if (!stats.ok())
        fail(stats.error);
    const qint64 rssGenerated = currentRssKb();
    progress(u"demo ×%1: %2 items generated, %3 published, %4 attachments, in %5 s"_s.arg(scale)
                 .arg(number(stats.items), number(sink.items.size()), number(sink.attachments))
                 .arg(fixed(secondsOf(timer), 1)));

    // The policy transcluded by the most published items.
    QHash<QUuid, int> referencedBy;
    for (const Item &item : std::as_const(sink.items)) {
        QSet<QUuid> targets;
        for (const model::Paragraph &p : item.paragraphs) {
            if (p.kind == ParagraphKind::PolicyRef && !p.target.isNull())
                targets.insert(p.target);
        }
        for (const QUuid &t : std::as_const(targets))
            ++referencedBy[t];
    }
    QUuid policyId;
    for (auto it = referencedBy.cbegin(); it != referencedBy.cend(); ++it) {
        const auto policy = sink.items.constFind(it.key());
        if (policy == sink.items.cend() || policy->type() != ItemType::Policy)
            continue;
        if (policyId.isNull() || it.value() > referencedBy.value(policyId)
            || (it.value() == referencedBy.value(policyId) && it.key() < policyId))
            policyId = it.key();
    }
    if (policyId.isNull())
        fail(u"no published item transcludes a policy"_s);
    const Item originalPolicy = sink.items.value(policyId);
    const int transcluders = referencedBy.value(policyId);
    QUuid witness; // a page that transcludes it, checked after each change
    QList<QUuid> transcluding;
    for (const QUuid &id : std::as_const(sink.ids)) {
        for (const model::Paragraph &p : sink.items.value(id).paragraphs) {
            if (p.kind == ParagraphKind::PolicyRef && p.target == policyId) {
                if (witness.isNull())
                    witness = id;
                if (transcluding.isEmpty() || transcluding.last() != id)
                    transcluding.append(id);
            }
        }
    }

    // For working on Carta's side alone: CARTA_BENCH_SITE_CARTA_ONLY=1 runs step 3 and stops
    // (no Hugo, no table, no figures for the report).
    const bool cartaOnly = qEnvironmentVariableIntValue("CARTA_BENCH_SITE_CARTA_ONLY") == 1;

    // 2. Hugo's content, exported before anything is timed.
    const QString hugoSite = tmp.filePath(u"hugo"_s);
    copyTree(QStringLiteral(CARTA_HUGO_SITE_DIR), hugoSite);
    timer.restart();
    const HugoExport hugoExport(sink.items, sink.ids);
    if (const QString error = cartaOnly ? QString() : hugoExport.writeAll(hugoSite + u"/content"_s); !error.isEmpty())
        fail(error);
    const double exportSeconds = secondsOf(timer);
    progress(u"Hugo content: %1 Markdown files in %2 s"_s.arg(number(hugoExport.size()), fixed(exportSeconds, 1)));

    // 3. Carta: a full publish, then one policy change at a time.
    const auto loader = [&sink](const QUuid &id) -> std::optional<Item> {
        const auto it = sink.items.constFind(id);
        if (it == sink.items.cend())
            return std::nullopt;
        return *it;
    };
    const auto commitOf = [](int n) { return QString::number(n + 1, 16).rightJustified(40, u'0'); };
    const QString siteDir = tmp.filePath(u"site"_s);
    Publish full;
    QList<Publish> edits;
    qint64 rssAfterFull = 0;
    qint64 peakCarta = 0;
    qsizetype attachmentFiles = 0;
    qint64 releaseFiles = 0;
    qint64 releaseFolders = 0;
    QString witnessSection;          // the biggest section folder holding a transcluding page ("/news/")
    qint64 witnessSectionFolders = 0; // its folders: a change re-links every one of them
    double pruneSeconds = 0;
    {
        // What was written before is on disk before the timing starts: the attachments stand
        // for the server's attachment store, which the server syncs at each upload, and
        // Hugo's content is Hugo's input. The whole build's syncfs(2) would otherwise write
        // them back too and count them as Carta's commit.
        ::sync();
        timer.restart();
        site::SiteBuilder builder(kSite, loader);
        auto opened = site::ReleaseStore::open(siteDir);
        if (!opened)
            fail(opened.errorString());
        site::ReleaseStore store = std::move(opened).value();
        QList<site::LiveChange> changes;
        changes.reserve(sink.ids.size());
        for (const QUuid &id : std::as_const(sink.ids))
            changes.append(site::LiveChange{id, true, std::nullopt});
        // The publisher's order.
        std::sort(changes.begin(), changes.end(),
                  [](const site::LiveChange &a, const site::LiveChange &b) { return a.id < b.id; });
        full = publish(builder, store, changes, QString(), commitOf(0), attachmentsDir);
        full.seconds = secondsOf(timer); // with the builder and the store opened
        rssAfterFull = currentRssKb();
        for (auto it = builder.files().cbegin(); it != builder.files().cend(); ++it) {
            if (it.value().startsWith("file:"))
                ++attachmentFiles;
        }
        progress(u"Carta full publish: %1 pages, %2 files in %3 s"_s.arg(number(full.pages), number(full.files),
                                                                          fixed(full.seconds, 1)));
        const QString witnessFile = siteDir + u"/current"_s + builder.pathOf(witness) + u"index.html"_s;
        QSet<QString> sections;
        for (const QUuid &id : std::as_const(transcluding))
            sections.insert(u'/' + builder.pathOf(id).section(u'/', 1, 1) + u'/');
        for (const QString &section : std::as_const(sections)) {
            const auto folders = qint64(QDir(siteDir + u"/current"_s + section).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
            if (folders > witnessSectionFolders) {
                witnessSection = section;
                witnessSectionFolders = folders;
            }
        }
        QString base = full.release;
        for (int n = 1; n <= kEdits; ++n) {
            // Each change starts with nothing left to write back: the full publish's ~3 GB
            // (at ×10) would otherwise reach the disk during the first changes and time
            // the writeback with them; a real change comes long after the last publish.
            ::sync();
            sink.items.insert(policyId, editedPolicy(originalPolicy, n));
            const Publish edit = publish(builder, store, {site::LiveChange{policyId, true, std::nullopt}}, base,
                                         commitOf(n), attachmentsDir);
            if (!fileContains(witnessFile, marker(n)))
                fail(u"Carta's change %1 is not on %2"_s.arg(n).arg(witnessFile));
            base = edit.release;
            edits.append(edit);
            progress(u"Carta change %1: %2 ms (rendering and writing %3, committing %4; CPU %5, kernel %6), %7 pages "
                     "rendered, %8 files written"_s.arg(n)
                         .arg(fixed(edit.seconds * 1000, 0), fixed(edit.applySeconds * 1000, 0),
                              fixed(edit.commitSeconds * 1000, 0), fixed(edit.cpuSeconds * 1000, 0),
                              fixed(edit.kernelSeconds * 1000, 0), number(edit.pages), number(edit.written)));
        }
        peakCarta = peakRssKb();
        const OutputCount release = countOutput(siteDir + u"/current/"_s);
        releaseFiles = release.files;
        QDirIterator folders(siteDir + u"/current/"_s, QDir::Dirs | QDir::NoDotAndDotDot,
                             QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (folders.hasNext()) {
            folders.next();
            ++releaseFolders;
        }
        // Once `keep` releases exist, every publish also removes the oldest one after its
        // switch (publisher.cpp): remove all but the newest here, the first (a whole build,
        // sharing most of its objects with the others) among them.
        timer.restart();
        auto pruned = store.prune(1);
        if (!pruned)
            fail(u"cannot prune: "_s + pruned.errorString());
        pruneSeconds = secondsOf(timer) / std::max(1, pruned.value());
        progress(u"Removing %1 old releases: %2 ms each"_s.arg(pruned.value()).arg(fixed(pruneSeconds * 1000, 1)));
    }
    sink.items.insert(policyId, originalPolicy);
    if (cartaOnly)
        return 0;

    // 4. Hugo: a full build into a fresh folder, then the same change and a second build.
    const QString hugoOut = tmp.filePath(u"hugo-public"_s);
    const QString version = hugoVersion(hugo);
    const HugoRun hugoFull = runHugo(hugo, hugoSite, hugoOut, tmp.path());
    const OutputCount hugoFullCount = countOutput(hugoOut);
    const QString hugoWitness = hugoOut + u'/' + hugoExport.outputOf(witness);
    if (!fileContains(hugoWitness, u"carta-transcluded"_s))
        fail(u"Hugo did not transclude the policy into "_s + hugoWitness);
    progress(u"Hugo full build: %1 pages, %2 files in %3 s"_s.arg(number(hugoFullCount.pages), number(hugoFullCount.files),
                                                                   fixed(hugoFull.seconds, 1)));
    const int hugoEdit = kEdits + 1;
    if (const QString error = hugoExport.writeItem(hugoSite + u"/content"_s, editedPolicy(originalPolicy, hugoEdit));
        !error.isEmpty())
        fail(error);
    const QDateTime since = QDateTime::currentDateTime();
    const HugoRun hugoChange = runHugo(hugo, hugoSite, hugoOut, tmp.path());
    if (!fileContains(hugoWitness, marker(hugoEdit)))
        fail(u"Hugo's change is not on "_s + hugoWitness);
    const OutputCount hugoChangeCount = countOutput(hugoOut, since);
    progress(u"Hugo after the change: %1 s, %2 files written"_s.arg(fixed(hugoChange.seconds, 1), number(hugoChangeCount.written)));

    // 5. The table.
    QList<double> editMs;
    double maxMs = 0;
    QList<double> applyMs;
    QList<double> commitMs;
    QList<double> cpuMs;
    QList<double> kernelMs;
    for (const Publish &e : std::as_const(edits)) {
        cpuMs.append(e.cpuSeconds * 1000);
        kernelMs.append(e.kernelSeconds * 1000);
        editMs.append(e.seconds * 1000);
        applyMs.append(e.applySeconds * 1000);
        commitMs.append(e.commitSeconds * 1000);
        maxMs = std::max(maxMs, e.seconds * 1000);
    }
    std::sort(editMs.begin(), editMs.end());
    const double medianMs = editMs.at(editMs.size() / 2);
    const double cartaRate = double(full.pages) / full.seconds;
    const double hugoRate = double(hugoFullCount.pages) / hugoFull.seconds;

    std::printf("\n");
    row(u"site publish, demo scale %1 (%2 published items)"_s.arg(scale).arg(number(sink.items.size())), u"Carta"_s,
        u"Hugo "_s + version, u"ratio"_s);
    row(u"full build: pages"_s, number(full.pages), number(hugoFullCount.pages));
    row(u"full build: files"_s, number(full.files), number(hugoFullCount.files));
    row(u"full build: seconds"_s, fixed(full.seconds, 1), fixed(hugoFull.seconds, 1));
    row(u"full build: pages per second"_s, number(qint64(cartaRate)), number(qint64(hugoRate)), times(cartaRate / hugoRate));
    row(u"full build: CPU seconds (user + system)"_s, fixed(full.cpuSeconds, 1),
        hugoFull.cpuSeconds < 0 ? u"?"_s : fixed(hugoFull.cpuSeconds, 1));
    row(u"one policy change (transcluded by %1 pages): ms"_s.arg(number(transcluders)),
        u"%1 (max %2)"_s.arg(fixed(medianMs, 0), fixed(maxMs, 0)), number(qint64(hugoChange.seconds * 1000)),
        times(hugoChange.seconds * 1000 / medianMs));
    row(u"one policy change: rendering and writing, ms (median)"_s, median(applyMs), QString());
    row(u"one policy change: committing the release, ms (median)"_s, median(commitMs), QString());
    row(u"one policy change: CPU ms, all / in the kernel (median)"_s, median(cpuMs) + u" / "_s + median(kernelMs), QString());
    row(u"removing an old release, after the switch: ms"_s, fixed(pruneSeconds * 1000, 0), QString());
    row(u"one policy change: pages rendered"_s, number(edits.first().pages), u"all ("_s + number(hugoFullCount.pages) + u')');
    row(u"one policy change: files written"_s, number(edits.first().written), number(hugoChangeCount.written));
    row(u"peak RSS"_s, megabytes(peakCarta), megabytes(std::max(hugoFull.maxRssKb, hugoChange.maxRssKb)));

    std::printf("\nCarta: SiteBuilder and ReleaseStore as carta-syncd's publisher uses them, items handed out from\n"
                "memory (the server reads each from git and parses its JSON: parsing all %s published items took\n"
                "%.1f s here, outside the timings). Full build: %.1f s rendering and writing every page, listing,\n"
                "feed, sitemap and search shard, %.1f s committing (hard links for %s attachments and the assets,\n"
                "a folder object per folder, syncfs, switching `current`). Rendering on %d threads (the default:\n"
                "one per core, up to 4). A release is %s files in %s\n"
                "folders; a change makes new folder objects only for the folders it touched (release.h) and takes\n"
                "the other folders, and the %s files it did not write, from the release before. Old releases\n"
                "(%d are kept) are removed after the switch, with the folder objects no kept release uses\n"
                "(\"removing\": measured apart, not in the change's figures). Before the full build and each change,\n"
                "sync(2) writes back what came before (the generated attachments stand for the server's store,\n"
                "which it syncs at each upload), so a build's syncfs writes back only what the build wrote.\n",
                qUtf8Printable(number(sink.items.size())), double(sink.parseNanoseconds) / 1e9, full.applySeconds,
                full.commitSeconds, qUtf8Printable(number(attachmentFiles)), std::min(4, QThread::idealThreadCount()),
                qUtf8Printable(number(releaseFiles)),
                qUtf8Printable(number(releaseFolders)), qUtf8Printable(number(edits.first().files - edits.first().written)),
                kKeepReleases);
    std::printf("Hugo: `hugo --quiet` on the same items as Markdown (bench/hugo; export %.1f s, not timed) writes\n"
                "its pages, section lists (100 a page), taxonomy and term pages, RSS for each, the sitemap and\n"
                "robots.txt; no attachments, no assets, no search index, no fsync. It uses every core (%d here).\n"
                "Hugo's CLI has no incremental mode: after the change it builds everything again (only\n"
                "`hugo server` rebuilds incrementally, in memory).\n",
                exportSeconds, QThread::idealThreadCount());
    std::printf("Memory: this process %s after generating the content (the items stay in memory), %s after the\n"
                "full publish, peak %s; Hugo peak %s (full build), %s (after the change).\n",
                qUtf8Printable(megabytes(rssGenerated)), qUtf8Printable(megabytes(rssAfterFull)),
                qUtf8Printable(megabytes(peakCarta)), qUtf8Printable(megabytes(hugoFull.maxRssKb)),
                qUtf8Printable(megabytes(hugoChange.maxRssKb)));

    // Figures for the report: the table's numbers without the thousands separators.
    bench::figure(u"site.full"_s, u"full site publish"_s, QString::number(qint64(cartaRate)), u"pages/s"_s, u">=2000"_s,
                  u"%1 pages in %2 s: %3 s rendering and writing every page, listing, feed, sitemap and search shard, "
                  "%4 s committing the release (links, folder objects, syncfs); rendering on %5 threads (Hugo uses %6 cores). "
                  "Less to render per page, or committing while rendering, would raise it."_s
                      .arg(full.pages).arg(fixed(full.seconds, 1), fixed(full.applySeconds, 1), fixed(full.commitSeconds, 1))
                      .arg(std::min(4, QThread::idealThreadCount())).arg(QThread::idealThreadCount()),
                  {{u"Hugo "_s + version, QString::number(qint64(hugoRate))}});
    bench::figure(u"site.change"_s, u"publish after one policy change (median)"_s, fixed(medianMs, 0), u"ms"_s, u"<=1000"_s,
                  u"the policy is transcluded by %1 pages; %2 pages rendered and %3 files written; median %4 ms rendering "
                  "and writing, %5 ms committing the release; max %6 ms over %7 changes. The change takes a median %8 ms "
                  "of CPU on the machine's %9 cores, %10 ms of it in the kernel. The policy's body is rendered once and "
                  "reused by every page; each page's own content is rendered again. Each re-rendered page is a new "
                  "folder, a new file and a new link; its parent becomes a new folder object that links every "
                  "unchanged child again (the biggest, %11, has %12 folders). Fewer links per "
                  "change (big folders re-linked whole) and less rendering per page would close it."_s.arg(transcluders)
                      .arg(edits.first().pages).arg(edits.first().written).arg(median(applyMs), median(commitMs), fixed(maxMs, 0))
                      .arg(kEdits).arg(median(cpuMs)).arg(QThread::idealThreadCount()).arg(median(kernelMs))
                      .arg(witnessSection, number(witnessSectionFolders)),
                  {{u"Hugo "_s + version + u" (rebuilds everything)"_s, QString::number(qint64(hugoChange.seconds * 1000))}});

    const QStringList warnings = warningsOf(hugoFull.output) + warningsOf(hugoChange.output);
    if (warnings.isEmpty()) {
        std::printf("Hugo printed no warnings.\n");
    } else {
        std::printf("Hugo printed %lld lines:\n", static_cast<long long>(warnings.size()));
        for (const QString &line : warnings.mid(0, 10))
            std::printf("  %s\n", qUtf8Printable(line));
    }
    std::fflush(stdout);
    progress(u"removing %1"_s.arg(tmp.path()));
    return 0;
}
