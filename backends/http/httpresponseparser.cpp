#include "httpresponseparser.h"

#include <QCoreApplication>

#include <llhttp.h>

namespace Wharf::Backends {

struct HttpResponseParser::Impl
{
    llhttp_t parser;
    llhttp_settings_t settings;
    HttpResponseParser *q = nullptr;

    static HttpResponseParser *self(llhttp_t *p) { return static_cast<Impl *>(p->data)->q; }

    static int onStatus(llhttp_t *p, const char *, size_t len) { return self(p)->countHeader(len) ? 0 : -1; }
    static int onField(llhttp_t *p, const char *at, size_t len)
    {
        auto *s = self(p);
        if (!s->countHeader(len))
            return -1;
        if (s->m_lastWasValue) {
            s->m_headers.append(s->m_field, s->m_value.trimmed());
            s->m_field.clear();
            s->m_value.clear();
            s->m_lastWasValue = false;
        }
        s->m_field.append(at, qsizetype(len));
        return 0;
    }
    static int onValue(llhttp_t *p, const char *at, size_t len)
    {
        auto *s = self(p);
        if (!s->countHeader(len))
            return -1;
        s->m_value.append(at, qsizetype(len));
        s->m_lastWasValue = true;
        return 0;
    }
    static int onHeadersComplete(llhttp_t *p)
    {
        auto *s = self(p);
        if (!s->m_field.isEmpty())
            s->m_headers.append(s->m_field, s->m_value.trimmed());
        s->m_field.clear();
        s->m_value.clear();
        s->m_lastWasValue = false;
        s->m_status = p->status_code;
        s->m_state = State::Body;
        if (s->m_cb.headers)
            s->m_cb.headers(s->m_status, s->m_headers);
        if (p->status_code == 101)
            return 2; // no body; pause with HPE_PAUSED_UPGRADE
        return s->m_head ? 1 : 0;
    }
    static int onBody(llhttp_t *p, const char *at, size_t len)
    {
        auto *s = self(p);
        if (s->m_cb.body)
            s->m_cb.body(at, qsizetype(len));
        return 0;
    }
    static int onMessageComplete(llhttp_t *p)
    {
        auto *s = self(p);
        if (s->m_status == 101)
            return 0; // llhttp goes on to return HPE_PAUSED_UPGRADE; the rest is the raw stream
        s->m_state = State::Complete;
        if (s->m_cb.complete)
            s->m_cb.complete();
        return HPE_PAUSED; // one response per reset(); stop here
    }
};

HttpResponseParser::HttpResponseParser(Callbacks callbacks)
    : d(std::make_unique<Impl>())
    , m_cb(std::move(callbacks))
{
    d->q = this;
    llhttp_settings_init(&d->settings);
    d->settings.on_status = &Impl::onStatus;
    d->settings.on_header_field = &Impl::onField;
    d->settings.on_header_value = &Impl::onValue;
    d->settings.on_headers_complete = &Impl::onHeadersComplete;
    d->settings.on_body = &Impl::onBody;
    d->settings.on_message_complete = &Impl::onMessageComplete;
    reset();
}

HttpResponseParser::~HttpResponseParser() = default;

void HttpResponseParser::reset(bool headRequest)
{
    llhttp_init(&d->parser, HTTP_RESPONSE, &d->settings);
    d->parser.data = d.get();
    m_state = State::Headers;
    m_status = 0;
    m_headers.clear();
    m_field.clear();
    m_value.clear();
    m_lastWasValue = false;
    m_headerBytes = 0;
    m_head = headRequest;
    m_remainder.clear();
    m_error.clear();
}

bool HttpResponseParser::countHeader(qsizetype n)
{
    m_headerBytes += n;
    if (m_headerBytes > MaxHeaderBytes) {
        m_error = QCoreApplication::translate("Wharf::Backends::HttpResponseParser",
                                              "The response headers are larger than %1 KiB.")
                      .arg(MaxHeaderBytes / 1024);
        return false;
    }
    return true;
}

HttpResponseParser::State HttpResponseParser::feed(const char *data, qsizetype size)
{
    if (m_state == State::Complete || m_state == State::Failed || m_state == State::Upgraded)
        return m_state;
    const llhttp_errno_t err = llhttp_execute(&d->parser, data, size_t(size));
    switch (err) {
    case HPE_OK:
        break;
    case HPE_PAUSED:
        // Message complete; anything after it would be a pipelined response we never asked for.
        break;
    case HPE_PAUSED_UPGRADE: {
        const char *pos = llhttp_get_error_pos(&d->parser);
        const qsizetype used = pos ? qsizetype(pos - data) : size;
        m_remainder = QByteArray(data + used, size - used);
        m_state = State::Upgraded;
        break;
    }
    default:
        if (m_error.isEmpty())
            m_error = QCoreApplication::translate("Wharf::Backends::HttpResponseParser",
                                                  "The daemon sent a malformed HTTP response (%1).")
                          .arg(QString::fromLatin1(llhttp_get_error_reason(&d->parser)));
        m_state = State::Failed;
        break;
    }
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finishOnEof()
{
    if (m_state == State::Complete || m_state == State::Upgraded || m_state == State::Failed)
        return m_state;
    if (m_state == State::Body && llhttp_message_needs_eof(&d->parser)) {
        if (llhttp_finish(&d->parser) == HPE_OK || m_state == State::Complete) {
            m_state = State::Complete;
            return m_state;
        }
    }
    m_error = m_state == State::Headers
        ? QCoreApplication::translate("Wharf::Backends::HttpResponseParser",
                                      "The connection closed before a complete response arrived.")
        : QCoreApplication::translate("Wharf::Backends::HttpResponseParser",
                                      "The connection closed in the middle of the response body.");
    m_state = State::Failed;
    return m_state;
}

bool HttpResponseParser::keepAlive() const
{
    return m_state == State::Complete && llhttp_should_keep_alive(&d->parser);
}

} // namespace Wharf::Backends
