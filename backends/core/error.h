#pragma once

// The value every layer passes failures as: what failed, in a sentence for a person, and what
// kind it was; and Expected<T>, a value or that Error. No exceptions cross a layer.

#include <QString>

#include <utility>
#include <variant>

namespace Wharf::Backends {

// Errors are values: what failed, in a sentence for a person, and what kind it was.
struct Error
{
    enum Kind { None, Connect, Protocol, Timeout, Canceled, Http, Tls, Input, Stream, NotFound, Secret, Database, Denied, Quota, Conflict };
    Kind kind = None;
    QString message;
    int httpStatus = 0;

    bool isError() const { return kind != None; }
    static Error make(Kind k, const QString &msg, int status = 0) { return Error{k, msg, status}; }
};

// A value or an Error (std::expected is C++23; this is the part we need).
template<typename T>
class Expected
{
public:
    Expected(T value)
        : m_v(std::move(value))
    {
    }
    Expected(Error error)
        : m_v(std::move(error))
    {
    }
    bool hasValue() const { return m_v.index() == 0; }
    explicit operator bool() const { return hasValue(); }
    const T &value() const { return std::get<0>(m_v); }
    T &value() { return std::get<0>(m_v); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

} // namespace Wharf::Backends
