// answering.h — one person's way through a survey, kept in their browser after every answer,
// so a reload, a closed tab or a crash resumes on the same screen, and coming back to the link
// after finishing shows the response code again.
//
// Stages: the introduction, the segment questions (when the survey has any), one screen per
// set, the open question (when there is one), and the end with the code. Stored per survey as
// "answer-<survey id>.bin" in the envelope (FileKind::Answering); reading checks it against the
// survey, so a stale or damaged record is noticed instead of trusted.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <cereal/cereal.hpp>

#include "core/shared/class_version.h"
#include "core/shared/result.h"
#include "core/maxdiff/survey.h"

namespace loupe {

enum class Stage : std::uint8_t { Intro, Segments, Sets, OpenQuestion, Done };

struct Answering {
    Response response;
    Stage stage = Stage::Intro;
    std::uint16_t screen = 0;     // the set on screen while stage == Sets
    std::uint64_t revision = 0;   // grows with every change; the newer of two tabs' copies wins

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(cereal::make_nvp("response", response), cereal::make_nvp("stage", stage),
           cereal::make_nvp("screen", screen), cereal::make_nvp("revision", revision));
    }
};

std::string answering_storage_name(std::uint64_t survey_id);  // "answer-<16 hex>.bin"

std::vector<std::uint8_t> encode_answering(const Answering& answering);
Result<Answering> decode_answering(std::span<const std::uint8_t> bytes, const Survey& survey);

// Picks `item` as the most (best) or least important on a screen. An item cannot be both:
// picking it for the other side moves the choice there.
void choose(SetAnswer& set, int item, bool best);

// The stage after or before `stage` for this survey (skipping stages it does not have).
Stage next_stage(Stage stage, const Survey& survey);
Stage previous_stage(Stage stage, const Survey& survey);

// Marks the response complete (every set answered) at `now`; false when a set is unanswered,
// and then `screen` is set to the first unanswered one.
bool finish(Answering& answering, std::int64_t now_unix_seconds);

}  // namespace loupe

LOUPE_CLASS_VERSION(loupe::Answering, 1)
