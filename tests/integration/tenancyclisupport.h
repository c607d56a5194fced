#pragma once

// What the two halves of the tenancy tests through wharfctl share (tst_tenancycli.cpp: plans,
// tenants, quota under concurrent runs, the gate, apps, limits, the audit vocabulary;
// tst_tenancycli_billing.cpp: metering, bills, volumes, reconciliation, the controller's
// lease, a tenant's database role), each against the private dockerd on SQLite and PostgreSQL.
#include "storesupport.h"
#include "store/meteringstore.h"
#include "store/money.h"
#include "store/tenancystore.h"
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;

class TenancyCliTest : public QObject
{
protected:
    QTemporaryDir m_dir;
    QString m_db;

    static void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    // A new database of the engine for this test function, used by every ctl() after it.
    void useFreshDatabase(const QString &engine)
    {
        m_db = TestSupport::freshDatabaseUrl(engine, m_dir);
        qputenv("WHARF_DB", m_db.toUtf8());
    }

    Run ctl(const QStringList &args, const QByteArray &in = {})
    {
        return TestSupport::wharfctl(args, TestSupport::dockerHost(), in);
    }
    Run tenant(const QString &t, const QStringList &args) { return ctl(QStringList{QStringLiteral("--tenant"), t} + args); }

    // A plan, a tenant on it, and the test daemon in the public domain.
    void setUpTenant(const QString &name, int containers = 5, const QString &cpus = QStringLiteral("2"))
    {
        CHECK_RUN(ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("p-") + name, QStringLiteral("--max-containers"),
                       QString::number(containers), QStringLiteral("--cpus"), cpus, QStringLiteral("--memory"),
                       QStringLiteral("1g"), QStringLiteral("--price-hour"), QStringLiteral("0.10"), QStringLiteral("--cpu-price"),
                       QStringLiteral("0.02"), QStringLiteral("--memory-price"), QStringLiteral("0.005")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("create"), name, QStringLiteral("--plan"), QStringLiteral("p-") + name,
                       QStringLiteral("--email"), name + QStringLiteral("@example.org")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("set"), TestSupport::dockerHost(), QStringLiteral("public")}), 0);
    }

    QJsonObject quota(const QString &t)
    {
        const Run r = ctl({QStringLiteral("quota"), QStringLiteral("show"), t, QStringLiteral("-o"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    int used(const QString &t) { return quota(t).value(QLatin1String("containers")).toObject().value(QLatin1String("used")).toInt(-1); }

    QStringList containersOf(const QString &t)
    {
        const Run r = ctl({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                           QStringLiteral("label=io.wharf.tenant=") + t});
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    void removeAll(const QString &t)
    {
        const QStringList ids = containersOf(t);
        if (!ids.isEmpty())
            CHECK_RUN(ctl(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids), 0);
    }

    void setUpEnvironment()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!TestSupport::dockerHost().isEmpty(), "the dockerd fixture is not running");
        QVERIFY2(!TestSupport::postgresEnv().isEmpty(), "the postgres fixture is not running");
        qputenv("WHARF_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8()); // deploy journals
        qputenv("WHARF_KEYCHAIN", "none");
        qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8()); // libpq's own, for the owner role
    }

    void tearDownEnvironment()
    {
        qunsetenv("WHARF_DB");
        qunsetenv("PGPASSWORD");
    }
};
