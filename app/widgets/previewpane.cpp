#include "widgets/previewpane.h"

#include "models/itemcatalogue.h"

#include "site/markdown.h"
#include "site/render.h"

#include <QDesktopServices>
#include <QRegularExpression>
#include <QScrollBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace carta::app {

namespace {

// Links a person may follow out of a preview: to the web or to an e-mail program. Site
// paths have no page in the app.
bool opensOutside(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == u"https" || scheme == u"http" || scheme == u"mailto";
}

// Shows new HTML in a browser where the reader left off.
void setHtmlKeepingScroll(QTextBrowser *browser, const QString &html)
{
    QScrollBar *vertical = browser->verticalScrollBar();
    QScrollBar *horizontal = browser->horizontalScrollBar();
    const int top = vertical->value();
    const int left = horizontal->value();
    browser->setHtml(html);
    // Lay the new document out now, so the scroll bars know its size before they move.
    browser->document()->setTextWidth(browser->viewport()->width());
    [[maybe_unused]] const QSizeF laidOut = browser->document()->size();
    vertical->setValue(top);
    horizontal->setValue(left);
}

// Qt's rich text draws no borders or backgrounds around blocks, knows no display: none and
// loses the inherited style after a <div> inside a <dl>. The preview therefore shows the
// site's HTML with boxes (callouts, cards, summary rows) as tables, breadcrumbs on one line
// and text meant for screen readers only left out. The site's own HTML is unchanged.
QString adaptForRichText(const QString &html)
{
    QString out = html;
    static const QRegularExpression hidden(uR"re(<span class="nhsuk-u-visually-hidden">[^<]*</span>)re"_s);
    static const QRegularExpression skipLink(uR"re(<a class="nhsuk-skip-link"[^>]*>[^<]*</a>\n?)re"_s);
    static const QRegularExpression backLink(uR"re(<a class="nhsuk-back-link"[^>]*>.*</a>\n?)re"_s);
    // Qt's rich text shows an SVG's path as nothing but may keep its <title>: leave icons out.
    static const QRegularExpression icon(uR"re(<svg\b.*?</svg>)re"_s);
    out.remove(hidden);
    out.remove(skipLink);
    out.remove(backLink);
    out.remove(icon);

    // Breadcrumbs: "Home › Curricula".
    static const QRegularExpression crumbs(uR"re(<ol class="nhsuk-breadcrumb__list">(.*?)</ol>)re"_s,
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression crumb(uR"re(<li class="nhsuk-breadcrumb__list-item">(.*?)</li>)re"_s);
    if (const QRegularExpressionMatch list = crumbs.match(out); list.hasMatch()) {
        QStringList links;
        for (auto it = crumb.globalMatch(list.captured(1)); it.hasNext();)
            links.append(it.next().captured(1));
        out.replace(list.capturedStart(), list.capturedLength(),
                    u"<p class=\"nhsuk-breadcrumb__list\">"_s + links.join(u" &rsaquo; "_s) + u"</p>"_s);
    }

    // Summary lists as two-column tables.
    out.replace(u"<dl class=\"nhsuk-summary-list\">"_s, u"<table class=\"nhsuk-summary-list\" width=\"100%\">"_s);
    out.replace(u"</dl>"_s, u"</table>"_s);
    out.replace(u"<dt class=\"nhsuk-summary-list__key\">"_s, u"<td class=\"nhsuk-summary-list__key\" width=\"35%\">"_s);
    out.replace(u"<dd class=\"nhsuk-summary-list__value\">"_s, u"<td class=\"nhsuk-summary-list__value\">"_s);
    out.replace(u"</dt>"_s, u"</td>"_s);
    out.replace(u"</dd>"_s, u"</td>"_s);

    // Boxes: each <div> of these classes, up to its own </div>, becomes a one-cell table.
    static const QRegularExpression div(uR"re(<div class="([^"]*)">|</div>)re"_s);
    QString result;
    result.reserve(out.size() + out.size() / 8);
    QStringList closers; // what each open <div> closes with
    qsizetype last = 0;
    for (auto it = div.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(out).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        if (!match.hasCaptured(1)) {
            result += closers.isEmpty() ? u"</div>"_s : closers.takeLast();
            continue;
        }
        const QStringList classes = match.captured(1).split(u' ', Qt::SkipEmptyParts);
        QString cell;
        if (classes.contains(u"nhsuk-summary-list__row"_s)) {
            result += u"<tr>"_s;
            closers.append(u"</tr>"_s);
            continue;
        }
        if (classes.contains(u"nhsuk-header__container"_s))
            cell = u"preview-header"_s;
        else if (classes.contains(u"carta-missing"_s))
            cell = u"preview-missing"_s;
        else if (classes.contains(u"nhsuk-inset-text"_s))
            cell = u"preview-inset"_s;
        else if (classes.contains(u"nhsuk-warning-callout"_s))
            cell = u"preview-warning"_s;
        else if (classes.contains(u"nhsuk-card"_s))
            cell = u"preview-card"_s;
        if (cell.isEmpty()) {
            result += match.captured(0);
            closers.append(u"</div>"_s);
        } else {
            result += u"<table class=\"preview-box\" width=\"100%\" cellspacing=\"0\"><tr><td class=\""_s + cell + u"\">"_s;
            closers.append(u"</td></tr></table>"_s);
        }
    }
    result += QStringView(out).mid(last);
    return result;
}

} // namespace

QString previewStyleSheet()
{
    // NHS.UK frontend colours (NHS blue #005eb8, text #212b32, grey page #f0f4f5) and
    // Frutiger, the NHS typeface, falling back to Arial. Only what Qt's rich text supports;
    // the preview-* classes are the boxes adaptForRichText() makes.
    return uR"(
body { font-family: Frutiger, "Frutiger W01", Arial, "Liberation Sans", Helvetica, sans-serif;
       font-size: 11pt; color: #212b32; background-color: #f0f4f5; }
a { color: #005eb8; text-decoration: underline; }
p { margin-top: 0px; margin-bottom: 10px; }
h1 { font-size: 22pt; font-weight: bold; margin-top: 12px; margin-bottom: 14px; }
h2 { font-size: 16pt; font-weight: bold; margin-top: 18px; margin-bottom: 8px; }
h3 { font-size: 13pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }
h4, h5, h6 { font-size: 11pt; font-weight: bold; margin-top: 10px; margin-bottom: 4px; }
ul, ol { margin-top: 0px; margin-bottom: 10px; }
li { margin-bottom: 4px; }
code, pre { font-family: "DejaVu Sans Mono", monospace; background-color: #e8edee; }
del { color: #4c6272; }
.preview-header { background-color: #005eb8; padding: 14px; }
.nhsuk-header__service-logo, .nhsuk-header__service-name { color: #ffffff; font-size: 15pt; font-weight: bold; text-decoration: none; }
.nhsuk-breadcrumb__list { font-size: 10pt; margin-top: 0px; margin-bottom: 0px; }
.nhsuk-body-l { font-size: 13pt; }
.nhsuk-body-s { font-size: 10pt; color: #4c6272; }
table { border-collapse: collapse; margin-bottom: 12px; }
th { background-color: #e8edee; font-weight: bold; text-align: left; padding: 6px;
     border-bottom: 2px solid #4c6272; }
td { background-color: #ffffff; padding: 6px; border-bottom: 1px solid #d8dde0; }
.nhsuk-summary-list td { background-color: #f0f4f5; padding: 4px; }
.nhsuk-summary-list__key { font-weight: bold; }
.preview-box { margin-top: 4px; margin-bottom: 14px; }
.preview-box td { border-bottom: 0px; padding: 12px; }
.preview-inset { background-color: #ffffff; border-left: 8px solid #005eb8; }
.preview-warning { background-color: #fff9c4; border-left: 8px solid #ffeb3b; }
.preview-warning h2 { font-size: 13pt; margin-top: 0px; }
.preview-card { background-color: #ffffff; border: 1px solid #d8dde0; }
.preview-card h2 { font-size: 13pt; margin-top: 0px; }
.preview-missing { background-color: #ffffff; border-left: 8px solid #d5281b; color: #d5281b; font-weight: bold; }
.carta-missing { color: #d5281b; font-weight: bold; }
.nhsuk-action-link { color: #005eb8; font-weight: bold; font-size: 12pt; }
.carta-journey__stage { margin-bottom: 14px; }
.nhsuk-footer__meta { font-size: 10pt; color: #4c6272; margin-top: 20px; }
)"_s;
}

PreviewPane::PreviewPane(ItemDocument *document, const replica::Replica *replica, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_replica(replica)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(u"previewPane"_s);
    m_browser->setObjectName(u"previewBrowser"_s);
    m_browser->setAccessibleName(tr("Preview"));
    m_browser->setAccessibleDescription(tr("The item as the public site will show it"));
    m_browser->setOpenLinks(false);
    m_browser->document()->setDocumentMargin(12);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &PreviewPane::openLink);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    setFocusProxy(m_browser);

    // Throttled rather than postponed: while someone types, the preview still follows
    // every quarter of a second instead of waiting for a pause.
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(kRenderDelayMs);
    connect(&m_renderTimer, &QTimer::timeout, this, &PreviewPane::refresh);
    if (document)
        connect(document, &ItemDocument::changed, this, &PreviewPane::scheduleRender);
    refresh();
}

void PreviewPane::setCatalogue(const ItemCatalogue *catalogue)
{
    m_catalogue = catalogue;
    scheduleRender();
}

void PreviewPane::scheduleRender()
{
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

void PreviewPane::refresh()
{
    m_renderTimer.stop();
    if (!m_document)
        return;

    site::RenderContext context;
    if (const replica::Replica *replica = m_replica) {
        context.resolve = [replica](const QUuid &id) -> std::optional<model::Item> {
            auto local = replica->item(id);
            if (!local || !local.value() || local.value()->deleted)
                return std::nullopt;
            auto item = local.value()->item();
            return item ? std::optional<model::Item>(std::move(item).value()) : std::nullopt;
        };
    }
    if (const ItemCatalogue *catalogue = m_catalogue) {
        context.termName = [catalogue](model::Vocabulary vocabulary, const QString &slug) {
            return catalogue->termTitle(vocabulary, slug);
        };
    }
    setHtmlKeepingScroll(m_browser, adaptForRichText(site::renderItemPage(m_document->item(), context, previewStyleSheet())));
    Q_EMIT rendered();
}

void PreviewPane::openLink(const QUrl &url)
{
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment())
        m_browser->scrollToAnchor(url.fragment());
    else if (opensOutside(url))
        QDesktopServices::openUrl(url);
}

MarkdownPreview::MarkdownPreview(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(u"markdownPreview"_s);
    setAccessibleName(tr("Markdown preview"));
    setAccessibleDescription(tr("The paragraph as the public site will show it"));
    setOpenLinks(false);
    document()->setDefaultStyleSheet(previewStyleSheet());
    connect(this, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        if (opensOutside(url))
            QDesktopServices::openUrl(url);
    });
}

void MarkdownPreview::setMarkdown(const QString &markdown)
{
    setHtmlKeepingScroll(this, u"<html><body>"_s + site::markdownToHtml(markdown) + u"</body></html>"_s);
}

} // namespace carta::app
