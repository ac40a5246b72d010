# sw.cmake — writes the service worker into the built app: VERSION is a hash of every file of the
# app (names and contents), FILES the ones it keeps from the start: all but fonts/, which pages
# fetch only when they need them, the PNG icons, which the browser fetches only to install the app
# on a home screen (34 KB a respondent would otherwise download), and the two builds (link.* and
# loupe.*), which it keeps once a page has used one. Same build, same sw.js: the browser keeps its cache.
#   cmake -DAPP_DIR=build/web/app -DTEMPLATE=web/sw.js -P cmake/sw.cmake
file(GLOB_RECURSE files RELATIVE "${APP_DIR}" "${APP_DIR}/*")
list(REMOVE_ITEM files sw.js)
list(SORT files)
set(manifest "")
set(precache "")
foreach(f ${files})
  file(SHA256 "${APP_DIR}/${f}" digest)
  string(APPEND manifest "${f} ${digest}\n")
  if(NOT f MATCHES "^fonts/" AND NOT f MATCHES "\\.png$" AND NOT f MATCHES "^(link|loupe)\\.(js|wasm)$")
    list(APPEND precache "'${f}'")
  endif()
endforeach()
string(SHA256 LOUPE_VERSION "${manifest}")
string(SUBSTRING "${LOUPE_VERSION}" 0 16 LOUPE_VERSION)
list(JOIN precache ", " LOUPE_PRECACHE)
configure_file("${TEMPLATE}" "${APP_DIR}/sw.js" @ONLY)
