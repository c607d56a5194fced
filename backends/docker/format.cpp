#include "format.h"

#include <cmath>

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace Wharf::Backends {

QString formatPorts(const QJsonArray &ports)
{
    QStringList out;
    QList<QJsonObject> sorted;
    for (const auto &p : ports)
        sorted << p.toObject();
    std::sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("PrivatePort")).toInt() < b.value(QLatin1String("PrivatePort")).toInt();
    });
    for (const auto &o : sorted) {
        const QString type = o.value(QLatin1String("Type")).toString(QStringLiteral("tcp"));
        const int priv = o.value(QLatin1String("PrivatePort")).toInt();
        const int pub = o.value(QLatin1String("PublicPort")).toInt();
        QString s;
        if (pub) {
            QString ip = o.value(QLatin1String("IP")).toString();
            if (ip.contains(QLatin1Char(':')))
                ip = QLatin1Char('[') + ip + QLatin1Char(']');
            s = QStringLiteral("%1:%2->%3/%4").arg(ip).arg(pub).arg(priv).arg(type);
        } else {
            s = QStringLiteral("%1/%2").arg(priv).arg(type);
        }
        if (!out.contains(s))
            out << s;
    }
    return out.join(QStringLiteral(", "));
}

QString containerName(const QJsonObject &entry)
{
    const QJsonArray names = entry.value(QLatin1String("Names")).toArray();
    QString n = names.isEmpty() ? QString() : names.first().toString();
    if (n.startsWith(QLatin1Char('/')))
        n.remove(0, 1);
    return n;
}

QString formatBytes(double bytes)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024 && u < 4) {
        bytes /= 1024;
        ++u;
    }
    return QString::number(bytes, 'f', u == 0 ? 0 : (bytes < 10 ? 2 : 1)) + QLatin1String(units[u]);
}

QString formatAge(qint64 t, qint64 now)
{
    const qint64 s = std::max<qint64>(0, now - t);
    const char *ctx = "Wharf::Backends::Format";
    if (s < 2)
        return QCoreApplication::translate(ctx, "Less than a second ago");
    if (s < 60)
        return QCoreApplication::translate(ctx, "%1 seconds ago").arg(s);
    if (s < 120)
        return QCoreApplication::translate(ctx, "About a minute ago");
    if (s < 3600)
        return QCoreApplication::translate(ctx, "%1 minutes ago").arg(s / 60);
    if (s < 7200)
        return QCoreApplication::translate(ctx, "About an hour ago");
    if (s < 86400 * 2)
        return QCoreApplication::translate(ctx, "%1 hours ago").arg(s / 3600);
    return QCoreApplication::translate(ctx, "%1 days ago").arg(s / 86400);
}

void appendJsonString(QByteArray &out, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    qsizetype plain = 0; // start of the run that needs no escaping
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.constData() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(utf8.constData() + plain, utf8.size() - plain);
    out += '"';
}

void appendJsonValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        appendJsonString(out, v.toString());
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)) && std::abs(d) < 9.0e15)
            out += QByteArray::number(qint64(d));
        else
            out += QByteArray::number(d, 'g', 17);
        break;
    }
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        out += '{';
        bool first = true;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, it.key());
            out += ':';
            appendJsonValue(out, it.value());
        }
        out += '}';
        break;
    }
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const auto &x : v.toArray()) {
            if (!first)
                out += ',';
            first = false;
            appendJsonValue(out, x);
        }
        out += ']';
        break;
    }
    default:
        out += "null";
    }
}

} // namespace Wharf::Backends
