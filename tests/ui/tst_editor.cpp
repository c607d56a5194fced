// The orchestration editor, offscreen: blocks dragged from the palette, services linked on
// the canvas, properties edited, undo and redo, the YAML tab and the canvas in step, the
// layout kept in the file, copy, paste, delete, validation.
#include "apps/composedocument.h"
#include "editor/composeeditor.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QGraphicsScene>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Wharf;
using Ui::NodeKind;

class TestEditor : public QObject
{
    Q_OBJECT

    static QPoint viewPoint(Ui::ComposeEditor &e, QPointF scenePoint) { return e.view()->mapFromScene(scenePoint); }

    static void dropBlock(Ui::ComposeEditor &e, const QString &block, QPoint at)
    {
        QMimeData mime;
        mime.setData(QLatin1String(Ui::CanvasView::BlockMime), block.toUtf8());
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(e.view()->viewport(), &enter);
        QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(e.view()->viewport(), &move);
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(e.view()->viewport(), &drop);
    }

private Q_SLOTS:
    // An edit in the editor keeps the file's anchors and aliases where the values still agree.
    void editKeepsAnchors()
    {
        Models::Apps::ComposeDocument doc;
        QVERIFY(doc.setText("x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx\n"
                            "  api:\n    <<: *common\n    image: api\n"));
        QCOMPARE(doc.setValue(QStringLiteral("api"), QStringLiteral("image"), QStringLiteral("api:2")), QString());
        const QByteArray saved = doc.text();
        QVERIFY2(saved.contains("x-common: &common") && saved.count("<<: *common") == 2 && saved.contains("api:2"), saved.constData());
    }

    void drawEditUndoAndSync()
    {
        Ui::ComposeEditor e;
        e.resize(1200, 800);
        e.setImages({QStringLiteral("registry.example:5000/team/web:1.2"), QStringLiteral("postgres:15")});
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        // the palette holds the blocks and the images, draggable
        QCOMPARE(e.palette()->count(), 6); // three blocks, a heading, two images
        QVERIFY(e.palette()->dragEnabled());
        QCOMPARE(e.palette()->item(3)->text(), QStringLiteral("Images on the host"));
        QVERIFY(!(e.palette()->item(3)->flags() & Qt::ItemIsDragEnabled));
        QCOMPARE(e.palette()->item(4)->data(Qt::UserRole).toString(), QStringLiteral("image:registry.example:5000/team/web:1.2"));
        // the registries' images come later, under their own heading
        e.setRegistryImages({QStringLiteral("127.0.0.1:5000/team/api:2")});
        QCOMPARE(e.palette()->count(), 8);
        QCOMPARE(e.palette()->item(6)->text(), QStringLiteral("Images in the registries"));
        QCOMPARE(e.palette()->item(7)->data(Qt::UserRole).toString(), QStringLiteral("image:127.0.0.1:5000/team/api:2"));
        QVERIFY(e.palette()->item(7)->flags() & Qt::ItemIsDragEnabled);

        // two services dropped from the palette, named after their images
        dropBlock(e, QStringLiteral("image:registry.example:5000/team/web:1.2"), QPoint(200, 200));
        dropBlock(e, QStringLiteral("image:postgres:15"), QPoint(650, 200));
        QCOMPARE(e.document()->services(), (QStringList{QStringLiteral("web"), QStringLiteral("postgres")}));
        QCOMPARE(e.document()->value(QStringLiteral("web"), QStringLiteral("image")), QStringLiteral("registry.example:5000/team/web:1.2"));
        QVERIFY(e.node(NodeKind::Service, QStringLiteral("web")));
        // shown in the YAML at once, with the layout under x-wharf
        QString yaml = e.yamlEditor()->toPlainText();
        QVERIFY2(yaml.contains(QLatin1String("image: \"registry.example:5000/team/web:1.2\"")), qPrintable(yaml));
        QVERIFY2(yaml.contains(QLatin1String("x-wharf:")), qPrintable(yaml));

        // a link drawn from web's handle to postgres: web depends on postgres
        Ui::NodeItem *web = e.node(NodeKind::Service, QStringLiteral("web"));
        Ui::NodeItem *db = e.node(NodeKind::Service, QStringLiteral("postgres"));
        const QPoint from = viewPoint(e, web->mapToScene(web->handleRect().center()));
        const QPoint to = viewPoint(e, db->sceneBoundingRect().center());
        QTest::mousePress(e.view()->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(e.view()->viewport(), (from + to) / 2);
        QTest::mouseMove(e.view()->viewport(), to);
        QTest::mouseRelease(e.view()->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(e.document()->dependencies(), (QList<std::pair<QString, QString>>{{QStringLiteral("web"), QStringLiteral("postgres")}}));
        QTRY_VERIFY(e.yamlEditor()->toPlainText().contains(QLatin1String("depends_on:")));
        // a cycle is refused, and says why
        e.link(e.node(NodeKind::Service, QStringLiteral("postgres")), e.node(NodeKind::Service, QStringLiteral("web")));
        QVERIFY(e.message()->text().contains(QLatin1String("cycle")));
        QCOMPARE(e.document()->dependencies().size(), 1);

        // a volume, mounted by a link (the path is asked), a network joined
        e.askText = [](const QString &, const QString &, const QString &) { return QStringLiteral("/var/lib/postgresql/data"); };
        dropBlock(e, QStringLiteral("volume"), QPoint(650, 450));
        dropBlock(e, QStringLiteral("network"), QPoint(400, 60));
        QCOMPARE(e.document()->volumes(), QStringList{QStringLiteral("data")});
        e.link(e.node(NodeKind::Service, QStringLiteral("postgres")), e.node(NodeKind::Volume, QStringLiteral("data")));
        QCOMPARE(e.document()->mounts().size(), 1);
        QCOMPARE(e.document()->mounts().first().target, QStringLiteral("/var/lib/postgresql/data"));
        // a service dropped into the network joins it and goes back where it was
        Ui::NodeItem *webNode = e.node(NodeKind::Service, QStringLiteral("web"));
        Ui::NodeItem *net = e.node(NodeKind::Network, QStringLiteral("net"));
        const QPointF webWas = webNode->pos();
        const QPoint grab = viewPoint(e, webNode->sceneBoundingRect().center() - QPointF(30, 0));
        const QPoint into = viewPoint(e, net->sceneBoundingRect().center());
        QTest::mousePress(e.view()->viewport(), Qt::LeftButton, {}, grab);
        QTest::mouseMove(e.view()->viewport(), (grab + into) / 2);
        QTest::mouseMove(e.view()->viewport(), into);
        QTest::mouseRelease(e.view()->viewport(), Qt::LeftButton, {}, into);
        QTRY_COMPARE(e.document()->memberships(), (QList<std::pair<QString, QString>>{{QStringLiteral("web"), QStringLiteral("net")}}));
        QTRY_COMPARE(e.node(NodeKind::Service, QStringLiteral("web"))->pos(), webWas);

        // properties of the selected service
        e.selectNode(NodeKind::Service, QStringLiteral("web"));
        QCOMPARE(e.selectedService(), QStringLiteral("web"));
        QVERIFY(e.setProperty(QStringLiteral("ports"), QStringLiteral("127.0.0.1:8080:80")));
        QVERIFY(e.setProperty(QStringLiteral("replicas"), QStringLiteral("3")));
        QVERIFY(e.setProperty(QStringLiteral("environment"), QStringLiteral("MODE=prod\nDEBUG=0")));
        QVERIFY(!e.setProperty(QStringLiteral("memory"), QStringLiteral("lots")));
        QVERIFY(e.message()->text().contains(QLatin1String("\"lots\" is not a size")));
        QCOMPARE(e.document()->value(QStringLiteral("web"), QStringLiteral("memory")), QString());
        QVERIFY(e.setProperty(QStringLiteral("memory"), QStringLiteral("256m")));
        yaml = e.yamlEditor()->toPlainText();
        QVERIFY2(yaml.contains(QLatin1String("replicas: 3")) && yaml.contains(QLatin1String("memory: 256m")), qPrintable(yaml));

        // undo and redo, step by step
        const QByteArray full = e.document()->text();
        const int steps = e.undoStack()->count();
        e.undoStack()->undo(); // memory
        QCOMPARE(e.document()->value(QStringLiteral("web"), QStringLiteral("memory")), QString());
        e.undoStack()->undo(); // environment
        e.undoStack()->undo(); // replicas
        QCOMPARE(e.document()->value(QStringLiteral("web"), QStringLiteral("replicas")), QString());
        e.undoStack()->redo();
        e.undoStack()->redo();
        e.undoStack()->redo();
        QCOMPARE(e.document()->text(), full);
        while (e.undoStack()->canUndo())
            e.undoStack()->undo();
        QVERIFY(e.document()->services().isEmpty());
        while (e.undoStack()->canRedo())
            e.undoStack()->redo();
        QCOMPARE(e.document()->text(), full);
        QCOMPARE(e.undoStack()->count(), steps);

        // the YAML tab: typed text shows on the canvas; a mistake is marked at its line and
        // the canvas keeps the last good model
        e.tabs()->setCurrentWidget(e.yamlEditor());
        QString text = e.yamlEditor()->toPlainText();
        QVERIFY2(text.startsWith(QLatin1String("services:\n")), qPrintable(text));
        text.replace(0, 10, QLatin1String("services:\n  cache:\n    image: redis:7\n"));
        e.yamlEditor()->setPlainText(text);
        e.applyYamlNow();
        QVERIFY2(e.node(NodeKind::Service, QStringLiteral("cache")), qPrintable(e.yamlEditor()->toPlainText() + e.message()->text()));
        e.yamlEditor()->setPlainText(text + QStringLiteral("  broken: [unclosed\n"));
        e.applyYamlNow();
        QVERIFY(e.problems()->isVisible());
        QVERIFY2(e.problems()->item(0)->text().contains(QLatin1String("error")), qPrintable(e.problems()->item(0)->text()));
        QVERIFY(e.problems()->item(0)->data(Qt::UserRole).toInt() > 0);
        QVERIFY(!e.yamlEditor()->extraSelections().isEmpty());
        QVERIFY(e.node(NodeKind::Service, QStringLiteral("cache")));
        e.yamlEditor()->setPlainText(text);
        e.applyYamlNow();
        QVERIFY(e.problems()->isHidden());
        // the undo stack holds the typed edit too
        e.undoStack()->undo();
        QVERIFY(!e.document()->services().contains(QStringLiteral("cache")));
        e.undoStack()->redo();

        // copy, paste (a free name), delete (with every reference to it)
        e.selectNode(NodeKind::Service, QStringLiteral("web"));
        e.copySelected();
        e.paste();
        QVERIFY(e.document()->services().contains(QStringLiteral("web-2")));
        QCOMPARE(e.document()->value(QStringLiteral("web-2"), QStringLiteral("replicas")), QStringLiteral("3"));
        e.selectNode(NodeKind::Service, QStringLiteral("postgres"));
        e.deleteSelected();
        QVERIFY(!e.document()->services().contains(QStringLiteral("postgres")));
        QVERIFY(e.document()->dependencies().isEmpty()); // web's depends_on went with it
        e.undoStack()->undo();
        QCOMPARE(e.document()->dependencies().size(), 2); // web and its copy
        // several at once, with what they refer to among themselves following their new names
        e.scene()->clearSelection();
        e.node(NodeKind::Service, QStringLiteral("web"))->setSelected(true);
        e.node(NodeKind::Service, QStringLiteral("postgres"))->setSelected(true);
        e.copySelected();
        QVERIFY2(QApplication::clipboard()->text().startsWith(QLatin1String("services:\n")), qPrintable(QApplication::clipboard()->text()));
        e.paste();
        QVERIFY(e.document()->services().contains(QStringLiteral("web-3")) && e.document()->services().contains(QStringLiteral("postgres-2")));
        QVERIFY(e.document()->dependencies().contains(std::pair{QStringLiteral("web-3"), QStringLiteral("postgres-2")}));
        QCOMPARE(e.scene()->selectedItems().size(), 2); // the copies are selected
        e.undoStack()->undo();
        QVERIFY(!e.document()->services().contains(QStringLiteral("web-3")));
        // a volume (and a fragment of any compose file) pastes too
        QApplication::clipboard()->setText(QStringLiteral("volumes:\n  cache: {driver: local}\nnetworks:\n  back: {}\n"));
        e.paste();
        QVERIFY(e.document()->volumes().contains(QStringLiteral("cache")));
        QVERIFY(e.document()->networks().contains(QStringLiteral("back")));
        e.undoStack()->undo();
        QApplication::clipboard()->setText(QStringLiteral("not: [a fragment"));
        e.paste();
        QVERIFY(e.message()->text().contains(QLatin1String("no service, volume or network")));

        // zoom and fit
        const double z = e.view()->zoom();
        e.view()->zoomBy(1.5);
        QVERIFY(e.view()->zoom() > z);
        e.fit();
        QVERIFY(e.view()->zoom() <= 1.2);

        // validate: the loader's checks, listed and marked
        QCOMPARE(e.validate(), 0);
        e.selectNode(NodeKind::Service, QStringLiteral("cache"));
        QVERIFY(e.setProperty(QStringLiteral("ports"), QStringLiteral("70000:80")) == false);
        text = QString::fromUtf8(e.document()->text());
        text.replace(QLatin1String("image: redis:7"), QLatin1String("image: redis:7\n    volumes: [missing:/x]"));
        e.yamlEditor()->setPlainText(text);
        e.applyYamlNow();
        QCOMPARE(e.validate(), 1);
        QVERIFY(e.problems()->item(0)->text().contains(QLatin1String("mounts the volume \"missing\"")));
    }

    // A file opened for the first time is arranged; its layout is saved in the file and read back.
    void layoutIsKeptInTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("compose.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# the shop\n"
                "name: shop\n"
                "services:\n"
                "  web:\n"
                "    image: nginx\n"
                "    depends_on: [app]\n"
                "    x-team: storefront\n"
                "\n"
                "  # the app tier\n"
                "  app:\n"
                "    image: shop/app:2\n"
                "    depends_on: [db]\n"
                "  db:\n"
                "    image: postgres:15  # pinned\n"
                "    volumes: [pgdata:/var/lib/postgresql/data]\n"
                "volumes:\n"
                "  pgdata: {}\n");
        f.close();
        Ui::ComposeEditor e;
        e.resize(1000, 700);
        QVERIFY(e.openFile(path));
        // columns by dependency: web left of app left of db
        const auto web = e.document()->position(NodeKind::Service, QStringLiteral("web"));
        const auto app = e.document()->position(NodeKind::Service, QStringLiteral("app"));
        const auto db = e.document()->position(NodeKind::Service, QStringLiteral("db"));
        QVERIFY(web && app && db);
        QVERIFY(web->x() < app->x() && app->x() < db->x());
        QCOMPARE(e.scene()->items().size(), 4 + 3); // four blocks, two dependencies, one mount
        e.document()->setPosition(NodeKind::Service, QStringLiteral("db"), QPointF(900, 420));
        QVERIFY(e.document()->rename(NodeKind::Service, QStringLiteral("app"), QStringLiteral("api")).isEmpty());
        QVERIFY(e.saveFile(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY(text.contains("x-team: storefront")); // what the editor does not model stays
        QVERIFY(text.indexOf("web:") < text.indexOf("api:")); // in its order
        // and so do the comments and blank lines, by their keys (a renamed service's too)
        QVERIFY2(text.startsWith("# the shop\nname: shop\n"), text.constData());
        QVERIFY2(text.contains("    x-team: storefront\n\n  # the app tier\n  api:\n"), text.constData());
        QVERIFY2(text.contains("    image: postgres:15  # pinned\n"), text.constData());
        QVERIFY(text.contains("x-wharf:"));
        Ui::ComposeEditor again;
        QVERIFY(again.openFile(path));
        QCOMPARE(*again.document()->position(NodeKind::Service, QStringLiteral("db")), QPointF(900, 420));
        QCOMPARE(again.node(NodeKind::Service, QStringLiteral("db"))->pos(), QPointF(900, 420));
        // compose itself ignores the key: the file is valid
        QCOMPARE(again.validate(), 0);
        // mounts in the property panel: one a line; a named volume not defined yet is added
        again.selectNode(NodeKind::Service, QStringLiteral("db"));
        QCOMPARE(again.document()->value(QStringLiteral("db"), QStringLiteral("volumes")), QStringLiteral("pgdata:/var/lib/postgresql/data"));
        QVERIFY(again.setProperty(QStringLiteral("volumes"), QStringLiteral("pgdata:/var/lib/postgresql/data\n./init:/docker-entrypoint-initdb.d:ro\nlogs:/var/log")));
        QCOMPARE(again.document()->volumes(), (QStringList{QStringLiteral("pgdata"), QStringLiteral("logs")}));
        QCOMPARE(again.document()->mounts().size(), 2); // the named ones, drawn as edges
        QCOMPARE(again.validate(), 0);
        QVERIFY(!again.setProperty(QStringLiteral("volumes"), QStringLiteral("pgdata:relative/path")));
        QVERIFY(again.message()->text().contains(QLatin1String("is not a mount")));
        QCOMPARE(again.document()->value(QStringLiteral("db"), QStringLiteral("volumes")).count(QLatin1Char('\n')), 2); // unchanged
        // a file that does not parse opens in the YAML tab with its line marked
        QFile bad(dir.filePath(QStringLiteral("bad.yaml")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("services:\n  web: {image: [x\n");
        bad.close();
        Ui::ComposeEditor broken;
        QVERIFY(!broken.openFile(bad.fileName()));
        QCOMPARE(broken.tabs()->currentWidget(), broken.yamlEditor());
        QVERIFY(broken.yamlEditor()->toPlainText().contains(QLatin1String("[x")));
        QVERIFY(!broken.message()->text().isEmpty());
    }
};

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
