// exports_test.cpp — the CSV downloads: read back with the project's own CSV reader rules in
// mind (quoting, "\r\n"), ranked best first by the best estimate given, empty where nothing
// was estimated.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/maxdiff/exports.h"

using namespace loupe;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Splits an export into rows of fields (RFC 4180: quoted fields may hold commas, quotes, line
// breaks). Fails the test if a row does not end with "\r\n".
std::vector<std::vector<std::string>> parse(const std::string& csv) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        std::string& field = rows.back().back();
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < csv.size() && csv[i + 1] == '"') field += '"', ++i;
            else quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r') {
            EXPECT_TRUE(i + 1 < csv.size() && csv[i + 1] == '\n') << "a lone \\r at " << i;
            ++i;
            rows.emplace_back(1);
        } else {
            EXPECT_NE(c, '\n') << "a bare \\n outside quotes at " << i;
            field += c;
        }
    }
    EXPECT_EQ(rows.back(), std::vector<std::string>(1)) << "the last row does not end with \\r\\n";
    rows.pop_back();
    return rows;
}

const std::vector<std::string> kItems = {"Price, of course", "The \"fresh\" taste", "Made\r\nlocally", "Colour"};

std::vector<ItemCounts> counts() {
    // best minus worst ranks: Colour (5), Price (2), taste (-1), locally (-6)
    return {{10, 4, 2, 2, 0.2, 0, 0}, {10, 3, 4, -1, -0.1, 0, 0}, {10, 1, 7, -6, -0.6, 0, 0},
            {10, 6, 1, 5, 0.5, 0, 0}};
}

MnlResult mnl() {  // ranks: taste, Price, Colour, locally
    MnlResult m;
    m.utilities = {0.5, 0.75, -1.5, 0.25};
    m.standard_errors = {0.1, 0.125, kNaN, 0.2};
    return m;
}

HbResult hb() {  // population ranks: locally, Colour, Price, taste
    HbResult h;
    h.population_scores = {20, 10, 40, 30};
    h.scores_low = {15, 5, 35, 25};
    h.scores_high = {25, 15, 45, 35};
    h.utilities = {{0.5, -0.5, 1, -1}, {-0.25, 0.25, 0, 0}, {0, 0, 0, 0}};
    h.scores = {{30, 10, 50, 10}, {20, 30, 25, 25}, {25, 25, 25, 25}};
    h.rlh = {0.6, 0.3, 0};
    h.rlh_cutoff = 0.35;
    return h;
}

std::vector<std::string> column(const std::vector<std::vector<std::string>>& rows, std::size_t c) {
    std::vector<std::string> values;
    for (std::size_t r = 1; r < rows.size(); ++r) values.push_back(rows[r].at(c));
    return values;
}

}  // namespace

TEST(ScoresCsv, CountsOnlyRankByBestMinusWorstAndLeaveEstimatesEmpty) {
    const auto rows = parse(scores_csv(kItems, counts(), nullptr, nullptr));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"rank", "item", "shown", "best", "worst", "best_minus_worst",
                                                 "standardised", "logit_utility", "logit_se", "hb_score", "hb_low",
                                                 "hb_high"}));
    EXPECT_EQ(column(rows, 0), (std::vector<std::string>{"1", "2", "3", "4"}));
    EXPECT_EQ(column(rows, 1), (std::vector<std::string>{"Colour", "Price, of course", "The \"fresh\" taste",
                                                        "Made\r\nlocally"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "Colour", "10", "6", "1", "5", "0.500000", "", "", "", "", ""}));
    EXPECT_EQ(rows[4][6], "-0.600000");
}

TEST(ScoresCsv, QuotesOnlyWhatNeedsIt) {
    const std::string csv = scores_csv(kItems, counts(), nullptr, nullptr);
    EXPECT_NE(csv.find(",\"Price, of course\","), std::string::npos) << csv;
    EXPECT_NE(csv.find(",\"The \"\"fresh\"\" taste\","), std::string::npos) << csv;
    EXPECT_NE(csv.find(",\"Made\r\nlocally\","), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n1,Colour,10,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",0.500000,,,,,\r\n"), std::string::npos) << csv;  // nothing estimated: empty cells
}

TEST(ScoresCsv, LogitRanksWhenThereIsNoHb) {
    const MnlResult m = mnl();
    const auto rows = parse(scores_csv(kItems, counts(), &m, nullptr));
    EXPECT_EQ(column(rows, 1), (std::vector<std::string>{"The \"fresh\" taste", "Price, of course", "Colour",
                                                        "Made\r\nlocally"}));
    EXPECT_EQ(rows[1][7], "0.750000");
    EXPECT_EQ(rows[1][8], "0.125000");
    EXPECT_EQ(rows[4][7], "-1.500000");
    EXPECT_EQ(rows[4][8], "");  // NaN standard error
    EXPECT_EQ(rows[1][9], "");
}

TEST(ScoresCsv, HbRanksWhenGiven) {
    const MnlResult m = mnl();
    const HbResult h = hb();
    const auto rows = parse(scores_csv(kItems, counts(), &m, &h));
    EXPECT_EQ(column(rows, 1), (std::vector<std::string>{"Made\r\nlocally", "Colour", "Price, of course",
                                                        "The \"fresh\" taste"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "Made\r\nlocally", "10", "1", "7", "-6", "-0.600000",
                                                 "-1.500000", "", "40.000000", "35.000000", "45.000000"}));
}

TEST(ScoresCsv, TiesKeepTheItemsOrderAndNanGoesLast) {
    MnlResult m = mnl();
    m.utilities = {0.5, kNaN, 0.5, -std::numeric_limits<double>::infinity()};
    const auto rows = parse(scores_csv(kItems, counts(), &m, nullptr));
    EXPECT_EQ(column(rows, 1), (std::vector<std::string>{"Price, of course", "Made\r\nlocally", "Colour",
                                                        "The \"fresh\" taste"}));
    EXPECT_EQ(rows[3][7], "");  // infinity has no number
    EXPECT_EQ(rows[4][7], "");
}

TEST(ScoresCsv, MissingCountsAreEmptyCells) {
    const MnlResult m = mnl();
    const auto rows = parse(scores_csv(kItems, {}, &m, nullptr));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "The \"fresh\" taste", "", "", "", "", "", "0.750000",
                                                 "0.125000", "", "", ""}));
}

TEST(ScoresCsv, NoItemsIsJustAHeader) {
    EXPECT_EQ(scores_csv({}, {}, nullptr, nullptr),
              "rank,item,shown,best,worst,best_minus_worst,standardised,logit_utility,logit_se,hb_score,hb_low,"
              "hb_high\r\n");
}

TEST(UtilitiesCsv, OneRowPerRespondent) {
    const HbResult h = hb();
    const std::string csv = utilities_csv(kItems, {"a1b2", "Bob, jr."}, {"Team", "Years \"here\""},
                                          {{"Sales", "1-3"}, {"", "Over 3"}}, h);
    const auto rows = parse(csv);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"respondent", "Team", "Years \"here\"", "rlh", "below_random_cutoff",
                                                 "Price, of course", "The \"fresh\" taste", "Made\r\nlocally", "Colour",
                                                 "score: Price, of course", "score: The \"fresh\" taste",
                                                 "score: Made\r\nlocally", "score: Colour"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"a1b2", "Sales", "1-3", "0.600000", "no", "0.500000", "-0.500000",
                                                 "1.000000", "-1.000000", "30.000000", "10.000000", "50.000000",
                                                 "10.000000"}));
    EXPECT_EQ(rows[2][0], "Bob, jr.");
    EXPECT_EQ(rows[2][1], "");  // skipped the question
    EXPECT_EQ(rows[2][4], "yes");
    EXPECT_EQ(rows[2][5], "-0.250000");
    EXPECT_EQ(rows[3][0], "3");  // no label: numbered
    EXPECT_EQ(rows[3][1], "");   // no answers given for this respondent
    EXPECT_EQ(rows[3][5], "0.000000");
    EXPECT_NE(csv.find("\r\n\"Bob, jr.\",,Over 3,"), std::string::npos) << csv;
}

TEST(UtilitiesCsv, NoCutoffLeavesTheVerdictEmpty) {
    HbResult h = hb();
    h.rlh_cutoff = 0;
    const auto rows = parse(utilities_csv(kItems, {}, {}, {}, h));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0][0], "respondent");
    EXPECT_EQ(rows[0][1], "rlh");
    EXPECT_EQ(column(rows, 2), (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(rows[0].size(), 2 + 1 + 2 * kItems.size());
}
