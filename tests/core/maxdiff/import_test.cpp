// import_test.cpp — every response file and code is accounted for with the right verdict and a
// reason, and accepted responses become the choices the estimators read.
#include "core/maxdiff/import.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "core/maxdiff/codes.h"
#include "core/maxdiff/counts.h"
#include "core/maxdiff/survey_fixtures.h"

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

TEST(Import, ATextReadInSlicesEndsAsInOneGo) {
    Fixture f;
    std::string typo = f.code(23);
    typo[20] = typo[20] == 'A' ? 'B' : 'A';
    const std::string thread = "Hi,\n" + f.code(21) + "\n> " + f.code(21) + "\n" + typo + "\n\n" + f.code(22) +
                               "\nand one cut: " + f.code(24).substr(0, 30) + "\n";
    ImportReport whole, sliced;
    import_response_file(whole, f.survey, "first.loupe", f.file(22));
    import_response_file(sliced, f.survey, "first.loupe", f.file(22));
    EXPECT_EQ(import_response_codes(whole, f.survey, f.design, "thread.txt", thread), 5);

    CodeImport codes("thread.txt", thread);
    EXPECT_EQ(codes.expected(), 5);
    EXPECT_EQ(codes.found(), 0);
    std::vector<int> steps;
    while (!codes.done()) steps.push_back(codes.step(sliced, f.survey, f.design, 2));
    EXPECT_EQ(steps, (std::vector<int>{2, 2, 1}));
    EXPECT_EQ(codes.found(), 5);

    ASSERT_EQ(sliced.entries.size(), whole.entries.size());
    for (std::size_t i = 0; i < whole.entries.size(); ++i) {
        EXPECT_EQ(sliced.entries[i].source, whole.entries[i].source);
        EXPECT_EQ(sliced.entries[i].status, whole.entries[i].status) << whole.entries[i].source;
        EXPECT_EQ(sliced.entries[i].reason, whole.entries[i].reason);
    }
    EXPECT_EQ(sliced.entries[4].source, "thread.txt, code 4 (line 6)");
    EXPECT_EQ(sliced.entries[4].status, ImportStatus::Duplicate);  // of first.loupe
    EXPECT_EQ(sliced.accepted, whole.accepted);
    EXPECT_EQ(sliced.count(ImportStatus::Accepted), 2);
    EXPECT_EQ(sliced.count(ImportStatus::Damaged), 2);
}

TEST(Import, ATextWithoutCodesIsDoneAtOnce) {
    Fixture f;
    ImportReport report;
    CodeImport codes("notes.txt", "Nothing to see here, not even a LOUPE.");
    EXPECT_EQ(codes.expected(), 0);
    EXPECT_EQ(codes.step(report, f.survey, f.design, 10), 0);
    EXPECT_TRUE(codes.done());
    EXPECT_TRUE(report.entries.empty());
}

// The import grows linearly: 16 times the codes take about 16 times as long. (The duplicate check
// once compared each response with all those accepted before it: then about 50 times.) The bound
// is generous, so a busy machine does not fail it.
TEST(Import, TimeGrowsLinearlyWithTheCodes) {
    Fixture f;
    auto text_of = [&](int n) {
        std::string text;
        for (int i = 1; i <= n; ++i) text += f.code(std::uint64_t(i) * 0x9E3779B97F4A7C15ull) + "\n";
        return text;
    };
    auto seconds = [&](const std::string& text) {
        double best = 1e9;
        for (int run = 0; run < 3; ++run) {
            ImportReport report;
            const auto start = std::chrono::steady_clock::now();
            import_response_codes(report, f.survey, f.design, "codes.txt", text);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        return best;
    };
    const std::string small = text_of(1000), large = text_of(16000);
    const double ratio = seconds(large) / seconds(small);
    EXPECT_LT(ratio, 32) << "16 times the codes took " << ratio << " times as long";
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

// ---- choice tables ---------------------------------------------------------------------------------

namespace {

// The long CSV of these responses, as the results screen exports it.
std::string table_of(const Survey& survey, const std::vector<Response>& responses) {
    return write_long_csv(choices_from_responses(survey, responses));
}

// What a response keeps after a trip through a choice table: answers, not times or segments.
Response answers_only(Response r, const Survey& survey) {
    for (SetAnswer& a : r.sets) a.milliseconds = 0;
    r.segment_answers.assign(survey.segments.size(), -1);
    r.open_answer.clear();
    r.started_at = r.finished_at = 0;
    return r;
}

}  // namespace

TEST(ImportChoiceTable, LoupesOwnTableComesBackAsTheSameAnswers) {
    Fixture f;
    const std::vector<Response> responses = {f.response(0x1111), f.response(0x2222222222222222ull)};
    ImportReport report;
    import_choice_table(report, f.survey, f.design, "choices.csv", table_of(f.survey, responses));
    ASSERT_EQ(report.entries.size(), 2u);
    EXPECT_EQ(report.entries[0].source, "choices.csv, respondent 0000000000001111");
    EXPECT_EQ(report.count(ImportStatus::Accepted), 2);
    ASSERT_EQ(report.accepted.size(), 2u);
    EXPECT_EQ(report.accepted[0], answers_only(responses[0], f.survey));
    EXPECT_EQ(report.accepted[1], answers_only(responses[1], f.survey));
    EXPECT_EQ(response_problem(report.accepted[0], f.survey), "");

    // The same people again, from a file or from the table: duplicates, never counted twice.
    import_response_file(report, f.survey, "a.loupe", f.file(0x1111));
    import_choice_table(report, f.survey, f.design, "again.csv", table_of(f.survey, responses));
    EXPECT_EQ(report.count(ImportStatus::Duplicate), 3);
    EXPECT_EQ(report.accepted.size(), 2u);
}

TEST(ImportChoiceTable, OtherLabelsGetStableIds) {
    Fixture f;
    std::string table = table_of(f.survey, {f.response(0x3333)});
    const std::string label = "0000000000003333";
    for (std::size_t at; (at = table.find(label)) != std::string::npos;) table.replace(at, label.size(), "anna");
    ImportReport first, second;
    import_choice_table(first, f.survey, f.design, "a.csv", table);
    import_choice_table(second, f.survey, f.design, "b.csv", table);
    ASSERT_EQ(first.accepted.size(), 1u);
    ASSERT_EQ(second.accepted.size(), 1u);
    EXPECT_NE(first.accepted[0].respondent_id, 0u);
    EXPECT_EQ(first.accepted[0].respondent_id, second.accepted[0].respondent_id);
    EXPECT_EQ(first.entries[0].source, "a.csv, respondent anna");
}

TEST(ImportChoiceTable, WhatCannotBeKeptIsReportedWithAReason) {
    Fixture f;
    ImportReport report;
    import_choice_table(report, f.survey, f.design, "broken.csv", "respondent,task,item,value\n1,1,Dark mode,7\n");
    import_choice_table(report, f.survey, f.design, "rice.csv",
                        "respondent,task,item,value\n1,1,Price,1\n1,1,Taste,-1\n1,1,Origin,0\n");

    // Screens that no version of the design shows, and a respondent who stopped after 2 screens.
    Response shuffled = f.response(0x4444);
    std::swap(shuffled.sets[0], shuffled.sets[1]);
    Response stopped = f.response(0x5555);
    stopped.sets.resize(2);
    ChoiceData data = choices_from_responses(f.survey, std::vector<Response>{shuffled, stopped});
    import_choice_table(report, f.survey, f.design, "odd.csv", write_long_csv(data));

    // A respondent without a least important answer.
    data = choices_from_responses(f.survey, std::vector<Response>{f.response(0x6666)});
    data.tasks[3].worst = -1;
    import_choice_table(report, f.survey, f.design, "best-only.csv", write_long_csv(data));

    ASSERT_EQ(report.entries.size(), 5u);
    EXPECT_EQ(report.entries[0].status, ImportStatus::Damaged);
    EXPECT_TRUE(contains(report.entries[0].reason, "cannot be read (line 2: value must be 1, 0 or -1"))
        << report.entries[0].reason;
    EXPECT_EQ(report.entries[1].status, ImportStatus::OtherSurvey);
    EXPECT_TRUE(contains(report.entries[1].reason, "\"Price\" is not one of its items")) << report.entries[1].reason;
    EXPECT_EQ(report.entries[2].status, ImportStatus::OtherSurvey);
    EXPECT_TRUE(contains(report.entries[2].reason, "not those of any version")) << report.entries[2].reason;
    EXPECT_EQ(report.entries[3].status, ImportStatus::Incomplete);
    EXPECT_TRUE(contains(report.entries[3].reason, "2 of 12 screens")) << report.entries[3].reason;
    EXPECT_EQ(report.entries[4].status, ImportStatus::OtherSurvey);
    EXPECT_TRUE(contains(report.entries[4].reason, "Screen 4")) << report.entries[4].reason;
    EXPECT_TRUE(report.accepted.empty());
}
