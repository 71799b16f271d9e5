// Sign-in: server address, user name and token. The account is checked against the server
// (GET /api/v1/me) before the dialog accepts; the token then goes to the keychain.
#pragma once

#include "account/account.h"
#include "account/accountcheck.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace carta::app {

class TokenStore;

class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(TokenStore &tokens, QWidget *parent = nullptr);

    // Fills in a known account (signing in again, or to the account of an opened replica).
    void setAccount(const Account &account);
    [[nodiscard]] Account account() const { return m_account; }
    [[nodiscard]] QString token() const { return m_token; }
    [[nodiscard]] QString role() const { return m_role; }

private:
    void signIn();
    void checked(const AccountCheckResult &result);
    void setBusy(bool busy);
    void showError(const QString &message);

    TokenStore &m_tokens;
    AccountCheck m_check;
    QLineEdit *m_serverEdit = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signInButton = nullptr;
    Account m_account;
    QString m_token;
    QString m_role;
};

} // namespace carta::app
