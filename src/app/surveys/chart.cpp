// chart.cpp — drawing the ranked chart with ImGui's draw list, and rendering it to a PNG.
#include "app/surveys/chart.h"

#include <algorithm>
#include <cmath>

#include "core/shared/png.h"
#include "platform/platform.h"
#include "app/surveys/results_ui.h"
#include "app/shell.h"

namespace {

// Sizes in logical pixels.
constexpr float kRowHeight = 34;
constexpr float kBarThickness = 16;
constexpr float kGap = 14;
constexpr float kAxisHeight = 30;
constexpr float kPictureWidth = 960;
constexpr float kPicturePadding = 36;

struct Range {
    double low = 0, high = 1, step = 1;
};

// Axis limits on round numbers (1, 2 or 5 times a power of ten), always including 0.
Range nice_range(const Chart& chart) {
    double low = 0, high = 0;
    for (const ChartBar& b : chart.bars) {
        for (double v : {b.value, b.low, b.high})
            if (std::isfinite(v)) low = std::min(low, v), high = std::max(high, v);
    }
    if (high - low <= 0) high = low + 1;
    const double rough = (high - low) / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= rough) {
            step = m * magnitude;
            break;
        }
    return {std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

}  // namespace

namespace {

// Where things go, for a chart `width` framebuffer pixels wide. Narrow charts (a phone) put each
// label on its own line above its bar, so labels need not be cut short.
struct Layout {
    float text_size = 0;
    bool stacked = false;
    float row = 0;         // height of one item
    float label_w = 0;     // side by side: the label column
    float value_w = 0;
    float plot_left = 0, plot_right = 0;  // from the chart's left edge
    float bar_y = 0;       // bar centre, from the row's top
    float caption_h = 0;
};

Layout layout_of(const Chart& chart, float width, float scale) {
    ImFont* font = g_fonts.body;
    Layout l;
    l.text_size = font->FontSize * scale / g_pixel_ratio;
    auto text_width = [&](const std::string& t) { return font->CalcTextSizeA(l.text_size, FLT_MAX, 0, t.c_str()).x; };
    for (const ChartBar& b : chart.bars) {
        l.label_w = std::max(l.label_w, text_width(b.label));
        l.value_w = std::max(l.value_w, text_width(fixed(b.value, chart.decimals)));
    }
    l.stacked = width / scale < 480;
    if (l.stacked) {
        l.row = l.text_size + scale * (6 + kBarThickness + 14);
        l.bar_y = l.text_size + scale * (6 + kBarThickness / 2);
        l.plot_left = 0;
    } else {
        l.row = scale * kRowHeight;
        l.bar_y = l.row / 2;
        l.label_w = std::clamp(l.label_w, width * 0.18f, width * 0.4f);
        l.plot_left = l.label_w + scale * kGap;
    }
    l.plot_right = width - l.value_w - scale * kGap;
    l.caption_h = font->CalcTextSizeA(l.text_size, FLT_MAX, width - l.plot_left, chart.axis.c_str()).y;
    return l;
}

}  // namespace

float chart_height(const Chart& chart, float width, float scale) {
    const Layout l = layout_of(chart, width, scale);
    return l.row * float(chart.bars.size()) + scale * kAxisHeight + l.caption_h + scale * 4;
}

int draw_chart(ImDrawList* dl, ImVec2 origin, float width, const Chart& chart, const Palette& p, float scale,
               bool hover) {
    ImFont* font = g_fonts.body;
    const Layout l = layout_of(chart, width, scale);
    auto s = [&](float logical) { return logical * scale; };
    auto text_width = [&](const std::string& t) { return font->CalcTextSizeA(l.text_size, FLT_MAX, 0, t.c_str()).x; };
    const float plot_left = origin.x + l.plot_left, plot_right = origin.x + l.plot_right;
    const Range range = nice_range(chart);
    auto x_of = [&](double v) {
        return float(plot_left + (plot_right - plot_left) * (v - range.low) / (range.high - range.low));
    };
    const float rows_bottom = origin.y + l.row * float(chart.bars.size());

    // Grid and axis labels first, so bars cover them.
    for (double t = range.low; t <= range.high + range.step / 2; t += range.step) {
        const float x = std::round(x_of(t));
        const ImU32 color = std::fabs(t) < range.step / 2 ? p.muted : p.border;  // the zero line stands out
        if (!l.stacked) {
            dl->AddLine(ImVec2(x, origin.y), ImVec2(x, rows_bottom), color, s(1));
        } else {  // labels sit above their bars, from the axis on: the lines leave them clear
            for (std::size_t i = 0; i < chart.bars.size(); ++i) {
                const float top = origin.y + l.row * float(i);
                dl->AddLine(ImVec2(x, top + l.text_size + s(3)), ImVec2(x, top + l.row), color, s(1));
            }
        }
        const std::string label = fixed(t, range.step < 1 ? (range.step < 0.1 ? 2 : 1) : 0);
        dl->AddText(font, l.text_size, ImVec2(x - text_width(label) / 2, rows_bottom + s(6)), p.muted, label.c_str());
    }
    dl->AddText(font, l.text_size, ImVec2(plot_left, rows_bottom + s(kAxisHeight)), p.muted, chart.axis.c_str(),
                nullptr, width - l.plot_left);

    int hovered = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const ChartBar& b = chart.bars[i];
        const float top = origin.y + l.row * float(i);
        const float mid = top + l.bar_y;
        if (hover && mouse.x >= origin.x && mouse.x < origin.x + width && mouse.y >= top && mouse.y < top + l.row) {
            hovered = int(i);
            dl->AddRectFilled(ImVec2(origin.x - s(8), top), ImVec2(origin.x + width + s(8), top + l.row), p.overlay,
                              s(6));
        }
        if (l.stacked) {
            const std::string label = shortened(font, l.text_size, b.label, width);
            dl->AddText(font, l.text_size, ImVec2(origin.x, top), p.text, label.c_str());
        } else {
            const std::string label = shortened(font, l.text_size, b.label, l.label_w);
            dl->AddText(font, l.text_size, ImVec2(origin.x, mid - l.text_size / 2), p.text, label.c_str());
        }

        const float zero = x_of(0), end = x_of(b.value);
        const float half = s(kBarThickness) / 2;
        dl->AddRectFilled(ImVec2(std::min(zero, end), mid - half), ImVec2(std::max(zero, end), mid + half), p.accent,
                          s(3));
        if (std::isfinite(b.low) && std::isfinite(b.high)) {
            const float lo = x_of(b.low), hi = x_of(b.high), cap = s(5);
            dl->AddLine(ImVec2(lo, mid), ImVec2(hi, mid), p.text, s(1.5f));
            dl->AddLine(ImVec2(lo, mid - cap), ImVec2(lo, mid + cap), p.text, s(1.5f));
            dl->AddLine(ImVec2(hi, mid - cap), ImVec2(hi, mid + cap), p.text, s(1.5f));
        }
        const std::string value = fixed(b.value, chart.decimals);
        dl->AddText(font, l.text_size, ImVec2(origin.x + width - text_width(value), mid - l.text_size / 2), p.text,
                    value.c_str());
    }
    return hovered;
}

std::vector<std::uint8_t> chart_png(const Chart& chart, const std::string& title, const std::string& subtitle) {
    const Palette& p = light_palette();
    // At the screen's density the glyphs are drawn 1:1, as crisp as on screen; a driver that
    // refuses so large a picture gets one at 1x.
    for (float scale : {std::max(1.0f, g_pixel_ratio), 1.0f}) {
        const float pad = kPicturePadding * scale;
        const float heading = g_fonts.heading->FontSize * scale / g_pixel_ratio;
        const float body = g_fonts.body->FontSize * scale / g_pixel_ratio;
        const int width = int(kPictureWidth * scale);
        const float text_w = float(width) - 2 * pad;
        const float subtitle_h = g_fonts.body->CalcTextSizeA(body, FLT_MAX, text_w, subtitle.c_str()).y;
        const float chart_top = pad + heading + scale * 8 + subtitle_h + scale * 24;
        const int height = int(chart_top + chart_height(chart, float(width) - 2 * pad, scale) + pad);

        ImDrawList dl(ImGui::GetDrawListSharedData());
        dl._ResetForNewFrame();
        dl.PushClipRect(ImVec2(0, 0), ImVec2(float(width), float(height)));
        dl.PushTextureID(ImGui::GetIO().Fonts->TexID);
        dl.AddRectFilled(ImVec2(0, 0), ImVec2(float(width), float(height)), p.background);
        dl.AddText(g_fonts.heading, heading, ImVec2(pad, pad), p.text, title.c_str());
        dl.AddText(g_fonts.body, body, ImVec2(pad, pad + heading + scale * 8), p.muted, subtitle.c_str(), nullptr,
                   text_w);
        draw_chart(&dl, ImVec2(pad, chart_top), float(width) - 2 * pad, chart, p, scale, false);

        ImDrawList* lists[] = {&dl};
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.TotalVtxCount = dl.VtxBuffer.Size;
        data.TotalIdxCount = dl.IdxBuffer.Size;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImVec2(float(width), float(height));
        data.FramebufferScale = ImVec2(1, 1);
        const std::vector<std::uint8_t> rgba = platform::render_pixels(data, width, height);
        if (!rgba.empty()) return loupe::encode_png(width, height, rgba);
    }
    return {};
}
