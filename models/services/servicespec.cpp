#include "servicespec.h"

#include "docker/containerspec.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Wharf::Models::Services {

using Backends::Error;
using Backends::Expected;

namespace {
Error inputError(const QString &message)
{
    return Error::make(Error::Input, message);
}

QString healthKindName(HealthCheck::Kind k)
{
    switch (k) {
    case HealthCheck::Kind::None: return QStringLiteral("none");
    case HealthCheck::Kind::Http: return QStringLiteral("http");
    case HealthCheck::Kind::Tcp: return QStringLiteral("tcp");
    case HealthCheck::Kind::Command: return QStringLiteral("cmd");
    case HealthCheck::Kind::Image: break;
    }
    return QStringLiteral("image");
}

bool validPort(int p)
{
    return p > 0 && p < 65536;
}

// A JSON value that must be an object or absent.
Expected<QJsonObject> objectField(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QJsonObject();
    if (!v.isObject())
        return inputError(ServiceSpec::tr("The service's %1 is not an object.").arg(QLatin1String(key)));
    return v.toObject();
}

Expected<QStringList> stringList(const QJsonValue &v, int max, const QString &what)
{
    if (v.isUndefined() || v.isNull())
        return QStringList();
    if (!v.isArray())
        return inputError(ServiceSpec::tr("The service's %1 is not a list.").arg(what));
    const QJsonArray a = v.toArray();
    if (a.size() > max)
        return inputError(ServiceSpec::tr("The service has more than %1 %2.").arg(max).arg(what));
    QStringList out;
    for (const QJsonValue &e : a) {
        if (!e.isString())
            return inputError(ServiceSpec::tr("The service's %1 holds something that is not text.").arg(what));
        out << e.toString();
    }
    return out;
}

int intField(const QJsonObject &o, const char *key, int def)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? int(qBound(-2147483647.0, v.toDouble(), 2147483647.0)) : def;
}
} // namespace

QString PublishedEndpoint::toText() const
{
    QString text;
    if (!bindIp.isEmpty())
        text = bindIp.contains(QLatin1Char(':')) ? QString(QLatin1Char('[') + bindIp + QStringLiteral("]:")) : QString(bindIp + QLatin1Char(':'));
    text += QStringLiteral("%1:%2/%3").arg(port).arg(target).arg(modeName());
    if (!hosts.isEmpty())
        text += QStringLiteral(" host=") + hosts.join(QLatin1Char(';'));
    if (!pathPrefix.isEmpty())
        text += QStringLiteral(" path=") + pathPrefix;
    return text;
}

QJsonObject PublishedEndpoint::toJson() const
{
    QJsonObject o{{QStringLiteral("mode"), modeName()}, {QStringLiteral("port"), port}, {QStringLiteral("target"), target}};
    if (!bindIp.isEmpty())
        o.insert(QStringLiteral("ip"), bindIp);
    if (!hosts.isEmpty())
        o.insert(QStringLiteral("hosts"), QJsonArray::fromStringList(hosts));
    if (!pathPrefix.isEmpty())
        o.insert(QStringLiteral("path"), pathPrefix);
    return o;
}

QString HealthCheck::kindName() const
{
    return healthKindName(kind);
}

QString ServiceSpec::image() const
{
    return container.value(QLatin1String("Image")).toString();
}

QString ServiceSpec::configHash() const
{
    // The body as it is (QJsonDocument writes keys sorted) and the health check: both shape a replica.
    QJsonObject h{{QStringLiteral("kind"), health.kindName()},
                  {QStringLiteral("path"), health.path},
                  {QStringLiteral("port"), health.port},
                  {QStringLiteral("command"), health.command},
                  {QStringLiteral("interval"), health.intervalMs},
                  {QStringLiteral("timeout"), health.timeoutMs},
                  {QStringLiteral("retries"), health.retries},
                  {QStringLiteral("start"), health.startPeriodMs}};
    QJsonObject all{{QStringLiteral("container"), container}, {QStringLiteral("health"), h}, {QStringLiteral("links"), QJsonArray::fromStringList(links)},
                    {QStringLiteral("network"), networkName()}, {QStringLiteral("force"), forceUpdate}};
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(all).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex().left(16));
}

QString ServiceSpec::networkName() const
{
    return tenant.isEmpty() ? QStringLiteral("wharf-services") : QStringLiteral("wharf-services-") + tenant;
}

QString ServiceSpec::replicaName(int number, const QString &suffix) const
{
    return QStringLiteral("%1.%2.%3").arg(name).arg(number).arg(suffix);
}

QJsonObject ServiceSpec::replicaBody(int number, const QString &deployment) const
{
    QJsonObject body = container;
    QJsonObject labels = body.value(QLatin1String("Labels")).toObject();
    for (auto it = this->labels.cbegin(); it != this->labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    labels.insert(QLatin1String(Label::ManagedBy), QStringLiteral("wharf"));
    labels.insert(QLatin1String(Label::WharfService), name);
    labels.insert(QLatin1String(Label::Replica), QString::number(number));
    labels.insert(QLatin1String(Label::ServiceConfigHash), configHash());
    if (!deployment.isEmpty())
        labels.insert(QLatin1String(Label::Deployment), deployment);
    body.insert(QStringLiteral("Labels"), labels);

    const int checkPort = health.port > 0 ? health.port : (endpoints.isEmpty() ? 0 : endpoints.first().target);
    auto ns = [](int ms) { return qint64(ms) * 1'000'000; };
    QJsonArray test;
    switch (health.kind) {
    case HealthCheck::Kind::Image:
        break;
    case HealthCheck::Kind::None:
        test = {QStringLiteral("NONE")};
        break;
    case HealthCheck::Kind::Http:
        test = {QStringLiteral("CMD-SHELL"),
                QStringLiteral("wget -q -O /dev/null http://127.0.0.1:%1%2 || exit 1").arg(checkPort).arg(health.path.isEmpty() ? QStringLiteral("/") : health.path)};
        break;
    case HealthCheck::Kind::Tcp:
        test = {QStringLiteral("CMD-SHELL"), QStringLiteral("nc -z 127.0.0.1 %1 || exit 1").arg(checkPort)};
        break;
    case HealthCheck::Kind::Command:
        test = {QStringLiteral("CMD-SHELL"), health.command};
        break;
    }
    if (!test.isEmpty()) {
        QJsonObject hc{{QStringLiteral("Test"), test}};
        if (health.kind != HealthCheck::Kind::None) {
            hc.insert(QStringLiteral("Interval"), ns(health.intervalMs));
            hc.insert(QStringLiteral("Timeout"), ns(health.timeoutMs));
            hc.insert(QStringLiteral("Retries"), health.retries);
            if (health.startPeriodMs > 0)
                hc.insert(QStringLiteral("StartPeriod"), ns(health.startPeriodMs));
        }
        body.insert(QStringLiteral("Healthcheck"), hc);
    }

    QJsonObject hostConfig = body.value(QLatin1String("HostConfig")).toObject();
    hostConfig.remove(QStringLiteral("PortBindings")); // the router publishes, replicas do not
    hostConfig.remove(QStringLiteral("PublishAllPorts"));
    hostConfig.insert(QStringLiteral("NetworkMode"), networkName());
    if (!hostConfig.contains(QLatin1String("RestartPolicy")) || hostConfig.value(QLatin1String("RestartPolicy")).toObject().value(QLatin1String("Name")).toString().isEmpty())
        hostConfig.insert(QStringLiteral("RestartPolicy"), QJsonObject{{QStringLiteral("Name"), QStringLiteral("on-failure")}, {QStringLiteral("MaximumRetryCount"), 5}});
    body.insert(QStringLiteral("HostConfig"), hostConfig);
    body.insert(QStringLiteral("NetworkingConfig"),
                QJsonObject{{QStringLiteral("EndpointsConfig"),
                             QJsonObject{{networkName(), QJsonObject{{QStringLiteral("Aliases"), QJsonArray{name}}}}}}});
    return body;
}

Error ServiceSpec::checkName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    if (!re.match(name).hasMatch())
        return inputError(tr("\"%1\" is not a valid service name: use lower-case letters, digits and -, at most 63 characters, "
                             "starting and ending with a letter or digit (it becomes part of domain names).")
                              .arg(name));
    return {};
}

Error ServiceSpec::validate() const
{
    if (auto e = checkName(name); e.isError())
        return e;
    if (image().trimmed().isEmpty())
        return inputError(tr("Service %1 has no image.").arg(name));
    if (replicas < 0 || replicas > MaxReplicas)
        return inputError(tr("Service %1: replicas must be between 0 and %2.").arg(name).arg(MaxReplicas));
    if (endpoints.size() > MaxEndpoints)
        return inputError(tr("Service %1 publishes more than %2 endpoints.").arg(name).arg(MaxEndpoints));
    QSet<QString> seen;
    for (const PublishedEndpoint &e : endpoints) {
        if (!validPort(e.port) || !validPort(e.target))
            return inputError(tr("Service %1: %2 is not a valid published endpoint (ports go from 1 to 65535).").arg(name, e.toText()));
        if (e.hosts.size() > MaxHostsPerEndpoint)
            return inputError(tr("Service %1: an endpoint routes more than %2 host names.").arg(name).arg(MaxHostsPerEndpoint));
        if (e.mode == PublishedEndpoint::Mode::Tcp && (!e.hosts.isEmpty() || !e.pathPrefix.isEmpty()))
            return inputError(tr("Service %1: host names and paths route HTTP only; publish %2 with /http.").arg(name, e.toText()));
        if (!e.pathPrefix.isEmpty() && (!e.pathPrefix.startsWith(QLatin1Char('/')) || e.pathPrefix.contains(QLatin1Char(' '))))
            return inputError(tr("Service %1: the path %2 must start with / and hold no spaces.").arg(name, e.pathPrefix));
        static const QRegularExpression hostRe(QStringLiteral("^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$"));
        for (const QString &h : e.hosts)
            if (h.size() > 253 || !hostRe.match(h).hasMatch())
                return inputError(tr("Service %1: \"%2\" is not a host name.").arg(name, h));
        const QString key = QStringLiteral("%1|%2|%3|%4").arg(e.bindIp).arg(e.port).arg(e.hosts.join(QLatin1Char(';')), e.pathPrefix);
        if (seen.contains(key))
            return inputError(tr("Service %1 publishes %2 twice.").arg(name, e.toText()));
        seen << key;
    }
    if ((health.kind == HealthCheck::Kind::Http || health.kind == HealthCheck::Kind::Tcp) && health.port <= 0 && endpoints.isEmpty())
        return inputError(tr("Service %1: an HTTP or TCP health check needs a port (--health-port) when nothing is published.").arg(name));
    if (health.kind == HealthCheck::Kind::Command && health.command.trimmed().isEmpty())
        return inputError(tr("Service %1: the health check command is empty.").arg(name));
    if (health.kind == HealthCheck::Kind::Http && (!health.path.startsWith(QLatin1Char('/')) || health.path.contains(QRegularExpression(QStringLiteral("[\\s'\"`$;|&<>\\\\]")))))
        return inputError(tr("Service %1: the health check path %2 must start with / and hold no spaces or shell characters.").arg(name, health.path));
    if (health.intervalMs < 100 || health.timeoutMs < 100 || health.retries < 1 || health.retries > 100 || health.startPeriodMs < 0 || health.graceMs < 0)
        return inputError(tr("Service %1: the health check's interval and timeout must be at least 100 ms, its retries between 1 and 100.").arg(name));
    if (update.parallelism < 1 || update.delayMs < 0 || update.monitorMs < 0)
        return inputError(tr("Service %1: the update parallelism must be at least 1, and the delay and monitor period not negative.").arg(name));
    if (balance != QLatin1String("roundrobin") && balance != QLatin1String("leastconn"))
        return inputError(tr("Service %1: the balance is roundrobin or leastconn, not %2.").arg(name, balance));
    if (maxConnections < 0 || drainMs < 0 || drainMs > 3600000)
        return inputError(tr("Service %1: the connection limit and the drain time cannot be negative (drain at most an hour).").arg(name));
    static const QStringList categories{QStringLiteral("app"), QStringLiteral("data"), QStringLiteral("tool"), QStringLiteral("storage")};
    if (!categories.contains(category))
        return inputError(tr("Service %1: the category is app, data, tool or storage, not %2.").arg(name, category));
    if (links.size() > MaxLinks)
        return inputError(tr("Service %1 links more than %2 services.").arg(name).arg(MaxLinks));
    for (const QString &l : links)
        if (auto e = checkName(l); e.isError())
            return e;
    if (labels.size() > MaxLabels)
        return inputError(tr("Service %1 has more than %2 labels.").arg(name).arg(MaxLabels));
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key().startsWith(QLatin1String(Backends::ContainerSpec::ReservedLabelPrefix)))
            return inputError(tr("Service %1: the label %2 is reserved for Wharf.").arg(name, it.key()));
    }
    const QJsonObject containerLabels = container.value(QLatin1String("Labels")).toObject();
    for (auto it = containerLabels.begin(); it != containerLabels.end(); ++it)
        if (it.key().startsWith(QLatin1String(Backends::ContainerSpec::ReservedLabelPrefix)))
            return inputError(tr("Service %1: the label %2 is reserved for Wharf.").arg(name, it.key()));
    const QString mode = container.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("NetworkMode")).toString();
    if (!mode.isEmpty() && mode != networkName())
        return inputError(tr("Service %1: replicas join the services' network %2; another network mode (%3) cannot be set.").arg(name, networkName(), mode));
    return {};
}

QJsonObject ServiceSpec::toJson() const
{
    QJsonArray eps;
    for (const PublishedEndpoint &e : endpoints)
        eps.append(e.toJson());
    QJsonObject l;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        l.insert(it.key(), it.value());
    return {{QStringLiteral("name"), name},
            {QStringLiteral("tenant"), tenant},
            {QStringLiteral("host"), host},
            {QStringLiteral("container"), container},
            {QStringLiteral("replicas"), replicas},
            {QStringLiteral("endpoints"), eps},
            {QStringLiteral("health"),
             QJsonObject{{QStringLiteral("kind"), health.kindName()},
                         {QStringLiteral("path"), health.path},
                         {QStringLiteral("port"), health.port},
                         {QStringLiteral("command"), health.command},
                         {QStringLiteral("intervalMs"), health.intervalMs},
                         {QStringLiteral("timeoutMs"), health.timeoutMs},
                         {QStringLiteral("retries"), health.retries},
                         {QStringLiteral("startPeriodMs"), health.startPeriodMs},
                         {QStringLiteral("graceMs"), health.graceMs}}},
            {QStringLiteral("update"),
             QJsonObject{{QStringLiteral("parallelism"), update.parallelism},
                         {QStringLiteral("delayMs"), update.delayMs},
                         {QStringLiteral("order"), update.startFirst ? QStringLiteral("start-first") : QStringLiteral("stop-first")},
                         {QStringLiteral("failureAction"), update.rollbackOnFailure ? QStringLiteral("rollback") : QStringLiteral("pause")},
                         {QStringLiteral("monitorMs"), update.monitorMs}}},
            {QStringLiteral("balance"), balance},
            {QStringLiteral("sticky"), sticky},
            {QStringLiteral("maxConnections"), maxConnections},
            {QStringLiteral("drainMs"), drainMs},
            {QStringLiteral("links"), QJsonArray::fromStringList(links)},
            {QStringLiteral("category"), category},
            {QStringLiteral("labels"), l},
            {QStringLiteral("forceUpdate"), forceUpdate}};
}

Expected<ServiceSpec> ServiceSpec::fromJson(const QByteArray &json)
{
    if (json.size() > MaxJsonBytes)
        return inputError(tr("The service's record is larger than %1 KiB.").arg(MaxJsonBytes / 1024));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return inputError(tr("The service's record is not a JSON object: %1").arg(pe.errorString()));
    return fromJson(doc.object());
}

Expected<ServiceSpec> ServiceSpec::fromJson(const QJsonObject &o)
{
    ServiceSpec s;
    s.name = o.value(QLatin1String("name")).toString();
    s.tenant = o.value(QLatin1String("tenant")).toString();
    s.host = o.value(QLatin1String("host")).toString();
    auto container = objectField(o, "container");
    if (!container)
        return container.error();
    s.container = *container;
    s.replicas = intField(o, "replicas", 1);
    const QJsonValue eps = o.value(QLatin1String("endpoints"));
    if (!eps.isUndefined() && !eps.isArray())
        return inputError(tr("The service's endpoints are not a list."));
    if (eps.toArray().size() > MaxEndpoints)
        return inputError(tr("The service has more than %1 endpoints.").arg(MaxEndpoints));
    for (const QJsonValue &v : eps.toArray()) {
        const QJsonObject e = v.toObject();
        PublishedEndpoint p;
        const QString mode = e.value(QLatin1String("mode")).toString(QStringLiteral("tcp"));
        if (mode != QLatin1String("tcp") && mode != QLatin1String("http"))
            return inputError(tr("An endpoint's mode is tcp or http, not %1.").arg(mode));
        p.mode = mode == QLatin1String("http") ? PublishedEndpoint::Mode::Http : PublishedEndpoint::Mode::Tcp;
        p.bindIp = e.value(QLatin1String("ip")).toString();
        p.port = intField(e, "port", 0);
        p.target = intField(e, "target", 0);
        auto hosts = stringList(e.value(QLatin1String("hosts")), MaxHostsPerEndpoint, tr("host names"));
        if (!hosts)
            return hosts.error();
        p.hosts = *hosts;
        p.pathPrefix = e.value(QLatin1String("path")).toString();
        s.endpoints << p;
    }
    const QJsonObject h = o.value(QLatin1String("health")).toObject();
    const QString kind = h.value(QLatin1String("kind")).toString(QStringLiteral("image"));
    static const QMap<QString, HealthCheck::Kind> kinds{{QStringLiteral("image"), HealthCheck::Kind::Image}, {QStringLiteral("none"), HealthCheck::Kind::None},
                                                         {QStringLiteral("http"), HealthCheck::Kind::Http},   {QStringLiteral("tcp"), HealthCheck::Kind::Tcp},
                                                         {QStringLiteral("cmd"), HealthCheck::Kind::Command}};
    if (!kinds.contains(kind))
        return inputError(tr("A health check is image, none, http, tcp or cmd, not %1.").arg(kind));
    s.health.kind = kinds.value(kind);
    s.health.path = h.value(QLatin1String("path")).toString(QStringLiteral("/"));
    s.health.port = intField(h, "port", 0);
    s.health.command = h.value(QLatin1String("command")).toString();
    s.health.intervalMs = intField(h, "intervalMs", 2000);
    s.health.timeoutMs = intField(h, "timeoutMs", 2000);
    s.health.retries = intField(h, "retries", 3);
    s.health.startPeriodMs = intField(h, "startPeriodMs", 0);
    s.health.graceMs = intField(h, "graceMs", 30000);
    const QJsonObject u = o.value(QLatin1String("update")).toObject();
    s.update.parallelism = intField(u, "parallelism", 1);
    s.update.delayMs = intField(u, "delayMs", 0);
    s.update.startFirst = u.value(QLatin1String("order")).toString(QStringLiteral("start-first")) != QLatin1String("stop-first");
    s.update.rollbackOnFailure = u.value(QLatin1String("failureAction")).toString(QStringLiteral("rollback")) != QLatin1String("pause");
    s.update.monitorMs = intField(u, "monitorMs", 5000);
    s.balance = o.value(QLatin1String("balance")).toString(QStringLiteral("roundrobin"));
    s.sticky = o.value(QLatin1String("sticky")).toBool();
    s.maxConnections = intField(o, "maxConnections", 0);
    s.drainMs = intField(o, "drainMs", 2000);
    auto links = stringList(o.value(QLatin1String("links")), MaxLinks, tr("links"));
    if (!links)
        return links.error();
    s.links = *links;
    s.category = o.value(QLatin1String("category")).toString(QStringLiteral("app"));
    const QJsonObject l = o.value(QLatin1String("labels")).toObject();
    if (l.size() > MaxLabels)
        return inputError(tr("The service has more than %1 labels.").arg(MaxLabels));
    for (auto it = l.begin(); it != l.end(); ++it)
        s.labels.insert(it.key(), it.value().toString());
    s.forceUpdate = intField(o, "forceUpdate", 0);
    if (auto e = s.validate(); e.isError())
        return e;
    return s;
}

Expected<PublishedEndpoint> ServiceSpec::parsePublish(const QString &textIn)
{
    const QString text = textIn.trimmed();
    PublishedEndpoint e;
    if (text.contains(QLatin1Char('='))) {
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString key = part.section(QLatin1Char('='), 0, 0).trimmed();
            const QString value = part.section(QLatin1Char('='), 1).trimmed();
            bool ok = true;
            if (key == QLatin1String("published"))
                e.port = value.toInt(&ok);
            else if (key == QLatin1String("target"))
                e.target = value.toInt(&ok);
            else if (key == QLatin1String("mode") || key == QLatin1String("protocol")) {
                if (value == QLatin1String("http"))
                    e.mode = PublishedEndpoint::Mode::Http;
                else if (value == QLatin1String("tcp") || value == QLatin1String("ingress"))
                    e.mode = PublishedEndpoint::Mode::Tcp;
                else
                    return inputError(tr("The published endpoint's mode is tcp or http, not %1.").arg(value));
            } else if (key == QLatin1String("ip"))
                e.bindIp = value;
            else if (key == QLatin1String("host"))
                e.hosts = value.split(QLatin1Char(';'), Qt::SkipEmptyParts);
            else if (key == QLatin1String("path"))
                e.pathPrefix = value;
            else
                return inputError(tr("Unknown key %1 in the published endpoint %2.").arg(key, text));
            if (!ok)
                return inputError(tr("%1 is not a port number in %2.").arg(value, text));
        }
        if (!e.hosts.isEmpty() || !e.pathPrefix.isEmpty())
            e.mode = PublishedEndpoint::Mode::Http;
    } else {
        static const QRegularExpression re(QStringLiteral("^(?:(\\[[0-9a-fA-F:.]+\\]|[0-9.]+):)?(\\d{1,5}):(\\d{1,5})(?:/(tcp|http))?$"));
        const auto m = re.match(text);
        if (!m.hasMatch())
            return inputError(tr("\"%1\" is not a published endpoint: write [IP:]PORT:TARGET[/tcp|/http].").arg(text));
        e.bindIp = m.captured(1);
        if (e.bindIp.startsWith(QLatin1Char('[')))
            e.bindIp = e.bindIp.mid(1, e.bindIp.size() - 2);
        e.port = m.captured(2).toInt();
        e.target = m.captured(3).toInt();
        e.mode = m.captured(4) == QLatin1String("http") ? PublishedEndpoint::Mode::Http : PublishedEndpoint::Mode::Tcp;
    }
    if (!validPort(e.port) || !validPort(e.target))
        return inputError(tr("\"%1\": ports go from 1 to 65535.").arg(text));
    return e;
}

Expected<int> ServiceSpec::parseDurationMs(const QString &textIn)
{
    constexpr double MaxMs = 20.0 * 86400 * 1000; // 20 days: every duration fits an int
    const QString text = textIn.trimmed();
    if (text.size() > 32)
        return inputError(tr("\"%1\" is not a duration.").arg(text.left(32)));
    const auto tooLong = [&text] { return inputError(tr("\"%1\" is longer than 20 days.").arg(text)); };
    bool plain = false;
    const double seconds = text.toDouble(&plain);
    if (plain && seconds >= 0) { // NaN is not
        if (seconds * 1000 > MaxMs)
            return tooLong();
        return int(seconds * 1000);
    }
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|h|m|s)"));
    double ms = 0;
    int at = 0;
    auto it = part.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != at)
            return inputError(tr("\"%1\" is not a duration: write 2s, 500ms or 1m30s.").arg(text));
        const QString unit = m.captured(2);
        ms += m.captured(1).toDouble() * (unit == QLatin1String("ms") ? 1 : unit == QLatin1String("s") ? 1000 : unit == QLatin1String("m") ? 60000 : 3600000);
        at = int(m.capturedEnd());
        if (ms > MaxMs)
            return tooLong();
    }
    if (at == 0 || at != text.size())
        return inputError(tr("\"%1\" is not a duration: write 2s, 500ms or 1m30s.").arg(text));
    return int(ms);
}

} // namespace Wharf::Models::Services
