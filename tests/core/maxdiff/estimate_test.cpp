// estimate_test.cpp — counts and the aggregate logit agree with R (support.BWS, survival::clogit)
// on the published ricebws1 data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/maxdiff/choices.h"
#include "datasets.h"
#include "core/maxdiff/counts.h"
#include "core/maxdiff/mnl.h"

using namespace loupe;

namespace {

int index_of(const ChoiceData& data, const std::string& item) {
    for (int i = 0; i < static_cast<int>(data.items.size()); ++i)
        if (data.items[i] == item) return i;
    return -1;
}

ChoiceData ricebws1() {
    Result<ChoiceData> data = read_long_csv(read_dataset("ricebws1_long.csv"));
    EXPECT_TRUE(data) << data.error();
    return data ? *data : ChoiceData{};
}

}  // namespace

TEST(Counts, MatchSupportBwsOnRicebws1) {
    const ChoiceData data = ricebws1();
    const auto ref = rice_reference();
    ASSERT_EQ(ref.size(), data.items.size());
    Result<std::vector<ItemCounts>> counts = count_choices(data);
    ASSERT_TRUE(counts) << counts.error();
    for (const auto& [item, r] : ref) {
        const int i = index_of(data, item);
        ASSERT_GE(i, 0) << item;
        const ItemCounts& c = (*counts)[i];
        EXPECT_EQ(c.shown, 360) << item;  // 90 respondents x 4 appearances
        EXPECT_EQ(c.best, r.at("B")) << item;
        EXPECT_EQ(c.worst, r.at("W")) << item;
        EXPECT_EQ(c.best_minus_worst, r.at("BW")) << item;
        EXPECT_NEAR(c.standardised, r.at("mean.stdBW"), 1e-12) << item;
        EXPECT_NEAR(c.sqrt_ratio, r.at("sqrtBW"), 1e-12) << item;
        EXPECT_NEAR(c.sqrt_ratio_scaled, r.at("std.sqrtBW"), 1e-12) << item;
    }
}

TEST(Counts, NeverChosenWorstGetsAFiniteRatio) {
    ChoiceData data;
    data.items = {"a", "b", "c"};
    data.respondents = 1;
    data.tasks = {Task{0, {0, 1, 2}, 0, 2}, Task{0, {0, 1, 2}, 0, 1}};
    Result<std::vector<ItemCounts>> counts = count_choices(data);
    ASSERT_TRUE(counts) << counts.error();
    EXPECT_DOUBLE_EQ((*counts)[0].sqrt_ratio, std::sqrt(2.5 / 0.5));
    EXPECT_DOUBLE_EQ((*counts)[0].sqrt_ratio_scaled, 1);
    EXPECT_DOUBLE_EQ((*counts)[1].sqrt_ratio, 0);
    EXPECT_DOUBLE_EQ((*counts)[0].standardised, 1);
}

TEST(Mnl, MatchesClogitSequentialOnRicebws1) {
    const ChoiceData data = ricebws1();
    const auto ref = rice_reference();
    Result<MnlResult> fit = fit_mnl(data);
    ASSERT_TRUE(fit) << fit.error();
    EXPECT_TRUE(fit->converged);
    EXPECT_LT(fit->iterations, 20);
    EXPECT_NEAR(fit->log_likelihood, -1309.708, 0.01);
    EXPECT_NEAR(fit->null_log_likelihood, 630 * -std::log(12.0), 1e-9);

    const Contrasts vs_milling = relative_to(*fit, index_of(data, "Milling_date"));
    double max_coef_diff = 0, max_se_diff = 0;
    for (const auto& [item, r] : ref) {
        const int i = index_of(data, item);
        max_coef_diff = std::max(max_coef_diff, std::abs(vs_milling.coefficients[i] - r.at("sequential_coef")));
        max_se_diff = std::max(max_se_diff, std::abs(vs_milling.standard_errors[i] - r.at("sequential_se")));
    }
    EXPECT_LT(max_coef_diff, 0.001);
    EXPECT_LT(max_se_diff, 0.001);
    std::ostringstream measured;
    measured.precision(10);
    measured << "max |coef - clogit| = " << max_coef_diff << ", max |se - clogit| = " << max_se_diff
             << ", log-likelihood = " << fit->log_likelihood;
    RecordProperty("measured", measured.str());

    double sum = 0;
    for (double u : fit->utilities) sum += u;
    EXPECT_NEAR(sum, 0, 1e-12);
    // Covariance of zero-centred utilities: every row sums to zero.
    const int k = static_cast<int>(data.items.size());
    for (int i = 0; i < k; ++i) {
        double row = 0;
        for (int j = 0; j < k; ++j) row += fit->covariance[i * k + j];
        EXPECT_NEAR(row, 0, 1e-12);
    }
}

// The fit counts tasks that show the same items with the same answers once, with a weight: the
// answers given three times (in shuffled screen order) give the same utilities, with standard
// errors sqrt(3) times smaller, and three times the log-likelihood.
TEST(Mnl, RepeatedAnswersWeighAsOftenAsTheyCame) {
    const ChoiceData once = ricebws1();
    ChoiceData thrice = once;
    thrice.tasks.clear();
    for (int copy = 0; copy < 3; ++copy)
        for (Task task : once.tasks) {
            std::rotate(task.shown.begin(), task.shown.begin() + copy % int(task.shown.size()), task.shown.end());
            task.respondent += copy * once.respondents;
            thrice.tasks.push_back(task);
        }
    thrice.respondents = 3 * once.respondents;
    thrice.respondent_ids.clear();
    for (int r = 0; r < thrice.respondents; ++r) thrice.respondent_ids.push_back(std::to_string(r));
    const Result<MnlResult> a = fit_mnl(once), b = fit_mnl(thrice);
    ASSERT_TRUE(a && b);
    for (std::size_t i = 0; i < once.items.size(); ++i) {
        EXPECT_NEAR(b->utilities[i], a->utilities[i], 1e-9) << once.items[i];
        EXPECT_NEAR(b->standard_errors[i] * std::sqrt(3.0), a->standard_errors[i], 1e-9) << once.items[i];
    }
    EXPECT_NEAR(b->log_likelihood, 3 * a->log_likelihood, 1e-6);
    EXPECT_NEAR(b->null_log_likelihood, 3 * a->null_log_likelihood, 1e-6);
}

TEST(Mnl, FitsAnswersWithoutWorst) {
    ChoiceData data = ricebws1();
    for (Task& t : data.tasks) t.worst = -1;
    Result<MnlResult> fit = fit_mnl(data);
    ASSERT_TRUE(fit) << fit.error();
    EXPECT_TRUE(fit->converged);
    EXPECT_GT(fit->log_likelihood, fit->null_log_likelihood);
}

TEST(Mnl, RefusesItemsThatAreNeverShownOrNeverCompared) {
    ChoiceData data;
    data.items = {"a", "b", "c", "d"};
    data.respondents = 1;
    data.tasks = {Task{0, {0, 1}, 0, 1}, Task{0, {0, 1}, 1, 0}};
    EXPECT_EQ(fit_mnl(data).error(), "Item 'c' was never shown.");
    data.tasks.push_back(Task{0, {2, 3}, 2, 3});
    data.tasks.push_back(Task{0, {2, 3}, 3, 2});
    EXPECT_EQ(fit_mnl(data).error(), "Items 'a' and 'c' never meet, directly or through other items, so they cannot be compared.");
}

TEST(Mnl, ReportsNonConvergenceWhenAnItemAlwaysWins) {
    ChoiceData data;
    data.items = {"a", "b", "c"};
    data.respondents = 1;
    data.tasks = {Task{0, {0, 1, 2}, 0, 1}, Task{0, {0, 1, 2}, 0, 2}, Task{0, {1, 2}, 1, 2}, Task{0, {1, 2}, 2, 1}};
    Result<MnlResult> fit = fit_mnl(data);
    ASSERT_TRUE(fit) << fit.error();
    EXPECT_FALSE(fit->converged);
}
