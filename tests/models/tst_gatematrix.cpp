// The gate's matrix: what a tenant may not do on a shared host, request by request, through the
// operations layer every entry point uses (wharfctl and the console describe a Request and run
// it there; a compose deploy makes its volumes, networks and containers through the same gate).
// Each dangerous request is refused with its reason, recorded as a refusal, and never reaches
// the daemon; each near miss next to it is let through. No daemon: a scripted engine answers
// what gets through, an embedded database holds the tenants, their resources and the audit log.
#include "apps/appspec.h"
#include "compose/loader.h"
#include "operations/daemoncalls.h"
#include "operations/operations.h"
#include "operations/tenancyadmin.h"
#include "scriptedengine.h"
#include "tenancyfixture.h"
#include "store/store.h"
#include "store/tenancystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Wharf::Models;
using namespace Wharf::Backends;
using TestSupport::ScriptedEngine;

namespace {

// JSON written with single quotes (no escaping in the table).
QJsonObject json(const char *text)
{
    QJsonParseError e{};
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(text).replace('\'', '"'), &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("bad JSON in the matrix: %s: %s", text, qPrintable(e.errorString()));
    return d.object();
}
// A container create with this HostConfig.
QJsonObject withHost(const char *hostConfig)
{
    return {{QStringLiteral("Image"), QStringLiteral("busybox")}, {QStringLiteral("HostConfig"), json(hostConfig)}};
}

struct Case
{
    Request request;
    QString host;
    QString expect; // ok, denied, denied-quota
    QString reason; // in the refusal's message and its audit record
};

} // namespace

class TestGateMatrix : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ScriptedEngine> m_engine;
    std::unique_ptr<DockerClient> m_client;
    std::shared_ptr<TenancyStore> m_store;
    QList<Case> m_cases;
    int m_refused = 0;
    int m_allowed = 0;

    std::unique_ptr<Operations> operations(const QString &tenant, const QString &host)
    {
        auto ops = std::make_unique<Operations>(host);
        ops->setRunner(TestSupport::inlineGateRunner(std::make_shared<PolicyGate>(m_store, Principal{QStringLiteral("matrix"), tenant})), !tenant.isEmpty());
        return ops;
    }
    Operations::Send sendFor(const Request &r)
    {
        DockerClient *c = m_client.get();
        if (r.kind == Request::Kind::Create) {
            if (r.resource == QLatin1String("volume"))
                return Calls::createVolume(c);
            if (r.resource == QLatin1String("network"))
                return Calls::createNetwork(c);
            return Calls::createContainer(c, r.target);
        }
        if (r.kind == Request::Kind::Update)
            return Calls::updateContainer(c, r.ownedRef());
        if (r.verb == QLatin1String("exec"))
            return Calls::execCreate(c, r.ownedRef());
        return Calls::startContainer(c, r.ownedRef());
    }
    Outcome run(Operations &ops, const Request &r)
    {
        std::optional<Outcome> got;
        ops.run(r, sendFor(r), [&got](const Outcome &o) {
            got = o;
            got->job = nullptr;
        });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000))
            return Outcome{Error::make(Error::Timeout, QStringLiteral("no outcome")), false, nullptr, {}};
        return *got;
    }
    // Someone's container, volume, network or app on a host, as the gate would have recorded it.
    void own(const QString &tenant, const QString &host, const QString &kind, const QString &name, const QString &id = {})
    {
        auto r = m_store->reserve(tenant, host, kind, name, 0, 0, 0);
        if (!r)
            QFAIL(qPrintable(r.error().message));
        QVERIFY(!m_store->activate(*r, id.isEmpty() ? name : id, name).isError());
    }

    // A build that tags its image so.
    static Request build(const char *tag)
    {
        Request r = Request::host(QStringLiteral("image"), QStringLiteral("build"), QString::fromLatin1(tag));
        r.imageNames << QString::fromLatin1(tag);
        return r;
    }
    void add(const char *name, const Request &r, const char *expect, const char *reason, const char *host = "h1")
    {
        m_cases << Case{r, QString::fromLatin1(host), QString::fromLatin1(expect), QString::fromUtf8(reason)};
        QTest::newRow(name) << int(m_cases.size() - 1);
        (QLatin1String(expect) == QLatin1String("ok") ? m_allowed : m_refused)++;
    }
    void container(const char *name, const QJsonObject &body, const char *expect, const char *reason, const char *host = "h1")
    {
        add(name, Request::create(QStringLiteral("container"), QString::fromLatin1(name).replace(QLatin1Char(' '), QLatin1Char('-')), body), expect, reason, host);
    }
    void hostConfig(const char *name, const char *hostConfigJson, const char *reason)
    {
        container(name, withHost(hostConfigJson), "denied", reason);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<ScriptedEngine>(m_dir.filePath(QStringLiteral("engine.sock")));
        auto ep = Endpoint::parse(m_engine->url());
        QVERIFY(ep);
        m_client = std::make_unique<DockerClient>(*ep);
        auto url = StoreUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("platform.sqlite")));
        QVERIFY(url);
        auto s = Store::open(*url);
        QVERIFY(s);
        QVERIFY(!(*s)->migrate().isError());
        m_store = std::make_shared<TenancyStore>(*s);
        TenancyAdmin admin(*m_store);
        Plan p;
        p.name = QStringLiteral("wide");
        p.maxContainers = 1000;
        p.cpusNano = 64'000'000'000;
        p.memoryBytes = 64LL << 30;
        QVERIFY(!admin.createPlan(p).isError());
        for (const char *t : {"acme", "other"}) {
            Tenant tenant;
            tenant.name = QString::fromLatin1(t);
            tenant.plan = p.name;
            QVERIFY(!admin.createTenant(tenant).isError());
        }
        QVERIFY(!admin.setHostDomain({QStringLiteral("h1"), QStringLiteral("public"), {}}).isError());
        QVERIFY(!admin.setHostDomain({QStringLiteral("p1"), QStringLiteral("private"), QStringLiteral("acme")}).isError());
        QVERIFY(!admin.setHostDomain({QStringLiteral("p2"), QStringLiteral("private"), QStringLiteral("other")}).isError());
        // What each tenant already holds on the shared host.
        own(QStringLiteral("other"), QStringLiteral("h1"), QStringLiteral("container"), QStringLiteral("theirs"), QStringLiteral("dead01"));
        own(QStringLiteral("other"), QStringLiteral("h1"), QStringLiteral("volume"), QStringLiteral("theirvol"));
        own(QStringLiteral("other"), QStringLiteral("h1"), QStringLiteral("network"), QStringLiteral("theirnet"));
        own(QStringLiteral("other"), QStringLiteral("h1"), QStringLiteral("app"), QStringLiteral("theirapp"));
        own(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), QStringLiteral("mine"), QStringLiteral("beef01"));
        own(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("volume"), QStringLiteral("myvol"));
        own(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("network"), QStringLiteral("mynet"));
        own(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("app"), QStringLiteral("myapp"));
        own(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("app"), QStringLiteral("shop"));
    }

    // Requests as the entry points make them: wharfctl run/create/update/exec/cp/network/volume/
    // image, the console's dialogs and actions (the same Requests), by tenant "acme".
    void requests_data()
    {
        QTest::addColumn<int>("index");
        m_cases.clear();
        m_refused = m_allowed = 0;
        // --- containers: the host's folders and devices
        hostConfig("privileged", "{'Privileged':true}", "--privileged");
        hostConfig("bind etc", "{'Binds':['/etc:/x']}", "a host folder");
        hostConfig("bind root", "{'Binds':['/:/host:rw']}", "a host folder");
        hostConfig("bind relative", "{'Binds':['./data:/x']}", "a host folder");
        hostConfig("bind home", "{'Binds':['~/x:/x']}", "a host folder");
        hostConfig("bind windows", "{'Binds':['C:\\\\Windows:/x']}", "a host folder");
        hostConfig("bind docker socket", "{'Binds':['/var/run/docker.sock:/var/run/docker.sock']}", "a host folder");
        hostConfig("bind proc", "{'Binds':['/proc:/hostproc:ro']}", "a host folder");
        hostConfig("mount bind", "{'Mounts':[{'Type':'bind','Source':'/etc','Target':'/x'}]}", "type=bind");
        hostConfig("mount bind docker data", "{'Mounts':[{'Type':'bind','Source':'/var/lib/docker','Target':'/x','ReadOnly':true}]}", "type=bind");
        hostConfig("mount npipe", "{'Mounts':[{'Type':'npipe','Source':'\\\\\\\\.\\\\pipe\\\\docker_engine','Target':'/x'}]}", "type=npipe");
        hostConfig("mount cluster", "{'Mounts':[{'Type':'cluster','Source':'v','Target':'/x'}]}", "type=cluster");
        hostConfig("mount image", "{'Mounts':[{'Type':'image','Source':'busybox','Target':'/x'}]}", "type=image");
        hostConfig("mount volume as host bind",
                   "{'Mounts':[{'Type':'volume','Source':'myvol','Target':'/x','VolumeOptions':{'DriverConfig':{'Name':'local','Options':{'type':'none','o':'bind','device':'/etc'}}}}]}",
                   "volume-opt");
        hostConfig("mount anonymous nfs", "{'Mounts':[{'Type':'volume','Target':'/x','VolumeOptions':{'DriverConfig':{'Name':'nfs'}}}]}", "volume-opt");
        hostConfig("mount bind options", "{'Mounts':[{'Type':'volume','Source':'myvol','Target':'/x','BindOptions':{'Propagation':'rshared'}}]}", "bind options");
        hostConfig("volume driver", "{'VolumeDriver':'nfs','Binds':['myvol:/x']}", "--volume-driver nfs");
        hostConfig("device disk", "{'Devices':[{'PathOnHost':'/dev/sda','PathInContainer':'/dev/sda','CgroupPermissions':'rwm'}]}", "--device");
        hostConfig("device memory", "{'Devices':[{'PathOnHost':'/dev/mem','PathInContainer':'/dev/mem','CgroupPermissions':'r'}]}", "--device");
        hostConfig("device fuse", "{'Devices':[{'PathOnHost':'/dev/fuse','PathInContainer':'/dev/fuse','CgroupPermissions':'rwm'}]}", "--device");
        hostConfig("gpus", "{'DeviceRequests':[{'Driver':'nvidia','Count':-1,'Capabilities':[['gpu']]}]}", "--gpus");
        hostConfig("device cgroup rule", "{'DeviceCgroupRules':['a *:* rwm']}", "--device-cgroup-rule");
        hostConfig("device cgroup rule block", "{'DeviceCgroupRules':['b 8:* rmw']}", "--device-cgroup-rule");
        // --- capabilities and confinement
        for (const char *cap : {"SYS_ADMIN", "ALL", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH", "SYS_TIME", "BPF", "PERFMON"}) {
            const QByteArray j = QByteArray("{'CapAdd':['") + cap + "']}";
            hostConfig(QByteArray(QByteArray("cap-add ") + cap).constData(), j.constData(), "--cap-add");
        }
        hostConfig("capabilities field", "{'Capabilities':['CAP_SYS_ADMIN']}", "Capabilities");
        hostConfig("seccomp unconfined", "{'SecurityOpt':['seccomp=unconfined']}", "seccomp=unconfined");
        hostConfig("seccomp compose form", "{'SecurityOpt':['seccomp:unconfined']}", "seccomp:unconfined");
        hostConfig("seccomp own profile", "{'SecurityOpt':['seccomp={\\\"defaultAction\\\":\\\"SCMP_ACT_ALLOW\\\"}']}", "--security-opt seccomp=");
        hostConfig("apparmor unconfined", "{'SecurityOpt':['apparmor=unconfined']}", "apparmor=unconfined");
        hostConfig("apparmor other profile", "{'SecurityOpt':['apparmor=lenient']}", "apparmor=lenient");
        hostConfig("selinux disabled", "{'SecurityOpt':['label=disable']}", "label=disable");
        hostConfig("selinux disabled old form", "{'SecurityOpt':['label:disable']}", "label:disable");
        hostConfig("selinux type", "{'SecurityOpt':['label=type:spc_t']}", "label=type");
        hostConfig("system paths", "{'SecurityOpt':['systempaths=unconfined']}", "systempaths=unconfined");
        hostConfig("no-new-privileges off", "{'SecurityOpt':['no-new-privileges=false']}", "no-new-privileges=false");
        hostConfig("masked paths cleared", "{'MaskedPaths':[]}", "MaskedPaths");
        hostConfig("readonly paths cleared", "{'ReadonlyPaths':[]}", "ReadonlyPaths");
        hostConfig("cgroup parent root", "{'CgroupParent':'/'}", "--cgroup-parent /");
        hostConfig("cgroup parent system", "{'CgroupParent':'system.slice'}", "--cgroup-parent system.slice");
        hostConfig("cgroup host", "{'Cgroup':'host'}", "Cgroup host");
        hostConfig("runtime", "{'Runtime':'nvidia'}", "--runtime nvidia");
        hostConfig("runtime runsc", "{'Runtime':'io.containerd.runsc.v1'}", "--runtime io.containerd.runsc.v1");
        hostConfig("annotations", "{'Annotations':{'io.kubernetes.cri-o.Devices':'/dev/sda'}}", "--annotation");
        hostConfig("sysctl kernel", "{'Sysctls':{'kernel.shm_rmid_forced':'1'}}", "--sysctl kernel.shm_rmid_forced");
        hostConfig("sysctl net", "{'Sysctls':{'net.ipv4.ip_unprivileged_port_start':'0'}}", "--sysctl net.ipv4");
        hostConfig("oom kill disabled", "{'OomKillDisable':true}", "--oom-kill-disable");
        hostConfig("oom score protected", "{'OomScoreAdj':-1000}", "--oom-score-adj -1000");
        hostConfig("swap unbounded", "{'Memory':268435456,'MemorySwap':-1}", "--memory-swap -1");
        // --- namespaces
        hostConfig("network host", "{'NetworkMode':'host'}", "--network host");
        hostConfig("pid host", "{'PidMode':'host'}", "PidMode host");
        hostConfig("ipc host", "{'IpcMode':'host'}", "IpcMode host");
        hostConfig("uts host", "{'UTSMode':'host'}", "UTSMode host");
        hostConfig("userns host", "{'UsernsMode':'host'}", "UsernsMode host");
        hostConfig("cgroupns host", "{'CgroupnsMode':'host'}", "CgroupnsMode host");
        hostConfig("uts of a container", "{'UTSMode':'container:mine'}", "UTSMode container:mine");
        hostConfig("network of their container", "{'NetworkMode':'container:theirs'}", "No container \"theirs\"");
        hostConfig("network of their container by id", "{'NetworkMode':'container:dead01'}", "No container \"dead01\"");
        hostConfig("pid of their container", "{'PidMode':'container:theirs'}", "No container \"theirs\"");
        hostConfig("ipc of their container", "{'IpcMode':'container:theirs'}", "No container \"theirs\"");
        hostConfig("their network", "{'NetworkMode':'theirnet'}", "No network \"theirnet\"");
        hostConfig("a network of no one", "{'NetworkMode':'nobodys'}", "No network \"nobodys\"");
        container("their network as endpoint",
                  json("{'Image':'busybox','HostConfig':{},'NetworkingConfig':{'EndpointsConfig':{'theirnet':{'Aliases':['db']}}}}"), "denied",
                  "No network \"theirnet\"");
        hostConfig("volumes of their container", "{'VolumesFrom':['theirs']}", "No container \"theirs\"");
        hostConfig("volumes of their container ro", "{'VolumesFrom':['theirs:ro']}", "No container \"theirs\"");
        hostConfig("link to their container", "{'Links':['theirs:db']}", "No container \"theirs\"");
        hostConfig("link to their container by path", "{'Links':['/theirs:/me/db']}", "No container \"theirs\"");
        // --- volumes
        hostConfig("their volume", "{'Binds':['theirvol:/data']}", "Volume \"theirvol\" is not a volume of tenant");
        hostConfig("their volume read-only", "{'Binds':['theirvol:/data:ro']}", "Volume \"theirvol\" is not a volume of tenant");
        hostConfig("their volume mounted", "{'Mounts':[{'Type':'volume','Source':'theirvol','Target':'/data'}]}", "Volume \"theirvol\"");
        hostConfig("a volume of no one", "{'Binds':['fresh:/data']}", "Volume \"fresh\" is not a volume of tenant");
        // --- logs leave the host
        hostConfig("log syslog", "{'LogConfig':{'Type':'syslog','Config':{'syslog-address':'tcp://10.0.0.1:514'}}}", "--log-driver syslog");
        hostConfig("log fluentd", "{'LogConfig':{'Type':'fluentd','Config':{'fluentd-address':'10.0.0.1:24224'}}}", "--log-driver fluentd");
        hostConfig("log gelf", "{'LogConfig':{'Type':'gelf','Config':{'gelf-address':'udp://10.0.0.1:12201'}}}", "--log-driver gelf");
        hostConfig("log splunk", "{'LogConfig':{'Type':'splunk'}}", "--log-driver splunk");
        hostConfig("log awslogs", "{'LogConfig':{'Type':'awslogs'}}", "--log-driver awslogs");
        hostConfig("log journald", "{'LogConfig':{'Type':'journald'}}", "--log-driver journald");
        // --- processes and quota
        hostConfig("pids over the cap", "{'PidsLimit':1025}", "processes");
        hostConfig("pids a million", "{'PidsLimit':1000000}", "processes");
        container("cpus over the plan", withHost("{'NanoCpus':65000000000}"), "denied-quota", "CPUs");
        container("memory over the plan", withHost("{'Memory':70000000000}"), "denied-quota", "memory");
        // --- published ports on a shared host
        hostConfig("port 80 all interfaces", "{'PortBindings':{'80/tcp':[{'HostIp':'','HostPort':'80'}]}}", "ports below 1024");
        hostConfig("port 8080 all interfaces", "{'PortBindings':{'80/tcp':[{'HostIp':'','HostPort':'8080'}]}}", "all interfaces");
        hostConfig("port 8080 on 0.0.0.0", "{'PortBindings':{'80/tcp':[{'HostIp':'0.0.0.0','HostPort':'8080'}]}}", "all interfaces");
        hostConfig("port 8080 on ::", "{'PortBindings':{'80/tcp':[{'HostIp':'::','HostPort':'8080'}]}}", "all interfaces");
        hostConfig("port random all interfaces", "{'PortBindings':{'80/tcp':[{'HostIp':'','HostPort':''}]}}", "all interfaces");
        hostConfig("port on the LAN", "{'PortBindings':{'80/tcp':[{'HostIp':'10.0.0.5','HostPort':'8080'}]}}", "on 10.0.0.5");
        hostConfig("port 22 on loopback", "{'PortBindings':{'22/tcp':[{'HostIp':'127.0.0.1','HostPort':'22'}]}}", "port 22");
        hostConfig("port 443 on loopback", "{'PortBindings':{'443/tcp':[{'HostIp':'127.0.0.1','HostPort':'443'}]}}", "port 443");
        hostConfig("port range into 1023", "{'PortBindings':{'80/tcp':[{'HostIp':'127.0.0.1','HostPort':'1000-1100'}]}}", "port 1000");
        hostConfig("port udp 53", "{'PortBindings':{'53/udp':[{'HostIp':'127.0.0.1','HostPort':'53'}]}}", "port 53");
        hostConfig("publish all", "{'PublishAllPorts':true}", "every port (-P)");
        // --- labels that are the platform's, apps that are not the tenant's
        container("label tenant", json("{'Image':'busybox','Labels':{'io.wharf.tenant':'other'}}"), "denied", "reserved");
        container("label managed", json("{'Image':'busybox','Labels':{'io.wharf.managed-by':'nobody'}}"), "denied", "reserved");
        container("label service", json("{'Image':'busybox','Labels':{'io.wharf.service':'theirs'}}"), "denied", "reserved");
        container("joins their app", json("{'Image':'busybox','Labels':{'com.docker.compose.project':'theirapp'}}"), "denied", "not an app of tenant");
        container("joins an app of no one", json("{'Image':'busybox','Labels':{'com.docker.compose.project':'nobodys'}}"), "denied", "not an app of tenant");
        // --- hosts not in the tenant's domains
        container("on their private host", withHost("{}"), "denied", "not in the domain", "p2");
        container("on an unknown host", withHost("{}"), "denied", "not in the domain", "elsewhere");
        // --- docker update
        auto update = [this](const char *name, const char *target, const char *body, const char *expect, const char *reason) {
            add(name, Request::update(QString::fromLatin1(target), json(body)), expect, reason);
        };
        update("update privileged", "mine", "{'Privileged':true}", "denied", "may not change Privileged");
        update("update pids lifted", "mine", "{'PidsLimit':-1}", "denied", "may not change PidsLimit");
        update("update cpuset", "mine", "{'CpusetCpus':'0-63'}", "denied", "may not change CpusetCpus");
        update("update cpu quota", "mine", "{'CpuQuota':-1}", "denied", "may not change CpuQuota");
        update("update blkio", "mine", "{'BlkioWeight':1000}", "denied", "may not change BlkioWeight");
        update("update devices", "mine", "{'Devices':[{'PathOnHost':'/dev/sda'}]}", "denied", "may not change Devices");
        update("update cpus lifted", "mine", "{'NanoCpus':0}", "denied", "may not lift");
        update("update memory lifted", "mine", "{'Memory':0}", "denied", "may not lift");
        update("update memory negative", "mine", "{'Memory':-1}", "denied", "may not lift");
        update("update swap unbounded", "mine", "{'Memory':268435456,'MemorySwap':-1}", "denied", "may not lift");
        update("update over the plan", "mine", "{'NanoCpus':65000000000}", "denied-quota", "CPUs");
        update("update their container", "theirs", "{'Memory':268435456}", "denied", "No container \"theirs\"");
        // --- actions on what is someone else's
        for (const char *verb : {"start", "stop", "restart", "kill", "pause", "unpause", "rename", "logs", "cp", "exec", "attach", "commit", "export", "top"}) {
            add(QByteArray(QByteArray(verb) + " their container").constData(), Request::act(QStringLiteral("container"), QString::fromLatin1(verb), QStringLiteral("theirs")),
                "denied", "No container \"theirs\"");
        }
        add("exec by id in their container", Request::act(QStringLiteral("container"), QStringLiteral("exec"), QStringLiteral("dead01 sh")).on(QStringLiteral("dead01")),
            "denied", "No container \"dead01\"");
        Request privilegedExec = Request::act(QStringLiteral("container"), QStringLiteral("exec"), QStringLiteral("mine sh")).on(QStringLiteral("mine"));
        privilegedExec.body = json("{'Cmd':['sh'],'Privileged':true}");
        add("exec privileged", privilegedExec, "denied", "exec --privileged");
        add("remove their container", Request::remove(QStringLiteral("container"), QStringLiteral("theirs")), "denied", "No container \"theirs\"");
        add("remove their volume", Request::remove(QStringLiteral("volume"), QStringLiteral("theirvol")), "denied", "No volume \"theirvol\"");
        add("remove their network", Request::remove(QStringLiteral("network"), QStringLiteral("theirnet")), "denied", "No network \"theirnet\"");
        add("connect their container", Request::act(QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("mynet")).touching(QStringLiteral("theirs")),
            "denied", "No container \"theirs\"");
        add("connect to their network", Request::act(QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("theirnet")).touching(QStringLiteral("mine")),
            "denied", "No network \"theirnet\"");
        add("disconnect their container", Request::act(QStringLiteral("network"), QStringLiteral("disconnect"), QStringLiteral("mynet")).touching(QStringLiteral("dead01")),
            "denied", "No container \"dead01\"");
        // --- volumes and networks with options
        auto create = [this](const char *name, const char *resource, const char *body, const char *expect, const char *reason, const char *host = "h1") {
            const QJsonObject b = json(body);
            add(name, Request::create(QString::fromLatin1(resource), b.value(QLatin1String("Name")).toString(), b), expect, reason, host);
        };
        create("volume nfs", "volume", "{'Name':'v1','Driver':'nfs'}", "denied", "--driver nfs");
        create("volume as host bind", "volume", "{'Name':'v2','DriverOpts':{'type':'none','o':'bind','device':'/etc'}}", "denied", "--opt");
        create("volume tmpfs options", "volume", "{'Name':'v3','DriverOpts':{'type':'tmpfs','device':'tmpfs','o':'size=100g'}}", "denied", "--opt");
        create("volume nfs mount", "volume", "{'Name':'v4','DriverOpts':{'type':'nfs','o':'addr=10.0.0.1','device':':/export'}}", "denied", "--opt");
        create("volume reserved label", "volume", "{'Name':'v5','Labels':{'io.wharf.tenant':'other'}}", "denied", "reserved");
        create("volume on their host", "volume", "{'Name':'v6'}", "denied", "not in the domain", "p2");
        create("network host driver", "network", "{'Name':'n1','Driver':'host'}", "denied", "--driver host");
        create("network macvlan", "network", "{'Name':'n2','Driver':'macvlan','Options':{'parent':'eth0'}}", "denied", "--driver macvlan");
        create("network ipvlan", "network", "{'Name':'n3','Driver':'ipvlan'}", "denied", "--driver ipvlan");
        create("network overlay", "network", "{'Name':'n4','Driver':'overlay'}", "denied", "--driver overlay");
        create("network bridge name", "network", "{'Name':'n5','Options':{'com.docker.network.bridge.name':'docker0'}}", "denied", "--opt");
        create("network subnet", "network", "{'Name':'n6','IPAM':{'Config':[{'Subnet':'10.0.0.0/8'}]}}", "denied", "--subnet");
        create("network ipam driver", "network", "{'Name':'n7','IPAM':{'Driver':'dhcp'}}", "denied", "--ipam-driver dhcp");
        create("network named bridge", "network", "{'Name':'bridge'}", "denied", "the network name");
        create("network named host", "network", "{'Name':'host'}", "denied", "the network name");
        create("network ingress", "network", "{'Name':'n8','Ingress':true}", "denied", "Ingress");
        create("network config only", "network", "{'Name':'n9','ConfigOnly':true}", "denied", "ConfigOnly");
        create("network config from", "network", "{'Name':'n10','ConfigFrom':{'Network':'theirnet'}}", "denied", "--config-from");
        create("network swarm scope", "network", "{'Name':'n11','Scope':'swarm'}", "denied", "--scope swarm");
        create("network reserved label", "network", "{'Name':'n12','Labels':{'io.wharf.managed-by':'x'}}", "denied", "reserved");
        // --- images and the host's shared state
        Request gitBuild = Request::host(QStringLiteral("image"), QStringLiteral("build"), QStringLiteral("https://example.com/repo.git"));
        gitBuild.remoteSource = gitBuild.target;
        add("build from a git URL", gitBuild, "denied", "may not have the daemon fetch");
        Request tarball = Request::host(QStringLiteral("image"), QStringLiteral("build"), QStringLiteral("http://10.0.0.1/ctx.tar"));
        tarball.remoteSource = tarball.target;
        add("build from a tarball URL", tarball, "denied", "may not have the daemon fetch");
        Request importUrl = Request::host(QStringLiteral("image"), QStringLiteral("import"), QStringLiteral("http://169.254.169.254/latest"));
        importUrl.remoteSource = importUrl.target;
        add("import from a URL", importUrl, "denied", "may not have the daemon fetch");
        for (const char *tag : {"busybox", "busybox:latest", "nginx:1.25", "library/redis", "docker.io/library/postgres:16", "other/web", "theirapp-web",
                                "127.0.0.1:5000/other/web"}) {
            add(QByteArray(QByteArray("build tagged ") + tag).constData(), build(tag), "denied", "may name images only under acme/");
        }
        Request importTagged = Request::host(QStringLiteral("image"), QStringLiteral("import"), QStringLiteral("rootfs.tar"));
        importTagged.imageNames << QStringLiteral("debian:bookworm");
        add("import tagged debian", importTagged, "denied", "may name images only under acme/");
        for (const auto &[resource, verb] : {std::pair{"image", "push"}, std::pair{"image", "tag"}, std::pair{"image", "remove"}, std::pair{"image", "prune"},
                                             std::pair{"image", "load"}, std::pair{"volume", "prune"}, std::pair{"registry", "run"},
                                             std::pair{"tenant", "provision"}, std::pair{"tenant", "dedicate"}, std::pair{"quota", "reconcile"}}) {
            add(QByteArray(QByteArray(resource) + ' ' + verb).constData(), Request::admin(QString::fromLatin1(resource), QString::fromLatin1(verb), QStringLiteral("x")),
                "denied", "is not available to tenant");
        }
        add("pull on their host", Request::host(QStringLiteral("image"), QStringLiteral("pull"), QStringLiteral("busybox")), "denied", "not in the domain", "p2");
        add("deploy on their host", Request::host(QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("shop")), "denied", "not in the domain", "p2");

        // --- near misses: allowed
        container("plain", withHost("{}"), "ok", "");
        container("port on loopback", withHost("{'PortBindings':{'80/tcp':[{'HostIp':'127.0.0.1','HostPort':'8080'}]}}"), "ok", "");
        container("port random on loopback", withHost("{'PortBindings':{'80/tcp':[{'HostIp':'127.0.0.1','HostPort':''}]}}"), "ok", "");
        container("port on ipv6 loopback", withHost("{'PortBindings':{'80/tcp':[{'HostIp':'::1','HostPort':'1024'}]}}"), "ok", "");
        container("port 80 on its own host", withHost("{'PortBindings':{'80/tcp':[{'HostIp':'','HostPort':'80'}]}}"), "ok", "", "p1");
        container("tmpfs mount", withHost("{'Mounts':[{'Type':'tmpfs','Target':'/cache','TmpfsOptions':{'SizeBytes':1048576}}]}"), "ok", "");
        container("own volume", withHost("{'Binds':['myvol:/data:ro']}"), "ok", "");
        container("own volume mounted", withHost("{'Mounts':[{'Type':'volume','Source':'myvol','Target':'/data','VolumeOptions':{'NoCopy':true}}]}"), "ok", "");
        container("anonymous volume", json("{'Image':'busybox','Volumes':{'/data':{}}}"), "ok", "");
        container("own network", withHost("{'NetworkMode':'mynet'}"), "ok", "");
        container("own container's network", withHost("{'NetworkMode':'container:mine'}"), "ok", "");
        container("own container's pid by id", withHost("{'PidMode':'container:beef01'}"), "ok", "");
        container("own container's volumes", withHost("{'VolumesFrom':['mine:ro']}"), "ok", "");
        container("link to own container", withHost("{'Links':['mine:db']}"), "ok", "");
        container("no new privileges", withHost("{'SecurityOpt':['no-new-privileges:true']}"), "ok", "");
        container("capabilities dropped", withHost("{'CapDrop':['ALL'],'ReadonlyRootfs':true}"), "ok", "");
        container("json logs bounded", withHost("{'LogConfig':{'Type':'json-file','Config':{'max-size':'10m','max-file':'3'}}}"), "ok", "");
        container("local logs", withHost("{'LogConfig':{'Type':'local'}}"), "ok", "");
        container("own app", json("{'Image':'busybox','Labels':{'com.docker.compose.project':'myapp'}}"), "ok", "");
        container("pids at the cap", withHost("{'PidsLimit':1024}"), "ok", "");
        container("oom score raised", withHost("{'OomScoreAdj':500}"), "ok", "");
        container("swap twice the memory", withHost("{'Memory':268435456,'MemorySwap':536870912}"), "ok", "");
        container("runc", withHost("{'Runtime':'runc'}"), "ok", "");
        container("ulimits tmpfs dns", withHost("{'Ulimits':[{'Name':'nofile','Soft':1024,'Hard':2048}],'Tmpfs':{'/run':'size=1m'},'Dns':['10.0.0.2'],'ExtraHosts':['db:10.0.0.3']}"),
                  "ok", "");
        container("ipc shareable", withHost("{'IpcMode':'shareable'}"), "ok", "");
        create("plain volume", "volume", "{'Name':'nv1','Labels':{'team':'a'}}", "ok", "");
        create("internal network", "network", "{'Name':'nn1','Internal':true,'Driver':'bridge'}", "ok", "");
        update("update own memory", "mine", "{'Memory':268435456,'MemorySwap':536870912}", "ok", "");
        update("update own restart", "mine", "{'RestartPolicy':{'Name':'always'}}", "ok", "");
        Request exec = Request::act(QStringLiteral("container"), QStringLiteral("exec"), QStringLiteral("mine sh")).on(QStringLiteral("mine"));
        exec.body = json("{'Cmd':['sh'],'User':'root'}");
        add("exec as root in own container", exec, "ok", "");
        add("connect own container", Request::act(QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("mynet")).touching(QStringLiteral("mine")), "ok", "");
        for (const char *tag : {"acme/web:1", "127.0.0.1:5000/acme/web", "shop-web", "myapp-api:2"}) {
            add(QByteArray(QByteArray("build tagged ") + tag).constData(), build(tag), "ok", "");
        }
        Request ownHostBuild = Request::host(QStringLiteral("image"), QStringLiteral("build"), QStringLiteral("busybox"));
        ownHostBuild.imageNames << QStringLiteral("busybox:latest");
        add("build tagged busybox on its own host", ownHostBuild, "ok", "", "p1");
        add("pull", Request::host(QStringLiteral("image"), QStringLiteral("pull"), QStringLiteral("busybox")), "ok", "");
        qInfo("%d dangerous requests, %d near misses", m_refused, m_allowed);
    }
    void requests()
    {
        QFETCH(int, index);
        const Case c = m_cases.at(index);
        auto ops = operations(QStringLiteral("acme"), c.host);
        const qsizetype callsBefore = m_engine->calls.size();
        const Outcome o = run(*ops, c.request);
        const AuditEntry last = m_store->auditLog({})->first();
        if (c.expect == QLatin1String("ok")) {
            QVERIFY2(o.ok(), qPrintable(o.error.message));
            QVERIFY(m_engine->calls.size() > callsBefore);
            return;
        }
        QVERIFY(o.refused);
        QCOMPARE(m_engine->calls.size(), callsBefore); // nothing reached the daemon
        QVERIFY2(o.error.message.contains(c.reason), qPrintable(o.error.message));
        QCOMPARE(last.action, c.request.action());
        QCOMPARE(last.result, c.expect);
        QCOMPARE(last.tenant, QStringLiteral("acme"));
        QVERIFY2(last.detail.contains(c.reason), qPrintable(last.detail));
    }

    // Compose files a tenant deploys: the app's volumes, networks and containers, as the
    // deploy makes them, each through the gate; the first refusal stops the deploy.
    void composeKeys_data()
    {
        QTest::addColumn<QByteArray>("service");
        QTest::addColumn<QByteArray>("topLevel");
        QTest::addColumn<QString>("reason"); // empty: the whole app is let through
        auto row = [](const char *name, const char *service, const char *top, const char *reason) {
            QTest::newRow(name) << QByteArray(service) << QByteArray(top) << QString::fromUtf8(reason);
        };
        row("privileged", "    privileged: true\n", "", "--privileged");
        row("cap_add", "    cap_add: [SYS_ADMIN]\n", "", "--cap-add SYS_ADMIN");
        row("devices", "    devices: ['/dev/sda:/dev/sda']\n", "", "--device");
        row("network_mode host", "    network_mode: host\n", "", "--network host");
        row("pid host", "    pid: host\n", "", "PidMode host");
        row("ipc host", "    ipc: host\n", "", "IpcMode host");
        row("bind root", "    volumes: ['/:/host']\n", "", "a host folder");
        row("bind long form", "    volumes:\n      - {type: bind, source: /etc, target: /x}\n", "", "a host folder");
        row("bind relative", "    volumes: ['./conf:/etc/app']\n", "", "a host folder");
        row("volume as host bind", "    volumes: ['data:/data']\n", "volumes:\n  data:\n    driver_opts: {type: none, o: bind, device: /etc}\n", "--opt");
        row("volume driver", "    volumes: ['data:/data']\n", "volumes:\n  data:\n    driver: nfs\n", "--driver nfs");
        row("their external volume", "    volumes: ['data:/data']\n", "volumes:\n  data:\n    external: true\n    name: theirvol\n",
            "Volume \"theirvol\" is not a volume of tenant");
        row("their external network", "    networks: [back]\n", "networks:\n  back:\n    external: true\n    name: theirnet\n", "No network \"theirnet\"");
        row("network driver_opts", "    networks: [back]\n", "networks:\n  back:\n    driver_opts: {com.docker.network.bridge.name: docker0}\n", "--opt");
        row("network subnet", "    networks: [back]\n", "networks:\n  back:\n    ipam:\n      config: [{subnet: 10.0.0.0/8}]\n", "--subnet");
        row("network macvlan", "    networks: [back]\n", "networks:\n  back:\n    driver: macvlan\n", "--driver macvlan");
        row("security_opt seccomp", "    security_opt: ['seccomp:unconfined']\n", "", "seccomp:unconfined");
        row("security_opt apparmor", "    security_opt: ['apparmor:unconfined']\n", "", "apparmor:unconfined");
        row("sysctls", "    sysctls: {kernel.msgmax: 65536}\n", "", "--sysctl kernel.msgmax");
        row("logging syslog", "    logging: {driver: syslog, options: {syslog-address: 'tcp://10.0.0.1:514'}}\n", "", "--log-driver syslog");
        row("ports 80", "    ports: ['80:80']\n", "", "ports below 1024");
        row("ports all interfaces", "    ports: ['8080:80']\n", "", "all interfaces");
        row("ports long form", "    ports:\n      - {target: 80, published: '8080', host_ip: 0.0.0.0}\n", "", "all interfaces");
        row("volumes_from their container", "    volumes_from: ['container:theirs']\n", "", "No container \"theirs\"");
        row("network_mode their container", "    network_mode: 'container:theirs'\n", "", "No container \"theirs\"");
        row("reserved label", "    labels: {io.wharf.tenant: other}\n", "", "reserved");
        row("limits over the plan", "    deploy: {resources: {limits: {cpus: '100'}}}\n", "", "CPUs");
        // near misses
        row("plain app", "    ports: ['127.0.0.1:8080:80']\n    volumes: ['data:/data']\n    networks: [back]\n",
            "volumes:\n  data: {}\nnetworks:\n  back: {internal: true}\n", "");
        row("hardened", "    read_only: true\n    cap_drop: [ALL]\n    security_opt: ['no-new-privileges:true']\n    tmpfs: [/run]\n", "", "");
        row("own external volume", "    volumes: ['data:/data']\n", "volumes:\n  data:\n    external: true\n    name: myvol\n", "");
    }
    void composeKeys()
    {
        QFETCH(QByteArray, service);
        QFETCH(QByteArray, topLevel);
        QFETCH(QString, reason);
        static int n = 0;
        const QString app = QStringLiteral("shop%1").arg(++n);
        Compose::LoadOptions lo;
        lo.files = {QStringLiteral("/virtual/%1/compose.yaml").arg(app)};
        lo.contents.insert(lo.files.first(), "services:\n  web:\n    image: busybox\n" + service + topLevel);
        lo.environment = {};
        const Compose::LoadResult loaded = Compose::load(lo);
        for (const auto &d : loaded.errors())
            qWarning() << d.message;
        QVERIFY(loaded.ok());
        const Compose::Project &p = *loaded.project;
        auto ops = operations(QStringLiteral("acme"), QStringLiteral("h1"));
        Error claimed = Error::make(Error::Input, QStringLiteral("no answer"));
        ops->steps().claimApp(p.name, [&claimed](const Error &e) { claimed = e; });
        QVERIFY2(!claimed.isError(), qPrintable(claimed.message));
        // What the deploy makes, in its order, each a step of the deploy's gate (its own labels
        // go on after admission, as the deployer does).
        QList<std::pair<QString, QJsonObject>> steps;
        for (const auto &v : p.volumes)
            if (!v.external)
                steps << std::pair{QStringLiteral("volume"), Apps::volumeBody(p, v)};
        for (const auto &net : p.networks)
            if (!net.external)
                steps << std::pair{QStringLiteral("network"), Apps::networkBody(p, net)};
        for (const auto &s : p.services) {
            auto body = Apps::createBody(p, s, 1, QStringLiteral("hash"), QStringLiteral("d1"));
            if (!body) { // refused before it is a request (the loader's and the deploy's own rules)
                QVERIFY2(!reason.isEmpty() && body.error().message.contains(reason), qPrintable(body.error().message));
                return;
            }
            steps << std::pair{QStringLiteral("container"), *body};
        }
        const GatedSteps gated = ops->steps();
        const qsizetype callsBefore = m_engine->calls.size();
        for (auto [kind, body] : std::as_const(steps)) {
            const QString name = body.value(QLatin1String("Name")).toString();
            const QJsonObject ours = Apps::takeDeployLabels(&body);
            DockerClient *c = m_client.get();
            const GatedSteps::Send send = [c, kind, name, ours](const QJsonObject &admitted) {
                const QJsonObject b = Apps::withDeployLabels(admitted, ours);
                return kind == QLatin1String("volume") ? c->createVolume(b) : kind == QLatin1String("network") ? c->createNetwork(b) : c->createContainer(b, name);
            };
            std::optional<Error> got;
            gated.create(kind, name, body, send, this, [&got](const Error &e, const QString &, DockerJob *) { got = e; });
            QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 10000));
            if (!got->isError())
                continue;
            QVERIFY2(!reason.isEmpty(), qPrintable(kind + QLatin1Char(' ') + got->message));
            QVERIFY2(got->message.contains(reason), qPrintable(got->message));
            QCOMPARE(m_store->auditLog({})->first().action, kind + QStringLiteral(".create"));
            QCOMPARE(m_store->auditLog({})->first().result, reason == QLatin1String("CPUs") ? QStringLiteral("denied-quota") : QStringLiteral("denied"));
            return;
        }
        QVERIFY2(reason.isEmpty(), qPrintable(QStringLiteral("let through; expected a refusal with: ") + reason));
        QCOMPARE(m_engine->calls.size() - callsBefore, steps.size());
        // what reached the daemon carries the deploy's labels and the tenant's
        const QJsonObject labels = m_engine->bodies.last().value(QLatin1String("Labels")).toObject();
        QCOMPARE(labels.value(QLatin1String("io.wharf.app")).toString(), app);
        QCOMPARE(labels.value(QLatin1String("io.wharf.tenant")).toString(), QStringLiteral("acme"));
    }
};

QTEST_GUILESS_MAIN(TestGateMatrix)
#include "tst_gatematrix.moc"
