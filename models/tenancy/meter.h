#pragma once

#include "docker/dockerclient.h"
#include "store/meteringstore.h"
#include "store/tenancystore.h"

#include <QObject>

#include <functional>
#include <memory>

namespace Wharf::Models {

struct MeterReport
{
    int runsStarted = 0;  // runs recorded (from events or from what runs now)
    int runsStopped = 0;
    int hoursWritten = 0; // usage rows (re)computed
    int volumesMeasured = 0; // tenants' volumes whose size was recorded for today
    int volumesAdopted = 0;  // anonymous volumes of tenants' containers, recorded now
    int volumesGone = 0;     // recorded volumes the daemon no longer has: disk given back
    qint64 from = 0;
    qint64 to = 0;
};

struct ReconcileReport
{
    struct Drift
    {
        QString tenant;
        Backends::QuotaUsage before;
        Backends::QuotaUsage after;
    };
    QStringList gone;      // recorded, but the daemon no longer has it: quota given back
    QStringList stale;     // reservations whose request never finished
    QStringList untracked; // labelled for a tenant but not recorded (adopted with adopt=true)
    QList<Drift> drift;    // counters that were wrong
};

// One metering tick for one host: brings the run intervals of tenants' containers up to date
// from the events since the last tick (so a container that started and stopped in between is
// still counted) and from what runs now, then recomputes the hours since the last tick.
// Safe to run again at any time: usage is recomputed, never added up twice.
class Meter : public QObject
{
    Q_OBJECT
public:
    Meter(Backends::DockerClient *client, const QString &host, std::shared_ptr<Backends::TenancyStore> tenancy, QObject *parent = nullptr);
    void tick(std::function<void(const Backends::Expected<MeterReport> &)> done);
    // Where the database steps run: work() somewhere, then next() back on this object's
    // thread. By default both right here (wharfctl); the console gives its database thread.
    using Runner = std::function<void(std::function<void()> work, std::function<void()> next)>;
    void setRunner(Runner runner) { m_runner = std::move(runner); }
    // A daemon of one tenant's own: every volume on it is that tenant's (measured, and
    // recorded when the tenant made it without Wharf).
    void setOwner(const QString &tenant) { m_owner = tenant; }

private:
    struct Event
    {
        qint64 time;
        QString id;
        QString action;
    };
    // work() on the database side; next() here unless work failed (then done(error)).
    void db(std::function<Backends::Error()> work, std::function<void()> next);
    Backends::Error loadState();
    Backends::Error applyEvents(const QList<Event> &events);
    void compareWithDaemon();
    Backends::Error closeVanished(const QHash<QString, bool> &runningNow, QStringList *toInspect);
    Backends::Error applyInspected(const QString &id, const QJsonObject &state);
    Backends::Error writeHours();
    void measureVolumes();
    Backends::Error writeVolumes(const QJsonArray &volumes);
    void fail(const Backends::Error &e);
    void finish();
    Runner m_runner;
    QString m_owner;

    Backends::DockerClient *m_client;
    QString m_host;
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
    Backends::MeteringStore m_metering;
    std::function<void(const Backends::Expected<MeterReport> &)> m_done;
    QHash<QString, Backends::OwnedResource> m_owned; // by container id
    QHash<QString, Backends::OwnedResource> m_volumes; // by volume name
    // Volumes the daemon made for tenants' containers (-v /path, an image's VOLUME): by
    // name, the container's record. Recorded as the tenant's when first measured.
    QHash<QString, Backends::OwnedResource> m_anonymous;
    qint64 m_lastTick = 0;
    qint64 m_now = 0;
    MeterReport m_report;
};

// Puts the quota counters right from what the daemon really runs, and reports the drift.
class QuotaReconciler : public QObject
{
    Q_OBJECT
public:
    QuotaReconciler(Backends::DockerClient *client, const QString &host, std::shared_ptr<Backends::TenancyStore> tenancy, QObject *parent = nullptr);
    void run(bool adopt, std::function<void(const Backends::Expected<ReconcileReport> &)> done);
    // The database half, given the daemon's container list (GET /containers/json?all=1): for
    // callers that run SQL on a thread of their own.
    static Backends::Expected<ReconcileReport> reconcile(Backends::TenancyStore &store, const QString &host, const QJsonArray &containers, bool adopt);

    // A daemon of one tenant's own (its rootless daemon, a host dedicated to it): every
    // container on it is that tenant's, labelled or not. What the tenant made there without
    // Wharf is adopted with its own limits or, where it has none, the most it can use: the
    // daemon's cgroup's (what the kernel holds it to).
    struct Owner
    {
        QString tenant;
        qint64 cpusNano = 0;    // the fallback limits
        qint64 memoryBytes = 0;
        // by container id: the limits its inspection showed (nano CPUs, bytes; 0: none)
        QHash<QString, QPair<qint64, qint64>> limits;
    };
    static Backends::Expected<ReconcileReport> reconcile(Backends::TenancyStore &store, const QString &host, const QJsonArray &containers, bool adopt,
                                                         const Owner &owner);
    // The limits a container's inspection shows (HostConfig NanoCpus or CpuQuota/CpuPeriod,
    // Memory): nano CPUs and bytes, 0 for none.
    static QPair<qint64, qint64> limitsOf(const QJsonObject &inspected);

private:
    Backends::DockerClient *m_client;
    QString m_host;
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
};

} // namespace Wharf::Models

Q_DECLARE_METATYPE(Wharf::Models::ReconcileReport)
Q_DECLARE_METATYPE(Wharf::Models::MeterReport)
