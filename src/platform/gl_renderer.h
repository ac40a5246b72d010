// gl_renderer.h — draws Dear ImGui's draw lists with one shader program (shaders/imgui.*).
#pragma once
#include <string>

struct ImDrawData;

namespace gl_renderer {

bool init(std::string& error);       // compiles the embedded shaders, creates buffers
void upload_font_atlas();            // (re)creates the atlas texture after the fonts change
void render(const ImDrawData* data, int framebuffer_width, int framebuffer_height);
void shutdown();

}  // namespace gl_renderer
