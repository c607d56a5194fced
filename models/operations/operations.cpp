#include "operations.h"

#include <memory>

namespace Wharf::Models {

using namespace Backends;

namespace {

// What a create made, from the daemon's answer: an id, or a volume's name.
QString createdRef(const Request &r, DockerJob *job)
{
    const QJsonObject o = job->json().object();
    if (r.resource == QLatin1String("volume"))
        return o.value(QLatin1String("Name")).toString();
    return o.value(QLatin1String("Id")).toString();
}

// The gate's checks for a request (on the gate's thread). body is changed in place for
// creates (the tenant's labels, a fair share of the plan's limits).
Expected<Admission> admit(PolicyGate &g, const QString &host, const Request &r, QJsonObject &body)
{
    const QString action = r.action();
    Admission none{0, host, action, r.target};
    if (!r.remoteSource.isEmpty())
        if (Error e = g.checkRemoteSource(action, r.remoteSource); e.isError())
            return e;
    switch (r.kind) {
    case Request::Kind::Create:
        if (r.resource == QLatin1String("volume"))
            return g.admitVolume(host, body);
        if (r.resource == QLatin1String("network"))
            return g.admitNetwork(host, body);
        if (r.resource == QLatin1String("container"))
            return g.admitContainer(host, body, r.target);
        break;
    case Request::Kind::Update:
        return g.admitUpdate(host, r.ownedRef(), body);
    case Request::Kind::Act:
    case Request::Kind::Remove:
        if (g.principal().isTenant()) {
            if (Error e = g.checkOwned(host, r.ownedRef(), r.resource); e.isError()) {
                g.audit(action, host, r.target, QStringLiteral("denied"), e.message);
                return e;
            }
        }
        return none;
    case Request::Kind::Host:
        if (g.principal().isTenant())
            if (Error e = g.checkHost(host); e.isError()) {
                g.audit(action, host, r.target, QStringLiteral("denied"), e.message);
                return e;
            }
        return none;
    case Request::Kind::Admin:
        if (Error e = g.tenantDenial(action); e.isError()) {
            g.audit(action, host, r.target, QStringLiteral("denied"), e.message);
            return e;
        }
        return none;
    }
    return none;
}

// The daemon answered (on the gate's thread): the reservation settled, and the record.
void settle(PolicyGate &g, const Request &r, const Admission &a, const QString &id, const Error &error)
{
    switch (r.kind) {
    case Request::Kind::Create:
    case Request::Kind::Update:
        g.settle(a, id, error); // the gate writes the record (ok, or failed with the release)
        return;
    case Request::Kind::Remove:
        if (!error.isError()) {
            g.removed(a.host, r.ownedRef(), r.resource, r.target); // the quota back, and the record
            return;
        }
        break;
    default:
        break;
    }
    // (work of several calls may say what it did in place of an id: a deploy's summary)
    g.audit(r.action(), a.host, r.target, error.isError() ? QStringLiteral("failed") : QStringLiteral("ok"), error.isError() ? error.message : id);
}

} // namespace

Operations::Operations(const QString &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
}

void Operations::setRunner(GateRunner runner, bool tenant)
{
    m_runner = std::move(runner);
    m_tenant = tenant;
}

QString Operations::describe(const Request &request)
{
    return request.action() + (request.target.isEmpty() ? QString() : QLatin1Char(' ') + request.target);
}

void Operations::run(const Request &request, Send send, Done done)
{
    begin(request, [this, request, send](const QJsonObject &body, Sent sent) {
        DockerJob *job = send(body);
        connect(job, &DockerJob::finished, this, [job, request, sent] {
            job->deleteLater();
            sent(job->error(), job->isError() ? QString() : createdRef(request, job), job);
        });
    }, std::move(done));
}

void Operations::runWork(const Request &request, Start start, Done done)
{
    begin(request, [start](const QJsonObject &body, Sent sent) {
        start(body, [sent](const Error &error, const QString &id) { sent(error, id, nullptr); });
    }, std::move(done));
}

void Operations::begin(const Request &request, std::function<void(const QJsonObject &, Sent)> start, Done done)
{
    const QString host = m_host;
    GateRunner runner = m_runner;
    auto go = [runner, request, start, done](const QJsonObject &body, const Admission &admission) {
        start(body, [runner, request, admission, done](const Error &error, const QString &id, DockerJob *job) {
            if (runner)
                runner([request, admission, id, error](PolicyGate &g) { settle(g, request, admission, id, error); }, {});
            Outcome outcome;
            outcome.error = error;
            outcome.id = id;
            outcome.job = job;
            if (done)
                done(outcome);
        });
    };
    if (!runner)
        return go(request.body, Admission{0, host, request.action(), request.target});
    struct Admitted
    {
        Expected<Admission> admission{Admission{}};
        QJsonObject body;
    };
    auto admitted = std::make_shared<Admitted>();
    admitted->body = request.body;
    QPointer<Operations> self(this);
    runner([host, request, admitted](PolicyGate &g) { admitted->admission = admit(g, host, request, admitted->body); },
           [self, runner, admitted, go, done] {
               if (!admitted->admission) {
                   Outcome refused;
                   refused.error = admitted->admission.error();
                   refused.refused = true;
                   if (done)
                       done(refused);
                   return;
               }
               if (!self) { // gone meanwhile: nothing goes out, the reservation is given back
                   const Admission a = *admitted->admission;
                   runner([a](PolicyGate &g) { g.settle(a, {}, Error::make(Error::Input, tr("Cancelled before it was sent."))); }, {});
                   return;
               }
               go(admitted->body, *admitted->admission);
           });
}

void Operations::check(const Request &request, const QStringList &targets, std::function<void(const Error &)> done)
{
    if (!forTenant() || targets.isEmpty())
        return done({});
    auto result = std::make_shared<Error>();
    const QString host = m_host;
    m_runner([host, request, targets, result](PolicyGate &g) {
        for (const QString &t : targets) {
            Request r = request;
            r.target = t;
            QJsonObject body;
            auto a = admit(g, host, r, body);
            if (!a) {
                *result = a.error();
                return;
            }
        }
    }, [result, done] { done(*result); });
}

void Operations::visible(const QString &kind, const QStringList &refs, std::function<void(const QSet<QString> &)> done)
{
    if (!forTenant())
        return done(QSet<QString>(refs.begin(), refs.end()));
    auto result = std::make_shared<QSet<QString>>();
    const QString host = m_host;
    m_runner([host, kind, refs, result](PolicyGate &g) {
        for (const QString &r : refs)
            if (!g.checkOwned(host, r, kind).isError())
                result->insert(r);
    }, [result, done] { done(*result); });
}

Operations::DeployHooks Operations::deployHooks() const
{
    DeployHooks h;
    if (!m_runner)
        return h;
    const QString host = m_host;
    GateRunner run = m_runner;
    h.checkOwned = [host, run](const QString &kind, const QStringList &refs, DeployHooks::Checked done) {
        auto result = std::make_shared<Error>();
        run([host, kind, refs, result](PolicyGate &g) {
            for (const QString &r : refs)
                if (Error e = g.checkOwned(host, r, kind); e.isError()) {
                    *result = e;
                    return;
                }
        }, [result, done] { done(*result); });
    };
    h.admit = [host, run](const QString &kind, const QJsonObject &body, const QString &name, DeployHooks::Admitted done) {
        auto result = std::make_shared<std::pair<Expected<Admission>, QJsonObject>>(Admission{}, body);
        run([host, kind, name, result](PolicyGate &g) {
            result->first = admit(g, host, Request::create(kind, name, {}), result->second);
        }, [result, done] { done(result->first, result->second); });
    };
    h.settle = [run](const Admission &a, const QString &id, const Error &e) {
        run([a, id, e](PolicyGate &g) { g.settle(a, id, e); }, {});
    };
    h.removed = [host, run](const QString &kind, const QString &ref) {
        run([host, kind, ref](PolicyGate &g) {
            if (kind == QLatin1String("app"))
                g.appRemoved(host, ref);
            else
                g.removed(host, ref, kind);
        }, {});
    };
    h.claimApp = [host, run](const QString &app, DeployHooks::Checked done) {
        auto result = std::make_shared<Error>();
        run([host, app, result](PolicyGate &g) { *result = g.claimApp(host, app); }, [result, done] { done(*result); });
    };
    h.checkRemote = [run](const QString &what, const QString &source, DeployHooks::Checked done) {
        auto result = std::make_shared<Error>();
        run([what, source, result](PolicyGate &g) { *result = g.checkRemoteSource(what, source); }, [result, done] { done(*result); });
    };
    return h;
}

} // namespace Wharf::Models
