#pragma once

#include "docker/dockerclient.h"
#include "tenancy/policygate.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace Wharf::Models {

// Runs work(gate) where the gate's database lives (the database's thread in the console,
// inline in wharfctl), then then() (may be empty) on the caller's thread.
using GateRunner = std::function<void(std::function<void(PolicyGate &)> work, std::function<void()> then)>;

// One change to a host, described by the entry point that wants it: what (resource and verb,
// which make the audit action, e.g. container.create), which (the target the person named)
// and with what (the request body). Where and for whom come from the Operations object.
struct Request
{
    enum class Kind {
        Create, // a container, volume or network: policy, quota reserved, settled when the daemon answers
        Update, // a container's limits: the growth reserved against the plan
        Act,    // an action on something that exists: a tenant must own it (start, stop, exec, connect, …)
        Remove, // a removal: ownership first, then the quota given back
        Host,   // an action on the host's shared state (images, prunes): tenants only where allowed
        Admin,  // an admin's action on the host: refused to tenants
    };
    Kind kind = Kind::Act;
    QString resource; // container, volume, network, image, app, registry, host
    QString verb;     // create, start, stop, remove, pull, …
    QString target;   // what the person named (the audit record's target; ownership is checked on it)
    QJsonObject body; // Create and Update: the request's body, as the gate leaves it
    QString ref;      // what ownership is checked on when not the target (a container's id)
    // Builds and imports the daemon would fetch itself (a git or https URL): refused to tenants.
    QString remoteSource;
    // Containers the action touches besides its target (network connect's container): a
    // tenant's own too.
    QStringList containers;
    // Names a build or import gives images: a tenant's must be its own (PolicyGate::checkImageName).
    QStringList imageNames;
    // The operation's action, in the one audit vocabulary: resource.verb.
    QString action() const { return resource + QLatin1Char('.') + verb; }
    QString ownedRef() const { return ref.isEmpty() ? target : ref; }
    Request &on(const QString &reference) { ref = reference; return *this; }
    Request &touching(const QString &container) { containers << container; return *this; }

    static Request create(const QString &resource, const QString &target, const QJsonObject &body)
    {
        return {Kind::Create, resource, QStringLiteral("create"), target, body, {}, {}};
    }
    static Request act(const QString &resource, const QString &verb, const QString &target) { return {Kind::Act, resource, verb, target, {}, {}, {}}; }
    static Request remove(const QString &resource, const QString &target) { return {Kind::Remove, resource, QStringLiteral("remove"), target, {}, {}, {}}; }
    static Request update(const QString &target, const QJsonObject &body)
    {
        return {Kind::Update, QStringLiteral("container"), QStringLiteral("update"), target, body, {}, {}};
    }
    static Request host(const QString &resource, const QString &verb, const QString &target) { return {Kind::Host, resource, verb, target, {}, {}, {}}; }
    static Request admin(const QString &resource, const QString &verb, const QString &target) { return {Kind::Admin, resource, verb, target, {}, {}, {}}; }
};

// The steps of work made of several daemon calls (a deploy, a local registry), each through
// the gate of the Operations object that made them (Operations::steps): the work says what it
// creates, changes and removes; the gate admits, reserves, settles and records. The work never
// does any of that itself. Ungated (no platform database) every step goes straight to the
// daemon. Steps may answer later (the console's gate runs on the database's thread); kinds are
// "container", "network" and "volume". done runs only while context lives; the books are kept
// either way: a create admitted after the work went away is given back unsent, and what the
// daemon was already asked to do is settled (or given back) when it answers.
class GatedSteps
{
public:
    using Send = std::function<Backends::DockerJob *(const QJsonObject &body)>;
    using Checked = std::function<void(const Backends::Error &)>;
    // error (none when done), what a create made (an id, a volume's name), the daemon's answer
    // (alive while done runs; null when the step never reached the daemon)
    using Done = std::function<void(const Backends::Error &error, const QString &id, Backends::DockerJob *job)>;

    GatedSteps() = default;
    bool gated() const { return bool(m_runner); }
    // Asked after each admission, before its call goes out: an error (the work failed
    // meanwhile) abandons the create; its reservation is given back and done gets the error.
    void setAbandoned(std::function<Backends::Error()> abandoned) { m_abandoned = std::move(abandoned); }

    // A container, network or volume the work makes: policy and quota on body (the gate may add
    // the tenant's labels and limits), send(the admitted body), the reservation settled with
    // the daemon's answer.
    void create(const QString &kind, const QString &name, const QJsonObject &body, Send send, QObject *context, Done done) const;
    // A change to what the work holds: checked as the principal's own (checkOwned) or made by it.
    void act(Send send, QObject *context, Done done) const;
    // The same, for a call whose progress the work follows itself (a deploy's pull or build).
    Backends::DockerJob *start(const Send &send) const { return send({}); }
    // A removal; once the daemon has done it, its quota is given back and it is recorded.
    void remove(const QString &kind, const QString &ref, Send send, QObject *context, Done done) const;
    // The whole app went (its record, and its name free again).
    void appRemoved(const QString &app) const;

    // Before the work changes them: these resources must be the principal's own.
    void checkOwned(const QString &kind, const QStringList &refs, Checked done) const;
    // Before a deploy: the app's name is the principal's (recorded for a tenant).
    void claimApp(const QString &app, Checked done) const;
    // Before the daemon fetches a build context itself (a git or https URL).
    void checkRemote(const QString &what, const QString &source, Checked done) const;
    // Before a build names an image: a tenant's names are its own.
    void checkImageName(const QString &what, const QString &name, Checked done) const;
    // The work's own records in the platform database (a tenant's endpoint, once the host has
    // it), written where the gate's database lives; an error without a platform database.
    void keep(std::function<Backends::Error(Backends::TenancyStore &)> change, Checked done) const;

private:
    friend class Operations;
    GatedSteps(const QString &host, GateRunner runner)
        : m_host(host)
        , m_runner(std::move(runner))
    {
    }
    QString m_host;
    GateRunner m_runner;
    std::function<Backends::Error()> m_abandoned;
};

// How a request ended.
struct Outcome
{
    Backends::Error error; // the gate's refusal or the daemon's error; none when it was done
    bool refused = false;  // the gate said no: nothing reached the daemon
    Backends::DockerJob *job = nullptr; // the daemon's answer (alive while done runs; null when refused)
    QString id; // what a create made (a container's or network's id, a volume's name)
    bool ok() const { return !error.isError(); }
};

// The one path every change to a host takes, from every entry point (console, wharfctl,
// deploys, and what comes: services, scaling, pipelines, templates):
//
//   request → policy (tenant's host, ownership, denied options) → quota reserved
//           → the daemon's call → settle (confirm or release) → one audit record
//
// Entry points describe the request and show the outcome; none of them admits, settles or
// audits. Without a platform database (no runner) requests go straight to the daemon and
// nothing is recorded. Refusals are recorded as refusals (denied, denied-quota) with the reason.
class Operations : public QObject
{
    Q_OBJECT
public:
    // Sends the request's body (as the gate left it) to the daemon.
    using Send = std::function<Backends::DockerJob *(const QJsonObject &body)>;
    // Starts work that is not one daemon call (a deploy, a local registry); finished(error, id)
    // when it is over.
    using Finished = std::function<void(const Backends::Error &error, const QString &id)>;
    using Start = std::function<void(const QJsonObject &body, Finished finished)>;
    using Done = std::function<void(const Outcome &)>;

    explicit Operations(const QString &host, QObject *parent = nullptr);

    const QString &host() const { return m_host; }
    void setHost(const QString &host) { m_host = host; }
    // Where the gate runs; an empty runner: no platform database, no gate.
    void setRunner(GateRunner runner, bool tenant);
    bool gated() const { return bool(m_runner); }
    // The principal is a tenant (the gate confines what it may do).
    bool forTenant() const { return gated() && m_tenant; }

    // The request's whole path; done (optional) gets the outcome on this object's thread.
    void run(const Request &request, Send send, Done done = {});
    // The same for work made of several daemon calls (its own steps go through run or the
    // deploy hooks); one record for the whole.
    void runWork(const Request &request, Start start, Done done = {});
    // Checks only, before a flow of its own: a tenant may act on every target of the kind
    // (refusals recorded); done(first refusal, or none).
    void check(const Request &request, const QStringList &targets, std::function<void(const Backends::Error &)> done);

    // Which of refs the principal may see (all for an admin); listing records nothing.
    void visible(const QString &kind, const QStringList &refs, std::function<void(const QSet<QString> &)> done);

    // The gated steps of work made of several daemon calls (a deploy, a local registry) that
    // runs under this object (runWork): ungated when there is no platform database.
    GatedSteps steps() const;

    // "container.start web": for task titles and messages that do not depend on the language.
    static QString describe(const Request &request);

private:
    using Sent = std::function<void(const Backends::Error &, const QString &id, Backends::DockerJob *job)>;
    void begin(const Request &request, std::function<void(const QJsonObject &body, Sent sent)> start, Done done);

    QString m_host;
    GateRunner m_runner;
    bool m_tenant = false;
};

} // namespace Wharf::Models
