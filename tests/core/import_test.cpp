// import_test.cpp — every response file and code is accounted for with the right verdict and a
// reason, and accepted responses become the choices the estimators read.
#include "core/import.h"

#include <gtest/gtest.h>

#include "core/codes.h"
#include "core/counts.h"
#include "survey_fixtures.h"

using namespace loupe;
using loupe::testing::finished_response;
using loupe::testing::sample_design;
using loupe::testing::sample_survey;

namespace {

struct Fixture {
    Survey survey = sample_survey();
    const Design& design = sample_design();

    Response response(std::uint64_t id) const { return finished_response(survey, design, id); }
    std::vector<std::uint8_t> file(std::uint64_t id) const { return write_response_file(response(id)); }
    std::string code(std::uint64_t id) const { return *make_response_code(response(id), survey, design); }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Import, AcceptsGoodFilesAndCodes) {
    Fixture f;
    ImportReport report;
    import_response_file(report, f.survey, "a.loupe", f.file(101));
    EXPECT_EQ(import_response_codes(report, f.survey, f.design, "mail.txt", "Here it is: " + f.code(102) + "\nBye"), 1);
    ASSERT_EQ(report.entries.size(), 2u);
    EXPECT_EQ(report.count(ImportStatus::Accepted), 2);
    EXPECT_EQ(report.entries[0].source, "a.loupe");
    EXPECT_EQ(report.entries[0].respondent_id, 101u);
    EXPECT_EQ(report.entries[0].reason, "");
    EXPECT_EQ(report.entries[1].source, "mail.txt, code 1 (line 1)");
    ASSERT_EQ(report.accepted.size(), 2u);
    EXPECT_EQ(report.accepted[0], f.response(101));
    EXPECT_EQ(report.accepted[1].respondent_id, 102u);
    EXPECT_EQ(report.accepted_entry, (std::vector<std::size_t>{0, 1}));
}

TEST(Import, NamesEachCodeByItsPlaceInTheText) {
    Fixture f;
    ImportReport report;
    const std::string thread = "Hi all,\n\nmine: " + f.code(1) + "\n\nand Bob's:\n\n  " + f.code(2) + "\n";
    EXPECT_EQ(import_response_codes(report, f.survey, f.design, "thread.txt", thread), 2);
    ASSERT_EQ(report.entries.size(), 2u);
    EXPECT_EQ(report.entries[0].source, "thread.txt, code 1 (line 3)");
    EXPECT_EQ(report.entries[1].source, "thread.txt, code 2 (line 7)");
}

TEST(Import, TextWithoutCodesAddsNothing) {
    Fixture f;
    ImportReport report;
    EXPECT_EQ(import_response_codes(report, f.survey, f.design, "notes.txt", "Nothing to see here."), 0);
    EXPECT_TRUE(report.entries.empty());
}

TEST(Import, ResponsesToAnotherSurveyAreNamedAsSuch) {
    Fixture f;
    Survey other = f.survey;
    other.title = "A different survey";  // same items and design parameters, so the same design
    Response theirs = finished_response(other, f.design, 7);
    ImportReport report;
    import_response_file(report, f.survey, "theirs.loupe", write_response_file(theirs));
    import_response_codes(report, f.survey, f.design, "theirs.txt", *make_response_code(theirs, other, f.design));
    ASSERT_EQ(report.entries.size(), 2u);
    for (const ImportEntry& e : report.entries) {
        EXPECT_EQ(e.status, ImportStatus::OtherSurvey) << e.source;
        EXPECT_EQ(e.reason, "This response is for a different survey.");
    }
    EXPECT_TRUE(report.accepted.empty());
}

TEST(Import, DamagedInputsSayWhatIsWrong) {
    Fixture f;
    std::vector<std::uint8_t> cut = f.file(5);
    cut.resize(cut.size() / 2);
    std::vector<std::uint8_t> flipped = f.file(6);
    flipped[flipped.size() / 2] ^= 0x10;
    std::string typo = f.code(7);
    typo[20] = typo[20] == 'A' ? 'B' : 'A';

    ImportReport report;
    import_response_file(report, f.survey, "cut.loupe", cut);
    import_response_file(report, f.survey, "flipped.loupe", flipped);
    import_response_file(report, f.survey, "photo.jpg", std::vector<std::uint8_t>{0xFF, 0xD8, 0xFF, 0xE0});
    import_response_codes(report, f.survey, f.design, "mail.txt", "code: " + typo);
    import_response_codes(report, f.survey, f.design, "cut.txt", f.code(8).substr(0, 30));
    ASSERT_EQ(report.entries.size(), 5u);
    for (const ImportEntry& e : report.entries) EXPECT_EQ(e.status, ImportStatus::Damaged) << e.source;
    EXPECT_TRUE(contains(report.entries[0].reason, "cut short")) << report.entries[0].reason;
    EXPECT_TRUE(contains(report.entries[1].reason, "checksum")) << report.entries[1].reason;
    EXPECT_TRUE(contains(report.entries[2].reason, "not a Loupe file")) << report.entries[2].reason;
    EXPECT_TRUE(contains(report.entries[3].reason, "typo")) << report.entries[3].reason;
    EXPECT_TRUE(contains(report.entries[4].reason, "cut off")) << report.entries[4].reason;
    EXPECT_EQ(report.entries[0].respondent_id, 0u);
    EXPECT_TRUE(report.accepted.empty());
}

TEST(Import, UnfinishedResponsesAreLeftOut) {
    Fixture f;
    Response r = start_response(f.survey, f.design, 9, 1717750000);
    for (int s = 0; s < 3; ++s)
        r.sets[s].best = std::int16_t(r.sets[s].shown[0]), r.sets[s].worst = std::int16_t(r.sets[s].shown[1]);
    ImportReport report;
    import_response_file(report, f.survey, "half.loupe", write_response_file(r));
    ASSERT_EQ(report.entries.size(), 1u);
    EXPECT_EQ(report.entries[0].status, ImportStatus::Incomplete);
    EXPECT_EQ(report.entries[0].respondent_id, 9u);
    EXPECT_TRUE(contains(report.entries[0].reason, "3 of 12 screens")) << report.entries[0].reason;
    EXPECT_TRUE(report.accepted.empty());
}

TEST(Import, EachRespondentCountsOnce) {
    Fixture f;
    Response changed = f.response(11);
    std::swap(changed.sets[0].best, changed.sets[0].worst);
    ImportReport report;
    import_response_file(report, f.survey, "first.loupe", f.file(11));
    // A quoted reply repeats the code: the second copy is a duplicate of the file.
    import_response_codes(report, f.survey, f.design, "reply.txt",
                          "Thanks!\n> " + f.code(11) + "\n> " + f.code(12) + "\n");
    import_response_file(report, f.survey, "again.loupe", write_response_file(changed));
    ASSERT_EQ(report.entries.size(), 4u);
    EXPECT_EQ(report.entries[0].status, ImportStatus::Accepted);
    EXPECT_EQ(report.entries[1].status, ImportStatus::Duplicate);
    EXPECT_EQ(report.entries[1].respondent_id, 11u);
    EXPECT_TRUE(contains(report.entries[1].reason, "already counted from first.loupe; this copy is left out"))
        << report.entries[1].reason;
    EXPECT_EQ(report.entries[2].status, ImportStatus::Accepted);
    EXPECT_EQ(report.entries[3].status, ImportStatus::Duplicate);
    EXPECT_TRUE(contains(report.entries[3].reason, "with different answers")) << report.entries[3].reason;
    ASSERT_EQ(report.accepted.size(), 2u);
    EXPECT_EQ(report.accepted[0], f.response(11));
    EXPECT_EQ(report.count(ImportStatus::Duplicate), 2);
}

TEST(Import, StatusNamesReadWell) {
    EXPECT_STREQ(import_status_name(ImportStatus::Accepted), "accepted");
    EXPECT_STREQ(import_status_name(ImportStatus::Duplicate), "duplicate");
    EXPECT_STREQ(import_status_name(ImportStatus::OtherSurvey), "other survey");
    EXPECT_STREQ(import_status_name(ImportStatus::Damaged), "damaged");
    EXPECT_STREQ(import_status_name(ImportStatus::Incomplete), "incomplete");
}

TEST(ChoicesFromResponses, OneTaskPerAnsweredScreen) {
    Fixture f;
    Response partial = start_response(f.survey, f.design, 0xbeef, 1717750000);
    partial.sets[4].best = std::int16_t(partial.sets[4].shown[2]);
    partial.sets[4].worst = std::int16_t(partial.sets[4].shown[0]);
    const Response unanswered = start_response(f.survey, f.design, 0xcafe, 1717750000);
    const std::vector<Response> responses = {f.response(0x0123456789abcdefull), unanswered, partial};

    ChoiceData data = choices_from_responses(f.survey, responses);
    EXPECT_EQ(check_choices(data), "");
    EXPECT_EQ(data.items, f.survey.items);
    EXPECT_EQ(data.respondents, 2);  // the response without a single answer is skipped
    EXPECT_EQ(data.respondent_ids, (std::vector<std::string>{"0123456789abcdef", "000000000000beef"}));
    ASSERT_EQ(data.tasks.size(), 12u + 1u);
    for (std::size_t s = 0; s < 12; ++s) {
        const SetAnswer& a = responses[0].sets[s];
        const Task& t = data.tasks[s];
        EXPECT_EQ(t.respondent, 0);
        EXPECT_EQ(t.shown, std::vector<int>(a.shown.begin(), a.shown.end()));
        EXPECT_EQ(t.best, a.best);
        EXPECT_EQ(t.worst, a.worst);
    }
    const Task& last = data.tasks.back();
    EXPECT_EQ(last.respondent, 1);
    EXPECT_EQ(last.best, partial.sets[4].shown[2]);
    EXPECT_EQ(last.worst, partial.sets[4].shown[0]);

    auto counts = count_choices(data);
    ASSERT_TRUE(counts) << counts.error();
    int best = 0, shown = 0;
    for (const ItemCounts& c : *counts) best += c.best, shown += c.shown;
    EXPECT_EQ(best, 13);
    EXPECT_EQ(shown, 13 * 4);
}

TEST(ChoicesFromResponses, NoResponsesGiveNoRespondents) {
    Fixture f;
    ChoiceData data = choices_from_responses(f.survey, {});
    EXPECT_EQ(data.respondents, 0);
    EXPECT_TRUE(data.tasks.empty());
    EXPECT_NE(check_choices(data), "");  // the estimators refuse it with a reason
}
