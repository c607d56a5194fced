#include "commands.h"

#include "cli.h"

#include <QCoreApplication>
#include <QSet>

namespace Wharf::App {

namespace {

QString tr(const char *text)
{
    return text ? QCoreApplication::translate("wharfctl", text) : QString();
}

// Sections of wharfctl --help
const char *const Daemon = QT_TRANSLATE_NOOP("wharfctl", "Host");
const char *const Containers = QT_TRANSLATE_NOOP("wharfctl", "Containers");
const char *const Resources = QT_TRANSLATE_NOOP("wharfctl", "Volumes and networks");
const char *const Images = QT_TRANSLATE_NOOP("wharfctl", "Images and registries");
const char *const Hosts = QT_TRANSLATE_NOOP("wharfctl", "Saved hosts");
const char *const Platform = QT_TRANSLATE_NOOP("wharfctl", "Platform (the metadata database: --db URL or WHARF_DB, else the embedded SQLite file)");
const char *const Apps = QT_TRANSLATE_NOOP("wharfctl", "Applications (compose files)");
const char *const Services = QT_TRANSLATE_NOOP("wharfctl", "Services (replicas behind the host's edge router)");
const char *const Shell = QT_TRANSLATE_NOOP("wharfctl", "Shell");

// Flags several commands share, with one text each.
const FlagDoc Quiet{{QStringLiteral("-q"), QStringLiteral("--quiet")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "print only names or ids")};
const FlagDoc Force{{QStringLiteral("-f"), QStringLiteral("--force")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "do not ask, and go ahead where it would stop")};
const FlagDoc Filter{{QStringLiteral("-f"), QStringLiteral("--filter")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "keep what matches (docker's filters), repeatable")};
const FlagDoc LongFilter{{QStringLiteral("--filter")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "keep what matches (docker's filters), repeatable")};
const FlagDoc NoTrunc{{QStringLiteral("--no-trunc")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "do not shorten ids and commands")};
const FlagDoc Label{{QStringLiteral("--label")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "a label, repeatable (io.wharf. is reserved)")};
const FlagDoc PasswordStdin{{QStringLiteral("--password-stdin")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "read the password from standard input")};
const FlagDoc Since{{QStringLiteral("--since")}, "TIME", QT_TRANSLATE_NOOP("wharfctl", "from this time (RFC 3339, a date, or a duration like 10m)")};
const FlagDoc Until{{QStringLiteral("--until")}, "TIME", QT_TRANSLATE_NOOP("wharfctl", "up to this time")};

QList<FlagDoc> composeFlags(QList<FlagDoc> more = {})
{
    QList<FlagDoc> f{{{QStringLiteral("-f"), QStringLiteral("--file")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "a compose file, repeatable (later ones override)")},
                     {{QStringLiteral("--project-directory")}, "DIR", QT_TRANSLATE_NOOP("wharfctl", "the folder relative paths start from")},
                     {{QStringLiteral("--name"), QStringLiteral("-p")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "the app's name (else name: in the file, else the folder's)")},
                     {{QStringLiteral("--env-file")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "variables for interpolation, repeatable (default .env)")},
                     {{QStringLiteral("--profile")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "enable a profile, repeatable")}};
    return f + more;
}

using H = std::function<void(Cli &, const QStringList &)>;
template<void (Cli::*M)(const QStringList &)>
H call()
{
    return [](Cli &c, const QStringList &a) { (c.*M)(a); };
}
H simple(const QString &verb)
{
    return [verb](Cli &c, const QStringList &a) { c.cmdSimple(verb, a); };
}

// The flags service create and service update share.
QList<FlagDoc> serviceFlags(QList<FlagDoc> more = {})
{
    QList<FlagDoc> f{
        {{QStringLiteral("--replicas")}, "N", QT_TRANSLATE_NOOP("wharfctl", "how many replicas run")},
        {{QStringLiteral("-p"), QStringLiteral("--publish")}, "[IP:]PORT:TARGET[/tcp|/http]", QT_TRANSLATE_NOOP("wharfctl", "published at the edge router, repeatable (or published=,target=,mode=http,host=,path=)")},
        {{QStringLiteral("-e"), QStringLiteral("--env")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "an environment variable, repeatable")},
        {{QStringLiteral("--cpus"), QStringLiteral("--limit-cpu")}, "CPUS", QT_TRANSLATE_NOOP("wharfctl", "CPUs per replica (0.5)")},
        {{QStringLiteral("--memory"), QStringLiteral("--limit-memory")}, "BYTES", QT_TRANSLATE_NOOP("wharfctl", "memory per replica (256m)")},
        {{QStringLiteral("--health-cmd")}, "COMMAND", QT_TRANSLATE_NOOP("wharfctl", "a shell command that says whether a replica is well")},
        {{QStringLiteral("--health-http")}, "PATH", QT_TRANSLATE_NOOP("wharfctl", "an HTTP GET of this path says whether a replica is well")},
        {{QStringLiteral("--health-tcp")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "a TCP connection says whether a replica is well")},
        {{QStringLiteral("--health-port")}, "PORT", QT_TRANSLATE_NOOP("wharfctl", "the port the HTTP or TCP check uses (default: the first published target)")},
        {{QStringLiteral("--no-healthcheck")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "no health check, not even the image's")},
        {{QStringLiteral("--health-interval")}, "DURATION", QT_TRANSLATE_NOOP("wharfctl", "time between checks (2s)")},
        {{QStringLiteral("--health-timeout")}, "DURATION", QT_TRANSLATE_NOOP("wharfctl", "how long a check may take (2s)")},
        {{QStringLiteral("--health-retries")}, "N", QT_TRANSLATE_NOOP("wharfctl", "failed checks before a replica is unhealthy (3)")},
        {{QStringLiteral("--health-start-period")}, "DURATION", QT_TRANSLATE_NOOP("wharfctl", "time a replica has to start before failures count")},
        {{QStringLiteral("--health-grace")}, "DURATION", QT_TRANSLATE_NOOP("wharfctl", "how long an unhealthy replica is kept before it is replaced (30s)")},
        {{QStringLiteral("--update-parallelism")}, "N", QT_TRANSLATE_NOOP("wharfctl", "replicas replaced at a time (1)")},
        {{QStringLiteral("--update-delay")}, "DURATION", QT_TRANSLATE_NOOP("wharfctl", "time between batches of an update")},
        {{QStringLiteral("--update-order")}, "start-first|stop-first", QT_TRANSLATE_NOOP("wharfctl", "whether the new replica is ready before the old one leaves (start-first)")},
        {{QStringLiteral("--update-failure-action")}, "rollback|pause", QT_TRANSLATE_NOOP("wharfctl", "what a failed update does (rollback)")},
        {{QStringLiteral("--update-monitor")}, "DURATION", QT_TRANSLATE_NOOP("wharfctl", "how long a new replica is watched for failure")},
        {{QStringLiteral("--balance")}, "roundrobin|leastconn", QT_TRANSLATE_NOOP("wharfctl", "how the router spreads connections")},
        {{QStringLiteral("--sticky")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "HTTP: a cookie keeps each client on its replica")},
        {{QStringLiteral("--max-conn")}, "N", QT_TRANSLATE_NOOP("wharfctl", "connections per replica at the router (queued beyond)")},
        {{QStringLiteral("--drain")}, "DURATION", QT_TRANSLATE_NOOP("wharfctl", "how long a replica that left the pool finishes its requests (2s)")},
        {{QStringLiteral("--category")}, "app|data|tool|storage", QT_TRANSLATE_NOOP("wharfctl", "what kind of service it is")},
        {{QStringLiteral("--label")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "a label, repeatable (io.wharf. is reserved)")},
        {{QStringLiteral("-d"), QStringLiteral("--detach")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "do not wait for the host to get there")},
        {{QStringLiteral("--timeout")}, "SECONDS", QT_TRANSLATE_NOOP("wharfctl", "how long to wait for the host to get there")}};
    return f + more;
}

QList<CommandDoc> build()
{
    const QStringList appSubs{QStringLiteral("validate"), QStringLiteral("config"), QStringLiteral("plan"), QStringLiteral("deploy"), QStringLiteral("ls"),
                              QStringLiteral("ps"), QStringLiteral("logs"), QStringLiteral("stop"), QStringLiteral("start"), QStringLiteral("restart"),
                              QStringLiteral("down")};
    const FlagDoc stopTime{{QStringLiteral("-t"), QStringLiteral("--time")}, "SECONDS", QT_TRANSLATE_NOOP("wharfctl", "seconds to wait for it to stop before it is killed")};
    QList<CommandDoc> t{
        // The host
        {QStringLiteral("version"), "", QT_TRANSLATE_NOOP("wharfctl", "the versions of wharfctl and of the daemon"), Daemon, {}, {}, Needs::Daemon, false, true, false, nullptr,
         call<&Cli::cmdVersion>()},
        {QStringLiteral("info"), "", QT_TRANSLATE_NOOP("wharfctl", "the daemon's facts (containers, images, storage, runtime)"), Daemon, {}, {}, Needs::Daemon, false, false, false,
         nullptr, call<&Cli::cmdInfo>()},
        {QStringLiteral("events"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "follow the daemon's events"), Daemon,
         {Since, Until, {{QStringLiteral("-f"), QStringLiteral("--filter")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "keep what matches (docker's filters), repeatable")}}, {},
         Needs::Daemon, false, false, false, nullptr, call<&Cli::cmdEvents>()},
        // Containers
        {QStringLiteral("ps"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "list containers"), Containers,
         {{{QStringLiteral("-a"), QStringLiteral("--all")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "stopped ones too")}, Quiet, NoTrunc,
          {{QStringLiteral("-s"), QStringLiteral("--size")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "with their sizes on disk")}, Filter},
         {}, Needs::Daemon, false, true, false, nullptr, call<&Cli::cmdPs>()},
    };
    const QList<FlagDoc> createFlags{
        {{QStringLiteral("-d"), QStringLiteral("--detach")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "run in the background and print its id")},
        {{QStringLiteral("-i"), QStringLiteral("--interactive")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "keep standard input open")},
        {{QStringLiteral("-t"), QStringLiteral("--tty")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "give it a terminal")},
        {{QStringLiteral("--rm")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "remove it when it exits")},
        {{QStringLiteral("--name")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "its name")},
        {{QStringLiteral("-e"), QStringLiteral("--env")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "an environment variable, repeatable")},
        {{QStringLiteral("-p"), QStringLiteral("--publish")}, "[IP:]HOST:CONTAINER[/PROTO]", QT_TRANSLATE_NOOP("wharfctl", "publish a port, repeatable")},
        {{QStringLiteral("-v"), QStringLiteral("--volume")}, "SOURCE:TARGET[:ro]", QT_TRANSLATE_NOOP("wharfctl", "mount a volume or folder, repeatable")},
        {{QStringLiteral("-m"), QStringLiteral("--memory")}, "BYTES", QT_TRANSLATE_NOOP("wharfctl", "memory limit (512m, 1g)")},
        {{QStringLiteral("--cpus")}, "N", QT_TRANSLATE_NOOP("wharfctl", "CPU limit (1.5)")},
        {{QStringLiteral("--pids-limit")}, "N", QT_TRANSLATE_NOOP("wharfctl", "processes in the container at most (-1: no limit)")},
        {{QStringLiteral("--restart")}, "POLICY", QT_TRANSLATE_NOOP("wharfctl", "no, always, unless-stopped or on-failure[:N]")},
        {{QStringLiteral("--network"), QStringLiteral("--net")}, "NETWORK", QT_TRANSLATE_NOOP("wharfctl", "the network it joins")},
        {{QStringLiteral("--entrypoint")}, "COMMAND", QT_TRANSLATE_NOOP("wharfctl", "replace the image's entrypoint")},
        {{QStringLiteral("-w"), QStringLiteral("--workdir")}, "DIR", QT_TRANSLATE_NOOP("wharfctl", "the working folder inside")},
        {{QStringLiteral("-u"), QStringLiteral("--user")}, "USER[:GROUP]", QT_TRANSLATE_NOOP("wharfctl", "the user it runs as")},
        {{QStringLiteral("-l"), QStringLiteral("--label")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "a label, repeatable (io.wharf. is reserved)")},
        {{QStringLiteral("--privileged")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "all the host's devices and capabilities (admins only)")},
        {{QStringLiteral("--pid")}, "MODE", QT_TRANSLATE_NOOP("wharfctl", "the PID namespace (host: admins only)")},
        {{QStringLiteral("--ipc")}, "MODE", QT_TRANSLATE_NOOP("wharfctl", "the IPC namespace (host: admins only)")},
        {{QStringLiteral("--device")}, "PATH", QT_TRANSLATE_NOOP("wharfctl", "a host device (admins only), repeatable")},
        {{QStringLiteral("--cap-add")}, "CAP", QT_TRANSLATE_NOOP("wharfctl", "a Linux capability (admins only), repeatable")}};
    t << CommandDoc{QStringLiteral("create"), "[OPTIONS] IMAGE [COMMAND] [ARG...]", QT_TRANSLATE_NOOP("wharfctl", "create a container"), Containers, createFlags, {}, Needs::Daemon,
                    true, true, true, nullptr, [](Cli &c, const QStringList &a) { c.cmdCreateOrRun(a, false); }}
      << CommandDoc{QStringLiteral("run"), "[OPTIONS] IMAGE [COMMAND] [ARG...]", QT_TRANSLATE_NOOP("wharfctl", "create and start a container (and follow it unless -d)"), Containers,
                    createFlags, {}, Needs::Daemon, true, true, true, nullptr, [](Cli &c, const QStringList &a) { c.cmdCreateOrRun(a, true); }}
      << CommandDoc{QStringLiteral("start"), "CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "start containers"), Containers, {}, {}, Needs::Daemon, true, true, false, nullptr, simple(QStringLiteral("start"))}
      << CommandDoc{QStringLiteral("stop"), "[OPTIONS] CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "stop containers"), Containers, {stopTime}, {}, Needs::Daemon, true, true, false,
                    nullptr, simple(QStringLiteral("stop"))}
      << CommandDoc{QStringLiteral("restart"), "[OPTIONS] CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "restart containers"), Containers, {stopTime}, {}, Needs::Daemon, true, true,
                    false, nullptr, simple(QStringLiteral("restart"))}
      << CommandDoc{QStringLiteral("kill"), "[OPTIONS] CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "send containers a signal (KILL unless -s)"), Containers,
                    {{{QStringLiteral("-s"), QStringLiteral("--signal")}, "SIGNAL", QT_TRANSLATE_NOOP("wharfctl", "the signal to send")}}, {}, Needs::Daemon, true, true, false, nullptr,
                    simple(QStringLiteral("kill"))}
      << CommandDoc{QStringLiteral("pause"), "CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "pause containers"), Containers, {}, {}, Needs::Daemon, true, true, false, nullptr, simple(QStringLiteral("pause"))}
      << CommandDoc{QStringLiteral("unpause"), "CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "resume paused containers"), Containers, {}, {}, Needs::Daemon, true, true, false, nullptr,
                    simple(QStringLiteral("unpause"))}
      << CommandDoc{QStringLiteral("rm"), "[OPTIONS] CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "remove containers"), Containers,
                    {{{QStringLiteral("-f"), QStringLiteral("--force")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "remove running ones too")},
                     {{QStringLiteral("-v"), QStringLiteral("--volumes")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "and their anonymous volumes")}},
                    {}, Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdRm>()}
      << CommandDoc{QStringLiteral("rename"), "CONTAINER NEW_NAME", QT_TRANSLATE_NOOP("wharfctl", "rename a container"), Containers, {}, {}, Needs::Daemon, true, false, false,
                    "container.rename", call<&Cli::cmdRename>()}
      << CommandDoc{QStringLiteral("update"), "[OPTIONS] CONTAINER...", QT_TRANSLATE_NOOP("wharfctl", "change containers' limits (a tenant's growth is held to its plan)"), Containers,
                    {{{QStringLiteral("-m"), QStringLiteral("--memory")}, "BYTES", QT_TRANSLATE_NOOP("wharfctl", "memory limit (512m, 1g)")},
                     {{QStringLiteral("--cpus")}, "N", QT_TRANSLATE_NOOP("wharfctl", "CPU limit (1.5)")},
                     {{QStringLiteral("--restart")}, "POLICY", QT_TRANSLATE_NOOP("wharfctl", "no, always, unless-stopped or on-failure[:N]")}},
                    {}, Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdUpdate>()}
      << CommandDoc{QStringLiteral("inspect"), "[OPTIONS] NAME...", QT_TRANSLATE_NOOP("wharfctl", "the daemon's JSON of containers, images, volumes or networks"), Containers,
                    {{{QStringLiteral("--type")}, "TYPE", QT_TRANSLATE_NOOP("wharfctl", "container, image, volume or network")}}, {}, Needs::Daemon, false, true, false, nullptr,
                    call<&Cli::cmdInspect>()}
      << CommandDoc{QStringLiteral("logs"), "[OPTIONS] CONTAINER", QT_TRANSLATE_NOOP("wharfctl", "a container's output"), Containers,
                    {{{QStringLiteral("-f"), QStringLiteral("--follow")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "keep following")},
                     {{QStringLiteral("-t"), QStringLiteral("--timestamps")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "with the daemon's timestamps")},
                     {{QStringLiteral("-n"), QStringLiteral("--tail")}, "N", QT_TRANSLATE_NOOP("wharfctl", "the last N lines (all)")}, Since, Until},
                    {}, Needs::Daemon, false, true, false, nullptr, call<&Cli::cmdLogs>()}
      << CommandDoc{QStringLiteral("stats"), "[OPTIONS] [CONTAINER...]", QT_TRANSLATE_NOOP("wharfctl", "live CPU, memory, network and disk use"), Containers,
                    {{{QStringLiteral("--no-stream")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "one reading, then exit")},
                     {{QStringLiteral("-a"), QStringLiteral("--all")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "stopped containers too")}},
                    {}, Needs::Daemon, false, true, false, nullptr, call<&Cli::cmdStats>()}
      << CommandDoc{QStringLiteral("top"), "CONTAINER [PS_ARGS]", QT_TRANSLATE_NOOP("wharfctl", "a container's processes"), Containers, {}, {}, Needs::Daemon, false, true, false,
                    nullptr, call<&Cli::cmdTop>()}
      << CommandDoc{QStringLiteral("exec"), "[OPTIONS] CONTAINER COMMAND [ARG...]", QT_TRANSLATE_NOOP("wharfctl", "run a command in a running container"), Containers,
                    {{{QStringLiteral("-i"), QStringLiteral("--interactive")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "keep standard input open")},
                     {{QStringLiteral("-t"), QStringLiteral("--tty")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "give it a terminal")},
                     {{QStringLiteral("-d"), QStringLiteral("--detach")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "run in the background")},
                     {{QStringLiteral("-e"), QStringLiteral("--env")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "an environment variable, repeatable")},
                     {{QStringLiteral("-w"), QStringLiteral("--workdir")}, "DIR", QT_TRANSLATE_NOOP("wharfctl", "the working folder inside")},
                     {{QStringLiteral("-u"), QStringLiteral("--user")}, "USER[:GROUP]", QT_TRANSLATE_NOOP("wharfctl", "the user it runs as")}},
                    {}, Needs::Daemon, true, true, true, nullptr, call<&Cli::cmdExec>()}
      << CommandDoc{QStringLiteral("cp"), "CONTAINER:SRC DEST | SRC CONTAINER:DEST", QT_TRANSLATE_NOOP("wharfctl", "copy files between a container and this machine"), Containers, {},
                    {}, Needs::Daemon, true, false, false, "container.cp", call<&Cli::cmdCp>()}
      // Volumes and networks
      << CommandDoc{QStringLiteral("volume"), "ls|create|inspect|rm|prune [OPTIONS] [NAME...]", QT_TRANSLATE_NOOP("wharfctl", "volumes (a tenant's own: ls, create, inspect, rm)"),
                    Resources,
                    {Quiet, Force, LongFilter, {{QStringLiteral("-d"), QStringLiteral("--driver")}, "DRIVER", QT_TRANSLATE_NOOP("wharfctl", "the volume driver (local)")}, Label,
                     {{QStringLiteral("-o"), QStringLiteral("--opt")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "a driver option, repeatable")},
                     {{QStringLiteral("--name")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "its name")}},
                    {QStringLiteral("ls"), QStringLiteral("create"), QStringLiteral("inspect"), QStringLiteral("rm"), QStringLiteral("prune")},
                    Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdVolume>()}
      << CommandDoc{QStringLiteral("network"), "ls|create|inspect|connect|disconnect|rm [OPTIONS] [NAME...]",
                    QT_TRANSLATE_NOOP("wharfctl", "networks (a tenant's own: ls, create, inspect, rm)"), Resources,
                    {Quiet, Force, {{QStringLiteral("--internal")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "no way out of the network")},
                     {{QStringLiteral("--attachable")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "containers may join it by hand")}, LongFilter,
                     {{QStringLiteral("-d"), QStringLiteral("--driver")}, "DRIVER", QT_TRANSLATE_NOOP("wharfctl", "the network driver (bridge)")},
                     {{QStringLiteral("--subnet")}, "CIDR", QT_TRANSLATE_NOOP("wharfctl", "its addresses (admins only)")},
                     {{QStringLiteral("--gateway")}, "IP", QT_TRANSLATE_NOOP("wharfctl", "its gateway (admins only)")}, Label},
                    {QStringLiteral("ls"), QStringLiteral("create"), QStringLiteral("inspect"), QStringLiteral("connect"), QStringLiteral("disconnect"),
                     QStringLiteral("rm")},
                    Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdNetwork>()}
      // Images and registries
      << CommandDoc{QStringLiteral("images"), "[OPTIONS] [REPOSITORY[:TAG]]", QT_TRANSLATE_NOOP("wharfctl", "list images"), Images,
                    {{{QStringLiteral("-a"), QStringLiteral("--all")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "intermediate images too")}, Quiet,
                     {{QStringLiteral("--digests")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "with their digests")}, NoTrunc, Filter},
                    {}, Needs::Daemon, false, true, false, nullptr, call<&Cli::cmdImages>()}
      << CommandDoc{QStringLiteral("image"), "ls|pull|push|tag|rm|prune|inspect|history|save|load|import|build ...",
                    QT_TRANSLATE_NOOP("wharfctl", "images, as docker image does (prune: -a for every unused image, -f to go ahead)"), Images,
                    {{{QStringLiteral("-a"), QStringLiteral("--all")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "every unused image, not only dangling ones")}, Force, LongFilter},
                    {QStringLiteral("ls"), QStringLiteral("pull"), QStringLiteral("push"), QStringLiteral("tag"), QStringLiteral("rm"), QStringLiteral("prune"),
                     QStringLiteral("inspect"), QStringLiteral("history"), QStringLiteral("save"), QStringLiteral("load"), QStringLiteral("import"),
                     QStringLiteral("build")},
                    Needs::Daemon, true, false, false, "image.prune", call<&Cli::cmdImage>()}
      << CommandDoc{QStringLiteral("pull"), "[OPTIONS] NAME[:TAG|@DIGEST]", QT_TRANSLATE_NOOP("wharfctl", "pull an image (with the registry's login from the keychain)"), Images,
                    {Quiet, {{QStringLiteral("--platform")}, "OS/ARCH", QT_TRANSLATE_NOOP("wharfctl", "the platform to pull")}}, {}, Needs::Daemon, true, true, false, nullptr,
                    call<&Cli::cmdPull>()}
      << CommandDoc{QStringLiteral("push"), "[OPTIONS] NAME[:TAG]", QT_TRANSLATE_NOOP("wharfctl", "push an image to its registry"), Images, {Quiet}, {}, Needs::Daemon, true, false,
                    false, "image.push", call<&Cli::cmdPush>()}
      << CommandDoc{QStringLiteral("tag"), "SOURCE[:TAG] TARGET[:TAG]", QT_TRANSLATE_NOOP("wharfctl", "give an image another name"), Images, {}, {}, Needs::Daemon, true, false, false,
                    "image.tag", call<&Cli::cmdTag>()}
      << CommandDoc{QStringLiteral("rmi"), "[OPTIONS] IMAGE...", QT_TRANSLATE_NOOP("wharfctl", "remove images"), Images,
                    {{{QStringLiteral("-f"), QStringLiteral("--force")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "even when a container uses it")},
                     {{QStringLiteral("--no-prune")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "keep untagged parents")}},
                    {}, Needs::Daemon, true, false, false, "image.remove", call<&Cli::cmdRmi>()}
      << CommandDoc{QStringLiteral("history"), "[OPTIONS] IMAGE", QT_TRANSLATE_NOOP("wharfctl", "an image's layers"), Images,
                    {NoTrunc, Quiet, {{QStringLiteral("-H"), QStringLiteral("--human")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "sizes and times for people (the default)")}}, {},
                    Needs::Daemon, false, false, false, "image.history", call<&Cli::cmdHistory>()}
      << CommandDoc{QStringLiteral("save"), "[OPTIONS] IMAGE...", QT_TRANSLATE_NOOP("wharfctl", "write images to a tar archive"), Images,
                    {{{QStringLiteral("-o"), QStringLiteral("--output")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the archive (else standard output)")}}, {}, Needs::Daemon, false, false,
                    false, "image.save", call<&Cli::cmdSave>()}
      << CommandDoc{QStringLiteral("load"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "load images from a tar archive"), Images,
                    {{{QStringLiteral("-i"), QStringLiteral("--input")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the archive (else standard input)")}, Quiet}, {}, Needs::Daemon, true,
                    false, false, "image.load", call<&Cli::cmdLoad>()}
      << CommandDoc{QStringLiteral("import"), "[OPTIONS] FILE|-|URL [REPOSITORY[:TAG]]", QT_TRANSLATE_NOOP("wharfctl", "make an image of a root file system archive"), Images,
                    {{{QStringLiteral("-c"), QStringLiteral("--change")}, "INSTRUCTION", QT_TRANSLATE_NOOP("wharfctl", "a Dockerfile instruction to apply, repeatable")},
                     {{QStringLiteral("-m"), QStringLiteral("--message")}, "TEXT", QT_TRANSLATE_NOOP("wharfctl", "the commit message")}},
                    {}, Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdImport>()}
      << CommandDoc{QStringLiteral("build"), "[OPTIONS] PATH|URL", QT_TRANSLATE_NOOP("wharfctl", "build an image from a Dockerfile (.dockerignore honoured)"), Images,
                    {{{QStringLiteral("-t"), QStringLiteral("--tag")}, "NAME[:TAG]", QT_TRANSLATE_NOOP("wharfctl", "name the image, repeatable")},
                     {{QStringLiteral("-f"), QStringLiteral("--file")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the Dockerfile (PATH/Dockerfile)")},
                     {{QStringLiteral("--build-arg")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "a build argument, repeatable")}, Label,
                     {{QStringLiteral("--target")}, "STAGE", QT_TRANSLATE_NOOP("wharfctl", "the stage to build")},
                     {{QStringLiteral("--platform")}, "OS/ARCH", QT_TRANSLATE_NOOP("wharfctl", "the platform to build for")},
                     {{QStringLiteral("--no-cache")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "build every step again")},
                     {{QStringLiteral("--pull")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "pull newer base images")}, Quiet},
                    {}, Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdBuild>()}
      << CommandDoc{QStringLiteral("login"), "[OPTIONS] [REGISTRY]", QT_TRANSLATE_NOOP("wharfctl", "check a registry login and keep it in the keychain"), Images,
                    {{{QStringLiteral("-u"), QStringLiteral("--username")}, "USER", QT_TRANSLATE_NOOP("wharfctl", "the user name")},
                     {{QStringLiteral("-p"), QStringLiteral("--password")}, "PASSWORD", QT_TRANSLATE_NOOP("wharfctl", "the password (better: --password-stdin)")}, PasswordStdin},
                    {}, Needs::Nothing, false, true, false, nullptr, call<&Cli::cmdLogin>()}
      << CommandDoc{QStringLiteral("logout"), "[REGISTRY]", QT_TRANSLATE_NOOP("wharfctl", "remove a registry login from the keychain"), Images, {}, {}, Needs::Nothing, false, true,
                    false, nullptr, call<&Cli::cmdLogout>()}
      << CommandDoc{QStringLiteral("registry"), "ls|add NAME URL|remove NAME|repos REG|tags REG/REPO|inspect REG/REPO:TAG|rm REG/REPO:TAG|run",
                    QT_TRANSLATE_NOOP("wharfctl", "the registry list, a registry's repositories and tags; run a registry on a host"), Images,
                    {Quiet, {{QStringLiteral("-n"), QStringLiteral("--limit")}, "N", QT_TRANSLATE_NOOP("wharfctl", "at most N results")},
                     {{QStringLiteral("--name")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "its name")}, {{QStringLiteral("--port")}, "PORT", QT_TRANSLATE_NOOP("wharfctl", "its port")},
                     {{QStringLiteral("--image")}, "IMAGE", QT_TRANSLATE_NOOP("wharfctl", "the registry image")}, {{QStringLiteral("--volume")}, "VOLUME", QT_TRANSLATE_NOOP("wharfctl", "the volume of its storage")}},
                    {QStringLiteral("ls"), QStringLiteral("add"), QStringLiteral("remove"), QStringLiteral("repos"), QStringLiteral("tags"),
                     QStringLiteral("inspect"), QStringLiteral("rm"), QStringLiteral("run")},
                    Needs::Nothing, false, false, false, "registry.run", call<&Cli::cmdRegistry>()}
      << CommandDoc{QStringLiteral("registry run"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "run a registry on the host (a container Wharf owns, port on loopback)"), Images,
                    {{{QStringLiteral("--name")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "its name")}, {{QStringLiteral("--port"), QStringLiteral("-p")}, "PORT", QT_TRANSLATE_NOOP("wharfctl", "its port")},
                     {{QStringLiteral("--image")}, "IMAGE", QT_TRANSLATE_NOOP("wharfctl", "the registry image")}, {{QStringLiteral("--volume")}, "VOLUME", QT_TRANSLATE_NOOP("wharfctl", "the volume of its storage")},
                     {{QStringLiteral("--bind")}, "ADDRESS", QT_TRANSLATE_NOOP("wharfctl", "the address its port is published on (127.0.0.1)")},
                     {{QStringLiteral("--address")}, "HOST[:PORT]", QT_TRANSLATE_NOOP("wharfctl", "where others reach it, when not where it is published")}},
                    {}, Needs::Daemon, true, false, false, "registry.run", [](Cli &c, const QStringList &a) { c.cmdRegistryRun(a.mid(1)); }}
      // Saved hosts
      << CommandDoc{QStringLiteral("host"), "ls|add NAME URL|rm NAME|test NAME|forget-key NAME|HOST[:PORT]|import PROFILE",
                    QT_TRANSLATE_NOOP("wharfctl", "saved hosts (TLS keys in the keychain); forget-key removes a host's SSH key from Wharf's known_hosts; import saves a tenant's endpoints from its connection profile"), Hosts,
                    {{{QStringLiteral("--group")}, "GROUP", QT_TRANSLATE_NOOP("wharfctl", "the host's group")}, {{QStringLiteral("--tlsverify")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "TLS with a pinned CA")},
                     {{QStringLiteral("--tlscacert")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the CA certificate")}, {{QStringLiteral("--tlscert")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the client certificate")},
                     {{QStringLiteral("--tlskey")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the client key (kept in the keychain)")},
                     {{QStringLiteral("--lab")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "allow plain tcp:// (a visibly marked lab host)")},
                     {{QStringLiteral("--ssh-key")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the SSH key for ssh:// hosts")},
                     {{QStringLiteral("--ssh-client")}, "libssh2|openssh", QT_TRANSLATE_NOOP("wharfctl", "which SSH client to use")}},
                    {QStringLiteral("ls"), QStringLiteral("add"), QStringLiteral("rm"), QStringLiteral("test"), QStringLiteral("forget-key"), QStringLiteral("import")},
                    Needs::Nothing, false, false, false, nullptr, call<&Cli::cmdHost>()}
      // Platform
      << CommandDoc{QStringLiteral("db"), "status|migrate|login", QT_TRANSLATE_NOOP("wharfctl", "the database, its schema, a PostgreSQL password in the keychain"), Platform, {},
                    {QStringLiteral("status"), QStringLiteral("migrate"), QStringLiteral("login")}, Needs::Database, false, false, false, nullptr,
                    call<&Cli::cmdDb>()}
      << CommandDoc{QStringLiteral("plan"), "ls|show|create|update|rm NAME [OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "plans (套餐): limits and prices"), Platform,
                    {{{QStringLiteral("--max-containers")}, "N", QT_TRANSLATE_NOOP("wharfctl", "containers at most")}, {{QStringLiteral("--cpus")}, "N", QT_TRANSLATE_NOOP("wharfctl", "CPUs in all")},
                     {{QStringLiteral("--memory")}, "BYTES", QT_TRANSLATE_NOOP("wharfctl", "memory in all")}, {{QStringLiteral("--disk")}, "BYTES", QT_TRANSLATE_NOOP("wharfctl", "volume disk in all")},
                     {{QStringLiteral("--pids")}, "N", QT_TRANSLATE_NOOP("wharfctl", "processes in all (each container and the tenant's own daemon are held to it)")},
                     {{QStringLiteral("--price-hour")}, "MONEY", QT_TRANSLATE_NOOP("wharfctl", "price per hour")}, {{QStringLiteral("--price-month")}, "MONEY", QT_TRANSLATE_NOOP("wharfctl", "price per month")},
                     {{QStringLiteral("--cpu-price")}, "MONEY", QT_TRANSLATE_NOOP("wharfctl", "per CPU-hour used")}, {{QStringLiteral("--memory-price")}, "MONEY", QT_TRANSLATE_NOOP("wharfctl", "per GiB-hour used")},
                     {{QStringLiteral("--disk-price")}, "MONEY", QT_TRANSLATE_NOOP("wharfctl", "per GiB-day of volumes")}, {{QStringLiteral("--bandwidth")}, "TEXT", QT_TRANSLATE_NOOP("wharfctl", "a note on bandwidth")},
                     {{QStringLiteral("--revision")}, "N", QT_TRANSLATE_NOOP("wharfctl", "the revision the change is based on (refused when it moved on)")},
                     {{QStringLiteral("--free")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "a free plan")}},
                    {QStringLiteral("ls"), QStringLiteral("show"), QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("rm")}, Needs::Database,
                    true, false, false, nullptr, call<&Cli::cmdPlan>()}
      << CommandDoc{QStringLiteral("tenant"), "ls|show|create|suspend|resume|plan|rm|role|provision|deprovision|dedicate|undedicate|endpoints|profile NAME [OPTIONS]",
                    QT_TRANSLATE_NOOP("wharfctl", "tenants: their plan, state, a PostgreSQL role for their own console and daemons of their own"), Platform,
                    {{{QStringLiteral("--plan")}, "PLAN", QT_TRANSLATE_NOOP("wharfctl", "the tenant's plan")}, {{QStringLiteral("--email")}, "ADDRESS", QT_TRANSLATE_NOOP("wharfctl", "contact e-mail")},
                     {{QStringLiteral("--phone")}, "NUMBER", QT_TRANSLATE_NOOP("wharfctl", "contact phone")}, {{QStringLiteral("--display-name")}, "TEXT", QT_TRANSLATE_NOOP("wharfctl", "the name shown")},
                     {{QStringLiteral("--force")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "remove it with its records of resources")}, PasswordStdin,
                     {{QStringLiteral("--host")}, "HOST", QT_TRANSLATE_NOOP("wharfctl", "provision, deprovision: the shared host (a saved host or an ssh:// address with root's access)")},
                     {{QStringLiteral("--ssh-pubkey")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "provision: the tenant's SSH public key")},
                     {{QStringLiteral("--root")}, "DIR", QT_TRANSLATE_NOOP("wharfctl", "provision: the folder of tenants' homes on the host (/var/lib/wharf/tenants)")},
                     {{QStringLiteral("--data")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "deprovision: remove the tenant's images, containers and volumes too")},
                     {{QStringLiteral("--socket")}, "PATH", QT_TRANSLATE_NOOP("wharfctl", "dedicate: the host daemon's socket (/var/run/docker.sock)")}},
                    {QStringLiteral("ls"), QStringLiteral("show"), QStringLiteral("create"), QStringLiteral("suspend"), QStringLiteral("resume"),
                     QStringLiteral("plan"), QStringLiteral("rm"), QStringLiteral("role"), QStringLiteral("provision"), QStringLiteral("deprovision"),
                     QStringLiteral("dedicate"), QStringLiteral("undedicate"), QStringLiteral("endpoints"), QStringLiteral("profile")},
                    Needs::Database, true, false, false, nullptr, call<&Cli::cmdTenant>()}
      << CommandDoc{QStringLiteral("user"), "ls|create|rm [NAME] [OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "people with PostgreSQL roles of their own, each named in the audit log"),
                    Platform,
                    {{{QStringLiteral("--tenant")}, "TENANT", QT_TRANSLATE_NOOP("wharfctl", "a member of this tenant")}, {{QStringLiteral("--admin")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "an admin")}, PasswordStdin},
                    {QStringLiteral("ls"), QStringLiteral("create"), QStringLiteral("rm")}, Needs::Database, true, false, false, nullptr, call<&Cli::cmdUser>()}
      << CommandDoc{QStringLiteral("domain"), "ls | set HOST public|TENANT | rm HOST", QT_TRANSLATE_NOOP("wharfctl", "which hosts tenants may use"), Platform, {},
                    {QStringLiteral("ls"), QStringLiteral("set"), QStringLiteral("rm")}, Needs::Database, true, false, false, nullptr, call<&Cli::cmdDomain>()}
      << CommandDoc{QStringLiteral("quota"), "show TENANT | reconcile [--adopt]", QT_TRANSLATE_NOOP("wharfctl", "usage against the plan; recount from the daemon"), Platform, {},
                    {QStringLiteral("show"), QStringLiteral("reconcile")}, Needs::Database, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("quota show"), "TENANT", QT_TRANSLATE_NOOP("wharfctl", "a tenant's usage against its plan"), Platform, {}, {}, Needs::Database, false, true, false,
                    nullptr, [](Cli &c, const QStringList &a) { c.cmdQuotaShow(a.value(1)); }}
      << CommandDoc{QStringLiteral("quota reconcile"), "[--adopt]", QT_TRANSLATE_NOOP("wharfctl", "recount the quota from what the daemon runs"), Platform,
                    {{{QStringLiteral("--adopt")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "record labelled resources the database does not know")}}, {}, Needs::Daemon, true, false, false,
                    "quota.reconcile", [](Cli &c, const QStringList &a) { c.cmdQuotaReconcile(a.mid(1)); }}
      << CommandDoc{QStringLiteral("meter"), "", QT_TRANSLATE_NOOP("wharfctl", "meter the host's usage once (cron, or use the controller)"), Platform, {}, {}, Needs::Daemon, true, true,
                    false, nullptr, call<&Cli::cmdMeter>()}
      << CommandDoc{QStringLiteral("controller"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "hold the host's lease and run the control loops"), Platform,
                    {{{QStringLiteral("--interval")}, "SECONDS", QT_TRANSLATE_NOOP("wharfctl", "seconds between ticks")}, {{QStringLiteral("--once")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "one tick, then exit")}},
                    {}, Needs::Daemon, true, false, false, "controller.run", call<&Cli::cmdController>()}
      << CommandDoc{QStringLiteral("bill"), "TENANT [OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "a tenant's bill; --issue records a closed period's"), Platform,
                    {{{QStringLiteral("--period")}, "hour|day|month", QT_TRANSLATE_NOOP("wharfctl", "the period of each line")}, {{QStringLiteral("--from")}, "DATE", QT_TRANSLATE_NOOP("wharfctl", "from")},
                     {{QStringLiteral("--to")}, "DATE", QT_TRANSLATE_NOOP("wharfctl", "to")}, {{QStringLiteral("--issue")}, "DATE", QT_TRANSLATE_NOOP("wharfctl", "issue the bill of the period holding DATE")}},
                    {}, Needs::Database, false, true, false, nullptr, call<&Cli::cmdBill>()}
      << CommandDoc{QStringLiteral("bills"), "[TENANT]", QT_TRANSLATE_NOOP("wharfctl", "the bills issued"), Platform, {}, {}, Needs::Database, false, true, false, nullptr,
                    call<&Cli::cmdBills>()}
      << CommandDoc{QStringLiteral("audit"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "the audit log"), Platform,
                    {{{QStringLiteral("--tenant")}, "TENANT", QT_TRANSLATE_NOOP("wharfctl", "of this tenant")}, {{QStringLiteral("--actor")}, "USER", QT_TRANSLATE_NOOP("wharfctl", "by this person")},
                     {{QStringLiteral("--action")}, "ACTION", QT_TRANSLATE_NOOP("wharfctl", "actions starting so (container., plan.create)")},
                     {{QStringLiteral("--host")}, "HOST", QT_TRANSLATE_NOOP("wharfctl", "on this host")}, Since, Until, {{QStringLiteral("--limit")}, "N", QT_TRANSLATE_NOOP("wharfctl", "at most N records")}},
                    {}, Needs::Database, false, true, false, nullptr, call<&Cli::cmdAudit>()}
      // Applications
      << CommandDoc{QStringLiteral("app"), "validate|config|plan|deploy|ls|ps|logs|stop|start|restart|down ...",
                    QT_TRANSLATE_NOOP("wharfctl", "compose applications: check a file, plan and deploy it, follow and act on what runs"), Apps, {}, appSubs, Needs::Daemon, true, true,
                    false, nullptr, call<&Cli::cmdApp>()}
      << CommandDoc{QStringLiteral("app validate"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "check a compose file (errors with file:line:column)"), Apps,
                    composeFlags({{{QStringLiteral("--no-interpolate")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "leave ${...} as written")},
                                  {{QStringLiteral("--no-consistency")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "check the form only, not what it names")},
                                  {{QStringLiteral("--services")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "print the services' names")}, Quiet}),
                    {}, Needs::Nothing, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app config"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "print the normalised model"), Apps,
                    composeFlags({{{QStringLiteral("--no-interpolate")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "leave ${...} as written")},
                                  {{QStringLiteral("--no-consistency")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "check the form only, not what it names")},
                                  {{QStringLiteral("--services")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "print the services' names")}, Quiet}),
                    {}, Needs::Nothing, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app plan"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "what a deploy would change"), Apps,
                    composeFlags({{{QStringLiteral("--atomic")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "all or nothing: a failure puts everything back")},
                                  {{QStringLiteral("--build")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "build every service with a build:")},
                                  {{QStringLiteral("--pull")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "pull every image that is not built")}}),
                    {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app deploy"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "deploy a compose file (missing images are pulled or built)"), Apps,
                    composeFlags({{{QStringLiteral("--atomic")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "all or nothing: a failure puts everything back")},
                                  {{QStringLiteral("--build")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "build every service with a build:")},
                                  {{QStringLiteral("--pull")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "pull every image that is not built")}}),
                    {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app ls"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "the apps on the host"), Apps, {Quiet}, {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app ps"), "NAME", QT_TRANSLATE_NOOP("wharfctl", "an app's containers"), Apps, {}, {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app logs"), "[OPTIONS] NAME", QT_TRANSLATE_NOOP("wharfctl", "the logs of all of an app's services, merged"), Apps,
                    {{{QStringLiteral("-f"), QStringLiteral("--follow")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "keep following")},
                     {{QStringLiteral("--tail"), QStringLiteral("-n")}, "N", QT_TRANSLATE_NOOP("wharfctl", "the last N lines of each container")},
                     {{QStringLiteral("-t"), QStringLiteral("--timestamps")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "with the daemon's timestamps")}},
                    {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app stop"), "NAME", QT_TRANSLATE_NOOP("wharfctl", "stop an app"), Apps, {}, {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app start"), "NAME", QT_TRANSLATE_NOOP("wharfctl", "start an app"), Apps, {}, {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app restart"), "NAME", QT_TRANSLATE_NOOP("wharfctl", "restart an app"), Apps, {}, {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("app down"), "[OPTIONS] NAME", QT_TRANSLATE_NOOP("wharfctl", "remove an app (its volumes only with --volumes)"), Apps,
                    {{{QStringLiteral("-v"), QStringLiteral("--volumes")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "its named volumes too")}}, {}, Needs::Daemon, true, true, false, nullptr,
                    {}}
      // Services
      << CommandDoc{QStringLiteral("service"), "create|ls|ps|inspect|scale|update|rollback|restart|logs|rm ...",
                    QT_TRANSLATE_NOOP("wharfctl", "services: replicas of one image behind the host's edge router, scaled and updated without dropping a request"), Services, {},
                    {QStringLiteral("create"), QStringLiteral("ls"), QStringLiteral("ps"), QStringLiteral("inspect"), QStringLiteral("scale"), QStringLiteral("update"),
                     QStringLiteral("rollback"), QStringLiteral("restart"), QStringLiteral("logs"), QStringLiteral("rm")},
                    Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdService>()}
      << CommandDoc{QStringLiteral("service create"), "[OPTIONS] IMAGE [COMMAND] [ARG...]", QT_TRANSLATE_NOOP("wharfctl", "create a service and wait until its replicas are ready"), Services,
                    serviceFlags({{{QStringLiteral("--name")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "the service's name (part of its domain names)")},
                                  {{QStringLiteral("--entrypoint")}, "COMMAND", QT_TRANSLATE_NOOP("wharfctl", "override the image's entrypoint")},
                                  {{QStringLiteral("-w"), QStringLiteral("--workdir")}, "DIR", QT_TRANSLATE_NOOP("wharfctl", "the working folder")},
                                  {{QStringLiteral("-u"), QStringLiteral("--user")}, "USER", QT_TRANSLATE_NOOP("wharfctl", "run as this user")}}),
                    {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service ls"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "the host's services: replicas ready and wanted, endpoints, status"), Services, {Quiet}, {},
                    Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service ps"), "[OPTIONS] NAME", QT_TRANSLATE_NOOP("wharfctl", "a service's replicas"), Services,
                    {{{QStringLiteral("-o"), QStringLiteral("--format")}, "json", QT_TRANSLATE_NOOP("wharfctl", "as JSON")}}, {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service inspect"), "NAME", QT_TRANSLATE_NOOP("wharfctl", "a service's desired state and replicas, as JSON"), Services, {}, {}, Needs::Daemon, false, true,
                    false, nullptr, {}}
      << CommandDoc{QStringLiteral("service scale"), "NAME=REPLICAS...", QT_TRANSLATE_NOOP("wharfctl", "change how many replicas run"), Services,
                    {{{QStringLiteral("-d"), QStringLiteral("--detach")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "do not wait for the host to get there")},
                     {{QStringLiteral("--timeout")}, "SECONDS", QT_TRANSLATE_NOOP("wharfctl", "how long to wait for the host to get there")}},
                    {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service update"), "[OPTIONS] NAME", QT_TRANSLATE_NOOP("wharfctl", "change a service; its replicas are replaced a batch at a time"), Services,
                    serviceFlags({{{QStringLiteral("--image")}, "IMAGE", QT_TRANSLATE_NOOP("wharfctl", "the new image")},
                                  {{QStringLiteral("--env-add")}, "KEY=VALUE", QT_TRANSLATE_NOOP("wharfctl", "add or change an environment variable, repeatable")},
                                  {{QStringLiteral("--env-rm")}, "KEY", QT_TRANSLATE_NOOP("wharfctl", "remove an environment variable, repeatable")},
                                  {{QStringLiteral("--publish-rm")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "publish nothing any more")}}),
                    {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service rollback"), "[OPTIONS] NAME", QT_TRANSLATE_NOOP("wharfctl", "go back to the configuration before the last change"), Services,
                    {{{QStringLiteral("-d"), QStringLiteral("--detach")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "do not wait for the host to get there")},
                     {{QStringLiteral("--timeout")}, "SECONDS", QT_TRANSLATE_NOOP("wharfctl", "how long to wait for the host to get there")}},
                    {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service restart"), "[OPTIONS] NAME", QT_TRANSLATE_NOOP("wharfctl", "replace every replica, a batch at a time"), Services,
                    {{{QStringLiteral("-d"), QStringLiteral("--detach")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "do not wait for the host to get there")},
                     {{QStringLiteral("--timeout")}, "SECONDS", QT_TRANSLATE_NOOP("wharfctl", "how long to wait for the host to get there")}},
                    {}, Needs::Daemon, true, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service logs"), "[OPTIONS] NAME", QT_TRANSLATE_NOOP("wharfctl", "the logs of all replicas, merged and labelled"), Services,
                    {{{QStringLiteral("-f"), QStringLiteral("--follow")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "keep following")},
                     {{QStringLiteral("--tail"), QStringLiteral("-n")}, "N", QT_TRANSLATE_NOOP("wharfctl", "the last N lines of each replica")},
                     {{QStringLiteral("-t"), QStringLiteral("--timestamps")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "with the daemon's timestamps")},
                     {{QStringLiteral("--grep")}, "TEXT", QT_TRANSLATE_NOOP("wharfctl", "only lines with this text")}},
                    {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("service rm"), "[OPTIONS] NAME...", QT_TRANSLATE_NOOP("wharfctl", "remove services (their replicas leave the router, drain and go)"), Services,
                    {{{QStringLiteral("-d"), QStringLiteral("--detach")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "do not wait for the host to get there")}}, {}, Needs::Daemon, true, true,
                    false, nullptr, {}}
      << CommandDoc{QStringLiteral("edge"), "ls|config|logs|image ...", QT_TRANSLATE_NOOP("wharfctl", "the host's edge router"), Services, {},
                    {QStringLiteral("ls"), QStringLiteral("config"), QStringLiteral("logs"), QStringLiteral("image")}, Needs::Daemon, true, true, false, nullptr, call<&Cli::cmdEdge>()}
      << CommandDoc{QStringLiteral("edge ls"), "", QT_TRANSLATE_NOOP("wharfctl", "the router of the host and its state"), Services, {}, {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("edge config"), "", QT_TRANSLATE_NOOP("wharfctl", "the configuration the router serves (generated from the services)"), Services, {}, {},
                    Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("edge logs"), "[OPTIONS]", QT_TRANSLATE_NOOP("wharfctl", "the router's log"), Services,
                    {{{QStringLiteral("-f"), QStringLiteral("--follow")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "keep following")},
                     {{QStringLiteral("--tail"), QStringLiteral("-n")}, "N", QT_TRANSLATE_NOOP("wharfctl", "the last N lines")}},
                    {}, Needs::Daemon, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("edge image"), "[IMAGE]", QT_TRANSLATE_NOOP("wharfctl", "the router's image on the host given with -H (the router is replaced with it)"), Services, {},
                    {}, Needs::Daemon, true, false, false, "edge.image", {}}
      // Shell
      << CommandDoc{QStringLiteral("help"), "[COMMAND]", QT_TRANSLATE_NOOP("wharfctl", "this help, or a command's"), Shell, {}, {}, Needs::Nothing, false, true, false, nullptr, {}}
      << CommandDoc{QStringLiteral("completion"), "bash|zsh", QT_TRANSLATE_NOOP("wharfctl", "a completion script for the shell (source it from your shell's start-up file)"), Shell,
                    {}, {QStringLiteral("bash"), QStringLiteral("zsh")}, Needs::Nothing, false, true, false, nullptr, {}};
    return t;
}

// A summary on a line of its own reads as a sentence: "Stop containers."
QString sentence(QString text)
{
    if (!text.isEmpty() && text.at(0).isLower())
        text[0] = text.at(0).toUpper();
    if (!text.isEmpty() && text.at(text.size() - 1).isLetterOrNumber())
        text += text.at(text.size() - 1).unicode() >= 0x2E80 ? QStringLiteral("。") : QStringLiteral(".");
    return text;
}

QString names(const FlagDoc &f)
{
    return f.names.join(QStringLiteral(", ")) + (f.takesValue() ? QLatin1Char(' ') + QString::fromLatin1(f.value) : QString());
}

QString flagLines(const QList<FlagDoc> &flags)
{
    int width = 0;
    for (const auto &f : flags)
        width = std::max(width, int(names(f).size()));
    QString out;
    for (const auto &f : flags)
        out += QStringLiteral("  %1  %2\n").arg(names(f), -width).arg(tr(f.help));
    return out;
}

// Words a shell function may hold: names of commands and flags only (no quotes in them).
QString words(const QStringList &list)
{
    return list.join(QLatin1Char(' '));
}

QStringList flagNames(const QList<FlagDoc> &flags)
{
    QStringList out;
    for (const auto &f : flags)
        out += f.names;
    return out;
}

QStringList valueFlags(const QList<FlagDoc> &flags)
{
    QStringList out;
    for (const auto &f : flags)
        if (f.takesValue())
            out += f.names;
    return out;
}

} // namespace

const QList<CommandDoc> &commandTable()
{
    static const QList<CommandDoc> table = build();
    return table;
}

const CommandDoc *findCommand(const QString &name)
{
    for (const auto &c : commandTable())
        if (c.name == name)
            return &c;
    return nullptr;
}

const CommandDoc *helpFor(const QString &name, const QStringList &args)
{
    const CommandDoc *group = commandFor(name, args);
    if (!group || args.isEmpty() || group->name != name || !group->subcommands.contains(args.first()))
        return group;
    // docker's management commands: `image X` is the top-level command X
    static const QHash<QString, QString> same{{QStringLiteral("image ls"), QStringLiteral("images")}, {QStringLiteral("image rm"), QStringLiteral("rmi")}};
    const QString key = name + QLatin1Char(' ') + args.first();
    if (name == QLatin1String("image"))
        if (const CommandDoc *top = findCommand(same.value(key, args.first())))
            return top;
    return group;
}

const CommandDoc *commandFor(const QString &name, const QStringList &args)
{
    if (!args.isEmpty())
        if (const CommandDoc *sub = findCommand(name + QLatin1Char(' ') + args.first()))
            return sub;
    return findCommand(name);
}

const QList<FlagDoc> &globalFlags()
{
    static const QList<FlagDoc> flags{
        {{QStringLiteral("-H"), QStringLiteral("--host")}, "URL|NAME", QT_TRANSLATE_NOOP("wharfctl", "the daemon: unix://, tcp://, ssh:// or a saved host's name")},
        {{QStringLiteral("--tlsverify")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "TLS, the daemon checked against the CA")},
        {{QStringLiteral("--tls")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "TLS without checking the daemon (lab mode only)")},
        {{QStringLiteral("--tlscacert")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the CA certificate")},
        {{QStringLiteral("--tlscert")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the client certificate")},
        {{QStringLiteral("--tlskey")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the client key")},
        {{QStringLiteral("--known-hosts")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "a known_hosts file for ssh:// hosts")},
        {{QStringLiteral("--accept-new-host-key")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "trust an ssh:// host seen for the first time")},
        {{QStringLiteral("--ssh-key")}, "FILE", QT_TRANSLATE_NOOP("wharfctl", "the SSH key for ssh:// hosts")},
        {{QStringLiteral("--ssh-client")}, "libssh2|openssh", QT_TRANSLATE_NOOP("wharfctl", "which SSH client to use")},
        {{QStringLiteral("-o"), QStringLiteral("--output")}, "table|json|csv", QT_TRANSLATE_NOOP("wharfctl", "how lists are printed")},
        {{QStringLiteral("--db")}, "URL", QT_TRANSLATE_NOOP("wharfctl", "the metadata database: sqlite:///FILE or postgresql://USER@HOST/DB")},
        {{QStringLiteral("--tenant")}, "NAME", QT_TRANSLATE_NOOP("wharfctl", "act within this tenant's quota, hosts and containers")},
        {{QStringLiteral("-h"), QStringLiteral("--help")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "this help (wharfctl COMMAND --help: a command's)")},
        {{QStringLiteral("-v"), QStringLiteral("--version")}, nullptr, QT_TRANSLATE_NOOP("wharfctl", "wharfctl's version")}};
    return flags;
}

FlagParser parserFor(const CommandDoc &c)
{
    FlagParser p;
    for (const auto &f : c.flags) {
        if (f.takesValue())
            p.option(f.names);
        else
            p.flag(f.names);
    }
    p.flag({QStringLiteral("-h"), QStringLiteral("--help")});
    return p;
}

QString commandUsage(const CommandDoc &c)
{
    const QString synopsis = QString::fromLatin1(c.synopsis);
    return QCoreApplication::translate("wharfctl", "Usage: wharfctl %1%2\nSee 'wharfctl %3 --help'.")
        .arg(c.name, synopsis.isEmpty() ? QString() : QLatin1Char(' ') + synopsis, c.name);
}

QString commandHelp(const CommandDoc &c)
{
    QString out = QCoreApplication::translate("wharfctl", "Usage: wharfctl %1%2").arg(c.name, *c.synopsis ? QLatin1Char(' ') + QString::fromLatin1(c.synopsis) : QString())
        + QStringLiteral("\n\n") + sentence(tr(c.summary)) + QLatin1Char('\n');
    if (!c.subcommands.isEmpty()) {
        out += QLatin1Char('\n') + QCoreApplication::translate("wharfctl", "Commands:") + QLatin1Char('\n');
        for (const QString &s : c.subcommands) {
            const CommandDoc *sub = helpFor(c.name, {s});
            if (sub == &c)
                sub = nullptr;
            out += QStringLiteral("  %1%2\n").arg(s, -12).arg(sub ? tr(sub->summary) : QString());
        }
    }
    if (!c.flags.isEmpty())
        out += QLatin1Char('\n') + QCoreApplication::translate("wharfctl", "Options:") + QLatin1Char('\n') + flagLines(c.flags);
    if (!c.tenants)
        out += QLatin1Char('\n') + QCoreApplication::translate("wharfctl", "An admin's command: a tenant's request is refused and recorded.") + QLatin1Char('\n');
    return out;
}

QString overview()
{
    QString out = QCoreApplication::translate("wharfctl", "Usage: wharfctl [OPTIONS] COMMAND [ARGS]\n\nThe Wharf platform without a window: hosts, containers, images, apps, "
                                                          "tenants, plans and bills.\n");
    out += QLatin1Char('\n') + QCoreApplication::translate("wharfctl", "Options:") + QLatin1Char('\n') + flagLines(globalFlags());
    QString section;
    for (const auto &c : commandTable()) {
        if (c.name.contains(QLatin1Char(' ')))
            continue;
        if (tr(c.section) != section) {
            section = tr(c.section);
            out += QLatin1Char('\n') + QCoreApplication::translate("wharfctl", "%1:").arg(section) + QLatin1Char('\n');
        }
        out += QStringLiteral("  %1%2\n").arg(c.name, -12).arg(tr(c.summary));
    }
    out += QLatin1Char('\n')
        + QCoreApplication::translate("wharfctl", "The host comes from -H (an address or a saved host's name), else DOCKER_HOST, else the local socket.\n"
                                                  "--tenant NAME acts within that tenant's quota, hosts and containers; a tenant's database role always does.\n"
                                                  "Run 'wharfctl COMMAND --help' for a command's options.")
        + QLatin1Char('\n');
    return out;
}

QString completionScript(const QString &shell)
{
    // The words come from the table; the script only looks them up.
    QStringList top;
    for (const auto &c : commandTable())
        if (!c.name.contains(QLatin1Char(' ')))
            top << c.name;
    const QString globals = words(flagNames(globalFlags()));
    const QString globalValues = words(valueFlags(globalFlags()));
    if (shell == QLatin1String("bash")) {
        QString cases;
        for (const auto &c : commandTable()) {
            QString key = c.name;
            key.replace(QLatin1Char(' '), QLatin1Char('_'));
            cases += QStringLiteral("        %1) subs=\"%2\"; flags=\"%3 --help\"; values=\"%4\" ;;\n")
                         .arg(key, words(c.subcommands), words(flagNames(c.flags)), words(valueFlags(c.flags)));
        }
        return QStringLiteral(
                   "# bash completion for wharfctl (made by: wharfctl completion bash)\n"
                   "_wharfctl() {\n"
                   "    local cur prev cmd sub i w subs flags values\n"
                   "    cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
                   "    prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                   "    cmd=\"\"; sub=\"\"\n"
                   "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
                   "        w=\"${COMP_WORDS[i]}\"\n"
                   "        if [[ -z \"$cmd\" ]]; then\n"
                   "            case \"$w\" in\n"
                   "                -*) [[ \" %1 \" == *\" $w \"* ]] && ((i++)) ;;\n"
                   "                *) cmd=\"$w\" ;;\n"
                   "            esac\n"
                   "        elif [[ -z \"$sub\" && \"$w\" != -* ]]; then\n"
                   "            sub=\"$w\"\n"
                   "        fi\n"
                   "    done\n"
                   "    if [[ -z \"$cmd\" ]]; then\n"
                   "        if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"%2\" -- \"$cur\")); else COMPREPLY=($(compgen -W \"%3\" -- \"$cur\")); fi\n"
                   "        return\n"
                   "    fi\n"
                   "    local key=\"$cmd\"\n"
                   "    _wharfctl_words \"${cmd}_${sub}\" && key=\"${cmd}_${sub}\"\n"
                   "    _wharfctl_words \"$key\" || return\n"
                   "    [[ \" $values \" == *\" $prev \"* ]] && { COMPREPLY=($(compgen -f -- \"$cur\")); return; }\n"
                   "    if [[ \"$cur\" == -* ]]; then\n"
                   "        COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n"
                   "    elif [[ -n \"$subs\" && -z \"$sub\" ]]; then\n"
                   "        COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
                   "    else\n"
                   "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                   "    fi\n"
                   "}\n"
                   "_wharfctl_words() {\n"
                   "    subs=\"\"; flags=\"\"; values=\"\"\n"
                   "    case \"$1\" in\n"
                   "%4"
                   "        *) return 1 ;;\n"
                   "    esac\n"
                   "}\n"
                   "complete -F _wharfctl wharfctl\n")
            .arg(globalValues, globals, words(top), cases);
    }
    if (shell == QLatin1String("zsh")) {
        QString cmds, cases;
        for (const auto &c : commandTable()) {
            if (!c.name.contains(QLatin1Char(' '))) {
                QString summary = tr(c.summary);
                summary.replace(QLatin1Char('\''), QStringLiteral("'\\''")).replace(QLatin1Char(':'), QStringLiteral("\\:"));
                cmds += QStringLiteral("        '%1:%2'\n").arg(c.name, summary);
            }
            QString key = c.name;
            key.replace(QLatin1Char(' '), QLatin1Char('_'));
            cases += QStringLiteral("        %1) subs=(%2); flags=(%3 --help) ;;\n").arg(key, words(c.subcommands), words(flagNames(c.flags)));
        }
        return QStringLiteral(
                   "#compdef wharfctl\n"
                   "# zsh completion for wharfctl (made by: wharfctl completion zsh)\n"
                   "_wharfctl() {\n"
                   "    local -a commands subs flags\n"
                   "    commands=(\n%1    )\n"
                   "    local cmd sub i\n"
                   "    for ((i = 2; i < CURRENT; i++)); do\n"
                   "        if [[ -z $cmd && $words[i] != -* ]]; then cmd=$words[i]\n"
                   "        elif [[ -n $cmd && -z $sub && $words[i] != -* ]]; then sub=$words[i]; fi\n"
                   "    done\n"
                   "    if [[ -z $cmd ]]; then\n"
                   "        if [[ $PREFIX == -* ]]; then compadd -- %2; else _describe 'command' commands; fi\n"
                   "        return\n"
                   "    fi\n"
                   "    _wharfctl_words ${cmd}_${sub} || _wharfctl_words $cmd || return\n"
                   "    if [[ $PREFIX == -* ]]; then compadd -- $flags\n"
                   "    elif (( $#subs )) && [[ -z $sub ]]; then compadd -- $subs\n"
                   "    else _files; fi\n"
                   "}\n"
                   "_wharfctl_words() {\n"
                   "    subs=(); flags=()\n"
                   "    case $1 in\n"
                   "%3"
                   "        *) return 1 ;;\n"
                   "    esac\n"
                   "}\n"
                   "compdef _wharfctl wharfctl\n")
            .arg(cmds, globals, cases);
    }
    return {};
}

} // namespace Wharf::App
