// meeting.cpp — the meeting's rules: who is here, groups, and the call-on queue.
//
// Index:
//   who is here   person_of, present_people
//   groups        a small max-flow, dealing roles in runs, the juniors-first fallback, deal,
//                 propose_groups, groups_seed, move_to_group, store_groups, stored_groups
//   call on       call_on_queue, quiet_two_apps
//   the timer     timer_left_at, set_timer
#include "core/taste/meeting.h"

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

#include "core/shared/packing.h"
#include "core/shared/rng.h"
#include "core/shared/sorting.h"
#include "core/taste/formats.h"
#include "core/taste/merge.h"

namespace loupe::taste {

// ---- who is here -------------------------------------------------------------------------------

Person person_of(const Team& team, const Session& session, std::uint64_t id) {
    if (const Member* m = find_member(team, id)) return {id, m->role, is_junior(team, id)};
    for (const Guest& g : session.guests)
        if (g.head.id == id && !g.head.deleted) return {id, g.role, false};
    return {id, Role::Other, false};
}

std::vector<std::uint64_t> present_people(const Session& session) {
    auto is_here = [&](std::uint64_t id) {
        return std::any_of(session.attendance.begin(), session.attendance.end(),
                           [&](const Attendance& a) { return a.head.id == id && !a.head.deleted && a.present; });
    };
    const bool marked = std::any_of(session.attendance.begin(), session.attendance.end(),
                                    [](const Attendance& a) { return !a.head.deleted; });
    if (!marked) return session.plan.invited;
    std::vector<std::uint64_t> here;
    for (std::uint64_t id : session.plan.invited)
        if (is_here(id)) here.push_back(id);
    const auto& invited = session.plan.invited;
    for (const Attendance& a : session.attendance)
        if (!a.head.deleted && a.present && std::find(invited.begin(), invited.end(), a.head.id) == invited.end())
            here.push_back(a.head.id);
    return here;
}

// ---- groups ------------------------------------------------------------------------------------

namespace {

constexpr int kRoles = kLastRole + 1;
using PerRole = std::array<std::vector<int>, kRoles>;  // per role, a count per group
using RoleOrder = std::array<int, kRoles>;

// Indices into `people`, per role, juniors and the others apart.
struct Cells {
    std::array<std::vector<std::size_t>, kRoles> junior, senior;
};

int role_index(Role role) { return std::min<int>(int(role), kLastRole); }  // a damaged role counts as Other

// Max-flow on a few dozen nodes (source, sink, four roles, the groups) by depth-first augmenting
// paths over a capacity matrix: at this size, the simplest way is fast enough.
class SmallFlow {
public:
    explicit SmallFlow(int nodes) : nodes_(nodes), residual_(std::size_t(nodes * nodes), 0) {}

    void add_capacity(int from, int to, int amount) { at(from, to) += amount; }
    // What flows from `from` to `to`, for an edge that has no capacity the other way.
    int carried(int from, int to) const { return residual_[std::size_t(to * nodes_ + from)]; }

    int max_flow(int source, int sink) {
        int total = 0;
        for (;;) {
            std::vector<bool> seen(std::size_t(nodes_), false);
            const int pushed = push(source, sink, INT_MAX, seen);
            if (pushed == 0) return total;
            total += pushed;
        }
    }

private:
    int& at(int from, int to) { return residual_[std::size_t(from * nodes_ + to)]; }

    int push(int from, int sink, int limit, std::vector<bool>& seen) {
        if (from == sink) return limit;
        seen[std::size_t(from)] = true;
        for (int to = 0; to < nodes_; ++to) {
            if (at(from, to) <= 0 || seen[std::size_t(to)]) continue;
            const int pushed = push(to, sink, std::min(limit, at(from, to)), seen);
            if (pushed > 0) {
                at(from, to) -= pushed;
                at(to, from) += pushed;
                return pushed;
            }
        }
        return 0;
    }

    int nodes_;
    std::vector<int> residual_;
};

// How many of each role every group gets when the roles are dealt to the groups in turn, one
// unbroken run per role in `order`. A run of k dealt in turn gives every group k / g or one more,
// and so does the whole sequence, so each role and the sizes are within one.
PerRole role_places(const Cells& cells, const RoleOrder& order, int groups) {
    PerRole places;
    for (auto& per_group : places) per_group.assign(std::size_t(groups), 0);
    int position = 0;
    for (int role : order)
        for (std::size_t k = 0; k < cells.junior[role].size() + cells.senior[role].size(); ++k)
            ++places[role][std::size_t(position++ % groups)];
    return places;
}

// Which of each role's places go to its juniors so that every group has juniors / g of them or
// one more: a flow from each role (its juniors) through its places to the groups, first filling
// every group to the lower count, then letting some take one more. None when no choice can.
std::optional<PerRole> junior_places(const Cells& cells, const PerRole& places, int groups) {
    constexpr int source = 0, sink = 1, first_role = 2, first_group = 2 + kRoles;
    SmallFlow flow(first_group + groups);
    int juniors = 0;
    for (int r = 0; r < kRoles; ++r) {
        juniors += int(cells.junior[r].size());
        flow.add_capacity(source, first_role + r, int(cells.junior[r].size()));
        for (int j = 0; j < groups; ++j) flow.add_capacity(first_role + r, first_group + j, places[r][std::size_t(j)]);
    }
    const int low = juniors / groups, high = (juniors + groups - 1) / groups;
    for (int j = 0; j < groups; ++j) flow.add_capacity(first_group + j, sink, low);
    // Augmenting paths end at the sink and never take flow back from it, so the groups filled to
    // `low` here stay filled while the second round adds the rest.
    int carried = flow.max_flow(source, sink);
    if (carried < low * groups) return std::nullopt;
    for (int j = 0; j < groups; ++j) flow.add_capacity(first_group + j, sink, high - low);
    carried += flow.max_flow(source, sink);
    if (carried < juniors) return std::nullopt;
    PerRole chosen;
    for (int r = 0; r < kRoles; ++r)
        for (int j = 0; j < groups; ++j) chosen[r].push_back(flow.carried(first_role + r, first_group + j));
    return chosen;
}

// Fills `members` with every role within one, if some order of the roles lets the juniors be
// within one too. Takes people from the back of each (shuffled) cell.
bool deal_by_role(Cells cells, const RoleOrder& order, int groups, std::vector<std::vector<std::size_t>>& members) {
    const PerRole places = role_places(cells, order, groups);
    const auto juniors = junior_places(cells, places, groups);
    if (!juniors) return false;
    for (int r = 0; r < kRoles; ++r)
        for (std::size_t j = 0; j < std::size_t(groups); ++j)
            for (int k = 0; k < places[r][j]; ++k) {
                auto& cell = k < (*juniors)[r][j] ? cells.junior[r] : cells.senior[r];
                members[j].push_back(cell.back());
                cell.pop_back();
            }
    return true;
}

// The fallback: the juniors dealt in turn role by role, then everyone else in the reverse role
// order. Sizes and juniors are within one (each one unbroken run); a role's juniors and others are
// two runs, so within two.
void deal_juniors_first(const Cells& cells, const RoleOrder& order, int groups,
                        std::vector<std::vector<std::size_t>>& members) {
    std::vector<std::size_t> sequence;
    for (int role : order) sequence.insert(sequence.end(), cells.junior[role].begin(), cells.junior[role].end());
    for (auto role = order.rbegin(); role != order.rend(); ++role)
        sequence.insert(sequence.end(), cells.senior[*role].begin(), cells.senior[*role].end());
    for (std::size_t i = 0; i < sequence.size(); ++i) members[i % std::size_t(groups)].push_back(sequence[i]);
}

// More than kMaxOneGroup people (`by_id`, indices into `people`) dealt into groups.
std::vector<std::vector<std::size_t>> deal(const std::vector<Person>& people, const std::vector<std::size_t>& by_id,
                                           std::uint64_t seed) {
    Rng rng(seed);
    Cells cells;
    for (std::size_t i : by_id)
        (people[i].junior ? cells.junior : cells.senior)[role_index(people[i].role)].push_back(i);
    for (int r = 0; r < kRoles; ++r) {
        rng.shuffle(cells.junior[r]);
        rng.shuffle(cells.senior[r]);
    }
    std::vector<int> shuffled_roles = {0, 1, 2, 3};
    rng.shuffle(shuffled_roles);
    const int groups = int((by_id.size() + kMaxGroupSize - 1) / kMaxGroupSize);
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(groups));
    RoleOrder permutation = {0, 1, 2, 3}, order{};
    bool dealt = false;
    do {
        for (int k = 0; k < kRoles; ++k) order[k] = shuffled_roles[std::size_t(permutation[k])];
        dealt = deal_by_role(cells, order, groups, members);
    } while (!dealt && std::next_permutation(permutation.begin(), permutation.end()));
    if (!dealt) {
        for (int k = 0; k < kRoles; ++k) order[k] = shuffled_roles[std::size_t(k)];
        deal_juniors_first(cells, order, groups, members);
    }
    rng.shuffle(members);  // which group is "Group 1" is chance too
    return members;
}

std::uint64_t group_id(std::uint64_t session, std::size_t index) {
    // The low byte is the group's place, so records sorted by id are in group order.
    return (fmix64(session ^ 0x67726f7570ull) & ~0xFFull) | (index + 1);  // "group"
}

}  // namespace

Groups propose_groups(const std::vector<Person>& people, std::uint64_t seed) {
    // By id, each id once: the caller's order changes only the order names are listed in.
    std::vector<std::size_t> by_id(people.size());
    std::iota(by_id.begin(), by_id.end(), std::size_t(0));
    std::stable_sort(by_id.begin(), by_id.end(),
                     [&](std::size_t a, std::size_t b) { return people[a].id < people[b].id; });
    by_id.erase(std::unique(by_id.begin(), by_id.end(),
                            [&](std::size_t a, std::size_t b) { return people[a].id == people[b].id; }),
                by_id.end());
    if (by_id.empty()) return {};

    std::vector<std::vector<std::size_t>> members;
    if (by_id.size() <= kMaxOneGroup)
        members.push_back(by_id);
    else
        members = deal(people, by_id, seed);
    Groups out;
    for (auto& group : members) {
        std::sort(group.begin(), group.end());
        out.emplace_back();
        for (std::size_t i : group) out.back().push_back(people[i].id);
    }
    return out;
}

std::uint64_t groups_seed(const Session& session) {
    return session.meeting.group_seed ? session.meeting.group_seed : session.plan.head.id;
}

bool move_to_group(Groups& groups, std::uint64_t person, std::size_t to) {
    if (to > groups.size()) return false;
    std::size_t from = groups.size();
    for (std::size_t g = 0; g < groups.size() && from == groups.size(); ++g)
        if (std::find(groups[g].begin(), groups[g].end(), person) != groups[g].end()) from = g;
    const bool found = from < groups.size();
    if (found && from == to) return true;
    if (to == groups.size()) {
        if (found && groups[from].size() == 1) return true;  // alone already: a new group of one is the same
        if (groups.size() >= kMaxGroups) return false;
        groups.emplace_back();
    }
    if (found) std::erase(groups[from], person);
    groups[to].push_back(person);
    if (found && groups[from].empty()) groups.erase(groups.begin() + std::ptrdiff_t(from));
    return true;
}

void store_groups(Session& session, const Groups& groups, std::uint64_t author, std::int64_t now) {
    const std::size_t count = std::min(groups.size(), kMaxGroups);
    std::set<std::uint64_t> kept;
    std::vector<Group> changes;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t id = group_id(session.plan.head.id, i);
        kept.insert(id);
        const auto old =
            std::find_if(session.groups.begin(), session.groups.end(), [&](const Group& g) { return g.head.id == id; });
        const bool stored = old != session.groups.end();
        if (stored && !old->head.deleted && old->members == groups[i]) continue;
        Group group;
        group.head = {id, next_revision(stored ? old->head.rev : Revision{}, author, now), false};
        group.members = groups[i];
        changes.push_back(std::move(group));
    }
    for (const Group& old : session.groups)
        if (!old.head.deleted && !kept.count(old.head.id))
            changes.push_back(tombstone<Group>(old.head.id, next_revision(old.head.rev, author, now)));
    merge_records(session.groups, changes);
}

Groups stored_groups(const Session& session) {
    std::vector<const Group*> live;
    for (const Group& g : session.groups)
        if (!g.head.deleted) live.push_back(&g);
    sort_stable(live, [](const Group* a, const Group* b) { return a->head.id < b->head.id; });
    Groups out;
    for (const Group* g : live) out.push_back(g->members);
    return out;
}

// ---- call on -----------------------------------------------------------------------------------

std::vector<QueueEntry> call_on_queue(const std::vector<std::uint64_t>& present, const std::vector<Turn>& turns,
                                      std::uint64_t facilitator, const Team& team, std::uint64_t current_app,
                                      const std::vector<App>& apps) {
    std::vector<QueueEntry> queue;
    std::map<std::uint64_t, std::size_t> place;
    for (std::uint64_t id : present) {
        if (!place.emplace(id, queue.size()).second) continue;
        queue.push_back({id, is_junior(team, id), id == facilitator, 0, 0, false});
    }
    for (const Turn& turn : turns) {
        const auto found = place.find(turn.member);
        if (turn.head.deleted || found == place.end()) continue;
        QueueEntry& entry = queue[found->second];
        ++entry.turns;
        if (turn.app == current_app) ++entry.turns_this_app;
    }
    for (std::uint64_t id : quiet_two_apps(present, turns, facilitator, current_app, apps))
        queue[place[id]].quiet = true;
    sort_stable(queue, [](const QueueEntry& a, const QueueEntry& b) {
        auto key = [](const QueueEntry& e) {
            return std::tuple(e.facilitator, e.turns_this_app > 0, !e.junior, e.turns);
        };
        return key(a) < key(b);
    });
    return queue;
}

std::vector<std::uint64_t> quiet_two_apps(const std::vector<std::uint64_t>& present, const std::vector<Turn>& turns,
                                          std::uint64_t facilitator, std::uint64_t current_app,
                                          const std::vector<App>& apps) {
    const auto current = std::find_if(apps.begin(), apps.end(), [&](const App& a) { return a.id == current_app; });
    if (current == apps.end() || current == apps.begin()) return {};
    const std::uint64_t previous_app = std::prev(current)->id;
    std::set<std::uint64_t> spoke;
    for (const Turn& turn : turns)
        if (!turn.head.deleted && (turn.app == current_app || turn.app == previous_app)) spoke.insert(turn.member);
    std::vector<std::uint64_t> quiet;
    std::set<std::uint64_t> listed;
    for (std::uint64_t id : present)
        if (id != facilitator && !spoke.count(id) && listed.insert(id).second) quiet.push_back(id);
    return quiet;
}

// ---- the timer ---------------------------------------------------------------------------------

std::uint32_t timer_left_at(const Meeting& meeting, std::int64_t now) {
    if (!meeting.timer_running) return meeting.timer_left;
    const std::int64_t elapsed = std::max<std::int64_t>(0, now - meeting.head.rev.time);  // a clock set back counts 0
    return elapsed >= meeting.timer_left ? 0 : meeting.timer_left - static_cast<std::uint32_t>(elapsed);
}

void set_timer(Meeting& meeting, std::uint32_t left, bool running) {
    meeting.timer_left = left;
    meeting.timer_running = running && left > 0;
}

}  // namespace loupe::taste
