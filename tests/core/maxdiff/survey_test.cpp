// survey_test.cpp — surveys and responses: ids, files, links and JSON, and clear refusals.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>

#include "core/shared/container.h"
#include "core/shared/serialize.h"
#include "core/maxdiff/survey.h"
#include "core/maxdiff/survey_fixtures.h"

using namespace loupe;
using loupe::testing::finished_response;
using loupe::testing::sample_survey;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const Design& design_of(const Survey& s) {
    EXPECT_EQ(s, sample_survey());
    return loupe::testing::sample_design();
}

}  // namespace

TEST(Survey, SampleIsValid) { EXPECT_EQ(survey_problem(sample_survey()), ""); }

TEST(Survey, ProblemsAreExplained) {
    auto with = [](const std::function<void(Survey&)>& edit) {
        Survey s = sample_survey();
        edit(s);
        return survey_problem(s);
    };
    EXPECT_EQ(with([](Survey& s) { s.title.clear(); }), "The title is empty.");
    EXPECT_EQ(with([](Survey& s) { s.items.resize(1); }), "A survey needs at least 2 items.");
    EXPECT_EQ(with([](Survey& s) { s.items[2].clear(); }), "Item 3 is empty.");
    EXPECT_EQ(with([](Survey& s) { s.items[6] = s.items[1]; }), "Items 2 and 7 are the same.");
    EXPECT_EQ(with([](Survey& s) { s.items[0] = std::string(301, 'x'); }),
              "Item 1 is too long (at most 300 characters).");
    EXPECT_EQ(with([](Survey& s) { s.items[4] = "caf\xC3"; }), "Item 5 contains damaged characters (not UTF-8).");
    EXPECT_EQ(with([](Survey& s) { s.segments[1].options.resize(1); }),
              "Segment question 2 needs between 2 and 20 options.");
    EXPECT_EQ(with([](Survey& s) { s.reply_to = "not an address"; }),
              "The reply-to address does not look like an e-mail address.");
    EXPECT_EQ(with([](Survey& s) { s.design.items_per_set = 9; }), "Show between 2 and 8 items per screen.");
    EXPECT_EQ(with([](Survey& s) { s.items[3] = "Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"; }), "");
}

TEST(Survey, IdChangesWithEveryEdit) {
    const Survey base = sample_survey();
    const std::uint64_t id = survey_id(base);
    EXPECT_EQ(survey_id_text(id).size(), 16u);
    EXPECT_EQ(survey_id(sample_survey()), id);
    const std::vector<std::function<void(Survey&)>> edits = {
        [](Survey& s) { s.title += "?"; },
        [](Survey& s) { s.intro += " "; },
        [](Survey& s) { s.items[19] = "Yearly budget View"; },
        [](Survey& s) { std::swap(s.items[0], s.items[1]); },
        [](Survey& s) { s.items.push_back("Widgets"); },
        [](Survey& s) { s.segments[0].label += "!"; },
        [](Survey& s) { s.segments[1].options[3] = "Team"; },
        [](Survey& s) { s.segments.pop_back(); },
        [](Survey& s) { s.open_question.clear(); },
        [](Survey& s) { s.design.items_per_set = 5; },
        [](Survey& s) { s.design.sets_per_version = 13; },
        [](Survey& s) { s.design.versions = 11; },
        [](Survey& s) { s.design.seed += 1; },
        [](Survey& s) { s.reply_to = "research@example.org"; },
        // Moving text between fields must not collide: lengths are part of the encoding.
        [](Survey& s) { s.title += s.intro.substr(0, 1); s.intro.erase(0, 1); },
    };
    std::vector<std::uint64_t> seen = {id};
    for (const auto& edit : edits) {
        Survey s = base;
        edit(s);
        const std::uint64_t edited = survey_id(s);
        for (std::uint64_t other : seen) EXPECT_NE(edited, other);
        seen.push_back(edited);
    }
}

TEST(SurveyFile, RoundTripsAndKeepsItsId) {
    const Survey s = sample_survey();
    const auto bytes = write_survey_file(s);
    std::printf("[ sizes    ] survey file: %zu bytes\n", bytes.size());
    auto back = read_survey_file(bytes);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, s);
    EXPECT_EQ(survey_id(*back), survey_id(s));
}

TEST(SurveyFile, EveryTruncationAndBitFlipIsRefused) {
    const auto bytes = write_survey_file(sample_survey());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        auto r = read_survey_file(std::span(bytes).first(n));
        ASSERT_FALSE(r) << n;
        ASSERT_FALSE(r.error().empty());
    }
    for (std::size_t i = 0; i < bytes.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            auto damaged = bytes;
            damaged[i] ^= std::uint8_t(1 << bit);
            ASSERT_FALSE(read_survey_file(damaged)) << i << ":" << bit;
        }
}

TEST(SurveyFile, ForeignFutureGarbageAndLiesAreRefusedClearly) {
    const auto payload = to_bytes(sample_survey());
    EXPECT_EQ(read_survey_file(seal(FileKind::Response, 1, payload)).error(),
              "This is a Loupe response file, not a survey.");
    EXPECT_TRUE(contains(read_survey_file(seal(FileKind::Survey, 2, payload)).error(), "newer version of Loupe"));
    const std::vector<std::uint8_t> garbage = {0x4c, 0x4f, 0x55, 0x50, 0x45, 0xff, 0xff, 0xff, 0x7f};
    EXPECT_EQ(read_survey_file(garbage).error(), "This is not a Loupe file.");

    // A correctly sealed payload that claims a four-billion-byte title: refused at once.
    std::vector<std::uint8_t> lie = {1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 'x'};  // class version, title length
    const auto start = std::chrono::steady_clock::now();
    auto r = read_survey_file(seal(FileKind::Survey, 1, lie));
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 0.1);
    EXPECT_EQ(r.error(), "This survey file is damaged (a length in the data is larger than the data itself).");

    // Well-formed binary with an impossible survey in it.
    Survey bad = sample_survey();
    bad.design.items_per_set = 1;
    EXPECT_EQ(read_survey_file(write_survey_file(bad)).error(),
              "This survey file is damaged: Show between 2 and 8 items per screen.");
    // A class version from the future inside a current envelope.
    auto future = payload;
    future[0] = 2;
    EXPECT_TRUE(contains(read_survey_file(seal(FileKind::Survey, 1, future)).error(), "newer version of Loupe"));
}

TEST(SurveyJson, RoundTripsAndIsReadable) {
    const Survey s = sample_survey();
    const std::string json = survey_to_json(s);
    EXPECT_TRUE(contains(json, "\"title\": \"What matters most in our budgeting app?\""));
    EXPECT_TRUE(contains(json, "\"items_per_set\": 4"));
    auto back = survey_from_json(json);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, s);
    EXPECT_FALSE(survey_from_json("{\"survey\": {\"title\": 3}}"));
    EXPECT_FALSE(survey_from_json("not json at all"));
    EXPECT_FALSE(survey_from_json(""));
}

TEST(SurveyLink, RoundTripsAndIsShort) {
    const Survey s = sample_survey();
    const std::string fragment = survey_fragment(s);
    std::printf("[ sizes    ] 20-item survey: binary %zu bytes, link fragment %zu characters\n", to_bytes(s).size(),
                fragment.size());
    EXPECT_LT(fragment.size(), 1000u);
    const std::string link = survey_link(s, "https://loupe.example/app/");
    EXPECT_EQ(link, "https://loupe.example/app/#" + fragment);
    for (const std::string& text : {link, "#" + fragment, fragment, link + "&utm=x", link + ").",
                                    link.substr(0, 60) + "\n  " + link.substr(60, 100) + "\r\n" + link.substr(160)}) {
        auto back = survey_from_link(text);
        ASSERT_TRUE(back) << back.error();
        EXPECT_EQ(*back, s);
    }
}

TEST(SurveyLink, DamageIsExplained) {
    const std::string link = survey_link(sample_survey(), "https://loupe.example/");
    const std::string cut = "This link is incomplete \xe2\x80\x94 it looks cut off. Copy the whole link and try again.";
    EXPECT_EQ(survey_from_link("https://loupe.example/").error(), "This link does not contain a Loupe survey.");
    EXPECT_EQ(survey_from_link("https://loupe.example/#x=1").error(), "This link does not contain a Loupe survey.");
    EXPECT_EQ(survey_from_link("https://loupe.example/#s=").error(), cut);

    const std::size_t start = link.find("s=") + 2;
    for (std::size_t n = start; n < link.size(); ++n) {
        auto r = survey_from_link(link.substr(0, n));
        ASSERT_FALSE(r) << n;
        EXPECT_EQ(r.error(), cut) << n;  // the lengths up front tell a cut link from an edited one
    }
    for (std::size_t i = start; i < link.size(); ++i) {
        std::string edited = link;
        edited[i] = edited[i] == 'A' ? 'B' : 'A';
        auto r = survey_from_link(edited);
        ASSERT_FALSE(r) << i;
        EXPECT_TRUE(contains(r.error(), "cut off") || contains(r.error(), "edited or damaged") ||
                    contains(r.error(), "newer version"))
            << r.error();
    }
    std::string middle = link;
    middle.insert(middle.size() / 2 + 20, "%");
    EXPECT_EQ(survey_from_link(middle).error(),
              "This link was edited or damaged: it contains characters a survey link never has.");
    EXPECT_EQ(survey_from_link(link + "AAAA").error(), "This link was edited or damaged: it is longer than it should be.");
    std::string checksum = link;  // flip the highest bit of the last character: always a data bit
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    checksum.back() = alphabet[alphabet.find(checksum.back()) ^ 32];
    EXPECT_EQ(survey_from_link(checksum).error(), "This link was edited or damaged: its checksum does not match.");
    std::string future = link;
    future[start] = 'C';  // format byte 2 or more
    EXPECT_EQ(survey_from_link(future).error(),
              "This survey was made by a newer version of Loupe; reload the page to update it.");
    // Huge claimed sizes are refused before anything is allocated.
    EXPECT_EQ(survey_from_link("#s=Af___38F").error(),  // lengths 2^28-1 and 5
              "This link was edited or damaged: it claims to hold more than a survey can.");
}

TEST(Response, StartsEmptyAndFitsTheSurvey) {
    const Survey s = sample_survey();
    const Design d = design_of(s);
    const Response r = start_response(s, d, 0x1234567890abcdefull, 1717750000);
    EXPECT_EQ(r.survey_id, survey_id(s));
    EXPECT_EQ(r.version, 0x1234567890abcdefull % 10);
    ASSERT_EQ(r.sets.size(), 12u);
    EXPECT_EQ(r.sets[3].shown, std::vector<std::uint16_t>(d.versions[r.version][3].begin(), d.versions[r.version][3].end()));
    EXPECT_EQ(r.segment_answers, (std::vector<std::int8_t>{-1, -1}));
    EXPECT_FALSE(r.complete);
    EXPECT_EQ(response_problem(r, s), "");
}

TEST(ResponseFile, RoundTripsBinaryAndJson) {
    const Survey s = sample_survey();
    const Response r = finished_response(s, design_of(s), 0xfeedfacecafebeefull);
    const auto bytes = write_response_file(r);
    std::printf("[ sizes    ] response file (12 screens): %zu bytes\n", bytes.size());
    auto back = read_response_file(bytes, s);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, r);

    const std::string json = response_to_json(r);
    EXPECT_TRUE(contains(json, "\"respondent_id\": \"feedfacecafebeef\""));
    EXPECT_TRUE(contains(json, "\"survey_id\": \"" + survey_id_text(survey_id(s)) + "\""));
    auto from_json = response_from_json(json);
    ASSERT_TRUE(from_json) << from_json.error();
    EXPECT_EQ(*from_json, r);
    std::string bad_id = json;
    bad_id.replace(bad_id.find("feedface"), 8, "feedfacx");
    EXPECT_TRUE(contains(response_from_json(bad_id).error(), "not 16 hex digits"));
}

TEST(ResponseFile, WrongSurveyAndDamageAreRefused) {
    const Survey s = sample_survey();
    const Design d = design_of(s);
    const auto bytes = write_response_file(finished_response(s, d, 77));
    Survey other = s;
    other.title = "Another survey";
    EXPECT_EQ(read_response_file(bytes, other).error(), "This response is for a different survey.");
    EXPECT_EQ(read_response_file(write_survey_file(s), s).error(), "This is a Loupe survey, not a response file.");
    for (std::size_t n = 0; n < bytes.size(); ++n) ASSERT_FALSE(read_response_file(std::span(bytes).first(n), s)) << n;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            auto damaged = bytes;
            damaged[i] ^= std::uint8_t(1 << bit);
            ASSERT_FALSE(read_response_file(damaged, s)) << i << ":" << bit;
        }
}

TEST(ResponseFile, InconsistentAnswersAreExplained) {
    const Survey s = sample_survey();
    const Design d = design_of(s);
    auto with = [&](const std::function<void(Response&)>& edit) {
        Response r = finished_response(s, d, 5);
        edit(r);
        return read_response_file(write_response_file(r), s).error();
    };
    EXPECT_EQ(with([](Response& r) { r.sets[2].worst = r.sets[2].best; }),
              "This response is damaged: screen 3 has the same item as most and least important.");
    EXPECT_EQ(with([](Response& r) { r.sets[0].best = 300; }),
              "This response is damaged: screen 1 has an answer that was not on the screen.");
    EXPECT_EQ(with([](Response& r) { r.sets[1].shown[0] = 20; }),
              "This response is damaged: screen 2 shows an item the survey does not have.");
    EXPECT_EQ(with([](Response& r) { r.sets.pop_back(); }),
              "This response is damaged: it is marked complete but some screens are missing.");
    EXPECT_EQ(with([](Response& r) { r.sets[4].worst = -1; }), "This response is damaged: screen 5 is not answered.");
    EXPECT_EQ(with([](Response& r) { r.segment_answers[0] = 4; }),
              "This response is damaged: it picks an option segment question 1 does not have.");
    EXPECT_EQ(with([](Response& r) { r.version = 10; }),
              "This response is damaged: it names a version the survey does not have.");
    EXPECT_EQ(with([](Response& r) { r.complete = false, r.sets[4].worst = -1; }), "");
}
