// simulate_test.cpp — the deterministic RNG, random designs and simulated respondents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/maxdiff/counts.h"
#include "core/maxdiff/mnl.h"
#include "core/shared/rng.h"
#include "core/maxdiff/simulate.h"

using namespace loupe;

TEST(Rng, IsTheReferenceGenerator) {
    std::uint64_t state = 0;
    EXPECT_EQ(splitmix64(state), 0xE220A8397B1DCDAFull);  // splitmix64's published first output for seed 0
    Rng a(42), b(42), c(43);
    for (int i = 0; i < 100; ++i) {
        const std::uint64_t x = a.next();
        EXPECT_EQ(x, b.next());
        EXPECT_NE(x, c.next());
    }
}

// The ziggurat's layers, wedges and tail together: the share of draws below x is Φ(x) everywhere
// (within 4.5 standard errors), and the tail beyond the layers (|x| > 3.44) holds its 0.058%.
TEST(Rng, NormalDrawsFollowTheNormalCurve) {
    Rng rng(11);
    const int n = 400000;
    std::vector<double> draws(n);
    for (double& x : draws) x = rng.normal();
    std::sort(draws.begin(), draws.end());
    for (double x = -4; x <= 4; x += 0.125) {
        const double expected = 0.5 * std::erfc(-x / std::sqrt(2.0));
        const double seen = static_cast<double>(std::lower_bound(draws.begin(), draws.end(), x) - draws.begin()) / n;
        EXPECT_NEAR(seen, expected, 4.5 * std::sqrt(expected * (1 - expected) / n) + 1e-6) << "at " << x;
    }
    const auto tail = std::count_if(draws.begin(), draws.end(), [](double x) { return std::abs(x) > 3.442619855899; });
    EXPECT_NEAR(static_cast<double>(tail), n * 5.7611e-4, 4.5 * std::sqrt(n * 5.7611e-4));
}

TEST(Rng, DistributionsHaveTheRightMoments) {
    Rng rng(7);
    const int n = 200000;
    double sum = 0, sum_sq = 0, gamma_sum = 0, small_gamma_sum = 0, below_sum = 0;
    for (int i = 0; i < n; ++i) {
        const double x = rng.normal();
        sum += x;
        sum_sq += x * x;
        gamma_sum += rng.gamma(3.5);
        small_gamma_sum += rng.gamma(0.4);
        below_sum += rng.below(10);
        const double u = rng.uniform();
        ASSERT_TRUE(u > 0 && u < 1);
    }
    EXPECT_NEAR(sum / n, 0, 0.01);
    EXPECT_NEAR(sum_sq / n, 1, 0.01);
    EXPECT_NEAR(gamma_sum / n, 3.5, 0.02);
    EXPECT_NEAR(small_gamma_sum / n, 0.4, 0.01);
    EXPECT_NEAR(below_sum / n, 4.5, 0.03);
}

TEST(Simulate, RandomDesignIsBalancedAndValid) {
    Result<DesignSets> design = random_design(20, 15, 4, 3, 1);
    ASSERT_TRUE(design) << design.error();
    ASSERT_EQ(design->size(), 3u);
    for (const auto& version : *design) {
        ASSERT_EQ(version.size(), 15u);
        std::vector<int> count(20, 0);
        for (const auto& set : version) {
            ASSERT_EQ(set.size(), 4u);
            for (int item : set) {
                ++count[item];
                EXPECT_EQ(std::count(set.begin(), set.end(), item), 1);
            }
        }
        for (int c : count) EXPECT_EQ(c, 3);  // 15 x 4 = 60 = 3 x 20
    }
    EXPECT_FALSE(random_design(3, 2, 4, 1, 1));
    EXPECT_FALSE(random_design(10, 0, 4, 1, 1));
}

TEST(Simulate, RespondentsFollowTheirUtilities) {
    // Three items far apart: the answers should rank them the way the utilities do, and the
    // aggregate logit should recover the utility differences.
    Population population{{2, 0, -2}, {0.01, 0, 0, 0, 0.01, 0, 0, 0, 0.01}};
    Result<DesignSets> design = random_design(3, 6, 3, 1, 5);
    ASSERT_TRUE(design) << design.error();
    Result<SimulatedSurvey> sim = simulate_survey(*design, population, 400, 9);
    ASSERT_TRUE(sim) << sim.error();
    EXPECT_EQ(sim->data.respondents, 400);
    EXPECT_EQ(sim->data.tasks.size(), 400u * 6);
    EXPECT_EQ(sim->utilities.size(), 400u);
    Result<MnlResult> fit = fit_mnl(sim->data);
    ASSERT_TRUE(fit) << fit.error();
    EXPECT_NEAR(fit->utilities[0] - fit->utilities[1], 2, 0.15);
    EXPECT_NEAR(fit->utilities[1] - fit->utilities[2], 2, 0.15);
}

TEST(Simulate, IsDeterministicAndChecksItsInput) {
    Population population{{0, 1}, {1, 0, 0, 1}};
    const DesignSets design = {{{0, 1}, {1, 0}}};
    Result<SimulatedSurvey> a = simulate_survey(design, population, 50, 3), b = simulate_survey(design, population, 50, 3);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(write_long_csv(a->data), write_long_csv(b->data));
    EXPECT_EQ(a->utilities, b->utilities);
    EXPECT_EQ(simulate_survey({{{0, 2}}}, population, 5, 1).error(), "The design names an item the population does not have.");
    EXPECT_EQ(simulate_survey({{{0}}}, population, 5, 1).error(), "Every set must show at least two items.");
    EXPECT_EQ(simulate_survey(design, Population{{0, 1}, {1, 2, 2, 1}}, 5, 1).error(),
              "The covariance matrix is not positive definite.");
}
