#include "shellwords.h"

namespace Wharf::Backends {

std::optional<QStringList> splitShellWords(const QString &text)
{
    QStringList out;
    QString cur;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == u'\\' && quote == u'"' && i + 1 < text.size() && QStringLiteral("\"\\$`").contains(text[i + 1])) {
                cur += text[++i];
            } else {
                cur += c;
            }
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < text.size()) {
            cur += text[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                out << cur;
            cur.clear();
            inWord = false;
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return std::nullopt;
    if (inWord)
        out << cur;
    return out;
}

} // namespace Wharf::Backends
