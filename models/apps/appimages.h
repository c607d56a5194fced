#pragma once

#include "appplan.h"
#include "docker/dockerclient.h"
#include "expected.h"

#include <QObject>

#include <functional>

namespace Wharf::Models::Apps {

// The login for the registry of an image (none: an anonymous pull).
using RegistryAuthFor = std::function<void(const QString &reference, std::function<void(const Backends::RegistryAuth &)> then)>;
// The logins a build sends for its base images (they may be private), given its Dockerfile.
using RegistryLoginsAll = std::function<void(const QByteArray &dockerfile, std::function<void(const QList<Backends::RegistryAuth> &)> then)>;
// Whether the daemon may fetch a build context itself (a git or https URL): a refusal, or none.
using RemoteCheck = std::function<void(const QString &what, const QString &source, std::function<void(const Backends::Error &)> done)>;

// How a pull or build of a deploy goes: lines for its progress, then the image's id or the
// error (the engine's error from the stream, with the build step that failed).
struct ImageStepCallbacks
{
    std::function<void(const QString &message)> progress;
    std::function<void(const Backends::Expected<QString> &imageId)> done;
};

// Pulls (with the registry's login) or builds (the service's build: — a folder packed off the
// caller's thread, honouring .dockerignore, or dockerfile_inline, or a remote context when
// allowed) the image of a Pull or Build step, tagged as the step names it. context: the
// answers come on its thread, and not at all once it is gone.
void runImageStep(Backends::DockerClient *client, QObject *context, const Backends::Compose::Project &project, const PlanStep &step,
                  const RegistryAuthFor &auth, const RemoteCheck &checkRemote, ImageStepCallbacks callbacks, const RegistryLoginsAll &logins = {});

} // namespace Wharf::Models::Apps
