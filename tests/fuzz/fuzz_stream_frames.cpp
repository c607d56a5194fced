// The daemon's streams: multiplexed log and exec frames (8-byte headers, a size bound),
// newline-delimited JSON (events, stats, progress) and the progress messages read from it.
#include "docker/jsonmessages.h"
#include "fuzzsupport.h"
#include "http/socketframe.h"

using namespace Wharf::Backends;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = FuzzSupport::bytes(data, size);
    const qsizetype piece = FuzzSupport::pieceSize(input);
    qsizetype out = 0;
    FrameDemuxer frames([&out](FrameDemuxer::Stream, const QByteArray &payload) { out += payload.size(); }, 64 * 1024);
    JsonLineSplitter lines;
    JsonMessageStream messages;
    bool framesOk = true;
    for (qsizetype at = 1; at < input.size(); at += piece) {
        const char *p = input.constData() + at;
        const qsizetype n = std::min(piece, input.size() - at);
        if (framesOk)
            framesOk = frames.feed(p, n);
        Error e;
        (void)lines.feed(p, n, &e);
        (void)messages.feed(QByteArray(p, n));
    }
    (void)messages.finish();
    if (out > qsizetype(size))
        __builtin_trap();
    return 0;
}
