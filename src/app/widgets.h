// widgets.h — Loupe's own widgets on top of Dear ImGui, sized in logical pixels (px()).
#pragma once
#include <functional>
#include <string>

#include "imgui.h"

namespace loupe { struct QrCode; }

float px(float logical);  // logical (CSS) pixels -> framebuffer pixels

// Records the last item's rectangle under `id` for the test-only widget query.
void test_rect(const char* id);
void clear_test_rects();
// The rectangle of the widget in the last frame; only a visible one unless `off_screen_too` (a
// test that has to scroll to a widget asks where it was laid out, above or below the view).
bool find_test_rect(const char* id, ImVec4& out, bool off_screen_too = false);
const char* focused_test_widget();  // the id of the widget keyboard focus is on; "" when none

bool primary_button(const char* label, const char* test_id, ImVec2 size = ImVec2(0, 0));
bool secondary_button(const char* label, const char* test_id, ImVec2 size = ImVec2(0, 0));
bool link_button(const char* label, const char* test_id);  // text-only, accent coloured
bool menu_item(const char* label, const char* test_id, float width);  // a row of a popup menu
void menu_note(const char* label, const char* detail, const char* test_id, float width);  // a row that says, not does
void text_wrapped_colored(ImU32 color, const char* text);
// A response or contribution code in a box `width` wide, filled with `fill`, broken wherever a line
// is full (a code is one long word).
void code_box(const std::string& code, float width, ImU32 fill, const char* test_id);
void draw_focus_ring(ImVec2 min, ImVec2 max, float rounding);  // when keyboard navigation is on it

// A large clickable card with a title, a description and a call to action; true when chosen.
bool nav_card(const char* test_id, const char* title, const char* body, const char* action, float width,
              float height, int icon);
float nav_card_height(const char* body, float width);

// ---- A link to hand out, and its QR code (a survey link, a taste-session invite) ----------------

// The link in an inset box, cut anywhere into lines (a link has no spaces); a long one shows its
// first lines and "Show the whole link", which flips `whole`. True when the box is clicked (copy it).
bool link_box(const std::string& link, float width, bool& whole, const char* test_id, const char* whole_test_id);
// The size of a QR module (framebuffer pixels): whole pixels, the code about `side` wide, no module
// under 2 logical pixels unless `most` is all the room there is.
float qr_module(const loupe::QrCode& qr, float side, float most);
float qr_side(const loupe::QrCode& qr, float module);  // the code's side with its quiet zone
void qr_view(const loupe::QrCode& qr, float module, const char* test_id);
// The link's details (drawn by `details` in the width it gets) with the QR code beside them when
// `inner` has room, else under them, centred; `no_qr` says why there is none when `qr` is null.
void link_with_qr(const loupe::QrCode* qr, float inner, const char* qr_test_id,
                  const std::function<void(float width)>& details, const std::function<void()>& no_qr);
