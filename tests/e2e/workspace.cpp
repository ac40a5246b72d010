// workspace.cpp — makes a workspace backup holding one survey project, for the browser tests.
//
//   loupe_e2e_workspace OUT SURVEY [--draft]
// The project's survey is SURVEY (a survey file), published unless --draft; it has no
// responses. Its local id is printed, so a test can open "#/surveys/<id>/results" after
// restoring the backup through the app's menu, as a user would.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/maxdiff/project.h"
#include "core/shared/workspace.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: loupe_e2e_workspace OUT SURVEY [--draft]\n");
        return 2;
    }
    std::ifstream in(argv[2], std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    auto survey = loupe::read_survey_file(bytes);
    if (!survey) {
        std::fprintf(stderr, "%s: %s\n", argv[2], survey.error().c_str());
        return 1;
    }
    const std::int64_t now = 1717750000;
    loupe::Project project = loupe::new_project(0x0e2e0000c0ffee01ull, now);
    project.survey = *survey;
    project.published = !(argc > 3 && std::strcmp(argv[3], "--draft") == 0);
    if (project.published) project.published_survey = *survey;

    loupe::WorkspaceBackup backup;
    backup.created_unix_seconds = now;
    backup.files.push_back({loupe::project_storage_name(project.local_id), loupe::write_project_file(project)});
    const std::vector<std::uint8_t> out = loupe::encode_backup(backup);
    std::ofstream(argv[1], std::ios::binary).write(reinterpret_cast<const char*>(out.data()), std::streamsize(out.size()));
    std::printf("%s\n", loupe::survey_id_text(project.local_id).c_str());
    return 0;
}
