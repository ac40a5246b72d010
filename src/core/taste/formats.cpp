// formats.cpp — checking taste records, and their files, invite links and contribution codes.
#include "core/taste/formats.h"

#include <algorithm>
#include <cstdio>

#include "core/shared/packing.h"
#include "core/shared/container.h"
#include "core/shared/serialize.h"
#include "core/shared/sorting.h"
#include "core/taste/merge.h"
#include "core/taste/team.h"

namespace loupe::taste {
namespace {

constexpr std::uint16_t kTeamFormat = 1, kSessionFormat = 1, kContributionFormat = 1;
constexpr std::uint8_t kInviteFormat = 1, kCodeFormat = 1;
constexpr std::size_t kMaxTeamBytes = 1u << 20;
constexpr std::size_t kMaxInviteBytes = 64u << 10;
constexpr std::size_t kMaxSessionBytes = 512u << 20;       // a session's pictures included
constexpr std::size_t kMaxContributionBytes = 128u << 20;  // one person's pictures included
constexpr std::size_t kMaxCodePayload = 256u << 10;
constexpr int kLengthSymbols = 3;
constexpr std::size_t kMaxCodeSymbols = 32767;  // what three symbols can say
constexpr std::uint32_t kMaxNoteNumber = 4096;  // numbered ids a code looks for (note_id)

std::string text_problem(const std::string& text, std::size_t max_bytes, const std::string& what, bool required) {
    if (required && text.empty()) return what + " is empty.";
    if (text.size() > max_bytes) return what + " is too long (at most " + std::to_string(max_bytes) + " bytes).";
    if (!is_valid_utf8(text)) return what + " contains damaged characters (not UTF-8).";
    return {};
}

std::string email_problem(const std::string& address) {
    if (auto p = text_problem(address, kMaxEmailBytes, "The reply-to address", false); !p.empty()) return p;
    if (!address.empty() &&
        (address.find('@') == std::string::npos || address.find_first_of(" \t\r\n,;<>") != std::string::npos))
        return "The reply-to address does not look like an e-mail address.";
    return {};
}

std::string member_problem(const Member& m, const std::string& what) {
    if (m.head.id == 0) return what + " has no id.";
    if (m.head.deleted) return {};
    if (auto p = text_problem(m.name, kMaxNameBytes, what + "'s name", true); !p.empty()) return p;
    if (std::uint8_t(m.role) > kLastRole) return what + " has a role Loupe does not know.";
    return {};
}

std::string screenshot_problem(const Screenshot& s) {
    if (std::uint8_t(s.format) > kLastImageFormat) return "a screenshot is in a format Loupe does not know.";
    return {};
}

// What part 2 keeps in a session beyond notes: checked so that no value out of range gets in.
std::string meeting_problem(const Session& s) {
    if (std::uint8_t(s.meeting.phase) > kLastPhase) return "the meeting is in a phase Loupe does not know.";
    for (const Action& a : s.actions) {
        if (a.head.deleted) continue;
        if (std::uint8_t(a.status) > kLastActionStatus) return "an action has a status Loupe does not know.";
        if (a.due.year != 0 && !valid_date(a.due)) return "an action's due date is not a day in the calendar.";
        if (auto p = text_problem(a.text, kMaxNoteBytes, "an action", true); !p.empty()) return p;
    }
    for (const Insight& i : s.insights)
        if (!i.head.deleted)
            if (auto p = text_problem(i.text, kMaxNoteBytes, "an insight", true); !p.empty()) return p;
    for (const Praise& p : s.praise)
        if (auto problem = text_problem(p.words, kMaxNoteBytes, "a praise's words", false); !problem.empty()) return problem;
    for (const Guest& g : s.guests)
        if (auto p = member_problem(g, "a guest"); !p.empty()) return p;
    for (const Screenshot& shot : s.screenshots)
        if (auto p = screenshot_problem(shot); !p.empty()) return p;
    return {};
}

bool is_member(const Team& team, std::uint64_t id) { return find_member(team, id) != nullptr; }

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// ---- files ---------------------------------------------------------------------------------

template <class T>
Result<T> read_file_of(std::span<const std::uint8_t> bytes, FileKind kind, std::uint16_t newest, std::size_t max) {
    auto envelope = open_envelope(bytes, kind, newest, max);
    if (!envelope) return failure<T>(envelope.error());
    auto value = from_bytes<T>(envelope->payload);
    if (!value) return failure<T>(std::string("This ") + file_kind_name(kind) + " is damaged (" + value.error() + ").");
    return value;
}

// ---- base32 for contribution codes ------------------------------------------------------------

std::string spell(std::span<const std::uint8_t> bytes) {
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (std::uint8_t b : bytes) {
        bits = bits << 8 | b, count += 8;
        while (count >= 5) out += kCodeAlphabet[(bits >> (count -= 5)) & 31];
    }
    if (count > 0) out += kCodeAlphabet[(bits << (5 - count)) & 31];
    return out;
}

// A compact writer and a bounded reader for the code's payload.
struct Writer {
    std::vector<std::uint8_t> out;
    void u8(std::uint8_t v) { out.push_back(v); }
    void u64(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
    }
    void leb(std::uint64_t v) {
        do {
            const auto low = std::uint8_t(v & 0x7F);
            v >>= 7;
            out.push_back(v ? low | 0x80 : low);
        } while (v);
    }
    void text(const std::string& s) {
        leb(s.size());
        out.insert(out.end(), s.begin(), s.end());
    }
};

struct Reader {
    std::span<const std::uint8_t> in;
    std::size_t pos = 0;
    bool ok = true;

    bool has(std::size_t n) { return ok = ok && in.size() - pos >= n; }
    std::uint8_t u8() { return has(1) ? in[pos++] : 0; }
    std::uint64_t u64() {
        std::uint64_t v = 0;
        if (has(8))
            for (int i = 0; i < 8; ++i) v |= std::uint64_t(in[pos++]) << (8 * i);
        return v;
    }
    std::uint64_t leb() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const std::uint8_t b = u8();
            v |= std::uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        ok = false;
        return 0;
    }
    std::string text(std::size_t max) {
        const std::uint64_t n = leb();
        if (n > max || !has(n)) return ok = false, std::string();
        std::string s(in.begin() + pos, in.begin() + pos + n);
        pos += n;
        return s;
    }
};

enum NoteFlags : std::uint8_t {
    kKindMask = 3,
    kDeleted = 4,
    kNumbered = 8,       // the id is note_id(author, number): the number follows, not the id
    kOtherEditor = 16,   // the revision's author is not the contribution's: its id follows
    kOtherAuthor = 32,   // the note's author is not the contribution's: its id follows
};

std::vector<std::uint8_t> code_payload(const Contribution& c, const Plan& plan, std::string& problem) {
    Writer w;
    w.u64(c.session);
    w.u64(c.author.head.id);
    w.leb(c.author.head.rev.counter);
    w.u64(std::uint64_t(c.author.head.rev.time));
    w.u64(c.author.head.rev.author);
    w.text(c.author.name);
    w.u8(std::uint8_t(c.author.role));
    std::int64_t newest = c.author.head.rev.time;
    for (const Note& n : c.notes) newest = std::max(newest, n.head.rev.time);
    w.u64(std::uint64_t(newest));
    w.leb(c.notes.size());
    for (const Note& n : c.notes) {
        const std::uint64_t author = c.author.head.id;
        std::uint32_t number = 0;
        while (number < kMaxNoteNumber && note_id(author, number) != n.head.id) ++number;
        std::uint8_t flags = std::uint8_t(n.kind) & kKindMask;
        if (n.head.deleted) flags |= kDeleted;
        if (number < kMaxNoteNumber) flags |= kNumbered;
        if (n.head.rev.author != author) flags |= kOtherEditor;
        if (n.author != author) flags |= kOtherAuthor;
        w.u8(flags);
        if (flags & kNumbered) w.leb(number); else w.u64(n.head.id);
        if (flags & kOtherEditor) w.u64(n.head.rev.author);
        if (flags & kOtherAuthor) w.u64(n.author);
        w.leb(n.head.rev.counter);
        w.leb(std::uint64_t(newest - n.head.rev.time));
        if (n.head.deleted) continue;
        std::size_t app = 0;
        while (app < plan.apps.size() && plan.apps[app].id != n.app) ++app;
        if (app == plan.apps.size()) problem = "A note is about an app that is not in this session's plan.";
        w.u8(std::uint8_t(app));
        w.text(n.text);
        w.u8(std::uint8_t(n.screenshots.size()));
        for (std::uint64_t s : n.screenshots) w.u64(s);
        w.u8(std::uint8_t(n.tags.size()));
        for (const std::string& t : n.tags) w.text(t);
    }
    return w.out;
}

// Reads the payload; the session and author come first, so a code for another session is
// told apart from a damaged one.
std::string read_code_payload(std::span<const std::uint8_t> bytes, const Plan& plan, FoundContribution& found) {
    const std::string damaged = "This contribution code is damaged: ";
    Reader r{bytes};
    Contribution& c = found.contribution;
    c.session = r.u64();
    c.author.head.id = r.u64();
    c.author.head.rev.counter = std::uint32_t(r.leb());
    c.author.head.rev.time = std::int64_t(r.u64());
    c.author.head.rev.author = r.u64();
    c.author.name = r.text(kMaxNameBytes);
    c.author.role = Role(r.u8());
    if (!r.ok) return damaged + "it ends too early.";
    if (auto p = member_problem(c.author, "Its author"); !p.empty()) return damaged + p;
    if (c.session != plan.head.id) {
        found.other_session = true;
        return "This contribution code is for another session.";
    }
    const std::int64_t newest = std::int64_t(r.u64());
    const std::uint64_t count = r.leb();
    if (!r.ok || count > r.in.size() - r.pos) return damaged + "it ends too early.";
    for (std::uint64_t i = 0; i < count && r.ok; ++i) {
        Note n;
        const std::uint8_t flags = r.u8();
        if (flags > 63 || (flags & kKindMask) > kLastKind) return damaged + "a note has flags Loupe never writes.";
        n.kind = Kind(flags & kKindMask);
        n.head.deleted = flags & kDeleted;
        if (flags & kNumbered) {
            const std::uint64_t number = r.leb();
            if (number >= kMaxNoteNumber) return damaged + "a note's number is out of range.";
            n.head.id = note_id(c.author.head.id, std::uint32_t(number));
        } else {
            n.head.id = r.u64();
        }
        n.head.rev.author = flags & kOtherEditor ? r.u64() : c.author.head.id;
        n.author = flags & kOtherAuthor ? r.u64() : c.author.head.id;
        const std::uint64_t counter = r.leb(), age = r.leb();
        if (counter > UINT32_MAX || age > std::uint64_t(INT64_MAX)) return damaged + "a note's revision is out of range.";
        n.head.rev.counter = std::uint32_t(counter);
        n.head.rev.time = newest - std::int64_t(age);
        if (!n.head.deleted) {
            const std::uint8_t app = r.u8();
            if (r.ok && app >= plan.apps.size()) return damaged + "a note is about an app the session does not have.";
            if (r.ok) n.app = plan.apps[app].id;
            n.text = r.text(kMaxNoteBytes);
            const std::uint8_t shots = r.u8();
            if (shots > kMaxScreenshotsPerNote) return damaged + "a note has too many screenshots.";
            for (int s = 0; s < shots; ++s) n.screenshots.push_back(r.u64());
            const std::uint8_t tags = r.u8();
            if (tags > kMaxTagsPerNote) return damaged + "a note has too many tags.";
            for (int t = 0; t < tags; ++t) n.tags.push_back(r.text(kMaxNameBytes));
        }
        if (!r.ok) break;
        if (auto p = note_problem(n, plan); !p.empty()) return damaged + p;
        c.notes.push_back(std::move(n));
    }
    if (!r.ok) return damaged + "it ends too early.";
    if (r.pos != bytes.size()) return damaged + "it has stray bytes at its end.";
    return {};
}

FoundContribution read_code_at(std::string_view text, std::size_t begin, const Plan& plan) {
    FoundContribution found;
    found.begin = begin;
    CodeSymbols read = read_code_symbols(text, begin + kContributionPrefix.size(), kLengthSymbols, kMaxCodeSymbols);
    const std::vector<std::uint8_t>& symbols = read.symbols;
    const std::size_t wanted = read.wanted;
    const bool spans_lines = read.spans_lines;
    found.end = read.end;
    const std::string typo = spans_lines ? "This contribution code has a typo or lost a piece where it was split over "
                                           "lines: its checksum does not match."
                                         : "This contribution code has a typo: its checksum does not match.";
    if (symbols.size() >= std::size_t(kLengthSymbols) && wanted < std::size_t(kLengthSymbols) + 12)
        return found.problem = "This contribution code has a typo: its length mark does not make sense.", found;
    if (symbols.size() < wanted)
        return found.problem = "This contribution code is incomplete \xe2\x80\x94 it looks cut off.", found;

    // Symbols back to bytes; the padding bits after the last whole byte must be zero.
    std::vector<std::uint8_t> bytes;
    std::uint32_t bits = 0;
    int count = 0;
    for (std::size_t s = kLengthSymbols; s < symbols.size(); ++s) {
        bits = bits << 5 | symbols[s], count += 5;
        if (count >= 8) bytes.push_back(std::uint8_t(bits >> (count -= 8)));
    }
    if (count >= 5 || (bits & ((1u << count) - 1)) != 0) return found.problem = typo, found;
    if (bytes.size() < 6) return found.problem = typo, found;
    const std::size_t body = bytes.size() - 4;
    const std::uint32_t stored = std::uint32_t(bytes[body]) | std::uint32_t(bytes[body + 1]) << 8 |
                                 std::uint32_t(bytes[body + 2]) << 16 | std::uint32_t(bytes[body + 3]) << 24;
    if (crc32(std::span(bytes).first(body)) != stored) return found.problem = typo, found;
    if (bytes[0] > kCodeFormat)
        return found.problem = "This contribution code was made by a newer version of Loupe; reload the page to "
                               "update it.",
               found;
    const std::string damaged = "This contribution code is damaged: ";
    if (bytes[0] != kCodeFormat) return found.problem = damaged + "it is not one Loupe ever made.", found;
    std::size_t pos = 1, size = 0;
    if (!get_leb128(std::span(bytes).first(body), pos, size) || size > kMaxCodePayload)
        return found.problem = damaged + "it claims to hold more than a code can.", found;
    std::vector<std::uint8_t> payload;
    if (!inflate(std::span(bytes).subspan(pos, body - pos), size, payload))
        return found.problem = damaged + "its contents cannot be unpacked.", found;
    found.problem = read_code_payload(payload, plan, found);
    return found;
}

}  // namespace

// ---- checks --------------------------------------------------------------------------------

bool valid_date(const Date& d) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1970 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    return d.day <= (d.month == 2 && !leap ? 28 : kDays[d.month - 1]);
}

std::string date_text(const Date& d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

Result<Date> parse_date(std::string_view text) {
    const std::string example = " Write it as YYYY-MM-DD, e.g. 2027-01-14.";
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return failure<Date>("\"" + std::string(text) + "\" is not a date." + example);
    int parts[3] = {0, 0, 0};
    const std::size_t begin[3] = {0, 5, 8}, length[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = begin[p]; i < begin[p] + length[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') return failure<Date>("\"" + std::string(text) + "\" is not a date." + example);
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    const Date d{std::int16_t(parts[0]), std::uint8_t(parts[1]), std::uint8_t(parts[2])};
    if (!valid_date(d)) return failure<Date>("There is no day " + std::string(text) + " in the calendar.");
    return d;
}

const char* role_name(Role role) {
    switch (role) {
        case Role::PM: return "PM";
        case Role::Designer: return "designer";
        case Role::Engineer: return "engineer";
        case Role::Other: return "other";
    }
    return "other";
}

const char* platform_name(Platform platform) {
    switch (platform) {
        case Platform::IOS: return "iOS";
        case Platform::Android: return "Android";
        case Platform::Web: return "web";
        case Platform::Desktop: return "desktop";
    }
    return "web";
}

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::Good: return "good";
        case Kind::Bad: return "bad";
        case Kind::Ugly: return "ugly";
    }
    return "good";
}

const Member* find_member(const Team& team, std::uint64_t id) {
    for (const Member& m : team.members)
        if (m.head.id == id && !m.head.deleted) return &m;
    return nullptr;
}

bool is_junior(const Team& team, std::uint64_t member) {
    for (const JuniorFlag& f : team.juniors)
        if (f.head.id == member && !f.head.deleted) return f.junior;
    return false;
}

std::string team_problem(const Team& team) {
    if (auto p = text_problem(team.settings.name, kMaxNameBytes, "The team's name", true); !p.empty()) return p;
    if (team.members.size() > kMaxMembers)
        return "A team can have at most " + std::to_string(kMaxMembers) + " members.";
    for (std::size_t i = 0; i < team.members.size(); ++i) {
        const Member& m = team.members[i];
        if (auto p = member_problem(m, "Member " + std::to_string(i + 1)); !p.empty()) return p;
        for (std::size_t j = 0; j < i && !m.head.deleted; ++j)
            if (!team.members[j].head.deleted && team.members[j].name == m.name)
                return "Two members are called " + quoted(m.name) + "; give one of them another name.";
    }
    const Cadence& c = team.settings.cadence;
    if (!((c.week >= 1 && c.week <= 4) || c.week == -1) || c.weekday > 6 || c.hour > 23 || c.minute > 59 ||
        c.minutes < 5 || c.minutes > 600)
        return "The team's cadence is not a monthly day and time Loupe knows.";
    const Rota& rota = team.settings.rota;
    if (rota.next != 0 && std::find(rota.order.begin(), rota.order.end(), rota.next) == rota.order.end())
        return "The rota's next picker is not in the rota.";
    for (std::size_t i = 0; i < team.books.size(); ++i)
        if (!team.books[i].head.deleted)
            if (auto p = text_problem(team.books[i].title, kMaxNameBytes * 2, "Book " + std::to_string(i + 1) + "'s title", true);
                !p.empty())
                return p;
    return {};
}

std::string plan_problem(const Plan& plan, const Team& team) {
    if (plan.head.id == 0) return "The session has no id.";
    if (!valid_date(plan.date)) return "The session's date is not a day in the calendar.";
    if (auto p = text_problem(plan.category, kMaxNameBytes, "The category", true); !p.empty()) return p;
    if (auto p = text_problem(plan.focus, kMaxNameBytes, "The focus", false); !p.empty()) return p;
    if (plan.apps.size() < kMinApps || plan.apps.size() > kMaxApps)
        return "A session has 3 to 6 apps to try; this one has " + std::to_string(plan.apps.size()) + ".";
    for (std::size_t i = 0; i < plan.apps.size(); ++i) {
        const App& app = plan.apps[i];
        const std::string what = "App " + std::to_string(i + 1);
        if (app.id == 0) return what + " has no id.";
        for (std::size_t j = 0; j < i; ++j)
            if (plan.apps[j].id == app.id) return what + " has the same id as app " + std::to_string(j + 1) + ".";
        if (auto p = text_problem(app.name, kMaxNameBytes, what + "'s name", true); !p.empty()) return p;
        if (std::uint8_t(app.platform) > kLastPlatform) return what + " has a platform Loupe does not know.";
        if (auto p = text_problem(app.link, kMaxLinkBytes, what + "'s link", false); !p.empty()) return p;
        if (app.link.find_first_of(" \t\r\n") != std::string::npos) return what + "'s link has spaces in it.";
    }
    if (!is_member(team, plan.picker)) return "Whoever picked the category is not in the team.";
    for (std::uint64_t id : plan.invited)
        if (!is_member(team, id)) return "Someone invited is not in the team.";
    return email_problem(plan.reply_to);
}

std::string note_problem(const Note& note, const Plan& plan) {
    if (note.head.id == 0) return "a note has no id.";
    if (note.head.deleted) return {};
    if (std::none_of(plan.apps.begin(), plan.apps.end(), [&](const App& a) { return a.id == note.app; }))
        return "a note is about an app the session does not have.";
    if (std::uint8_t(note.kind) > kLastKind) return "a note is of a kind Loupe does not know.";
    if (auto p = text_problem(note.text, kMaxNoteBytes, "a note", true); !p.empty()) return p;
    if (note.screenshots.size() > kMaxScreenshotsPerNote) return "a note has more than 4 screenshots.";
    if (note.tags.size() > kMaxTagsPerNote) return "a note has too many tags.";
    for (const std::string& t : note.tags)
        if (auto p = text_problem(t, kMaxNameBytes, "a note's tag", true); !p.empty()) return p;
    return {};
}

Team for_the_team(const Team& team) {
    Team view = team;
    view.juniors.clear();
    return view;
}

// ---- files ---------------------------------------------------------------------------------

std::vector<std::uint8_t> write_team_file(const Team& team, Audience audience) {
    return seal(FileKind::TasteTeam, kTeamFormat, to_bytes(audience == Audience::Team ? for_the_team(team) : team));
}

Result<Team> read_team_file(std::span<const std::uint8_t> bytes) {
    auto team = read_file_of<Team>(bytes, FileKind::TasteTeam, kTeamFormat, kMaxTeamBytes);
    if (team)
        if (auto p = team_problem(*team); !p.empty()) return failure<Team>("This taste team file is damaged: " + p);
    return team;
}

std::vector<std::uint8_t> write_session_file(const SessionFile& file, Audience audience) {
    if (audience == Audience::Facilitator) return seal(FileKind::TasteSession, kSessionFormat, to_bytes(file));
    SessionFile view = file;
    view.team = for_the_team(file.team);
    return seal(FileKind::TasteSession, kSessionFormat, to_bytes(view));
}

Result<SessionFile> read_session_file(std::span<const std::uint8_t> bytes) {
    auto file = read_file_of<SessionFile>(bytes, FileKind::TasteSession, kSessionFormat, kMaxSessionBytes);
    if (!file) return file;
    const std::string damaged = "This taste session file is damaged: ";
    if (auto p = team_problem(file->team); !p.empty()) return failure<SessionFile>(damaged + p);
    if (auto p = plan_problem(file->session.plan, file->team); !p.empty()) return failure<SessionFile>(damaged + p);
    for (const Note& n : file->session.notes)
        if (auto p = note_problem(n, file->session.plan); !p.empty()) return failure<SessionFile>(damaged + p);
    if (auto p = meeting_problem(file->session); !p.empty()) return failure<SessionFile>(damaged + p);
    for (const ScreenshotImage& image : file->images)
        if (image.meta.id != content_hash(image.image) || !screenshot_problem(image.meta).empty())
            return failure<SessionFile>(damaged + "a picture's bytes do not match its id.");
    return file;
}

Result<Team> read_stored_team(std::span<const std::uint8_t> bytes) {
    return read_file_of<Team>(bytes, FileKind::TasteTeam, kTeamFormat, kMaxTeamBytes);
}

Result<SessionFile> read_stored_session(std::span<const std::uint8_t> bytes) {
    return read_file_of<SessionFile>(bytes, FileKind::TasteSession, kSessionFormat, kMaxSessionBytes);
}

std::vector<std::uint8_t> write_contribution_file(const Contribution& c) {
    return seal(FileKind::TasteContribution, kContributionFormat, to_bytes(c));
}

Result<Contribution> read_contribution_file(std::span<const std::uint8_t> bytes) {
    auto c = read_file_of<Contribution>(bytes, FileKind::TasteContribution, kContributionFormat, kMaxContributionBytes);
    if (!c) return c;
    const std::string damaged = "This taste contribution file is damaged: ";
    if (c->session == 0) return failure<Contribution>(damaged + "it does not say which session it is for.");
    if (auto p = member_problem(c->author, "Its author"); !p.empty()) return failure<Contribution>(damaged + p);
    for (const Screenshot& shot : c->screenshots)
        if (auto p = screenshot_problem(shot); !p.empty()) return failure<Contribution>(damaged + p);
    for (const ScreenshotImage& image : c->images)
        if (image.meta.id != content_hash(image.image) || !screenshot_problem(image.meta).empty())
            return failure<Contribution>(damaged + "a picture's bytes do not match its id.");
    return c;  // notes are checked against the plan on import (import.h)
}

// ---- the invite ----------------------------------------------------------------------------

Invite make_invite(const Team& team, const Plan& plan) {
    Invite invite;
    invite.team_name = team.settings.name;
    invite.plan = plan;
    std::vector<std::uint64_t> ids = plan.invited;
    ids.push_back(plan.picker);
    for (std::uint64_t id : ids)
        if (const Member* m = find_member(team, id);
            m && std::none_of(invite.people.begin(), invite.people.end(), [&](const Member& p) { return p.head.id == id; })) {
            Member person = *m;
            person.books_read.clear();
            invite.people.push_back(person);
        }
    sort_stable(invite.people, [](const Member& a, const Member& b) { return a.head.id < b.head.id; });
    return invite;
}

std::string invite_fragment(const Team& team, const Plan& plan) {
    const auto payload = to_bytes(make_invite(for_the_team(team), plan));
    const auto packed = deflate(payload);
    std::vector<std::uint8_t> bytes = {kInviteFormat};
    put_leb128(bytes, payload.size());
    put_leb128(bytes, packed.size());
    bytes.insert(bytes.end(), packed.begin(), packed.end());
    const std::uint32_t crc = crc32(bytes);
    for (int i = 0; i < 4; ++i) bytes.push_back(std::uint8_t(crc >> (8 * i)));
    return "t=" + base64url_encode(bytes);
}

std::string long_date_text(const Date& d) {
    static const char* const kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    if (!valid_date(d)) return date_text(d);
    return std::string(kDays[weekday_of(d)]) + " " + std::to_string(d.day) + " " + kMonths[d.month - 1];
}

std::string invite_message(const Invite& invite) {
    const Plan& p = invite.plan;
    std::string picker;
    for (const Member& m : invite.people)
        if (m.head.id == p.picker) picker = m.name;
    std::string apps;
    for (std::size_t i = 0; i < p.apps.size(); ++i)
        apps += (i == 0 ? "" : i + 1 == p.apps.size() ? " and " : ", ") + p.apps[i].name;
    std::string message = "This month: " + p.category;
    if (!picker.empty()) message += ", picked by " + picker;
    message += ".";
    if (!p.focus.empty()) message += " Focus: " + p.focus + ".";
    return message + " Try " + apps + " before " + long_date_text(p.date) +
           " and note what is good, bad and ugly.";
}

std::string invite_link(const Team& team, const Plan& plan, std::string_view base_url) {
    return std::string(base_url) + "#" + invite_fragment(team, plan);
}

Result<Invite> invite_from_link(std::string_view link) {
    const std::string cut =
        "This invite is incomplete \xe2\x80\x94 it looks cut off. Copy the whole link, or ask the facilitator to "
        "send it again.";
    const std::string edited = "This invite was edited or damaged; ask the facilitator for a new one: ";

    std::string text;  // the link without the spaces and line breaks mail clients put in
    for (char c : link)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') text += c;
    std::string_view rest = text;
    if (auto hash = rest.find('#'); hash != std::string_view::npos) rest.remove_prefix(hash + 1);
    std::string_view data;
    bool found = false;
    while (!found && !rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view part = rest.substr(0, amp);
        if (part.substr(0, 2) == "t=") data = part.substr(2), found = true;
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    }
    if (!found) return failure<Invite>("This link does not contain a taste session invite.");

    std::size_t end = 0;  // punctuation that ends a sentence around a pasted link is not part of it
    while (end < data.size() && base64url_value(data[end]) >= 0) ++end;
    for (std::size_t i = end; i < data.size(); ++i)
        if (base64url_value(data[i]) >= 0) return failure<Invite>(edited + "it contains characters an invite never has.");
    std::vector<std::uint8_t> bytes;
    if (!base64url_decode(data.substr(0, end), bytes) || bytes.empty()) return failure<Invite>(cut);
    if (bytes[0] == 0) return failure<Invite>(edited + "it does not start like an invite.");
    if (bytes[0] > kInviteFormat)
        return failure<Invite>("This invite was made by a newer version of Loupe; reload the page to update it.");
    std::size_t pos = 1, payload_size = 0, packed_size = 0;
    if (!get_leb128(bytes, pos, payload_size) || !get_leb128(bytes, pos, packed_size)) return failure<Invite>(cut);
    if (payload_size > kMaxInviteBytes || packed_size > kMaxInviteBytes * 2)
        return failure<Invite>(edited + "it claims to hold more than an invite can.");
    if (bytes.size() - pos < packed_size + 4) return failure<Invite>(cut);
    if (bytes.size() - pos > packed_size + 4) return failure<Invite>(edited + "it is longer than it should be.");
    const std::size_t body = bytes.size() - 4;
    const std::uint32_t stored = std::uint32_t(bytes[body]) | std::uint32_t(bytes[body + 1]) << 8 |
                                 std::uint32_t(bytes[body + 2]) << 16 | std::uint32_t(bytes[body + 3]) << 24;
    if (crc32(std::span(bytes).first(body)) != stored) return failure<Invite>(edited + "its checksum does not match.");
    std::vector<std::uint8_t> payload;
    if (!inflate(std::span(bytes).subspan(pos, packed_size), payload_size, payload))
        return failure<Invite>(edited + "its contents cannot be unpacked.");
    auto invite = from_bytes<Invite>(payload);
    if (!invite) return failure<Invite>(edited + invite.error() + ".");
    Team people;
    people.settings.name = invite->team_name;
    people.members = invite->people;
    if (auto p = team_problem(people); !p.empty()) return failure<Invite>(edited + p);
    if (auto p = plan_problem(invite->plan, people); !p.empty()) return failure<Invite>(edited + p);
    return invite;
}

// ---- contribution codes --------------------------------------------------------------------

Result<std::string> make_contribution_code(const Contribution& c, const Plan& plan) {
    std::string problem;
    const auto payload = code_payload(c, plan, problem);
    if (!problem.empty()) return failure<std::string>(problem);
    const auto packed = deflate(payload);
    std::vector<std::uint8_t> bytes = {kCodeFormat};
    put_leb128(bytes, payload.size());
    bytes.insert(bytes.end(), packed.begin(), packed.end());
    const std::uint32_t crc = crc32(bytes);
    for (int i = 0; i < 4; ++i) bytes.push_back(std::uint8_t(crc >> (8 * i)));
    const std::string symbols = spell(bytes);
    const std::size_t total = symbols.size() + kLengthSymbols;
    if (total > kMaxCodeSymbols || payload.size() > kMaxCodePayload)
        return failure<std::string>("These notes are too long for a contribution code; send the contribution file.");
    std::string code(kContributionPrefix);
    for (int s = kLengthSymbols - 1; s >= 0; --s) code += kCodeAlphabet[(total >> (5 * s)) & 31];
    return code + symbols;
}

std::vector<FoundContribution> find_contribution_codes(std::string_view text, const Plan& plan) {
    std::vector<FoundContribution> codes;
    for (std::size_t at = text.find(kContributionPrefix); at != std::string_view::npos;
         at = text.find(kContributionPrefix, at)) {
        codes.push_back(read_code_at(text, at, plan));
        at = std::max(codes.back().end, at + kContributionPrefix.size());
    }
    return codes;
}

}  // namespace loupe::taste
