// widgets.h — Loupe's own widgets on top of Dear ImGui, sized in logical pixels (px()).
#pragma once
#include "imgui.h"

float px(float logical);  // logical (CSS) pixels -> framebuffer pixels

// Records the last item's rectangle under `id` for the test-only widget query.
void test_rect(const char* id);
void clear_test_rects();
bool find_test_rect(const char* id, ImVec4& out);
const char* focused_test_widget();  // the id of the widget keyboard focus is on; "" when none

bool primary_button(const char* label, const char* test_id, ImVec2 size = ImVec2(0, 0));
bool secondary_button(const char* label, const char* test_id, ImVec2 size = ImVec2(0, 0));
bool link_button(const char* label, const char* test_id);  // text-only, accent coloured
bool menu_item(const char* label, const char* test_id, float width);  // a row of a popup menu
void menu_note(const char* label, const char* detail, const char* test_id, float width);  // a row that says, not does
void text_wrapped_colored(ImU32 color, const char* text);
void draw_focus_ring(ImVec2 min, ImVec2 max, float rounding);  // when keyboard navigation is on it

// A large clickable card with a title, a description and a call to action; true when chosen.
bool nav_card(const char* test_id, const char* title, const char* body, const char* action, float width,
              float height, int icon);
float nav_card_height(const char* body, float width);
