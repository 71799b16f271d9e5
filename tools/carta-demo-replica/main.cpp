// carta-demo-replica: a replica file holding the demo content as if pulled from a server
// (every item synced, one local edit not yet sent), for screenshots and benchmarks of the
// app without a running carta-syncd.
// Prints the ids worth opening, one per line: "curriculum <id>" (edited here, not sent),
// "pathway <id>", and with --conflict "conflict <id>" (a page edited here and on the
// server in the same sentence, so the sync recorded a conflict).
//   carta-demo-replica --out FILE [--scale N] [--seed N] [--conflict]
#include "demo/generator.h"

#include "replica/replica.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>

#include <cstdio>
#include <optional>

using namespace carta;

namespace {

int firstTextParagraph(const model::Item &item)
{
    for (int i = 0; i < item.paragraphs.size(); ++i)
        if (item.paragraphs.at(i).kind == model::ParagraphKind::Text)
            return i;
    return -1;
}

// Applies the generated items to the replica as they come, 500 to a transaction, as pulled
// pages would be (attachments' bytes are not kept: a replica fetches them on demand), and
// keeps the few items worth opening. Nothing else stays in memory, so ×100 fits.
class ReplicaSink : public demo::DemoSink
{
public:
    explicit ReplicaSink(replica::Replica &replica) : m_replica(replica), m_now(QDateTime::currentDateTimeUtc()) {}

    void item(const model::Item &item, const QByteArray &bytes) override
    {
        // Who last changed each item and when, as a server's feed says: the demo's editors,
        // over the last three weeks (deterministic: from the item's id).
        static const QStringList editors{QStringLiteral("aisha.khan"), QStringLiteral("tom.price"), QStringLiteral("grace.adeyemi"),
                                         QStringLiteral("owen.hughes"), QStringLiteral("priya.nair")};
        replica::ServerChange change;
        change.id = item.id;
        change.revision = model::revisionId(bytes);
        change.bytes = bytes;
        const quint32 spread = qHash(change.revision);
        change.changedBy = editors.at(int(spread % quint32(editors.size())));
        change.changedAt = m_now.addSecs(-qint64(spread % (21u * 24u * 60u)) * 60);
        if (item.state == model::WorkflowState::Published)
            change.liveRevision = change.revision;
        append(std::move(change));
        if (!firstCurriculum && item.type() == model::ItemType::Curriculum)
            firstCurriculum = item;
        if (!firstPathway && item.type() == model::ItemType::Pathway && item.as<model::PathwayFields>().stages.size() >= 4)
            firstPathway = item;
        if (!conflictPage && item.type() == model::ItemType::Page && firstTextParagraph(item) >= 0)
            conflictPage = demo::MemorySink::GeneratedItem{item, bytes};
    }
    void attachment(const QString &, const QByteArray &) override {}
    [[nodiscard]] QString errorString() const override { return m_error; }

    // A change as the next in the server's feed; applied with the next 499 or at flush().
    void append(replica::ServerChange change)
    {
        change.seq = ++seq;
        m_page.append(std::move(change));
        if (m_page.size() == 500)
            (void)flush();
    }

    // Applies what is waiting; false (and errorString() says why) when the replica refused.
    bool flush()
    {
        if (m_page.isEmpty() || !m_error.isEmpty())
            return m_error.isEmpty();
        if (auto applied = m_replica.applyPulled(m_page, seq); !applied)
            m_error = applied.errorString();
        m_page.clear();
        return m_error.isEmpty();
    }

    qint64 seq = 0;
    std::optional<model::Item> firstCurriculum;
    std::optional<model::Item> firstPathway;
    std::optional<demo::MemorySink::GeneratedItem> conflictPage;

private:
    replica::Replica &m_replica;
    const QDateTime m_now;
    QList<replica::ServerChange> m_page;
    QString m_error;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a replica holding the demo content, as if synced."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Replica file to create (replaced)."), QStringLiteral("FILE"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Demo scale (default 1)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Demo seed (default 1)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption conflictOption(QStringLiteral("conflict"), QStringLiteral("Leave one page in conflict."));
    parser.addOptions({outOption, scaleOption, seedOption, conflictOption});
    parser.process(app);
    const QString out = parser.value(outOption);
    if (out.isEmpty()) {
        std::fprintf(stderr, "carta-demo-replica: --out FILE is required\n");
        return 2;
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(out + suffix);

    auto opened = replica::Replica::open(out);
    if (!opened) {
        std::fprintf(stderr, "carta-demo-replica: %s\n", qPrintable(opened.errorString()));
        return 1;
    }
    replica::Replica &r = *opened.value();
    ReplicaSink sink(r);
    demo::DemoOptions options;
    options.scale = parser.value(scaleOption).toInt();
    options.seed = parser.value(seedOption).toULongLong();
    const demo::DemoStats stats = demo::generate(options, sink);
    if (!stats.ok() || !sink.flush()) {
        std::fprintf(stderr, "carta-demo-replica: %s\n", qPrintable(stats.ok() ? sink.errorString() : stats.error));
        return 1;
    }
    const std::optional<model::Item> &firstCurriculum = sink.firstCurriculum;
    const std::optional<model::Item> &firstPathway = sink.firstPathway;
    const std::optional<demo::MemorySink::GeneratedItem> &conflictPage = sink.conflictPage;
    const qint64 generated = sink.seq;
    (void)r.setSetting(QStringLiteral("server"), QStringLiteral("https://carta.example.nhs.uk"));
    (void)r.setSetting(QStringLiteral("user"), QStringLiteral("aisha.khan"));
    (void)r.markSynced(QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate));
    if (firstCurriculum) {
        // One edit not yet sent, as an author's day would have.
        model::Item edited = *firstCurriculum;
        edited.summary += QStringLiteral(" Updated for the 2025 intake.");
        if (auto saved = r.saveItem(edited); !saved) {
            std::fprintf(stderr, "carta-demo-replica: %s\n", qPrintable(saved.errorString()));
            return 1;
        }
        std::printf("curriculum %s\n", qPrintable(model::idString(edited.id)));
    }
    if (firstPathway)
        std::printf("pathway %s\n", qPrintable(model::idString(firstPathway->id)));
    if (parser.isSet(conflictOption) && conflictPage) {
        // Here: the title and the first paragraph reworded; on the server, the same
        // sentence reworded otherwise and the title changed too, pulled afterwards.
        model::Item mine = conflictPage->item;
        mine.title += QStringLiteral(" (2026 update)");
        mine.paragraphs[firstTextParagraph(mine)].markdown.prepend(QStringLiteral("From August 2026, applications open in November. "));
        model::Item theirs = conflictPage->item;
        theirs.title += QStringLiteral(" for 2026");
        theirs.paragraphs[firstTextParagraph(theirs)].markdown.prepend(QStringLiteral("Applications for 2026 open in October through Oriel. "));
        theirs.summary += QStringLiteral(" Dates confirmed by the national recruitment office.");
        if (auto saved = r.saveItem(mine); !saved) {
            std::fprintf(stderr, "carta-demo-replica: %s\n", qPrintable(saved.errorString()));
            return 1;
        }
        replica::ServerChange change;
        change.id = theirs.id;
        change.bytes = model::serialize(theirs);
        change.revision = model::revisionId(change.bytes);
        if (conflictPage->item.state == model::WorkflowState::Published) { // the live revision stays
            change.liveRevision = model::revisionId(conflictPage->bytes);
            change.liveBytes = conflictPage->bytes;
        }
        sink.append(std::move(change));
        if (!sink.flush()) {
            std::fprintf(stderr, "carta-demo-replica: %s\n", qPrintable(sink.errorString()));
            return 1;
        }
        std::printf("conflict %s\n", qPrintable(model::idString(theirs.id)));
    }
    std::fprintf(stderr, "carta-demo-replica: %lld items in %s\n", generated, qPrintable(out));
    return 0;
}
