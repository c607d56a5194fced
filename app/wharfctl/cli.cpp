#include "cli.h"
#include "wharfversion.h"
#include "terminal.h"
#include "tenancy/policygate.h"
#include "store/tenancystore.h"

#include <QDateTime>
#include "docker/format.h"

#include <QDir>
#include <QFile>

#include <cstdio>

namespace Wharf::App {

using namespace Backends;

Error FlagParser::parse(const QStringList &args, bool stopAtPositional)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--")) {
            m_positional += args.mid(i + 1);
            break;
        }
        if (!a.startsWith(QLatin1Char('-')) || a == QLatin1String("-")) {
            if (stopAtPositional) {
                m_positional += args.mid(i);
                break;
            }
            m_positional << a;
            continue;
        }
        QString name = a;
        QString inlineValue;
        bool hasInline = false;
        if (a.startsWith(QLatin1String("--"))) {
            const int eq = a.indexOf(QLatin1Char('='));
            if (eq > 0) {
                name = a.left(eq);
                inlineValue = a.mid(eq + 1);
                hasInline = true;
            }
        } else if (a.size() > 2) {
            // -it: a bundle of short flags, or -eKEY=V (a short option with its value attached)
            const Spec *first = find(a.left(2));
            if (first && first->takesValue) {
                name = a.left(2);
                inlineValue = a.mid(2);
                hasInline = true;
            } else {
                QStringList expanded;
                for (qsizetype k = 1; k < a.size(); ++k)
                    expanded << QStringLiteral("-") + a[k];
                for (const auto &e : expanded) {
                    const Spec *s = find(e);
                    if (!s || s->takesValue)
                        return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "unknown flag: %1").arg(a));
                    m_values.insert(s->names.first(), QStringLiteral("true"));
                }
                continue;
            }
        }
        const Spec *s = find(name);
        if (!s)
            return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "unknown flag: %1").arg(name));
        if (s->takesValue) {
            if (!hasInline) {
                if (i + 1 >= args.size())
                    return Error::make(Error::Input,
                                       QCoreApplication::translate("wharfctl", "flag needs an argument: %1").arg(name));
                inlineValue = args[++i];
            }
            m_values.insert(s->names.first(), inlineValue);
        } else {
            m_values.insert(s->names.first(), hasInline ? inlineValue : QStringLiteral("true"));
        }
    }
    return {};
}

const FlagParser::Spec *FlagParser::find(const QString &name) const
{
    for (const auto &s : m_specs)
        if (s.names.contains(name))
            return &s;
    return nullptr;
}

bool FlagParser::isSet(const QString &name) const
{
    const Spec *s = find(name);
    if (!s || !m_values.contains(s->names.first()))
        return false;
    const QString v = m_values.value(s->names.first());
    return v != QLatin1String("false") && v != QLatin1String("0");
}

QString FlagParser::value(const QString &name, const QString &def) const
{
    const Spec *s = find(name);
    if (!s || !m_values.contains(s->names.first()))
        return def;
    return m_values.value(s->names.first()); // the last given wins
}

QStringList FlagParser::values(const QString &name) const
{
    const Spec *s = find(name);
    if (!s)
        return {};
    QStringList v = m_values.values(s->names.first());
    std::reverse(v.begin(), v.end()); // QMultiMap returns the newest first
    return v;
}

Cli::Cli(QStringList args, QObject *parent)
    : QObject(parent)
    , m_args(std::move(args))
    , m_out(stdout)
    , m_err(stderr)
{
}

void Cli::start()
{
    QMetaObject::invokeMethod(this, &Cli::dispatch, Qt::QueuedConnection);
}

void Cli::usage()
{
    m_out << QCoreApplication::translate(
        "wharfctl",
        "Usage: wharfctl [-H|--host URL] [--tlsverify --tlscacert F --tlscert F --tlskey F] [-o|--output table|json|csv] "
        "[--db URL] [--tenant NAME] COMMAND\n"
        "       ssh:// hosts: [--known-hosts FILE] [--accept-new-host-key] [--ssh-key FILE] [--ssh-client libssh2|openssh]\n\n"
        "Commands:\n"
        "  version, info, events      the daemon and its event stream\n"
        "  ps, create, run            list and create containers\n"
        "  start, stop, restart, kill, pause, unpause, rm, rename, update\n"
        "  inspect, logs, stats, top, exec, cp\n"
        "  volume ls|create|inspect|rm|prune\n"
        "  network ls|create|inspect|connect|disconnect|rm\n"
        "  images, pull, push, tag, rmi, history, save, load, import, build\n"
        "  image ls|pull|push|tag|rm|prune|inspect|history|save|load|import|build\n"
        "  login [REGISTRY] -u USER --password-stdin, logout [REGISTRY]   (passwords in the keychain)\n"
        "  registry ls|add NAME URL|remove NAME          the registry list\n"
        "  registry repos REG, tags REG/REPO, inspect REG/REPO:TAG, rm REG/REPO:TAG\n"
        "  registry run [--name N] [--port P] [--image I] [--volume V]   run a registry on the host\n"
        "  host ls|add|rm|test        saved hosts (TLS keys in the keychain)\n"
        "  host forget-key NAME|HOST[:PORT]   remove a host's SSH key from Wharf's known_hosts\n\n"
        "Platform (the metadata database: --db URL or WHARF_DB, else the embedded SQLite file):\n"
        "  db status|migrate|login       the database, its schema, a PostgreSQL password in the keychain\n"
        "  plan ls|show|rm NAME, plan create|update NAME --max-containers N --cpus C --memory M [--disk D]\n"
        "       [--price-hour P | --price-month P | --free] [--cpu-price P] [--memory-price P] [--disk-price P]\n"
        "  tenant ls|show|suspend|resume|rm NAME, tenant create NAME --plan PLAN [--email E], tenant plan NAME PLAN\n"
        "  tenant role NAME --password-stdin   a PostgreSQL role for the tenant's own console\n"
        "  user ls [--tenant T], user create NAME --tenant T|--admin [--password-stdin], user rm NAME\n"
        "       people with PostgreSQL roles of their own (a tenant's members, admins), each named in the audit log\n"
        "  domain ls | set HOST public|TENANT | rm HOST   which hosts tenants may use\n"
        "  quota show TENANT, quota reconcile [--adopt]   usage against the plan; recount from the daemon\n"
        "  meter, controller [--interval S]   meter usage once; hold the host's lease and run the loops\n"
        "  bill TENANT [--period hour|day|month] [--from D --to D] [-o csv]\n"
        "  bill TENANT --period day|month --issue DATE, bills [TENANT]   issue a closed period's bill; the bills issued\n"
        "  audit [--tenant T] [--actor U] [--action A] [--host H] [--since T] [--until T] [-o csv]\n"
        "Applications (compose files):\n"
        "  app validate|config [-f FILE]... [--env-file F] [--profile P] [--name N] [--no-interpolate]   check a file; print its normalised model\n"
        "  app plan|deploy [-f FILE]... [--name N] [--atomic] [--build] [--pull]\n"
        "                                what a deploy would change; deploy it (--atomic: all or nothing;\n"
        "                                missing images are pulled or built; --build, --pull: all of them)\n"
        "  app ls, app ps NAME, app logs NAME [-f] [--tail N], app stop|start|restart NAME, app down NAME [--volumes]\n"
        "--tenant NAME acts within that tenant's quota, hosts and containers; a tenant's database role always does.\n\n"
        "The host comes from -H (an address or a saved host's name), else DOCKER_HOST, else the local socket.\n");
    m_out.flush();
}

void Cli::dispatch()
{
    FlagParser global;
    global.option({QStringLiteral("-H"), QStringLiteral("--host")})
        .flag({QStringLiteral("--tlsverify")})
        .flag({QStringLiteral("--tls")})
        .option({QStringLiteral("--tlscacert")})
        .option({QStringLiteral("--tlscert")})
        .option({QStringLiteral("--tlskey")})
        .option({QStringLiteral("--known-hosts")})
        .flag({QStringLiteral("--accept-new-host-key")})
        .option({QStringLiteral("--ssh-key")})
        .option({QStringLiteral("--ssh-client")})
        .option({QStringLiteral("-o"), QStringLiteral("--output")})
        .option({QStringLiteral("--db")})
        .option({QStringLiteral("--tenant")})
        .flag({QStringLiteral("-h"), QStringLiteral("--help")})
        .flag({QStringLiteral("-v"), QStringLiteral("--version")});
    if (auto e = global.parse(m_args, true); e.isError())
        return failUsage(e.message);
    const QStringList pos = global.positional();
    if (global.isSet(QStringLiteral("--help")) || pos.isEmpty()) {
        usage();
        return finish(pos.isEmpty() && !global.isSet(QStringLiteral("--help")) ? 2 : 0);
    }
    if (global.isSet(QStringLiteral("--version"))) {
        m_out << "wharfctl " << QStringLiteral(WHARF_VERSION) << Qt::endl;
        return finish(0);
    }
    const QString output = global.value(QStringLiteral("-o"), QStringLiteral("table"));
    if (output != QLatin1String("table") && output != QLatin1String("json") && output != QLatin1String("csv"))
        return failUsage(QCoreApplication::translate("wharfctl", "--output must be table, json or csv, not \"%1\"").arg(output));
    m_json = output == QLatin1String("json");
    m_csv = output == QLatin1String("csv");
    m_dbUrl = global.value(QStringLiteral("--db"));
    m_tenantName = global.value(QStringLiteral("--tenant"), qEnvironmentVariable("WHARF_TENANT"));
    m_sshFlags.knownHosts = global.value(QStringLiteral("--known-hosts"));
    m_sshFlags.acceptNewHostKey = global.isSet(QStringLiteral("--accept-new-host-key"));
    m_sshFlags.key = global.value(QStringLiteral("--ssh-key"));
    m_sshFlags.client = global.value(QStringLiteral("--ssh-client"));
    if (!m_sshFlags.client.isEmpty() && m_sshFlags.client != QLatin1String("libssh2") && m_sshFlags.client != QLatin1String("openssh"))
        return failUsage(QCoreApplication::translate("wharfctl", "--ssh-client must be libssh2 or openssh, not \"%1\"").arg(m_sshFlags.client));
    m_command = pos.first();
    m_commandArgs = pos.mid(1);
    // Like a global flag, -o/--output may also follow the command (`ps -a -o json`).
    for (qsizetype i = 0; i + 1 < m_commandArgs.size(); ++i) {
        const QString &a = m_commandArgs[i];
        const QString &v = m_commandArgs[i + 1];
        if ((a == QLatin1String("-o") || a == QLatin1String("--output"))
            && (v == QLatin1String("json") || v == QLatin1String("table") || v == QLatin1String("csv"))) {
            m_json = v == QLatin1String("json");
            m_csv = v == QLatin1String("csv");
            m_commandArgs.remove(i, 2);
            break;
        }
    }

    // The endpoint: flags win over the environment.
    auto endpoint = Endpoint::fromEnvironment(global.value(QStringLiteral("-H")));
    if (global.isSet(QStringLiteral("--tlsverify")) || global.isSet(QStringLiteral("--tls"))
        || global.isSet(QStringLiteral("--tlscacert"))) {
        TlsFiles files = endpoint ? endpoint->tlsFiles() : TlsFiles{};
        QString dir = qEnvironmentVariable("DOCKER_CERT_PATH");
        if (dir.isEmpty())
            dir = QDir::homePath() + QStringLiteral("/.docker");
        files.caCert = global.value(QStringLiteral("--tlscacert"), files.caCert.isEmpty() ? dir + QStringLiteral("/ca.pem") : files.caCert);
        files.clientCert = global.value(QStringLiteral("--tlscert"), files.clientCert.isEmpty() ? dir + QStringLiteral("/cert.pem") : files.clientCert);
        files.clientKey = global.value(QStringLiteral("--tlskey"), files.clientKey.isEmpty() ? dir + QStringLiteral("/key.pem") : files.clientKey);
        files.verify = !global.isSet(QStringLiteral("--tls")) || global.isSet(QStringLiteral("--tlsverify"));
        QString url = global.value(QStringLiteral("-H"));
        if (url.isEmpty())
            url = qEnvironmentVariable("DOCKER_HOST");
        endpoint = Endpoint::parse(url, files, true, qEnvironmentVariableIntValue("WHARF_LAB_MODE") == 1);
    }
    if (m_command == QLatin1String("help")) {
        usage();
        return finish(0);
    }
    if (m_command == QLatin1String("host"))
        return cmdHost(m_commandArgs); // saved hosts; needs no daemon up front
    // Registries and logins need no daemon either (but "registry run" deploys one on a host).
    if (m_command == QLatin1String("login"))
        return cmdLogin(m_commandArgs);
    if (m_command == QLatin1String("logout"))
        return cmdLogout(m_commandArgs);
    if (m_command == QLatin1String("registry") && m_commandArgs.value(0) != QLatin1String("run"))
        return cmdRegistry(m_commandArgs);
    // The metadata database alone.
    if (m_command == QLatin1String("db"))
        return cmdDb(m_commandArgs);
    if (m_command == QLatin1String("plan"))
        return cmdPlan(m_commandArgs);
    if (m_command == QLatin1String("tenant"))
        return cmdTenant(m_commandArgs);
    if (m_command == QLatin1String("domain"))
        return cmdDomain(m_commandArgs);
    if (m_command == QLatin1String("user"))
        return cmdUser(m_commandArgs);
    if (m_command == QLatin1String("audit"))
        return cmdAudit(m_commandArgs);
    if (m_command == QLatin1String("bill"))
        return cmdBill(m_commandArgs);
    if (m_command == QLatin1String("bills"))
        return cmdBills(m_commandArgs);
    // Compose files alone; deploys need a host.
    if (m_command == QLatin1String("app") && (m_commandArgs.value(0) == QLatin1String("validate") || m_commandArgs.value(0) == QLatin1String("config")))
        return cmdApp(m_commandArgs);
    if (m_command == QLatin1String("quota") && m_commandArgs.value(0) == QLatin1String("show"))
        return cmdQuotaShow(m_commandArgs.value(1));
    if (m_command == QLatin1String("quota") && m_commandArgs.value(0) != QLatin1String("reconcile"))
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl quota show TENANT | quota reconcile"));
    // -H NAME: a host saved with `wharfctl host add` (or in the console).
    const QString hostArg = global.value(QStringLiteral("-H"));
    if (!hostArg.isEmpty() && !hostArg.contains(QLatin1String("://"))) {
        m_hostName = hostArg;
        return savedHostEndpoint(hostArg, [this](const Expected<Endpoint> &ep) { run(ep); });
    }
    run(withSsh(endpoint, false));
}

void Cli::run(const Expected<Endpoint> &endpoint)
{
    if (!endpoint)
        return fail(endpoint.error().message);
    m_client = new DockerClient(*endpoint, this);
    if (m_client->configurationError().isError())
        return fail(m_client->configurationError().message);
    // Everything that changes a host is recorded, and with --tenant (or a tenant's database
    // role) passes the policy gate: the database comes first.
    static const QStringList readOnly{QStringLiteral("version"), QStringLiteral("info"), QStringLiteral("events"), QStringLiteral("ps"),
                                      QStringLiteral("inspect"), QStringLiteral("logs"), QStringLiteral("stats"), QStringLiteral("top"),
                                      QStringLiteral("images"), QStringLiteral("history"), QStringLiteral("save")};
    const bool needsStore = !m_tenantName.isEmpty() || !readOnly.contains(m_command)
        || (!m_dbUrl.isEmpty() || !qEnvironmentVariable("WHARF_DB").isEmpty());
    if (needsStore)
        return withTenancy([this] { runCommand(); });
    runCommand();
}

void Cli::runCommand()
{
    // What a tenant may do on a host; the rest is an admin's.
    static const QStringList tenantCommands{
        QStringLiteral("version"), QStringLiteral("ps"), QStringLiteral("create"), QStringLiteral("run"), QStringLiteral("start"),
        QStringLiteral("stop"), QStringLiteral("restart"), QStringLiteral("kill"), QStringLiteral("pause"), QStringLiteral("unpause"),
        QStringLiteral("rm"), QStringLiteral("inspect"), QStringLiteral("logs"), QStringLiteral("stats"), QStringLiteral("top"),
        QStringLiteral("exec"), QStringLiteral("images"), QStringLiteral("pull"), QStringLiteral("build"), QStringLiteral("import"),
        QStringLiteral("volume"), QStringLiteral("meter"), QStringLiteral("update"), QStringLiteral("app"), QStringLiteral("network")};
    if (m_gate && m_gate->principal().isTenant()) {
        if (!tenantCommands.contains(m_command))
            return fail(m_gate->denyForTenant(m_command).message, 1);
        if (auto e = m_gate->checkHost(hostKey()); e.isError())
            return fail(e.message);
    }
    const QString c = m_command;
    const QStringList &a = m_commandArgs;
    if (c == QLatin1String("app"))
        return cmdApp(a);
    if (c == QLatin1String("version"))
        cmdVersion(a);
    else if (c == QLatin1String("info"))
        cmdInfo(a);
    else if (c == QLatin1String("events"))
        cmdEvents(a);
    else if (c == QLatin1String("ps"))
        cmdPs(a);
    else if (c == QLatin1String("create"))
        cmdCreateOrRun(a, false);
    else if (c == QLatin1String("run"))
        cmdCreateOrRun(a, true);
    else if (QStringList{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart"), QStringLiteral("kill"),
                         QStringLiteral("pause"), QStringLiteral("unpause")}
                 .contains(c))
        cmdSimple(c, a);
    else if (c == QLatin1String("rm"))
        cmdRm(a);
    else if (c == QLatin1String("rename"))
        cmdRename(a);
    else if (c == QLatin1String("update"))
        cmdUpdate(a);
    else if (c == QLatin1String("inspect"))
        cmdInspect(a);
    else if (c == QLatin1String("logs"))
        cmdLogs(a);
    else if (c == QLatin1String("stats"))
        cmdStats(a);
    else if (c == QLatin1String("top"))
        cmdTop(a);
    else if (c == QLatin1String("exec"))
        cmdExec(a);
    else if (c == QLatin1String("cp"))
        cmdCp(a);
    else if (c == QLatin1String("volume"))
        cmdVolume(a);
    else if (c == QLatin1String("network"))
        cmdNetwork(a);
    else if (c == QLatin1String("images"))
        cmdImages(a);
    else if (c == QLatin1String("image"))
        cmdImage(a);
    else if (c == QLatin1String("pull"))
        cmdPull(a);
    else if (c == QLatin1String("push"))
        cmdPush(a);
    else if (c == QLatin1String("tag"))
        cmdTag(a);
    else if (c == QLatin1String("rmi"))
        cmdRmi(a);
    else if (c == QLatin1String("history"))
        cmdHistory(a);
    else if (c == QLatin1String("save"))
        cmdSave(a);
    else if (c == QLatin1String("load"))
        cmdLoad(a);
    else if (c == QLatin1String("import"))
        cmdImport(a);
    else if (c == QLatin1String("build"))
        cmdBuild(a);
    else if (c == QLatin1String("registry"))
        cmdRegistryRun(a.mid(1));
    else if (c == QLatin1String("quota"))
        cmdQuotaReconcile(a.mid(1));
    else if (c == QLatin1String("meter"))
        cmdMeter(a);
    else if (c == QLatin1String("controller"))
        cmdController(a);
    else
        failUsage(QCoreApplication::translate("wharfctl", "unknown command \"%1\"; see wharfctl --help").arg(c));
}

void Cli::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    auditCommand(code);
    m_out.flush();
    m_err.flush();
    std::fflush(stdout);
    QCoreApplication::exit(code);
}

void Cli::fail(const QString &message, int code)
{
    // A stream that was cut because its bytes were wrong ends as "canceled": say why instead.
    const QString why = m_streamError.isError() ? m_streamError.message : message;
    m_err << QCoreApplication::translate("wharfctl", "Error: %1").arg(why) << Qt::endl;
    finish(code);
}

void Cli::failUsage(const QString &message)
{
    m_err << QCoreApplication::translate("wharfctl", "Error: %1").arg(message) << Qt::endl;
    finish(2);
}

void Cli::call(DockerJob *job, std::function<void(DockerJob *)> then)
{
    connect(job, &DockerJob::finished, this, [this, job, then] {
        job->deleteLater();
        if (job->isError())
            return fail(job->error().message);
        then(job);
    });
}

void Cli::forEach(const QStringList &names, std::function<DockerJob *(const QString &)> make,
                  std::function<void(const QString &, DockerJob *)> ok, std::function<void(int)> done)
{
    if (names.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "\"%1\" needs at least one name").arg(m_command));
    auto failures = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void(int)>>();
    *step = [=, this](int i) {
        if (i >= names.size()) {
            if (done)
                done(*failures);
            finish(*failures ? 1 : 0);
            return;
        }
        if (m_gate && m_gate->principal().isTenant()) {
            if (auto e = m_gate->checkOwned(hostKey(), names[i], m_ownedKind); e.isError()) {
                ++*failures;
                m_err << QCoreApplication::translate("wharfctl", "Error: %1").arg(e.message) << Qt::endl;
                return (*step)(i + 1);
            }
        }
        DockerJob *job = make(names[i]);
        if (!job) { // refused before it went out; make() said why
            ++*failures;
            return (*step)(i + 1);
        }
        connect(job, &DockerJob::finished, this, [=, this] {
            job->deleteLater();
            if (job->isError()) {
                ++*failures;
                m_err << QCoreApplication::translate("wharfctl", "Error: %1").arg(job->error().message) << Qt::endl;
            } else if (ok) {
                ok(names[i], job);
            } else {
                m_out << names[i] << Qt::endl;
            }
            (*step)(i + 1);
        });
    };
    (*step)(0);
}

std::optional<QString> Cli::password(bool fromStdin, const QString &prompt)
{
    QString password;
    if (fromStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("wharfctl", "cannot read the standard input")), std::nullopt;
        password = QString::fromUtf8(in.readAll());
        while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
            password.chop(1);
    } else {
        const auto typed = readSecret(prompt);
        if (!typed)
            return failUsage(QCoreApplication::translate("wharfctl", "no terminal to ask the password on: use --password-stdin")), std::nullopt;
        password = *typed;
    }
    if (password.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "the password is empty")), std::nullopt;
    return password;
}

bool Cli::checkOwned(const QStringList &names)
{
    if (!m_gate || !m_gate->principal().isTenant())
        return true;
    for (const auto &n : names) {
        if (auto e = m_gate->checkOwned(hostKey(), n); e.isError()) {
            fail(e.message);
            return false;
        }
    }
    return true;
}

void Cli::printJson(const QJsonValue &v)
{
    writeRaw(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)
                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented));
}

void Cli::writeRaw(const QByteArray &utf8)
{
    // Already UTF-8: straight to stdout, without a round trip through QString.
    m_out.flush();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

void Cli::printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const auto &h : header)
        widths << h.size();
    for (const auto &r : rows)
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], r[i].size());
    auto line = [&](const QStringList &cells) {
        QString s;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i + 1 < cells.size())
                s += cells[i].leftJustified(widths[i] + 3);
            else
                s += cells[i];
        }
        if (m_clearLines)
            s += QStringLiteral("\x1b[K");
        m_out << s << '\n';
    };
    line(header);
    for (const auto &r : rows)
        line(r);
    m_out.flush();
}

Error parseFilters(const QStringList &list, Filters *out)
{
    for (const auto &flt : list) {
        const int eq = flt.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "bad filter \"%1\": use KEY=VALUE").arg(flt));
        (*out)[flt.left(eq)] << flt.mid(eq + 1);
    }
    return {};
}

QString humanSize(double bytes)
{
    return Backends::formatBytes(bytes);
}

QString shortId(const QString &id)
{
    QString s = id;
    if (s.startsWith(QLatin1String("sha256:")))
        s = s.mid(7);
    return s.left(12);
}

} // namespace Wharf::App
