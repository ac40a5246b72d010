// analysis.h — what a survey's results are, decided once for the app and for `loupe analyze`.
//
// Estimates: from the answers that count (ChoiceData), the counts, the sequential best-worst
// logit and, when asked, hierarchical Bayes. HB's length is planned from one number of
// iterations (plan_hb) and its numbers depend only on the answers and the seed, so the results
// screen shows what `loupe analyze --hb` prints for the same responses.
//
// Which responses count is the results screen's selection: an optional segment (one option of
// one segment question), and exclusions:
//   speeder    a timed respondent whose total time on the choice screens is under 40% of the
//              median over all the survey's timed respondents. Responses without times (from a
//              choice table) are never speeders and do not move the median.
//   poor fit   a respondent whose RLH in an HB estimate is below that estimate's cut-off for
//              random answering (the fit of 19 in 20 simulated random answerers).
//   by hand    respondents the author set aside (Project::excluded_respondents).
//
// Segment comparison: counts and logit are simply re-estimated on each segment's answers. HB is
// estimated once for everyone; a segment's HB score of an item is the mean of its respondents'
// individual scores, with a 95% interval for that mean from their spread (mean ± 1.96·sd/√n).
// This differs from the whole survey's HB interval (the spread over draws of the population
// score), because the sampler keeps per-draw scores only for everyone together.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/maxdiff/choices.h"
#include "core/maxdiff/counts.h"
#include "core/maxdiff/hb.h"
#include "core/maxdiff/mnl.h"
#include "core/shared/result.h"
#include "core/maxdiff/survey.h"

namespace loupe {

// ---- estimates ----------------------------------------------------------------------------------

// `loupe analyze --hb` and the results screen both run this many iterations with this seed.
constexpr int kDefaultHbIterations = 20000;
constexpr std::uint64_t kDefaultHbSeed = 1;

// Half burn-in, half kept; keep every 10th iteration, or more often to keep at least 100 draws.
// burn_in + draws * thin may fall a few iterations short of `iterations`.
HbOptions plan_hb(int iterations, std::uint64_t seed);

struct Estimates {
    std::vector<ItemCounts> counts;  // one per item
    Result<MnlResult> mnl = failure<MnlResult>("");
    Result<HbResult> hb = failure<HbResult>("");
    bool hb_asked = false;
    HbOptions hb_options;
};

// Counts and the logit model (whose failure, in words, is kept in `mnl`); a failure only when
// the answers cannot even be counted. HB is left to the caller, which runs it in slices.
Result<Estimates> estimate(const ChoiceData& data);

// Item indices, best first: by HB score when there is one, else by logit utility, else by best
// minus worst. Ties keep the items' order.
std::vector<int> ranking(const Estimates& estimates);

double mean_rlh(const HbResult& hb);
int below_cutoff(const HbResult& hb);  // respondents whose RLH is below the random-answering cut-off

// An HB result and whom its rows are: the respondent id of each row.
struct HbEstimate {
    HbResult hb;
    std::vector<std::uint64_t> respondent_ids;

    int row_of(std::uint64_t respondent_id) const;  // -1 when this respondent was not estimated
    bool poor_fit(std::uint64_t respondent_id) const;

private:
    // Rows by respondent id, built at the first look-up after respondent_ids grew: the results
    // screen looks up each of 20,000 respondents every frame, a search each would be quadratic.
    mutable std::unordered_map<std::uint64_t, int> rows_;
    mutable std::size_t indexed_ = 0;
};

// Pairs an HB result with the respondents of the data it was estimated from, whose labels are
// their ids in 16 hex digits (as choices_from_responses writes them).
HbEstimate hb_estimate(HbResult hb, const ChoiceData& data);

// ---- which responses count ----------------------------------------------------------------------

struct Selection {
    int segment_question = -1;  // -1: everyone, whatever they answered
    int segment_option = 0;
    bool exclude_speeders = false;
    bool exclude_poor_fits = false;  // judged by the HB estimate given to standing()
    std::vector<std::uint64_t> excluded;  // respondent ids set aside by hand
};

// Why a response does or does not count, the first reason that applies in this order.
enum class Standing : std::uint8_t { Counted, ExcludedByHand, Speeder, PoorFit, OutsideSegment };

constexpr double kSpeederShare = 0.4;

std::uint64_t total_milliseconds(const Response& response);  // on the choice screens
// The speeder limit for these responses: 40% of the median total time of the timed ones, or 0
// when none is timed. A response is a speeder when it is timed and under the limit.
double speeder_limit_ms(std::span<const Response> responses);
bool is_speeder(const Response& response, double limit_ms);

// One standing per response. `fit` may be null (no HB estimate yet: nobody is a poor fit).
std::vector<Standing> standing(std::span<const Response> responses, const Selection& selection,
                               const HbEstimate* fit);
// The responses that count under `selection`, in their order.
std::vector<Response> counted_responses(std::span<const Response> responses, const Selection& selection,
                                        const HbEstimate* fit);

// ---- segments ------------------------------------------------------------------------------------

// HB scores of a group of respondents: per item, the mean of their individual scores and a 95%
// interval for that mean (NaN bounds for a single respondent).
struct GroupScores {
    std::vector<double> mean, low, high;
};

// Empty when some respondent of the group has no row in `hb`.
GroupScores group_scores(const HbEstimate& hb, std::span<const std::uint64_t> respondent_ids);

struct SegmentResults {
    int question = 0, option = 0;
    int respondents = 0;
    Result<Estimates> estimates = failure<Estimates>("");  // counts and logit of this segment alone
    GroupScores hb;                                       // empty when HB has not covered them all
};

// The results of the respondents among `counted` who picked `option` of segment `question`.
SegmentResults segment_results(const Survey& survey, std::span<const Response> counted, int question, int option,
                               const HbEstimate* hb);

}  // namespace loupe
