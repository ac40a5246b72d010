// formats.h — how taste sessions travel: team and session files, the invite link, and a
// participant's contribution as a file (with the pictures) or a code (text only).
//
// Files are cereal binary in the container envelope (container.h), one FileKind each. The
// invite is the plan in a link's "#t=" fragment, packed like a survey link's "#s=" one:
//   format u8 · payload length (LEB128) · deflated length (LEB128) · raw deflate · CRC-32 (u32)
// in base64url. A contribution code is "TASTE-" then Crockford base32 symbols, read with the
// same tolerance of e-mail as response codes (codes.h): line breaks, "> " quoting, spaces,
// hyphens and surrounding text are ignored.
//   symbols   content
//   3         number of symbols after "TASTE-", these three included (at most 32767)
//   n         bytes, 5 bits a symbol, most significant first, zero-padded:
//               format u8 · payload length (LEB128) · raw deflate of the payload · CRC-32 (u32)
// The payload is compact: the author once, then per note its number (note_id in merge.h) or
// full id, revision counter and time (LEB128, time as seconds before the newest), app as an
// index into the plan's apps, kind and flags in one byte, text, screenshot ids, tags. The
// CRC-32 catches every change within 4 neighbouring symbols (a typo, two swapped: at most 32
// bits in the CRC's order); other damage gets through about once in 4 billion times, and the
// inflating and the field checks behind it usually catch that too.
//
// Everything meant for the team is written from for_the_team(): no junior flag ever leaves
// the facilitator's copy. Every decoder bounds every length before allocating and answers
// with a sentence for the user.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/shared/class_version.h"
#include "core/shared/result.h"
#include "core/taste/records.h"

namespace loupe::taste {

// ---- checks --------------------------------------------------------------------------------

bool valid_date(const Date& d);
std::string date_text(const Date& d);            // "2027-01-14"
Result<Date> parse_date(std::string_view text);  // "YYYY-MM-DD"
const char* role_name(Role role);                // "PM", "designer", "engineer", "other"
const char* platform_name(Platform platform);    // "iOS", "Android", "web", "desktop"
const char* kind_name(Kind kind);                // "good", "bad", "ugly"

// Empty when usable; otherwise one sentence naming what is wrong. Decoders refuse records
// with a problem.
std::string team_problem(const Team& team);
std::string plan_problem(const Plan& plan, const Team& team);  // the picker and invited must be members
std::string note_problem(const Note& note, const Plan& plan);

// The team as its members may see it: without junior flags.
Team for_the_team(const Team& team);

const Member* find_member(const Team& team, std::uint64_t id);
bool is_junior(const Team& team, std::uint64_t member);

// ---- files ---------------------------------------------------------------------------------

enum class Audience : std::uint8_t { Facilitator, Team };

std::vector<std::uint8_t> write_team_file(const Team& team, Audience audience);
Result<Team> read_team_file(std::span<const std::uint8_t> bytes);

// A session file holds a whole session: its team, every record and every picture.
struct SessionFile {
    Team team;
    Session session;
    std::vector<ScreenshotImage> images;
    bool operator==(const SessionFile&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(team, session, images);
    }
};
std::vector<std::uint8_t> write_session_file(const SessionFile& file, Audience audience);
Result<SessionFile> read_session_file(std::span<const std::uint8_t> bytes);

// The facilitator's own stored copies, read back while half made (a plan with no apps yet, a
// member's name being typed): the same bytes as the files (write_team_file, write_session_file
// for the Facilitator), read as boundedly, but without the usability checks that files sent
// between people get. What leaves the browser is always written and checked as above.
Result<Team> read_stored_team(std::span<const std::uint8_t> bytes);
Result<SessionFile> read_stored_session(std::span<const std::uint8_t> bytes);

// ---- the invite ----------------------------------------------------------------------------

// What a participant's browser needs: the plan and the people it names (id, name, role).
struct Invite {
    std::string team_name;
    Plan plan;
    std::vector<Member> people;  // the picker and the invited, without what they have read
    bool operator==(const Invite&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(team_name, plan, people);
    }
};

Invite make_invite(const Team& team, const Plan& plan);
std::string invite_fragment(const Team& team, const Plan& plan);  // "t=..."
std::string invite_link(const Team& team, const Plan& plan, std::string_view base_url);
// The ready message for chat or e-mail: "This month: budgeting apps, picked by Ana. Try YNAB,
// Monzo and Copilot before Thursday 14 January and note what is good, bad and ugly."
std::string invite_message(const Invite& invite);
std::string long_date_text(const Date& d);  // "Thursday 14 January"

// Accepts a whole link, "#t=..." or "t=..."; spaces and line breaks are ignored. Never a
// half-read plan: any damage is a failure that says what to ask the facilitator for.
Result<Invite> invite_from_link(std::string_view link);

// ---- contributions -------------------------------------------------------------------------

// One participant's notes for one session. In a file, with the pictures' bytes.
struct Contribution {
    std::uint64_t session = 0;  // Plan::head.id
    Member author;              // a team member, or a guest who typed a new name
    std::vector<Note> notes;
    std::vector<Screenshot> screenshots;
    std::vector<ScreenshotImage> images;  // files only
    bool operator==(const Contribution&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version) {
        if (version > 1) throw cereal::Exception("it was made by a newer version of Loupe");
        ar(session, author, notes, screenshots, images);
    }
};

std::vector<std::uint8_t> write_contribution_file(const Contribution& c);
Result<Contribution> read_contribution_file(std::span<const std::uint8_t> bytes);

constexpr std::string_view kContributionPrefix = "TASTE-";

// The code for `c`'s notes (screenshot ids included, not their bytes). Needs the plan to
// name apps by their place; fails for a note about an app the plan does not have or a code
// too long to be one (then the file is the way).
Result<std::string> make_contribution_code(const Contribution& c, const Plan& plan);

struct FoundContribution {
    std::size_t begin = 0, end = 0;  // byte range in the text
    std::string problem;             // empty when intact and readable with the plan
    bool other_session = false;      // intact, but for another session than the plan's
    Contribution contribution;       // when intact (for another session: only its session and author)
    bool ok() const { return problem.empty(); }
};
// Every contribution code in `text`, in order, each read against `plan` (which gives the
// apps' ids). A quoted reply repeats a code: both copies are reported.
std::vector<FoundContribution> find_contribution_codes(std::string_view text, const Plan& plan);

}  // namespace loupe::taste

LOUPE_CLASS_VERSION(loupe::taste::SessionFile, 1)
LOUPE_CLASS_VERSION(loupe::taste::Invite, 1)
LOUPE_CLASS_VERSION(loupe::taste::Contribution, 1)
