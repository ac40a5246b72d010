// form.cpp — cards, bounded text fields, steppers and button rows for the author's and facilitator's screens.
#include "app/form.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/shared/workspace.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "app/shell.h"
#include "app/widgets.h"

namespace {

struct OpenCard {
    ImVec2 start;
    float width = 0;
    bool open = false;
};
OpenCard card;

// The field's text in a buffer of exactly max_bytes + 1: Dear ImGui then refuses (and cuts
// pasted text) beyond the limit, so a field can never hold more than the survey may.
std::vector<char>& bounded_buffer(const std::string& value, std::size_t max_bytes) {
    static std::vector<char> buffer;
    const std::string text = cut_utf8(value, max_bytes);
    buffer.assign(max_bytes + 1, 0);
    std::memcpy(buffer.data(), text.data(), text.size());
    return buffer;
}

}  // namespace

float button_height() { return px(is_phone() ? 46 : 40); }

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + 2 * px(16); }

// ---- Cards --------------------------------------------------------------------------------------
float card_padding() { return px(is_phone() ? 16 : 24); }
float card_inner_width() { return card.width - 2 * card_padding(); }

void begin_card(float width) {
    IM_ASSERT(!card.open && "cards do not nest");
    card = {ImGui::GetCursorScreenPos(), width, true};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);  // content above, the card's background drawn under it at the end
    ImGui::Dummy(ImVec2(0, card_padding() - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Indent(card_padding());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_inner_width());
}

void end_card() {
    const Palette& p = palette();
    ImGui::PopTextWrapPos();
    ImGui::Unindent(card_padding());
    const float bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y + card_padding();
    const ImVec2 max(card.start.x + card.width, bottom);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(card.start, max, p.surface, px(12));
    dl->AddRect(card.start, max, p.border, px(12), 0, px(1));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.start.x, bottom));
    ImGui::Dummy(ImVec2(card.width, 0));
    card.open = false;
}

void card_title(const char* title, const char* test_id, const char* help) {
    heading(g_fonts.heading, title, test_id);
    if (help && *help) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(6));
        text_wrapped_colored(palette().muted, help);
    }
    ImGui::Dummy(ImVec2(0, px(2)));
}

void text_centered(ImU32 color, const char* text, float width) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float x = ImGui::GetCursorPosX();
    const char* end = text + std::strlen(text);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, px(3)));
    for (const char* line = text; line < end;) {
        const char* line_end = std::max(line + 1, font->CalcWordWrapPositionA(1.0f, line, end, width));
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0, line, line_end).x;
        ImGui::SetCursorPosX(x + std::max(0.0f, (width - w) / 2));
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextUnformatted(line, line_end);
        ImGui::PopStyleColor();
        line = line_end;
        while (line < end && (*line == ' ' || *line == '\n')) ++line;  // the break itself is not drawn
    }
    ImGui::PopStyleVar();
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y - px(3) * 2));
}

void field_label(const char* label, const char* help) {
    ImGui::TextUnformatted(label);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(5));
    if (help && *help) {
        text_wrapped_colored(palette().muted, help);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(3));
    }
}

// ---- Text fields ----------------------------------------------------------------------------------
bool text_field(const char* test_id, std::string& value, std::size_t max_bytes, float width, const char* hint,
                ImGuiInputTextFlags flags) {
    std::vector<char>& buffer = bounded_buffer(value, max_bytes);
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(test_id);
    // As tall as the buttons beside it, and big enough for a finger on a phone.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (button_height() - ImGui::GetFontSize()) / 2));
    const bool edited = ImGui::InputTextWithHint("##field", hint ? hint : "", buffer.data(), buffer.size(), flags);
    ImGui::PopStyleVar();
    ImGui::PopID();
    test_rect(test_id);
    if (edited) value = buffer.data();
    return edited;
}

bool text_area(const char* test_id, std::string& value, std::size_t max_bytes, ImVec2 size) {
    ImGui::PushID(test_id);
    bool edited = false;
    if (max_bytes == 0) {
        edited = ImGui::InputTextMultiline("##area", &value, size, ImGuiInputTextFlags_WordWrap);
    } else {
        std::vector<char>& buffer = bounded_buffer(value, max_bytes);
        edited = ImGui::InputTextMultiline("##area", buffer.data(), buffer.size(), size, ImGuiInputTextFlags_WordWrap);
        if (edited) value = buffer.data();
    }
    ImGui::PopID();
    test_rect(test_id);
    return edited;
}

namespace {
ImGuiID prose_editing = 0;     // the prose field being edited, if any
bool prose_just_opened = false;

int cursor_to_end(ImGuiInputTextCallbackData* data) {
    if (prose_just_opened) data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
    prose_just_opened = false;
    return 0;
}
}  // namespace

bool prose_field(const char* test_id, std::string& value, std::size_t max_bytes, float width, float min_height) {
    const Palette& p = palette();
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    // Where the field wraps when it is being edited (ImGuiInputTextFlags_WordWrap keeps a scrollbar's room).
    const float wrap = width - 2 * pad.x - ImGui::GetStyle().ScrollbarSize;
    const float text_h = ImGui::CalcTextSize(value.c_str(), nullptr, false, wrap).y;
    const ImVec2 size(width, std::max(min_height, text_h + 2 * pad.y + ImGui::GetTextLineHeight()));
    ImGui::PushID(test_id);
    const ImGuiID id = ImGui::GetID("##prose");
    bool edited = false;
    if (prose_editing == id) {
        if (prose_just_opened) ImGui::SetKeyboardFocusHere();
        std::vector<char>& buffer = bounded_buffer(value, max_bytes);
        edited = ImGui::InputTextMultiline("##edit", buffer.data(), buffer.size(), size,
                                           ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_WordWrap, cursor_to_end);
        if (edited) value = buffer.data();
        if (ImGui::IsItemDeactivated()) prose_editing = 0;
    } else {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##prose", size)) {
            prose_editing = id;
            prose_just_opened = true;
        }
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        const ImVec2 max(pos.x + size.x, pos.y + size.y);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float rounding = ImGui::GetStyle().FrameRounding;
        dl->AddRectFilled(pos, max, hovered ? p.surface_hover : p.surface, rounding);
        dl->AddRect(pos, max, p.border, rounding, 0, ImGui::GetStyle().FrameBorderSize);
        draw_focus_ring(pos, max, rounding);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad.x, pos.y + pad.y), p.text, value.c_str(),
                    nullptr, wrap);
    }
    ImGui::PopID();
    test_rect(test_id);
    return edited;
}

// ---- Steppers and buttons ---------------------------------------------------------------------------
bool stepper(const char* test_id, int& value, int min, int max) {
    const std::string id = test_id;
    const float h = button_height();
    const int before = value;
    ImGui::PushID(test_id);
    ImGui::BeginDisabled(value <= min);
    if (secondary_button("−", (id + "/minus").c_str(), ImVec2(h, h))) --value;
    ImGui::EndDisabled();
    ImGui::SameLine(0, px(6));
    // A plain text field of digits, read with from_chars: Dear ImGui's InputInt reads with sscanf,
    // which would be 11 KB of the download for this one field.
    char text[12];
    std::snprintf(text, sizeof text, "%d", value);
    ImGui::SetNextItemWidth(px(60));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(12), (h - ImGui::GetFontSize()) / 2));
    if (ImGui::InputText("##value", text, sizeof text, ImGuiInputTextFlags_CharsDecimal)) {
        int typed = 0;
        const char* end = text + std::strlen(text);
        const auto [at, error] = std::from_chars(text, end, typed);
        if (error == std::errc() && at == end) value = typed;
    }
    ImGui::PopStyleVar();
    test_rect((id + "/value").c_str());
    ImGui::SameLine(0, px(6));
    ImGui::BeginDisabled(value >= max);
    if (secondary_button("+", (id + "/plus").c_str(), ImVec2(h, h))) ++value;
    ImGui::EndDisabled();
    ImGui::PopID();
    value = std::clamp(value, min, max);
    return value != before;
}

bool danger_button(const char* label, const char* test_id, ImVec2 size) {
    const Palette& p = palette();
    ImVec4 hover = ImGui::ColorConvertU32ToFloat4(p.danger);
    hover.x *= 0.88f, hover.y *= 0.88f, hover.z *= 0.88f;
    const ImU32 hover_col = ImGui::ColorConvertFloat4ToU32(hover);
    ImGui::PushStyleColor(ImGuiCol_Button, p.danger);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover_col);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, hover_col);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    ImGui::PushStyleColor(ImGuiCol_Border, p.danger);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(16), px(10)));
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    test_rect(test_id);
    return pressed;
}

DeleteAnswer delete_or_keep(const char* label, const std::string& test_id_prefix) {
    const float h = button_height();
    if (danger_button(label, (test_id_prefix + "/confirm").c_str(), ImVec2(0, h))) return DeleteAnswer::Delete;
    ImGui::SameLine();
    if (secondary_button("Keep it", (test_id_prefix + "/cancel").c_str(), ImVec2(0, h)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        return DeleteAnswer::Keep;
    return DeleteAnswer::None;
}

ButtonRow::ButtonRow(float width) : left_(ImGui::GetCursorScreenPos().x), right_(left_ + width) {}

void ButtonRow::place(float button_width) {
    if (!first_ && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + button_width <= right_ + 0.5f)
        ImGui::SameLine();
    first_ = false;
}

ImVec2 pill_size(const char* text) {
    const ImVec2 text_size = ImGui::CalcTextSize(text);
    return ImVec2(text_size.x + px(20), text_size.y + px(6));
}

ImVec2 pill(ImVec2 pos, const char* text, ImU32 tint) {
    const ImVec2 size = pill_size(text);
    const ImU32 background = (tint & ~IM_COL32_A_MASK) | (34u << IM_COL32_A_SHIFT);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), background, size.y / 2);
    dl->AddText(ImVec2(pos.x + px(10), pos.y + px(3)), tint, text);
    return size;
}

// ---- Dialogs ---------------------------------------------------------------------------------------
bool begin_dialog(const char* name, bool open) {
    if (open && !ImGui::IsPopupOpen(name)) ImGui::OpenPopup(name);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x - px(32), px(480)), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(22)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(14));
    const bool shown = ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar(2);  // taken by the window when it began
    return shown;
}

void end_dialog() { ImGui::EndPopup(); }

// ---- Text ------------------------------------------------------------------------------------------
std::string cut_utf8(std::string text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // not inside a character
    text.resize(n);
    return text;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string time_ago(std::int64_t then, std::int64_t now) {
    const std::int64_t s = now - then;
    auto plural = [](std::int64_t n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
    };
    if (s < 60) return "just now";
    if (s < 3600) return plural(s / 60, "minute");
    if (s < 86400) return plural(s / 3600, "hour");
    if (s < 2 * 86400) return "yesterday";
    if (s < 7 * 86400) return plural(s / 86400, "day");
    return "on " + loupe::iso_date(then);
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(std::size_t(i), ",");
    return digits;
}
