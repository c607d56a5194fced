// Applications: compose files (validate, config) and, with a host, plans and deploys.
#include "cli.h"
#include "docker/containerstate.h"
#include "apps/applistmodel.h"
#include "operations/operations.h"

#include "compose/loader.h"
#include "apps/appdeployer.h"
#include "apps/applogs.h"
#include "apps/appspec.h"
#include "docker/format.h"
#include "tenancy/policygate.h"

#include <QDateTime>
#include <QStandardPaths>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Wharf::App {

namespace {

QJsonObject diagnosticJson(const Backends::Compose::Diagnostic &d)
{
    using Backends::Compose::Diagnostic;
    return QJsonObject{{QStringLiteral("severity"), d.severity == Diagnostic::Error     ? QStringLiteral("error")
                                                    : d.severity == Diagnostic::Warning ? QStringLiteral("warning")
                                                                                         : QStringLiteral("notice")},
                       {QStringLiteral("file"), d.mark.file},
                       {QStringLiteral("line"), d.mark.line},
                       {QStringLiteral("column"), d.mark.column},
                       {QStringLiteral("message"), d.message}};
}

} // namespace

// The compose flags every app command shares; false after failing the command.
bool Cli::composeOptions(const FlagParser &f, Backends::Compose::LoadOptions *o)
{
    o->files = f.values(QStringLiteral("-f"));
    if (o->files.isEmpty() && !qEnvironmentVariable("COMPOSE_FILE").isEmpty())
        o->files = qEnvironmentVariable("COMPOSE_FILE").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    if (o->files.isEmpty()) {
        for (const char *name : {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"})
            if (QFileInfo::exists(QLatin1String(name))) {
                o->files << QLatin1String(name);
                break;
            }
    }
    if (o->files.isEmpty()) {
        failUsage(tr("no compose file: give one with -f FILE (or run in a folder with compose.yaml)"));
        return false;
    }
    o->projectDirectory = f.value(QStringLiteral("--project-directory"));
    o->projectName = f.value(QStringLiteral("--name"));
    o->envFiles = f.values(QStringLiteral("--env-file"));
    o->profiles = f.values(QStringLiteral("--profile"));
    o->environment = Backends::Compose::LoadOptions::processEnvironment();
    o->interpolate = !f.isSet(QStringLiteral("--no-interpolate"));
    o->consistency = !f.isSet(QStringLiteral("--no-consistency"));
    return true;
}

// Prints what the loader found: warnings always (stderr), errors when there are any.
void Cli::printDiagnostics(const QList<Backends::Compose::Diagnostic> &diagnostics)
{
    for (const auto &d : diagnostics)
        err() << d.toString() << '\n';
    err().flush();
}

void Cli::cmdApp(const QStringList &a)
{
    const QString sub = a.value(0);
    const QStringList rest = a.mid(1);
    if (sub == QLatin1String("validate") || sub == QLatin1String("config")) {
        FlagParser f = flagsOf(sub == QLatin1String("validate") ? "app validate" : "app config");
        if (auto e = f.parse(rest); e.isError())
            return failUsage(e.message);
        if (!f.positional().isEmpty())
            return failUsage(tr("usage: wharfctl app %1 [-f FILE]... [--env-file F] [--profile P] [--name N] [--no-interpolate] [--no-consistency]").arg(sub));
        Backends::Compose::LoadOptions o;
        if (!composeOptions(f, &o))
            return;
        const auto r = Backends::Compose::load(o);
        if (json() && sub == QLatin1String("validate")) {
            QJsonArray diags;
            for (const auto &d : r.diagnostics)
                diags.append(diagnosticJson(d));
            printJson(QJsonObject{{QStringLiteral("valid"), r.ok()},
                                  {QStringLiteral("name"), r.project ? r.project->name : QString()},
                                  {QStringLiteral("services"), r.project ? QJsonArray::fromStringList(r.project->serviceNames()) : QJsonArray()},
                                  {QStringLiteral("diagnostics"), diags}});
            return finish(r.ok() ? 0 : 1);
        }
        if (!f.isSet(QStringLiteral("-q")))
            printDiagnostics(r.diagnostics);
        if (!r.ok()) {
            const int n = int(r.errors().size());
            err() << tr("%n error(s): the application was not loaded.", nullptr, n) << Qt::endl;
            return finish(1);
        }
        if (sub == QLatin1String("validate")) {
            if (!f.isSet(QStringLiteral("-q")))
                out() << tr("%1 is valid: application \"%2\" with %n service(s)", nullptr, int(r.project->services.size()))
                             .arg(QDir::toNativeSeparators(o.files.join(QStringLiteral(", "))), r.project->name)
                      << '\n';
            return finish(0);
        }
        if (f.isSet(QStringLiteral("--services"))) {
            for (const QString &s : r.project->serviceNames())
                out() << s << '\n';
            return finish(0);
        }
        writeRaw(Backends::Compose::emitYaml(r.project->model));
        return finish(0);
    }
    if (sub == QLatin1String("plan") || sub == QLatin1String("deploy"))
        return cmdAppDeploy(sub == QLatin1String("deploy"), rest);
    if (sub == QLatin1String("ls"))
        return cmdAppLs(rest);
    if (sub == QLatin1String("ps"))
        return cmdAppPs(rest);
    if (sub == QLatin1String("logs"))
        return cmdAppLogs(rest);
    if (sub == QLatin1String("stop") || sub == QLatin1String("start") || sub == QLatin1String("restart") || sub == QLatin1String("down"))
        return cmdAppAct(sub, rest);
    failUsage(tr("usage: wharfctl app validate|config|plan|deploy|ls|ps|logs|stop|start|restart|down ..."));
}

Models::Apps::AppDeployer *Cli::appDeployer()
{
    auto *d = new Models::Apps::AppDeployer(client(), this);
    d->setRegistryAuth([this](const QString &reference, std::function<void(const Backends::RegistryAuth &)> then) { registryAuthFor(reference, then); });
    d->setRegistryLogins([this](const QByteArray &dockerfile, std::function<void(const QList<Backends::RegistryAuth> &)> then) {
        buildLogins(dockerfile, std::move(then));
    });
    d->setSteps(ops()->steps()); // ungated without a database
    connect(d, &Models::Apps::AppDeployer::progress, this, [this](const QString &service, const QString &message) {
        if (json())
            return;
        (service.isEmpty() ? out() : out() << '[' << service << "] ") << message << '\n';
        out().flush();
    });
    return d;
}

void Cli::cmdAppDeploy(bool apply, const QStringList &a)
{
    FlagParser f = flagsOf(apply ? "app deploy" : "app plan");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (!f.positional().isEmpty())
        return failUsage(tr("usage: wharfctl app %1 [-f FILE]... [--name N] [--env-file F] [--profile P] [--build] [--pull]%2")
                             .arg(apply ? QStringLiteral("deploy") : QStringLiteral("plan"), apply ? QStringLiteral(" [--atomic]") : QString()));
    Backends::Compose::LoadOptions o;
    if (!composeOptions(f, &o))
        return;
    const auto loaded = Backends::Compose::load(o);
    printDiagnostics(json() ? loaded.errors() : loaded.diagnostics);
    if (!loaded.ok())
        return fail(tr("%1 is not a valid compose file; nothing was deployed").arg(QDir::toNativeSeparators(o.files.join(QStringLiteral(", ")))));
    const Backends::Compose::Project project = *loaded.project;
    Models::Apps::AppDeployer *d = appDeployer();
    Models::Apps::DeployOptions options;
    options.atomic = f.isSet(QStringLiteral("--atomic"));
    options.build = f.isSet(QStringLiteral("--build"));
    options.pull = f.isSet(QStringLiteral("--pull"));
    options.journalPath = Models::Apps::deployJournalPath(project.name);
    d->setOptions(options);
    d->plan(project, [this, d, project, apply, options](const Expected<Models::Apps::DeployPlan> &plan) {
        if (!plan)
            return fail(plan.error().message);
        if (!apply) {
            if (json())
                printJson(plan->toJson());
            else
                out() << tr("Plan for app \"%1\":").arg(project.name) << '\n' << plan->toText();
            if (!plan->error.isEmpty())
                return fail(plan->error);
            return finish(0);
        }
        if (!json())
            out() << tr("Deploying app \"%1\":").arg(project.name) << '\n' << plan->toText();
        out().flush();
        if (!plan->error.isEmpty())
            return fail(plan->error);
        const Models::Apps::DeployPlan p = *plan;
        // One operation (app.deploy) whose every request passes the gate through the deploy's hooks.
        ops()->runWork(Models::Request::host(QStringLiteral("app"), QStringLiteral("deploy"), project.name),
                       [this, d, p, project, options](const QJsonObject &, Models::Operations::Finished finished) {
            connect(d, &Models::Apps::AppDeployer::finished, this, [this, d, p, project, options, finished](const Error &e) {
                finished(e, e.isError() ? QString() : p.summary());
                if (json())
                    printJson(QJsonObject{{QStringLiteral("plan"), p.toJson()}, {QStringLiteral("journal"), d->journal()}});
                if (e.isError())
                    return fail(tr("%1 (journal: %2)").arg(e.message, QDir::toNativeSeparators(options.journalPath)));
                if (!json())
                    out() << tr("App \"%1\" is deployed (%2).").arg(project.name, p.summary()) << '\n';
                finish(0);
            });
            d->apply(project, p);
        }, [this](const Models::Outcome &o) {
            if (o.refused)
                fail(o.error.message);
        });
    });
}

// A tenant sees the containers the platform database says are its own; an admin all.
QList<Models::Apps::ObservedContainer> Cli::ownContainers(const QList<Models::Apps::ObservedContainer> &containers)
{
    if (!m_gate || !m_gate->principal().isTenant())
        return containers;
    QList<Models::Apps::ObservedContainer> own;
    QStringList ids;
    for (const auto &c : containers)
        ids << c.id;
    QSet<QString> mine;
    // (the gate runs inline here: the answer is in before this returns)
    ops()->visible(QStringLiteral("container"), ids, [&mine](const QSet<QString> &v) { mine = v; });
    for (const auto &c : containers)
        if (mine.contains(c.id))
            own << c;
    return own;
}

void Cli::cmdAppLs(const QStringList &a)
{
    FlagParser f = flagsOf("app ls");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    QStringList labels{QLatin1String(Models::Apps::Label::Project)};
    if (m_gate && m_gate->principal().isTenant()) // a tenant's own apps
        labels << QLatin1String(Models::PolicyGate::TenantLabel) + QLatin1Char('=') + m_gate->principal().tenant;
    const Backends::Filters filter{{QStringLiteral("label"), labels}};
    call(client()->listContainers(true, filter), [this, quiet = f.isSet(QStringLiteral("-q"))](DockerJob *job) {
        QList<Models::Apps::ObservedContainer> listed;
        for (const auto &v : job->json().array())
            listed << Models::Apps::observedContainer(v.toObject());
        QList<Models::Apps::AppMember> members;
        for (const auto &c : ownContainers(listed))
            members << Models::Apps::AppMember{c.project, c.service, c.oneoff, Backends::containerState(c.state) == Backends::ContainerState::Running, c.ports, c.created, c.wharf, {}, {}, false, 0, 0};
        const QList<Models::Apps::AppSummary> apps = Models::Apps::summarizeApps(members);
        if (quiet) {
            for (const auto &s : apps)
                out() << s.name << '\n';
            return finish(0);
        }
        if (json()) {
            QJsonArray list;
            for (const auto &s : apps) {
                list.append(QJsonObject{{QStringLiteral("name"), s.name},
                                        {QStringLiteral("services"), QJsonArray::fromStringList(s.services)},
                                        {QStringLiteral("state"), s.state()},
                                        {QStringLiteral("running"), s.running},
                                        {QStringLiteral("containers"), s.containers},
                                        {QStringLiteral("ports"), QJsonArray::fromStringList(s.ports)},
                                        {QStringLiteral("created"), s.created},
                                        {QStringLiteral("updated"), s.updated},
                                        {QStringLiteral("deployedBy"), s.deployedByWharf ? QStringLiteral("wharf") : QStringLiteral("compose")}});
            }
            printJson(list);
            return finish(0);
        }
        QList<QStringList> rows;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const auto &s : apps) {
            rows << QStringList{s.name, QString::number(s.services.size()), QStringLiteral("%1 (%2/%3)").arg(s.state()).arg(s.running).arg(s.containers),
                                s.ports.join(QStringLiteral(", ")), Backends::humanDuration(now - s.created) + tr(" ago"),
                                Backends::humanDuration(now - s.updated) + tr(" ago")};
        }
        printTable({tr("NAME"), tr("SERVICES"), tr("STATE"), tr("PORTS"), tr("CREATED"), tr("UPDATED")}, rows);
        finish(0);
    });
}

void Cli::cmdAppPs(const QStringList &a)
{
    if (a.size() != 1)
        return failUsage(tr("usage: wharfctl app ps NAME"));
    const QString name = a.first();
    Models::Apps::AppDeployer *d = appDeployer();
    d->observe(name, [this, name](const Expected<Models::Apps::ObservedApp> &o) {
        if (!o)
            return fail(o.error().message);
        const QList<Models::Apps::ObservedContainer> list0 = ownContainers(o->containers);
        if (list0.isEmpty())
            return fail(tr("there is no app \"%1\" on this host").arg(name));
        QList<Models::Apps::ObservedContainer> list = list0;
        std::sort(list.begin(), list.end(), [](const auto &x, const auto &y) { return std::pair(x.service, x.number) < std::pair(y.service, y.number); });
        if (json()) {
            QJsonArray arr;
            for (const auto &c : list)
                arr.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name}, {QStringLiteral("service"), c.service},
                                       {QStringLiteral("number"), c.number}, {QStringLiteral("state"), c.state}, {QStringLiteral("status"), c.status},
                                       {QStringLiteral("image"), c.image}, {QStringLiteral("ports"), QJsonArray::fromStringList(c.ports)}});
            printJson(arr);
            return finish(0);
        }
        QList<QStringList> rows;
        for (const auto &c : list)
            rows << QStringList{c.name, c.service, QString::number(c.number), c.image, c.status, c.ports.join(QStringLiteral(", "))};
        printTable({tr("NAME"), tr("SERVICE"), tr("#"), tr("IMAGE"), tr("STATUS"), tr("PORTS")}, rows);
        finish(0);
    });
}

void Cli::cmdAppLogs(const QStringList &a)
{
    FlagParser f = flagsOf("app logs");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(tr("usage: wharfctl app logs NAME [-f] [--tail N] [-t]"));
    const QString name = f.positional().first();
    Backends::LogOptions lo;
    lo.follow = f.isSet(QStringLiteral("-f"));
    lo.timestamps = f.isSet(QStringLiteral("-t"));
    lo.tail = f.value(QStringLiteral("--tail"), QStringLiteral("all"));
    Models::Apps::AppDeployer *d = appDeployer();
    d->observe(name, [this, name, lo](const Expected<Models::Apps::ObservedApp> &o) {
        if (!o)
            return fail(o.error().message);
        const QList<Models::Apps::ObservedContainer> containers = ownContainers(o->containers);
        if (containers.isEmpty())
            return fail(tr("there is no app \"%1\" on this host").arg(name));
        int width = 0;
        for (const auto &c : containers)
            width = qMax(width, int((c.service + QLatin1Char('-') + QString::number(c.number)).size()));
        // merged as docker compose does: the tails in the order they were written, then live;
        // every line labelled by its service and replica, stderr's on stderr
        auto *logs = new Models::Apps::AppLogs(client(), this);
        connect(logs, &Models::Apps::AppLogs::lines, this, [this, width, timestamps = lo.timestamps](const QList<Models::Apps::AppLogLine> &lines) {
            printLogLines(lines, width, timestamps);
        });
        connect(logs, &Models::Apps::AppLogs::finished, this, [this](const QString &error) {
            if (!error.isEmpty())
                m_err << tr("Error: %1").arg(error) << Qt::endl;
            finish(0);
        });
        logs->start(containers, lo.tail, lo.follow);
    });
}

// Merged log lines, each labelled by where it came from; stderr's on stderr. grep: only lines
// with this text (case-insensitive).
void Cli::printLogLines(const QList<Models::Apps::AppLogLine> &lines, int width, bool timestamps, const QString &grep)
{
    m_out.flush();
    for (const auto &l : lines) {
        if (!grep.isEmpty() && !l.text.contains(grep, Qt::CaseInsensitive))
            continue;
        QString text = l.source.leftJustified(width) + QStringLiteral(" | ");
        if (timestamps && !l.timestamp.isEmpty())
            text += l.timestamp + QLatin1Char(' ');
        const QByteArray bytes = (text + l.text).toUtf8() + '\n';
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), l.stderrLine ? stderr : stdout);
    }
    std::fflush(stdout);
    std::fflush(stderr);
}

void Cli::cmdAppAct(const QString &verb, const QStringList &a)
{
    FlagParser f = flagsOf(qPrintable(QStringLiteral("app ") + verb));
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1 || (f.isSet(QStringLiteral("-v")) && verb != QLatin1String("down")))
        return failUsage(verb == QLatin1String("down") ? tr("usage: wharfctl app down NAME [--volumes]") : tr("usage: wharfctl app %1 NAME").arg(verb));
    const QString name = f.positional().first();
    using Verb = Models::Apps::AppDeployer::Verb;
    const Verb v = verb == QLatin1String("stop")      ? Verb::Stop
        : verb == QLatin1String("start")             ? Verb::Start
        : verb == QLatin1String("restart")           ? Verb::Restart
        : f.isSet(QStringLiteral("-v"))              ? Verb::DownWithVolumes
                                                     : Verb::Down;
    Models::Apps::AppDeployer *d = appDeployer();
    auto finished = std::make_shared<Models::Operations::Finished>();
    connect(d, &Models::Apps::AppDeployer::finished, this, [this, name, verb, finished](const Error &e) {
        if (*finished)
            (*finished)(e, {});
        if (e.isError())
            return fail(e.message);
        out() << (verb == QLatin1String("stop")      ? tr("App \"%1\" is stopped.")
                  : verb == QLatin1String("start")     ? tr("App \"%1\" is started.")
                  : verb == QLatin1String("restart")   ? tr("App \"%1\" is restarted.")
                                                       : tr("App \"%1\" is removed.")).arg(name)
              << '\n';
        finish(0);
    });
    ops()->runWork(Models::Request::host(QStringLiteral("app"), verb == QLatin1String("down") ? QStringLiteral("remove") : verb, name),
                   [d, name, v, finished](const QJsonObject &, Models::Operations::Finished f) {
                       *finished = f;
                       d->act(name, v);
                   }, [this](const Models::Outcome &o) {
                       if (o.refused)
                           fail(o.error.message);
                   });
}

} // namespace Wharf::App
