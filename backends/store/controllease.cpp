#include "controllease.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace Wharf::Backends {

namespace {
// A stable 63-bit key for the host (advisory locks take a bigint).
qint64 leaseKey(const QString &host)
{
    const QByteArray h = QCryptographicHash::hash(QByteArray("wharf-control:" + host.toUtf8()), QCryptographicHash::Sha256);
    qint64 key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | quint8(h[i]);
    return key & 0x7fffffffffffffffLL;
}
} // namespace

ControlLease::ControlLease(const StoreUrl &url, const QString &password, const QString &host)
    : m_url(url)
    , m_password(password)
    , m_host(host)
{
}

ControlLease::~ControlLease()
{
    release();
}

Expected<bool> ControlLease::tryAcquire()
{
    if (m_held)
        return true;
    if (m_url.engine == StoreUrl::Sqlite) {
        const QString key = QString::fromLatin1(QCryptographicHash::hash(m_host.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
        m_lock = std::make_unique<QLockFile>(m_url.path + QStringLiteral(".lease-") + key);
        m_lock->setStaleLockTime(0); // a holder that died leaves a stale file: its pid tells
        if (m_lock->tryLock(0)) {
            m_held = true;
            return true;
        }
        if (m_lock->error() == QLockFile::PermissionError)
            return Error::make(Error::Database, tr("Cannot write the lease file beside %1.").arg(m_url.path));
        m_lock.reset();
        return false;
    }
    if (!m_store) {
        auto s = Store::open(m_url, m_password);
        if (!s)
            return s.error();
        m_store = *s;
    }
    auto v = m_store->scalar(QStringLiteral("SELECT pg_try_advisory_lock(?)"), {leaseKey(m_host)});
    if (!v)
        return v.error();
    m_held = v->toBool();
    return m_held;
}

bool ControlLease::check()
{
    if (!m_held)
        return false;
    if (m_url.engine == StoreUrl::Sqlite)
        return true;
    auto v = m_store->scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted"));
    if (!v || v->toInt() == 0)
        m_held = false;
    return m_held;
}

void ControlLease::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
        return;
    }
    if (m_store)
        m_store->scalar(QStringLiteral("SELECT pg_advisory_unlock(?)"), {leaseKey(m_host)});
}

} // namespace Wharf::Backends
