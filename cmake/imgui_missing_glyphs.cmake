# imgui_missing_glyphs.cmake — copies Dear ImGui 1.86's imgui_draw.cpp with a hook that hears which
# characters some drawn text needed and no loaded font has, and without the default font.
#
# Chinese, Japanese and Korean glyphs are too many to bake into the atlas up front: the app loads
# them when text on screen needs them (theme.cpp). ImFont::FindGlyph is where every drawn
# character is looked up, so its two "not found" returns call ImGuiMissingGlyphHook first
# (declared in imgui_config.h; null unless the app sets it).
# Usage: cmake -DINPUT=imgui_draw.cpp -DOUTPUT=imgui_draw_missing.cpp -P imgui_missing_glyphs.cmake
file(READ "${INPUT}" source)
set(old "const ImFontGlyph* ImFont::FindGlyph(ImWchar c) const
{
    if (c >= (size_t)IndexLookup.Size)
        return FallbackGlyph;
    const ImWchar i = IndexLookup.Data[c];
    if (i == (ImWchar)-1)
        return FallbackGlyph;
    return &Glyphs.Data[i];
}")
set(new "void (*ImGuiMissingGlyphHook)(unsigned int codepoint) = NULL;

const ImFontGlyph* ImFont::FindGlyph(ImWchar c) const
{
    const ImWchar i = c < (size_t)IndexLookup.Size ? IndexLookup.Data[c] : (ImWchar)-1;
    if (i == (ImWchar)-1)
    {
        if (ImGuiMissingGlyphHook)
            ImGuiMissingGlyphHook(c);
        return FallbackGlyph;
    }
    return &Glyphs.Data[i];
}")
string(FIND "${source}" "${old}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "imgui_missing_glyphs.cmake: ${INPUT} is not the Dear ImGui 1.86 it was written for")
endif()
string(REPLACE "${old}" "${new}" source "${source}")

# An atlas built with no font added gets ProggyClean, whose compressed copy is 12 KB of every
# download even though the app always adds its own. The app's atlas is never built empty; Dear
# ImGui's demo (bench/load/baseline) asks for ProggyClean itself.
set(old "    if (ConfigData.Size == 0)
        AddFontDefault();")
string(FIND "${source}" "${old}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "imgui_missing_glyphs.cmake: ${INPUT} is not the Dear ImGui 1.86 it was written for")
endif()
string(REPLACE "${old}" "    IM_ASSERT(ConfigData.Size > 0 && \"[Loupe] no default font: add one\");" source "${source}")
file(WRITE "${OUTPUT}" "${source}")
