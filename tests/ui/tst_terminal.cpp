#include "widgets/terminalwidget.h"

#include <QSignalSpy>
#include <QTest>

using namespace Wharf::Ui;

class TestTerminal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rendersUtf8AndEscapes()
    {
        TerminalWidget t;
        t.resize(t.sizeHint());
        t.show();
        t.feed(QStringLiteral("hello \x1b[31mred\x1b[0m\r\n你好，世界\r\n").toUtf8());
        QCOMPARE(t.rowText(0), QStringLiteral("hello red"));
        QCOMPARE(t.rowText(1), QStringLiteral("你好，世界"));
        t.feed("\x1b[2J\x1b[H" "cleared");
        QCOMPARE(t.rowText(0), QStringLiteral("cleared"));
        QCOMPARE(t.rowText(1), QString());
    }
    void keysBecomeBytes()
    {
        TerminalWidget t;
        QSignalSpy spy(&t, &TerminalWidget::input);
        QTest::keyClicks(&t, QStringLiteral("ls"));
        QTest::keyClick(&t, Qt::Key_Return);
        QTest::keyClick(&t, Qt::Key_C, Qt::ControlModifier);
        QByteArray all;
        for (const auto &a : spy)
            all += a.at(0).toByteArray();
        QCOMPARE(all, QByteArray("ls\r\x03"));
    }
    void resizeReportsCells()
    {
        TerminalWidget t;
        QSignalSpy spy(&t, &TerminalWidget::resized);
        t.resize(400, 200);
        t.show();
        QTRY_VERIFY(spy.count() > 0);
        QVERIFY(t.columns() < 80);
    }
};

QTEST_MAIN(TestTerminal)
#include "tst_terminal.moc"
