// answering.cpp — a respondent's progress, its storage, and the rules of picking answers.
#include "core/maxdiff/answering.h"

#include "core/shared/container.h"
#include "core/shared/serialize.h"

namespace loupe {
namespace {
constexpr std::uint16_t kAnsweringFormat = 1;
constexpr std::size_t kMaxAnsweringBytes = 64 * 1024;

bool has_stage(Stage stage, const Survey& survey) {
    switch (stage) {
        case Stage::Segments: return !survey.segments.empty();
        case Stage::OpenQuestion: return !survey.open_question.empty();
        default: return true;
    }
}
}  // namespace

std::string answering_storage_name(std::uint64_t survey_id) { return "answer-" + survey_id_text(survey_id) + ".bin"; }

std::vector<std::uint8_t> encode_answering(const Answering& answering) {
    return seal(FileKind::Answering, kAnsweringFormat, to_bytes(answering));
}

Result<Answering> decode_answering(std::span<const std::uint8_t> bytes, const Survey& survey) {
    auto envelope = open_envelope(bytes, FileKind::Answering, kAnsweringFormat, kMaxAnsweringBytes);
    if (!envelope) return failure<Answering>(envelope.error());
    auto answering = from_bytes<Answering>(envelope->payload);
    if (!answering) return failure<Answering>("The answers kept in this browser are damaged (" + answering.error() + ").");
    if (auto problem = response_problem(answering->response, survey); !problem.empty())
        return failure<Answering>("The answers kept in this browser do not fit this survey: " + problem);
    if (answering->stage > Stage::Done || answering->screen >= std::max<std::size_t>(1, answering->response.sets.size()) ||
        (answering->stage == Stage::Done) != answering->response.complete)
        return failure<Answering>("The answers kept in this browser are damaged: they stop at a screen the survey does not have.");
    return answering;
}

void choose(SetAnswer& set, int item, bool best) {
    std::int16_t& mine = best ? set.best : set.worst;
    std::int16_t& other = best ? set.worst : set.best;
    if (other == item) other = -1;
    mine = std::int16_t(item);
}

Stage next_stage(Stage stage, const Survey& survey) {
    do stage = Stage(int(stage) + 1);
    while (stage != Stage::Done && !has_stage(stage, survey));
    return stage;
}

Stage previous_stage(Stage stage, const Survey& survey) {
    do stage = Stage(int(stage) - 1);
    while (stage != Stage::Intro && !has_stage(stage, survey));
    return stage;
}

bool finish(Answering& answering, std::int64_t now_unix_seconds) {
    Response& r = answering.response;
    for (std::size_t s = 0; s < r.sets.size(); ++s)
        if (r.sets[s].best < 0 || r.sets[s].worst < 0) {
            answering.stage = Stage::Sets;
            answering.screen = std::uint16_t(s);
            return false;
        }
    r.complete = true;
    r.finished_at = now_unix_seconds;
    answering.stage = Stage::Done;
    return true;
}

}  // namespace loupe
