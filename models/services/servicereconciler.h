#pragma once

#include "edgerouter.h"
#include "serviceplan.h"

#include "docker/dockerclient.h"
#include "operations/operations.h"
#include "store/servicestore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Wharf::Models::Services {

// One pass's outcome for one service.
struct ServiceState
{
    ServiceSpec spec;
    Backends::ServiceRecord record;
    ServicePlan plan;
    QList<Replica> replicas;
    int monitoring = 0; // old replicas kept while their successors are watched (the monitor period)
    int ready() const { return int(plan.pool.size()); }
};

// Makes a host run what the database says of its services. Each pass reads the services'
// desired state, lists their replicas (labels io.wharf.service, io.wharf.replica,
// io.wharf.config-hash), plans each service (planService) and takes one step towards it:
//
//   the router's pool is set to the ready replicas (one reload, confirmed), then
//   what failed is removed, what is missing created, what left the pool removed once drained,
//   and a changed configuration rolled out a batch at a time (start-first: the new replica
//   is ready before the old one leaves; stop-first the other way round).
//
// Passes repeat quickly while something is under way and every few seconds otherwise, so a
// replica removed behind Wharf's back comes back within one interval. Everything it changes
// goes through the host's gated steps (policy, quota, audit); it never writes the desired
// state, except to roll back a failed update when the service asks for that.
class ServiceReconciler : public QObject
{
    Q_OBJECT
public:
    ServiceReconciler(Backends::DockerClient *client, const QString &host, GatedSteps steps, QObject *parent = nullptr);

    void setInterval(int ms) { m_idleMs = ms; }
    // The gated steps for a tenant's services: its replicas and network are made as the tenant
    // (its labels, its quota, its records). Without it every service goes through the steps
    // given to the constructor (the router always does).
    void setTenantSteps(std::function<GatedSteps(const QString &tenant)> stepsFor) { m_tenantSteps = std::move(stepsFor); }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Passes until stop(): quickly while something is under way, at the interval otherwise.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // One pass now (or right after the one under way).
    void passNow();
    // The states of the last pass.
    const QList<ServiceState> &states() const { return m_states; }
    // The router's configuration for the services' present pools (what the last pass applied).
    QString routerConfig() const { return m_config; }
    EdgeRouter *router() const { return m_router; }
    bool converged() const { return m_converged; }

    // Starting replicas that take longer than this count as failed (their start period and
    // health check retries come on top).
    static constexpr int StartTimeoutMs = 60000;

Q_SIGNALS:
    // replica started, replica ready, unhealthy, replaced, removed, scaled, updated, rolled back, …
    void event(const QString &service, const QString &kind, const QString &message);
    void failed(const QString &service, const QString &message);
    void passed(bool converged);

private:
    struct Pass;
    void runPass();
    void observed(std::shared_ptr<Pass> pass);
    void act(std::shared_ptr<Pass> pass);
    void actOn(std::shared_ptr<Pass> pass, ServiceState &s);
    void createReplica(std::shared_ptr<Pass> pass, const ServiceSpec &spec, int number, const QString &generation);
    void retire(std::shared_ptr<Pass> pass, const Replica &r, bool drain, const QString &why);
    void ensureNetwork(std::shared_ptr<Pass> pass, const ServiceSpec &spec, std::function<void(const Backends::Error &)> done);
    void step(std::shared_ptr<Pass> pass); // one piece of the pass ended
    void endPass(std::shared_ptr<Pass> pass);
    void status(const ServiceState &s, const QString &status, const QString &message);
    qint64 now() const { return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch(); }

    QPointer<Backends::DockerClient> m_client;
    QString m_host;
    GatedSteps m_steps;
    EdgeRouter *m_router;
    QTimer m_timer;
    std::function<qint64()> m_now;
    std::function<GatedSteps(const QString &tenant)> m_tenantSteps;
    GatedSteps stepsFor(const QString &tenant) const { return !tenant.isEmpty() && m_tenantSteps ? m_tenantSteps(tenant) : m_steps; }
    int m_idleMs = 2000;
    int m_busyMs = 300;
    bool m_running = false;
    bool m_inPass = false;
    bool m_again = false;
    bool m_converged = false;
    QList<ServiceState> m_states;
    QString m_config;
    QSet<QString> m_networks;               // known to exist
    QHash<QString, qint64> m_unhealthySince; // replica id -> when first seen unhealthy
    QHash<QString, qint64> m_leftPoolAt;     // replica id -> when the router let it go
    QHash<QString, qint64> m_readySince;     // replica id -> when it was first seen ready
    QSet<QString> m_removing;                // replica ids being removed
    QSet<QString> m_retiring;                // stop-first updates: out of the pool before their successor
    QHash<QString, qint64> m_batchDoneAt;    // service -> when its last update batch ended
    QHash<QString, int> m_failures;          // service@hash -> replicas of it that failed
    QHash<QString, QString> m_paused;        // service -> the hash whose rollout is paused
};

} // namespace Wharf::Models::Services
