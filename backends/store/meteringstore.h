#pragma once

#include "store.h"

namespace Wharf::Backends {

// When a tenant's container ran (one row per run; open while it runs).
struct RunInterval
{
    qint64 id = 0;
    QString tenant;
    QString host;
    QString ref;
    QString name;
    qint64 cpusNano = 0;
    qint64 memoryBytes = 0;
    qint64 startedAt = 0;
    qint64 stoppedAt = 0; // 0: still running
};

// Metered use of one resource in one hour (recomputed, never added to: see MeteringStore).
struct UsageHour
{
    QString tenant;
    qint64 hour = 0; // start of the hour, seconds since the epoch (UTC)
    QString host;
    QString ref;
    QString name;
    QString kind;
    int seconds = 0;
    qint64 cpuNanoSeconds = 0;     // allocated nano-CPUs × seconds running
    qint64 memoryByteSeconds = 0;  // allocated bytes × seconds running
};

struct VolumeDay
{
    QString tenant;
    qint64 day = 0;
    QString host;
    QString name;
    qint64 sizeBytes = 0;
};

// A bill as issued for a closed period: its lines (JSON, as computed then) and total.
struct IssuedBill
{
    qint64 id = 0;
    QString tenant;
    QString period; // hour | day | month
    qint64 start = 0;
    qint64 end = 0;
    qint64 totalMicros = 0;
    QByteArray lines;
    qint64 issuedAt = 0;
    QString issuedBy;
};

// The metering tables. Usage per hour is always recomputed from the run intervals and written
// with an upsert that replaces, so a tick that runs twice, late, or from two places after a
// lease change, writes the same numbers: nothing is ever counted twice.
class MeteringStore
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::MeteringStore)
public:
    explicit MeteringStore(std::shared_ptr<Store> store);
    Store *store() const { return m_store.get(); }

    Expected<QList<RunInterval>> openIntervals(const QString &host);
    // Records a run that started (nothing when it is recorded already).
    Error startInterval(const RunInterval &r);
    Error stopInterval(qint64 id, qint64 stoppedAt);
    // Runs on the host that overlap [from, to).
    Expected<QList<RunInterval>> intervals(const QString &host, qint64 from, qint64 to);
    Error writeUsage(const QList<UsageHour> &rows);
    Expected<QList<UsageHour>> usage(const QString &tenant, qint64 from, qint64 to);
    Error writeVolumeDay(const VolumeDay &v); // keeps the largest size seen that day
    Expected<QList<VolumeDay>> volumeDays(const QString &tenant, qint64 from, qint64 to);
    Expected<qint64> lastTick(const QString &host); // 0: never
    // Keeps an issued bill; a second one for the same tenant and period is a Conflict.
    Expected<qint64> recordBill(const IssuedBill &b);
    Expected<QList<IssuedBill>> bills(const QString &tenant = {});
    Error setLastTick(const QString &host, qint64 at);

    // Splits runs into hours: the usage of every resource in each hour of [from, to).
    static QList<UsageHour> hoursOf(const QList<RunInterval> &runs, qint64 from, qint64 to);

private:
    std::shared_ptr<Store> m_store;
};

} // namespace Wharf::Backends
