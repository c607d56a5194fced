#pragma once

#include "tenantdaemons.h"

namespace Wharf::Models {

class HostConnection;

// The console's way to give a tenant a daemon on one of its hosts, or take it back: a
// TenantProvisioner over the connection's way in to the host and its operations layer, run as
// one task of the console's task list (the helper's progress as the task's detail, Cancel
// through the task). sentence turns the end into what the task (and the page) says.
class TenantDaemonTask
{
public:
    using Sentence = std::function<QString(const Backends::Error &error, const Backends::TenantEndpoint &endpoint)>;
    using Ended = std::function<void(bool ok, const QString &sentence)>;

    static void give(HostConnection *host, const QString &title, const QString &tenant, bool dedicate, const Backends::Plan &plan,
                     const QString &publicKey, const QString &root, const QString &socket, QObject *context, Sentence sentence, Ended ended);
    static void takeBack(HostConnection *host, const QString &title, const Backends::TenantEndpoint &record, bool withData, QObject *context,
                         Sentence sentence, Ended ended);

private:
    static TenantProvisioner *start(HostConnection *host, const QString &title, QObject *context, Sentence sentence, Ended ended,
                                    TenantProvisioner::Done *done);
};

} // namespace Wharf::Models
