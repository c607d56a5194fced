#pragma once

#include "store.h"

#include <QJsonObject>

#include <optional>

namespace Wharf::Backends {

// A service's desired state as the database keeps it: the spec (JSON, read by the service
// model), the spec before its last change (what a rollback goes back to), a generation that
// grows with every change, and what the reconciler last said of it.
struct ServiceRecord
{
    QString host;
    QString name;
    QString tenant;
    QByteArray spec;
    QByteArray previous;
    qint64 generation = 0;
    QString status;  // converged, updating, rolling back, paused, failing
    QString message; // why, in a sentence
    qint64 updatedAt = 0;
};

// The services and edge routers tables (migration 9). A tenant's role sees and writes only its
// own services (row security on PostgreSQL); the gate decides the rest before anything is kept.
class ServiceStore
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::ServiceStore)
public:
    explicit ServiceStore(Store *store);

    Expected<QList<ServiceRecord>> services(const QString &host = {}); // every host when empty
    Expected<std::optional<ServiceRecord>> service(const QString &host, const QString &name);
    // A new service; a Conflict when the host has one of that name.
    Error insert(const ServiceRecord &record);
    // A changed spec: previous becomes the spec now kept, the generation grows. A Conflict when
    // someone changed it since generation (nothing is written then).
    Error update(const QString &host, const QString &name, const QByteArray &spec, qint64 generation);
    // Back to the previous spec (which becomes the one kept before); an error when there is none.
    Error rollback(const QString &host, const QString &name);
    Error setStatus(const QString &host, const QString &name, const QString &status, const QString &message);
    Error remove(const QString &host, const QString &name);

    Expected<QJsonObject> edgeSettings(const QString &host); // empty: the defaults
    Error setEdgeSettings(const QString &host, const QJsonObject &settings);
    Expected<QStringList> edgeHosts();

private:
    Store *m_store;
};

} // namespace Wharf::Backends
