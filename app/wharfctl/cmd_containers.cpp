#include "cli.h"
#include "operations/daemoncalls.h"
#include "tenancy/policygate.h"
#include "terminal.h"
#include "docker/containerspec.h"
#include "docker/containerstats.h"
#include "docker/format.h"
#include "http/socketframe.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimer>

namespace Wharf::App {

using namespace Backends;


void Cli::cmdPs(const QStringList &a)
{
    FlagParser f = flagsOf("ps");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (!f.positional().isEmpty())
        return failUsage(tr("\"ps\" takes no arguments"));
    Filters filters;
    for (const auto &flt : f.values(QStringLiteral("--filter"))) {
        const int eq = flt.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return failUsage(tr("bad filter \"%1\": use KEY=VALUE").arg(flt));
        filters[flt.left(eq)] << flt.mid(eq + 1);
    }
    const bool quiet = f.isSet(QStringLiteral("-q"));
    const bool noTrunc = f.isSet(QStringLiteral("--no-trunc"));
    // A tenant sees its own containers: the label finds them, the database decides.
    QSet<QString> owned;
    const bool tenant = m_gate && m_gate->principal().isTenant();
    if (tenant) {
        filters[QStringLiteral("label")] << QStringLiteral("%1=%2").arg(QLatin1String(Models::PolicyGate::TenantLabel), m_tenantName);
        auto mine = m_gate->store()->resources(m_tenantName, hostKey());
        if (!mine)
            return fail(mine.error().message);
        for (const auto &r : *mine)
            owned.insert(r.ref);
    }
    call(m_client->listContainers(f.isSet(QStringLiteral("-a")), filters, f.isSet(QStringLiteral("-s"))),
         [this, quiet, noTrunc, tenant, owned](DockerJob *job) {
             QJsonArray list = job->json().array();
             if (tenant) {
                 QJsonArray kept;
                 for (const auto &c : std::as_const(list))
                     if (owned.contains(c.toObject().value(QLatin1String("Id")).toString()))
                         kept << c;
                 list = kept;
             }
             if (quiet) {
                 for (const auto &v : list)
                     m_out << (noTrunc ? v[QLatin1String("Id")].toString() : shortId(v[QLatin1String("Id")].toString())) << '\n';
             } else if (m_json) {
                 // Written directly: a thousand containers are half a megabyte of JSON.
                 QByteArray out;
                 out.reserve(job->body().size());
                 out += '[';
                 for (const auto &v : list) {
                     const QJsonObject o = v.toObject();
                     if (out.size() > 1)
                         out += ',';
                     out += "{\"id\":";
                     appendJsonValue(out, o.value(QLatin1String("Id")));
                     out += ",\"name\":";
                     appendJsonString(out, containerName(o));
                     out += ",\"image\":";
                     appendJsonValue(out, o.value(QLatin1String("Image")));
                     out += ",\"command\":";
                     appendJsonValue(out, o.value(QLatin1String("Command")));
                     out += ",\"created\":";
                     appendJsonValue(out, o.value(QLatin1String("Created")));
                     out += ",\"state\":";
                     appendJsonValue(out, o.value(QLatin1String("State")));
                     out += ",\"status\":";
                     appendJsonValue(out, o.value(QLatin1String("Status")));
                     out += ",\"ports\":";
                     appendJsonString(out, formatPorts(o.value(QLatin1String("Ports")).toArray()));
                     out += ",\"labels\":";
                     appendJsonValue(out, o.value(QLatin1String("Labels")));
                     out += '}';
                 }
                 out += "]\n";
                 writeRaw(out);
             } else {
                 const qint64 now = QDateTime::currentSecsSinceEpoch();
                 QList<QStringList> rows;
                 for (const auto &v : list) {
                     const QJsonObject o = v.toObject();
                     QString cmd = o.value(QLatin1String("Command")).toString();
                     if (!noTrunc && cmd.size() > 20)
                         cmd = cmd.left(19) + QStringLiteral("…");
                     rows << QStringList{noTrunc ? o.value(QLatin1String("Id")).toString() : shortId(o.value(QLatin1String("Id")).toString()),
                                         o.value(QLatin1String("Image")).toString(),
                                         QLatin1Char('"') + cmd + QLatin1Char('"'),
                                         formatAge(qint64(o.value(QLatin1String("Created")).toDouble()), now),
                                         o.value(QLatin1String("Status")).toString(),
                                         formatPorts(o.value(QLatin1String("Ports")).toArray()),
                                         containerName(o)};
                 }
                 printTable({QStringLiteral("CONTAINER ID"), QStringLiteral("IMAGE"), QStringLiteral("COMMAND"),
                             QStringLiteral("CREATED"), QStringLiteral("STATUS"), QStringLiteral("PORTS"), QStringLiteral("NAMES")},
                            rows);
             }
             finish(0);
         });
}

void Cli::cmdCreateOrRun(const QStringList &a, bool run)
{
    FlagParser f = flagsOf(run ? "run" : "create");
    if (auto e = f.parse(a, true); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    if (pos.isEmpty())
        return failUsage(tr("\"%1\" needs an image: wharfctl %1 [OPTIONS] IMAGE [COMMAND...]").arg(run ? QStringLiteral("run") : QStringLiteral("create")));
    if (!run && f.isSet(QStringLiteral("-d")))
        return failUsage(tr("unknown flag: -d"));
    ContainerSpec spec;
    spec.image = pos.first();
    spec.command = pos.mid(1);
    spec.name = f.value(QStringLiteral("--name"));
    spec.env = f.values(QStringLiteral("-e"));
    spec.tty = f.isSet(QStringLiteral("-t"));
    spec.openStdin = f.isSet(QStringLiteral("-i"));
    spec.autoRemove = f.isSet(QStringLiteral("--rm"));
    spec.workingDir = f.value(QStringLiteral("-w"));
    spec.user = f.value(QStringLiteral("-u"));
    spec.network = f.value(QStringLiteral("--network"));
    spec.privileged = f.isSet(QStringLiteral("--privileged"));
    spec.pidMode = f.value(QStringLiteral("--pid"));
    spec.ipcMode = f.value(QStringLiteral("--ipc"));
    spec.devices = f.values(QStringLiteral("--device"));
    spec.capAdd = f.values(QStringLiteral("--cap-add"));
    if (f.isSet(QStringLiteral("--entrypoint")) || !f.value(QStringLiteral("--entrypoint")).isNull()) {
        const QString ep = f.value(QStringLiteral("--entrypoint"));
        if (!ep.isNull()) {
            spec.entrypointSet = true;
            spec.entrypoint = ep.isEmpty() ? QStringList{} : QStringList{ep};
        }
    }
    for (const auto &p : f.values(QStringLiteral("-p"))) {
        auto pm = ContainerSpec::parsePort(p);
        if (!pm)
            return failUsage(pm.error().message);
        spec.ports += expandPortRange(*pm);
    }
    for (const auto &v : f.values(QStringLiteral("-v"))) {
        auto vm = ContainerSpec::parseVolume(v);
        if (!vm)
            return failUsage(vm.error().message);
        spec.volumes << *vm;
    }
    for (const auto &l : f.values(QStringLiteral("-l"))) {
        const int eq = l.indexOf(QLatin1Char('='));
        spec.labels.insert(eq < 0 ? l : l.left(eq), eq < 0 ? QString() : l.mid(eq + 1));
    }
    if (f.isSet(QStringLiteral("-m"))) {
        auto m = ContainerSpec::parseMemory(f.value(QStringLiteral("-m")));
        if (!m)
            return failUsage(m.error().message);
        spec.memoryBytes = *m;
    }
    if (f.isSet(QStringLiteral("--cpus"))) {
        auto c = ContainerSpec::parseCpus(f.value(QStringLiteral("--cpus")));
        if (!c)
            return failUsage(c.error().message);
        spec.nanoCpus = *c;
    }
    if (f.isSet(QStringLiteral("--pids-limit"))) {
        bool ok = false;
        const qint64 n = f.value(QStringLiteral("--pids-limit")).toLongLong(&ok);
        if (!ok || n < -1 || n == 0)
            return failUsage(tr("--pids-limit takes a number of processes (or -1 for no limit), not \"%1\"").arg(f.value(QStringLiteral("--pids-limit"))));
        spec.pidsLimit = n;
    }
    if (f.isSet(QStringLiteral("--restart"))) {
        if (auto e = ContainerSpec::parseRestart(f.value(QStringLiteral("--restart")), &spec.restartPolicy, &spec.restartMaxRetries); e.isError())
            return failUsage(e.message);
    }
    if (auto e = spec.validate(); e.isError())
        return failUsage(e.message);
    if (spec.autoRemove && spec.restartPolicy != QLatin1String("no"))
        return failUsage(tr("--rm and --restart cannot be used together"));
    const bool detach = f.isSet(QStringLiteral("-d"));
    QJsonObject body = spec.toCreateBody();
    // Through the operations layer: a tenant's options, host and quota (reserved now, settled
    // when the daemon answers), and the record.
    operate(Models::Request::create(QStringLiteral("container"), spec.name, body), Models::Calls::createContainer(m_client, spec.name),
            [this, run, detach, spec](const Models::Outcome &o) {
        const QJsonObject created = o.job->json().object();
        const QString id = o.id;
        const QString shown = spec.name.isEmpty() ? id.left(12) : spec.name;
        for (const auto &w : created.value(QLatin1String("Warnings")).toArray())
            m_err << tr("WARNING: %1").arg(w.toString()) << Qt::endl;
        if (!run) {
            m_out << id << Qt::endl;
            return finish(0);
        }
        if (detach) {
            operate(Models::Request::act(QStringLiteral("container"), QStringLiteral("start"), shown).on(id),
                    Models::Calls::startContainer(m_client, id), [this, id](const Models::Outcome &) {
                m_out << id << Qt::endl;
                finish(0);
            });
            return;
        }
        // Foreground: wait (registered first so the exit is not missed), attach, start.
        auto exitCode = std::make_shared<int>(-1);
        auto outputDone = std::make_shared<bool>(false);
        auto tryFinish = [this, exitCode, outputDone] {
            if (*exitCode >= 0 && *outputDone)
                finish(*exitCode);
        };
        DockerJob *wait = m_client->waitContainer(id, spec.autoRemove ? QStringLiteral("removed") : QStringLiteral("next-exit"));
        auto waitBody = std::make_shared<QByteArray>();
        connect(wait, &DockerJob::dataReceived, this, [waitBody](const QByteArray &d) { waitBody->append(d); });
        connect(wait, &DockerJob::finished, this, [this, wait, waitBody, exitCode, tryFinish] {
            wait->deleteLater();
            if (wait->isError())
                return fail(wait->error().message);
            const QJsonObject o = QJsonDocument::fromJson(*waitBody).object();
            if (o.contains(QLatin1String("Error")) && !o.value(QLatin1String("Error")).toObject().isEmpty())
                m_err << o.value(QLatin1String("Error")).toObject().value(QLatin1String("Message")).toString() << Qt::endl;
            *exitCode = o.value(QLatin1String("StatusCode")).toInt(125);
            tryFinish();
        });
        connect(wait, &DockerJob::started, this, [this, id, spec, outputDone, tryFinish] {
            DockerJob *attach = m_client->attachContainer(id, false);
            pipeOutput(attach, spec.tty);
            connect(attach, &DockerJob::finished, this, [attach, outputDone, tryFinish] {
                attach->deleteLater();
                *outputDone = true;
                tryFinish();
            });
            const QString shown = spec.name.isEmpty() ? id.left(12) : spec.name;
            connect(attach, &DockerJob::started, this, [this, id, shown] {
                operate(Models::Request::act(QStringLiteral("container"), QStringLiteral("start"), shown).on(id),
                        Models::Calls::startContainer(m_client, id), [](const Models::Outcome &) {});
            });
        });
    });
}

void Cli::pipeOutput(DockerJob *job, bool tty)
{
    if (tty) {
        connect(job, &DockerJob::dataReceived, this, [this](const QByteArray &d) {
            m_out.flush();
            std::fwrite(d.constData(), 1, size_t(d.size()), stdout);
            std::fflush(stdout);
        });
        return;
    }
    auto demux = std::make_shared<FrameDemuxer>([this](FrameDemuxer::Stream s, const QByteArray &payload) {
        FILE *f = s == FrameDemuxer::Stderr ? stderr : stdout;
        m_out.flush();
        std::fwrite(payload.constData(), 1, size_t(payload.size()), f);
        std::fflush(f);
    });
    connect(job, &DockerJob::dataReceived, this, [this, demux, job](const QByteArray &d) {
        if (!demux->feed(d)) {
            m_streamError = demux->error();
            job->abort();
        }
    });
}

void Cli::cmdSimple(const QString &verb, const QStringList &a)
{
    FlagParser f = flagsOf(qPrintable(verb));
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    int t = -1;
    if (f.isSet(QStringLiteral("-t"))) {
        if (verb != QLatin1String("stop") && verb != QLatin1String("restart"))
            return failUsage(tr("unknown flag: -t"));
        bool ok = false;
        t = f.value(QStringLiteral("-t")).toInt(&ok);
        if (!ok || t < 0)
            return failUsage(tr("-t needs a number of seconds, not \"%1\"").arg(f.value(QStringLiteral("-t"))));
    }
    if (f.isSet(QStringLiteral("-s")) && verb != QLatin1String("kill"))
        return failUsage(tr("unknown flag: --signal"));
    const QString signal = f.value(QStringLiteral("-s"));
    forEachOp(f.positional(), [verb](const QString &n) { return Models::Request::act(QStringLiteral("container"), verb, n); },
              [this, verb, t, signal](const QString &n) -> Send {
        if (verb == QLatin1String("start"))
            return Models::Calls::startContainer(m_client, n);
        if (verb == QLatin1String("stop"))
            return Models::Calls::stopContainer(m_client, n, t);
        if (verb == QLatin1String("restart"))
            return Models::Calls::restartContainer(m_client, n, t);
        if (verb == QLatin1String("kill"))
            return Models::Calls::killContainer(m_client, n, signal);
        if (verb == QLatin1String("pause"))
            return Models::Calls::pauseContainer(m_client, n);
        return Models::Calls::unpauseContainer(m_client, n);
    });
}

void Cli::cmdRm(const QStringList &a)
{
    FlagParser f = flagsOf("rm");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const bool force = f.isSet(QStringLiteral("-f"));
    const bool vols = f.isSet(QStringLiteral("-v"));
    // Its quota goes back to its tenant, whoever removed it.
    forEachOp(f.positional(), [](const QString &n) { return Models::Request::remove(QStringLiteral("container"), n); },
              [this, force, vols](const QString &n) { return Models::Calls::removeContainer(m_client, n, force, vols); });
}

void Cli::cmdRename(const QStringList &a)
{
    if (a.size() != 2)
        return failUsage(tr("usage: wharfctl rename CONTAINER NEW_NAME"));
    if (auto e = ContainerSpec::checkName(a[1]); e.isError() || a[1].isEmpty())
        return failUsage(e.isError() ? e.message : tr("the new name is empty"));
    operate(Models::Request::act(QStringLiteral("container"), QStringLiteral("rename"), a[0]), Models::Calls::renameContainer(m_client, a[0], a[1]),
            [this](const Models::Outcome &) { finish(0); });
}

void Cli::cmdUpdate(const QStringList &a)
{
    FlagParser f = flagsOf("update");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    QJsonObject res;
    if (f.isSet(QStringLiteral("-m"))) {
        auto m = ContainerSpec::parseMemory(f.value(QStringLiteral("-m")));
        if (!m)
            return failUsage(m.error().message);
        res.insert(QStringLiteral("Memory"), *m);
        // Memory plus as much swap, as docker gives a new container; a definite value (not -1)
        // lets the runtime raise both limits in the right order on cgroup v1.
        res.insert(QStringLiteral("MemorySwap"), *m * 2);
    }
    if (f.isSet(QStringLiteral("--cpus"))) {
        auto c = ContainerSpec::parseCpus(f.value(QStringLiteral("--cpus")));
        if (!c)
            return failUsage(c.error().message);
        res.insert(QStringLiteral("NanoCpus"), *c);
    }
    if (f.isSet(QStringLiteral("--restart"))) {
        QString policy;
        int retries = 0;
        if (auto e = ContainerSpec::parseRestart(f.value(QStringLiteral("--restart")), &policy, &retries); e.isError())
            return failUsage(e.message);
        res.insert(QStringLiteral("RestartPolicy"), QJsonObject{{QStringLiteral("Name"), policy == QLatin1String("no") ? QString() : policy},
                                                                {QStringLiteral("MaximumRetryCount"), retries}});
    }
    if (res.isEmpty())
        return failUsage(tr("\"update\" needs at least one of --memory, --cpus, --restart"));
    // The gate: a tenant's growth is reserved against its plan, a refusal undone.
    forEachOp(f.positional(), [res](const QString &n) { return Models::Request::update(n, res); },
              [this](const QString &n) { return Models::Calls::updateContainer(m_client, n); });
}

void Cli::cmdInspect(const QStringList &a)
{
    FlagParser f = flagsOf("inspect");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const QString type = f.value(QStringLiteral("--type"));
    auto results = std::make_shared<QJsonArray>();
    // Like docker: try a container, then an image, a volume, a network.
    auto tryKinds = [this, type](const QString &n) -> DockerJob * {
        if (type == QLatin1String("volume"))
            return m_client->inspectVolume(n);
        if (type == QLatin1String("network"))
            return m_client->inspectNetwork(n);
        if (type == QLatin1String("image"))
            return m_client->inspectImage(n);
        return m_client->inspectContainer(n);
    };
    const QStringList names = f.positional();
    if (!checkOwned(names))
        return;
    if (names.isEmpty())
        return failUsage(tr("\"inspect\" needs at least one name"));
    auto failures = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void(int, int)>>();
    const QList<std::function<DockerJob *(const QString &)>> kinds = type.isEmpty()
        ? QList<std::function<DockerJob *(const QString &)>>{
              [this](const QString &n) { return m_client->inspectContainer(n); },
              [this](const QString &n) { return m_client->inspectImage(n); },
              [this](const QString &n) { return m_client->inspectVolume(n); },
              [this](const QString &n) { return m_client->inspectNetwork(n); }}
        : QList<std::function<DockerJob *(const QString &)>>{tryKinds};
    *step = [=, this](int i, int kind) {
        if (i >= names.size()) {
            printJson(*results);
            return finish(*failures ? 1 : 0);
        }
        DockerJob *job = kinds[kind](names[i]);
        connect(job, &DockerJob::finished, this, [=, this] {
            job->deleteLater();
            if (!job->isError()) {
                results->append(job->json().object());
                return (*step)(i + 1, 0);
            }
            if (job->error().httpStatus == 404 && kind + 1 < kinds.size())
                return (*step)(i, kind + 1);
            ++*failures;
            m_err << tr("Error: %1").arg(job->error().httpStatus == 404 && kinds.size() > 1
                                             ? tr("No such object: %1").arg(names[i])
                                             : job->error().message)
                  << Qt::endl;
            (*step)(i + 1, 0);
        });
    };
    (*step)(0, 0);
}

void Cli::cmdLogs(const QStringList &a)
{
    FlagParser f = flagsOf("logs");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(tr("usage: wharfctl logs [OPTIONS] CONTAINER"));
    LogOptions o;
    o.follow = f.isSet(QStringLiteral("-f"));
    o.timestamps = f.isSet(QStringLiteral("-t"));
    o.since = f.value(QStringLiteral("--since"));
    o.until = f.value(QStringLiteral("--until"));
    o.tail = f.value(QStringLiteral("-n"), QStringLiteral("all"));
    if (o.tail != QLatin1String("all")) {
        bool ok = false;
        const int n = o.tail.toInt(&ok);
        if (!ok || n < 0)
            return failUsage(tr("--tail needs a number or \"all\", not \"%1\"").arg(o.tail));
    }
    const QString name = f.positional().first();
    if (!checkOwned({name}))
        return;
    call(m_client->inspectContainer(name), [this, name, o](DockerJob *job) {
        const bool tty = job->json().object().value(QLatin1String("Config")).toObject().value(QLatin1String("Tty")).toBool();
        DockerJob *logs = m_client->containerLogs(name, o);
        pipeOutput(logs, tty);
        connect(logs, &DockerJob::finished, this, [this, logs] {
            logs->deleteLater();
            if (logs->isError())
                return fail(logs->error().message);
            finish(0);
        });
    });
}

void Cli::cmdTop(const QStringList &a)
{
    if (a.isEmpty())
        return failUsage(tr("usage: wharfctl top CONTAINER [ps OPTIONS]"));
    if (!checkOwned({a[0]}))
        return;
    call(m_client->containerTop(a[0], a.mid(1).join(QLatin1Char(' '))), [this](DockerJob *job) {
        const QJsonObject o = job->json().object();
        if (m_json) {
            printJson(o);
        } else {
            QStringList header;
            for (const auto &t : o.value(QLatin1String("Titles")).toArray())
                header << t.toString();
            QList<QStringList> rows;
            for (const auto &p : o.value(QLatin1String("Processes")).toArray()) {
                QStringList r;
                for (const auto &c : p.toArray())
                    r << c.toString();
                rows << r;
            }
            printTable(header, rows);
        }
        finish(0);
    });
}

void Cli::cmdStats(const QStringList &a)
{
    FlagParser f = flagsOf("stats");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const bool noStream = f.isSet(QStringLiteral("--no-stream"));
    const QStringList names = f.positional();
    if (names.isEmpty() && m_gate && m_gate->principal().isTenant())
        return failUsage(tr("name the containers to watch: wharfctl stats NAME..."));
    if (!checkOwned(names))
        return;
    Filters filters;
    call(m_client->listContainers(f.isSet(QStringLiteral("-a")) || !names.isEmpty()), [this, noStream, names](DockerJob *job) {
        struct Row
        {
            QString id, name;
            StatsSample s;
            bool have = false;
        };
        auto rows = std::make_shared<QList<Row>>();
        for (const auto &v : job->json().array()) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(QLatin1String("Id")).toString();
            const QString name = containerName(o);
            if (!names.isEmpty() && !names.contains(name) && !names.contains(id) && !names.contains(shortId(id))
                && !std::any_of(names.begin(), names.end(), [&](const QString &n) { return n.size() >= 4 && id.startsWith(n); }))
                continue;
            rows->append({id, name, {}, false});
        }
        for (const auto &n : names) {
            if (!std::any_of(rows->begin(), rows->end(), [&](const Row &r) { return r.name == n || r.id.startsWith(n); }))
                return fail(tr("No such container: %1").arg(n));
        }
        auto print = [this, rows] {
            if (m_json) {
                QJsonArray out;
                for (const auto &r : *rows)
                    out.append(QJsonObject{{QStringLiteral("id"), r.id},
                                           {QStringLiteral("name"), r.name},
                                           {QStringLiteral("cpu_percent"), r.s.cpuPercent},
                                           {QStringLiteral("memory_bytes"), double(r.s.memoryBytes)},
                                           {QStringLiteral("memory_limit_bytes"), double(r.s.memoryLimitBytes)},
                                           {QStringLiteral("net_rx_bytes"), double(r.s.netRxBytes)},
                                           {QStringLiteral("net_tx_bytes"), double(r.s.netTxBytes)},
                                           {QStringLiteral("block_read_bytes"), double(r.s.blockReadBytes)},
                                           {QStringLiteral("block_write_bytes"), double(r.s.blockWriteBytes)},
                                           {QStringLiteral("pids"), r.s.pids}});
                writeRaw(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
            } else {
                QList<QStringList> t;
                for (const auto &r : *rows)
                    t << QStringList{shortId(r.id), r.name, QString::number(r.s.cpuPercent, 'f', 2) + QLatin1Char('%'),
                                     humanSize(double(r.s.memoryBytes)) + QStringLiteral(" / ") + humanSize(double(r.s.memoryLimitBytes)),
                                     humanSize(double(r.s.netRxBytes)) + QStringLiteral(" / ") + humanSize(double(r.s.netTxBytes)),
                                     humanSize(double(r.s.blockReadBytes)) + QStringLiteral(" / ") + humanSize(double(r.s.blockWriteBytes)),
                                     QString::number(r.s.pids)};
                printTable({QStringLiteral("CONTAINER ID"), QStringLiteral("NAME"), QStringLiteral("CPU %"), QStringLiteral("MEM USAGE / LIMIT"),
                            QStringLiteral("NET I/O"), QStringLiteral("BLOCK I/O"), QStringLiteral("PIDS")},
                           t);
            }
            m_out.flush();
        };
        if (rows->isEmpty()) {
            print();
            return finish(0);
        }
        if (noStream) {
            auto pending = std::make_shared<int>(int(rows->size()));
            for (int i = 0; i < rows->size(); ++i) {
                DockerJob *sj = m_client->containerStats((*rows)[i].id, false);
                connect(sj, &DockerJob::finished, this, [=, this] {
                    sj->deleteLater();
                    if (!sj->isError())
                        (*rows)[i].s = StatsSample::fromJson(sj->json().object());
                    if (--*pending == 0) {
                        print();
                        finish(0);
                    }
                });
            }
            return;
        }
        // Streaming: one connection per container; redraw once a second.
        for (int i = 0; i < rows->size(); ++i) {
            DockerJob *sj = m_client->containerStats((*rows)[i].id, true);
            auto split = std::make_shared<JsonLineSplitter>();
            connect(sj, &DockerJob::dataReceived, this, [=](const QByteArray &d) {
                for (const auto &line : split->feed(d.constData(), d.size())) {
                    (*rows)[i].s = StatsSample::fromJson(QJsonDocument::fromJson(line).object());
                    (*rows)[i].have = true;
                }
            });
            // A container that stops ends its stream cleanly and stays listed; a daemon that
            // goes away (or a connection that breaks) ends the command.
            connect(sj, &DockerJob::finished, this, [this, sj] {
                sj->deleteLater();
                if (sj->isError() && sj->error().kind != Error::Canceled && sj->error().httpStatus != 404)
                    fail(sj->error().message);
            });
        }
        auto *timer = new QTimer(this);
        const bool terminal = !m_json && stdoutIsTerminal();
        connect(timer, &QTimer::timeout, this, [this, print, terminal] {
            if (terminal)
                m_out << "\x1b[H"; // home, then each line clears its own rest (no flicker)
            print();
            if (terminal)
                m_out << "\x1b[J" << Qt::flush;
        });
        if (terminal)
            m_out << "\x1b[2J";
        m_clearLines = terminal;
        timer->start(1000);
    });
}

} // namespace Wharf::App
