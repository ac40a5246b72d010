// import.cpp — classifying response files and codes, and converting responses to choices.
#include "core/import.h"

#include <algorithm>
#include <limits>

#include "core/codes.h"
#include "core/container.h"
#include "core/serialize.h"

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
    for (std::size_t a = 0; a < report.accepted.size(); ++a) {
        if (report.accepted[a].respondent_id != response.respondent_id) continue;
        entry.status = ImportStatus::Duplicate;
        entry.reason =
            "Respondent " + survey_id_text(response.respondent_id) + " was already counted from " +
            report.entries[report.accepted_entry[a]].source +
            (same_answers(report.accepted[a], response) ? "; this copy is left out."
                                                        : ", with different answers; only that first copy is used.");
        report.entries.push_back(std::move(entry));
        return;
    }
    report.accepted_entry.push_back(report.entries.size());
    report.accepted.push_back(std::move(response));
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
    const std::vector<FoundCode> codes = find_response_codes(text);
    const auto survey_key = std::uint32_t(survey_id(survey) & 0xFFFFFFFFu);
    std::size_t line = 1, counted_to = 0;
    for (std::size_t c = 0; c < codes.size(); ++c) {
        const FoundCode& found = codes[c];
        line += std::size_t(std::count(text.begin() + counted_to, text.begin() + found.begin, '\n'));
        counted_to = found.begin;
        ImportEntry entry;
        entry.source = source + ", code " + std::to_string(c + 1) + " (line " + std::to_string(line) + ")";
        entry.respondent_id = found.respondent_id;
        if (!found.ok()) {
            entry.status = ImportStatus::Damaged;
            entry.reason = found.problem;
        } else if (found.survey_key != survey_key) {
            entry.status = ImportStatus::OtherSurvey;
            entry.reason = "This response is for a different survey.";
        } else {
            auto response = read_response_code(text.substr(found.begin), survey, design);
            if (response) {
                admit(report, std::move(entry), std::move(*response), survey);
                continue;
            }
            entry.status = ImportStatus::Damaged;
            entry.reason = response.error();
        }
        report.entries.push_back(std::move(entry));
    }
    return int(codes.size());
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
