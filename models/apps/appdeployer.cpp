#include "appdeployer.h"
#include "docker/containerstate.h"

#include "core/paths.h"

#include "appspec.h"
#include "docker/imageref.h"
#include "operations/daemoncalls.h"

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

namespace {

// Wharf's own labels are the platform's, not the person's: the gate sees a request without
// them, and they are put back on what it lets through.
} // namespace

QString deployJournalPath(const QString &project)
{
    return QDir(Backends::dataDir()).absoluteFilePath(QStringLiteral("deploys/%1.json").arg(project));
}

AppDeployer::AppDeployer(Backends::DockerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    setSteps({});
}

void AppDeployer::setSteps(GatedSteps steps)
{
    m_steps = std::move(steps);
    // a create admitted after the deploy failed goes no further (its reservation is given back)
    m_steps.setAbandoned([this] { return m_failed ? m_error : Error{}; });
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

// A change to a container the app holds, counted in flight like a daemon call.
void AppDeployer::change(Send send, std::function<void(DockerJob *)> ok, std::function<void(const Error &)> failed)
{
    ++m_inFlight;
    m_steps.act(std::move(send), this, [this, ok = std::move(ok), failed = std::move(failed)](const Error &e, const QString &, DockerJob *j) {
        --m_inFlight;
        if (e.isError())
            return failed ? failed(e) : fail(e);
        ok(j);
    });
}

// A removal through the gate (the quota given back once the daemon has done it).
void AppDeployer::drop(const QString &kind, const QString &ref, Send send, std::function<void()> ok, std::function<void(const Error &)> failed)
{
    ++m_inFlight;
    m_steps.remove(kind, ref, std::move(send), this, [this, ok = std::move(ok), failed = std::move(failed)](const Error &e, const QString &, DockerJob *) {
        --m_inFlight;
        if (e.isError())
            return failed ? failed(e) : fail(e);
        ok();
    });
}

// A create through the gate; done(id) once the daemon made it. Wharf's own labels are kept
// out of what the gate sees and put back on what it lets through.
void AppDeployer::create(const QString &kind, const QString &name, const QJsonObject &body, std::function<Send(const QString &name)> send,
                         std::function<void(const QString &id)> done, std::function<void(const Error &, bool fromDaemon)> failed)
{
    QJsonObject request = body;
    const QJsonObject ours = takeDeployLabels(&request);
    const Send make = send(name);
    ++m_inFlight;
    m_steps.create(kind, name, request, [make, ours](const QJsonObject &admitted) { return make(withDeployLabels(admitted, ours)); }, this,
                   [this, done = std::move(done), failed = std::move(failed)](const Error &e, const QString &id, DockerJob *j) {
                       --m_inFlight;
                       if (e.isError())
                           return failed(e, j != nullptr);
                       done(id);
                   });
}

void AppDeployer::checkOwned(const QString &kind, const QStringList &refs, std::function<void(const Error &)> done)
{
    ++m_inFlight;
    QPointer<AppDeployer> self(this);
    m_steps.checkOwned(kind, refs, [self, done](const Error &e) {
        if (!self)
            return;
        --self->m_inFlight;
        done(e);
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
            call(m_client->listVolumes(), [=, this](DockerJob *v) {
                const QJsonArray volumes = v->json().object().value(QLatin1String("Volumes")).toArray();
                call(m_client->listImages(), [=](DockerJob *i) {
                    done(ObservedApp::fromJson(project, *containers, *networks, volumes, i->json().array()));
                }, onError);
            }, onError);
        }, onError);
    }, onError);
}

void AppDeployer::plan(const Project &project, std::function<void(const Backends::Expected<DeployPlan> &)> done)
{
    observe(project.name, [this, project, done](const Backends::Expected<ObservedApp> &o) {
        if (!o)
            return done(o.error());
        // What the host already has of the app, and the networks it would join without
        // creating them, must be the principal's own.
        QStringList ids;
        for (const auto &c : o->containers)
            ids << c.id;
        QStringList networks;
        for (const auto &n : project.networks)
            if (o->networks.contains(n.name))
                networks << n.name;
        const ObservedApp observed = *o;
        checkOwned(QStringLiteral("container"), ids, [this, project, observed, networks, done](const Error &e) {
            if (e.isError())
                return done(Error::make(Error::Denied, tr("There is an app \"%1\" on this host that is not yours: %2").arg(project.name, e.message)));
            checkOwned(QStringLiteral("network"), networks, [this, project, observed, done](const Error &e) {
                if (e.isError())
                    return done(e);
                PlanOptions options;
                options.build = m_options.build;
                options.pull = m_options.pull;
                done(planDeploy(project, observed, options));
            });
        });
    });
}

void AppDeployer::record(const JournalEntry &entry)
{
    m_record.entries.append(entry);
    writeJournal(DeployJournal::State::Running);
}

void AppDeployer::writeJournal(DeployJournal::State state)
{
    m_record.app = m_project.name;
    m_record.deployment = m_deployment;
    m_record.atomic = m_options.atomic;
    m_record.state = state;
    m_record.updated = QDateTime::currentDateTimeUtc();
    m_record.error = m_error.message;
    if (m_options.journalPath.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_options.journalPath).absolutePath());
    QSaveFile f(m_options.journalPath);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(m_record.toJson()).toJson());
        f.commit();
    }
}

void AppDeployer::apply(const Project &project, const DeployPlan &plan)
{
    m_project = project;
    m_plan = plan;
    m_deployment = QUuid::createUuid().toString(QUuid::WithoutBraces).left(12);
    m_record = {};
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
            if (st.kind != PlanStep::Pull && st.kind != PlanStep::Build) // before all services
                r.steps << st;
        m_runs.insert(s, r);
    }
    writeJournal(DeployJournal::State::Running);
    m_infraIndex = 0;
    ++m_inFlight;
    QPointer<AppDeployer> self(this);
    m_steps.claimApp(project.name, [self](const Error &e) {
        if (!self)
            return;
        --self->m_inFlight;
        if (e.isError())
            return self->fail(e);
        self->runInfrastructure();
    });
}

void AppDeployer::cancel()
{
    if (m_done || m_deployment.isEmpty()) // finished, or not a deploy
        return;
    fail(Error::make(Error::Canceled, tr("cancelled")));
    for (const QPointer<DockerJob> &job : std::as_const(m_imageJobs))
        if (job && !job->isFinished())
            job->abort();
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
    if (m_failed) // failed or cancelled meanwhile: nothing more is started
        return schedule();
    while (m_infraIndex < m_plan.steps.size()) {
        const PlanStep step = m_plan.steps[m_infraIndex++];
        if (step.kind == PlanStep::CreateNetwork) {
            for (const auto &c : m_project.networks)
                if (c.name == step.name)
                    return createResource(step, networkBody(m_project, c));
        }
        if (step.kind == PlanStep::CreateVolume) {
            for (const auto &c : m_project.volumes)
                if (c.name == step.name)
                    return createResource(step, volumeBody(m_project, c));
        }
        if (step.kind == PlanStep::Pull || step.kind == PlanStep::Build)
            return runImage(step);
    }
    schedule();
}

// A pull or build, counted in flight like a daemon call.
void AppDeployer::runImage(const PlanStep &step)
{
    ++m_inFlight;
    QPointer<AppDeployer> self(this);
    ImageStepCallbacks callbacks;
    callbacks.progress = [self, step](const QString &message) {
        if (self)
            Q_EMIT self->progress(step.service, message);
    };
    callbacks.started = [self](DockerJob *job) {
        if (self)
            self->m_imageJobs << job;
    };
    callbacks.done = [self, step](const Backends::Expected<QString> &id) {
        if (!self)
            return;
        --self->m_inFlight;
        if (!id)
            return self->fail(id.error());
        if (self->m_failed)
            return self->fail(self->m_error);
        self->imageReady(step, *id);
    };
    runImageStep(m_client, this, m_project, step, m_registryAuth, m_steps, callbacks, m_registryLogins);
}

void AppDeployer::imageReady(const PlanStep &step, const QString &id)
{
    record({JournalEntry::Kind::Image, id, step.name, {}, step.imageId});
    Q_EMIT progress(step.service, step.kind == PlanStep::Build ? tr("Built %1").arg(step.name) : tr("Pulled %1").arg(step.name));
    // what ran the image before it was pulled or built again goes over to the new one
    for (const ServiceConfig &s : m_project.services) {
        if (serviceImage(m_project, s) != step.name || !m_runs.contains(s.name))
            continue;
        for (PlanStep &st : m_runs[s.name].steps) {
            if ((st.kind == PlanStep::Unchanged || st.kind == PlanStep::Start) && !st.imageId.isEmpty() && st.imageId != id) {
                st.kind = PlanStep::Recreate;
                st.reason = tr("the image changed");
            }
        }
    }
    runInfrastructure();
}

// A network or volume of the app, through the gate, then the next one.
void AppDeployer::createResource(const PlanStep &step, const QJsonObject &body)
{
    const bool network = step.kind == PlanStep::CreateNetwork;
    const QString kind = network ? QStringLiteral("network") : QStringLiteral("volume");
    Q_EMIT progress(QString(), network ? tr("Creating network %1").arg(step.name) : tr("Creating volume %1").arg(step.name));
    Backends::DockerClient *client = m_client;
    create(kind, step.name, body, [client, network](const QString &) { return network ? Calls::createNetwork(client) : Calls::createVolume(client); },
           [this, step, network](const QString &id) {
               record({network ? JournalEntry::Kind::Network : JournalEntry::Kind::Volume, network ? id : QString(), step.name});
               runInfrastructure();
           }, [this](const Error &e, bool) { fail(e); });
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
    if (step.kind != PlanStep::Unchanged)
        r.changed = true;
    switch (step.kind) {
    case PlanStep::Unchanged:
        if (const QStringList deps = changedRestartDependencies(service); !deps.isEmpty()) {
            // depends_on with restart: true: what it depends on changed, so it starts again
            Q_EMIT progress(service, tr("Restarting %1 (%2 changed)").arg(step.name, deps.join(QStringLiteral(", "))));
            m_runs[service].changed = true;
            change(Calls::restartContainer(m_client, step.container, stopTimeout), [this, service, step](DockerJob *) {
                record({JournalEntry::Kind::Restarted, step.container});
                m_runs[service].containers << step.container;
                runNextStep(service);
            });
            return;
        }
        m_runs[service].containers << step.container;
        return runNextStep(service);
    case PlanStep::Start:
        Q_EMIT progress(service, tr("Starting %1").arg(step.name));
        change(Calls::startContainer(m_client, step.container), [this, service, step](DockerJob *) {
            record({JournalEntry::Kind::Started, step.container});
            m_runs[service].containers << step.container;
            runNextStep(service);
        });
        return;
    case PlanStep::Create: {
        // this create and the ones right after it (new replicas) side by side
        QList<PlanStep> batch{step};
        while (r.next < r.steps.size() && r.steps[r.next].kind == PlanStep::Create)
            batch << r.steps[r.next++];
        auto left = std::make_shared<int>(int(batch.size()));
        for (const PlanStep &one : std::as_const(batch)) {
            Q_EMIT progress(service, tr("Creating %1").arg(one.name));
            createReplica(service, one, [this, service, one, left](const QString &id) {
                Q_EMIT progress(service, tr("Starting %1").arg(one.name));
                change(Calls::startContainer(m_client, id), [this, service, id, left](DockerJob *) {
                    m_runs[service].containers << id;
                    if (--*left == 0 || m_failed) // on failure: the end is where nothing is in flight
                        runNextStep(service);
                });
            });
        }
        return;
    }
    case PlanStep::Recreate: {
        // the old one steps aside (renamed, still labelled), the new one takes its name
        Q_EMIT progress(service, tr("Recreating %1").arg(step.name));
        call(m_client->inspectContainer(step.container), [=, this](DockerJob *ij) {
            const QJsonObject old = ij->json().object();
            const bool wasRunning = old.value(QLatin1String("State")).toObject().value(QLatin1String("Running")).toBool();
            // its own name (a changed container_name makes it differ from the new one's)
            QString oldName = old.value(QLatin1String("Name")).toString().mid(1);
            if (oldName.isEmpty())
                oldName = step.name;
            const QString aside = step.container.left(12) + QLatin1Char('_') + oldName;
            change(Calls::renameContainer(m_client, step.container, aside), [=, this](DockerJob *) {
                record({JournalEntry::Kind::Aside, step.container, oldName, {}, {}, wasRunning});
                createReplica(service, step, [=, this](const QString &id) {
                    change(Calls::stopContainer(m_client, step.container, stopTimeout), [=, this](DockerJob *) {
                        change(Calls::startContainer(m_client, id), [=, this](DockerJob *) {
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
            change(Calls::stopContainer(m_client, step.container, stopTimeout), [=, this](DockerJob *) {
                if (m_options.atomic) {
                    record({JournalEntry::Kind::Retired, step.container, {}, {}, {}, wasRunning});
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
    drop(QStringLiteral("container"), id, Calls::removeContainer(m_client, id, true), [=, this] {
        record({JournalEntry::Kind::Removed, id});
        runNextStep(service);
    });
}

void AppDeployer::createReplica(const QString &service, const PlanStep &step, std::function<void(const QString &id)> done)
{
    const ServiceConfig *s = m_project.service(service);
    auto body = createBody(m_project, *s, step.number, configHash(m_project, service), m_deployment);
    if (!body)
        return fail(body.error());
    Backends::DockerClient *client = m_client;
    create(QStringLiteral("container"), step.name, *body, [client](const QString &name) { return Calls::createContainer(client, name); },
           [=, this](const QString &id) {
               record({JournalEntry::Kind::Created, id, step.name, service});
               connectExtraNetworks(service, id, 0, [done, id] { done(id); });
           }, [=, this](const Error &e, bool fromDaemon) {
               // the daemon's error says which container; a refusal or an abandoned create speaks for itself
               fail(fromDaemon ? Error::make(e.kind, tr("%1: %2").arg(step.name, e.message), e.httpStatus) : e);
           });
}

void AppDeployer::connectExtraNetworks(const QString &service, const QString &id, int index, std::function<void()> done)
{
    const auto extra = extraNetworks(m_project, *m_project.service(service));
    if (index >= extra.size())
        return done();
    const auto &[network, endpoint] = extra[index];
    change(Calls::connectNetwork(m_client, network, id, endpoint), [=, this](DockerJob *) { connectExtraNetworks(service, id, index + 1, done); });
}

QStringList AppDeployer::changedRestartDependencies(const QString &service) const
{
    QStringList out;
    if (const ServiceConfig *s = m_project.service(service))
        for (const Dependency &d : s->dependsOn)
            if (d.restart && m_runs.value(d.service).changed)
                out << d.service;
    return out;
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
        writeJournal(DeployJournal::State::Done);
        Q_EMIT finished({});
        return;
    }
    writeJournal(DeployJournal::State::Failed);
    if (m_options.atomic) {
        Q_EMIT progress(QString(), tr("Rolling back: %1").arg(m_error.message));
        return rollback(int(m_record.entries.size()) - 1);
    }
    Q_EMIT finished(m_error);
}

// atomic and successful: what stepped aside goes now
void AppDeployer::finalize(int index)
{
    using Kind = JournalEntry::Kind;
    for (; index < m_record.entries.size(); ++index) {
        const JournalEntry &e = m_record.entries[index];
        if (e.kind != Kind::Aside && e.kind != Kind::Retired)
            continue;
        m_steps.remove(QStringLiteral("container"), e.id, Calls::removeContainer(m_client, e.id, true), this,
                       [this, index](const Error &, const QString &, DockerJob *) { finalize(index + 1); });
        return;
    }
    writeJournal(DeployJournal::State::Done);
    Q_EMIT finished({});
}

// atomic and failed: undo in reverse, best effort, then say what failed
void AppDeployer::rollback(int index)
{
    using Kind = JournalEntry::Kind;
    if (index < 0) {
        writeJournal(DeployJournal::State::RolledBack);
        Q_EMIT finished(Error::make(m_error.kind, tr("%1 (rolled back: the app is as it was)").arg(m_error.message), m_error.httpStatus));
        return;
    }
    const JournalEntry e = m_record.entries[index];
    auto next = [this, index] { rollback(index - 1); };
    // each undo is tried whatever the one before it answered
    auto run = [this, next](GatedSteps::Send send, std::function<void()> then = {}) {
        m_steps.act(std::move(send), this, [next, then](const Error &, const QString &, DockerJob *) { then ? then() : next(); });
    };
    auto drop = [this, next](const QString &kind, const QString &ref, GatedSteps::Send send) {
        m_steps.remove(kind, ref, std::move(send), this, [next](const Error &, const QString &, DockerJob *) { next(); });
    };
    switch (e.kind) {
    case Kind::Created:
        return drop(QStringLiteral("container"), e.id, Calls::removeContainer(m_client, e.id, true));
    case Kind::Aside:
        return run(Calls::renameContainer(m_client, e.id, e.name), [this, id = e.id, wasRunning = e.wasRunning, run, next] {
            if (wasRunning)
                run(Calls::startContainer(m_client, id));
            else
                next();
        });
    case Kind::Retired:
        if (e.wasRunning)
            return run(Calls::startContainer(m_client, e.id));
        return next();
    case Kind::Started:
        return run(Calls::stopContainer(m_client, e.id, m_options.stopTimeoutSeconds));
    case Kind::Image: {
        // the reference names the image it named before (the new one stays, untagged)
        const auto ref = Backends::ImageRef::parse(e.name);
        if (e.previous.isEmpty() || e.previous == e.id || !ref || ref->tag.isEmpty())
            return next();
        return run(Calls::tagImage(m_client, e.previous, ref->familiarName(), ref->tag));
    }
    case Kind::Network:
    case Kind::Volume: {
        const bool network = e.kind == Kind::Network;
        return drop(JournalEntry::kindName(e.kind), e.name, network ? Calls::removeNetwork(m_client, e.name) : Calls::removeVolume(m_client, e.name));
    }
    case Kind::Restarted:
    case Kind::Removed:
        return next();
    }
    next();
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
        QStringList ids;
        for (const auto &c : o->containers)
            ids << c.id;
        const QList<ObservedContainer> containers = o->containers;
        checkOwned(QStringLiteral("container"), ids, [this, containers, verb, project](const Error &e) {
            if (e.isError())
                return Q_EMIT finished(Error::make(Error::Denied, tr("There is an app \"%1\" on this host that is not yours: %2").arg(project, e.message)));
            actOn(containers, verb, 0, project);
        });
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
            if (Backends::containerState(c.state) != Backends::ContainerState::Running) {
                oneDone();
                break;
            }
            Q_EMIT progress(c.service, tr("Stopping %1").arg(c.name));
            change(Calls::stopContainer(m_client, c.id, m_options.stopTimeoutSeconds), [oneDone](DockerJob *) { oneDone(); }, onError);
            break;
        case Verb::Start:
            if (Backends::containerState(c.state) == Backends::ContainerState::Running) {
                oneDone();
                break;
            }
            Q_EMIT progress(c.service, tr("Starting %1").arg(c.name));
            change(Calls::startContainer(m_client, c.id), [oneDone](DockerJob *) { oneDone(); }, onError);
            break;
        case Verb::Restart:
            Q_EMIT progress(c.service, tr("Restarting %1").arg(c.name));
            change(Calls::restartContainer(m_client, c.id, m_options.stopTimeoutSeconds), [oneDone](DockerJob *) { oneDone(); }, onError);
            break;
        case Verb::Down:
        case Verb::DownWithVolumes:
            Q_EMIT progress(c.service, tr("Removing %1").arg(c.name));
            change(Calls::stopContainer(m_client, c.id, m_options.stopTimeoutSeconds), [=, this](DockerJob *) {
                drop(QStringLiteral("container"), c.id, Calls::removeContainer(m_client, c.id, true), oneDone, onError);
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
    auto finishWhenDone = [this, remaining, project] {
        if (--*remaining > 0)
            return;
        if (!m_error.isError())
            m_steps.appRemoved(project);
        Q_EMIT finished(m_error);
    };
    auto failed = [this, finishWhenDone](const Error &e) {
        m_error = e;
        finishWhenDone();
    };
    // Only what is the principal's own goes (for an admin: everything labelled with the app).
    auto removeAll = [=, this](const QString &kind, const QStringList &names) {
        ++*remaining;
        checkOwned(kind, names, [=, this](const Error &e) {
            if (e.isError())
                return failed(e);
            const bool network = kind == QLatin1String("network");
            for (const QString &name : names) {
                Q_EMIT progress(QString(), network ? tr("Removing network %1").arg(name) : tr("Removing volume %1").arg(name));
                ++*remaining;
                drop(kind, name, network ? Calls::removeNetwork(m_client, name) : Calls::removeVolume(m_client, name), finishWhenDone, failed);
            }
            finishWhenDone();
        });
    };
    call(m_client->listNetworks(filter), [=, this](DockerJob *j) {
        QStringList networks;
        for (const auto &n : j->json().array())
            networks << n.toObject().value(QLatin1String("Name")).toString();
        removeAll(QStringLiteral("network"), networks);
        if (verb == Verb::DownWithVolumes) {
            ++*remaining;
            call(m_client->listVolumes(filter), [=](DockerJob *v) {
                QStringList volumes;
                for (const auto &vol : v->json().object().value(QLatin1String("Volumes")).toArray())
                    volumes << vol.toObject().value(QLatin1String("Name")).toString();
                removeAll(QStringLiteral("volume"), volumes);
                finishWhenDone();
            }, failed);
        }
        finishWhenDone();
    }, failed);
}

} // namespace Wharf::Models::Apps
