#pragma once

#include "docker/dockerclient.h"
#include "registrystore.h"

#include <QObject>
#include <QPointer>

namespace Wharf::Models {

// "Run a local registry": a registry container on a host, with a volume for its data and
// deletion enabled, published on a port, checked to answer /v2/, and added to the registry list.
// The image is the official registry:2 layout (config at /etc/docker/registry/config.yml, data in
// /var/lib/registry); it is pulled when the host does not have it.
class LocalRegistryDeployer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString name = QStringLiteral("local");
        QString image = QStringLiteral("registry:2");
        int port = 5000;
        QString bindAddress = QStringLiteral("127.0.0.1"); // where the port is published on the host
        QString address;  // how Wharf reaches it (default: 127.0.0.1 for a local host, else the host's name)
        QString volume;   // default: wharf-registry-NAME
        QString hostId;
    };

    LocalRegistryDeployer(Backends::DockerClient *client, RegistryStore *store, Options options, QObject *parent = nullptr);
    void start();
    const RegistryConfig &result() const { return m_result; }
    const Options &options() const { return m_options; }

Q_SIGNALS:
    void progress(const QString &step);
    // error is empty on success; a failure after the container was made removes it again.
    void finished(const Wharf::Backends::Error &error);

private:
    void ensureImage();
    void createVolume();
    void createContainer();
    void waitReady(int attempt);
    void fail(const Backends::Error &e);
    QPointer<Backends::DockerClient> m_client;
    RegistryStore *m_store;
    Options m_options;
    QString m_containerId;
    RegistryConfig m_result;
};

} // namespace Wharf::Models
