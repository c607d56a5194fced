#pragma once

// What every fuzz target shares: the input as a QByteArray, and a cut of it at a point the
// input itself chooses (so the fuzzer explores bytes split anywhere, as a socket splits them).
#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace FuzzSupport {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The first byte is the piece size (1..256) the rest is fed in.
inline qsizetype pieceSize(const QByteArray &input)
{
    return input.isEmpty() ? 1 : qsizetype(uint8_t(input.at(0))) + 1;
}

} // namespace FuzzSupport
