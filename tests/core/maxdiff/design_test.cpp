// design_test.cpp — the design generator meets its balance targets, fast and deterministically.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/maxdiff/design.h"

using namespace loupe;

namespace {

Design design_or_die(int items, DesignParams params) {
    auto design = make_design(items, params);
    EXPECT_TRUE(design) << design.error();
    return design ? *design : Design{};
}

void print(const char* name, const DesignReport& r) {
    const double worst_version = r.version_item_sd.empty()
                                     ? 0
                                     : *std::max_element(r.version_item_sd.begin(), r.version_item_sd.end());
    std::printf("[ design   ] %s: version item sd max %.3f, pooled item sd %.3f, pairs mean %.3f sd %.4f min %d "
                "(optimum sd %.4f), position sd %.3f, %s, %d consecutive repeats\n",
                name, worst_version, r.pooled_item_sd, r.pair_mean, r.pair_sd, r.pair_min, r.pair_optimum_sd,
                r.position_sd, r.connected ? "connected" : "NOT connected", r.consecutive_repeats);
}

// Every screen holds k distinct valid items, and within each version every item is shown
// floor or ceil of its share.
void expect_well_formed(const Design& d, const DesignParams& p) {
    ASSERT_EQ(d.versions.size(), p.versions);
    for (const auto& version : d.versions) {
        ASSERT_EQ(version.size(), p.sets_per_version);
        std::vector<int> shown(d.item_count, 0);
        for (const auto& set : version) {
            ASSERT_EQ(set.size(), p.items_per_set);
            for (std::size_t i = 0; i < set.size(); ++i) {
                ASSERT_GE(set[i], 0);
                ASSERT_LT(set[i], d.item_count);
                ++shown[set[i]];
                for (std::size_t j = 0; j < i; ++j) ASSERT_NE(set[i], set[j]);
            }
        }
        const int share = p.sets_per_version * p.items_per_set / d.item_count;
        for (int n : shown) EXPECT_TRUE(n == share || n == share + 1) << n;
    }
}

std::uint64_t fingerprint(const Design& d) {  // FNV-1a over every cell
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const auto& version : d.versions)
        for (const auto& set : version)
            for (int item : set) h = (h ^ std::uint64_t(item)) * 0x100000001b3ull;
    return h;
}

}  // namespace

// Respondents' browsers regenerate the design from the link, so a seed must give the same
// design natively and in wasm: both builds check these fingerprints.
TEST(Design, TwentyItemsMeetTheBalanceTargets) {
    const DesignParams p{4, 15, 10, 1};
    const Design d = design_or_die(20, p);
    expect_well_formed(d, p);
    EXPECT_EQ(fingerprint(d), 0x05c1150987fb62fdull) << std::hex << fingerprint(d);
    const DesignReport r = report_design(d);
    print("K=20 k=4 15 sets 10 versions", r);
    for (double sd : r.version_item_sd) EXPECT_EQ(sd, 0);
    EXPECT_EQ(r.pooled_item_sd, 0);
    EXPECT_LE(r.pair_sd, 0.45);
    EXPECT_NEAR(r.pair_optimum_sd, 0.4403, 1e-4);
    EXPECT_LE(r.position_sd, 0.55);
    EXPECT_TRUE(r.connected);
    EXPECT_EQ(r.consecutive_repeats, 0);
}

TEST(Design, FindsBalancedIncompleteBlockDesigns) {
    for (int items : {7, 13}) {
        const DesignParams p{4, std::uint16_t(items), 1, 3};
        const Design d = design_or_die(items, p);
        expect_well_formed(d, p);
        const DesignReport r = report_design(d);
        print(items == 7 ? "BIBD(7,4,2)" : "BIBD(13,4,1)", r);
        EXPECT_EQ(r.pair_sd, 0) << items;
        EXPECT_EQ(r.pair_min, items == 7 ? 2 : 1);
        EXPECT_EQ(r.position_sd, 0) << items;
    }
}

TEST(Design, TwoHundredItemsAreFast) {
    for (int sets : {24, 60}) {
        const DesignParams p{5, std::uint16_t(sets), 10, 9};
        const auto start = std::chrono::steady_clock::now();
        const Design d = design_or_die(200, p);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const DesignReport r = report_design(d);
        char name[64];
        std::snprintf(name, sizeof name, "K=200 k=5 %d sets 10 versions in %.3f s", sets, seconds);
        print(name, r);
        expect_well_formed(d, p);
        EXPECT_LT(seconds, 5.0);
        EXPECT_EQ(r.pooled_item_sd, 0);
        EXPECT_TRUE(r.connected);
        EXPECT_EQ(r.consecutive_repeats, 0);
        EXPECT_LE(r.pair_sd, r.pair_optimum_sd + 0.01);
    }
}

TEST(Design, UnevenCountsDifferByAtMostOne) {
    const DesignParams p{4, 8, 10, 5};  // 10 items, 32 places per version
    const Design d = design_or_die(10, p);
    expect_well_formed(d, p);
    const DesignReport r = report_design(d);
    print("K=10 k=4 8 sets 10 versions", r);
    EXPECT_EQ(r.pooled_item_sd, 0);  // the extra showings rotate between versions
    EXPECT_LE(r.pair_sd, r.pair_optimum_sd + 0.05);
}

TEST(Design, IsDeterministicForASeed) {
    const DesignParams p{5, 24, 10, 42};
    const Design a = design_or_die(200, p), b = design_or_die(200, p);
    EXPECT_EQ(a.versions, b.versions);
    EXPECT_EQ(fingerprint(a), 0x517ff9214c254e89ull) << std::hex << fingerprint(a);
    DesignParams other = p;
    other.seed = 43;
    EXPECT_NE(design_or_die(200, other).versions, a.versions);
}

TEST(Design, RefusesImpossibleParameters) {
    EXPECT_EQ(design_problem(1, {4, 10, 1, 0}), "A survey needs at least 2 items.");
    EXPECT_EQ(design_problem(201, {4, 10, 1, 0}), "A survey can have at most 200 items.");
    EXPECT_EQ(design_problem(20, {9, 10, 1, 0}), "Show between 2 and 8 items per screen.");
    EXPECT_EQ(design_problem(3, {4, 10, 1, 0}), "Show at most 3 items per screen: the survey has only 3.");
    EXPECT_EQ(design_problem(20, {4, 0, 1, 0}), "Use between 1 and 60 screens per person.");
    EXPECT_EQ(design_problem(20, {4, 10, 51, 0}), "Use between 1 and 50 versions.");
    EXPECT_FALSE(make_design(20, {4, 10, 0, 0}));
    EXPECT_EQ(design_problem(20, {4, 15, 10, 0}), "");
}

TEST(Design, SmallAndDegenerateCasesWork) {
    for (auto [items, k, sets] : {std::tuple{2, 2, 3}, {3, 3, 3}, {5, 4, 4}, {5, 4, 1}, {8, 8, 1}, {9, 2, 20}}) {
        const DesignParams p{std::uint8_t(k), std::uint16_t(sets), 3, 11};
        const Design d = design_or_die(items, p);
        expect_well_formed(d, p);
    }
}

TEST(Design, ProposalFollowsTheRules) {
    const DesignProposal twenty = propose_design(20, 7);
    EXPECT_EQ(twenty.params, (DesignParams{4, 15, 10, 7}));
    EXPECT_EQ(twenty.summary,
              "Each person answers 15 screens of 4 items and sees every item 3 times. 10 versions; "
              "pairs and positions are as balanced as possible.");
    EXPECT_EQ(propose_design(6, 7).params.items_per_set, 3);
    EXPECT_EQ(propose_design(3, 7).params.items_per_set, 3);
    EXPECT_EQ(propose_design(2, 7).params.items_per_set, 2);
    const DesignProposal many = propose_design(200, 7);
    EXPECT_EQ(many.params.items_per_set, 5);
    EXPECT_EQ(many.params.sets_per_version, 24);
    EXPECT_EQ(many.summary,
              "Each person answers 24 screens of 5 items, so sees 120 of the 200 items once; the versions "
              "share the items out evenly. 10 versions; pairs and positions are as balanced as possible.");
    EXPECT_EQ(describe_design(10, {4, 8, 1, 0}),
              "Each person answers 8 screens of 4 items and sees every item 3 or 4 times. One version; "
              "pairs and positions are as balanced as possible.");
    for (int items = kMinItems; items <= kMaxItems; ++items)
        EXPECT_EQ(design_problem(items, propose_design(items, 1).params), "") << items;
}

// Where screens can follow each other without sharing an item (2k <= K) and no block design
// is wanted, no item appears on two screens in a row. That rule comes before pair balance, which
// it costs little with many items or versions and more when few items leave little choice.
TEST(Design, NoItemOnTwoScreensInARowWhereAvoidable) {
    for (auto [items, k, sets, versions, pair_slack] :
         {std::tuple{12, 4, 9, 1, 0.25}, {10, 4, 8, 3, 0.3}, {8, 3, 8, 2, 0.0}, {12, 4, 9, 10, 0.0},
          {16, 5, 10, 4, 0.1}, {30, 5, 18, 10, 0.1}, {20, 4, 15, 10, 0.0}}) {
        const DesignParams p{std::uint8_t(k), std::uint16_t(sets), std::uint16_t(versions), 5};
        const DesignReport r = report_design(design_or_die(items, p));
        EXPECT_EQ(r.consecutive_repeats, 0) << items << " items, " << k << " per screen";
        EXPECT_LE(r.pair_sd, r.pair_optimum_sd + pair_slack + 1e-9) << items << " items, " << k << " per screen";
        EXPECT_TRUE(r.connected);
    }
}
