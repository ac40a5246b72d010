// theme.cpp — colours, spacing and fonts.
//
// ImGui works in framebuffer pixels (see sdl_main.cpp): every size here is a logical (CSS)
// size multiplied by the pixel ratio, and fonts are rasterised at that density.
//
// Fonts: Inter draws Latin, Greek and Cyrillic; what English and the European languages of the
// Latin script need is embedded, the rest of Latin, Greek and Cyrillic come in pieces, as Chinese,
// Japanese and Korean come from a subset of Noto Sans CJK: each fetched only once some text on
// screen needs it (the ranges are set in cmake/app.cmake). Until a needed piece has arrived the
// page keeps its loading screen (fonts_fetching, loop.cpp), at most a few seconds. Beyond the
// app's own words, only characters in use are rasterised into the atlas: Dear ImGui's glyph
// lookup reports what drawn text lacked (cmake/imgui_missing_glyphs.cmake), and the atlas is
// built again with it before the next frame.
// Whatever no font has is drawn as an outlined box, never as a "?" that could be taken for text.
#include "app/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "platform.h"

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

// ---- Glyphs on demand ---------------------------------------------------------------------------
// Rasterised from the start: what the app's own words use (ASCII, Latin-1, punctuation, its few
// symbols). Any other character joins the atlas once some drawn text needs it: at once if the
// embedded fonts have it, once its font piece has arrived otherwise. All of them at every size
// would make the atlas four times larger (16 MB of texture on a phone).
constexpr ImWchar kUpFront[] = {0x0020, 0x00FF, 0x2010, 0x203A, 0x2190, 0x2197, 0x2212, 0x2212,
                                0x2713, 0x2713, 0x25CB, 0x25CF};
// What each font has, in first-last pairs (cmake/app.cmake cuts Inter to these).
constexpr ImWchar kBase[] = {LOUPE_BASE_RANGES};  // embedded
constexpr ImWchar kLatin[] = {LOUPE_LATIN_RANGES};
constexpr ImWchar kGreek[] = {LOUPE_GREEK_RANGES};
constexpr ImWchar kCyrillic[] = {LOUPE_CYRILLIC_RANGES};
constexpr ImWchar kCjk[] = {
    0x1100, 0x11FF,  // Hangul Jamo
    0x2E80, 0x2FDF,  // CJK radicals
    0x3000, 0x33FF,  // CJK punctuation, kana, Bopomofo, compatibility Jamo...
    0x3400, 0x4DBF,  // CJK Extension A
    0x4E00, 0x9FFF,  // CJK Unified Ideographs
    0xAC00, 0xD7AF,  // Hangul syllables
    0xF900, 0xFAFF,  // CJK compatibility ideographs
    0xFF00, 0xFFEF,  // half- and full-width forms
};

// Dear ImGui sizes a font by its line (ascent to descent): Inter's is 1.210 em, Noto Sans CJK's
// 1.448 em (their hhea tables). Asked for the same pixels, CJK characters would come out a fifth
// smaller than the Latin text around them; scaled up by the ratio, both have the same em.
constexpr float kCjkScale = 1.448f / (3408.0f / 2816.0f);

enum class Face { Regular, SemiBold, Both };  // Both: one file serves body and headings
enum class Fetch { NotNeeded, Fetching, Ready, Unavailable };

// A font file beside the page (installed by cmake/app.cmake), fetched the first time drawn text
// needs one of its characters, and merged into the fonts of its face from then on.
struct FontPiece {
    const char* path;
    std::span<const ImWchar> covers;
    Face face;
    float scale;  // drawn at this many times the font's pixels (kCjkScale)
};
constexpr FontPiece kPieces[] = {
    {"fonts/inter-latin-regular.otf", kLatin, Face::Regular, 1.0f},
    {"fonts/inter-latin-semibold.otf", kLatin, Face::SemiBold, 1.0f},
    {"fonts/inter-greek-regular.otf", kGreek, Face::Regular, 1.0f},
    {"fonts/inter-greek-semibold.otf", kGreek, Face::SemiBold, 1.0f},
    {"fonts/inter-cyrillic-regular.otf", kCyrillic, Face::Regular, 1.0f},
    {"fonts/inter-cyrillic-semibold.otf", kCyrillic, Face::SemiBold, 1.0f},
    // Chinese, Japanese and Korean: Noto Sans CJK cut to the common characters.
    {"fonts/noto-sans-cjk.otf", kCjk, Face::Both, kCjkScale},
};
struct Fetched {
    Fetch state = Fetch::NotNeeded;
    std::vector<std::uint8_t> bytes;  // the file; the atlas reads it at every build
    double failed_at = 0;             // when the last fetch failed (now_seconds)
    std::vector<ImWchar> ranges;      // what of it the atlas has, alive until the next build
};
Fetched fetched[std::size(kPieces)];  // by kPieces' index

struct Glyphs {
    std::set<ImWchar> missing;        // heard from ImGuiMissingGlyphHook since the last frame
    std::string placeholders;         // what the last frame drew as the placeholder (UTF-8), for tests
    std::set<ImWchar> wanted;         // characters beyond kUpFront drawn text has needed so far
    std::vector<ImWchar> text_ranges;  // kUpFront and the wanted ones of kBase, alive until the next build
    bool rebuild = false;
    bool large_wanted = false, large_loaded = false;  // want_large_type, and what the atlas has
};
Glyphs glyphs;

bool covers(std::span<const ImWchar> ranges, ImWchar c) {
    for (std::size_t i = 0; i + 1 < ranges.size(); i += 2)
        if (c >= ranges[i] && c <= ranges[i + 1]) return true;
    return false;
}

// `first` and then every wanted character of `font`, as Dear ImGui's zero-ended glyph ranges.
std::vector<ImWchar> glyph_ranges(std::span<const ImWchar> first, std::span<const ImWchar> font) {
    std::vector<ImWchar> ranges(first.begin(), first.end());
    for (ImWchar c : glyphs.wanted)
        if (covers(font, c)) ranges.insert(ranges.end(), {c, c});
    ranges.push_back(0);
    return ranges;
}

void note_missing_glyph(unsigned int c) { glyphs.missing.insert(static_cast<ImWchar>(c)); }

// ---- Building the atlas -----------------------------------------------------------------------------
ImFont* add_font(const unsigned char* data, unsigned size, float pixels, const ImWchar* ranges, bool merge = false) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes outlive the atlas (embedded, or kept in `glyphs`)
    config.OversampleH = 1;               // rasterised at the real density: no oversampling needed
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.MergeMode = merge;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                      pixels, &config, ranges);
}

// Merges the pieces of this face that have arrived and have characters drawn text wanted.
void add_pieces(Face face, float pixels) {
    for (std::size_t i = 0; i < std::size(kPieces); ++i) {
        const Fetched& f = fetched[i];
        const bool this_face = kPieces[i].face == face || kPieces[i].face == Face::Both;
        if (f.state == Fetch::Ready && f.ranges.size() > 1 && this_face)
            add_font(f.bytes.data(), static_cast<unsigned>(f.bytes.size()), pixels * kPieces[i].scale, f.ranges.data(),
                     true);
    }
}

// The placeholder for characters no font has: a box about as tall as a capital letter, as the
// glyph for U+FFFD, which Dear ImGui then uses as its fallback. `pixels` is the font's size (its
// FontSize is only set by the build).
struct Placeholder {
    ImFont* font;
    float pixels;
    int rect;
};

Placeholder add_placeholder(ImFont* font, float pixels) {
    const int w = std::max(3, static_cast<int>(std::lround(pixels * 0.45f)));
    const int h = std::max(4, static_cast<int>(std::lround(pixels * 0.6f)));
    const float advance = static_cast<float>(w) + std::round(pixels * 0.18f);
    const ImVec2 offset(std::round(pixels * 0.09f), std::round(pixels * 0.8f) - static_cast<float>(h));
    return {font, pixels,
            ImGui::GetIO().Fonts->AddCustomRectFontGlyph(font, IM_UNICODE_CODEPOINT_INVALID, w, h, advance, offset)};
}

void draw_placeholder(const Placeholder& placeholder) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(placeholder.rect);
    const int stroke = std::max(1, static_cast<int>(std::lround(placeholder.pixels / 16.0f)));
    for (int y = 0; y < r->Height; ++y)
        for (int x = 0; x < r->Width; ++x) {
            const bool edge = x < stroke || y < stroke || x >= r->Width - stroke || y >= r->Height - stroke;
            atlas->TexPixelsAlpha8[(r->Y + y) * atlas->TexWidth + r->X + x] = edge ? 0xFF : 0x00;
        }
}

}  // namespace

Fonts load_fonts(float pixel_ratio) {
    // The title size is the largest raster: screen titles are the app's own English words, and
    // people's titles are drawn in it only when it has all their characters (font_has_all).
    static const ImWchar title_ranges[] = {0x0020, 0x007E, 0x2019, 0x2019, 0};
    ImGuiMissingGlyphHook = note_missing_glyph;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    glyphs.text_ranges = glyph_ranges(kUpFront, kBase);
    for (std::size_t i = 0; i < std::size(kPieces); ++i) fetched[i].ranges = glyph_ranges({}, kPieces[i].covers);
    const ImWchar* text_ranges = glyphs.text_ranges.data();

    Fonts fonts;
    fonts.body = add_font(font_inter_regular, font_inter_regular_size, 16.0f * pixel_ratio, text_ranges);
    add_pieces(Face::Regular, 16.0f * pixel_ratio);
    fonts.heading = add_font(font_inter_semibold, font_inter_semibold_size, 19.0f * pixel_ratio, text_ranges);
    add_pieces(Face::SemiBold, 19.0f * pixel_ratio);
    fonts.title = add_font(font_inter_semibold, font_inter_semibold_size, 30.0f * pixel_ratio, title_ranges);
    std::vector<Placeholder> placeholders = {add_placeholder(fonts.body, 16.0f * pixel_ratio),
                                             add_placeholder(fonts.heading, 19.0f * pixel_ratio),
                                             add_placeholder(fonts.title, 30.0f * pixel_ratio)};
    fonts.large = fonts.heading;
    glyphs.large_loaded = glyphs.large_wanted;
    if (glyphs.large_loaded) {
        fonts.large = add_font(font_inter_regular, font_inter_regular_size, 30.0f * pixel_ratio, text_ranges);
        add_pieces(Face::Regular, 30.0f * pixel_ratio);
        placeholders.push_back(add_placeholder(fonts.large, 30.0f * pixel_ratio));
    }
    atlas->Build();
    for (const Placeholder& p : placeholders) draw_placeholder(p);
    return fonts;
}

bool font_has_all(const ImFont* font, const char* text) {
    for (const char* s = text; *s;) {
        unsigned int c = 0;
        s += ImTextCharFromUtf8(&c, s, nullptr);
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
    }
    return true;
}

void want_large_type(bool wanted) { glyphs.large_wanted = wanted; }

bool fonts_update(std::vector<platform::OpenedFile>& assets) {
    for (platform::OpenedFile& asset : assets)
        for (std::size_t i = 0; i < std::size(kPieces); ++i) {
            if (asset.name != kPieces[i].path) continue;
            Fetched& f = fetched[i];
            f.state = asset.error.empty() ? Fetch::Ready : Fetch::Unavailable;
            f.failed_at = platform::now_seconds();
            f.bytes = std::move(asset.bytes);
            glyphs.rebuild |= f.state == Fetch::Ready;
        }
    assets.clear();
    glyphs.placeholders.clear();
    for (ImWchar c : glyphs.missing) {
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, c);
        glyphs.placeholders += utf8;
        if (!glyphs.wanted.insert(c).second) continue;
        glyphs.rebuild |= covers(kBase, c);
        for (std::size_t i = 0; i < std::size(kPieces); ++i) {
            if (!covers(kPieces[i].covers, c)) continue;
            Fetched& f = fetched[i];
            glyphs.rebuild |= f.state == Fetch::Ready;
            // Offline on first use: a new character tries again, at most every half minute.
            const bool retry = f.state == Fetch::Unavailable && platform::now_seconds() - f.failed_at > 30;
            if (f.state == Fetch::NotNeeded || retry) {
                f.state = Fetch::Fetching;
                platform::fetch_asset(kPieces[i].path);
            }
        }
    }
    glyphs.missing.clear();
    glyphs.rebuild |= glyphs.large_wanted != glyphs.large_loaded;
    return std::exchange(glyphs.rebuild, false);
}

bool fonts_fetching() {
    return std::any_of(std::begin(fetched), std::end(fetched),
                       [](const Fetched& f) { return f.state == Fetch::Fetching; });
}

const std::string& fonts_placeholders_drawn() { return glyphs.placeholders; }

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
