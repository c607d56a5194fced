#pragma once

#include "hostconnection.h"
#include "hoststore.h"

#include <QObject>
#include <QPointer>

namespace Wharf::Models {

class TenancyService;

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
    // The platform database: every connection's mutating requests pass its policy gate. A
    // tenant's console keeps only the hosts in the tenant's domain and the public one; the
    // others are hidden (hiddenHosts) until an admin puts them in the domain.
    void setTenancy(TenancyService *tenancy);
    QStringList hiddenHosts() const;
    RegistryStore *registries() const { return m_registries; }
    // Image work on a host (pull, push, build...), made on first use and living with the connection.
    ImageActions *imageActions(HostConnection *c);

Q_SIGNALS:
    void connectionAdded(Wharf::Models::HostConnection *c);
    void connectionRemoved(const QString &id);
    void hiddenChanged();

private:
    HostConnection *make(const HostConfig &config);
    bool visible(const HostConfig &config) const;
    void applyDomain(const QStringList &allowed, bool confined);
    void drop(HostConnection *c);
    HostStore *m_store;
    TaskModel *m_tasks;
    QList<HostConnection *> m_connections;
    Backends::CredentialStore *m_credentials = nullptr;
    std::shared_ptr<Backends::SshInteraction> m_sshInteraction;
    RegistryStore *m_registries = nullptr;
    QPointer<TenancyService> m_tenancy;
    bool m_confined = false;    // a tenant's console: only the hosts in m_allowed
    QStringList m_allowed;      // host names in the tenant's domain or the public one
    QStringList m_hidden;       // ids of saved hosts outside it
};

} // namespace Wharf::Models
