#pragma once

#include "core/error.h"

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

// docker's and compose's short syntax, the one parser of both: [IP:][HOST:]CONTAINER[/PROTOCOL],
// HOST and CONTAINER a port or a range ("8000-8010"), an IPv6 address in [brackets], protocol
// tcp, udp or sctp. A container range is kept as target..targetEnd (see expandPortRange).
Expected<PortMapping> parsePortMapping(const QString &text);
// A port ("80") or a range ("8000-8010") of 1 to 65535; false when it is neither.
bool parsePortRange(const QString &text, int *first, int *last);
// One mapping per container port of a range, as docker and compose publish them: a host range
// of the same size pairs port by port; one host port (or none) goes with each.
QList<PortMapping> expandPortRange(const PortMapping &mapping);

// The ExposedPorts and HostConfig.PortBindings entries of a container create body.
void addPortBindings(const QList<PortMapping> &ports, QJsonObject *exposed, QJsonObject *bindings);

} // namespace Wharf::Backends
