// The preview of an item as the public site will show it: core/site renders the document
// as it is being edited (at most every kRenderDelayMs, so typing stays smooth) with a small
// built-in stylesheet for QTextBrowser's HTML subset, references resolved from the replica.
// MarkdownPreview shows one paragraph's Markdown the same way, for the paragraph editor.
#pragma once

#include "document/itemdocument.h"

#include "replica/replica.h"

#include <QPointer>
#include <QTextBrowser>
#include <QTimer>
#include <QWidget>

namespace carta::app {

class ItemCatalogue;

// The CSS both previews embed: NHS.UK colours and type, within what Qt's rich text supports.
[[nodiscard]] QString previewStyleSheet();

class PreviewPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRenderDelayMs = 250;

    // replica: where referenced policies, resources, pathways and portals are found (their
    // latest local revision); null: every reference shows as not available.
    PreviewPane(ItemDocument *document, const replica::Replica *replica, QWidget *parent = nullptr);

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }
    // Term titles ("Foundation Year 1") instead of readable slugs; must outlive the pane.
    void setCatalogue(const ItemCatalogue *catalogue);
    // Renders now, dropping a pending delayed render.
    void refresh();

Q_SIGNALS:
    // After the browser shows a new rendering.
    void rendered();

private:
    void scheduleRender();
    void openLink(const QUrl &url);

    QPointer<ItemDocument> m_document;
    const replica::Replica *m_replica = nullptr;
    const ItemCatalogue *m_catalogue = nullptr;
    QTextBrowser *m_browser = nullptr;
    QTimer m_renderTimer;
};

// One paragraph's Markdown as the site shows it (GFM tables, safe: no raw HTML, no script
// links), for the paragraph editor's live preview. setMarkdown() hides QTextEdit's own,
// which would use QTextDocument's Markdown reader instead of the site's.
class MarkdownPreview : public QTextBrowser
{
    Q_OBJECT

public:
    explicit MarkdownPreview(QWidget *parent = nullptr);

    void setMarkdown(const QString &markdown);
};

} // namespace carta::app
