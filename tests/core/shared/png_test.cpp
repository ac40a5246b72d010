// png_test.cpp — PNG files read back by hand: signature, chunk CRCs, IHDR, and IDAT inflating
// to the rows that were given; the QR code's image has its modules where the code has them.
#include <gtest/gtest.h>

#include <libdeflate.h>

#include <memory>
#include <string>

#include "core/shared/container.h"
#include "core/shared/png.h"
#include "core/shared/qr.h"

using namespace loupe;

namespace {

std::uint32_t u32_be(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

struct Chunk {
    std::string type;
    std::vector<std::uint8_t> data;
};

// The chunks of a PNG file; fails the test on a bad signature, length or CRC.
std::vector<Chunk> chunks_of(const std::vector<std::uint8_t>& png) {
    const std::vector<std::uint8_t> signature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<Chunk> chunks;
    if (png.size() < 8 || !std::equal(signature.begin(), signature.end(), png.begin())) {
        ADD_FAILURE() << "no PNG signature";
        return chunks;
    }
    for (std::size_t at = 8; at < png.size();) {
        if (png.size() - at < 12) {
            ADD_FAILURE() << "a chunk is cut short";
            break;
        }
        const std::uint32_t length = u32_be(&png[at]);
        if (png.size() - at - 12 < length) {
            ADD_FAILURE() << "a chunk is longer than the file";
            break;
        }
        const std::span<const std::uint8_t> typed(&png[at + 4], length + 4);
        EXPECT_EQ(crc32(typed), u32_be(&png[at + 8 + length])) << "CRC of chunk at " << at;
        chunks.push_back({std::string(typed.begin(), typed.begin() + 4), {typed.begin() + 4, typed.end()}});
        at += 12 + length;
    }
    return chunks;
}

struct Decoded {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // filter bytes removed; only filter 0 is expected
};

Decoded decode(const std::vector<std::uint8_t>& png) {
    Decoded image;
    const auto chunks = chunks_of(png);
    if (chunks.size() != 3) {
        ADD_FAILURE() << chunks.size() << " chunks";
        return image;
    }
    EXPECT_EQ(chunks[0].type, "IHDR");
    EXPECT_EQ(chunks[1].type, "IDAT");
    EXPECT_EQ(chunks[2].type, "IEND");
    EXPECT_TRUE(chunks[2].data.empty());
    const auto& ihdr = chunks[0].data;
    if (ihdr.size() != 13) {
        ADD_FAILURE() << "IHDR has " << ihdr.size() << " bytes";
        return image;
    }
    image.width = int(u32_be(&ihdr[0]));
    image.height = int(u32_be(&ihdr[4]));
    EXPECT_EQ(std::vector<std::uint8_t>(ihdr.begin() + 8, ihdr.end()), (std::vector<std::uint8_t>{8, 6, 0, 0, 0}))
        << "bit depth, colour type, compression, filter method, interlace";

    const std::size_t row_bytes = std::size_t(image.width) * 4 + 1;
    std::vector<std::uint8_t> rows(row_bytes * std::size_t(image.height));
    std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> d(
        libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    std::size_t got = 0;
    EXPECT_EQ(libdeflate_zlib_decompress(d.get(), chunks[1].data.data(), chunks[1].data.size(), rows.data(),
                                         rows.size(), &got),
              LIBDEFLATE_SUCCESS);
    EXPECT_EQ(got, rows.size());
    for (std::size_t y = 0; y < std::size_t(image.height); ++y) {
        EXPECT_EQ(rows[y * row_bytes], 0) << "filter of row " << y;
        image.rgba.insert(image.rgba.end(), rows.begin() + std::ptrdiff_t(y * row_bytes + 1),
                          rows.begin() + std::ptrdiff_t((y + 1) * row_bytes));
    }
    return image;
}

}  // namespace

TEST(Png, RowsComeBackFromIdat) {
    const int width = 7, height = 5;  // odd sizes: nothing may assume a multiple of anything
    std::vector<std::uint8_t> rgba;
    for (int i = 0; i < width * height * 4; ++i) rgba.push_back(std::uint8_t(i * 37 + 11));
    const auto png = encode_png(width, height, rgba);
    const Decoded image = decode(png);
    EXPECT_EQ(image.width, width);
    EXPECT_EQ(image.height, height);
    EXPECT_EQ(image.rgba, rgba);
}

TEST(Png, OnePixel) {
    const std::vector<std::uint8_t> red = {255, 0, 0, 128};
    const Decoded image = decode(encode_png(1, 1, red));
    EXPECT_EQ(image.width, 1);
    EXPECT_EQ(image.height, 1);
    EXPECT_EQ(image.rgba, red);
}

TEST(Png, WrongSizesGiveNothing) {
    const std::vector<std::uint8_t> four_pixels(16, 200);
    EXPECT_TRUE(encode_png(0, 4, four_pixels).empty());
    EXPECT_TRUE(encode_png(-2, -2, four_pixels).empty());
    EXPECT_TRUE(encode_png(3, 1, four_pixels).empty());  // too many bytes
    EXPECT_TRUE(encode_png(5, 1, four_pixels).empty());  // too few
    EXPECT_TRUE(encode_png(65536, 65536, four_pixels).empty());  // the product would overflow 32 bits
    EXPECT_FALSE(encode_png(2, 2, four_pixels).empty());
}

TEST(QrPng, ModulesAreBlackOnWhiteWithAQuietZone) {
    const auto qr = make_qr("https://example.com/loupe/#s=abc");
    ASSERT_TRUE(qr) << qr.error();
    const int pixels = 3, quiet = 4;
    const Decoded image = decode(qr_png(*qr, pixels, quiet));
    const int side = (qr->size + 2 * quiet) * pixels;
    ASSERT_EQ(image.width, side);
    ASSERT_EQ(image.height, side);
    int mismatches = 0;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int mx = x / pixels - quiet, my = y / pixels - quiet;
            const bool inside = mx >= 0 && my >= 0 && mx < qr->size && my < qr->size;
            const std::uint8_t want = inside && qr->dark(mx, my) ? 0 : 255;
            const std::uint8_t* p = &image.rgba[(std::size_t(y) * side + x) * 4];
            mismatches += p[0] != want || p[1] != want || p[2] != want || p[3] != 255;
        }
    EXPECT_EQ(mismatches, 0);
    // The top-left finder pattern's corner is dark, just inside the quiet zone.
    EXPECT_EQ(image.rgba[(std::size_t(quiet * pixels) * side + quiet * pixels) * 4], 0);
}

TEST(QrPng, DefaultsAndRefusals) {
    const auto qr = make_qr("hello");
    ASSERT_TRUE(qr) << qr.error();
    const Decoded image = decode(qr_png(*qr));
    EXPECT_EQ(image.width, (qr->size + 8) * 8);
    EXPECT_TRUE(qr_png(*qr, 0).empty());
    EXPECT_TRUE(qr_png(*qr, 8, -1).empty());
    EXPECT_TRUE(qr_png(*qr, kMaxQrPixels).empty());
    EXPECT_TRUE(qr_png(QrCode{}).empty());
    EXPECT_TRUE(qr_png(QrCode{21, {}}).empty());  // modules missing
}
