#pragma once

#include "servicespec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Wharf::Models::Services {

// A replica the router sends traffic to.
struct EdgeServer
{
    QString name; // the replica's container name
    QString address;
    int port = 0;
};

// One published endpoint of one service, with the replicas that serve it now.
struct EdgeRoute
{
    QString service;
    QString tenant;
    PublishedEndpoint endpoint;
    HealthCheck health;
    QString balance = QStringLiteral("roundrobin");
    bool sticky = false;
    int maxConnections = 0;
    QList<EdgeServer> servers;

    // The routes of a service whose ready replicas are `servers` (the target port filled in).
    static QList<EdgeRoute> of(const ServiceSpec &spec, const QList<EdgeServer> &servers);
};

// The router of a host: its image and how long an old worker may finish its connections
// after a reload.
struct EdgeSettings
{
    QString image = QStringLiteral("haproxy:2.8");
    int hardStopAfterSeconds = 60;
    int connectTimeoutMs = 5000;
    int clientTimeoutMs = 60000;
    int serverTimeoutMs = 60000;
    QJsonObject toJson() const;
    static EdgeSettings fromJson(const QJsonObject &o);
};

// Where the router keeps what Wharf gives it, inside its container.
inline constexpr const char *EdgeConfigDir = "/usr/local/etc/haproxy";
inline constexpr const char *EdgeConfigFile = "haproxy.cfg";

// The router's whole configuration (HAProxy) for these routes: one frontend per address and
// port, TCP ones alone on theirs, HTTP ones told apart by Host and path; one backend per
// service endpoint with its replicas and the health check. The same input always gives the
// same text, so an unchanged configuration is never reloaded. An error when two routes cannot
// share a port (TCP with anything else, or the same host and path twice).
class EdgeConfig
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::Services::EdgeConfig)
public:
    static Backends::Expected<QString> generate(const QList<EdgeRoute> &routes, const EdgeSettings &settings);
    static QString backendName(const EdgeRoute &route);
};

} // namespace Wharf::Models::Services
