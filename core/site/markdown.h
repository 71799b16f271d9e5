// Markdown of paragraphs and Markdown fields as the public site shows it: CommonMark with
// the GitHub tables, strikethrough and autolinks, rendered safely (no raw HTML, no script
// links) with NHS.UK frontend classes on lists and tables.
#pragma once

#include <QString>

namespace carta::site {

// Text for HTML element content and attribute values: & < > " ' escaped.
[[nodiscard]] QString escapeHtml(const QString &text);

// Whether a link may be emitted as it is: site paths and fragments, relative paths, and
// http, https, mailto and tel URLs. Anything with another scheme (javascript:, data:,
// vbscript:, file:...), also when disguised by control characters or spaces, is refused.
[[nodiscard]] bool isSafeUrl(const QString &url);

// The HTML of a Markdown text, never with raw HTML from the text (it is left out) nor a
// link or image with an unsafe URL (the link text stays, as text). Headings move one level
// down, so that "# Title" becomes <h2>: an item body never has an <h1> of its own (the
// item's title is the page's <h1>). Lists and tables carry nhsuk-list / nhsuk-table classes.
// Thread-safe and deterministic.
[[nodiscard]] QString markdownToHtml(const QString &markdown);

} // namespace carta::site
