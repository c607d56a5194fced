#pragma once

// A proxy on a unix socket between Wharf and a real Docker daemon that makes the daemon "die"
// at the request of one's choosing: before the request reaches it (the daemon never heard),
// or after it acted and before its answer got back (the daemon did it; Wharf never heard).
// From then on every connection is cut and new ones are refused, as with a dead daemon, until
// revive(). It runs on a thread of its own, so a test may wait for a process blockingly.
#include <QLocalServer>
#include <QLocalSocket>
#include <QMutex>
#include <QThread>

#include <atomic>

namespace TestSupport {

class FaultProxy : public QObject
{
public:
    enum class Mode { Before, After };

    FaultProxy(const QString &listenPath, const QString &daemonPath)
        : m_daemonPath(daemonPath)
    {
        m_thread.start();
        QLocalServer::removeServer(listenPath);
        m_server.listen(listenPath);
        m_server.moveToThread(&m_thread);
        moveToThread(&m_thread);
        QObject::connect(&m_server, &QLocalServer::newConnection, this, [this] { accept(); });
    }
    ~FaultProxy() override
    {
        QMetaObject::invokeMethod(this, [this] {
            m_server.close();
            for (QLocalSocket *s : findChildren<QLocalSocket *>())
                s->abort();
            moveToThread(nullptr); // (destroyed on the test's thread)
            m_server.moveToThread(nullptr);
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QString url() const { return QStringLiteral("unix://") + m_server.fullServerName(); }

    // The daemon dies at request number `at` (1 = the first) in this way; 0: never.
    void arm(int at, Mode mode)
    {
        m_requests = 0;
        m_dead = false;
        m_mode = mode;
        m_at = at;
    }
    // Alive again, and nothing armed.
    void revive()
    {
        m_at = 0;
        m_dead = false;
        m_requests = 0;
    }
    int requests() const { return m_requests; }
    bool died() const { return m_dead; }

private:
    static bool startsRequest(const QByteArray &d)
    {
        for (const char *m : {"GET /", "POST /", "PUT /", "DELETE /", "HEAD /"})
            if (d.startsWith(m))
                return true;
        return false;
    }
    void accept()
    {
        while (QLocalSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            if (m_dead) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *daemon = new QLocalSocket(this);
            daemon->connectToServer(m_daemonPath);
            if (!daemon->waitForConnected(5000)) {
                client->abort();
                client->deleteLater();
                daemon->deleteLater();
                continue;
            }
            auto dropAnswer = std::make_shared<bool>(false);
            auto cut = [client, daemon] {
                client->abort();
                daemon->abort();
                client->deleteLater();
                daemon->deleteLater();
            };
            QObject::connect(client, &QLocalSocket::readyRead, this, [this, client, daemon, dropAnswer, cut] {
                const QByteArray d = client->readAll();
                if (m_dead)
                    return cut();
                if (startsRequest(d)) {
                    const int n = ++m_requests;
                    if (n == m_at) {
                        if (m_mode == Mode::Before) {
                            m_dead = true;
                            return cut();
                        }
                        *dropAnswer = true; // sent on; its answer never comes back
                    }
                }
                daemon->write(d);
            });
            QObject::connect(daemon, &QLocalSocket::readyRead, this, [this, client, daemon, dropAnswer, cut] {
                const QByteArray d = daemon->readAll();
                if (*dropAnswer) {
                    m_dead = true;
                    return cut();
                }
                if (m_dead)
                    return cut();
                client->write(d);
            });
            QObject::connect(client, &QLocalSocket::disconnected, daemon, [daemon] { daemon->disconnectFromServer(); });
            QObject::connect(daemon, &QLocalSocket::disconnected, client, [client] { client->disconnectFromServer(); });
        }
    }

    QThread m_thread;
    QLocalServer m_server;
    QString m_daemonPath;
    std::atomic<int> m_requests{0};
    std::atomic<int> m_at{0};
    std::atomic<bool> m_dead{false};
    std::atomic<Mode> m_mode{Mode::Before};
};

} // namespace TestSupport
