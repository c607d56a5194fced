// The top level of a compose file and the references between its parts.
#include "loaderprivate.h"

#include "interpolation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Wharf::Backends::Compose::detail {

void Loader::checkTopLevel(const YamlNode &root)
{
    for (const auto &e : root.entries) {
        if (e.key == u"version"_s)
            notice(e.keyMark, tr("the \"version\" key is obsolete and ignored"));
        else if (!topLevelKeys().contains(e.key) && !e.key.startsWith(u"x-"_s))
            warning(e.keyMark, tr("unknown top-level key \"%1\" (kept, not used)").arg(e.key));
    }
}

void Loader::normalizeTopLevel(YamlNode &root, Project &p)
{
    auto objects = [&](const char *section, auto &&each) {
        YamlNode *sec = root.get(QLatin1String(section));
        if (!sec || sec->isNull())
            return;
        if (!sec->isMapping()) {
            error(sec->mark, tr("%1 must be a mapping, not %2").arg(QLatin1String(section), sec->kindName()));
            return;
        }
        for (auto &e : sec->entries) {
            if (e.value.isNull())
                e.value = YamlNode::makeMapping(e.keyMark);
            if (!e.value.isMapping()) {
                error(e.value.mark, tr("%1: %2 must be a mapping, not %3").arg(QLatin1String(section), e.key, e.value.kindName()));
                continue;
            }
            each(e);
        }
    };
    auto externalOf = [&](YamlNode &n, bool &external, QString &name, const QString &key) {
        name = p.name + u'_' + key;
        if (const YamlNode *ex = n.get(u"external")) {
            if (ex->isMapping()) { // the obsolete external: {name: x}
                external = true;
                if (const YamlNode *nm = ex->get(u"name"))
                    name = nm->scalar;
                else
                    name = key;
            } else if (!isVariable(*ex)) {
                const auto b = toBool(ex->scalar);
                if (!b)
                    error(ex->mark, tr("external must be true or false, not \"%1\"").arg(ex->scalar));
                external = b.value_or(false);
                if (external)
                    name = key;
            }
        }
        if (const YamlNode *nm = n.get(u"name"))
            name = nm->scalar;
        n.set(u"name"_s, quotedScalar(name));
    };
    objects("volumes", [&](YamlNode::Entry &e) {
        VolumeConfig v;
        v.key = e.key;
        externalOf(e.value, v.external, v.name, e.key);
        if (const YamlNode *d = e.value.get(u"driver"))
            v.driver = d->scalar;
        if (YamlNode *l = e.value.get(u"labels"); l && l->isSequence())
            *l = toMapping(*l);
        if (YamlNode *o = e.value.get(u"driver_opts"))
            for (const auto &oe : o->entries)
                v.driverOpts.insert(oe.key, oe.value.scalar);
        if (const YamlNode *l = e.value.get(u"labels"))
            for (const auto &le : l->entries)
                v.labels.insert(le.key, le.value.scalar);
        p.volumes << v;
    });
    objects("networks", [&](YamlNode::Entry &e) {
        NetworkConfig n;
        n.key = e.key;
        externalOf(e.value, n.external, n.name, e.key);
        if (const YamlNode *d = e.value.get(u"driver"))
            n.driver = d->scalar;
        if (YamlNode *l = e.value.get(u"labels"); l && l->isSequence())
            *l = toMapping(*l);
        if (const YamlNode *l = e.value.get(u"labels"))
            for (const auto &le : l->entries)
                n.labels.insert(le.key, le.value.scalar);
        if (YamlNode *o = e.value.get(u"driver_opts"))
            for (const auto &oe : o->entries)
                n.driverOpts.insert(oe.key, oe.value.scalar);
        if (const YamlNode *i = e.value.get(u"internal"))
            n.internal = toBool(i->scalar).value_or(false);
        if (const YamlNode *a = e.value.get(u"attachable"))
            n.attachable = toBool(a->scalar).value_or(false);
        if (const YamlNode *v6 = e.value.get(u"enable_ipv6"))
            n.enableIpv6 = toBool(v6->scalar).value_or(false);
        if (const YamlNode *ipam = e.value.get(u"ipam"))
            if (const YamlNode *cfg = ipam->get(u"config"))
                for (const auto &c : cfg->items)
                    if (const YamlNode *sn = c.get(u"subnet"))
                        n.subnets << sn->scalar;
        p.networks << n;
    });
    for (const char *kind : {"secrets", "configs"}) {
        objects(kind, [&](YamlNode::Entry &e) {
            FileObjectConfig f;
            f.key = e.key;
            externalOf(e.value, f.external, f.name, e.key);
            if (const YamlNode *fl = e.value.get(u"file"))
                f.file = fl->scalar;
            if (const YamlNode *en = e.value.get(u"environment"))
                f.environment = en->scalar;
            if (const YamlNode *c = e.value.get(u"content"))
                f.content = c->scalar;
            if (!m_options.consistency)
                ;
            else if (!f.external && f.file.isEmpty() && f.environment.isEmpty() && f.content.isEmpty())
                error(e.keyMark, tr("%1: %2 needs file:, environment:, content: or external: true").arg(QLatin1String(kind), e.key));
            else if (!f.file.isEmpty() && !QFileInfo::exists(f.file))
                error(e.value.get(u"file")->mark, tr("%1: %2: the file %3 does not exist").arg(QLatin1String(kind), e.key, QDir::toNativeSeparators(f.file)));
            (QLatin1String(kind) == u"secrets"_s ? p.secrets : p.configs) << f;
        });
    }
    // the default network every service without networks: joins
    const bool anyDefault = std::any_of(p.services.cbegin(), p.services.cend(), [](const ServiceConfig &s) {
        return s.networks.isEmpty() && s.networkMode.isEmpty();
    }) || std::any_of(p.services.cbegin(), p.services.cend(), [](const ServiceConfig &s) {
        return std::any_of(s.networks.cbegin(), s.networks.cend(), [](const NetworkAttachment &a) { return a.network == u"default"_s; });
    });
    if (anyDefault && !p.network(u"default"_s)) {
        NetworkConfig n;
        n.key = u"default"_s;
        n.name = p.name + u"_default"_s;
        p.networks.prepend(n);
        YamlNode *nets = root.get(u"networks");
        if (!nets || !nets->isMapping())
            nets = &root.set(u"networks"_s, YamlNode::makeMapping());
        YamlNode def = YamlNode::makeMapping();
        def.set(u"name"_s, quotedScalar(n.name));
        nets->entries.insert(nets->entries.begin(), YamlNode::Entry{u"default"_s, {}, def});
    }
}

void Loader::checkReferences(Project &p)
{
    YamlNode *services = p.model.get(u"services");
    auto markOf = [&](const QString &service, const char *key) -> Mark {
        const YamlNode *s = services ? services->get(service) : nullptr;
        const YamlNode::Entry *e = s ? s->entry(QLatin1String(key)) : nullptr;
        if (e)
            return e->value.mark.line ? e->value.mark : e->keyMark;
        const YamlNode::Entry *se = services ? services->entry(service) : nullptr;
        return se ? se->keyMark : Mark{};
    };
    QHash<QString, QStringList> edges;
    for (ServiceConfig &s : p.services) {
        QStringList &deps = edges[s.name];
        for (auto it = s.dependsOn.begin(); it != s.dependsOn.end();) {
            if (!p.service(it->service)) {
                if (p.disabledServices.contains(it->service) && !it->required) {
                    it = s.dependsOn.erase(it);
                    continue;
                }
                error(markOf(s.name, "depends_on"), p.disabledServices.contains(it->service)
                          ? tr("service \"%1\" depends on \"%2\", which is in a profile that is not enabled").arg(s.name, it->service)
                          : tr("service \"%1\" depends on \"%2\", which is not defined").arg(s.name, it->service));
            }
            deps << it->service;
            ++it;
        }
        for (const QString &l : s.links) {
            const QString target = l.section(u':', 0, 0);
            if (!p.service(target))
                error(markOf(s.name, "links"), tr("service \"%1\" links to \"%2\", which is not defined").arg(s.name, target));
            deps << target;
        }
        for (const QString &v : s.volumesFrom) {
            if (v.startsWith(u"container:"_s))
                continue;
            const QString target = v.section(u':', 0, 0);
            if (!p.service(target))
                error(markOf(s.name, "volumes_from"), tr("service \"%1\" takes volumes from \"%2\", which is not defined").arg(s.name, target));
            deps << target;
        }
        for (const auto &[key, value] : {std::pair{"network_mode", s.networkMode}, std::pair{"ipc", s.ipc}, std::pair{"pid", s.pid}})
            if (value.startsWith(u"service:"_s)) {
                const QString target = value.mid(8);
                if (!p.service(target))
                    error(markOf(s.name, key), tr("service \"%1\": %2 names \"%3\", which is not defined").arg(s.name, QLatin1String(key), target));
                deps << target;
            }
        for (const Mount &m : s.volumes)
            if (m.type == u"volume"_s && !m.source.isEmpty() && !p.volume(m.source))
                error(markOf(s.name, "volumes"),
                      tr("service \"%1\" mounts the volume \"%2\", which is not defined under the top-level volumes:").arg(s.name, m.source));
        for (const NetworkAttachment &a : s.networks)
            if (!p.network(a.network))
                error(markOf(s.name, "networks"),
                      tr("service \"%1\" joins the network \"%2\", which is not defined under the top-level networks:").arg(s.name, a.network));
        for (const FileReference &f : s.secrets)
            if (!std::any_of(p.secrets.cbegin(), p.secrets.cend(), [&](const FileObjectConfig &o) { return o.key == f.source; }))
                error(markOf(s.name, "secrets"), tr("service \"%1\" uses the secret \"%2\", which is not defined").arg(s.name, f.source));
        for (const FileReference &f : s.configs)
            if (!std::any_of(p.configs.cbegin(), p.configs.cend(), [&](const FileObjectConfig &o) { return o.key == f.source; }))
                error(markOf(s.name, "configs"), tr("service \"%1\" uses the config \"%2\", which is not defined").arg(s.name, f.source));
        if (s.image.isEmpty() && !s.build)
            warning(s.mark, tr("service \"%1\" has neither an image nor a build; it cannot be deployed").arg(s.name));
    }
    // dependency cycles, reported once each, in file order
    QHash<QString, int> state; // 0 new, 1 on the path, 2 done
    QStringList path;
    QSet<QString> reported;
    std::function<void(const QString &)> visit = [&](const QString &n) {
        state[n] = 1;
        path << n;
        for (const QString &d : edges.value(n)) {
            if (!edges.contains(d))
                continue;
            if (state.value(d) == 1) {
                QStringList cycle = path.mid(path.indexOf(d));
                cycle << d;
                if (!reported.contains(d)) {
                    for (const QString &c : cycle)
                        reported.insert(c);
                    error(markOf(d, "depends_on"), tr("dependency cycle: %1").arg(cycle.join(u" -> "_s)));
                }
            } else if (state.value(d) == 0) {
                visit(d);
            }
        }
        path.removeLast();
        state[n] = 2;
    };
    for (const ServiceConfig &s : p.services)
        if (state.value(s.name) == 0)
            visit(s.name);
}

} // namespace Wharf::Backends::Compose::detail
