#include "sshprompter.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Wharf::Ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Ui::SshPrompter", text);
}
} // namespace

SshPrompter::SshPrompter(QWidget *parent)
    : m_parent(parent)
{
}

void SshPrompter::confirmHostKey(const HostKey &key, std::function<void(bool)> answer)
{
    if (!m_parent)
        return answer(false);
    auto *box = new QMessageBox(m_parent);
    box->setObjectName(QStringLiteral("sshHostKeyDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Unknown SSH host key"));
    const QString where = key.port == 22 ? key.host : QStringLiteral("%1 port %2").arg(key.host).arg(key.port);
    box->setText(tr("Wharf has never connected to %1 before.").arg(where));
    box->setInformativeText(tr("Its %1 key has the fingerprint\n\n%2\n\nCompare it with the fingerprint the host's "
                               "administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host). "
                               "Trust it only if they are the same.")
                                .arg(key.keyType, key.fingerprint));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *trust = box->addButton(tr("Trust and connect"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trust"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, trust, answer] { answer(box->clickedButton() == trust); });
    box->open();
}

void SshPrompter::askSecret(const SecretRequest &r, std::function<void(std::optional<QString>, bool)> answer)
{
    if (!m_parent)
        return answer(std::nullopt, false);
    auto *d = new QDialog(m_parent);
    d->setObjectName(QStringLiteral("sshSecretDialog"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    const bool passphrase = r.kind == SecretKind::KeyPassphrase;
    d->setWindowTitle(passphrase ? tr("SSH key passphrase") : tr("SSH password"));
    d->setMinimumWidth(460);
    auto *text = new QLabel(passphrase ? tr("The key %1 for %2 is protected by a passphrase.").arg(r.keyFile, r.target)
                                       : tr("Password for %1.").arg(r.target));
    text->setWordWrap(true);
    auto *retry = new QLabel(passphrase ? tr("That passphrase was wrong.") : tr("That password was wrong."));
    retry->setStyleSheet(QStringLiteral("color: #c62828;"));
    retry->setVisible(r.retry);
    auto *edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("secret"));
    edit->setEchoMode(QLineEdit::Password);
    auto *remember = new QCheckBox(tr("Remember in the system keychain"));
    remember->setObjectName(QStringLiteral("remember"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *l = new QVBoxLayout(d);
    l->addWidget(text);
    l->addWidget(retry);
    l->addWidget(edit);
    l->addWidget(remember);
    l->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, d, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    QObject::connect(d, &QDialog::finished, d, [edit, remember, answer](int result) {
        if (result != QDialog::Accepted)
            return answer(std::nullopt, false);
        const QString secret = edit->text();
        edit->clear();
        answer(secret, remember->isChecked());
    });
    d->open();
    edit->setFocus();
}

} // namespace Wharf::Ui
