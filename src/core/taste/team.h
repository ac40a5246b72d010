// team.h — making a team, its rota and its cadence, and the calendar file that puts the
// sessions on everyone's calendar.
//
// The calendar (RFC 5545) is one VEVENT that repeats monthly (RRULE:FREQ=MONTHLY;BYDAY=2TH)
// with a UID made from the team's id, so importing a newer file updates the event instead of
// adding a second one. Times are floating local time ("15:00 on your own clock"), not TZID:
// a TZID must point at a VTIMEZONE in the same file that spells out the zone's offsets and
// daylight-saving rules, which the browser does not expose (it gives a zone's name, not its
// rules), and a TZID without one is not valid RFC 5545. For a team in one time zone, the usual
// case, floating time is exactly right, daylight saving included; a team spread over zones
// sees the session at 15:00 of each person's zone and should say in the invite whose 15:00.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/shared/result.h"
#include "core/shared/rng.h"
#include "core/taste/records.h"

namespace loupe::taste {

// The method's three books (PRODUCT.md §2), with fixed ids so two teams made apart merge them.
std::vector<Book> default_books(const Revision& rev);

struct NewMember {
    std::string name;
    Role role = Role::Other;
    bool junior = false;
};

// A team with random ids from `rng`, every record revised by `author` at `now`, the rota in
// the members' order starting with the first, and the default reading list. Fails with a
// sentence for a name that is empty, too long or given twice, or an empty team.
Result<Team> make_team(std::string_view name, const std::vector<NewMember>& members, const Cadence& cadence,
                       std::uint64_t author, std::int64_t now, Rng& rng);

Result<Role> parse_role(std::string_view text);          // "PM", "designer", "engineer", "other" (any case)
Result<Platform> parse_platform(std::string_view text);  // "iOS", "Android", "web", "desktop" (any case)

// "monthly second thursday 15:00 60" (week: first, second, third, fourth or last; any weekday;
// 24-hour time; minutes); words in any case.
Result<Cadence> parse_cadence(std::string_view text);
// "15:00" or "9:05" (24-hour); false, and nothing changed, for anything else.
bool parse_time_of_day(std::string_view text, int& hour, int& minute);
std::string cadence_text(const Cadence& c);  // "monthly on the second Thursday at 15:00 for 60 minutes"

// Whose turn it is to pick: `next` in the rota, or the first after it who is not away; 0
// when everyone is away or the rota is empty.
std::uint64_t rota_picker(const Rota& rota);
// After `picker` has picked: the turn passes to the next in order (wrapping round).
void rota_advance(Rota& rota, std::uint64_t picker);
// Gives `picker` the turn back that rota_advance took, if nothing has moved the rota since (a
// planned session deleted, or another picker chosen for it). Returns whether it did.
bool rota_give_back(Rota& rota, std::uint64_t picker);

// ---- dates and the calendar --------------------------------------------------------------------

int weekday_of(const Date& d);              // 0 Sunday .. 6 Saturday
Date add_days(const Date& d, int days);
Date date_of_unix(std::int64_t unix_seconds);  // the UTC day

// The session day in `year`-`month` on the cadence (e.g. the second Thursday).
Date cadence_day(const Cadence& c, int year, int month);
// The first session day on the cadence strictly after `after`.
Date next_session_date(const Cadence& c, const Date& after);

// The .ics for the team's sessions: first on `first` (a cadence day), then monthly; DTSTAMP is
// `now` (Unix seconds, UTC). CRLF line ends, lines folded at 75 octets, text escaped.
std::string team_calendar(const Team& team, const Date& first, std::int64_t now);

// RFC 5545 §3.3.11 escaping of a TEXT value, and §3.1 folding of one content line (CRLF ends).
std::string ics_text(std::string_view text);
std::string ics_fold(std::string_view line);

}  // namespace loupe::taste
