#include "cli.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wharfctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Wharf"));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("wharf"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QStringList args = app.arguments();
    args.removeFirst();
    Wharf::App::Cli cli(args);
    cli.start();
    return app.exec();
}
