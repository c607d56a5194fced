#pragma once

#include "store/meteringstore.h"
#include "store/tenancystore.h"

#include <QCoreApplication>

namespace Wharf::Models {

struct BillLine
{
    qint64 period = 0;  // start of the hour, day or month (UTC)
    QString item;       // plan | cpu | memory | disk
    QString resource;   // the plan's or the resource's name
    QString quantity;   // hours, CPU-hours, GiB-hours, GiB-days (for people)
    Backends::Money amount;
};

struct Bill
{
    QString tenant;
    QString granularity; // hour | day | month
    qint64 from = 0;
    qint64 to = 0;
    QList<BillLine> lines;
    QList<QPair<qint64, Backends::Money>> periods; // total per period, in order
    Backends::Money total;
};

// Turns metered usage and subscriptions into a bill. Every line is rounded once to the
// micro-unit (half to even) and the totals are sums of the lines, so what is shown adds up.
// Flat plan prices are prorated by the second; usage is priced by the plan in force at the time.
class BillCalculator
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::BillCalculator)
public:
    BillCalculator(Backends::TenancyStore *tenancy, Backends::MeteringStore *metering);
    Backends::Expected<Bill> compute(const QString &tenant, const QString &granularity, qint64 from, qint64 to);
    // Issues the bill of the closed period (hour, day or month) that holds t: computed now,
    // kept as it is; refused for a period not over yet or issued already.
    Backends::Expected<Backends::IssuedBill> issue(const QString &tenant, const QString &granularity, qint64 t, const QString &issuedBy,
                                                   qint64 now);
    // The lines of a bill as kept in an issued one (and as wharfctl prints them in JSON).
    static QByteArray linesJson(const Bill &bill);
    // The start of the period that holds t (UTC).
    static qint64 periodStart(const QString &granularity, qint64 t);
    static qint64 nextPeriod(const QString &granularity, qint64 start);

private:
    Backends::TenancyStore *m_tenancy;
    Backends::MeteringStore *m_metering;
};

} // namespace Wharf::Models
