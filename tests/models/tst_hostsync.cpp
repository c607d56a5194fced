// HostConnection's bookkeeping between the event stream and the list calls, against a scripted
// engine on a unix socket that holds list answers back until the test releases them: the
// orders of arrival a real daemon produces only now and then are made here every time.
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "inventory/eventlistmodel.h"
#include "tasks/taskmodel.h"
#include "httppeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Wharf::Models;

namespace {

class ScriptedEngine : public QObject
{
public:
    explicit ScriptedEngine(const QString &path)
    {
        m_server.listen(path);
        TestSupport::serveRequests(&m_server, [this](QLocalSocket *s, const QByteArray &target) {
            answer(s, target);
            return true;
        });
    }
    QString url() const { return QStringLiteral("unix://") + m_server.fullServerName(); }

    void pushEvent(const QString &action, const QString &id)
    {
        QVERIFY(m_events);
        ++m_time;
        const QJsonObject e{{QStringLiteral("Type"), QStringLiteral("container")},
                            {QStringLiteral("Action"), action},
                            {QStringLiteral("Actor"), QJsonObject{{QStringLiteral("ID"), id}, {QStringLiteral("Attributes"), QJsonObject{}}}},
                            {QStringLiteral("time"), m_time},
                            {QStringLiteral("timeNano"), m_time * 1000000000LL}};
        const QByteArray line = QJsonDocument(e).toJson(QJsonDocument::Compact) + '\n';
        m_events->write(QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n");
        m_events->flush();
    }
    // Filtered container lists wait here until released.
    int heldLists() const { return int(m_held.size()); }
    void releaseLists(const QJsonArray &containers)
    {
        for (const auto &s : std::as_const(m_held))
            if (s)
                json(s, QJsonDocument(containers).toJson(QJsonDocument::Compact));
        m_held.clear();
    }
    int listsAnswered() const { return m_answered; }

private:
    void json(QLocalSocket *s, const QByteArray &body)
    {
        s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        s->flush();
        ++m_answered;
    }
    void answer(QLocalSocket *s, const QByteArray &target)
    {
        if (target == "/_ping") {
            s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
        } else if (target.contains("/version")) {
            json(s, R"({"Version":"20.10.24","ApiVersion":"1.41"})");
        } else if (target.contains("/events")) {
            s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            s->flush();
            m_events = s;
        } else if (target.contains("/containers/json") && target.contains("filters")) {
            m_held.append(s);
        } else if (target.contains("/containers/json")) {
            json(s, "[]");
        } else if (target.contains("/volumes")) {
            json(s, R"({"Volumes":[]})");
        } else if (target.contains("/networks") || target.contains("/images/json")) {
            json(s, "[]");
        } else {
            s->write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 21\r\n\r\n{\"message\":\"no such\"}");
        }
        s->flush();
    }

    QLocalServer m_server;
    QPointer<QLocalSocket> m_events;
    QList<QPointer<QLocalSocket>> m_held;
    qint64 m_time = 1700000000;
    int m_answered = 0;
};

QJsonObject containerRow(const QString &id, const QString &name, const QString &state, const QString &status)
{
    return {{QStringLiteral("Id"), id},
            {QStringLiteral("Names"), QJsonArray{QString(QStringLiteral("/") + name)}},
            {QStringLiteral("Image"), QStringLiteral("busybox")},
            {QStringLiteral("State"), state},
            {QStringLiteral("Status"), status},
            {QStringLiteral("Created"), 1700000000}};
}

} // namespace

class TestHostSync : public QObject
{
    Q_OBJECT

    static HostConfig scriptedHost(const ScriptedEngine &engine)
    {
        HostConfig cfg;
        cfg.id = QStringLiteral("h1");
        cfg.name = QStringLiteral("scripted");
        cfg.url = engine.url();
        return cfg;
    }
private Q_SLOTS:
    // A list answer taken before a destroy event but delivered after it must not bring the
    // container back (the engine lists a container being removed as "Removal In Progress").
    void destroyWhileListingKeepsTheRowGone_data()
    {
        QTest::addColumn<bool>("destroyFirst");
        QTest::newRow("destroy-before-answer") << true;
        QTest::newRow("answer-only") << false;
    }
    void destroyWhileListingKeepsTheRowGone()
    {
        QFETCH(bool, destroyFirst);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ScriptedEngine engine(dir.filePath(QStringLiteral("engine.sock")));
        TaskModel tasks;
        HostConnection host(scriptedHost(engine), &tasks);
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 10000);
        QCOMPARE(host.containers()->rowCount(), 0);

        const QString id = QStringLiteral("c0ffee");
        engine.pushEvent(QStringLiteral("create"), id);
        QTRY_COMPARE_WITH_TIMEOUT(engine.heldLists(), 1, 10000);
        const int answeredBefore = engine.listsAnswered();
        if (destroyFirst) {
            const int seen = host.events()->rowCount();
            engine.pushEvent(QStringLiteral("destroy"), id);
            QTRY_VERIFY_WITH_TIMEOUT(host.events()->rowCount() > seen, 10000); // the destroy is in
            engine.releaseLists({containerRow(id, QStringLiteral("going"), QStringLiteral("removing"), QStringLiteral("Removal In Progress"))});
        } else {
            engine.releaseLists({containerRow(id, QStringLiteral("going"), QStringLiteral("created"), QStringLiteral("Created"))});
        }
        QCOMPARE(engine.listsAnswered(), answeredBefore + 1);
        if (destroyFirst) {
            // The answer has been taken in (the listing is over), and did not bring it back.
            QTRY_VERIFY_WITH_TIMEOUT(!host.isListing(), 10000);
            QCOMPARE(host.containers()->rowCount(), 0);
            // A later container is still listed normally.
            engine.pushEvent(QStringLiteral("create"), QStringLiteral("beef"));
            QTRY_COMPARE_WITH_TIMEOUT(engine.heldLists(), 1, 10000);
            engine.releaseLists({containerRow(QStringLiteral("beef"), QStringLiteral("next"), QStringLiteral("created"), QStringLiteral("Created"))});
            QTRY_COMPARE_WITH_TIMEOUT(host.containers()->rowCount(), 1, 10000);
            QCOMPARE(host.containers()->idAt(0), QStringLiteral("beef"));
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(host.containers()->rowCount(), 1, 10000);
            QCOMPARE(host.containers()->idAt(0), id);
        }
    }

    // The daemon tells "pause" before its list shows the container paused (it records the
    // state after the event): a listing made at once still says running. The console asks
    // again a moment later and ends with the state the event implied.
    void listThatLagsItsEventIsAskedAgain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ScriptedEngine engine(dir.filePath(QStringLiteral("engine.sock")));
        TaskModel tasks;
        HostConnection host(scriptedHost(engine), &tasks);
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 10000);
        const QString id = QStringLiteral("c0ffee");
        engine.pushEvent(QStringLiteral("start"), id);
        QTRY_COMPARE_WITH_TIMEOUT(engine.heldLists(), 1, 10000);
        engine.releaseLists({containerRow(id, QStringLiteral("web"), QStringLiteral("running"), QStringLiteral("Up 1 second"))});
        QTRY_COMPARE_WITH_TIMEOUT(host.containers()->rowCount(), 1, 10000);

        engine.pushEvent(QStringLiteral("pause"), id);
        QTRY_COMPARE_WITH_TIMEOUT(engine.heldLists(), 1, 10000);
        engine.releaseLists({containerRow(id, QStringLiteral("web"), QStringLiteral("running"), QStringLiteral("Up 2 seconds"))}); // stale
        QTRY_COMPARE_WITH_TIMEOUT(engine.heldLists(), 1, 10000); // asked again
        QCOMPARE(host.containers()->row(id)->state, QStringLiteral("running"));
        engine.releaseLists({containerRow(id, QStringLiteral("web"), QStringLiteral("paused"), QStringLiteral("Up 2 seconds (Paused)"))});
        QTRY_COMPARE_WITH_TIMEOUT(host.containers()->row(id)->state, QStringLiteral("paused"), 10000);
        // and once it shows, it is not asked again
        const int answered = engine.listsAnswered();
        engine.pushEvent(QStringLiteral("create"), QStringLiteral("beef"));
        QTRY_COMPARE_WITH_TIMEOUT(engine.heldLists(), 1, 10000);
        engine.releaseLists({containerRow(QStringLiteral("beef"), QStringLiteral("next"), QStringLiteral("created"), QStringLiteral("Created"))});
        QTRY_COMPARE_WITH_TIMEOUT(host.containers()->rowCount(), 2, 10000);
        QCOMPARE(engine.listsAnswered(), answered + 1);
    }
};

QTEST_GUILESS_MAIN(TestHostSync)
#include "tst_hostsync.moc"
