// take.cpp — the respondent's side: a survey opened from its link, answered screen by screen.
#include <string>

#include "core/survey.h"

#include "imgui.h"
#include "shell.h"
#include "widgets.h"

namespace {
char link_text[2048] = {};
std::string link_message;
bool link_ok = false;
}  // namespace

void take_survey_screen() {
    const Palette& p = palette();
    const float width = begin_column();
    screen_header("Take a survey", "take/title",
                  "A survey link opens straight into the survey. If you copied the link from an e-mail or a chat, "
                  "paste it here.");
    ImGui::PushFont(g_fonts.body);
    ImGui::TextUnformatted("Survey link");
    const float button_w = px(100);
    const bool narrow = width < px(480);
    ImGui::SetNextItemWidth(narrow ? width : width - button_w - ImGui::GetStyle().ItemSpacing.x);
    bool submit = ImGui::InputTextWithHint("##link", "https://…#…", link_text, sizeof link_text,
                                           ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    test_rect("take/link");
    if (!narrow) ImGui::SameLine();
    submit |= primary_button("Open", "take/open", ImVec2(narrow ? width : button_w, 0));
    if (submit) {
        const std::string link = link_text;
        const auto hash = link.find('#');
        link_ok = false;
        if (link.find_first_not_of(" \t\r\n") == std::string::npos)
            link_message = "Paste the link first: it is in the message the survey's author sent you.";
        else if (hash == std::string::npos || hash + 1 >= link.size())
            link_message = "This link has no survey in it: the part after '#' is missing. "
                                      "Copy the whole link again, or ask the sender to send it once more.";
        else {
            link_ok = true;
            link_message = "This looks like a survey link. Answering surveys arrives in the next "
                                      "update of Loupe; keep the link, it will open here then.";
        }
    }
    if (!link_message.empty()) {
        ImGui::Dummy(ImVec2(0, px(2)));
        text_wrapped_colored(link_ok ? p.muted : p.danger, link_message.c_str());
        test_rect("take/message");
    }
    ImGui::PopFont();
    end_column();
}


void survey_preview(const loupe::Survey& survey, ImVec2 size) {
    ImGui::BeginChild("preview", size, true);
    heading(g_fonts.heading, survey.title.c_str(), "preview/title");
    ImGui::TextWrapped("%s", survey.intro.c_str());
    ImGui::EndChild();
}
