// widgets.cpp — buttons, cards, links with their QR codes, and the test-only widget rectangle registry.
#include "app/widgets.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/shared/qr.h"

#include "imgui_internal.h"
#include "app/theme.h"

extern float g_pixel_ratio;
extern Fonts g_fonts;

float px(float logical) { return logical * g_pixel_ratio; }

// ---- test rectangles --------------------------------------------------------------------------
namespace {
struct TestRect {
    ImVec4 rect;
    bool visible;
};
std::map<std::string, TestRect> rects_this_frame, rects_last_frame;
std::string focused_this_frame, focused_last_frame;  // the test id of the keyboard-focused widget
}

void test_rect(const char* id) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    // Clipped or scrolled-away widgets cannot be clicked: they are kept apart from visible ones.
    const bool visible = GImGui->CurrentWindow->ClipRect.Overlaps(ImRect(min, max));
    rects_this_frame[id] = {ImVec4(min.x, min.y, max.x - min.x, max.y - min.y), visible};
    if (!visible) return;
    const ImGuiContext& g = *GImGui;
    if (g.NavId != 0 && g.NavId == g.LastItemData.ID && !g.NavDisableHighlight) focused_this_frame = id;
}
void clear_test_rects() {
    rects_last_frame.swap(rects_this_frame);
    rects_this_frame.clear();
    focused_last_frame = std::move(focused_this_frame);
    focused_this_frame.clear();
}
const char* focused_test_widget() { return focused_last_frame.c_str(); }
bool find_test_rect(const char* id, ImVec4& out, bool off_screen_too) {
    auto it = rects_last_frame.find(id);
    if (it == rects_last_frame.end() || !(it->second.visible || off_screen_too)) return false;
    out = it->second.rect;
    return true;
}

// ---- buttons ----------------------------------------------------------------------------------
void draw_focus_ring(ImVec2 min, ImVec2 max, float rounding) {
    ImGuiContext& g = *GImGui;
    if (g.NavId != g.LastItemData.ID || g.NavDisableHighlight) return;
    const float pad = px(3);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad),
                                        palette().accent, rounding + pad, 0, px(2));
}

static bool styled_button(const char* label, const char* test_id, ImVec2 size, ImU32 bg, ImU32 bg_hover,
                          ImU32 text, ImU32 border) {
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, bg_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(16), px(10)));
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    test_rect(test_id);
    return pressed;
}

bool primary_button(const char* label, const char* test_id, ImVec2 size) {
    const Palette& p = palette();
    ImVec4 hover = ImGui::ColorConvertU32ToFloat4(p.accent);
    hover.x *= 0.88f, hover.y *= 0.88f, hover.z *= 0.88f;
    return styled_button(label, test_id, size, p.accent, ImGui::ColorConvertFloat4ToU32(hover), p.accent_text, p.accent);
}

bool secondary_button(const char* label, const char* test_id, ImVec2 size) {
    const Palette& p = palette();
    return styled_button(label, test_id, size, p.surface, p.surface_hover, p.text, p.border);
}

bool link_button(const char* label, const char* test_id) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.overlay);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.overlay);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(8), px(6)));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    test_rect(test_id);
    return pressed;
}

bool menu_item(const char* label, const char* test_id, float width) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, px(38));
    ImGui::PushID(test_id);
    const bool chosen = ImGui::Selectable("##item", false, 0, size);
    ImGui::PopID();
    test_rect(test_id);
    const float y = pos.y + (size.y - ImGui::GetTextLineHeight()) / 2;
    ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + px(12), y), palette().text, label);
    return chosen;
}

void menu_note(const char* label, const char* detail, const char* test_id, float width) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + px(12));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, px(6)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - px(24));
    ImGui::TextUnformatted(label);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, px(4)));
    text_wrapped_colored(palette().muted, detail);
    ImGui::PopStyleVar();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(width - px(12), px(6)));
    ImGui::EndGroup();
    test_rect(test_id);
}

void text_wrapped_colored(ImU32 color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

// ---- cards ------------------------------------------------------------------------------------
namespace {

// Small line icons drawn with the draw list, so no icon font has to be downloaded.
void draw_card_icon(ImDrawList* dl, ImVec2 c, float s, int icon, ImU32 col) {
    const float w = px(2);
    switch (icon) {
        case 0:  // a checklist: taking a survey
            for (int i = 0; i < 3; ++i) {
                const float y = c.y - s * 0.5f + i * s * 0.5f;
                dl->AddCircle(ImVec2(c.x - s * 0.55f, y), s * 0.12f, col, 12, w);
                dl->AddLine(ImVec2(c.x - s * 0.3f, y), ImVec2(c.x + s * 0.7f, y), col, w);
            }
            break;
        case 1:  // a bar chart: surveys and results
            for (int i = 0; i < 3; ++i) {
                const float h = s * (0.5f + 0.45f * ((i * 2 + 1) % 3));
                const float x = c.x - s * 0.6f + i * s * 0.5f;
                dl->AddRectFilled(ImVec2(x, c.y + s * 0.7f - h), ImVec2(x + s * 0.32f, c.y + s * 0.7f), col, px(2));
            }
            break;
        default:  // a loupe: taste sessions
            dl->AddCircle(ImVec2(c.x - s * 0.12f, c.y - s * 0.12f), s * 0.45f, col, 24, w);
            dl->AddLine(ImVec2(c.x + s * 0.22f, c.y + s * 0.22f), ImVec2(c.x + s * 0.65f, c.y + s * 0.65f), col, w * 1.6f);
            break;
    }
}

constexpr float kCardPadding = 22;
constexpr float kIconBox = 44;

}  // namespace

float nav_card_height(const char* body, float width) {
    const float inner = width - 2 * px(kCardPadding);
    ImGui::PushFont(g_fonts.body);
    const float body_h = ImGui::CalcTextSize(body, nullptr, false, inner).y;
    const float line = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    return px(kCardPadding) * 2 + px(kIconBox) + px(16) + g_fonts.heading->FontSize + px(8) + body_h + px(18) + line;
}

bool nav_card(const char* test_id, const char* title, const char* body, const char* action, float width,
              float height, int icon) {
    const Palette& p = palette();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, height);
    const bool pressed = ImGui::InvisibleButton(test_id, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    test_rect(test_id);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = px(14);
    dl->AddRectFilled(ImVec2(pos.x, pos.y + px(2)), ImVec2(max.x, max.y + px(2)), IM_COL32(0, 0, 0, 14), rounding);
    dl->AddRectFilled(pos, max, hovered ? p.surface_hover : p.surface, rounding);
    dl->AddRect(pos, max, hovered ? p.accent : p.border, rounding, 0, px(1));
    draw_focus_ring(pos, max, rounding);

    const float pad = px(kCardPadding);
    ImVec2 cur(pos.x + pad, pos.y + pad);
    dl->AddRectFilled(cur, ImVec2(cur.x + px(kIconBox), cur.y + px(kIconBox)), p.overlay, px(10));
    draw_card_icon(dl, ImVec2(cur.x + px(kIconBox) / 2, cur.y + px(kIconBox) / 2), px(18), icon, p.accent);
    cur.y += px(kIconBox) + px(16);
    dl->AddText(g_fonts.heading, g_fonts.heading->FontSize, cur, p.text, title);
    cur.y += g_fonts.heading->FontSize + px(8);
    const float inner = width - 2 * pad;
    dl->AddText(g_fonts.body, g_fonts.body->FontSize, cur, p.muted, body, nullptr, inner);
    const ImVec2 action_size = g_fonts.body->CalcTextSizeA(g_fonts.body->FontSize, FLT_MAX, 0, action);
    dl->AddText(g_fonts.body, g_fonts.body->FontSize, ImVec2(pos.x + pad, max.y - pad - action_size.y), p.accent, action);
    return pressed;
}

// ---- A link to hand out, and its QR code ---------------------------------------------------------
namespace {
constexpr int kLinkLines = 4;  // lines of a link shown before "Show the whole link"
}

// The link cut into lines at most `width` wide, anywhere: a link has no spaces to break at.
static std::vector<std::string_view> wrap_anywhere(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    float line_width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const float advance = font->GetCharAdvance(static_cast<ImWchar>(static_cast<unsigned char>(text[i])));
        if (line_width + advance > width && i > start) {
            lines.push_back(text.substr(start, i - start));
            start = i;
            line_width = 0;
        }
        line_width += advance;
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

// The link in an inset box; clicking it copies it. A long link shows its first lines, and the
// whole on request.
bool link_box(const std::string& link, float width, bool& whole, const char* test_id, const char* whole_test_id) {
    const Palette& p = palette();
    const float pad = px(12);
    const std::vector<std::string_view> lines = wrap_anywhere(link, width - 2 * pad);
    const bool shortened = !whole && lines.size() > std::size_t(kLinkLines);
    const std::size_t shown = shortened ? std::size_t(kLinkLines) : lines.size();
    const float line_h = ImGui::GetTextLineHeight();

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, shown * line_h + 2 * pad);
    ImGui::PushID(test_id);
    const bool clicked = ImGui::InvisibleButton("##link", size);
    ImGui::PopID();
    test_rect(test_id);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetTooltip("Click to copy the link");
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, p.background, px(8));
    dl->AddRect(pos, max, hovered ? p.accent : p.border, px(8), 0, px(1));
    draw_focus_ring(pos, max, px(8));
    for (std::size_t i = 0; i < shown; ++i) {
        std::string line(lines[i]);
        if (shortened && i + 1 == shown) line = line.substr(0, line.size() - 2) + "…";
        dl->AddText(ImVec2(pos.x + pad, pos.y + pad + i * line_h), p.text, line.c_str());
    }
    if (lines.size() > std::size_t(kLinkLines)) {
        if (link_button(whole ? "Show less" : "Show the whole link", whole_test_id))
            whole = !whole;
    }
    return clicked;
}

constexpr int kQuietModules = 4;  // the white border the QR standard asks for

// The size of a module (framebuffer pixels): a whole number of pixels so the code stays sharp,
// the code about `side` wide but no module under 2 logical pixels (smaller is hard to scan from a
// screen) unless `most` is all the room there is.
float qr_module(const loupe::QrCode& qr, float side, float most) {
    const int modules = qr.size + 2 * kQuietModules;
    const float module = std::max(std::floor(side / modules), std::round(px(2)));
    return module * modules <= most ? module : std::max(1.0f, std::floor(most / modules));
}

// Dark modules on white with the quiet zone; a row's neighbouring dark modules are one rectangle.
float qr_side(const loupe::QrCode& qr, float module) { return module * (qr.size + 2 * kQuietModules); }

void qr_view(const loupe::QrCode& qr, float module, const char* test_id) {
    const float side = module * (qr.size + 2 * kQuietModules);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    pos = ImVec2(std::round(pos.x), std::round(pos.y));
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(side, side));
    test_rect(test_id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE, px(6));
    const ImU32 ink = IM_COL32(0, 0, 0, 255);
    const float quiet = kQuietModules * module;
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size;) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (x < qr.size && qr.dark(x, y)) ++x;
            const ImVec2 a(pos.x + quiet + run_start * module, pos.y + quiet + y * module);
            dl->AddRectFilled(a, ImVec2(pos.x + quiet + x * module, a.y + module), ink);
        }
}

void link_with_qr(const loupe::QrCode* qr, float inner, const char* qr_test_id,
                  const std::function<void(float width)>& details, const std::function<void()>& no_qr) {
    const float gap = px(24);
    const float wide_module = qr ? qr_module(*qr, px(216), inner) : 0;
    const float wide_side = qr ? qr_side(*qr, wide_module) : 0;
    if (qr && inner >= wide_side + gap + px(300)) {  // the code beside the link
        qr_view(*qr, wide_module, qr_test_id);
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - wide_side - gap);
        details(inner - wide_side - gap);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return;
    }
    details(inner);
    ImGui::Dummy(ImVec2(0, px(4)));
    if (qr) {
        const float module = qr_module(*qr, std::min(inner, px(280)), inner);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - qr_side(*qr, module)) / 2);
        qr_view(*qr, module, qr_test_id);
    } else {
        no_qr();
    }
}

// ---- codes ------------------------------------------------------------------------------------
void code_box(const std::string& code, float width, ImU32 fill, const char* test_id) {
    const Palette& p = palette();
    const float inner = width - px(32);
    std::vector<std::string> lines(1);
    for (char ch : code) {
        if (ImGui::CalcTextSize((lines.back() + ch).c_str()).x > inner) lines.emplace_back();
        lines.back() += ch;
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 box(width, lines.size() * line_h + px(28));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), fill, px(12));
    dl->AddRect(at, ImVec2(at.x + box.x, at.y + box.y), p.border, px(12), 0, px(1));
    for (std::size_t i = 0; i < lines.size(); ++i)
        dl->AddText(ImVec2(at.x + px(16), at.y + px(14) + i * line_h), p.text, lines[i].c_str());
    ImGui::Dummy(box);
    test_rect(test_id);
}
