#pragma once

#include "meter.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Wharf::Backends {
class ControlLease;
}

namespace Wharf::Models {
namespace Services {
class ServiceReconciler;
}

class HostRegistry;
class HostConnection;
class TenancyService;

// An admin's console runs the control loops of every host that is up and whose control lease
// it gets (one holder per host: another console or `wharfctl controller` may hold it): a
// metering tick and a quota reconciliation every interval, so usage and bills stay current
// while a console is open. The daemon is asked on the window's thread, the database on the
// service's.
class ControlLoop : public QObject
{
    Q_OBJECT
public:
    ControlLoop(HostRegistry *hosts, TenancyService *tenancy, QObject *parent = nullptr);
    ~ControlLoop() override;
    // Default 5 minutes.
    void setInterval(int ms) { m_timer.setInterval(ms); }
    // The hosts whose lease this console holds.
    QStringList heldHosts() const;
    // One round now, for every host that is up.
    void tickNow();

Q_SIGNALS:
    void leaseChanged(const QString &host, bool held);
    void metered(const QString &host, const Wharf::Models::MeterReport &report);
    void failed(const QString &host, const QString &message);

private:
    struct Lease
    {
        std::shared_ptr<Backends::ControlLease> lease;
        bool held = false;
        bool busy = false; // a round is running
    };
    void tick(HostConnection *c);
    void runLoops(HostConnection *c);
    void releaseAll();
    // The services of a host whose lease this console holds keep their replicas.
    void runServices(HostConnection *c, bool held);
    HostRegistry *m_hosts;
    QHash<QString, QPointer<Services::ServiceReconciler>> m_services; // by host name
    QPointer<TenancyService> m_tenancy;
    QHash<QString, Lease> m_leases; // by host name
    QTimer m_timer;
};

} // namespace Wharf::Models
