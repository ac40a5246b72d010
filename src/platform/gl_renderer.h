// gl_renderer.h — draws Dear ImGui's draw lists with one shader program (shaders/imgui.*).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

struct ImDrawData;

namespace gl_renderer {

bool init(std::string& error);       // compiles the embedded shaders, creates buffers
void upload_font_atlas();            // (re)creates the atlas texture after the fonts change
void render(const ImDrawData* data, int framebuffer_width, int framebuffer_height);
// Draws into an offscreen image on a white background instead of the screen and returns its
// pixels (RGBA, rows from the top); empty when the driver refuses the size.
std::vector<std::uint8_t> render_to_pixels(const ImDrawData* data, int width, int height);
// A texture of width x height RGBA pixels (rows from the top), for ImGui::Image; 0 when the
// driver refuses it. Linear filtering: pictures are shown scaled.
std::uintptr_t create_texture(const std::uint8_t* rgba, int width, int height);
void destroy_texture(std::uintptr_t texture);
void shutdown();

}  // namespace gl_renderer
