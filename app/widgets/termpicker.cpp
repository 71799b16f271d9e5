#include "widgets/termpicker.h"

#include "models/itemcatalogue.h"
#include "models/labels.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QStringListModel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace carta::app {

// Lays chips out in lines that wrap at the available width (so they hold at any scale);
// the last item, the line edit, takes the rest of its line.
class TermChipFlowLayout : public QLayout
{
public:
    explicit TermChipFlowLayout(QWidget *parent) : QLayout(parent) { setContentsMargins(0, 0, 0, 0); }
    ~TermChipFlowLayout() override
    {
        while (QLayoutItem *item = TermChipFlowLayout::takeAt(0))
            delete item;
    }

    void insertWidgetAt(int index, QWidget *widget)
    {
        addChildWidget(widget);
        m_items.insert(std::clamp(index, 0, int(m_items.size())), new QWidgetItem(widget));
        invalidate();
    }

    void addItem(QLayoutItem *item) override { m_items.append(item); }
    [[nodiscard]] int count() const override { return int(m_items.size()); }
    [[nodiscard]] QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override
    {
        if (index < 0 || index >= m_items.size())
            return nullptr;
        QLayoutItem *item = m_items.takeAt(index);
        invalidate();
        return item;
    }
    [[nodiscard]] Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    void setGeometry(const QRect &rect) override
    {
        QLayout::setGeometry(rect);
        arrange(rect, true);
    }
    [[nodiscard]] QSize sizeHint() const override
    {
        // Everything on one line, as far as it goes.
        QSize size;
        for (const QLayoutItem *item : m_items) {
            if (item->isEmpty())
                continue;
            size.setWidth(size.width() + item->sizeHint().width() + horizontalGap());
            size.setHeight(std::max(size.height(), item->sizeHint().height()));
        }
        return size + marginsSize();
    }
    [[nodiscard]] QSize minimumSize() const override
    {
        QSize size;
        for (const QLayoutItem *item : m_items)
            if (!item->isEmpty())
                size = size.expandedTo(item->minimumSize());
        return size + marginsSize();
    }

private:
    [[nodiscard]] QSize marginsSize() const
    {
        const QMargins m = contentsMargins();
        return {m.left() + m.right(), m.top() + m.bottom()};
    }
    [[nodiscard]] int horizontalGap() const
    {
        const QWidget *parent = parentWidget();
        return parent ? parent->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, parent) / 2 + 2 : 4;
    }
    [[nodiscard]] int verticalGap() const
    {
        const QWidget *parent = parentWidget();
        return parent ? parent->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, parent) / 2 + 2 : 4;
    }

    // Places the items in rect (when apply) and returns the height they need.
    int arrange(const QRect &rect, bool apply) const
    {
        const QRect area = rect.marginsRemoved(contentsMargins());
        int x = area.x();
        int y = area.y();
        int lineHeight = 0;
        const int hGap = horizontalGap();
        const int vGap = verticalGap();
        QList<QLayoutItem *> visible;
        for (QLayoutItem *item : m_items)
            if (!item->isEmpty())
                visible.append(item);
        for (qsizetype i = 0; i < visible.size(); ++i) {
            QLayoutItem *item = visible.at(i);
            const bool last = i + 1 == visible.size();
            QSize size = item->sizeHint();
            const int minimumWidth = last ? item->minimumSize().width() : size.width();
            if (x > area.x() && x + minimumWidth > area.right() + 1) {
                x = area.x();
                y += lineHeight + vGap;
                lineHeight = 0;
            }
            if (last)
                size.setWidth(std::max(minimumWidth, area.right() + 1 - x));
            size.setWidth(std::min(size.width(), area.width()));
            if (apply)
                item->setGeometry(QRect(QPoint(x, y), size));
            x += size.width() + hGap;
            lineHeight = std::max(lineHeight, size.height());
        }
        return y + lineHeight - rect.y() + contentsMargins().bottom();
    }

    QList<QLayoutItem *> m_items;
};

void TermPickerLineEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && event->modifiers() == Qt::NoModifier) {
        // With a completion highlighted in the popup, the completer adds that one.
        const QCompleter *c = completer();
        if (c && c->popup() && c->popup()->isVisible() && c->popup()->currentIndex().isValid()) {
            event->ignore();
            return;
        }
        Q_EMIT enterPressed();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Backspace && text().isEmpty() && event->modifiers() == Qt::NoModifier) {
        Q_EMIT backspaceOnEmpty();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

TermPicker::TermPicker(model::Vocabulary vocabulary, const ItemCatalogue &catalogue, QWidget *parent)
    : QWidget(parent), m_vocabulary(vocabulary), m_catalogue(catalogue)
{
    const QString vocabularyName = model::toString(vocabulary);
    setObjectName(vocabularyName + QStringLiteral("Picker"));

    auto *chipsArea = new QWidget(this);
    chipsArea->setObjectName(vocabularyName + QStringLiteral("Chips"));
    m_flow = new TermChipFlowLayout(chipsArea);

    m_emptyLabel = new QLabel(chipsArea);
    m_emptyLabel->setObjectName(vocabularyName + QStringLiteral("EmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_emptyLabel->hide();
    m_flow->addWidget(m_emptyLabel);

    m_input = new TermPickerLineEdit(chipsArea);
    // The name the form and the tests have always used for this vocabulary's tags field.
    m_input->setObjectName(vocabularyName + QStringLiteral("TagsEdit"));
    m_input->setAccessibleName(Labels::vocabularyPlural(vocabulary));
    m_input->setPlaceholderText(tr("Type to add a %1…").arg(Labels::vocabulary(vocabulary).toLower()));
    m_input->setToolTip(tr("Type part of a %1's name, then choose it from the list or press Enter. "
                           "Backspace in the empty field removes the last one.")
                            .arg(Labels::vocabulary(vocabulary).toLower()));
    m_input->setMinimumWidth(m_input->fontMetrics().averageCharWidth() * 14);
    m_flow->addWidget(m_input);
    m_emptyLabel->setMinimumHeight(m_input->sizeHint().height()); // on the field's line, centred

    m_completions = new QStringListModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setObjectName(vocabularyName + QStringLiteral("Completer"));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(10);
    m_input->setCompleter(m_completer);
    // Queued: the line edit first takes the completion as its text; adding then clears it.
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { (void)addTerm(text); }, Qt::QueuedConnection);
    connect(m_input, &TermPickerLineEdit::enterPressed, this, [this] { (void)addTerm(m_input->text()); });
    connect(m_input, &TermPickerLineEdit::backspaceOnEmpty, this, [this] {
        if (!m_terms.isEmpty())
            removeTerm(m_terms.constLast());
    });
    connect(m_input, &QLineEdit::textEdited, this, [this] { setMessage(QString()); });

    m_message = new QLabel(this);
    m_message->setObjectName(vocabularyName + QStringLiteral("PickerMessage"));
    m_message->setAccessibleName(tr("%1 message").arg(Labels::vocabularyPlural(vocabulary)));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(chipsArea);
    layout->addWidget(m_message);
    setFocusProxy(m_input);

    updateCompletions();
    updateDescription();
}

QString TermPicker::titleOf(const QString &slug) const
{
    const QString title = m_catalogue.termTitle(m_vocabulary, slug);
    return title.isEmpty() ? Labels::humanizeSlug(slug) : title;
}

QString TermPicker::slugFor(const QString &text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return QString();
    const auto completion = m_slugByCompletion.constFind(wanted);
    if (completion != m_slugByCompletion.constEnd())
        return *completion;
    const QList<TermEntry> terms = m_catalogue.terms(m_vocabulary);
    for (const TermEntry &term : terms)
        if (term.title.compare(wanted, Qt::CaseInsensitive) == 0)
            return term.slug;
    for (const TermEntry &term : terms)
        if (term.slug.compare(wanted, Qt::CaseInsensitive) == 0)
            return term.slug;
    for (auto it = m_slugByCompletion.cbegin(); it != m_slugByCompletion.cend(); ++it)
        if (it.key().compare(wanted, Qt::CaseInsensitive) == 0)
            return it.value();
    return QString();
}

void TermPicker::setTerms(const QStringList &slugs)
{
    if (slugs == m_terms)
        return;
    m_terms = slugs;
    rebuildChips();
    updateCompletions();
    updateDescription();
}

void TermPicker::setEmptyText(const QString &text)
{
    m_emptyText = text;
    m_emptyLabel->setText(text);
    m_emptyLabel->setVisible(m_terms.isEmpty() && !text.isEmpty());
    updateDescription();
}

void TermPicker::reloadTerms()
{
    rebuildChips(); // titles may have changed
    updateCompletions();
    updateDescription();
}

QString TermPicker::message() const
{
    return m_message->text();
}

void TermPicker::setIssues(const QStringList &lines)
{
    m_issueLines = lines;
    updateDescription();
}

bool TermPicker::addTerm(const QString &text)
{
    if (text.trimmed().isEmpty())
        return false;
    const QString slug = slugFor(text);
    if (slug.isEmpty()) {
        // Never added silently: the text stays for the person to correct.
        setMessage(tr("No term called “%1”.").arg(text.trimmed()));
        return false;
    }
    setMessage(QString());
    m_input->clear();
    if (m_completer->popup())
        m_completer->popup()->hide();
    if (!m_terms.contains(slug)) {
        QStringList terms = m_terms;
        terms.append(slug);
        edited(terms, QString());
    }
    return true;
}

void TermPicker::removeTerm(const QString &slug)
{
    const qsizetype at = m_terms.indexOf(slug);
    if (at < 0)
        return;
    // The focus goes to the chip that takes its place, else the one before, else the field.
    QString focusAfter;
    if (at + 1 < m_terms.size())
        focusAfter = m_terms.at(at + 1);
    else if (at > 0)
        focusAfter = m_terms.at(at - 1);
    QStringList terms = m_terms;
    terms.removeAt(at);
    const bool chipHadFocus = std::any_of(m_chips.cbegin(), m_chips.cend(), [](const QWidget *chip) {
        return chip->isAncestorOf(QApplication::focusWidget());
    });
    edited(terms, chipHadFocus ? focusAfter : QString());
}

void TermPicker::edited(const QStringList &terms, const QString &focusAfter)
{
    setTerms(terms);
    if (!focusAfter.isEmpty()) {
        for (QWidget *chip : std::as_const(m_chips))
            if (chip->property("termSlug").toString() == focusAfter)
                if (auto *button = chip->findChild<QToolButton *>())
                    button->setFocus(Qt::OtherFocusReason);
    } else if (hasFocus() || isAncestorOf(QApplication::focusWidget()) || !QApplication::focusWidget()) {
        m_input->setFocus(Qt::OtherFocusReason);
    }
    Q_EMIT termsEdited(terms);
}

void TermPicker::rebuildChips()
{
    const bool hadFocus = std::any_of(m_chips.cbegin(), m_chips.cend(), [](const QWidget *chip) {
        return chip->isAncestorOf(QApplication::focusWidget());
    });
    for (QWidget *chip : std::as_const(m_chips)) {
        // Out of the layout and the focus chain now; deleted later, since this may run
        // inside the click of its own remove button.
        m_flow->removeWidget(chip);
        chip->hide();
        chip->setParent(nullptr);
        chip->deleteLater();
    }
    m_chips.clear();
    if (hadFocus)
        m_input->setFocus(Qt::OtherFocusReason);

    QWidget *chipsArea = m_input->parentWidget();
    // New chips go before the field, in the layout and in the focus chain (after the last
    // widget before it that takes the focus: Qt orders only those).
    QWidget *previous = m_input->previousInFocusChain();
    while (previous != m_input && previous->focusPolicy() == Qt::NoFocus)
        previous = previous->previousInFocusChain();
    const QString vocabularyName = model::toString(m_vocabulary);
    for (qsizetype i = 0; i < m_terms.size(); ++i) {
        const QString slug = m_terms.at(i);
        const QString title = titleOf(slug);
        const bool known = m_catalogue.hasTerm(m_vocabulary, slug);

        auto *chip = new QFrame(chipsArea);
        chip->setObjectName(QStringLiteral("termChip_") + slug);
        chip->setProperty("termSlug", slug);
        chip->setAccessibleName(tr("%1: %2").arg(Labels::vocabulary(m_vocabulary), title));
        chip->setToolTip(known ? tr("%1 (%2)").arg(title, slug)
                               : tr("“%1” is not a %2 known on this computer.").arg(slug, Labels::vocabulary(m_vocabulary).toLower()));
        chip->setStyleSheet(QStringLiteral(".QFrame { border: 1px solid palette(mid); border-radius: 0.6em;"
                                           " background: palette(alternate-base); }"
                                           "QToolButton { border: 1px solid transparent; border-radius: 0.4em; padding: 0 0.2em; }"
                                           "QToolButton:hover, QToolButton:focus { border-color: palette(highlight); }"));
        auto *label = new QLabel(known ? title : tr("%1 (unknown)").arg(title), chip);
        label->setObjectName(QStringLiteral("termChipLabel_") + slug);
        auto *remove = new QToolButton(chip);
        remove->setObjectName(QStringLiteral("removeTerm_") + slug);
        remove->setText(QString(QChar(0x2715))); // ✕
        remove->setAccessibleName(tr("Remove %1").arg(title));
        remove->setToolTip(tr("Remove %1 (Delete)").arg(title));
        remove->setFocusPolicy(Qt::StrongFocus);
        remove->installEventFilter(this);
        connect(remove, &QToolButton::clicked, this, [this, slug] { removeTerm(slug); });
        auto *chipLayout = new QHBoxLayout(chip);
        const int pad = fontMetrics().averageCharWidth() / 2 + 1;
        chipLayout->setContentsMargins(pad * 2, pad / 2, pad / 2, pad / 2);
        chipLayout->setSpacing(pad);
        chipLayout->addWidget(label);
        chipLayout->addWidget(remove);

        m_flow->insertWidgetAt(m_flow->indexOf(m_input), chip);
        chip->show();
        if (previous != m_input)
            setTabOrder(previous, remove);
        previous = remove;
        m_chips.append(chip);
    }
    m_emptyLabel->setVisible(m_terms.isEmpty() && !m_emptyText.isEmpty());
    updateGeometry();
}

void TermPicker::updateCompletions()
{
    m_slugByCompletion.clear();
    const QList<TermEntry> terms = m_catalogue.terms(m_vocabulary);
    QHash<QString, int> titles;
    for (const TermEntry &term : terms)
        ++titles[term.title];
    QStringList completions;
    for (const TermEntry &term : terms) {
        if (m_terms.contains(term.slug))
            continue;
        QString text = term.title;
        if (titles.value(term.title) > 1) // the same name under two parents: say which
            text = tr("%1 (%2)").arg(term.title, term.parent.isEmpty() ? term.slug : titleOf(term.parent));
        m_slugByCompletion.insert(text, term.slug);
        completions.append(text);
    }
    m_completions->setStringList(completions);
}

void TermPicker::updateDescription()
{
    QStringList titles;
    for (const QString &slug : std::as_const(m_terms))
        titles.append(titleOf(slug));
    QStringList parts;
    parts.append(titles.isEmpty() ? (m_emptyText.isEmpty() ? tr("None chosen.") : m_emptyText + QLatin1Char('.'))
                                  : tr("Chosen: %1.").arg(titles.join(tr(", "))));
    if (!message().isEmpty())
        parts.append(message());
    parts += m_issueLines;
    m_input->setAccessibleDescription(parts.join(QLatin1Char(' ')));
}

void TermPicker::setMessage(const QString &text)
{
    if (m_message->text() == text)
        return;
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    updateDescription();
}

bool TermPicker::eventFilter(QObject *watched, QEvent *event)
{
    // On a chip's remove button: Enter, Delete and Backspace remove it too (Space already does).
    if (event->type() == QEvent::KeyPress) {
        auto *button = qobject_cast<QToolButton *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        if (button && button->parentWidget()
            && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace || key->key() == Qt::Key_Return
                || key->key() == Qt::Key_Enter)) {
            removeTerm(button->parentWidget()->property("termSlug").toString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace carta::app
