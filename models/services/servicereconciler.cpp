#include "servicereconciler.h"

#include "apps/appspec.h"
#include "operations/daemoncalls.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>

namespace Wharf::Models::Services {

using Backends::DockerJob;
using Backends::Error;
using Backends::Expected;
using Backends::ServiceRecord;
using Backends::ServiceStore;
using Backends::whenFinished;

struct ServiceReconciler::Pass
{
    QList<ServiceRecord> records;
    EdgeSettings settings;
    QJsonArray containers;
    QList<ServiceState> states;
    QList<Replica> orphans; // replicas of services that are gone
    bool routerOk = false;
    bool unreadable = false; // a service's record could not be read
    int pending = 0;
    bool more = false; // something is under way: the next pass comes soon
};

namespace {
QString suffix()
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    for (int i = 0; i < 6; ++i)
        s += QLatin1Char(chars[QRandomGenerator::global()->bounded(36)]);
    return s;
}
} // namespace

ServiceReconciler::ServiceReconciler(Backends::DockerClient *client, const QString &host, GatedSteps steps, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_host(host)
    , m_steps(steps)
    , m_router(new EdgeRouter(client, steps, this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ServiceReconciler::runPass);
}

void ServiceReconciler::start()
{
    m_running = true;
    passNow();
}

void ServiceReconciler::stop()
{
    m_running = false;
    m_timer.stop();
}

void ServiceReconciler::passNow()
{
    if (m_inPass) {
        m_again = true;
        return;
    }
    m_timer.stop();
    runPass();
}

void ServiceReconciler::runPass()
{
    if (!m_client)
        return;
    m_inPass = true;
    m_again = false;
    auto pass = std::make_shared<Pass>();
    const QString host = m_host;
    m_steps.keep(
        [pass, host](Backends::TenancyStore &t) {
            ServiceStore store(t.store());
            auto records = store.services(host);
            if (!records)
                return records.error();
            pass->records = *records;
            auto settings = store.edgeSettings(host);
            if (!settings)
                return settings.error();
            pass->settings = EdgeSettings::fromJson(*settings);
            return Error{};
        },
        [this, pass](const Error &e) {
            if (e.isError()) {
                Q_EMIT failed(QString(), tr("The services of %1 were not read: %2").arg(m_host, e.message));
                pass->more = false;
                return endPass(pass);
            }
            if (!m_client)
                return;
            auto *job = m_client->listContainers(true, {{QStringLiteral("label"), {QLatin1String(Label::Replica)}}});
            whenFinished(job, this, [this, pass](DockerJob *j) {
                if (j->isError()) {
                    Q_EMIT failed(QString(), tr("The replicas on %1 were not listed: %2").arg(m_host, j->error().message));
                    return endPass(pass);
                }
                pass->containers = j->json().array();
                observed(pass);
            });
        });
}

void ServiceReconciler::observed(std::shared_ptr<Pass> pass)
{
    const qint64 t = now();
    QSet<QString> services;
    QSet<QString> seenUnhealthy;
    QList<EdgeRoute> routes;
    for (const ServiceRecord &record : std::as_const(pass->records)) {
        auto spec = ServiceSpec::fromJson(record.spec);
        // a record this Wharf cannot read keeps its replicas as they are (never orphans)
        services << record.name;
        if (!spec) {
            ServiceState bad;
            bad.record = record;
            bad.spec.name = record.name;
            status(bad, QStringLiteral("failing"), spec.error().message);
            pass->unreadable = true;
            continue;
        }
        ServiceState s;
        s.spec = *spec;
        s.record = record;
        for (const Replica &r : Replica::ofService(pass->containers, spec->name, spec->networkName())) {
            if (m_removing.contains(r.id))
                continue;
            if (r.health == QLatin1String("unhealthy")) {
                seenUnhealthy << r.id;
                if (!m_unhealthySince.contains(r.id)) {
                    m_unhealthySince.insert(r.id, t);
                    Q_EMIT event(spec->name, QStringLiteral("unhealthy"), tr("Replica %1 is unhealthy; it left the router's pool.").arg(r.name));
                }
            }
            s.replicas << r;
        }
        s.plan = planService(*spec, s.replicas, m_unhealthySince, t);
        // stop-first updates: the chosen old replicas leave before their successors come
        for (QList<Replica> *list : {&s.plan.pool, &s.plan.outdated}) {
            for (qsizetype i = list->size() - 1; i >= 0; --i)
                if (m_retiring.contains(list->at(i).id)) {
                    if (list == &s.plan.pool)
                        s.plan.surplus << list->at(i);
                    list->removeAt(i);
                }
        }
        // an update's new replica is watched for the monitor period before the old one of its
        // number leaves (both serve meanwhile)
        const QString hash = spec->configHash();
        for (const Replica &r : std::as_const(s.plan.pool))
            if (!m_readySince.contains(r.id))
                m_readySince.insert(r.id, t);
        for (qsizetype i = s.plan.surplus.size() - 1; i >= 0; --i) {
            const Replica old = s.plan.surplus.at(i);
            if (old.configHash == hash || !old.ready() || old.number > spec->replicas)
                continue;
            for (const Replica &cur : std::as_const(s.plan.pool))
                if (cur.number == old.number && cur.configHash == hash && t - m_readySince.value(cur.id, t) < spec->update.monitorMs) {
                    s.plan.surplus.removeAt(i);
                    s.plan.pool << old;
                    ++s.monitoring; // not done with this batch yet
                    break;
                }
        }
        // replicas that never became ready count as failed
        for (qsizetype i = s.plan.starting.size() - 1; i >= 0; --i) {
            const Replica &r = s.plan.starting.at(i);
            const qint64 limit = StartTimeoutMs + spec->health.startPeriodMs + qint64(spec->health.retries) * (spec->health.intervalMs + spec->health.timeoutMs);
            const qint64 since = m_unhealthySince.value(QStringLiteral("start:") + r.id, t);
            m_unhealthySince.insert(QStringLiteral("start:") + r.id, since);
            seenUnhealthy << QStringLiteral("start:") + r.id;
            if (t - since > limit) {
                s.plan.failed << r;
                s.plan.starting.removeAt(i);
            }
        }
        QList<EdgeServer> servers;
        for (const Replica &r : std::as_const(s.plan.pool))
            servers << EdgeServer{r.name, r.address, 0};
        routes << EdgeRoute::of(*spec, servers);
        pass->states << s;
    }
    // forget what is no longer unhealthy or starting
    for (auto it = m_unhealthySince.begin(); it != m_unhealthySince.end();)
        it = seenUnhealthy.contains(it.key()) ? std::next(it) : m_unhealthySince.erase(it);
    for (const QJsonValue &v : std::as_const(pass->containers)) {
        const QJsonObject entry = v.toObject();
        const QJsonObject labels = entry.value(QLatin1String("Labels")).toObject();
        if (labels.contains(QLatin1String(Label::App)))
            continue; // an app's container, not a replica of a service
        if (!services.contains(labels.value(QLatin1String(Label::WharfService)).toString())) {
            Replica r = Replica::fromListEntry(entry, QString());
            if (!m_removing.contains(r.id))
                pass->orphans << r;
        }
    }

    if (pass->unreadable) {
        // its routes would go: the router keeps what it serves until the record is readable
        Q_EMIT failed(QString(), tr("The router of %1 keeps its configuration: a service's record cannot be read.").arg(m_host));
        return act(pass);
    }
    auto config = EdgeConfig::generate(routes, pass->settings);
    if (!config) {
        Q_EMIT failed(QString(), tr("The router of %1 keeps its configuration: %2").arg(m_host, config.error().message));
        return act(pass);
    }
    const bool needed = !routes.isEmpty() || !m_router->applied().isEmpty() || !pass->orphans.isEmpty();
    if (!needed) {
        pass->routerOk = true;
        return act(pass);
    }
    const bool changed = *config != m_router->applied();
    m_router->apply(pass->settings, *config, [this, pass, config = *config, changed](const Error &e) {
        if (e.isError()) {
            Q_EMIT failed(QString(), tr("The edge router of %1: %2").arg(m_host, e.message));
        } else {
            pass->routerOk = true;
            m_config = config;
            if (changed)
                Q_EMIT event(QString(), QStringLiteral("router"), tr("The edge router of %1 serves the new pool.").arg(m_host));
        }
        act(pass);
    });
}

void ServiceReconciler::act(std::shared_ptr<Pass> pass)
{
    pass->pending = 1; // this function's own share, ended below
    for (ServiceState &s : pass->states)
        actOn(pass, s);
    for (const Replica &r : std::as_const(pass->orphans))
        retire(pass, r, true, tr("its service was removed"));
    step(pass);
}

void ServiceReconciler::actOn(std::shared_ptr<Pass> pass, ServiceState &s)
{
    const ServiceSpec &spec = s.spec;
    const QString hash = spec.configHash();
    const QString key = spec.name + QLatin1Char('@') + hash;
    bool updating = false;
    for (const Replica &r : std::as_const(s.replicas))
        if (r.configHash != hash && r.alive())
            updating = true;

    for (const Replica &r : std::as_const(s.plan.failed)) {
        if (r.configHash == hash) {
            const int n = ++m_failures[key];
            if (updating && !m_paused.contains(spec.name)) {
                if (spec.update.rollbackOnFailure && !s.record.previous.isEmpty()) {
                    Q_EMIT event(spec.name, QStringLiteral("rollback"), tr("The update failed (replica %1: %2); rolling back.").arg(r.name, r.health == QLatin1String("unhealthy") ? tr("unhealthy") : r.state));
                    ++pass->pending;
                    const QString host = m_host, name = spec.name;
                    m_steps.keep([host, name](Backends::TenancyStore &t) { return ServiceStore(t.store()).rollback(host, name); },
                                 [this, pass, name](const Error &e) {
                                     if (e.isError())
                                         Q_EMIT failed(name, tr("Rolling back %1 failed: %2").arg(name, e.message));
                                     pass->more = true;
                                     step(pass);
                                 });
                } else {
                    m_paused.insert(spec.name, hash);
                    status(s, QStringLiteral("paused"), tr("The update paused: replica %1 failed.").arg(r.name));
                    Q_EMIT event(spec.name, QStringLiteral("paused"), tr("The update of %1 paused: replica %2 failed.").arg(spec.name, r.name));
                }
            } else if (n >= 3) {
                status(s, QStringLiteral("failing"), tr("Replicas keep failing (%1 so far); the last: %2 %3.").arg(n).arg(r.name, r.state));
            }
        }
        retire(pass, r, false, r.alive() ? tr("unhealthy past its grace period") : tr("it is %1").arg(r.state));
    }
    for (const Replica &r : std::as_const(s.plan.surplus)) {
        if (r.configHash != hash && !m_leftPoolAt.contains(r.id))
            m_batchDoneAt.insert(spec.name, now()); // a batch's old replicas leave: the delay starts
        retire(pass, r, true, r.number > spec.replicas ? tr("scaled to %1").arg(spec.replicas) : tr("replaced"));
    }

    const QString generation = QString::number(s.record.generation);
    QList<int> create = s.plan.create;
    const bool rolling = s.plan.create.isEmpty() && s.plan.starting.isEmpty() && !s.plan.outdated.isEmpty() && m_paused.value(spec.name) != hash;
    // The old replicas of the last batch are watched over (the monitor period) or drain while
    // the next batch starts, as Swarm goes on while it monitors: start-first keeps at most one
    // batch behind, so at most twice the parallelism runs beside the service's count;
    // stop-first waits until they are gone, their numbers are what comes next.
    int draining = s.monitoring;
    for (const Replica &r : std::as_const(s.plan.surplus))
        if (r.configHash != hash)
            ++draining;
    const bool roomToRoll = spec.update.startFirst ? draining <= spec.update.parallelism : draining == 0;
    if (rolling && roomToRoll && now() - m_batchDoneAt.value(spec.name, 0) >= spec.update.delayMs) {
        const QList<Replica> batch = s.plan.outdated.mid(0, spec.update.parallelism);
        for (const Replica &r : batch) {
            if (spec.update.startFirst) {
                create << r.number;
            } else {
                m_retiring.insert(r.id);
            }
        }
        Q_EMIT event(spec.name, QStringLiteral("update"), tr("Updating replicas %1 of %2.").arg([&batch] {
            QStringList n;
            for (const Replica &r : batch)
                n << QString::number(r.number);
            return n.join(QStringLiteral(", "));
        }()).arg(spec.name));
        pass->more = true;
    }
    if (!create.isEmpty()) {
        pass->more = true;
        ++pass->pending;
        ensureNetwork(pass, spec, [this, pass, spec, create, generation](const Error &e) {
            if (e.isError()) {
                Q_EMIT failed(spec.name, tr("The network %1 could not be made: %2").arg(spec.networkName(), e.message));
            } else {
                for (int n : create)
                    createReplica(pass, spec, n, generation);
            }
            step(pass);
        });
    }
    if (!s.plan.converged() || s.monitoring)
        pass->more = true;
    if (s.plan.converged() && !updating && !s.monitoring) {
        m_paused.remove(spec.name);
        m_failures.remove(key);
        status(s, QStringLiteral("converged"), tr("%1/%2 replicas ready").arg(s.plan.pool.size()).arg(spec.replicas));
    } else if (m_paused.value(spec.name) != hash && m_failures.value(key) < 3) {
        status(s, updating ? QStringLiteral("updating") : QStringLiteral("scaling"),
               tr("%1/%2 replicas ready; %3").arg(s.plan.pool.size()).arg(spec.replicas).arg(s.plan.summary()));
    }
}

void ServiceReconciler::ensureNetwork(std::shared_ptr<Pass>, const ServiceSpec &spec, std::function<void(const Error &)> done)
{
    const QString name = spec.networkName();
    const GatedSteps steps = stepsFor(spec.tenant);
    if (m_networks.contains(name))
        return done({});
    const Backends::Filters filter{{QStringLiteral("name"), {name}}};
    whenFinished(m_client->listNetworks(filter), this, [this, name, steps, done](DockerJob *j) {
        if (j->isError())
            return done(j->error());
        for (const QJsonValue &v : j->json().array())
            if (v.toObject().value(QLatin1String("Name")).toString() == name) {
                m_networks << name;
                return done({});
            }
        const QJsonObject body{{QStringLiteral("Name"), name},
                               {QStringLiteral("Driver"), QStringLiteral("bridge")},
                               {QStringLiteral("CheckDuplicate"), true},
                               {QStringLiteral("Labels"), QJsonObject{{QLatin1String(Label::ManagedBy), QStringLiteral("wharf")}}}};
        QJsonObject request = body;
        const QJsonObject ours = Apps::takeDeployLabels(&request);
        const GatedSteps::Send make = Calls::createNetwork(m_client);
        steps.create(QStringLiteral("network"), name, request, [make, ours](const QJsonObject &admitted) { return make(Apps::withDeployLabels(admitted, ours)); }, this,
                       [this, name, done](const Error &e, const QString &, DockerJob *) {
                           if (!e.isError())
                               m_networks << name;
                           done(e);
                       });
    });
}

void ServiceReconciler::createReplica(std::shared_ptr<Pass> pass, const ServiceSpec &spec, int number, const QString &generation)
{
    const QString name = spec.replicaName(number, suffix());
    QJsonObject request = spec.replicaBody(number, generation);
    const QJsonObject ours = Apps::takeDeployLabels(&request);
    ++pass->pending;
    Q_EMIT event(spec.name, QStringLiteral("create"), tr("Starting replica %1.").arg(name));
    const GatedSteps::Send make = Calls::createContainer(m_client, name);
    const GatedSteps steps = stepsFor(spec.tenant);
    steps.create(QStringLiteral("container"), name, request, [make, ours](const QJsonObject &admitted) { return make(Apps::withDeployLabels(admitted, ours)); }, this, [this, pass, spec, name, steps](const Error &e, const QString &id, DockerJob *) {
                       if (e.isError()) {
                           Q_EMIT failed(spec.name, tr("Replica %1 was not created: %2").arg(name, e.message));
                           return step(pass);
                       }
                       steps.act(Calls::startContainer(m_client, id), this, [this, pass, spec, name](const Error &se, const QString &, DockerJob *) {
                           if (se.isError())
                               Q_EMIT failed(spec.name, tr("Replica %1 did not start: %2").arg(name, se.message));
                           step(pass);
                       });
                   });
}

void ServiceReconciler::retire(std::shared_ptr<Pass> pass, const Replica &r, bool drain, const QString &why)
{
    if (m_removing.contains(r.id))
        return;
    pass->more = true;
    if (drain && r.state == QLatin1String("running")) {
        if (!pass->routerOk)
            return; // the router may still send it traffic
        const qint64 t = now();
        if (!m_leftPoolAt.contains(r.id)) {
            m_leftPoolAt.insert(r.id, t);
            Q_EMIT event(r.service, QStringLiteral("drain"), tr("Replica %1 left the router's pool (%2); draining.").arg(r.name, why));
        }
        int drainMs = 2000;
        for (const ServiceState &s : std::as_const(pass->states))
            if (s.spec.name == r.service)
                drainMs = s.spec.drainMs;
        if (t - m_leftPoolAt.value(r.id) < drainMs)
            return;
    }
    // not waited for by the pass: a replica may take its whole stop grace period to end
    m_removing << r.id;
    const QString id = r.id;
    // stopped first, so that it ends its work with SIGTERM and its grace period, then removed
    const GatedSteps steps = stepsFor(r.tenant);
    steps.act(Calls::stopContainer(m_client, id, 10), this, [this, pass, r, why, steps](const Error &, const QString &, DockerJob *) {
        steps.remove(QStringLiteral("container"), r.id, Calls::removeContainer(m_client, r.id, true), this,
                       [this, pass, r, why](const Error &e, const QString &, DockerJob *) {
                           m_leftPoolAt.remove(r.id);
                           m_retiring.remove(r.id);
                           if (e.isError() && e.kind != Error::NotFound) {
                               m_removing.remove(r.id);
                               Q_EMIT failed(r.service, tr("Replica %1 was not removed: %2").arg(r.name, e.message));
                           } else {
                               Q_EMIT event(r.service, QStringLiteral("remove"), tr("Replica %1 removed (%2).").arg(r.name, why));
                           }
                       });
    });
}

void ServiceReconciler::status(const ServiceState &s, const QString &status, const QString &message)
{
    // what the database says now (a change sets it to updating): written only when it differs
    if (s.record.status == status && s.record.message == message)
        return;
    const QString host = m_host, name = s.spec.name;
    m_steps.keep([host, name, status, message](Backends::TenancyStore &t) { return ServiceStore(t.store()).setStatus(host, name, status, message); },
                 [](const Error &) {});
}

void ServiceReconciler::step(std::shared_ptr<Pass> pass)
{
    if (--pass->pending == 0)
        endPass(pass);
}

void ServiceReconciler::endPass(std::shared_ptr<Pass> pass)
{
    // drop what the host no longer has
    QSet<QString> ids;
    for (const QJsonValue &v : std::as_const(pass->containers))
        ids << v.toObject().value(QLatin1String("Id")).toString();
    for (auto it = m_removing.begin(); it != m_removing.end();)
        it = ids.contains(*it) ? std::next(it) : m_removing.erase(it);
    for (auto it = m_readySince.begin(); it != m_readySince.end();)
        it = ids.contains(it.key()) ? std::next(it) : m_readySince.erase(it);
    m_states = pass->states;
    m_converged = !pass->more && pass->routerOk && m_removing.isEmpty();
    m_inPass = false;
    Q_EMIT passed(m_converged);
    if (m_again)
        return runPass();
    if (m_running)
        m_timer.start(pass->more || !m_removing.isEmpty() ? m_busyMs : m_idleMs);
}

} // namespace Wharf::Models::Services
