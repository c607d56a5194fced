#include "createcontainerdialog.h"
#include "core/shellwords.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Backends;

static QStringList lines(const QPlainTextEdit *e)
{
    QStringList out;
    for (const auto &l : e->toPlainText().split(QLatin1Char('\n'))) {
        const QString t = l.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

CreateContainerDialog::CreateContainerDialog(const QStringList &images, const QStringList &networks, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Create container"));
    auto *form = new QFormLayout;
    m_image = new QComboBox;
    m_image->setEditable(true);
    m_image->addItems(images);
    m_image->setCurrentText(images.value(0));
    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("optional; the daemon picks one"));
    m_command = new QLineEdit;
    m_command->setPlaceholderText(tr("the image's default, e.g. httpd -f -p 80"));
    m_entrypoint = new QLineEdit;
    m_entrypoint->setPlaceholderText(tr("the image's default"));
    m_env = new QPlainTextEdit;
    m_env->setPlaceholderText(tr("NAME=value, one per line"));
    m_ports = new QPlainTextEdit;
    m_ports->setPlaceholderText(tr("[IP:]HOST:CONTAINER[/udp], one per line, e.g. 127.0.0.1:8080:80"));
    m_volumes = new QPlainTextEdit;
    m_volumes->setPlaceholderText(tr("VOLUME_OR_HOST_PATH:/path/in/container[:ro], one per line"));
    for (auto *e : {m_env, m_ports, m_volumes})
        e->setMaximumHeight(70);
    m_memory = new QLineEdit;
    m_memory->setPlaceholderText(tr("no limit, e.g. 256m"));
    m_cpus = new QLineEdit;
    m_cpus->setPlaceholderText(tr("no limit, e.g. 0.5"));
    m_restart = new QComboBox;
    m_restart->setEditable(true);
    m_restart->addItems({QStringLiteral("no"), QStringLiteral("always"), QStringLiteral("unless-stopped"), QStringLiteral("on-failure")});
    m_network = new QComboBox;
    m_network->addItem(tr("default"), QString());
    for (const auto &n : networks)
        m_network->addItem(n, n);
    m_start = new QCheckBox(tr("Start the container after creating it"));
    m_start->setChecked(true);
    form->addRow(tr("&Image:"), m_image);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Command:"), m_command);
    form->addRow(tr("&Entrypoint:"), m_entrypoint);
    form->addRow(tr("En&vironment:"), m_env);
    form->addRow(tr("&Ports:"), m_ports);
    form->addRow(tr("&Volumes:"), m_volumes);
    form->addRow(tr("&Memory limit:"), m_memory);
    form->addRow(tr("C&PU limit:"), m_cpus);
    form->addRow(tr("&Restart policy:"), m_restart);
    form->addRow(tr("Ne&twork:"), m_network);
    form->addRow(QString(), m_start);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!validate().isError())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto revalidate = [this] { validate(); };
    connect(m_image, &QComboBox::currentTextChanged, this, revalidate);
    connect(m_restart, &QComboBox::currentTextChanged, this, revalidate);
    for (auto *e : {m_name, m_command, m_entrypoint, m_memory, m_cpus})
        connect(e, &QLineEdit::textChanged, this, revalidate);
    for (auto *e : {m_env, m_ports, m_volumes})
        connect(e, &QPlainTextEdit::textChanged, this, revalidate);
    validate();
}

bool CreateContainerDialog::startAfterCreate() const
{
    return m_start->isChecked();
}

QString CreateContainerDialog::errorText() const
{
    return m_error->text();
}

Error CreateContainerDialog::validate()
{
    ContainerSpec s;
    auto result = [&]() -> Error {
        s.image = m_image->currentText().trimmed();
        s.name = m_name->text().trimmed();
        const auto command = splitShellWords(m_command->text());
        if (!command)
            return Error::make(Error::Input, tr("Command: a quote is not closed."));
        s.command = *command;
        if (!m_entrypoint->text().trimmed().isEmpty()) {
            s.entrypointSet = true;
            const auto entrypoint = splitShellWords(m_entrypoint->text());
            if (!entrypoint)
                return Error::make(Error::Input, tr("Entrypoint: a quote is not closed."));
            s.entrypoint = *entrypoint;
        }
        s.env = lines(m_env);
        for (const auto &p : lines(m_ports)) {
            auto pm = ContainerSpec::parsePort(p);
            if (!pm)
                return Error::make(Error::Input, tr("Ports: %1").arg(pm.error().message));
            s.ports += expandPortRange(*pm);
        }
        for (const auto &v : lines(m_volumes)) {
            auto vm = ContainerSpec::parseVolume(v);
            if (!vm)
                return Error::make(Error::Input, tr("Volumes: %1").arg(vm.error().message));
            s.volumes << *vm;
        }
        if (!m_memory->text().trimmed().isEmpty()) {
            auto m = ContainerSpec::parseMemory(m_memory->text());
            if (!m)
                return Error::make(Error::Input, tr("Memory limit: %1").arg(m.error().message));
            s.memoryBytes = *m;
        }
        if (!m_cpus->text().trimmed().isEmpty()) {
            auto c = ContainerSpec::parseCpus(m_cpus->text());
            if (!c)
                return Error::make(Error::Input, tr("CPU limit: %1").arg(c.error().message));
            s.nanoCpus = *c;
        }
        if (auto e = ContainerSpec::parseRestart(m_restart->currentText(), &s.restartPolicy, &s.restartMaxRetries); e.isError())
            return Error::make(Error::Input, tr("Restart policy: %1").arg(e.message));
        s.network = m_network->currentData().toString();
        return s.validate();
    }();
    m_error->setText(result.isError() ? result.message : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!result.isError());
    if (!result.isError())
        m_spec = s;
    return result;
}

} // namespace Wharf::Ui
