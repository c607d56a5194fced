#include "http/httpresponseparser.h"

#include <QTest>

using namespace Wharf::Backends;

// Responses as the daemon sends them (recorded from dockerd 20.10), fed split at every byte.
class TestHttpParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replay_data();
    void replay();
    void upgradeKeepsTrailingBytes();
    void eofDelimitedBody();
    void truncatedBodyFails();
    void oversizedHeadersFail();
};

static const QByteArray kJson = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                                "Docker-Experimental: false\r\nOstype: linux\r\nServer: Docker/20.10.24+dfsg1 (linux)\r\n"
                                "Date: Sat, 28 Nov 2026 00:10:00 GMT\r\nContent-Length: 18\r\n\r\n[{\"Id\":\"abc\",\"a\":1}]";
static const QByteArray kChunked = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n"
                                   "1b\r\n{\"status\":\"start\",\"id\":\"x\"}\r\n"
                                   "19\r\n{\"status\":\"die\",\"id\":\"x\"}\r\n0\r\n\r\n";
static const QByteArray kError = "HTTP/1.1 404 Not Found\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                                 "Content-Length: 38\r\n\r\n{\"message\":\"No such container: nope\"}\n";

void TestHttpParser::replay_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("content-length") << kJson << 200 << QByteArray("[{\"Id\":\"abc\",\"a\":1}]").left(18);
    QTest::newRow("chunked") << kChunked << 200
                             << QByteArray("{\"status\":\"start\",\"id\":\"x\"}{\"status\":\"die\",\"id\":\"x\"}");
    QTest::newRow("error") << kError << 404 << QByteArray("{\"message\":\"No such container: nope\"}\n");
}

void TestHttpParser::replay()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    for (qsizetype split = 1; split < bytes.size(); ++split) {
        QByteArray got;
        int gotStatus = 0;
        bool complete = false;
        HttpResponseParser p({[&](int s, const HttpHeaders &) { gotStatus = s; },
                              [&](const char *d, qsizetype n) { got.append(d, n); }, [&] { complete = true; }});
        p.feed(bytes.left(split));
        const auto st = p.feed(bytes.mid(split));
        QCOMPARE(st, HttpResponseParser::State::Complete);
        QVERIFY(complete);
        QCOMPARE(gotStatus, status);
        QCOMPARE(got, body);
        QCOMPARE(p.headers().value("api-version"), QByteArray("1.41"));
    }
}

void TestHttpParser::upgradeKeepsTrailingBytes()
{
    const QByteArray head = "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                            "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
    const QByteArray stream("\x01\0\0\0\0\0\0\x03hi\n", 11);
    const QByteArray all = head + stream;
    for (qsizetype split = 1; split < all.size(); ++split) {
        HttpResponseParser p({});
        QByteArray rest;
        auto st = p.feed(all.left(split));
        if (st == HttpResponseParser::State::Upgraded) {
            rest = p.takeUpgradeRemainder() + all.mid(split);
        } else {
            st = p.feed(all.mid(split));
            rest = p.takeUpgradeRemainder();
        }
        QCOMPARE(st, HttpResponseParser::State::Upgraded);
        QCOMPARE(p.statusCode(), 101);
        QCOMPARE(rest, stream);
    }
}

void TestHttpParser::eofDelimitedBody()
{
    // A hijacked 200 stream without length: the body runs until the connection closes.
    HttpResponseParser p({});
    QCOMPARE(p.feed(QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\nabc")),
             HttpResponseParser::State::Body);
    QCOMPARE(p.finishOnEof(), HttpResponseParser::State::Complete);
}

void TestHttpParser::truncatedBodyFails()
{
    HttpResponseParser p({});
    p.feed(kJson.left(kJson.size() - 5));
    QCOMPARE(p.finishOnEof(), HttpResponseParser::State::Failed);
    QVERIFY(p.errorString().contains(QLatin1String("closed")));
    HttpResponseParser garbage({});
    QCOMPARE(garbage.feed(QByteArray("HTTX/9 nonsense\r\n\r\n")), HttpResponseParser::State::Failed);
    QVERIFY(!garbage.errorString().isEmpty());
}

void TestHttpParser::oversizedHeadersFail()
{
    HttpResponseParser p({});
    QByteArray big = "HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(300 * 1024, 'a') + "\r\n\r\n";
    QCOMPARE(p.feed(big), HttpResponseParser::State::Failed);
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
