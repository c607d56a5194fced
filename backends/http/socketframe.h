#pragma once

#include "httptypes.h"

#include <QByteArray>

#include <functional>

namespace Wharf::Backends {

// Demultiplexes Docker's stdout/stderr stream: 8-byte headers [stream, 0, 0, 0, size (big
// endian u32)] followed by the payload. A frame larger than the cap is an error, not an
// allocation.
class FrameDemuxer
{
public:
    enum Stream { Stdin = 0, Stdout = 1, Stderr = 2, System = 3 };
    using Sink = std::function<void(Stream, const QByteArray &)>;

    explicit FrameDemuxer(Sink sink, quint32 maxFrame = 16 * 1024 * 1024)
        : m_sink(std::move(sink))
        , m_max(maxFrame)
    {
    }
    // Returns false (and stays failed) on a malformed or oversized frame.
    bool feed(const char *data, qsizetype size);
    bool feed(const QByteArray &d) { return feed(d.constData(), d.size()); }
    bool hasPartialFrame() const { return !m_buffer.isEmpty(); }
    Error error() const { return m_error; }

private:
    Sink m_sink;
    quint32 m_max;
    QByteArray m_buffer;
    Error m_error;
};

// Splits a stream of newline-delimited JSON documents (events, stats, progress).
class JsonLineSplitter
{
public:
    explicit JsonLineSplitter(qsizetype maxLine = 16 * 1024 * 1024)
        : m_max(maxLine)
    {
    }
    // Appends bytes and returns the complete lines now available (without the newline).
    QList<QByteArray> feed(const char *data, qsizetype size, Error *error = nullptr);
    QByteArray takeRest() { return std::exchange(m_buffer, {}); }

private:
    qsizetype m_max;
    QByteArray m_buffer;
};

} // namespace Wharf::Backends
