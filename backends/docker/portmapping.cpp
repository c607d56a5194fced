#include "portmapping.h"

#include <QJsonArray>

namespace Wharf::Backends {

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
