#include "store.h"

#include "core/paths.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcStore, "wharf.store", QtWarningMsg)

namespace Wharf::Backends {

namespace {
QList<Store::Migration> &extraMigrations()
{
    static QList<Store::Migration> list;
    return list;
}

QList<Store::Migration> allMigrations()
{
    return storeMigrations() + extraMigrations();
}

QAtomicInt storeCounter;

// The SQLSTATE of the last failed statement on this thread (for retries).
thread_local QString lastSqlState;

// SQLSTATEs worth another try: serialization failure, deadlock.
bool isRetryable(const QString &code)
{
    return code == QLatin1String("40001") || code == QLatin1String("40P01");
}
} // namespace

Expected<StoreUrl> StoreUrl::parse(const QString &text)
{
    StoreUrl u;
    if (text.startsWith(QLatin1String("sqlite://"))) {
        u.engine = Sqlite;
        u.path = text.mid(int(qstrlen("sqlite://")));
        const qsizetype q = u.path.indexOf(QLatin1Char('?'));
        if (q >= 0) {
            const QUrlQuery query(u.path.mid(q + 1));
            u.path = u.path.left(q);
            for (const auto &[k, v] : query.queryItems(QUrl::FullyDecoded)) {
                if (k != QLatin1String("mode") || (v != QLatin1String("ro") && v != QLatin1String("rw")))
                    return Error::make(Error::Input, tr("\"%1\": the only option of a SQLite address is mode=ro or mode=rw.").arg(text));
                u.options.insert(k, v);
            }
        }
        if (u.path.isEmpty() || !QDir::isAbsolutePath(u.path))
            return Error::make(Error::Input, tr("\"%1\" is not a database address: use sqlite:///absolute/path/file.db").arg(text));
        return u;
    }
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return Error::make(Error::Input, tr("\"%1\" is not a database address: use postgresql://user@host:port/database").arg(text));
        if (!url.password().isEmpty())
            return Error::make(Error::Input, tr("Put no password in the database address; Wharf keeps it in the keychain (wharfctl db login)."));
        u.engine = Postgres;
        u.user = url.userName();
        u.host = url.host();
        u.port = url.port(5432);
        u.database = url.path().mid(1);
        const QUrlQuery q(url);
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
            u.options.insert(k, v);
        return u;
    }
    return Error::make(Error::Input, tr("\"%1\" is not a database address: use sqlite:///path/file.db or postgresql://user@host:port/database").arg(text));
}

StoreUrl StoreUrl::defaultUrl()
{
    const QString dir = dataDir();
    StoreUrl u;
    u.engine = Sqlite;
    u.path = QDir(dir).absoluteFilePath(QStringLiteral("wharf.db"));
    return u;
}

QString StoreUrl::toString() const
{
    if (engine == Sqlite)
        return QStringLiteral("sqlite://") + path + (options.value(QStringLiteral("mode")) == QLatin1String("ro") ? QStringLiteral("?mode=ro") : QString());
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery q;
    for (auto it = options.begin(); it != options.end(); ++it)
        q.addQueryItem(it.key(), it.value());
    if (!q.isEmpty())
        url.setQuery(q);
    return url.toString();
}

QString StoreUrl::secretKey() const
{
    return QStringLiteral("db:%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

Store::Store(const StoreUrl &url, const QString &password)
    : m_url(url)
    , m_password(password)
    , m_prefix(QStringLiteral("wharf-store-%1").arg(storeCounter.fetchAndAddRelaxed(1)))
{
}

Store::~Store()
{
    // Connections of other threads are only dropped from the list here (Qt closes them).
    for (const auto &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
}

Expected<std::shared_ptr<Store>> Store::open(const StoreUrl &url, const QString &password)
{
    const QString driver = url.engine == StoreUrl::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error::make(Error::Database,
                           url.engine == StoreUrl::Sqlite ? tr("The SQLite driver of Qt is not installed (libqt6sql6-sqlite).")
                                                          : tr("The PostgreSQL driver of Qt is not installed (libqt6sql6-psql)."));
    if (url.engine == StoreUrl::Sqlite) {
        const QFileInfo fi(url.path);
        if (!QDir().mkpath(fi.absolutePath()))
            return Error::make(Error::Database, tr("Cannot create the folder of the database %1.").arg(url.path));
    }
    std::shared_ptr<Store> s(new Store(url, password));
    auto d = s->db();
    if (!d)
        return d.error();
    return s;
}

Expected<QSqlDatabase> Store::db()
{
    const QString name = m_prefix + QStringLiteral("-%1").arg(quintptr(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase d = QSqlDatabase::database(name, false);
        if (d.isOpen())
            return d;
        if (d.open())
            return d;
        return sqlError(d.lastError(), tr("Cannot open the database %1").arg(m_url.toString()));
    }
    QSqlDatabase d;
    if (m_url.engine == StoreUrl::Sqlite) {
        d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(m_url.path);
        // Writers queue behind each other instead of failing at once.
        d.setConnectOptions(m_url.options.value(QStringLiteral("mode")) == QLatin1String("ro")
                                ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=60000;QSQLITE_OPEN_READONLY")
                                : QStringLiteral("QSQLITE_BUSY_TIMEOUT=60000"));
    } else {
        d = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        d.setHostName(m_url.host);
        d.setPort(m_url.port);
        d.setDatabaseName(m_url.database);
        d.setUserName(m_url.user);
        if (!m_password.isEmpty())
            d.setPassword(m_password);
        QStringList opts{QStringLiteral("connect_timeout=10")};
        for (auto it = m_url.options.begin(); it != m_url.options.end(); ++it)
            opts << it.key() + QLatin1Char('=') + it.value();
        d.setConnectOptions(opts.join(QLatin1Char(';')));
    }
    m_connections << name;
    if (!d.open()) {
        const QSqlError e = d.lastError();
        return sqlError(e, tr("Cannot open the database %1").arg(m_url.toString()));
    }
    QSqlQuery q(d);
    if (m_url.engine == StoreUrl::Sqlite) {
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL")); // fails harmlessly on a read-only file
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    } else {
        q.exec(QStringLiteral("SET client_min_messages = warning"));
    }
    return d;
}

Error Store::sqlError(const QSqlError &e, const QString &what) const
{
    QString detail = e.databaseText().trimmed();
    if (detail.isEmpty())
        detail = e.driverText().trimmed();
    const QString code = e.nativeErrorCode();
    lastSqlState = code;
    qCWarning(lcStore) << what << code << detail;
    // Say the usual causes in words.
    if (code == QLatin1String("42501") || detail.contains(QLatin1String("permission denied"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("row-level security"), Qt::CaseInsensitive))
        return Error::make(Error::Denied, tr("%1: permission denied (%2).").arg(what, detail));
    if (code == QLatin1String("25006") || detail.contains(QLatin1String("readonly"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        return Error::make(Error::Database, tr("%1: the database is read-only (%2).").arg(what, detail));
    if (code == QLatin1String("23505") || code == QLatin1String("2067") || code == QLatin1String("1555")
        || detail.contains(QLatin1String("UNIQUE constraint"), Qt::CaseInsensitive))
        return Error::make(Error::Conflict, tr("%1: it exists already.").arg(what));
    if (code == QLatin1String("23503") || detail.contains(QLatin1String("FOREIGN KEY constraint"), Qt::CaseInsensitive))
        return Error::make(Error::Conflict, tr("%1: other records still refer to it.").arg(what));
    // (SQLite reports every failed statement as a connection error: only PostgreSQL's count.)
    if ((isPostgres() && e.type() == QSqlError::ConnectionError) || detail.contains(QLatin1String("could not connect"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("server closed the connection"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("no connection"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("unable to open database"), Qt::CaseInsensitive))
        return Error::make(Error::Database, tr("%1: the database is not reachable (%2). Check that it runs and the address is right.").arg(what, detail));
    return Error::make(Error::Database, tr("%1: %2").arg(what, detail.isEmpty() ? tr("database error") : detail));
}

Expected<QSqlQuery> Store::exec(const QString &sql, const QVariantList &params)
{
    auto d = db();
    if (!d)
        return d.error();
    QSqlQuery q(*d);
    q.setForwardOnly(true);
    if (params.isEmpty()) {
        // Sent as it is: PostgreSQL cannot PREPARE DDL.
        if (!q.exec(sql))
            return sqlError(q.lastError(), tr("A database statement failed"));
        return Expected<QSqlQuery>(std::move(q));
    }
    if (!q.prepare(sql))
        return sqlError(q.lastError(), tr("A database statement failed"));
    for (const auto &p : params) {
        // A null QString is an empty text; only an explicit nullptr is SQL NULL.
        if (p.typeId() == QMetaType::QString && p.toString().isNull())
            q.addBindValue(QString(QLatin1String("")));
        else
            q.addBindValue(p);
    }
    if (!q.exec())
        return sqlError(q.lastError(), tr("A database statement failed"));
    return Expected<QSqlQuery>(std::move(q));
}

Error Store::execDirect(const QString &sql)
{
    auto d = db();
    if (!d)
        return d.error();
    QSqlQuery q(*d);
    if (!q.exec(sql))
        return sqlError(q.lastError(), tr("A database statement failed"));
    return {};
}

Expected<QVariant> Store::scalar(const QString &sql, const QVariantList &params, const QVariant &def)
{
    auto q = exec(sql, params);
    if (!q)
        return q.error();
    if (q->next())
        return q->value(0);
    return def;
}

namespace {
// Transactions open on this thread's connection: an inner one is part of the outer one (it
// commits or rolls back with it, and is retried with it).
thread_local int transactionDepth = 0;
}

Error Store::transaction(const std::function<Error()> &fn)
{
    if (transactionDepth > 0)
        return fn();
    struct Depth
    {
        Depth() { ++transactionDepth; }
        ~Depth() { --transactionDepth; }
    };
    auto dbOrError = db();
    if (!dbOrError)
        return dbOrError.error();
    const Depth depth;
    QSqlDatabase *d = &*dbOrError;
    for (int attempt = 0;; ++attempt) {
        QSqlQuery q(*d);
        const bool begun = isPostgres() ? d->transaction() : q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begun) {
            const QSqlError e = isPostgres() ? d->lastError() : q.lastError();
            return sqlError(e, tr("Cannot start a database transaction"));
        }
        lastSqlState.clear();
        Error e = fn();
        if (e.isError()) {
            const QString last = lastSqlState;
            if (isPostgres())
                d->rollback();
            else
                q.exec(QStringLiteral("ROLLBACK"));
            if (isPostgres() && attempt < 20 && isRetryable(last))
                continue;
            return e;
        }
        const bool committed = isPostgres() ? d->commit() : q.exec(QStringLiteral("COMMIT"));
        if (committed)
            return {};
        const QSqlError ce = isPostgres() ? d->lastError() : q.lastError();
        if (isPostgres())
            d->rollback();
        else
            q.exec(QStringLiteral("ROLLBACK"));
        if (attempt < 20 && isRetryable(ce.nativeErrorCode()))
            continue;
        return sqlError(ce, tr("Cannot commit a database transaction"));
    }
}

bool Store::isReadOnly()
{
    if (isPostgres()) {
        auto v = scalar(QStringLiteral("SELECT current_setting('transaction_read_only')"));
        return !v || v->toString() == QLatin1String("on");
    }
    const QFileInfo fi(m_url.path);
    return m_url.options.value(QStringLiteral("mode")) == QLatin1String("ro") || (fi.exists() && !fi.isWritable());
}

QString Store::currentUser()
{
    if (isPostgres()) {
        auto v = scalar(QStringLiteral("SELECT current_user"));
        return v ? v->toString() : m_url.user;
    }
    QString u = qEnvironmentVariable("USER");
    if (u.isEmpty())
        u = qEnvironmentVariable("USERNAME");
    return u.isEmpty() ? QStringLiteral("local") : u;
}

Expected<int> Store::schemaVersion()
{
    auto exists = isPostgres()
        ? scalar(QStringLiteral("SELECT to_regclass('wharf_schema') IS NOT NULL"))
        : scalar(QStringLiteral("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'wharf_schema'"));
    if (!exists)
        return exists.error();
    if (!exists->toBool())
        return 0;
    auto v = scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM wharf_schema"));
    if (!v)
        return v.error();
    return v->toInt();
}

int Store::latestVersion()
{
    int v = 0;
    for (const auto &m : allMigrations())
        v = std::max(v, m.version);
    return v;
}

void Store::setExtraMigrationsForTesting(const QList<Migration> &extra)
{
    extraMigrations() = extra;
}

Error Store::applyMigration(const Migration &m)
{
    return transaction([&]() -> Error {
        // Another program may have applied it while this one waited for the lock.
        auto have = scalar(QStringLiteral("SELECT count(*) FROM wharf_schema WHERE version = ?"), {m.version});
        if (!have)
            return have.error();
        if (have->toInt() > 0)
            return {};
        for (const auto &sql : isPostgres() ? m.postgres : m.sqlite) {
            auto q = exec(sql);
            if (!q)
                return Error::make(Error::Database, tr("Migration %1 (%2) failed and was rolled back; the database stays at the version before it: %3")
                                                        .arg(m.version).arg(m.description, q.error().message));
        }
        auto r = exec(QStringLiteral("INSERT INTO wharf_schema (version, description, applied_at) VALUES (?, ?, ?)"),
                      {m.version, m.description, QDateTime::currentSecsSinceEpoch()});
        return r ? Error{} : r.error();
    });
}

Error Store::migrate(int upTo)
{
    // Current already (the usual case, and the only one a tenant's role can be in): no DDL.
    if (auto v = schemaVersion(); v && *v == latestVersion() && upTo < 0)
        return {};
    auto base = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS wharf_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
    if (!base) {
        // A read-only database that is already current is fine.
        auto v = schemaVersion();
        if (v && *v == latestVersion())
            return {};
        return base.error();
    }
    auto current = schemaVersion();
    if (!current)
        return current.error();
    const int latest = latestVersion();
    if (*current > latest)
        return Error::make(Error::Database, tr("The database %1 has schema version %2, newer than this Wharf knows (%3). Update Wharf; the database was left untouched.")
                                                .arg(m_url.toString()).arg(*current).arg(latest));
    QList<Migration> list = allMigrations();
    std::sort(list.begin(), list.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (const auto &m : list) {
        if (m.version <= *current)
            continue;
        if (upTo >= 0 && m.version > upTo)
            break;
        if (auto e = applyMigration(m); e.isError())
            return e;
        qCInfo(lcStore) << "applied migration" << m.version << m.description;
    }
    return {};
}

} // namespace Wharf::Backends
