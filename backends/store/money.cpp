#include "money.h"

#include <QRegularExpression>

#if defined(_MSC_VER)
#include <intrin.h>
#endif

namespace Wharf::Backends {

Expected<Money> Money::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,12})(?:\\.(\\d{1,6}))?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return Error::make(Error::Input, tr("\"%1\" is not an amount: use a decimal like 12, 0.5 or 0.0125 (at most six places).").arg(text));
    const qint64 whole = m.captured(1).toLongLong();
    const QString frac = m.captured(2).leftJustified(6, QLatin1Char('0'));
    return fromMicros(whole * Scale + frac.toLongLong());
}

QString Money::toString() const
{
    const bool negative = m_micros < 0;
    const qint64 v = negative ? -m_micros : m_micros;
    QString frac = QString::number(v % Scale).rightJustified(6, QLatin1Char('0'));
    while (frac.size() > 2 && frac.endsWith(QLatin1Char('0')))
        frac.chop(1);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(v / Scale) + QLatin1Char('.') + frac;
}

Money Money::prorate(Money rate, qint64 quantity, qint64 divisor)
{
    if (divisor <= 0)
        return {};
#if defined(_MSC_VER)
    qint64 high = 0;
    const qint64 low = _mul128(rate.m_micros, quantity, &high);
    qint64 r = 0;
    qint64 q = _div128(high, low, divisor, &r);
    const bool negative = (rate.m_micros < 0) != (quantity < 0);
#else
    __extension__ typedef __int128 Wide;
    const Wide num = static_cast<Wide>(rate.m_micros) * quantity;
    qint64 q = static_cast<qint64>(num / divisor);
    const qint64 r = static_cast<qint64>(num % divisor);
    const bool negative = num < 0;
#endif
    const qint64 absR = r < 0 ? -r : r;
    // half to even: compare 2r with the divisor without overflowing
    if (absR > divisor - absR || (absR == divisor - absR && (q % 2) != 0))
        q += negative ? -1 : 1;
    return fromMicros(q);
}

} // namespace Wharf::Backends
