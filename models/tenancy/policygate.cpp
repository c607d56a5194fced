#include "policygate.h"

#include "docker/imageref.h"

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
        if (isHostPath(source) || isHostPath(b.toString())) // C:\\data:/x too
            return QStringLiteral("-v %1 (a host folder)").arg(b.toString());
    }
    for (const auto &m : host.value(QLatin1String("Mounts")).toArray()) {
        const QJsonObject o = m.toObject();
        const QString type = o.value(QLatin1String("Type")).toString();
        if (type == QLatin1String("bind"))
            return QStringLiteral("--mount type=bind,source=%1").arg(o.value(QLatin1String("Source")).toString());
        // Only volumes and memory folders: a named pipe, a cluster volume or an image are not
        // a tenant's to mount.
        if (type != QLatin1String("volume") && type != QLatin1String("tmpfs"))
            return QStringLiteral("--mount type=%1").arg(type);
        // The local driver's options mount any host folder (o=bind,device=/etc).
        const QJsonObject driver = o.value(QLatin1String("VolumeOptions")).toObject().value(QLatin1String("DriverConfig")).toObject();
        if (!driver.isEmpty())
            return QStringLiteral("--mount volume-driver/volume-opt");
        if (!o.value(QLatin1String("BindOptions")).toObject().isEmpty())
            return QStringLiteral("--mount bind options");
    }
    if (!host.value(QLatin1String("VolumeDriver")).toString().isEmpty())
        return QStringLiteral("--volume-driver %1").arg(host.value(QLatin1String("VolumeDriver")).toString());
    // The host's namespaces; another container's (container:NAME) only when it is the
    // tenant's own, which admitContainer checks.
    const QString network = host.value(QLatin1String("NetworkMode")).toString();
    if (network == QLatin1String("host"))
        return QStringLiteral("--network %1").arg(network);
    for (const char *key : {"PidMode", "IpcMode", "UTSMode", "UsernsMode", "CgroupnsMode"}) {
        const QString v = host.value(QLatin1String(key)).toString();
        const bool shareable = qstrcmp(key, "PidMode") == 0 || qstrcmp(key, "IpcMode") == 0;
        if (v == QLatin1String("host") || (!shareable && v.startsWith(QLatin1String("container:"))))
            return QStringLiteral("%1 %2").arg(QLatin1String(key), v);
    }
    if (!host.value(QLatin1String("Devices")).toArray().isEmpty())
        return QStringLiteral("--device");
    if (!host.value(QLatin1String("DeviceRequests")).toArray().isEmpty())
        return QStringLiteral("--gpus");
    if (!host.value(QLatin1String("DeviceCgroupRules")).toArray().isEmpty())
        return QStringLiteral("--device-cgroup-rule %1").arg(host.value(QLatin1String("DeviceCgroupRules")).toArray().first().toString());
    if (!host.value(QLatin1String("CapAdd")).toArray().isEmpty())
        return QStringLiteral("--cap-add %1").arg(host.value(QLatin1String("CapAdd")).toArray().first().toString());
    if (!host.value(QLatin1String("Capabilities")).toArray().isEmpty())
        return QStringLiteral("Capabilities");
    // Only no-new-privileges: every other security option loosens the profile the daemon
    // applies (seccomp=unconfined or a profile of one's own, apparmor=, label=disable,
    // systempaths=unconfined).
    for (const auto &s : host.value(QLatin1String("SecurityOpt")).toArray()) {
        const QString opt = s.toString().trimmed();
        if (opt != QLatin1String("no-new-privileges") && opt != QLatin1String("no-new-privileges:true") && opt != QLatin1String("no-new-privileges=true"))
            return QStringLiteral("--security-opt %1").arg(opt.left(80));
    }
    // Unmasking /proc and /sys paths (an empty list unmasks them all).
    if (host.contains(QLatin1String("MaskedPaths")))
        return QStringLiteral("MaskedPaths");
    if (host.contains(QLatin1String("ReadonlyPaths")))
        return QStringLiteral("ReadonlyPaths");
    // Out of the tenant's cgroup, or another runtime than the daemon's default.
    if (!host.value(QLatin1String("CgroupParent")).toString().isEmpty())
        return QStringLiteral("--cgroup-parent %1").arg(host.value(QLatin1String("CgroupParent")).toString());
    if (!host.value(QLatin1String("Cgroup")).toString().isEmpty())
        return QStringLiteral("Cgroup %1").arg(host.value(QLatin1String("Cgroup")).toString());
    if (const QString runtime = host.value(QLatin1String("Runtime")).toString(); !runtime.isEmpty() && runtime != QLatin1String("runc"))
        return QStringLiteral("--runtime %1").arg(runtime);
    if (!host.value(QLatin1String("Annotations")).toObject().isEmpty())
        return QStringLiteral("--annotation");
    if (!host.value(QLatin1String("Sysctls")).toObject().isEmpty())
        return QStringLiteral("--sysctl %1").arg(host.value(QLatin1String("Sysctls")).toObject().keys().first());
    // The kernel's out-of-memory killer: a tenant's containers go first, never the host's.
    if (host.value(QLatin1String("OomKillDisable")).toBool())
        return QStringLiteral("--oom-kill-disable");
    if (host.value(QLatin1String("OomScoreAdj")).toInt() < 0)
        return QStringLiteral("--oom-score-adj %1").arg(host.value(QLatin1String("OomScoreAdj")).toInt());
    // Swap without bound outgrows the memory the plan counts.
    if (host.value(QLatin1String("MemorySwap")).toInteger() < 0)
        return QStringLiteral("--memory-swap -1");
    // Logs stay on the host: other drivers send them to any address the daemon can reach.
    const QJsonObject log = host.value(QLatin1String("LogConfig")).toObject();
    if (const QString driver = log.value(QLatin1String("Type")).toString();
        !driver.isEmpty() && driver != QLatin1String("json-file") && driver != QLatin1String("local") && driver != QLatin1String("none"))
        return QStringLiteral("--log-driver %1").arg(driver);
    const QJsonObject labels = body.value(QLatin1String("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.key().startsWith(QLatin1String(ContainerSpec::ReservedLabelPrefix)))
            return QStringLiteral("--label %1 (reserved)").arg(it.key());
    return {};
}

Error PolicyGate::checkExec(const QJsonObject &body) const
{
    if (m_who.isTenant() && body.value(QLatin1String("Privileged")).toBool())
        return Error::make(Error::Denied, tr("Tenant \"%1\" may not use %2.").arg(m_who.tenant, QStringLiteral("exec --privileged")));
    return {};
}

bool PolicyGate::isOwnHost(const QString &host)
{
    auto d = m_store->hostDomain(host);
    return d && d->domain == QLatin1String("private") && d->tenant == m_who.tenant;
}

bool PolicyGate::isOwnRootlessDaemon(const QString &host)
{
    auto mine = m_store->endpoints(m_who.tenant);
    if (!mine)
        return false;
    for (const TenantEndpoint &e : *mine)
        if (e.kind == QLatin1String("rootless") && e.hostKey() == host)
            return true;
    return false;
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
    if (Error e = checkPublished(host, body); e.isError())
        return deny(a.action, host, a.target, e);
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
    // Containers it shares namespaces or volumes with, or links to, must be the tenant's own.
    QStringList containers;
    for (const char *key : {"NetworkMode", "PidMode", "IpcMode"})
        if (const QString v = hostConfig.value(QLatin1String(key)).toString(); v.startsWith(QLatin1String("container:")))
            containers << v.mid(10);
    for (const auto &v : hostConfig.value(QLatin1String("VolumesFrom")).toArray())
        containers << v.toString().section(QLatin1Char(':'), 0, 0);
    for (const auto &l : hostConfig.value(QLatin1String("Links")).toArray())
        containers << l.toString().section(QLatin1Char(':'), 0, 0).remove(0, l.toString().startsWith(QLatin1Char('/')) ? 1 : 0);
    for (const auto &c : std::as_const(containers))
        if (auto e = checkOwned(host, c, QStringLiteral("container")); e.isError())
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

Error PolicyGate::checkPublished(const QString &host, const QJsonObject &body)
{
    if (!m_who.isTenant())
        return {};
    // A host of the tenant's own (its private domain, a dedicated host) is the tenant's to
    // open; its own rootless daemon is not: that publishes on a shared host's addresses.
    if (isOwnHost(host) && !isOwnRootlessDaemon(host))
        return {};
    const QJsonObject hostConfig = body.value(QLatin1String("HostConfig")).toObject();
    if (hostConfig.value(QLatin1String("PublishAllPorts")).toBool())
        return Error::make(Error::Denied, tr("Tenant \"%1\" may not publish every port (-P) on the shared host %2: publish each on 127.0.0.1 "
                                             "(-p 127.0.0.1:8080:80); the platform's edge router makes services public.")
                                              .arg(m_who.tenant, host));
    const QJsonObject bindings = hostConfig.value(QLatin1String("PortBindings")).toObject();
    for (auto it = bindings.begin(); it != bindings.end(); ++it) {
        for (const auto &b : it.value().toArray()) {
            const QJsonObject o = b.toObject();
            const QString ip = o.value(QLatin1String("HostIp")).toString();
            const QString portText = o.value(QLatin1String("HostPort")).toString();
            // "8080" or a range "8080-8090": each end counts.
            for (const QString &end : portText.split(QLatin1Char('-'))) {
                const int port = end.toInt();
                if (port > 0 && port < 1024)
                    return Error::make(Error::Denied, tr("Tenant \"%1\" may not publish port %2 on the shared host %3: ports below 1024 are the "
                                                         "platform's edge router's; use 1024 or above.")
                                                          .arg(m_who.tenant).arg(port).arg(host));
            }
            const bool loopback = ip.startsWith(QLatin1String("127.")) || ip == QLatin1String("::1") || ip == QLatin1String("[::1]")
                || ip == QLatin1String("localhost");
            if (!loopback)
                return Error::make(Error::Denied, tr("Tenant \"%1\" may not publish %2 on %3 of the shared host %4: publish it on 127.0.0.1 "
                                                     "(-p 127.0.0.1:%6:%5); the platform's edge router makes services public.")
                                                      .arg(m_who.tenant, portText.isEmpty() ? it.key() : portText,
                                                           ip.isEmpty() || ip == QLatin1String("0.0.0.0") || ip == QLatin1String("::")
                                                               ? tr("all interfaces")
                                                               : ip,
                                                           host, it.key().section(QLatin1Char('/'), 0, 0), portText));
        }
    }
    return {};
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
    // Swarm's ingress and networks made from another's configuration are the platform's.
    for (const char *key : {"Ingress", "ConfigOnly"})
        if (body.value(QLatin1String(key)).toBool())
            return refuse(QLatin1String(key));
    if (!body.value(QLatin1String("ConfigFrom")).toObject().isEmpty())
        return refuse(QStringLiteral("--config-from"));
    if (const QString scope = body.value(QLatin1String("Scope")).toString(); !scope.isEmpty() && scope != QLatin1String("local"))
        return refuse(QStringLiteral("--scope %1").arg(scope));
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
        const bool negative = (update.contains(QLatin1String("NanoCpus")) && cpus < 0) || (update.contains(QLatin1String("Memory")) && memory < 0)
            || update.value(QLatin1String("MemorySwap")).toInteger() < 0;
        if (cpus == 0 || memory == 0 || negative)
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

Error PolicyGate::checkImageName(const QString &action, const QString &host, const QString &name)
{
    if (!m_who.isTenant() || name.isEmpty())
        return {};
    // a daemon of the tenant's own (its private domain) shares its names with no one
    if (isOwnHost(host))
        return {};
    auto ref = ImageRef::parse(name);
    if (!ref)
        return deny(action, host, name, ref.error());
    const QString repository = ref->repository;
    if (repository.section(QLatin1Char('/'), 0, 0) == m_who.tenant && repository.contains(QLatin1Char('/')))
        return {};
    // compose's APP-SERVICE for an app the tenant holds on this host
    if (!repository.contains(QLatin1Char('/')) || repository.startsWith(QLatin1String("library/"))) {
        const QString plain = repository.startsWith(QLatin1String("library/")) ? repository.mid(8) : repository;
        for (qsizetype dash = plain.indexOf(QLatin1Char('-')); dash > 0; dash = plain.indexOf(QLatin1Char('-'), dash + 1)) {
            auto app = m_store->owned(host, plain.left(dash), QStringLiteral("app"));
            if (app && app->tenant == m_who.tenant)
                return {};
        }
    }
    return deny(action, host, name,
                Error::make(Error::Denied, tr("Tenant \"%1\" may name images only under %1/ (%1/web:1) or after an app of its own, not \"%2\": "
                                              "every tenant's containers on the host use an image of that name.")
                                               .arg(m_who.tenant, name)));
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
