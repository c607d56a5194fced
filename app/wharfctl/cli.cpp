#include "cli.h"
#include "commands.h"
#include "operations/daemoncalls.h"
#include "operations/operations.h"
#include "wharfversion.h"
#include "terminal.h"
#include "tenancy/policygate.h"
#include "store/tenancystore.h"

#include <QDateTime>
#include "docker/format.h"
#include "docker/jsonmessages.h"

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
    m_out << overview();
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
    if (m_command == QLatin1String("help")) {
        if (m_commandArgs.isEmpty()) {
            usage();
            return finish(0);
        }
        if (m_commandArgs.first().startsWith(QLatin1Char('-'))) { // help --help
            m_out << commandHelp(*findCommand(m_command));
            return finish(0);
        }
        const CommandDoc *asked = helpFor(m_commandArgs.first(), m_commandArgs.mid(1));
        if (!asked)
            return failUsage(QCoreApplication::translate("wharfctl", "unknown command \"%1\"; see wharfctl --help").arg(m_commandArgs.first()));
        m_out << commandHelp(*asked);
        return finish(0);
    }
    m_doc = commandFor(m_command, m_commandArgs);
    if (!m_doc)
        return failUsage(QCoreApplication::translate("wharfctl", "unknown command \"%1\"; see wharfctl --help").arg(m_command));
    {
        // wharfctl CMD --help (flags end where the command's own arguments start)
        FlagParser asked = parserFor(*m_doc);
        asked.parse(m_commandArgs, m_doc->stopAtPositional);
        if (asked.isSet(QStringLiteral("--help"))) {
            m_out << commandHelp(*helpFor(m_command, m_commandArgs));
            return finish(0);
        }
    }
    if (m_command == QLatin1String("completion")) {
        const QString script = completionScript(m_commandArgs.value(0));
        if (script.isEmpty() || m_commandArgs.size() != 1)
            return failUsage(QCoreApplication::translate("wharfctl", "name the shell: bash or zsh"));
        m_out << script;
        return finish(0);
    }
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
    // Commands that need no daemon run now (they open the database themselves when they need it).
    if (m_doc->needs != Needs::Daemon) {
        const CommandDoc *handler = m_doc->run ? m_doc : findCommand(m_command);
        if (!handler || !handler->run)
            return failUsage(QCoreApplication::translate("wharfctl", "\"%1\" needs a sub-command").arg(m_command));
        return handler->run(*this, m_commandArgs);
    }
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
    const bool needsStore = !m_tenantName.isEmpty() || m_doc->mutating || !m_dbUrl.isEmpty() || !qEnvironmentVariable("WHARF_DB").isEmpty();
    if (needsStore)
        return withTenancy([this] { runCommand(); });
    runCommand();
}

void Cli::runCommand()
{
    if (m_gate && m_gate->principal().isTenant()) {
        if (!m_doc->tenants) {
            // recorded in the vocabulary the console uses for the same action
            const QString action = m_doc->refusal ? QString::fromLatin1(m_doc->refusal) : QStringLiteral("command.") + m_command;
            return fail(tenantRefusal(action.section(QLatin1Char('.'), 0, 0), action.section(QLatin1Char('.'), 1)).message, 1);
        }
        // the host must be in the tenant's domain or the public one (a refusal is recorded)
        Error onHost;
        ops()->check(Models::Request::host(QStringLiteral("host"), QStringLiteral("use"), hostKey()), {hostKey()},
                     [&onHost](const Error &e) { onHost = e; });
        if (onHost.isError())
            return fail(onHost.message);
    }
    const CommandDoc *handler = m_doc->run ? m_doc : findCommand(m_command);
    if (!handler || !handler->run)
        return failUsage(QCoreApplication::translate("wharfctl", "\"%1\" needs a sub-command").arg(m_command));
    handler->run(*this, m_commandArgs);
}

void Cli::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    std::fflush(stdout);
    QCoreApplication::exit(code);
}

void Cli::fail(const QString &message, int code)
{
    // A stream that was cut because its bytes were wrong ends as "canceled": say why instead.
    const QString why = m_streamError.isError() ? m_streamError.message : message;
    if (auto f = std::exchange(m_streamFinished, {}))
        f(Error::make(Error::Http, why), {}); // the operation's record says how it ended
    m_err << QCoreApplication::translate("wharfctl", "Error: %1").arg(why) << Qt::endl;
    finish(code);
}

void Cli::failUsage(const QString &message)
{
    m_err << QCoreApplication::translate("wharfctl", "Error: %1").arg(message) << Qt::endl;
    if (m_doc)
        m_err << commandUsage(*m_doc) << Qt::endl;
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
            if (auto e = ownership(names[i], m_ownedKind); e.isError()) {
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

Models::Operations *Cli::ops()
{
    if (!m_ops) {
        m_ops = new Models::Operations(hostKey(), this);
        if (auto gate = m_gate)
            m_ops->setRunner([gate](std::function<void(Models::PolicyGate &)> work, std::function<void()> then) {
                work(*gate);
                if (then)
                    then();
            }, gate->principal().isTenant());
    }
    return m_ops;
}

Models::Operations *Cli::opsAs(const QString &tenant)
{
    if (tenant.isEmpty() || !m_tenancy || !m_gate)
        return ops();
    Models::Operations *&o = m_tenantOps[tenant];
    if (!o) {
        o = new Models::Operations(hostKey(), this);
        auto gate = std::make_shared<Models::PolicyGate>(m_tenancy, Models::Principal{m_gate->principal().user, tenant});
        o->setRunner([gate](std::function<void(Models::PolicyGate &)> work, std::function<void()> then) {
            work(*gate);
            if (then)
                then();
        }, true);
    }
    return o;
}

void Cli::operate(const Models::Request &request, Send send, std::function<void(const Models::Outcome &)> then)
{
    ops()->run(request, std::move(send), [this, then](const Models::Outcome &o) {
        if (!o.ok())
            return fail(o.error.message);
        then(o);
    });
}

void Cli::forEachOp(const QStringList &names, std::function<Models::Request(const QString &)> request, std::function<Send(const QString &)> send,
                    std::function<void(const QString &, const Models::Outcome &)> ok)
{
    if (names.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "\"%1\" needs at least one name").arg(m_command));
    auto failures = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void(int)>>();
    *step = [=, this](int i) {
        if (i >= names.size()) {
            finish(*failures ? 1 : 0);
            return;
        }
        ops()->run(request(names[i]), send(names[i]), [=, this](const Models::Outcome &o) {
            if (!o.ok()) {
                ++*failures;
                m_err << QCoreApplication::translate("wharfctl", "Error: %1").arg(o.error.message) << Qt::endl;
            } else if (ok) {
                ok(names[i], o);
            } else {
                m_out << names[i] << Qt::endl;
            }
            // later, so a refusal answered inline does not nest the next name's call
            QMetaObject::invokeMethod(this, [step, i] { if (*step) (*step)(i + 1); }, Qt::QueuedConnection);
        });
    };
    (*step)(0);
}

Error Cli::ownership(const QString &name, const QString &kind)
{
    Error result;
    ops()->check(Models::Request::act(kind, m_command, name), {name}, [&result](const Error &e) { result = e; });
    return result;
}

void Cli::operateStream(const Models::Request &request, Send send, bool quiet, std::function<void(const ProgressTracker &)> done)
{
    ops()->runWork(request, [this, send, quiet, done](const QJsonObject &body, Models::Operations::Finished finished) {
        m_streamFinished = finished; // fail() ends it with the error
        followProgress(send(body), quiet, [this, done](const ProgressTracker &t) {
            if (auto f = std::exchange(m_streamFinished, {}))
                f({}, {});
            done(t);
        });
    }, [this](const Models::Outcome &o) {
        if (o.refused)
            fail(o.error.message);
    });
}

Error Cli::tenantRefusal(const QString &resource, const QString &verb)
{
    Error result;
    ops()->check(Models::Request::admin(resource, verb, {}), {QString()}, [&result](const Error &e) { result = e; });
    return result;
}

bool Cli::checkOwned(const QStringList &names)
{
    if (!m_gate || !m_gate->principal().isTenant())
        return true;
    for (const auto &n : names) {
        if (auto e = ownership(n, QStringLiteral("container")); e.isError()) {
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

FlagParser Cli::flagsOf(const char *command) const
{
    const CommandDoc *c = findCommand(QString::fromLatin1(command));
    Q_ASSERT_X(c, "Cli::flagsOf", command);
    return c ? parserFor(*c) : FlagParser{};
}

} // namespace Wharf::App
