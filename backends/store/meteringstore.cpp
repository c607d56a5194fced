#include "meteringstore.h"

#include <QDateTime>

#include <QHash>
#include <QSqlQuery>

namespace Wharf::Backends {

namespace {
const char *intervalColumns = "id, tenant, host, ref, name, cpus_nano, memory_bytes, started_at, COALESCE(stopped_at, 0)";

RunInterval intervalFrom(const QSqlQuery &q)
{
    RunInterval r;
    r.id = q.value(0).toLongLong();
    r.tenant = q.value(1).toString();
    r.host = q.value(2).toString();
    r.ref = q.value(3).toString();
    r.name = q.value(4).toString();
    r.cpusNano = q.value(5).toLongLong();
    r.memoryBytes = q.value(6).toLongLong();
    r.startedAt = q.value(7).toLongLong();
    r.stoppedAt = q.value(8).toLongLong();
    return r;
}
} // namespace

MeteringStore::MeteringStore(std::shared_ptr<Store> store)
    : m_store(std::move(store))
{
}

Expected<QList<RunInterval>> MeteringStore::openIntervals(const QString &host)
{
    auto q = m_store->exec(QStringLiteral("SELECT %1 FROM run_intervals WHERE host = ? AND stopped_at IS NULL ORDER BY started_at").arg(QLatin1String(intervalColumns)),
                           {host});
    if (!q)
        return q.error();
    QList<RunInterval> list;
    while (q->next())
        list << intervalFrom(*q);
    return list;
}

Error MeteringStore::startInterval(const RunInterval &r)
{
    auto q = m_store->exec(QStringLiteral("INSERT INTO run_intervals (tenant, host, ref, name, cpus_nano, memory_bytes, started_at)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (host, ref, started_at) DO NOTHING"),
                           {r.tenant, r.host, r.ref, r.name, r.cpusNano, r.memoryBytes, r.startedAt});
    return q ? Error{} : q.error();
}

Error MeteringStore::stopInterval(qint64 id, qint64 stoppedAt)
{
    auto q = m_store->exec(QStringLiteral("UPDATE run_intervals SET stopped_at = CASE WHEN ? < started_at THEN started_at ELSE ? END WHERE id = ? AND stopped_at IS NULL"),
                           {stoppedAt, stoppedAt, id});
    return q ? Error{} : q.error();
}

Expected<QList<RunInterval>> MeteringStore::intervals(const QString &host, qint64 from, qint64 to)
{
    auto q = m_store->exec(QStringLiteral("SELECT %1 FROM run_intervals WHERE host = ? AND started_at < ? AND (stopped_at IS NULL OR stopped_at > ?)"
                                          " ORDER BY started_at")
                               .arg(QLatin1String(intervalColumns)),
                           {host, to, from});
    if (!q)
        return q.error();
    QList<RunInterval> list;
    while (q->next())
        list << intervalFrom(*q);
    return list;
}

QList<UsageHour> MeteringStore::hoursOf(const QList<RunInterval> &runs, qint64 from, qint64 to)
{
    QHash<QString, UsageHour> byKey; // tenant|ref|hour: a container stopped and started in one hour is one row
    QStringList order;
    for (const auto &r : runs) {
        const qint64 start = std::max(r.startedAt, from);
        const qint64 end = std::min(r.stoppedAt ? r.stoppedAt : to, to);
        for (qint64 hour = start - (start % 3600); hour < end; hour += 3600) {
            const qint64 a = std::max(start, hour);
            const qint64 b = std::min(end, hour + 3600);
            if (b <= a)
                continue;
            const QString key = r.tenant + QLatin1Char('|') + r.ref + QLatin1Char('|') + QString::number(hour);
            auto it = byKey.find(key);
            if (it == byKey.end()) {
                UsageHour u;
                u.tenant = r.tenant;
                u.hour = hour;
                u.host = r.host;
                u.ref = r.ref;
                u.name = r.name;
                u.kind = QStringLiteral("container");
                it = byKey.insert(key, u);
                order << key;
            }
            it->seconds += int(b - a);
            it->cpuNanoSeconds += r.cpusNano * (b - a);
            it->memoryByteSeconds += r.memoryBytes * (b - a);
        }
    }
    QList<UsageHour> out;
    for (const auto &k : std::as_const(order))
        out << byKey.value(k);
    return out;
}

Error MeteringStore::writeUsage(const QList<UsageHour> &rows)
{
    return m_store->transaction([&]() -> Error {
        for (const auto &u : rows) {
            auto q = m_store->exec(QStringLiteral("INSERT INTO usage_hours (tenant, hour, host, ref, name, kind, seconds, cpu_nano_seconds, memory_byte_seconds)"
                                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, hour, host, ref) DO UPDATE SET"
                                                  " name = excluded.name, seconds = excluded.seconds, cpu_nano_seconds = excluded.cpu_nano_seconds,"
                                                  " memory_byte_seconds = excluded.memory_byte_seconds"),
                                   {u.tenant, u.hour, u.host, u.ref, u.name, u.kind, u.seconds, u.cpuNanoSeconds, u.memoryByteSeconds});
            if (!q)
                return q.error();
        }
        return {};
    });
}

Expected<QList<UsageHour>> MeteringStore::usage(const QString &tenant, qint64 from, qint64 to)
{
    auto q = m_store->exec(QStringLiteral("SELECT tenant, hour, host, ref, name, kind, seconds, cpu_nano_seconds, memory_byte_seconds FROM usage_hours"
                                          " WHERE tenant = ? AND hour >= ? AND hour < ? ORDER BY hour, host, ref"),
                           {tenant, from, to});
    if (!q)
        return q.error();
    QList<UsageHour> list;
    while (q->next())
        list << UsageHour{q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString(),
                          q->value(4).toString(), q->value(5).toString(), q->value(6).toInt(), q->value(7).toLongLong(),
                          q->value(8).toLongLong()};
    return list;
}

Error MeteringStore::writeVolumeDay(const VolumeDay &v)
{
    auto q = m_store->exec(QStringLiteral("INSERT INTO volume_days (tenant, day, host, name, size_bytes) VALUES (?, ?, ?, ?, ?)"
                                          " ON CONFLICT (tenant, day, host, name) DO UPDATE SET size_bytes ="
                                          " CASE WHEN excluded.size_bytes > volume_days.size_bytes THEN excluded.size_bytes ELSE volume_days.size_bytes END"),
                           {v.tenant, v.day, v.host, v.name, v.sizeBytes});
    return q ? Error{} : q.error();
}

Expected<QList<VolumeDay>> MeteringStore::volumeDays(const QString &tenant, qint64 from, qint64 to)
{
    auto q = m_store->exec(QStringLiteral("SELECT tenant, day, host, name, size_bytes FROM volume_days WHERE tenant = ? AND day >= ? AND day < ? ORDER BY day, name"),
                           {tenant, from, to});
    if (!q)
        return q.error();
    QList<VolumeDay> list;
    while (q->next())
        list << VolumeDay{q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString(), q->value(4).toLongLong()};
    return list;
}

Expected<qint64> MeteringStore::lastTick(const QString &host)
{
    auto v = m_store->scalar(QStringLiteral("SELECT last_tick FROM meter_state WHERE host = ?"), {host}, 0);
    if (!v)
        return v.error();
    return v->toLongLong();
}

Error MeteringStore::setLastTick(const QString &host, qint64 at)
{
    auto q = m_store->exec(QStringLiteral("INSERT INTO meter_state (host, last_tick) VALUES (?, ?) ON CONFLICT (host) DO UPDATE SET last_tick = excluded.last_tick"),
                           {host, at});
    return q ? Error{} : q.error();
}

Expected<qint64> MeteringStore::recordBill(const IssuedBill &b)
{
    qint64 id = 0;
    Error e = m_store->transaction([&]() -> Error {
        auto seen = m_store->scalar(QStringLiteral("SELECT count(*) FROM bills WHERE tenant = ? AND period = ? AND period_start = ?"),
                                    {b.tenant, b.period, b.start});
        if (!seen)
            return seen.error();
        if (seen->toInt() > 0)
            return Error::make(Error::Conflict, tr("The %1 bill of tenant \"%2\" from %3 is issued already; an issued bill does not change.")
                                                    .arg(b.period, b.tenant, QDateTime::fromSecsSinceEpoch(b.start, Qt::UTC).toString(Qt::ISODate)));
        auto q = m_store->exec(QStringLiteral("INSERT INTO bills (tenant, period, period_start, period_end, total, lines, issued_at, issued_by)"
                                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                               {b.tenant, b.period, b.start, b.end, b.totalMicros, QString::fromUtf8(b.lines), b.issuedAt, b.issuedBy});
        if (!q)
            return q.error();
        if (q->next())
            id = q->value(0).toLongLong();
        return {};
    });
    if (e.isError())
        return e;
    return id;
}

Expected<QList<IssuedBill>> MeteringStore::bills(const QString &tenant)
{
    auto q = m_store->exec(QStringLiteral("SELECT id, tenant, period, period_start, period_end, total, lines, issued_at, issued_by FROM bills"
                                          " WHERE (? = '' OR tenant = ?) ORDER BY tenant, period_start, period"),
                           {tenant, tenant});
    if (!q)
        return q.error();
    QList<IssuedBill> out;
    while (q->next())
        out << IssuedBill{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), q->value(3).toLongLong(),
                          q->value(4).toLongLong(), q->value(5).toLongLong(), q->value(6).toString().toUtf8(), q->value(7).toLongLong(),
                          q->value(8).toString()};
    return out;
}

} // namespace Wharf::Backends
