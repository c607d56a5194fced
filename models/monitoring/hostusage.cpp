#include "hostusage.h"
#include "docker/containerstate.h"

#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "statsfeed.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>

namespace Wharf::Models {

using namespace Backends;

static constexpr qint64 WindowMs = 5 * 60 * 1000;

HostUsage::HostUsage(HostConnection *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_tick.setInterval(2000);
    connect(&m_tick, &QTimer::timeout, this, &HostUsage::sample);
    m_refresh.setInterval(60000); // engine facts and disk use change slowly; /system/df is costly
    connect(&m_refresh, &QTimer::timeout, this, &HostUsage::refresh);
    connect(m_host, &HostConnection::synced, this, [this] {
        if (m_running)
            refresh();
    });
    // Containers that start or stop change which streams are needed.
    connect(m_host->containers(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_running)
            watchRunning();
    });
    connect(m_host->containers(), &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_running)
            watchRunning();
    });
    connect(m_host->containers(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (m_running && (roles.isEmpty() || roles.contains(ContainerListModel::StateRole)))
                    watchRunning();
            });
}

HostUsage::~HostUsage() = default;

void HostUsage::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_stats)
        m_stats = new StatsMonitor(m_host, this);
    watchRunning();
    refresh();
    m_tick.start();
    m_refresh.start();
}

void HostUsage::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_tick.stop();
    m_refresh.stop();
    if (m_stats)
        m_stats->watch({});
}

void HostUsage::watchRunning()
{
    QStringList running;
    const auto *c = m_host->containers();
    for (int r = 0; r < c->rowCount(); ++r)
        if (Backends::containerState(c->rowAt(r).state) == Backends::ContainerState::Running)
            running << c->rowAt(r).id;
    m_stats->watch(running);
}

void HostUsage::refresh()
{
    if (m_host->state() != HostConnection::Up)
        return;
    DockerJob *info = m_host->client()->info();
    connect(info, &DockerJob::finished, this, [this, info] {
        info->deleteLater();
        if (info->isError()) {
            m_error = info->error().message;
            return;
        }
        m_error.clear();
        m_info = info->json().object();
        Q_EMIT infoChanged();
    });
    DockerJob *df = m_host->client()->systemDf();
    connect(df, &DockerJob::finished, this, [this, df] {
        df->deleteLater();
        if (df->isError())
            return;
        const QJsonObject o = df->json().object();
        Disk d;
        d.known = true;
        for (const auto &i : o.value(QLatin1String("Images")).toArray()) {
            d.images += qint64(i[QLatin1String("Size")].toDouble());
            ++d.imageCount;
        }
        for (const auto &c : o.value(QLatin1String("Containers")).toArray())
            d.containers += qint64(c[QLatin1String("SizeRw")].toDouble());
        for (const auto &v : o.value(QLatin1String("Volumes")).toArray()) {
            d.volumes += std::max<qint64>(0, qint64(v[QLatin1String("UsageData")][QLatin1String("Size")].toDouble()));
            ++d.volumeCount;
        }
        for (const auto &b : o.value(QLatin1String("BuildCache")).toArray())
            d.buildCache += qint64(b[QLatin1String("Size")].toDouble());
        m_disk = d;
        Q_EMIT diskChanged();
    });
}

void HostUsage::sample()
{
    Point p;
    p.timeMs = QDateTime::currentMSecsSinceEpoch();
    const auto *c = m_host->containers();
    for (int r = 0; r < c->rowCount(); ++r) {
        const ContainerRow &row = c->rowAt(r);
        if (Backends::containerState(row.state) != Backends::ContainerState::Running)
            continue;
        ++p.running;
        if (row.hasStats) {
            p.cpuPercent += row.cpuPercent;
            p.memoryBytes += row.memoryBytes;
        }
    }
    while (!m_points.isEmpty() && m_points.first().timeMs < p.timeMs - WindowMs)
        m_points.removeFirst();
    m_points.append(p);
    Q_EMIT sampled(p);
}

} // namespace Wharf::Models
