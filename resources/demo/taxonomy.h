// The national reference data behind the demo content: vocabularies, portals, policies,
// training routes. Names are the public ones (see shared/reference/nhs-taxonomy.md).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace carta::demo::data {

struct Region
{
    QString slug;
    QString title;
    QStringList places; // towns and cities with teaching trusts, for regional news
};

struct Profession
{
    QString slug;
    QString title;
    QString people;   // plural noun used in running text: "doctors", "physiotherapists"
    QString parent;   // empty for the eleven groups; "allied-health-professions" for AHPs
    QString summary;
};

struct Portal
{
    QString slug;
    QString title;
    QString url;
    QString purpose;
};

struct CareerStage
{
    QString slug;
    QString title;
    QString portal; // portal slug the gateway routes this stage to
    QString summary;
};

struct Named
{
    QString slug;
    QString title;
};

// How a medical specialty is entered after the Foundation Programme.
enum class Route { Imt, ImtTwoYear, CoreSurgical, CorePsychiatry, Accs, CoreAcute, RunThrough, GeneralPractice };

struct MedicalSpecialty
{
    QString title;
    QString group;     // slug of the specialty group term
    Route route;
    int higherFrom;    // first ST year of higher training
    int higherTo;      // last ST year of higher training
    QString code;      // curriculum code prefix, e.g. "CARD"
    QString area;      // clinical area slug; may be empty
    QString college;   // body that writes the curriculum
};

struct DentalSpecialty
{
    QString title;
    int months;  // specialty training, full time
    QString code;
    bool postCcst; // consultant posts need post-CCST training
};

struct AhpProfession
{
    QString slug;       // profession term
    QString singular;   // "physiotherapist"
    QString degree;     // pre-registration qualification
    int degreeMonths;
};

struct Policy
{
    QString title;
    QString slug;
    QString summary;
    QStringList points; // key requirements, one sentence each
    int year;           // effective from 1 <month> <year>
    int month;
};

struct FundingScheme
{
    QString title;
    QString summary;
    QStringList eligibility; // who may apply, one line each
    QString profession;      // profession slug it is for; empty for all
};

[[nodiscard]] const QList<Region> &regions();
[[nodiscard]] const QList<Profession> &professions(); // the eleven groups then the fourteen AHPs
[[nodiscard]] const QList<Portal> &portals();
[[nodiscard]] const QList<CareerStage> &careerStages(); // in order
[[nodiscard]] const QList<Named> &clinicalAreas();
[[nodiscard]] const QList<Named> &specialtyGroups();
[[nodiscard]] const QList<MedicalSpecialty> &medicalSpecialties();
[[nodiscard]] const QList<DentalSpecialty> &dentalSpecialties();
[[nodiscard]] const QList<AhpProfession> &ahpProfessions();
[[nodiscard]] const QList<Policy> &policies();
[[nodiscard]] const QList<FundingScheme> &fundingSchemes();

// Lowercase words joined by single hyphens, ASCII only, at most maxLength characters
// (cut at a word boundary).
[[nodiscard]] QString slugify(const QString &text, qsizetype maxLength = 90);

} // namespace carta::demo::data
