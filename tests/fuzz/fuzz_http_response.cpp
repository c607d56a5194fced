// The HTTP/1.1 response parser (llhttp underneath): status line, headers (their bound),
// Content-Length and chunked bodies, upgrades, end of file, fed in pieces of any size.
#include "fuzzsupport.h"
#include "http/httpresponseparser.h"

using namespace Wharf::Backends;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = FuzzSupport::bytes(data, size);
    const qsizetype piece = FuzzSupport::pieceSize(input);
    qsizetype body = 0;
    HttpResponseParser parser({[](int, const HttpHeaders &) {}, [&body](const char *, qsizetype n) { body += n; }, [] {}});
    for (int round = 0; round < 2; ++round) { // a second response on the same connection
        parser.reset(round == 1 && (input.size() % 2) == 1);
        HttpResponseParser::State st = HttpResponseParser::State::Headers;
        for (qsizetype at = 1; at < input.size(); at += piece) {
            st = parser.feed(input.constData() + at, std::min(piece, input.size() - at));
            if (st == HttpResponseParser::State::Failed || st == HttpResponseParser::State::Upgraded || st == HttpResponseParser::State::Complete)
                break;
        }
        if (st == HttpResponseParser::State::Failed)
            break;
        if (st == HttpResponseParser::State::Upgraded)
            (void)parser.takeUpgradeRemainder();
        else if (st != HttpResponseParser::State::Complete)
            parser.finishOnEof();
        (void)parser.keepAlive();
    }
    if (body > 2 * qsizetype(size))
        __builtin_trap(); // a body larger than what came in (the input is read twice)
    return 0;
}
