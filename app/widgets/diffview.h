// The semantic diff of two revisions of an item, for reviewers: field by field, paragraph
// by paragraph (a moved paragraph shown as a move, not as a removal and an addition),
// changed words marked inside text. Built on carta_model's diff() and diffWords(); the
// marks do not rely on colour alone (removed words are struck through, added ones
// underlined), and the view's accessible description lists the changes and the added and
// removed words for screen readers, which do not speak styles.
#pragma once

#include "model/item.h"

#include <QStringList>
#include <QTextBrowser>

#include <optional>

namespace carta::app {

class ItemCatalogue;

class DiffView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);

    // Term slugs and referenced items are named with the catalogue's titles when given.
    void setCatalogue(const ItemCatalogue *catalogue) { m_catalogue = catalogue; }

    // What changed from before to after; before nullopt: a new item (everything added).
    // The labels name the two sides in the header ("Live" / "Proposed", "Revision of 3 May").
    void showDiff(const std::optional<model::Item> &before, const model::Item &after,
                  const QString &beforeLabel, const QString &afterLabel);
    // A message instead of a diff ("Loading…", "Cannot reach the server: …").
    void showMessage(const QString &text);

    // The changes shown, one line each, as a person reads them ("Paragraph 2 (Text): text
    // changed", "Paragraph 4 (Heading): moved from position 1 to 3", "Title changed"), in
    // the order shown. For tests and for the accessible description.
    [[nodiscard]] const QStringList &changeSummaries() const { return m_summaries; }
    // The words marked as added / removed, in order (tests check what a reviewer sees).
    [[nodiscard]] const QStringList &addedWords() const { return m_added; }
    [[nodiscard]] const QStringList &removedWords() const { return m_removed; }

protected:
    void changeEvent(QEvent *event) override;

private:
    // What is shown, to draw it again when the palette changes.
    struct Shown
    {
        std::optional<model::Item> before;
        model::Item after;
        QString beforeLabel;
        QString afterLabel;
    };
    std::optional<Shown> m_shown;
    const ItemCatalogue *m_catalogue = nullptr;
    QStringList m_summaries;
    QStringList m_added;
    QStringList m_removed;
};

} // namespace carta::app
