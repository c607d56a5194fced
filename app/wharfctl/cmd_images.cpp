#include "cli.h"
#include "operations/daemoncalls.h"
#include "tenancy/policygate.h"
#include "terminal.h"

#include "docker/buildcontext.h"
#include "docker/format.h"
#include "docker/imageref.h"
#include "docker/jsonmessages.h"
#include "registries/registrystore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

namespace Wharf::App {

using namespace Backends;
namespace RegistryLogins = Models::RegistryLogins;
using Models::RegistryStore;

namespace {
Error parseKeyValueMap(const QStringList &list, QMap<QString, QString> *out, const QString &what)
{
    for (const auto &kv : list) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "bad %1 \"%2\": use KEY=VALUE").arg(what, kv));
        out->insert(kv.left(eq), kv.mid(eq + 1));
    }
    return {};
}

// "repo:tag" pairs of one /images/json entry; dangling images give one "<none>:<none>" row.
QList<QPair<QString, QString>> repoTags(const QJsonObject &img)
{
    QList<QPair<QString, QString>> out;
    for (const auto &v : img.value(QLatin1String("RepoTags")).toArray()) {
        const QString rt = v.toString();
        if (rt == QLatin1String("<none>:<none>"))
            continue;
        const qsizetype colon = rt.lastIndexOf(QLatin1Char(':'));
        out.append({rt.left(colon), rt.mid(colon + 1)});
    }
    if (out.isEmpty()) {
        QString repo = QStringLiteral("<none>");
        const QJsonArray digests = img.value(QLatin1String("RepoDigests")).toArray();
        if (!digests.isEmpty())
            repo = digests.first().toString().section(QLatin1Char('@'), 0, 0);
        out.append({repo, QStringLiteral("<none>")});
    }
    return out;
}
} // namespace

RegistryStore *Cli::registries()
{
    if (!m_registries) {
        m_registries = new RegistryStore(RegistryStore::defaultFile(), this);
        if (auto e = m_registries->load(); e.isError())
            m_err << QCoreApplication::translate("wharfctl", "Warning: %1").arg(e.message) << Qt::endl;
    }
    return m_registries;
}

void Cli::registryAuthFor(const QString &image, std::function<void(const RegistryAuth &)> then)
{
    const auto ref = ImageRef::parse(image);
    if (!ref)
        return fail(ref.error().message);
    const QString address = registries()->forImage(*ref).serverAddress();
    m_loginHint = ref->isDockerHub() ? QString() : ref->registry;
    if (qEnvironmentVariable("WHARF_KEYCHAIN") == QLatin1String("none"))
        return then(RegistryAuth{address, {}, {}, {}});
    RegistryLogins::read(credentials(), address, [this, address, then](const Expected<RegistryAuth> &auth) {
        if (!auth) {
            // No keychain to ask (a server without a desktop session): go on without a login.
            m_err << QCoreApplication::translate("wharfctl", "Warning: no login for %1 could be read from the keychain (%2); going on without one.")
                         .arg(address, auth.error().message)
                  << Qt::endl;
            return then(RegistryAuth{address, {}, {}, {}});
        }
        then(*auth);
    });
}

void Cli::followProgress(DockerJob *job, bool quiet, std::function<void(const ProgressTracker &)> done)
{
    auto stream = std::make_shared<JsonMessageStream>();
    auto tracker = std::make_shared<ProgressTracker>();
    const bool terminal = stdoutIsTerminal() && !quiet;
    auto shownSummary = std::make_shared<bool>(false);
    auto handle = [this, tracker, quiet, terminal, shownSummary](const QList<QJsonObject> &messages) {
        for (const auto &m : messages) {
            const QStringList lines = tracker->apply(m);
            if (quiet || tracker->hasError())
                continue;
            for (const QString &l : lines) {
                if (terminal && *shownSummary)
                    m_out << "\r\x1b[K";
                *shownSummary = false;
                m_out << l << '\n';
            }
        }
        if (terminal && !tracker->hasError()) {
            const QString s = tracker->summary();
            if (!s.isEmpty()) {
                m_out << "\r\x1b[K" << s;
                *shownSummary = true;
            }
        }
        m_out.flush();
    };
    connect(job, &DockerJob::dataReceived, this, [stream, handle](const QByteArray &d) { handle(stream->feed(d)); });
    connect(job, &DockerJob::finished, this, [this, job, stream, tracker, handle, shownSummary, done] {
        job->deleteLater();
        handle(stream->finish());
        if (*shownSummary)
            m_out << '\n';
        m_out.flush();
        if (job->isError())
            return fail(job->error().message);
        if (tracker->hasError()) {
            QString msg = tracker->errorMessage();
            if (!m_loginHint.isEmpty()
                && (msg.contains(QLatin1String("no basic auth credentials")) || msg.contains(QLatin1String("authentication required"))
                    || msg.contains(QLatin1String("unauthorized")) || msg.contains(QLatin1String("denied"))))
                msg += QLatin1Char(' ') + QCoreApplication::translate("wharfctl", "(log in with: wharfctl login %1)").arg(m_loginHint);
            return fail(msg);
        }
        if (stream->error().isError())
            return fail(stream->error().message);
        done(*tracker);
    });
}

void Cli::cmdImages(const QStringList &a)
{
    FlagParser f = flagsOf("images");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    Filters filters;
    if (auto e = parseFilters(f.values(QStringLiteral("-f")), &filters); e.isError())
        return failUsage(e.message);
    // `images NAME` lists that repository, like docker.
    if (!f.positional().isEmpty())
        filters[QStringLiteral("reference")] << f.positional().first();
    const bool quiet = f.isSet(QStringLiteral("-q"));
    const bool noTrunc = f.isSet(QStringLiteral("--no-trunc"));
    call(m_client->listImages(f.isSet(QStringLiteral("-a")), filters), [this, quiet, noTrunc](DockerJob *job) {
        QJsonArray images = job->json().array();
        // Newest first, as docker lists them.
        QList<QJsonObject> list;
        for (const auto &v : images)
            list << v.toObject();
        std::stable_sort(list.begin(), list.end(), [](const QJsonObject &x, const QJsonObject &y) {
            return x.value(QLatin1String("Created")).toDouble() > y.value(QLatin1String("Created")).toDouble();
        });
        if (m_json) {
            QByteArray out("[");
            bool first = true;
            for (const auto &img : list) {
                for (const auto &[repo, tag] : repoTags(img)) {
                    out += first ? "\n  {" : ",\n  {";
                    first = false;
                    out += "\"repository\":";
                    appendJsonString(out, repo);
                    out += ",\"tag\":";
                    appendJsonString(out, tag);
                    out += ",\"id\":";
                    appendJsonValue(out, img.value(QLatin1String("Id")));
                    out += ",\"created\":";
                    appendJsonValue(out, img.value(QLatin1String("Created")));
                    out += ",\"size\":";
                    appendJsonValue(out, img.value(QLatin1String("Size")));
                    out += ",\"digests\":";
                    appendJsonValue(out, img.value(QLatin1String("RepoDigests")));
                    out += ",\"labels\":";
                    appendJsonValue(out, img.value(QLatin1String("Labels")));
                    out += ",\"containers\":";
                    appendJsonValue(out, img.value(QLatin1String("Containers")));
                    out += '}';
                }
            }
            out += first ? "]\n" : "\n]\n";
            writeRaw(out);
            return finish(0);
        }
        if (quiet) {
            QStringList seen;
            for (const auto &img : list) {
                const QString id = img.value(QLatin1String("Id")).toString();
                const QString shown = noTrunc ? id : shortId(id);
                if (!seen.contains(shown)) {
                    seen << shown;
                    m_out << shown << '\n';
                }
            }
            return finish(0);
        }
        QList<QStringList> rows;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const auto &img : list) {
            const QString id = img.value(QLatin1String("Id")).toString();
            for (const auto &[repo, tag] : repoTags(img))
                rows << QStringList{repo, tag, noTrunc ? id : shortId(id),
                                    formatAge(qint64(img.value(QLatin1String("Created")).toDouble()), now),
                                    formatSize(img.value(QLatin1String("Size")).toDouble())};
        }
        printTable({QStringLiteral("REPOSITORY"), QStringLiteral("TAG"), QStringLiteral("IMAGE ID"), QStringLiteral("CREATED"),
                    QStringLiteral("SIZE")},
                   rows);
        finish(0);
    });
}

void Cli::cmdImage(const QStringList &all)
{
    const QString sub = all.value(0);
    const QStringList a = all.mid(1);
    if (sub == QLatin1String("ls") || sub == QLatin1String("list"))
        return cmdImages(a);
    if (sub == QLatin1String("pull"))
        return cmdPull(a);
    if (sub == QLatin1String("push"))
        return cmdPush(a);
    if (sub == QLatin1String("tag"))
        return cmdTag(a);
    if (sub == QLatin1String("rm"))
        return cmdRmi(a);
    if (sub == QLatin1String("history"))
        return cmdHistory(a);
    if (sub == QLatin1String("save"))
        return cmdSave(a);
    if (sub == QLatin1String("load"))
        return cmdLoad(a);
    if (sub == QLatin1String("import"))
        return cmdImport(a);
    if (sub == QLatin1String("build"))
        return cmdBuild(a);
    if (sub == QLatin1String("inspect"))
        return cmdInspect(QStringList{QStringLiteral("--type"), QStringLiteral("image")} + a);
    if (sub == QLatin1String("prune")) {
        FlagParser f = flagsOf("image");
        if (auto e = f.parse(a); e.isError())
            return failUsage(e.message);
        if (!f.isSet(QStringLiteral("-f")))
            return failUsage(f.isSet(QStringLiteral("-a")) ? QCoreApplication::translate("wharfctl", "this removes every image without a container; add -f to go ahead")
                                                           : QCoreApplication::translate("wharfctl", "this removes every dangling image; add -f to go ahead"));
        Filters filters;
        if (auto e = parseFilters(f.values(QStringLiteral("--filter")), &filters); e.isError())
            return failUsage(e.message);
        return operate(Models::Request::admin(QStringLiteral("image"), QStringLiteral("prune"), f.isSet(QStringLiteral("-a")) ? QStringLiteral("unused") : QStringLiteral("dangling")),
                       Models::Calls::pruneImages(m_client, f.isSet(QStringLiteral("-a")), filters), [this](const Models::Outcome &outcome) {
            const QJsonObject o = outcome.job->json().object();
            if (m_json) {
                printJson(o);
                return finish(0);
            }
            const QJsonArray deleted = o.value(QLatin1String("ImagesDeleted")).toArray();
            if (!deleted.isEmpty()) {
                m_out << QCoreApplication::translate("wharfctl", "Deleted Images:") << '\n';
                for (const auto &v : deleted) {
                    const QJsonObject d = v.toObject();
                    if (d.contains(QLatin1String("Untagged")))
                        m_out << "untagged: " << d.value(QLatin1String("Untagged")).toString() << '\n';
                    if (d.contains(QLatin1String("Deleted")))
                        m_out << "deleted: " << d.value(QLatin1String("Deleted")).toString() << '\n';
                }
                m_out << '\n';
            }
            m_out << QCoreApplication::translate("wharfctl", "Total reclaimed space: %1").arg(formatSize(o.value(QLatin1String("SpaceReclaimed")).toDouble())) << '\n';
            finish(0);
        });
    }
    failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl image ls|pull|push|tag|rm|prune|inspect|history|save|load|import|build ..."));
}

void Cli::cmdPull(const QStringList &a)
{
    FlagParser f = flagsOf("pull");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl pull [-q] [--platform P] NAME[:TAG|@DIGEST]"));
    const auto ref = ImageRef::parse(f.positional().first());
    if (!ref)
        return failUsage(ref.error().message);
    const QString name = ref->toString();
    const bool quiet = f.isSet(QStringLiteral("-q"));
    const QString platform = f.value(QStringLiteral("--platform"));
    registryAuthFor(name, [this, name, quiet, platform](const RegistryAuth &auth) {
        operateStream(Models::Request::host(QStringLiteral("image"), QStringLiteral("pull"), name), Models::Calls::pullImage(m_client, name, auth, platform), quiet,
                      [this, name, quiet](const ProgressTracker &) {
            if (quiet)
                m_out << name << '\n';
            finish(0);
        });
    });
}

void Cli::cmdPush(const QStringList &a)
{
    FlagParser f = flagsOf("push");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl push [-q] NAME[:TAG]"));
    const auto ref = ImageRef::parse(f.positional().first());
    if (!ref)
        return failUsage(ref.error().message);
    if (!ref->digest.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "push takes a tag, not a digest"));
    const QString name = ref->familiarName();
    const QString tag = ref->tag;
    const bool quiet = f.isSet(QStringLiteral("-q"));
    const QString full = ref->toString();
    registryAuthFor(full, [this, name, tag, quiet, full](const RegistryAuth &auth) {
        operateStream(Models::Request::admin(QStringLiteral("image"), QStringLiteral("push"), full), Models::Calls::pushImage(m_client, name, tag, auth), quiet,
                      [this, name, tag, quiet](const ProgressTracker &t) {
            if (quiet)
                m_out << name << ':' << tag << (t.digest().isEmpty() ? QString() : QLatin1Char('@') + t.digest()) << '\n';
            finish(0);
        });
    });
}

void Cli::cmdTag(const QStringList &a)
{
    if (a.size() != 2)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl tag SOURCE[:TAG] TARGET[:TAG]"));
    const auto target = ImageRef::parse(a[1]);
    if (!target)
        return failUsage(target.error().message);
    if (!target->digest.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "a tag cannot be a digest"));
    operate(Models::Request::admin(QStringLiteral("image"), QStringLiteral("tag"), a[0] + QLatin1Char(' ') + a[1]),
            Models::Calls::tagImage(m_client, a[0], target->familiarName(), target->tag), [this](const Models::Outcome &) { finish(0); });
}

void Cli::cmdRmi(const QStringList &a)
{
    FlagParser f = flagsOf("rmi");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const bool force = f.isSet(QStringLiteral("-f"));
    const bool noPrune = f.isSet(QStringLiteral("--no-prune"));
    forEachOp(f.positional(), [](const QString &n) { return Models::Request::admin(QStringLiteral("image"), QStringLiteral("remove"), n); },
              [this, force, noPrune](const QString &n) { return Models::Calls::removeImage(m_client, n, force, noPrune); },
              [this](const QString &, const Models::Outcome &outcome) {
                for (const auto &v : outcome.job->json().array()) {
                    const QJsonObject o = v.toObject();
                    if (o.contains(QLatin1String("Untagged")))
                        m_out << "Untagged: " << o.value(QLatin1String("Untagged")).toString() << '\n';
                    if (o.contains(QLatin1String("Deleted")))
                        m_out << "Deleted: " << o.value(QLatin1String("Deleted")).toString() << '\n';
                }
                m_out.flush();
            });
}

void Cli::cmdHistory(const QStringList &a)
{
    FlagParser f = flagsOf("history");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl history [--no-trunc] IMAGE"));
    const bool noTrunc = f.isSet(QStringLiteral("--no-trunc"));
    const bool quiet = f.isSet(QStringLiteral("-q"));
    call(m_client->imageHistory(f.positional().first()), [this, noTrunc, quiet](DockerJob *job) {
        const QJsonArray layers = job->json().array();
        if (m_json) {
            printJson(layers);
            return finish(0);
        }
        QList<QStringList> rows;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const auto &v : layers) {
            const QJsonObject o = v.toObject();
            QString id = o.value(QLatin1String("Id")).toString();
            id = id == QLatin1String("<missing>") ? id : (noTrunc ? id : shortId(id));
            if (quiet) {
                m_out << id << '\n';
                continue;
            }
            QString by = o.value(QLatin1String("CreatedBy")).toString().simplified();
            if (!noTrunc && by.size() > 45)
                by = by.left(44) + QStringLiteral("…");
            rows << QStringList{id, formatAge(qint64(o.value(QLatin1String("Created")).toDouble()), now), by,
                                formatSize(o.value(QLatin1String("Size")).toDouble()), o.value(QLatin1String("Comment")).toString()};
        }
        if (!quiet)
            printTable({QStringLiteral("IMAGE"), QStringLiteral("CREATED"), QStringLiteral("CREATED BY"), QStringLiteral("SIZE"),
                        QStringLiteral("COMMENT")},
                       rows);
        finish(0);
    });
}

void Cli::cmdSave(const QStringList &a)
{
    FlagParser f = flagsOf("save");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl save -o FILE IMAGE..."));
    const QString path = f.value(QStringLiteral("-o"));
    std::shared_ptr<QFileDevice> file;
    if (path.isEmpty()) {
        if (stdoutIsTerminal())
            return failUsage(QCoreApplication::translate("wharfctl", "refusing to write a tar to the terminal: give -o FILE or redirect the output"));
        auto out = std::make_shared<QFile>();
        if (!out->open(stdout, QIODevice::WriteOnly))
            return fail(QCoreApplication::translate("wharfctl", "cannot write to the standard output"));
        file = out;
    } else {
        auto out = std::make_shared<QSaveFile>(path);
        if (!out->open(QIODevice::WriteOnly))
            return fail(QCoreApplication::translate("wharfctl", "cannot write %1: %2").arg(path, out->errorString()));
        file = out;
    }
    DockerJob *job = m_client->saveImages(f.positional());
    auto writeError = std::make_shared<QString>();
    connect(job, &DockerJob::dataReceived, this, [file, writeError, job](const QByteArray &d) {
        if (writeError->isEmpty() && file->write(d) != d.size()) {
            *writeError = file->errorString();
            job->abort();
        }
    });
    connect(job, &DockerJob::finished, this, [this, job, file, path, writeError] {
        job->deleteLater();
        if (!writeError->isEmpty())
            return fail(QCoreApplication::translate("wharfctl", "cannot write %1: %2").arg(path.isEmpty() ? QStringLiteral("-") : path, *writeError));
        if (job->isError())
            return fail(job->error().message); // a QSaveFile that is not committed leaves nothing behind
        if (auto *sf = dynamic_cast<QSaveFile *>(file.get())) {
            if (!sf->commit())
                return fail(QCoreApplication::translate("wharfctl", "cannot write %1: %2").arg(path, sf->errorString()));
        } else {
            file->flush();
        }
        finish(0);
    });
}

void Cli::cmdLoad(const QStringList &a)
{
    FlagParser f = flagsOf("load");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const QString path = f.value(QStringLiteral("-i"));
    QFile in;
    if (path.isEmpty()) {
        if (stdinIsTerminal())
            return failUsage(QCoreApplication::translate("wharfctl", "give -i FILE or send the tar on the standard input"));
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("wharfctl", "cannot read the standard input"));
    } else {
        in.setFileName(path);
        if (!in.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("wharfctl", "cannot read %1: %2").arg(path, in.errorString()));
    }
    const QByteArray tar = in.readAll();
    if (tar.size() < 512)
        return fail(QCoreApplication::translate("wharfctl", "%1 is not a tar archive of images (docker save makes them)").arg(path.isEmpty() ? QStringLiteral("-") : path));
    const bool quiet = f.isSet(QStringLiteral("-q"));
    operateStream(Models::Request::admin(QStringLiteral("image"), QStringLiteral("load"), path.isEmpty() ? QStringLiteral("-") : QFileInfo(path).fileName()),
                  Models::Calls::loadImages(m_client, tar), true, [this, quiet](const ProgressTracker &t) {
        if (t.loadedImages().isEmpty())
            return fail(QCoreApplication::translate("wharfctl", "the daemon loaded no image from this archive"));
        for (const QString &i : t.loadedImages())
            m_out << (quiet ? i : QCoreApplication::translate("wharfctl", "Loaded image: %1").arg(i)) << '\n';
        finish(0);
    });
}

void Cli::cmdImport(const QStringList &a)
{
    FlagParser f = flagsOf("import");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    if (pos.isEmpty() || pos.size() > 2)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl import [-c CHANGE] [-m MESSAGE] FILE|-|URL [REPOSITORY[:TAG]]"));
    QString repo, tag;
    if (pos.size() == 2) {
        const auto ref = ImageRef::parse(pos[1]);
        if (!ref)
            return failUsage(ref.error().message);
        repo = ref->familiarName();
        tag = ref->tag;
    }
    const QString src = pos[0];
    QByteArray tar;
    QString url;
    if (src.startsWith(QLatin1String("http://")) || src.startsWith(QLatin1String("https://"))) {
        url = src;
    } else {
        QFile in;
        if (src == QLatin1String("-")) {
            if (!in.open(stdin, QIODevice::ReadOnly))
                return fail(QCoreApplication::translate("wharfctl", "cannot read the standard input"));
        } else {
            in.setFileName(src);
            if (!in.open(QIODevice::ReadOnly))
                return fail(QCoreApplication::translate("wharfctl", "cannot read %1: %2").arg(src, in.errorString()));
        }
        tar = in.readAll();
        if (tar.size() < 512)
            return fail(QCoreApplication::translate("wharfctl", "%1 is not a tar archive of a root file system").arg(src));
    }
    Models::Request import = Models::Request::host(QStringLiteral("image"), QStringLiteral("import"), src);
    if (!url.isEmpty())
        import.remoteSource = url; // tenants may not have the daemon fetch it
    if (!repo.isEmpty())
        import.imageNames << repo + (tag.isEmpty() ? QString() : QLatin1Char(':') + tag);
    const QStringList changes = f.values(QStringLiteral("-c"));
    const QString message = f.value(QStringLiteral("-m"));
    operateStream(import, Models::Calls::importImage(m_client, tar, repo, tag, changes, message, url), true,
                   [this](const ProgressTracker &t) {
                       m_out << t.imageId() << '\n';
                       finish(0);
                   });
}

void Cli::cmdBuild(const QStringList &a)
{
    FlagParser f = flagsOf("build");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() != 1)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl build [-t NAME:TAG] [-f FILE] [--build-arg K=V] [--target T] [--no-cache] [--pull] "
                             "FOLDER|GIT-URL"));
    BuildOptions o;
    for (const QString &t : f.values(QStringLiteral("-t"))) {
        const auto ref = ImageRef::parse(t);
        if (!ref)
            return failUsage(ref.error().message);
        o.tags << ref->toString();
    }
    if (auto e = parseKeyValueMap(f.values(QStringLiteral("--build-arg")), &o.buildArgs, QStringLiteral("build argument")); e.isError())
        return failUsage(e.message);
    if (auto e = parseKeyValueMap(f.values(QStringLiteral("--label")), &o.labels, QStringLiteral("label")); e.isError())
        return failUsage(e.message);
    o.target = f.value(QStringLiteral("--target"));
    o.platform = f.value(QStringLiteral("--platform"));
    o.noCache = f.isSet(QStringLiteral("--no-cache"));
    o.pull = f.isSet(QStringLiteral("--pull"));
    const bool quiet = f.isSet(QStringLiteral("-q"));
    const QString context = f.positional().first();
    Backends::PackedContext packed;
    const bool remote = context.startsWith(QLatin1String("git://")) || context.startsWith(QLatin1String("git@"))
        || context.startsWith(QLatin1String("http://")) || context.startsWith(QLatin1String("https://"));
    if (remote) {
        o.remote = context; // the operation refuses it to tenants
        o.dockerfile = f.value(QStringLiteral("-f"));
    } else {
        // into a temporary file, sent from there: memory stays flat for a context of any size
        auto file = BuildContext::packToFile(context, f.value(QStringLiteral("-f")));
        if (!file)
            return fail(file.error().message);
        packed = *file;
        o.dockerfile = packed.stats.dockerfile;
        if (!quiet)
            m_err << QCoreApplication::translate("wharfctl", "Sending build context: %1 in %2 files (%3 left out by .dockerignore)")
                         .arg(formatSize(double(packed.size)))
                         .arg(packed.stats.files)
                         .arg(packed.stats.excluded)
                  << Qt::endl;
    }
    Models::Request build = Models::Request::host(QStringLiteral("image"), QStringLiteral("build"), o.tags.isEmpty() ? context : o.tags.join(QLatin1Char(' ')));
    if (remote)
        build.remoteSource = context;
    build.imageNames = o.tags;
    auto start = [this, packed, o, quiet, build](const QList<RegistryAuth> &auths) {
        operateStream(build, Models::Calls::buildImage(m_client, packed.archive, packed.size, o, auths), quiet, [this, quiet](const ProgressTracker &t) {
            if (quiet)
                m_out << t.imageId() << '\n';
            finish(0);
        });
    };
    // The logins of the registries the build may pull from go along (X-Registry-Config).
    buildLogins(remote ? QByteArray() : BuildContext::readDockerfile(context, f.value(QStringLiteral("-f"))), start);
}

void Cli::buildLogins(const QByteArray &dockerfile, std::function<void(const QList<RegistryAuth> &)> then)
{
    // with no keychain the build goes on without them
    if (qEnvironmentVariable("WHARF_KEYCHAIN") == QLatin1String("none"))
        return then({});
    RegistryLogins::forBuild(credentials(), registries(), dockerfile, std::move(then));
}

} // namespace Wharf::App
