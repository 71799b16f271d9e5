// Test support: small items and push bodies for tests that talk to a real carta-syncd.
#pragma once

#include "model/item.h"
#include "model/json.h"

#include <QUuid>

namespace carta::testing {

inline model::JsonValue obj(std::initializer_list<std::pair<const QString, model::JsonValue>> members)
{
    return model::JsonValue(model::JsonObject(members));
}

inline model::Item term(model::Vocabulary vocabulary, const QString &slug, const QString &title)
{
    model::Item i = model::Item::create(model::ItemType::Term);
    i.title = title;
    i.slug = slug;
    i.as<model::TermFields>().vocabulary = vocabulary;
    return i;
}

// A page with one text paragraph, in a region (empty: national).
inline model::Item page(const QString &title, const QString &region)
{
    model::Item i = model::Item::create(model::ItemType::Page);
    i.title = title;
    i.slug = title.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    if (!region.isEmpty())
        i.tags.regions = {region};
    model::Paragraph p;
    p.id = QStringLiteral("p1");
    p.markdown = QStringLiteral("Welcome to the hub.\nTraining offices are listed below.");
    i.paragraphs = {p};
    return i;
}

// One change of a push: the item on its base revision (empty: a new item).
inline model::JsonValue change(const model::Item &item, const QString &base = QString())
{
    return obj({{QStringLiteral("id"), model::idString(item.id)},
                {QStringLiteral("base_revision"), base.isEmpty() ? model::JsonValue() : model::JsonValue(base)},
                {QStringLiteral("item"), model::itemToJson(item)}});
}

inline model::JsonValue batch(const QString &id, model::JsonArray changes)
{
    return obj({{QStringLiteral("batch_id"), id}, {QStringLiteral("changes"), model::JsonValue(std::move(changes))}});
}

inline QString newBatch()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace carta::testing
