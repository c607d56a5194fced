#include "logmodel.h"

#include <QColor>

namespace Wharf::Models {

using namespace Backends;

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractListModel(parent)
    , m_capacity(capacity)
    , m_demux([this](FrameDemuxer::Stream s, const QByteArray &p) {
        appendData(s == FrameDemuxer::Stderr ? Stderr : Stdout, p);
    })
{
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_lines.size()))
        return {};
    const Line &l = m_lines[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return l.timestamp.isEmpty() || !m_showTimestamps ? l.text : l.timestamp + QLatin1Char(' ') + l.text;
    case TextRole:
        return l.text;
    case TimestampRole:
        return l.timestamp;
    case StreamRole:
        return int(l.stream);
    case Qt::ForegroundRole:
        if (l.stream == Stderr)
            return QColor(0xc6, 0x28, 0x28);
        break;
    }
    return {};
}

void LogModel::appendRaw(const QByteArray &bytes, bool tty)
{
    if (tty)
        appendData(Stdout, bytes);
    else
        m_demux.feed(bytes);
}

void LogModel::appendData(Stream stream, const QByteArray &bytes)
{
    QByteArray &partial = m_partial[stream];
    partial.append(bytes);
    flushLines(stream, partial);
}

void LogModel::flushLines(Stream stream, QByteArray &partial)
{
    QList<Line> fresh;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = partial.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = partial.mid(start, nl - start);
        if (line.endsWith('\r'))
            line.chop(1);
        Line l{{}, QString::fromUtf8(line), quint8(stream)};
        if (m_timestamped) {
            const qsizetype sp = l.text.indexOf(QLatin1Char(' '));
            if (sp > 0) {
                l.timestamp = l.text.left(sp);
                l.text = l.text.mid(sp + 1);
            }
        }
        start = nl + 1;
        if (!l.timestamp.isEmpty()) {
            if (m_resuming && !acceptResumed(l))
                continue;
            if (l.timestamp > m_lastTs) {
                m_lastTs = l.timestamp;
                m_atLastTs.clear();
            }
            if (l.timestamp == m_lastTs)
                m_atLastTs.insert(QString::number(l.stream) + l.text);
        }
        fresh << l;
    }
    partial.remove(0, start);
    if (partial.size() > 1024 * 1024) { // a line without end: show it in pieces
        fresh << Line{{}, QString::fromUtf8(partial), quint8(stream)};
        partial.clear();
    }
    if (fresh.isEmpty())
        return;
    if (fresh.size() > m_capacity)
        fresh = fresh.mid(fresh.size() - m_capacity);
    const int overflow = int(m_lines.size() + size_t(fresh.size())) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int at = int(m_lines.size());
    beginInsertRows({}, at, at + int(fresh.size()) - 1);
    for (auto &l : fresh)
        m_lines.push_back(std::move(l));
    endInsertRows();
}

void LogModel::resetStreamState()
{
    for (auto &p : m_partial)
        p.clear();
    m_demux = FrameDemuxer([this](FrameDemuxer::Stream s, const QByteArray &p) {
        appendData(s == FrameDemuxer::Stderr ? Stderr : Stdout, p);
    });
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_lastTs.clear();
    m_atLastTs.clear();
    m_resuming = false;
    resetStreamState();
    endResetModel();
}

void LogModel::setShowTimestamps(bool on)
{
    if (on == m_showTimestamps)
        return;
    m_showTimestamps = on;
    if (!m_lines.empty())
        Q_EMIT dataChanged(index(0), index(int(m_lines.size()) - 1), {Qt::DisplayRole});
}

void LogModel::beginResume()
{
    resetStreamState();
    m_resuming = !m_lastTs.isEmpty();
}

bool LogModel::acceptResumed(const Line &l)
{
    // Docker writes fixed-width RFC 3339 times (nanoseconds, UTC), so text order is time order.
    if (l.timestamp < m_lastTs)
        return false;
    if (l.timestamp == m_lastTs)
        return !m_atLastTs.contains(QString::number(l.stream) + l.text);
    m_resuming = false;
    return true;
}

QString LogModel::text(int row) const
{
    return data(index(row), Qt::DisplayRole).toString();
}

QString LogModel::allText() const
{
    QString out;
    for (int i = 0; i < int(m_lines.size()); ++i)
        out += text(i) + QLatin1Char('\n');
    return out;
}

} // namespace Wharf::Models
