// imgui_config.h — Loupe's Dear ImGui build settings (IMGUI_USER_CONFIG).
#pragma once
// 32-bit indices: WebGL2 has no base-vertex draw call, so one draw list over 65,535 vertices
// would assert with 16-bit indices (TOOLCHAIN.md, gotcha 10).
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
