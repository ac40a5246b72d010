# app.cmake — the Loupe user interface: Dear ImGui + SDL2 + (WebGL2 | OpenGL 3).
#   web:    target loupe_web  -> ${CMAKE_BINARY_DIR}/app/ (index.html, loupe.js, loupe.wasm, ...)
#   native: target loupe_desktop (also run under Xvfb by ctest as a smoke test)
# The bench target imgui_demo_baseline builds Dear ImGui's own demo with the same toolchain/flags.

if(NOT LOUPE_IMGUI_DIR OR NOT EXISTS "${LOUPE_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found: run ./emsdk-setup.sh first")
endif()

# ---- Dear ImGui ---------------------------------------------------------------------------------
set(imgui_tabbing "${CMAKE_BINARY_DIR}/imgui/imgui.cpp")
add_custom_command(OUTPUT "${imgui_tabbing}"
  COMMAND ${CMAKE_COMMAND} -DINPUT=${LOUPE_IMGUI_DIR}/imgui.cpp -DOUTPUT=${imgui_tabbing}
          -P ${CMAKE_SOURCE_DIR}/cmake/imgui_tabbing.cmake
  DEPENDS ${LOUPE_IMGUI_DIR}/imgui.cpp ${CMAKE_SOURCE_DIR}/cmake/imgui_tabbing.cmake VERBATIM)
set(imgui_draw "${CMAKE_BINARY_DIR}/imgui/imgui_draw.cpp")
add_custom_command(OUTPUT "${imgui_draw}"
  COMMAND ${CMAKE_COMMAND} -DINPUT=${LOUPE_IMGUI_DIR}/imgui_draw.cpp -DOUTPUT=${imgui_draw}
          -P ${CMAKE_SOURCE_DIR}/cmake/imgui_missing_glyphs.cmake
  DEPENDS ${LOUPE_IMGUI_DIR}/imgui_draw.cpp ${CMAKE_SOURCE_DIR}/cmake/imgui_missing_glyphs.cmake VERBATIM)
set(imgui_widgets "${CMAKE_BINARY_DIR}/imgui/imgui_widgets.cpp")
add_custom_command(OUTPUT "${imgui_widgets}"
  COMMAND ${CMAKE_COMMAND} -DINPUT=${LOUPE_IMGUI_DIR}/imgui_widgets.cpp -DSTB=${LOUPE_IMGUI_DIR}/imstb_textedit.h
          -DOUTPUT=${imgui_widgets} -P ${CMAKE_SOURCE_DIR}/cmake/imgui_text_fields.cmake
  DEPENDS ${LOUPE_IMGUI_DIR}/imgui_widgets.cpp ${LOUPE_IMGUI_DIR}/imstb_textedit.h
          ${CMAKE_SOURCE_DIR}/cmake/imgui_text_fields.cmake VERBATIM)
add_library(imgui STATIC
  ${imgui_tabbing} ${imgui_draw} ${imgui_widgets}
  ${LOUPE_IMGUI_DIR}/imgui_tables.cpp
  ${LOUPE_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${LOUPE_IMGUI_DIR} ${LOUPE_IMGUI_DIR}/misc/cpp)
target_include_directories(imgui PUBLIC ${CMAKE_SOURCE_DIR}/src/platform)
target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="imgui_config.h")
target_compile_options(imgui PRIVATE -w)

# ---- SDL2: the desktop's window, and the demo bench/load compares against ---------------------------
if(EMSCRIPTEN)
  # find_package would pick emscripten's port stub (gotcha 5): point at our own wasm build.
  add_library(SDL2::SDL2 STATIC IMPORTED)
  set_target_properties(SDL2::SDL2 PROPERTIES
    IMPORTED_LOCATION "${LOUPE_SDL2_WASM_DIR}/lib/libSDL2.a"
    INTERFACE_INCLUDE_DIRECTORIES "${LOUPE_SDL2_WASM_DIR}/include/SDL2")
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
endif()

# ---- Fonts: Inter, cut to what the UI writes; the rest beside the page -------------------------------
set(LOUPE_FONT_DIR /usr/share/fonts/opentype/inter)
# Embedded, so drawn from the first frame: what English, the Western and Central European languages
# and the UI's own symbols need (Basic Latin, Latin-1, Latin Extended-A, Romanian's comma accents,
# punctuation, currency signs, the arrows, minus, check mark and circles). The rest of what Inter
# draws is in pieces beside the page (fonts/inter-<piece>-<weight>.otf), each fetched once some
# text on screen needs it: every respondent would otherwise download all of them (80 KB gzipped)
# for the one language a survey is written in. Latin: the rest of Extended-B, the schwa, the
# okina, spacing and combining accents, Vietnamese and the rest of Latin Extended Additional.
# Defined here only: fontTools gets the ranges as U+ ranges, theme.cpp as Dear ImGui glyph ranges
# (LOUPE_<PIECE>_RANGES). Body and headings both draw people's text, so both weights get all of it.
# No layout tables: Dear ImGui 1.86 neither kerns nor substitutes, so they would only add bytes.
set(LOUPE_FONT_PIECES base latin greek cyrillic)
set(LOUPE_FONT_base 0020-007E 00A0-017F 0218-021B 2000-206F 20A0-20BF 2116-2116 2122-2122 2190-2193 2197-2197
    2212-2212 2713-2713 25CB-25CF)
set(LOUPE_FONT_latin 0180-0217 021C-024F 0259-0259 02BB-02BC 02C6-02DD 0300-036F 1E00-1EFF)
set(LOUPE_FONT_greek 0370-03FF)
set(LOUPE_FONT_cyrillic 0400-04FF)
# Pieces are installed beside the program: the page's fonts/ on the web, the desktop app's own.
if(EMSCRIPTEN)
  set(LOUPE_FONT_PIECE_DIR "${CMAKE_BINARY_DIR}/app/fonts")
else()
  set(LOUPE_FONT_PIECE_DIR "${CMAKE_BINARY_DIR}/fonts")
endif()
set(embedded_sources)
function(loupe_embed input name)
  set(out "${CMAKE_BINARY_DIR}/embedded/${name}.cpp")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${out} -DNAME=${name} -P ${CMAKE_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS "${input}" ${CMAKE_SOURCE_DIR}/cmake/embed.cmake VERBATIM)
  set(embedded_sources ${embedded_sources} "${out}" PARENT_SCOPE)
endfunction()
function(loupe_font source unicodes out)
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/fonts ${LOUPE_FONT_PIECE_DIR}
    COMMAND /usr/bin/python3 -m fontTools.subset ${LOUPE_FONT_DIR}/${source} --unicodes=${unicodes}
            --layout-features= --no-hinting --desubroutinize --output-file=${out}
    DEPENDS ${LOUPE_FONT_DIR}/${source} VERBATIM)
endfunction()
set(theme_definitions)
set(font_pieces)
foreach(name ${LOUPE_FONT_PIECES})
  set(ranges ${LOUPE_FONT_${name}})
  string(REGEX REPLACE "([0-9A-F]+)-([0-9A-F]+)" "U+\\1-\\2" unicodes "${ranges}")
  string(REPLACE ";" "," unicodes "${unicodes}")
  string(REGEX REPLACE "([0-9A-F]+)-([0-9A-F]+)" "0x\\1,0x\\2" cpp_ranges "${ranges}")
  string(REPLACE ";" "," cpp_ranges "${cpp_ranges}")
  string(TOUPPER "${name}" upper)
  list(APPEND theme_definitions "LOUPE_${upper}_RANGES=${cpp_ranges}")
  foreach(weight Regular SemiBold)
    string(TOLOWER "${weight}" lower)
    if(name STREQUAL "base")
      set(out "${CMAKE_BINARY_DIR}/fonts/font_inter_${lower}.otf")
      loupe_font(Inter-${weight}.otf "${unicodes}" "${out}")
      loupe_embed("${out}" font_inter_${lower})
    else()
      set(out "${LOUPE_FONT_PIECE_DIR}/inter-${name}-${lower}.otf")
      loupe_font(Inter-${weight}.otf "${unicodes}" "${out}")
      list(APPEND font_pieces "${out}")
    endif()
  endforeach()
endforeach()
set_source_files_properties(src/app/theme.cpp PROPERTIES COMPILE_DEFINITIONS "${theme_definitions}")
add_custom_target(loupe_font_pieces ALL DEPENDS ${font_pieces})
loupe_embed(${CMAKE_SOURCE_DIR}/shaders/imgui.vert shader_imgui_vert)
loupe_embed(${CMAKE_SOURCE_DIR}/shaders/imgui.frag shader_imgui_frag)
add_library(loupe_assets STATIC ${embedded_sources})

# ---- The app: screens (src/app) over a platform layer (src/platform) -----------------------------
# The shell (app.cpp) is built twice on the web: the full app, and the link build a respondent or a
# participant gets from a survey or invite link (LOUPE_LINK_BUILD: answering, notes, "Take a survey").
# Everything else is one static library, so each executable takes only the screens its shell calls.
file(GLOB LOUPE_APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp src/app/surveys/*.cpp src/app/taste/*.cpp)
list(REMOVE_ITEM LOUPE_APP_SOURCES "${CMAKE_SOURCE_DIR}/src/app/app.cpp")
# The browser needs no SDL: the page is its window (src/platform/web_main.cpp).
set(LOUPE_PLATFORM_COMMON src/platform/loop.cpp src/platform/gl_renderer.cpp)
if(EMSCRIPTEN)
  add_library(loupe_screens STATIC ${LOUPE_APP_SOURCES} ${LOUPE_PLATFORM_COMMON} src/platform/web_main.cpp
              src/platform/platform_web.cpp)
  target_link_libraries(loupe_screens PUBLIC loupe_core imgui loupe_assets)
else()
  add_library(loupe_screens STATIC ${LOUPE_APP_SOURCES} ${LOUPE_PLATFORM_COMMON} src/platform/sdl_main.cpp
              src/platform/platform_desktop.cpp)
  target_link_libraries(loupe_screens PUBLIC loupe_core imgui loupe_assets SDL2::SDL2 OpenGL::GL)
endif()

if(EMSCRIPTEN)
  set(dist "${CMAKE_BINARY_DIR}/app")
  find_program(LOUPE_NODE node REQUIRED)
  set(LOUPE_TERSER "${CMAKE_SOURCE_DIR}/node_modules/terser/bin/terser")
  if(NOT EXISTS "${LOUPE_TERSER}")
    message(FATAL_ERROR "terser not found in node_modules: run ./emsdk-setup.sh first")
  endif()
  set(LOUPE_WEB_LINK_FLAGS
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
    --closure=0 -sASSERTIONS=0)
  # loupe_full -> app/loupe.{js,wasm}; loupe_link -> app/link.{js,wasm}. web/boot.js loads one.
  foreach(build "loupe_full;loupe" "loupe_link;link")
    list(GET build 0 target)
    list(GET build 1 name)
    add_executable(${target} src/app/app.cpp)
    target_link_libraries(${target} PRIVATE loupe_screens)
    set_target_properties(${target} PROPERTIES OUTPUT_NAME ${name} RUNTIME_OUTPUT_DIRECTORY "${dist}")
    # No WebGL extensions are turned on (web_main.cpp): their code is left out of the JavaScript.
    target_link_options(${target} PRIVATE ${LOUPE_WEB_LINK_FLAGS} -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
                        "--pre-js=${CMAKE_SOURCE_DIR}/web/pre.js")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/web/pre.js")
    # Emscripten only strips the JavaScript's spaces (its Closure is too old here): terser also
    # shortens local names and folds code, 14% off the gzipped JavaScript. Globals keep their names
    # (boot.js, pre.js and the tests call Module and UTF8ToString by name).
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND ${LOUPE_NODE} ${LOUPE_TERSER} "${dist}/${name}.js" --compress --mangle -o "${dist}/${name}.js" VERBATIM)
  endforeach()
  target_compile_definitions(loupe_link PRIVATE LOUPE_LINK_BUILD)
  # The whole page: both builds, the fonts, the static files and the service worker, in ${dist}.
  add_custom_target(loupe_web ALL DEPENDS loupe_full loupe_link)
  add_dependencies(loupe_web loupe_font_pieces)
  # Chinese, Japanese and Korean: Noto Sans CJK (its JP face; every face holds all three scripts),
  # cut to the common characters (cmake/cjk_unicodes.py), beside the page for theme.cpp to fetch
  # when some text needs it.
  set(cjk_font "${dist}/fonts/noto-sans-cjk.otf")
  set(noto_cjk /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)
  add_custom_command(OUTPUT "${cjk_font}"
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dist}/fonts ${CMAKE_BINARY_DIR}/fonts
    COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/cmake/cjk_unicodes.py ${CMAKE_BINARY_DIR}/fonts/cjk_unicodes.txt
    COMMAND /usr/bin/python3 -m fontTools.subset ${noto_cjk} --font-number=0
            --unicodes-file=${CMAKE_BINARY_DIR}/fonts/cjk_unicodes.txt --layout-features= --no-hinting
            --output-file=${cjk_font}
    DEPENDS ${noto_cjk} ${CMAKE_SOURCE_DIR}/cmake/cjk_unicodes.py VERBATIM)
  add_custom_target(loupe_cjk_font DEPENDS "${cjk_font}")
  add_dependencies(loupe_web loupe_cjk_font)
  # The page's own static files beside the build output, copied (and the service worker's version
  # worked out again) each time the page is built.
  set(web_files index.html loupe.css icon.svg manifest.webmanifest)
  foreach(f ${web_files})
    add_custom_command(TARGET loupe_web POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/web/${f}" "${dist}/${f}")
  endforeach()
  add_custom_command(TARGET loupe_web POST_BUILD
    COMMAND ${LOUPE_NODE} ${LOUPE_TERSER} "${CMAKE_SOURCE_DIR}/web/boot.js" --compress --mangle -o "${dist}/boot.js"
    VERBATIM)
  # Icons for a phone's home screen (Chrome wants PNGs, iOS an apple-touch-icon), drawn from the SVGs.
  find_program(RSVG_CONVERT rsvg-convert REQUIRED)
  foreach(icon "icon.svg;192;icon-192.png" "icon.svg;512;icon-512.png"
               "icon-maskable.svg;512;icon-maskable-512.png" "icon-maskable.svg;180;apple-touch-icon.png")
    list(GET icon 0 svg)
    list(GET icon 1 size)
    list(GET icon 2 png)
    add_custom_command(OUTPUT "${dist}/${png}"
      COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} "${CMAKE_SOURCE_DIR}/web/${svg}" -o "${dist}/${png}"
      DEPENDS "${CMAKE_SOURCE_DIR}/web/${svg}" VERBATIM)
    list(APPEND icons "${dist}/${png}")
  endforeach()
  add_custom_target(loupe_icons DEPENDS ${icons})
  add_dependencies(loupe_web loupe_icons)
  # Keep this the last step: the service worker's version is a hash of everything in ${dist}.
  add_custom_command(TARGET loupe_web POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DAPP_DIR=${dist} -DTEMPLATE=${CMAKE_SOURCE_DIR}/web/sw.js
            -P ${CMAKE_SOURCE_DIR}/cmake/sw.cmake)

  # Dear ImGui's own demo window, same toolchain and flags: the baseline bench/load compares against.
  add_executable(imgui_demo_baseline EXCLUDE_FROM_ALL bench/load/baseline/main.cpp
    ${LOUPE_IMGUI_DIR}/imgui_demo.cpp ${LOUPE_IMGUI_DIR}/backends/imgui_impl_sdl.cpp
    ${LOUPE_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_link_libraries(imgui_demo_baseline PRIVATE imgui SDL2::SDL2)
  target_compile_options(imgui_demo_baseline PRIVATE -w)
  set_target_properties(imgui_demo_baseline PROPERTIES OUTPUT_NAME demo
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/baseline")
  target_link_options(imgui_demo_baseline PRIVATE ${LOUPE_WEB_LINK_FLAGS})
  foreach(f index.html start.js demo.css)
    add_custom_command(TARGET imgui_demo_baseline POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/bench/load/baseline/${f}"
              "${CMAKE_BINARY_DIR}/baseline/${f}")
  endforeach()
else()
  add_executable(loupe_desktop src/app/app.cpp)
  target_link_libraries(loupe_desktop PRIVATE loupe_screens)
  add_dependencies(loupe_desktop loupe_font_pieces)
  find_program(XVFB_RUN xvfb-run)
  if(LOUPE_BUILD_TESTS AND XVFB_RUN)
    # Draws real frames into a real (virtual) X window and checks that they are not blank.
    add_test(NAME desktop_smoke COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24"
             $<TARGET_FILE:loupe_desktop> --self-test)
  endif()
endif()
