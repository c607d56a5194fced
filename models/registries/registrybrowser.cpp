#include "registrybrowser.h"

#include <algorithm>

namespace Wharf::Models {

using namespace Backends;

RegistryBrowser::RegistryBrowser(QObject *parent)
    : QObject(parent)
{
}

Error RegistryBrowser::notOpen() const
{
    return Error::make(Error::Input, tr("No registry is open."));
}

void RegistryBrowser::close()
{
    ++m_generation;
    if (m_client)
        m_client->deleteLater(); // its requests go with it, unanswered
    m_client = nullptr;
}

void RegistryBrowser::open(const RegistryConfig &registry, CredentialStore *credentials, Done<QStringList> repositories)
{
    close();
    const quint64 gen = m_generation;
    QPointer<RegistryBrowser> self(this);
    auto withClient = [self, gen, repositories](const Expected<RegistryClient *> &c) {
        if (!self || gen != self->m_generation) {
            if (c)
                (*c)->deleteLater();
            return;
        }
        if (!c)
            return repositories(c.error());
        self->m_client = *c;
        (*c)->repositories([self, gen, repositories](const Expected<QStringList> &repos) {
            if (self && gen == self->m_generation)
                repositories(repos);
        });
    };
    if (credentials)
        return RegistryLogins::client(credentials, registry, this, withClient);
    const auto url = RegistryClient::parseUrl(registry.url);
    if (!url)
        return repositories(url.error());
    withClient(new RegistryClient(*url, this));
}

void RegistryBrowser::tags(const QString &repository, Done<QStringList> done)
{
    if (!m_client)
        return done(notOpen());
    m_client->tags(repository, [done](const Expected<QStringList> &listed) {
        if (!listed)
            return done(listed);
        done(newestFirst(*listed));
    });
}

void RegistryBrowser::image(const QString &repository, const QString &tag, Done<RegistryImage> done)
{
    if (!m_client)
        return done(notOpen());
    m_client->image(repository, tag, std::move(done));
}

void RegistryBrowser::remove(const QString &repository, const QString &reference, Done<QString> done)
{
    if (!m_client)
        return done(notOpen());
    m_client->deleteImage(repository, reference, std::move(done));
}

// a before b as numbers are read: runs of digits compare by value ("1.10" after "1.9"),
// the rest by code point; the same in every locale.
static bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Without leading zeros the longer run is the larger number.
            QStringView x = QStringView(a).mid(i, ei - i), y = QStringView(b).mid(j, ej - j);
            while (x.size() > 1 && x.front() == u'0')
                x = x.mid(1);
            while (y.size() > 1 && y.front() == u'0')
                y = y.mid(1);
            if (x.size() != y.size())
                return x.size() < y.size();
            if (const int c = x.compare(y); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

QStringList RegistryBrowser::newestFirst(QStringList tags)
{
    std::stable_sort(tags.begin(), tags.end(), [](const QString &a, const QString &b) {
        if ((a == QLatin1String("latest")) != (b == QLatin1String("latest")))
            return a == QLatin1String("latest");
        return naturalLess(b, a);
    });
    return tags;
}

} // namespace Wharf::Models
