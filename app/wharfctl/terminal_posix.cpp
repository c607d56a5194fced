#include "terminal.h"

#include <fcntl.h>
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

std::optional<QString> readSecret(const QString &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const QByteArray p = prompt.toLocal8Bit();
    (void)!::write(fd, p.constData(), size_t(p.size()));
    termios saved{};
    const bool haveTerm = ::tcgetattr(fd, &saved) == 0;
    if (haveTerm) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c = 0;
    bool ok = false;
    while (::read(fd, &c, 1) == 1) {
        if (c == '\n' || c == '\r') {
            ok = true;
            break;
        }
        line += c;
    }
    if (haveTerm)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    if (!ok)
        return std::nullopt;
    QString s = QString::fromLocal8Bit(line);
    line.fill('\0');
    return s;
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
