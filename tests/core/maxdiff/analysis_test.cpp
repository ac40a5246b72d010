// analysis_test.cpp — the shared analysis: HB planning, ranking, which responses count (segment,
// speeders, poor fits, hand exclusions) and the results of one segment.
#include "core/maxdiff/analysis.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/maxdiff/import.h"
#include "core/maxdiff/survey_fixtures.h"

using namespace loupe;
using loupe::testing::finished_response;
using loupe::testing::sample_design;
using loupe::testing::sample_survey;

namespace {

// A finished response whose answers depend on its id, taking `seconds` on every screen, who
// picked `plan` for the survey's second segment question.
Response respondent(std::uint64_t id, std::uint32_t seconds, int plan) {
    const Survey survey = sample_survey();
    Response r = finished_response(survey, sample_design(), id);
    for (std::size_t s = 0; s < r.sets.size(); ++s) {
        SetAnswer& a = r.sets[s];
        a.best = std::int16_t(a.shown[(s + id) % a.shown.size()]);
        a.worst = std::int16_t(a.shown[(s + id + 1 + id % 2) % a.shown.size()]);
        a.milliseconds = seconds * 1000;
    }
    r.segment_answers = {0, std::int8_t(plan)};
    return r;
}

std::vector<std::uint64_t> ids_of(const std::vector<Response>& responses) {
    std::vector<std::uint64_t> ids;
    for (const Response& r : responses) ids.push_back(r.respondent_id);
    return ids;
}

// An HB estimate with made-up fit: respondent ids and their RLH, cut-off 0.3.
HbEstimate fit(std::vector<std::uint64_t> ids, std::vector<double> rlh) {
    HbEstimate e;
    e.respondent_ids = std::move(ids);
    e.hb.rlh = std::move(rlh);
    e.hb.rlh_cutoff = 0.3;
    return e;
}

}  // namespace

TEST(Analysis, PlansHbAsTheCommandLineDoes) {
    const HbOptions o = plan_hb(kDefaultHbIterations, kDefaultHbSeed);
    EXPECT_EQ(o.burn_in, 10000);
    EXPECT_EQ(o.thin, 10);
    EXPECT_EQ(o.draws, 1000);
    EXPECT_EQ(o.seed, 1u);
    const HbOptions small = plan_hb(150, 7);
    EXPECT_EQ(small.burn_in, 75);
    EXPECT_EQ(small.thin, 1);
    EXPECT_EQ(small.draws, 75);
}

TEST(Analysis, EstimatesCountsAndLogitAndRanksByTheBestEstimate) {
    ChoiceData data;
    data.items = {"a", "b", "c"};
    data.respondents = 2;
    data.tasks = {{0, {0, 1, 2}, 2, 0}, {0, {0, 1, 2}, 2, 1}, {1, {0, 1, 2}, 1, 0}, {1, {0, 1, 2}, 2, 0}};
    auto e = estimate(data);
    ASSERT_TRUE(e) << e.error();
    ASSERT_EQ(e->counts.size(), 3u);
    EXPECT_EQ(e->counts[2].best, 3);
    ASSERT_TRUE(e->mnl) << e->mnl.error();
    EXPECT_EQ(ranking(*e), (std::vector<int>{2, 1, 0}));

    HbResult hb;
    hb.population_scores = {50, 20, 30};
    e->hb = hb;
    EXPECT_EQ(ranking(*e), (std::vector<int>{0, 2, 1}));

    ChoiceData empty;
    empty.items = {"a", "b"};
    EXPECT_FALSE(estimate(empty));
}

TEST(Analysis, SummarisesFit) {
    HbResult hb;
    hb.rlh = {0.2, 0.4, 0.6};
    hb.rlh_cutoff = 0.3;
    EXPECT_DOUBLE_EQ(mean_rlh(hb), 0.4);
    EXPECT_EQ(below_cutoff(hb), 1);
}

TEST(Analysis, PairsHbRowsWithRespondentIds) {
    ChoiceData data;
    data.respondent_ids = {"00000000000000ab", "not an id"};
    HbResult hb;
    hb.rlh = {0.2, 0.5};
    hb.rlh_cutoff = 0.3;
    const HbEstimate e = hb_estimate(hb, data);
    EXPECT_EQ(e.respondent_ids, (std::vector<std::uint64_t>{0xab, 0}));
    EXPECT_EQ(e.row_of(0xab), 0);
    EXPECT_EQ(e.row_of(0xcd), -1);
    EXPECT_TRUE(e.poor_fit(0xab));
    EXPECT_FALSE(e.poor_fit(0xcd));  // not estimated: not judged
}

TEST(Analysis, SpeedersAreUnder40PercentOfTheMedianTimedRespondent) {
    std::vector<Response> rs = {respondent(1, 1, 0), respondent(2, 10, 0), respondent(3, 10, 0),
                                respondent(4, 12, 0), respondent(5, 4, 0)};
    Response untimed = respondent(6, 0, 0);  // from a choice table: no times at all
    rs.push_back(untimed);
    EXPECT_EQ(total_milliseconds(rs[1]), 120000u);
    // Timed totals 12, 120, 120, 144, 48 s: median 120 s, limit 48 s.
    EXPECT_DOUBLE_EQ(speeder_limit_ms(rs), 48000);
    EXPECT_TRUE(is_speeder(rs[0], 48000));
    EXPECT_FALSE(is_speeder(rs[4], 48000));  // exactly at the limit
    EXPECT_FALSE(is_speeder(untimed, 48000));
    // An even number of timed respondents: the median is the mean of the middle two.
    rs.pop_back();
    rs.pop_back();
    EXPECT_DOUBLE_EQ(speeder_limit_ms(rs), 0.4 * 120000);
    EXPECT_DOUBLE_EQ(speeder_limit_ms(std::vector<Response>{untimed}), 0);
}

TEST(Analysis, SelectionFiltersBySegmentAndExcludes) {
    const std::vector<Response> rs = {respondent(1, 1, 0), respondent(2, 10, 1), respondent(3, 10, 0),
                                      respondent(4, 12, 1), respondent(5, 11, 0)};
    Selection everyone;
    EXPECT_EQ(ids_of(counted_responses(rs, everyone, nullptr)), (std::vector<std::uint64_t>{1, 2, 3, 4, 5}));

    Selection plan;
    plan.segment_question = 1;
    plan.segment_option = 0;
    EXPECT_EQ(ids_of(counted_responses(rs, plan, nullptr)), (std::vector<std::uint64_t>{1, 3, 5}));

    Selection careful;
    careful.exclude_speeders = true;
    careful.exclude_poor_fits = true;
    careful.excluded = {4};
    const HbEstimate judged = fit({2, 3, 4, 5}, {0.25, 0.5, 0.1, 0.6});
    EXPECT_EQ(standing(rs, careful, &judged),
              (std::vector<Standing>{Standing::Speeder, Standing::PoorFit, Standing::Counted,
                                     Standing::ExcludedByHand, Standing::Counted}));
    // Without an HB estimate nobody is a poor fit.
    EXPECT_EQ(ids_of(counted_responses(rs, careful, nullptr)), (std::vector<std::uint64_t>{2, 3, 5}));

    // Exclusions are named before the segment, so the list says why someone is left out.
    careful.segment_question = 1;
    careful.segment_option = 1;
    EXPECT_EQ(standing(rs, careful, &judged),
              (std::vector<Standing>{Standing::Speeder, Standing::PoorFit, Standing::OutsideSegment,
                                     Standing::ExcludedByHand, Standing::OutsideSegment}));
}

TEST(Analysis, AnEstimateFindsEachRespondentsRow) {
    HbEstimate e = fit({10, 20, 30}, {0.5, 0.1, 0.5});
    EXPECT_EQ(e.row_of(20), 1);
    EXPECT_EQ(e.row_of(40), -1);
    EXPECT_TRUE(e.poor_fit(20));
    EXPECT_FALSE(e.poor_fit(40));
    e.respondent_ids.push_back(40);  // looked up again once the ids grew
    e.hb.rlh.push_back(0.2);
    EXPECT_EQ(e.row_of(40), 3);
    EXPECT_TRUE(e.poor_fit(40));
}

TEST(Analysis, GroupScoresAverageIndividualScores) {
    HbEstimate e = fit({10, 20, 30}, {0.5, 0.5, 0.5});
    e.hb.scores = {{60, 40}, {40, 60}, {50, 50}};
    const std::vector<std::uint64_t> pair = {10, 20};
    const GroupScores g = group_scores(e, pair);
    ASSERT_EQ(g.mean.size(), 2u);
    EXPECT_DOUBLE_EQ(g.mean[0], 50);
    // sd = sqrt(200) over 2 respondents: half-width 1.96 * sqrt(200) / sqrt(2) = 19.6.
    EXPECT_NEAR(g.low[0], 30.4, 1e-9);
    EXPECT_NEAR(g.high[0], 69.6, 1e-9);

    const std::vector<std::uint64_t> one = {30};
    EXPECT_TRUE(std::isnan(group_scores(e, one).low[0]));
    const std::vector<std::uint64_t> missing = {10, 40};
    EXPECT_TRUE(group_scores(e, missing).mean.empty());
}

TEST(Analysis, SegmentsSplitTheAnswers) {
    const Survey survey = sample_survey();
    std::vector<Response> rs;
    for (std::uint64_t id = 1; id <= 12; ++id) rs.push_back(respondent(id, 10, int(id % 3 == 0)));
    const auto all = estimate(choices_from_responses(survey, rs));
    ASSERT_TRUE(all);

    HbEstimate hb;
    for (const Response& r : rs) {
        hb.respondent_ids.push_back(r.respondent_id);
        hb.hb.scores.push_back(std::vector<double>(survey.items.size(), 100.0 / double(survey.items.size())));
    }
    const SegmentResults free = segment_results(survey, rs, 1, 0, &hb);
    const SegmentResults plus = segment_results(survey, rs, 1, 1, nullptr);
    EXPECT_EQ(free.respondents, 8);
    EXPECT_EQ(plus.respondents, 4);
    ASSERT_TRUE(free.estimates);
    ASSERT_TRUE(plus.estimates);
    for (std::size_t i = 0; i < survey.items.size(); ++i) {
        EXPECT_EQ(free.estimates->counts[i].shown + plus.estimates->counts[i].shown, all->counts[i].shown);
        EXPECT_EQ(free.estimates->counts[i].best + plus.estimates->counts[i].best, all->counts[i].best);
    }
    ASSERT_EQ(free.hb.mean.size(), survey.items.size());
    EXPECT_NEAR(free.hb.mean[0], 5, 1e-12);
    EXPECT_TRUE(plus.hb.mean.empty());

    const SegmentResults nobody = segment_results(survey, rs, 1, 3, &hb);
    EXPECT_EQ(nobody.respondents, 0);
    EXPECT_FALSE(nobody.estimates);
}
