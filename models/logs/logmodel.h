#pragma once

#include "http/socketframe.h"

#include <QAbstractListModel>
#include <QSet>

#include <deque>

namespace Wharf::Models {

// The log lines of a container: a bounded buffer (oldest lines drop out) behind a list model,
// so a view stays fast with hundreds of thousands of lines.
class LogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { StreamRole = Qt::UserRole + 1, TimestampRole, TextRole };
    enum Stream { Stdout = 1, Stderr = 2 };

    explicit LogModel(int capacity = 200000, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // Raw bytes of one stream; split into lines (a partial last line waits for its end).
    void appendData(Stream stream, const QByteArray &bytes);
    // Bytes of the whole stream as the daemon sends it: multiplexed frames unless tty.
    void appendRaw(const QByteArray &bytes, bool tty);
    void clear();
    // The daemon sends "<RFC 3339 nano> text" lines: keep the time apart from the text.
    void setTimestamped(bool on) { m_timestamped = on; }
    // Whether the display shows the times (the text is the same either way).
    void setShowTimestamps(bool on);
    bool showsTimestamps() const { return m_showTimestamps; }
    // The time of the newest line, as the daemon wrote it (empty before the first one).
    QString lastTimestamp() const { return m_lastTs; }
    // The stream broke and is asked again from lastTimestamp(): forget the half-read frame and
    // line, and drop lines already shown (older, or of the same time and text) until a newer one.
    void beginResume();
    int capacity() const { return m_capacity; }
    QString text(int row) const;
    QString allText() const;
    Backends::Error streamError() const { return m_demux.error(); }

private:
    void flushLines(Stream stream, QByteArray &partial);
    struct Line
    {
        QString timestamp;
        QString text;
        quint8 stream;
    };
    bool acceptResumed(const Line &l);
    void resetStreamState();
    int m_capacity;
    bool m_timestamped = false;
    bool m_showTimestamps = true;
    bool m_resuming = false;
    QString m_lastTs;
    QSet<QString> m_atLastTs; // stream + text of the lines with the newest time
    std::deque<Line> m_lines;
    QByteArray m_partial[3];
    Backends::FrameDemuxer m_demux;
};

} // namespace Wharf::Models
