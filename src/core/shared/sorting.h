// sorting.h — sorting records without a copy of the sorting algorithm per record type.
//
// Every std::sort or std::stable_sort over a vector of records, with its own comparison, is a
// whole introsort or merge sort of its own in the program: over the taste records (notes, actions,
// insights, screenshots, members, each merged, reported and listed in its own order) that was 146
// KB of the full app's wasm. sort_stable sorts positions instead, with one shared instantiation,
// and then moves the records into their places. Equal records keep their order, so the result is
// the same on every platform (std::sort leaves the order of equal ones to the library).
#pragma once
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace loupe {

// Sorts positions 0..n-1 stably by less(context, a, b) (sorting.cpp: the one instantiation).
using PositionLess = bool (*)(const void* context, std::uint32_t a, std::uint32_t b);
void sort_positions(std::vector<std::uint32_t>& positions, PositionLess less, const void* context);

template <class T, class Less>
void sort_stable(std::vector<T>& items, Less less) {
    if (items.size() < 2) return;
    std::vector<std::uint32_t> order(items.size());
    std::iota(order.begin(), order.end(), std::uint32_t(0));
    struct Context {
        const std::vector<T>& items;
        Less& less;
    } context{items, less};
    sort_positions(order, [](const void* c, std::uint32_t a, std::uint32_t b) {
        const Context& x = *static_cast<const Context*>(c);
        return bool(x.less(x.items[a], x.items[b]));
    }, &context);
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (std::uint32_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
}

}  // namespace loupe
