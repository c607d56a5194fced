#include "terminal.h"

#include <windows.h>

#include <io.h>

namespace Wharf::App {

bool stdinIsTerminal()
{
    return _isatty(_fileno(stdin)) != 0;
}

bool stdoutIsTerminal()
{
    return _isatty(_fileno(stdout)) != 0;
}

bool terminalSize(int *rows, int *cols)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    if (!GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info))
        return false;
    *rows = info.srWindow.Bottom - info.srWindow.Top + 1;
    *cols = info.srWindow.Right - info.srWindow.Left + 1;
    return true;
}

struct RawModeGuard::State
{
    DWORD mode;
};

RawModeGuard::RawModeGuard()
{
    HANDLE h = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (!GetConsoleMode(h, &mode))
        return;
    m_state = new State{mode};
    SetConsoleMode(h, ENABLE_VIRTUAL_TERMINAL_INPUT);
}

RawModeGuard::~RawModeGuard()
{
    if (m_state) {
        SetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), m_state->mode);
        delete m_state;
    }
}

void StdinReader::run()
{
    char buf[4096];
    HANDLE h = GetStdHandle(STD_INPUT_HANDLE);
    for (;;) {
        DWORD n = 0;
        if (!ReadFile(h, buf, sizeof buf, &n, nullptr) || n == 0)
            break;
        Q_EMIT data(QByteArray(buf, qsizetype(n)));
    }
    Q_EMIT eof();
}

} // namespace Wharf::App
