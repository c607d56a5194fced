// Remote transports (SSH, TLS, the local socket for reference), measured from one process:
//
//   bench_remote calls URL N [options]   time to the first container list (connect, handshake,
//                                        authentication, version negotiation, the list), then
//                                        N more lists on the same client (the session reused)
//   bench_remote idle URL SECONDS [opts] a HostConnection that is up and idle: CPU time and
//                                        context switches (wake-ups) per minute
//
// Options: --known-hosts F --ssh-key F (ssh://), --tls DIR (ca.pem, cert.pem, key.pem).
// Prints one JSON line. Run by tests/bench/run.sh.
#include "docker/dockerclient.h"
#include "hosts/hostconnection.h"
#include "tasks/taskmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace Wharf;
using namespace Wharf::Backends;

namespace {

struct Options
{
    QString url, knownHosts, sshKey, tlsDir;
};

Expected<Endpoint> endpointFor(const Options &o)
{
    TlsFiles files;
    if (!o.tlsDir.isEmpty())
        files = {o.tlsDir + QStringLiteral("/ca.pem"), o.tlsDir + QStringLiteral("/cert.pem"), o.tlsDir + QStringLiteral("/key.pem"), {}, true};
    auto ep = Endpoint::parse(o.url, files, !o.tlsDir.isEmpty());
    if (!ep || ep->scheme() != Endpoint::Ssh)
        return ep;
    Endpoint e = *ep;
    SshSettings s;
    s.knownHostsFile = o.knownHosts;
    s.identityFiles = {o.sshKey};
    s.useAgent = false;
    e.setSshSettings(s);
    return e;
}

// Runs the event loop until the job is done; returns its wall time in ms, or -1 on error.
double timed(DockerJob *job)
{
    QElapsedTimer t;
    t.start();
    if (!job->isFinished()) {
        QEventLoop loop;
        QObject::connect(job, &DockerJob::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (job->isError()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(job->error().message));
        return -1;
    }
    return double(t.nsecsElapsed()) / 1e6;
}

double cpuSeconds(const rusage &r)
{
    return double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) + double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: bench_remote calls URL N | idle URL SECONDS  [--known-hosts F --ssh-key F --tls DIR]\n");
        return 2;
    }
    Options o;
    const QString mode = args[1];
    o.url = args[2];
    const int n = args[3].toInt();
    for (int i = 4; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--known-hosts"))
            o.knownHosts = args[i + 1];
        else if (args[i] == QLatin1String("--ssh-key"))
            o.sshKey = args[i + 1];
        else if (args[i] == QLatin1String("--tls"))
            o.tlsDir = args[i + 1];
    }
    auto ep = endpointFor(o);
    if (!ep) {
        std::fprintf(stderr, "%s\n", qPrintable(ep.error().message));
        return 1;
    }
    const char *scheme = ep->scheme() == Endpoint::Ssh ? "ssh" : ep->usesTls() ? "tls" : "unix";

    if (mode == QLatin1String("calls")) {
        DockerClient client(*ep);
        const double first = timed(client.listContainers(true));
        if (first < 0)
            return 1;
        QList<double> later;
        for (int i = 0; i < n; ++i) {
            const double ms = timed(client.listContainers(true));
            if (ms < 0)
                return 1;
            later << ms;
        }
        std::sort(later.begin(), later.end());
        std::printf("{\"bench\": \"remote_calls\", \"transport\": \"%s\", \"first_list_ms\": %.1f, \"later_list_ms_median\": %.1f, "
                    "\"later_list_ms_p90\": %.1f, \"later_calls\": %d}\n",
                    scheme, first, later.value(later.size() / 2), later.value(later.size() * 9 / 10), int(later.size()));
        return 0;
    }

    if (mode == QLatin1String("idle")) {
        Models::TaskModel tasks;
        Models::HostConfig cfg;
        cfg.id = QStringLiteral("idle");
        cfg.name = QStringLiteral("idle");
        cfg.url = o.url;
        QTemporaryDir config;
        if (ep->scheme() == Endpoint::Ssh) {
            // Saved ssh:// hosts use the console's known_hosts in the configuration folder.
            qputenv("WHARF_CONFIG_DIR", config.path().toUtf8());
            QFile::copy(o.knownHosts, config.filePath(QStringLiteral("known_hosts")));
            cfg.sshIdentityFile = o.sshKey;
        } else if (ep->usesTls()) {
            cfg.useTls = true;
            cfg.tls = ep->tlsFiles();
        }
        Models::HostConnection host(cfg, &tasks);
        host.connectToHost();
        QElapsedTimer waited;
        waited.start();
        while (host.state() != Models::HostConnection::Up && waited.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        if (host.state() != Models::HostConnection::Up) {
            std::fprintf(stderr, "host not up: %s\n", qPrintable(host.reason()));
            return 1;
        }
        // Settle (first stats, list), then measure.
        QEventLoop settle;
        QTimer::singleShot(3000, &settle, &QEventLoop::quit);
        settle.exec();
        rusage before{}, after{};
        getrusage(RUSAGE_SELF, &before);
        QEventLoop loop;
        QTimer::singleShot(n * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        getrusage(RUSAGE_SELF, &after);
        const double perMinute = 60.0 / n;
        std::printf("{\"bench\": \"idle_host\", \"transport\": \"%s\", \"seconds\": %d, \"cpu_ms_per_min\": %.1f, "
                    "\"wakeups_per_min\": %.0f, \"state\": \"%s\"}\n",
                    scheme, n, (cpuSeconds(after) - cpuSeconds(before)) * 1000 * perMinute,
                    double((after.ru_nvcsw + after.ru_nivcsw) - (before.ru_nvcsw + before.ru_nivcsw)) * perMinute,
                    host.state() == Models::HostConnection::Up ? "up" : "down");
        return 0;
    }
    std::fprintf(stderr, "unknown mode %s\n", qPrintable(mode));
    return 2;
}
