#pragma once

#include "compose/project.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Wharf::Models::Apps {

// One container of an app as the host shows it (from its compose labels).
struct ObservedContainer
{
    QString id;
    QString name;
    QString project;
    QString service;
    int number = 0;
    QString configHash;
    QString state; // created, running, paused, restarting, exited, dead
    QString status; // "Up 3 minutes (healthy)"
    QString image;
    QString imageId; // the image it was created from ("sha256:…")
    qint64 created = 0;
    QStringList ports; // "127.0.0.1:8080->80/tcp"
    bool oneoff = false;
    bool wharf = false; // deployed by Wharf (io.wharf.managed-by), not by docker compose
    QString tenant; // io.wharf.tenant: whose it is (the platform database is the authority)
};

struct ObservedApp
{
    QString project;
    QList<ObservedContainer> containers;
    QStringList networks; // names that exist
    QStringList volumes;
    QHash<QString, QString> images; // what the host has: "name:tag" and "name@digest" -> image id

    // from GET /containers/json (all=1, label filter) plus the network, volume and image lists
    static ObservedApp fromJson(const QString &project, const QJsonArray &containers, const QJsonArray &networks, const QJsonArray &volumes,
                                const QJsonArray &images = {});
    // The id of the image a reference names on the host (empty: the host does not have it).
    QString imageId(const QString &reference) const;
};
ObservedContainer observedContainer(const QJsonObject &listEntry);

struct PlanStep
{
    enum Kind { CreateNetwork, CreateVolume, Create, Recreate, Start, Unchanged, Remove, Pull, Build };
    Kind kind = Unchanged;
    QString service; // empty for networks and volumes
    int number = 0;
    QString name; // the container (or network, volume, image) name
    QString container; // the existing container's id (recreate, start, remove, unchanged)
    QString reason;
    QString imageId; // the existing container's image (start, unchanged: a pull or build may replace it), or what a pulled or built reference names now

    QString kindName() const; // "create", "recreate", ... (stable; JSON and tests)
};

// What a deploy would do: the diff between the file and the host.
struct DeployPlan
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::Apps::DeployPlan)
public:
    QString project;
    QList<PlanStep> steps; // networks, volumes, images to pull or build, then services in dependency order
    QStringList serviceOrder; // dependency order
    QString error; // the plan cannot be applied (an external network that is missing, ...)

    bool changesNothing() const;
    int count(PlanStep::Kind kind) const;
    QList<PlanStep> stepsFor(const QString &service) const;
    QString summary() const; // "2 to create, 1 to recreate, 3 unchanged"
    QString toText() const; // one line per step, + ~ = - marks
    QJsonObject toJson() const;
};

struct PlanOptions
{
    bool build = false; // build every service that has a build:, not only those whose image is missing
    bool pull = false;  // pull every image that is not built, not only the missing ones
};

// The services in an order where each comes after what it depends on.
QStringList dependencyOrder(const Backends::Compose::Project &project);

// The plan for deploying project onto what the host has. Containers of services that are
// no longer in the file (and not merely left out by a profile) are removed. A missing image is
// pulled, or built when the service has a build: (pull_policy decides otherwise when set); a
// container whose image is no longer the one its reference names is recreated.
DeployPlan planDeploy(const Backends::Compose::Project &project, const ObservedApp &observed, const PlanOptions &options = {});

} // namespace Wharf::Models::Apps
