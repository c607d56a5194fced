#include "portmapping.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>

namespace Wharf::Backends {

// lupdate files the messages of free functions under their namespace; so does this
static QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Backends", text);
}

bool parsePortRange(const QString &text, int *first, int *last)
{
    const QStringList r = text.split(u'-');
    if (r.size() > 2 || r[0].isEmpty())
        return false;
    bool ok1 = false;
    bool ok2 = true;
    *first = r[0].toInt(&ok1);
    *last = r.size() == 2 ? r[1].toInt(&ok2) : *first;
    return ok1 && ok2 && *first >= 1 && *first <= 65535 && *last >= *first && *last <= 65535;
}

Expected<PortMapping> parsePortMapping(const QString &textIn)
{
    PortMapping pm;
    QString spec = textIn.trimmed();
    if (spec.isEmpty())
        return Error::make(Error::Input, tr("A port mapping is empty."));
    if (const qsizetype slash = spec.lastIndexOf(u'/'); slash >= 0) {
        pm.protocol = spec.mid(slash + 1).toLower();
        spec = spec.left(slash);
    }
    QString ip;
    if (spec.startsWith(u'[')) { // [::1]:8080:80
        const qsizetype close = spec.indexOf(u']');
        if (close < 0 || spec.mid(close + 1, 1) != QLatin1String(":"))
            return Error::make(Error::Input, tr("\"%1\" is not a port mapping ([IP:][HOST:]CONTAINER[/PROTOCOL])").arg(textIn));
        ip = spec.mid(1, close - 1);
        spec = spec.mid(close + 2);
    }
    QStringList parts = spec.split(u':');
    if (parts.size() == 3 && ip.isEmpty())
        ip = parts.takeFirst();
    if (parts.size() > 2)
        return Error::make(Error::Input, tr("\"%1\" is not a port mapping ([IP:][HOST:]CONTAINER[/PROTOCOL])").arg(textIn));
    if (!ip.isEmpty() && QHostAddress(ip).isNull())
        return Error::make(Error::Input, tr("\"%1\" is not an IP address.").arg(ip));
    pm.hostIp = ip;
    const QString target = parts.last();
    if (parts.size() == 2)
        pm.published = parts.first();
    int a = 0, b = 0;
    if (!parsePortRange(target, &a, &b))
        return Error::make(Error::Input, tr("\"%1\" is not a container port (1-65535, or a range like 8000-8010)").arg(target));
    pm.target = a;
    pm.targetEnd = b;
    int pa = 0, pb = 0;
    if (!pm.published.isEmpty() && !parsePortRange(pm.published, &pa, &pb))
        return Error::make(Error::Input, tr("\"%1\" is not a host port (1-65535, or a range like 8000-8010)").arg(pm.published));
    if (!pm.published.isEmpty() && pb - pa != b - a && pa != pb)
        return Error::make(Error::Input, tr("the host range %1 and the container range %2 differ in size").arg(pm.published, target));
    if (pm.protocol != QLatin1String("tcp") && pm.protocol != QLatin1String("udp") && pm.protocol != QLatin1String("sctp"))
        return Error::make(Error::Input, tr("\"%1\" is not a protocol (tcp, udp or sctp)").arg(pm.protocol));
    return pm;
}

QList<PortMapping> expandPortRange(const PortMapping &pm)
{
    QList<PortMapping> out;
    const int a = pm.target;
    const int b = std::max(pm.targetEnd, pm.target);
    int pa = 0, pb = 0;
    const bool published = !pm.published.isEmpty() && parsePortRange(pm.published, &pa, &pb);
    for (int i = 0; i <= b - a; ++i) {
        PortMapping one = pm;
        one.target = a + i;
        one.targetEnd = a + i;
        if (published)
            one.published = pa == pb && b != a ? pm.published : QString::number(pa + i);
        out << one;
    }
    return out;
}

void addPortBindings(const QList<PortMapping> &ports, QJsonObject *exposed, QJsonObject *bindings)
{
    for (const PortMapping &p : ports) {
        const QString key = p.containerKey();
        exposed->insert(key, QJsonObject{});
        QJsonArray list = bindings->value(key).toArray();
        list.append(QJsonObject{{QStringLiteral("HostIp"), p.hostIp}, {QStringLiteral("HostPort"), p.published}});
        bindings->insert(key, list);
    }
}

} // namespace Wharf::Backends
