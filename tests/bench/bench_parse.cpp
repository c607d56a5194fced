// HTTP + JSON decode of a recorded /containers/json answer (1,000 containers), per call:
// llhttp parse (chunked as the daemon sends it), QJsonDocument, and the rows of the
// containers model. Run by tests/bench/run.sh with the bytes it recorded from a real daemon.
#include "http/httpresponseparser.h"
#include "inventory/containerlistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Wharf;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_parse RECORDED_HTTP_RESPONSE [ITERATIONS]\n");
        return 2;
    }
    QFile f(QString::fromLocal8Bit(argv[1]));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const QByteArray bytes = f.readAll();
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 200;

    auto once = [&bytes](bool toModel, int *rows) {
        QByteArray body;
        Backends::HttpResponseParser p({{}, [&body](const char *d, qsizetype n) { body.append(d, n); }, {}});
        // Feed in 64 KiB pieces, as a socket delivers them.
        for (qsizetype at = 0; at < bytes.size(); at += 65536)
            p.feed(bytes.constData() + at, std::min<qsizetype>(65536, bytes.size() - at));
        if (p.state() != Backends::HttpResponseParser::State::Complete)
            return false;
        const QJsonArray list = QJsonDocument::fromJson(body).array();
        *rows = int(list.size());
        if (toModel) {
            Models::ContainerListModel m;
            m.applyList(list);
            *rows = m.rowCount();
        }
        return true;
    };
    for (bool toModel : {false, true}) {
        std::vector<double> ms;
        int rows = 0;
        for (int i = 0; i < iterations; ++i) {
            QElapsedTimer t;
            t.start();
            if (!once(toModel, &rows)) {
                std::fprintf(stderr, "the recorded response does not parse\n");
                return 1;
            }
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("{\"stage\": \"%s\", \"bytes\": %lld, \"rows\": %d, \"iterations\": %d, \"median_ms\": %.3f, "
                    "\"p95_ms\": %.3f, \"min_ms\": %.3f}\n",
                    toModel ? "http+json+model" : "http+json", static_cast<long long>(bytes.size()), rows, iterations,
                    ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.front());
    }
    return 0;
}
