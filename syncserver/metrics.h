// Counters and a latency histogram for /metrics, in the Prometheus text format.
#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>

namespace carta::syncserver {

class Metrics
{
public:
    void observeRequest(const QString &route, int status, std::chrono::microseconds elapsed);
    void add(const QString &counter, qint64 amount = 1); // e.g. "carta_push_items_total{result=\"accepted\"}"

    [[nodiscard]] QByteArray render() const;

private:
    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    struct Histogram
    {
        std::array<qint64, kBuckets.size()> buckets{};
        qint64 count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<QString, qint64> m_counters;
    std::map<QString, Histogram> m_latency; // by route
};

} // namespace carta::syncserver
