#pragma once

#include "core/error.h"
#include "docker/endpoint.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QProcess;

namespace Wharf::Backends {

class Transport;

// What one of Wharf's helper scripts said: its "wharf-KEY: value" lines (the last of each
// key), or the sentence of its "wharf-error: …" line, and everything it printed (for a log).
struct HostScriptResult
{
    Error error;
    QMap<QString, QString> values;
    QString output;
    bool ok() const { return !error.isError(); }
    // Reads the helper's output; no "wharf-error:" and no expected key is an error too.
    static HostScriptResult parse(const QByteArray &output, const QString &expectedKey, const QString &where);
};

// Runs one of Wharf's helper scripts as root on a host, over the host's own SSH access (the
// script on the channel's standard input, its arguments on the command line; the helper
// itself goes through sudo -n when the SSH user is not root) or, for a local socket, on this
// machine. Other addresses (tcp://) have no shell to run it in: an error at once. Output is
// kept up to 1 MiB (the end of it); the run is given up after the timeout.
class HostScript : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const HostScriptResult &)>;
    explicit HostScript(const Endpoint &endpoint, QObject *parent = nullptr);
    ~HostScript() override;

    // args: the helper's words (shell-quoted here); expectedKey: the line that says it worked.
    void run(const QByteArray &script, const QStringList &args, const QString &expectedKey, Done done);
    // Ends the run: done gets a Canceled error (the host may have done part of the work).
    void cancel();
    void setTimeout(int ms) { m_timeoutMs = ms; }

    // The command line the host's shell runs: the script to a private temporary file, run
    // with the arguments, standard error folded into standard output.
    static QString commandLine(const QStringList &args);
    static constexpr qsizetype MaxOutput = 1 << 20;

Q_SIGNALS:
    // Each "wharf: …" line as it comes (what the helper is doing).
    void progress(const QString &line);

private:
    void received(const QByteArray &data);
    void finish(const Error &transportError);

    Endpoint m_endpoint;
    QString m_where;
    QString m_expected;
    Done m_done;
    QByteArray m_output;
    QByteArray m_partial;
    QPointer<Transport> m_transport;
    QProcess *m_process = nullptr;
    QTimer m_timer;
    int m_timeoutMs = 300000;
    bool m_finished = false;
};

} // namespace Wharf::Backends
