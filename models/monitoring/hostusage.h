#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

namespace Wharf::Models {

class HostConnection;
class StatsMonitor;

// What the overview page of a host shows: the engine (/info), the disk (/system/df), and the
// live CPU and memory of all its running containers, summed every few seconds over the last
// five minutes. Runs only while started (the page is on screen): it holds one stats stream
// per running container.
class HostUsage : public QObject
{
    Q_OBJECT
public:
    struct Point
    {
        qint64 timeMs = 0;
        double cpuPercent = 0; // summed over containers: 100 = one CPU busy
        qint64 memoryBytes = 0;
        int running = 0;
    };
    struct Disk
    {
        qint64 images = 0, containers = 0, volumes = 0, buildCache = 0;
        int imageCount = 0, volumeCount = 0;
        bool known = false;
    };

    explicit HostUsage(HostConnection *host, QObject *parent = nullptr);
    ~HostUsage() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    void setSampleInterval(int ms) { m_tick.setInterval(ms); }

    const QJsonObject &info() const { return m_info; }
    const Disk &disk() const { return m_disk; }
    const QList<Point> &points() const { return m_points; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void infoChanged();
    void diskChanged();
    void sampled(const Wharf::Models::HostUsage::Point &point);

private:
    void refresh();
    void sample();
    void watchRunning();

    HostConnection *m_host;
    StatsMonitor *m_stats = nullptr;
    QTimer m_tick;
    QTimer m_refresh;
    QJsonObject m_info;
    Disk m_disk;
    QList<Point> m_points;
    QString m_error;
    bool m_running = false;
};

} // namespace Wharf::Models
