#include "format.h"

#include <cmath>

#include <QCoreApplication>
#include <QHash>
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

QString formatSize(double bytes)
{
    static const char *units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    int u = 0;
    while (bytes >= 1000 && u < 5) {
        bytes /= 1000;
        ++u;
    }
    return QString::number(bytes, 'g', 3) + QLatin1String(units[u]);
}

QString formatAge(qint64 t, qint64 now)
{
    const qint64 s = std::max<qint64>(0, now - t);
    if (s < 2)
        return QCoreApplication::translate("Wharf::Backends::Format", "Less than a second ago");
    if (s < 60)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 seconds ago").arg(s);
    if (s < 120)
        return QCoreApplication::translate("Wharf::Backends::Format", "About a minute ago");
    if (s < 3600)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 minutes ago").arg(s / 60);
    if (s < 7200)
        return QCoreApplication::translate("Wharf::Backends::Format", "About an hour ago");
    if (s < 86400 * 2)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 hours ago").arg(s / 3600);
    return QCoreApplication::translate("Wharf::Backends::Format", "%1 days ago").arg(s / 86400);
}

QString humanDuration(qint64 seconds)
{
    // As github.com/docker/go-units HumanDuration writes it.
    if (seconds < 1)
        return QStringLiteral("Less than a second");
    if (seconds == 1)
        return QStringLiteral("1 second");
    if (seconds < 60)
        return QStringLiteral("%1 seconds").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes == 1)
        return QStringLiteral("About a minute");
    if (minutes < 60)
        return QStringLiteral("%1 minutes").arg(minutes);
    const qint64 hours = seconds / 3600;
    if (hours == 1)
        return QStringLiteral("About an hour");
    if (hours < 48)
        return QStringLiteral("%1 hours").arg(hours);
    if (hours < 24 * 7 * 2)
        return QStringLiteral("%1 days").arg(hours / 24);
    if (hours < 24 * 30 * 2)
        return QStringLiteral("%1 weeks").arg(hours / 24 / 7);
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1 months").arg(hours / 24 / 30);
    return QStringLiteral("%1 years").arg(hours / 24 / 365);
}

qint64 parseHumanDuration(const QString &text)
{
    if (text == QLatin1String("Less than a second"))
        return 0;
    if (text == QLatin1String("About a minute"))
        return 60;
    if (text == QLatin1String("About an hour"))
        return 3600;
    const QStringList parts = text.split(QLatin1Char(' '));
    if (parts.size() != 2)
        return -1;
    bool ok = false;
    const qint64 n = parts[0].toLongLong(&ok);
    if (!ok || n < 0)
        return -1;
    QString unit = parts[1];
    if (unit.endsWith(QLatin1Char('s')))
        unit.chop(1);
    static const QHash<QString, qint64> seconds{{QStringLiteral("second"), 1},       {QStringLiteral("minute"), 60},
                                                 {QStringLiteral("hour"), 3600},       {QStringLiteral("day"), 86400},
                                                 {QStringLiteral("week"), 7 * 86400}, {QStringLiteral("month"), 30 * 86400},
                                                 {QStringLiteral("year"), 365 * 86400}};
    const auto it = seconds.find(unit);
    return it == seconds.end() ? -1 : n * it.value();
}

ContainerStatus ContainerStatus::parse(const QString &status, qint64 nowMs)
{
    ContainerStatus s;
    s.text = status;
    QString rest;
    if (status.startsWith(QLatin1String("Up "))) {
        rest = status.mid(3);
        const qsizetype paren = rest.indexOf(QLatin1String(" ("));
        if (paren > 0) {
            s.suffix = rest.mid(paren);
            rest.truncate(paren);
        }
        s.kind = Up;
    } else if (status.startsWith(QLatin1String("Exited (")) && status.endsWith(QLatin1String(" ago"))) {
        const qsizetype close = status.indexOf(QLatin1String(") "));
        if (close < 0)
            return s;
        bool ok = false;
        s.exitCode = status.mid(8, close - 8).toInt(&ok);
        if (!ok)
            return s;
        rest = status.mid(close + 2);
        rest.chop(4);
        s.kind = Exited;
    } else {
        return s;
    }
    const qint64 secs = parseHumanDuration(rest);
    if (secs < 0) {
        s.kind = Other;
        return s;
    }
    s.sinceMs = nowMs - secs * 1000;
    return s;
}

QString ContainerStatus::textAt(qint64 nowMs) const
{
    const qint64 secs = std::max<qint64>(0, (nowMs - sinceMs) / 1000);
    switch (kind) {
    case Up:
        return QStringLiteral("Up ") + humanDuration(secs) + suffix;
    case Exited:
        return QStringLiteral("Exited (%1) %2 ago").arg(exitCode).arg(humanDuration(secs));
    case Other:
        break;
    }
    return text;
}

static QString localizedDuration(qint64 seconds)
{
    if (seconds < 1)
        return QCoreApplication::translate("Wharf::Backends::Format", "Less than a second");
    if (seconds < 60)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 seconds").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes == 1)
        return QCoreApplication::translate("Wharf::Backends::Format", "About a minute");
    if (minutes < 60)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 minutes").arg(minutes);
    const qint64 hours = seconds / 3600;
    if (hours == 1)
        return QCoreApplication::translate("Wharf::Backends::Format", "About an hour");
    if (hours < 48)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 hours").arg(hours);
    if (hours < 24 * 7 * 2)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 days").arg(hours / 24);
    if (hours < 24 * 30 * 2)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 weeks").arg(hours / 24 / 7);
    if (hours < 24 * 365 * 2)
        return QCoreApplication::translate("Wharf::Backends::Format", "%1 months").arg(hours / 24 / 30);
    return QCoreApplication::translate("Wharf::Backends::Format", "%1 years").arg(hours / 24 / 365);
}

QString ContainerStatus::displayTextAt(qint64 nowMs) const
{
    const qint64 secs = std::max<qint64>(0, (nowMs - sinceMs) / 1000);
    switch (kind) {
    case Up: {
        QString extra;
        if (suffix == QLatin1String(" (healthy)"))
            extra = QCoreApplication::translate("Wharf::Backends::Format", " (healthy)");
        else if (suffix == QLatin1String(" (unhealthy)"))
            extra = QCoreApplication::translate("Wharf::Backends::Format", " (unhealthy)");
        else if (suffix == QLatin1String(" (health: starting)"))
            extra = QCoreApplication::translate("Wharf::Backends::Format", " (health: starting)");
        else if (suffix == QLatin1String(" (Paused)"))
            extra = QCoreApplication::translate("Wharf::Backends::Format", " (Paused)");
        else
            extra = suffix;
        return QCoreApplication::translate("Wharf::Backends::Format", "Up %1").arg(localizedDuration(secs)) + extra;
    }
    case Exited:
        return QCoreApplication::translate("Wharf::Backends::Format", "Exited (%1) %2 ago").arg(exitCode).arg(localizedDuration(secs));
    case Other:
        if (text == QLatin1String("Created"))
            return QCoreApplication::translate("Wharf::Backends::Format", "Created");
        if (text == QLatin1String("Removal In Progress"))
            return QCoreApplication::translate("Wharf::Backends::Format", "Removal In Progress");
        if (text == QLatin1String("Dead"))
            return QCoreApplication::translate("Wharf::Backends::Format", "Dead");
        break;
    }
    return text;
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

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString s = text;
    s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

} // namespace Wharf::Backends
