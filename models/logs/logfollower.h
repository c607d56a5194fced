#pragma once

#include "docker/dockerclient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Wharf::Models {

class HostConnection;
class LogModel;

// Streams a container's logs into a LogModel and keeps following across faults: when the
// stream breaks (the daemon died, the connection dropped) it waits for the host to be back and
// asks again from the last line's time; when the container stops it waits for it to run again.
// Lines are never shown twice (LogModel::beginResume) and none are lost.
class LogFollower : public QObject
{
    Q_OBJECT
public:
    LogFollower(HostConnection *host, const QString &containerId, LogModel *model, QObject *parent = nullptr);
    ~LogFollower() override;

    // Starts afresh: clears the model and reads the last `tail` lines, then follows if asked.
    void start(bool follow, int tail = 10000);
    void stop();
    bool isStreaming() const { return m_job; }
    bool isFollowing() const { return m_follow; }
    int resumeCount() const { return m_resumes; }
    QString status() const { return m_status; }

Q_SIGNALS:
    // A sentence for the status line; empty while the stream is fine.
    void statusChanged(const QString &text);

private:
    void open(bool resume);
    void request(const Backends::LogOptions &o);
    void onFinished();
    void maybeResume();
    void setStatus(const QString &text);
    bool containerRunning() const;

    HostConnection *m_host;
    QString m_id;
    LogModel *m_model;
    QPointer<Backends::DockerJob> m_job;
    QTimer m_retry;
    bool m_follow = false;
    bool m_waiting = false; // the stream ended and should resume
    bool m_tty = false;
    bool m_ttyKnown = false;
    int m_tail = 10000;
    int m_resumes = 0;
    QString m_status;
};

} // namespace Wharf::Models
