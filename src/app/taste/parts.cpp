// parts.cpp — pieces the facilitator's taste-session screens share (see parts.h).
#include "app/taste/parts.h"

#include <algorithm>

#include "core/taste/formats.h"
#include "imgui_internal.h"
#include "app/shell.h"
#include "app/form.h"
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

void field_problem(const std::string& problem, const char* test_id) {
    if (problem.empty()) return;
    text_wrapped_colored(palette().danger, problem.c_str());
    test_rect(test_id);
}

}  // namespace taste_ui
