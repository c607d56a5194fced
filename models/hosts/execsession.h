#pragma once

#include "docker/dockerclient.h"

#include <QObject>
#include <QPointer>

namespace Wharf::Models {

class HostConnection;

// A command run in a container with a terminal (the console's Console tab): created through
// the operations layer (a tenant must own the container; audited as container.exec with the
// command, never with what is typed into it), then attached both ways.
class ExecSession : public QObject
{
    Q_OBJECT
public:
    ExecSession(HostConnection *host, const QString &containerId, QObject *parent = nullptr);
    ~ExecSession() override;

    // Runs command (split into words like a shell would) on a rows × cols terminal; a session
    // still running ends first.
    void start(const QString &command, int rows, int cols);
    void write(const QByteArray &input);
    void resize(int rows, int cols);
    void stop();
    bool isRunning() const { return m_stream && !m_stream->isFinished(); }

Q_SIGNALS:
    void connected();
    void output(const QByteArray &data);
    // The command could not be started (a refusal, a bad command line, the daemon's error).
    void failed(const QString &message);
    // The session is over; reason is empty when the command ended by itself or was stopped.
    void ended(const QString &reason);

private:
    void attach(const QString &execId, int rows, int cols);

    QPointer<HostConnection> m_host;
    QString m_container;
    QString m_execId;
    QPointer<Backends::DockerJob> m_stream;
    quint64 m_generation = 0;
};

} // namespace Wharf::Models
