#include "testsupport.h"

#include "compose/interpolation.h"
#include "compose/loader.h"
#include "compose/yamltree.h"
#include "docker/portmapping.h"

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

    // A message is looked up at run time under the context its code names; lupdate files it
    // under the class (or namespace) it sits in. Every context the code names by hand must be one
    // the catalogue has, or its messages stay English.
    void everyContextNamedInTheCodeIsInTheCatalogue()
    {
        QSet<QString> contexts;
        for (const auto &e : read(TestSupport::sourceDir() + QStringLiteral("/translations/wharf_zh_CN.ts")))
            contexts << e.context;
        static const QRegularExpression named(
            QStringLiteral("(?:QCoreApplication::translate\\(|QT_TRANSLATE_NOOP\\(|QT_TRANSLATE_N_NOOP\\()\\s*\"([^\"]+)\"") + QLatin1Char('|')
            + QStringLiteral("Q_DECLARE_TR_FUNCTIONS\\(\\s*([\\w:]+)\\s*\\)"));
        QStringList missing;
        int seen = 0;
        for (const auto &d : {QStringLiteral("backends"), QStringLiteral("models"), QStringLiteral("ui"), QStringLiteral("app")}) {
            QDirIterator it(TestSupport::sourceDir() + QLatin1Char('/') + d, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                for (auto m = named.globalMatch(text); m.hasNext();) {
                    const auto match = m.next();
                    const QString context = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
                    ++seen;
                    if (!contexts.contains(context))
                        missing << QDir(TestSupport::sourceDir()).relativeFilePath(path) + QStringLiteral(": ") + context;
                }
            }
        }
        QVERIFY(seen > 30);
        missing.removeDuplicates();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
    }

    // The compose loader's, the YAML reader's, interpolation's and the port rule's messages come
    // out in Chinese with the catalogue installed.
    void parserMessagesAreTranslated()
    {
        QTranslator t;
        QVERIFY(t.load(TestSupport::binaryDir() + QStringLiteral("/app/wharf_zh_CN.qm")));
        QCoreApplication::installTranslator(&t);
        const auto chinese = [](const QString &s) {
            return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
        };
        using namespace Wharf::Backends;
        using namespace Wharf::Backends::Compose;

        const auto yaml = parseYaml("a: 1\na: 2\n", QStringLiteral("x.yaml"));
        QVERIFY(!yaml.diagnostics.isEmpty());
        QVERIFY2(chinese(yaml.diagnostics.first().message), qPrintable(yaml.diagnostics.first().message));
        QVERIFY2(chinese(YamlNode::makeMapping().kindName()), qPrintable(YamlNode::makeMapping().kindName()));
        YamlLimits shallow;
        shallow.maxDepth = 2;
        const auto deep = parseYaml("a: {b: {c: 1}}\n", QStringLiteral("x.yaml"), shallow);
        QVERIFY(!deep.diagnostics.isEmpty());
        QVERIFY2(chinese(deep.diagnostics.first().message), qPrintable(deep.diagnostics.first().message));

        const auto interpolated = interpolate(QStringLiteral("${"), [](const QString &) { return std::optional<QString>{}; });
        QVERIFY2(chinese(interpolated.error), qPrintable(interpolated.error));

        const auto port = parsePortMapping(QStringLiteral("80:99999"));
        QVERIFY(!port);
        QVERIFY2(chinese(port.error().message), qPrintable(port.error().message));

        LoadOptions o;
        const QString file = QStringLiteral("/nonexistent-wharf-test/compose.yaml");
        o.files << file;
        o.contents.insert(file, "services:\n  web:\n    image: nginx\n    restart: sometimes\n    ports: [\"99999:80\"]\n");
        const auto loaded = load(o);
        QStringList errors;
        for (const auto &d : loaded.diagnostics)
            if (d.severity == Diagnostic::Error)
                errors << d.message;
        QCOMPARE(errors.size(), 2);
        for (const QString &e : errors)
            QVERIFY2(chinese(e), qPrintable(e));
        QCoreApplication::removeTranslator(&t);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
