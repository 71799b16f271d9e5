// The demo content generator: turns the national reference data into items of every type,
// deterministically from a seed. Every item gets its own random stream, keyed by what it is
// ("resource/0/123"), so ids can be computed before an item is generated (pages refer to
// policies, pathways and resources) and one kind of content never perturbs another.
#include "demo/generator.h"

#include "demo/pdf.h"
#include "demo/random.h"
#include "demo/taxonomy.h"
#include "model/validation.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <utility>

namespace carta::demo {

using namespace Qt::StringLiterals;
using namespace carta::model;

namespace {

// Sizes at scale 1.
constexpr int kResourcesPerScale = 10400;
constexpr int kNewsPerRegion = 150;
constexpr int kBulletinsPerScale = 40;

// Resources are placed by index so that pages can pick ones for a region or profession
// without generating them: index % 100 chooses the audience, (index / 100) % 8 the region
// (0 = national).
constexpr int kResourceBlock = 100;
constexpr int kResourceRegionSlots = 8;

const QTimeZone &london()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/London"));
    return zone;
}

QString monthName(int month)
{
    static const QStringList names{u"January"_s, u"February"_s, u"March"_s,     u"April"_s,   u"May"_s,      u"June"_s,
                                   u"July"_s,    u"August"_s,   u"September"_s, u"October"_s, u"November"_s, u"December"_s};
    return names.at(month - 1);
}

QString longDate(const QDate &date)
{
    return u"%1 %2 %3"_s.arg(date.day()).arg(monthName(date.month())).arg(date.year());
}

QString bullets(const QStringList &lines)
{
    QStringList out;
    out.reserve(lines.size());
    for (const QString &line : lines)
        out.append(u"- "_s + line);
    return out.join(u'\n');
}

// Cuts text to at most max characters at a word boundary, marking the cut with an ellipsis.
QString clip(const QString &text, qsizetype max)
{
    QString single = text.simplified();
    if (single.size() <= max)
        return single;
    single.truncate(max - 1);
    const qsizetype space = single.lastIndexOf(u' ');
    if (space > max / 2)
        single.truncate(space);
    return single + u'\u2026';
}

// Lowercases the first letter of a sentence-case phrase for use mid-sentence ("Adult
// nursing" -> "adult nursing"); names in title case or starting with an acronym
// ("Internal Medicine Training", "GP specialty training", "Foundation Year 1") stay as they are.
QString lowerFirst(const QString &text)
{
    if (text.isEmpty() || (text.size() > 1 && text.at(1).isUpper()))
        return text;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < words.size(); ++i) {
        for (const QChar c : words[i]) {
            if (c.isLetter()) {
                if (c.isUpper())
                    return text;
                break;
            }
        }
    }
    return text.left(1).toLower() + text.mid(1);
}

// A region as it reads in a sentence: "across the Midlands", "in London".
QString inText(const data::Region &region)
{
    return region.slug == u"london"_s ? region.title : u"the "_s + region.title;
}

QString joinWithAnd(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.join(QString());
    return QStringList(parts.mid(0, parts.size() - 1)).join(u", "_s) + u" and "_s + parts.last();
}

// "a" before a vowel sound becomes "an" in text built from templates ("an adult nursing
// degree", "an Oral Medicine opinion"; but "a university", "a Urology service", "a UK").
QString articles(const QString &text)
{
    static const QRegularExpression pattern(u"\\b([Aa]) (?=[AEIOaeio]|[Uu](?!ni|ro|se|su|K))"_s);
    QString out = text;
    out.replace(pattern, u"\\1n "_s);
    return out;
}

QString financialYear(int startYear)
{
    return u"%1/%2"_s.arg(startYear).arg((startYear + 1) % 100, 2, 10, QLatin1Char('0'));
}

// ---- pathway specifications ---------------------------------------------------------

struct StageSpec
{
    QString title;
    QString careerStage;
    int months = 12;
    QString window;
    QString entry;
    QList<int> next;      // explicit links; empty means "the following stage" unless terminal
    bool terminal = false;
};

struct PathwaySpec
{
    QString slug;
    QString title;
    QString profession;
    QStringList extraProfessions; // group of an AHP profession
    QString specialty;
    QString area;
    QString summary;
    QString overview; // Markdown
    QStringList policies; // policy slugs the pathway refers to
    QList<StageSpec> stages;
};

StageSpec stage(const QString &title, const QString &careerStage, int months, const QString &window = {},
                const QString &entry = {})
{
    return StageSpec{title, careerStage, months, window, entry, {}, false};
}

const QString kYearRound = u"Posts advertised year-round on NHS Jobs"_s;

int ltft(int months)
{
    return (months * 100 + 59) / 60; // at 60% of full time
}

// Months along the first route through the stages, excluding the destination stage.
int trainingMonths(const QList<StageSpec> &stages)
{
    int months = 0;
    int i = 0;
    for (int guard = 0; guard < stages.size(); ++guard) {
        const StageSpec &s = stages.at(i);
        const bool last = s.terminal || (s.next.isEmpty() && i + 1 >= stages.size());
        if (last)
            break;
        months += s.months;
        i = s.next.isEmpty() ? i + 1 : s.next.first();
    }
    return months;
}

QString years(int months)
{
    const int whole = (months + 6) / 12;
    return whole == 1 ? u"about a year"_s : u"about %1 years"_s.arg(whole);
}

StageSpec medicalSchool()
{
    return stage(u"Medical degree (MBBS or MBChB)"_s, u"medical-school"_s, 60,
                 u"September to 15 October (UCAS deadline for medicine)"_s,
                 u"A levels or equivalent, usually including chemistry, and the UCAT admissions test. Graduate-entry programmes last four years."_s);
}

StageSpec foundationYear(int year, bool academic)
{
    const QString title = academic ? u"Academic Foundation Programme year %1 (FY%1)"_s.arg(year)
                                   : u"Foundation Year %1 (FY%1)"_s.arg(year);
    if (year == 1)
        return stage(title, u"foundation-year-1"_s, 12,
                     academic ? u"September to October (Academic Foundation Programme)"_s
                              : u"September to October (UK Foundation Programme)"_s,
                     u"A primary medical qualification and provisional registration with the GMC."_s);
    return stage(title, u"foundation-year-2"_s, 12, {},
                 u"Satisfactory completion of FY1 and full registration with a licence to practise."_s);
}

StageSpec coreStage(const data::MedicalSpecialty &s)
{
    const QString entry = u"Foundation competence (a Foundation Programme Certificate of Completion or equivalent)."_s;
    const QString round1 = u"November to December (Round 1)"_s;
    using data::Route;
    switch (s.route) {
    case Route::Imt:
        return stage(u"Internal Medicine Training (IMT1\u2013IMT3)"_s, u"core-training"_s, 36, round1, entry);
    case Route::ImtTwoYear:
        return stage(u"Internal Medicine Training (IMT1\u2013IMT2)"_s, u"core-training"_s, 24, round1, entry);
    case Route::CoreSurgical:
        return stage(u"Core Surgical Training (CT1\u2013CT2)"_s, u"core-training"_s, 24, round1, entry);
    case Route::CorePsychiatry:
        return stage(u"Core Psychiatry Training (CT1\u2013CT3)"_s, u"core-training"_s, 36, round1, entry);
    case Route::Accs:
        return stage(u"Acute Care Common Stem: emergency medicine (ACCS CT1\u2013CT3)"_s, u"core-training"_s, 36, round1,
                     entry);
    case Route::CoreAcute:
        return stage(u"Core training in internal medicine, ACCS or anaesthetics (CT1\u2013CT2)"_s, u"core-training"_s, 24,
                     round1, entry);
    case Route::RunThrough:
        return stage(u"%1 run-through training (ST1\u2013ST%2)"_s.arg(s.title).arg(s.higherFrom - 1),
                     u"run-through-training"_s, (s.higherFrom - 1) * 12, round1, entry);
    case Route::GeneralPractice:
        return stage(u"GP specialty training (ST1\u2013ST3)"_s, u"run-through-training"_s, 36,
                     u"November to December (Round 1), with a re-advert in February"_s, entry);
    }
    Q_UNREACHABLE();
    return StageSpec{};
}

QString membershipExam(data::Route route)
{
    using data::Route;
    switch (route) {
    case Route::Imt:
    case Route::ImtTwoYear: return u"MRCP(UK)"_s;
    case Route::CoreSurgical: return u"MRCS"_s;
    case Route::CorePsychiatry: return u"MRCPsych Paper A"_s;
    case Route::Accs: return u"MRCEM Primary and Intermediate"_s;
    case Route::CoreAcute: return u"MRCP(UK), MRCEM or the Primary FRCA"_s;
    case Route::RunThrough:
    case Route::GeneralPractice: return QString();
    }
    return QString();
}

StageSpec higherStage(const data::MedicalSpecialty &s, int from, int to, const QString &suffix, int index)
{
    const QString exam = membershipExam(s.route);
    const QString entry = exam.isEmpty()
        ? u"Satisfactory progress through the earlier years of the programme, confirmed at ARCP."_s
        : u"Completion of core training and the %1 examination."_s.arg(exam);
    const QString window = index % 3 == 0 ? u"January to February (Round 2)"_s : u"November to December (Round 1)"_s;
    return stage(u"Higher specialty training in %1%2 (ST%3\u2013ST%4)"_s.arg(s.title, suffix).arg(from).arg(to),
                 u"higher-specialty-training"_s, (to - from + 1) * 12, window, entry);
}

StageSpec cct()
{
    return stage(u"Certificate of Completion of Training (CCT)"_s, u"certificate-of-completion-of-training"_s, 6, {},
                 u"An ARCP outcome 6 and the GMC's recommendation for entry on the Specialist or GP Register, within the six-month grace period."_s);
}

StageSpec medicalDestination(const data::MedicalSpecialty &s, const QString &title = {})
{
    if (s.route == data::Route::GeneralPractice)
        return stage(title.isEmpty() ? u"General Practitioner"_s : title, u"general-practitioner"_s, 12, kYearRound,
                     u"Entry on the GMC GP Register and the National Performers List."_s);
    return stage(title.isEmpty() ? u"Consultant in %1"_s.arg(s.title) : title, u"consultant"_s, 12, kYearRound,
                 u"Entry on the GMC Specialist Register in %1."_s.arg(s.title));
}

void linkLinear(QList<StageSpec> &stages)
{
    for (qsizetype i = 0; i + 1 < stages.size(); ++i) {
        if (stages[i].next.isEmpty() && !stages[i].terminal)
            stages[i].next.append(static_cast<int>(i + 1));
    }
}

QList<PathwaySpec> medicalPathways()
{
    QList<PathwaySpec> out;
    int index = 0;
    for (const data::MedicalSpecialty &s : data::medicalSpecialties()) {
        const QString slug = data::slugify(s.title);
        const bool gp = s.route == data::Route::GeneralPractice;
        const QString role = gp ? u"a general practitioner"_s : u"a consultant in %1"_s.arg(s.title);
        const bool runThrough = s.route == data::Route::RunThrough || gp;
        const QStringList basePolicies{u"gold-guide"_s, u"annual-review-of-competence-progression"_s};

        // Standard training, with a choice of single or dual training where it exists.
        {
            PathwaySpec p{slug + u"-training-pathway"_s, u"%1: specialty training pathway"_s.arg(s.title),
                          u"medicine"_s, {}, slug, s.area, {}, {}, basePolicies, {}};
            p.stages = {medicalSchool(), foundationYear(1, false), foundationYear(2, false), coreStage(s)};
            if (gp) {
                p.stages.append(cct());
                p.stages.append(medicalDestination(s));
            } else if (s.route == data::Route::Imt && s.higherTo == 8) {
                // Core training leads to two alternatives that both end in a CCT.
                p.stages[3].next = {4, 5};
                StageSpec dual = higherStage(s, 4, 8, u" with internal medicine"_s, index);
                dual.next = {6};
                StageSpec single = higherStage(s, 4, 7, QString(), index);
                single.next = {6};
                p.stages.append(dual);
                p.stages.append(single);
                p.stages.append(cct());
                p.stages.append(medicalDestination(s));
            } else {
                p.stages.append(higherStage(s, s.higherFrom, s.higherTo, QString(), index));
                p.stages.append(cct());
                p.stages.append(medicalDestination(s));
            }
            linkLinear(p.stages);
            p.summary = u"The usual route to becoming %1: medical school, the Foundation Programme, %2 and %3, %4 after starting medical school."_s
                            .arg(role, lowerFirst(p.stages[3].title),
                                 gp ? u"the CCT"_s : u"higher specialty training to ST%1"_s.arg(s.higherTo),
                                 years(trainingMonths(p.stages)));
            p.overview = s.route == data::Route::Imt && s.higherTo == 8
                ? u"Most %1 trainees now train dually with internal medicine, which adds a year but leads to a CCT in both specialties. A single CCT in %1 remains available.\n\nYou can train less than full time at any stage."_s.arg(s.title)
                : u"%1 training is %2. Recruitment to each stage is national and run through Oriel.\n\nYou can train less than full time at any stage."_s
                      .arg(s.title, runThrough ? u"run-through: once appointed at ST1 you stay in the programme until your CCT, subject to satisfactory ARCP outcomes"_s
                                               : u"uncoupled: core training and higher specialty training are recruited separately"_s);
            out.append(p);
        }
        // Academic clinical fellowship.
        {
            PathwaySpec p{slug + u"-academic-clinical-fellowship"_s,
                          u"%1: academic clinical fellowship pathway"_s.arg(s.title), u"medicine"_s, {}, slug, s.area,
                          {}, {}, {u"integrated-academic-training"_s, u"gold-guide"_s}, {}};
            p.stages = {medicalSchool(), foundationYear(1, true), foundationYear(2, true),
                        stage(u"Academic clinical fellowship in %1 (ST1\u2013ST3)"_s.arg(s.title),
                              runThrough ? u"run-through-training"_s : u"core-training"_s, 36,
                              u"October to November (NIHR academic clinical fellowship recruitment)"_s,
                              u"Foundation competence and evidence of academic potential, such as a research degree, publications or presentations."_s),
                        stage(u"Academic clinical lectureship in %1"_s.arg(s.title), u"higher-specialty-training"_s,
                              gp ? 48 : 60, u"Advertised by universities through the year"_s,
                              u"A completed doctorate (PhD or MD) and progress in clinical training."_s),
                        cct(),
                        medicalDestination(s, gp ? u"Academic general practitioner"_s
                                                 : u"Clinical senior lecturer and honorary consultant in %1"_s.arg(s.title))};
            linkLinear(p.stages);
            p.summary = u"Combine training towards a CCT in %1 with research: an academic clinical fellowship with 25%% protected research time, a doctorate, then a clinical lectureship."_s
                            .arg(s.title);
            p.summary.replace(u"%%"_s, u"%"_s);
            p.overview = u"Academic clinical fellowships last three years (four in general practice). Fellows spend a quarter of their time on research and usually apply for a doctoral fellowship before returning to clinical training as a lecturer."_s;
            out.append(p);
        }
        // Less than full time.
        {
            PathwaySpec p{slug + u"-less-than-full-time-training"_s,
                          u"%1: less than full time training"_s.arg(s.title), u"medicine"_s, {}, slug, s.area, {}, {},
                          {u"less-than-full-time-training"_s, u"gold-guide"_s}, {}};
            StageSpec core = coreStage(s);
            core.title += u", less than full time"_s;
            core.months = ltft(core.months);
            p.stages = {medicalSchool(), foundationYear(1, false), foundationYear(2, false), core};
            if (!gp) {
                StageSpec higher = higherStage(s, s.higherFrom, s.higherTo, QString(), index);
                higher.title += u", less than full time"_s;
                higher.months = ltft(higher.months);
                p.stages.append(higher);
            }
            p.stages.append(cct());
            p.stages.append(medicalDestination(s));
            linkLinear(p.stages);
            p.summary = u"Training in %1 at 60%% of full time: the same curriculum and assessments, with the CCT date extended to %2 after starting medical school."_s
                            .arg(s.title, years(trainingMonths(p.stages)));
            p.summary.replace(u"%%"_s, u"%"_s);
            p.overview = u"Any doctor in training may apply to train less than full time, usually at 50%, 60%, 70% or 80%. Your CCT date is recalculated at each ARCP."_s;
            out.append(p);
        }
        // Specialty doctor and the portfolio pathway.
        {
            PathwaySpec p{slug + u"-portfolio-pathway"_s,
                          u"%1: specialty doctor and portfolio pathway"_s.arg(s.title), u"medicine"_s, {}, slug, s.area,
                          {}, {}, {u"educator-workforce-strategy"_s}, {}};
            p.stages = {medicalSchool(), foundationYear(1, false), foundationYear(2, false),
                        stage(u"Locally employed doctor in %1"_s.arg(s.title), u"locally-employed-doctor"_s, 24, kYearRound,
                              u"Full GMC registration with a licence to practise."_s),
                        stage(u"Specialty doctor in %1"_s.arg(s.title), u"sas-doctor"_s, 48, kYearRound,
                              u"At least four years' full-time postgraduate training, two of them in %1."_s.arg(s.title)),
                        stage(gp ? u"Portfolio pathway application for GP registration"_s
                                 : u"Portfolio pathway application for specialist registration in %1"_s.arg(s.title),
                              u"portfolio-pathway"_s, 12, u"Applications accepted all year"_s,
                              u"Evidence of knowledge, skills and experience equivalent to the %1 curriculum."_s.arg(s.title)),
                        medicalDestination(s)};
            linkLinear(p.stages);
            p.summary = u"Become %1 without a training post: work as a locally employed doctor and specialty doctor, then apply to the GMC through the portfolio pathway."_s
                            .arg(role);
            p.overview = u"The portfolio pathway (formerly CESR and CEGPR) recognises training and experience gained outside approved programmes. Applicants show the same capabilities as the %1 curriculum."_s
                             .arg(s.title);
            out.append(p);
        }
        ++index;
    }
    return out;
}

QList<PathwaySpec> dentalPathways()
{
    QList<PathwaySpec> out;
    const StageSpec school = stage(u"Dental degree (BDS)"_s, u"dental-school"_s, 60,
                                   u"September to 15 October (UCAS deadline for dentistry)"_s,
                                   u"A levels or equivalent including chemistry and biology, and the UCAT admissions test."_s);
    const StageSpec dft = stage(u"Dental foundation training (DFT)"_s, u"dental-foundation-training"_s, 12,
                                u"September to October (national DFT recruitment)"_s,
                                u"A dental degree and registration with the General Dental Council."_s);
    const StageSpec dct = stage(u"Dental core training (DCT1\u2013DCT2)"_s, u"dental-core-training"_s, 24,
                                u"November to December (national DCT recruitment)"_s,
                                u"Satisfactory completion of dental foundation training or equivalent."_s);
    {
        PathwaySpec p{u"general-dental-practice"_s, u"Dentistry: general dental practice"_s, u"dentistry"_s, {}, {},
                      u"primary-and-community-care"_s,
                      u"From dental school to general dental practice, with optional dental core training in hospital and community services."_s,
                      u"After dental foundation training you can go straight into general practice, or spend one or two years in dental core training first."_s,
                      {u"dental-training-guidance"_s}, {}};
        StageSpec foundation = dft;
        foundation.next = {3, 2}; // straight into practice, or core training first
        StageSpec core = dct;
        core.next = {3};
        p.stages = {school, foundation, core,
                    stage(u"General dental practitioner"_s, u"general-dental-practitioner"_s, 12, kYearRound,
                          u"Registration with the General Dental Council and inclusion on the NHS Dental Performers List."_s)};
        linkLinear(p.stages);
        out.append(p);
    }
    for (const data::DentalSpecialty &d : data::dentalSpecialties()) {
        const QString slug = data::slugify(d.title);
        for (int variant = 0; variant < 2; ++variant) {
            const bool lessThanFullTime = variant == 1;
            PathwaySpec p{slug + (lessThanFullTime ? u"-less-than-full-time-training"_s : u"-specialty-training-pathway"_s),
                          lessThanFullTime ? u"%1: less than full time training"_s.arg(d.title)
                                           : u"%1: specialty training pathway"_s.arg(d.title),
                          u"dentistry"_s, {}, slug, {}, {}, {},
                          {u"dental-training-guidance"_s, lessThanFullTime ? u"less-than-full-time-training"_s : u"gold-guide"_s},
                          {}};
            StageSpec specialty = stage(u"Specialty training in %1"_s.arg(d.title), u"dental-specialty-training"_s,
                                        lessThanFullTime ? ltft(d.months) : d.months,
                                        u"January to March (national dental specialty recruitment)"_s,
                                        u"Completion of dental core training and evidence of commitment to %1."_s.arg(d.title));
            if (lessThanFullTime)
                specialty.title += u", less than full time"_s;
            StageSpec ccst = stage(u"Certificate of Completion of Specialty Training (CCST)"_s,
                                   u"certificate-of-completion-of-training"_s, 6, {},
                                   u"Satisfactory final review and the Membership in %1 examination."_s.arg(d.title));
            p.stages = {school, dft, dct, specialty, ccst,
                        stage(u"Specialist in %1"_s.arg(d.title), u"specialist-dentist"_s, 12, kYearRound,
                              u"Entry on the GDC specialist list in %1."_s.arg(d.title))};
            if (d.postCcst && !lessThanFullTime) {
                // After the CCST: specialist practice, or two more years towards a consultant post.
                p.stages[4].next = {5, 6};
                p.stages[5].terminal = true;
                StageSpec post = stage(u"Post-CCST training in %1"_s.arg(d.title), u"dental-specialty-training"_s, 24,
                                       u"Advertised nationally as posts become available"_s,
                                       u"A CCST in %1."_s.arg(d.title));
                post.next = {7};
                p.stages.append(post);
                p.stages.append(stage(u"Consultant in %1"_s.arg(d.title), u"consultant"_s, 12, kYearRound,
                                      u"Completion of post-CCST training."_s));
            }
            linkLinear(p.stages);
            p.summary = u"From dental school to the GDC specialist list in %1%2, %3 after starting your degree."_s
                            .arg(d.title, lessThanFullTime ? u", training less than full time"_s : QString(),
                                 years(trainingMonths(p.stages)));
            p.overview = u"Dental specialty training posts are recruited nationally. %1"_s.arg(
                d.postCcst ? u"Consultant posts need a further period of post-CCST training."_s
                           : u"Most specialists work in hospital, community or specialist practice."_s);
            out.append(p);
        }
    }
    return out;
}

// A registered profession's routes: degree, apprenticeship, return to practice (and more).
struct ProfessionRoutes
{
    QString slugPrefix;
    QString name;       // "Adult nursing", "Physiotherapy"
    QString profession; // term slug
    QStringList extraProfessions;
    QString registered; // career stage of the registered role
    QString registeredTitle;
    QString degree;
    int degreeMonths;
    QString area;
    QStringList policies;
};

QList<PathwaySpec> registeredProfessionPathways(const ProfessionRoutes &r, bool apprenticeship, bool returnToPractice,
                                                bool consultant)
{
    QList<PathwaySpec> out;
    QString role = lowerFirst(r.registeredTitle);
    if (role.startsWith(u"registered "_s))
        role = role.mid(11);
    const StageSpec preceptorship = stage(u"Preceptorship as a newly registered %1"_s.arg(role),
                                          u"preceptorship"_s, 12, kYearRound,
                                          u"Registration with the professional regulator."_s);
    const StageSpec registered = stage(r.registeredTitle, r.registered, 36, kYearRound,
                                       u"Completion of preceptorship."_s);
    const StageSpec advanced = stage(u"Advanced practice (MSc Advanced Clinical Practice)"_s, u"advanced-practice"_s, 24,
                                     u"Employer-supported places, usually applied for in spring"_s,
                                     u"At least three years of post-registration experience and an advanced practice post."_s);
    const StageSpec consultantStage = stage(u"Consultant practitioner"_s, u"consultant-practitioner"_s, 12, kYearRound,
                                            u"Experience at advanced level across all four pillars of practice, usually with a doctorate."_s);
    {
        PathwaySpec p{r.slugPrefix + u"-degree-route"_s, u"%1: degree route"_s.arg(r.name), r.profession,
                      r.extraProfessions, {}, r.area, {}, {}, r.policies, {}};
        p.stages = {stage(r.degree, u"pre-registration-degree"_s, r.degreeMonths,
                          u"September to the end of January (UCAS equal consideration deadline)"_s,
                          u"Entry requirements vary by university; most ask for A levels or an Access to Higher Education diploma."_s),
                    preceptorship, registered, advanced};
        if (consultant)
            p.stages.append(consultantStage);
        linkLinear(p.stages);
        p.summary = u"Study for a %1, complete a preceptorship year and build towards advanced practice as a %2."_s.arg(
            r.degree, lowerFirst(r.registeredTitle));
        p.overview = u"Most %1 students study full time at university, with placements making up around half of the course. Tuition fee loans and the NHS Learning Support Fund are available."_s
                         .arg(lowerFirst(r.name));
        out.append(p);
    }
    if (apprenticeship) {
        PathwaySpec p{r.slugPrefix + u"-degree-apprenticeship"_s, u"%1: degree apprenticeship"_s.arg(r.name),
                      r.profession, r.extraProfessions, {}, r.area, {}, {},
                      QStringList{u"apprenticeships-policy"_s} + r.policies, {}};
        p.stages = {stage(u"%1 degree apprenticeship"_s.arg(r.name), u"degree-apprenticeship"_s, 48,
                          u"Advertised by employers on NHS Jobs, usually in spring"_s,
                          u"Employment in a health or care setting and Level 3 qualifications or equivalent."_s),
                    preceptorship, registered, advanced};
        linkLinear(p.stages);
        p.summary = u"Earn while you learn: a paid degree apprenticeship leading to registration as a %1."_s.arg(
            lowerFirst(r.registeredTitle));
        p.overview = u"Apprentices are employed throughout and spend at least six hours a week in off-the-job training. There are no tuition fees to pay."_s;
        out.append(p);
    }
    if (returnToPractice) {
        PathwaySpec p{r.slugPrefix + u"-return-to-practice"_s, u"%1: return to practice"_s.arg(r.name), r.profession,
                      r.extraProfessions, {}, r.area, {}, {}, r.policies, {}};
        p.stages = {stage(u"Return to practice programme"_s, u"return-to-practice"_s, 6,
                          u"Programmes start in September and January"_s,
                          u"A previous registration that has lapsed."_s),
                    stage(r.registeredTitle, r.registered, 24, kYearRound, u"Readmission to the register."_s),
                    stage(u"Continuing professional development"_s, u"continuing-professional-development"_s, 12, {},
                          u"Current registration."_s)};
        linkLinear(p.stages);
        p.summary = u"Return to the register as a %1 with a funded return to practice programme and a bursary towards your costs."_s
                        .arg(lowerFirst(r.registeredTitle));
        p.overview = u"Return to practice programmes combine university study with supervised placement hours. The number of hours depends on how long you have been away."_s;
        out.append(p);
    }
    return out;
}

QList<PathwaySpec> nursingAndMidwiferyPathways()
{
    QList<PathwaySpec> out;
    const QStringList nursingPolicies{u"national-preceptorship-framework"_s, u"advanced-clinical-practice-framework"_s};
    struct Field
    {
        QString name, slug, area;
    };
    const QList<Field> fields{
        {u"Adult nursing"_s, u"adult-nursing"_s, QString()},
        {u"Children's nursing"_s, u"childrens-nursing"_s, u"children-and-young-people"_s},
        {u"Mental health nursing"_s, u"mental-health-nursing"_s, u"mental-health"_s},
        {u"Learning disability nursing"_s, u"learning-disability-nursing"_s, u"learning-disability-and-autism"_s},
    };
    for (const Field &f : fields) {
        const QString nurse = u"Registered %1 nurse"_s.arg(lowerFirst(f.name).chopped(8));
        out += registeredProfessionPathways(
            ProfessionRoutes{f.slug, f.name, u"nursing"_s, {}, u"registered-nurse"_s, nurse,
                             u"BSc (Hons) %1"_s.arg(f.name), 36, f.area, nursingPolicies},
            true, true, true);
        PathwaySpec p{f.slug + u"-nursing-associate-route"_s, u"%1: from nursing associate"_s.arg(f.name),
                      u"nursing"_s, {}, {}, f.area, {}, {}, QStringList{u"apprenticeships-policy"_s} + nursingPolicies, {}};
        p.stages = {stage(u"Trainee nursing associate (Foundation degree)"_s, u"trainee-nursing-associate"_s, 24,
                          u"Advertised by employers on NHS Jobs"_s, u"GCSEs in English and maths at grade 4 or above, or Functional Skills Level 2."_s),
                    stage(u"Nursing associate top-up apprenticeship"_s, u"degree-apprenticeship"_s, 24,
                          u"Offered by employers to registered nursing associates"_s,
                          u"Registration with the NMC as a nursing associate."_s),
                    stage(u"Preceptorship as a newly registered nurse"_s, u"preceptorship"_s, 12, kYearRound,
                          u"Registration with the NMC as a nurse."_s),
                    stage(nurse, u"registered-nurse"_s, 36, kYearRound, u"Completion of preceptorship."_s)};
        linkLinear(p.stages);
        p.summary = u"Start as a trainee nursing associate, register with the NMC, then top up to a %1 nursing degree while you work."_s
                        .arg(lowerFirst(f.name).chopped(8));
        p.overview = u"The nursing associate role bridges healthcare support workers and registered nurses. The top-up apprenticeship recognises your earlier study."_s;
        out.append(p);
    }
    struct Specialist
    {
        QString name, slug, programme, area;
    };
    const QList<Specialist> specialists{
        {u"District nursing"_s, u"district-nursing"_s, u"Specialist practitioner qualification in district nursing"_s,
         u"primary-and-community-care"_s},
        {u"Health visiting"_s, u"health-visiting"_s, u"Specialist community public health nursing (health visiting)"_s,
         u"children-and-young-people"_s},
        {u"School nursing"_s, u"school-nursing"_s, u"Specialist community public health nursing (school nursing)"_s,
         u"children-and-young-people"_s},
        {u"General practice nursing"_s, u"general-practice-nursing"_s, u"General practice nursing fundamentals programme"_s,
         u"primary-and-community-care"_s},
        {u"Critical care nursing"_s, u"critical-care-nursing"_s, u"Critical care nursing programme (step 2 competencies)"_s,
         u"critical-care"_s},
        {u"Cancer nursing"_s, u"cancer-nursing"_s, u"Aspirant cancer career and education development programme"_s,
         u"cancer"_s},
    };
    for (const Specialist &s : specialists) {
        PathwaySpec p{s.slug + u"-pathway"_s, u"Nursing: %1"_s.arg(lowerFirst(s.name)), u"nursing"_s, {}, {}, s.area,
                      {}, {}, nursingPolicies, {}};
        p.stages = {stage(u"BSc (Hons) Adult nursing"_s, u"pre-registration-degree"_s, 36,
                          u"September to the end of January (UCAS equal consideration deadline)"_s, {}),
                    stage(u"Preceptorship as a newly registered nurse"_s, u"preceptorship"_s, 12, kYearRound,
                          u"Registration with the NMC."_s),
                    stage(u"Registered nurse"_s, u"registered-nurse"_s, 24, kYearRound, u"Completion of preceptorship."_s),
                    stage(s.programme, u"specialist-practice"_s, 12, u"Funded places advertised in spring"_s,
                          u"Two years' post-registration experience and employer support."_s),
                    stage(u"Advanced practice in %1"_s.arg(lowerFirst(s.name)), u"advanced-practice"_s, 24,
                          u"Employer-supported places"_s, u"Experience in specialist practice."_s)};
        linkLinear(p.stages);
        p.summary = u"Build a career in %1: register as a nurse, then complete the %2."_s.arg(lowerFirst(s.name),
                                                                                            lowerFirst(s.programme));
        p.overview = u"Specialist programmes are funded by NHS England for staff employed in the region. Talk to your line manager about a place."_s;
        out.append(p);
    }
    // Midwifery.
    const QStringList midwiferyPolicies{u"national-preceptorship-framework"_s, u"education-quality-framework"_s};
    out += registeredProfessionPathways(ProfessionRoutes{u"midwifery"_s, u"Midwifery"_s, u"midwifery"_s, {},
                                                         u"registered-midwife"_s, u"Registered midwife"_s,
                                                         u"BSc (Hons) Midwifery"_s, 36, u"maternity-and-neonatal"_s,
                                                         midwiferyPolicies},
                                        true, true, true);
    {
        PathwaySpec p{u"midwifery-shortened-programme"_s, u"Midwifery: shortened programme for registered nurses"_s,
                      u"midwifery"_s, {}, {}, u"maternity-and-neonatal"_s, {}, {}, midwiferyPolicies, {}};
        p.stages = {stage(u"Shortened midwifery programme"_s, u"pre-registration-degree"_s, 20,
                          u"Applications direct to universities, usually by March"_s,
                          u"Registration as an adult nurse with the NMC."_s),
                    stage(u"Preceptorship as a newly registered midwife"_s, u"preceptorship"_s, 12, kYearRound,
                          u"Registration with the NMC as a midwife."_s),
                    stage(u"Registered midwife"_s, u"registered-midwife"_s, 36, kYearRound, {})};
        linkLinear(p.stages);
        p.summary = u"Registered adult nurses can qualify as midwives in about 20 months on a shortened programme."_s;
        p.overview = u"The shortened programme builds on your nursing knowledge and experience."_s;
        out.append(p);
    }
    return out;
}

QList<PathwaySpec> alliedHealthPathways()
{
    QList<PathwaySpec> out;
    const QList<data::Profession> &all = data::professions();
    for (const data::AhpProfession &a : data::ahpProfessions()) {
        const auto it = std::find_if(all.cbegin(), all.cend(), [&](const data::Profession &p) { return p.slug == a.slug; });
        Q_ASSERT(it != all.cend());
        const QString name = it->title;
        QString registeredTitle = u"Registered %1"_s.arg(a.singular);
        out += registeredProfessionPathways(
            ProfessionRoutes{a.slug, name, a.slug, {u"allied-health-professions"_s}, u"registered-practitioner"_s,
                             registeredTitle, a.degree, a.degreeMonths, QString(),
                             {u"advanced-clinical-practice-framework"_s, u"clinical-placements-policy"_s}},
            true, true, false);
    }
    return out;
}

QList<PathwaySpec> otherPathways()
{
    QList<PathwaySpec> out;
    // Pharmacy.
    const QStringList pharmacyPolicies{u"foundation-pharmacist-training-year"_s};
    const StageSpec mpharm = stage(u"Master of Pharmacy (MPharm)"_s, u"pharmacy-degree"_s, 48,
                                   u"September to the end of January (UCAS equal consideration deadline)"_s,
                                   u"A levels or equivalent including chemistry."_s);
    const StageSpec foundationPharmacist = stage(u"Foundation trainee pharmacist year"_s, u"foundation-trainee-pharmacist"_s,
                                                 12, u"June to July, a year before starting (national recruitment through Oriel)"_s,
                                                 u"An accredited MPharm degree."_s);
    struct PharmacyRoute
    {
        QString slug, title, setting, next;
        int months;
    };
    const QList<PharmacyRoute> pharmacyRoutes{
        {u"hospital-pharmacist"_s, u"Pharmacy: hospital pharmacist to consultant pharmacist"_s, u"Hospital pharmacist"_s,
         u"Consultant pharmacist"_s, 36},
        {u"community-pharmacist"_s, u"Pharmacy: community pharmacist"_s, u"Community pharmacist"_s,
         u"Pharmacist independent prescriber"_s, 24},
        {u"primary-care-pharmacist"_s, u"Pharmacy: primary care pharmacist"_s, u"Primary care network pharmacist"_s,
         u"Advanced pharmacist practitioner in primary care"_s, 18},
        {u"mental-health-pharmacist"_s, u"Pharmacy: mental health pharmacist"_s, u"Mental health pharmacist"_s,
         u"Advanced mental health pharmacist"_s, 24},
        {u"pharmacy-academic-route"_s, u"Pharmacy: clinical academic pharmacist"_s, u"Clinical academic pharmacist"_s,
         u"Consultant pharmacist in research"_s, 36},
    };
    for (const PharmacyRoute &r : pharmacyRoutes) {
        PathwaySpec p{r.slug + u"-pathway"_s, r.title, u"pharmacy"_s, {}, {}, QString(), {}, {}, pharmacyPolicies, {}};
        const bool consultant = r.next.startsWith(u"Consultant"_s);
        p.stages = {mpharm, foundationPharmacist,
                    stage(r.setting, u"registered-pharmacist"_s, r.months, kYearRound, u"Registration with the GPhC."_s),
                    stage(r.next, consultant ? u"consultant-practitioner"_s : u"advanced-practice"_s, 24, kYearRound,
                          u"Post-registration experience and a relevant postgraduate qualification."_s)};
        linkLinear(p.stages);
        p.summary = u"MPharm, a foundation training year recruited through Oriel, then practice as a %1."_s.arg(
            lowerFirst(r.setting));
        p.overview = u"Since 2025/26 the foundation year includes the learning outcomes for independent prescribing, so newly registered pharmacists can prescribe from day one."_s;
        out.append(p);
    }
    for (int variant = 0; variant < 2; ++variant) {
        PathwaySpec p{variant == 0 ? u"pharmacy-technician-apprenticeship"_s : u"pharmacy-technician-college-route"_s,
                      variant == 0 ? u"Pharmacy: pharmacy technician apprenticeship"_s
                                   : u"Pharmacy: pharmacy technician through college study"_s,
                      u"pharmacy"_s, {}, {}, QString(), {}, {}, {u"apprenticeships-policy"_s}, {}};
        p.stages = {stage(u"Trainee pharmacy technician"_s, u"trainee-pharmacy-technician"_s, 24,
                          u"Advertised by employers on NHS Jobs"_s,
                          variant == 0 ? u"Employment as a trainee and GCSEs in English, maths and science."_s
                                       : u"A place on a GPhC-approved course and a work placement."_s),
                    stage(u"Registered pharmacy technician"_s, u"pharmacy-technician"_s, 36, kYearRound,
                          u"Registration with the GPhC."_s),
                    stage(u"Accredited checking pharmacy technician"_s, u"continuing-professional-development"_s, 12, {},
                          u"Experience as a registered pharmacy technician."_s)};
        linkLinear(p.stages);
        p.summary = u"Two years of work-based training to register as a pharmacy technician with the GPhC."_s;
        p.overview = u"Pharmacy technicians manage medicines supply, counsel patients and increasingly lead services."_s;
        out.append(p);
    }
    // Healthcare science.
    const QStringList specialisms{u"Cardiac science"_s,         u"Audiology"_s,
                                  u"Clinical biochemistry"_s,   u"Clinical bioinformatics"_s,
                                  u"Genomic sciences"_s,        u"Haematology and transfusion science"_s,
                                  u"Medical physics"_s,         u"Clinical engineering"_s,
                                  u"Neurophysiology"_s,         u"Respiratory and sleep sciences"_s};
    for (const QString &sp : specialisms) {
        const QString slug = data::slugify(sp);
        const QString area = sp.startsWith(u"Genomic"_s) || sp.contains(u"bioinformatics"_s) ? u"genomics"_s
            : sp.startsWith(u"Cardiac"_s)                                                  ? u"cardiovascular-disease"_s
            : sp.startsWith(u"Respiratory"_s)                                              ? u"respiratory"_s
                                                                                            : QString();
        const QStringList policies{u"education-quality-framework"_s};
        {
            PathwaySpec p{slug + u"-practitioner-route"_s, u"Healthcare science: %1 practitioner"_s.arg(lowerFirst(sp)),
                          u"healthcare-science"_s, {}, {}, area, {}, {}, policies, {}};
            p.stages = {stage(u"Practitioner Training Programme: BSc (Hons) Healthcare Science (%1)"_s.arg(lowerFirst(sp)),
                              u"practitioner-training-programme"_s, 36,
                              u"September to the end of January (UCAS equal consideration deadline)"_s,
                              u"A levels or equivalent including a science."_s),
                        stage(u"Healthcare science practitioner in %1"_s.arg(lowerFirst(sp)),
                              u"healthcare-science-practitioner"_s, 36, kYearRound,
                              u"Registration with the Academy for Healthcare Science."_s),
                        stage(u"Continuing professional development"_s, u"continuing-professional-development"_s, 12, {}, {})};
            linkLinear(p.stages);
            p.summary = u"Study an accredited healthcare science degree and work as a practitioner in %1."_s.arg(lowerFirst(sp));
            p.overview = u"Practitioners run the tests and technical services that diagnosis and treatment depend on."_s;
            out.append(p);
        }
        {
            PathwaySpec p{slug + u"-scientist-training-programme"_s,
                          u"Healthcare science: %1 clinical scientist"_s.arg(lowerFirst(sp)), u"healthcare-science"_s, {},
                          {}, area, {}, {}, policies, {}};
            p.stages = {stage(u"Scientist Training Programme in %1"_s.arg(lowerFirst(sp)), u"scientist-training-programme"_s,
                              36, u"January to February (national STP recruitment)"_s,
                              u"A first or upper second class honours degree in a relevant subject."_s),
                        stage(u"Clinical scientist in %1"_s.arg(lowerFirst(sp)), u"clinical-scientist"_s, 48, kYearRound,
                              u"A Certificate of Attainment from the Academy for Healthcare Science and HCPC registration."_s)};
            linkLinear(p.stages);
            p.summary = u"Three years of salaried training with a master's degree, leading to HCPC registration as a clinical scientist in %1."_s
                            .arg(lowerFirst(sp));
            p.overview = u"The Scientist Training Programme is run by the National School of Healthcare Science. Trainees are employed by NHS trusts for the duration of the programme."_s;
            out.append(p);
        }
        {
            PathwaySpec p{slug + u"-consultant-clinical-scientist"_s,
                          u"Healthcare science: consultant clinical scientist in %1"_s.arg(lowerFirst(sp)),
                          u"healthcare-science"_s, {}, {}, area, {}, {}, policies, {}};
            p.stages = {stage(u"Clinical scientist in %1"_s.arg(lowerFirst(sp)), u"clinical-scientist"_s, 36, kYearRound,
                              u"HCPC registration as a clinical scientist."_s),
                        stage(u"Higher Specialist Scientist Training in %1"_s.arg(lowerFirst(sp)),
                              u"higher-specialist-scientist-training"_s, 60,
                              u"Posts advertised in spring through Oriel"_s,
                              u"Registration as a clinical scientist and experience in the specialism."_s),
                        stage(u"Consultant clinical scientist in %1"_s.arg(lowerFirst(sp)), u"consultant-clinical-scientist"_s,
                              12, kYearRound, u"A Certificate of Completion of HSST."_s)};
            linkLinear(p.stages);
            p.summary = u"From clinical scientist to consultant in %1 through Higher Specialist Scientist Training and a doctorate."_s
                            .arg(lowerFirst(sp));
            p.overview = u"HSST combines workplace training with a doctoral-level qualification over five years."_s;
            out.append(p);
        }
    }
    // Psychological professions.
    struct PsychRoute
    {
        QString name, training, qualified;
        int trainingMonths;
        bool needsDegree;
    };
    const QList<PsychRoute> psychRoutes{
        {u"Clinical psychologist"_s, u"Doctorate in Clinical Psychology"_s, u"Clinical psychologist"_s, 36, true},
        {u"Counselling psychologist"_s, u"Doctorate in Counselling Psychology"_s, u"Counselling psychologist"_s, 36, true},
        {u"Forensic psychologist"_s, u"MSc Forensic Psychology and stage 2 supervised practice"_s, u"Forensic psychologist"_s, 36, true},
        {u"Health psychologist"_s, u"MSc Health Psychology and stage 2 supervised practice"_s, u"Health psychologist"_s, 36, true},
        {u"Psychological wellbeing practitioner"_s, u"Trainee psychological wellbeing practitioner"_s,
         u"Psychological wellbeing practitioner"_s, 12, false},
        {u"High intensity therapist"_s, u"Trainee high intensity cognitive behavioural therapist"_s,
         u"High intensity therapist"_s, 12, false},
        {u"Children's wellbeing practitioner"_s, u"Trainee children's wellbeing practitioner"_s,
         u"Children's wellbeing practitioner"_s, 12, false},
        {u"Education mental health practitioner"_s, u"Trainee education mental health practitioner"_s,
         u"Education mental health practitioner"_s, 12, false},
        {u"Mental health and wellbeing practitioner"_s, u"Trainee mental health and wellbeing practitioner"_s,
         u"Mental health and wellbeing practitioner"_s, 12, false},
        {u"Clinical associate in psychology"_s, u"MSc Clinical Associate in Psychology apprenticeship"_s,
         u"Clinical associate in psychology"_s, 18, true},
        {u"Child and adolescent psychotherapist"_s, u"Child and adolescent psychotherapy clinical training"_s,
         u"Child and adolescent psychotherapist"_s, 48, true},
        {u"Family and systemic psychotherapist"_s, u"MSc Family and Systemic Psychotherapy"_s,
         u"Family and systemic psychotherapist"_s, 24, false},
    };
    for (const PsychRoute &r : psychRoutes) {
        PathwaySpec p{data::slugify(r.name) + u"-pathway"_s, u"Psychological professions: %1"_s.arg(lowerFirst(r.name)),
                      u"psychological-professions"_s, {}, {}, u"mental-health"_s, {}, {},
                      {u"professional-support-and-wellbeing"_s}, {}};
        if (r.needsDegree) {
            p.stages.append(stage(u"Psychology degree (BPS accredited)"_s, u"psychology-degree"_s, 36,
                                  u"September to the end of January (UCAS equal consideration deadline)"_s, {}));
            p.stages.append(stage(u"Assistant psychologist"_s, u"assistant-psychologist"_s, 24, kYearRound,
                                  u"A psychology degree giving the Graduate Basis for Chartership."_s));
        }
        p.stages.append(stage(r.training, u"psychological-professions-training"_s, r.trainingMonths,
                              r.training.startsWith(u"Doctorate in Clinical"_s)
                                  ? u"September to November (Clearing House for Postgraduate Courses in Clinical Psychology)"_s
                                  : u"Salaried training posts advertised on NHS Jobs"_s,
                              r.needsDegree ? u"Relevant experience in a clinical or research setting."_s
                                            : u"A degree or equivalent experience, and the ability to study at postgraduate level."_s));
        p.stages.append(stage(r.qualified, u"registered-practitioner"_s, 36, kYearRound,
                              u"Successful completion of training and registration or accreditation."_s));
        if (r.needsDegree)
            p.stages.append(stage(u"Consultant %1"_s.arg(lowerFirst(r.qualified)), u"consultant-practitioner"_s, 12,
                                  kYearRound, u"Extensive post-qualification experience and leadership."_s));
        linkLinear(p.stages);
        p.summary = u"How to become a %1 in NHS services, including %2."_s.arg(lowerFirst(r.name), lowerFirst(r.training));
        p.overview = u"NHS England funds salaried training places for psychological professions to expand access to psychological therapies."_s;
        out.append(p);
    }
    // Public health.
    {
        PathwaySpec p{u"public-health-specialty-training-non-medical"_s,
                      u"Public health: specialty training from a non-medical background"_s, u"public-health"_s, {}, {},
                      QString(), {}, {}, {u"gold-guide"_s}, {}};
        p.stages = {stage(u"Public health practitioner"_s, u"public-health-practitioner"_s, 36, kYearRound,
                          u"A degree and experience in a public health role."_s),
                    stage(u"Public health specialty training (ST1\u2013ST5)"_s, u"run-through-training"_s, 60,
                          u"October to December (national recruitment through Oriel)"_s,
                          u"A relevant postgraduate qualification and at least four years' public health experience."_s),
                    stage(u"Certificate of Completion of Training (CCT)"_s, u"certificate-of-completion-of-training"_s, 6, {},
                          u"Completion of the Faculty of Public Health curriculum and the DFPH and MFPH examinations."_s),
                    stage(u"Consultant in public health"_s, u"consultant"_s, 12, kYearRound,
                          u"Specialist registration with the UK Public Health Register."_s)};
        linkLinear(p.stages);
        p.summary = u"Public health specialty training is open to graduates from any background, not only doctors."_s;
        p.overview = u"Specialty registrars train in local authorities, the UK Health Security Agency and NHS organisations."_s;
        out.append(p);
    }
    {
        PathwaySpec p{u"public-health-practitioner-registration"_s, u"Public health: practitioner registration"_s,
                      u"public-health"_s, {}, {}, QString(), {}, {}, {u"education-quality-framework"_s}, {}};
        p.stages = {stage(u"Public health degree apprenticeship"_s, u"degree-apprenticeship"_s, 36,
                          u"Advertised by employers on NHS Jobs"_s, {}),
                    stage(u"Registered public health practitioner"_s, u"public-health-practitioner"_s, 36, kYearRound,
                          u"A portfolio assessed against the practitioner standards."_s)};
        linkLinear(p.stages);
        p.summary = u"Register as a public health practitioner through a degree apprenticeship and a practitioner portfolio."_s;
        p.overview = u"Regional practitioner registration schemes support you with mentoring and portfolio assessment."_s;
        out.append(p);
    }
    // Physician associates.
    for (int variant = 0; variant < 2; ++variant) {
        PathwaySpec p{variant == 0 ? u"physician-associate-postgraduate-route"_s : u"physician-associate-integrated-masters"_s,
                      variant == 0 ? u"Physician associates: postgraduate diploma route"_s
                                   : u"Physician associates: integrated master's route"_s,
                      u"physician-associates"_s, {}, {}, QString(), {}, {}, {u"education-quality-framework"_s}, {}};
        p.stages = {stage(variant == 0 ? u"Postgraduate diploma in physician associate studies"_s
                                       : u"Integrated master's in physician associate studies (MPAS)"_s,
                          u"physician-associate-studies"_s, variant == 0 ? 24 : 48,
                          variant == 0 ? u"Applications direct to universities, usually by January"_s
                                       : u"September to the end of January (UCAS equal consideration deadline)"_s,
                          variant == 0 ? u"A life sciences degree."_s : u"A levels including biology and chemistry."_s),
                    stage(u"Preceptorship year as a physician associate"_s, u"qualified-physician-associate"_s, 12, kYearRound,
                          u"The Physician Associate National Examination and GMC registration."_s),
                    stage(u"Physician associate"_s, u"qualified-physician-associate"_s, 36, kYearRound, {})};
        linkLinear(p.stages);
        p.summary = u"Qualify as a physician associate, pass the national examination and register with the GMC."_s;
        p.overview = u"Physician associates work under the supervision of a named senior doctor within a defined scope of practice."_s;
        out.append(p);
    }
    // Social care.
    struct SocialRoute
    {
        QString slug, title, first;
        QString firstStage;
        int months;
    };
    const QList<SocialRoute> social{
        {u"social-work-degree-route"_s, u"Social care: social work degree"_s, u"BA (Hons) Social Work"_s,
         u"social-work-degree"_s, 36},
        {u"social-work-degree-apprenticeship"_s, u"Social care: social work degree apprenticeship"_s,
         u"Social worker degree apprenticeship"_s, u"degree-apprenticeship"_s, 36},
        {u"social-work-fast-track"_s, u"Social care: postgraduate fast-track into social work"_s,
         u"Step Up to Social Work (postgraduate diploma)"_s, u"social-work-degree"_s, 14},
    };
    for (const SocialRoute &r : social) {
        PathwaySpec p{r.slug, r.title, u"social-care"_s, {}, {}, QString(), {}, {}, {u"apprenticeships-policy"_s}, {}};
        p.stages = {stage(r.first, r.firstStage, r.months, u"Applications usually close in January"_s, {}),
                    stage(u"Assessed and supported year in employment (ASYE)"_s,
                          u"assessed-and-supported-year-in-employment"_s, 12, kYearRound,
                          u"Registration with Social Work England."_s),
                    stage(u"Registered social worker"_s, u"registered-social-worker"_s, 36, kYearRound, {}),
                    stage(u"Approved mental health professional training"_s, u"continuing-professional-development"_s, 12,
                          u"Employer-nominated places"_s, u"Two years' post-qualifying experience."_s)};
        linkLinear(p.stages);
        p.summary = u"Qualify as a social worker through %1, then complete your assessed and supported year in employment."_s
                        .arg(lowerFirst(r.first));
        p.overview = u"Social workers in NHS mental health and hospital discharge teams work alongside health professionals."_s;
        out.append(p);
    }
    {
        PathwaySpec p{u"care-worker-to-registered-nurse"_s, u"Social care: from care worker to registered nurse"_s,
                      u"social-care"_s, {u"nursing"_s}, {}, u"older-people-and-frailty"_s, {}, {},
                      {u"apprenticeships-policy"_s}, {}};
        p.stages = {stage(u"Care worker (Care Certificate)"_s, u"continuing-professional-development"_s, 12,
                          u"Advertised by care providers year-round"_s, {}),
                    stage(u"Trainee nursing associate"_s, u"trainee-nursing-associate"_s, 24,
                          u"Advertised by employers on NHS Jobs"_s, u"Employer support and Level 2 English and maths."_s),
                    stage(u"Nursing associate top-up apprenticeship"_s, u"degree-apprenticeship"_s, 24,
                          u"Offered by employers to registered nursing associates"_s, {}),
                    stage(u"Registered nurse"_s, u"registered-nurse"_s, 36, kYearRound, {})};
        linkLinear(p.stages);
        p.summary = u"A route from adult social care into registered nursing through the nursing associate apprenticeship."_s;
        p.overview = u"Many care providers and NHS trusts run joint schemes so that care workers can progress without a break in pay."_s;
        out.append(p);
    }
    return out;
}

QList<PathwaySpec> buildPathwaySpecs()
{
    QList<PathwaySpec> all = medicalPathways();
    all += dentalPathways();
    all += nursingAndMidwiferyPathways();
    all += alliedHealthPathways();
    all += otherPathways();
    for (PathwaySpec &spec : all)
        spec.summary = articles(spec.summary);
    return all;
}

// ---- curriculum specifications ------------------------------------------------------

struct CurriculumSpec
{
    QString title;
    QString slug;
    QString code;
    QString subject; // used in outcome titles: "Cardiology"
    QString owner;   // who writes it
    QString profession;
    QString specialty;
    QStringList careerStages;
    QString area;
};

QList<CurriculumSpec> buildCurriculumSpecs()
{
    QList<CurriculumSpec> out;
    for (const data::MedicalSpecialty &s : data::medicalSpecialties()) {
        const QString slug = data::slugify(s.title);
        const bool gp = s.route == data::Route::GeneralPractice;
        out.append({u"%1 curriculum"_s.arg(s.title), slug + u"-curriculum"_s, s.code, s.title, s.college, u"medicine"_s,
                    slug,
                    gp ? QStringList{u"run-through-training"_s}
                       : QStringList{s.route == data::Route::RunThrough ? u"run-through-training"_s : u"core-training"_s,
                                     u"higher-specialty-training"_s},
                    s.area});
    }
    const QString gmc = u"UK Foundation Programme Office"_s;
    out.append({u"UK Foundation Programme curriculum"_s, u"foundation-programme-curriculum"_s, u"FP"_s,
                u"foundation training"_s, gmc, u"medicine"_s, {}, {u"foundation-year-1"_s, u"foundation-year-2"_s}, {}});
    out.append({u"Internal Medicine Training curriculum"_s, u"internal-medicine-training-curriculum"_s, u"IMT"_s,
                u"internal medicine"_s, u"Joint Royal Colleges of Physicians Training Board"_s, u"medicine"_s, {},
                {u"core-training"_s}, {}});
    out.append({u"Core Surgical Training curriculum"_s, u"core-surgical-training-curriculum"_s, u"CST"_s,
                u"core surgery"_s, u"Joint Committee on Surgical Training"_s, u"medicine"_s, {}, {u"core-training"_s}, {}});
    out.append({u"Core Psychiatry Training curriculum"_s, u"core-psychiatry-training-curriculum"_s, u"CPSY"_s,
                u"core psychiatry"_s, u"Royal College of Psychiatrists"_s, u"medicine"_s, {}, {u"core-training"_s},
                u"mental-health"_s});
    out.append({u"Acute Care Common Stem curriculum"_s, u"acute-care-common-stem-curriculum"_s, u"ACCS"_s,
                u"acute care"_s, u"Royal College of Emergency Medicine"_s, u"medicine"_s, {}, {u"core-training"_s},
                u"urgent-and-emergency-care"_s});
    out.append({u"Dental foundation training curriculum"_s, u"dental-foundation-training-curriculum"_s, u"DFT"_s,
                u"general dental practice"_s, u"COPDEND"_s, u"dentistry"_s, {}, {u"dental-foundation-training"_s}, {}});
    out.append({u"Dental core training curriculum"_s, u"dental-core-training-curriculum"_s, u"DCT"_s,
                u"dental core training"_s, u"COPDEND"_s, u"dentistry"_s, {}, {u"dental-core-training"_s}, {}});
    for (const data::DentalSpecialty &d : data::dentalSpecialties()) {
        const QString slug = data::slugify(d.title);
        out.append({u"%1 specialty training curriculum"_s.arg(d.title), slug + u"-curriculum"_s, d.code, d.title,
                    u"General Dental Council"_s, u"dentistry"_s, slug, {u"dental-specialty-training"_s}, {}});
    }
    out.append({u"Advanced clinical practice curriculum framework"_s, u"advanced-clinical-practice-curriculum"_s,
                u"ACP"_s, u"advanced clinical practice"_s, u"NHS England Centre for Advancing Practice"_s, u"nursing"_s,
                {}, {u"advanced-practice"_s}, {}});
    out.append({u"Foundation pharmacist training curriculum"_s, u"foundation-pharmacist-curriculum"_s, u"FTP"_s,
                u"pharmacy practice"_s, u"General Pharmaceutical Council"_s, u"pharmacy"_s, {},
                {u"foundation-trainee-pharmacist"_s}, {}});
    out.append({u"Physician associate curriculum"_s, u"physician-associate-curriculum"_s, u"PA"_s,
                u"physician associate practice"_s, u"Faculty of Physician Associates"_s, u"physician-associates"_s, {},
                {u"physician-associate-studies"_s}, {}});
    out.append({u"Scientist Training Programme curriculum"_s, u"scientist-training-programme-curriculum"_s, u"STP"_s,
                u"healthcare science"_s, u"National School of Healthcare Science"_s, u"healthcare-science"_s, {},
                {u"scientist-training-programme"_s}, {}});
    out.append({u"Nursing associate curriculum"_s, u"nursing-associate-curriculum"_s, u"NA"_s,
                u"nursing associate practice"_s, u"Nursing and Midwifery Council"_s, u"nursing"_s, {},
                {u"trainee-nursing-associate"_s}, {}});
    return out;
}

// ---- the generator ------------------------------------------------------------------

class Generator
{
public:
    Generator(const DemoOptions &options, DemoSink &sink)
        : m_seed(options.seed), m_scale(std::max(1, options.scale)), m_sink(sink), m_pathways(buildPathwaySpecs()),
          m_curricula(buildCurriculumSpecs())
    {
        for (const data::CareerStage &c : data::careerStages())
            m_stagePortal.insert(c.slug, c.portal);
        for (qsizetype i = 0; i < data::policies().size(); ++i)
            m_policyIndex.insert(data::policies()[i].slug, static_cast<int>(i));
    }

    DemoStats run()
    {
        generatePortals();
        generateTerms();
        generatePolicies();
        generatePages();
        generatePathways();
        generateCurricula();
        generateResources();
        generateNews();
        generateFundingGuides();
        generateBulletins();
        return m_stats;
    }

private:
    // ---- ids, randomness, slugs

    [[nodiscard]] QUuid idFor(const QString &key) const { return DemoRandom::forKey(m_seed, u"id/"_s + key).uuid(); }
    [[nodiscard]] DemoRandom randomFor(const QString &key) const { return DemoRandom::forKey(m_seed, u"content/"_s + key); }

    [[nodiscard]] QUuid portalId(const QString &slug) const { return idFor(u"portal/"_s + slug); }
    [[nodiscard]] QUuid policyId(int index, int copy) const { return idFor(u"policy/%1/%2"_s.arg(copy).arg(index)); }
    [[nodiscard]] QUuid policyId(const QString &slug) const
    {
        Q_ASSERT(m_policyIndex.contains(slug));
        return policyId(m_policyIndex.value(slug), 0);
    }
    [[nodiscard]] QUuid pathwayId(const QString &slug, int copy) const
    {
        return idFor(u"pathway/%1/%2"_s.arg(copy).arg(slug));
    }
    [[nodiscard]] QUuid resourceId(int index, int copy) const { return idFor(u"resource/%1/%2"_s.arg(copy).arg(index)); }

    QString uniqueSlug(ItemType type, const QString &base)
    {
        QSet<QString> &taken = m_slugs[static_cast<size_t>(type)];
        QString slug = base.size() > 90 ? data::slugify(base, 90) : base;
        Q_ASSERT(isValidSlug(slug));
        if (!taken.contains(slug)) {
            taken.insert(slug);
            return slug;
        }
        for (int n = 2;; ++n) {
            const QString candidate = slug + u'-' + QString::number(n);
            if (!taken.contains(candidate)) {
                taken.insert(candidate);
                return candidate;
            }
        }
    }

    Item newItem(ItemType type, const QUuid &id, const QString &title, const QString &slugBase, const QString &summary)
    {
        Item item = Item::create(type, id);
        item.title = title;
        item.slug = uniqueSlug(type, slugBase);
        item.summary = summary;
        item.state = WorkflowState::Published;
        return item;
    }

    // Mostly published; a realistic few in each editorial state; approved items are often
    // scheduled to publish at a London time in 2026 or 2027.
    void assignWorkflow(Item &item, DemoRandom &r)
    {
        const quint64 roll = r.below(1000);
        if (roll < 20) {
            item.state = WorkflowState::Draft;
        } else if (roll < 36) {
            item.state = WorkflowState::InReview;
        } else if (roll < 46) {
            item.state = WorkflowState::ChangesRequested;
        } else if (roll < 62) {
            item.state = WorkflowState::Approved;
            if (r.percent(65))
                item.schedule.publishAt = londonTime(r.dateBetween(QDate(2026, 1, 5), QDate(2027, 12, 17)), r);
        } else if (roll < 66) {
            item.state = WorkflowState::Archived;
        } else {
            item.state = WorkflowState::Published;
        }
    }

    static QDateTime londonTime(const QDate &date, DemoRandom &r)
    {
        static const QList<int> hours{7, 8, 9, 10, 12, 14, 16};
        const int hour = r.pick(hours);
        const int minute = static_cast<int>(r.below(4)) * 15;
        return QDateTime(date, QTime(hour, minute), london());
    }

    // ---- paragraphs

    static Paragraph paragraph(DemoRandom &r, ParagraphKind kind)
    {
        Paragraph p;
        p.id = idString(r.uuid());
        p.kind = kind;
        return p;
    }
    static Paragraph text(DemoRandom &r, const QString &markdown)
    {
        Paragraph p = paragraph(r, ParagraphKind::Text);
        p.markdown = markdown;
        return p;
    }
    static Paragraph heading(DemoRandom &r, const QString &title, int level = 2)
    {
        Paragraph p = paragraph(r, ParagraphKind::Heading);
        p.text = title;
        p.level = level;
        return p;
    }
    static Paragraph callout(DemoRandom &r, const QString &title, const QString &markdown,
                             CalloutStyle style = CalloutStyle::Info)
    {
        Paragraph p = paragraph(r, ParagraphKind::Callout);
        p.text = title;
        p.markdown = markdown;
        p.style = style;
        return p;
    }
    static Paragraph linkList(DemoRandom &r, const QString &title, const QList<Link> &links)
    {
        Paragraph p = paragraph(r, ParagraphKind::LinkList);
        p.text = title;
        p.links = links;
        return p;
    }
    static Paragraph reference(DemoRandom &r, ParagraphKind kind, const QUuid &target)
    {
        Paragraph p = paragraph(r, kind);
        p.target = target;
        return p;
    }

    static Link portalLink(const QString &slug)
    {
        for (const data::Portal &p : data::portals()) {
            if (p.slug == slug)
                return Link{p.title, p.url};
        }
        Q_UNREACHABLE();
        return Link{};
    }

    // ---- output

    [[nodiscard]] bool stopped() const { return !m_stats.error.isEmpty(); }

    void checkSink()
    {
        const QString error = m_sink.errorString();
        if (!error.isEmpty() && m_stats.error.isEmpty())
            m_stats.error = error;
    }

    void attachPdf(Item &item, const QByteArray &bytes, const QString &name)
    {
        if (stopped())
            return;
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        item.attachments.append(Attachment{sha, name, u"application/pdf"_s, bytes.size()});
        ++m_stats.attachments;
        m_stats.attachmentBytes += bytes.size();
        m_sink.attachment(sha, bytes);
        checkSink();
    }

    void emitItem(Item &item)
    {
        if (stopped())
            return;
        for (Vocabulary v : allVocabularies()) {
            QStringList &list = item.tags.terms(v);
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
            list.removeAll(QString());
        }
        if (item.meta.description.isEmpty())
            item.meta.description = clip(item.summary, Limits::kMetaDescription);
        const QByteArray bytes = serialize(item);
        TypeStats &t = m_stats.perType[static_cast<size_t>(item.type())];
        ++t.items;
        t.bytes += bytes.size();
        ++m_stats.items;
        m_stats.itemBytes += bytes.size();
        m_sink.item(item, bytes);
        checkSink();
    }

    // ---- portals and terms

    void generatePortals()
    {
        for (const data::Portal &p : data::portals()) {
            DemoRandom r = randomFor(u"portal/"_s + p.slug);
            Item item = newItem(ItemType::Portal, portalId(p.slug), p.title, p.slug, p.purpose);
            item.as<PortalFields>() = PortalFields{p.url, p.purpose};
            QStringList stageTitles;
            for (const data::CareerStage &c : data::careerStages()) {
                if (c.portal == p.slug) {
                    item.tags.careerStages.append(c.slug);
                    stageTitles.append(lowerFirst(c.title));
                }
            }
            item.paragraphs.append(text(r, u"**%1**: %2\n\nCareer pathways on this site send you to %1 when you reach a stage that it serves, so you always start from the right front door."_s
                                               .arg(p.title, lowerFirst(p.purpose))));
            if (!stageTitles.isEmpty())
                item.paragraphs.append(text(r, u"Career stages that route here:\n\n"_s + bullets(stageTitles)));
            item.paragraphs.append(linkList(r, u"Go to %1"_s.arg(p.title), {Link{p.title, p.url}}));
            item.meta.keywords = {p.title, u"portal"_s};
            emitItem(item);
        }
    }

    void emitTerm(const QString &key, Vocabulary vocabulary, const QString &slug, const QString &title,
                  const QString &parent, int order, const QString &summary, const QUuid &portal = {})
    {
        DemoRandom r = randomFor(u"term/"_s + key);
        Item item = Item::create(ItemType::Term, idFor(u"term/"_s + key));
        item.title = title;
        item.slug = slug;
        Q_ASSERT(!m_slugs[static_cast<size_t>(ItemType::Term)].contains(slug));
        m_slugs[static_cast<size_t>(ItemType::Term)].insert(slug);
        item.summary = summary;
        item.state = WorkflowState::Published;
        item.as<TermFields>() = TermFields{vocabulary, parent, order, portal};
        item.paragraphs.append(text(r, summary));
        emitItem(item);
    }

    void generateTerms()
    {
        // Professions: the eleven groups at the top, the fourteen AHPs beneath theirs.
        QHash<QString, int> siblings;
        for (const data::Profession &p : data::professions()) {
            const int order = siblings[p.parent]++;
            emitTerm(u"profession/"_s + p.slug, Vocabulary::Profession, p.slug, p.title, p.parent, order, p.summary);
        }
        // Specialties: groups, then GMC medical specialties and GDC dental specialties.
        QHash<QString, QString> groupTitle;
        int order = 0;
        for (const data::Named &g : data::specialtyGroups()) {
            groupTitle.insert(g.slug, g.title);
            emitTerm(u"specialty/"_s + g.slug, Vocabulary::Specialty, g.slug, g.title, {}, order++,
                     u"%1 recognised for specialist training in the UK."_s.arg(g.title));
        }
        siblings.clear();
        for (const data::MedicalSpecialty &s : data::medicalSpecialties()) {
            const QString slug = data::slugify(s.title);
            emitTerm(u"specialty/"_s + slug, Vocabulary::Specialty, slug, s.title, s.group, siblings[s.group]++,
                     u"%1 is a GMC-recognised medical specialty (%2). Its curriculum is written by the %3."_s.arg(
                         s.title, lowerFirst(groupTitle.value(s.group)), s.college));
        }
        order = 0;
        for (const data::DentalSpecialty &d : data::dentalSpecialties()) {
            const QString slug = data::slugify(d.title);
            emitTerm(u"specialty/"_s + slug, Vocabulary::Specialty, slug, d.title, u"dental-specialties"_s, order++,
                     u"%1 is one of the thirteen dental specialties with a GDC specialist list."_s.arg(d.title));
        }
        order = 0;
        for (const data::Region &g : data::regions()) {
            emitTerm(u"region/"_s + g.slug, Vocabulary::Region, g.slug, g.title, {}, order++,
                     u"NHS England's %1 region, with teaching trusts in %2 and elsewhere."_s.arg(
                         g.title, QStringList(g.places.mid(0, 4)).join(u", "_s)));
        }
        order = 0;
        for (const data::CareerStage &c : data::careerStages())
            emitTerm(u"career-stage/"_s + c.slug, Vocabulary::CareerStage, c.slug, c.title, {}, order++, c.summary,
                     portalId(c.portal));
        order = 0;
        for (const data::Named &a : data::clinicalAreas()) {
            emitTerm(u"clinical-area/"_s + a.slug, Vocabulary::ClinicalArea, a.slug, a.title, {}, order++,
                     u"Education, training and workforce development in %1."_s.arg(lowerFirst(a.title)));
        }
    }

    // ---- policies

    void generatePolicies()
    {
        const QList<data::Policy> &list = data::policies();
        for (int copy = 0; copy < m_scale && !stopped(); ++copy) {
            for (int i = 0; i < list.size() && !stopped(); ++i) {
                const data::Policy &p = list[i];
                DemoRandom r = randomFor(u"policy/%1/%2"_s.arg(copy).arg(i));
                const int year = p.year - 2 * copy;
                const QString title = copy == 0 ? p.title : u"%1 (%2 edition)"_s.arg(p.title).arg(year);
                const QString slug = copy == 0 ? p.slug : u"%1-%2-edition"_s.arg(p.slug).arg(year);
                Item item = newItem(ItemType::Policy, policyId(i, copy), title, slug, p.summary);
                QString reference = u"HEE-POL-%1"_s.arg(i + 1, 3, 10, QLatin1Char('0'));
                if (copy > 0) {
                    reference += u'-' + QString::number(year);
                    item.state = WorkflowState::Archived; // superseded editions stay on record
                }
                item.as<PolicyFields>() = PolicyFields{reference, QDate(year, p.month, 1)};
                item.paragraphs.append(text(r, p.summary + u"\n\nThis policy applies to learners and educators in every region of England. Regional pages link to it rather than repeating it, so this is always the current text."_s));
                item.paragraphs.append(heading(r, u"Key requirements"_s));
                item.paragraphs.append(text(r, bullets(p.points)));
                if (copy > 0) {
                    item.paragraphs.append(callout(r, u"Superseded"_s,
                                                   u"This edition was replaced by the current %1. It is kept for reference."_s
                                                       .arg(p.title),
                                                   CalloutStyle::Warning));
                } else {
                    item.paragraphs.append(callout(r, u"Questions about this policy"_s,
                                                   u"Contact your local postgraduate or workforce, training and education office. Effective from %1."_s
                                                       .arg(longDate(QDate(year, p.month, 1))),
                                                   CalloutStyle::Info));
                }
                item.meta.keywords = {p.title, u"policy"_s, u"national"_s};
                emitItem(item);
            }
        }
    }

    // ---- pages

    QList<int> hubResourceIndexes(int regionIndex, int count, DemoRandom &r) const
    {
        // Blocks of 100 resources whose region slot is this region, chosen at random.
        QList<int> out;
        const int blocks = kResourcesPerScale / kResourceBlock;
        QList<int> candidates;
        for (int b = 0; b < blocks; ++b) {
            if (b % kResourceRegionSlots == regionIndex + 1)
                candidates.append(b);
        }
        for (int i = 0; i < count; ++i) {
            const int block = r.pick(candidates);
            out.append(block * kResourceBlock + static_cast<int>(r.below(kResourceBlock)));
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    QList<int> professionResourceIndexes(const QString &profession, int count, DemoRandom &r) const
    {
        // National resources (region slot 0) whose audience bucket is this profession.
        QList<int> buckets;
        for (int b = 0; b < kResourceBlock; ++b) {
            if (audienceProfession(b) == profession)
                buckets.append(b);
        }
        QList<int> out;
        if (buckets.isEmpty())
            return out;
        const int blocks = kResourcesPerScale / kResourceBlock;
        for (int i = 0; i < count; ++i) {
            const int block = static_cast<int>(r.below(static_cast<quint64>(blocks / kResourceRegionSlots))) * kResourceRegionSlots;
            out.append(block * kResourceBlock + r.pick(buckets));
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    void generatePages()
    {
        const QList<data::Region> &regionList = data::regions();
        // Home.
        {
            DemoRandom r = randomFor(u"page/home"_s);
            Item item = newItem(ItemType::Page, idFor(u"page/home"_s), u"Training and careers in the NHS"_s, u"home"_s,
                                u"Find your career pathway in the NHS, the training that leads to it and the portal where you apply, wherever you are in England."_s);
            item.as<PageFields>().kind = PageKind::Home;
            item.paragraphs.append(heading(r, u"Find your career pathway"_s));
            item.paragraphs.append(text(r, u"Whether you are choosing a degree, starting the Foundation Programme or planning a move into advanced practice, start here. Every pathway shows each stage of training, how long it takes and where you apply.\n\n- **More than 350 career pathways** across medicine, dentistry, nursing, midwifery, pharmacy, the allied health professions, healthcare science and more\n- **Curricula and assessment** for every medical specialty\n- **Regional hubs** with local news, funding and contacts"_s));
            QList<Link> hubs;
            for (const data::Region &g : regionList)
                hubs.append(Link{g.title, u"/regions/"_s + g.slug + u'/'});
            item.paragraphs.append(linkList(r, u"Regional hubs"_s, hubs));
            item.paragraphs.append(heading(r, u"Featured pathways"_s));
            for (const QString &slug : {u"general-practice-training-pathway"_s, u"adult-nursing-degree-route"_s,
                                        u"paramedics-degree-apprenticeship"_s})
                item.paragraphs.append(reference(r, ParagraphKind::PathwayRef, pathwayId(slug, 0)));
            item.paragraphs.append(reference(r, ParagraphKind::PolicyRef, policyId(u"nhs-long-term-workforce-plan"_s)));
            QList<Link> portalLinks;
            for (const data::Portal &p : data::portals())
                portalLinks.append(Link{p.title, p.url});
            item.paragraphs.append(linkList(r, u"Where you apply"_s, portalLinks));
            item.paragraphs.append(callout(r, u"Stay updated"_s,
                                           u"Sign up for bulletins for your profession and region to hear about recruitment windows, funding and changes to training."_s));
            item.meta.keywords = {u"NHS careers"_s, u"training"_s, u"career pathways"_s};
            emitItem(item);
        }
        // Regional hubs.
        const QStringList alwaysOnHubs{u"gold-guide"_s, u"study-leave-policy"_s, u"professional-support-and-wellbeing"_s};
        for (int g = 0; g < regionList.size() && !stopped(); ++g) {
            const data::Region &region = regionList[g];
            DemoRandom r = randomFor(u"page/hub/"_s + region.slug);
            Item item = newItem(ItemType::Page, idFor(u"page/hub/"_s + region.slug), u"%1 hub"_s.arg(region.title),
                                region.slug,
                                u"Training, education and careers in %1: local news, funding, training programmes and contacts for learners and educators."_s
                                    .arg(inText(region)));
            item.as<PageFields>().kind = PageKind::RegionalHub;
            item.tags.regions = {region.slug};
            item.paragraphs.append(heading(r, u"Welcome to the %1 hub"_s.arg(region.title)));
            item.paragraphs.append(text(r, u"We commission and quality-assure education and training for more than %1,000 learners across %2, with teaching hospitals and training hubs in %3 and beyond.\n\nOur local office looks after recruitment, rotations, study leave and professional support for postgraduate doctors and dentists, and placements and funding for every other profession."_s
                                               .arg(r.range(18, 36))
                                               .arg(inText(region), joinWithAnd(region.places.mid(0, 5)))));
            item.paragraphs.append(heading(r, u"National policies that apply here"_s));
            QStringList policySlugs = alwaysOnHubs;
            const QList<data::Policy> &policyList = data::policies();
            for (int extra : r.sample(static_cast<int>(policyList.size()), 3)) {
                if (!policySlugs.contains(policyList[extra].slug))
                    policySlugs.append(policyList[extra].slug);
            }
            for (const QString &slug : policySlugs)
                item.paragraphs.append(reference(r, ParagraphKind::PolicyRef, policyId(slug)));
            item.paragraphs.append(heading(r, u"Career pathways"_s));
            for (int p : r.sample(static_cast<int>(m_pathways.size()), 3))
                item.paragraphs.append(reference(r, ParagraphKind::PathwayRef, pathwayId(m_pathways[p].slug, 0)));
            item.paragraphs.append(heading(r, u"Latest resources"_s));
            for (int index : hubResourceIndexes(g, 4, r))
                item.paragraphs.append(reference(r, ParagraphKind::ResourceRef, resourceId(index, 0)));
            item.paragraphs.append(linkList(r, u"In %1"_s.arg(inText(region)),
                                            {Link{u"News and training office updates"_s, u"/regions/%1/news/"_s.arg(region.slug)},
                                             Link{u"Funding guides"_s, u"/regions/%1/funding/"_s.arg(region.slug)},
                                             Link{u"Stay updated (news feed)"_s, u"/feeds/regions/%1.xml"_s.arg(region.slug)},
                                             portalLink(u"trainee-information-system"_s)}));
            item.paragraphs.append(callout(r, u"Contact the training office"_s,
                                           u"The %1 training office is open Monday to Friday, 9am to 5pm. Use the enquiry form and include your GMC, GDC or NMC number if you have one."_s
                                               .arg(region.title)));
            item.meta.keywords = {region.title, u"regional hub"_s};
            emitItem(item);
        }
        // Profession landing pages, one per profession group.
        for (const data::Profession &p : data::professions()) {
            if (stopped() || !p.parent.isEmpty())
                continue;
            DemoRandom r = randomFor(u"page/profession/"_s + p.slug);
            Item item = newItem(ItemType::Page, idFor(u"page/profession/"_s + p.slug), u"Careers in %1"_s.arg(p.title),
                                p.slug, p.summary);
            item.as<PageFields>().kind = PageKind::ProfessionLanding;
            item.tags.professions = {p.slug};
            item.paragraphs.append(heading(r, u"Careers for %1"_s.arg(p.people)));
            item.paragraphs.append(text(r, p.summary + u"\n\nOn this page you will find the main routes into the profession, the policies that govern training and the resources most used by %1 and their educators."_s.arg(p.people)));
            QStringList policySlugs{u"nhs-long-term-workforce-plan"_s};
            if (p.slug == u"medicine"_s || p.slug == u"dentistry"_s)
                policySlugs += {u"gold-guide"_s, u"educational-supervision-standards"_s, u"less-than-full-time-training"_s};
            else if (p.slug == u"nursing"_s || p.slug == u"midwifery"_s)
                policySlugs += {u"national-preceptorship-framework"_s, u"advanced-clinical-practice-framework"_s,
                                u"clinical-placements-policy"_s};
            else if (p.slug == u"pharmacy"_s)
                policySlugs += {u"foundation-pharmacist-training-year"_s, u"advanced-clinical-practice-framework"_s};
            else if (p.slug == u"allied-health-professions"_s)
                policySlugs += {u"advanced-clinical-practice-framework"_s, u"apprenticeships-policy"_s,
                                u"clinical-placements-policy"_s};
            else
                policySlugs += {u"education-quality-framework"_s, u"equality-diversity-and-inclusion"_s};
            item.paragraphs.append(heading(r, u"Policies and standards"_s));
            for (const QString &slug : policySlugs)
                item.paragraphs.append(reference(r, ParagraphKind::PolicyRef, policyId(slug)));
            item.paragraphs.append(heading(r, u"Career pathways"_s));
            QList<int> mine;
            for (qsizetype i = 0; i < m_pathways.size(); ++i) {
                const PathwaySpec &spec = m_pathways[i];
                if (spec.profession == p.slug || spec.extraProfessions.contains(p.slug))
                    mine.append(static_cast<int>(i));
            }
            for (int i : r.sample(static_cast<int>(mine.size()), 4))
                item.paragraphs.append(reference(r, ParagraphKind::PathwayRef, pathwayId(m_pathways[mine[i]].slug, 0)));
            const QList<int> resources = professionResourceIndexes(p.slug, 3, r);
            if (!resources.isEmpty()) {
                item.paragraphs.append(heading(r, u"Resources"_s));
                for (int index : resources)
                    item.paragraphs.append(reference(r, ParagraphKind::ResourceRef, resourceId(index, 0)));
            }
            QList<Link> links;
            for (const QString &portal : portalsFor(p.slug))
                links.append(portalLink(portal));
            item.paragraphs.append(linkList(r, u"Where to apply and learn"_s, links));
            item.meta.keywords = {p.title, u"careers"_s};
            emitItem(item);
        }
    }

    static QStringList portalsFor(const QString &profession)
    {
        if (profession == u"medicine"_s)
            return {u"ucas"_s, u"oriel"_s, u"medical-hub"_s, u"trainee-information-system"_s, u"e-learning-for-healthcare"_s};
        if (profession == u"dentistry"_s || profession == u"healthcare-science"_s || profession == u"public-health"_s)
            return {u"ucas"_s, u"oriel"_s, u"nhs-jobs"_s, u"e-learning-for-healthcare"_s};
        if (profession == u"pharmacy"_s)
            return {u"ucas"_s, u"oriel"_s, u"nhs-jobs"_s, u"nhs-learning-hub"_s};
        return {u"ucas"_s, u"nhs-jobs"_s, u"e-learning-for-healthcare"_s, u"nhs-learning-hub"_s};
    }

    // ---- pathways

    void generatePathways()
    {
        const QList<data::Region> &regionList = data::regions();
        for (int copy = 0; copy < m_scale && !stopped(); ++copy) {
            for (const PathwaySpec &spec : std::as_const(m_pathways)) {
                if (stopped())
                    return;
                DemoRandom r = randomFor(u"pathway/%1/%2"_s.arg(copy).arg(spec.slug));
                QString title = spec.title;
                QString slug = spec.slug;
                const data::Region *region = nullptr;
                if (copy > 0) {
                    region = &regionList[(copy - 1) % regionList.size()];
                    const int round = (copy - 1) / static_cast<int>(regionList.size());
                    title += round == 0 ? u" (%1)"_s.arg(region->title)
                                        : u" (%1, programme %2)"_s.arg(region->title).arg(round + 1);
                    slug += u'-' + region->slug + (round == 0 ? QString() : u'-' + QString::number(round + 1));
                }
                Item item = newItem(ItemType::Pathway, pathwayId(spec.slug, copy), title, slug, spec.summary);
                if (copy > 0)
                    assignWorkflow(item, r);
                PathwayFields &fields = item.as<PathwayFields>();
                fields.profession = spec.profession;
                QStringList ids;
                for (qsizetype i = 0; i < spec.stages.size(); ++i)
                    ids.append(idString(r.uuid()));
                QStringList stageLines;
                QStringList portalSlugs;
                for (qsizetype i = 0; i < spec.stages.size(); ++i) {
                    const StageSpec &s = spec.stages[i];
                    Q_ASSERT(m_stagePortal.contains(s.careerStage));
                    const QString portal = m_stagePortal.value(s.careerStage);
                    PathwayStage out;
                    out.id = ids[i];
                    out.title = s.title;
                    out.careerStage = s.careerStage;
                    out.durationMonths = s.months;
                    out.entryRequirements = s.entry;
                    if (region && !s.window.isEmpty() && s.careerStage != u"medical-school"_s)
                        out.entryRequirements += (out.entryRequirements.isEmpty() ? QString() : u"\n\n"_s)
                            + u"Posts in this programme are based in %1 and nearby trusts."_s.arg(r.pick(region->places));
                    out.portal = portalId(portal);
                    out.recruitmentWindow = s.window;
                    for (int n : s.next)
                        out.next.append(ids[n]);
                    fields.stages.append(out);
                    item.tags.careerStages.append(s.careerStage);
                    if (!portalSlugs.contains(portal))
                        portalSlugs.append(portal);
                    stageLines.append(u"**%1**: %2"_s.arg(s.title, s.months % 12 == 0
                                                                        ? (s.months == 12 ? u"1 year"_s : u"%1 years"_s.arg(s.months / 12))
                                                                        : u"%1 months"_s.arg(s.months)));
                }
                item.tags.professions = QStringList{spec.profession} + spec.extraProfessions;
                if (!spec.specialty.isEmpty())
                    item.tags.specialties = {spec.specialty};
                if (!spec.area.isEmpty())
                    item.tags.clinicalAreas = {spec.area};
                if (region)
                    item.tags.regions = {region->slug};
                item.paragraphs.append(text(r, spec.overview));
                item.paragraphs.append(heading(r, u"Stages at a glance"_s));
                item.paragraphs.append(text(r, bullets(stageLines)));
                for (const QString &policy : spec.policies)
                    item.paragraphs.append(reference(r, ParagraphKind::PolicyRef, policyId(policy)));
                QList<Link> links;
                for (const QString &portal : portalSlugs)
                    links.append(portalLink(portal));
                item.paragraphs.append(linkList(r, u"Where you apply"_s, links));
                if (r.percent(30))
                    item.paragraphs.append(callout(r, u"Check the recruitment timetable"_s,
                                                   u"Recruitment windows move from year to year. Check the dates on the portal before you plan your application."_s,
                                                   CalloutStyle::Important));
                item.meta.keywords = {title.section(u':', 0, 0), u"career pathway"_s};
                emitItem(item);
            }
        }
    }

    // ---- curricula

    void generateCurricula()
    {
        static const QStringList specialtyOutcomes{
            u"Assess and manage patients referred to %1 services"_s,
            u"Manage acute presentations in %1 safely and effectively"_s,
            u"Deliver %1 care in outpatient and community settings"_s,
            u"Request, perform and interpret the investigations used in %1"_s,
            u"Carry out the practical procedures required in %1"_s,
            u"Manage long-term and complex conditions seen in %1"_s,
            u"Provide a %1 opinion to colleagues across the multidisciplinary team"_s,
            u"Lead a %1 service, including its clinical governance"_s,
        };
        static const QStringList genericOutcomes{
            u"Practise within the legal and ethical frameworks that govern %1"_s,
            u"Communicate effectively with patients, families and colleagues"_s,
            u"Promote health and prevent illness in the populations you serve"_s,
            u"Work safely, report incidents and improve the quality of care"_s,
            u"Recognise and respond to safeguarding concerns"_s,
            u"Teach, supervise and assess learners and colleagues"_s,
            u"Use research evidence and contribute to research and scholarship"_s,
            u"Lead and work in teams, managing your own time and resources"_s,
        };
        static const QStringList outcomeDescriptions{
            u"Evidence comes from supervised learning events, reflective practice and multi-source feedback."_s,
            u"Supervisors judge progress against the entrustment scale at each review."_s,
            u"Learners show this across a range of settings and with increasing independence."_s,
            u"This outcome is assessed in the workplace and at the critical progression points."_s,
        };
        static const QStringList capabilityTitles{
            u"Managing the acute take in %1"_s,
            u"Running an outpatient %1 clinic"_s,
            u"Working across the interface with primary care"_s,
            u"Leading the multidisciplinary team"_s,
            u"Managing the deteriorating patient"_s,
            u"Making safe decisions under uncertainty"_s,
            u"Delivering effective handover and continuity of care"_s,
            u"Supporting patients at the end of life"_s,
            u"Teaching and supervising in %1"_s,
            u"Improving the quality of %1 services"_s,
        };
        static const QList<std::pair<AssessmentMethod, QString>> methods{
            {AssessmentMethod::WorkplaceBased, u"Supervised learning events recorded in the e-portfolio throughout training."_s},
            {AssessmentMethod::Examination, u"The written and clinical examinations required for the curriculum."_s},
            {AssessmentMethod::Portfolio, u"A portfolio of reflective practice, audits and quality improvement."_s},
            {AssessmentMethod::Arcp, u"An Annual Review of Competence Progression at least once a year."_s},
            {AssessmentMethod::Dops, u"Direct observation of procedural skills for the core procedures."_s},
            {AssessmentMethod::MiniCex, u"Mini clinical evaluation exercises across a range of presentations."_s},
            {AssessmentMethod::CaseBasedDiscussion, u"Case-based discussions of the learner's own patients."_s},
            {AssessmentMethod::MultiSourceFeedback, u"Multi-source feedback from colleagues, at least once a year."_s},
            {AssessmentMethod::Osce, u"An objective structured clinical examination before progression."_s},
        };
        for (int copy = 0; copy < m_scale && !stopped(); ++copy) {
            for (qsizetype c = 0; c < m_curricula.size() && !stopped(); ++c) {
                const CurriculumSpec &spec = m_curricula[c];
                // The base year is fixed per curriculum and seed; copies are earlier versions.
                DemoRandom base = randomFor(u"curriculum/base/"_s + spec.slug);
                const int currentYear = base.range(2021, 2025);
                const int year = currentYear - 3 * copy;
                DemoRandom r = randomFor(u"curriculum/%1/%2"_s.arg(copy).arg(spec.slug));
                const QString title = copy == 0 ? spec.title : u"%1 (%2)"_s.arg(spec.title).arg(year);
                const QString slug = copy == 0 ? spec.slug : u"%1-%2"_s.arg(spec.slug).arg(year);
                Item item = newItem(ItemType::Curriculum, idFor(u"curriculum/%1/%2"_s.arg(copy).arg(spec.slug)), title, slug,
                                    u"The %1 sets out the learning outcomes, capabilities and assessments for %2 training, approved for use from August %3."_s
                                        .arg(lowerFirst(spec.title), spec.subject)
                                        .arg(year));
                if (copy == 0)
                    assignWorkflow(item, r);
                if (item.state == WorkflowState::Archived)
                    item.state = WorkflowState::Published;
                CurriculumFields &f = item.as<CurriculumFields>();
                f.version = u"%1 v1.%2"_s.arg(year).arg(r.range(0, 4));
                f.effectiveFrom = firstWednesdayOfAugust(year);
                if (copy > 0)
                    f.effectiveTo = firstWednesdayOfAugust(year + 3).addDays(-1);

                QStringList pool;
                for (const QString &o : specialtyOutcomes)
                    pool.append(articles(o.arg(spec.subject)));
                for (const QString &o : genericOutcomes)
                    pool.append(articles(o.contains(u"%1"_s) ? o.arg(lowerFirst(spec.subject)) : o));
                const int outcomeCount = r.range(6, 12);
                QStringList codes;
                for (int i : r.sample(static_cast<int>(pool.size()), outcomeCount)) {
                    const QString code = u"%1-LO-%2"_s.arg(spec.code).arg(codes.size() + 1, 2, 10, QLatin1Char('0'));
                    codes.append(code);
                    f.learningOutcomes.append(LearningOutcome{idString(r.uuid()), code, pool[i], r.pick(outcomeDescriptions)});
                }
                const int capabilityCount = r.range(4, 8);
                int n = 0;
                for (int i : r.sample(static_cast<int>(capabilityTitles.size()), capabilityCount)) {
                    const QString capabilityTitle = capabilityTitles[i].contains(u"%1"_s)
                        ? capabilityTitles[i].arg(lowerFirst(spec.subject))
                        : capabilityTitles[i];
                    QStringList evidences;
                    for (int k : r.sample(static_cast<int>(codes.size()), r.range(1, 3)))
                        evidences.append(codes[k]);
                    f.competencies.append(Competency{
                        idString(r.uuid()), u"%1-CIP-%2"_s.arg(spec.code).arg(++n, 2, 10, QLatin1Char('0')),
                        capabilityTitle,
                        u"Entrusted to act %1 by the end of training."_s.arg(
                            r.percent(50) ? u"unsupervised"_s : u"with supervision available if needed"_s),
                        evidences});
                }
                QStringList assessmentLines;
                for (int i : r.sample(static_cast<int>(methods.size()), r.range(3, 6))) {
                    f.assessments.append(Assessment{idString(r.uuid()), methods[i].first, methods[i].second});
                    assessmentLines.append(methods[i].second);
                }

                item.tags.professions = {spec.profession};
                if (!spec.specialty.isEmpty())
                    item.tags.specialties = {spec.specialty};
                item.tags.careerStages = spec.careerStages;
                if (!spec.area.isEmpty())
                    item.tags.clinicalAreas = {spec.area};

                item.paragraphs.append(heading(r, u"About this curriculum"_s));
                item.paragraphs.append(text(r, u"This curriculum is written by the %1 and describes what a learner must be able to do by the end of %2 training. It uses high-level capabilities in practice, judged by supervisors, rather than long lists of competences.\n\n- %3 learning outcomes and %4 capabilities in practice\n- Assessed through the e-portfolio and at ARCP\n- Version %5, in use from %6"_s
                                               .arg(spec.owner, spec.subject)
                                               .arg(f.learningOutcomes.size())
                                               .arg(f.competencies.size())
                                               .arg(f.version, longDate(f.effectiveFrom))));
                Paragraph outcomes = paragraph(r, ParagraphKind::LearningOutcomes);
                outcomes.text = u"By the end of training you will meet these learning outcomes."_s;
                outcomes.outcomeCodes = codes;
                item.paragraphs.append(outcomes);
                item.paragraphs.append(heading(r, u"How you will be assessed"_s));
                item.paragraphs.append(text(r, bullets(assessmentLines)));
                item.paragraphs.append(reference(r, ParagraphKind::PolicyRef,
                                                 policyId(spec.profession == u"medicine"_s || spec.profession == u"dentistry"_s
                                                              ? u"annual-review-of-competence-progression"_s
                                                              : u"education-quality-framework"_s)));
                if (copy > 0)
                    item.paragraphs.append(callout(r, u"Superseded curriculum"_s,
                                                   u"Learners still on this version move to the current curriculum at their next ARCP unless they are within a year of completion."_s,
                                                   CalloutStyle::Warning));
                else if (r.percent(40))
                    item.paragraphs.append(callout(r, u"Moving to this curriculum"_s,
                                                   u"Learners on the previous version moved to this curriculum at the August %1 changeover. Speak to your educational supervisor if you are unsure which applies to you."_s
                                                       .arg(year)));
                item.meta.keywords = {spec.subject, u"curriculum"_s};
                emitItem(item);
            }
        }
    }

    static QDate firstWednesdayOfAugust(int year)
    {
        QDate d(year, 8, 1);
        while (d.dayOfWeek() != Qt::Wednesday)
            d = d.addDays(1);
        return d;
    }

    // ---- resources

    // Which profession a resource bucket (index % 100) is for; empty: multi-professional.
    static QString audienceProfession(int bucket)
    {
        if (bucket < 40) return u"medicine"_s;
        if (bucket < 46) return u"dentistry"_s;
        if (bucket < 58) return u"nursing"_s;
        if (bucket < 62) return u"midwifery"_s;
        if (bucket < 67) return u"pharmacy"_s;
        if (bucket < 79) return u"allied-health-professions"_s;
        if (bucket < 84) return u"healthcare-science"_s;
        if (bucket < 89) return u"psychological-professions"_s;
        if (bucket < 92) return u"public-health"_s;
        if (bucket < 95) return u"physician-associates"_s;
        if (bucket < 98) return u"social-care"_s;
        return QString();
    }

    static QStringList careerStagesFor(const QString &profession)
    {
        if (profession == u"medicine"_s)
            return {u"foundation-year-1"_s, u"foundation-year-2"_s, u"core-training"_s, u"run-through-training"_s,
                    u"higher-specialty-training"_s, u"sas-doctor"_s, u"locally-employed-doctor"_s};
        if (profession == u"dentistry"_s)
            return {u"dental-foundation-training"_s, u"dental-core-training"_s, u"dental-specialty-training"_s,
                    u"general-dental-practitioner"_s};
        if (profession == u"nursing"_s)
            return {u"pre-registration-degree"_s, u"trainee-nursing-associate"_s, u"preceptorship"_s, u"registered-nurse"_s,
                    u"advanced-practice"_s};
        if (profession == u"midwifery"_s)
            return {u"pre-registration-degree"_s, u"preceptorship"_s, u"registered-midwife"_s, u"advanced-practice"_s};
        if (profession == u"pharmacy"_s)
            return {u"foundation-trainee-pharmacist"_s, u"registered-pharmacist"_s, u"trainee-pharmacy-technician"_s,
                    u"pharmacy-technician"_s};
        if (profession == u"healthcare-science"_s)
            return {u"practitioner-training-programme"_s, u"scientist-training-programme"_s, u"clinical-scientist"_s,
                    u"higher-specialist-scientist-training"_s};
        if (profession == u"psychological-professions"_s)
            return {u"assistant-psychologist"_s, u"psychological-professions-training"_s, u"registered-practitioner"_s};
        if (profession == u"public-health"_s)
            return {u"public-health-practitioner"_s, u"run-through-training"_s};
        if (profession == u"physician-associates"_s)
            return {u"physician-associate-studies"_s, u"qualified-physician-associate"_s};
        if (profession == u"social-care"_s)
            return {u"social-work-degree"_s, u"assessed-and-supported-year-in-employment"_s, u"registered-social-worker"_s};
        return {u"pre-registration-degree"_s, u"preceptorship"_s, u"registered-practitioner"_s, u"advanced-practice"_s,
                u"continuing-professional-development"_s};
    }

    struct ResourceTemplate
    {
        QString title;   // %1: subject
        QString purpose; // %1: subject
    };

    void generateResources()
    {
        static const QList<ResourceTemplate> specialtyTemplates{
            {u"%1 trainee handbook"_s, u"Everything a new %1 trainee needs to know about the programme, rotations, supervision and assessment."_s},
            {u"%1 ARCP preparation checklist"_s, u"Helps %1 trainees collect the evidence their ARCP panel will look for, and avoid the most common reasons for an outcome 5."_s},
            {u"%1 person specification for specialty recruitment"_s, u"The entry criteria used at longlisting, shortlisting and interview for %1 posts."_s},
            {u"%1 curriculum mapping guide"_s, u"Maps everyday clinical work in %1 to the learning outcomes and capabilities in practice of the curriculum."_s},
            {u"%1 induction pack for new trainees"_s, u"Local induction for trainees starting in %1: contacts, rotas, teaching and wellbeing support."_s},
            {u"%1 workplace-based assessment guide"_s, u"How to plan, complete and reflect on supervised learning events in %1."_s},
            {u"%1 regional teaching programme"_s, u"Dates, venues and topics of the regional teaching days for %1 trainees."_s},
            {u"%1 simulation course workbook"_s, u"Pre-course reading and scenarios for the %1 simulation course."_s},
            {u"%1 educational supervisor guide"_s, u"Guidance for educational supervisors of %1 trainees on meetings, reports and ARCP."_s},
            {u"%1 less than full time training factsheet"_s, u"How less than full time training works in %1, including rotas, on-call and the CCT date."_s},
            {u"%1 out of programme guidance"_s, u"How to plan and apply for time out of programme during %1 training."_s},
            {u"%1 quality review report"_s, u"Findings and actions from the quality review of %1 training placements."_s},
        };
        static const QList<ResourceTemplate> professionTemplates{
            {u"Preceptorship handbook for %1"_s, u"Support, objectives and sign-off for newly registered %1 during their first year."_s},
            {u"Practice placement guide for %1"_s, u"What students and practice educators can expect from placements for %1."_s},
            {u"Return to practice information pack for %1"_s, u"Funding, programmes and supervised practice hours for %1 returning to the register."_s},
            {u"CPD portfolio template for %1"_s, u"A template for recording continuing professional development, ready for revalidation or audit, for %1."_s},
            {u"Apprenticeship guide for employers of %1"_s, u"How to recruit, fund and support apprentices training to become %1."_s},
            {u"Advanced practice roadmap for %1"_s, u"The route from registration to advanced practice for %1, with the evidence needed at each step."_s},
            {u"Clinical supervision agreement for %1"_s, u"A supervision agreement for %1, covering frequency, confidentiality and records."_s},
            {u"Career framework for %1"_s, u"Roles, responsibilities and typical bands from entry to consultant level for %1."_s},
            {u"Induction checklist for newly qualified %1"_s, u"A first-month checklist for newly qualified %1 and their managers."_s},
            {u"Wellbeing and support guide for %1"_s, u"Where %1 can find help with health, wellbeing and difficulties at work."_s},
        };
        static const QList<ResourceTemplate> areaTemplates{
            {u"%1 e-learning workbook"_s, u"A workbook to accompany the national e-learning programme on %1."_s},
            {u"%1 education and training framework"_s, u"The knowledge, skills and behaviours expected of staff working in %1."_s},
            {u"%1 self-assessment tool"_s, u"A self-assessment tool for staff developing their practice in %1."_s},
            {u"%1 case studies for multi-professional teams"_s, u"Case studies for team learning in %1."_s},
            {u"%1 learning needs analysis"_s, u"The findings of a regional learning needs analysis for %1."_s},
        };
        static const QStringList coverage{
            u"who the document is for and when to use it"_s,
            u"the steps to follow, with timings"_s,
            u"the evidence you need to keep"_s,
            u"who to contact in your local office"_s,
            u"frequently asked questions"_s,
            u"links to the relevant national policy"_s,
            u"a checklist you can print"_s,
            u"examples of good practice"_s,
            u"reasonable adjustments and accessibility"_s,
            u"what has changed since the last edition"_s,
        };
        const QList<data::MedicalSpecialty> &specialties = data::medicalSpecialties();
        const QList<data::DentalSpecialty> &dental = data::dentalSpecialties();
        const QList<data::AhpProfession> &ahps = data::ahpProfessions();
        const QList<data::Named> &areas = data::clinicalAreas();
        const QList<data::Region> &regionList = data::regions();
        QHash<QString, const data::Profession *> professionBySlug;
        for (const data::Profession &p : data::professions())
            professionBySlug.insert(p.slug, &p);

        for (int copy = 0; copy < m_scale && !stopped(); ++copy) {
            for (int index = 0; index < kResourcesPerScale && !stopped(); ++index) {
                DemoRandom r = randomFor(u"resource/%1/%2"_s.arg(copy).arg(index));
                const int bucket = index % kResourceBlock;
                const int regionSlot = (index / kResourceBlock) % kResourceRegionSlots;
                const data::Region *region = regionSlot == 0 ? nullptr : &regionList[regionSlot - 1];
                const QString profession = audienceProfession(bucket);

                TaxonomyTags tags;
                QString subject;
                QString publisher;
                QString stage;
                const ResourceTemplate *t = nullptr;
                if (profession == u"medicine"_s) {
                    const data::MedicalSpecialty &s = r.pick(specialties);
                    subject = s.title;
                    publisher = s.college;
                    t = &r.pick(specialtyTemplates);
                    tags.specialties = {data::slugify(s.title)};
                    if (!s.area.isEmpty())
                        tags.clinicalAreas = {s.area};
                    const bool runThrough = s.route == data::Route::RunThrough || s.route == data::Route::GeneralPractice;
                    if (runThrough || r.percent(70))
                        stage = runThrough ? u"run-through-training"_s : u"higher-specialty-training"_s;
                    else
                        stage = u"core-training"_s;
                } else if (profession == u"dentistry"_s && r.percent(60)) {
                    const data::DentalSpecialty &d = r.pick(dental);
                    subject = d.title;
                    publisher = u"Faculty of Dental Surgery"_s;
                    t = &r.pick(specialtyTemplates);
                    tags.specialties = {data::slugify(d.title)};
                    stage = u"dental-specialty-training"_s;
                } else if (!profession.isEmpty()) {
                    QString people = professionBySlug.value(profession)->people;
                    if (profession == u"allied-health-professions"_s) {
                        const data::AhpProfession &a = r.pick(ahps);
                        people = professionBySlug.value(a.slug)->people;
                        tags.professions.append(a.slug);
                    }
                    subject = people;
                    publisher = u"NHS England Workforce, Training and Education"_s;
                    t = &r.pick(professionTemplates);
                    if (r.percent(25))
                        tags.clinicalAreas = {r.pick(areas).slug};
                } else {
                    const data::Named &a = r.pick(areas);
                    subject = a.title;
                    publisher = u"NHS England Workforce, Training and Education"_s;
                    t = &r.pick(areaTemplates);
                    tags.clinicalAreas = {a.slug};
                }
                if (!profession.isEmpty()) {
                    tags.professions.append(profession);
                    tags.careerStages = {stage.isEmpty() ? r.pick(careerStagesFor(profession)) : stage};
                }
                if (region) {
                    tags.regions = {region->slug};
                    publisher = u"NHS England Workforce, Training and Education (%1)"_s.arg(region->title);
                }
                const QDate issued = r.dateBetween(QDate(2023, 4, 3), QDate(2026, 3, 31));
                const QString baseTitle = t->title.arg(subject);
                QString title = (baseTitle.at(0).isLower() ? baseTitle.left(1).toUpper() + baseTitle.mid(1) : baseTitle)
                    + (region ? u" (%1, %2)"_s.arg(region->title).arg(issued.year()) : u" (%1)"_s.arg(issued.year()));
                const QString purpose = t->purpose.arg(subject);
                const QString summary = purpose + u" Published by %1 in %2 %3."_s.arg(publisher, monthName(issued.month()))
                                                      .arg(issued.year());

                Item item = newItem(ItemType::Resource, resourceId(index, copy), title, data::slugify(title), summary);
                assignWorkflow(item, r);
                item.tags = tags;
                item.as<ResourceFields>() = ResourceFields{issued, publisher};
                QStringList covers;
                for (int i : r.sample(static_cast<int>(coverage.size()), 3))
                    covers.append(coverage[i]);
                item.paragraphs.append(text(r, purpose + u"\n\nThis document covers:\n\n"_s + bullets(covers)));
                if (r.percent(20))
                    item.paragraphs.append(callout(r, u"Accessible formats"_s,
                                                   u"If you need this document in another format, such as large print or easy read, contact your local office."_s));
                item.meta.keywords = {subject, region ? region->title : u"National"_s};

                PdfPage page;
                page.title = title;
                page.author = publisher;
                page.created = issued;
                page.lines = {publisher, u"Issued: %1"_s.arg(longDate(issued)),
                              region ? u"Region: %1"_s.arg(region->title) : u"National guidance"_s, QString(), purpose,
                              QString(), u"This document covers:"_s};
                for (const QString &c : covers)
                    page.lines.append(u"- "_s + c);
                page.lines += {QString(), u"Document reference: %1"_s.arg(idString(item.id)),
                               u"Demonstration content generated by Carta. Not an official publication."_s};
                attachPdf(item, minimalPdf(page), item.slug + u".pdf"_s);
                emitItem(item);
            }
        }
    }

    // ---- news

    void generateNews()
    {
        static const QStringList programmes{
            u"the Foundation Programme"_s,        u"Core Surgical Training"_s,       u"Internal Medicine Training"_s,
            u"GP specialty training"_s,           u"the Scientist Training Programme"_s, u"foundation pharmacist training"_s,
            u"dental foundation training"_s,      u"nursing degree apprenticeships"_s, u"Core Psychiatry Training"_s,
            u"public health specialty training"_s};
        static const QStringList programmeProfessions{
            u"medicine"_s, u"medicine"_s, u"medicine"_s, u"medicine"_s, u"healthcare-science"_s,
            u"pharmacy"_s, u"dentistry"_s, u"nursing"_s, u"medicine"_s, u"public-health"_s};
        static const QStringList facilities{u"simulation suite"_s, u"education centre"_s, u"clinical skills laboratory"_s,
                                            u"library and knowledge hub"_s, u"virtual reality training room"_s};
        const QList<data::MedicalSpecialty> &specialties = data::medicalSpecialties();
        const QList<data::Named> &areas = data::clinicalAreas();
        QList<const data::Profession *> groups;
        for (const data::Profession &p : data::professions()) {
            if (p.parent.isEmpty())
                groups.append(&p);
        }
        const QList<data::Region> &regionList = data::regions();
        for (int copy = 0; copy < m_scale && !stopped(); ++copy) {
            for (const data::Region &region : regionList) {
                for (int i = 0; i < kNewsPerRegion && !stopped(); ++i) {
                    DemoRandom r = randomFor(u"news/%1/%2/%3"_s.arg(copy).arg(region.slug).arg(i));
                    const QDate date = r.dateBetween(QDate(2024, 1, 8), QDate(2026, 6, 30));
                    const QString place = r.pick(region.places);
                    const bool update = r.percent(30);
                    TaxonomyTags tags;
                    tags.regions = {region.slug};
                    QString title, summary, body;
                    if (update) {
                        const int kind = static_cast<int>(r.below(7));
                        const QDate when = date.addDays(r.range(14, 60));
                        switch (kind) {
                        case 0: {
                            const data::MedicalSpecialty &s = r.pick(specialties);
                            tags.professions = {u"medicine"_s};
                            tags.specialties = {data::slugify(s.title)};
                            title = u"Training office update: ARCP panel dates for %1"_s.arg(s.title);
                            summary = u"ARCP panels for %1 trainees in %2 will sit in %3 %4. Upload your evidence at least two weeks before."_s
                                          .arg(s.title, inText(region), monthName(when.month()))
                                          .arg(when.year());
                            break;
                        }
                        case 1:
                            title = u"Training office update: rotation changes from %1 %2"_s.arg(monthName(when.month())).arg(when.year());
                            summary = u"Rotation placements for %1 %2 have been confirmed and published in TIS. Check your placement and raise any issue with your programme coordinator."_s
                                          .arg(monthName(when.month()))
                                          .arg(when.year());
                            tags.professions = {u"medicine"_s};
                            break;
                        case 2:
                            title = u"Training office update: study leave claims deadline, %1 %2"_s.arg(monthName(when.month())).arg(when.year());
                            summary = u"Claims for study leave taken before the end of the quarter must reach the %1 office by %2."_s
                                          .arg(region.title, longDate(when));
                            tags.professions = {u"medicine"_s, u"dentistry"_s};
                            break;
                        case 3:
                            title = u"Training office update: less than full time application window"_s;
                            summary = u"Applications to train less than full time from %1 %2 are open until %3."_s
                                          .arg(monthName(when.month()))
                                          .arg(when.year())
                                          .arg(longDate(when.addDays(-30)));
                            break;
                        case 4:
                            title = u"Training office update: TIS maintenance on %1"_s.arg(longDate(when));
                            summary = u"The Trainee Information System will be unavailable from 6pm on %1 while we upgrade it."_s.arg(longDate(when));
                            break;
                        case 5: {
                            const int p = static_cast<int>(r.below(static_cast<quint64>(programmes.size())));
                            title = u"Training office update: Oriel offers for %1"_s.arg(programmes[p]);
                            summary = u"Offers for %1 posts in %2 are being released through Oriel. You have 48 hours to respond to an offer."_s
                                          .arg(programmes[p], inText(region));
                            tags.professions = {programmeProfessions[p]};
                            break;
                        }
                        default:
                            title = u"Training office update: inter-deanery transfer window"_s;
                            summary = u"The next inter-deanery transfer window opens on %1. Read the eligibility criteria before you apply."_s.arg(longDate(when));
                            tags.professions = {u"medicine"_s};
                            break;
                        }
                        body = summary + u"\n\nIf you have questions, contact the %1 training office through the enquiry form. We aim to reply within five working days."_s.arg(region.title);
                    } else {
                        const int kind = static_cast<int>(r.below(8));
                        switch (kind) {
                        case 0: {
                            const int p = static_cast<int>(r.below(static_cast<quint64>(programmes.size())));
                            title = u"Applications open for %1 in %2"_s.arg(programmes[p], inText(region));
                            summary = u"Recruitment to %1 starting in August %2 is now open. %3 posts are available across %4."_s
                                          .arg(programmes[p])
                                          .arg(date.year() + 1)
                                          .arg(r.range(20, 240))
                                          .arg(inText(region));
                            tags.professions = {programmeProfessions[p]};
                            break;
                        }
                        case 1: {
                            const QString facility = r.pick(facilities);
                            title = u"%1 opens new %2"_s.arg(place, facility);
                            summary = u"Learners in %1 now have a new %2, funded by NHS England and open to every profession."_s.arg(place, facility);
                            break;
                        }
                        case 2: {
                            const data::MedicalSpecialty &s = r.pick(specialties);
                            title = u"%1 trainees in %2 recognised at national awards"_s.arg(s.title, inText(region));
                            summary = u"Trainees from %1 won %2 national awards for research and quality improvement in %3."_s
                                          .arg(place)
                                          .arg(r.range(2, 5))
                                          .arg(s.title);
                            tags.professions = {u"medicine"_s};
                            tags.specialties = {data::slugify(s.title)};
                            break;
                        }
                        case 3: {
                            const data::Profession *p = r.pick(groups);
                            title = u"%1 new placements for %2 across %3"_s.arg(r.range(40, 400)).arg(p->people, inText(region));
                            summary = u"New placement capacity for %1 has been agreed with trusts and primary care across %2."_s.arg(p->people, inText(region));
                            tags.professions = {p->slug};
                            break;
                        }
                        case 4: {
                            const data::Named &a = r.pick(areas);
                            title = u"New %1 fellowship launched in %2"_s.arg(lowerFirst(a.title), place);
                            summary = u"A one-year fellowship in %1 is open to doctors, nurses and allied health professionals in %2."_s
                                          .arg(lowerFirst(a.title), inText(region));
                            tags.clinicalAreas = {a.slug};
                            break;
                        }
                        case 5: {
                            const data::MedicalSpecialty &s = r.pick(specialties);
                            title = u"Regional teaching day for %1 trainees in %2"_s.arg(s.title, place);
                            summary = u"The next regional teaching day for %1 trainees takes place in %2 on %3."_s.arg(
                                s.title, place, longDate(date.addDays(r.range(21, 70))));
                            tags.professions = {u"medicine"_s};
                            tags.specialties = {data::slugify(s.title)};
                            break;
                        }
                        case 6:
                            title = u"%1 learner survey %2: what you told us"_s.arg(region.title).arg(date.year());
                            summary = u"More than %1 learners in %2 answered this year's survey. Here is what we are changing as a result."_s
                                          .arg(r.range(2, 9) * 1000)
                                          .arg(inText(region));
                            break;
                        default: {
                            const data::Profession *p = r.pick(groups);
                            title = u"%1 welcomes newly qualified %2 to preceptorship"_s.arg(place, p->people);
                            summary = u"Trusts in and around %1 welcomed %2 newly qualified %3 this month."_s.arg(place)
                                          .arg(r.range(20, 180))
                                          .arg(p->people);
                            tags.professions = {p->slug};
                            break;
                        }
                        }
                        body = summary + u"\n\n"_s
                            + r.pick(QStringList{
                                u"\"We are proud of what our learners achieve,\" said the regional postgraduate dean. \"This is about the care patients receive tomorrow.\""_s,
                                u"The work is part of the region's response to the NHS Long Term Workforce Plan."_s,
                                u"Partners across the integrated care systems in the region helped to make this happen."_s,
                                u"Learners and educators helped design the programme from the start."_s});
                    }
                    const QString slugBase = u"%1-%2-"_s.arg(date.year()).arg(date.month(), 2, 10, QLatin1Char('0'))
                        + data::slugify(title, 80);
                    Item item = newItem(ItemType::News, idFor(u"news/%1/%2/%3"_s.arg(copy).arg(region.slug).arg(i)), title,
                                        slugBase, summary);
                    assignWorkflow(item, r);
                    item.tags = tags;
                    item.as<NewsFields>() = NewsFields{date, update ? NewsKind::TrainingOfficeUpdate : NewsKind::News};
                    item.paragraphs.append(text(r, body));
                    if (r.percent(15))
                        item.paragraphs.append(reference(r, ParagraphKind::PolicyRef,
                                                         policyId(static_cast<int>(r.below(static_cast<quint64>(data::policies().size()))), 0)));
                    if (r.percent(20))
                        item.paragraphs.append(linkList(r, u"Find out more"_s,
                                                        {Link{u"%1 hub"_s.arg(region.title), u"/regions/"_s + region.slug + u'/'},
                                                         portalLink(r.pick(QStringList{u"oriel"_s, u"nhs-jobs"_s,
                                                                                       u"e-learning-for-healthcare"_s}))}));
                    item.meta.keywords = {region.title, update ? u"training office update"_s : u"news"_s};
                    emitItem(item);
                }
            }
        }
    }

    // ---- funding guides

    void generateFundingGuides()
    {
        const QList<data::FundingScheme> &schemes = data::fundingSchemes();
        for (int copy = 0; copy < m_scale && !stopped(); ++copy) {
            const int startYear = 2025 - copy;
            for (const data::Region &region : data::regions()) {
                for (int i = 0; i < schemes.size() && !stopped(); ++i) {
                    const data::FundingScheme &s = schemes[i];
                    const QString key = u"funding/%1/%2/%3"_s.arg(copy).arg(region.slug).arg(i);
                    DemoRandom r = randomFor(key);
                    const QString title = u"%1 %2: %3"_s.arg(s.title, financialYear(startYear), region.title);
                    Item item = newItem(ItemType::FundingGuide, idFor(key), title, data::slugify(title), s.summary);
                    assignWorkflow(item, r);
                    item.tags.regions = {region.slug};
                    if (!s.profession.isEmpty())
                        item.tags.professions = {s.profession};
                    FundingGuideFields &f = item.as<FundingGuideFields>();
                    f.fundingBody = u"NHS England Workforce, Training and Education (%1)"_s.arg(region.title);
                    f.eligibility = bullets(s.eligibility);
                    if (r.percent(70)) {
                        const int month = r.range(1, 3);
                        const int day = r.range(1, 28);
                        f.deadline = QDate(startYear + 1, month, day);
                        if (item.state == WorkflowState::Published && !item.schedule.publishAt && r.percent(50))
                            item.schedule.unpublishAt = londonTime(f.deadline->addDays(30), r);
                    }
                    item.paragraphs.append(text(r, s.summary + u"\n\nThe fund is managed by the %1 office for the financial year %2 (1 April %3 to 31 March %4)."_s
                                                                   .arg(region.title, financialYear(startYear))
                                                                   .arg(startYear)
                                                                   .arg(startYear + 1)));
                    item.paragraphs.append(heading(r, u"Who can apply"_s));
                    item.paragraphs.append(text(r, f.eligibility));
                    item.paragraphs.append(heading(r, u"How to apply"_s));
                    item.paragraphs.append(text(r, u"1. Check that you are eligible and that your manager or supervisor supports the application.\n2. Complete the application form%1.\n3. Keep receipts for everything you claim; we pay within %2 working days of approval."_s
                                                       .arg(f.deadline ? u" before %1"_s.arg(longDate(*f.deadline)) : u" at any time during the year"_s)
                                                       .arg(r.range(10, 30))));
                    if (i == 0 || i == 3)
                        item.paragraphs.append(reference(r, ParagraphKind::PolicyRef,
                                                         policyId(i == 0 ? u"study-leave-policy"_s : u"supported-return-to-training"_s)));
                    item.meta.keywords = {s.title, region.title, u"funding"_s};
                    emitItem(item);
                }
            }
        }
    }

    // ---- bulletins

    void generateBulletins()
    {
        struct Topic
        {
            QString title, subject;
        };
        static const QList<Topic> topics{
            {u"ARCP season"_s, u"ARCP season: what to submit and when"_s},
            {u"Recruitment round opens"_s, u"Specialty recruitment opens on Oriel"_s},
            {u"Study leave changes"_s, u"Changes to study leave claims"_s},
            {u"Preceptorship week"_s, u"Celebrating our newest registrants"_s},
            {u"Funding for the new financial year"_s, u"Funding you can apply for this year"_s},
            {u"Simulation courses"_s, u"New simulation courses with places available"_s},
            {u"Wellbeing support"_s, u"Looking after yourself this winter"_s},
            {u"Placement capacity"_s, u"More placements for students across the region"_s},
            {u"Educator development"_s, u"Courses for new educational supervisors"_s},
            {u"Curriculum changes"_s, u"Curriculum changes coming in August"_s},
            {u"Advanced practice"_s, u"Funded places on advanced practice programmes"_s},
            {u"Digital learning"_s, u"New modules on e-Learning for Healthcare"_s},
        };
        const QList<data::Region> &regionList = data::regions();
        QStringList groups;
        for (const data::Profession &p : data::professions()) {
            if (p.parent.isEmpty())
                groups.append(p.slug);
        }
        for (int copy = 0; copy < m_scale && !stopped(); ++copy) {
            for (int i = 0; i < kBulletinsPerScale && !stopped(); ++i) {
                const QString key = u"bulletin/%1/%2"_s.arg(copy).arg(i);
                DemoRandom r = randomFor(key);
                const Topic &topic = topics[i % topics.size()];
                const QDate date = r.dateBetween(QDate(2024, 1, 8), QDate(2026, 6, 30));
                TaxonomyTags tags;
                for (int g : r.sample(static_cast<int>(groups.size()), r.range(1, 2)))
                    tags.professions.append(groups[g]);
                QStringList regionTitles;
                for (int g : r.sample(static_cast<int>(regionList.size()), r.range(1, 3))) {
                    tags.regions.append(regionList[g].slug);
                    regionTitles.append(inText(regionList[g]));
                }
                const QString title = u"Stay Updated: %1 (%2 %3)"_s.arg(topic.title, monthName(date.month())).arg(date.year());
                Item item = newItem(ItemType::Bulletin, idFor(key), title, data::slugify(title),
                                    u"%1. For subscribers in %2."_s.arg(topic.subject, joinWithAnd(regionTitles)));
                assignWorkflow(item, r);
                item.tags = tags;
                item.as<BulletinFields>().subject = topic.subject;
                item.paragraphs.append(text(r, u"Welcome to this month's bulletin for %1.\n\n%2: here is what you need to know, and what to do next."_s
                                                   .arg(joinWithAnd(regionTitles), topic.subject)));
                item.paragraphs.append(linkList(r, u"In this issue"_s,
                                                {Link{u"News from your region"_s, u"/regions/%1/news/"_s.arg(tags.regions.first())},
                                                 Link{u"Funding guides"_s, u"/regions/%1/funding/"_s.arg(tags.regions.first())},
                                                 portalLink(u"e-learning-for-healthcare"_s)}));
                item.paragraphs.append(reference(r, ParagraphKind::PolicyRef,
                                                 policyId(static_cast<int>(r.below(static_cast<quint64>(data::policies().size()))), 0)));
                item.meta.keywords = {topic.title, u"bulletin"_s};
                emitItem(item);
            }
        }
    }

    quint64 m_seed;
    int m_scale;
    DemoSink &m_sink;
    DemoStats m_stats;
    QList<PathwaySpec> m_pathways;
    QList<CurriculumSpec> m_curricula;
    QHash<QString, QString> m_stagePortal;
    QHash<QString, int> m_policyIndex;
    std::array<QSet<QString>, 10> m_slugs;
};

} // namespace

DemoStats generate(const DemoOptions &options, DemoSink &sink)
{
    return Generator(options, sink).run();
}

} // namespace carta::demo
