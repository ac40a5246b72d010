// hb_test.cpp — hierarchical Bayes recovers known individual utilities, flags random answering,
// is deterministic for a seed however it is sliced, and can be stopped at any point.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/maxdiff/hb.h"
#include "core/maxdiff/mnl.h"
#include "core/maxdiff/simulate.h"

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

// Item means evenly spread over [-spread, spread], independent individual deviations of sd `sd`.
Population spread_population(int items, double spread, double sd) {
    Population population;
    population.covariance.assign(static_cast<std::size_t>(items) * items, 0);
    for (int i = 0; i < items; ++i) {
        population.mean.push_back(-spread + 2 * spread * i / (items - 1));
        population.covariance[i * items + i] = sd * sd;
    }
    return population;
}

SimulatedSurvey simulated(int respondents, int items, int sets, int per_set, std::uint64_t seed) {
    Result<DesignSets> design = random_design(items, sets, per_set, 10, seed);
    EXPECT_TRUE(design) << design.error();
    Result<SimulatedSurvey> sim = simulate_survey(*design, spread_population(items, 3, 1.5), respondents, seed + 1);
    EXPECT_TRUE(sim) << sim.error();
    return *sim;
}

HbOptions quick_options() {
    HbOptions o;
    o.burn_in = 200;
    o.draws = 100;
    o.thin = 2;
    o.random_respondents = 20;
    o.seed = 99;
    return o;
}

void expect_same(const HbResult& a, const HbResult& b) {
    EXPECT_EQ(a.utilities, b.utilities);
    EXPECT_EQ(a.scores, b.scores);
    EXPECT_EQ(a.rlh, b.rlh);
    EXPECT_EQ(a.rlh_cutoff, b.rlh_cutoff);
    EXPECT_EQ(a.population_scores, b.population_scores);
    EXPECT_EQ(a.scores_low, b.scores_low);
    EXPECT_EQ(a.scores_high, b.scores_high);
}

}  // namespace

// The acceptance bar of the engine: 500 respondents, 20 items, 15 sets of 4.
TEST(Hb, RecoversIndividualUtilities) {
    const SimulatedSurvey sim = simulated(500, 20, 15, 4, 2024);
    HbOptions options;
    options.burn_in = 500;  // short: the chains start near their modes (see hb.h)
    options.draws = 500;
    options.thin = 1;
    options.random_respondents = 100;
    const auto start = std::chrono::steady_clock::now();
    Result<HbResult> result = estimate_hb(sim.data, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(result) << result.error();

    double hb = 0, population_only = 0;
    const std::vector<double> mean = spread_population(20, 3, 1.5).mean;
    for (int n = 0; n < 500; ++n) {
        hb += correlation(result->utilities[n], sim.utilities[n]) / 500;
        population_only += correlation(mean, sim.utilities[n]) / 500;
    }
    EXPECT_GE(hb, 0.85);
    EXPECT_GT(hb, population_only + 0.05);  // individual information, not just the average ranking
    std::ostringstream measured;
    measured << "mean correlation " << hb << " (true population mean alone: " << population_only << "), "
             << seconds * 1e6 / 1000 << " us per iteration, acceptance " << result->acceptance;
    RecordProperty("measured", measured.str());

    EXPECT_EQ(result->set_size, 4);
    EXPECT_NEAR(result->acceptance, 0.3, 0.1);
    double total = 0;
    for (int i = 0; i < 20; ++i) {
        total += result->population_scores[i];
        EXPECT_LE(result->scores_low[i], result->population_scores[i]);
        EXPECT_GE(result->scores_high[i], result->population_scores[i]);
    }
    EXPECT_NEAR(total, 100, 1e-9);
    for (int i = 1; i < 20; ++i) EXPECT_GT(result->population_scores[i], result->population_scores[i - 1] - 0.5);
    EXPECT_NEAR(std::accumulate(result->scores[7].begin(), result->scores[7].end(), 0.0), 100, 1e-9);
    EXPECT_NEAR(std::accumulate(result->utilities[7].begin(), result->utilities[7].end(), 0.0), 0, 1e-9);
}

TEST(Hb, RlhCutOffSeparatesRandomFromRealRespondents) {
    SimulatedSurvey sim = simulated(300, 12, 9, 4, 7);
    Rng rng(1);
    for (Task& task : sim.data.tasks) {  // the last 60 respondents answer at random
        if (task.respondent < 240) continue;
        const int best = rng.below(4);
        const int worst = (best + 1 + rng.below(3)) % 4;
        task.best = task.shown[best];
        task.worst = task.shown[worst];
    }
    HbOptions options = quick_options();
    options.burn_in = 300;
    options.draws = 300;
    options.random_respondents = 400;
    Result<HbResult> result = estimate_hb(sim.data, options);
    ASSERT_TRUE(result) << result.error();
    const double chance = std::sqrt(1.0 / 4 * 1.0 / 3);
    EXPECT_GT(result->rlh_cutoff, chance);
    int real_flagged = 0, random_flagged = 0;
    for (int n = 0; n < 300; ++n) (n < 240 ? real_flagged : random_flagged) += result->rlh[n] < result->rlh_cutoff;
    RecordProperty("measured", "cut-off " + std::to_string(result->rlh_cutoff) + ", flagged: random " +
                                   std::to_string(random_flagged) + "/60, real " + std::to_string(real_flagged) + "/240");
    EXPECT_GE(random_flagged, 48);  // 80%; about 95% expected
    EXPECT_LE(real_flagged, 24);    // 10%
}

TEST(Hb, AgreesWithTheAggregateLogitOnRicebws1) {
    std::ifstream in(std::string(LOUPE_DATASETS_DIR) + "/ricebws1_long.csv", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Result<ChoiceData> data = read_long_csv(text.str());
    ASSERT_TRUE(data) << data.error();
    Result<HbResult> hb = estimate_hb(*data, quick_options());
    ASSERT_TRUE(hb) << hb.error();
    Result<MnlResult> mnl = fit_mnl(*data);
    ASSERT_TRUE(mnl) << mnl.error();
    std::vector<double> hb_mean(data->items.size(), 0);
    for (const auto& u : hb->utilities)
        for (std::size_t i = 0; i < u.size(); ++i) hb_mean[i] += u[i] / data->respondents;
    EXPECT_GT(correlation(hb_mean, mnl->utilities), 0.98);
    EXPECT_EQ(hb->rlh.size(), 90u);
}

TEST(Hb, IsDeterministicHoweverItIsSliced) {
    const SimulatedSurvey sim = simulated(60, 8, 6, 4, 3);
    Result<HbResult> whole = estimate_hb(sim.data, quick_options());
    ASSERT_TRUE(whole) << whole.error();
    for (int slice : {1, 7, 1000}) {
        Result<HbSampler> sampler = HbSampler::start(sim.data, quick_options());
        ASSERT_TRUE(sampler) << sampler.error();
        while (!sampler->done()) sampler->step(slice);
        Result<HbResult> sliced = sampler->result();
        ASSERT_TRUE(sliced) << sliced.error();
        expect_same(*whole, *sliced);
    }
    // Parts of iterations (the app's slices for large surveys): 7 or 1 respondents at a time, or
    // a part and then whole iterations from the middle of one; the starting points in parts too.
    for (int part : {1, 7, 59}) {
        Result<HbSampler> sampler = HbSampler::start(sim.data, quick_options());
        ASSERT_TRUE(sampler) << sampler.error();
        for (int i = 0; !sampler->done(); ++i) i % 5 == 4 ? sampler->step(2) : sampler->step_respondents(part);
        Result<HbResult> sliced = sampler->result();
        ASSERT_TRUE(sliced) << sliced.error();
        expect_same(*whole, *sliced);
    }
    // Started from the logit the caller already fitted (the results screen's): the same estimates.
    Result<MnlResult> logit = fit_mnl(sim.data);
    ASSERT_TRUE(logit) << logit.error();
    Result<HbSampler> given = HbSampler::start(sim.data, quick_options(), &*logit);
    ASSERT_TRUE(given) << given.error();
    given->step(1 << 20);
    Result<HbResult> from_given = given->result();
    ASSERT_TRUE(from_given) << from_given.error();
    expect_same(*whole, *from_given);
    HbOptions other = quick_options();
    other.seed = 100;
    Result<HbResult> different = estimate_hb(sim.data, other);
    ASSERT_TRUE(different);
    EXPECT_NE(different->utilities, whole->utilities);
}

TEST(Hb, ReportsProgressAndCanBeAbandoned) {
    HbOptions options = quick_options();
    Result<HbSampler> sampler = [&] {
        const SimulatedSurvey sim = simulated(40, 6, 5, 3, 11);
        return HbSampler::start(sim.data, options);
    }();  // the sampler keeps what it needs: the data may go away
    ASSERT_TRUE(sampler) << sampler.error();
    EXPECT_EQ(sampler->progress(), 0);
    EXPECT_FALSE(sampler->done());
    EXPECT_EQ(sampler->result().error(), "The estimation has not finished.");
    HbStatus status = sampler->status();
    EXPECT_EQ(status.total_iterations, 400);
    EXPECT_TRUE(status.burning_in);

    sampler->step(150);
    EXPECT_DOUBLE_EQ(sampler->progress(), 150.0 / 400);
    status = sampler->status();
    EXPECT_EQ(status.iteration, 150);
    EXPECT_TRUE(status.burning_in);
    EXPECT_GT(status.mean_rlh, 1.0 / 3);  // better than guessing among 3
    sampler->step(100);
    EXPECT_FALSE(sampler->status().burning_in);
    const double frozen = sampler->status().proposal_scale;
    sampler->step(10);
    EXPECT_EQ(sampler->status().proposal_scale, frozen);  // adapts during burn-in only
    sampler->step(1000);
    EXPECT_TRUE(sampler->done());
    EXPECT_EQ(sampler->progress(), 1);
    sampler->step(5);  // no effect once done
    EXPECT_EQ(sampler->status().iteration, 400);
    EXPECT_TRUE(sampler->result());
    // Cancelling is not calling step() again: an abandoned sampler just goes out of scope.
}

TEST(Hb, RefusesBadOptionsAndData) {
    const SimulatedSurvey sim = simulated(10, 5, 4, 3, 1);
    HbOptions options = quick_options();
    options.draws = 0;
    EXPECT_EQ(HbSampler::start(sim.data, options).error(), "Burn-in must be 0 or more, draws and thinning 1 or more.");
    options = quick_options();
    options.target_acceptance = 1.5;
    EXPECT_EQ(HbSampler::start(sim.data, options).error(), "The target acceptance rate must be between 0 and 1.");
    ChoiceData empty;
    EXPECT_EQ(HbSampler::start(empty).error(), "There must be at least two items.");
}
