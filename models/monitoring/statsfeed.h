#pragma once

#include "docker/containerstats.h"
#include "docker/dockerclient.h"
#include "http/socketframe.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Wharf::Models {

class ContainerListModel;

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
class StatsMonitor : public QObject
{
    Q_OBJECT
public:
    StatsMonitor(Backends::DockerClient *client, ContainerListModel *containers, QObject *parent = nullptr);
    // The ids now visible; streams for others stop.
    void watch(const QStringList &ids);
    QStringList watched() const { return m_feeds.keys(); }

private:
    Backends::DockerClient *m_client;
    ContainerListModel *m_containers;
    QHash<QString, StatsFeed *> m_feeds;
};

} // namespace Wharf::Models
