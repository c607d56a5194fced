#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace Wharf::Backends {

// Where the metadata database is: sqlite:///path/file.db or postgresql://user@host:port/db
// (?sslmode=…&sslrootcert=… and other libpq options are passed through). Never a password.
struct StoreUrl
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::StoreUrl)
public:
    enum Engine { Sqlite, Postgres };
    Engine engine = Sqlite;
    QString path; // SQLite
    QString user, host, database;
    int port = 5432;
    QMap<QString, QString> options;

    static Expected<StoreUrl> parse(const QString &text);
    // The embedded default: WHARF_DATA_DIR, else WHARF_CONFIG_DIR, else the user's data folder.
    static StoreUrl defaultUrl();
    QString toString() const;
    // Where its password lives in the keychain (PostgreSQL only).
    QString secretKey() const;
};

// The metadata database through Qt SQL. Each thread that uses it gets its own connection
// (Qt SQL connections belong to the thread that opened them). Statements are written once
// in a portable subset; the few differences between the engines are spelled by dialect().
class Store
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::Store)
public:
    // Opens (and for SQLite creates) the database and checks it answers. Does not migrate.
    static Expected<std::shared_ptr<Store>> open(const StoreUrl &url, const QString &password = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    const StoreUrl &url() const { return m_url; }
    bool isPostgres() const { return m_url.engine == StoreUrl::Postgres; }
    // This thread's connection (opened on first use).
    Expected<QSqlDatabase> db();

    // Schema versions: what the database has, and what this program knows.
    Expected<int> schemaVersion();
    static int latestVersion();
    // Applies the missing migrations, each in its own transaction, recorded in wharf_schema.
    // Refuses a database newer than this program. upTo limits the target (tests, fixtures).
    Error migrate(int upTo = -1);
    // Like migrate(), but on a database that is already current does nothing and on one that
    // is newer fails with a sentence. The usual entry point.
    Error ensureSchema() { return migrate(); }

    // Runs fn in a transaction that takes the write lock up front (SQLite: BEGIN IMMEDIATE;
    // PostgreSQL: READ COMMITTED with row locks, retried on serialization failures and
    // deadlocks). fn returns an error to roll back.
    Error transaction(const std::function<Error()> &fn);

    // One statement with positional (?) parameters; errors become sentences.
    Expected<QSqlQuery> exec(const QString &sql, const QVariantList &params = {});
    // A statement without parameters, sent as it is (DDL with quoted literals).
    Error execDirect(const QString &sql);
    // The first column of the first row, or def when there is no row.
    Expected<QVariant> scalar(const QString &sql, const QVariantList &params = {}, const QVariant &def = {});

    // Whether this connection may write (false on a read-only database or role).
    bool isReadOnly();
    // The role this connection logs in as (PostgreSQL), or the OS user (SQLite).
    QString currentUser();

    // For tests: extra migrations appended after the built-in ones.
    struct Migration
    {
        int version;
        QString description;
        QStringList sqlite;
        QStringList postgres;
    };
    static void setExtraMigrationsForTesting(const QList<Migration> &extra);

    Error sqlError(const QSqlError &e, const QString &what) const;

private:
    explicit Store(const StoreUrl &url, const QString &password);
    Error applyMigration(const Migration &m);

    StoreUrl m_url;
    QString m_password;
    QString m_prefix; // connection names
    QStringList m_connections;
};

// The built-in migrations (migrations.cpp).
QList<Store::Migration> storeMigrations();

} // namespace Wharf::Backends
