#pragma once

#include "appdeployer.h"

#include <QObject>
#include <QPointer>

namespace Wharf::Models {
class HostConnection;
}

namespace Wharf::Models::Apps {

// The console's app actions on one host: plan, deploy (with progress in the task list),
// stop, start, restart and remove. Every action is audited, and every request passes the
// policy gate (a tenant's console deploys within its quota, onto networks of its own).
class AppActions : public QObject
{
    Q_OBJECT
public:
    explicit AppActions(HostConnection *host, QObject *parent = nullptr);

    void plan(const Backends::Compose::Project &project, std::function<void(const Backends::Expected<DeployPlan> &)> done);
    void deploy(const Backends::Compose::Project &project, const DeployPlan &plan, bool atomic);
    void act(const QString &app, AppDeployer::Verb verb);

    // where deploy journals go (default: the user's data folder)
    void setJournalDir(const QString &dir) { m_journalDir = dir; }

Q_SIGNALS:
    void failed(const QString &message);
    void finished(const QString &app);

private:
    Backends::Error unavailable() const;
    AppDeployer *deployer();

    QPointer<HostConnection> m_host;
    QString m_journalDir;
};

} // namespace Wharf::Models::Apps
