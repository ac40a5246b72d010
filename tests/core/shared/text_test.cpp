// text_test.cpp — people's text in Polish, Greek, Russian and Japanese (and what no font draws:
// Hebrew, emoji) comes back byte for byte from every way it travels: the survey link, the survey
// and project files, a response code, the long CSV and the scores CSV; where text is shortened it
// is cut between characters.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/maxdiff/choices.h"
#include "core/maxdiff/codes.h"
#include "core/maxdiff/counts.h"
#include "core/maxdiff/exports.h"
#include "core/maxdiff/project.h"
#include "core/maxdiff/survey.h"
#include "core/shared/text.h"
#include "core/maxdiff/survey_fixtures.h"

using namespace loupe;

namespace {

const std::vector<std::string> kItems = {
    "Zażółć gęślą jaźń",         "Łatwe wyszukiwanie, w ścieżkach",  // Polish (one with a comma: quoted in CSV)
    "Γρήγορη αναζήτηση",         "Λειτουργία \"εκτός\" σύνδεσης",    // Greek (one with quotes)
    "Быстрый поиск",             "Тёмная тема оформления",           // Russian
    "高速な検索",                "オフラインで使える",                  // Japanese
    "עברית ומימין לשמאל",         "Emoji 🙂 beyond U+FFFF",             // not drawn, still kept
};

Survey multilingual_survey() {
    Survey s = loupe::testing::sample_survey();
    s.title = "Priorytety — Προτεραιότητες — Приоритеты — 優先順位";
    s.intro = "Wybierz… Επιλέξτε… Выберите… 選んでください。";
    s.items = kItems;
    s.segments = {{"Ваш отдел?", {"Продажи", "営業", "Πωλήσεις"}}};
    s.open_question = "Czego brakuje? 何が足りませんか？";
    s.design = {4, 5, 2, 7};
    return s;
}

// Every lead byte is followed by exactly the continuation bytes it announces.
bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t extra = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : s.size();
        if (i + extra >= s.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += 1 + extra;
    }
    return true;
}

}  // namespace

TEST(Text, EveryScriptIsAValidSurvey) {
    EXPECT_EQ(survey_problem(multilingual_survey()), "");
}

TEST(Text, TheLinkCarriesEveryScriptExactly) {
    const Survey s = multilingual_survey();
    auto back = survey_from_link(survey_link(s, "https://example.com/loupe/"));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->title, s.title);
    EXPECT_EQ(back->intro, s.intro);
    EXPECT_EQ(back->items, s.items);
    EXPECT_EQ(back->segments, s.segments);
    EXPECT_EQ(back->open_question, s.open_question);
    EXPECT_EQ(survey_id(*back), survey_id(s));
}

TEST(Text, FilesAndJsonCarryEveryScriptExactly) {
    const Survey s = multilingual_survey();
    auto file = read_survey_file(write_survey_file(s));
    ASSERT_TRUE(file) << file.error();
    EXPECT_EQ(*file, s);
    auto json = survey_from_json(survey_to_json(s));
    ASSERT_TRUE(json) << json.error();
    EXPECT_EQ(*json, s);
}

TEST(Text, ResponseCodesAndFilesKeepEveryScript) {
    const Survey s = multilingual_survey();
    const Design design = *survey_design(s);
    Response r = loupe::testing::finished_response(s, design, 0xfeedfacecafebeefull);
    r.segment_answers = {1};
    r.open_answer = "Więcej opcji — Περισσότερα — Больше — もっと 🙂";
    auto code = make_response_code(r, s, design);
    ASSERT_TRUE(code) << code.error();
    auto back = read_response_code("Dzień dobry, oto mój kod: " + *code + " — pozdrawiam", s, design);
    ASSERT_TRUE(back) << back.error();  // found in a Polish e-mail; it carries choices, not the open answer
    EXPECT_EQ(back->segment_answers, r.segment_answers);
    ASSERT_EQ(back->sets.size(), r.sets.size());
    for (std::size_t i = 0; i < r.sets.size(); ++i) {  // times travel rounded; the choices exactly
        EXPECT_EQ(back->sets[i].best, r.sets[i].best);
        EXPECT_EQ(back->sets[i].worst, r.sets[i].worst);
    }
    auto file = read_response_file(write_response_file(r), s);
    ASSERT_TRUE(file) << file.error();
    EXPECT_EQ(file->open_answer, r.open_answer);
}

TEST(Text, TheLongCsvRoundTripsEveryScript) {
    ChoiceData data;
    data.items = kItems;
    data.respondents = 2;
    data.respondent_ids = {"Ярослав", "陽子"};
    data.tasks = {{0, {0, 2, 4, 6}, 0, 6}, {0, {1, 3, 5, 7}, 3, 5}, {1, {8, 9, 0, 7}, 9, 8}};
    auto back = read_long_csv(write_long_csv(data));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->respondent_ids, data.respondent_ids);
    // Items come back in the order the file first names them: compare as sets of exact strings.
    std::vector<std::string> a = back->items, b = data.items;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b);
}

TEST(Text, TheScoresCsvNamesEveryItemExactly) {
    const std::vector<ItemCounts> counts(kItems.size());
    const std::string csv = scores_csv(kItems, counts, nullptr, nullptr);
    for (const std::string& item : kItems) EXPECT_NE(csv.find(csv_field(item)), std::string::npos) << item;
    EXPECT_NE(csv.find("\"Łatwe wyszukiwanie, w ścieżkach\""), std::string::npos);
    EXPECT_NE(csv.find("\"Λειτουργία \"\"εκτός\"\" σύνδεσης\""), std::string::npos);
    EXPECT_TRUE(valid_utf8(csv));
}

TEST(Text, ShorteningCutsBetweenCharacters) {
    const std::string japanese = "高速な検索";  // 3 bytes a character
    EXPECT_EQ(utf8_prefix(japanese, 100), japanese);
    EXPECT_EQ(utf8_prefix(japanese, 7), "高速");
    EXPECT_EQ(utf8_prefix(japanese, 6), "高速");
    EXPECT_EQ(utf8_prefix(japanese, 2), "");
    EXPECT_EQ(utf8_prefix("Zażółć", 3), "Za");    // ż is 2 bytes: not half of it
    EXPECT_EQ(utf8_prefix("Zażółć", 4), "Zaż");
    EXPECT_EQ(utf8_prefix("a🙂b", 4), "a");       // 4 bytes for the emoji
    EXPECT_EQ(utf8_prefix("a🙂b", 5), "a🙂");
}

TEST(Text, FileNamesFromLongTitlesAreCutBetweenCharacters) {
    for (const char* letter : {"ą", "λ", "ж", "検", "🙂"}) {
        Project project;
        for (int i = 0; i < 60; ++i) project.survey.title += letter;
        const std::string name = project_file_name(project);
        EXPECT_TRUE(valid_utf8(name)) << letter;
        EXPECT_TRUE(name.ends_with(".loupe"));
        EXPECT_LE(name.size(), 80u + 6u);
        EXPECT_GE(name.size(), 80u - 3u + 6u) << "at most one character less than fits";
    }
}

TEST(Text, MessagesQuoteLongTextWithoutBreakingIt) {
    // A bad value is quoted in the error, shortened to 40 bytes: 13 Japanese characters, not 13⅓.
    std::string long_value;
    for (int i = 0; i < 40; ++i) long_value += "検";
    auto bad = read_long_csv("respondent,task,item,value\nr1,1,a," + long_value + "\n");
    ASSERT_FALSE(bad);
    EXPECT_TRUE(valid_utf8(bad.error())) << bad.error();
    EXPECT_NE(bad.error().find("'検検検検検検検検検検検検検...'"), std::string::npos) << bad.error();
}
