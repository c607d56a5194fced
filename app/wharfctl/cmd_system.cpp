#include "cli.h"
#include "http/socketframe.h"
#include "wharfversion.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSysInfo>

namespace Wharf::App {

using namespace Backends;

void Cli::cmdVersion(const QStringList &a)
{
    if (!a.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "\"version\" takes no arguments"));
    call(m_client->version(), [this](DockerJob *job) {
        const QJsonObject s = job->json().object();
        const QJsonObject client{{QStringLiteral("version"), QStringLiteral(WHARF_VERSION)},
                                 {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                                 {QStringLiteral("os"), QSysInfo::productType()},
                                 {QStringLiteral("arch"), QSysInfo::currentCpuArchitecture()}};
        const QJsonObject server{{QStringLiteral("version"), s.value(QLatin1String("Version"))},
                                 {QStringLiteral("api_version"), s.value(QLatin1String("ApiVersion"))},
                                 {QStringLiteral("min_api_version"), s.value(QLatin1String("MinAPIVersion"))},
                                 {QStringLiteral("os"), s.value(QLatin1String("Os"))},
                                 {QStringLiteral("arch"), s.value(QLatin1String("Arch"))}};
        if (m_json) {
            printJson(QJsonObject{{QStringLiteral("client"), client},
                                  {QStringLiteral("server"), server},
                                  {QStringLiteral("negotiated_api_version"), m_client->apiVersion()},
                                  {QStringLiteral("host"), m_client->endpoint().url()}});
        } else {
            m_out << "Client: Wharf\n Version:      " << WHARF_VERSION << "\n Qt:           " << qVersion()
                  << "\n OS/Arch:      " << QSysInfo::productType() << '/' << QSysInfo::currentCpuArchitecture()
                  << "\n\nServer: Docker Engine (" << m_client->endpoint().url() << ")\n Version:      "
                  << s.value(QLatin1String("Version")).toString() << "\n API version:  "
                  << s.value(QLatin1String("ApiVersion")).toString() << " (minimum "
                  << s.value(QLatin1String("MinAPIVersion")).toString() << ")\n Negotiated:   "
                  << m_client->apiVersion() << "\n OS/Arch:      " << s.value(QLatin1String("Os")).toString() << '/'
                  << s.value(QLatin1String("Arch")).toString() << Qt::endl;
        }
        finish(0);
    });
}

void Cli::cmdInfo(const QStringList &a)
{
    if (!a.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "\"info\" takes no arguments"));
    call(m_client->info(), [this](DockerJob *job) {
        const QJsonObject i = job->json().object();
        if (m_json) {
            printJson(i);
        } else {
            auto v = [&](const char *k) { return i.value(QLatin1String(k)).toVariant().toString(); };
            m_out << "Name:               " << v("Name") << "\nServer Version:     " << v("ServerVersion")
                  << "\nContainers:         " << v("Containers") << " (running " << v("ContainersRunning")
                  << ", paused " << v("ContainersPaused") << ", stopped " << v("ContainersStopped") << ")"
                  << "\nImages:             " << v("Images") << "\nStorage Driver:     " << v("Driver")
                  << "\nCgroup Driver:      " << v("CgroupDriver") << " (v" << v("CgroupVersion") << ")"
                  << "\nKernel Version:     " << v("KernelVersion") << "\nOperating System:   " << v("OperatingSystem")
                  << "\nCPUs:               " << v("NCPU") << "\nTotal Memory:       "
                  << humanSize(i.value(QLatin1String("MemTotal")).toDouble()) << "\nDocker Root Dir:    "
                  << v("DockerRootDir") << Qt::endl;
        }
        finish(0);
    });
}

static QString eventLine(const QJsonObject &e)
{
    const qint64 nanos = qint64(e.value(QLatin1String("timeNano")).toDouble());
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(nanos / 1000000, Qt::UTC);
    const QJsonObject actor = e.value(QLatin1String("Actor")).toObject();
    const QJsonObject attrs = actor.value(QLatin1String("Attributes")).toObject();
    QStringList kv;
    for (auto it = attrs.begin(); it != attrs.end(); ++it)
        kv << it.key() + QLatin1Char('=') + it.value().toString();
    return QStringLiteral("%1 %2 %3 %4 (%5)")
        .arg(t.toString(Qt::ISODateWithMs), e.value(QLatin1String("Type")).toString(),
             e.value(QLatin1String("Action")).toString(), actor.value(QLatin1String("ID")).toString(), kv.join(QStringLiteral(", ")));
}

void Cli::cmdEvents(const QStringList &a)
{
    FlagParser f = flagsOf("events");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (!f.positional().isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "\"events\" takes no arguments"));
    EventOptions o;
    o.since = f.value(QStringLiteral("--since"));
    o.until = f.value(QStringLiteral("--until"));
    for (const auto &flt : f.values(QStringLiteral("--filter"))) {
        const int eq = flt.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return failUsage(QCoreApplication::translate("wharfctl", "bad filter \"%1\": use KEY=VALUE").arg(flt));
        o.filters[flt.left(eq)] << flt.mid(eq + 1);
    }
    DockerJob *job = m_client->events(o);
    auto splitter = std::make_shared<JsonLineSplitter>();
    connect(job, &DockerJob::dataReceived, this, [this, splitter](const QByteArray &d) {
        for (const auto &line : splitter->feed(d.constData(), d.size())) {
            if (m_json)
                m_out << line << '\n';
            else
                m_out << eventLine(QJsonDocument::fromJson(line).object()) << '\n';
        }
        m_out.flush();
    });
    connect(job, &DockerJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->isError())
            return fail(job->error().message);
        finish(0);
    });
}

} // namespace Wharf::App
