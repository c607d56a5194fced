// The registry browser with a big registry: R repositories × T tags on Debian's docker-registry
// on loopback. The registry is filled through its own API (blobs mounted from one pushed image,
// manifests put under every tag), then the console's registry page is timed, offscreen, from
// choosing the registry to the list of repositories, and from choosing a repository to its tags
// with digest, size, created and platform filled in; and the longest GUI-thread stall meanwhile.
// Run by tests/bench/run.sh.
//
//   bench_registry HOST:PORT BASE-REPO REPOS TAGS
#include "hosts/hostregistry.h"
#include "hosts/hoststore.h"
#include "registries/registriespage.h"
#include "registries/registrystore.h"
#include "stallmeter.h"
#include "tasks/taskmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Wharf;

static QByteArray get(QNetworkAccessManager &nam, const QUrl &url, QByteArray *digest = nullptr)
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/vnd.docker.distribution.manifest.v2+json");
    QNetworkReply *r = nam.get(req);
    QSignalSpy done(r, &QNetworkReply::finished);
    done.wait(30000);
    if (digest)
        *digest = r->rawHeader("Docker-Content-Digest");
    const QByteArray body = r->readAll();
    r->deleteLater();
    return body;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: bench_registry HOST:PORT BASE-REPO REPOS TAGS\n");
        return 2;
    }
    const QString address = args[1], base = args[2];
    const int repos = args[3].toInt(), tagsPerRepo = args[4].toInt();
    const QUrl root(QStringLiteral("http://") + address);
    QNetworkAccessManager nam;

    // Fill: every repository mounts the base image's blobs and gets the manifest under T tags.
    const QByteArray manifest = get(nam, root.resolved(QUrl(QStringLiteral("/v2/%1/manifests/1").arg(base))));
    const QJsonObject m = QJsonDocument::fromJson(manifest).object();
    QStringList blobs{m.value(QLatin1String("config")).toObject().value(QLatin1String("digest")).toString()};
    for (const auto &l : m.value(QLatin1String("layers")).toArray())
        blobs << l.toObject().value(QLatin1String("digest")).toString();
    if (blobs.first().isEmpty()) {
        std::fprintf(stderr, "no manifest for %s:1 in %s\n", qPrintable(base), qPrintable(address));
        return 1;
    }
    QElapsedTimer fill;
    fill.start();
    int pending = 0, failures = 0;
    auto send = [&](QNetworkReply *r) {
        ++pending;
        QObject::connect(r, &QNetworkReply::finished, r, [&, r] {
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 300 && ++failures == 1)
                std::fprintf(stderr, "%s %s: %d %s\n", r->operation() == QNetworkAccessManager::PutOperation ? "PUT" : "POST",
                             qPrintable(r->url().path()), status, r->readAll().left(200).constData());
            --pending;
            r->deleteLater();
        });
    };
    // Blobs first (a manifest whose blobs are not yet in the repository is refused), then tags.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < repos; ++i) {
            const QString repo = QStringLiteral("bench/r%1").arg(i, 4, 10, QLatin1Char('0'));
            if (pass == 0) {
                for (const QString &b : blobs) {
                    QNetworkRequest req(root.resolved(QUrl(QStringLiteral("/v2/%1/blobs/uploads/?mount=%2&from=%3").arg(repo, b, base))));
                    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
                    send(nam.post(req, QByteArray()));
                }
            } else {
                for (int t = 0; t < tagsPerRepo; ++t) {
                    QNetworkRequest req(root.resolved(QUrl(QStringLiteral("/v2/%1/manifests/v%2").arg(repo).arg(t))));
                    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"));
                    send(nam.put(req, manifest));
                }
            }
            while (pending > 48)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        while (pending > 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    std::printf("{\"fill_repos\": %d, \"tags_per_repo\": %d, \"fill_ms\": %lld, \"fill_failures\": %d}\n", repos, tagsPerRepo,
                fill.elapsed(), failures);
    if (failures > 0)
        return 1;

    // The console's registry page, timed five times.
    QTemporaryDir dir;
    Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
    Models::TaskModel tasks;
    Models::HostRegistry hosts(&store, &tasks);
    Models::RegistryStore registries(dir.filePath(QStringLiteral("registries.json")));
    registries.add({QStringLiteral("bench"), address, {}, {}});
    hosts.setRegistryStore(&registries);
    QList<double> catalogMs, tagsMs, totalMs, stalls;
    for (int run = 0; run < 5; ++run) {
        Ui::RegistriesPage page(&hosts);
        page.resize(1280, 800);
        page.show();
        StallMeter meter;
        meter.start();
        QSignalSpy reposLoaded(&page, &Ui::RegistriesPage::repositoriesLoaded);
        QSignalSpy tagsLoaded(&page, &Ui::RegistriesPage::tagsLoaded);
        QElapsedTimer t;
        t.start();
        page.selectRegistry(QStringLiteral("bench"));
        if (reposLoaded.isEmpty() && !reposLoaded.wait(30000))
            return 1;
        const double catalog = double(t.nsecsElapsed()) / 1e6;
        const QString repo = QStringLiteral("bench/r%1").arg(repos / 2, 4, 10, QLatin1Char('0'));
        QElapsedTimer t2;
        t2.start();
        page.selectRepository(repo);
        if (tagsLoaded.isEmpty() && !tagsLoaded.wait(30000))
            return 1;
        const double tagsDone = double(t2.nsecsElapsed()) / 1e6;
        QCoreApplication::processEvents(); // paint
        meter.stop();
        if (page.repositoryList()->count() < repos || page.tagTable()->rowCount() != tagsPerRepo
            || !page.tagTable()->item(0, 1)->toolTip().startsWith(QLatin1String("sha256:"))) {
            std::fprintf(stderr, "the page shows %d repositories and %d tags\n", page.repositoryList()->count(), page.tagTable()->rowCount());
            return 1;
        }
        catalogMs << catalog;
        tagsMs << tagsDone;
        totalMs << catalog + tagsDone;
        stalls << meter.maxBusy();
    }
    auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("{\"repositories_shown_ms\": %.1f, \"tags_with_details_ms\": %.1f, \"total_ms\": %.1f, \"max_total_ms\": %.1f, "
                "\"max_busy_stall_ms\": %.1f}\n",
                median(catalogMs), median(tagsMs), median(totalMs), *std::max_element(totalMs.begin(), totalMs.end()),
                *std::max_element(stalls.begin(), stalls.end()));
    return 0;
}
