#include "imageactions.h"
#include "operations/daemoncalls.h"
#include "tenancy/policygate.h"

#include "docker/buildcontext.h"
#include "docker/format.h"
#include "docker/imageref.h"
#include "hosts/hostconnection.h"
#include "registries/registrystore.h"
#include "tasks/taskmodel.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QtConcurrent>

namespace Wharf::Models {

using namespace Backends;

void BuildRun::cancel()
{
    if (m_job && !m_job->isFinished())
        m_job->abort();
}

ImageActions::ImageActions(HostConnection *host, RegistryStore *registries, CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_registries(registries)
    , m_credentials(credentials)
{
    // An action's end ends its operation (which writes the record when there is a database).
    auto end = [this](const QString &title, const Error &e, const QString &detail) {
        if (Operations::Finished finished = m_running.take(title))
            finished(e, detail);
    };
    connect(this, &ImageActions::done, this, [end](const QString &title, const QString &message) { end(title, {}, message); });
    connect(this, &ImageActions::failed, this, [end](const QString &title, const QString &message) {
        end(title, Error::make(Error::Http, message), {});
    });
}

void ImageActions::operate(const Request &request, const QString &title, int task, std::function<void()> start)
{
    QPointer<ImageActions> self(this);
    m_host->operations()->runWork(request, [self, title, start](const QJsonObject &, Operations::Finished finished) {
        if (!self)
            return finished(Error::make(Error::Canceled, tr("Canceled.")), {});
        self->m_running.insert(title, finished);
        start();
    }, [self, title, task](const Outcome &o) {
        if (!self || !o.refused)
            return;
        TaskModel *tasks = self->m_host ? self->m_host->tasks() : nullptr;
        if (tasks && task) {
            tasks->fail(task, o.error.message);
            Q_EMIT self->failed(title, o.error.message);
        } else {
            self->fail(title, o.error.message);
        }
    });
}

int ImageActions::fail(const QString &title, const QString &message)
{
    TaskModel *tasks = m_host ? m_host->tasks() : nullptr;
    int task = 0;
    if (tasks) {
        task = tasks->begin(title);
        tasks->fail(task, message);
    }
    Q_EMIT failed(title, message);
    return task;
}

void ImageActions::track(DockerJob *job, const QString &title, std::function<QString(DockerJob *)> describe)
{
    TaskModel *tasks = m_host->tasks();
    const int task = tasks ? tasks->begin(title) : 0;
    connect(job, &DockerJob::finished, this, [this, job, tasks, task, title, describe] {
        job->deleteLater();
        if (job->isError()) {
            if (tasks)
                tasks->fail(task, job->error().message);
            return Q_EMIT failed(title, job->error().message);
        }
        const QString msg = describe ? describe(job) : QString();
        if (tasks)
            tasks->succeed(task, msg);
        Q_EMIT done(title, msg);
    });
}

void ImageActions::withAuth(const QString &reference, std::function<void(const RegistryAuth &)> then)
{
    const auto ref = ImageRef::parse(reference);
    const QString address = ref && m_registries ? m_registries->forImage(*ref).serverAddress()
        : ref                                   ? ref->authServerAddress()
                                                : QString();
    if (!m_credentials || address.isEmpty())
        return then(RegistryAuth{address, {}, {}, {}});
    QPointer<ImageActions> self(this);
    RegistryLogins::read(m_credentials, address, [self, address, then](const Expected<RegistryAuth> &auth) {
        if (!self)
            return;
        // No keychain to read: the request goes without a login (and the registry says if it needs one).
        then(auth ? *auth : RegistryAuth{address, {}, {}, {}});
    });
}

void ImageActions::withBuildLogins(const QByteArray &dockerfile, std::function<void(const QList<RegistryAuth> &)> then)
{
    if (!m_credentials || !m_registries)
        return then({});
    QPointer<ImageActions> self(this);
    RegistryLogins::forBuild(m_credentials, m_registries, dockerfile, [self, then](const QList<RegistryAuth> &auths) {
        if (self)
            then(auths);
    });
}

void ImageActions::follow(DockerJob *job, int task, const QString &title, std::function<void(const ProgressTracker &)> ok,
                          std::function<void(const QString &)> line, std::function<void(const Error &)> failedToo)
{
    TaskModel *tasks = m_host->tasks();
    auto stream = std::make_shared<JsonMessageStream>();
    auto tracker = std::make_shared<ProgressTracker>();
    auto canceled = std::make_shared<bool>(false);
    QPointer<DockerJob> guard(job);
    if (tasks)
        tasks->setCanceller(task, [guard, canceled] {
            *canceled = true;
            if (guard)
                guard->abort();
        });
    auto apply = [tasks, task, tracker, line](const QList<QJsonObject> &messages) {
        QString last;
        for (const auto &m : messages) {
            for (const QString &l : tracker->apply(m)) {
                last = l;
                if (line)
                    line(l);
            }
        }
        if (!tasks)
            return;
        QList<TaskModel::Part> parts;
        for (const auto &l : tracker->layers())
            parts << TaskModel::Part{l.id, l.status, l.current, l.total, l.done};
        tasks->setProgress(task, tracker->currentBytes(), tracker->totalBytes(), parts,
                           tracker->lastStep().isEmpty() ? last.trimmed() : tracker->lastStep());
    };
    connect(job, &DockerJob::dataReceived, this, [stream, apply](const QByteArray &d) { apply(stream->feed(d)); });
    connect(job, &DockerJob::finished, this, [this, job, stream, tracker, apply, tasks, task, title, ok, canceled, failedToo] {
        job->deleteLater();
        apply(stream->finish());
        QString error;
        if (*canceled)
            error = tr("Canceled.");
        else if (job->isError())
            error = job->error().message;
        else if (tracker->hasError())
            error = tracker->errorMessage();
        else if (stream->error().isError())
            error = stream->error().message;
        if (!error.isEmpty()) {
            if (tasks)
                tasks->fail(task, error);
            Q_EMIT failed(title, error);
            if (failedToo)
                failedToo(Error::make(*canceled ? Error::Canceled : Error::Http, error));
            return;
        }
        if (tasks)
            tasks->succeed(task);
        ok(*tracker);
    });
}

int ImageActions::pull(const QString &reference)
{
    const auto ref = ImageRef::parse(reference);
    const QString title = tr("Pull %1").arg(reference.trimmed());
    if (!ref)
        return fail(title, ref.error().message);
    const QString name = ref->toString();
    const int task = m_host->tasks() ? m_host->tasks()->begin(title) : 0;
    operate(Request::host(QStringLiteral("image"), QStringLiteral("pull"), reference.trimmed()), title, task, [this, name, task, title] {
        withAuth(name, [this, name, task, title](const RegistryAuth &auth) {
            if (!m_host)
                return;
            follow(step(Calls::pullImage(m_host->client(), name, auth)), task, title, [this, name, title](const ProgressTracker &t) {
                Q_EMIT pulled(name);
                Q_EMIT done(title, t.digest());
            });
        });
    });
    return task;
}

int ImageActions::push(const QString &reference)
{
    const auto ref = ImageRef::parse(reference);
    const QString title = tr("Push %1").arg(reference.trimmed());
    if (!ref)
        return fail(title, ref.error().message);
    if (!ref->digest.isEmpty())
        return fail(title, tr("Push takes a tag, not a digest."));
    const int task = m_host->tasks() ? m_host->tasks()->begin(title) : 0;
    const QString name = ref->familiarName();
    const QString tag = ref->tag;
    const QString full = ref->toString();
    operate(Request::admin(QStringLiteral("image"), QStringLiteral("push"), reference.trimmed()), title, task, [this, name, tag, full, task, title] {
        withAuth(full, [this, name, tag, full, task, title](const RegistryAuth &auth) {
            if (!m_host)
                return;
            follow(step(Calls::pushImage(m_host->client(), name, tag, auth)), task, title, [this, full, title](const ProgressTracker &t) {
                Q_EMIT pushed(full, t.digest());
                Q_EMIT done(title, t.digest());
            });
        });
    });
    return task;
}

void ImageActions::tag(const QString &source, const QString &target)
{
    const auto ref = ImageRef::parse(target);
    const QString title = tr("Tag %1 as %2").arg(source, target.trimmed());
    if (!ref)
        return void(fail(title, ref.error().message));
    if (!ref->digest.isEmpty())
        return void(fail(title, tr("A tag cannot be a digest.")));
    const QString repository = ref->familiarName();
    const QString tag = ref->tag;
    operate(Request::admin(QStringLiteral("image"), QStringLiteral("tag"), source + QStringLiteral(" ") + target.trimmed()), title, 0,
            [this, source, repository, tag, title] { track(step(Calls::tagImage(m_host->client(), source, repository, tag)), title); });
}

void ImageActions::remove(const QStringList &references, bool force)
{
    for (const QString &r : references) {
        // The engine's 409 says which container uses it; the page offers to force.
        const QString title = force ? tr("Remove image %1 (forced)").arg(r) : tr("Remove image %1").arg(r);
        operate(Request::admin(QStringLiteral("image"), QStringLiteral("remove"), r), title, 0, [this, r, force, title] {
        track(step(Calls::removeImage(m_host->client(), r, force)), title,
              [](DockerJob *job) {
                  int untagged = 0, deleted = 0;
                  for (const auto &v : job->json().array()) {
                      untagged += v.toObject().contains(QLatin1String("Untagged")) ? 1 : 0;
                      deleted += v.toObject().contains(QLatin1String("Deleted")) ? 1 : 0;
                  }
                  return tr("%1 untagged, %2 layers deleted").arg(untagged).arg(deleted);
              });
        });
    }
}

void ImageActions::prune(bool all)
{
    const QString title = all ? tr("Remove unused images") : tr("Remove dangling images");
    operate(Request::admin(QStringLiteral("image"), QStringLiteral("prune"), all ? QStringLiteral("unused") : QStringLiteral("dangling")), title, 0,
            [this, all, title] {
    track(step(Calls::pruneImages(m_host->client(), all)), title,
          [](DockerJob *job) {
        const QJsonObject o = job->json().object();
        return tr("%1 images removed, %2 reclaimed")
            .arg(o.value(QLatin1String("ImagesDeleted")).toArray().size())
            .arg(formatSize(o.value(QLatin1String("SpaceReclaimed")).toDouble()));
    });
            });
}

int ImageActions::save(const QStringList &references, const QString &path)
{
    const QString title = tr("Save %1 to %2").arg(references.join(QStringLiteral(", ")), QFileInfo(path).fileName());
    auto file = std::make_shared<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly))
        return fail(title, tr("Cannot write %1: %2").arg(path, file->errorString()));
    TaskModel *tasks = m_host->tasks();
    const int task = tasks ? tasks->begin(title) : 0;
    operate(Request::host(QStringLiteral("image"), QStringLiteral("save"), references.join(QLatin1Char(' '))), title, task,
            [this, references, file, tasks, task, title, path] { saveTo(references, file, tasks, task, title, path); });
    return task;
}

void ImageActions::saveTo(const QStringList &references, std::shared_ptr<QSaveFile> file, TaskModel *tasks, int task, const QString &title,
                          const QString &path)
{
    DockerJob *job = m_host->client()->saveImages(references);
    QPointer<DockerJob> guard(job);
    auto written = std::make_shared<qint64>(0);
    auto writeError = std::make_shared<QString>();
    auto canceled = std::make_shared<bool>(false);
    if (tasks)
        tasks->setCanceller(task, [guard, canceled] {
            *canceled = true;
            if (guard)
                guard->abort();
        });
    connect(job, &DockerJob::dataReceived, this, [file, written, writeError, job, tasks, task](const QByteArray &d) {
        if (!writeError->isEmpty())
            return;
        if (file->write(d) != d.size()) {
            *writeError = file->errorString();
            job->abort();
            return;
        }
        *written += d.size();
        if (tasks)
            tasks->setProgress(task, *written, 0, {}, formatSize(double(*written)));
    });
    connect(job, &DockerJob::finished, this, [this, job, file, path, writeError, canceled, tasks, task, title, written] {
        job->deleteLater();
        QString error = *canceled ? tr("Canceled.")
            : !writeError->isEmpty() ? tr("Cannot write %1: %2").arg(path, *writeError)
            : job->isError()         ? job->error().message
            : !file->commit()        ? tr("Cannot write %1: %2").arg(path, file->errorString())
                                     : QString();
        if (!error.isEmpty()) {
            file->cancelWriting(); // nothing half-written is left behind
            if (tasks)
                tasks->fail(task, error);
            return Q_EMIT failed(title, error);
        }
        const QString msg = formatSize(double(*written));
        if (tasks)
            tasks->succeed(task, msg);
        Q_EMIT done(title, msg);
    });
}

void ImageActions::readArchive(const QString &path, int task, const QString &title, const QString &tooSmall,
                               std::function<void(const QByteArray &)> then)
{
    // An archive can be gigabytes: read it on a worker thread, not in the window's.
    QtConcurrent::run([path]() -> Expected<QByteArray> {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(Error::Input, tr("Cannot read %1: %2").arg(path, f.errorString()));
        return f.readAll();
    }).then(this, [this, task, title, tooSmall, then](const Expected<QByteArray> &tar) {
        const QString error = !tar ? tar.error().message : tar->size() < 1024 ? tooSmall : QString();
        if (!error.isEmpty()) {
            if (TaskModel *tasks = m_host ? m_host->tasks() : nullptr)
                tasks->fail(task, error);
            return Q_EMIT failed(title, error);
        }
        if (m_host)
            then(*tar);
    });
}

int ImageActions::load(const QString &path)
{
    const QString title = tr("Load images from %1").arg(QFileInfo(path).fileName());
    TaskModel *tasks = m_host->tasks();
    const int task = tasks ? tasks->begin(title) : 0;
    operate(Request::admin(QStringLiteral("image"), QStringLiteral("load"), QFileInfo(path).fileName()), title, task, [this, path, tasks, task, title] {
    readArchive(path, task, title, tr("%1 is not an image archive (docker save and Wharf's Save make them).").arg(path),
                [this, tasks, task, title](const QByteArray &tar) {
                    follow(step(Calls::loadImages(m_host->client(), tar)), task, title, [this, tasks, task, title](const ProgressTracker &t) {
                        const QString msg = t.loadedImages().join(QStringLiteral(", "));
                        if (tasks && !msg.isEmpty())
                            tasks->succeed(task, msg);
                        Q_EMIT done(title, msg);
                    });
                });
    });
    return task;
}

int ImageActions::importTar(const QString &path, const QString &reference, const QStringList &changes)
{
    const QString title = tr("Import %1").arg(QFileInfo(path).fileName());
    QString repo, tag;
    if (!reference.trimmed().isEmpty()) {
        const auto ref = ImageRef::parse(reference);
        if (!ref)
            return fail(title, ref.error().message);
        repo = ref->familiarName();
        tag = ref->tag;
    }
    TaskModel *tasks = m_host->tasks();
    const int task = tasks ? tasks->begin(title) : 0;
    Request import = Request::host(QStringLiteral("image"), QStringLiteral("import"), QFileInfo(path).fileName());
    if (!repo.isEmpty())
        import.imageNames << repo + (tag.isEmpty() ? QString() : QLatin1Char(':') + tag);
    operate(import, title, task,
            [this, path, tasks, task, title, repo, tag, changes] {
    readArchive(path, task, title, tr("%1 is not a tar archive of a root file system.").arg(path),
                [this, tasks, task, title, repo, tag, changes](const QByteArray &tar) {
                    follow(step(Calls::importImage(m_host->client(), tar, repo, tag, changes)), task, title,
                           [this, tasks, task, title](const ProgressTracker &t) {
                               if (tasks)
                                   tasks->succeed(task, t.imageId());
                               Q_EMIT done(title, t.imageId());
                           });
                });
            });
    return task;
}

BuildRun *ImageActions::build(const BuildRequest &request)
{
    auto *run = new BuildRun(this);
    const QString what = request.options.tags.isEmpty() ? request.context : request.options.tags.join(QStringLiteral(", "));
    const QString title = tr("Build %1").arg(what);
    TaskModel *tasks = m_host->tasks();
    run->m_task = tasks ? tasks->begin(title) : 0;
    auto finishWith = [this, run, tasks, title](const Error &e) {
        run->m_error = e;
        run->m_finished = true;
        if (e.isError()) {
            if (tasks)
                tasks->fail(run->m_task, e.message);
            Q_EMIT failed(title, e.message);
        }
        Q_EMIT run->finished();
    };
    BuildOptions options = request.options;
    for (QString &t : options.tags) {
        const auto ref = ImageRef::parse(t);
        if (!ref) {
            QMetaObject::invokeMethod(this, [finishWith, e = ref.error()] { finishWith(e); }, Qt::QueuedConnection);
            return run;
        }
        t = ref->toString();
    }
    const bool remote = BuildContext::isRemote(request.context);
    if (remote) { // the engine fetches the context itself
        options.remote = request.context;
        options.dockerfile = request.dockerfile;
    }
    const QString folder = request.context;
    auto start = [this, run, options, tasks, title, folder, request](const PackedContext &packed) {
        if (!m_host)
            return;
        BuildOptions o = options;
        if (!packed.stats.dockerfile.isEmpty())
            o.dockerfile = packed.stats.dockerfile;
        auto line = [run](const QString &l) {
            run->m_log << l;
            Q_EMIT run->line(l);
        };
        // the logins of the known registries go along (X-Registry-Config: private base images)
        QPointer<BuildRun> alive(run);
        const QByteArray dockerfileText = o.remote.isEmpty() ? BuildContext::readDockerfile(folder, request.dockerfile) : QByteArray();
        withBuildLogins(dockerfileText, [this, alive, packed, o, line, tasks, title](const QList<RegistryAuth> &auths) {
        BuildRun *run = alive;
        if (!m_host || !run)
            return;
        DockerJob *job = step(Calls::buildImage(m_host->client(), packed.archive, packed.size, o, auths));
        run->m_job = job;
        // follow() reports the task and its progress; the run reports to its dialog.
        QPointer<BuildRun> guard(run);
        follow(
            job, run->m_task, title,
            [guard, tasks](const ProgressTracker &t) {
                if (!guard)
                    return;
                guard->m_imageId = t.imageId();
                if (tasks)
                    tasks->succeed(guard->m_task, guard->m_imageId.left(19));
                guard->m_finished = true;
                Q_EMIT guard->finished();
            },
            line,
            [guard](const Error &e) {
                if (!guard)
                    return;
                guard->m_error = e;
                guard->m_finished = true;
                Q_EMIT guard->finished();
            });
        });
    };
    Request op = Request::host(QStringLiteral("image"), QStringLiteral("build"), what);
    if (remote)
        op.remoteSource = request.context; // tenants may not have the daemon fetch remote sources
    op.imageNames = options.tags; // a tenant's are its own
    QPointer<BuildRun> runGuard(run);
    QPointer<ImageActions> self(this);
    m_host->operations()->runWork(op, [self, runGuard, title, start, request, options, remote](const QJsonObject &, Operations::Finished finished) {
        if (!self || !runGuard)
            return finished(Error::make(Error::Canceled, tr("Canceled.")), {});
        self->m_running.insert(title, finished);
        self->startBuild(runGuard, request, options, remote, start);
    }, [runGuard, finishWith](const Outcome &o) {
        if (runGuard && o.refused)
            finishWith(o.error);
    });
    return run;
}

void ImageActions::startBuild(BuildRun *run, const BuildRequest &request, BuildOptions options, bool remote,
                              std::function<void(const PackedContext &)> start)
{
    auto finishWith = [this, run, request](const Error &e) {
        TaskModel *tasks = m_host ? m_host->tasks() : nullptr;
        run->m_error = e;
        run->m_finished = true;
        if (e.isError()) {
            if (tasks)
                tasks->fail(run->m_task, e.message);
            Q_EMIT failed(tr("Build %1").arg(request.options.tags.isEmpty() ? request.context : request.options.tags.join(QStringLiteral(", "))), e.message);
        }
        Q_EMIT run->finished();
    };
    if (remote)
        return start(PackedContext{nullptr, 0, {0, 0, 0, options.dockerfile}});
    // Packing a big folder is disk work: off the UI thread.
    const QString folder = request.context;
    const QString dockerfile = request.dockerfile;
    QPointer<BuildRun> runGuard(run);
    // Into a temporary file, sent from there: memory stays flat for a context of any size.
    QtConcurrent::run([folder, dockerfile] { return BuildContext::packToFile(folder, dockerfile); })
        .then(this, [runGuard, start, finishWith](Expected<PackedContext> packed) {
            if (!runGuard)
                return;
            if (!packed)
                return finishWith(packed.error());
            const QString msg = tr("Sending build context: %1 in %2 files (%3 left out by .dockerignore)")
                                    .arg(formatSize(double(packed->size)))
                                    .arg(packed->stats.files)
                                    .arg(packed->stats.excluded);
            runGuard->m_log << msg;
            Q_EMIT runGuard->line(msg);
            start(*packed);
        });
}

} // namespace Wharf::Models
