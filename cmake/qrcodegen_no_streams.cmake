# qrcodegen_no_streams.cmake — copies Nayuki's qrcodegen.cpp with its one std::ostringstream gone.
#
# The message of its data_too_long exception is put together with an ostringstream, which alone
# brings C++'s streams and locales into the full app (about 15 KB gzipped). Loupe never shows that
# message (core/shared/qr.cpp catches the exception and says what is wrong in its own words), so a
# fixed one does.
# Usage: cmake -DINPUT=qrcodegen.cpp -DOUTPUT=qrcodegen_no_streams.cpp -P qrcodegen_no_streams.cmake
file(READ "${INPUT}" source)
string(REGEX REPLACE "std::ostringstream sb;.*throw data_too_long\\(sb\\.str\\(\\)\\);"
       "throw data_too_long(\"Data too long\");" patched "${source}")
if(patched STREQUAL source)
  message(FATAL_ERROR "qrcodegen_no_streams.cmake: ${INPUT} is not the qrcodegen 1.8.0 it was written for")
endif()
file(WRITE "${OUTPUT}" "${patched}")
