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
            Error e = g.checkOwned(host, r.ownedRef(), r.resource);
            for (const QString &c : r.containers)
                if (!e.isError())
                    e = g.checkOwned(host, c, QStringLiteral("container"));
            if (!e.isError() && r.resource == QLatin1String("container") && r.verb == QLatin1String("exec"))
                e = g.checkExec(body);
            if (e.isError()) {
                g.audit(action, host, r.target, QStringLiteral("denied"), e.message);
                return e;
            }
        }
        return none;
    case Request::Kind::Host:
        if (g.principal().isTenant()) {
            if (Error e = g.checkHost(host); e.isError()) {
                g.audit(action, host, r.target, QStringLiteral("denied"), e.message);
                return e;
            }
            for (const QString &name : r.imageNames)
                if (Error e = g.checkImageName(action, host, name); e.isError())
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

GatedSteps Operations::steps() const
{
    return m_runner ? GatedSteps(m_host, m_runner) : GatedSteps();
}

namespace {

// The daemon's answer to a change: books(job) always (what the daemon did is settled even when
// the work that asked has gone: the change is made either way), then done(job) while context
// lives. The job is deleted afterwards.
void whenAnswered(DockerJob *job, QObject *context, std::function<void(DockerJob *)> books, std::function<void(DockerJob *)> done)
{
    QPointer<QObject> ctx(context);
    QObject::connect(job, &DockerJob::finished, job, [job, ctx, books = std::move(books), done = std::move(done)] {
        job->deleteLater();
        if (books)
            books(job);
        if (ctx && done)
            done(job);
    });
}

// The gate's answer to a check, back on the caller's side.
void checkWith(const GateRunner &run, std::function<Error(PolicyGate &)> check, GatedSteps::Checked done)
{
    auto result = std::make_shared<Error>();
    run([check, result](PolicyGate &g) { *result = check(g); }, [result, done] { done(*result); });
}

} // namespace

void GatedSteps::create(const QString &kind, const QString &name, const QJsonObject &body, Send send, QObject *context, Done done) const
{
    const auto go = [kind, send, context, done](const QJsonObject &admitted, std::function<void(const QString &, const Error &)> settled) {
        const auto idOf = [kind](DockerJob *j) {
            const QJsonObject o = j->isError() ? QJsonObject() : j->json().object();
            return kind == QLatin1String("volume") ? o.value(QLatin1String("Name")).toString() : o.value(QLatin1String("Id")).toString();
        };
        whenAnswered(
            send(admitted), context, [idOf, settled](DockerJob *j) { settled(idOf(j), j->error()); },
            [idOf, done](DockerJob *j) { done(j->error(), idOf(j), j); });
    };
    if (!m_runner) {
        if (m_abandoned)
            if (const Error e = m_abandoned(); e.isError())
                return done(e, {}, nullptr);
        return go(body, [](const QString &, const Error &) {});
    }
    struct Admitted
    {
        Expected<Admission> admission{Admission{}};
        QJsonObject body;
    };
    auto admitted = std::make_shared<Admitted>();
    admitted->body = body;
    const QString host = m_host;
    const GateRunner run = m_runner;
    const auto abandoned = m_abandoned;
    QPointer<QObject> ctx(context);
    run([host, kind, name, admitted](PolicyGate &g) { admitted->admission = admit(g, host, Request::create(kind, name, {}), admitted->body); },
        [run, admitted, ctx, abandoned, go, done] {
            if (!admitted->admission) {
                if (ctx)
                    done(admitted->admission.error(), {}, nullptr);
                return;
            }
            const Admission a = *admitted->admission;
            const auto settled = [run, a](const QString &id, const Error &e) { run([a, id, e](PolicyGate &g) { g.settle(a, id, e); }, {}); };
            if (!ctx) // the work went away meanwhile: nothing is created, the reservation goes back
                return settled({}, Error::make(Error::Canceled, Operations::tr("Cancelled before it was sent.")));
            if (abandoned)
                if (const Error e = abandoned(); e.isError()) {
                    settled({}, e);
                    return done(e, {}, nullptr);
                }
            go(admitted->body, settled);
        });
}

void GatedSteps::act(Send send, QObject *context, Done done) const
{
    whenAnswered(send({}), context, {}, [done](DockerJob *j) { done(j->error(), {}, j); });
}

void GatedSteps::remove(const QString &kind, const QString &ref, Send send, QObject *context, Done done) const
{
    const QString host = m_host;
    const GateRunner run = m_runner;
    whenAnswered(
        send({}), context,
        [host, run, kind, ref](DockerJob *j) {
            if (run && !j->isError())
                run([host, kind, ref](PolicyGate &g) { g.removed(host, ref, kind); }, {});
        },
        [done](DockerJob *j) { done(j->error(), {}, j); });
}

void GatedSteps::appRemoved(const QString &app) const
{
    if (m_runner)
        m_runner([host = m_host, app](PolicyGate &g) { g.appRemoved(host, app); }, {});
}

void GatedSteps::checkOwned(const QString &kind, const QStringList &refs, Checked done) const
{
    if (!m_runner || refs.isEmpty())
        return done({});
    checkWith(m_runner, [host = m_host, kind, refs](PolicyGate &g) {
        for (const QString &r : refs)
            if (Error e = g.checkOwned(host, r, kind); e.isError())
                return e;
        return Error{};
    }, std::move(done));
}

void GatedSteps::claimApp(const QString &app, Checked done) const
{
    if (!m_runner)
        return done({});
    checkWith(m_runner, [host = m_host, app](PolicyGate &g) { return g.claimApp(host, app); }, std::move(done));
}

void GatedSteps::checkRemote(const QString &what, const QString &source, Checked done) const
{
    if (!m_runner)
        return done({});
    checkWith(m_runner, [what, source](PolicyGate &g) { return g.checkRemoteSource(what, source); }, std::move(done));
}

void GatedSteps::checkImageName(const QString &what, const QString &name, Checked done) const
{
    if (!m_runner)
        return done({});
    const QString host = m_host;
    checkWith(m_runner, [what, host, name](PolicyGate &g) { return g.checkImageName(what, host, name); }, std::move(done));
}

void GatedSteps::keep(std::function<Error(TenancyStore &)> change, Checked done) const
{
    if (!m_runner)
        return done(Error::make(Error::Input, QCoreApplication::translate("Wharf::Models::Operations", "This needs the platform database (wharfctl --db, or the console's database settings).")));
    checkWith(m_runner, [change](PolicyGate &g) {
        if (!g.store())
            return Error::make(Error::Input, QCoreApplication::translate("Wharf::Models::Operations", "This needs the platform database (wharfctl --db, or the console's database settings)."));
        return change(*g.store());
    }, std::move(done));
}

} // namespace Wharf::Models
