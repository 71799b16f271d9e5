// The peer of bench_app_start: the least a Qt Widgets main window costs on this machine —
// a QMainWindow with a menu, a list of 50 rows, a search field and a status bar, shown,
// then the same report as `carta --startup-report` once the event loop is idle.
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>

namespace {

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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"));
    auto *central = new QWidget(&window);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(new QLineEdit(central));
    QStringList rows;
    for (int i = 0; i < 50; ++i)
        rows.append(QStringLiteral("Row %1").arg(i));
    auto *list = new QListView(central);
    list->setModel(new QStringListModel(rows, list));
    layout->addWidget(list);
    window.setCentralWidget(central);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1440, 900);
    window.show();
    QTimer::singleShot(0, &window, [] {
        QTimer::singleShot(0, [] {
            std::printf("{\"rss_kb\": %lld, \"peak_rss_kb\": %lld}\n", procStatusKb("VmRSS:"), procStatusKb("VmHWM:"));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    });
    return app.exec();
}
