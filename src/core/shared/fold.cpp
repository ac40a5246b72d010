// fold.cpp — folding text for search (see fold.h).
//   reading UTF-8 · what a character is to search · folding one letter · the words of a text
// The letters' table, fold_table.h, is made by fold_table.py from Python's Unicode data.
#include "core/shared/fold.h"

#include <algorithm>
#include <cstdint>

namespace loupe {
namespace {

#include "core/shared/fold_table.h"

// ---- reading UTF-8 -------------------------------------------------------------------------

constexpr char32_t kNotUtf8 = 0xFFFD;

// The character at text[at], and moves `at` past it. A byte that does not start a valid,
// shortest-form character reads as U+FFFD and is passed over alone.
char32_t next_char(std::string_view text, std::size_t& at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return ++at, lead;
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || at + length > text.size()) return ++at, kNotUtf8;
    char32_t c = lead & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return ++at, kNotUtf8;
        c = (c << 6) | (byte(at + i) & 0x3F);
    }
    const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return ++at, kNotUtf8;
    at += length;
    return c;
}

void put_char(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// ---- what a character is to search ---------------------------------------------------------

enum class Sort : std::uint8_t { Separator, Mark, Letter, Unspaced };

bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

bool is_mark(char32_t c) {
    return in(c, 0x0300, 0x036F) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) ||
           in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F);
}

// Scripts whose words are not separated by spaces. Kana's middle dot (U+30FB) is punctuation.
bool is_unspaced_char(char32_t c) {
    return in(c, 0x0E00, 0x0EFF) || in(c, 0x1000, 0x109F) || in(c, 0x1780, 0x17FF) || in(c, 0x3005, 0x3007) ||
           (in(c, 0x3040, 0x30FF) && c != 0x30FB) || in(c, 0x31F0, 0x31FF) || in(c, 0x3400, 0x4DBF) ||
           in(c, 0x4E00, 0x9FFF) || in(c, 0xF900, 0xFAFF) || in(c, 0xFF66, 0xFF9F) || in(c, 0x20000, 0x3FFFF);
}

// Punctuation, symbols, spaces and emoji, as blocks: enough to split words, with no tables.
bool is_separator(char32_t c) {
    if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    if (in(c, 0x80, 0xBF)) return c != 0xAA && c != 0xB5 && c != 0xBA;  // ª µ º are letters
    return c == 0xD7 || c == 0xF7 || in(c, 0x02B0, 0x02FF) || c == 0x037E || c == 0x0387 || in(c, 0x2000, 0x2BFF) ||
           in(c, 0x2E00, 0x2E7F) || in(c, 0x3000, 0x3004) || in(c, 0x3008, 0x303F) || c == 0x30FB ||
           in(c, 0xFE30, 0xFE6F) || in(c, 0xFF00, 0xFF0F) || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) ||
           in(c, 0xFF5B, 0xFF65) || in(c, 0xFFF0, 0xFFFF) || in(c, 0x1F000, 0x1FAFF);
}

Sort sort_of(char32_t c) {
    if (c < 0x80) return is_separator(c) ? Sort::Separator : Sort::Letter;  // most text, quickly
    if (is_mark(c)) return Sort::Mark;
    if (is_separator(c)) return Sort::Separator;
    return is_unspaced_char(c) ? Sort::Unspaced : Sort::Letter;
}

// ---- folding one letter --------------------------------------------------------------------

void put_folded(std::string& out, char32_t c) {
    if (c >= 'A' && c <= 'Z') return put_char(out, c - 'A' + 'a');
    if (in(c, 0xFF10, 0xFF19)) return put_char(out, c - 0xFF10 + '0');  // fullwidth digits and letters
    if (in(c, 0xFF21, 0xFF3A)) return put_char(out, c - 0xFF21 + 'a');
    if (in(c, 0xFF41, 0xFF5A)) return put_char(out, c - 0xFF41 + 'a');
    if (c < 0xC0 || c > 0xFFFF) return put_char(out, c);
    const auto single = std::lower_bound(std::begin(kFoldSingle), std::end(kFoldSingle), c,
                                         [](const char16_t(&entry)[2], char32_t key) { return entry[0] < key; });
    if (single != std::end(kFoldSingle) && (*single)[0] == c) return put_char(out, (*single)[1]);
    const auto pair = std::lower_bound(std::begin(kFoldPair), std::end(kFoldPair), c,
                                       [](const FoldPair& entry, char32_t key) { return entry.letter < key; });
    if (pair != std::end(kFoldPair) && pair->letter == c) return void(out += pair->ascii);
    put_char(out, c);
}

}  // namespace

// ---- the words of a text -------------------------------------------------------------------

std::string fold_for_search(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 1);
    Sort word = Sort::Separator;  // the sort of the word being written
    for (std::size_t at = 0; at < text.size();) {
        const char32_t c = next_char(text, at);
        const Sort sort = sort_of(c);
        if (sort == Sort::Mark) continue;
        if (sort != word && word != Sort::Separator) out += ' ';
        word = sort;
        if (sort != Sort::Separator) put_folded(out, c);
    }
    if (word != Sort::Separator) out += ' ';
    return out;
}

bool is_unspaced(std::string_view folded_word) {
    std::size_t at = 0;
    return !folded_word.empty() && is_unspaced_char(next_char(folded_word, at));
}

}  // namespace loupe
