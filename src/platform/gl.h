// gl.h — the OpenGL API for this platform: WebGL2 (GLES 3.0) in the browser, GL 3.3 core on desktop.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#define LOUPE_GLSL_VERSION "#version 300 es"
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#define LOUPE_GLSL_VERSION "#version 330 core"
#endif
