// project_test.cpp — the author's project file: round trip, names, refusal of what does not fit.
#include <gtest/gtest.h>

#include "core/shared/container.h"
#include "core/maxdiff/project.h"
#include "core/maxdiff/survey_fixtures.h"

using namespace loupe;

namespace {

Project published_project() {
    Project p = new_project(0x1234abcd5678ef01ull, 1717750000);
    p.survey = loupe::testing::sample_survey();
    p.published = true;
    p.published_survey = p.survey;
    p.responses.push_back(loupe::testing::finished_response(p.survey, loupe::testing::sample_design(), 77));
    p.responses.push_back(loupe::testing::finished_response(p.survey, loupe::testing::sample_design(), 78));
    p.excluded_respondents = {78};
    return p;
}

}  // namespace

TEST(Project, RoundTripsThroughItsFile) {
    const Project p = published_project();
    auto back = read_project_file(write_project_file(p));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, p);
    EXPECT_FALSE(back->edited_since_published());
}

TEST(Project, EditingAfterPublishingIsNoticed) {
    Project p = published_project();
    p.survey.items[0] = "Automatic bank sync (all banks)";
    EXPECT_TRUE(p.edited_since_published());
    auto back = read_project_file(write_project_file(p));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->published_survey, loupe::testing::sample_survey());  // the link's version is kept as it was
}

TEST(Project, RefusesResponsesThatDoNotFitThePublishedSurvey) {
    Project p = published_project();
    p.published_survey.items.pop_back();
    auto back = read_project_file(write_project_file(p));
    ASSERT_FALSE(back);
    EXPECT_NE(back.error().find("Response 1"), std::string::npos) << back.error();
}

TEST(Project, RefusesOtherFilesAndDamage) {
    auto bytes = write_project_file(published_project());
    bytes[bytes.size() / 2] ^= 0x40;
    EXPECT_FALSE(read_project_file(bytes));
    bytes = write_project_file(published_project());
    bytes.resize(bytes.size() - 9);
    EXPECT_FALSE(read_project_file(bytes));
    auto survey = read_project_file(write_survey_file(loupe::testing::sample_survey()));
    ASSERT_FALSE(survey);
    EXPECT_NE(survey.error().find("survey"), std::string::npos) << survey.error();
}

TEST(Project, StorageAndFileNames) {
    EXPECT_EQ(project_storage_name(0x1234abcd5678ef01ull), "survey-1234abcd5678ef01.loupe");
    EXPECT_TRUE(is_project_storage_name("survey-1234abcd5678ef01.loupe"));
    EXPECT_FALSE(is_project_storage_name("survey-1234abcd5678ef0.loupe"));
    EXPECT_FALSE(is_project_storage_name("settings.bin"));
    Project p = new_project(1, 0);
    p.survey.title = " Snacks: what/why? ";
    EXPECT_EQ(project_file_name(p), "Snacks whatwhy.loupe");
    p.survey.title = "...";
    EXPECT_EQ(project_file_name(p), "survey.loupe");
}
