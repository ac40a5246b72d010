// fold.h — text as search compares it: in words, without case and without accents.
//
// "Łódź", "LODZ" and "lodz" are one word to someone searching, and so are "Ελληνικά" and
// "ελληνικα", "Ёлка" and "елка", "ＹＮＡＢ" (typed with a Japanese input method) and "ynab".
// fold_for_search spells any UTF-8 text that way, word by word:
//   - case goes (Latin, Greek, Cyrillic, fullwidth Latin), and so do accents and strokes on
//     Latin, Greek and Cyrillic letters (ą ł ø é ß -> a l o e ss, ά ς -> α σ, ё -> е), written
//     precomposed or with combining marks; Cyrillic й, ї and ў stay letters of their own;
//   - punctuation, symbols, spaces and emoji separate words; each word is followed by one space
//     in the output, so words are found by splitting at spaces;
//   - scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai, Lao,
//     Khmer, Myanmar) come out as runs of their own, split from neighbouring Latin letters
//     ("YNABの設定" -> "ynab の設定"): such a run is not one word, so search looks for a typed run
//     anywhere inside it (is_unspaced).
// Other scripts (Korean, Armenian, Georgian, Hebrew, Arabic...) are kept as they are, in words.
// Bytes that are not UTF-8 separate words; nothing in any input makes it fail.
#pragma once
#include <string>
#include <string_view>

namespace loupe {

// Words of `text`, folded as above, each followed by a space: "Łódź, Poland!" -> "lodz poland ".
std::string fold_for_search(std::string_view text);

// True for a folded word in a script written without spaces (its first character says it).
bool is_unspaced(std::string_view folded_word);

}  // namespace loupe
