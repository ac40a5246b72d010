// team.cpp — the facilitator's team ("#/taste"), the Taste sessions door.
//
// Made on first use: the team's name, you (the facilitator, its first member: every edit you make
// is signed with your member id) and the others with their roles and the junior mark. Then, top
// to bottom: the sessions (plan the next one; planned and done, newest first), the members, the
// rota of who picks the category, when you meet (with the calendar file) and the reading list.
// Every change is a new revision of its record and is saved at once (store.h).
#include <algorithm>
#include <string>
#include <vector>

#include "core/shared/rng.h"
#include "core/shared/sorting.h"
#include "core/taste/formats.h"
#include "core/taste/merge.h"
#include "core/taste/team.h"
#include "imgui.h"
#include "platform/platform.h"
#include "app/shell.h"
#include "app/form.h"
#include "app/taste/parts.h"
#include "app/taste/store.h"
#include "app/widgets.h"

namespace {

using namespace loupe::taste;
using taste_ui::chip;

constexpr const char* kJuniorHelp =
    "Juniors speak first in the meeting, so their view is heard before anyone senior's. Only you see "
    "this: the mark stays in this browser and is in no invite or file you send.";

const std::vector<std::string> kRoleLabels = {"PM", "Designer", "Engineer", "Other"};
const std::vector<std::string> kWeekLabels = {"First", "Second", "Third", "Fourth", "Last"};
const std::vector<std::string> kDayLabels = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

struct TeamScreen {
    // Making the team.
    std::string new_name;
    std::vector<NewMember> new_members{NewMember{"", Role::PM, false}};
    std::string make_problem;
    int focus_new = -1;  // row whose name field takes the keyboard next frame
    // The team.
    std::uint64_t focus_member = 0;
    std::string time_text;  // "15:00" as typed
    bool time_edited = false;
    bool changed = false;  // a record changed this frame: save the team
    std::uint64_t plan_next = 0;  // session to open after drawing
};
TeamScreen ui;

bool wide() { return column_width() >= px(760); }

// ---- Making the team ------------------------------------------------------------------------------
void make_the_team() {
    std::vector<NewMember> members;
    for (const NewMember& m : ui.new_members) members.push_back({trim(m.name), m.role, m.junior});
    loupe::Rng rng(platform::random_u64());
    auto team = make_team(trim(ui.new_name), members, Cadence{}, 0, taste_store::now(), rng);
    if (!team) {
        ui.make_problem = team.error();
        return;
    }
    // You are the first member: sign every record of the new team as yours.
    std::uint64_t me = 0;
    for (const Member& m : team->members)
        if (m.name == members.front().name) me = m.head.id;
    team->settings.head.rev.author = me;
    for (Member& m : team->members) m.head.rev.author = me;
    for (JuniorFlag& f : team->juniors) f.head.rev.author = me;
    for (Book& b : team->books) b.head.rev.author = me;
    taste_store::adopt_team(std::move(*team), me);
    ui = {};
    ImGui::SetScrollY(0);
    notify("Your team is made. Plan its first session when you are ready.");
}

void new_team_screen() {
    const Palette& p = palette();
    begin_column();
    screen_header("Taste sessions", "taste/title",
                  "Once a month the team tries a few apps from one category, notes what is good, bad and ugly, "
                  "and turns it into ideas for your own product. Start with your team: you keep it in this "
                  "browser, and only what you send leaves it.");
    platform::announce("Taste sessions. Make your team: its name, you, and who else is in it.");
    const float width = column_width();
    begin_card(width);
    card_title("Make your team", "taste/new/title",
               "You are its first member: you plan the sessions and bring everyone's notes in.");
    const float inner = card_inner_width();
    field_label("Team name");
    text_field("taste/new/name", ui.new_name, kMaxNameBytes, std::min(inner, px(420)), "Checkout squad");
    ImGui::Dummy(ImVec2(0, px(6)));
    int remove = -1;
    for (int i = 0; i < int(ui.new_members.size()); ++i) {
        NewMember& m = ui.new_members[i];
        ImGui::PushID(i);
        const std::string id = "taste/new/member/" + std::to_string(i);
        field_label(i == 0 ? "You" : ("Member " + std::to_string(i + 1)).c_str());
        if (ui.focus_new == i) ImGui::SetKeyboardFocusHere(), ui.focus_new = -1;
        text_field((id + "/name").c_str(), m.name, kMaxNameBytes, wide() ? px(260) : inner,
                   i == 0 ? "Your name" : "Name");
        if (wide()) ImGui::SameLine();
        int role = int(m.role);
        if (taste_ui::choice_row((id + "/role").c_str(), kRoleLabels, role, wide() ? px(400) : inner))
            m.role = Role(role);
        if (i > 0) {
            if (wide()) ImGui::SameLine(0, px(16));
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button_height() - ImGui::GetFrameHeight()) / 2);
            ImGui::Checkbox("Junior", &m.junior);
            test_rect((id + "/junior").c_str());
            ImGui::SameLine(0, px(16));
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button_height() - ImGui::GetFrameHeight()) / 2);
            if (link_button("Remove", (id + "/remove").c_str())) remove = i;
        }
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(4)));
    }
    if (remove > 0) ui.new_members.erase(ui.new_members.begin() + remove);
    text_wrapped_colored(p.muted, kJuniorHelp);
    ImGui::Dummy(ImVec2(0, px(4)));
    ButtonRow row(inner);
    row.place(button_width("Add someone"));
    if (ui.new_members.size() < kMaxMembers && secondary_button("Add someone", "taste/new/add", ImVec2(0, button_height()))) {
        ui.new_members.push_back({"", Role::Other, false});
        ui.focus_new = int(ui.new_members.size()) - 1;
    }
    row.place(button_width("Make the team"));
    if (primary_button("Make the team", "taste/new/make", ImVec2(0, button_height()))) make_the_team();
    taste_ui::field_problem(ui.make_problem, "taste/new/problem");
    end_card();
    ImGui::Dummy(ImVec2(0, px(96)));  // room to scroll the last buttons above the messages
    end_column();
}

// ---- Editing the team's records ---------------------------------------------------------------------
Member* member_to_edit(Team& team, std::uint64_t id) {
    for (Member& m : team.members)
        if (m.head.id == id && !m.head.deleted) return &m;
    return nullptr;
}

void revise_settings(Team& team) {
    team.settings.head.rev = taste_store::revise(team.settings.head.rev);
    ui.changed = true;
}

void set_junior(Team& team, std::uint64_t id, bool junior) {
    for (JuniorFlag& f : team.juniors)
        if (f.head.id == id) {
            f.head = {id, taste_store::revise(f.head.rev), false};
            f.junior = junior;
            ui.changed = true;
            return;
        }
    team.juniors.push_back(JuniorFlag{{id, taste_store::revise({}), false}, junior});
    loupe::sort_stable(team.juniors, [](const JuniorFlag& a, const JuniorFlag& b) { return a.head.id < b.head.id; });
    ui.changed = true;
}

void add_member(Team& team) {
    std::uint64_t id = 0;
    while (id == 0 || find_member(team, id)) id = platform::random_u64();
    Member m;
    m.head = {id, taste_store::revise({}), false};
    m.role = Role::Other;
    team.members.insert(std::upper_bound(team.members.begin(), team.members.end(), m,
                                         [](const Member& a, const Member& b) { return a.head.id < b.head.id; }),
                        m);
    team.settings.rota.order.push_back(id);
    if (team.settings.rota.next == 0) team.settings.rota.next = id;
    revise_settings(team);
    ui.focus_member = id;
}

void remove_member(Team& team, std::uint64_t id) {
    const std::string name = taste_ui::member_name(team, id);
    Rota& rota = team.settings.rota;
    if (rota.next == id) rota_advance(rota, id);
    std::erase(rota.order, id);
    std::erase(rota.away, id);
    if (rota.next == id) rota.next = rota.order.empty() ? 0 : rota.order.front();
    revise_settings(team);
    for (Member& m : team.members)
        if (m.head.id == id) m = tombstone<Member>(id, taste_store::revise(m.head.rev));
    for (JuniorFlag& f : team.juniors)
        if (f.head.id == id) f = tombstone<JuniorFlag>(id, taste_store::revise(f.head.rev));
    // Planned sessions no longer invite them.
    for (Session& s : taste_store::sessions())
        if (s.plan.date >= taste_store::today() && (std::erase(s.plan.invited, id) || s.plan.picker == id)) {
            if (s.plan.picker == id) s.plan.picker = 0;
            s.plan.head.rev = taste_store::revise(s.plan.head.rev);
            taste_store::save_session(s);
        }
    notify(name + " is no longer in the team.");
}

// ---- Sessions -----------------------------------------------------------------------------------
void sessions_card(Team& team, float width) {
    const Palette& p = palette();
    begin_card(width);
    card_title("Sessions", "taste/sessions/title",
               "Plan the month's session, send the invite, and bring everyone's notes in. The library keeps them "
               "all: search every note, see every screenshot, follow the open actions.");
    const float inner = card_inner_width();
    const std::uint64_t picker = rota_picker(team.settings.rota);
    const std::string next = picker ? "Next to pick the category: " + taste_ui::member_name(team, picker) + "."
                                    : "Everyone in the rota is away: pick someone when you plan.";
    text_wrapped_colored(p.muted, next.c_str());
    ButtonRow row(inner);
    row.place(button_width("Plan the next session"));
    if (primary_button("Plan the next session", "taste/plan-next", ImVec2(0, button_height())))
        ui.plan_next = taste_store::plan_next_session();
    row.place(button_width("Library"));
    if (secondary_button("Library", "taste/library", ImVec2(0, button_height()))) navigate("/taste/library");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search every session's notes, see all screenshots and the open actions");
    const Date today = taste_store::today();
    const auto& all = taste_store::sessions();
    if (all.empty()) {
        text_wrapped_colored(p.muted, "No sessions yet.");
        test_rect("taste/sessions/none");
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Session& s = all[i];
        const Phase phase = s.meeting.phase;
        const bool done = phase == Phase::Done || (phase == Phase::Planned && s.plan.date < today);
        const bool under_way = !done && phase != Phase::Planned;
        std::string title = s.plan.category.empty() ? std::string("Category not chosen yet") : s.plan.category;
        std::size_t notes = std::count_if(s.notes.begin(), s.notes.end(), [](const Note& n) { return !n.head.deleted; });
        std::string line = (valid_date(s.plan.date) ? long_date_text(s.plan.date) + " " + std::to_string(s.plan.date.year)
                                                    : std::string("No date"));
        if (s.plan.picker) line += " · picked by " + taste_ui::member_name(team, s.plan.picker);
        line += " · " + (notes == 1 ? std::string("1 note") : std::to_string(notes) + " notes");
        const std::string id = "taste/session/" + std::to_string(i);
        ImGui::PushID(int(i));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const char* status = done ? "Done" : under_way ? "Under way" : "Planned";
        const float text_w = inner - pill_size(status).x - px(32);
        const float line_h = ImGui::GetTextLineHeight();
        const float meta_h = ImGui::CalcTextSize(line.c_str(), nullptr, false, text_w).y;
        const float row_h = line_h + meta_h + px(24);
        if (ImGui::Selectable("##row", false, 0, ImVec2(inner, row_h)))
            navigate("/taste/" + taste_store::hex_id(s.plan.head.id));
        test_rect(id.c_str());
        draw_focus_ring(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), px(8));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        pill(ImVec2(at.x + inner - pill_size(status).x - px(8), at.y + px(12)), status, done ? p.muted : p.accent);
        dl->PushClipRect(at, ImVec2(at.x + px(12) + text_w, at.y + row_h), true);
        dl->AddText(ImVec2(at.x + px(12), at.y + px(10)), p.text, title.c_str());
        dl->AddText(g_fonts.body, g_fonts.body->FontSize, ImVec2(at.x + px(12), at.y + px(12) + line_h), p.muted,
                    line.c_str(), nullptr, text_w);
        dl->PopClipRect();
        ImGui::PopID();
    }
    end_card();
}

// ---- Members ------------------------------------------------------------------------------------
void members_card(Team& team, float width) {
    const Palette& p = palette();
    begin_card(width);
    card_title("Members", "taste/members/title", kJuniorHelp);
    const float inner = card_inner_width();
    field_label("Team name");
    if (text_field("taste/team-name", team.settings.name, kMaxNameBytes, std::min(inner, px(420)))) revise_settings(team);
    ImGui::Dummy(ImVec2(0, px(6)));
    std::uint64_t remove = 0;
    const auto members = taste_ui::members_in_order(team);
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::uint64_t mid = members[i]->head.id;
        Member& m = *member_to_edit(team, mid);
        const std::string id = "taste/member/" + std::to_string(i);
        ImGui::PushID(int(i));
        if (ui.focus_member == mid) ImGui::SetKeyboardFocusHere(), ui.focus_member = 0;
        if (text_field((id + "/name").c_str(), m.name, kMaxNameBytes, wide() ? px(220) : inner, "Name")) {
            m.head.rev = taste_store::revise(m.head.rev);
            ui.changed = true;
        }
        if (wide()) ImGui::SameLine();
        int role = int(m.role);
        if (taste_ui::choice_row((id + "/role").c_str(), kRoleLabels, role, wide() ? px(400) : inner)) {
            m.role = Role(role);
            m.head.rev = taste_store::revise(m.head.rev);
            ui.changed = true;
        }
        if (wide()) ImGui::SameLine(0, px(16));
        if (mid == taste_store::me()) {
            ImGui::AlignTextToFramePadding();
            text_wrapped_colored(p.muted, "You");
        } else {
            bool junior = is_junior(team, mid);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button_height() - ImGui::GetFrameHeight()) / 2);
            if (ImGui::Checkbox("Junior", &junior)) set_junior(team, mid, junior);
            test_rect((id + "/junior").c_str());
            ImGui::SameLine(0, px(12));
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button_height() - ImGui::GetFrameHeight()) / 2);
            if (link_button("Remove", (id + "/remove").c_str())) remove = mid;
        }
        ImGui::PopID();
        if (!wide()) ImGui::Dummy(ImVec2(0, px(6)));
    }
    if (remove) remove_member(team, remove);
    ImGui::Dummy(ImVec2(0, px(4)));
    if (secondary_button("Add a member", "taste/member/add", ImVec2(0, button_height()))) add_member(team);
    taste_ui::field_problem(team_problem(team), "taste/team/problem");
    end_card();
}

// ---- Rota ---------------------------------------------------------------------------------------
void rota_card(Team& team, float width) {
    const Palette& p = palette();
    begin_card(width);
    card_title("Who picks the category", "taste/rota/title",
               "Everyone in turn. Whoever is away is passed over until they are back.");
    Rota& rota = team.settings.rota;
    const std::uint64_t picker = rota_picker(rota);
    const auto members = taste_ui::members_in_order(team);
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::uint64_t mid = members[i]->head.id;
        const std::string id = "taste/rota/" + std::to_string(i);
        ImGui::PushID(int(i));
        const bool away_now = std::find(rota.away.begin(), rota.away.end(), mid) != rota.away.end();
        bool away = away_now;
        ImGui::Checkbox("Away", &away);
        test_rect((id + "/away").c_str());
        if (away != away_now) {
            if (away) rota.away.push_back(mid);
            else std::erase(rota.away, mid);
            revise_settings(team);
        }
        ImGui::SameLine(0, px(16));
        const std::string name = std::to_string(i + 1) + ". " + (members[i]->name.empty() ? "(no name)" : members[i]->name);
        ImGui::TextUnformatted(name.c_str());
        test_rect((id + "/name").c_str());
        if (mid == picker) {
            ImGui::SameLine(0, px(12));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const ImVec2 size = pill(ImVec2(at.x, at.y), "Picks next", p.accent);
            ImGui::Dummy(size);
            test_rect("taste/rota/next");
        }
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::BeginDisabled(picker == 0);
    if (secondary_button("Pass the turn on", "taste/rota/skip", ImVec2(0, button_height()))) {
        rota_advance(rota, picker);
        revise_settings(team);
    }
    ImGui::EndDisabled();
    end_card();
}

// ---- When you meet --------------------------------------------------------------------------------
Date first_calendar_day(const Cadence& c) {
    const Date today = taste_store::today();
    const Date this_month = cadence_day(c, today.year, today.month);
    return this_month >= today ? this_month : next_session_date(c, today);
}

void cadence_card(Team& team, float width) {
    const Palette& p = palette();
    Cadence& c = team.settings.cadence;
    begin_card(width);
    card_title("When you meet", "taste/cadence/title", cadence_text(c).c_str());
    const float inner = card_inner_width();
    field_label("Week of the month");
    int week = c.week == -1 ? 4 : c.week - 1;
    if (taste_ui::choice_row("taste/cadence/week", kWeekLabels, week, inner)) {
        c.week = std::int8_t(week == 4 ? -1 : week + 1);
        revise_settings(team);
    }
    field_label("Day");
    int day = (c.weekday + 6) % 7;  // Monday first
    if (taste_ui::choice_row("taste/cadence/day", kDayLabels, day, inner)) {
        c.weekday = std::uint8_t((day + 1) % 7);
        revise_settings(team);
    }
    char shown[8];
    std::snprintf(shown, sizeof shown, "%02d:%02d", c.hour, c.minute);
    if (!ui.time_edited) ui.time_text = shown;
    const float fields_y = ImGui::GetCursorPosY();
    ImGui::BeginGroup();
    field_label("Time (24-hour)");
    if (text_field("taste/cadence/time", ui.time_text, 5, px(110), "15:00")) {
        ui.time_edited = true;
        int h = 0, m = 0;
        if (loupe::taste::parse_time_of_day(ui.time_text, h, m)) {
            c.hour = std::uint8_t(h), c.minute = std::uint8_t(m);
            revise_settings(team);
        }
    }
    if (!ImGui::IsItemActive()) ui.time_edited = false;
    ImGui::EndGroup();
    taste_ui::same_row_at(ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + px(32), fields_y);
    ImGui::BeginGroup();
    field_label("Minutes");
    int minutes = c.minutes;
    if (stepper("taste/cadence/minutes", minutes, 15, 240)) {
        c.minutes = std::uint16_t(minutes);
        revise_settings(team);
    }
    ImGui::EndGroup();
    if (ui.time_edited && std::snprintf(shown, sizeof shown, "%02d:%02d", c.hour, c.minute) && ui.time_text != shown)
        taste_ui::field_problem("Write the time as hours and minutes, like 15:00.", "taste/cadence/time-problem");
    const Date first = first_calendar_day(c);
    const std::string next = "Next: " + long_date_text(first) + " " + std::to_string(first.year) + ".";
    text_wrapped_colored(p.muted, next.c_str());
    if (secondary_button("Download calendar (.ics)", "taste/calendar", ImVec2(0, button_height()))) {
        const std::string ics = team_calendar(team, first, taste_store::now());
        const std::string name = (team.settings.name.empty() ? std::string("Taste sessions") : team.settings.name) + ".ics";
        const std::string where = platform::download(name, std::vector<std::uint8_t>(ics.begin(), ics.end()), "text/calendar");
        notify("Saved " + where + ". Open it, or send it to the team, to put every session on the calendar.");
    }
    end_card();
}

// ---- Reading list -------------------------------------------------------------------------------
void reading_card(Team& team, float width) {
    const Palette& p = palette();
    begin_card(width);
    card_title("Reading for newcomers", "taste/books/title",
               "Three short books the method builds on. Mark who has read which, so newcomers know where to start.");
    const float inner = card_inner_width();
    const auto members = taste_ui::members_in_order(team);
    int bi = 0;
    for (const Book& book : team.books) {
        if (book.head.deleted) continue;
        ImGui::PushID(bi);
        ImGui::TextWrapped("%s", book.title.c_str());
        text_wrapped_colored(p.muted, book.author.c_str());
        ButtonRow row(inner);
        for (std::size_t i = 0; i < members.size(); ++i) {
            Member& m = *member_to_edit(team, members[i]->head.id);
            const bool read = std::find(m.books_read.begin(), m.books_read.end(), book.head.id) != m.books_read.end();
            const std::string label = (read ? "\u2713 " : "") + (m.name.empty() ? std::string("(no name)") : m.name);
            const std::string id = "taste/book/" + std::to_string(bi) + "/member/" + std::to_string(i);
            row.place(button_width(label.c_str()));
            ImGui::PushID(int(i));
            if (chip(label.c_str(), id.c_str(), read)) {
                if (read) std::erase(m.books_read, book.head.id);
                else m.books_read.push_back(book.head.id);
                m.head.rev = taste_store::revise(m.head.rev);
                ui.changed = true;
            }
            ImGui::PopID();
        }
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(8)));
        ++bi;
    }
    end_card();
}

}  // namespace

void taste_team_screen() {
    Team* team = taste_store::team();
    if (!team) {
        new_team_screen();
        return;
    }
    begin_column();
    const std::string title = team->settings.name.empty() ? std::string("Your team") : team->settings.name;
    screen_header(title.c_str(), "taste/title",
                  "Your team's taste sessions: who is in it, who picks next, when you meet and what you have planned.");
    const std::uint64_t picker = rota_picker(team->settings.rota);
    const auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + (n == 1 ? one : many); };
    std::string spoken = "Taste sessions: " + title + ". " + count(taste_ui::members_in_order(*team).size(), " member. ", " members. ") +
                         (picker ? taste_ui::member_name(*team, picker) + " picks the next category. " : "") +
                         count(taste_store::sessions().size(), " session.", " sessions.");
    platform::announce(spoken);
    const float width = column_width();
    ui.changed = false;
    sessions_card(*team, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    members_card(*team, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    rota_card(*team, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    cadence_card(*team, width);
    ImGui::Dummy(ImVec2(0, px(12)));
    reading_card(*team, width);
    ImGui::Dummy(ImVec2(0, px(96)));  // room to scroll the last buttons above the messages
    end_column();
    if (ui.changed) taste_store::save_team();
    if (ui.plan_next) {
        const std::uint64_t id = ui.plan_next;
        ui.plan_next = 0;
        navigate("/taste/" + taste_store::hex_id(id));
    }
}
