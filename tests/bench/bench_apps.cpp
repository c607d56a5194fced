// Apps benchmarks (tests/bench/run.sh apps):
//   bench_apps generate N FILE [IMAGE]  writes an N-service compose file (anchors, merge keys,
//                                       variables, env, ports, dependencies, volumes, networks)
//   bench_apps load FILE RUNS           load + validate, median and worst of RUNS (JSON line)
//   bench_apps pan FILE FRAMES          the orchestration editor on FILE, offscreen: the time of
//                                       each repaint while the canvas pans (JSON line)
#include "compose/loader.h"
#include "editor/composeeditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsScene>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Wharf;

static double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

static void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("generate") && args.size() >= 4) {
        const int n = args[2].toInt();
        const QString image = args.value(4, QStringLiteral("wharf-test/busybox:latest"));
        QString y;
        QTextStream s(&y);
        s << "x-base: &base\n  image: ${IMAGE:-" << image << "}\n  init: true\n  restart: unless-stopped\n  labels:\n    tier: bench\n";
        s << "services:\n";
        for (int i = 1; i <= n; ++i) {
            s << "  svc" << i << ":\n    <<: *base\n    command: [sleep, '3600']\n";
            s << "    environment:\n      INDEX: '" << i << "'\n      PEER: svc" << (i % n + 1) << "\n";
            if (i % 10 == 0)
                s << "    ports: ['127.0.0.1::" << 8000 + i << "']\n";
            if (i > 1 && i % 5 != 1)
                s << "    depends_on: [svc" << i - 1 << "]\n";
            if (i % 7 == 0)
                s << "    volumes: ['data" << i % 3 << ":/data']\n";
            s << "    networks: [" << (i % 2 ? "front" : "back") << "]\n";
        }
        s << "volumes:\n  data0: {}\n  data1: {}\n  data2: {}\nnetworks:\n  front: {}\n  back: {}\n";
        QFile f(args[3]);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write(y.toUtf8());
        return 0;
    }
    if (mode == QLatin1String("load") && args.size() >= 4) {
        const int runs = args[3].toInt();
        std::vector<double> ms;
        int services = 0;
        for (int r = 0; r < runs; ++r) {
            Backends::Compose::LoadOptions o;
            o.files << args[2];
            QElapsedTimer t;
            t.start();
            const auto result = Backends::Compose::load(o);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!result.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(result.errors().first().toString()));
                return 1;
            }
            services = int(result.project->services.size());
        }
        print({{QStringLiteral("bench"), QStringLiteral("compose load+validate")},
               {QStringLiteral("services"), services},
               {QStringLiteral("runs"), runs},
               {QStringLiteral("median_ms"), percentile(ms, 0.5)},
               {QStringLiteral("max_ms"), percentile(ms, 1.0)}});
        return 0;
    }
    if (mode == QLatin1String("pan") && args.size() >= 4) {
        const int frames = args[3].toInt();
        Ui::ComposeEditor editor;
        editor.resize(1400, 900);
        QElapsedTimer open;
        open.start();
        if (!editor.openFile(args[2]))
            return 1;
        editor.show();
        QApplication::processEvents();
        const double openMs = double(open.nsecsElapsed()) / 1e6;
        Ui::CanvasView *view = editor.view();
        view->setTransform(QTransform()); // 100 %: most of the nodes are off screen, as when working
        QScrollBar *h = view->horizontalScrollBar();
        QScrollBar *v = view->verticalScrollBar();
        std::vector<double> ms;
        for (int f = 0; f < frames; ++f) {
            // a diagonal pan back and forth over the whole canvas
            const double t = double(f % 200) / 200.0;
            const double k = t < 0.5 ? 2 * t : 2 - 2 * t;
            h->setValue(h->minimum() + int(k * (h->maximum() - h->minimum())));
            v->setValue(v->minimum() + int(k * (v->maximum() - v->minimum())));
            QElapsedTimer tf;
            tf.start();
            view->viewport()->repaint();
            ms.push_back(double(tf.nsecsElapsed()) / 1e6);
        }
        print({{QStringLiteral("bench"), QStringLiteral("editor pan")},
               {QStringLiteral("nodes"), int(editor.document()->services().size() + editor.document()->volumes().size() + editor.document()->networks().size())},
               {QStringLiteral("items"), int(editor.scene()->items().size())},
               {QStringLiteral("open_ms"), openMs},
               {QStringLiteral("frames"), frames},
               {QStringLiteral("median_frame_ms"), percentile(ms, 0.5)},
               {QStringLiteral("p95_frame_ms"), percentile(ms, 0.95)},
               {QStringLiteral("max_frame_ms"), percentile(ms, 1.0)}});
        return 0;
    }
    std::fprintf(stderr, "usage: bench_apps generate N FILE [IMAGE] | load FILE RUNS | pan FILE FRAMES\n");
    return 2;
}
