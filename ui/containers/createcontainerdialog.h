#pragma once

#include "docker/containerspec.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QComboBox;
class QPlainTextEdit;
class QDialogButtonBox;
class QCheckBox;

namespace Wharf::Ui {

// The create-container form. Validates as you type, says what is wrong next to the buttons,
// and only lets a valid spec through.
class CreateContainerDialog : public QDialog
{
    Q_OBJECT
public:
    CreateContainerDialog(const QStringList &images, const QStringList &networks, QWidget *parent = nullptr);

    Backends::ContainerSpec spec() const { return m_spec; }
    bool startAfterCreate() const;
    // Builds the spec from the fields; an error names the field that is wrong.
    Backends::Error validate();
    QString errorText() const;

    // Fields, for tests.
    QComboBox *imageField() const { return m_image; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *commandField() const { return m_command; }
    QLineEdit *entrypointField() const { return m_entrypoint; }
    QPlainTextEdit *envField() const { return m_env; }
    QPlainTextEdit *portsField() const { return m_ports; }
    QPlainTextEdit *volumesField() const { return m_volumes; }
    QLineEdit *memoryField() const { return m_memory; }
    QLineEdit *cpusField() const { return m_cpus; }
    QComboBox *restartField() const { return m_restart; }
    QComboBox *networkField() const { return m_network; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    QComboBox *m_image;
    QLineEdit *m_name;
    QLineEdit *m_command;
    QLineEdit *m_entrypoint;
    QPlainTextEdit *m_env;
    QPlainTextEdit *m_ports;
    QPlainTextEdit *m_volumes;
    QLineEdit *m_memory;
    QLineEdit *m_cpus;
    QComboBox *m_restart;
    QComboBox *m_network;
    QCheckBox *m_start;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    Backends::ContainerSpec m_spec;
};


} // namespace Wharf::Ui
