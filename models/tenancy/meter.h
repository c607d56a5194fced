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

private:
    struct Event
    {
        qint64 time;
        QString id;
        QString action;
    };
    void applyEvents(const QList<Event> &events);
    void compareWithDaemon();
    void finishTick();
    void measureVolumes();
    void fail(const Backends::Error &e);

    Backends::DockerClient *m_client;
    QString m_host;
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
    Backends::MeteringStore m_metering;
    std::function<void(const Backends::Expected<MeterReport> &)> m_done;
    QHash<QString, Backends::OwnedResource> m_owned; // by container id
    QHash<QString, Backends::OwnedResource> m_volumes; // by volume name
    qint64 m_lastTick = 0;
    qint64 m_now = 0;
    MeterReport m_report;
    int m_pending = 0;
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

private:
    Backends::DockerClient *m_client;
    QString m_host;
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
};

} // namespace Wharf::Models

Q_DECLARE_METATYPE(Wharf::Models::ReconcileReport)
