#pragma once

#include "store/tenancystore.h"

#include <QDialog>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QTableView;

namespace Wharf::Models {
class HostRegistry;
class TenancyService;
class RecordTableModel;
}

namespace Wharf::Ui {

// What the admin asks for: a tenant's own rootless daemon on a shared host, or a whole host
// dedicated to it (专属主机).
struct DaemonRequest
{
    bool dedicate = false;
    QString tenant;
    QString host;
    QString publicKey; // the tenant's OpenSSH public key line; its private key stays with it
    QString root;      // the folder of the tenants' homes on the host
    QString socket;    // dedicate: the host daemon's socket
};

// Asks for a DaemonRequest: tenant, host, the tenant's public key (pasted or from its .pub
// file), the folder, and for a dedicated host the daemon's socket. Checked before it closes.
class DaemonDialog : public QDialog
{
    Q_OBJECT
public:
    DaemonDialog(const QStringList &tenants, const QStringList &hosts, QWidget *parent = nullptr);
    DaemonRequest request() const;
    void setRequest(const DaemonRequest &r);
    void accept() override;
    QLabel *errorLabel() const { return m_error; }
    // Reads the public key from a .pub file into the key field (the Browse button's work).
    bool loadKeyFile(const QString &path);

private:
    QRadioButton *m_rootless;
    QRadioButton *m_dedicated;
    QComboBox *m_tenant;
    QComboBox *m_host;
    QPlainTextEdit *m_key;
    QLineEdit *m_root;
    QLineEdit *m_socket;
    QLabel *m_error;
};

// The Tenants page's tab of tenants' own daemons and dedicated hosts: what each tenant has
// where, and the admin's actions on them. Each action is one operation of the host's
// operations layer (TenantProvisioner): it runs as a task of the console's task list, with the
// helper's progress and a Cancel, and its end is shown here.
class TenantDaemonsTab : public QWidget
{
    Q_OBJECT
public:
    TenantDaemonsTab(Models::TenancyService *service, Models::HostRegistry *hosts, QWidget *parent = nullptr);
    void reload();
    QTableView *view() const { return m_view; }
    Models::RecordTableModel *model() const { return m_model; }
    // The sentence the last action ended with (also shown in the tab's banner).
    QString lastMessage() const { return m_lastMessage; }
    QList<Backends::TenantEndpoint> endpoints() const { return m_endpoints; }

    // The toolbar's actions: give (asks with a DaemonDialog), take back the selected row
    // (asks whether the data goes too), export the selected tenant's connection profile.
    void give();
    void takeBackSelected();
    void exportSelectedProfile();
    // The same without dialogs.
    void give(const DaemonRequest &request);
    void takeBack(const QString &tenant, const QString &host, bool withData);
    void exportProfile(const QString &tenant, const QString &file);

    // Dialog hooks, so tests can answer them.
    std::function<bool(DaemonDialog *)> execDaemonDialog;
    std::function<bool(const QString &question, bool *withData)> confirmTakeBack;
    std::function<QString(const QString &suggested)> chooseSaveFile;

Q_SIGNALS:
    // An action ended: ok, and the sentence shown.
    void finished(bool ok, const QString &message);
    void reloaded();

private:
    void show(bool ok, const QString &message);
    Backends::TenantEndpoint selected() const;
    QStringList hostNames() const;
    Models::TenancyService *m_service;
    Models::HostRegistry *m_hosts;
    Models::RecordTableModel *m_model;
    QTableView *m_view;
    QLabel *m_banner;
    QList<Backends::TenantEndpoint> m_endpoints;
    QStringList m_tenants;
    QString m_lastMessage;
};

} // namespace Wharf::Ui
