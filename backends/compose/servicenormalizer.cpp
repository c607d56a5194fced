// One service of a compose file: checked, typed and written back in its normal form.
//
// ServiceNormalizer reads one service key group at a time. What it reads is declared in
// tables: plain values, lists and flags by the field of ServiceConfig they fill, and the keys
// that need more than that by the method that reads them. The tables run in order (env_file
// before environment:, deploy: before the cpus: and mem_limit: that override it).
#include "servicenormalizer.h"

#include "interpolation.h"
#include "docker/containerspec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Wharf::Backends::Compose::detail {

const QList<ServiceNormalizer::KeyGroup> &ServiceNormalizer::groups()
{
    using N = ServiceNormalizer;
    static const QList<KeyGroup> table{
        {{"image"_L1}, &N::readImage},
        {{"build"_L1}, &N::readBuild},
        {{"command"_L1}, &N::readCommand},
        {{"entrypoint"_L1}, &N::readEntrypoint},
        {{"env_file"_L1}, &N::readEnvFiles}, // first: environment: wins over it
        {{"env_file"_L1, "environment"_L1}, &N::readEnvironment},
        {{"ports"_L1}, &N::readPorts},
        {{"expose"_L1}, &N::readExpose},
        {{"volumes"_L1}, &N::readVolumes},
        {{"networks"_L1}, &N::readNetworks},
        {{"depends_on"_L1}, &N::readDependsOn},
        {{"healthcheck"_L1}, &N::readHealthcheck},
        {{"restart"_L1}, &N::readRestart},
        {{"deploy"_L1}, &N::readDeploy},
        {{"scale"_L1}, &N::readScale}, // after deploy: it overrides deploy.replicas
        {{"cpus"_L1}, &N::readCpus}, // and deploy.resources.limits.cpus
        {{"mem_limit"_L1, "mem_reservation"_L1, "shm_size"_L1, "memswap_limit"_L1}, &N::readMemory},
        {{"labels"_L1}, &N::readLabels},
        {{"sysctls"_L1}, &N::readSysctls},
        {{}, &N::readScalars},
        {{}, &N::readLists},
        {{}, &N::readFlags},
        {{"init"_L1}, &N::readInit},
        {{"stop_grace_period"_L1}, &N::readStopGracePeriod},
        {{"logging"_L1}, &N::readLogging},
        {{"ulimits"_L1}, &N::readUlimits},
        {{"secrets"_L1, "configs"_L1}, &N::readFileReferences},
    };
    return table;
}

void ServiceNormalizer::run()
{
    for (const KeyGroup &g : groups()) {
        const bool present = g.keys.isEmpty()
            || std::any_of(g.keys.cbegin(), g.keys.cend(), [this](QLatin1StringView k) { return m_svc.get(k) != nullptr; });
        if (present)
            (this->*g.read)();
    }
    checkAcrossKeys();
}

// --- readers of one value shape ---

std::optional<QString> ServiceNormalizer::scalarOf(QLatin1StringView key)
{
    const YamlNode *n = m_svc.get(key);
    if (!n || n->isNull())
        return std::nullopt;
    if (!n->isScalar()) {
        error(n->mark, tr("%1 must be a single value, not %2").arg(key, n->kindName()));
        return std::nullopt;
    }
    return n->scalar;
}

void ServiceNormalizer::boolOf(QLatin1StringView key, bool &out)
{
    const auto v = scalarOf(key);
    if (!v)
        return;
    YamlNode *n = m_svc.get(key);
    if (isVariable(*n))
        return;
    const auto b = toBool(*v);
    if (!b) {
        error(n->mark, tr("%1 must be true or false, not \"%2\"").arg(key, *v));
        return;
    }
    out = *b;
    *n = plain(*b ? u"true"_s : u"false"_s, n->mark);
}

void ServiceNormalizer::bytesOf(const YamlNode *n, const QString &what, qint64 &out)
{
    if (!n || n->isNull() || isVariable(*n))
        return;
    const auto b = n->isScalar() ? parseBytes(n->scalar) : std::nullopt;
    if (!b) {
        error(n->mark, tr("%1: \"%2\" is not a size (like 512m or 1g)").arg(what, n->scalar));
        return;
    }
    out = *b;
}

void ServiceNormalizer::listOf(QLatin1StringView key, QStringList &out, bool scalarAllowed)
{
    YamlNode *n = m_svc.get(key);
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
        error(n->mark, tr("%1 must be a list, not %2").arg(key, n->kindName()));
        return;
    }
    for (const auto &i : n->items) {
        if (!i.isScalar()) {
            error(i.mark, tr("%1: each entry must be a single value, not %2").arg(key, i.kindName()));
            continue;
        }
        out << i.scalar;
    }
}

void ServiceNormalizer::mapOf(const YamlNode *n, const QString &what, QMap<QString, QString> &out)
{
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
}

void ServiceNormalizer::commandOf(QLatin1StringView key, std::optional<QStringList> &out)
{
    YamlNode *n = m_svc.get(key);
    if (!n)
        return;
    if (n->isNull()) {
        out = QStringList{};
        return;
    }
    if (n->isScalar()) {
        const auto split = splitCommand(n->scalar);
        if (!split) {
            error(n->mark, tr("%1: a quote is not closed in \"%2\"").arg(key, n->scalar));
            return;
        }
        out = *split;
    } else if (n->isSequence()) {
        QStringList l;
        for (const auto &i : n->items)
            l << i.scalar;
        out = l;
    } else {
        error(n->mark, tr("%1 must be a string or a list, not %2").arg(key, n->kindName()));
        return;
    }
    YamlNode seq = YamlNode::makeSequence(n->mark);
    for (const QString &a : *out)
        seq.append(quotedScalar(a, n->mark));
    *n = seq;
}

// --- key groups ---

void ServiceNormalizer::readImage()
{
    if (const auto v = scalarOf("image"_L1))
        s.image = *v;
}

void ServiceNormalizer::readBuild()
{
    YamlNode *b = m_svc.get(u"build");
    if (!b->isMapping()) {
        error(b->mark, tr("build must be a folder or a mapping with context:, not %1").arg(b->kindName()));
        return;
    }
    Build build;
    if (const YamlNode *c = b->get(u"context"))
        build.context = c->scalar;
    else
        b->set(u"context"_s, quotedScalar(build.context = m_loader.m_options.projectDirectory));
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

// env_file: its values go in first; environment: wins over them
void ServiceNormalizer::readEnvFiles()
{
    YamlNode *ef = m_svc.get(u"env_file");
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
        if (!QFileInfo::exists(path) && !m_loader.m_options.contents.contains(path)) {
            if (required)
                error(ef->mark, tr("service \"%1\": the env_file %2 does not exist").arg(m_name, QDir::toNativeSeparators(path)));
            continue;
        }
        const auto text = m_loader.readFile(path, ef->mark);
        if (!text)
            continue;
        const DotEnv parsed = parseDotEnv(*text, [this](const QString &n) -> std::optional<QString> {
            if (m_loader.m_env.contains(n))
                return m_loader.m_env.value(n);
            return std::nullopt;
        });
        if (!parsed.error.isEmpty()) {
            error(Mark{path, parsed.errorLine, 1}, parsed.error);
            continue;
        }
        for (const auto &[k, v] : parsed.values)
            s.environment.insert(k, v);
    }
    m_svc.remove(u"env_file");
}

// "KEY" alone takes its value from the environment the file is loaded in
void ServiceNormalizer::readEnvironment()
{
    if (YamlNode *env = m_svc.get(u"environment")) {
        if (!env->isMapping() && !env->isNull()) {
            error(env->mark, tr("environment must be a mapping or a list of KEY=VALUE, not %1").arg(env->kindName()));
        } else {
            for (const auto &e : env->entries) {
                if (e.value.isNull()) {
                    if (m_loader.m_env.contains(e.key))
                        s.environment.insert(e.key, m_loader.m_env.value(e.key));
                } else if (e.value.isScalar()) {
                    s.environment.insert(e.key, e.value.scalar);
                } else {
                    error(e.value.mark, tr("environment: the value of %1 must be a single value").arg(e.key));
                }
            }
        }
    }
    if (!s.environment.isEmpty() || m_svc.get(u"environment")) {
        YamlNode m = YamlNode::makeMapping(m_svc.get(u"environment") ? m_svc.get(u"environment")->mark : m_svc.mark);
        for (auto it = s.environment.cbegin(); it != s.environment.cend(); ++it)
            m.set(it.key(), quotedScalar(it.value()));
        m_svc.set(u"environment"_s, m);
    }
}

void ServiceNormalizer::readHealthcheck()
{
    YamlNode *hc = m_svc.get(u"healthcheck");
    if (!hc->isMapping()) {
        error(hc->mark, tr("healthcheck must be a mapping, not %1").arg(hc->kindName()));
        return;
    }
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
    const struct
    {
        const char *key;
        qint64 Healthcheck::*field;
    } durations[] = {{"interval", &Healthcheck::intervalNs},
                     {"timeout", &Healthcheck::timeoutNs},
                     {"start_period", &Healthcheck::startPeriodNs},
                     {"start_interval", &Healthcheck::startIntervalNs}};
    for (const auto &[key, field] : durations) {
        const YamlNode *n = hc->get(QLatin1StringView(key));
        if (!n || isVariable(*n))
            continue;
        const auto d = parseDuration(n->scalar);
        if (!d)
            error(n->mark, tr("healthcheck.%1: \"%2\" is not a duration (like 30s, 1m30s or 500ms)").arg(QLatin1StringView(key), n->scalar));
        else
            h.*field = *d;
    }
    if (const YamlNode *r = hc->get(u"retries"); r && !isVariable(*r)) {
        bool ok = false;
        h.retries = r->scalar.toInt(&ok);
        if (!ok || h.retries < 0)
            error(r->mark, tr("healthcheck.retries: \"%1\" is not a whole number").arg(r->scalar));
    }
    s.healthcheck = h;
}

void ServiceNormalizer::readRestart()
{
    const auto v = scalarOf("restart"_L1);
    if (!v)
        return;
    QString policy;
    int retries = 0;
    if (!isVariable(*m_svc.get(u"restart")) && (v->trimmed().isEmpty() || ContainerSpec::parseRestart(*v, &policy, &retries).isError()))
        error(m_svc.get(u"restart")->mark, tr("restart: \"%1\" is not a policy (no, always, on-failure[:N], unless-stopped)").arg(*v));
    s.restart = *v;
}

void ServiceNormalizer::readDeploy()
{
    const YamlNode *deploy = m_svc.get(u"deploy");
    if (deploy->isNull())
        return;
    if (!deploy->isMapping()) {
        error(deploy->mark, tr("deploy must be a mapping, not %1").arg(deploy->kindName()));
        return;
    }
    if (const YamlNode *r = deploy->get(u"replicas"); r && !isVariable(*r)) {
        bool ok = false;
        s.replicas = r->scalar.toInt(&ok);
        if (!ok || s.replicas < 0)
            error(r->mark, tr("deploy.replicas: \"%1\" is not a whole number").arg(r->scalar));
    }
    const YamlNode *res = deploy->get(u"resources");
    if (!res)
        return;
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

void ServiceNormalizer::readScale()
{
    const YamlNode *sc = m_svc.get(u"scale");
    if (isVariable(*sc))
        return;
    bool ok = false;
    const int n = sc->scalar.toInt(&ok);
    if (!ok || n < 0)
        error(sc->mark, tr("scale: \"%1\" is not a whole number").arg(sc->scalar));
    else
        s.replicas = n;
}

void ServiceNormalizer::readCpus()
{
    const YamlNode *c = m_svc.get(u"cpus");
    if (isVariable(*c))
        return;
    const auto n = parseNanoCpus(c->scalar);
    if (!n)
        error(c->mark, tr("cpus: \"%1\" is not a number of CPUs").arg(c->scalar));
    else
        s.nanoCpus = *n;
}

void ServiceNormalizer::readMemory()
{
    bytesOf(m_svc.get(u"mem_limit"), u"mem_limit"_s, s.memory);
    bytesOf(m_svc.get(u"mem_reservation"), u"mem_reservation"_s, s.memoryReservation);
    bytesOf(m_svc.get(u"shm_size"), u"shm_size"_s, s.shmSize);
    qint64 swap = 0; // checked, not used
    bytesOf(m_svc.get(u"memswap_limit"), u"memswap_limit"_s, swap);
}

void ServiceNormalizer::readLabels()
{
    mapOf(m_svc.get(u"labels"), u"labels"_s, s.labels);
    if (YamlNode *l = m_svc.get(u"labels"); l && l->isMapping())
        for (auto &e : l->entries)
            e.value.quoted = true;
}

void ServiceNormalizer::readScalars()
{
    static const ScalarKey keys[] = {
        {"container_name", &ServiceConfig::containerName},
        {"hostname", &ServiceConfig::hostname},
        {"domainname", &ServiceConfig::domainname},
        {"working_dir", &ServiceConfig::workingDir},
        {"user", &ServiceConfig::user},
        {"network_mode", &ServiceConfig::networkMode},
        {"pid", &ServiceConfig::pid},
        {"ipc", &ServiceConfig::ipc},
        {"stop_signal", &ServiceConfig::stopSignal},
        {"platform", &ServiceConfig::platform},
        {"pull_policy", &ServiceConfig::pullPolicy},
    };
    for (const ScalarKey &k : keys)
        if (const auto v = scalarOf(QLatin1StringView(k.key)))
            s.*k.field = *v;
}

void ServiceNormalizer::readLists()
{
    static const ListKey keys[] = {
        {"extra_hosts", &ServiceConfig::extraHosts, false},
        {"dns", &ServiceConfig::dns, true},
        {"dns_search", &ServiceConfig::dnsSearch, true},
        {"cap_add", &ServiceConfig::capAdd, false},
        {"cap_drop", &ServiceConfig::capDrop, false},
        {"profiles", &ServiceConfig::profiles, false},
        {"tmpfs", &ServiceConfig::tmpfs, true},
        {"devices", &ServiceConfig::devices, false},
        {"security_opt", &ServiceConfig::securityOpt, false},
        {"links", &ServiceConfig::links, false},
        {"volumes_from", &ServiceConfig::volumesFrom, false},
    };
    for (const ListKey &k : keys)
        listOf(QLatin1StringView(k.key), s.*k.field, k.scalarAllowed);
    for (QString &h : s.extraHosts) // host=ip is the newer spelling of host:ip
        if (!h.contains(u':') && h.contains(u'='))
            h.replace(h.indexOf(u'='), 1, u':');
}

void ServiceNormalizer::readFlags()
{
    static const FlagKey keys[] = {
        {"privileged", &ServiceConfig::privileged},
        {"read_only", &ServiceConfig::readOnly},
        {"tty", &ServiceConfig::tty},
        {"stdin_open", &ServiceConfig::stdinOpen},
    };
    for (const FlagKey &k : keys)
        boolOf(QLatin1StringView(k.key), s.*k.field);
}

void ServiceNormalizer::readInit()
{
    bool init = false;
    boolOf("init"_L1, init);
    s.init = init;
}

void ServiceNormalizer::readStopGracePeriod()
{
    const YamlNode *g = m_svc.get(u"stop_grace_period");
    if (isVariable(*g))
        return;
    const auto d = parseDuration(g->scalar);
    if (!d)
        error(g->mark, tr("stop_grace_period: \"%1\" is not a duration (like 10s or 1m30s)").arg(g->scalar));
    else
        s.stopGracePeriodNs = *d;
}

void ServiceNormalizer::readLogging()
{
    const YamlNode *lg = m_svc.get(u"logging");
    if (!lg->isMapping())
        return;
    if (const YamlNode *d = lg->get(u"driver"))
        s.logDriver = d->scalar;
    mapOf(lg->get(u"options"), u"logging.options"_s, s.logOptions);
}

void ServiceNormalizer::readUlimits()
{
    const YamlNode *ul = m_svc.get(u"ulimits");
    if (!ul->isMapping())
        return;
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

void ServiceNormalizer::checkAcrossKeys()
{
    if (s.replicas > 1 && !s.containerName.isEmpty())
        error(m_svc.get(u"container_name")->mark,
              tr("service \"%1\" has container_name \"%2\" and %3 replicas; a container name must be unique").arg(m_name, s.containerName).arg(s.replicas));
}


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
    ServiceNormalizer(*this, name, svc, s).run();
    if (int(errors_count()) > errorsBefore)
        return std::nullopt;
    return s;
}

} // namespace Wharf::Backends::Compose::detail
