#include "format.h"

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

} // namespace Wharf::Backends
