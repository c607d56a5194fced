#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace Wharf::Ui {

// Changes the CPU and memory limits of running containers (docker update). An empty field
// keeps the value; bad input is named inline and the dialog stays open.
class LimitsDialog : public QDialog
{
    Q_OBJECT
public:
    LimitsDialog(const QStringList &names, QWidget *parent = nullptr);

    QLineEdit *cpusField() const { return m_cpus; }
    QLineEdit *memoryField() const { return m_memory; }
    QLabel *errorLabel() const { return m_error; }
    // After accept(): nano CPUs and bytes, -1 where unchanged.
    qint64 nanoCpus() const { return m_nanoCpus; }
    qint64 memoryBytes() const { return m_memoryBytes; }

    void accept() override;

private:
    QLineEdit *m_cpus;
    QLineEdit *m_memory;
    QLabel *m_error;
    qint64 m_nanoCpus = -1;
    qint64 m_memoryBytes = -1;
};

} // namespace Wharf::Ui
