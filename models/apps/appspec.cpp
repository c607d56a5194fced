#include "appspec.h"
#include <optional>
#include <algorithm>
#include <QJsonDocument>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>

namespace Wharf::Models::Apps {

using namespace Backends::Compose;
using Backends::Error;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Models::Apps", text);
}

QString endpointName(const Project &p, const ServiceConfig &s, int index)
{
    if (index >= s.networks.size())
        return {};
    const NetworkConfig *n = p.network(s.networks[index].network);
    return n ? n->name : QString();
}

QJsonObject endpointConfig(const ServiceConfig &s, const NetworkAttachment &a)
{
    QJsonArray aliases{s.name};
    for (const QString &al : a.aliases)
        aliases.append(al);
    QJsonObject ep{{QStringLiteral("Aliases"), aliases}};
    if (!a.ipv4Address.isEmpty() || !a.ipv6Address.isEmpty()) {
        QJsonObject ipam;
        if (!a.ipv4Address.isEmpty())
            ipam.insert(QStringLiteral("IPv4Address"), a.ipv4Address);
        if (!a.ipv6Address.isEmpty())
            ipam.insert(QStringLiteral("IPv6Address"), a.ipv6Address);
        ep.insert(QStringLiteral("IPAMConfig"), ipam);
    }
    return ep;
}

QJsonObject labelsOf(const QMap<QString, QString> &m)
{
    QJsonObject o;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

namespace {

// The service's configuration as the hash sees it: what the number of replicas says is left
// out (scaling never recreates), and so is a deploy: that held nothing else.
std::optional<YamlNode> hashedService(const Project &project, const QString &service)
{
    const YamlNode *services = project.model.get(u"services");
    const YamlNode *node = services ? services->get(service) : nullptr;
    if (!node)
        return std::nullopt;
    YamlNode n = *node;
    n.remove(u"scale");
    if (YamlNode *d = n.get(u"deploy")) {
        d->remove(u"replicas");
        if (d->isMapping() && d->entries.empty())
            n.remove(u"deploy");
    }
    return n;
}

// One text per meaning: mapping keys sorted, scalars as JSON strings (quoting in the file
// does not count: the normaliser has typed the values already), sequences in their order.
void canonical(const YamlNode &n, QByteArray &out)
{
    if (!n.tag.isEmpty())
        out += n.tag.toUtf8() + ' ';
    switch (n.kind) {
    case YamlNode::Null:
        out += "null";
        return;
    case YamlNode::Scalar: {
        QByteArray text = QJsonDocument(QJsonArray{n.scalar}).toJson(QJsonDocument::Compact);
        out += text.mid(1, text.size() - 2);
        return;
    }
    case YamlNode::Sequence:
        out += '[';
        for (const YamlNode &item : n.items) {
            canonical(item, out);
            out += ',';
        }
        out += ']';
        return;
    case YamlNode::Mapping: {
        std::vector<const YamlNode::Entry *> sorted;
        for (const auto &e : n.entries)
            sorted.push_back(&e);
        std::sort(sorted.begin(), sorted.end(), [](const YamlNode::Entry *a, const YamlNode::Entry *b) { return a->key < b->key; });
        out += '{';
        for (const YamlNode::Entry *e : sorted) {
            canonical(YamlNode::makeScalar(e->key), out);
            out += ':';
            canonical(e->value, out);
            out += ',';
        }
        out += '}';
        return;
    }
    }
}

} // namespace

QString configHash(const Project &project, const QString &service)
{
    const auto n = hashedService(project, service);
    if (!n)
        return {};
    QByteArray text;
    canonical(*n, text);
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(project.name.toUtf8());
    h.addData("\n");
    h.addData(text);
    return QString::fromLatin1(h.result().toHex());
}

QString legacyConfigHash(const Project &project, const QString &service)
{
    const YamlNode *services = project.model.get(u"services");
    const YamlNode *node = services ? services->get(service) : nullptr;
    if (!node)
        return {};
    YamlNode n = *node;
    n.remove(u"scale");
    if (YamlNode *d = n.get(u"deploy"))
        d->remove(u"replicas");
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(project.name.toUtf8());
    h.addData("\n");
    h.addData(emitYaml(n));
    return QString::fromLatin1(h.result().toHex());
}

QString serviceImage(const Project &project, const ServiceConfig &service)
{
    if (!service.image.isEmpty() || !service.build)
        return service.image;
    return QStringLiteral("%1-%2").arg(project.name, service.name).toLower();
}

QString containerName(const Project &project, const ServiceConfig &service, int number)
{
    if (!service.containerName.isEmpty())
        return service.containerName;
    return QStringLiteral("%1-%2-%3").arg(project.name, service.name).arg(number);
}

QJsonObject takeDeployLabels(QJsonObject *body)
{
    QJsonObject labels = body->value(QLatin1String("Labels")).toObject();
    QJsonObject ours;
    for (const char *key : {Label::ManagedBy, Label::App, Label::WharfService, Label::Deployment, Label::Replica, Label::ServiceConfigHash}) {
        const QString k = QLatin1String(key);
        if (labels.contains(k))
            ours.insert(k, labels.take(k));
    }
    body->insert(QStringLiteral("Labels"), labels);
    return ours;
}

QJsonObject withDeployLabels(QJsonObject body, const QJsonObject &ours)
{
    QJsonObject labels = body.value(QLatin1String("Labels")).toObject();
    for (auto it = ours.begin(); it != ours.end(); ++it)
        labels.insert(it.key(), it.value());
    body.insert(QStringLiteral("Labels"), labels);
    return body;
}

Backends::Expected<QJsonObject> createBody(const Project &p, const ServiceConfig &s, int number, const QString &hash, const QString &deployment)
{
    const QString image = serviceImage(p, s);
    if (image.isEmpty())
        return Error::make(Error::Input, tr("service \"%1\" has neither an image nor a build").arg(s.name));
    QJsonObject body;
    body.insert(QStringLiteral("Image"), image);
    QMap<QString, QString> labels = s.labels;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        if (it.key().startsWith(QLatin1String("io.wharf.")) || it.key().startsWith(QLatin1String("com.docker.compose.")))
            return Error::make(Error::Input, tr("service \"%1\": the label %2 is reserved").arg(s.name, it.key()));
    labels.insert(QLatin1String(Label::Project), p.name);
    labels.insert(QLatin1String(Label::Service), s.name);
    labels.insert(QLatin1String(Label::Number), QString::number(number));
    labels.insert(QLatin1String(Label::Oneoff), QStringLiteral("False"));
    labels.insert(QLatin1String(Label::ConfigHash), hash);
    labels.insert(QLatin1String(Label::WorkingDir), p.workingDir);
    labels.insert(QLatin1String(Label::ConfigFiles), p.files.join(QLatin1Char(',')));
    labels.insert(QLatin1String(Label::Version), QLatin1String(ComposeVersion));
    labels.insert(QLatin1String(Label::ManagedBy), QStringLiteral("wharf"));
    labels.insert(QLatin1String(Label::App), p.name);
    labels.insert(QLatin1String(Label::WharfService), s.name);
    if (!deployment.isEmpty())
        labels.insert(QLatin1String(Label::Deployment), deployment);
    body.insert(QStringLiteral("Labels"), labelsOf(labels));
    QJsonArray env;
    for (auto it = s.environment.cbegin(); it != s.environment.cend(); ++it)
        env.append(QString(it.key() + QLatin1Char('=') + it.value()));
    body.insert(QStringLiteral("Env"), env);
    if (s.command)
        body.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(*s.command));
    if (s.entrypoint)
        body.insert(QStringLiteral("Entrypoint"), QJsonArray::fromStringList(*s.entrypoint));
    if (!s.hostname.isEmpty())
        body.insert(QStringLiteral("Hostname"), s.hostname);
    if (!s.domainname.isEmpty())
        body.insert(QStringLiteral("Domainname"), s.domainname);
    if (!s.workingDir.isEmpty())
        body.insert(QStringLiteral("WorkingDir"), s.workingDir);
    if (!s.user.isEmpty())
        body.insert(QStringLiteral("User"), s.user);
    body.insert(QStringLiteral("Tty"), s.tty);
    body.insert(QStringLiteral("OpenStdin"), s.stdinOpen);
    if (!s.stopSignal.isEmpty())
        body.insert(QStringLiteral("StopSignal"), s.stopSignal);
    if (s.stopGracePeriodNs)
        body.insert(QStringLiteral("StopTimeout"), qint64(*s.stopGracePeriodNs / 1'000'000'000LL));
    QJsonObject exposed;
    QJsonObject bindings;
    Backends::addPortBindings(s.ports, &exposed, &bindings);
    for (const QString &e : s.expose)
        exposed.insert(e.contains(QLatin1Char('/')) ? e : e + QStringLiteral("/tcp"), QJsonObject{});
    if (!exposed.isEmpty())
        body.insert(QStringLiteral("ExposedPorts"), exposed);
    if (s.healthcheck) {
        const Healthcheck &h = *s.healthcheck;
        QJsonObject hc;
        if (h.disable)
            hc.insert(QStringLiteral("Test"), QJsonArray{QStringLiteral("NONE")});
        else {
            if (!h.test.isEmpty())
                hc.insert(QStringLiteral("Test"), QJsonArray::fromStringList(h.test));
            if (h.intervalNs)
                hc.insert(QStringLiteral("Interval"), h.intervalNs);
            if (h.timeoutNs)
                hc.insert(QStringLiteral("Timeout"), h.timeoutNs);
            if (h.startPeriodNs)
                hc.insert(QStringLiteral("StartPeriod"), h.startPeriodNs);
            if (h.retries)
                hc.insert(QStringLiteral("Retries"), h.retries);
        }
        body.insert(QStringLiteral("Healthcheck"), hc);
    }

    QJsonObject host;
    if (!bindings.isEmpty())
        host.insert(QStringLiteral("PortBindings"), bindings);
    QJsonArray binds;
    QJsonArray mounts;
    for (const Mount &m : s.volumes) {
        if (m.type == QLatin1String("bind") && m.createHostPath && m.bindPropagation.isEmpty()) {
            binds.append(QString(m.source + QLatin1Char(':') + m.target + (m.readOnly ? QStringLiteral(":ro") : QString())));
            continue;
        }
        QJsonObject mo{{QStringLiteral("Type"), m.type}, {QStringLiteral("Target"), m.target}, {QStringLiteral("ReadOnly"), m.readOnly}};
        if (m.type == QLatin1String("volume")) {
            if (!m.source.isEmpty()) {
                const VolumeConfig *v = p.volume(m.source);
                mo.insert(QStringLiteral("Source"), v ? v->name : m.source);
            }
            QJsonObject vo;
            if (m.noCopy)
                vo.insert(QStringLiteral("NoCopy"), true);
            if (!m.subpath.isEmpty())
                vo.insert(QStringLiteral("Subpath"), m.subpath);
            if (!vo.isEmpty())
                mo.insert(QStringLiteral("VolumeOptions"), vo);
        } else if (m.type == QLatin1String("bind")) {
            mo.insert(QStringLiteral("Source"), m.source);
            if (!m.bindPropagation.isEmpty())
                mo.insert(QStringLiteral("BindOptions"), QJsonObject{{QStringLiteral("Propagation"), m.bindPropagation}});
        } else if (m.type == QLatin1String("tmpfs")) {
            if (m.tmpfsSize)
                mo.insert(QStringLiteral("TmpfsOptions"), QJsonObject{{QStringLiteral("SizeBytes"), m.tmpfsSize}});
        } else {
            return Error::make(Error::Input, tr("service \"%1\": %2 mounts are not supported on this host").arg(s.name, m.type));
        }
        mounts.append(mo);
    }
    // secrets and configs from files are mounted read-only, as compose does without swarm
    for (const auto &[refs, objects, dir] : {std::tuple{&s.secrets, &p.secrets, QStringLiteral("/run/secrets/")}, std::tuple{&s.configs, &p.configs, QStringLiteral("/")}}) {
        for (const FileReference &r : *refs) {
            const FileObjectConfig *o = nullptr;
            for (const auto &c : *objects)
                if (c.key == r.source)
                    o = &c;
            if (!o || o->file.isEmpty())
                return Error::make(Error::Input, tr("service \"%1\": only secrets and configs from files can be deployed (%2)").arg(s.name, r.source));
            QString target = r.target.isEmpty() ? dir + r.source : r.target;
            if (!target.startsWith(QLatin1Char('/')))
                target = dir + target;
            binds.append(QString(o->file + QLatin1Char(':') + target + QStringLiteral(":ro")));
        }
    }
    if (!binds.isEmpty())
        host.insert(QStringLiteral("Binds"), binds);
    if (!mounts.isEmpty())
        host.insert(QStringLiteral("Mounts"), mounts);
    if (!s.restart.isEmpty()) {
        const QString name = s.restart.section(QLatin1Char(':'), 0, 0);
        QJsonObject rp{{QStringLiteral("Name"), name == QLatin1String("no") ? QString() : name}};
        if (s.restart.contains(QLatin1Char(':')))
            rp.insert(QStringLiteral("MaximumRetryCount"), s.restart.section(QLatin1Char(':'), 1).toInt());
        host.insert(QStringLiteral("RestartPolicy"), rp);
    }
    if (s.nanoCpus)
        host.insert(QStringLiteral("NanoCpus"), s.nanoCpus);
    if (s.memory) {
        host.insert(QStringLiteral("Memory"), s.memory);
        host.insert(QStringLiteral("MemorySwap"), s.memory * 2);
    }
    if (s.memoryReservation)
        host.insert(QStringLiteral("MemoryReservation"), s.memoryReservation);
    if (s.privileged)
        host.insert(QStringLiteral("Privileged"), true);
    if (s.readOnly)
        host.insert(QStringLiteral("ReadonlyRootfs"), true);
    if (!s.capAdd.isEmpty())
        host.insert(QStringLiteral("CapAdd"), QJsonArray::fromStringList(s.capAdd));
    if (!s.capDrop.isEmpty())
        host.insert(QStringLiteral("CapDrop"), QJsonArray::fromStringList(s.capDrop));
    if (!s.dns.isEmpty())
        host.insert(QStringLiteral("Dns"), QJsonArray::fromStringList(s.dns));
    if (!s.dnsSearch.isEmpty())
        host.insert(QStringLiteral("DnsSearch"), QJsonArray::fromStringList(s.dnsSearch));
    if (!s.extraHosts.isEmpty())
        host.insert(QStringLiteral("ExtraHosts"), QJsonArray::fromStringList(s.extraHosts));
    if (s.init)
        host.insert(QStringLiteral("Init"), *s.init);
    if (!s.tmpfs.isEmpty()) {
        QJsonObject t;
        for (const QString &e : s.tmpfs)
            t.insert(e.section(QLatin1Char(':'), 0, 0), e.section(QLatin1Char(':'), 1));
        host.insert(QStringLiteral("Tmpfs"), t);
    }
    if (s.shmSize)
        host.insert(QStringLiteral("ShmSize"), s.shmSize);
    if (!s.ulimits.isEmpty()) {
        QJsonArray u;
        for (auto it = s.ulimits.cbegin(); it != s.ulimits.cend(); ++it)
            u.append(QJsonObject{{QStringLiteral("Name"), it.key()}, {QStringLiteral("Soft"), it->soft}, {QStringLiteral("Hard"), it->hard}});
        host.insert(QStringLiteral("Ulimits"), u);
    }
    if (!s.logDriver.isEmpty())
        host.insert(QStringLiteral("LogConfig"), QJsonObject{{QStringLiteral("Type"), s.logDriver}, {QStringLiteral("Config"), labelsOf(s.logOptions)}});
    if (!s.pid.isEmpty())
        host.insert(QStringLiteral("PidMode"), s.pid);
    if (!s.ipc.isEmpty())
        host.insert(QStringLiteral("IpcMode"), s.ipc);
    if (!s.securityOpt.isEmpty())
        host.insert(QStringLiteral("SecurityOpt"), QJsonArray::fromStringList(s.securityOpt));
    if (!s.sysctls.isEmpty())
        host.insert(QStringLiteral("Sysctls"), labelsOf(s.sysctls));
    if (!s.devices.isEmpty()) {
        QJsonArray d;
        for (const QString &dev : s.devices) {
            const QStringList parts = dev.split(QLatin1Char(':'));
            d.append(QJsonObject{{QStringLiteral("PathOnHost"), parts.value(0)},
                                 {QStringLiteral("PathInContainer"), parts.value(1, parts.value(0))},
                                 {QStringLiteral("CgroupPermissions"), parts.value(2, QStringLiteral("rwm"))}});
        }
        host.insert(QStringLiteral("Devices"), d);
    }
    QJsonArray volumesFrom;
    for (const QString &v : s.volumesFrom) {
        if (v.startsWith(QLatin1String("container:"))) {
            volumesFrom.append(v.mid(10));
            continue;
        }
        const ServiceConfig *from = p.service(v.section(QLatin1Char(':'), 0, 0));
        const QString mode = v.section(QLatin1Char(':'), 1);
        if (from)
            volumesFrom.append(QString(containerName(p, *from, 1) + (mode.isEmpty() ? QString() : QString(QLatin1Char(':') + mode))));
    }
    if (!volumesFrom.isEmpty())
        host.insert(QStringLiteral("VolumesFrom"), volumesFrom);
    QJsonObject networking;
    if (!s.networkMode.isEmpty()) {
        if (s.networkMode.startsWith(QLatin1String("service:"))) {
            const ServiceConfig *other = p.service(s.networkMode.mid(8));
            host.insert(QStringLiteral("NetworkMode"), QString(QStringLiteral("container:") + (other ? containerName(p, *other, 1) : s.networkMode.mid(8))));
        } else {
            host.insert(QStringLiteral("NetworkMode"), s.networkMode);
        }
    } else {
        QString first;
        QJsonObject ep;
        if (s.networks.isEmpty()) {
            const NetworkConfig *def = p.network(QStringLiteral("default"));
            first = def ? def->name : QString();
            ep = QJsonObject{{QStringLiteral("Aliases"), QJsonArray{s.name}}};
        } else {
            first = endpointName(p, s, 0);
            ep = endpointConfig(s, s.networks.first());
        }
        if (!first.isEmpty()) {
            host.insert(QStringLiteral("NetworkMode"), first);
            networking.insert(QStringLiteral("EndpointsConfig"), QJsonObject{{first, ep}});
        }
    }
    body.insert(QStringLiteral("HostConfig"), host);
    if (!networking.isEmpty())
        body.insert(QStringLiteral("NetworkingConfig"), networking);
    return body;
}

QList<std::pair<QString, QJsonObject>> extraNetworks(const Project &p, const ServiceConfig &s)
{
    QList<std::pair<QString, QJsonObject>> out;
    if (!s.networkMode.isEmpty())
        return out;
    for (int i = 1; i < s.networks.size(); ++i)
        out.append({endpointName(p, s, i), endpointConfig(s, s.networks[i])});
    return out;
}

namespace {

// A network's or volume's own labels with the ones that find it again (compose's and ours).
QJsonObject resourceLabels(const Project &p, QMap<QString, QString> labels, const char *keyLabel, const QString &key)
{
    labels.insert(QLatin1String(Label::Project), p.name);
    labels.insert(QLatin1String(keyLabel), key);
    labels.insert(QLatin1String(Label::Version), QLatin1String(ComposeVersion));
    labels.insert(QLatin1String(Label::ManagedBy), QStringLiteral("wharf"));
    labels.insert(QLatin1String(Label::App), p.name);
    return labelsOf(labels);
}

} // namespace

QJsonObject networkBody(const Project &p, const NetworkConfig &n)
{
    QJsonObject body{{QStringLiteral("Name"), n.name},
                     {QStringLiteral("CheckDuplicate"), true},
                     {QStringLiteral("Labels"), resourceLabels(p, n.labels, Label::Network, n.key)},
                     {QStringLiteral("Internal"), n.internal},
                     {QStringLiteral("Attachable"), n.attachable},
                     {QStringLiteral("EnableIPv6"), n.enableIpv6}};
    if (!n.driver.isEmpty())
        body.insert(QStringLiteral("Driver"), n.driver);
    if (!n.driverOpts.isEmpty())
        body.insert(QStringLiteral("Options"), labelsOf(n.driverOpts));
    if (!n.subnets.isEmpty()) {
        QJsonArray cfg;
        for (const QString &sn : n.subnets)
            cfg.append(QJsonObject{{QStringLiteral("Subnet"), sn}});
        body.insert(QStringLiteral("IPAM"), QJsonObject{{QStringLiteral("Config"), cfg}});
    }
    return body;
}

QJsonObject volumeBody(const Project &p, const VolumeConfig &v)
{
    QJsonObject body{{QStringLiteral("Name"), v.name}, {QStringLiteral("Labels"), resourceLabels(p, v.labels, Label::Volume, v.key)}};
    if (!v.driver.isEmpty())
        body.insert(QStringLiteral("Driver"), v.driver);
    if (!v.driverOpts.isEmpty())
        body.insert(QStringLiteral("DriverOpts"), labelsOf(v.driverOpts));
    return body;
}

} // namespace Wharf::Models::Apps
