#pragma once

#include "meter.h"

#include <QObject>
#include <QPointer>

namespace Wharf::Models {

class HostRegistry;
class HostConnection;
class TenancyService;

// An admin's console puts the quota counters right whenever a host comes up (and when the
// database opens): containers removed while nobody watched give their quota back. The daemon
// is asked on the window's thread (a job), the database on the service's thread.
class HostQuotaWatcher : public QObject
{
    Q_OBJECT
public:
    HostQuotaWatcher(HostRegistry *hosts, TenancyService *tenancy, QObject *parent = nullptr);
    void reconcile(HostConnection *c);

Q_SIGNALS:
    void reconciled(const QString &host, const Wharf::Models::ReconcileReport &report);

private:
    void watch(HostConnection *c);
    HostRegistry *m_hosts;
    TenancyService *m_tenancy;
};

} // namespace Wharf::Models
