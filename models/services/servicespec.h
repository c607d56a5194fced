#pragma once

#include "apps/appspec.h"
#include "expected.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Wharf::Models::Services {

// The labels that find a service's replicas and the edge router again: the apps' own (one
// vocabulary for everything Wharf deploys).
namespace Label = Apps::Label;

// An address the edge router serves a service on: a TCP port of its own, or HTTP on a port
// that several services share, told apart by Host header and path prefix.
struct PublishedEndpoint
{
    enum class Mode { Tcp, Http };
    Mode mode = Mode::Tcp;
    QString bindIp; // empty: every address
    int port = 0;   // where the router listens
    int target = 0; // the replicas' port
    QStringList hosts;  // HTTP: the Host names routed here (empty: any)
    QString pathPrefix; // HTTP: only these paths (empty: all)

    QString modeName() const { return mode == Mode::Http ? QStringLiteral("http") : QStringLiteral("tcp"); }
    QString toText() const; // "127.0.0.1:8080:80/http"
    QJsonObject toJson() const;
    bool operator==(const PublishedEndpoint &o) const = default;
};

// How a replica is known to be ready and well: the image's own HEALTHCHECK, an HTTP GET or a
// TCP connect from inside the replica, or a command; the router checks the same port itself.
struct HealthCheck
{
    enum class Kind { Image, None, Http, Tcp, Command };
    Kind kind = Kind::Image;
    QString path = QStringLiteral("/"); // Http
    int port = 0;                       // Http, Tcp: 0 is the first endpoint's target
    QString command;                    // Command (shell)
    int intervalMs = 2000;
    int timeoutMs = 2000;
    int retries = 3;
    int startPeriodMs = 0;
    int graceMs = 30000; // an unhealthy replica is replaced after this long

    QString kindName() const;
    bool operator==(const HealthCheck &o) const = default;
};

// How a changed configuration is rolled out, docker service's update_config.
struct UpdatePolicy
{
    int parallelism = 1;
    int delayMs = 0;
    bool startFirst = true;  // the new replica is ready before the old one leaves
    bool rollbackOnFailure = true; // else pause
    int monitorMs = 5000;    // how long a new replica must stay well
    bool operator==(const UpdatePolicy &o) const = default;
};

// A service: many replicas of one container configuration behind the host's edge router.
// This is the desired state kept in the database; the reconciler makes the host match it.
struct ServiceSpec
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::Services::ServiceSpec)
public:
    QString name;
    QString tenant; // the owner; empty: the platform's admins
    QString host;
    QJsonObject container; // the body of POST /containers/create (no published ports)
    int replicas = 1;
    QList<PublishedEndpoint> endpoints;
    HealthCheck health;
    UpdatePolicy update;
    QString balance = QStringLiteral("roundrobin"); // or leastconn
    bool sticky = false;     // HTTP: a cookie keeps a client on its replica
    int maxConnections = 0;  // per replica at the router; 0: no limit
    int drainMs = 2000;      // after leaving the router's pool, before it is stopped
    QStringList links;       // services this one reaches by name (network aliases)
    QString category = QStringLiteral("app"); // app, data, tool, storage
    QMap<QString, QString> labels;
    int forceUpdate = 0; // raised by a restart: every replica is replaced

    static constexpr int MaxReplicas = 1000;
    static constexpr int MaxEndpoints = 64;
    static constexpr int MaxHostsPerEndpoint = 64;
    static constexpr int MaxLinks = 64;
    static constexpr int MaxLabels = 256;
    static constexpr qsizetype MaxJsonBytes = 256 * 1024;

    QString image() const;
    // A hash of everything that shapes a replica (not their number, not the router's rules):
    // replicas with another one are rolled.
    QString configHash() const;
    // The network the replicas and their links share on the host (one per owner).
    QString networkName() const;
    // The body that creates replica `number` (labels, health check, network and alias).
    QJsonObject replicaBody(int number, const QString &deployment) const;
    // "web.3.k2j4h1": unique, so that an old and a new replica of one number live side by side.
    QString replicaName(int number, const QString &suffix) const;

    Backends::Error validate() const;
    QJsonObject toJson() const;
    // Bounded: what the database holds may have been written by anyone with a role on it.
    static Backends::Expected<ServiceSpec> fromJson(const QByteArray &json);
    static Backends::Expected<ServiceSpec> fromJson(const QJsonObject &o);

    // [IP:]PORT:TARGET[/tcp|/http], or published=,target=,mode=,ip=,host=,path= (hosts by ;).
    static Backends::Expected<PublishedEndpoint> parsePublish(const QString &text);
    // "2s", "500ms", "1m30s", "3" (seconds)
    static Backends::Expected<int> parseDurationMs(const QString &text);
    static Backends::Error checkName(const QString &name);
};

} // namespace Wharf::Models::Services
