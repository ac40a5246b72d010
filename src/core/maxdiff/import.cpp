// import.cpp — classifying response files and codes, and converting responses to choices.
#include "core/maxdiff/import.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "core/maxdiff/codes.h"
#include "core/shared/container.h"
#include "core/shared/serialize.h"
#include "core/shared/text.h"

namespace loupe {
namespace {

bool same_answers(const Response& a, const Response& b) {
    if (a.sets.size() != b.sets.size()) return false;
    for (std::size_t s = 0; s < a.sets.size(); ++s)
        if (a.sets[s].shown != b.sets[s].shown || a.sets[s].best != b.sets[s].best ||
            a.sets[s].worst != b.sets[s].worst)
            return false;
    return true;
}

int answered_screens(const Response& r) {
    return int(std::count_if(r.sets.begin(), r.sets.end(), [](const SetAnswer& a) { return a.best != -1; }));
}

// The last two checks, shared by files and codes: completeness, then duplicates.
void admit(ImportReport& report, ImportEntry entry, Response response, const Survey& survey) {
    entry.respondent_id = response.respondent_id;
    if (!response.complete) {
        entry.status = ImportStatus::Incomplete;
        entry.reason = "This response is not finished (" + std::to_string(answered_screens(response)) + " of " +
                       std::to_string(survey.design.sets_per_version) + " screens answered), so it is left out.";
        report.entries.push_back(std::move(entry));
        return;
    }
    for (; report.indexed < report.accepted.size(); ++report.indexed)
        report.accepted_by_respondent.emplace(report.accepted[report.indexed].respondent_id, report.indexed);
    if (const auto found = report.accepted_by_respondent.find(response.respondent_id);
        found != report.accepted_by_respondent.end()) {
        const std::size_t a = found->second;
        entry.status = ImportStatus::Duplicate;
        entry.reason =
            "Respondent " + survey_id_text(response.respondent_id) + " was already counted from " +
            report.entries[report.accepted_entry[a]].source +
            (same_answers(report.accepted[a], response) ? "; this copy is left out."
                                                        : ", with different answers; only that first copy is used.");
        report.entries.push_back(std::move(entry));
        return;
    }
    report.accepted_by_respondent.emplace(response.respondent_id, report.accepted.size());
    report.accepted_entry.push_back(report.entries.size());
    report.accepted.push_back(std::move(response));
    report.indexed = report.accepted.size();
    report.entries.push_back(std::move(entry));
}

// A response file that failed to read: is it a sound response to some other survey? Opened
// with no limits beyond the input's own size, only to tell the user which problem they have.
bool is_for_other_survey(std::span<const std::uint8_t> bytes, std::uint64_t our_survey) {
    auto envelope = open_envelope(bytes, FileKind::Response, std::numeric_limits<std::uint16_t>::max(), bytes.size());
    if (!envelope) return false;
    auto response = from_bytes<Response>(envelope->payload);
    return response && response->survey_id != our_survey;
}

// ---- choice tables ---------------------------------------------------------------------------------

// The first version of the design whose first screens show the items these answers show, or -1.
int matching_version(const Design& design, const std::vector<SetAnswer>& sets) {
    for (std::size_t v = 0; v < design.versions.size(); ++v) {
        const auto& screens = design.versions[v];
        bool all = sets.size() <= screens.size();
        for (std::size_t s = 0; s < sets.size() && all; ++s)
            all = sets[s].shown.size() == screens[s].size() &&
                  std::is_permutation(sets[s].shown.begin(), sets[s].shown.end(), screens[s].begin());
        if (all) return int(v);
    }
    return -1;
}

bool is_hex_id(const std::string& label) {
    return label.size() == 16 && label.find_first_not_of("0123456789abcdef") == std::string::npos &&
           label != "0000000000000000";
}

// FNV-1a 64 over the label and the answers (survey item indices), then MurmurHash3's fmix64.
std::uint64_t hashed_id(const std::string& label, const std::vector<SetAnswer>& sets) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto add = [&](std::uint64_t byte) { h = (h ^ (byte & 0xFF)) * 0x100000001b3ull; };
    for (char c : label) add(std::uint8_t(c));
    add(0);
    for (const SetAnswer& a : sets) {
        for (std::uint16_t item : a.shown) add(item), add(item >> 8);
        add(std::uint16_t(a.best)), add(std::uint16_t(a.best) >> 8), add(std::uint16_t(a.worst)),
            add(std::uint16_t(a.worst) >> 8);
    }
    h ^= h >> 33, h *= 0xff51afd7ed558ccdull, h ^= h >> 33, h *= 0xc4ceb9fe1a85ec53ull, h ^= h >> 33;
    return h == 0 ? 1 : h;
}

// One respondent of a table as a response, or why it cannot be one (status and reason in `entry`).
std::optional<Response> table_response(const Survey& survey, const Design& design, const ChoiceData& table,
                                       const std::vector<int>& item_at, int respondent,
                                       const std::vector<const Task*>& tasks, ImportEntry& entry) {
    const int screens = survey.design.sets_per_version;
    auto refuse = [&](ImportStatus status, std::string reason) {
        entry.status = status;
        entry.reason = std::move(reason);
        return std::nullopt;
    };
    if (int(tasks.size()) > screens)
        return refuse(ImportStatus::Damaged, "This respondent has " + std::to_string(tasks.size()) +
                                                 " screens; the survey has " + std::to_string(screens) + ".");
    Response r;
    for (const Task* t : tasks) {
        SetAnswer a;
        for (int item : t->shown) a.shown.push_back(std::uint16_t(item_at[item]));
        a.best = std::int16_t(item_at[t->best]);
        a.worst = std::int16_t(t->worst == -1 ? -1 : item_at[t->worst]);
        r.sets.push_back(std::move(a));
        if (t->worst == -1)
            return refuse(ImportStatus::OtherSurvey,
                          "Screen " + std::to_string(r.sets.size()) +
                              " of this respondent has no least important answer; this survey always asks for one.");
    }
    const int version = matching_version(design, r.sets);
    if (version < 0)
        return refuse(ImportStatus::OtherSurvey,
                      "This respondent's screens are not those of any version of this survey, so their answers "
                      "belong to another survey or another design.");
    const std::string& label = table.respondent_ids[respondent];
    r.respondent_id = is_hex_id(label) ? std::stoull(label, nullptr, 16) : hashed_id(label, r.sets);
    r.survey_id = survey_id(survey);
    r.version = std::uint16_t(version);
    r.segment_answers.assign(survey.segments.size(), -1);
    r.complete = int(r.sets.size()) == screens;
    if (std::string problem = response_problem(r, survey); !problem.empty())
        return refuse(ImportStatus::Damaged, problem);
    return r;
}

}  // namespace

const char* import_status_name(ImportStatus status) {
    switch (status) {
        case ImportStatus::Accepted: return "accepted";
        case ImportStatus::Duplicate: return "duplicate";
        case ImportStatus::OtherSurvey: return "other survey";
        case ImportStatus::Damaged: return "damaged";
        case ImportStatus::Incomplete: return "incomplete";
    }
    return "unknown";
}

int ImportReport::count(ImportStatus status) const {
    return int(std::count_if(entries.begin(), entries.end(), [&](const ImportEntry& e) { return e.status == status; }));
}

void import_response_file(ImportReport& report, const Survey& survey, std::string source,
                          std::span<const std::uint8_t> bytes) {
    ImportEntry entry;
    entry.source = std::move(source);
    auto response = read_response_file(bytes, survey);
    if (!response) {
        entry.status =
            is_for_other_survey(bytes, survey_id(survey)) ? ImportStatus::OtherSurvey : ImportStatus::Damaged;
        entry.reason = response.error();
        report.entries.push_back(std::move(entry));
        return;
    }
    admit(report, std::move(entry), std::move(*response), survey);
}

int import_response_codes(ImportReport& report, const Survey& survey, const Design& design, std::string source,
                          std::string_view text) {
    CodeImport codes(std::move(source), text);
    while (!codes.done()) codes.step(report, survey, design, std::numeric_limits<int>::max());
    return codes.found();
}

CodeImport::CodeImport(std::string source, std::string_view text) : source_(std::move(source)), text_(text) {
    for (std::size_t at = text.find(kCodePrefix); at != std::string_view::npos;
         at = text.find(kCodePrefix, at + kCodePrefix.size()))
        ++expected_;
}

int CodeImport::step(ImportReport& report, const Survey& survey, const Design& design, int max_codes) {
    const std::uint64_t id = survey_id(survey);
    const auto survey_key = std::uint32_t(id & 0xFFFFFFFFu);
    int added = 0;
    for (; added < max_codes; ++added) {
        std::optional<FoundCode> found = find_response_code(text_, search_from_);
        if (!found) {
            done_ = true;
            break;
        }
        search_from_ = next_code_search(*found);
        line_ += std::size_t(std::count(text_.begin() + lines_counted_to_, text_.begin() + found->begin, '\n'));
        lines_counted_to_ = found->begin;
        ++found_;
        ImportEntry entry;
        entry.source = source_ + ", code " + std::to_string(found_) + " (line " + std::to_string(line_) + ")";
        entry.respondent_id = found->respondent_id;
        if (!found->ok()) {
            entry.status = ImportStatus::Damaged;
            entry.reason = found->problem;
        } else if (found->survey_key != survey_key) {
            entry.status = ImportStatus::OtherSurvey;
            entry.reason = "This response is for a different survey.";
        } else {
            auto response = read_response_code(text_.substr(found->begin), survey, design, id);
            if (response) {
                admit(report, std::move(entry), std::move(*response), survey);
                continue;
            }
            entry.status = ImportStatus::Damaged;
            entry.reason = response.error();
        }
        report.entries.push_back(std::move(entry));
    }
    return added;
}

void import_choice_table(ImportReport& report, const Survey& survey, const Design& design, const std::string& source,
                         std::string_view text) {
    ImportEntry whole;
    whole.source = source;
    auto table = read_long_csv(text);
    if (!table) {
        whole.status = ImportStatus::Damaged;
        std::string why = table.error();
        if (!why.empty() && why.back() == '.') why.pop_back();
        whole.reason = "This choice table cannot be read (" + why + ").";
        report.entries.push_back(std::move(whole));
        return;
    }
    std::vector<int> item_at;  // table item -> survey item
    for (const std::string& item : table->items) {
        const auto at = std::find(survey.items.begin(), survey.items.end(), item);
        if (at == survey.items.end()) {
            whole.status = ImportStatus::OtherSurvey;
            whole.reason = "This choice table is about other items than this survey: \"" + std::string(utf8_prefix(item, 80)) +
                           "\" is not one of its items.";
            report.entries.push_back(std::move(whole));
            return;
        }
        item_at.push_back(int(at - survey.items.begin()));
    }
    std::vector<std::vector<const Task*>> tasks_of(std::size_t(table->respondents));  // in the table's order
    for (const Task& t : table->tasks)
        if (t.respondent >= 0 && t.respondent < table->respondents) tasks_of[std::size_t(t.respondent)].push_back(&t);
    for (int respondent = 0; respondent < table->respondents; ++respondent) {
        ImportEntry entry;
        entry.source = source + ", respondent " + std::string(utf8_prefix(table->respondent_ids[respondent], 40));
        auto response = table_response(survey, design, *table, item_at, respondent, tasks_of[std::size_t(respondent)], entry);
        if (response)
            admit(report, std::move(entry), std::move(*response), survey);
        else
            report.entries.push_back(std::move(entry));
    }
}

ChoiceData choices_from_responses(const Survey& survey, std::span<const Response> responses) {
    ChoiceData data;
    data.items = survey.items;
    for (const Response& r : responses) {
        const std::size_t first_task = data.tasks.size();
        for (const SetAnswer& a : r.sets) {
            if (a.best == -1) continue;
            Task task;
            task.respondent = data.respondents;
            task.shown.assign(a.shown.begin(), a.shown.end());
            task.best = a.best;
            task.worst = a.worst;
            data.tasks.push_back(std::move(task));
        }
        if (data.tasks.size() == first_task) continue;
        data.respondent_ids.push_back(survey_id_text(r.respondent_id));
        ++data.respondents;
    }
    return data;
}

}  // namespace loupe
