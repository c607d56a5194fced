#include "billing.h"
#include <QJsonObject>
#include <QJsonDocument>
#include <QJsonArray>

#include <QDateTime>
#include <QMap>
#include <QTimeZone>

namespace Wharf::Models {

using namespace Backends;

namespace {
constexpr qint64 NanoCpuHour = 1'000'000'000LL * 3600;
constexpr qint64 GibHour = 1024LL * 1024 * 1024 * 3600;
constexpr qint64 Gib = 1024LL * 1024 * 1024;

// num/den with four places, for quantities shown to people (amounts are exact).
QString decimal(qint64 num, qint64 den)
{
    const qint64 scaled = Money::prorate(Money::fromMicros(10000), num, den).micros();
    return QString::number(scaled / 10000) + QLatin1Char('.') + QString::number(scaled % 10000).rightJustified(4, QLatin1Char('0'));
}

qint64 monthStart(qint64 t)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date();
    return QDateTime(QDate(d.year(), d.month(), 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

qint64 nextMonth(qint64 start)
{
    const QDate d = QDateTime::fromSecsSinceEpoch(start, Qt::UTC).date().addMonths(1);
    return QDateTime(QDate(d.year(), d.month(), 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}
} // namespace

BillCalculator::BillCalculator(TenancyStore *tenancy, MeteringStore *metering)
    : m_tenancy(tenancy)
    , m_metering(metering)
{
}

qint64 BillCalculator::periodStart(const QString &g, qint64 t)
{
    if (g == QLatin1String("hour"))
        return t - (t % 3600);
    if (g == QLatin1String("day"))
        return t - (t % 86400);
    return monthStart(t);
}

qint64 BillCalculator::nextPeriod(const QString &g, qint64 start)
{
    if (g == QLatin1String("hour"))
        return start + 3600;
    if (g == QLatin1String("day"))
        return start + 86400;
    return nextMonth(start);
}

Expected<Bill> BillCalculator::compute(const QString &tenantName, const QString &g, qint64 from, qint64 to)
{
    if (g != QLatin1String("hour") && g != QLatin1String("day") && g != QLatin1String("month"))
        return Error::make(Error::Input, tr("A bill is per hour, day or month, not \"%1\".").arg(g));
    if (to <= from)
        return Error::make(Error::Input, tr("The bill's end must come after its start."));
    auto subs = m_tenancy->subscriptions(tenantName);
    if (!subs)
        return subs.error();
    if (subs->isEmpty())
        return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(tenantName));
    QHash<QString, Plan> plans;
    for (const auto &s : *subs) {
        if (plans.contains(s.plan))
            continue;
        auto p = m_tenancy->plan(s.plan);
        if (!p)
            return p.error();
        plans.insert(s.plan, *p);
    }
    // The plan in force for most of [t0, t1) (usage hours and volume days start before a
    // subscription that began inside them).
    auto planAt = [&](qint64 t0, qint64 t1) -> const Plan * {
        const Plan *best = nullptr;
        qint64 bestOverlap = 0;
        for (const auto &s : *subs) {
            const qint64 overlap = std::min(t1, s.validTo ? s.validTo : t1) - std::max(t0, s.validFrom);
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = &plans[s.plan];
            }
        }
        return best;
    };

    Bill bill;
    bill.tenant = tenantName;
    bill.granularity = g;
    bill.from = from;
    bill.to = to;
    // (period, item, resource) -> quantities, summed before they are priced once
    struct Acc
    {
        qint64 quantity = 0;
        qint64 divisor = 1;
        Money rate;
        QString unit;
    };
    QMap<std::tuple<qint64, QString, QString, QString>, Acc> acc; // period, item, resource, plan

    // Flat plan prices, prorated by the second subscribed within each period.
    for (const auto &s : *subs) {
        const Plan &p = plans[s.plan];
        const qint64 a = std::max(s.validFrom, from);
        const qint64 b = std::min(s.validTo ? s.validTo : to, to);
        if (b <= a || p.freeTier || (p.priceHour.isZero() && p.priceMonth.isZero()))
            continue;
        for (qint64 ps = periodStart(g, a); ps < b; ps = nextPeriod(g, ps)) {
            const qint64 pe = nextPeriod(g, ps);
            if (p.priceMonth.isZero()) {
                const qint64 secs = std::min(b, pe) - std::max(a, ps);
                Acc &x = acc[{ps, QStringLiteral("plan"), p.name, p.name}];
                x.quantity += secs;
                x.divisor = 3600;
                x.rate = p.priceHour;
                x.unit = QStringLiteral("h");
                continue;
            }
            // A monthly price: the share of each calendar month inside this period.
            for (qint64 ms = monthStart(std::max(a, ps)); ms < std::min(b, pe); ms = nextMonth(ms)) {
                const qint64 me = nextMonth(ms);
                const qint64 secs = std::min({b, pe, me}) - std::max({a, ps, ms});
                if (secs <= 0)
                    continue;
                Acc &x = acc[{ps, QStringLiteral("plan"), p.name, p.name + QLatin1Char('@') + QString::number(ms)}];
                x.quantity += secs;
                x.divisor = me - ms;
                x.rate = p.priceMonth;
                x.unit = QStringLiteral("month");
            }
        }
    }

    // Usage: CPU and memory of running containers, per hour.
    auto usage = m_metering->usage(tenantName, from - (from % 3600), to);
    if (!usage)
        return usage.error();
    for (const auto &u : *usage) {
        if (u.hour < from || u.hour >= to)
            continue;
        const Plan *p = planAt(u.hour, u.hour + 3600);
        if (!p || p->freeTier)
            continue;
        const qint64 ps = periodStart(g, u.hour);
        const QString resource = u.name.isEmpty() ? u.ref.left(12) : u.name;
        if (!p->cpuPriceHour.isZero() && u.cpuNanoSeconds > 0) {
            Acc &x = acc[{ps, QStringLiteral("cpu"), resource, p->name}];
            x.quantity += u.cpuNanoSeconds;
            x.divisor = NanoCpuHour;
            x.rate = p->cpuPriceHour;
            x.unit = QStringLiteral("CPU-h");
        }
        if (!p->memoryPriceGibHour.isZero() && u.memoryByteSeconds > 0) {
            Acc &x = acc[{ps, QStringLiteral("memory"), resource, p->name}];
            x.quantity += u.memoryByteSeconds;
            x.divisor = GibHour;
            x.rate = p->memoryPriceGibHour;
            x.unit = QStringLiteral("GiB-h");
        }
    }
    // Volumes: the largest size of each day.
    auto days = m_metering->volumeDays(tenantName, from - (from % 86400), to);
    if (!days)
        return days.error();
    for (const auto &d : *days) {
        if (d.day < from - (from % 86400) || d.day >= to)
            continue;
        const Plan *p = planAt(d.day, d.day + 86400);
        if (!p || p->freeTier || p->diskPriceGibDay.isZero())
            continue;
        Acc &x = acc[{periodStart(g, std::max(d.day, from)), QStringLiteral("disk"), d.name, p->name}];
        x.quantity += d.sizeBytes;
        x.divisor = Gib;
        x.rate = p->diskPriceGibDay;
        x.unit = QStringLiteral("GiB-day");
    }

    QMap<qint64, Money> perPeriod;
    for (auto it = acc.begin(); it != acc.end(); ++it) {
        const auto &[period, item, resource, plan] = it.key();
        Q_UNUSED(plan)
        BillLine line;
        line.period = period;
        line.item = item;
        line.resource = resource;
        line.quantity = decimal(it->quantity, it->divisor) + QLatin1Char(' ') + it->unit;
        line.amount = Money::prorate(it->rate, it->quantity, it->divisor);
        bill.lines << line;
        perPeriod[period] += line.amount;
        bill.total += line.amount;
    }
    for (auto it = perPeriod.begin(); it != perPeriod.end(); ++it)
        bill.periods << qMakePair(it.key(), it.value());
    return bill;
}

QByteArray BillCalculator::linesJson(const Bill &bill)
{
    QJsonArray lines;
    for (const auto &l : bill.lines)
        lines << QJsonObject{{QStringLiteral("period"), QDateTime::fromSecsSinceEpoch(l.period, Qt::UTC).toString(Qt::ISODate)},
                             {QStringLiteral("item"), l.item},
                             {QStringLiteral("resource"), l.resource},
                             {QStringLiteral("quantity"), l.quantity},
                             {QStringLiteral("amount"), l.amount.toString()}};
    return QJsonDocument(lines).toJson(QJsonDocument::Compact);
}

Expected<IssuedBill> BillCalculator::issue(const QString &tenant, const QString &granularity, qint64 t, const QString &issuedBy, qint64 now)
{
    if (granularity != QLatin1String("hour") && granularity != QLatin1String("day") && granularity != QLatin1String("month"))
        return Error::make(Error::Input, tr("A bill is for an hour, a day or a month, not \"%1\".").arg(granularity));
    const qint64 start = periodStart(granularity, t);
    const qint64 end = nextPeriod(granularity, start);
    if (end > now)
        return Error::make(Error::Input, tr("The %1 from %2 is not over yet: it can be billed from %3 on.")
                                             .arg(granularity, QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODate),
                                                  QDateTime::fromSecsSinceEpoch(end, Qt::UTC).toString(Qt::ISODate)));
    auto bill = compute(tenant, granularity, start, end);
    if (!bill)
        return bill.error();
    IssuedBill b;
    b.tenant = tenant;
    b.period = granularity;
    b.start = start;
    b.end = end;
    b.totalMicros = bill->total.micros();
    b.lines = linesJson(*bill);
    b.issuedAt = now;
    b.issuedBy = issuedBy;
    auto id = m_metering->recordBill(b);
    if (!id)
        return id.error();
    b.id = *id;
    return b;
}

} // namespace Wharf::Models
