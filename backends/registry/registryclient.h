#pragma once

#include "core/job.h"
#include "expected.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <QJsonArray>

#include <functional>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcRegistry)

namespace Wharf::Backends {

class RegistryClient;

// One Registry API v2 request with its authentication dance: on a 401 the challenge
// (WWW-Authenticate) decides between basic auth and a bearer token from the token service
// (realm/service/scope), and the request is sent again once. finished() comes exactly once.
class RegistryJob : public Job
{
    Q_OBJECT
public:
    ~RegistryJob() override;
    int statusCode() const { return m_status; }
    QByteArray body() const { return m_body; }
    QByteArray header(const QByteArray &name) const;
    // The body as JSON; sets error() (and returns an empty document) when it is not JSON.
    QJsonDocument json();
    void abort() override;
    // The most an answer (a manifest, a tag list, a token) may hold: a registry that sends more
    // is cut off with an error instead of growing the console's memory.
    static constexpr qint64 MaxAnswerBytes = 16 * 1024 * 1024;

private:
    friend class RegistryClient;
    RegistryJob(RegistryClient *client, QByteArray method, QUrl url, QByteArray accept, QString scope);
    void send();
    void onReply();
    void fetchToken(const QHash<QString, QString> &challenge);
    void done(const Error &e);
    // Cuts a reply off at MaxAnswerBytes.
    void bound(QNetworkReply *reply);
    Error errorFromBody(const QString &fallback) const;

    QPointer<RegistryClient> m_client;
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_accept;
    QString m_scope;
    QPointer<QNetworkReply> m_reply;
    int m_attempts = 0;
    int m_status = 0;
    QByteArray m_body;
    QList<QNetworkReply::RawHeaderPair> m_headers;
};

// What a tag (or digest) of a repository is: from its manifest and image config.
struct RegistryImage
{
    struct Layer
    {
        QString digest;
        qint64 size = 0;
        QString mediaType;
    };
    struct Platform
    {
        QString digest;
        QString os;
        QString architecture;
        QString variant;
        qint64 size = 0;
    };
    QString reference;      // the tag or digest asked for
    QString digest;         // the manifest's digest (Docker-Content-Digest)
    QString mediaType;
    bool isIndex = false;   // a manifest list / OCI index: platforms says what it holds
    QList<Platform> platforms;
    // For an image manifest (or the first platform of an index):
    QString architecture;
    QString os;
    QDateTime created;
    QString configDigest;
    QList<Layer> layers;
    qint64 size = 0;        // config + layers (compressed, as stored)
    QJsonObject config;     // the image config's "config" (Env, Cmd, Entrypoint, ExposedPorts, Labels)
    QJsonArray history;
};

// A client for one registry (Docker Registry HTTP API v2, as distribution, Harbor, GitLab,
// GHCR and Docker Hub speak it). Pagination is followed; tokens are cached per scope until they
// expire. Work on the network goes through QNetworkAccessManager, asynchronously.
class RegistryClient : public QObject
{
    Q_OBJECT
public:
    static const QByteArray ManifestAccept;

    // base: "https://host[:port]" (a bare "host:port" is https, or http on loopback; plain http
    // elsewhere only when written out, as docker's insecure-registries).
    explicit RegistryClient(const QUrl &base, QObject *parent = nullptr);
    ~RegistryClient() override;
    static Expected<QUrl> parseUrl(const QString &text);

    QUrl baseUrl() const { return m_base; }
    void setCredentials(const QString &username, const QString &password);
    QString username() const { return m_username; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
    // Number of token requests made (the cache is working when it stays low).
    int tokenRequests() const { return m_tokenRequests; }

    // Raw calls.
    RegistryJob *request(const QByteArray &method, const QString &path, const QString &scope,
                         const QByteArray &accept = {}, const QUrlQuery &query = {});

    // Checks that this is a v2 registry and the credentials are accepted.
    void ping(std::function<void(const Error &)> done);
    // Every repository (the catalog, page after page). maxEntries stops early (0: no limit).
    void repositories(std::function<void(const Expected<QStringList> &)> done, int pageSize = 1000, int maxEntries = 0);
    void tags(const QString &repository, std::function<void(const Expected<QStringList> &)> done);
    // A manifest and, for images, its config blob: digest, size, created, architecture, layers.
    void image(const QString &repository, const QString &reference, std::function<void(const Expected<RegistryImage> &)> done);
    // The digest a tag points to (Docker-Content-Digest of the manifest, asked with the Accept headers).
    void digestOf(const QString &repository, const QString &reference, std::function<void(const Expected<QString> &)> done);
    // Deletes the manifest a tag points to (every tag on that digest goes with it).
    void deleteImage(const QString &repository, const QString &reference, std::function<void(const Expected<QString> &)> done);

    static QHash<QString, QString> parseChallenge(const QByteArray &header, QString *scheme);
    // The "next" URL of an RFC 5988 Link header, resolved against base.
    static QUrl nextLink(const QByteArray &linkHeader, const QUrl &base);

private:
    friend class RegistryJob;
    struct Token
    {
        QByteArray value;
        QDateTime expires;
    };
    QByteArray authorizationFor(const QString &scope) const;
    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QString m_username;
    QString m_password;
    bool m_basic = false; // the registry asked for basic auth
    QHash<QString, Token> m_tokens;
    int m_timeoutMs = 30000;
    int m_tokenRequests = 0;
};

} // namespace Wharf::Backends
