#include "policygate.h"

#include <QJsonArray>

namespace Wharf::Models {

using namespace Backends;

namespace {
bool isHostPath(const QString &source)
{
    return source.startsWith(QLatin1Char('/')) || source.startsWith(QLatin1Char('.')) || source.startsWith(QLatin1Char('~'))
        || (source.size() > 1 && source.at(1) == QLatin1Char(':')); // C:\…
}
// The daemon's own networks, open to every container (host is refused on its own).
bool isSharedNetwork(const QString &name)
{
    return name.isEmpty() || name == QLatin1String("default") || name == QLatin1String("bridge") || name == QLatin1String("none")
        || name == QLatin1String("host") || name.startsWith(QLatin1String("container:"));
}
} // namespace

PolicyGate::PolicyGate(std::shared_ptr<TenancyStore> store, Principal who)
    : m_store(std::move(store))
    , m_who(std::move(who))
{
}

QString PolicyGate::deniedOption(const QJsonObject &body)
{
    const QJsonObject host = body.value(QLatin1String("HostConfig")).toObject();
    if (host.value(QLatin1String("Privileged")).toBool())
        return QStringLiteral("--privileged");
    for (const auto &b : host.value(QLatin1String("Binds")).toArray()) {
        const QString source = b.toString().section(QLatin1Char(':'), 0, 0);
        if (isHostPath(source))
            return QStringLiteral("-v %1 (a host folder)").arg(b.toString());
    }
    for (const auto &m : host.value(QLatin1String("Mounts")).toArray()) {
        const QJsonObject o = m.toObject();
        if (o.value(QLatin1String("Type")).toString() == QLatin1String("bind"))
            return QStringLiteral("--mount type=bind,source=%1").arg(o.value(QLatin1String("Source")).toString());
    }
    const QString network = host.value(QLatin1String("NetworkMode")).toString();
    if (network == QLatin1String("host") || network.startsWith(QLatin1String("container:")))
        return QStringLiteral("--network %1").arg(network);
    for (const char *key : {"PidMode", "IpcMode", "UTSMode", "UsernsMode", "CgroupnsMode"}) {
        const QString v = host.value(QLatin1String(key)).toString();
        if (v == QLatin1String("host") || v.startsWith(QLatin1String("container:")))
            return QStringLiteral("%1 %2").arg(QLatin1String(key), v);
    }
    if (!host.value(QLatin1String("Devices")).toArray().isEmpty())
        return QStringLiteral("--device");
    if (!host.value(QLatin1String("DeviceRequests")).toArray().isEmpty())
        return QStringLiteral("--gpus");
    if (!host.value(QLatin1String("CapAdd")).toArray().isEmpty())
        return QStringLiteral("--cap-add %1").arg(host.value(QLatin1String("CapAdd")).toArray().first().toString());
    for (const auto &s : host.value(QLatin1String("SecurityOpt")).toArray())
        if (s.toString().contains(QLatin1String("unconfined")))
            return QStringLiteral("--security-opt %1").arg(s.toString());
    if (!host.value(QLatin1String("VolumesFrom")).toArray().isEmpty())
        return QStringLiteral("--volumes-from");
    const QJsonObject labels = body.value(QLatin1String("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.key().startsWith(QLatin1String(ContainerSpec::ReservedLabelPrefix)))
            return QStringLiteral("--label %1 (reserved)").arg(it.key());
    return {};
}

void PolicyGate::audit(const QString &action, const QString &host, const QString &target, const QString &result, const QString &detail)
{
    AuditEntry e;
    e.actor = m_who.user;
    e.tenant = m_who.tenant;
    e.host = host;
    e.action = action;
    e.target = target;
    e.result = result;
    e.detail = detail;
    m_store->audit(e); // a failed audit write must not turn a done action into a failure
}

Error PolicyGate::deny(const QString &action, const QString &host, const QString &target, const Error &why)
{
    audit(action, host, target, why.kind == Error::Quota ? QStringLiteral("denied-quota") : QStringLiteral("denied"), why.message);
    return why;
}

Error PolicyGate::checkHost(const QString &host)
{
    if (!m_who.isTenant())
        return {};
    auto d = m_store->hostDomain(host);
    if (!d)
        return d.error();
    if (d->domain == QLatin1String("public") || (d->domain == QLatin1String("private") && d->tenant == m_who.tenant))
        return {};
    return Error::make(Error::Denied, tr("Host %1 is not in the domain of tenant \"%2\" nor in the public domain.").arg(host, m_who.tenant));
}

Expected<Admission> PolicyGate::admitContainer(const QString &host, QJsonObject &body, const QString &name)
{
    Admission a{0, host, QStringLiteral("container.create"), name.isEmpty() ? body.value(QLatin1String("Image")).toString() : name};
    if (!m_who.isTenant())
        return a;
    if (auto e = checkHost(host); e.isError())
        return deny(a.action, host, a.target, e);
    const QString option = deniedOption(body);
    if (!option.isEmpty())
        return deny(a.action, host, a.target,
                    Error::make(Error::Denied, tr("Tenant \"%1\" may not use %2.").arg(m_who.tenant, option)));
    auto t = m_store->tenant(m_who.tenant);
    if (!t)
        return deny(a.action, host, a.target, t.error());
    auto plan = m_store->plan(t->plan);
    if (!plan)
        return deny(a.action, host, a.target, plan.error());
    // Limits: what the request asks, else a fair share of the plan, so the daemon enforces
    // what the quota counts.
    QJsonObject hostConfig = body.value(QLatin1String("HostConfig")).toObject();
    qint64 cpus = hostConfig.value(QLatin1String("NanoCpus")).toInteger();
    qint64 memory = hostConfig.value(QLatin1String("Memory")).toInteger();
    if (cpus <= 0) {
        cpus = plan->cpusNano / std::max(1, plan->maxContainers);
        hostConfig.insert(QStringLiteral("NanoCpus"), cpus);
    }
    if (memory <= 0) {
        memory = plan->memoryBytes / std::max(1, plan->maxContainers);
        hostConfig.insert(QStringLiteral("Memory"), memory);
    }
    // Processes: at most the plan's (or a default for plans without one), so that a fork bomb
    // in one container stops there.
    const qint64 pidsCap = plan->maxPids > 0 ? plan->maxPids : DefaultTenantPids;
    const qint64 pids = hostConfig.value(QLatin1String("PidsLimit")).toInteger();
    if (pids > pidsCap)
        return deny(a.action, host, a.target,
                    Error::make(Error::Denied, tr("Tenant \"%1\" may run at most %2 processes in a container (plan %3), not %4.")
                                                   .arg(m_who.tenant).arg(pidsCap).arg(plan->name).arg(pids)));
    if (pids <= 0)
        hostConfig.insert(QStringLiteral("PidsLimit"), pidsCap);
    body.insert(QStringLiteral("HostConfig"), hostConfig);
    // User-defined networks must be the tenant's own (the daemon's bridge and none are everyone's).
    QStringList networks;
    const QString mode = hostConfig.value(QLatin1String("NetworkMode")).toString();
    if (!isSharedNetwork(mode))
        networks << mode;
    const QJsonObject endpoints = body.value(QLatin1String("NetworkingConfig")).toObject().value(QLatin1String("EndpointsConfig")).toObject();
    for (auto it = endpoints.begin(); it != endpoints.end(); ++it)
        if (!isSharedNetwork(it.key()) && !networks.contains(it.key()))
            networks << it.key();
    for (const auto &n : std::as_const(networks))
        if (auto e = checkOwned(host, n, QStringLiteral("network")); e.isError())
            return deny(a.action, host, a.target, e);
    // Named volumes must be the tenant's own.
    QStringList volumes;
    for (const auto &b : hostConfig.value(QLatin1String("Binds")).toArray())
        volumes << b.toString().section(QLatin1Char(':'), 0, 0);
    for (const auto &m : hostConfig.value(QLatin1String("Mounts")).toArray())
        if (m.toObject().value(QLatin1String("Type")).toString() == QLatin1String("volume"))
            volumes << m.toObject().value(QLatin1String("Source")).toString();
    for (const auto &v : std::as_const(volumes)) {
        if (v.isEmpty())
            continue;
        auto owned = m_store->owned(host, v, QStringLiteral("volume"));
        if (!owned || owned->tenant != m_who.tenant)
            return deny(a.action, host, a.target,
                        Error::make(Error::Denied, tr("Volume \"%1\" is not a volume of tenant \"%2\" on host %3; create it with: wharfctl --tenant %2 volume create %1")
                                                       .arg(v, m_who.tenant, host)));
    }
    QJsonObject labels = body.value(QLatin1String("Labels")).toObject();
    // Compose's project label puts the container in an app (docker compose ls, Wharf's apps):
    // only in an app the tenant holds, never in another tenant's.
    const QString project = labels.value(QLatin1String("com.docker.compose.project")).toString();
    if (labels.contains(QLatin1String("com.docker.compose.project"))) {
        auto app = m_store->owned(host, project, QStringLiteral("app"));
        if (!app || app->tenant != m_who.tenant)
            return deny(a.action, host, a.target,
                        Error::make(Error::Denied, tr("The app \"%1\" on host %2 is not an app of tenant \"%3\"; a container joins an app by its deploy.")
                                                       .arg(project, host, m_who.tenant)));
    }
    labels.insert(QLatin1String(TenantLabel), m_who.tenant);
    labels.insert(QLatin1String(ManagedLabel), QStringLiteral("wharf"));
    body.insert(QStringLiteral("Labels"), labels);
    auto r = m_store->reserve(m_who.tenant, host, QStringLiteral("container"), name, cpus, memory);
    if (!r)
        return deny(a.action, host, a.target, r.error());
    a.reservation = *r;
    return a;
}

Expected<Admission> PolicyGate::admitVolume(const QString &host, QJsonObject &body)
{
    const QString name = body.value(QLatin1String("Name")).toString();
    Admission a{0, host, QStringLiteral("volume.create"), name};
    if (!m_who.isTenant())
        return a;
    if (auto e = checkHost(host); e.isError())
        return deny(a.action, host, a.target, e);
    const QString driver = body.value(QLatin1String("Driver")).toString(QStringLiteral("local"));
    if (driver != QLatin1String("local"))
        return deny(a.action, host, a.target, Error::make(Error::Denied, tr("Tenant \"%1\" may not use --driver %2.").arg(m_who.tenant, driver)));
    if (!body.value(QLatin1String("DriverOpts")).toObject().isEmpty())
        return deny(a.action, host, a.target, Error::make(Error::Denied, tr("Tenant \"%1\" may not use --opt.").arg(m_who.tenant)));
    return reserveResource(a, QStringLiteral("volume"), body);
}

// A tenant's volume or network: no reserved labels of its own, then the tenant's, and a
// record of it (no quota of its own: a volume's disk counts once measured).
Expected<Admission> PolicyGate::reserveResource(Admission a, const QString &kind, QJsonObject &body)
{
    QJsonObject labels = body.value(QLatin1String("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.key().startsWith(QLatin1String(ContainerSpec::ReservedLabelPrefix)))
            return deny(a.action, a.host, a.target, Error::make(Error::Denied, tr("Tenant \"%1\" may not use %2.").arg(m_who.tenant, QStringLiteral("--label %1 (reserved)").arg(it.key()))));
    labels.insert(QLatin1String(TenantLabel), m_who.tenant);
    labels.insert(QLatin1String(ManagedLabel), QStringLiteral("wharf"));
    body.insert(QStringLiteral("Labels"), labels);
    auto r = m_store->reserve(m_who.tenant, a.host, kind, a.target, 0, 0, 0);
    if (!r)
        return deny(a.action, a.host, a.target, r.error());
    a.reservation = *r;
    return a;
}

Expected<Admission> PolicyGate::admitNetwork(const QString &host, QJsonObject &body)
{
    const QString name = body.value(QLatin1String("Name")).toString();
    Admission a{0, host, QStringLiteral("network.create"), name};
    if (!m_who.isTenant())
        return a;
    if (auto e = checkHost(host); e.isError())
        return deny(a.action, host, a.target, e);
    auto refuse = [&](const QString &option) {
        return deny(a.action, host, a.target, Error::make(Error::Denied, tr("Tenant \"%1\" may not use %2.").arg(m_who.tenant, option)));
    };
    const QString driver = body.value(QLatin1String("Driver")).toString(QStringLiteral("bridge"));
    if (driver != QLatin1String("bridge"))
        return refuse(QStringLiteral("--driver %1").arg(driver));
    if (!body.value(QLatin1String("Options")).toObject().isEmpty())
        return refuse(QStringLiteral("--opt"));
    // Addresses are the platform's to hand out: a tenant's subnet could cover the host's own.
    const QJsonObject ipam = body.value(QLatin1String("IPAM")).toObject();
    if (!ipam.value(QLatin1String("Config")).toArray().isEmpty() || !ipam.value(QLatin1String("Options")).toObject().isEmpty())
        return refuse(QStringLiteral("--subnet"));
    if (!ipam.value(QLatin1String("Driver")).toString().isEmpty() && ipam.value(QLatin1String("Driver")).toString() != QLatin1String("default"))
        return refuse(QStringLiteral("--ipam-driver %1").arg(ipam.value(QLatin1String("Driver")).toString()));
    if (isSharedNetwork(name) || name == QLatin1String("host"))
        return refuse(QStringLiteral("the network name \"%1\"").arg(name));
    return reserveResource(a, QStringLiteral("network"), body);
}

Error PolicyGate::claimApp(const QString &host, const QString &name)
{
    if (!m_who.isTenant())
        return {};
    if (auto e = checkHost(host); e.isError())
        return deny(QStringLiteral("app.deploy"), host, name, e);
    auto owned = m_store->owned(host, name, QStringLiteral("app"));
    if (owned)
        return owned->tenant == m_who.tenant ? Error{}
                                            : deny(QStringLiteral("app.deploy"), host, name,
                                                   Error::make(Error::Denied, tr("The app name \"%1\" is taken on host %2; choose another.").arg(name, host)));
    if (owned.error().kind != Error::NotFound)
        return owned.error();
    auto r = m_store->reserve(m_who.tenant, host, QStringLiteral("app"), name, 0, 0, 0);
    if (!r)
        return deny(QStringLiteral("app.deploy"), host, name, r.error());
    return m_store->activate(*r, name, name);
}

void PolicyGate::appRemoved(const QString &host, const QString &name)
{
    if (auto r = m_store->owned(host, name, QStringLiteral("app")))
        m_store->release(r->id);
}

Expected<Admission> PolicyGate::admitUpdate(const QString &host, const QString &ref, const QJsonObject &update)
{
    Admission a{0, host, QStringLiteral("container.update"), ref};
    const qint64 cpus = update.contains(QLatin1String("NanoCpus")) ? update.value(QLatin1String("NanoCpus")).toInteger() : -1;
    const qint64 memory = update.contains(QLatin1String("Memory")) ? update.value(QLatin1String("Memory")).toInteger() : -1;
    if (m_who.isTenant()) {
        if (auto e = checkOwned(host, ref); e.isError())
            return deny(a.action, host, ref, e);
        static const QStringList allowed{QStringLiteral("Memory"), QStringLiteral("MemorySwap"), QStringLiteral("MemoryReservation"),
                                         QStringLiteral("NanoCpus"), QStringLiteral("RestartPolicy")};
        for (auto it = update.begin(); it != update.end(); ++it)
            if (!allowed.contains(it.key()))
                return deny(a.action, host, ref, Error::make(Error::Denied, tr("Tenant \"%1\" may not change %2.").arg(m_who.tenant, it.key())));
        if (cpus == 0 || memory == 0)
            return deny(a.action, host, ref,
                        Error::make(Error::Denied, tr("Tenant \"%1\" may not lift a container's limits; give --cpus and --memory a positive value.").arg(m_who.tenant)));
    }
    if (cpus < 0 && memory < 0)
        return a; // nothing the quota counts
    auto owned = m_store->owned(host, ref);
    if (!owned) {
        if (!m_who.isTenant() && owned.error().kind == Error::NotFound)
            return a; // not a tenant's container
        return deny(a.action, host, ref, owned.error());
    }
    auto before = m_store->regrow(owned->id, cpus, memory, m_who.isTenant());
    if (!before)
        return deny(a.action, host, ref, before.error());
    a.resource = owned->id;
    a.previousCpus = before->cpusNano;
    a.previousMemory = before->memoryBytes;
    return a;
}

void PolicyGate::settle(const Admission &a, const QString &containerId, const Error &error)
{
    if (error.isError()) {
        if (a.reservation)
            m_store->release(a.reservation);
        if (a.resource) // the daemon kept the old limits: so do the counters
            m_store->regrow(a.resource, a.previousCpus, a.previousMemory, false);
        audit(a.action, a.host, a.target, QStringLiteral("failed"), error.message);
        return;
    }
    if (a.reservation)
        m_store->activate(a.reservation, containerId, a.action == QLatin1String("volume.create") ? containerId : QString());
    if (a.action == QLatin1String("container.update"))
        return audit(a.action, a.host, a.target, QStringLiteral("ok"));
    audit(a.action, a.host, a.target.isEmpty() ? containerId : a.target, QStringLiteral("ok"), containerId);
}

Error PolicyGate::checkOwned(const QString &host, const QString &ref, const QString &kind)
{
    if (!m_who.isTenant())
        return {};
    if (auto e = checkHost(host); e.isError())
        return e;
    auto r = m_store->owned(host, ref, kind);
    if (!r || r->tenant != m_who.tenant) {
        // Do not tell a tenant whether someone else's resource exists.
        return Error::make(Error::NotFound, tr("No %1 \"%2\" of tenant \"%3\" on host %4.").arg(kind, ref, m_who.tenant, host));
    }
    return {};
}

void PolicyGate::removed(const QString &host, const QString &ref, const QString &kind, const QString &target)
{
    auto r = m_store->owned(host, ref, kind);
    if (r)
        m_store->release(r->id);
    audit(kind + QStringLiteral(".remove"), host, target.isEmpty() ? ref : target, QStringLiteral("ok"));
}

Error PolicyGate::checkRemoteSource(const QString &what, const QString &source)
{
    if (!m_who.isTenant())
        return {};
    const bool remote = source.contains(QLatin1String("://")) || source.startsWith(QLatin1String("git@"))
        || source.startsWith(QLatin1String("github.com/"));
    if (!remote)
        return {};
    return deny(what, {}, source, Error::make(Error::Denied, tr("Tenant \"%1\" may not have the daemon fetch %2 (%3).").arg(m_who.tenant, source, what)));
}

Error PolicyGate::tenantDenial(const QString &action) const
{
    if (!m_who.isTenant())
        return {};
    return Error::make(Error::Denied, tr("\"%1\" is not available to tenant \"%2\".").arg(action, m_who.tenant));
}

Error PolicyGate::denyForTenant(const QString &action)
{
    if (!m_who.isTenant())
        return {};
    return deny(action, {}, {}, tenantDenial(action));
}

} // namespace Wharf::Models
