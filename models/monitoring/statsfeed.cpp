#include "statsfeed.h"
#include "docker/containerstate.h"

#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"

#include <QDateTime>

#include <QJsonDocument>

namespace Wharf::Models {

using namespace Backends;

StatsFeed::StatsFeed(DockerClient *client, const QString &containerId, int capacity, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_id(containerId)
    , m_capacity(capacity)
{
}

StatsFeed::~StatsFeed()
{
    stop();
}

void StatsFeed::start()
{
    if (m_job)
        return;
    m_splitter.takeRest();
    m_job = m_client->containerStats(m_id, true);
    connect(m_job, &DockerJob::dataReceived, this, [this](const QByteArray &d) {
        for (const auto &line : m_splitter.feed(d.constData(), d.size())) {
            const StatsSample s = StatsSample::fromJson(QJsonDocument::fromJson(line).object());
            if (!s.valid)
                continue;
            if (m_samples.size() >= m_capacity)
                m_samples.removeFirst();
            m_samples.append(s);
            Q_EMIT sampleAdded(s);
        }
    });
    connect(m_job, &DockerJob::finished, this, [this] {
        DockerJob *j = m_job;
        m_job = nullptr;
        if (!j)
            return;
        j->deleteLater();
        Q_EMIT ended(j->isError() ? j->error().message : tr("The stats stream ended."));
    });
}

void StatsFeed::stop()
{
    if (DockerJob *j = m_job) {
        m_job = nullptr;
        j->disconnect(this);
        j->abort();
        j->deleteLater();
    }
}

static double rate(const QList<StatsSample> &s, qint64 StatsSample::*field)
{
    if (s.size() < 2)
        return 0;
    const auto &a = s[s.size() - 2];
    const auto &b = s.last();
    const double dt = double(b.timestampMs - a.timestampMs) / 1000.0;
    if (dt <= 0)
        return 0;
    return std::max(0.0, double(b.*field - a.*field) / dt);
}

double StatsFeed::netRxRate() const
{
    return rate(m_samples, &StatsSample::netRxBytes);
}

double StatsFeed::netTxRate() const
{
    return rate(m_samples, &StatsSample::netTxBytes);
}

StatsMonitor::StatsMonitor(HostConnection *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_containers(host->containers())
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(200);
    connect(&m_refresh, &QTimer::timeout, this, &StatsMonitor::refresh);
    auto later = [this] {
        if (!m_refresh.isActive())
            m_refresh.start();
    };
    // A container that starts running, a host that is back: re-evaluate which streams to keep.
    connect(m_containers, &QAbstractItemModel::dataChanged, this, [this, later](const QModelIndex &, const QModelIndex &,
                                                                                  const QList<int> &roles) {
        if (roles.isEmpty() || roles.contains(ContainerListModel::StateRole))
            later();
    });
    connect(m_containers, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_host, &HostConnection::synced, this, [this] {
        m_retryAfter.clear();
        refresh();
    });
}

void StatsMonitor::refresh()
{
    if (m_host->state() == HostConnection::Up)
        watch(m_requested);
}

void StatsMonitor::watch(const QStringList &idsIn)
{
    m_requested = idsIn;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSet<QString> want;
    for (const auto &id : idsIn) {
        const ContainerRow *r = m_containers->row(id);
        if (r && Backends::containerState(r->state) == Backends::ContainerState::Running)
            want.insert(id);
    }
    for (auto it = m_feeds.begin(); it != m_feeds.end();) {
        if (!want.contains(it.key())) {
            m_containers->clearStats(it.key());
            it.value()->deleteLater();
            it = m_feeds.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto &id : std::as_const(want)) {
        if (m_feeds.contains(id) || m_retryAfter.value(id) > now)
            continue;
        auto *feed = new StatsFeed(m_host->client(), id, 2, this);
        connect(feed, &StatsFeed::sampleAdded, this, [this, id](const StatsSample &s) {
            m_containers->setStats(id, s.cpuPercent, s.memoryBytes, s.memoryLimitBytes);
        });
        connect(feed, &StatsFeed::ended, this, [this, id](const QString &) {
            if (StatsFeed *f = m_feeds.take(id))
                f->deleteLater();
            m_containers->clearStats(id);
            m_retryAfter.insert(id, QDateTime::currentMSecsSinceEpoch() + 2000);
            QTimer::singleShot(2100, this, &StatsMonitor::refresh);
        });
        m_feeds.insert(id, feed);
        feed->start();
    }
}

} // namespace Wharf::Models
