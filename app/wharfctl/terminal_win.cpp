#include "terminal.h"

#include <windows.h>

#include <io.h>

namespace Wharf::App {

std::optional<QString> readSecret(const QString &prompt)
{
    HANDLE in = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
    HANDLE out = CreateFileW(L"CONOUT$", GENERIC_WRITE, FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
    if (in == INVALID_HANDLE_VALUE || out == INVALID_HANDLE_VALUE)
        return std::nullopt;
    DWORD written = 0;
    WriteConsoleW(out, reinterpret_cast<const wchar_t *>(prompt.utf16()), DWORD(prompt.size()), &written, nullptr);
    DWORD mode = 0;
    GetConsoleMode(in, &mode);
    SetConsoleMode(in, (mode & ~ENABLE_ECHO_INPUT) | ENABLE_LINE_INPUT);
    wchar_t buf[1024];
    DWORD got = 0;
    const BOOL ok = ReadConsoleW(in, buf, 1023, &got, nullptr);
    SetConsoleMode(in, mode);
    WriteConsoleW(out, L"\r\n", 2, &written, nullptr);
    CloseHandle(in);
    CloseHandle(out);
    if (!ok)
        return std::nullopt;
    QString s = QString::fromWCharArray(buf, int(got));
    while (s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1Char('\r')))
        s.chop(1);
    return s;
}

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
