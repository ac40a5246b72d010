// survey_fixtures.h — a realistic survey and a finished response, shared by the format tests.
#pragma once
#include <string>

#include "core/maxdiff/design.h"
#include "core/maxdiff/survey.h"

namespace loupe::testing {

// 20 items, 4 per screen, 12 screens, 10 versions, two segment questions, an open question:
// the size the response-code budget is specified for.
inline Survey sample_survey() {
    Survey s;
    s.title = "What matters most in our budgeting app?";
    s.intro = "On each screen, pick the feature that matters most to you and the one that matters least. "
              "It takes about two minutes; nothing identifies you.";
    s.items = {"Automatic bank sync",      "Shared budgets with a partner", "Monthly spending report",
               "Bill reminders",           "Savings goals",                 "Receipt scanning",
               "Dark mode",                "Export to spreadsheet",         "Category rules",
               "Multi-currency accounts",  "Subscription tracker",          "Cash envelope method",
               "Investment overview",      "Debt payoff planner",           "Custom categories",
               "Spending alerts",          "Offline mode",                  "Net worth chart",
               "Split transactions",       "Yearly budget view"};
    s.segments = {{"How long have you used the app?", {"Under a month", "1-12 months", "1-3 years", "Longer"}},
                  {"Which plan are you on?", {"Free", "Plus", "Family", "Business"}}};
    s.open_question = "Anything we should build that is not on the list?";
    s.design = {4, 12, 10, 20240607};
    s.reply_to = "research@example.com";
    return s;
}

// Made once: generating it takes a moment, and every test needs the same one.
inline const Design& sample_design() {
    static const Design design = *survey_design(sample_survey());
    return design;
}

// Every screen answered: best is the first item shown, worst the last, times vary.
inline Response finished_response(const Survey& survey, const Design& design, std::uint64_t respondent_id) {
    Response r = start_response(survey, design, respondent_id, 1717750000);
    for (std::size_t s = 0; s < r.sets.size(); ++s) {
        SetAnswer& a = r.sets[s];
        a.best = std::int16_t(a.shown[s % a.shown.size()]);
        a.worst = std::int16_t(a.shown[(s + 1) % a.shown.size()]);
        a.milliseconds = std::uint32_t(900 + 1700 * s);
    }
    r.segment_answers = {2, -1};
    r.open_answer = "A widget for the home screen, please.";
    r.finished_at = r.started_at + 143;
    r.complete = true;
    return r;
}

}  // namespace loupe::testing
