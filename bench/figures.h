// Benchmarks' machine-readable figures, for tools/dev/bench.sh to turn into docs/benchmarks.md.
// When CARTA_BENCH_FIGURES names a file, each figure is appended to it as one line of
// tab-separated fields (tabs and newlines inside a field become spaces):
//   @figure <key> <what> <value> <unit> <target> <why> [<peer> <peer value>]...
// target is ">=N" or "<=N" (issue 8's targets), or "higher" / "lower" for a figure without
// one (which way is better). why says what the run measured that explains the figure and
// what would move it; the report shows it beside a missed target. Values are the strings
// the human table prints, so the report shows exactly the printed figures.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <utility>

namespace carta::bench {

struct Peer
{
    QString name;
    QString value;
};

inline QString figureField(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.isEmpty() ? QStringLiteral("-") : text;
}

inline void figure(const QString &key, const QString &what, const QString &value, const QString &unit,
                   const QString &target, const QString &why, const QList<Peer> &peers = {})
{
    const QString path = qEnvironmentVariable("CARTA_BENCH_FIGURES");
    if (path.isEmpty())
        return;
    QStringList fields{QStringLiteral("@figure"), key, what, value, unit, target, why};
    for (const Peer &peer : peers)
        fields << peer.name << peer.value;
    for (QString &field : fields)
        field = figureField(std::move(field));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write((fields.join(QLatin1Char('\t')) + QLatin1Char('\n')).toUtf8()) < 0)
        qWarning("cannot write figures to %s", qPrintable(path));
}

} // namespace carta::bench
