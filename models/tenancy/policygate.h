#pragma once

#include "docker/containerspec.h"
#include "store/tenancystore.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>

namespace Wharf::Models {

// Who makes a request: an admin (tenant empty), or someone acting within a tenant.
struct Principal
{
    QString user;
    QString tenant;
    bool isTenant() const { return !tenant.isEmpty(); }
};

// A quota reservation that the request holds until the daemon answered.
struct Admission
{
    qint64 reservation = 0; // 0: nothing reserved (an admin's request)
    QString host;
    QString action;
    QString target;
    // A change of limits: the resource record and its allocation before, to undo a refusal.
    qint64 resource = 0;
    qint64 previousCpus = -1;
    qint64 previousMemory = -1;
};

// The one gate every mutating request passes, from every entry point (console, wharfctl,
// deploys, scaling). For a tenant it checks that the host is in the tenant's domain or the
// public one, that the resource is the tenant's own, denies dangerous options by name, and
// reserves quota before the request reaches the daemon. Every decision goes into the audit log.
class PolicyGate
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::PolicyGate)
public:
    static constexpr const char *TenantLabel = "io.wharf.tenant";
    static constexpr const char *ManagedLabel = "io.wharf.managed-by";
    // A tenant's container's processes when its plan sets none.
    static constexpr qint64 DefaultTenantPids = 1024;

    PolicyGate(std::shared_ptr<Backends::TenancyStore> store, Principal who);
    const Principal &principal() const { return m_who; }
    Backends::TenancyStore *store() const { return m_store.get(); }

    // The options a tenant may not use, named (empty when the body is fine). Pure; no database.
    static QString deniedOption(const QJsonObject &createBody);
    // An exec in a container of the tenant's own: no --privileged (none for an admin). Pure.
    Backends::Error checkExec(const QJsonObject &execBody) const;
    // Whether the principal may work on this host.
    Backends::Error checkHost(const QString &host);
    // A container create: checks, fills in the tenant's label and (when the request has none)
    // limits of a fair share of the plan, and reserves quota. The body is changed in place.
    Backends::Expected<Admission> admitContainer(const QString &host, QJsonObject &body, const QString &name);
    // A tenant's published ports on a shared host: on loopback only (the edge router makes
    // services public) and never below 1024 (the router's). A host of the tenant's own
    // (private domain) is the tenant's to open. Pure but for the host's domain.
    Backends::Error checkPublished(const QString &host, const QJsonObject &createBody);
    // A volume create: the local driver without options (they can mount host folders), the
    // tenant's label, and an ownership record (its size counts against the disk quota once
    // metered).
    Backends::Expected<Admission> admitVolume(const QString &host, QJsonObject &body);
    // A network create: for a tenant a plain bridge (no driver options, no addresses of its
    // own), labelled and recorded as the tenant's, so only its containers may join it.
    Backends::Expected<Admission> admitNetwork(const QString &host, QJsonObject &body);
    // An app deployed by a tenant is recorded as its own under its name on the host (none for
    // an admin); an app of the name that is someone else's is refused.
    Backends::Error claimApp(const QString &host, const QString &name);
    // The app is gone: its record goes (no audit record of its own; the app's action has one).
    void appRemoved(const QString &host, const QString &name);
    // A change of a container's limits (docker update): for a tenant only memory, CPUs and the
    // restart policy, positive, the growth reserved against the plan. An admin's change of a
    // tenant's container moves the tenant's counters without a quota check.
    Backends::Expected<Admission> admitUpdate(const QString &host, const QString &ref, const QJsonObject &update);
    // The daemon answered: the container id, or the error (which releases the reservation).
    void settle(const Admission &a, const QString &containerId, const Backends::Error &error);
    // The principal may act on this container (start, stop, logs, exec, remove…).
    Backends::Error checkOwned(const QString &host, const QString &ref, const QString &kind = QStringLiteral("container"));
    // After a successful removal: gives its quota back (whoever removed it) and records it.
    // target: what the record names (the ref when empty).
    void removed(const QString &host, const QString &ref, const QString &kind = QStringLiteral("container"), const QString &target = {});
    // Builds and imports: tenants may not have the daemon fetch remote URLs.
    Backends::Error checkRemoteSource(const QString &what, const QString &source);
    // Names a tenant's build or import gives an image on a shared daemon: under the tenant's
    // own namespace (TENANT/…, on any registry) or an app of its own's (APP-SERVICE, compose's
    // default), never a name other tenants' containers use (busybox, nginx:latest). A host of
    // the tenant's own (private domain) is free. Recorded when refused.
    Backends::Error checkImageName(const QString &action, const QString &host, const QString &name);
    // Any other action the principal may not take as a tenant (recorded as denied).
    Backends::Error denyForTenant(const QString &action);
    // The same refusal without its audit record (none for an admin). Pure; no database.
    Backends::Error tenantDenial(const QString &action) const;

    // One audit record for this principal.
    void audit(const QString &action, const QString &host, const QString &target, const QString &result, const QString &detail = {});

private:
    // The host is in the tenant's private domain (its own, a dedicated host).
    bool isOwnHost(const QString &host);
    // The host is the tenant's own rootless daemon on a shared host (by its host key).
    bool isOwnRootlessDaemon(const QString &host);
    Backends::Expected<Admission> reserveResource(Admission a, const QString &kind, QJsonObject &body);
    Backends::Error deny(const QString &action, const QString &host, const QString &target, const Backends::Error &why);
    std::shared_ptr<Backends::TenancyStore> m_store;
    Principal m_who;
};

} // namespace Wharf::Models
