#include "httpclient.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHttp, "wharf.http", QtWarningMsg)

namespace Wharf::Backends {


HttpJob::HttpJob(HttpClient *client, HttpRequest request, Mode mode, int timeoutMs)
    : Job(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_mode(mode)
    , m_timeoutMs(timeoutMs)
    , m_parser({
          [this](int status, const HttpHeaders &h) {
              m_status = status;
              m_headers = h;
              if (m_mode == Upgrade && (status == 101 || status == 200))
                  m_raw = true;
              if (m_mode != Buffered && status < 300) {
                  m_streaming = true;
                  if (m_idleMs > 0)
                      m_timer.start(m_idleMs);
                  else
                      m_timer.stop(); // streams live as long as the peer keeps them
              }
              Q_EMIT headersReceived(status);
          },
          [this](const char *data, qsizetype size) {
              if (m_mode == Buffered || m_status >= 300) {
                  if (m_body.size() + size > m_maxBody)
                      m_overflow = true; // reported after the parser returns
                  else
                      m_body.append(data, size);
              }
              else {
                  if (m_idleMs > 0)
                      m_timer.start(m_idleMs); // progress
                  Q_EMIT dataReceived(QByteArray(data, size));
              }
          },
          {},
      })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_streaming)
            return fail(Error::make(Error::Timeout, tr("The daemon sent nothing for %1 s; the operation is stalled and was given up.").arg(m_idleMs / 1000)));
        fail(Error::make(Error::Timeout, m_transport && m_transport->isOpen()
                                             ? tr("The daemon did not answer in time (%1 s).").arg(m_timeoutMs / 1000)
                                             : tr("Connecting to the daemon timed out.")));
    });
}

HttpJob::~HttpJob()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->device()->disconnect(this);
        m_transport->close();
        m_transport->deleteLater();
    }
}

void HttpJob::start()
{
    m_timer.start(m_client ? m_client->connectTimeout() : 10000);
    m_client->acquire(this);
}

void HttpJob::attach(Transport *t, bool reused)
{
    m_transport = t;
    m_reused = reused;
    t->setParent(this);
    auto sendRequest = [this] {
        m_timer.start(m_timeoutMs);
        connect(m_transport->device(), &QIODevice::readyRead, this, &HttpJob::onReadyRead);
        // Head and body apart: a big body (a build context, an image archive) is handed to the
        // socket's buffer as it is, not copied behind the head.
        m_transport->device()->write(m_request.serializeHead(m_client ? m_client->m_host : QByteArray("docker")));
        if (m_request.bodySource) {
            connect(m_transport->device(), &QIODevice::bytesWritten, this, &HttpJob::pumpBody);
            pumpBody();
        } else if (!m_request.body.isEmpty()) {
            m_transport->device()->write(m_request.body);
        }
        if (m_transport->device()->bytesAvailable() > 0)
            onReadyRead();
    };
    connect(t, &Transport::disconnected, this, &HttpJob::onTransportGone);
    connect(t, &Transport::failed, this, [this](const Error &e) { fail(e); });
    connect(t, &Transport::connectPaused, this, [this](bool paused) {
        if (m_done || (m_transport && m_transport->isOpen()))
            return;
        if (paused)
            m_timer.stop();
        else
            m_timer.start(m_client ? m_client->connectTimeout() : 10000);
    });
    if (reused) {
        sendRequest();
    } else {
        connect(t, &Transport::connected, this, sendRequest);
        t->open();
    }
}

void HttpJob::pumpBody()
{
    // At most a few MiB in the connection's buffer: memory stays flat whatever the body's size.
    constexpr qint64 Chunk = 1 << 20;
    constexpr qint64 Buffered = 4 << 20;
    if (m_done || !m_transport || !m_request.bodySource)
        return;
    QIODevice *out = m_transport->device();
    QIODevice *in = m_request.bodySource.get();
    while (m_bodySent < m_request.bodySourceSize && out->bytesToWrite() < Buffered) {
        const QByteArray piece = in->read(std::min(Chunk, m_request.bodySourceSize - m_bodySent));
        if (piece.isEmpty())
            return fail(Error::make(Error::Input, tr("The request body ended after %1 of %2 bytes: %3")
                                                      .arg(m_bodySent).arg(m_request.bodySourceSize).arg(in->errorString())));
        out->write(piece);
        m_bodySent += piece.size();
        m_timer.start(m_timeoutMs); // sending is progress
    }
    if (m_bodySent >= m_request.bodySourceSize)
        disconnect(out, &QIODevice::bytesWritten, this, &HttpJob::pumpBody);
}

void HttpJob::onReadyRead()
{
    if (m_done || !m_transport)
        return;
    const QByteArray chunk = m_transport->device()->readAll();
    if (chunk.isEmpty())
        return;
    m_gotBytes = true;
    if (m_raw && m_parser.state() == HttpResponseParser::State::Upgraded) {
        Q_EMIT dataReceived(chunk);
        return;
    }
    const auto state = m_parser.feed(chunk);
    if (m_overflow) {
        fail(Error::make(Error::Protocol, tr("The response is larger than %1 MiB; it was not read.").arg(m_maxBody / (1024 * 1024))));
        return;
    }
    switch (state) {
    case HttpResponseParser::State::Failed:
        fail(Error::make(Error::Protocol, m_parser.errorString()));
        break;
    case HttpResponseParser::State::Complete:
        complete();
        break;
    case HttpResponseParser::State::Upgraded: {
        const QByteArray rest = m_parser.takeUpgradeRemainder();
        if (!rest.isEmpty() && !m_done)
            Q_EMIT dataReceived(rest);
        break;
    }
    default:
        break;
    }
}

void HttpJob::onTransportGone()
{
    if (m_done)
        return;
    if (m_transport && m_transport->device()->bytesAvailable() > 0)
        onReadyRead();
    if (m_done)
        return;
    if (m_reused && !m_gotBytes && m_client) {
        // A kept-alive connection the daemon had already closed: try once on a fresh one.
        qCDebug(lcHttp) << "retrying on a fresh connection";
        Transport *old = std::exchange(m_transport, nullptr);
        old->disconnect(this);
        old->device()->disconnect(this);
        old->deleteLater();
        m_reused = false;
        m_parser.reset(m_request.method == "HEAD");
        m_client->acquire(this);
        return;
    }
    if (m_parser.state() == HttpResponseParser::State::Upgraded) {
        complete();
        return;
    }
    const auto state = m_parser.finishOnEof();
    if (state == HttpResponseParser::State::Complete)
        complete();
    else
        fail(Error::make(m_parser.state() == HttpResponseParser::State::Headers && !m_gotBytes ? Error::Connect
                                                                                                 : Error::Protocol,
                         m_parser.errorString()));
}

void HttpJob::write(const QByteArray &data)
{
    if (m_transport && !m_done)
        m_transport->device()->write(data);
}

bool HttpJob::closeWrite()
{
    return m_transport && !m_done && m_transport->closeWrite();
}

void HttpJob::abort()
{
    if (m_done)
        return;
    fail(Error::make(Error::Canceled, tr("The request was canceled.")));
}

void HttpJob::fail(const Error &e)
{
    if (m_done)
        return;
    m_error = e;
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->device()->disconnect(this);
        m_transport->close();
    }
    finish();
}

void HttpJob::complete()
{
    if (m_done)
        return;
    if (m_status >= 400 && !m_error.isError())
        m_error = Error::make(Error::Http, QString::fromUtf8(m_body).trimmed(), m_status);
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->device()->disconnect(this);
        const bool reusable = m_mode == Buffered && m_parser.keepAlive() && m_transport->isOpen()
            && m_transport->device()->bytesAvailable() == 0;
        if (reusable && m_client) {
            m_client->release(std::exchange(m_transport, nullptr));
        } else {
            m_transport->close();
        }
    }
    finish();
}

void HttpJob::finish()
{
    m_done = true;
    m_timer.stop();
    Q_EMIT finished();
}

HttpClient::HttpClient(TransportFactory factory, QByteArray hostHeader, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_host(std::move(hostHeader))
{
}

HttpClient::~HttpClient()
{
    dropIdle();
}

HttpJob *HttpClient::send(HttpRequest request, HttpJob::Mode mode, int timeoutMs)
{
    auto *job = new HttpJob(this, std::move(request), mode, timeoutMs);
    job->m_parser.reset(job->m_request.method == "HEAD");
    // Start from the event loop so that callers can connect to the signals first.
    QMetaObject::invokeMethod(job, &HttpJob::start, Qt::QueuedConnection);
    return job;
}

void HttpClient::acquire(HttpJob *job)
{
    if (job->m_mode == HttpJob::Buffered) {
        while (!m_idle.isEmpty()) {
            Transport *t = m_idle.takeLast();
            t->disconnect(this);
            t->device()->disconnect(this);
            if (t->isOpen() && t->device()->bytesAvailable() == 0) {
                job->attach(t, true);
                return;
            }
            t->deleteLater();
        }
    }
    job->attach(m_factory(job), false);
}

void HttpClient::release(Transport *t)
{
    if (int(m_idle.size()) >= m_maxIdle) {
        t->close();
        t->deleteLater();
        return;
    }
    t->setParent(this);
    m_idle.append(t);
    connect(t, &Transport::disconnected, this, [this, t] {
        m_idle.removeOne(t);
        t->deleteLater();
    });
    connect(t->device(), &QIODevice::readyRead, this, [this, t] {
        // Unsolicited bytes on an idle connection: it cannot be trusted any more.
        m_idle.removeOne(t);
        t->close();
        t->deleteLater();
    });
}

void HttpClient::dropIdle()
{
    for (Transport *t : std::as_const(m_idle)) {
        t->disconnect(this);
        t->device()->disconnect(this);
        t->close();
        t->deleteLater();
    }
    m_idle.clear();
}

} // namespace Wharf::Backends
