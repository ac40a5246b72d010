// png.h — writing PNG images, for files a user saves (a survey's QR code).
//
// Only what Loupe needs: 8-bit RGBA, not interlaced, one IDAT chunk compressed with libdeflate's
// zlib compressor. Every row uses filter 0 (none): Loupe's images are flat areas of a few
// colours, which deflate already shrinks to almost nothing, so predicting rows would buy little.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace loupe {

// A complete PNG file of a width x height image whose pixels are given row by row, 4 bytes
// each (red, green, blue, alpha). Empty when the sizes are not positive or `rgba` does not
// hold exactly width * height * 4 bytes.
std::vector<std::uint8_t> encode_png(int width, int height, std::span<const std::uint8_t> rgba);

}  // namespace loupe
