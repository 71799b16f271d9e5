// carta-demo: writes a deterministic demo content tree for the sync server or the app.
#include "demo/generator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxScale = 1000;

int fail(const QString &message, int code)
{
    QTextStream(stderr) << u"carta-demo: "_s << message << u'\n';
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"carta-demo"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Writes Carta demo content (content/<type>/<xx>/<id>.json and attachments/<xx>/<sha256>) into a directory. "
        "The same seed and scale always give the same bytes."_s);
    parser.addHelpOption();
    const QCommandLineOption outOption(u"out"_s, u"Directory to write the content tree into (created if missing)."_s,
                                       u"DIR"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the content, an unsigned 64-bit integer (default 1)."_s,
                                        u"N"_s, u"1"_s);
    const QCommandLineOption scaleOption(u"scale"_s,
                                         u"Multiplier for the scaled content types, 1 to %1 (default 1: about 12,000 items)."_s
                                             .arg(kMaxScale),
                                         u"F"_s, u"1"_s);
    parser.addOptions({outOption, seedOption, scaleOption});
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText() + u"\nTry carta-demo --help."_s, 2);
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument \"%1\"; usage: carta-demo --out DIR [--seed N] [--scale F]"_s.arg(
                        parser.positionalArguments().constFirst()),
                    2);
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return fail(u"--out DIR is required; usage: carta-demo --out DIR [--seed N] [--scale F]"_s, 2);

    carta::demo::DemoOptions options;
    bool ok = false;
    options.seed = parser.value(seedOption).toULongLong(&ok, 10);
    if (!ok)
        return fail(u"--seed must be an unsigned 64-bit integer, not \"%1\""_s.arg(parser.value(seedOption)), 2);
    options.scale = parser.value(scaleOption).toInt(&ok, 10);
    if (!ok || options.scale < 1 || options.scale > kMaxScale)
        return fail(u"--scale must be a whole number from 1 to %1, not \"%2\""_s.arg(kMaxScale).arg(parser.value(scaleOption)), 2);

    carta::demo::DirectorySink sink(parser.value(outOption));
    if (!sink.open())
        return fail(sink.errorString(), 1);
    const carta::demo::DemoStats stats = carta::demo::generate(options, sink);
    if (!stats.ok())
        return fail(u"stopped after %1 items: %2"_s.arg(stats.items).arg(stats.error), 1);

    QTextStream out(stdout);
    const QLocale numbers(QLocale::English, QLocale::UnitedKingdom);
    for (carta::model::ItemType type : carta::model::allItemTypes()) {
        const carta::demo::TypeStats &t = stats.of(type);
        out << carta::model::toString(type).leftJustified(14) << numbers.toString(t.items).rightJustified(9)
            << u" items "_s << numbers.toString(t.bytes).rightJustified(14) << u" bytes\n"_s;
    }
    out << u"total: %1 items, %2 attachments, %3 bytes (%4 in items, %5 in attachments) in %6\n"_s
               .arg(numbers.toString(stats.items), numbers.toString(stats.attachments), numbers.toString(stats.bytes()),
                    numbers.toString(stats.itemBytes), numbers.toString(stats.attachmentBytes), parser.value(outOption));
    return 0;
}
