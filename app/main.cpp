// carta: the desktop app. Opens the replica of the account used last (or asks to sign in),
// or a replica file given with --replica. --screenshot FILE renders the main window to a
// PNG once it has loaded and exits (for the user guide; works with QT_QPA_PLATFORM=offscreen).
#include "account/signindialog.h"
#include "account/tokenstore.h"
#include "account/workspace.h"
#include "translations.h"
#include "widgets/conflictdialog.h"
#include "widgets/historydialog.h"
#include "widgets/itemeditor.h"
#include "widgets/mainwindow.h"
#include "widgets/moderationwindow.h"
#include "widgets/queueview.h"
#include "widgets/reviewpane.h"
#include "models/queuemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QTabWidget>
#include <QTableView>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <memory>
#include <utility>
#include <cstdio>
#include <cstdlib>

#include <unistd.h>

using namespace carta::app;

namespace {

class Launcher
{
    Q_DECLARE_TR_FUNCTIONS(Launcher)
};

const QString &lastReplicaKey()
{
    static const QString key = QStringLiteral("account/lastReplica");
    return key;
}

int fail(const QString &message, bool quiet)
{
    std::fprintf(stderr, "carta: %s\n", qPrintable(message));
    if (!quiet)
        QMessageBox::critical(nullptr, Launcher::tr("Carta"), message);
    return 1;
}

MainWindow *showWindow(std::unique_ptr<Workspace> workspace, TokenStore &tokens, const QString &token);

// Runs the event loop, then deletes the windows still open (an exit without closing them:
// a report, a screenshot, the session ending), so their editors save and each replica
// closes cleanly — which spares the next start a check of the whole file.
int runAndCloseWindows(QApplication &app)
{
    const int code = QApplication::exec();
    // Deleting a window deletes its own top-level children (menus, docks): collect first.
    QList<QPointer<MainWindow>> windows;
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(widget))
            windows.append(window);
    for (const QPointer<MainWindow> &window : windows)
        delete window.data();
    Q_UNUSED(app);
    return code;
}

// A line of /proc/self/status in kB ("VmRSS:", "VmHWM:"); -1 where there is no /proc.
long long procStatusKb(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Milliseconds since the kernel started this process (exec, dynamic linking and static
// initialisation included), from /proc/self/stat; -1 where there is no /proc.
double processAgeMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 (starttime, clock ticks since boot) counted after the command name's ")".
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startSeconds = fields.value(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    const double nowSeconds = uptime.readAll().split(' ').value(0).toDouble();
    return (nowSeconds - startSeconds) * 1000.0;
}

// The person signed in to another account from a window: that account's replica opens in a
// new window and the old one closes (saving its tabs).
void connectAccountSwitch(MainWindow *window, TokenStore &tokens)
{
    QObject::connect(window, &MainWindow::accountSwitchRequested, window,
                     [window, &tokens](const Account &account, const QString &token) {
                         auto workspace = Workspace::openForAccount(account);
                         if (!workspace) {
                             QMessageBox::warning(window, Launcher::tr("Carta"), workspace.errorString());
                             return;
                         }
                         QSettings().setValue(lastReplicaKey(), account.replicaPath());
                         MainWindow *next = showWindow(std::move(workspace).value(), tokens, token);
                         next->restoreSession();
                         window->close();
                     });
}

MainWindow *showWindow(std::unique_ptr<Workspace> workspace, TokenStore &tokens, const QString &token)
{
    auto *window = new MainWindow(std::move(workspace), tokens);
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (!token.isEmpty())
        window->setToken(token);
    connectAccountSwitch(window, tokens);
    window->show();
    return window;
}

} // namespace

// The C library's heap on transparent huge pages. Opening a replica builds the search index
// in memory (~120 MB at ×10 content): on a virtual machine each first touch of a 4 KB page
// costs ~16 µs, so a third of a second or more goes to page faults; 2 MB pages cut their
// number 512 times (measured at ×10 here: ready in 490-770 ms against 1,220). Debian's kernel
// gives huge pages to memory that asks for them (madvise mode), and glibc asks when its
// tunable says so, which it reads once at start: so the process starts itself again with the
// tunable set, once (same process, same start time). GLIBC_TUNABLES set to anything, even
// empty, is left as it is. Once started again, the tunable (read by then) is taken out of the
// environment, so that what the app starts (a PDF viewer, a browser) starts as it would have.
static void useHugePages(char *argv[])
{
    static constexpr char kMarker[] = "CARTA_HUGEPAGES_SET";
    if (std::getenv(kMarker)) {
        ::unsetenv(kMarker);
        ::unsetenv("GLIBC_TUNABLES");
        return;
    }
    if (std::getenv("GLIBC_TUNABLES"))
        return;
    if (::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0 || ::setenv(kMarker, "1", 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    ::unsetenv("GLIBC_TUNABLES"); // could not start again: carry on as it is
    ::unsetenv(kMarker);
}

int main(int argc, char *argv[])
{
    useHugePages(argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Carta"));
    QApplication::setApplicationName(QStringLiteral("carta"));
    QApplication::setApplicationDisplayName(QStringLiteral("Carta"));
    QApplication::setApplicationVersion(QStringLiteral(CARTA_VERSION));

    const QLocale locale = preferredLocale();
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    installTranslations(locale);

    QCommandLineParser parser;
    parser.setApplicationDescription(Launcher::tr("Carta: edit health-education content offline and sync it with the server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption replicaOption(QStringLiteral("replica"), Launcher::tr("Open this replica file instead of an account's."),
                                           Launcher::tr("FILE"));
    const QCommandLineOption openOption(QStringLiteral("open"), Launcher::tr("Open this item in a tab (repeatable)."), Launcher::tr("ID"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              Launcher::tr("Render the main window to this PNG file once loaded, then exit."),
                                              Launcher::tr("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), Launcher::tr("Window size for --screenshot (default 1440x900)."),
                                        Launcher::tr("WxH"), QStringLiteral("1440x900"));
    const QCommandLineOption startupReportOption(
        QStringLiteral("startup-report"),
        Launcher::tr("Once the main window is shown and idle, print the time since the process started and its memory, then exit (bench_app_start)."));
    const QCommandLineOption resolveOption(QStringLiteral("resolve-conflict"),
                                           Launcher::tr("Open the conflict dialog for this item (with --screenshot: render the dialog)."),
                                           Launcher::tr("ID"));
    const QCommandLineOption sectionOption(QStringLiteral("section"),
                                           Launcher::tr("Show this section of the last opened item: item, details, paragraphs or attachments."),
                                           Launcher::tr("NAME"));
    const QCommandLineOption moderationOption(QStringLiteral("moderation"),
                                              Launcher::tr("Open the moderation queue with this item under review (with --screenshot: render that window)."),
                                              Launcher::tr("ID"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           Launcher::tr("Open the history of this item (with --screenshot: render the dialog)."),
                                           Launcher::tr("ID"));
    parser.addOptions({replicaOption, openOption, resolveOption, sectionOption, moderationOption, historyOption, screenshotOption,
                       sizeOption, startupReportOption});
    parser.process(app);
    const bool screenshot = parser.isSet(screenshotOption) || parser.isSet(startupReportOption);

    TokenStore tokens;
    QString token;
    std::unique_ptr<Workspace> workspace;
    QSettings settings;
    QString replicaPath = parser.value(replicaOption);
    if (replicaPath.isEmpty()) {
        const QString last = settings.value(lastReplicaKey()).toString();
        if (!last.isEmpty() && QFile::exists(last))
            replicaPath = last;
    }
    if (!replicaPath.isEmpty()) {
        auto opened = Workspace::open(replicaPath);
        if (!opened)
            return fail(Launcher::tr("Cannot open the replica %1:\n%2").arg(replicaPath, opened.errorString()), screenshot);
        workspace = std::move(opened).value();
    } else {
        if (screenshot)
            return fail(Launcher::tr("--screenshot needs --replica FILE"), true);
        SignInDialog dialog(tokens);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        auto opened = Workspace::openForAccount(dialog.account());
        if (!opened)
            return fail(opened.errorString(), false);
        workspace = std::move(opened).value();
        token = dialog.token();
    }
    if (!parser.isSet(replicaOption))
        settings.setValue(lastReplicaKey(), workspace->replica().path());

    MainWindow *window = showWindow(std::move(workspace), tokens, token);
    if (!screenshot)
        window->restoreSession();
    for (const QString &id : parser.values(openOption))
        if (!window->openItem(QUuid::fromString(id)))
            std::fprintf(stderr, "carta: no item %s in the replica\n", qPrintable(id));

    if (parser.isSet(sectionOption)) {
        const QStringList sections{QStringLiteral("item"), QStringLiteral("details"), QStringLiteral("paragraphs"),
                                   QStringLiteral("attachments")};
        ItemEditor *editor = window->currentEditor();
        auto *tabs = editor ? editor->findChild<QTabWidget *>(QStringLiteral("editorSections")) : nullptr;
        const QString wanted = parser.value(sectionOption).toLower();
        bool found = false;
        for (int i = 0; tabs && i < tabs->count(); ++i) {
            if (tabs->tabText(i).remove(QLatin1Char('&')).toLower() == wanted
                || (sections.indexOf(wanted) >= 0 && tabs->widget(i)->objectName().startsWith(wanted))) {
                tabs->setCurrentIndex(i);
                found = true;
            }
        }
        if (!found)
            std::fprintf(stderr, "carta: no section %s in the open item\n", qPrintable(wanted));
    }

    QWidget *shown = window;
    if (parser.isSet(resolveOption)) {
        ConflictDialog *dialog = window->resolveConflict(QUuid::fromString(parser.value(resolveOption)));
        if (!dialog)
            std::fprintf(stderr, "carta: no conflict for item %s\n", qPrintable(parser.value(resolveOption)));
        else
            shown = dialog;
    }

    if (parser.isSet(moderationOption)) {
        ModerationWindow *moderation = window->openModeration();
        moderation->showItem(QUuid::fromString(parser.value(moderationOption)));
        shown = moderation;
    }

    if (parser.isSet(historyOption)) {
        if (HistoryDialog *dialog = window->openHistory(QUuid::fromString(parser.value(historyOption))))
            shown = dialog;
        else
            std::fprintf(stderr, "carta: cannot show the history of %s\n", qPrintable(parser.value(historyOption)));
    }

    if (parser.isSet(startupReportOption)) {
        // The window has been shown; after the event loop has run the queued work of the
        // first show (layout, the list's first page, paint) once, it is interactive.
        QTimer::singleShot(0, window, [] {
            QTimer::singleShot(0, [] {
                std::printf("{\"ready_ms\": %.1f, \"rss_kb\": %lld, \"peak_rss_kb\": %lld}\n", processAgeMs(),
                            procStatusKb("VmRSS:"), procStatusKb("VmHWM:"));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        });
        return runAndCloseWindows(app);
    }

    if (screenshot) {
        const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
        const int width = size.value(0).toInt();
        const int height = size.value(1).toInt();
        if (size.size() != 2 || width < 320 || height < 240)
            return fail(Launcher::tr("--size must look like 1440x900"), true);
        window->resize(width, height);
        if (shown != window && !parser.isSet(moderationOption) && !parser.isSet(historyOption))
            shown->resize(std::min(width, 1280), std::min(height, 800));
        else if (shown != window)
            shown->resize(width, height);
        const QString file = parser.value(screenshotOption);
        // Let layouts settle (one pass of the event loop after showing), then render. The
        // moderation window first waits for its comment thread from the server (5 s at most).
        auto render = [shown, file] {
            QTimer::singleShot(0, shown, [shown, file] {
                QTimer::singleShot(0, shown, [shown, file] {
                    const bool saved = shown->grab().save(file, "PNG");
                    if (!saved)
                        std::fprintf(stderr, "carta: cannot write %s\n", qPrintable(file));
                    QCoreApplication::exit(saved ? 0 : 1);
                });
            });
        };
        if (auto *moderation = qobject_cast<ModerationWindow *>(shown)) {
            auto once = std::make_shared<bool>(false);
            auto renderOnce = [render, once] {
                if (!std::exchange(*once, true))
                    render();
            };
            QObject::connect(moderation->review(), &ReviewPane::threadLoaded, moderation, renderOnce);
            QTimer::singleShot(5000, moderation, renderOnce);
        } else if (auto *history = qobject_cast<HistoryDialog *>(shown)) {
            auto once = std::make_shared<bool>(false);
            auto renderOnce = [render, once] {
                if (!std::exchange(*once, true))
                    render();
            };
            QObject::connect(history, &HistoryDialog::diffShown, history, renderOnce);
            QTimer::singleShot(5000, history, renderOnce);
        } else {
            render();
        }
    }
    return runAndCloseWindows(app);
}
