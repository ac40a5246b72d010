// counts.cpp — best-worst counting scores.
#include "core/maxdiff/counts.h"

#include <algorithm>
#include <cmath>

namespace loupe {

Result<std::vector<ItemCounts>> count_choices(const ChoiceData& data) {
    if (std::string why = check_choices(data); !why.empty()) return failure<std::vector<ItemCounts>>(why);
    std::vector<ItemCounts> counts(data.items.size());
    for (const Task& task : data.tasks) {
        for (int item : task.shown) ++counts[item].shown;
        ++counts[task.best].best;
        if (task.worst >= 0) ++counts[task.worst].worst;
    }
    double top = 0;
    for (ItemCounts& c : counts) {
        c.best_minus_worst = c.best - c.worst;
        c.standardised = c.shown > 0 ? static_cast<double>(c.best_minus_worst) / c.shown : 0;
        c.sqrt_ratio = c.worst > 0 ? std::sqrt(static_cast<double>(c.best) / c.worst) : std::sqrt((c.best + 0.5) / 0.5);
        top = std::max(top, c.sqrt_ratio);
    }
    for (ItemCounts& c : counts) c.sqrt_ratio_scaled = top > 0 ? c.sqrt_ratio / top : 0;
    return counts;
}

}  // namespace loupe
