#include "testsupport.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The Chinese translation is complete for every string in the sources, and the compiled
// catalogue is what the console loads.
class TestTranslations : public QObject
{
    Q_OBJECT

    struct Entry
    {
        QString context, source, translation;
        bool unfinished = false;
    };
    static QList<Entry> read(const QString &path)
    {
        QList<Entry> out;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        QXmlStreamReader x(&f);
        QString context;
        Entry e;
        while (!x.atEnd()) {
            x.readNext();
            if (!x.isStartElement())
                continue;
            if (x.name() == QLatin1String("name"))
                context = x.readElementText();
            else if (x.name() == QLatin1String("message"))
                e = Entry{context, {}, {}, false};
            else if (x.name() == QLatin1String("source"))
                e.source = x.readElementText();
            else if (x.name() == QLatin1String("translation")) {
                e.unfinished = x.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                e.translation = x.readElementText(QXmlStreamReader::IncludeChildElements);
                out << e;
            }
        }
        return out;
    }

private Q_SLOTS:
    void everyStringIsTranslated()
    {
        const auto entries = read(TestSupport::sourceDir() + QStringLiteral("/translations/wharf_zh_CN.ts"));
        QVERIFY(entries.size() > 300);
        for (const auto &e : entries) {
            QVERIFY2(!e.unfinished && !e.translation.trimmed().isEmpty(), qPrintable(e.context + QStringLiteral(": ") + e.source));
            // Placeholders survive translation.
            static const QRegularExpression arg(QStringLiteral("%(\\d|n)"));
            QSet<QString> a, b;
            for (auto it = arg.globalMatch(e.source); it.hasNext();)
                a << it.next().captured();
            for (auto it = arg.globalMatch(e.translation); it.hasNext();)
                b << it.next().captured();
            QVERIFY2(a == b, qPrintable(e.source + QStringLiteral(" -> ") + e.translation));
        }
    }
    void catalogueIsInSyncWithTheSources()
    {
        // lupdate over the sources into a scratch file: nothing it finds may be missing from ours.
        const QString lupdate = qEnvironmentVariable("WHARF_LUPDATE");
        QVERIFY2(!lupdate.isEmpty(), "WHARF_LUPDATE is not set");
        QTemporaryDir dir;
        const QString scratch = dir.filePath(QStringLiteral("scan_zh_CN.ts"));
        QStringList args;
        for (const auto &d : {QStringLiteral("backends"), QStringLiteral("models"), QStringLiteral("ui"), QStringLiteral("app")})
            args << TestSupport::sourceDir() + QLatin1Char('/') + d;
        args << QStringLiteral("-extensions") << QStringLiteral("cpp,h") << QStringLiteral("-locations") << QStringLiteral("none")
             << QStringLiteral("-silent") << QStringLiteral("-ts") << scratch;
        QProcess p;
        p.start(lupdate, args);
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QSet<QString> ours;
        for (const auto &e : read(TestSupport::sourceDir() + QStringLiteral("/translations/wharf_zh_CN.ts")))
            ours << e.context + QLatin1Char('\x1f') + e.source;
        const auto found = read(scratch);
        QVERIFY(found.size() > 300);
        QStringList missing;
        for (const auto &e : found)
            if (!ours.contains(e.context + QLatin1Char('\x1f') + e.source))
                missing << e.context + QStringLiteral(": ") + e.source;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("run the wharf_lupdate target and translate: ") + missing.join(QStringLiteral("; "))));
    }
    void compiledCatalogueTranslates()
    {
        QTranslator t;
        QVERIFY(t.load(TestSupport::binaryDir() + QStringLiteral("/app/wharf_zh_CN.qm")));
        QCOMPARE(t.translate("Wharf::Ui::MainWindow", "Containers"), QStringLiteral("容器"));
        QCOMPARE(t.translate("Wharf::Ui::ContainersPage", "Remove %n container(s): %1?", nullptr, 3), QStringLiteral("删除 %n 个容器：%1？"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
