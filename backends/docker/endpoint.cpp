#include "endpoint.h"
#include "http/sockettransports.h"
#include "ssh/opensshtransport.h"
#include "ssh/sshsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

namespace Wharf::Backends {


QString Endpoint::defaultUrl()
{
#ifdef Q_OS_WIN
    return QStringLiteral("npipe:////./pipe/docker_engine");
#else
    return QStringLiteral("unix:///var/run/docker.sock");
#endif
}

Expected<Endpoint> Endpoint::parse(const QString &urlText, const TlsFiles &tls, bool useTls, bool labMode)
{
    Endpoint e;
    const QString text = urlText.trimmed();
    if (text.isEmpty())
        return Error::make(Error::Input, tr("The host address is empty."));
    e.m_files = tls;
    e.m_lab = labMode;
    if (text.startsWith(QLatin1String("unix://"))) {
        e.m_scheme = Unix;
        e.m_path = text.mid(7);
        if (e.m_path.isEmpty() || !e.m_path.startsWith(QLatin1Char('/')))
            return Error::make(Error::Input, tr("A unix:// address needs an absolute socket path, like "
                                                "unix:///var/run/docker.sock."));
        return e;
    }
    if (text.startsWith(QLatin1String("npipe://"))) {
        e.m_scheme = Npipe;
        e.m_path = text.mid(8);
        if (e.m_path.isEmpty())
            return Error::make(Error::Input, tr("An npipe:// address needs a pipe name."));
        return e;
    }
    const QUrl url(text.contains(QLatin1String("://")) ? text : QStringLiteral("tcp://") + text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error::make(Error::Input, tr("\"%1\" is not a valid host address. Use unix:///path, "
                                            "tcp://host:port or ssh://user@host.")
                                             .arg(text));
    e.m_host = url.host();
    if (url.scheme() == QLatin1String("tcp") || url.scheme() == QLatin1String("https")) {
        e.m_scheme = Tcp;
        e.m_tls = useTls || url.scheme() == QLatin1String("https");
        const int port = url.port(e.m_tls ? 2376 : 2375);
        if (port <= 0 || port > 65535)
            return Error::make(Error::Input, tr("The port in \"%1\" is not valid.").arg(text));
        e.m_port = quint16(port);
        if (!e.m_tls && !labMode)
            return Error::make(Error::Input, tr("%1 is plain, unencrypted TCP: anyone on the network could take "
                                                "over the host. Use TLS (--tlsverify with certificates), or mark "
                                                "the host as a lab host to allow it.")
                                                 .arg(text));
        return e;
    }
    if (url.scheme() == QLatin1String("ssh")) {
        e.m_scheme = Ssh;
        e.m_user = url.userName();
        const int port = url.port(22);
        if (port <= 0 || port > 65535)
            return Error::make(Error::Input, tr("The port in \"%1\" is not valid.").arg(text));
        e.m_port = quint16(port);
        if (!url.password().isEmpty())
            return Error::make(Error::Input, tr("Do not put a password in the address: Wharf asks for it and keeps it "
                                                "in the keychain."));
        e.m_path = url.path();
        if (e.m_path == QLatin1String("/"))
            e.m_path.clear();
        return e;
    }
    return Error::make(Error::Input, tr("Unsupported address scheme \"%1\". Use unix://, tcp:// or ssh://.")
                                         .arg(url.scheme()));
}

Expected<Endpoint> Endpoint::fromEnvironment(const QString &overrideUrl)
{
    QString url = overrideUrl;
    if (url.isEmpty())
        url = qEnvironmentVariable("DOCKER_HOST");
    if (url.isEmpty())
        url = defaultUrl();
    const bool verify = !qEnvironmentVariable("DOCKER_TLS_VERIFY").isEmpty()
        && qEnvironmentVariable("DOCKER_TLS_VERIFY") != QLatin1String("0");
    TlsFiles files;
    if (verify) {
        QString dir = qEnvironmentVariable("DOCKER_CERT_PATH");
        if (dir.isEmpty())
            dir = QDir::homePath() + QStringLiteral("/.docker");
        files.caCert = dir + QStringLiteral("/ca.pem");
        files.clientCert = dir + QStringLiteral("/cert.pem");
        files.clientKey = dir + QStringLiteral("/key.pem");
    }
    const bool lab = qEnvironmentVariableIntValue("WHARF_LAB_MODE") == 1;
    return parse(url, files, verify, lab);
}

QString Endpoint::url() const
{
    switch (m_scheme) {
    case Unix:
        return QStringLiteral("unix://") + m_path;
    case Npipe:
        return QStringLiteral("npipe://") + m_path;
    case Tcp:
        return QStringLiteral("tcp://%1:%2").arg(m_host).arg(m_port);
    case Ssh:
        return QStringLiteral("ssh://%1%2%3%4").arg(m_user.isEmpty() ? QString() : m_user + QLatin1Char('@'), m_host,
                                                    m_port == 22 ? QString() : QStringLiteral(":%1").arg(m_port), m_path);
    }
    return {};
}

Expected<Endpoint> Endpoint::withSocket(const QString &path) const
{
    if (m_scheme != Unix && m_scheme != Ssh)
        return Error::make(Error::Input, tr("%1 is reached over TCP: it has no way to another socket of the host.").arg(url()));
    if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\n')) || path.contains(QLatin1Char(' ')))
        return Error::make(Error::Input, tr("\"%1\" is not an absolute socket path.").arg(path));
    Endpoint e = *this;
    e.m_path = path;
    return e;
}

SshTarget Endpoint::sshTarget() const
{
    SshTarget t;
    t.user = m_user;
    t.host = m_host;
    t.port = m_port;
    t.socketPath = m_path;
    return t;
}

Expected<QSslConfiguration> Endpoint::sslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(m_files.verify ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    auto readFile = [](const QString &path, QByteArray *out) -> Error {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(Error::Tls, tr("Cannot read %1: %2.").arg(path, f.errorString()));
        *out = f.readAll();
        return {};
    };
    if (!m_files.caCert.isEmpty()) {
        QByteArray pem;
        if (auto e = readFile(m_files.caCert, &pem); e.isError())
            return e;
        const auto cas = QSslCertificate::fromData(pem, QSsl::Pem);
        if (cas.isEmpty())
            return Error::make(Error::Tls, tr("%1 holds no PEM certificate.").arg(m_files.caCert));
        config.setCaCertificates(cas);
    } else if (m_files.verify) {
        return Error::make(Error::Tls, tr("TLS needs the CA certificate that signed the daemon's certificate."));
    }
    if (!m_files.clientCert.isEmpty() || !m_files.clientKey.isEmpty() || !m_files.clientKeyPem.isEmpty()) {
        QByteArray certPem, keyPem = m_files.clientKeyPem;
        if (m_files.clientCert.isEmpty())
            return Error::make(Error::Tls, tr("A client key needs its certificate (cert.pem)."));
        if (m_files.clientKey.isEmpty() && keyPem.isEmpty())
            return Error::make(Error::Tls, tr("The client certificate %1 needs its private key (key.pem).").arg(m_files.clientCert));
        if (auto e = readFile(m_files.clientCert, &certPem); e.isError())
            return e;
        if (keyPem.isEmpty())
            if (auto e = readFile(m_files.clientKey, &keyPem); e.isError())
                return e;
        const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
        if (certs.isEmpty())
            return Error::make(Error::Tls, tr("%1 holds no PEM certificate.").arg(m_files.clientCert));
        QSslKey key;
        for (auto alg : {QSsl::Rsa, QSsl::Ec})
            if (key = QSslKey(keyPem, alg, QSsl::Pem); !key.isNull())
                break;
        if (key.isNull())
            return Error::make(Error::Tls, tr("%1 holds no usable private key (RSA or EC, PEM, unencrypted).")
                                               .arg(m_files.clientKey.isEmpty() ? tr("The key in the keychain") : m_files.clientKey));
        config.setLocalCertificate(certs.first());
        config.setPrivateKey(key);
    }
    return config;
}

Expected<HttpClient::TransportFactory> Endpoint::transportFactory() const
{
    switch (m_scheme) {
    case Unix:
    case Npipe: {
        const QString path = m_path;
        return HttpClient::TransportFactory([path](QObject *parent) -> Transport * {
            return new LocalTransport(path, parent);
        });
    }
    case Tcp: {
        QSslConfiguration config;
        if (m_tls) {
            auto c = sslConfiguration();
            if (!c)
                return c.error();
            config = *c;
        }
        const QString host = m_host;
        const quint16 port = m_port;
        const bool tls = m_tls;
        return HttpClient::TransportFactory([=](QObject *parent) -> Transport * {
            return new TcpTransport(host, port, tls, config, host, parent);
        });
    }
    case Ssh: {
        const SshTarget target = sshTarget();
        const SshSettings settings = m_ssh;
        if (settings.systemSsh)
            return HttpClient::TransportFactory([target, settings](QObject *parent) -> Transport * {
                return new OpenSshTransport(target, settings, parent);
            });
        // One SSH session for all the connections of this endpoint, one channel each.
        auto session = SshSession::create(target, settings);
        return HttpClient::TransportFactory([session](QObject *parent) -> Transport * { return session->newChannel(parent); });
    }
    }
    return Error::make(Error::Input, tr("Unsupported address."));
}

} // namespace Wharf::Backends
