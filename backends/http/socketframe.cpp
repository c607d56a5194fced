#include "socketframe.h"

#include <QCoreApplication>

namespace Wharf::Backends {

bool FrameDemuxer::feed(const char *data, qsizetype size)
{
    if (m_error.isError())
        return false;
    m_buffer.append(data, size);
    qsizetype pos = 0;
    while (m_buffer.size() - pos >= 8) {
        const auto *h = reinterpret_cast<const uchar *>(m_buffer.constData() + pos);
        const uchar stream = h[0];
        const quint32 len = (quint32(h[4]) << 24) | (quint32(h[5]) << 16) | (quint32(h[6]) << 8) | quint32(h[7]);
        if (stream > 3 || h[1] != 0 || h[2] != 0 || h[3] != 0) {
            m_error = Error::make(Error::Stream,
                                  QCoreApplication::translate("Wharf::Backends::FrameDemuxer",
                                                              "The output stream has a malformed frame header."));
            m_buffer.clear();
            return false;
        }
        if (len > m_max) {
            m_error = Error::make(Error::Stream,
                                  QCoreApplication::translate("Wharf::Backends::FrameDemuxer",
                                                              "An output frame of %1 bytes exceeds the limit of %2 bytes.")
                                      .arg(len)
                                      .arg(m_max));
            m_buffer.clear();
            return false;
        }
        if (m_buffer.size() - pos - 8 < qsizetype(len))
            break;
        m_sink(Stream(stream), m_buffer.mid(pos + 8, len));
        pos += 8 + len;
    }
    m_buffer.remove(0, pos);
    return true;
}

QList<QByteArray> JsonLineSplitter::feed(const char *data, qsizetype size, Error *error)
{
    QList<QByteArray> lines;
    m_buffer.append(data, size);
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_buffer.mid(start, nl - start).trimmed();
        if (!line.isEmpty())
            lines.append(std::move(line));
        start = nl + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > m_max) {
        m_buffer.clear();
        if (error)
            *error = Error::make(Error::Stream, QCoreApplication::translate("Wharf::Backends::JsonLineSplitter",
                                                                            "A streamed message exceeds %1 bytes.")
                                                    .arg(m_max));
    }
    return lines;
}

} // namespace Wharf::Backends
