// bench_hb.cpp — time per iteration of Loupe's hierarchical Bayes sampler on simulated data.
//
//   bench_hb [respondents] [items] [sets] [items_per_set] [iterations] [choices.csv]
// defaults 500 20 15 4 2000. Writes the simulated answers as long CSV when a path is given, so
// bayesm.R can time R's bayesm::rhierMnlRwMixture on exactly the same answers.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>

#include "core/hb.h"
#include "core/simulate.h"

using namespace loupe;

namespace {

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += (a[i] - ma) * (b[i] - mb);
        aa += (a[i] - ma) * (a[i] - ma);
        bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / std::sqrt(aa * bb);
}

// Runs `iterations` (half burn-in, half kept) and prints the time per iteration.
void run(const SimulatedSurvey& sim, int iterations, int random_respondents) {
    HbOptions options;
    options.burn_in = iterations / 2;
    options.draws = iterations - iterations / 2;
    options.thin = 1;
    options.random_respondents = random_respondents;
    const auto start = std::chrono::steady_clock::now();
    Result<HbSampler> sampler = HbSampler::start(sim.data, options);
    if (!sampler) {
        std::fprintf(stderr, "%s\n", sampler.error().c_str());
        std::exit(1);
    }
    const auto sampling = std::chrono::steady_clock::now();
    while (!sampler->done()) sampler->step(100);
    const auto end = std::chrono::steady_clock::now();
    Result<HbResult> result = sampler->result();
    double r = 0;
    for (int n = 0; n < sim.data.respondents; ++n) r += correlation(result->utilities[n], sim.utilities[n]);
    const double setup_ms = std::chrono::duration<double, std::milli>(sampling - start).count();
    const double per_iteration_us = std::chrono::duration<double, std::micro>(end - sampling).count() / iterations;
    std::printf("%4d random respondents: setup %.1f ms, %.1f us per iteration, mean correlation with the truth %.4f\n",
                random_respondents, setup_ms, per_iteration_us, r / sim.data.respondents);
}

}  // namespace

int main(int argc, char** argv) {
    auto arg = [&](int i, int fallback) { return argc > i ? std::atoi(argv[i]) : fallback; };
    const int respondents = arg(1, 500), items = arg(2, 20), sets = arg(3, 15), per_set = arg(4, 4);
    const int iterations = arg(5, 2000);

    // Item means spread evenly over [-3, 3], independent individual deviations with sd 1.5.
    Population population;
    population.covariance.assign(static_cast<std::size_t>(items) * items, 0);
    for (int i = 0; i < items; ++i) {
        population.mean.push_back(-3 + 6.0 * i / (items - 1));
        population.covariance[i * items + i] = 1.5 * 1.5;
    }
    Result<DesignSets> design = random_design(items, sets, per_set, 10, 1);
    if (!design) return std::fprintf(stderr, "%s\n", design.error().c_str()), 1;
    Result<SimulatedSurvey> sim = simulate_survey(*design, population, respondents, 2);
    if (!sim) return std::fprintf(stderr, "%s\n", sim.error().c_str()), 1;
    if (argc > 6) std::ofstream(argv[6], std::ios::binary) << write_long_csv(sim->data);

    std::printf("%d respondents, %d items, %d sets of %d, %d iterations\n", respondents, items, sets, per_set, iterations);
    run(*sim, iterations, 0);    // the model alone, comparable with bayesm
    run(*sim, iterations, 200);  // as the app runs it: with the RLH cut-off's random respondents
}
