#pragma once

#include "store/tenancystore.h"

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTableView;
class QSortFilterProxyModel;

namespace Wharf::Models {
class HostRegistry;
class TenancyService;
class RecordTableModel;
}

namespace Wharf::Ui {

class TenantDaemonsTab;

// Creates or edits a plan. Prices are exact decimals; limits use docker's units (1.5, 512m).
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlanDialog(const Backends::Plan &plan, bool creating, QWidget *parent = nullptr);
    // The plan as edited (revision kept from the plan opened), or an error naming the field.
    Backends::Expected<Backends::Plan> plan() const;
    void accept() override;

private:
    Backends::Plan m_original;
    QLineEdit *m_name;
    QSpinBox *m_containers;
    QLineEdit *m_cpus;
    QLineEdit *m_memory;
    QLineEdit *m_disk;
    QLineEdit *m_bandwidth;
    QLineEdit *m_priceHour;
    QLineEdit *m_priceMonth;
    QLineEdit *m_cpuPrice;
    QLineEdit *m_memoryPrice;
    QLineEdit *m_diskPrice;
    QCheckBox *m_free;
    QLabel *m_error;
};

// Creates a tenant: name, plan, contact.
class TenantDialog : public QDialog
{
    Q_OBJECT
public:
    TenantDialog(const QStringList &plans, QWidget *parent = nullptr);
    Backends::Tenant tenant() const;
    void accept() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QComboBox *m_plan;
    QLabel *m_error;
};

// The admin's page: tenants (create, suspend, resume, assign a plan, usage against quota,
// open a tenant's dashboard), the plans editor, which hosts are public or a tenant's own, and
// the tenants' own daemons and dedicated hosts.
class TenantsPage : public QWidget
{
    Q_OBJECT
public:
    TenantsPage(Models::TenancyService *service, Models::HostRegistry *hosts, QWidget *parent = nullptr);
    void reload();
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *tenantsView() const { return m_tenantsView; }
    QTableView *plansView() const { return m_plansView; }
    QTableView *domainsView() const { return m_domainsView; }
    TenantDaemonsTab *daemonsTab() const { return m_daemons; }
    Models::RecordTableModel *tenantsModel() const { return m_tenants; }
    Models::RecordTableModel *plansModel() const { return m_plans; }
    Models::RecordTableModel *domainsModel() const { return m_domains; }
    QString lastError() const { return m_lastError; }

    // Actions on the selected row (also what the toolbars call).
    void newTenant();
    void setSelectedTenantState(const QString &state);
    void assignPlan();
    void newPlan();
    void editPlan();
    void removePlan();
    void setDomain(const QString &host, const QString &tenantOrPublic);
    void removeDomain();

    // Dialog hooks, so tests can answer them.
    std::function<bool(PlanDialog *)> execPlanDialog;
    std::function<bool(TenantDialog *)> execTenantDialog;
    std::function<QString(const QString &title, const QString &label, const QStringList &items)> chooseItem;

Q_SIGNALS:
    void openDashboard(const QString &tenant);
    void errorShown(const QString &message);

private:
    QString selectedKey(QTableView *view) const;
    void showError(const QString &message);
    Models::TenancyService *m_service;
    QStringList m_hostNames;
    QTabWidget *m_tabs;
    QLabel *m_banner;
    Models::RecordTableModel *m_tenants;
    Models::RecordTableModel *m_plans;
    Models::RecordTableModel *m_domains;
    QTableView *m_tenantsView;
    QTableView *m_plansView;
    QTableView *m_domainsView;
    TenantDaemonsTab *m_daemons;
    QList<Backends::Plan> m_planList;
    QStringList m_tenantNames;
    QString m_lastError;
};

} // namespace Wharf::Ui
