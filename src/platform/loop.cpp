// loop.cpp — the event-driven frame loop, the same in the browser and on the desktop.
//
// Two choices shape it:
// * ImGui works in framebuffer pixels: DisplaySize is the drawable size and every input
//   coordinate is scaled by the pixel ratio, so fonts rasterised at that density are drawn 1:1
//   (crisp at any devicePixelRatio) and lines land on whole pixels.
// * Nothing is drawn while nothing happens. After input, or when the app asks, a few frames are
//   drawn; then the loop sleeps (the browser's main loop is paused; the desktop waits on SDL).
//   Input is fed to ImGui one press/release per frame so quick clicks and key taps are never lost
//   (ImGui 1.86 reads input as state, not as a queue).
//
// Index: Input · Frames · platform.h's share (wake, textures, pixels)
#include <algorithm>
#include <cfloat>
#include <deque>
#include <iterator>
#include <string>

#include "app/app.h"
#include "gl_renderer.h"
#include "imgui.h"
#include "loop.h"
#include "platform.h"

namespace {

constexpr int kFramesAfterInput = 3;  // hover, layout and popups settle within a few frames
// The first frame is shown once the fonts its text needs have arrived (a survey in Greek is never
// first seen as boxes), but no later than this after the start: a slow network shows the boxes
// and replaces them when the font comes.
constexpr double kFirstFrameFontWait = 3.0;

struct Loop {
    std::deque<InputEvent> pending;
    int frames_left = kFramesAfterInput;
    std::uint64_t frames_drawn = 0;
    float pixel_ratio = 0;
    double last_time = 0;
    double started = 0;
    bool first_frame_shown = false;  // platform_first_frame_drawn was called
    double wake_at = -1;  // the app asked for a frame at this time
    bool quit = false;
};
Loop loop;

// ---- Input -----------------------------------------------------------------------------------
void setup_key_map() {
    ImGuiIO& io = ImGui::GetIO();
    const struct { ImGuiKey imgui; int code; } map[] = {
        {ImGuiKey_Tab, key::Tab}, {ImGuiKey_LeftArrow, key::Left}, {ImGuiKey_RightArrow, key::Right},
        {ImGuiKey_UpArrow, key::Up}, {ImGuiKey_DownArrow, key::Down}, {ImGuiKey_PageUp, key::PageUp},
        {ImGuiKey_PageDown, key::PageDown}, {ImGuiKey_Home, key::Home}, {ImGuiKey_End, key::End},
        {ImGuiKey_Insert, key::Insert}, {ImGuiKey_Delete, key::Delete}, {ImGuiKey_Backspace, key::Backspace},
        {ImGuiKey_Space, key::Space}, {ImGuiKey_Enter, key::Enter}, {ImGuiKey_Escape, key::Escape},
        {ImGuiKey_KeyPadEnter, key::KeypadEnter}, {ImGuiKey_A, key::A}, {ImGuiKey_C, key::C},
        {ImGuiKey_V, key::V}, {ImGuiKey_X, key::X}, {ImGuiKey_Y, key::Y}, {ImGuiKey_Z, key::Z},
    };
    for (const auto& m : map) io.KeyMap[m.imgui] = m.code;
}

// From the event, not the keyboard's current state: by the time a queued Ctrl+C is applied, Ctrl
// may be up.
void update_modifiers(int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyShift = (mods & kModShift) != 0;
    io.KeyCtrl = (mods & kModCtrl) != 0;
    io.KeyAlt = (mods & kModAlt) != 0;
    io.KeySuper = (mods & kModSuper) != 0;
}

// Applies queued events to ImGui until one would undo a press made in this same frame.
// Returns whether anything was applied.
bool feed_input() {
    ImGuiIO& io = ImGui::GetIO();
    bool pressed_mouse[5] = {}, pressed_key[512] = {}, released_key[512] = {};
    bool any = false;
    const float s = loop.pixel_ratio;
    while (!loop.pending.empty()) {
        const InputEvent& e = loop.pending.front();
        switch (e.kind) {
            case InputEvent::MouseMove:
                io.MousePos = ImVec2(e.x * s, e.y * s);
                break;
            case InputEvent::MouseButton: {
                const int b = std::clamp(e.button, 0, 2);
                if (!e.down && pressed_mouse[b]) return true;  // release next frame
                io.MousePos = ImVec2(e.x * s, e.y * s);
                io.MouseDown[b] = e.down;
                pressed_mouse[b] = e.down;
                break;
            }
            case InputEvent::Wheel:
                io.MouseWheel += e.y;
                io.MouseWheelH += e.x;
                break;
            case InputEvent::Key: {
                if (e.key <= 0 || e.key >= 512) break;
                if (!e.down && pressed_key[e.key]) return true;
                // Pressed again after a release in this frame: ImGui would see the key as held
                // throughout and miss the second press (an input method's Backspaces come in runs).
                if (e.down && released_key[e.key]) return true;
                io.KeysDown[e.key] = e.down;
                pressed_key[e.key] = e.down;
                released_key[e.key] = !e.down;
                update_modifiers(e.modifiers);
                break;
            }
            case InputEvent::Text:
                io.AddInputCharactersUTF8(e.text.c_str());
                break;
            case InputEvent::MouseLeft:
                io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
                break;
            case InputEvent::FocusLost:
                std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
                io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                break;
            case InputEvent::Quit:
                loop.quit = true;
                break;
        }
        loop.pending.pop_front();
        any = true;
    }
    return any;
}

// ---- Frames ----------------------------------------------------------------------------------
void sync_display_size() {
    int w = 0, h = 0, fw = 0, fh = 0;
    main_display_size(w, h, fw, fh);
    const float ratio = w > 0 ? static_cast<float>(fw) / static_cast<float>(w) : 1.0f;
    if (ratio != loop.pixel_ratio) {
        loop.pixel_ratio = ratio;
        app_set_pixel_ratio(ratio);
        gl_renderer::upload_font_atlas();
    }
    ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(fw), static_cast<float>(fh));
}

void rebuild_fonts() {
    app_set_pixel_ratio(loop.pixel_ratio);
    gl_renderer::upload_font_atlas();
    loop.frames_left = std::max(loop.frames_left, kFramesAfterInput);
}

}  // namespace

bool loop_start(std::string& error) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    setup_key_map();
    if (!gl_renderer::init(error)) return false;
    platform_init();
    ImGui::GetIO().SetClipboardTextFn = [](void*, const char* text) { platform::clipboard_copy(text); };
    ImGui::GetIO().GetClipboardTextFn = [](void*) { return platform_clipboard_text(); };
    sync_display_size();  // the fonts, rasterised at the display's density
    return true;
}

void loop_start_app() {
    app_init();
    loop.last_time = loop.started = platform::now_seconds();
}

void loop_input(InputEvent event) {
    loop.pending.push_back(std::move(event));
    platform::wake();
}

bool loop_should_draw(double now) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool holding = std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown), [](bool b) { return b; });
    return !loop.pending.empty() || loop.frames_left > 0 || holding || (loop.wake_at >= 0 && now >= loop.wake_at);
}

void loop_draw_frame(double now) {
    if (feed_input()) loop.frames_left = std::max(loop.frames_left, kFramesAfterInput);
    sync_display_size();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(std::clamp(now - loop.last_time, 1e-4, 0.1));
    loop.last_time = now;
    // Enter presses the focused button (ImGui 1.86 only maps Space to "activate").
    // Cleared by ImGui at the end of each frame.
    if (!io.WantTextInput && (io.KeysDown[key::Enter] || io.KeysDown[key::KeypadEnter]))
        io.NavInputs[ImGuiNavInput_Activate] = 1.0f;

    ImGui::NewFrame();
    FrameRequest request = app_frame();
    ImGui::Render();
    if (request.fonts_changed) {
        // Drawn text needed glyphs the atlas lacked: rebuild it and draw the frame again before it
        // is shown, so new characters never flash as placeholder boxes. (Input was taken by the
        // first pass; the second sees none.)
        rebuild_fonts();
        ImGui::NewFrame();
        request = app_frame();
        ImGui::Render();
        if (request.fonts_changed) rebuild_fonts();  // still more (rare): the next frame has them
    }
    gl_renderer::render(ImGui::GetDrawData(), static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y));
    main_present();

    ++loop.frames_drawn;
    loop.frames_left = std::max(loop.frames_left - 1, request.animating ? 1 : 0);
    loop.wake_at = request.wake_in_seconds >= 0 ? now + request.wake_in_seconds : -1;
    if (!loop.first_frame_shown) {
        const double give_up_at = loop.started + kFirstFrameFontWait;
        if (!request.fonts_fetching || now >= give_up_at) {
            loop.first_frame_shown = true;
            platform_first_frame_drawn();
        } else if (loop.wake_at < 0 || loop.wake_at > give_up_at) {
            loop.wake_at = give_up_at;
        }
    }
}

double loop_wake_at() { return loop.wake_at; }
bool loop_quit_asked() { return loop.quit; }
std::uint64_t loop_frames_drawn() { return loop.frames_drawn; }
float loop_pixel_ratio() { return loop.pixel_ratio; }

// ---- platform.h's share ------------------------------------------------------------------------------
void platform::wake() {
    loop.frames_left = std::max(loop.frames_left, kFramesAfterInput);
    main_resume();
}

std::uint64_t platform::frames_shown() { return loop.frames_drawn; }

std::vector<std::uint8_t> platform::render_pixels(const ImDrawData& draw_data, int width, int height) {
    return gl_renderer::render_to_pixels(&draw_data, width, height);
}

ImTextureID platform::create_texture(const std::uint8_t* rgba, int width, int height) {
    return reinterpret_cast<ImTextureID>(gl_renderer::create_texture(rgba, width, height));
}

void platform::destroy_texture(ImTextureID texture) {
    gl_renderer::destroy_texture(reinterpret_cast<std::uintptr_t>(texture));
}
