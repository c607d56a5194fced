#pragma once

#include "secrets/credentialstore.h"

#include <QTest>

// Waits for the asynchronous calls of a CredentialStore (tests only).
namespace SecretSupport {

using namespace Wharf::Backends;

inline Error timedOut()
{
    return Error::make(Error::Timeout, QStringLiteral("no answer from the store within 20 s"));
}

inline Error write(CredentialStore &s, const QString &key, const QByteArray &value)
{
    Error out;
    bool done = false;
    s.write(key, value, [&](const Error &e) {
        out = e;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 20000) ? out : timedOut();
}

inline Expected<QByteArray> read(CredentialStore &s, const QString &key)
{
    Expected<QByteArray> out(timedOut());
    bool done = false;
    s.read(key, [&](const Expected<QByteArray> &v) {
        out = v;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 20000) ? out : Expected<QByteArray>(timedOut());
}

inline Error remove(CredentialStore &s, const QString &key)
{
    Error out;
    bool done = false;
    s.remove(key, [&](const Error &e) {
        out = e;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 20000) ? out : timedOut();
}

} // namespace SecretSupport
