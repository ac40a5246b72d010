// team_test.cpp — making teams, the rota, cadences and dates, and the .ics calendar checked
// against RFC 5545's rules (CRLF, 75-octet folding, escaping, required properties).
#include <gtest/gtest.h>

#include "core/taste/formats.h"
#include "core/taste/team.h"

namespace loupe::taste {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(TasteTeam, MakeTeamGivesIdsTheRotaAndTheBooks) {
    Rng rng(3);
    auto team = make_team("Checkout", {{"Ana", Role::Designer, false}, {"Bo", Role::Engineer, true}}, Cadence{}, 77,
                          1000, rng);
    ASSERT_TRUE(team) << team.error();
    EXPECT_EQ(team->members.size(), 2u);
    EXPECT_EQ(team->books.size(), 3u);
    EXPECT_EQ(team->books[2].title, "Don't Make Me Think");
    ASSERT_EQ(team->settings.rota.order.size(), 2u);
    EXPECT_EQ(find_member(*team, team->settings.rota.next)->name, "Ana");
    EXPECT_TRUE(is_junior(*team, team->settings.rota.order[1]));
    EXPECT_FALSE(is_junior(*team, team->settings.rota.order[0]));
    EXPECT_TRUE(contains(make_team("X", {{"A", Role::PM}, {"A", Role::PM}}, Cadence{}, 1, 1, rng).error(),
                         "Two members are called \"A\""));
    EXPECT_TRUE(contains(make_team("", {{"A", Role::PM}}, Cadence{}, 1, 1, rng).error(), "name is empty"));
}

TEST(TasteTeam, RotaSkipsWhoeverIsAway) {
    Rota rota{{1, 2, 3}, 2, {2}};
    EXPECT_EQ(rota_picker(rota), 3u);
    rota_advance(rota, 3);
    EXPECT_EQ(rota.next, 1u);
    rota.away = {1, 2, 3};
    EXPECT_EQ(rota_picker(rota), 0u);
}

TEST(TasteTeam, ATurnTakenIsGivenBackOnlyIfTheRotaHasNotMovedSince) {
    Rota rota{{1, 2, 3}, 1, {}};
    rota_advance(rota, 1);
    EXPECT_TRUE(rota_give_back(rota, 1));  // the session 1 picked for was deleted
    EXPECT_EQ(rota_picker(rota), 1u);
    rota_advance(rota, 1);
    rota_advance(rota, 2);                  // and the next one was planned since
    EXPECT_FALSE(rota_give_back(rota, 1));
    EXPECT_EQ(rota.next, 3u);
    EXPECT_FALSE(rota_give_back(rota, 9));  // not in the rota
    EXPECT_TRUE(rota_give_back(rota, 2));
    EXPECT_EQ(rota.next, 2u);
}

TEST(TasteTeam, CadencesParseAndSayThemselves) {
    auto c = parse_cadence("monthly second thursday 15:00 60");
    ASSERT_TRUE(c) << c.error();
    EXPECT_EQ(*c, Cadence{});
    EXPECT_EQ(cadence_text(*c), "monthly on the second Thursday at 15:00 for 60 minutes");
    auto last = parse_cadence("Monthly LAST friday 9:30 45");
    ASSERT_TRUE(last) << last.error();
    EXPECT_EQ(last->week, -1);
    EXPECT_EQ(last->hour, 9);
    EXPECT_TRUE(contains(parse_cadence("weekly").error(), "monthly second thursday"));
    EXPECT_TRUE(contains(parse_cadence("monthly fifth monday 15:00 60").error(), "week of the month"));
    EXPECT_TRUE(contains(parse_cadence("monthly first monday 25:00 60").error(), "time of day"));
    EXPECT_TRUE(contains(parse_cadence("monthly first monday 15:00 0").error(), "minutes"));
}

TEST(TasteTeam, TimesOfDayAreHoursAndMinutes) {
    int h = -1, m = -1;
    EXPECT_TRUE(parse_time_of_day("9:05", h, m));
    EXPECT_EQ(h, 9);
    EXPECT_EQ(m, 5);
    EXPECT_TRUE(parse_time_of_day("23:59", h, m));
    EXPECT_EQ(h, 23);
    for (const char* bad : {"", "15", "15:0", "24:00", "12:60", "1:2:3", ":30", "123:00", " 9:05", "9:05 ", "-1:00"})
        EXPECT_FALSE(parse_time_of_day(bad, h, m)) << bad;
    EXPECT_EQ(h, 23) << "nothing changed by a refusal";
    EXPECT_EQ(m, 59);
}

TEST(TasteTeam, NextSessionDateFollowsTheCadence) {
    const Cadence second_thursday{};
    EXPECT_EQ(weekday_of({2027, 1, 14}), 4);
    EXPECT_EQ(next_session_date(second_thursday, {2027, 1, 1}), (Date{2027, 1, 14}));
    EXPECT_EQ(next_session_date(second_thursday, {2027, 1, 14}), (Date{2027, 2, 11}));  // strictly after
    EXPECT_EQ(next_session_date(second_thursday, {2026, 12, 31}), (Date{2027, 1, 14}));
    Cadence last_friday;
    last_friday.week = -1;
    last_friday.weekday = 5;
    EXPECT_EQ(next_session_date(last_friday, {2028, 2, 1}), (Date{2028, 2, 25}));
    EXPECT_EQ(next_session_date(last_friday, {2027, 12, 31}), (Date{2028, 1, 28}));
    EXPECT_EQ(date_of_unix(0), (Date{1970, 1, 1}));
    EXPECT_EQ(date_of_unix(1'800'000'000), (Date{2027, 1, 15}));
}

TEST(TasteCalendar, FollowsRfc5545) {
    Team team;
    team.settings.head.id = 0xABCDEF;
    team.settings.name = "Checkout, Payments; and \\ more";
    team.settings.cadence.hour = 23;
    team.settings.cadence.minute = 30;
    const std::string ics = team_calendar(team, {2027, 1, 14}, 1'800'000'000);
    // Every line ends in CRLF, none is longer than 75 octets, and no bare LF is left.
    std::size_t begin = 0;
    while (begin < ics.size()) {
        const std::size_t end = ics.find("\r\n", begin);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - begin, 75u) << ics.substr(begin, end - begin);
        EXPECT_EQ(ics.substr(begin, end - begin).find('\n'), std::string::npos);
        begin = end + 2;
    }
    EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u);
    EXPECT_TRUE(contains(ics, "\r\nUID:taste-0000000000abcdef@loupe\r\n"));
    EXPECT_TRUE(contains(ics, "\r\nDTSTAMP:20270115T080000Z\r\n"));
    EXPECT_TRUE(contains(ics, "\r\nDTSTART:20270114T233000\r\n"));
    EXPECT_TRUE(contains(ics, "\r\nDTEND:20270115T003000\r\n"));  // past midnight: the next day
    EXPECT_TRUE(contains(ics, "\r\nRRULE:FREQ=MONTHLY;BYDAY=2TH\r\n"));
    EXPECT_TRUE(contains(ics, "SUMMARY:Taste session: Checkout\\, Payments\\; and \\\\ more\r\n"));
    EXPECT_TRUE(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    // Unfolding (removing CRLF + space) gives back the escaped description in one piece.
    std::string unfolded = ics;
    for (std::size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
    EXPECT_TRUE(contains(unfolded, "for 60 minutes.\\nBefore it\\, try"));
    team.settings.cadence.week = -1;
    EXPECT_TRUE(contains(team_calendar(team, {2027, 1, 28}, 0), "BYDAY=-1TH"));
}

TEST(TasteCalendar, FoldsAt75OctetsWithoutSplittingACharacter) {
    const std::string line = "SUMMARY:" + std::string(100, 'a') + "\xc3\xa9\xc3\xa9\xc3\xa9" + std::string(70, 'b');
    const std::string folded = ics_fold(line);
    std::string unfolded = folded;
    for (std::size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
    EXPECT_EQ(unfolded, line + "\r\n");
    EXPECT_EQ(folded.find("\r\n"), 75u);
    for (std::size_t at = 0; (at = folded.find("\r\n ", at)) != std::string::npos; at += 3)
        EXPECT_NE(static_cast<unsigned char>(folded[at + 3]) & 0xC0, 0x80u) << "a character split at " << at;
    EXPECT_EQ(ics_text("a\r\nb\nc,d;e\\"), "a\\nb\\nc\\,d\\;e\\\\");
}

}  // namespace
}  // namespace loupe::taste
