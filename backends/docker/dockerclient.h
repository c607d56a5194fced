#pragma once

#include "endpoint.h"
#include "http/httpclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcDocker)

namespace Wharf::Backends {

class DockerClient;

// One Docker Engine API call. finished() comes exactly once; error() tells whether it
// worked, with the daemon's own message for HTTP errors. Streams (logs, events, stats,
// exec) deliver their bytes through dataReceived().
class DockerJob : public Job
{
    Q_OBJECT
public:
    ~DockerJob() override;

    int statusCode() const { return m_http ? m_http->statusCode() : 0; }
    QByteArray body() const { return m_http ? m_http->body() : QByteArray(); }
    QJsonDocument json() const;
    HttpJob *http() const { return m_http; }

    void abort() override;
    // A progress stream silent for this long fails (see HttpJob::setIdleTimeout); before begin.
    void setIdleTimeout(int ms) { m_idleMs = ms; }
    void write(const QByteArray &data);
    bool closeWrite();

Q_SIGNALS:
    void started();
    void dataReceived(const QByteArray &data);

private:
    friend class DockerClient;
    DockerJob(DockerClient *client, HttpRequest request, HttpJob::Mode mode, int timeoutMs);
    void begin();
    void done(const Error &e);
    static Error jsonError(const QJsonParseError &pe);
    static constexpr qsizetype OffThreadJsonBytes = 256 * 1024;

    QPointer<DockerClient> m_client;
    HttpRequest m_request;
    HttpJob::Mode m_mode;
    int m_timeoutMs;
    QPointer<HttpJob> m_http;
    int m_idleMs = 0;
    bool m_aborted = false;
    mutable QJsonDocument m_json;
    mutable bool m_jsonParsed = false;
};

using Filters = QMap<QString, QStringList>;

// A query string; keys and values are given plain and percent-encoded when sent.
class Query
{
public:
    void addQueryItem(const QString &key, const QString &value) { m_items.append({key, value}); }
    bool isEmpty() const { return m_items.isEmpty(); }
    QByteArray toEncoded() const;

private:
    QList<QPair<QString, QString>> m_items;
};

struct LogOptions
{
    bool follow = false;
    bool stdOut = true;
    bool stdErr = true;
    bool timestamps = false;
    QString since; // RFC 3339, unix time or a duration like 10m
    QString until;
    QString tail = QStringLiteral("all");
};

// POST /build: what `docker build` sends besides the context.
struct BuildOptions
{
    QStringList tags;
    QString dockerfile;            // name inside the context (default "Dockerfile")
    QMap<QString, QString> buildArgs;
    QMap<QString, QString> labels;
    QString target;
    bool noCache = false;
    bool pull = false;
    bool rm = true;
    // Remove the containers of failed steps too (as BuildKit leaves none behind).
    bool forceRm = true;
    QString remote;                // a git URL or tarball URL: the engine fetches the context itself
    QString platform;
};

// Credentials for one registry, as the engine takes them in X-Registry-Auth / X-Registry-Config.
struct RegistryAuth
{
    QString serverAddress;
    QString username;
    QString password;
    QString identityToken;
    bool isEmpty() const { return username.isEmpty() && password.isEmpty() && identityToken.isEmpty(); }
    QJsonObject toJson() const;
    // base64url of the JSON (what X-Registry-Auth carries); an empty object when there is none,
    // which the engine wants for public images.
    QByteArray header() const;
    // X-Registry-Config for builds: a map of server address to credentials.
    static QByteArray configHeader(const QList<RegistryAuth> &auths);
};

struct EventOptions
{
    QString since;
    QString until;
    Filters filters;
};

// The Docker Engine API: version negotiation and typed calls.
class DockerClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinApiMinor = 41;
    static constexpr int MaxApiMinor = 52;

    explicit DockerClient(const Endpoint &endpoint, QObject *parent = nullptr);
    ~DockerClient() override;

    const Endpoint &endpoint() const { return m_endpoint; }
    // An endpoint whose settings are wrong (unreadable certificate...) gives this error on every call.
    Error configurationError() const { return m_configError; }
    // Points the client elsewhere (or at the same place with new credentials); calls already
    // running finish on the old connections.
    void setEndpoint(const Endpoint &endpoint);
    // Closes the kept-alive connections (after a heartbeat went unanswered, for example).
    void dropIdleConnections();

    // Negotiation: GET /_ping; the API version is the daemon's, capped to what we speak.
    bool isNegotiated() const { return m_negotiated; }
    QString apiVersion() const { return m_apiVersion; }
    void negotiate();
    void resetNegotiation();

    // Plain calls; path without the version prefix ("/containers/json").
    DockerJob *get(const QString &path, const Query &query = {}, int timeoutMs = 60000);
    DockerJob *post(const QString &path, const Query &query = {}, const QJsonDocument &body = {},
                    int timeoutMs = 60000);
    DockerJob *del(const QString &path, const Query &query = {}, int timeoutMs = 60000);
    DockerJob *send(const QByteArray &method, const QString &path, const Query &query, const QByteArray &body,
                    const QByteArray &contentType, HttpJob::Mode mode, int timeoutMs, bool upgrade = false,
                    const HttpHeaders &headers = {});
    // The same with a body read from source as the connection takes it (size bytes).
    DockerJob *sendStreamed(const QByteArray &method, const QString &path, const Query &query, std::shared_ptr<QIODevice> source,
                            qint64 size, const QByteArray &contentType, HttpJob::Mode mode, int timeoutMs, const HttpHeaders &headers = {});

    // System
    DockerJob *ping(int timeoutMs = 60000);
    DockerJob *version();
    DockerJob *info();
    DockerJob *systemDf();
    DockerJob *events(const EventOptions &options);

    // Containers
    DockerJob *listContainers(bool all, const Filters &filters = {}, bool size = false);
    DockerJob *inspectContainer(const QString &id);
    DockerJob *createContainer(const QJsonObject &config, const QString &name = {});
    DockerJob *startContainer(const QString &id);
    DockerJob *stopContainer(const QString &id, int timeoutSeconds = -1);
    DockerJob *restartContainer(const QString &id, int timeoutSeconds = -1);
    DockerJob *killContainer(const QString &id, const QString &signal = {});
    DockerJob *pauseContainer(const QString &id);
    DockerJob *unpauseContainer(const QString &id);
    DockerJob *renameContainer(const QString &id, const QString &newName);
    DockerJob *updateContainer(const QString &id, const QJsonObject &resources);
    DockerJob *removeContainer(const QString &id, bool force = false, bool volumes = false);
    DockerJob *containerLogs(const QString &id, const LogOptions &options);
    DockerJob *containerStats(const QString &id, bool stream);
    DockerJob *containerTop(const QString &id, const QString &psArgs = {});
    DockerJob *waitContainer(const QString &id, const QString &condition = QStringLiteral("not-running"));
    DockerJob *attachContainer(const QString &id, bool stdinToo);
    DockerJob *resizeContainerTty(const QString &id, int rows, int cols);
    DockerJob *archiveGet(const QString &id, const QString &path);
    DockerJob *archivePut(const QString &id, const QString &path, const QByteArray &tar);

    // Exec
    DockerJob *execCreate(const QString &containerId, const QJsonObject &config);
    DockerJob *execStart(const QString &execId, bool tty);
    DockerJob *execResize(const QString &execId, int rows, int cols);
    DockerJob *execInspect(const QString &execId);

    // Images. Pull, push, build, load and import answer with a JSON message stream
    // (JsonMessageStream / ProgressTracker); save streams a tar.
    DockerJob *listImages(bool all = false, const Filters &filters = {});
    DockerJob *inspectImage(const QString &name);
    DockerJob *imageHistory(const QString &name);
    // Pulls and pushes that get no progress from the engine for progressIdleTimeout() fail
    // with a Timeout instead of waiting for ever (an engine's push can stall with its layer
    // upload never started).
    DockerJob *pullImage(const QString &reference, const RegistryAuth &auth = {}, const QString &platform = {});
    void setProgressIdleTimeout(int ms) { m_progressIdleMs = ms; }
    int progressIdleTimeout() const { return m_progressIdleMs; }
    DockerJob *pushImage(const QString &name, const QString &tag, const RegistryAuth &auth = {});
    DockerJob *tagImage(const QString &source, const QString &repository, const QString &tag);
    DockerJob *removeImage(const QString &name, bool force = false, bool noPrune = false);
    DockerJob *pruneImages(bool all, const Filters &filters = {});
    DockerJob *saveImages(const QStringList &names);
    DockerJob *loadImages(const QByteArray &tar);
    // fromSrc "-" with a rootfs tar as body, or a URL (then tar stays empty).
    DockerJob *importImage(const QByteArray &tar, const QString &repository, const QString &tag,
                           const QStringList &changes = {}, const QString &message = {}, const QString &url = {});
    DockerJob *build(const QByteArray &contextTar, const BuildOptions &options, const QList<RegistryAuth> &auths = {});
    // A context too large for memory (BuildContext::packToFile): sent as the daemon takes it.
    DockerJob *build(std::shared_ptr<QIODevice> context, qint64 size, const BuildOptions &options, const QList<RegistryAuth> &auths = {});

    // Volumes
    DockerJob *listVolumes(const Filters &filters = {});
    DockerJob *createVolume(const QJsonObject &config);
    DockerJob *inspectVolume(const QString &name);
    DockerJob *removeVolume(const QString &name, bool force = false);
    DockerJob *pruneVolumes(const Filters &filters = {});

    // Networks
    DockerJob *listNetworks(const Filters &filters = {});
    DockerJob *createNetwork(const QJsonObject &config);
    DockerJob *inspectNetwork(const QString &id);
    // endpoint: the EndpointConfig (aliases, addresses); empty: the network's defaults
    DockerJob *connectNetwork(const QString &network, const QString &container, const QJsonObject &endpoint = {});
    DockerJob *disconnectNetwork(const QString &network, const QString &container, bool force = false);
    DockerJob *removeNetwork(const QString &id);

    static QByteArray filtersJson(const Filters &filters);
    // "1.41" -> 41; 0 when it is not an API version we can read.
    static int apiMinor(const QString &version);

Q_SIGNALS:
    void negotiated();
    void negotiationFailed(const Wharf::Backends::Error &error);

private:
    friend class DockerJob;
    Endpoint m_endpoint;
    HttpClient *m_http = nullptr;
    Error m_configError;
    bool m_negotiated = false;
    bool m_negotiating = false;
    QString m_apiVersion;
    int m_progressIdleMs = 120000;
};

} // namespace Wharf::Backends
