#include "localregistry.h"

#include "docker/imageref.h"
#include "docker/jsonmessages.h"
#include "operations/daemoncalls.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QHostAddress>
#include <QTimer>

namespace Wharf::Models {

using namespace Backends;

static bool isLoopbackName(const QString &host)
{
    QHostAddress a;
    return host == QLatin1String("localhost") || (a.setAddress(host) && a.isLoopback());
}

LocalRegistryDeployer::LocalRegistryDeployer(DockerClient *client, Operations *operations, RegistryStore *store, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_operations(operations)
    , m_steps(operations->steps())
    , m_store(store)
    , m_options(std::move(options))
{
    if (m_options.volume.isEmpty())
        m_options.volume = QStringLiteral("wharf-registry-") + m_options.name;
    if (m_options.address.isEmpty()) {
        const Endpoint &ep = client->endpoint();
        m_options.address = ep.scheme() == Endpoint::Unix || ep.scheme() == Endpoint::Npipe ? QStringLiteral("127.0.0.1") : ep.host();
    }
}

void LocalRegistryDeployer::fail(const Error &e)
{
    if (!m_containerId.isEmpty() && m_client) {
        // Leave nothing half made: the container goes again (the volume and its data stay).
        m_steps.remove(QStringLiteral("container"), m_containerId, Calls::removeContainer(m_client, m_containerId, true), m_client.data(),
                       [](const Error &, const QString &, DockerJob *) {});
    }
    if (m_settled)
        m_settled(e, {});
    Q_EMIT finished(e);
}

void LocalRegistryDeployer::cancel()
{
    m_canceled = true;
    if (m_pull && !m_pull->isFinished())
        m_pull->abort();
}

bool LocalRegistryDeployer::stoppedByCancel()
{
    if (!m_canceled)
        return false;
    fail(Error::make(Error::Canceled, tr("Canceled.")));
    return true;
}

void LocalRegistryDeployer::start()
{
    QPointer<LocalRegistryDeployer> self(this);
    m_operations->runWork(Request::admin(QStringLiteral("registry"), QStringLiteral("run"), m_options.name),
                          [self](const QJsonObject &, Operations::Finished settled) {
                              if (!self)
                                  return settled(Error::make(Error::Canceled, tr("Canceled.")), {});
                              self->m_settled = std::move(settled);
                              self->begin();
                          },
                          [self](const Outcome &out) {
                              if (self && out.refused)
                                  Q_EMIT self->finished(out.error, true);
                          });
}

void LocalRegistryDeployer::begin()
{
    if (m_options.name.trimmed().isEmpty() || m_options.name.contains(QLatin1Char('/')))
        return fail(Error::make(Error::Input, tr("A registry needs a name without '/'.")));
    if (m_store->find(m_options.name))
        return fail(Error::make(Error::Input, tr("There is already a registry named \"%1\".").arg(m_options.name)));
    if (m_options.port < 1 || m_options.port > 65535)
        return fail(Error::make(Error::Input, tr("The port must be between 1 and 65535.")));
    const Endpoint &ep = m_client->endpoint();
    const bool localHost = ep.scheme() == Endpoint::Unix || ep.scheme() == Endpoint::Npipe || isLoopbackName(ep.host());
    if (!localHost && isLoopbackName(m_options.bindAddress) && !isLoopbackName(m_options.address))
        return fail(Error::make(Error::Input, tr("On %1 the registry would be published on that host's loopback, which this console "
                                                 "cannot reach. Publish it on an address of the host (and protect it with a "
                                                 "firewall or TLS in front), or run it on this machine's engine.")
                                                  .arg(ep.host())));
    const QString authority = m_options.address + QLatin1Char(':') + QString::number(m_options.port);
    for (const auto &r : m_store->registries())
        if (QUrl(r.url).authority() == authority)
            return fail(Error::make(Error::Input, tr("%1 is already in the registry list as \"%2\".").arg(authority, r.name)));
    ensureImage();
}

void LocalRegistryDeployer::ensureImage()
{
    Q_EMIT progress(tr("Looking for the image %1").arg(m_options.image));
    DockerJob *job = m_client->inspectImage(m_options.image);
    connect(job, &DockerJob::finished, this, [this, job] {
        job->deleteLater();
        if (stoppedByCancel())
            return;
        if (!job->isError())
            return createVolume();
        if (job->statusCode() != 404)
            return fail(job->error());
        Q_EMIT progress(tr("Pulling %1").arg(m_options.image));
        auto ref = ImageRef::parse(m_options.image);
        if (!ref)
            return fail(ref.error());
        DockerJob *pull = m_pull = m_steps.start(Calls::pullImage(m_client, ref->toString()));
        auto stream = std::make_shared<JsonMessageStream>();
        auto tracker = std::make_shared<ProgressTracker>();
        connect(pull, &DockerJob::dataReceived, this, [stream, tracker](const QByteArray &d) {
            for (const auto &m : stream->feed(d))
                tracker->apply(m);
        });
        connect(pull, &DockerJob::finished, this, [this, pull, tracker] {
            pull->deleteLater();
            if (stoppedByCancel())
                return;
            if (pull->isError())
                return fail(pull->error());
            if (tracker->hasError())
                return fail(Error::make(Error::Http, tr("Pulling %1 failed: %2").arg(m_options.image, tracker->errorMessage())));
            createVolume();
        });
    });
}

void LocalRegistryDeployer::createVolume()
{
    if (stoppedByCancel())
        return;
    Q_EMIT progress(tr("Creating the volume %1").arg(m_options.volume));
    const QJsonObject labels{{QStringLiteral("io.wharf.managed-by"), QStringLiteral("wharf")},
                             {QStringLiteral("io.wharf.registry"), m_options.name}};
    m_steps.create(QStringLiteral("volume"), m_options.volume, QJsonObject{{QStringLiteral("Name"), m_options.volume}, {QStringLiteral("Labels"), labels}},
                   Calls::createVolume(m_client), this, [this](const Error &e, const QString &, DockerJob *) {
                       if (e.isError())
                           return fail(e);
                       createContainer();
                   });
}

void LocalRegistryDeployer::createContainer()
{
    if (stoppedByCancel())
        return;
    Q_EMIT progress(tr("Starting the registry container"));
    const QJsonObject labels{{QStringLiteral("io.wharf.managed-by"), QStringLiteral("wharf")},
                             {QStringLiteral("io.wharf.registry"), m_options.name}};
    QJsonObject binding;
    binding.insert(QStringLiteral("HostIp"), m_options.bindAddress);
    binding.insert(QStringLiteral("HostPort"), QString::number(m_options.port));
    QJsonObject ports;
    ports.insert(QStringLiteral("5000/tcp"), QJsonArray({binding}));
    QJsonObject host;
    host.insert(QStringLiteral("Binds"), QJsonArray({QString(m_options.volume + QStringLiteral(":/var/lib/registry"))}));
    host.insert(QStringLiteral("PortBindings"), ports);
    host.insert(QStringLiteral("RestartPolicy"), QJsonObject{{QStringLiteral("Name"), QStringLiteral("unless-stopped")}});
    const QJsonObject config{{QStringLiteral("Image"), m_options.image},
                             {QStringLiteral("Env"), QJsonArray({QStringLiteral("REGISTRY_STORAGE_DELETE_ENABLED=true")})},
                             {QStringLiteral("ExposedPorts"), QJsonObject{{QStringLiteral("5000/tcp"), QJsonObject()}}},
                             {QStringLiteral("Labels"), labels},
                             {QStringLiteral("HostConfig"), host}};
    const QString name = QStringLiteral("wharf-registry-") + m_options.name;
    m_steps.create(QStringLiteral("container"), name, config, Calls::createContainer(m_client, name), this, [this](const Error &e, const QString &id, DockerJob *) {
        if (e.isError())
            return fail(e);
        m_containerId = id;
        m_steps.act(Calls::startContainer(m_client, m_containerId), this, [this](const Error &e, const QString &, DockerJob *) {
            if (e.isError())
                return fail(e);
            Q_EMIT progress(tr("Waiting for the registry to answer"));
            waitReady(0);
        });
    });
}

void LocalRegistryDeployer::waitReady(int attempt)
{
    if (stoppedByCancel())
        return;
    const QString url = QStringLiteral("http://%1:%2").arg(m_options.address).arg(m_options.port);
    auto *client = new RegistryClient(QUrl(url), this);
    client->setTimeout(3000);
    client->ping([this, client, attempt, url](const Error &e) {
        client->deleteLater();
        if (e.isError()) {
            if (attempt >= 40)
                return fail(Error::make(e.kind, tr("The registry container started but did not answer at %1: %2").arg(url, e.message)));
            QTimer::singleShot(250, this, [this, attempt] { waitReady(attempt + 1); });
            return;
        }
        m_result = RegistryConfig{m_options.name, url, m_options.hostId, m_containerId};
        if (auto err = m_store->add(m_result); err.isError())
            return fail(err);
        if (m_settled)
            m_settled({}, m_result.url);
        Q_EMIT finished({});
    });
}

} // namespace Wharf::Models
