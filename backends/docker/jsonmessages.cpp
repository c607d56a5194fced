#include "jsonmessages.h"

#include "format.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace Wharf::Backends {

void JsonMessageStream::parseLine(const QByteArray &raw, QList<QJsonObject> &out)
{
    const QByteArray line = raw.trimmed();
    if (line.isEmpty())
        return;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (!m_error.isError())
            m_error = Error::make(Error::Protocol, tr("The daemon sent a progress message that is not JSON: %1")
                                                       .arg(QString::fromUtf8(line.left(120))));
        return;
    }
    out.append(doc.object());
}

QList<QJsonObject> JsonMessageStream::feed(const QByteArray &data)
{
    QList<QJsonObject> out;
    m_buffer += data;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        parseLine(m_buffer.mid(start, nl - start), out);
        start = nl + 1;
    }
    m_buffer.remove(0, start);
    return out;
}

QList<QJsonObject> JsonMessageStream::finish()
{
    QList<QJsonObject> out;
    parseLine(m_buffer, out);
    m_buffer.clear();
    return out;
}

LayerProgress &ProgressTracker::layer(const QString &id)
{
    for (auto &l : m_layers)
        if (l.id == id)
            return l;
    m_layers.append(LayerProgress{id, {}, 0, 0, false});
    return m_layers.last();
}

QStringList ProgressTracker::apply(const QJsonObject &m)
{
    QStringList lines;
    const QJsonObject detail = m.value(QLatin1String("errorDetail")).toObject();
    QString error = detail.value(QLatin1String("message")).toString();
    if (error.isEmpty())
        error = m.value(QLatin1String("error")).toString();
    if (!error.isEmpty()) {
        m_error = error.trimmed();
        lines << m_error;
        return lines;
    }
    const QJsonObject aux = m.value(QLatin1String("aux")).toObject();
    if (!aux.isEmpty()) {
        if (aux.contains(QLatin1String("ID")))
            m_imageId = aux.value(QLatin1String("ID")).toString();
        if (aux.contains(QLatin1String("Digest")))
            m_digest = aux.value(QLatin1String("Digest")).toString();
    }
    const QString stream = m.value(QLatin1String("stream")).toString();
    if (!stream.isEmpty()) {
        for (const QString &l : stream.split(QLatin1Char('\n'))) {
            const QString line = l.trimmed();
            if (line.isEmpty())
                continue;
            if (line.startsWith(QLatin1String("Step ")))
                m_step = line;
            if (line.startsWith(QLatin1String("Loaded image: ")))
                m_loaded << line.mid(14);
            else if (line.startsWith(QLatin1String("Loaded image ID: ")))
                m_loaded << line.mid(17);
            if (line.startsWith(QLatin1String("Successfully built ")) && m_imageId.isEmpty())
                m_imageId = line.mid(19);
            lines << l;
        }
        return lines;
    }
    const QString status = m.value(QLatin1String("status")).toString();
    const QString id = m.value(QLatin1String("id")).toString();
    if (status.isEmpty())
        return lines;
    const QJsonObject pd = m.value(QLatin1String("progressDetail")).toObject();
    // Layer ids are 12 hex digits; a pull's first line carries the tag as its id.
    static const QRegularExpression layerId(QStringLiteral("^[0-9a-f]{12}$"));
    const bool isLayer = layerId.match(id).hasMatch();
    if (isLayer) {
        LayerProgress &l = layer(id);
        const bool changed = l.status != status;
        l.status = status;
        if (pd.contains(QLatin1String("current"))) {
            l.current = qint64(pd.value(QLatin1String("current")).toDouble());
            l.total = qint64(pd.value(QLatin1String("total")).toDouble());
        }
        l.done = status == QLatin1String("Pull complete") || status == QLatin1String("Already exists")
            || status == QLatin1String("Pushed") || status == QLatin1String("Layer already exists")
            || status.startsWith(QLatin1String("Mounted from"));
        if (l.done && l.total > 0)
            l.current = l.total;
        if (changed && pd.isEmpty())
            lines << id + QLatin1String(": ") + status;
        return lines;
    }
    if (status.startsWith(QLatin1String("Digest: ")))
        m_digest = status.mid(8).trimmed();
    else if (status.startsWith(QLatin1String("sha256:")) && m_imageId.isEmpty())
        m_imageId = status.trimmed(); // import
    const qsizetype dig = status.indexOf(QLatin1String(": digest: "));
    if (dig > 0)
        m_digest = status.mid(dig + 10).section(QLatin1Char(' '), 0, 0);
    lines << (id.isEmpty() ? status : id + QLatin1String(": ") + status);
    return lines;
}

QString ProgressTracker::errorMessage() const
{
    if (m_error.isEmpty())
        return {};
    if (!m_step.isEmpty() && !m_error.contains(m_step))
        return tr("%1 failed: %2").arg(m_step, m_error);
    return m_error;
}

qint64 ProgressTracker::currentBytes() const
{
    qint64 n = 0;
    for (const auto &l : m_layers)
        n += l.current;
    return n;
}

qint64 ProgressTracker::totalBytes() const
{
    qint64 n = 0;
    for (const auto &l : m_layers)
        n += l.total;
    return n;
}

int ProgressTracker::doneLayers() const
{
    int n = 0;
    for (const auto &l : m_layers)
        n += l.done ? 1 : 0;
    return n;
}

QString ProgressTracker::summary() const
{
    if (m_layers.isEmpty())
        return {};
    QString s = tr("%1/%2 layers").arg(doneLayers()).arg(m_layers.size());
    if (totalBytes() > 0)
        s += QLatin1String("  ") + formatSize(double(currentBytes())) + QLatin1String(" / ") + formatSize(double(totalBytes()));
    return s;
}

} // namespace Wharf::Backends
