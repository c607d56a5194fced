#include "tenantdaemonstab.h"

#include "docker/format.h"
#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "tenancy/recordtablemodel.h"
#include "tenancy/tenancyservice.h"
#include "tenancy/tenantdaemons.h"
#include "tenancy/tenantdaemontask.h"
#include "tenancy/tenantprofile.h"
#include "widgets/recordtable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTextOption>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Backends;
using Models::RecordTableModel;
using Models::TenantDaemons;

namespace {
QString keyOf(const QString &tenant, const QString &host)
{
    return tenant + QLatin1Char('\n') + host;
}

QString limitsText(const TenantEndpoint &e)
{
    if (e.kind == QLatin1String("dedicated"))
        return TenantDaemonsTab::tr("the whole host");
    return TenantDaemonsTab::tr("%1 memory, %2 CPUs, %3 processes")
        .arg(e.memoryBytes ? formatBytes(double(e.memoryBytes)) : TenantDaemonsTab::tr("any"),
             e.cpusNano ? QString::number(double(e.cpusNano) / 1e9, 'g', 6) : TenantDaemonsTab::tr("any"),
             e.pids ? QString::number(e.pids) : TenantDaemonsTab::tr("any"));
}
// What the cgroup used when the controller last read it.
QString usageText(const TenantEndpoint::Usage &u)
{
    if (!u.at)
        return TenantDaemonsTab::tr("not read yet");
    return TenantDaemonsTab::tr("%1 memory, %2 CPU-seconds, %3 processes (%4)")
        .arg(formatBytes(double(u.memoryBytes)), QString::number(double(u.cpuMicros) / 1e6, 'f', 1))
        .arg(u.pids)
        .arg(QDateTime::fromSecsSinceEpoch(u.at).toString(QStringLiteral("HH:mm")));
}
} // namespace

// DaemonDialog --------------------------------------------------------------------------

DaemonDialog::DaemonDialog(const QStringList &tenants, const QStringList &hosts, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Give a tenant a daemon of its own"));
    m_rootless = new QRadioButton(tr("Its own rootless daemon on a shared host"));
    m_dedicated = new QRadioButton(tr("The whole host, dedicated to it (专属主机)"));
    m_rootless->setChecked(true);
    m_tenant = new QComboBox;
    m_tenant->addItems(tenants);
    m_host = new QComboBox;
    m_host->addItems(hosts);
    m_key = new QPlainTextEdit;
    m_key->setPlaceholderText(tr("ssh-ed25519 AAAA… the tenant's public key (its .pub file)"));
    m_key->setTabChangesFocus(true);
    m_key->setMaximumHeight(80);
    m_key->setWordWrapMode(QTextOption::WrapAnywhere);
    auto *browse = new QPushButton(tr("From file…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("The tenant's public key"), QString(), tr("Public keys (*.pub);;All files (*)"));
        if (!path.isEmpty())
            loadKeyFile(path);
    });
    m_root = new QLineEdit(TenantDaemons::defaultRoot());
    m_socket = new QLineEdit(QStringLiteral("/var/run/docker.sock"));
    m_socket->setEnabled(false);
    connect(m_dedicated, &QRadioButton::toggled, m_socket, &QLineEdit::setEnabled);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_error->setPalette(pal);
    m_error->hide();

    auto *keyRow = new QVBoxLayout;
    keyRow->addWidget(m_key);
    keyRow->addWidget(browse, 0, Qt::AlignLeft);
    auto *form = new QFormLayout;
    form->addRow(m_rootless);
    form->addRow(m_dedicated);
    form->addRow(tr("Tenant:"), m_tenant);
    form->addRow(tr("Host:"), m_host);
    form->addRow(tr("Public key:"), keyRow);
    form->addRow(tr("Tenants' homes on the host:"), m_root);
    form->addRow(tr("Host daemon's socket:"), m_socket);
    auto *hint = new QLabel(tr("Wharf logs in to the host with this console's access to it and makes a Unix user for the tenant whose key "
                               "reaches only its daemon. A rootless daemon's cgroup is held to the tenant's plan by the kernel."));
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Give"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DaemonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DaemonDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

bool DaemonDialog::loadKeyFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_error->setText(tr("Cannot read %1: %2").arg(path, f.errorString()));
        m_error->show();
        return false;
    }
    m_key->setPlainText(QString::fromUtf8(f.read(TenantDaemons::MaxPublicKey + 1)).trimmed());
    m_error->hide();
    return true;
}

DaemonRequest DaemonDialog::request() const
{
    DaemonRequest r;
    r.dedicate = m_dedicated->isChecked();
    r.tenant = m_tenant->currentText();
    r.host = m_host->currentText();
    r.publicKey = m_key->toPlainText().trimmed();
    r.root = m_root->text().trimmed();
    r.socket = m_socket->text().trimmed();
    return r;
}

void DaemonDialog::setRequest(const DaemonRequest &r)
{
    (r.dedicate ? m_dedicated : m_rootless)->setChecked(true);
    m_tenant->setCurrentText(r.tenant);
    m_host->setCurrentText(r.host);
    m_key->setPlainText(r.publicKey);
    if (!r.root.isEmpty())
        m_root->setText(r.root);
    if (!r.socket.isEmpty())
        m_socket->setText(r.socket);
}

void DaemonDialog::accept()
{
    const DaemonRequest r = request();
    Error e;
    if (r.tenant.isEmpty())
        e = Error::make(Error::Input, tr("Create a tenant first."));
    else if (r.host.isEmpty())
        e = Error::make(Error::Input, tr("Add the host first, with its SSH address (ssh://root@host)."));
    else if (e = TenantDaemons::checkPublicKey(r.publicKey); !e.isError())
        e = TenantDaemons::checkRoot(r.root);
    if (!e.isError() && r.dedicate && !r.socket.startsWith(QLatin1Char('/')))
        e = Error::make(Error::Input, tr("Name the host daemon's socket as an absolute path, not \"%1\".").arg(r.socket));
    if (e.isError()) {
        m_error->setText(e.message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

// TenantDaemonsTab ------------------------------------------------------------------------

TenantDaemonsTab::TenantDaemonsTab(Models::TenancyService *service, Models::HostRegistry *hosts, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_hosts(hosts)
{
    execDaemonDialog = [](DaemonDialog *d) { return d->exec() == QDialog::Accepted; };
    confirmTakeBack = [this](const QString &question, bool *withData) {
        QMessageBox box(QMessageBox::Question, tr("Take back"), question, QMessageBox::Yes | QMessageBox::Cancel, this);
        auto *data = new QCheckBox(tr("Also remove its images, containers and volumes"));
        box.setCheckBox(data);
        const bool yes = box.exec() == QMessageBox::Yes;
        *withData = data->isChecked();
        return yes;
    };
    chooseSaveFile = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export connection profile"), suggested, tr("Wharf connection profiles (*.wharf-profile);;All files (*)"));
    };
    m_model = new RecordTableModel(
        {tr("Tenant"), tr("Host"), tr("Kind"), tr("Unix user"), tr("Tenant's address"), tr("Cgroup limits"), tr("In use"), tr("Created")}, this);
    m_view = makeRecordTable(m_model, this);
    auto *bar = new QToolBar;
    bar->addAction(tr("Give a tenant a daemon…"), this, qOverload<>(&TenantDaemonsTab::give));
    bar->addAction(tr("Take back…"), this, &TenantDaemonsTab::takeBackSelected);
    bar->addAction(tr("Export connection profile…"), this, &TenantDaemonsTab::exportSelectedProfile);
    m_banner = new QLabel;
    m_banner->setWordWrap(true);
    m_banner->hide();
    auto *hint = new QLabel(tr("A tenant reaches only the daemons given to it here, with its own key: its rootless daemon on a shared host "
                               "(held to its plan by the kernel) or a host dedicated to it. Export its connection profile and hand it "
                               "over; the tenant imports it with File → Import connection profile."));
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(hint);
    layout->addWidget(m_banner);
    layout->addWidget(m_view);
    reload();
}

void TenantDaemonsTab::show(bool ok, const QString &message)
{
    m_lastMessage = message;
    m_banner->setText(message);
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::WindowText, ok ? palette().color(QPalette::WindowText) : QColor(0xb0, 0x20, 0x20));
    m_banner->setPalette(pal);
    m_banner->setVisible(!message.isEmpty());
    Q_EMIT finished(ok, message);
}

QStringList TenantDaemonsTab::hostNames() const
{
    QStringList names;
    for (auto *c : m_hosts->connections()) {
        const auto ep = c->config().endpoint();
        if (ep && (ep->scheme() == Endpoint::Ssh || ep->scheme() == Endpoint::Unix))
            names << c->config().name;
    }
    return names;
}

void TenantDaemonsTab::reload()
{
    struct Snapshot
    {
        Expected<QList<TenantEndpoint>> endpoints = QList<TenantEndpoint>{};
        QStringList tenants;
    };
    m_service->query<Snapshot>(this, [](TenancyStore &s) {
        Snapshot snap;
        snap.endpoints = s.endpoints();
        if (auto t = s.tenants())
            for (const Tenant &x : *t)
                snap.tenants << x.name;
        return snap;
    }, [this](const Snapshot &snap) {
        if (!snap.endpoints)
            return show(false, snap.endpoints.error().message);
        m_endpoints = *snap.endpoints;
        m_tenants = snap.tenants;
        QList<RecordTableModel::Record> rows;
        for (const TenantEndpoint &e : m_endpoints)
            rows << RecordTableModel::Record{keyOf(e.tenant, e.host),
                                             {e.tenant, e.host, e.kind == QLatin1String("dedicated") ? tr("dedicated host") : tr("rootless daemon"),
                                              e.unixUser, e.url, limitsText(e), e.kind == QLatin1String("dedicated") ? tr("the host's") : usageText(e.usage),
                                              QDateTime::fromSecsSinceEpoch(e.createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                                             {QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), e.memoryBytes, e.usage.memoryBytes, e.createdAt},
                                             {}};
        m_model->setRecords(rows);
        Q_EMIT reloaded();
    });
}

TenantEndpoint TenantDaemonsTab::selected() const
{
    const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty())
        return {};
    const QString key = rows.first().data(RecordTableModel::KeyRole).toString();
    for (const TenantEndpoint &e : m_endpoints)
        if (keyOf(e.tenant, e.host) == key)
            return e;
    return {};
}

void TenantDaemonsTab::give()
{
    DaemonDialog dialog(m_tenants, hostNames(), this);
    if (execDaemonDialog(&dialog))
        give(dialog.request());
}

void TenantDaemonsTab::give(const DaemonRequest &request)
{
    Models::HostConnection *c = nullptr;
    for (auto *x : m_hosts->connections())
        if (x->config().name == request.host)
            c = x;
    if (!c)
        return show(false, tr("There is no host named %1 in this console.").arg(request.host));
    if (c->state() != Models::HostConnection::Up)
        return show(false, tr("%1 is not connected: connect to it first (%2).").arg(request.host, c->reason().isEmpty() ? c->stateText() : c->reason()));
    // The plan gives a rootless daemon's cgroup its limits: read it first.
    struct Plans
    {
        Expected<Plan> plan = Error::make(Error::NotFound, QString());
    };
    QPointer<Models::HostConnection> conn(c);
    m_service->query<Plans>(this, [request](TenancyStore &s) {
        Plans p;
        auto t = s.tenant(request.tenant);
        if (!t)
            p.plan = t.error();
        else if (request.dedicate)
            p.plan = Plan{};
        else if (t->plan.isEmpty())
            p.plan = Error::make(Error::Input, tr("Tenant \"%1\" has no plan: its daemon's limits come from the plan.").arg(request.tenant));
        else
            p.plan = s.plan(t->plan);
        return p;
    }, [this, request, conn](const Plans &p) {
        if (!p.plan)
            return show(false, p.plan.error().message);
        if (!conn)
            return show(false, tr("The host %1 was removed meanwhile.").arg(request.host));
        const QString title = request.dedicate ? tr("Dedicating %1 to tenant %2").arg(request.host, request.tenant)
                                               : tr("Giving tenant %1 a daemon on %2").arg(request.tenant, request.host);
        Models::TenantDaemonTask::give(
            conn, title, request.tenant, request.dedicate, *p.plan, request.publicKey, request.root, request.socket, this,
            [](const Error &e, const TenantEndpoint &made) {
                if (e.isError())
                    return e.message;
                if (made.kind == QLatin1String("dedicated"))
                    return tr("Host %1 is dedicated to tenant %2, who reaches its daemon as Unix user %3 at %4.").arg(made.host, made.tenant, made.unixUser, made.url);
                return tr("Tenant %1 reaches its own daemon on %2 as Unix user %3 at %4; its cgroup is held to %5.")
                    .arg(made.tenant, made.host, made.unixUser, made.url, limitsText(made));
            },
            [this](bool ok, const QString &sentence) {
                show(ok, sentence);
                reload();
            });
    });
}

void TenantDaemonsTab::takeBackSelected()
{
    const TenantEndpoint e = selected();
    if (e.tenant.isEmpty())
        return show(false, tr("Select a tenant's daemon first."));
    bool withData = false;
    const QString question = e.kind == QLatin1String("dedicated")
        ? tr("Take host %1 back from tenant %2? Its Unix user and key go; the host's daemon stays.").arg(e.host, e.tenant)
        : tr("Remove the daemon and Unix user %1 of tenant %2 from %3?").arg(e.unixUser, e.tenant, e.host);
    if (!confirmTakeBack(question, &withData))
        return;
    takeBack(e.tenant, e.host, withData);
}

void TenantDaemonsTab::takeBack(const QString &tenant, const QString &host, bool withData)
{
    TenantEndpoint record;
    for (const TenantEndpoint &e : std::as_const(m_endpoints))
        if (e.tenant == tenant && e.host == host)
            record = e;
    if (record.tenant.isEmpty())
        return show(false, tr("Tenant \"%1\" has no endpoint on %2.").arg(tenant, host));
    Models::HostConnection *c = nullptr;
    for (auto *x : m_hosts->connections())
        if (x->config().name == host)
            c = x;
    if (!c || c->state() != Models::HostConnection::Up)
        return show(false, tr("%1 is not connected: connect to it first.").arg(host));
    const QString title = record.kind == QLatin1String("dedicated") ? tr("Taking %1 back from tenant %2").arg(host, tenant)
                                                                      : tr("Removing tenant %1's daemon from %2").arg(tenant, host);
    Models::TenantDaemonTask::takeBack(
        c, title, record, withData, this,
        [](const Error &e, const TenantEndpoint &gone) {
            if (e.isError())
                return e.message;
            if (gone.kind == QLatin1String("dedicated"))
                return tr("Host %1 is no longer dedicated to tenant %2; its Unix user and key are gone.").arg(gone.host, gone.tenant);
            return tr("Removed the daemon and Unix user %1 of tenant %2 from %3.").arg(gone.unixUser, gone.tenant, gone.host);
        },
        [this](bool ok, const QString &sentence) {
            show(ok, sentence);
            reload();
        });
}

void TenantDaemonsTab::exportSelectedProfile()
{
    const TenantEndpoint e = selected();
    if (e.tenant.isEmpty())
        return show(false, tr("Select a tenant's daemon first."));
    const QString file = chooseSaveFile(e.tenant + QStringLiteral(".wharf-profile"));
    if (!file.isEmpty())
        exportProfile(e.tenant, file);
}

void TenantDaemonsTab::exportProfile(const QString &tenant, const QString &file)
{
    QList<TenantEndpoint> mine;
    for (const TenantEndpoint &e : std::as_const(m_endpoints))
        if (e.tenant == tenant)
            mine << e;
    if (mine.isEmpty())
        return show(false, tr("Tenant %1 has no endpoints yet.").arg(tenant));
    const auto profile = Models::ConnectionProfile::of(tenant, mine, Models::ConnectionProfile::databaseFor(m_service->url(), tenant));
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(profile.toJson()) < 0 || !out.commit())
        return show(false, tr("Cannot write %1: %2").arg(file, out.errorString()));
    show(true, tr("Saved tenant %1's connection profile (%2 hosts, no secrets) in %3. The tenant imports it with its own key.")
                   .arg(tenant)
                   .arg(profile.hosts.size())
                   .arg(file));
}

} // namespace Wharf::Ui
