#include "hostprobe.h"

namespace Wharf::Models {

using namespace Backends;

HostProbe::HostProbe(QObject *parent)
    : QObject(parent)
{
}

void HostProbe::probe(const Endpoint &endpoint, std::function<void(const Expected<HostFacts> &)> done)
{
    if (m_client)
        m_client->deleteLater(); // its jobs go with it, unanswered
    auto *client = new DockerClient(endpoint, this);
    m_client = client;
    if (client->configurationError().isError())
        return done(client->configurationError());
    whenFinished(client->info(), client, [client, done = std::move(done)](DockerJob *job) {
        if (job->isError())
            return done(job->error());
        const QJsonObject o = job->json().object();
        HostFacts f;
        f.serverVersion = o.value(QLatin1String("ServerVersion")).toString();
        f.apiVersion = client->apiVersion();
        f.operatingSystem = o.value(QLatin1String("OperatingSystem")).toString();
        f.cpus = o.value(QLatin1String("NCPU")).toInt();
        f.memoryBytes = o.value(QLatin1String("MemTotal")).toDouble();
        f.containers = o.value(QLatin1String("Containers")).toInt();
        done(f);
    });
}

} // namespace Wharf::Models
