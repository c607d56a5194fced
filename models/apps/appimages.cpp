#include "appimages.h"

#include "docker/buildcontext.h"
#include "docker/imageref.h"
#include "docker/jsonmessages.h"
#include "operations/daemoncalls.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QtConcurrent>

#include <memory>

namespace Wharf::Models::Apps {

using namespace Backends::Compose;
using Backends::DockerJob;
using Backends::Error;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Models::Apps", text);
}

// One image step on its way: its callbacks, and its end said once.
struct ImageRun
{
    Backends::DockerClient *client = nullptr;
    GatedSteps steps;
    QPointer<QObject> context;
    PlanStep step;
    ImageStepCallbacks callbacks;

    void fail(const Error &e) const
    {
        if (context)
            callbacks.done(Error::make(e.kind, tr("%1: %2").arg(step.name, e.message), e.httpStatus));
    }
    void progress(const QString &message) const
    {
        if (context && callbacks.progress)
            callbacks.progress(message);
    }
};

// A pull or build's messages as progress, its error (the engine says it in the stream), then
// the id of the image the step's reference names.
void follow(const std::shared_ptr<ImageRun> &run, DockerJob *job)
{
    if (run->callbacks.started && run->context)
        run->callbacks.started(job);
    auto stream = std::make_shared<Backends::JsonMessageStream>();
    auto tracker = std::make_shared<Backends::ProgressTracker>();
    auto lastStep = std::make_shared<QString>();
    auto apply = [run, tracker, lastStep](const QList<QJsonObject> &messages) {
        for (const QJsonObject &m : messages)
            tracker->apply(m);
        if (run->step.kind == PlanStep::Build && tracker->lastStep() != *lastStep) {
            *lastStep = tracker->lastStep();
            run->progress(tr("Building %1: %2").arg(run->step.name, *lastStep));
        }
    };
    QObject::connect(job, &DockerJob::dataReceived, run->context, [stream, apply](const QByteArray &d) { apply(stream->feed(d)); });
    QObject::connect(job, &DockerJob::finished, run->context, [run, job, stream, tracker, apply] {
        job->deleteLater();
        if (job->isError())
            return run->fail(job->error());
        apply(stream->finish());
        if (tracker->hasError())
            return run->fail(Error::make(Error::Http, tracker->errorMessage()));
        if (stream->error().isError())
            return run->fail(stream->error());
        DockerJob *inspect = run->client->inspectImage(run->step.name);
        QObject::connect(inspect, &DockerJob::finished, run->context, [run, inspect] {
            inspect->deleteLater();
            if (inspect->isError())
                return run->fail(inspect->error());
            run->callbacks.done(inspect->json().object().value(QLatin1String("Id")).toString());
        });
    });
}

void pull(const std::shared_ptr<ImageRun> &run, const RegistryAuthFor &auth)
{
    run->progress(tr("Pulling %1").arg(run->step.name));
    if (const auto ref = Backends::ImageRef::parse(run->step.name); !ref)
        return run->fail(ref.error());
    if (!auth)
        return follow(run, run->steps.start(Calls::pullImage(run->client, run->step.name)));
    auth(run->step.name, [run](const Backends::RegistryAuth &a) {
        if (run->context)
            follow(run, run->steps.start(Calls::pullImage(run->client, run->step.name, a)));
    });
}

// Sends the build with the logins of the known registries (X-Registry-Config), when there are any.
void sendBuild(const std::shared_ptr<ImageRun> &run, const Backends::PackedContext &context, const Backends::BuildOptions &o, const QByteArray &dockerfile,
               const RegistryLoginsAll &logins)
{
    if (!logins)
        return follow(run, run->steps.start(Calls::buildImage(run->client, context.archive, context.size, o)));
    logins(dockerfile, [run, context, o](const QList<Backends::RegistryAuth> &auths) {
        if (run->context)
            follow(run, run->steps.start(Calls::buildImage(run->client, context.archive, context.size, o, auths)));
    });
}

void buildChecked(const std::shared_ptr<ImageRun> &run, const Project &project, const RegistryLoginsAll &logins);

// A tenant's build names an image of its own only (the gate's rule), before anything is packed.
void build(const std::shared_ptr<ImageRun> &run, const Project &project, const RegistryLoginsAll &logins)
{
    run->steps.checkImageName(QStringLiteral("app.build"), run->step.name, [run, project, logins](const Error &e) {
        if (!run->context)
            return;
        if (e.isError())
            return run->callbacks.done(e);
        buildChecked(run, project, logins);
    });
}

void buildChecked(const std::shared_ptr<ImageRun> &run, const Project &project, const RegistryLoginsAll &logins)
{
    const ServiceConfig *s = project.service(run->step.service);
    const Build b = s && s->build ? *s->build : Build{};
    Backends::BuildOptions o;
    o.tags = {run->step.name};
    o.buildArgs = b.args;
    o.labels = b.labels;
    o.target = b.target;
    o.noCache = b.noCache;
    o.pull = b.pull;
    run->progress(tr("Building %1 from %2").arg(run->step.name, b.context));
    const bool remote = Backends::BuildContext::isRemote(b.context);
    if (remote) {
        o.remote = b.context;
        o.dockerfile = b.dockerfile;
        run->steps.checkRemote(QStringLiteral("build"), b.context, [run, o, logins](const Error &e) {
            if (!run->context)
                return;
            if (e.isError())
                return run->callbacks.done(e);
            sendBuild(run, Backends::PackedContext{}, o, {}, logins);
        });
        return;
    }
    // Packing a folder is disk work: off the caller's thread.
    QtConcurrent::run([b] {
        const QByteArray inlineText = b.dockerfileInline.toUtf8();
        auto packed = Backends::BuildContext::packToFile(b.context, b.dockerfile, b.dockerfileInline.isEmpty() ? nullptr : &inlineText);
        const QByteArray text = b.dockerfileInline.isEmpty() ? Backends::BuildContext::readDockerfile(b.context, b.dockerfile) : inlineText;
        return std::make_pair(packed, text);
    }).then(run->context, [run, o, logins](std::pair<Backends::Expected<Backends::PackedContext>, QByteArray> result) {
        const auto &[packed, dockerfileText] = result;
        if (!packed)
            return run->callbacks.done(Error::make(Error::Input, tr("service %1: %2").arg(run->step.service, packed.error().message)));
        Backends::BuildOptions options = o;
        options.dockerfile = packed->stats.dockerfile;
        sendBuild(run, *packed, options, dockerfileText, logins);
    });
}

} // namespace

void runImageStep(Backends::DockerClient *client, QObject *context, const Project &project, const PlanStep &step, const RegistryAuthFor &auth,
                  const GatedSteps &steps, ImageStepCallbacks callbacks, const RegistryLoginsAll &logins)
{
    auto run = std::make_shared<ImageRun>(ImageRun{client, steps, context, step, std::move(callbacks)});
    if (step.kind == PlanStep::Build)
        build(run, project, logins);
    else
        pull(run, auth);
}

} // namespace Wharf::Models::Apps
