// fuzz_survey_link.cpp — survey_from_link on any text answers with a survey or a message.
//
// The input is tried as link text, and also wrapped as a well-formed fragment (format byte,
// lengths, the input as the deflate stream, correct CRC), which takes the fuzzer past the
// checksum into inflating and decoding.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/shared/container.h"
#include "core/maxdiff/survey.h"

namespace {
std::string base64url(const std::vector<std::uint8_t>& bytes) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (std::uint8_t b : bytes) {
        bits = bits << 8 | b, count += 8;
        while (count >= 6) out += alphabet[(bits >> (count -= 6)) & 63];
    }
    if (count > 0) out += alphabet[(bits << (6 - count)) & 63];
    return out;
}

void check(std::string_view link) {
    auto survey = loupe::survey_from_link(link);
    if (!survey) {
        if (survey.error().empty()) std::abort();
        return;
    }
    auto again = loupe::survey_from_link(loupe::survey_fragment(*survey));
    if (!again || !(*again == *survey)) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check(std::string_view(reinterpret_cast<const char*>(data), size));
    if (size >= 2 && size < 1 << 14) {
        // Claimed unpacked size from the first two bytes; the rest is the deflate stream.
        std::vector<std::uint8_t> bytes = {1, std::uint8_t(data[0] | 0x80), std::uint8_t(data[1] & 0x7f)};
        const std::size_t packed = size - 2;
        bytes.push_back(std::uint8_t(packed & 0x7f) | 0x80);
        bytes.push_back(std::uint8_t(packed >> 7));
        bytes.insert(bytes.end(), data + 2, data + size);
        const std::uint32_t crc = loupe::crc32(bytes);
        for (int i = 0; i < 4; ++i) bytes.push_back(std::uint8_t(crc >> (8 * i)));
        check("#s=" + base64url(bytes));
    }
    return 0;
}
