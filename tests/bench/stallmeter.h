#pragma once

// Measures event-loop stalls for the benchmarks: a precise 2 ms timer in the GUI thread; the
// gaps between its ticks (wall clock) and the GUI thread's CPU time within each gap.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <vector>

// A timer that should fire every 2 ms; the gaps between its ticks are the stalls.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (m_last > 0) {
                m_gaps.push_back(double(now - m_last) / 1e6);
                m_busy.push_back(double(cpu - m_lastCpu) / 1e6);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    // CPU time of this (the GUI) thread: a gap in which the thread ran is a stall of ours; a gap
    // in which it did not is the machine running something else (the daemon, the burst).
    static qint64 threadCpuNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    void start()
    {
        m_gaps.clear();
        m_busy.clear();
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double max() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
    double maxBusy() const { return m_busy.empty() ? 0 : *std::max_element(m_busy.begin(), m_busy.end()); }
    double percentile(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<double> s = m_gaps;
        std::sort(s.begin(), s.end());
        return s[size_t(double(s.size() - 1) * p)];
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    std::vector<double> m_gaps;
    std::vector<double> m_busy;
};

