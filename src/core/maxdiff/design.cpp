// design.cpp — the MaxDiff design generator, its balance report and the proposal.
//
// Method. A greedy start fills each version screen by screen with the items that most need
// showing, preferring items that have shared few screens with those already on it. A local
// search then improves one integer objective with two moves, accepting any move that does not
// make it worse (sideways moves let it drift across plateaus):
//   - swap two items between two screens of one version (every item keeps its count);
//   - swap the order of two screens of one version (only changes repeats).
//   objective = kPooledWeight * pair counts outside their band, over all versions
//             + kWithinWeight * the same within each version
//             + repeat weight * items shown on two screens in a row
// No item on two screens in a row is a rule, pair balance the aim within it. The search first
// ranks repeats below pairs, then reorders each version's screens (which changes no pair count)
// to take the repeats out. If some remain, a second search ranks repeats above every pair and
// wins if it has fewer. The exception: a balanced incomplete block design (every pair equally
// often) is kept even with repeats, which it often forces (any two screens of a symmetric one
// share an item).
// A pair count's band is the two integers around its mean; counts inside it cost nothing and
// outside it cost the squared distance. All counts inside their band is exactly the
// sqrt(f(1-f)) optimum, or a balanced incomplete block design when one exists. A free plateau
// works far better than a plain sum of squares, whose every step is uphill near the optimum.
// When the search stalls it restarts from a fresh greedy start, keeping the best design.
// Last, places within each screen are swapped to even out item x place counts.
// Everything is integer arithmetic driven by our own RNG, so native and wasm builds agree.
#include "core/maxdiff/design.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace loupe {
namespace {

constexpr long long kRepeatsFirstWeight = 1024;  // no item on two screens in a row,
constexpr long long kPooledWeight = 16;          // then pairs over all versions,
constexpr long long kRepeatsAfterPairsWeight = 12;  // (when looking for a block design)
constexpr long long kWithinWeight = 1;           // then pairs within each version.
constexpr long long kStepsPerScreen = 3000;  // search budget, per screen of the whole design
constexpr long long kMinSteps = 300'000;     // small designs can afford many restarts
constexpr long long kMaxSteps = 1'500'000;   // about 0.3 s natively
constexpr long long kPatience = 20'000;      // steps without progress before a restart, at least

// SplitMix64 (Steele, Lea & Flood): tiny, well mixed, and the same on every platform,
// unlike std:: distributions.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

private:
    std::uint64_t state_;
};

using Set = std::vector<int>;

bool contains(const Set& set, int item) { return std::find(set.begin(), set.end(), item) != set.end(); }

int overlap(const Set& a, const Set& b) {
    int n = 0;
    for (int x : a) n += contains(b, x);
    return n;
}

// The smallest sum of squares of `cells` non-negative integers that add up to `total`.
long long min_sum_of_squares(long long total, long long cells) {
    if (cells == 0) return 0;
    const long long q = total / cells, extra = total % cells;
    return extra * (q + 1) * (q + 1) + (cells - extra) * q * q;
}

double population_sd(const std::vector<double>& values) {
    if (values.empty()) return 0;
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    double sum = 0;
    for (double x : values) sum += (x - mean) * (x - mean);
    return std::sqrt(sum / double(values.size()));
}

// The two integers around a mean count; counts inside cost nothing.
struct Band {
    int low = 0, high = 0;
    Band(long long total, long long cells)
        : low(int(total / cells)), high(int((total + cells - 1) / cells)) {}
    long long cost(int c) const {
        const int outside = c > high ? c - high : c < low ? low - c : 0;
        return (long long)outside * outside;
    }
};

class Generator {
public:
    Generator(int item_count, const DesignParams& p, long long repeat_weight)
        : K(item_count), k(p.items_per_set), S(p.sets_per_version), V(p.versions), repeat_weight_(repeat_weight),
          rng_(p.seed),
          pooled_band_(k * (k - 1LL) / 2 * S * V, K * (K - 1LL) / 2),
          within_band_(k * (k - 1LL) / 2 * S, K * (K - 1LL) / 2) {}

    Design run() {
        long long steps_left = std::clamp(kStepsPerScreen * S * V, kMinSteps, kMaxSteps);
        std::vector<std::vector<Set>> best_sets;
        long long best = -1;
        do {  // restarts while there is budget; with one screen there is nothing to search
            fill();
            const long long found = improve(steps_left);
            if (best < 0 || found < best) best = found, best_sets = sets_;
        } while (best > 0 && steps_left > 0 && S > 1);
        sets_ = best_sets;
        order_screens();
        balance_places();
        Design design;
        design.item_count = K;
        design.items_per_set = k;
        design.versions = sets_;
        return design;
    }

private:
    const int K, k, S, V;
    const long long repeat_weight_;
    Rng rng_;
    const Band pooled_band_, within_band_;
    std::vector<std::vector<Set>> sets_;
    std::vector<int> pooled_;                 // pair counts over all versions, [min * K + max]
    std::vector<std::uint8_t> per_version_;   // pair counts per version (at most S <= 60 each)

    int& pooled(int a, int b) { return pooled_[std::size_t(std::min(a, b)) * K + std::max(a, b)]; }
    std::uint8_t& within(int v, int a, int b) {
        return per_version_[(std::size_t(v) * K + std::min(a, b)) * K + std::max(a, b)];
    }
    void count_pairs(int v, const Set& set, int delta) {
        for (int i = 0; i < k; ++i)
            for (int j = i + 1; j < k; ++j) {
                pooled(set[i], set[j]) += delta;
                within(v, set[i], set[j]) = std::uint8_t(within(v, set[i], set[j]) + delta);
            }
    }

    void fill() {
        sets_.assign(V, std::vector<Set>(S));
        pooled_.assign(std::size_t(K) * K, 0);
        per_version_.assign(std::size_t(V) * K * K, 0);
        std::vector<int> shown(K, 0);
        for (int v = 0; v < V; ++v) fill_version(v, shown);
    }

    // Greedy start. Each item's quota for this version is fixed first (the extra +1s go to the
    // items shown least so far, so versions even each other out). An item whose quota equals
    // the screens left must go on this screen; that rule alone keeps the fill always feasible.
    void fill_version(int v, std::vector<int>& shown) {
        const int total = S * k, base = total / K;
        std::vector<std::pair<long long, int>> order;  // (times shown, random) -> item; no ties
        for (int i = 0; i < K; ++i) order.push_back({(long long)shown[i] << 32 | rng_.below(1 << 30), i});
        std::sort(order.begin(), order.end());
        std::vector<int> quota(K, base);
        for (int n = 0; n < total % K; ++n) ++quota[order[n].second];

        const Set none;
        for (int s = 0; s < S; ++s) {
            const int left = S - s;
            const Set& previous = s > 0 ? sets_[v][s - 1] : none;
            Set chosen;
            for (int i = 0; i < K; ++i)
                if (quota[i] == left) chosen.push_back(i);
            while (int(chosen.size()) < k) chosen.push_back(pick_next(chosen, previous, quota));
            for (int item : chosen) --quota[item], ++shown[item];
            for (int i = k - 1; i > 0; --i) std::swap(chosen[i], chosen[rng_.below(i + 1)]);
            count_pairs(v, chosen, +1);
            sets_[v][s] = chosen;
        }
    }

    int pick_next(const Set& chosen, const Set& previous, const std::vector<int>& quota) {
        int best_item = -1;
        long long best_score = 0;
        for (int i = 0; i < K; ++i) {
            if (quota[i] == 0 || contains(chosen, i)) continue;
            long long together = 0;
            for (int c : chosen) together += pooled(i, c);
            const long long score =
                (8 * together + 16 * contains(previous, i) - 4 * quota[i]) * (1 << 20) + rng_.below(1 << 20);
            if (best_item < 0 || score < best_score) best_item = i, best_score = score;
        }
        return best_item;
    }

    long long pair_cost(int v, int a, int b, int d) {  // change in objective if pair (a,b) moves by d
        const int c = pooled(a, b), w = within(v, a, b);
        return kPooledWeight * (pooled_band_.cost(c + d) - pooled_band_.cost(c)) +
               kWithinWeight * (within_band_.cost(w + d) - within_band_.cost(w));
    }

    int repeats_around(int v, int s, int item, int skip) {  // neighbours of screen s showing item
        int n = 0;
        for (int t : {s - 1, s + 1})
            if (t >= 0 && t < S && t != skip && contains(sets_[v][t], item)) ++n;
        return n;
    }

    int repeats_between(int v, int s) { return overlap(sets_[v][s], sets_[v][s + 1]); }

    long long objective() {
        long long sum = 0;
        for (int a = 0; a < K; ++a)
            for (int b = a + 1; b < K; ++b) {
                sum += kPooledWeight * pooled_band_.cost(pooled(a, b));
                for (int v = 0; v < V; ++v) sum += kWithinWeight * within_band_.cost(within(v, a, b));
            }
        for (int v = 0; v < V; ++v)
            for (int s = 0; s + 1 < S; ++s) sum += repeat_weight_ * repeats_between(v, s);
        return sum;
    }

    // Move 1: item a (screen s1) trades places with item b (screen s2). Returns false when the
    // swap would put an item twice on one screen.
    bool item_swap_delta(int v, int s1, int a, int s2, int b, long long& delta) {
        const Set& one = sets_[v][s1];
        const Set& two = sets_[v][s2];
        if (contains(two, a) || contains(one, b)) return false;
        delta = 0;
        for (int x : one)  // items on both screens keep all their pairs
            if (x != a && !contains(two, x)) delta += pair_cost(v, a, x, -1) + pair_cost(v, b, x, +1);
        for (int y : two)
            if (y != b && !contains(one, y)) delta += pair_cost(v, b, y, -1) + pair_cost(v, a, y, +1);
        delta += repeat_weight_ * (repeats_around(v, s2, a, s1) - repeats_around(v, s1, a, s2) +
                                  repeats_around(v, s1, b, s2) - repeats_around(v, s2, b, s1));
        return true;
    }

    void apply_item_swap(int v, int s1, int p1, int s2, int p2) {
        count_pairs(v, sets_[v][s1], -1);
        count_pairs(v, sets_[v][s2], -1);
        std::swap(sets_[v][s1][p1], sets_[v][s2][p2]);
        count_pairs(v, sets_[v][s1], +1);
        count_pairs(v, sets_[v][s2], +1);
    }

    // Move 2: screens s1 and s2 trade places; only repeats change.
    long long screen_swap_delta(int v, int s1, int s2) {
        int edges[4] = {s1 - 1, s1, s2 - 1, s2};  // edge e joins screens e and e + 1
        std::sort(edges, edges + 4);
        auto repeats_touching = [&] {
            int n = 0;
            for (int i = 0; i < 4; ++i)
                if (edges[i] >= 0 && edges[i] + 1 < S && (i == 0 || edges[i] != edges[i - 1]))
                    n += repeats_between(v, edges[i]);
            return n;
        };
        const int before = repeats_touching();
        std::swap(sets_[v][s1], sets_[v][s2]);
        const int after = repeats_touching();
        std::swap(sets_[v][s1], sets_[v][s2]);
        return repeat_weight_ * (after - before);
    }

    // Improves the current design until the objective reaches 0, the budget runs out or the
    // search stalls. Only moves that do not make it worse are taken, so the current design is
    // always the best so far. Returns its objective.
    long long improve(long long& steps_left) {
        const long long patience = std::max(kPatience, 100LL * S * V);
        long long current = objective();
        for (long long stalled = 0; S > 1 && current > 0 && steps_left > 0 && stalled < patience;
             --steps_left, ++stalled) {
            const int v = rng_.below(V), s1 = rng_.below(S);
            int s2 = rng_.below(S - 1);
            if (s2 >= s1) ++s2;
            const bool reorder = rng_.below(8) == 0;
            const int p1 = rng_.below(k), p2 = rng_.below(k);
            long long delta = 0;
            if (reorder) delta = screen_swap_delta(v, s1, s2);
            else if (!item_swap_delta(v, s1, sets_[v][s1][p1], s2, sets_[v][s2][p2], delta)) continue;
            if (delta > 0) continue;
            if (reorder) std::swap(sets_[v][s1], sets_[v][s2]);
            else apply_item_swap(v, s1, p1, s2, p2);
            current += delta;
            if (delta < 0) stalled = 0;
        }
        return current;
    }

    // Reorders each version's screens to leave as few items as possible on two screens in a row.
    // Order changes no pair count. Reversing a stretch of screens (2-opt) changes only its two
    // ends, so each step is cheap and the search reaches orders that single swaps cannot.
    void order_screens() {
        if (S < 3) return;
        for (auto& version : sets_) {
            long long current = 0;
            for (int s = 0; s + 1 < S; ++s) current += overlap(version[s], version[s + 1]);
            const long long steps = std::clamp(kStepsPerScreen * S, kMinSteps / 10, kMaxSteps / 10);
            for (long long step = 0; step < steps && current > 0; ++step) {
                int i = rng_.below(S), j = rng_.below(S);
                if (i > j) std::swap(i, j);
                if (j - i < 1) continue;
                auto edge = [&](int a, int b) { return a < 0 || b >= S ? 0 : overlap(version[a], version[b]); };
                const long long delta = edge(i - 1, j) + edge(i, j + 1) - edge(i - 1, i) - edge(j, j + 1);
                if (delta > 0) continue;
                std::reverse(version.begin() + i, version.begin() + j + 1);
                current += delta;
            }
        }
    }

    // Evens out how often each item sits in each place (pooled over versions) by swapping
    // places within a screen; sideways moves let it drift across plateaus.
    void balance_places() {
        std::vector<int> count(std::size_t(K) * k, 0), shown(K, 0);
        for (const auto& version : sets_)
            for (const Set& set : version)
                for (int p = 0; p < k; ++p) ++count[std::size_t(set[p]) * k + p], ++shown[set[p]];
        long long current = 0, target = 0;
        for (int c : count) current += (long long)c * c;
        for (int i = 0; i < K; ++i) target += min_sum_of_squares(shown[i], k);
        const long long steps = std::clamp(kStepsPerScreen / 4 * S * V, kMinSteps / 4, kMaxSteps / 4);
        for (long long step = 0; step < steps && current > target; ++step) {
            Set& set = sets_[rng_.below(V)][rng_.below(S)];
            const int p = rng_.below(k);
            int q = rng_.below(k - 1);
            if (q >= p) ++q;
            int& ap = count[std::size_t(set[p]) * k + p];
            int& aq = count[std::size_t(set[p]) * k + q];
            int& bq = count[std::size_t(set[q]) * k + q];
            int& bp = count[std::size_t(set[q]) * k + p];
            const long long delta = (1 - 2LL * ap) + (1 + 2LL * aq) + (1 - 2LL * bq) + (1 + 2LL * bp);
            if (delta > 0) continue;
            --ap, ++aq, --bq, ++bp;
            std::swap(set[p], set[q]);
            current += delta;
        }
    }
};

}  // namespace

std::string design_problem(int item_count, const DesignParams& p) {
    if (item_count < kMinItems) return "A survey needs at least " + std::to_string(kMinItems) + " items.";
    if (item_count > kMaxItems) return "A survey can have at most " + std::to_string(kMaxItems) + " items.";
    if (p.items_per_set < kMinItemsPerSet || p.items_per_set > kMaxItemsPerSet)
        return "Show between " + std::to_string(kMinItemsPerSet) + " and " + std::to_string(kMaxItemsPerSet) +
               " items per screen.";
    if (p.items_per_set > item_count)
        return "Show at most " + std::to_string(item_count) + " items per screen: the survey has only " +
               std::to_string(item_count) + ".";
    if (p.sets_per_version < 1 || p.sets_per_version > kMaxSetsPerVersion)
        return "Use between 1 and " + std::to_string(kMaxSetsPerVersion) + " screens per person.";
    if (p.versions < 1 || p.versions > kMaxVersions)
        return "Use between 1 and " + std::to_string(kMaxVersions) + " versions.";
    return {};
}

Result<Design> make_design(int item_count, const DesignParams& params) {
    if (std::string problem = design_problem(item_count, params); !problem.empty()) return failure<Design>(problem);
    const long long pair_slots = params.items_per_set * (params.items_per_set - 1LL) / 2 * params.sets_per_version *
                                 params.versions;
    const bool block_possible = item_count > 2 && pair_slots % (item_count * (item_count - 1LL) / 2) == 0;
    Design pairs_first = Generator(item_count, params, kRepeatsAfterPairsWeight).run();
    const DesignReport report = report_design(pairs_first);
    if (report.consecutive_repeats == 0 || (block_possible && report.pair_sd == 0)) return pairs_first;
    Design repeats_first = Generator(item_count, params, kRepeatsFirstWeight).run();
    return report_design(repeats_first).consecutive_repeats < report.consecutive_repeats ? repeats_first : pairs_first;
}

DesignReport report_design(const Design& design) {
    DesignReport report;
    const int K = design.item_count, k = design.items_per_set;
    if (K < 1) return report;
    std::vector<double> shown(K, 0), pairs(std::size_t(K) * (K - 1) / 2, 0), places(std::size_t(K) * k, 0);
    std::vector<int> group(K);  // union-find over "shared a screen"
    std::iota(group.begin(), group.end(), 0);
    auto root = [&](int i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    };
    auto pair_index = [&](int a, int b) {
        if (a > b) std::swap(a, b);
        return std::size_t(a) * (2 * K - a - 1) / 2 + (b - a - 1);
    };
    for (const auto& version : design.versions) {
        std::vector<double> in_version(K, 0);
        for (std::size_t s = 0; s < version.size(); ++s) {
            const auto& set = version[s];
            for (std::size_t p = 0; p < set.size(); ++p) {
                ++in_version[set[p]], ++shown[set[p]], ++places[std::size_t(set[p]) * k + p];
                for (std::size_t q = p + 1; q < set.size(); ++q) {
                    ++pairs[pair_index(set[p], set[q])];
                    group[root(set[p])] = root(set[q]);
                }
                if (s + 1 < version.size() && contains(version[s + 1], set[p])) ++report.consecutive_repeats;
            }
        }
        report.version_item_sd.push_back(population_sd(in_version));
    }
    report.pooled_item_sd = population_sd(shown);
    report.position_sd = population_sd(places);
    if (!pairs.empty()) {
        report.pair_mean = std::accumulate(pairs.begin(), pairs.end(), 0.0) / double(pairs.size());
        report.pair_sd = population_sd(pairs);
        report.pair_min = int(*std::min_element(pairs.begin(), pairs.end()));
        const double f = report.pair_mean - std::floor(report.pair_mean);
        report.pair_optimum_sd = std::sqrt(f * (1 - f));
    }
    report.connected = true;
    for (int i = 0; i < K; ++i) report.connected &= root(i) == root(0);
    return report;
}

std::string describe_design(int item_count, const DesignParams& p) {
    const int slots = p.items_per_set * p.sets_per_version;
    std::string text = "Each person answers " + std::to_string(p.sets_per_version) + " screens of " +
                       std::to_string(p.items_per_set) + " items";
    if (slots % item_count == 0)
        text += " and sees every item " + std::to_string(slots / item_count) +
                (slots / item_count == 1 ? " time." : " times.");
    else if (slots > item_count)
        text += " and sees every item " + std::to_string(slots / item_count) + " or " +
                std::to_string(slots / item_count + 1) + " times.";
    else
        text += ", so sees " + std::to_string(slots) + " of the " + std::to_string(item_count) +
                " items once; the versions share the items out evenly.";
    text += p.versions == 1 ? " One version" : " " + std::to_string(p.versions) + " versions";
    return text + "; pairs and positions are as balanced as possible.";
}

DesignProposal propose_design(int item_count, std::uint32_t seed) {
    const int K = std::clamp(item_count, kMinItems, kMaxItems);
    DesignParams p;
    p.items_per_set = std::uint8_t(K <= 3 ? K : K <= 7 ? 3 : K <= 30 ? 4 : 5);
    const int screens_for_three_views = (3 * K + p.items_per_set - 1) / p.items_per_set;
    p.sets_per_version = std::uint16_t(std::min(screens_for_three_views, 24));
    p.versions = 10;
    p.seed = seed;
    return {p, describe_design(K, p)};
}

}  // namespace loupe
