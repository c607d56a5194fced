#pragma once

#include "edgeconfig.h"

#include "docker/dockerclient.h"
#include "operations/operations.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Wharf::Models::Services {

// The edge router of one host: an HAProxy container Wharf creates and owns (label
// io.wharf.role=edge, named wharf-edge), on the host's network so that it can listen on any
// port a service publishes and reach every replica. HAProxy runs as a master with workers:
// a new configuration is copied in and the master told to reload (SIGUSR2); the listening
// sockets pass to the new worker and the old one finishes its connections, so nothing is
// dropped. A reload is confirmed from the router's own log ("Loading success.") before
// apply() answers; a configuration HAProxy refuses leaves the old one serving and is an error.
class EdgeRouter : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *ContainerName = "wharf-edge";

    EdgeRouter(Backends::DockerClient *client, GatedSteps steps, QObject *parent = nullptr);

    // The router runs with this image and configuration (created, started, reloaded or left
    // alone as needed); done(error) once it serves it.
    void apply(const EdgeSettings &settings, const QString &config, std::function<void(const Backends::Error &)> done);
    // The configuration the router serves now (read from its container); empty: no router.
    void current(std::function<void(const Backends::Expected<QString> &)> done);
    // Removes the router (when no service is left on the host).
    void remove(std::function<void(const Backends::Error &)> done);

    QString containerId() const { return m_id; }
    QString applied() const { return m_applied; }
    // The body that creates the router container.
    static QJsonObject createBody(const EdgeSettings &settings);
    // Reads the configuration file out of a GET /containers/{id}/archive answer.
    static Backends::Expected<QString> configFromArchive(const QByteArray &tar);

private:
    void find(std::function<void(const Backends::Error &, const QJsonObject &container)> done);
    void create(const EdgeSettings &settings, const QString &config, std::function<void(const Backends::Error &)> done);
    void reload(const QString &config, std::function<void(const Backends::Error &)> done);
    void write(const QString &config, std::function<void(const Backends::Error &)> done);
    // Waits for the master's "Loading success." after the log time since (the daemon's clock).
    void confirm(const QString &since, bool afterReload, int attempt, std::function<void(const Backends::Error &)> done);
    void lastLogTime(std::function<void(const QString &since)> done);

    QPointer<Backends::DockerClient> m_client;
    GatedSteps m_steps;
    QString m_id;
    QString m_image;
    QString m_applied;
    bool m_busy = false;
};

} // namespace Wharf::Models::Services
