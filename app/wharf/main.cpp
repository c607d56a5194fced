#include "hosts/hostregistry.h"
#include "registries/registrystore.h"
#include "secrets/keychainbackend.h"
#include "hosts/hoststore.h"
#include "inventory/containerlistmodel.h"
#include "mainwindow.h"
#include "hosts/sshprompter.h"
#include "startupprobe.h"
#include "tasks/taskmodel.h"
#include "wharfversion.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QStatusBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

using namespace Wharf;

namespace {

struct Translators
{
    QTranslator app;
    QTranslator qt;

    void apply(const QString &language)
    {
        QCoreApplication::removeTranslator(&app);
        QCoreApplication::removeTranslator(&qt);
        const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
        QLocale::setDefault(locale);
        if (app.load(locale, QStringLiteral("wharf"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(&app);
        if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
    }
};

QString configDir()
{
    return Models::HostStore::defaultConfigDir();
}

// On first start, offer the local engine when there is one (DOCKER_HOST or the default socket).
void addLocalHostOnFirstRun(Models::HostStore *store)
{
    if (QFileInfo::exists(store->filePath()))
        return;
    auto ep = Backends::Endpoint::fromEnvironment();
    if (!ep)
        return;
    if ((ep->scheme() == Backends::Endpoint::Unix && !QFileInfo::exists(ep->path())))
        return;
    Models::HostConfig h;
    h.name = QObject::tr("Local");
    h.group = QObject::tr("Local");
    h.url = ep->url();
    h.useTls = ep->usesTls();
    h.tls = ep->tlsFiles();
    h.labMode = ep->isLabMode();
    store->add(h);
}

} // namespace

int main(int argc, char *argv[])
{
    StartupProbe::markProcessStart();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("wharf"));
    QApplication::setApplicationDisplayName(QStringLiteral("Wharf"));
    QApplication::setOrganizationName(QStringLiteral("Wharf"));
    QApplication::setApplicationVersion(QStringLiteral(WHARF_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.wharf.Wharf"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wharf.svg")));

    // The saved language (else the system's) applies before the command line is read, so that
    // --help speaks it too; --language then overrides it.
    QSettings settings(configDir() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    Translators translators;
    translators.apply(settings.value(QStringLiteral("language")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Wharf: a native console for Docker hosts"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption language(QStringLiteral("language"), QCoreApplication::translate("main", "Interface language (en, zh_CN)"),
                                QCoreApplication::translate("main", "code"));
    QCommandLineOption probe(QStringLiteral("startup-probe"),
                             QCoreApplication::translate("main", "Measure start-up: print the time to the first painted table "
                                                                 "with N containers, then quit"),
                             QStringLiteral("N"));
    parser.addOption(language);
    parser.addOption(probe);
    parser.process(app);
    if (parser.isSet(language))
        translators.apply(parser.value(language));

    Models::HostStore store(configDir() + QStringLiteral("/hosts.json"));
    Models::TaskModel tasks;
    auto loadError = store.load();
    if (!loadError.isError())
        addLocalHostOnFirstRun(&store);
    Backends::KeychainSecretBackend keychain;
    Backends::CredentialStore credentials(&keychain);
    Models::HostRegistry registry(&store, &tasks);
    registry.setCredentialStore(&credentials);
    // The registry list sits beside the host list (shared with wharfctl).
    Models::RegistryStore registries(QFileInfo(store.filePath()).absolutePath() + QStringLiteral("/registries.json"));
    const auto registriesError = registries.load();
    registry.setRegistryStore(&registries);
    // SSH questions are asked over whichever window is current.
    auto sshPrompter = std::make_shared<Ui::SshPrompter>(nullptr);
    registry.setSshInteraction(sshPrompter);

    QPointer<Ui::MainWindow> window;
    std::function<void()> makeWindow = [&] {
        QByteArray geometry;
        if (window) {
            geometry = window->saveGeometry();
            window->deleteLater();
        }
        window = new Ui::MainWindow(&registry);
        sshPrompter->setParent(window);
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        if (!geometry.isEmpty())
            window->restoreGeometry(geometry);
        QObject::connect(window, &Ui::MainWindow::languageRequested, &app, [&](const QString &code) {
            settings.setValue(QStringLiteral("language"), code);
            translators.apply(code);
            // Rebuild the window in the new language; the models (and connections) stay.
            QMetaObject::invokeMethod(&app, makeWindow, Qt::QueuedConnection);
        });
        window->show();
        if (loadError.isError())
            window->statusBar()->showMessage(loadError.message);
        else if (registriesError.isError())
            window->statusBar()->showMessage(registriesError.message);
    };
    makeWindow();

    std::unique_ptr<StartupProbe> startupProbe;
    if (parser.isSet(probe) && !registry.connections().isEmpty())
        startupProbe = std::make_unique<StartupProbe>(window, registry.connections().first()->containers(),
                                                     parser.value(probe).toInt());
    registry.connectAll();
    const int rc = app.exec();
    delete window.data();
    return rc;
}
