// loop.h — between the shared frame loop (sdl_main.cpp) and each platform's glue.
#pragma once
#include <cstdint>

struct SDL_Window;

// Implemented by platform_web.cpp / platform_desktop.cpp.
void platform_init(SDL_Window* window);  // after the window exists, before the first frame
void platform_first_frame_drawn();       // the web page hides its loading screen
void platform_start_failed(const char* why);  // no window or GL context: tell the user
void platform_handle_event(const void* sdl_event);  // drops, clipboard... (an SDL_Event)
const char* platform_clipboard_text();   // what Ctrl+V pastes

// Implemented by sdl_main.cpp.
std::uint64_t loop_frames_drawn();
float loop_pixel_ratio();  // framebuffer pixels per logical (CSS) pixel
