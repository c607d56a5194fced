#include "edgerouter.h"

#include "docker/tar.h"
#include "http/socketframe.h"
#include "operations/daemoncalls.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace Wharf::Models::Services {

using Backends::DockerJob;
using Backends::Error;
using Backends::Expected;
using Backends::whenFinished;

namespace {
QString configPath()
{
    return QLatin1String(EdgeConfigDir) + QLatin1Char('/') + QLatin1String(EdgeConfigFile);
}

// The text of a log answer (stdout and stderr frames, or raw for a TTY).
QString logText(const QByteArray &body)
{
    QByteArray text;
    Backends::FrameDemuxer demux([&text](Backends::FrameDemuxer::Stream, const QByteArray &d) { text += d; }, 1024 * 1024);
    if (!demux.feed(body))
        return QString::fromUtf8(body);
    return QString::fromUtf8(text);
}

// "2026-12-07T23:59:01.123456789Z" -> "1796687941.123456789" (what since takes)
QString sinceOf(const QString &rfc3339)
{
    const int dot = int(rfc3339.indexOf(QLatin1Char('.')));
    const QString whole = dot > 0 ? rfc3339.left(dot) + QLatin1Char('Z') : rfc3339;
    const QDateTime t = QDateTime::fromString(whole, Qt::ISODate);
    if (!t.isValid())
        return {};
    QString frac = dot > 0 ? rfc3339.mid(dot + 1) : QString();
    frac.remove(QLatin1Char('Z'));
    return QString::number(t.toSecsSinceEpoch()) + (frac.isEmpty() ? QString() : QLatin1Char('.') + frac);
}
// The log of a container up to now (the answer streams: its pieces are gathered).
void readLog(Backends::DockerClient *client, const QString &id, const Backends::LogOptions &options, QObject *context,
             std::function<void(const Error &, const QString &text)> done)
{
    auto *job = client->containerLogs(id, options);
    auto bytes = std::make_shared<QByteArray>();
    QObject::connect(job, &DockerJob::dataReceived, context, [bytes](const QByteArray &d) {
        if (bytes->size() < 4 * 1024 * 1024)
            *bytes += d;
    });
    whenFinished(job, context, [bytes, done](DockerJob *j) {
        if (j->isError())
            return done(j->error(), {});
        done({}, logText(*bytes + j->body()));
    });
}
} // namespace

EdgeRouter::EdgeRouter(Backends::DockerClient *client, GatedSteps steps, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_steps(std::move(steps))
{
}

QJsonObject EdgeRouter::createBody(const EdgeSettings &settings)
{
    return {{QStringLiteral("Image"), settings.image},
            // the master re-executes itself on SIGUSR2 with the file as it is then
            {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("haproxy"), QStringLiteral("-W"), QStringLiteral("-db"), QStringLiteral("-f"), configPath()}},
            {QStringLiteral("Cmd"), QJsonArray()},
            // ports below 1024 on the host's network
            {QStringLiteral("User"), QStringLiteral("root")},
            {QStringLiteral("Labels"),
             QJsonObject{{QLatin1String(Label::ManagedBy), QStringLiteral("wharf")}, {QLatin1String(Label::Role), QStringLiteral("edge")}}},
            {QStringLiteral("HostConfig"),
             QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("host")},
                         {QStringLiteral("RestartPolicy"), QJsonObject{{QStringLiteral("Name"), QStringLiteral("unless-stopped")}}},
                         {QStringLiteral("LogConfig"),
                          QJsonObject{{QStringLiteral("Type"), QStringLiteral("json-file")},
                                      {QStringLiteral("Config"), QJsonObject{{QStringLiteral("max-size"), QStringLiteral("10m")}, {QStringLiteral("max-file"), QStringLiteral("3")}}}}}}}};
}

Expected<QString> EdgeRouter::configFromArchive(const QByteArray &tar)
{
    if (tar.size() > 16 * 1024 * 1024)
        return Error::make(Error::Input, tr("The router's configuration is larger than 16 MiB."));
    auto entries = Backends::Tar::read(tar);
    if (!entries)
        return entries.error();
    for (const auto &e : *entries)
        if (e.type == Backends::TarEntry::File && e.name.endsWith(QLatin1String(EdgeConfigFile)))
            return QString::fromUtf8(e.data);
    return Error::make(Error::NotFound, tr("The router holds no %1.").arg(QLatin1String(EdgeConfigFile)));
}

void EdgeRouter::find(std::function<void(const Error &, const QJsonObject &)> done)
{
    if (!m_client)
        return done(Error::make(Error::Canceled, tr("The host went away.")), {});
    auto *job = m_client->listContainers(true, {{QStringLiteral("label"), {QStringLiteral("%1=edge").arg(QLatin1String(Label::Role))}}});
    whenFinished(job, this, [done](DockerJob *j) {
        if (j->isError())
            return done(j->error(), {});
        const QJsonArray list = j->json().array();
        for (const QJsonValue &v : list) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("Names")).toArray().contains(QStringLiteral("/%1").arg(QLatin1String(ContainerName))))
                return done({}, c);
        }
        done({}, list.isEmpty() ? QJsonObject() : list.first().toObject());
    });
}

void EdgeRouter::apply(const EdgeSettings &settings, const QString &config, std::function<void(const Error &)> done)
{
    find([this, settings, config, done](const Error &e, const QJsonObject &c) {
        if (e.isError())
            return done(e);
        if (c.isEmpty()) {
            m_id.clear();
            m_applied.clear();
            return create(settings, config, done);
        }
        const QString id = c.value(QLatin1String("Id")).toString();
        const QString image = c.value(QLatin1String("Image")).toString();
        const bool running = c.value(QLatin1String("State")).toString() == QLatin1String("running");
        if (id != m_id) {
            m_id = id;
            m_applied.clear();
        }
        const auto same = [](QString a, QString b) {
            if (!a.contains(QLatin1Char(':')) && !a.contains(QLatin1Char('@')))
                a += QStringLiteral(":latest");
            if (!b.contains(QLatin1Char(':')) && !b.contains(QLatin1Char('@')))
                b += QStringLiteral(":latest");
            return a == b;
        };
        if (!same(image, settings.image)) {
            // another image: the one time the router is replaced (its connections end)
            return m_steps.remove(QStringLiteral("container"), id, Calls::removeContainer(m_client, id, true), this,
                                  [this, settings, config, done](const Error &re, const QString &, DockerJob *) {
                                      if (re.isError())
                                          return done(re);
                                      m_id.clear();
                                      m_applied.clear();
                                      create(settings, config, done);
                                  });
        }
        if (!running) {
            return write(config, [this, config, done](const Error &we) {
                if (we.isError())
                    return done(we);
                lastLogTime([this, config, done](const QString &since) {
                    m_steps.act(Calls::startContainer(m_client, m_id), this, [this, since, config, done](const Error &se, const QString &, DockerJob *) {
                        if (se.isError())
                            return done(se);
                        confirm(since, false, 0, [this, config, done](const Error &ce) {
                            if (!ce.isError())
                                m_applied = config;
                            done(ce);
                        });
                    });
                });
            });
        }
        if (m_applied == config && !config.isEmpty())
            return done({});
        if (!m_applied.isEmpty())
            return reload(config, done);
        // first look since this controller started: reload only when the file differs
        current([this, config, done](const Expected<QString> &now) {
            if (now && *now == config) {
                m_applied = config;
                return done({});
            }
            reload(config, done);
        });
    });
}

void EdgeRouter::create(const EdgeSettings &settings, const QString &config, std::function<void(const Error &)> done)
{
    m_steps.create(QStringLiteral("container"), QLatin1String(ContainerName), createBody(settings),
                   Calls::createContainer(m_client, QLatin1String(ContainerName)), this,
                   [this, config, settings, done](const Error &e, const QString &id, DockerJob *) {
                       if (e.isError())
                           return done(Error::make(e.kind, tr("The edge router (image %1) could not be created: %2").arg(settings.image, e.message), e.httpStatus));
                       m_id = id;
                       write(config, [this, config, done](const Error &we) {
                           if (we.isError())
                               return done(we);
                           m_steps.act(Calls::startContainer(m_client, m_id), this, [this, config, done](const Error &se, const QString &, DockerJob *) {
                               if (se.isError())
                                   return done(se);
                               confirm(QString(), false, 0, [this, config, done](const Error &ce) {
                                   if (!ce.isError())
                                       m_applied = config;
                                   done(ce);
                               });
                           });
                       });
                   });
}

void EdgeRouter::write(const QString &config, std::function<void(const Error &)> done)
{
    Backends::TarEntry file;
    file.name = QLatin1String(EdgeConfigFile);
    file.mode = 0644;
    file.mtime = QDateTime::currentSecsSinceEpoch();
    file.data = config.toUtf8();
    m_steps.act(Calls::archivePut(m_client, m_id, QLatin1String(EdgeConfigDir), Backends::Tar::write({file})), this,
                [done](const Error &e, const QString &, DockerJob *) { done(e); });
}

void EdgeRouter::lastLogTime(std::function<void(const QString &)> done)
{
    Backends::LogOptions o;
    o.timestamps = true;
    o.tail = QStringLiteral("1");
    readLog(m_client, m_id, o, this, [done](const Error &e, const QString &log) {
        const QString text = e.isError() ? QString() : log.trimmed();
        done(sinceOf(text.section(QLatin1Char(' '), 0, 0)));
    });
}

void EdgeRouter::reload(const QString &config, std::function<void(const Error &)> done)
{
    write(config, [this, config, done](const Error &we) {
        if (we.isError())
            return done(we);
        lastLogTime([this, config, done](const QString &since) {
            m_steps.act(Calls::killContainer(m_client, m_id, QStringLiteral("USR2")), this, [this, since, config, done](const Error &ke, const QString &, DockerJob *) {
                if (ke.isError())
                    return done(ke);
                confirm(since, true, 0, [this, config, done](const Error &ce) {
                    if (!ce.isError())
                        m_applied = config;
                    done(ce);
                });
            });
        });
    });
}

void EdgeRouter::confirm(const QString &since, bool afterReload, int attempt, std::function<void(const Error &)> done)
{
    Backends::LogOptions o;
    o.since = since;
    o.tail = QStringLiteral("400");
    readLog(m_client, m_id, o, this, [this, since, afterReload, attempt, done](const Error &e, const QString &text) {
        if (e.isError())
            return done(e);
        qsizetype from = 0;
        if (afterReload) {
            from = text.lastIndexOf(QLatin1String("Reloading HAProxy"));
            if (from < 0)
                from = text.size(); // not yet
        }
        const qsizetype ok = text.indexOf(QLatin1String("Loading success."), from);
        const qsizetype bad = text.indexOf(QLatin1String("Loading failure!"), from);
        if (bad >= 0 && (ok < 0 || bad < ok)) {
            const QStringList alerts = text.split(QLatin1Char('\n')).filter(QStringLiteral("[ALERT]"));
            return done(Error::make(Error::Input, tr("The edge router refused the configuration; it goes on with the one before. %1")
                                                      .arg(alerts.mid(qMax(0, int(alerts.size()) - 3)).join(QLatin1Char(' ')).trimmed())));
        }
        if (ok >= 0)
            return done({});
        if (attempt >= 100)
            return done(Error::make(Error::Timeout, tr("The edge router did not confirm its configuration within 20 seconds.")));
        QTimer::singleShot(200, this, [this, since, afterReload, attempt, done] { confirm(since, afterReload, attempt + 1, done); });
    });
}

void EdgeRouter::current(std::function<void(const Expected<QString> &)> done)
{
    auto read = [this, done] {
        whenFinished(m_client->archiveGet(m_id, configPath()), this, [done](DockerJob *j) {
            if (j->isError())
                return done(j->error());
            done(configFromArchive(j->body()));
        });
    };
    if (!m_id.isEmpty())
        return read();
    find([this, read, done](const Error &e, const QJsonObject &c) {
        if (e.isError())
            return done(e);
        if (c.isEmpty())
            return done(QString());
        m_id = c.value(QLatin1String("Id")).toString();
        read();
    });
}

void EdgeRouter::remove(std::function<void(const Error &)> done)
{
    find([this, done](const Error &e, const QJsonObject &c) {
        if (e.isError() || c.isEmpty())
            return done(e);
        const QString id = c.value(QLatin1String("Id")).toString();
        m_steps.remove(QStringLiteral("container"), id, Calls::removeContainer(m_client, id, true), this, [this, done](const Error &re, const QString &, DockerJob *) {
            m_id.clear();
            m_applied.clear();
            done(re);
        });
    });
}

} // namespace Wharf::Models::Services
