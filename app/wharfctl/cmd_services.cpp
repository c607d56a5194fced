// Services (replicas behind the host's edge router) and the edge router.
#include "cli.h"

#include "apps/applogs.h"
#include "apps/appplan.h"
#include "docker/containerspec.h"
#include "services/serviceactions.h"
#include "services/servicereconciler.h"
#include "store/controllease.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace Wharf::App {

using Backends::ContainerSpec;
using Backends::Error;
using Backends::Expected;
using Backends::ServiceRecord;
using Models::Services::PublishedEndpoint;
using Models::Services::Replica;
using Models::Services::ServiceActions;
using Models::Services::ServiceReconciler;
using Models::Services::ServiceSpec;

namespace {
QString endpointsText(const ServiceSpec &s)
{
    QStringList list;
    for (const PublishedEndpoint &e : s.endpoints)
        list << e.toText();
    return list.join(QStringLiteral(", "));
}

// Given on the command line (isSet reads "false" and "0" as not set: right for switches only).
bool has(const FlagParser &f, const QString &name)
{
    return !f.values(name).isEmpty();
}

// The flags create and update share, applied to a spec (update: only those given).
Error applyFlags(const FlagParser &f, ServiceSpec &s, bool creating)
{
    QJsonObject body = s.container;
    QJsonObject host = body.value(QLatin1String("HostConfig")).toObject();
    for (const QString &mem : {QStringLiteral("--memory"), QStringLiteral("--limit-memory")})
        if (has(f, mem)) {
            auto m = ContainerSpec::parseMemory(f.value(mem));
            if (!m)
                return m.error();
            host.insert(QStringLiteral("Memory"), *m);
        }
    for (const QString &cpu : {QStringLiteral("--cpus"), QStringLiteral("--limit-cpu")})
        if (has(f, cpu)) {
            auto c = ContainerSpec::parseCpus(f.value(cpu));
            if (!c)
                return c.error();
            host.insert(QStringLiteral("NanoCpus"), *c);
        }
    body.insert(QStringLiteral("HostConfig"), host);
    QStringList env = creating ? QStringList() : QJsonValue(body.value(QLatin1String("Env"))).toVariant().toStringList();
    for (const QString &kv : f.values(QStringLiteral("--env")) + f.values(QStringLiteral("--env-add"))) {
        if (auto e = ContainerSpec::checkEnv(kv); e.isError())
            return e;
        const QString key = kv.section(QLatin1Char('='), 0, 0);
        env.erase(std::remove_if(env.begin(), env.end(), [&key](const QString &v) { return v.section(QLatin1Char('='), 0, 0) == key; }), env.end());
        env << kv;
    }
    for (const QString &key : f.values(QStringLiteral("--env-rm")))
        env.erase(std::remove_if(env.begin(), env.end(), [&key](const QString &v) { return v.section(QLatin1Char('='), 0, 0) == key; }), env.end());
    if (!env.isEmpty() || body.contains(QLatin1String("Env")))
        body.insert(QStringLiteral("Env"), QJsonArray::fromStringList(env));
    if (has(f, QStringLiteral("--image")))
        body.insert(QStringLiteral("Image"), f.value(QStringLiteral("--image")));
    for (const QString &l : f.values(QStringLiteral("--label"))) {
        const QString key = l.section(QLatin1Char('='), 0, 0);
        if (auto e = ContainerSpec::checkLabelKey(key); e.isError())
            return e;
        s.labels.insert(key, l.section(QLatin1Char('='), 1));
    }
    s.container = body;
    if (has(f, QStringLiteral("--replicas"))) {
        bool ok = false;
        s.replicas = f.value(QStringLiteral("--replicas")).toInt(&ok);
        if (!ok)
            return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "--replicas needs a number"));
    }
    if (has(f, QStringLiteral("-p")) || f.isSet(QStringLiteral("--publish-rm"))) {
        if (creating || has(f, QStringLiteral("-p")))
            s.endpoints.clear();
        for (const QString &p : f.values(QStringLiteral("-p"))) {
            auto e = ServiceSpec::parsePublish(p);
            if (!e)
                return e.error();
            s.endpoints << *e;
        }
    }
    auto duration = [&f](const QString &flag, int *into) -> Error {
        if (!has(f, flag))
            return {};
        auto d = ServiceSpec::parseDurationMs(f.value(flag));
        if (!d)
            return d.error();
        *into = *d;
        return {};
    };
    using Kind = Models::Services::HealthCheck::Kind;
    if (has(f, QStringLiteral("--health-cmd"))) {
        s.health.kind = Kind::Command;
        s.health.command = f.value(QStringLiteral("--health-cmd"));
    }
    if (has(f, QStringLiteral("--health-http"))) {
        s.health.kind = Kind::Http;
        s.health.path = f.value(QStringLiteral("--health-http"));
    }
    if (f.isSet(QStringLiteral("--health-tcp")))
        s.health.kind = Kind::Tcp;
    if (f.isSet(QStringLiteral("--no-healthcheck")))
        s.health.kind = Kind::None;
    if (has(f, QStringLiteral("--health-port")))
        s.health.port = f.value(QStringLiteral("--health-port")).toInt();
    if (has(f, QStringLiteral("--health-retries")))
        s.health.retries = f.value(QStringLiteral("--health-retries")).toInt();
    for (const auto &[flag, into] : {std::pair{QStringLiteral("--health-interval"), &s.health.intervalMs}, std::pair{QStringLiteral("--health-timeout"), &s.health.timeoutMs},
                                     std::pair{QStringLiteral("--health-start-period"), &s.health.startPeriodMs}, std::pair{QStringLiteral("--health-grace"), &s.health.graceMs},
                                     std::pair{QStringLiteral("--update-delay"), &s.update.delayMs}, std::pair{QStringLiteral("--update-monitor"), &s.update.monitorMs},
                                     std::pair{QStringLiteral("--drain"), &s.drainMs}})
        if (Error e = duration(flag, into); e.isError())
            return e;
    if (has(f, QStringLiteral("--update-parallelism")))
        s.update.parallelism = f.value(QStringLiteral("--update-parallelism")).toInt();
    if (has(f, QStringLiteral("--update-order"))) {
        const QString o = f.value(QStringLiteral("--update-order"));
        if (o != QLatin1String("start-first") && o != QLatin1String("stop-first"))
            return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "--update-order is start-first or stop-first"));
        s.update.startFirst = o == QLatin1String("start-first");
    }
    if (has(f, QStringLiteral("--update-failure-action"))) {
        const QString a = f.value(QStringLiteral("--update-failure-action"));
        if (a != QLatin1String("rollback") && a != QLatin1String("pause"))
            return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "--update-failure-action is rollback or pause"));
        s.update.rollbackOnFailure = a == QLatin1String("rollback");
    }
    if (has(f, QStringLiteral("--balance")))
        s.balance = f.value(QStringLiteral("--balance"));
    if (f.isSet(QStringLiteral("--sticky")))
        s.sticky = true;
    if (has(f, QStringLiteral("--max-conn")))
        s.maxConnections = f.value(QStringLiteral("--max-conn")).toInt();
    if (has(f, QStringLiteral("--category")))
        s.category = f.value(QStringLiteral("--category"));
    return {};
}
} // namespace

void Cli::cmdService(const QStringList &a)
{
    const QString sub = a.value(0);
    const QStringList rest = a.mid(1);
    withTenancy([this, sub, rest] {
        if (sub == QLatin1String("create"))
            return cmdServiceCreate(rest);
        if (sub == QLatin1String("ls") || sub == QLatin1String("list"))
            return cmdServiceLs(rest);
        if (sub == QLatin1String("ps") || sub == QLatin1String("inspect"))
            return cmdServicePs(sub, rest);
        if (sub == QLatin1String("scale") || sub == QLatin1String("update") || sub == QLatin1String("rollback") || sub == QLatin1String("restart"))
            return cmdServiceChange(sub, rest);
        if (sub == QLatin1String("logs"))
            return cmdServiceLogs(rest);
        if (sub == QLatin1String("rm") || sub == QLatin1String("remove"))
            return cmdServiceRm(rest);
        failUsage(tr("usage: wharfctl service create|ls|ps|inspect|scale|update|rollback|restart|logs|rm ..."));
    });
}

ServiceActions *Cli::serviceActions()
{
    return new ServiceActions(ops(), m_tenantName, this);
}

// Waits until the host's services are as the database says (or the time is up), printing what
// happens. When no controller holds the host's lease, this command takes it and runs the
// reconciler itself for the while; when one does (wharfctl controller, a console), it is left
// to it and this command watches the services' status and replicas.
void Cli::converge(int timeoutSeconds, std::function<void()> then, bool failOnRollback)
{
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(timeoutSeconds) * 1000;
    // a tenant never holds a host's lease: the platform's controller makes its replicas
    if (m_gate && m_gate->principal().isTenant())
        return watchServices(deadline, then, failOnRollback);
    auto lease = std::make_shared<Backends::ControlLease>(m_tenancy->store()->url(), m_dbPassword, hostKey());
    auto held = lease->tryAcquire();
    if (!held)
        return fail(held.error().message);
    if (!*held)
        return watchServices(deadline, then, failOnRollback);
    auto *r = new ServiceReconciler(client(), hostKey(), ops()->steps(), this);
    r->setTenantSteps([this](const QString &tenant) { return opsAs(tenant)->steps(); });
    connect(r, &ServiceReconciler::event, this, [this](const QString &service, const QString &, const QString &message) {
        if (json())
            return;
        (service.isEmpty() ? out() : out() << service << ": ") << message << Qt::endl;
    });
    connect(r, &ServiceReconciler::failed, this, [this](const QString &service, const QString &message) {
        (service.isEmpty() ? err() : err() << service << ": ") << message << Qt::endl;
    });
    auto rolledBack = std::make_shared<QStringList>();
    connect(r, &ServiceReconciler::event, this, [this, r, lease, rolledBack, failOnRollback](const QString &service, const QString &kind, const QString &message) {
        if (!failOnRollback)
            return;
        if (kind == QLatin1String("rollback"))
            *rolledBack << service + QStringLiteral(": ") + message;
        if (kind == QLatin1String("paused")) {
            r->stop();
            lease->release();
            fail(tr("The update was paused: %1").arg(message));
        }
    });
    connect(r, &ServiceReconciler::passed, this, [this, r, deadline, then, lease, rolledBack](bool converged) {
        if (converged) {
            r->stop();
            r->deleteLater();
            lease->release();
            if (!rolledBack->isEmpty())
                return fail(tr("The update failed and was rolled back to the configuration before it: %1").arg(rolledBack->join(QStringLiteral("; "))));
            return then();
        }
        if (QDateTime::currentMSecsSinceEpoch() > deadline) {
            r->stop();
            lease->release();
            QStringList states;
            for (const auto &s : r->states())
                if (!s.plan.converged())
                    states << QStringLiteral("%1 (%2)").arg(s.spec.name, s.plan.summary());
            return fail(tr("The host did not reach the desired state in time: %1. The controller goes on with it.").arg(states.join(QStringLiteral("; "))));
        }
    });
    r->start();
}

// Another controller converges: the services' status (what it writes) and their replicas
// are read until every service is converged and no replica of a removed one is left.
void Cli::watchServices(qint64 deadline, std::function<void()> then, bool failOnRollback)
{
    out() << tr("The controller of %1 applies the change; waiting for it.").arg(hostKey()) << Qt::endl;
    auto actions = serviceActions();
    auto last = std::make_shared<QHash<QString, QString>>();
    auto rolledBack = std::make_shared<QStringList>();
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [this, actions, last, poll, deadline, then, rolledBack, failOnRollback] {
        actions->list([this, last, poll, deadline, then, rolledBack, failOnRollback](const Expected<QList<ServiceRecord>> &list) {
            if (!list)
                return fail(list.error().message);
            call(client()->listContainers(true, {{QStringLiteral("label"), {QLatin1String(Models::Services::Label::Replica)}}}),
                 [this, list = *list, last, poll, deadline, then, rolledBack, failOnRollback](Backends::DockerJob *j) {
                     bool done = true;
                     QSet<QString> names;
                     for (const ServiceRecord &r : list) {
                         names << r.name;
                         const QString said = r.status + QStringLiteral(": ") + r.message;
                         if (last->value(r.name) != said && !json())
                             out() << r.name << ": " << said << Qt::endl;
                         last->insert(r.name, said);
                         if (r.status != QLatin1String("converged"))
                             done = false;
                         if (failOnRollback && r.status == QLatin1String("paused")) {
                             *poll = nullptr;
                             return fail(tr("The update was paused: %1").arg(r.message));
                         }
                         if (failOnRollback && r.status == QLatin1String("rolling back") && !rolledBack->contains(r.name))
                             *rolledBack << r.name;
                     }
                     for (const QJsonValue &v : j->json().array()) {
                         const Replica rep = Replica::fromListEntry(v.toObject(), QString());
                         const bool mine = m_tenantName.isEmpty() || rep.tenant == m_tenantName; // a tenant sees its own only
                         if (mine && !v.toObject().value(QLatin1String("Labels")).toObject().contains(QLatin1String(Models::Services::Label::App))
                             && !names.contains(rep.service))
                             done = false; // a removed service's replica is still there
                     }
                     if (done) {
                         auto step = *poll;
                         *poll = nullptr;
                         if (!rolledBack->isEmpty())
                             return fail(tr("The update failed and was rolled back to the configuration before it: %1").arg(rolledBack->join(QStringLiteral(", "))));
                         return then();
                     }
                     if (QDateTime::currentMSecsSinceEpoch() > deadline)
                         return fail(tr("The host did not reach the desired state in time. The controller goes on with it."));
                     QTimer::singleShot(500, this, [poll] {
                         if (*poll)
                             (*poll)();
                     });
                 });
        });
    };
    (*poll)();
}

void Cli::cmdServiceCreate(const QStringList &a)
{
    FlagParser f = flagsOf("service create");
    if (auto e = f.parse(a, true); e.isError())
        return failUsage(e.message);
    if (f.positional().isEmpty() || !has(f, QStringLiteral("--name")))
        return failUsage(tr("usage: wharfctl service create --name NAME [--replicas N] [-p [IP:]PORT:TARGET[/http]]... [OPTIONS] IMAGE [COMMAND...]"));
    ServiceSpec spec;
    spec.name = f.value(QStringLiteral("--name"));
    ContainerSpec c;
    c.image = f.positional().first();
    c.command = f.positional().mid(1);
    if (has(f, QStringLiteral("--entrypoint"))) {
        c.entrypointSet = true;
        c.entrypoint = f.value(QStringLiteral("--entrypoint")).isEmpty() ? QStringList() : QStringList{f.value(QStringLiteral("--entrypoint"))};
    }
    c.workingDir = f.value(QStringLiteral("-w"));
    c.user = f.value(QStringLiteral("-u"));
    spec.container = c.toCreateBody();
    if (Error e = applyFlags(f, spec, true); e.isError())
        return failUsage(e.message);
    const bool detach = f.isSet(QStringLiteral("-d"));
    const int timeout = f.value(QStringLiteral("--timeout"), QStringLiteral("120")).toInt();
    serviceActions()->create(spec, [this, spec, detach, timeout](const Error &e) {
        if (e.isError())
            return fail(e.message);
        if (detach) {
            out() << spec.name << Qt::endl;
            return finish(0);
        }
        converge(timeout, [this, spec] {
            out() << spec.name << Qt::endl;
            finish(0);
        });
    });
}

void Cli::cmdServiceChange(const QString &verb, const QStringList &a)
{
    FlagParser f = flagsOf(qPrintable(QStringLiteral("service ") + verb));
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const bool detach = f.isSet(QStringLiteral("-d"));
    const int timeout = f.value(QStringLiteral("--timeout"), QStringLiteral("300")).toInt();
    // `service rollback` itself goes back on purpose: not a failure
    const bool failOnRollback = verb != QLatin1String("rollback");
    auto afterwards = [this, detach, timeout, failOnRollback](const QString &what) {
        return [this, detach, timeout, what, failOnRollback](const Error &e) {
            if (e.isError())
                return fail(e.message);
            if (detach) {
                out() << what << Qt::endl;
                return finish(0);
            }
            converge(timeout, [this, what] {
                out() << what << Qt::endl;
                finish(0);
            }, failOnRollback);
        };
    };
    ServiceActions *actions = serviceActions();
    if (verb == QLatin1String("scale")) {
        if (f.positional().isEmpty())
            return failUsage(tr("usage: wharfctl service scale NAME=REPLICAS..."));
        // one after the other, then one convergence for them all
        auto left = std::make_shared<QStringList>(f.positional());
        auto next = std::make_shared<std::function<void()>>();
        *next = [this, actions, left, next, afterwards] {
            if (left->isEmpty()) {
                auto keep = *next; // the last step clears its own holder below
                *next = nullptr;
                return afterwards(tr("scaled"))(Error{});
            }
            const QString item = left->takeFirst();
            bool ok = false;
            const int n = item.section(QLatin1Char('='), 1).toInt(&ok);
            if (!item.contains(QLatin1Char('=')) || !ok || n < 0)
                return failUsage(tr("%1: write NAME=REPLICAS").arg(item));
            actions->scale(item.section(QLatin1Char('='), 0, 0), n, [this, item, next](const Error &e) {
                if (e.isError())
                    return fail(e.message);
                out() << tr("%1 scaled to %2").arg(item.section(QLatin1Char('='), 0, 0), item.section(QLatin1Char('='), 1)) << Qt::endl;
                auto step = *next;
                step();
            });
        };
        auto first = *next;
        return first();
    }
    if (f.positional().size() != 1)
        return failUsage(tr("usage: wharfctl service %1 [OPTIONS] NAME").arg(verb));
    const QString name = f.positional().first();
    if (verb == QLatin1String("rollback"))
        return actions->rollback(name, afterwards(name));
    if (verb == QLatin1String("restart"))
        return actions->restart(name, afterwards(name));
    actions->change(name, QStringLiteral("update"), [f](ServiceSpec &s) { return applyFlags(f, s, false); }, afterwards(name));
}

void Cli::cmdServiceLs(const QStringList &a)
{
    FlagParser f = flagsOf("service ls");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    serviceActions()->list([this, quiet = f.isSet(QStringLiteral("-q"))](const Expected<QList<ServiceRecord>> &list) {
        if (!list)
            return fail(list.error().message);
        call(client()->listContainers(true, {{QStringLiteral("label"), {QLatin1String(Models::Services::Label::Replica)}}}), [this, list = *list, quiet](Backends::DockerJob *j) {
            const QJsonArray containers = j->json().array();
            QList<QStringList> rows;
            QJsonArray arr;
            for (const ServiceRecord &r : list) {
                auto spec = ServiceSpec::fromJson(r.spec);
                int running = 0;
                for (const Replica &rep : Replica::ofService(containers, r.name, spec ? spec->networkName() : QString()))
                    running += rep.ready() ? 1 : 0;
                if (quiet) {
                    out() << r.name << Qt::endl;
                    continue;
                }
                const QString replicas = spec ? QStringLiteral("%1/%2").arg(running).arg(spec->replicas) : QStringLiteral("?");
                rows << QStringList{r.name, spec ? spec->image() : QString(), replicas, spec ? endpointsText(*spec) : QString(), r.status, r.tenant};
                arr << QJsonObject{{QStringLiteral("name"), r.name},
                                   {QStringLiteral("image"), spec ? spec->image() : QString()},
                                   {QStringLiteral("running"), running},
                                   {QStringLiteral("replicas"), spec ? spec->replicas : 0},
                                   {QStringLiteral("endpoints"), spec ? endpointsText(*spec) : QString()},
                                   {QStringLiteral("status"), r.status},
                                   {QStringLiteral("message"), r.message},
                                   {QStringLiteral("tenant"), r.tenant},
                                   {QStringLiteral("generation"), r.generation}};
            }
            if (quiet)
                return finish(0);
            if (json())
                printJson(arr);
            else
                printTable({tr("NAME"), tr("IMAGE"), tr("REPLICAS"), tr("ENDPOINTS"), tr("STATUS"), tr("TENANT")}, rows);
            finish(0);
        });
    });
}

void Cli::cmdServicePs(const QString &verb, const QStringList &a)
{
    FlagParser f = flagsOf(qPrintable(QStringLiteral("service ") + verb));
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(tr("usage: wharfctl service %1 NAME").arg(verb));
    const bool asJson = json() || f.value(QStringLiteral("-o")) == QLatin1String("json") || f.value(QStringLiteral("--format")) == QLatin1String("json");
    serviceActions()->get(f.positional().first(), [this, verb, asJson](const Expected<ServiceRecord> &r) {
        if (!r)
            return fail(r.error().message);
        auto spec = ServiceSpec::fromJson(r->spec);
        if (!spec)
            return fail(spec.error().message);
        const QString name = r->name;
        call(client()->listContainers(true, {{QStringLiteral("label"), {QStringLiteral("%1=%2").arg(QLatin1String(Models::Services::Label::WharfService), name)}}}),
             [this, verb, asJson, record = *r, spec = *spec](Backends::DockerJob *j) {
                 const QList<Replica> replicas = Replica::ofService(j->json().array(), spec.name, spec.networkName());
                 const QString hash = spec.configHash();
                 if (verb == QLatin1String("inspect")) {
                     QJsonArray reps;
                     for (const Replica &rep : replicas)
                         reps << rep.toJson();
                     QJsonObject o = spec.toJson();
                     o.insert(QStringLiteral("status"), record.status);
                     o.insert(QStringLiteral("message"), record.message);
                     o.insert(QStringLiteral("generation"), record.generation);
                     o.insert(QStringLiteral("configHash"), hash);
                     o.insert(QStringLiteral("replicaStates"), reps);
                     if (!record.previous.isEmpty())
                         o.insert(QStringLiteral("previous"), QJsonDocument::fromJson(record.previous).object());
                     printJson(o);
                     return finish(0);
                 }
                 if (asJson) {
                     QJsonArray arr;
                     for (const Replica &rep : replicas) {
                         QJsonObject o = rep.toJson();
                         o.insert(QStringLiteral("current"), rep.configHash == hash);
                         arr << o;
                     }
                     printJson(arr);
                     return finish(0);
                 }
                 QList<QStringList> rows;
                 for (const Replica &rep : replicas)
                     rows << QStringList{rep.name, QString::number(rep.number), rep.state + (rep.health.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(rep.health)),
                                         rep.address, rep.configHash == hash ? tr("current") : tr("previous"), rep.id.left(12)};
                 printTable({tr("NAME"), tr("REPLICA"), tr("STATE"), tr("ADDRESS"), tr("CONFIGURATION"), tr("ID")}, rows);
                 finish(0);
             });
    });
}

void Cli::cmdServiceLogs(const QStringList &a)
{
    FlagParser f = flagsOf("service logs");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(tr("usage: wharfctl service logs NAME [-f] [--tail N] [-t] [--grep TEXT]"));
    const QString name = f.positional().first();
    const bool follow = f.isSet(QStringLiteral("-f"));
    const bool timestamps = f.isSet(QStringLiteral("-t"));
    const QString tail = f.value(QStringLiteral("--tail"), QStringLiteral("all"));
    const QString grep = f.value(QStringLiteral("--grep"));
    serviceActions()->get(name, [this, name, follow, timestamps, tail, grep](const Expected<ServiceRecord> &r) {
        if (!r)
            return fail(r.error().message);
        call(client()->listContainers(true, {{QStringLiteral("label"), {QStringLiteral("%1=%2").arg(QLatin1String(Models::Services::Label::WharfService), name)}}}),
             [this, name, follow, timestamps, tail, grep](Backends::DockerJob *j) {
                 QList<Models::Apps::ObservedContainer> containers;
                 int width = 0;
                 for (const QJsonValue &v : j->json().array()) {
                     const Replica rep = Replica::fromListEntry(v.toObject(), QString());
                     if (rep.number <= 0)
                         continue;
                     Models::Apps::ObservedContainer c;
                     c.id = rep.id;
                     c.name = rep.name;
                     c.service = name;
                     c.number = rep.number;
                     containers << c;
                     width = qMax(width, int((name + QLatin1Char(0x2d) + QString::number(rep.number)).size()));
                 }
                 if (containers.isEmpty())
                     return fail(tr("service %1 has no replicas on this host").arg(name));
                 auto *logs = new Models::Apps::AppLogs(client(), this);
                 connect(logs, &Models::Apps::AppLogs::lines, this, [this, width, timestamps, grep](const QList<Models::Apps::AppLogLine> &lines) {
                     printLogLines(lines, width, timestamps, grep);
                 });
                 connect(logs, &Models::Apps::AppLogs::finished, this, [this](const QString &error) {
                     if (!error.isEmpty())
                         m_err << tr("Error: %1").arg(error) << Qt::endl;
                     finish(0);
                 });
                 logs->start(containers, tail, follow);
             });
    });
}

void Cli::cmdServiceRm(const QStringList &a)
{
    FlagParser f = flagsOf("service rm");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().isEmpty())
        return failUsage(tr("usage: wharfctl service rm NAME..."));
    auto left = std::make_shared<QStringList>(f.positional());
    auto actions = serviceActions();
    const bool detach = f.isSet(QStringLiteral("-d"));
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, left, actions, next, detach] {
        if (left->isEmpty()) {
            *next = nullptr;
            if (detach)
                return finish(0);
            return converge(120, [this] { finish(0); });
        }
        const QString name = left->takeFirst();
        actions->remove(name, [this, name, next](const Error &e) {
            if (e.isError())
                return fail(e.message);
            out() << name << Qt::endl;
            auto step = *next;
            step();
        });
    };
    auto first = *next;
    first();
}

void Cli::cmdEdge(const QStringList &a)
{
    const QString sub = a.value(0);
    const QStringList rest = a.mid(1);
    withTenancy([this, sub, rest] {
        if (sub == QLatin1String("image")) {
            FlagParser f = flagsOf("edge image");
            if (auto e = f.parse(rest); e.isError())
                return failUsage(e.message);
            if (f.positional().size() > 1)
                return failUsage(tr("usage: wharfctl -H HOST edge image [IMAGE]"));
            if (f.positional().isEmpty())
                return serviceActions()->edgeSettings([this](const Expected<QJsonObject> &s) {
                    if (!s)
                        return fail(s.error().message);
                    out() << Models::Services::EdgeSettings::fromJson(*s).image << Qt::endl;
                    finish(0);
                });
            return serviceActions()->setEdgeImage(f.positional().first(), [this](const Error &e) {
                if (e.isError())
                    return fail(e.message);
                // the router is replaced with the new image now (its connections end once)
                converge(120, [this] { finish(0); });
            });
        }
        if (sub == QLatin1String("config")) {
            auto *router = new Models::Services::EdgeRouter(client(), ops()->steps(), this);
            return router->current([this](const Expected<QString> &text) {
                if (!text)
                    return fail(text.error().message);
                if (text->isEmpty())
                    return fail(tr("%1 has no edge router (no service publishes anything there yet).").arg(hostKey()));
                writeRaw(text->toUtf8());
                finish(0);
            });
        }
        if (sub == QLatin1String("ls")) {
            return call(client()->listContainers(true, {{QStringLiteral("label"), {QStringLiteral("%1=edge").arg(QLatin1String(Models::Services::Label::Role))}}}),
                        [this](Backends::DockerJob *j) {
                            QList<QStringList> rows;
                            QJsonArray arr;
                            for (const QJsonValue &v : j->json().array()) {
                                const QJsonObject c = v.toObject();
                                const QString name = c.value(QLatin1String("Names")).toArray().first().toString().mid(1);
                                rows << QStringList{hostKey(), name, c.value(QLatin1String("Image")).toString(), c.value(QLatin1String("State")).toString(),
                                                    c.value(QLatin1String("Status")).toString()};
                                arr << QJsonObject{{QStringLiteral("host"), hostKey()},
                                                   {QStringLiteral("name"), name},
                                                   {QStringLiteral("id"), c.value(QLatin1String("Id")).toString()},
                                                   {QStringLiteral("image"), c.value(QLatin1String("Image")).toString()},
                                                   {QStringLiteral("state"), c.value(QLatin1String("State")).toString()},
                                                   {QStringLiteral("status"), c.value(QLatin1String("Status")).toString()}};
                            }
                            if (json())
                                printJson(arr);
                            else
                                printTable({tr("HOST"), tr("NAME"), tr("IMAGE"), tr("STATE"), tr("STATUS")}, rows);
                            finish(0);
                        });
        }
        if (sub == QLatin1String("logs")) {
            FlagParser f = flagsOf("edge logs");
            if (auto e = f.parse(rest); e.isError())
                return failUsage(e.message);
            QStringList args{QLatin1String(Models::Services::EdgeRouter::ContainerName)};
            if (f.isSet(QStringLiteral("-f")))
                args.prepend(QStringLiteral("-f"));
            if (has(f, QStringLiteral("--tail")))
                args = QStringList{QStringLiteral("--tail"), f.value(QStringLiteral("--tail"))} + args;
            return cmdLogs(args);
        }
        failUsage(tr("usage: wharfctl -H HOST edge ls|config|logs|image ..."));
    });
}

} // namespace Wharf::App
