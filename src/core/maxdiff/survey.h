// survey.h — what a MaxDiff survey is, what one person's answers are, and how both travel.
//
// A Survey is everything its author wrote plus the design parameters; the design itself is
// regenerated from them (make_design is deterministic), which keeps a survey link short.
// Its id is a hash of its canonical content, so any edit makes a new survey.
// A Response carries everything one respondent did, including the items shown on each
// screen, so a response file can be analysed without regenerating the design.
//
// Encodings: compact binary (cereal, serialize.h) inside the container envelope for files;
// the same binary, deflated and base64url-encoded, in a link's "#s=" fragment; JSON for a
// readable export. Response codes (short text for e-mail) live in codes.h.
// Every decoder bounds sizes before allocating and answers with a sentence for the user.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <cereal/cereal.hpp>

#include "core/shared/class_version.h"
#include "core/maxdiff/design.h"
#include "core/shared/result.h"

namespace loupe {

// Limits for what a survey may hold. Decoders refuse anything beyond them.
constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxIntroBytes = 4000;
constexpr std::size_t kMaxItemBytes = 300;
constexpr std::size_t kMaxQuestionBytes = 300;
constexpr std::size_t kMaxEmailBytes = 254;
constexpr std::size_t kMaxOpenAnswerBytes = 4000;
constexpr int kMaxSegmentQuestions = 10;
constexpr int kMinSegmentOptions = 2;
constexpr int kMaxSegmentOptions = 20;

struct SegmentQuestion {
    std::string label;                 // "Which team are you in?"
    std::vector<std::string> options;  // the respondent picks one
    bool operator==(const SegmentQuestion&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(cereal::make_nvp("label", label), cereal::make_nvp("options", options));
    }
};

struct Survey {
    std::string title;
    std::string intro;
    std::vector<std::string> items;
    std::vector<SegmentQuestion> segments;
    std::string open_question;  // empty: no open question
    DesignParams design;
    std::string reply_to;       // where answers should go (an e-mail address); empty: not said
    bool operator==(const Survey&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(cereal::make_nvp("title", title), cereal::make_nvp("intro", intro), cereal::make_nvp("items", items),
           cereal::make_nvp("segments", segments), cereal::make_nvp("open_question", open_question),
           cereal::make_nvp("design", design), cereal::make_nvp("reply_to", reply_to));
    }
};

// Empty when the survey can be published and answered; otherwise one sentence for its author
// ("Item 3 is empty."). Decoders refuse surveys that have a problem.
std::string survey_problem(const Survey& survey);

// FNV-1a 64 over the canonical encoding (fields in order, lengths as u32), then a 64-bit
// finaliser (MurmurHash3 fmix64) so every bit depends on every byte; codes carry the low
// 32 bits. Fields added in later formats must join the hash only when they differ from their
// default, so old surveys keep their ids.
std::uint64_t survey_id(const Survey& survey);
std::string survey_id_text(std::uint64_t id);  // 16 hex digits

Result<Design> survey_design(const Survey& survey);

// Files: the binary encoding sealed in the envelope (FileKind::Survey).
std::vector<std::uint8_t> write_survey_file(const Survey& survey);
Result<Survey> read_survey_file(std::span<const std::uint8_t> bytes);

std::string survey_to_json(const Survey& survey);
Result<Survey> survey_from_json(std::string_view json);

// Links. The fragment is "s=" + base64url of:
//   format version u8 · payload length (LEB128) · deflated length (LEB128) · raw deflate of
//   the binary survey · CRC-32 of everything before it (u32, little-endian)
// The lengths tell a link that was cut off from one that was edited.
std::string survey_fragment(const Survey& survey);  // "s=..."
std::string survey_link(const Survey& survey, std::string_view base_url);  // base_url + "#" + fragment
// Accepts a whole link, "#s=...", or "s=..."; spaces and line breaks are ignored.
Result<Survey> survey_from_link(std::string_view link);

struct SetAnswer {
    std::vector<std::uint16_t> shown;  // item indices, in screen order
    std::int16_t best = -1;            // item index; -1 while unanswered
    std::int16_t worst = -1;
    std::uint32_t milliseconds = 0;    // time on this screen
    bool operator==(const SetAnswer&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(cereal::make_nvp("shown", shown), cereal::make_nvp("best", best), cereal::make_nvp("worst", worst),
           cereal::make_nvp("milliseconds", milliseconds));
    }
};

struct Response {
    std::uint64_t respondent_id = 0;     // random, made by the respondent's browser; never 0
    std::uint64_t survey_id = 0;
    std::uint16_t version = 0;           // which version of the design was shown
    std::vector<SetAnswer> sets;         // one per screen of that version
    std::vector<std::int8_t> segment_answers;  // option index per segment question; -1 skipped
    std::string open_answer;
    std::int64_t started_at = 0;         // Unix seconds, UTC
    std::int64_t finished_at = 0;        // 0 until complete
    bool complete = false;
    bool open_answer_left_out = false;   // read from a code: the person wrote an open answer that
                                         // only their response file carries
    bool operator==(const Response&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// Which version a respondent gets: spread evenly by their random id.
int version_for_respondent(std::uint64_t respondent_id, const Survey& survey);

// A fresh response: the screens of the respondent's version, nothing answered yet.
Response start_response(const Survey& survey, const Design& design, std::uint64_t respondent_id,
                        std::int64_t now_unix_seconds);

// Empty when the response fits the survey (right survey, shown items and answers in range,
// complete responses fully answered); otherwise one sentence for the user.
std::string response_problem(const Response& response, const Survey& survey);
// The same when survey_id(survey) is known: checking 100,000 responses need not hash the survey
// 100,000 times.
std::string response_problem(const Response& response, const Survey& survey, std::uint64_t id_of_survey);

// Files: the binary encoding sealed in the envelope (FileKind::Response). Reading checks
// the response against the survey it should belong to.
std::vector<std::uint8_t> write_response_file(const Response& response);
Result<Response> read_response_file(std::span<const std::uint8_t> bytes, const Survey& survey);

std::string response_to_json(const Response& response);
Result<Response> response_from_json(std::string_view json);

// ---- serialization details ------------------------------------------------------------------

// Ids are 16 hex digits in JSON (JavaScript numbers cannot hold 64 bits) and raw u64 in binary.
template <class Archive>
void id_field(Archive& ar, const char* name, std::uint64_t& id) {
    if constexpr (cereal::traits::is_text_archive<Archive>::value) {
        std::string text = survey_id_text(id);
        ar(cereal::make_nvp(name, text));
        if constexpr (Archive::is_loading::value) {
            if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string::npos)
                throw cereal::Exception(std::string("the ") + name + " is not 16 hex digits");
            id = std::stoull(text, nullptr, 16);
        }
    } else {
        ar(cereal::make_nvp(name, id));
    }
}

template <class Archive>
void Response::serialize(Archive& ar, std::uint32_t format) {
    if (format > 1) throw cereal::Exception("it was made by a newer version of Loupe");
    id_field(ar, "respondent_id", respondent_id);
    id_field(ar, "survey_id", survey_id);
    ar(cereal::make_nvp("version", version), cereal::make_nvp("sets", sets),
       cereal::make_nvp("segment_answers", segment_answers), cereal::make_nvp("open_answer", open_answer),
       cereal::make_nvp("started_at", started_at), cereal::make_nvp("finished_at", finished_at),
       cereal::make_nvp("complete", complete), cereal::make_nvp("open_answer_left_out", open_answer_left_out));
}

}  // namespace loupe

LOUPE_CLASS_VERSION(loupe::SegmentQuestion, 1)
LOUPE_CLASS_VERSION(loupe::Survey, 1)
LOUPE_CLASS_VERSION(loupe::SetAnswer, 1)
LOUPE_CLASS_VERSION(loupe::Response, 1)
