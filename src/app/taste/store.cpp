// store.cpp — the facilitator's team and sessions in browser storage (see store.h).
#include "app/taste/store.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <set>

#include "core/shared/sorting.h"
#include "core/taste/formats.h"
#include "core/taste/merge.h"
#include "core/taste/mine.h"
#include "core/taste/team.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/taste/pictures.h"

namespace taste_store {
namespace {

using namespace loupe::taste;

constexpr const char* kTeamFile = "taste-team.bin";
constexpr const char* kFacilitatorFile = "taste-facilitator.bin";
constexpr std::string_view kSessionPrefix = "taste-session-", kSessionSuffix = ".bin";

struct Store {
    std::optional<Team> team;
    std::uint64_t me = 0;
    std::vector<Session> sessions;
    std::map<std::uint64_t, std::string> invites;  // session id -> fragment last given out
    std::uint64_t changes = 0;
    std::map<std::uint64_t, std::uint64_t> session_changes;  // session id -> `changes` when it last changed
};
Store st;

void changed(std::uint64_t session = 0) {
    ++st.changes;
    if (session) st.session_changes[session] = st.changes;
}

std::string session_name(std::uint64_t id) {
    return std::string(kSessionPrefix) + hex_id(id) + std::string(kSessionSuffix);
}

bool is_session_name(const std::string& name) {
    return name.size() == kSessionPrefix.size() + 16 + kSessionSuffix.size() && name.starts_with(kSessionPrefix) &&
           name.ends_with(kSessionSuffix) && parse_hex_id(std::string_view(name).substr(kSessionPrefix.size(), 16)) != 0;
}

void read_team() {
    changed();
    st.team.reset();
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(kTeamFile, bytes)) return;
    auto team = read_stored_team(bytes);
    if (!team) {
        notify("Your stored team could not be read (" + team.error() + "). It is kept as it is; "
               "a workspace backup still holds it.", true);
        return;
    }
    st.team = std::move(*team);
}

// "me <16 hex>" and "invite <16 hex> <fragment>" lines: small, and only ever written here.
void read_facilitator() {
    st.me = 0;
    st.invites.clear();
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(kFacilitatorFile, bytes)) return;
    const std::string text(bytes.begin(), bytes.end());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = std::string_view(text).substr(at, end - at);
        at = end + 1;
        if (line.starts_with("me ") && line.size() >= 19) st.me = parse_hex_id(line.substr(3, 16));
        else if (line.starts_with("invite ") && line.size() >= 24)
            if (const std::uint64_t id = parse_hex_id(line.substr(7, 16)); id != 0 && line.size() > 24)
                st.invites[id] = std::string(line.substr(24));
    }
}

void write_facilitator() {
    std::string text = "me " + hex_id(st.me) + "\n";
    for (const auto& [id, fragment] : st.invites) text += "invite " + hex_id(id) + " " + fragment + "\n";
    if (!platform::storage_write(kFacilitatorFile, std::vector<std::uint8_t>(text.begin(), text.end())))
        notify("Could not save which invite you sent: this browser's storage is full or unavailable.", true);
}

// A damaged session is reported and left in storage untouched, so nothing is lost by opening the app.
void read_session(const std::string& name) {
    const std::uint64_t id = parse_hex_id(std::string_view(name).substr(kSessionPrefix.size(), 16));
    std::erase_if(st.sessions, [&](const Session& s) { return s.plan.head.id == id; });
    changed(id);
    std::vector<std::uint8_t> bytes;
    if (!platform::storage_read(name, bytes)) return;  // deleted in another tab
    auto file = read_stored_session(bytes);
    if (!file) {
        notify("A stored taste session could not be read (" + file.error() + "). It is kept as it is; "
               "a workspace backup still holds it.", true);
        return;
    }
    if (file->session.plan.head.id != id) return;  // renamed by hand: not ours
    st.sessions.push_back(std::move(file->session));
}

}  // namespace

std::string hex_id(std::uint64_t id) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(id));
    return text;
}

std::uint64_t parse_hex_id(std::string_view text) {
    if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string_view::npos) return 0;
    return std::stoull(std::string(text), nullptr, 16);
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

Date today() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return {std::int16_t(local.tm_year + 1900), std::uint8_t(local.tm_mon + 1), std::uint8_t(local.tm_mday)};
}

bool is_taste_storage_name(const std::string& name) {
    return name == kTeamFile || name == kFacilitatorFile || is_session_name(name);
}

std::string describe(const std::string& name) {
    if (name == kTeamFile) return "your taste-session team";
    if (name == kFacilitatorFile) return "which taste-session invite you sent";
    if (is_session_name(name)) {
        const std::uint64_t id = parse_hex_id(std::string_view(name).substr(kSessionPrefix.size(), 16));
        if (const Session* s = find_session(id); s && !s->plan.category.empty())
            return "the taste session \u201c" + s->plan.category + "\u201d";
        return "a taste session";
    }
    return {};
}

void load() {
    read_team();
    read_facilitator();
    st.sessions.clear();
    for (const std::string& name : platform::storage_list())
        if (is_session_name(name)) read_session(name);
    sort_sessions();
}

void reload(const std::vector<std::string>& changed_names) {
    bool any = false;
    for (const std::string& name : changed_names) {
        if (name == kTeamFile) read_team(), any = true;
        else if (name == kFacilitatorFile) read_facilitator(), any = true;
        else if (is_session_name(name)) read_session(name), any = true;
    }
    if (any) sort_sessions();
}

Team* team() { return st.team ? &*st.team : nullptr; }
std::uint64_t me() { return st.me; }

void adopt_team(Team team, std::uint64_t me) {
    st.team = std::move(team);
    st.me = me;
    save_team();
    write_facilitator();
}

bool save_team() {
    if (!st.team) return false;
    changed();
    if (platform::storage_write(kTeamFile, write_team_file(*st.team, Audience::Facilitator))) return true;
    notify("Could not save your team: this browser's storage is full or unavailable. Back up your workspace "
           "from the menu before closing the page.", true);
    return false;
}

Revision revise(const Revision& seen) { return next_revision(seen, st.me, now()); }

std::vector<Session>& sessions() { return st.sessions; }

std::uint64_t changes() { return st.changes; }

std::uint64_t session_change(std::uint64_t id) {
    const auto it = st.session_changes.find(id);
    return it == st.session_changes.end() || !find_session(id) ? 0 : it->second;
}

void sort_sessions() {
    loupe::sort_stable(st.sessions, [](const Session& a, const Session& b) {
        return a.plan.date != b.plan.date ? a.plan.date > b.plan.date : a.plan.head.id < b.plan.head.id;
    });
}

Session* find_session(std::uint64_t id) {
    for (Session& s : st.sessions)
        if (s.plan.head.id == id) return &s;
    return nullptr;
}

bool save_session(const Session& session) {
    changed(session.plan.head.id);
    SessionFile file;
    if (st.team) file.team = *st.team;
    file.session = session;
    if (platform::storage_write(session_name(session.plan.head.id), write_session_file(file, Audience::Facilitator)))
        return true;
    notify("Could not save the session: this browser's storage is full or unavailable. Back up your workspace "
           "from the menu before closing the page.", true);
    return false;
}

namespace {

// The team's settings (its rota, here) were changed by the facilitator: a new revision, saved.
void save_team_settings() {
    st.team->settings.head.rev = revise(st.team->settings.head.rev);
    save_team();
}

}  // namespace

std::uint64_t plan_next_session() {
    Team& t = *st.team;
    Session s;
    std::uint64_t id = 0;
    while (id == 0 || find_session(id)) id = platform::random_u64();
    s.plan.head = {id, revise({}), false};
    s.plan.team_id = t.settings.head.id;
    // After the latest planned session, or after today.
    Date after = today();
    for (const Session& other : st.sessions) after = std::max(after, other.plan.date);
    s.plan.date = next_session_date(t.settings.cadence, after);
    s.plan.picker = rota_picker(t.settings.rota);
    for (const Member& m : t.members)
        if (!m.head.deleted) s.plan.invited.push_back(m.head.id);
    s.meeting.head = {id, revise({}), false};
    if (s.plan.picker != 0) {
        rota_advance(t.settings.rota, s.plan.picker);
        save_team_settings();
    }
    st.sessions.push_back(s);
    sort_sessions();
    save_session(s);
    return id;
}

void change_picker(Plan& plan, std::uint64_t picker) {
    Rota& rota = st.team->settings.rota;
    const Rota before = rota;
    if (plan.picker != 0) rota_give_back(rota, plan.picker);
    if (rota_picker(rota) == picker) rota_advance(rota, picker);
    plan.picker = picker;
    if (rota != before) save_team_settings();
}

namespace {

// The pictures `gone` names that nothing else kept shows: not the other sessions, not a
// participant's own notes in this browser.
std::vector<std::uint64_t> pictures_only_in(const Session& gone) {
    std::set<std::uint64_t> ids;
    for (const Screenshot& s : gone.screenshots) ids.insert(s.id);
    for (const Session& other : st.sessions)
        if (&other != &gone)
            for (const Screenshot& s : other.screenshots) ids.erase(s.id);
    for (const std::string& name : platform::storage_list()) {
        std::vector<std::uint8_t> bytes;
        if (!name.starts_with("taste-mine-") || !platform::storage_read(name, bytes)) continue;
        auto mine = decode_my_notes(bytes);
        if (!mine) return {};  // unreadable: keep every picture rather than guess
        for (const Screenshot& s : mine->screenshots) ids.erase(s.id);
    }
    return {ids.begin(), ids.end()};
}

}  // namespace

void delete_session(std::uint64_t id) {
    const Session* session = find_session(id);
    if (!session) return;
    if (session->plan.picker != 0 && !(session->plan.date < today()) &&
        rota_give_back(st.team->settings.rota, session->plan.picker))
        save_team_settings();
    pictures::forget(pictures_only_in(*session));
    platform::storage_remove(session_name(id));
    std::erase_if(st.sessions, [&](const Session& s) { return s.plan.head.id == id; });
    changed(id);
    if (st.invites.erase(id)) write_facilitator();
}

std::string invite_given(std::uint64_t session) {
    const auto it = st.invites.find(session);
    return it == st.invites.end() ? std::string() : it->second;
}

void set_invite_given(std::uint64_t session, const std::string& fragment) {
    if (invite_given(session) == fragment) return;
    st.invites[session] = fragment;
    write_facilitator();
}

}  // namespace taste_store
