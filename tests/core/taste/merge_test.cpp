// merge_test.cpp — merging copies: random histories of 3 to 8 people adding, editing, deleting
// and bringing back notes and plan changes, passing copies to each other, then merged in
// random orders and groupings, some copies twice: every result is the same.
#include <gtest/gtest.h>

#include "core/shared/rng.h"
#include "core/taste/merge.h"

namespace loupe::taste {
namespace {

struct Person {
    std::uint64_t id = 0;
    Session copy;
    std::int64_t clock = 0;  // each person's own clock, a little off from the others'
};

// The newest revision a copy has of record `id`, so an edit counts past it.
Revision seen(const std::vector<Note>& notes, std::uint64_t id) {
    for (const Note& n : notes)
        if (n.head.id == id) return n.head.rev;
    return {};
}

Note random_note(Rng& rng, std::uint64_t id, const Revision& rev, std::uint64_t author) {
    Note n;
    n.head = {id, rev, false};
    n.author = author;
    n.app = 1 + rng.below(3);
    n.kind = Kind(rng.below(3));
    n.text = "note " + std::to_string(rng.below(1000));
    if (rng.below(3) == 0) n.tags = {"tag" + std::to_string(rng.below(4))};
    return n;
}

// One person does one thing to their copy, or takes in someone else's.
void step(Rng& rng, std::vector<Person>& people, std::vector<std::uint64_t>& ids) {
    Person& p = people[rng.below(int(people.size()))];
    p.clock += rng.below(3);  // clocks may stand still: ties are broken by author
    const int what = rng.below(10);
    if (what < 3 || ids.empty()) {  // add
        const std::uint64_t id = rng.next() | 1;
        ids.push_back(id);
        merge_records(p.copy.notes, {random_note(rng, id, {1, p.clock, p.id}, p.id)});
    } else if (what < 6) {  // edit, or bring back a deleted note, whatever the copy knows of it
        const std::uint64_t id = ids[rng.below(int(ids.size()))];
        merge_records(p.copy.notes, {random_note(rng, id, next_revision(seen(p.copy.notes, id), p.id, p.clock), p.id)});
    } else if (what < 8) {  // delete
        const std::uint64_t id = ids[rng.below(int(ids.size()))];
        merge_records(p.copy.notes, {tombstone<Note>(id, next_revision(seen(p.copy.notes, id), p.id, p.clock))});
    } else if (what < 9 && rng.below(2)) {  // record an action, or change one's status
        const std::uint64_t id = 100 + rng.below(4);
        Revision rev;
        for (const Action& a : p.copy.actions)
            if (a.head.id == id) rev = a.head.rev;
        merge_records(p.copy.actions, {Action{{id, next_revision(rev, p.id, p.clock), false}, "act", p.id,
                                              ActionStatus(rng.below(4)), {}, 0, 0}});
    } else if (what < 9) {  // change the plan's category
        p.copy.plan.head = {7, next_revision(p.copy.plan.head.rev, p.id, p.clock), false};
        p.copy.plan.category = "category " + std::to_string(rng.below(100));
    } else {  // take in another person's copy
        merge(p.copy, people[rng.below(int(people.size()))].copy);
    }
}

// Merges `copies` in a random order, as a random binary tree of groupings.
Session merge_randomly(Rng& rng, std::vector<Session> copies) {
    while (copies.size() > 1) {
        const int a = rng.below(int(copies.size()));
        Session left = copies[a];
        copies.erase(copies.begin() + a);
        const int b = rng.below(int(copies.size()));
        merge(left, copies[b]);
        copies[b] = left;
    }
    return copies[0];
}

TEST(TasteMerge, RandomHistoriesMergeToOneResultInAnyOrder) {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        Rng rng(seed);
        std::vector<Person> people(3 + rng.below(6));
        for (std::size_t i = 0; i < people.size(); ++i) {
            people[i].id = rng.next() | 1;
            people[i].clock = 1000 + rng.below(5);
        }
        std::vector<std::uint64_t> ids;
        const int steps = 20 + rng.below(60);
        for (int s = 0; s < steps; ++s) step(rng, people, ids);

        std::vector<Session> copies;
        for (const Person& p : people) copies.push_back(p.copy);
        Session first;
        for (const Session& c : copies) merge(first, c);

        for (int trial = 0; trial < 6; ++trial) {
            std::vector<Session> inputs = copies;
            for (int twice = rng.below(3); twice > 0; --twice) inputs.push_back(copies[rng.below(int(copies.size()))]);
            rng.shuffle(inputs);
            EXPECT_EQ(merge_randomly(rng, inputs), first) << "seed " << seed << ", trial " << trial;
        }
        Session again = first;
        merge(again, first);
        EXPECT_EQ(again, first) << "merging a result into itself changes nothing (seed " << seed << ")";

        // Every id ends with the highest revision any copy has of it.
        for (const Note& n : first.notes) {
            Revision newest;
            for (const Session& c : copies) newest = std::max(newest, seen(c.notes, n.head.id));
            EXPECT_EQ(n.head.rev, newest);
        }
    }
}

TEST(TasteMerge, AnOlderCopyCannotBringBackADeletedNote) {
    Note n;
    n.head = {42, {1, 100, 5}, false};
    n.text = "The empty state is friendly";
    Session old_copy, deleted;
    old_copy.notes = {n};
    deleted.notes = {tombstone<Note>(42, next_revision(n.head.rev, 6, 90))};  // an earlier clock still wins
    Session a = deleted, b = old_copy;
    merge(a, old_copy);
    merge(b, deleted);
    ASSERT_EQ(a.notes.size(), 1u);
    EXPECT_TRUE(a.notes[0].head.deleted);
    EXPECT_TRUE(a.notes[0].text.empty());
    EXPECT_EQ(a, b);

    // A newer edit (made after seeing the deletion) brings it back.
    Note back = n;
    back.head.rev = next_revision(a.notes[0].head.rev, 5, 200);
    merge_records(a.notes, {back});
    EXPECT_FALSE(a.notes[0].head.deleted);
}

TEST(TasteMerge, TiesAndDuplicatesAreResolvedTheSameEverywhere) {
    Note x, y;
    x.head = y.head = {9, {3, 50, 1}, false};
    x.text = "x";
    y.text = "y";
    std::vector<Note> a = {x}, b = {y};
    merge_records(a, {y});
    merge_records(b, {x});
    EXPECT_EQ(a, b);
    std::vector<Note> messy = {y, x, y}, clean;
    merge_records(clean, messy);
    EXPECT_EQ(clean, a);
}

TEST(TasteMerge, JuniorFlagsSurviveATeamCopyWithoutThem) {
    Team facilitator, team_copy;
    Member m;
    m.head = {11, {1, 10, 1}, false};
    m.name = "Ana";
    facilitator.members = {m};
    facilitator.juniors = {JuniorFlag{{11, {1, 10, 1}, false}, true}};
    team_copy.members = {m};
    team_copy.members[0].head.rev = {2, 20, 3};
    team_copy.members[0].name = "Ana B.";
    merge(facilitator, team_copy);
    EXPECT_EQ(facilitator.members[0].name, "Ana B.");
    ASSERT_EQ(facilitator.juniors.size(), 1u);
    EXPECT_TRUE(facilitator.juniors[0].junior);
}

TEST(TasteMerge, ScreenshotsMergeByContent) {
    Session a, b;
    a.screenshots = {Screenshot{5, 100, 80, 1000}};
    b.screenshots = {Screenshot{5, 100, 80, 1000}, Screenshot{3, 10, 10, 10}};
    merge(a, b);
    ASSERT_EQ(a.screenshots.size(), 2u);
    EXPECT_EQ(a.screenshots[0].id, 3u);
}

TEST(TasteMerge, NoteIdsFromNumbersAreDistinct) {
    std::vector<std::uint64_t> ids;
    for (std::uint64_t author : {1ull, 2ull, 0xdeadbeefull})
        for (std::uint32_t n = 0; n < 1000; ++n) ids.push_back(note_id(author, n));
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
    EXPECT_EQ(std::count(ids.begin(), ids.end(), 0u), 0);
}

}  // namespace
}  // namespace loupe::taste
