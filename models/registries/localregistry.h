#pragma once

#include "docker/dockerclient.h"
#include "operations/operations.h"
#include "registrystore.h"

#include <QObject>
#include <QPointer>

namespace Wharf::Models {

// "Run a local registry": a registry container on a host, with a volume for its data and
// deletion enabled, published on a port, checked to answer /v2/, and added to the registry list.
// The image is the official registry:2 layout (config at /etc/docker/registry/config.yml, data in
// /var/lib/registry); it is pulled when the host does not have it. The whole is one operation
// (registry.run, an admin's action: a registry publishes a port with the host's rights), its
// volume and container made through its gated steps.
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

    LocalRegistryDeployer(Backends::DockerClient *client, Operations *operations, RegistryStore *store, Options options, QObject *parent = nullptr);
    // Runs the operation; finished() says how it went (a refusal too).
    void start();
    // Stops at the next step (a pull under way is aborted); what was made goes again and it
    // finishes with Error::Canceled.
    void cancel();
    const RegistryConfig &result() const { return m_result; }
    const Options &options() const { return m_options; }

Q_SIGNALS:
    void progress(const QString &step);
    // error is empty on success; a failure after the container was made removes it again.
    // refused: the gate said no and nothing reached the host.
    void finished(const Wharf::Backends::Error &error, bool refused = false);

private:
    void begin();
    void ensureImage();
    void createVolume();
    void createContainer();
    void waitReady(int attempt);
    void fail(const Backends::Error &e);
    bool stoppedByCancel(); // true (and finished) once cancel() was called
    bool m_canceled = false;
    QPointer<Backends::DockerJob> m_pull;
    QPointer<Backends::DockerClient> m_client;
    QPointer<Operations> m_operations;
    GatedSteps m_steps;
    Operations::Finished m_settled; // the operation's end (its record)
    RegistryStore *m_store;
    Options m_options;
    QString m_containerId;
    RegistryConfig m_result;
};

} // namespace Wharf::Models
