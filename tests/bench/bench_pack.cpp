// Packing a build context: BuildContext::pack over a folder (honouring its .dockerignore), best
// of N runs, in MB/s of archive written. Run by tests/bench/run.sh.
//
//   bench_pack FOLDER [RUNS]
#include "docker/buildcontext.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_pack FOLDER [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    double best = 1e18;
    qint64 bytes = 0;
    Wharf::Backends::BuildContextStats stats;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        auto tar = Wharf::Backends::BuildContext::pack(QString::fromLocal8Bit(argv[1]), {}, &stats);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!tar) {
            std::fprintf(stderr, "%s\n", qPrintable(tar.error().message));
            return 1;
        }
        bytes = tar->size();
        best = std::min(best, ms);
    }
    std::printf("{\"archive_bytes\": %lld, \"files\": %lld, \"excluded\": %lld, \"best_ms\": %.1f, \"mb_per_s\": %.0f}\n", bytes,
                stats.files, stats.excluded, best, double(bytes) / 1e6 / (best / 1000));
    return 0;
}
