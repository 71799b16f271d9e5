// A minimal, valid one-page PDF 1.4 written by hand: enough for demo resources, with a
// correct cross-reference table so that any reader opens it without repairing.
#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

namespace carta::demo {

struct PdfPage
{
    QString title;       // large type at the top, wrapped
    QStringList lines;   // body lines, wrapped; an empty string is a blank line
    QString author;      // document information dictionary
    QDate created;
};

// The bytes of the PDF: header, catalog, page tree, one A4 page with a Helvetica text
// stream, an information dictionary, xref with exact offsets, trailer, startxref, %%EOF.
// Text outside ASCII is transliterated (dashes, quotes) or dropped.
[[nodiscard]] QByteArray minimalPdf(const PdfPage &page);

} // namespace carta::demo
