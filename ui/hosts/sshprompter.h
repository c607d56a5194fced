#pragma once

#include "ssh/sshsettings.h"

#include <QPointer>
#include <QWidget>

namespace Wharf::Ui {

// The console's answers to SSH questions: a dialog with the host key's SHA-256 fingerprint
// (trusted only on an explicit "Trust and connect"), and a passphrase or password dialog that
// offers to keep the secret in the system keychain. Window-modal and asynchronous: the rest of
// the console keeps running while the person reads.
class SshPrompter : public Backends::SshInteraction
{
public:
    explicit SshPrompter(QWidget *parent);
    void confirmHostKey(const HostKey &key, std::function<void(bool)> answer) override;
    void askSecret(const SecretRequest &request, std::function<void(std::optional<QString>, bool)> answer) override;
    void setParent(QWidget *parent) { m_parent = parent; }

private:
    QPointer<QWidget> m_parent;
};

} // namespace Wharf::Ui
