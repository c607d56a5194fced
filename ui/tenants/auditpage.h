#pragma once

#include "store/tenancystore.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace Wharf::Models {
class TenancyService;
class RecordTableModel;
}

namespace Wharf::Ui {

// The audit log: who did what, when, where, for which tenant, and what came of it; filtered
// by any of those, exported to CSV. A tenant's console shows the tenant's own trail only.
class AuditPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPage(Models::TenancyService *service, QWidget *parent = nullptr);
    void reload();
    Backends::AuditFilter filter() const;
    Models::RecordTableModel *model() const { return m_model; }
    QLineEdit *tenantFilter() const { return m_tenant; }
    QLineEdit *actorFilter() const { return m_actor; }
    QLineEdit *actionFilter() const { return m_action; }
    QLineEdit *hostFilter() const { return m_host; }
    // Writes the rows shown to a CSV file; an error sentence, or empty.
    QString exportCsv(const QString &path) const;
    std::function<QString()> chooseExportFile;

Q_SIGNALS:
    void loaded();

private:
    Models::TenancyService *m_service;
    Models::RecordTableModel *m_model;
    QList<Backends::AuditEntry> m_entries;
    QLineEdit *m_tenant;
    QLineEdit *m_actor;
    QLineEdit *m_action;
    QLineEdit *m_host;
    QComboBox *m_since;
    QTableView *m_view;
    QLabel *m_status;
};

} // namespace Wharf::Ui
