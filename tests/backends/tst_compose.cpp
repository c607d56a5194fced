// The compose loader: the spec as people write it, errors with line:column, and the
// third-party conformance corpus (../shared/corpus/compose-go beside the project).
#include "compose/interpolation.h"
#include "compose/loader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTest>

using namespace Wharf::Backends::Compose;

using Files = QMap<QString, QString>;
using Env = QHash<QString, QString>;
Q_DECLARE_METATYPE(Files)

class TestCompose : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_case = 0;

    // Writes the files into a folder of their own and loads the first (compose.yaml).
    LoadResult loadFiles(const Files &files, const Env &env = {}, const std::function<void(LoadOptions &)> &tweak = {})
    {
        const QString dir = m_dir.filePath(QString::number(++m_case));
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = dir + QLatin1Char('/') + it.key();
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            f.write(it.value().toUtf8());
        }
        LoadOptions o;
        o.files << dir + QStringLiteral("/compose.yaml");
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            o.environment.insert(it.key(), it.value());
        if (tweak)
            tweak(o);
        return load(o);
    }

    static QString all(const LoadResult &r)
    {
        QStringList l;
        for (const auto &d : r.diagnostics)
            l << d.toString();
        return l.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void interpolation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << "a-$A-b" << "a-alpha-b" << "";
        QTest::newRow("braced") << "${A}x" << "alphax" << "";
        QTest::newRow("dollar") << "$$A costs $${A}" << "$A costs ${A}" << "";
        QTest::newRow("default unset") << "${NOPE:-dflt}" << "dflt" << "";
        QTest::newRow("default empty") << "${EMPTY:-dflt}" << "dflt" << "";
        QTest::newRow("dash keeps empty") << "[${EMPTY-dflt}]" << "[]" << "";
        QTest::newRow("dash unset") << "${NOPE-dflt}" << "dflt" << "";
        QTest::newRow("nested default") << "${NOPE:-${A}-${NOPE2:-z}}" << "alpha-z" << "";
        QTest::newRow("plus") << "${A:+yes}${NOPE:+no}" << "yes" << "";
        QTest::newRow("required ok") << "${A:?need A}" << "alpha" << "";
        QTest::newRow("required") << "${NOPE:?set NOPE to the database password}" << "" << "required variable NOPE is missing a value: set NOPE to the database password";
        QTest::newRow("required empty") << "${EMPTY:?}" << "" << "required variable EMPTY is missing a value";
        QTest::newRow("required set empty ok") << "[${EMPTY?x}]" << "[]" << "";
        QTest::newRow("unclosed") << "${A" << "" << "is not closed";
        QTest::newRow("lone dollar") << "cost: 5$" << "" << "a lone $";
        QTest::newRow("bad name") << "${-x}" << "" << "does not start with a variable name";
        QTest::newRow("bad op") << "${A/x/y}" << "" << "use :- - :? ? :+ or +";
    }
    void interpolation()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        const Lookup lookup = [](const QString &n) -> std::optional<QString> {
            if (n == QLatin1String("A"))
                return QStringLiteral("alpha");
            if (n == QLatin1String("EMPTY"))
                return QString();
            return std::nullopt;
        };
        const Interpolated r = interpolate(text, lookup);
        if (error.isEmpty()) {
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            QCOMPARE(r.value, expected);
        } else {
            QVERIFY2(r.error.contains(error), qPrintable(r.error));
        }
    }

    void dotEnv()
    {
        const QByteArray text = "# comment\n"
                                "export A=1\n"
                                "B = two words # a comment\n"
                                "C='single ${A} $literal'\n"
                                "D=\"double ${A}\\nline\"\n"
                                "E=${A}-${FROM_ENV}\n"
                                "FROM_ENV\n"
                                "MISSING\n"
                                "F=\"multi\nline\"\n"
                                "G=a#not-a-comment\n";
        const DotEnv env = parseDotEnv(text, [](const QString &n) -> std::optional<QString> {
            if (n == QLatin1String("FROM_ENV"))
                return QStringLiteral("env");
            return std::nullopt;
        });
        QVERIFY2(env.error.isEmpty(), qPrintable(env.error));
        QHash<QString, QString> m;
        for (const auto &[k, v] : env.values)
            m.insert(k, v);
        QCOMPARE(m.value(QStringLiteral("A")), QStringLiteral("1"));
        QCOMPARE(m.value(QStringLiteral("B")), QStringLiteral("two words"));
        QCOMPARE(m.value(QStringLiteral("C")), QStringLiteral("single ${A} $literal"));
        QCOMPARE(m.value(QStringLiteral("D")), QStringLiteral("double 1\nline"));
        QCOMPARE(m.value(QStringLiteral("E")), QStringLiteral("1-env"));
        QCOMPARE(m.value(QStringLiteral("FROM_ENV")), QStringLiteral("env"));
        QVERIFY(!m.contains(QStringLiteral("MISSING")));
        QCOMPARE(m.value(QStringLiteral("F")), QStringLiteral("multi\nline"));
        QCOMPARE(m.value(QStringLiteral("G")), QStringLiteral("a#not-a-comment"));
        const DotEnv bad = parseDotEnv("OK=1\nnot a line\n", {});
        QCOMPARE(bad.errorLine, 2);
    }

    void units()
    {
        QCOMPARE(parseBytes(QStringLiteral("512m")), std::optional<qint64>(512LL << 20));
        QCOMPARE(parseBytes(QStringLiteral("1.5g")), std::optional<qint64>(3LL << 29));
        QCOMPARE(parseBytes(QStringLiteral("1024")), std::optional<qint64>(1024));
        QCOMPARE(parseBytes(QStringLiteral("64MB")), std::optional<qint64>(64LL << 20));
        QCOMPARE(parseBytes(QStringLiteral("2GiB")), std::optional<qint64>(2LL << 30));
        QVERIFY(!parseBytes(QStringLiteral("12q")));
        QCOMPARE(parseDuration(QStringLiteral("1m30s")), std::optional<qint64>(90'000'000'000LL));
        QCOMPARE(parseDuration(QStringLiteral("500ms")), std::optional<qint64>(500'000'000LL));
        QCOMPARE(parseDuration(QStringLiteral("1.5h")), std::optional<qint64>(5400'000'000'000LL));
        QCOMPARE(parseDuration(QStringLiteral("10")), std::optional<qint64>(10'000'000'000LL));
        QVERIFY(!parseDuration(QStringLiteral("10 s")));
        QVERIFY(!parseDuration(QStringLiteral("soon")));
        // past what nanoseconds hold (found by fuzz_small_parsers): refused, not wrapped
        QVERIFY(!parseDuration(QStringLiteral("9200000001")));
        QVERIFY(!parseDuration(QStringLiteral("99999999999999999999999999h")));
        QVERIFY(!parseDuration(QStringLiteral("2000000h2000000h2000000h")));
        QCOMPARE(parseDuration(QStringLiteral("9200000000")), std::optional<qint64>(9'200'000'000'000'000'000LL));
        QCOMPARE(parseNanoCpus(QStringLiteral("0.5")), std::optional<qint64>(500'000'000));
        QVERIFY(!parseNanoCpus(QStringLiteral("1e300")));
        QCOMPARE(splitCommand(QStringLiteral("sh -c 'echo \"hi there\"' x\\ y")),
                 std::optional<QStringList>({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"hi there\""), QStringLiteral("x y")}));
        QVERIFY(!splitCommand(QStringLiteral("echo 'open")));
        QCOMPARE(normalizeProjectName(QStringLiteral("UNNORMALIZED PATH")), QStringLiteral("unnormalizedpath"));
        QCOMPARE(normalizeProjectName(QStringLiteral("_My.App-2")), QStringLiteral("myapp-2"));
    }

    // Files that load, with what the model must then say.
    void threeTierApp()
    {
        const LoadResult r = loadFiles(
            {{QStringLiteral("compose.yaml"), QStringLiteral("version: '3.8'\n"
                                                             "name: shop\n"
                                                             "x-common: &common\n"
                                                             "  restart: unless-stopped\n"
                                                             "  labels:\n"
                                                             "    tier: app\n"
                                                             "services:\n"
                                                             "  web:\n"
                                                             "    <<: *common\n"
                                                             "    image: busybox:${TAG:-latest}\n"
                                                             "    command: httpd -f -p 8080\n"
                                                             "    ports: ['127.0.0.1:${WEB_PORT}:8080', {target: 9000, published: '9001', protocol: udp}, '7000-7001:8000-8001']\n"
                                                             "    depends_on:\n"
                                                             "      db: {condition: service_healthy}\n"
                                                             "      worker:\n"
                                                             "        condition: service_started\n"
                                                             "    environment: [MODE=prod, FROM_ENV]\n"
                                                             "    env_file: web.env\n"
                                                             "    networks: {front: {aliases: [www]}, back: }\n"
                                                             "    deploy: {replicas: 2, resources: {limits: {cpus: '0.5', memory: 64m}}}\n"
                                                             "    x-note: kept\n"
                                                             "  worker:\n"
                                                             "    <<: *common\n"
                                                             "    restart: always\n"
                                                             "    image: busybox\n"
                                                             "    entrypoint: [sh, -c]\n"
                                                             "    command: ['while true; do sleep 1; done']\n"
                                                             "    networks: [back]\n"
                                                             "    volumes: ['./src:/src:ro', 'cache:/cache']\n"
                                                             "  db:\n"
                                                             "    image: busybox\n"
                                                             "    healthcheck:\n"
                                                             "      test: test -f /tmp/ready\n"
                                                             "      interval: 1s\n"
                                                             "      retries: 30\n"
                                                             "    volumes:\n"
                                                             "      - type: volume\n"
                                                             "        source: data\n"
                                                             "        target: /var/lib/db\n"
                                                             "    networks: [back]\n"
                                                             "    stop_grace_period: 1m30s\n"
                                                             "    mem_limit: 1g\n"
                                                             "    ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}\n"
                                                             "volumes:\n"
                                                             "  data: {}\n"
                                                             "  cache:\n"
                                                             "    external: true\n"
                                                             "networks:\n"
                                                             "  front:\n"
                                                             "  back: {internal: true}\n")},
             {QStringLiteral("web.env"), QStringLiteral("MODE=dev\nFILE_ONLY=1\n")},
             {QStringLiteral(".env"), QStringLiteral("WEB_PORT=8080\nTAG=from-dotenv\n")}},
            {{QStringLiteral("TAG"), QStringLiteral("1.36")}, {QStringLiteral("FROM_ENV"), QStringLiteral("yes")}});
        QVERIFY2(r.ok(), qPrintable(all(r)));
        const Project &p = *r.project;
        QCOMPARE(p.name, QStringLiteral("shop"));
        QCOMPARE(p.serviceNames(), (QStringList{QStringLiteral("web"), QStringLiteral("worker"), QStringLiteral("db")}));
        // the version notice names its line
        QVERIFY2(all(r).contains(QLatin1String("compose.yaml:1:1: notice: the \"version\" key is obsolete")), qPrintable(all(r)));
        const ServiceConfig *web = p.service(QStringLiteral("web"));
        QCOMPARE(web->image, QStringLiteral("busybox:1.36")); // the process environment wins over .env
        QCOMPARE(web->restart, QStringLiteral("unless-stopped")); // from the merge key
        QCOMPARE(web->labels.value(QStringLiteral("tier")), QStringLiteral("app"));
        QCOMPARE(*web->command, (QStringList{QStringLiteral("httpd"), QStringLiteral("-f"), QStringLiteral("-p"), QStringLiteral("8080")}));
        QCOMPARE(web->ports.size(), 4);
        QCOMPARE(web->ports[0].hostIp, QStringLiteral("127.0.0.1"));
        QCOMPARE(web->ports[0].published, QStringLiteral("8080"));
        QCOMPARE(web->ports[0].target, 8080);
        QCOMPARE(web->ports[1].protocol, QStringLiteral("udp"));
        QCOMPARE(web->ports[1].published, QStringLiteral("9001"));
        QCOMPARE(web->ports[3].published, QStringLiteral("7001"));
        QCOMPARE(web->ports[3].target, 8001);
        QCOMPARE(web->dependsOn.size(), 2);
        QCOMPARE(web->dependsOn[0].service, QStringLiteral("db"));
        QCOMPARE(web->dependsOn[0].condition, QStringLiteral("service_healthy"));
        QCOMPARE(web->environment.value(QStringLiteral("MODE")), QStringLiteral("prod")); // environment: wins over env_file
        QCOMPARE(web->environment.value(QStringLiteral("FILE_ONLY")), QStringLiteral("1"));
        QCOMPARE(web->environment.value(QStringLiteral("FROM_ENV")), QStringLiteral("yes"));
        QCOMPARE(web->networks.size(), 2);
        QCOMPARE(web->networks[0].aliases, QStringList{QStringLiteral("www")});
        QCOMPARE(web->replicas, 2);
        QCOMPARE(web->nanoCpus, 500'000'000);
        QCOMPARE(web->memory, 64LL << 20);
        const ServiceConfig *worker = p.service(QStringLiteral("worker"));
        QCOMPARE(worker->restart, QStringLiteral("always")); // own keys win over the merge key
        QCOMPARE(*worker->entrypoint, (QStringList{QStringLiteral("sh"), QStringLiteral("-c")}));
        QCOMPARE(worker->volumes.size(), 2);
        QCOMPARE(worker->volumes[0].type, QStringLiteral("bind"));
        QVERIFY(QDir::isAbsolutePath(worker->volumes[0].source));
        QVERIFY(worker->volumes[0].source.endsWith(QLatin1String("/src")));
        QVERIFY(worker->volumes[0].readOnly);
        QCOMPARE(worker->volumes[1].type, QStringLiteral("volume"));
        const ServiceConfig *db = p.service(QStringLiteral("db"));
        QCOMPARE(db->healthcheck->test, (QStringList{QStringLiteral("CMD-SHELL"), QStringLiteral("test -f /tmp/ready")}));
        QCOMPARE(db->healthcheck->intervalNs, 1'000'000'000LL);
        QCOMPARE(db->healthcheck->retries, 30);
        QCOMPARE(*db->stopGracePeriodNs, 90'000'000'000LL);
        QCOMPARE(db->memory, 1LL << 30);
        QCOMPARE(db->ulimits.value(QStringLiteral("nofile")).hard, 2048);
        QCOMPARE(db->ulimits.value(QStringLiteral("nproc")).soft, 512);
        QCOMPARE(p.volume(QStringLiteral("data"))->name, QStringLiteral("shop_data"));
        QCOMPARE(p.volume(QStringLiteral("cache"))->name, QStringLiteral("cache"));
        QVERIFY(p.volume(QStringLiteral("cache"))->external);
        QVERIFY(p.network(QStringLiteral("back"))->internal);
        QCOMPARE(p.network(QStringLiteral("front"))->name, QStringLiteral("shop_front"));
        QVERIFY(!p.network(QStringLiteral("default"))); // everyone names networks

        // the normalised model keeps what it does not model and loads again to the same model
        const QByteArray yaml = emitYaml(p.model);
        QVERIFY2(yaml.contains("x-note: kept"), yaml.constData());
        QVERIFY2(yaml.contains("x-common:"), yaml.constData());
        const LoadResult again = loadFiles({{QStringLiteral("compose.yaml"), QString::fromUtf8(yaml)}});
        QVERIFY2(again.ok(), qPrintable(all(again)));
        QCOMPARE(emitYaml(again.project->model), yaml);
    }

    void extendsAndOverrides()
    {
        const LoadResult r = loadFiles({{QStringLiteral("compose.yaml"), QStringLiteral("services:\n"
                                                                                        "  base:\n"
                                                                                        "    image: busybox\n"
                                                                                        "    command: sleep 1\n"
                                                                                        "    ports: ['80']\n"
                                                                                        "    environment: {A: '1', B: '2'}\n"
                                                                                        "  child:\n"
                                                                                        "    extends: base\n"
                                                                                        "    command: !reset\n"
                                                                                        "    ports: !override ['81']\n"
                                                                                        "    environment: [B=3]\n"
                                                                                        "  remote:\n"
                                                                                        "    extends: {file: lib/common.yaml, service: tool}\n"
                                                                                        "    environment: {C: '3'}\n")},
                                        {QStringLiteral("lib/common.yaml"), QStringLiteral("services:\n"
                                                                                           "  tool:\n"
                                                                                           "    extends: {service: root}\n"
                                                                                           "    env_file: tool.env\n"
                                                                                           "    volumes: ['./data:/data']\n"
                                                                                           "  root:\n"
                                                                                           "    image: busybox:tool\n")},
                                        {QStringLiteral("lib/tool.env"), QStringLiteral("FROM_LIB=1\n")}});
        QVERIFY2(r.ok(), qPrintable(all(r)));
        const ServiceConfig *child = r.project->service(QStringLiteral("child"));
        QCOMPARE(child->image, QStringLiteral("busybox"));
        QVERIFY(!child->command); // reset
        QCOMPARE(child->ports.size(), 1);
        QCOMPARE(child->ports[0].target, 81); // overridden, not added
        QCOMPARE(child->environment.value(QStringLiteral("A")), QStringLiteral("1"));
        QCOMPARE(child->environment.value(QStringLiteral("B")), QStringLiteral("3"));
        const ServiceConfig *remote = r.project->service(QStringLiteral("remote"));
        QCOMPARE(remote->image, QStringLiteral("busybox:tool"));
        // relative paths point from the file that wrote them
        QCOMPARE(remote->environment.value(QStringLiteral("FROM_LIB")), QStringLiteral("1"));
        QVERIFY2(remote->volumes.value(0).source.endsWith(QLatin1String("/lib/data")), qPrintable(remote->volumes.value(0).source));
        QCOMPARE(remote->environment.value(QStringLiteral("C")), QStringLiteral("3"));
    }

    void includes()
    {
        const LoadResult r = loadFiles({{QStringLiteral("compose.yaml"), QStringLiteral("include:\n"
                                                                                        "  - db/compose.yaml\n"
                                                                                        "services:\n"
                                                                                        "  app:\n"
                                                                                        "    image: busybox\n"
                                                                                        "    depends_on: [db]\n")},
                                        {QStringLiteral("db/compose.yaml"), QStringLiteral("services:\n"
                                                                                           "  db:\n"
                                                                                           "    image: busybox:${DB_TAG}\n"
                                                                                           "    volumes: [dbdata:/var/lib/db]\n"
                                                                                           "volumes:\n"
                                                                                           "  dbdata:\n")},
                                        {QStringLiteral("db/.env"), QStringLiteral("DB_TAG=from-db-folder\n")}});
        QVERIFY2(r.ok(), qPrintable(all(r)));
        QCOMPARE(r.project->serviceNames(), (QStringList{QStringLiteral("app"), QStringLiteral("db")}));
        QCOMPARE(r.project->service(QStringLiteral("db"))->image, QStringLiteral("busybox:from-db-folder"));
        QVERIFY(r.project->volume(QStringLiteral("dbdata")));
    }

    void profiles()
    {
        const Files files{{QStringLiteral("compose.yaml"), QStringLiteral("services:\n"
                                                                          "  app: {image: busybox}\n"
                                                                          "  debug: {image: busybox, profiles: [debug]}\n"
                                                                          "  tools: {image: busybox, profiles: [tools], depends_on: {debug: {condition: service_started, required: false}}}\n")}};
        LoadResult r = loadFiles(files);
        QVERIFY2(r.ok(), qPrintable(all(r)));
        QCOMPARE(r.project->serviceNames(), QStringList{QStringLiteral("app")});
        QCOMPARE(r.project->disabledServices, (QStringList{QStringLiteral("debug"), QStringLiteral("tools")}));
        r = loadFiles(files, {}, [](LoadOptions &o) { o.profiles = {QStringLiteral("tools")}; });
        QVERIFY2(r.ok(), qPrintable(all(r))); // an optional dependency on a disabled service is dropped
        QCOMPARE(r.project->serviceNames(), (QStringList{QStringLiteral("app"), QStringLiteral("tools")}));
        QVERIFY(r.project->service(QStringLiteral("tools"))->dependsOn.isEmpty());
        r = loadFiles(files, {{QStringLiteral("COMPOSE_PROFILES"), QStringLiteral("debug,tools")}});
        QCOMPARE(r.project->serviceNames().size(), 3);
    }

    void unknownKeysAreWarningsAndKept()
    {
        const LoadResult r = loadFiles({{QStringLiteral("compose.yaml"), QStringLiteral("services:\n"
                                                                                        "  app:\n"
                                                                                        "    image: busybox\n"
                                                                                        "    colour: blue\n"
                                                                                        "flavour: mint\n")}});
        QVERIFY2(r.ok(), qPrintable(all(r)));
        QVERIFY2(all(r).contains(QLatin1String("compose.yaml:4:5: warning: service \"app\": unknown key \"colour\"")), qPrintable(all(r)));
        QVERIFY2(all(r).contains(QLatin1String("compose.yaml:5:1: warning: unknown top-level key \"flavour\"")), qPrintable(all(r)));
        QVERIFY(emitYaml(r.project->model).contains("colour: blue"));
    }

    // Comments and blank lines go back where they were: a file written back unchanged is the
    // same text, and after edits the comments of what stayed are still by their keys.
    void commentsKept()
    {
        const QByteArray text = "# The shop, in three tiers.\n"
                                "name: shop\n"
                                "\n"
                                "services:\n"
                                "  # the front door\n"
                                "  web:\n"
                                "    image: nginx:1.25  # pinned: 1.26 breaks the proxy\n"
                                "    ports:\n"
                                "      - '8080:80' # public\n"
                                "      - \"8443:443\"\n"
                                "    command: |\n"
                                "      # not a comment: part of the script\n"
                                "      run --fast\n"
                                "    environment:\n"
                                "      GREETING: 'hello # world'\n"
                                "\n"
                                "  db:\n"
                                "    # data lives in a volume\n"
                                "    image: postgres:16\n"
                                "    volumes: [data:/var/lib/postgresql/data]  # flow style\n"
                                "\n"
                                "volumes:\n"
                                "  data: {}\n"
                                "# end of file\n";
        const YamlParse p = parseYaml(text, QStringLiteral("compose.yaml"));
        QVERIFY(p.ok);
        const QList<YamlComment> comments = collectComments(text, p.root);
        const QByteArray again = emitYaml(p.root, comments);
        // everything is where it was (yaml-cpp writes the flow sequence as a block one)
        for (const char *line : {"# The shop, in three tiers.\nname: shop\n\nservices:\n  # the front door\n  web:\n",
                                 "    image: nginx:1.25  # pinned: 1.26 breaks the proxy\n", "      - \"8080:80\"  # public\n",
                                 "      # not a comment: part of the script\n      run --fast\n    environment:\n", "\n  db:\n    # data lives in a volume\n    image: postgres:16\n",
                                 "    volumes:  # flow style\n", "\nvolumes:\n  data: {}\n# end of file\n"}) {
            QVERIFY2(again.contains(line), qPrintable(QString::fromUtf8(again)));
        }
        QCOMPARE(again.count("#"), text.count("#")); // none lost, none doubled
        QVERIFY2(again.contains("GREETING: hello # world") || again.contains("GREETING: \"hello # world\""), qPrintable(QString::fromUtf8(again)));
        // the result reads back as the same tree, and its comments come back the same
        const YamlParse reread = parseYaml(again, QStringLiteral("compose.yaml"));
        QVERIFY(reread.ok);
        QCOMPARE(emitYaml(reread.root), emitYaml(p.root));
        QCOMPARE(emitYaml(reread.root, collectComments(again, reread.root)), again);
        // a removed key takes its comments along; the others stay
        YamlNode edited = p.root;
        edited.get(u"services")->remove(u"web");
        const QByteArray less = emitYaml(edited, comments);
        QVERIFY2(!less.contains("front door") && !less.contains("pinned"), qPrintable(QString::fromUtf8(less)));
        QVERIFY2(less.contains("  # data lives in a volume\n    image: postgres:16\n"), qPrintable(QString::fromUtf8(less)));
    }

    // Anchors and aliases are written back as anchors and aliases (the editor saves what the
    // person wrote); an alias whose copy was edited, or whose anchor was, is written in full.
    void anchorsWrittenBack()
    {
        const QByteArray text = "x-common: &common\n"
                                "  restart: always\n"
                                "  environment:\n"
                                "    TZ: UTC\n"
                                "services:\n"
                                "  web:\n"
                                "    <<: *common\n"
                                "    image: nginx\n"
                                "  api:\n"
                                "    <<: *common\n"
                                "    image: api\n"
                                "    labels: &labels\n"
                                "      team: shop\n"
                                "  db:\n"
                                "    image: postgres\n"
                                "    labels: *labels\n";
        const YamlParse p = parseYaml(text, QStringLiteral("compose.yaml"));
        QVERIFY(p.ok);
        const QByteArray again = emitYaml(p.root);
        QVERIFY2(again.contains("x-common: &common\n"), again.constData());
        QCOMPARE(again.count("<<: *common"), 2);
        QVERIFY2(again.contains("labels: &labels\n"), again.constData());
        QVERIFY2(again.contains("labels: *labels"), again.constData());
        QCOMPARE(again.count("restart: always"), 1);
        // it reads back as the same values, and loads as the same app
        const YamlParse reread = parseYaml(again, QStringLiteral("compose.yaml"));
        QVERIFY(reread.ok);
        QVERIFY(sameContent(reread.root, p.root));
        const LoadResult before = loadFiles({{QStringLiteral("compose.yaml"), QString::fromUtf8(text)}});
        const LoadResult after = loadFiles({{QStringLiteral("compose.yaml"), QString::fromUtf8(again)}});
        QVERIFY(before.ok() && after.ok());
        QCOMPARE(emitYaml(*after.project->model.get(u"services")), emitYaml(*before.project->model.get(u"services")));
        QCOMPARE(after.project->service(QStringLiteral("web"))->restart, QStringLiteral("always"));

        // db's labels edited: db's are written in full, the anchor stays on api's
        YamlNode edited = p.root;
        edited.get(u"services")->get(u"db")->get(u"labels")->set(QStringLiteral("tier"), YamlNode::makeScalar(QStringLiteral("data")));
        QByteArray out = emitYaml(edited);
        QVERIFY2(!out.contains("*labels") && out.contains("labels: &labels") && out.contains("tier: data"), out.constData());
        // the anchor's own value edited: the aliases keep what they meant, in full
        edited = p.root;
        edited.get(u"x-common")->set(QStringLiteral("restart"), YamlNode::makeScalar(QStringLiteral("no")));
        out = emitYaml(edited);
        QVERIFY2(!out.contains("*common") && out.count("restart: always") == 2 && out.contains("restart: no"), out.constData());
        // the anchor's key removed: its aliases are written in full
        edited = p.root;
        edited.remove(u"x-common");
        out = emitYaml(edited);
        QVERIFY2(!out.contains("*common") && out.count("restart: always") == 2, out.constData());
        QVERIFY(parseYaml(out, QStringLiteral("compose.yaml")).ok);
    }

    // Every bound of the YAML reader, hit: a clear error at once, not memory or time.
    void yamlBounds()
    {
        auto firstError = [](const YamlParse &p) { return p.diagnostics.isEmpty() ? QString() : p.diagnostics.first().message; };
        QElapsedTimer t;
        t.start();
        // "billion laughs": ten aliases of ten aliases, nine deep
        QByteArray laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (int i = 1; i < 10; ++i) {
            laughs += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
            for (int j = 0; j < 10; ++j)
                laughs += (j ? ", *a" : "*a") + QByteArray::number(i - 1);
            laughs += "]\n";
        }
        YamlParse p = parseYaml(laughs, QStringLiteral("laughs.yaml"));
        QVERIFY(!p.ok);
        QVERIFY2(firstError(p).contains(QLatin1String("200000 values")), qPrintable(firstError(p)));
        QVERIFY(p.diagnostics.first().mark.line > 1);
        // nesting
        YamlLimits small;
        small.maxDepth = 8;
        p = parseYaml(QByteArray(9, '[') + QByteArray(9, ']'), QStringLiteral("deep.yaml"), small);
        QVERIFY2(firstError(p).contains(QLatin1String("nested more than 8 deep")), qPrintable(firstError(p)));
        QVERIFY(parseYaml(QByteArray(8, '[') + QByteArray(8, ']'), QStringLiteral("deep.yaml"), small).ok);
        p = parseYaml(QByteArray(100000, '[') + QByteArray(100000, ']'), QStringLiteral("deeper.yaml"));
        QVERIFY(!p.ok);
        // aliases used
        small = {};
        small.maxAliases = 3;
        p = parseYaml("a: &a 1\nb: [*a, *a, *a, *a]\n", QStringLiteral("aliases.yaml"), small);
        QVERIFY2(firstError(p).contains(QLatin1String("more than 3 aliases")), qPrintable(firstError(p)));
        QVERIFY(parseYaml("a: &a 1\nb: [*a, *a, *a]\n", QStringLiteral("aliases.yaml"), small).ok);
        // size
        small = {};
        small.maxBytes = 1024;
        p = parseYaml("a: " + QByteArray(1100, 'x') + "\n", QStringLiteral("big.yaml"), small);
        QVERIFY2(firstError(p).contains(QLatin1String("read up to 1 KiB")), qPrintable(firstError(p)));
        p = parseYaml(QByteArray(5 << 20, ' '), QStringLiteral("huge.yaml"));
        QVERIFY2(firstError(p).contains(QLatin1String("read up to 4096 KiB")), qPrintable(firstError(p)));
        QVERIFY2(t.elapsed() < 5000, "the bounds stop the reader early"); // generous: ASan, a busy machine
    }

    // Files that must not load, and the message (with its place) each one gives.
    void badInput_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const QString &yaml, const QString &expected, Files more = {}) {
            more.insert(QStringLiteral("compose.yaml"), yaml);
            QTest::newRow(name) << more << expected;
        };
        row("syntax", QStringLiteral("services:\n  app:\n    image: [busybox\n"), QStringLiteral("compose.yaml:4:1: error:"));
        row("tab indentation", QStringLiteral("services:\n\tapp: {}\n"), QStringLiteral("compose.yaml:2:"));
        row("duplicate key", QStringLiteral("services:\n  app: {image: a}\n  app: {image: b}\n"), QStringLiteral("compose.yaml:3:3: error: the key \"app\" appears twice"));
        row("not a mapping", QStringLiteral("- a\n- b\n"), QStringLiteral("compose.yaml:1:1: error: a compose file is a mapping"));
        row("unknown dependency", QStringLiteral("services:\n  app:\n    image: a\n    depends_on: [db]\n"),
            QStringLiteral("compose.yaml:4:17: error: service \"app\" depends on \"db\", which is not defined"));
        row("cycle", QStringLiteral("services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n  c: {image: x, depends_on: [a]}\n"),
            QStringLiteral("error: dependency cycle: a -> b -> c -> a"));
        row("self", QStringLiteral("services:\n  a: {image: x, links: [a]}\n"), QStringLiteral("error: dependency cycle: a -> a"));
        // the long syntax of ports is checked by the rule of the short one
        row("port host_ip", QStringLiteral("services:\n  a:\n    image: x\n    ports: [{target: 80, host_ip: not-an-ip}]\n"),
            QStringLiteral("compose.yaml:4:13: error: \"not-an-ip\" is not an IP address."));
        row("port ranges differ", QStringLiteral("services:\n  a:\n    image: x\n    ports: [\"8000-8005:80-81\"]\n"),
            QStringLiteral("error: the host range 8000-8005 and the container range 80-81 differ in size"));
        row("bad port", QStringLiteral("services:\n  app:\n    image: a\n    ports: ['99999:80']\n"),
            QStringLiteral("compose.yaml:4:13: error: \"99999\" is not a host port"));
        row("bad port text", QStringLiteral("services:\n  app:\n    image: a\n    ports: ['a:b:c:d']\n"), QStringLiteral("is not a port mapping"));
        row("bad memory", QStringLiteral("services:\n  app:\n    image: a\n    mem_limit: 12q\n"),
            QStringLiteral("compose.yaml:4:16: error: mem_limit: \"12q\" is not a size"));
        row("bad cpus", QStringLiteral("services:\n  app:\n    image: a\n    deploy: {resources: {limits: {cpus: lots}}}\n"), QStringLiteral("is not a number of CPUs"));
        row("bad duration", QStringLiteral("services:\n  app:\n    image: a\n    healthcheck: {test: [CMD, 'true'], interval: soon}\n"),
            QStringLiteral("healthcheck.interval: \"soon\" is not a duration"));
        row("bad restart", QStringLiteral("services:\n  app: {image: a, restart: sometimes}\n"), QStringLiteral("restart: \"sometimes\" is not a policy"));
        row("bad condition", QStringLiteral("services:\n  app: {image: a, depends_on: {db: {condition: service_ready}}}\n  db: {image: a}\n"),
            QStringLiteral("\"service_ready\" is not a condition"));
        row("undefined volume", QStringLiteral("services:\n  app:\n    image: a\n    volumes: ['data:/data']\n"),
            QStringLiteral("compose.yaml:4:14: error: service \"app\" mounts the volume \"data\", which is not defined"));
        row("undefined network", QStringLiteral("services:\n  app: {image: a, networks: [front]}\n"), QStringLiteral("joins the network \"front\", which is not defined"));
        row("undefined secret", QStringLiteral("services:\n  app: {image: a, secrets: [pw]}\n"), QStringLiteral("uses the secret \"pw\", which is not defined"));
        row("required variable", QStringLiteral("services:\n  app:\n    image: ${IMAGE:?give the image}\n"),
            QStringLiteral("compose.yaml:3:12: error: required variable IMAGE is missing a value: give the image"));
        row("bad interpolation", QStringLiteral("services:\n  app: {image: \"${A\"}\n"), QStringLiteral("is not closed"));
        row("missing env_file", QStringLiteral("services:\n  app: {image: a, env_file: nope.env}\n"), QStringLiteral("the env_file"));
        row("include cycle", QStringLiteral("include: [other.yaml]\nservices:\n  a: {image: x}\n"), QStringLiteral("include cycle: compose.yaml -> other.yaml -> compose.yaml"),
            {{QStringLiteral("other.yaml"), QStringLiteral("include: [compose.yaml]\n")}});
        row("include conflict", QStringLiteral("include: [other.yaml]\nservices:\n  a: {image: x}\n"), QStringLiteral("service \"a\" is defined here and in the included file"),
            {{QStringLiteral("other.yaml"), QStringLiteral("services:\n  a: {image: y}\n")}});
        row("remote include", QStringLiteral("include: ['https://example.com/compose.yaml']\n"), QStringLiteral("remote includes are not supported"));
        row("git include", QStringLiteral("include: ['git@github.com:org/repo.git']\n"), QStringLiteral("remote includes are not supported"));
        row("extends cycle", QStringLiteral("services:\n  a: {extends: b}\n  b: {extends: a}\n"), QStringLiteral("extends cycle:"));
        row("extends unknown", QStringLiteral("services:\n  a: {extends: nope}\n"), QStringLiteral("extends: there is no service \"nope\""));
        row("extends missing file", QStringLiteral("services:\n  a: {extends: {file: gone.yaml, service: x}}\n"), QStringLiteral("gone.yaml does not exist"));
        row("bad merge key", QStringLiteral("services:\n  a:\n    <<: 5\n    image: x\n"), QStringLiteral("a merge key (<<) takes a mapping"));
        row("container_name and replicas", QStringLiteral("services:\n  a: {image: x, container_name: one, deploy: {replicas: 2}}\n"),
            QStringLiteral("a container name must be unique"));
        row("bad service name", QStringLiteral("services:\n  'my app': {image: x}\n"), QStringLiteral("\"my app\" is not a valid service name"));
        row("bad project name", QStringLiteral("name: My App\nservices: {}\n"), QStringLiteral("compose.yaml:1:7: error: \"My App\" is not a valid project name"));
        row("alias to nothing", QStringLiteral("services:\n  a: *nothing\n"), QStringLiteral("compose.yaml:2:"));
        row("services a list", QStringLiteral("services: [a, b]\n"), QStringLiteral("services must be a mapping"));
    }
    void badInput()
    {
        QFETCH(Files, files);
        QFETCH(QString, expected);
        const LoadResult r = loadFiles(files);
        QVERIFY2(!r.ok(), "loaded a file that must not load");
        QVERIFY(!r.errors().isEmpty());
        QVERIFY2(all(r).contains(expected), qPrintable(all(r)));
    }

    // Every file of compose-go's test data loads or fails as its name and folder say.
    void conformance()
    {
        QString root = qEnvironmentVariable("WHARF_COMPOSE_CORPUS");
        if (root.isEmpty())
            root = qEnvironmentVariable("WHARF_SOURCE_DIR") + QStringLiteral("/../shared/corpus/compose-go");
        if (!QFileInfo::exists(root))
            QSKIP("the compose-go corpus is not beside the project");
        // what fails, and the words of its message
        const QHash<QString, QString> failing{
            {QStringLiteral("loader/testdata/compose-depends-on-cycle.yaml"), QStringLiteral("dependency cycle: service1 -> service2 -> service3 -> service1")},
            // its three services have no profiles at all, so they form the same cycle
            {QStringLiteral("loader/testdata/compose-depends-on-profile-no-cycle.yaml"), QStringLiteral("dependency cycle:")},
            {QStringLiteral("loader/testdata/compose-depends-on-self.yaml"), QStringLiteral("dependency cycle: service1 -> service1")},
            {QStringLiteral("loader/testdata/compose-include-cycle.yaml"), QStringLiteral("include cycle:")},
            {QStringLiteral("loader/testdata/remote/cycle/compose.yaml"), QStringLiteral("remote file is not supported")},
            {QStringLiteral("loader/testdata/remote/cycle/compose-cycle.yaml"), QStringLiteral("remote file is not supported")},
            {QStringLiteral("loader/testdata/remote/nested/compose.yaml"), QStringLiteral("remote file is not supported")},
        };
        // a fragment whose relative paths only mean something from the file that includes it
        const QHash<QString, QString> throughIncluder{
            {QStringLiteral("loader/testdata/include/dir/compose.yaml"), QStringLiteral("loader/testdata/include/project-directory.yaml")},
        };
        int loaded = 0;
        int refused = 0;
        QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        QVERIFY(files.size() >= 40);
        for (const QString &path : files) {
            const QString rel = QDir(root).relativeFilePath(path);
            LoadOptions o;
            o.files << (throughIncluder.contains(rel) ? root + QLatin1Char('/') + throughIncluder.value(rel) : path);
            // the schema's file uses variables where values go, and names what it does not define
            if (rel.startsWith(QLatin1String("schema/"))) {
                o.interpolate = false;
                o.consistency = false;
            }
            const LoadResult r = load(o);
            if (failing.contains(rel)) {
                QVERIFY2(!r.ok(), qPrintable(rel + QStringLiteral(" loaded but must not")));
                QVERIFY2(all(r).contains(failing.value(rel)), qPrintable(rel + QStringLiteral(": ") + all(r)));
                for (const auto &d : r.errors())
                    QVERIFY2(d.mark.line > 0, qPrintable(rel + QStringLiteral(": no line in ") + d.toString()));
                ++refused;
            } else {
                QVERIFY2(r.ok(), qPrintable(rel + QStringLiteral(": ") + all(r)));
                ++loaded;
            }
        }
        QCOMPARE(refused, failing.size());
        qInfo("%d corpus files loaded, %d refused as they must be", loaded, refused);
    }

    // Things of the corpus the model must get right, not only load.
    void conformanceDetails()
    {
        const QString root = qEnvironmentVariable("WHARF_SOURCE_DIR") + QStringLiteral("/../shared/corpus/compose-go");
        if (!QFileInfo::exists(root))
            QSKIP("the compose-go corpus is not beside the project");
        LoadOptions o;
        o.files << root + QStringLiteral("/loader/testdata/compose-test-extends.yaml");
        LoadResult r = load(o);
        QVERIFY2(r.ok(), qPrintable(all(r)));
        const ServiceConfig *s = r.project->service(QStringLiteral("importer"));
        QCOMPARE(s->image, QStringLiteral("nginx"));
        QCOMPARE(s->containerName, QStringLiteral("imported")); // ${SOURCE:-imported}, SOURCE unset here
        QCOMPARE(s->environment.value(QStringLiteral("SOURCE")), QStringLiteral("extends")); // subdir/extra.env, relative to subdir
        o.files = {root + QStringLiteral("/loader/testdata/extends/reset.yaml")};
        r = load(o);
        QVERIFY(r.ok());
        QVERIFY(!r.project->service(QStringLiteral("base"))->command);
        QCOMPARE(r.project->service(QStringLiteral("base"))->image, QStringLiteral("alpine:latest"));
        o.files = {root + QStringLiteral("/cli/testdata/UNNORMALIZED PATH/compose.yaml")};
        r = load(o);
        QVERIFY(r.ok());
        QCOMPARE(r.project->name, QStringLiteral("unnormalizedpath"));
        o.files = {root + QStringLiteral("/loader/testdata/include/project-directory.yaml")};
        r = load(o);
        QVERIFY2(r.ok(), qPrintable(all(r)));
        QVERIFY(r.project->service(QStringLiteral("service"))->build->context.endsWith(QLatin1String("/loader/testdata/subdir")));
    }
};

QTEST_GUILESS_MAIN(TestCompose)
#include "tst_compose.moc"
