// choices.h — MaxDiff answers as the estimators see them, and the long CSV format.
//
// ChoiceData is deliberately plain: whoever collects answers (response files, codes, a CSV from
// R or Python) fills it, and counts, the logit model and hierarchical Bayes all read it.
//
// Long CSV: a header row naming the columns respondent, task, item and value (any order, any
// letter case, extra columns ignored; separated by commas, or semicolons or tabs if the header
// uses those), then one row per item shown: value 1 = chosen best, -1 = chosen worst, 0 = shown.
// Respondents and items are arbitrary labels, numbered in order of first appearance.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/shared/result.h"

namespace loupe {

struct Task {
    int respondent = 0;      // 0 .. respondents-1
    std::vector<int> shown;  // item indices, in the order shown
    int best = -1;           // item index
    int worst = -1;          // item index, or -1 when the respondent gave no "least" answer
};

struct ChoiceData {
    std::vector<std::string> items;
    std::vector<Task> tasks;
    int respondents = 0;
    std::vector<std::string> respondent_ids;  // labels, one per respondent, or empty if none
};

// Far beyond any real survey (the product allows 200 items); keeps the estimators' matrices small.
constexpr int kMaxChoiceItems = 500;
constexpr std::size_t kMaxCsvBytes = 64u << 20;

// Empty when the data is usable by the estimators, else what is wrong (first problem only):
// indices in range, at least two distinct items per task, best shown, worst shown and not best.
std::string check_choices(const ChoiceData& data);

Result<ChoiceData> read_long_csv(std::string_view text);
std::string write_long_csv(const ChoiceData& data);  // tasks numbered 1.. within each respondent

// One CSV field as written: quoted (RFC 4180, quotes doubled) when it holds a separator this
// reader accepts (comma, semicolon, tab), a quote or a line break, or starts or ends with a
// space, which the reader would otherwise trim. An empty field stays empty.
std::string csv_field(const std::string& text);

}  // namespace loupe
