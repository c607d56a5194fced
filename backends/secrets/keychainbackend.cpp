#include "keychainbackend.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace Wharf::Backends {

namespace {
Error toError(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Error::make(Error::NotFound, job->errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::make(Error::Secret, KeychainSecretBackend::tr("No keychain is available (%1). On Linux, Wharf needs "
                                                                   "a Secret Service such as GNOME Keyring or KWallet.")
                                                 .arg(job->errorString()));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(Error::Secret, KeychainSecretBackend::tr("The keychain denied access: %1").arg(job->errorString()));
    default:
        return Error::make(Error::Secret, KeychainSecretBackend::tr("The keychain failed: %1").arg(job->errorString()));
    }
}
// Every job: our service, never the plaintext fallback, deleted when done.
template<typename JobType>
JobType *makeJob(const QString &service, QObject *parent, const QString &key)
{
    auto *job = new JobType(service, parent);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    return job;
}
} // namespace

KeychainSecretBackend::KeychainSecretBackend(const QString &service, QObject *parent)
    : SecretBackend(parent)
    , m_service(service)
{
}

QString KeychainSecretBackend::name() const
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#else
    return tr("Secret Service");
#endif
}

qsizetype KeychainSecretBackend::maxEntrySize() const
{
#ifdef Q_OS_WIN
    // CRED_MAX_CREDENTIAL_BLOB_SIZE is 5 * 512 bytes; QtKeychain stores binary data as is.
    return 2048;
#else
    return 1 << 20;
#endif
}

void KeychainSecretBackend::readEntry(const QString &key, Got done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, this, key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        const Error e = toError(j);
        if (e.isError())
            done(e);
        else
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData());
    });
    job->start();
}

void KeychainSecretBackend::writeEntry(const QString &key, const QByteArray &value, Done done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, this, key);
    job->setBinaryData(value);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) { done(toError(j)); });
    job->start();
}

void KeychainSecretBackend::deleteEntry(const QString &key, Done done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, this, key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        const Error e = toError(j);
        done(e.kind == Error::NotFound ? Error() : e);
    });
    job->start();
}

} // namespace Wharf::Backends
