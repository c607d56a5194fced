#include "tenancyservice.h"

namespace Wharf::Models {

using namespace Backends;

TenancyService::TenancyService(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1); // one connection, in order
    m_pool.setExpiryTimeout(-1);
}

TenancyService::~TenancyService()
{
    // The store's connections belong to the pool's thread: let the last reference go there,
    // after the queries still queued (the pool finishes them as it is destroyed).
    m_gate.reset();
    if (auto store = std::exchange(m_tenancy, nullptr))
        m_pool.start([s = std::move(store)]() mutable { s.reset(); });
}

void TenancyService::open(const StoreUrl &url, const QString &password)
{
    struct Opened
    {
        std::shared_ptr<TenancyStore> tenancy;
        Principal who;
        Error error;
    };
    m_urlText = url.toString();
    m_url = url;
    m_password = password;
    auto work = [url, password]() -> Opened {
        auto s = Store::open(url, password);
        if (!s)
            return {nullptr, {}, s.error()};
        if (auto e = (*s)->ensureSchema(); e.isError())
            return {nullptr, {}, e};
        auto t = std::make_shared<TenancyStore>(*s);
        Principal who;
        who.user = (*s)->currentUser();
        auto confined = t->connectedTenant();
        if (!confined)
            return {nullptr, {}, confined.error()};
        who.tenant = *confined;
        return {t, who, {}};
    };
    // Delivered through the event loop, never from inside this call.
    m_pool.start([this, work] {
        const Opened o = work();
        QMetaObject::invokeMethod(this, [this, o] {
            if (o.error.isError())
                return Q_EMIT failed(o.error.message);
            m_tenancy = o.tenancy;
            m_principal = o.who;
            m_gate = std::make_shared<PolicyGate>(m_tenancy, m_principal);
            Q_EMIT ready();
        }, Qt::QueuedConnection);
    });
}

void TenancyService::post(std::function<void(PolicyGate &)> work)
{
    auto gate = m_gate;
    if (!gate)
        return;
    m_pool.start([this, gate, work] {
        work(*gate);
        QMetaObject::invokeMethod(this, [this] { Q_EMIT changed(); }, Qt::QueuedConnection);
    });
}

GateRunner TenancyService::runner()
{
    QPointer<TenancyService> self(this);
    return [self](std::function<void(PolicyGate &)> work, std::function<void()> then) {
        if (!self)
            return;
        if (!then)
            return self->post(std::move(work));
        self->gated<bool>(self, [work](PolicyGate &g) {
            work(g);
            return true;
        }, [then](const bool &) { then(); });
    };
}

GateRunner TenancyService::runnerAs(const QString &tenant)
{
    if (tenant.isEmpty() || !m_tenancy)
        return runner();
    std::shared_ptr<PolicyGate> &gate = m_tenantGates[tenant];
    if (!gate || gate->store() != m_tenancy.get())
        gate = std::make_shared<PolicyGate>(m_tenancy, Principal{m_principal.user, tenant});
    QPointer<TenancyService> self(this);
    return [self, g = gate](std::function<void(PolicyGate &)> work, std::function<void()> then) {
        if (!self)
            return;
        if (!then)
            return self->run([g, work] { work(*g); });
        self->query<bool>(self, [g, work](Backends::TenancyStore &) {
            work(*g);
            return true;
        }, [then](const bool &) { then(); });
    };
}

void TenancyService::run(std::function<void()> work)
{
    m_pool.start(std::move(work));
}

void TenancyService::change(QObject *context, std::function<Error(TenancyStore &)> work, std::function<void(const Error &)> done)
{
    auto store = m_tenancy;
    if (!store)
        return;
    QPointer<QObject> guard(context);
    m_pool.start([this, store, work, guard, done] {
        const Error e = work(*store);
        QMetaObject::invokeMethod(this, [this, guard, done, e] {
            if (done && guard)
                done(e);
            if (!e.isError())
                Q_EMIT changed();
        }, Qt::QueuedConnection);
    });
}

} // namespace Wharf::Models
