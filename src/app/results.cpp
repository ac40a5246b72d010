// results.cpp — importing answers and the results of a survey.
#include "core/project.h"
#include "imgui.h"
#include "platform/platform.h"
#include "projects.h"
#include "shell.h"
#include "widgets.h"

void results_screen(loupe::Project& project) {
    begin_column();
    screen_header(project.survey.title.c_str(), "results/title", "", "← Surveys", "/surveys");
    end_column();
}

void import_files(loupe::Project&, std::vector<platform::OpenedFile>& files) { files.clear(); }
