// text.h — cutting people's text short without breaking a character.
//
// Everything the core keeps is UTF-8, in any script. Where a text is shortened (excerpts in
// messages, file names), it is cut between characters, never inside one: a Japanese or Greek
// letter cut in half is no longer text and shows up as damage wherever it goes next.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace loupe {

// The longest start of `text` that is at most `max_bytes` long and ends between two characters.
inline std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // text[n] continues a character
    return text.substr(0, n);
}

}  // namespace loupe
