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

    // rebuild: build every service with a build:, not only those whose image is missing
    void plan(const Backends::Compose::Project &project, std::function<void(const Backends::Expected<DeployPlan> &)> done, bool rebuild = false);
    void deploy(const Backends::Compose::Project &project, const DeployPlan &plan, bool atomic);
    void act(const QString &app, AppDeployer::Verb verb);

    // where deploy journals go (default: the user's data folder)
    // Where deploy journals go (default: the data folder's deploys/).
    void setJournalDir(const QString &dir) { m_journalDir = dir; }
    // the registry logins for the images a deploy pulls (none: anonymous pulls)
    void setRegistryAuth(RegistryAuthFor auth) { m_registryAuth = std::move(auth); }
    void setRegistryLogins(RegistryLoginsAll logins) { m_registryLogins = std::move(logins); }

Q_SIGNALS:
    void failed(const QString &message);
    void finished(const QString &app);

private:
    Backends::Error unavailable() const;
    AppDeployer *deployer();

    QPointer<HostConnection> m_host;
    QString m_journalDir;
    RegistryAuthFor m_registryAuth;
    RegistryLoginsAll m_registryLogins;
};

} // namespace Wharf::Models::Apps
