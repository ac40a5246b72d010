// simulate.cpp — random designs and simulated respondents.
#include "core/maxdiff/simulate.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/maxdiff/linalg.h"
#include "core/shared/rng.h"

namespace loupe {

Result<DesignSets> random_design(int items, int sets, int per_set, int versions, std::uint64_t seed) {
    if (items < 2 || items > kMaxChoiceItems) return failure<DesignSets>("The number of items must be 2 to 500.");
    if (per_set < 2 || per_set > items) return failure<DesignSets>("Items per set must be at least 2 and at most the number of items.");
    if (sets < 1 || versions < 1 || static_cast<long long>(sets) * per_set * versions > 10'000'000)
        return failure<DesignSets>("The number of sets or versions is out of range.");
    Rng rng(seed);
    DesignSets design(versions);
    std::vector<int> stream, order(items);
    for (auto& version : design) {
        // Deal the items from shuffled decks so counts stay balanced; when the next card is
        // already in the set, take the nearest later card that is not.
        stream.clear();
        while (static_cast<int>(stream.size()) < sets * per_set) {
            for (int i = 0; i < items; ++i) order[i] = i;
            rng.shuffle(order);
            stream.insert(stream.end(), order.begin(), order.end());
        }
        for (int s = 0; s < sets; ++s) {
            std::vector<int> set;
            for (int pos = s * per_set; pos < (s + 1) * per_set; ++pos) {
                int pick = pos;
                while (pick < static_cast<int>(stream.size()) &&
                       std::find(set.begin(), set.end(), stream[pick]) != set.end())
                    ++pick;
                if (pick == static_cast<int>(stream.size())) {
                    // Only the tail of the last deck is left and it repeats the set: use any unused item.
                    for (int i = 0; i < items; ++i)
                        if (std::find(set.begin(), set.end(), i) == set.end()) stream.push_back(i);
                }
                std::swap(stream[pos], stream[pick]);
                set.push_back(stream[pos]);
            }
            version.push_back(std::move(set));
        }
    }
    return design;
}

namespace {

// Index into `set` drawn with probabilities ∝ exp(sign · u), skipping position `skip`.
int draw_choice(Rng& rng, const std::vector<int>& set, int skip, double sign, const std::vector<double>& u) {
    double top = -INFINITY, sum = 0;
    for (int j = 0; j < static_cast<int>(set.size()); ++j)
        if (j != skip) top = std::max(top, sign * u[set[j]]);
    for (int j = 0; j < static_cast<int>(set.size()); ++j)
        if (j != skip) sum += std::exp(sign * u[set[j]] - top);
    double target = rng.uniform() * sum;
    int last = -1;
    for (int j = 0; j < static_cast<int>(set.size()); ++j) {
        if (j == skip) continue;
        target -= std::exp(sign * u[set[j]] - top);
        last = j;
        if (target <= 0) break;
    }
    return last;
}

}  // namespace

Result<SimulatedSurvey> simulate_survey(const DesignSets& design, const Population& population, int respondents,
                                        std::uint64_t seed) {
    const int k = static_cast<int>(population.mean.size());
    if (k < 2 || k > kMaxChoiceItems) return failure<SimulatedSurvey>("The population must have 2 to 500 items.");
    if (population.covariance.size() != static_cast<std::size_t>(k) * k)
        return failure<SimulatedSurvey>("The covariance matrix must be items x items.");
    if (respondents < 1 || respondents > 1'000'000) return failure<SimulatedSurvey>("The number of respondents is out of range.");
    if (design.empty()) return failure<SimulatedSurvey>("The design has no versions.");
    for (const auto& version : design)
        for (const auto& set : version) {
            if (set.size() < 2) return failure<SimulatedSurvey>("Every set must show at least two items.");
            for (int item : set)
                if (item < 0 || item >= k) return failure<SimulatedSurvey>("The design names an item the population does not have.");
        }
    std::vector<double> root = population.covariance;
    if (!cholesky(root.data(), k)) return failure<SimulatedSurvey>("The covariance matrix is not positive definite.");

    Rng rng(seed);
    SimulatedSurvey out;
    for (int i = 0; i < k; ++i) out.data.items.push_back("item " + std::to_string(i + 1));
    out.data.respondents = respondents;
    std::vector<double> z(k), u(k);
    for (int n = 0; n < respondents; ++n) {
        out.data.respondent_ids.push_back(std::to_string(n + 1));
        for (double& x : z) x = rng.normal();
        multiply_lower(root.data(), k, z.data(), u.data());
        for (int i = 0; i < k; ++i) u[i] += population.mean[i];
        for (const auto& set : design[n % design.size()]) {
            const int best = draw_choice(rng, set, -1, +1, u);
            const int worst = draw_choice(rng, set, best, -1, u);
            out.data.tasks.push_back(Task{n, set, set[best], set[worst]});
        }
        out.utilities.push_back(u);
    }
    if (std::string why = check_choices(out.data); !why.empty()) return failure<SimulatedSurvey>(why);
    return out;
}

}  // namespace loupe
