#include "httptypes.h"

namespace Wharf::Backends {

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    for (const auto &[n, v] : m_list) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QByteArray HttpRequest::serializeHead(const QByteArray &host) const
{
    QByteArray out;
    out.reserve(256);
    out += method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: Wharf\r\n";
    for (const auto &[n, v] : headers.list())
        out += n + ": " + v + "\r\n";
    if (upgrade)
        out += "Connection: Upgrade\r\nUpgrade: tcp\r\n";
    if (bodySize() > 0 || method == "POST" || method == "PUT") {
        if (!contentType.isEmpty())
            out += "Content-Type: " + contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(bodySize()) + "\r\n";
    }
    out += "\r\n";
    return out;
}

QByteArray HttpRequest::serialize(const QByteArray &host) const
{
    return serializeHead(host) + body;
}

} // namespace Wharf::Backends
