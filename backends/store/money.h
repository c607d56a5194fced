#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QString>

namespace Wharf::Backends {

// An amount of money in micro-units (1/1,000,000), so sums of many small charges are exact.
// Text is a plain decimal with up to six places ("0.0125", "12", "3.50"); shown with two
// places at least, more only when they are not zero ("0.0125", "3.50").
class Money
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::Money)
public:
    static constexpr qint64 Scale = 1000000;
    constexpr Money() = default;
    static constexpr Money fromMicros(qint64 m) { Money x; x.m_micros = m; return x; }
    static Expected<Money> parse(const QString &text);
    qint64 micros() const { return m_micros; }
    QString toString() const;
    // rate × quantity / divisor, rounded half to even to a micro-unit, without overflow for
    // the sizes a bill sees (a 128-bit intermediate where the compiler has one).
    static Money prorate(Money rate, qint64 quantity, qint64 divisor);
    Money operator+(Money o) const { return fromMicros(m_micros + o.m_micros); }
    Money &operator+=(Money o) { m_micros += o.m_micros; return *this; }
    bool operator==(const Money &o) const = default;
    bool isZero() const { return m_micros == 0; }

private:
    qint64 m_micros = 0;
};

} // namespace Wharf::Backends
