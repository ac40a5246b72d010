// simulate.h — synthetic respondents with known utilities, for testing the estimators.
//
// Each respondent draws individual utilities from a multivariate normal population and answers
// the sets of one design version (respondent n gets version n mod versions), choosing best and
// then worst by the same sequential best-worst logit the estimators assume. Because the true
// utilities are returned too, tests can check how well an estimator recovers them.
#pragma once
#include <cstdint>
#include <vector>

#include "core/maxdiff/choices.h"
#include "core/shared/result.h"

namespace loupe {

using DesignSets = std::vector<std::vector<std::vector<int>>>;  // [version][set] -> item indices

// A simple random design: in every version items are dealt from shuffled decks, so each appears
// about equally often, and never twice in a set. Not optimised for pair balance; the survey's own generator is.
Result<DesignSets> random_design(int items, int sets, int per_set, int versions, std::uint64_t seed);

struct Population {
    std::vector<double> mean;        // one per item
    std::vector<double> covariance;  // items x items, row-major, positive definite
};

struct SimulatedSurvey {
    ChoiceData data;                            // items named "item 1".., respondents "1"..
    std::vector<std::vector<double>> utilities;  // [respondent][item], as drawn (not centred)
};

Result<SimulatedSurvey> simulate_survey(const DesignSets& design, const Population& population, int respondents,
                                        std::uint64_t seed);

}  // namespace loupe
