#pragma once

// A bounded HTTP request loop on loopback for the services' tests and benchmarks: clients
// threads, each sending GET requests one after another, each on a connection of its own
// (Connection: close), until stop() and at least `minimum` requests in all. Every answer
// is counted by its body (a replica answers with its host name); anything but a 200 (a refused
// or reset connection, a timeout, another status) is a failure, kept with its reason.

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace TestSupport {

class LoadLoop
{
public:
    // address: an IPv4 address (loopback, or a replica's on a bridge of the test's daemon)
    LoadLoop(int port, int clients, int minimum, QByteArray host = "localhost", QByteArray path = "/", QByteArray address = "127.0.0.1")
        : m_port(port), m_clients(clients), m_minimum(minimum), m_host(std::move(host)), m_path(std::move(path)), m_address(std::move(address))
    {
    }
    ~LoadLoop()
    {
        stop();
        wait();
    }

    void start()
    {
        for (int i = 0; i < m_clients; ++i)
            m_threads.emplace_back([this] { run(); });
    }
    // Ends the loop once at least the minimum was sent (stop() first: exactly about the minimum).
    void stop() { m_stop = true; }
    void wait()
    {
        for (auto &t : m_threads)
            if (t.joinable())
                t.join();
        m_threads.clear();
    }
    int total() const { return m_total.load(); }
    int failures() const { return m_failed.load(); }
    QHash<QString, int> answers() const
    {
        QMutexLocker lock(&m_mutex);
        return m_answers;
    }
    QStringList failureReasons() const
    {
        QMutexLocker lock(&m_mutex);
        return m_reasons;
    }
    // Latencies of the successful requests, in microseconds, sorted.
    std::vector<qint64> latencies() const
    {
        QMutexLocker lock(&m_mutex);
        std::vector<qint64> v = m_latencies;
        std::sort(v.begin(), v.end());
        return v;
    }

    // One request; the body on success, else an empty string and the reason.
    static bool request(int port, const QByteArray &host, const QByteArray &path, QString *body, QString *reason, const QByteArray &address = "127.0.0.1")
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) {
            *reason = QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        timeval tv{10, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(quint16(port));
        if (::inet_pton(AF_INET, address.constData(), &a.sin_addr) != 1) {
            *reason = QStringLiteral("not an IPv4 address: %1").arg(QString::fromLatin1(address));
            ::close(fd);
            return false;
        }
        if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
            *reason = QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            ::close(fd);
            return false;
        }
        const QByteArray req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
        if (::send(fd, req.constData(), size_t(req.size()), MSG_NOSIGNAL) != req.size()) {
            *reason = QStringLiteral("send: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            ::close(fd);
            return false;
        }
        QByteArray answer;
        char buf[4096];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n == 0)
                break;
            if (n < 0) {
                *reason = QStringLiteral("recv: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
                ::close(fd);
                return false;
            }
            answer.append(buf, n);
            if (answer.size() > 1024 * 1024)
                break;
        }
        ::close(fd);
        const qsizetype end = answer.indexOf("\r\n\r\n");
        const QByteArray status = answer.left(answer.indexOf("\r\n"));
        if (!status.startsWith("HTTP/1.1 200") && !status.startsWith("HTTP/1.0 200")) {
            *reason = status.isEmpty() ? QStringLiteral("no answer (connection closed)") : QString::fromLatin1(status);
            return false;
        }
        *body = end < 0 ? QString() : QString::fromUtf8(answer.mid(end + 4)).trimmed();
        return true;
    }

private:
    void run()
    {
        std::vector<qint64> mine;
        while (!m_stop || m_total.load() < m_minimum) {
            QString body, reason;
            const auto t0 = std::chrono::steady_clock::now();
            const bool ok = request(m_port, m_host, m_path, &body, &reason, m_address);
            const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
            ++m_total;
            QMutexLocker lock(&m_mutex);
            if (ok) {
                ++m_answers[body];
                mine.push_back(us);
            } else {
                ++m_failed;
                if (m_reasons.size() < 20)
                    m_reasons << reason;
            }
        }
        QMutexLocker lock(&m_mutex);
        m_latencies.insert(m_latencies.end(), mine.begin(), mine.end());
    }

    int m_port;
    int m_clients;
    int m_minimum;
    QByteArray m_host;
    QByteArray m_path;
    QByteArray m_address;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_total{0};
    std::atomic<int> m_failed{0};
    mutable QMutex m_mutex;
    QHash<QString, int> m_answers;
    QStringList m_reasons;
    std::vector<qint64> m_latencies;
};

} // namespace TestSupport
