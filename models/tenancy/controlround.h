#pragma once

#include "meter.h"

#include "docker/endpoint.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <memory>

namespace Wharf::Models {

// One round of a host's control loops on one daemon: metering, then the quota counters put
// right from what the daemon runs. The console's control loop and `wharfctl controller` run
// it for the hosts whose lease they hold, and then for the tenants' own daemons there.
//
// On a daemon of one tenant's own (its rootless daemon, a host dedicated to it) everything is
// that tenant's: what the tenant made there without Wharf is adopted first (with its own
// limits, or the daemon cgroup's when it has none), so that it is metered, billed and counted
// against the plan like the rest.
class ControlRound : public QObject
{
    Q_OBJECT
public:
    struct Report
    {
        QString host;
        QString tenant; // a tenant's own daemon: whose
        Backends::Expected<MeterReport> meter = Backends::Error::make(Backends::Error::Canceled, QString());
        Backends::Expected<ReconcileReport> reconcile = Backends::Error::make(Backends::Error::Canceled, QString());
        // A tenant's rootless daemon: what its cgroup uses, read from the kernel by Wharf's
        // helper over the admin's way in to the host (recorded with the endpoint).
        std::optional<Backends::Expected<Backends::TenantEndpoint::Usage>> cgroup;
        bool ok() const { return meter.hasValue() && reconcile.hasValue() && (!cgroup || cgroup->hasValue()); }
    };
    // At most this many containers made without Wharf are inspected for their limits in one
    // round; the rest wait for the next.
    static constexpr int MaxInspections = 200;

    ControlRound(Backends::DockerClient *client, const QString &host, std::shared_ptr<Backends::TenancyStore> tenancy, QObject *parent = nullptr);
    // Where the database steps run (Meter::Runner); by default right here.
    void setRunner(Meter::Runner runner) { m_runner = std::move(runner); }
    void setOwner(const QuotaReconciler::Owner &owner) { m_owner = owner; }
    void run(std::function<void(const Report &)> done);

    // The tenants' own daemons on a host as the admin reaches them: the admin's way in to the
    // host (its SSH login, this machine's socket) to each daemon's socket, under the daemon's
    // host key, with the tenant as owner. A TCP host has no way in to a socket: an error each.
    struct Daemon
    {
        Backends::TenantEndpoint endpoint;
        Backends::Expected<Backends::Endpoint> address = Backends::Error::make(Backends::Error::Input, QString());
        QuotaReconciler::Owner owner;
        Backends::Endpoint admin; // where the helper runs (rootless daemons' cgroups)
    };
    static QList<Daemon> tenantDaemons(const Backends::Endpoint &admin, const QString &host, const QList<Backends::TenantEndpoint> &all);

private:
    void db(std::function<void()> work, std::function<void()> next);
    void adoptThenMeter();
    void inspectThenAdopt(const QJsonArray &containers, const QSet<QString> &recorded);
    void meterThenReconcile();
    void reconcile(const QJsonArray &containers, bool adopt, std::function<void()> next);
    void finish();
    Backends::DockerClient *m_client;
    QString m_host;
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
    Meter::Runner m_runner;
    QuotaReconciler::Owner m_owner;
    Report m_report;
    std::function<void(const Report &)> m_done;
};

// Runs the rounds of a host's tenants' daemons one after the other, each on a connection of
// its own that goes when its round is done.
class TenantDaemonRounds : public QObject
{
    Q_OBJECT
public:
    TenantDaemonRounds(std::shared_ptr<Backends::TenancyStore> tenancy, Meter::Runner runner, QObject *parent = nullptr);
    void run(const QList<ControlRound::Daemon> &daemons, std::function<void(const ControlRound::Report &)> each, std::function<void()> done);

private:
    void next();
    void readCgroup(const ControlRound::Daemon &d, ControlRound::Report report);
    void ended(const ControlRound::Report &report);
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
    Meter::Runner m_runner;
    QList<ControlRound::Daemon> m_daemons;
    std::function<void(const ControlRound::Report &)> m_each;
    std::function<void()> m_done;
};

} // namespace Wharf::Models
