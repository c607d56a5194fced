// The console with many hosts, some of them unreachable: the main window with H hosts on the
// benchmark daemon and U hosts that accept TCP connections but never answer (a tarpit, so
// every request runs into its timeout), measured for D seconds from start-up: the longest
// event-loop stall while the reachable hosts list their containers and the others time out and
// retry. Run by tests/bench/run.sh.
#include "hosts/hostregistry.h"
#include "hosts/hoststore.h"
#include "mainwindow.h"
#include "stallmeter.h"
#include "tasks/taskmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>

#include <cstdio>

using namespace Wharf;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: bench_hosts DOCKER_HOST REACHABLE UNREACHABLE SECONDS\n");
        return 2;
    }
    const int reachable = args[2].toInt(), unreachable = args[3].toInt(), seconds = args[4].toInt();
    // Accepted by the kernel (listen backlog), never read: requests wait for their timeout.
    QTcpServer tarpit;
    tarpit.setMaxPendingConnections(1000);
    tarpit.listen(QHostAddress::LocalHost, 0);
    tarpit.pauseAccepting();

    QTemporaryDir dir;
    Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
    for (int i = 0; i < reachable + unreachable; ++i) {
        Models::HostConfig h;
        const bool up = i < reachable;
        h.name = QStringLiteral("%1-%2").arg(up ? QStringLiteral("up") : QStringLiteral("tarpit")).arg(i);
        h.group = up ? QStringLiteral("Reachable") : QStringLiteral("Unreachable");
        h.url = up ? args[1] : QStringLiteral("tcp://127.0.0.1:%1").arg(tarpit.serverPort());
        h.labMode = !up;
        if (!store.add(h)) {
            std::fprintf(stderr, "cannot add host %s\n", qPrintable(h.url));
            return 1;
        }
    }
    Models::TaskModel tasks;
    Models::HostRegistry registry(&store, &tasks);
    Ui::MainWindow window(&registry);
    window.resize(1280, 800);
    window.show();
    StallMeter meter;
    meter.start();
    QElapsedTimer t;
    t.start();
    registry.connectAll();
    qint64 allUpMs = -1;
    while (t.elapsed() < seconds * 1000) {
        QTimer::singleShot(20, [] {});
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        if (allUpMs < 0) {
            int up = 0;
            for (auto *c : registry.connections())
                up += c->state() == Models::HostConnection::Up;
            if (up == reachable)
                allUpMs = t.elapsed();
        }
    }
    meter.stop();
    int down = 0;
    for (auto *c : registry.connections())
        down += c->state() != Models::HostConnection::Up;
    std::printf("{\"hosts\": %d, \"unreachable\": %d, \"seconds\": %d, \"reachable_all_up_ms\": %lld, \"not_up_at_end\": %d, "
                "\"max_busy_stall_ms\": %.1f, \"max_wall_gap_ms\": %.1f, \"p99_wall_gap_ms\": %.1f}\n",
                reachable + unreachable, unreachable, seconds, static_cast<long long>(allUpMs), down, meter.maxBusy(), meter.max(),
                meter.percentile(0.99));
    return 0;
}
