// screenshot.cpp — decoding (stb_image), orienting, shrinking (stb_image_resize) and encoding
// (stb_image_write) screenshots. The stb libraries are compiled here, private to this file.
#include "core/taste/screenshot.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/shared/packing.h"

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_MAX_DIMENSIONS 65535
#define STB_IMAGE_RESIZE_STATIC
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wtype-limits"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace loupe::taste {
namespace {

bool starts_with(std::span<const std::uint8_t> bytes, std::size_t at, std::string_view magic) {
    return bytes.size() >= at + magic.size() && std::memcmp(bytes.data() + at, magic.data(), magic.size()) == 0;
}

// A format stb does not read, named for the message; empty when it is none we recognise.
std::string unreadable_format(std::span<const std::uint8_t> bytes) {
    if (starts_with(bytes, 0, "RIFF") && starts_with(bytes, 8, "WEBP")) return "WebP";
    if (starts_with(bytes, 4, "ftypheic") || starts_with(bytes, 4, "ftypheix") || starts_with(bytes, 4, "ftypmif1"))
        return "HEIC";
    if (starts_with(bytes, 4, "ftypavif")) return "AVIF";
    if (starts_with(bytes, 0, "II*") || starts_with(bytes, 0, "MM\0*")) return "TIFF";
    return {};
}

bool known_format(std::span<const std::uint8_t> bytes) {
    return starts_with(bytes, 0, "\x89PNG") || starts_with(bytes, 0, "\xFF\xD8\xFF") || starts_with(bytes, 0, "GIF8") ||
           starts_with(bytes, 0, "BM");
}

std::uint32_t be16(std::span<const std::uint8_t> b, std::size_t at) { return std::uint32_t(b[at]) << 8 | b[at + 1]; }
std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }
std::uint32_t le16(std::span<const std::uint8_t> b, std::size_t at) { return std::uint32_t(b[at]) | b[at + 1] << 8; }
std::uint32_t le32(std::span<const std::uint8_t> b, std::size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }

// The size a picture's header claims, read by hand: stb refuses huge sizes with a generic
// error, and the user should hear what the picture claims. False when there is no header.
bool claimed_size(std::span<const std::uint8_t> b, std::int64_t& width, std::int64_t& height) {
    if (starts_with(b, 0, "\x89PNG") && b.size() >= 24 && starts_with(b, 12, "IHDR")) {
        width = be32(b, 16), height = be32(b, 20);
        return true;
    }
    if (starts_with(b, 0, "GIF8") && b.size() >= 10) {
        width = le16(b, 6), height = le16(b, 8);
        return true;
    }
    if (starts_with(b, 0, "BM") && b.size() >= 26) {
        width = std::int32_t(le32(b, 18)), height = std::int32_t(le32(b, 22));
        if (height < 0) height = -height;  // a top-down BMP
        return true;
    }
    if (starts_with(b, 0, "\xFF\xD8")) {
        for (std::size_t pos = 2; pos + 9 <= b.size() && b[pos] == 0xFF;) {
            const std::uint8_t marker = b[pos + 1];
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                height = be16(b, pos + 5), width = be16(b, pos + 7);
                return true;
            }
            pos += 2 + be16(b, pos + 2);
        }
    }
    return false;
}

// Walks a PNG's chunks: one that claims more bytes than are left is a cut-off picture, said
// before any decoder (stb_image reserves the claimed length before it checks the bytes are there:
// a chunk that claims 2 GB). Empty when the chunks are sound.
std::string png_problem(std::span<const std::uint8_t> b) {
    if (!starts_with(b, 0, "\x89PNG")) return {};
    for (std::size_t pos = 8; pos + 12 <= b.size();) {
        const std::size_t length = be32(b, pos);
        if (length > b.size() - pos - 12)
            return "This picture is cut short: a part of the PNG claims more bytes than are there.";
        if (starts_with(b, pos + 4, "IEND")) break;
        pos += 12 + length;
    }
    return {};
}

// A copy of a sound PNG (png_problem) without its empty data chunks, when it has some: stb_image
// hands memcpy a null buffer for an empty data chunk that comes first (undefined behaviour, found
// by the fuzzer). Returns whether `copy` is what to decode.
bool without_empty_data(std::span<const std::uint8_t> b, std::vector<std::uint8_t>& copy) {
    if (!starts_with(b, 0, "\x89PNG")) return false;
    bool dropped = false;
    copy.assign(b.begin(), b.begin() + 8);
    for (std::size_t pos = 8; pos + 12 <= b.size();) {
        const std::size_t length = be32(b, pos);
        const bool empty_data = length == 0 && starts_with(b, pos + 4, "IDAT");
        dropped |= empty_data;
        if (!empty_data) copy.insert(copy.end(), b.begin() + std::ptrdiff_t(pos), b.begin() + std::ptrdiff_t(pos + 12 + length));
        if (starts_with(b, pos + 4, "IEND")) break;
        pos += 12 + length;
    }
    return dropped;
}

// The EXIF orientation (1..8) of a JPEG, 1 when it has none. Every read is bounded.
int exif_orientation(std::span<const std::uint8_t> b) {
    if (!starts_with(b, 0, "\xFF\xD8")) return 1;
    std::size_t pos = 2;
    while (pos + 4 <= b.size() && b[pos] == 0xFF) {
        const std::uint8_t marker = b[pos + 1];
        const std::size_t length = std::size_t(b[pos + 2]) << 8 | b[pos + 3];
        if (marker == 0xDA || length < 2 || pos + 2 + length > b.size()) return 1;  // pixels start, or damage
        if (marker == 0xE1 && length >= 16 && starts_with(b, pos + 4, std::string_view("Exif\0\0", 6))) {
            const auto tiff = b.subspan(pos + 10, length - 8);
            const bool little = starts_with(tiff, 0, "II");
            auto u16 = [&](std::size_t at) -> std::uint32_t {
                if (at + 2 > tiff.size()) return 0;
                return little ? tiff[at] | tiff[at + 1] << 8 : tiff[at] << 8 | tiff[at + 1];
            };
            auto u32 = [&](std::size_t at) -> std::uint32_t { return little ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2); };
            const std::size_t ifd = u32(4);
            const std::uint32_t entries = u16(ifd);
            for (std::uint32_t e = 0; e < entries && ifd + 2 + 12 * (e + 1) <= tiff.size(); ++e) {
                const std::size_t entry = ifd + 2 + 12 * e;
                if (u16(entry) == 0x0112) {
                    const std::uint32_t value = u16(entry + 8);
                    return value >= 1 && value <= 8 ? int(value) : 1;
                }
            }
            return 1;
        }
        pos += 2 + length;
    }
    return 1;
}

struct Pixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;
};

// Applies an EXIF orientation, so the picture shows as the camera's owner saw it.
Pixels oriented(const Pixels& in, int orientation) {
    if (orientation == 1) return in;
    const int w = in.width, h = in.height;
    Pixels out;
    out.width = orientation >= 5 ? h : w;
    out.height = orientation >= 5 ? w : h;
    out.rgb.resize(in.rgb.size());
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            int sx = x, sy = y;
            switch (orientation) {
                case 2: sx = w - 1 - x; break;
                case 3: sx = w - 1 - x, sy = h - 1 - y; break;
                case 4: sy = h - 1 - y; break;
                case 5: sx = y, sy = x; break;
                case 6: sx = y, sy = h - 1 - x; break;
                case 7: sx = w - 1 - y, sy = h - 1 - x; break;
                case 8: sx = w - 1 - y, sy = x; break;
            }
            std::memcpy(&out.rgb[(std::size_t(y) * out.width + x) * 3], &in.rgb[(std::size_t(sy) * w + sx) * 3], 3);
        }
    return out;
}

// At most `long_edge` pixels on the long side (a copy when it is already that small).
Pixels shrunk(const std::uint8_t* rgb, int width, int height, int long_edge) {
    const int longest = std::max(width, height);
    Pixels out;
    if (longest <= long_edge) {
        out.width = width, out.height = height;
        out.rgb.assign(rgb, rgb + std::size_t(width) * height * 3);
        return out;
    }
    const PictureSize size = fitted_size(width, height, long_edge);
    out.width = size.width, out.height = size.height;
    out.rgb.resize(std::size_t(out.width) * out.height * 3);
    stbir_resize_uint8(rgb, width, height, 0, out.rgb.data(), out.width, out.height, 0, 3);
    return out;
}

std::vector<std::uint8_t> jpeg(const Pixels& p, int quality) {
    std::vector<std::uint8_t> out;
    stbi_write_jpg_to_func(
        [](void* context, void* data, int size) {
            auto* bytes = static_cast<std::vector<std::uint8_t>*>(context);
            bytes->insert(bytes->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
        },
        &out, p.width, p.height, 3, p.rgb.data(), quality);
    return out;
}

}  // namespace

Result<PictureSize> check_picture(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return failure<PictureSize>("This file is empty, not a picture.");
    if (bytes.size() > std::size_t(INT32_MAX)) return failure<PictureSize>("This file is far too large for a screenshot.");
    if (const std::string format = unreadable_format(bytes); !format.empty())
        return failure<PictureSize>("This is a " + format +
                                    " picture, which Loupe cannot read; take a screenshot, or save it as PNG or "
                                    "JPEG, and attach that.");
    if (!known_format(bytes)) return failure<PictureSize>("This is not a picture Loupe can read (PNG, JPEG, GIF or BMP).");
    std::int64_t width = 0, height = 0;
    if (!claimed_size(bytes, width, height) || width <= 0 || height <= 0)
        return failure<PictureSize>("This picture is cut short or damaged: its header cannot be read.");
    if (height > std::int64_t(kMaxScreenshotPixels) / width)
        return failure<PictureSize>("This picture says it is " + std::to_string(width) + " x " + std::to_string(height) +
                                    " pixels, more than Loupe takes (50 megapixels).");
    // A JPEG that stops before its end marker decodes "successfully" as grey below the cut.
    static constexpr std::uint8_t kEnd[] = {0xFF, 0xD9};
    if (starts_with(bytes, 0, "\xFF\xD8") &&
        std::search(bytes.begin() + std::ptrdiff_t(bytes.size() > 4096 ? bytes.size() - 4096 : 2), bytes.end(),
                    std::begin(kEnd), std::end(kEnd)) == bytes.end())
        return failure<PictureSize>("This picture is cut short: the end of the JPEG is missing.");
    if (std::string problem = png_problem(bytes); !problem.empty()) return failure<PictureSize>(problem);
    return PictureSize{int(width), int(height)};
}

PictureSize fitted_size(int width, int height, int long_edge) {
    const int longest = std::max(width, height);
    if (longest <= long_edge) return {width, height};
    return {std::max(1, int((std::int64_t(width) * long_edge + longest / 2) / longest)),
            std::max(1, int((std::int64_t(height) * long_edge + longest / 2) / longest))};
}

ScreenshotImage kept_screenshot(std::vector<std::uint8_t> image, PictureSize size, std::vector<std::uint8_t> thumb,
                                PictureSize thumb_size) {
    ScreenshotImage out;
    out.meta.id = content_hash(image);
    out.meta.width = std::uint16_t(size.width);
    out.meta.height = std::uint16_t(size.height);
    out.meta.bytes = std::uint32_t(image.size());
    out.meta.format = ImageFormat::Jpeg;
    out.meta.thumb_width = std::uint16_t(thumb_size.width);
    out.meta.thumb_height = std::uint16_t(thumb_size.height);
    out.meta.thumb_bytes = std::uint32_t(thumb.size());
    out.image = std::move(image);
    out.thumb = std::move(thumb);
    return out;
}

Result<ScreenshotImage> reencode_screenshot(std::span<const std::uint8_t> bytes) {
    if (auto checked = check_picture(bytes); !checked) return failure<ScreenshotImage>(checked.error());
    int width = 0, height = 0, channels = 0;
    const int size = int(bytes.size());
    if (!stbi_info_from_memory(bytes.data(), size, &width, &height, &channels) || width <= 0 || height <= 0 ||
        std::uint64_t(width) * std::uint64_t(height) > kMaxScreenshotPixels)
        return failure<ScreenshotImage>("This picture is cut short or damaged: its header cannot be read.");
    std::vector<std::uint8_t> cleaned;
    const std::span<const std::uint8_t> input =
        without_empty_data(bytes, cleaned) ? std::span<const std::uint8_t>(cleaned) : bytes;
    std::unique_ptr<stbi_uc, void (*)(void*)> data(
        stbi_load_from_memory(input.data(), int(input.size()), &width, &height, &channels, 3), stbi_image_free);
    if (!data && std::string_view(stbi_failure_reason()) == "outofmem")
        return failure<ScreenshotImage>("This picture is too large to open here (there is not enough memory).");
    if (!data)
        return failure<ScreenshotImage>(std::string("This picture is cut short or damaged (") + stbi_failure_reason() +
                                        ").");
    Pixels picture = shrunk(data.get(), width, height, kScreenshotLongEdge);
    data.reset();
    picture = oriented(picture, exif_orientation(bytes));
    const Pixels thumb = shrunk(picture.rgb.data(), picture.width, picture.height, kThumbnailLongEdge);
    std::vector<std::uint8_t> image_jpeg = jpeg(picture, kJpegQuality), thumb_jpeg = jpeg(thumb, kThumbnailQuality);
    if (image_jpeg.empty() || thumb_jpeg.empty()) return failure<ScreenshotImage>("This picture could not be encoded again.");
    return kept_screenshot(std::move(image_jpeg), {picture.width, picture.height}, std::move(thumb_jpeg),
                           {thumb.width, thumb.height});
}

Result<PictureSize> check_kept_picture(std::span<const std::uint8_t> jpeg) {
    std::int64_t width = 0, height = 0;
    if (jpeg.empty() || jpeg.size() > std::size_t(INT32_MAX) || !starts_with(jpeg, 0, "\xFF\xD8\xFF") ||
        !claimed_size(jpeg, width, height))
        return failure<PictureSize>("This screenshot is damaged.");
    if (width <= 0 || height <= 0 || width > kScreenshotLongEdge || height > kScreenshotLongEdge)
        return failure<PictureSize>("This screenshot is larger than Loupe keeps them.");
    return PictureSize{int(width), int(height)};
}

Result<RgbaPixels> decode_for_display(std::span<const std::uint8_t> jpeg) {
    if (auto checked = check_kept_picture(jpeg); !checked) return failure<RgbaPixels>(checked.error());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(jpeg.data(), int(jpeg.size()), &width, &height, &channels) || width <= 0 ||
        height <= 0 || width > kScreenshotLongEdge || height > kScreenshotLongEdge)
        return failure<RgbaPixels>("This screenshot is damaged.");
    std::unique_ptr<stbi_uc, void (*)(void*)> data(
        stbi_load_from_memory(jpeg.data(), int(jpeg.size()), &width, &height, &channels, 4), stbi_image_free);
    if (!data) return failure<RgbaPixels>("This screenshot is damaged.");
    RgbaPixels out;
    out.width = width, out.height = height;
    out.rgba.assign(data.get(), data.get() + std::size_t(width) * height * 4);
    return out;
}

}  // namespace loupe::taste
