#include "containerstats.h"

#include <QDateTime>
#include <QJsonArray>

namespace Wharf::Backends {

static qint64 num(const QJsonValue &v)
{
    return qint64(v.toDouble());
}

StatsSample StatsSample::fromJson(const QJsonObject &s)
{
    StatsSample out;
    if (s.isEmpty())
        return out;
    const QDateTime read = QDateTime::fromString(s.value(QLatin1String("read")).toString(), Qt::ISODateWithMs);
    out.timestampMs = read.isValid() && read.toMSecsSinceEpoch() > 0 ? read.toMSecsSinceEpoch()
                                                                     : QDateTime::currentMSecsSinceEpoch();
    const QJsonObject cpu = s.value(QLatin1String("cpu_stats")).toObject();
    const QJsonObject pre = s.value(QLatin1String("precpu_stats")).toObject();
    const double cpuDelta = double(num(cpu[QLatin1String("cpu_usage")][QLatin1String("total_usage")])
                                   - num(pre[QLatin1String("cpu_usage")][QLatin1String("total_usage")]));
    const double sysDelta = double(num(cpu[QLatin1String("system_cpu_usage")])
                                   - num(pre[QLatin1String("system_cpu_usage")]));
    int online = int(num(cpu[QLatin1String("online_cpus")]));
    if (online == 0)
        online = int(cpu[QLatin1String("cpu_usage")][QLatin1String("percpu_usage")].toArray().size());
    if (online == 0)
        online = 1;
    if (cpuDelta > 0 && sysDelta > 0)
        out.cpuPercent = cpuDelta / sysDelta * online * 100.0;

    const QJsonObject mem = s.value(QLatin1String("memory_stats")).toObject();
    const QJsonObject memStats = mem.value(QLatin1String("stats")).toObject();
    qint64 usage = num(mem[QLatin1String("usage")]);
    // cgroup v1: total_inactive_file; cgroup v2: inactive_file
    qint64 cache = 0;
    if (memStats.contains(QLatin1String("total_inactive_file")))
        cache = num(memStats[QLatin1String("total_inactive_file")]);
    else if (memStats.contains(QLatin1String("inactive_file")))
        cache = num(memStats[QLatin1String("inactive_file")]);
    out.memoryBytes = cache < usage ? usage - cache : usage;
    out.memoryLimitBytes = num(mem[QLatin1String("limit")]);

    const QJsonObject nets = s.value(QLatin1String("networks")).toObject();
    for (auto it = nets.begin(); it != nets.end(); ++it) {
        out.netRxBytes += num(it.value()[QLatin1String("rx_bytes")]);
        out.netTxBytes += num(it.value()[QLatin1String("tx_bytes")]);
    }
    const QJsonArray io = s.value(QLatin1String("blkio_stats"))[QLatin1String("io_service_bytes_recursive")].toArray();
    for (const auto &e : io) {
        const QString op = e[QLatin1String("op")].toString().toLower();
        if (op == QLatin1String("read"))
            out.blockReadBytes += num(e[QLatin1String("value")]);
        else if (op == QLatin1String("write"))
            out.blockWriteBytes += num(e[QLatin1String("value")]);
    }
    out.pids = int(num(s.value(QLatin1String("pids_stats"))[QLatin1String("current")]));
    out.valid = true;
    return out;
}

} // namespace Wharf::Backends
