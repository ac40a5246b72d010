// project.cpp — the author's copy of a survey, in browser storage and as a file to pass on.
#include "core/maxdiff/project.h"

#include <cstdio>

#include "core/shared/container.h"
#include "core/shared/serialize.h"
#include "core/shared/text.h"

namespace loupe {
namespace {
constexpr std::uint16_t kProjectFormat = 1;
}  // namespace

Project new_project(std::uint64_t local_id, std::int64_t now_unix_seconds) {
    Project p;
    p.local_id = local_id;
    p.created_at = p.modified_at = now_unix_seconds;
    p.survey.title = "Untitled survey";
    p.survey.intro = "On each screen, pick the item that matters most to you and the one that matters least.";
    return p;
}

std::string project_storage_name(std::uint64_t local_id) { return "survey-" + survey_id_text(local_id) + ".loupe"; }

bool is_project_storage_name(const std::string& name) {
    return name.size() == 7 + 16 + 6 && name.starts_with("survey-") && name.ends_with(".loupe") &&
           name.find_first_not_of("0123456789abcdef", 7) == 7 + 16;
}

std::string project_file_name(const Project& project) {
    std::string name;
    for (char c : project.survey.title) {
        const bool unsafe = static_cast<unsigned char>(c) < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        if (!unsafe) name += c;
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '.')) name.erase(name.begin());
    name = std::string(utf8_prefix(name, 80));
    return (name.empty() ? std::string("survey") : name) + ".loupe";
}

std::vector<std::uint8_t> write_project_file(const Project& project) {
    return seal(FileKind::Project, kProjectFormat, to_bytes(project));
}

Result<Project> read_project_file(std::span<const std::uint8_t> bytes) {
    auto envelope = open_envelope(bytes, FileKind::Project, kProjectFormat, kMaxProjectBytes);
    if (!envelope) return failure<Project>(envelope.error());
    auto project = from_bytes<Project>(envelope->payload);
    if (!project) return failure<Project>("This survey project is damaged (" + project.error() + ").");
    if (project->local_id == 0) return failure<Project>("This survey project is damaged: it has no id.");
    if (project->responses.size() > kMaxProjectResponses)
        return failure<Project>("This survey project holds more responses than Loupe can open.");
    if (project->published) {
        if (auto problem = survey_problem(project->published_survey); !problem.empty())
            return failure<Project>("This survey project is damaged: " + problem);
        const std::uint64_t id = survey_id(project->published_survey);
        for (std::size_t i = 0; i < project->responses.size(); ++i)
            if (auto problem = response_problem(project->responses[i], project->published_survey, id); !problem.empty())
                return failure<Project>("Response " + std::to_string(i + 1) + " in this survey project is damaged: " +
                                        problem);
    } else if (!project->responses.empty()) {
        return failure<Project>("This survey project is damaged: it holds responses but was never published.");
    }
    return project;
}

}  // namespace loupe
