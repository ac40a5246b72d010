// imgui_config.h — Loupe's Dear ImGui build settings (IMGUI_USER_CONFIG).
#pragma once
// 32-bit indices: WebGL2 has no base-vertex draw call, so one draw list over 65,535 vertices
// would assert with 16-bit indices (TOOLCHAIN.md, gotcha 10).
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// No files: the app keeps no imgui.ini and loads fonts from memory, and on the web, file functions
// would bring in Emscripten's whole file system (storage is web/pre.js's own).
#define IMGUI_DISABLE_FILE_FUNCTIONS
// 32-bit characters: with 16-bit ones a text field turns every character beyond U+FFFF (emoji,
// rare CJK) into U+FFFD when it is edited, and people's text must stay exactly as they wrote it.
#define IMGUI_USE_WCHAR32
// Called with each character drawn text needed and no font had (cmake/imgui_missing_glyphs.cmake).
extern void (*ImGuiMissingGlyphHook)(unsigned int codepoint);
// InputTextMultiline(..., ImGuiInputTextFlags_WordWrap): long lines wrap at the field's width
// instead of scrolling sideways; the text itself is unchanged (cmake/imgui_text_fields.cmake).
// Dear ImGui 1.92.3 has its own flag of this name: drop ours (and the patch) when upgrading.
constexpr int ImGuiInputTextFlags_WordWrap = 1 << 24;
