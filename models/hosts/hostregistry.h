#pragma once

#include "hostconnection.h"
#include "hoststore.h"

#include <QObject>

namespace Wharf::Models {

class PolicyGate;

class TaskModel;
class RegistryStore;
class ImageActions;

// The live connections for the saved hosts: one HostConnection per host, made and dropped as
// hosts are added and removed.
class HostRegistry : public QObject
{
    Q_OBJECT
public:
    HostRegistry(HostStore *store, TaskModel *tasks, QObject *parent = nullptr);

    HostStore *store() const { return m_store; }
    TaskModel *tasks() const { return m_tasks; }
    QList<HostConnection *> connections() const { return m_connections; }
    HostConnection *connection(const QString &id) const;
    void connectAll();
    // Given to every connection, for the secrets of saved hosts.
    void setCredentialStore(Backends::CredentialStore *store);
    Backends::CredentialStore *credentials() const { return m_credentials; }
    // Given to every connection: answers ssh:// hosts' questions.
    void setSshInteraction(std::shared_ptr<Backends::SshInteraction> interaction);
    std::shared_ptr<Backends::SshInteraction> sshInteraction() const { return m_sshInteraction; }
    // The registry list (logins are in the credential store).
    void setRegistryStore(RegistryStore *store) { m_registries = store; }
    // Every connection's mutating requests pass this gate (and new connections get it too).
    void setPolicyGate(std::shared_ptr<PolicyGate> gate);
    RegistryStore *registries() const { return m_registries; }
    // Image work on a host (pull, push, build...), made on first use and living with the connection.
    ImageActions *imageActions(HostConnection *c);

Q_SIGNALS:
    void connectionAdded(Wharf::Models::HostConnection *c);
    void connectionRemoved(const QString &id);

private:
    HostConnection *make(const HostConfig &config);
    HostStore *m_store;
    TaskModel *m_tasks;
    QList<HostConnection *> m_connections;
    Backends::CredentialStore *m_credentials = nullptr;
    std::shared_ptr<Backends::SshInteraction> m_sshInteraction;
    RegistryStore *m_registries = nullptr;
    std::shared_ptr<PolicyGate> m_gate;
};

} // namespace Wharf::Models
