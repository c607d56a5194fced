#include "knownhosts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include <libssh2.h>

namespace Wharf::Backends {

QString KnownHosts::Key::typeName() const
{
    switch (libssh2Type) {
    case LIBSSH2_HOSTKEY_TYPE_RSA:
        return QStringLiteral("ssh-rsa");
    case LIBSSH2_HOSTKEY_TYPE_DSS:
        return QStringLiteral("ssh-dss");
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_256:
        return QStringLiteral("ecdsa-sha2-nistp256");
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_384:
        return QStringLiteral("ecdsa-sha2-nistp384");
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_521:
        return QStringLiteral("ecdsa-sha2-nistp521");
    case LIBSSH2_HOSTKEY_TYPE_ED25519:
        return QStringLiteral("ssh-ed25519");
    default:
        return QStringLiteral("unknown");
    }
}

QString KnownHosts::Key::fingerprint() const
{
    QByteArray b64 = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64();
    while (b64.endsWith('='))
        b64.chop(1);
    return QStringLiteral("SHA256:") + QString::fromLatin1(b64);
}

static int knownHostKeyType(int hostKeyType)
{
    switch (hostKeyType) {
    case LIBSSH2_HOSTKEY_TYPE_RSA:
        return LIBSSH2_KNOWNHOST_KEY_SSHRSA;
    case LIBSSH2_HOSTKEY_TYPE_DSS:
        return LIBSSH2_KNOWNHOST_KEY_SSHDSS;
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_256:
        return LIBSSH2_KNOWNHOST_KEY_ECDSA_256;
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_384:
        return LIBSSH2_KNOWNHOST_KEY_ECDSA_384;
    case LIBSSH2_HOSTKEY_TYPE_ECDSA_521:
        return LIBSSH2_KNOWNHOST_KEY_ECDSA_521;
    case LIBSSH2_HOSTKEY_TYPE_ED25519:
        return LIBSSH2_KNOWNHOST_KEY_ED25519;
    default:
        return LIBSSH2_KNOWNHOST_KEY_UNKNOWN;
    }
}

QString KnownHosts::hostPattern(const QString &host, quint16 port)
{
    return port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
}

Expected<KnownHosts::Check> KnownHosts::check(LIBSSH2_SESSION *session, const QStringList &files, const QString &host,
                                              quint16 port, const Key &key)
{
    Check result;
    const QByteArray hostUtf8 = host.toUtf8();
    const int typemask = LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | knownHostKeyType(key.libssh2Type);
    for (const QString &file : files) {
        if (file.isEmpty() || !QFileInfo::exists(file))
            continue;
        LIBSSH2_KNOWNHOSTS *hosts = libssh2_knownhost_init(session);
        if (!hosts)
            return Error::make(Error::Connect, tr("Cannot check the host key: out of memory."));
        const int n = libssh2_knownhost_readfile(hosts, QFile::encodeName(file).constData(), LIBSSH2_KNOWNHOST_FILE_OPENSSH);
        if (n < 0) {
            libssh2_knownhost_free(hosts);
            return Error::make(Error::Connect, tr("Cannot read the known hosts file %1: it is not in OpenSSH's format.").arg(file));
        }
        struct libssh2_knownhost *found = nullptr;
        const int rc = libssh2_knownhost_checkp(hosts, hostUtf8.constData(), port == 22 ? -1 : port, key.blob.constData(),
                                                size_t(key.blob.size()), typemask, &found);
        libssh2_knownhost_free(hosts);
        if (rc == LIBSSH2_KNOWNHOST_CHECK_MISMATCH)
            return Check{Result::Mismatch, file};
        if (rc == LIBSSH2_KNOWNHOST_CHECK_MATCH && result.result != Result::Match)
            result = Check{Result::Match, file};
    }
    return result;
}

Error KnownHosts::add(const QString &file, const QString &host, quint16 port, const Key &key)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    const bool existed = f.exists();
    if (!f.open(QIODevice::Append | QIODevice::Text))
        return Error::make(Error::Input, tr("Cannot save the host key to %1: %2.").arg(file, f.errorString()));
    if (!existed)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = hostPattern(host, port).toUtf8() + ' ' + key.typeName().toLatin1() + ' ' + key.blob.toBase64() + '\n';
    if (f.write(line) != line.size() || !f.flush())
        return Error::make(Error::Input, tr("Cannot save the host key to %1: %2.").arg(file, f.errorString()));
    return {};
}

static bool patternMatches(const QByteArray &field, const QByteArray &pattern)
{
    for (const QByteArray &p : field.split(',')) {
        if (p == pattern)
            return true;
        if (p.startsWith("|1|")) {
            const QList<QByteArray> parts = p.split('|'); // "", "1", salt, hash
            if (parts.size() == 4) {
                const QByteArray mac = QMessageAuthenticationCode::hash(pattern, QByteArray::fromBase64(parts[2]),
                                                                        QCryptographicHash::Sha1);
                if (mac == QByteArray::fromBase64(parts[3]))
                    return true;
            }
        }
    }
    return false;
}

Expected<int> KnownHosts::remove(const QString &file, const QString &host, quint16 port)
{
    QFile in(file);
    if (!in.exists())
        return 0;
    if (!in.open(QIODevice::ReadOnly))
        return Error::make(Error::Input, tr("Cannot read %1: %2.").arg(file, in.errorString()));
    const QByteArray pattern = hostPattern(host, port).toUtf8();
    QByteArray kept;
    int removed = 0;
    for (const QByteArray &line : in.readAll().split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith('#')) {
            QByteArray field = t.left(t.indexOf(' '));
            if (field.startsWith('@')) // @cert-authority / @revoked markers: leave alone
                field.clear();
            if (!field.isEmpty() && patternMatches(field, pattern)) {
                ++removed;
                continue;
            }
        }
        kept += line + '\n';
    }
    if (kept.endsWith("\n\n"))
        kept.chop(1);
    if (removed == 0)
        return 0;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(kept) != kept.size() || !out.commit())
        return Error::make(Error::Input, tr("Cannot write %1: %2.").arg(file, out.errorString()));
    return removed;
}

} // namespace Wharf::Backends
