#include "hostregistry.h"

#include "images/imageactions.h"

namespace Wharf::Models {

HostRegistry::HostRegistry(HostStore *store, TaskModel *tasks, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_tasks(tasks)
{
    for (const auto &h : store->hosts())
        make(h);
    connect(store, &HostStore::hostAdded, this, [this](const QString &id) {
        if (const HostConfig *h = m_store->find(id)) {
            HostConnection *c = make(*h);
            Q_EMIT connectionAdded(c);
            c->connectToHost();
        }
    });
    connect(store, &HostStore::hostChanged, this, [this](const QString &id) {
        HostConnection *c = connection(id);
        const HostConfig *h = m_store->find(id);
        if (c && h)
            c->updateLabels(*h);
    });
    connect(store, &HostStore::hostRemoved, this, [this](const QString &id) {
        if (HostConnection *c = connection(id)) {
            m_connections.removeOne(c);
            c->disconnectFromHost();
            Q_EMIT connectionRemoved(id);
            c->deleteLater();
        }
    });
}

HostConnection *HostRegistry::make(const HostConfig &config)
{
    auto *c = new HostConnection(config, m_tasks, this);
    c->setPolicyGate(m_gate);
    c->setCredentialStore(m_credentials);
    c->setSshInteraction(m_sshInteraction);
    m_connections << c;
    return c;
}

HostConnection *HostRegistry::connection(const QString &id) const
{
    for (auto *c : m_connections)
        if (c->config().id == id)
            return c;
    return nullptr;
}

void HostRegistry::connectAll()
{
    for (auto *c : std::as_const(m_connections))
        c->connectToHost();
}

void HostRegistry::setCredentialStore(Backends::CredentialStore *store)
{
    m_credentials = store;
    for (auto *c : std::as_const(m_connections))
        c->setCredentialStore(store);
}

} // namespace Wharf::Models

namespace Wharf::Models {

void HostRegistry::setSshInteraction(std::shared_ptr<Backends::SshInteraction> interaction)
{
    m_sshInteraction = interaction;
    for (auto *c : std::as_const(m_connections))
        c->setSshInteraction(interaction);
}

ImageActions *HostRegistry::imageActions(HostConnection *c)
{
    if (auto *existing = c->findChild<ImageActions *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ImageActions(c, m_registries, m_credentials, c);
}

void HostRegistry::setPolicyGate(std::shared_ptr<PolicyGate> gate)
{
    m_gate = std::move(gate);
    for (auto *c : findChildren<HostConnection *>(QString(), Qt::FindDirectChildrenOnly))
        c->setPolicyGate(m_gate);
}

} // namespace Wharf::Models
