#pragma once

// An engine that keeps state in memory, for tests of the logic above the daemon without one
// (the deployer): images, containers, networks and volumes with their labels, on a unix
// socket through the project's HTTP peer. Enough of the Engine API for a deploy and its undo:
// lists (label filters), inspect, create, start, stop, restart, rename, remove, wait,
// network connect, image tag; and for the meter: events between two times and disk usage. A fault rule makes the Nth request matching a method and a
// path pattern fail with the daemon's status and message; nothing of it changes then.
#include "httppeer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QMap>
#include <QRegularExpression>
#include <QUrlQuery>

namespace TestSupport {

class FakeEngine
{
public:
    struct Container
    {
        QString id, name, image, imageId;
        QJsonObject labels;
        QJsonObject config; // the create body
        bool running = false;
        QStringList networks;
        qint64 startedAt = 0;  // seconds since the epoch (inspect's State.StartedAt)
        qint64 finishedAt = 0; // (State.FinishedAt)
    };
    struct Event
    {
        qint64 time;
        QString id;
        QString action; // start, die, …
    };
    struct Fault
    {
        QByteArray method;
        QRegularExpression path;
        int nth = 1; // the nth matching request fails (1: the first)
        int status = 500;
        QString message;
        int seen = 0;
    };

    explicit FakeEngine(const QString &socketPath)
    {
        m_server.listen(socketPath);
        serveRequestsWithBodies(&m_server, [this](QLocalSocket *s, const PeerRequest &r) {
            answer(s, r);
            return true;
        });
    }
    QString url() const { return QStringLiteral("unix://") + m_server.fullServerName(); }

    void addImage(const QString &reference, const QString &id) { m_images[id] << reference; }
    // The nth request (1-based) whose method and path (without the API version and query)
    // match fails with status and message.
    void failOn(const QByteArray &method, const QString &pathPattern, int nth, const QString &message, int status = 500)
    {
        m_faults.append({method, QRegularExpression(QStringLiteral("^") + pathPattern + QStringLiteral("$")), nth, status, message, 0});
    }
    void clearFaults() { m_faults.clear(); }

    QMap<QString, Container> containers; // by id
    QMap<QString, QJsonObject> networks; // by name
    QMap<QString, QJsonObject> volumes;  // by name
    QStringList calls;                   // "POST /containers/create", … (no version, no query)
    QList<Event> events;                 // what GET /events tells (between since and until)
    QMap<QString, qint64> volumeSizes;   // by name: what GET /system/df tells

    // A container that is there already (made by someone else, or before the test).
    Container &addContainer(const QString &id, const QString &name, const QString &image, bool running, qint64 startedAt = 0)
    {
        Container c;
        c.id = id;
        c.name = name;
        c.image = image;
        c.imageId = imageId(image);
        c.running = running;
        c.startedAt = startedAt;
        return containers[id] = c;
    }

    const Container *byName(const QString &name) const
    {
        for (const auto &c : containers)
            if (c.name == name)
                return &c;
        return nullptr;
    }

private:
    static void reply(QLocalSocket *s, int code, const QJsonValue &json = {})
    {
        QByteArray body;
        if (json.isObject())
            body = QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
        else if (json.isArray())
            body = QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact);
        const QByteArray reason = code == 200 ? "OK" : code == 201 ? "Created" : code == 204 ? "No Content" : code == 404 ? "Not Found" : code == 409 ? "Conflict" : "Error";
        s->write("HTTP/1.1 " + QByteArray::number(code) + ' ' + reason + "\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        s->flush();
    }
    static void error(QLocalSocket *s, int code, const QString &message) { reply(s, code, QJsonObject{{QStringLiteral("message"), message}}); }

    Container *find(const QString &ref)
    {
        if (containers.contains(ref))
            return &containers[ref];
        for (auto &c : containers)
            if (c.name == ref || c.id.startsWith(ref))
                return &c;
        return nullptr;
    }
    QString imageId(const QString &reference) const
    {
        QString ref = reference;
        if (!ref.contains(QLatin1Char(':')))
            ref += QStringLiteral(":latest");
        for (auto it = m_images.cbegin(); it != m_images.cend(); ++it)
            if (it.key() == reference || it->contains(ref) || it->contains(QStringLiteral("docker.io/library/") + ref))
                return it.key();
        return {};
    }
    // label filters of a list: every "key=value" (or "key") must be on the object
    static bool matches(const QJsonObject &labels, const QUrlQuery &q)
    {
        const QJsonObject filters = QJsonDocument::fromJson(q.queryItemValue(QStringLiteral("filters"), QUrl::FullyDecoded).toUtf8()).object();
        for (const auto &f : filters.value(QLatin1String("label")).toArray()) {
            const QString want = f.toString();
            const qsizetype eq = want.indexOf(QLatin1Char('='));
            const QString key = eq < 0 ? want : want.left(eq);
            if (!labels.contains(key) || (eq >= 0 && labels.value(key).toString() != want.mid(eq + 1)))
                return false;
        }
        return true;
    }
    QJsonObject listed(const Container &c) const
    {
        return {{QStringLiteral("Id"), c.id},
                {QStringLiteral("Names"), QJsonArray{QString(QLatin1Char('/') + c.name)}},
                {QStringLiteral("Image"), c.image},
                {QStringLiteral("ImageID"), c.imageId},
                {QStringLiteral("Labels"), c.labels},
                {QStringLiteral("State"), c.running ? QStringLiteral("running") : QStringLiteral("exited")},
                {QStringLiteral("Status"), c.running ? QStringLiteral("Up 1 second") : QStringLiteral("Exited (0)")},
                {QStringLiteral("Created"), 1700000000},
                {QStringLiteral("Ports"), QJsonArray{}}};
    }
    QJsonObject inspected(const Container &c) const
    {
        QJsonObject cfg = c.config;
        cfg.insert(QStringLiteral("Labels"), c.labels);
        QJsonObject nets;
        for (const QString &n : c.networks)
            nets.insert(n, QJsonObject{{QStringLiteral("NetworkID"), n}});
        auto time = [](qint64 secs) {
            return secs ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("0001-01-01T00:00:00Z");
        };
        return {{QStringLiteral("Id"), c.id},
                {QStringLiteral("Name"), QString(QLatin1Char('/') + c.name)},
                {QStringLiteral("Image"), c.imageId},
                {QStringLiteral("Config"), cfg},
                {QStringLiteral("HostConfig"), c.config.value(QLatin1String("HostConfig"))},
                {QStringLiteral("State"), QJsonObject{{QStringLiteral("Running"), c.running},
                                                      {QStringLiteral("Status"), c.running ? QStringLiteral("running") : QStringLiteral("exited")},
                                                      {QStringLiteral("ExitCode"), 0},
                                                      {QStringLiteral("StartedAt"), time(c.startedAt)},
                                                      {QStringLiteral("FinishedAt"), time(c.finishedAt)}}},
                {QStringLiteral("NetworkSettings"), QJsonObject{{QStringLiteral("Networks"), nets}}}};
    }

    void answer(QLocalSocket *s, const PeerRequest &r)
    {
        if (r.target == "/_ping")
            return reply(s, 200);
        QByteArray target = r.target;
        if (target.startsWith("/v1."))
            target = target.mid(target.indexOf('/', 1));
        const qsizetype qmark = target.indexOf('?');
        const QString path = QUrl::fromPercentEncoding(qmark < 0 ? target : target.left(qmark));
        const QUrlQuery query(QString::fromUtf8(qmark < 0 ? QByteArray() : target.mid(qmark + 1)));
        calls << QString::fromLatin1(r.method) + QLatin1Char(' ') + path;
        for (Fault &f : m_faults)
            if (f.method == r.method && f.path.match(path).hasMatch() && ++f.seen == f.nth)
                return error(s, f.status, f.message);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const QString what = parts.value(0);
        const bool get = r.method == "GET", post = r.method == "POST", del = r.method == "DELETE";

        if (get && what == QLatin1String("events")) {
            const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong();
            const qint64 until = query.queryItemValue(QStringLiteral("until")).toLongLong();
            QByteArray lines;
            for (const Event &e : events)
                if (e.time >= since && (!until || e.time <= until))
                    lines += QJsonDocument(QJsonObject{{QStringLiteral("Type"), QStringLiteral("container")},
                                                       {QStringLiteral("Action"), e.action},
                                                       {QStringLiteral("status"), e.action},
                                                       {QStringLiteral("id"), e.id},
                                                       {QStringLiteral("time"), e.time}})
                                 .toJson(QJsonDocument::Compact)
                             + '\n';
            s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(lines.size())
                     + "\r\n\r\n" + lines);
            s->flush();
            return;
        }
        if (get && what == QLatin1String("system") && parts.value(1) == QLatin1String("df")) {
            QJsonArray list;
            for (auto it = volumeSizes.cbegin(); it != volumeSizes.cend(); ++it)
                list.append(QJsonObject{{QStringLiteral("Name"), it.key()}, {QStringLiteral("UsageData"), QJsonObject{{QStringLiteral("Size"), it.value()}, {QStringLiteral("RefCount"), 1}}}});
            return reply(s, 200, QJsonObject{{QStringLiteral("Volumes"), list}});
        }
        if (what == QLatin1String("images")) {
            if (get && parts.value(1) == QLatin1String("json")) {
                QJsonArray list;
                for (auto it = m_images.cbegin(); it != m_images.cend(); ++it)
                    list.append(QJsonObject{{QStringLiteral("Id"), it.key()}, {QStringLiteral("RepoTags"), QJsonArray::fromStringList(*it)}});
                return reply(s, 200, list);
            }
            const QString name = parts.mid(1, parts.size() - 2).join(QLatin1Char('/'));
            const QString id = imageId(name);
            if (get && parts.last() == QLatin1String("json"))
                return id.isEmpty() ? error(s, 404, QStringLiteral("No such image: ") + name)
                                    : reply(s, 200, QJsonObject{{QStringLiteral("Id"), id}, {QStringLiteral("RepoTags"), QJsonArray::fromStringList(m_images.value(id))}});
            if (post && parts.last() == QLatin1String("tag")) {
                if (id.isEmpty())
                    return error(s, 404, QStringLiteral("No such image: ") + name);
                m_images[id] << query.queryItemValue(QStringLiteral("repo")) + QLatin1Char(':') + query.queryItemValue(QStringLiteral("tag"));
                return reply(s, 201);
            }
        }
        if (what == QLatin1String("networks")) {
            if (get && parts.size() == 1) {
                QJsonArray list;
                for (const auto &n : networks)
                    if (matches(n.value(QLatin1String("Labels")).toObject(), query))
                        list.append(n);
                return reply(s, 200, list);
            }
            if (post && parts.value(1) == QLatin1String("create")) {
                const QString name = body.value(QLatin1String("Name")).toString();
                if (networks.contains(name))
                    return error(s, 409, QStringLiteral("network with name %1 already exists").arg(name));
                networks.insert(name, QJsonObject{{QStringLiteral("Name"), name}, {QStringLiteral("Id"), name}, {QStringLiteral("Labels"), body.value(QLatin1String("Labels"))}});
                return reply(s, 201, QJsonObject{{QStringLiteral("Id"), name}});
            }
            const QString name = parts.value(1);
            if (!networks.contains(name))
                return error(s, 404, QStringLiteral("network %1 not found").arg(name));
            if (post && parts.value(2) == QLatin1String("connect")) {
                Container *c = find(body.value(QLatin1String("Container")).toString());
                if (!c)
                    return error(s, 404, QStringLiteral("No such container"));
                c->networks << name;
                return reply(s, 200);
            }
            if (del) {
                for (const auto &c : containers)
                    if (c.networks.contains(name))
                        return error(s, 403, QStringLiteral("error while removing network: network %1 has active endpoints").arg(name));
                networks.remove(name);
                return reply(s, 204);
            }
            if (get)
                return reply(s, 200, networks.value(name));
        }
        if (what == QLatin1String("volumes")) {
            if (get && parts.size() == 1) {
                QJsonArray list;
                for (const auto &v : volumes)
                    if (matches(v.value(QLatin1String("Labels")).toObject(), query))
                        list.append(v);
                return reply(s, 200, QJsonObject{{QStringLiteral("Volumes"), list}});
            }
            if (post && parts.value(1) == QLatin1String("create")) {
                const QString name = body.value(QLatin1String("Name")).toString();
                const QJsonObject v{{QStringLiteral("Name"), name}, {QStringLiteral("Driver"), QStringLiteral("local")}, {QStringLiteral("Labels"), body.value(QLatin1String("Labels"))}};
                volumes.insert(name, v);
                return reply(s, 201, v);
            }
            const QString name = parts.value(1);
            if (!volumes.contains(name))
                return error(s, 404, QStringLiteral("get %1: no such volume").arg(name));
            if (del) {
                volumes.remove(name);
                return reply(s, 204);
            }
            return reply(s, 200, volumes.value(name));
        }
        if (what == QLatin1String("containers")) {
            if (get && parts.value(1) == QLatin1String("json")) {
                QJsonArray list;
                for (const auto &c : containers)
                    if (matches(c.labels, query) && (c.running || query.queryItemValue(QStringLiteral("all")) == QLatin1String("1")
                                                     || query.queryItemValue(QStringLiteral("all")) == QLatin1String("true")))
                        list.append(listed(c));
                return reply(s, 200, list);
            }
            if (post && parts.value(1) == QLatin1String("create")) {
                const QString name = query.queryItemValue(QStringLiteral("name"));
                if (byName(name))
                    return error(s, 409, QStringLiteral("Conflict. The container name \"/%1\" is already in use").arg(name));
                const QString image = body.value(QLatin1String("Image")).toString();
                const QString image_id = imageId(image);
                if (image_id.isEmpty())
                    return error(s, 404, QStringLiteral("No such image: ") + image);
                Container c;
                c.id = QStringLiteral("%1").arg(++m_next, 64, 16, QLatin1Char('0'));
                c.name = name;
                c.image = image;
                c.imageId = image_id;
                c.labels = body.value(QLatin1String("Labels")).toObject();
                c.config = body;
                const QJsonObject endpoints = body.value(QLatin1String("NetworkingConfig")).toObject().value(QLatin1String("EndpointsConfig")).toObject();
                for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
                    if (!networks.contains(it.key()))
                        return error(s, 404, QStringLiteral("network %1 not found").arg(it.key()));
                    c.networks << it.key();
                }
                containers.insert(c.id, c);
                return reply(s, 201, QJsonObject{{QStringLiteral("Id"), c.id}, {QStringLiteral("Warnings"), QJsonArray{}}});
            }
            Container *c = find(parts.value(1));
            if (!c)
                return error(s, 404, QStringLiteral("No such container: ") + parts.value(1));
            const QString verb = parts.value(2);
            if (get && verb == QLatin1String("json"))
                return reply(s, 200, inspected(*c));
            if (del) {
                if (c->running && query.queryItemValue(QStringLiteral("force")) != QLatin1String("1")
                    && query.queryItemValue(QStringLiteral("force")) != QLatin1String("true"))
                    return error(s, 409, QStringLiteral("You cannot remove a running container"));
                containers.remove(c->id);
                return reply(s, 204);
            }
            if (post && (verb == QLatin1String("start") || verb == QLatin1String("restart"))) {
                const bool was = c->running;
                c->running = true;
                return reply(s, was && verb == QLatin1String("start") ? 304 : 204);
            }
            if (post && verb == QLatin1String("stop")) {
                const bool was = c->running;
                c->running = false;
                return reply(s, was ? 204 : 304);
            }
            if (post && verb == QLatin1String("rename")) {
                const QString name = query.queryItemValue(QStringLiteral("name"));
                if (const Container *other = byName(name); other && other != c)
                    return error(s, 409, QStringLiteral("Conflict. The container name \"/%1\" is already in use").arg(name));
                c->name = name;
                return reply(s, 204);
            }
            if (post && verb == QLatin1String("wait")) {
                c->running = false;
                return reply(s, 200, QJsonObject{{QStringLiteral("StatusCode"), 0}});
            }
        }
        error(s, 404, QStringLiteral("page not found: ") + path);
    }

    QLocalServer m_server;
    QMap<QString, QStringList> m_images; // id → references
    QList<Fault> m_faults;
    quint64 m_next = 0xc0ffee;
};

} // namespace TestSupport
