#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTest>

// Shared helpers: the private test daemon started by the CTest fixture (tests/fixtures/dockerd.sh).
namespace TestSupport {

inline QString sourceDir()
{
    return qEnvironmentVariable("WHARF_SOURCE_DIR");
}

inline QString binaryDir()
{
    return qEnvironmentVariable("WHARF_BINARY_DIR");
}

inline QMap<QString, QString> readEnvFile(const QString &path)
{
    QMap<QString, QString> m;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        for (const auto &line : f.readAll().split('\n')) {
            const int eq = line.indexOf('=');
            if (eq > 0)
                m.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
    return m;
}

// The shared daemon of the "dockerd" fixture.
inline QString dockerHost()
{
    return readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"))
        .value(QStringLiteral("WHARF_TEST_DOCKER_HOST"));
}

inline QString testImage()
{
    return QStringLiteral("wharf-test/busybox:latest");
}

// Runs the fixture script (start, stop, kill, revive) for a daemon of the test's own.
inline bool fixture(const QString &command, const QString &stateDir)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral("bash"), {sourceDir() + QStringLiteral("/tests/fixtures/dockerd.sh"), command, stateDir});
    return p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A daemon of a test's own (killed and revived by it). CTest starts and stops it as a fixture
// (tests/CMakeLists.txt, wharf_private_dockerd), so even a test that crashes leaves nothing
// running; run by hand, the test starts it and stops it itself.
class OwnDaemon
{
public:
    explicit OwnDaemon(const QString &name)
        : m_dir(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd-") + name)
    {
    }
    bool start()
    {
        m_managedOutside = QFile::exists(m_dir + QStringLiteral("/env"));
        return fixture(QStringLiteral("start"), m_dir);
    }
    void stopIfOurs()
    {
        if (!m_managedOutside)
            fixture(QStringLiteral("stop"), m_dir);
    }
    QString dir() const { return m_dir; }
    QMap<QString, QString> env() const { return readEnvFile(m_dir + QStringLiteral("/env")); }
    QString host() const { return env().value(QStringLiteral("WHARF_TEST_DOCKER_HOST")); }

private:
    QString m_dir;
    bool m_managedOutside = false;
};

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

inline Run wharfctl(const QStringList &args, const QString &host = dockerHost(), const QByteArray &stdinData = {})
{
    QProcess p;
    QStringList all;
    if (!host.isEmpty())
        all << QStringLiteral("-H") << host;
    all << args;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.remove(QStringLiteral("DOCKER_HOST"));
    p.setProcessEnvironment(env);
    p.start(binaryDir() + QStringLiteral("/app/wharfctl"), all);
    p.waitForStarted();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace TestSupport

// The private PostgreSQL of the "postgres" fixture (tests/fixtures/postgres.sh).
namespace TestSupport {
inline QMap<QString, QString> postgresEnv()
{
    return readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/postgres/env"));
}
} // namespace TestSupport

// Checks a wharfctl run's exit code; runs its command once, so a failure shows that run's output.
#define CHECK_RUN(R, CODE)                                                                                                      \
    do {                                                                                                                        \
        const TestSupport::Run checked_ = (R);                                                                                 \
        QVERIFY2(checked_.code == (CODE),                                                                                       \
                 qPrintable(QStringLiteral("exit %1\nout: %2\nerr: %3").arg(checked_.code).arg(checked_.out, checked_.err))); \
    } while (false)
