#include "imagedetailsdialog.h"

#include "docker/format.h"
#include "hosts/hostconnection.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Backends;

static QTableWidget *makeTable(const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

static QString joinArray(const QJsonValue &v, const QString &sep = QStringLiteral(" "))
{
    QStringList out;
    for (const auto &x : v.toArray())
        out << x.toString();
    return out.join(sep);
}

ImageDetailsDialog::ImageDetailsDialog(Models::HostConnection *host, const QString &reference, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget)
    , m_overview(new QLabel(tr("Loading…")))
    , m_history(makeTable({tr("Layer"), tr("Created", "column: creation time"), tr("Size"), tr("Created by")}))
    , m_labels(makeTable({tr("Label"), tr("Value")}))
    , m_raw(new QPlainTextEdit)
{
    setWindowTitle(tr("Image %1").arg(reference));
    m_overview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_overview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_overview->setWordWrap(true);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFont(QStringLiteral("monospace")));
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_labels, tr("Labels"));
    m_tabs->addTab(m_raw, tr("Inspect"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *l = new QVBoxLayout(this);
    l->addWidget(m_tabs);
    l->addWidget(buttons);
    resize(820, 560);

    using Read = Models::HostConnection::Read;
    host->read(Read::Image, reference, this, [this](const Expected<QJsonDocument> &inspect) {
        if (!inspect) {
            m_overview->setText(inspect.error().message);
            return;
        }
        const QJsonObject o = inspect->object();
        m_raw->setPlainText(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
        const QJsonObject c = o.value(QLatin1String("Config")).toObject();
        QStringList ports;
        const QJsonObject exposed = c.value(QLatin1String("ExposedPorts")).toObject();
        ports = exposed.keys();
        const QDateTime created = QDateTime::fromString(o.value(QLatin1String("Created")).toString(), Qt::ISODateWithMs);
        auto row = [](const QString &k, const QString &v) {
            return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.isEmpty() ? QStringLiteral("—") : v.toHtmlEscaped());
        };
        QString html = QStringLiteral("<table cellspacing=4>");
        html += row(tr("ID"), o.value(QLatin1String("Id")).toString());
        html += row(tr("Tags"), joinArray(o.value(QLatin1String("RepoTags")), QStringLiteral(", ")));
        html += row(tr("Digests"), joinArray(o.value(QLatin1String("RepoDigests")), QStringLiteral(", ")));
        html += row(tr("Created", "image detail"), created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::LongFormat) : QString());
        html += row(tr("Size"), formatSize(o.value(QLatin1String("Size")).toDouble()));
        html += row(tr("Platform"), o.value(QLatin1String("Os")).toString() + QLatin1Char('/') + o.value(QLatin1String("Architecture")).toString());
        html += row(tr("Command"), joinArray(c.value(QLatin1String("Cmd"))));
        html += row(tr("Entrypoint"), joinArray(c.value(QLatin1String("Entrypoint"))));
        html += row(tr("Working folder"), c.value(QLatin1String("WorkingDir")).toString());
        html += row(tr("User"), c.value(QLatin1String("User")).toString());
        html += row(tr("Exposed ports"), ports.join(QStringLiteral(", ")));
        html += row(tr("Environment"), joinArray(c.value(QLatin1String("Env")), QStringLiteral("\n")));
        html += QStringLiteral("</table>");
        m_overview->setText(html.replace(QStringLiteral("\n"), QStringLiteral("<br>")));
        const QJsonObject labels = c.value(QLatin1String("Labels")).toObject();
        m_labels->setRowCount(int(labels.size()));
        int r = 0;
        for (auto it = labels.begin(); it != labels.end(); ++it, ++r) {
            m_labels->setItem(r, 0, new QTableWidgetItem(it.key()));
            m_labels->setItem(r, 1, new QTableWidgetItem(it.value().toString()));
        }
    });
    host->read(Read::ImageHistory, reference, this, [this](const Expected<QJsonDocument> &history) {
        if (!history)
            return;
        const QJsonArray layers = history->array();
        m_history->setRowCount(int(layers.size()));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int r = 0; r < layers.size(); ++r) {
            const QJsonObject l = layers[r].toObject();
            const QString id = l.value(QLatin1String("Id")).toString();
            m_history->setItem(r, 0, new QTableWidgetItem(id.startsWith(QLatin1String("sha256:")) ? id.mid(7, 12) : id));
            m_history->setItem(r, 1, new QTableWidgetItem(formatAge(qint64(l.value(QLatin1String("Created")).toDouble()), now)));
            m_history->setItem(r, 2, new QTableWidgetItem(formatSize(l.value(QLatin1String("Size")).toDouble())));
            m_history->setItem(r, 3, new QTableWidgetItem(l.value(QLatin1String("CreatedBy")).toString().simplified()));
        }
        m_history->resizeColumnsToContents();
    });
}

} // namespace Wharf::Ui
