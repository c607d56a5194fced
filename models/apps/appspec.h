#pragma once

#include "compose/project.h"
#include "expected.h"

#include <QJsonObject>
#include <QString>

namespace Wharf::Models::Apps {

// The labels that find an app's parts again: compose's own (so that `docker compose` and
// Wharf see the same apps) and Wharf's.
namespace Label {
inline constexpr const char *Project = "com.docker.compose.project";
inline constexpr const char *Service = "com.docker.compose.service";
inline constexpr const char *Number = "com.docker.compose.container-number";
inline constexpr const char *Oneoff = "com.docker.compose.oneoff";
inline constexpr const char *ConfigHash = "com.docker.compose.config-hash";
inline constexpr const char *WorkingDir = "com.docker.compose.project.working_dir";
inline constexpr const char *ConfigFiles = "com.docker.compose.project.config_files";
inline constexpr const char *Version = "com.docker.compose.version";
inline constexpr const char *Network = "com.docker.compose.network";
inline constexpr const char *Volume = "com.docker.compose.volume";
inline constexpr const char *ManagedBy = "io.wharf.managed-by";
inline constexpr const char *App = "io.wharf.app";
inline constexpr const char *WharfService = "io.wharf.service";
inline constexpr const char *Deployment = "io.wharf.deployment";
inline constexpr const char *Replica = "io.wharf.replica";                 // a service's replica number
inline constexpr const char *ServiceConfigHash = "io.wharf.config-hash";  // and its configuration's hash
inline constexpr const char *Role = "io.wharf.role";                       // "edge" on a host's edge router
} // namespace Label

// The compose version written on containers; docker-compose 1.x reads apps labelled by any.
inline constexpr const char *ComposeVersion = "1.29.2";

// A hash of everything in a service that shapes its containers (not its replica count).
QString configHash(const Backends::Compose::Project &project, const QString &service);
// The hash Wharf wrote before it was made independent of key order and formatting: a
// container labelled with it still counts as up to date (no recreate after an upgrade).
QString legacyConfigHash(const Backends::Compose::Project &project, const QString &service);

// The image a service's containers run: its image:, else "<project>-<service>" for the image
// its build: makes (as docker compose names it).
QString serviceImage(const Backends::Compose::Project &project, const Backends::Compose::ServiceConfig &service);

// "<project>-<service>-<n>", or the service's container_name.
QString containerName(const Backends::Compose::Project &project, const Backends::Compose::ServiceConfig &service, int number);

// The body of POST /containers/create for replica `number` of a service, with its labels,
// mounts, ports, limits, health check and its first network (the rest are joined after).
Backends::Expected<QJsonObject> createBody(const Backends::Compose::Project &project, const Backends::Compose::ServiceConfig &service, int number,
                                           const QString &hash, const QString &deployment);

// The networks a service's containers join after create (all but the first), with their
// endpoint settings: {full network name -> EndpointConfig}.
QList<std::pair<QString, QJsonObject>> extraNetworks(const Backends::Compose::Project &project, const Backends::Compose::ServiceConfig &service);

// The labels a deploy gives what it makes (io.wharf.managed-by, .app, .service, .deployment),
// taken out of body: the gate refuses them in a tenant's own request; the deploy puts them back
// on the body the gate admitted (withDeployLabels).
QJsonObject takeDeployLabels(QJsonObject *body);
QJsonObject withDeployLabels(QJsonObject body, const QJsonObject &labels);

QJsonObject networkBody(const Backends::Compose::Project &project, const Backends::Compose::NetworkConfig &network);
QJsonObject volumeBody(const Backends::Compose::Project &project, const Backends::Compose::VolumeConfig &volume);

} // namespace Wharf::Models::Apps
