// importer.cpp — reading an import's inputs in slices, and keeping what was accepted (importer.h).
#include "app/surveys/importer.h"

#include <algorithm>
#include <iterator>

#include "app/form.h"
#include "app/surveys/projects.h"
#include "core/shared/container.h"

namespace {

using loupe::Response;

constexpr std::uint8_t kEnvelopeMagic[8] = {'L', 'O', 'U', 'P', 'E', '\r', '\n', 0x1a};  // container.h

bool is_loupe_file(const std::vector<std::uint8_t>& bytes) {
    return bytes.size() >= 8 && std::equal(kEnvelopeMagic, kEnvelopeMagic + 8, bytes.begin());
}

// A choice table's first line names the columns respondent, task, item and value (choices.h).
bool is_choice_table(std::string_view text) {
    std::string header(text.substr(0, std::min(text.find('\n'), std::size_t(400))));
    for (char& c : header) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const char* column : {"respondent", "task", "item", "value"})
        if (header.find(column) == std::string::npos) return false;
    return true;
}

constexpr int kCodesPerSlice = 32;  // between looks at the clock

}  // namespace

Importer::Importer(const loupe::Project& project, const loupe::Design* design)
    : survey_(project.published_survey), survey_id_(loupe::survey_id(survey_)) {
    if (design) design_ = *design;
    for (const Response& r : project.responses) {
        report_.accepted_entry.push_back(report_.entries.size());
        report_.accepted.push_back(r);
        report_.entries.push_back({"an earlier import", loupe::ImportStatus::Accepted, "", r.respondent_id});
    }
    reported_ = report_.entries.size();
    kept_ = report_.accepted.size();
}

void Importer::add(platform::OpenedFile file) {
    Input& input = inputs_.emplace_back(Input{std::move(file), std::nullopt});
    const std::string_view text = input.text();
    if (input.file.error.empty() && !is_loupe_file(input.file.bytes) && !is_choice_table(text) && design_) {
        input.codes.emplace(input.file.name, text);
        texts_ += 1;
    }
    total_ += input.units();
}

bool Importer::step(double until) {
    do {
        if (next_ == inputs_.size()) return true;
        read_some();
    } while (platform::now_seconds() < until);
    return next_ == inputs_.size();
}

long long Importer::done() const {
    const Input* current = next_ < inputs_.size() ? &inputs_[next_] : nullptr;
    return units_done_ +
           (current && current->codes ? std::min<long long>(current->codes->found(), current->units()) : 0);
}

const char* Importer::noun() const { return texts_ == inputs_.size() ? "codes" : texts_ == 0 ? "files" : "inputs"; }

std::size_t Importer::new_responses() const { return report_.accepted.size() - kept_; }

std::vector<ReportLine> Importer::finish(loupe::Project& project) {
    take_entries();
    const std::size_t added = new_responses();
    if (added == 0) return std::move(lines_);
    if (loupe::survey_id(project.published_survey) != survey_id_)
        return refuse_all(
            "The survey was published again during the import, so these answers were read against "
            "its earlier version and nothing was kept. Import them again.");
    if (project.responses.size() + added > loupe::kMaxProjectResponses)
        return refuse_all("A survey keeps at most " + thousands(loupe::kMaxProjectResponses) +
                          " responses; these would go beyond that.");
    project.responses.insert(project.responses.end(), std::make_move_iterator(report_.accepted.begin() + long(kept_)),
                             std::make_move_iterator(report_.accepted.end()));
    if (!save_project(project)) {
        project.responses.resize(project.responses.size() - added);
        return refuse_all("This browser's storage is full or unavailable, so nothing was kept.");
    }
    return std::move(lines_);
}

std::string_view Importer::Input::text() const {
    return {reinterpret_cast<const char*>(file.bytes.data()), file.bytes.size()};
}

long long Importer::Input::units() const { return codes ? std::max(1, codes->expected()) : 1; }

void Importer::read_some() {
    Input& input = inputs_[next_];
    if (input.codes) {
        read_codes(input);
        if (!input.codes->done()) return;
    } else {
        read_whole(input);
    }
    units_done_ += input.units();
    input.codes.reset();
    input.file.bytes = {};  // read: no need to hold it any longer
    ++next_;
}

void Importer::read_codes(Input& input) {
    input.codes->step(report_, survey_, *design_, kCodesPerSlice);
    if (input.codes->done() && input.codes->found() == 0)
        return line(input.file.name, "not imported",
                    "This holds no response code (codes start with LOUPE-) and is not a choice table (a CSV with "
                    "the columns respondent, task, item and value).");
    take_entries();
}

void Importer::read_whole(const Input& input) {
    const platform::OpenedFile& f = input.file;
    if (!f.error.empty()) return line(f.name, "not imported", "This file could not be opened: " + f.error);
    if (is_loupe_file(f.bytes)) return loupe_file(f);
    if (!design_)
        return line(f.name, "not imported",
                    "The survey's screens could not be made again, so codes cannot be read. Publish the survey again.");
    loupe::import_choice_table(report_, survey_, *design_, f.name, input.text());
    take_entries();
}

void Importer::loupe_file(const platform::OpenedFile& f) {
    const auto kind = f.bytes.size() > 8 ? loupe::FileKind(f.bytes[8]) : loupe::FileKind::Response;
    switch (kind) {
        case loupe::FileKind::Project:
            return line(f.name, "not imported",
                        "This is a project file (a survey with its responses). Project files open from the "
                        "survey list: go back to Surveys and open it there.");
        case loupe::FileKind::Survey:
            return line(f.name, "not imported",
                        "This is a survey file, not answers to one. Import response files, codes or a choice "
                        "table here.");
        case loupe::FileKind::WorkspaceBackup:
            return line(f.name, "not imported",
                        "This is a workspace backup. Restore it from the menu (•••) at the top right.");
        case loupe::FileKind::TasteSession:
        case loupe::FileKind::TasteTeam:
        case loupe::FileKind::TasteContribution:
        case loupe::FileKind::TasteMyNotes:
        case loupe::FileKind::Settings:
        case loupe::FileKind::Answering:
            return line(f.name, "not imported",
                        std::string("This is a Loupe ") + loupe::file_kind_name(kind) + ", not a response.");
        case loupe::FileKind::Response: break;
    }
    loupe::import_response_file(report_, survey_, f.name, f.bytes);
    take_entries();
}

void Importer::take_entries() {
    for (; reported_ < report_.entries.size(); ++reported_) {
        const loupe::ImportEntry& e = report_.entries[reported_];
        const bool accepted = e.status == loupe::ImportStatus::Accepted;
        lines_.push_back({e.source, loupe::import_status_name(e.status),
                          accepted ? "Respondent " + loupe::survey_id_text(e.respondent_id) : e.reason, accepted});
    }
}

void Importer::line(const std::string& source, const char* status, std::string detail) {
    take_entries();
    lines_.push_back({source, status, std::move(detail), false});
}

std::vector<ReportLine> Importer::refuse_all(const std::string& why) {
    for (ReportLine& l : lines_)
        if (l.accepted) l.status = "not imported", l.detail = why, l.accepted = false;
    return std::move(lines_);
}
