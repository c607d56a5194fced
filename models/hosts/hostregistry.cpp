#include "hostregistry.h"

#include "images/imageactions.h"
#include "tenancy/tenancyservice.h"

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
            if (!visible(*h)) {
                m_hidden << id;
                return Q_EMIT hiddenChanged();
            }
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
        if (m_confined) // renamed into or out of the tenant's domain
            applyDomain(m_allowed, true);
    });
    connect(store, &HostStore::hostRemoved, this, [this](const QString &id) {
        if (m_hidden.removeAll(id))
            Q_EMIT hiddenChanged();
        if (HostConnection *c = connection(id))
            drop(c);
    });
}

void HostRegistry::drop(HostConnection *c)
{
    m_connections.removeOne(c);
    c->disconnectFromHost();
    Q_EMIT connectionRemoved(c->config().id);
    c->deleteLater();
}

bool HostRegistry::visible(const HostConfig &config) const
{
    return !m_confined || m_allowed.contains(config.name);
}

void HostRegistry::applyDomain(const QStringList &allowed, bool confined)
{
    m_allowed = allowed;
    m_confined = confined;
    const QStringList hiddenBefore = m_hidden;
    for (auto *c : QList<HostConnection *>(m_connections)) {
        if (!visible(c->config())) {
            m_hidden << c->config().id;
            drop(c);
        }
    }
    for (const auto &id : hiddenBefore) {
        const HostConfig *h = m_store->find(id);
        if (!h || !visible(*h))
            continue;
        m_hidden.removeAll(id);
        HostConnection *c = make(*h);
        Q_EMIT connectionAdded(c);
        c->connectToHost();
    }
    if (m_hidden != hiddenBefore)
        Q_EMIT hiddenChanged();
}

QStringList HostRegistry::hiddenHosts() const
{
    QStringList names;
    for (const auto &id : m_hidden)
        if (const HostConfig *h = m_store->find(id))
            names << h->name;
    return names;
}

void HostRegistry::setTenancy(TenancyService *tenancy)
{
    if (m_tenancy)
        disconnect(m_tenancy, nullptr, this, nullptr);
    m_tenancy = tenancy;
    for (auto *c : std::as_const(m_connections))
        c->setTenancy(tenancy);
    if (!tenancy || !tenancy->isTenant())
        return applyDomain({}, false);
    // A tenant's console: the hosts of its domain and the public one (read again when an
    // admin changes the domains).
    auto refresh = [this] {
        if (!m_tenancy)
            return;
        const QString tenant = m_tenancy->principal().tenant;
        m_tenancy->query<Backends::Expected<QList<Backends::HostDomain>>>(this, [](Backends::TenancyStore &s) { return s.hostDomains(); },
                                                                       [this, tenant](const Backends::Expected<QList<Backends::HostDomain>> &domains) {
            if (!domains) // keep what is shown; the gate still refuses other hosts
                return;
            QStringList allowed;
            for (const auto &d : *domains)
                if (d.domain == QLatin1String("public") || d.tenant == tenant)
                    allowed << d.host;
            if (allowed != m_allowed || !m_confined)
                applyDomain(allowed, true);
        });
    };
    // Until the domains are read the hosts stay as they are (the gate refuses the others).
    connect(tenancy, &TenancyService::changed, this, refresh);
    refresh();
}

HostConnection *HostRegistry::make(const HostConfig &config)
{
    auto *c = new HostConnection(config, m_tasks, this);
    c->setTenancy(m_tenancy);
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

} // namespace Wharf::Models
