#pragma once

#include <QtGlobal>

namespace Wharf::Backends {

// What time it is, for logic that depends on it (metering, reservations, bills, leases,
// backoff, later cooldowns and alert windows): the system's clock in the product, a clock the
// test sets in tests, so time-dependent logic is tested without waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    qint64 nowSecs() const { return nowMs() / 1000; }
    // The system's clock (shared; never deleted).
    static const Clock *system();
};

// A clock that stands still until told (tests).
class ManualClock : public Clock
{
public:
    explicit ManualClock(qint64 secs = 0)
        : m_ms(secs * 1000)
    {
    }
    qint64 nowMs() const override { return m_ms; }
    void setSecs(qint64 secs) { m_ms = secs * 1000; }
    void advanceSecs(qint64 secs) { m_ms += secs * 1000; }

private:
    qint64 m_ms;
};

} // namespace Wharf::Backends
