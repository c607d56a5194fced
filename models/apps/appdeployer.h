#pragma once

#include "appimages.h"
#include "appplan.h"
#include "deployjournal.h"
#include "docker/dockerclient.h"
#include "operations/operations.h"
#include "tenancy/policygate.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace Wharf::Models::Apps {

// Where a deploy of the app writes its journal: the data folder's deploys/APP.json.
QString deployJournalPath(const QString &project);

struct DeployOptions
{
    bool atomic = false; // on failure, put everything back as it was
    QString journalPath; // where the journal of this deploy is written (none: not written)
    int healthTimeoutMs = 180000; // how long service_healthy waits
    int stopTimeoutSeconds = -1; // -1: the container's own (stop_grace_period, else 10 s)
    bool build = false; // plan: build every service with a build:, not only missing images
    bool pull = false;  // plan: pull every image that is not built, not only missing ones
};


// Observes an app on a host, plans and applies a deploy, and stops, starts or removes it.
// Networks and volumes first, then services in dependency order, independent ones side by
// side; a changed service's new container is created before its old one goes. Every
// container is created with its labels, so nothing of ours is ever without them.
class AppDeployer : public QObject
{
    Q_OBJECT
public:
    AppDeployer(Backends::DockerClient *client, QObject *parent = nullptr);

    // How every change of a deploy passes the policy gate (Operations::steps); the default, no
    // gate, runs with the host's own rights.
    void setSteps(GatedSteps steps);
    void setOptions(const DeployOptions &options) { m_options = options; }
    void setRegistryAuth(RegistryAuthFor auth) { m_registryAuth = std::move(auth); }
    // The logins builds send for their base images (none: builds go without).
    void setRegistryLogins(RegistryLoginsAll logins) { m_registryLogins = std::move(logins); }

    // What the host runs of the app `project` (all containers, its networks and volumes).
    void observe(const QString &project, std::function<void(const Backends::Expected<ObservedApp> &)> done);
    // observe + planDeploy
    void plan(const Backends::Compose::Project &project, std::function<void(const Backends::Expected<DeployPlan> &)> done);
    // Applies a plan made for project; finished() tells how it went.
    void apply(const Backends::Compose::Project &project, const DeployPlan &plan);

    enum class Verb { Stop, Start, Restart, Down, DownWithVolumes };
    // stop/start/restart/down an app by its name, from what the host has (no file needed)
    void act(const QString &project, Verb verb);

    // Stops a deploy or an app action: the pull or build under way is aborted, nothing new is
    // started, what is in flight ends, and then it finishes with Error::Canceled (an atomic
    // deploy puts everything back first). Nothing once it has finished.
    void cancel();

    QString deploymentId() const { return m_deployment; }
    // What this deploy did so far (also written to DeployOptions::journalPath).
    const DeployJournal &record() const { return m_record; }
    QJsonObject journal() const { return m_record.toJson(); }

Q_SIGNALS:
    void progress(const QString &service, const QString &message);
    void finished(const Backends::Error &error);

private:
    struct ServiceRun
    {
        enum State { Waiting, Running, Done, Failed } state = Waiting;
        QList<PlanStep> steps;
        int next = 0;
        bool healthy = false;
        bool completed = false;
        bool waitingHealth = false;
        bool waitingCompletion = false;
        bool changed = false; // a container of it was created, recreated, started, restarted or removed
        QStringList containers; // the ids the service ends with
    };

    void call(Backends::DockerJob *job, std::function<void(Backends::DockerJob *)> ok, std::function<void(const Backends::Error &)> failed = {});
    // The gated steps (m_steps), counted in flight like the daemon calls of call().
    using Send = GatedSteps::Send;
    void change(Send send, std::function<void(Backends::DockerJob *)> ok, std::function<void(const Backends::Error &)> failed = {});
    void drop(const QString &kind, const QString &ref, Send send, std::function<void()> ok, std::function<void(const Backends::Error &)> failed = {});
    void create(const QString &kind, const QString &name, const QJsonObject &body, std::function<Send(const QString &name)> send,
                std::function<void(const QString &id)> done, std::function<void(const Backends::Error &, bool fromDaemon)> failed);
    void checkOwned(const QString &kind, const QStringList &refs, std::function<void(const Backends::Error &)> done);
    void createResource(const PlanStep &step, const QJsonObject &body);
    void runImage(const PlanStep &step);
    // The image of step is there (id): the containers of its services that run another one are recreated.
    void imageReady(const PlanStep &step, const QString &id);
    void fail(const Backends::Error &error);
    void runInfrastructure();
    void schedule();
    void runNextStep(const QString &service);
    void serviceDone(const QString &service);
    // The dependencies with depends_on.restart whose containers changed in this deploy (their
    // dependent's running containers are restarted).
    QStringList changedRestartDependencies(const QString &service) const;
    void removeOld(const QString &service, const QString &id);
    void createReplica(const QString &service, const PlanStep &step, std::function<void(const QString &id)> done);
    void connectExtraNetworks(const QString &service, const QString &id, int index, std::function<void()> done);
    void waitHealthy(const QString &service);
    void waitCompleted(const QString &service);
    void record(const JournalEntry &entry);
    void writeJournal(DeployJournal::State state);
    void finishApply();
    void rollback(int index);
    void finalize(int index);
    void actOn(const QList<ObservedContainer> &containers, Verb verb, int index, const QString &project);
    void afterContainers(Verb verb, const QString &project);

    QPointer<Backends::DockerClient> m_client;
    GatedSteps m_steps;
    QList<QPointer<Backends::DockerJob>> m_imageJobs; // pulls and builds under way
    DeployOptions m_options;
    RegistryAuthFor m_registryAuth;
    RegistryLoginsAll m_registryLogins;
    Backends::Compose::Project m_project;
    DeployPlan m_plan;
    QHash<QString, ServiceRun> m_runs;
    int m_infraIndex = 0;
    int m_inFlight = 0;
    bool m_failed = false;
    bool m_done = false;
    Backends::Error m_error;
    QString m_deployment;
    DeployJournal m_record;
    QList<std::shared_ptr<std::function<void()>>> m_healthPolls;
};

} // namespace Wharf::Models::Apps
