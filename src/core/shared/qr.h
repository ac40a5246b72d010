// qr.h — QR codes for survey links, so a survey can be shown on a slide or printed on a poster.
//
// Made with Nayuki's QR Code generator: byte mode, error correction level LOW raised to a
// higher level when that fits in the same size. LOW because a survey link is long and the code
// is read from a screen or clean paper, where smaller modules matter more than damage repair.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/shared/result.h"

namespace loupe {

struct QrCode {
    int size = 0;                        // modules per side, 21 to 177; no quiet zone
    std::vector<std::uint8_t> modules;   // size * size, row by row; 1 = dark
    bool dark(int x, int y) const { return modules[std::size_t(y) * std::size_t(size) + std::size_t(x)] != 0; }
};

// The QR code of `text` (its UTF-8 bytes as they are), or why there is none: the largest code
// holds 2,953 bytes.
Result<QrCode> make_qr(std::string_view text);

// A PNG file of the code, black on white: `module_pixels` pixels per module and a white border
// of `quiet_modules` modules (4 is what the standard asks for). Empty when module_pixels < 1,
// quiet_modules < 0 or the image would be more than kMaxQrPixels wide (its pixels alone would
// take 64 MiB, which a phone's browser may not have).
constexpr int kMaxQrPixels = 4096;
std::vector<std::uint8_t> qr_png(const QrCode& qr, int module_pixels = 8, int quiet_modules = 4);

}  // namespace loupe
