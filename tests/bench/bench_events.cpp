// The console under a burst of container events: the containers page of a host is on screen
// (offscreen platform), an outside process creates N containers and then removes them, and
// this program measures the longest event-loop stall while the page applies the events.
// Run by tests/bench/run.sh against its own daemon.
#include "containers/containerspage.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "stallmeter.h"
#include "tasks/taskmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <vector>

using namespace Wharf;

namespace {
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        // Sleep until something happens, as the real event loop does (a spinning loop would be
        // descheduled by the kernel in favour of the daemon and show stalls that are not ours).
        QTimer::singleShot(20, [] {});
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: bench_events DOCKER_HOST N BURST_SCRIPT\n"
                             "  BURST_SCRIPT create|remove N is run to make the events\n");
        return 2;
    }
    const QString url = args[1];
    const int n = args[2].toInt();
    const QString script = args[3];

    Models::TaskModel tasks;
    Models::HostConfig cfg;
    cfg.id = QStringLiteral("bench");
    cfg.name = QStringLiteral("bench");
    cfg.url = url;
    Models::HostConnection host(cfg, &tasks);
    Ui::ContainersPage page(&host);
    page.resize(1280, 800);
    page.show();
    host.connectToHost();
    if (!waitFor([&] { return host.state() == Models::HostConnection::Up; }, 30000)) {
        std::fprintf(stderr, "cannot connect to %s: %s\n", qPrintable(url), qPrintable(host.reason()));
        return 1;
    }
    const int base = host.containers()->rowCount();
    for (const QString &phase : {QStringLiteral("create"), QStringLiteral("remove")}) {
        StallMeter meter;
        QProcess burst;
        burst.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer t;
        meter.start();
        t.start();
        burst.start(QStringLiteral("bash"), {script, phase, QString::number(n)});
        const int want = phase == QLatin1String("create") ? base + n : base;
        const bool ok = waitFor([&] { return host.containers()->rowCount() == want; }, 600000);
        const qint64 appliedMs = t.elapsed();
        meter.stop();
        burst.waitForFinished(600000);
        if (!ok) {
            std::fprintf(stderr, "the page shows %d containers, expected %d\n", host.containers()->rowCount(), want);
            return 1;
        }
        std::printf("{\"phase\": \"%s\", \"events\": %d, \"all_applied_ms\": %lld, \"max_busy_stall_ms\": %.1f, "
                    "\"max_wall_gap_ms\": %.1f, \"p99_wall_gap_ms\": %.1f, \"median_wall_gap_ms\": %.1f}\n",
                    qPrintable(phase), n, static_cast<long long>(appliedMs), meter.maxBusy(), meter.max(),
                    meter.percentile(0.99), meter.percentile(0.5));
        std::fflush(stdout);
    }
    return 0;
}
