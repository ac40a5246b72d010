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
//
// reencode_screenshot and decode_for_display do it all with the stb libraries (the desktop, the
// tools, the tests). The browser decodes, shrinks and encodes with its own image code instead
// (platform.h, reencode_picture), so the web app carries no image codec: it runs check_picture
// first, builds the record from the browser's two JPEGs with kept_screenshot, and checks a kept
// JPEG's header with check_kept_picture before asking the browser to draw it.
#include <cstdint>
#include <span>
#include <vector>

#include "core/shared/result.h"
#include "core/taste/records.h"

namespace loupe::taste {

constexpr int kScreenshotLongEdge = 1600;
constexpr int kThumbnailLongEdge = 320;
constexpr std::uint64_t kMaxScreenshotPixels = 50'000'000;
constexpr int kJpegQuality = 82, kThumbnailQuality = 75;

struct PictureSize {
    int width = 0, height = 0;
};
// What is known before decoding, from the bytes and the header alone: not empty, a format Loupe
// reads, a header that can be read, at most 50 megapixels, not cut short (a JPEG without its end
// marker, a PNG chunk that claims more bytes than are there). The error says what is wrong.
Result<PictureSize> check_picture(std::span<const std::uint8_t> bytes);
// The size a picture of width x height is shrunk to for at most `long_edge` pixels on its long
// side (the same size when it is already that small).
PictureSize fitted_size(int width, int height, int long_edge);
// The record of a screenshot from its two JPEGs, the picture width x height and its thumbnail:
// the id is the hash of the picture's bytes.
ScreenshotImage kept_screenshot(std::vector<std::uint8_t> image, PictureSize size, std::vector<std::uint8_t> thumb,
                                PictureSize thumb_size);

Result<ScreenshotImage> reencode_screenshot(std::span<const std::uint8_t> bytes);

// A kept picture (a screenshot or its thumbnail, as stored or as a file brought it) decoded for
// the screen. Refuses anything larger than a screenshot can be, by its header, before decoding.
struct RgbaPixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // 4 bytes a pixel, rows from the top
};
Result<RgbaPixels> decode_for_display(std::span<const std::uint8_t> jpeg);
// decode_for_display's checks without the decoding: a JPEG whose header can be read, no larger
// than a screenshot is kept.
Result<PictureSize> check_kept_picture(std::span<const std::uint8_t> jpeg);

}  // namespace loupe::taste
