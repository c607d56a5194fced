#pragma once

#include <QCoreApplication>

#include "expected.h"
#include "http/httpclient.h"
#include "ssh/sshsettings.h"

#include <QSslConfiguration>
#include <QString>

namespace Wharf::Backends {

struct TlsFiles
{
    QString caCert;
    QString clientCert;
    QString clientKey;       // a file, for keys the user keeps on disk (wharfctl --tlskey)
    QByteArray clientKeyPem; // or the key itself, read from the keychain (saved hosts)
    bool verify = true;      // verify the daemon's certificate and name
};

// Where a Docker Engine is and how to reach it: unix://, npipe://, tcp:// (TLS), ssh://.
class Endpoint
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::Endpoint)

public:
public:
    enum Scheme { Unix, Npipe, Tcp, Ssh };

    static QString defaultUrl();
    // Parses a DOCKER_HOST style URL. tls applies to tcp:// only.
    static Expected<Endpoint> parse(const QString &url, const TlsFiles &tls = {}, bool useTls = false,
                                    bool labMode = false);
    // DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as the docker CLI reads them.
    static Expected<Endpoint> fromEnvironment(const QString &overrideUrl = {});

    Scheme scheme() const { return m_scheme; }
    QString url() const;
    QString path() const { return m_path; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    bool usesTls() const { return m_tls; }
    // The same way in (an SSH login, this machine) to another daemon's socket on that host:
    // how an admin reaches a tenant's own daemon. Only unix:// and ssh:// endpoints have one.
    Expected<Endpoint> withSocket(const QString &path) const;
    bool isLabMode() const { return m_lab; }
    const TlsFiles &tlsFiles() const { return m_files; }
    // ssh:// endpoints: where to go, and how (known_hosts, keys, questions, system ssh).
    SshTarget sshTarget() const;
    const SshSettings &sshSettings() const { return m_ssh; }
    void setSshSettings(const SshSettings &settings) { m_ssh = settings; }

    // Loads the certificates; errors name the file that is wrong.
    Expected<QSslConfiguration> sslConfiguration() const;
    // Builds transports for an HttpClient (SSH endpoints get theirs from the ssh backend).
    Expected<HttpClient::TransportFactory> transportFactory() const;

private:
    Scheme m_scheme = Unix;
    QString m_path;
    QString m_host;
    quint16 m_port = 0;
    QString m_user;
    bool m_tls = false;
    bool m_lab = false;
    TlsFiles m_files;
    SshSettings m_ssh;
};

} // namespace Wharf::Backends
