// design.h — which items each respondent sees on which screen, and how balanced that is.
//
// A design has `versions`; a respondent answers one of them: `sets_per_version` screens
// ("sets") of `items_per_set` items. The generator is deterministic for a seed on every
// platform (own RNG, integer objective, no ties left to std::sort), because a survey link
// carries only the parameters and every respondent's browser regenerates the same design.
//
// Goals, in order: every item equally often within each version (±1 when it cannot divide)
// and across versions; pair co-appearances as even as the counts allow (pooled over versions,
// then within each version); no item on two screens in a row; screen positions as even as the
// counts allow.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <cereal/cereal.hpp>

#include "core/shared/class_version.h"
#include "core/shared/result.h"

namespace loupe {

constexpr int kMinItems = 2;
constexpr int kMaxItems = 200;
constexpr int kMinItemsPerSet = 2;
constexpr int kMaxItemsPerSet = 8;
constexpr int kMaxSetsPerVersion = 60;
constexpr int kMaxVersions = 50;

struct DesignParams {
    std::uint8_t items_per_set = 4;
    std::uint16_t sets_per_version = 0;
    std::uint16_t versions = 1;
    std::uint32_t seed = 0;
    bool operator==(const DesignParams&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(cereal::make_nvp("items_per_set", items_per_set), cereal::make_nvp("sets_per_version", sets_per_version),
           cereal::make_nvp("versions", versions), cereal::make_nvp("seed", seed));
    }
};

struct Design {
    int item_count = 0;
    int items_per_set = 0;
    std::vector<std::vector<std::vector<int>>> versions;  // versions[v][set][place] = item index
};

// Empty when the parameters can make a design for `item_count` items; otherwise a sentence
// for the survey's author.
std::string design_problem(int item_count, const DesignParams& params);

Result<Design> make_design(int item_count, const DesignParams& params);

struct DesignReport {
    std::vector<double> version_item_sd;  // per version: sd of how often each item is shown
    double pooled_item_sd = 0;            // same, all versions together
    double pair_mean = 0;                 // how often two items share a screen, all versions together
    double pair_sd = 0;
    int pair_min = 0;
    double pair_optimum_sd = 0;           // sqrt(f(1-f)), f = fractional part of pair_mean
    double position_sd = 0;               // sd of item x place counts, all versions together
    bool connected = false;               // every item linked to every other through shared screens
    int consecutive_repeats = 0;          // items shown on two screens in a row, all versions
};

DesignReport report_design(const Design& design);

// What Loupe suggests for `item_count` items: 3 to 5 per screen, enough screens that each
// person sees every item about 3 times (at most 24 screens), 10 versions.
struct DesignProposal {
    DesignParams params;
    std::string summary;  // describe_design(item_count, params)
};
DesignProposal propose_design(int item_count, std::uint32_t seed);

// Plain words for the survey's author, e.g. "Each person answers 15 screens of 4 items and
// sees every item 3 times. 10 versions; pairs and positions are as balanced as possible."
std::string describe_design(int item_count, const DesignParams& params);

}  // namespace loupe

LOUPE_CLASS_VERSION(loupe::DesignParams, 1)
