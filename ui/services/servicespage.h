#pragma once

#include "services/servicespec.h"

#include <QDialog>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace Wharf::Models {
class HostConnection;
}
namespace Wharf::Models::Services {
class ServiceListModel;
}

namespace Wharf::Ui {

// Asks for a new service: name, image and command, replicas, what the router publishes, the
// health check and the limits of each replica. Checked (ServiceSpec::validate) before it closes.
class ServiceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServiceDialog(QWidget *parent = nullptr);
    // The spec the fields describe, or the first problem with them.
    Backends::Expected<Models::Services::ServiceSpec> spec() const;
    void done(int result) override;

    QLineEdit *name() const { return m_name; }
    QLineEdit *image() const { return m_image; }
    QLineEdit *command() const { return m_command; }
    QSpinBox *replicas() const { return m_replicas; }
    QLineEdit *publish() const { return m_publish; }
    QLineEdit *healthPath() const { return m_health; }
    QLineEdit *cpus() const { return m_cpus; }
    QLineEdit *memory() const { return m_memory; }
    QLabel *problem() const { return m_problem; }

private:
    QLineEdit *m_name, *m_image, *m_command, *m_publish, *m_health, *m_cpus, *m_memory;
    QSpinBox *m_replicas;
    QLabel *m_problem;
};

// The services of one host: replicas ready and wanted, what the router publishes, the status
// the controller writes as it converges (a rollout's progress), and each service's replicas.
// New, scale, update the image, roll back, restart and remove, each a request of the host's
// operations layer; the controller of the host (this console's control loop when it holds the
// host's lease, or wharfctl controller) does the rest.
class ServicesPage : public QWidget
{
    Q_OBJECT
public:
    explicit ServicesPage(Models::HostConnection *host, QWidget *parent = nullptr);

    Models::Services::ServiceListModel *services() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTableView *replicasTable() const { return m_replicasView; }
    QLabel *message() const { return m_message; }
    QString selectedService() const;
    void selectService(const QString &name);

    void newService();
    void scaleSelected();
    void updateImageOfSelected();
    void rollbackSelected();
    void restartSelected();
    void removeSelected();

    // Replaceable for tests: the new service's dialog, the replica count, the new image, a yes/no.
    std::function<std::optional<Models::Services::ServiceSpec>()> askSpec;
    std::function<std::optional<int>(const QString &service, int current)> askReplicas;
    std::function<std::optional<QString>(const QString &service, const QString &current)> askImage;
    std::function<bool(const QString &question)> confirm;

protected:
    void showEvent(QShowEvent *e) override;
    void hideEvent(QHideEvent *e) override;

private:
    void showReplicas();
    void said(const QString &what, const Backends::Error &e);
    void updateButtons();

    Models::HostConnection *m_host;
    Models::Services::ServiceListModel *m_model;
    QTableView *m_table;
    QTableView *m_replicasView;
    QStandardItemModel *m_replicas;
    QLabel *m_message;
    QList<QPushButton *> m_selectionButtons;
};

} // namespace Wharf::Ui
