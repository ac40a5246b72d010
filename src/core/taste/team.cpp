// team.cpp — teams, rota and cadence, dates, and the .ics calendar.
#include "core/taste/team.h"

#include <algorithm>
#include <cstdio>

#include "core/shared/sorting.h"
#include "core/taste/formats.h"

namespace loupe::taste {
namespace {

const char* const kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kWeeks[] = {"first", "second", "third", "fourth"};
const char* const kIcsDays[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t start = text.find_first_not_of(" \t");
        if (start == std::string_view::npos) break;
        text.remove_prefix(start);
        const std::size_t end = std::min(text.find_first_of(" \t"), text.size());
        out.push_back(text.substr(0, end));
        text.remove_prefix(end);
    }
    return out;
}

// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = int(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {std::int16_t(yoe + era * 400 + (m <= 2)), std::uint8_t(m), std::uint8_t(d)};
}

std::string ics_date_time(const Date& d, int hour, int minute) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d00", d.year, d.month, d.day, hour, minute);
    return text;
}

}  // namespace

std::vector<Book> default_books(const Revision& rev) {
    return {Book{{1, rev, false}, "The Non-Designer's Design Book", "Robin Williams"},
            Book{{2, rev, false}, "The Design of Everyday Things", "Don Norman"},
            Book{{3, rev, false}, "Don't Make Me Think", "Steve Krug"}};
}

Result<Team> make_team(std::string_view name, const std::vector<NewMember>& members, const Cadence& cadence,
                       std::uint64_t author, std::int64_t now, Rng& rng) {
    const Revision rev{1, now, author};
    Team team;
    team.settings.head = {rng.next() | 1, rev, false};
    team.settings.name = name;
    team.settings.cadence = cadence;
    if (members.empty()) return failure<Team>("A team needs at least one member.");
    for (const NewMember& m : members) {
        Member member;
        member.head = {rng.next() | 1, rev, false};
        member.name = m.name;
        member.role = m.role;
        team.members.push_back(member);
        team.settings.rota.order.push_back(member.head.id);
        if (m.junior) team.juniors.push_back(JuniorFlag{{member.head.id, rev, false}, true});
    }
    team.settings.rota.next = team.settings.rota.order.front();
    sort_stable(team.members, [](const Member& a, const Member& b) { return a.head.id < b.head.id; });
    sort_stable(team.juniors, [](const JuniorFlag& a, const JuniorFlag& b) { return a.head.id < b.head.id; });
    team.books = default_books(rev);
    if (auto p = team_problem(team); !p.empty()) return failure<Team>(p);
    return team;
}

Result<Role> parse_role(std::string_view text) {
    const std::string t = lower(text);
    for (std::uint8_t r = 0; r <= kLastRole; ++r)
        if (t == lower(role_name(Role(r)))) return Role(r);
    return failure<Role>("\"" + std::string(text) + "\" is not a role; use PM, designer, engineer or other.");
}

Result<Platform> parse_platform(std::string_view text) {
    const std::string t = lower(text);
    for (std::uint8_t p = 0; p <= kLastPlatform; ++p)
        if (t == lower(platform_name(Platform(p)))) return Platform(p);
    return failure<Platform>("\"" + std::string(text) + "\" is not a platform; use iOS, Android, web or desktop.");
}

bool parse_time_of_day(std::string_view text, int& hour, int& minute) {
    const std::size_t colon = text.find(':');
    if (colon < 1 || colon > 2 || text.size() != colon + 3) return false;
    int h = 0, m = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == colon) continue;
        if (text[i] < '0' || text[i] > '9') return false;
        (i < colon ? h : m) = (i < colon ? h : m) * 10 + (text[i] - '0');
    }
    if (h > 23 || m > 59) return false;
    hour = h, minute = m;
    return true;
}

Result<Cadence> parse_cadence(std::string_view text) {
    const std::string example = " Write it like \"monthly second thursday 15:00 60\".";
    const auto w = words(text);
    if (w.size() != 5 || lower(w[0]) != "monthly")
        return failure<Cadence>("\"" + std::string(text) + "\" is not a cadence." + example);
    Cadence c;
    const std::string week = lower(w[1]);
    if (week == "last") {
        c.week = -1;
    } else {
        const auto at = std::find(std::begin(kWeeks), std::end(kWeeks), week);
        if (at == std::end(kWeeks))
            return failure<Cadence>("\"" + std::string(w[1]) + "\" is not a week of the month; use first, second, "
                                    "third, fourth or last.");
        c.week = std::int8_t(at - std::begin(kWeeks) + 1);
    }
    const std::string day = lower(w[2]);
    int weekday = 0;
    while (weekday < 7 && lower(kWeekdays[weekday]) != day) ++weekday;
    if (weekday == 7) return failure<Cadence>("\"" + std::string(w[2]) + "\" is not a day of the week.");
    c.weekday = std::uint8_t(weekday);
    const std::string_view time = w[3];
    int hour = 0, minute = 0;
    if (!parse_time_of_day(time, hour, minute))
        return failure<Cadence>("\"" + std::string(time) + "\" is not a time of day; write it as 15:00.");
    c.hour = std::uint8_t(hour);
    c.minute = std::uint8_t(minute);
    int minutes = 0;
    for (char ch : w[4]) minutes = ch >= '0' && ch <= '9' && minutes < 10000 ? minutes * 10 + (ch - '0') : 100000;
    if (minutes < 5 || minutes > 600)
        return failure<Cadence>("\"" + std::string(w[4]) + "\" is not a length in minutes from 5 to 600.");
    c.minutes = std::uint16_t(minutes);
    return c;
}

std::string cadence_text(const Cadence& c) {
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", c.hour, c.minute);
    const std::string week = c.week == -1 ? "last" : kWeeks[std::clamp(int(c.week), 1, 4) - 1];
    return "monthly on the " + week + " " + kWeekdays[c.weekday % 7] + " at " + time + " for " +
           std::to_string(c.minutes) + " minutes";
}

std::uint64_t rota_picker(const Rota& rota) {
    const auto start = std::find(rota.order.begin(), rota.order.end(), rota.next);
    if (start == rota.order.end()) return 0;
    const std::size_t first = std::size_t(start - rota.order.begin());
    for (std::size_t k = 0; k < rota.order.size(); ++k) {
        const std::uint64_t id = rota.order[(first + k) % rota.order.size()];
        if (std::find(rota.away.begin(), rota.away.end(), id) == rota.away.end()) return id;
    }
    return 0;
}

void rota_advance(Rota& rota, std::uint64_t picker) {
    const auto at = std::find(rota.order.begin(), rota.order.end(), picker);
    if (at == rota.order.end()) return;
    rota.next = rota.order[std::size_t(at - rota.order.begin() + 1) % rota.order.size()];
}

bool rota_give_back(Rota& rota, std::uint64_t picker) {
    Rota advanced = rota;
    rota_advance(advanced, picker);
    if (advanced.next != rota.next || std::find(rota.order.begin(), rota.order.end(), picker) == rota.order.end())
        return false;
    rota.next = picker;
    return true;
}

// ---- dates and the calendar --------------------------------------------------------------------

int weekday_of(const Date& d) {
    const std::int64_t days = days_from_civil(d.year, d.month, d.day);  // 1970-01-01 was a Thursday
    return int(((days % 7) + 7 + 4) % 7);
}

Date add_days(const Date& d, int days) { return civil_from_days(days_from_civil(d.year, d.month, d.day) + days); }

Date date_of_unix(std::int64_t unix_seconds) {
    return civil_from_days(unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400);
}

Date cadence_day(const Cadence& c, int year, int month) {
    const Date first{std::int16_t(year), std::uint8_t(month), 1};
    if (c.week == -1) {
        const Date next_month = month == 12 ? Date{std::int16_t(year + 1), 1, 1} : Date{std::int16_t(year), std::uint8_t(month + 1), 1};
        const Date last = add_days(next_month, -1);
        return add_days(last, -((weekday_of(last) - c.weekday + 7) % 7));
    }
    const int offset = (c.weekday - weekday_of(first) + 7) % 7;
    return add_days(first, offset + 7 * (c.week - 1));
}

Date next_session_date(const Cadence& c, const Date& after) {
    int year = after.year, month = after.month;
    for (;;) {
        const Date day = cadence_day(c, year, month);
        if (day > after) return day;
        if (++month == 13) month = 1, ++year;
    }
}

std::string ics_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
        else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF is one line break
        else if (c == '\n' || c == '\r') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') continue;  // control characters are not TEXT
        else out += c;
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t room = 75;  // octets on this line; a continuation's leading space takes one of them
    while (line.size() > room) {
        std::size_t cut = room;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = 74;
    }
    out.append(line);
    return out + "\r\n";
}

std::string team_calendar(const Team& team, const Date& first, std::int64_t now) {
    const Cadence& c = team.settings.cadence;
    const int start = c.hour * 60 + c.minute, end = start + c.minutes;
    const Date end_day = add_days(first, end / (24 * 60));
    const Date stamp_day = date_of_unix(now);
    const std::int64_t second_of_day = now - days_from_civil(stamp_day.year, stamp_day.month, stamp_day.day) * 86400;
    char stamp[32], uid[64];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02dT%02d%02d%02dZ", stamp_day.year, stamp_day.month, stamp_day.day,
                  int(second_of_day / 3600), int(second_of_day / 60 % 60), int(second_of_day % 60));
    std::snprintf(uid, sizeof uid, "taste-%016llx@loupe", static_cast<unsigned long long>(team.settings.head.id));
    const std::string by_day = (c.week == -1 ? std::string("-1") : std::to_string(c.week)) + kIcsDays[c.weekday % 7];

    std::string ics;
    for (const std::string& line : {
             std::string("BEGIN:VCALENDAR"),
             std::string("VERSION:2.0"),
             std::string("PRODID:-//Loupe//Taste sessions//EN"),
             std::string("CALSCALE:GREGORIAN"),
             std::string("METHOD:PUBLISH"),
             std::string("BEGIN:VEVENT"),
             "UID:" + std::string(uid),
             "DTSTAMP:" + std::string(stamp),
             "DTSTART:" + ics_date_time(first, start / 60, start % 60),
             "DTEND:" + ics_date_time(end_day, end / 60 % 24, end % 60),
             "RRULE:FREQ=MONTHLY;BYDAY=" + by_day,
             "SUMMARY:" + ics_text("Taste session: " + team.settings.name),
             "DESCRIPTION:" + ics_text("The taste session of " + team.settings.name + ": " + cadence_text(c) +
                                       ".\nBefore it, try the month's apps and note what is good, bad and ugly in "
                                       "each; the invite link has the apps."),
             std::string("END:VEVENT"),
             std::string("END:VCALENDAR"),
         })
        ics += ics_fold(line);
    return ics;
}

}  // namespace loupe::taste
