// chart.h — the ranked bar chart of item scores with 95% intervals: on screen, and as a PNG.
//
// One drawing function serves both, with an explicit scale (framebuffer pixels per logical
// pixel) and palette, so the saved picture is the chart the author sees, in the light theme and
// at a fixed width however the window is sized or scrolled.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "app/theme.h"

struct ChartBar {
    std::string label;
    double value = 0;
    double low = 0, high = 0;  // the 95% interval; NaN when there is none
};

struct Chart {
    std::vector<ChartBar> bars;  // drawn top to bottom: best first
    std::string axis;            // what the numbers are, written under the axis
    int decimals = 1;
};

float chart_height(const Chart& chart, float width, float scale);
// Draws at `origin`, `width` framebuffer pixels wide; `scale` is framebuffer pixels per logical
// pixel (on screen, px(1)). Returns the index of the bar under the mouse, or -1.
int draw_chart(ImDrawList* dl, ImVec2 origin, float width, const Chart& chart, const Palette& palette, float scale,
               bool hover);

// A picture of the chart under `title` and `subtitle`, 960 logical pixels wide at the screen's
// pixel density, light theme; empty when the graphics driver cannot draw it.
std::vector<std::uint8_t> chart_png(const Chart& chart, const std::string& title, const std::string& subtitle);
