#include "account/signindialog.h"

#include "account/tokenstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace carta::app {

SignInDialog::SignInDialog(TokenStore &tokens, QWidget *parent) : QDialog(parent), m_tokens(tokens)
{
    setWindowTitle(tr("Sign In to Carta"));
    setObjectName(QStringLiteral("signInDialog"));

    auto *intro = new QLabel(tr("Sign in once with the token your administrator gave you. "
                                "After the first sync you can work offline."),
                             this);
    intro->setWordWrap(true);

    m_serverEdit = new QLineEdit(this);
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setPlaceholderText(tr("https://carta.example.nhs.uk"));
    m_serverEdit->setAccessibleName(tr("Server address"));
    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_userEdit->setPlaceholderText(tr("firstname.lastname"));
    m_userEdit->setAccessibleName(tr("User name"));
    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setAccessibleName(tr("Access token"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_serverEdit);
    form->addRow(tr("&User name:"), m_userEdit);
    form->addRow(tr("&Token:"), m_tokenEdit);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Sign-in status"));
    m_message->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInButton = m_buttons->addButton(tr("Sign &In"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        m_check.abort();
        reject();
    });
    connect(&m_check, &AccountCheck::finished, this, &SignInDialog::checked);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setTabOrder(m_serverEdit, m_userEdit);
    setTabOrder(m_userEdit, m_tokenEdit);
    setTabOrder(m_tokenEdit, m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

void SignInDialog::setAccount(const Account &account)
{
    m_serverEdit->setText(account.server.toString());
    m_userEdit->setText(account.user);
    (account.isValid() ? m_tokenEdit : m_serverEdit)->setFocus();
}

void SignInDialog::showError(const QString &message)
{
    m_message->setText(message);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;")); // a calm dark red, readable on light and grey
    m_message->show();
}

void SignInDialog::setBusy(bool busy)
{
    m_serverEdit->setEnabled(!busy);
    m_userEdit->setEnabled(!busy);
    m_tokenEdit->setEnabled(!busy);
    m_signInButton->setEnabled(!busy);
    if (busy) {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Checking your account…"));
        m_message->show();
    }
}

void SignInDialog::signIn()
{
    const QUrl server = serverUrlFromInput(m_serverEdit->text());
    if (server.isEmpty()) {
        showError(tr("Enter the server's address, such as https://carta.example.nhs.uk."));
        m_serverEdit->setFocus();
        return;
    }
    const QString user = m_userEdit->text().trimmed();
    if (user.isEmpty()) {
        showError(tr("Enter your user name."));
        m_userEdit->setFocus();
        return;
    }
    const QString token = m_tokenEdit->text().trimmed();
    if (token.isEmpty()) {
        showError(tr("Enter your access token."));
        m_tokenEdit->setFocus();
        return;
    }
    m_account = Account{server, user};
    m_token = token;
    setBusy(true);
    m_check.start(server, token);
}

void SignInDialog::checked(const AccountCheckResult &result)
{
    if (result.outcome != AccountCheckResult::Outcome::Ok) {
        setBusy(false);
        showError(result.message);
        return;
    }
    if (result.name != m_account.user) {
        setBusy(false);
        showError(tr("This token belongs to “%1”, not “%2”.").arg(result.name, m_account.user));
        m_userEdit->setFocus();
        return;
    }
    m_role = result.role;
    m_message->setText(tr("Signed in. Saving your token…"));
    m_tokens.write(m_account.key(), m_token, [this] { accept(); });
}

} // namespace carta::app
