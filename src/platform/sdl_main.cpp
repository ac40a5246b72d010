// sdl_main.cpp — the window, the GL context, input, and the event-driven frame loop.
//
// Shared by the browser and the desktop. Two choices shape it:
// * ImGui works in framebuffer pixels: DisplaySize is the drawable size and every input
//   coordinate is scaled by the pixel ratio, so fonts rasterised at that density are drawn 1:1
//   (crisp at any devicePixelRatio) and lines land on whole pixels.
// * Nothing is drawn while nothing happens. After input, or when the app asks, a few frames are
//   drawn; then the loop sleeps (the browser's main loop is paused; the desktop waits on SDL).
//   Input is fed to ImGui one press/release per frame so quick clicks and key taps are never lost
//   (ImGui 1.86 reads input as state, not as a queue).
#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>

#include "app/app.h"
#include "gl.h"
#include "gl_renderer.h"
#include "imgui.h"
#include "loop.h"
#include "platform.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace {

constexpr int kFramesAfterInput = 3;  // hover, layout and popups settle within a few frames

struct Loop {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::deque<SDL_Event> pending;
    int frames_left = kFramesAfterInput;
    std::uint64_t frames_drawn = 0;
    float pixel_ratio = 0;
    double last_time = 0;
    double wake_at = -1;  // the app asked for a frame at this time
    bool paused = false;
    bool quit = false;
    bool self_test = false;
};
Loop loop;

// ---- Input -----------------------------------------------------------------------------------
void setup_key_map() {
    ImGuiIO& io = ImGui::GetIO();
    const struct { ImGuiKey key; SDL_Scancode code; } map[] = {
        {ImGuiKey_Tab, SDL_SCANCODE_TAB}, {ImGuiKey_LeftArrow, SDL_SCANCODE_LEFT},
        {ImGuiKey_RightArrow, SDL_SCANCODE_RIGHT}, {ImGuiKey_UpArrow, SDL_SCANCODE_UP},
        {ImGuiKey_DownArrow, SDL_SCANCODE_DOWN}, {ImGuiKey_PageUp, SDL_SCANCODE_PAGEUP},
        {ImGuiKey_PageDown, SDL_SCANCODE_PAGEDOWN}, {ImGuiKey_Home, SDL_SCANCODE_HOME},
        {ImGuiKey_End, SDL_SCANCODE_END}, {ImGuiKey_Insert, SDL_SCANCODE_INSERT},
        {ImGuiKey_Delete, SDL_SCANCODE_DELETE}, {ImGuiKey_Backspace, SDL_SCANCODE_BACKSPACE},
        {ImGuiKey_Space, SDL_SCANCODE_SPACE}, {ImGuiKey_Enter, SDL_SCANCODE_RETURN},
        {ImGuiKey_Escape, SDL_SCANCODE_ESCAPE}, {ImGuiKey_KeyPadEnter, SDL_SCANCODE_KP_ENTER},
        {ImGuiKey_A, SDL_SCANCODE_A}, {ImGuiKey_C, SDL_SCANCODE_C}, {ImGuiKey_V, SDL_SCANCODE_V},
        {ImGuiKey_X, SDL_SCANCODE_X}, {ImGuiKey_Y, SDL_SCANCODE_Y}, {ImGuiKey_Z, SDL_SCANCODE_Z},
    };
    for (const auto& m : map) io.KeyMap[m.key] = m.code;
}

// From the event, not SDL's current state: by the time a queued Ctrl+C is applied, Ctrl may be up.
void update_modifiers(Uint16 mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyShift = (mods & KMOD_SHIFT) != 0;
    io.KeyCtrl = (mods & KMOD_CTRL) != 0;
    io.KeyAlt = (mods & KMOD_ALT) != 0;
    io.KeySuper = (mods & KMOD_GUI) != 0;
}

// Applies queued events to ImGui until one would undo a press made in this same frame.
// Returns whether anything was applied.
bool feed_input() {
    ImGuiIO& io = ImGui::GetIO();
    bool pressed_mouse[5] = {}, pressed_key[512] = {}, released_key[512] = {};
    bool any = false;
    const float s = loop.pixel_ratio;
    while (!loop.pending.empty()) {
        const SDL_Event& e = loop.pending.front();
        switch (e.type) {
            case SDL_MOUSEMOTION:
                io.MousePos = ImVec2(e.motion.x * s, e.motion.y * s);
                break;
            case SDL_MOUSEBUTTONDOWN:
            case SDL_MOUSEBUTTONUP: {
                const int b = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1 : 2;
                const bool down = e.type == SDL_MOUSEBUTTONDOWN;
                if (!down && pressed_mouse[b]) return true;  // release next frame
                io.MousePos = ImVec2(e.button.x * s, e.button.y * s);
                io.MouseDown[b] = down;
                pressed_mouse[b] = down;
                break;
            }
            case SDL_MOUSEWHEEL:
                io.MouseWheel += e.wheel.preciseY;
                io.MouseWheelH += e.wheel.preciseX;
                break;
            case SDL_KEYDOWN:
            case SDL_KEYUP: {
                const int code = e.key.keysym.scancode;
                if (code < 0 || code >= 512) break;
                const bool down = e.type == SDL_KEYDOWN;
                if (!down && pressed_key[code]) return true;
                // Pressed again after a release in this frame: ImGui would see the key as held
                // throughout and miss the second press (an input method's Backspaces come in runs).
                if (down && released_key[code]) return true;
                io.KeysDown[code] = down;
                pressed_key[code] = down;
                released_key[code] = !down;
                update_modifiers(e.key.keysym.mod);
                break;
            }
            case SDL_TEXTINPUT:
                io.AddInputCharactersUTF8(e.text.text);
                break;
            case SDL_WINDOWEVENT:
                if (e.window.event == SDL_WINDOWEVENT_LEAVE) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
                if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
                    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
                    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                }
                break;
            case SDL_QUIT:
                loop.quit = true;
                break;
            default:
                platform_handle_event(&e);
                break;
        }
        loop.pending.pop_front();
        any = true;
    }
    return any;
}

// Any event pushed into SDL's queue — by the browser's handlers too — wakes a paused loop.
// SDL pushes a "poll sentinel" on every SDL_PollEvent; that one is not news.
int SDLCALL on_sdl_event(void*, SDL_Event* e) {
    if (e->type != SDL_POLLSENTINEL) platform::wake();
    return 0;
}

// ---- Frames ----------------------------------------------------------------------------------
void sync_display_size() {
    int w = 0, h = 0, fw = 0, fh = 0;
    SDL_GetWindowSize(loop.window, &w, &h);
    SDL_GL_GetDrawableSize(loop.window, &fw, &fh);
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

bool should_draw(double now) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool holding = std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown), [](bool b) { return b; });
    return !loop.pending.empty() || loop.frames_left > 0 || holding || (loop.wake_at >= 0 && now >= loop.wake_at);
}

void draw_frame(double now) {
    if (feed_input()) loop.frames_left = std::max(loop.frames_left, kFramesAfterInput);
    sync_display_size();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(std::clamp(now - loop.last_time, 1e-4, 0.1));
    loop.last_time = now;
    // On the web, Enter presses the focused button (ImGui 1.86 only maps Space to "activate").
    // Cleared by ImGui at the end of each frame.
    if (!io.WantTextInput && (io.KeysDown[SDL_SCANCODE_RETURN] || io.KeysDown[SDL_SCANCODE_KP_ENTER]))
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
    SDL_GL_SwapWindow(loop.window);

    if (++loop.frames_drawn == 1) platform_first_frame_drawn();
    loop.frames_left = std::max(loop.frames_left - 1, request.animating ? 1 : 0);
    loop.wake_at = request.wake_in_seconds >= 0 ? now + request.wake_in_seconds : -1;
}

void pump_sdl_events() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) loop.pending.push_back(e);
}

#ifdef __EMSCRIPTEN__
void schedule_wake(double at) {
    static double scheduled = -1;
    if (at < 0 || at == scheduled) return;
    scheduled = at;
    const double ms = std::max(0.0, (at - platform::now_seconds()) * 1000.0);
    emscripten_async_call([](void*) { platform::wake(); }, nullptr, static_cast<int>(ms) + 1);
}

void browser_frame() {
    pump_sdl_events();
    const double now = platform::now_seconds();
    if (!should_draw(now)) {
        // Idle: stop the browser's frame callbacks entirely until something wakes us.
        loop.paused = true;
        emscripten_pause_main_loop();
        schedule_wake(loop.wake_at);
        return;
    }
    draw_frame(now);
}
#endif

// ---- Self-test (desktop, under Xvfb): real frames, real pixels -------------------------------------
int run_self_test() {
    for (int i = 0; i < 10; ++i) {
        pump_sdl_events();
        draw_frame(platform::now_seconds());
    }
    const int w = static_cast<int>(ImGui::GetIO().DisplaySize.x), h = static_cast<int>(ImGui::GetIO().DisplaySize.y);
    std::string pixels(static_cast<std::size_t>(w) * h * 4, '\0');
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::size_t differing = 0;
    for (std::size_t i = 0; i + 3 < pixels.size(); i += 4)
        if (std::memcmp(&pixels[i], &pixels[0], 3) != 0) ++differing;
    const double share = static_cast<double>(differing) / (static_cast<double>(w) * h);
    std::printf("self-test: %llu frames drawn, %dx%d, %.1f%% of pixels differ from the background\n",
                static_cast<unsigned long long>(loop.frames_drawn), w, h, share * 100);
    const bool storage_ok = platform::storage_write("self-test.bin", std::vector<std::uint8_t>{1, 2, 3}) &&
                            platform::storage_remove("self-test.bin");
    if (!storage_ok) std::printf("self-test: storage does not work\n");
    return share > 0.005 && storage_ok ? 0 : 1;
}

}  // namespace

std::uint64_t loop_frames_drawn() { return loop.frames_drawn; }
float loop_pixel_ratio() { return loop.pixel_ratio; }

void platform::wake() {
    loop.frames_left = std::max(loop.frames_left, kFramesAfterInput);
#ifdef __EMSCRIPTEN__
    if (loop.paused) {
        loop.paused = false;
        emscripten_resume_main_loop();
    }
#endif
}

std::vector<std::uint8_t> platform::render_pixels(const ImDrawData& draw_data, int width, int height) {
    return gl_renderer::render_to_pixels(&draw_data, width, height);
}

ImTextureID platform::create_texture(const std::uint8_t* rgba, int width, int height) {
    return reinterpret_cast<ImTextureID>(gl_renderer::create_texture(rgba, width, height));
}

void platform::destroy_texture(ImTextureID texture) {
    gl_renderer::destroy_texture(reinterpret_cast<std::uintptr_t>(texture));
}

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--self-test") == 0) loop.self_test = true;

    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
#ifdef __EMSCRIPTEN__
    // Keys go to the canvas only, so the browser's own shortcuts (Ctrl+R, Ctrl+L...) keep working
    // and the hidden textarea used for phone keyboards is not heard twice.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        platform_start_failed(SDL_GetError());
        return 1;
    }
#ifdef __EMSCRIPTEN__
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_ALPHA_SIZE, 0);
    loop.window = SDL_CreateWindow("Loupe", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                   SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    loop.gl = loop.window ? SDL_GL_CreateContext(loop.window) : nullptr;
    if (!loop.gl) {
        platform_start_failed((std::string("no WebGL2 / OpenGL 3.3 context: ") + SDL_GetError()).c_str());
        return 1;
    }
    SDL_GL_MakeCurrent(loop.window, loop.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    setup_key_map();
    std::string error;
    if (!gl_renderer::init(error)) {
        platform_start_failed(error.c_str());
        return 1;
    }
    platform_init(loop.window);
    ImGui::GetIO().SetClipboardTextFn = [](void*, const char* text) { platform::clipboard_copy(text); };
    ImGui::GetIO().GetClipboardTextFn = [](void*) { return platform_clipboard_text(); };
    app_init();
    sync_display_size();
    SDL_AddEventWatch(on_sdl_event, nullptr);
    loop.last_time = platform::now_seconds();

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop(browser_frame, 0, false);
    return 0;
#else
    if (loop.self_test) return run_self_test();
    while (!loop.quit) {
        const double now = platform::now_seconds();
        if (!should_draw(now)) {
            // Sleep until input arrives or the app's requested wake-up time.
            const int timeout = loop.wake_at < 0 ? -1 : static_cast<int>(std::max(0.0, (loop.wake_at - now) * 1000.0)) + 1;
            SDL_Event e;
            if (timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout)) loop.pending.push_back(e);
        }
        pump_sdl_events();
        draw_frame(platform::now_seconds());
    }
    gl_renderer::shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(loop.gl);
    SDL_DestroyWindow(loop.window);
    SDL_Quit();
    return 0;
#endif
}
