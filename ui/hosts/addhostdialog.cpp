#include "addhostdialog.h"

#include "docker/format.h"
#include "hosts/hostprobe.h"
#include "sshprompter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Backends;

AddHostDialog::AddHostDialog(Models::HostStore *store, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_credentials(credentials)
    , m_probe(new Models::HostProbe(this))
{
    setWindowTitle(tr("Add Docker host"));
    m_name = new QLineEdit;
    m_group = new QLineEdit;
    m_group->setPlaceholderText(tr("e.g. Local, Cloud, Lab"));
    m_url = new QLineEdit(Endpoint::defaultUrl());
    m_tls = new QCheckBox(tr("Use TLS (tcp:// hosts)"));
    m_ca = new QLineEdit;
    m_ca->setPlaceholderText(tr("CA certificate (ca.pem)"));
    m_cert = new QLineEdit;
    m_cert->setPlaceholderText(tr("client certificate (cert.pem)"));
    m_key = new QLineEdit;
    m_key->setPlaceholderText(tr("client key (key.pem)"));
    m_key->setToolTip(tr("The key is stored in the system keychain, not in Wharf's settings."));
    auto *importButton = new QPushButton(tr("Import folder…"));
    importButton->setToolTip(tr("A folder with ca.pem, cert.pem and key.pem, as DOCKER_CERT_PATH uses"));
    m_lab = new QCheckBox(tr("Lab host: allow plain, unencrypted tcp://"));
    m_lab->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_lab->setToolTip(tr("Anyone on the network can take over a Docker host reached without TLS. Only for a lab."));
    m_sshKey = new QLineEdit;
    m_sshKey->setPlaceholderText(tr("empty: ssh-agent, then ~/.ssh/id_ed25519 and id_ecdsa"));
    m_sshKey->setToolTip(tr("An Ed25519 or ECDSA private key. A passphrase is asked when connecting and can be kept in "
                            "the system keychain."));
    m_sshKeyBrowse = new QPushButton(tr("Browse…"));
    m_systemSsh = new QCheckBox(tr("Use the system ssh client (RSA keys, ProxyJump, ~/.ssh/config)"));
    m_systemSsh->setToolTip(tr("Runs OpenSSH's ssh with Wharf's known_hosts and strict host key checking. Keys with a "
                               "passphrase must be in ssh-agent."));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Group:"), m_group);
    form->addRow(tr("&Address:"), m_url);
    auto *tlsRow = new QHBoxLayout;
    tlsRow->addWidget(m_tls);
    tlsRow->addStretch();
    tlsRow->addWidget(importButton);
    form->addRow(QString(), tlsRow);
    form->addRow(tr("CA:"), m_ca);
    form->addRow(tr("Certificate:"), m_cert);
    form->addRow(tr("Key:"), m_key);
    form->addRow(QString(), m_lab);
    auto *sshRow = new QHBoxLayout;
    sshRow->addWidget(m_sshKey, 1);
    sshRow->addWidget(m_sshKeyBrowse);
    form->addRow(tr("SSH key:"), sshRow);
    form->addRow(QString(), m_systemSsh);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_result = new QLabel;
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_testButton = m_buttons->addButton(tr("Test connection"), QDialogButtonBox::ActionRole);
    auto *l = new QVBoxLayout(this);
    l->addLayout(form);
    l->addWidget(m_result);
    l->addWidget(m_error);
    l->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddHostDialog::tryAdd);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &AddHostDialog::testConnection);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder with ca.pem, cert.pem and key.pem"));
        if (!dir.isEmpty())
            importCertFolder(dir);
    });
    connect(m_tls, &QCheckBox::toggled, this, &AddHostDialog::setTls);
    connect(m_sshKeyBrowse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("SSH private key"), QDir::homePath() + QStringLiteral("/.ssh"));
        if (!f.isEmpty())
            m_sshKey->setText(f);
    });
    connect(m_url, &QLineEdit::textChanged, this, &AddHostDialog::updateScheme);
    m_url->setPlaceholderText(tr("unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host"));
    setTls(false);
    updateScheme();
    // Questions while testing are asked over this dialog.
    m_sshInteraction = std::make_shared<SshPrompter>(this);
}

void AddHostDialog::updateScheme()
{
    const bool ssh = m_url->text().trimmed().startsWith(QLatin1String("ssh://"));
    m_sshKey->setEnabled(ssh);
    m_sshKeyBrowse->setEnabled(ssh);
    m_systemSsh->setEnabled(ssh);
}

void AddHostDialog::setTls(bool on)
{
    m_tls->setChecked(on);
    for (QLineEdit *e : {m_ca, m_cert, m_key})
        e->setEnabled(on);
}

bool AddHostDialog::importCertFolder(const QString &dir)
{
    const QDir d(dir);
    QStringList missing;
    for (const char *f : {"ca.pem", "cert.pem", "key.pem"})
        if (!d.exists(QLatin1String(f)))
            missing << QLatin1String(f);
    if (!missing.isEmpty()) {
        m_error->setText(tr("%1 lacks %2.").arg(QDir::toNativeSeparators(dir), missing.join(QStringLiteral(", "))));
        return false;
    }
    setTls(true);
    m_ca->setText(d.absoluteFilePath(QStringLiteral("ca.pem")));
    m_cert->setText(d.absoluteFilePath(QStringLiteral("cert.pem")));
    m_key->setText(d.absoluteFilePath(QStringLiteral("key.pem")));
    m_error->clear();
    return true;
}

Models::HostConfig AddHostDialog::typed(QByteArray *key, QString *error) const
{
    Models::HostConfig h;
    h.name = m_name->text().trimmed();
    h.group = m_group->text().trimmed();
    h.url = m_url->text().trimmed();
    h.useTls = m_tls->isChecked();
    h.labMode = m_lab->isChecked();
    if (h.url.startsWith(QLatin1String("ssh://"))) {
        h.sshIdentityFile = m_sshKey->text().trimmed();
        h.sshSystemClient = m_systemSsh->isChecked();
        if (!h.sshIdentityFile.isEmpty() && !QFileInfo::exists(h.sshIdentityFile))
            *error = tr("The SSH key %1 does not exist.").arg(h.sshIdentityFile);
    }
    if (h.useTls) {
        h.tls.caCert = m_ca->text().trimmed();
        h.tls.clientCert = m_cert->text().trimmed();
        if (const QString path = m_key->text().trimmed(); !path.isEmpty()) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                *error = tr("Cannot read %1: %2.").arg(path, f.errorString());
            else
                *key = f.readAll();
        }
    }
    return h;
}

void AddHostDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_testButton->setEnabled(!busy);
}

void AddHostDialog::testConnection()
{
    QByteArray key;
    QString error;
    Models::HostConfig h = typed(&key, &error);
    m_result->clear();
    m_error->setText(error);
    if (!error.isEmpty())
        return;
    h.tls.clientKeyPem = key;
    auto ep = h.endpoint();
    if (!ep) {
        m_error->setText(ep.error().message);
        return;
    }
    Endpoint endpoint = *ep;
    if (endpoint.scheme() == Endpoint::Ssh) {
        SshSettings s = endpoint.sshSettings();
        s.interaction = m_sshInteraction;
        s.credentials = m_credentials;
        endpoint.setSshSettings(s);
    }
    setBusy(true);
    m_result->setText(tr("Connecting to %1…").arg(ep->url()));
    QPointer<AddHostDialog> self(this);
    m_probe->probe(endpoint, [self](const Expected<Models::HostFacts> &f) {
        if (!self)
            return;
        self->setBusy(false);
        if (!f) {
            self->m_result->clear();
            self->m_error->setText(f.error().message);
            return;
        }
        self->m_error->clear();
        self->m_result->setText(tr("Connected: Docker %1 (API %2) on %3, %4 CPUs, %5 memory, %6 containers.")
                                    .arg(f->serverVersion, f->apiVersion, f->operatingSystem)
                                    .arg(f->cpus)
                                    .arg(formatBytes(f->memoryBytes))
                                    .arg(f->containers));
    });
}

void AddHostDialog::tryAdd()
{
    QByteArray key;
    QString error;
    const Models::HostConfig h = typed(&key, &error);
    if (!error.isEmpty()) {
        m_error->setText(error);
        return;
    }
    setBusy(true);
    QPointer<AddHostDialog> self(this);
    Models::HostSecrets::add(m_store, m_credentials, h, key, [self](const Expected<QString> &id) {
        if (!self)
            return;
        self->setBusy(false);
        if (!id) {
            self->m_error->setText(id.error().message);
            return;
        }
        self->m_added = *id;
        self->accept();
    });
}

} // namespace Wharf::Ui
