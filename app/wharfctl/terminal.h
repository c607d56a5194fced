#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <optional>

namespace Wharf::App {

// The controlling terminal (platform files terminal_posix.cpp / terminal_win.cpp).
bool stdinIsTerminal();
bool stdoutIsTerminal();
bool terminalSize(int *rows, int *cols);
// Asks on the controlling terminal without echo (a passphrase, a password); nullopt when
// there is no terminal to ask on. Blocks while the person types, as ssh's own prompts do.
std::optional<QString> readSecret(const QString &prompt);
// Raw mode for `exec -it`; restored by the returned guard's destructor.
class RawModeGuard
{
public:
    RawModeGuard();
    ~RawModeGuard();
    RawModeGuard(const RawModeGuard &) = delete;
    RawModeGuard &operator=(const RawModeGuard &) = delete;

private:
    struct State;
    State *m_state = nullptr;
};

// Reads standard input on a worker thread (a blocking read must never sit on the event
// loop's thread) and hands the bytes over through a queued signal.
class StdinReader : public QThread
{
    Q_OBJECT
public:
    using QThread::QThread;

Q_SIGNALS:
    void data(const QByteArray &bytes);
    void eof();

protected:
    void run() override;
};

} // namespace Wharf::App
