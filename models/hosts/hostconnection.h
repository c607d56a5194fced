#pragma once

#include <memory>

#include "docker/containerspec.h"
#include "docker/dockerclient.h"
#include "hoststore.h"
#include "operations/operations.h"
#include "http/socketframe.h"
#include "secrets/credentialstore.h"
#include "tenancy/tenancyservice.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcHost)

namespace Wharf::Models {


class ContainerListModel;
class ResourceListModel;
class EventListModel;
class TaskModel;

// One Docker host as the console sees it: a connection state machine and the inventory
// (containers, images, volumes, networks, events) kept live from GET /events. Listed once, then
// followed; after a disconnect it reconnects with jittered backoff (capped at 30 s), asks for
// the events it missed and lists again, changing rows in place.
class HostConnection : public QObject
{
    Q_OBJECT
public:
    enum State { Disconnected, Connecting, Up, Down, Reconnecting };
    Q_ENUM(State)

    HostConnection(const HostConfig &config, TaskModel *tasks, QObject *parent = nullptr);
    ~HostConnection() override;

    const HostConfig &config() const { return m_config; }
    // Name and group changed in the host list (the address cannot change under a connection).
    void updateLabels(const HostConfig &config);
    State state() const { return m_state; }
    QString stateText() const;
    QString reason() const { return m_reason; }
    Backends::DockerClient *client() const { return m_client; }
    ContainerListModel *containers() const { return m_containers; }
    ResourceListModel *volumes() const { return m_volumes; }
    ResourceListModel *networks() const { return m_networks; }
    ResourceListModel *images() const { return m_images; }
    TaskModel *tasks() const { return m_tasks; }
    EventListModel *events() const { return m_events; }
    // A listing of containers is on its way (its answer is applied when it comes).
    bool isListing() const { return m_listing; }
    QString serverVersion() const { return m_serverVersion; }

    // Where the host's secrets are (its TLS key, when the key is kept in the keychain).
    void setCredentialStore(Backends::CredentialStore *store) { m_credentials = store; }
    // Who answers an ssh:// host's questions (host keys, passphrases): the console's dialogs.
    void setSshInteraction(std::shared_ptr<Backends::SshInteraction> interaction) { m_sshInteraction = std::move(interaction); }
    void connectToHost();
    void disconnectFromHost();
    // Connect again now, from scratch: a new SSH session that asks again what was declined.
    void reconnectNow();
    // For tests: the first retry delay and the cap (defaults 1 s and 30 s).
    void setBackoff(int initialMs, int maxMs);
    // While up, /_ping every intervalMs; no answer within timeoutMs counts as a disconnect (a
    // silent network, a frozen daemon). Defaults 15 s and 10 s.
    void setHeartbeat(int intervalMs, int timeoutMs);
    // Heartbeats the daemon has answered since this object was made.
    int heartbeatsAnswered() const { return m_heartbeatsAnswered; }
    int reconnectAttempts() const { return m_attempt; }

    // Actions: each is a task in the task list; the result shows up through the event stream.
    enum class Action { Start, Stop, Restart, Kill, Pause, Unpause, Remove, ForceRemove };
    void containerAction(Action action, const QStringList &ids);
    // Every mutating request passes the policy gate of the platform database, when one is
    // open: on its thread, before the request goes out (tenants: options, domain, ownership,
    // quota). A refusal comes as actionFailed; done (optional) gets the new id or the error.
    void setTenancy(TenancyService *tenancy);
    TenancyService *tenancy() const { return m_tenancy; }
    // Requests pass the policy gate (there is a platform database).
    bool gated() const;
    // This console acts within a tenant (its database role is a tenant's).
    bool actsForTenant() const;
    void createContainer(const Backends::ContainerSpec &spec, bool start, std::function<void(const Backends::Expected<QString> &)> done = {});
    // docker update: new limits (-1 keeps one); a tenant's growth is held to its plan.
    void updateContainer(const QString &id, qint64 nanoCpus, qint64 memoryBytes);
    // The one way changes reach this host (policy, quota, the daemon, settle, audit).
    Operations *operations() const { return m_ops; }
    void createVolume(const QString &name, const QString &driver);
    void removeVolume(const QString &name);
    void createNetwork(const QString &name, const QString &driver);
    void removeNetwork(const QString &id);

    // Reads for the detail views (nothing changes, nothing is recorded): done gets the daemon's
    // JSON or its error on context's thread, and is not called once context is gone.
    enum class Read { Container, Image, ImageHistory, Volume, Network, Info };
    using ReadDone = std::function<void(const Backends::Expected<QJsonDocument> &)>;
    void read(Read what, const QString &ref, QObject *context, ReadDone done);

Q_SIGNALS:
    void stateChanged(Wharf::Models::HostConnection::State state);
    void labelsChanged();
    void synced();
    void actionFailed(const QString &message);

private:
    void setState(State s, const QString &reason = {});
    void onNegotiated();
    void openEvents();
    void onEventData(const QByteArray &data);
    void onEventsEnded();
    void handleEvent(const QJsonObject &e);
    void scheduleFlush();
    void flushDirty();
    void listAll();
    void listVolumes();
    void listNetworks();
    void listImages();
    void updateUsage();
    void scheduleReconnect(const QString &reason);
    void heartbeat();
    // A request through the operations layer, shown as a task once it goes out; a failure or
    // refusal comes as actionFailed.
    void perform(const Request &request, const QString &title, Operations::Send send, Operations::Done done = {});

    HostConfig m_config;
    TaskModel *m_tasks;
    Backends::DockerClient *m_client = nullptr;
    ContainerListModel *m_containers;
    ResourceListModel *m_volumes;
    ResourceListModel *m_networks;
    ResourceListModel *m_images;
    EventListModel *m_events;
    Operations *m_ops;
    State m_state = Disconnected;
    QString m_reason;
    QString m_serverVersion;
    QPointer<Backends::DockerJob> m_eventJob;
    Backends::JsonLineSplitter m_splitter;
    QTimer m_reconnectTimer;
    QTimer m_flushTimer;
    QTimer m_heartbeat;
    int m_heartbeatTimeout = 10000;
    int m_heartbeatsAnswered = 0;
    QPointer<Backends::DockerJob> m_pingJob;
    int m_attempt = 0;
    int m_backoffInitial = 1000;
    int m_backoffMax = 30000;
    QSet<QString> m_dirtyContainers;
    // The state a container's last event implies (pause: paused, start: running, …) and the
    // re-listings left: the daemon tells an event before its list shows the new state, so a
    // listing made at once can still show the old one; it is asked again a moment later.
    QHash<QString, std::pair<QString, int>> m_expectedState;
    void checkExpectedStates(const QStringList &listed, quint64 generation);
    // Containers destroyed while a list was in flight: the list may still
    // carry them ("Removal In Progress") and must not bring them back.
    QSet<QString> m_destroyedWhileListing;
    bool m_dirtyVolumes = false;
    bool m_dirtyNetworks = false;
    bool m_dirtyImages = false;
    bool m_listing = false;
    std::shared_ptr<Backends::SshInteraction> m_sshInteraction;
    bool m_sshConfigured = false;
    QJsonArray withoutDestroyed(QJsonArray list);
    bool m_wanted = false;
    quint64 m_generation = 0;
    Backends::CredentialStore *m_credentials = nullptr;
    bool m_secretsLoaded = false;
    QPointer<TenancyService> m_tenancy;
};

} // namespace Wharf::Models
