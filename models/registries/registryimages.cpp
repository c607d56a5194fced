#include "registryimages.h"

#include <QPointer>

#include <memory>

namespace Wharf::Models {

using Backends::Expected;
using Backends::RegistryClient;

void listRegistryImages(const RegistryStore *registries, Backends::CredentialStore *credentials, QObject *context,
                        std::function<void(const RegistryImages &)> done, int maxRepositories)
{
    struct State
    {
        RegistryImages result;
        int pending = 0;
        std::function<void(const RegistryImages &)> done;
        void finishOne()
        {
            if (--pending == 0) {
                result.images.sort();
                result.images.removeDuplicates();
                done(result);
            }
        }
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    QList<RegistryConfig> list;
    for (const RegistryConfig &r : registries ? registries->registries() : QList<RegistryConfig>{})
        if (!r.isDockerHub())
            list << r;
    if (list.isEmpty()) {
        QMetaObject::invokeMethod(context, [state] { state->done({}); }, Qt::QueuedConnection);
        return;
    }
    state->pending = int(list.size());
    QPointer<QObject> guard(context);
    for (const RegistryConfig &r : list) {
        RegistryLogins::client(credentials, r, context, [state, guard, r, maxRepositories](const Expected<RegistryClient *> &c) {
            if (!guard)
                return;
            if (!c) {
                state->result.errors << r.name + QStringLiteral(": ") + c.error().message;
                return state->finishOne();
            }
            RegistryClient *client = *c;
            client->setTimeout(10000);
            client->repositories([state, guard, r, client](const Expected<QStringList> &repos) {
                if (!guard)
                    return;
                if (!repos || repos->isEmpty()) {
                    if (!repos)
                        state->result.errors << r.name + QStringLiteral(": ") + repos.error().message;
                    client->deleteLater();
                    return state->finishOne();
                }
                // every repository's tags, then this registry is done
                auto left = std::make_shared<int>(int(repos->size()));
                for (const QString &repo : *repos) {
                    client->tags(repo, [state, guard, r, client, repo, left](const Expected<QStringList> &tags) {
                        if (!guard)
                            return;
                        if (tags)
                            for (const QString &t : *tags)
                                state->result.images << QStringLiteral("%1/%2:%3").arg(r.imagePrefix(), repo, t);
                        if (--*left == 0) {
                            client->deleteLater();
                            state->finishOne();
                        }
                    });
                }
            }, 1000, maxRepositories);
        });
    }
}

} // namespace Wharf::Models
