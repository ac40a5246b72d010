// fuzz_response_codes.cpp — finding and reading response codes in any text.
//
// The input is searched as pasted text. It is also made into a code with the right format,
// survey key and checksum (first byte: the length; the other bytes: the remaining bits), which
// takes the fuzzer past the checksum into the field decoder.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/maxdiff/codes.h"

namespace {
loupe::Survey make_survey() {
    loupe::Survey s;
    s.title = "Fuzz";
    s.items = {"a", "b", "c", "d", "e", "f", "g"};
    s.segments = {{"q", {"x", "y", "z"}}};
    s.design = {3, 4, 3, 1};
    return s;
}

void read_and_check(std::string_view text, const loupe::Survey& survey, const loupe::Design& design) {
    auto response = loupe::read_response_code(text, survey, design);
    if (!response) {
        if (response.error().empty()) std::abort();
        return;
    }
    // An accepted code re-encodes to the same code.
    auto again = loupe::make_response_code(*response, survey, design);
    if (!again) std::abort();
    auto reread = loupe::read_response_code(*again, survey, design);
    if (!reread || !(*reread == *response)) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const loupe::Survey survey = make_survey();
    static const loupe::Design design = *loupe::survey_design(survey);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const loupe::FoundCode& found : loupe::find_response_codes(text)) {
        if (found.end > size || found.begin >= found.end || found.ok() == found.problem.size() > 0) std::abort();
        if (found.ok()) read_and_check(found.code, survey, design);
    }
    read_and_check(text, survey, design);

    if (size > 0) {
        const int total = 28 + data[0] % 64;  // symbols after the prefix, length and checksum included
        std::vector<int> bits;
        auto put = [&](std::uint64_t value, int count) {
            for (int i = count - 1; i >= 0; --i) bits.push_back(int((value >> i) & 1));
        };
        put(1, 4);
        put(loupe::survey_id(survey) & 0xFFFFFFFFu, 32);
        for (std::size_t i = 1; i < size; ++i) put(data[i], 8);
        std::vector<std::uint8_t> symbols = {std::uint8_t(total / 32), std::uint8_t(total % 32)};
        for (std::size_t at = 0; int(symbols.size()) < total - 6; at += 5) {
            int value = 0;
            for (std::size_t b = at; b < at + 5; ++b) value = value << 1 | (b < bits.size() ? bits[b] : 0);
            symbols.push_back(std::uint8_t(value));
        }
        read_and_check(loupe::spell_code(symbols), survey, design);
    }
    return 0;
}
