#include "tenantspage.h"
#include "tenantdaemonstab.h"
#include "widgets/recordtable.h"
#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "operations/tenancyadmin.h"

#include "docker/containerspec.h"
#include "docker/format.h"
#include "tenancy/recordtablemodel.h"
#include "tenancy/tenancyservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Backends;
using Models::RecordTableModel;

namespace {
QString cpus(qint64 nano)
{
    return QString::number(double(nano) / 1e9, 'g', 6);
}

QString usageText(qint64 used, qint64 limit, const std::function<QString(qint64)> &fmt)
{
    return QStringLiteral("%1 / %2").arg(fmt(used), fmt(limit));
}
} // namespace

// PlanDialog ---------------------------------------------------------------------------

PlanDialog::PlanDialog(const Plan &plan, bool creating, QWidget *parent)
    : QDialog(parent)
    , m_original(plan)
{
    setWindowTitle(creating ? tr("New plan") : tr("Edit plan %1").arg(plan.name));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(plan.name);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setReadOnly(!creating);
    m_containers = new QSpinBox;
    m_containers->setObjectName(QStringLiteral("containers"));
    m_containers->setRange(1, 100000);
    m_containers->setValue(std::max(1, plan.maxContainers));
    m_cpus = new QLineEdit(plan.cpusNano ? cpus(plan.cpusNano) : QString());
    m_cpus->setObjectName(QStringLiteral("cpus"));
    m_cpus->setPlaceholderText(tr("for example 2 or 0.5"));
    m_memory = new QLineEdit(plan.memoryBytes ? QStringLiteral("%1m").arg(plan.memoryBytes / (1024 * 1024)) : QString());
    m_memory->setObjectName(QStringLiteral("memory"));
    m_memory->setPlaceholderText(tr("for example 512m or 4g"));
    m_disk = new QLineEdit(plan.diskBytes ? QStringLiteral("%1m").arg(plan.diskBytes / (1024 * 1024)) : QString());
    m_disk->setObjectName(QStringLiteral("disk"));
    m_disk->setPlaceholderText(tr("empty: not limited"));
    m_bandwidth = new QLineEdit(plan.bandwidthNote);
    m_bandwidth->setObjectName(QStringLiteral("bandwidth"));
    m_priceHour = new QLineEdit(plan.priceHour.isZero() ? QString() : plan.priceHour.toString());
    m_priceHour->setObjectName(QStringLiteral("priceHour"));
    m_priceMonth = new QLineEdit(plan.priceMonth.isZero() ? QString() : plan.priceMonth.toString());
    m_priceMonth->setObjectName(QStringLiteral("priceMonth"));
    m_cpuPrice = new QLineEdit(plan.cpuPriceHour.isZero() ? QString() : plan.cpuPriceHour.toString());
    m_cpuPrice->setObjectName(QStringLiteral("cpuPrice"));
    m_memoryPrice = new QLineEdit(plan.memoryPriceGibHour.isZero() ? QString() : plan.memoryPriceGibHour.toString());
    m_memoryPrice->setObjectName(QStringLiteral("memoryPrice"));
    m_diskPrice = new QLineEdit(plan.diskPriceGibDay.isZero() ? QString() : plan.diskPriceGibDay.toString());
    m_diskPrice->setObjectName(QStringLiteral("diskPrice"));
    m_free = new QCheckBox(tr("Free tier (usage is metered, never charged)"));
    m_free->setObjectName(QStringLiteral("free"));
    m_free->setChecked(plan.freeTier);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Containers:"), m_containers);
    form->addRow(tr("CPUs:"), m_cpus);
    form->addRow(tr("Memory:"), m_memory);
    form->addRow(tr("Disk:"), m_disk);
    form->addRow(tr("Bandwidth:"), m_bandwidth);
    form->addRow(tr("Price per hour:"), m_priceHour);
    form->addRow(tr("Price per month:"), m_priceMonth);
    form->addRow(tr("Per CPU-hour:"), m_cpuPrice);
    form->addRow(tr("Per GiB-hour of memory:"), m_memoryPrice);
    form->addRow(tr("Per GiB-day of disk:"), m_diskPrice);
    form->addRow(QString(), m_free);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(pal);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

Expected<Plan> PlanDialog::plan() const
{
    Plan p = m_original;
    p.name = m_name->text().trimmed();
    p.maxContainers = m_containers->value();
    auto c = ContainerSpec::parseCpus(m_cpus->text());
    if (!c || m_cpus->text().trimmed().isEmpty())
        return Error::make(Error::Input, tr("CPUs: %1").arg(c ? tr("give a number, for example 2") : c.error().message));
    p.cpusNano = *c;
    auto m = ContainerSpec::parseMemory(m_memory->text());
    if (!m || m_memory->text().trimmed().isEmpty())
        return Error::make(Error::Input, tr("Memory: %1").arg(m ? tr("give a size, for example 4g") : m.error().message));
    p.memoryBytes = *m;
    p.diskBytes = 0;
    if (!m_disk->text().trimmed().isEmpty()) {
        auto d = ContainerSpec::parseMemory(m_disk->text());
        if (!d)
            return Error::make(Error::Input, tr("Disk: %1").arg(d.error().message));
        p.diskBytes = *d;
    }
    p.bandwidthNote = m_bandwidth->text().trimmed();
    const QList<QPair<QLineEdit *, Money *>> prices{{m_priceHour, &p.priceHour}, {m_priceMonth, &p.priceMonth},
                                                    {m_cpuPrice, &p.cpuPriceHour}, {m_memoryPrice, &p.memoryPriceGibHour},
                                                    {m_diskPrice, &p.diskPriceGibDay}};
    for (const auto &[edit, field] : prices) {
        if (edit->text().trimmed().isEmpty()) {
            *field = Money();
            continue;
        }
        auto v = Money::parse(edit->text());
        if (!v)
            return v.error();
        *field = *v;
    }
    p.freeTier = m_free->isChecked();
    if (auto e = TenancyStore::checkPlan(p); e.isError())
        return e;
    return p;
}

void PlanDialog::accept()
{
    auto p = plan();
    if (!p) {
        m_error->setText(p.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

// TenantDialog -------------------------------------------------------------------------

TenantDialog::TenantDialog(const QStringList &plans, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New tenant"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("lower-case letters, digits and dashes"));
    m_displayName = new QLineEdit;
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_email = new QLineEdit;
    m_email->setObjectName(QStringLiteral("email"));
    m_phone = new QLineEdit;
    m_phone->setObjectName(QStringLiteral("phone"));
    m_plan = new QComboBox;
    m_plan->setObjectName(QStringLiteral("plan"));
    m_plan->addItems(plans);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Display name:"), m_displayName);
    form->addRow(tr("Email:"), m_email);
    form->addRow(tr("Phone:"), m_phone);
    form->addRow(tr("Plan:"), m_plan);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

Tenant TenantDialog::tenant() const
{
    Tenant t;
    t.name = m_name->text().trimmed();
    t.displayName = m_displayName->text().trimmed();
    t.email = m_email->text().trimmed();
    t.phone = m_phone->text().trimmed();
    t.plan = m_plan->currentText();
    return t;
}

void TenantDialog::accept()
{
    if (auto e = TenancyStore::checkName(tr("tenant"), tenant().name); e.isError()) {
        m_error->setText(e.message);
        m_error->show();
        return;
    }
    if (m_plan->count() == 0) {
        m_error->setText(tr("Create a plan first: a tenant needs one."));
        m_error->show();
        return;
    }
    QDialog::accept();
}

// TenantsPage --------------------------------------------------------------------------

TenantsPage::TenantsPage(Models::TenancyService *service, Models::HostRegistry *hosts, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    for (auto *c : hosts->connections())
        m_hostNames << c->config().name;
    execPlanDialog = [](PlanDialog *d) { return d->exec() == QDialog::Accepted; };
    execTenantDialog = [](TenantDialog *d) { return d->exec() == QDialog::Accepted; };
    chooseItem = [this](const QString &title, const QString &label, const QStringList &items) {
        bool ok = false;
        const QString v = QInputDialog::getItem(this, title, label, items, 0, false, &ok);
        return ok ? v : QString();
    };
    m_tenants = new RecordTableModel({tr("Tenant"), tr("Plan"), tr("State"), tr("Containers"), tr("CPUs"), tr("Memory"), tr("Email"), tr("Created")}, this);
    m_plans = new RecordTableModel({tr("Plan"), tr("Containers"), tr("CPUs"), tr("Memory"), tr("Disk"), tr("Price"), tr("Usage prices"), tr("Revision")}, this);
    m_domains = new RecordTableModel({tr("Host"), tr("Domain"), tr("Tenant")}, this);
    m_tabs = new QTabWidget;
    m_banner = new QLabel;
    m_banner->setWordWrap(true);
    m_banner->hide();

    // Tenants
    auto *tenantsTab = new QWidget;
    auto *tbar = new QToolBar;
    tbar->addAction(tr("New tenant…"), this, &TenantsPage::newTenant);
    tbar->addAction(tr("Suspend"), this, [this] { setSelectedTenantState(QStringLiteral("suspended")); });
    tbar->addAction(tr("Resume"), this, [this] { setSelectedTenantState(QStringLiteral("active")); });
    tbar->addAction(tr("Change plan…"), this, &TenantsPage::assignPlan);
    tbar->addAction(tr("Open dashboard"), this, [this] {
        const QString t = selectedKey(m_tenantsView);
        if (!t.isEmpty())
            Q_EMIT openDashboard(t);
    });
    m_tenantsView = makeRecordTable(m_tenants, this);
    connect(m_tenantsView, &QTableView::doubleClicked, this, [this] {
        const QString t = selectedKey(m_tenantsView);
        if (!t.isEmpty())
            Q_EMIT openDashboard(t);
    });
    auto *tl = new QVBoxLayout(tenantsTab);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(tbar);
    tl->addWidget(m_tenantsView);
    m_tabs->addTab(tenantsTab, tr("Tenants"));

    // Plans
    auto *plansTab = new QWidget;
    auto *pbar = new QToolBar;
    pbar->addAction(tr("New plan…"), this, &TenantsPage::newPlan);
    pbar->addAction(tr("Edit…"), this, &TenantsPage::editPlan);
    pbar->addAction(tr("Remove"), this, &TenantsPage::removePlan);
    m_plansView = makeRecordTable(m_plans, this);
    connect(m_plansView, &QTableView::doubleClicked, this, &TenantsPage::editPlan);
    auto *pl = new QVBoxLayout(plansTab);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->addWidget(pbar);
    pl->addWidget(m_plansView);
    m_tabs->addTab(plansTab, tr("Plans"));

    // Host domains
    auto *domainsTab = new QWidget;
    auto *dbar = new QToolBar;
    dbar->addAction(tr("Make a host public…"), this, [this] {
        const QString host = chooseItem(tr("Public host"), tr("Host:"), m_hostNames);
        if (!host.isEmpty())
            setDomain(host, QStringLiteral("public"));
    });
    dbar->addAction(tr("Give a host to a tenant…"), this, [this] {
        const QString host = chooseItem(tr("Private host"), tr("Host:"), m_hostNames);
        if (host.isEmpty())
            return;
        const QString tenant = chooseItem(tr("Private host"), tr("Tenant:"), m_tenantNames);
        if (!tenant.isEmpty())
            setDomain(host, tenant);
    });
    dbar->addAction(tr("Remove from domains"), this, &TenantsPage::removeDomain);
    m_domainsView = makeRecordTable(m_domains, this);
    auto *dl = new QVBoxLayout(domainsTab);
    dl->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("Tenants reach only public hosts and the hosts of their own domain. A host in no domain is the admins' alone."));
    hint->setWordWrap(true);
    dl->addWidget(dbar);
    dl->addWidget(hint);
    dl->addWidget(m_domainsView);
    m_tabs->addTab(domainsTab, tr("Host domains"));

    // Tenants' own daemons and dedicated hosts
    m_daemons = new TenantDaemonsTab(m_service, hosts);
    m_tabs->addTab(m_daemons, tr("Tenants' daemons"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs);
    connect(m_service, &Models::TenancyService::changed, this, &TenantsPage::reload);
    connect(m_service, &Models::TenancyService::changed, m_daemons, &TenantDaemonsTab::reload);
    reload();
}

void TenantsPage::showError(const QString &message)
{
    m_lastError = message;
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        Q_EMIT errorShown(message);
}

QString TenantsPage::selectedKey(QTableView *view) const
{
    const QModelIndexList rows = view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList{};
    return rows.isEmpty() ? QString() : rows.first().data(RecordTableModel::KeyRole).toString();
}

void TenantsPage::reload()
{
    struct Snapshot
    {
        QList<Tenant> tenants;
        QList<QuotaUsage> usage;
        QList<Plan> plans;
        QList<HostDomain> domains;
        Error error;
    };
    m_service->query<Snapshot>(this, [](TenancyStore &s) {
        Snapshot snap;
        auto t = s.tenants();
        auto p = s.plans();
        auto d = s.hostDomains();
        if (!t || !p || !d) {
            snap.error = !t ? t.error() : !p ? p.error() : d.error();
            return snap;
        }
        snap.tenants = *t;
        for (const auto &x : snap.tenants)
            snap.usage << (s.usage(x.name).hasValue() ? *s.usage(x.name) : QuotaUsage{});
        snap.plans = *p;
        snap.domains = *d;
        return snap;
    }, [this](const Snapshot &snap) {
        if (snap.error.isError())
            return showError(snap.error.message);
        m_planList = snap.plans;
        QHash<QString, Plan> planByName;
        QList<RecordTableModel::Record> plans;
        for (const auto &p : snap.plans) {
            planByName.insert(p.name, p);
            const QString price = p.freeTier ? tr("free") : p.priceMonth.isZero() ? tr("%1 per hour").arg(p.priceHour.toString())
                                                                                   : tr("%1 per month").arg(p.priceMonth.toString());
            const QString usagePrices = tr("CPU-h %1 · GiB-h %2 · GiB-day %3").arg(p.cpuPriceHour.toString(), p.memoryPriceGibHour.toString(), p.diskPriceGibDay.toString());
            plans << RecordTableModel::Record{p.name,
                                              {p.name, QString::number(p.maxContainers), cpus(p.cpusNano), formatBytes(double(p.memoryBytes)),
                                               p.diskBytes ? formatBytes(double(p.diskBytes)) : tr("not limited"), price, usagePrices, QString::number(p.revision)},
                                              {QVariant(), p.maxContainers, p.cpusNano, p.memoryBytes, p.diskBytes, QVariant(), QVariant(), p.revision},
                                              {}};
        }
        m_plans->setRecords(plans);
        QList<RecordTableModel::Record> tenants;
        m_tenantNames.clear();
        for (int i = 0; i < snap.tenants.size(); ++i) {
            const Tenant &t = snap.tenants[i];
            const QuotaUsage &u = snap.usage[i];
            const Plan p = planByName.value(t.plan);
            m_tenantNames << t.name;
            RecordTableModel::Record r{t.name,
                                       {t.name, t.plan, t.state == QLatin1String("active") ? tr("active") : tr("suspended"),
                                        QStringLiteral("%1 / %2").arg(u.containers).arg(p.maxContainers),
                                        usageText(u.cpusNano, p.cpusNano, cpus),
                                        usageText(u.memoryBytes, p.memoryBytes, [](qint64 b) { return formatBytes(double(b)); }), t.email,
                                        QDateTime::fromSecsSinceEpoch(t.createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                                       {QVariant(), QVariant(), QVariant(), u.containers, u.cpusNano, u.memoryBytes, QVariant(), t.createdAt},
                                       t.state == QLatin1String("active") ? QVariant() : QVariant(QColor(0x9a, 0x9a, 0x9a))};
            tenants << r;
        }
        m_tenants->setRecords(tenants);
        QList<RecordTableModel::Record> domains;
        for (const auto &d : snap.domains)
            domains << RecordTableModel::Record{d.host, {d.host, d.domain == QLatin1String("public") ? tr("public") : tr("private"), d.tenant}, {}, {}};
        m_domains->setRecords(domains);
    });
}

void TenantsPage::newTenant()
{
    QStringList names;
    for (const auto &p : std::as_const(m_planList))
        names << p.name;
    TenantDialog dialog(names, this);
    if (!execTenantDialog(&dialog))
        return;
    const Tenant t = dialog.tenant();
    m_service->change(this, [t](TenancyStore &s) {
        return Models::TenancyAdmin(s).createTenant(t);
    }, [this](const Error &e) { showError(e.message); });
}

void TenantsPage::setSelectedTenantState(const QString &state)
{
    const QString t = selectedKey(m_tenantsView);
    if (t.isEmpty())
        return showError(tr("Select a tenant first."));
    m_service->change(this, [t, state](TenancyStore &s) {
        return Models::TenancyAdmin(s).setTenantState(t, state);
    }, [this](const Error &e) { showError(e.message); });
}

void TenantsPage::assignPlan()
{
    const QString t = selectedKey(m_tenantsView);
    if (t.isEmpty())
        return showError(tr("Select a tenant first."));
    QStringList names;
    for (const auto &p : std::as_const(m_planList))
        names << p.name;
    const QString plan = chooseItem(tr("Change plan"), tr("New plan for %1:").arg(t), names);
    if (plan.isEmpty())
        return;
    m_service->change(this, [t, plan](TenancyStore &s) {
        return Models::TenancyAdmin(s).assignPlan(t, plan);
    }, [this](const Error &e) { showError(e.message); });
}

void TenantsPage::newPlan()
{
    PlanDialog dialog(Plan{}, true, this);
    if (!execPlanDialog(&dialog))
        return;
    auto p = dialog.plan();
    if (!p)
        return showError(p.error().message);
    const Plan plan = *p;
    m_service->change(this, [plan](TenancyStore &s) {
        return Models::TenancyAdmin(s).createPlan(plan);
    }, [this](const Error &e) { showError(e.message); });
}

void TenantsPage::editPlan()
{
    const QString name = selectedKey(m_plansView);
    Plan original;
    for (const auto &p : std::as_const(m_planList))
        if (p.name == name)
            original = p;
    if (original.name.isEmpty())
        return showError(tr("Select a plan first."));
    PlanDialog dialog(original, false, this);
    if (!execPlanDialog(&dialog))
        return;
    auto p = dialog.plan();
    if (!p)
        return showError(p.error().message);
    const Plan plan = *p; // carries the revision it was opened at: a concurrent edit is refused
    m_service->change(this, [plan](TenancyStore &s) {
        return Models::TenancyAdmin(s).updatePlan(plan);
    }, [this](const Error &e) {
        showError(e.message);
        if (e.kind == Error::Conflict)
            reload(); // show what the other admin saved
    });
}

void TenantsPage::removePlan()
{
    const QString name = selectedKey(m_plansView);
    if (name.isEmpty())
        return showError(tr("Select a plan first."));
    m_service->change(this, [name](TenancyStore &s) {
        return Models::TenancyAdmin(s).removePlan(name);
    }, [this](const Error &e) { showError(e.message); });
}

void TenantsPage::setDomain(const QString &host, const QString &tenantOrPublic)
{
    const HostDomain d = tenantOrPublic == QLatin1String("public") ? HostDomain{host, QStringLiteral("public"), {}}
                                                                   : HostDomain{host, QStringLiteral("private"), tenantOrPublic};
    m_service->change(this, [d](TenancyStore &s) {
        return Models::TenancyAdmin(s).setHostDomain(d);
    }, [this](const Error &e) { showError(e.message); });
}

void TenantsPage::removeDomain()
{
    const QString host = selectedKey(m_domainsView);
    if (host.isEmpty())
        return showError(tr("Select a host first."));
    m_service->change(this, [host](TenancyStore &s) {
        return Models::TenancyAdmin(s).removeHostDomain(host);
    }, [this](const Error &e) { showError(e.message); });
}

} // namespace Wharf::Ui
