// analysis.cpp — estimates, the selection of responses that count, and segment results.
#include "core/maxdiff/analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/maxdiff/import.h"

namespace loupe {

// ---- estimates ----------------------------------------------------------------------------------

HbOptions plan_hb(int iterations, std::uint64_t seed) {
    HbOptions options;
    options.burn_in = iterations / 2;
    const int kept = iterations - options.burn_in;
    options.thin = std::clamp(kept / 100, 1, 10);
    options.draws = kept / options.thin;
    options.seed = seed;
    return options;
}

Result<Estimates> estimate(const ChoiceData& data) {
    auto counts = count_choices(data);
    if (!counts) return failure<Estimates>(counts.error());
    Estimates e;
    e.counts = std::move(*counts);
    e.mnl = fit_mnl(data);
    return e;
}

std::vector<int> ranking(const Estimates& e) {
    std::vector<int> order(e.counts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    auto key = [&](int i) {
        if (e.hb) return e.hb->population_scores[i];
        if (e.mnl) return e.mnl->utilities[i];
        return double(e.counts[i].best_minus_worst);
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) > key(b); });
    return order;
}

double mean_rlh(const HbResult& hb) {
    double sum = 0;
    for (double r : hb.rlh) sum += r;
    return hb.rlh.empty() ? 0 : sum / double(hb.rlh.size());
}

int below_cutoff(const HbResult& hb) {
    return int(std::count_if(hb.rlh.begin(), hb.rlh.end(), [&](double r) { return r < hb.rlh_cutoff; }));
}

int HbEstimate::row_of(std::uint64_t respondent_id) const {
    if (indexed_ != respondent_ids.size()) {
        rows_.clear();
        for (std::size_t row = 0; row < respondent_ids.size(); ++row) rows_.try_emplace(respondent_ids[row], int(row));
        indexed_ = respondent_ids.size();
    }
    const auto at = rows_.find(respondent_id);
    return at == rows_.end() ? -1 : at->second;
}

bool HbEstimate::poor_fit(std::uint64_t respondent_id) const {
    const int row = row_of(respondent_id);
    return row >= 0 && row < int(hb.rlh.size()) && hb.rlh[row] < hb.rlh_cutoff;
}

HbEstimate hb_estimate(HbResult hb, const ChoiceData& data) {
    HbEstimate estimate;
    estimate.hb = std::move(hb);
    for (const std::string& label : data.respondent_ids) {
        const bool hex = label.size() == 16 && label.find_first_not_of("0123456789abcdef") == std::string::npos;
        estimate.respondent_ids.push_back(hex ? std::stoull(label, nullptr, 16) : 0);
    }
    return estimate;
}

// ---- which responses count ----------------------------------------------------------------------

std::uint64_t total_milliseconds(const Response& response) {
    std::uint64_t total = 0;
    for (const SetAnswer& a : response.sets) total += a.milliseconds;
    return total;
}

double speeder_limit_ms(std::span<const Response> responses) {
    std::vector<double> totals;
    for (const Response& r : responses)
        if (const std::uint64_t total = total_milliseconds(r); total > 0) totals.push_back(double(total));
    if (totals.empty()) return 0;
    const std::size_t half = totals.size() / 2;
    std::nth_element(totals.begin(), totals.begin() + half, totals.end());
    double median = totals[half];
    if (totals.size() % 2 == 0) median = (median + *std::max_element(totals.begin(), totals.begin() + half)) / 2;
    return kSpeederShare * median;
}

bool is_speeder(const Response& response, double limit_ms) {
    const std::uint64_t total = total_milliseconds(response);
    return total > 0 && double(total) < limit_ms;
}

std::vector<Standing> standing(std::span<const Response> responses, const Selection& selection,
                               const HbEstimate* fit) {
    const double limit = speeder_limit_ms(responses);
    std::vector<Standing> result;
    result.reserve(responses.size());
    for (const Response& r : responses) {
        const auto& by_hand = selection.excluded;
        const int q = selection.segment_question;
        Standing s = Standing::Counted;
        if (std::find(by_hand.begin(), by_hand.end(), r.respondent_id) != by_hand.end())
            s = Standing::ExcludedByHand;
        else if (selection.exclude_speeders && is_speeder(r, limit))
            s = Standing::Speeder;
        else if (selection.exclude_poor_fits && fit && fit->poor_fit(r.respondent_id))
            s = Standing::PoorFit;
        else if (q >= 0 && (q >= int(r.segment_answers.size()) || r.segment_answers[q] != selection.segment_option))
            s = Standing::OutsideSegment;
        result.push_back(s);
    }
    return result;
}

std::vector<Response> counted_responses(std::span<const Response> responses, const Selection& selection,
                                        const HbEstimate* fit) {
    const std::vector<Standing> standings = standing(responses, selection, fit);
    std::vector<Response> counted;
    for (std::size_t i = 0; i < responses.size(); ++i)
        if (standings[i] == Standing::Counted) counted.push_back(responses[i]);
    return counted;
}

// ---- segments ------------------------------------------------------------------------------------

GroupScores group_scores(const HbEstimate& hb, std::span<const std::uint64_t> respondent_ids) {
    std::vector<int> rows;
    for (std::uint64_t id : respondent_ids) {
        const int row = hb.row_of(id);
        if (row < 0 || row >= int(hb.hb.scores.size())) return {};
        rows.push_back(row);
    }
    if (rows.empty() || hb.hb.scores.empty()) return {};
    const std::size_t items = hb.hb.scores[0].size();
    const double n = double(rows.size());
    GroupScores g;
    for (std::size_t i = 0; i < items; ++i) {
        double sum = 0, squares = 0;
        for (int row : rows) sum += hb.hb.scores[row][i];
        const double mean = sum / n;
        for (int row : rows) squares += (hb.hb.scores[row][i] - mean) * (hb.hb.scores[row][i] - mean);
        const double half_width =
            rows.size() > 1 ? 1.96 * std::sqrt(squares / (n - 1)) / std::sqrt(n) : std::numeric_limits<double>::quiet_NaN();
        g.mean.push_back(mean);
        g.low.push_back(mean - half_width);
        g.high.push_back(mean + half_width);
    }
    return g;
}

SegmentResults segment_results(const Survey& survey, std::span<const Response> counted, int question, int option,
                               const HbEstimate* hb) {
    SegmentResults s;
    s.question = question;
    s.option = option;
    std::vector<Response> members;
    std::vector<std::uint64_t> ids;
    for (const Response& r : counted)
        if (question >= 0 && question < int(r.segment_answers.size()) && r.segment_answers[question] == option) {
            members.push_back(r);
            ids.push_back(r.respondent_id);
        }
    s.respondents = int(members.size());
    if (members.empty()) {
        s.estimates = failure<Estimates>("No respondent in this segment counts.");
        return s;
    }
    s.estimates = estimate(choices_from_responses(survey, members));
    if (hb) s.hb = group_scores(*hb, ids);
    return s;
}

}  // namespace loupe
