#include "limitsdialog.h"

#include "docker/containerspec.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Wharf::Ui {

LimitsDialog::LimitsDialog(const QStringList &names, QWidget *parent)
    : QDialog(parent)
    , m_cpus(new QLineEdit)
    , m_memory(new QLineEdit)
    , m_error(new QLabel)
{
    setWindowTitle(tr("Change limits"));
    m_cpus->setObjectName(QStringLiteral("cpus"));
    m_memory->setObjectName(QStringLiteral("memory"));
    m_cpus->setPlaceholderText(tr("unchanged (e.g. 0.5)"));
    m_memory->setPlaceholderText(tr("unchanged (e.g. 256m, 1g)"));
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    m_error->hide();
    auto *form = new QFormLayout(this);
    auto *what = new QLabel(names.size() == 1 ? tr("New limits for %1:").arg(names.first()) : tr("New limits for %n containers:", nullptr, int(names.size())));
    what->setWordWrap(true);
    form->addRow(what);
    form->addRow(tr("CPUs:"), m_cpus);
    form->addRow(tr("Memory:"), m_memory);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Change"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LimitsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LimitsDialog::reject);
    form->addRow(buttons);
}

void LimitsDialog::accept()
{
    auto fail = [this](const QString &message, QLineEdit *field) {
        m_error->setText(message);
        m_error->show();
        field->setFocus();
    };
    m_nanoCpus = m_memoryBytes = -1;
    if (const QString t = m_cpus->text().trimmed(); !t.isEmpty()) {
        auto c = Backends::ContainerSpec::parseCpus(t);
        if (!c)
            return fail(c.error().message, m_cpus);
        m_nanoCpus = *c;
    }
    if (const QString t = m_memory->text().trimmed(); !t.isEmpty()) {
        auto m = Backends::ContainerSpec::parseMemory(t);
        if (!m)
            return fail(m.error().message, m_memory);
        m_memoryBytes = *m;
    }
    if (m_nanoCpus < 0 && m_memoryBytes < 0)
        return fail(tr("Give new CPUs, new memory, or both."), m_cpus);
    QDialog::accept();
}

} // namespace Wharf::Ui
