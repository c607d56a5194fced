#include "addhostdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Wharf::Ui {

AddHostDialog::AddHostDialog(Models::HostStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("Add Docker host"));
    m_name = new QLineEdit;
    m_group = new QLineEdit;
    m_group->setPlaceholderText(tr("e.g. Local, Cloud, Lab"));
    m_url = new QLineEdit(Backends::Endpoint::defaultUrl());
    m_tls = new QCheckBox(tr("Use TLS (tcp:// hosts)"));
    m_ca = new QLineEdit;
    m_ca->setPlaceholderText(tr("CA certificate (ca.pem)"));
    m_cert = new QLineEdit;
    m_cert->setPlaceholderText(tr("client certificate (cert.pem)"));
    m_key = new QLineEdit;
    m_key->setPlaceholderText(tr("client key (key.pem)"));
    m_lab = new QCheckBox(tr("Lab host: allow plain, unencrypted tcp://"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Group:"), m_group);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(QString(), m_tls);
    form->addRow(tr("CA:"), m_ca);
    form->addRow(tr("Certificate:"), m_cert);
    form->addRow(tr("Key:"), m_key);
    form->addRow(QString(), m_lab);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    auto *l = new QVBoxLayout(this);
    l->addLayout(form);
    l->addWidget(m_error);
    l->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddHostDialog::tryAdd);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void AddHostDialog::tryAdd()
{
    Models::HostConfig h;
    h.name = m_name->text().trimmed();
    h.group = m_group->text().trimmed();
    h.url = m_url->text().trimmed();
    h.useTls = m_tls->isChecked();
    h.labMode = m_lab->isChecked();
    h.tls.caCert = m_ca->text().trimmed();
    h.tls.clientCert = m_cert->text().trimmed();
    h.tls.clientKey = m_key->text().trimmed();
    auto id = m_store->add(h);
    if (!id) {
        m_error->setText(id.error().message);
        return;
    }
    m_added = *id;
    accept();
}

} // namespace Wharf::Ui
