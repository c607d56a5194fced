#pragma once

#include "hosts/hoststore.h"

#include <QDialog>
#include <QPointer>

class QLineEdit;
class QCheckBox;
class QLabel;
class QDialogButtonBox;
class QPushButton;

namespace Wharf::Models {
class HostProbe;
}
namespace Wharf::Backends {
class CredentialStore;
} // namespace Wharf::Backends

namespace Wharf::Ui {

// Add a Docker host: a name, a group, the address, and for tcp:// hosts the TLS files (or a
// DOCKER_CERT_PATH-style folder to import them from). "Test connection" asks the daemon before
// anything is saved; the private key goes to the keychain, the host list keeps only the
// certificates' paths.
class AddHostDialog : public QDialog
{
    Q_OBJECT
public:
    AddHostDialog(Models::HostStore *store, Backends::CredentialStore *credentials, QWidget *parent = nullptr);
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const { return m_url; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *testResult() const { return m_result; }
    QPushButton *testButton() const { return m_testButton; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QString addedId() const { return m_added; }
    // Fills CA, certificate and key from ca.pem, cert.pem and key.pem in a folder.
    bool importCertFolder(const QString &dir);
    void setTls(bool on);
    void testConnection();
    // ssh:// hosts: who answers the host key and passphrase questions while testing.
    void setSshInteraction(std::shared_ptr<Backends::SshInteraction> interaction) { m_sshInteraction = std::move(interaction); }
    QLineEdit *sshKeyField() const { return m_sshKey; }
    QCheckBox *systemSshBox() const { return m_systemSsh; }

private:
    void tryAdd();
    // The host as typed, and the key file's bytes (the key never goes into the host list).
    Models::HostConfig typed(QByteArray *key, QString *error) const;
    void setBusy(bool busy);

    Models::HostStore *m_store;
    Backends::CredentialStore *m_credentials;
    QLineEdit *m_name, *m_group, *m_url, *m_ca, *m_cert, *m_key;
    QCheckBox *m_tls, *m_lab, *m_systemSsh;
    QLineEdit *m_sshKey;
    QPushButton *m_sshKeyBrowse;
    std::shared_ptr<Backends::SshInteraction> m_sshInteraction;
    void updateScheme();
    QLabel *m_error, *m_result;
    QPushButton *m_testButton;
    QDialogButtonBox *m_buttons;
    Models::HostProbe *m_probe;
    QString m_added;
};

} // namespace Wharf::Ui
