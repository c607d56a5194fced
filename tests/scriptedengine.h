#pragma once

// A Docker engine for tests of the operations layer: a unix socket answers every request the
// way the daemon would, without doing anything. Creates answer with an id (a name with "boom"
// fails with a 500), every other call with 204; what came is remembered.
#include "httppeer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>

namespace TestSupport {

class ScriptedEngine
{
public:
    explicit ScriptedEngine(const QString &path)
    {
        m_server.listen(path);
        TestSupport::serveRequestsWithBodies(&m_server, [this](QLocalSocket *s, const TestSupport::PeerRequest &r) {
            answer(s, r);
            return true;
        });
    }
    QString url() const { return QStringLiteral("unix://") + m_server.fullServerName(); }
    QList<QByteArray> calls; // "POST /containers/create?name=web", …
    QList<QJsonObject> bodies;

private:
    static void reply(QLocalSocket *s, int code, const QByteArray &json)
    {
        const QByteArray status = code == 201 ? "201 Created" : code == 204 ? "204 No Content" : code == 500 ? "500 Internal Server Error" : "200 OK";
        s->write("HTTP/1.1 " + status + "\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size())
                 + "\r\n\r\n" + json);
        s->flush();
    }
    void answer(QLocalSocket *s, const TestSupport::PeerRequest &r)
    {
        if (r.target == "/_ping")
            return reply(s, 200, "OK");
        // without the API version prefix
        QByteArray path = r.target;
        if (path.startsWith("/v1."))
            path = path.mid(path.indexOf('/', 1));
        calls << r.method + ' ' + path;
        bodies << QJsonDocument::fromJson(r.body).object();
        if (path.contains("boom"))
            return reply(s, 500, R"({"message":"the engine broke"})");
        if (path.startsWith("/containers/create"))
            return reply(s, 201, R"({"Id":"c0ffee","Warnings":[]})");
        if (path.startsWith("/volumes/create"))
            return reply(s, 201, QByteArray(R"({"Name":")") + QJsonDocument(bodies.last()).object().value(QLatin1String("Name")).toString().toUtf8() + "\"}");
        if (path.startsWith("/networks/create"))
            return reply(s, 201, R"({"Id":"n0ffee"})");
        reply(s, 204, {});
    }
    QLocalServer m_server;
};


} // namespace TestSupport
