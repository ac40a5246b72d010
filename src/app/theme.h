// theme.h — Loupe's look: colours for light and dark, fonts rasterised for the screen's density.
#pragma once
#include "imgui.h"

struct Palette {
    ImU32 background, surface, surface_hover, border, text, muted, accent, accent_text, danger, overlay;
};

struct Fonts {
    ImFont* body = nullptr;     // Inter Regular 16
    ImFont* heading = nullptr;  // Inter SemiBold 19
    ImFont* title = nullptr;    // Inter SemiBold 30
};

// Loads the embedded fonts at `pixel_ratio` times their size, so glyphs map 1:1 to pixels.
Fonts load_fonts(float pixel_ratio);
// Sets ImGui's colours and sizes; sizes are in framebuffer pixels (logical size * pixel_ratio).
void apply_theme(bool dark, float pixel_ratio);
const Palette& palette();
const Palette& light_palette();  // for pictures that leave the app, whatever the theme in use
