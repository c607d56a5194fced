#include "registryclient.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcRegistry, "wharf.registry", QtWarningMsg)

namespace Wharf::Backends {

const QByteArray RegistryClient::ManifestAccept =
    "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, "
    "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json";

namespace {
bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    QHostAddress a;
    return a.setAddress(host) && a.isLoopback();
}

QString registryCode(const QByteArray &body)
{
    const QJsonArray errs = QJsonDocument::fromJson(body).object().value(QLatin1String("errors")).toArray();
    return errs.isEmpty() ? QString() : errs.first().toObject().value(QLatin1String("code")).toString();
}
} // namespace

// --- RegistryJob ---------------------------------------------------------------------------

RegistryJob::RegistryJob(RegistryClient *client, QByteArray method, QUrl url, QByteArray accept, QString scope)
    : Job(client)
    , m_client(client)
    , m_method(std::move(method))
    , m_url(std::move(url))
    , m_accept(std::move(accept))
    , m_scope(std::move(scope))
{
}

RegistryJob::~RegistryJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray RegistryJob::header(const QByteArray &name) const
{
    for (const auto &[n, v] : m_headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QJsonDocument RegistryJob::json()
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(m_body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        m_error = Error::make(Error::Protocol, RegistryClient::tr("The registry at %1 sent an answer that is not valid JSON (%2 at byte %3).")
                                                   .arg(m_url.host(), pe.errorString())
                                                   .arg(pe.offset));
        return {};
    }
    return doc;
}

void RegistryJob::abort()
{
    if (!m_done)
        done(Error::make(Error::Canceled, RegistryClient::tr("Canceled.")));
}

void RegistryJob::send()
{
    if (!m_client)
        return done(Error::make(Error::Canceled, RegistryClient::tr("Canceled.")));
    ++m_attempts;
    QNetworkRequest req(m_url);
    req.setRawHeader("User-Agent", "Wharf");
    if (!m_accept.isEmpty())
        req.setRawHeader("Accept", m_accept);
    const QByteArray auth = m_client->authorizationFor(m_scope);
    if (!auth.isEmpty())
        req.setRawHeader("Authorization", auth);
    req.setTransferTimeout(m_client->m_timeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_client->m_nam->sendCustomRequest(req, m_method);
    bound(m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &RegistryJob::onReply);
}

void RegistryJob::bound(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if (received <= MaxAnswerBytes && total <= MaxAnswerBytes)
            return;
        if (reply != m_reply)
            return;
        done(Error::make(Error::Protocol, RegistryClient::tr("The registry at %1 sent an answer larger than %2 MiB; it was not read.")
                                              .arg(m_url.authority())
                                              .arg(MaxAnswerBytes / (1024 * 1024))));
    });
}

Error RegistryJob::errorFromBody(const QString &fallback) const
{
    const QJsonArray errs = QJsonDocument::fromJson(m_body).object().value(QLatin1String("errors")).toArray();
    if (errs.isEmpty())
        return Error::make(Error::Http, fallback, m_status);
    const QJsonObject e = errs.first().toObject();
    const QString code = e.value(QLatin1String("code")).toString();
    const QString msg = e.value(QLatin1String("message")).toString();
    Error::Kind kind = Error::Http;
    QString text;
    // /v2/<name>/(manifests|tags|blobs)/<reference>
    const QString path = m_url.path();
    QString repo, reference;
    static const QRegularExpression re(QStringLiteral("^/v2/(.+)/(manifests|tags|blobs)/(.*)$"));
    if (const auto m = re.match(path); m.hasMatch()) {
        repo = m.captured(1);
        reference = m.captured(2) == QLatin1String("tags") ? QString() : m.captured(3);
    }
    if (code == QLatin1String("NAME_UNKNOWN")) {
        kind = Error::NotFound;
        text = RegistryClient::tr("The registry at %1 has no repository \"%2\".").arg(m_url.authority(), repo);
    } else if (code == QLatin1String("MANIFEST_UNKNOWN") || (code == QLatin1String("BLOB_UNKNOWN") && path.contains(QLatin1String("/manifests/")))) {
        kind = Error::NotFound;
        text = RegistryClient::tr("The repository \"%1\" has no tag or manifest \"%2\".").arg(repo, reference);
    } else if (code == QLatin1String("UNSUPPORTED") && m_method == "DELETE") {
        text = RegistryClient::tr("This registry has deletion disabled (distribution: storage.delete.enabled).");
    } else if (code == QLatin1String("DENIED") || code == QLatin1String("UNAUTHORIZED")) {
        kind = Error::Http;
        text = RegistryClient::tr("The registry denied access: %1").arg(msg);
    } else {
        text = RegistryClient::tr("The registry answered %1: %2").arg(code, msg);
    }
    return Error::make(kind, text, m_status);
}

void RegistryJob::onReply()
{
    QNetworkReply *r = m_reply;
    if (!r || m_done)
        return;
    m_reply = nullptr;
    r->deleteLater();
    m_status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = r->isOpen() ? r->readAll() : QByteArray();
    m_headers = r->rawHeaderPairs();
    const QString where = m_url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    if (m_status == 0) {
        const auto ne = r->error();
        qCDebug(lcRegistry) << "network error" << ne << r->errorString();
        if (ne == QNetworkReply::OperationCanceledError || ne == QNetworkReply::TimeoutError)
            return done(Error::make(Error::Timeout, RegistryClient::tr("The registry at %1 did not answer in time.").arg(where)));
        if (ne == QNetworkReply::SslHandshakeFailedError)
            return done(Error::make(Error::Tls, RegistryClient::tr("The TLS connection to the registry at %1 failed: %2").arg(where, r->errorString())));
        return done(Error::make(Error::Connect, RegistryClient::tr("Cannot reach the registry at %1: %2").arg(where, r->errorString())));
    }
    if (m_status == 401) {
        QString scheme;
        const auto challenge = RegistryClient::parseChallenge(r->rawHeader("WWW-Authenticate"), &scheme);
        const bool haveCreds = !m_client->m_username.isEmpty() || !m_client->m_password.isEmpty();
        if (m_attempts == 1 && scheme == QLatin1String("bearer") && challenge.contains(QStringLiteral("realm")))
            return fetchToken(challenge);
        if (m_attempts == 1 && scheme == QLatin1String("basic") && haveCreds && !m_client->m_basic) {
            m_client->m_basic = true;
            return send();
        }
        if (!haveCreds)
            return done(Error::make(Error::Secret, RegistryClient::tr("The registry at %1 needs you to log in (wharfctl login %2).")
                                                        .arg(where, m_url.authority()), 401));
        return done(Error::make(Error::Secret, RegistryClient::tr("The registry at %1 refused the user name or password of %2.")
                                                    .arg(where, m_client->m_username), 401));
    }
    if (m_status == 404 && m_method == "HEAD" && m_url.path().contains(QLatin1String("/manifests/"))) {
        // A HEAD has no body to say which: name the thing that is missing.
        return done(Error::make(Error::NotFound, RegistryClient::tr("The registry at %1 has no %2.")
                                                     .arg(m_url.authority(), m_url.path().mid(4).replace(QLatin1String("/manifests/"), QLatin1String(":"))), 404));
    }
    if (m_status >= 400) {
        if (m_status == 404 && registryCode(m_body).isEmpty() && m_url.path() == QLatin1String("/v2/"))
            return done(Error::make(Error::Protocol, RegistryClient::tr("%1 is not a Docker registry (no /v2/ API).").arg(where), 404));
        return done(errorFromBody(RegistryClient::tr("The registry at %1 answered %2 %3.")
                                      .arg(where)
                                      .arg(m_status)
                                      .arg(QString::fromUtf8(r->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()))));
    }
    done({});
}

void RegistryJob::fetchToken(const QHash<QString, QString> &challenge)
{
    if (!m_client)
        return done(Error::make(Error::Canceled, RegistryClient::tr("Canceled.")));
    QUrl url(challenge.value(QStringLiteral("realm")));
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return done(Error::make(Error::Protocol, RegistryClient::tr("The registry named a token service that is not an http(s) URL: %1")
                                                     .arg(challenge.value(QStringLiteral("realm")))));
    QUrlQuery q;
    if (challenge.contains(QStringLiteral("service")))
        q.addQueryItem(QStringLiteral("service"), challenge.value(QStringLiteral("service")));
    const QString scope = challenge.value(QStringLiteral("scope"), m_scope);
    for (const QString &s : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        q.addQueryItem(QStringLiteral("scope"), s);
    if (!m_client->m_username.isEmpty())
        q.addQueryItem(QStringLiteral("account"), m_client->m_username);
    url.setQuery(q);
    QNetworkRequest req(url);
    req.setRawHeader("User-Agent", "Wharf");
    if (!m_client->m_username.isEmpty() || !m_client->m_password.isEmpty())
        req.setRawHeader("Authorization", "Basic " + (m_client->m_username + QLatin1Char(':') + m_client->m_password).toUtf8().toBase64());
    req.setTransferTimeout(m_client->m_timeoutMs);
    ++m_client->m_tokenRequests;
    m_reply = m_client->m_nam->get(req);
    bound(m_reply);
    connect(m_reply, &QNetworkReply::finished, this, [this, scope, url] {
        QNetworkReply *r = m_reply;
        if (!r || m_done)
            return;
        m_reply = nullptr;
        r->deleteLater();
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString where = url.adjusted(QUrl::RemoveQuery).toString();
        if (status == 0)
            return done(Error::make(Error::Connect, RegistryClient::tr("Cannot reach the registry's token service at %1: %2").arg(where, r->errorString())));
        if (status == 401 || status == 403)
            return done(Error::make(Error::Secret, m_client->m_username.isEmpty()
                                        ? RegistryClient::tr("The registry's token service at %1 needs you to log in.").arg(where)
                                        : RegistryClient::tr("The registry's token service at %1 refused the user name or password of %2.")
                                              .arg(where, m_client->m_username), status));
        if (status >= 400)
            return done(Error::make(Error::Http, RegistryClient::tr("The registry's token service at %1 answered %2.").arg(where).arg(status), status));
        const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
        QByteArray token = o.value(QLatin1String("token")).toString().toUtf8();
        if (token.isEmpty())
            token = o.value(QLatin1String("access_token")).toString().toUtf8();
        if (token.isEmpty())
            return done(Error::make(Error::Protocol, RegistryClient::tr("The registry's token service at %1 sent no token.").arg(where)));
        int expiresIn = o.value(QLatin1String("expires_in")).toInt(60);
        if (expiresIn < 60)
            expiresIn = 60; // the spec's minimum
        QDateTime issued = QDateTime::fromString(o.value(QLatin1String("issued_at")).toString(), Qt::ISODateWithMs);
        if (!issued.isValid() || issued > QDateTime::currentDateTimeUtc())
            issued = QDateTime::currentDateTimeUtc();
        // Renew a little early so that a token does not run out between cache and registry.
        m_client->m_tokens.insert(scope, RegistryClient::Token{token, issued.addSecs(expiresIn - 10)});
        m_scope = scope;
        send();
    });
}

void RegistryJob::done(const Error &e)
{
    if (m_done)
        return;
    m_done = true;
    m_error = e;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (e.isError())
        qCDebug(lcRegistry) << m_method << m_url.path() << e.message;
    Q_EMIT finished();
    deleteLater();
}

// --- RegistryClient ------------------------------------------------------------------------

RegistryClient::RegistryClient(const QUrl &base, QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_base(base.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery))
{
    m_nam->setAutoDeleteReplies(false);
}

RegistryClient::~RegistryClient() = default;

Expected<QUrl> RegistryClient::parseUrl(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return Error::make(Error::Input, tr("A registry address is needed (host[:port] or https://host)."));
    if (!text.contains(QLatin1String("://"))) {
        const QString host = QUrl(QStringLiteral("http://") + text).host();
        text = (isLoopbackHost(host) ? QStringLiteral("http://") : QStringLiteral("https://")) + text;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error::make(Error::Input, tr("\"%1\" is not a registry address (host[:port] or https://host).").arg(input));
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
}

void RegistryClient::setCredentials(const QString &username, const QString &password)
{
    m_username = username;
    m_password = password;
    m_basic = false;
    m_tokens.clear();
}

QByteArray RegistryClient::authorizationFor(const QString &scope) const
{
    const auto it = m_tokens.constFind(scope);
    if (it != m_tokens.cend() && it->expires > QDateTime::currentDateTimeUtc())
        return "Bearer " + it->value;
    if (m_basic)
        return "Basic " + (m_username + QLatin1Char(':') + m_password).toUtf8().toBase64();
    return {};
}

QHash<QString, QString> RegistryClient::parseChallenge(const QByteArray &header, QString *scheme)
{
    QHash<QString, QString> out;
    const QString h = QString::fromUtf8(header).trimmed();
    const qsizetype sp = h.indexOf(QLatin1Char(' '));
    *scheme = (sp < 0 ? h : h.left(sp)).toLower();
    if (sp < 0)
        return out;
    static const QRegularExpression param(QStringLiteral("\\s*([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))\\s*,?"));
    auto it = param.globalMatch(h, sp + 1);
    while (it.hasNext()) {
        const auto m = it.next();
        QString v = m.captured(2).isNull() ? m.captured(3) : m.captured(2);
        v.replace(QLatin1String("\\\""), QLatin1String("\""));
        out.insert(m.captured(1).toLower(), v);
    }
    return out;
}

QUrl RegistryClient::nextLink(const QByteArray &header, const QUrl &base)
{
    static const QRegularExpression re(QStringLiteral("<([^>]*)>\\s*;[^,]*rel=\"?next\"?"));
    const auto m = re.match(QString::fromUtf8(header));
    if (!m.hasMatch())
        return {};
    return base.resolved(QUrl(m.captured(1)));
}

RegistryJob *RegistryClient::request(const QByteArray &method, const QString &path, const QString &scope,
                                     const QByteArray &accept, const QUrlQuery &query)
{
    QUrl url = m_base;
    url.setPath(path);
    url.setQuery(query);
    auto *job = new RegistryJob(this, method, url, accept, scope);
    QMetaObject::invokeMethod(job, &RegistryJob::send, Qt::QueuedConnection);
    return job;
}

void RegistryClient::ping(std::function<void(const Error &)> done)
{
    auto *job = request("GET", QStringLiteral("/v2/"), QString());
    connect(job, &RegistryJob::finished, this, [job, done] { done(job->error()); });
}

void RegistryClient::repositories(std::function<void(const Expected<QStringList> &)> done, int pageSize, int maxEntries)
{
    auto all = std::make_shared<QStringList>();
    auto page = std::make_shared<std::function<void(QUrlQuery)>>();
    QPointer<RegistryClient> self(this);
    *page = [self, all, page, done, maxEntries](QUrlQuery q) {
        if (!self)
            return;
        auto *job = self->request("GET", QStringLiteral("/v2/_catalog"), QStringLiteral("registry:catalog:*"), {}, q);
        connect(job, &RegistryJob::finished, self, [self, job, all, page, done, maxEntries] {
            if (job->isError()) {
                Error e = job->error();
                if (e.httpStatus == 404 || e.httpStatus == 403 || (e.httpStatus == 401 && !self->m_username.isEmpty()))
                    e.message = tr("This registry does not list its repositories (no catalog); open a repository by name. (%1)").arg(e.message);
                *page = nullptr; // breaks the cycle
                return done(e);
            }
            const QJsonDocument doc = job->json();
            if (job->isError()) {
                *page = nullptr;
                return done(job->error());
            }
            for (const auto &v : doc.object().value(QLatin1String("repositories")).toArray())
                all->append(v.toString());
            const QUrl next = nextLink(job->header("Link"), self->m_base);
            if (next.isValid() && !next.isEmpty() && (maxEntries <= 0 || all->size() < maxEntries)) {
                (*page)(QUrlQuery(next.query()));
                return;
            }
            *page = nullptr;
            if (maxEntries > 0 && all->size() > maxEntries)
                all->resize(maxEntries);
            done(*all);
        });
    };
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("n"), QString::number(pageSize));
    (*page)(q);
}

void RegistryClient::tags(const QString &repository, std::function<void(const Expected<QStringList> &)> done)
{
    auto all = std::make_shared<QStringList>();
    auto page = std::make_shared<std::function<void(QUrlQuery)>>();
    QPointer<RegistryClient> self(this);
    const QString scope = QStringLiteral("repository:%1:pull").arg(repository);
    *page = [self, all, page, done, repository, scope](QUrlQuery q) {
        if (!self)
            return;
        auto *job = self->request("GET", QStringLiteral("/v2/%1/tags/list").arg(repository), scope, {}, q);
        connect(job, &RegistryJob::finished, self, [self, job, all, page, done] {
            const QJsonDocument doc = job->isError() ? QJsonDocument() : job->json();
            if (job->isError()) {
                *page = nullptr;
                return done(job->error());
            }
            for (const auto &v : doc.object().value(QLatin1String("tags")).toArray())
                all->append(v.toString());
            const QUrl next = nextLink(job->header("Link"), self->m_base);
            if (next.isValid() && !next.isEmpty()) {
                (*page)(QUrlQuery(next.query()));
                return;
            }
            *page = nullptr;
            done(*all);
        });
    };
    (*page)(QUrlQuery());
}

void RegistryClient::digestOf(const QString &repository, const QString &reference, std::function<void(const Expected<QString> &)> done)
{
    // GET, not HEAD: QNetworkAccessManager cancels a HEAD that is answered 401 with a length.
    auto *job = request("GET", QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference),
                        QStringLiteral("repository:%1:pull").arg(repository), ManifestAccept);
    connect(job, &RegistryJob::finished, this, [job, done, reference] {
        if (job->isError())
            return done(job->error());
        const QString digest = QString::fromLatin1(job->header("Docker-Content-Digest"));
        if (digest.isEmpty())
            return done(Error::make(Error::Protocol, tr("The registry did not say the digest of %1.").arg(reference)));
        if (!digest.startsWith(QLatin1String("sha256:")) || digest.size() != 71)
            return done(Error::make(Error::Protocol, tr("The registry sent a malformed digest for %1: %2").arg(reference, digest.left(80))));
        done(digest);
    });
}

void RegistryClient::deleteImage(const QString &repository, const QString &reference, std::function<void(const Expected<QString> &)> done)
{
    QPointer<RegistryClient> self(this);
    auto remove = [self, repository, done](const QString &digest) {
        if (!self)
            return;
        auto *job = self->request("DELETE", QStringLiteral("/v2/%1/manifests/%2").arg(repository, digest),
                                  QStringLiteral("repository:%1:delete").arg(repository));
        connect(job, &RegistryJob::finished, self, [job, done, digest] {
            if (job->isError())
                return done(job->error());
            done(digest);
        });
    };
    if (reference.startsWith(QLatin1String("sha256:")))
        return remove(reference);
    digestOf(repository, reference, [remove, done](const Expected<QString> &d) {
        if (!d)
            return done(d.error());
        remove(*d);
    });
}

static void fillFromManifest(RegistryImage &img, const QJsonObject &m)
{
    img.configDigest = m.value(QLatin1String("config")).toObject().value(QLatin1String("digest")).toString();
    img.size = qint64(m.value(QLatin1String("config")).toObject().value(QLatin1String("size")).toDouble());
    img.layers.clear();
    for (const auto &v : m.value(QLatin1String("layers")).toArray()) {
        const QJsonObject l = v.toObject();
        RegistryImage::Layer layer{l.value(QLatin1String("digest")).toString(), qint64(l.value(QLatin1String("size")).toDouble()),
                                   l.value(QLatin1String("mediaType")).toString()};
        img.size += layer.size;
        img.layers << layer;
    }
}

void RegistryClient::image(const QString &repository, const QString &reference, std::function<void(const Expected<RegistryImage> &)> done)
{
    QPointer<RegistryClient> self(this);
    const QString scope = QStringLiteral("repository:%1:pull").arg(repository);
    auto result = std::make_shared<RegistryImage>();
    result->reference = reference;
    // Step 3: the config blob gives created, architecture, os, config and history.
    auto fetchConfig = [self, repository, scope, result, done] {
        if (!self)
            return;
        if (result->configDigest.isEmpty())
            return done(*result);
        auto *job = self->request("GET", QStringLiteral("/v2/%1/blobs/%2").arg(repository, result->configDigest), scope);
        connect(job, &RegistryJob::finished, self, [job, result, done] {
            const QJsonDocument doc = job->isError() ? QJsonDocument() : job->json();
            if (job->isError())
                return done(job->error());
            const QJsonObject c = doc.object();
            result->architecture = c.value(QLatin1String("architecture")).toString();
            result->os = c.value(QLatin1String("os")).toString();
            result->created = QDateTime::fromString(c.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
            result->config = c.value(QLatin1String("config")).toObject();
            result->history = c.value(QLatin1String("history")).toArray();
            done(*result);
        });
    };
    // Step 2 (an index): the first platform's manifest.
    auto fetchPlatform = [self, repository, scope, result, done, fetchConfig](const QString &digest) {
        auto *job = self->request("GET", QStringLiteral("/v2/%1/manifests/%2").arg(repository, digest), scope, ManifestAccept);
        connect(job, &RegistryJob::finished, self, [job, result, done, fetchConfig] {
            const QJsonDocument doc = job->isError() ? QJsonDocument() : job->json();
            if (job->isError())
                return done(job->error());
            fillFromManifest(*result, doc.object());
            fetchConfig();
        });
    };
    auto *job = request("GET", QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference), scope, ManifestAccept);
    connect(job, &RegistryJob::finished, this, [job, result, done, fetchConfig, fetchPlatform] {
        const QJsonDocument doc = job->isError() ? QJsonDocument() : job->json();
        if (job->isError())
            return done(job->error());
        const QJsonObject m = doc.object();
        result->digest = QString::fromLatin1(job->header("Docker-Content-Digest"));
        result->mediaType = m.value(QLatin1String("mediaType")).toString();
        if (result->mediaType.isEmpty())
            result->mediaType = QString::fromLatin1(job->header("Content-Type")).section(QLatin1Char(';'), 0, 0);
        const int schema = m.value(QLatin1String("schemaVersion")).toInt();
        if (schema == 1)
            return done(Error::make(Error::Protocol, tr("%1 is a schema 1 manifest, which Docker no longer supports; push it again with a current docker.")
                                                          .arg(result->reference)));
        if (m.contains(QLatin1String("manifests"))) {
            result->isIndex = true;
            for (const auto &v : m.value(QLatin1String("manifests")).toArray()) {
                const QJsonObject e = v.toObject();
                const QJsonObject p = e.value(QLatin1String("platform")).toObject();
                result->platforms << RegistryImage::Platform{e.value(QLatin1String("digest")).toString(),
                                                             p.value(QLatin1String("os")).toString(),
                                                             p.value(QLatin1String("architecture")).toString(),
                                                             p.value(QLatin1String("variant")).toString(),
                                                             qint64(e.value(QLatin1String("size")).toDouble())};
            }
            if (result->platforms.isEmpty())
                return done(*result);
            return fetchPlatform(result->platforms.first().digest);
        }
        if (!m.contains(QLatin1String("config")))
            return done(Error::make(Error::Protocol, tr("The manifest of %1 has no image config.").arg(result->reference)));
        fillFromManifest(*result, m);
        fetchConfig();
    });
}

} // namespace Wharf::Backends
