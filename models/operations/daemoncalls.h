#pragma once

#include "docker/dockerclient.h"
#include "operations.h"

#include <QPointer>

// The daemon's mutating calls, each as the Send of an operation. This is the only place
// outside the deploy engine that calls them (tests/scripts/check-operations.sh keeps it so):
// every entry point hands one of these to Operations::run, so no change reaches a host
// without the gate, the settle and the record.
namespace Wharf::Models::Calls {

using Backends::DockerClient;
using Backends::DockerJob;
using Send = Operations::Send;

inline Send createContainer(DockerClient *c, const QString &name)
{
    return [c, name](const QJsonObject &body) { return c->createContainer(body, name); };
}
inline Send startContainer(DockerClient *c, const QString &id)
{
    return [c, id](const QJsonObject &) { return c->startContainer(id); };
}
inline Send stopContainer(DockerClient *c, const QString &id, int timeoutSeconds = -1)
{
    return [c, id, timeoutSeconds](const QJsonObject &) { return c->stopContainer(id, timeoutSeconds); };
}
inline Send restartContainer(DockerClient *c, const QString &id, int timeoutSeconds = -1)
{
    return [c, id, timeoutSeconds](const QJsonObject &) { return c->restartContainer(id, timeoutSeconds); };
}
inline Send killContainer(DockerClient *c, const QString &id, const QString &signal = {})
{
    return [c, id, signal](const QJsonObject &) { return c->killContainer(id, signal); };
}
inline Send pauseContainer(DockerClient *c, const QString &id)
{
    return [c, id](const QJsonObject &) { return c->pauseContainer(id); };
}
inline Send unpauseContainer(DockerClient *c, const QString &id)
{
    return [c, id](const QJsonObject &) { return c->unpauseContainer(id); };
}
inline Send renameContainer(DockerClient *c, const QString &id, const QString &newName)
{
    return [c, id, newName](const QJsonObject &) { return c->renameContainer(id, newName); };
}
inline Send updateContainer(DockerClient *c, const QString &id)
{
    return [c, id](const QJsonObject &body) { return c->updateContainer(id, body); };
}
inline Send removeContainer(DockerClient *c, const QString &id, bool force = false, bool volumes = false)
{
    return [c, id, force, volumes](const QJsonObject &) { return c->removeContainer(id, force, volumes); };
}
inline Send execCreate(DockerClient *c, const QString &id)
{
    return [c, id](const QJsonObject &body) { return c->execCreate(id, body); };
}
inline Send archivePut(DockerClient *c, const QString &id, const QString &path, const QByteArray &tar)
{
    return [c, id, path, tar](const QJsonObject &) { return c->archivePut(id, path, tar); };
}
inline Send createVolume(DockerClient *c)
{
    return [c](const QJsonObject &body) { return c->createVolume(body); };
}
inline Send removeVolume(DockerClient *c, const QString &name, bool force = false)
{
    return [c, name, force](const QJsonObject &) { return c->removeVolume(name, force); };
}
inline Send pruneVolumes(DockerClient *c, const Backends::Filters &filters = {})
{
    return [c, filters](const QJsonObject &) { return c->pruneVolumes(filters); };
}
inline Send createNetwork(DockerClient *c)
{
    return [c](const QJsonObject &body) { return c->createNetwork(body); };
}
inline Send removeNetwork(DockerClient *c, const QString &id)
{
    return [c, id](const QJsonObject &) { return c->removeNetwork(id); };
}
inline Send connectNetwork(DockerClient *c, const QString &network, const QString &container, const QJsonObject &endpoint = {})
{
    return [c, network, container, endpoint](const QJsonObject &) { return c->connectNetwork(network, container, endpoint); };
}
inline Send disconnectNetwork(DockerClient *c, const QString &network, const QString &container, bool force = false)
{
    return [c, network, container, force](const QJsonObject &) { return c->disconnectNetwork(network, container, force); };
}
inline Send pullImage(DockerClient *c, const QString &reference, const Backends::RegistryAuth &auth = {}, const QString &platform = {})
{
    return [c, reference, auth, platform](const QJsonObject &) { return c->pullImage(reference, auth, platform); };
}
inline Send pushImage(DockerClient *c, const QString &name, const QString &tag, const Backends::RegistryAuth &auth = {})
{
    return [c, name, tag, auth](const QJsonObject &) { return c->pushImage(name, tag, auth); };
}
inline Send tagImage(DockerClient *c, const QString &source, const QString &repository, const QString &tag)
{
    return [c, source, repository, tag](const QJsonObject &) { return c->tagImage(source, repository, tag); };
}
inline Send removeImage(DockerClient *c, const QString &name, bool force = false, bool noPrune = false)
{
    return [c, name, force, noPrune](const QJsonObject &) { return c->removeImage(name, force, noPrune); };
}
inline Send pruneImages(DockerClient *c, bool all, const Backends::Filters &filters = {})
{
    return [c, all, filters](const QJsonObject &) { return c->pruneImages(all, filters); };
}
inline Send loadImages(DockerClient *c, const QByteArray &tar)
{
    return [c, tar](const QJsonObject &) { return c->loadImages(tar); };
}
inline Send importImage(DockerClient *c, const QByteArray &tar, const QString &repository, const QString &tag, const QStringList &changes = {},
                        const QString &message = {}, const QString &url = {})
{
    return [c, tar, repository, tag, changes, message, url](const QJsonObject &) { return c->importImage(tar, repository, tag, changes, message, url); };
}
// context: the packed folder (BuildContext::packToFile); null for a context the engine fetches
// itself (options.remote).
inline Send buildImage(DockerClient *c, std::shared_ptr<QIODevice> context, qint64 size, const Backends::BuildOptions &options,
                       const QList<Backends::RegistryAuth> &auths = {})
{
    return [c, context, size, options, auths](const QJsonObject &) { return c->build(context, size, options, auths); };
}

} // namespace Wharf::Models::Calls
