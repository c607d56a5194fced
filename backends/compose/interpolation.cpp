#include "interpolation.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Wharf::Backends::Compose {

namespace {

// lupdate files the messages of free functions under their namespace; so does this
QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Backends::Compose", text);
}

bool isNameStart(QChar c)
{
    return c == u'_' || (c.unicode() < 128 && c.isLetter());
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c.unicode() < 128 && c.isDigit());
}

// the index of the } that closes the ${ whose body starts at from, or -1
qsizetype closingBrace(const QString &s, qsizetype from)
{
    int depth = 0;
    for (qsizetype i = from; i < s.size(); ++i) {
        if (s[i] == u'$' && i + 1 < s.size() && s[i + 1] == u'$') {
            ++i;
            continue;
        }
        if (s[i] == u'$' && i + 1 < s.size() && s[i + 1] == u'{') {
            ++depth;
            ++i;
            continue;
        }
        if (s[i] == u'}') {
            if (depth == 0)
                return i;
            --depth;
        }
    }
    return -1;
}

bool expand(const QString &text, const Lookup &lookup, QString &out, Interpolated &r, int depth)
{
    if (depth > 20) {
        r.error = tr("variables nest too deeply");
        return false;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != u'$') {
            out += c;
            continue;
        }
        if (i + 1 >= text.size()) {
            r.error = tr("invalid interpolation format in \"%1\": a lone $ at the end (write $$ for a dollar sign)").arg(text);
            return false;
        }
        const QChar n = text[i + 1];
        if (n == u'$') {
            out += u'$';
            ++i;
            continue;
        }
        if (isNameStart(n)) {
            qsizetype j = i + 1;
            while (j < text.size() && isNameChar(text[j]))
                ++j;
            const QString name = text.mid(i + 1, j - i - 1);
            const auto v = lookup(name);
            if (!v)
                r.unset << name;
            out += v.value_or(QString());
            i = j - 1;
            continue;
        }
        if (n != u'{') {
            r.error = tr("invalid interpolation format in \"%1\": \"$%2\" (write $$ for a dollar sign)").arg(text, n);
            return false;
        }
        const qsizetype close = closingBrace(text, i + 2);
        if (close < 0) {
            r.error = tr("invalid interpolation format in \"%1\": \"${\" is not closed").arg(text);
            return false;
        }
        const QString body = text.mid(i + 2, close - i - 2);
        qsizetype k = 0;
        while (k < body.size() && (k == 0 ? isNameStart(body[k]) : isNameChar(body[k])))
            ++k;
        if (k == 0) {
            r.error = tr("invalid interpolation format in \"%1\": \"${%2}\" does not start with a variable name").arg(text, body);
            return false;
        }
        const QString name = body.left(k);
        const QString rest = body.mid(k);
        const auto v = lookup(name);
        if (rest.isEmpty()) {
            if (!v)
                r.unset << name;
            out += v.value_or(QString());
        } else {
            const bool colon = rest.startsWith(u':');
            const QString op = colon ? rest.mid(1, 1) : rest.left(1);
            const QString arg = rest.mid(colon ? 2 : 1);
            const bool missing = colon ? (!v || v->isEmpty()) : !v;
            if (op == u"-") {
                if (missing) {
                    QString def;
                    if (!expand(arg, lookup, def, r, depth + 1))
                        return false;
                    out += def;
                } else {
                    out += *v;
                }
            } else if (op == u"?") {
                if (missing) {
                    QString why;
                    expand(arg, lookup, why, r, depth + 1);
                    r.error = why.isEmpty() ? tr("required variable %1 is missing a value").arg(name)
                                            : tr("required variable %1 is missing a value: %2").arg(name, why);
                    return false;
                }
                out += *v;
            } else if (op == u"+") {
                if (!missing) {
                    QString alt;
                    if (!expand(arg, lookup, alt, r, depth + 1))
                        return false;
                    out += alt;
                }
            } else {
                r.error = tr("invalid interpolation format in \"%1\": \"${%2}\" (use :- - :? ? :+ or +)").arg(text, body);
                return false;
            }
        }
        i = close;
    }
    return true;
}

} // namespace

Interpolated interpolate(const QString &text, const Lookup &lookup)
{
    Interpolated r;
    if (!text.contains(u'$')) {
        r.value = text;
        return r;
    }
    QString out;
    if (expand(text, lookup, out, r, 0))
        r.value = out;
    r.unset.removeDuplicates();
    return r;
}

DotEnv parseDotEnv(const QByteArray &text, const Lookup &lookup)
{
    DotEnv env;
    QHash<QString, QString> seen;
    const Lookup chained = [&](const QString &name) -> std::optional<QString> {
        if (seen.contains(name))
            return seen.value(name);
        return lookup ? lookup(name) : std::nullopt;
    };
    const QString all = QString::fromUtf8(text);
    const QStringList lines = all.split(u'\n');
    for (int ln = 0; ln < lines.size(); ++ln) {
        QString line = lines[ln];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        QString body = trimmed;
        if (body.startsWith(u"export "_s))
            body = body.mid(7).trimmed();
        const qsizetype eq = body.indexOf(u'=');
        const QString key = (eq < 0 ? body : body.left(eq)).trimmed();
        bool validKey = !key.isEmpty();
        for (QChar c : key)
            if (c.isSpace() || c == u'"' || c == u'\'')
                validKey = false;
        if (!validKey) {
            env.error = tr("line %1: \"%2\" is not KEY=VALUE").arg(ln + 1).arg(trimmed);
            env.errorLine = ln + 1;
            return env;
        }
        if (eq < 0) { // KEY alone: from the environment, if there
            if (const auto v = lookup ? lookup(key) : std::nullopt) {
                env.values.append({key, *v});
                seen.insert(key, *v);
            }
            continue;
        }
        QString raw = body.mid(eq + 1);
        while (raw.startsWith(u' ') || raw.startsWith(u'\t'))
            raw.remove(0, 1);
        QString value;
        if (raw.startsWith(u'\'')) {
            const qsizetype end = raw.indexOf(u'\'', 1);
            if (end < 0) {
                env.error = tr("line %1: the single quote is not closed").arg(ln + 1);
                env.errorLine = ln + 1;
                return env;
            }
            value = raw.mid(1, end - 1);
        } else if (raw.startsWith(u'"')) {
            // may span lines
            QString acc = raw.mid(1);
            int endLine = ln;
            qsizetype end = -1;
            for (;;) {
                for (qsizetype i = 0; i < acc.size(); ++i) {
                    if (acc[i] == u'\\') {
                        ++i;
                        continue;
                    }
                    if (acc[i] == u'"') {
                        end = i;
                        break;
                    }
                }
                if (end >= 0 || endLine + 1 >= lines.size())
                    break;
                acc += u'\n' + lines[++endLine];
            }
            if (end < 0) {
                env.error = tr("line %1: the double quote is not closed").arg(ln + 1);
                env.errorLine = ln + 1;
                return env;
            }
            ln = endLine;
            QString unescaped;
            const QString inner = acc.left(end);
            for (qsizetype i = 0; i < inner.size(); ++i) {
                if (inner[i] == u'\\' && i + 1 < inner.size()) {
                    const QChar e = inner[++i];
                    unescaped += e == u'n' ? u'\n' : e == u't' ? u'\t' : e == u'r' ? u'\r' : e;
                } else {
                    unescaped += inner[i];
                }
            }
            const Interpolated in = interpolate(unescaped, chained);
            if (!in.error.isEmpty()) {
                env.error = tr("line %1: %2").arg(ln + 1).arg(in.error);
                env.errorLine = ln + 1;
                return env;
            }
            value = in.value;
        } else {
            // unquoted: a # after whitespace starts a comment
            qsizetype hash = -1;
            for (qsizetype i = 0; i < raw.size(); ++i)
                if (raw[i] == u'#' && (i == 0 || raw[i - 1].isSpace())) {
                    hash = i;
                    break;
                }
            if (hash >= 0)
                raw = raw.left(hash);
            const Interpolated in = interpolate(raw.trimmed(), chained);
            if (!in.error.isEmpty()) {
                env.error = tr("line %1: %2").arg(ln + 1).arg(in.error);
                env.errorLine = ln + 1;
                return env;
            }
            value = in.value;
        }
        env.values.append({key, value});
        seen.insert(key, value);
    }
    return env;
}

} // namespace Wharf::Backends::Compose
