#pragma once

#include <optional>

#include "docker/dockerclient.h"
#include "secrets/credentialstore.h"
#include "store/tenancystore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTextStream>

#include <functional>
#include <memory>

namespace Wharf::Models {
namespace Apps {
class AppDeployer;
struct ObservedContainer;
struct AppLogLine;
}
namespace Services {
class ServiceActions;
}
class RegistryStore;
class PolicyGate;
class Operations;
struct Request;
struct Outcome;
}
namespace Wharf::Backends {
class ProgressTracker;
class TenancyStore;
struct Plan;
struct IssuedBill;
namespace Compose {
struct LoadOptions;
struct Diagnostic;
}
}

namespace Wharf::App {

struct CommandDoc;

using Backends::DockerClient;
using Backends::DockerJob;
using Backends::Error;
using Backends::Endpoint;
template<typename T>
using Expected = Backends::Expected<T>;

// Parses flags for one command. Each flag is declared with its names and whether it takes a
// value; unknown flags are an error that names the flag.
class FlagParser
{
public:
    struct Spec
    {
        QStringList names;
        bool takesValue;
    };
    FlagParser &flag(const QStringList &names) { m_specs.append({names, false}); return *this; }
    FlagParser &option(const QStringList &names) { m_specs.append({names, true}); return *this; }
    // Parses flags up to the first positional argument when stopAtPositional, else all of them.
    Error parse(const QStringList &args, bool stopAtPositional = false);
    bool isSet(const QString &name) const;
    QString value(const QString &name, const QString &def = {}) const;
    QStringList values(const QString &name) const;
    QStringList positional() const { return m_positional; }

private:
    const Spec *find(const QString &name) const;
    QList<Spec> m_specs;
    QMultiMap<QString, QString> m_values; // keyed by the first name
    QStringList m_positional;
};

class Cli : public QObject
{
    Q_OBJECT
public:
    Cli(QStringList args, QObject *parent = nullptr);
    // Starts the command; the application quits with its exit code.
    void start();

    // The parser of a command's flags, as the table declares them (commands.cpp).
    FlagParser flagsOf(const char *command) const;

    // helpers for commands
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    bool json() const { return m_json; }
    DockerClient *client() const { return m_client; }
    void finish(int code);
    void fail(const QString &message, int code = 1);
    void failUsage(const QString &message);
    // Runs a job; on error prints it and exits 1; otherwise calls then(job).
    void call(DockerJob *job, std::function<void(DockerJob *)> then);
    // Runs jobs for several names one after the other, like `docker stop a b c`.
    void forEach(const QStringList &names, std::function<DockerJob *(const QString &)> make,
                 std::function<void(const QString &, DockerJob *)> ok = {},
                 std::function<void(int failures)> done = {});
    void printJson(const QJsonValue &v);
    void printTable(const QStringList &header, const QList<QStringList> &rows);
    void writeRaw(const QByteArray &utf8);

    // commands (cmd_*.cpp)
    void cmdVersion(const QStringList &a);
    void cmdInfo(const QStringList &a);
    void cmdEvents(const QStringList &a);
    void cmdPs(const QStringList &a);
    void cmdCreateOrRun(const QStringList &a, bool run);
    void cmdSimple(const QString &verb, const QStringList &a);
    void cmdRm(const QStringList &a);
    void cmdRename(const QStringList &a);
    void cmdUpdate(const QStringList &a);
    void cmdInspect(const QStringList &a);
    void cmdLogs(const QStringList &a);
    void cmdStats(const QStringList &a);
    void cmdTop(const QStringList &a);
    void cmdExec(const QStringList &a);
    void cmdCp(const QStringList &a);
    void cmdVolume(const QStringList &a);
    void cmdNetwork(const QStringList &a);
    void cmdHost(const QStringList &a);
    // Images (cmd_images.cpp) and registries (cmd_registry.cpp)
    void cmdImages(const QStringList &a);
    void cmdImage(const QStringList &a);
    void cmdPull(const QStringList &a);
    void cmdPush(const QStringList &a);
    void cmdTag(const QStringList &a);
    void cmdRmi(const QStringList &a);
    void cmdHistory(const QStringList &a);
    void cmdSave(const QStringList &a);
    void cmdLoad(const QStringList &a);
    void cmdImport(const QStringList &a);
    void cmdBuild(const QStringList &a);
    void cmdLogin(const QStringList &a);
    void cmdLogout(const QStringList &a);
    void cmdRegistry(const QStringList &a);
    void cmdRegistryRun(const QStringList &a);
    Wharf::Models::RegistryStore *registries();
    // The logins a build with this Dockerfile sends (private base images).
    void buildLogins(const QByteArray &dockerfile, std::function<void(const QList<Wharf::Backends::RegistryAuth> &)> then);
    // The login for the registry of an image, from the keychain (none when there is none).
    void registryAuthFor(const QString &image, std::function<void(const Wharf::Backends::RegistryAuth &)> then);
    // Prints a pull/push/build/load stream: status lines, and on a terminal one progress line
    // redrawn in place; fails with the engine's error (and the build step) when there is one.
    void followProgress(DockerJob *job, bool quiet, std::function<void(const Wharf::Backends::ProgressTracker &)> done);
    // The endpoint of a saved host, with its TLS key from the keychain when it has one.
    void savedHostEndpoint(const QString &name, std::function<void(const Expected<Endpoint> &)> then);
    Wharf::Backends::CredentialStore *credentials();
    // ssh:// endpoints get the known_hosts, keys and client chosen by the global flags, and a
    // terminal to ask passphrases on. Other endpoints pass unchanged.
    Expected<Endpoint> withSsh(const Expected<Endpoint> &endpoint, bool savedHost);

    // The one way wharfctl changes a host: policy, quota, the daemon, settle, one audit record
    // (the gate runs inline, on the command's database connection).
    Models::Operations *ops();
    // The operations layer on a tenant's behalf (the controller making a tenant's replicas).
    Models::Operations *opsAs(const QString &tenant);
    QHash<QString, Models::Operations *> m_tenantOps;
    using Send = std::function<DockerJob *(const QJsonObject &body)>;
    // One change: a failure (a refusal too) is printed and exits 1; else then(outcome).
    void operate(const Models::Request &request, Send send, std::function<void(const Models::Outcome &)> then);
    // Like forEach, each name's change through the operations layer (docker stop a b c).
    void forEachOp(const QStringList &names, std::function<Models::Request(const QString &)> request, std::function<Send(const QString &)> send,
                   std::function<void(const QString &, const Models::Outcome &)> ok = {});
    // A tenant may act on this (kind: m_ownedKind); the refusal is recorded. Answers at once
    // (the gate runs inline).
    Error ownership(const QString &name, const QString &kind);
    // A change whose answer is a progress stream (pull, push, load, import, build): followed
    // like followProgress; the record says how it ended, a failure included.
    void operateStream(const Models::Request &request, Send send, bool quiet, std::function<void(const Wharf::Backends::ProgressTracker &)> done);
    std::function<void(const Error &, const QString &)> m_streamFinished;
    // An admin's action that a tenant asked for: the refusal (recorded), or none.
    Error tenantRefusal(const QString &resource, const QString &verb);

    // Tenancy (cmd_tenancy.cpp, cmd_billing.cpp)
    void withTenancy(std::function<void()> then);
    QString hostKey() const;
    // Fails the command (and returns false) unless the principal may act on every container named.
    bool checkOwned(const QStringList &names);
    // A password from standard input (--password-stdin: all of it but the line end) or asked
    // on the terminal without echo; nullopt after saying what went wrong (empty included).
    std::optional<QString> password(bool fromStdin, const QString &prompt);
    void cmdDb(const QStringList &a);
    void cmdPlan(const QStringList &a);
    void cmdTenant(const QStringList &a);
    void tenantEndpoints(const QString &tenant);
    void tenantProfile(const QString &tenant);
    Backends::Expected<QList<Backends::TenantEndpoint>> endpointsOf(const QString &tenant);
    QString cgroupUsageText(const Backends::TenantEndpoint::Usage &usage);
    void tenantDaemon(const QString &sub, const QString &tenant, const FlagParser &f);
    void cmdUser(const QStringList &a);
    void cmdBills(const QStringList &a);
    static QJsonObject issuedBillJson(const Backends::IssuedBill &b);
    void cmdDomain(const QStringList &a);
    void cmdQuotaShow(const QString &tenant);
    void cmdQuotaReconcile(const QStringList &a);
    void quotaReconcile(bool adopt, std::function<void(const Error &, const QString &)> finished);
    void cmdAudit(const QStringList &a);
    void cmdMeter(const QStringList &a);
    void cmdBill(const QStringList &a);
    void cmdController(const QStringList &a);
    Error parsePlanFlags(const FlagParser &f, Backends::Plan *p, bool creating);
    Expected<qint64> parseTime(const QString &text);

    // Applications (cmd_apps.cpp)
    void cmdApp(const QStringList &a);
    // Services and the edge router (cmd_services.cpp)
    void cmdService(const QStringList &a);
    void cmdServiceCreate(const QStringList &a);
    void cmdServiceChange(const QString &verb, const QStringList &a);
    void cmdServiceLs(const QStringList &a);
    void cmdServicePs(const QString &verb, const QStringList &a);
    void cmdServiceLogs(const QStringList &a);
    void cmdServiceRm(const QStringList &a);
    void cmdEdge(const QStringList &a);
    Models::Services::ServiceActions *serviceActions();
    // failOnRollback: an update the controller rolled back or paused makes the command fail
    // (not for `service rollback` itself).
    void converge(int timeoutSeconds, std::function<void()> then, bool failOnRollback = true);
    void watchServices(qint64 deadline, std::function<void()> then, bool failOnRollback);
    void cmdAppDeploy(bool apply, const QStringList &a);
    void cmdAppLs(const QStringList &a);
    void cmdAppPs(const QStringList &a);
    void cmdAppLogs(const QStringList &a);
    void printLogLines(const QList<Models::Apps::AppLogLine> &lines, int width, bool timestamps, const QString &grep = {});
    void cmdAppAct(const QString &verb, const QStringList &a);
    Models::Apps::AppDeployer *appDeployer();
    QList<Models::Apps::ObservedContainer> ownContainers(const QList<Models::Apps::ObservedContainer> &containers);
    Expected<QSet<QString>> ownedNames(const QString &kind);
    bool composeOptions(const FlagParser &f, Backends::Compose::LoadOptions *o);
    void printDiagnostics(const QList<Backends::Compose::Diagnostic> &diagnostics);

    // Streams a container's output (multiplexed unless tty) to stdout/stderr.
    void pipeOutput(DockerJob *job, bool tty);

private:
    void dispatch();
    void run(const Expected<Endpoint> &endpoint);
    void runCommand();
    void usage();
    QStringList m_args;
    QString m_command;
    QStringList m_commandArgs;
    const CommandDoc *m_doc = nullptr; // the command's entry in the table (commands.h)
    DockerClient *m_client = nullptr;
    bool m_json = false;
    bool m_clearLines = false; // tables redrawn in place on a terminal
    Wharf::Backends::Error m_streamError; // set when a stream is cut for bad bytes
    bool m_finished = false;
    Wharf::Backends::CredentialStore *m_credentials = nullptr;
    Wharf::Models::RegistryStore *m_registries = nullptr;
    QString m_loginHint; // the registry of the image being pulled or pushed
    QString m_dbUrl;       // --db
    QString m_tenantName;  // --tenant, or the tenant of the database role
    QString m_hostName;    // -H NAME of a saved host (the host's name in the database)
    QString m_dbPassword;
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
    std::shared_ptr<Models::PolicyGate> m_gate;
    Models::Operations *m_ops = nullptr;
    bool m_csv = false;
    QString m_ownedKind = QStringLiteral("container"); // what forEach's names are
    struct SshFlags
    {
        QString knownHosts;
        bool acceptNewHostKey = false;
        QString key;
        QString client;
    } m_sshFlags;
    QTextStream m_out;
    QTextStream m_err;
};

QString humanSize(double bytes);
// --filter KEY=VALUE flags into the engine's filters map.
Error parseFilters(const QStringList &list, Backends::Filters *out);
QString shortId(const QString &id);

} // namespace Wharf::App
