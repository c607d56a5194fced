#pragma once

#include "http/httptypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Wharf::Backends {

// The engine's JSON message stream (pull, push, build, load, import): one JSON object per line.
class JsonMessageStream
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::JsonMessageStream)

public:
    // Returns the complete messages in data; a line that is not a JSON object sets error().
    QList<QJsonObject> feed(const QByteArray &data);
    // At the end of the stream: a last line without its newline is parsed too.
    QList<QJsonObject> finish();
    Error error() const { return m_error; }

private:
    void parseLine(const QByteArray &line, QList<QJsonObject> &out);
    QByteArray m_buffer;
    Error m_error;
};

// One layer of a pull or push as the engine reports it.
struct LayerProgress
{
    QString id;
    QString status;   // "Downloading", "Extracting", "Pull complete", "Pushed", ...
    qint64 current = 0;
    qint64 total = 0; // 0 when unknown
    bool done = false;
};

// What the messages of one pull, push, build, load or import say so far: per-layer progress,
// the lines for a log, the result (image id, digest) and the error with the step it happened in.
class ProgressTracker
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::ProgressTracker)

public:
    // Applies one message; returns the text lines it adds to the log (status lines and build
    // output), in order.
    QStringList apply(const QJsonObject &message);

    const QList<LayerProgress> &layers() const { return m_layers; }
    bool hasError() const { return !m_error.isEmpty(); }
    // The engine's error, with the build step that failed in front of it when there is one.
    QString errorMessage() const;
    QString imageId() const { return m_imageId; }   // build: aux.ID, import/load: the id
    QString digest() const { return m_digest; }     // push: aux.Digest; pull: "Digest: ..."
    QString lastStep() const { return m_step; }     // build: "Step 2/4 : RUN make"
    QStringList loadedImages() const { return m_loaded; }
    // Bytes done and known total over the layers still moving or done (for one overall bar).
    qint64 currentBytes() const;
    qint64 totalBytes() const;
    int doneLayers() const;
    // One line for a terminal: "3/5 layers  12.0 MB / 40.1 MB".
    QString summary() const;

private:
    LayerProgress &layer(const QString &id);
    QList<LayerProgress> m_layers;
    QString m_error;
    QString m_imageId;
    QString m_digest;
    QString m_step;
    QStringList m_loaded;
};

} // namespace Wharf::Backends
