#include "containerspec.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

namespace Wharf::Backends {

namespace {
Error inputError(const QString &msg)
{
    return Error::make(Error::Input, msg);
}
} // namespace

Expected<qint64> ContainerSpec::parseMemory(const QString &textIn)
{
    const QString text = textIn.trimmed().toLower();
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*([bkmgt]?)(?:i?b)?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return inputError(tr("\"%1\" is not a memory size. Use a number with an optional unit b, k, m or g "
                             "(for example 64m).")
                              .arg(textIn));
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    double mult = 1;
    if (unit == QLatin1String("k"))
        mult = 1024.0;
    else if (unit == QLatin1String("m"))
        mult = 1024.0 * 1024;
    else if (unit == QLatin1String("g"))
        mult = 1024.0 * 1024 * 1024;
    else if (unit == QLatin1String("t"))
        mult = 1024.0 * 1024 * 1024 * 1024;
    const double bytes = n * mult;
    if (bytes > 9.0e18)
        return inputError(tr("\"%1\" is too large a memory size.").arg(textIn));
    if (bytes > 0 && bytes < 6 * 1024 * 1024)
        return inputError(tr("A memory limit of %1 is below the minimum Docker allows (6 MiB).").arg(textIn));
    return qint64(bytes);
}

Expected<qint64> ContainerSpec::parseCpus(const QString &text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || v < 0 || v > 1024)
        return inputError(tr("\"%1\" is not a number of CPUs (for example 0.5 or 2).").arg(text));
    return qint64(v * 1e9 + 0.5);
}

Expected<PortMapping> ContainerSpec::parsePort(const QString &text)
{
    return parsePortMapping(text);
}

Expected<VolumeMapping> ContainerSpec::parseVolume(const QString &textIn)
{
    const QString text = textIn.trimmed();
    QStringList parts = text.split(QLatin1Char(':'));
    VolumeMapping v;
    if (parts.size() == 1) {
        v.target = parts[0];
    } else if (parts.size() == 2 || parts.size() == 3) {
        v.source = parts[0];
        v.target = parts[1];
        if (parts.size() == 3) {
            const QString mode = parts[2];
            if (mode == QLatin1String("ro"))
                v.readOnly = true;
            else if (mode != QLatin1String("rw"))
                return inputError(tr("\"%1\": the mode must be ro or rw.").arg(textIn));
        }
    } else {
        return inputError(tr("\"%1\" is not a volume. Use SOURCE:TARGET[:ro].").arg(textIn));
    }
    if (!v.target.startsWith(QLatin1Char('/')))
        return inputError(tr("\"%1\": the path inside the container must be absolute.").arg(textIn));
    if (v.source.isEmpty() && parts.size() > 1)
        return inputError(tr("\"%1\": the source is empty.").arg(textIn));
    if (!v.source.isEmpty() && !v.isBind()) {
        static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"));
        if (!re.match(v.source).hasMatch())
            return inputError(tr("\"%1\" is not a valid volume name.").arg(v.source));
    }
    return v;
}

Error ContainerSpec::parseRestart(const QString &text, QString *policy, int *retries)
{
    const QString t = text.trimmed();
    *retries = 0;
    if (t.isEmpty() || t == QLatin1String("no")) {
        *policy = QStringLiteral("no");
        return {};
    }
    if (t == QLatin1String("always") || t == QLatin1String("unless-stopped")) {
        *policy = t;
        return {};
    }
    if (t.startsWith(QLatin1String("on-failure"))) {
        *policy = QStringLiteral("on-failure");
        if (t.size() > 10) {
            bool ok = false;
            const int n = t.mid(11).toInt(&ok);
            if (t[10] != QLatin1Char(':') || !ok || n < 0)
                return inputError(tr("\"%1\": use on-failure or on-failure:N.").arg(text));
            *retries = n;
        }
        return {};
    }
    return inputError(tr("\"%1\" is not a restart policy (no, always, unless-stopped, on-failure[:N]).").arg(text));
}

Error ContainerSpec::checkEnv(const QString &text)
{
    if (text.isEmpty() || text.startsWith(QLatin1Char('=')))
        return inputError(tr("\"%1\" is not an environment variable. Use NAME=value.").arg(text));
    return {};
}

Error ContainerSpec::checkName(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$"));
    if (!text.isEmpty() && !re.match(text).hasMatch())
        return inputError(tr("\"%1\" is not a valid container name: use letters, digits, _ . and -, at least two "
                             "characters, starting with a letter or digit.")
                              .arg(text));
    return {};
}

Error ContainerSpec::checkLabelKey(const QString &key)
{
    if (key.startsWith(QLatin1String(ReservedLabelPrefix)))
        return inputError(tr("Labels starting with %1 are reserved for Wharf.").arg(QLatin1String(ReservedLabelPrefix)));
    if (key.isEmpty())
        return inputError(tr("A label needs a name."));
    return {};
}

Error ContainerSpec::validate() const
{
    if (image.trimmed().isEmpty())
        return inputError(tr("Choose an image."));
    if (image.contains(QLatin1Char(' ')))
        return inputError(tr("\"%1\" is not an image reference (it contains a space).").arg(image));
    if (auto e = checkName(name); e.isError())
        return e;
    for (const auto &e : env)
        if (auto err = checkEnv(e); err.isError())
            return err;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (auto e = checkLabelKey(it.key()); e.isError())
            return e;
    QStringList seen;
    for (const auto &p : ports) {
        if (p.published.isEmpty())
            continue;
        const QString key = QStringLiteral("%1:%2/%3").arg(p.hostIp, p.published, p.protocol);
        if (seen.contains(key))
            return inputError(tr("Host port %1 is mapped twice.").arg(p.published));
        seen << key;
    }
    if (memoryBytes < 0 || nanoCpus < 0)
        return inputError(tr("Limits cannot be negative."));
    return {};
}

QJsonObject ContainerSpec::toCreateBody() const
{
    QJsonObject body;
    body.insert(QStringLiteral("Image"), image.trimmed());
    if (!command.isEmpty())
        body.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(command));
    if (entrypointSet)
        body.insert(QStringLiteral("Entrypoint"), QJsonArray::fromStringList(entrypoint));
    if (!env.isEmpty())
        body.insert(QStringLiteral("Env"), QJsonArray::fromStringList(env));
    if (!workingDir.isEmpty())
        body.insert(QStringLiteral("WorkingDir"), workingDir);
    if (!user.isEmpty())
        body.insert(QStringLiteral("User"), user);
    body.insert(QStringLiteral("Tty"), tty);
    body.insert(QStringLiteral("OpenStdin"), openStdin);
    body.insert(QStringLiteral("AttachStdin"), openStdin);
    body.insert(QStringLiteral("AttachStdout"), true);
    body.insert(QStringLiteral("AttachStderr"), true);
    if (!labels.isEmpty()) {
        QJsonObject l;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            l.insert(it.key(), it.value());
        body.insert(QStringLiteral("Labels"), l);
    }
    QJsonObject host;
    QJsonObject exposed, bindings;
    addPortBindings(ports, &exposed, &bindings);
    if (!exposed.isEmpty()) {
        body.insert(QStringLiteral("ExposedPorts"), exposed);
        host.insert(QStringLiteral("PortBindings"), bindings);
    }
    QJsonArray binds;
    QJsonObject anonymous;
    for (const auto &v : volumes) {
        if (v.source.isEmpty())
            anonymous.insert(v.target, QJsonObject());
        else
            binds.append(QString(v.source + QLatin1Char(':') + v.target + (v.readOnly ? QStringLiteral(":ro") : QString())));
    }
    if (!binds.isEmpty())
        host.insert(QStringLiteral("Binds"), binds);
    if (!anonymous.isEmpty())
        body.insert(QStringLiteral("Volumes"), anonymous);
    if (memoryBytes > 0)
        host.insert(QStringLiteral("Memory"), memoryBytes);
    if (nanoCpus > 0)
        host.insert(QStringLiteral("NanoCpus"), nanoCpus);
    if (pidsLimit != 0)
        host.insert(QStringLiteral("PidsLimit"), pidsLimit);
    host.insert(QStringLiteral("RestartPolicy"),
                QJsonObject{{QStringLiteral("Name"), restartPolicy == QLatin1String("no") ? QString() : restartPolicy},
                            {QStringLiteral("MaximumRetryCount"), restartMaxRetries}});
    if (!network.isEmpty())
        host.insert(QStringLiteral("NetworkMode"), network);
    if (autoRemove)
        host.insert(QStringLiteral("AutoRemove"), true);
    if (privileged)
        host.insert(QStringLiteral("Privileged"), true);
    if (!pidMode.isEmpty())
        host.insert(QStringLiteral("PidMode"), pidMode);
    if (!ipcMode.isEmpty())
        host.insert(QStringLiteral("IpcMode"), ipcMode);
    if (!capAdd.isEmpty())
        host.insert(QStringLiteral("CapAdd"), QJsonArray::fromStringList(capAdd));
    if (!devices.isEmpty()) {
        QJsonArray list;
        for (const auto &d : devices) {
            const QStringList parts = d.split(QLatin1Char(':'));
            list.append(QJsonObject{{QStringLiteral("PathOnHost"), parts.value(0)},
                                    {QStringLiteral("PathInContainer"), parts.value(1, parts.value(0))},
                                    {QStringLiteral("CgroupPermissions"), parts.value(2, QStringLiteral("rwm"))}});
        }
        host.insert(QStringLiteral("Devices"), list);
    }
    body.insert(QStringLiteral("HostConfig"), host);
    return body;
}

} // namespace Wharf::Backends
