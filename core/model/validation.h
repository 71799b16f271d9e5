// Content rules: lengths, formats, taxonomy terms, references between items, pathway
// structure, curriculum codes, text hygiene. Every issue names its field path.
#pragma once

#include "item.h"
#include "result.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace carta::model {

// What validation needs to know about the rest of the content: which taxonomy terms
// and which items exist. The replica, the server and the demo generator provide it.
class ValidationContext
{
public:
    virtual ~ValidationContext() = default;
    [[nodiscard]] virtual bool hasTerm(Vocabulary vocabulary, const QString &slug) const = 0;
    [[nodiscard]] virtual std::optional<ItemType> itemType(const QUuid &id) const = 0;
};

// A ValidationContext held in memory, filled from items (terms register their slugs).
class Catalogue : public ValidationContext
{
public:
    void add(const Item &item);
    void addTerm(Vocabulary vocabulary, const QString &slug);
    void addItem(const QUuid &id, ItemType type);

    [[nodiscard]] bool hasTerm(Vocabulary vocabulary, const QString &slug) const override;
    [[nodiscard]] std::optional<ItemType> itemType(const QUuid &id) const override;
    [[nodiscard]] qsizetype itemCount() const { return m_items.size(); }

private:
    QSet<QString> m_terms; // "<vocabulary>/<slug>"
    QHash<QUuid, ItemType> m_items;
};

struct Limits
{
    static constexpr qsizetype kTitle = 200;
    static constexpr qsizetype kSlug = 100;
    static constexpr qsizetype kSummary = 1000;
    static constexpr qsizetype kMetaDescription = 300;
    static constexpr qsizetype kShortText = 500;     // codes, names, urls, one-line fields
    static constexpr qsizetype kLongText = 100000;   // Markdown of one paragraph or field
    static constexpr qsizetype kParagraphs = 500;
    static constexpr qsizetype kListEntries = 1000;  // outcomes, stages, links, keywords, tags
    static constexpr qint64 kAttachmentBytes = 200LL * 1024 * 1024;
    static constexpr qsizetype kItemBytes = 4 * 1024 * 1024; // canonical size of one item
};

// Validates an item. With a null context, rules that need other items (terms, references)
// are skipped; the server always passes one.
[[nodiscard]] Issues validate(const Item &item, const ValidationContext *context);

// Slug: lowercase ASCII letters and digits in words joined by single hyphens.
[[nodiscard]] bool isValidSlug(const QString &slug);

} // namespace carta::model
