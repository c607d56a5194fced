#include "http/socketframe.h"

#include <QTest>

using namespace Wharf::Backends;

class TestStreams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demuxSplitAnywhere();
    void oversizedFrame();
    void malformedHeader();
    void jsonLines();
};

static QByteArray frame(int stream, const QByteArray &payload)
{
    QByteArray h(8, '\0');
    h[0] = char(stream);
    const quint32 n = quint32(payload.size());
    h[4] = char(n >> 24);
    h[5] = char(n >> 16);
    h[6] = char(n >> 8);
    h[7] = char(n);
    return h + payload;
}

void TestStreams::demuxSplitAnywhere()
{
    const QByteArray all = frame(1, "hello\n") + frame(2, "oops\n") + frame(1, QByteArray(70000, 'x'));
    for (qsizetype split = 0; split <= all.size(); split += (split < 40 ? 1 : 997)) {
        QByteArray out, err;
        FrameDemuxer d([&](FrameDemuxer::Stream s, const QByteArray &p) { (s == FrameDemuxer::Stderr ? err : out) += p; });
        QVERIFY(d.feed(all.left(split)));
        QVERIFY(d.feed(all.mid(split)));
        QCOMPARE(out, QByteArray("hello\n") + QByteArray(70000, 'x'));
        QCOMPARE(err, QByteArray("oops\n"));
        QVERIFY(!d.hasPartialFrame());
    }
}

void TestStreams::oversizedFrame()
{
    FrameDemuxer d([](FrameDemuxer::Stream, const QByteArray &) { QFAIL("no frame expected"); }, 1024);
    QByteArray h = frame(1, {});
    h[4] = char(0x7f); // ~2 GiB announced
    QVERIFY(!d.feed(h));
    QCOMPARE(d.error().kind, Error::Stream);
    QVERIFY(d.error().message.contains(QLatin1String("exceeds")));
}

void TestStreams::malformedHeader()
{
    FrameDemuxer d([](FrameDemuxer::Stream, const QByteArray &) {});
    QVERIFY(!d.feed(QByteArray("HTTP/1.1 garbage")));
    QVERIFY(d.error().isError());
}

void TestStreams::jsonLines()
{
    JsonLineSplitter s;
    auto a = s.feed("{\"a\":1}\n{\"b\"", 12);
    QCOMPARE(a.size(), 1);
    auto b = s.feed(":2}\n\n", 5);
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.first(), QByteArray("{\"b\":2}"));
    JsonLineSplitter small(8);
    Error e;
    small.feed("0123456789abcdef", 16, &e);
    QVERIFY(e.isError());
}

QTEST_GUILESS_MAIN(TestStreams)
#include "tst_streams.moc"
