#include "appactions.h"

#include "hosts/hostconnection.h"
#include "tasks/taskmodel.h"
#include "tenancy/tenancyservice.h"

#include <QDir>
#include <QStandardPaths>

namespace Wharf::Models::Apps {

using Backends::Error;

AppActions::AppActions(HostConnection *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_journalDir = qEnvironmentVariable("WHARF_DATA_DIR");
    if (m_journalDir.isEmpty())
        m_journalDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Wharf/wharf");
    m_journalDir += QStringLiteral("/deploys");
}

Error AppActions::unavailable() const
{
    if (!m_host || !m_host->client())
        return Error::make(Error::Connect, tr("the host is not connected"));
    return {};
}

// A deployer whose every request passes the policy gate on the platform database's thread.
AppDeployer *AppActions::deployer()
{
    auto *d = new AppDeployer(m_host->client(), this);
    d->setRegistryAuth(m_registryAuth);
    if (!m_host->gated())
        return d;
    QPointer<TenancyService> service(m_host->tenancy());
    d->setHooks(gateHooks(m_host->config().name, [service](std::function<void(PolicyGate &)> work, std::function<void()> then) {
        if (!service)
            return;
        // The service is the context: an answer (a reservation to settle) is never dropped.
        service->gated<bool>(service, [work](PolicyGate &g) {
            work(g);
            return true;
        }, [then](const bool &) {
            if (then)
                then();
        });
    }));
    return d;
}

void AppActions::plan(const Backends::Compose::Project &project, std::function<void(const Backends::Expected<DeployPlan> &)> done, bool rebuild)
{
    if (Error e = unavailable(); e.isError())
        return done(e);
    auto *d = deployer();
    DeployOptions o;
    o.build = rebuild;
    d->setOptions(o);
    d->plan(project, [d, done](const Backends::Expected<DeployPlan> &p) {
        d->deleteLater();
        done(p);
    });
}

void AppActions::deploy(const Backends::Compose::Project &project, const DeployPlan &plan, bool atomic)
{
    if (Error e = unavailable(); e.isError()) {
        Q_EMIT failed(e.message);
        return;
    }
    TaskModel *tasks = m_host->tasks();
    const int task = tasks->begin(tr("Deploy app %1 on %2").arg(project.name, m_host->config().name));
    auto *d = deployer();
    DeployOptions o;
    o.atomic = atomic;
    o.journalPath = QDir(m_journalDir).absoluteFilePath(project.name + QStringLiteral(".json"));
    d->setOptions(o);
    const int total = int(plan.steps.size());
    auto done = std::make_shared<int>(0);
    connect(d, &AppDeployer::progress, this, [tasks, task, total, done](const QString &, const QString &message) {
        tasks->setProgress(task, qMin(++*done, total), total, {}, message);
    });
    connect(d, &AppDeployer::finished, this, [this, d, tasks, task, project, plan](const Error &e) {
        d->deleteLater();
        if (!m_host)
            return;
        m_host->audit(QStringLiteral("app.deploy"), project.name, e.isError() ? QStringLiteral("failed") : QStringLiteral("ok"),
                      e.isError() ? e.message : plan.summary());
        if (e.isError()) {
            tasks->fail(task, e.message);
            Q_EMIT failed(e.message);
            return;
        }
        tasks->succeed(task, plan.summary());
        Q_EMIT finished(project.name);
    });
    d->apply(project, plan);
}

void AppActions::act(const QString &app, AppDeployer::Verb verb)
{
    const QString action = verb == AppDeployer::Verb::Stop    ? QStringLiteral("app.stop")
        : verb == AppDeployer::Verb::Start                    ? QStringLiteral("app.start")
        : verb == AppDeployer::Verb::Restart                  ? QStringLiteral("app.restart")
                                                              : QStringLiteral("app.remove");
    if (Error e = unavailable(); e.isError()) {
        Q_EMIT failed(e.message);
        return;
    }
    const QString title = verb == AppDeployer::Verb::Stop  ? tr("Stop app %1").arg(app)
        : verb == AppDeployer::Verb::Start                 ? tr("Start app %1").arg(app)
        : verb == AppDeployer::Verb::Restart               ? tr("Restart app %1").arg(app)
                                                           : tr("Remove app %1").arg(app);
    TaskModel *tasks = m_host->tasks();
    const int task = tasks->begin(title);
    auto *d = deployer();
    connect(d, &AppDeployer::progress, this, [tasks, task](const QString &, const QString &message) { tasks->setProgress(task, 0, 0, {}, message); });
    connect(d, &AppDeployer::finished, this, [this, d, tasks, task, app, action](const Error &e) {
        d->deleteLater();
        if (!m_host)
            return;
        m_host->audit(action, app, e.isError() ? QStringLiteral("failed") : QStringLiteral("ok"), e.message);
        if (e.isError()) {
            tasks->fail(task, e.message);
            Q_EMIT failed(e.message);
            return;
        }
        tasks->succeed(task);
        Q_EMIT finished(app);
    });
    d->act(app, verb);
}

} // namespace Wharf::Models::Apps
