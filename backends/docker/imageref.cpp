#include "imageref.h"

#include <QRegularExpression>

namespace Wharf::Backends {

namespace {
const QRegularExpression &componentRe()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$"));
    return re;
}
const QRegularExpression &tagRe()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    return re;
}
const QRegularExpression &digestRe()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$"));
    return re;
}
const QRegularExpression &domainRe()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$"));
    return re;
}
} // namespace

bool ImageRef::isValidTag(const QString &tag)
{
    return tagRe().match(tag).hasMatch();
}

Expected<ImageRef> ImageRef::parseRepository(const QString &text)
{
    auto r = parse(text, false);
    if (!r)
        return r;
    if (!r->tag.isEmpty() || !r->digest.isEmpty())
        return Error::make(Error::Input, tr("\"%1\" names a tag or digest; give the repository alone.").arg(text));
    return r;
}

Expected<ImageRef> ImageRef::parse(const QString &input, bool defaultTag)
{
    const QString text = input.trimmed();
    auto bad = [&](const QString &why) {
        return Error::make(Error::Input, tr("\"%1\" is not a valid image reference: %2").arg(text, why));
    };
    if (text.isEmpty())
        return Error::make(Error::Input, tr("An image name is needed."));
    ImageRef r;
    QString rest = text;
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        r.digest = rest.mid(at + 1);
        rest = rest.left(at);
        if (!digestRe().match(r.digest).hasMatch())
            return bad(tr("the digest \"%1\" is malformed.").arg(r.digest));
    }
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon > slash) {
        r.tag = rest.mid(colon + 1);
        rest = rest.left(colon);
        if (!isValidTag(r.tag))
            return bad(tr("the tag \"%1\" may only have letters, digits, '_', '.' and '-' (at most 128).").arg(r.tag));
    }
    QStringList parts = rest.split(QLatin1Char('/'));
    if (parts.size() > 1) {
        const QString &first = parts.first();
        if (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) || first == QLatin1String("localhost")
            || first != first.toLower()) {
            if (!domainRe().match(first).hasMatch())
                return bad(tr("the registry \"%1\" is not a host name with an optional port.").arg(first));
            r.registry = first;
            parts.removeFirst();
        }
    }
    if (r.registry.isEmpty())
        r.registry = QString(DockerHub);
    if (r.registry == QLatin1String("index.docker.io") || r.registry == QLatin1String("registry-1.docker.io"))
        r.registry = QString(DockerHub);
    for (const QString &p : parts) {
        if (p.isEmpty())
            return bad(tr("it has an empty path component."));
        if (!componentRe().match(p).hasMatch())
            return bad(tr("the name \"%1\" may only have lower-case letters, digits and separators (. _ __ -).").arg(p));
    }
    if (r.isDockerHub() && parts.size() == 1)
        parts.prepend(QStringLiteral("library"));
    r.repository = parts.join(QLatin1Char('/'));
    if (r.repository.size() > 255)
        return bad(tr("the name is longer than 255 characters."));
    if (defaultTag && r.tag.isEmpty() && r.digest.isEmpty())
        r.tag = QStringLiteral("latest");
    return r;
}

QString ImageRef::familiarName() const
{
    if (isDockerHub()) {
        if (repository.startsWith(QLatin1String("library/")) && repository.count(QLatin1Char('/')) == 1)
            return repository.mid(8);
        return repository;
    }
    return registry + QLatin1Char('/') + repository;
}

QString ImageRef::toString() const
{
    QString s = familiarName();
    if (!tag.isEmpty())
        s += QLatin1Char(':') + tag;
    if (!digest.isEmpty())
        s += QLatin1Char('@') + digest;
    return s;
}

QString ImageRef::authServerAddress() const
{
    return isDockerHub() ? QStringLiteral("https://index.docker.io/v1/") : registry;
}

} // namespace Wharf::Backends
