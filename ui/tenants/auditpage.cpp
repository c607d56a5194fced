#include "auditpage.h"
#include "widgets/recordtable.h"

#include "docker/format.h"

#include "tenancy/recordtablemodel.h"
#include "tenancy/tenancyservice.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Backends;
using Models::RecordTableModel;

AuditPage::AuditPage(Models::TenancyService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    chooseExportFile = [this] { return QFileDialog::getSaveFileName(this, tr("Export the audit log"), QStringLiteral("audit.csv"), tr("CSV files (*.csv)")); };
    m_model = new RecordTableModel({tr("Time"), tr("Actor"), tr("Tenant"), tr("Host"), tr("Action"), tr("Target"), tr("Result"), tr("Detail")}, this);
    auto makeFilter = [this](const QString &placeholder) {
        auto *e = new QLineEdit;
        e->setPlaceholderText(placeholder);
        e->setClearButtonEnabled(true);
        connect(e, &QLineEdit::editingFinished, this, &AuditPage::reload);
        return e;
    };
    m_tenant = makeFilter(tr("Tenant"));
    m_actor = makeFilter(tr("Who"));
    m_action = makeFilter(tr("What (for example container.)"));
    m_host = makeFilter(tr("Host"));
    m_since = new QComboBox;
    m_since->addItem(tr("Last hour"), 3600);
    m_since->addItem(tr("Last day"), 86400);
    m_since->addItem(tr("Last 7 days"), 7 * 86400);
    m_since->addItem(tr("Last 30 days"), 30 * 86400);
    m_since->addItem(tr("All time"), 0);
    m_since->setCurrentIndex(2);
    connect(m_since, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    auto *exportButton = new QPushButton(tr("Export CSV…"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = chooseExportFile();
        if (path.isEmpty())
            return;
        const QString error = exportCsv(path);
        m_status->setText(error.isEmpty() ? tr("Exported %n record(s) to %1.", nullptr, int(m_entries.size())).arg(path) : error);
    });
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_tenant);
    filters->addWidget(m_actor);
    filters->addWidget(m_action);
    filters->addWidget(m_host);
    filters->addWidget(m_since);
    filters->addWidget(exportButton);
    if (m_service->isTenant())
        m_tenant->hide(); // a tenant's trail is its own
    m_view = makeRecordTable(m_model, this, Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // a long trail: columns are not measured over every row
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_status = new QLabel;
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view);
    layout->addWidget(m_status);
    connect(m_service, &Models::TenancyService::changed, this, &AuditPage::reload);
    reload();
}

AuditFilter AuditPage::filter() const
{
    AuditFilter f;
    f.tenant = m_service->isTenant() ? m_service->principal().tenant : m_tenant->text().trimmed();
    f.actor = m_actor->text().trimmed();
    f.action = m_action->text().trimmed();
    f.host = m_host->text().trimmed();
    const int window = m_since->currentData().toInt();
    f.since = window ? QDateTime::currentSecsSinceEpoch() - window : 0;
    f.limit = 5000;
    return f;
}

void AuditPage::reload()
{
    const AuditFilter f = filter();
    m_service->query<Expected<QList<AuditEntry>>>(this, [f](TenancyStore &s) { return s.auditLog(f); },
                                                  [this](const Expected<QList<AuditEntry>> &list) {
        if (!list) {
            m_status->setText(list.error().message);
            Q_EMIT loaded();
            return;
        }
        m_entries = *list;
        QList<RecordTableModel::Record> rows;
        for (const auto &e : *list) {
            const bool denied = e.result.startsWith(QLatin1String("denied")) || e.result == QLatin1String("failed");
            rows << RecordTableModel::Record{QString::number(e.id),
                                             {QDateTime::fromSecsSinceEpoch(e.at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.actor, e.tenant,
                                              e.host, e.action, e.target, e.result, e.detail},
                                             {e.at},
                                             denied ? QVariant(QColor(0xc0, 0x1c, 0x28)) : QVariant()};
        }
        m_model->setRecords(rows);
        m_status->setText(tr("%n record(s)", nullptr, int(rows.size())));
        Q_EMIT loaded();
    });
}

QString AuditPage::exportCsv(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    QString s = QStringLiteral("time,actor,tenant,host,action,target,result,detail\n");
    for (const auto &e : m_entries)
        s += QStringList{QDateTime::fromSecsSinceEpoch(e.at, Qt::UTC).toString(Qt::ISODate), csvField(e.actor), csvField(e.tenant), csvField(e.host),
                         csvField(e.action), csvField(e.target), csvField(e.result), csvField(e.detail)}
                 .join(QLatin1Char(','))
            + QLatin1Char('\n');
    f.write(s.toUtf8());
    if (!f.commit())
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace Wharf::Ui
