#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Wharf::Backends {

// A published port, the one type for docker's -p, the create dialog and compose's ports:.
struct PortMapping
{
    QString hostIp;    // empty: every address of the host
    QString published; // "8080", a range "8000-8010" (the daemon picks one), or empty (the daemon picks any)
    int target = 0;    // the container's port
    int targetEnd = 0; // a range's last port before it is split into one mapping per port
    QString protocol = QStringLiteral("tcp");

    QString containerKey() const { return QStringLiteral("%1/%2").arg(target).arg(protocol); }
};

// The ExposedPorts and HostConfig.PortBindings entries of a container create body.
void addPortBindings(const QList<PortMapping> &ports, QJsonObject *exposed, QJsonObject *bindings);

} // namespace Wharf::Backends
