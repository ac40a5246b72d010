// store.h — the facilitator's taste sessions as kept in browser storage.
//
//   taste-team.bin                 the team, with the junior flags (write_team_file, Facilitator)
//   taste-session-<16 hex>.bin     one session: a session file (its team and every record, no
//                                  pictures: those are stored on their own by pictures.h)
//   taste-facilitator.bin          which member is the facilitator, and per session the invite
//                                  last given out (to say when the plan changed after inviting)
//
// Loaded once at start; every change is written at once, so a reload loses nothing; another
// tab's changes arrive through the platform's storage notices and are read again here. The
// participant's own notes ("taste-mine-*") are not the facilitator's and are not read here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/taste/records.h"

namespace taste_store {

void load();
// Reads again the named stored files another tab changed (ignores names that are not ours).
void reload(const std::vector<std::string>& changed_names);
bool is_taste_storage_name(const std::string& name);
// "the team", "the session \u201cbudgeting apps\u201d": for the storage banner.
std::string describe(const std::string& name);

// Null until the team is made.
loupe::taste::Team* team();
// The facilitator's own member id: the author of every edit made here.
std::uint64_t me();
// Keeps a team just made; `me` is the facilitator's member id in it.
void adopt_team(loupe::taste::Team team, std::uint64_t me);
bool save_team();

// The revision of an edit made now, by the facilitator, to a record last revised as `seen`.
loupe::taste::Revision revise(const loupe::taste::Revision& seen);

std::vector<loupe::taste::Session>& sessions();  // newest date first after sort_sessions()
void sort_sessions();
loupe::taste::Session* find_session(std::uint64_t id);
bool save_session(const loupe::taste::Session& session);
// Numbers that grow with every change kept here: changes() whenever the team or any session is
// saved, read again, added or removed; session_change(id) when that session last was (0: not
// held). Views made from the sessions (the library's index) make again only what changed.
std::uint64_t changes();
std::uint64_t session_change(std::uint64_t id);
// A new planned session with the defaults (the next date on the cadence, the rota's next picker,
// everyone invited); the turn passes on in the rota. Returns its id.
std::uint64_t plan_next_session();
// Another picker for a session's plan (the caller revises the plan): the one it had gets the turn
// back if the rota has not moved since, and the new one uses theirs if it was theirs.
void change_picker(loupe::taste::Plan& plan, std::uint64_t picker);
// Removes it from storage, with the pictures that nothing else kept shows (no other session, no
// notes of your own as a participant). A session not yet held gives its picker's turn back.
void delete_session(std::uint64_t id);

// The invite fragment last given out for a session ("" when none), and remembering one.
std::string invite_given(std::uint64_t session);
void set_invite_given(std::uint64_t session, const std::string& fragment);

std::string hex_id(std::uint64_t id);            // 16 lower-case hex digits
std::uint64_t parse_hex_id(std::string_view text);  // 0 when not 16 hex digits
loupe::taste::Date today();                      // the local day, from std::time
std::int64_t now();

}  // namespace taste_store
