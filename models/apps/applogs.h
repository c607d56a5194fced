#pragma once

#include "appplan.h"
#include "docker/dockerclient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Wharf::Models::Apps {

// One line of an app's logs, labelled by its service and replica ("web-1").
struct AppLogLine
{
    QString source;
    qint64 timeNs = 0; // from the daemon's timestamp; 0 when it had none
    QString timestamp; // as the daemon wrote it
    QString text; // without the newline
    bool stderrLine = false;
};

// The logs of every container of an app, merged as `docker compose logs` does: the last lines
// of each container first, in the order they were written, then new lines as they come
// (following). Containers with a terminal (tty) send raw bytes and are read as such.
class AppLogs : public QObject
{
    Q_OBJECT
public:
    explicit AppLogs(Backends::DockerClient *client, QObject *parent = nullptr);
    ~AppLogs() override;

    void start(const QList<ObservedContainer> &containers, const QString &tail = QStringLiteral("200"), bool follow = true);
    void stop();
    bool isRunning() const { return !m_jobs.isEmpty(); }

    // "2026-11-28T19:05:33.123456789Z" as nanoseconds since the epoch (0 when unreadable).
    static qint64 parseTimestamp(QStringView text);

Q_SIGNALS:
    // The tails, merged by time, come in one batch; then lines in the order they arrive.
    void lines(const QList<Wharf::Models::Apps::AppLogLine> &lines);
    // Every stream ended (not following, or the containers went); error when one failed.
    void finished(const QString &error);

private:
    struct Stream;
    void take(Stream *s, int kind, const QByteArray &payload);
    void flush();

    QPointer<Backends::DockerClient> m_client;
    QList<QPointer<Backends::DockerJob>> m_jobs;
    QList<Stream *> m_streams;
    QList<AppLogLine> m_pending;
    bool m_tailsOut = false; // the first batch was sent
    QTimer m_settle; // the tails are in when the streams are quiet for a moment
    QTimer m_batch; // new lines go out a few times a second, not one by one
    QString m_error;
    int m_open = 0;
};

} // namespace Wharf::Models::Apps
