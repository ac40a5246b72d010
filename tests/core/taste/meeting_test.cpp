// meeting_test.cpp — the meeting's rules: the groups' rule for every size from 1 to 40 over many
// random mixes of roles and juniors (and beyond, up to 200), for every mix of 9 to 13 people, seeds,
// the facilitator's moves, the groups as records, the call-on queue and the quiet flag after
// recorded turns, and groups' own browsers merging their notes back into the facilitator's session.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <climits>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "core/shared/rng.h"
#include "core/taste/meeting.h"
#include "core/taste/taste_fixtures.h"

namespace loupe::taste {
namespace {

using namespace fixtures;

// Random people: a random share of juniors and, on some draws, one role far more common than the others.
std::vector<Person> random_people(Rng& rng, int n) {
    const int junior_percent = rng.below(101);
    const int common_role = rng.below(2) ? rng.below(kLastRole + 1) : -1;
    std::vector<Person> people;
    for (int i = 0; i < n; ++i) {
        Person p;
        p.id = rng.next() | 1;
        p.role = common_role >= 0 && rng.below(3) ? Role(common_role) : Role(rng.below(kLastRole + 1));
        p.junior = rng.below(100) < junior_percent;
        people.push_back(p);
    }
    return people;
}

void expect_the_rule(const std::vector<Person>& people, const Groups& groups) {
    const std::size_t n = people.size();
    // Everyone in exactly one group, listed in the order given.
    std::map<std::uint64_t, std::size_t> at;
    for (std::size_t i = 0; i < n; ++i) at[people[i].id] = i;
    std::vector<std::size_t> placed;
    // Per group: its size, its juniors, then how many of each role.
    std::vector<std::array<int, 2 + kLastRole + 1>> counts;
    for (const auto& group : groups) {
        counts.emplace_back();
        std::size_t previous = 0;
        for (std::size_t k = 0; k < group.size(); ++k) {
            const std::size_t i = at.at(group[k]);
            EXPECT_TRUE(k == 0 || i > previous);
            previous = i;
            placed.push_back(i);
            ++counts.back()[0];
            counts.back()[1] += people[i].junior;
            ++counts.back()[2 + std::min<int>(int(people[i].role), kLastRole)];
        }
    }
    std::sort(placed.begin(), placed.end());
    std::vector<std::size_t> everyone(n);
    std::iota(everyone.begin(), everyone.end(), std::size_t(0));
    ASSERT_EQ(placed, everyone);
    if (n <= kMaxOneGroup) {
        EXPECT_EQ(groups.size(), 1u);
        return;
    }
    ASSERT_EQ(groups.size(), (n + 5) / 6);  // as few groups as groups of at most 6 allow
    for (std::size_t c = 0; c < counts[0].size(); ++c) {
        int low = INT_MAX, high = INT_MIN;
        for (const auto& group : counts) {
            low = std::min(low, group[c]);
            high = std::max(high, group[c]);
        }
        if (c == 0) {
            EXPECT_GE(low, 2);
            EXPECT_LE(high, 6);
        }
        EXPECT_LE(high - low, 1) << (c == 0 ? "sizes" : c == 1 ? "juniors" : "a role");
    }
}

TEST(TasteGroups, TheRuleHoldsForEverySizeFrom1To40) {
    Rng rng(2027);
    for (int n = 1; n <= 40; ++n)
        for (int draw = 0; draw < 300; ++draw) {
            const auto people = random_people(rng, n);
            SCOPED_TRACE("n = " + std::to_string(n) + ", draw " + std::to_string(draw));
            expect_the_rule(people, propose_groups(people, rng.next()));
            if (HasFailure()) return;
        }
}

TEST(TasteGroups, TheRuleHoldsUpToTheLargestTeam) {
    Rng rng(14);
    for (int n = 41; n <= int(kMaxMembers); ++n)
        for (int draw = 0; draw < 20; ++draw) {
            const auto people = random_people(rng, n);
            SCOPED_TRACE("n = " + std::to_string(n) + ", draw " + std::to_string(draw));
            expect_the_rule(people, propose_groups(people, rng.next()));
            if (HasFailure()) return;
        }
}

// Every count of juniors and others per role for 9 to 13 people: the rule depends on nothing else.
void every_mix(std::vector<int>& counts, int left, const std::function<void()>& check) {
    if (counts.size() == 2 * (kLastRole + 1) - 1) {
        counts.push_back(left);
        check();
        counts.pop_back();
        return;
    }
    for (int k = 0; k <= left; ++k) {
        counts.push_back(k);
        every_mix(counts, left - k, check);
        counts.pop_back();
    }
}

TEST(TasteGroups, EveryMixOfRolesAndJuniorsFrom9To13People) {
    for (int n = 9; n <= 13; ++n) {
        std::vector<int> counts;
        every_mix(counts, n, [&] {
            std::vector<Person> people;
            for (std::size_t cell = 0; cell < counts.size(); ++cell)
                for (int k = 0; k < counts[cell]; ++k)
                    people.push_back({people.size() + 1, Role(cell % (kLastRole + 1)), cell > kLastRole});
            expect_the_rule(people, propose_groups(people, std::uint64_t(n)));
        });
        if (HasFailure()) return;
    }
}

TEST(TasteGroups, NobodyMeansNoGroupsAndAnIdTwiceCountsOnce) {
    EXPECT_TRUE(propose_groups({}, 1).empty());
    Rng rng(3);
    auto people = random_people(rng, 12);
    auto twice = people;
    twice.push_back(people[4]);
    EXPECT_EQ(propose_groups(twice, 9), propose_groups(people, 9));
    people[0].role = Role(200);  // a damaged role counts as Other
    expect_the_rule(people, propose_groups(people, 9));
}

std::set<std::set<std::uint64_t>> as_sets(const Groups& groups) {
    std::set<std::set<std::uint64_t>> sets;
    for (const auto& g : groups) sets.emplace(g.begin(), g.end());
    return sets;
}

TEST(TasteGroups, TheSameSeedGivesTheSameGroupsWhateverTheOrderAnotherReshuffles) {
    Rng rng(77);
    const auto people = random_people(rng, 23);
    const Groups first = propose_groups(people, 42);
    EXPECT_EQ(propose_groups(people, 42), first);
    auto reversed = people;
    std::reverse(reversed.begin(), reversed.end());
    const Groups from_reversed = propose_groups(reversed, 42);
    EXPECT_EQ(as_sets(from_reversed), as_sets(first));  // the same groups, listed in the given order
    for (std::size_t g = 0; g < first.size(); ++g)
        EXPECT_EQ(std::set(from_reversed[g].begin(), from_reversed[g].end()),
                  std::set(first[g].begin(), first[g].end()));

    EXPECT_NE(as_sets(propose_groups(people, 43)), as_sets(first));
    std::set<std::set<std::set<std::uint64_t>>> distinct;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) distinct.insert(as_sets(propose_groups(people, seed)));
    EXPECT_GE(distinct.size(), 19u);
}

TEST(TasteGroups, TheSeedIsTheMeetingsOrElseTheSessionsId) {
    Session s;
    s.plan = plan();
    EXPECT_EQ(groups_seed(s), s.plan.head.id);
    s.meeting.group_seed = 99;
    EXPECT_EQ(groups_seed(s), 99u);
}

TEST(TasteGroups, TheFacilitatorMovesPeopleAndNoGroupIsLeftEmpty) {
    Groups groups = {{1, 2, 3}, {4, 5}, {6}};
    EXPECT_TRUE(move_to_group(groups, 2, 1));
    EXPECT_EQ(groups, (Groups{{1, 3}, {4, 5, 2}, {6}}));
    EXPECT_TRUE(move_to_group(groups, 2, 1));  // already there: nothing changes
    EXPECT_EQ(groups, (Groups{{1, 3}, {4, 5, 2}, {6}}));
    EXPECT_TRUE(move_to_group(groups, 6, 0));  // the last of a group: the group goes
    EXPECT_EQ(groups, (Groups{{1, 3, 6}, {4, 5, 2}}));
    EXPECT_TRUE(move_to_group(groups, 4, 2));  // a new group
    EXPECT_EQ(groups, (Groups{{1, 3, 6}, {5, 2}, {4}}));
    EXPECT_TRUE(move_to_group(groups, 4, 3));  // alone already: a new group of one is the same
    EXPECT_EQ(groups, (Groups{{1, 3, 6}, {5, 2}, {4}}));
    EXPECT_TRUE(move_to_group(groups, 5, 0));
    EXPECT_TRUE(move_to_group(groups, 2, 0));  // {5, 2} is left empty: the groups after it move up
    EXPECT_EQ(groups, (Groups{{1, 3, 6, 5, 2}, {4}}));
    EXPECT_TRUE(move_to_group(groups, 9, 1));  // someone who came late
    EXPECT_EQ(groups, (Groups{{1, 3, 6, 5, 2}, {4, 9}}));
    EXPECT_FALSE(move_to_group(groups, 1, 3));  // beyond the new-group place
    EXPECT_EQ(groups, (Groups{{1, 3, 6, 5, 2}, {4, 9}}));

    Groups none;
    EXPECT_TRUE(move_to_group(none, 7, 0));
    EXPECT_EQ(none, (Groups{{7}}));
    Groups full(kMaxGroups, std::vector<std::uint64_t>{1});
    EXPECT_FALSE(move_to_group(full, 2, kMaxGroups));
}

TEST(TasteGroups, StoredAsRecordsThatMergeBetweenBrowsers) {
    Session s;
    s.plan = plan();
    store_groups(s, {{kAna, kBo}, {kCy, kDee}, {kFacilitator}}, kFacilitator, 100);
    EXPECT_EQ(stored_groups(s), (Groups{{kAna, kBo}, {kCy, kDee}, {kFacilitator}}));
    ASSERT_EQ(s.groups.size(), 3u);

    Session before = s;
    store_groups(s, {{kAna, kBo}, {kCy, kDee}, {kFacilitator}}, kFacilitator, 200);
    EXPECT_EQ(s, before);  // nothing changed, nothing revised

    // Shuffled again into two groups: the third record becomes a tombstone.
    store_groups(s, {{kAna, kCy, kFacilitator}, {kBo, kDee}}, kFacilitator, 300);
    EXPECT_EQ(stored_groups(s), (Groups{{kAna, kCy, kFacilitator}, {kBo, kDee}}));
    ASSERT_EQ(s.groups.size(), 3u);
    EXPECT_TRUE(s.groups[2].head.deleted);
    EXPECT_EQ(s.groups[0].head.rev.counter, 2u);

    // The older copy merged in changes nothing; the newer one brings the change to the older.
    Session merged_into_new = s;
    merge(merged_into_new, before);
    EXPECT_EQ(merged_into_new, s);
    merge(before, s);
    EXPECT_EQ(stored_groups(before), stored_groups(s));
}

// ---- call on -------------------------------------------------------------------------------------

Turn turn(std::uint64_t id, std::uint64_t member, std::uint64_t app) {
    return Turn{{id, {1, 10, kFacilitator}, false}, member, app};
}

std::vector<std::uint64_t> order_of(const std::vector<QueueEntry>& queue) {
    std::vector<std::uint64_t> ids;
    for (const QueueEntry& e : queue) ids.push_back(e.person);
    return ids;
}

TEST(TasteCallOn, JuniorsFirstThenTheLeastHeardTheFacilitatorLast) {
    const Team t = team();  // Cy is the junior
    const Plan p = plan();  // apps 101, 102, 103
    const std::vector<std::uint64_t> here = {kFacilitator, kAna, kBo, kCy, kDee};

    auto queue = call_on_queue(here, {}, kFacilitator, t, 101, p.apps);
    EXPECT_EQ(order_of(queue), (std::vector<std::uint64_t>{kCy, kAna, kBo, kDee, kFacilitator}));
    EXPECT_TRUE(queue[0].junior);
    EXPECT_TRUE(queue[4].facilitator);

    // On the first app Cy and Ana spoke, Ana twice; a deleted turn and a stranger's do not count.
    std::vector<Turn> turns = {turn(1, kCy, 101),
                               turn(2, kAna, 101),
                               turn(3, kAna, 101),
                               turn(4, kFacilitator, 101),
                               tombstone<Turn>(5, {2, 20, kFacilitator}),
                               turn(6, 0x9999, 101)};
    queue = call_on_queue(here, turns, kFacilitator, t, 101, p.apps);
    EXPECT_EQ(order_of(queue), (std::vector<std::uint64_t>{kBo, kDee, kCy, kAna, kFacilitator}));
    EXPECT_EQ(queue[2].turns, 1u);
    EXPECT_EQ(queue[3].turns, 2u);
    EXPECT_EQ(queue[3].turns_this_app, 2u);
    EXPECT_EQ(queue[4].turns, 1u);

    // On the second app: the junior first again, then whoever has spoken least this session.
    queue = call_on_queue(here, turns, kFacilitator, t, 102, p.apps);
    EXPECT_EQ(order_of(queue), (std::vector<std::uint64_t>{kCy, kBo, kDee, kAna, kFacilitator}));
    EXPECT_EQ(queue[3].turns, 2u);
    EXPECT_EQ(queue[3].turns_this_app, 0u);

    // Bo spoke on the second app; Dee has now been quiet for two apps.
    turns.push_back(turn(7, kBo, 102));
    turns.push_back(turn(8, kCy, 102));
    queue = call_on_queue(here, turns, kFacilitator, t, 102, p.apps);
    EXPECT_EQ(order_of(queue), (std::vector<std::uint64_t>{kDee, kAna, kCy, kBo, kFacilitator}));
    for (const QueueEntry& e : queue) EXPECT_EQ(e.quiet, e.person == kDee) << e.person;

    // Ties are broken in the order present; someone listed twice is there once.
    queue = call_on_queue({kDee, kBo, kDee, kAna}, {}, kFacilitator, t, 101, p.apps);
    EXPECT_EQ(order_of(queue), (std::vector<std::uint64_t>{kDee, kBo, kAna}));
}

TEST(TasteCallOn, QuietMeansNoTurnOnTheLastTwoApps) {
    const Plan p = plan();
    const std::vector<std::uint64_t> here = {kFacilitator, kAna, kBo, kCy, kDee};
    std::vector<Turn> turns = {turn(1, kAna, 101), turn(2, kBo, 101)};
    EXPECT_TRUE(quiet_two_apps(here, turns, kFacilitator, 101, p.apps).empty());  // one app so far
    EXPECT_EQ(quiet_two_apps(here, turns, kFacilitator, 102, p.apps), (std::vector<std::uint64_t>{kCy, kDee}));
    turns.push_back(turn(3, kCy, 102));
    EXPECT_EQ(quiet_two_apps(here, turns, kFacilitator, 102, p.apps), (std::vector<std::uint64_t>{kDee}));
    // On the third app, the first no longer counts: Ana and Bo spoke only there.
    EXPECT_EQ(quiet_two_apps(here, turns, kFacilitator, 103, p.apps), (std::vector<std::uint64_t>{kAna, kBo, kDee}));
    turns.push_back(tombstone<Turn>(3, {2, 30, kFacilitator}));  // Cy's turn taken back
    merge_records(turns, {});
    EXPECT_EQ(quiet_two_apps(here, turns, kFacilitator, 103, p.apps),
              (std::vector<std::uint64_t>{kAna, kBo, kCy, kDee}));
    EXPECT_TRUE(quiet_two_apps(here, turns, kFacilitator, 0xBAD, p.apps).empty());  // not in the plan
}

TEST(TasteTimer, ARunningTimerCountsFromItsLastRevisionAndAReloadSeesTheSame) {
    Meeting m;
    m.head.rev = {3, 1000, kFacilitator};
    set_timer(m, 600, true);
    EXPECT_EQ(timer_left_at(m, 1000), 600u);
    EXPECT_EQ(timer_left_at(m, 1090), 510u);
    // What a reload reads back is the record: the same countdown.
    const Meeting reloaded = from_bytes<Meeting>(to_bytes(m)).value();
    EXPECT_EQ(timer_left_at(reloaded, 1090), 510u);
    EXPECT_EQ(timer_left_at(m, 1600), 0u);
    EXPECT_EQ(timer_left_at(m, 99999), 0u);
    EXPECT_EQ(timer_left_at(m, 900), 600u);  // a clock set back never adds time
    // Paused at 510: it stays there whatever the time.
    set_timer(m, timer_left_at(m, 1090), false);
    m.head.rev = {4, 1090, kFacilitator};
    EXPECT_EQ(timer_left_at(m, 5000), 510u);
    set_timer(m, 0, true);  // nothing left: it cannot run
    EXPECT_FALSE(m.timer_running);
}

TEST(TasteWhoIsHere, AttendanceOrElseTheInvited) {
    Session s;
    s.plan = plan();  // invites Ana, Bo, Cy, Dee
    EXPECT_EQ(present_people(s), s.plan.invited);
    Guest eve = member(0x7777, "Eve", Role::Designer);
    s.guests = {eve};
    s.attendance = {
        Attendance{{kBo, {1, 5, kFacilitator}, false}, false}, Attendance{{kCy, {1, 5, kFacilitator}, false}, true},
        Attendance{{kDee, {1, 5, kFacilitator}, false}, true}, Attendance{{0x7777, {1, 5, kFacilitator}, false}, true}};
    EXPECT_EQ(present_people(s), (std::vector<std::uint64_t>{kCy, kDee, 0x7777}));

    const Team t = team();
    const Person cy = person_of(t, s, kCy), guest = person_of(t, s, 0x7777), stranger = person_of(t, s, 0x8888);
    EXPECT_TRUE(cy.junior);
    EXPECT_EQ(cy.role, Role::Engineer);
    EXPECT_EQ(guest.role, Role::Designer);
    EXPECT_FALSE(guest.junior);
    EXPECT_EQ(stranger.role, Role::Other);
}

// ---- groups' browsers merge back ---------------------------------------------------------------

// What a group's browser does: opens the facilitator's session file and records the group's talk.
SessionFile in_a_group(const std::vector<std::uint8_t>& file, std::uint64_t writer, std::uint64_t first_id,
                       std::int64_t now) {
    auto copy = read_session_file(file);
    EXPECT_TRUE(copy) << copy.error();
    Session& s = copy->session;
    Note note;
    note.head = {first_id, {1, now, writer}, false};
    note.app = 102;
    note.author = writer;
    note.kind = Kind::Bad;
    note.text = "typed in the group of " + find_member(copy->team, writer)->name;
    merge_records(s.notes, {note});
    merge_records(s.turns, {Turn{{first_id + 1, {1, now, writer}, false}, writer, 102}});
    merge_records(s.praise, {Praise{{first_id + 2, {1, now, writer}, false}, first_id, writer, "sharp"}});
    merge_records(s.insights, {Insight{{first_id + 3, {1, now, writer}, false}, "why it hurts", {first_id}}});
    merge_records(s.actions, {Action{{first_id + 4, {1, now, writer}, false},
                                     "fix ours",
                                     writer,
                                     ActionStatus::Open,
                                     {},
                                     first_id + 3,
                                     first_id}});
    // Both groups change the same action the facilitator made: the later change wins everywhere.
    Action shared = s.actions.front();
    shared.head.rev = next_revision(shared.head.rev, writer, now);
    shared.owner = writer;
    merge_records(s.actions, {shared});
    return *copy;
}

TEST(TasteGroupsMerge, NotesFromTwoGroupsComeBackInAnyOrderAndTwice) {
    SessionFile facilitator;
    facilitator.team = team();
    facilitator.session.plan = plan();
    facilitator.session.actions = {
        Action{{50, {1, 5, kFacilitator}, false}, "last month's", kFacilitator, ActionStatus::Open, {}, 0, 0}};
    const auto file = write_session_file(facilitator, Audience::Facilitator);
    const SessionFile first = in_a_group(file, kAna, 1000, 500);
    const SessionFile second = in_a_group(file, kBo, 2000, 600);
    // Through the groups' own session files, as they would travel.
    const auto first_back = read_session_file(write_session_file(first, Audience::Facilitator));
    const auto second_back = read_session_file(write_session_file(second, Audience::Facilitator));
    ASSERT_TRUE(first_back && second_back);

    Session one = facilitator.session, other = facilitator.session;
    merge(one, first_back->session);
    merge(one, second_back->session);
    merge(other, second_back->session);
    merge(other, first_back->session);
    merge(other, first_back->session);  // twice
    merge(other, second_back->session);
    EXPECT_EQ(one, other);

    EXPECT_EQ(one.notes.size(), 2u);
    EXPECT_EQ(one.turns.size(), 2u);
    EXPECT_EQ(one.praise.size(), 2u);
    EXPECT_EQ(one.insights.size(), 2u);
    ASSERT_EQ(one.actions.size(), 3u);
    EXPECT_EQ(one.actions[0].owner, kBo);  // Bo's group changed it later
    EXPECT_EQ(one.notes[0].text, "typed in the group of Ana");
    EXPECT_EQ(one.notes[1].text, "typed in the group of Bo");
    // The turns recorded in the two browsers add up in the queue.
    const auto queue = call_on_queue({kAna, kBo, kCy}, one.turns, kFacilitator, facilitator.team, 102, one.plan.apps);
    EXPECT_EQ(order_of(queue), (std::vector<std::uint64_t>{kCy, kAna, kBo}));
    EXPECT_EQ(queue[1].turns, 1u);
    EXPECT_EQ(queue[2].turns, 1u);
}

}  // namespace
}  // namespace loupe::taste
