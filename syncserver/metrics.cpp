// Prometheus text exposition.
#include "metrics.h"

namespace carta::syncserver {

void Metrics::observeRequest(const QString &route, int status, std::chrono::microseconds elapsed)
{
    const double seconds = double(elapsed.count()) / 1e6;
    std::lock_guard lock(m_mutex);
    m_counters[QStringLiteral("carta_http_requests_total{route=\"%1\",status=\"%2\"}").arg(route).arg(status)] += 1;
    Histogram &h = m_latency[route];
    for (size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
    ++h.count;
    h.sum += seconds;
}

void Metrics::add(const QString &counter, qint64 amount)
{
    std::lock_guard lock(m_mutex);
    m_counters[counter] += amount;
}

QByteArray Metrics::render() const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    QString lastFamily;
    for (const auto &[name, value] : m_counters) {
        const QString family = name.left(name.indexOf(QLatin1Char('{')));
        if (family != lastFamily) {
            out += "# TYPE " + family.toUtf8() + " counter\n";
            lastFamily = family;
        }
        out += name.toUtf8() + ' ' + QByteArray::number(value) + '\n';
    }
    if (!m_latency.empty())
        out += "# HELP carta_http_request_duration_seconds Time from request read to response written.\n"
               "# TYPE carta_http_request_duration_seconds histogram\n";
    for (const auto &[route, h] : m_latency) {
        const QByteArray label = "route=\"" + route.toUtf8() + "\"";
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out += "carta_http_request_duration_seconds_bucket{" + label + ",le=\"" + QByteArray::number(kBuckets[i]) + "\"} "
                + QByteArray::number(h.buckets[i]) + '\n';
        out += "carta_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + QByteArray::number(h.count) + '\n';
        out += "carta_http_request_duration_seconds_sum{" + label + "} " + QByteArray::number(h.sum, 'f', 6) + '\n';
        out += "carta_http_request_duration_seconds_count{" + label + "} " + QByteArray::number(h.count) + '\n';
    }
    return out;
}

} // namespace carta::syncserver
