// parts.cpp — pieces the facilitator's taste-session screens share (see parts.h).
#include "app/taste/parts.h"

#include <algorithm>

#include "core/taste/formats.h"
#include "imgui_internal.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/pictures.h"
#include "app/widgets.h"

namespace taste_ui {

using namespace loupe::taste;

bool chip(const char* label, const char* test_id, bool on) {
    return on ? primary_button(label, test_id, ImVec2(0, button_height()))
              : secondary_button(label, test_id, ImVec2(0, button_height()));
}

bool choice_row(const char* test_id, const std::vector<std::string>& labels, int& chosen, float width) {
    bool changed = false;
    ButtonRow row(width);
    for (int i = 0; i < int(labels.size()); ++i) {
        row.place(button_width(labels[i].c_str()));
        ImGui::PushID(i);
        const std::string id = std::string(test_id) + "/" + std::to_string(i);
        if (chip(labels[i].c_str(), id.c_str(), i == chosen) && i != chosen) chosen = i, changed = true;
        ImGui::PopID();
    }
    return changed;
}

std::vector<const Member*> members_in_order(const Team& team) {
    std::vector<const Member*> out;
    for (std::uint64_t id : team.settings.rota.order)
        if (const Member* m = find_member(team, id); m && !m->head.deleted &&
                                                    std::find(out.begin(), out.end(), m) == out.end())
            out.push_back(m);
    for (const Member& m : team.members)
        if (!m.head.deleted && std::find(out.begin(), out.end(), &m) == out.end()) out.push_back(&m);
    return out;
}

std::string member_name(const Team& team, std::uint64_t id) {
    const Member* m = find_member(team, id);
    return m && !m->head.deleted && !m->name.empty() ? m->name : std::string("someone");
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

void same_row_at(float x, float y) {
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(x, y));
    ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0;
}

namespace {
loupe::taste::Screenshot enlarged;  // the picture shown whole (id 0: none)

const Screenshot* find_screenshot(const Session& session, std::uint64_t id) {
    for (const Screenshot& s : session.screenshots)
        if (s.id == id) return &s;
    return nullptr;
}
}  // namespace

void thumbnail_row(const Session& session, const Note& note, const char* test_prefix, float side) {
    if (side <= 0) side = is_phone() ? 64 : 88;
    bool first = true;
    for (std::size_t i = 0; i < note.screenshots.size(); ++i) {
        const Screenshot* meta = find_screenshot(session, note.screenshots[i]);
        if (!meta) continue;
        if (!first) ImGui::SameLine(0, px(8));
        first = false;
        ImGui::PushID(int(i));
        if (pictures::thumbnail(*meta, ImVec2(side, side), (std::string(test_prefix) + std::to_string(i)).c_str()))
            enlarged = *meta;
        ImGui::PopID();
    }
}

void enlarged_dialog() {
    if (!begin_dialog("Screenshot", enlarged.id != 0)) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(ImGui::GetContentRegionAvail().x, display.x - px(64));
    const float h = std::min(display.y * 0.7f, w * 1.8f);
    pictures::picture(enlarged, ImVec2(w / px(1), h / px(1)));
    test_rect("taste/notes/enlarged");
    ImGui::Dummy(ImVec2(0, px(6)));
    if (primary_button("Close", "taste/notes/enlarged/close", ImVec2(0, button_height())) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        enlarged = {};
        ImGui::CloseCurrentPopup();
    }
    end_dialog();
}

void session_gone() {
    navigate("/taste");
    notify("That taste session is not kept in this browser (it may have been deleted); here is your team.", true);
}

void field_problem(const std::string& problem, const char* test_id) {
    if (problem.empty()) return;
    text_wrapped_colored(palette().danger, problem.c_str());
    test_rect(test_id);
}

}  // namespace taste_ui
