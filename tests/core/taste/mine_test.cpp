// mine_test.cpp — a participant's notes kept in their browser: round trip, damage refused,
// revisions that move only for notes changed since the last send, deletions as tombstones
// that the facilitator's merge honours, and a code that reads back.
#include <gtest/gtest.h>

#include "core/shared/container.h"
#include "core/taste/mine.h"
#include "core/taste/taste_fixtures.h"

namespace loupe::taste {
namespace {

using namespace fixtures;

MyNotes bo_with_two_notes() {
    MyNotes mine = start_my_notes(make_invite(for_the_team(team()), plan()));
    choose_me(mine, member(kBo, "Bo", Role::Engineer), false);
    const std::uint64_t a = add_note(mine, 101, Kind::Good, 1000);
    find_note(mine, a)->text = "Sample data before linking a bank.";
    touch_note(mine, *find_note(mine, a), 1001);
    const std::uint64_t b = add_note(mine, 102, Kind::Ugly, 1002);
    find_note(mine, b)->text = "Two greens that mean opposite things.";
    find_note(mine, b)->tags = {"colour"};
    touch_note(mine, *find_note(mine, b), 1003);
    return mine;
}

TEST(TasteMine, StorageNameAndRoundTrip) {
    EXPECT_EQ(my_notes_storage_name(0x5E55), "taste-mine-0000000000005e55.bin");
    const MyNotes mine = bo_with_two_notes();
    auto back = decode_my_notes(encode_my_notes(mine));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, mine);
    FileKind kind{};
    ASSERT_TRUE(peek_file_kind(encode_my_notes(mine), kind));
    EXPECT_EQ(kind, FileKind::TasteMyNotes);
}

TEST(TasteMine, DamageAndForeignNotesAreRefusedWithASentence) {
    MyNotes mine = bo_with_two_notes();
    auto bytes = encode_my_notes(mine);
    bytes[bytes.size() / 2] ^= 0x40;
    auto damaged = decode_my_notes(bytes);
    ASSERT_FALSE(damaged);
    EXPECT_FALSE(damaged.error().empty());
    EXPECT_FALSE(decode_my_notes(std::vector<std::uint8_t>(9, 0)));

    mine.notes[0].app = 999;  // an app the plan does not have
    auto foreign = decode_my_notes(encode_my_notes(mine));
    ASSERT_FALSE(foreign);
    EXPECT_NE(foreign.error().find("app"), std::string::npos) << foreign.error();
}

TEST(TasteMine, NoteIdsComeFromTheAuthorAndTheirNumbers) {
    const MyNotes mine = bo_with_two_notes();
    EXPECT_EQ(mine.notes[0].head.id, note_id(kBo, 1));
    EXPECT_EQ(mine.notes[1].head.id, note_id(kBo, 2));
    EXPECT_EQ(mine.notes[0].author, kBo);
}

TEST(TasteMine, ARevisionMovesOnlyForNotesChangedAfterTheyWereSent) {
    MyNotes mine = bo_with_two_notes();
    // Drafting before the first send keeps one revision per note.
    EXPECT_EQ(mine.notes[0].head.rev.counter, 1u);
    EXPECT_EQ(mine.notes[1].head.rev.counter, 1u);
    EXPECT_EQ(unsent_changes(mine), 2u);
    mark_sent(mine);
    EXPECT_EQ(unsent_changes(mine), 0u);
    const Contribution first = my_contribution(mine);

    Note& a = *find_note(mine, mine.notes[0].head.id);
    a.text += " Lovely.";
    touch_note(mine, a, 2000);
    touch_note(mine, a, 2001);  // more typing: still one new revision
    EXPECT_EQ(a.head.rev.counter, 2u);
    EXPECT_EQ(a.head.rev.time, 2001);
    EXPECT_EQ(mine.notes[1].head.rev.counter, 1u);
    EXPECT_EQ(unsent_changes(mine), 1u);

    // The facilitator merges the first send, then the second: the changed note wins, the other is the same.
    Session s;
    s.plan = plan();
    Session from1;
    from1.notes = first.notes;
    merge(s, from1);
    Session from2;
    from2.notes = my_contribution(mine).notes;
    merge(s, from2);
    ASSERT_EQ(s.notes.size(), 2u);
    for (const Note& n : s.notes) EXPECT_EQ(n, *find_note(mine, n.head.id));
}

TEST(TasteMine, DeletingASentNoteIsATombstoneThatTheMergeHonours) {
    MyNotes mine = bo_with_two_notes();
    const std::uint64_t a = mine.notes[0].head.id;
    mark_sent(mine);
    Session facilitator;
    facilitator.plan = plan();
    Session from1;
    from1.notes = my_contribution(mine).notes;
    merge(facilitator, from1);

    delete_note(mine, a, 3000);
    ASSERT_NE(find_note(mine, a), nullptr);
    EXPECT_TRUE(find_note(mine, a)->head.deleted);
    EXPECT_EQ(notes_about(mine, 101).size(), 0u);
    EXPECT_EQ(live_note_count(mine), 1u);
    EXPECT_EQ(unsent_changes(mine), 1u);

    // Sent as a code, read back against the plan, merged: the note is gone there too.
    auto code = make_contribution_code(my_contribution(mine), plan());
    ASSERT_TRUE(code) << code.error();
    auto found = find_contribution_codes("> " + *code, plan());
    ASSERT_EQ(found.size(), 1u);
    ASSERT_TRUE(found[0].ok()) << found[0].problem;
    Session from2;
    from2.notes = found[0].contribution.notes;
    merge(facilitator, from2);
    merge(facilitator, from1);  // an older copy cannot bring it back
    const auto it = std::find_if(facilitator.notes.begin(), facilitator.notes.end(),
                                 [&](const Note& n) { return n.head.id == a; });
    ASSERT_NE(it, facilitator.notes.end());
    EXPECT_TRUE(it->head.deleted);
}

TEST(TasteMine, ANoteNeverSentSimplyGoesAndEmptyDraftsAreNotSent) {
    MyNotes mine = bo_with_two_notes();
    const std::uint64_t draft = add_note(mine, 103, Kind::Bad, 1500);
    EXPECT_EQ(my_contribution(mine).notes.size(), 2u);  // the empty draft is not sent
    EXPECT_EQ(unsent_changes(mine), 2u);
    auto back = decode_my_notes(encode_my_notes(mine));  // but it is kept
    ASSERT_TRUE(back) << back.error();
    delete_note(mine, draft, 1600);
    delete_note(mine, mine.notes[0].head.id, 1600);
    EXPECT_EQ(mine.notes.size(), 1u);
    // Numbers are not reused: a later note gets a new id.
    const std::uint64_t next = add_note(mine, 101, Kind::Good, 1700);
    EXPECT_EQ(next, note_id(kBo, 4));
}

TEST(TasteMine, AContributionCarriesThePicturesItsNotesName) {
    MyNotes mine = bo_with_two_notes();
    Screenshot s;
    s.id = 77, s.width = 800, s.height = 600, s.bytes = 1234, s.thumb_width = 160, s.thumb_height = 120, s.thumb_bytes = 99;
    mine.screenshots.push_back(s);
    mine.notes[1].screenshots.push_back(77);
    const Contribution c = my_contribution(mine);
    ASSERT_EQ(c.screenshots.size(), 1u);
    EXPECT_EQ(c.screenshots[0], s);
    auto file = read_contribution_file(write_contribution_file(c));
    ASSERT_TRUE(file) << file.error();
    EXPECT_EQ(file->author.head.id, kBo);
    delete_note(mine, mine.notes[1].head.id, 2000);  // never sent: the note and its picture go
    EXPECT_TRUE(mine.screenshots.empty());
}

TEST(TasteMine, AGuestSendsAsThemselves) {
    MyNotes mine = start_my_notes(make_invite(for_the_team(team()), plan()));
    Member guest;
    guest.head = {0xFEED, {1, 500, 0xFEED}, false};
    guest.name = "Zoë";
    guest.role = Role::Other;
    choose_me(mine, guest, true);
    const std::uint64_t id = add_note(mine, 103, Kind::Bad, 600);
    find_note(mine, id)->text = "Το κουμπί είναι πολύ μικρό.";
    touch_note(mine, *find_note(mine, id), 601);
    auto code = make_contribution_code(my_contribution(mine), plan());
    ASSERT_TRUE(code) << code.error();
    auto found = find_contribution_codes(*code, plan());
    ASSERT_EQ(found.size(), 1u);
    ASSERT_TRUE(found[0].ok()) << found[0].problem;
    EXPECT_EQ(found[0].contribution.author.name, "Zoë");
    EXPECT_EQ(found[0].contribution.notes.at(0).text, "Το κουμπί είναι πολύ μικρό.");
}

}  // namespace
}  // namespace loupe::taste
