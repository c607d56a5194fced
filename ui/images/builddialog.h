#pragma once

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

#include "images/imageactions.h"

namespace Wharf::Ui {

// Build an image from a Dockerfile: a local folder (packed honouring .dockerignore) or a git
// URL the engine fetches; tags, build arguments, labels, target, no-cache and pull. The log
// streams as the engine writes it; a failure names its step. A built image can be run or
// pushed from here.
class BuildDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BuildDialog(Models::ImageActions *actions, QWidget *parent = nullptr);

    QLineEdit *contextField() const { return m_context; }
    QLineEdit *dockerfileField() const { return m_dockerfile; }
    QLineEdit *tagsField() const { return m_tags; }
    QPlainTextEdit *buildArgsField() const { return m_args; }
    QPlainTextEdit *labelsField() const { return m_labels; }
    QLineEdit *targetField() const { return m_target; }
    QCheckBox *noCacheField() const { return m_noCache; }
    QCheckBox *pullField() const { return m_pull; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *status() const { return m_status; }
    QPushButton *buildButton() const { return m_build; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *pushButton() const { return m_push; }
    Models::BuildRun *currentRun() const { return m_current; }

public Q_SLOTS:
    void startBuild();

Q_SIGNALS:
    void runRequested(const QString &image);

private:
    QStringList tags() const;
    Models::ImageActions *m_actions;
    QLineEdit *m_context;
    QLineEdit *m_dockerfile;
    QLineEdit *m_tags;
    QPlainTextEdit *m_args;
    QPlainTextEdit *m_labels;
    QLineEdit *m_target;
    QCheckBox *m_noCache;
    QCheckBox *m_pull;
    QPlainTextEdit *m_log;
    QLabel *m_status;
    QPushButton *m_build;
    QPushButton *m_cancel;
    QPushButton *m_run;
    QPushButton *m_push;
    QPointer<Models::BuildRun> m_current;
    QString m_result;
};

} // namespace Wharf::Ui
