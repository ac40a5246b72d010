# embed.cmake — turns a file into a C++ source with `extern const unsigned char NAME[]` and
# `extern const unsigned int NAME_size`. A NUL is appended so text (shaders) can be used as a C string.
# Usage: cmake -DINPUT=file -DOUTPUT=file.cpp -DNAME=symbol -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by cmake/embed.cmake; do not edit.\n"
  "extern const unsigned char ${NAME}[];\nextern const unsigned int ${NAME}_size;\n"
  "alignas(4) const unsigned char ${NAME}[] = {\n${bytes}0x00};\nconst unsigned int ${NAME}_size = ${size};\n")
