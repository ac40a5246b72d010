// survey.cpp — checking, hashing and encoding surveys and responses (files, links, JSON).
#include "core/maxdiff/survey.h"

#include <cstdio>
#include <sstream>

#include <cereal/archives/json.hpp>

#include "core/shared/container.h"
#include "core/shared/packing.h"
#include "core/shared/serialize.h"

namespace loupe {
namespace {

constexpr std::uint16_t kSurveyFormat = 1;    // envelope version of survey files and links
constexpr std::uint16_t kResponseFormat = 1;  // envelope version of response files
constexpr std::size_t kMaxSurveyBytes = 256 * 1024;
constexpr std::size_t kMaxResponseBytes = 64 * 1024;
constexpr std::size_t kMaxJsonBytes = 4 * 1024 * 1024;

// ---- text checks --------------------------------------------------------------------------

std::string text_problem(const std::string& text, std::size_t max_bytes, const std::string& what, bool required) {
    if (required && text.empty()) return what + " is empty.";
    if (text.size() > max_bytes) return what + " is too long (at most " + std::to_string(max_bytes) + " characters).";
    if (!is_valid_utf8(text)) return what + " contains damaged characters (not UTF-8).";
    return {};
}

// The content that makes a survey what it is, in a fixed order, without class versions (so a
// newer file format does not change old ids).
std::vector<std::uint8_t> canonical_bytes(const Survey& s) {
    std::vector<std::uint8_t> out;
    ByteOutputArchive ar(out);
    ar(s.title, s.intro, s.items, static_cast<std::uint32_t>(s.segments.size()));
    for (const SegmentQuestion& q : s.segments) ar(q.label, q.options);
    ar(s.open_question, s.design.items_per_set, s.design.sets_per_version, s.design.versions, s.design.seed,
       s.reply_to);
    return out;
}

// ---- JSON ----------------------------------------------------------------------------------

template <class T>
std::string to_json(const char* name, const T& value) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out);
        ar(cereal::make_nvp(name, value));
    }
    return out.str();
}

template <class T>
Result<T> from_json(const char* name, std::string_view json) {
    if (json.size() > kMaxJsonBytes) return failure<T>("This JSON file is too large to be a Loupe export.");
    try {
        std::istringstream in{std::string(json)};
        cereal::JSONInputArchive ar(in);
        T value{};
        ar(cereal::make_nvp(name, value));
        return value;
    } catch (const std::exception& e) {
        return failure<T>(std::string("This JSON is not a Loupe ") + name + " export (" + e.what() + ").");
    }
}

}  // namespace

// ---- surveys --------------------------------------------------------------------------------

std::string survey_problem(const Survey& s) {
    if (auto p = text_problem(s.title, kMaxTitleBytes, "The title", true); !p.empty()) return p;
    if (auto p = text_problem(s.intro, kMaxIntroBytes, "The introduction", false); !p.empty()) return p;
    if (s.items.size() < std::size_t(kMinItems))
        return "A survey needs at least " + std::to_string(kMinItems) + " items.";
    if (s.items.size() > std::size_t(kMaxItems))
        return "A survey can have at most " + std::to_string(kMaxItems) + " items.";
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        if (auto p = text_problem(s.items[i], kMaxItemBytes, "Item " + std::to_string(i + 1), true); !p.empty())
            return p;
        for (std::size_t j = 0; j < i; ++j)
            if (s.items[i] == s.items[j])
                return "Items " + std::to_string(j + 1) + " and " + std::to_string(i + 1) + " are the same.";
    }
    if (s.segments.size() > std::size_t(kMaxSegmentQuestions))
        return "A survey can have at most " + std::to_string(kMaxSegmentQuestions) + " segment questions.";
    for (std::size_t q = 0; q < s.segments.size(); ++q) {
        const std::string what = "Segment question " + std::to_string(q + 1);
        const SegmentQuestion& question = s.segments[q];
        if (auto p = text_problem(question.label, kMaxQuestionBytes, what, true); !p.empty()) return p;
        if (question.options.size() < std::size_t(kMinSegmentOptions) ||
            question.options.size() > std::size_t(kMaxSegmentOptions))
            return what + " needs between " + std::to_string(kMinSegmentOptions) + " and " +
                   std::to_string(kMaxSegmentOptions) + " options.";
        for (std::size_t o = 0; o < question.options.size(); ++o)
            if (auto p = text_problem(question.options[o], kMaxQuestionBytes,
                                      "Option " + std::to_string(o + 1) + " of " + what, true);
                !p.empty())
                return p;
    }
    if (auto p = text_problem(s.open_question, kMaxQuestionBytes, "The open question", false); !p.empty()) return p;
    if (auto p = text_problem(s.reply_to, kMaxEmailBytes, "The reply-to address", false); !p.empty()) return p;
    if (!s.reply_to.empty() && (s.reply_to.find('@') == std::string::npos ||
                                s.reply_to.find_first_of(" \t\r\n,;<>") != std::string::npos))
        return "The reply-to address does not look like an e-mail address.";
    return design_problem(int(s.items.size()), s.design);
}

std::uint64_t survey_id(const Survey& survey) { return fmix64(fnv1a64(canonical_bytes(survey))); }

std::string survey_id_text(std::uint64_t id) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(id));
    return text;
}

Result<Design> survey_design(const Survey& survey) { return make_design(int(survey.items.size()), survey.design); }

std::vector<std::uint8_t> write_survey_file(const Survey& survey) {
    return seal(FileKind::Survey, kSurveyFormat, to_bytes(survey));
}

Result<Survey> read_survey_file(std::span<const std::uint8_t> bytes) {
    auto envelope = open_envelope(bytes, FileKind::Survey, kSurveyFormat, kMaxSurveyBytes);
    if (!envelope) return failure<Survey>(envelope.error());
    auto survey = from_bytes<Survey>(envelope->payload);
    if (!survey) return failure<Survey>("This survey file is damaged (" + survey.error() + ").");
    if (auto problem = survey_problem(*survey); !problem.empty())
        return failure<Survey>("This survey file is damaged: " + problem);
    return survey;
}

std::string survey_to_json(const Survey& survey) { return to_json("survey", survey); }
Result<Survey> survey_from_json(std::string_view json) {
    auto survey = from_json<Survey>("survey", json);
    if (survey)
        if (auto problem = survey_problem(*survey); !problem.empty())
            return failure<Survey>("This JSON survey cannot be used: " + problem);
    return survey;
}

std::string survey_fragment(const Survey& survey) {
    const auto payload = to_bytes(survey);
    const auto packed = deflate(payload);
    std::vector<std::uint8_t> bytes = {std::uint8_t(kSurveyFormat)};
    put_leb128(bytes, payload.size());
    put_leb128(bytes, packed.size());
    bytes.insert(bytes.end(), packed.begin(), packed.end());
    const std::uint32_t crc = crc32(bytes);
    for (int i = 0; i < 4; ++i) bytes.push_back(std::uint8_t(crc >> (8 * i)));
    return "s=" + base64url_encode(bytes);
}

std::string survey_link(const Survey& survey, std::string_view base_url) {
    return std::string(base_url) + "#" + survey_fragment(survey);
}

Result<Survey> survey_from_link(std::string_view link) {
    const std::string cut = "This link is incomplete \xe2\x80\x94 it looks cut off. Copy the whole link and try again.";
    const std::string edited = "This link was edited or damaged: ";

    std::string text;  // the link without the spaces and line breaks mail clients put in
    for (char c : link)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') text += c;
    std::string_view rest = text;
    if (auto hash = rest.find('#'); hash != std::string_view::npos) rest.remove_prefix(hash + 1);
    std::string_view data;
    bool found = false;
    while (!found && !rest.empty()) {
        const auto amp = rest.find('&');
        std::string_view part = rest.substr(0, amp);
        if (part.substr(0, 2) == "s=") data = part.substr(2), found = true;
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    }
    if (!found) return failure<Survey>("This link does not contain a Loupe survey.");

    // Punctuation that ends a sentence around a pasted link is not part of it.
    std::size_t end = 0;
    while (end < data.size() && base64url_value(data[end]) >= 0) ++end;
    for (std::size_t i = end; i < data.size(); ++i)
        if (base64url_value(data[i]) >= 0)
            return failure<Survey>(edited + "it contains characters a survey link never has.");
    std::vector<std::uint8_t> bytes;
    if (!base64url_decode(data.substr(0, end), bytes) || bytes.empty()) return failure<Survey>(cut);

    if (bytes[0] == 0) return failure<Survey>(edited + "it does not start like a survey.");
    if (bytes[0] > kSurveyFormat)
        return failure<Survey>("This survey was made by a newer version of Loupe; reload the page to update it.");
    std::size_t pos = 1, payload_size = 0, packed_size = 0;
    if (!get_leb128(bytes, pos, payload_size) || !get_leb128(bytes, pos, packed_size)) return failure<Survey>(cut);
    if (payload_size > kMaxSurveyBytes || packed_size > kMaxSurveyBytes * 2)
        return failure<Survey>(edited + "it claims to hold more than a survey can.");
    if (bytes.size() - pos < packed_size + 4) return failure<Survey>(cut);
    if (bytes.size() - pos > packed_size + 4) return failure<Survey>(edited + "it is longer than it should be.");
    const std::size_t body = bytes.size() - 4;
    const std::uint32_t stored = std::uint32_t(bytes[body]) | std::uint32_t(bytes[body + 1]) << 8 |
                                 std::uint32_t(bytes[body + 2]) << 16 | std::uint32_t(bytes[body + 3]) << 24;
    if (crc32(std::span(bytes).first(body)) != stored)
        return failure<Survey>(edited + "its checksum does not match.");

    std::vector<std::uint8_t> payload;
    if (!inflate(std::span(bytes).subspan(pos, packed_size), payload_size, payload))
        return failure<Survey>(edited + "its contents cannot be unpacked.");
    auto survey = from_bytes<Survey>(payload);
    if (!survey) return failure<Survey>(edited + survey.error() + ".");
    if (auto problem = survey_problem(*survey); !problem.empty()) return failure<Survey>(edited + problem);
    return survey;
}

// ---- responses ------------------------------------------------------------------------------

int version_for_respondent(std::uint64_t respondent_id, const Survey& survey) {
    return survey.design.versions > 0 ? int(respondent_id % survey.design.versions) : 0;
}

Response start_response(const Survey& survey, const Design& design, std::uint64_t respondent_id,
                        std::int64_t now_unix_seconds) {
    Response r;
    r.respondent_id = respondent_id;
    r.survey_id = survey_id(survey);
    r.version = std::uint16_t(version_for_respondent(respondent_id, survey));
    if (r.version < design.versions.size())
        for (const auto& set : design.versions[r.version]) {
            SetAnswer answer;
            answer.shown.assign(set.begin(), set.end());
            r.sets.push_back(answer);
        }
    r.segment_answers.assign(survey.segments.size(), -1);
    r.started_at = now_unix_seconds;
    return r;
}

std::string response_problem(const Response& r, const Survey& survey) {
    return response_problem(r, survey, survey_id(survey));
}

std::string response_problem(const Response& r, const Survey& survey, std::uint64_t id_of_survey) {
    const std::string_view damaged = "This response is damaged: ";
    if (r.survey_id != id_of_survey) return "This response is for a different survey.";
    if (r.respondent_id == 0) return std::string(damaged) + "it has no respondent id.";
    if (r.version >= survey.design.versions)
        return std::string(damaged) + "it names a version the survey does not have.";
    if (r.sets.size() > survey.design.sets_per_version)
        return std::string(damaged) + "it has more screens than the survey.";
    if (r.complete && r.sets.size() != survey.design.sets_per_version)
        return std::string(damaged) + "it is marked complete but some screens are missing.";
    for (std::size_t s = 0; s < r.sets.size(); ++s) {
        const SetAnswer& a = r.sets[s];
        // Spelled out only for a problem: building it for every screen of every response costs.
        const auto screen = [&, s] { return std::string(damaged) + "screen " + std::to_string(s + 1); };
        if (a.shown.size() != survey.design.items_per_set) return screen() + " shows the wrong number of items.";
        for (std::size_t i = 0; i < a.shown.size(); ++i) {
            if (a.shown[i] >= survey.items.size()) return screen() + " shows an item the survey does not have.";
            for (std::size_t j = 0; j < i; ++j)
                if (a.shown[i] == a.shown[j]) return screen() + " shows an item twice.";
        }
        auto on_screen = [&](int item) {
            for (auto shown : a.shown)
                if (shown == item) return true;
            return false;
        };
        if ((a.best != -1 && !on_screen(a.best)) || (a.worst != -1 && !on_screen(a.worst)))
            return screen() + " has an answer that was not on the screen.";
        if (a.best != -1 && a.best == a.worst) return screen() + " has the same item as most and least important.";
        if (r.complete && (a.best == -1 || a.worst == -1)) return screen() + " is not answered.";
    }
    if (r.segment_answers.size() != survey.segments.size())
        return std::string(damaged) + "it does not answer the survey's segment questions.";
    for (std::size_t q = 0; q < r.segment_answers.size(); ++q)
        if (r.segment_answers[q] < -1 || r.segment_answers[q] >= int(survey.segments[q].options.size()))
            return std::string(damaged) + "it picks an option segment question " + std::to_string(q + 1) +
                   " does not have.";
    if (auto p = text_problem(r.open_answer, kMaxOpenAnswerBytes, "its open answer", false); !p.empty())
        return std::string(damaged) + p;
    return {};
}

std::vector<std::uint8_t> write_response_file(const Response& response) {
    return seal(FileKind::Response, kResponseFormat, to_bytes(response));
}

Result<Response> read_response_file(std::span<const std::uint8_t> bytes, const Survey& survey) {
    auto envelope = open_envelope(bytes, FileKind::Response, kResponseFormat, kMaxResponseBytes);
    if (!envelope) return failure<Response>(envelope.error());
    auto response = from_bytes<Response>(envelope->payload);
    if (!response) return failure<Response>("This response file is damaged (" + response.error() + ").");
    if (auto problem = response_problem(*response, survey); !problem.empty()) return failure<Response>(problem);
    return response;
}

std::string response_to_json(const Response& response) { return to_json("response", response); }
Result<Response> response_from_json(std::string_view json) { return from_json<Response>("response", json); }

}  // namespace loupe
