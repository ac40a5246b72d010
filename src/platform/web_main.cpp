// web_main.cpp — the browser's canvas, its WebGL2 context and the frame schedule, over the shared
// frame loop (loop.cpp). The canvas's input listeners are in platform_web.cpp.
//
// Frames come from the browser's animation frames while there is something to draw; when there is
// nothing, the main loop is paused and only input, the app's wake-up time or an arrival from
// JavaScript (a file, a font, storage) resumes it.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "loop.h"
#include "platform.h"

namespace {

bool paused = false;

void schedule_wake(double at) {
    static double scheduled = -1;
    if (at < 0 || at == scheduled) return;
    scheduled = at;
    const double ms = std::max(0.0, (at - platform::now_seconds()) * 1000.0);
    emscripten_async_call([](void*) { platform::wake(); }, nullptr, static_cast<int>(ms) + 1);
}

void browser_frame() {
    const double now = platform::now_seconds();
    if (!loop_should_draw(now)) {
        // Idle: stop the browser's frame callbacks entirely until something wakes us.
        paused = true;
        emscripten_pause_main_loop();
        schedule_wake(loop_wake_at());
        return;
    }
    loop_draw_frame(now);
}

// Browser storage is read from before main() on (web/pre.js): true if it is done, otherwise
// loupe_storage_read is called when it is.
EM_JS(int, js_storage_read_or_wait, (), {
    return Module.loupeStorage.whenRead(() => Module._loupe_storage_read()) ? 1 : 0;
});

void start_app() {
    loop_start_app();
    emscripten_set_main_loop(browser_frame, 0, false);
    browser_frame();  // the first frame now, not at the next animation frame: on screen a frame sooner
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void loupe_storage_read() { start_app(); }

// The canvas fills the window (web/loupe.css); platform_web.cpp keeps its pixel size at that
// times devicePixelRatio.
void main_display_size(int& width, int& height, int& fb_width, int& fb_height) {
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size("#canvas", &css_width, &css_height);
    width = static_cast<int>(std::lround(css_width));
    height = static_cast<int>(std::lround(css_height));
    emscripten_get_canvas_element_size("#canvas", &fb_width, &fb_height);
}
void main_present() {}  // the browser shows what was drawn when the animation frame ends
void main_resume() {
    if (!paused) return;
    paused = false;
    emscripten_resume_main_loop();
}

int main() {
    // web/boot.js made the canvas's context with these attributes while this program downloaded;
    // the browser hands that one back, so the two must agree.
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.minorVersion = 0;
    attributes.alpha = false;
    attributes.depth = false;
    attributes.stencil = false;
    attributes.antialias = false;
    // WebGL2 itself has everything the renderer uses. Emscripten would otherwise ask the browser for
    // each of its extensions in turn: about 30 ms on the way to the first frame.
    attributes.enableExtensionsByDefault = false;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context("#canvas", &attributes);
    if (context <= 0) {
        platform_start_failed("no WebGL2 context (the browser refused one)");
        return 1;
    }
    emscripten_webgl_make_context_current(context);
    std::string error;
    if (!loop_start(error)) {
        platform_start_failed(error.c_str());
        return 1;
    }
    // The display and fonts were set up while storage was still being read; the app needs it.
    if (js_storage_read_or_wait()) start_app();
    return 0;
}
