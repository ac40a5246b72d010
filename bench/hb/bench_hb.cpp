// bench_hb.cpp — time per iteration of Loupe's hierarchical Bayes sampler (native or wasm).
//
//   bench_hb simulate choices.csv
//       writes 1000 simulated respondents (20 items, 15 sets of 4) as long CSV, for this
//       program and for bayesm.R alike, and prints what it made
//   bench_hb choices.csv iterations random_respondents
//       reads them, runs the sampler and prints one line starting with the median CPU time
//       per iteration in ms (see ../cpu_time.h), e.g. "0.712 ms per iteration (median of ...".
// The sampler runs with the default options (thinning 10, the usual priors) except for the
// number of iterations (half burn-in, half kept) and of random respondents (0 = the model
// alone, the same work per iteration as bayesm; 200 = as the app runs it).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../cpu_time.h"
#include "core/maxdiff/hb.h"
#include "core/maxdiff/simulate.h"

using namespace loupe;

namespace {

int fail(const std::string& why) {
    std::fprintf(stderr, "bench_hb: %s\n", why.c_str());
    return 1;
}

// Item means spread evenly over [-3, 3], independent individual deviations with sd 1.5;
// a random design in 10 versions.
int simulate(const char* path) {
    constexpr int respondents = 1000, items = 20, sets = 15, per_set = 4;
    Population population;
    population.covariance.assign(items * items, 0);
    for (int i = 0; i < items; ++i) {
        population.mean.push_back(-3 + 6.0 * i / (items - 1));
        population.covariance[i * items + i] = 1.5 * 1.5;
    }
    Result<DesignSets> design = random_design(items, sets, per_set, 10, 1);
    if (!design) return fail(design.error());
    Result<SimulatedSurvey> sim = simulate_survey(*design, population, respondents, 2);
    if (!sim) return fail(sim.error());
    const std::string csv = write_long_csv(sim->data);
    std::FILE* out = std::fopen(path, "wb");
    if (!out) return fail(std::string("cannot write ") + path);
    const bool written = std::fwrite(csv.data(), 1, csv.size(), out) == csv.size();
    if (std::fclose(out) != 0 || !written) return fail(std::string("cannot write ") + path);
    std::printf("%d respondents x %d items x %d sets of %d\n", respondents, items, sets, per_set);
    return 0;
}

// Each slice through a pointer, as the app runs HB: a slice at a time from its frame function.
// V8 first runs wasm through its baseline compiler and moves a function to optimised code only
// on a later call (there is no on-stack replacement in wasm): called straight from the one call
// of time_sampler, the whole sampler was inlined into it and timed unoptimised, 2-3x slower.
void (*volatile run_slice)(HbSampler&, int) = [](HbSampler& sampler, int iterations) { sampler.step(iterations); };

int time_sampler(const char* path, int iterations, int random_respondents) {
    std::FILE* in = std::fopen(path, "rb");  // stdio, not iostreams: those are slow under wasm
    if (!in) return fail(std::string("cannot read ") + path);
    std::string text;
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) text.append(buffer, n);
    std::fclose(in);
    Result<ChoiceData> data = read_long_csv(text);
    if (!data) return fail(std::string(path) + ": " + data.error());

    HbOptions options;
    options.burn_in = iterations / 2;
    options.draws = std::max(1, (iterations - options.burn_in) / options.thin);
    options.random_respondents = random_respondents;
    const double start = cpu_ms();
    Result<HbSampler> sampler = HbSampler::start(*data, options);
    if (!sampler) return fail(sampler.error());
    const double setup_ms = cpu_ms() - start;

    // Slices of 100 iterations; their median shrugs off other processes' bursts (and, under
    // node, the first slice run before the optimising compiler has caught up).
    constexpr int slice = 100;
    std::vector<double> per_iteration;
    double total_ms = 0;
    int done = 0;
    while (!sampler->done()) {
        const double t = cpu_ms();
        run_slice(*sampler, slice);
        const double ms = cpu_ms() - t;
        const int n = std::min(slice, sampler->status().iteration - done);
        done += n;
        total_ms += ms;
        per_iteration.push_back(ms / n);
    }
    std::sort(per_iteration.begin(), per_iteration.end());
    const std::size_t m = per_iteration.size();
    const double median = m % 2 ? per_iteration[m / 2] : (per_iteration[m / 2 - 1] + per_iteration[m / 2]) / 2;
    Result<HbResult> result = sampler->result();
    if (!result) return fail(result.error());
    std::printf("%.3f ms per iteration (median of %zu slices of %d; mean %.3f), setup %.0f ms, acceptance %.2f, "
                "%d respondents + %d random, %zu items, %zu tasks\n",
                median, m, slice, total_ms / done, setup_ms, result->acceptance, data->respondents,
                random_respondents, data->items.size(), data->tasks.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "simulate") return simulate(argv[2]);
    if (argc == 4) return time_sampler(argv[1], std::atoi(argv[2]), std::atoi(argv[3]));
    return fail("usage: bench_hb simulate choices.csv | bench_hb choices.csv iterations random_respondents");
}
