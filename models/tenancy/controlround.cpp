#include "controlround.h"

#include "policygate.h"
#include "tenantdaemons.h"

#include "ssh/hostscript.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Wharf::Models {

using namespace Backends;

ControlRound::ControlRound(DockerClient *client, const QString &host, std::shared_ptr<TenancyStore> tenancy, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_host(host)
    , m_tenancy(std::move(tenancy))
{
}

void ControlRound::db(std::function<void()> work, std::function<void()> next)
{
    if (m_runner)
        return m_runner(std::move(work), std::move(next));
    work();
    next();
}

void ControlRound::run(std::function<void(const Report &)> done)
{
    m_done = std::move(done);
    m_report = Report{};
    m_report.host = m_host;
    m_report.tenant = m_owner.tenant;
    if (m_owner.tenant.isEmpty())
        meterThenReconcile();
    else
        adoptThenMeter();
}

void ControlRound::finish()
{
    if (auto d = std::exchange(m_done, nullptr))
        d(m_report);
}

void ControlRound::reconcile(const QJsonArray &containers, bool adopt, std::function<void()> next)
{
    auto result = std::make_shared<Expected<ReconcileReport>>(Error::make(Error::Canceled, QString()));
    QPointer<ControlRound> self(this);
    db([store = m_tenancy, host = m_host, containers, adopt, owner = m_owner, result] {
        *result = QuotaReconciler::reconcile(*store, host, containers, adopt, owner);
    }, [self, result, next] {
        if (!self)
            return;
        self->m_report.reconcile = *result;
        next();
    });
}

void ControlRound::meterThenReconcile()
{
    auto *meter = new Meter(m_client, m_host, m_tenancy, this);
    meter->setRunner(m_runner);
    meter->tick([this, meter](const Expected<MeterReport> &r) {
        meter->deleteLater();
        m_report.meter = r;
        DockerJob *job = m_client->listContainers(true);
        connect(job, &DockerJob::finished, this, [this, job] {
            job->deleteLater();
            if (job->isError()) {
                m_report.reconcile = job->error();
                return finish();
            }
            reconcile(job->json().array(), false, [this] { finish(); });
        });
    });
}

// A tenant's own daemon: its containers made without Wharf (no tenant label: the gate labels
// what it lets through) are inspected for their limits, adopted, and then metered.
void ControlRound::adoptThenMeter()
{
    DockerJob *job = m_client->listContainers(true);
    connect(job, &DockerJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->isError()) {
            m_report.meter = job->error();
            m_report.reconcile = job->error();
            return finish();
        }
        const QJsonArray containers = job->json().array();
        // what is recorded already needs no inspection
        auto recorded = std::make_shared<QSet<QString>>();
        db([store = m_tenancy, host = m_host, recorded] {
            if (auto mine = store->resources({}, host))
                for (const OwnedResource &r : *mine)
                    recorded->insert(r.ref);
        }, [this, containers, recorded] { inspectThenAdopt(containers, *recorded); });
    });
}

void ControlRound::inspectThenAdopt(const QJsonArray &containers, const QSet<QString> &recorded)
{
    {
        auto unlabelled = std::make_shared<QStringList>();
        for (const auto &c : containers) {
            const QJsonObject o = c.toObject();
            const QString id = o.value(QLatin1String("Id")).toString();
            if (o.value(QLatin1String("Labels")).toObject().value(QLatin1String(PolicyGate::TenantLabel)).toString() != m_owner.tenant
                && !recorded.contains(id) && unlabelled->size() < MaxInspections)
                *unlabelled << id;
        }
        auto meterNext = [this] {
            auto *meter = new Meter(m_client, m_host, m_tenancy, this);
            meter->setRunner(m_runner);
            meter->setOwner(m_owner.tenant);
            meter->tick([this, meter](const Expected<MeterReport> &r) {
                meter->deleteLater();
                m_report.meter = r;
                finish();
            });
        };
        // One inspection at a time; one the daemon no longer has is left to the next round.
        auto step = std::make_shared<std::function<void(int)>>();
        *step = [this, unlabelled, containers, meterNext, step](int i) {
            if (i >= unlabelled->size()) {
                // Clearing the step destroys this very lambda and what it captured: copy
                // what is still needed to the stack first.
                ControlRound *round = this;
                const QJsonArray all = containers;
                const auto next = meterNext;
                *step = nullptr; // breaks the cycle
                return round->reconcile(all, true, next);
            }
            const QString id = unlabelled->at(i);
            DockerJob *inspect = m_client->inspectContainer(id);
            connect(inspect, &DockerJob::finished, this, [this, inspect, id, step, i] {
                inspect->deleteLater();
                if (!inspect->isError())
                    m_owner.limits.insert(id, QuotaReconciler::limitsOf(inspect->json().object()));
                (*step)(i + 1);
            });
        };
        (*step)(0);
    }
}

QList<ControlRound::Daemon> ControlRound::tenantDaemons(const Endpoint &admin, const QString &host, const QList<TenantEndpoint> &all)
{
    QList<Daemon> daemons;
    for (const TenantEndpoint &e : all) {
        if (e.host != host)
            continue;
        Daemon d;
        d.endpoint = e;
        d.address = admin.withSocket(e.socket());
        d.admin = admin;
        d.owner.tenant = e.tenant;
        // What the kernel holds the tenant's containers to: its cgroup less the daemon's own share.
        d.owner.memoryBytes = e.memoryBytes > TenantDaemons::DaemonMemory ? e.memoryBytes - TenantDaemons::DaemonMemory : e.memoryBytes;
        d.owner.cpusNano = e.cpusNano;
        daemons << d;
    }
    return daemons;
}

TenantDaemonRounds::TenantDaemonRounds(std::shared_ptr<TenancyStore> tenancy, Meter::Runner runner, QObject *parent)
    : QObject(parent)
    , m_tenancy(std::move(tenancy))
    , m_runner(std::move(runner))
{
}

void TenantDaemonRounds::run(const QList<ControlRound::Daemon> &daemons, std::function<void(const ControlRound::Report &)> each, std::function<void()> done)
{
    m_daemons = daemons;
    m_each = std::move(each);
    m_done = std::move(done);
    next();
}

void TenantDaemonRounds::next()
{
    if (m_daemons.isEmpty()) {
        if (auto d = std::exchange(m_done, nullptr))
            d();
        return;
    }
    const ControlRound::Daemon d = m_daemons.takeFirst();
    if (!d.address) {
        ControlRound::Report r;
        r.host = d.endpoint.hostKey();
        r.tenant = d.endpoint.tenant;
        r.meter = d.address.error();
        r.reconcile = d.address.error();
        return ended(r);
    }
    auto *client = new DockerClient(*d.address, this);
    auto *round = new ControlRound(client, d.endpoint.hostKey(), m_tenancy, client);
    round->setRunner(m_runner);
    round->setOwner(d.owner);
    QPointer<TenantDaemonRounds> self(this);
    round->run([self, client, d](const ControlRound::Report &r) {
        if (!self)
            return;
        client->deleteLater();
        if (d.endpoint.kind == QLatin1String("rootless"))
            return self->readCgroup(d, r);
        self->ended(r);
    });
}

void TenantDaemonRounds::ended(const ControlRound::Report &report)
{
    if (m_each)
        m_each(report);
    next();
}

// The kernel's own count of what the tenant's cgroup uses, whatever its daemon says.
void TenantDaemonRounds::readCgroup(const ControlRound::Daemon &d, ControlRound::Report report)
{
    auto *script = new HostScript(d.admin, this);
    script->setTimeout(60000);
    QPointer<TenantDaemonRounds> self(this);
    script->run(TenantDaemons::helperScript(), TenantDaemons::usageArgs(d.endpoint.unixUser, d.endpoint.root), QStringLiteral("usage"),
                [self, script, d, report](const HostScriptResult &r) mutable {
                    script->deleteLater();
                    if (!self)
                        return;
                    if (!r.ok()) {
                        report.cgroup = Expected<TenantEndpoint::Usage>(r.error);
                        return self->ended(report);
                    }
                    auto usage = TenantDaemons::parseUsage(r.values.value(QStringLiteral("usage")));
                    if (!usage) {
                        report.cgroup = usage;
                        return self->ended(report);
                    }
                    auto error = std::make_shared<Error>();
                    const Meter::Runner run = self->m_runner ? self->m_runner : [](std::function<void()> work, std::function<void()> next) {
                        work();
                        next();
                    };
                    run([store = self->m_tenancy, d, u = *usage, error] { *error = store->setEndpointUsage(d.endpoint.tenant, d.endpoint.host, u); },
                        [self, report, usage, error]() mutable {
                            if (!self)
                                return;
                            report.cgroup = error->isError() ? Expected<TenantEndpoint::Usage>(*error) : usage;
                            self->ended(report);
                        });
                });
}

} // namespace Wharf::Models
