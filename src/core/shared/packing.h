// packing.h — the byte-level pieces that links, codes and ids share: base64url, LEB128,
// raw deflate, a UTF-8 check, the codes' base32 spelling and a 64-bit content hash.
//
// Surveys and taste sessions both travel in links and are identified by hashes; these are
// the primitives underneath, kept in one place so both halves spell them the same way.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

// RFC 4648 §5 without padding. base64url_value is -1 for a character outside the alphabet.
int base64url_value(char c);
std::string base64url_encode(std::span<const std::uint8_t> bytes);
// Only call on text made of base64url characters. False when the text was cut (a single
// leftover character cannot hold a byte).
bool base64url_decode(std::string_view text, std::vector<std::uint8_t>& out);

void put_leb128(std::vector<std::uint8_t>& out, std::size_t value);
// Reads an unsigned LEB128 of at most 4 bytes (values below 2^28); a longer one reads as
// SIZE_MAX, which no real length is. False when the bytes run out.
bool get_leb128(std::span<const std::uint8_t> in, std::size_t& pos, std::size_t& value);

std::vector<std::uint8_t> deflate(std::span<const std::uint8_t> in);  // raw deflate, level 12
// Inflates to exactly `size` bytes, or fails. Callers bound `size` first: it is allocated.
bool inflate(std::span<const std::uint8_t> in, std::size_t size, std::vector<std::uint8_t>& out);

// Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
bool is_valid_utf8(std::string_view s);

// The spelling every Loupe code shares (response codes, codes.h; contribution codes,
// taste/formats.h): Crockford base32.
constexpr char kCodeAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
int code_symbol_value(char c);  // 0..31, with O read as 0 and I, L as 1; -1 for anything else
// Bytes a mail client may put inside a code at text[i]: spaces, line breaks, quote marks,
// hyphens, and the UTF-8 no-break space, soft hyphen and zero-width space. How many, or 0.
std::size_t code_separator_length(std::string_view text, std::size_t i);

// The symbols of a code whose first `length_symbols` symbols say, in base 32, how many it has in
// all (those included), read from text[i] on. What mail clients put inside a code is skipped
// (code_separator_length); a code may go on after a line break, not after a blank line. Reading
// stops at the first character that is not a symbol, or once the length mark's count is read
// (max_symbols until the mark itself is).
struct CodeSymbols {
    std::vector<std::uint8_t> symbols;
    std::size_t end = 0;       // just after the last symbol read
    std::size_t wanted = 0;    // what the length mark says; max_symbols when it was not read
    bool spans_lines = false;  // the symbols read went over a line break
};
CodeSymbols read_code_symbols(std::string_view text, std::size_t i, std::size_t length_symbols,
                              std::size_t max_symbols);

// FNV-1a 64 then MurmurHash3's fmix64, so every bit depends on every byte.
std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes);
std::uint64_t fmix64(std::uint64_t h);
inline std::uint64_t content_hash(std::span<const std::uint8_t> bytes) { return fmix64(fnv1a64(bytes)); }

}  // namespace loupe
