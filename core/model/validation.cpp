// Content rules with field paths.
#include "validation.h"

#include "json.h"

#include <QRegularExpression>

namespace carta::model {

void Catalogue::add(const Item &item)
{
    addItem(item.id, item.type());
    if (const auto *term = item.tryAs<TermFields>())
        addTerm(term->vocabulary, item.slug);
}

void Catalogue::addTerm(Vocabulary vocabulary, const QString &slug)
{
    m_terms.insert(toString(vocabulary) + QLatin1Char('/') + slug);
}

void Catalogue::addItem(const QUuid &id, ItemType type)
{
    m_items.insert(id, type);
}

bool Catalogue::hasTerm(Vocabulary vocabulary, const QString &slug) const
{
    return m_terms.contains(toString(vocabulary) + QLatin1Char('/') + slug);
}

std::optional<ItemType> Catalogue::itemType(const QUuid &id) const
{
    auto it = m_items.constFind(id);
    if (it == m_items.constEnd())
        return std::nullopt;
    return *it;
}

bool isValidSlug(const QString &slug)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*\\z"));
    return !slug.isEmpty() && slug.size() <= Limits::kSlug && pattern.match(slug).hasMatch();
}

namespace {

enum class Lines { Single, Multi };

QString at(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString dot(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

class Checker
{
public:
    Checker(const Item &item, const ValidationContext *context) : m_item(item), m_context(context) {}

    Issues run()
    {
        checkCommon();
        std::visit([this](const auto &f) { checkFields(f); }, m_item.fields);
        const qsizetype bytes = serialize(m_item).size();
        if (bytes > Limits::kItemBytes)
            fail(QString(), QStringLiteral("the item is %1 bytes in canonical form; the limit is %2 bytes")
                                .arg(bytes).arg(Limits::kItemBytes));
        return m_issues;
    }

private:
    void fail(const QString &path, const QString &message) { m_issues.append(Issue{path, message}); }

    // Text hygiene: valid Unicode, no control characters (tab and line feed allowed in
    // multi-line text), a length limit, and optionally required.
    bool text(const QString &path, const QString &value, qsizetype maxLength, Lines lines, bool required = false)
    {
        if (required && value.trimmed().isEmpty()) {
            fail(path, QStringLiteral("must not be empty"));
            return false;
        }
        if (value.size() > maxLength) {
            fail(path, QStringLiteral("is %1 characters long; the limit is %2").arg(value.size()).arg(maxLength));
            return false;
        }
        if (!value.isValidUtf16()) {
            fail(path, QStringLiteral("contains invalid Unicode (a lone surrogate)"));
            return false;
        }
        for (qsizetype i = 0; i < value.size(); ++i) {
            const char16_t c = value.at(i).unicode();
            if (lines == Lines::Single && (c == 0x2028 || c == 0x2029)) {
                fail(path, QStringLiteral("must be a single line"));
                return false;
            }
            const bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
            if (!control)
                continue;
            if (lines == Lines::Multi && (c == u'\n' || c == u'\t'))
                continue;
            if (c == u'\n') {
                fail(path, QStringLiteral("must be a single line"));
                return false;
            }
            fail(path, QStringLiteral("contains the control character U+%1 at position %2")
                           .arg(QString::number(c, 16).toUpper().rightJustified(4, QLatin1Char('0')))
                           .arg(i + 1));
            return false;
        }
        return true;
    }

    void listSize(const QString &path, qsizetype size, qsizetype limit = Limits::kListEntries)
    {
        if (size > limit)
            fail(path, QStringLiteral("has %1 entries; the limit is %2").arg(size).arg(limit));
    }

    // Ids of entries in keyed lists (paragraphs, stages, outcomes...): present, short, unique.
    void entryId(const QString &path, const QString &id, QHash<QString, qsizetype> &seen, qsizetype index,
                 const QString &listPath)
    {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\z"));
        const QString idPath = dot(path, QStringLiteral("id"));
        if (!pattern.match(id).hasMatch()) {
            fail(idPath, id.isEmpty() ? QStringLiteral("must not be empty")
                                      : QStringLiteral("must be 1 to 64 letters, digits, - or _"));
            return;
        }
        auto it = seen.constFind(id);
        if (it != seen.constEnd())
            fail(idPath, QStringLiteral("\"%1\" is already used by %2").arg(id, at(listPath, *it)));
        else
            seen.insert(id, index);
    }

    void term(const QString &path, Vocabulary vocabulary, const QString &slug)
    {
        if (slug.isEmpty()) {
            fail(path, QStringLiteral("must not be empty"));
            return;
        }
        if (m_context && !m_context->hasTerm(vocabulary, slug))
            fail(path, QStringLiteral("unknown %1 \"%2\"").arg(vocabularyLabel(vocabulary), slug));
    }

    static QString vocabularyLabel(Vocabulary v)
    {
        switch (v) {
        case Vocabulary::Profession: return QStringLiteral("profession");
        case Vocabulary::Specialty: return QStringLiteral("specialty");
        case Vocabulary::Region: return QStringLiteral("region");
        case Vocabulary::CareerStage: return QStringLiteral("career stage");
        case Vocabulary::ClinicalArea: return QStringLiteral("clinical area");
        }
        return {};
    }

    void reference(const QString &path, const QUuid &target, ItemType expected, bool required)
    {
        if (target.isNull()) {
            if (required)
                fail(path, QStringLiteral("is required"));
            return;
        }
        if (target == m_item.id) {
            fail(path, QStringLiteral("must not refer to the item itself"));
            return;
        }
        if (!m_context)
            return;
        const auto type = m_context->itemType(target);
        if (!type)
            fail(path, QStringLiteral("refers to %1 %2, which does not exist").arg(toString(expected), idString(target)));
        else if (*type != expected)
            fail(path, QStringLiteral("refers to %1, which is a %2, not a %3")
                           .arg(idString(target), toString(*type), toString(expected)));
    }

    void url(const QString &path, const QString &value, bool allowSitePath)
    {
        if (!text(path, value, Limits::kShortText, Lines::Single, true))
            return;
        static const QRegularExpression https(QStringLiteral("^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s]*)?\\z"));
        static const QRegularExpression sitePath(QStringLiteral("^/[^/\\s][^\\s]*\\z|^/\\z"));
        if (https.match(value).hasMatch() || (allowSitePath && sitePath.match(value).hasMatch()))
            return;
        fail(path, allowSitePath ? QStringLiteral("must be an https:// address or a site path starting with /")
                                 : QStringLiteral("must be an https:// address"));
    }

    void checkCommon()
    {
        if (m_item.id.isNull())
            fail(QStringLiteral("id"), QStringLiteral("must not be the nil UUID"));
        if (m_item.schemaVersion < 1 || m_item.schemaVersion > kCurrentSchemaVersion)
            fail(QStringLiteral("schema_version"), QStringLiteral("must be between 1 and %1").arg(kCurrentSchemaVersion));
        text(QStringLiteral("title"), m_item.title, Limits::kTitle, Lines::Single, true);
        if (m_item.slug.isEmpty())
            fail(QStringLiteral("slug"), QStringLiteral("must not be empty"));
        else if (m_item.slug.size() > Limits::kSlug)
            fail(QStringLiteral("slug"), QStringLiteral("is %1 characters long; the limit is %2").arg(m_item.slug.size()).arg(Limits::kSlug));
        else if (!isValidSlug(m_item.slug))
            fail(QStringLiteral("slug"), QStringLiteral("must be lowercase letters and digits in words joined by single hyphens, like \"core-surgical-training\""));
        text(QStringLiteral("summary"), m_item.summary, Limits::kSummary, Lines::Multi);

        const QString tagKeys[] = {QStringLiteral("professions"), QStringLiteral("specialties"), QStringLiteral("regions"),
                                   QStringLiteral("career_stages"), QStringLiteral("clinical_areas")};
        for (Vocabulary v : allVocabularies()) {
            const QString path = dot(QStringLiteral("tags"), tagKeys[static_cast<int>(v)]);
            const QStringList &list = m_item.tags.terms(v);
            listSize(path, list.size());
            QSet<QString> seen;
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (seen.contains(list[i]))
                    fail(at(path, i), QStringLiteral("\"%1\" is listed twice").arg(list[i]));
                seen.insert(list[i]);
                term(at(path, i), v, list[i]);
            }
        }

        const auto &s = m_item.schedule;
        for (const auto &[key, time] : {std::pair{QStringLiteral("publish_at"), s.publishAt},
                                        std::pair{QStringLiteral("unpublish_at"), s.unpublishAt}}) {
            if (time && (time->time().second() != 0 || time->time().msec() != 0))
                fail(dot(QStringLiteral("schedule"), key), QStringLiteral("must be on a whole minute"));
        }
        if (s.publishAt && s.unpublishAt && *s.unpublishAt <= *s.publishAt)
            fail(QStringLiteral("schedule.unpublish_at"), QStringLiteral("must be after schedule.publish_at"));

        text(QStringLiteral("meta.description"), m_item.meta.description, Limits::kMetaDescription, Lines::Single);
        listSize(QStringLiteral("meta.keywords"), m_item.meta.keywords.size());
        for (qsizetype i = 0; i < m_item.meta.keywords.size(); ++i)
            text(at(QStringLiteral("meta.keywords"), i), m_item.meta.keywords[i], 100, Lines::Single, true);

        listSize(QStringLiteral("paragraphs"), m_item.paragraphs.size(), Limits::kParagraphs);
        QHash<QString, qsizetype> paragraphIds;
        for (qsizetype i = 0; i < m_item.paragraphs.size(); ++i)
            paragraph(at(QStringLiteral("paragraphs"), i), m_item.paragraphs[i], paragraphIds, i);

        listSize(QStringLiteral("attachments"), m_item.attachments.size());
        QHash<QString, qsizetype> hashes;
        for (qsizetype i = 0; i < m_item.attachments.size(); ++i)
            attachment(at(QStringLiteral("attachments"), i), m_item.attachments[i], hashes, i);
    }

    void paragraph(const QString &path, const Paragraph &p, QHash<QString, qsizetype> &ids, qsizetype index)
    {
        entryId(path, p.id, ids, index, QStringLiteral("paragraphs"));
        switch (p.kind) {
        case ParagraphKind::Text:
            text(dot(path, QStringLiteral("markdown")), p.markdown, Limits::kLongText, Lines::Multi, true);
            break;
        case ParagraphKind::Heading:
            text(dot(path, QStringLiteral("text")), p.text, Limits::kTitle, Lines::Single, true);
            if (p.level < 2 || p.level > 4)
                fail(dot(path, QStringLiteral("level")), QStringLiteral("must be 2, 3 or 4"));
            break;
        case ParagraphKind::LearningOutcomes: {
            text(dot(path, QStringLiteral("text")), p.text, Limits::kShortText, Lines::Multi);
            const QString codesPath = dot(path, QStringLiteral("outcome_codes"));
            if (p.outcomeCodes.isEmpty())
                fail(codesPath, QStringLiteral("must list at least one learning outcome"));
            listSize(codesPath, p.outcomeCodes.size());
            const auto *curriculum = m_item.tryAs<CurriculumFields>();
            for (qsizetype i = 0; i < p.outcomeCodes.size(); ++i) {
                if (p.outcomeCodes.indexOf(p.outcomeCodes[i]) != i)
                    fail(at(codesPath, i), QStringLiteral("\"%1\" is listed twice").arg(p.outcomeCodes[i]));
                else if (curriculum && !hasOutcome(*curriculum, p.outcomeCodes[i]))
                    fail(at(codesPath, i), QStringLiteral("no learning outcome has the code \"%1\"").arg(p.outcomeCodes[i]));
                else
                    text(at(codesPath, i), p.outcomeCodes[i], 32, Lines::Single, true);
            }
            break;
        }
        case ParagraphKind::Callout:
            text(dot(path, QStringLiteral("text")), p.text, Limits::kTitle, Lines::Single);
            text(dot(path, QStringLiteral("markdown")), p.markdown, Limits::kLongText, Lines::Multi, true);
            break;
        case ParagraphKind::LinkList: {
            text(dot(path, QStringLiteral("text")), p.text, Limits::kTitle, Lines::Single);
            const QString linksPath = dot(path, QStringLiteral("links"));
            if (p.links.isEmpty())
                fail(linksPath, QStringLiteral("must have at least one link"));
            listSize(linksPath, p.links.size());
            for (qsizetype i = 0; i < p.links.size(); ++i) {
                text(dot(at(linksPath, i), QStringLiteral("title")), p.links[i].title, Limits::kTitle, Lines::Single, true);
                url(dot(at(linksPath, i), QStringLiteral("url")), p.links[i].url, true);
            }
            break;
        }
        case ParagraphKind::PolicyRef:
            reference(dot(path, QStringLiteral("target")), p.target, ItemType::Policy, true);
            break;
        case ParagraphKind::ResourceRef:
            reference(dot(path, QStringLiteral("target")), p.target, ItemType::Resource, true);
            break;
        case ParagraphKind::PathwayRef:
            reference(dot(path, QStringLiteral("target")), p.target, ItemType::Pathway, true);
            break;
        }
    }

    void attachment(const QString &path, const Attachment &a, QHash<QString, qsizetype> &hashes, qsizetype index)
    {
        static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}\\z"));
        static const QRegularExpression mediaType(QStringLiteral("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*\\z"));
        const QString shaPath = dot(path, QStringLiteral("sha256"));
        if (!sha.match(a.sha256).hasMatch()) {
            fail(shaPath, QStringLiteral("must be 64 lowercase hexadecimal digits"));
        } else if (hashes.contains(a.sha256)) {
            fail(shaPath, QStringLiteral("the same file is already attached at %1").arg(at(QStringLiteral("attachments"), hashes.value(a.sha256))));
        } else {
            hashes.insert(a.sha256, index);
        }
        const QString namePath = dot(path, QStringLiteral("name"));
        if (text(namePath, a.name, 255, Lines::Single, true)) {
            if (a.name.contains(QLatin1Char('/')) || a.name.contains(QLatin1Char('\\')))
                fail(namePath, QStringLiteral("must be a file name without / or \\"));
            else if (a.name.startsWith(QLatin1Char('.')))
                fail(namePath, QStringLiteral("must not start with a dot"));
            else if (auto bidi = std::find_if(a.name.cbegin(), a.name.cend(), [](QChar ch) {
                         const char16_t c = ch.unicode();
                         return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
                     });
                     bidi != a.name.cend())
                fail(namePath, QStringLiteral("contains U+%1, a bidirectional control character that can disguise a file's type")
                                   .arg(QString::number(bidi->unicode(), 16).toUpper()));
        }
        if (!mediaType.match(a.mediaType).hasMatch())
            fail(dot(path, QStringLiteral("media_type")), QStringLiteral("must be a media type like application/pdf"));
        if (a.size <= 0)
            fail(dot(path, QStringLiteral("size")), QStringLiteral("must be greater than 0"));
        else if (a.size > Limits::kAttachmentBytes)
            fail(dot(path, QStringLiteral("size")), QStringLiteral("is %1 bytes; the limit is %2 bytes").arg(a.size).arg(Limits::kAttachmentBytes));
    }

    static bool hasOutcome(const CurriculumFields &f, const QString &code)
    {
        return std::any_of(f.learningOutcomes.cbegin(), f.learningOutcomes.cend(),
                           [&](const LearningOutcome &lo) { return lo.code == code; });
    }

    void code(const QString &path, const QString &value, QHash<QString, qsizetype> &seen, qsizetype index,
              const QString &listPath, const QString &what)
    {
        static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9][A-Z0-9.-]{0,31}\\z"));
        if (value.isEmpty()) {
            fail(path, QStringLiteral("must not be empty"));
        } else if (!pattern.match(value).hasMatch()) {
            fail(path, QStringLiteral("must be up to 32 capital letters, digits, . or -, like \"CARD-LO-03\""));
        } else if (seen.contains(value)) {
            fail(path, QStringLiteral("%1 code \"%2\" is already used by %3").arg(what, value, at(listPath, seen.value(value))));
        } else {
            seen.insert(value, index);
        }
    }

    void requiredDate(const QString &path, const QDate &date)
    {
        if (!date.isValid())
            fail(path, QStringLiteral("is required"));
    }

    void checkFields(const CurriculumFields &f)
    {
        text(QStringLiteral("curriculum.version"), f.version, 50, Lines::Single, true);
        requiredDate(QStringLiteral("curriculum.effective_from"), f.effectiveFrom);
        if (f.effectiveTo && f.effectiveFrom.isValid() && *f.effectiveTo < f.effectiveFrom)
            fail(QStringLiteral("curriculum.effective_to"), QStringLiteral("must not be before curriculum.effective_from"));

        const QString loPath = QStringLiteral("curriculum.learning_outcomes");
        listSize(loPath, f.learningOutcomes.size());
        QHash<QString, qsizetype> ids, codes;
        for (qsizetype i = 0; i < f.learningOutcomes.size(); ++i) {
            const auto &lo = f.learningOutcomes[i];
            const QString path = at(loPath, i);
            entryId(path, lo.id, ids, i, loPath);
            code(dot(path, QStringLiteral("code")), lo.code, codes, i, loPath, QStringLiteral("learning outcome"));
            text(dot(path, QStringLiteral("title")), lo.title, Limits::kShortText, Lines::Single, true);
            text(dot(path, QStringLiteral("description")), lo.description, Limits::kLongText, Lines::Multi);
        }

        const QString cPath = QStringLiteral("curriculum.competencies");
        listSize(cPath, f.competencies.size());
        QHash<QString, qsizetype> cIds, cCodes;
        for (qsizetype i = 0; i < f.competencies.size(); ++i) {
            const auto &c = f.competencies[i];
            const QString path = at(cPath, i);
            entryId(path, c.id, cIds, i, cPath);
            code(dot(path, QStringLiteral("code")), c.code, cCodes, i, cPath, QStringLiteral("competency"));
            text(dot(path, QStringLiteral("title")), c.title, Limits::kShortText, Lines::Single, true);
            text(dot(path, QStringLiteral("description")), c.description, Limits::kLongText, Lines::Multi);
            for (qsizetype j = 0; j < c.outcomeCodes.size(); ++j) {
                if (!codes.contains(c.outcomeCodes[j]))
                    fail(at(dot(path, QStringLiteral("outcome_codes")), j),
                         QStringLiteral("no learning outcome has the code \"%1\"").arg(c.outcomeCodes[j]));
            }
        }

        const QString aPath = QStringLiteral("curriculum.assessments");
        listSize(aPath, f.assessments.size());
        QHash<QString, qsizetype> aIds;
        for (qsizetype i = 0; i < f.assessments.size(); ++i) {
            entryId(at(aPath, i), f.assessments[i].id, aIds, i, aPath);
            text(dot(at(aPath, i), QStringLiteral("description")), f.assessments[i].description, Limits::kLongText, Lines::Multi);
        }
    }

    void checkFields(const PathwayFields &f)
    {
        term(QStringLiteral("pathway.profession"), Vocabulary::Profession, f.profession);
        const QString sPath = QStringLiteral("pathway.stages");
        if (f.stages.isEmpty()) {
            fail(sPath, QStringLiteral("a pathway needs at least one stage"));
            return;
        }
        listSize(sPath, f.stages.size());
        QHash<QString, qsizetype> ids;
        for (qsizetype i = 0; i < f.stages.size(); ++i) {
            const PathwayStage &s = f.stages[i];
            const QString path = at(sPath, i);
            entryId(path, s.id, ids, i, sPath);
            text(dot(path, QStringLiteral("title")), s.title, Limits::kTitle, Lines::Single, true);
            term(dot(path, QStringLiteral("career_stage")), Vocabulary::CareerStage, s.careerStage);
            if (s.durationMonths <= 0)
                fail(dot(path, QStringLiteral("duration_months")), QStringLiteral("must be a positive number of months"));
            else if (s.durationMonths > 240)
                fail(dot(path, QStringLiteral("duration_months")), QStringLiteral("must be at most 240 months"));
            text(dot(path, QStringLiteral("entry_requirements")), s.entryRequirements, Limits::kLongText, Lines::Multi);
            reference(dot(path, QStringLiteral("portal")), s.portal, ItemType::Portal, true);
            text(dot(path, QStringLiteral("recruitment_window")), s.recruitmentWindow, Limits::kTitle, Lines::Single);
        }
        // Stage links: to existing stages, never to itself; acyclic; all reachable from the first.
        bool linksOk = true;
        for (qsizetype i = 0; i < f.stages.size(); ++i) {
            const PathwayStage &s = f.stages[i];
            for (qsizetype j = 0; j < s.next.size(); ++j) {
                const QString path = at(dot(at(sPath, i), QStringLiteral("next")), j);
                if (s.next[j] == s.id) {
                    fail(path, QStringLiteral("a stage cannot lead to itself"));
                    linksOk = false;
                } else if (!ids.contains(s.next[j])) {
                    fail(path, QStringLiteral("no stage has the id \"%1\"").arg(s.next[j]));
                    linksOk = false;
                } else if (s.next.indexOf(s.next[j]) != j) {
                    fail(path, QStringLiteral("\"%1\" is listed twice").arg(s.next[j]));
                    linksOk = false;
                }
            }
        }
        if (!linksOk || ids.size() != f.stages.size())
            return;
        // Depth-first search from the first stage: colours 0 = unseen, 1 = on the path, 2 = done.
        QList<int> colour(f.stages.size(), 0);
        QList<std::pair<qsizetype, qsizetype>> stack{{0, 0}};
        colour[0] = 1;
        while (!stack.isEmpty()) {
            auto &[node, edge] = stack.last();
            const QStringList &next = f.stages[node].next;
            if (edge >= next.size()) {
                colour[node] = 2;
                stack.removeLast();
                continue;
            }
            const qsizetype target = ids.value(next[edge]);
            const qsizetype from = node;
            ++edge;
            if (colour[target] == 1) {
                fail(at(dot(at(sPath, from), QStringLiteral("next")), next.indexOf(f.stages[target].id)),
                     QStringLiteral("leads back to stage \"%1\", making a cycle").arg(f.stages[target].id));
                return;
            }
            if (colour[target] == 0) {
                colour[target] = 1;
                stack.append({target, 0});
            }
        }
        for (qsizetype i = 0; i < f.stages.size(); ++i) {
            if (colour[i] == 0)
                fail(at(sPath, i), QStringLiteral("stage \"%1\" cannot be reached from the first stage").arg(f.stages[i].id));
        }
    }

    void checkFields(const PageFields &f)
    {
        if (f.kind == PageKind::RegionalHub && m_item.tags.regions.size() != 1)
            fail(QStringLiteral("tags.regions"), QStringLiteral("a regional hub page must have exactly one region"));
        if (f.kind == PageKind::ProfessionLanding && m_item.tags.professions.size() != 1)
            fail(QStringLiteral("tags.professions"), QStringLiteral("a profession landing page must have exactly one profession"));
    }

    void checkFields(const ResourceFields &f)
    {
        text(QStringLiteral("resource.publisher"), f.publisher, Limits::kTitle, Lines::Single);
    }

    void checkFields(const NewsFields &f)
    {
        requiredDate(QStringLiteral("news.date"), f.date);
    }

    void checkFields(const FundingGuideFields &f)
    {
        text(QStringLiteral("funding_guide.funding_body"), f.fundingBody, Limits::kTitle, Lines::Single, true);
        text(QStringLiteral("funding_guide.eligibility"), f.eligibility, Limits::kLongText, Lines::Multi);
    }

    void checkFields(const PolicyFields &f)
    {
        text(QStringLiteral("policy.reference"), f.reference, 50, Lines::Single, true);
        requiredDate(QStringLiteral("policy.effective_from"), f.effectiveFrom);
        if (!m_item.tags.regions.isEmpty())
            fail(QStringLiteral("tags.regions"), QStringLiteral("a policy is national and must not have a region"));
    }

    void checkFields(const PortalFields &f)
    {
        url(QStringLiteral("portal.url"), f.url, false);
        text(QStringLiteral("portal.purpose"), f.purpose, Limits::kShortText, Lines::Multi);
    }

    void checkFields(const BulletinFields &f)
    {
        text(QStringLiteral("bulletin.subject"), f.subject, Limits::kTitle, Lines::Single, true);
    }

    void checkFields(const TermFields &f)
    {
        if (!f.parent.isEmpty()) {
            if (f.parent == m_item.slug)
                fail(QStringLiteral("term.parent"), QStringLiteral("a term cannot be its own parent"));
            else
                term(QStringLiteral("term.parent"), f.vocabulary, f.parent);
        }
        if (f.order < 0)
            fail(QStringLiteral("term.order"), QStringLiteral("must not be negative"));
        reference(QStringLiteral("term.portal"), f.portal, ItemType::Portal, false);
        if (!m_item.tags.regions.isEmpty())
            fail(QStringLiteral("tags.regions"), QStringLiteral("taxonomy terms are national and must not have a region"));
    }

    const Item &m_item;
    const ValidationContext *m_context;
    Issues m_issues;
};

} // namespace

Issues validate(const Item &item, const ValidationContext *context)
{
    return Checker(item, context).run();
}

} // namespace carta::model
