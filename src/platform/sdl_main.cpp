// sdl_main.cpp — the desktop's window, GL context and input (SDL2), over the shared frame loop.
//
// SDL's events become InputEvents (loop.h) in the order they came; between frames the program
// sleeps in SDL_WaitEvent until input arrives or the app's wake-up time comes.
#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "gl.h"
#include "gl_renderer.h"
#include "imgui.h"
#include "loop.h"
#include "platform.h"

namespace {

SDL_Window* window = nullptr;

int modifiers_of(Uint16 mods) {
    return ((mods & KMOD_SHIFT) ? kModShift : 0) | ((mods & KMOD_CTRL) ? kModCtrl : 0) |
           ((mods & KMOD_ALT) ? kModAlt : 0) | ((mods & KMOD_GUI) ? kModSuper : 0);
}

void take(const SDL_Event& e) {
    InputEvent in;
    switch (e.type) {
        case SDL_MOUSEMOTION:
            in.kind = InputEvent::MouseMove;
            in.x = static_cast<float>(e.motion.x), in.y = static_cast<float>(e.motion.y);
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            in.kind = InputEvent::MouseButton;
            in.button = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1 : 2;
            in.down = e.type == SDL_MOUSEBUTTONDOWN;
            in.x = static_cast<float>(e.button.x), in.y = static_cast<float>(e.button.y);
            break;
        case SDL_MOUSEWHEEL:
            in.kind = InputEvent::Wheel;
            in.x = e.wheel.preciseX, in.y = e.wheel.preciseY;
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            in.kind = InputEvent::Key;
            in.key = e.key.keysym.scancode;
            in.down = e.type == SDL_KEYDOWN;
            in.modifiers = modifiers_of(e.key.keysym.mod);
            break;
        case SDL_TEXTINPUT:
            in.kind = InputEvent::Text;
            in.text = e.text.text;
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_LEAVE) in.kind = InputEvent::MouseLeft;
            else if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) in.kind = InputEvent::FocusLost;
            else {
                platform::wake();  // resized, shown...: draw again
                return;
            }
            break;
        case SDL_QUIT:
            in.kind = InputEvent::Quit;
            break;
        case SDL_DROPFILE:
            platform_dropped_file(e.drop.file);
            SDL_free(e.drop.file);
            return;
        default:
            return;
    }
    loop_input(std::move(in));
}

void pump_events() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) take(e);
}

// ---- Self-test (under Xvfb): real frames, real pixels ------------------------------------------------
int run_self_test() {
    for (int i = 0; i < 10; ++i) {
        pump_events();
        loop_draw_frame(platform::now_seconds());
    }
    const int w = static_cast<int>(ImGui::GetIO().DisplaySize.x), h = static_cast<int>(ImGui::GetIO().DisplaySize.y);
    std::string pixels(static_cast<std::size_t>(w) * h * 4, '\0');
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::size_t differing = 0;
    for (std::size_t i = 0; i + 3 < pixels.size(); i += 4)
        if (std::memcmp(&pixels[i], &pixels[0], 3) != 0) ++differing;
    const double share = static_cast<double>(differing) / (static_cast<double>(w) * h);
    std::printf("self-test: %llu frames drawn, %dx%d, %.1f%% of pixels differ from the background\n",
                static_cast<unsigned long long>(loop_frames_drawn()), w, h, share * 100);
    const bool storage_ok = platform::storage_write("self-test.bin", std::vector<std::uint8_t>{1, 2, 3}) &&
                            platform::storage_remove("self-test.bin");
    if (!storage_ok) std::printf("self-test: storage does not work\n");
    return share > 0.005 && storage_ok ? 0 : 1;
}

}  // namespace

void main_display_size(int& width, int& height, int& fb_width, int& fb_height) {
    SDL_GetWindowSize(window, &width, &height);
    SDL_GL_GetDrawableSize(window, &fb_width, &fb_height);
}
void main_present() { SDL_GL_SwapWindow(window); }
void main_resume() {}  // the loop below never sleeps past an event

int main(int argc, char** argv) {
    bool self_test = false;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--self-test") == 0) self_test = true;

    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        platform_start_failed(SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_ALPHA_SIZE, 0);
    window = SDL_CreateWindow("Loupe", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl) {
        platform_start_failed((std::string("no OpenGL 3.3 context: ") + SDL_GetError()).c_str());
        return 1;
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);
    std::string error;
    if (!loop_start(error)) {
        platform_start_failed(error.c_str());
        return 1;
    }
    loop_start_app();
    if (self_test) return run_self_test();
    while (!loop_quit_asked()) {
        const double now = platform::now_seconds();
        if (!loop_should_draw(now)) {
            // Sleep until input arrives or the app's requested wake-up time.
            const double wake_at = loop_wake_at();
            const int timeout = wake_at < 0 ? -1 : static_cast<int>(std::max(0.0, (wake_at - now) * 1000.0)) + 1;
            SDL_Event e;
            if (timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout)) take(e);
        }
        pump_events();
        loop_draw_frame(platform::now_seconds());
    }
    gl_renderer::shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
