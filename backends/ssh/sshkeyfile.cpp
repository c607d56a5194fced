#include "sshkeyfile.h"
#include "sshutil.h"

#include <QFile>

namespace Wharf::Backends {

namespace {

// The body between the BEGIN and END lines, without header lines ("Proc-Type: ...").
QByteArray pemBody(const QByteArray &pem)
{
    QByteArray body;
    bool in = false;
    for (const QByteArray &raw : pem.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith("-----BEGIN")) {
            in = true;
            continue;
        }
        if (line.startsWith("-----END"))
            break;
        if (in && !line.contains(':'))
            body += line;
    }
    return QByteArray::fromBase64(body);
}


SshKeyFile::Type typeFromName(const QByteArray &name)
{
    if (name == "ssh-rsa")
        return SshKeyFile::Rsa;
    if (name == "ssh-ed25519")
        return SshKeyFile::Ed25519;
    if (name.startsWith("ecdsa-sha2-"))
        return SshKeyFile::Ecdsa;
    if (name == "ssh-dss")
        return SshKeyFile::Dsa;
    return SshKeyFile::Unknown;
}

} // namespace

SshKeyFile SshKeyFile::inspect(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        SshKeyFile k;
        k.error = f.errorString();
        return k;
    }
    return inspectData(f.read(1 << 20));
}

SshKeyFile SshKeyFile::inspectData(const QByteArray &pem)
{
    SshKeyFile k;
    if (pem.contains("-----BEGIN OPENSSH PRIVATE KEY-----")) {
        const QByteArray data = pemBody(pem);
        static const QByteArray magic("openssh-key-v1", 15); // with its NUL
        if (!data.startsWith(magic)) {
            k.error = QStringLiteral("not an openssh-key-v1 key");
            return k;
        }
        qsizetype pos = magic.size();
        QByteArray cipher, kdf, kdfOptions, pub;
        if (!SshUtil::takeString(data, &pos, &cipher) || !SshUtil::takeString(data, &pos, &kdf) || !SshUtil::takeString(data, &pos, &kdfOptions)
            || pos + 4 > data.size()) {
            k.error = QStringLiteral("truncated key");
            return k;
        }
        pos += 4; // number of keys
        if (!SshUtil::takeString(data, &pos, &pub)) {
            k.error = QStringLiteral("truncated key");
            return k;
        }
        qsizetype p = 0;
        QByteArray typeName;
        SshUtil::takeString(pub, &p, &typeName);
        k.type = typeFromName(typeName);
        k.encrypted = cipher != "none";
        k.readable = true;
        return k;
    }
    if (pem.contains("-----BEGIN RSA PRIVATE KEY-----"))
        k.type = Rsa;
    else if (pem.contains("-----BEGIN EC PRIVATE KEY-----"))
        k.type = Ecdsa;
    else if (pem.contains("-----BEGIN DSA PRIVATE KEY-----"))
        k.type = Dsa;
    else if (!pem.contains("-----BEGIN PRIVATE KEY-----") && !pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
        k.error = QStringLiteral("not a private key in PEM or OpenSSH format");
        return k;
    }
    k.encrypted = pem.contains("Proc-Type: 4,ENCRYPTED") || pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    k.readable = true;
    return k;
}

} // namespace Wharf::Backends
