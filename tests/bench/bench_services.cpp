// Requests through the edge router against straight to a replica: the same bounded loop of
// tests/loadloop.h (clients threads, a connection per request), its rate and latencies.
//
//   bench_services PORT [ADDRESS] [CLIENTS] [REQUESTS]
//
// Prints one JSON line: requests, failures, seconds, per_second, p50_us, p99_us, max_us.
#include "loadloop.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_services PORT [ADDRESS] [CLIENTS] [REQUESTS]\n");
        return 2;
    }
    const int port = args.value(1).toInt();
    const QByteArray address = args.value(2, QStringLiteral("127.0.0.1")).toLatin1();
    const int clients = args.value(3, QStringLiteral("20")).toInt();
    const int requests = args.value(4, QStringLiteral("20000")).toInt();
    TestSupport::LoadLoop load(port, clients, requests, "localhost", "/", address);
    QElapsedTimer t;
    t.start();
    load.stop(); // runs until the minimum is reached
    load.start();
    load.wait();
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    const auto lat = load.latencies();
    auto at = [&lat](double q) { return lat.empty() ? 0 : lat[std::min(lat.size() - 1, size_t(q * double(lat.size())))]; };
    const QJsonObject o{{QStringLiteral("address"), QString::fromLatin1(address)},
                        {QStringLiteral("port"), port},
                        {QStringLiteral("clients"), clients},
                        {QStringLiteral("requests"), load.total()},
                        {QStringLiteral("failures"), load.failures()},
                        {QStringLiteral("seconds"), seconds},
                        {QStringLiteral("per_second"), double(load.total()) / seconds},
                        {QStringLiteral("p50_us"), qint64(at(0.50))},
                        {QStringLiteral("p99_us"), qint64(at(0.99))},
                        {QStringLiteral("max_us"), qint64(lat.empty() ? 0 : lat.back())}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return load.failures() == 0 ? 0 : 1;
}
