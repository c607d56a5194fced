#include "terminal.h"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace Wharf::App {

bool stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

bool stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1;
}

bool terminalSize(int *rows, int *cols)
{
    struct winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0)
        return false;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return true;
}

struct RawModeGuard::State
{
    termios saved;
};

RawModeGuard::RawModeGuard()
{
    if (!stdinIsTerminal())
        return;
    m_state = new State;
    if (::tcgetattr(STDIN_FILENO, &m_state->saved) != 0) {
        delete m_state;
        m_state = nullptr;
        return;
    }
    termios raw = m_state->saved;
    ::cfmakeraw(&raw);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
}

RawModeGuard::~RawModeGuard()
{
    if (m_state) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &m_state->saved);
        delete m_state;
    }
}

void StdinReader::run()
{
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0)
            break;
        Q_EMIT data(QByteArray(buf, qsizetype(n)));
    }
    Q_EMIT eof();
}

} // namespace Wharf::App
