// exports.h — the CSV files a survey's author downloads from the results: item scores, and each
// respondent's utilities. (The answers themselves are choices.h's long CSV: write_long_csv.)
//
// Both are plain data in, text out, so the app and the command-line tool write the same files.
// Format: RFC 4180 (fields quoted when needed, quotes doubled), UTF-8, "\r\n" after every row,
// a header row. Numbers have 6 decimals (counts are whole numbers); a missing or undefined
// value (NaN, infinity, an estimate that was not made) is an empty cell.
#pragma once
#include <string>
#include <vector>

#include "core/maxdiff/counts.h"
#include "core/maxdiff/hb.h"
#include "core/maxdiff/mnl.h"

namespace loupe {

// One row per item, best first: by HB population score when `hb` is given, else by logit
// utility when `mnl` is, else by best minus worst; ties keep the items' order. Columns:
// rank, item, shown, best, worst, best_minus_worst, standardised, logit_utility, logit_se,
// hb_score, hb_low, hb_high. `counts`, and the estimates given, have one entry per item.
std::string scores_csv(const std::vector<std::string>& items, const std::vector<ItemCounts>& counts,
                       const MnlResult* mnl, const HbResult* hb);

// One row per respondent of `hb`: respondent (its label, or its number from 1 when there is no
// label), the answer to each segment question (segment_answers[respondent][question], the
// option's text, empty when skipped), rlh, below_random_cutoff (yes or no; empty when no
// cut-off was estimated), then each item's zero-centred utility (the column is the item's text)
// and each item's probability score ("score: <item>").
std::string utilities_csv(const std::vector<std::string>& items, const std::vector<std::string>& respondent_labels,
                          const std::vector<std::string>& segment_labels,
                          const std::vector<std::vector<std::string>>& segment_answers, const HbResult& hb);

}  // namespace loupe
