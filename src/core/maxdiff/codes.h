// codes.h — response codes: a finished response as a short text that survives e-mail.
//
// A code is "LOUPE-" then Crockford base32 symbols (0-9 A-Z without I L O U; when read,
// O counts as 0 and I, L as 1). Mail clients may break it over lines, quote it with "> ",
// put spaces or hyphens in it, or surround it with text: all of that is ignored.
//
//   symbols   content
//   2         number of symbols after "LOUPE-", these two and the checksum included
//   n         the fields below as bits, most significant first, zero-padded to a symbol
//   6         checksum: the BCH code of Bech32m (BIP 173/350) over all symbols before it
//
//   field (format 1)                             bits
//   format                                       4
//   survey key (the low 32 bits of survey id)    32
//   respondent id                                64
//   version                                      enough for the survey's versions (0 for 1)
//   per screen: best and worst place             ceil(log2(k(k-1))), k = items per screen
//   per segment question: option + 1, 0 skipped  ceil(log2(options + 1))
//   per screen: time on screen                   4 (16 steps a factor sqrt(2) apart: under 1 s,
//                                                  1-1.4 s, ... 90-128 s, 128 s or more)
//   finish time                                  25 (minutes since 2024-01-01 UTC, to 2087)
//   time from start to finish                    16 (seconds, at most 18 h 12 min)
//   wrote an open answer                         1
//
// For 20 items, 4 per screen, 12 screens, 10 versions and two 4-option questions that is
// 248 bits: 50 + 2 + 6 symbols, 64 characters with the prefix (120 would allow 530 bits).
// The code carries every choice and segment answer exactly; times only as above. It does not
// carry the open answer (only whether there is one): the response file carries everything.
// The checksum is BIP 173's, chosen to catch every error that changes up to 4 symbols in
// strings of up to 89 symbols (which includes swapping two neighbours); other damage gets
// through about once in 2^30 (a billion) times. Decoding then also checks the survey key,
// the length the survey implies, and that every field is in range.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/maxdiff/design.h"
#include "core/shared/packing.h"
#include "core/shared/result.h"
#include "core/maxdiff/survey.h"

namespace loupe {

constexpr std::string_view kCodePrefix = "LOUPE-";

// The code of a complete response; fails for an incomplete one or one that does not fit
// the survey and its design.
Result<std::string> make_response_code(const Response& response, const Survey& survey, const Design& design);

// One code found in pasted text, intact or not.
struct FoundCode {
    std::size_t begin = 0, end = 0;   // byte range in the text: the prefix to the last symbol read
    std::string code;                 // "LOUPE-" and the symbols read, without separators
    std::string problem;              // empty when intact; otherwise a sentence for the user
    std::uint32_t survey_key = 0;     // intact codes: low 32 bits of the survey id
    std::uint64_t respondent_id = 0;  // intact codes
    bool ok() const { return problem.empty(); }
};

// Every code in any text (a whole e-mail thread will do), in order of appearance. A quoted
// reply repeats a code: both copies are reported; they share the respondent id.
std::vector<FoundCode> find_response_codes(std::string_view text);

// The same one code at a time, for a caller that reads a long text in slices: the first code
// that starts at or after byte `from`, if any. The next one is searched from next_code_search().
std::optional<FoundCode> find_response_code(std::string_view text, std::size_t from);
std::size_t next_code_search(const FoundCode& found);

// Reads the first code in `text` as a response to `survey`, whose design gives the items on
// each screen. Times come back as the middle of their step; started_at = finish - duration.
Result<Response> read_response_code(std::string_view text, const Survey& survey, const Design& design);
// The same when survey_id(survey) is known (reading many codes).
Result<Response> read_response_code(std::string_view text, const Survey& survey, const Design& design,
                                    std::uint64_t id_of_survey);

// Appends the 6 checksum symbols to code symbols (values 0..31) and spells the code.
// make_response_code uses it; tests and the fuzzer use it to build codes whose checksum is
// right but whose fields are not.
std::string spell_code(std::vector<std::uint8_t> symbols);

}  // namespace loupe
