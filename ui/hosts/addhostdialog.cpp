#include "addhostdialog.h"

#include "docker/dockerclient.h"
#include "docker/format.h"

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
    setTls(false);
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
    if (m_probe)
        m_probe->deleteLater();
    m_probe = new DockerClient(*ep, this);
    if (m_probe->configurationError().isError()) {
        m_error->setText(m_probe->configurationError().message);
        return;
    }
    setBusy(true);
    m_result->setText(tr("Connecting to %1…").arg(ep->url()));
    DockerJob *job = m_probe->info();
    connect(job, &DockerJob::finished, this, [this, job] {
        job->deleteLater();
        setBusy(false);
        if (job->isError()) {
            m_result->clear();
            m_error->setText(job->error().message);
            return;
        }
        const QJsonObject o = job->json().object();
        m_error->clear();
        m_result->setText(tr("Connected: Docker %1 (API %2) on %3, %4 CPUs, %5 memory, %6 containers.")
                              .arg(o.value(QLatin1String("ServerVersion")).toString(), m_probe ? m_probe->apiVersion() : QString(),
                                   o.value(QLatin1String("OperatingSystem")).toString())
                              .arg(o.value(QLatin1String("NCPU")).toInt())
                              .arg(formatBytes(o.value(QLatin1String("MemTotal")).toDouble()))
                              .arg(o.value(QLatin1String("Containers")).toInt()));
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
