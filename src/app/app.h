// app.h — the Loupe app as the platform layer sees it: start, draw a frame, say what it needs.
#pragma once

struct FrameRequest {
    bool animating = false;         // draw the next frame too (work in progress, animation)
    double wake_in_seconds = -1.0;  // >= 0: draw a frame after this long even with no input
    bool fonts_changed = false;     // the atlas lacks glyphs drawn text needs: call app_set_pixel_ratio again
    bool fonts_fetching = false;    // a font drawn text needs is on its way (the frame has placeholders)
};

void app_set_pixel_ratio(float pixel_ratio);  // rebuilds fonts and sizes; the renderer re-uploads the atlas
void app_init();  // after the first app_set_pixel_ratio, once stored files can be read
FrameRequest app_frame();

// Test-only query: the rectangle (framebuffer pixels: x, y, w, h) a widget with this id had in
// the last frame. End-to-end tests use it to find where to click; the clicks themselves are real.
// Only a visible widget has one, unless `off_screen_too`: then also one scrolled out of view.
bool app_widget_rect(const char* id, float out[4], bool off_screen_too = false);
const char* app_focused_widget();  // test-only: the id of the widget with keyboard focus, or ""
const char* app_placeholder_glyphs();  // test-only: characters the last frame drew as boxes (no font has them)
