#include "controlloop.h"

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

void ControlLoop::releaseAll()
{
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
    auto *meter = new Meter(c->client(), host, m_tenancy->store(), this);
    QPointer<TenancyService> service(m_tenancy);
    meter->setRunner([service, meter](std::function<void()> work, std::function<void()> next) {
        if (!service)
            return;
        service->query<bool>(meter, [work](TenancyStore &) {
            work();
            return true;
        }, [next](const bool &) { next(); });
    });
    QPointer<HostConnection> conn(c);
    meter->tick([this, meter, host, conn](const Expected<MeterReport> &r) {
        meter->deleteLater();
        if (r)
            Q_EMIT metered(host, *r);
        else
            Q_EMIT failed(host, r.error().message);
        auto done = [this, host] {
            auto it = m_leases.find(host);
            if (it != m_leases.end())
                it->busy = false;
        };
        if (!conn || !m_tenancy)
            return done();
        // Then the quota counters, from what the daemon runs now.
        DockerJob *job = conn->client()->listContainers(true);
        connect(job, &DockerJob::finished, this, [this, job, host, done] {
            job->deleteLater();
            if (job->isError() || !m_tenancy)
                return done();
            const QJsonArray list = job->json().array();
            m_tenancy->query<Expected<ReconcileReport>>(this, [host, list](TenancyStore &s) { return QuotaReconciler::reconcile(s, host, list, false); },
                                                        [done](const Expected<ReconcileReport> &) { done(); });
        });
    });
}

} // namespace Wharf::Models
