// Work spread over a few threads, for core/site's own use.
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace carta::site::detail {

// Calls work(index, thread) for every index in [0, count), on up to `threads` threads (the
// caller's among them; thread 0 is the caller's), and returns when all are done. Each
// index is taken by one thread; which one, and the order, are not fixed.
template <typename Work>
void forEachIndex(qsizetype count, qsizetype threads, const Work &work)
{
    std::atomic<qsizetype> next = 0;
    const auto run = [&](qsizetype thread) {
        for (qsizetype i = next++; i < count; i = next++)
            work(i, thread);
    };
    std::vector<std::thread> pool;
    for (qsizetype t = 1; t < std::min(threads, count); ++t)
        pool.emplace_back(run, t);
    run(0);
    for (std::thread &t : pool)
        t.join();
}

} // namespace carta::site::detail
