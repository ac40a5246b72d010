// packing.cpp — base64url, LEB128, deflate, UTF-8 checking and content hashing.
#include "core/shared/packing.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace loupe {

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + extra >= s.size()) return false;
        std::uint32_t code = extra == 0 ? c : c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            code = code << 6 | (d & 0x3F);
        }
        static constexpr std::uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
        if (code < kSmallest[extra] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
        i += 1 + extra;
    }
    return true;
}

std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (std::uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ull;
    return h;
}

std::uint64_t fmix64(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

namespace {
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}  // namespace

int base64url_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '-' ? 62 : c == '_' ? 63 : -1;
}

std::string base64url_encode(std::span<const std::uint8_t> bytes) {
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (std::uint8_t b : bytes) {
        bits = bits << 8 | b, count += 8;
        while (count >= 6) out += kBase64Url[(bits >> (count -= 6)) & 63];
    }
    if (count > 0) out += kBase64Url[(bits << (6 - count)) & 63];
    return out;
}

bool base64url_decode(std::string_view text, std::vector<std::uint8_t>& out) {
    if (text.size() % 4 == 1) return false;
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        bits = bits << 6 | std::uint32_t(base64url_value(c)), count += 6;
        if (count >= 8) out.push_back(std::uint8_t(bits >> (count -= 8)));
    }
    return true;
}

void put_leb128(std::vector<std::uint8_t>& out, std::size_t value) {
    do {
        const auto low = std::uint8_t(value & 0x7F);
        value >>= 7;
        out.push_back(value ? low | 0x80 : low);
    } while (value);
}

bool get_leb128(std::span<const std::uint8_t> in, std::size_t& pos, std::size_t& value) {
    value = 0;
    for (int shift = 0; shift < 28; shift += 7) {
        if (pos >= in.size()) return false;
        const std::uint8_t b = in[pos++];
        value |= std::size_t(b & 0x7F) << shift;
        if (!(b & 0x80)) return true;
    }
    value = SIZE_MAX;  // too many continuation bytes: no real length looks like this
    return true;
}

std::vector<std::uint8_t> deflate(std::span<const std::uint8_t> in) {
    std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> c(
        libdeflate_alloc_compressor(12), libdeflate_free_compressor);
    if (!c) return {};
    std::vector<std::uint8_t> out(libdeflate_deflate_compress_bound(c.get(), in.size()));
    out.resize(libdeflate_deflate_compress(c.get(), in.data(), in.size(), out.data(), out.size()));
    return out;
}

bool inflate(std::span<const std::uint8_t> in, std::size_t size, std::vector<std::uint8_t>& out) {
    std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> d(
        libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    if (!d) return false;
    out.resize(size);
    return libdeflate_deflate_decompress(d.get(), in.data(), in.size(), out.data(), size, nullptr) ==
           LIBDEFLATE_SUCCESS;
}

int code_symbol_value(char c) {
    if (c == 'O') return 0;
    if (c == 'I' || c == 'L') return 1;
    const char* p = std::find(kCodeAlphabet, kCodeAlphabet + 32, c);
    return p == kCodeAlphabet + 32 ? -1 : int(p - kCodeAlphabet);
}

// Bytes a mail client may put inside a code: spaces, line breaks, quote marks, hyphens, and
// the UTF-8 no-break space, soft hyphen and zero-width space. Returns how many bytes, or 0.
std::size_t code_separator_length(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '-') return 1;
    const std::string_view rest = text.substr(i);
    for (std::string_view s : {"\xC2\xA0", "\xC2\xAD", "\xE2\x80\x8B"})
        if (rest.substr(0, s.size()) == s) return s.size();
    return 0;
}

CodeSymbols read_code_symbols(std::string_view text, std::size_t i, std::size_t length_symbols,
                              std::size_t max_symbols) {
    CodeSymbols read;
    read.end = i;
    read.wanted = max_symbols;
    while (read.symbols.size() < read.wanted) {
        int line_breaks = 0;  // a code may continue on the next line, not after a blank line
        while (i < text.size() && line_breaks < 2) {
            const std::size_t n = code_separator_length(text, i);
            if (n == 0) break;
            line_breaks += text[i] == '\n';
            i += n;
        }
        const int value = i < text.size() && line_breaks < 2 ? code_symbol_value(text[i]) : -1;
        if (value < 0) break;
        read.spans_lines |= line_breaks > 0;
        read.symbols.push_back(std::uint8_t(value));
        read.end = ++i;
        if (read.symbols.size() == length_symbols) {
            read.wanted = 0;
            for (std::uint8_t s : read.symbols) read.wanted = read.wanted << 5 | s;
        }
    }
    return read;
}

}  // namespace loupe
