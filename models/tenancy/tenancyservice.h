#pragma once

#include "operations/operations.h"
#include "policygate.h"
#include "store/meteringstore.h"
#include "store/tenancystore.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent>

#include <functional>
#include <memory>

namespace Wharf::Models {

// The console's way to the metadata database: every query runs on one worker thread of its
// own (a slow shared database never freezes the window) and comes back on the caller's thread.
// After each change it says so (changed), so open pages reload.
class TenancyService : public QObject
{
    Q_OBJECT
public:
    explicit TenancyService(QObject *parent = nullptr);
    ~TenancyService() override;

    // Opens the database (its schema brought up to date) off the window's thread; ready() or
    // failed() follows. A tenant's own PostgreSQL role makes this a tenant's console.
    void open(const Backends::StoreUrl &url, const QString &password);
    bool isOpen() const { return bool(m_tenancy); }
    bool isTenant() const { return !m_principal.tenant.isEmpty(); }
    const Principal &principal() const { return m_principal; }
    std::shared_ptr<PolicyGate> gate() const { return m_gate; }
    std::shared_ptr<Backends::TenancyStore> store() const { return m_tenancy; }
    QString urlText() const { return m_urlText; }
    // What open() was given: a control lease opens a connection of its own with it.
    const Backends::StoreUrl &url() const { return m_url; }
    const QString &password() const { return m_password; }

    // Runs work(store) on the database thread; done(result) runs on context's thread.
    template<typename T>
    void query(QObject *context, std::function<T(Backends::TenancyStore &)> work, std::function<void(const T &)> done)
    {
        auto store = m_tenancy;
        if (!store)
            return;
        // The service (which waits for its queries when it goes) receives the result; a page
        // closed meanwhile is skipped.
        // Always delivered later through the event loop, never from inside this call.
        QPointer<QObject> guard(context);
        m_pool.start([this, store, work, guard, done] {
            T result = work(*store);
            QMetaObject::invokeMethod(this, [guard, done, result] {
                if (guard)
                    done(result);
            }, Qt::QueuedConnection);
        });
    }
    // Runs work(gate) on the database thread, in order with every other query; done(result)
    // runs on context's thread (skipped when context is gone). Nothing happens while closed.
    template<typename T>
    void gated(QObject *context, std::function<T(PolicyGate &)> work, std::function<void(const T &)> done)
    {
        auto gate = m_gate;
        if (!gate)
            return;
        query<T>(context, [gate, work](Backends::TenancyStore &) { return work(*gate); }, done);
    }
    // The gate's bookkeeping that nobody waits for (settle, removed, audit), in order; then
    // changed(), so open pages show the new counters.
    void post(std::function<void(PolicyGate &)> work);
    // The operations layer's way to the gate: work on the database thread, in order with every
    // other query; then() back on the caller's thread (the service is the context, so an
    // answer holding a reservation is never dropped). Work nobody waits for is a post().
    GateRunner runner();
    // The same for work done on a tenant's behalf by this admin's console (the controller
    // making a tenant's service replicas: its labels, its quota, its record).
    GateRunner runnerAs(const QString &tenant);
    // Any work that must run on the database thread (its connections live there); nobody waits.
    void run(std::function<void()> work);
    // A change: on the database thread, then changed() and done(error) on context's thread.
    void change(QObject *context, std::function<Backends::Error(Backends::TenancyStore &)> work,
                std::function<void(const Backends::Error &)> done = {});

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    void changed();

private:
    QThreadPool m_pool;
    std::shared_ptr<Backends::TenancyStore> m_tenancy;
    std::shared_ptr<PolicyGate> m_gate;
    QHash<QString, std::shared_ptr<PolicyGate>> m_tenantGates; // runnerAs
    Principal m_principal;
    QString m_urlText;
    Backends::StoreUrl m_url;
    QString m_password;
};

} // namespace Wharf::Models
