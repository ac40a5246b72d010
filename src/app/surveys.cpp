// surveys.cpp — the author's side: the list of surveys, the editor, preview and publishing.
#include "core/project.h"
#include "imgui.h"
#include "projects.h"
#include "shell.h"
#include "widgets.h"

void survey_list_screen() {
    begin_column();
    screen_header("Surveys", "surveys/title",
                  "MaxDiff surveys ask people to pick the most and the least important item among a few — far "
                  "sharper than rating everything.");
    end_column();
}

void survey_editor_screen(loupe::Project& project) {
    begin_column();
    screen_header(project.survey.title.c_str(), "editor/title", "", "← Surveys", "/surveys");
    end_column();
}
