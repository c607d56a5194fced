#include "credentialstore.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace Wharf::Backends {

namespace {
// A split value: the main entry holds this marker, the part count and the total size; the parts
// are "<key>#1" … "<key>#N".
constexpr QByteArrayView ChunkMarker("wharf-split-secret:v1:");

QString partKey(const QString &key, int i)
{
    return key + QLatin1Char('#') + QString::number(i);
}
} // namespace

void MemorySecretBackend::readEntry(const QString &key, Got done)
{
    const auto it = m_entries.constFind(key);
    const Expected<QByteArray> r = it == m_entries.cend()
        ? Expected<QByteArray>(Error::make(Error::NotFound, QStringLiteral("no entry %1").arg(key)))
        : Expected<QByteArray>(it.value());
    QTimer::singleShot(0, this, [done, r] { done(r); });
}

void MemorySecretBackend::writeEntry(const QString &key, const QByteArray &value, Done done)
{
    Error e;
    if (value.size() > m_max)
        e = Error::make(Error::Secret, QStringLiteral("entry too large"));
    else
        m_entries.insert(key, std::exchange(m_corrupt, false) ? value + "!" : value);
    QTimer::singleShot(0, this, [done, e] { done(e); });
}

void MemorySecretBackend::deleteEntry(const QString &key, Done done)
{
    m_entries.remove(key);
    QTimer::singleShot(0, this, [done] { done({}); });
}

CredentialStore::CredentialStore(SecretBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
}

QString CredentialStore::key(QStringView kind, QStringView id, QStringView what)
{
    return kind.toString() + QLatin1Char('/') + id.toString() + QLatin1Char('/') + what.toString();
}

int CredentialStore::partsOf(const QByteArray &head)
{
    if (!head.startsWith(ChunkMarker))
        return 0;
    const QList<QByteArray> f = head.mid(ChunkMarker.size()).split(':');
    bool ok = false;
    const int n = f.value(0).toInt(&ok);
    return ok && n > 0 && n < 10000 ? n : 0;
}

void CredentialStore::read(const QString &key, SecretBackend::Got done)
{
    QPointer<CredentialStore> self(this);
    m_backend->readEntry(key, [self, key, done](const Expected<QByteArray> &head) {
        if (!self)
            return;
        if (!head) {
            done(head);
            return;
        }
        const int n = partsOf(*head);
        if (n == 0) {
            done(head);
            return;
        }
        const qsizetype total = head->mid(ChunkMarker.size()).split(':').value(1).toLongLong();
        // Read the parts one after the other and join them.
        auto joined = std::make_shared<QByteArray>();
        auto next = std::make_shared<std::function<void(int)>>();
        // The step holds itself weakly; the pending callback holds it strongly.
        *next = [self, key, n, total, joined, weakNext = std::weak_ptr(next), done](int i) {
            if (!self)
                return;
            if (i > n) {
                if (joined->size() != total)
                    done(Error::make(Error::Secret, tr("The secret %1 is damaged in the keychain (%2 of %3 bytes).")
                                                        .arg(key)
                                                        .arg(joined->size())
                                                        .arg(total)));
                else
                    done(*joined);
                return;
            }
            auto next = weakNext.lock();
            self->m_backend->readEntry(partKey(key, i), [self, key, i, joined, next, done](const Expected<QByteArray> &part) {
                if (!part) {
                    done(Error::make(Error::Secret, tr("The secret %1 is damaged in the keychain (part %2: %3).")
                                                        .arg(key)
                                                        .arg(i)
                                                        .arg(part.error().message)));
                    return;
                }
                joined->append(*part);
                (*next)(i + 1);
            });
        };
        (*next)(1);
    });
}

void CredentialStore::write(const QString &key, const QByteArray &value, SecretBackend::Done done)
{
    // Learn how many parts an older value had, so that none is left behind.
    QPointer<CredentialStore> self(this);
    m_backend->readEntry(key, [self, key, value, done](const Expected<QByteArray> &old) {
        if (!self)
            return;
        if (!old && old.error().kind != Error::NotFound) {
            done(old.error());
            return;
        }
        self->writeParts(key, value, old ? partsOf(*old) : 0, done);
    });
}

void CredentialStore::writeParts(const QString &key, const QByteArray &value, int oldParts, SecretBackend::Done done)
{
    const qsizetype max = std::max<qsizetype>(64, m_backend->maxEntrySize());
    QList<QByteArray> parts;
    QByteArray head;
    if (value.size() <= max && !value.startsWith(ChunkMarker)) {
        head = value;
    } else {
        for (qsizetype at = 0; at < value.size(); at += max)
            parts << value.mid(at, max);
        head = ChunkMarker.toByteArray() + QByteArray::number(parts.size()) + ':' + QByteArray::number(value.size());
    }
    QPointer<CredentialStore> self(this);
    // Parts first, the main entry last: a reader never sees a head whose parts are missing.
    auto step = std::make_shared<std::function<void(int)>>();
    *step = [self, key, value, parts, head, oldParts, weakStep = std::weak_ptr(step), done](int i) {
        if (!self)
            return;
        if (i < parts.size()) {
            auto step = weakStep.lock();
            self->m_backend->writeEntry(partKey(key, i + 1), parts[i], [self, step, i, done](const Error &e) {
                if (e.isError()) {
                    done(Error::make(Error::Secret, tr("The keychain (%1) refused the secret: %2").arg(self ? self->m_backend->name() : QString(), e.message)));
                    return;
                }
                (*step)(i + 1);
            });
            return;
        }
        self->m_backend->writeEntry(key, head, [self, key, value, parts, oldParts, done](const Error &e) {
            if (!self)
                return;
            if (e.isError()) {
                done(Error::make(Error::Secret, tr("The keychain (%1) refused the secret: %2").arg(self->m_backend->name(), e.message)));
                return;
            }
            auto verify = [self, key, value, done](const Error &cleanup) {
                if (!self)
                    return;
                if (cleanup.isError()) {
                    done(cleanup);
                    return;
                }
                // Read back: a keychain that silently truncates or drops must not pass as saved.
                self->read(key, [key, value, done](const Expected<QByteArray> &back) {
                    if (!back)
                        done(Error::make(Error::Secret, tr("The secret %1 could not be read back after saving: %2").arg(key, back.error().message)));
                    else if (*back != value)
                        done(Error::make(Error::Secret, tr("The keychain did not keep the secret %1 as written.").arg(key)));
                    else
                        done({});
                });
            };
            if (oldParts > int(parts.size()))
                self->deleteParts(key, int(parts.size()) + 1, oldParts, verify);
            else
                verify({});
        });
    };
    (*step)(0);
}

void CredentialStore::deleteParts(const QString &key, int from, int to, SecretBackend::Done done)
{
    if (from > to) {
        done({});
        return;
    }
    QPointer<CredentialStore> self(this);
    m_backend->deleteEntry(partKey(key, from), [self, key, from, to, done](const Error &e) {
        if (!self)
            return;
        if (e.isError()) {
            done(e);
            return;
        }
        self->deleteParts(key, from + 1, to, done);
    });
}

void CredentialStore::remove(const QString &key, SecretBackend::Done done)
{
    QPointer<CredentialStore> self(this);
    m_backend->readEntry(key, [self, key, done](const Expected<QByteArray> &head) {
        if (!self)
            return;
        if (!head && head.error().kind != Error::NotFound) {
            done(head.error());
            return;
        }
        const int n = head ? partsOf(*head) : 0;
        self->m_backend->deleteEntry(key, [self, key, n, done](const Error &e) {
            if (!self)
                return;
            if (e.isError()) {
                done(e);
                return;
            }
            self->deleteParts(key, 1, n, done);
        });
    });
}

} // namespace Wharf::Backends
