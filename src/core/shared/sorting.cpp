// sorting.cpp — the one sort every sort_stable shares (sorting.h).
#include "core/shared/sorting.h"

#include <algorithm>

namespace loupe {

void sort_positions(std::vector<std::uint32_t>& positions, PositionLess less, const void* context) {
    std::stable_sort(positions.begin(), positions.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return less(context, a, b); });
}

}  // namespace loupe
