#pragma once

#include "http/socketframe.h"

#include <QAbstractListModel>

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
    void setTimestamped(bool on) { m_timestamped = on; }
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
    int m_capacity;
    bool m_timestamped = false;
    std::deque<Line> m_lines;
    QByteArray m_partial[3];
    Backends::FrameDemuxer m_demux;
};

} // namespace Wharf::Models
