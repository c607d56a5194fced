#include "builddialog.h"

#include "images/imageactions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;

static bool parseKeyValues(const QString &text, QMap<QString, QString> *out, QString *bad)
{
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *bad = line;
            return false;
        }
        out->insert(line.left(eq).trimmed(), line.mid(eq + 1));
    }
    return true;
}

BuildDialog::BuildDialog(ImageActions *actions, QWidget *parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_context(new QLineEdit)
    , m_dockerfile(new QLineEdit)
    , m_tags(new QLineEdit)
    , m_args(new QPlainTextEdit)
    , m_labels(new QPlainTextEdit)
    , m_target(new QLineEdit)
    , m_noCache(new QCheckBox(tr("Do not use the build cache")))
    , m_pull(new QCheckBox(tr("Always pull the base images")))
    , m_log(new QPlainTextEdit)
    , m_status(new QLabel)
    , m_build(new QPushButton(tr("Build")))
    , m_cancel(new QPushButton(tr("Cancel build")))
    , m_run(new QPushButton(tr("Run…")))
    , m_push(new QPushButton(tr("Push")))
{
    setWindowTitle(tr("Build an image"));
    m_context->setPlaceholderText(tr("a folder with a Dockerfile, or a git URL"));
    m_dockerfile->setPlaceholderText(tr("Dockerfile (in the folder), or another path"));
    m_tags->setPlaceholderText(tr("name:tag, several separated by spaces"));
    m_args->setPlaceholderText(tr("KEY=VALUE, one a line"));
    m_labels->setPlaceholderText(tr("KEY=VALUE, one a line"));
    m_target->setPlaceholderText(tr("the last stage"));
    m_args->setMaximumHeight(70);
    m_labels->setMaximumHeight(70);
    m_log->setReadOnly(true);
    m_log->setFont(QFont(QStringLiteral("monospace")));
    m_log->setMaximumBlockCount(20000);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Build context folder"), m_context->text());
        if (!dir.isEmpty())
            m_context->setText(dir);
    });
    auto *contextRow = new QHBoxLayout;
    contextRow->addWidget(m_context);
    contextRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Context:"), contextRow);
    form->addRow(tr("Dockerfile:"), m_dockerfile);
    form->addRow(tr("Tags:"), m_tags);
    form->addRow(tr("Build arguments:"), m_args);
    form->addRow(tr("Labels:"), m_labels);
    form->addRow(tr("Target stage:"), m_target);
    form->addRow(QString(), m_noCache);
    form->addRow(QString(), m_pull);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_build, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_push, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_cancel->setEnabled(false);
    m_run->setEnabled(false);
    m_push->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_build, &QPushButton::clicked, this, &BuildDialog::startBuild);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_current)
            m_current->cancel();
    });
    connect(m_run, &QPushButton::clicked, this, [this] {
        Q_EMIT runRequested(tags().value(0, m_result));
    });
    connect(m_push, &QPushButton::clicked, this, [this] {
        for (const QString &t : tags())
            m_actions->push(t);
        m_status->setText(tr("Pushing %1: see the task list.").arg(tags().join(QStringLiteral(", "))));
    });
    auto *l = new QVBoxLayout(this);
    l->addLayout(form);
    l->addWidget(m_log, 1);
    l->addWidget(m_status);
    l->addWidget(buttons);
    resize(760, 640);
}

QStringList BuildDialog::tags() const
{
    return m_tags->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
}

void BuildDialog::startBuild()
{
    BuildRequest req;
    req.context = m_context->text().trimmed();
    req.dockerfile = m_dockerfile->text().trimmed();
    if (req.context.isEmpty()) {
        m_status->setText(tr("Choose the build context: a folder with a Dockerfile, or a git URL."));
        return;
    }
    QString bad;
    if (!parseKeyValues(m_args->toPlainText(), &req.options.buildArgs, &bad)) {
        m_status->setText(tr("Build argument \"%1\" needs the form KEY=VALUE.").arg(bad));
        return;
    }
    if (!parseKeyValues(m_labels->toPlainText(), &req.options.labels, &bad)) {
        m_status->setText(tr("Label \"%1\" needs the form KEY=VALUE.").arg(bad));
        return;
    }
    req.options.tags = tags();
    req.options.target = m_target->text().trimmed();
    req.options.noCache = m_noCache->isChecked();
    req.options.pull = m_pull->isChecked();
    m_log->clear();
    m_result.clear();
    m_status->setText(tr("Building…"));
    m_build->setEnabled(false);
    m_cancel->setEnabled(true);
    m_run->setEnabled(false);
    m_push->setEnabled(false);
    m_current = m_actions->build(req);
    // What the run said before this dialog listened (packing may finish at once).
    for (const QString &l : m_current->log())
        m_log->appendPlainText(l);
    connect(m_current, &BuildRun::line, this, [this](const QString &l) {
        m_log->appendPlainText(l.endsWith(QLatin1Char('\n')) ? l.chopped(1) : l);
        m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
    });
    BuildRun *run = m_current;
    connect(run, &BuildRun::finished, this, [this, run] {
        m_build->setEnabled(true);
        m_cancel->setEnabled(false);
        if (run->error().isError()) {
            m_status->setText(tr("The build failed: %1").arg(run->error().message));
            return;
        }
        m_result = run->imageId();
        m_status->setText(tags().isEmpty() ? tr("Built %1.").arg(m_result) : tr("Built %1 as %2.").arg(m_result.left(19), tags().join(QStringLiteral(", "))));
        m_run->setEnabled(true);
        m_push->setEnabled(!tags().isEmpty());
    });
}

} // namespace Wharf::Ui
