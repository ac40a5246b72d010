// screenshot.h — turning whatever picture a participant attaches into the screenshot Loupe keeps.
//
// Every picture is decoded and encoded again as a JPEG: at most 1600 pixels on its long edge
// (sharp on any screen a meeting is shown on, a few hundred kilobytes), plus a thumbnail of at
// most 320. Re-encoding drops everything but the pixels: EXIF, GPS location, camera and
// software names, comments. A phone photo's EXIF orientation is applied first, so a portrait
// photo stays upright. The id is the hash of the JPEG's bytes, so the same picture attached
// twice is stored once.
//
// The header is read before anything is allocated: a picture that claims more than 50
// megapixels (a 30,000 x 30,000 PNG is 2.7 GB of pixels) is refused by its header alone.
// PNG, JPEG, GIF (the first frame) and BMP are read; others get a message that names them.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/shared/result.h"
#include "core/taste/records.h"

namespace loupe::taste {

constexpr int kScreenshotLongEdge = 1600;
constexpr int kThumbnailLongEdge = 320;
constexpr std::uint64_t kMaxScreenshotPixels = 50'000'000;

Result<ScreenshotImage> reencode_screenshot(std::span<const std::uint8_t> bytes);

// A kept picture (a screenshot or its thumbnail, as stored or as a file brought it) decoded for
// the screen. Refuses anything larger than a screenshot can be, by its header, before decoding.
struct RgbaPixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // 4 bytes a pixel, rows from the top
};
Result<RgbaPixels> decode_for_display(std::span<const std::uint8_t> jpeg);

}  // namespace loupe::taste
