#pragma once

#include "servicespec.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace Wharf::Models::Services {

// One replica as the host shows it (GET /containers/json).
struct Replica
{
    QString id;
    QString name;
    QString service;
    QString tenant; // io.wharf.tenant: whose (the gate labels a tenant's containers)
    int number = 0;
    QString configHash;
    QString deployment;
    QString state;  // created, running, paused, restarting, exited, dead, removing
    QString health; // empty (no check), starting, healthy, unhealthy
    QString address; // on the services' network
    qint64 created = 0;

    bool alive() const { return state == QLatin1String("running") || state == QLatin1String("restarting") || state == QLatin1String("paused"); }
    // Ready for traffic: running, and healthy when it has a check.
    bool ready() const { return state == QLatin1String("running") && (health.isEmpty() || health == QLatin1String("healthy")) && !address.isEmpty(); }
    static Replica fromListEntry(const QJsonObject &entry, const QString &network);
    // A service's replicas in a container list (those with a replica number), by number and
    // then age, with their addresses on network.
    static QList<Replica> ofService(const QJsonArray &containers, const QString &service, const QString &network);
    QJsonObject toJson() const;
};

// What the reconciler does next for one service, from its desired state and its replicas.
struct ServicePlan
{
    QList<Replica> failed;   // exited, dead, or unhealthy past the grace period: removed and replaced
    QList<int> create;       // replica numbers to create with the current configuration
    QList<Replica> surplus;  // beyond the replica count, or a second of one number: drained and removed
    QList<Replica> outdated; // another configuration: rolled out (by number)
    QList<Replica> starting; // current but not ready yet: waited for
    QList<Replica> pool;     // ready now: what the router serves

    bool converged() const { return failed.isEmpty() && create.isEmpty() && surplus.isEmpty() && outdated.isEmpty() && starting.isEmpty(); }
    QString summary() const;
};

// unhealthySince: when each replica (by id) was first seen unhealthy (ms, the caller's clock).
ServicePlan planService(const ServiceSpec &spec, const QList<Replica> &observed, const QHash<QString, qint64> &unhealthySince, qint64 nowMs);

} // namespace Wharf::Models::Services
