#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Wharf::Backends {

// Text forms shared by the console and wharfctl, the way `docker ps` writes them.
QString formatPorts(const QJsonArray &ports);           // from GET /containers/json
QString containerName(const QJsonObject &listEntry);    // first name, without the slash
QString formatBytes(double bytes);                      // 1.5MiB
QString formatAge(qint64 secondsSinceEpoch, qint64 nowSeconds); // "5 minutes ago"

// Appends s as a quoted JSON string (UTF-8). For writers that stream large outputs without
// building a QJsonDocument first.
void appendJsonString(QByteArray &out, QStringView s);
// Appends a JSON value taken from a parsed document (strings, numbers, booleans, null, and
// objects/arrays of those).
void appendJsonValue(QByteArray &out, const QJsonValue &v);

} // namespace Wharf::Backends
