// loop.h — between the shared frame loop (loop.cpp), each platform's main (web_main.cpp in the
// browser, sdl_main.cpp on the desktop) and each platform's glue (platform_web.cpp,
// platform_desktop.cpp).
//
// Input reaches the loop as InputEvents in the order they happened: the browser's events on the
// web (no SDL there: it would be a third of what every respondent downloads, for a window the page
// already has), SDL's on the desktop.
#pragma once
#include <cstdint>
#include <string>

struct InputEvent {
    enum Kind : std::uint8_t { MouseMove, MouseButton, Wheel, Key, Text, MouseLeft, FocusLost, Quit };
    Kind kind = MouseMove;
    float x = 0, y = 0;  // MouseMove, MouseButton: where, in logical (CSS) pixels; Wheel: steps
    int button = 0;      // MouseButton: 0 left, 1 right, 2 middle
    bool down = false;   // MouseButton, Key
    int key = 0;         // Key: its USB HID usage id (SDL's scancodes are the same numbers), below 512
    int modifiers = 0;   // Key: kModShift | kModCtrl | kModAlt | kModSuper, as they were at that moment
    std::string text;    // Text: what was typed, UTF-8
};
constexpr int kModShift = 1, kModCtrl = 2, kModAlt = 4, kModSuper = 8;

// The keys Dear ImGui is told of, by their USB HID usage ids.
namespace key {
constexpr int A = 4, C = 6, V = 25, X = 27, Y = 28, Z = 29, Enter = 40, Escape = 41, Backspace = 42, Tab = 43,
              Space = 44, Insert = 73, Home = 74, PageUp = 75, Delete = 76, End = 77, PageDown = 78, Right = 79,
              Left = 80, Down = 81, Up = 82, KeypadEnter = 88;
}

// ---- loop.cpp -------------------------------------------------------------------------------------
// After the GL context exists: Dear ImGui, the renderer and the fonts. False, with why, if it failed.
bool loop_start(std::string& error);
// Then the app, once the stored workspace can be read (on the web, storage is read meanwhile).
void loop_start_app();
void loop_input(InputEvent event);  // queued for the next frame; wakes the loop
bool loop_should_draw(double now);  // input waits, the app asked for frames, or its wake-up time came
void loop_draw_frame(double now);
double loop_wake_at();               // when the app wants its next frame (-1: only on input)
bool loop_quit_asked();
std::uint64_t loop_frames_drawn();
float loop_pixel_ratio();  // framebuffer pixels per logical (CSS) pixel

// ---- Each main (web_main.cpp, sdl_main.cpp) ----------------------------------------------------------
void main_display_size(int& width, int& height, int& fb_width, int& fb_height);  // logical and framebuffer
void main_present();  // shows the frame just drawn
void main_resume();   // platform::wake() while the loop sleeps

// ---- Each platform's glue (platform_web.cpp, platform_desktop.cpp) ----------------------------------
void platform_init();                         // after the GL context exists, before the first frame
void platform_first_frame_drawn();            // the web page hides its loading screen
void platform_start_failed(const char* why);  // no GL context: tell the user
const char* platform_clipboard_text();        // what Ctrl+V pastes
void platform_dropped_file(const char* path); // the desktop only: a file dropped on the window
