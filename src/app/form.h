// form.h — what the author's and the facilitator's screens are built from: cards, labelled text
// fields that cannot exceed their byte limits, number steppers, rows of buttons that wrap, pills.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "imgui.h"

// Buttons are at least this tall: 40 logical pixels on a desktop, 46 on a phone for fingers.
float button_height();
// A button's width for `label` with the padding primary_button and secondary_button use.
float button_width(const char* label);

// A surface-coloured card with a border, `width` wide. Content inside is indented by the
// padding; card_inner_width() is what is left. Cards do not nest.
void begin_card(float width);
void end_card();
float card_inner_width();
float card_padding();

// Section title inside a card (heading font) with an optional muted line under it.
void card_title(const char* title, const char* test_id, const char* help = nullptr);

// Wrapped text with every line centred in `width` (from the cursor).
void text_centered(ImU32 color, const char* text, float width);

// A label over a field, and an optional muted help line.
void field_label(const char* label, const char* help = nullptr);

// Single-line text field of `width` holding at most `max_bytes` bytes of UTF-8; true when edited.
bool text_field(const char* test_id, std::string& value, std::size_t max_bytes, float width,
                const char* hint = nullptr, ImGuiInputTextFlags flags = 0);
// Multi-line text field; `max_bytes` == 0 means no limit.
bool text_area(const char* test_id, std::string& value, std::size_t max_bytes, ImVec2 size);

// A multi-line field for prose, at least `min_height` tall. Dear ImGui 1.86 edits text without
// wrapping it, so while it is not being edited the text is shown wrapped; a click edits it.
bool prose_field(const char* test_id, std::string& value, std::size_t max_bytes, float width, float min_height);

// [−] value [+]; the value can also be typed. True when changed (kept within min..max).
bool stepper(const char* test_id, int& value, int min, int max);

// A primary-looking button in the danger colour, for what cannot be undone.
bool danger_button(const char* label, const char* test_id, ImVec2 size = ImVec2(0, 0));
// The answer row of a question before deleting: `label` in the danger colour ("<prefix>/confirm")
// and "Keep it" ("<prefix>/cancel", or Escape).
enum class DeleteAnswer { None, Delete, Keep };
DeleteAnswer delete_or_keep(const char* label, const std::string& test_id_prefix);

// Lays out buttons left to right within `width`, starting a new line when the next would not fit.
class ButtonRow {
public:
    explicit ButtonRow(float width);
    void place(float button_width);  // call before each button
private:
    float left_, right_;
    bool first_ = true;
};

// A small rounded label ("Draft", "Published") drawn at `pos`, not laid out; returns its size.
ImVec2 pill(ImVec2 pos, const char* text, ImU32 tint);
ImVec2 pill_size(const char* text);

// A centred modal dialog without a title bar; `open` asks for it. Between begin_dialog
// returning true and end_dialog, draw its content; ImGui::CloseCurrentPopup() closes it.
bool begin_dialog(const char* name, bool open);
void end_dialog();

// The text cut to at most `max_bytes` without splitting a UTF-8 character.
std::string cut_utf8(std::string text, std::size_t max_bytes);
// The text without leading and trailing spaces, tabs and line ends.
std::string trim(const std::string& text);
// "just now", "5 minutes ago", "yesterday", or the date.
std::string time_ago(std::int64_t unix_seconds, std::int64_t now_unix_seconds);
// 1234 -> "1,234"
std::string thousands(std::size_t n);
