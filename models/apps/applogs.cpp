#include "applogs.h"

#include "http/socketframe.h"

#include <QDateTime>

#include <algorithm>
#include <memory>

namespace Wharf::Models::Apps {

using Backends::DockerJob;

// One container's stream: frames (stdout/stderr) unless it has a terminal, and what is left
// of a line not yet ended.
struct AppLogs::Stream
{
    QString source;
    std::unique_ptr<Backends::FrameDemuxer> demux;
    bool decided = false;
    bool raw = false;
    QByteArray partial[3];
};

AppLogs::AppLogs(Backends::DockerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(250);
    connect(&m_settle, &QTimer::timeout, this, &AppLogs::flush);
    m_batch.setSingleShot(true);
    m_batch.setInterval(100);
    connect(&m_batch, &QTimer::timeout, this, &AppLogs::flush);
}

AppLogs::~AppLogs()
{
    stop();
}

qint64 AppLogs::parseTimestamp(QStringView text)
{
    // seconds by QDateTime, the fraction (up to 9 digits, trailing zeros dropped) by hand
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const qsizetype end = text.indexOf(QLatin1Char('Z'));
    if (end < 0)
        return 0;
    const QString whole = (dot >= 0 ? text.left(dot) : text.left(end)).toString() + QLatin1Char('Z');
    const QDateTime t = QDateTime::fromString(whole, Qt::ISODate);
    if (!t.isValid())
        return 0;
    qint64 ns = 0;
    if (dot >= 0) {
        QString digits = text.mid(dot + 1, end - dot - 1).toString().left(9);
        digits = digits.leftJustified(9, QLatin1Char('0'));
        bool ok = false;
        ns = digits.toLongLong(&ok);
        if (!ok)
            ns = 0;
    }
    return t.toSecsSinceEpoch() * 1'000'000'000LL + ns;
}

void AppLogs::start(const QList<ObservedContainer> &containers, const QString &tail, bool follow)
{
    stop();
    m_tailsOut = false;
    m_error.clear();
    if (!m_client || containers.isEmpty()) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished({}); });
        return;
    }
    Backends::LogOptions o;
    o.follow = follow;
    o.timestamps = true;
    o.tail = tail;
    m_open = int(containers.size());
    for (const ObservedContainer &c : containers) {
        auto *s = new Stream;
        s->source = c.service + QLatin1Char('-') + QString::number(c.number);
        s->demux = std::make_unique<Backends::FrameDemuxer>([this, s](Backends::FrameDemuxer::Stream kind, const QByteArray &payload) { take(s, int(kind), payload); });
        m_streams << s;
        DockerJob *job = m_client->containerLogs(c.id, o);
        m_jobs << job;
        connect(job, &DockerJob::dataReceived, this, [this, s](const QByteArray &bytes) {
            if (!s->decided) {
                // a frame begins with its stream (0-2) and three zero bytes; a terminal's text does not
                s->decided = true;
                s->raw = bytes.size() < 4 || quint8(bytes[0]) > 2 || bytes[1] != 0 || bytes[2] != 0 || bytes[3] != 0;
            }
            if (s->raw)
                take(s, 1, bytes);
            else
                s->demux->feed(bytes);
            if (!m_tailsOut)
                m_settle.start(); // quiet for a moment: the tails are in
            else if (!m_batch.isActive())
                m_batch.start();
        });
        connect(job, &DockerJob::finished, this, [this, job, s] {
            job->deleteLater();
            for (int k = 1; k <= 2; ++k)
                if (!s->partial[k].isEmpty())
                    take(s, k, QByteArrayLiteral("\n"));
            if (job->isError() && m_error.isEmpty())
                m_error = s->source + QStringLiteral(": ") + job->error().message;
            if (--m_open > 0)
                return;
            flush();
            m_jobs.clear();
            Q_EMIT finished(m_error);
        });
    }
    m_settle.start();
}

void AppLogs::take(Stream *s, int kind, const QByteArray &payload)
{
    if (kind != 1 && kind != 2)
        return;
    QByteArray &buf = s->partial[kind];
    buf += payload;
    qsizetype nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
        QByteArray line = buf.left(nl);
        buf.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        AppLogLine l;
        l.source = s->source;
        l.stderrLine = kind == 2;
        // "2026-11-28T19:05:33.123456789Z text"
        const qsizetype space = line.indexOf(' ');
        const qint64 t = space > 0 ? parseTimestamp(QString::fromLatin1(line.left(space))) : 0;
        if (t > 0) {
            l.timeNs = t;
            l.timestamp = QString::fromLatin1(line.left(space));
            line.remove(0, space + 1);
        }
        l.text = QString::fromUtf8(line);
        m_pending << l;
    }
}

void AppLogs::flush()
{
    m_settle.stop();
    m_batch.stop();
    if (!m_tailsOut) {
        // the tails in the order they were written (each container's own order kept)
        std::stable_sort(m_pending.begin(), m_pending.end(), [](const AppLogLine &a, const AppLogLine &b) { return a.timeNs < b.timeNs; });
        m_tailsOut = true;
    }
    if (m_pending.isEmpty())
        return;
    const QList<AppLogLine> out = std::exchange(m_pending, {});
    Q_EMIT lines(out);
}

void AppLogs::stop()
{
    m_settle.stop();
    m_batch.stop();
    const auto jobs = std::exchange(m_jobs, {});
    for (const auto &j : jobs)
        if (j) {
            j->disconnect(this);
            j->abort();
            j->deleteLater();
        }
    qDeleteAll(m_streams);
    m_streams.clear();
    m_pending.clear();
    m_open = 0;
}

} // namespace Wharf::Models::Apps
