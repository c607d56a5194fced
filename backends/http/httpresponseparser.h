#pragma once

#include "httptypes.h"

#include <functional>
#include <memory>

namespace Wharf::Backends {

// Incremental HTTP/1.1 response parser on top of llhttp. Bytes may arrive split anywhere.
// After a 101 response (or a hijacked raw stream) the bytes that came with the headers are
// handed back through upgradeRemainder(): they belong to the stream, not to HTTP.
class HttpResponseParser
{
public:
    enum class State { Headers, Body, Complete, Upgraded, Failed };

    struct Callbacks
    {
        std::function<void(int status, const HttpHeaders &)> headers;
        std::function<void(const char *data, qsizetype size)> body;
        std::function<void()> complete;
    };

    explicit HttpResponseParser(Callbacks callbacks);
    ~HttpResponseParser();
    HttpResponseParser(const HttpResponseParser &) = delete;
    HttpResponseParser &operator=(const HttpResponseParser &) = delete;

    // Prepares for the next response on the same connection. A response to HEAD has no body.
    void reset(bool headRequest = false);
    State feed(const char *data, qsizetype size);
    State feed(const QByteArray &data) { return feed(data.constData(), data.size()); }
    // The peer closed the connection: completes a body delimited by EOF, fails otherwise.
    State finishOnEof();

    State state() const { return m_state; }
    int statusCode() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    bool keepAlive() const;
    QString errorString() const { return m_error; }
    QByteArray takeUpgradeRemainder() { return std::exchange(m_remainder, {}); }

    static constexpr qsizetype MaxHeaderBytes = 256 * 1024;

private:
    bool countHeader(qsizetype n);

private:
    struct Impl;
    friend struct Impl;
    std::unique_ptr<Impl> d;
    Callbacks m_cb;
    State m_state = State::Headers;
    int m_status = 0;
    HttpHeaders m_headers;
    QByteArray m_field, m_value;
    bool m_lastWasValue = false;
    qsizetype m_headerBytes = 0;
    bool m_head = false;
    QByteArray m_remainder;
    QString m_error;
};

} // namespace Wharf::Backends
