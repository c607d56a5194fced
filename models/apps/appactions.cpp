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
}

Error AppActions::unavailable() const
{
    if (!m_host || !m_host->client())
        return Error::make(Error::Connect, tr("the host is not connected"));
    return {};
}

// A deployer whose every request passes the policy gate (the host's operations layer).
AppDeployer *AppActions::deployer()
{
    auto *d = new AppDeployer(m_host->client(), this);
    d->setRegistryAuth(m_registryAuth);
    d->setRegistryLogins(m_registryLogins);
    d->setSteps(m_host->operations()->steps());
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
    const QString title = tr("Deploy app %1 on %2").arg(project.name, m_host->config().name);
    const QString journal = m_journalDir.isEmpty() ? deployJournalPath(project.name) : QDir(m_journalDir).absoluteFilePath(project.name + QStringLiteral(".json"));
    QPointer<AppActions> self(this);
    m_host->operations()->runWork(Request::host(QStringLiteral("app"), QStringLiteral("deploy"), project.name),
        [self, tasks, title, journal, project, plan, atomic](const QJsonObject &, Operations::Finished finished) {
            if (!self)
                return finished(Error::make(Error::Input, tr("The host was removed.")), {});
            const int task = tasks->begin(title);
            auto *d = self->deployer();
            DeployOptions o;
            o.atomic = atomic;
            o.journalPath = journal;
            d->setOptions(o);
            const int total = int(plan.steps.size());
            auto done = std::make_shared<int>(0);
            connect(d, &AppDeployer::progress, self, [tasks, task, total, done](const QString &, const QString &message) {
                tasks->setProgress(task, qMin(++*done, total), total, {}, message);
            });
            tasks->setCanceller(task, [d = QPointer<AppDeployer>(d)] {
                if (d)
                    d->cancel();
            });
            connect(d, &AppDeployer::finished, self, [d, tasks, task, plan, finished](const Error &e) {
                d->deleteLater();
                if (e.isError())
                    tasks->fail(task, e.message);
                else
                    tasks->succeed(task, plan.summary());
                finished(e, e.isError() ? QString() : plan.summary());
            });
            d->apply(project, plan);
        },
        [self, project](const Outcome &o) {
            if (!self)
                return;
            if (!o.ok())
                Q_EMIT self->failed(o.error.message);
            else
                Q_EMIT self->finished(project.name);
        });
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
    const QString verbName = action.mid(4);
    QPointer<AppActions> self(this);
    m_host->operations()->runWork(Request::host(QStringLiteral("app"), verbName, app),
        [self, tasks, title, app, verb](const QJsonObject &, Operations::Finished finished) {
            if (!self)
                return finished(Error::make(Error::Input, tr("The host was removed.")), {});
            const int task = tasks->begin(title);
            auto *d = self->deployer();
            connect(d, &AppDeployer::progress, self, [tasks, task](const QString &, const QString &message) { tasks->setProgress(task, 0, 0, {}, message); });
            connect(d, &AppDeployer::finished, self, [d, tasks, task, finished](const Error &e) {
                d->deleteLater();
                if (e.isError())
                    tasks->fail(task, e.message);
                else
                    tasks->succeed(task);
                finished(e, {});
            });
            d->act(app, verb);
        },
        [self, app](const Outcome &o) {
            if (!self)
                return;
            if (!o.ok())
                Q_EMIT self->failed(o.error.message);
            else
                Q_EMIT self->finished(app);
        });
}

} // namespace Wharf::Models::Apps
