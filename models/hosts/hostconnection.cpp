#include "hostconnection.h"
#include "operations/daemoncalls.h"
#include "tenancy/policygate.h"
#include "tenancy/tenancyservice.h"

#include "inventory/containerlistmodel.h"
#include "inventory/eventlistmodel.h"
#include "inventory/resourcelistmodel.h"
#include "tasks/taskmodel.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcHost, "wharf.host", QtWarningMsg)

namespace Wharf::Models {

using namespace Backends;

HostConnection::HostConnection(const HostConfig &config, TaskModel *tasks, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_tasks(tasks)
    , m_containers(new ContainerListModel(this))
    , m_volumes(ResourceListModel::createVolumeModel(this))
    , m_networks(ResourceListModel::createNetworkModel(this))
    , m_images(ResourceListModel::createImageModel(this))
    , m_events(new EventListModel(10000, this))
    , m_ops(new Operations(config.name, this))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        setState(Reconnecting, m_reason);
        m_client->resetNegotiation();
        m_client->negotiate();
    });
    m_heartbeat.setInterval(15000);
    connect(&m_heartbeat, &QTimer::timeout, this, &HostConnection::heartbeat);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, &HostConnection::flushDirty);
    connect(m_containers, &ContainerListModel::containersChanged, this, &HostConnection::updateUsage);

    auto ep = config.endpoint();
    if (ep) {
        m_client = new DockerClient(*ep, this);
    } else {
        // Keep an object to talk to; every call reports the configuration error.
        m_client = new DockerClient(Endpoint(), this);
        m_reason = ep.error().message;
    }
    connect(m_client, &DockerClient::negotiated, this, &HostConnection::onNegotiated);
    connect(m_client, &DockerClient::negotiationFailed, this, [this](const Error &e) { scheduleReconnect(e.message); });
}

HostConnection::~HostConnection()
{
    m_wanted = false;
    if (m_eventJob)
        m_eventJob->disconnect(this);
}

QString HostConnection::stateText() const
{
    switch (m_state) {
    case Disconnected:
        return tr("Disconnected");
    case Connecting:
        return tr("Connecting");
    case Up:
        return tr("Connected");
    case Down:
        return tr("Down: %1").arg(m_reason);
    case Reconnecting:
        return tr("Reconnecting (attempt %1)").arg(m_attempt);
    }
    return {};
}

void HostConnection::setState(State s, const QString &reason)
{
    m_reason = reason;
    if (s == m_state && s != Down)
        return;
    m_state = s;
    qCDebug(lcHost) << m_config.name << s << reason;
    if (s == Up)
        m_heartbeat.start();
    else
        m_heartbeat.stop();
    Q_EMIT stateChanged(s);
}

void HostConnection::setHeartbeat(int intervalMs, int timeoutMs)
{
    m_heartbeat.setInterval(intervalMs);
    m_heartbeatTimeout = timeoutMs;
}

void HostConnection::heartbeat()
{
    if (m_state != Up || m_pingJob)
        return;
    const quint64 generation = m_generation;
    m_pingJob = m_client->ping(m_heartbeatTimeout);
    DockerJob *job = m_pingJob;
    connect(job, &DockerJob::finished, this, [this, job, generation] {
        job->deleteLater();
        if (!job->isError() && generation == m_generation)
            ++m_heartbeatsAnswered;
        if (!job->isError() || generation != m_generation || m_state != Up)
            return;
        // The event stream may look alive on a connection that no longer carries anything.
        if (m_eventJob) {
            m_eventJob->disconnect(this);
            m_eventJob->abort();
            m_eventJob->deleteLater();
        }
        m_client->dropIdleConnections();
        // An SSH session on a dead network still looks open: start over with a new one.
        if (m_client->endpoint().scheme() == Endpoint::Ssh)
            m_client->setEndpoint(m_client->endpoint());
        scheduleReconnect(tr("No answer to the heartbeat: %1").arg(job->error().message));
    });
}

void HostConnection::setBackoff(int initialMs, int maxMs)
{
    m_backoffInitial = initialMs;
    m_backoffMax = maxMs;
}

void HostConnection::updateLabels(const HostConfig &config)
{
    if (config.name == m_config.name && config.group == m_config.group)
        return;
    m_config.name = config.name;
    m_config.group = config.group;
    m_ops->setHost(config.name);
    Q_EMIT labelsChanged();
}

void HostConnection::connectToHost()
{
    m_wanted = true;
    const auto configured = config().endpoint();
    if (!configured) {
        setState(Down, configured.error().message);
        return;
    }
    setState(Connecting);
    if (!m_sshConfigured && configured->scheme() == Endpoint::Ssh) {
        // The session asks its questions through the console and keeps secrets in the keychain.
        Endpoint ep = *configured;
        SshSettings s = ep.sshSettings();
        s.interaction = m_sshInteraction;
        s.credentials = m_credentials;
        ep.setSshSettings(s);
        m_client->setEndpoint(ep);
        m_sshConfigured = true;
    }
    if (m_config.tlsKeyInKeychain && !m_secretsLoaded) {
        // The client key comes from the keychain; the client is configured once it is there.
        if (!m_credentials) {
            setState(Down, tr("The TLS key of this host is kept in the keychain, and no keychain is available."));
            return;
        }
        const quint64 generation = m_generation;
        QPointer<HostConnection> self(this);
        m_credentials->read(m_config.secretKey(u"tls-key"), [self, generation](const Expected<QByteArray> &key) {
            if (!self || generation != self->m_generation || !self->m_wanted)
                return;
            if (!key) {
                self->setState(Down, key.error().kind == Error::NotFound
                                         ? tr("The TLS key of this host is missing from the keychain; add the host again.")
                                         : key.error().message);
                return;
            }
            HostConfig c = self->m_config;
            c.tls.clientKeyPem = *key;
            auto ep = c.endpoint();
            if (!ep) {
                self->setState(Down, ep.error().message);
                return;
            }
            self->m_client->setEndpoint(*ep);
            self->m_secretsLoaded = true;
            self->m_client->negotiate();
        });
        return;
    }
    m_client->negotiate();
}

void HostConnection::reconnectNow()
{
    disconnectFromHost();
    m_sshConfigured = false;
    m_secretsLoaded = false;
    m_attempt = 0;
    m_client->resetNegotiation();
    connectToHost();
}

void HostConnection::disconnectFromHost()
{
    m_wanted = false;
    ++m_generation;
    m_reconnectTimer.stop();
    if (m_eventJob) {
        m_eventJob->disconnect(this);
        m_eventJob->abort();
        m_eventJob->deleteLater();
    }
    setState(Disconnected);
}

void HostConnection::scheduleReconnect(const QString &reason)
{
    ++m_generation;
    if (!m_wanted)
        return;
    // Delay: initial * 2^attempt, capped, with +-20 % jitter so many consoles do not return at once.
    const double base = std::min<double>(m_backoffMax, m_backoffInitial * std::pow(2.0, std::min(m_attempt, 16)));
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = int(std::min<double>(m_backoffMax, base * jitter));
    ++m_attempt;
    setState(Down, reason);
    m_reconnectTimer.start(delay);
}

void HostConnection::onNegotiated()
{
    const quint64 gen = ++m_generation;
    DockerJob *v = m_client->version();
    connect(v, &DockerJob::finished, this, [this, v] {
        v->deleteLater();
        if (!v->isError())
            m_serverVersion = v->json().object().value(QLatin1String("Version")).toString();
    });
    Q_UNUSED(gen);
    openEvents();
}

void HostConnection::openEvents()
{
    if (m_eventJob) {
        m_eventJob->disconnect(this);
        m_eventJob->abort();
        m_eventJob->deleteLater();
    }
    m_splitter.takeRest();
    EventOptions o;
    if (m_events->lastTimeNano() > 0) {
        // The events missed while away, as far as the daemon still has them; duplicates are dropped.
        const qint64 ns = m_events->lastTimeNano();
        o.since = QStringLiteral("%1.%2").arg(ns / 1000000000).arg(ns % 1000000000, 9, 10, QLatin1Char('0'));
    }
    m_eventJob = m_client->events(o);
    const quint64 gen = m_generation;
    connect(m_eventJob, &DockerJob::started, this, [this, gen] {
        if (gen == m_generation)
            listAll();
    });
    connect(m_eventJob, &DockerJob::dataReceived, this, &HostConnection::onEventData);
    connect(m_eventJob, &DockerJob::finished, this, &HostConnection::onEventsEnded);
}

void HostConnection::onEventData(const QByteArray &data)
{
    Error err;
    const auto lines = m_splitter.feed(data.constData(), data.size(), &err);
    for (const auto &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            handleEvent(doc.object());
    }
    if (err.isError())
        qCWarning(lcHost) << err.message;
}

void HostConnection::onEventsEnded()
{
    DockerJob *job = qobject_cast<DockerJob *>(sender());
    if (job)
        job->deleteLater();
    if (!m_wanted)
        return;
    // A stream that ends cleanly is a disconnect too.
    const QString reason = job && job->isError() ? job->error().message : tr("The daemon closed the event stream.");
    scheduleReconnect(reason);
}

void HostConnection::handleEvent(const QJsonObject &e)
{
    m_events->append(e);
    const QString type = e.value(QLatin1String("Type")).toString();
    const QString action = e.value(QLatin1String("Action")).toString();
    const QJsonObject actor = e.value(QLatin1String("Actor")).toObject();
    const QString id = actor.value(QLatin1String("ID")).toString();
    if (type == QLatin1String("container")) {
        if (action.startsWith(QLatin1String("exec_")) || action == QLatin1String("top") || action == QLatin1String("resize")
            || action == QLatin1String("attach") || action == QLatin1String("archive-path")
            || action == QLatin1String("extract-to-dir") || action == QLatin1String("copy") || action == QLatin1String("export"))
            return;
        if (action == QLatin1String("destroy")) {
            m_dirtyContainers.remove(id);
            m_expectedState.remove(id);
            if (m_listing)
                m_destroyedWhileListing.insert(id);
            m_containers->remove(id);
            updateUsage();
            return;
        }
        m_dirtyContainers.insert(id);
        static const QHash<QString, QString> implied{{QStringLiteral("pause"), QStringLiteral("paused")},
                                                     {QStringLiteral("unpause"), QStringLiteral("running")},
                                                     {QStringLiteral("start"), QStringLiteral("running")},
                                                     {QStringLiteral("restart"), QStringLiteral("running")}};
        if (const auto it = implied.constFind(action); it != implied.cend())
            m_expectedState.insert(id, {*it, 8});
        else
            m_expectedState.remove(id); // die, stop, kill, …: what the list says is the truth
        if (action == QLatin1String("die") || action == QLatin1String("destroy"))
            m_dirtyVolumes = true; // anonymous volumes may go with --rm
    } else if (type == QLatin1String("image")) {
        if (action == QLatin1String("push") || action == QLatin1String("save"))
            return;
        m_dirtyImages = true;
    } else if (type == QLatin1String("volume")) {
        if (action == QLatin1String("create") || action == QLatin1String("destroy"))
            m_dirtyVolumes = true;
    } else if (type == QLatin1String("network")) {
        m_dirtyNetworks = true;
        const QString container = actor.value(QLatin1String("Attributes")).toObject().value(QLatin1String("container")).toString();
        if (!container.isEmpty())
            m_dirtyContainers.insert(container);
    } else {
        return;
    }
    scheduleFlush();
}

void HostConnection::checkExpectedStates(const QStringList &listed, quint64 generation)
{
    QStringList again;
    for (const QString &id : listed) {
        auto it = m_expectedState.find(id);
        if (it == m_expectedState.end())
            continue;
        const ContainerRow *row = m_containers->row(id);
        if (!row || row->state == it->first || --it->second <= 0) {
            m_expectedState.erase(it);
            continue;
        }
        again << id;
    }
    if (again.isEmpty())
        return;
    QTimer::singleShot(250, this, [this, again, generation] {
        if (generation != m_generation)
            return;
        for (const QString &id : again)
            if (m_expectedState.contains(id))
                m_dirtyContainers.insert(id);
        scheduleFlush();
    });
}

void HostConnection::scheduleFlush()
{
    if (!m_flushTimer.isActive() && !m_listing)
        m_flushTimer.start();
}

void HostConnection::flushDirty()
{
    if (m_listing || m_state != Up) {
        return; // listAll() covers it, or the next sync will
    }
    if (m_dirtyVolumes) {
        m_dirtyVolumes = false;
        listVolumes();
    }
    if (m_dirtyNetworks) {
        m_dirtyNetworks = false;
        listNetworks();
    }
    if (m_dirtyImages) {
        m_dirtyImages = false;
        listImages();
    }
    if (m_dirtyContainers.isEmpty())
        return;
    const QStringList ids(m_dirtyContainers.begin(), m_dirtyContainers.end());
    m_dirtyContainers.clear();
    m_listing = true;
    m_destroyedWhileListing.clear();
    const quint64 gen = m_generation;
    DockerJob *job = ids.size() > 200 ? m_client->listContainers(true)
                                      : m_client->listContainers(true, Filters{{QStringLiteral("id"), ids}});
    const bool full = ids.size() > 200;
    connect(job, &DockerJob::finished, this, [this, job, ids, gen, full] {
        job->deleteLater();
        m_listing = false;
        if (gen != m_generation)
            return;
        if (job->isError()) {
            for (const auto &id : ids)
                m_dirtyContainers.insert(id);
        } else if (full) {
            m_containers->applyList(withoutDestroyed(job->json().array()));
        } else {
            m_containers->applyPartial(ids, withoutDestroyed(job->json().array()));
        }
        m_destroyedWhileListing.clear();
        if (!job->isError())
            checkExpectedStates(ids, gen);
        if (!m_dirtyContainers.isEmpty() || m_dirtyVolumes || m_dirtyNetworks || m_dirtyImages)
            scheduleFlush();
    });
}

void HostConnection::listAll()
{
    const quint64 gen = m_generation;
    m_listing = true;
    m_dirtyContainers.clear();
    m_destroyedWhileListing.clear();
    auto pending = std::make_shared<int>(4);
    auto failed = std::make_shared<QString>();
    auto done = [this, gen, pending, failed] {
        if (--*pending > 0 || gen != m_generation)
            return;
        m_listing = false;
        m_destroyedWhileListing.clear();
        if (!failed->isEmpty()) {
            scheduleReconnect(*failed);
            return;
        }
        m_attempt = 0;
        setState(Up);
        Q_EMIT synced();
        if (!m_dirtyContainers.isEmpty() || m_dirtyVolumes || m_dirtyNetworks || m_dirtyImages)
            scheduleFlush();
    };
    DockerJob *c = m_client->listContainers(true);
    connect(c, &DockerJob::finished, this, [this, c, gen, done, failed] {
        c->deleteLater();
        if (gen != m_generation)
            return;
        if (c->isError()) {
            *failed = c->error().message;
            done();
            return;
        }
        const QJsonArray list = c->json().array();
        if (list.size() < 200) {
            m_containers->applyList(withoutDestroyed(list));
            done();
            return;
        }
        // A big list becomes rows on a worker thread; only the model update runs here.
        QtConcurrent::run([list] { return ContainerListModel::rowsFromList(list); })
            .then(this, [this, gen, done](QList<ContainerRow> rows) {
                if (gen != m_generation)
                    return;
                rows.removeIf([this](const ContainerRow &r) { return m_destroyedWhileListing.contains(r.id); });
                m_containers->applyRows(rows);
                done();
            });
    });
    DockerJob *v = m_client->listVolumes();
    connect(v, &DockerJob::finished, this, [this, v, gen, done, failed] {
        v->deleteLater();
        if (gen != m_generation)
            return;
        if (v->isError())
            *failed = v->error().message;
        else
            m_volumes->applyList(v->json().object().value(QLatin1String("Volumes")).toArray());
        done();
    });
    DockerJob *im = m_client->listImages();
    connect(im, &DockerJob::finished, this, [this, im, gen, done, failed] {
        im->deleteLater();
        if (gen != m_generation)
            return;
        if (im->isError())
            *failed = im->error().message;
        else
            m_images->applyList(ResourceListModel::flattenImages(im->json().array()));
        done();
    });
    DockerJob *n = m_client->listNetworks();
    connect(n, &DockerJob::finished, this, [this, n, gen, done, failed] {
        n->deleteLater();
        if (gen != m_generation)
            return;
        if (n->isError())
            *failed = n->error().message;
        else
            m_networks->applyList(n->json().array());
        done();
    });
}

QJsonArray HostConnection::withoutDestroyed(QJsonArray list)
{
    if (m_destroyedWhileListing.isEmpty())
        return list;
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        const QString id = list.at(i).toObject().value(QLatin1String("Id")).toString();
        if (m_destroyedWhileListing.contains(id))
            list.removeAt(i);
    }
    return list;
}

void HostConnection::listVolumes()
{
    DockerJob *v = m_client->listVolumes();
    connect(v, &DockerJob::finished, this, [this, v] {
        v->deleteLater();
        if (!v->isError())
            m_volumes->applyList(v->json().object().value(QLatin1String("Volumes")).toArray());
    });
}

void HostConnection::listNetworks()
{
    DockerJob *n = m_client->listNetworks();
    connect(n, &DockerJob::finished, this, [this, n] {
        n->deleteLater();
        if (!n->isError())
            m_networks->applyList(n->json().array());
    });
}

void HostConnection::listImages()
{
    DockerJob *j = m_client->listImages();
    connect(j, &DockerJob::finished, this, [this, j] {
        j->deleteLater();
        if (!j->isError())
            m_images->applyList(ResourceListModel::flattenImages(j->json().array()));
    });
}

void HostConnection::updateUsage()
{
    QHash<QString, QStringList> vols, nets, images;
    for (int r = 0; r < m_containers->rowCount(); ++r) {
        const ContainerRow &row = m_containers->rowAt(r);
        if (!row.imageId.isEmpty())
            images[row.imageId] << row.name;
        for (const auto &v : row.volumes)
            vols[v] << row.name;
        for (const auto &n : row.networks)
            nets[n] << row.name;
    }
    m_volumes->setUsage(vols);
    m_networks->setUsage(nets);
    m_images->setUsage(images);
}

// Gate --------------------------------------------------------------------------------
// Every gate call runs on the tenancy service's database thread, in order, never on the
// window's: a shared PostgreSQL costs a round trip per call.

void HostConnection::setTenancy(TenancyService *tenancy)
{
    m_tenancy = tenancy;
    // Every change goes through the operations layer, which runs the gate on the service's thread.
    m_ops->setRunner(gated() ? m_tenancy->runner() : GateRunner{}, gated() && m_tenancy->isTenant());
    // A tenant's console lists the tenant's own containers and volumes (labels find them; the
    // gate checks ownership in the database before any action).
    const QString owner = actsForTenant() ? m_tenancy->principal().tenant : QString();
    const QString label = owner.isEmpty() ? QString() : QString::fromLatin1(PolicyGate::TenantLabel);
    m_containers->setOwner(label, owner);
    m_volumes->setOwner(label, owner);
    // a tenant's own networks, and the daemon's bridge and none, which every container may join
    m_networks->setOwner(label, owner, {QStringLiteral("bridge"), QStringLiteral("none")});
    if (m_state == Up)
        listAll();
}

bool HostConnection::gated() const
{
    return m_tenancy && m_tenancy->gate();
}

bool HostConnection::actsForTenant() const
{
    return gated() && m_tenancy->isTenant();
}

void HostConnection::perform(const Request &request, const QString &title, Operations::Send send, Operations::Done done)
{
    // The task shows once the request goes out (a refusal is a message, not a task).
    auto task = std::make_shared<int>(0);
    QPointer<TaskModel> tasks(m_tasks);
    QPointer<HostConnection> self(this);
    m_ops->run(request, [tasks, task, title, send](const QJsonObject &body) {
        if (tasks)
            *task = tasks->begin(title);
        return send(body);
    }, [self, tasks, task, title, done](const Outcome &o) {
        if (tasks && *task) {
            if (o.ok())
                tasks->succeed(*task);
            else
                tasks->fail(*task, o.error.message);
        }
        if (!o.ok() && self)
            Q_EMIT self->actionFailed(tr("%1: %2").arg(title, o.error.message));
        if (done)
            done(o);
    });
}

void HostConnection::read(Read what, const QString &ref, QObject *context, ReadDone done)
{
    if (!m_client) {
        done(Error::make(Error::Connect, tr("%1 is not connected.").arg(m_config.name)));
        return;
    }
    DockerJob *job = nullptr;
    switch (what) {
    case Read::Container: job = m_client->inspectContainer(ref); break;
    case Read::Image: job = m_client->inspectImage(ref); break;
    case Read::ImageHistory: job = m_client->imageHistory(ref); break;
    case Read::Volume: job = m_client->inspectVolume(ref); break;
    case Read::Network: job = m_client->inspectNetwork(ref); break;
    case Read::Info: job = m_client->info(); break;
    }
    whenFinished(job, context, [done = std::move(done)](DockerJob *j) {
        if (j->isError())
            return done(j->error());
        done(j->json());
    });
}

// Actions ------------------------------------------------------------------------------

void HostConnection::containerAction(Action action, const QStringList &ids)
{
    for (const QString &id : ids) {
        const ContainerRow *row = m_containers->row(id);
        const QString name = row ? row->name : id.left(12);
        switch (action) {
        case Action::Start:
            perform(Request::act(QStringLiteral("container"), QStringLiteral("start"), name).on(id), tr("Start %1").arg(name),
                    Calls::startContainer(m_client, id));
            break;
        case Action::Stop:
            perform(Request::act(QStringLiteral("container"), QStringLiteral("stop"), name).on(id), tr("Stop %1").arg(name),
                    Calls::stopContainer(m_client, id));
            break;
        case Action::Restart:
            perform(Request::act(QStringLiteral("container"), QStringLiteral("restart"), name).on(id), tr("Restart %1").arg(name),
                    Calls::restartContainer(m_client, id));
            break;
        case Action::Kill:
            perform(Request::act(QStringLiteral("container"), QStringLiteral("kill"), name).on(id), tr("Kill %1").arg(name),
                    Calls::killContainer(m_client, id));
            break;
        case Action::Pause:
            perform(Request::act(QStringLiteral("container"), QStringLiteral("pause"), name).on(id), tr("Pause %1").arg(name),
                    Calls::pauseContainer(m_client, id));
            break;
        case Action::Unpause:
            perform(Request::act(QStringLiteral("container"), QStringLiteral("unpause"), name).on(id), tr("Resume %1").arg(name),
                    Calls::unpauseContainer(m_client, id));
            break;
        case Action::Remove:
        case Action::ForceRemove: {
            const bool force = action == Action::ForceRemove;
            // A removal gives the quota back (whoever removed it).
            perform(Request::remove(QStringLiteral("container"), name).on(id), tr("Remove %1").arg(name),
                    Calls::removeContainer(m_client, id, force));
            break;
        }
        }
    }
}

void HostConnection::createContainer(const ContainerSpec &spec, bool start, std::function<void(const Expected<QString> &)> done)
{
    const QString title = tr("Create %1").arg(spec.name.isEmpty() ? spec.image : spec.name);
    const QString name = spec.name;
    perform(Request::create(QStringLiteral("container"), name, spec.toCreateBody()), title,
            Calls::createContainer(m_client, name),
            [this, start, name, done](const Outcome &o) {
                if (done)
                    done(o.ok() ? Expected<QString>(o.id) : Expected<QString>(o.error));
                if (!o.ok() || !start)
                    return;
                const QString id = o.id;
                const QString shown = name.isEmpty() ? id.left(12) : name;
                perform(Request::act(QStringLiteral("container"), QStringLiteral("start"), shown).on(id), tr("Start %1").arg(shown),
                        Calls::startContainer(m_client, id));
            });
}

void HostConnection::updateContainer(const QString &id, qint64 nanoCpus, qint64 memoryBytes)
{
    const ContainerRow *row = m_containers->row(id);
    const QString name = row ? row->name : id.left(12);
    QJsonObject update;
    if (nanoCpus >= 0)
        update.insert(QStringLiteral("NanoCpus"), nanoCpus);
    if (memoryBytes >= 0) {
        update.insert(QStringLiteral("Memory"), memoryBytes);
        // as much swap again, as docker gives a new container; a definite value lets the
        // runtime raise both limits in the right order on cgroup v1
        update.insert(QStringLiteral("MemorySwap"), memoryBytes > 0 ? memoryBytes * 2 : -1);
    }
    perform(Request::update(name, update).on(id), tr("Change the limits of %1").arg(name),
            Calls::updateContainer(m_client, id));
}

void HostConnection::createVolume(const QString &name, const QString &driver)
{
    QJsonObject body{{QStringLiteral("Driver"), driver.isEmpty() ? QStringLiteral("local") : driver}};
    if (!name.isEmpty())
        body.insert(QStringLiteral("Name"), name);
    perform(Request::create(QStringLiteral("volume"), name, body), tr("Create volume %1").arg(name),
            Calls::createVolume(m_client));
}

void HostConnection::removeVolume(const QString &name)
{
    perform(Request::remove(QStringLiteral("volume"), name), tr("Remove volume %1").arg(name),
            Calls::removeVolume(m_client, name));
}

void HostConnection::createNetwork(const QString &name, const QString &driver)
{
    const QJsonObject body{{QStringLiteral("Name"), name},
                           {QStringLiteral("Driver"), driver.isEmpty() ? QStringLiteral("bridge") : driver},
                           {QStringLiteral("CheckDuplicate"), true}};
    // A tenant's network is a plain bridge of its own (the gate records it).
    perform(Request::create(QStringLiteral("network"), name, body), tr("Create network %1").arg(name),
            Calls::createNetwork(m_client));
}

void HostConnection::removeNetwork(const QString &id)
{
    const int r = m_networks->indexOfKey(id);
    const QString name = r >= 0 ? m_networks->objectAt(r).value(QLatin1String("Name")).toString() : id.left(12);
    perform(Request::remove(QStringLiteral("network"), name), tr("Remove network %1").arg(name),
            Calls::removeNetwork(m_client, id));
}

} // namespace Wharf::Models
