#pragma once

#include <QJsonObject>
#include <QtGlobal>

namespace Wharf::Backends {

// One reading of GET /containers/{id}/stats, computed the way `docker stats` does.
struct StatsSample
{
    qint64 timestampMs = 0;
    double cpuPercent = 0;
    qint64 memoryBytes = 0; // usage minus page cache, as docker shows it
    qint64 memoryLimitBytes = 0;
    qint64 netRxBytes = 0;
    qint64 netTxBytes = 0;
    qint64 blockReadBytes = 0;
    qint64 blockWriteBytes = 0;
    int pids = 0;
    bool valid = false;

    static StatsSample fromJson(const QJsonObject &stats);
};

} // namespace Wharf::Backends
