// Minimal PDF writer: see pdf.h.
#include "demo/pdf.h"

#include <QList>

namespace carta::demo {

namespace {

// Printable ASCII for the standard Helvetica encoding; typographic punctuation becomes its
// ASCII form, accented letters lose their accents, anything else is dropped.
QByteArray toPdfAscii(const QString &text)
{
    QByteArray out;
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    out.reserve(decomposed.size());
    for (const QChar ch : decomposed) {
        const char16_t c = ch.unicode();
        if (c >= 0x20 && c < 0x7F)
            out.append(static_cast<char>(c));
        else if (c == u'\u2013' || c == u'\u2014' || c == u'\u2212')
            out.append('-');
        else if (c == u'\u2018' || c == u'\u2019')
            out.append('\'');
        else if (c == u'\u201C' || c == u'\u201D')
            out.append('"');
        else if (c == u'\u2026')
            out.append("...");
        else if (c == u'\u00A0' || c == u'\t' || c == u'\n')
            out.append(' ');
    }
    return out;
}

QByteArray pdfString(const QByteArray &ascii)
{
    QByteArray out("(");
    for (const char c : ascii) {
        if (c == '(' || c == ')' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append(')');
    return out;
}

QList<QByteArray> wrap(const QByteArray &text, qsizetype width)
{
    QList<QByteArray> lines;
    QByteArray line;
    for (const QByteArray &word : text.split(' ')) {
        if (word.isEmpty())
            continue;
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        if (!line.isEmpty())
            line.append(' ');
        line.append(word);
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines.append(line);
    return lines;
}

QByteArray offset10(qsizetype offset)
{
    return QByteArray::number(offset).rightJustified(10, '0');
}

} // namespace

QByteArray minimalPdf(const PdfPage &page)
{
    // The content stream: the title at 16 pt, then the body at 11 pt, top down.
    QByteArray content("BT\n/F1 16 Tf\n20 TL\n56 786 Td\n");
    for (const QByteArray &line : wrap(toPdfAscii(page.title), 60))
        content.append(pdfString(line) + " Tj T*\n");
    content.append("/F1 11 Tf\n14 TL\nT*\n");
    for (const QString &paragraph : page.lines) {
        if (paragraph.isEmpty()) {
            content.append("T*\n");
            continue;
        }
        for (const QByteArray &line : wrap(toPdfAscii(paragraph), 90))
            content.append(pdfString(line) + " Tj T*\n");
    }
    content.append("ET\n");

    const QByteArray date = page.created.isValid() ? page.created.toString(QStringLiteral("yyyyMMdd")).toLatin1()
                                                   : QByteArray("20250101");
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Title " + pdfString(toPdfAscii(page.title)) + " /Author " + pdfString(toPdfAscii(page.author))
            + " /Producer (Carta demo generator) /CreationDate (D:" + date + "000000Z) >>",
    };

    // The second line marks the file as binary for transfer tools, as the specification advises.
    QByteArray pdf("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf.append(QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
    }
    const qsizetype xref = pdf.size();
    pdf.append("xref\n0 " + QByteArray::number(objects.size() + 1) + "\n");
    pdf.append("0000000000 65535 f \n"); // each entry is exactly 20 bytes
    for (const qsizetype offset : offsets)
        pdf.append(offset10(offset) + " 00000 n \n");
    pdf.append("trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\n");
    pdf.append("startxref\n" + QByteArray::number(xref) + "\n%%EOF\n");
    return pdf;
}

} // namespace carta::demo
