// png.cpp — the PNG encoder: signature, IHDR, IDAT, IEND, each chunk with its CRC-32.
#include "core/shared/png.h"

#include <libdeflate.h>

#include <memory>
#include <string_view>

#include "core/shared/container.h"

namespace loupe {
namespace {

void put_u32_be(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(std::uint8_t(v >> shift));
}

// length · type · data · CRC-32 of type and data
void put_chunk(std::vector<std::uint8_t>& out, std::string_view type, std::span<const std::uint8_t> data) {
    put_u32_be(out, std::uint32_t(data.size()));
    const std::size_t typed_from = out.size();
    out.insert(out.end(), type.begin(), type.end());
    out.insert(out.end(), data.begin(), data.end());
    put_u32_be(out, crc32(std::span(out).subspan(typed_from)));
}

std::vector<std::uint8_t> zlib_compress(std::span<const std::uint8_t> in) {
    // Level 9 rather than libdeflate's slowest, 12: a large QR image is megabytes of pixels,
    // and the smaller files level 12 makes are not worth seconds in a phone's browser.
    std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> c(
        libdeflate_alloc_compressor(9), libdeflate_free_compressor);
    if (!c) return {};
    std::vector<std::uint8_t> out(libdeflate_zlib_compress_bound(c.get(), in.size()));
    out.resize(libdeflate_zlib_compress(c.get(), in.data(), in.size(), out.data(), out.size()));
    return out;
}

}  // namespace

std::vector<std::uint8_t> encode_png(int width, int height, std::span<const std::uint8_t> rgba) {
    // Dividing first keeps width * height * 4 from overflowing (size_t has 32 bits in wasm).
    if (width <= 0 || height <= 0 || rgba.size() / 4 / std::size_t(width) != std::size_t(height) ||
        rgba.size() != std::size_t(width) * std::size_t(height) * 4)
        return {};
    const std::size_t row_bytes = std::size_t(width) * 4;
    std::vector<std::uint8_t> rows;  // each row: its filter type (0) and its pixels
    rows.reserve((row_bytes + 1) * std::size_t(height));
    for (std::size_t y = 0; y < std::size_t(height); ++y) {
        rows.push_back(0);
        const auto row = rgba.subspan(y * row_bytes, row_bytes);
        rows.insert(rows.end(), row.begin(), row.end());
    }
    const std::vector<std::uint8_t> idat = zlib_compress(rows);
    if (idat.empty()) return {};

    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<std::uint8_t> ihdr;
    put_u32_be(ihdr, std::uint32_t(width));
    put_u32_be(ihdr, std::uint32_t(height));
    ihdr.insert(ihdr.end(), {8, 6, 0, 0, 0});  // bit depth 8, RGBA, deflate, adaptive filtering, no interlace
    put_chunk(png, "IHDR", ihdr);
    put_chunk(png, "IDAT", idat);
    put_chunk(png, "IEND", {});
    return png;
}

}  // namespace loupe
