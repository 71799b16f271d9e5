#include "render.h"

#include "markdown.h"
#include "render_p.h"

#include <QLocale>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carta::site {

using model::Item;
using model::ItemType;
using model::Paragraph;
using model::ParagraphKind;

namespace detail {

// Policies can reference policies: transclusion stops at this depth (and at any item
// already being rendered), showing a card without the body instead.
constexpr int kMaxTransclusionDepth = 3;

const QString kOrganisation = u"Health Education England"_s;

QString SummaryList::html() const
{
    if (m_rows.isEmpty())
        return QString();
    QString out = u"<dl class=\"nhsuk-summary-list\">\n"_s;
    for (const auto &[key, value] : m_rows) {
        out += u"<div class=\"nhsuk-summary-list__row\">\n<dt class=\"nhsuk-summary-list__key\">"_s + e(key)
            + u"</dt>\n<dd class=\"nhsuk-summary-list__value\">"_s + value + u"</dd>\n</div>\n"_s;
    }
    out += u"</dl>\n"_s;
    return out;
}

QString e(const QString &text)
{
    return escapeHtml(text);
}

// Dates as British readers expect them ("3 August 2022"), whatever the machine's locale.
QString ukDate(const QDate &date)
{
    static const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    return date.isValid() ? english.toString(date, u"d MMMM yyyy"_s) : QString();
}

QString plural(qint64 n, const QString &one, const QString &many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

QString duration(int months)
{
    if (months <= 0)
        return QString();
    const int years = months / 12;
    const int rest = months % 12;
    if (years == 0)
        return plural(rest, u"month"_s, u"months"_s);
    if (rest == 0)
        return plural(years, u"year"_s, u"years"_s);
    return plural(years, u"year"_s, u"years"_s) + u' ' + plural(rest, u"month"_s, u"months"_s);
}

QString fileSize(qint64 bytes)
{
    constexpr qint64 kKiB = 1024;
    constexpr qint64 kMiB = 1024 * 1024;
    if (bytes < kKiB)
        return plural(bytes, u"byte"_s, u"bytes"_s);
    if (bytes < kMiB)
        return QString::number((bytes + kKiB / 2) / kKiB) + u" KB"_s;
    return QString::number(static_cast<double>(bytes) / static_cast<double>(kMiB), 'f', 1) + u" MB"_s;
}

QString mediaTypeLabel(const QString &mediaType)
{
    static const QList<std::pair<QString, QString>> labels = {
        {u"application/pdf"_s, u"PDF"_s},
        {u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s, u"Word document"_s},
        {u"application/msword"_s, u"Word document"_s},
        {u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s, u"Excel spreadsheet"_s},
        {u"application/vnd.ms-excel"_s, u"Excel spreadsheet"_s},
        {u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s, u"PowerPoint presentation"_s},
        {u"application/vnd.oasis.opendocument.text"_s, u"OpenDocument text"_s},
        {u"text/csv"_s, u"CSV"_s},
        {u"text/plain"_s, u"Text"_s},
        {u"image/png"_s, u"PNG image"_s},
        {u"image/jpeg"_s, u"JPEG image"_s},
    };
    for (const auto &[type, label] : labels) {
        if (type == mediaType)
            return label;
    }
    return mediaType;
}

QString assessmentLabel(model::AssessmentMethod method)
{
    using model::AssessmentMethod;
    switch (method) {
    case AssessmentMethod::WorkplaceBased: return u"Workplace-based assessment"_s;
    case AssessmentMethod::Examination: return u"Examination"_s;
    case AssessmentMethod::Portfolio: return u"Portfolio"_s;
    case AssessmentMethod::Arcp: return u"Annual Review of Competence Progression (ARCP)"_s;
    case AssessmentMethod::Dops: return u"Direct Observation of Procedural Skills (DOPS)"_s;
    case AssessmentMethod::MiniCex: return u"Mini Clinical Evaluation Exercise (mini-CEX)"_s;
    case AssessmentMethod::CaseBasedDiscussion: return u"Case-based discussion (CbD)"_s;
    case AssessmentMethod::MultiSourceFeedback: return u"Multi-source feedback (MSF)"_s;
    case AssessmentMethod::Osce: return u"Objective Structured Clinical Examination (OSCE)"_s;
    }
    return model::toString(method);
}

namespace {

struct Names
{
    QString singular; // "Career pathway", "Career stage"
    QString plural;   // "Career pathways", "Career stages": section names
    QString noun;     // "career pathway": what a reference is to
};

const Names &typeNames(ItemType type)
{
    static const QList<Names> names = {
        {u"Curriculum"_s, u"Curricula"_s, u"curriculum"_s},
        {u"Career pathway"_s, u"Career pathways"_s, u"career pathway"_s},
        {u"Page"_s, u"Pages"_s, u"page"_s},
        {u"Resource"_s, u"Resources"_s, u"resource"_s},
        {u"News"_s, u"News"_s, u"news item"_s},
        {u"Funding guide"_s, u"Funding guides"_s, u"funding guide"_s},
        {u"Policy"_s, u"Policies"_s, u"policy"_s},
        {u"Portal"_s, u"Portals"_s, u"portal"_s},
        {u"Bulletin"_s, u"Bulletins"_s, u"bulletin"_s},
        {u"Topic"_s, u"Topics"_s, u"topic"_s},
    }; // in ItemType's order
    return names.at(static_cast<qsizetype>(type));
}

const Names &vocabularyNames(model::Vocabulary vocabulary)
{
    static const QList<Names> names = {
        {u"Profession"_s, u"Professions"_s, u"profession"_s},
        {u"Specialty"_s, u"Specialties"_s, u"specialty"_s},
        {u"Region"_s, u"Regions"_s, u"region"_s},
        {u"Career stage"_s, u"Career stages"_s, u"career stage"_s},
        {u"Clinical area"_s, u"Clinical areas"_s, u"clinical area"_s},
    }; // in Vocabulary's order
    return names.at(static_cast<qsizetype>(vocabulary));
}

} // namespace

QString vocabularyLabel(model::Vocabulary vocabulary)
{
    return vocabularyNames(vocabulary).singular;
}

QString vocabularyPlural(model::Vocabulary vocabulary)
{
    return vocabularyNames(vocabulary).plural;
}

QString typeLabel(ItemType type)
{
    return typeNames(type).singular;
}

QString typeSectionName(ItemType type)
{
    return typeNames(type).plural;
}

QString typeNoun(ItemType type)
{
    return typeNames(type).noun;
}

// "foundation-year-1" -> "Foundation year 1"
QString readableSlug(const QString &slug)
{
    QString text = slug;
    text.replace(u'-', u' ');
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// Summary text keeps the author's line breaks.
QString multiline(const QString &text)
{
    return e(text).replace(u'\n', u"<br>\n"_s);
}

// An nhsuk-table; header texts are plain, cells HTML.
QString table(const QStringList &headers, const QList<QStringList> &rows)
{
    QString out = u"<div class=\"nhsuk-table-container\">\n<table class=\"nhsuk-table\">\n"
                  u"<thead class=\"nhsuk-table__head\">\n<tr class=\"nhsuk-table__row\">\n"_s;
    for (const QString &header : headers)
        out += u"<th class=\"nhsuk-table__header\" scope=\"col\">"_s + e(header) + u"</th>\n"_s;
    out += u"</tr>\n</thead>\n<tbody class=\"nhsuk-table__body\">\n"_s;
    for (const QStringList &row : rows) {
        out += u"<tr class=\"nhsuk-table__row\">\n"_s;
        for (const QString &cell : row)
            out += u"<td class=\"nhsuk-table__cell\">"_s + cell + u"</td>\n"_s;
        out += u"</tr>\n"_s;
    }
    out += u"</tbody>\n</table>\n</div>\n"_s;
    return out;
}

QString heading(int level, const QString &text, const QString &cssClass)
{
    const QString tag = u'h' + QString::number(level);
    return u'<' + tag + u" class=\""_s + cssClass + u"\">"_s + e(text) + u"</"_s + tag + u">\n"_s;
}

QString missingNote(const QString &text)
{
    return u"<div class=\"nhsuk-inset-text carta-missing\">\n<p>"_s + e(text) + u"</p>\n</div>\n"_s;
}

} // namespace detail

namespace {

using namespace detail;

class BodyRenderer
{
public:
    explicit BodyRenderer(const RenderContext &context) : m_context(context) {}

    QString body(const Item &item)
    {
        m_stack.append(item.id);
        QString out = heading(1, item.title, u"nhsuk-heading-xl"_s);
        if (!item.summary.isEmpty())
            out += u"<p class=\"nhsuk-body-l\">"_s + multiline(item.summary) + u"</p>\n"_s;
        out += paragraphs(item, 0);
        out += typeFields(item);
        out += attachments(item);
        m_stack.removeLast();
        return out;
    }

private:
    [[nodiscard]] std::optional<Item> resolve(const QUuid &id) const
    {
        if (id.isNull() || !m_context.resolve)
            return std::nullopt;
        for (Recording *r : m_recordings)
            r->entry.resolved.append(id);
        return m_context.resolve(id);
    }

    [[nodiscard]] QString termName(model::Vocabulary vocabulary, const QString &slug) const
    {
        if (slug.isEmpty())
            return QString();
        for (Recording *r : m_recordings)
            r->entry.termNames.append({vocabulary, slug});
        const QString name = m_context.termName ? m_context.termName(vocabulary, slug) : QString();
        return name.isEmpty() ? readableSlug(slug) : name;
    }

    // A policy's paragraphs as transcluded at `depth`: from the cache when it holds them and
    // none of the items they show is being shown around them (that would have cut a loop).
    QString transcludedBody(const Item &policy, int depth)
    {
        TransclusionCache *cache = m_context.transclusions;
        const std::pair<QUuid, int> key{policy.id, depth};
        if (cache) {
            if (const auto it = cache->entries.constFind(key); it != cache->entries.cend()) {
                const TransclusionCache::Entry &entry = *it;
                const bool clear = std::none_of(entry.transcluded.cbegin(), entry.transcluded.cend(),
                                                [this](const QUuid &id) { return m_stack.contains(id); });
                if (clear) {
                    for (const QUuid &id : entry.resolved)
                        (void)resolve(id);
                    for (const auto &[vocabulary, slug] : entry.termNames)
                        (void)termName(vocabulary, slug);
                    for (Recording *r : m_recordings)
                        r->entry.transcluded += entry.transcluded;
                    return entry.html;
                }
            }
        }
        for (Recording *r : m_recordings)
            r->entry.transcluded.append(policy.id);
        Recording recording;
        m_recordings.append(&recording);
        m_stack.append(policy.id);
        recording.entry.transcluded.append(policy.id);
        QString body = paragraphs(policy, depth + 1);
        m_stack.removeLast();
        m_recordings.removeLast();
        if (recording.cutLoop) {
            for (Recording *r : m_recordings)
                r->cutLoop = true; // what it showed depended on what was around it
        } else if (cache) {
            recording.entry.html = body;
            cache->entries.insert(key, std::move(recording.entry));
        }
        return body;
    }

    // A link to a site path or an outside URL; just the text when the URL is not safe.
    [[nodiscard]] QString link(const QString &url, const QString &text, const QString &cssClass = QString()) const
    {
        if (url.isEmpty() || !isSafeUrl(url))
            return e(text);
        const QString href = url.startsWith(u'/') && !url.startsWith(u"//") ? m_context.baseUrl + url : url;
        QString out = u"<a"_s;
        if (!cssClass.isEmpty())
            out += u" class=\""_s + cssClass + u'"';
        return out + u" href=\""_s + e(href) + u"\">"_s + e(text) + u"</a>"_s;
    }

    [[nodiscard]] QString itemLink(const Item &item, const QString &cssClass = QString()) const
    {
        return link(pathFor(item, m_context), item.title, cssClass);
    }

    QString paragraphs(const Item &owner, int depth)
    {
        QString out;
        for (const Paragraph &p : owner.paragraphs)
            out += paragraph(owner, p, depth);
        return out;
    }

    QString paragraph(const Item &owner, const Paragraph &p, int depth)
    {
        switch (p.kind) {
        case ParagraphKind::Text:
            return markdownToHtml(p.markdown);
        case ParagraphKind::Heading: {
            if (p.text.isEmpty())
                return QString();
            const int level = qBound(2, p.level, 4);
            static const QStringList classes = {u"nhsuk-heading-l"_s, u"nhsuk-heading-m"_s, u"nhsuk-heading-s"_s};
            return heading(level, p.text, classes.at(level - 2));
        }
        case ParagraphKind::Callout:
            return callout(p);
        case ParagraphKind::LinkList:
            return linkList(p);
        case ParagraphKind::LearningOutcomes:
            return learningOutcomes(owner, p);
        case ParagraphKind::PolicyRef:
            return reference(p, ItemType::Policy, depth);
        case ParagraphKind::ResourceRef:
            return reference(p, ItemType::Resource, depth);
        case ParagraphKind::PathwayRef:
            return reference(p, ItemType::Pathway, depth);
        }
        return QString();
    }

    QString callout(const Paragraph &p) const
    {
        const QString body = markdownToHtml(p.markdown);
        if (p.style == model::CalloutStyle::Info) {
            QString out = u"<div class=\"nhsuk-inset-text\">\n<span class=\"nhsuk-u-visually-hidden\">Information: </span>\n"_s;
            if (!p.text.isEmpty())
                out += heading(2, p.text, u"nhsuk-heading-s"_s);
            return out + body + u"</div>\n"_s;
        }
        const QString kind = p.style == model::CalloutStyle::Warning ? u"Warning"_s : u"Important"_s;
        QString label;
        if (p.text.isEmpty())
            label = e(kind);
        else
            label = u"<span class=\"nhsuk-u-visually-hidden\">"_s + e(kind) + u": </span>"_s + e(p.text);
        return u"<div class=\"nhsuk-warning-callout\">\n<h2 class=\"nhsuk-warning-callout__label\"><span role=\"text\">"_s
            + label + u"</span></h2>\n"_s + body + u"</div>\n"_s;
    }

    QString linkList(const Paragraph &p) const
    {
        QString out;
        if (!p.text.isEmpty())
            out += heading(2, p.text, u"nhsuk-heading-m"_s);
        if (p.links.isEmpty())
            return out;
        out += u"<ul class=\"nhsuk-list\">\n"_s;
        for (const model::Link &l : p.links)
            out += u"<li>"_s + link(l.url, l.title.isEmpty() ? l.url : l.title) + u"</li>\n"_s;
        return out + u"</ul>\n"_s;
    }

    QString learningOutcomes(const Item &owner, const Paragraph &p) const
    {
        QString out;
        if (!p.text.isEmpty())
            out += u"<p>"_s + e(p.text) + u"</p>\n"_s;
        if (p.outcomeCodes.isEmpty())
            return out;
        const auto *curriculum = owner.tryAs<model::CurriculumFields>();
        out += u"<ul class=\"nhsuk-list nhsuk-list--bullet carta-outcomes\">\n"_s;
        for (const QString &code : p.outcomeCodes) {
            const model::LearningOutcome *outcome = nullptr;
            if (curriculum) {
                for (const model::LearningOutcome &lo : curriculum->learningOutcomes) {
                    if (lo.code == code) {
                        outcome = &lo;
                        break;
                    }
                }
            }
            out += u"<li><strong>"_s + e(code) + u"</strong> "_s;
            if (outcome)
                out += e(outcome->title);
            else
                out += u"<span class=\"carta-missing\">(not a learning outcome of this curriculum)</span>"_s;
            out += u"</li>\n"_s;
        }
        return out + u"</ul>\n"_s;
    }

    QString reference(const Paragraph &p, ItemType type, int depth)
    {
        const QString noun = typeNoun(type);
        if (p.target.isNull())
            return missingNote(u"No "_s + noun + u" has been chosen."_s);
        const std::optional<Item> target = resolve(p.target);
        if (!target || target->type() != type)
            return missingNote(u"This "_s + noun + u" is not available."_s);

        QString out = u"<div class=\"nhsuk-card carta-reference carta-reference--"_s + model::toString(type)
            + u"\">\n<div class=\"nhsuk-card__content\">\n"_s
            + u"<h2 class=\"nhsuk-card__heading nhsuk-heading-m\">"_s + itemLink(*target, u"nhsuk-card__link"_s)
            + u"</h2>\n"_s;
        if (!target->summary.isEmpty())
            out += u"<p class=\"nhsuk-card__description\">"_s + multiline(target->summary) + u"</p>\n"_s;
        if (type == ItemType::Policy) {
            // Published once, shown everywhere it is referenced.
            if (depth < kMaxTransclusionDepth && !m_stack.contains(target->id)) {
                const QString body = transcludedBody(*target, depth);
                if (!body.isEmpty())
                    out += u"<div class=\"carta-transcluded\">\n"_s + body + u"</div>\n"_s;
            } else if (depth < kMaxTransclusionDepth) {
                for (Recording *r : m_recordings)
                    r->cutLoop = true;
            }
            const auto &policy = target->as<model::PolicyFields>();
            QStringList facts;
            if (!policy.reference.isEmpty())
                facts.append(u"Policy "_s + e(policy.reference));
            if (policy.effectiveFrom.isValid())
                facts.append(u"effective from "_s + ukDate(policy.effectiveFrom));
            if (!facts.isEmpty())
                out += u"<p class=\"nhsuk-body-s\">"_s + facts.join(u", "_s) + u"</p>\n"_s;
        }
        return out + u"</div>\n</div>\n"_s;
    }

    QString typeFields(const Item &item) const
    {
        switch (item.type()) {
        case ItemType::Curriculum: return curriculum(item.as<model::CurriculumFields>());
        case ItemType::Pathway: return pathway(item.as<model::PathwayFields>());
        case ItemType::Page: return QString();
        case ItemType::Resource: {
            const auto &f = item.as<model::ResourceFields>();
            SummaryList list;
            list.add(u"Published by"_s, e(f.publisher));
            list.add(u"Issued"_s, ukDate(f.issued));
            return details(list);
        }
        case ItemType::News: {
            const auto &f = item.as<model::NewsFields>();
            SummaryList list;
            list.add(u"Date"_s, ukDate(f.date));
            list.add(u"Type"_s, f.kind == model::NewsKind::News ? u"News"_s : u"Training office update"_s);
            return details(list);
        }
        case ItemType::FundingGuide: {
            const auto &f = item.as<model::FundingGuideFields>();
            SummaryList list;
            list.add(u"Funding body"_s, e(f.fundingBody));
            list.add(u"Closing date"_s, f.deadline ? ukDate(*f.deadline) : u"No closing date"_s);
            QString out = details(list);
            if (!f.eligibility.trimmed().isEmpty())
                out += heading(2, u"Who can apply"_s, u"nhsuk-heading-m"_s) + markdownToHtml(f.eligibility);
            return out;
        }
        case ItemType::Policy: {
            const auto &f = item.as<model::PolicyFields>();
            SummaryList list;
            list.add(u"Reference"_s, e(f.reference));
            list.add(u"Effective from"_s, ukDate(f.effectiveFrom));
            return details(list);
        }
        case ItemType::Portal: {
            const auto &f = item.as<model::PortalFields>();
            SummaryList list;
            list.add(u"Purpose"_s, e(f.purpose));
            list.add(u"Website"_s, f.url.isEmpty() ? QString() : link(f.url, f.url));
            QString out = details(list);
            if (!f.url.isEmpty() && isSafeUrl(f.url))
                out += actionLink(f.url, u"Go to "_s + item.title);
            return out;
        }
        case ItemType::Bulletin: {
            SummaryList list;
            list.add(u"Subject"_s, e(item.as<model::BulletinFields>().subject));
            return details(list);
        }
        case ItemType::Term: {
            const auto &f = item.as<model::TermFields>();
            SummaryList list;
            list.add(u"Vocabulary"_s, vocabularyLabel(f.vocabulary));
            list.add(u"Part of"_s, e(termName(f.vocabulary, f.parent)));
            if (!f.portal.isNull())
                list.add(u"Portal"_s, portalLink(f.portal, u"Go to "_s));
            return details(list);
        }
        }
        return QString();
    }

    static QString details(const SummaryList &list)
    {
        if (list.isEmpty())
            return QString();
        return heading(2, u"Details"_s, u"nhsuk-heading-m"_s) + list.html();
    }

    // Callers check that the URL is safe.
    QString actionLink(const QString &url, const QString &text) const
    {
        const QString href = url.startsWith(u'/') && !url.startsWith(u"//") ? m_context.baseUrl + url : url;
        return u"<a class=\"nhsuk-action-link\" href=\""_s + e(href)
            + u"\"><svg class=\"nhsuk-icon nhsuk-icon--arrow-right-circle\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" focusable=\"false\" aria-hidden=\"true\">"
              u"<path d=\"M12 2a10 10 0 0 0-10 9h11.7l-4-4a1 1 0 0 1 1.5-1.4l5.6 5.7a1 1 0 0 1 0 1.4l-5.6 5.7a1 1 0 0 1-1.5 0 1 1 0 0 1 0-1.4l4-4H2A10 10 0 1 0 12 2z\"/></svg>"
              u"<span class=\"nhsuk-action-link__text\">"_s + e(text) + u"</span></a>\n"_s;
    }

    // "<prefix><portal title>" linking to the portal's site; a note when it cannot be found.
    QString portalLink(const QUuid &id, const QString &prefix) const
    {
        const std::optional<Item> portal = resolve(id);
        const auto *fields = portal ? portal->tryAs<model::PortalFields>() : nullptr;
        if (!fields)
            return u"<span class=\"carta-missing\">The portal is not available.</span>"_s;
        return link(fields->url, prefix + portal->title);
    }

    QString curriculum(const model::CurriculumFields &f) const
    {
        QString out;
        SummaryList about;
        about.add(u"Version"_s, e(f.version));
        about.add(u"Effective from"_s, ukDate(f.effectiveFrom));
        if (f.effectiveTo)
            about.add(u"Effective until"_s, ukDate(*f.effectiveTo));
        if (!about.isEmpty())
            out += heading(2, u"About this curriculum"_s, u"nhsuk-heading-m"_s) + about.html();

        if (!f.learningOutcomes.isEmpty()) {
            QList<QStringList> rows;
            for (const model::LearningOutcome &lo : f.learningOutcomes) {
                QString cell = u"<strong>"_s + e(lo.title) + u"</strong>"_s;
                if (!lo.description.isEmpty())
                    cell += u"<br>\n"_s + multiline(lo.description);
                rows.append({e(lo.code), cell});
            }
            out += heading(2, u"Learning outcomes"_s, u"nhsuk-heading-m"_s)
                + table({u"Code"_s, u"Learning outcome"_s}, rows);
        }
        if (!f.competencies.isEmpty()) {
            QList<QStringList> rows;
            for (const model::Competency &c : f.competencies) {
                QString cell = u"<strong>"_s + e(c.title) + u"</strong>"_s;
                if (!c.description.isEmpty())
                    cell += u"<br>\n"_s + multiline(c.description);
                rows.append({e(c.code), cell, e(c.outcomeCodes.join(u", "_s))});
            }
            out += heading(2, u"Competencies"_s, u"nhsuk-heading-m"_s)
                + table({u"Code"_s, u"Competency"_s, u"Learning outcomes"_s}, rows);
        }
        if (!f.assessments.isEmpty()) {
            QList<QStringList> rows;
            for (const model::Assessment &a : f.assessments)
                rows.append({e(assessmentLabel(a.method)), multiline(a.description)});
            out += heading(2, u"Assessment"_s, u"nhsuk-heading-m"_s)
                + table({u"Method"_s, u"How it is used"_s}, rows);
        }
        return out;
    }

    QString pathway(const model::PathwayFields &f) const
    {
        QString out;
        if (!f.profession.isEmpty()) {
            SummaryList about;
            about.add(u"Profession"_s, e(termName(model::Vocabulary::Profession, f.profession)));
            out += about.html();
        }
        if (f.stages.isEmpty())
            return out;
        out += heading(2, u"Your journey"_s, u"nhsuk-heading-l"_s);
        out += u"<ol class=\"nhsuk-list nhsuk-list--number carta-journey\">\n"_s;
        for (const model::PathwayStage &stage : f.stages) {
            out += u"<li class=\"carta-journey__stage\" id=\"stage-"_s + e(stage.id) + u"\">\n"_s;
            out += heading(3, stage.title, u"nhsuk-heading-m"_s);
            SummaryList facts;
            facts.add(u"Career stage"_s, e(termName(model::Vocabulary::CareerStage, stage.careerStage)));
            facts.add(u"Duration"_s, duration(stage.durationMonths));
            facts.add(u"Recruitment"_s, e(stage.recruitmentWindow));
            QStringList next;
            for (const QString &nextId : stage.next) {
                for (const model::PathwayStage &other : f.stages) {
                    if (other.id == nextId) {
                        next.append(u"<a href=\"#stage-"_s + e(other.id) + u"\">"_s + e(other.title) + u"</a>"_s);
                        break;
                    }
                }
            }
            facts.add(u"Next"_s, next.join(u" or "_s));
            out += facts.html();
            if (!stage.entryRequirements.trimmed().isEmpty())
                out += heading(4, u"Entry requirements"_s, u"nhsuk-heading-s"_s) + markdownToHtml(stage.entryRequirements);
            if (!stage.portal.isNull()) {
                const std::optional<Item> portal = resolve(stage.portal);
                const auto *fields = portal ? portal->tryAs<model::PortalFields>() : nullptr;
                if (fields && isSafeUrl(fields->url) && !fields->url.isEmpty())
                    out += actionLink(fields->url, u"Apply through "_s + portal->title);
                else
                    out += u"<p class=\"carta-missing\">The application portal for this stage is not available.</p>\n"_s;
            }
            out += u"</li>\n"_s;
        }
        return out + u"</ol>\n"_s;
    }

    QString attachments(const Item &item) const
    {
        if (item.attachments.isEmpty())
            return QString();
        QString out = heading(2, u"Downloads"_s, u"nhsuk-heading-m"_s) + u"<ul class=\"nhsuk-list carta-downloads\">\n"_s;
        for (const model::Attachment &a : item.attachments) {
            out += u"<li><a href=\""_s + e(attachmentUrl(a, m_context)) + u"\">"_s + e(a.name) + u"</a> ("_s
                + e(mediaTypeLabel(a.mediaType)) + u", "_s + fileSize(a.size) + u")</li>\n"_s;
        }
        return out + u"</ul>\n"_s;
    }

    // What rendering a transcluded body asked for, while it is rendered (to cache it).
    struct Recording
    {
        TransclusionCache::Entry entry;
        bool cutLoop = false; // it met an item being shown around it, and left it out
    };

    const RenderContext &m_context;
    QList<QUuid> m_stack; // items whose paragraphs are being rendered, outermost first
    QList<Recording *> m_recordings; // innermost last
};

} // namespace

QString typePathSegment(ItemType type)
{
    switch (type) {
    case ItemType::Curriculum: return u"curricula"_s;
    case ItemType::Pathway: return u"pathways"_s;
    case ItemType::Page: return u"pages"_s;
    case ItemType::Resource: return u"resources"_s;
    case ItemType::News: return u"news"_s;
    case ItemType::FundingGuide: return u"funding-guides"_s;
    case ItemType::Policy: return u"policies"_s;
    case ItemType::Portal: return u"portals"_s;
    case ItemType::Bulletin: return u"bulletins"_s;
    case ItemType::Term: return u"topics"_s;
    }
    return model::toString(type);
}

QString vocabularyPathSegment(model::Vocabulary vocabulary)
{
    using model::Vocabulary;
    switch (vocabulary) {
    case Vocabulary::Profession: return u"professions"_s;
    case Vocabulary::Specialty: return u"specialties"_s;
    case Vocabulary::Region: return u"regions"_s;
    case Vocabulary::CareerStage: return u"career-stages"_s;
    case Vocabulary::ClinicalArea: return u"clinical-areas"_s;
    }
    return model::toString(vocabulary);
}

QString itemPath(const Item &item)
{
    const QString name = item.slug.isEmpty() ? model::idString(item.id) : item.slug;
    if (const auto *page = item.tryAs<model::PageFields>()) {
        switch (page->kind) {
        case model::PageKind::Home: return u"/"_s;
        case model::PageKind::RegionalHub: return u"/regions/"_s + name + u'/';
        case model::PageKind::ProfessionLanding: return u"/professions/"_s + name + u'/';
        case model::PageKind::Landing: break;
        }
    }
    if (const auto *term = item.tryAs<model::TermFields>())
        return u"/topics/"_s + vocabularyPathSegment(term->vocabulary) + u'/' + name + u'/';
    return u'/' + typePathSegment(item.type()) + u'/' + name + u'/';
}

QString itemUrl(const Item &item, const RenderContext &context)
{
    return context.baseUrl + pathFor(item, context);
}

QString attachmentUrl(const model::Attachment &attachment, const RenderContext &context)
{
    return context.baseUrl + u"/files/"_s + attachment.sha256 + u'/'
        + QString::fromLatin1(QUrl::toPercentEncoding(attachment.name));
}

QString renderItemBody(const Item &item, const RenderContext &context)
{
    return BodyRenderer(context).body(item);
}

namespace detail {

QString pathFor(const Item &item, const RenderContext &context)
{
    if (context.pathOf) {
        const QString path = context.pathOf(item);
        if (!path.isEmpty())
            return path;
    }
    return itemPath(item);
}

QString absoluteUrl(const QString &path, const RenderContext &context)
{
    return (context.absoluteUrl.isEmpty() ? context.baseUrl : context.absoluteUrl) + path;
}

QString renderDocument(const PageFrame &frame, const RenderContext &context, const DocumentAssets &assets)
{
    const QString home = context.baseUrl + u'/';
    QString out = u"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                  u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"_s
        + e(frame.title) + u" - "_s + kOrganisation + u"</title>\n"_s;
    const QString description = frame.description.simplified();
    if (!description.isEmpty())
        out += u"<meta name=\"description\" content=\""_s + e(description) + u"\">\n"_s;
    const bool absolute = !context.absoluteUrl.isEmpty() || !context.baseUrl.isEmpty();
    if (absolute && !frame.path.isEmpty()) {
        const QString url = absoluteUrl(frame.path, context);
        out += u"<link rel=\"canonical\" href=\""_s + e(url) + u"\">\n"_s;
        out += u"<meta property=\"og:type\" content=\""_s + e(frame.ogType) + u"\">\n"_s
            + u"<meta property=\"og:site_name\" content=\""_s + kOrganisation + u"\">\n"_s
            + u"<meta property=\"og:title\" content=\""_s + e(frame.title) + u"\">\n"_s
            + u"<meta property=\"og:url\" content=\""_s + e(url) + u"\">\n"_s
            + u"<meta property=\"og:locale\" content=\"en_GB\">\n"_s;
        if (!description.isEmpty())
            out += u"<meta property=\"og:description\" content=\""_s + e(description) + u"\">\n"_s;
    }
    for (const QString &path : assets.stylesheetPaths)
        out += u"<link rel=\"stylesheet\" href=\""_s + e(context.baseUrl + path) + u"\">\n"_s;
    if (!assets.stylesheet.isEmpty()) {
        // "</" could end the element early; "<\/" means the same in CSS.
        QString css = assets.stylesheet;
        css.replace(u"</"_s, u"<\\/"_s);
        out += u"<style>\n"_s + css + u"\n</style>\n"_s;
    }
    if (!frame.jsonLd.isEmpty()) {
        // Inside <script>, "<" could start "</script>": JSON allows it escaped.
        QString json = frame.jsonLd;
        json.replace(u'<', u"\\u003c"_s);
        out += u"<script type=\"application/ld+json\">"_s + json + u"</script>\n"_s;
    }
    out += u"</head>\n<body>\n"_s;
    const bool site = !assets.stylesheetPaths.isEmpty();
    if (site) {
        // nhsuk-frontend styles and starts its components only under these classes.
        out += u"<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');</script>\n"_s;
    }
    out += u"<a class=\"nhsuk-skip-link\" data-module=\"nhsuk-skip-link\" href=\"#maincontent\">Skip to main content</a>\n"
           u"<header class=\"nhsuk-header\" data-module=\"nhsuk-header\" role=\"banner\">\n"
           u"<div class=\"nhsuk-header__container nhsuk-width-container\">\n<div class=\"nhsuk-header__service\">\n"
           u"<a class=\"nhsuk-header__service-logo\" href=\""_s
        + e(home) + u"\" aria-label=\""_s + kOrganisation + u" homepage\">"_s
        + u"<span class=\"nhsuk-header__service-name\">"_s + kOrganisation + u"</span></a>\n"_s
        + u"</div>\n"_s;
    if (site) {
        out += u"<search class=\"nhsuk-header__search\">\n<form class=\"nhsuk-header__search-form\" id=\"search\" action=\""_s
            + e(context.baseUrl + u"/search/"_s) + u"\" method=\"get\" novalidate>\n<div class=\"nhsuk-form-group\">\n"
              u"<label class=\"nhsuk-label nhsuk-u-visually-hidden\" for=\"search-field\">Search this site</label>\n"
              u"<div class=\"nhsuk-input-wrapper\">\n"
              u"<input class=\"nhsuk-input\" id=\"search-field\" name=\"q\" type=\"search\" autocomplete=\"off\">\n"
              u"<button class=\"nhsuk-button nhsuk-button--icon nhsuk-button--small\" data-module=\"nhsuk-button\" type=\"submit\" aria-label=\"Search\">"
              u"<svg class=\"nhsuk-icon nhsuk-icon--search\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" focusable=\"false\" aria-hidden=\"true\">"
              u"<path d=\"m20.7 18.9-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 10.6a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z\"/></svg>"
              u"</button>\n</div>\n</div>\n</form>\n</search>\n"_s;
    }
    out += u"</div>\n</header>\n"_s;
    if (!frame.breadcrumbs.isEmpty()) {
        out += u"<div class=\"nhsuk-width-container\">\n<nav class=\"nhsuk-breadcrumb\" aria-label=\"Breadcrumb\">\n"
               u"<ol class=\"nhsuk-breadcrumb__list\">\n"
               u"<li class=\"nhsuk-breadcrumb__list-item\"><a class=\"nhsuk-breadcrumb__link\" href=\""_s
            + e(home) + u"\">Home</a></li>\n"_s;
        for (const Crumb &crumb : frame.breadcrumbs) {
            out += u"<li class=\"nhsuk-breadcrumb__list-item\"><a class=\"nhsuk-breadcrumb__link\" href=\""_s
                + e(context.baseUrl + crumb.path) + u"\">"_s + e(crumb.name) + u"</a></li>\n"_s;
        }
        const Crumb &back = frame.breadcrumbs.last();
        out += u"</ol>\n<a class=\"nhsuk-back-link\" href=\""_s + e(context.baseUrl + back.path)
            + u"\"><span class=\"nhsuk-u-visually-hidden\">Back to </span>"_s + e(back.name) + u"</a>\n</nav>\n</div>\n"_s;
    }
    out += u"<div class=\"nhsuk-width-container\">\n<main class=\"nhsuk-main-wrapper\" id=\"maincontent\" role=\"main\">\n"
           u"<div class=\"nhsuk-grid-row\">\n<div class=\""_s
        + (frame.wide ? u"nhsuk-grid-column-full"_s : u"nhsuk-grid-column-two-thirds"_s) + u"\">\n"_s;
    out += frame.main;
    out += u"</div>\n</div>\n</main>\n</div>\n"
           u"<footer class=\"nhsuk-footer\" role=\"contentinfo\">\n<div class=\"nhsuk-width-container\">\n<div class=\"nhsuk-footer__meta\">\n"_s;
    if (site) {
        out += u"<h2 class=\"nhsuk-u-visually-hidden\">Support links</h2>\n<ul class=\"nhsuk-footer__list\">\n"
               u"<li class=\"nhsuk-footer__list-item\"><a class=\"nhsuk-footer__list-item-link\" href=\""_s
            + e(context.baseUrl + u"/topics/"_s) + u"\">Topics</a></li>\n"
              u"<li class=\"nhsuk-footer__list-item\"><a class=\"nhsuk-footer__list-item-link\" href=\""_s
            + e(context.baseUrl + u"/search/"_s) + u"\">Search</a></li>\n"
              u"<li class=\"nhsuk-footer__list-item\"><a class=\"nhsuk-footer__list-item-link\" href=\""_s
            + e(context.baseUrl + u"/sitemap.xml"_s) + u"\">Sitemap</a></li>\n</ul>\n"_s;
    }
    out += u"<p class=\"nhsuk-body-s\">&copy; "_s + kOrganisation + u"</p>\n</div>\n</div>\n</footer>\n"_s;
    for (const QString &path : assets.scriptPaths)
        out += u"<script src=\""_s + e(context.baseUrl + path) + u"\"></script>\n"_s;
    for (const QString &path : assets.modulePaths) {
        out += u"<script type=\"module\">import { initAll } from '"_s + e(context.baseUrl + path)
            + u"'; initAll();</script>\n"_s;
    }
    out += u"</body>\n</html>\n"_s;
    return out;
}

} // namespace detail

QString renderItemPage(const Item &item, const RenderContext &context, const QString &stylesheet)
{
    detail::PageFrame frame;
    frame.title = item.title;
    frame.description = item.meta.description.isEmpty() ? item.summary : item.meta.description;
    frame.path = detail::pathFor(item, context);
    frame.breadcrumbs = {{detail::typeSectionName(item.type()), u'/' + typePathSegment(item.type()) + u'/'}};
    frame.main = renderItemBody(item, context);
    detail::DocumentAssets assets;
    assets.stylesheet = stylesheet;
    return detail::renderDocument(frame, context, assets);
}

} // namespace carta::site
