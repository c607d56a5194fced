#pragma once

#include "store.h"

#include <QLockFile>

#include <memory>

namespace Wharf::Backends {

// The right to run a host's control loops (metering, scaling, health): one holder at a time.
// PostgreSQL: a session advisory lock on a connection of the lease's own, so it goes when
// the holder exits or its connection drops. SQLite: a lock file beside the database (the
// embedded store has one local user, but that user may run a console and wharfctl at once).
class ControlLease
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::ControlLease)
public:
    ControlLease(const StoreUrl &url, const QString &password, const QString &host);
    ~ControlLease();
    // Takes the lease if nobody holds it; false (and no error) when someone else does.
    Expected<bool> tryAcquire();
    void release();
    bool isHeld() const { return m_held; }
    // Whether the lease's connection still holds it (PostgreSQL: the connection is alive).
    bool check();
    QString host() const { return m_host; }

private:
    StoreUrl m_url;
    QString m_password;
    QString m_host;
    std::shared_ptr<Store> m_store; // PostgreSQL: a connection of its own
    std::unique_ptr<QLockFile> m_lock;
    bool m_held = false;
};

} // namespace Wharf::Backends
