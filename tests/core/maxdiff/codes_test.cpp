// codes_test.cpp — response codes: short, exact where promised, found in messy e-mail, and
// refused with a clear reason when damaged.
#include <gtest/gtest.h>

#include <cstdio>

#include "core/maxdiff/codes.h"
#include "core/maxdiff/survey_fixtures.h"

using namespace loupe;
using loupe::testing::finished_response;
using loupe::testing::sample_design;
using loupe::testing::sample_survey;

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

struct Fixture {
    Survey survey = sample_survey();
    const Design& design = sample_design();
    Response response = finished_response(survey, design, 0x0123456789abcdefull);
    std::string code() const { return *make_response_code(response, survey, design); }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A tiny deterministic generator for picking damage.
std::uint64_t next(std::uint64_t& state) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
}

}  // namespace

TEST(ResponseCode, FitsTheBudgetAndRoundTrips) {
    Fixture f;
    auto code = make_response_code(f.response, f.survey, f.design);
    ASSERT_TRUE(code) << code.error();
    std::printf("[ sizes    ] response code, 20 items, 12 screens of 4, 10 versions, 2 questions: %zu characters\n"
                "             %s\n",
                code->size(), code->c_str());
    EXPECT_LE(code->size(), 120u);
    EXPECT_EQ(code->rfind("LOUPE-", 0), 0u);

    auto back = read_response_code(*code, f.survey, f.design);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->respondent_id, f.response.respondent_id);
    EXPECT_EQ(back->survey_id, f.response.survey_id);
    EXPECT_EQ(back->version, f.response.version);
    EXPECT_EQ(back->segment_answers, f.response.segment_answers);
    EXPECT_TRUE(back->complete);
    EXPECT_TRUE(back->open_answer_left_out);
    EXPECT_EQ(back->open_answer, "");
    ASSERT_EQ(back->sets.size(), f.response.sets.size());
    for (std::size_t s = 0; s < back->sets.size(); ++s) {
        const SetAnswer &got = back->sets[s], &sent = f.response.sets[s];
        EXPECT_EQ(got.shown, sent.shown);
        EXPECT_EQ(got.best, sent.best);
        EXPECT_EQ(got.worst, sent.worst);
        // Times come back within their sqrt(2)-wide step.
        EXPECT_LE(double(got.milliseconds), 1.42 * sent.milliseconds) << s;
        EXPECT_GE(double(got.milliseconds), sent.milliseconds / 1.42) << s;
    }
    EXPECT_EQ(back->finished_at, f.response.finished_at / 60 * 60);  // to the minute
    EXPECT_EQ(back->finished_at - back->started_at, 143);
    EXPECT_EQ(response_problem(*back, f.survey), "");
}

TEST(ResponseCode, EveryChoiceCombinationSurvives) {
    Fixture f;
    for (int best = 0; best < 4; ++best)
        for (int worst = 0; worst < 4; ++worst) {
            if (best == worst) continue;
            Response r = f.response;
            for (SetAnswer& a : r.sets) a.best = std::int16_t(a.shown[best]), a.worst = std::int16_t(a.shown[worst]);
            r.segment_answers = {3, 0};
            r.open_answer.clear();
            auto back = read_response_code(*make_response_code(r, f.survey, f.design), f.survey, f.design);
            ASSERT_TRUE(back) << back.error();
            for (std::size_t s = 0; s < r.sets.size(); ++s) {
                EXPECT_EQ(back->sets[s].best, r.sets[s].best);
                EXPECT_EQ(back->sets[s].worst, r.sets[s].worst);
            }
            EXPECT_EQ(back->segment_answers, r.segment_answers);
            EXPECT_FALSE(back->open_answer_left_out);
        }
}

TEST(ResponseCode, OnlyFinishedMatchingResponsesGetOne) {
    Fixture f;
    Response unfinished = f.response;
    unfinished.complete = false;
    EXPECT_EQ(make_response_code(unfinished, f.survey, f.design).error(), "Only a finished response gets a code.");
    Survey other = f.survey;
    other.items[0] = "Automatic bank sync (new)";
    EXPECT_EQ(make_response_code(f.response, other, f.design).error(), "This response is for a different survey.");
    Response reordered = f.response;
    std::swap(reordered.sets[0].shown[0], reordered.sets[0].shown[1]);
    EXPECT_EQ(make_response_code(reordered, f.survey, f.design).error(),
              "This response does not match the survey's design.");
}

TEST(ResponseCode, EveryTypoTranspositionAndCutIsRefused) {
    Fixture f;
    const std::string code = f.code();
    const std::size_t first = kCodePrefix.size();
    for (std::size_t i = first; i < code.size(); ++i)
        for (char c : std::string(kAlphabet)) {
            if (c == code[i]) continue;
            std::string typo = code;
            typo[i] = c;
            ASSERT_FALSE(read_response_code(typo, f.survey, f.design)) << typo;
        }
    for (std::size_t i = first; i + 1 < code.size(); ++i) {
        if (code[i] == code[i + 1]) continue;
        std::string swapped = code;
        std::swap(swapped[i], swapped[i + 1]);
        auto r = read_response_code(swapped, f.survey, f.design);
        ASSERT_FALSE(r) << swapped;
    }
    // Two to four wrong symbols anywhere: within the checksum's guarantee for this length.
    std::uint64_t state = 1;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string damaged = code;
        const int errors = 2 + int(next(state) % 3);
        for (int e = 0; e < errors; ++e) {
            const std::size_t i = first + next(state) % (code.size() - first);
            damaged[i] = kAlphabet[(std::string(kAlphabet).find(damaged[i]) + 1 + next(state) % 31) % 32];
        }
        if (damaged == code) continue;
        ASSERT_FALSE(read_response_code(damaged, f.survey, f.design)) << damaged;
    }
    for (std::size_t n = 0; n < code.size(); ++n) {
        auto r = read_response_code(code.substr(0, n), f.survey, f.design);
        ASSERT_FALSE(r) << n;
        if (n >= first) {
            EXPECT_TRUE(contains(r.error(), "cut off")) << n << ": " << r.error();
        }
    }
    std::string typo = code;
    typo[20] = typo[20] == '7' ? '8' : '7';
    EXPECT_EQ(read_response_code(typo, f.survey, f.design).error(), "This code has a typo: its checksum does not match.");
}

TEST(ResponseCode, LookalikeLettersReadAsDigits) {
    Fixture f;
    std::string code = f.code(), lookalike = code;
    for (std::size_t i = kCodePrefix.size(); i < code.size(); ++i)
        if (code[i] == '0') lookalike[i] = 'O';
        else if (code[i] == '1') lookalike[i] = (i % 2) ? 'I' : 'L';
    auto back = read_response_code(lookalike, f.survey, f.design);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->respondent_id, f.response.respondent_id);
}

TEST(ResponseCode, WrongSurveyAndBadFieldsAreExplained) {
    Fixture f;
    Survey other = f.survey;
    other.title += " (2)";
    EXPECT_EQ(read_response_code(f.code(), other, f.design).error(),
              "This response is for a different survey.");
    EXPECT_EQ(read_response_code("Hi, no code here.", f.survey, f.design).error(),
              "There is no Loupe response code here (codes start with LOUPE-).");

    // Codes with a right checksum but wrong fields, as only a forger or a bug could make.
    const std::uint32_t key = std::uint32_t(survey_id(f.survey));
    auto forge = [&](int length, std::uint64_t format, std::uint64_t version_and_more) {
        std::vector<std::uint8_t> symbols = {std::uint8_t(length / 32), std::uint8_t(length % 32)};
        std::vector<int> bits;
        auto put = [&](std::uint64_t v, int n) {
            for (int i = n - 1; i >= 0; --i) bits.push_back(int((v >> i) & 1));
        };
        put(format, 4), put(key, 32), put(77, 64), put(version_and_more, 4);
        while (int(symbols.size()) < length - 6) {
            int value = 0;
            for (int b = 0; b < 5; ++b) {
                const std::size_t at = (symbols.size() - 2) * 5 + b;
                value = value << 1 | (at < bits.size() ? bits[at] : 0);
            }
            symbols.push_back(std::uint8_t(value));
        }
        return spell_code(symbols);
    };
    const int length = int(f.code().size() - kCodePrefix.size());
    EXPECT_TRUE(read_response_code(forge(length, 1, 0), f.survey, f.design)) << "a forged but valid code";
    EXPECT_EQ(read_response_code(forge(length, 1, 12), f.survey, f.design).error(),
              "This code is damaged: it names a version the survey does not have.");
    EXPECT_EQ(read_response_code(forge(length, 2, 0), f.survey, f.design).error(),
              "This code was made by a newer version of Loupe; reload the page to update it.");
    EXPECT_EQ(read_response_code(forge(length, 0, 0), f.survey, f.design).error(),
              "This code is damaged: it is not a response code Loupe ever made.");
    EXPECT_EQ(read_response_code(forge(length + 1, 1, 0), f.survey, f.design).error(),
              "This code is damaged: its length does not fit this survey.");
    EXPECT_EQ(read_response_code(forge(3, 1, 0).substr(0, 8), f.survey, f.design).error(),
              "This code has a typo: its length mark does not make sense.");
}

TEST(ResponseCode, FoundInAMessyEmailThread) {
    Fixture f;
    const std::string one = f.code();
    Response second_response = finished_response(f.survey, f.design, 0x5eed);
    const std::string two = *make_response_code(second_response, f.survey, f.design);

    // Mail clients wrap long lines, quote replies with "> ", and people add text around codes.
    const std::string wrapped_one = one.substr(0, 30) + "\r\n> " + one.substr(30, 25) + "\n>> " + one.substr(55);
    const std::string spaced_two = two.substr(0, 6) + " " + two.substr(6, 20) + " - " + two.substr(26);
    const std::string thread = "Hi Ana,\n\nhere is mine: " + spaced_two +
                               ". Thanks!\n\nOn Mon, Ana wrote:\n> Could you send your Loupe code?\n> Mine is\n> " +
                               wrapped_one + "\n> Cheers\n> LOUPE-7Q3\n";
    const auto found = find_response_codes(thread);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_TRUE(found[0].ok()) << found[0].problem;
    EXPECT_EQ(found[0].code, two);
    EXPECT_EQ(found[0].respondent_id, 0x5eedu);
    EXPECT_EQ(found[0].survey_key, std::uint32_t(survey_id(f.survey)));
    EXPECT_EQ(thread.substr(found[0].begin, 6), "LOUPE-");
    EXPECT_EQ(thread[found[0].end], '.');
    EXPECT_TRUE(found[1].ok()) << found[1].problem;
    EXPECT_EQ(found[1].code, one);
    EXPECT_EQ(found[1].respondent_id, f.response.respondent_id);
    EXPECT_FALSE(found[2].ok());
    EXPECT_EQ(found[2].problem, "This code is incomplete \xe2\x80\x94 it looks cut off.");

    auto read = read_response_code(thread.substr(found[1].begin), f.survey, f.design);
    ASSERT_TRUE(read) << read.error();
    EXPECT_EQ(read->respondent_id, f.response.respondent_id);

    // A code cut by a blank line is incomplete, not glued to the next paragraph.
    const auto split = find_response_codes(one.substr(0, 40) + "\n\n" + one.substr(40));
    ASSERT_EQ(split.size(), 1u);
    EXPECT_EQ(split[0].problem, "This code is incomplete \xe2\x80\x94 it looks cut off.");
    EXPECT_TRUE(find_response_codes("No codes in here, only LOUPE mentions.").empty());
}
