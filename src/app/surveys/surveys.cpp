// surveys.cpp — the author's list of surveys ("#/surveys"): create one, open, see results,
// duplicate, delete (after asking), and open a survey or project file another PM sent.
//
// Actions chosen while the list is drawn run after it: adding or deleting a project moves the
// list being drawn.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/shared/container.h"
#include "core/maxdiff/project.h"
#include "core/maxdiff/survey.h"
#include "app/form.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/surveys/projects.h"
#include "app/surveys/publish.h"
#include "app/shell.h"
#include "app/widgets.h"

namespace {

enum class Action { None, Open, Results, Duplicate, Delete };

struct ListState {
    Action action = Action::None;
    std::uint64_t project_id = 0;  // what the action is for
    std::uint64_t deleting = 0;    // project whose delete question is open
};
ListState list;

std::string editor_place(const loupe::Project& project) { return "/surveys/" + loupe::survey_id_text(project.local_id); }

std::string plural(std::size_t n, const char* one, const char* many) {
    return thousands(n) + " " + (n == 1 ? one : many);
}

void new_survey() {
    loupe::Project& project = create_project();
    // The design's seed is fixed for the survey's life, so its link and design stay stable.
    project.survey.design = loupe::propose_design(0, static_cast<std::uint32_t>(random_id())).params;
    save_project(project);
    navigate(editor_place(project));
}

// A new draft with the same content; responses belong to the original's link, so none come along.
void duplicate(const loupe::Project& original) {
    constexpr const char* kSuffix = " (copy)";
    loupe::Project copy = original;
    copy.survey.title = cut_utf8(copy.survey.title, loupe::kMaxTitleBytes - std::strlen(kSuffix)) + kSuffix;
    copy.published = false;
    copy.published_survey = {};
    copy.responses.clear();
    copy.excluded_respondents.clear();
    const std::string title = copy.survey.title;
    add_project(std::move(copy));
    notify("Made a copy: \"" + title + "\". It is a draft; publishing it gives it a link of its own.");
}

void run_action() {
    const Action action = list.action;
    list.action = Action::None;
    const loupe::Project* project = find_project(list.project_id);
    if (!project) return;
    switch (action) {
        case Action::None: break;
        case Action::Open: navigate(editor_place(*project)); break;
        case Action::Results: navigate(editor_place(*project) + "/results"); break;
        case Action::Duplicate: duplicate(*project); break;
        case Action::Delete: list.deleting = project->local_id; break;
    }
}

// ---- One survey in the list -------------------------------------------------------------------------
std::string meta_line(const loupe::Project& p) {
    std::string text = plural(p.survey.items.size(), "item", "items");
    if (p.published) text += " · " + plural(p.responses.size(), "response", "responses");
    return text + " · changed " + time_ago(p.modified_at, unix_now());
}

// Results, Duplicate and Delete side by side.
float row_buttons_width() {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return button_width("Results") + button_width("Duplicate") + button_width("Delete") + 2 * spacing;
}

void survey_row(const loupe::Project& project, int index, float width) {
    const Palette& p = palette();
    const bool phone = is_phone();
    const float pad = px(phone ? 16 : 20);
    const float h = button_height();
    const float text_w = width - 2 * pad - (phone ? 0 : row_buttons_width() + px(20));
    const std::string title = project.survey.title.empty() ? std::string("Untitled survey") : project.survey.title;
    const std::string meta = meta_line(project);
    const SurveyStatus status = survey_status(project);
    const char* status_text = status_label(status);

    ImFont* heading = g_fonts.heading;
    const float title_h = heading->CalcTextSizeA(heading->FontSize, FLT_MAX, text_w, title.c_str()).y;
    const ImVec2 pill_box = pill_size(status_text);
    const float meta_w = text_w - pill_box.x - px(10);
    const float meta_h = std::max(pill_box.y, ImGui::CalcTextSize(meta.c_str(), nullptr, false, meta_w).y);
    const float text_h = title_h + px(8) + meta_h;
    const float height = 2 * pad + (phone ? text_h + px(14) + h : std::max(text_h, h));

    const std::string id = "surveys/" + std::to_string(index);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + width, pos.y + height);
    ImGui::PushID(index);
    if (ImGui::InvisibleButton("##open", ImVec2(width, height))) list = {Action::Open, project.local_id, 0};
    ImGui::SetItemAllowOverlap();  // the buttons drawn on the card take their own clicks
    test_rect((id + "/open").c_str());
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, hovered ? p.surface_hover : p.surface, px(12));
    dl->AddRect(pos, max, hovered ? p.accent : p.border, px(12), 0, px(1));
    draw_focus_ring(pos, max, px(12));

    const float text_top = phone ? pos.y + pad : pos.y + (height - text_h) / 2;
    dl->AddText(heading, heading->FontSize, ImVec2(pos.x + pad, text_top), p.text, title.c_str(), nullptr, text_w);
    const ImVec2 meta_at(pos.x + pad, text_top + title_h + px(8));
    pill(meta_at, status_text, status_tint(status));
    dl->AddText(g_fonts.body, g_fonts.body->FontSize, ImVec2(meta_at.x + pill_box.x + px(10), meta_at.y + px(3)),
                p.muted, meta.c_str(), nullptr, meta_w);

    const ImVec2 buttons_at = phone ? ImVec2(pos.x + pad, max.y - pad - h)
                                    : ImVec2(max.x - pad - row_buttons_width(), pos.y + (height - h) / 2);
    ImGui::SetCursorScreenPos(buttons_at);
    ImGui::BeginDisabled(!project.published);
    if (secondary_button("Results", (id + "/results").c_str(), ImVec2(0, h))) list = {Action::Results, project.local_id, 0};
    ImGui::EndDisabled();
    if (!project.published && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Publish the survey first: results come from the answers to its link.");
    ImGui::SameLine();
    if (secondary_button("Duplicate", (id + "/duplicate").c_str(), ImVec2(0, h))) list = {Action::Duplicate, project.local_id, 0};
    ImGui::SameLine();
    if (secondary_button("Delete", (id + "/delete").c_str(), ImVec2(0, h))) list = {Action::Delete, project.local_id, 0};
    ImGui::PopID();

    ImGui::SetCursorScreenPos(ImVec2(pos.x, max.y));
    ImGui::Dummy(ImVec2(width, px(2)));
}

void delete_dialog() {
    const loupe::Project* project = find_project(list.deleting);
    if (!begin_dialog("Delete survey", project != nullptr)) return;
    if (!project) {  // deleted in another tab meanwhile
        ImGui::CloseCurrentPopup();
        end_dialog();
        return;
    }
    const std::string title = project->survey.title.empty() ? std::string("Untitled survey") : project->survey.title;
    heading(g_fonts.heading, ("Delete \"" + title + "\"?").c_str(), "delete/title");
    std::string body = "The survey";
    if (!project->responses.empty()) body += " and its " + plural(project->responses.size(), "response", "responses");
    body += " will be removed from this browser. This cannot be undone; a workspace backup (menu ••• at the top "
            "right) keeps a copy.";
    if (project->published) body += " The link you sent keeps working for respondents, but their answers could only "
                                    "be analysed with a copy of this survey.";
    text_wrapped_colored(palette().muted, body.c_str());
    ImGui::Dummy(ImVec2(0, px(6)));
    const DeleteAnswer answer = delete_or_keep("Delete survey", "delete");
    if (answer == DeleteAnswer::Delete) {
        notify("Deleted \"" + title + "\".");
        delete_project(project->local_id);
    }
    if (answer != DeleteAnswer::None) {
        list.deleting = 0;
        ImGui::CloseCurrentPopup();
    }
    end_dialog();
}

// A bar chart in a soft square: what a survey turns into.
void empty_state_icon(ImVec2 centre) {
    const Palette& p = palette();
    const float box = px(56), s = px(22);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(centre.x - box / 2, centre.y - box / 2), ImVec2(centre.x + box / 2, centre.y + box / 2),
                      p.overlay, px(14));
    const float heights[] = {0.55f, 1.0f, 0.75f};
    for (int i = 0; i < 3; ++i) {
        const float x = centre.x - s * 0.6f + i * s * 0.45f;
        dl->AddRectFilled(ImVec2(x, centre.y + s * 0.5f - s * heights[i]), ImVec2(x + s * 0.3f, centre.y + s * 0.5f),
                          p.accent, px(2));
    }
}

void empty_state(float width) {
    begin_card(width);
    const float inner = card_inner_width();
    const float x = ImGui::GetCursorPosX();
    ImGui::Dummy(ImVec2(0, px(is_phone() ? 4 : 16)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    empty_state_icon(ImVec2(at.x + inner / 2, at.y + px(28)));
    ImGui::Dummy(ImVec2(inner, px(60)));
    ImGui::PushFont(g_fonts.heading);
    text_centered(palette().text, "No surveys yet", inner);
    ImGui::PopFont();
    test_rect("surveys/empty");
    const float text_w = std::min(inner, px(560));
    ImGui::SetCursorPosX(x + (inner - text_w) / 2);
    text_centered(palette().muted,
                  "Write the items you want ranked, publish a link, and import the answers to see what matters most. "
                  "Everything stays in this browser.", text_w);
    ImGui::Dummy(ImVec2(0, px(6)));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float both = button_width("Create your first survey") + gap + button_width("Open a survey file…");
    const bool stacked = both > inner;
    const float h = button_height();
    ImGui::SetCursorPosX(stacked ? x : x + (inner - both) / 2);
    if (primary_button("Create your first survey", "surveys/new", ImVec2(stacked ? inner : 0, h))) new_survey();
    if (!stacked) ImGui::SameLine();
    if (secondary_button("Open a survey file…", "surveys/open-file", ImVec2(stacked ? inner : 0, h)))
        platform::choose_files(".loupe", true, loupe::kMaxProjectBytes);
    ImGui::Dummy(ImVec2(0, px(is_phone() ? 4 : 16)));
    end_card();
}

// The kind a Loupe file says it is (container.h: 8 bytes of magic, then the kind), or 0.
int loupe_file_kind(const std::vector<std::uint8_t>& bytes) {
    constexpr char kMagic[] = "LOUPE\r\n\x1a";
    if (bytes.size() < loupe::kEnvelopeOverhead || std::memcmp(bytes.data(), kMagic, 8) != 0) return 0;
    return bytes[8];
}

// A file another PM sent, as a new project; 0 (and a message saying why) when it is not one.
std::uint64_t open_survey_file(const platform::OpenedFile& file) {
    using loupe::FileKind;
    const int kind = loupe_file_kind(file.bytes);
    if (kind == int(FileKind::Survey)) {
        // A survey file is what a link carries: opened as published, so its answers can be imported.
        auto survey = loupe::read_survey_file(file.bytes);
        if (!survey) {
            notify(file.name + " could not be opened. " + survey.error(), true);
            return 0;
        }
        loupe::Project project;
        project.survey = project.published_survey = *survey;
        project.published = true;
        return add_project(std::move(project)).local_id;
    }
    if (kind == int(FileKind::Response)) {
        notify(file.name + " is a response file. Open the survey it answers and import it on its results screen.", true);
        return 0;
    }
    auto project = loupe::read_project_file(file.bytes);
    if (!project) {
        notify(file.name + " could not be opened. " + project.error() +
               " Choose a survey or project file that Loupe saved.", true);
        return 0;
    }
    return add_project(std::move(*project)).local_id;
}

}  // namespace

void survey_list_screen() {
    const float width = begin_column();
    screen_header("Surveys", "surveys/title",
                  "MaxDiff surveys ask people to pick the most and the least important item among a few — far "
                  "sharper than rating everything.");
    sort_projects();
    std::vector<loupe::Project>& all = projects();
    if (all.empty()) {
        empty_state(width);
    } else {
        ButtonRow row(width);
        row.place(button_width("+ New survey"));
        if (primary_button("+ New survey", "surveys/new", ImVec2(0, button_height()))) new_survey();
        row.place(button_width("Open a survey file…"));
        if (secondary_button("Open a survey file…", "surveys/open-file", ImVec2(0, button_height())))
            platform::choose_files(".loupe", true, loupe::kMaxProjectBytes);
        ImGui::Dummy(ImVec2(0, px(4)));
        for (int i = 0; i < static_cast<int>(all.size()); ++i) survey_row(all[i], i, width);
    }
    ImGui::Dummy(ImVec2(0, px(96)));  // room to scroll the last survey clear of the messages at the bottom
    end_column();
    delete_dialog();
    run_action();
}

void open_survey_files(std::vector<platform::OpenedFile>& files) {
    std::vector<platform::OpenedFile> backups;  // left for the shell, which offers to restore them
    std::uint64_t opened = 0;
    int count = 0;
    for (platform::OpenedFile& file : files) {
        if (!file.error.empty()) {
            notify(file.name + ": " + file.error, true);
        } else if (loupe_file_kind(file.bytes) == int(loupe::FileKind::WorkspaceBackup)) {
            backups.push_back(std::move(file));
        } else if (std::uint64_t id = open_survey_file(file)) {
            opened = id;
            ++count;
        }
    }
    files = std::move(backups);
    if (count > 1) notify("Opened " + std::to_string(count) + " surveys.");
    if (count == 1) {
        const loupe::Project* project = find_project(opened);
        notify("Opened \"" + project->survey.title + "\".");
        navigate(editor_place(*project));
    }
}
