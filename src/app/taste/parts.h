// parts.h — what the facilitator's taste-session screens share: toggle chips, rows of choices,
// the team's members in the order people think of them, a note's pictures, and the shared look of a section.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/taste/records.h"

namespace taste_ui {

// A button that stays pressed while `on` (primary look) and reads as a toggle; true when clicked.
bool chip(const char* label, const char* test_id, bool on);
// One of `labels` (chips in a row that wraps within `width`); true when the choice changed.
// Test ids are "<test_id>/<index>".
bool choice_row(const char* test_id, const std::vector<std::string>& labels, int& chosen, float width);

// The team's live members: in rota order, then anyone not in the rota.
std::vector<const loupe::taste::Member*> members_in_order(const loupe::taste::Team& team);
std::string member_name(const loupe::taste::Team& team, std::uint64_t id);  // "someone" when unknown

// "Ana, Bo and Cy"
std::string joined(const std::vector<std::string>& names);

// Continues the current row at window-local (x, y), text on it starting at the top of its line (as
// if the row began there), for side-by-side fields whose labels must line up.
void same_row_at(float x, float y);

// A note's pictures in a row, `side` logical pixels each (0: 88, 64 on a phone); a click shows one
// whole in enlarged_dialog, which the screen draws once a frame after its content.
void thumbnail_row(const loupe::taste::Session& session, const loupe::taste::Note& note, const char* test_prefix,
                   float side = 0);
void enlarged_dialog();

// The session asked for is not kept here (deleted, here or in another tab): says so, shows the team.
void session_gone();

// A muted line under a field saying what is wrong with it (danger colour), with a test id.
void field_problem(const std::string& problem, const char* test_id);

}  // namespace taste_ui
