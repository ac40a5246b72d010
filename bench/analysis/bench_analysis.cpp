// bench_analysis.cpp — the results of a large survey, as the results screen makes them after an
// import (native or wasm).
//
//   bench_analysis [respondents] [items]      (default 20000 x 30)
// Simulates `respondents` answering a survey of `items` items (screens of 5, each item shown 3
// times, 10 versions; not timed). Then times (CPU time, see ../cpu_time.h), median of 3 runs:
//   counts and logit: analysis.h's estimate(), what the screen shows first after the import;
//   HB: the sampler's start, and its iterations one by one (the app runs as many as fit in a
//       25 ms slice per frame, at least one), with 200 random respondents as the app runs it.
// Prints, each line starting with its number:
//   "0.207 s: counts and logit for 20000 respondents x 30 items (360000 screens; median of 3)"
//   "80.7 ms: one HB iteration for 20000 respondents x 30 items (median of 20; start 0.58 s)"
//   "71.7 MB: memory at the end (peak resident set natively, the wasm heap under node)"
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "../cpu_time.h"
#include "core/maxdiff/analysis.h"
#include "core/maxdiff/simulate.h"

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

using namespace loupe;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size();
    return m % 2 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
}

double memory_mb() {
#ifdef __EMSCRIPTEN__
    return double(__builtin_wasm_memory_size(0)) * 65536 / 1e6;
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) * 1024 / 1e6;  // Linux reports kilobytes
#endif
}

// Through a pointer, as the app steps HB from its frame function: V8 optimises a wasm function
// only for its later calls, so a loop inlined into this one call of main would run unoptimised.
void (*volatile run_iteration)(HbSampler&) = [](HbSampler& sampler) { sampler.step(1); };

}  // namespace

int main(int argc, char** argv) {
    const int respondents = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int items = argc > 2 ? std::atoi(argv[2]) : 30;
    constexpr int kPerSet = 5, kShows = 3, kVersions = 10;
    const int sets = items * kShows / kPerSet;
    auto design = random_design(items, sets, kPerSet, kVersions, 7);
    Population population;
    population.covariance.assign(std::size_t(items) * items, 0);
    for (int i = 0; i < items; ++i) {
        population.mean.push_back(1.5 - 3.0 * i / (items - 1));
        population.covariance[std::size_t(i) * items + i] = 1;
    }
    auto simulated = design ? simulate_survey(*design, population, respondents, 11)
                            : failure<SimulatedSurvey>(design.error());
    if (!simulated) {
        std::fprintf(stderr, "bench_analysis: %s\n", simulated.error().c_str());
        return 1;
    }
    const ChoiceData& data = simulated->data;

    std::vector<double> estimate_s;
    Result<Estimates> estimates = failure<Estimates>("");
    for (int run = 0; run < 3; ++run) {
        const double start = cpu_ms();
        estimates = estimate(data);
        estimate_s.push_back((cpu_ms() - start) / 1000);
        if (!estimates || !estimates->mnl) {
            std::fprintf(stderr, "bench_analysis: the logit failed: %s\n",
                         estimates ? estimates->mnl.error().c_str() : estimates.error().c_str());
            return 1;
        }
    }
    std::printf("%.3f s: counts and logit for %d respondents x %d items (%zu screens; median of 3)\n",
                median(estimate_s), respondents, items, data.tasks.size());

    const double start = cpu_ms();
    // Started from the logit just fitted, as the results screen does.
    auto sampler = HbSampler::start(data, plan_hb(kDefaultHbIterations, kDefaultHbSeed), &*estimates->mnl);
    const double start_s = (cpu_ms() - start) / 1000;
    if (!sampler) {
        std::fprintf(stderr, "bench_analysis: HB did not start: %s\n", sampler.error().c_str());
        return 1;
    }
    // The first iteration also finds every chain's starting point, as the app's first slices do.
    const double first_at = cpu_ms();
    run_iteration(*sampler);
    const double first_s = (cpu_ms() - first_at) / 1000;
    std::vector<double> iteration_ms;
    for (int i = 0; i < 20; ++i) {
        const double at = cpu_ms();
        run_iteration(*sampler);
        iteration_ms.push_back(cpu_ms() - at);
    }
    std::printf("%.1f ms: one HB iteration for %d respondents x %d items (median of 20; start %.2f s, then the "
                "first iteration with the starting points %.2f s, in slices in the app)\n",
                median(iteration_ms), respondents, items, start_s, first_s);
    std::printf("%.1f MB: memory at the end (peak resident set natively, the wasm heap under node)\n", memory_mb());
    return 0;
}
