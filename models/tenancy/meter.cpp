#include "meter.h"
#include "docker/containerstate.h"
#include "policygate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace Wharf::Models {

using namespace Backends;

namespace {
qint64 parseDockerTime(const QString &s)
{
    if (s.isEmpty() || s.startsWith(QLatin1String("0001-")))
        return 0;
    const QDateTime dt = QDateTime::fromString(s.left(19) + QLatin1Char('Z'), Qt::ISODate);
    return dt.isValid() ? dt.toSecsSinceEpoch() : 0;
}
} // namespace

Meter::Meter(DockerClient *client, const QString &host, std::shared_ptr<TenancyStore> tenancy, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_host(host)
    , m_tenancy(std::move(tenancy))
    , m_metering(m_tenancy->sharedStore())
{
}

void Meter::fail(const Error &e)
{
    if (auto d = std::exchange(m_done, nullptr))
        d(e);
}

void Meter::finish()
{
    if (auto d = std::exchange(m_done, nullptr))
        d(m_report);
}

void Meter::db(std::function<Error()> work, std::function<void()> next)
{
    auto error = std::make_shared<Error>();
    auto run = [work, error] { *error = work(); };
    QPointer<Meter> self(this);
    auto then = [self, error, next] {
        if (!self || !self->m_done)
            return;
        if (error->isError())
            return self->fail(*error);
        next();
    };
    if (m_runner)
        return m_runner(run, then);
    run();
    then();
}

void Meter::tick(std::function<void(const Expected<MeterReport> &)> done)
{
    m_done = std::move(done);
    m_report = {};
    m_now = m_tenancy->clock()->nowSecs(); // the store's clock: a test sets it
    db([this] { return loadState(); }, [this] {
        if (m_lastTick <= 0)
            return compareWithDaemon();
        // What happened since the last tick: starts and stops in order, ended at "now".
        EventOptions options;
        options.since = QString::number(m_lastTick);
        options.until = QString::number(m_now);
        options.filters[QStringLiteral("type")] << QStringLiteral("container");
        options.filters[QStringLiteral("event")] << QStringLiteral("start") << QStringLiteral("die");
        DockerJob *job = m_client->events(options);
        auto buffer = std::make_shared<QByteArray>();
        connect(job, &DockerJob::dataReceived, this, [buffer](const QByteArray &d) { buffer->append(d); });
        connect(job, &DockerJob::finished, this, [this, job, buffer] {
            job->deleteLater();
            if (job->isError())
                return fail(job->error());
            QList<Event> events;
            for (const auto &line : buffer->split('\n')) {
                if (line.trimmed().isEmpty())
                    continue;
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                const QString id = o.value(QLatin1String("id")).toString();
                if (!m_owned.contains(id))
                    continue;
                events << Event{o.value(QLatin1String("time")).toInteger(), id, o.value(QLatin1String("Action")).toString(o.value(QLatin1String("status")).toString())};
            }
            db([this, events] { return applyEvents(events); }, [this] { compareWithDaemon(); });
        });
    });
}

Error Meter::loadState()
{
    auto last = m_metering.lastTick(m_host);
    if (!last)
        return last.error();
    m_lastTick = *last;
    auto owned = m_tenancy->resources({}, m_host);
    if (!owned)
        return owned.error();
    m_owned.clear();
    m_volumes.clear();
    for (const auto &r : *owned) {
        if (r.kind == QLatin1String("container") && !r.ref.isEmpty())
            m_owned.insert(r.ref, r);
        if (r.kind == QLatin1String("volume") && !r.ref.isEmpty())
            m_volumes.insert(r.ref, r);
    }
    return {};
}

Error Meter::applyEvents(const QList<Event> &events)
{
    for (const auto &e : events) {
        const OwnedResource r = m_owned.value(e.id);
        auto open = m_metering.openIntervals(m_host);
        if (!open)
            return open.error();
        const RunInterval *running = nullptr;
        for (const auto &i : *open)
            if (i.ref == e.id)
                running = &i;
        if (e.action == QLatin1String("start") && !running) {
            RunInterval i{0, r.tenant, m_host, r.ref, r.name, r.cpusNano, r.memoryBytes, e.time, 0};
            if (auto err = m_metering.startInterval(i); err.isError())
                return err;
            ++m_report.runsStarted;
        } else if (e.action == QLatin1String("die") && running) {
            if (auto err = m_metering.stopInterval(running->id, e.time); err.isError())
                return err;
            ++m_report.runsStopped;
        }
    }
    return {};
}

Error Meter::closeVanished(const QHash<QString, bool> &runningNow, QStringList *toInspect)
{
    auto open = m_metering.openIntervals(m_host);
    if (!open)
        return open.error();
    QSet<QString> openRefs;
    for (const auto &i : *open)
        openRefs.insert(i.ref);
    // Runs the events did not tell (the first tick, or events older than the daemon
    // keeps): ask the container when it started or stopped.
    for (auto it = m_owned.begin(); it != m_owned.end(); ++it) {
        const bool running = runningNow.value(it.key(), false);
        if (running != openRefs.contains(it.key()) && runningNow.contains(it.key()))
            *toInspect << it.key();
    }
    for (const auto &i : *open) {
        if (!runningNow.contains(i.ref)) {
            // Gone without a trace: charge up to the last time it was seen running.
            if (auto e = m_metering.stopInterval(i.id, std::max(m_lastTick, i.startedAt)); e.isError())
                return e;
            ++m_report.runsStopped;
        }
    }
    return {};
}

Error Meter::applyInspected(const QString &id, const QJsonObject &state)
{
    const OwnedResource r = m_owned.value(id);
    if (state.value(QLatin1String("Running")).toBool()) {
        const qint64 started = parseDockerTime(state.value(QLatin1String("StartedAt")).toString());
        if (auto e = m_metering.startInterval({0, r.tenant, m_host, id, r.name, r.cpusNano, r.memoryBytes, started ? started : m_now, 0}); e.isError())
            return e;
        ++m_report.runsStarted;
        return {};
    }
    auto open = m_metering.openIntervals(m_host);
    if (!open)
        return open.error();
    const qint64 finished = parseDockerTime(state.value(QLatin1String("FinishedAt")).toString());
    for (const auto &i : *open)
        if (i.ref == id) {
            if (auto e = m_metering.stopInterval(i.id, finished ? finished : m_now); e.isError())
                return e;
            ++m_report.runsStopped;
        }
    return {};
}

void Meter::compareWithDaemon()
{
    DockerJob *job = m_client->listContainers(true);
    connect(job, &DockerJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->isError())
            return fail(job->error());
        QHash<QString, bool> runningNow;
        m_anonymous.clear();
        for (const auto &c : job->json().array()) {
            const QJsonObject o = c.toObject();
            const QString id = o.value(QLatin1String("Id")).toString();
            runningNow.insert(id, Backends::containerState(o.value(QLatin1String("State")).toString()) == Backends::ContainerState::Running);
            if (!m_owned.contains(id))
                continue;
            // The gate lets a tenant mount only its own named volumes: any other volume a
            // tenant's container has, the daemon made for it.
            for (const auto &m : o.value(QLatin1String("Mounts")).toArray()) {
                const QJsonObject mount = m.toObject();
                const QString name = mount.value(QLatin1String("Name")).toString();
                if (mount.value(QLatin1String("Type")).toString() == QLatin1String("volume") && !name.isEmpty() && !m_volumes.contains(name))
                    m_anonymous.insert(name, m_owned.value(id));
            }
        }
        auto toInspect = std::make_shared<QStringList>();
        db([this, runningNow, toInspect] { return closeVanished(runningNow, toInspect.get()); }, [this, toInspect] {
            auto hours = [this] { db([this] { return writeHours(); }, [this] { measureVolumes(); }); };
            // One inspection at a time, each recorded before the next.
            auto step = std::make_shared<std::function<void(int)>>();
            *step = [this, toInspect, hours, step](int i) {
                if (i >= toInspect->size()) {
                    // Clearing the step destroys this very lambda and what it captured: keep
                    // what is still needed on the stack first.
                    const auto next = hours;
                    const auto self = step;
                    *self = nullptr; // breaks the cycle
                    return next();
                }
                const QString id = toInspect->at(i);
                DockerJob *inspect = m_client->inspectContainer(id);
                connect(inspect, &DockerJob::finished, this, [this, inspect, id, step, i] {
                    inspect->deleteLater();
                    if (!m_done)
                        return;
                    if (inspect->isError()) // gone meanwhile: the next tick sees it
                        return (*step)(i + 1);
                    const QJsonObject state = inspect->json().object().value(QLatin1String("State")).toObject();
                    db([this, id, state] { return applyInspected(id, state); }, [step, i] { (*step)(i + 1); });
                });
            };
            (*step)(0);
        });
    });
}

Error Meter::writeHours()
{
    qint64 from = m_lastTick;
    if (from <= 0) {
        // The first tick: from the earliest run it knows of.
        auto all = m_metering.intervals(m_host, 0, m_now);
        if (!all)
            return all.error();
        from = m_now;
        for (const auto &i : *all)
            from = std::min(from, i.startedAt);
    }
    from -= from % 3600;
    auto runs = m_metering.intervals(m_host, from, m_now);
    if (!runs)
        return runs.error();
    const QList<UsageHour> hours = MeteringStore::hoursOf(*runs, from, m_now);
    if (auto e = m_metering.writeUsage(hours); e.isError())
        return e;
    if (auto e = m_metering.setLastTick(m_host, m_now); e.isError())
        return e;
    m_report.hoursWritten = int(hours.size());
    m_report.from = from;
    m_report.to = m_now;
    return {};
}

// Volumes are billed per day by size and count against the plan's disk: the daemon's disk
// usage tells their sizes (it walks them, so this runs once a tick, not per request).
void Meter::measureVolumes()
{
    if (m_volumes.isEmpty() && m_anonymous.isEmpty() && m_owner.isEmpty())
        return finish();
    DockerJob *job = m_client->systemDf();
    connect(job, &DockerJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->isError())
            return fail(job->error());
        const QJsonArray volumes = job->json().object().value(QLatin1String("Volumes")).toArray();
        db([this, volumes] { return writeVolumes(volumes); }, [this] { finish(); });
    });
}

Error Meter::writeVolumes(const QJsonArray &volumes)
{
    QSet<QString> tenants;
    QSet<QString> present;
    const qint64 day = m_now - (m_now % 86400);
    for (const auto &v : volumes) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QLatin1String("Name")).toString();
        present.insert(name);
        const qint64 size = std::max<qint64>(0, o.value(QLatin1String("UsageData")).toObject().value(QLatin1String("Size")).toInteger());
        OwnedResource r;
        if (m_volumes.contains(name)) {
            r = m_volumes.value(name);
            if (auto e = m_tenancy->resize(r.id, r.cpusNano, r.memoryBytes, size); e.isError())
                return e;
        } else if (m_anonymous.contains(name) || !m_owner.isEmpty()) {
            r.tenant = m_owner.isEmpty() ? m_anonymous.value(name).tenant : m_owner;
            r.host = m_host;
            r.kind = QStringLiteral("volume");
            r.ref = name;
            r.name = name;
            r.diskBytes = size;
            if (auto e = m_tenancy->adopt(r); e.isError())
                return e;
            ++m_report.volumesAdopted;
        } else {
            continue;
        }
        if (auto e = m_metering.writeVolumeDay({r.tenant, day, m_host, name, size}); e.isError())
            return e;
        tenants.insert(r.tenant);
        ++m_report.volumesMeasured;
    }
    // Removed behind Wharf's back (or with their container, rm -v): their disk goes back.
    for (auto it = m_volumes.begin(); it != m_volumes.end(); ++it) {
        if (present.contains(it.key()))
            continue;
        if (auto e = m_tenancy->release(it->id); e.isError())
            return e;
        tenants.insert(it->tenant);
        ++m_report.volumesGone;
    }
    for (const auto &t : std::as_const(tenants))
        m_tenancy->recount(t);
    return {};
}

QuotaReconciler::QuotaReconciler(DockerClient *client, const QString &host, std::shared_ptr<TenancyStore> tenancy, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_host(host)
    , m_tenancy(std::move(tenancy))
{
}

void QuotaReconciler::run(bool adopt, std::function<void(const Expected<ReconcileReport> &)> done)
{
    DockerJob *job = m_client->listContainers(true);
    connect(job, &DockerJob::finished, this, [this, job, adopt, done] {
        job->deleteLater();
        if (job->isError())
            return done(job->error());
        done(reconcile(*m_tenancy, m_host, job->json().array(), adopt));
    });
}

Expected<ReconcileReport> QuotaReconciler::reconcile(TenancyStore &store, const QString &host, const QJsonArray &containers, bool adopt)
{
    return reconcile(store, host, containers, adopt, Owner{});
}

QPair<qint64, qint64> QuotaReconciler::limitsOf(const QJsonObject &inspected)
{
    const QJsonObject hc = inspected.value(QLatin1String("HostConfig")).toObject();
    qint64 cpus = hc.value(QLatin1String("NanoCpus")).toInteger();
    const qint64 quota = hc.value(QLatin1String("CpuQuota")).toInteger();
    const qint64 period = hc.value(QLatin1String("CpuPeriod")).toInteger();
    if (cpus <= 0 && quota > 0)
        cpus = quota * 1000000000ll / (period > 0 ? period : 100000);
    return {std::max<qint64>(0, cpus), std::max<qint64>(0, hc.value(QLatin1String("Memory")).toInteger())};
}

Expected<ReconcileReport> QuotaReconciler::reconcile(TenancyStore &store, const QString &host, const QJsonArray &containers, bool adopt,
                                                     const Owner &owner)
{
    ReconcileReport report;
    QHash<QString, QJsonObject> present;
    for (const auto &c : containers)
        present.insert(c.toObject().value(QLatin1String("Id")).toString(), c.toObject());
    auto owned = store.resources({}, host);
    if (!owned)
        return owned.error();
    QSet<QString> tenants;
    QSet<QString> recorded;
    const qint64 now = store.clock()->nowSecs();
    for (const auto &r : *owned) {
        tenants.insert(r.tenant);
        if (r.kind != QLatin1String("container"))
            continue;
        recorded.insert(r.ref);
        if (r.ref.isEmpty()) {
            if (now - r.createdAt > 600) {
                store.release(r.id);
                report.stale << QStringLiteral("%1/%2").arg(r.tenant, r.name.isEmpty() ? QString::number(r.id) : r.name);
            }
            continue;
        }
        if (!present.contains(r.ref)) {
            store.release(r.id);
            report.gone << QStringLiteral("%1/%2").arg(r.tenant, r.name.isEmpty() ? r.ref.left(12) : r.name);
        }
    }
    for (auto it = present.begin(); it != present.end(); ++it) {
        const QString tenant = !owner.tenant.isEmpty()
            ? owner.tenant
            : it->value(QLatin1String("Labels")).toObject().value(QLatin1String(PolicyGate::TenantLabel)).toString();
        if (tenant.isEmpty() || recorded.contains(it.key()))
            continue;
        // On a tenant's own daemon, one made without Wharf is adopted once its limits are known
        // (inspected this round); the others wait for a later round.
        if (!owner.tenant.isEmpty() && !owner.limits.contains(it.key())
            && it->value(QLatin1String("Labels")).toObject().value(QLatin1String(PolicyGate::TenantLabel)).toString() != owner.tenant)
            continue;
        const QString name = it->value(QLatin1String("Names")).toArray().first().toString().mid(1);
        report.untracked << QStringLiteral("%1/%2").arg(tenant, name);
        if (adopt && store.tenant(tenant)) {
            OwnedResource r;
            r.tenant = tenant;
            r.host = host;
            r.kind = QStringLiteral("container");
            r.ref = it.key();
            r.name = name;
            if (!owner.tenant.isEmpty()) {
                const auto limits = owner.limits.value(it.key());
                r.cpusNano = limits.first > 0 ? limits.first : owner.cpusNano;
                r.memoryBytes = limits.second > 0 ? limits.second : owner.memoryBytes;
            }
            store.adopt(r);
            tenants.insert(tenant);
        }
    }
    for (const auto &t : std::as_const(tenants)) {
        auto before = store.recount(t);
        auto after = store.usage(t);
        if (before && after && !(*before == *after))
            report.drift << ReconcileReport::Drift{t, *before, *after};
    }
    return report;
}

} // namespace Wharf::Models
