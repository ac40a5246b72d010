// projects.h — the author's surveys as kept in browser storage, one file per survey.
//
// Loaded once at start; every change is written at once (storage_write is atomic per file),
// so a reload or a crash loses nothing. Another tab's changes arrive through the platform's
// storage notices and are read again here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/maxdiff/project.h"

void load_projects();
// Reads again the named stored files another tab changed (ignores names that are not projects).
void reload_projects(const std::vector<std::string>& changed_names);

std::vector<loupe::Project>& projects();  // newest change first after sort_projects()
void sort_projects();
loupe::Project* find_project(std::uint64_t local_id);

// Stamps modified_at and writes it; says so in a message when storage fails.
bool save_project(loupe::Project& project);
loupe::Project& create_project();
// Adds a copy under a new id (a duplicate, or a project file another PM sent).
loupe::Project& add_project(loupe::Project project);
void delete_project(std::uint64_t local_id);

std::uint64_t random_id();  // never 0
std::int64_t unix_now();
