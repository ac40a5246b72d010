// theme.h — Loupe's look: colours for light and dark, fonts rasterised for the screen's density.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"

namespace platform { struct OpenedFile; }

struct Palette {
    ImU32 background, surface, surface_hover, border, text, muted, accent, accent_text, danger, overlay;
};

struct Fonts {
    ImFont* body = nullptr;     // Inter Regular 16
    ImFont* heading = nullptr;  // Inter SemiBold 19
    ImFont* title = nullptr;    // Inter SemiBold 30
    ImFont* large = nullptr;    // Inter Regular 30 for any text, while want_large_type(true); else `heading`
};

// Loads the fonts at `pixel_ratio` times their size, so glyphs map 1:1 to pixels: the embedded
// ones, and the CJK font for the characters text has needed so far, once it has arrived.
Fonts load_fonts(float pixel_ratio);
// The presenting view's large type is rasterised only while it is on screen (it would double the
// atlas). The shell wishes it away at the start of every frame, the presenting view wishes it back,
// and the fonts are loaded again after a frame whose wish differs from what is loaded.
void want_large_type(bool wanted);
// After each frame, with what fetch_asset delivered: asks for the font pieces that have characters
// drawn text needed, and returns true when the fonts should be loaded again to draw new ones.
bool fonts_update(std::vector<platform::OpenedFile>& assets);
// Whether a font piece drawn text needs is on its way.
bool fonts_fetching();
// Test-only: the characters the last frame drew as the placeholder box (UTF-8), e.g. CJK ones
// while their font is on its way.
const std::string& fonts_placeholders_drawn();
// Whether `font` draws every character of `text` (UTF-8) itself, without the placeholder.
bool font_has_all(const ImFont* font, const char* text);
// Sets ImGui's colours and sizes; sizes are in framebuffer pixels (logical size * pixel_ratio).
void apply_theme(bool dark, float pixel_ratio);
const Palette& palette();
const Palette& light_palette();  // for pictures that leave the app, whatever the theme in use
