#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Wharf::Backends {

// Text forms shared by the console and wharfctl, the way `docker ps` writes them.
QString formatPorts(const QJsonArray &ports);           // from GET /containers/json
QString containerName(const QJsonObject &listEntry);    // first name, without the slash
QString formatBytes(double bytes);                      // 1.5MiB
// One CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
QString csvField(const QString &text);
// Decimal sizes with three significant digits, as `docker images` writes them: 4.26MB, 131kB.
QString formatSize(double bytes);
QString formatAge(qint64 secondsSinceEpoch, qint64 nowSeconds); // "5 minutes ago"

// The container status the daemon writes ("Up 5 minutes (healthy)", "Exited (3) 2 hours ago")
// split so that it can be kept current: the moment it counts from and the words around it.
struct ContainerStatus
{
    enum Kind { Other, Up, Exited };
    Kind kind = Other;
    qint64 sinceMs = 0;  // ms since the epoch, estimated from the duration in the text
    int exitCode = 0;
    QString suffix;      // " (healthy)", " (Paused)"
    QString text;        // as received
    static ContainerStatus parse(const QString &status, qint64 nowMs);
    // The daemon's words for the state now (English, as the daemon and `docker ps` write it).
    QString textAt(qint64 nowMs) const;
    // The same in the interface language (for the console).
    QString displayTextAt(qint64 nowMs) const;
};
// Docker's human durations: "Less than a second", "5 minutes", "About an hour", "3 days".
QString humanDuration(qint64 seconds);
// The inverse, for the daemon's texts: the lower bound in seconds, or -1.
qint64 parseHumanDuration(const QString &text);

// Appends s as a quoted JSON string (UTF-8). For writers that stream large outputs without
// building a QJsonDocument first.
void appendJsonString(QByteArray &out, QStringView s);
// Appends a JSON value taken from a parsed document (strings, numbers, booleans, null, and
// objects/arrays of those).
void appendJsonValue(QByteArray &out, const QJsonValue &v);

} // namespace Wharf::Backends
