// meeting.h — the meeting's rules: who is here, the small groups, and who to call on next.
//
// Index:
//   who is here   present_people, person_of: the people a rule works on, with role and junior mark
//   groups        propose_groups (the rule), move_to_group (the facilitator's hand),
//                 store_groups / stored_groups (the session's Group records), groups_seed
//   call on       call_on_queue (juniors first, the least heard next, the facilitator last),
//                 quiet_two_apps (nobody stays silent for two apps in a row)
//   the timer     timer_left_at, set_timer: a countdown that survives a reload without ticking in storage
//
// Everything here is a pure function of the session's records and a seed, so the app, a group's
// own browser and `loupe taste groups` all show the same proposal and the same queue.
#pragma once
#include <cstdint>
#include <vector>

#include "core/taste/records.h"

namespace loupe::taste {

// ---- who is here -------------------------------------------------------------------------------

// One person in the room, as the rules need them. `junior` is known only to the facilitator's
// copy (is_junior in formats.h); everywhere else it is false and the rules still hold.
struct Person {
    std::uint64_t id = 0;  // a member's or a guest's id
    Role role = Role::Other;
    bool junior = false;
};

// The person with `id`: a team member, else one of the session's guests (never junior), else
// someone unknown (role Other, not junior) so that a damaged record never breaks a rule.
Person person_of(const Team& team, const Session& session, std::uint64_t id);

// Who is here: those marked present in the session's attendance, in the plan's invited order and
// then any guests (by id); when nobody has been marked yet, everyone invited.
std::vector<std::uint64_t> present_people(const Session& session);

// ---- groups ------------------------------------------------------------------------------------

constexpr std::size_t kMaxOneGroup = 8;   // up to this many present: one group, everyone together
constexpr std::size_t kMaxGroupSize = 6;  // more than kMaxOneGroup: groups of 2 to 6
constexpr std::size_t kMaxGroups = 200;   // a group per member at most, even after moves

using Groups = std::vector<std::vector<std::uint64_t>>;  // member ids per group

// The rule. Nobody present: no groups. Up to 8 present: one group. More than 8: as few
// groups as groups of at most 6 allow (ceil(n / 6), so every group has 4 to 6 people), and
//   - sizes differ by at most one between groups;
//   - the number of juniors differs by at most one between groups;
//   - "each role as far as possible": the number of people of each role (PM, designer, engineer,
//     other) differs by at most one between groups whenever Loupe finds such an arrangement. It
//     deals each role to the groups in turn as one run (which spreads every role within one and
//     keeps the sizes within one), trying every order of the four roles, and places each role's
//     juniors among the places its run has by a small max-flow that keeps the juniors within one.
//     This succeeds for every mix of roles and juniors of 9 to 30 people (every count of juniors
//     and others per role: the tests go through 9 to 13 on every run, 14 to 30 were checked once
//     the same way) and for every random draw the tests make up to 200 people; no proof covers
//     every size. Should no order succeed, the juniors are dealt first, role by role, and then
//     everyone else in the reverse role order: sizes and juniors stay within one, each role
//     within two.
// Seeded: the same people (in any order) and seed give the same groups; another seed shuffles who
// is with whom. Each group lists its members in the order of `people`.
Groups propose_groups(const std::vector<Person>& people, std::uint64_t seed);

// The seed the app and `loupe taste groups` use for a session: the meeting's group_seed (the app
// sets a new one for "shuffle again"), or the session's id while it was never shuffled.
std::uint64_t groups_seed(const Session& session);

// The facilitator moves `person` into groups[to]; `to == groups.size()` starts a new group. Someone
// in no group yet (who came late) is added the same way. A group the move leaves empty is removed,
// so the groups after it move up one place: no group is ever empty. Moves may make groups smaller
// than 2 or larger than 6: that is the facilitator's call. False, and nothing changed, when `to` is
// beyond groups.size() or the groups already number kMaxGroups and a new one is asked for.
bool move_to_group(Groups& groups, std::uint64_t person, std::size_t to);

// The session's groups as records: group i has an id made from the session's id and i (so two
// browsers storing groups for the same session revise the same records, and the records sort in
// group order). A group whose members changed gets a new revision by `author` at `now`; stored
// groups beyond groups.size() become tombstones. Groups beyond kMaxGroups are not stored.
void store_groups(Session& session, const Groups& groups, std::uint64_t author, std::int64_t now);
// The live (not deleted) Group records' members, in id order: what store_groups stored.
Groups stored_groups(const Session& session);

// ---- call on -----------------------------------------------------------------------------------

struct QueueEntry {
    std::uint64_t person = 0;
    bool junior = false;
    bool facilitator = false;
    std::uint32_t turns = 0;           // turns this session, every app
    std::uint32_t turns_this_app = 0;  // turns on the current app
    bool quiet = false;                // quiet_two_apps flags them
};

// Who to call on next, first to last: everyone in `present` once (ids repeated in it count once).
// Turns are counted from the session's Turn records, deleted ones ignored. The order:
//   1. whoever has not yet spoken on the current app, before whoever has (so "juniors first"
//      holds on every app and a junior who just spoke does not stay at the head of the queue);
//   2. within that, juniors first;
//   3. then whoever has spoken least this session;
//   4. ties in the order of `present`;
// and the facilitator always last.
std::vector<QueueEntry> call_on_queue(const std::vector<std::uint64_t>& present, const std::vector<Turn>& turns,
                                      std::uint64_t facilitator, const Team& team, std::uint64_t current_app,
                                      const std::vector<App>& apps);

// Who is quiet: present (not the facilitator) and had no turn on either of the last two apps, the
// current one and the one before it in the plan's order. Nobody is flagged on the first app, or
// when `current_app` is not in the plan. In the order of `present`.
std::vector<std::uint64_t> quiet_two_apps(const std::vector<std::uint64_t>& present, const std::vector<Turn>& turns,
                                          std::uint64_t facilitator, std::uint64_t current_app,
                                          const std::vector<App>& apps);

// ---- the timer ---------------------------------------------------------------------------------

// Seconds left on the app's timer at `now` (Unix seconds). A running timer counts down from
// timer_left since the meeting record was last revised (its revision's time), so a reload, or
// another browser with the same record, shows the same countdown without a write every second.
// Never below 0; a paused timer shows timer_left.
std::uint32_t timer_left_at(const Meeting& meeting, std::int64_t now);
// Runs or pauses the timer with `left` seconds on it (a timer at 0 stays paused). The caller then
// revises the record, and a running timer counts down from that revision's time.
void set_timer(Meeting& meeting, std::uint32_t left, bool running);

}  // namespace loupe::taste
