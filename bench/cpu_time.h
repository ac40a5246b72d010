// cpu_time.h — CPU time used by this process, in ms, natively and under node.
//
// The benchmarks time CPU rather than wall-clock time: on a machine shared with other work a
// process waiting for a core would look slower than it is. On an idle machine the two agree
// (the benchmarks are single-threaded).
#pragma once

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
// std::clock() in Emscripten is wall time; node knows the process's CPU time.
EM_JS(double, cpu_ms, (), {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
});
#else
#include <ctime>
inline double cpu_ms() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
#endif
