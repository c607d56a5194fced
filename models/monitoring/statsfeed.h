#pragma once

#include "docker/containerstats.h"
#include "docker/dockerclient.h"
#include "http/socketframe.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Wharf::Models {

class ContainerListModel;
class HostConnection;

// Streams GET /containers/{id}/stats for one container and keeps the last N samples (a ring
// buffer; five minutes at the daemon's one sample a second by default).
class StatsFeed : public QObject
{
    Q_OBJECT
public:
    StatsFeed(Backends::DockerClient *client, const QString &containerId, int capacity = 300, QObject *parent = nullptr);
    ~StatsFeed() override;

    void start();
    void stop();
    bool isRunning() const { return m_job; }
    const QList<Backends::StatsSample> &samples() const { return m_samples; }
    // Network and block counters are totals: rates between the last two samples (bytes/s).
    double netRxRate() const;
    double netTxRate() const;

Q_SIGNALS:
    void sampleAdded(const Wharf::Backends::StatsSample &sample);
    void ended(const QString &reason);

private:
    Backends::DockerClient *m_client;
    QString m_id;
    int m_capacity;
    QPointer<Backends::DockerJob> m_job;
    Backends::JsonLineSplitter m_splitter;
    QList<Backends::StatsSample> m_samples;
};

// Keeps stats streams only for the running containers that are on screen, and writes the
// readings into the container list (CPU %, memory columns).
// Streams that break (the daemon went away) start again when the host is back or the
// container runs again.
class StatsMonitor : public QObject
{
    Q_OBJECT
public:
    explicit StatsMonitor(HostConnection *host, QObject *parent = nullptr);
    // The ids now visible; streams for others stop.
    void watch(const QStringList &ids);
    QStringList watched() const { return m_feeds.keys(); }

private:
    void refresh();

    HostConnection *m_host;
    ContainerListModel *m_containers;
    QHash<QString, StatsFeed *> m_feeds;
    QStringList m_requested;
    QHash<QString, qint64> m_retryAfter; // ms since epoch: a feed that failed waits a little
    QTimer m_refresh;
};

} // namespace Wharf::Models
