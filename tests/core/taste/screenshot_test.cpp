// screenshot_test.cpp — re-encoding attached pictures: a 12-megapixel phone photo with EXIF
// (orientation, a camera name, a place) comes out upright, at most 1600 px, as a JPEG without
// any of it; a thumbnail; the same picture twice has the same id; not-an-image, a cut-off
// picture and a 30,000 x 30,000 claim get a clear message.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/shared/container.h"
#include "core/shared/packing.h"
#include "core/taste/screenshot.h"

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace loupe::taste {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A picture whose top-left quarter is red and the rest blue, so orientation can be checked.
std::vector<std::uint8_t> marked_rgb(int w, int h) {
    std::vector<std::uint8_t> rgb(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const bool red = x < w / 2 && y < h / 2;
            std::uint8_t* p = &rgb[(std::size_t(y) * w + x) * 3];
            p[0] = red ? 220 : 20, p[1] = 30, p[2] = red ? 20 : 200;
        }
    return rgb;
}

void append(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    out->insert(out->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}

std::vector<std::uint8_t> encode_jpeg(int w, int h) {
    std::vector<std::uint8_t> out;
    const auto rgb = marked_rgb(w, h);
    stbi_write_jpg_to_func(append, &out, w, h, 3, rgb.data(), 90);
    return out;
}

std::vector<std::uint8_t> encode_png(int w, int h) {
    std::vector<std::uint8_t> out;
    const auto rgb = marked_rgb(w, h);
    stbi_write_png_to_func(append, &out, w, h, 3, rgb.data(), w * 3);
    return out;
}

// An APP1 EXIF segment, as a phone writes it: orientation, a camera description and a place.
std::vector<std::uint8_t> with_exif(std::vector<std::uint8_t> jpeg, int orientation) {
    const std::string secret = "SecretCam at 51.5007N 0.1246W";
    std::vector<std::uint8_t> tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 2, 0};
    auto entry = [&](std::uint16_t tag, std::uint16_t type, std::uint32_t count, std::uint32_t value) {
        for (std::uint32_t v : {std::uint32_t(tag), std::uint32_t(type)}) tiff.push_back(std::uint8_t(v)), tiff.push_back(std::uint8_t(v >> 8));
        for (std::uint32_t v : {count, value})
            for (int i = 0; i < 4; ++i) tiff.push_back(std::uint8_t(v >> (8 * i)));
    };
    entry(0x010E, 2, std::uint32_t(secret.size() + 1), 8 + 2 + 2 * 12 + 4);  // ImageDescription, after the IFD
    entry(0x0112, 3, 1, std::uint32_t(orientation));
    for (int i = 0; i < 4; ++i) tiff.push_back(0);  // no next IFD
    tiff.insert(tiff.end(), secret.begin(), secret.end());
    tiff.push_back(0);
    std::vector<std::uint8_t> app1 = {0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f', 0, 0};
    app1.insert(app1.end(), tiff.begin(), tiff.end());
    app1[2] = std::uint8_t((app1.size() - 2) >> 8), app1[3] = std::uint8_t(app1.size() - 2);
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    return jpeg;
}

struct Decoded {
    int w = 0, h = 0;
    std::vector<std::uint8_t> rgb;
    bool red_at(int x, int y) const { return rgb[(std::size_t(y) * w + x) * 3] > 128; }
};

Decoded decode(const std::vector<std::uint8_t>& bytes) {
    Decoded d;
    int n = 0;
    stbi_uc* p = stbi_load_from_memory(bytes.data(), int(bytes.size()), &d.w, &d.h, &n, 3);
    if (p) d.rgb.assign(p, p + std::size_t(d.w) * d.h * 3), stbi_image_free(p);
    return d;
}

TEST(TasteScreenshot, APhonePhotoComesOutUprightSmallAndWithoutExif) {
    const auto photo = with_exif(encode_jpeg(4000, 3000), 6);  // 12 megapixels, turned on its side
    const std::string raw(photo.begin(), photo.end());
    ASSERT_TRUE(contains(raw, "SecretCam"));
    auto shot = reencode_screenshot(photo);
    ASSERT_TRUE(shot) << shot.error();
    EXPECT_EQ(shot->meta.width, 1200);  // upright: portrait
    EXPECT_EQ(shot->meta.height, 1600);
    EXPECT_EQ(shot->meta.thumb_width, 240);
    EXPECT_EQ(shot->meta.thumb_height, 320);
    EXPECT_EQ(shot->meta.format, ImageFormat::Jpeg);
    EXPECT_EQ(shot->meta.bytes, shot->image.size());
    EXPECT_EQ(shot->meta.id, content_hash(shot->image));
    const std::string out(shot->image.begin(), shot->image.end());
    EXPECT_FALSE(contains(out, "Exif"));
    EXPECT_FALSE(contains(out, "SecretCam"));
    EXPECT_FALSE(contains(out, "51.5007"));
    // Rotated 90 degrees clockwise, the red top-left corner is now top-right.
    const Decoded d = decode(shot->image);
    ASSERT_EQ(d.w, 1200);
    EXPECT_TRUE(d.red_at(d.w - 100, 100));
    EXPECT_FALSE(d.red_at(100, 100));
    EXPECT_FALSE(d.red_at(d.w - 100, d.h - 100));
    const Decoded t = decode(shot->thumb);
    EXPECT_EQ(t.w, 240);
    EXPECT_TRUE(t.red_at(t.w - 20, 20));
    // The same photo again has the same id: stored once.
    EXPECT_EQ(reencode_screenshot(photo)->meta.id, shot->meta.id);
}

TEST(TasteScreenshot, EveryOrientationIsApplied) {
    // Where the red corner ends up for each EXIF orientation: (right?, bottom?)
    const bool expected[9][2] = {{}, {false, false}, {true, false}, {true, true}, {false, true},
                                 {false, false}, {true, false}, {true, true}, {false, true}};
    const auto jpeg = encode_jpeg(64, 48);
    for (int o = 1; o <= 8; ++o) {
        auto shot = reencode_screenshot(with_exif(jpeg, o));
        ASSERT_TRUE(shot) << shot.error();
        const Decoded d = decode(shot->image);
        EXPECT_EQ(d.w, o >= 5 ? 48 : 64) << o;
        const int x = expected[o][0] ? d.w - 4 : 4, y = expected[o][1] ? d.h - 4 : 4;
        EXPECT_TRUE(d.red_at(x, y)) << "orientation " << o;
    }
}

TEST(TasteScreenshot, SmallPicturesKeepTheirSize) {
    auto shot = reencode_screenshot(encode_png(300, 200));
    ASSERT_TRUE(shot) << shot.error();
    EXPECT_EQ(shot->meta.width, 300);
    EXPECT_EQ(shot->meta.height, 200);
    EXPECT_EQ(shot->meta.thumb_width, 300);
    EXPECT_EQ(shot->image[0], 0xFF);  // a JPEG, whatever came in
}

TEST(TasteScreenshot, AnEmptyFirstDataChunkIsLeftOut) {
    // Legal PNG, and found by the fuzzer: stb_image would memcpy into a null buffer for it.
    auto png = encode_png(40, 30);
    const std::string text(png.begin(), png.end());
    const std::size_t idat = text.find("IDAT") - 4;
    const std::uint8_t type[] = {'I', 'D', 'A', 'T'};
    const std::uint32_t crc = crc32(type);
    std::vector<std::uint8_t> empty = {0, 0, 0, 0, 'I', 'D', 'A', 'T'};
    for (int shift = 24; shift >= 0; shift -= 8) empty.push_back(std::uint8_t(crc >> shift));
    png.insert(png.begin() + std::ptrdiff_t(idat), empty.begin(), empty.end());
    auto shot = reencode_screenshot(png);
    ASSERT_TRUE(shot) << shot.error();
    EXPECT_EQ(shot->meta.width, 40);
}

TEST(TasteScreenshot, BadPicturesGetAClearMessage) {
    const std::string text = "Hello, this is not a picture";
    EXPECT_TRUE(contains(reencode_screenshot({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}).error(),
                         "not a picture Loupe can read"));
    EXPECT_TRUE(contains(reencode_screenshot({}).error(), "empty"));

    auto png = encode_png(400, 300);
    png.resize(png.size() / 2);
    EXPECT_TRUE(contains(reencode_screenshot(png).error(), "cut short")) << reencode_screenshot(png).error();
    // A data chunk that claims 2 GB: refused before anything is reserved for it.
    auto claims = encode_png(40, 30);
    const std::size_t idat = std::string(claims.begin(), claims.end()).find("IDAT") - 4;
    claims[idat] = 0x7F, claims[idat + 1] = 0xFF;
    EXPECT_TRUE(contains(reencode_screenshot(claims).error(), "claims more bytes than are there"))
        << reencode_screenshot(claims).error();
    auto jpeg = encode_jpeg(400, 300);
    jpeg.resize(jpeg.size() * 2 / 3);
    EXPECT_TRUE(contains(reencode_screenshot(jpeg).error(), "cut short")) << reencode_screenshot(jpeg).error();

    // A PNG whose header claims 30,000 x 30,000 pixels: refused from the header, nothing allocated.
    std::vector<std::uint8_t> huge = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (std::uint32_t v : {30000u, 30000u})
        for (int shift = 24; shift >= 0; shift -= 8) huge.push_back(std::uint8_t(v >> shift));
    huge.insert(huge.end(), {8, 2, 0, 0, 0, 0, 0, 0, 0});
    EXPECT_TRUE(contains(reencode_screenshot(huge).error(), "30000 x 30000 pixels, more than Loupe takes"))
        << reencode_screenshot(huge).error();

    const std::string webp = std::string("RIFF") + std::string(4, '\0') + "WEBPVP8 ";
    EXPECT_TRUE(contains(reencode_screenshot({reinterpret_cast<const std::uint8_t*>(webp.data()), webp.size()}).error(),
                         "WebP picture"));
}

}  // namespace
TEST(TasteScreenshot, KeptPicturesDecodeForTheScreen) {
    auto shot = reencode_screenshot(encode_png(800, 600));
    ASSERT_TRUE(shot) << shot.error();
    auto thumb = decode_for_display(shot->thumb);
    ASSERT_TRUE(thumb) << thumb.error();
    EXPECT_EQ(thumb->width, shot->meta.thumb_width);
    EXPECT_EQ(thumb->height, shot->meta.thumb_height);
    EXPECT_EQ(thumb->rgba.size(), std::size_t(thumb->width) * thumb->height * 4);
    EXPECT_EQ(thumb->rgba[3], 255);  // opaque

    EXPECT_FALSE(decode_for_display(encode_png(20, 20)));  // only Loupe's own JPEGs
    EXPECT_FALSE(decode_for_display(encode_jpeg(2000, 100)));  // larger than a screenshot can be
    std::vector<std::uint8_t> cut(shot->thumb.begin(), shot->thumb.begin() + 20);
    EXPECT_FALSE(decode_for_display(cut));
}

// The browser's way (platform.h, reencode_picture): the checks first, the record from its JPEGs.
TEST(TasteScreenshot, TheBrowsersWayChecksFirstAndKeepsWhatItEncoded) {
    auto size = check_picture(encode_png(2400, 1200));
    ASSERT_TRUE(size) << size.error();
    EXPECT_EQ(size->width, 2400);
    EXPECT_EQ(size->height, 1200);
    auto jpeg_size = check_picture(encode_jpeg(64, 48));
    ASSERT_TRUE(jpeg_size) << jpeg_size.error();
    EXPECT_EQ(jpeg_size->width, 64);
    EXPECT_FALSE(check_picture({}));

    const PictureSize fitted = fitted_size(2400, 1200, kScreenshotLongEdge);
    EXPECT_EQ(fitted.width, 1600);
    EXPECT_EQ(fitted.height, 800);
    EXPECT_EQ(fitted_size(300, 200, kScreenshotLongEdge).width, 300);
    EXPECT_EQ(fitted_size(1, 4000, kThumbnailLongEdge).width, 1);  // never 0 pixels wide

    const auto image = encode_jpeg(160, 80), thumb = encode_jpeg(32, 16);
    const ScreenshotImage kept = kept_screenshot(image, {160, 80}, thumb, {32, 16});
    EXPECT_EQ(kept.meta.id, content_hash(image));
    EXPECT_EQ(kept.meta.bytes, image.size());
    EXPECT_EQ(kept.meta.thumb_width, 32);
    EXPECT_EQ(kept.thumb, thumb);

    ASSERT_TRUE(check_kept_picture(thumb));
    EXPECT_EQ(check_kept_picture(thumb)->height, 16);
    EXPECT_FALSE(check_kept_picture(encode_png(20, 20)));
    EXPECT_FALSE(check_kept_picture(encode_jpeg(2000, 100)));
}

}  // namespace loupe::taste
