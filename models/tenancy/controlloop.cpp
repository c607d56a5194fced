#include "controlloop.h"

#include "operations/operations.h"
#include "services/servicereconciler.h"

#include "controlround.h"

#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "store/controllease.h"
#include "tenancyservice.h"

#include <QJsonArray>

namespace Wharf::Models {

using namespace Backends;

ControlLoop::ControlLoop(HostRegistry *hosts, TenancyService *tenancy, QObject *parent)
    : QObject(parent)
    , m_hosts(hosts)
    , m_tenancy(tenancy)
{
    m_timer.setInterval(5 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &ControlLoop::tickNow);
    m_timer.start();
    auto watch = [this](HostConnection *c) {
        connect(c, &HostConnection::stateChanged, this, [this, c](HostConnection::State st) {
            if (st == HostConnection::Up)
                tick(c);
        });
    };
    for (auto *c : m_hosts->connections())
        watch(c);
    connect(m_hosts, &HostRegistry::connectionAdded, this, watch);
    // Another database (File → Database): the old leases go, the new one is asked.
    connect(m_tenancy, &TenancyService::ready, this, [this] {
        releaseAll();
        tickNow();
    });
}

ControlLoop::~ControlLoop()
{
    releaseAll();
}

void ControlLoop::runServices(HostConnection *c, bool held)
{
    const QString host = c->config().name;
    QPointer<Services::ServiceReconciler> &r = m_services[host];
    if (!held || c->state() != HostConnection::Up) {
        if (r)
            r->stop();
        return;
    }
    if (!r) {
        r = new Services::ServiceReconciler(c->client(), host, c->operations()->steps(), this);
        // a tenant's replicas are made as the tenant (its labels, quota and records)
        QPointer<TenancyService> service(m_tenancy);
        auto perTenant = std::make_shared<QHash<QString, Operations *>>();
        QPointer<Services::ServiceReconciler> owner(r);
        r->setTenantSteps([service, perTenant, owner, host](const QString &tenant) {
            Operations *&o = (*perTenant)[tenant];
            if (!o && owner) {
                o = new Operations(host, owner);
                if (service)
                    o->setRunner(service->runnerAs(tenant), true);
            }
            return o ? o->steps() : GatedSteps();
        });
        connect(r, &Services::ServiceReconciler::failed, this, [this, host](const QString &service, const QString &message) {
            Q_EMIT failed(host, service.isEmpty() ? message : service + QStringLiteral(": ") + message);
        });
        connect(c, &HostConnection::stateChanged, r, [r = r.data()](HostConnection::State st) {
            if (st != HostConnection::Up)
                r->stop();
        });
    }
    if (!r->isRunning())
        r->start();
}

void ControlLoop::releaseAll()
{
    for (auto &r : m_services)
        if (r)
            r->deleteLater();
    m_services.clear();
    for (auto it = m_leases.begin(); it != m_leases.end(); ++it) {
        if (it->held)
            Q_EMIT leaseChanged(it.key(), false);
        // The lease's connection lives on the database thread: it is let go there.
        if (m_tenancy)
            m_tenancy->run([l = std::move(it->lease)]() mutable {
                if (l)
                    l->release();
                l.reset();
            });
    }
    m_leases.clear();
}

QStringList ControlLoop::heldHosts() const
{
    QStringList held;
    for (auto it = m_leases.begin(); it != m_leases.end(); ++it)
        if (it->held)
            held << it.key();
    return held;
}

void ControlLoop::tickNow()
{
    for (auto *c : m_hosts->connections())
        if (c->state() == HostConnection::Up)
            tick(c);
}

void ControlLoop::tick(HostConnection *c)
{
    if (!m_tenancy || !m_tenancy->isOpen() || m_tenancy->isTenant())
        return;
    const QString host = c->config().name;
    Lease &l = m_leases[host];
    if (l.busy)
        return;
    if (!l.lease)
        l.lease = std::make_shared<ControlLease>(m_tenancy->url(), m_tenancy->password(), host);
    l.busy = true;
    auto lease = l.lease;
    QPointer<HostConnection> conn(c);
    // Taken, or still held (a dropped connection loses a PostgreSQL lease).
    m_tenancy->query<Expected<bool>>(this, [lease](TenancyStore &) -> Expected<bool> {
        if (lease->isHeld() && !lease->check())
            lease->release();
        return lease->tryAcquire();
    }, [this, host, lease, conn](const Expected<bool> &held) {
        auto it = m_leases.find(host);
        if (it == m_leases.end() || it->lease != lease)
            return; // released meanwhile
        const bool was = it->held;
        it->held = held && *held;
        if (it->held != was)
            Q_EMIT leaseChanged(host, it->held);
        if (!held)
            Q_EMIT failed(host, held.error().message);
        if (conn)
            runServices(conn, it->held);
        if (!it->held || !conn || conn->state() != HostConnection::Up) {
            it->busy = false;
            return;
        }
        runLoops(conn);
    });
}

void ControlLoop::runLoops(HostConnection *c)
{
    const QString host = c->config().name;
    QPointer<TenancyService> service(m_tenancy);
    QPointer<ControlLoop> self(this);
    // The database steps run on the service's thread, the daemon's here.
    const Meter::Runner runner = [service, self](std::function<void()> work, std::function<void()> next) {
        if (!service || !self)
            return;
        service->query<bool>(self, [work](TenancyStore &) {
            work();
            return true;
        }, [next](const bool &) { next(); });
    };
    auto done = [this, host] {
        auto it = m_leases.find(host);
        if (it != m_leases.end())
            it->busy = false;
    };
    auto report = [this](const ControlRound::Report &r) {
        const QString who = r.tenant.isEmpty() ? QString() : tr("tenant %1's daemon: ").arg(r.tenant);
        if (r.meter)
            Q_EMIT metered(r.host, *r.meter);
        else
            Q_EMIT failed(r.host, who + r.meter.error().message);
        if (!r.reconcile && r.reconcile.error().message != (r.meter ? QString() : r.meter.error().message))
            Q_EMIT failed(r.host, who + r.reconcile.error().message);
        if (r.cgroup && !*r.cgroup)
            Q_EMIT failed(r.host, who + r.cgroup->error().message);
    };
    auto *round = new ControlRound(c->client(), host, m_tenancy->store(), this);
    round->setRunner(runner);
    QPointer<HostConnection> conn(c);
    round->run([this, round, host, conn, runner, done, report](const ControlRound::Report &r) {
        round->deleteLater();
        report(r);
        if (!conn || !m_tenancy)
            return done();
        // Then the tenants' own daemons on this host, over this console's way in to it.
        const Endpoint admin = conn->client()->endpoint();
        m_tenancy->query<Expected<QList<TenantEndpoint>>>(this, [](TenancyStore &s) { return s.endpoints(); },
                                                          [this, admin, host, runner, done, report](const Expected<QList<TenantEndpoint>> &all) {
                                                              if (!all || !m_tenancy) {
                                                                  if (!all)
                                                                      Q_EMIT failed(host, all.error().message);
                                                                  return done();
                                                              }
                                                              auto *rounds = new TenantDaemonRounds(m_tenancy->store(), runner, this);
                                                              rounds->run(ControlRound::tenantDaemons(admin, host, *all), report, [rounds, done] {
                                                                  rounds->deleteLater();
                                                                  done();
                                                              });
                                                          });
    });
}

} // namespace Wharf::Models
