// records.h — what a taste session is made of: the team, the plan, everyone's notes and
// screenshots, and (for the meeting and the library) attendance, groups, turns, praise,
// insights and action items.
//
// Every record that people edit carries a RecordHead: a random 64-bit id, a revision and a
// tombstone flag. Copies from several people merge record by record (merge.h): for one id
// the newer revision wins, so merging needs no server and no history. Screenshots are the
// exception: their id is the hash of their bytes, so they never change and merge by union.
//
// The junior flag lives in its own records (Team::juniors), never in a Member: a copy meant
// for the team simply leaves those records out (for_the_team in formats.h), and a team copy
// merged back into the facilitator's cannot clear a flag it never carried.
//
// Plain data, serialized by cereal (serialize.h) with class versions; fields added later go
// at the end of serialize() behind a version check, so old files keep opening.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/common.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "core/shared/class_version.h"

namespace loupe::taste {

// Limits: the UI enforces them as people type, the decoders refuse anything beyond them.
constexpr std::size_t kMaxNameBytes = 100;       // team, member, app, category, tag
constexpr std::size_t kMaxLinkBytes = 2000;
constexpr std::size_t kMaxNoteBytes = 2000;      // a note's text, an insight, an action
constexpr std::size_t kMaxMembers = 200;
constexpr std::size_t kMinApps = 3, kMaxApps = 6;
constexpr std::size_t kMaxScreenshotsPerNote = 4;
constexpr std::size_t kMaxTagsPerNote = 8;
constexpr std::size_t kMaxEmailBytes = 254;

// ---- revisions ---------------------------------------------------------------------------------

// Who changed a record, how many changes it had seen, and when. Ordered by counter, then time,
// then author: a total order, so every copy picks the same winner even for two edits made at
// the same moment. The counter is one more than the highest counter the editor had seen for
// that record, so an edit made after seeing another always wins over it, whatever the clocks say.
struct Revision {
    std::uint32_t counter = 0;  // 0: never written
    std::int64_t time = 0;      // Unix seconds, the editor's clock
    std::uint64_t author = 0;   // the editor's member id
    auto operator<=>(const Revision&) const = default;

    template <class Archive>
    void serialize(Archive& ar) { ar(counter, time, author); }
};

struct RecordHead {
    std::uint64_t id = 0;  // random, never 0
    Revision rev;
    bool deleted = false;  // a tombstone: the body is cleared, the id and revision stay
    bool operator==(const RecordHead&) const = default;

    template <class Archive>
    void serialize(Archive& ar) { ar(id, rev, deleted); }
};

// ---- the team ----------------------------------------------------------------------------------

enum class Role : std::uint8_t { PM = 0, Designer = 1, Engineer = 2, Other = 3 };
constexpr std::uint8_t kLastRole = 3;

struct Member {
    RecordHead head;
    std::string name;
    Role role = Role::Other;
    std::vector<std::uint64_t> books_read;  // Book ids
    bool operator==(const Member&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// The facilitator's private mark on a member; head.id is the member's id.
struct JuniorFlag {
    RecordHead head;
    bool junior = false;
    bool operator==(const JuniorFlag&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

struct Book {
    RecordHead head;
    std::string title, author;
    bool operator==(const Book&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// "Monthly on the second Thursday at 15:00 for 60 minutes", in the team's local time.
struct Cadence {
    std::int8_t week = 2;          // 1..4, or -1 for the last one of the month
    std::uint8_t weekday = 4;      // 0 Sunday .. 6 Saturday (Thursday = 4)
    std::uint8_t hour = 15, minute = 0;
    std::uint16_t minutes = 60;    // length of the session
    bool operator==(const Cadence&) const = default;

    template <class Archive>
    void serialize(Archive& ar) { ar(week, weekday, hour, minute, minutes); }
};

// Who picks the next category: members in turn; `next` is the member whose turn it is;
// those in `away` are passed over until they are back.
struct Rota {
    std::vector<std::uint64_t> order;  // member ids
    std::uint64_t next = 0;            // a member id in `order`; 0 when the rota is empty
    std::vector<std::uint64_t> away;
    bool operator==(const Rota&) const = default;

    template <class Archive>
    void serialize(Archive& ar) { ar(order, next, away); }
};

// The team's own settings, one record (head.id is the team id, also the calendar's UID).
struct TeamSettings {
    RecordHead head;
    std::string name;
    Cadence cadence;
    Rota rota;
    bool operator==(const TeamSettings&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

struct Team {
    TeamSettings settings;
    std::vector<Member> members;     // sorted by id (merge keeps them so)
    std::vector<JuniorFlag> juniors;  // the facilitator's copy only
    std::vector<Book> books;
    bool operator==(const Team&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// ---- the plan ----------------------------------------------------------------------------------

enum class Platform : std::uint8_t { IOS = 0, Android = 1, Web = 2, Desktop = 3 };
constexpr std::uint8_t kLastPlatform = 3;

struct App {
    std::uint64_t id = 0;  // random; notes name their app by it, so renaming keeps the notes
    std::string name;
    Platform platform = Platform::Web;
    std::string link;
    bool operator==(const App&) const = default;

    template <class Archive>
    void serialize(Archive& ar) { ar(id, name, platform, link); }
};

struct Date {
    std::int16_t year = 0;
    std::uint8_t month = 0, day = 0;  // 1-based
    auto operator<=>(const Date&) const = default;

    template <class Archive>
    void serialize(Archive& ar) { ar(year, month, day); }
};

// The plan of one session, one record (head.id is the session id). Everything an invite
// carries is here; the meeting's own state is in Meeting, so running the meeting does not
// count as changing the plan.
struct Plan {
    RecordHead head;
    std::uint64_t team_id = 0;
    Date date;
    std::string category;  // "budgeting apps"
    std::uint64_t picker = 0;  // member id
    std::string focus;     // optional: "onboarding"
    std::vector<App> apps;  // 3 to 6
    std::vector<std::uint64_t> invited;  // member ids
    std::string reply_to;  // optional e-mail address for contributions
    bool operator==(const Plan&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// ---- notes and screenshots -----------------------------------------------------------------

enum class Kind : std::uint8_t { Good = 0, Bad = 1, Ugly = 2 };
constexpr std::uint8_t kLastKind = 2;

struct Note {
    RecordHead head;
    std::uint64_t app = 0;     // App::id
    std::uint64_t author = 0;  // member id (a guest's, for someone not in the team)
    Kind kind = Kind::Good;
    std::string text;
    std::vector<std::uint64_t> screenshots;  // Screenshot ids, at most 4
    std::vector<std::string> tags;
    bool operator==(const Note&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

enum class ImageFormat : std::uint8_t { Jpeg = 0, WebP = 1 };
constexpr std::uint8_t kLastImageFormat = 1;

// What is known about a stored picture without reading it. The bytes (the re-encoded image
// and its thumbnail) are kept in their own stored records, keyed by the id, and read when shown.
struct Screenshot {
    std::uint64_t id = 0;  // content hash of the re-encoded image
    std::uint16_t width = 0, height = 0;
    std::uint32_t bytes = 0;
    ImageFormat format = ImageFormat::Jpeg;
    std::uint16_t thumb_width = 0, thumb_height = 0;
    std::uint32_t thumb_bytes = 0;
    bool operator==(const Screenshot&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// A picture's bytes, as files carry them.
struct ScreenshotImage {
    Screenshot meta;
    std::vector<std::uint8_t> image, thumb;
    bool operator==(const ScreenshotImage&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// Someone who sent notes but is not in the team (typed a new name in the invite).
using Guest = Member;

// ---- the meeting (part 2) ------------------------------------------------------------------

enum class Phase : std::uint8_t { Planned = 0, LastActions = 1, WhoIsHere = 2, Groups = 3, AppByApp = 4,
                                  WrapUp = 5, Done = 6 };
constexpr std::uint8_t kLastPhase = 6;

// The facilitator's place in the meeting, one record (head.id is the session id): a reload
// comes back to the same phase and app with the timer's remaining time.
struct Meeting {
    RecordHead head;
    Phase phase = Phase::Planned;
    std::uint64_t app = 0;                // App::id on screen in AppByApp
    std::uint32_t timer_seconds = 600;    // length per app
    std::uint32_t timer_left = 0;         // seconds left when paused or reloaded
    bool timer_running = false;
    std::uint64_t group_seed = 0;         // the groups' shuffle
    bool operator==(const Meeting&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// head.id is the member's (or guest's) id: one record per person per session.
struct Attendance {
    RecordHead head;
    bool present = false;
    bool operator==(const Attendance&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

struct Group {
    RecordHead head;
    std::vector<std::uint64_t> members;
    bool operator==(const Group&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// One "spoke" click: a record of its own, so turns recorded in two groups' browsers add up.
struct Turn {
    RecordHead head;
    std::uint64_t member = 0, app = 0;
    bool operator==(const Turn&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

struct Praise {
    RecordHead head;
    std::uint64_t note = 0;  // Note id
    std::uint64_t by = 0;    // member id
    std::string words;       // optional
    bool operator==(const Praise&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

struct Insight {
    RecordHead head;
    std::string text;                   // "the empty state teaches the gesture"
    std::vector<std::uint64_t> notes;   // Note ids it explains
    bool operator==(const Insight&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

enum class ActionStatus : std::uint8_t { Open = 0, Doing = 1, Done = 2, Dropped = 3 };
constexpr std::uint8_t kLastActionStatus = 3;

// "Apply to our product". Kept in the session that made it; the library gathers the open ones.
struct Action {
    RecordHead head;
    std::string text;
    std::uint64_t owner = 0;   // member id; 0: nobody yet
    ActionStatus status = ActionStatus::Open;
    Date due;                  // year 0: no due date
    std::uint64_t insight = 0, note = 0;  // where it came from; 0: neither
    bool operator==(const Action&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// ---- one session, everything in it -------------------------------------------------------------

struct Session {
    Plan plan;
    std::vector<Note> notes;              // every vector sorted by id
    std::vector<Screenshot> screenshots;  // metadata only
    std::vector<Guest> guests;
    Meeting meeting;
    std::vector<Attendance> attendance;
    std::vector<Group> groups;
    std::vector<Turn> turns;
    std::vector<Praise> praise;
    std::vector<Insight> insights;
    std::vector<Action> actions;
    bool operator==(const Session&) const = default;

    template <class Archive>
    void serialize(Archive& ar, std::uint32_t version);
};

// ---- serialization -----------------------------------------------------------------------------

#define LOUPE_TASTE_NEWEST(v) \
    if ((v) > 1) throw cereal::Exception("it was made by a newer version of Loupe")

template <class Archive>
void Member::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, name, role, books_read); }
template <class Archive>
void JuniorFlag::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, junior); }
template <class Archive>
void Book::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, title, author); }
template <class Archive>
void TeamSettings::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, name, cadence, rota); }
template <class Archive>
void Team::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(settings, members, juniors, books); }
template <class Archive>
void Plan::serialize(Archive& ar, std::uint32_t v) {
    LOUPE_TASTE_NEWEST(v);
    ar(head, team_id, date, category, picker, focus, apps, invited, reply_to);
}
template <class Archive>
void Note::serialize(Archive& ar, std::uint32_t v) {
    LOUPE_TASTE_NEWEST(v);
    ar(head, app, author, kind, text, screenshots, tags);
}
template <class Archive>
void Screenshot::serialize(Archive& ar, std::uint32_t v) {
    LOUPE_TASTE_NEWEST(v);
    ar(id, width, height, bytes, format, thumb_width, thumb_height, thumb_bytes);
}
template <class Archive>
void ScreenshotImage::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(meta, image, thumb); }
template <class Archive>
void Meeting::serialize(Archive& ar, std::uint32_t v) {
    LOUPE_TASTE_NEWEST(v);
    ar(head, phase, app, timer_seconds, timer_left, timer_running, group_seed);
}
template <class Archive>
void Attendance::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, present); }
template <class Archive>
void Group::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, members); }
template <class Archive>
void Turn::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, member, app); }
template <class Archive>
void Praise::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, note, by, words); }
template <class Archive>
void Insight::serialize(Archive& ar, std::uint32_t v) { LOUPE_TASTE_NEWEST(v); ar(head, text, notes); }
template <class Archive>
void Action::serialize(Archive& ar, std::uint32_t v) {
    LOUPE_TASTE_NEWEST(v);
    ar(head, text, owner, status, due, insight, note);
}
template <class Archive>
void Session::serialize(Archive& ar, std::uint32_t v) {
    LOUPE_TASTE_NEWEST(v);
    ar(plan, notes, screenshots, guests, meeting, attendance, groups, turns, praise, insights, actions);
}

#undef LOUPE_TASTE_NEWEST

}  // namespace loupe::taste

LOUPE_CLASS_VERSION(loupe::taste::Member, 1)
LOUPE_CLASS_VERSION(loupe::taste::JuniorFlag, 1)
LOUPE_CLASS_VERSION(loupe::taste::Book, 1)
LOUPE_CLASS_VERSION(loupe::taste::TeamSettings, 1)
LOUPE_CLASS_VERSION(loupe::taste::Team, 1)
LOUPE_CLASS_VERSION(loupe::taste::Plan, 1)
LOUPE_CLASS_VERSION(loupe::taste::Note, 1)
LOUPE_CLASS_VERSION(loupe::taste::Screenshot, 1)
LOUPE_CLASS_VERSION(loupe::taste::ScreenshotImage, 1)
LOUPE_CLASS_VERSION(loupe::taste::Meeting, 1)
LOUPE_CLASS_VERSION(loupe::taste::Attendance, 1)
LOUPE_CLASS_VERSION(loupe::taste::Group, 1)
LOUPE_CLASS_VERSION(loupe::taste::Turn, 1)
LOUPE_CLASS_VERSION(loupe::taste::Praise, 1)
LOUPE_CLASS_VERSION(loupe::taste::Insight, 1)
LOUPE_CLASS_VERSION(loupe::taste::Action, 1)
LOUPE_CLASS_VERSION(loupe::taste::Session, 1)
