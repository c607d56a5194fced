#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QFileInfo>

using TestSupport::wharfctl;

class TestWharfctl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void version()
    {
        auto r = wharfctl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("version")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(o.value(QLatin1String("negotiated_api_version")).toString().startsWith(QLatin1String("1.")));
        QVERIFY(!o.value(QLatin1String("server")).toObject().value(QLatin1String("version")).toString().isEmpty());
    }
    void runForegroundExitCodeAndOutput()
    {
        auto r = wharfctl({QStringLiteral("run"), QStringLiteral("--rm"), TestSupport::testImage(), QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("echo out; echo err >&2; exit 3")});
        QCOMPARE(r.code, 3);
        QCOMPARE(r.out, QStringLiteral("out\n"));
        QCOMPARE(r.err, QStringLiteral("err\n"));
    }
    void detachedPsExecLogsStats()
    {
        auto run = wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("ctl-web"), QStringLiteral("-e"),
                             QStringLiteral("GREETING=hi"), QStringLiteral("-m"), QStringLiteral("64m"), QStringLiteral("--cpus"), QStringLiteral("0.5"),
                             QStringLiteral("-p"), QStringLiteral("127.0.0.1::80"), TestSupport::testImage(), QStringLiteral("httpd"), QStringLiteral("-f"),
                             QStringLiteral("-p"), QStringLiteral("80"), QStringLiteral("-h"), QStringLiteral("/www")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out.trimmed().size(), 64);
        auto ps = wharfctl({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(ps.code, 0);
        bool found = false;
        for (const auto &v : QJsonDocument::fromJson(ps.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            for (const char *k : {"id", "name", "image", "state", "status", "ports"})
                QVERIFY2(o.contains(QLatin1String(k)), k);
            if (o.value(QLatin1String("name")).toString() == QLatin1String("ctl-web")) {
                found = true;
                QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("running"));
                QVERIFY(o.value(QLatin1String("ports")).toString().contains(QLatin1String("->80/tcp")));
            }
        }
        QVERIFY(found);
        auto ex = wharfctl({QStringLiteral("exec"), QStringLiteral("ctl-web"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo $GREETING; exit 5")});
        QCOMPARE(ex.code, 5);
        QCOMPARE(ex.out, QStringLiteral("hi\n"));
        auto in = wharfctl({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("ctl-web"), QStringLiteral("cat")}, TestSupport::dockerHost(), "piped\n");
        QCOMPARE(in.code, 0);
        QCOMPARE(in.out, QStringLiteral("piped\n"));
        auto st = wharfctl({QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("ctl-web")});
        QCOMPARE(st.code, 0);
        const QJsonObject s = QJsonDocument::fromJson(st.out.toUtf8()).array().first().toObject();
        for (const char *k : {"id", "name", "cpu_percent", "memory_bytes", "memory_limit_bytes", "net_rx_bytes", "net_tx_bytes"})
            QVERIFY2(s.contains(QLatin1String(k)), k);
        QCOMPARE(s.value(QLatin1String("memory_limit_bytes")).toDouble(), 64.0 * 1024 * 1024);
        QCOMPARE(wharfctl({QStringLiteral("top"), QStringLiteral("ctl-web")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("update"), QStringLiteral("--memory"), QStringLiteral("128m"), QStringLiteral("ctl-web")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("pause"), QStringLiteral("ctl-web")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("unpause"), QStringLiteral("ctl-web")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("rename"), QStringLiteral("ctl-web"), QStringLiteral("ctl-web2")}).code, 0);
        // removing a running container without force fails, with the daemon's reason
        auto rm = wharfctl({QStringLiteral("rm"), QStringLiteral("ctl-web2")});
        QCOMPARE(rm.code, 1);
        QVERIFY2(rm.err.contains(QLatin1String("running")), qPrintable(rm.err));
        QCOMPARE(wharfctl({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("ctl-web2")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("rm"), QStringLiteral("ctl-web2")}).code, 0);
    }
    void copyInAndOut()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("note.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("copied 文件\n");
        f.close();
        QCOMPARE(wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("ctl-cp"), TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("cp"), f.fileName(), QStringLiteral("ctl-cp:/tmp/")}).code, 0);
        auto cat = wharfctl({QStringLiteral("exec"), QStringLiteral("ctl-cp"), QStringLiteral("cat"), QStringLiteral("/tmp/note.txt")});
        QCOMPARE(cat.out, QStringLiteral("copied 文件\n"));
        QCOMPARE(wharfctl({QStringLiteral("cp"), QStringLiteral("ctl-cp:/tmp/note.txt"), dir.filePath(QStringLiteral("back.txt"))}).code, 0);
        QFile back(dir.filePath(QStringLiteral("back.txt")));
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), QByteArray("copied 文件\n"));

        // A folder with a hard link and a FIFO: the link arrives as a file, the FIFO is skipped
        // with a warning.
        QCOMPARE(wharfctl({QStringLiteral("exec"), QStringLiteral("ctl-cp"), QStringLiteral("sh"), QStringLiteral("-c"),
                           QStringLiteral("mkdir /tmp/tree && echo linked > /tmp/tree/a && ln /tmp/tree/a /tmp/tree/b && mkfifo /tmp/tree/pipe")})
                     .code,
                 0);
        auto tree = wharfctl({QStringLiteral("cp"), QStringLiteral("ctl-cp:/tmp/tree"), dir.filePath(QStringLiteral("tree"))});
        QCOMPARE(tree.code, 0);
        QVERIFY2(tree.err.contains(QLatin1String("1 special file")), qPrintable(tree.err));
        QFile linked(dir.filePath(QStringLiteral("tree/b")));
        QVERIFY(linked.open(QIODevice::ReadOnly));
        QCOMPARE(linked.readAll(), QByteArray("linked\n"));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("tree/pipe"))));
        QCOMPARE(wharfctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("ctl-cp")}).code, 0);
    }
    void volumesAndNetworks()
    {
        QCOMPARE(wharfctl({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("ctl-vol")}).out.trimmed(), QStringLiteral("ctl-vol"));
        QVERIFY(wharfctl({QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")}).out.contains(QLatin1String("ctl-vol")));
        QCOMPARE(wharfctl({QStringLiteral("volume"), QStringLiteral("inspect"), QStringLiteral("ctl-vol")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("ctl-vol")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("volume"), QStringLiteral("prune"), QStringLiteral("-o")}).code, 2);
        QCOMPARE(wharfctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("ctl-net")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("ctl-n"), TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("ctl-net"), QStringLiteral("ctl-n")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("network"), QStringLiteral("disconnect"), QStringLiteral("ctl-net"), QStringLiteral("ctl-n")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("ctl-n")}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("ctl-net")}).code, 0);
    }
    void eventsSinceUntil()
    {
        const qint64 t0 = QDateTime::currentSecsSinceEpoch() - 1;
        QCOMPARE(wharfctl({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ctl-ev"), TestSupport::testImage()}).code, 0);
        QCOMPARE(wharfctl({QStringLiteral("rm"), QStringLiteral("ctl-ev")}).code, 0);
        auto ev = wharfctl({QStringLiteral("events"), QStringLiteral("--since"), QString::number(t0), QStringLiteral("--until"),
                            QString::number(QDateTime::currentSecsSinceEpoch() + 1), QStringLiteral("--filter"), QStringLiteral("container=ctl-ev")});
        QCOMPARE(ev.code, 0);
        QVERIFY2(ev.out.contains(QLatin1String("container create")) && ev.out.contains(QLatin1String("container destroy")), qPrintable(ev.out));
    }
    void badInputIsAClearError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("memory") << QStringList{QStringLiteral("run"), QStringLiteral("--memory"), QStringLiteral("12q"), QStringLiteral("img")} << 2 << QStringLiteral("12q");
        QTest::newRow("port") << QStringList{QStringLiteral("run"), QStringLiteral("-p"), QStringLiteral("99999:80"), QStringLiteral("img")} << 2 << QStringLiteral("99999");
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("ps"), QStringLiteral("--bogus")} << 2 << QStringLiteral("--bogus");
        QTest::newRow("unknown container") << QStringList{QStringLiteral("logs"), QStringLiteral("no-such-container")} << 1 << QStringLiteral("No such container");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("frobnicate");
        QTest::newRow("reserved label") << QStringList{QStringLiteral("run"), QStringLiteral("-l"), QStringLiteral("io.wharf.tenant=x"), QStringLiteral("img")} << 2 << QStringLiteral("reserved");
    }
    void badInputIsAClearError()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto r = wharfctl(args);
        QCOMPARE(r.code, code);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty() && lines.first().startsWith(QLatin1String("Error: ")) && lines.first().contains(message), qPrintable(r.err));
        // a failure is one sentence; a usage error of a known command is followed by its usage
        if (code == 1 || args.first() == QLatin1String("frobnicate")) {
            QCOMPARE(lines.size(), 1);
        } else {
            QCOMPARE(lines.size(), 3);
            QCOMPARE(lines.at(1), QStringLiteral("Usage: wharfctl %1 ").arg(args.first()) + lines.at(1).section(QLatin1Char(' '), 3));
            QCOMPARE(lines.at(2), QStringLiteral("See 'wharfctl %1 --help'.").arg(args.first()));
        }
    }
    void tlsVerify()
    {
        const auto env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"));
        const QString host = env.value(QStringLiteral("WHARF_TEST_TLS_HOST"));
        const QString dir = env.value(QStringLiteral("WHARF_TEST_CERT_PATH"));
        QVERIFY(!host.isEmpty());
        auto tls = [&](const QString &ca) {
            return QStringList{QStringLiteral("--tlsverify"), QStringLiteral("--tlscacert"), dir + QLatin1Char('/') + ca, QStringLiteral("--tlscert"),
                               dir + QStringLiteral("/cert.pem"), QStringLiteral("--tlskey"), dir + QStringLiteral("/key.pem")};
        };
        auto ok = wharfctl(tls(QStringLiteral("ca.pem")) << QStringLiteral("version"), host);
        QCOMPARE(ok.code, 0);
        QVERIFY2(ok.out.contains(host), qPrintable(ok.out));
        auto wrong = wharfctl(tls(QStringLiteral("other-ca.pem")) << QStringLiteral("ps"), host);
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.err.contains(QLatin1String("certificate")) && wrong.err.count(QLatin1Char('\n')) == 1, qPrintable(wrong.err));
    }
    void unreachableSocketNamesThePath()
    {
        auto r = wharfctl({QStringLiteral("ps")}, QStringLiteral("unix:///nonexistent/docker.sock"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("unix:///nonexistent/docker.sock")), qPrintable(r.err));
        auto plain = wharfctl({QStringLiteral("ps")}, QStringLiteral("tcp://127.0.0.1:1"));
        QCOMPARE(plain.code, 1);
        QVERIFY2(plain.err.contains(QLatin1String("unencrypted")), qPrintable(plain.err));
    }
};

QTEST_GUILESS_MAIN(TestWharfctl)
#include "tst_wharfctl.moc"
