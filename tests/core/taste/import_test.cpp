// import_test.cpp — bringing contributions in: a code pasted from a mail, a file with a
// picture, a repeat, a newer revision, a damaged file and another session's code each get
// their line; nothing is dropped, a damaged input changes nothing; who has sent and who not.
#include <gtest/gtest.h>

#include "core/shared/packing.h"
#include "core/taste/import.h"
#include "core/taste/taste_fixtures.h"

namespace loupe::taste {
namespace {

using namespace fixtures;

ImportInput text_input(const std::string& name, const std::string& text) {
    return {name, std::vector<std::uint8_t>(text.begin(), text.end())};
}

TEST(TasteImport, EveryInputHasItsLine) {
    const Team t = team();
    Session session;
    session.plan = plan();
    std::vector<ScreenshotImage> images;

    const Contribution bo = contribution(kBo, 3);
    Contribution ana = contribution(kAna, 2);
    ana.author = member(kAna, "Ana", Role::Designer);
    ScreenshotImage picture;
    picture.image = {1, 2, 3};
    picture.meta.id = content_hash(picture.image);
    ana.images = {picture};
    ana.screenshots = {picture.meta};
    ana.notes[0].screenshots = {picture.meta.id};
    auto damaged = write_contribution_file(ana);
    damaged[damaged.size() / 2] ^= 1;
    Plan other = plan();
    other.head.id = 0x0DD;
    Contribution elsewhere = contribution(kDee, 1);
    elsewhere.session = other.head.id;

    const std::string mail = "Here you go:\n> " + *make_contribution_code(bo, session.plan) + "\n";
    const std::vector<ImportInput> inputs = {
        text_input("mail.txt", mail),
        {"ana.loupe", write_contribution_file(ana)},
        {"ana again.loupe", write_contribution_file(ana)},
        {"broken.loupe", damaged},
        text_input("other.txt", *make_contribution_code(elsewhere, other)),
        text_input("hello.txt", "just saying hi"),
    };
    const ImportReport report = import_into_session(session, images, t, inputs);
    ASSERT_EQ(report.lines.size(), 6u);
    EXPECT_EQ(report.lines[0].status, ImportStatus::Added);
    EXPECT_EQ(report.lines[0].author, "Bo");
    EXPECT_EQ(report.lines[0].notes, 3);
    EXPECT_EQ(report.lines[1].status, ImportStatus::Added);
    EXPECT_EQ(report.lines[2].status, ImportStatus::Unchanged);
    EXPECT_EQ(report.lines[3].status, ImportStatus::Damaged);
    EXPECT_NE(report.lines[3].reason.find("checksum"), std::string::npos);
    EXPECT_EQ(report.lines[4].status, ImportStatus::OtherSession);
    EXPECT_EQ(report.lines[5].status, ImportStatus::Damaged);
    EXPECT_NE(report.lines[5].reason.find("TASTE-"), std::string::npos);
    EXPECT_EQ(session.notes.size(), 5u);
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(session.screenshots.size(), 1u);
    EXPECT_EQ(report.sent, (std::vector<std::uint64_t>{kAna, kBo}));
    EXPECT_EQ(report.missing, (std::vector<std::uint64_t>{kCy, kDee}));

    // Bo edits a note and sends a newer code; an older one pasted again changes nothing.
    Contribution newer = bo;
    newer.notes[1].text = "Changed my mind: the categories are only okay.";
    newer.notes[1].head.rev = next_revision(newer.notes[1].head.rev, kBo, 1'900'000'000);
    const Session before = session;
    auto again = import_into_session(session, images, t,
                                     std::vector<ImportInput>{text_input("new.txt", *make_contribution_code(newer, session.plan)),
                                                              text_input("old.txt", mail)});
    EXPECT_EQ(again.lines[0].status, ImportStatus::Updated);
    EXPECT_EQ(again.lines[1].status, ImportStatus::Unchanged);
    EXPECT_NE(session, before);
    const Session after = session;
    import_into_session(session, images, t, std::vector<ImportInput>{{"broken.loupe", damaged}});
    EXPECT_EQ(session, after);

    // The app keeps pictures apart and passes them by their metadata alone: Ana's file brought in
    // again later is still "already here", and the pictures come back with their bytes.
    std::vector<ScreenshotImage> kept = {{picture.meta, {}, {}}};
    auto later = import_into_session(session, kept, t, std::vector<ImportInput>{{"ana.loupe", write_contribution_file(ana)}});
    EXPECT_EQ(later.lines[0].status, ImportStatus::Unchanged);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].image, picture.image);
}

TEST(TasteImport, AGuestWhoTypedANewNameIsKept) {
    const Team t = team();
    Session session;
    session.plan = plan();
    std::vector<ScreenshotImage> images;
    Contribution guest = contribution(0x9999, 1);
    guest.author = member(0x9999, "Visitor", Role::Other);
    auto report = import_into_session(session, images, t,
                                      std::vector<ImportInput>{{"guest.loupe", write_contribution_file(guest)}});
    EXPECT_EQ(report.lines[0].status, ImportStatus::Added);
    ASSERT_EQ(session.guests.size(), 1u);
    EXPECT_EQ(person_name(session, t, 0x9999), "Visitor");
    EXPECT_EQ(report.missing.size(), 4u);
}

TEST(TasteImport, ASessionFileMergesBack) {
    const Team t = team();
    Session mine, group;
    mine.plan = group.plan = plan();
    group.notes = contribution(kCy, 2).notes;
    std::vector<ScreenshotImage> images;
    SessionFile file{t, group, {}};
    auto report = import_into_session(mine, images, t,
                                      std::vector<ImportInput>{{"group.loupe", write_session_file(file, Audience::Team)},
                                                               {"group.loupe", write_session_file(file, Audience::Team)}});
    EXPECT_EQ(report.lines[0].status, ImportStatus::Added);
    EXPECT_EQ(report.lines[1].status, ImportStatus::Unchanged);
    EXPECT_EQ(mine.notes, group.notes);
}

}  // namespace
}  // namespace loupe::taste
