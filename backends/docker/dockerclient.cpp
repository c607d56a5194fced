#include "dockerclient.h"

#include <QBuffer>

#include <QtConcurrent/QtConcurrentRun>

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcDocker, "wharf.docker", QtWarningMsg)

namespace Wharf::Backends {

namespace {

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

Query query(std::initializer_list<std::pair<QString, QString>> items)
{
    Query q;
    for (const auto &[k, v] : items)
        q.addQueryItem(k, v);
    return q;
}
} // namespace

QByteArray Query::toEncoded() const
{
    QByteArray out;
    for (const auto &[k, v] : m_items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}

DockerJob::DockerJob(DockerClient *client, HttpRequest request, HttpJob::Mode mode, int timeoutMs)
    : Job(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_mode(mode)
    , m_timeoutMs(timeoutMs)
{
}

DockerJob::~DockerJob()
{
    if (m_http)
        delete m_http.data();
}

void DockerJob::begin()
{
    if (m_done || m_aborted)
        return;
    if (!m_client) {
        done(Error::make(Error::Canceled, tr("The connection was closed.")));
        return;
    }
    if (m_client->m_configError.isError()) {
        done(m_client->m_configError);
        return;
    }
    if (!m_client->isNegotiated()) {
        auto ok = connect(m_client, &DockerClient::negotiated, this, [this] {
            m_client->disconnect(this);
            begin();
        });
        Q_UNUSED(ok);
        connect(m_client, &DockerClient::negotiationFailed, this, [this](const Error &e) {
            m_client->disconnect(this);
            done(e);
        });
        m_client->negotiate();
        return;
    }
    HttpRequest req = m_request;
    req.target = "/v" + m_client->m_apiVersion.toLatin1() + req.target;
    m_http = m_client->m_http->send(std::move(req), m_mode, m_timeoutMs);
    m_http->setParent(this);
    m_http->setIdleTimeout(m_idleMs);
    connect(m_http, &HttpJob::headersReceived, this, [this](int status) {
        if (status < 300)
            Q_EMIT started();
    });
    connect(m_http, &HttpJob::dataReceived, this, &DockerJob::dataReceived);
    connect(m_http, &HttpJob::finished, this, [this] {
        Error e = m_http->error();
        if (e.kind == Error::Http) {
            // The daemon's words: {"message": "..."}
            const auto doc = QJsonDocument::fromJson(m_http->body());
            QString msg = doc.object().value(QLatin1String("message")).toString();
            if (msg.isEmpty())
                msg = e.message.isEmpty() ? tr("The daemon answered with HTTP status %1.").arg(e.httpStatus) : e.message;
            e.message = msg;
        } else if (!e.isError() && m_mode == HttpJob::Buffered && !m_http->body().isEmpty()
                   && m_http->headers().value("Content-Type").startsWith("application/json")) {
            // Parsed once here, so that a malformed answer is an error and not an empty list.
            // Large answers (a host's thousand containers) are parsed on a worker thread: many
            // hosts answering at once must not stall the window.
            const QByteArray body = m_http->body();
            if (body.size() >= OffThreadJsonBytes) {
                QtConcurrent::run([body] {
                    QJsonParseError pe;
                    QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
                    return std::make_pair(doc, pe);
                }).then(this, [this](const std::pair<QJsonDocument, QJsonParseError> &r) {
                    m_json = r.first;
                    m_jsonParsed = true;
                    done(jsonError(r.second));
                });
                return;
            }
            QJsonParseError pe;
            m_json = QJsonDocument::fromJson(body, &pe);
            m_jsonParsed = true;
            e = jsonError(pe);
        }
        done(e);
    });
}

Error DockerJob::jsonError(const QJsonParseError &pe)
{
    if (pe.error == QJsonParseError::NoError)
        return {};
    return Error::make(Error::Protocol, tr("The daemon sent malformed JSON: %1 at byte %2.").arg(pe.errorString()).arg(pe.offset));
}

void DockerJob::done(const Error &e)
{
    if (m_done)
        return;
    m_done = true;
    m_error = e;
    Q_EMIT finished();
}

QJsonDocument DockerJob::json() const
{
    if (!m_jsonParsed) {
        m_json = QJsonDocument::fromJson(body());
        m_jsonParsed = true;
    }
    return m_json;
}

void DockerJob::abort()
{
    m_aborted = true;
    if (m_http && !m_http->isFinished())
        m_http->abort();
    else
        done(Error::make(Error::Canceled, tr("The request was canceled.")));
}

void DockerJob::write(const QByteArray &data)
{
    if (m_http)
        m_http->write(data);
}

bool DockerJob::closeWrite()
{
    return m_http && m_http->closeWrite();
}

DockerClient::DockerClient(const Endpoint &endpoint, QObject *parent)
    : QObject(parent)
{
    setEndpoint(endpoint);
}

void DockerClient::setEndpoint(const Endpoint &endpoint)
{
    if (m_http) {
        m_http->dropIdle();
        m_http->deleteLater();
    }
    m_endpoint = endpoint;
    m_configError = {};
    m_negotiated = false;
    auto factory = endpoint.transportFactory();
    if (!factory) {
        m_configError = factory.error();
        m_http = new HttpClient([](QObject *) -> Transport * { return nullptr; }, "docker", this);
        return;
    }
    m_http = new HttpClient(*factory, endpoint.scheme() == Endpoint::Tcp ? endpoint.host().toUtf8() : "docker", this);
}

DockerClient::~DockerClient() = default;

int DockerClient::apiMinor(const QString &version)
{
    const auto parts = version.split(QLatin1Char('.'));
    if (parts.size() != 2 || parts[0] != QLatin1String("1"))
        return 0;
    bool ok = false;
    const int minor = parts[1].toInt(&ok);
    return ok ? minor : 0;
}

void DockerClient::resetNegotiation()
{
    m_negotiated = false;
    m_apiVersion.clear();
    m_http->dropIdle();
}

void DockerClient::negotiate()
{
    if (m_negotiating || m_negotiated)
        return;
    if (m_configError.isError()) {
        Q_EMIT negotiationFailed(m_configError);
        return;
    }
    m_negotiating = true;
    HttpRequest req;
    req.target = "/_ping";
    HttpJob *job = m_http->send(req, HttpJob::Buffered, 15000);
    connect(job, &HttpJob::finished, this, [this, job] {
        job->deleteLater();
        m_negotiating = false;
        if (job->error().isError() && job->statusCode() == 0) {
            Q_EMIT negotiationFailed(job->error());
            return;
        }
        const QString server = QString::fromLatin1(job->headers().value("Api-Version"));
        const int minor = apiMinor(server);
        if (server.isEmpty() || minor == 0) {
            Q_EMIT negotiationFailed(Error::make(
                Error::Protocol, tr("%1 does not look like a Docker Engine (no API version in its answer to /_ping).")
                                     .arg(m_endpoint.url())));
            return;
        }
        if (minor < MinApiMinor) {
            Q_EMIT negotiationFailed(Error::make(Error::Protocol,
                                                 tr("The Docker Engine at %1 speaks API %2; Wharf needs 1.%3 or "
                                                    "newer (Docker 20.10+). Upgrade the engine.")
                                                     .arg(m_endpoint.url(), server)
                                                     .arg(MinApiMinor)));
            return;
        }
        m_apiVersion = QStringLiteral("1.%1").arg(std::min(minor, MaxApiMinor));
        m_negotiated = true;
        qCDebug(lcDocker) << "negotiated API" << m_apiVersion << "with" << m_endpoint.url();
        Q_EMIT negotiated();
    });
}

static HttpRequest makeRequest(const QByteArray &method, const QString &path, const Query &q, const QByteArray &contentType, const HttpHeaders &headers)
{
    HttpRequest req;
    req.headers = headers;
    req.method = method;
    req.target = path.toUtf8();
    if (!q.isEmpty())
        req.target += '?' + q.toEncoded();
    req.contentType = contentType;
    return req;
}

DockerJob *DockerClient::send(const QByteArray &method, const QString &path, const Query &q,
                              const QByteArray &body, const QByteArray &contentType, HttpJob::Mode mode,
                              int timeoutMs, bool upgrade, const HttpHeaders &headers)
{
    HttpRequest req = makeRequest(method, path, q, contentType, headers);
    req.body = body;
    req.upgrade = upgrade;
    auto *job = new DockerJob(this, std::move(req), mode, timeoutMs);
    QMetaObject::invokeMethod(job, &DockerJob::begin, Qt::QueuedConnection);
    return job;
}

DockerJob *DockerClient::sendStreamed(const QByteArray &method, const QString &path, const Query &q, std::shared_ptr<QIODevice> source,
                                      qint64 size, const QByteArray &contentType, HttpJob::Mode mode, int timeoutMs, const HttpHeaders &headers)
{
    HttpRequest req = makeRequest(method, path, q, contentType, headers);
    req.bodySource = std::move(source);
    req.bodySourceSize = size;
    auto *job = new DockerJob(this, std::move(req), mode, timeoutMs);
    QMetaObject::invokeMethod(job, &DockerJob::begin, Qt::QueuedConnection);
    return job;
}

DockerJob *DockerClient::get(const QString &path, const Query &q, int timeoutMs)
{
    return send("GET", path, q, {}, {}, HttpJob::Buffered, timeoutMs);
}

DockerJob *DockerClient::post(const QString &path, const Query &q, const QJsonDocument &body, int timeoutMs)
{
    return send("POST", path, q, body.isNull() ? QByteArray() : body.toJson(QJsonDocument::Compact),
                body.isNull() ? QByteArray() : QByteArray("application/json"), HttpJob::Buffered, timeoutMs);
}

DockerJob *DockerClient::del(const QString &path, const Query &q, int timeoutMs)
{
    return send("DELETE", path, q, {}, {}, HttpJob::Buffered, timeoutMs);
}

QByteArray DockerClient::filtersJson(const Filters &filters)
{
    QJsonObject o;
    for (auto it = filters.begin(); it != filters.end(); ++it)
        o.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

static void addFilters(Query &q, const Filters &filters)
{
    if (!filters.isEmpty())
        q.addQueryItem(QStringLiteral("filters"), QString::fromUtf8(DockerClient::filtersJson(filters)));
}

DockerJob *DockerClient::ping(int timeoutMs)
{
    return get(QStringLiteral("/_ping"), {}, timeoutMs);
}

void DockerClient::dropIdleConnections()
{
    if (m_http)
        m_http->dropIdle();
}
DockerJob *DockerClient::version()
{
    return get(QStringLiteral("/version"));
}
DockerJob *DockerClient::info()
{
    return get(QStringLiteral("/info"));
}
DockerJob *DockerClient::systemDf()
{
    return get(QStringLiteral("/system/df"), {}, 300000);
}

DockerJob *DockerClient::events(const EventOptions &o)
{
    Query q;
    if (!o.since.isEmpty())
        q.addQueryItem(QStringLiteral("since"), o.since);
    if (!o.until.isEmpty())
        q.addQueryItem(QStringLiteral("until"), o.until);
    addFilters(q, o.filters);
    return send("GET", QStringLiteral("/events"), q, {}, {}, HttpJob::Stream, 30000);
}

DockerJob *DockerClient::listContainers(bool all, const Filters &filters, bool size)
{
    Query q;
    if (all)
        q.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
    if (size)
        q.addQueryItem(QStringLiteral("size"), QStringLiteral("1"));
    addFilters(q, filters);
    return get(QStringLiteral("/containers/json"), q);
}

DockerJob *DockerClient::inspectContainer(const QString &id)
{
    return get(QStringLiteral("/containers/%1/json").arg(enc(id)));
}

DockerJob *DockerClient::createContainer(const QJsonObject &config, const QString &name)
{
    Query q;
    if (!name.isEmpty())
        q.addQueryItem(QStringLiteral("name"), name);
    return post(QStringLiteral("/containers/create"), q, QJsonDocument(config));
}

DockerJob *DockerClient::startContainer(const QString &id)
{
    return post(QStringLiteral("/containers/%1/start").arg(enc(id)));
}

DockerJob *DockerClient::stopContainer(const QString &id, int t)
{
    Query q;
    if (t >= 0)
        q.addQueryItem(QStringLiteral("t"), QString::number(t));
    return post(QStringLiteral("/containers/%1/stop").arg(enc(id)), q, {}, (t < 0 ? 10 : t) * 1000 + 60000);
}

DockerJob *DockerClient::restartContainer(const QString &id, int t)
{
    Query q;
    if (t >= 0)
        q.addQueryItem(QStringLiteral("t"), QString::number(t));
    return post(QStringLiteral("/containers/%1/restart").arg(enc(id)), q, {}, (t < 0 ? 10 : t) * 1000 + 60000);
}

DockerJob *DockerClient::killContainer(const QString &id, const QString &signal)
{
    Query q;
    if (!signal.isEmpty())
        q.addQueryItem(QStringLiteral("signal"), signal);
    return post(QStringLiteral("/containers/%1/kill").arg(enc(id)), q);
}

DockerJob *DockerClient::pauseContainer(const QString &id)
{
    return post(QStringLiteral("/containers/%1/pause").arg(enc(id)));
}

DockerJob *DockerClient::unpauseContainer(const QString &id)
{
    return post(QStringLiteral("/containers/%1/unpause").arg(enc(id)));
}

DockerJob *DockerClient::renameContainer(const QString &id, const QString &newName)
{
    return post(QStringLiteral("/containers/%1/rename").arg(enc(id)), query({{QStringLiteral("name"), newName}}));
}

DockerJob *DockerClient::updateContainer(const QString &id, const QJsonObject &resources)
{
    return post(QStringLiteral("/containers/%1/update").arg(enc(id)), {}, QJsonDocument(resources));
}

DockerJob *DockerClient::removeContainer(const QString &id, bool force, bool volumes)
{
    Query q;
    if (force)
        q.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    if (volumes)
        q.addQueryItem(QStringLiteral("v"), QStringLiteral("1"));
    return del(QStringLiteral("/containers/%1").arg(enc(id)), q);
}

DockerJob *DockerClient::containerLogs(const QString &id, const LogOptions &o)
{
    Query q;
    q.addQueryItem(QStringLiteral("stdout"), o.stdOut ? QStringLiteral("1") : QStringLiteral("0"));
    q.addQueryItem(QStringLiteral("stderr"), o.stdErr ? QStringLiteral("1") : QStringLiteral("0"));
    if (o.follow)
        q.addQueryItem(QStringLiteral("follow"), QStringLiteral("1"));
    if (o.timestamps)
        q.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("1"));
    if (!o.since.isEmpty())
        q.addQueryItem(QStringLiteral("since"), o.since);
    if (!o.until.isEmpty())
        q.addQueryItem(QStringLiteral("until"), o.until);
    if (!o.tail.isEmpty())
        q.addQueryItem(QStringLiteral("tail"), o.tail);
    return send("GET", QStringLiteral("/containers/%1/logs").arg(enc(id)), q, {}, {}, HttpJob::Stream, 30000);
}

DockerJob *DockerClient::containerStats(const QString &id, bool stream)
{
    Query q;
    q.addQueryItem(QStringLiteral("stream"), stream ? QStringLiteral("1") : QStringLiteral("0"));
    return send("GET", QStringLiteral("/containers/%1/stats").arg(enc(id)), q, {}, {},
                stream ? HttpJob::Stream : HttpJob::Buffered, 30000);
}

DockerJob *DockerClient::containerTop(const QString &id, const QString &psArgs)
{
    Query q;
    if (!psArgs.isEmpty())
        q.addQueryItem(QStringLiteral("ps_args"), psArgs);
    return get(QStringLiteral("/containers/%1/top").arg(enc(id)), q);
}

DockerJob *DockerClient::waitContainer(const QString &id, const QString &condition)
{
    return send("POST", QStringLiteral("/containers/%1/wait").arg(enc(id)),
                query({{QStringLiteral("condition"), condition}}), {}, {}, HttpJob::Stream, 30000);
}

DockerJob *DockerClient::attachContainer(const QString &id, bool stdinToo)
{
    Query q = query({{QStringLiteral("stream"), QStringLiteral("1")},
                         {QStringLiteral("stdout"), QStringLiteral("1")},
                         {QStringLiteral("stderr"), QStringLiteral("1")}});
    if (stdinToo)
        q.addQueryItem(QStringLiteral("stdin"), QStringLiteral("1"));
    return send("POST", QStringLiteral("/containers/%1/attach").arg(enc(id)), q, {}, {}, HttpJob::Upgrade, 30000,
                true);
}

DockerJob *DockerClient::resizeContainerTty(const QString &id, int rows, int cols)
{
    return post(QStringLiteral("/containers/%1/resize").arg(enc(id)),
                query({{QStringLiteral("h"), QString::number(rows)}, {QStringLiteral("w"), QString::number(cols)}}));
}

DockerJob *DockerClient::archiveGet(const QString &id, const QString &path)
{
    return get(QStringLiteral("/containers/%1/archive").arg(enc(id)), query({{QStringLiteral("path"), path}}),
               600000);
}

DockerJob *DockerClient::archivePut(const QString &id, const QString &path, const QByteArray &tar)
{
    return send("PUT", QStringLiteral("/containers/%1/archive").arg(enc(id)),
                query({{QStringLiteral("path"), path}}), tar, "application/x-tar", HttpJob::Buffered, 600000);
}

DockerJob *DockerClient::execCreate(const QString &containerId, const QJsonObject &config)
{
    return post(QStringLiteral("/containers/%1/exec").arg(enc(containerId)), {}, QJsonDocument(config));
}

DockerJob *DockerClient::execStart(const QString &execId, bool tty)
{
    const QJsonObject body{{QStringLiteral("Detach"), false}, {QStringLiteral("Tty"), tty}};
    return send("POST", QStringLiteral("/exec/%1/start").arg(enc(execId)), {},
                QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", HttpJob::Upgrade, 30000, true);
}

DockerJob *DockerClient::execResize(const QString &execId, int rows, int cols)
{
    return post(QStringLiteral("/exec/%1/resize").arg(enc(execId)),
                query({{QStringLiteral("h"), QString::number(rows)}, {QStringLiteral("w"), QString::number(cols)}}));
}

DockerJob *DockerClient::execInspect(const QString &execId)
{
    return get(QStringLiteral("/exec/%1/json").arg(enc(execId)));
}

QJsonObject RegistryAuth::toJson() const
{
    QJsonObject o;
    if (!username.isEmpty())
        o.insert(QStringLiteral("username"), username);
    if (!password.isEmpty())
        o.insert(QStringLiteral("password"), password);
    if (!identityToken.isEmpty())
        o.insert(QStringLiteral("identitytoken"), identityToken);
    if (!serverAddress.isEmpty())
        o.insert(QStringLiteral("serveraddress"), serverAddress);
    return o;
}

QByteArray RegistryAuth::header() const
{
    return QJsonDocument(isEmpty() ? QJsonObject() : toJson())
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding);
}

QByteArray RegistryAuth::configHeader(const QList<RegistryAuth> &auths)
{
    QJsonObject o;
    for (const auto &a : auths)
        o.insert(a.serverAddress, a.toJson());
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding);
}

DockerJob *DockerClient::listImages(bool all, const Filters &filters)
{
    Query q;
    if (all)
        q.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
    addFilters(q, filters);
    return get(QStringLiteral("/images/json"), q);
}

DockerJob *DockerClient::inspectImage(const QString &name)
{
    return get(QStringLiteral("/images/%1/json").arg(enc(name)));
}

DockerJob *DockerClient::imageHistory(const QString &name)
{
    return get(QStringLiteral("/images/%1/history").arg(enc(name)));
}

static HttpHeaders authHeaders(const QByteArray &name, const QByteArray &value)
{
    HttpHeaders h;
    h.append(name, value);
    return h;
}

DockerJob *DockerClient::pullImage(const QString &reference, const RegistryAuth &auth, const QString &platform)
{
    Query q;
    q.addQueryItem(QStringLiteral("fromImage"), reference);
    if (!platform.isEmpty())
        q.addQueryItem(QStringLiteral("platform"), platform);
    DockerJob *job = send("POST", QStringLiteral("/images/create"), q, {}, {}, HttpJob::Stream, 120000, false,
                authHeaders("X-Registry-Auth", auth.header()));
    job->setIdleTimeout(m_progressIdleMs);
    return job;
}

DockerJob *DockerClient::pushImage(const QString &name, const QString &tag, const RegistryAuth &auth)
{
    Query q;
    if (!tag.isEmpty())
        q.addQueryItem(QStringLiteral("tag"), tag);
    DockerJob *job = send("POST", QStringLiteral("/images/%1/push").arg(enc(name)), q, {}, {}, HttpJob::Stream, 120000, false,
                authHeaders("X-Registry-Auth", auth.header()));
    job->setIdleTimeout(m_progressIdleMs);
    return job;
}

DockerJob *DockerClient::tagImage(const QString &source, const QString &repository, const QString &tag)
{
    Query q;
    q.addQueryItem(QStringLiteral("repo"), repository);
    if (!tag.isEmpty())
        q.addQueryItem(QStringLiteral("tag"), tag);
    return post(QStringLiteral("/images/%1/tag").arg(enc(source)), q);
}

DockerJob *DockerClient::removeImage(const QString &name, bool force, bool noPrune)
{
    Query q;
    if (force)
        q.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    if (noPrune)
        q.addQueryItem(QStringLiteral("noprune"), QStringLiteral("1"));
    return del(QStringLiteral("/images/%1").arg(enc(name)), q);
}

DockerJob *DockerClient::pruneImages(bool all, const Filters &filters)
{
    Filters f = filters;
    f.insert(QStringLiteral("dangling"), {all ? QStringLiteral("false") : QStringLiteral("true")});
    Query q;
    addFilters(q, f);
    return post(QStringLiteral("/images/prune"), q, {}, 600000);
}

DockerJob *DockerClient::saveImages(const QStringList &names)
{
    Query q;
    for (const QString &n : names)
        q.addQueryItem(QStringLiteral("names"), n);
    return send("GET", QStringLiteral("/images/get"), q, {}, {}, HttpJob::Stream, 120000);
}

DockerJob *DockerClient::loadImages(const QByteArray &tar)
{
    return send("POST", QStringLiteral("/images/load"), query({{QStringLiteral("quiet"), QStringLiteral("0")}}), tar,
                "application/x-tar", HttpJob::Stream, 600000);
}

DockerJob *DockerClient::importImage(const QByteArray &tar, const QString &repository, const QString &tag,
                                     const QStringList &changes, const QString &message, const QString &url)
{
    Query q;
    q.addQueryItem(QStringLiteral("fromSrc"), url.isEmpty() ? QStringLiteral("-") : url);
    if (!repository.isEmpty())
        q.addQueryItem(QStringLiteral("repo"), repository);
    if (!tag.isEmpty())
        q.addQueryItem(QStringLiteral("tag"), tag);
    for (const QString &c : changes)
        q.addQueryItem(QStringLiteral("changes"), c);
    if (!message.isEmpty())
        q.addQueryItem(QStringLiteral("message"), message);
    return send("POST", QStringLiteral("/images/create"), q, tar, url.isEmpty() ? QByteArray("application/x-tar") : QByteArray(),
                HttpJob::Stream, 600000);
}

DockerJob *DockerClient::build(const QByteArray &contextTar, const BuildOptions &o, const QList<RegistryAuth> &auths)
{
    auto buffer = std::make_shared<QBuffer>();
    buffer->setData(contextTar); // shared, not copied
    buffer->open(QIODevice::ReadOnly);
    return build(o.remote.isEmpty() ? buffer : nullptr, o.remote.isEmpty() ? contextTar.size() : 0, o, auths);
}

DockerJob *DockerClient::build(std::shared_ptr<QIODevice> context, qint64 size, const BuildOptions &o, const QList<RegistryAuth> &auths)
{
    Query q;
    for (const QString &t : o.tags)
        q.addQueryItem(QStringLiteral("t"), t);
    if (!o.dockerfile.isEmpty())
        q.addQueryItem(QStringLiteral("dockerfile"), o.dockerfile);
    if (!o.target.isEmpty())
        q.addQueryItem(QStringLiteral("target"), o.target);
    if (!o.remote.isEmpty())
        q.addQueryItem(QStringLiteral("remote"), o.remote);
    if (!o.platform.isEmpty())
        q.addQueryItem(QStringLiteral("platform"), o.platform);
    if (o.noCache)
        q.addQueryItem(QStringLiteral("nocache"), QStringLiteral("1"));
    if (o.pull)
        q.addQueryItem(QStringLiteral("pull"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("rm"), o.rm ? QStringLiteral("1") : QStringLiteral("0"));
    if (o.forceRm)
        q.addQueryItem(QStringLiteral("forcerm"), QStringLiteral("1"));
    auto mapJson = [](const QMap<QString, QString> &m) {
        QJsonObject j;
        for (auto it = m.begin(); it != m.end(); ++it)
            j.insert(it.key(), it.value());
        return QString::fromUtf8(QJsonDocument(j).toJson(QJsonDocument::Compact));
    };
    if (!o.buildArgs.isEmpty())
        q.addQueryItem(QStringLiteral("buildargs"), mapJson(o.buildArgs));
    if (!o.labels.isEmpty())
        q.addQueryItem(QStringLiteral("labels"), mapJson(o.labels));
    HttpHeaders h;
    if (!auths.isEmpty())
        h.append("X-Registry-Config", RegistryAuth::configHeader(auths));
    if (!o.remote.isEmpty() || !context)
        return send("POST", QStringLiteral("/build"), q, {}, {}, HttpJob::Stream, 600000, false, h);
    return sendStreamed("POST", QStringLiteral("/build"), q, std::move(context), size, "application/x-tar", HttpJob::Stream, 600000, h);
}

DockerJob *DockerClient::listVolumes(const Filters &filters)
{
    Query q;
    addFilters(q, filters);
    return get(QStringLiteral("/volumes"), q);
}

DockerJob *DockerClient::createVolume(const QJsonObject &config)
{
    return post(QStringLiteral("/volumes/create"), {}, QJsonDocument(config));
}

DockerJob *DockerClient::inspectVolume(const QString &name)
{
    return get(QStringLiteral("/volumes/%1").arg(enc(name)));
}

DockerJob *DockerClient::removeVolume(const QString &name, bool force)
{
    Query q;
    if (force)
        q.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    return del(QStringLiteral("/volumes/%1").arg(enc(name)), q);
}

DockerJob *DockerClient::pruneVolumes(const Filters &filters)
{
    Query q;
    addFilters(q, filters);
    return post(QStringLiteral("/volumes/prune"), q, {}, 300000);
}

DockerJob *DockerClient::listNetworks(const Filters &filters)
{
    Query q;
    addFilters(q, filters);
    return get(QStringLiteral("/networks"), q);
}

DockerJob *DockerClient::createNetwork(const QJsonObject &config)
{
    return post(QStringLiteral("/networks/create"), {}, QJsonDocument(config));
}

DockerJob *DockerClient::inspectNetwork(const QString &id)
{
    return get(QStringLiteral("/networks/%1").arg(enc(id)));
}

DockerJob *DockerClient::connectNetwork(const QString &network, const QString &container, const QJsonObject &endpoint)
{
    QJsonObject body{{QStringLiteral("Container"), container}};
    if (!endpoint.isEmpty())
        body.insert(QStringLiteral("EndpointConfig"), endpoint);
    return post(QStringLiteral("/networks/%1/connect").arg(enc(network)), {}, QJsonDocument(body));
}

DockerJob *DockerClient::disconnectNetwork(const QString &network, const QString &container, bool force)
{
    return post(QStringLiteral("/networks/%1/disconnect").arg(enc(network)), {},
                QJsonDocument(QJsonObject{{QStringLiteral("Container"), container}, {QStringLiteral("Force"), force}}));
}

DockerJob *DockerClient::removeNetwork(const QString &id)
{
    return del(QStringLiteral("/networks/%1").arg(enc(id)));
}

} // namespace Wharf::Backends
