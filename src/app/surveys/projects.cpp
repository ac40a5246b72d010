// projects.cpp — the author's surveys in browser storage (see projects.h).
#include "app/surveys/projects.h"

#include <algorithm>
#include <ctime>

#include "core/shared/sorting.h"
#include "platform/platform.h"
#include "app/shell.h"

namespace {

std::vector<loupe::Project> all;

// Reads one stored project; a damaged one is reported and left in storage untouched, so a
// backup still carries it and nothing is lost by merely opening the app.
void read_stored(const std::string& name) {
    std::erase_if(all, [&](const loupe::Project& p) { return loupe::project_storage_name(p.local_id) == name; });
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(name, bytes)) return;  // deleted in another tab
    auto project = loupe::read_project_file(bytes);
    if (!project) {
        notify("A stored survey could not be read (" + project.error() + "). It is kept as it is; "
               "a workspace backup still holds it.", true);
        return;
    }
    if (loupe::project_storage_name(project->local_id) != name) return;  // renamed by hand: not ours
    all.push_back(std::move(*project));
}

}  // namespace

std::uint64_t random_id() {
    std::uint64_t id = 0;
    while (id == 0) id = platform::random_u64();
    return id;
}

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

void load_projects() {
    all.clear();
    for (const std::string& name : platform::storage_list())
        if (loupe::is_project_storage_name(name)) read_stored(name);
    sort_projects();
}

void reload_projects(const std::vector<std::string>& changed_names) {
    bool any = false;
    for (const std::string& name : changed_names)
        if (loupe::is_project_storage_name(name)) read_stored(name), any = true;
    if (any) sort_projects();
}

std::vector<loupe::Project>& projects() { return all; }

void sort_projects() {
    loupe::sort_stable(all,
                       [](const loupe::Project& a, const loupe::Project& b) { return a.modified_at > b.modified_at; });
}

loupe::Project* find_project(std::uint64_t local_id) {
    for (loupe::Project& p : all)
        if (p.local_id == local_id) return &p;
    return nullptr;
}

bool save_project(loupe::Project& project) {
    project.modified_at = unix_now();
    if (platform::storage_write(loupe::project_storage_name(project.local_id), loupe::write_project_file(project)))
        return true;
    notify("Could not save \"" + project.survey.title + "\": this browser's storage is full or unavailable. "
           "Back up your workspace from the menu before closing the page.", true);
    return false;
}

loupe::Project& create_project() { return add_project(loupe::new_project(random_id(), unix_now())); }

loupe::Project& add_project(loupe::Project project) {
    project.local_id = random_id();
    project.created_at = unix_now();
    all.insert(all.begin(), std::move(project));
    save_project(all.front());
    return all.front();
}

void delete_project(std::uint64_t local_id) {
    platform::storage_remove(loupe::project_storage_name(local_id));
    std::erase_if(all, [&](const loupe::Project& p) { return p.local_id == local_id; });
}
