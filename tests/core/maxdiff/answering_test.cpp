// answering_test.cpp — a respondent's progress: picking rules, stages, storage round trip.
#include <gtest/gtest.h>

#include "core/maxdiff/answering.h"
#include "core/maxdiff/survey_fixtures.h"

using namespace loupe;

namespace {
Answering started() {
    Answering a;
    a.response = start_response(loupe::testing::sample_survey(), loupe::testing::sample_design(), 99, 1717750000);
    return a;
}
}  // namespace

TEST(Answering, AnItemIsNeverBothMostAndLeast) {
    SetAnswer set{{3, 5, 7, 9}, -1, -1, 0};
    choose(set, 5, true);
    choose(set, 7, false);
    EXPECT_EQ(set.best, 5);
    EXPECT_EQ(set.worst, 7);
    choose(set, 7, true);  // moves the choice: 7 is now most, and least is open again
    EXPECT_EQ(set.best, 7);
    EXPECT_EQ(set.worst, -1);
    choose(set, 7, false);
    EXPECT_EQ(set.best, -1);
    EXPECT_EQ(set.worst, 7);
}

TEST(Answering, StagesSkipWhatTheSurveyLacks) {
    Survey s = loupe::testing::sample_survey();
    EXPECT_EQ(next_stage(Stage::Intro, s), Stage::Segments);
    EXPECT_EQ(next_stage(Stage::Sets, s), Stage::OpenQuestion);
    s.segments.clear();
    s.open_question.clear();
    EXPECT_EQ(next_stage(Stage::Intro, s), Stage::Sets);
    EXPECT_EQ(next_stage(Stage::Sets, s), Stage::Done);
    EXPECT_EQ(previous_stage(Stage::Sets, s), Stage::Intro);
}

TEST(Answering, FinishingNeedsEveryScreenAnswered) {
    Answering a = started();
    for (SetAnswer& set : a.response.sets) choose(set, set.shown[0], true), choose(set, set.shown[1], false);
    a.response.sets[4].worst = -1;
    EXPECT_FALSE(finish(a, 1717750100));
    EXPECT_EQ(a.stage, Stage::Sets);
    EXPECT_EQ(a.screen, 4);
    choose(a.response.sets[4], a.response.sets[4].shown[2], false);
    EXPECT_TRUE(finish(a, 1717750100));
    EXPECT_TRUE(a.response.complete);
    EXPECT_EQ(a.stage, Stage::Done);
}

TEST(Answering, RoundTripsAndRefusesAnotherSurveysRecord) {
    Answering a = started();
    a.stage = Stage::Sets;
    a.screen = 3;
    a.revision = 12;
    choose(a.response.sets[0], a.response.sets[0].shown[0], true);
    const auto bytes = encode_answering(a);
    auto back = decode_answering(bytes, loupe::testing::sample_survey());
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->response, a.response);
    EXPECT_EQ(back->screen, 3);
    EXPECT_EQ(back->revision, 12u);
    Survey other = loupe::testing::sample_survey();
    other.title += " (2)";
    EXPECT_FALSE(decode_answering(bytes, other));
    auto cut = bytes;
    cut.pop_back();
    EXPECT_FALSE(decode_answering(cut, loupe::testing::sample_survey()));
    a.screen = 200;
    EXPECT_FALSE(decode_answering(encode_answering(a), loupe::testing::sample_survey()));
}
