// One service of a compose file: checked, typed and written back in its normal form.
#include "loaderprivate.h"

#include "interpolation.h"
#include "docker/containerspec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Wharf::Backends::Compose::detail {


std::optional<ServiceConfig> Loader::normalizeService(const QString &name, YamlNode &svc, const Mark &keyMark)
{
    ServiceConfig s;
    s.name = name;
    s.mark = keyMark;
    if (svc.isNull())
        svc = YamlNode::makeMapping(keyMark);
    if (!svc.isMapping()) {
        error(svc.mark, tr("service \"%1\" must be a mapping, not %2").arg(name, svc.kindName()));
        return std::nullopt;
    }
    prenormalizeService(svc);
    const int errorsBefore = int(errors_count());
    for (const auto &e : svc.entries)
        if (!serviceKeys().contains(e.key) && !e.key.startsWith(u"x-"_s))
            warning(e.keyMark, tr("service \"%1\": unknown key \"%2\" (kept, not used)").arg(name, e.key));

    auto scalarOf = [&](const char *key) -> std::optional<QString> {
        const YamlNode *n = svc.get(QLatin1String(key));
        if (!n || n->isNull())
            return std::nullopt;
        if (!n->isScalar()) {
            error(n->mark, tr("%1 must be a single value, not %2").arg(QLatin1String(key), n->kindName()));
            return std::nullopt;
        }
        return n->scalar;
    };
    auto boolOf = [&](const char *key, bool &out) {
        if (const auto v = scalarOf(key)) {
            const YamlNode *n = svc.get(QLatin1String(key));
            if (isVariable(*n))
                return;
            const auto b = toBool(*v);
            if (!b) {
                error(n->mark, tr("%1 must be true or false, not \"%2\"").arg(QLatin1String(key), *v));
                return;
            }
            out = *b;
            *svc.get(QLatin1String(key)) = plain(*b ? u"true"_s : u"false"_s, n->mark);
        }
    };
    auto bytesOf = [&](const YamlNode *n, const QString &what, qint64 &out) {
        if (!n || n->isNull() || isVariable(*n))
            return;
        const auto b = n->isScalar() ? parseBytes(n->scalar) : std::nullopt;
        if (!b) {
            error(n->mark, tr("%1: \"%2\" is not a size (like 512m or 1g)").arg(what, n->scalar));
            return;
        }
        out = *b;
    };
    auto listOf = [&](const char *key, QStringList &out, bool scalarAllowed) {
        YamlNode *n = svc.get(QLatin1String(key));
        if (!n || n->isNull())
            return;
        if (n->isScalar() && scalarAllowed) {
            out << n->scalar;
            YamlNode seq = YamlNode::makeSequence(n->mark);
            seq.append(*n);
            *n = seq;
            return;
        }
        if (!n->isSequence()) {
            error(n->mark, tr("%1 must be a list, not %2").arg(QLatin1String(key), n->kindName()));
            return;
        }
        for (const auto &i : n->items) {
            if (!i.isScalar()) {
                error(i.mark, tr("%1: each entry must be a single value, not %2").arg(QLatin1String(key), i.kindName()));
                continue;
            }
            out << i.scalar;
        }
    };
    auto mapOf = [&](const YamlNode *n, const QString &what, QMap<QString, QString> &out) {
        if (!n || n->isNull())
            return;
        if (!n->isMapping()) {
            error(n->mark, tr("%1 must be a mapping or a list of KEY=VALUE, not %2").arg(what, n->kindName()));
            return;
        }
        for (const auto &e : n->entries) {
            if (e.value.isMapping() || e.value.isSequence()) {
                error(e.value.mark, tr("%1: the value of %2 must be a single value").arg(what, e.key));
                continue;
            }
            out.insert(e.key, e.value.scalar);
        }
    };
    auto commandOf = [&](const char *key, std::optional<QStringList> &out) {
        YamlNode *n = svc.get(QLatin1String(key));
        if (!n)
            return;
        if (n->isNull()) {
            out = QStringList{};
            return;
        }
        if (n->isScalar()) {
            const auto split = splitCommand(n->scalar);
            if (!split) {
                error(n->mark, tr("%1: a quote is not closed in \"%2\"").arg(QLatin1String(key), n->scalar));
                return;
            }
            out = *split;
        } else if (n->isSequence()) {
            QStringList l;
            for (const auto &i : n->items)
                l << i.scalar;
            out = l;
        } else {
            error(n->mark, tr("%1 must be a string or a list, not %2").arg(QLatin1String(key), n->kindName()));
            return;
        }
        YamlNode seq = YamlNode::makeSequence(n->mark);
        for (const QString &a : *out)
            seq.append(quotedScalar(a, n->mark));
        *n = seq;
    };

    if (const auto v = scalarOf("image"))
        s.image = *v;
    if (YamlNode *b = svc.get(u"build")) {
        if (!b->isMapping()) {
            error(b->mark, tr("build must be a folder or a mapping with context:, not %1").arg(b->kindName()));
        } else {
            Build build;
            if (const YamlNode *c = b->get(u"context"))
                build.context = c->scalar;
            else
                b->set(u"context"_s, quotedScalar(build.context = m_options.projectDirectory));
            if (const YamlNode *d = b->get(u"dockerfile"))
                build.dockerfile = d->scalar;
            if (const YamlNode *d = b->get(u"dockerfile_inline"))
                build.dockerfileInline = d->scalar;
            if (const YamlNode *t = b->get(u"target"))
                build.target = t->scalar;
            mapOf(b->get(u"args"), u"build.args"_s, build.args);
            mapOf(b->get(u"labels"), u"build.labels"_s, build.labels);
            if (const YamlNode *nc = b->get(u"no_cache"))
                build.noCache = toBool(nc->scalar).value_or(false);
            if (const YamlNode *p = b->get(u"pull"))
                build.pull = toBool(p->scalar).value_or(false);
            s.build = build;
        }
    }
    commandOf("command", s.command);
    commandOf("entrypoint", s.entrypoint);

    // environment: env_file first, then environment: wins; "KEY" alone comes from the environment
    if (YamlNode *ef = svc.get(u"env_file")) {
        QList<std::pair<QString, bool>> files;
        if (ef->isScalar())
            files << std::pair{ef->scalar, true};
        else if (ef->isSequence())
            for (const auto &i : ef->items) {
                if (i.isScalar())
                    files << std::pair{i.scalar, true};
                else if (const YamlNode *p = i.get(u"path")) {
                    const YamlNode *req = i.get(u"required");
                    files << std::pair{p->scalar, req ? toBool(req->scalar).value_or(true) : true};
                }
            }
        else
            error(ef->mark, tr("env_file must be a path or a list, not %1").arg(ef->kindName()));
        for (const auto &[path, required] : files) {
            if (!QFileInfo::exists(path) && !m_options.contents.contains(path)) {
                if (required)
                    error(ef->mark, tr("service \"%1\": the env_file %2 does not exist").arg(name, QDir::toNativeSeparators(path)));
                continue;
            }
            const auto text = readFile(path, ef->mark);
            if (!text)
                continue;
            const DotEnv parsed = parseDotEnv(*text, [this](const QString &n) -> std::optional<QString> {
                if (m_env.contains(n))
                    return m_env.value(n);
                return std::nullopt;
            });
            if (!parsed.error.isEmpty()) {
                error(Mark{path, parsed.errorLine, 1}, parsed.error);
                continue;
            }
            for (const auto &[k, v] : parsed.values)
                s.environment.insert(k, v);
        }
        svc.remove(u"env_file");
    }
    if (YamlNode *env = svc.get(u"environment")) {
        if (!env->isMapping() && !env->isNull()) {
            error(env->mark, tr("environment must be a mapping or a list of KEY=VALUE, not %1").arg(env->kindName()));
        } else {
            for (const auto &e : env->entries) {
                if (e.value.isNull()) {
                    if (m_env.contains(e.key))
                        s.environment.insert(e.key, m_env.value(e.key));
                } else if (e.value.isScalar()) {
                    s.environment.insert(e.key, e.value.scalar);
                } else {
                    error(e.value.mark, tr("environment: the value of %1 must be a single value").arg(e.key));
                }
            }
        }
    }
    if (!s.environment.isEmpty() || svc.get(u"environment")) {
        YamlNode m = YamlNode::makeMapping(svc.get(u"environment") ? svc.get(u"environment")->mark : svc.mark);
        for (auto it = s.environment.cbegin(); it != s.environment.cend(); ++it)
            m.set(it.key(), quotedScalar(it.value()));
        svc.set(u"environment"_s, m);
    }

    if (YamlNode *ports = svc.get(u"ports")) {
        if (!ports->isSequence()) {
            error(ports->mark, tr("ports must be a list, not %1").arg(ports->kindName()));
        } else {
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
    }
    if (YamlNode *ex = svc.get(u"expose"); ex && ex->isSequence())
        for (auto &i : ex->items) {
            int a = 0;
            int b = 0;
            const QString port = i.scalar.section(u'/', 0, 0);
            if (!isVariable(i) && !validPort(port, a, b))
                error(i.mark, tr("expose: \"%1\" is not a port").arg(i.scalar));
            s.expose << i.scalar;
            i.quoted = true;
        }

    if (YamlNode *vols = svc.get(u"volumes")) {
        if (!vols->isSequence()) {
            error(vols->mark, tr("volumes must be a list, not %1").arg(vols->kindName()));
        } else {
            YamlNode out = YamlNode::makeSequence(vols->mark);
            for (const auto &v : vols->items) {
                if (isVariable(v)) {
                    out.append(v);
                    continue;
                }
                Mount m;
                if (v.isScalar()) {
                    const QStringList parts = splitVolumeSpec(v.scalar);
                    if (parts.size() > 3 || parts.contains(QString())) {
                        error(v.mark, tr("\"%1\" is not a volume (SOURCE:TARGET[:MODE] or TARGET)").arg(v.scalar));
                        continue;
                    }
                    if (parts.size() == 1) {
                        m.type = u"volume"_s;
                        m.target = parts[0];
                    } else {
                        m.source = parts[0];
                        m.target = parts[1];
                        m.type = looksLikePath(m.source) ? u"bind"_s : u"volume"_s;
                        if (parts.size() == 3) {
                            for (const QString &opt : parts[2].split(u',')) {
                                if (opt == u"ro"_s)
                                    m.readOnly = true;
                                else if (opt == u"rw"_s)
                                    m.readOnly = false;
                                else if (opt == u"nocopy"_s)
                                    m.noCopy = true;
                                else if (QStringList{u"z"_s, u"Z"_s}.contains(opt))
                                    ;
                                else if (QStringList{u"shared"_s, u"slave"_s, u"private"_s, u"rshared"_s, u"rslave"_s, u"rprivate"_s}.contains(opt))
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
                        continue;
                    }
                } else {
                    error(v.mark, tr("a volume is a string like data:/var/lib/data or a mapping with target:"));
                    continue;
                }
                if (m.target.isEmpty()) {
                    error(v.mark, tr("this volume has no target path in the container"));
                    continue;
                }
                s.volumes << m;
                YamlNode n = YamlNode::makeMapping(v.mark);
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
                out.append(n);
            }
            *vols = out;
        }
    }

    if (YamlNode *nw = svc.get(u"networks")) {
        if (!nw->isMapping()) {
            error(nw->mark, tr("networks must be a list or a mapping, not %1").arg(nw->kindName()));
        } else {
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
    }

    if (YamlNode *dep = svc.get(u"depends_on")) {
        if (!dep->isMapping()) {
            error(dep->mark, tr("depends_on must be a list or a mapping, not %1").arg(dep->kindName()));
        } else {
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
                static const QStringList conditions{u"service_started"_s, u"service_healthy"_s, u"service_completed_successfully"_s};
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
    }

    if (YamlNode *hc = svc.get(u"healthcheck")) {
        if (!hc->isMapping()) {
            error(hc->mark, tr("healthcheck must be a mapping, not %1").arg(hc->kindName()));
        } else {
            Healthcheck h;
            if (const YamlNode *d = hc->get(u"disable"))
                h.disable = toBool(d->scalar).value_or(false);
            if (YamlNode *t = hc->get(u"test")) {
                if (t->isScalar()) {
                    h.test = {u"CMD-SHELL"_s, t->scalar};
                    YamlNode seq = YamlNode::makeSequence(t->mark);
                    seq.append(plain(u"CMD-SHELL"_s));
                    seq.append(quotedScalar(t->scalar));
                    *t = seq;
                } else {
                    for (const auto &i : t->items)
                        h.test << i.scalar;
                }
                if (!h.test.isEmpty() && !QStringList{u"CMD"_s, u"CMD-SHELL"_s, u"NONE"_s}.contains(h.test.first()))
                    error(t->mark, tr("healthcheck.test: a list starts with CMD, CMD-SHELL or NONE, not \"%1\"").arg(h.test.first()));
                if (h.test.value(0) == u"NONE"_s)
                    h.disable = true;
            }
            auto duration = [&](const char *key, qint64 &out) {
                const YamlNode *n = hc->get(QLatin1String(key));
                if (!n || isVariable(*n))
                    return;
                const auto d = parseDuration(n->scalar);
                if (!d)
                    error(n->mark, tr("healthcheck.%1: \"%2\" is not a duration (like 30s, 1m30s or 500ms)").arg(QLatin1String(key), n->scalar));
                else
                    out = *d;
            };
            duration("interval", h.intervalNs);
            duration("timeout", h.timeoutNs);
            duration("start_period", h.startPeriodNs);
            duration("start_interval", h.startIntervalNs);
            if (const YamlNode *r = hc->get(u"retries"); r && !isVariable(*r)) {
                bool ok = false;
                h.retries = r->scalar.toInt(&ok);
                if (!ok || h.retries < 0)
                    error(r->mark, tr("healthcheck.retries: \"%1\" is not a whole number").arg(r->scalar));
            }
            s.healthcheck = h;
        }
    }

    if (const auto v = scalarOf("restart")) {
        QString policy;
        int retries = 0;
        if (!isVariable(*svc.get(u"restart")) && (v->trimmed().isEmpty() || ContainerSpec::parseRestart(*v, &policy, &retries).isError()))
            error(svc.get(u"restart")->mark, tr("restart: \"%1\" is not a policy (no, always, on-failure[:N], unless-stopped)").arg(*v));
        s.restart = *v;
    }

    if (YamlNode *deploy = svc.get(u"deploy"); deploy && deploy->isMapping()) {
        if (const YamlNode *r = deploy->get(u"replicas"); r && !isVariable(*r)) {
            bool ok = false;
            s.replicas = r->scalar.toInt(&ok);
            if (!ok || s.replicas < 0)
                error(r->mark, tr("deploy.replicas: \"%1\" is not a whole number").arg(r->scalar));
        }
        if (const YamlNode *res = deploy->get(u"resources")) {
            if (const YamlNode *lim = res->get(u"limits")) {
                if (const YamlNode *c = lim->get(u"cpus"); c && !isVariable(*c)) {
                    const auto n = parseNanoCpus(c->scalar);
                    if (!n)
                        error(c->mark, tr("deploy.resources.limits.cpus: \"%1\" is not a number of CPUs").arg(c->scalar));
                    else
                        s.nanoCpus = *n;
                }
                bytesOf(lim->get(u"memory"), u"deploy.resources.limits.memory"_s, s.memory);
            }
            if (const YamlNode *resv = res->get(u"reservations"))
                bytesOf(resv->get(u"memory"), u"deploy.resources.reservations.memory"_s, s.memoryReservation);
        }
    } else if (deploy && !deploy->isNull()) {
        error(deploy->mark, tr("deploy must be a mapping, not %1").arg(deploy->kindName()));
    }
    if (const YamlNode *sc = svc.get(u"scale"); sc && !isVariable(*sc)) {
        bool ok = false;
        const int n = sc->scalar.toInt(&ok);
        if (!ok || n < 0)
            error(sc->mark, tr("scale: \"%1\" is not a whole number").arg(sc->scalar));
        else
            s.replicas = n;
    }
    if (const YamlNode *c = svc.get(u"cpus"); c && !isVariable(*c)) {
        const auto n = parseNanoCpus(c->scalar);
        if (!n)
            error(c->mark, tr("cpus: \"%1\" is not a number of CPUs").arg(c->scalar));
        else
            s.nanoCpus = *n;
    }
    bytesOf(svc.get(u"mem_limit"), u"mem_limit"_s, s.memory);
    bytesOf(svc.get(u"mem_reservation"), u"mem_reservation"_s, s.memoryReservation);
    bytesOf(svc.get(u"shm_size"), u"shm_size"_s, s.shmSize);
    {
        qint64 swap = 0;
        bytesOf(svc.get(u"memswap_limit"), u"memswap_limit"_s, swap);
    }

    mapOf(svc.get(u"labels"), u"labels"_s, s.labels);
    if (YamlNode *l = svc.get(u"labels"); l && l->isMapping())
        for (auto &e : l->entries)
            e.value.quoted = true;
    mapOf(svc.get(u"sysctls"), u"sysctls"_s, s.sysctls);
    if (const auto v = scalarOf("container_name"))
        s.containerName = *v;
    if (const auto v = scalarOf("hostname"))
        s.hostname = *v;
    if (const auto v = scalarOf("domainname"))
        s.domainname = *v;
    if (const auto v = scalarOf("working_dir"))
        s.workingDir = *v;
    if (const auto v = scalarOf("user"))
        s.user = *v;
    if (const auto v = scalarOf("network_mode"))
        s.networkMode = *v;
    if (const auto v = scalarOf("pid"))
        s.pid = *v;
    if (const auto v = scalarOf("ipc"))
        s.ipc = *v;
    if (const auto v = scalarOf("stop_signal"))
        s.stopSignal = *v;
    if (const auto v = scalarOf("platform"))
        s.platform = *v;
    if (const auto v = scalarOf("pull_policy"))
        s.pullPolicy = *v;
    listOf("extra_hosts", s.extraHosts, false);
    listOf("dns", s.dns, true);
    listOf("dns_search", s.dnsSearch, true);
    listOf("cap_add", s.capAdd, false);
    listOf("cap_drop", s.capDrop, false);
    listOf("profiles", s.profiles, false);
    listOf("tmpfs", s.tmpfs, true);
    listOf("devices", s.devices, false);
    listOf("security_opt", s.securityOpt, false);
    listOf("links", s.links, false);
    listOf("volumes_from", s.volumesFrom, false);
    for (QString &h : s.extraHosts)
        if (!h.contains(u':') && h.contains(u'='))
            h.replace(h.indexOf(u'='), 1, u':');
    boolOf("privileged", s.privileged);
    boolOf("read_only", s.readOnly);
    boolOf("tty", s.tty);
    boolOf("stdin_open", s.stdinOpen);
    if (svc.get(u"init")) {
        bool init = false;
        boolOf("init", init);
        s.init = init;
    }
    if (const YamlNode *g = svc.get(u"stop_grace_period"); g && !isVariable(*g)) {
        const auto d = parseDuration(g->scalar);
        if (!d)
            error(g->mark, tr("stop_grace_period: \"%1\" is not a duration (like 10s or 1m30s)").arg(g->scalar));
        else
            s.stopGracePeriodNs = *d;
    }
    if (const YamlNode *lg = svc.get(u"logging"); lg && lg->isMapping()) {
        if (const YamlNode *d = lg->get(u"driver"))
            s.logDriver = d->scalar;
        mapOf(lg->get(u"options"), u"logging.options"_s, s.logOptions);
    }
    if (const YamlNode *ul = svc.get(u"ulimits"); ul && ul->isMapping()) {
        for (const auto &e : ul->entries) {
            Ulimit u;
            bool ok1 = true;
            bool ok2 = true;
            if (e.value.isScalar()) {
                if (isVariable(e.value))
                    continue;
                u.soft = u.hard = e.value.scalar.toLongLong(&ok1);
            } else if (e.value.isMapping()) {
                const YamlNode *so = e.value.get(u"soft");
                const YamlNode *ha = e.value.get(u"hard");
                if ((so && isVariable(*so)) || (ha && isVariable(*ha)))
                    continue;
                u.soft = so ? so->scalar.toLongLong(&ok1) : 0;
                u.hard = ha ? ha->scalar.toLongLong(&ok2) : u.soft;
            }
            if (!ok1 || !ok2)
                error(e.value.mark, tr("ulimits.%1: the limits must be whole numbers").arg(e.key));
            else
                s.ulimits.insert(e.key, u);
        }
    }
    for (const char *kind : {"secrets", "configs"}) {
        const YamlNode *refs = svc.get(QLatin1String(kind));
        if (!refs)
            continue;
        QList<FileReference> &out = QLatin1String(kind) == u"secrets"_s ? s.secrets : s.configs;
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
            out << f;
        }
    }
    if (s.replicas > 1 && !s.containerName.isEmpty())
        error(svc.get(u"container_name")->mark,
              tr("service \"%1\" has container_name \"%2\" and %3 replicas; a container name must be unique").arg(name, s.containerName).arg(s.replicas));
    if (int(errors_count()) > errorsBefore)
        return std::nullopt;
    return s;
}

} // namespace Wharf::Backends::Compose::detail
