// sorting_test.cpp — sort_stable orders records as std::stable_sort does, equal ones kept in order.
#include "core/shared/sorting.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/shared/rng.h"

namespace loupe {
namespace {

struct Record {
    int key = 0;
    std::string text;  // moved, not copied: the records keep it
    bool operator==(const Record&) const = default;
};

TEST(Sorting, SortsLikeStableSortKeepingEqualOnesInOrder) {
    Rng rng(7);
    for (int n : {0, 1, 2, 3, 17, 1000}) {
        std::vector<Record> records;
        for (int i = 0; i < n; ++i) records.push_back({int(rng.below(10)), "record " + std::to_string(i)});
        std::vector<Record> expected = records;
        std::stable_sort(expected.begin(), expected.end(), [](const Record& a, const Record& b) { return a.key < b.key; });
        sort_stable(records, [](const Record& a, const Record& b) { return a.key < b.key; });
        EXPECT_EQ(records, expected) << n << " records";
    }
}

TEST(Sorting, TakesAnyOrdering) {
    std::vector<std::string> words = {"pear", "Apple", "fig", "apple", "kiwi"};
    sort_stable(words, [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    EXPECT_EQ(words, (std::vector<std::string>{"Apple", "apple", "pear", "kiwi", "fig"}));
}

}  // namespace
}  // namespace loupe
