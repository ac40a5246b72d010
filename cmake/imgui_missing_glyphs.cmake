# imgui_missing_glyphs.cmake — copies Dear ImGui 1.86's imgui_draw.cpp with a hook that hears which
# characters some drawn text needed and no loaded font has.
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
file(WRITE "${OUTPUT}" "${source}")
