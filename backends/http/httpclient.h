#pragma once

#include "core/job.h"
#include "httpresponseparser.h"
#include "transport.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace Wharf::Backends {

class HttpClient;

// One HTTP exchange, like QNetworkReply: signals finished / errorOccurred, abort(), a timeout.
//  - Buffered: the body is collected; finished() once it is complete.
//  - Stream:   body bytes come through dataReceived() as they arrive (logs -f, events, stats).
//  - Upgrade:  after the 101 (or a raw 200) the connection is a raw byte stream both ways
//              (attach, exec): dataReceived() for output, write() and closeWrite() for input.
class HttpJob : public Job
{
    Q_OBJECT
public:
    enum Mode { Buffered, Stream, Upgrade };

    ~HttpJob() override;

    Mode mode() const { return m_mode; }
    int statusCode() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    QByteArray body() const { return m_body; }
    // A buffered body larger than this fails the job instead of filling memory (default 256 MiB).
    void setMaxBody(qsizetype bytes) { m_maxBody = bytes; }
    // A stream that sends nothing for this long fails with a Timeout (0, the default: streams
    // live as long as the peer keeps them). For progress streams, where silence means a stall.
    void setIdleTimeout(int ms) { m_idleMs = ms; }

    void abort() override;
    void write(const QByteArray &data);
    bool closeWrite();

Q_SIGNALS:
    void headersReceived(int status);
    void dataReceived(const QByteArray &data);

private:
    friend class HttpClient;
    HttpJob(HttpClient *client, HttpRequest request, Mode mode, int timeoutMs);
    void start();
    void attach(Transport *transport, bool reused);
    void onReadyRead();
    void onTransportGone();
    // Hands the next pieces of a streamed body to the connection while it holds little.
    void pumpBody();
    void fail(const Error &e);
    void complete();
    void finish();

    QPointer<HttpClient> m_client;
    HttpRequest m_request;
    Mode m_mode;
    int m_timeoutMs;
    Transport *m_transport = nullptr;
    bool m_reused = false;
    bool m_gotBytes = false;
    bool m_raw = false;
    bool m_overflow = false;
    qsizetype m_maxBody = qsizetype(256) * 1024 * 1024;
    qint64 m_bodySent = 0;
    int m_idleMs = 0;
    bool m_streaming = false;
    int m_status = 0;
    HttpHeaders m_headers;
    QByteArray m_body;
    HttpResponseParser m_parser;
    QTimer m_timer;
};

// Sends requests to one endpoint. Short calls reuse idle keep-alive connections; every
// stream gets a connection of its own.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<Transport *(QObject *parent)>;

    HttpClient(TransportFactory factory, QByteArray hostHeader, QObject *parent = nullptr);
    ~HttpClient() override;

    HttpJob *send(HttpRequest request, HttpJob::Mode mode = HttpJob::Buffered, int timeoutMs = 60000);
    void setConnectTimeout(int ms) { m_connectTimeout = ms; }
    int connectTimeout() const { return m_connectTimeout; }
    void setMaxIdle(int n) { m_maxIdle = n; }
    int idleCount() const { return int(m_idle.size()); }
    // Closes idle connections (after the daemon went away, for example).
    void dropIdle();

private:
    friend class HttpJob;
    void acquire(HttpJob *job);
    void release(Transport *t);

    TransportFactory m_factory;
    QByteArray m_host;
    QList<Transport *> m_idle;
    int m_maxIdle = 4;
    int m_connectTimeout = 30000;
};

} // namespace Wharf::Backends
