#pragma once

#include "hosts/hoststore.h"

#include <QDialog>

class QLineEdit;
class QCheckBox;
class QLabel;
class QDialogButtonBox;

namespace Wharf::Ui {

// Add a Docker host: a name, a group, the address, and TLS files for tcp:// hosts.
class AddHostDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddHostDialog(Models::HostStore *store, QWidget *parent = nullptr);
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const { return m_url; }
    QLabel *errorLabel() const { return m_error; }
    QString addedId() const { return m_added; }

private:
    void tryAdd();
    Models::HostStore *m_store;
    QLineEdit *m_name, *m_group, *m_url, *m_ca, *m_cert, *m_key;
    QCheckBox *m_tls, *m_lab;
    QLabel *m_error;
    QString m_added;
};

} // namespace Wharf::Ui
