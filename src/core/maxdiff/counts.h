// counts.h — best-worst counting scores per item: the quick, model-free summary.
//
// Definitions follow support.BWS (Aizaki & Fogarty), so they can be checked against R:
//   standardised      = (best - worst) / shown, in [-1, 1]
//   sqrt_ratio        = sqrt(best / worst); an item never chosen worst would be infinite, so it
//                       gets sqrt((best + 0.5) / 0.5) instead (the usual half-count correction)
//   sqrt_ratio_scaled = sqrt_ratio divided by the largest sqrt_ratio, so the top item scores 1
#pragma once
#include <vector>

#include "core/maxdiff/choices.h"
#include "core/shared/result.h"

namespace loupe {

struct ItemCounts {
    int shown = 0;
    int best = 0;
    int worst = 0;
    int best_minus_worst = 0;
    double standardised = 0;
    double sqrt_ratio = 0;
    double sqrt_ratio_scaled = 0;
};

Result<std::vector<ItemCounts>> count_choices(const ChoiceData& data);  // one entry per item

}  // namespace loupe
