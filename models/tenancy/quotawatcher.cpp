#include "quotawatcher.h"

#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "tenancyservice.h"

#include <QJsonArray>

namespace Wharf::Models {

using namespace Backends;

HostQuotaWatcher::HostQuotaWatcher(HostRegistry *hosts, TenancyService *tenancy, QObject *parent)
    : QObject(parent)
    , m_hosts(hosts)
    , m_tenancy(tenancy)
{
    for (auto *c : m_hosts->connections())
        watch(c);
    connect(m_hosts, &HostRegistry::connectionAdded, this, &HostQuotaWatcher::watch);
    connect(m_tenancy, &TenancyService::ready, this, [this] {
        for (auto *c : m_hosts->connections())
            if (c->state() == HostConnection::Up)
                reconcile(c);
    });
}

void HostQuotaWatcher::watch(HostConnection *c)
{
    connect(c, &HostConnection::stateChanged, this, [this, c](HostConnection::State st) {
        if (st == HostConnection::Up)
            reconcile(c);
    });
}

void HostQuotaWatcher::reconcile(HostConnection *c)
{
    if (!m_tenancy->isOpen() || m_tenancy->isTenant())
        return;
    DockerJob *job = c->client()->listContainers(true);
    const QString host = c->config().name;
    connect(job, &DockerJob::finished, this, [this, job, host] {
        job->deleteLater();
        if (job->isError())
            return;
        const QJsonArray list = job->json().array();
        m_tenancy->query<Expected<ReconcileReport>>(
            this, [host, list](TenancyStore &s) { return QuotaReconciler::reconcile(s, host, list, false); },
            [this, host](const Expected<ReconcileReport> &r) {
                if (r)
                    Q_EMIT reconciled(host, *r);
            });
    });
}

} // namespace Wharf::Models
