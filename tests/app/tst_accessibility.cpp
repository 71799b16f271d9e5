// Accessibility and 200% scale, over the real main window with an editor of every item
// type open: every control a person can reach has a name a screen reader reads (its own
// accessible name, or the text of its label), Tab reaches every control of the editor and
// leaves it again, and at 200% scale on a 1920×1080 screen (960×540 logical pixels) the
// window still fits and no control is squeezed below the size it needs; what does not fit
// scrolls.
#include "apptestsupport.h"

#include "account/tokenstore.h"
#include "widgets/itemeditor.h"
#include "widgets/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>

using namespace carta;
using namespace carta::app;
using namespace carta::model;
using namespace carta::testing;

namespace {

constexpr QSize kLogicalScreen(960, 540); // 1920×1080 at 200%

bool reachable(const QWidget *w)
{
    return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus);
}

QString describe(const QWidget *w)
{
    return S("%1 \"%2\" (%3)").arg(S(w->metaObject()->className()), w->objectName(),
                                    w->parentWidget() ? w->parentWidget()->objectName() : QString());
}

// What a screen reader says for a control: its accessible name, else what Qt derives
// (a label's buddy text, a button's text).
QString spokenName(QWidget *w)
{
    if (!w->accessibleName().isEmpty())
        return w->accessibleName();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name) : QString();
}

} // namespace

class tst_Accessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void editorOfEveryType_data();
    void editorOfEveryType();
    void menusHaveNamesAndMnemonics();

private:
    TempReplica m_file;
    TokenStore m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Accessibility::initTestCase()
{
    isolateSettings("accessibility");
    QVERIFY2(qFuzzyCompare(qApp->devicePixelRatio(), 2.0), "the test runs at 200% (QT_SCALE_FACTOR=2, set in main)");
    m_tokens.setTimeout(2000);
    {
        auto replica = m_file.openReplica();
        Item london = ofType(ItemType::Term, S("London"), S("london"));
        london.as<TermFields>().vocabulary = Vocabulary::Region;
        Item oriel = ofType(ItemType::Portal, S("Oriel"), S("oriel"));
        oriel.as<PortalFields>().url = S("https://www.oriel.nhs.uk");
        pull(*replica, {london, oriel, page(S("Foundation training"), S("foundation-training"))});
    }
    m_window = std::make_unique<MainWindow>(m_file.openWorkspace(), m_tokens);
    m_window->resize(kLogicalScreen);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_Accessibility::cleanupTestCase()
{
    m_window.reset();
}

void tst_Accessibility::editorOfEveryType_data()
{
    QTest::addColumn<ItemType>("type");
    for (ItemType type : allItemTypes())
        QTest::newRow(qPrintable(toString(type))) << type;
}

void tst_Accessibility::editorOfEveryType()
{
    QFETCH(ItemType, type);
    ItemEditor *editor = m_window->newItem(type);
    QVERIFY(editor);
    QCoreApplication::processEvents();

    // The window still fits the screen at 200%: nothing forced it larger.
    const QSize minimum = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
    QVERIFY2(minimum.width() <= kLogicalScreen.width() && minimum.height() <= kLogicalScreen.height(),
             qPrintable(S("the window needs %1×%2 at 200%").arg(minimum.width()).arg(minimum.height())));
    QCOMPARE(m_window->size(), kLogicalScreen);

    const QList<QWidget *> controls = editor->findChildren<QWidget *>();
    QStringList unnamed;
    QStringList squeezed;
    for (QWidget *w : controls) {
        if (!reachable(w) || w->inherits("QScrollBar"))
            continue;
        if (spokenName(w).trimmed().isEmpty())
            unnamed.append(describe(w));
        // Controls with a fixed look: never below the height their text needs.
        const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
            || qobject_cast<QAbstractButton *>(w);
        if (control && w->height() < w->minimumSizeHint().height())
            squeezed.append(S("%1: %2 px high, needs %3").arg(describe(w)).arg(w->height()).arg(w->minimumSizeHint().height()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(S("controls without a name a screen reader can read:\n") + unnamed.join(QLatin1Char('\n'))));
    QVERIFY2(squeezed.isEmpty(), qPrintable(S("controls squeezed at 200%:\n") + squeezed.join(QLatin1Char('\n'))));

    // Tab from the open items' tab bar enters the editor, visits every reachable control of
    // it, then leaves it (no trap), without skipping any. (A tab bar's scroll arrows are
    // reached with the arrow keys, as in every Qt tab bar.)
    QSet<QWidget *> expected;
    for (QWidget *w : controls)
        if (reachable(w) && w->focusProxy() == nullptr && !w->inherits("QScrollBar") && !qobject_cast<QTabBar *>(w->parentWidget()))
            expected.insert(w);
    QTabBar *openItems = m_window->findChild<QTabWidget *>(S("editorTabs"))->tabBar();
    openItems->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(openItems->hasFocus());
    QTest::keyClick(openItems, Qt::Key_Tab);
    QVERIFY2(editor->isAncestorOf(QApplication::focusWidget()), "Tab from the open items' tabs does not enter the editor");
    QSet<QWidget *> visited;
    for (int i = 0; i < 4 * int(expected.size()) + 8; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || !editor->isAncestorOf(focus))
            break;
        visited.insert(focus);
        if (qEnvironmentVariableIsSet("CARTA_TRACE_TAB"))
            qInfo() << "focus" << describe(focus);
        // Tab moves focus on in a text box (they are set to tabChangesFocus) and a table.
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    QVERIFY2(!editor->isAncestorOf(QApplication::focusWidget()), "Tab never leaves the editor");
    QStringList missed;
    for (QWidget *w : std::as_const(expected))
        if (!visited.contains(w))
            missed.append(describe(w));
    QVERIFY2(missed.isEmpty(), qPrintable(S("Tab never reaches:\n") + missed.join(QLatin1Char('\n'))));

    auto *tabs = m_window->findChild<QTabWidget *>(S("editorTabs"));
    QMetaObject::invokeMethod(tabs, "tabCloseRequested", Q_ARG(int, tabs->indexOf(editor)));
}

void tst_Accessibility::menusHaveNamesAndMnemonics()
{
    // Every menu and every action in it can be reached from the keyboard: a mnemonic (&)
    // in each top-level menu, and a text for each action a screen reader reads.
    QStringList problems;
    for (QAction *top : m_window->menuBar()->actions()) {
        if (!top->text().contains(QLatin1Char('&')))
            problems.append(S("menu without a mnemonic: ") + top->text());
        if (QMenu *menu = top->menu())
            for (QAction *action : menu->actions())
                if (!action->isSeparator() && action->text().trimmed().isEmpty())
                    problems.append(S("action without text in ") + top->text());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// 200% scale has to be set before the application exists.
int main(int argc, char *argv[])
{
    qputenv("QT_SCALE_FACTOR", "2");
    qputenv("CARTA_KEYCHAIN", "off");
    QApplication app(argc, argv);
    tst_Accessibility test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_accessibility.moc"
