// What a compose service attaches to: published and exposed ports, volumes, networks, the
// services it depends on, secrets and configs. Each read, checked and written back in its
// normal (long) form.
#include "servicenormalizer.h"

using namespace Qt::Literals::StringLiterals;

namespace Wharf::Backends::Compose::detail {

void ServiceNormalizer::readPorts()
{
    YamlNode *ports = m_svc.get(u"ports");
    if (!ports->isSequence()) {
        error(ports->mark, tr("ports must be a list, not %1").arg(ports->kindName()));
        return;
    }
    YamlNode out = YamlNode::makeSequence(ports->mark);
    for (const auto &p : ports->items) {
        if (isVariable(p)) {
            out.append(p);
            continue;
        }
        // the long syntax is checked as the short one it stands for: one rule for both
        QString text;
        if (p.isScalar()) {
            text = p.scalar;
        } else if (p.isMapping()) {
            const YamlNode *t = p.get(u"target");
            const YamlNode *pub = p.get(u"published");
            const YamlNode *h = p.get(u"host_ip");
            const YamlNode *pr = p.get(u"protocol");
            const QString ip = h ? h->scalar : QString();
            if (!ip.isEmpty())
                text = (ip.contains(u':') ? u'[' + ip + u']' : ip) + u':';
            if (pub || !ip.isEmpty())
                text += (pub ? pub->scalar : QString()) + u':';
            text += t ? t->scalar : QString();
            if (pr)
                text += u'/' + pr->scalar;
        } else {
            error(p.mark, tr("a port is a string like 8080:80 or a mapping with target:"));
            continue;
        }
        const auto parsed = parsePortMapping(text);
        if (!parsed) {
            error(p.mark, parsed.error().message);
            continue;
        }
        // ranges become one mapping per port, as compose does
        for (const PortMapping &one : expandPortRange(*parsed)) {
            s.ports << one;
            YamlNode m = YamlNode::makeMapping(p.mark);
            m.set(u"mode"_s, plain(u"ingress"_s));
            if (!one.hostIp.isEmpty())
                m.set(u"host_ip"_s, quotedScalar(one.hostIp));
            m.set(u"target"_s, plain(QString::number(one.target)));
            if (!one.published.isEmpty())
                m.set(u"published"_s, quotedScalar(one.published));
            m.set(u"protocol"_s, plain(one.protocol));
            out.append(m);
        }
    }
    *ports = out;
}

void ServiceNormalizer::readExpose()
{
    YamlNode *ex = m_svc.get(u"expose");
    if (!ex->isSequence())
        return;
    for (auto &i : ex->items) {
        int a = 0;
        int b = 0;
        const QString port = i.scalar.section(u'/', 0, 0);
        if (!isVariable(i) && !validPort(port, a, b))
            error(i.mark, tr("expose: \"%1\" is not a port").arg(i.scalar));
        s.expose << i.scalar;
        i.quoted = true;
    }
}

void ServiceNormalizer::readVolumes()
{
    YamlNode *vols = m_svc.get(u"volumes");
    if (!vols->isSequence()) {
        error(vols->mark, tr("volumes must be a list, not %1").arg(vols->kindName()));
        return;
    }
    YamlNode out = YamlNode::makeSequence(vols->mark);
    for (const auto &v : vols->items) {
        if (isVariable(v)) {
            out.append(v);
            continue;
        }
        if (const auto m = volumeOf(v)) {
            s.volumes << *m;
            out.append(volumeNode(*m, v.mark));
        }
    }
    *vols = out;
}

// One entry of volumes:, short (SOURCE:TARGET[:MODE] or TARGET) or long syntax.
std::optional<Mount> ServiceNormalizer::volumeOf(const YamlNode &v)
{
    Mount m;
    if (v.isScalar()) {
        const QStringList parts = splitVolumeSpec(v.scalar);
        if (parts.size() > 3 || parts.contains(QString())) {
            error(v.mark, tr("\"%1\" is not a volume (SOURCE:TARGET[:MODE] or TARGET)").arg(v.scalar));
            return std::nullopt;
        }
        if (parts.size() == 1) {
            m.type = u"volume"_s;
            m.target = parts[0];
        } else {
            m.source = parts[0];
            m.target = parts[1];
            m.type = looksLikePath(m.source) ? u"bind"_s : u"volume"_s;
            if (parts.size() == 3) {
                static const QStringList propagations{u"shared"_s, u"slave"_s, u"private"_s, u"rshared"_s, u"rslave"_s, u"rprivate"_s};
                for (const QString &opt : parts[2].split(u',')) {
                    if (opt == u"ro"_s)
                        m.readOnly = true;
                    else if (opt == u"rw"_s)
                        m.readOnly = false;
                    else if (opt == u"nocopy"_s)
                        m.noCopy = true;
                    else if (opt == u"z"_s || opt == u"Z"_s)
                        ;
                    else if (propagations.contains(opt))
                        m.bindPropagation = opt;
                    else
                        error(v.mark, tr("\"%1\" is not a volume mode (ro, rw, nocopy, z, Z or a propagation)").arg(opt));
                }
            }
        }
    } else if (v.isMapping()) {
        if (const YamlNode *t = v.get(u"type"))
            m.type = t->scalar;
        if (const YamlNode *src = v.get(u"source"))
            m.source = src->scalar;
        if (const YamlNode *t = v.get(u"target"))
            m.target = t->scalar;
        if (const YamlNode *ro = v.get(u"read_only"))
            m.readOnly = toBool(ro->scalar).value_or(false);
        if (const YamlNode *bind = v.get(u"bind")) {
            if (const YamlNode *pr = bind->get(u"propagation"))
                m.bindPropagation = pr->scalar;
            if (const YamlNode *c = bind->get(u"create_host_path"))
                m.createHostPath = toBool(c->scalar).value_or(true);
        }
        if (const YamlNode *vo = v.get(u"volume")) {
            if (const YamlNode *nc = vo->get(u"nocopy"))
                m.noCopy = toBool(nc->scalar).value_or(false);
            if (const YamlNode *sp = vo->get(u"subpath"))
                m.subpath = sp->scalar;
        }
        if (const YamlNode *tf = v.get(u"tmpfs"))
            bytesOf(tf->get(u"size"), u"tmpfs.size"_s, m.tmpfsSize);
        if (m.type.isEmpty())
            m.type = u"volume"_s;
        static const QStringList types{u"volume"_s, u"bind"_s, u"tmpfs"_s, u"npipe"_s, u"cluster"_s, u"image"_s};
        if (!types.contains(m.type)) {
            error(v.mark, tr("\"%1\" is not a volume type (volume, bind, tmpfs or npipe)").arg(m.type));
            return std::nullopt;
        }
    } else {
        error(v.mark, tr("a volume is a string like data:/var/lib/data or a mapping with target:"));
        return std::nullopt;
    }
    if (m.target.isEmpty()) {
        error(v.mark, tr("this volume has no target path in the container"));
        return std::nullopt;
    }
    return m;
}

// The long syntax a mount is written back in.
YamlNode ServiceNormalizer::volumeNode(const Mount &m, const Mark &mark)
{
    YamlNode n = YamlNode::makeMapping(mark);
    n.set(u"type"_s, plain(m.type));
    if (!m.source.isEmpty())
        n.set(u"source"_s, quotedScalar(m.source));
    n.set(u"target"_s, quotedScalar(m.target));
    if (m.readOnly)
        n.set(u"read_only"_s, plain(u"true"_s));
    if (m.type == u"bind"_s) {
        YamlNode bind = YamlNode::makeMapping();
        if (!m.bindPropagation.isEmpty())
            bind.set(u"propagation"_s, plain(m.bindPropagation));
        bind.set(u"create_host_path"_s, plain(m.createHostPath ? u"true"_s : u"false"_s));
        n.set(u"bind"_s, bind);
    }
    if (m.noCopy || !m.subpath.isEmpty()) {
        YamlNode vol = YamlNode::makeMapping();
        if (m.noCopy)
            vol.set(u"nocopy"_s, plain(u"true"_s));
        if (!m.subpath.isEmpty())
            vol.set(u"subpath"_s, quotedScalar(m.subpath));
        n.set(u"volume"_s, vol);
    }
    if (m.tmpfsSize) {
        YamlNode tf = YamlNode::makeMapping();
        tf.set(u"size"_s, plain(QString::number(m.tmpfsSize)));
        n.set(u"tmpfs"_s, tf);
    }
    return n;
}

void ServiceNormalizer::readNetworks()
{
    YamlNode *nw = m_svc.get(u"networks");
    if (!nw->isMapping()) {
        error(nw->mark, tr("networks must be a list or a mapping, not %1").arg(nw->kindName()));
        return;
    }
    for (const auto &e : nw->entries) {
        NetworkAttachment a;
        a.network = e.key;
        if (e.value.isMapping()) {
            if (const YamlNode *al = e.value.get(u"aliases"))
                for (const auto &i : al->items)
                    a.aliases << i.scalar;
            if (const YamlNode *ip = e.value.get(u"ipv4_address"))
                a.ipv4Address = ip->scalar;
            if (const YamlNode *ip = e.value.get(u"ipv6_address"))
                a.ipv6Address = ip->scalar;
        } else if (!e.value.isNull()) {
            error(e.value.mark, tr("networks: %1 takes a mapping (aliases:, ipv4_address:) or nothing").arg(e.key));
        }
        s.networks << a;
    }
}

void ServiceNormalizer::readDependsOn()
{
    YamlNode *dep = m_svc.get(u"depends_on");
    if (!dep->isMapping()) {
        error(dep->mark, tr("depends_on must be a list or a mapping, not %1").arg(dep->kindName()));
        return;
    }
    static const QStringList conditions{u"service_started"_s, u"service_healthy"_s, u"service_completed_successfully"_s};
    for (auto &e : dep->entries) {
        Dependency d;
        d.service = e.key;
        if (e.value.isMapping()) {
            if (const YamlNode *c = e.value.get(u"condition"))
                d.condition = c->scalar;
            if (const YamlNode *r = e.value.get(u"restart"))
                d.restart = toBool(r->scalar).value_or(false);
            if (const YamlNode *r = e.value.get(u"required"))
                d.required = toBool(r->scalar).value_or(true);
        } else if (!e.value.isNull()) {
            error(e.value.mark, tr("depends_on: %1 takes a mapping (condition:, restart:, required:)").arg(e.key));
        }
        if (!conditions.contains(d.condition)) {
            error(e.value.mark.line ? e.value.mark : e.keyMark,
                  tr("depends_on: \"%1\" is not a condition (service_started, service_healthy or service_completed_successfully)").arg(d.condition));
            continue;
        }
        YamlNode m = YamlNode::makeMapping(e.value.mark);
        m.set(u"condition"_s, plain(d.condition));
        if (d.restart)
            m.set(u"restart"_s, plain(u"true"_s));
        m.set(u"required"_s, plain(d.required ? u"true"_s : u"false"_s));
        e.value = m;
        if (e.value.mark.line == 0)
            e.value.mark = e.keyMark;
        s.dependsOn << d;
    }
}

void ServiceNormalizer::readFileReferences()
{
    const std::pair<QLatin1StringView, QList<FileReference> ServiceConfig::*> kinds[] = {
        {"secrets"_L1, &ServiceConfig::secrets},
        {"configs"_L1, &ServiceConfig::configs},
    };
    for (const auto &[kind, field] : kinds) {
        const YamlNode *refs = m_svc.get(kind);
        if (!refs)
            continue;
        for (const auto &r : refs->items) {
            FileReference f;
            if (r.isScalar()) {
                f.source = r.scalar;
            } else if (r.isMapping()) {
                if (const YamlNode *so = r.get(u"source"))
                    f.source = so->scalar;
                if (const YamlNode *t = r.get(u"target"))
                    f.target = t->scalar;
                if (const YamlNode *u = r.get(u"uid"))
                    f.uid = u->scalar;
                if (const YamlNode *g = r.get(u"gid"))
                    f.gid = g->scalar;
                if (const YamlNode *m = r.get(u"mode"); m && !isVariable(*m)) {
                    bool ok = false;
                    f.mode = m->scalar.toInt(&ok, m->scalar.startsWith(u'0') ? 8 : 10);
                    if (!ok)
                        f.mode = -1;
                }
            }
            (s.*field) << f;
        }
    }
}

} // namespace Wharf::Backends::Compose::detail
