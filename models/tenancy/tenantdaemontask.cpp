#include "tenantdaemontask.h"

#include "hosts/hostconnection.h"
#include "tasks/taskmodel.h"

namespace Wharf::Models {

using namespace Backends;

TenantProvisioner *TenantDaemonTask::start(HostConnection *host, const QString &title, QObject *context, Sentence sentence, Ended ended,
                                           TenantProvisioner::Done *done)
{
    auto *provisioner = new TenantProvisioner(host->operations(), host->client()->endpoint(), context);
    QPointer<TaskModel> tasks(host->tasks());
    const int task = tasks->begin(title);
    QObject::connect(provisioner, &TenantProvisioner::progress, provisioner, [tasks, task](const QString &line) {
        if (tasks)
            tasks->setProgress(task, 0, 0, {}, line);
    });
    tasks->setCanceller(task, [p = QPointer<TenantProvisioner>(provisioner)] {
        if (p)
            p->cancel();
    });
    *done = [provisioner, tasks, task, sentence, ended](const Error &e, const TenantEndpoint &endpoint) {
        provisioner->deleteLater();
        const QString said = sentence(e, endpoint);
        if (tasks) {
            if (e.isError())
                tasks->fail(task, said);
            else
                tasks->succeed(task, said);
        }
        ended(!e.isError(), said);
    };
    return provisioner;
}

void TenantDaemonTask::give(HostConnection *host, const QString &title, const QString &tenant, bool dedicate, const Plan &plan, const QString &publicKey,
                            const QString &root, const QString &socket, QObject *context, Sentence sentence, Ended ended)
{
    TenantProvisioner::Done done;
    TenantProvisioner *p = start(host, title, context, std::move(sentence), std::move(ended), &done);
    if (dedicate)
        p->dedicate(tenant, publicKey, root, socket, done);
    else
        p->provision(tenant, plan, publicKey, root, done);
}

void TenantDaemonTask::takeBack(HostConnection *host, const QString &title, const TenantEndpoint &record, bool withData, QObject *context,
                                Sentence sentence, Ended ended)
{
    TenantProvisioner::Done done;
    TenantProvisioner *p = start(host, title, context, std::move(sentence), std::move(ended), &done);
    p->deprovision(record, withData, done);
}

} // namespace Wharf::Models
