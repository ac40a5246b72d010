// qr.cpp — QR codes through qrcodegen, which reports a text too long by throwing: caught here,
// so callers get a sentence instead.
#include "core/shared/qr.h"

#include <qrcodegen.hpp>

#include "core/shared/png.h"

namespace loupe {

Result<QrCode> make_qr(std::string_view text) {
    try {
        const std::vector<std::uint8_t> bytes(text.begin(), text.end());
        const auto code = qrcodegen::QrCode::encodeSegments({qrcodegen::QrSegment::makeBytes(bytes)},
                                                            qrcodegen::QrCode::Ecc::LOW, 1, 40, -1, true);
        QrCode qr;
        qr.size = code.getSize();
        qr.modules.resize(std::size_t(qr.size) * std::size_t(qr.size));
        for (int y = 0; y < qr.size; ++y)
            for (int x = 0; x < qr.size; ++x) qr.modules[std::size_t(y) * qr.size + x] = code.getModule(x, y);
        return qr;
    } catch (const qrcodegen::data_too_long&) {
        return failure<QrCode>("This link is too long for a QR code (" + std::to_string(text.size()) +
                               " characters; at most about 2,900 fit).");
    }
}

std::vector<std::uint8_t> qr_png(const QrCode& qr, int module_pixels, int quiet_modules) {
    const long long wide = (qr.size + 2LL * quiet_modules) * module_pixels;  // cannot overflow from ints
    if (module_pixels < 1 || quiet_modules < 0 || wide > kMaxQrPixels || qr.size < 1 ||
        qr.modules.size() != std::size_t(qr.size) * std::size_t(qr.size))
        return {};
    const int side = int(wide);
    std::vector<std::uint8_t> rgba(std::size_t(side) * std::size_t(side) * 4, 255);  // opaque white
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int mx = x / module_pixels - quiet_modules, my = y / module_pixels - quiet_modules;
            if (mx < 0 || my < 0 || mx >= qr.size || my >= qr.size || !qr.dark(mx, my)) continue;
            std::uint8_t* pixel = &rgba[(std::size_t(y) * std::size_t(side) + std::size_t(x)) * 4];
            pixel[0] = pixel[1] = pixel[2] = 0;
        }
    return encode_png(side, side, rgba);
}

}  // namespace loupe
