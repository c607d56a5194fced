#pragma once

#include "appplan.h"
#include "docker/dockerclient.h"
#include "expected.h"
#include "operations/operations.h"

#include <QObject>

#include <functional>

namespace Wharf::Models::Apps {

// The login for the registry of an image (none: an anonymous pull).
using RegistryAuthFor = std::function<void(const QString &reference, std::function<void(const Backends::RegistryAuth &)> then)>;
// The logins a build sends for its base images (they may be private), given its Dockerfile.
using RegistryLoginsAll = std::function<void(const QByteArray &dockerfile, std::function<void(const QList<Backends::RegistryAuth> &)> then)>;

// How a pull or build of a deploy goes: lines for its progress, then the image's id or the
// error (the engine's error from the stream, with the build step that failed).
struct ImageStepCallbacks
{
    std::function<void(const QString &message)> progress;
    std::function<void(const Backends::Expected<QString> &imageId)> done;
    // The pull or build went out (for a cancel to abort it).
    std::function<void(Backends::DockerJob *job)> started;
};

// Pulls (with the registry's login) or builds (the service's build: — a folder packed off the
// caller's thread, honouring .dockerignore, or dockerfile_inline, or a remote context when
// allowed by the gate) the image of a Pull or Build step, tagged as the step names it, through
// the deploy's gated steps. context: the answers come on its thread, and not at all once it
// is gone.
void runImageStep(Backends::DockerClient *client, QObject *context, const Backends::Compose::Project &project, const PlanStep &step,
                  const RegistryAuthFor &auth, const GatedSteps &steps, ImageStepCallbacks callbacks, const RegistryLoginsAll &logins = {});

} // namespace Wharf::Models::Apps
