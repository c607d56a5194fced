#include "hosts/hostregistry.h"
#include "tenancy/tenancyservice.h"
#include "tenancy/controlloop.h"
#include "tenancy/quotawatcher.h"
#include "hosts/hostconnection.h"
#include "store/tenancystore.h"
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
#include <QJsonArray>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
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

    // The metadata database: WHARF_DB, else the one chosen in File → Database, else the
    // embedded SQLite file beside the configuration. Opened off the window's thread.
    Models::TenancyService tenancy;
    QPointer<Ui::MainWindow> window;
    auto openDatabase = [&] {
        QString text = qEnvironmentVariable("WHARF_DB");
        if (text.isEmpty())
            text = settings.value(QStringLiteral("database/url")).toString();
        auto url = text.isEmpty() ? Backends::Expected<Backends::StoreUrl>(Backends::StoreUrl::defaultUrl()) : Backends::StoreUrl::parse(text);
        if (!url) {
            if (window)
                window->statusBar()->showMessage(url.error().message);
            return;
        }
        if (url->engine == Backends::StoreUrl::Sqlite || qEnvironmentVariable("WHARF_KEYCHAIN") == QLatin1String("none"))
            return tenancy.open(*url, {});
        credentials.read(url->secretKey(), [&tenancy, u = *url](const Backends::Expected<QByteArray> &secret) {
            tenancy.open(u, secret ? QString::fromUtf8(*secret) : QString());
        });
    };
    // An admin's console puts the quota counters right whenever a host comes up.
    Models::HostQuotaWatcher quotaWatcher(&registry, &tenancy);
    QObject::connect(&quotaWatcher, &Models::HostQuotaWatcher::reconciled, &app, [&](const QString &host, const Models::ReconcileReport &r) {
        if ((!r.gone.isEmpty() || !r.drift.isEmpty() || !r.stale.isEmpty()) && window)
            window->statusBar()->showMessage(
                QCoreApplication::translate("main", "%1: quota reconciled (%2 removed outside Wharf, %3 tenants' counters corrected)")
                    .arg(host)
                    .arg(r.gone.size() + r.stale.size())
                    .arg(r.drift.size()),
                15000);
    });
    // ... and runs the control loops (metering, reconciliation) of the hosts whose control
    // lease it gets, so bills stay current without a separate `wharfctl controller`.
    Models::ControlLoop controlLoop(&registry, &tenancy);
    if (const int seconds = qEnvironmentVariableIntValue("WHARF_CONTROL_INTERVAL"); seconds > 0)
        controlLoop.setInterval(seconds * 1000);
    QObject::connect(&controlLoop, &Models::ControlLoop::failed, &app, [&](const QString &host, const QString &message) {
        if (window)
            window->statusBar()->showMessage(QCoreApplication::translate("main", "%1: metering failed: %2").arg(host, message), 15000);
    });
    QObject::connect(&tenancy, &Models::TenancyService::ready, &app, [&] {
        registry.setTenancy(&tenancy);
        if (window)
            window->setTenancy(&tenancy);
    });
    QObject::connect(&tenancy, &Models::TenancyService::failed, &app, [&](const QString &message) {
        if (window)
            window->statusBar()->showMessage(QCoreApplication::translate("main", "Platform database: %1").arg(message));
    });
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
        QObject::connect(window, &Ui::MainWindow::databaseRequested, &app, [&] {
            bool ok = false;
            const QString current = settings.value(QStringLiteral("database/url"), Backends::StoreUrl::defaultUrl().toString()).toString();
            const QString text = QInputDialog::getText(window, QCoreApplication::translate("main", "Platform database"),
                                                       QCoreApplication::translate("main", "Address (sqlite:///path/file.db or postgresql://user@host:port/database):"),
                                                       QLineEdit::Normal, current, &ok);
            if (!ok)
                return;
            auto url = Backends::StoreUrl::parse(text.trimmed());
            if (!url)
                return QMessageBox::warning(window, QCoreApplication::translate("main", "Platform database"), url.error().message), void();
            settings.setValue(QStringLiteral("database/url"), url->toString());
            if (url->engine == Backends::StoreUrl::Postgres) {
                const QString password = QInputDialog::getText(window, QCoreApplication::translate("main", "Platform database"),
                                                               QCoreApplication::translate("main", "Password of %1 (kept in the keychain):").arg(url->user),
                                                               QLineEdit::Password, {}, &ok);
                if (ok && !password.isEmpty())
                    return credentials.write(url->secretKey(), password.toUtf8(), [&](const Backends::Error &) { openDatabase(); });
            }
            openDatabase();
        });
        if (tenancy.isOpen())
            window->setTenancy(&tenancy);
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
    openDatabase();
    registry.connectAll();
    const int rc = app.exec();
    delete window.data();
    return rc;
}
