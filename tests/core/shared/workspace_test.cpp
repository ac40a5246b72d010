// workspace_test.cpp — settings and workspace backups survive round trips and refuse bad input.
#include <gtest/gtest.h>

#include "core/shared/container.h"
#include "core/shared/settings.h"
#include "core/shared/workspace.h"

using namespace loupe;

TEST(Settings, RoundTripAndRejectUnknownTheme) {
    Settings s;
    s.theme = ThemeChoice::Dark;
    auto back = decode_settings(encode_settings(s));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->theme, ThemeChoice::Dark);

    auto bytes = encode_settings(s);
    EXPECT_FALSE(decode_settings(std::span(bytes).first(bytes.size() - 1)));
    EXPECT_FALSE(decode_settings(seal(FileKind::Settings, 1, std::vector<std::uint8_t>{7})));
}

TEST(WorkspaceBackup, RoundTrips) {
    WorkspaceBackup b;
    b.created_unix_seconds = 1795392000;  // 2026-11-23
    b.files = {{"settings.bin", {1, 2, 3}}, {"survey-1.bin", std::vector<std::uint8_t>(1000, 9)}};
    auto back = decode_backup(encode_backup(b));
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->created_unix_seconds, b.created_unix_seconds);
    ASSERT_EQ(back->files.size(), 2u);
    EXPECT_EQ(back->files[1].bytes, b.files[1].bytes);
}

TEST(WorkspaceBackup, RefusesForeignDamagedAndUnsafeInput) {
    EXPECT_EQ(decode_backup(std::vector<std::uint8_t>{'%', 'P', 'D', 'F'}).error(), "This is not a Loupe file.");
    EXPECT_EQ(decode_backup(encode_settings({})).error(), "This is a Loupe settings, not a workspace backup.");

    WorkspaceBackup escape;
    escape.files = {{"../etc/passwd", {1}}};
    EXPECT_NE(decode_backup(encode_backup(escape)).error().find("invalid name"), std::string::npos);

    WorkspaceBackup twice;
    twice.files = {{"a", {1}}, {"a", {2}}};
    EXPECT_NE(decode_backup(encode_backup(twice)).error().find("twice"), std::string::npos);

    // A well-sealed payload that claims four billion files is refused without allocating them.
    std::vector<std::uint8_t> lie(8, 0);
    lie.insert(lie.end(), {0xff, 0xff, 0xff, 0xff});
    auto r = decode_backup(seal(FileKind::WorkspaceBackup, 1, lie));
    EXPECT_NE(r.error().find("damaged"), std::string::npos);
}

TEST(WorkspaceBackup, FileNamesAndDates) {
    EXPECT_EQ(iso_date(0), "1970-01-01");
    EXPECT_EQ(iso_date(1795392000), "2026-11-23");
    EXPECT_EQ(iso_date(951782400), "2000-02-29");
    EXPECT_EQ(backup_file_name(1795392000), "loupe-backup-2026-11-23.loupe");
    EXPECT_TRUE(is_plain_file_name("settings.bin"));
    EXPECT_FALSE(is_plain_file_name("a/b"));
    EXPECT_FALSE(is_plain_file_name(".."));
    EXPECT_FALSE(is_plain_file_name(""));
}
