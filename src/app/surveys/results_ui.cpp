// results_ui.cpp — cards, chips, table cells and number formats for the results screen.
#include "app/surveys/results_ui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/form.h"
#include "app/shell.h"
#include "app/widgets.h"

namespace {

// Cards draw their background after their content, on a channel below it. A splitter of their
// own keeps them clear of ImGui's tables, which split the same draw list with theirs.
ImDrawListSplitter card_splitter;
ImVec2 card_start;
float card_pad = 0;

}  // namespace

float begin_results_card() {
    card_pad = is_phone() ? px(16) : px(24);
    card_start = ImGui::GetCursorScreenPos();
    card_splitter.Split(ImGui::GetWindowDrawList(), 2);
    card_splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::Indent(card_pad);
    ImGui::Dummy(ImVec2(0, card_pad - ImGui::GetStyle().ItemSpacing.y));
    const float inner = column_width() - 2 * card_pad;
    const float local_x = card_start.x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    ImGui::PushTextWrapPos(local_x + card_pad + inner);
    return inner;
}

void end_results_card() {
    const Palette& p = palette();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, card_pad - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Unindent(card_pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card_splitter.SetCurrentChannel(dl, 0);
    const ImVec2 end(card_start.x + column_width(), ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y);
    dl->AddRectFilled(card_start, end, p.surface, px(12));
    dl->AddRect(card_start, end, p.border, px(12), 0, px(1));
    card_splitter.Merge(dl);
    ImGui::Dummy(ImVec2(0, px(12)));
}

void same_line_if_fits(float width, float right) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine();
}

float chip_width(const char* text) { return ImGui::CalcTextSize(text).x + px(20); }

void chip(const char* text, ImU32 text_color, ImU32 fill) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(chip_width(text), ImGui::GetTextLineHeight() + px(6));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), fill, size.y / 2);
    dl->AddText(ImVec2(pos.x + px(10), pos.y + px(3)), text_color, text);
    ImGui::Dummy(size);
}

bool checkbox_wrapped(const char* test_id, const std::string& label, bool* value, bool enabled) {
    ImGui::PushID(test_id);
    ImGui::BeginDisabled(!enabled);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(4), px(4)));
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::PopStyleVar();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", label.c_str());
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    if (enabled && ImGui::IsItemClicked()) {
        *value = !*value;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    test_rect(test_id);
    return changed;
}

bool progress_with_cancel(const std::string& text, double fraction, float width, const char* cancel_test_id,
                          const char* bar_test_id) {
    const Palette& p = palette();
    const float cancel_w = ImGui::CalcTextSize("Cancel").x + px(32);
    const float x = ImGui::GetCursorPosX(), y = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(x + width - cancel_w - px(12));
    ImGui::SetCursorPosY(y + px(10));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopTextWrapPos();
    const float text_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(x + width - cancel_w, y));
    const bool cancelled = secondary_button("Cancel", cancel_test_id, ImVec2(cancel_w, 0));
    ImGui::SetCursorPos(ImVec2(x, std::max(ImGui::GetCursorPosY(), text_bottom) + px(2)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = px(8), filled = std::clamp(width * float(fraction), h, width);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + h), p.overlay, h / 2);
    dl->AddRectFilled(at, ImVec2(at.x + filled, at.y + h), p.accent, h / 2);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(filled, h));
    test_rect((std::string(bar_test_id) + "/done").c_str());
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(width - filled, h));
    ImGui::EndGroup();
    test_rect(bar_test_id);
    return cancelled;
}

void cell_right(const std::string& text, ImU32 color) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
    cell_text(text, color);
}

void cell_text(const std::string& text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

std::string shortened(ImFont* font, float size, const std::string& text, float width) {
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty()) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (font->CalcTextSizeA(size, FLT_MAX, 0, (cut + "…").c_str()).x <= width) break;
    }
    return cut + "…";
}

std::string fixed(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    char text[48];
    // No "-0.0": a value that rounds to zero is written as zero.
    std::snprintf(text, sizeof text, "%.*f", decimals,
                  std::fabs(value) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : value);
    std::string s = text;
    if (s[0] == '-') s.replace(0, 1, "\u2212");
    return s;
}

std::string duration(std::uint64_t milliseconds) {
    const std::uint64_t seconds = (milliseconds + 500) / 1000;
    if (seconds < 60) return std::to_string(seconds) + " s";
    if (seconds < 3600) return std::to_string(seconds / 60) + " min " + std::to_string(seconds % 60) + " s";
    return std::to_string(seconds / 3600) + " h " + std::to_string(seconds / 60 % 60) + " min";
}

std::string count_of(long long n, const char* one, const char* many) {
    return thousands(std::size_t(n)) + " " + (n == 1 ? one : many);
}
