#pragma once

#include "testsupport.h"
#include "store/store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

// Fresh databases for the store tests: a SQLite file in a temporary folder, or a new database
// in the fixture's PostgreSQL (made by its superuser).
namespace TestSupport {

inline QString newPostgresDatabase()
{
    const auto env = postgresEnv();
    const QString name = QStringLiteral("wharf_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString conn = QStringLiteral("admin-") + name;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), conn);
        d.setHostName(QStringLiteral("127.0.0.1"));
        d.setPort(env.value(QStringLiteral("WHARF_TEST_PG_PORT")).toInt());
        d.setUserName(env.value(QStringLiteral("WHARF_TEST_PG_USER")));
        d.setPassword(env.value(QStringLiteral("WHARF_TEST_PG_PASSWORD")));
        d.setDatabaseName(QStringLiteral("postgres"));
        if (!d.open())
            qWarning() << "cannot reach the test PostgreSQL:" << d.lastError().text();
        QSqlQuery q(d);
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + name))
            qWarning() << q.lastError().text();
    }
    QSqlDatabase::removeDatabase(conn);
    return name;
}

inline QString postgresUrl(const QString &database, const QString &user = {})
{
    const auto env = postgresEnv();
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
        .arg(user.isEmpty() ? env.value(QStringLiteral("WHARF_TEST_PG_USER")) : user, env.value(QStringLiteral("WHARF_TEST_PG_PORT")), database);
}

inline QString postgresPassword()
{
    return postgresEnv().value(QStringLiteral("WHARF_TEST_PG_PASSWORD"));
}

// A database URL of the engine ("sqlite" or "postgres"), new and empty.
inline QString freshDatabaseUrl(const QString &engine, QTemporaryDir &dir)
{
    if (engine == QLatin1String("postgres"))
        return postgresUrl(newPostgresDatabase());
    return QStringLiteral("sqlite://") + dir.filePath(QUuid::createUuid().toString(QUuid::Id128).left(8) + QStringLiteral(".db"));
}

} // namespace TestSupport
