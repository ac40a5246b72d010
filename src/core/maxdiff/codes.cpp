// codes.cpp — packing a response into a response code, and finding and reading codes in text.
#include "core/maxdiff/codes.h"

#include <algorithm>

namespace loupe {
namespace {

constexpr std::uint64_t kCodeFormat = 1;
constexpr int kFormatBits = 4, kSurveyKeyBits = 32, kRespondentBits = 64;
constexpr int kTimeBits = 4, kFinishBits = 25, kDurationBits = 16;
constexpr int kLengthSymbols = 2, kChecksumSymbols = 6;
constexpr int kMinSymbols = kLengthSymbols + (kFormatBits + kSurveyKeyBits + kRespondentBits) / 5 + kChecksumSymbols;
constexpr int kMaxSymbols = 1023;  // what the two length symbols can say
constexpr std::int64_t kEpoch = 1704067200;  // 2024-01-01 00:00:00 UTC

// Time-on-screen steps: the upper edges in milliseconds (a factor sqrt(2) apart) and the
// value a step reads back as (the geometric middle; the last step reads as its lower edge).
constexpr std::uint32_t kTimeEdges[15] = {1000,  1414,  2000,  2828,  4000,  5657,  8000, 11314,
                                          16000, 22627, 32000, 45255, 64000, 90510, 128000};
constexpr std::uint32_t kTimeValues[16] = {707,   1189,  1682,  2378,  3364,  4757,  6727,  9514,
                                           13454, 19027, 26909, 38055, 53817, 76109, 107635, 128000};

int bits_for(std::uint64_t choices) {  // bits to tell `choices` values apart
    int bits = 0;
    while ((std::uint64_t(1) << bits) < choices) ++bits;
    return bits;
}

// Bech32's checksum (BIP 173), with Bech32m's constant (BIP 350).
constexpr std::uint32_t kChecksumConstant = 0x2bc830a3;
std::uint32_t polymod(const std::vector<std::uint8_t>& values) {
    static constexpr std::uint32_t kGenerator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    std::uint32_t chk = 1;
    for (std::uint8_t v : values) {
        const std::uint32_t top = chk >> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v;
        for (int i = 0; i < 5; ++i)
            if ((top >> i) & 1) chk ^= kGenerator[i];
    }
    return chk;
}

class BitWriter {
public:
    void put(std::uint64_t value, int bits) {
        for (int i = bits - 1; i >= 0; --i) {
            acc_ = std::uint8_t(acc_ << 1 | ((value >> i) & 1));
            if (++count_ == 5) symbols_.push_back(acc_), acc_ = 0, count_ = 0;
        }
    }
    std::vector<std::uint8_t> finish() {
        if (count_ > 0) put(0, 5 - count_);
        return symbols_;
    }

private:
    std::vector<std::uint8_t> symbols_;
    std::uint8_t acc_ = 0;
    int count_ = 0;
};

class BitReader {
public:
    explicit BitReader(const std::vector<std::uint8_t>& symbols, std::size_t first, std::size_t end)
        : symbols_(symbols), bit_(first * 5), end_(end * 5) {}
    std::uint64_t get(int bits) {  // callers check the length first; past the end reads zeros
        std::uint64_t value = 0;
        for (int i = 0; i < bits; ++i, ++bit_)
            value = value << 1 | (bit_ < end_ ? (symbols_[bit_ / 5] >> (4 - bit_ % 5)) & 1 : 0);
        return value;
    }
    bool rest_is_zero() {
        for (; bit_ < end_; ++bit_)
            if ((symbols_[bit_ / 5] >> (4 - bit_ % 5)) & 1) return false;
        return true;
    }

private:
    const std::vector<std::uint8_t>& symbols_;
    std::size_t bit_, end_;
};

// How a survey's answers are laid out in a code.
struct Layout {
    int k = 0, sets = 0, version_bits = 0, answer_bits = 0;
    std::vector<int> segment_bits;
    int symbols = 0;  // all of them, length and checksum included

    explicit Layout(const Survey& s) : k(s.design.items_per_set), sets(s.design.sets_per_version) {
        version_bits = bits_for(s.design.versions);
        answer_bits = bits_for(std::uint64_t(k) * (k - 1));
        int bits = kFormatBits + kSurveyKeyBits + kRespondentBits + version_bits + sets * (answer_bits + kTimeBits) +
                   kFinishBits + kDurationBits + 1;
        for (const SegmentQuestion& q : s.segments) {
            segment_bits.push_back(bits_for(q.options.size() + 1));
            bits += segment_bits.back();
        }
        symbols = kLengthSymbols + (bits + 4) / 5 + kChecksumSymbols;
    }
};

int time_step(std::uint32_t ms) { return int(std::upper_bound(kTimeEdges, kTimeEdges + 15, ms) - kTimeEdges); }

int place_of(const std::vector<std::uint16_t>& shown, int item) {
    return int(std::find(shown.begin(), shown.end(), item) - shown.begin());
}

// Reads one code starting at the prefix at `begin`.
FoundCode read_code_at(std::string_view text, std::size_t begin) {
    FoundCode found;
    found.begin = begin;
    CodeSymbols read = read_code_symbols(text, begin + kCodePrefix.size(), kLengthSymbols, kMaxSymbols);
    const std::vector<std::uint8_t>& symbols = read.symbols;
    const std::size_t wanted = read.wanted;
    const bool spans_lines = read.spans_lines;
    found.end = read.end;
    found.code = std::string(kCodePrefix);
    for (std::uint8_t s : symbols) found.code += kCodeAlphabet[s];

    if (symbols.size() >= kLengthSymbols && (wanted < std::size_t(kMinSymbols) || wanted > std::size_t(kMaxSymbols)))
        found.problem = "This code has a typo: its length mark does not make sense.";
    else if (symbols.size() < wanted)
        found.problem = "This code is incomplete \xe2\x80\x94 it looks cut off.";
    else if (polymod(symbols) != kChecksumConstant)
        found.problem = spans_lines ? "This code has a typo or lost a piece where it was split over lines: "
                                      "its checksum does not match."
                                    : "This code has a typo: its checksum does not match.";
    if (!found.ok()) return found;

    BitReader bits(symbols, kLengthSymbols, symbols.size() - kChecksumSymbols);
    const std::uint64_t format = bits.get(kFormatBits);
    if (format > kCodeFormat)
        found.problem = "This code was made by a newer version of Loupe; reload the page to update it.";
    else if (format != kCodeFormat)
        found.problem = "This code is damaged: it is not a response code Loupe ever made.";
    if (!found.ok()) return found;
    found.survey_key = std::uint32_t(bits.get(kSurveyKeyBits));
    found.respondent_id = bits.get(kRespondentBits);
    return found;
}

}  // namespace

std::string spell_code(std::vector<std::uint8_t> symbols) {
    for (std::uint8_t& s : symbols) s &= 31;
    const std::size_t body = symbols.size();
    symbols.resize(body + kChecksumSymbols, 0);
    const std::uint32_t check = polymod(symbols) ^ kChecksumConstant;
    for (int i = 0; i < kChecksumSymbols; ++i) symbols[body + i] = (check >> (5 * (kChecksumSymbols - 1 - i))) & 31;
    std::string code(kCodePrefix);
    for (std::uint8_t s : symbols) code += kCodeAlphabet[s];
    return code;
}

Result<std::string> make_response_code(const Response& r, const Survey& survey, const Design& design) {
    if (auto problem = response_problem(r, survey); !problem.empty()) return failure<std::string>(problem);
    if (!r.complete) return failure<std::string>("Only a finished response gets a code.");
    if (r.version >= design.versions.size() || design.versions[r.version].size() != r.sets.size())
        return failure<std::string>("This response does not match the survey's design.");
    for (std::size_t s = 0; s < r.sets.size(); ++s)
        if (!std::equal(r.sets[s].shown.begin(), r.sets[s].shown.end(), design.versions[r.version][s].begin(),
                        design.versions[r.version][s].end()))
            return failure<std::string>("This response does not match the survey's design.");

    const Layout layout(survey);
    BitWriter bits;
    bits.put(std::uint64_t(layout.symbols) / 32, 5);
    bits.put(std::uint64_t(layout.symbols) % 32, 5);
    bits.put(kCodeFormat, kFormatBits);
    bits.put(survey_id(survey) & 0xFFFFFFFFu, kSurveyKeyBits);
    bits.put(r.respondent_id, kRespondentBits);
    bits.put(r.version, layout.version_bits);
    for (const SetAnswer& a : r.sets) {
        const int best = place_of(a.shown, a.best), worst = place_of(a.shown, a.worst);
        bits.put(std::uint64_t(best) * (layout.k - 1) + (worst < best ? worst : worst - 1), layout.answer_bits);
    }
    for (std::size_t q = 0; q < r.segment_answers.size(); ++q)
        bits.put(std::uint64_t(r.segment_answers[q] + 1), layout.segment_bits[q]);
    for (const SetAnswer& a : r.sets) bits.put(std::uint64_t(time_step(a.milliseconds)), kTimeBits);
    const std::int64_t finish_minute = std::clamp<std::int64_t>((r.finished_at - kEpoch) / 60, 0, (1 << kFinishBits) - 1);
    const std::int64_t duration = std::clamp<std::int64_t>(r.finished_at - r.started_at, 0, (1 << kDurationBits) - 1);
    bits.put(std::uint64_t(finish_minute), kFinishBits);
    bits.put(std::uint64_t(duration), kDurationBits);
    bits.put(r.open_answer.empty() && !r.open_answer_left_out ? 0 : 1, 1);
    std::string code = spell_code(bits.finish());
    if (code.size() != kCodePrefix.size() + std::size_t(layout.symbols))
        return failure<std::string>("This survey is too large for a response code; send the response file.");
    return code;
}

std::vector<FoundCode> find_response_codes(std::string_view text) {
    std::vector<FoundCode> codes;
    for (auto found = find_response_code(text, 0); found; found = find_response_code(text, next_code_search(*found)))
        codes.push_back(std::move(*found));
    return codes;
}

std::optional<FoundCode> find_response_code(std::string_view text, std::size_t from) {
    const std::size_t at = text.find(kCodePrefix, from);
    if (at == std::string_view::npos) return std::nullopt;
    return read_code_at(text, at);
}

// Past the symbols read, and at least past the prefix (a code of which nothing could be read).
std::size_t next_code_search(const FoundCode& found) { return std::max(found.end, found.begin + kCodePrefix.size()); }

Result<Response> read_response_code(std::string_view text, const Survey& survey, const Design& design) {
    return read_response_code(text, survey, design, survey_id(survey));
}

Result<Response> read_response_code(std::string_view text, const Survey& survey, const Design& design,
                                    std::uint64_t id_of_survey) {
    const std::size_t at = text.find(kCodePrefix);
    if (at == std::string_view::npos)
        return failure<Response>("There is no Loupe response code here (codes start with " +
                                 std::string(kCodePrefix) + ").");
    const FoundCode found = read_code_at(text, at);
    if (!found.ok()) return failure<Response>(found.problem);
    const std::string damaged = "This code is damaged: ";
    if (found.survey_key != std::uint32_t(id_of_survey & 0xFFFFFFFFu))
        return failure<Response>("This response is for a different survey.");
    const Layout layout(survey);
    if (layout.k < kMinItemsPerSet) return failure<Response>("This survey has no design to read codes with.");
    if (found.code.size() != kCodePrefix.size() + std::size_t(layout.symbols))
        return failure<Response>(damaged + "its length does not fit this survey.");

    std::vector<std::uint8_t> symbols;
    for (std::size_t i = kCodePrefix.size(); i < found.code.size(); ++i)
        symbols.push_back(std::uint8_t(code_symbol_value(found.code[i])));
    BitReader bits(symbols, kLengthSymbols, symbols.size() - kChecksumSymbols);
    bits.get(kFormatBits + kSurveyKeyBits);

    Response r;
    r.survey_id = id_of_survey;
    r.respondent_id = bits.get(kRespondentBits);
    r.version = std::uint16_t(bits.get(layout.version_bits));
    if (r.version >= survey.design.versions || r.version >= design.versions.size())
        return failure<Response>(damaged + "it names a version the survey does not have.");
    if (design.versions[r.version].size() != std::size_t(layout.sets))
        return failure<Response>("This design does not belong to the survey.");
    for (const auto& set : design.versions[r.version]) {
        if (set.size() != std::size_t(layout.k)) return failure<Response>("This design does not belong to the survey.");
        SetAnswer a;
        a.shown.assign(set.begin(), set.end());
        const std::uint64_t answer = bits.get(layout.answer_bits);
        const int best = int(answer / (layout.k - 1)), after = int(answer % (layout.k - 1));
        if (best >= layout.k) return failure<Response>(damaged + "one of its answers is out of range.");
        a.best = std::int16_t(a.shown[best]);
        a.worst = std::int16_t(a.shown[after < best ? after : after + 1]);
        r.sets.push_back(a);
    }
    for (std::size_t q = 0; q < survey.segments.size(); ++q) {
        const std::uint64_t option = bits.get(layout.segment_bits[q]);
        if (option > survey.segments[q].options.size())
            return failure<Response>(damaged + "one of its segment answers is out of range.");
        r.segment_answers.push_back(std::int8_t(int(option) - 1));
    }
    for (SetAnswer& a : r.sets) a.milliseconds = kTimeValues[bits.get(kTimeBits)];
    r.finished_at = kEpoch + std::int64_t(bits.get(kFinishBits)) * 60;
    r.started_at = r.finished_at - std::int64_t(bits.get(kDurationBits));
    r.open_answer_left_out = bits.get(1) == 1;
    r.complete = true;
    if (!bits.rest_is_zero()) return failure<Response>(damaged + "it has stray bits at its end.");
    if (auto problem = response_problem(r, survey, id_of_survey); !problem.empty()) return failure<Response>(problem);
    return r;
}

}  // namespace loupe
