#pragma once

#include "docker/dockerclient.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Wharf::Models {

// What a daemon says about itself when asked before a host is added ("Test connection").
struct HostFacts
{
    QString serverVersion;
    QString apiVersion; // the API version both sides agreed on
    QString operatingSystem;
    int cpus = 0;
    double memoryBytes = 0;
    int containers = 0;
};

// Asks a daemon that is not in the host list yet for its info.
class HostProbe : public QObject
{
    Q_OBJECT
public:
    explicit HostProbe(QObject *parent = nullptr);
    // A probe still under way is dropped (its answer never comes).
    void probe(const Backends::Endpoint &endpoint, std::function<void(const Backends::Expected<HostFacts> &)> done);

private:
    QPointer<Backends::DockerClient> m_client;
};

} // namespace Wharf::Models
