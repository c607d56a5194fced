#include "cli.h"
#include "operations/daemoncalls.h"
#include "docker/containerspec.h"
#include "docker/execspec.h"
#include "docker/tar.h"
#include "terminal.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

#include <cstdio>

namespace Wharf::App {

using namespace Backends;


void Cli::cmdExec(const QStringList &a)
{
    FlagParser f = flagsOf("exec");
    if (auto e = f.parse(a, true); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    if (pos.size() < 2)
        return failUsage(tr("usage: wharfctl exec [OPTIONS] CONTAINER COMMAND [ARG...]"));
    if (!checkOwned({pos.first()}))
        return;
    const bool interactive = f.isSet(QStringLiteral("-i"));
    const bool tty = f.isSet(QStringLiteral("-t"));
    ExecSpec spec;
    spec.command = pos.mid(1);
    spec.interactive = interactive;
    spec.tty = tty;
    spec.env = f.values(QStringLiteral("-e"));
    spec.workingDir = f.value(QStringLiteral("-w"));
    spec.user = f.value(QStringLiteral("-u"));
    if (auto err = spec.check(); err.isError())
        return failUsage(err.message);
    // The command, not what is typed into it, goes into the audit log.
    Models::Request exec = Models::Request::act(QStringLiteral("container"), QStringLiteral("exec"), pos.join(QLatin1Char(' '))).on(pos[0]);
    exec.body = spec.toCreateBody();
    operate(exec, Models::Calls::execCreate(m_client, pos[0]), [this, interactive, tty](const Models::Outcome &o) {
        const QString execId = o.id;
        DockerJob *stream = m_client->execStart(execId, tty);
        pipeOutput(stream, tty);
        auto raw = std::make_shared<std::unique_ptr<RawModeGuard>>();
        connect(stream, &DockerJob::started, this, [this, stream, interactive, tty, execId, raw] {
            if (tty) {
                int rows = 0, cols = 0;
                if (terminalSize(&rows, &cols))
                    call(m_client->execResize(execId, rows, cols), [](DockerJob *) {});
                if (interactive)
                    *raw = std::make_unique<RawModeGuard>();
            }
            if (interactive) {
                // Not parented: it may still sit in a blocking read when the process exits, and
                // nothing must wait for it.
                auto *reader = new StdinReader;
                connect(reader, &StdinReader::data, stream, &DockerJob::write);
                connect(reader, &StdinReader::eof, stream, [stream] { stream->closeWrite(); });
                reader->start();
            }
        });
        connect(stream, &DockerJob::finished, this, [this, stream, execId, raw] {
            stream->deleteLater();
            raw->reset();
            if (stream->isError() && stream->error().kind != Error::Canceled)
                return fail(stream->error().message);
            call(m_client->execInspect(execId), [this](DockerJob *ij) {
                finish(ij->json().object().value(QLatin1String("ExitCode")).toInt(126));
            });
        });
    });
}

static bool splitContainerPath(const QString &arg, QString *container, QString *path)
{
    // CONTAINER:PATH; a local path with a colon must start with / or . to be read as local.
    if (arg.startsWith(QLatin1Char('/')) || arg.startsWith(QLatin1Char('.')))
        return false;
    const int colon = arg.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    *container = arg.left(colon);
    *path = arg.mid(colon + 1);
    return true;
}

void Cli::cmdCp(const QStringList &a)
{
    if (a.size() != 2)
        return failUsage(tr("usage: wharfctl cp CONTAINER:SRC DEST | SRC CONTAINER:DEST"));
    QString srcContainer, srcPath, dstContainer, dstPath;
    const bool fromContainer = splitContainerPath(a[0], &srcContainer, &srcPath);
    const bool toContainer = splitContainerPath(a[1], &dstContainer, &dstPath);
    if (fromContainer == toContainer)
        return failUsage(tr("copying needs exactly one side in a container (CONTAINER:PATH)"));
    if (fromContainer) {
        if (srcPath.isEmpty())
            return failUsage(tr("the path in the container is empty"));
        const QString dest = a[1];
        call(m_client->archiveGet(srcContainer, srcPath), [this, dest](DockerJob *job) {
            if (dest == QLatin1String("-")) {
                const QByteArray b = job->body();
                std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
                return finish(0);
            }
            auto entries = Tar::read(job->body());
            if (!entries)
                return fail(entries.error().message);
            if (entries->isEmpty())
                return fail(tr("The container sent an empty archive."));
            const QFileInfo di(dest);
            Error e;
            int skipped = 0;
            if (di.isDir()) {
                e = Tar::unpack(*entries, dest, {}, &skipped);
            } else if (entries->first().type == TarEntry::Directory || entries->size() > 1) {
                if (di.exists())
                    return fail(tr("Cannot copy a folder onto the file %1.").arg(dest));
                if (!di.absoluteDir().exists())
                    return fail(tr("The folder %1 does not exist.").arg(di.absolutePath()));
                e = Tar::unpack(*entries, di.absolutePath(), di.fileName(), &skipped);
            } else {
                if (!di.absoluteDir().exists())
                    return fail(tr("The folder %1 does not exist.").arg(di.absolutePath()));
                e = Tar::unpack(*entries, di.absolutePath(), di.fileName(), &skipped);
            }
            if (e.isError())
                return fail(e.message);
            if (skipped > 0)
                err() << tr("WARNING: %n special file(s) (devices, FIFOs, sockets) were not copied.", nullptr, skipped) << Qt::endl;
            finish(0);
        });
        return;
    }
    const QString src = a[0];
    const QFileInfo si(src);
    if (!si.exists())
        return fail(tr("%1 does not exist.").arg(src));
    // Is the destination an existing folder in the container? HEAD .../archive answers with a stat.
    const QString container = dstContainer;
    Query q;
    q.addQueryItem(QStringLiteral("path"), dstPath);
    DockerJob *stat = m_client->send("HEAD", QStringLiteral("/containers/%1/archive").arg(container), q, {}, {},
                                     HttpJob::Buffered, 30000);
    connect(stat, &DockerJob::finished, this, [this, stat, si, container, dstPath] {
        stat->deleteLater();
        QString targetDir = dstPath;
        QString topName = si.fileName();
        if (stat->isError()) {
            if (stat->statusCode() != 404)
                return fail(stat->error().message.isEmpty() ? tr("No such container: %1").arg(container) : stat->error().message);
            // A new name: put it into the parent folder under that name.
            const int slash = dstPath.lastIndexOf(QLatin1Char('/'));
            targetDir = slash <= 0 ? QStringLiteral("/") : dstPath.left(slash);
            topName = dstPath.mid(slash + 1);
        } else {
            const QByteArray statHeader = stat->http()->headers().value("X-Docker-Container-Path-Stat");
            const QJsonObject st = QJsonDocument::fromJson(QByteArray::fromBase64(statHeader)).object();
            const quint32 mode = quint32(st.value(QLatin1String("mode")).toDouble());
            const bool isDir = mode & (1u << 31);
            if (!isDir) {
                const int slash = dstPath.lastIndexOf(QLatin1Char('/'));
                targetDir = slash <= 0 ? QStringLiteral("/") : dstPath.left(slash);
                topName = dstPath.mid(slash + 1);
            }
        }
        auto tar = Tar::packPath(si.filePath(), topName);
        if (!tar)
            return fail(tar.error().message);
        operate(Models::Request::act(QStringLiteral("container"), QStringLiteral("cp"), container).on(container),
                Models::Calls::archivePut(m_client, container, targetDir, *tar), [this](const Models::Outcome &) { finish(0); });
    });
}

} // namespace Wharf::App
