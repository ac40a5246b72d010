// theme.cpp — colours, spacing and fonts.
//
// ImGui works in framebuffer pixels (see sdl_main.cpp): every size here is a logical (CSS)
// size multiplied by the pixel ratio, and fonts are rasterised at that density.
#include "theme.h"

extern const unsigned char font_inter_regular[];
extern const unsigned int font_inter_regular_size;
extern const unsigned char font_inter_semibold[];
extern const unsigned int font_inter_semibold_size;

namespace {

Palette current;

ImU32 rgb(unsigned hex, float alpha = 1.0f) {
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, static_cast<int>(alpha * 255));
}

const Palette kLight = {rgb(0xF6F6F3), rgb(0xFFFFFF), rgb(0xF0F0FF), rgb(0xE2E2DC), rgb(0x1B1B1F),
                        rgb(0x62626A), rgb(0x4F46E5), rgb(0xFFFFFF), rgb(0xC0362C), rgb(0x4F46E5, 0.10f)};
const Palette kDark = {rgb(0x131316), rgb(0x1D1D22), rgb(0x26263A), rgb(0x32323A), rgb(0xEDEDF0),
                       rgb(0xA0A0AA), rgb(0x8C84FF), rgb(0x131316), rgb(0xFF7B6E), rgb(0x8C84FF, 0.14f)};

ImFont* add_font(const unsigned char* data, unsigned size, float pixels, const ImWchar* ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the embedded bytes live for the whole run
    config.OversampleH = 1;               // rasterised at the real density: no oversampling needed
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                      pixels, &config, ranges);
}

}  // namespace

Fonts load_fonts(float pixel_ratio) {
    static const ImWchar text_ranges[] = {0x0020, 0x00FF, 0x2010, 0x203A, 0x2190, 0x2197,
                                          0x2212, 0x2212, 0x2713, 0x2713, 0x25CB, 0x25CF, 0};
    static const ImWchar heading_ranges[] = {0x0020, 0x00FF, 0x2010, 0x2026, 0};
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    Fonts fonts;
    fonts.body = add_font(font_inter_regular, font_inter_regular_size, 16.0f * pixel_ratio, text_ranges);
    fonts.heading = add_font(font_inter_semibold, font_inter_semibold_size, 19.0f * pixel_ratio, heading_ranges);
    // The title size is the largest raster: screen titles are ASCII, so only that is drawn at it.
    static const ImWchar title_ranges[] = {0x0020, 0x007E, 0x2019, 0x2019, 0};
    fonts.title = add_font(font_inter_semibold, font_inter_semibold_size, 30.0f * pixel_ratio, title_ranges);
    atlas->Build();
    return fonts;
}

const Palette& palette() { return current; }
const Palette& light_palette() { return kLight; }

void apply_theme(bool dark, float r) {
    current = dark ? kDark : kLight;
    const Palette& p = current;
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.FramePadding = ImVec2(12 * r, 10 * r);
    style.ItemSpacing = ImVec2(10 * r, 10 * r);
    style.ItemInnerSpacing = ImVec2(8 * r, 6 * r);
    style.TouchExtraPadding = ImVec2(2 * r, 2 * r);
    style.ScrollbarSize = 10 * r;
    style.GrabMinSize = 12 * r;
    style.WindowBorderSize = 0;
    style.PopupBorderSize = 1 * r;
    style.FrameBorderSize = 1 * r;
    style.WindowRounding = 0;
    style.ChildRounding = 10 * r;
    style.FrameRounding = 8 * r;
    style.PopupRounding = 10 * r;
    style.ScrollbarRounding = 6 * r;
    style.GrabRounding = 6 * r;
    style.WindowMinSize = ImVec2(32 * r, 32 * r);
    style.DisplaySafeAreaPadding = ImVec2(0, 0);
    style.AntiAliasedLinesUseTex = true;

    ImVec4* c = style.Colors;
    auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    const ImVec4 accent = v(p.accent);
    c[ImGuiCol_Text] = v(p.text);
    c[ImGuiCol_TextDisabled] = v(p.muted);
    c[ImGuiCol_WindowBg] = v(p.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = v(p.surface);
    c[ImGuiCol_Border] = v(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = v(p.surface);
    c[ImGuiCol_FrameBgHovered] = v(p.surface_hover);
    c[ImGuiCol_FrameBgActive] = v(p.surface_hover);
    c[ImGuiCol_Button] = v(p.surface);
    c[ImGuiCol_ButtonHovered] = v(p.surface_hover);
    c[ImGuiCol_ButtonActive] = v(p.overlay);
    c[ImGuiCol_Header] = v(p.overlay);
    c[ImGuiCol_HeaderHovered] = v(p.surface_hover);
    c[ImGuiCol_HeaderActive] = v(p.overlay);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = v(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = v(p.muted);
    c[ImGuiCol_ScrollbarGrabActive] = accent;
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = accent;
    c[ImGuiCol_Separator] = v(p.border);
    c[ImGuiCol_TextSelectedBg] = ImVec4(accent.x, accent.y, accent.z, 0.30f);
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_ModalWindowDimBg] = dark ? ImVec4(0, 0, 0, 0.55f) : ImVec4(0.1f, 0.1f, 0.12f, 0.35f);
}
