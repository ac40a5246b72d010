// project.h — a survey as its author keeps it: the survey being edited, the version its link
// carries, and the responses imported for that version.
//
// Editing never touches what was published: the link people already have keeps working and
// imported responses keep matching it until the author publishes again. A project is also the
// file one PM hands another ("survey + responses"), sealed in the envelope as FileKind::Project.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <cereal/cereal.hpp>

#include "core/shared/class_version.h"
#include "core/shared/result.h"
#include "core/maxdiff/survey.h"

namespace loupe {

constexpr std::size_t kMaxProjectBytes = 64u << 20;
constexpr std::size_t kMaxProjectResponses = 200000;

struct Project {
    std::uint64_t local_id = 0;        // random, never 0; stays the same across edits
    Survey survey;                     // as being edited
    bool published = false;
    Survey published_survey;           // what the link carries; meaningful when `published`
    std::vector<Response> responses;   // imported and accepted, all to published_survey
    std::vector<std::uint64_t> excluded_respondents;  // set aside by hand on the results screen
    std::int64_t created_at = 0;       // Unix seconds, UTC
    std::int64_t modified_at = 0;
    bool operator==(const Project&) const = default;

    // True when the survey was edited after it was published: a new link is needed.
    bool edited_since_published() const { return published && !(survey == published_survey); }

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        id_field(ar, "local_id", local_id);
        ar(cereal::make_nvp("survey", survey), cereal::make_nvp("published", published),
           cereal::make_nvp("published_survey", published_survey), cereal::make_nvp("responses", responses),
           cereal::make_nvp("excluded_respondents", excluded_respondents),
           cereal::make_nvp("created_at", created_at), cereal::make_nvp("modified_at", modified_at));
    }
};

// A new, empty project with sensible starting content for the editor.
Project new_project(std::uint64_t local_id, std::int64_t now_unix_seconds);

// The browser storage name of a project: "survey-<16 hex digits>.loupe".
std::string project_storage_name(std::uint64_t local_id);
bool is_project_storage_name(const std::string& name);

// "Cheese preferences.loupe": the title made safe for a file name, or "survey.loupe".
std::string project_file_name(const Project& project);

// Reading checks that every response belongs to the published survey and fits it.
std::vector<std::uint8_t> write_project_file(const Project& project);
Result<Project> read_project_file(std::span<const std::uint8_t> bytes);

}  // namespace loupe

LOUPE_CLASS_VERSION(loupe::Project, 1)
