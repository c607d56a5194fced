// wharfctl's command table as a person meets it: help for every command and sub-command,
// usage errors that show the command's usage, and shell completion generated from the
// same table (bash run for real, zsh checked by zsh itself). No daemon is needed.
#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;

namespace {

Run ctl(const QStringList &args, const QString &language = QStringLiteral("en"))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), language == QLatin1String("en") ? QStringLiteral("C.UTF-8") : language + QStringLiteral(".UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), language == QLatin1String("en") ? QStringLiteral("C.UTF-8") : language + QStringLiteral(".UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), language);
    env.remove(QStringLiteral("DOCKER_HOST"));
    p.setProcessEnvironment(env);
    p.start(TestSupport::binaryDir() + QStringLiteral("/app/wharfctl"), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The commands wharfctl --help lists (two spaces, a name, spaces, its summary).
QStringList listedCommands()
{
    const Run r = ctl({QStringLiteral("--help")});
    QStringList names;
    static const QRegularExpression line(QStringLiteral("^  ([a-z][a-z-]*)  +\\S"));
    for (const QString &l : r.out.split(QLatin1Char('\n'))) {
        const auto m = line.match(l);
        if (m.hasMatch())
            names << m.captured(1);
    }
    return names;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Completions bash offers for the words typed so far (the last one being completed).
    QStringList bashComplete(const QStringList &typed)
    {
        const QString script = m_dir.filePath(QStringLiteral("wharfctl.bash"));
        QString words;
        for (const QString &w : typed)
            words += QLatin1Char('\'') + w + QStringLiteral("' ");
        QProcess p;
        p.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _wharfctl; "
                                                                               "printf '%s\\n' \"${COMPREPLY[@]}\"")
                                                                  .arg(script, words)});
        p.waitForFinished(10000);
        return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void overview()
    {
        const Run r = ctl({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("Usage: wharfctl [OPTIONS] COMMAND")));
        const QStringList names = listedCommands();
        for (const char *c : {"run", "ps", "volume", "network", "pull", "build", "registry", "host", "plan", "tenant", "audit", "app", "completion"})
            QVERIFY2(names.contains(QLatin1String(c)), c);
        // no arguments: the overview on standard output, and a usage error
        const Run none = ctl({});
        QCOMPARE(none.code, 2);
        QCOMPARE(none.out, r.out);
    }

    // Every command, and every sub-command a group names, answers --help and help CMD alike.
    void helpForEveryCommand()
    {
        const QStringList names = listedCommands();
        QVERIFY(names.size() > 50);
        for (const QString &name : names) {
            const Run r = ctl({name, QStringLiteral("--help")});
            QVERIFY2(r.code == 0, qPrintable(name + QStringLiteral(": ") + r.err));
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: wharfctl ") + name), qPrintable(r.out));
            QCOMPARE(ctl({QStringLiteral("help"), name}).out, r.out);
            QCOMPARE(ctl({name, QStringLiteral("-h")}).out, r.out);
            // a group's sub-commands
            const qsizetype at = r.out.indexOf(QLatin1String("\nCommands:\n"));
            if (at < 0)
                continue;
            const QStringList subs = r.out.mid(at + 11).section(QStringLiteral("\n\n"), 0, 0).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QVERIFY(!subs.isEmpty());
            for (const QString &line : subs) {
                const QString sub = line.trimmed().section(QLatin1Char(' '), 0, 0);
                const Run s = ctl({name, sub, QStringLiteral("--help")});
                QVERIFY2(s.code == 0 && s.out.startsWith(QStringLiteral("Usage: wharfctl ")), qPrintable(name + QLatin1Char(' ') + sub + s.err));
                // its own entry, the command it stands for (image pull is pull), or the group's
                QVERIFY2(s.out.startsWith(QStringLiteral("Usage: wharfctl ") + name) || s.out.startsWith(QStringLiteral("Usage: wharfctl ") + sub + QLatin1Char(' '))
                             || (name == QLatin1String("image") && (sub == QLatin1String("ls") || sub == QLatin1String("rm"))),
                         qPrintable(s.out));
            }
        }
        // docker's management commands describe the command they stand for
        QCOMPARE(ctl({QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("--help")}).out, ctl({QStringLiteral("images"), QStringLiteral("--help")}).out);
        QCOMPARE(ctl({QStringLiteral("image"), QStringLiteral("rm"), QStringLiteral("--help")}).out, ctl({QStringLiteral("rmi"), QStringLiteral("--help")}).out);
        QCOMPARE(ctl({QStringLiteral("help"), QStringLiteral("image"), QStringLiteral("pull")}).out, ctl({QStringLiteral("pull"), QStringLiteral("--help")}).out);
        // a sub-command's own flags
        const Run deploy = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("--help")});
        QVERIFY(deploy.out.startsWith(QLatin1String("Usage: wharfctl app deploy")));
        QVERIFY(deploy.out.contains(QLatin1String("--atomic")));
        // the container's own -h is not wharfctl's (flags end at the image)
        const Run run = ctl({QStringLiteral("-H"), QStringLiteral("unix:///nonexistent/docker.sock"), QStringLiteral("run"), QStringLiteral("img"),
                             QStringLiteral("httpd"), QStringLiteral("-h"), QStringLiteral("/www")});
        QVERIFY(!run.out.startsWith(QLatin1String("Usage:")));
        QVERIFY2(run.err.contains(QLatin1String("/nonexistent/docker.sock")), qPrintable(run.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("usage");
        QTest::newRow("stop") << QStringList{QStringLiteral("stop"), QStringLiteral("--bogus"), QStringLiteral("x")} << "unknown flag: --bogus"
                              << "Usage: wharfctl stop [OPTIONS] CONTAINER...";
        QTest::newRow("volume ls") << QStringList{QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("--nope")} << "unknown flag: --nope"
                                   << "Usage: wharfctl volume ";
        QTest::newRow("app deploy") << QStringList{QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("--nope")} << "unknown flag: --nope"
                                    << "Usage: wharfctl app deploy [OPTIONS]";
        QTest::newRow("a value missing") << QStringList{QStringLiteral("logs"), QStringLiteral("--tail")} << "--tail" << "Usage: wharfctl logs ";
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "unknown command \"frobnicate\"" << "wharfctl --help";
        QTest::newRow("no shell") << QStringList{QStringLiteral("completion"), QStringLiteral("fish")} << "bash or zsh" << "Usage: wharfctl completion bash|zsh";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        QFETCH(QString, usage);
        const Run r = ctl(QStringList{QStringLiteral("-H"), QStringLiteral("unix:///nonexistent/docker.sock")} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY2(r.err.contains(usage), qPrintable(r.err));
    }

    void bashCompletion()
    {
        const Run r = ctl({QStringLiteral("completion"), QStringLiteral("bash")});
        QCOMPARE(r.code, 0);
        QFile f(m_dir.filePath(QStringLiteral("wharfctl.bash")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.out.toUtf8());
        f.close();
        QCOMPARE(QProcess::execute(QStringLiteral("bash"), {QStringLiteral("-n"), f.fileName()}), 0);
        const QString ctlName = QStringLiteral("wharfctl");
        QCOMPARE(bashComplete({ctlName, QStringLiteral("vol")}), QStringList{QStringLiteral("volume")});
        QCOMPARE(bashComplete({ctlName, QStringLiteral("volume"), QString()}),
                 (QStringList{QStringLiteral("ls"), QStringLiteral("create"), QStringLiteral("inspect"), QStringLiteral("rm"), QStringLiteral("prune")}));
        QCOMPARE(bashComplete({ctlName, QStringLiteral("run"), QStringLiteral("--priv")}), QStringList{QStringLiteral("--privileged")});
        QCOMPARE(bashComplete({ctlName, QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("--at")}), QStringList{QStringLiteral("--atomic")});
        QCOMPARE(bashComplete({ctlName, QStringLiteral("--ten")}), QStringList{QStringLiteral("--tenant")});
        // a global flag's value is skipped when finding the command
        QCOMPARE(bashComplete({ctlName, QStringLiteral("-H"), QStringLiteral("ssh://h"), QStringLiteral("ps"), QStringLiteral("--no-")}),
                 QStringList{QStringLiteral("--no-trunc")});
        QVERIFY(bashComplete({ctlName, QStringLiteral("stop"), QStringLiteral("--")}).contains(QStringLiteral("--help")));
    }

    void zshCompletion()
    {
        const QString zsh = QStandardPaths::findExecutable(QStringLiteral("zsh"));
        QVERIFY2(!zsh.isEmpty(), "zsh is installed by scripts/install-deps.sh --with-tests");
        const Run r = ctl({QStringLiteral("completion"), QStringLiteral("zsh")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("#compdef wharfctl")));
        QVERIFY(r.out.contains(QLatin1String("'volume:")));
        QFile f(m_dir.filePath(QStringLiteral("_wharfctl")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.out.toUtf8());
        f.close();
        QCOMPARE(QProcess::execute(zsh, {QStringLiteral("-n"), f.fileName()}), 0);
        // the function runs in a zsh with completion loaded: _wharfctl_words knows the table
        QProcess p;
        p.start(zsh, {QStringLiteral("-f"), QStringLiteral("-c"),
                      QStringLiteral("autoload -Uz compinit && compinit -u -D; source '%1'; _wharfctl_words app_deploy && print -r -- $flags").arg(f.fileName())});
        QVERIFY(p.waitForFinished(20000));
        QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains(QLatin1String("--atomic")), qPrintable(QString::fromUtf8(p.readAllStandardError())));
    }

    // Help speaks the person's language.
    void chineseHelp()
    {
        const Run r = ctl({QStringLiteral("stop"), QStringLiteral("--help")}, QStringLiteral("zh_CN"));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("停止")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("-t, --time SECONDS")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
