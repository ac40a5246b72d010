// formats_test.cpp — team, session and contribution files, invite links and contribution
// codes: round trips, tolerance of e-mail, clear messages for damage, and no junior flag in
// anything meant for the team (checked on the decoded bytes).
#include <gtest/gtest.h>

#include "core/shared/container.h"
#include "core/shared/packing.h"
#include "core/shared/serialize.h"
#include "core/taste/taste_fixtures.h"

namespace loupe::taste {
namespace {

using namespace fixtures;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(TasteFormats, TeamFileRoundTripsAndTheTeamCopyHasNoJuniorFlag) {
    const Team t = team();
    ASSERT_EQ(team_problem(t), "");
    auto mine = read_team_file(write_team_file(t, Audience::Facilitator));
    ASSERT_TRUE(mine) << mine.error();
    EXPECT_EQ(*mine, t);
    EXPECT_TRUE(is_junior(*mine, kCy));

    const auto bytes = write_team_file(t, Audience::Team);
    auto theirs = read_team_file(bytes);
    ASSERT_TRUE(theirs) << theirs.error();
    EXPECT_TRUE(theirs->juniors.empty());
    EXPECT_FALSE(is_junior(*theirs, kCy));
    // The payload is exactly the team without its flags: nothing else could hide one.
    auto env = open_envelope(bytes, FileKind::TasteTeam, 1, 1 << 20);
    ASSERT_TRUE(env);
    EXPECT_EQ(env->payload, to_bytes(for_the_team(t)));
}

TEST(TasteFormats, StoredCopiesReadBackHalfMadeButFilesRefuseThem) {
    Team t = team();
    t.members[1].name = "";  // being typed
    const auto team_bytes = write_team_file(t, Audience::Facilitator);
    EXPECT_FALSE(read_team_file(team_bytes));
    auto stored_team = read_stored_team(team_bytes);
    ASSERT_TRUE(stored_team) << stored_team.error();
    EXPECT_EQ(*stored_team, t);

    SessionFile f;
    f.team = team();
    f.session.plan = plan();
    f.session.plan.apps.clear();  // just planned: no apps yet
    f.session.plan.category.clear();
    const auto bytes = write_session_file(f, Audience::Facilitator);
    EXPECT_FALSE(read_session_file(bytes));
    auto stored = read_stored_session(bytes);
    ASSERT_TRUE(stored) << stored.error();
    EXPECT_EQ(*stored, f);
    // Still bounded and checked: damage and the wrong kind are refused.
    auto damaged = bytes;
    damaged[damaged.size() / 2] ^= 0x40;
    EXPECT_FALSE(read_stored_session(damaged));
    EXPECT_FALSE(read_stored_session(team_bytes));
    EXPECT_FALSE(read_stored_team(std::vector<std::uint8_t>(9, 0xFF)));
}

TEST(TasteFormats, SessionFileRoundTripsWithPictures) {
    SessionFile f;
    f.team = team();
    f.session.plan = plan();
    const Contribution c = contribution();
    f.session.notes = c.notes;
    ScreenshotImage image;
    image.image = {1, 2, 3, 4, 5};
    image.meta.id = content_hash(image.image);
    f.images = {image};
    auto back = read_session_file(write_session_file(f, Audience::Facilitator));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, f);
    auto shared = read_session_file(write_session_file(f, Audience::Team));
    ASSERT_TRUE(shared) << shared.error();
    EXPECT_TRUE(shared->team.juniors.empty());
    EXPECT_EQ(shared->session, f.session);
}

TEST(TasteFormats, SessionFilesKeepTheMeetingAndRefuseValuesOutOfRange) {
    SessionFile f;
    f.team = team();
    f.session.plan = plan();
    f.session.meeting = Meeting{{0x5E55, {2, 3000, kFacilitator}, false}, Phase::AppByApp, 102, 600, 245, false, 7};
    f.session.attendance = {Attendance{{kAna, {1, 3000, kFacilitator}, false}, true}};
    f.session.turns = {Turn{{0x71, {1, 3001, kFacilitator}, false}, kAna, 102}};
    f.session.insights = {Insight{{0x81, {1, 3002, kFacilitator}, false}, "The empty state teaches the gesture", {0x1}}};
    f.session.praise = {Praise{{0x91, {1, 3003, kFacilitator}, false}, 0x1, kBo, "Spot on"}};
    f.session.actions = {Action{{0xA1, {1, 3004, kFacilitator}, false}, "Teach our gesture in the empty state", kAna,
                                ActionStatus::Doing, {2027, 2, 1}, 0x81, 0}};
    auto back = read_session_file(write_session_file(f, Audience::Facilitator));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, f);
    f.session.meeting.phase = Phase(9);
    EXPECT_TRUE(contains(read_session_file(write_session_file(f, Audience::Facilitator)).error(), "phase"));
    f.session.meeting.phase = Phase::WrapUp;
    f.session.actions[0].status = ActionStatus(7);
    EXPECT_TRUE(contains(read_session_file(write_session_file(f, Audience::Facilitator)).error(), "status"));
}

TEST(TasteFormats, FilesOfTheWrongKindOrDamagedSaySo) {
    auto bytes = write_team_file(team(), Audience::Team);
    EXPECT_TRUE(contains(read_session_file(bytes).error(), "taste team file, not a taste session file"));
    bytes[30] ^= 0x40;
    EXPECT_TRUE(contains(read_team_file(bytes).error(), "checksum"));
    EXPECT_TRUE(contains(read_contribution_file(std::vector<std::uint8_t>{1, 2, 3}).error(), "not a Loupe file"));
}

TEST(TasteFormats, InviteLinkRoundTripsWithoutJuniorFlags) {
    const Team t = team();
    const Plan p = plan();
    const std::string link = invite_link(t, p, "https://example.com/loupe/");
    EXPECT_EQ(link.rfind("https://example.com/loupe/#t=", 0), 0u);
    auto invite = invite_from_link(link);
    ASSERT_TRUE(invite) << invite.error();
    EXPECT_EQ(invite->plan, p);
    EXPECT_EQ(invite->team_name, "Checkout squad");
    EXPECT_EQ(invite->people.size(), 4u);  // the invited; the picker is one of them
    // Decoded bytes: exactly the invite made from the team view.
    EXPECT_EQ(to_bytes(*invite), to_bytes(make_invite(for_the_team(t), p)));
    EXPECT_EQ(invite_fragment(t, p), invite_fragment(for_the_team(t), p));
    // Quoted in a message, broken over lines, with a full stop after it.
    auto quoted = invite_from_link("Try these: " + link.substr(0, 40) + "\n" + link.substr(40) + ".");
    ASSERT_TRUE(quoted) << quoted.error();
    EXPECT_EQ(quoted->plan, p);
}

TEST(TasteFormats, TheInviteMessageReadsLikeAPerson) {
    Plan p = plan();
    p.focus.clear();
    EXPECT_EQ(invite_message(make_invite(team(), p)),
              "This month: budgeting apps, picked by Ana. Try YNAB, Monzo and Copilot before Thursday 14 January "
              "and note what is good, bad and ugly.");
    EXPECT_EQ(invite_message(make_invite(team(), plan())),
              "This month: budgeting apps, picked by Ana. Focus: onboarding. Try YNAB, Monzo and Copilot before "
              "Thursday 14 January and note what is good, bad and ugly.");
}

TEST(TasteFormats, DamagedInvitesSayWhatToAskFor) {
    const std::string link = invite_link(team(), plan(), "https://x/");
    EXPECT_TRUE(contains(invite_from_link(link.substr(0, link.size() - 9)).error(), "cut off"));
    std::string edited = link;
    edited[edited.size() - 12] = edited[edited.size() - 12] == 'A' ? 'B' : 'A';
    EXPECT_TRUE(contains(invite_from_link(edited).error(), "ask the facilitator for a new one"));
    EXPECT_TRUE(contains(invite_from_link("https://x/#s=abc").error(), "does not contain a taste session invite"));
    Plan two_apps = plan();
    two_apps.apps.pop_back();
    EXPECT_TRUE(contains(invite_from_link(invite_link(team(), two_apps, "x")).error(), "3 to 6 apps"));
}

TEST(TasteFormats, ContributionFileRoundTrips) {
    Contribution c = contribution();
    ScreenshotImage image;
    image.image = {9, 9, 9};
    image.meta.id = content_hash(image.image);
    c.images = {image};
    c.screenshots = {image.meta};
    c.notes[0].screenshots = {image.meta.id};
    auto back = read_contribution_file(write_contribution_file(c));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, c);
    c.images[0].image[0] = 8;
    EXPECT_TRUE(contains(read_contribution_file(write_contribution_file(c)).error(), "do not match its id"));
}

TEST(TasteFormats, ContributionCodeRoundTripsThroughAnEmailThread) {
    Contribution c = contribution();
    c.notes[1].tags = {"onboarding", "magic"};
    c.notes[2].screenshots = {0x1234567890abcdefull};
    c.notes.push_back(tombstone<Note>(note_id(kBo, 40), {3, 1'800'001'000, kBo}));
    Note foreign = c.notes[0];  // a note someone else wrote first, edited by this participant
    foreign.head.id = 0x77;
    foreign.author = kAna;
    c.notes.push_back(foreign);
    auto code = make_contribution_code(c, plan());
    ASSERT_TRUE(code) << code.error();
    EXPECT_EQ(code->rfind("TASTE-", 0), 0u);

    std::string mail = "Hi Fran, here are my notes:\n\n";
    for (std::size_t i = 0; i < code->size(); i += 60) mail += "> " + code->substr(i, 60) + "\n";
    mail += "\nCheers, Bo";
    auto found = find_contribution_codes(mail, plan());
    ASSERT_EQ(found.size(), 1u);
    ASSERT_TRUE(found[0].ok()) << found[0].problem;
    Contribution expected = c;
    expected.images.clear();
    EXPECT_EQ(found[0].contribution, expected);
}

TEST(TasteFormats, ContributionCodeIsAtMost1_3TimesItsNotesText) {
    const Contribution c = contribution();
    std::size_t text = 0;
    for (const Note& n : c.notes) text += n.text.size();
    auto code = make_contribution_code(c, plan());
    ASSERT_TRUE(code);
    EXPECT_LE(double(code->size()) / double(text), 1.3) << code->size() << " characters for " << text;
    std::printf("contribution code: %zu characters for %zu of notes' text (%.2fx)\n", code->size(), text,
                double(code->size()) / double(text));
}

TEST(TasteFormats, DamagedCodesSayWhat) {
    const std::string code = *make_contribution_code(contribution(), plan());
    EXPECT_TRUE(contains(find_contribution_codes(code.substr(0, code.size() - 5), plan())[0].problem, "cut off"));
    std::string typo = code;
    typo[40] = typo[40] == 'A' ? 'B' : 'A';
    EXPECT_TRUE(contains(find_contribution_codes(typo, plan())[0].problem, "checksum"));
    std::string swapped = code;
    std::swap(swapped[50], swapped[51]);
    ASSERT_NE(swapped, code);
    EXPECT_FALSE(find_contribution_codes(swapped, plan())[0].ok());
    Plan other = plan();
    other.head.id = 0x999;
    auto found = find_contribution_codes(code, other);
    EXPECT_TRUE(found[0].other_session);
    EXPECT_TRUE(contains(found[0].problem, "another session"));
    EXPECT_TRUE(find_contribution_codes("no code here", plan()).empty());
    // Two codes in one text, the second a quoted repeat.
    EXPECT_EQ(find_contribution_codes(code + "\n\n> " + code, plan()).size(), 2u);
}

TEST(TasteFormats, PlanProblemsAreNamed) {
    const Team t = team();
    Plan p = plan();
    EXPECT_EQ(plan_problem(p, t), "");
    p.picker = 0x999;
    EXPECT_TRUE(contains(plan_problem(p, t), "not in the team"));
    p = plan();
    p.date = {2027, 2, 29};
    EXPECT_TRUE(contains(plan_problem(p, t), "date"));
    p = plan();
    for (int i = 0; i < 4; ++i) p.apps.push_back(App{std::uint64_t(200 + i), "X", Platform::Web, ""});
    EXPECT_TRUE(contains(plan_problem(p, t), "this one has 7"));
    EXPECT_TRUE(contains(parse_date("2027-13-01").error(), "no day"));
    EXPECT_TRUE(contains(parse_date("14/01/2027").error(), "YYYY-MM-DD"));
    EXPECT_EQ(date_text(*parse_date("2028-02-29")), "2028-02-29");
}

}  // namespace
}  // namespace loupe::taste
