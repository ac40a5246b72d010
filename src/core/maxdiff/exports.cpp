// exports.cpp — building the CSV rows: cells are text, numbers or nothing.
#include "core/maxdiff/exports.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "core/maxdiff/choices.h"

namespace loupe {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

std::string number(double value) {
    if (!std::isfinite(value)) return {};
    if (std::fabs(value) < 5e-7) value = 0;  // no "-0.000000"
    char text[400];  // %.6f of the largest double is 317 characters
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

// Entry `i` of an estimate that may be missing or shorter than expected.
double entry(const std::vector<double>* values, std::size_t i) {
    return values && i < values->size() ? (*values)[i] : kNone;
}

void add_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) out += (c ? "," : "") + cells[c];
    out += "\r\n";
}

// Item indices, best first by `key`; NaN (nothing to rank by) after everything, even -infinity.
std::vector<std::size_t> ranking(std::size_t n, const std::vector<double>& key) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    auto better = [&](std::size_t a, std::size_t b) {
        if (std::isnan(key[a]) || std::isnan(key[b])) return !std::isnan(key[a]) && std::isnan(key[b]);
        return key[a] > key[b];
    };
    std::stable_sort(order.begin(), order.end(), better);
    return order;
}

}  // namespace

std::string scores_csv(const std::vector<std::string>& items, const std::vector<ItemCounts>& counts,
                       const MnlResult* mnl, const HbResult* hb) {
    const std::vector<double>* utilities = mnl ? &mnl->utilities : nullptr;
    const std::vector<double>* errors = mnl ? &mnl->standard_errors : nullptr;
    const std::vector<double>* scores = hb ? &hb->population_scores : nullptr;
    std::vector<double> key(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double best_minus_worst = i < counts.size() ? counts[i].best_minus_worst : kNone;
        key[i] = hb ? entry(scores, i) : mnl ? entry(utilities, i) : best_minus_worst;
    }

    std::string out;
    add_row(out, {"rank", "item", "shown", "best", "worst", "best_minus_worst", "standardised", "logit_utility",
                  "logit_se", "hb_score", "hb_low", "hb_high"});
    const auto order = ranking(items.size(), key);
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const std::size_t i = order[rank];
        std::vector<std::string> row = {std::to_string(rank + 1), csv_field(items[i])};
        if (i < counts.size()) {
            const ItemCounts& c = counts[i];
            for (int n : {c.shown, c.best, c.worst, c.best_minus_worst}) row.push_back(std::to_string(n));
            row.push_back(number(c.standardised));
        } else {
            row.resize(row.size() + 5);  // no counts for this item: five empty cells
        }
        for (double v : {entry(utilities, i), entry(errors, i), entry(scores, i),
                         entry(hb ? &hb->scores_low : nullptr, i), entry(hb ? &hb->scores_high : nullptr, i)})
            row.push_back(number(v));
        add_row(out, row);
    }
    return out;
}

std::string utilities_csv(const std::vector<std::string>& items, const std::vector<std::string>& respondent_labels,
                          const std::vector<std::string>& segment_labels,
                          const std::vector<std::vector<std::string>>& segment_answers, const HbResult& hb) {
    std::string out;
    std::vector<std::string> header = {"respondent"};
    for (const std::string& label : segment_labels) header.push_back(csv_field(label));
    header.insert(header.end(), {"rlh", "below_random_cutoff"});
    for (const std::string& item : items) header.push_back(csv_field(item));
    for (const std::string& item : items) header.push_back(csv_field("score: " + item));
    add_row(out, header);

    for (std::size_t r = 0; r < hb.utilities.size(); ++r) {
        std::vector<std::string> row = {
            csv_field(r < respondent_labels.size() ? respondent_labels[r] : std::to_string(r + 1))};
        for (std::size_t q = 0; q < segment_labels.size(); ++q)
            row.push_back(r < segment_answers.size() && q < segment_answers[r].size() ? csv_field(segment_answers[r][q])
                                                                                         : std::string());
        const double rlh = entry(&hb.rlh, r);
        row.push_back(number(rlh));
        row.push_back(hb.rlh_cutoff > 0 && !std::isnan(rlh) ? (rlh < hb.rlh_cutoff ? "yes" : "no") : "");
        for (std::size_t i = 0; i < items.size(); ++i) row.push_back(number(entry(&hb.utilities[r], i)));
        for (std::size_t i = 0; i < items.size(); ++i)
            row.push_back(number(entry(r < hb.scores.size() ? &hb.scores[r] : nullptr, i)));
        add_row(out, row);
    }
    return out;
}

}  // namespace loupe
