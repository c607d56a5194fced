#pragma once

#include "servicespec.h"

#include "operations/operations.h"
#include "store/servicestore.h"
#include "store/tenancystore.h"

#include <QObject>

#include <functional>

namespace Wharf::Models::Services {

// What a person does to a service, from the console or wharfctl: each a request of the host's
// operations layer (one audit record: service.create, service.scale, …) whose work writes the
// desired state; the reconciler then makes the host match it. A tenant acts only on its own
// services (and the database's row security says the same on PostgreSQL).
class ServiceActions : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Backends::Error &)>;
    using Edit = std::function<Backends::Error(ServiceSpec &)>;

    // tenant: the principal's tenant (empty for an admin)
    ServiceActions(Operations *operations, const QString &tenant, QObject *parent = nullptr);

    void create(ServiceSpec spec, Done done);
    // Reads the service, lets edit change it, validates and keeps it (verb: scale, update, …).
    void change(const QString &name, const QString &verb, Edit edit, Done done);
    void scale(const QString &name, int replicas, Done done);
    void rollback(const QString &name, Done done);
    // Every replica replaced (a rolling update with the same configuration).
    void restart(const QString &name, Done done);
    void remove(const QString &name, Done done);

    void list(std::function<void(const Backends::Expected<QList<Backends::ServiceRecord>> &)> done);
    void get(const QString &name, std::function<void(const Backends::Expected<Backends::ServiceRecord> &)> done);
    // The edge router's settings for the host (its image); admins only.
    void setEdgeImage(const QString &image, Done done);
    void edgeSettings(std::function<void(const Backends::Expected<QJsonObject> &)> done);

    // A tenant's whole change checked against its plan before anything changes: the replicas
    // it adds, the limits it raises, and for a start-first update the batch that starts beside
    // the service and the last one, draining. before is null for a new service. The quota
    // message when it does not fit.
    static Backends::Error checkQuota(Backends::TenancyStore &store, const QString &tenant, const ServiceSpec *before, const ServiceSpec &after);

private:
    using Work = std::function<Backends::Error(Backends::TenancyStore &, Backends::ServiceStore &, const Backends::ServiceRecord &)>;
    void onService(const QString &name, const QString &verb, Work work, Done done);
    Operations *m_ops;
    QString m_tenant;
};

} // namespace Wharf::Models::Services
