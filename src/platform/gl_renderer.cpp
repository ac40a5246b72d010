// gl_renderer.cpp — Dear ImGui renderer for WebGL2 and desktop OpenGL 3.3.
//
// ImGui works in framebuffer pixels here (see sdl_main.cpp), so the projection maps pixels
// straight to clip space and scissor rectangles need no scaling.
#include "gl_renderer.h"

#include <algorithm>
#include <cstring>

#include "gl.h"
#include "imgui.h"

extern const unsigned char shader_imgui_vert[];
extern const unsigned char shader_imgui_frag[];

namespace gl_renderer {
namespace {

GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
GLint u_projection = -1, u_texture = -1;

// The sources start with the GLES "#version" line; desktop GL gets its own.
std::string with_platform_version(const unsigned char* source) {
    std::string text(reinterpret_cast<const char*>(source));
    return LOUPE_GLSL_VERSION + text.substr(text.find('\n'));
}

GLuint compile(GLenum type, const unsigned char* source, std::string& error) {
    const std::string text = with_platform_version(source);
    const char* str = text.c_str();
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &str, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        error = std::string("shader compilation failed: ") + log;
    }
    return shader;
}

}  // namespace

bool init(std::string& error) {
    GLuint vs = compile(GL_VERTEX_SHADER, shader_imgui_vert, error);
    GLuint fs = compile(GL_FRAGMENT_SHADER, shader_imgui_frag, error);
    if (!error.empty()) return false;
    program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glBindAttribLocation(program, 0, "a_position");
    glBindAttribLocation(program, 1, "a_uv");
    glBindAttribLocation(program, 2, "a_color");
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        error = "shader program failed to link";
        return false;
    }
    u_projection = glGetUniformLocation(program, "u_projection");
    u_texture = glGetUniformLocation(program, "u_texture");

    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &vbo);
    glGenBuffers(1, &ebo);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(ImDrawVert, pos));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(ImDrawVert, uv));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (void*)offsetof(ImDrawVert, col));
    glBindVertexArray(0);
    return true;
}

namespace {

// Fills `texture` with RGBA pixels, filtered linearly and clamped at the edges. Glyphs are
// rasterised at the screen's pixel density and drawn 1:1 on whole pixels, so linear filtering
// does not blur them; it only smooths shapes and pictures that are scaled or placed off-pixel.
void fill_texture(GLuint texture, const std::uint8_t* rgba, int width, int height) {
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

}  // namespace

void upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (font_texture == 0) glGenTextures(1, &font_texture);
    fill_texture(font_texture, pixels, width, height);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture)));
    io.Fonts->ClearTexData();  // the GPU has it; keep only the glyph tables in memory
}

std::uintptr_t create_texture(const std::uint8_t* rgba, int width, int height) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    fill_texture(texture, rgba, width, height);
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &texture);
        return 0;
    }
    return texture;
}

void destroy_texture(std::uintptr_t texture) {
    const GLuint id = GLuint(texture);
    if (id) glDeleteTextures(1, &id);
}

namespace {

// Draws the lists into the bound framebuffer, whose height is `fb_height` (scissor rectangles
// count from its bottom).
void draw(const ImDrawData* data, int fb_height) {
    if (!data || data->TotalVtxCount == 0) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    // Keep destination alpha at 1 so the page behind the canvas never shows through.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);

    const float L = data->DisplayPos.x, R = L + data->DisplaySize.x;
    const float T = data->DisplayPos.y, B = T + data->DisplaySize.y;
    const float projection[16] = {
        2.0f / (R - L), 0, 0, 0,  0, 2.0f / (T - B), 0, 0,  0, 0, -1, 0,
        (R + L) / (L - R), (T + B) / (B - T), 0, 1,
    };
    glUseProgram(program);
    glUniformMatrix4fv(u_projection, 1, GL_FALSE, projection);
    glUniform1i(u_texture, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);

    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * sizeof(ImDrawIdx), list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                cmd.UserCallback(list, &cmd);
                continue;
            }
            const ImVec2 min(cmd.ClipRect.x - L, cmd.ClipRect.y - T);
            const ImVec2 max(cmd.ClipRect.z - L, cmd.ClipRect.w - T);
            if (max.x <= min.x || max.y <= min.y) continue;
            glScissor(static_cast<int>(min.x), static_cast<int>(fb_height - max.y),
                      static_cast<int>(max.x - min.x), static_cast<int>(max.y - min.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           (void*)(intptr_t)(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace

void render(const ImDrawData* data, int fb_width, int fb_height) {
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glViewport(0, 0, fb_width, fb_height);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    draw(data, fb_height);
}

std::vector<std::uint8_t> render_to_pixels(const ImDrawData* data, int width, int height) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width <= 0 || height <= 0 || width > max_size || height > max_size) return {};
    GLuint framebuffer = 0, colour = 0;
    glGenFramebuffers(1, &framebuffer);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    std::vector<std::uint8_t> rgba;
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
        glViewport(0, 0, width, height);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        draw(data, height);
        rgba.resize(std::size_t(width) * std::size_t(height) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
        // GL's rows run bottom to top; images run top to bottom.
        const std::size_t row = std::size_t(width) * 4;
        for (int y = 0; y < height / 2; ++y)
            std::swap_ranges(rgba.begin() + y * row, rgba.begin() + (y + 1) * row, rgba.end() - (y + 1) * row);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &colour);
    glDeleteFramebuffers(1, &framebuffer);
    return rgba;
}

void shutdown() {
    glDeleteTextures(1, &font_texture);
    glDeleteBuffers(1, &vbo);
    glDeleteBuffers(1, &ebo);
    glDeleteVertexArrays(1, &vao);
    glDeleteProgram(program);
    font_texture = vbo = ebo = vao = program = 0;
}

}  // namespace gl_renderer
