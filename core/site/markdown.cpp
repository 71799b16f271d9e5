#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <QByteArray>
#include <QList>
#include <QRegularExpression>

#include <array>
#include <memory>

using namespace Qt::StringLiterals;

namespace carta::site {

namespace {

struct ParserDeleter
{
    void operator()(cmark_parser *parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter
{
    void operator()(cmark_node *node) const { cmark_node_free(node); }
};
struct IterDeleter
{
    void operator()(cmark_iter *iter) const { cmark_iter_free(iter); }
};
struct HtmlDeleter
{
    void operator()(char *html) const { cmark_get_default_mem_allocator()->free(html); }
};

// Safe is cmark-gfm's default (raw HTML becomes a comment saying it was left out, and
// javascript:, vbscript:, file: and data: links lose their URL); CMARK_OPT_SAFE only says
// so here. CMARK_OPT_UNSAFE must never be added: content must not be able to inject script.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE;

void ensureExtensionsRegistered()
{
    // The registry is global and its registration is not thread-safe; a function-local
    // static runs it once, whichever thread renders first.
    static const bool registered = [] {
        cmark_gfm_core_extensions_ensure_registered();
        return true;
    }();
    Q_UNUSED(registered);
}

// Moves the contents of an unsafe link or image in front of it and removes it, so the
// reader still sees the text (or the alt text) but nothing to click.
void unwrap(cmark_node *node)
{
    while (cmark_node *child = cmark_node_first_child(node))
        cmark_node_insert_before(node, child);
    cmark_node_free(node);
}

// Headings one level down; unsafe links and images unwrapped (with our own stricter list of
// schemes than cmark's, which lets through any scheme it does not know to be dangerous).
void adjustTree(cmark_node *root)
{
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
    QList<cmark_node *> unsafe;
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
            cmark_node_set_heading_level(node, qMin(cmark_node_get_heading_level(node) + 1, 6));
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
            const char *url = cmark_node_get_url(node);
            if (!isSafeUrl(QString::fromUtf8(url ? url : "")))
                unsafe.append(node);
            break;
        }
        default:
            break;
        }
    }
    iter.reset();
    // Outer nodes were entered first, so an unsafe image inside an unsafe link is still
    // alive (moved out, not freed) when its turn comes.
    for (cmark_node *node : std::as_const(unsafe))
        unwrap(node);
}

// NHS.UK frontend classes on the elements cmark-gfm emits bare. Safe mode escapes every "<"
// of the text and leaves raw HTML out, so each "<tag" in the output is one cmark made.
QString addFrontendClasses(const QString &html)
{
    static const QRegularExpression tag(QStringLiteral("<(/?)(ul|ol|table|thead|tbody|tr|th|td)(?=[ >])"));
    QString out;
    out.reserve(html.size() + html.size() / 4);
    qsizetype last = 0;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(html).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const bool closing = !match.capturedView(1).isEmpty();
        const QStringView name = match.capturedView(2);
        if (closing) {
            out += match.capturedView(0);
            if (name == u"table")
                out += QStringLiteral("></div"); // closes the container opened below
            continue;
        }
        if (name == u"ul")
            out += QStringLiteral("<ul class=\"nhsuk-list nhsuk-list--bullet\"");
        else if (name == u"ol")
            out += QStringLiteral("<ol class=\"nhsuk-list nhsuk-list--number\"");
        else if (name == u"table")
            out += QStringLiteral("<div class=\"nhsuk-table-container\"><table class=\"nhsuk-table\"");
        else if (name == u"thead")
            out += QStringLiteral("<thead class=\"nhsuk-table__head\"");
        else if (name == u"tbody")
            out += QStringLiteral("<tbody class=\"nhsuk-table__body\"");
        else if (name == u"tr")
            out += QStringLiteral("<tr class=\"nhsuk-table__row\"");
        else if (name == u"th")
            out += QStringLiteral("<th class=\"nhsuk-table__header\" scope=\"col\"");
        else
            out += QStringLiteral("<td class=\"nhsuk-table__cell\"");
    }
    out += QStringView(html).mid(last);
    return out;
}

} // namespace

QString escapeHtml(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&': out += u"&amp;"; break;
        case u'<': out += u"&lt;"; break;
        case u'>': out += u"&gt;"; break;
        case u'"': out += u"&quot;"; break;
        case u'\'': out += u"&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

bool isSafeUrl(const QString &url)
{
    // Browsers ignore tabs and line breaks inside a URL and trim spaces and controls around
    // it ("java&#9;script:" still runs); judge the URL with all of them taken out.
    QString compact;
    compact.reserve(url.size());
    for (const QChar c : url) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7f)
            compact += c;
    }
    // A scheme is what comes before a ':' that precedes any '/', '?' or '#'.
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const QChar c = compact.at(i);
        if (c == u'/' || c == u'?' || c == u'#')
            return true;
        if (c == u':') {
            static const std::array<QStringView, 4> allowed = {u"http", u"https", u"mailto", u"tel"};
            const QString scheme = compact.left(i).toLower();
            for (const QStringView a : allowed) {
                if (scheme == a)
                    return true;
            }
            return false;
        }
    }
    return true;
}

QString markdownToHtml(const QString &markdown)
{
    ensureExtensionsRegistered();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
    Q_ASSERT(parser);
    for (const char *name : {"table", "strikethrough", "autolink"}) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(name);
        Q_ASSERT_X(extension, "markdownToHtml", name);
        if (extension)
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    }

    const QByteArray utf8 = markdown.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), static_cast<size_t>(utf8.size()));
    std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
    if (!document)
        return QString();
    adjustTree(document.get());

    std::unique_ptr<char, HtmlDeleter> html(
        cmark_render_html(document.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get())));
    if (!html)
        return QString();
    // Safe mode leaves a comment where raw HTML was; readers need no trace of it (and Qt's
    // rich text drops the space that follows a comment).
    QString out = QString::fromUtf8(html.get());
    out.remove(u"<!-- raw HTML omitted -->\n"_s);
    out.remove(u"<!-- raw HTML omitted -->"_s);
    return addFrontendClasses(out);
}

} // namespace carta::site
