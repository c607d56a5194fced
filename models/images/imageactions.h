#pragma once

#include "docker/buildcontext.h"
#include "docker/dockerclient.h"
#include "operations/operations.h"
#include "docker/jsonmessages.h"
#include "hosts/hostconnection.h"

#include <QHash>
#include <QSaveFile>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Wharf::Backends {
class CredentialStore;
}

namespace Wharf::Models {

class RegistryStore;
class TaskModel;

// What a build is asked to do: a local folder (packed here, honouring .dockerignore) or a
// remote context the engine fetches itself (a git URL).
struct BuildRequest
{
    QString context;    // a folder, or a git/http URL
    QString dockerfile; // empty: "Dockerfile" in the folder
    Backends::BuildOptions options;
};

// A running build: its log, line by line, and its outcome.
class BuildRun : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    QString imageId() const { return m_imageId; }
    Backends::Error error() const { return m_error; }
    bool isFinished() const { return m_finished; }
    QStringList log() const { return m_log; }
    int task() const { return m_task; }
    void cancel();

Q_SIGNALS:
    void line(const QString &text);
    void finished();

private:
    friend class ImageActions;
    QPointer<Backends::DockerJob> m_job;
    QString m_imageId;
    Backends::Error m_error;
    bool m_finished = false;
    QStringList m_log;
    int m_task = 0;
};

// Image work on one host, each a task in the task list with its progress (per-layer for pulls
// and pushes) and a way to cancel it. Registry logins come from the keychain, by the registry
// an image names, and go to the engine as X-Registry-Auth; they are kept nowhere else.
class ImageActions : public QObject
{
    Q_OBJECT
public:
    ImageActions(HostConnection *host, RegistryStore *registries, Backends::CredentialStore *credentials, QObject *parent = nullptr);

    HostConnection *host() const { return m_host; }
    RegistryStore *registries() const { return m_registries; }
    Backends::CredentialStore *credentials() const { return m_credentials; }
    int pull(const QString &reference);
    int push(const QString &reference);
    void tag(const QString &source, const QString &target);
    void remove(const QStringList &references, bool force);
    void prune(bool all);
    int save(const QStringList &references, const QString &path);
    int load(const QString &path);
    int importTar(const QString &path, const QString &reference, const QStringList &changes);
    BuildRun *build(const BuildRequest &request);
    // The login for the registry an image names, from the keychain (none: an anonymous request).
    // The logins a build with this Dockerfile sends (private base images: the list's registries
    // and those its FROM lines name).
    void withBuildLogins(const QByteArray &dockerfile, std::function<void(const QList<Backends::RegistryAuth> &)> then);
    void withAuth(const QString &reference, std::function<void(const Backends::RegistryAuth &)> then);

Q_SIGNALS:
    // Outcomes, besides the task list: for pages that follow what they started.
    void pulled(const QString &reference);
    void pushed(const QString &reference, const QString &digest);
    void failed(const QString &title, const QString &message);
    void done(const QString &title, const QString &message);

private:
    // The daemon's call of an operation that operate() started (a step of its work).
    Backends::DockerJob *step(const GatedSteps::Send &send) const { return m_host->operations()->steps().start(send); }
    // A plain call as a task: done with describe(job) as its message, or failed with the error.
    void track(Backends::DockerJob *job, const QString &title, std::function<QString(Backends::DockerJob *)> describe = {});
    // Follows a progress stream as task `task`; done gets the tracker when it all worked.
    void follow(Backends::DockerJob *job, int task, const QString &title,
                std::function<void(const Backends::ProgressTracker &)> ok, std::function<void(const QString &)> line = {},
                std::function<void(const Backends::Error &)> failedToo = {});
    int fail(const QString &title, const QString &message);
    // Runs an action through the host's operations layer: start() once the gate let it through
    // (a refusal fails task, or a new one, with the reason); the action's done or failed
    // signal for title ends the operation and its record.
    void operate(const Request &request, const QString &title, int task, std::function<void()> start);
    QHash<QString, Operations::Finished> m_running;
    void saveTo(const QStringList &references, std::shared_ptr<QSaveFile> file, TaskModel *tasks, int task, const QString &title, const QString &path);
    // After the gate: packs the context (off the UI thread) or names the remote one, then start(tar, dockerfile).
    void startBuild(BuildRun *run, const BuildRequest &request, Backends::BuildOptions options, bool remote,
                    std::function<void(const Backends::PackedContext &)> start);
    // Reads an archive (load, import) off the UI thread; a short or unreadable one fails task.
    void readArchive(const QString &path, int task, const QString &title, const QString &tooSmall,
                     std::function<void(const QByteArray &)> then);

    QPointer<HostConnection> m_host;
    RegistryStore *m_registries;
    Backends::CredentialStore *m_credentials;
};

} // namespace Wharf::Models
