#pragma once

#include "money.h"
#include "core/clock.h"
#include "store.h"

#include <QDateTime>

namespace Wharf::Backends {

// A plan (套餐): what a tenant may use at once, and what it costs.
struct Plan
{
    QString name;
    int maxContainers = 0;
    qint64 cpusNano = 0;     // CPUs of all containers together, in nano-CPUs
    qint64 memoryBytes = 0;  // memory of all containers together
    qint64 diskBytes = 0;    // volumes together; 0: not limited
    QString bandwidthNote;
    Money priceHour;         // flat, per hour subscribed
    Money priceMonth;        // flat, per calendar month subscribed (instead of priceHour when set)
    Money cpuPriceHour;      // per CPU-hour allocated to running containers
    Money memoryPriceGibHour; // per GiB-hour allocated to running containers
    Money diskPriceGibDay;   // per GiB-day of volume data
    bool freeTier = false;   // usage is metered and shown, never charged
    int maxPids = 0;         // processes (threads) of all containers together; 0: not limited
    int revision = 0;        // bumped by every change (two admins editing the same plan)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct Tenant
{
    QString name;
    QString displayName;
    QString email;
    QString phone;
    QString state = QStringLiteral("active"); // active | suspended
    QString plan;                              // the current subscription's plan
    qint64 createdAt = 0;
};

struct QuotaUsage
{
    int containers = 0;
    qint64 cpusNano = 0;
    qint64 memoryBytes = 0;
    qint64 diskBytes = 0;
    bool operator==(const QuotaUsage &) const = default;
};

struct HostDomain
{
    QString host;
    QString domain; // public | private
    QString tenant; // for private hosts
};

// Where a tenant reaches its own daemon: a rootless daemon of its Unix user on a shared host,
// or a whole host dedicated to it. The address (url) is what the tenant's console is given;
// the limits are those its cgroup was given when it was provisioned.
struct TenantEndpoint
{
    QString tenant;
    QString host;     // the host as the admin knows it (saved name or address)
    QString kind = QStringLiteral("rootless"); // rootless | dedicated
    QString unixUser; // rootless: the tenant's Unix user on the host
    QString url;      // ssh://user@host:port/path/to/docker.sock
    QString root;     // rootless: the folder that holds the tenants' homes on the host
    qint64 memoryBytes = 0;
    qint64 cpusNano = 0;
    int pids = 0;
    qint64 createdAt = 0;
    // What its cgroup used when the admin's controller last read it (rootless daemons).
    struct Usage
    {
        qint64 memoryBytes = 0;
        qint64 peakMemoryBytes = 0; // since the cgroup was made, where the kernel keeps it
        qint64 cpuMicros = 0;       // CPU time used since the cgroup was made
        int pids = 0;
        qint64 at = 0;              // when it was read (0: never)
    } usage;
    // The name the tenant's hosts know it by ("TENANT@host", with ":port" when not 22): the
    // host key of what the tenant makes there, in the tenant's private domain. Never the
    // admin's own name for the host.
    QString hostKey() const;
    // The daemon's socket on the host (the path of the address).
    QString socket() const;
};

// A resource a tenant owns (or has reserved quota for, before the daemon made it).
struct OwnedResource
{
    qint64 id = 0;
    QString tenant;
    QString host;
    QString kind; // container | service | app | volume
    QString ref;  // the engine's id (empty while only reserved)
    QString name;
    QString state; // reserved | active
    qint64 cpusNano = 0;
    qint64 memoryBytes = 0;
    qint64 diskBytes = 0;
    qint64 createdAt = 0;
};

struct User
{
    QString name;
    QString tenant; // empty: an admin
    QString role;   // admin | member
    QString dbRole; // the PostgreSQL login role
    qint64 createdAt = 0;
};

struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0;
    QString actor;
    QString tenant;
    QString host;
    QString action;
    QString target;
    QString result; // ok | denied | failed
    QString detail;
};

struct AuditFilter
{
    QString tenant;
    QString actor;
    QString action; // prefix
    QString host;
    qint64 since = 0;
    qint64 until = 0;
    int limit = 1000;
};

struct Subscription
{
    QString tenant;
    QString plan;
    qint64 validFrom = 0;
    qint64 validTo = 0; // 0: open
};

// The tenancy tables: plans, tenants, subscriptions, quota counters, host domains, resource
// ownership and the audit log. Every write that must not be half done runs in one transaction.
class TenancyStore
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::TenancyStore)
public:
    explicit TenancyStore(std::shared_ptr<Store> store);
    // What time it is for the records this store writes (reservations, audit, subscriptions);
    // the system's clock unless a test sets one (it must outlive the store).
    void setClock(const Clock *clock) { m_clock = clock; }
    const Clock *clock() const { return m_clock; }
    Store *store() const { return m_store.get(); }
    std::shared_ptr<Store> sharedStore() const { return m_store; }

    static Error checkName(const QString &what, const QString &name);
    static Error checkPlan(const Plan &p);

    // Plans
    Error createPlan(const Plan &p);
    // Fails with Conflict when the plan changed since it was read (its revision moved on).
    Error updatePlan(const Plan &p);
    Expected<QList<Plan>> plans();
    Expected<Plan> plan(const QString &name);
    // Refused while a tenant subscribes to it.
    Error removePlan(const QString &name);

    // Tenants
    Error createTenant(const Tenant &t);
    Expected<QList<Tenant>> tenants();
    Expected<Tenant> tenant(const QString &name);
    Error setTenantState(const QString &name, const QString &state);
    Error updateTenantContact(const Tenant &t);
    // Ends the current subscription and starts one to plan (now).
    Error assignPlan(const QString &tenant, const QString &plan);
    Expected<QList<Subscription>> subscriptions(const QString &tenant);
    // Refused while the tenant owns resources (unless force, which drops the records only).
    Error removeTenant(const QString &name, bool force = false);

    // PostgreSQL: the login role a tenant's console connects with (wharf_t_<tenant>, a member
    // of wharf_tenant, so row-level security shows it its own rows only).
    static QString roleOf(const QString &tenant) { return QStringLiteral("wharf_t_") + tenant; }
    Error createTenantRole(const QString &tenant, const QString &password);
    Error dropTenantRole(const QString &tenant);
    // People with login roles of their own (PostgreSQL): a tenant's member signs in as
    // wharf_t_<tenant>.<name> (confined to the tenant), an admin as wharf_a_<name>. Each is
    // named in the audit log as itself. tenant empty: an admin.
    static QString memberRoleOf(const QString &tenant, const QString &name)
    {
        if (tenant.isEmpty())
            return QStringLiteral("wharf_a_") + name;
        return roleOf(tenant) + QLatin1Char('.') + name;
    }
    Error createUser(const QString &name, const QString &tenant, const QString &password);
    Expected<QList<User>> users(const QString &tenant = {});
    Error removeUser(const QString &name);
    // The tenant this connection is confined to (PostgreSQL tenant roles), else empty.
    Expected<QString> connectedTenant();

private:
    Error createLoginRole(const QString &role, const QString &memberOf, const QString &password);
    Error dropLoginRole(const QString &role);

public:

    // Quota
    Expected<QuotaUsage> usage(const QString &tenant);
    // Reserves quota for one resource, atomically against concurrent reservations. Fails with
    // a Quota error naming the limit, or Denied for a suspended tenant or one without a plan.
    Expected<qint64> reserve(const QString &tenant, const QString &host, const QString &kind, const QString &name,
                             qint64 cpusNano, qint64 memoryBytes, qint64 diskBytes = 0);
    // The daemon made it: record its id.
    Error activate(qint64 reservation, const QString &ref, const QString &name = {});
    // Gives the quota back (the request failed, or the resource is gone).
    Error release(qint64 reservation);
    Expected<OwnedResource> owned(const QString &host, const QString &refOrName, const QString &kind = QStringLiteral("container"));
    Expected<QList<OwnedResource>> resources(const QString &tenant = {}, const QString &host = {});
    // Sets the counters to what the resources rows say; returns the counters before.
    Expected<QuotaUsage> recount(const QString &tenant);
    // Updates a resource's allocation (a container's limits changed, a volume's measured size).
    Error resize(qint64 id, qint64 cpusNano, qint64 memoryBytes, qint64 diskBytes);
    // A container's limits change (docker update): reserves the growth atomically against the
    // plan, like reserve(), and gives a shrink back. -1 keeps a value. With enforce false (an
    // admin's change) the counters follow without a quota check. Returns the resource as it
    // was, so a refused request can be undone with the old values.
    Expected<OwnedResource> regrow(qint64 id, qint64 cpusNano, qint64 memoryBytes, bool enforce = true);
    Error adopt(const OwnedResource &r);

    // Host domains
    Error setHostDomain(const HostDomain &d);
    Error removeHostDomain(const QString &host);
    Expected<QList<HostDomain>> hostDomains();
    // The domain of a host; an unknown host has an empty domain.
    Expected<HostDomain> hostDomain(const QString &host);

    // Tenants' endpoints: one per tenant and host; a dedicated host has one tenant only.
    Error setEndpoint(TenantEndpoint e);
    // Whether e may be recorded (before the host is changed for it): a dedicated host serves
    // one tenant only.
    Error checkEndpoint(const TenantEndpoint &e);
    Error removeEndpoint(const QString &tenant, const QString &host);
    // All tenants' (empty tenant) or one's.
    Expected<QList<TenantEndpoint>> endpoints(const QString &tenant = {});
    Expected<TenantEndpoint> endpoint(const QString &tenant, const QString &host);
    // What the controller read from the endpoint's cgroup (stamped with the store's clock).
    Error setEndpointUsage(const QString &tenant, const QString &host, TenantEndpoint::Usage usage);

    // Audit
    Error audit(AuditEntry e);
    // A change and its record commit together or not at all (e's result is set: ok); a change
    // that failed is recorded as failed after its rollback.
    Error audited(AuditEntry e, const std::function<Error()> &change);
    Expected<QList<AuditEntry>> auditLog(const AuditFilter &f);

    static QString quotaMessage(const QString &tenant, const Plan &p, const QuotaUsage &used, int addContainers,
                                qint64 addCpus, qint64 addMemory, qint64 addDisk);

private:
    Expected<Plan> currentPlanLocked(const QString &tenant, QString *state);
    std::shared_ptr<Store> m_store;
    const Clock *m_clock = Clock::system();
};

} // namespace Wharf::Backends
