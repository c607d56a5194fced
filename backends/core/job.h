#pragma once

#include "error.h"

#include <QObject>
#include <QPointer>

#include <utility>

namespace Wharf::Backends {

// The one style of network work in Wharf: a job started by a client (HttpJob, DockerJob,
// RegistryJob, …). It ends exactly once with finished(); error() then says whether it worked
// (Error::None), failed, timed out (Error::Timeout, each client has its deadline) or was
// aborted (Error::Canceled). abort() ends it early and still emits finished().
// Models consume jobs with whenFinished() and hand their own callers Expected<T> values.
class Job : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    Error error() const { return m_error; }
    bool isError() const { return m_error.isError(); }
    bool isFinished() const { return m_done; }
    virtual void abort() = 0;

Q_SIGNALS:
    // Exactly once, after success, failure, timeout or abort.
    void finished();

protected:
    Error m_error;
    bool m_done = false;
};

// Calls done(job) once the job has finished, unless context is gone by then; the job is
// deleted afterwards. The job's own pointer stays valid while done runs.
template<typename J, typename F>
void whenFinished(J *job, QObject *context, F &&done)
{
    QObject::connect(job, &Job::finished, context, [job, f = std::forward<F>(done)]() mutable {
        job->deleteLater();
        f(job);
    });
    // The asker went away first: nobody waits for the answer any more.
    QObject::connect(context, &QObject::destroyed, job, [job, context] {
        QObject::disconnect(job, nullptr, context, nullptr);
        if (!job->isFinished())
            job->abort();
        job->deleteLater();
    });
}

} // namespace Wharf::Backends
