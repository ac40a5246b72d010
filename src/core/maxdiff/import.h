// import.h — accounting for every response a PM brings in, and turning the good ones into choices.
//
// The PM drops in response files and pastes text holding response codes (a whole e-mail thread
// will do). Each file, and each code found in a text, becomes one entry of an import report that
// says what happened to it; nothing is silently dropped. Checks, in this order:
//   damaged       cannot be read: cut short, checksum or typo, contents that do not fit the survey
//   other survey  a response to a different survey (the survey id, or a code's survey key, differs)
//   incomplete    the respondent did not finish; left out, so every respondent counted answered
//                 every screen of their version and weighs the same
//   duplicate     a respondent already accepted (same random respondent id) is counted once; the
//                 first copy wins. A quoted reply repeating a code is the usual cause.
//   accepted
// The accepted responses then become ChoiceData for counts, the logit model and hierarchical Bayes.
// Nothing here touches files: callers pass bytes and text, so the web app and the CLI share it.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/maxdiff/choices.h"
#include "core/maxdiff/design.h"
#include "core/maxdiff/survey.h"

namespace loupe {

enum class ImportStatus : std::uint8_t { Accepted, Duplicate, OtherSurvey, Damaged, Incomplete };

const char* import_status_name(ImportStatus status);  // "accepted", "duplicate", "other survey", ...

struct ImportEntry {
    std::string source;  // a file name, or e.g. "thread.txt, code 3 (line 42)"
    ImportStatus status = ImportStatus::Accepted;
    std::string reason;               // a sentence for the user; empty when accepted
    std::uint64_t respondent_id = 0;  // 0 when the input could not be read that far
};

struct ImportReport {
    std::vector<ImportEntry> entries;         // one per file or code, in the order they came in
    std::vector<Response> accepted;           // the accepted responses, in the order they came in
    std::vector<std::size_t> accepted_entry;  // per accepted response: its index in `entries`
    // The first accepted response of each respondent, for the duplicate check: kept up to date by
    // the import functions, which index whatever was added to `accepted` since they last ran.
    std::unordered_map<std::uint64_t, std::size_t> accepted_by_respondent;
    std::size_t indexed = 0;

    int count(ImportStatus status) const;
};

// Adds one response file (the bytes of a FileKind::Response envelope) to the report.
void import_response_file(ImportReport& report, const Survey& survey, std::string source,
                          std::span<const std::uint8_t> bytes);

// Adds every response code found in `text`, each as its own entry named after `source`, its
// number in the text and its line. Returns how many codes were found; 0 adds nothing, so the
// caller can say that the text holds no code at all. `design` must be survey_design(survey).
int import_response_codes(ImportReport& report, const Survey& survey, const Design& design, std::string source,
                          std::string_view text);

// The same a few codes at a time, so a page keeps drawing while it reads 100,000 of them:
//   CodeImport codes("Pasted text", text);      // `text` must outlive it
//   while (!codes.done()) { codes.step(report, survey, design, 64); draw(codes.found(), codes.expected()); }
// Sliced or not, the report ends the same.
class CodeImport {
public:
    CodeImport(std::string source, std::string_view text);

    // Adds the next codes, at most `max_codes` of them, to the report; returns how many.
    int step(ImportReport& report, const Survey& survey, const Design& design, int max_codes);
    bool done() const { return done_; }
    int found() const { return found_; }
    // How many codes the text seems to hold (its "LOUPE-" prefixes), for progress: counted once,
    // at the start. found() ends there unless a code's damaged symbols swallowed another prefix.
    int expected() const { return expected_; }

private:
    std::string source_;
    std::string_view text_;
    std::size_t search_from_ = 0, line_ = 1, lines_counted_to_ = 0;
    int found_ = 0, expected_ = 0;
    bool done_ = false;
};

// Adds the respondents of a choice table (the long CSV of choices.h, e.g. one Loupe exported) as
// responses to `survey`, one entry each, named "<source>, respondent <label>". A table that
// cannot be read, or that names an item the survey does not have, is one entry for the whole
// file. A respondent is kept only when their screens are those of one version of the survey's
// design (their tasks in order, each showing the same items): then the response is exactly
// what that respondent would have sent, just without times, segment answers or open answer.
// Respondent ids: a label of 16 hex digits is the id (Loupe writes ids that way); any other
// label gets a stable id hashed from the label and its answers, so importing the same table
// again finds duplicates rather than new people. `design` must be survey_design(survey).
void import_choice_table(ImportReport& report, const Survey& survey, const Design& design, const std::string& source,
                         std::string_view text);

// One respondent per response, one task per answered screen (best and worst as item indices,
// items in screen order). Responses without any answered screen are skipped. Respondents are
// labelled with their 16-hex-digit ids. Meant for responses the import accepted; anything else
// that does not fit the survey is caught by check_choices, which every estimator runs first.
ChoiceData choices_from_responses(const Survey& survey, std::span<const Response> responses);

}  // namespace loupe
