#include "appdeployer.h"

#include "appspec.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>
#include <QUuid>

namespace Wharf::Models::Apps {

using namespace Backends::Compose;
using Backends::DockerJob;
using Backends::Error;

AppDeployer::AppDeployer(Backends::DockerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void AppDeployer::call(DockerJob *job, std::function<void(DockerJob *)> ok, std::function<void(const Error &)> failed)
{
    ++m_inFlight;
    connect(job, &DockerJob::finished, this, [this, job, ok = std::move(ok), failed = std::move(failed)] {
        job->deleteLater();
        --m_inFlight;
        if (job->isError()) {
            if (failed)
                failed(job->error());
            else
                fail(job->error());
            return;
        }
        ok(job);
    });
}

void AppDeployer::observe(const QString &project, std::function<void(const Backends::Expected<ObservedApp> &)> done)
{
    const Backends::Filters filter{{QStringLiteral("label"), {QLatin1String(Label::Project) + QLatin1Char('=') + project}}};
    auto containers = std::make_shared<QJsonArray>();
    auto networks = std::make_shared<QJsonArray>();
    auto failedOnce = std::make_shared<bool>(false);
    auto onError = [done, failedOnce](const Error &e) {
        if (!*failedOnce) {
            *failedOnce = true;
            done(e);
        }
    };
    call(m_client->listContainers(true, filter), [=, this](DockerJob *j) {
        *containers = j->json().array();
        call(m_client->listNetworks(), [=, this](DockerJob *n) {
            *networks = n->json().array();
            call(m_client->listVolumes(), [=](DockerJob *v) {
                done(ObservedApp::fromJson(project, *containers, *networks, v->json().object().value(QLatin1String("Volumes")).toArray()));
            }, onError);
        }, onError);
    }, onError);
}

void AppDeployer::plan(const Project &project, std::function<void(const Backends::Expected<DeployPlan> &)> done)
{
    observe(project.name, [project, done](const Backends::Expected<ObservedApp> &o) {
        if (!o)
            return done(o.error());
        done(planDeploy(project, *o));
    });
}

void AppDeployer::record(const QJsonObject &entry)
{
    m_entries.append(entry);
    writeJournal(QStringLiteral("running"));
}

void AppDeployer::writeJournal(const QString &state)
{
    m_journal = QJsonObject{{QStringLiteral("app"), m_project.name},
                            {QStringLiteral("deployment"), m_deployment},
                            {QStringLiteral("atomic"), m_options.atomic},
                            {QStringLiteral("state"), state},
                            {QStringLiteral("updated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                            {QStringLiteral("entries"), m_entries}};
    if (!m_error.message.isEmpty())
        m_journal.insert(QStringLiteral("error"), m_error.message);
    if (m_options.journalPath.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_options.journalPath).absolutePath());
    QSaveFile f(m_options.journalPath);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(m_journal).toJson());
        f.commit();
    }
}

void AppDeployer::apply(const Project &project, const DeployPlan &plan)
{
    m_project = project;
    m_plan = plan;
    m_deployment = QUuid::createUuid().toString(QUuid::WithoutBraces).left(12);
    m_entries = {};
    m_failed = false;
    m_done = false;
    m_error = {};
    m_runs.clear();
    if (!plan.error.isEmpty()) {
        m_failed = true;
        m_error = Error::make(Error::Input, plan.error);
        QTimer::singleShot(0, this, [this] { finishApply(); });
        return;
    }
    for (const QString &s : plan.serviceOrder) {
        ServiceRun r;
        for (const PlanStep &st : plan.stepsFor(s))
            r.steps << st;
        m_runs.insert(s, r);
    }
    writeJournal(QStringLiteral("running"));
    m_infraIndex = 0;
    runInfrastructure();
}

void AppDeployer::fail(const Error &error)
{
    if (!m_failed) {
        m_failed = true;
        m_error = error;
    }
    if (m_inFlight == 0)
        finishApply();
}

void AppDeployer::runInfrastructure()
{
    while (m_infraIndex < m_plan.steps.size()) {
        const PlanStep step = m_plan.steps[m_infraIndex++];
        if (step.kind == PlanStep::CreateNetwork) {
            const NetworkConfig *n = nullptr;
            for (const auto &c : m_project.networks)
                if (c.name == step.name)
                    n = &c;
            Q_EMIT progress(QString(), tr("Creating network %1").arg(step.name));
            call(m_client->createNetwork(networkBody(m_project, *n)), [this, step](DockerJob *j) {
                record({{QStringLiteral("kind"), QStringLiteral("network")}, {QStringLiteral("name"), step.name},
                        {QStringLiteral("id"), j->json().object().value(QLatin1String("Id")).toString()}});
                runInfrastructure();
            });
            return;
        }
        if (step.kind == PlanStep::CreateVolume) {
            const VolumeConfig *v = nullptr;
            for (const auto &c : m_project.volumes)
                if (c.name == step.name)
                    v = &c;
            if (m_hooks.admitVolume)
                if (Error e = m_hooks.admitVolume(step.name); e.isError())
                    return fail(e);
            Q_EMIT progress(QString(), tr("Creating volume %1").arg(step.name));
            call(m_client->createVolume(volumeBody(m_project, *v)), [this, step](DockerJob *) {
                record({{QStringLiteral("kind"), QStringLiteral("volume")}, {QStringLiteral("name"), step.name}});
                runInfrastructure();
            });
            return;
        }
    }
    schedule();
}

void AppDeployer::schedule()
{
    if (m_failed) {
        if (m_inFlight == 0)
            finishApply();
        return;
    }
    bool allDone = true;
    for (const QString &name : m_plan.serviceOrder) {
        ServiceRun &r = m_runs[name];
        if (r.state != ServiceRun::Done)
            allDone = false;
        if (r.state != ServiceRun::Waiting)
            continue;
        const ServiceConfig *s = m_project.service(name);
        bool ready = true;
        for (const Dependency &d : s->dependsOn) {
            const ServiceRun &dep = m_runs[d.service];
            if (dep.state != ServiceRun::Done)
                ready = false;
            else if (d.condition == QLatin1String("service_healthy") && !dep.healthy) {
                ready = false;
                if (!dep.waitingHealth)
                    waitHealthy(d.service);
            } else if (d.condition == QLatin1String("service_completed_successfully") && !dep.completed) {
                ready = false;
                if (!dep.waitingCompletion)
                    waitCompleted(d.service);
            }
        }
        for (const QString &l : s->links)
            if (m_runs.contains(l.section(QLatin1Char(':'), 0, 0)) && m_runs[l.section(QLatin1Char(':'), 0, 0)].state != ServiceRun::Done)
                ready = false;
        if (!ready)
            continue;
        r.state = ServiceRun::Running;
        runNextStep(name);
    }
    if (allDone && m_inFlight == 0 && !m_done)
        finishApply();
}

void AppDeployer::runNextStep(const QString &service)
{
    if (m_failed) {
        m_runs[service].state = ServiceRun::Failed;
        if (m_inFlight == 0)
            finishApply();
        return;
    }
    ServiceRun &r = m_runs[service];
    if (r.next >= r.steps.size())
        return serviceDone(service);
    const PlanStep step = r.steps[r.next++];
    const ServiceConfig *s = m_project.service(service);
    const int stopTimeout = s && s->stopGracePeriodNs ? int(*s->stopGracePeriodNs / 1'000'000'000LL) : m_options.stopTimeoutSeconds;
    switch (step.kind) {
    case PlanStep::Unchanged:
        m_runs[service].containers << step.container;
        return runNextStep(service);
    case PlanStep::Start:
        Q_EMIT progress(service, tr("Starting %1").arg(step.name));
        call(m_client->startContainer(step.container), [this, service, step](DockerJob *) {
            record({{QStringLiteral("kind"), QStringLiteral("started")}, {QStringLiteral("id"), step.container}});
            m_runs[service].containers << step.container;
            runNextStep(service);
        });
        return;
    case PlanStep::Create:
        Q_EMIT progress(service, tr("Creating %1").arg(step.name));
        createReplica(service, step, [this, service, step](const QString &id) {
            Q_EMIT progress(service, tr("Starting %1").arg(step.name));
            call(m_client->startContainer(id), [this, service, id](DockerJob *) {
                m_runs[service].containers << id;
                runNextStep(service);
            });
        });
        return;
    case PlanStep::Recreate: {
        // the old one steps aside (renamed, still labelled), the new one takes its name
        Q_EMIT progress(service, tr("Recreating %1").arg(step.name));
        const QString aside = step.container.left(12) + QLatin1Char('_') + step.name;
        call(m_client->inspectContainer(step.container), [=, this](DockerJob *ij) {
            const bool wasRunning = ij->json().object().value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool();
            call(m_client->renameContainer(step.container, aside), [=, this](DockerJob *) {
                record({{QStringLiteral("kind"), QStringLiteral("aside")}, {QStringLiteral("id"), step.container}, {QStringLiteral("name"), step.name},
                        {QStringLiteral("wasRunning"), wasRunning}});
                createReplica(service, step, [=, this](const QString &id) {
                    call(m_client->stopContainer(step.container, stopTimeout), [=, this](DockerJob *) {
                        call(m_client->startContainer(id), [=, this](DockerJob *) {
                            m_runs[service].containers << id;
                            if (m_options.atomic) // removed when everything else went well
                                return runNextStep(service);
                            removeOld(service, step.container);
                        });
                    });
                });
            });
        });
        return;
    }
    case PlanStep::Remove:
        Q_EMIT progress(service, tr("Removing %1 (%2)").arg(step.name, step.reason));
        call(m_client->inspectContainer(step.container), [=, this](DockerJob *ij) {
            const bool wasRunning = ij->json().object().value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool();
            call(m_client->stopContainer(step.container, stopTimeout), [=, this](DockerJob *) {
                if (m_options.atomic) {
                    record({{QStringLiteral("kind"), QStringLiteral("retired")}, {QStringLiteral("id"), step.container}, {QStringLiteral("wasRunning"), wasRunning}});
                    return runNextStep(service);
                }
                removeOld(service, step.container);
            });
        });
        return;
    default:
        return runNextStep(service);
    }
}

// A replaced or surplus container goes; then the service's next step.
void AppDeployer::removeOld(const QString &service, const QString &id)
{
    call(m_client->removeContainer(id, true), [=, this](DockerJob *) {
        if (m_hooks.removed)
            m_hooks.removed(id);
        record({{QStringLiteral("kind"), QStringLiteral("removed")}, {QStringLiteral("id"), id}});
        runNextStep(service);
    });
}

void AppDeployer::createReplica(const QString &service, const PlanStep &step, std::function<void(const QString &id)> done)
{
    const ServiceConfig *s = m_project.service(service);
    auto body = createBody(m_project, *s, step.number, configHash(m_project, service), m_deployment);
    if (!body)
        return fail(body.error());
    QJsonObject request = *body;
    Admission admission;
    if (m_hooks.admitContainer) {
        // the gate sees what the person wrote; Wharf's own labels are added after it
        QJsonObject labels = request.value(QLatin1String("Labels")).toObject();
        QJsonObject ours;
        for (const QString &k : labels.keys())
            if (k.startsWith(QLatin1String("io.wharf."))) {
                ours.insert(k, labels.value(k));
                labels.remove(k);
            }
        request.insert(QStringLiteral("Labels"), labels);
        auto admitted = m_hooks.admitContainer(request, step.name);
        if (!admitted)
            return fail(admitted.error());
        admission = *admitted;
        labels = request.value(QLatin1String("Labels")).toObject();
        for (const QString &k : ours.keys())
            labels.insert(k, ours.value(k));
        request.insert(QStringLiteral("Labels"), labels);
    }
    DockerJob *job = m_client->createContainer(request, step.name);
    call(job, [=, this](DockerJob *j) {
        const QString id = j->json().object().value(QLatin1String("Id")).toString();
        if (m_hooks.settle)
            m_hooks.settle(admission, id, {});
        record({{QStringLiteral("kind"), QStringLiteral("created")}, {QStringLiteral("id"), id}, {QStringLiteral("name"), step.name},
                {QStringLiteral("service"), service}});
        connectExtraNetworks(service, id, 0, [done, id] { done(id); });
    }, [=, this](const Error &e) {
        if (m_hooks.settle)
            m_hooks.settle(admission, {}, e);
        fail(Error::make(e.kind, tr("%1: %2").arg(step.name, e.message), e.httpStatus));
    });
}

void AppDeployer::connectExtraNetworks(const QString &service, const QString &id, int index, std::function<void()> done)
{
    const auto extra = extraNetworks(m_project, *m_project.service(service));
    if (index >= extra.size())
        return done();
    const auto &[network, endpoint] = extra[index];
    const QJsonObject body{{QStringLiteral("Container"), id}, {QStringLiteral("EndpointConfig"), endpoint}};
    call(m_client->post(QStringLiteral("/networks/%1/connect").arg(network), {}, QJsonDocument(body)),
         [=, this](DockerJob *) { connectExtraNetworks(service, id, index + 1, done); });
}

void AppDeployer::serviceDone(const QString &service)
{
    m_runs[service].state = ServiceRun::Done;
    Q_EMIT progress(service, tr("%1 is deployed").arg(service));
    schedule();
}

void AppDeployer::waitHealthy(const QString &service)
{
    ServiceRun &r = m_runs[service];
    r.waitingHealth = true;
    Q_EMIT progress(service, tr("Waiting for %1 to be healthy").arg(service));
    auto deadline = std::make_shared<qint64>(QDateTime::currentMSecsSinceEpoch() + m_options.healthTimeoutMs);
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [this, service, deadline, weak = std::weak_ptr<std::function<void()>>(poll)] {
        if (m_failed)
            return schedule();
        const QStringList ids = m_runs[service].containers;
        auto pending = std::make_shared<int>(int(ids.size()));
        auto allHealthy = std::make_shared<bool>(true);
        auto bad = std::make_shared<QString>();
        if (ids.isEmpty()) {
            m_runs[service].healthy = true;
            return schedule();
        }
        for (const QString &id : ids) {
            call(m_client->inspectContainer(id), [=, this](DockerJob *j) {
                const QJsonObject st = j->json().object().value(QLatin1String("State")).toObject();
                const QString health = st.value(QLatin1String("Health")).toObject().value(QLatin1String("Status")).toString();
                if (health.isEmpty() && !st.contains(QLatin1String("Health")))
                    *bad = tr("service %1 has no health check, so it can never be healthy (depends_on: condition: service_healthy)").arg(service);
                else if (health == QLatin1String("unhealthy"))
                    *bad = tr("service %1 is unhealthy").arg(service);
                else if (!st.value(QLatin1String("Running")).toBool())
                    *bad = tr("service %1 stopped while its health was awaited").arg(service);
                if (health != QLatin1String("healthy"))
                    *allHealthy = false;
                if (--*pending > 0)
                    return;
                if (!bad->isEmpty())
                    return fail(Error::make(Error::Input, *bad));
                if (*allHealthy) {
                    m_runs[service].healthy = true;
                    Q_EMIT progress(service, tr("%1 is healthy").arg(service));
                    return schedule();
                }
                if (QDateTime::currentMSecsSinceEpoch() > *deadline)
                    return fail(Error::make(Error::Timeout, tr("service %1 did not become healthy in %2 s").arg(service).arg(m_options.healthTimeoutMs / 1000)));
                if (auto p = weak.lock())
                    QTimer::singleShot(500, this, *p);
            });
        }
    };
    // the poll keeps itself alive through the timer's copy
    QTimer::singleShot(0, this, [poll] { (*poll)(); });
    m_healthPolls << poll;
}

void AppDeployer::waitCompleted(const QString &service)
{
    ServiceRun &r = m_runs[service];
    r.waitingCompletion = true;
    Q_EMIT progress(service, tr("Waiting for %1 to complete").arg(service));
    const QStringList ids = r.containers;
    auto pending = std::make_shared<int>(int(ids.size()));
    if (ids.isEmpty()) {
        r.completed = true;
        return schedule();
    }
    for (const QString &id : ids) {
        call(m_client->waitContainer(id), [=, this](DockerJob *j) {
            const int code = j->json().object().value(QLatin1String("StatusCode")).toInt();
            if (code != 0)
                return fail(Error::make(Error::Input, tr("service %1 did not complete successfully (exit code %2)").arg(service).arg(code)));
            if (--*pending == 0) {
                m_runs[service].completed = true;
                schedule();
            }
        });
    }
}

void AppDeployer::finishApply()
{
    if (m_done)
        return;
    m_done = true;
    m_healthPolls.clear();
    if (!m_failed) {
        if (m_options.atomic)
            return finalize(0);
        writeJournal(QStringLiteral("done"));
        Q_EMIT finished({});
        return;
    }
    writeJournal(QStringLiteral("failed"));
    if (m_options.atomic) {
        Q_EMIT progress(QString(), tr("Rolling back: %1").arg(m_error.message));
        return rollback(int(m_entries.size()) - 1);
    }
    Q_EMIT finished(m_error);
}

// atomic and successful: what stepped aside goes now
void AppDeployer::finalize(int index)
{
    while (index < m_entries.size()) {
        const QJsonObject e = m_entries[index].toObject();
        const QString kind = e.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("aside") || kind == QLatin1String("retired")) {
            const QString id = e.value(QLatin1String("id")).toString();
            DockerJob *job = m_client->removeContainer(id, true);
            connect(job, &DockerJob::finished, this, [this, job, id, index] {
                job->deleteLater();
                if (!job->isError() && m_hooks.removed)
                    m_hooks.removed(id);
                finalize(index + 1);
            });
            return;
        }
        ++index;
    }
    writeJournal(QStringLiteral("done"));
    Q_EMIT finished({});
}

// atomic and failed: undo in reverse, best effort, then say what failed
void AppDeployer::rollback(int index)
{
    if (index < 0) {
        writeJournal(QStringLiteral("rolled-back"));
        Q_EMIT finished(Error::make(m_error.kind, tr("%1 (rolled back: the app is as it was)").arg(m_error.message), m_error.httpStatus));
        return;
    }
    const QJsonObject e = m_entries[index].toObject();
    const QString kind = e.value(QLatin1String("kind")).toString();
    const QString id = e.value(QLatin1String("id")).toString();
    auto next = [this, index] { rollback(index - 1); };
    auto run = [this, next](DockerJob *job, std::function<void()> then = {}) {
        connect(job, &DockerJob::finished, this, [job, next, then] {
            job->deleteLater();
            if (then)
                then();
            else
                next();
        });
    };
    if (kind == QLatin1String("created")) {
        run(m_client->removeContainer(id, true), [this, id, next] {
            if (m_hooks.removed)
                m_hooks.removed(id);
            next();
        });
    } else if (kind == QLatin1String("aside")) {
        const QString name = e.value(QLatin1String("name")).toString();
        const bool wasRunning = e.value(QLatin1String("wasRunning")).toBool();
        run(m_client->renameContainer(id, name), [this, id, wasRunning, run, next] {
            if (wasRunning)
                run(m_client->startContainer(id));
            else
                next();
        });
    } else if (kind == QLatin1String("retired")) {
        if (e.value(QLatin1String("wasRunning")).toBool())
            run(m_client->startContainer(id));
        else
            next();
    } else if (kind == QLatin1String("started")) {
        run(m_client->stopContainer(id, m_options.stopTimeoutSeconds));
    } else if (kind == QLatin1String("network")) {
        run(m_client->removeNetwork(e.value(QLatin1String("name")).toString()));
    } else if (kind == QLatin1String("volume")) {
        run(m_client->removeVolume(e.value(QLatin1String("name")).toString()));
    } else {
        next();
    }
}

void AppDeployer::act(const QString &project, Verb verb)
{
    m_project = {};
    m_project.name = project;
    m_error = {};
    observe(project, [this, project, verb](const Backends::Expected<ObservedApp> &o) {
        if (!o)
            return Q_EMIT finished(o.error());
        if (o->containers.isEmpty() && verb != Verb::Down && verb != Verb::DownWithVolumes)
            return Q_EMIT finished(Error::make(Error::NotFound, tr("there is no app \"%1\" on this host").arg(project)));
        actOn(o->containers, verb, 0, project);
    });
}

void AppDeployer::actOn(const QList<ObservedContainer> &containers, Verb verb, int, const QString &project)
{
    // every container at once, as stopping one can take its whole grace period
    auto pending = std::make_shared<int>(int(containers.size()) + 1);
    auto oneDone = [this, pending, verb, project] {
        if (--*pending == 0)
            afterContainers(verb, project);
    };
    for (const ObservedContainer &c : containers) {
        auto onError = [this, oneDone, c](const Error &e) {
            m_error = Error::make(e.kind, tr("%1: %2").arg(c.name, e.message), e.httpStatus);
            oneDone();
        };
        switch (verb) {
        case Verb::Stop:
            if (c.state != QLatin1String("running")) {
                oneDone();
                break;
            }
            Q_EMIT progress(c.service, tr("Stopping %1").arg(c.name));
            call(m_client->stopContainer(c.id, m_options.stopTimeoutSeconds), [oneDone](DockerJob *) { oneDone(); }, onError);
            break;
        case Verb::Start:
            if (c.state == QLatin1String("running")) {
                oneDone();
                break;
            }
            Q_EMIT progress(c.service, tr("Starting %1").arg(c.name));
            call(m_client->startContainer(c.id), [oneDone](DockerJob *) { oneDone(); }, onError);
            break;
        case Verb::Restart:
            Q_EMIT progress(c.service, tr("Restarting %1").arg(c.name));
            call(m_client->restartContainer(c.id, m_options.stopTimeoutSeconds), [oneDone](DockerJob *) { oneDone(); }, onError);
            break;
        case Verb::Down:
        case Verb::DownWithVolumes:
            Q_EMIT progress(c.service, tr("Removing %1").arg(c.name));
            call(m_client->stopContainer(c.id, m_options.stopTimeoutSeconds), [=, this](DockerJob *) {
                call(m_client->removeContainer(c.id, true), [=, this](DockerJob *) {
                    if (m_hooks.removed)
                        m_hooks.removed(c.id);
                    oneDone();
                }, onError);
            }, onError);
            break;
        }
    }
    oneDone();
}

void AppDeployer::afterContainers(Verb verb, const QString &project)
{
    if (verb != Verb::Down && verb != Verb::DownWithVolumes) {
        Q_EMIT finished(m_error);
        return;
    }
    // the app's networks, and its volumes when asked
    const Backends::Filters filter{{QStringLiteral("label"), {QLatin1String(Label::Project) + QLatin1Char('=') + project}}};
    auto remaining = std::make_shared<int>(1);
    auto finishWhenDone = [this, remaining] {
        if (--*remaining == 0)
            Q_EMIT finished(m_error);
    };
    auto failed = [this, finishWhenDone](const Error &e) {
        m_error = e;
        finishWhenDone();
    };
    call(m_client->listNetworks(filter), [=, this](DockerJob *j) {
        for (const auto &n : j->json().array()) {
            const QString name = n.toObject().value(QLatin1String("Name")).toString();
            Q_EMIT progress(QString(), tr("Removing network %1").arg(name));
            ++*remaining;
            call(m_client->removeNetwork(name), [=](DockerJob *) { finishWhenDone(); }, failed);
        }
        if (verb == Verb::DownWithVolumes) {
            ++*remaining;
            call(m_client->listVolumes(filter), [=, this](DockerJob *v) {
                for (const auto &vol : v->json().object().value(QLatin1String("Volumes")).toArray()) {
                    const QString name = vol.toObject().value(QLatin1String("Name")).toString();
                    Q_EMIT progress(QString(), tr("Removing volume %1").arg(name));
                    ++*remaining;
                    call(m_client->removeVolume(name), [=](DockerJob *) { finishWhenDone(); }, failed);
                }
                finishWhenDone();
            }, failed);
        }
        finishWhenDone();
    }, failed);
}

} // namespace Wharf::Models::Apps
